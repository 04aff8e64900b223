#include <gtest/gtest.h>

#include "ingest/readers.h"

namespace dossier {
namespace {

TEST(JsonlReaderTest, ReadsFieldsAndIgnoresUnknownOnes) {
  std::string in =
      R"({"id":"a1","source":"Herald","title":" Bridge  falls ","date":"2026-03-14T08:00:00Z",)"
      R"("url":"https://example.org/a1","text":"Line one.\nLine two.","extra":[1,2]})"
      "\n";
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  ReadJsonlDocuments(in, "feed.jsonl", {}, &docs, &diags);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(diags.empty());
  const Document& d = docs[0];
  EXPECT_EQ(d.id, "a1");
  EXPECT_EQ(d.source, "Herald");
  EXPECT_EQ(d.title, "Bridge falls");
  EXPECT_EQ(d.date, "2026-03-14");
  EXPECT_EQ(d.url, "https://example.org/a1");
  EXPECT_EQ(d.origin, "feed.jsonl:1");
  EXPECT_EQ(d.text, "Line one.\nLine two.");
}

TEST(JsonlReaderTest, StoryLabelsAreKeptAsStrings) {
  std::string in = R"({"id":"a","text":"One.","story":"ferry-strike"})"
                   "\n"
                   R"({"id":"b","text":"Two.","story":17})"
                   "\n"
                   R"({"id":"c","text":"Three."})"
                   "\n";
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  ReadJsonlDocuments(in, "s.jsonl", {}, &docs, &diags);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].story, "ferry-strike");
  EXPECT_EQ(docs[1].story, "17");
  EXPECT_EQ(docs[2].story, "");  // not carried over from the line before
}

TEST(JsonlReaderTest, BadLinesAreReportedWithLineNumbersAndTheRestIsRead) {
  std::string in =
      "{\"id\":\"1\",\"text\":\"One.\"}\n"
      "{\"id\":\"2\",\"text\":\"Two.\"\n"  // broken
      "\n"
      "[1,2,3]\n"
      "{\"id\":\"5\",\"title\":\"no text\"}\n"
      "{\"id\":6,\"text\":\"Six.\"}\n";
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  ReadJsonlDocuments(in, "f.jsonl", {}, &docs, &diags);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "1");
  EXPECT_EQ(docs[1].id, "6");
  ASSERT_EQ(diags.size(), 3u);
  EXPECT_EQ(diags[0].status.input(), "f.jsonl:2");
  EXPECT_EQ(diags[1].status.input(), "f.jsonl:4");
  EXPECT_EQ(diags[2].status.input(), "f.jsonl:5");
  EXPECT_EQ(diags[0].severity, Diagnostic::Severity::kError);
}

TEST(JsonlReaderTest, UnparsableDateIsDroppedWithAWarning) {
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  ReadJsonlDocuments(R"({"text":"x y z","date":"sometime"})", "d.jsonl", {}, &docs, &diags);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].date, "");
  EXPECT_EQ(docs[0].id, "d.jsonl:1");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].severity, Diagnostic::Severity::kWarning);
}

TEST(JsonlReaderTest, HugeNumberInAnIgnoredFieldKeepsTheRecord) {
  std::string in = R"({"id":"h","extra":1e99999,"more":)" + std::string(500, '9') +
                   R"(,"list":[1e99999,-1e99999],"text":"Kept."})" + "\n";
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  ReadJsonlDocuments(in, "h.jsonl", {}, &docs, &diags);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(docs[0].id, "h");
  EXPECT_EQ(docs[0].text, "Kept.");
}

TEST(JsonlReaderTest, HugeNumberInAUsedFieldIsABadLine) {
  std::string in = "{\"id\":1e99999,\"text\":\"One.\"}\n{\"id\":2,\"text\":\"Two.\"}\n";
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  ReadJsonlDocuments(in, "n.jsonl", {}, &docs, &diags);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "2");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(diags[0].status.input(), "n.jsonl:1");
  EXPECT_EQ(diags[0].status.message().rfind("bad JSON line: ", 0), 0u);
}

TEST(JsonlReaderTest, NumericIdsArePrintedInFull) {
  std::string in =
      "{\"id\":-7,\"text\":\"a\"}\n{\"id\":18446744073709551615,\"text\":\"b\"}\n"
      "{\"id\":1.5,\"text\":\"c\"}\n{\"id\":null,\"text\":\"d\"}\n";
  std::vector<Document> docs;
  ReadJsonlDocuments(in, "i.jsonl", {}, &docs, nullptr);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].id, "-7");
  EXPECT_EQ(docs[1].id, "18446744073709551615");
  EXPECT_EQ(docs[2].id, "1.5");
  EXPECT_EQ(docs[3].id, "i.jsonl:4");
}

TEST(JsonlReaderTest, DeepNestingInAnIgnoredFieldKeepsTheRecord) {
  std::string in = R"({"id":"d","extra":)" + std::string(100000, '[') + std::string(100000, ']') +
                   R"(,"text":"Still here."})" + "\n";
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  ReadJsonlDocuments(in, "deep.jsonl", {}, &docs, &diags);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(docs[0].text, "Still here.");
}

// nlohmann-json rejected invalid UTF-8 inside a JSON string, and so does
// simdjson: the line is a bad line (not repaired), the rest of the file is read.
TEST(JsonlReaderTest, InvalidUtf8InTextIsABadLineAtTheBadByte) {
  std::string first = "{\"id\":\"1\",\"text\":\"One.\"}\n";
  std::string in =
      first + "{\"id\":\"2\",\"text\":\"Caf\xE9 opens.\"}\n{\"id\":\"3\",\"text\":\"Three.\"}\n";
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  ReadJsonlDocuments(in, "u.jsonl", {}, &docs, &diags);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].id, "3");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].severity, Diagnostic::Severity::kError);
  EXPECT_EQ(diags[0].status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(diags[0].status.input(), "u.jsonl:2");
  EXPECT_EQ(diags[0].status.message().rfind("bad JSON line: ", 0), 0u);
  EXPECT_EQ(diags[0].status.byte_offset(), in.find('\xE9'));
}

TEST(JsonlReaderTest, TrailingContentAndMissingCommasAreBadLines) {
  std::string in = "{\"text\":\"a\"}}\n{\"text\":\"b\" \"id\":\"x\"}\n{\"text\":\"c\"} x\n";
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  ReadJsonlDocuments(in, "t.jsonl", {}, &docs, &diags);
  EXPECT_TRUE(docs.empty());
  ASSERT_EQ(diags.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(diags[i].status.input(), "t.jsonl:" + std::to_string(i + 1));
    EXPECT_EQ(diags[i].status.message().rfind("bad JSON line: ", 0), 0u);
  }
  EXPECT_EQ(diags[0].status.byte_offset(), 12u);  // the second '}'
}

TEST(JsonlReaderTest, RepeatedKeyKeepsItsLastValue) {
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  ReadJsonlDocuments(R"({"id":"a","text":"First.","id":"b","text":"Second."})", "r.jsonl", {},
                     &docs, &diags);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "b");
  EXPECT_EQ(docs[0].text, "Second.");
}

TEST(MultiNewsTest, SplitsArticlesOnBothSeparators) {
  auto parts = SplitMultiNewsArticles("a ||||| b story_separator_special_tag c");
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0], "a ");
  EXPECT_EQ(parts[1], " b ");
  EXPECT_EQ(parts[2], " c");
}

TEST(MultiNewsTest, EachRecordIsAClusterWithItsReference) {
  std::string in =
      R"({"id":"c1","document":"First story. NEWLINE_CHAR NEWLINE_CHAR More. ||||| Second one.","summary":"– Summary."})"
      "\n"
      R"({"id":"c2","documents":["Only."],"references":["R1","R2"]})"
      "\n";
  std::vector<Cluster> clusters;
  std::vector<Diagnostic> diags;
  ReadMultiNews(
      in, "mn.jsonl", {}, [&](Cluster&& c) { clusters.push_back(std::move(c)); }, &diags);
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_TRUE(diags.empty());
  const Cluster& c1 = clusters[0];
  EXPECT_EQ(c1.id, "c1");
  EXPECT_EQ(c1.origin, "mn.jsonl:1");
  ASSERT_EQ(c1.documents.size(), 2u);
  EXPECT_EQ(c1.documents[0].text, "First story.\n\nMore.");
  EXPECT_EQ(c1.documents[0].id, "c1#1");
  EXPECT_EQ(c1.documents[1].text, "Second one.");
  // The offset map points into the article's own raw text.
  EXPECT_EQ(c1.documents[0].map.ToOriginal({14, 19}).Slice(c1.documents[0].raw), "More.");
  ASSERT_EQ(c1.references.size(), 1u);
  EXPECT_EQ(clusters[1].references.size(), 2u);
}

TEST(MultiNewsTest, EmptyArticlesAreSkippedAndCounted) {
  std::string doc = "Real text.";
  for (int i = 0; i < 1000; ++i) doc += " ||||| ";
  std::string in = R"({"id":"e","document":")" + doc + R"("})";
  std::vector<Cluster> clusters;
  std::vector<Diagnostic> diags;
  ReadMultiNews(
      in, "e.jsonl", {}, [&](Cluster&& c) { clusters.push_back(std::move(c)); }, &diags);
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].documents.size(), 1u);
  ASSERT_EQ(clusters[0].diagnostics.size(), 1u);
  EXPECT_NE(clusters[0].diagnostics[0].status.message().find("1000 empty"), std::string::npos);
}

TEST(MultiNewsTest, RecordWithoutDocumentIsAnError) {
  std::vector<Cluster> clusters;
  std::vector<Diagnostic> diags;
  ReadMultiNews(R"({"id":"x","summary":"s"})", "m.jsonl", {},
                [&](Cluster&& c) { clusters.push_back(std::move(c)); }, &diags);
  EXPECT_TRUE(clusters.empty());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].status.input(), "m.jsonl:1");
}

TEST(MultiNewsTest, DocumentLimitPerClusterIsEnforced) {
  ReadOptions options;
  options.max_documents_per_cluster = 2;
  std::vector<Cluster> clusters;
  ReadMultiNews(R"({"id":"x","document":"a ||||| b ||||| c ||||| d"})", "m.jsonl", options,
                [&](Cluster&& c) { clusters.push_back(std::move(c)); }, nullptr);
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].documents.size(), 2u);
  EXPECT_EQ(clusters[0].diagnostics.size(), 1u);
}

TEST(MultiNewsTest, IgnoredFieldsAndNonStringArticlesAreSkippedUnread) {
  std::string in =
      R"({"id":"c","extra":1e99999,"documents":["A story.",7,{"x":1e99999},"Another."],)"
      R"("references":[null,"R"],"deep":)" +
      std::string(5000, '[') + std::string(5000, ']') + "}\n";
  std::vector<Cluster> clusters;
  std::vector<Diagnostic> diags;
  ReadMultiNews(
      in, "mn.jsonl", {}, [&](Cluster&& c) { clusters.push_back(std::move(c)); }, &diags);
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(clusters[0].documents.size(), 2u);
  EXPECT_EQ(clusters[0].documents[1].text, "Another.");
  EXPECT_EQ(clusters[0].documents[1].id, "c#2");
  ASSERT_EQ(clusters[0].references.size(), 1u);
  EXPECT_EQ(clusters[0].references[0], "R");
}

TEST(JsonlReaderTest, LongTextIsCutAndTheRecordKept) {
  std::string body;
  while (body.size() < 5000) body += "Words of a long record. ";
  const std::string in =
      "{\"id\":\"big\",\"text\":\"" + body + "\"}\n{\"id\":\"small\",\"text\":\"Short.\"}\n";
  ReadOptions options;
  options.max_document_bytes = 1000;
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  ReadJsonlDocuments(in, "feed.jsonl", options, &docs, &diags);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_LE(docs[0].raw.size(), 1000u);
  EXPECT_EQ(docs[1].text, "Short.");
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].status.input(), "feed.jsonl:1");
  EXPECT_NE(diags[0].status.message().find("--max-document-bytes"), std::string::npos);
}

TEST(MultiNewsTest, LongArticleIsCutAndReportedWithTheRecord) {
  std::string article;
  while (article.size() < 5000) article += "A long article about the vote. ";
  const std::string in = "{\"id\":\"r\",\"document\":\"" + article + " ||||| Short one.\"}\n";
  ReadOptions options;
  options.max_document_bytes = 1000;
  std::vector<Cluster> clusters;
  std::vector<Diagnostic> diags;
  ReadMultiNews(
      in, "mn.jsonl", options, [&](Cluster&& c) { clusters.push_back(std::move(c)); }, &diags);
  ASSERT_EQ(clusters.size(), 1u);
  ASSERT_EQ(clusters[0].documents.size(), 2u);
  EXPECT_LE(clusters[0].documents[0].raw.size(), 1000u);
  ASSERT_EQ(clusters[0].diagnostics.size(), 1u);
  EXPECT_EQ(clusters[0].diagnostics[0].status.input(), "mn.jsonl:1#1");
}

}  // namespace
}  // namespace dossier
