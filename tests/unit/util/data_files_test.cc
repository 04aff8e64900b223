#include "util/data_files.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace dossier {
namespace {

TEST(WordListTest, ParsesCommentsBlankLinesAndCase) {
  WordList w = WordList::Parse("# header\nMr\n\n  Dr  # doctor\nmr\n", /*lowercase=*/true);
  EXPECT_EQ(w.size(), 2u);
  EXPECT_TRUE(w.Contains("mr"));
  EXPECT_TRUE(w.Contains("dr"));
  EXPECT_FALSE(w.Contains("Mr"));
}

TEST(DataFilesTest, EveryShippedListIsBuiltIn) {
  std::vector<std::string> names = EmbeddedDataFileNames();
  for (const char* expected : {"abbreviations.txt", "stopwords_en.txt", "clutter_lines.txt",
                               "clutter_prefixes.txt", "photo_credits.txt", "speaker_titles.txt"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
    Result<std::string> content = ReadDataFile("", expected);
    ASSERT_TRUE(content.ok()) << expected;
    EXPECT_FALSE(content->empty()) << expected;
  }
}

TEST(DataFilesTest, DataDirOverridesAndMissingFileIsNotFound) {
  Result<std::string> from_dir = ReadDataFile(DOSSIER_SOURCE_DIR "/data", "stopwords_en.txt");
  ASSERT_TRUE(from_dir.ok());
  EXPECT_EQ(*from_dir, *ReadDataFile("", "stopwords_en.txt"));
  Result<std::string> missing = ReadDataFile("/nonexistent-dossier-dir", "stopwords_en.txt");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ReadDataFile("", "no-such-list.txt").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace dossier
