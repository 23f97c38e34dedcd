#include "lists/internal/read_context.h"

#include <algorithm>
#include <unordered_map>

#include "base/ascii.h"
#include "lists/internal/field_forms.h"
#include "text/countries.h"
#include "text/utf8.h"

namespace qantara::lists {
namespace {

// Names shorter than this are deduplicated by a linear scan, longer lists by a hash map.
constexpr size_t kLinearDedupLimit = 16;

// Strength for merging duplicates: a repeated name keeps the stronger kind.
int KindStrength(NameKind k) {
  switch (k) {
    case NameKind::kPrimary:
      return 3;
    case NameKind::kAlias:
      return 2;
    case NameKind::kOriginalScript:
      return 1;
    case NameKind::kWeakAlias:
      return 0;
  }
  return 0;
}

std::string Describe(const Entity& e) { return e.ref.empty() ? "record" : "entity " + e.ref; }

// Returns the name of the first field that is not valid UTF-8, or "" when all are.
std::string FirstInvalidField(const Entity& e) {
  auto bad = [](std::string_view s) { return !text::ValidateUtf8(s).ok(); };
  if (bad(e.list)) return "list";
  if (bad(e.ref)) return "ref";
  if (bad(e.caption)) return "caption";
  for (size_t i = 0; i < e.names.size(); ++i) {
    if (bad(e.names[i].value)) return "names[" + std::to_string(i) + "]";
  }
  for (size_t i = 0; i < e.nationalities.size(); ++i) {
    if (bad(e.nationalities[i])) return "nationalities[" + std::to_string(i) + "]";
  }
  if (bad(e.gender)) return "gender";
  for (size_t i = 0; i < e.ids.size(); ++i) {
    const auto& d = e.ids[i];
    if (bad(d.type) || bad(d.number) || bad(d.country)) return "ids[" + std::to_string(i) + "]";
  }
  for (size_t i = 0; i < e.programs.size(); ++i) {
    if (bad(e.programs[i])) return "programs[" + std::to_string(i) + "]";
  }
  if (bad(e.listed_on)) return "listed_on";
  return "";
}

// Cleans, bounds and deduplicates e->names (see FinishEntity).
void FinishNames(Entity* e, const ReadContext& ctx, size_t line) {
  const size_t max_bytes = ctx.options->max_name_bytes;
  const size_t max_names = ctx.options->max_names_per_entity;
  std::vector<EntityName> kept;
  kept.reserve(std::min(e->names.size(), max_names));
  std::unordered_map<std::string, size_t> index;
  size_t too_long = 0, over_cap = 0;
  for (EntityName& n : e->names) {
    if (n.value.size() > max_bytes) {
      ++too_long;
      continue;
    }
    std::string value = CollapseSpaces(n.value);
    if (value.empty()) continue;
    size_t found = kept.size();
    if (kept.size() < kLinearDedupLimit) {
      for (size_t i = 0; i < kept.size(); ++i) {
        if (kept[i].value == value) found = i;
      }
    } else {
      if (index.empty()) {
        for (size_t i = 0; i < kept.size(); ++i) index.emplace(kept[i].value, i);
      }
      if (auto it = index.find(value); it != index.end()) found = it->second;
    }
    if (found < kept.size()) {
      if (KindStrength(n.kind) > KindStrength(kept[found].kind)) kept[found].kind = n.kind;
      continue;
    }
    if (kept.size() >= max_names) {
      ++over_cap;
      continue;
    }
    if (!index.empty()) index.emplace(value, kept.size());
    kept.push_back({std::move(value), n.kind});
  }
  if (too_long > 0) {
    ctx.Issue(line, Describe(*e) + ": " + std::to_string(too_long) +
                        " name(s) longer than max_name_bytes (" + std::to_string(max_bytes) +
                        ") dropped");
  }
  if (over_cap > 0) {
    ctx.Issue(line, Describe(*e) + ": more than max_names_per_entity (" +
                        std::to_string(max_names) + ") names; " + std::to_string(over_cap) +
                        " dropped");
  }
  e->names = std::move(kept);
}

// Bounds *v to `cap` values (an issue names `field`), then removes duplicates.
// The cap comes first so that the quadratic scan stays small on hostile input.
template <typename T>
void BoundAndDeduplicate(std::vector<T>* v, size_t cap, std::string_view field, const Entity& e,
                         const ReadContext& ctx, size_t line) {
  if (v->size() > cap) {
    ctx.Issue(line, Describe(e) + ": more than " + std::to_string(cap) + " " + std::string(field) +
                        "; " + std::to_string(v->size() - cap) + " dropped");
    v->resize(cap);
  }
  std::vector<T> out;
  out.reserve(v->size());
  for (T& x : *v) {
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(std::move(x));
  }
  *v = std::move(out);
}

bool IsNotAvailable(std::string_view s) {
  s = TrimSpaces(s);
  return s.empty() || EqualsIgnoreCase(s, "na") || EqualsIgnoreCase(s, "n/a") ||
         EqualsIgnoreCase(s, "unknown") || EqualsIgnoreCase(s, "-0-");
}

}  // namespace

void ReadContext::Issue(size_t line, std::string message) const {
  issues->push_back(LoadIssue{path, line, std::move(message)});
}

Status ReadContext::Error(StatusCode code, size_t line, std::string_view message) const {
  std::string m = path;
  if (line > 0)
    m.append(":").append(std::to_string(line));  // append: GCC 12 -Wrestrict false positive on +
  m.append(": ").append(message);
  return Status(code, std::move(m));
}

bool FinishEntity(Entity* e, const ReadContext& ctx, size_t line) {
  e->ref = CollapseSpaces(e->ref);
  if (e->ref.empty()) {
    ctx.Issue(line, "record has no identifier (the list's own reference); skipped");
    return false;
  }
  if (std::string field = FirstInvalidField(*e); !field.empty()) {
    ctx.Issue(line, Describe(*e) + ": field " + field + " is not valid UTF-8; record skipped");
    return false;
  }
  FinishNames(e, ctx, line);
  if (e->names.empty()) {
    ctx.Issue(line, Describe(*e) + ": no usable name; record skipped");
    return false;
  }
  auto primary = std::find_if(e->names.begin(), e->names.end(),
                              [](const EntityName& n) { return n.kind == NameKind::kPrimary; });
  if (primary == e->names.end()) {
    primary = std::find_if(e->names.begin(), e->names.end(),
                           [](const EntityName& n) { return n.kind != NameKind::kOriginalScript; });
    if (primary == e->names.end()) primary = e->names.begin();
    primary->kind = NameKind::kPrimary;
  }
  e->caption = CollapseSpaces(e->caption);
  if (e->caption.empty() || e->caption.size() > ctx.options->max_name_bytes) {
    e->caption = primary->value;
  }
  const size_t cap = ctx.options->max_names_per_entity;
  BoundAndDeduplicate(&e->birth_dates, cap, "birth_dates", *e, ctx, line);
  BoundAndDeduplicate(&e->nationalities, cap, "nationalities", *e, ctx, line);
  BoundAndDeduplicate(&e->programs, cap, "programs", *e, ctx, line);
  std::erase_if(e->ids, [](const IdentityDocument& d) { return TrimSpaces(d.number).empty(); });
  BoundAndDeduplicate(&e->ids, cap, "ids", *e, ctx, line);
  return true;
}

void AddCountries(std::string_view text, std::vector<std::string>* codes, const ReadContext& ctx,
                  size_t line, std::string_view field) {
  if (IsNotAvailable(text)) return;
  CountryList found = CountriesIn(text);
  for (std::string& code : found.codes) AddUnique(codes, std::move(code));
  for (const std::string& unknown : found.unknown) {
    if (IsNotAvailable(unknown)) continue;
    ctx.Issue(line, std::string(field) + ": unknown country \"" + unknown + "\" left out");
  }
}

std::string DocumentCountry(std::string_view text, const ReadContext& ctx, size_t line,
                            std::string_view field) {
  if (IsNotAvailable(text)) return "";
  std::string code = text::CountryCode(text);
  if (code.empty()) {
    ctx.Issue(line, std::string(field) + ": unknown country \"" + std::string(TrimSpaces(text)) +
                        "\" left out");
  }
  return code;
}

}  // namespace qantara::lists
