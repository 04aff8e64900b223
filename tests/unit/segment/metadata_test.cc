#include "segment/metadata.h"

#include <gtest/gtest.h>

#include "segment/clutter.h"

namespace dossier {
namespace {

Document Make(std::string text) {
  Document d;
  d.text = std::move(text);
  d.paragraphs = SplitLines(d.text);
  return d;
}

TEST(MetadataTest, HeadlineAndDatelineAreFoundAndRemovedFromParagraphs) {
  Document d = Make("French, Russian presidents meet\n\nNovember 27, 2015\n\nThe presidents met.");
  DetectMetadata(&d);
  EXPECT_EQ(d.title, "French, Russian presidents meet");
  EXPECT_EQ(d.date, "2015-11-27");
  EXPECT_EQ(d.date_span.Slice(d.text), "November 27, 2015");
  ASSERT_EQ(d.paragraphs.size(), 1u);
  EXPECT_EQ(d.paragraphs[0].Slice(d.text), "The presidents met.");
}

TEST(MetadataTest, FirstSentenceIsNotAHeadline) {
  Document d = Make("The presidents met on Friday.\nThey agreed.");
  DetectMetadata(&d);
  EXPECT_EQ(d.title, "");
  EXPECT_EQ(d.paragraphs.size(), 2u);
}

TEST(MetadataTest, GivenTitleIsLocatedButNotReplaced) {
  Document d = Make("Bridge Falls\nThe bridge fell.");
  d.title = "Bridge Falls";
  DetectMetadata(&d);
  EXPECT_EQ(d.title_span.Slice(d.text), "Bridge Falls");
  EXPECT_EQ(d.paragraphs.size(), 1u);
}

TEST(MetadataTest, DatelineInsideTheFirstParagraphGivesTheDate) {
  Document d = Make(
      "Headline here\nWASHINGTON, Nov. 27, 2015 -- The talks ended late on Friday "
      "with no agreement on the main points of the draft.");
  DetectMetadata(&d);
  EXPECT_EQ(d.date, "2015-11-27");
  EXPECT_EQ(d.paragraphs.size(), 1u);  // the dateline paragraph is story text
}

TEST(MetadataTest, GivenDateIsKept) {
  Document d = Make("Title\nOn December 18, 2015 it happened.");
  d.date = "2015-12-19";
  DetectMetadata(&d);
  EXPECT_EQ(d.date, "2015-12-19");
}

}  // namespace
}  // namespace dossier
