#include "util/radix_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <utility>
#include <vector>

namespace dossier {
namespace {

TEST(RadixSortTest, SortsLikeStdSortAtEverySize) {
  std::mt19937_64 rng(7);
  for (size_t n : {0u, 1u, 5u, 127u, 128u, 129u, 1000u, 5000u}) {
    std::vector<uint64_t> v(n);
    for (uint64_t& x : v) x = rng();
    std::vector<uint64_t> want = v;
    std::sort(want.begin(), want.end());
    RadixSortByKey(&v, [](uint64_t x) { return x; });
    EXPECT_EQ(v, want) << n;
  }
}

TEST(RadixSortTest, StableOnEqualKeysAndSkipsSharedDigits) {
  // Keys share their high bytes (only the low byte differs): those passes
  // are skipped, the order of equal keys is kept.
  std::vector<std::pair<uint64_t, int>> v;
  for (int i = 0; i < 600; ++i) v.emplace_back(0xABCD000000000000ULL | (i * 37 % 5), i);
  RadixSortByKey(&v, [](const std::pair<uint64_t, int>& e) { return e.first; });
  for (size_t i = 1; i < v.size(); ++i) {
    ASSERT_LE(v[i - 1].first, v[i].first);
    if (v[i - 1].first == v[i].first) {
      EXPECT_LT(v[i - 1].second, v[i].second);
    }
  }
}

}  // namespace
}  // namespace dossier
