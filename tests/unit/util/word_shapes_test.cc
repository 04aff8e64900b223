#include "util/word_shapes.h"

#include <gtest/gtest.h>

#include <string>

namespace dossier {
namespace {

TEST(WordShapesTest, NeverRulesOutAWordItWasGiven) {
  WordShapes shapes;
  const char* words[] = {"said", "told", "spokeswoman", "i", "", "x"};
  for (const char* w : words) shapes.Add(w);
  for (const char* w : words) EXPECT_TRUE(shapes.MayContain(w)) << w;
  EXPECT_TRUE(shapes.MayContainFolded("Spokeswoman"));
  EXPECT_TRUE(shapes.MayContainFolded("SAID"));
}

TEST(WordShapesTest, RulesOutOtherFirstLettersAndLengths) {
  WordShapes shapes;
  shapes.Add("said");
  EXPECT_FALSE(shapes.MayContain("the"));    // another first letter
  EXPECT_FALSE(shapes.MayContain("says!"));  // another length
  EXPECT_FALSE(shapes.MayContain("Said"));   // as written: 'S' is not 's'
  EXPECT_TRUE(shapes.MayContainFolded("Said"));
  EXPECT_TRUE(shapes.MayContain("sand"));  // same shape: only "maybe"
}

TEST(WordShapesTest, LongWordsAreKeptByAFlag) {
  WordShapes shapes;
  const std::string longer(80, 'a');
  EXPECT_FALSE(shapes.MayContain(longer));
  shapes.Add(longer);
  EXPECT_TRUE(shapes.MayContain(longer));
  EXPECT_TRUE(shapes.MayContain(std::string(70, 'b')));  // any long word, then
}

}  // namespace
}  // namespace dossier
