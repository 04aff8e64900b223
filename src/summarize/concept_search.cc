#include "summarize/concept_search.h"

#include <algorithm>
#include <chrono>
#include <numeric>

namespace dossier {
namespace {

class Search {
 public:
  Search(const CoverageProblem& p, const CoverageLimits& limits)
      : p_(p),
        limits_(limits),
        covered_(p.weight.size(), 0),
        start_time_(std::chrono::steady_clock::now()) {
    const size_t n = p.cost.size();
    // Items in order of value per cost on their own: good sets are found early.
    order_.resize(n);
    std::iota(order_.begin(), order_.end(), 0);
    std::vector<double> density(n);
    for (size_t i = 0; i < n; ++i) density[i] = Gain(static_cast<uint32_t>(i)) / p.cost[i];
    std::stable_sort(order_.begin(), order_.end(),
                     [&](uint32_t a, uint32_t b) { return density[a] > density[b]; });
  }

  void Run(const std::vector<uint32_t>& start) {
    best_ = start;
    best_value_ = CoverageValue(p_, start);
    Visit(0, 0, 0.0, 0);
  }

  const std::vector<uint32_t>& best() const { return best_; }
  double best_value() const { return best_value_; }
  bool complete() const { return !stopped_; }
  uint64_t nodes() const { return nodes_; }

 private:
  // What item i adds to the concepts covered now.
  double Gain(uint32_t i) const {
    double g = p_.bonus[i];
    for (uint32_t k : p_.concepts[i]) {
      if (covered_[k] == 0) g += p_.weight[k];
    }
    return g;
  }

  // An upper bound on what items order_[depth..] can add within `room`.
  double Bound(size_t depth, int room, uint64_t blocked) {
    scratch_.clear();
    for (size_t d = depth; d < order_.size(); ++d) {
      const uint32_t i = order_[d];
      if ((blocked >> i) & 1 || p_.cost[i] > room) continue;
      const double g = Gain(i);
      if (g > 0) scratch_.push_back({g / p_.cost[i], g, p_.cost[i]});
    }
    std::sort(scratch_.begin(), scratch_.end(),
              [](const Piece& a, const Piece& b) { return a.density > b.density; });
    double bound = 0;
    for (const Piece& piece : scratch_) {
      if (piece.cost <= room) {
        bound += piece.gain;
        room -= piece.cost;
      } else {
        bound += piece.density * room;
        break;
      }
    }
    return bound;
  }

  bool OutOfBudget() {
    if (stopped_) return true;
    if (++nodes_ >= limits_.node_limit) stopped_ = true;
    if ((nodes_ & 255) == 0 &&
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_time_).count() >
            limits_.seconds) {
      stopped_ = true;
    }
    return stopped_;
  }

  void Visit(size_t depth, int used, double value, uint64_t blocked) {
    if (value > best_value_ + 1e-9) {
      best_value_ = value;
      best_ = current_;
    }
    if (depth == order_.size() || OutOfBudget()) return;
    if (value + Bound(depth, p_.budget - used, blocked) <= best_value_ + 1e-9) return;
    const uint32_t i = order_[depth];
    if (!((blocked >> i) & 1) && used + p_.cost[i] <= p_.budget) {
      const double gain = Gain(i);
      for (uint32_t k : p_.concepts[i]) ++covered_[k];
      current_.push_back(i);
      Visit(depth + 1, used + p_.cost[i], value + gain, blocked | p_.excludes[i]);
      current_.pop_back();
      for (uint32_t k : p_.concepts[i]) --covered_[k];
    }
    Visit(depth + 1, used, value, blocked | (uint64_t{1} << i));
  }

  struct Piece {
    double density, gain;
    int cost;
  };
  const CoverageProblem& p_;
  const CoverageLimits limits_;
  std::vector<uint32_t> covered_;  // per concept: chosen items covering it
  std::vector<uint32_t> order_;
  std::vector<uint32_t> current_, best_;
  std::vector<Piece> scratch_;
  double best_value_ = 0;
  uint64_t nodes_ = 0;
  bool stopped_ = false;
  std::chrono::steady_clock::time_point start_time_;
};

}  // namespace

double CoverageValue(const CoverageProblem& p, const std::vector<uint32_t>& items) {
  std::vector<bool> seen(p.weight.size(), false);
  double value = 0;
  for (uint32_t i : items) {
    value += p.bonus[i];
    for (uint32_t k : p.concepts[i]) {
      if (!seen[k]) value += p.weight[k];
      seen[k] = true;
    }
  }
  return value;
}

CoverageResult MaximizeCoverage(const CoverageProblem& problem, const std::vector<uint32_t>& start,
                                const CoverageLimits& limits) {
  Search search(problem, limits);
  search.Run(start);
  CoverageResult r;
  r.chosen = search.best();
  std::sort(r.chosen.begin(), r.chosen.end());
  r.value = search.best_value();
  r.complete = search.complete();
  r.nodes = search.nodes();
  return r;
}

}  // namespace dossier
