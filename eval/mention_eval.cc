// Mention spotting (news/mentions.h) against annotated sets of
// ../shared/data/news: precision, recall and F1 per type (person,
// organization, location) and micro over the three, CoNLL style (a mention is
// right when its token span and its type are the gold ones), then an overlap
// variant, the cues' precision and the commonest misses and false alarms.
//
//   build/eval/mention_eval [--shared DIR] [--sample N] [--context K] [--top N] [--tokenized]
//
// Sets (eval/README.md, "Mentions", has the type mapping):
//   newsfane_ar   NewsFANE Gold (Arabic newswire, gold), every sentence
//   wikineural_fr WikiNEuRal French test set (silver), its first N sentences
//                 (--sample, default 5,000; 0 for all); MISC is not scored
//   europeana_fr  Europeana French newspapers, 1906-1920 (OCR, gold), every
//                 sentence; no sentence marks, so split after ". ! ?" tokens
// Each sentence is rebuilt from its tokens as the language writes it (no
// space before , . ) and after ( or an elided l' d' qu'; Arabic one-letter
// proclitics and pronoun suffixes joined to their word, unless --tokenized),
// keeping every token's byte range. SpotMentions reads K sentences at a time
// (--context, default 1), one a line; a mention covers the tokens its bytes
// overlap. Gold spans of types that are none of ours are left out, and a
// mention overlapping one is not counted either way.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "eval/mention_sets.h"
#include "news/mentions.h"
#include "news/tagger.h"

namespace {

namespace fs = std::filesystem;
using namespace qantara::eval;  // NOLINT: the sets' types
using qantara::news::Gazetteer;
using qantara::news::Mention;
using qantara::news::MentionOptions;
using qantara::news::MentionType;
using qantara::news::MentionTypeName;
using qantara::news::TaggerUse;

struct Score {
  size_t tp[kTypes] = {}, gold[kTypes] = {}, pred[kTypes] = {};
  size_t pred_overlapping[kTypes] = {}, gold_overlapped[kTypes] = {};
  size_t wrong_type = 0, not_ours = 0, sentences = 0, tokens = 0;
  double seconds = 0;
  std::map<std::string, std::pair<size_t, size_t>> cues;  // cue -> (right, predicted)
  std::map<std::string, size_t> misses[kTypes], false_alarms[kTypes];
};

bool Overlap(const Span& a, const Span& b) { return a.first <= b.last && b.first <= a.last; }
bool Same(const Span& a, const Span& b) { return a.first == b.first && a.last == b.last; }

// Scores one sentence's predicted spans; `surface` gives a span's text.
template <typename Surface>
void ScoreSentence(const std::vector<Span>& gold, const std::vector<Span>& pred,
                   const Surface& surface, Score* sc) {
  std::vector<bool> gold_found(gold.size(), false), gold_touched(gold.size(), false);
  for (const Span& p : pred) {
    bool right = false, overlapping = false, on_not_ours = false, same_span = false;
    for (size_t g = 0; g < gold.size(); ++g) {
      if (!Overlap(p, gold[g])) continue;
      on_not_ours |= gold[g].type == kNotOurs;
      same_span |= Same(p, gold[g]) && gold[g].type != kNotOurs;
      if (gold[g].type != p.type) continue;
      overlapping = gold_touched[g] = true;
      if (Same(p, gold[g])) right = gold_found[g] = true;
    }
    if (!right && !overlapping && on_not_ours) {
      ++sc->not_ours;
      continue;
    }
    ++sc->pred[p.type], sc->tp[p.type] += right, sc->pred_overlapping[p.type] += overlapping;
    sc->wrong_type += same_span && !right;
    auto& cue = sc->cues[p.cue];
    ++cue.second, cue.first += right;
    if (!right) ++sc->false_alarms[p.type][surface(p)];
  }
  for (size_t g = 0; g < gold.size(); ++g) {
    if (gold[g].type == kNotOurs) continue;
    ++sc->gold[gold[g].type], sc->gold_overlapped[gold[g].type] += gold_touched[g];
    if (!gold_found[g]) ++sc->misses[gold[g].type][surface(gold[g])];
  }
}

// The token span of each mention, by sentence (a mention crossing a line
// keeps the tokens of the sentence it starts in).
std::vector<std::vector<Span>> ToSpans(const std::vector<Mention>& mentions,
                                       const std::vector<TokenAt>& at, size_t begin, size_t end) {
  std::vector<std::vector<Span>> spans(end - begin);
  size_t k = 0;
  for (const Mention& m : mentions) {
    while (k < at.size() && at[k].end <= m.start) ++k;
    if (k == at.size() || at[k].start >= m.end) continue;  // between tokens
    Span s{at[k].token, at[k].token, static_cast<int>(m.type), m.cue};
    for (size_t j = k + 1; j < at.size() && at[j].start < m.end; ++j) {
      if (at[j].sentence == at[k].sentence) s.last = at[j].token;
    }
    spans[at[k].sentence - begin].push_back(std::move(s));
  }
  return spans;
}

Score Run(const Set& set, size_t context, bool join_clitics, const MentionOptions& options) {
  Score sc;
  const Gazetteer& gazetteer = Gazetteer::BuiltIn();
  for (size_t begin = 0; begin < set.sentences.size(); begin += context) {
    const size_t end = std::min(set.sentences.size(), begin + context);
    std::vector<TokenAt> at;
    const std::string text = Rebuild(set, begin, end, join_clitics, &at);
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<Mention> mentions = SpotMentions(text, gazetteer, options);
    sc.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const auto spans = ToSpans(mentions, at, begin, end);
    size_t first_token = 0;  // index in `at` of the sentence's first token
    for (size_t s = begin; s < end; ++s) {
      const auto surface = [&](const Span& sp) {
        const size_t a = at[first_token + sp.first].start, b = at[first_token + sp.last].end;
        return text.substr(a, b - a);
      };
      ScoreSentence(set.sentences[s].gold, spans[s - begin], surface, &sc);
      first_token += set.sentences[s].tokens.size();
      sc.tokens += set.sentences[s].tokens.size();
    }
  }
  sc.sentences = set.sentences.size();
  return sc;
}

std::string Thousands(size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string Prf(size_t right_p, size_t pred, size_t right_r, size_t gold) {
  const double p = pred ? double(right_p) / pred : 0, r = gold ? double(right_r) / gold : 0;
  const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "P %.2f R %.2f F1 %.2f", p, r, f);
  return buf;
}

void PrintFigures(const char* label, const size_t* right_p, const size_t* pred,
                  const size_t* right_r, const size_t* gold) {
  size_t sums[4] = {};
  std::printf("  %-8s", label);
  for (int t = 0; t < kTypes; ++t) {
    std::printf("%s %s (gold %s) | ", std::string(MentionTypeName(MentionType(t))).c_str(),
                Prf(right_p[t], pred[t], right_r[t], gold[t]).c_str(), Thousands(gold[t]).c_str());
    sums[0] += right_p[t], sums[1] += pred[t], sums[2] += right_r[t], sums[3] += gold[t];
  }
  std::printf("micro %s\n", Prf(sums[0], sums[1], sums[2], sums[3]).c_str());
}

std::string Top(const std::map<std::string, size_t>& counts, size_t n) {
  std::vector<std::pair<size_t, std::string>> v;
  for (const auto& [s, c] : counts) v.push_back({c, s});
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out;
  for (size_t i = 0; i < v.size() && i < n; ++i) {
    out += (i ? ", " : " ") + v[i].second + " " + std::to_string(v[i].first);
  }
  return out;
}

void Print(const Set& set, const std::string& spotter, const Score& sc, size_t top) {
  std::printf("%s [%s] (%s, %s sentences, %s tokens): %.0f sentences/s\n", set.name.c_str(),
              spotter.c_str(), set.note.c_str(), Thousands(sc.sentences).c_str(),
              Thousands(sc.tokens).c_str(), sc.seconds > 0 ? sc.sentences / sc.seconds : 0.0);
  PrintFigures("exact", sc.tp, sc.pred, sc.tp, sc.gold);
  if (top == 0) return;
  PrintFigures("overlap", sc.pred_overlapping, sc.pred, sc.gold_overlapped, sc.gold);
  std::printf("  right span, wrong type: %zu; on a gold span not ours (not counted): %zu\n",
              sc.wrong_type, sc.not_ours);
  std::printf("  cues (exact right / predicted):");
  for (const auto& [cue, n] : sc.cues) std::printf(" %s %zu/%zu", cue.c_str(), n.first, n.second);
  std::printf("\n");
  for (const auto& [label, n] : set.unmapped)
    std::printf("  unmapped label %s: %zu\n", label.c_str(), n);
  for (int t = 0; t < kTypes; ++t) {
    const std::string name(MentionTypeName(MentionType(t)));
    std::printf("  missed %s:%s\n", name.c_str(), Top(sc.misses[t], top).c_str());
    std::printf("  false %s:%s\n", name.c_str(), Top(sc.false_alarms[t], top).c_str());
  }
}

}  // namespace

// Microseconds SpotMentions takes on 3 KB of the set's text (sentences one a
// line, as an article's paragraphs), best of three passes.
double MicrosPer3Kb(const Set& set, const MentionOptions& options) {
  std::vector<std::string> articles;
  for (size_t begin = 0, end = 0; begin < set.sentences.size(); begin = end) {
    std::string text;
    for (end = begin; end < set.sentences.size() && text.size() < 3000; ++end) {
      std::vector<TokenAt> at;
      text += Rebuild(set, end, end + 1, true, &at) + "\n";
    }
    if (text.size() >= 3000) articles.push_back(std::move(text));
  }
  double best = 0;
  for (int pass = 0; pass < 3 && !articles.empty(); ++pass) {
    const auto t0 = std::chrono::steady_clock::now();
    size_t n = 0;
    for (const std::string& a : articles)
      n += SpotMentions(a, Gazetteer::BuiltIn(), options).size();
    const double us =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() /
        articles.size();
    if (n > 0 && (best == 0 || us < best)) best = us;
  }
  return best;
}

// The spotters --spotter names: rules alone, or rules then the built-in tagger.
bool SpotterOptions(const std::string& name, MentionOptions* options) {
  if (name == "rules") return options->tagger = nullptr, true;
  options->tagger = &qantara::news::Tagger::BuiltIn();
  if (name == "fill") return options->use = TaggerUse::kFill, true;
  if (name == "decide") return options->use = TaggerUse::kDecide, true;
  return false;
}

int main(int argc, char** argv) {
  fs::path shared = fs::path(QANTARA_SOURCE_DIR) / ".." / "shared";
  size_t sample = 5000, context = 1, top = 15;
  bool join_clitics = true, held_out = true;
  std::vector<std::string> spotters = {"rules", "decide"};
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--shared" && has_value) {
      shared = argv[++i];
    } else if (a == "--sample" && has_value) {
      sample = std::strtoul(argv[++i], nullptr, 10);
    } else if (a == "--context" && has_value) {
      context = std::max<size_t>(1, std::strtoul(argv[++i], nullptr, 10));
    } else if (a == "--top" && has_value) {
      top = std::strtoul(argv[++i], nullptr, 10);
    } else if (a == "--tokenized") {
      join_clitics = false;
    } else if (a == "--split" && has_value &&
               (argv[i + 1] == std::string("heldout") || argv[i + 1] == std::string("all"))) {
      held_out = argv[++i] == std::string("heldout");
    } else if (a == "--spotter" && has_value) {
      spotters.clear();
      for (std::string list = argv[++i]; !list.empty();) {
        const size_t comma = list.find(',');
        spotters.push_back(list.substr(0, comma));
        list = comma == std::string::npos ? "" : list.substr(comma + 1);
      }
    } else {
      std::fprintf(stderr, "mention_eval: unknown argument %s (see eval/README.md)\n", a.c_str());
      return 2;
    }
  }
  MentionOptions options;
  for (const std::string& s : spotters) {
    if (!SpotterOptions(s, &options)) {
      std::fprintf(stderr, "mention_eval: --spotter takes rules, fill, decide; not %s\n",
                   s.c_str());
      return 2;
    }
  }
  const fs::path data = shared / "data" / "news";
  if (!fs::exists(data / "newsfane_ar") || !fs::exists(data / "wikineural_fr") ||
      !fs::exists(data / "europeana_ner_fr")) {
    std::printf(
        "mention_eval: %s (newsfane_ar, wikineural_fr, europeana_ner_fr) not found; skipping\n",
        data.string().c_str());
    return 0;
  }
  // The held-out split reads every sentence (the tagger trained on the others).
  std::vector<Set> sets = ReadMentionSets(data, held_out ? 0 : sample);
  std::printf("mention_eval: %s; %zu sentence(s) at a time; Arabic clitics %s; tagger %s\n",
              held_out ? "HELD-OUT split (sentence k with k % 5 == 0 of each set; the tagger never "
                         "trained on it)"
                       : "WHOLE sets (the tagger trained on four fifths of them: its figures are "
                         "optimistic)",
              context, join_clitics ? "joined to their word" : "as tokenized",
              qantara::news::Tagger::BuiltIn().loaded() ? "embedded" : "absent from this build");
  for (Set& set : sets) {
    if (held_out) set = SplitSet(set, true);
    for (size_t k = 0; k < spotters.size(); ++k) {
      SpotterOptions(spotters[k], &options);
      const std::string name = spotters[k] == "rules" ? "rules" : "rules+tagger " + spotters[k];
      Print(set, name, Run(set, context, join_clitics, options),
            k + 1 == spotters.size() ? top : 0);
      std::printf("  speed: %.0f us per 3 KB of text\n", MicrosPer3Kb(set, options));
    }
  }
  return 0;
}
