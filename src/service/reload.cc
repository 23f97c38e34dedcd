// Loading and reloading the list files (see reload.h). The order matters: read
// and check every file, build the index, and only then record the versions
// and install, so that what the store says was loaded is what is served and a
// bad file leaves both the store and the served lists as they were.
#include "service/reload.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace qantara::service {
namespace {

// The path that `message` starts with ("path: what went wrong"), "" when none.
std::string FileNamedBy(const std::string& message, const std::vector<std::string>& paths) {
  std::string best;
  for (const std::string& p : paths) {
    if (message.size() > p.size() && message.compare(0, p.size(), p) == 0 &&
        message[p.size()] == ':' && p.size() > best.size()) {
      best = p;
    }
  }
  return best;
}

// Releases a Mutex the caller already holds when the scope ends, however it
// ends (MutexLock for a lock taken by TryLock).
class SCOPED_CAPABILITY AdoptedLock {
 public:
  explicit AdoptedLock(Mutex* mu) REQUIRES(mu) : mu_(mu) {}
  ~AdoptedLock() RELEASE() { mu_->Unlock(); }
  AdoptedLock(const AdoptedLock&) = delete;
  AdoptedLock& operator=(const AdoptedLock&) = delete;

 private:
  Mutex* const mu_;
};

}  // namespace

Result<LoadedLists> LoadListFiles(const ListFilesOptions& options, store::ServiceStore* store,
                                  std::string_view actor, std::string* failed_file) {
  std::string ignored;
  if (failed_file == nullptr) failed_file = &ignored;
  failed_file->clear();
  if (options.paths.empty()) return Status::InvalidArgument("no list given: use --list FILE");
  Result<lists::LoadResult> loaded = lists::LoadLists(options.paths);
  if (!loaded.ok()) {
    *failed_file = FileNamedBy(loaded.status().message(), options.paths);
    return loaded.status();
  }
  std::vector<store::ListVersion> versions;
  for (const lists::ListSource& source : loaded->sources) {
    store::ListVersion v;
    v.source = source.path;
    v.format = std::string(lists::FormatName(source.format));
    v.list = source.list;
    v.published = source.published;
    v.sha256 = source.sha256;
    v.entities = static_cast<int64_t>(source.records);
    versions.push_back(std::move(v));
  }
  std::shared_ptr<const screen::CandidateIndex> index =
      screen::CandidateIndex::Build(std::move(loaded->entities), std::max(1, options.threads));
  QANTARA_RETURN_IF_ERROR(store->RecordListVersions(&versions, actor));
  LoadedLists out;
  out.snapshot = MakeSnapshot(std::make_shared<const screen::Screener>(index, options.screen),
                              std::move(versions));
  out.issues = std::move(loaded->issues);
  return out;
}

Reloader::Reloader(ListFilesOptions options, store::ServiceStore* store, Install install)
    : options_(std::move(options)), store_(store), install_(std::move(install)) {}

ReloadReport Reloader::Reload(std::string_view actor, bool wait, bool rescreen) {
  if (wait) {
    loading_.Lock();
  } else if (!loading_.TryLock()) {
    ReloadReport report;
    report.busy = true;
    return report;
  }
  AdoptedLock held(&loading_);
  return LoadAndInstall(actor, rescreen);
}

ReloadReport Reloader::LoadAndInstall(std::string_view actor, bool rescreen) {
  ReloadReport report;
  Result<LoadedLists> loaded = LoadListFiles(options_, store_, actor, &report.failed_file);
  if (!loaded.ok()) {
    report.status = loaded.status();
    nlohmann::json payload = {{"file", report.failed_file},
                              {"error", report.status.message()},
                              {"files", options_.paths}};
    // Best effort: when the database itself failed, this fails too, and the
    // answer already says so.
    store_->RecordEvent(actor, "list.load_failed",
                        payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return report;
  }
  if (before_install_) before_install_();
  install_(loaded->snapshot);
  report.snapshot = loaded->snapshot;
  report.issues = std::move(loaded->issues);
  if (rescreen) {
    Result<RescreenReport> r = Rescreen(*report.snapshot, store_, actor);
    if (!r.ok()) {
      report.status = r.status();  // the new lists are served; the rescreen failed
    } else {
      report.rescreen = *r;
    }
  }
  return report;
}

}  // namespace qantara::service
