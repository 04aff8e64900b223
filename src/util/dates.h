// Calendar dates in news text: "November 27, 2015", "27 November 2015",
// "Nov. 27, 2015", "2015-11-27", "11/27/2015" (US order).
#ifndef DOSSIER_UTIL_DATES_H_
#define DOSSIER_UTIL_DATES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  bool valid() const;
  std::string ToIso() const;  // "YYYY-MM-DD"
};

// Month number of an English month name or abbreviation ("Dec", "dec.",
// "September", "Sept"), 0 if none.
int MonthFromName(std::string_view word);

// 0 = Monday ... 6 = Sunday for an English weekday name in lower case
// ("tuesday"); -1 for any other word.
int WeekdayFromName(std::string_view lower);
inline bool IsWeekdayName(std::string_view lower) { return WeekdayFromName(lower) >= 0; }

// Days in month (leap years included).
int DaysInMonth(int year, int month);

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
int64_t DaysFromCivil(int year, int month, int day);
CivilDate CivilFromDays(int64_t days);

// Finds the first full date (with a year) in `text`; on success sets *date
// and *begin/*end to the bytes it spans.
bool FindFullDate(std::string_view text, CivilDate* date, size_t* begin, size_t* end);

// Parses a whole string as a date (leading/trailing white space allowed),
// also accepting ISO 8601 timestamps ("2015-11-27T10:00:00Z").
bool ParseDate(std::string_view text, CivilDate* date);

}  // namespace dossier

#endif  // DOSSIER_UTIL_DATES_H_
