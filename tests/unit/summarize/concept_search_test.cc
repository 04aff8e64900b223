#include "summarize/concept_search.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

// Three items over concepts 0..3: the two short ones together cover more
// than the long one alone, which the greedy by value per cost would not see.
CoverageProblem SmallProblem() {
  CoverageProblem p;
  p.weight = {3, 3, 2, 2};
  p.concepts = {{0, 1, 2}, {0, 3}, {1, 2}};
  p.bonus = {0, 0, 0};
  p.cost = {10, 6, 6};
  p.excludes = {0, 0, 0};
  p.budget = 12;
  return p;
}

TEST(ConceptSearchTest, FindsTheBestSetWithinTheBudget) {
  const CoverageProblem p = SmallProblem();
  const CoverageResult r = MaximizeCoverage(p, {0}, {});
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.chosen, (std::vector<uint32_t>{1, 2}));
  EXPECT_DOUBLE_EQ(r.value, 10);
  EXPECT_DOUBLE_EQ(CoverageValue(p, {0}), 8);
}

TEST(ConceptSearchTest, CountsAConceptOnceAndHonoursExclusions) {
  CoverageProblem p = SmallProblem();
  p.excludes = {0, 0b100, 0b010};  // items 1 and 2 exclude each other
  const CoverageResult r = MaximizeCoverage(p, {}, {});
  EXPECT_EQ(r.chosen, (std::vector<uint32_t>{0}));
  EXPECT_DOUBLE_EQ(CoverageValue(p, {0, 2}), 8);  // concepts 1 and 2 twice: counted once
}

TEST(ConceptSearchTest, ACappedSearchSaysSoAndKeepsItsStart) {
  CoverageProblem p;
  const int n = 40;
  for (int i = 0; i < n; ++i) {
    p.concepts.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>((i + 1) % n)});
    p.bonus.push_back(0);
    p.cost.push_back(5 + i % 7);
    p.excludes.push_back(0);
  }
  p.weight.assign(n, 1.0);
  p.budget = 100;
  const CoverageResult r = MaximizeCoverage(p, {0}, {.node_limit = 5, .seconds = 10});
  EXPECT_FALSE(r.complete);
  EXPECT_LE(r.nodes, 5u);
  EXPECT_GE(r.value, CoverageValue(p, {0}));
  int cost = 0;
  for (uint32_t i : r.chosen) cost += p.cost[i];
  EXPECT_LE(cost, p.budget);
}

}  // namespace
}  // namespace dossier
