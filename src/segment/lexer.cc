#include "segment/lexer.h"

#include <algorithm>

#include "util/strings.h"

namespace dossier {

void Lex(std::string_view text, Span span, std::vector<Lexeme>* out) {
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
    if (IsAsciiAlpha(c)) {
      kind = LexemeKind::kLetters;
      while (q < end && IsAsciiAlpha(text[q])) ++q;
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

}  // namespace dossier
