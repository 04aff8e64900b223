#include "util/dates.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>

#include "util/data_rows.h"
#include "util/strings.h"

namespace dossier {
namespace {

// Reads 1-4 digits at s[*pos]; returns -1 if none.
int ReadNumber(std::string_view s, size_t* pos, int max_digits) {
  size_t p = *pos;
  int v = 0, n = 0;
  while (p < s.size() && IsAsciiDigit(s[p]) && n < max_digits) v = v * 10 + (s[p++] - '0'), ++n;
  if (n == 0 || (p < s.size() && IsAsciiDigit(s[p]))) return -1;
  *pos = p;
  return v;
}

size_t SkipSpaces(std::string_view s, size_t p) {
  while (p < s.size() && (s[p] == ' ' || s[p] == '\t')) ++p;
  return p;
}

// Reads a month word at s[*pos] (with an optional period).
int ReadMonth(std::string_view s, size_t* pos, const CalendarNames& names) {
  size_t p = *pos;
  while (p < s.size() && IsAsciiAlpha(s[p])) ++p;
  // Letters of another script, when the names have some ("décembre").
  while (names.has_non_ascii() && p < s.size() &&
         (IsAsciiAlpha(s[p]) || static_cast<unsigned char>(s[p]) >= 0x80)) {
    ++p;
  }
  int m = names.Month(s.substr(*pos, p - *pos));
  if (m == 0) return 0;
  if (p < s.size() && s[p] == '.') ++p;
  *pos = p;
  return m;
}

bool WordStart(std::string_view s, size_t p) {
  return p == 0 || !(IsAsciiAlpha(s[p - 1]) || IsAsciiDigit(s[p - 1]));
}

// Tries the date forms at s[p]; sets *end past the date.
bool DateAt(std::string_view s, size_t p, CivilDate* d, size_t* end, const CalendarNames& names) {
  size_t q = p;
  if (IsAsciiAlpha(s[p]) || (names.has_non_ascii() && static_cast<unsigned char>(s[p]) >= 0x80)) {
    int m = ReadMonth(s, &q, names);
    if (m == 0) return false;
    q = SkipSpaces(s, q);
    int day = ReadNumber(s, &q, 2);
    if (day < 0) return false;
    // Ordinal suffix: "November 27th".
    if (q + 1 < s.size() && IsAsciiAlpha(s[q]) && IsAsciiAlpha(s[q + 1])) q += 2;
    if (q < s.size() && s[q] == ',') ++q;
    q = SkipSpaces(s, q);
    int year = ReadNumber(s, &q, 4);
    if (year < 1000) return false;
    *d = {year, m, day};
    *end = q;
    return d->valid();
  }
  if (!IsAsciiDigit(s[p])) return false;
  // 2015-11-27
  int a = ReadNumber(s, &q, 4);
  if (a >= 1000 && q < s.size() && s[q] == '-') {
    ++q;
    int m = ReadNumber(s, &q, 2);
    if (m < 0 || q >= s.size() || s[q] != '-') return false;
    ++q;
    int day = ReadNumber(s, &q, 2);
    if (day < 0) return false;
    *d = {a, m, day};
    *end = q;
    return d->valid();
  }
  if (a < 0 || a > 31) return false;
  // 11/27/2015 (US order)
  if (q < s.size() && s[q] == '/') {
    ++q;
    int day = ReadNumber(s, &q, 2);
    if (day < 0 || q >= s.size() || s[q] != '/') return false;
    ++q;
    int year = ReadNumber(s, &q, 4);
    if (year < 1000) return false;
    *d = {year, a, day};
    *end = q;
    return d->valid();
  }
  // 27 November 2015
  if (q < s.size() && IsAsciiAlpha(s[q])) q += 2;  // "27th"
  if (q > s.size()) return false;
  q = SkipSpaces(s, q);
  if (q >= s.size() || !(IsAsciiAlpha(s[q]) ||
                         (names.has_non_ascii() && static_cast<unsigned char>(s[q]) >= 0x80))) {
    return false;
  }
  int m = ReadMonth(s, &q, names);
  if (m == 0) return false;
  if (q < s.size() && s[q] == ',') ++q;
  q = SkipSpaces(s, q);
  int year = ReadNumber(s, &q, 4);
  if (year < 1000) return false;
  *d = {year, m, a};
  *end = q;
  return d->valid();
}

}  // namespace

bool CivilDate::valid() const {
  return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

std::string CivilDate::ToIso() const {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  return buf;
}

Result<CalendarNames> CalendarNames::Create(std::string_view data_dir, std::string_view language) {
  CalendarNames names;
  const std::string months_file = std::string(language) + "/months.txt";
  Result<std::vector<DataRow>> months = LoadDataRows(data_dir, months_file);
  if (!months.ok()) return months.status();
  names.min_month_length_ = SIZE_MAX;
  for (const DataRow& row : *months) {
    MonthName m;
    m.name = AsciiLower(row[0]);
    const std::string_view number = row[1];
    if (number.empty() || number.size() > 2 ||
        !std::all_of(number.begin(), number.end(), IsAsciiDigit)) {
      return row.Error(months_file, "the month number (1-12) is missing");
    }
    m.month = std::stoi(std::string(number));
    if (m.month < 1 || m.month > 12) return row.Error(months_file, "months are 1-12");
    if (row[2] == "word") {
      m.common_word = true;
    } else if (!row[2].empty()) {
      return row.Error(months_file, "unknown flag '" + std::string(row[2]) + "'");
    }
    names.month_initials_[static_cast<unsigned char>(m.name[0])] = true;
    names.min_month_length_ = std::min(names.min_month_length_, m.name.size());
    names.max_month_length_ = std::max(names.max_month_length_, m.name.size());
    names.non_ascii_ = names.non_ascii_ || std::any_of(m.name.begin(), m.name.end(), [](char c) {
                         return static_cast<unsigned char>(c) >= 0x80;
                       });
    names.months_.push_back(std::move(m));
  }
  const std::string weekdays_file = std::string(language) + "/weekdays.txt";
  Result<std::vector<DataRow>> weekdays = LoadDataRows(data_dir, weekdays_file);
  if (!weekdays.ok()) return weekdays.status();
  for (const DataRow& row : *weekdays) {
    const std::string_view number = row[1];
    if (number.size() != 1 || number[0] < '1' || number[0] > '7') {
      return row.Error(weekdays_file, "the day number (1 = Monday ... 7 = Sunday) is missing");
    }
    if (row[2] != "word" && !row[2].empty()) {
      return row.Error(weekdays_file, "unknown flag '" + std::string(row[2]) + "'");
    }
    WeekdayName w{AsciiLower(row[0]), number[0] - '1', row[2] == "word"};
    for (const WeekdayName& other : names.weekdays_) {
      if (other.name == w.name) return row.Error(weekdays_file, "a name listed twice");
    }
    names.weekdays_.push_back(std::move(w));
  }
  return names;
}

const CalendarNames& CalendarNames::BuiltIn() {
  // Immutable once built; an empty table only if the build lost its data.
  static const CalendarNames names = [] {
    Result<CalendarNames> built_in = Create("");
    return built_in.ok() ? std::move(*built_in) : CalendarNames();
  }();
  return names;
}

int CalendarNames::Weekday(std::string_view lower, bool* common_word) const {
  if (lower.empty()) return -1;
  for (const WeekdayName& w : weekdays_) {
    if (lower == w.name) {
      if (common_word != nullptr) *common_word = w.common_word;
      return w.day;
    }
  }
  return -1;
}

int CalendarNames::Month(std::string_view word, bool* common_word) const {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.empty() || word.size() < min_month_length_ || word.size() > max_month_length_ ||
      !MayStartMonth(word[0])) {
    return 0;
  }
  for (const MonthName& m : months_) {
    if (EqualsIgnoreAsciiCase(word, m.name)) {
      if (common_word != nullptr) *common_word = m.common_word;
      return m.month;
    }
  }
  return 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

bool FindFullDate(std::string_view text, CivilDate* date, size_t* begin, size_t* end,
                  const CalendarNames& names) {
  for (size_t p = 0; p < text.size(); ++p) {
    char c = text[p];
    // Dates start with a digit or the first letter of a month name.
    if (!(names.MayStartMonth(c) || IsAsciiDigit(c)) || !WordStart(text, p)) continue;
    size_t e = 0;
    CivilDate d;
    if (DateAt(text, p, &d, &e, names)) {
      *date = d;
      *begin = p;
      *end = e;
      return true;
    }
  }
  return false;
}

bool ParseDate(std::string_view text, CivilDate* date, const CalendarNames& names) {
  text = TrimWhitespace(text);
  if (text.empty()) return false;
  size_t e = 0;
  CivilDate d;
  if (!DateAt(text, 0, &d, &e, names)) return false;
  // Allow a time after an ISO date: "2015-11-27T10:00:00Z", "2015-11-27 10:00".
  if (e != text.size() && !(text[e] == 'T' || text[e] == ' ')) return false;
  *date = d;
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return CivilDate{y, m, d};
}

}  // namespace dossier
