// FollowTheMoney entities from a news database (ftm.h). Checked
// against the published model (npm @alephdata/followthemoney,
// dist/defaultModel.json) by tests/e2e/export_ftm.test.mjs: every schema,
// property, value type, required property and entity reference.
#include "export/ftm.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "io/digest.h"
#include "text/countries.h"

namespace qantara::export_ {

using news::EntityRecord;
using news::EventActor;
using news::EventTypeName;
using news::ExportedDocument;
using news::LanguageShare;
using news::LinkedEvent;
using news::LinkedMention;
using news::Mention;
using news::MentionType;
using news::NewsExport;
using news::ReadDocument;

namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kMaxNameBytes = 300;  // FtM's name type holds 384 bytes

// Properties in insertion order, each with distinct non-empty values.
class Entity {
 public:
  Entity(std::string id, std::string schema) : id_(std::move(id)), schema_(std::move(schema)) {}
  Entity& Add(const std::string& prop, const std::string& value) {
    if (value.empty()) return *this;
    auto it =
        std::find_if(props_.begin(), props_.end(), [&](const auto& p) { return p.first == prop; });
    if (it == props_.end()) {
      props_.push_back({prop, {value}});
    } else if (std::find(it->second.begin(), it->second.end(), value) == it->second.end()) {
      it->second.push_back(value);
    }
    return *this;
  }
  std::string Dump() const {
    Json j;
    j["id"] = id_;
    j["schema"] = schema_;
    Json props = Json::object();
    for (const auto& [k, v] : props_) props[k] = v;
    j["properties"] = std::move(props);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

 private:
  std::string id_, schema_;
  std::vector<std::pair<std::string, std::vector<std::string>>> props_;
};

std::string FtmId(std::string_view kind, std::string_view key) {
  return "qantara-" + io::Sha1Hex(std::string(kind) + "\n" + std::string(key));
}

// `s` cut to at most `max` bytes on a UTF-8 character boundary.
std::string Cut(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// FtM dates are ISO prefixes: "2019", "2019-02", "2019-02-06" (no weeks).
bool FtmDate(const std::string& s) {
  static constexpr std::string_view kShape = "dddd-dd-dd";
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((kShape[i] == 'd') != (s[i] >= '0' && s[i] <= '9')) return false;
  }
  return true;
}

// ISO 639-1 (what the language detector gives) to FtM's ISO 639-3.
std::string Language3(const std::string& code) {
  static const std::map<std::string, std::string> kCodes = {
      {"ar", "ara"}, {"fr", "fra"}, {"en", "eng"}, {"es", "spa"}, {"de", "deu"},
      {"it", "ita"}, {"pt", "por"}, {"tr", "tur"}, {"fa", "fas"}, {"ru", "rus"}};
  auto it = kCodes.find(code);
  return it == kCodes.end() ? "" : it->second;
}

std::string SchemaOf(MentionType type) {
  switch (type) {
    case MentionType::kPerson:
      return "Person";
    case MentionType::kOrganization:
      return "Organization";
    case MentionType::kLocation:
      break;
  }
  return "Address";
}

void AddEntities(const NewsExport& data, std::vector<std::string>* out) {
  std::vector<std::string> sanctions;
  for (const EntityRecord& e : data.entities) {
    Entity f(FtmEntityId(e.key), SchemaOf(e.type));
    f.Add("name", Cut(e.canonical, kMaxNameBytes));
    if (e.type == MentionType::kLocation) {
      f.Add("full", e.canonical).Add("country", text::CountryCode(e.canonical));
    }
    for (const std::string& n : e.names) {
      if (n != e.canonical) f.Add("alias", Cut(n, kMaxNameBytes));
    }
    if (e.listed && e.type != MentionType::kLocation) {
      f.Add("topics", "sanction");
      Entity s(FtmId("sanction", e.key), "Sanction");
      s.Add("entity", FtmEntityId(e.key)).Add("authority", e.listed->list);
      s.Add("authorityId", e.listed->ref);
      s.Add("summary", "listed as " + e.listed->caption + " (" + e.listed->list + " " +
                           e.listed->ref + "), found by qantara read --list");
      auto entry = data.list_entries.find(e.listed->list + ":" + e.listed->ref);
      if (entry != data.list_entries.end()) {
        for (const std::string& p : entry->second.programs) {
          s.Add("program", p);
          f.Add("program", p);
        }
        if (FtmDate(entry->second.listed_on)) s.Add("listingDate", entry->second.listed_on);
      }
      sanctions.push_back(s.Dump());
    }
    out->push_back(f.Dump());
  }
  out->insert(out->end(), sanctions.begin(), sanctions.end());
}

void AddDocument(const ExportedDocument& d, const std::map<std::string, MentionType>& types,
                 std::vector<std::string>* out) {
  const ReadDocument& r = d.read;
  const std::string article_id = FtmId("document", r.doc);
  Entity a(article_id, "Article");
  a.Add("name", Cut(r.title.empty() ? r.doc : r.title, kMaxNameBytes)).Add("title", r.title);
  a.Add("fileName", r.doc).Add("sourceUrl", r.url).Add("bodyText", r.text);
  if (FtmDate(r.published)) a.Add("publishedAt", r.published);
  for (const LanguageShare& s : r.languages.shares) a.Add("language", Language3(s.lang));
  // One Mention or Documentation per entity, with every form written.
  std::map<std::string, Entity> links;
  std::vector<std::string> order;
  for (const LinkedMention& m : d.mentions) {
    if (!types.count(m.entity)) continue;  // only entities the export holds are referred to
    const MentionType t = types.at(m.entity);
    a.Add(t == MentionType::kPerson         ? "peopleMentioned"
          : t == MentionType::kOrganization ? "companiesMentioned"
                                            : "locationMentioned",
          Cut(m.canonical, kMaxNameBytes));
    auto it = links.find(m.entity);
    if (it == links.end()) {
      order.push_back(m.entity);
      if (t == MentionType::kLocation) {
        Entity l(FtmId("documentation", r.doc + "\n" + m.entity), "Documentation");
        l.Add("document", article_id).Add("entity", FtmEntityId(m.entity)).Add("role", "mentioned");
        it = links.emplace(m.entity, std::move(l)).first;
      } else {
        Entity l(FtmId("mention", r.doc + "\n" + m.entity), "Mention");
        l.Add("document", article_id).Add("resolved", FtmEntityId(m.entity));
        l.Add("detectedSchema", SchemaOf(t));
        it = links.emplace(m.entity, std::move(l)).first;
      }
    }
    if (t != MentionType::kLocation) it->second.Add("name", Cut(m.mention.text, kMaxNameBytes));
  }
  out->push_back(a.Dump());
  for (const std::string& key : order) out->push_back(links.at(key).Dump());
  for (size_t i = 0; i < d.events.size(); ++i) {
    const LinkedEvent& e = d.events[i];
    Entity f(FtmId("event", r.doc + "\n" + std::to_string(i)), "Event");
    std::string name = std::string(EventTypeName(e.type)) + ":";
    for (const EventActor& p : e.participants) name += " " + p.canonical + ",";
    if (name.back() == ',') name.pop_back();
    if (e.place) name += " in " + e.place->canonical;
    f.Add("name", Cut(name, kMaxNameBytes)).Add("summary", e.sentence);
    if (FtmDate(e.date)) f.Add("date", e.date);
    auto place = e.place ? types.find(e.place->entity) : types.end();
    if (place != types.end() && place->second == MentionType::kLocation) {
      f.Add("location", e.place->canonical).Add("addressEntity", FtmEntityId(e.place->entity));
    }
    for (const EventActor& p : e.participants) {
      auto t = types.find(p.entity);
      if (t != types.end() && t->second != MentionType::kLocation) {
        f.Add("involved", FtmEntityId(p.entity));
      }
    }
    f.Add("proof", article_id).Add("sourceUrl", r.url);
    out->push_back(f.Dump());
  }
}

}  // namespace

std::string FtmEntityId(const std::string& key) { return FtmId("entity", key); }

std::vector<std::string> FtmEntities(const NewsExport& data) {
  std::vector<std::string> out;
  std::map<std::string, MentionType> types;
  for (const EntityRecord& e : data.entities) types[e.key] = e.type;
  AddEntities(data, &out);
  for (const ExportedDocument& d : data.documents) AddDocument(d, types, &out);
  return out;
}

}  // namespace qantara::export_
