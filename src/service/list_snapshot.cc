#include "service/list_snapshot.h"

namespace qantara::service {

std::shared_ptr<const ListSnapshot> MakeSnapshot(std::shared_ptr<const screen::Screener> screener,
                                                 std::vector<store::ListVersion> versions) {
  auto snapshot = std::make_shared<ListSnapshot>();
  const auto& entities = screener->index().entities();
  snapshot->by_id.reserve(entities.size());
  for (uint32_t i = 0; i < entities.size(); ++i) snapshot->by_id.emplace(entities[i].id(), i);
  snapshot->screener = std::move(screener);
  snapshot->versions = std::move(versions);
  return snapshot;
}

}  // namespace qantara::service
