#include "store/news_json.h"

namespace qantara::store {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

Json TimelineEntryToJson(const TimelineEntry& t) {
  Json j;
  j["date"] = OrNull(t.date);
  j["kind"] = t.kind;
  j["doc"] = t.doc;
  j["title"] = t.title;
  j["published"] = OrNull(t.published);
  j["text"] = t.text;
  if (t.kind != "mention") {
    j["place"] = OrNull(t.place);
    j["participants"] = t.participants;
    j["sentence"] = t.sentence;
  }
  return j;
}

Json AlertToJson(const Alert& a) {
  Json j;
  j["doc"] = a.doc;
  j["title"] = a.title;
  j["published"] = OrNull(a.published);
  j["entity"] = a.entity;
  j["canonical"] = a.canonical;
  j["listed"] = {{"list", a.listed.list},
                 {"ref", a.listed.ref},
                 {"caption", a.listed.caption},
                 {"score", a.listed.score}};
  j["mention"] = {{"text", a.mention}, {"start", a.start}, {"end", a.end}};
  j["evidence"] = a.evidence;
  return j;
}

}  // namespace qantara::store
