// Fuzz target: plain text -> document -> analysis -> quotes. Every quote and
// speaker span lies inside the text (on code point boundaries) and maps into
// the raw input; quotes come in text order, name a speaker (valid UTF-8) and
// a sentence of the document; a turn quote is its turn's text.
#include <cstdint>
#include <string>
#include <vector>

#include "analyze/quotes.h"
#include "fuzz_checks.h"
#include "ingest/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  static const QuoteExtractor* quotes = [] {
    Result<QuoteExtractor> q = QuoteExtractor::Create("");
    fuzz::Require(q.ok());
    return new QuoteExtractor(std::move(*q));
  }();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Document doc;
  if (!fuzz::ReadAnalyzedText(bytes, "fuzz.txt", &doc)) return 0;

  const std::vector<Quote> found = quotes->Extract(doc);
  uint32_t last_begin = 0;
  for (const Quote& q : found) {
    fuzz::CheckSpan(doc, q.span);
    fuzz::CheckTextSpan(doc.text, q.span);
    fuzz::Require(!q.span.empty());
    fuzz::Require(q.span.begin >= last_begin);
    last_begin = q.span.begin;
    fuzz::CheckSpan(doc, q.speaker_span);
    fuzz::CheckTextSpan(doc.text, q.speaker_span);
    fuzz::Require(!q.speaker.empty() && IsValidUtf8(q.speaker) && IsValidUtf8(q.role));
    fuzz::Require(q.sentence < doc.sentences.size());
    if (q.kind == Quote::Kind::kTurn) {
      fuzz::Require(q.speaker_span.empty());
      const int32_t turn = doc.sentences[q.sentence].turn;
      fuzz::Require(turn >= 0 && static_cast<size_t>(turn) < doc.turns.size());
      fuzz::Require(!doc.turns[turn].is_question);
      fuzz::Require(q.span.end == doc.turns[turn].span.end);
    }
  }
  return 0;
}
