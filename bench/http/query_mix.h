// The requests of bench/http_bench.cc: the query names drawn from the official
// lists (the mix is described at the top of http_bench.cc) and the raw HTTP/1.1
// requests that carry them. Plain functions, no state.
#ifndef QANTARA_BENCH_HTTP_QUERY_MIX_H_
#define QANTARA_BENCH_HTTP_QUERY_MIX_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "lists/reader.h"

namespace qantara::http_bench {

// ../shared/data, next to the source tree.
std::filesystem::path SharedData();

// The official list files found in `dir` (UN, OFAC, UK), in a fixed order.
std::vector<std::string> ListFiles(const std::filesystem::path& dir);

struct QueryName {
  std::string name;
  std::string kind;  // listed_latin, listed_arabic, listed_typo, made_up
};

// `n` query names drawn with `seed`: 20% listed Latin, 10% listed Arabic, 10%
// listed with a letter dropped, 60% made up; shuffled.
std::vector<QueryName> MakeQueryMix(const std::vector<qantara::lists::Entity>& entities,
                                    uint32_t seed, size_t n);

// The raw HTTP/1.1 requests (keep-alive is HTTP/1.1's default).
std::vector<std::string> MakeRequests(const std::vector<QueryName>& names, const std::string& route,
                                      int port, const std::string& key);

}  // namespace qantara::http_bench

#endif  // QANTARA_BENCH_HTTP_QUERY_MIX_H_
