// Sorted ranges: what two sorted sets share.
#ifndef DOSSIER_UTIL_SORTED_H_
#define DOSSIER_UTIL_SORTED_H_

#include <cstddef>

namespace dossier {

// The number of elements two sorted, duplicate-free ranges have in common
// (vectors of words, ids or hashes), in one merge pass.
template <typename A, typename B>
size_t CountCommonSorted(const A& a, const B& b) {
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return common;
}

}  // namespace dossier

#endif  // DOSSIER_UTIL_SORTED_H_
