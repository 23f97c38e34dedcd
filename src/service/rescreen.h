// Delta screening: the stored screenings' queries (as they were read) screened
// again against newer lists, raising only what is new.
//
// An entity that is already a hit of the screening, open or decided, is not
// raised again; a new one becomes an open hit of the same screening (so the
// review queue and POST /v1/decisions work on it unchanged), marked with the
// rescreen run that raised it. The run is a row of its own (rescreens: actor,
// list versions, totals) and is audited as rescreen.start, one rescreen.hits
// row per screening that got new hits, and rescreen.finish.
//
// Used by `qantara rescreen` and by POST /v1/admin/reload?rescreen=true.
#ifndef QANTARA_SERVICE_RESCREEN_H_
#define QANTARA_SERVICE_RESCREEN_H_

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/status.h"
#include "service/list_snapshot.h"
#include "store/service_store.h"

namespace qantara::service {

// One new hit, as reported to the caller.
struct RaisedHit {
  int64_t screening = 0;
  std::string query_json;        // the query as stored with the screening
  nlohmann::ordered_json match;  // the match in the screening output form
};

struct RescreenReport {
  int64_t rescreen = 0;    // the run's id
  int64_t screenings = 0;  // screenings whose query was screened again
  int64_t unreadable = 0;  // stored queries that no longer read (skipped)
  int64_t new_hits = 0;
};

struct RescreenCallbacks {
  // Each new hit once it is recorded, in screening order. May be empty.
  std::function<void(const RaisedHit&)> on_hit;
  // The screenings done so far, after each page. May be empty.
  std::function<void(int64_t done)> on_progress;
};

// Rescreens every stored screening against `lists`, recording new hits as
// described above, `page` screenings per transaction. Fails only when the
// database does (the hits recorded before stay, each with its audit row).
Result<RescreenReport> Rescreen(const ListSnapshot& lists, store::ServiceStore* store,
                                std::string_view actor, const RescreenCallbacks& callbacks = {},
                                size_t page = 256);

}  // namespace qantara::service

#endif  // QANTARA_SERVICE_RESCREEN_H_
