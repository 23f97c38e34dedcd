// Loading the list files into a ListSnapshot: the one place that reads the
// lists for `qantara serve` at start, for a reload (POST /v1/admin/reload or
// SIGHUP) and for `qantara rescreen`.
//
// A load reads every file again from disk (same paths), refuses a file that
// cannot be used (lists::LoadLists: missing, unreadable, empty, binary, of
// unknown format, or whose every record is bad), records one list version per
// file (with its list.load audit row) in one transaction, builds a new index
// and hands the snapshot to an install callback (Server::SetLists). A failed
// load installs nothing, so the lists being served stay; it is audited as
// list.load_failed naming the file.
//
// cli/ (serve, rescreen) and server/ (the reload route) both use it.
#ifndef QANTARA_SERVICE_RELOAD_H_
#define QANTARA_SERVICE_RELOAD_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/mutex.h"
#include "base/status.h"
#include "lists/reader.h"
#include "screen/screener.h"
#include "service/list_snapshot.h"
#include "service/rescreen.h"
#include "store/service_store.h"

namespace qantara::service {

struct ListFilesOptions {
  // The list files, read again from disk on every load. Required.
  std::vector<std::string> paths;
  // Threshold and top K of the screener built over them. Default: screen's.
  screen::ScreenOptions screen;
  // Threads building the index. Default 1.
  int threads = 1;
};

struct LoadedLists {
  std::shared_ptr<const ListSnapshot> snapshot;  // its versions are recorded in the store
  std::vector<lists::LoadIssue> issues;          // bad records that were skipped
};

// Reads the files, records their versions (audited by `actor`) and builds the
// snapshot. On failure nothing is recorded and *failed_file (when given) is
// the file at fault, "" when it is not a file's fault (the database failed).
Result<LoadedLists> LoadListFiles(const ListFilesOptions& options, store::ServiceStore* store,
                                  std::string_view actor, std::string* failed_file = nullptr);

// What one reload did.
struct ReloadReport {
  // Another reload was running (and the caller would not wait): nothing done.
  bool busy = false;
  // Ok, or why the load failed; the lists served before are still served.
  Status status;
  std::string failed_file;  // the file at fault when status is not ok ("" when none)
  std::shared_ptr<const ListSnapshot> snapshot;  // what is served now (null on failure)
  std::vector<lists::LoadIssue> issues;          // bad records skipped in a successful load
  std::optional<RescreenReport> rescreen;        // when a rescreen was asked for and ran
};

// Serialises loads and installs each new snapshot. Thread-safe.
class Reloader {
 public:
  using Install = std::function<void(std::shared_ptr<const ListSnapshot>)>;

  // REQUIRES: store outlives the Reloader; install is thread-safe.
  Reloader(ListFilesOptions options, store::ServiceStore* store, Install install);

  // Loads the files and installs the snapshot. One load runs at a time: with
  // `wait` false a load asked for while another runs returns busy at once
  // (the HTTP route answers 409), with `wait` true it runs after it (SIGHUP,
  // start). A failure is audited as list.load_failed by `actor`. With
  // `rescreen`, the stored screenings are then rescreened against the new
  // lists (rescreen.h), still under the one-load lock.
  ReloadReport Reload(std::string_view actor, bool wait, bool rescreen = false) EXCLUDES(loading_);

  // Test seam: runs after a successful load, before the install (tests hold
  // a reload open there to see a second one refused). REQUIRES: set before
  // any Reload.
  void set_before_install(std::function<void()> hook) { before_install_ = std::move(hook); }

 private:
  // The load, the install and the rescreen of Reload, one at a time.
  ReloadReport LoadAndInstall(std::string_view actor, bool rescreen) REQUIRES(loading_);

  // Set at construction (before_install_ before any Reload), then only read.
  const ListFilesOptions options_;
  store::ServiceStore* const store_;
  const Install install_;
  std::function<void()> before_install_;
  // Held for a whole load: it serialises loads; it guards no memory (the
  // store and the install callback are thread-safe themselves).
  Mutex loading_;
};

}  // namespace qantara::service

#endif  // QANTARA_SERVICE_RELOAD_H_
