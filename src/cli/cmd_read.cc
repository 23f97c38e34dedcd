// qantara read: news in (files, folders, JSON Lines, WARC, stdin), one JSON
// line out per document in input order (DESIGN.md "Reading news").
//
// Documents are read in blocks: the pages of a block are parsed by --threads
// workers, their lines counted for the run's SiteLines (one thread), the
// documents read by the workers, then their mentions linked to entities and
// written in input order (one thread), so that entity keys and output do not
// depend on thread timing.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <variant>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "cli/progress.h"
#include "cli/read_json.h"
#include "news/entities.h"
#include "news/read.h"
#include "news/source.h"
#include "news/stories.h"
#include "store/news_store.h"

namespace qantara::cli {
namespace {

struct ReadArgs {
  std::vector<std::string> paths;
  std::vector<std::string> lists;
  std::string db;
  int threads = std::max(1u, std::thread::hardware_concurrency());
  bool json = false;
  bool cameo = false;      // --events-cameo: CAMEO rows (JSON Lines) instead of documents
  bool cameo_tsv = false;  // --events-cameo-tsv: the same rows as TSV with a header
};

// One slot of a block: a document to read, or an error to report.
struct Slot {
  explicit Slot(news::SourceDocument d) : input(std::move(d)) {}
  explicit Slot(news::SourceError e) : input(std::move(e)) {}
  std::variant<news::SourceDocument, news::SourceError> input;
  Result<news::Page> page = Status::Internal("not parsed");
  news::ReadDocument read;
};

template <typename F>
void Parallel(size_t n, int threads, F f) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) f(i);
  };
  if (threads <= 1 || n < 2) return work();
  std::vector<std::thread> workers;
  for (int t = 0; t < std::min<int>(threads, static_cast<int>(n)); ++t) workers.emplace_back(work);
  for (auto& w : workers) w.join();
}

class Reader {
 public:
  Reader(const ReadArgs& args, std::shared_ptr<const screen::Screener> screener,
         store::NewsStore* store)
      : args_(args), linker_(std::move(screener)), store_(store), progress_("reading", 0) {
    pretty_ = !args.json && isatty(STDOUT_FILENO);
    if (args.cameo_tsv) {
      std::string_view header = CameoTsvHeader();
      std::fwrite(header.data(), 1, header.size(), stdout);
    }
  }

  // Entities and stories of earlier runs, so that their keys stay the same
  // and a new document can join a story stored before (its latest documents).
  Status Seed() {
    if (!store_) return Status::Ok();
    auto entities = store_->LoadEntities();
    if (!entities.ok()) return entities.status();
    linker_.Seed(*entities);
    auto stories = store_->LoadStories(kSeededStoryDocuments);
    if (!stories.ok()) return stories.status();
    for (const auto& [key, evidence] : *stories) stories_.Seed(evidence, key);
    return Status::Ok();
  }

  void Add(Slot slot) {
    block_.push_back(std::move(slot));
    if (block_.size() >= kBlock) Flush();
  }

  void Flush() {
    const auto& gazetteer = news::Gazetteer::BuiltIn();
    Parallel(block_.size(), args_.threads, [&](size_t i) {
      if (auto* d = std::get_if<news::SourceDocument>(&block_[i].input))
        block_[i].page = news::PageOf(*d);
    });
    for (Slot& s : block_) {
      auto* d = std::get_if<news::SourceDocument>(&s.input);
      if (d && s.page.ok()) site_lines_.AddPage(news::SiteOf(*d), s.page->blocks);
    }
    Parallel(block_.size(), args_.threads, [&](size_t i) {
      auto* d = std::get_if<news::SourceDocument>(&block_[i].input);
      if (d && block_[i].page.ok()) {
        block_[i].read = news::ReadPage(*d, *block_[i].page, &site_lines_, gazetteer);
      }
    });
    if (store_ && store_status_.ok()) store_status_ = store_->Begin();
    for (Slot& s : block_) Write(s);
    if (store_ && store_status_.ok()) store_status_ = store_->SaveEntities(linker_.TakeChanged());
    if (store_ && store_status_.ok()) store_status_ = store_->Commit();
    std::fflush(stdout);
    done_ += block_.size();
    progress_.Update(done_, done_);
    block_.clear();
  }

  bool had_error() const { return had_error_; }
  const Status& store_status() const { return store_status_; }

 private:
  static constexpr size_t kBlock = 256;
  // Stored documents a run's stories can continue: the latest ones (about
  // 0.5 KB of memory each).
  static constexpr size_t kSeededStoryDocuments = 50000;

  void Write(Slot& s) {
    std::string line;
    if (auto* e = std::get_if<news::SourceError>(&s.input)) {
      line = ErrorLine(e->doc, e->status.message());
      had_error_ = true;
    } else if (!s.page.ok()) {
      line = ErrorLine(std::get<news::SourceDocument>(s.input).doc, s.page.status().message());
      had_error_ = true;
    } else {
      std::vector<news::LinkedMention> mentions = linker_.LinkDocument(s.read.mentions);
      const std::vector<news::LinkedEvent> events =
          news::LinkEvents(s.read.text, s.read.events, mentions);
      const news::StoryEvidence evidence = news::EvidenceOf(s.read, mentions, events);
      const std::string story = stories_.Add(evidence);
      if (store_ && store_status_.ok()) {
        store_status_ = store_->SaveDocument(s.read, mentions, events, story, &evidence);
      }
      if (args_.cameo || args_.cameo_tsv) {
        line =
            CameoLines(s.read, events, args_.cameo_tsv ? CameoFormat::kTsv : CameoFormat::kJsonl);
        std::fwrite(line.data(), 1, line.size(), stdout);  // each row ends in '\n'
        return;
      }
      line = pretty_ ? ReadableDocument(s.read, mentions, events, story)
                     : DocumentLine(s.read, mentions, events, story);
    }
    if (args_.cameo_tsv) {  // the TSV holds rows only: its error lines go to stderr
      std::fprintf(stderr, "%s\n", line.c_str());
      return;
    }
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
  }

  const ReadArgs& args_;
  news::EntityLinker linker_;
  news::StoryClusterer stories_;  // in input order, like the linker
  store::NewsStore* store_;       // null without --db
  Status store_status_;           // the first store error stops storing (the run is then failed)
  news::SiteLines site_lines_;
  std::vector<Slot> block_;
  Progress progress_;
  size_t done_ = 0;
  bool had_error_ = false;
  bool pretty_ = false;
};

int RunRead(const ReadArgs& args) {
  std::shared_ptr<const screen::Screener> screener;
  if (!args.lists.empty()) {
    auto index = LoadIndex(args.lists, args.threads);
    if (!index.ok()) return Fail(index.status());
    screener = std::make_shared<const screen::Screener>(*index, screen::ScreenOptions());
  }
  std::unique_ptr<store::NewsStore> store;
  if (!args.db.empty()) {
    auto opened = store::NewsStore::Open(args.db);
    if (!opened.ok()) return Fail(opened.status());
    store = std::move(*opened);
  }
  Reader reader(args, screener, store.get());
  if (Status seeded = reader.Seed(); !seeded.ok()) return Fail(seeded);
  Status status = news::ForEachDocument(
      args.paths, news::SourceOptions(),
      [&](news::SourceDocument d) { reader.Add(Slot(std::move(d))); },
      [&](news::SourceError e) { reader.Add(Slot(std::move(e))); });
  reader.Flush();
  if (!status.ok()) return Fail(status);
  if (!reader.store_status().ok()) return Fail(reader.store_status());
  return reader.had_error() ? kExitInputErrors : kExitOk;
}

}  // namespace

void AddReadCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ReadArgs>();
  CLI::App* cmd = app.add_subcommand(
      "read",
      "Read news (Arabic, French, English): clean text, languages per sentence, dates, and "
      "mentions of persons, organisations and places linked across scripts and to the lists, "
      "and events (meetings, visits, calls, statements, press conferences, agreements, attacks, "
      "arrests). "
      "One JSON line out per document, in input order; a document that cannot be read gives "
      "{\"doc\", \"error\"}, the run goes on, and the exit code is 1.");
  cmd->add_option("paths", args->paths,
                  "Files (.txt, .html, .jsonl, .warc, .warc.gz; .gz read directly), folders "
                  "(read recursively), or - for standard input")
      ->required();
  cmd->add_option("--list", args->lists,
                  "List file(s) whose entities mentions are checked against (`listed`)");
  cmd->add_option("--db", args->db,
                  "SQLite database that keeps documents, mentions, dates and entities (created "
                  "when missing); entity keys stay the same across runs; see `qantara search`");
  cmd->add_option("--threads", args->threads, "Worker threads")->check(CLI::Range(1, 256));
  cmd->add_flag("--json", args->json,
                "JSON Lines even at a terminal (the default when stdout is not a terminal)");
  CLI::Option* cameo = cmd->add_flag(
      "--events-cameo", args->cameo,
      "Instead of documents, print each document's events as CAMEO actor-action-actor rows, "
      "one JSON line each: {\"doc\", \"date\", \"actor1\", \"actor1_name\", \"code\", "
      "\"root\", \"type\", \"actor2\", \"actor2_name\", \"place\", \"event\"} (codes: "
      "meeting 040, call 041, visit 042, statement and press_conference 010, agreement 057, "
      "attack 180, arrest 173; docs/news.md \"Events\"); a document that cannot be read still "
      "gives its {\"doc\", \"error\"} line");
  cmd->add_flag("--events-cameo-tsv", args->cameo_tsv,
                "As --events-cameo, as tab-separated values with a header line (for GDELT-like "
                "tools); the {\"doc\", \"error\"} line of a document that cannot be read goes to "
                "standard error")
      ->excludes(cameo);
  cmd->callback([args, exit_code] { *exit_code = RunRead(*args); });
}

}  // namespace qantara::cli
