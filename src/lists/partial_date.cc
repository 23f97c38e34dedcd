// PartialDate: the dates sanctions lists print, read into one small value.
//
// Lists rarely give a full date. UN XML has DATE / YEAR / FROM_YEAR..TO_YEAR,
// OFAC prints "DOB 12 Jan 1970", "DOB circa 1975", "DOB 1960 to 1962" and
// "01 Jan 1970 to 31 Dec 1971", UK writes "dd/mm/yyyy" with 00 for an unknown day
// or month, EU gives ISO dates. We keep what is known (year, month, day) and read
// a range as a range of years, narrowed to a month or a day when both ends share
// it. "circa" keeps the stated value: widening it is the scorer's decision.
//
// The parser is hand-written over ASCII tokens (no std::regex: the UK file alone
// asks for ~11,000 dates). Checked by the table test in tests/lists/.
#include <cstdio>

#include "base/ascii.h"
#include "lists/entity.h"

namespace qantara::lists {
namespace {

constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2999;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Month number for "jan", "january", "sept", ... (lower case); 0 when not a month.
int MonthFromWord(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  if (w.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    if (w.size() <= kMonths[m].size() && kMonths[m].substr(0, w.size()) == w) return m + 1;
  }
  if (w == "sept") return 9;
  return 0;
}

// Builds a date after checking its parts; month/day 0 mean unknown.
std::optional<PartialDate> MakeDate(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear || month < 0 || month > 12 || day < 0) return std::nullopt;
  if (month == 0) day = 0;  // a day without a month says nothing
  if (day > 0 && day > DaysInMonth(year, month)) return std::nullopt;
  PartialDate d;
  d.year_from = d.year_to = year;
  d.month = month;
  d.day = day;
  return d;
}

// Splits "28 jul 1971", "jul 28, 1971" and "28-07-1971" into digit and letter tokens.
std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    if (IsDigit(s[i])) {
      while (j < s.size() && IsDigit(s[j])) ++j;
    } else if (IsAlpha(s[i])) {
      while (j < s.size() && IsAlpha(s[j])) ++j;
    } else if (s[i] == ' ' || s[i] == ',' || s[i] == '.' || s[i] == '/' || s[i] == '-') {
      ++i;
      continue;
    } else {
      return {};  // not a date character
    }
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// One date (no range), lower-cased and trimmed.
std::optional<PartialDate> ParseSingle(std::string_view s) {
  // An ISO date with a time or a zone: "1971-07-28t00:00:00", "2015-04-07-04:00", "...z".
  if (s.size() > 10 && s[4] == '-' && s[7] == '-' && AllDigits(s.substr(0, 4)) &&
      (s[10] == 't' || s[10] == 'z' || s[10] == '+' || s[10] == '-')) {
    s = s.substr(0, 10);
  }
  std::vector<std::string_view> tok = Tokens(s);
  if (tok.empty() || tok.size() > 3) return std::nullopt;
  std::vector<int> numbers;
  int month_word = 0;
  for (std::string_view t : tok) {
    if (AllDigits(t)) {
      if (t.size() > 4) return std::nullopt;
      numbers.push_back(ToInt(t));
    } else if (int m = MonthFromWord(t); m != 0 && month_word == 0) {
      month_word = m;
    } else {
      return std::nullopt;
    }
  }
  bool year_first = AllDigits(tok[0]) && tok[0].size() == 4;
  bool year_last = AllDigits(tok.back()) && tok.back().size() == 4;
  if (month_word != 0) {  // "28 jul 1971", "jul 1971", "july 28, 1971"
    if (!year_last || numbers.size() > 2) return std::nullopt;
    int day = numbers.size() == 2 ? numbers[0] : 0;
    return MakeDate(numbers.back(), month_word, day);
  }
  if (numbers.size() == 1) return year_last ? MakeDate(numbers[0], 0, 0) : std::nullopt;
  if (year_first) {  // "1971-07-28", "1971-07", "1971/07/28"
    return MakeDate(numbers[0], numbers[1], numbers.size() == 3 ? numbers[2] : 0);
  }
  if (!year_last) return std::nullopt;
  if (numbers.size() == 2) return MakeDate(numbers[1], numbers[0], 0);  // "07/1971"
  return MakeDate(numbers[2], numbers[1], numbers[0]);                  // "28/07/1971"
}

// The span from `a` to `b`: a range of years, narrowed when both ends agree.
std::optional<PartialDate> MakeRange(const PartialDate& a, const PartialDate& b) {
  if (a.year_from > b.year_to) return std::nullopt;
  PartialDate d;
  d.year_from = a.year_from;
  d.year_to = b.year_to;
  if (d.year_from == d.year_to && a.month == b.month) {
    d.month = a.month;
    if (a.day == b.day) d.day = a.day;
  }
  return d;
}

std::optional<PartialDate> ParseRange(std::string_view from, std::string_view to) {
  auto a = ParseSingle(TrimSpaces(from));
  auto b = ParseSingle(TrimSpaces(to));
  if (!a || !b) return std::nullopt;
  return MakeRange(*a, *b);
}

std::string_view StripQualifier(std::string_view s) {
  static constexpr std::string_view kQualifiers[] = {"circa ",   "circa",   "approximately ",
                                                     "approx. ", "approx ", "about ",
                                                     "around ",  "ca. ",    "c. ",
                                                     "c.",       "ca "};
  for (std::string_view q : kQualifiers) {
    if (s.substr(0, q.size()) == q) return TrimSpaces(s.substr(q.size()));
  }
  return s;
}

}  // namespace

std::string PartialDate::ToString() const {
  if (year_from == 0) return "";
  char buf[32];
  if (year_to != year_from) {
    std::snprintf(buf, sizeof buf, "%04d/%04d", year_from, year_to);
  } else if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year_from);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year_from, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_from, month, day);
  }
  return buf;
}

std::optional<PartialDate> PartialDate::Parse(std::string_view input) {
  if (input.size() > 64) return std::nullopt;
  std::string lower = CollapseSpaces(AsciiLower(input));
  std::string_view s = TrimSpaces(lower);
  while (!s.empty() && s.back() == '.') s.remove_suffix(1);
  s = StripQualifier(s);
  if (s.empty()) return std::nullopt;
  if (s.substr(0, 8) == "between ") {
    size_t and_pos = s.find(" and ");
    if (and_pos == std::string_view::npos) return std::nullopt;
    return ParseRange(s.substr(8, and_pos - 8), s.substr(and_pos + 5));
  }
  for (std::string_view sep : {" to ", " - ", " until "}) {
    if (size_t p = s.find(sep); p != std::string_view::npos) {
      return ParseRange(s.substr(0, p), s.substr(p + sep.size()));
    }
  }
  // "1960/1962" (our own text form) and "1958-1960": two bare years.
  if (s.size() == 9 && (s[4] == '/' || s[4] == '-') && AllDigits(s.substr(0, 4)) &&
      AllDigits(s.substr(5))) {
    return ParseRange(s.substr(0, 4), s.substr(5));
  }
  return ParseSingle(s);
}

}  // namespace qantara::lists
