#include "analyze/quote_words.h"

#include <gtest/gtest.h>

#include "analyze/name_forms.h"
#include "util/data_files.h"

namespace dossier {
namespace {

using quote_words::IsCapitalized;
using quote_words::IsPartyTag;
using quote_words::IsPossessive;
using quote_words::WithoutPeriod;
using quote_words::WithoutPossessive;

// The built-in English classes.
const QuoteWords& Words() {
  static const QuoteWords* words = [] {
    Result<QuoteWords> w = QuoteWords::Create("");
    EXPECT_TRUE(w.ok()) << w.status().ToString();
    return new QuoteWords(std::move(*w));
  }();
  return *words;
}
bool IsBlockedNameWord(std::string_view w) { return Words().IsBlockedNameWord(w); }
bool IsAdverb(std::string_view w) { return Words().IsAdverb(w); }
bool IsTimeWord(std::string_view w) { return Words().IsTimeWord(w); }
bool IsTimeLead(std::string_view w) { return Words().IsTimeLead(w); }
bool IsClauseOpener(std::string_view w) { return Words().IsClauseOpener(w); }
bool IsDocumentNoun(std::string_view w) { return Words().IsDocumentNoun(w); }
bool IsNamingVerb(std::string_view w) { return Words().IsNamingVerb(w); }
bool IsMonth(std::string_view w) { return Words().IsMonth(w); }

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

TEST(QuoteWordsTest, KindsEndingsPronounsAndArticles) {
  const QuoteWords& w = Words();
  EXPECT_TRUE(w.Is("the", QuoteWords::kArticle));
  EXPECT_FALSE(w.Is("one", QuoteWords::kArticle));
  EXPECT_TRUE(w.Is("one", QuoteWords::kUnnamedLead));
  EXPECT_TRUE(w.Is("Jr.", QuoteWords::kNameSuffix));  // as written
  EXPECT_FALSE(w.Is("jr.", QuoteWords::kNameSuffix));
  EXPECT_TRUE(w.EndsIn("criticized", QuoteWords::kPastEnding));
  EXPECT_TRUE(w.EndsIn("seen", QuoteWords::kPassiveEnding));
  EXPECT_FALSE(w.EndsIn("seen", QuoteWords::kPastEnding));
  EXPECT_TRUE(w.EndsIn("boss", QuoteWords::kSingularEnding));
  EXPECT_EQ(w.PronounOf("he"), 'm');
  EXPECT_EQ(w.PronounOf("she"), 'f');
  EXPECT_EQ(w.PronounOf("they"), 'p');
  EXPECT_EQ(w.PronounOf("it"), 'n');
  EXPECT_EQ(w.PronounOf("we"), 0);
  EXPECT_EQ(w.WithoutArticle("the associated press"), "associated press");
  EXPECT_EQ(w.WithoutArticle("theatre news"), "theatre news");
  ASSERT_EQ(w.Of(QuoteWords::kSourcePhrase).size(), 1u);
  EXPECT_EQ(w.Of(QuoteWords::kSourcePhrase)[0], "according to");
}

TEST(QuoteWordsTest, EveryKindOfTheBuiltInFileHasWords) {
  // English needs no words for the kinds of verb-subject inversion (French
  // has them), for case endings, legal forms before a quoted name and
  // possessives in source phrases (Russian has them), for the mood of
  // reported speech (German has it), for a preposition before "that"
  // (Spanish has it) nor for bodies that speak by themselves, their
  // dictionary forms and the generic nouns standing for them (Russian has
  // them).
  Result<QuoteWords> fr = QuoteWords::Create("", "fr");
  ASSERT_TRUE(fr.ok()) << fr.status().ToString();
  Result<QuoteWords> ru = QuoteWords::Create("", "ru");
  ASSERT_TRUE(ru.ok()) << ru.status().ToString();
  Result<QuoteWords> de = QuoteWords::Create("", "de");
  ASSERT_TRUE(de.ok()) << de.status().ToString();
  Result<QuoteWords> es = QuoteWords::Create("", "es");
  ASSERT_TRUE(es.ok()) << es.status().ToString();
  for (size_t k = 0; k < QuoteWords::kKindCount; ++k) {
    const auto kind = static_cast<QuoteWords::Kind>(k);
    const bool inversion = kind == QuoteWords::kInvertedAuxiliary ||
                           kind == QuoteWords::kQuoteSource || kind == QuoteWords::kInvertedPronoun;
    const bool cases = kind == QuoteWords::kCaseEnding || kind == QuoteWords::kLegalForm ||
                       kind == QuoteWords::kPossessiveMale ||
                       kind == QuoteWords::kPossessiveFemale ||
                       kind == QuoteWords::kPossessivePlural;
    // German reported mood, and where a speaker is from ("aus Kassel").
    const bool mood = kind == QuoteWords::kReportedMood || kind == QuoteWords::kOrigin;
    const bool that_lead = kind == QuoteWords::kThatLead;
    // Bodies that speak by themselves (body_speakers): French has them,
    // Russian a preposition before them.
    const bool body = kind == QuoteWords::kBody || kind == QuoteWords::kBodyPreposition ||
                      kind == QuoteWords::kDictionaryForm || kind == QuoteWords::kStandInCompany ||
                      kind == QuoteWords::kStandInAuthority;
    // Estimates of an organization (estimate_clause): Italian has them.
    const bool estimate = kind == QuoteWords::kEstimateVerb || kind == QuoteWords::kEstimateNoun;
    EXPECT_EQ(Words().Of(kind).empty(), inversion || cases || mood || that_lead || body || estimate)
        << QuoteWords::kKindNames[k];
    if (estimate) {
      Result<QuoteWords> it = QuoteWords::Create("", "it");
      ASSERT_TRUE(it.ok());
      EXPECT_FALSE(it->Of(kind).empty()) << QuoteWords::kKindNames[k];
    }
    if (body) {
      EXPECT_FALSE(ru->Of(kind).empty()) << QuoteWords::kKindNames[k];
    }
    if (mood) {
      EXPECT_FALSE(de->Of(kind).empty()) << QuoteWords::kKindNames[k];
    }
    if (that_lead) {
      EXPECT_FALSE(es->Of(kind).empty());
    }
    if (inversion) {
      EXPECT_FALSE(fr->Of(kind).empty()) << QuoteWords::kKindNames[k];
    }
    if (cases) {
      EXPECT_FALSE(ru->Of(kind).empty());
    }
  }
}

TEST(QuoteWordsTest, LowerSameLengthKeepsOffsets) {
  EXPECT_EQ(quote_words::LowerSameLength("Über ÉTÉ Он SAID"), "über été он said");
  EXPECT_TRUE(quote_words::IsLowercase("über"));
  EXPECT_TRUE(quote_words::IsLowercase("он"));
  EXPECT_FALSE(quote_words::IsLowercase("Он"));
  EXPECT_FALSE(quote_words::IsLowercase("4x"));
}

TEST(QuoteWordsTest, EachLanguageHasItsQuotationMarks) {
  for (const char* lang : {"en", "de", "fr", "es", "it", "pt", "ru"}) {
    Result<QuoteGrammar> g = QuoteGrammar::Load("", lang);
    ASSERT_TRUE(g.ok()) << lang << ": " << g.status().ToString();
    EXPECT_FALSE(g->marks.empty()) << lang;
  }
  Result<QuoteGrammar> de = QuoteGrammar::Load("", "de");
  ASSERT_TRUE(de.ok());
  EXPECT_EQ(de->marks[0].open, "\xE2\x80\x9E");   // „
  EXPECT_EQ(de->marks[0].close, "\xE2\x80\x9C");  // “
  EXPECT_TRUE(de->clause_comma);
  Result<QuoteGrammar> ru = QuoteGrammar::Load("", "ru");
  ASSERT_TRUE(ru.ok());
  EXPECT_EQ(ru->dialogue_dash, "\xE2\x80\x94");  // —
}

TEST(QuoteWordsTest, AnotherLanguageIsAnotherFolder) {
  Result<QuoteWords> none = QuoteWords::Create("", "xx");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

// name_words.txt entries beyond ASCII match both as written and by their NameKey (a
// name's word is looked up by its key: "für" -> "fur").
TEST(NameWordsTest, EntriesBeyondAsciiMatchByTheirNameKeyToo) {
  Result<name_forms::NameWords> de = name_forms::NameWords::Create("", "de");
  ASSERT_TRUE(de.ok()) << de.status().ToString();
  EXPECT_TRUE(de->Is("für", name_forms::NameWords::kOf));
  EXPECT_TRUE(de->Is(name_forms::NameKey("für"), name_forms::NameWords::kOf));
  EXPECT_FALSE(de->Is("fuer", name_forms::NameWords::kOf));
}

}  // namespace
}  // namespace dossier
