// qantara screen: batch screening, JSON Lines or CSV in, JSON Lines out in
// input order. Records are screened in blocks by --threads workers; each
// block is written before the next is started, so memory stays flat and the
// output order is the input order.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <thread>

#include "base/file.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "screen/screen_json.h"
#include "cli/progress.h"
#include "cli/queries.h"

namespace qantara::cli {
namespace {

struct ScreenArgs {
  std::vector<std::string> lists;
  std::string input = "-";
  std::string format;  // jsonl | csv | "" (guess)
  std::string allow;
  double threshold = screen::ScreenOptions().threshold;
  size_t top = screen::ScreenOptions().top_k;
  int threads = std::max(1u, std::thread::hardware_concurrency());
  bool brute_force = false;
};

std::string AnswerLine(const screen::Screener& screener, const QueryRecord& record,
                       screen::ScreenScratch* scratch, bool* had_error) {
  nlohmann::ordered_json out;  // DESIGN's field order: id, matches | id, line, error
  out["id"] = record.id;
  std::string error = record.error;
  if (error.empty()) {
    Result<screen::ScreenResult> result = screener.Screen(record.query, scratch);
    if (result.ok()) {
      nlohmann::ordered_json matches = nlohmann::ordered_json::array();
      for (const screen::Match& m : result->matches) matches.push_back(screen::MatchToJson(screener.index(), m));
      out["matches"] = std::move(matches);
      if (!result->suppressed.empty()) {
        nlohmann::ordered_json cleared = nlohmann::ordered_json::array();
        for (const screen::Match& m : result->suppressed) {
          cleared.push_back(screen::MatchToJson(screener.index(), m));
        }
        out["suppressed"] = std::move(cleared);
      }
    } else {
      error = result.status().message();
    }
  }
  if (!error.empty()) {
    *had_error = true;
    out["line"] = record.line;
    out["error"] = error;
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int RunScreen(const ScreenArgs& args) {
  Result<std::string> input = ReadWholeFile(args.input);
  if (!input.ok()) return Fail(input.status());
  std::string format = args.format;
  if (format.empty()) format = GuessQueryFormat(args.input, *input);
  std::vector<QueryRecord> records;
  if (format == "csv") {
    auto parsed = ParseCsvQueries(*input);
    if (!parsed.ok()) return Fail(parsed.status().WithPrefix(args.input));
    records = std::move(*parsed);
  } else {
    records = ParseJsonlQueries(*input);
  }
  auto index = LoadIndex(args.lists, args.threads);
  if (!index.ok()) return Fail(index.status());
  std::shared_ptr<const screen::AllowList> allow;
  if (!args.allow.empty()) {
    auto loaded = screen::AllowList::Load(args.allow);
    if (!loaded.ok()) return Fail(loaded.status());
    allow = std::make_shared<const screen::AllowList>(std::move(*loaded));
  }
  screen::ScreenOptions options;
  options.threshold = args.threshold;
  options.top_k = args.top;
  options.brute_force = args.brute_force;
  screen::Screener screener(*index, options, allow);

  const size_t kBlock = 4096;
  const int threads = std::max(1, args.threads);
  std::vector<screen::ScreenScratch> scratch(threads);
  std::vector<std::string> lines;
  std::atomic<bool> had_error{false};
  Progress progress("screening", records.size());
  for (size_t begin = 0; begin < records.size(); begin += kBlock) {
    size_t end = std::min(records.size(), begin + kBlock);
    lines.assign(end - begin, std::string());
    std::atomic<size_t> next{begin};
    auto work = [&](int t) {
      bool local_error = false;
      for (size_t i; (i = next.fetch_add(1)) < end;) {
        lines[i - begin] = AnswerLine(screener, records[i], &scratch[t], &local_error);
      }
      if (local_error) had_error = true;
    };
    if (threads == 1) {
      work(0);
    } else {
      std::vector<std::thread> workers;
      for (int t = 0; t < threads; ++t) workers.emplace_back(work, t);
      for (auto& w : workers) w.join();
    }
    for (const std::string& line : lines) {
      std::fwrite(line.data(), 1, line.size(), stdout);
      std::fputc('\n', stdout);
    }
    progress.Update(end, end);
  }
  std::fflush(stdout);
  return had_error ? kExitInputErrors : kExitOk;
}

}  // namespace

void AddScreenCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ScreenArgs>();
  CLI::App* cmd = app.add_subcommand(
      "screen",
      "Screen a batch of names (JSON Lines or CSV) against lists; one JSON line out per input "
      "line, in input order. A malformed line gives {\"id\", \"line\", \"error\"}, the run goes "
      "on, and the exit code is 1.");
  cmd->add_option("--list", args->lists, "List file(s): UN XML, OFAC XML/CSV, EU XML, UK CSV, "
                                         "JSONL or CSV; .gz read directly")
      ->required();
  cmd->add_option("--input", args->input, "Queries file, or - for standard input")
      ->capture_default_str();
  cmd->add_option("--format", args->format,
                  "Input format (default: guessed from the content and the file name)")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  cmd->add_option("--threshold", args->threshold, "Lowest score reported (0..1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--top", args->top, "At most this many matches per query")->capture_default_str();
  cmd->add_option("--threads", args->threads, "Worker threads")->check(CLI::Range(1, 256));
  cmd->add_option("--allow", args->allow,
                  "Allow-list (JSON Lines {name, birth_date, entity, reason}): cleared pairs are "
                  "reported under \"suppressed\", not \"matches\"");
  cmd->add_flag("--brute-force", args->brute_force,
                "Score every listed name instead of using the index (slow; for checking)");
  cmd->callback([args, exit_code] { *exit_code = RunScreen(*args); });
}

}  // namespace qantara::cli
