// How well a clustering recovers the gold clusters: pairwise and B-cubed
// precision, recall and F1, as corpus mode's clustering benchmark reports them.
//
//   std::vector<uint32_t> gold = LabelIds(gold_story_ids);       // any string ids
//   std::vector<uint32_t> predicted = LabelIds(predicted_story_ids);
//   Result<ClusterScores> s = ScoreClusters(gold, predicted);    // same length, or an error
//   print(s->pairwise_f1, s->bcubed_f1, s->gold_clusters, ...);
//
// Input: two labelings of the same N items, item k being in gold cluster gold[k]
// and predicted cluster predicted[k]. Label values are arbitrary (not necessarily
// dense or ordered); only equality matters, so renaming the clusters of either
// side, or reordering the items, leaves every score unchanged.
//
// The metrics, with n_ij the number of items in predicted cluster i and gold
// cluster j (the contingency table), n_i = sum_j n_ij the size of predicted cluster
// i, n_j = sum_i n_ij the size of gold cluster j, and C(n,2) = n(n-1)/2:
//   Pairwise: a pair of distinct items is positive on a side when both items share
//   a cluster on that side.
//     same_both      = sum_ij C(n_ij,2)   pairs together in both (true positives)
//     same_predicted = sum_i  C(n_i,2)    pairs together in the prediction
//     same_gold      = sum_j  C(n_j,2)    pairs together in the gold
//     precision = same_both / same_predicted, recall = same_both / same_gold,
//     F1 = 2 P R / (P + R) (equal to 2 same_both / (same_predicted + same_gold)).
//   B-cubed (Bagga & Baldwin 1998; Amigó et al. 2009), per item k in cell ij:
//     precision(k) = n_ij / n_i, recall(k) = n_ij / n_j, each averaged over the N
//     items, so P = (1/N) sum_ij n_ij^2 / n_i and R = (1/N) sum_ij n_ij^2 / n_j.
//     F1 is the harmonic mean of those two averages (not an average of per-item F1s).
// Everything is computed from the contingency table in O(N) time and memory, never
// over the O(N^2) pairs. Counts are 64-bit: 200,000 items have ~2e10 pairs.
//
// Conventions for 0/0: a ratio with a zero denominator is 1 (no predicted pairs,
// e.g. all predicted singletons, means no wrong pair was claimed: pairwise
// precision 1; no gold pairs means none was missed: pairwise recall 1); F1 is 0
// when P + R = 0. So identical labelings always score 1 everywhere, even when all
// clusters are singletons, and N = 0 scores 1 everywhere.
//
// Thread safety: pure functions, no shared state.
#ifndef DOSSIER_CLUSTER_SCORE_H_
#define DOSSIER_CLUSTER_SCORE_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "dossier/status.h"

namespace dossier::eval {

// The pair counts of the contingency table (see the header comment).
struct PairCounts {
  uint64_t same_both = 0;       // sum_ij C(n_ij,2)
  uint64_t same_predicted = 0;  // sum_i C(n_i,2)
  uint64_t same_gold = 0;       // sum_j C(n_j,2)
  bool operator==(const PairCounts&) const = default;
};

struct ClusterScores {
  uint64_t items = 0;
  uint64_t gold_clusters = 0;
  uint64_t predicted_clusters = 0;
  uint64_t gold_singletons = 0;       // gold clusters of one item
  uint64_t predicted_singletons = 0;  // predicted clusters of one item
  PairCounts pairs;
  double pairwise_precision = 1.0;
  double pairwise_recall = 1.0;
  double pairwise_f1 = 1.0;
  double bcubed_precision = 1.0;
  double bcubed_recall = 1.0;
  double bcubed_f1 = 1.0;
};

// Maps string cluster ids to dense integers 0, 1, 2... in order of first
// appearance (equal strings, equal integers).
std::vector<uint32_t> LabelIds(std::span<const std::string> labels);

// Scores `predicted` against `gold`. kInvalidArgument when the lengths differ.
Result<ClusterScores> ScoreClusters(std::span<const uint32_t> gold,
                                    std::span<const uint32_t> predicted);

// The same over string cluster ids.
Result<ClusterScores> ScoreClusters(std::span<const std::string> gold,
                                    std::span<const std::string> predicted);

// Reference labelings for a clustering benchmark: the gold clusters as the
// best clusterer that reads only the text could return them. Scoring them
// with ScoreClusters shows what the data leaves within reach.
//   copies_apart: each item whose text key also occurs in another gold
//     cluster is a cluster of one. The text cannot tell which cluster such a
//     copy belongs to (a web notice captured instead of an article), and
//     grouping the copies would only add wrong pairs.
//   unmatched_apart: the same, and each other item that shares no term with
//     any other such item of its gold cluster is a cluster of one: word
//     overlap cannot place it (only a chain through a third item could).
// Inputs, per item: its gold label, a key equal for equal texts, and its
// terms (any hashes) sorted ascending. New clusters get labels above the
// largest gold label. Cost: linear in the items plus, per gold cluster of n
// items, n^2 sorted-list intersections. kInvalidArgument when the lengths
// differ.
struct ContentOracle {
  std::vector<uint32_t> copies_apart;
  std::vector<uint32_t> unmatched_apart;
};
Result<ContentOracle> ContentOracleLabels(std::span<const uint32_t> gold,
                                          std::span<const uint64_t> text_keys,
                                          std::span<const std::vector<uint64_t>> terms);

}  // namespace dossier::eval

#endif  // DOSSIER_CLUSTER_SCORE_H_
