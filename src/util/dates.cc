#include "util/dates.h"

#include <cstdio>

#include "util/strings.h"

namespace dossier {
namespace {

struct MonthName {
  std::string_view name;
  int month;
};
constexpr MonthName kMonths[] = {
    {"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
    {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
    {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
    {"september", 9}, {"sept", 9},  {"sep", 9},       {"october", 10}, {"oct", 10},
    {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12},
};

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
int ReadMonth(std::string_view s, size_t* pos) {
  size_t p = *pos;
  while (p < s.size() && IsAsciiAlpha(s[p])) ++p;
  int m = MonthFromName(s.substr(*pos, p - *pos));
  if (m == 0) return 0;
  if (p < s.size() && s[p] == '.') ++p;
  *pos = p;
  return m;
}

bool WordStart(std::string_view s, size_t p) {
  return p == 0 || !(IsAsciiAlpha(s[p - 1]) || IsAsciiDigit(s[p - 1]));
}

// Tries the date forms at s[p]; sets *end past the date.
bool DateAt(std::string_view s, size_t p, CivilDate* d, size_t* end) {
  size_t q = p;
  if (IsAsciiAlpha(s[p])) {
    int m = ReadMonth(s, &q);
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
  if (q >= s.size() || !IsAsciiAlpha(s[q])) return false;
  int m = ReadMonth(s, &q);
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

int WeekdayFromName(std::string_view lower) {
  static constexpr std::string_view kNames[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (lower == kNames[i]) return i;
  }
  return -1;
}

int MonthFromName(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3 || word.size() > 9) return 0;
  // Every month name starts with one of these letters.
  switch (AsciiToLower(word[0])) {
    case 'a':
    case 'd':
    case 'f':
    case 'j':
    case 'm':
    case 'n':
    case 'o':
    case 's':
      break;
    default:
      return 0;
  }
  for (const MonthName& m : kMonths) {
    if (EqualsIgnoreAsciiCase(word, m.name)) return m.month;
  }
  return 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

bool FindFullDate(std::string_view text, CivilDate* date, size_t* begin, size_t* end) {
  for (size_t p = 0; p < text.size(); ++p) {
    char c = text[p];
    // Dates start with a digit or a month name (A, D, F, J, M, N, O, S).
    const char lc = AsciiToLower(c);
    const bool month_initial = lc == 'a' || lc == 'd' || lc == 'f' || lc == 'j' || lc == 'm' ||
                               lc == 'n' || lc == 'o' || lc == 's';
    if (!(month_initial || IsAsciiDigit(c)) || !WordStart(text, p)) continue;
    size_t e = 0;
    CivilDate d;
    if (DateAt(text, p, &d, &e)) {
      *date = d;
      *begin = p;
      *end = e;
      return true;
    }
  }
  return false;
}

bool ParseDate(std::string_view text, CivilDate* date) {
  text = TrimWhitespace(text);
  if (text.empty()) return false;
  size_t e = 0;
  CivilDate d;
  if (!DateAt(text, 0, &d, &e)) return false;
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
