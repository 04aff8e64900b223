// Lexer: the pieces of text that the analyses' pattern rules read (time
// expressions, quotes and their speakers), one scanner for them all. The
// summarizer's words come from Tokenizer (tokenizer.h), which also folds case
// and stems.
//
//   std::vector<Lexeme> lexemes;
//   Lex(doc.text, sentence.span, &lexemes);
//   if (lexemes[0].kind == LexemeKind::kDigits) ... lexemes[0].In(doc.text) ...
//
// A lexeme is a run of ASCII letters, a run of ASCII digits, or one other
// character: an ASCII mark, or a whole UTF-8 sequence ("é", "’", "—", a
// no-break space). ASCII white space separates lexemes and is not one. Each
// lexeme keeps its byte offsets, so a rule can ask whether two follow each
// other with no space between ("4:30", "U.S.-led", "Russia’s").
#ifndef DOSSIER_SEGMENT_LEXER_H_
#define DOSSIER_SEGMENT_LEXER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "dossier/span.h"

namespace dossier {

enum class LexemeKind : uint8_t { kLetters, kDigits, kOther };

struct Lexeme {
  uint32_t begin = 0, end = 0;  // bytes of the text
  LexemeKind kind = LexemeKind::kOther;

  std::string_view In(std::string_view text) const { return text.substr(begin, end - begin); }
  // An ASCII mark `c` (one byte, not a letter or digit).
  bool IsMark(std::string_view text, char c) const {
    return kind == LexemeKind::kOther && end == begin + 1 && text[begin] == c;
  }
};

// Replaces `out` with the lexemes of text[span] (clamped to the text).
void Lex(std::string_view text, Span span, std::vector<Lexeme>* out);

// The same, letters of any script making words: a run of letters and the
// marks that combine with them ("März", "января", "1º"), ASCII or not, is one
// kLetters lexeme. For the rules of languages that write words beyond ASCII
// (the time expressions of data/<lang>/time_grammar.txt "letters | unicode").
void LexUnicodeWords(std::string_view text, Span span, std::vector<Lexeme>* out);

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_LEXER_H_
