// --stages of bench/http_bench.cc: where the time of one GET /v1/match goes,
// timed in process without sockets.
#ifndef QANTARA_BENCH_HTTP_STAGES_H_
#define QANTARA_BENCH_HTTP_STAGES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "bench/http/query_mix.h"
#include "lists/reader.h"

namespace qantara::http_bench {

// --stages: the work of one GET /v1/match, in process and without sockets, on
// the same lists and query mix: the whole Api::Handle, and apart the key lookup
// (SHA-256 + SQLite SELECT under the store's mutex), the screening, the JSON of
// the matches, and the recording (one transaction: the screening row, its hit
// rows and the audit row with its hash chain). Then Handle on 2 threads at once,
// whose throughput shows what the store's one mutex serialises.
//
// Prints a table and JSON lines on stdout; returns the exit code (0, or 1 with
// the error on stderr). `db_path` is a new service database.
int RunStages(qantara::lists::LoadResult loaded, const std::vector<QueryName>& mix, size_t count,
              int threads, const std::string& db_path);

}  // namespace qantara::http_bench

#endif  // QANTARA_BENCH_HTTP_STAGES_H_
