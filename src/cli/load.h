// Loading lists and building the screening index for a subcommand, with the
// list issues reported on stderr.
#ifndef QANTARA_CLI_LOAD_H_
#define QANTARA_CLI_LOAD_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "lists/reader.h"
#include "screen/index.h"

namespace qantara::cli {

// Prints each issue as "qantara: warning: file:line: message" on stderr (the
// first `max_shown`, then a count of the rest).
void ReportIssues(const std::vector<lists::LoadIssue>& issues, size_t max_shown = 20);

// Loads `paths` (issues reported) and builds the index with `threads` threads.
Result<std::shared_ptr<const screen::CandidateIndex>> LoadIndex(const std::vector<std::string>& paths,
                                                                int threads);

}  // namespace qantara::cli

#endif  // QANTARA_CLI_LOAD_H_
