#include "brief/titles.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(TitlesTest, LabelCutsAtAClauseBoundary) {
  EXPECT_EQ(LabelFromSentence("The presidents of France and Russia agreed yesterday to tighten "
                              "cooperation, although they remained at odds over Syria."),
            "The presidents of France and Russia agreed yesterday to tighten cooperation…");
  EXPECT_EQ(LabelFromSentence("Divers found two cracks in the spillway; repairs start in May."),
            "Divers found two cracks in the spillway…");
  EXPECT_EQ(LabelFromSentence("The dam holds."), "The dam holds");
}

TEST(TitlesTest, LabelStopsAtFourteenWords) {
  EXPECT_EQ(LabelFromSentence("one two three four five six seven eight nine ten eleven twelve "
                              "thirteen fourteen fifteen sixteen"),
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen…");
}

TEST(TitlesTest, HeadlineMustBeAHeadline) {
  Document doc;
  doc.id = "feed.jsonl:3";
  doc.title = "Ostvik council approves new ferry terminal";
  EXPECT_EQ(UsableHeadline(doc), "Ostvik council approves new ferry terminal");
  doc.title = "https://example.com/story/123";
  EXPECT_EQ(UsableHeadline(doc), "");
  doc.title = "Untitled";
  EXPECT_EQ(UsableHeadline(doc), "");
  doc.title = "feed.jsonl:3";
  EXPECT_EQ(UsableHeadline(doc), "");
}

}  // namespace
}  // namespace dossier
