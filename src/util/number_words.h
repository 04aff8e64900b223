// English cardinal number words, one table for every stage that reads them
// (the figure scanner, the time expressions).
#ifndef DOSSIER_UTIL_NUMBER_WORDS_H_
#define DOSSIER_UTIL_NUMBER_WORDS_H_

#include <string_view>

namespace dossier {

struct NumberWord {
  std::string_view word;
  double value;
};

// "one" .. "twenty", then the tens to "ninety"; scales ("hundred",
// "million") are the figure scanner's.
inline constexpr NumberWord kCardinalWords[] = {
    {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
    {"eighty", 80},  {"ninety", 90},
};

// The value of a cardinal word in lower case ("seven" -> 7), or -1.
inline int CardinalValue(std::string_view lower) {
  for (const NumberWord& n : kCardinalWords) {
    if (lower == n.word) return static_cast<int>(n.value);
  }
  return -1;
}

}  // namespace dossier

#endif  // DOSSIER_UTIL_NUMBER_WORDS_H_
