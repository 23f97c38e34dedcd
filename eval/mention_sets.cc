// Reading the mention sets (eval/mention_sets.h).
#include "eval/mention_sets.h"

#include <fstream>
#include <initializer_list>
#include <unordered_map>

#include "news/gazetteer.h"

namespace qantara::eval {
namespace {

namespace fs = std::filesystem;
using news::MentionType;

constexpr size_t kMaxSentenceTokens = 250;
constexpr int kUnknown = -2;  // a gold label the mapping does not know: counted, not scored

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

}  // namespace

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

std::vector<Set> ReadMentionSets(const fs::path& data, size_t wikineural_sentences) {
  std::vector<Set> sets;
  sets.push_back(ReadSet(data / "newsfane_ar" / "NewsFANE_Gold_2014_170K.txt", "newsfane_ar",
                         "gold", '\t', 0, false, NewsFaneType, 0));
  sets.push_back(ReadSet(data / "wikineural_fr" / "test.conllu", "wikineural_fr",
                         wikineural_sentences ? "silver, first sentences" : "silver", '\t', 1,
                         false, ConllType, wikineural_sentences));
  sets.push_back(ReadSet(data / "europeana_ner_fr" / "enp_FR.bnf.bio", "europeana_fr", "gold, OCR",
                         ' ', 0, true, ConllType, 0));
  return sets;
}

Set SplitSet(const Set& set, bool held_out) {
  Set out{set.name,
          set.note + (held_out ? ", held-out fifth" : ", training four fifths"),
          {},
          set.unmapped};
  for (size_t s = 0; s < set.sentences.size(); ++s) {
    if (HeldOut(s) == held_out) out.sentences.push_back(set.sentences[s]);
  }
  return out;
}

}  // namespace qantara::eval
