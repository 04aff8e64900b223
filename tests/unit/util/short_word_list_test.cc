#include "util/short_word_list.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(ShortWordListTest, ContainsExactlyTheWordsAddedOnce) {
  ShortWordList list;
  EXPECT_TRUE(list.empty());
  EXPECT_FALSE(list.Contains(""));
  list.Add("of");
  list.Add("the");
  list.Add("of");
  list.Add("");
  EXPECT_EQ(list.words().size(), 2u);
  EXPECT_TRUE(list.Contains("of"));
  EXPECT_TRUE(list.Contains("the"));
  EXPECT_FALSE(list.Contains("o"));
  EXPECT_FALSE(list.Contains("off"));
  EXPECT_FALSE(list.Contains("The"));
  EXPECT_FALSE(list.Contains(""));
}

}  // namespace
}  // namespace dossier
