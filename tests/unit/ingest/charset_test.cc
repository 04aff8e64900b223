#include "ingest/charset.h"

#include <gtest/gtest.h>

#include <string>

#include "legacy_text.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dossier {
namespace {

using namespace dossier::legacy_text;

// Every character of `text` maps to the raw bytes that decode to it, and the
// mapped ranges cover the raw bytes in order without overlapping.
void ExpectExactMap(const std::string& text, const OffsetMap& map, std::string_view raw,
                    const char* charset) {
  ASSERT_EQ(map.text_size(), text.size());
  size_t pos = 0;
  uint32_t last_end = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    DecodeUtf8(text, &pos);
    const Span s = map.ToOriginal({static_cast<uint32_t>(start), static_cast<uint32_t>(pos)});
    EXPECT_GE(s.begin, last_end) << "character at " << start;
    EXPECT_EQ(Decode(s.Slice(raw), charset), text.substr(start, pos - start))
        << "character at " << start << " from bytes " << s.begin << ".." << s.end;
    last_end = s.end;
  }
}

std::string Page(std::string_view head, std::string_view body) {
  return "<!DOCTYPE html>\n<html><head>" + std::string(head) +
         "<title>News</title></head>\n<body><article><p>" + std::string(body) +
         "</p></article></body></html>\n";
}

// ---- Labels and declarations ----------------------------------------------------

TEST(EncodingLabelTest, LabelsAreNormalizedAsBrowsersDo) {
  EXPECT_EQ(EncodingForLabel("latin1"), "windows-1252");
  EXPECT_EQ(EncodingForLabel(" ISO-8859-1\t"), "windows-1252");
  EXPECT_EQ(EncodingForLabel("US-ASCII"), "windows-1252");
  EXPECT_EQ(EncodingForLabel("iso-8859-9"), "windows-1254");
  EXPECT_EQ(EncodingForLabel("utf8"), "UTF-8");
  EXPECT_EQ(EncodingForLabel("SJIS"), "Shift_JIS");
  EXPECT_EQ(EncodingForLabel("gb2312"), "GBK");
  EXPECT_EQ(EncodingForLabel("koi8-r"), "KOI8-R");
  EXPECT_EQ(EncodingForLabel("ks_c_5601-1987"), "EUC-KR");
  EXPECT_EQ(EncodingForLabel("utf-16"), "UTF-16LE");
  EXPECT_EQ(EncodingForLabel("latin-1"), "");
  EXPECT_EQ(EncodingForLabel(""), "");
}

TEST(PrescanTest, FindsMetaCharsetAndHttpEquiv) {
  EXPECT_EQ(PrescanHtmlCharset("<html><head><meta charset=\"ISO-8859-1\">"), "windows-1252");
  EXPECT_EQ(PrescanHtmlCharset("<META CHARSET=koi8-r>"), "KOI8-R");
  EXPECT_EQ(PrescanHtmlCharset("<meta charset='shift_jis'/>"), "Shift_JIS");
  EXPECT_EQ(PrescanHtmlCharset("<meta http-equiv=\"Content-Type\" "
                               "content=\"text/html; charset=windows-1251\">"),
            "windows-1251");
  EXPECT_EQ(PrescanHtmlCharset("<meta content='text/html;charset = \"euc-kr\"' "
                               "http-equiv='content-type'>"),
            "EUC-KR");
  // A declared UTF-16 in an ASCII prescan means UTF-8.
  EXPECT_EQ(PrescanHtmlCharset("<meta charset=utf-16>"), "UTF-8");
}

TEST(PrescanTest, IgnoresWhatBrowsersIgnore) {
  // content without http-equiv Content-Type.
  EXPECT_EQ(PrescanHtmlCharset("<meta content=\"text/html; charset=koi8-r\">"), "");
  // Inside a comment, or an attribute value of another tag.
  EXPECT_EQ(PrescanHtmlCharset("<!-- <meta charset=koi8-r> --><p>x"), "");
  EXPECT_EQ(PrescanHtmlCharset("<div title='<meta charset=koi8-r>'>"), "");
  // An unknown label: the next declaration counts.
  EXPECT_EQ(PrescanHtmlCharset("<meta charset=bogus><meta charset=latin2>"), "ISO-8859-2");
  // Past the first 1024 bytes.
  std::string late = "<html><head><script>" + std::string(1100, 'x') +
                     "</script><meta charset=windows-1250></head>";
  EXPECT_EQ(PrescanHtmlCharset(late), "");
  EXPECT_EQ(PrescanHtmlCharset(late, 64 * 1024), "windows-1250");
}

TEST(PrescanTest, XmlDeclaration) {
  EXPECT_EQ(XmlDeclaredEncoding("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>"),
            "ISO-8859-15");
  EXPECT_EQ(XmlDeclaredEncoding("<?xml version='1.0' encoding = 'Windows-1251' ?>"),
            "windows-1251");
  EXPECT_EQ(XmlDeclaredEncoding("<?xml version=\"1.0\"?><html>"), "");
  EXPECT_EQ(XmlDeclaredEncoding("<html><?xml encoding=\"koi8-r\"?>"), "");
}

// ---- Decisions ----------------------------------------------------------------------

TEST(DecideCharsetTest, ValidUtf8TakesTheFastPath) {
  CharsetDecision d = DecideCharset(Page("<meta charset=utf-8>", kJapanese), ContentKind::kHtml);
  EXPECT_EQ(d.encoding, "UTF-8");
  EXPECT_FALSE(d.convert);
  EXPECT_FALSE(d.report);
  EXPECT_TRUE(d.why.empty());
  d = DecideCharset(kRussian, ContentKind::kText);
  EXPECT_FALSE(d.convert);
  EXPECT_TRUE(d.why.empty());
}

TEST(DecideCharsetTest, DeclaredLegacyEncodingIsUsed) {
  std::string page = Encode(Page("<meta charset=\"windows-1252\">", kEnglish), "windows-1252");
  CharsetDecision d = DecideCharset(page, ContentKind::kHtml);
  EXPECT_TRUE(d.convert);
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.why, "declared windows-1252");
  // iso-8859-1 means windows-1252.
  page = Encode(
      Page("<meta http-equiv=Content-Type content=\"text/html; charset=iso-8859-1\">", kFrench),
      "ISO-8859-1");
  d = DecideCharset(page, ContentKind::kHtml);
  EXPECT_EQ(d.encoding, "windows-1252");
  // An XML declaration.
  page = Encode("<?xml version=\"1.0\" encoding=\"koi8-r\"?>\n" + Page("", kRussian), "KOI8-R");
  d = DecideCharset(page, ContentKind::kHtml);
  EXPECT_EQ(d.encoding, "KOI8-R");
}

TEST(DecideCharsetTest, WrongUtf8DeclarationIsDetected) {
  std::string page = Encode(Page("<meta charset=\"utf-8\">", kEnglish), "windows-1252");
  CharsetDecision d = DecideCharset(page, ContentKind::kHtml);
  EXPECT_TRUE(d.convert);
  EXPECT_EQ(d.encoding, "windows-1252");
  EXPECT_EQ(d.why.rfind("declared UTF-8 but not valid UTF-8: detected ", 0), 0u) << d.why;
  EXPECT_NE(d.why.find("confidence"), std::string::npos) << d.why;
}

TEST(DecideCharsetTest, UndeclaredEncodingsAreDetected) {
  struct Case {
    std::string_view text;
    const char* charset;
    std::string_view expected;
  } cases[] = {
      {kFrench, "ISO-8859-1", "windows-1252"}, {kRussian, "windows-1251", "windows-1251"},
      {kRussian, "KOI8-R", "KOI8-R"},          {kCzech, "ISO-8859-2", "ISO-8859-2"},
      {kJapanese, "Shift_JIS", "Shift_JIS"},   {kJapanese, "EUC-JP", "EUC-JP"},
  };
  for (const Case& c : cases) {
    for (ContentKind kind : {ContentKind::kText, ContentKind::kHtml}) {
      std::string bytes =
          Encode(kind == ContentKind::kHtml ? Page("", c.text) : std::string(c.text), c.charset);
      CharsetDecision d = DecideCharset(bytes, kind);
      EXPECT_TRUE(d.convert) << c.charset;
      EXPECT_EQ(d.encoding, c.expected) << c.charset << ": " << d.why;
      EXPECT_NE(d.why.find("detected"), std::string::npos) << d.why;
    }
  }
}

TEST(DecideCharsetTest, UnrecognizableBytesDefaultToWindows1252) {
  CharsetDecision d = DecideCharset("x\xFF", ContentKind::kText);
  EXPECT_TRUE(d.convert);
  EXPECT_EQ(d.encoding, "windows-1252");
}

TEST(DecideCharsetTest, ByteOrderMarksWin) {
  std::string u16 =
      Encode("\xEF\xBB\xBF" + Page("<meta charset=windows-1252>", kFrench), "UTF-16LE");
  ASSERT_EQ(u16.substr(0, 2), "\xFF\xFE");
  CharsetDecision d = DecideCharset(u16, ContentKind::kHtml);
  EXPECT_TRUE(d.convert);
  EXPECT_EQ(d.encoding, "UTF-16LE");
  EXPECT_EQ(d.bom, 2u);
  d = DecideCharset(Encode("\xEF\xBB\xBF" + std::string(kFrench), "UTF-16BE"), ContentKind::kText);
  EXPECT_EQ(d.encoding, "UTF-16BE");
  d = DecideCharset("\xEF\xBB\xBF" + Page("<meta charset=koi8-r>", kRussian), ContentKind::kHtml);
  EXPECT_FALSE(d.convert);
  EXPECT_EQ(d.encoding, "UTF-8");
}

// Pages declared in a legacy encoding but saved as UTF-8 are read as UTF-8.
TEST(DecideCharsetTest, ValidUtf8OverridesALegacyDeclaration) {
  CharsetDecision d = DecideCharset(Page("<meta charset=iso-8859-1>", kFrench), ContentKind::kHtml);
  EXPECT_FALSE(d.convert);
  EXPECT_TRUE(d.report);
  EXPECT_EQ(d.why, "declared windows-1252 but valid UTF-8");
  // ASCII only: nothing to say.
  d = DecideCharset(Page("<meta charset=iso-8859-1>", "Plain words."), ContentKind::kHtml);
  EXPECT_FALSE(d.convert);
  EXPECT_FALSE(d.report);
}

TEST(DecideCharsetTest, Utf8WithAStrayByteStaysUtf8) {
  std::string text = std::string(kRussian) + " \x97 " + std::string(kFrench);
  CharsetDecision d = DecideCharset(text, ContentKind::kText);
  EXPECT_FALSE(d.convert);
  EXPECT_EQ(d.encoding, "UTF-8");
  d = DecideCharset(Page("<meta charset=windows-1251>", text), ContentKind::kHtml);
  EXPECT_FALSE(d.convert);
  EXPECT_TRUE(d.report);
  EXPECT_EQ(d.why, "declared windows-1251 but mostly UTF-8");
}

TEST(DecideCharsetTest, SevenBitDeclarationIsConvertedEvenWhenValidUtf8) {
  std::string page = Encode(Page("<meta charset=iso-2022-jp>", kJapanese), "ISO-2022-JP");
  ASSERT_TRUE(IsValidUtf8(page));
  CharsetDecision d = DecideCharset(page, ContentKind::kHtml);
  EXPECT_TRUE(d.convert);
  EXPECT_EQ(d.encoding, "ISO-2022-JP");
}

TEST(DecideCharsetTest, LateDeclarationIsUsedBeforeDetection) {
  std::string page = Encode("<html><head><script>" + std::string(1100, ' ') +
                                "</script><meta charset=windows-1250>" + "</head><body><p>" +
                                std::string(kCzech) + "</p></body></html>",
                            "windows-1250");
  CharsetDecision d = DecideCharset(page, ContentKind::kHtml);
  EXPECT_EQ(d.encoding, "windows-1250");
  EXPECT_EQ(d.why, "declared windows-1250 (after the first 1024 bytes)");
}

// ---- Conversion -----------------------------------------------------------------------

TEST(ConvertToUtf8Test, EveryCharacterMapsToItsBytes) {
  struct Case {
    std::string_view text;
    const char* charset;
  } cases[] = {
      {kEnglish, "windows-1252"}, {kFrench, "ISO-8859-1"}, {kRussian, "KOI8-R"},
      {kRussian, "windows-1251"}, {kCzech, "ISO-8859-2"},  {kJapanese, "Shift_JIS"},
      {kJapanese, "EUC-JP"},      {kJapanese, "gb18030"},  {kRussian, "EUC-KR"},
      {kEnglish, "gb18030"},      {kEnglish, "UTF-16BE"},
  };
  for (const Case& c : cases) {
    const std::string raw = Encode(c.text, c.charset);
    Result<Utf8Conversion> r = ConvertToUtf8(raw, c.charset);
    ASSERT_TRUE(r.ok()) << c.charset << ": " << r.status().ToString();
    EXPECT_EQ(r->text, c.text) << c.charset;
    EXPECT_EQ(r->invalid_sequences, 0u) << c.charset;
    ExpectExactMap(r->text, r->map, raw, c.charset);
  }
}

TEST(ConvertToUtf8Test, AsciiStaysOneCopyRun) {
  std::string raw = Encode("plain words, then “quotes” and more plain words", "windows-1252");
  Result<Utf8Conversion> r = ConvertToUtf8(raw, "windows-1252");
  ASSERT_TRUE(r.ok());
  // "plain words, then " | “ | "quotes" | ” | " and more plain words"
  EXPECT_EQ(r->map.runs().size(), 5u);
  EXPECT_TRUE(r->map.runs()[0].copy);
  EXPECT_FALSE(r->map.runs()[1].copy);
}

TEST(ConvertToUtf8Test, Gb18030FourByteSequenceMapsWhole) {
  const std::string raw = Encode("a😀b", "gb18030");
  ASSERT_EQ(raw.size(), 6u);
  Result<Utf8Conversion> r = ConvertToUtf8(raw, "gb18030");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "a😀b");
  EXPECT_EQ(r->map.ToOriginal({1, 5}), (Span{1, 5}));
  EXPECT_EQ(r->map.ToOriginal({5, 6}), (Span{5, 6}));
}

TEST(ConvertToUtf8Test, EscapeSequencesStayOutOfTheCharacters) {
  const std::string raw = Encode("a東京b", "ISO-2022-JP");  // a ESC$B 2 kanji ESC(B b
  Result<Utf8Conversion> r = ConvertToUtf8(raw, "ISO-2022-JP");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "a東京b");
  const size_t kanji = raw.find("\x1B$B") + 3;
  EXPECT_EQ(r->map.ToOriginal({0, 1}), (Span{0, 1}));
  EXPECT_EQ(r->map.ToOriginal({1, 4}),
            (Span{static_cast<uint32_t>(kanji), static_cast<uint32_t>(kanji + 2)}));
  EXPECT_EQ(r->map.ToOriginal({4, 7}),
            (Span{static_cast<uint32_t>(kanji + 2), static_cast<uint32_t>(kanji + 4)}));
  EXPECT_EQ(r->map.ToOriginal({7, 8}).Slice(raw), "b");
}

TEST(ConvertToUtf8Test, InvalidSequencesBecomeReplacementsAndAreCounted) {
  // Shift_JIS: a lead byte followed by a byte that cannot trail it.
  const std::string raw = "ok \x82\xA0 \x82 end";
  Result<Utf8Conversion> r = ConvertToUtf8(raw, "Shift_JIS");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "ok \xE3\x81\x82 \xEF\xBF\xBD end");  // あ, U+FFFD
  EXPECT_EQ(r->invalid_sequences, 1u);
  EXPECT_EQ(r->first_invalid_offset, 6u);
  EXPECT_EQ(r->map.ToOriginal({7, 10}), (Span{6, 7}));
}

TEST(ConvertToUtf8Test, ByteOrderMarkIsSkipped) {
  const std::string raw = Encode("\xEF\xBB\xBFHé", "UTF-16LE");
  Result<Utf8Conversion> r = ConvertToUtf8(raw, "UTF-16LE", 2);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "Hé");
  EXPECT_EQ(r->map.ToOriginal({0, 1}), (Span{2, 4}));
  EXPECT_EQ(r->map.ToOriginal({1, 3}), (Span{4, 6}));
}

TEST(ConvertToUtf8Test, UnknownEncodingIsAnError) {
  Result<Utf8Conversion> r = ConvertToUtf8("x", "klingon");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dossier
