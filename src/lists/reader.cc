// LoadLists: read files, pick each one's reader by content, merge OFAC's CSV set.
//
// Per file: read it whole (bounded by max_file_bytes), gunzip when it starts with
// 1f 8b, drop a trailing DOS end-of-file byte (0x1A, as OFAC's CSVs end), refuse
// empty, UTF-16 and binary files with a message the user can act on, detect the
// format (detect.cc), hash the bytes, and hand them to the format's reader
// (format_readers.h). OFAC's sdn/alt/add CSVs are gathered and merged once every
// file is read, so they may come in any order. Ids (list:ref) stay unique: an
// entity whose id was already loaded is merged into the first one (OFAC lists 61
// parties on both its SDN and non-SDN lists under the same uid).
#include <unordered_map>

#include "base/file.h"
#include "io/digest.h"
#include "io/inflate.h"
#include "lists/internal/format_readers.h"

namespace qantara::lists {
namespace {

constexpr std::string_view kFormatsWeRead =
    "Qantara reads UN consolidated XML, OFAC sdnList XML, OFAC legacy CSV (sdn.csv, alt.csv, "
    "add.csv), EU FSF XML, UK OFSI ConList.csv, our JSONL entities, and CSV with a \"name\" "
    "column";

bool LooksBinary(std::string_view data) {
  std::string_view start = data.substr(0, 8192);
  size_t controls = 0;
  for (char ch : start) {
    auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) ++controls;
  }
  return controls * 10 > start.size();
}

bool IsBlank(std::string_view data) {
  for (char c : data) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
  }
  return true;
}

// The checks every file passes before its reader sees it.
Status CheckUsable(std::string_view data, const std::string& path) {
  if (IsBlank(data)) return Status::Corruption(path + ": empty file");
  if (data.size() >= 2 &&
      ((data[0] == '\xFF' && data[1] == '\xFE') || (data[0] == '\xFE' && data[1] == '\xFF'))) {
    return Status::Unsupported(path + ": UTF-16 text is not supported; save the file as UTF-8");
  }
  if (LooksBinary(data)) return Status::Corruption(path + ": not a list file (binary data)");
  return Status::Ok();
}

Status Dispatch(Format format, std::string_view data, const ReadContext& ctx, ListSource* source,
                std::vector<Entity>* out, OfacCsvSet* ofac) {
  switch (format) {
    case Format::kUnXml:
      return ReadUnXml(data, ctx, source, out);
    case Format::kOfacXml:
      return ReadOfacXml(data, ctx, source, out);
    case Format::kEuXml:
      return ReadEuXml(data, ctx, source, out);
    case Format::kUkCsv:
      return ReadUkCsv(data, ctx, source, out);
    case Format::kJsonl:
      return ReadJsonl(data, ctx, source, out);
    case Format::kCsv:
      return ReadSimpleCsv(data, ctx, source, out);
    case Format::kOfacSdnCsv:
      return ReadOfacSdnCsv(data, ctx, source, ofac);
    case Format::kOfacAltCsv:
      return ReadOfacAltCsv(data, ctx, source, ofac);
    case Format::kOfacAddCsv:
      return ReadOfacAddCsv(data, ctx, source, ofac);
    case Format::kUnknown:
      break;
  }
  return ctx.Error(StatusCode::kUnsupported, 0,
                   "unknown list format; " + std::string(kFormatsWeRead));
}

// Reads one file into *result (and *ofac for OFAC CSVs).
Status LoadOne(const std::string& path, const LoadOptions& options, LoadResult* result,
               OfacCsvSet* ofac) {
  Result<std::string> raw =
      ReadWholeFile(options.env ? *options.env : *Env::Default(), path, options.max_file_bytes);
  if (!raw.ok()) return raw.status();
  std::string bytes = std::move(raw).value();
  if (io::IsGzip(bytes)) {
    Result<std::string> inflated = io::Gunzip(bytes, options.max_file_bytes);
    if (!inflated.ok()) return inflated.status().WithPrefix(path);
    bytes = std::move(inflated).value();
  }
  while (!bytes.empty() && bytes.back() == '\x1A') bytes.pop_back();
  QANTARA_RETURN_IF_ERROR(CheckUsable(bytes, path));
  ReadContext ctx{path, &options, &result->issues};
  ListSource source;
  source.path = path;
  source.format = DetectFormat(bytes);
  if (source.format == Format::kUnknown) {
    return ctx.Error(StatusCode::kUnsupported, 0,
                     "unknown list format; " + std::string(kFormatsWeRead));
  }
  source.sha256 = io::Sha256Hex(bytes);
  const size_t issues_before = result->issues.size();
  const size_t entities_before = result->entities.size();
  QANTARA_RETURN_IF_ERROR(Dispatch(source.format, bytes, ctx, &source, &result->entities, ofac));
  bool set_member = source.format == Format::kOfacSdnCsv || source.format == Format::kOfacAltCsv ||
                    source.format == Format::kOfacAddCsv;
  if (!set_member && result->entities.size() == entities_before &&
      result->issues.size() > issues_before) {
    const LoadIssue& first = result->issues[issues_before];
    return ctx.Error(StatusCode::kCorruption, first.line,
                     "no usable record (first problem: " + first.message + ")");
  }
  result->sources.push_back(std::move(source));
  return Status::Ok();
}

// Folds `later` into `earlier`, an entity with the same id from another record:
// the same party published twice (OFAC lists the same uid on the SDN and the
// non-SDN lists; a file may be given twice). Names, dates, nationalities, ids and
// programs are united; `later`'s primary names become aliases.
void MergeInto(Entity* earlier, Entity* later, const ReadContext& ctx) {
  for (EntityName& n : later->names) {
    if (n.kind == NameKind::kPrimary) n.kind = NameKind::kAlias;
    earlier->names.push_back(std::move(n));
  }
  auto append = [](auto* to, auto* from) {
    for (auto& x : *from) to->push_back(std::move(x));
  };
  append(&earlier->birth_dates, &later->birth_dates);
  append(&earlier->nationalities, &later->nationalities);
  append(&earlier->ids, &later->ids);
  append(&earlier->programs, &later->programs);
  if (earlier->gender.empty()) earlier->gender = later->gender;
  if (earlier->listed_on.empty()) earlier->listed_on = later->listed_on;
  FinishEntity(earlier, ctx, 0);  // deduplicates and re-applies the caps
}

// Merges entities from `from` on whose id was already loaded into the first one.
// A repeat within the same file (same `from` batch) is also an issue: one file
// should not list a party twice.
void MergeDuplicateIds(LoadResult* result, size_t from, const ReadContext& ctx,
                       std::unordered_map<std::string, size_t>* index) {
  std::vector<Entity>& all = result->entities;
  size_t kept = from;
  for (size_t i = from; i < all.size(); ++i) {
    std::string id = all[i].id();
    auto [it, added] = index->emplace(id, kept);
    if (!added) {
      if (it->second >= from) ctx.Issue(0, "entity " + id + " appears twice; records merged");
      MergeInto(&all[it->second], &all[i], ctx);
      continue;
    }
    if (kept != i) all[kept] = std::move(all[i]);
    ++kept;
  }
  all.resize(kept);
}

}  // namespace

std::string LoadIssue::ToString() const {
  std::string out = file;
  if (line > 0)
    out.append(":").append(std::to_string(line));  // append: GCC 12 -Wrestrict false positive on +
  out.append(": ").append(message);
  return out;
}

Result<LoadResult> LoadLists(const std::vector<std::string>& paths, const LoadOptions& options) {
  LoadResult result;
  OfacCsvSet ofac;
  std::unordered_map<std::string, size_t> ids;  // entity id -> index in result.entities
  for (const std::string& path : paths) {
    size_t before = result.entities.size();
    QANTARA_RETURN_IF_ERROR(LoadOne(path, options, &result, &ofac));
    MergeDuplicateIds(&result, before, ReadContext{path, &options, &result.issues}, &ids);
  }
  size_t before = result.entities.size();
  ReadContext ofac_ctx{"", &options, &result.issues};
  MergeOfacCsvSet(&ofac, ofac_ctx, &result.entities);
  // The set's entities are unique by ent_num: a repeat comes from another file.
  MergeDuplicateIds(&result, before, ofac_ctx, &ids);
  return result;
}

}  // namespace qantara::lists
