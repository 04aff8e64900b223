// NearDuplicateIndex: finds near-duplicate articles (wire copies, syndicated
// re-posts) in a stream, with MinHash signatures and banded LSH.
//
//   NearDuplicateIndex index;                       // threshold 0.8
//   for (const Document& doc : stream) {            // after Pipeline::Analyze
//     std::optional<uint32_t> rep = index.Add(doc);  // ids are 0, 1, 2, ...
//     if (rep) ...  // doc duplicates the earlier document *rep (its group's first)
//   }
//   for (const auto& group : index.Groups()) ...    // ids in input order
//
// Method (the parameters are fixed constants below, the threshold an option):
//   1. Shingles. The document is a sequence of 64-bit token hashes; for a
//      Document these are `tokens[i].stem_hash` of every token (stopwords and
//      numbers included: word order is what tells a copy from a rewrite). Each
//      window of kShingleWords = 5 consecutive tokens is hashed (order
//      sensitive, splitmix64 chaining) to one 64-bit shingle hash. A document
//      with fewer than 5 tokens has no shingles: it is never a duplicate and
//      nothing duplicates it.
//   2. MinHash. kNumHashes = 128 hash functions h_k(x) = a_k * x + b_k (mod
//      2^64) over the mixed shingle hash x, with a_k odd and b_k drawn by
//      splitmix64 from `options.seed`, keeping the high 32 bits; the
//      signature is the minimum of each h_k over the shingles (512 bytes; a
//      chance 32-bit tie adds ~2^-32 per position, nothing measurable). Equal signature positions
//      estimate the Jaccard similarity of the two shingle sets (standard error <= 0.045 at K =
//      128).
//   3. LSH. The signature is cut into kBands = 32 bands of kRows = 4 rows; two
//      documents become candidates when any band is equal. The chance of that
//      is 1 - (1 - J^4)^32: 0.99999995 at J = 0.8, 0.9998 at J = 0.7, 0.87 at
//      J = 0.5, 0.05 at J = 0.2, so a true pair at the 0.8 threshold is
//      practically never missed, while unrelated articles (same-topic stories
//      score J < 0.1 on 5-word shingles) seldom reach verification. 16 x 8
//      would miss 5% of pairs at J = 0.8 (its S-curve's midpoint is 0.71);
//      32 x 4 (midpoint 0.42) trades a few more verified candidates (128
//      comparisons each) for that recall, and keeps lower thresholds usable.
//   4. Verification. A candidate is a duplicate when the fraction of equal
//      signature positions is >= options.threshold (default 0.8). The new
//      document joins the group of every candidate that passes (union-find);
//      a group's representative is its earliest document.
//
// Cost: linear in total tokens (5 hash mixes + 128 multiply-adds per token)
// plus the candidates met, which is bounded because a document that joins a
// group is not added to a bucket that already holds a member of that group
// (so exact copies add no bucket entries at all). Memory per document: the
// 512-byte signature, 8 bytes of union-find and bookkeeping, and at most 32
// bucket entries (8 bytes each, plus an open-addressing slot of 16-32 bytes
// per distinct band value): about 1.5 KiB, so 200,000 articles take ~300 MB.
//
// Determinism: the output depends only on the sequence of Add calls (no
// threads, no addresses, no unordered iteration). To use several threads,
// compute signatures with the static, thread-safe ComputeSignature in
// parallel and Add them in input order: the result is the same for any
// number of threads. The index itself is not thread-safe.
#ifndef DOSSIER_CLUSTER_NEAR_DUPLICATES_H_
#define DOSSIER_CLUSTER_NEAR_DUPLICATES_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "dossier/document.h"
#include "util/binary_io.h"
#include "util/flat_id_map.h"
#include "util/union_find.h"

namespace dossier {

struct NearDuplicateOptions {
  // Estimated Jaccard similarity of the 5-word shingle sets at or above which
  // two documents are near-duplicates.
  double threshold = 0.8;
  // Seeds the MinHash family; indexes only agree if their seeds agree.
  uint64_t seed = 0x6a09e667f3bcc908ULL;
};

class NearDuplicateIndex {
 public:
  static constexpr int kShingleWords = 5;
  static constexpr int kNumHashes = 128;
  static constexpr int kBands = 32;
  static constexpr int kRows = 4;
  static_assert(kBands * kRows == kNumHashes);

  // A MinHash signature; `empty` when the document had no shingles.
  struct Signature {
    std::array<uint32_t, kNumHashes> mins;
    bool empty = true;
  };

  // The LSH keys of a signature's bands (what Add and Matches look up).
  using BandKeys = std::array<uint64_t, kBands>;

  explicit NearDuplicateIndex(NearDuplicateOptions options = {});

  // The signature of a token-hash sequence. Thread-safe; does not touch the
  // index.
  static Signature ComputeSignature(std::span<const uint64_t> token_hashes,
                                    const NearDuplicateOptions& options);
  // The band keys of `signature`. Thread-safe, so they can be computed on
  // the threads that compute signatures and handed to Add.
  static BandKeys ComputeBandKeys(const Signature& signature);
  // The token hashes Add(const Document&) uses: every token's stem_hash.
  static std::vector<uint64_t> TokenHashes(const Document& doc);
  // The distinct 5-word shingle hashes of a token-hash sequence, sorted (the
  // set the signature estimates; for exact comparisons). With a
  // `sample_mask`, only the shingles whose hash has those bits clear (a
  // fixed 1-in-(mask+1) sample, the same for every document: containment
  // and Jaccard estimated on it are unbiased).
  static std::vector<uint64_t> Shingles(std::span<const uint64_t> token_hashes,
                                        uint64_t sample_mask = 0);

  // Adds the next document (its id is size() before the call). Returns the
  // representative (earliest id) of the group it joined, or nullopt when it
  // duplicates no earlier document.
  std::optional<uint32_t> Add(std::span<const uint64_t> token_hashes);
  std::optional<uint32_t> Add(const Document& doc);
  // Adds a signature computed with this index's options (and its band keys).
  std::optional<uint32_t> Add(const Signature& signature);
  std::optional<uint32_t> Add(const Signature& signature, const BandKeys& keys);

  // The documents `signature` duplicates (estimated Jaccard >= threshold),
  // in id order, without adding it. Thread-compatible (const).
  std::vector<uint32_t> Matches(const Signature& signature) const;
  std::vector<uint32_t> Matches(const Signature& signature, const BandKeys& keys) const;
  // Asks the cache for the hash slots Add or Matches will read for `keys`
  // (a hint, ahead of the call; changes nothing).
  void Prefetch(const BandKeys& keys) const {
    for (uint64_t key : keys) bucket_ids_.Prefetch(key);
  }

  // Number of documents added.
  uint32_t size() const { return groups_.size(); }
  // The earliest document of `id`'s group (id itself when it has none).
  uint32_t Representative(uint32_t id) const;
  // The estimated Jaccard similarity of two added documents (0 if either had
  // no shingles).
  double Similarity(uint32_t a, uint32_t b) const;
  // Groups of two or more documents, each in input order, ordered by their
  // first document.
  std::vector<std::vector<uint32_t>> Groups() const;

  const NearDuplicateOptions& options() const { return options_; }

  // The index as bytes, and back (StoryClusterer::Save/Load). Load checks
  // the ranges of what it reads; false on bad input (`in` says where).
  void Save(BinaryWriter* out) const;
  bool Load(BinaryReader* in);

 private:
  static int EqualPositions(const Signature& a, const Signature& b);

  struct Entry {
    uint32_t doc;
    uint32_t next;  // index into entries_, kNone at the end of a bucket
  };
  static constexpr uint32_t kNone = UINT32_MAX;

  NearDuplicateOptions options_;
  int min_equal_;  // positions that must agree: ceil(threshold * kNumHashes)
  std::vector<Signature> signatures_;
  UnionFind groups_;               // copy groups, rooted at their earliest document
  std::vector<uint32_t> visited_;  // last Add that met this doc, as id + 1
  FlatIdMap bucket_ids_;           // band key -> bucket number
  std::vector<uint32_t> heads_;    // bucket number -> first entry
  std::vector<Entry> entries_;
};

}  // namespace dossier

#endif  // DOSSIER_CLUSTER_NEAR_DUPLICATES_H_
