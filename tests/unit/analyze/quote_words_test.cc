#include "analyze/quote_words.h"

#include <gtest/gtest.h>

#include "analyze/name_forms.h"

namespace dossier::quote_words {
namespace {

TEST(QuoteWordsTest, NameWordsExcludeFunctionWordsGroupsContractionsAndAdjectives) {
  EXPECT_TRUE(IsBlockedNameWord("the"));
  EXPECT_TRUE(IsBlockedNameWord("officials"));
  EXPECT_TRUE(IsBlockedNameWord("doctors"));
  EXPECT_TRUE(IsBlockedNameWord("we're"));
  EXPECT_TRUE(IsBlockedNameWord("we\xE2\x80\x99re"));
  EXPECT_TRUE(IsBlockedNameWord("can't"));
  EXPECT_TRUE(IsBlockedNameWord("texas-based"));
  EXPECT_FALSE(IsBlockedNameWord("duarte"));
  EXPECT_FALSE(IsBlockedNameWord("ki-moon"));
}

TEST(QuoteWordsTest, AdverbsBetweenASubjectAndItsVerb) {
  EXPECT_TRUE(IsAdverb("also"));
  EXPECT_TRUE(IsAdverb("nevertheless"));
  EXPECT_TRUE(IsAdverb("repeatedly"));
  EXPECT_FALSE(IsAdverb("Kelly"));
  EXPECT_FALSE(IsAdverb("reporters"));
}

TEST(QuoteWordsTest, TimesClauseOpenersAndDocuments) {
  EXPECT_TRUE(IsTimeWord("friday"));
  EXPECT_TRUE(IsTimeWord("moments"));
  EXPECT_TRUE(IsTimeLead("late"));
  EXPECT_TRUE(IsClauseOpener("there"));
  EXPECT_TRUE(IsClauseOpener("the"));
  EXPECT_FALSE(IsClauseOpener("them"));
  EXPECT_TRUE(IsDocumentNoun("statement"));
  EXPECT_FALSE(IsDocumentNoun("spokesman"));
  EXPECT_TRUE(IsNamingVerb("dubbed"));
  EXPECT_FALSE(IsNamingVerb("said"));
  EXPECT_TRUE(IsMonth("feb."));
  EXPECT_FALSE(IsMonth("may"));
  // Exactly the full names but "may", and the abbreviations with a period.
  for (std::string_view m :
       {"january", "june", "july", "september", "jan.", "jun.", "sep.", "sept.", "dec."}) {
    EXPECT_TRUE(IsMonth(m)) << m;
  }
  for (std::string_view m : {"may.", "jan", "mar", "sept", "june.", "march.", "mayday", "an"}) {
    EXPECT_FALSE(IsMonth(m)) << m;
  }
}

TEST(QuoteWordsTest, PartyTagsAcronymsAndPossessives) {
  EXPECT_TRUE(IsPartyTag("R-Texas"));
  EXPECT_TRUE(IsPartyTag("D-Calif."));
  EXPECT_FALSE(IsPartyTag("Al-Haj"));
  // One acronym test for quotes and entities (name_forms.h): 2-6 capitals.
  EXPECT_TRUE(name_forms::IsAcronym("RTSO"));
  EXPECT_FALSE(name_forms::IsAcronym("Rtso"));
  EXPECT_TRUE(name_forms::IsAcronym("U.N."));
  EXPECT_FALSE(name_forms::IsAcronym("J."));          // a middle initial
  EXPECT_FALSE(name_forms::IsAcronym("WASHINGTON"));  // a dateline, shouted
  EXPECT_TRUE(IsPossessive("Microsoft's"));
  EXPECT_EQ(WithoutPossessive("Microsoft\xE2\x80\x99s"), "Microsoft");
  EXPECT_EQ(WithoutPossessive("Workers'"), "Workers");
  EXPECT_EQ(WithoutPeriod("Dr."), "dr");
  EXPECT_TRUE(IsCapitalized("\xC3\x89lise"));  // É
  EXPECT_FALSE(IsCapitalized("\xC3\xA9lise"));
}

}  // namespace
}  // namespace dossier::quote_words
