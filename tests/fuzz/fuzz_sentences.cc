// Fuzz target: the sentence splitter and the tokenizer on normalized text,
// paragraph by paragraph and over the whole text, case-sensitive and caseless.
// Sentences: in order, non-overlapping, non-empty, inside their region, on
// code point boundaries, trimmed of white space, and together covering every
// byte of the region that is not white space. Tokens: in order,
// non-overlapping, non-empty, inside their sentence, on code point
// boundaries, with a valid case-folded form, digits-only numbers and the
// hash of their stem.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.h"
#include "segment/clutter.h"
#include "segment/sentence_splitter.h"
#include "segment/tokenizer.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace {

using dossier::Span;
using dossier::fuzz::Require;

// White space as the splitter trims it: ASCII white space, U+00A0,
// U+2000..U+200B, U+202F, U+205F and U+3000.
bool IsSplitterSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

// Every code point of text[begin, end) is white space.
bool AllSpace(std::string_view text, size_t begin, size_t end) {
  size_t pos = begin;
  while (pos < end) {
    if (!IsSplitterSpace(dossier::DecodeUtf8(text, &pos))) return false;
  }
  return true;
}

void CheckSentences(std::string_view text, Span region, const std::vector<Span>& sentences) {
  uint32_t last = region.begin;
  for (const Span& s : sentences) {
    dossier::fuzz::CheckTextSpan(text, s);
    Require(!s.empty() && dossier::fuzz::Inside(s, region));
    Require(s.begin >= last);
    // Trimmed, and nothing but white space left out before it.
    Require(AllSpace(text, last, s.begin));
    size_t pos = s.begin;
    Require(!IsSplitterSpace(dossier::DecodeUtf8(text, &pos)));
    size_t start = 0;
    Require(!IsSplitterSpace(dossier::DecodeUtf8Before(text, s.end, &start)));
    last = s.end;
  }
  Require(AllSpace(text, last, region.end));
}

void CheckTokens(std::string_view text, Span sentence, const std::vector<dossier::Token>& tokens,
                 size_t first) {
  uint32_t last = sentence.begin;
  for (size_t i = first; i < tokens.size(); ++i) {
    const dossier::Token& t = tokens[i];
    dossier::fuzz::CheckTextSpan(text, t.span);
    Require(!t.span.empty() && dossier::fuzz::Inside(t.span, sentence));
    Require(t.span.begin >= last);
    last = t.span.end;
    Require(!t.lower.empty() && dossier::IsValidUtf8(t.lower));
    Require(dossier::IsValidUtf8(t.stem));
    Require(t.stem_hash == dossier::StemHash(t.stem));
    if (t.is_number) {
      Require(!t.is_stopword && dossier::IsAsciiDigit(t.lower.front()));
      Require(dossier::IsAsciiDigit(t.lower.back()));
      for (char c : t.lower) Require(dossier::IsAsciiDigit(c) || c == ',' || c == '.');
      Require(t.lower == t.span.Slice(text));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  static const SentenceSplitter* splitter = [] {
    Result<SentenceSplitter> s = SentenceSplitter::Create("");
    Require(s.ok());
    return new SentenceSplitter(std::move(*s));
  }();
  static const Tokenizer* tokenizer = [] {
    Result<Tokenizer> t = Tokenizer::Create("");
    Require(t.ok());
    return new Tokenizer(std::move(*t));
  }();
  static Tokenizer::Scratch* scratch = new Tokenizer::Scratch(tokenizer->NewScratch());

  const NormalizeResult n =
      NormalizeText(std::string_view(reinterpret_cast<const char*>(data), size), {});
  const std::string& text = n.text;
  Require(IsValidUtf8(text));
  std::vector<Span> regions = SplitLines(text);
  uint32_t last = 0;
  for (const Span& line : regions) {
    fuzz::CheckTextSpan(text, line);
    Require(!line.empty() && line.begin >= last);
    last = line.end;
  }
  // The whole text as one region too: newlines inside are white space.
  regions.push_back(Span{0, static_cast<uint32_t>(text.size())});

  std::vector<Span> sentences;
  std::vector<Token> tokens;
  for (const bool caseless : {false, true}) {
    for (const Span& region : regions) {
      sentences.clear();
      splitter->Split(text, region, &sentences, caseless);
      CheckSentences(text, region, sentences);
      if (caseless) continue;  // tokens do not depend on the splitting mode
      for (const Span& s : sentences) {
        const size_t first = tokens.size();
        tokenizer->Tokenize(text, s, scratch, &tokens);
        CheckTokens(text, s, tokens, first);
      }
    }
  }
  // The tokens of the whole text at once.
  tokens.clear();
  const Span all{0, static_cast<uint32_t>(text.size())};
  tokenizer->Tokenize(text, all, scratch, &tokens);
  CheckTokens(text, all, tokens, 0);
  return 0;
}
