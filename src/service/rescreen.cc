// Delta screening (see rescreen.h). Pages through the screenings table by id,
// screens each stored query on one snapshot and lets the store keep only the
// (screening, entity) pairs it has not seen: the check and the insert happen in
// one transaction, so a hit raised meanwhile by a server on the same database
// is not raised twice.
#include "service/rescreen.h"

#include <vector>

#include "screen/screen_json.h"
#include "service/recorded_hit.h"

namespace qantara::service {
namespace {

// What one page of screenings matched, before the store drops the known hits.
struct PageFound {
  std::vector<store::NewHits> batch;                         // one per screening with matches
  std::vector<std::vector<nlohmann::ordered_json>> matches;  // parallel to batch[i].hits
  std::vector<const store::Screening*> screenings;           // parallel to batch
};

void ScreenPage(const ListSnapshot& lists, const std::vector<store::Screening>& page,
                screen::ScreenScratch* scratch, RescreenReport* report, PageFound* found) {
  for (const store::Screening& s : page) {
    ++report->screenings;
    screen::Query query;
    nlohmann::json stored = nlohmann::json::parse(s.query_json, nullptr, false);
    Result<screen::ScreenResult> result = Status::InvalidArgument("unreadable query");
    if (screen::QueryFromJson(stored, &query).ok()) result = lists.screener->Screen(query, scratch);
    if (!result.ok()) {
      ++report->unreadable;
      continue;
    }
    if (result->matches.empty()) continue;
    store::NewHits hits{s.id, {}};
    std::vector<nlohmann::ordered_json> matches;
    for (const screen::Match& m : result->matches) {
      matches.push_back(screen::MatchToJson(lists.screener->index(), m));
      hits.hits.push_back(HitForMatch(matches.back()));
    }
    found->batch.push_back(std::move(hits));
    found->matches.push_back(std::move(matches));
    found->screenings.push_back(&s);
  }
}

// Counts and reports the hits the store kept (`added`, a subsequence of
// found.batch, each entry's hits a subsequence of the found ones).
void ReportAdded(const PageFound& found, const std::vector<store::NewHits>& added,
                 const RescreenCallbacks& callbacks, RescreenReport* report) {
  size_t c = 0;
  for (const store::NewHits& kept : added) {
    while (found.batch[c].screening != kept.screening) ++c;
    for (const store::Hit& hit : kept.hits) {
      ++report->new_hits;
      if (!callbacks.on_hit) continue;
      const std::vector<store::Hit>& all = found.batch[c].hits;
      for (size_t k = 0; k < all.size(); ++k) {
        if (all[k].entity != hit.entity) continue;
        callbacks.on_hit(
            RaisedHit{kept.screening, found.screenings[c]->query_json, found.matches[c][k]});
        break;
      }
    }
  }
}

}  // namespace

Result<RescreenReport> Rescreen(const ListSnapshot& lists, store::ServiceStore* store,
                                std::string_view actor, const RescreenCallbacks& callbacks,
                                size_t page) {
  RescreenReport report;
  std::vector<int64_t> versions;
  for (const store::ListVersion& v : lists.versions) versions.push_back(v.id);
  Result<int64_t> run = store->BeginRescreen(actor, versions);
  if (!run.ok()) return run.status();
  report.rescreen = *run;
  screen::ScreenScratch scratch;
  for (int64_t after = 0;;) {
    Result<std::vector<store::Screening>> screenings = store->ScreeningsAfter(after, page);
    if (!screenings.ok()) return screenings.status();
    if (screenings->empty()) break;
    after = screenings->back().id;
    PageFound found;
    ScreenPage(lists, *screenings, &scratch, &report, &found);
    std::vector<store::NewHits> added = found.batch;
    QANTARA_RETURN_IF_ERROR(store->AddRescreenHits(report.rescreen, actor, &added));
    ReportAdded(found, added, callbacks, &report);
    if (callbacks.on_progress) callbacks.on_progress(report.screenings);
  }
  QANTARA_RETURN_IF_ERROR(
      store->FinishRescreen(report.rescreen, actor, report.screenings, report.new_hits));
  return report;
}

}  // namespace qantara::service
