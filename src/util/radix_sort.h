// RadixSortByKey: sorts by an unsigned 64-bit key with an LSD radix sort
// (eight passes of one byte each, stable). Sorting hashes with std::sort
// mispredicts about every other comparison; this has no data-dependent
// branches, so it wins from a few hundred elements up. Shorter ranges go to
// std::sort.
//
//   RadixSortByKey(&terms, [](const Term& t) { return t.hash; });
//   RadixSortByKey(&hashes, [](uint64_t h) { return h; });
#ifndef DOSSIER_UTIL_RADIX_SORT_H_
#define DOSSIER_UTIL_RADIX_SORT_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace dossier {

inline constexpr size_t kRadixSortMin = 128;  // below: std::sort

template <typename T, typename Key>
void RadixSortByKey(std::vector<T>* v, Key key) {
  const size_t n = v->size();
  if (n < kRadixSortMin) {
    std::sort(v->begin(), v->end(), [&](const T& a, const T& b) { return key(a) < key(b); });
    return;
  }
  // All eight histograms in one pass over the data.
  std::array<std::array<uint32_t, 256>, 8> counts{};
  for (const T& x : *v) {
    const uint64_t k = key(x);
    for (int d = 0; d < 8; ++d) ++counts[d][(k >> (8 * d)) & 0xFF];
  }
  std::vector<T> buffer(n);
  std::vector<T>* from = v;
  std::vector<T>* to = &buffer;
  for (int d = 0; d < 8; ++d) {
    std::array<uint32_t, 256>& c = counts[d];
    // A digit every key shares orders nothing: skip its pass.
    if (c[(key((*from)[0]) >> (8 * d)) & 0xFF] == n) continue;
    uint32_t sum = 0;
    for (uint32_t& x : c) {
      const uint32_t here = x;
      x = sum;
      sum += here;
    }
    for (const T& x : *from) (*to)[c[(key(x) >> (8 * d)) & 0xFF]++] = x;
    std::swap(from, to);
  }
  if (from != v) *v = std::move(*from);
}

}  // namespace dossier

#endif  // DOSSIER_UTIL_RADIX_SORT_H_
