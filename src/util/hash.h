// Mix64: the splitmix64 finalizer, a fast bijective 64-bit mix. Spreads the
// bits of a key (for open addressing), chains hashes (shingles, sentence
// hashes) and draws deterministic pseudo-random values from a counter.
#ifndef DOSSIER_UTIL_HASH_H_
#define DOSSIER_UTIL_HASH_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace dossier {

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A 64-bit hash of `bytes`, stable across runs and builds (for keys saved to
// disk; words are read in the machine's byte order): 8-byte words chained
// through Mix64, the length last.
inline uint64_t HashBytes(std::string_view bytes, uint64_t seed = 0) {
  uint64_t h = Mix64(seed ^ 0x9e3779b97f4a7c15ULL);
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    h = Mix64(h ^ word);
  }
  uint64_t tail = 0;
  for (size_t k = 0; i + k < bytes.size(); ++k) {
    tail |= uint64_t{static_cast<unsigned char>(bytes[i + k])} << (8 * k);
  }
  return Mix64(h ^ tail ^ (uint64_t{bytes.size()} << 56) ^ bytes.size());
}

}  // namespace dossier

#endif  // DOSSIER_UTIL_HASH_H_
