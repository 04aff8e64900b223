#include "util/utf8.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

// Every byte of the result maps into the input, and copied text is equal.
void ExpectMapConsistent(std::string_view input, const NormalizeResult& r) {
  ASSERT_EQ(r.map.text_size(), r.text.size());
  const auto& runs = r.map.runs();
  for (size_t i = 0; i < runs.size(); ++i) {
    uint32_t end = i + 1 < runs.size() ? runs[i + 1].text_begin : r.map.text_size();
    ASSERT_LE(runs[i].orig_end, input.size());
    if (runs[i].copy) {
      EXPECT_EQ(r.text.substr(runs[i].text_begin, end - runs[i].text_begin),
                input.substr(runs[i].orig_begin, runs[i].orig_end - runs[i].orig_begin));
    }
  }
}

TEST(NormalizeTextTest, AsciiPassesThroughAsOneRun) {
  NormalizeResult r = NormalizeText("Hello world.\nSecond line.", {});
  EXPECT_EQ(r.text, "Hello world.\nSecond line.");
  EXPECT_EQ(r.map.runs().size(), 1u);
  EXPECT_EQ(r.invalid_bytes, 0u);
}

TEST(NormalizeTextTest, CrLfAndLoneCrBecomeNewlines) {
  std::string in = "a\r\nb\rc\n";
  NormalizeResult r = NormalizeText(in, {});
  EXPECT_EQ(r.text, "a\nb\nc\n");
  EXPECT_EQ(r.map.ToOriginal({1, 2}), (Span{1, 3}));
  ExpectMapConsistent(in, r);
}

TEST(NormalizeTextTest, InvalidUtf8IsRepairedAndCounted) {
  std::string in = "ok \xC3 then \xFF\xFE end \xE2\x82";
  NormalizeResult r = NormalizeText(in, {});
  EXPECT_EQ(r.invalid_bytes, 5u);
  EXPECT_EQ(r.first_invalid_offset, 3u);
  EXPECT_TRUE(IsValidUtf8(r.text));
  EXPECT_NE(r.text.find("\xEF\xBF\xBD then"), std::string::npos);
  ExpectMapConsistent(in, r);
}

TEST(NormalizeTextTest, OverlongAndSurrogateEncodingsAreInvalid) {
  NormalizeResult r = NormalizeText("\xC0\xAF x \xED\xA0\x80", {});
  EXPECT_EQ(r.invalid_bytes, 5u);
  EXPECT_TRUE(IsValidUtf8(r.text));
}

TEST(NormalizeTextTest, DecomposedTextIsComposedToNfc) {
  std::string in = "Cafe\xCC\x81 and Franc\xCC\xA7ois";  // e + combining acute, c + cedilla
  NormalizeResult r = NormalizeText(in, {});
  EXPECT_EQ(r.text, "Caf\xC3\xA9 and Fran\xC3\xA7ois");
  ExpectMapConsistent(in, r);
  // "é" maps back to "e" + combining accent.
  size_t e = r.text.find("\xC3\xA9");
  EXPECT_EQ(r.map.ToOriginal({static_cast<uint32_t>(e), static_cast<uint32_t>(e + 2)}).Slice(in),
            "e\xCC\x81");
  // The word after it is still exact.
  size_t and_pos = r.text.find("and");
  EXPECT_EQ(r.map.ToOriginal({static_cast<uint32_t>(and_pos), static_cast<uint32_t>(and_pos + 3)})
                .Slice(in),
            "and");
}

TEST(NormalizeTextTest, NewlineCharMarkersBecomeLineBreaks) {
  NormalizeOptions o;
  o.newline_char_markers = true;
  std::string in = "First. NEWLINE_CHAR NEWLINE_CHAR Second.";
  NormalizeResult r = NormalizeText(in, o);
  EXPECT_EQ(r.text, "First.\n\nSecond.");
  ExpectMapConsistent(in, r);
}

TEST(NormalizeTextTest, LatexQuotesBecomeCurlyQuotes) {
  NormalizeResult r = NormalizeText("He said ``no'' twice.", {});
  EXPECT_EQ(r.text, "He said \xE2\x80\x9Cno\xE2\x80\x9D twice.");
}

TEST(NormalizeTextTest, ControlCharsNbspAndBomAreCleaned) {
  std::string in = "\xEF\xBB\xBFx\x01y\xC2\xA0z\xE2\x80\x8Bw";
  NormalizeResult r = NormalizeText(in, {});
  EXPECT_EQ(r.text, "x y zw");
  EXPECT_EQ(r.control_chars, 1u);
  ExpectMapConsistent(in, r);
}

TEST(Utf16Test, ConvertsSurrogatePairsAndMapsBack) {
  // "a€😀" in UTF-16LE
  std::string in("a\x00\xAC\x20\x3D\xD8\x00\xDE", 8);
  OffsetMap map;
  std::string out = Utf16ToUtf8(in, /*big_endian=*/false, &map);
  EXPECT_EQ(out, "a\xE2\x82\xAC\xF0\x9F\x98\x80");
  EXPECT_EQ(map.ToOriginal({1, 4}), (Span{2, 4}));
  EXPECT_EQ(map.ToOriginal({4, 8}), (Span{4, 8}));
}

}  // namespace
}  // namespace dossier
