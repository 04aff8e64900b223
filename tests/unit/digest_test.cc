// The digest's library calls (dossier/digest.h).
#include "dossier/digest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dossier/ingest.h"
#include "dossier/stories.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

Story MakeStory(const std::string& id, std::vector<uint32_t> articles, size_t outlets,
                bool furniture = false) {
  Story s;
  s.id = id;
  s.articles = std::move(articles);
  for (uint32_t a : s.articles) s.article_ids.push_back("a" + std::to_string(a));
  s.outlets = outlets;
  s.furniture = furniture;
  return s;
}

TEST(DigestTest, RankByOutletsThenSizeThenStreamOrder) {
  std::vector<Story> stories = {MakeStory("s1", {0, 1}, 1),
                                MakeStory("s2", {2, 3, 4}, 2),
                                MakeStory("s3", {5}, 1, /*furniture=*/true),
                                MakeStory("s4", {6, 7, 8}, 1),
                                MakeStory("s5", {9, 10}, 2),
                                MakeStory("s6", {11}, 1)};
  DigestOptions options;
  options.min_articles = 2;
  options.pages = true;
  size_t furniture = 0;
  std::vector<DigestStory> ranked = RankStories(stories, options, &furniture);
  EXPECT_EQ(furniture, 1u);
  std::vector<std::string> order;
  for (const DigestStory& r : ranked) order.push_back(r.entry.id);
  EXPECT_EQ(order, (std::vector<std::string>{"s2", "s5", "s4", "s1"}));
  EXPECT_EQ(ranked[0].entry.rank, 1u);
  EXPECT_EQ(ranked[0].entry.page, "stories/s2.html");
  EXPECT_EQ(ranked[0].entry.articles, 3u);
}

TEST(DigestTest, BriefsAndWritesEveryStory) {
  const std::string feed = std::string(DOSSIER_SOURCE_DIR) + "/examples/newsdesk/feed.jsonl";
  Result<StoryStream> stream = StoryStream::Create({});
  ASSERT_TRUE(stream.ok());
  stream->SetKeepDocuments();
  std::vector<Diagnostic> diagnostics;
  ReadDocuments(
      std::vector<std::string>{feed}, {}, [&](Document&& d) { stream->Push(std::move(d)); },
      &diagnostics);
  stream->Finish();
  std::vector<Document> docs = stream->TakeDocuments();
  DigestOptions options;
  options.pages = true;
  size_t furniture = 0;
  std::vector<DigestStory> ranked = RankStories(stream->Stories(), options, &furniture);
  ASSERT_GE(ranked.size(), 3u);
  Result<StoryBriefer> briefer = StoryBriefer::Create(options);
  ASSERT_TRUE(briefer.ok());
  Pipeline::Scratch scratch = briefer->NewScratch();
  for (DigestStory& r : ranked) briefer->Brief(&r, StoryDocuments(r, &docs, options), &scratch);
  for (const DigestStory& r : ranked) {
    EXPECT_FALSE(r.entry.title.empty()) << r.entry.id;
    EXPECT_FALSE(r.entry.lead.empty()) << r.entry.id;
    EXPECT_NE(r.page.find("<html"), std::string::npos);
    EXPECT_EQ(r.brief_json.front(), '{');
  }
  const DigestFiles files = RenderDigest(ranked, docs.size(), furniture);
  EXPECT_EQ(files.markdown.rfind("# Digest: 18 articles, ", 0), 0u) << files.markdown.substr(0, 80);
  size_t lines = 0;
  for (char c : files.jsonl) lines += c == '\n' ? 1 : 0;
  EXPECT_EQ(lines, ranked.size());

  const fs::path dir = fs::temp_directory_path() / ("digest_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  ASSERT_TRUE(WriteDigest((dir / "out").string(), ranked, files).ok());
  for (const DigestStory& r : ranked) EXPECT_TRUE(fs::exists(dir / "out" / r.entry.page));
  std::ifstream md(dir / "out" / "digest.md");
  std::stringstream got;
  got << md.rdbuf();
  EXPECT_EQ(got.str(), files.markdown);
  ASSERT_TRUE(WriteDigest((dir / "d.jsonl").string(), ranked, files).ok());
  EXPECT_EQ(fs::file_size(dir / "d.jsonl"), files.jsonl.size());
  // Written again over the folder: replaced whole, nothing left beside it.
  ASSERT_TRUE(WriteDigest((dir / "out").string(), {}, RenderDigest({}, 0, 0)).ok());
  EXPECT_FALSE(fs::exists(dir / "out" / ranked[0].entry.page));
  size_t entries = 0;
  for (const auto& e : fs::directory_iterator(dir)) entries += e.is_directory() ? 1 : 0;
  EXPECT_EQ(entries, 1u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dossier
