// Internals of news/dates.cc shared by its helper files: the word table of
// date expressions (resources/date_words.tsv), the tokens of a text, and the
// Scanner that matches the forms news writes at each token. Not part of the
// contract: callers include news/dates.h only.
//
// date_scan.cc holds the folding, tokenisation, lexicon and the Scanner's
// readers of days, months and years; date_forms.cc the matchers of whole
// forms; dates.cc the resolution against the anchor; date_published.cc
// FindPublished.
#ifndef QANTARA_NEWS_INTERNAL_DATE_SCAN_H_
#define QANTARA_NEWS_INTERNAL_DATE_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "news/dates.h"

namespace qantara::news::dates_internal {

// ---------------------------------------------------------------- words

enum class Kind : uint8_t { kMonth, kMonthAbbr, kWeekday, kWeekdayAbbr, kRel, kNum, kCue };
enum class Cue : uint8_t {
  kNone,
  kYear,
  kThisPre,
  kLastPre,
  kNextPre,
  kLastPost,
  kNextPost,
  kOrd,
  kOf,
  kPublished,
  kUpdated,
  kFiller,
  kFuture,  // tense words (date_tense.cc)
  kPast
};

inline constexpr char kSlot[] = "\x01";  // the N of a relative phrase

struct Phrase {
  Kind kind = Kind::kCue;
  int value = 0;       // month, weekday, number; for kRel the offset (sign when per_n)
  char unit = 0;       // kRel: 'd', 'w', 'm', 'y'
  bool per_n = false;  // kRel: offset times N
  Cue cue = Cue::kNone;
  bool english = false;
  std::vector<std::string> tokens;  // folded; kSlot for N
};

struct Lexicon {
  std::vector<Phrase> phrases;
  std::unordered_map<std::string, std::vector<uint32_t>> by_first;  // longest phrase first
};

// The table of resources/date_words.tsv, built once (thread-safe).
const Lexicon& Words();

enum class TokType : uint8_t { kWord, kNumber, kPunct };

struct Token {
  TokType type = TokType::kPunct;
  bool space_before = false;
  bool upper = false;  // a word starting with an upper-case letter
  uint8_t digits = 0;  // kNumber
  int number = 0;      // kNumber, capped at 99999
  size_t start = 0, end = 0;
  std::string norm;  // folded word, the digits, or the punctuation character
};

// ---------------------------------------------------------------- scanning

enum Modifier : uint8_t { kNoMod = 0, kThisMod, kLastMod, kNextMod };

// What an expression says, before it is resolved against an anchor.
struct Shape {
  enum class Type : uint8_t { kDate, kWeekday, kMonth, kRel };
  Type type = Type::kDate;
  size_t first = 0, end = 0;  // tokens [first, end)
  size_t skip = 0;            // bytes of an Arabic proclitic before the expression
  CivilDate date;             // kDate: what the text gives (year may be 0); kMonth: the month
  int weekday = 0;            // kWeekday, and kDate when the text names it
  Modifier modifier = kNoMod;
  bool bare_year = false;       // kDate holding only a year found without cue
  const Phrase* rel = nullptr;  // kRel
  int n = 0;                    // kRel: the N of the phrase
};

struct PhraseHit {
  const Phrase* phrase = nullptr;
  size_t end = 0;  // token after the phrase
  int n = 0;
};

class Scanner {
 public:
  // parse_mode: ParseDateValue's reading (spaces inside numeric dates, two-digit
  // years, bare years anywhere).
  Scanner(std::string_view text, bool parse_mode);

  size_t size() const { return toks_.size(); }
  const Token& tok(size_t i) const { return toks_[i]; }
  size_t skip(size_t i) const { return skip_[i]; }

  // The longest phrase at token i whose entry satisfies `pred`.
  template <class Pred>
  PhraseHit Match(size_t i, Pred pred) const;
  PhraseHit MatchCue(size_t i, Cue cue) const {
    return Match(i, [cue](const Phrase& p) { return p.kind == Kind::kCue && p.cue == cue; });
  }
  // The longest expression starting at token i.
  std::optional<Shape> MatchAt(size_t i) const;

 private:
  bool Punct(size_t i, std::string_view p) const {
    return i < toks_.size() && toks_[i].type == TokType::kPunct && toks_[i].norm == p;
  }
  bool MatchTail(const Phrase& p, size_t i, size_t* end, int* n) const;
  int NumberWord(size_t i) const;
  bool ReadDay(size_t* j, int* day) const;
  bool ReadMonth(size_t* j, int* month, bool* abbr, bool* english) const;
  bool ReadYear(size_t* j, int* year) const;
  std::optional<Shape> MatchRel(size_t i) const;
  std::optional<Shape> MatchNamed(size_t i) const;
  std::optional<Shape> MatchDayMonth(size_t j, bool weekday) const;
  std::optional<Shape> MatchMonth(size_t i, size_t j, Modifier pre) const;
  std::optional<Shape> MatchNumeric(size_t i) const;
  std::optional<Shape> MatchYear(size_t i) const;
  bool FollowsYearCue(size_t i) const;
  bool InYearRange(size_t i) const;

  std::vector<Token> toks_;
  std::vector<const std::vector<uint32_t>*> cand_;  // phrases whose first token is this one
  std::vector<uint8_t> skip_;                       // bytes of a proclitic stripped for cand_
  bool parse_mode_ = false;
  bool month_first_ = false;
};

template <class Pred>
PhraseHit Scanner::Match(size_t i, Pred pred) const {
  PhraseHit best;
  if (i >= toks_.size()) return best;
  static const std::vector<uint32_t>* const kSlotFirst = [] {
    auto it = Words().by_first.find(kSlot);
    return it == Words().by_first.end() ? nullptr : &it->second;
  }();
  const bool number = toks_[i].type == TokType::kNumber || NumberWord(i) > 0;
  const std::vector<uint32_t>* lists[] = {cand_[i], number ? kSlotFirst : nullptr};
  for (const std::vector<uint32_t>* list : lists) {
    if (list == nullptr) continue;
    for (uint32_t k : *list) {
      const Phrase& p = Words().phrases[k];
      size_t end = 0;
      int n = 0;
      if (p.tokens.size() + i <= best.end || !pred(p) || !MatchTail(p, i, &end, &n)) continue;
      best = {&p, end, n};
    }
  }
  return best;
}

// Calls fn(shape) for each expression of the scanner's text, in order.
template <class Fn>
void ForEachShape(const Scanner& sc, Fn fn) {
  for (size_t i = 0; i < sc.size();) {
    std::optional<Shape> s = sc.MatchAt(i);
    if (!s) {
      ++i;
      continue;
    }
    fn(*s);
    i = s->end;
  }
}

enum class Tense : uint8_t { kUnknown, kPast, kFuture };

// The tense of the sentence around tokens [first, end) of `sc` (made from
// `text`): that of the tense word nearest the expression (date_tense.cc).
Tense SentenceTense(const Scanner& sc, std::string_view text, size_t first, size_t end);

}  // namespace qantara::news::dates_internal

#endif  // QANTARA_NEWS_INTERNAL_DATE_SCAN_H_
