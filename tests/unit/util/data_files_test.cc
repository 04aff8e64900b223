#include "util/data_files.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

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
  for (const char* expected :
       {"en/abbreviations.txt", "en/stopwords.txt", "en/clutter_lines.txt",
        "en/clutter_prefixes.txt", "en/photo_credits.txt", "en/speaker_titles.txt"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
    Result<std::string> content = ReadDataFile("", expected);
    ASSERT_TRUE(content.ok()) << expected;
    EXPECT_FALSE(content->empty()) << expected;
  }
}

TEST(DataFilesTest, DataDirOverridesAndMissingFileIsNotFound) {
  Result<std::string> from_dir = ReadDataFile(DOSSIER_SOURCE_DIR "/data", "en/stopwords.txt");
  ASSERT_TRUE(from_dir.ok());
  EXPECT_EQ(*from_dir, *ReadDataFile("", "en/stopwords.txt"));
  Result<std::string> missing = ReadDataFile("/nonexistent-dossier-dir", "en/stopwords.txt");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ReadDataFile("", "no-such-list.txt").status().code(), StatusCode::kNotFound);
}

TEST(DataFilesTest, DataDirReplacesOnlyTheListsItHolds) {
  std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "dossier-data-override";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "en");
  std::ofstream(dir / "en" / "stopwords.txt") << "zzyzx\n";
  Result<WordList> replaced = LoadWordList(dir.string(), "en/stopwords.txt", true);
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(replaced->size(), 1u);
  EXPECT_TRUE(replaced->Contains("zzyzx"));
  // A list the folder does not hold stays built in.
  Result<std::string> kept = ReadDataFile(dir.string(), "en/abbreviations.txt");
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(*kept, *ReadDataFile("", "en/abbreviations.txt"));
  EXPECT_TRUE(HasDataFile(dir.string(), "en/stopwords.txt"));
  EXPECT_FALSE(HasDataFile(dir.string(), "xx/stopwords.txt"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dossier
