// SHA-256 (FIPS 180-4), for Content-Security-Policy script hashes.
#ifndef DOSSIER_UTIL_SHA256_H_
#define DOSSIER_UTIL_SHA256_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace dossier {

// The 32-byte digest of `bytes`.
std::array<uint8_t, 32> Sha256(std::string_view bytes);

// The digest in base64 (standard alphabet, padded), as CSP's 'sha256-...' wants it.
std::string Sha256Base64(std::string_view bytes);

}  // namespace dossier

#endif  // DOSSIER_UTIL_SHA256_H_
