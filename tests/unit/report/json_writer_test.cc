#include "report/json_writer.h"

#include <gtest/gtest.h>

#include <random>

namespace dossier {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string Dump(const ordered_json& j) {
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string Written(std::string_view s) {
  std::string out;
  JsonWriter w(&out);
  w.String(s);
  return out;
}

TEST(JsonWriterTest, StringsAreEscapedAsNlohmannDoes) {
  for (std::string s : {std::string(""), std::string("plain"), std::string("say \"hi\"\\"),
                        std::string("tab\tnew\nline\r\x01\x1f\x7f"),
                        std::string("\xE2\x80\x9Cquoted\xE2\x80\x9D \xC3\xA9 \xF0\x9F\x98\x80"),
                        std::string("bad \xFF byte"), std::string("cut \xE2\x80"),
                        std::string("surrogate \xED\xA0\x80"), std::string("overlong \xC0\xAF"),
                        std::string("\xF4\x90\x80\x80 above U+10FFFF")}) {
    EXPECT_EQ(Written(s), Dump(ordered_json(s))) << s;
  }
}

TEST(JsonWriterTest, RandomBytesMatchNlohmann) {
  std::mt19937 rng(11);
  // Bytes drawn mostly from the troublesome ranges: controls, quotes,
  // backslashes, UTF-8 lead and continuation bytes.
  const std::string alphabet = std::string("ab \"\\\t\n\x01\x1f\x7f", 10) +
                               "\x80\xBF\xC2\xC3\xE0\xE2\xED\xEF\xF0\xF4\xF8\xFF";
  for (int n = 0; n < 3000; ++n) {
    std::string s(rng() % 12, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    ASSERT_EQ(Written(s), Dump(ordered_json(s))) << n;
  }
}

TEST(JsonWriterTest, StructuresAndNumbersMatchNlohmann) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("a");
  w.Unsigned(18446744073709551615ULL);
  w.Key("b");
  w.BeginArray();
  w.Signed(-3);
  w.Double(0.125);
  w.Double(48000000.0);
  w.Double(1e-7);
  w.Bool(true);
  w.Null();
  w.StringOrNull("");
  w.IndexOrNull(-1);
  w.IndexOrNull(4);
  w.EndArray();
  w.Key("c");
  w.BeginObject();
  w.EndObject();
  w.Key("d");
  w.Span({3, 9});
  w.Key("e");
  w.Strings({"x", "y"});
  w.EndObject();
  ordered_json j;
  j["a"] = 18446744073709551615ULL;
  j["b"] = ordered_json::array({-3, 0.125, 48000000.0, 1e-7, true, nullptr, nullptr, nullptr, 4});
  j["c"] = ordered_json::object();
  j["d"] = ordered_json::array({3u, 9u});
  j["e"] = ordered_json::array({"x", "y"});
  EXPECT_EQ(out, Dump(j));
}

}  // namespace
}  // namespace dossier
