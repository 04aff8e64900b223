#include "util/word_kinds.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../temp_dir.h"
#include "util/name_particles.h"

namespace dossier {
namespace {

constexpr std::string_view kKinds[] = {"article", "preposition", "suffix"};

std::vector<std::string> Strings(std::span<const std::string_view> views) {
  return std::vector<std::string>(views.begin(), views.end());
}

TEST(WordKindsTest, EntriesGroupedByKindInFileOrder) {
  Result<WordKinds> w = WordKinds::Parse("test.txt",
                                         "# a comment\n"
                                         "The | article\n"
                                         "in | preposition   # trailing comment\n"
                                         "\n"
                                         "a | article\n"
                                         "at the | preposition article\n"
                                         "Jr. | suffix\n",
                                         kKinds, /*keep_case=*/uint64_t{1} << 2);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_EQ(Strings(w->Of(0)), (std::vector<std::string>{"the", "a", "at the"}));
  EXPECT_EQ(Strings(w->Of(1)), (std::vector<std::string>{"in", "at the"}));
  EXPECT_EQ(Strings(w->Of(2)), (std::vector<std::string>{"Jr."}));  // kept as written
  EXPECT_TRUE(w->Is(0, "the"));
  EXPECT_FALSE(w->Is(0, "The"));  // compared as written
  EXPECT_FALSE(w->Is(0, "then"));
  EXPECT_FALSE(w->Is(0, ""));
  EXPECT_TRUE(w->Is(1, "at the"));
  EXPECT_FALSE(w->Is(1, "a"));
  EXPECT_TRUE(w->Is(2, "Jr."));
  EXPECT_FALSE(w->Is(2, "jr."));
}

TEST(WordKindsTest, CopiesAndMovesKeepTheirEntries) {
  Result<WordKinds> w = WordKinds::Parse("test.txt", "a | article\nvia | preposition\n", kKinds);
  ASSERT_TRUE(w.ok());
  WordKinds copy = *w;
  WordKinds moved = std::move(*w);
  EXPECT_TRUE(copy.Is(1, "via"));
  EXPECT_TRUE(moved.Is(0, "a"));
  EXPECT_TRUE(moved.Of(2).empty());
}

TEST(WordKindsTest, EntriesNeedAKnownKind) {
  for (const char* bad : {"the\n", "the |\n", "| article\n", "the | noun\n"}) {
    Result<WordKinds> w = WordKinds::Parse("test.txt", bad, kKinds);
    ASSERT_FALSE(w.ok()) << bad;
    EXPECT_EQ(w.status().code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(w.status().message().find("test.txt"), std::string::npos) << bad;
  }
}

class WordKindsFileTest : public TempDirTest {};

TEST_F(WordKindsFileTest, ADataFolderReplacesTheBuiltInFile) {
  Result<WordKinds> builtin = LoadNameParticles("", "en");
  ASSERT_TRUE(builtin.ok()) << builtin.status().ToString();
  EXPECT_TRUE(builtin->Is(kParticleInNames, "van"));
  EXPECT_FALSE(builtin->Is(kParticleInNames, "zu"));
  Write("en/name_particles.txt", "zu | names\n");
  Result<WordKinds> changed = LoadNameParticles(dir_.string(), "en");
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_TRUE(changed->Is(kParticleInNames, "zu"));
  EXPECT_FALSE(changed->Is(kParticleInNames, "van"));
  Result<WordKinds> missing = LoadNameParticles("", "xx");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace dossier
