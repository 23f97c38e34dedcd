// The proleptic Gregorian calendar as the date reader needs it (internal to
// news/: dates.cc and its helper files). Days are counted from 1970-01-01.
#ifndef QANTARA_NEWS_INTERNAL_DATE_CALENDAR_H_
#define QANTARA_NEWS_INTERNAL_DATE_CALENDAR_H_

#include <cstdint>
#include <cstdio>
#include <string>

#include "news/dates.h"

namespace qantara::news::dates_internal {

inline bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days in month m of year y; y == 0 (unknown) allows 29 February.
inline int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && (y == 0 || IsLeap(y)) ? 29 : kDays[m - 1];
}

inline bool ValidDay(int y, int m, int d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

// Days since 1970-01-01 (H. Hinnant's civil calendar algorithms).
inline int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

inline CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

inline int64_t ToDays(const CivilDate& d) { return DaysFromCivil(d.year, d.month, d.day); }

// 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday).
inline int WeekdayOf(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1; }

inline bool FullDate(const CivilDate& d) { return d.year > 0 && d.month > 0 && d.day > 0; }

inline std::string IsoWeek(int64_t days) {
  const int64_t thursday = days - (WeekdayOf(days) - 1) + 3;
  const int year = CivilFromDays(thursday).year;
  const int64_t week = (thursday - DaysFromCivil(year, 1, 1)) / 7 + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", year, static_cast<int>(week));
  return buf;
}

}  // namespace qantara::news::dates_internal

#endif  // QANTARA_NEWS_INTERNAL_DATE_CALENDAR_H_
