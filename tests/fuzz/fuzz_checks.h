// Invariants every fuzz target checks on what it produced; a broken one
// traps so the fuzzer reports it as a crash.
#ifndef DOSSIER_TESTS_FUZZ_FUZZ_CHECKS_H_
#define DOSSIER_TESTS_FUZZ_FUZZ_CHECKS_H_

#include "dossier/document.h"
#include "dossier/pipeline.h"
#include "util/utf8.h"

namespace dossier::fuzz {

inline void Require(bool ok) {
  if (!ok) __builtin_trap();
}

inline void CheckSpan(const Document& doc, Span s) {
  Require(s.begin <= s.end && s.end <= doc.text.size());
  Span o = doc.map.ToOriginal(s);
  Require(o.begin <= o.end && o.end <= doc.raw.size());
}

// The analysed document is self-consistent: valid UTF-8 text, a map that
// covers it, every span inside the text and mapping inside the raw input.
inline void CheckDocument(const Document& doc) {
  Require(IsValidUtf8(doc.text));
  Require(doc.map.text_size() == doc.text.size());
  for (const Span& p : doc.paragraphs) CheckSpan(doc, p);
  for (const ClutterLine& c : doc.clutter) CheckSpan(doc, c.span);
  for (const Turn& t : doc.turns) {
    CheckSpan(doc, t.label);
    CheckSpan(doc, t.span);
    Require(t.label.end <= t.span.begin || t.span.empty());
  }
  uint32_t last_end = 0;
  for (const Sentence& s : doc.sentences) {
    CheckSpan(doc, s.span);
    Require(!s.span.empty());
    Require(s.span.begin >= last_end);
    last_end = s.span.end;
    Require(s.token_begin <= s.token_end && s.token_end <= doc.tokens.size());
    Require(s.turn < static_cast<int32_t>(doc.turns.size()));
  }
  for (const Token& t : doc.tokens) CheckSpan(doc, t.span);
}

// One pipeline for the whole fuzzing run (built once, as the library intends).
inline const Pipeline& FuzzPipeline() {
  static const Pipeline* pipeline = [] {
    Result<Pipeline> p = Pipeline::Create({});
    Require(p.ok());
    return new Pipeline(std::move(*p));
  }();
  return *pipeline;
}

}  // namespace dossier::fuzz

#endif  // DOSSIER_TESTS_FUZZ_FUZZ_CHECKS_H_
