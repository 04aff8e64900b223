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

}  // namespace
}  // namespace dossier
