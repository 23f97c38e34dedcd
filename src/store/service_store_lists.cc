// List versions (see service_store.h): which list files a screening was
// made against, one list.load audit row each.
#include <nlohmann/json.hpp>

#include "store/internal/transaction.h"
#include "store/service_store.h"

namespace qantara::store {

using internal::InTransaction;

Status ServiceStore::RecordListVersion(ListVersion* v) {
  std::vector<ListVersion> one = {*v};
  QANTARA_RETURN_IF_ERROR(RecordListVersions(&one, "server"));
  *v = std::move(one[0]);
  return Status::Ok();
}

Status ServiceStore::RecordListVersions(std::vector<ListVersion>* versions,
                                        std::string_view actor) {
  MutexLock lock(&mu_);
  const std::string at = options_.now();
  std::vector<ListVersion> written = *versions;  // *versions changes only on success
  QANTARA_RETURN_IF_ERROR(InTransaction(*db_, [&]() -> Status {
    mu_.AssertHeld();  // the caller's lock (clang does not see it in a lambda)
    auto insert = db_->PrepareCached(
        "INSERT INTO list_versions(source, format, list, published, sha256, entities, loaded_at) "
        "VALUES(?, ?, ?, ?, ?, ?, ?)");
    if (!insert.ok()) return insert.status();
    for (ListVersion& v : written) {
      v.loaded_at = at;
      insert->Bind(1, v.source).Bind(2, v.format).Bind(3, v.list).Bind(4, v.published);
      insert->Bind(5, v.sha256).Bind(6, v.entities).Bind(7, v.loaded_at);
      QANTARA_RETURN_IF_ERROR(insert->Run());
      v.id = db_->LastInsertRowid();
      nlohmann::json payload = {{"list_version", v.id},     {"source", v.source},
                                {"format", v.format},       {"list", v.list},
                                {"published", v.published}, {"sha256", v.sha256},
                                {"entities", v.entities}};
      QANTARA_RETURN_IF_ERROR(AppendAudit(actor, "list.load", payload.dump()));
    }
    return Status::Ok();
  }));
  *versions = std::move(written);
  return Status::Ok();
}

}  // namespace qantara::store
