// The JSON forms of a timeline entry and an alert (news_store.h), shared by
// `qantara timeline` and `qantara alerts` (one object per line) and by the
// service's GET /v1/timeline/{entity} and GET /v1/alerts (in an array), so
// that the command line and HTTP speak the same fields.
#ifndef QANTARA_STORE_NEWS_JSON_H_
#define QANTARA_STORE_NEWS_JSON_H_

#include <nlohmann/json.hpp>

#include "store/news_store.h"

namespace qantara::store {

// {"date", "kind", "doc", "title", "published", "text"} and, for an event
// (kind other than "mention"), {"place", "participants", "sentence"}; an
// unknown date, published date or place is null.
nlohmann::ordered_json TimelineEntryToJson(const TimelineEntry& t);

// {"doc", "title", "published", "entity", "canonical", "listed": {"list",
// "ref", "caption", "score"}, "mention": {"text", "start", "end"},
// "evidence"}; an unknown published date is null.
nlohmann::ordered_json AlertToJson(const Alert& a);

}  // namespace qantara::store

#endif  // QANTARA_STORE_NEWS_JSON_H_
