#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "../temp_dir.h"
#include "dossier/ingest.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class InputTest : public TempDirTest {
 protected:
  std::vector<Cluster> Read(const std::vector<std::string>& paths, std::vector<Diagnostic>* diags,
                            Status* status = nullptr, ReadOptions options = {}) {
    std::vector<Cluster> clusters;
    Status s = ReadInputs(
        paths, options, [&](Cluster&& c) { clusters.push_back(std::move(c)); }, diags);
    if (status) *status = s;
    return clusters;
  }
};

TEST(DetectFormatTest, ByNameAndContent) {
  EXPECT_EQ(DetectFormat("a.html", "x"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("a.HTM.gz", "x"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("a.txt", "<!DOCTYPE html><html>"), InputFormat::kHtml);
  EXPECT_EQ(DetectFormat("a.jsonl", "\n{\"id\":1,\"text\":\"x\"}"), InputFormat::kJsonl);
  EXPECT_EQ(DetectFormat("a", "{\"id\":1,\"document\":\"x\"}"), InputFormat::kMultiNews);
  EXPECT_EQ(DetectFormat("a.txt", "Plain words."), InputFormat::kText);
  EXPECT_EQ(DetectFormat("a.txt", "<b>bold</b> claims"), InputFormat::kText);
}

TEST_F(InputTest, DirectoryIsOneClusterInStablePathOrder) {
  Write("b.txt", "Second file.");
  Write("a.txt", "First file.");
  Write("sub/c.txt", "Third file.");
  Write(".hidden.txt", "Hidden.");
  std::vector<Diagnostic> diags;
  auto clusters = Read({dir_.string()}, &diags);
  ASSERT_EQ(clusters.size(), 1u);
  ASSERT_EQ(clusters[0].documents.size(), 3u);
  EXPECT_EQ(fs::path(clusters[0].documents[0].id).filename(), "a.txt");
  EXPECT_EQ(fs::path(clusters[0].documents[1].id).filename(), "b.txt");
  EXPECT_EQ(fs::path(clusters[0].documents[2].id).filename(), "c.txt");
  EXPECT_TRUE(diags.empty());
}

TEST_F(InputTest, BadFilesAreReportedAndTheRestIsRead) {
  std::string good = Write("good.txt", "Good text.");
  std::string empty = Write("empty.txt", "");
  std::string binary = Write("bin.dat", std::string("\x00\x01\x02\x03", 4));
  std::string jsonl = Write("docs.jsonl", "{\"text\":\"A.\"}\nnot json\n{\"text\":\"B.\"}\n");
  std::string missing = (dir_ / "missing.txt").string();
  std::vector<Diagnostic> diags;
  Status status;
  auto clusters = Read({good, empty, binary, jsonl, missing}, &diags, &status);
  EXPECT_TRUE(status.ok());
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].documents.size(), 3u);  // good + A + B
  ASSERT_EQ(diags.size(), 4u);
  EXPECT_EQ(diags[0].status.input(), empty);
  EXPECT_EQ(diags[1].status.input(), binary);
  EXPECT_EQ(diags[2].status.input(), jsonl + ":2");
  EXPECT_EQ(diags[3].status.input(), missing);
}

TEST_F(InputTest, NothingUsableIsAnError) {
  std::vector<Diagnostic> diags;
  Status status;
  auto clusters = Read({Write("e.txt", "   ")}, &diags, &status);
  EXPECT_TRUE(clusters.empty());
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(diags.size(), 1u);
}

TEST_F(InputTest, MultiNewsClustersComeBeforeTheLooseCluster) {
  std::string mn = Write("mn.jsonl",
                         "{\"id\":\"m1\",\"document\":\"A ||||| B\"}\n"
                         "{\"id\":\"m2\",\"document\":\"C\"}\n");
  std::string txt = Write("t.txt", "Loose.");
  std::vector<Diagnostic> diags;
  auto clusters = Read({txt, mn}, &diags);
  ASSERT_EQ(clusters.size(), 3u);
  EXPECT_EQ(clusters[0].id, "m1");
  EXPECT_EQ(clusters[1].id, "m2");
  EXPECT_EQ(clusters[2].documents.size(), 1u);
}

TEST_F(InputTest, SymlinkLoopIsReportedNotFollowedForever) {
  Write("d/a.txt", "Text.");
  fs::create_directory_symlink(dir_ / "d", dir_ / "d" / "loop");
  std::vector<Diagnostic> diags;
  auto clusters = Read({(dir_ / "d").string()}, &diags);
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].documents.size(), 1u);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_NE(diags[0].status.message().find("symlink loop"), std::string::npos);
}

TEST_F(InputTest, DocumentLimitAppliesToTheLooseCluster) {
  for (int i = 0; i < 5; ++i) Write("many/" + std::to_string(i) + ".txt", "Text.");
  ReadOptions options;
  options.max_documents_per_cluster = 3;
  std::vector<Diagnostic> diags;
  auto clusters = Read({(dir_ / "many").string()}, &diags, nullptr, options);
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].documents.size(), 3u);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].status.code(), StatusCode::kResourceExhausted);
}

TEST(ParseInputFormatTest, NamesRoundTrip) {
  for (InputFormat f : {InputFormat::kAuto, InputFormat::kText, InputFormat::kHtml,
                        InputFormat::kJsonl, InputFormat::kMultiNews, InputFormat::kFeed,
                        InputFormat::kPdf, InputFormat::kWarc, InputFormat::kUrls}) {
    Result<InputFormat> parsed = ParseInputFormat(InputFormatName(f));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, f);
  }
  EXPECT_FALSE(ParseInputFormat("docx").ok());
}

// The readers extract HTML pages with the lists of ReadOptions::data_dir.
TEST_F(InputTest, PagesAreReadWithTheWordListsOfTheDataFolder) {
  std::string page = "<html><head><title>Harbour</title></head><body><article>";
  for (int i = 0; i < 6; ++i) {
    page +=
        "<p>The harbour council voted on Tuesday night, after a long debate, for a plan to "
        "repair the sea wall, part " +
        std::to_string(i) + ".</p>";
    if (i == 2) page += "<p>Also on the site today</p>";
  }
  page += "</article></body></html>";
  const std::string path = Write("page.html", page);
  Write("data/en/page_furniture.txt", "also on the site | line\n");
  auto text_of = [&](ReadOptions options) {
    std::vector<Diagnostic> diags;
    Status status;
    std::vector<Cluster> clusters = Read({path}, &diags, &status, std::move(options));
    EXPECT_TRUE(status.ok()) << status.ToString();
    return clusters.size() == 1 && clusters[0].documents.size() == 1 ? clusters[0].documents[0].text
                                                                     : std::string();
  };
  ReadOptions folder;
  folder.data_dir = (dir_ / "data").string();
  EXPECT_EQ(text_of(folder).find("Also on the site"), std::string::npos);
  EXPECT_NE(text_of(ReadOptions{}).find("Also on the site today"), std::string::npos);
  // A data folder that cannot be read is an error of the call.
  ReadOptions missing;
  missing.data_dir = (dir_ / "none").string();
  std::vector<Diagnostic> diags;
  Status status;
  EXPECT_TRUE(Read({path}, &diags, &status, missing).empty());
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
}

// JSON Lines dates are read with the month names of ReadOptions::data_dir.
TEST_F(InputTest, JsonlDatesUseTheMonthNamesOfTheDataFolder) {
  const std::string path =
      Write("a.jsonl",
            "{\"id\":\"a\",\"date\":\"27 novembre 2015\",\"text\":\"Le port a ferm\u00e9.\"}\n");
  Write("data/en/months.txt", "novembre | 11\n");
  std::vector<Diagnostic> diags;
  ReadOptions folder;
  folder.data_dir = (dir_ / "data").string();
  std::vector<Cluster> with = Read({path}, &diags, nullptr, folder);
  ASSERT_EQ(with.size(), 1u);
  EXPECT_EQ(with[0].documents[0].date, "2015-11-27");
  std::vector<Cluster> without = Read({path}, &diags);
  ASSERT_EQ(without.size(), 1u);
  EXPECT_EQ(without[0].documents[0].date, "");  // unrecognised, a warning
}

}  // namespace
}  // namespace dossier
