#include "eval/quote_score.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

GoldQuote Gold(std::string speaker, std::string kind, uint32_t begin, uint32_t end,
               std::vector<std::string> aliases = {}) {
  GoldQuote g;
  g.speaker = std::move(speaker);
  g.kind = std::move(kind);
  g.span = {begin, end};
  g.aliases = std::move(aliases);
  return g;
}

TEST(QuoteScoreTest, SpeakersAgreeOnNameAliasOrSurnameInsideTheFullName) {
  const GoldQuote g = Gold("Barack Obama", "direct", 0, 10, {"the president"});
  EXPECT_TRUE(SameSpeaker("Barack Obama", g));
  EXPECT_TRUE(SameSpeaker("Obama", g));
  EXPECT_TRUE(SameSpeaker("barack obama", g));
  EXPECT_TRUE(SameSpeaker("The President", g));
  EXPECT_FALSE(SameSpeaker("Michelle Obama", g));  // last word alike, but not inside
  EXPECT_FALSE(SameSpeaker("Joe Biden", g));
  const GoldQuote office = Gold("Pinal County Sheriff's Office", "reported", 0, 10);
  EXPECT_TRUE(SameSpeaker("the sheriff's office", office));
  EXPECT_FALSE(SameSpeaker("Pinal County", office));
}

TEST(QuoteScoreTest, MatchNeedsHalfTheShorterSpanAndTheSpeaker) {
  const GoldQuote a = Gold("Elena Duarte", "direct", 100, 200);
  const GoldQuote b = Gold("Anders Halvorsen", "reported", 300, 400);
  QuoteScore s;
  ScoreQuotes({&a, &b},
              {{"Duarte", "direct", {120, 210}},          // overlaps 80 of 90: match
               {"Elena Duarte", "reported", {390, 420}},  // overlaps 10 of 30: no
               {"Duarte", "reported", {300, 400}}},       // right span, wrong speaker
              &s);
  EXPECT_EQ(s.all.gold, 2u);
  EXPECT_EQ(s.all.predicted, 3u);
  EXPECT_EQ(s.all.gold_matched, 1u);
  EXPECT_EQ(s.all.predicted_matched, 1u);
  EXPECT_EQ(s.direct.gold_matched, 1u);
  EXPECT_EQ(s.reported.gold_matched, 0u);
  EXPECT_EQ(s.reported.predicted, 2u);
  EXPECT_NEAR(s.all.Precision(), 1.0 / 3, 1e-9);
  EXPECT_NEAR(s.all.Recall(), 0.5, 1e-9);
}

TEST(QuoteScoreTest, UnnamedGoldIsNotCountedButAttributingItIsFalse) {
  const GoldQuote unnamed = Gold("UNNAMED", "reported", 0, 50);
  QuoteScore s;
  ScoreQuotes({&unnamed}, {{"Kerry", "reported", {0, 50}}}, &s);
  EXPECT_EQ(s.unnamed, 1u);
  EXPECT_EQ(s.all.gold, 0u);
  EXPECT_EQ(s.all.predicted, 1u);
  EXPECT_EQ(s.all.predicted_matched, 0u);
}

TEST(QuoteScoreTest, OnePredictionMatchesOneGoldQuote) {
  const GoldQuote x = Gold("Kerry", "reported", 0, 100);
  const GoldQuote y = Gold("Kerry", "reported", 0, 100);  // "X and Kerry said": two labels
  QuoteScore s;
  ScoreQuotes({&x, &y}, {{"John Kerry", "reported", {0, 100}}}, &s);
  EXPECT_EQ(s.all.gold_matched, 1u);
  EXPECT_EQ(s.all.predicted_matched, 1u);
}

TEST(QuoteScoreTest, KeyIsTheFirstSixWordsLowerCasedWithoutPunctuation) {
  EXPECT_EQ(QuoteKey("We will, find out what happened today"),
            QuoteKey("we WILL find out what happened"));
  EXPECT_NE(QuoteKey("We will find out"), QuoteKey("We will not find out"));
  EXPECT_EQ(QuoteKey("\xE2\x80\x9CWe will\xE2\x80\x9D"), QuoteKey("we will"));
}

TEST(QuoteScoreTest, GoldLinesAreCheckedAndBadOnesReported) {
  std::vector<Diagnostic> diagnostics;
  const std::vector<GoldQuote> gold = ParseQuoteGold(
      "{\"input\":\"a.jsonl\",\"id\":\"x\",\"speaker\":\"Kerry\",\"kind\":\"direct\",\"begin\":3,"
      "\"end\":9,\"aliases\":[\"John Kerry\"],\"key\":\"00\"}\n"
      "not json\n"
      "{\"input\":\"a.jsonl\",\"speaker\":\"Kerry\",\"kind\":\"quoted\",\"begin\":3,\"end\":9}\n"
      "{\"input\":\"a.jsonl\",\"speaker\":\"Kerry\",\"kind\":\"direct\",\"begin\":9,\"end\":3}\n",
      "gold.jsonl", &diagnostics);
  ASSERT_EQ(gold.size(), 1u);
  EXPECT_EQ(gold[0].id, "x");
  EXPECT_EQ(gold[0].span.begin, 3u);
  EXPECT_EQ(gold[0].aliases, std::vector<std::string>{"John Kerry"});
  ASSERT_EQ(diagnostics.size(), 3u);
  EXPECT_EQ(diagnostics[0].status.input(), "gold.jsonl:2");
  EXPECT_EQ(diagnostics[1].status.input(), "gold.jsonl:3");
}

}  // namespace
}  // namespace dossier
