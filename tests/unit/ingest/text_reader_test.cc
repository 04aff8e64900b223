#include <gtest/gtest.h>

#include "ingest/readers.h"
#include "legacy_text.h"
#include "util/strings.h"

namespace dossier {
namespace {

using namespace dossier::legacy_text;

// Every character of the document's text but whitespace (paragraph breaks,
// spaces standing for markup) maps to page bytes that decode to it.
void ExpectMapsBack(const Document& doc, const char* charset) {
  ASSERT_EQ(doc.map.text_size(), doc.text.size());
  size_t pos = 0;
  while (pos < doc.text.size()) {
    const size_t start = pos;
    DecodeUtf8(doc.text, &pos);
    const std::string_view ch = std::string_view(doc.text).substr(start, pos - start);
    if (ch == " " || ch == "\n") continue;
    const Span s = doc.map.ToOriginal({static_cast<uint32_t>(start), static_cast<uint32_t>(pos)});
    EXPECT_EQ(Convert(s.Slice(doc.raw), "UTF-8", charset), ch)
        << "character at " << start << " from bytes " << s.begin << ".." << s.end;
  }
}

// The one warning about the conversion.
std::string ConversionMessage(const std::vector<Diagnostic>& diags) {
  for (const Diagnostic& d : diags) {
    if (d.status.message().rfind("converted from ", 0) == 0) return d.status.message();
  }
  return "";
}

// A page whose article is `body` three times over, enough running text for
// the extractor.
std::string Page(std::string_view head, std::string_view body) {
  std::string page = "<!DOCTYPE html>\n<html><head>" + std::string(head) +
                     "<title>News</title></head>\n<body><article>\n";
  for (int i = 0; i < 3; ++i) page += "<p>" + std::string(body) + "</p>\n";
  return page + "</article></body></html>\n";
}

TEST(TextReaderTest, ReadsUtf8TextWithIdentityMap) {
  std::vector<Diagnostic> diags;
  Result<Document> doc = ReadTextDocument("Headline\n\nBody text.\n", "a.txt", &diags);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->id, "a.txt");
  EXPECT_EQ(doc->text, doc->raw);
  EXPECT_TRUE(diags.empty());
}

TEST(TextReaderTest, BinaryFileIsRejectedWithItsName) {
  std::vector<Diagnostic> diags;
  std::string bytes(
      "\x7F"
      "ELF\x02\x01\x01\x00\x00\x00",
      10);
  Result<Document> doc = ReadTextDocument(bytes, "prog.bin", &diags);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(doc.status().input(), "prog.bin");
  EXPECT_NE(doc.status().message().find("binary"), std::string::npos);
}

TEST(TextReaderTest, WhitespaceOnlyIsEmptyInput) {
  Result<Document> doc = ReadTextDocument(" \n\t\n", "blank.txt", nullptr);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kEmptyInput);
}

// Was "InvalidUtf8IsRepairedAndReportedWithOffset": a Latin-1 file is now
// converted instead of losing its accented letters to U+FFFD.
TEST(TextReaderTest, Latin1TextIsConvertedAndReported) {
  std::vector<Diagnostic> diags;
  Result<Document> doc = ReadTextDocument("Caf\xE9 au lait.", "latin1.txt", &diags);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "Caf\xC3\xA9 au lait.");
  EXPECT_EQ(doc->map.ToOriginal({3, 5}), (Span{3, 4}));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].severity, Diagnostic::Severity::kWarning);
  EXPECT_EQ(diags[0].status.input(), "latin1.txt");
  EXPECT_NE(diags[0].status.message().find("windows-1252"), std::string::npos)
      << diags[0].status.message();
}

TEST(TextReaderTest, StrayByteInUtf8IsRepairedAndReportedWithOffset) {
  std::vector<Diagnostic> diags;
  Result<Document> doc = ReadTextDocument(
      "Caf\xC3\xA9 cr\xC3\xA8me, na\xC3\xAFve \xFF r\xC3\xA9sum\xC3\xA9.", "utf8.txt", &diags);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "Caf\xC3\xA9 cr\xC3\xA8me, na\xC3\xAFve \xEF\xBF\xBD r\xC3\xA9sum\xC3\xA9.");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].status.input(), "utf8.txt");
  EXPECT_EQ(diags[0].status.byte_offset(), 21u);
}

TEST(TextReaderTest, Utf16WithBomIsConvertedAndMapsToItsBytes) {
  std::string le("\xFF\xFEH\x00i\x00.\x00", 8);
  Result<Document> doc = ReadTextDocument(le, "u16le.txt", nullptr);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "Hi.");
  EXPECT_EQ(doc->map.ToOriginal({0, 1}), (Span{2, 4}));
  std::string be("\xFE\xFF\x00H\x00i", 6);
  Result<Document> doc_be = ReadTextDocument(be, "u16be.txt", nullptr);
  ASSERT_TRUE(doc_be.ok());
  EXPECT_EQ(doc_be->text, "Hi");
}

TEST(TextReaderTest, Utf16WithoutBomIsDetected) {
  std::string text = "Plain words in UTF-16 without a mark.";
  std::string le;
  for (char c : text) le += std::string{c, '\0'};
  Result<Document> doc = ReadTextDocument(le, "nobom.txt", nullptr);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, text);
}

TEST(HtmlReaderTest, BodyTextMapsIntoThePage) {
  std::string html =
      "<html><head><title>T &amp; U</title><script>var x=1;</script></head>"
      "<body><nav>Home</nav><p>First &amp; only paragraph.</p></body></html>";
  Result<Document> doc = ReadHtmlDocument(html, "page.html", nullptr);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->title, "T & U");
  EXPECT_EQ(doc->text, "First & only paragraph.");
  Span first{0, 5};
  EXPECT_EQ(doc->map.ToOriginal(first).Slice(doc->raw), "First");
  EXPECT_EQ(doc->map.ToOriginal({6, 7}).Slice(doc->raw), "&amp;");
}

TEST(HtmlReaderTest, PageWithoutTextIsEmptyInput) {
  Result<Document> doc =
      ReadHtmlDocument("<html><body><script>x()</script></body></html>", "empty.html", nullptr);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kEmptyInput);
}

TEST(HtmlReaderTest, Windows1252PageDeclaredByMetaCharset) {
  std::vector<Diagnostic> diags;
  std::string page =
      Convert(Page("<meta charset=\"windows-1252\">", kEnglish), "windows-1252", "UTF-8");
  ASSERT_NE(page.find('\x80'), std::string::npos);  // the euro sign
  Result<Document> doc = ReadHtmlDocument(page, "cp1252.html", &diags);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_NE(doc->text.find(kEnglish), std::string::npos) << doc->text;
  EXPECT_EQ(doc->raw, page);
  ExpectMapsBack(*doc, "windows-1252");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].status.input(), "cp1252.html");
  EXPECT_EQ(diags[0].status.message(),
            "converted from windows-1252 to UTF-8: declared windows-1252");
}

TEST(HtmlReaderTest, WrongUtf8DeclarationIsDetectedAsWindows1252) {
  std::vector<Diagnostic> diags;
  std::string page = Convert(Page("<meta charset=\"utf-8\">", kEnglish), "windows-1252", "UTF-8");
  Result<Document> doc = ReadHtmlDocument(page, "wrong.html", &diags);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_NE(doc->text.find(kEnglish), std::string::npos) << doc->text;
  EXPECT_EQ(doc->text.find("\xEF\xBF\xBD"), std::string::npos);  // no U+FFFD
  ExpectMapsBack(*doc, "windows-1252");
  EXPECT_EQ(ConversionMessage(diags).rfind("converted from windows-1252 to UTF-8: declared UTF-8 "
                                           "but not valid UTF-8: detected ",
                                           0),
            0u)
      << ConversionMessage(diags);
}

TEST(HtmlReaderTest, Latin1PageWithoutDeclarationIsDetected) {
  std::vector<Diagnostic> diags;
  std::string page = Convert(Page("", kFrench), "ISO-8859-1", "UTF-8");
  Result<Document> doc = ReadHtmlDocument(page, "latin1.html", &diags);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_NE(doc->text.find(kFrench), std::string::npos) << doc->text;
  ExpectMapsBack(*doc, "ISO-8859-1");
  EXPECT_NE(ConversionMessage(diags).find("no encoding declared, not valid UTF-8: detected"),
            std::string::npos)
      << ConversionMessage(diags);
}

TEST(HtmlReaderTest, RussianPagesAreDetected) {
  for (const char* charset : {"windows-1251", "KOI8-R"}) {
    std::vector<Diagnostic> diags;
    std::string page = Convert(Page("", kRussian), charset, "UTF-8");
    Result<Document> doc = ReadHtmlDocument(page, "ru.html", &diags);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_NE(doc->text.find(kRussian), std::string::npos) << charset << ": " << doc->text;
    ExpectMapsBack(*doc, charset);
    EXPECT_EQ(ConversionMessage(diags).rfind("converted from " + std::string(charset), 0), 0u)
        << ConversionMessage(diags);
  }
}

TEST(HtmlReaderTest, ShiftJisPageDeclared) {
  std::vector<Diagnostic> diags;
  std::string page =
      Convert(Page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">",
                   kJapanese),
              "Shift_JIS", "UTF-8");
  Result<Document> doc = ReadHtmlDocument(page, "ja.html", &diags);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_NE(doc->text.find(kJapanese), std::string::npos) << doc->text;
  ExpectMapsBack(*doc, "Shift_JIS");
  EXPECT_EQ(ConversionMessage(diags), "converted from Shift_JIS to UTF-8: declared Shift_JIS");
}

TEST(HtmlReaderTest, Utf16PageWithByteOrderMark) {
  for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
    std::vector<Diagnostic> diags;
    std::string page =
        Convert("\xEF\xBB\xBF" + Page("<meta charset=utf-16>", kFrench), charset, "UTF-8");
    Result<Document> doc = ReadHtmlDocument(page, "u16.html", &diags);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_NE(doc->text.find(kFrench), std::string::npos) << doc->text;
    ExpectMapsBack(*doc, charset);
    EXPECT_EQ(ConversionMessage(diags), "converted from " + std::string(charset) +
                                            " to UTF-8: " + charset + " byte-order mark");
  }
}

TEST(HtmlReaderTest, Utf8PageIsReadAsItIs) {
  std::vector<Diagnostic> diags;
  std::string page =
      Page("<meta charset=utf-8>", std::string(kRussian) + " " + std::string(kJapanese));
  Result<Document> doc = ReadHtmlDocument(page, "utf8.html", &diags);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_TRUE(diags.empty());
  EXPECT_NE(doc->text.find(kJapanese), std::string::npos);
  // Every byte of the body text is a copy of the page's bytes.
  const size_t body = doc->text.find(kRussian);
  ASSERT_NE(body, std::string::npos);
  const Span s = doc->map.ToOriginal(
      {static_cast<uint32_t>(body), static_cast<uint32_t>(body + kRussian.size())});
  EXPECT_EQ(s.Slice(doc->raw), kRussian);
  ExpectMapsBack(*doc, "UTF-8");
}

TEST(HtmlReaderTest, LegacyDeclarationOfAUtf8PageIsOverridden) {
  std::vector<Diagnostic> diags;
  Result<Document> doc =
      ReadHtmlDocument(Page("<meta charset=iso-8859-1>", kFrench), "mislabeled.html", &diags);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_NE(doc->text.find(kFrench), std::string::npos);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].status.message(), "read as UTF-8: declared windows-1252 but valid UTF-8");
}

TEST(TextReaderTest, LegacyTextFilesAreDetected) {
  for (const char* charset : {"windows-1251", "KOI8-R", "Shift_JIS"}) {
    std::string_view text = std::string_view(charset) == "Shift_JIS" ? kJapanese : kRussian;
    std::vector<Diagnostic> diags;
    std::string raw =
        Convert(std::string(text) + "\n\n" + std::string(text) + "\n", charset, "UTF-8");
    Result<Document> doc = ReadTextDocument(raw, "legacy.txt", &diags);
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    EXPECT_EQ(doc->text, std::string(text) + "\n\n" + std::string(text) + "\n") << charset;
    ExpectMapsBack(*doc, charset);
    EXPECT_EQ(
        ConversionMessage(diags).rfind(
            "converted from " + std::string(charset) + " to UTF-8: not valid UTF-8: detected ", 0),
        0u)
        << ConversionMessage(diags);
  }
}

TEST(DocumentCutTest, FitsAreLeftWhole) {
  EXPECT_EQ(DocumentCutPoint("short text", 100), 10u);
  EXPECT_EQ(DocumentCutPoint("exactly", 7), 7u);
}

TEST(DocumentCutTest, CutsAfterALineBreakOrASpaceNearTheLimit) {
  const std::string text = "First paragraph here.\nSecond one runs on and on";
  // Limit 30: the line break (at 21) is before the last quarter (from 23 on),
  // so the cut falls after the last space before 30.
  EXPECT_EQ(DocumentCutPoint(text, 30), 29u);  // "...\nSecond "
  EXPECT_EQ(DocumentCutPoint(text, 24), 22u);  // right after the line break
}

TEST(DocumentCutTest, NeverCutsInsideAUtf8Character) {
  // Seven three-byte characters and no space: the limit falls inside one.
  const std::string text = "\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03";
  for (uint64_t limit = 1; limit < text.size(); ++limit) {
    const size_t cut = DocumentCutPoint(text, limit);
    EXPECT_LE(cut, limit);
    EXPECT_EQ(cut % 3, 0u) << "limit " << limit;
  }
}

TEST(DocumentCutTest, Utf16CutsAreEvenAndKeepSurrogatePairs) {
  // "ab" then U+1F600 (a surrogate pair) then "cd", UTF-16LE.
  const std::string le(
      "a\0b\0\x3D\xD8\x00\xDE"
      "c\0d\0",
      12);
  EXPECT_EQ(DocumentCutPoint(le, 7, 1), 4u);  // not between the halves at 6
  EXPECT_EQ(DocumentCutPoint(le, 9, 1), 8u);
  const std::string be("\0a\0b\xD8\x3D\xDE\x00\0c\0d", 12);
  EXPECT_EQ(DocumentCutPoint(be, 6, 2), 4u);
}

TEST(DocumentCutTest, LongTextFileIsCutAndReported) {
  std::string text;
  while (text.size() < 10000) text += "The council met again to discuss the plan.\n";
  std::vector<Diagnostic> diags;
  Result<Document> doc = ReadTextDocument(text, "long.txt", &diags, 4096);
  ASSERT_TRUE(doc.ok());
  EXPECT_LE(doc->raw.size(), 4096u);
  EXPECT_GE(doc->raw.size(), 3072u);
  EXPECT_EQ(doc->raw.back(), '\n');
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].status.input(), "long.txt");
  EXPECT_NE(diags[0].status.message().find("cut to its first " + std::to_string(doc->raw.size())),
            std::string::npos);
  EXPECT_NE(diags[0].status.message().find("--max-document-bytes"), std::string::npos);
}

}  // namespace
}  // namespace dossier
