// FlatIdMap: numbers 64-bit keys 0, 1, 2, ... in order of first use, with
// open addressing (no node per key). For hot per-cluster interning where
// std::unordered_map's allocations dominate.
//
//   FlatIdMap ids;
//   uint32_t a = ids.Intern(key1);  // 0
//   uint32_t b = ids.Intern(key2);  // 1
//   uint32_t c = ids.Intern(key1);  // 0 again
//
// Not thread-safe; one per thread or per call.
#ifndef DOSSIER_UTIL_FLAT_ID_MAP_H_
#define DOSSIER_UTIL_FLAT_ID_MAP_H_

#include <cstdint>
#include <vector>

#include "util/hash.h"

namespace dossier {

class FlatIdMap {
 public:
  explicit FlatIdMap(size_t expected = 1024) { Rehash(Capacity(expected)); }

  // The id of `key`, a new one (= size() before the call) if it was not seen.
  uint32_t Intern(uint64_t key) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    size_t i = Mix64(key) & (slots_.size() - 1);
    while (true) {
      Slot& s = slots_[i];
      if (s.id == kEmpty) {
        s = {key, size_++};
        return s.id;
      }
      if (s.key == key) return s.id;
      i = (i + 1) & (slots_.size() - 1);
    }
  }
  // The id of `key`, or kNotFound when it was never interned.
  static constexpr uint32_t kNotFound = UINT32_MAX;
  uint32_t Find(uint64_t key) const {
    size_t i = Mix64(key) & (slots_.size() - 1);
    while (true) {
      const Slot& s = slots_[i];
      if (s.id == kEmpty) return kNotFound;
      if (s.key == key) return s.id;
      i = (i + 1) & (slots_.size() - 1);
    }
  }
  uint32_t size() const { return size_; }
  // Asks the cache for the slot where a lookup of `key` starts (a hint to
  // call ahead of Intern or Find; changes nothing).
  void Prefetch(uint64_t key) const {
    __builtin_prefetch(&slots_[Mix64(key) & (slots_.size() - 1)], 0, 1);
  }

  // The keys in id order (Intern them in this order into an empty map to
  // rebuild this one: the ids come out the same).
  std::vector<uint64_t> KeysById() const {
    std::vector<uint64_t> keys(size_);
    for (const Slot& s : slots_) {
      if (s.id != kEmpty) keys[s.id] = s.key;
    }
    return keys;
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint64_t key = 0;
    uint32_t id = kEmpty;
  };
  static size_t Capacity(size_t n) {
    size_t c = 16;
    while (c < n * 2) c *= 2;
    return c;
  }
  void Rehash(size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    for (const Slot& s : old) {
      if (s.id == kEmpty) continue;
      size_t i = Mix64(s.key) & (capacity - 1);
      while (slots_[i].id != kEmpty) i = (i + 1) & (capacity - 1);
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  uint32_t size_ = 0;
};

}  // namespace dossier

#endif  // DOSSIER_UTIL_FLAT_ID_MAP_H_
