#include <gtest/gtest.h>

#include "ingest/readers.h"

namespace dossier {
namespace {

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

TEST(TextReaderTest, InvalidUtf8IsRepairedAndReportedWithOffset) {
  std::vector<Diagnostic> diags;
  Result<Document> doc = ReadTextDocument("Caf\xE9 au lait.", "latin1.txt", &diags);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->text, "Caf\xEF\xBF\xBD au lait.");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].status.input(), "latin1.txt");
  EXPECT_EQ(diags[0].status.byte_offset(), 3u);
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

}  // namespace
}  // namespace dossier
