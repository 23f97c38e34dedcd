// The lexicon of legal forms, organisation words and numbers (internal/lexicon.h).
#include "names/internal/lexicon.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "text/normalize.h"
#include "text/transliterate.h"
#include "text/utf8.h"

namespace qantara::names::lexicon {
namespace {

#include "generated/name_lexicon.inc"

struct Known {
  TokenRole role;
  std::string canonical;
  Where where;
};

struct Table {
  std::unordered_map<std::string, Known> phrases;  // normalised words joined by one space
  size_t longest = 1;                              // in words
};

TokenRole RoleOf(LexiconKind kind) {
  switch (kind) {
    case LexiconKind::kLegalForm: return TokenRole::kLegalForm;
    case LexiconKind::kConcept: return TokenRole::kConcept;
    case LexiconKind::kGeneric: return TokenRole::kGenericWord;
    case LexiconKind::kStop: return TokenRole::kStopword;
    case LexiconKind::kNumber: return TokenRole::kNumber;
  }
  return TokenRole::kWord;
}

const Table& GetTable() {
  static const Table* table = [] {
    auto* t = new Table();
    for (const LexiconEntry& e : kLexicon) {
      // As ParseName reads a name: other scripts in Latin letters (Cyrillic OOO -> "ooo").
      std::vector<std::string> words =
          SplitWords(LatinizeOtherScripts(text::NormalizeForMatching(JoinDottedInitials(e.form))));
      if (words.empty()) continue;
      std::string phrase;
      for (const std::string& w : words) phrase += (phrase.empty() ? "" : " ") + w;
      t->longest = std::max(t->longest, words.size());
      // The first line that gives a form wins (the tables are checked for clashes).
      t->phrases.try_emplace(phrase, Known{RoleOf(e.kind), e.canonical, e.where});
    }
    return t;
  }();
  return *table;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string WithoutLeadingZeros(std::string_view digits) {
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  return std::string(digits);
}

// "2nd", "21st", "1er", "1re", "1ere", "3e", "3eme", "4th" -> the digits.
std::optional<std::string> DigitOrdinal(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == 0 || n == s.size() || n > 4) return std::nullopt;
  static constexpr std::string_view kSuffixes[] = {"st", "nd", "rd", "th", "er", "re", "ere",
                                                   "e",  "eme", "em", "me"};
  const std::string_view suffix = s.substr(n);
  if (std::find(std::begin(kSuffixes), std::end(kSuffixes), suffix) == std::end(kSuffixes)) {
    return std::nullopt;
  }
  return WithoutLeadingZeros(s.substr(0, n));
}

// A number word or number at parts[i] (one part), as an integer; -1 if none.
int NumberAt(const std::vector<std::string_view>& parts, size_t i) {
  if (i >= parts.size()) return -1;
  if (AllDigits(parts[i]) && parts[i].size() <= 6) return std::stoi(std::string(parts[i]));
  auto it = GetTable().phrases.find(std::string(parts[i]));
  if (it == GetTable().phrases.end() || it->second.role != TokenRole::kNumber) return -1;
  return std::stoi(it->second.canonical);
}

bool IsConjunction(std::string_view w) {
  // "and", "et", "und", "y", Arabic wa (ARABIC LETTER WAW) and its Latin forms.
  return w == "and" || w == "et" || w == "und" || w == "y" || w == "wa" || w == "w" ||
         w == "\xd9\x88";
}

// A tens word with a units word after it ("twenty one", "vingt et un") or
// before it ("one and twenty", Arabic "wahid wa ishrun"): the sum, and how
// many parts it spans; nullopt when parts[i] does not start one.
std::optional<Match> CompoundNumber(const std::vector<std::string_view>& parts, size_t i) {
  const int first = NumberAt(parts, i);
  if (first < 0) return std::nullopt;
  size_t next = i + 1;
  if (next < parts.size() && IsConjunction(parts[next])) ++next;
  const int second = NumberAt(parts, next);
  const bool tens_first = first >= 20 && first <= 90 && first % 10 == 0 && second >= 1 && second <= 9;
  const bool units_first = first >= 1 && first <= 9 && second >= 20 && second <= 90 && second % 10 == 0;
  if (!tens_first && !units_first) return std::nullopt;
  return Match{TokenRole::kNumber, std::to_string(first + second), next + 1 - i};
}

// Whether a form of `n` parts at parts[i] of `size` may be read as its entry.
bool Allowed(Where where, size_t i, size_t n, size_t size) {
  if (where == Where::kAnywhere) return true;
  if (n == size) return false;  // the whole name: a name, not a legal form
  return i + n == size || (where == Where::kEdge && i == 0);
}

}  // namespace

text::Script ScriptOfWord(std::string_view word) {
  bool ascii = true;
  for (unsigned char c : word) {
    if (c >= 0xD8 && c <= 0xDB) return text::Script::kArabic;  // a lead byte of U+0600-06FF
    if (c >= 0x80) ascii = false;
  }
  return ascii ? text::Script::kLatin : text::DominantScript(word);
}

std::vector<std::string_view> SplitParts(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ' ' || s[i] == '-') {
      if (i > start) parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::string LatinizeOtherScripts(const std::string& normalized) {
  bool other = false;
  for (std::string_view part : SplitParts(normalized)) {
    const text::Script script = ScriptOfWord(part);
    other |= script != text::Script::kLatin && script != text::Script::kArabic &&
             script != text::Script::kNone;
  }
  if (!other) return normalized;
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i <= normalized.size(); ++i) {
    if (i < normalized.size() && normalized[i] != ' ' && normalized[i] != '-') continue;
    const std::string_view part = std::string_view(normalized).substr(start, i - start);
    const text::Script script = ScriptOfWord(part);
    if (script == text::Script::kLatin || script == text::Script::kArabic ||
        script == text::Script::kNone) {
      out += part;
    } else {
      out += text::NormalizeForMatching(text::TransliterateToLatin(part));
    }
    if (i < normalized.size()) out += normalized[i];
    start = i + 1;
  }
  return out;
}

std::vector<std::string> SplitWords(std::string_view normalized) {
  std::vector<std::string> words;
  for (std::string_view part : SplitParts(normalized)) words.emplace_back(part);
  return JoinLetterRuns(words);
}

std::string JoinDottedInitials(std::string_view raw) {
  auto letter = [](unsigned char c) { return std::isalpha(c) != 0; };
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    // "A.T" -> "AT" when the A stands alone (start, or not after a letter).
    if (raw[i] == '.' && i >= 1 && i + 1 < raw.size() && letter(raw[i - 1]) && letter(raw[i + 1]) &&
        (i == 1 || !letter(raw[i - 2]))) {
      continue;
    }
    out += raw[i];
  }
  return out;
}

std::vector<std::string> JoinLetterRuns(const std::vector<std::string>& words,
                                        std::vector<bool>* initials) {
  std::vector<std::string> out;
  if (initials) initials->clear();
  for (size_t i = 0; i < words.size();) {
    size_t j = i;
    while (j < words.size() && text::CountCodePoints(words[j]) == 1 && !AllDigits(words[j])) ++j;
    if (j - i >= 2) {
      std::string joined;
      for (size_t k = i; k < j; ++k) joined += words[k];
      out.push_back(std::move(joined));
      if (initials) initials->push_back(true);
      i = j;
    } else {
      if (initials) {
        initials->push_back(words[i].size() == 1 && words[i][0] >= 'a' && words[i][0] <= 'z');
      }
      out.push_back(words[i++]);
    }
  }
  return out;
}

std::optional<Match> MatchAt(const std::vector<std::string_view>& parts, size_t i) {
  if (std::optional<Match> m = CompoundNumber(parts, i)) return m;
  const Table& table = GetTable();
  std::string phrase;
  std::optional<Match> found;
  for (size_t n = 1; n <= table.longest && i + n <= parts.size(); ++n) {
    if (n > 1) phrase += ' ';
    phrase += parts[i + n - 1];
    auto it = table.phrases.find(phrase);
    if (it == table.phrases.end()) continue;
    if (!Allowed(it->second.where, i, n, parts.size())) continue;
    found = Match{it->second.role, it->second.canonical, n};
  }
  if (found) return found;
  if (AllDigits(parts[i])) return Match{TokenRole::kNumber, WithoutLeadingZeros(parts[i]), 1};
  if (std::optional<std::string> ordinal = DigitOrdinal(parts[i])) {
    return Match{TokenRole::kNumber, *ordinal, 1};
  }
  return std::nullopt;
}

}  // namespace qantara::names::lexicon
