// The features of a block that clean.cc decides on: length, links, stop
// words, sentence end, and matches of the keyword tables of
// resources/boilerplate_words.tsv (share bars, "read more" and comment
// headers, footers and cookie banners, photo credits, bylines, bare dates),
// plus glued section names and trailing credits read on the raw text.
// clean.cc, at the top, says why these.
#include "news/internal/clean_features.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>

#include "text/normalize.h"
#include "text/utf8.h"

namespace qantara::news::clean_internal {
namespace {

// Stop words of a long block are counted on its head: 480 bytes hold about
// forty Arabic words (twice the bytes of French ones) or eighty French ones.
constexpr size_t kStopHeadBytes = 480;

struct KeywordRow {
  const char* table;
  const char* lang;
  const char* form;
};

constexpr KeywordRow kKeywordRows[] = {
#include "generated/boilerplate_words.inc"
};

// The tables of resources/boilerplate_words.tsv, in matching form
// (NormalizeForMatching).
struct KeywordTables {
  std::vector<std::string_view> stop_words;
  std::vector<std::string_view> read_more;     // headers of links to other articles
  std::vector<std::string_view> share;         // words of share bars
  std::vector<std::string_view> share_filler;  // words that may join them
  std::vector<std::string_view> comments;      // comment section headers
  std::vector<std::string_view> footer;        // footers, legal lines, cookie banners
  std::vector<std::string_view> credit;        // photo credits
  std::vector<std::string_view> byline;        // bylines and datelines
  std::vector<std::string_view> date_words;    // words of a bare date line
};

std::vector<std::string_view>* TableNamed(KeywordTables* t, std::string_view name) {
  if (name == "stop") return &t->stop_words;
  if (name == "read_more") return &t->read_more;
  if (name == "share") return &t->share;
  if (name == "share_filler") return &t->share_filler;
  if (name == "comments") return &t->comments;
  if (name == "footer") return &t->footer;
  if (name == "credit") return &t->credit;
  if (name == "byline") return &t->byline;
  return &t->date_words;  // "date": the generator admits no other name
}

const KeywordTables& Tables() {
  static const KeywordTables* const kTables = [] {
    auto* t = new KeywordTables;
    for (const KeywordRow& row : kKeywordRows) TableNamed(t, row.table)->push_back(row.form);
    return t;
  }();
  return *kTables;
}

bool Contains(const std::vector<std::string_view>& table, std::string_view word) {
  return std::find(table.begin(), table.end(), word) != table.end();
}

std::vector<std::string_view> Words(std::string_view key) {
  std::vector<std::string_view> words;
  for (size_t i = 0; i < key.size();) {
    const size_t end = std::min(key.find(' ', i), key.size());
    if (end > i) words.push_back(key.substr(i, end - i));
    i = end + 1;
  }
  return words;
}

bool StartsWithAny(std::string_view key, const std::vector<std::string_view>& table) {
  for (std::string_view p : table) {
    if (StartsWithPhrase(key, p)) return true;
  }
  return false;
}

std::string StripDigits(std::string_view key) {
  std::string out;
  for (std::string_view w : Words(key)) {
    if (w.find_first_not_of("0123456789") == std::string_view::npos) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(w);
  }
  return out;
}

// The normalised form of a block, of its first `head` bytes when it is longer
// than kShortBytes (cut at a code point boundary).
std::string KeyOf(std::string_view text, size_t head = kShortBytes) {
  if (text.size() > kShortBytes && text.size() > head) {
    size_t cut = head;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  return text::NormalizeForMatching(text);
}

// A date word, or a number with at most a unit glued ("10h30", "1er", "22/11").
bool IsDateToken(std::string_view w, bool* dated) {
  const size_t digits =
      std::count_if(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits > 0) {
    std::string rest;
    for (char c : w) {
      if (c < '0' || c > '9') rest.push_back(c);
    }
    return rest.empty() || rest == "h" || rest == "er" || rest == "min" || rest == "th" ||
           rest == "st" || rest == "nd" || rest == "rd" || rest == "hh";
  }
  if (!Contains(Tables().date_words, w)) return false;
  if (w.size() > 3 || w == "mai" || w == "may") *dated = true;
  return true;
}

bool IsDateOnly(std::string_view key) {
  const std::vector<std::string_view> words = Words(key);
  bool dated = false;
  size_t numbers = 0;
  for (std::string_view w : words) {
    if (!IsDateToken(w, &dated)) return false;
    numbers += w.find_first_of("0123456789") != std::string_view::npos;
  }
  return !words.empty() && (dated || numbers >= 3) && numbers >= 1;
}

// "InternationalNational": a lower case letter runs into a capital, with three
// letters or more on each side, in a line of three words at most.
bool IsGluedSectionNames(std::string_view text) {
  if (text.size() > 80 || std::count(text.begin(), text.end(), ' ') > 2) return false;
  size_t run = 0;  // letters since the last boundary
  char32_t prev = 0;
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = text::DecodeUtf8(text, &i);
    if (u_isdigit(cp)) return false;
    if (!u_isalpha(cp)) {
      run = 0, prev = cp;
      continue;
    }
    if (u_isupper(cp) && u_islower(prev) && run >= 3) {
      size_t j = i, after = 1;
      while (j < text.size()) {
        const char32_t next = text::DecodeUtf8(text, &j);
        if (!u_islower(next)) break;
        ++after;
      }
      if (after >= 3) return true;
      run = 0;
    }
    ++run, prev = cp;
  }
  return false;
}

// A block ending with a credit in parentheses: "(Photo: X)", "(Jane Doe - Agency)",
// "(\u00a9 AFP)" - a photo caption.
bool EndsWithCredit(std::string_view text) {
  if (text.empty() || text.back() != ')') return false;
  const size_t open = text.rfind('(');
  if (open == std::string_view::npos || text.size() - open > 80) return false;
  const std::string_view inner = text.substr(open + 1, text.size() - open - 2);
  const std::string key = text::NormalizeForMatching(inner);
  if (StartsWithAny(key, Tables().credit) || inner.find("\u00a9") != std::string_view::npos)
    return true;
  const size_t dash =
      inner.find(" - ") != std::string_view::npos ? inner.find(" - ") : inner.find(" / ");
  if (dash == std::string_view::npos) return false;
  const std::vector<std::string_view> words = Words(key);
  if (words.size() < 3 || words.size() > 8) return false;
  // Both sides start with a capital: a name and an agency, not a phrase.
  size_t i = 0, j = dash + 3;
  const char32_t a = text::DecodeUtf8(inner, &i), b = text::DecodeUtf8(inner, &j);
  return u_isupper(a) && u_isupper(b);
}

bool IsShareBar(std::string_view key) {
  const std::vector<std::string_view> words = Words(key);
  if (words.empty() || words.size() > 12) return false;
  bool share = false;
  for (std::string_view w : words) {
    if (Contains(Tables().share, w)) {
      share = true;
    } else if (!Contains(Tables().share_filler, w) &&
               w.find_first_not_of("0123456789") != std::string_view::npos) {
      return false;
    }
  }
  return share;
}

bool ContainsAny(std::string_view key, const std::vector<std::string_view>& table) {
  for (std::string_view p : table) {
    if (key.find(p) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

// True when `key` starts with `phrase` followed by the end or a space.
bool StartsWithPhrase(std::string_view key, std::string_view phrase) {
  return key.substr(0, phrase.size()) == phrase &&
         (key.size() == phrase.size() || key[phrase.size()] == ' ');
}

bool EndsLikeSentence(std::string_view text) {
  size_t p = text.size();
  while (p > 0) {
    size_t q = p - 1;
    while (q > 0 && (static_cast<unsigned char>(text[q]) & 0xC0) == 0x80) --q;
    size_t r = q;
    const char32_t cp = text::DecodeUtf8(text, &r);
    switch (cp) {
      case '.':
      case '!':
      case '?':
      case ';':
      case ':':
      case 0x2026:  // HORIZONTAL ELLIPSIS
      case 0x061F:  // ARABIC QUESTION MARK
      case 0x06D4:  // ARABIC FULL STOP
      case 0x3002:  // IDEOGRAPHIC FULL STOP
      case 0xFF01:  // FULLWIDTH EXCLAMATION MARK
      case 0xFF1F:  // FULLWIDTH QUESTION MARK
        return true;
      case '"':
      case '\'':
      case ')':
      case ']':
      case ' ':
      case 0x00BB:  // RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
      case 0x201D:  // RIGHT DOUBLE QUOTATION MARK
      case 0x2019:  // RIGHT SINGLE QUOTATION MARK
      case 0x300D:  // RIGHT CORNER BRACKET
        p = q;      // look through closing quotes and brackets
        continue;
      default:
        return false;
    }
  }
  return false;
}

Features Measure(const Block& b) {
  Features f;
  // Only short blocks need their key (title, byline, share bar, site line
  // tests); a long one is measured on the head of its stop words' key.
  if (b.text.size() <= kShortBytes) f.key = KeyOf(b.text);
  f.chars = text::CountCodePoints(b.text);
  const std::string stop_key =
      b.text.size() > kShortBytes ? KeyOf(b.text, kStopHeadBytes) : std::string();
  for (std::string_view w : Words(stop_key.empty() ? f.key : stop_key)) {
    f.stop_words += Contains(Tables().stop_words, w);
  }
  f.words = std::count(b.text.begin(), b.text.end(), ' ') + (b.text.empty() ? 0 : 1);
  f.link_density = b.text.empty() ? 0 : static_cast<double>(b.link_bytes) / b.text.size();
  f.sentence_end = EndsLikeSentence(b.text);
  const bool is_short = b.text.size() <= kShortBytes;
  f.date_only = is_short && IsDateOnly(f.key);
  f.byline = b.text.size() <= 200 && !f.date_only && StartsWithAny(f.key, Tables().byline);
  f.read_more = b.text.size() <= 200 && StartsWithAny(f.key, Tables().read_more);
  f.comments = b.text.size() <= 80 && StartsWithAny(StripDigits(f.key), Tables().comments);
  return f;
}

bool IsBoilerplate(const Block& b, const Features& f) {
  if (b.furniture || f.read_more || f.comments || IsGluedSectionNames(b.text)) return true;
  if (b.text.size() <= kShortBytes) {
    if (IsShareBar(f.key) || ContainsAny(f.key, Tables().footer)) return true;
    if (b.text.find("\u00a9") != std::string::npos) return true;  // COPYRIGHT SIGN
    if (b.text.size() <= 150 && StartsWithAny(f.key, Tables().credit) && !f.sentence_end)
      return true;
  }
  // A caption ends with its credit; a long paragraph that carries one (an agency's
  // paragraph under a photo) is still text to read.
  if (f.chars < 250 && EndsWithCredit(b.text)) return true;
  if (f.link_density > 0.5) return true;
  return f.link_density > 0.25 && f.chars < 80 && !f.sentence_end;
}

bool GoodContent(const Features& f, bool stop_list) {
  return f.chars >= 80 && f.link_density < 0.25 && (f.stop_words >= 2 || !stop_list) &&
         (f.sentence_end || f.chars >= 200);
}

}  // namespace qantara::news::clean_internal
