// qantara export: what `qantara read --db` stored, for other tools: the
// documents in read's JSON Lines form (jsonl), FollowTheMoney entities for
// Aleph-like tools (ftm), or one STIX 2.1 bundle for threat-intelligence
// platforms (stix). docs/export.md describes the mappings.
//
// The whole export is built before a byte is written: --max-objects then
// refuses an export too large with nothing written (a truncated STIX bundle
// or FtM set would have references to objects left out), and --out is
// written to a temporary file renamed at the end.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "cli/progress.h"
#include "cli/read_json.h"
#include "export/ftm.h"
#include "export/stix.h"
#include "lists/reader.h"
#include "store/news_store.h"

namespace qantara::cli {
namespace {

struct ExportArgs {
  std::string db;
  std::string format;
  std::vector<std::string> lists;
  size_t max_objects = 0;  // 0: no bound
  std::string out;         // "" or "-": stdout
};

// Read's document line, without what the store does not keep.
std::string StoredDocumentLine(const news::ExportedDocument& d) {
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(
      DocumentLine(d.read, d.mentions, d.events, d.story), nullptr, false);
  if (j.is_discarded()) return DocumentLine(d.read, d.mentions, d.events, d.story);
  j.erase("removed");
  for (auto& e : j["events"]) e.erase("date_from");
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Status AddListEntries(const std::vector<std::string>& paths, news::NewsExport* data) {
  if (paths.empty()) return Status::Ok();
  auto loaded = lists::LoadLists(paths);
  if (!loaded.ok()) return loaded.status();
  ReportIssues(loaded->issues);
  for (lists::Entity& e : loaded->entities) {
    std::string id = e.id();
    data->list_entries.emplace(std::move(id), std::move(e));
  }
  return Status::Ok();
}

// The export's records: lines (jsonl, ftm) or the bundle's objects (stix).
std::vector<std::string> Records(const ExportArgs& args, const news::NewsExport& data) {
  if (args.format == "ftm") return export_::FtmEntities(data);
  if (args.format == "stix") return export_::StixObjects(data);
  std::vector<std::string> out;
  for (const news::ExportedDocument& d : data.documents) out.push_back(StoredDocumentLine(d));
  return out;
}

Status Write(const ExportArgs& args, const std::vector<std::string>& records) {
  const bool to_stdout = args.out.empty() || args.out == "-";
  const std::string tmp = args.out + ".tmp";
  std::FILE* f = to_stdout ? stdout : std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return Status::IoError(args.out + ": cannot write: " + std::strerror(errno));
  Progress progress("writing", records.size());
  if (args.format == "stix") {
    const std::string bundle = export_::StixBundle(records) + "\n";
    std::fwrite(bundle.data(), 1, bundle.size(), f);
  } else {
    for (size_t i = 0; i < records.size(); ++i) {
      std::fwrite(records[i].data(), 1, records[i].size(), f);
      std::fputc('\n', f);
      progress.Update(i + 1, i + 1);
    }
  }
  const bool failed = std::ferror(f) != 0;
  if (to_stdout) return failed ? Status::IoError("stdout: write failed") : Status::Ok();
  if (std::fclose(f) != 0 || failed) {
    std::remove(tmp.c_str());
    return Status::IoError(args.out + ": write failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, args.out, ec);
  if (ec) return Status::IoError(args.out + ": cannot write: " + ec.message());
  return Status::Ok();
}

int RunExport(const ExportArgs& args) {
  auto store = store::NewsStore::OpenExisting(args.db);
  if (!store.ok()) return Fail(store.status());
  Result<news::NewsExport> data = Status::Internal("not read");
  {
    Progress progress("reading " + args.db, 0);
    data = (*store)->Export([&](size_t done, size_t) { progress.Update(done, done); });
  }
  if (!data.ok()) return Fail(data.status());
  if (data->documents.empty()) {
    return Fail(Status::NotFound(
        args.db + ": no documents: read documents into it first (`qantara read --db " + args.db +
        " FILES`)"));
  }
  if (Status s = AddListEntries(args.lists, &*data); !s.ok()) return Fail(s);
  const std::vector<std::string> records = Records(args, *data);
  if (args.max_objects > 0 && records.size() > args.max_objects) {
    return Fail(Status::ResourceExhausted(
        args.db + ": the " + args.format + " export has " + std::to_string(records.size()) +
        " objects, more than --max-objects " + std::to_string(args.max_objects) +
        "; nothing was written (raise --max-objects, or 0 for no bound)"));
  }
  if (Status s = Write(args, records); !s.ok()) return Fail(s);
  std::fprintf(stderr, "qantara: %zu %s objects from %zu documents and %zu entities\n",
               records.size(), args.format.c_str(), data->documents.size(), data->entities.size());
  return kExitOk;
}

}  // namespace

void AddExportCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "What `qantara read --db` stored, for other tools: --format jsonl (the documents in "
      "read's JSON Lines form), ftm (FollowTheMoney entities, one per line, for Aleph) or stix "
      "(one STIX 2.1 bundle). Ids are stable from run to run. See docs/export.md.");
  cmd->add_option("--db", args->db, "Database written by `qantara read --db`")->required();
  cmd->add_option("--format", args->format, "jsonl, ftm or stix")
      ->required()
      ->check(CLI::IsMember({"jsonl", "ftm", "stix"}));
  cmd->add_option("--list", args->lists,
                  "List file(s): listed entities' programs and listing dates from their entries");
  cmd->add_option("--max-objects", args->max_objects,
                  "Refuse (exit 1, nothing written) an export of more objects; 0: no bound")
      ->capture_default_str();
  cmd->add_option("--out", args->out,
                  "Write to this file (replaced whole at the end) instead of stdout");
  cmd->callback([args, exit_code] { *exit_code = RunExport(*args); });
}

}  // namespace qantara::cli
