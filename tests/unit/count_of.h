// CountOf: how many times `needle` occurs in `haystack` (overlaps counted),
// for tests that check a rendered page holds a tag exactly so many times.
#ifndef DOSSIER_TESTS_UNIT_COUNT_OF_H_
#define DOSSIER_TESTS_UNIT_COUNT_OF_H_

#include <cstddef>
#include <string_view>

namespace dossier {

inline size_t CountOf(std::string_view haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace dossier

#endif  // DOSSIER_TESTS_UNIT_COUNT_OF_H_
