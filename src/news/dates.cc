// Date expressions: a small hand-written grammar over word tokens.
//
// The text is cut once into tokens (words, numbers, punctuation) with their
// byte offsets; words are folded (Latin case and accents, Arabic alef/hamza
// forms, ta marbuta, alef maqsura, harakat, tatweel; Eastern Arabic digits are
// numbers). Each word is looked up once in the table of resources/
// date_words.tsv (month and weekday names, relative phrases, cue words), and
// a few matchers try, at each token, the shapes news writes: day month year
// ("mardi 21 juillet 2016", "21st of July 2016", "<Thursday> 21 <July, Maghreb>" in Arabic), month
// day year ("July 21, 2016"), numeric dates, month + year, years after a cue, weekdays, months, and
// the relative phrases of the table. The longest match wins and the scan goes on after it, so the
// work is linear in the text and no expression overlaps another. No regular expressions: the reader
// handles thousands of articles a second.
//
// Resolution policy (why): news reports the past far more than it announces
// the future, so a bare weekday is the last one on or before the anchor and a
// bare month the last one unless it comes within two months; "ce mercredi"
// mostly speaks of the current week, taken as the first Wednesday on or after
// the anchor. A day + month without year takes the year nearest the anchor: on
// TimeBank-style news this is right far more often than "always past" or
// "always future". The sentence's tense (date_tense.cc) overrides these
// defaults for bare expressions: "se tiendra samedi" is the next Saturday,
// "a eu lieu le 21 juin" the last 21 June. Numeric dates are day first (French
// and Arabic usage, and most English outside the US) unless the first number
// cannot be a month, or every other numeric date of the text is month first.
//
// FindPublished looks for a byline, then a dateline, then a page's lone date
// line (accepted only when the text does not place the writing elsewhere), then
// infers the writing day from deictic words next to dated ones.
//
// Checked by tests/news/dates_test.cc and, against TimeBank-fr, TempEval-3 and
// dateparser's test cases, by eval/date_eval.cc.
//
// Files: date_scan.{h,cc} (folding, tokens, the word table, the Scanner's
// lookups), date_forms.cc (the matchers of forms), date_calendar.h, this file
// (resolution against the anchor, FindDates, ParseDateValue) and
// date_published.cc (FindPublished).
#include "news/dates.h"

#include <cstdio>
#include <cstdlib>

#include "news/internal/date_calendar.h"
#include "news/internal/date_scan.h"

namespace qantara::news {
namespace {

using dates_internal::CivilFromDays;
using dates_internal::Cue;
using dates_internal::DaysFromCivil;
using dates_internal::ForEachShape;
using dates_internal::FullDate;
using dates_internal::IsoWeek;
using dates_internal::Kind;
using dates_internal::kLastMod;
using dates_internal::kNextMod;
using dates_internal::kNoMod;
using dates_internal::kThisMod;
using dates_internal::Modifier;
using dates_internal::Phrase;
using dates_internal::Scanner;
using dates_internal::Shape;
using dates_internal::Tense;
using dates_internal::ToDays;
using dates_internal::Token;
using dates_internal::TokType;
using dates_internal::ValidDay;
using dates_internal::WeekdayOf;

// ---------------------------------------------------------------- resolution

struct Resolved {
  std::string value;
  bool relative = false;
};

bool HasDay(const std::optional<CivilDate>& a) { return a && FullDate(*a); }

std::string MonthValue(int year, int month) { return IsoValue({year, month, 0}); }

// Day + month without year: the year nearest the anchor, or the last/next
// one (modifier), or the nearest on the side the sentence's tense says.
std::string ResolveDayMonth(const CivilDate& d, Modifier mod, Tense tense, const CivilDate& a) {
  const int64_t at = ToDays(a);
  int best_year = 0;
  int64_t best_gap = 0;
  for (int y = a.year - 1; y <= a.year + 1; ++y) {
    if (!ValidDay(y, d.month, d.day)) continue;
    const int64_t gap = DaysFromCivil(y, d.month, d.day) - at;
    if ((mod == kLastMod && gap >= 0) || (mod == kNextMod && gap <= 0)) continue;
    if (tense == Tense::kFuture && gap < 0) continue;
    const int64_t dist = std::llabs(gap);
    if (best_year == 0 || dist < best_gap) best_year = y, best_gap = dist;
  }
  return best_year == 0 ? "" : IsoValue({best_year, d.month, d.day});
}

std::string ResolveMonth(int month, Modifier mod, const CivilDate& a) {
  const int ahead = (month - a.month + 12) % 12;      // months from the anchor's to this one
  int year = month >= a.month ? a.year : a.year + 1;  // the next one, on or after
  bool next = ahead == 0 || ahead <= 2;
  if (mod == kLastMod) next = false;
  if (mod == kNextMod) next = true;
  if (mod == kNextMod && ahead == 0) ++year;
  if (!next) year = month < a.month ? a.year : a.year - 1;
  return MonthValue(year, month);
}

// A bare weekday is the last one on or before the anchor, or the first on or
// after it in a sentence about the future.
std::string ResolveWeekday(int weekday, Modifier mod, Tense tense, const CivilDate& a) {
  const int64_t at = ToDays(a);
  const int forward = (weekday - WeekdayOf(at) + 7) % 7;
  const int back = (WeekdayOf(at) - weekday + 7) % 7;
  int64_t day = at - back;  // the last one, on or before
  if (mod == kThisMod || (mod == kNoMod && tense == Tense::kFuture)) day = at + forward;
  if (mod == kLastMod) day = at - (back == 0 ? 7 : back);
  if (mod == kNextMod) day = at + (forward == 0 ? 7 : forward);
  return IsoValue(CivilFromDays(day));
}

std::string ResolveRel(const Phrase& p, int n, const CivilDate& a) {
  const int offset = p.per_n ? p.value * n : p.value;
  if (p.unit == 'y') return a.year > 0 ? IsoValue({a.year + offset, 0, 0}) : "";
  if (p.unit == 'm') {
    if (a.year == 0 || a.month == 0) return "";
    const int months = a.year * 12 + (a.month - 1) + offset;
    return MonthValue(months / 12, months % 12 + 1);
  }
  if (!FullDate(a)) return "";
  if (p.unit == 'w' && !p.per_n) return IsoWeek(ToDays(a) + 7 * offset);
  const int days = p.unit == 'w' ? 7 * offset : offset;
  return IsoValue(CivilFromDays(ToDays(a) + days));
}

// What a bare expression's sentence says of its side of the anchor (only
// asked when it matters: a weekday, a month or a day without year, with no
// word of its own that says last, this or next).
bool NeedsTense(const Shape& s) {
  if (s.modifier != kNoMod) return false;
  return s.type == Shape::Type::kWeekday ||
         (s.type == Shape::Type::kDate && s.date.year == 0 && s.date.day > 0);
}

Resolved Resolve(const Shape& s, const std::optional<CivilDate>& anchor, Tense tense) {
  const bool has_anchor = anchor && anchor->year > 0;
  switch (s.type) {
    case Shape::Type::kDate:
      if (s.date.year > 0) return {IsoValue(s.date), false};
      if (!HasDay(anchor)) return {IsoValue(s.date), false};
      return {ResolveDayMonth(s.date, s.modifier, tense, *anchor), true};
    case Shape::Type::kMonth:
      if (!has_anchor || anchor->month == 0) return {"", true};
      return {ResolveMonth(s.date.month, s.modifier, *anchor), true};
    case Shape::Type::kWeekday:
      return {HasDay(anchor) ? ResolveWeekday(s.weekday, s.modifier, tense, *anchor) : "", true};
    case Shape::Type::kRel:
      return {has_anchor ? ResolveRel(*s.rel, s.n, *anchor) : "", true};
  }
  return {};
}

}  // namespace

std::string IsoValue(const CivilDate& d) {
  char buf[48];
  if (d.year > 0 && d.month > 0 && d.day > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else if (d.year > 0 && d.month > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else if (d.year > 0) {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  } else if (d.month > 0 && d.day > 0) {
    std::snprintf(buf, sizeof buf, "--%02d-%02d", d.month, d.day);
  } else {
    return "";
  }
  return buf;
}

std::vector<DateMention> FindDates(std::string_view text, const std::optional<CivilDate>& anchor) {
  std::vector<DateMention> out;
  Scanner sc(text, false);
  ForEachShape(sc, [&](const Shape& s) {
    DateMention m;
    m.start = sc.tok(s.first).start + s.skip;
    m.end = sc.tok(s.end - 1).end;
    m.text = std::string(text.substr(m.start, m.end - m.start));
    const Tense tense = HasDay(anchor) && NeedsTense(s)
                            ? dates_internal::SentenceTense(sc, text, s.first, s.end)
                            : Tense::kUnknown;
    Resolved r = Resolve(s, anchor, tense);
    m.value = std::move(r.value);
    m.relative = r.relative;
    out.push_back(std::move(m));
  });
  return out;
}

namespace {

// Whether a token left over by ParseDateValue may stand beside the date:
// punctuation, times ("10:55:50", "14h40", "+0000"), weekdays and filler words.
bool AllowedLeftover(const Scanner& sc, size_t i) {
  const Token& t = sc.tok(i);
  if (t.type == TokType::kPunct) return true;
  if (t.type == TokType::kNumber) {
    const std::string& prev = i > 0 ? sc.tok(i - 1).norm : std::string();
    const std::string& next = i + 1 < sc.size() ? sc.tok(i + 1).norm : std::string();
    if (t.digits == 4) return prev == "+" || prev == "-";  // a zone: "+0100"
    if (prev == "." || prev == ":" || next == ":" || next == ".") return t.digits <= 6;
    // "14h40", "9 am", "1 a.m": an hour before its unit.
    return t.digits <= 2 && (next == "h" || next == "am" || next == "pm" || next == "a" ||
                             next == "p" || next == "heures" || next.empty());
  }
  return sc.Match(i, [](const Phrase& p) {
             return p.kind == Kind::kWeekday || p.kind == Kind::kWeekdayAbbr ||
                    (p.kind == Kind::kCue && (p.cue == Cue::kFiller || p.cue == Cue::kPublished ||
                                              p.cue == Cue::kUpdated || p.cue == Cue::kOf));
           }).phrase != nullptr;
}

}  // namespace

std::optional<CivilDate> ParseDateValue(std::string_view s) {
  if (s.size() > 256) return std::nullopt;
  std::string clean(s);
  for (char& c : clean) {
    if (c == '[' || c == ']' || c == '(' || c == ')' || c == '{' || c == '}') c = ' ';
  }
  Scanner sc(clean, true);
  std::vector<bool> covered(sc.size(), false);
  std::optional<CivilDate> date, bare_year;
  bool failed = false;
  ForEachShape(sc, [&](const Shape& sh) {
    if (sh.type != Shape::Type::kDate) return;  // read as leftover words
    for (size_t k = sh.first; k < sh.end; ++k) covered[k] = true;
    std::optional<CivilDate>& slot = sh.bare_year ? bare_year : date;
    if (slot) failed = true;  // two dates or two years: a range or a list, not a value
    slot = sh.date;
  });
  // A year beside a date that has its own: "5 fevrier 2019 2020" is not one date.
  if (date && bare_year && date->year != 0) failed = true;
  if (failed) return std::nullopt;
  if (!date) {
    date = bare_year;
  } else if (date->year == 0 && bare_year) {
    date->year = bare_year->year;
  }
  if (!date) return std::nullopt;
  for (size_t i = 0; i < sc.size(); ++i) {
    if (!covered[i] && !AllowedLeftover(sc, i)) return std::nullopt;
  }
  return date;
}

}  // namespace qantara::news
