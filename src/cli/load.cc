#include "cli/load.h"

#include <cstdio>

namespace qantara::cli {

void ReportIssues(const std::vector<lists::LoadIssue>& issues, size_t max_shown) {
  for (size_t i = 0; i < issues.size() && i < max_shown; ++i) {
    std::fprintf(stderr, "qantara: warning: %s\n", issues[i].ToString().c_str());
  }
  if (issues.size() > max_shown) {
    std::fprintf(stderr, "qantara: warning: ... and %zu more list issues (see `qantara lists show`)\n",
                 issues.size() - max_shown);
  }
}

Result<std::shared_ptr<const screen::CandidateIndex>> LoadIndex(const std::vector<std::string>& paths,
                                                                int threads) {
  if (paths.empty()) return Status::InvalidArgument("no list given: use --list FILE");
  Result<lists::LoadResult> loaded = lists::LoadLists(paths);
  if (!loaded.ok()) return loaded.status();
  ReportIssues(loaded->issues);
  std::shared_ptr<const screen::CandidateIndex> index =
      screen::CandidateIndex::Build(std::move(loaded->entities), threads);
  return index;
}

}  // namespace qantara::cli
