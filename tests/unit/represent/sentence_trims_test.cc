#include "represent/sentence_trims.h"

#include <gtest/gtest.h>

#include <string>

namespace dossier {
namespace {

// The trimmed text of a one-sentence document ("" when nothing is cut).
std::string Trimmed(const std::string& text) {
  static const SentenceTrimmer* trimmer = [] {
    Result<SentenceTrimmer> t = SentenceTrimmer::Create("");
    EXPECT_TRUE(t.ok());
    return new SentenceTrimmer(std::move(*t));
  }();
  Document doc;
  doc.text = text;
  Sentence s;
  s.span = {0, static_cast<uint32_t>(text.size())};
  std::string out;
  for (Span p : trimmer->Trim(doc, s)) out += p.Slice(doc.text);
  return out;
}

TEST(SentenceTrimsTest, CutsAnAttributionTailAndKeepsThePeriod) {
  EXPECT_EQ(Trimmed("The storm flooded forty homes along the river, officials said on Monday."),
            "The storm flooded forty homes along the river.");
  EXPECT_EQ(Trimmed("The ferry will run again next week, said Ann Lee, a harbor spokeswoman."),
            "The ferry will run again next week.");
}

TEST(SentenceTrimsTest, LeavesQuotationsAndContentClausesAlone) {
  // The comma sits inside a quotation: the tail attributes it.
  EXPECT_EQ(
      Trimmed("\"We will rebuild the bridge by spring, and sooner if we can,\" the mayor said."),
      "");
  // No speech verb in the clause after the comma.
  EXPECT_EQ(Trimmed("The council met for six hours on Tuesday, longer than ever before."), "");
  // A participle opens news, not attribution; a verb after the third word is no tail.
  EXPECT_EQ(Trimmed("Troops stormed the compound at dawn, claiming about eighty lives."), "");
  EXPECT_EQ(
      Trimmed("The inquiry into the siege at the ranch near Waco, Texas, is a promising step."),
      "");
}

TEST(SentenceTrimsTest, DropsShortParentheticalsAndLeadingAdverbials) {
  EXPECT_EQ(Trimmed("The ferry company (a family firm since 1921) sold its two oldest boats."),
            "The ferry company sold its two oldest boats.");
  EXPECT_EQ(Trimmed("On Tuesday, Mayor Ruiz opened the new footbridge over the harbor."),
            "Mayor Ruiz opened the new footbridge over the harbor.");
  // What follows the comma opens in lower case: not a sentence on its own.
  EXPECT_EQ(Trimmed("On Tuesday, the mayor opened the new footbridge over the harbor."), "");
}

TEST(SentenceTrimsTest, CutsRelativeClausesAndAppositivesAfterNames) {
  EXPECT_EQ(Trimmed("Ann Lee, who ran the ferry line for a decade, sold her last two boats."),
            "Ann Lee sold her last two boats.");
  EXPECT_EQ(Trimmed("The council approved the new footbridge, which opens to walkers in May."),
            "The council approved the new footbridge.");
  EXPECT_EQ(Trimmed("Ruiz, the mayor of the harbor town, opened the new footbridge on Friday."),
            "Ruiz opened the new footbridge on Friday.");
  EXPECT_EQ(Trimmed("Ruiz, 58, opened the new footbridge over the harbor on Friday."),
            "Ruiz opened the new footbridge over the harbor on Friday.");
}

TEST(SentenceTrimsTest, LeavesListsScoresAndThousandsAlone) {
  // The comma after "wrote" is a list's, inside the clause: no end of it to cut at.
  EXPECT_EQ(Trimmed("Ann Lee, who wrote, drew and lettered every page, retired in May."), "");
  // An item of a list, not an appositive.
  EXPECT_EQ(Trimmed("The ferries stop at Lima, the old capital, and the two islands."), "");
  // A score is news, not an age.
  EXPECT_EQ(Trimmed("Harbor City beat Northfield, 23-16, in the final on Sunday night."), "");
  // The comma of "2,000" ends no phrase: the appositive runs to the next one.
  EXPECT_EQ(Trimmed("Lee, the owner of 2,000 boats, retired from the ferry line on Friday."),
            "Lee retired from the ferry line on Friday.");
}

TEST(SentenceTrimsTest, KeepsAtLeastSixWords) {
  EXPECT_EQ(Trimmed("Ten boats sank, the coast guard said on Sunday."), "");
}

}  // namespace
}  // namespace dossier
