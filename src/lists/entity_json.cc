#include "lists/entity_json.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "base/ascii.h"
#include "lists/internal/field_forms.h"
#include "text/countries.h"
#include "text/utf8.h"

namespace qantara::lists {
namespace {

using nlohmann::json;

void AppendJsonString(std::string_view s, std::string* out) {
  std::string scrubbed;
  if (!text::ValidateUtf8(s).ok()) {
    scrubbed = text::ScrubUtf8(s);
    s = scrubbed;
  }
  out->push_back('"');
  for (char c : s) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out->append(buf);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

void AppendKey(std::string_view key, std::string* out) {
  if (out->size() > 1) out->push_back(',');
  AppendJsonString(key, out);
  out->push_back(':');
}

template <typename T, typename Fn>
void AppendArray(std::string_view key, const std::vector<T>& items, Fn&& write_item,
                 std::string* out) {
  AppendKey(key, out);
  out->push_back('[');
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out->push_back(',');
    write_item(items[i]);
  }
  out->push_back(']');
}

// "field \"names[2].kind\": expected ..." -- `what` starts with ": ".
Status FieldError(std::string_view path, std::string_view what) {
  return Status::Corruption("field \"" + std::string(path) + "\"" + std::string(what));
}

// Reads an optional string member; errors (naming `path`, default `key`) when
// present but not a string.
Status GetString(const json& obj, const char* key, std::string* out, std::string_view path = "") {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (!it->is_string()) return FieldError(path.empty() ? key : path, ": expected a string");
  *out = it->get<std::string>();
  return Status::Ok();
}

// Calls fn(item, index) for each element of an optional array member.
template <typename Fn>
Status ForEachItem(const json& obj, const char* key, Fn&& fn) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return Status::Ok();
  if (!it->is_array()) return FieldError(key, ": expected an array");
  for (size_t i = 0; i < it->size(); ++i) QANTARA_RETURN_IF_ERROR(fn((*it)[i], i));
  return Status::Ok();
}

std::string Indexed(size_t i) { return "[" + std::to_string(i) + "]"; }

Status ReadNames(const json& obj, Entity* e) {
  return ForEachItem(obj, "names", [&](const json& item, size_t i) -> Status {
    EntityName n;
    n.kind = e->names.empty() ? NameKind::kPrimary : NameKind::kAlias;
    if (item.is_string()) {
      n.value = item.get<std::string>();
    } else if (item.is_object()) {
      auto v = item.find("value");
      if (v == item.end() || !v->is_string())
        return FieldError("names" + Indexed(i) + ".value", ": expected a string");
      n.value = v->get<std::string>();
      auto k = item.find("kind");
      if (k != item.end() && !k->is_null()) {
        std::optional<NameKind> kind =
            k->is_string() ? ParseNameKind(k->get<std::string>()) : std::nullopt;
        if (!kind) {
          return FieldError("names" + Indexed(i) + ".kind",
                            ": expected primary, alias, weak_alias or original_script");
        }
        n.kind = *kind;
      }
    } else {
      return FieldError("names" + Indexed(i), ": expected {\"value\", \"kind\"}");
    }
    e->names.push_back(std::move(n));
    return Status::Ok();
  });
}

Status ReadDates(const json& obj, Entity* e) {
  return ForEachItem(obj, "birth_dates", [&](const json& item, size_t i) -> Status {
    if (!item.is_string()) return FieldError("birth_dates" + Indexed(i), ": expected a string");
    auto d = PartialDate::Parse(item.get<std::string>());
    if (!d)
      return FieldError("birth_dates" + Indexed(i),
                        ": cannot read date \"" + item.get<std::string>() + "\"");
    e->birth_dates.push_back(*d);
    return Status::Ok();
  });
}

// An alpha-2 code or a country name -> lower-case code.
Status ReadCountry(std::string_view field, const std::string& value, std::string* code) {
  if (value.empty()) return Status::Ok();
  *code = text::IsCountryCode(value) ? AsciiLower(value) : text::CountryCode(value);
  if (code->empty()) return FieldError(field, ": unknown country \"" + value + "\"");
  return Status::Ok();
}

Status ReadNationalities(const json& obj, Entity* e) {
  return ForEachItem(obj, "nationalities", [&](const json& item, size_t i) -> Status {
    if (!item.is_string()) return FieldError("nationalities" + Indexed(i), ": expected a string");
    std::string code;
    QANTARA_RETURN_IF_ERROR(
        ReadCountry("nationalities" + Indexed(i), item.get<std::string>(), &code));
    e->nationalities.push_back(std::move(code));  // deduplicated by the loader, bounded
    return Status::Ok();
  });
}

Status ReadIds(const json& obj, Entity* e) {
  return ForEachItem(obj, "ids", [&](const json& item, size_t i) -> Status {
    std::string field = "ids" + Indexed(i);
    if (!item.is_object())
      return FieldError(field, ": expected {\"type\", \"number\", \"country\"}");
    IdentityDocument d;
    std::string country;
    QANTARA_RETURN_IF_ERROR(GetString(item, "type", &d.type, field + ".type"));
    QANTARA_RETURN_IF_ERROR(GetString(item, "number", &d.number, field + ".number"));
    QANTARA_RETURN_IF_ERROR(GetString(item, "country", &country, field + ".country"));
    QANTARA_RETURN_IF_ERROR(ReadCountry(field + ".country", country, &d.country));
    if (d.number.empty()) return FieldError(field + ".number", ": expected a non-empty string");
    if (d.type.empty()) d.type = "other";
    e->ids.push_back(std::move(d));
    return Status::Ok();
  });
}

Status ReadPrograms(const json& obj, Entity* e) {
  return ForEachItem(obj, "programs", [&](const json& item, size_t i) -> Status {
    if (!item.is_string()) return FieldError("programs" + Indexed(i), ": expected a string");
    e->programs.push_back(item.get<std::string>());
    return Status::Ok();
  });
}

// list, ref and id, which must agree when all are given.
Status ReadIdentity(const json& obj, Entity* e) {
  std::string id;
  QANTARA_RETURN_IF_ERROR(GetString(obj, "id", &id));
  QANTARA_RETURN_IF_ERROR(GetString(obj, "list", &e->list));
  QANTARA_RETURN_IF_ERROR(GetString(obj, "ref", &e->ref));
  if (id.empty()) return Status::Ok();
  size_t colon = id.find(':');
  if (colon == std::string::npos) {
    if (e->ref.empty()) e->ref = id;
    return Status::Ok();
  }
  if (e->list.empty()) e->list = id.substr(0, colon);
  if (e->ref.empty()) e->ref = id.substr(colon + 1);
  if (e->id() != id)
    return FieldError("id", ": \"" + id + "\" disagrees with list \"" + e->list + "\" and ref \"" +
                                e->ref + "\"");
  return Status::Ok();
}

Status ReadScalars(const json& obj, Entity* e) {
  std::string schema, listed_on;
  QANTARA_RETURN_IF_ERROR(GetString(obj, "schema", &schema));
  if (!schema.empty()) {
    std::optional<Schema> s = ParseSchema(schema);
    if (!s)
      return FieldError("schema",
                        ": \"" + schema + "\" is not Person, Organization, Vessel or Aircraft");
    e->schema = *s;
  }
  QANTARA_RETURN_IF_ERROR(GetString(obj, "caption", &e->caption));
  QANTARA_RETURN_IF_ERROR(GetString(obj, "gender", &e->gender));
  if (!e->gender.empty()) {
    std::string g = NormalizeGender(e->gender);
    if (g.empty()) return FieldError("gender", ": \"" + e->gender + "\" is not male or female");
    e->gender = g;
  }
  QANTARA_RETURN_IF_ERROR(GetString(obj, "listed_on", &listed_on));
  if (!listed_on.empty()) {
    auto d = PartialDate::Parse(listed_on);
    if (!d) return FieldError("listed_on", ": cannot read date \"" + listed_on + "\"");
    e->listed_on = d->ToString();
  }
  return Status::Ok();
}

}  // namespace

std::string EntityToJson(const Entity& e) {
  std::string out;
  out.reserve(256 + e.names.size() * 48);
  out.push_back('{');
  AppendKey("id", &out);
  AppendJsonString(e.id(), &out);
  AppendKey("list", &out);
  AppendJsonString(e.list, &out);
  AppendKey("ref", &out);
  AppendJsonString(e.ref, &out);
  AppendKey("schema", &out);
  AppendJsonString(SchemaName(e.schema), &out);
  AppendKey("caption", &out);
  AppendJsonString(e.caption, &out);
  AppendArray(
      "names", e.names,
      [&out](const EntityName& n) {
        out.append("{\"value\":");
        AppendJsonString(n.value, &out);
        out.append(",\"kind\":");
        AppendJsonString(NameKindName(n.kind), &out);
        out.push_back('}');
      },
      &out);
  AppendArray(
      "birth_dates", e.birth_dates,
      [&out](const PartialDate& d) { AppendJsonString(d.ToString(), &out); }, &out);
  AppendArray(
      "nationalities", e.nationalities, [&out](const std::string& s) { AppendJsonString(s, &out); },
      &out);
  AppendKey("gender", &out);
  AppendJsonString(e.gender, &out);
  AppendArray(
      "ids", e.ids,
      [&out](const IdentityDocument& d) {
        out.append("{\"type\":");
        AppendJsonString(d.type, &out);
        out.append(",\"number\":");
        AppendJsonString(d.number, &out);
        out.append(",\"country\":");
        AppendJsonString(d.country, &out);
        out.push_back('}');
      },
      &out);
  AppendArray(
      "programs", e.programs, [&out](const std::string& s) { AppendJsonString(s, &out); }, &out);
  AppendKey("listed_on", &out);
  AppendJsonString(e.listed_on, &out);
  out.push_back('}');
  return out;
}

Result<Entity> EntityFromJson(std::string_view line) {
  json obj;
  try {
    obj = json::parse(line.begin(), line.end());
  } catch (const json::exception& ex) {
    return Status::Corruption(std::string("invalid JSON: ") + ex.what());
  }
  if (!obj.is_object()) return Status::Corruption("expected a JSON object (one entity per line)");
  Entity e;
  QANTARA_RETURN_IF_ERROR(ReadIdentity(obj, &e));
  QANTARA_RETURN_IF_ERROR(ReadScalars(obj, &e));
  QANTARA_RETURN_IF_ERROR(ReadNames(obj, &e));
  QANTARA_RETURN_IF_ERROR(ReadDates(obj, &e));
  QANTARA_RETURN_IF_ERROR(ReadNationalities(obj, &e));
  QANTARA_RETURN_IF_ERROR(ReadIds(obj, &e));
  QANTARA_RETURN_IF_ERROR(ReadPrograms(obj, &e));
  if (e.names.empty() && !e.caption.empty()) e.names.push_back({e.caption, NameKind::kPrimary});
  if (e.names.empty()) return FieldError("names", ": an entity needs at least one name");
  return e;
}

}  // namespace qantara::lists
