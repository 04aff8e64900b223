#include "cluster/recent.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace dossier {
namespace {

// The signature of a text of 40 made-up words, numbered from `seed`: texts
// with the same seed are copies, different seeds share nothing.
NearDuplicateIndex::Signature Text(uint64_t seed, const NearDuplicateOptions& options) {
  std::vector<uint64_t> words;
  for (uint64_t w = 0; w < 40; ++w) words.push_back(seed * 1000003ULL + w * 7919ULL + 1);
  return NearDuplicateIndex::ComputeSignature(words, options);
}

using Numbers = std::vector<uint32_t>;

TEST(RecentDuplicatesTest, CopiesWithinTheWindowNameTheArticlesTheyCopy) {
  NearDuplicateOptions options;
  RecentDuplicates dups(options, 4);
  EXPECT_EQ(dups.Add(Text(1, options)), Numbers{});   // 0
  EXPECT_EQ(dups.Add(Text(2, options)), Numbers{});   // 1
  EXPECT_EQ(dups.Add(Text(1, options)), Numbers{0});  // 2 copies 0
  EXPECT_EQ(dups.Add(Text(3, options)), Numbers{});   // 3
  EXPECT_EQ(dups.oldest(), 0u);
  EXPECT_EQ(dups.Add(Text(2, options)), Numbers{1});  // 4 copies 1 (older generation)
  // 5: in the older generation, 0 (2 was not indexed where 0 already was)
  EXPECT_EQ(dups.Add(Text(1, options)), Numbers{0});
  EXPECT_EQ(dups.Add(Text(2, options)), (Numbers{1, 4}));  // 6: 1 there, 4's group here
  EXPECT_EQ(dups.Add(Text(2, options)), (Numbers{1, 4}));  // 7: the newer's earliest, 4
  EXPECT_EQ(dups.size(), 8u);
  EXPECT_EQ(dups.oldest(), 0u);
  // A third generation starts: the first is forgotten.
  EXPECT_EQ(dups.Add(Text(1, options)), (Numbers{5}));  // 8
  EXPECT_EQ(dups.oldest(), 4u);
}

TEST(RecentDuplicatesTest, ACopyOfAnArticleOutOfTheWindowStartsAnew) {
  NearDuplicateOptions options;
  RecentDuplicates dups(options, 3);
  EXPECT_EQ(dups.Add(Text(1, options)), Numbers{});  // 0
  // Two generations of 3 later, article 0 is forgotten.
  for (uint64_t s = 10; s < 16; ++s) EXPECT_EQ(dups.Add(Text(s, options)), Numbers{});
  EXPECT_EQ(dups.Add(Text(1, options)), Numbers{});   // 7: no recent original
  EXPECT_EQ(dups.Add(Text(1, options)), Numbers{7});  // 8 copies 7
}

TEST(RecentDuplicatesTest, SavedAndLoadedGoesOnTheSame) {
  NearDuplicateOptions options;
  RecentDuplicates a(options, 3);
  for (uint64_t s : {1, 2, 1, 3, 4, 2}) a.Add(Text(s, options));
  BinaryWriter w;
  a.Save(&w);
  RecentDuplicates b(options, 3);
  BinaryReader r(w.bytes());
  ASSERT_TRUE(b.Load(&r));
  EXPECT_TRUE(r.done());
  EXPECT_EQ(b.size(), a.size());
  EXPECT_EQ(b.oldest(), a.oldest());
  for (uint64_t s : {2, 5, 1, 3}) EXPECT_EQ(a.Add(Text(s, options)), b.Add(Text(s, options)));
  // Another window: refused.
  RecentDuplicates c(options, 4);
  BinaryReader r2(w.bytes());
  EXPECT_FALSE(c.Load(&r2));
  EXPECT_FALSE(r2.ok());
}

TEST(RecentCountsTest, CountsCarryIntoTheNewerGenerationAndOldKeysFade) {
  RecentCounts counts(16);
  counts.Increment(7);
  counts.Increment(7);
  EXPECT_EQ(counts.Get(7), 2u);
  EXPECT_EQ(counts.Get(8), 0u);
  // 16 other keys fill the first generation; 7 is still counted.
  for (uint64_t k = 100; k < 116; ++k) counts.Increment(k);
  EXPECT_EQ(counts.Get(7), 2u);
  // Met again, it carries its count into the newer generation.
  counts.Increment(7);
  EXPECT_EQ(counts.Get(7), 3u);
  // Two more generations of other keys: 100 is forgotten, 7 too.
  for (uint64_t k = 200; k < 240; ++k) counts.Increment(k);
  EXPECT_EQ(counts.Get(100), 0u);
  EXPECT_EQ(counts.Get(7), 0u);
  EXPECT_EQ(counts.Get(239), 1u);
}

TEST(RecentCountsTest, SavedAndLoadedGivesTheSameCounts) {
  RecentCounts a(16);
  for (uint64_t k = 0; k < 40; ++k) a.Increment(k % 23);
  BinaryWriter w;
  a.Save(&w);
  RecentCounts b(16);
  BinaryReader r(w.bytes());
  ASSERT_TRUE(b.Load(&r));
  for (uint64_t k = 0; k < 30; ++k) EXPECT_EQ(a.Get(k), b.Get(k)) << k;
  // Truncated: refused.
  RecentCounts c(16);
  BinaryReader r2(std::string_view(w.bytes()).substr(0, w.bytes().size() - 3));
  EXPECT_FALSE(c.Load(&r2));
}

}  // namespace
}  // namespace dossier
