// The forms of date expressions the Scanner matches at a token: relative
// phrases, day month [year] and month day [year] (with weekday and
// modifiers), month + year and months alone, numeric dates, and years after a
// cue or standing alone. MatchAt keeps the longest; dates.cc says why.
#include <algorithm>
#include <iterator>

#include "news/internal/date_calendar.h"
#include "news/internal/date_scan.h"

namespace qantara::news::dates_internal {
namespace {

// "2019-02", "02/2019": a year and a month (read in metadata only).
std::optional<CivilDate> NumericYearMonth(const Token& a, const Token& b) {
  if (a.digits == 4 && b.digits <= 2 && b.number >= 1 && b.number <= 12) {
    return CivilDate{a.number, b.number, 0};
  }
  if (a.digits <= 2 && b.digits == 4 && a.number >= 1 && a.number <= 12) {
    return CivilDate{b.number, a.number, 0};
  }
  return std::nullopt;
}

// "2019-02-06", "06/02/2019", "02/06/2019" (month first when the first number
// can be a month and the second cannot, or `month_first`), "06/02/19" in
// metadata.
std::optional<CivilDate> NumericDay(const Token& a, const Token& b, const Token& c, bool parse_mode,
                                    bool month_first) {
  CivilDate d;
  if (a.digits == 4 && b.digits <= 2 && c.digits <= 2) {
    d = {a.number, b.number, c.number};
  } else if (a.digits <= 2 && b.digits <= 2 && (c.digits == 4 || (parse_mode && c.digits == 2))) {
    const int year = c.digits == 4 ? c.number : (c.number < 70 ? 2000 : 1900) + c.number;
    const bool mdy = a.number <= 12 && (b.number > 12 || (month_first && !parse_mode));
    d = mdy ? CivilDate{year, a.number, b.number} : CivilDate{year, b.number, a.number};
  } else {
    return std::nullopt;
  }
  if (d.year < 1000 || d.year > 2999 || !ValidDay(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

}  // namespace

std::optional<Shape> Scanner::MatchRel(size_t i) const {
  PhraseHit hit = Match(i, [](const Phrase& p) { return p.kind == Kind::kRel; });
  if (!hit.phrase) return std::nullopt;
  Shape s;
  s.type = Shape::Type::kRel;
  s.first = i;
  s.end = hit.end;
  s.skip = skip_[i];
  s.rel = hit.phrase;
  s.n = hit.n;
  return s;
}

// Day month [year] or month day [year], at token j (after any weekday).
std::optional<Shape> Scanner::MatchDayMonth(size_t j, bool weekday) const {
  Shape s;
  int day = 0, month = 0, year = 0;
  bool abbr = false, english = false;
  size_t k = j;
  if (ReadDay(&k, &day)) {
    if (MatchCue(k, Cue::kOf).phrase) k = MatchCue(k, Cue::kOf).end;
    if (!ReadMonth(&k, &month, &abbr, &english)) return std::nullopt;
  } else {
    if (!ReadMonth(&k, &month, &abbr, &english) || !ReadDay(&k, &day)) return std::nullopt;
  }
  bool has_year = ReadYear(&k, &year);
  if (!has_year && k < toks_.size() && toks_[k].type == TokType::kNumber && toks_[k].digits == 2 &&
      toks_[k].number > 31) {  // "le 10 novembre 93"
    year = 1900 + toks_[k++].number;
    has_year = true;
  }
  // "juin 30 ..." in French is a month and a count; month-day order is English,
  // or follows a weekday ("vendredi, novembre 22, 2024"), or has its year.
  if (toks_[j].type != TokType::kNumber && !english && !weekday && !has_year) return std::nullopt;
  if (!ValidDay(year, month, day)) return std::nullopt;
  s.date = {year, month, day};
  s.end = k;
  if (!has_year) {
    if (PhraseHit h = MatchCue(k, Cue::kLastPost); h.phrase) s.modifier = kLastMod, s.end = h.end;
    if (PhraseHit h = MatchCue(k, Cue::kNextPost); h.phrase) s.modifier = kNextMod, s.end = h.end;
  }
  return s;
}

// Month + year, or a month alone, at token j; `pre` is a modifier before it.
std::optional<Shape> Scanner::MatchMonth(size_t i, size_t j, Modifier pre) const {
  int month = 0, year = 0;
  bool abbr = false, english = false;
  const size_t month_tok = j;
  if (!ReadMonth(&j, &month, &abbr, &english)) return std::nullopt;
  Shape s;
  s.first = i;
  s.skip = skip_[i];
  s.modifier = pre;
  size_t k = j;
  if (ReadYear(&k, &year) && !Punct(j, ",")) {
    s.date = {year, month, 0};
    s.end = k;
    return s;
  }
  if (k = j; k < toks_.size() && toks_[k].type == TokType::kNumber && toks_[k].digits == 2 &&
             toks_[k].number > 31 && !abbr) {  // "octobre 98"
    s.date = {1900 + toks_[k].number, month, 0};
    s.end = k + 1;
    return s;
  }
  if (parse_mode_ || abbr) return std::nullopt;
  const Token& t = toks_[month_tok];
  const bool arabic = static_cast<unsigned char>(t.norm[0]) >= 0xC0;
  if (english && !t.upper) return std::nullopt;  // "may", "march": verbs
  s.type = Shape::Type::kMonth;
  s.date = {0, month, 0};
  s.end = j;
  if (PhraseHit h = MatchCue(j, Cue::kLastPost); h.phrase) s.modifier = kLastMod, s.end = h.end;
  if (PhraseHit h = MatchCue(j, Cue::kNextPost); h.phrase) s.modifier = kNextMod, s.end = h.end;
  // Arabic month names alone are often words too; take them after SHAHR (month) or with a modifier.
  const bool after_shahr = i > 0 && toks_[i - 1].norm == "\xD8\xB4\xD9\x87\xD8\xB1";
  if (arabic && !after_shahr && s.modifier == kNoMod) return std::nullopt;
  return s;
}

std::optional<Shape> Scanner::MatchNamed(size_t i) const {
  size_t j = i;
  Modifier pre = kNoMod;
  if (PhraseHit h = MatchCue(j, Cue::kThisPre); h.phrase) pre = kThisMod, j = h.end;
  if (PhraseHit h = MatchCue(j, Cue::kLastPre); h.phrase) pre = kLastMod, j = h.end;
  if (PhraseHit h = MatchCue(j, Cue::kNextPre); h.phrase) pre = kNextMod, j = h.end;
  PhraseHit wd = Match(
      j, [](const Phrase& p) { return p.kind == Kind::kWeekday || p.kind == Kind::kWeekdayAbbr; });
  if (!wd.phrase) {
    if (pre == kThisMod) return std::nullopt;
    std::optional<Shape> s = MatchDayMonth(j, false);
    if (s && pre == kNoMod) {
      s->first = i;
      s->skip = skip_[i];
      return s;
    }
    return MatchMonth(i, j, pre);
  }
  size_t k = wd.end;
  if (wd.phrase->kind == Kind::kWeekdayAbbr && Punct(k, ".")) ++k;
  if (Punct(k, ",")) ++k;
  std::optional<Shape> s = MatchDayMonth(k, true);
  if (!s) {
    if (wd.phrase->kind == Kind::kWeekdayAbbr) return std::nullopt;
    s = Shape();
    s->type = Shape::Type::kWeekday;
    s->end = wd.end;
    if (PhraseHit h = MatchCue(wd.end, Cue::kLastPost); h.phrase) pre = kLastMod, s->end = h.end;
    if (PhraseHit h = MatchCue(wd.end, Cue::kNextPost); h.phrase) pre = kNextMod, s->end = h.end;
  }
  s->first = i;
  s->skip = skip_[i];
  s->weekday = wd.phrase->value;
  if (s->modifier == kNoMod) s->modifier = pre;
  return s;
}

std::optional<Shape> Scanner::MatchNumeric(size_t i) const {
  auto number = [&](size_t k) { return k < toks_.size() && toks_[k].type == TokType::kNumber; };
  auto tight = [&](size_t k) { return parse_mode_ || !toks_[k].space_before; };
  if (!number(i) || i + 2 >= toks_.size()) return std::nullopt;
  const std::string& sep = toks_[i + 1].norm;
  if (toks_[i + 1].type != TokType::kPunct || (sep != "/" && sep != "." && sep != "-")) {
    return std::nullopt;
  }
  if (!number(i + 2) || !tight(i + 1) || !tight(i + 2)) return std::nullopt;
  if (i >= 2 && toks_[i - 1].norm == sep && number(i - 2) && !toks_[i - 1].space_before) {
    return std::nullopt;  // inside a longer run: "1.2.3.4", "2015-2016-2017"
  }
  const Token &a = toks_[i], &b = toks_[i + 2];
  const bool three = i + 4 < toks_.size() && toks_[i + 3].norm == sep && number(i + 4) &&
                     tight(i + 3) && tight(i + 4);
  Shape s;
  s.first = i;
  s.end = i + (three ? 5 : 3);
  if (s.end + 1 < toks_.size() && toks_[s.end].norm == sep && !toks_[s.end].space_before &&
      number(s.end + 1)) {
    return std::nullopt;
  }
  if (!three) {  // "2019-02", "02/2019": metadata only
    if (!parse_mode_ || sep == ".") return std::nullopt;
    std::optional<CivilDate> d = NumericYearMonth(a, b);
    if (!d || d->year < 1000) return std::nullopt;
    s.date = *d;
    return s;
  }
  std::optional<CivilDate> d = NumericDay(a, b, toks_[i + 4], parse_mode_, month_first_);
  if (!d) return std::nullopt;
  s.date = *d;
  return s;
}

bool Scanner::FollowsYearCue(size_t i) const {
  for (size_t k = 1; k <= 2 && k <= i; ++k) {
    if (MatchCue(i - k, Cue::kYear).end == i) return true;
  }
  return false;
}

// Whether token i (a number of 1900..2100) is a year by its neighbours: one
// of two years of a range ("1982-1990", "1957-58", "2002/2003", "entre 1990
// et 1999", "from 2009 to 2012"; the later one second), or after an English
// determiner before a word ("a 2010 raid", "his 2007 campaign").
bool Scanner::InYearRange(size_t i) const {
  auto year = [this](size_t k) {
    return k < toks_.size() && toks_[k].type == TokType::kNumber && toks_[k].digits == 4 &&
           toks_[k].number >= 1900 && toks_[k].number <= 2100;
  };
  auto link = [this](size_t k) {
    const Token& t = toks_[k];
    if (t.type == TokType::kPunct) {
      return t.norm == "-" || t.norm == "/" || t.norm == "\xE2\x80\x93";  // EN DASH
    }
    return t.norm == "et" || t.norm == "a" || t.norm == "au" || t.norm == "and" || t.norm == "to" ||
           t.norm == "through";
  };
  const int n = toks_[i].number;
  if (year(i + 2) && link(i + 1) && toks_[i + 2].number > n) return true;
  if (i >= 2 && year(i - 2) && link(i - 1) && toks_[i - 2].number < n) return true;
  // "1957-58": the second year in two digits, written right after the dash.
  if (i + 2 < toks_.size() && toks_[i + 1].norm == "-" && !toks_[i + 2].space_before &&
      toks_[i + 2].type == TokType::kNumber && toks_[i + 2].digits == 2 &&
      toks_[i + 2].number == (n + 1) % 100) {
    return true;
  }
  static constexpr std::string_view kDeterminers[] = {"a",   "an",  "the",  "his",
                                                      "her", "its", "their"};
  if (i == 0 || i + 1 >= toks_.size() || toks_[i + 1].type != TokType::kWord) return false;
  const std::string& before = toks_[i - 1].norm;
  return std::find(std::begin(kDeterminers), std::end(kDeterminers), before) !=
             std::end(kDeterminers) &&
         (before != "a" ||
          toks_[i - 1].end - toks_[i - 1].start == 1);  // "a", not folded "\xC3\xA0"
}

// A year: after a cue ("en 2016", "<year> 2016" in Arabic), or alone before punctuation or
// at the end ("..., comme en 2016.", "Since 2016, ...").
std::optional<Shape> Scanner::MatchYear(size_t i) const {
  const Token& t = toks_[i];
  if (t.type != TokType::kNumber || t.digits != 4) return std::nullopt;
  Shape s;
  s.first = i;
  s.end = i + 1;
  s.date.year = t.number;
  if (s.end < toks_.size() && !toks_[s.end].space_before && toks_[s.end].norm == "\xD9\x85") {
    ++s.end;  // ARABIC LETTER MEEM: AD
  }
  if (t.number >= 1800 && t.number <= 2100 && FollowsYearCue(i)) return s;
  if (t.number < 1900 || t.number > 2100) return std::nullopt;
  s.bare_year = true;
  if (parse_mode_ || InYearRange(i)) return s;
  if (i > 0) {
    const Token& p = toks_[i - 1];
    if (p.type == TokType::kNumber) return std::nullopt;  // "1 2016 000"
    if (!p.space_before && (p.norm == "+" || p.norm == "-" || p.norm == "/" || p.norm == "." ||
                            p.norm == ":" || p.norm == "$" || p.norm == "#")) {
      return std::nullopt;
    }
  }
  if (s.end == toks_.size() || s.end > i + 1) return s;
  const Token& n = toks_[s.end];
  if (n.type != TokType::kPunct) return std::nullopt;
  static constexpr std::string_view kEnds[] = {",", ".", ";",        ":",  ")",        "]",
                                               "!", "?", "\xC2\xBB", "\"", "\xD8\x8C", "\xD8\x9B"};
  if (std::find(std::begin(kEnds), std::end(kEnds), n.norm) == std::end(kEnds)) {
    return std::nullopt;
  }
  if (s.end + 1 < toks_.size() && !toks_[s.end + 1].space_before &&
      toks_[s.end + 1].type == TokType::kNumber) {
    return std::nullopt;  // "2016.5", "2016,7"
  }
  return s;
}

std::optional<Shape> Scanner::MatchAt(size_t i) const {
  std::optional<Shape> best;
  const Token& t = toks_[i];
  if (t.type == TokType::kPunct || (t.type == TokType::kWord && cand_[i] == nullptr)) return best;
  auto consider = [&best](std::optional<Shape> s) {
    if (s && (!best || s->end > best->end)) best = std::move(s);
  };
  consider(MatchRel(i));
  consider(MatchNamed(i));
  consider(MatchNumeric(i));
  consider(MatchYear(i));
  return best;
}

}  // namespace qantara::news::dates_internal
