// STIX 2.1 objects from a news database (stix.h). Checked in
// tests/export/export_test.cc against the rules of the STIX 2.1 specification
// (OASIS Standard, 2021): required common properties, id form and UUID
// version, timestamps, references resolving inside the bundle, vocabularies.
// No machine-readable STIX schema is packaged by Debian or npm (see
// docs/export.md), so the checks are written from the specification.
#include "export/stix.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "io/digest.h"
#include "news/gazetteer.h"
#include "text/countries.h"

namespace qantara::export_ {

using news::EntityRecord;
using news::EventActor;
using news::EventTypeName;
using news::ExportedDocument;
using news::LinkedEvent;
using news::LinkedMention;
using news::Listed;
using news::MentionType;
using news::NewsExport;
using news::ReadDocument;

namespace {

using Json = nlohmann::ordered_json;

constexpr char kEpoch[] = "1970-01-01T00:00:00.000Z";

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string StixId(std::string_view type, std::string_view name) {
  return std::string(type) + "--" +
         io::UuidV5(kStixNamespace, std::string(type) + "\n" + std::string(name));
}

// The properties every SDO and SRO carries.
Json Common(std::string_view type, const std::string& id, const std::string& time) {
  Json j;
  j["type"] = type;
  j["spec_version"] = "2.1";
  j["id"] = id;
  j["created"] = time;
  j["modified"] = time;
  return j;
}

Json Reference(const std::string& source, const std::string& external_id) {
  return Json::array({{{"source_name", source}, {"external_id", external_id}}});
}

// Builds the objects; remembers which exported object stands for an entity.
class StixWriter {
 public:
  explicit StixWriter(const NewsExport& data) : data_(data) {
    time_ = Rfc3339(data.written_at);
    if (time_.empty()) time_ = kEpoch;
  }

  std::vector<std::string> Run() {
    for (const EntityRecord& e : data_.entities) AddEntity(e);
    for (const ExportedDocument& d : data_.documents) AddDocument(d);
    return std::move(out_);
  }

 private:
  void AddEntity(const EntityRecord& e) {
    std::string names;
    for (const std::string& n : e.names) {
      if (n != e.canonical) names += (names.empty() ? "" : "; ") + n;
    }
    if (e.type == MentionType::kLocation) {
      std::string country = text::CountryCode(e.canonical);
      if (country.empty()) country = news::CountryCodeOf(e.key);  // a city: its country
      if (country.empty()) return;  // STIX needs a region, a country or coordinates
      Json j = Common("location", StixId("location", e.key), time_);
      j["name"] = e.canonical;
      if (!names.empty()) j["description"] = "Also written: " + names;
      std::string upper = country;
      for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
      j["country"] = upper;
      j["external_references"] = Reference("qantara", e.key);
      Emit(e.key, j);
      return;
    }
    Json j = Common("identity", StixId("identity", e.key), time_);
    j["name"] = e.canonical;
    if (!names.empty()) j["description"] = "Also written: " + names;
    j["identity_class"] = e.type == MentionType::kPerson ? "individual" : "organization";
    j["external_references"] = Reference("qantara", e.key);
    Emit(e.key, j);
    if (e.listed) AddIndicator(e, j["id"]);
  }

  void AddIndicator(const EntityRecord& e, const std::string& identity) {
    std::vector<std::string> names = {e.listed->caption, e.canonical};
    names.insert(names.end(), e.names.begin(), e.names.end());
    Json j = Common("indicator", StixId("indicator", e.key), time_);
    j["name"] = "Listed: " + e.listed->caption + " (" + e.listed->list + " " + e.listed->ref + ")";
    j["description"] = e.canonical + " matched the " + e.listed->list + " list entry " +
                       e.listed->ref + " when read with qantara read --list";
    j["pattern"] = NamesPattern(names);
    j["pattern_type"] = "pcre";
    std::string valid_from = time_;
    auto entry = data_.list_entries.find(e.listed->list + ":" + e.listed->ref);
    if (entry != data_.list_entries.end()) {
      const std::string listed_on = Rfc3339(entry->second.listed_on);
      if (!listed_on.empty()) valid_from = listed_on;
    }
    j["valid_from"] = valid_from;
    j["external_references"] = Reference(e.listed->list, e.listed->ref);
    const std::string id = j["id"];
    indicator_of_[e.key] = id;
    Emit(e.key + "\nindicator", j);
    Json r = Relationship("related-to", id, identity, e.key + "\nindicator");
    Emit(e.key + "\nindicator-rel", r);
  }

  Json Relationship(std::string_view type, const std::string& source, const std::string& target,
                    const std::string& name) {
    Json j = Common("relationship", StixId("relationship", name + "\n" + std::string(type)), time_);
    j["relationship_type"] = type;
    j["source_ref"] = source;
    j["target_ref"] = target;
    return j;
  }

  void AddEvent(const ExportedDocument& d, size_t index, std::vector<std::string>* refs) {
    const LinkedEvent& e = d.events[index];
    std::vector<std::string> actors;
    for (const EventActor& p : e.participants) {
      auto it = identity_of_.find(p.entity);
      if (it != identity_of_.end() && it->second.rfind("identity--", 0) == 0) {
        actors.push_back(it->second);
      }
    }
    const std::string what = std::string(EventTypeName(e.type)) +
                             (e.date.empty() ? "" : " on " + e.date) + ": " + e.sentence;
    const std::string start = Rfc3339(e.date);
    const std::string name = d.read.doc + "\n" + std::to_string(index);
    auto emit = [&](std::string_view type, const std::string& from, const std::string& to) {
      Json r = Relationship(type, from, to, name + "\n" + from + "\n" + to);
      r["description"] = what;
      if (!start.empty()) r["start_time"] = start;
      refs->push_back(r["id"]);
      Emit(name + "\n" + from + "\n" + to + std::string(type), r);
    };
    for (size_t i = 1; i < actors.size(); ++i) emit("related-to", actors[0], actors[i]);
    if (!e.place) return;
    auto place = identity_of_.find(e.place->entity);
    if (place == identity_of_.end() || place->second.rfind("location--", 0) != 0) return;
    for (const std::string& a : actors) emit("located-at", a, place->second);
  }

  void AddDocument(const ExportedDocument& d) {
    std::vector<std::string> refs;
    std::set<std::string> seen;
    for (const LinkedMention& m : d.mentions) {
      auto it = identity_of_.find(m.entity);
      if (it != identity_of_.end() && seen.insert(it->second).second) refs.push_back(it->second);
      auto indicator = indicator_of_.find(m.entity);
      if (indicator != indicator_of_.end() && seen.insert(indicator->second).second) {
        refs.push_back(indicator->second);
      }
    }
    for (size_t i = 0; i < d.events.size(); ++i) AddEvent(d, i, &refs);
    if (refs.empty()) return;  // a report must refer to at least one object
    const ReadDocument& r = d.read;
    Json j = Common("report", StixId("report", r.doc), time_);
    j["name"] = r.title.empty() ? r.doc : r.title;
    std::string published = Rfc3339(r.published);
    j["published"] = published.empty() ? time_ : published;
    j["object_refs"] = refs;
    Json ref = {{"source_name", "qantara"}, {"external_id", r.doc}};
    if (!r.url.empty()) ref["url"] = r.url;
    j["external_references"] = Json::array({ref});
    if (!r.languages.shares.empty()) j["lang"] = r.languages.shares[0].lang;
    Emit("report\n" + r.doc, j);
  }

  // Adds an object once (an event seen twice gives the same relationship id).
  void Emit(const std::string& key, const Json& j) {
    const std::string id = j["id"];
    if (!ids_.insert(id).second) return;
    if (j["type"] == "identity" || j["type"] == "location") identity_of_[key] = id;
    out_.push_back(Dump(j));
  }

  const NewsExport& data_;
  std::string time_;
  std::map<std::string, std::string> identity_of_;   // entity key -> identity or location id
  std::map<std::string, std::string> indicator_of_;  // listed entity key -> indicator id
  std::set<std::string> ids_;
  std::vector<std::string> out_;
};

}  // namespace

std::vector<std::string> StixObjects(const NewsExport& data) { return StixWriter(data).Run(); }

std::string StixBundle(const std::vector<std::string>& objects) {
  std::string ids;
  Json list = Json::array();
  for (const std::string& o : objects) {
    Json j = Json::parse(o);
    ids += j["id"].get<std::string>() + "\n";
    list.push_back(std::move(j));
  }
  Json bundle;
  bundle["type"] = "bundle";
  bundle["id"] = StixId("bundle", ids);
  bundle["objects"] = std::move(list);
  return Dump(bundle);
}

std::string NamesPattern(const std::vector<std::string>& names) {
  std::vector<std::string> alternatives;
  for (const std::string& name : names) {
    std::string p;
    bool space = false;
    for (char c : name) {
      if (c == ' ' || c == '\t' || c == '\n') {
        space = !p.empty();
        continue;
      }
      if (space) p += "\\s+";
      space = false;
      if (std::string_view("\\^$.|?*+()[]{}/").find(c) != std::string_view::npos) p += '\\';
      p += c;
    }
    if (!p.empty() &&
        std::find(alternatives.begin(), alternatives.end(), p) == alternatives.end()) {
      alternatives.push_back(p);
    }
  }
  std::string out = "(?i)(?:";
  for (size_t i = 0; i < alternatives.size(); ++i) out += (i ? "|" : "") + alternatives[i];
  return out + ")";
}

}  // namespace qantara::export_
