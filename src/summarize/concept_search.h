// Budgeted maximum concept coverage, solved by branch and bound.
//
//   CoverageProblem p;            // items: their concepts, bonus and cost
//   p.budget = 100;
//   CoverageResult r = MaximizeCoverage(p, greedy_choice, {.node_limit = 200000});
//   if (!r.complete) ...          // a cap stopped the search: r.chosen is the best found
//
// The value of a set of items is the weight of the concepts it covers (each
// concept once) plus the items' own bonuses; the set must fit the budget and
// hold no two items that exclude each other (near-duplicates, two versions of
// one sentence). This is the ILP of Gillick & Favre (2009) over a small pool:
// the search includes or leaves out the items in order of value per cost, and
// prunes a branch when its value plus a fractional knapsack over the rest
// (each item's gain given what is already covered, an upper bound since
// coverage is submodular) cannot beat the best set found. At most 64 items.
// Pure function: thread-safe.
#ifndef DOSSIER_SUMMARIZE_CONCEPT_SEARCH_H_
#define DOSSIER_SUMMARIZE_CONCEPT_SEARCH_H_

#include <cstdint>
#include <vector>

namespace dossier {

struct CoverageProblem {
  std::vector<std::vector<uint32_t>> concepts;  // per item, distinct concept ids < weight.size()
  std::vector<double> weight;                   // per concept
  std::vector<double> bonus;                    // per item
  std::vector<int> cost;                        // per item, > 0
  std::vector<uint64_t> excludes;               // per item: bit j set when it excludes item j
  int budget = 0;
};

struct CoverageLimits {
  uint64_t node_limit = 200000;
  double seconds = 0.1;
};

struct CoverageResult {
  std::vector<uint32_t> chosen;  // item indexes, ascending
  double value = 0;
  bool complete = true;  // false: a cap stopped the search
  uint64_t nodes = 0;
};

// The value of a set of items (each concept counted once).
double CoverageValue(const CoverageProblem& problem, const std::vector<uint32_t>& items);

// The best set of items, starting from `start` (a feasible set: the result
// is never worse). Deterministic unless the time cap strikes first.
CoverageResult MaximizeCoverage(const CoverageProblem& problem, const std::vector<uint32_t>& start,
                                const CoverageLimits& limits);

}  // namespace dossier

#endif  // DOSSIER_SUMMARIZE_CONCEPT_SEARCH_H_
