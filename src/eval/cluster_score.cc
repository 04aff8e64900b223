#include "dossier/cluster_score.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace dossier::eval {
namespace {

uint64_t Choose2(uint64_t n) { return n < 2 ? 0 : n * (n - 1) / 2; }

// 1 when the denominator is 0 (see the header's conventions).
double Ratio(double num, double den) { return den == 0 ? 1.0 : num / den; }

double F1(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

// Renames arbitrary labels to 0..k-1 in order of first appearance; returns k.
uint32_t Densify(std::span<const uint32_t> labels, std::vector<uint32_t>& dense) {
  std::unordered_map<uint32_t, uint32_t> ids;
  ids.reserve(labels.size());
  dense.resize(labels.size());
  for (size_t k = 0; k < labels.size(); ++k) {
    auto [it, added] = ids.try_emplace(labels[k], static_cast<uint32_t>(ids.size()));
    dense[k] = it->second;
  }
  return static_cast<uint32_t>(ids.size());
}

}  // namespace

std::vector<uint32_t> LabelIds(std::span<const std::string> labels) {
  std::unordered_map<std::string_view, uint32_t> ids;
  ids.reserve(labels.size());
  std::vector<uint32_t> out(labels.size());
  for (size_t k = 0; k < labels.size(); ++k) {
    auto [it, added] = ids.try_emplace(labels[k], static_cast<uint32_t>(ids.size()));
    out[k] = it->second;
  }
  return out;
}

Result<ClusterScores> ScoreClusters(std::span<const uint32_t> gold,
                                    std::span<const uint32_t> predicted) {
  if (gold.size() != predicted.size()) {
    return Status(StatusCode::kInvalidArgument,
                  "cluster labelings differ in length: " + std::to_string(gold.size()) + " gold, " +
                      std::to_string(predicted.size()) + " predicted");
  }
  const size_t n = gold.size();
  ClusterScores s;
  s.items = n;
  if (n == 0) return s;

  std::vector<uint32_t> g;
  std::vector<uint32_t> p;
  const uint32_t num_gold = Densify(gold, g);
  const uint32_t num_pred = Densify(predicted, p);
  s.gold_clusters = num_gold;
  s.predicted_clusters = num_pred;

  std::vector<uint64_t> gold_size(num_gold, 0);
  std::vector<uint64_t> pred_start(num_pred + 1, 0);
  for (size_t k = 0; k < n; ++k) {
    ++gold_size[g[k]];
    ++pred_start[p[k] + 1];
  }
  for (uint64_t size : gold_size) {
    s.pairs.same_gold += Choose2(size);
    s.gold_singletons += size == 1;
  }
  for (uint32_t i = 0; i < num_pred; ++i) pred_start[i + 1] += pred_start[i];

  // Items grouped by predicted cluster (counting sort), so each row of the
  // contingency table is counted with one dense counter array and reset after.
  std::vector<uint32_t> gold_of_item_by_pred(n);
  {
    std::vector<uint64_t> next(pred_start.begin(), pred_start.end() - 1);
    for (size_t k = 0; k < n; ++k) gold_of_item_by_pred[next[p[k]]++] = g[k];
  }
  std::vector<uint64_t> cell(num_gold, 0);
  std::vector<uint32_t> touched;
  double bcubed_precision_sum = 0;
  double bcubed_recall_sum = 0;
  for (uint32_t i = 0; i < num_pred; ++i) {
    const uint64_t size = pred_start[i + 1] - pred_start[i];
    s.pairs.same_predicted += Choose2(size);
    s.predicted_singletons += size == 1;
    touched.clear();
    for (uint64_t k = pred_start[i]; k < pred_start[i + 1]; ++k) {
      const uint32_t j = gold_of_item_by_pred[k];
      if (cell[j]++ == 0) touched.push_back(j);
    }
    uint64_t squares = 0;
    for (uint32_t j : touched) {
      const uint64_t nij = cell[j];
      s.pairs.same_both += Choose2(nij);
      squares += nij * nij;
      bcubed_recall_sum += static_cast<double>(nij * nij) / static_cast<double>(gold_size[j]);
      cell[j] = 0;
    }
    bcubed_precision_sum += static_cast<double>(squares) / static_cast<double>(size);
  }

  s.pairwise_precision =
      Ratio(static_cast<double>(s.pairs.same_both), static_cast<double>(s.pairs.same_predicted));
  s.pairwise_recall =
      Ratio(static_cast<double>(s.pairs.same_both), static_cast<double>(s.pairs.same_gold));
  s.pairwise_f1 = F1(s.pairwise_precision, s.pairwise_recall);
  s.bcubed_precision = bcubed_precision_sum / static_cast<double>(n);
  s.bcubed_recall = bcubed_recall_sum / static_cast<double>(n);
  s.bcubed_f1 = F1(s.bcubed_precision, s.bcubed_recall);
  return s;
}

Result<ClusterScores> ScoreClusters(std::span<const std::string> gold,
                                    std::span<const std::string> predicted) {
  const std::vector<uint32_t> g = LabelIds(gold);
  const std::vector<uint32_t> p = LabelIds(predicted);
  return ScoreClusters(std::span<const uint32_t>(g), std::span<const uint32_t>(p));
}

Result<ContentOracle> ContentOracleLabels(std::span<const uint32_t> gold,
                                          std::span<const uint64_t> text_keys,
                                          std::span<const std::vector<uint64_t>> terms) {
  const size_t n = gold.size();
  if (text_keys.size() != n || terms.size() != n) {
    return Status(StatusCode::kInvalidArgument,
                  "content oracle: " + std::to_string(n) + " gold labels, " +
                      std::to_string(text_keys.size()) + " text keys and " +
                      std::to_string(terms.size()) + " term lists");
  }
  uint32_t next = 0;
  for (uint32_t g : gold) next = std::max(next, g + 1);

  // Text keys met in two or more gold clusters; their items stand alone.
  std::unordered_map<uint64_t, uint32_t> first_gold;  // key -> gold label of its first item
  std::unordered_set<uint64_t> spread;
  for (size_t k = 0; k < n; ++k) {
    auto [it, inserted] = first_gold.emplace(text_keys[k], gold[k]);
    if (!inserted && it->second != gold[k]) spread.insert(text_keys[k]);
  }
  ContentOracle out;
  out.copies_apart.assign(gold.begin(), gold.end());
  std::vector<char> copied(n, 0);
  for (size_t k = 0; k < n; ++k) {
    if (!spread.contains(text_keys[k])) continue;
    copied[k] = 1;
    out.copies_apart[k] = next++;
  }

  // The other items of each gold cluster; an item sharing no term with any
  // of them stands alone.
  out.unmatched_apart = out.copies_apart;
  std::vector<uint32_t> dense;
  const uint32_t clusters = Densify(gold, dense);
  std::vector<std::vector<uint32_t>> members(clusters);
  for (size_t k = 0; k < n; ++k) {
    if (!copied[k]) members[dense[k]].push_back(static_cast<uint32_t>(k));
  }
  auto share = [&](uint32_t a, uint32_t b) {
    const std::vector<uint64_t>& x = terms[a];
    const std::vector<uint64_t>& y = terms[b];
    size_t i = 0, j = 0;
    while (i < x.size() && j < y.size()) {
      if (x[i] == y[j]) return true;
      x[i] < y[j] ? ++i : ++j;
    }
    return false;
  };
  for (const std::vector<uint32_t>& m : members) {
    if (m.size() < 2) continue;  // alone already
    for (uint32_t a : m) {
      const bool matched =
          std::any_of(m.begin(), m.end(), [&](uint32_t b) { return b != a && share(a, b); });
      if (!matched) out.unmatched_apart[a] = next++;
    }
  }
  return out;
}

}  // namespace dossier::eval
