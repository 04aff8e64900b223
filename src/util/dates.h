// Calendar dates in news text: "November 27, 2015", "27 November 2015",
// "Nov. 27, 2015", "2015-11-27", "11/27/2015" (US order). Month and weekday
// names are a language's (CalendarNames: data/<lang>/months.txt and
// weekdays.txt).
//
//   Result<CalendarNames> names = CalendarNames::Create(data_dir);  // "en"
//   CivilDate d;
//   size_t begin = 0, end = 0;
//   if (FindFullDate("Posted Nov. 27, 2015", &d, &begin, &end, *names)) ...  // 2015-11-27
//
// The functions taking CalendarNames default to CalendarNames::BuiltIn(),
// the English lists built into the library, for callers given no data
// folder (format parsers: a feed's RFC 822 dates, ISO dates). Everything
// here is thread-safe; CalendarNames is immutable once created.
#ifndef DOSSIER_UTIL_DATES_H_
#define DOSSIER_UTIL_DATES_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/status.h"

namespace dossier {

// The month and weekday names of one language.
class CalendarNames {
 public:
  // Reads `language`/months.txt and `language`/weekdays.txt from `data_dir`
  // (or the built-in copies); kNotFound when the language has none.
  static Result<CalendarNames> Create(std::string_view data_dir, std::string_view language = "en");
  // The built-in English names (data/en/), loaded once.
  static const CalendarNames& BuiltIn();

  // The month (1-12) of a name or abbreviation, ASCII case ignored, a final
  // period allowed ("Dec.", "sept"); 0 if none. With `common_word`, also
  // whether the name is a common word too ("may").
  int Month(std::string_view word, bool* common_word = nullptr) const;
  // 0 = Monday ... 6 = Sunday for a weekday name in lower case; -1 if none.
  // A day may have several names ("samstag", "sonnabend"; "вторник",
  // "среду"). With `common_word`, also whether the name is a common word too
  // ("segunda": also "second").
  int Weekday(std::string_view lower, bool* common_word = nullptr) const;
  // False when no month name starts with byte `c` (ASCII case ignored).
  bool MayStartMonth(char c) const {
    return month_initials_[static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c)];
  }
  // Whether a month name holds a byte outside ASCII (a letter of another
  // script: dates then read such bytes as letters).
  bool has_non_ascii() const { return non_ascii_; }

 private:
  struct MonthName {
    std::string name;  // lower case
    int month = 0;
    bool common_word = false;
  };
  std::vector<MonthName> months_;
  struct WeekdayName {
    std::string name;  // lower case
    int day = 0;       // 0 = Monday
    bool common_word = false;
  };
  std::vector<WeekdayName> weekdays_;
  std::array<bool, 256> month_initials_{};
  size_t min_month_length_ = 0;
  size_t max_month_length_ = 0;
  bool non_ascii_ = false;
};

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  bool valid() const;
  std::string ToIso() const;  // "YYYY-MM-DD"
};

// Month number of a month name or abbreviation ("Dec", "dec.",
// "September", "Sept"), 0 if none: names.Month(word).
inline int MonthFromName(std::string_view word,
                         const CalendarNames& names = CalendarNames::BuiltIn()) {
  return names.Month(word);
}

// 0 = Monday ... 6 = Sunday for a weekday name in lower case ("tuesday");
// -1 for any other word: names.Weekday(lower).
inline int WeekdayFromName(std::string_view lower,
                           const CalendarNames& names = CalendarNames::BuiltIn()) {
  return names.Weekday(lower);
}
inline bool IsWeekdayName(std::string_view lower,
                          const CalendarNames& names = CalendarNames::BuiltIn()) {
  return names.Weekday(lower) >= 0;
}

// Days in month (leap years included).
int DaysInMonth(int year, int month);

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
int64_t DaysFromCivil(int year, int month, int day);
CivilDate CivilFromDays(int64_t days);

// Finds the first full date (with a year) in `text`; on success sets *date
// and *begin/*end to the bytes it spans.
bool FindFullDate(std::string_view text, CivilDate* date, size_t* begin, size_t* end,
                  const CalendarNames& names = CalendarNames::BuiltIn());

// Parses a whole string as a date (leading/trailing white space allowed),
// also accepting ISO 8601 timestamps ("2015-11-27T10:00:00Z").
bool ParseDate(std::string_view text, CivilDate* date,
               const CalendarNames& names = CalendarNames::BuiltIn());

}  // namespace dossier

#endif  // DOSSIER_UTIL_DATES_H_
