// Screening queries from JSON Lines or CSV batch input (DESIGN.md "Screening").
#ifndef QANTARA_CLI_QUERIES_H_
#define QANTARA_CLI_QUERIES_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "screen/score_model.h"

namespace qantara::cli {

// One input record: a query, or the error that made it unusable.
struct QueryRecord {
  size_t line = 0;       // 1-based line where the record starts
  nlohmann::json id;     // the record's "id" as given (string or number), else null
  screen::Query query;   // valid when error is empty
  std::string error;     // what was wrong, naming the field
};

// Parses JSON Lines; blank lines are skipped. Never fails as a whole: every
// bad line becomes a record with an error.
std::vector<QueryRecord> ParseJsonlQueries(std::string_view data);

// Parses CSV with a header row naming the same fields ("name" required).
// Fails when the header has no "name" column.
Result<std::vector<QueryRecord>> ParseCsvQueries(std::string_view data);

// The input format ("jsonl" or "csv") when --format is not given. JSON Lines
// when the input is blank (no records) or its first non-blank character is
// '{'; otherwise by the file name's extension (.jsonl, .ndjson, .json / .csv)
// when it has one; otherwise CSV when the first line is a header with a "name"
// column, JSON Lines when some later line starts with '{' (a JSONL input whose
// first line is bad: that line is reported and the run goes on), else CSV.
std::string_view GuessQueryFormat(std::string_view path, std::string_view data);

}  // namespace qantara::cli

#endif  // QANTARA_CLI_QUERIES_H_
