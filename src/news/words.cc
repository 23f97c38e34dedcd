// Word splitting for mention spotting. ASCII words take a fast path (lower
// case in place); other words go through text::NormalizeForMatching, which
// removes accents and applies the Arabic normalisation screening uses, so
// that the gazetteer, the lists and the text agree on one form.
#include "news/words.h"

#include <unicode/uchar.h>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/utf8.h"

namespace qantara::news {
namespace {

bool IsWordChar(char32_t c) {
  return u_isalnum(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

bool IsJoiner(char32_t c) {
  return c == '-' || c == '\'' || c == 0x2019;
}  // RIGHT SINGLE QUOTATION MARK

constexpr size_t kRememberedWords = 1 << 16;  // per thread; about 6 MB at most

// Lets the map of words seen be searched with a string_view (no copy).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

void Finish(std::string_view text, Word* w) {
  std::string_view s = text.substr(w->start, w->end - w->start);
  bool ascii = true;
  for (unsigned char c : s) ascii &= c < 0x80;
  if (ascii) {
    w->norm.assign(s);
    int upper = 0, letters = 0;
    for (char& c : w->norm) {
      if (c >= 'A' && c <= 'Z') {
        ++upper;
        c = static_cast<char>(c - 'A' + 'a');
      }
      letters += (c >= 'a' && c <= 'z');
    }
    w->script = letters > 0 ? text::Script::kLatin : text::Script::kNone;
    w->capitalized = s[0] >= 'A' && s[0] <= 'Z';
    w->all_caps = letters >= 2 && upper == letters;
    return;
  }
  // Other words through ICU (a few microseconds each), remembered per thread:
  // news repeats its words, so most are found here.
  thread_local std::unordered_map<std::string, Word, StringHash, std::equal_to<>> seen;
  if (auto it = seen.find(s); it != seen.end()) {
    w->norm = it->second.norm;
    w->script = it->second.script;
    w->capitalized = it->second.capitalized;
    w->all_caps = it->second.all_caps;
    return;
  }
  w->norm = text::NormalizeForMatching(s);
  w->script = text::DominantScript(s);
  size_t pos = 0;
  const char32_t first = text::DecodeUtf8(s, &pos);
  w->capitalized = u_isupper(static_cast<UChar32>(first));
  int upper = 0, letters = 0;
  for (pos = 0; pos < s.size();) {
    const char32_t c = text::DecodeUtf8(s, &pos);
    if (u_isalpha(static_cast<UChar32>(c))) {
      ++letters;
      upper += u_isupper(static_cast<UChar32>(c)) ? 1 : 0;
    }
  }
  w->all_caps = letters >= 2 && upper == letters && w->script == text::Script::kLatin;
  if (seen.size() >= kRememberedWords) seen.clear();  // bounded: a new start, not an LRU
  seen.emplace(std::string(s), *w);
}

}  // namespace

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  size_t pos = 0;
  bool glue = false, broken = true;
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t c = text::DecodeUtf8(text, &pos);
    if (IsWordChar(c)) {
      Word w;
      w.start = at;
      w.glued = glue && !words.empty() && !broken;
      w.breaks_before = broken;
      size_t end = pos;
      while (end < text.size()) {
        size_t next = end;
        if (!IsWordChar(text::DecodeUtf8(text, &next))) break;
        end = next;
      }
      w.end = end;
      Finish(text, &w);
      words.push_back(std::move(w));
      pos = end;
      glue = false;
      broken = false;
      continue;
    }
    if (IsJoiner(c)) {
      glue = !words.empty() && words.back().end == at;
      continue;
    }
    if (c != ' ' && c != 0xA0) broken = true;  // NO-BREAK SPACE is a space
    glue = false;
  }
  return words;
}

std::string MatchingForm(std::string_view phrase) {
  std::string out;
  for (const Word& w : SplitWords(phrase)) {
    if (!out.empty()) out += ' ';
    out += w.norm;
  }
  return out;
}

}  // namespace qantara::news
