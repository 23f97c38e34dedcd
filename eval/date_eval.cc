// Dates in Arabic, French and English news: DESIGN's target is 95 % exact
// value, ahead of python3-dateparser on the same expressions.
//
//   build/eval/date_eval [--shared DIR] [--no-peer] [--errors]
//
// Sets, under ../shared/data/news:
//   fr_timebank   fr_timebank/timex3_fr.tsv: TIMEX3 of French TimeBank (doc, dct,
//                 tid, type, value, text); the anchor is the document's creation
//                 time (dct).
//   tempeval3_en  tempeval3_platinum_en/timex3_en.tsv, same columns.
//   dateparser    dateparser_cases/dateparser_param_cases.jsonl: dateparser's own
//                 test cases. Taken: lang en, fr or ar; no kwargs (no settings
//                 that change the meaning); args[0] a string, args[1] an ISO
//                 datetime; the string writes its year (a 4-digit number, or a
//                 numeric date d.m.yy / d/m/yy), so that the gold does not hang on
//                 the test's frozen "now". Duplicates (same string and gold) once.
//                 No Arabic case passes these rules (the Arabic ones are search
//                 or Hijri tests with settings).
// Counted: for TimeBank and TempEval, expressions of type DATE whose gold value
// is a year, a month or a day ("1999", "1999-05", "1999-05-18"); skipped and
// counted apart: other types (DURATION, TIME, SET) and DATE values in other
// forms (weeks "1999-W27", seasons, decades, "XXXX-..", PRESENT_REF...).
// Qantara's value: FindDates on the expression alone with the anchor, the
// longest mention's value (none = wrong); exact string match with the gold.
// "In the article" (TimeBank and TempEval): FindDates on the whole article's
// text (the TimeML file's <TEXT>, eval/timeml.h) with the anchor, the mention
// overlapping the gold expression most (none = wrong): what `qantara read`
// gives, with the sentence's tense to resolve bare weekdays and dates. The peer
// is given the expression alone (dateparser reads no context).
// For dateparser's cases, ParseDateValue on the string, gold's day.
// The peer (eval/peers/dateparser_values.py, run with /usr/bin/python3):
// dateparser.parse on the same expression with RELATIVE_BASE = anchor, compared
// at the gold value's granularity (its year, year-month or day).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "eval/timeml.h"
#include "news/dates.h"

namespace {

namespace fs = std::filesystem;
using qantara::news::CivilDate;

struct Item {
  std::string text, lang, anchor, gold;   // anchor "" = none
  std::string ours, peer;                 // values found
  std::string doc, tid;                   // TimeML sets: where the expression is
  std::optional<std::string> in_article;  // the value read in the whole article
};

struct Set {
  std::string name;
  std::vector<Item> items;
  std::map<std::string, int> skipped;  // reason -> count
};

bool IsDigits(const std::string& s, size_t from, size_t n) {
  if (s.size() < from + n) return false;
  for (size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// "1999", "1999-05", "1999-05-18".
bool DayMonthOrYear(const std::string& v) {
  if (v.size() == 4) return IsDigits(v, 0, 4);
  if (v.size() == 7) return IsDigits(v, 0, 4) && v[4] == '-' && IsDigits(v, 5, 2);
  if (v.size() == 10) {
    return IsDigits(v, 0, 4) && v[4] == '-' && IsDigits(v, 5, 2) && v[7] == '-' &&
           IsDigits(v, 8, 2);
  }
  return false;
}

std::optional<CivilDate> Anchor(const std::string& iso) {
  if (iso.size() < 10) return std::nullopt;
  return CivilDate{std::atoi(iso.substr(0, 4).c_str()), std::atoi(iso.substr(5, 2).c_str()),
                   std::atoi(iso.substr(8, 2).c_str())};
}

bool ReadTimex(const fs::path& path, const std::string& name, const std::string& lang, Set* set) {
  std::ifstream in(path);
  if (!in) return false;
  set->name = name;
  std::string line;
  std::getline(in, line);  // header: doc dct tid type value text
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, '\t');) f.push_back(cell);
    if (f.size() < 6) continue;
    if (f[3] != "DATE") {
      ++set->skipped["type " + f[3]];
    } else if (!DayMonthOrYear(f[4])) {
      ++set->skipped["DATE value not a day, month or year"];
    } else {
      set->items.push_back({f[5], lang, f[1], f[4], "", "", f[0], f[2], std::nullopt});
    }
  }
  return true;
}

// The string writes its year: a 4-digit number, or d.m.yy / d/m/yy.
bool WritesYear(const std::string& s) {
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (IsDigits(s, i, 4) && (i == 0 || !IsDigits(s, i - 1, 1)) &&
        (i + 4 == s.size() || !IsDigits(s, i + 4, 1))) {
      return true;
    }
  }
  for (size_t i = 0; i + 3 <= s.size(); ++i) {
    if ((s[i] == '.' || s[i] == '/') && IsDigits(s, i + 1, 2) &&
        (i + 3 == s.size() || !IsDigits(s, i + 3, 1)) && i >= 1 && IsDigits(s, i - 1, 1) &&
        s.find(s[i]) < i) {
      return true;
    }
  }
  return false;
}

bool ReadDateparserCases(const fs::path& path, Set* set) {
  std::ifstream in(path);
  if (!in) return false;
  set->name = "dateparser";
  std::map<std::string, bool> seen;
  for (std::string line; std::getline(in, line);) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) continue;
    const std::string lang =
        j.value("lang", nlohmann::json()).is_string() ? j["lang"].get<std::string>() : "";
    const nlohmann::json& args = j["args"];
    if (lang != "en" && lang != "fr" && lang != "ar") {
      ++set->skipped["language not en/fr/ar"];
    } else if (!j["kwargs"].empty()) {
      ++set->skipped["settings kwargs"];
    } else if (args.size() < 2 || !args[0].is_string() || !args[1].is_string() ||
               args[1].get<std::string>().size() < 19 || args[1].get<std::string>()[10] != 'T') {
      ++set->skipped["not (string, datetime)"];
    } else if (!WritesYear(args[0].get<std::string>())) {
      ++set->skipped["year not written (relative to the test's now)"];
    } else {
      const std::string text = args[0], gold = args[1].get<std::string>().substr(0, 10);
      if (seen[text + "\t" + gold]) {
        ++set->skipped["duplicate"];
        continue;
      }
      seen[text + "\t" + gold] = true;
      set->items.push_back({text, lang, "", gold, "", "", "", "", std::nullopt});
    }
  }
  return true;
}

void RunQantara(Set* set) {
  for (Item& it : set->items) {
    if (set->name == "dateparser") {
      std::optional<CivilDate> d = qantara::news::ParseDateValue(it.text);
      it.ours = d ? qantara::news::IsoValue(*d) : "";
      continue;
    }
    std::vector<qantara::news::DateMention> m =
        qantara::news::FindDates(it.text, Anchor(it.anchor));
    size_t best = 0;
    for (const auto& d : m) {
      if (d.end - d.start > best) best = d.end - d.start, it.ours = d.value;
    }
  }
}

// Reads each item's article (dir/doc.tml) and takes the value of the mention
// found there that overlaps the item's TIMEX3 most. Items whose file or TIMEX3
// cannot be found keep no in-article value (and are reported).
void RunInArticle(const fs::path& dir, Set* set) {
  std::map<std::string, std::vector<Item*>> by_doc;
  for (Item& it : set->items) by_doc[it.doc].push_back(&it);
  for (auto& [doc, items] : by_doc) {
    std::ifstream in(dir / (doc + ".tml"), std::ios::binary);
    std::stringstream xml;
    xml << in.rdbuf();
    std::optional<qantara::eval::TimeMlDoc> tml = qantara::eval::ParseTimeMl(xml.str());
    if (!tml) continue;
    const std::vector<qantara::news::DateMention> found =
        qantara::news::FindDates(tml->text, Anchor(items.front()->anchor));
    for (Item* it : items) {
      auto timex =
          std::find_if(tml->timexes.begin(), tml->timexes.end(),
                       [&](const qantara::eval::TimeMlTimex& t) { return t.tid == it->tid; });
      if (timex == tml->timexes.end()) continue;
      size_t best = 0;
      std::string value;
      for (const auto& d : found) {
        const size_t from = std::max(d.start, timex->start), to = std::min(d.end, timex->end);
        if (to > from && to - from > best) best = to - from, value = d.value;
      }
      it->in_article = value;
    }
  }
}

// Runs the peer on every item of every set; false when it could not run.
bool RunPeer(const std::string& script, std::vector<Set>* sets) {
  const fs::path dir = fs::temp_directory_path();
  const std::string in = (dir / "qantara_date_eval_in.jsonl").string();
  const std::string out = (dir / "qantara_date_eval_out.jsonl").string();
  std::vector<Item*> all;
  {
    std::ofstream f(in);
    for (Set& s : *sets) {
      for (Item& it : s.items) {
        nlohmann::json j = {{"id", all.size()}, {"text", it.text}, {"lang", it.lang}};
        j["anchor"] = it.anchor.empty() ? nlohmann::json() : nlohmann::json(it.anchor);
        f << j.dump() << "\n";
        all.push_back(&it);
      }
    }
  }
  const std::string cmd = "/usr/bin/python3 " + script + " < " + in + " > " + out;
  if (std::system(cmd.c_str()) != 0) return false;
  std::ifstream f(out);
  size_t n = 0;
  for (std::string line; std::getline(f, line); ++n) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j["id"].is_number()) return false;
    const size_t id = j["id"];
    if (id < all.size()) all[id]->peer = j["value"];
  }
  fs::remove(in);
  fs::remove(out);
  return n == all.size();
}

void Report(const Set& s, bool peer, bool errors) {
  int ours = 0, theirs = 0, in_article = 0, articles = 0;
  for (const Item& it : s.items) {
    ours += it.ours == it.gold;
    theirs += it.peer.substr(0, it.gold.size()) == it.gold && !it.peer.empty();
    if (it.in_article) {
      ++articles;
      in_article += *it.in_article == it.gold;
    }
    if (errors && it.ours != it.gold) {
      std::printf("  miss %-14s anchor %-10s gold %-10s got %-10s  %s\n", s.name.c_str(),
                  it.anchor.c_str(), it.gold.c_str(), it.ours.c_str(), it.text.c_str());
    }
    if (errors && it.in_article && *it.in_article != it.gold) {
      std::printf("  miss %-14s anchor %-10s gold %-10s got %-10s  %s  (in the article %s)\n",
                  s.name.c_str(), it.anchor.c_str(), it.gold.c_str(), it.in_article->c_str(),
                  it.text.c_str(), it.doc.c_str());
    }
  }
  const double n = s.items.empty() ? 1 : static_cast<double>(s.items.size());
  int skipped = 0;
  std::string why;
  for (const auto& [reason, count] : s.skipped) {
    skipped += count;
    why += (why.empty() ? "" : ", ") + reason + " " + std::to_string(count);
  }
  std::printf("%-13s counted %4zu  qantara %5.1f %% (%d)", s.name.c_str(), s.items.size(),
              100.0 * ours / n, ours);
  if (peer) {
    std::printf("  dateparser %5.1f %% (%d)  difference %+5.1f points", 100.0 * theirs / n, theirs,
                100.0 * (ours - theirs) / n);
  }
  if (articles > 0) {
    std::printf("\n              in the article: qantara %5.1f %% (%d of %d read in their article)",
                100.0 * in_article / articles, in_article, articles);
  }
  std::printf("\n              skipped %d: %s\n", skipped, why.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = QANTARA_SOURCE_DIR "/../shared/data/news";
  bool peer = true, errors = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--shared" && i + 1 < argc)
      shared = argv[++i];
    else if (a == "--no-peer")
      peer = false;
    else if (a == "--errors")
      errors = true;
  }
  if (!fs::exists(shared)) {
    std::printf("date_eval: %s not found; skipped\n", shared.string().c_str());
    return 0;
  }
  std::vector<Set> sets(3);
  bool ok =
      ReadTimex(shared / "fr_timebank/timex3_fr.tsv", "fr_timebank", "fr", &sets[0]) &&
      ReadTimex(shared / "tempeval3_platinum_en/timex3_en.tsv", "tempeval3_en", "en", &sets[1]) &&
      ReadDateparserCases(shared / "dateparser_cases/dateparser_param_cases.jsonl", &sets[2]);
  if (!ok) {
    std::printf("date_eval: a data file under %s is missing; skipped\n", shared.string().c_str());
    return 0;
  }
  for (Set& s : sets) RunQantara(&s);
  RunInArticle(shared / "fr_timebank/Data", &sets[0]);
  RunInArticle(shared / "tempeval3_platinum_en/te3-platinum", &sets[1]);
  if (peer && !RunPeer(QANTARA_SOURCE_DIR "/eval/peers/dateparser_values.py", &sets)) {
    std::printf("dateparser: did not run (/usr/bin/python3 with python3-dateparser missing?)\n");
    peer = false;
  }
  std::printf("Dates: exact value (DESIGN target >= 95 %%, ahead of python3-dateparser)\n");
  Set total;
  total.name = "all";
  for (const Set& s : sets) {
    Report(s, peer, errors);
    total.items.insert(total.items.end(), s.items.begin(), s.items.end());
    for (const auto& [reason, count] : s.skipped) total.skipped[reason] += count;
  }
  Report(total, peer, false);
  return 0;
}
