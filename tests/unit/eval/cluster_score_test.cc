#include "dossier/cluster_score.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace dossier::eval {
namespace {

using Labels = std::vector<uint32_t>;

ClusterScores Score(const Labels& gold, const Labels& predicted) {
  Result<ClusterScores> s = ScoreClusters(gold, predicted);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? *s : ClusterScores{};
}

void ExpectAllOne(const ClusterScores& s) {
  EXPECT_EQ(s.pairwise_precision, 1.0);
  EXPECT_EQ(s.pairwise_recall, 1.0);
  EXPECT_EQ(s.pairwise_f1, 1.0);
  EXPECT_DOUBLE_EQ(s.bcubed_precision, 1.0);
  EXPECT_DOUBLE_EQ(s.bcubed_recall, 1.0);
  EXPECT_DOUBLE_EQ(s.bcubed_f1, 1.0);
}

// ---- Edge cases and the 0/0 convention -------------------------------------

TEST(ScoreClusters, IdenticalLabelingsScoreOne) {
  const Labels labels = {7, 7, 7, 3, 3, 9, 42, 42, 42, 42};
  ClusterScores s = Score(labels, labels);
  ExpectAllOne(s);
  EXPECT_EQ(s.items, 10u);
  EXPECT_EQ(s.gold_clusters, 4u);
  EXPECT_EQ(s.predicted_clusters, 4u);
  EXPECT_EQ(s.gold_singletons, 1u);
  EXPECT_EQ(s.predicted_singletons, 1u);
  EXPECT_EQ(s.pairs, (PairCounts{3 + 1 + 6, 10, 10}));
}

TEST(ScoreClusters, IdenticalAllSingletonsScoreOneByConvention) {
  // No pairs on either side: 0/0 precision and recall are 1.
  const Labels labels = {0, 1, 2, 3, 4};
  ClusterScores s = Score(labels, labels);
  ExpectAllOne(s);
  EXPECT_EQ(s.pairs, (PairCounts{0, 0, 0}));
  EXPECT_EQ(s.gold_singletons, 5u);
  EXPECT_EQ(s.predicted_singletons, 5u);
}

TEST(ScoreClusters, EmptyInputScoresOne) {
  ClusterScores s = Score({}, {});
  ExpectAllOne(s);
  EXPECT_EQ(s.items, 0u);
  EXPECT_EQ(s.gold_clusters, 0u);
  EXPECT_EQ(s.predicted_clusters, 0u);
}

TEST(ScoreClusters, LengthMismatchIsAnError) {
  Result<ClusterScores> s = ScoreClusters(Labels{1, 2, 3}, Labels{1, 2});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
}

// Gold: {a a a} {b b} {c}, six items.
const Labels kGold6 = {0, 0, 0, 1, 1, 2};

TEST(ScoreClusters, AllInOnePredictedCluster) {
  ClusterScores s = Score(kGold6, {5, 5, 5, 5, 5, 5});
  EXPECT_EQ(s.pairs, (PairCounts{3 + 1, 15, 3 + 1}));
  EXPECT_DOUBLE_EQ(s.pairwise_precision, 4.0 / 15);
  EXPECT_DOUBLE_EQ(s.pairwise_recall, 1.0);
  EXPECT_DOUBLE_EQ(s.pairwise_f1, 2.0 * 4 / (15 + 4));
  // Each item: precision = |its gold cluster| / 6; (3*3 + 2*2 + 1*1) / 36.
  EXPECT_DOUBLE_EQ(s.bcubed_precision, 14.0 / 36);
  EXPECT_DOUBLE_EQ(s.bcubed_recall, 1.0);
  EXPECT_DOUBLE_EQ(s.bcubed_f1, 2 * (14.0 / 36) / (14.0 / 36 + 1));
  EXPECT_EQ(s.gold_clusters, 3u);
  EXPECT_EQ(s.gold_singletons, 1u);
  EXPECT_EQ(s.predicted_clusters, 1u);
  EXPECT_EQ(s.predicted_singletons, 0u);
}

TEST(ScoreClusters, AllSingletonsPredictedHasPrecisionOneRecallZero) {
  // No predicted pairs: pairwise precision is 1 by convention (no wrong pair
  // claimed), recall 0 (4 gold pairs missed), F1 0.
  ClusterScores s = Score(kGold6, {10, 11, 12, 13, 14, 15});
  EXPECT_EQ(s.pairs, (PairCounts{0, 0, 4}));
  EXPECT_EQ(s.pairwise_precision, 1.0);
  EXPECT_EQ(s.pairwise_recall, 0.0);
  EXPECT_EQ(s.pairwise_f1, 0.0);
  // B-cubed recall per item is 1 / |gold cluster|: (3 * 1/3 + 2 * 1/2 + 1) / 6.
  EXPECT_DOUBLE_EQ(s.bcubed_precision, 1.0);
  EXPECT_DOUBLE_EQ(s.bcubed_recall, 0.5);
  EXPECT_DOUBLE_EQ(s.bcubed_f1, 2 * 0.5 / 1.5);
  EXPECT_EQ(s.predicted_clusters, 6u);
  EXPECT_EQ(s.predicted_singletons, 6u);
}

TEST(ScoreClusters, GoldAllSingletonsPredictedOneClusterHasRecallOnePrecisionZero) {
  ClusterScores s = Score({0, 1, 2, 3}, {0, 0, 0, 0});
  EXPECT_EQ(s.pairs, (PairCounts{0, 6, 0}));
  EXPECT_EQ(s.pairwise_precision, 0.0);
  EXPECT_EQ(s.pairwise_recall, 1.0);
  EXPECT_EQ(s.pairwise_f1, 0.0);
  EXPECT_DOUBLE_EQ(s.bcubed_precision, 0.25);
  EXPECT_DOUBLE_EQ(s.bcubed_recall, 1.0);
}

// ---- A textbook example ----------------------------------------------------

// Manning, Raghavan & Schütze, Introduction to Information Retrieval, fig. 16.4
// (17 items; gold classes x, o, d):
//   cluster 1: x x x x x o    cluster 2: x o o o o d    cluster 3: x x d d d
// The book gives TP = 20, FP = 20, FN = 24 (so P = 0.5, R = 20/44, F1 = 10/21).
TEST(ScoreClusters, ManningFigure16_4) {
  enum : uint32_t { x, o, d };
  const Labels gold = {x, x, x, x, x, o, x, o, o, o, o, d, x, x, d, d, d};
  const Labels predicted = {1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3};
  ClusterScores s = Score(gold, predicted);
  EXPECT_EQ(s.pairs.same_both, 20u);
  EXPECT_EQ(s.pairs.same_predicted, 40u);  // TP + FP
  EXPECT_EQ(s.pairs.same_gold, 44u);       // TP + FN
  EXPECT_DOUBLE_EQ(s.pairwise_precision, 0.5);
  EXPECT_DOUBLE_EQ(s.pairwise_recall, 20.0 / 44);
  EXPECT_DOUBLE_EQ(s.pairwise_f1, 10.0 / 21);
  // B-cubed by hand: precision = (1/17)(26/6 + 18/6 + 13/5) = 149/255,
  // recall = (1/17)(30/8 + 17/5 + 10/4) = 193/340, F1 = 57514/99875.
  EXPECT_DOUBLE_EQ(s.bcubed_precision, 149.0 / 255);
  EXPECT_DOUBLE_EQ(s.bcubed_recall, 193.0 / 340);
  EXPECT_DOUBLE_EQ(s.bcubed_f1, 57514.0 / 99875);
  EXPECT_EQ(s.gold_clusters, 3u);
  EXPECT_EQ(s.predicted_clusters, 3u);
  EXPECT_EQ(s.gold_singletons, 0u);
  EXPECT_EQ(s.predicted_singletons, 0u);

  // String ids give the same scores.
  std::vector<std::string> gold_ids;
  std::vector<std::string> predicted_ids;
  for (uint32_t c : gold) gold_ids.push_back(std::string(1, "xod"[c]));
  for (uint32_t c : predicted) predicted_ids.push_back("story-" + std::to_string(c));
  Result<ClusterScores> t = ScoreClusters(gold_ids, predicted_ids);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->pairs, s.pairs);
  EXPECT_EQ(t->bcubed_f1, s.bcubed_f1);
}

// ---- Invariances -----------------------------------------------------------

TEST(ScoreClusters, InvariantUnderRenamingAndReorderingAndSwapsPrecisionWithRecall) {
  std::mt19937 rng(7);
  Labels gold(500);
  Labels predicted(500);
  for (size_t k = 0; k < gold.size(); ++k) {
    gold[k] = rng() % 40;
    predicted[k] = (rng() % 4 == 0) ? rng() % 60 : gold[k] / 2;
  }
  const ClusterScores base = Score(gold, predicted);

  // Renaming clusters (any injective map) changes nothing.
  Labels renamed_gold = gold;
  Labels renamed_predicted = predicted;
  for (uint32_t& l : renamed_gold) l = l * 2654435761u + 12345u;
  for (uint32_t& l : renamed_predicted) l = 0xFFFFFFFFu - l;
  const ClusterScores renamed = Score(renamed_gold, renamed_predicted);
  EXPECT_EQ(renamed.pairs, base.pairs);
  EXPECT_EQ(renamed.pairwise_f1, base.pairwise_f1);
  EXPECT_DOUBLE_EQ(renamed.bcubed_precision, base.bcubed_precision);
  EXPECT_DOUBLE_EQ(renamed.bcubed_recall, base.bcubed_recall);
  EXPECT_EQ(renamed.gold_clusters, base.gold_clusters);
  EXPECT_EQ(renamed.predicted_singletons, base.predicted_singletons);

  // Reordering the items changes nothing (up to float summation order).
  std::vector<size_t> order(gold.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::shuffle(order.begin(), order.end(), rng);
  Labels shuffled_gold;
  Labels shuffled_predicted;
  for (size_t k : order) {
    shuffled_gold.push_back(gold[k]);
    shuffled_predicted.push_back(predicted[k]);
  }
  const ClusterScores shuffled = Score(shuffled_gold, shuffled_predicted);
  EXPECT_EQ(shuffled.pairs, base.pairs);
  EXPECT_NEAR(shuffled.bcubed_precision, base.bcubed_precision, 1e-12);
  EXPECT_NEAR(shuffled.bcubed_recall, base.bcubed_recall, 1e-12);

  // Swapping the roles swaps precision and recall.
  const ClusterScores swapped = Score(predicted, gold);
  EXPECT_EQ(swapped.pairs.same_predicted, base.pairs.same_gold);
  EXPECT_EQ(swapped.pairs.same_gold, base.pairs.same_predicted);
  EXPECT_EQ(swapped.pairwise_precision, base.pairwise_recall);
  EXPECT_EQ(swapped.pairwise_recall, base.pairwise_precision);
  EXPECT_NEAR(swapped.bcubed_precision, base.bcubed_recall, 1e-12);
  EXPECT_NEAR(swapped.bcubed_recall, base.bcubed_precision, 1e-12);
  EXPECT_EQ(swapped.gold_clusters, base.predicted_clusters);
}

// ---- Scale: O(N) counts against brute force --------------------------------

struct BruteForce {
  PairCounts pairs;
  double bcubed_precision = 0;
  double bcubed_recall = 0;
};

// O(n^2) over all pairs and, per item, over all items.
BruteForce BruteForceScore(const Labels& gold, const Labels& predicted) {
  BruteForce b;
  const size_t n = gold.size();
  for (size_t a = 0; a < n; ++a) {
    uint64_t in_pred = 0;
    uint64_t in_gold = 0;
    uint64_t in_both = 0;
    for (size_t c = 0; c < n; ++c) {
      const bool same_pred = predicted[a] == predicted[c];
      const bool same_gold = gold[a] == gold[c];
      in_pred += same_pred;
      in_gold += same_gold;
      in_both += same_pred && same_gold;
      if (c > a) {
        b.pairs.same_predicted += same_pred;
        b.pairs.same_gold += same_gold;
        b.pairs.same_both += same_pred && same_gold;
      }
    }
    b.bcubed_precision += static_cast<double>(in_both) / static_cast<double>(in_pred);
    b.bcubed_recall += static_cast<double>(in_both) / static_cast<double>(in_gold);
  }
  b.bcubed_precision /= static_cast<double>(n);
  b.bcubed_recall /= static_cast<double>(n);
  return b;
}

// Sum of C(run length, 2) over runs of equal keys after sorting: an independent
// O(N log N) pair count.
template <typename Key>
uint64_t SortedPairs(std::vector<Key> keys) {
  std::sort(keys.begin(), keys.end());
  uint64_t pairs = 0;
  for (size_t a = 0; a < keys.size();) {
    size_t c = a;
    while (c < keys.size() && keys[c] == keys[a]) ++c;
    const uint64_t run = c - a;
    pairs += run * (run - 1) / 2;
    a = c;
  }
  return pairs;
}

TEST(ScoreClusters, LargeRandomCountsMatchBruteForceOnSubsetAndSortingOnAll) {
  constexpr size_t kItems = 200'000;
  constexpr size_t kSubset = 2'000;
  std::mt19937 rng(20260101);
  Labels gold(kItems);
  Labels predicted(kItems);
  for (size_t k = 0; k < kItems; ++k) {
    // Skewed gold sizes; predictions split, merge and scatter gold clusters.
    const uint32_t g = (rng() % 3 == 0) ? rng() % 100 : rng() % 30'000;
    gold[k] = g * 2654435761u;  // arbitrary, sparse label values
    switch (rng() % 5) {
      case 0:
        predicted[k] = rng();
        break;  // scattered
      case 1:
        predicted[k] = g / 3;
        break;  // merged
      default:
        predicted[k] = g * 2 + (rng() % 2);
        break;  // split
    }
  }

  // A subset small enough for brute force; taken as a contiguous slice of the
  // stream, it keeps many shared clusters among the 100 large gold ones.
  const Labels sub_gold(gold.begin(), gold.begin() + kSubset);
  const Labels sub_predicted(predicted.begin(), predicted.begin() + kSubset);
  const ClusterScores sub = Score(sub_gold, sub_predicted);
  const BruteForce brute = BruteForceScore(sub_gold, sub_predicted);
  EXPECT_EQ(sub.pairs, brute.pairs);
  EXPECT_GT(brute.pairs.same_both, 100u);  // the check is not vacuous
  EXPECT_NEAR(sub.bcubed_precision, brute.bcubed_precision, 1e-12);
  EXPECT_NEAR(sub.bcubed_recall, brute.bcubed_recall, 1e-12);

  // All 200,000 items: pair counts equal an independent sort-based count.
  const ClusterScores all = Score(gold, predicted);
  std::vector<std::pair<uint32_t, uint32_t>> cells(kItems);
  for (size_t k = 0; k < kItems; ++k) cells[k] = {predicted[k], gold[k]};
  EXPECT_EQ(all.pairs.same_gold, SortedPairs(gold));
  EXPECT_EQ(all.pairs.same_predicted, SortedPairs(predicted));
  EXPECT_EQ(all.pairs.same_both, SortedPairs(cells));
  EXPECT_GT(all.pairs.same_both, 1'000'000u);
  EXPECT_GT(all.pairwise_f1, 0.0);
  EXPECT_LT(all.pairwise_f1, 1.0);
}

TEST(ScoreClusters, PairCountsDoNotOverflowAt200kItems) {
  constexpr uint64_t kItems = 200'000;
  Labels gold(kItems);
  for (uint64_t k = 0; k < kItems; ++k) gold[k] = static_cast<uint32_t>(k % 2);
  const ClusterScores s = Score(gold, Labels(kItems, 0));
  EXPECT_EQ(s.pairs.same_predicted, kItems * (kItems - 1) / 2);  // 19,999,900,000
  EXPECT_EQ(s.pairs.same_gold, 2 * (kItems / 2) * (kItems / 2 - 1) / 2);
  EXPECT_EQ(s.pairs.same_both, s.pairs.same_gold);
  EXPECT_DOUBLE_EQ(s.pairwise_recall, 1.0);
  EXPECT_NEAR(s.pairwise_precision, 0.5, 1e-5);
  EXPECT_DOUBLE_EQ(s.bcubed_precision, 0.5);
}

using Terms = std::vector<std::vector<uint64_t>>;

ContentOracle Oracle(const Labels& gold, const std::vector<uint64_t>& keys, const Terms& terms) {
  Result<ContentOracle> o = ContentOracleLabels(gold, keys, terms);
  EXPECT_TRUE(o.ok()) << o.status().message();
  return o.ok() ? *o : ContentOracle{};
}

TEST(ContentOracle, CopiesSpanningGoldClustersStandAlone) {
  // Items 1 and 4 are the same notice, in gold clusters 7 and 9; items 2 and 3
  // are one text twice inside cluster 9, which text can still place.
  const Labels gold = {7, 7, 9, 9, 9, 7};
  const std::vector<uint64_t> keys = {10, 99, 20, 20, 99, 30};
  const Terms terms = {{1, 2}, {5}, {2, 3}, {2, 3}, {5}, {1}};
  const ContentOracle o = Oracle(gold, keys, terms);
  EXPECT_EQ(o.copies_apart, (Labels{7, 10, 9, 9, 11, 7}));
  EXPECT_EQ(o.unmatched_apart, o.copies_apart);  // every other item shares a term
  const ClusterScores s = Score(gold, o.copies_apart);
  // Gold pairs: C(3,2) + C(3,2) = 6; kept: (0,5) and (2,3), nothing wrong.
  EXPECT_EQ(s.pairs.same_gold, 6u);
  EXPECT_EQ(s.pairs.same_both, 2u);
  EXPECT_EQ(s.pairwise_precision, 1.0);
}

TEST(ContentOracle, ItemSharingNoTermWithItsClusterStandsAlone) {
  // Cluster 0: items 0 and 1 share term 4, item 2 shares nothing (chained
  // clustering could not reach it either: no term at all in common).
  // Cluster 1: a single item, already alone; cluster 2: item 5 has no terms.
  const Labels gold = {0, 0, 0, 1, 2, 2};
  const std::vector<uint64_t> keys = {1, 2, 3, 4, 5, 6};
  const Terms terms = {{3, 4}, {4, 8}, {5, 9}, {1}, {2}, {}};
  const ContentOracle o = Oracle(gold, keys, terms);
  EXPECT_EQ(o.copies_apart, gold);
  EXPECT_EQ(o.unmatched_apart, (Labels{0, 0, 3, 1, 4, 5}));
  const ClusterScores s = Score(gold, o.unmatched_apart);
  EXPECT_EQ(s.pairwise_precision, 1.0);
  EXPECT_EQ(s.pairs.same_both, 1u);  // of C(3,2) + C(2,2) = 4 gold pairs
}

TEST(ContentOracle, CopiesAreLeftOutWhenLookingForATermInCommon) {
  // Item 1 shares term 6 only with item 0, a copy set apart: it is unmatched.
  const Labels gold = {0, 0, 0, 1};
  const std::vector<uint64_t> keys = {50, 2, 3, 50};
  const Terms terms = {{6}, {6, 7}, {8}, {6}};
  const ContentOracle o = Oracle(gold, keys, terms);
  EXPECT_EQ(o.copies_apart, (Labels{2, 0, 0, 3}));
  EXPECT_EQ(o.unmatched_apart, (Labels{2, 4, 5, 3}));
}

TEST(ContentOracle, LengthMismatchIsAnError) {
  const Result<ContentOracle> o =
      ContentOracleLabels(Labels{0, 1}, std::vector<uint64_t>{1}, Terms{{}, {}});
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dossier::eval
