#include "util/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace dossier {
namespace {

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : Sha256(bytes)) {
    out += kDigits[b >> 4];
    out += kDigits[b & 15];
  }
  return out;
}

// The test vectors of FIPS 180-4's examples (NIST CSRC) and the empty input.
TEST(Sha256Test, KnownDigests) {
  EXPECT_EQ(Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, PaddingAtBlockBoundaries) {
  // 55, 56 and 64 bytes: one padding block, two, and a full block then padding.
  EXPECT_EQ(Hex(std::string(55, 'x')).size(), 64u);
  EXPECT_NE(Hex(std::string(55, 'x')), Hex(std::string(56, 'x')));
  EXPECT_NE(Hex(std::string(63, 'x')), Hex(std::string(64, 'x')));
}

TEST(Sha256Test, Base64AsContentSecurityPolicyWantsIt) {
  EXPECT_EQ(Sha256Base64(""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
}

}  // namespace
}  // namespace dossier
