#include "cli/read_json.h"

#include <nlohmann/json.hpp>

namespace qantara::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Json Nullable(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

std::string DocumentLine(const news::ReadDocument& doc,
                         const std::vector<news::LinkedMention>& mentions) {
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
    ds.push_back({{"text", d.text}, {"start", d.start}, {"end", d.end}, {"value", Nullable(d.value)}});
  }
  out["dates"] = std::move(ds);
  if (!doc.notes.empty()) out["notes"] = doc.notes;
  if (!doc.extra_json.empty()) {
    Json extra = Json::parse(doc.extra_json, nullptr, false);
    if (!extra.is_discarded()) out["fields"] = std::move(extra);
  }
  return Dump(out);
}

std::string ErrorLine(std::string_view doc, std::string_view error) {
  Json out;
  out["doc"] = doc;
  out["error"] = error;
  return Dump(out);
}

std::string ReadableDocument(const news::ReadDocument& doc,
                             const std::vector<news::LinkedMention>& mentions) {
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
    if (l.listed) out += "  LISTED " + l.listed->list + ":" + l.listed->ref + " " + l.listed->caption;
  }
  for (const news::DateMention& d : doc.dates) {
    out += "\n  date: " + d.text + " -> " + (d.value.empty() ? "?" : d.value);
  }
  return out + "\n";
}

}  // namespace qantara::cli
