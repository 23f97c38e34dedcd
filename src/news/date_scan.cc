// The lexical side of the date reader: word folding, tokenisation, the
// lexicon of resources/date_words.tsv, and the Scanner's lookups (phrases,
// number words, a day, a month, a year at a token). dates.cc says why the
// grammar works on folded word tokens.
#include "news/internal/date_scan.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>

#include "news/fold.h"
#include "text/utf8.h"

namespace qantara::news::dates_internal {
namespace {

struct WordRow {
  const char* kind;
  const char* value;
  const char* lang;
  const char* form;
};

constexpr WordRow kWordRows[] = {
#include "generated/date_words.inc"
};

int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0x0660 && c <= 0x0669) return static_cast<int>(c - 0x0660);  // ARABIC-INDIC DIGITs
  if (c >= 0x06F0 && c <= 0x06F9) return static_cast<int>(c - 0x06F0);  // EXTENDED ARABIC-INDIC
  return -1;
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return u_isalpha(static_cast<UChar32>(c)) ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018; }

// Reads the digits at `start` into `t`; returns the byte after them.
size_t ReadNumber(std::string_view s, size_t start, Token* t) {
  t->type = TokType::kNumber;
  size_t next = start;
  while (next < s.size()) {
    size_t p = next;
    int v = DigitValue(text::DecodeUtf8(s, &p));
    if (v < 0) break;
    t->number = std::min(t->number * 10 + v, 99999);
    if (t->digits < 255) ++t->digits;
    t->norm.push_back(static_cast<char>('0' + v));
    next = p;
  }
  return next;
}

// Reads the word whose first letter `c` ends at `pos` into `t`; returns the
// byte after the word.
size_t ReadWord(std::string_view s, char32_t c, size_t pos, Token* t) {
  t->type = TokType::kWord;
  t->upper = u_isupper(static_cast<UChar32>(c));
  AppendFolded(c, &t->norm);
  while (pos < s.size()) {
    size_t p = pos;
    char32_t d = text::DecodeUtf8(s, &p);
    if (!IsWordChar(d)) break;
    AppendFolded(d, &t->norm);
    pos = p;
  }
  return pos;
}

// Cuts `s` into tokens. Apostrophes separate words and leave no token
// ("aujourd'hui" = aujourd, hui); spaces only set space_before.
std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 1);  // ~ one token per 5 bytes of news text
  size_t pos = 0;
  bool space = false;
  while (pos < s.size()) {
    const size_t start = pos;
    char32_t c = text::DecodeUtf8(s, &pos);
    const bool white = c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r'))
                                : (u_isUWhiteSpace(static_cast<UChar32>(c)) || c == 0x00A0);
    if (white) {
      space = true;
      continue;
    }
    if (IsApostrophe(c)) continue;
    Token t;
    t.start = start;
    t.space_before = space;
    space = false;
    if (DigitValue(c) >= 0) {
      pos = ReadNumber(s, start, &t);
    } else if (IsWordChar(c)) {
      pos = ReadWord(s, c, pos, &t);
    } else {
      bool dash = c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014 || c == 0x2212;
      if (dash) c = '-';
      text::AppendUtf8(c, &t.norm);
    }
    t.end = pos;
    out.push_back(std::move(t));
  }
  return out;
}

Kind KindFromName(std::string_view k) {
  if (k == "month") return Kind::kMonth;
  if (k == "month_abbr") return Kind::kMonthAbbr;
  if (k == "weekday") return Kind::kWeekday;
  if (k == "weekday_abbr") return Kind::kWeekdayAbbr;
  if (k == "rel") return Kind::kRel;
  if (k == "num") return Kind::kNum;
  return Kind::kCue;
}

Cue CueFromName(std::string_view v) {
  static const std::pair<std::string_view, Cue> kCues[] = {{"year", Cue::kYear},
                                                           {"this_pre", Cue::kThisPre},
                                                           {"last_pre", Cue::kLastPre},
                                                           {"next_pre", Cue::kNextPre},
                                                           {"last_post", Cue::kLastPost},
                                                           {"next_post", Cue::kNextPost},
                                                           {"ord", Cue::kOrd},
                                                           {"of", Cue::kOf},
                                                           {"published", Cue::kPublished},
                                                           {"updated", Cue::kUpdated},
                                                           {"filler", Cue::kFiller},
                                                           {"future", Cue::kFuture},
                                                           {"past", Cue::kPast}};
  for (const auto& [name, cue] : kCues) {
    if (name == v) return cue;
  }
  return Cue::kNone;
}

Phrase MakePhrase(const WordRow& row) {
  Phrase p;
  p.kind = KindFromName(row.kind);
  p.english = std::string_view(row.lang) == "en";
  std::string_view v = row.value;
  if (p.kind == Kind::kRel) {
    p.unit = v[0];
    p.per_n = v.back() == 'N';
    p.value = p.per_n ? (v[1] == '-' ? -1 : 1) : std::atoi(std::string(v.substr(1)).c_str());
  } else if (p.kind == Kind::kCue) {
    p.cue = CueFromName(v);
  } else {
    p.value = std::atoi(row.value);
  }
  std::string_view form = row.form;
  for (Token& t : Tokenize(form)) {
    bool slot = form.substr(t.start, t.end - t.start) == "N";
    p.tokens.push_back(slot ? std::string(kSlot) : std::move(t.norm));
  }
  return p;
}

// Arabic letters that attach to the next word: WAW, FEH, BEH, LAM.
bool IsArabicProclitic(std::string_view w) {
  return w.size() > 6 && (w.substr(0, 2) == "\xD9\x88" || w.substr(0, 2) == "\xD9\x81" ||
                          w.substr(0, 2) == "\xD8\xA8" || w.substr(0, 2) == "\xD9\x84");
}

}  // namespace

const Lexicon& Words() {
  static const Lexicon* const kLexicon = [] {
    auto* lex = new Lexicon;
    for (const WordRow& row : kWordRows) lex->phrases.push_back(MakePhrase(row));
    for (uint32_t i = 0; i < lex->phrases.size(); ++i) {
      lex->by_first[lex->phrases[i].tokens[0]].push_back(i);
    }
    for (auto& [key, list] : lex->by_first) {
      std::stable_sort(list.begin(), list.end(), [lex](uint32_t a, uint32_t b) {
        return lex->phrases[a].tokens.size() > lex->phrases[b].tokens.size();
      });
    }
    return lex;
  }();
  return *kLexicon;
}

Scanner::Scanner(std::string_view text, bool parse_mode)
    : toks_(Tokenize(text)), parse_mode_(parse_mode) {
  const Lexicon& lex = Words();
  cand_.assign(toks_.size(), nullptr);
  skip_.assign(toks_.size(), 0);
  int month_first = 0, day_first = 0;
  for (size_t i = 0; i < toks_.size(); ++i) {
    const Token& t = toks_[i];
    if (t.type == TokType::kWord) {
      auto it = lex.by_first.find(t.norm);
      if (it == lex.by_first.end() && IsArabicProclitic(t.norm)) {
        it = lex.by_first.find(t.norm.substr(2));
        if (it != lex.by_first.end()) skip_[i] = 2;
      }
      if (it != lex.by_first.end()) cand_[i] = &it->second;
    } else if (t.type == TokType::kPunct && i + 3 < toks_.size() && i > 0 &&
               toks_[i - 1].type == TokType::kNumber && toks_[i + 1].type == TokType::kNumber &&
               toks_[i + 2].norm == t.norm && toks_[i + 3].digits == 4 &&
               toks_[i - 1].digits <= 2 && toks_[i + 1].digits <= 2 && t.norm == "/") {
      if (toks_[i - 1].number > 12 && toks_[i + 1].number <= 12) ++day_first;
      if (toks_[i + 1].number > 12 && toks_[i - 1].number <= 12) ++month_first;
    }
  }
  month_first_ = month_first > 0 && day_first == 0;
}

int Scanner::NumberWord(size_t i) const {
  if (i >= toks_.size() || cand_[i] == nullptr) return 0;
  for (uint32_t k : *cand_[i]) {
    const Phrase& p = Words().phrases[k];
    if (p.kind == Kind::kNum && p.tokens.size() == 1) return p.value;
  }
  return 0;
}

bool Scanner::MatchTail(const Phrase& p, size_t i, size_t* end, int* n) const {
  for (size_t k = 0; k < p.tokens.size(); ++k) {
    const size_t j = i + k;
    if (j >= toks_.size()) return false;
    if (p.tokens[k] == kSlot) {
      if (toks_[j].type == TokType::kNumber && toks_[j].digits <= 3) {
        *n = toks_[j].number;
      } else if (int v = NumberWord(j); v > 0) {
        *n = v;
      } else {
        return false;
      }
    } else if (k > 0 && toks_[j].norm != p.tokens[k]) {
      return false;
    }
  }
  *end = i + p.tokens.size();
  return true;
}

bool Scanner::ReadDay(size_t* j, int* day) const {
  if (*j >= toks_.size()) return false;
  const Token& t = toks_[*j];
  if (t.type != TokType::kNumber || t.digits > 2 || t.number < 1 || t.number > 31) return false;
  *day = t.number;
  ++*j;
  if (*j < toks_.size() && !toks_[*j].space_before && MatchCue(*j, Cue::kOrd).phrase) ++*j;
  return true;
}

bool Scanner::ReadMonth(size_t* j, int* month, bool* abbr, bool* english) const {
  auto is_month = [](const Phrase& p) {
    return p.kind == Kind::kMonth || p.kind == Kind::kMonthAbbr;
  };
  PhraseHit hit = Match(*j, is_month);
  if (!hit.phrase) return false;
  *month = hit.phrase->value;
  *abbr = hit.phrase->kind == Kind::kMonthAbbr;
  *english = hit.phrase->english;
  *j = hit.end;
  if (*abbr && Punct(*j, ".")) ++*j;
  // "5 <Shubat>/<February> 2019", "5 <Shubat> (<February>) 2019" in Arabic: the same month in two
  // calendars.
  if (Punct(*j, "/") || Punct(*j, "(")) {
    PhraseHit alt = Match(*j + 1, is_month);
    if (alt.phrase && alt.phrase->value == *month) {
      *j = alt.end;
      if (Punct(*j, ")")) ++*j;
    }
  }
  return true;
}

bool Scanner::ReadYear(size_t* j, int* year) const {
  size_t k = Punct(*j, ",") ? *j + 1 : *j;
  if (k >= toks_.size()) return false;
  const Token& t = toks_[k];
  if (t.type != TokType::kNumber || t.digits != 4 || t.number < 1000 || t.number > 2999) {
    return false;
  }
  *year = t.number;
  *j = k + 1;
  // "2019" + MEEM: the Arabic sign for AD, written on the year.
  if (*j < toks_.size() && !toks_[*j].space_before && toks_[*j].norm == "\xD9\x85") ++*j;
  return true;
}

}  // namespace qantara::news::dates_internal
