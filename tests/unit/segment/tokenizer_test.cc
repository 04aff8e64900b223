#include "segment/tokenizer.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

class TokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Tokenizer> t = Tokenizer::Create("");
    ASSERT_TRUE(t.ok());
    tokenizer_ = std::move(*t);
  }
  std::vector<Token> Tokens(std::string_view text) {
    std::vector<Token> out;
    Tokenizer::Scratch scratch = tokenizer_.NewScratch();
    tokenizer_.Tokenize(text, {0, static_cast<uint32_t>(text.size())}, &scratch, &out);
    return out;
  }
  std::string Surfaces(std::string_view text) {
    std::string s;
    for (const Token& t : Tokens(text))
      s += (s.empty() ? "" : "|") + std::string(t.span.Slice(text));
    return s;
  }
  Tokenizer tokenizer_;
};

TEST_F(TokenizerTest, WordsNumbersAndAbbreviations) {
  EXPECT_EQ(Surfaces("The U.S.-led coalition spent $4.5-plus billion."),
            "The|U.S.|led|coalition|spent|4.5|plus|billion");
  EXPECT_EQ(Surfaces("5,000–6,000 metres at 4:30 a.m."), "5,000|6,000|metres|at|4|30|a.m.");
  EXPECT_EQ(Surfaces("Russia’s jets; don't stop"), "Russia’s|jets|don't|stop");
  EXPECT_EQ(Surfaces("«Café» naïve—résumé"), "Café|naïve|résumé");
}

TEST_F(TokenizerTest, LowerStemStopwordAndNumberFlags) {
  auto toks = Tokens("The Presidents were meeting in 2015");
  ASSERT_EQ(toks.size(), 6u);
  EXPECT_EQ(toks[0].lower, "the");
  EXPECT_TRUE(toks[0].is_stopword);
  EXPECT_EQ(toks[1].stem, "presid");
  EXPECT_FALSE(toks[1].is_stopword);
  EXPECT_EQ(toks[3].stem, "meet");
  EXPECT_TRUE(toks[5].is_number);
  EXPECT_EQ(toks[5].stem, "2015");
}

TEST_F(TokenizerTest, PossessivesStemLikeTheirBase) {
  auto toks = Tokens("Russia’s Russia's Russia");
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_EQ(toks[0].stem, toks[2].stem);
  EXPECT_EQ(toks[1].stem, toks[2].stem);
}

TEST_F(TokenizerTest, CaseFoldingIsUnicode) {
  // Simple (one-to-one) folding: "ß" stays, capital sigma folds to sigma.
  EXPECT_EQ(FoldCase("ÉCOLE Straße ΣΟΦΙΑ"), "école straße σοφια");
  EXPECT_EQ(FoldCase("ABC"), "abc");
}

TEST_F(TokenizerTest, InvalidAndReplacementCharactersAreSkipped) {
  EXPECT_EQ(Surfaces("a \xEF\xBF\xBD b"), "a|b");
}

}  // namespace
}  // namespace dossier
