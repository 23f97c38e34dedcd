// service/: what a running service does, whatever its face (the HTTP server
// of server/, the commands of cli/): list snapshots and their reload
// (reload.h), rescreening the stored screenings against newer lists
// (rescreen.h), the news archive behind the news routes (news_archive.h), and
// the hit a screening records for a match (recorded_hit.h). It knows nothing
// of HTTP: server/ and cli/ call it, never the other way round.
//
// Start here for service/: a ListSnapshot is what the service screens
// against, one immutable value built by a load (reload.h) and replaced whole,
// so readers never see half an index.
#ifndef QANTARA_SERVICE_LIST_SNAPSHOT_H_
#define QANTARA_SERVICE_LIST_SNAPSHOT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "screen/screener.h"
#include "store/service_store.h"

namespace qantara::service {

// What the service screens against: one immutable value, replaced whole.
// Thread-safe once made (nothing in it changes).
struct ListSnapshot {
  std::shared_ptr<const screen::Screener> screener;
  std::vector<store::ListVersion> versions;         // as recorded in the store
  std::unordered_map<std::string, uint32_t> by_id;  // entity id -> index().entities() slot
};

// REQUIRES: screener != nullptr. Builds the id map.
std::shared_ptr<const ListSnapshot> MakeSnapshot(std::shared_ptr<const screen::Screener> screener,
                                                 std::vector<store::ListVersion> versions);

}  // namespace qantara::service

#endif  // QANTARA_SERVICE_LIST_SNAPSHOT_H_
