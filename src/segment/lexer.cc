#include "segment/lexer.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "util/strings.h"

namespace dossier {
namespace {

// A letter of any script, or a mark that combines with one.
bool IsUnicodeLetter(char32_t cp) {
  if (cp < 0x80) return IsAsciiAlpha(static_cast<char>(cp));
  if (cp == 0xFFFD) return false;
  const int8_t type = u_charType(static_cast<UChar32>(cp));
  return u_isalpha(static_cast<UChar32>(cp)) || type == U_NON_SPACING_MARK ||
         type == U_COMBINING_SPACING_MARK;
}

// The code point at text[p] (a malformed byte is one of its own); sets *next.
char32_t CodePointAt(std::string_view text, uint32_t p, uint32_t* next) {
  size_t q = p;
  const char32_t cp = DecodeUtf8(text, &q);
  *next = static_cast<uint32_t>(std::max<size_t>(q, p + 1));
  return cp;
}

void LexWith(std::string_view text, Span span, bool unicode_letters, std::vector<Lexeme>* out) {
  out->clear();
  const uint32_t end = std::min<uint32_t>(span.end, static_cast<uint32_t>(text.size()));
  uint32_t p = span.begin;
  while (p < end) {
    const char c = text[p];
    if (IsAsciiSpace(c)) {
      ++p;
      continue;
    }
    uint32_t q = p + 1;
    LexemeKind kind = LexemeKind::kOther;
    uint32_t after = 0;
    if (unicode_letters && static_cast<unsigned char>(c) >= 0x80 &&
        IsUnicodeLetter(CodePointAt(text.substr(0, end), p, &after))) {
      kind = LexemeKind::kLetters;
      q = after;
    }
    if (kind == LexemeKind::kLetters || IsAsciiAlpha(c)) {
      kind = LexemeKind::kLetters;
      while (q < end) {
        if (IsAsciiAlpha(text[q])) {
          ++q;
        } else if (unicode_letters && static_cast<unsigned char>(text[q]) >= 0x80 &&
                   IsUnicodeLetter(CodePointAt(text.substr(0, end), q, &after))) {
          q = after;
        } else {
          break;
        }
      }
    } else if (IsAsciiDigit(c)) {
      kind = LexemeKind::kDigits;
      while (q < end && IsAsciiDigit(text[q])) ++q;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      size_t next = p;
      DecodeUtf8(text.substr(0, end), &next);  // a malformed byte is a character of its own
      q = static_cast<uint32_t>(std::max<size_t>(next, p + 1));
    }
    out->push_back(Lexeme{p, q, kind});
    p = q;
  }
}

}  // namespace

void Lex(std::string_view text, Span span, std::vector<Lexeme>* out) {
  LexWith(text, span, false, out);
}

void LexUnicodeWords(std::string_view text, Span span, std::vector<Lexeme>* out) {
  LexWith(text, span, true, out);
}

}  // namespace dossier
