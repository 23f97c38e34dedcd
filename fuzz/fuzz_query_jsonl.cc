// libFuzzer target: the screening input parsers of `qantara screen`
// (src/cli/queries.h), and the screener behind them.
//
// Properties, on any bytes:
//   - ParseJsonlQueries never fails as a whole: one record per non-blank line,
//     in order, each with a 1-based line within the input; a record without
//     an error has a non-blank, valid UTF-8 name;
//   - ParseCsvQueries (same bytes) gives records with non-decreasing lines, and
//     the same guarantee for records without an error;
//   - GuessQueryFormat answers "jsonl" or "csv";
//   - each good JSONL query screens without crashing against a small made-up
//     list, scores are in 0..1 and sorted, and the index gives the same
//     matches as scoring every listed name (ScreenOptions::brute_force),
//     except for queries of particles only (a known divergence, see below).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/queries.h"
#include "lists/entity_json.h"
#include "names/name.h"
#include "screen/screener.h"
#include "text/utf8.h"

namespace {

using namespace qantara;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_query_jsonl: property failed: %s\n", what);
    std::abort();
  }
}

// A few made-up entities in our JSONL entity form (Arabic written as \u escapes).
const char* const kEntities[] = {
    (R"({"id": "f:1", "schema": "Person", "names": [{"value": "Zayd Qasim al-Fulani"},)"
     R"( {"value": "Abu Hamza al-Fulani", "kind": "alias"},)"
     R"( {"value": "\u0632\u064a\u062f \u0642\u0627\u0633\u0645 \u0627\u0644\u0641\u0644\u0627\u0646\u064a",)"
     R"( "kind": "original_script"}], "birth_dates": ["1975-03-02"], "nationalities": ["iq"],)"
     R"( "gender": "male", "ids": [{"type": "passport", "number": "Z0001234", "country": "iq"}]})"),
    (R"({"id": "f:2", "schema": "Person", "names": ["Abd al-Rahman Yusuf Harbawi",)"
     R"( "Abdurrahman Harbawi"], "birth_dates": ["1980"], "nationalities": ["sy"]})"),
    R"({"id": "f:3", "schema": "Person", "names": ["Nasr al-Din Ould Mahjoub", "Nasreddine Ould Mahjoub"]})",
    R"({"id": "f:4", "schema": "Organization", "names": ["Harakat al-Fajr al-Jadid", "New Dawn Movement"]})",
    R"({"id": "f:5", "schema": "Vessel", "names": ["Marjan Star"]})",
    R"({"id": "f:6", "schema": "Person", "names": ["Mohamed Ben Ali", "Muhammad bin Ali"], "gender": "male"})",
};

struct Screeners {
  std::unique_ptr<screen::Screener> indexed, brute;
};

const Screeners& GetScreeners() {
  static const Screeners s = [] {
    std::vector<lists::Entity> entities;
    for (const char* line : kEntities) {
      Result<lists::Entity> e = lists::EntityFromJson(line);
      if (!e.ok()) {
        std::fprintf(stderr, "bad built-in entity: %s\n", e.status().message().c_str());
        std::abort();
      }
      entities.push_back(std::move(*e));
    }
    std::shared_ptr<const screen::CandidateIndex> index =
        screen::CandidateIndex::Build(std::move(entities));
    screen::ScreenOptions options;
    options.threshold = 0.6;
    options.top_k = 100;
    Screeners out;
    out.indexed = std::make_unique<screen::Screener>(index, options);
    options.brute_force = true;
    out.brute = std::make_unique<screen::Screener>(index, options);
    return out;
  }();
  return s;
}

bool GoodName(const std::string& name) {
  return name.find_first_not_of(" \t") != std::string::npos && text::ValidateUtf8(name).ok();
}

void CheckScreen(const screen::Query& query) {
  static screen::ScreenScratch scratch;
  const Screeners& s = GetScreeners();
  Result<screen::ScreenResult> a = s.indexed->Screen(query, &scratch);
  Result<screen::ScreenResult> b = s.brute->Screen(query, &scratch);
  Check(a.ok() == b.ok(), "index and brute force agree on failing");
  if (!a.ok()) return;
  double previous = 2;
  for (const screen::Match& m : a->matches) {
    Check(m.score >= 0 && m.score <= 1 && !std::isnan(m.score), "score in 0..1");
    Check(m.score <= previous, "matches sorted by score");
    previous = m.score;
  }
  // Known divergence (reported): a query whose only tokens are particles or
  // titles ("Abu", "Sheikh") gathers no candidate from the index, while
  // scoring every name can match "Abu Hamza"; skip it so fuzzing goes on.
  bool has_word = false;
  for (const names::NameToken& t : names::ParseName(query.name).tokens) {
    has_word |= t.role == names::TokenRole::kWord;
  }
  if (!has_word) return;
  Check(a->matches.size() == b->matches.size(), "index finds as many matches as brute force");
  for (size_t i = 0; i < a->matches.size() && i < b->matches.size(); ++i) {
    Check(std::fabs(a->matches[i].score - b->matches[i].score) < 1e-9,
          "index and brute force give the same scores");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string_view format = cli::GuessQueryFormat("-", in);
  Check(format == "jsonl" || format == "csv", "format is jsonl or csv");

  size_t lines = 0, non_blank = 0;
  for (size_t start = 0; start < in.size();) {
    size_t end = in.find('\n', start);
    if (end == std::string_view::npos) end = in.size();
    std::string_view line = in.substr(start, end - start);
    ++lines;
    non_blank += line.find_first_not_of(" \t\r") != std::string_view::npos;
    start = end + 1;
  }
  std::vector<cli::QueryRecord> records = cli::ParseJsonlQueries(in);
  Check(records.size() == non_blank, "one JSONL record per non-blank line");
  size_t last = 0;
  for (const cli::QueryRecord& r : records) {
    Check(r.line > last && r.line <= lines, "JSONL lines increase within the input");
    last = r.line;
    if (!r.error.empty()) continue;
    Check(GoodName(r.query.name), "a good JSONL record has a name");
    if (r.query.name.size() <= 256) CheckScreen(r.query);
  }

  // CSV lines end at LF, CRLF or a bare CR (old Mac files), as io::CsvReader counts them.
  size_t csv_lines = 1;
  for (size_t i = 0; i < in.size(); ++i) {
    csv_lines += in[i] == '\n' || (in[i] == '\r' && (i + 1 == in.size() || in[i + 1] != '\n'));
  }
  Result<std::vector<cli::QueryRecord>> csv = cli::ParseCsvQueries(in);
  if (csv.ok()) {
    last = 0;
    for (const cli::QueryRecord& r : *csv) {
      Check(r.line > last && r.line <= csv_lines, "CSV lines increase within the input");
      last = r.line;
      if (r.error.empty()) Check(GoodName(r.query.name), "a good CSV record has a name");
    }
  }
  return 0;
}
