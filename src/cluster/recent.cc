#include "cluster/recent.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace dossier {

RecentDuplicates::RecentDuplicates(NearDuplicateOptions options, uint32_t window)
    : options_(options), window_(std::max<uint32_t>(window, 1)), older_(options), newer_(options) {}

std::vector<uint32_t> RecentDuplicates::Add(const NearDuplicateIndex::Signature& signature) {
  return Add(signature, NearDuplicateIndex::ComputeBandKeys(signature));
}

std::vector<uint32_t> RecentDuplicates::Add(const NearDuplicateIndex::Signature& signature,
                                            const NearDuplicateIndex::BandKeys& keys) {
  if (newer_.size() >= window_) {
    older_ = std::move(newer_);
    older_base_ = newer_base_;
    newer_ = NearDuplicateIndex(options_);
    newer_base_ = size_;
  }
  ++size_;
  std::vector<uint32_t> matched;
  for (uint32_t local : older_.Matches(signature, keys)) matched.push_back(older_base_ + local);
  if (std::optional<uint32_t> local = newer_.Add(signature, keys))
    matched.push_back(newer_base_ + *local);
  return matched;
}

void RecentDuplicates::Save(BinaryWriter* out) const {
  out->U32(window_);
  out->U32(older_base_);
  out->U32(newer_base_);
  out->U32(size_);
  older_.Save(out);
  newer_.Save(out);
}

bool RecentDuplicates::Load(BinaryReader* in) {
  uint32_t window = 0;
  if (!in->U32(&window) || !in->U32(&older_base_) || !in->U32(&newer_base_) || !in->U32(&size_) ||
      !older_.Load(in) || !newer_.Load(in)) {
    return false;
  }
  const uint64_t n = size_;
  const bool valid = window == window_ && uint64_t{older_base_} + older_.size() <= n &&
                     uint64_t{newer_base_} + newer_.size() == n && older_base_ <= newer_base_;
  return valid || in->Fail();
}

RecentCounts::RecentCounts(uint32_t capacity) : capacity_(std::max<uint32_t>(capacity, 16)) {}

uint32_t RecentCounts::Get(uint64_t key) const {
  uint32_t id = newer_.ids.Find(key);
  if (id != FlatIdMap::kNotFound) return newer_.counts[id];
  id = older_.ids.Find(key);
  return id != FlatIdMap::kNotFound ? older_.counts[id] : 0;
}

void RecentCounts::Increment(uint64_t key) {
  const uint32_t carried = newer_.ids.Find(key) == FlatIdMap::kNotFound ? Get(key) : 0;
  if (newer_.ids.Find(key) == FlatIdMap::kNotFound && newer_.counts.size() >= capacity_) {
    older_ = std::move(newer_);
    newer_ = Generation();
  }
  const uint32_t id = newer_.ids.Intern(key);
  if (id == newer_.counts.size()) newer_.counts.push_back(carried);
  ++newer_.counts[id];
}

void RecentCounts::Save(BinaryWriter* out) const {
  out->U32(capacity_);
  for (const Generation* g : {&older_, &newer_}) {
    out->Vec(g->ids.KeysById());
    out->Vec(g->counts);
  }
}

bool RecentCounts::Load(BinaryReader* in) {
  uint32_t capacity = 0;
  if (!in->U32(&capacity) || capacity != capacity_) return in->Fail();
  for (Generation* g : {&older_, &newer_}) {
    std::vector<uint64_t> keys;
    if (!in->Vec(&keys) || !in->Vec(&g->counts) || keys.size() != g->counts.size()) {
      return in->Fail();
    }
    g->ids = FlatIdMap(keys.size());
    for (uint64_t k : keys) g->ids.Intern(k);
    if (g->ids.size() != keys.size()) return in->Fail();  // a key given twice
  }
  return true;
}

}  // namespace dossier
