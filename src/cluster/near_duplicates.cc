#include "cluster/near_duplicates.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "util/hash.h"
#include "util/radix_sort.h"

namespace dossier {
namespace {

// The MinHash family drawn from `seed`: h_k(x) = a[k] * x + b[k], a[k] odd.
struct HashFamily {
  std::array<uint64_t, NearDuplicateIndex::kNumHashes> a;
  std::array<uint64_t, NearDuplicateIndex::kNumHashes> b;
  explicit HashFamily(uint64_t seed) {
    uint64_t state = seed;
    auto next = [&state] {
      state += 0x9e3779b97f4a7c15ULL;
      return Mix64(state);
    };
    for (int k = 0; k < NearDuplicateIndex::kNumHashes; ++k) {
      a[k] = next() | 1;
      b[k] = next();
    }
  }
};

// The hash of the window of kShingleWords token hashes starting at `first`.
uint64_t ShingleHash(const uint64_t* first) {
  uint64_t x = 0x243f6a8885a308d3ULL;
  for (int j = 0; j < NearDuplicateIndex::kShingleWords; ++j) x = Mix64(x + first[j]);
  return x;
}

// The LSH key of one band of a signature (its kRows positions, mixed).
uint64_t BandKey(const NearDuplicateIndex::Signature& sig, int band) {
  uint64_t key = Mix64(0x13198a2e03707344ULL + static_cast<uint64_t>(band));
  for (int r = 0; r < NearDuplicateIndex::kRows; ++r) {
    key = Mix64(key ^ sig.mins[band * NearDuplicateIndex::kRows + r]);
  }
  return key;
}

// Folds shingle hashes into the signature's minima: mins[k] = min over the
// shingles x of the high half of a[k] * x + b[k]. The loop over k is
// vectorised; it is compiled for several instruction sets (the same integer
// arithmetic on each, so the same signature) and the loader picks the best
// one the machine has.
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void FoldShingles(
    const uint64_t* xs, size_t n, const uint64_t* a, const uint64_t* b, uint32_t* mins) {
  constexpr int kK = NearDuplicateIndex::kNumHashes;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t x = xs[i];
    for (int k = 0; k < kK; ++k) {
      const uint32_t h = static_cast<uint32_t>((a[k] * x + b[k]) >> 32);
      mins[k] = h < mins[k] ? h : mins[k];
    }
  }
}

}  // namespace

std::vector<uint64_t> NearDuplicateIndex::Shingles(std::span<const uint64_t> token_hashes,
                                                   uint64_t sample_mask) {
  std::vector<uint64_t> out;
  if (token_hashes.size() < static_cast<size_t>(kShingleWords)) return out;
  out.reserve((token_hashes.size() - kShingleWords + 1) / (sample_mask + 1) + 1);
  for (size_t i = 0; i + kShingleWords <= token_hashes.size(); ++i) {
    const uint64_t h = ShingleHash(token_hashes.data() + i);
    if ((h & sample_mask) == 0) out.push_back(h);
  }
  RadixSortByKey(&out, [](uint64_t h) { return h; });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

NearDuplicateIndex::NearDuplicateIndex(NearDuplicateOptions options)
    : options_(options), bucket_ids_(4096) {
  double want = std::ceil(options_.threshold * kNumHashes - 1e-9);
  if (!(want >= 1)) want = 1;  // also catches NaN
  if (want > kNumHashes) want = kNumHashes;
  min_equal_ = static_cast<int>(want);
}

NearDuplicateIndex::Signature NearDuplicateIndex::ComputeSignature(
    std::span<const uint64_t> token_hashes, const NearDuplicateOptions& options) {
  Signature sig;
  sig.mins.fill(std::numeric_limits<uint32_t>::max());
  if (token_hashes.size() < static_cast<size_t>(kShingleWords)) return sig;
  const HashFamily family(options.seed);
  sig.empty = false;
  const size_t shingles = token_hashes.size() - kShingleWords + 1;
  // A block of shingle hashes at a time, folded in with the vectorised loop.
  constexpr size_t kBlock = 256;
  std::array<uint64_t, kBlock> xs;
  for (size_t i = 0; i < shingles; i += kBlock) {
    const size_t n = std::min(kBlock, shingles - i);
    for (size_t j = 0; j < n; ++j) xs[j] = ShingleHash(token_hashes.data() + i + j);
    FoldShingles(xs.data(), n, family.a.data(), family.b.data(), sig.mins.data());
  }
  return sig;
}

std::vector<uint64_t> NearDuplicateIndex::TokenHashes(const Document& doc) {
  std::vector<uint64_t> hashes;
  hashes.reserve(doc.tokens.size());
  for (const Token& t : doc.tokens) hashes.push_back(t.stem_hash);
  return hashes;
}

std::optional<uint32_t> NearDuplicateIndex::Add(std::span<const uint64_t> token_hashes) {
  return Add(ComputeSignature(token_hashes, options_));
}

std::optional<uint32_t> NearDuplicateIndex::Add(const Document& doc) {
  std::vector<uint64_t> hashes = TokenHashes(doc);
  return Add(std::span<const uint64_t>(hashes));
}

int NearDuplicateIndex::EqualPositions(const Signature& a, const Signature& b) {
  int equal = 0;
  for (int k = 0; k < kNumHashes; ++k) equal += a.mins[k] == b.mins[k];
  return equal;
}

NearDuplicateIndex::BandKeys NearDuplicateIndex::ComputeBandKeys(const Signature& signature) {
  BandKeys keys;
  for (int band = 0; band < kBands; ++band) keys[band] = BandKey(signature, band);
  return keys;
}

std::optional<uint32_t> NearDuplicateIndex::Add(const Signature& signature) {
  return Add(signature, ComputeBandKeys(signature));
}

std::optional<uint32_t> NearDuplicateIndex::Add(const Signature& signature, const BandKeys& keys) {
  const uint32_t id = size();
  signatures_.push_back(signature);
  groups_.Add();
  visited_.push_back(0);
  if (signature.empty) return std::nullopt;
  const Signature& sig = signatures_.back();

  // Candidates: every earlier document sharing a band; verify each once.
  std::array<uint32_t, kBands> buckets;
  bool joined = false;
  for (int band = 0; band < kBands; ++band) {
    const uint32_t bucket = bucket_ids_.Intern(keys[band]);
    if (bucket == heads_.size()) heads_.push_back(kNone);
    buckets[band] = bucket;
    for (uint32_t e = heads_[bucket]; e != kNone; e = entries_[e].next) {
      const uint32_t other = entries_[e].doc;
      if (visited_[other] == id + 1) continue;
      visited_[other] = id + 1;
      if (joined && groups_.Find(other) == groups_.Find(id)) continue;  // already in its group
      if (EqualPositions(sig, signatures_[other]) < min_equal_) continue;
      groups_.Unite(other, id);  // the root is always the group's earliest document
      joined = true;
    }
  }

  // Index the document, skipping buckets that already hold a member of its
  // group: whatever meets it there meets that member and reaches the group.
  const uint32_t root = groups_.Find(id);
  for (int band = 0; band < kBands; ++band) {
    const uint32_t bucket = buckets[band];
    bool covered = false;
    if (joined) {
      for (uint32_t e = heads_[bucket]; e != kNone && !covered; e = entries_[e].next) {
        covered = groups_.Find(entries_[e].doc) == root;
      }
    }
    if (covered) continue;
    entries_.push_back({id, heads_[bucket]});
    heads_[bucket] = static_cast<uint32_t>(entries_.size() - 1);
  }
  if (!joined) return std::nullopt;
  return root;
}

std::vector<uint32_t> NearDuplicateIndex::Matches(const Signature& sig) const {
  return Matches(sig, ComputeBandKeys(sig));
}

std::vector<uint32_t> NearDuplicateIndex::Matches(const Signature& sig,
                                                  const BandKeys& keys) const {
  std::vector<uint32_t> out;
  if (sig.empty) return out;
  std::vector<uint32_t> met;
  for (int band = 0; band < kBands; ++band) {
    const uint32_t bucket = bucket_ids_.Find(keys[band]);
    if (bucket == FlatIdMap::kNotFound) continue;
    for (uint32_t e = heads_[bucket]; e != kNone; e = entries_[e].next)
      met.push_back(entries_[e].doc);
  }
  std::sort(met.begin(), met.end());
  met.erase(std::unique(met.begin(), met.end()), met.end());
  for (uint32_t doc : met) {
    if (EqualPositions(sig, signatures_[doc]) >= min_equal_) out.push_back(doc);
  }
  return out;
}

uint32_t NearDuplicateIndex::Representative(uint32_t id) const {
  return groups_.Representative(id);
}

double NearDuplicateIndex::Similarity(uint32_t a, uint32_t b) const {
  if (signatures_[a].empty || signatures_[b].empty) return 0;
  return static_cast<double>(EqualPositions(signatures_[a], signatures_[b])) / kNumHashes;
}

std::vector<std::vector<uint32_t>> NearDuplicateIndex::Groups() const { return groups_.Groups(); }

void NearDuplicateIndex::Save(BinaryWriter* out) const {
  out->Vec(signatures_);
  out->Vec(groups_.parents());
  out->Vec(bucket_ids_.KeysById());
  out->Vec(heads_);
  out->Vec(entries_);
}

bool NearDuplicateIndex::Load(BinaryReader* in) {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> parents;
  if (!in->Vec(&signatures_) || !in->Vec(&parents) || !in->Vec(&keys) || !in->Vec(&heads_) ||
      !in->Vec(&entries_)) {
    return false;
  }
  const size_t n = parents.size();
  bool valid = signatures_.size() == n && keys.size() == heads_.size() &&
               groups_.SetParents(std::move(parents));
  for (uint32_t h : heads_) valid = valid && (h == kNone || h < entries_.size());
  for (size_t i = 0; valid && i < entries_.size(); ++i) {  // a bucket's chain runs backwards
    valid = entries_[i].doc < n && (entries_[i].next == kNone || entries_[i].next < i);
  }
  if (!valid) return in->Fail();
  bucket_ids_ = FlatIdMap(keys.size());
  for (uint64_t k : keys) bucket_ids_.Intern(k);
  visited_.assign(n, 0);
  return true;
}

}  // namespace dossier
