// ReadDocuments: the corpus-mode reader, one document at a time.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../temp_dir.h"
#include "dossier/ingest.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class ReadDocumentsTest : public TempDirTest {
 protected:
  // Reads `paths`; returns the documents in delivery order.
  static std::vector<Document> Read(const std::vector<std::string>& paths,
                                    std::vector<Diagnostic>* diags, Status* status = nullptr) {
    std::vector<Document> docs;
    Status s = ReadDocuments(
        paths, {}, [&](Document&& d) { docs.push_back(std::move(d)); }, diags);
    if (status != nullptr) *status = s;
    return docs;
  }

  static std::vector<std::string> Ids(const std::vector<Document>& docs) {
    std::vector<std::string> ids;
    for (const Document& d : docs) ids.push_back(d.id);
    return ids;
  }

  static size_t Errors(const std::vector<Diagnostic>& diags) {
    size_t n = 0;
    for (const Diagnostic& d : diags) n += d.severity == Diagnostic::Severity::kError ? 1 : 0;
    return n;
  }
};

TEST_F(ReadDocumentsTest, MultiNewsRecordIsSplitIntoNumberedArticles) {
  const std::string path = Write(
      "multinews.jsonl",
      R"({"id":"rec","document":"The harbour strike began on Monday. Ships waited outside. |||||  ||||| Dockworkers voted to continue the strike on Tuesday.","summary":"Dockworkers strike."})"
      "\n"
      R"({"id":"next","document":"A wildfire burned in the hills.","summary":"Fire."})"
      "\n");
  std::vector<Diagnostic> diags;
  Status status;
  std::vector<Document> docs = Read({path}, &diags, &status);
  EXPECT_TRUE(status.ok()) << status.ToString();
  // Part 2 is empty: the numbering still counts it.
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"rec#1", "rec#3", "next#1"}));
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_NE(docs[0].text.find("The harbour strike began on Monday."), std::string::npos);
  EXPECT_EQ(docs[0].text.find("|||||"), std::string::npos);
  EXPECT_NE(docs[1].text.find("Dockworkers voted to continue"), std::string::npos);
  EXPECT_EQ(docs[1].text.find("harbour strike began"), std::string::npos);
  EXPECT_NE(docs[2].text.find("wildfire"), std::string::npos);
  // The skipped empty part is reported, as a warning.
  EXPECT_EQ(Errors(diags), 0u);
  bool reported_empty = false;
  for (const Diagnostic& d : diags) {
    reported_empty = reported_empty || d.status.message().find("empty") != std::string::npos;
  }
  EXPECT_TRUE(reported_empty);
}

TEST_F(ReadDocumentsTest, JsonlOrderIsKeptAcrossFiles) {
  const std::string a = Write(
      "b-first.jsonl",
      R"({"id":"a1","source":"Ledger","title":"One","date":"2025-09-15","text":"First article text."})"
      "\n"
      R"({"id":"a2","text":"Second article text."})"
      "\n"
      R"({"id":"a3","text":"Third article text."})"
      "\n");
  const std::string b = Write("a-second.jsonl", R"({"id":"b1","text":"Fourth article text."})"
                                                "\n"
                                                R"({"id":"b2","text":"Fifth article text."})"
                                                "\n");
  std::vector<Diagnostic> diags;
  // The order of the arguments, not of the names.
  std::vector<Document> docs = Read({a, b}, &diags);
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"a1", "a2", "a3", "b1", "b2"}));
  EXPECT_TRUE(diags.empty());
  ASSERT_EQ(docs.size(), 5u);
  EXPECT_EQ(docs[0].source, "Ledger");
  EXPECT_EQ(docs[0].title, "One");
  EXPECT_EQ(docs[0].date, "2025-09-15");
  EXPECT_EQ(docs[4].text, "Fifth article text.");

  std::vector<Diagnostic> diags2;
  EXPECT_EQ(Ids(Read({b, a}, &diags2)), (std::vector<std::string>{"b1", "b2", "a1", "a2", "a3"}));
}

TEST_F(ReadDocumentsTest, BrokenLineIsReportedAndTheRestIsRead) {
  const std::string path = Write("stream.jsonl", R"({"id":"g1","text":"Good record one."})"
                                                 "\n"
                                                 R"({"id":"g2","text":"Good record two."})"
                                                 "\n"
                                                 R"({"id":"bad","text":"no closing brace")"
                                                 "\n"
                                                 R"({"id":"g3","text":"Good record three."})"
                                                 "\n"
                                                 R"({"id":"g4","text":"Good record four."})"
                                                 "\n");
  std::vector<Diagnostic> diags;
  Status status;
  std::vector<Document> docs = Read({path}, &diags, &status);
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(Ids(docs), (std::vector<std::string>{"g1", "g2", "g3", "g4"}));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].severity, Diagnostic::Severity::kError);
  const std::string shown = diags[0].status.ToString();
  EXPECT_NE(shown.find("stream.jsonl:3"), std::string::npos) << shown;
}

TEST_F(ReadDocumentsTest, NothingUsableIsAnError) {
  const std::string path = Write("all-bad.jsonl", "{not json\n{\"id\":\"x\"}\n");
  std::vector<Diagnostic> diags;
  Status status;
  std::vector<Document> docs = Read({path}, &diags, &status);
  EXPECT_FALSE(status.ok());
  EXPECT_TRUE(docs.empty());
  EXPECT_EQ(Errors(diags), 2u);
}

TEST_F(ReadDocumentsTest, DirectoryOfTextFilesIsReadInSortedOrder) {
  // Written out of order; read byte-wise sorted, hidden files skipped.
  Write("texts/c.txt", "Third file about the harbour.\n");
  Write("texts/a.txt", "First file about the harbour.\n");
  Write("texts/B.txt", "Capital B sorts first byte-wise.\n");
  Write("texts/sub/b.txt", "Nested file read with its folder.\n");
  Write("texts/.hidden.txt", "Never read.\n");
  std::vector<Diagnostic> diags;
  std::vector<Document> docs = Read({(dir_ / "texts").string()}, &diags);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_TRUE(diags.empty());
  std::vector<std::string> names;
  for (const Document& d : docs) names.push_back(fs::path(d.id).lexically_relative(dir_ / "texts"));
  EXPECT_EQ(names, (std::vector<std::string>{"B.txt", "a.txt", "c.txt", "sub/b.txt"}));
  EXPECT_NE(docs[1].text.find("First file"), std::string::npos);
  EXPECT_NE(docs[2].text.find("Third file"), std::string::npos);
  for (const Document& d : docs) EXPECT_EQ(d.text.find("Never read"), std::string::npos);
}

}  // namespace
}  // namespace dossier
