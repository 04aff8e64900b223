#include "eval/rouge_unicode.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace dossier::eval {
namespace {

std::string Fold(std::string_view unit) {
  std::string out;
  FoldUnicodeUnit(unit, &out);
  return out;
}

std::vector<std::string> Tokens(std::string_view unit) {
  const std::string folded = Fold(unit);
  std::vector<std::string_view> views;
  UnicodeTokens(folded, &views);
  return {views.begin(), views.end()};
}

TEST(RougeUnicode, FoldingIsFullCaseFoldingInNfc) {
  EXPECT_EQ(Fold("Der PRÄSIDENT"), "der präsident");
  EXPECT_EQ(Fold("Straße"), "strasse");  // full folding: ß -> ss
  EXPECT_EQ(Fold("ПРЕЗИДЕНТ Путин"), "президент путин");
  EXPECT_EQ(Fold("ΣΟΦΊΑ"), "σοφία");
  EXPECT_EQ(Fold("ς"), "σ");          // final sigma
  EXPECT_EQ(Fold("İ"), "i\xcc\x87");  // not Turkish-specific: i + COMBINING DOT ABOVE
  // NFD input (O + COMBINING DIAERESIS) comes out composed, as the NFC input does.
  EXPECT_EQ(Fold("O\xcc\x88sterreich"), "österreich");
  EXPECT_EQ(Fold("Österreich"), "österreich");
  EXPECT_EQ(Fold("ASCII Only 42"), "ascii only 42");
}

TEST(RougeUnicode, IllFormedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(Fold("ab\xff"
                 "cd"),
            "ab\xef\xbf\xbd"
            "cd");
  EXPECT_EQ(Fold("caf\xc3"), "caf\xef\xbf\xbd");  // a sequence cut short
  const std::string folded = Fold("\xc0\xaf\xed\xa0\x80x\x80");
  std::vector<std::string_view> tokens;
  UnicodeTokens(folded, &tokens);
  EXPECT_EQ(tokens, (std::vector<std::string_view>{"x"}));
}

TEST(RougeUnicode, TokensAreRunsOfLettersMarksAndNumbers) {
  EXPECT_EQ(
      Tokens("Österreichs Präsident, 2024: l'Élysée -- e-mail"),
      (std::vector<std::string>{"österreichs", "präsident", "2024", "l", "élysée", "e", "mail"}));
  EXPECT_EQ(Tokens("Президент России"), (std::vector<std::string>{"президент", "россии"}));
  // Devanagari vowel signs are marks (Mc, Mn): they stay inside the word.
  EXPECT_EQ(Tokens("हिन्दी भाषा"), (std::vector<std::string>{"हिन्दी", "भाषा"}));
}

TEST(RougeUnicode, ChineseJapaneseAndThaiAreOneTokenPerCharacter) {
  EXPECT_EQ(Tokens("我爱北京"), (std::vector<std::string>{"我", "爱", "北", "京"}));
  EXPECT_EQ(Tokens("東京に住む"), (std::vector<std::string>{"東", "京", "に", "住", "む"}));
  // The prolonged sound mark belongs to Hiragana and Katakana (script extensions).
  EXPECT_EQ(Tokens("コーヒー"), (std::vector<std::string>{"コ", "ー", "ヒ", "ー"}));
  // A Thai consonant keeps the vowel and tone marks written on it.
  EXPECT_EQ(Tokens("ที่นี่"), (std::vector<std::string>{"ที่", "นี่"}));
  // Hangul is written with spaces: words.
  EXPECT_EQ(Tokens("대한민국 서울"), (std::vector<std::string>{"대한민국", "서울"}));
}

TEST(RougeUnicode, MixedScriptsSplitWhereTheScriptChanges) {
  EXPECT_EQ(Tokens("Tokyo東京2024年 Москва"),
            (std::vector<std::string>{"tokyo", "東", "京", "2024", "年", "москва"}));
}

TEST(RougeUnicode, DropCutCharacterRemovesOnlyAnIncompleteLastCharacter) {
  EXPECT_EQ(DropCutCharacter("ab"), "ab");
  EXPECT_EQ(DropCutCharacter("a\xc3"), "a");              // ä cut after its first byte
  EXPECT_EQ(DropCutCharacter("a\xc3\xa4"), "a\xc3\xa4");  // ä whole
  EXPECT_EQ(DropCutCharacter("a\xe6\x9d"), "a");          // 東 cut after two of three bytes
  EXPECT_EQ(DropCutCharacter("\xe6\x9d\xb1"), "\xe6\x9d\xb1");
  EXPECT_EQ(DropCutCharacter("\xf0\x9f\x98"), "");
  EXPECT_EQ(DropCutCharacter(""), "");
}

TEST(RougeUnicode, SnowballStemmersByCodeOrName) {
  Result<SnowballStemmer> ru = SnowballStemmer::Create("ru");
  ASSERT_TRUE(ru.ok()) << ru.status().ToString();
  const std::string stem(ru->Stem("президента"));
  EXPECT_EQ(stem, std::string(ru->Stem("президент")));
  Result<SnowballStemmer> de = SnowballStemmer::Create("German");
  ASSERT_TRUE(de.ok());
  const std::string houses(de->Stem("häuser"));  // a stem is valid until the next call
  EXPECT_EQ(houses, std::string(de->Stem("haus")));
  Result<SnowballStemmer> porter = SnowballStemmer::Create("porter");
  ASSERT_TRUE(porter.ok());
  EXPECT_EQ(porter->Stem("connections"), "connect");
  SnowballStemmer moved = std::move(*porter);
  EXPECT_EQ(moved.Stem("running"), "run");
}

TEST(RougeUnicode, UnknownLanguageListsTheValidOnes) {
  for (const char* bad : {"xx", "", "klingon"}) {
    Result<SnowballStemmer> s = SnowballStemmer::Create(bad);
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
    const std::string& message = s.status().message();
    EXPECT_NE(message.find("unknown --language '" + std::string(bad) + "'"), std::string::npos);
    EXPECT_NE(message.find("de (german)"), std::string::npos) << message;
    EXPECT_NE(message.find("ru (russian)"), std::string::npos);
    EXPECT_NE(message.find("porter"), std::string::npos);
  }
}

}  // namespace
}  // namespace dossier::eval
