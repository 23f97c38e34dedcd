#include "cli/read_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace qantara::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Json Nullable(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// A TSV value: tabs and line breaks become spaces.
std::string TsvField(std::string s) {
  std::replace_if(
      s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return s;
}

std::string_view DateFrom(news::EventDateSource source) {
  switch (source) {
    case news::EventDateSource::kText:
      return "text";
    case news::EventDateSource::kPublished:
      return "published";
    case news::EventDateSource::kNone:
      break;
  }
  return "";
}

Json EventsJson(const std::vector<news::LinkedEvent>& events) {
  Json out = Json::array();
  for (const news::LinkedEvent& e : events) {
    Json j;
    j["type"] = news::EventTypeName(e.type);
    j["text"] = e.text;
    j["start"] = e.start;
    j["end"] = e.end;
    j["date"] = Nullable(e.date);
    if (!e.date.empty()) j["date_from"] = DateFrom(e.date_source);
    j["place"] = e.place ? Json(e.place->entity) : Json(nullptr);
    Json participants = Json::array();
    for (const news::EventActor& a : e.participants) participants.push_back(a.entity);
    j["participants"] = std::move(participants);
    j["sentence"] = e.sentence;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

std::string DocumentLine(const news::ReadDocument& doc,
                         const std::vector<news::LinkedMention>& mentions,
                         const std::vector<news::LinkedEvent>& events, std::string_view story) {
  Json out;
  out["doc"] = doc.doc;
  if (!doc.url.empty()) out["url"] = doc.url;
  out["title"] = doc.title;
  out["published"] = Nullable(doc.published);
  if (!doc.published_how.empty()) out["published_how"] = doc.published_how;
  Json languages = Json::array();
  for (const auto& s : doc.languages.shares) {
    languages.push_back({{"lang", s.lang}, {"share", std::round(s.share * 1000) / 1000}});
  }
  out["languages"] = std::move(languages);
  out["text"] = doc.text;
  out["removed"] = doc.removed;
  Json ms = Json::array();
  for (const news::LinkedMention& l : mentions) {
    Json m;
    m["text"] = l.mention.text;
    m["start"] = l.mention.start;
    m["end"] = l.mention.end;
    m["type"] = news::MentionTypeName(l.mention.type);
    m["entity"] = l.entity;
    m["canonical"] = l.canonical;
    if (l.listed) {
      m["listed"] = {{"list", l.listed->list},
                     {"ref", l.listed->ref},
                     {"caption", l.listed->caption},
                     {"score", std::round(l.listed->score * 1000) / 1000}};
    } else {
      m["listed"] = nullptr;
    }
    ms.push_back(std::move(m));
  }
  out["mentions"] = std::move(ms);
  Json ds = Json::array();
  for (const news::DateMention& d : doc.dates) {
    ds.push_back(
        {{"text", d.text}, {"start", d.start}, {"end", d.end}, {"value", Nullable(d.value)}});
  }
  out["dates"] = std::move(ds);
  out["events"] = EventsJson(events);
  out["story"] = Nullable(std::string(story));
  if (!doc.notes.empty()) out["notes"] = doc.notes;
  if (!doc.extra_json.empty()) {
    Json extra = Json::parse(doc.extra_json, nullptr, false);
    if (!extra.is_discarded()) out["fields"] = std::move(extra);
  }
  return Dump(out);
}

std::string CameoLines(const news::ReadDocument& doc, const std::vector<news::LinkedEvent>& events,
                       CameoFormat format) {
  std::string out;
  for (const news::CameoRow& r : news::CameoRows(events)) {
    if (format == CameoFormat::kTsv) {
      out += TsvField(doc.doc) + '\t' + r.date + '\t' + r.actor1.entity + '\t' +
             TsvField(r.actor1.canonical) + '\t' + r.code + '\t' + r.root + '\t' +
             std::string(news::EventTypeName(r.type)) + '\t' + r.actor2.entity + '\t' +
             TsvField(r.actor2.canonical) + '\t' + r.place + '\t' + std::to_string(r.event) + '\n';
      continue;
    }
    Json j;
    j["doc"] = doc.doc;
    j["date"] = Nullable(r.date);
    j["actor1"] = Nullable(r.actor1.entity);
    j["actor1_name"] = Nullable(r.actor1.canonical);
    j["code"] = r.code;
    j["root"] = r.root;
    j["type"] = news::EventTypeName(r.type);
    j["actor2"] = Nullable(r.actor2.entity);
    j["actor2_name"] = Nullable(r.actor2.canonical);
    j["place"] = Nullable(r.place);
    j["event"] = r.event;
    out += Dump(j) + '\n';
  }
  return out;
}

std::string_view CameoTsvHeader() {
  return "doc\tdate\tactor1\tactor1_name\tcode\troot\ttype\tactor2\tactor2_name\tplace\tevent\n";
}

std::string ErrorLine(std::string_view doc, std::string_view error) {
  Json out;
  out["doc"] = doc;
  out["error"] = error;
  return Dump(out);
}

std::string ReadableDocument(const news::ReadDocument& doc,
                             const std::vector<news::LinkedMention>& mentions,
                             const std::vector<news::LinkedEvent>& events, std::string_view story) {
  std::string out = doc.doc + "\n  title:     " + doc.title +
                    "\n  published: " + (doc.published.empty() ? "unknown" : doc.published);
  if (!doc.published_how.empty()) out += " (" + doc.published_how + ")";
  out += "\n  languages:";
  for (const auto& s : doc.languages.shares) {
    out += " " + s.lang + " " + std::to_string(static_cast<int>(s.share * 100 + 0.5)) + "%";
  }
  out += "\n  removed:   " + std::to_string(doc.removed.size()) + " boilerplate blocks";
  for (const news::LinkedMention& l : mentions) {
    out += "\n  " + std::string(news::MentionTypeName(l.mention.type)) + ": " + l.mention.text +
           " -> " + l.canonical + " [" + l.entity + "]";
    if (l.listed)
      out += "  LISTED " + l.listed->list + ":" + l.listed->ref + " " + l.listed->caption;
  }
  for (const news::DateMention& d : doc.dates) {
    out += "\n  date: " + d.text + " -> " + (d.value.empty() ? "?" : d.value);
  }
  for (const news::LinkedEvent& e : events) {
    out += "\n  event: " + std::string(news::EventTypeName(e.type)) + " \"" + e.text + "\" " +
           (e.date.empty() ? "?" : e.date) + " at " + (e.place ? e.place->canonical : "?") + ":";
    for (const news::EventActor& a : e.participants) out += " [" + a.canonical + "]";
  }
  if (!story.empty()) out += "\n  story:     " + std::string(story);
  return out + "\n";
}

}  // namespace qantara::cli
