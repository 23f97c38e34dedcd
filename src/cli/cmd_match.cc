// qantara match: one name at a terminal, a readable table (or --json).
#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/load.h"
#include "screen/screen_json.h"
#include "cli/queries.h"
#include "text/utf8.h"

namespace qantara::cli {
namespace {

struct MatchArgs {
  std::string name, dob, nationality, schema = "Any";
  std::vector<std::string> lists;
  double threshold = screen::ScreenOptions().threshold;
  size_t top = screen::ScreenOptions().top_k;
  bool json = false;
};

// Pads `s` with spaces to `width` code points (cuts it with "..." when longer).
std::string Cell(std::string s, size_t width) {
  size_t chars = 0, cut = std::string::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++chars == width - 2) cut = i;
  }
  if (chars > width) {
    s = s.substr(0, cut) + "...";
    chars = width + 1;
  }
  if (chars < width) s.append(width - chars, ' ');
  return s;
}

void PrintTable(const screen::CandidateIndex& index, const screen::ScreenResult& result) {
  if (result.matches.empty()) {
    std::printf("no match at or above the threshold\n");
    return;
  }
  std::printf("%s %s %s %s\n", Cell("SCORE", 6).c_str(), Cell("ENTITY", 22).c_str(),
              Cell("SCHEMA", 13).c_str(), "MATCHED NAME / CAPTION");
  for (const screen::Match& m : result.matches) {
    const lists::Entity& e = index.entities()[m.entity];
    const std::string& matched = e.names[index.names()[m.name].name_index].value;
    std::printf("%-6.3f %s %s %s\n", m.score, Cell(e.id(), 22).c_str(),
                Cell(std::string(lists::SchemaName(e.schema)), 13).c_str(), matched.c_str());
    if (matched != e.caption) std::printf("%43s%s\n", "", e.caption.c_str());
    std::string why = "name " + std::to_string(m.explanation.name).substr(0, 5) + ":";
    for (const auto& [q, l] : m.explanation.tokens) why += " " + q + "=" + l;
    for (const std::string& note : m.explanation.notes) why += "; " + note;
    std::printf("%43s%s\n", "", why.c_str());
  }
  for (const screen::Match& m : result.suppressed) {
    std::printf("(cleared by allow-list: %s)\n", index.entities()[m.entity].id().c_str());
  }
}

int RunMatch(const MatchArgs& args) {
  if (Status u = text::ValidateUtf8(args.name); !u.ok()) return Fail(u.WithPrefix("NAME"));
  nlohmann::json j = {{"name", args.name}, {"schema", args.schema}};
  if (!args.dob.empty()) j["birth_date"] = args.dob;
  if (!args.nationality.empty()) j["nationality"] = args.nationality;
  screen::Query query;
  if (Status s = screen::QueryFromJson(j, &query); !s.ok()) return Fail(s);
  auto index = LoadIndex(args.lists, std::max(1u, std::thread::hardware_concurrency()));
  if (!index.ok()) return Fail(index.status());
  screen::ScreenOptions options;
  options.threshold = args.threshold;
  options.top_k = args.top;
  screen::Screener screener(*index, options);
  screen::ScreenScratch scratch;
  auto result = screener.Screen(query, &scratch);
  if (!result.ok()) return Fail(result.status());
  if (args.json) {
    nlohmann::ordered_json matches = nlohmann::ordered_json::array();
    for (const auto& m : result->matches) matches.push_back(screen::MatchToJson(**index, m));
    nlohmann::ordered_json out = {{"name", args.name}, {"matches", matches}};
    std::printf("%s\n", out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  } else {
    PrintTable(**index, *result);
  }
  return kExitOk;
}

}  // namespace

void AddMatchCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<MatchArgs>();
  CLI::App* cmd = app.add_subcommand("match", "Screen one name and print the best matches");
  cmd->add_option("NAME", args->name, "The name, in any script")->required();
  cmd->add_option("--list", args->lists, "List file(s) to screen against")->required();
  cmd->add_option("--dob", args->dob, "Birth date: 1971, 1971-07 or 1971-07-28");
  cmd->add_option("--nationality", args->nationality, "Nationality: ISO code or country name");
  cmd->add_option("--schema", args->schema, "Person, Organization, Vessel, Aircraft or Any")
      ->capture_default_str();
  cmd->add_option("--threshold", args->threshold, "Lowest score shown (0..1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--top", args->top, "At most this many matches")->capture_default_str();
  cmd->add_flag("--json", args->json, "One JSON line instead of a table");
  cmd->callback([args, exit_code] { *exit_code = RunMatch(*args); });
}

}  // namespace qantara::cli
