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

#include "news/mentions.h"

namespace {

namespace fs = std::filesystem;
using qantara::news::Gazetteer;
using qantara::news::Mention;
using qantara::news::MentionType;
using qantara::news::MentionTypeName;

constexpr int kTypes = 3;     // MentionType's values: person, organization, location
constexpr int kNotOurs = -1;  // a gold type we do not spot (book, nationality, MISC)
constexpr size_t kMaxSentenceTokens = 250;
constexpr int kUnknown = -2;  // a gold label the mapping does not know: counted, not scored

struct Span {
  size_t first = 0, last = 0;  // token indices, inclusive
  int type = kNotOurs;
  std::string cue = {};  // predictions only
};

struct Sentence {
  std::vector<std::string> tokens;
  std::vector<Span> gold;
};

struct Set {
  std::string name, note;
  std::vector<Sentence> sentences;
  std::map<std::string, size_t> unmapped;  // gold labels the mapping does not know
};

// NewsFANE's fine classes (eval/README.md, "Mentions", says why).
int NewsFaneType(const std::string& fine) {
  static const std::unordered_map<std::string, int> kMap = [] {
    std::unordered_map<std::string, int> m;
    for (const char* t : {"Politician", "Athlete", "Artist", "Other_PER", "Religious_PER",
                          "Scientist", "Businessperson", "Lawyer", "Engineer", "Police"}) {
      m[t] = static_cast<int>(MentionType::kPerson);
    }
    for (const char* t : {"Non-Governmental", "Sports", "Government", "Media", "Commercial",
                          "Educational", "Medical-Science", "Entertainment", "Religious_ORG"}) {
      m[t] = static_cast<int>(MentionType::kOrganization);
    }
    for (const char* t : {"Nation", "Population-Center", "State-or-Province", "GPE-Cluster",
                          "Continent", "County-or-District", "Water-Body", "Land-Region-Natural",
                          "Celestial", "Building-Grounds", "Airport", "Path"}) {
      m[t] = static_cast<int>(MentionType::kLocation);
    }
    for (const char* t : {"Group",      "Subarea-Facility",
                          "Book",       "Movie",
                          "Software",   "Hardware",
                          "Land",       "Air",
                          "Water",      "Shooting",
                          "Projectile", "Food",
                          "Drug",       "Plant",
                          "Sound",      "Exploding",
                          "Nuclear",    "Chemical",
                          "Blunt",      "Sharp"}) {
      m[t] = kNotOurs;
    }
    return m;
  }();
  const auto it = kMap.find(fine);
  return it == kMap.end() ? kUnknown : it->second;
}

int ConllType(const std::string& coarse) {
  if (coarse == "PER") return static_cast<int>(MentionType::kPerson);
  if (coarse == "ORG") return static_cast<int>(MentionType::kOrganization);
  if (coarse == "LOC") return static_cast<int>(MentionType::kLocation);
  return coarse == "MISC" ? kNotOurs : kUnknown;
}

// Gold spans from BIO or IOB1 labels: B-X opens a span, I-X continues an
// open X span or opens one.
std::vector<Span> DecodeLabels(const std::vector<std::string>& labels,
                               int (*map)(const std::string&), Set* set) {
  std::vector<Span> spans;
  std::string open;  // the fine type of the span being read, "" when none
  for (size_t i = 0; i < labels.size(); ++i) {
    const std::string& l = labels[i];
    if (l.size() < 3 || l[1] != '-' || (l[0] != 'B' && l[0] != 'I')) {
      open.clear();
      continue;
    }
    const std::string fine = l.substr(2);
    if (l[0] == 'I' && fine == open) {
      spans.back().last = i;
      continue;
    }
    int type = map(fine);
    if (type == kUnknown) ++set->unmapped[fine], type = kNotOurs;
    spans.push_back({i, i, type});
    open = fine;
  }
  return spans;
}

void StripMarks(std::string* token) {
  for (const std::string mark : {"\u200e", "\u200f", "\ufeff", "\r"}) {
    for (size_t at; (at = token->find(mark)) != std::string::npos;) token->erase(at, mark.size());
  }
}

// One "token SEP label" a line (label last; the token is field `column`); a
// blank line ends a sentence, and so does a ". ! ?" token when `split_at_stops`,
// and the kMaxSentenceTokens-th token (OCR pages have runs without stops).
Set ReadSet(const fs::path& path, std::string name, std::string note, char sep, int column,
            bool split_at_stops, int (*map)(const std::string&), size_t max_sentences) {
  Set set{std::move(name), std::move(note), {}, {}};
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> tokens, labels;
  auto flush = [&] {
    if (tokens.empty()) return;
    set.sentences.push_back({tokens, DecodeLabels(labels, map, &set)});
    tokens.clear(), labels.clear();
  };
  while (std::getline(in, line) && (max_sentences == 0 || set.sentences.size() < max_sentences)) {
    StripMarks(&line);
    std::vector<std::string> fields;
    for (size_t from = 0;;) {
      const size_t to = line.find(sep, from);
      fields.push_back(line.substr(from, to - from));
      if (to == std::string::npos) break;
      from = to + 1;
    }
    if (fields.size() <= static_cast<size_t>(column) + 1 || fields[column].empty()) {
      flush();
      continue;
    }
    tokens.push_back(fields[column]);
    labels.push_back(fields.back());
    const std::string& t = tokens.back();
    if ((split_at_stops && (t == "." || t == "!" || t == "?")) ||
        tokens.size() >= kMaxSentenceTokens)
      flush();
  }
  flush();
  return set;
}

bool InList(const std::string& s, std::initializer_list<const char*> list) {
  for (const char* x : list) {
    if (s == x) return true;
  }
  return false;
}

bool StartsArabic(const std::string& s) {  // a letter of U+0621..U+064A first
  return s.size() >= 2 && ((s[0] == '\xd8' && static_cast<unsigned char>(s[1]) >= 0xa1) ||
                           (s[0] == '\xd9' && static_cast<unsigned char>(s[1]) <= 0x8a));
}

bool EndsArabic(const std::string& s) {
  return s.size() >= 2 && StartsArabic(s.substr(s.size() - 2));
}

// HEH, HEH ALEF, HEH MEEM, HEH MEEM ALEF, HEH NOON, KAF MEEM, NOON ALEF, YEH:
// pronouns the tokenizer cut off the word before them.
bool IsPronounSuffix(const std::string& token) {
  return InList(token, {"\u0647", "\u0647\u0627", "\u0647\u0645", "\u0647\u0645\u0627",
                        "\u0647\u0646", "\u0643\u0645", "\u0646\u0627", "\u064a"});
}

// Whether `token` is written against `prev`, with no space between.
bool Joined(const std::string& prev, const std::string& token, bool join_clitics) {
  if (InList(token, {",", ".", ";", ":", ")", "]", "!", "?", "%", "\u060c", "\u061b", "\u061f"})) {
    return true;
  }
  if (InList(prev, {"(", "["})) return true;
  if (prev.size() > 1 && (prev.back() == '\'' || prev.ends_with("\u2019"))) return true;
  if (!join_clitics) return false;
  // WAW, FEH, BEH, LAM, KAF: conjunctions and prepositions written on the next word.
  if (InList(prev, {"\u0648", "\u0641", "\u0628", "\u0644", "\u0643"})) return StartsArabic(token);
  return EndsArabic(prev) && IsPronounSuffix(token);
}

struct TokenAt {
  size_t sentence = 0, token = 0, start = 0, end = 0;
};

// The text of sentences [begin, end), one a line, and where each token is in it.
std::string Rebuild(const Set& set, size_t begin, size_t end, bool join_clitics,
                    std::vector<TokenAt>* at) {
  std::string text;
  for (size_t s = begin; s < end; ++s) {
    if (s > begin) text.push_back('\n');
    const std::vector<std::string>& tokens = set.sentences[s].tokens;
    for (size_t t = 0; t < tokens.size(); ++t) {
      const bool joined = t > 0 && Joined(tokens[t - 1], tokens[t], join_clitics);
      if (t > 0 && !joined) text.push_back(' ');
      // A TEH MARBUTA before a pronoun is written TEH (jihat-uhu).
      if (joined && IsPronounSuffix(tokens[t]) && text.ends_with("\u0629")) {
        text.replace(text.size() - 2, 2, "\u062a");
      }
      at->push_back({s, t, text.size(), text.size() + tokens[t].size()});
      text += tokens[t];
    }
  }
  return text;
}

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

Score Run(const Set& set, size_t context, bool join_clitics) {
  Score sc;
  const Gazetteer& gazetteer = Gazetteer::BuiltIn();
  for (size_t begin = 0; begin < set.sentences.size(); begin += context) {
    const size_t end = std::min(set.sentences.size(), begin + context);
    std::vector<TokenAt> at;
    const std::string text = Rebuild(set, begin, end, join_clitics, &at);
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<Mention> mentions = SpotMentions(text, gazetteer);
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

void Print(const Set& set, const Score& sc, size_t top) {
  std::printf("%s (%s, %s sentences, %s tokens): %.0f sentences/s\n", set.name.c_str(),
              set.note.c_str(), Thousands(sc.sentences).c_str(), Thousands(sc.tokens).c_str(),
              sc.seconds > 0 ? sc.sentences / sc.seconds : 0.0);
  PrintFigures("exact", sc.tp, sc.pred, sc.tp, sc.gold);
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

int main(int argc, char** argv) {
  fs::path shared = fs::path(QANTARA_SOURCE_DIR) / ".." / "shared";
  size_t sample = 5000, context = 1, top = 15;
  bool join_clitics = true;
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
    } else {
      std::fprintf(stderr, "mention_eval: unknown argument %s (see eval/README.md)\n", a.c_str());
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
  std::vector<Set> sets;
  sets.push_back(ReadSet(data / "newsfane_ar" / "NewsFANE_Gold_2014_170K.txt", "newsfane_ar",
                         "gold", '\t', 0, false, NewsFaneType, 0));
  sets.push_back(ReadSet(data / "wikineural_fr" / "test.conllu", "wikineural_fr",
                         "silver, first sentences", '\t', 1, false, ConllType, sample));
  sets.push_back(ReadSet(data / "europeana_ner_fr" / "enp_FR.bnf.bio", "europeana_fr", "gold, OCR",
                         ' ', 0, true, ConllType, 0));
  std::printf("mention_eval: %zu sentence(s) at a time; Arabic clitics %s\n", context,
              join_clitics ? "joined to their word" : "as tokenized");
  for (const Set& set : sets) Print(set, Run(set, context, join_clitics), top);
  return 0;
}
