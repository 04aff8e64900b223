#include "util/number_words.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace dossier {
namespace {

TEST(NumberWordsTest, BuiltInEnglishCardinals) {
  Result<NumberWords> numbers = NumberWords::Load("", "en");
  ASSERT_TRUE(numbers.ok()) << numbers.status().ToString();
  ASSERT_NE(numbers->Find("seven"), nullptr);
  EXPECT_EQ(numbers->Find("seven")->value, 7);
  EXPECT_EQ(numbers->Find("ninety")->value, 90);
  EXPECT_EQ(numbers->Find("hundred"), nullptr);  // a magnitude, not a cardinal
  EXPECT_EQ(numbers->Find("Seven"), nullptr);    // lower case only
  EXPECT_EQ(numbers->Find("twelve")->value, 12);
  EXPECT_EQ(numbers->Find("dozen"), nullptr);
}

TEST(NumberWordsTest, FolderReplacesTheListAndOtherLanguagesNeedOne) {
  EXPECT_EQ(NumberWords::Load("", "xx").status().code(), StatusCode::kNotFound);
  const std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / "dossier-number-words";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "de");
  std::filesystem::create_directories(dir / "en");
  std::ofstream(dir / "de" / "number_words.txt") << "# Zahlwörter\neins | 1\nzwei | 2\n";
  std::ofstream(dir / "en" / "number_words.txt") << "one | one\n";
  Result<NumberWords> german = NumberWords::Load(dir.string(), "de");
  Result<NumberWords> broken = NumberWords::Load(dir.string(), "en");
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(german.ok()) << german.status().ToString();
  EXPECT_EQ(german->words().size(), 2u);
  EXPECT_EQ(german->Find("zwei")->value, 2);
  EXPECT_EQ(german->Find("two"), nullptr);
  EXPECT_EQ(broken.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dossier
