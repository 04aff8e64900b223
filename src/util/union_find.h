// UnionFind: groups of items numbered 0, 1, 2, ... whose root is always the
// group's earliest (smallest) item, so a group's representative is stable as
// items are added in order. Used for copy groups (NearDuplicateIndex,
// RecentDuplicates, the pile's copies).
//
//   UnionFind u(3);          // or: UnionFind u; u.Add(); ...
//   u.Unite(2, 0);           // u.Find(2) == 0
//   u.Groups();              // {{0, 2}}
#ifndef DOSSIER_UTIL_UNION_FIND_H_
#define DOSSIER_UTIL_UNION_FIND_H_

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace dossier {

class UnionFind {
 public:
  explicit UnionFind(size_t n = 0) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }

  // Adds an item of its own; returns its number.
  uint32_t Add() {
    parent_.push_back(static_cast<uint32_t>(parent_.size()));
    return parent_.back();
  }
  uint32_t size() const { return static_cast<uint32_t>(parent_.size()); }

  // The earliest item of `i`'s group, halving the path on the way.
  uint32_t Find(uint32_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  // The same without changing anything.
  uint32_t Representative(uint32_t i) const {
    while (parent_[i] != i) i = parent_[i];
    return i;
  }
  // Joins the groups of a and b; the earlier root becomes the root.
  void Unite(uint32_t a, uint32_t b) {
    a = Find(a), b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

  // Groups of two or more items, each in item order, ordered by their first.
  std::vector<std::vector<uint32_t>> Groups() const {
    constexpr uint32_t kNone = UINT32_MAX;
    std::vector<uint32_t> group_of(size(), kNone);
    std::vector<std::vector<uint32_t>> groups;
    for (uint32_t i = 0; i < size(); ++i) {
      const uint32_t root = Representative(i);
      if (group_of[root] == kNone) {
        group_of[root] = static_cast<uint32_t>(groups.size());
        groups.emplace_back();
      }
      groups[group_of[root]].push_back(i);
    }
    std::vector<std::vector<uint32_t>> result;
    for (auto& g : groups) {
      if (g.size() >= 2) result.push_back(std::move(g));
    }
    return result;
  }

  // The parent of every item (for saving), and back: false (nothing
  // changed) unless every parent comes no later than its item.
  const std::vector<uint32_t>& parents() const { return parent_; }
  bool SetParents(std::vector<uint32_t> parents) {
    for (size_t i = 0; i < parents.size(); ++i) {
      if (parents[i] > i) return false;
    }
    parent_ = std::move(parents);
    return true;
  }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace dossier

#endif  // DOSSIER_UTIL_UNION_FIND_H_
