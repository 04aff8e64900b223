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

std::string DatelineOf(const std::string& text, std::string* rest, std::string* source) {
  Document d = Make(text);
  DetectMetadata(&d);
  *rest = d.paragraphs.empty() ? "" : std::string(d.paragraphs[0].Slice(d.text));
  *source = d.source;
  return std::string(d.dateline_span.Slice(d.text));
}

TEST(MetadataTest, NewswireDatelinesAreSetApart) {
  std::string rest, source;
  EXPECT_EQ(DatelineOf("WASHINGTON (AP) \xE2\x80\x94 The Senate voted on Tuesday to pass it.",
                       &rest, &source),
            "WASHINGTON (AP) \xE2\x80\x94");
  EXPECT_EQ(rest, "The Senate voted on Tuesday to pass it.");
  EXPECT_EQ(source, "AP");
  EXPECT_EQ(DatelineOf("COLUMBIA, S.C. - The deputy was fired on Wednesday after a video.", &rest,
                       &source),
            "COLUMBIA, S.C. -");
  EXPECT_EQ(rest, "The deputy was fired on Wednesday after a video.");
  EXPECT_EQ(DatelineOf("MARLOW BAY, March 13 (Harbor Wire) -- Two people died in the storm.", &rest,
                       &source),
            "MARLOW BAY, March 13 (Harbor Wire) --");
  EXPECT_EQ(source, "Harbor Wire");
  EXPECT_EQ(DatelineOf("LOS ANGELES, Calif. _ Fires spread overnight in the hills above town.",
                       &rest, &source),
            "LOS ANGELES, Calif. _");
  // Not datelines.
  EXPECT_EQ(DatelineOf("A U.S. official - who spoke on condition of anonymity - said so.", &rest,
                       &source),
            "");
  EXPECT_EQ(
      DatelineOf("NASA said on Monday that the launch would go ahead as planned.", &rest, &source),
      "");
  EXPECT_EQ(
      DatelineOf("The FBI - and the CIA - declined to comment on the report.", &rest, &source), "");
  EXPECT_EQ(DatelineOf("FBI - the bureau - declined to comment on the report, aides said.", &rest,
                       &source),
            "FBI -");  // all-caps lead word and a dash: read as a dateline (known limit)
}

TEST(MetadataTest, GivenDateIsKept) {
  Document d = Make("Title\nOn December 18, 2015 it happened.");
  d.date = "2015-12-19";
  DetectMetadata(&d);
  EXPECT_EQ(d.date, "2015-12-19");
}

}  // namespace
}  // namespace dossier
