// Events in Arabic, French and English news (news/events.h): precision and
// recall per event type, and how often a found event has the right date,
// place and participants, on a gold set we wrote ourselves.
//
//   build/eval/event_eval [--gold FILE] [--errors]
//
// The gold set, eval/data/events_gold.jsonl, is 32 short made-up articles
// (12 French, 10 English, 10 Arabic; invented names, real cities), one JSON
// object per line: {"id", "lang", "published", "text", "events": [{"type",
// "date", "place", "participants"}]}, where `place` and `participants` are
// written as the text writes them and `date` is the ISO value (null when the
// article does not say). Some articles are traps: verbs of saying outside the
// lead, "d'accord", a future visit.
//
// Each article goes through the reader as `qantara read` runs it (PageOf,
// ReadPage with the given published date, EntityLinker, LinkEvents). A gold
// name becomes an entity key through the article's mention of that text (or
// the mention that contains it, or that it contains); a name no mention covers
// cannot be matched. A found event matches a gold event of the same type when
// they agree on the date, the place or a participant (or the gold event gives
// none of them); pairs are taken greedily, best agreement first. Counted per
// type: gold, found, matched, precision, recall, F1; then, among matched
// events, the share with the exact date, the right place, and the gold
// participants' recall.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "eval/gold_args.h"
#include "news/events.h"
#include "news/read.h"

namespace {

namespace qn = qantara::news;
using Json = nlohmann::json;

struct GoldEvent {
  qn::EventType type;
  std::string date, place;                // place: entity key, "?" when no mention covers it
  std::vector<std::string> participants;  // entity keys ("?" likewise)
};

struct Tally {
  size_t gold = 0, found = 0, matched = 0;
  size_t date_right = 0, place_right = 0, place_asked = 0;
  size_t participants_gold = 0, participants_found = 0;
};

std::string KeyOf(const std::string& name, const std::vector<qn::LinkedMention>& mentions) {
  if (name.empty()) return "";
  for (const qn::LinkedMention& m : mentions) {
    if (m.mention.text == name) return m.entity;
  }
  for (const qn::LinkedMention& m : mentions) {
    if (m.mention.text.find(name) != std::string::npos ||
        name.find(m.mention.text) != std::string::npos) {
      return m.entity;
    }
  }
  return "?";
}

size_t Agreement(const GoldEvent& g, const qn::LinkedEvent& e) {
  size_t score = 0;
  if (!g.date.empty() && g.date == e.date) ++score;
  if (!g.place.empty() && e.place && g.place == e.place->entity) ++score;
  for (const std::string& p : g.participants) {
    for (const qn::EventActor& a : e.participants) score += a.entity == p;
  }
  return score;
}

std::string Describe(const qn::LinkedEvent& e) {
  std::string s = std::string(qn::EventTypeName(e.type)) + " '" + e.text + "' " +
                  (e.date.empty() ? "?" : e.date) + " @" + (e.place ? e.place->entity : "?") + " [";
  for (const qn::EventActor& a : e.participants) s += a.entity + " ";
  return s + "]";
}

std::string Describe(const GoldEvent& g) {
  std::string s = std::string(qn::EventTypeName(g.type)) + " " + (g.date.empty() ? "?" : g.date) +
                  " @" + (g.place.empty() ? "?" : g.place) + " [";
  for (const std::string& p : g.participants) s += p + " ";
  return s + "]";
}

// Scores one article into `tallies` (per type); prints its errors when asked.
void ScoreArticle(const Json& article, bool errors, std::map<std::string, Tally>* tallies) {
  qn::SourceDocument source;
  source.doc = article.value("id", "");
  source.body = article.value("text", "");
  source.published = article.value("published", "");
  auto page = qn::PageOf(source);
  if (!page.ok()) return;
  qn::ReadDocument read = qn::ReadPage(source, *page, nullptr, qn::Gazetteer::BuiltIn());
  qn::EntityLinker linker(nullptr);
  std::vector<qn::LinkedMention> mentions = linker.LinkDocument(read.mentions);
  std::vector<qn::LinkedEvent> found = qn::LinkEvents(read.text, read.events, mentions);

  std::vector<GoldEvent> gold;
  for (const Json& g : article.value("events", Json::array())) {
    GoldEvent e;
    e.type = qn::EventTypeFromName(g.value("type", "")).value_or(qn::EventType::kMeeting);
    if (g.contains("date") && g["date"].is_string()) e.date = g["date"];
    if (g.contains("place") && g["place"].is_string()) e.place = KeyOf(g["place"], mentions);
    for (const Json& p : g.value("participants", Json::array()))
      e.participants.push_back(KeyOf(p, mentions));
    gold.push_back(std::move(e));
  }
  std::vector<bool> used(found.size(), false);
  for (const qn::LinkedEvent& e : found) ++(*tallies)[std::string(qn::EventTypeName(e.type))].found;
  for (const GoldEvent& g : gold) {
    Tally& t = (*tallies)[std::string(qn::EventTypeName(g.type))];
    ++t.gold;
    std::optional<size_t> best;
    size_t best_score = 0;
    const bool bare = g.date.empty() && g.place.empty() && g.participants.empty();
    for (size_t k = 0; k < found.size(); ++k) {
      if (used[k] || found[k].type != g.type) continue;
      const size_t score = Agreement(g, found[k]);
      if ((score > best_score) || (!best && bare)) best = k, best_score = score;
    }
    if (!best) {
      if (errors) std::printf("  miss  %-5s %s\n", source.doc.c_str(), Describe(g).c_str());
      continue;
    }
    used[*best] = true;
    const qn::LinkedEvent& e = found[*best];
    ++t.matched;
    t.date_right += g.date == e.date;
    if (!g.place.empty()) {
      ++t.place_asked;
      t.place_right += e.place && e.place->entity == g.place;
    }
    t.participants_gold += g.participants.size();
    for (const std::string& p : g.participants) {
      for (const qn::EventActor& a : e.participants) t.participants_found += a.entity == p;
    }
    if (errors &&
        (g.date != e.date || (!g.place.empty() && (!e.place || e.place->entity != g.place)))) {
      std::printf("  diff  %-5s gold %s\n               found %s\n", source.doc.c_str(),
                  Describe(g).c_str(), Describe(e).c_str());
    }
  }
  for (size_t k = 0; k < found.size(); ++k) {
    if (!used[k] && errors)
      std::printf("  extra %-5s %s\n", source.doc.c_str(), Describe(found[k]).c_str());
  }
}

double Ratio(size_t a, size_t b) { return b == 0 ? 0 : static_cast<double>(a) / b; }

// "-" when nothing was asked.
std::string Share(size_t a, size_t b) {
  char buf[16];
  if (b == 0) return "-";
  std::snprintf(buf, sizeof buf, "%.2f", Ratio(a, b));
  return buf;
}

void PrintRow(const std::string& name, const Tally& t) {
  const double p = Ratio(t.matched, t.found), r = Ratio(t.matched, t.gold);
  const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::printf("  %-17s %5zu %6zu %8zu   %5.2f %6.2f %5.2f    %5s %6s %7s\n", name.c_str(), t.gold,
              t.found, t.matched, p, r, f, Share(t.date_right, t.matched).c_str(),
              Share(t.place_right, t.place_asked).c_str(),
              Share(t.participants_found, t.participants_gold).c_str());
}

}  // namespace

int main(int argc, char** argv) {
  qantara::eval::GoldArgs args;
  if (auto code = qantara::eval::ParseGoldArgs(
          argc, argv, "events_gold.jsonl",
          "usage: event_eval [--gold FILE] [--errors]\n"
          "Precision and recall of `qantara read`'s events per type on a gold set of\n"
          "made-up articles (default eval/data/events_gold.jsonl); --errors prints the\n"
          "missed, extra and mis-dated or mis-placed events.\n",
          &args)) {
    return *code;
  }
  const std::string& gold_path = args.gold;
  const bool errors = args.errors;
  std::ifstream in(gold_path);
  if (!in) {
    std::fprintf(stderr, "event_eval: cannot open %s\n", gold_path.c_str());
    return 1;
  }
  std::map<std::string, Tally> tallies;
  std::string line;
  size_t lineno = 0, articles = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty()) continue;
    Json article = Json::parse(line, nullptr, false);
    if (article.is_discarded() || !article.is_object()) {
      std::fprintf(stderr, "event_eval: %s:%zu: not a JSON object\n", gold_path.c_str(), lineno);
      return 1;
    }
    ScoreArticle(article, errors, &tallies);
    ++articles;
  }
  std::printf("events on %zu made-up articles (%s)\n", articles, gold_path.c_str());
  std::printf("  %-17s %5s %6s %8s   %5s %6s %5s    %5s %6s %7s\n", "type", "gold", "found",
              "matched", "P", "R", "F1", "date", "place", "partic.");
  Tally all;
  for (const auto& [name, t] : tallies) {
    PrintRow(name, t);
    all.gold += t.gold, all.found += t.found, all.matched += t.matched;
    all.date_right += t.date_right, all.place_right += t.place_right,
        all.place_asked += t.place_asked;
    all.participants_gold += t.participants_gold, all.participants_found += t.participants_found;
  }
  PrintRow("all", all);
  return 0;
}
