// Fuzz target: speaker turns and sentence splitting on arbitrary text.
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "segment/clutter.h"
#include "segment/sentence_splitter.h"
#include "segment/transcript.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  static const TranscriptParser* parser = [] {
    auto p = TranscriptParser::Create("");
    fuzz::Require(p.ok());
    return new TranscriptParser(std::move(*p));
  }();
  static const SentenceSplitter* splitter = [] {
    auto s = SentenceSplitter::Create("");
    fuzz::Require(s.ok());
    return new SentenceSplitter(std::move(*s));
  }();
  NormalizeResult n =
      NormalizeText(std::string_view(reinterpret_cast<const char*>(data), size), {});
  const std::string& text = n.text;
  std::vector<Span> paragraphs = SplitLines(text);
  std::vector<Turn> turns = parser->Parse(text, paragraphs);
  for (const Turn& t : turns) {
    fuzz::Require(t.label.end <= text.size() && t.span.end <= text.size());
    fuzz::Require(t.label.begin < t.label.end);
    fuzz::Require(!t.speaker.empty());
  }
  std::vector<Span> sentences;
  for (const Span& p : paragraphs) {
    sentences.clear();
    splitter->Split(text, p, &sentences);
    uint32_t last = p.begin;
    for (const Span& s : sentences) {
      fuzz::Require(s.begin >= last && s.begin < s.end && s.end <= p.end);
      last = s.end;
    }
  }
  return 0;
}
