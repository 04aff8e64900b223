// What the story clusterer remembers of the recent stream only, so that its
// memory is bounded by the window rather than by the length of the stream:
//
//   RecentDuplicates: near-duplicate detection against the last `window` to
//     2 * `window` articles (two NearDuplicateIndex generations: when the
//     newer holds `window` articles, the older is dropped and a new one
//     starts). It says which recent articles an article copies; the copy
//     groups are the caller's to keep (StoryClusterer keeps them for the
//     articles it still holds).
//   RecentCounts: how many articles held a key (a sentence's hash), counted
//     over the last `capacity` to 2 * `capacity` distinct keys, the same way
//     (a key met again carries its count into the newer generation).
//
// Both are deterministic (the result depends only on the sequence added) and
// save to and load from bytes for `cluster --state`.
#ifndef DOSSIER_CLUSTER_RECENT_H_
#define DOSSIER_CLUSTER_RECENT_H_

#include <cstdint>
#include <vector>

#include "cluster/near_duplicates.h"
#include "util/binary_io.h"
#include "util/flat_id_map.h"

namespace dossier {

class RecentDuplicates {
 public:
  RecentDuplicates(NearDuplicateOptions options, uint32_t window);

  // Adds article size(); returns recent articles it copies (stream numbers,
  // ascending; empty when it copies none): every match in the older
  // generation and, in the newer, the earliest article of the copy group it
  // joined there. Uniting the article with each gives its copy group.
  std::vector<uint32_t> Add(const NearDuplicateIndex::Signature& signature);
  std::vector<uint32_t> Add(const NearDuplicateIndex::Signature& signature,
                            const NearDuplicateIndex::BandKeys& keys);
  // Asks the cache for what Add will look up first (a hint).
  void Prefetch(const NearDuplicateIndex::BandKeys& keys) const {
    older_.Prefetch(keys);
    newer_.Prefetch(keys);
  }
  uint32_t size() const { return size_; }
  // The earliest article Add can still return: those before it are forgotten.
  uint32_t oldest() const { return older_base_; }

  void Save(BinaryWriter* out) const;
  bool Load(BinaryReader* in);

 private:
  NearDuplicateOptions options_;
  uint32_t window_;
  NearDuplicateIndex older_, newer_;
  uint32_t older_base_ = 0, newer_base_ = 0;  // stream number of each one's article 0
  uint32_t size_ = 0;                         // articles added
};

class RecentCounts {
 public:
  explicit RecentCounts(uint32_t capacity);

  // The count of `key` (0 if not met recently).
  uint32_t Get(uint64_t key) const;
  // Adds one to the count of `key`.
  void Increment(uint64_t key);
  // Asks the cache for what Get and Increment will look up first (a hint).
  void Prefetch(uint64_t key) const {
    newer_.ids.Prefetch(key);
    older_.ids.Prefetch(key);
  }

  void Save(BinaryWriter* out) const;
  bool Load(BinaryReader* in);

 private:
  struct Generation {
    FlatIdMap ids;
    std::vector<uint32_t> counts;
  };
  uint32_t capacity_;
  Generation older_, newer_;
};

}  // namespace dossier

#endif  // DOSSIER_CLUSTER_RECENT_H_
