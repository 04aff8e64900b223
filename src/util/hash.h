// Mix64: the splitmix64 finalizer, a fast bijective 64-bit mix. Spreads the
// bits of a key (for open addressing), chains hashes (shingles, sentence
// hashes) and draws deterministic pseudo-random values from a counter.
#ifndef DOSSIER_UTIL_HASH_H_
#define DOSSIER_UTIL_HASH_H_

#include <cstdint>

namespace dossier {

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace dossier

#endif  // DOSSIER_UTIL_HASH_H_
