#include "segment/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dossier {
namespace {

// Each lexeme as "kind:text", kind L letters, D digits, O other.
std::vector<std::string> Pieces(std::string_view text, Span span) {
  std::vector<Lexeme> lexemes;
  Lex(text, span, &lexemes);
  std::vector<std::string> out;
  for (const Lexeme& l : lexemes) {
    const char kind = l.kind == LexemeKind::kLetters  ? 'L'
                      : l.kind == LexemeKind::kDigits ? 'D'
                                                      : 'O';
    out.push_back(std::string(1, kind) + ":" + std::string(l.In(text)));
  }
  return out;
}

Span All(std::string_view text) { return Span{0, static_cast<uint32_t>(text.size())}; }

TEST(LexerTest, LettersDigitsAndMarks) {
  std::string text = "Talks at 4:30pm, U.S.-led.";
  EXPECT_EQ(Pieces(text, All(text)),
            (std::vector<std::string>{"L:Talks", "L:at", "D:4", "O::", "D:30", "L:pm", "O:,", "L:U",
                                      "O:.", "L:S", "O:.", "O:-", "L:led", "O:."}));
}

TEST(LexerTest, AUtf8CharacterIsOneLexeme) {
  std::string text =
      "Montr\xC3\xA9"
      "al\xE2\x80\x99s \xE2\x80\x94 10\xC2\xA0"
      "000";
  EXPECT_EQ(Pieces(text, All(text)),
            (std::vector<std::string>{"L:Montr", "O:\xC3\xA9", "L:al", "O:\xE2\x80\x99", "L:s",
                                      "O:\xE2\x80\x94", "D:10", "O:\xC2\xA0", "D:000"}));
}

TEST(LexerTest, AMalformedByteIsALexemeOfItsOwn) {
  std::string text =
      "a\xFF"
      "b\xE2";
  EXPECT_EQ(Pieces(text, All(text)), (std::vector<std::string>{"L:a", "O:\xFF", "L:b", "O:\xE2"}));
}

TEST(LexerTest, KeepsOffsetsWithinTheSpanAndClampsIt) {
  std::string text = "one two three";
  std::vector<Lexeme> lexemes;
  Lex(text, Span{4, 100}, &lexemes);
  ASSERT_EQ(lexemes.size(), 2u);
  EXPECT_EQ(lexemes[0].begin, 4u);
  EXPECT_EQ(lexemes[1].In(text), "three");
  EXPECT_EQ(lexemes[1].end, text.size());
  // A lexeme ends at the span's end even inside a word.
  Lex(text, Span{0, 2}, &lexemes);
  ASSERT_EQ(lexemes.size(), 1u);
  EXPECT_EQ(lexemes[0].In(text), "on");
  EXPECT_EQ(lexemes[0].kind, LexemeKind::kLetters);
  // Marks are matched as one byte only.
  Lex(text = "a-b \xE2\x80\x94", All(text), &lexemes);
  EXPECT_TRUE(lexemes[1].IsMark(text, '-'));
  EXPECT_FALSE(lexemes[0].IsMark(text, 'a'));
  EXPECT_FALSE(lexemes[3].IsMark(text, '\xE2'));
}

}  // namespace
}  // namespace dossier
