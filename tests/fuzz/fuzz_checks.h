// Invariants every fuzz target checks on what it produced; a broken one
// traps so the fuzzer reports it as a crash.
#ifndef DOSSIER_TESTS_FUZZ_FUZZ_CHECKS_H_
#define DOSSIER_TESTS_FUZZ_FUZZ_CHECKS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/document.h"
#include "dossier/pipeline.h"
#include "ingest/readers.h"
#include "util/utf8.h"

namespace dossier::fuzz {

inline void Require(bool ok) {
  if (!ok) __builtin_trap();
}

// Whether `offset` is a code point boundary of the UTF-8 `text`.
inline bool OnUtf8Boundary(std::string_view text, uint32_t offset) {
  return offset == text.size() ||
         (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80);
}

// A span of `text`: ordered, inside it, both ends on code point boundaries.
inline void CheckTextSpan(std::string_view text, Span s) {
  Require(s.begin <= s.end && s.end <= text.size());
  Require(OnUtf8Boundary(text, s.begin) && OnUtf8Boundary(text, s.end));
}

inline bool Inside(Span inner, Span outer) {
  return outer.begin <= inner.begin && inner.end <= outer.end;
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

// `bytes` read as one plain-text document, analysed and checked; false when
// the reader refused it (binary, no text).
inline bool ReadAnalyzedText(std::string_view bytes, const std::string& name, Document* doc) {
  std::vector<Diagnostic> diags;
  Result<Document> read = ReadTextDocument(bytes, name, &diags);
  if (!read.ok()) return false;
  Pipeline::Scratch scratch = FuzzPipeline().NewScratch();
  FuzzPipeline().Analyze(&*read, &scratch);
  CheckDocument(*read);
  *doc = std::move(*read);
  return true;
}

// `bytes` split at 0x1E bytes into up to `max_documents` texts (the last takes
// the rest), each read as "fuzz<k>.txt", analysed and checked; the ones the
// reader took form the cluster.
inline Cluster AnalyzedCluster(std::string_view bytes, int max_documents) {
  Cluster cluster;
  size_t start = 0;
  for (int d = 0; d < max_documents && start <= bytes.size(); ++d) {
    size_t end = bytes.find('\x1E', start);
    if (end == std::string_view::npos || d == max_documents - 1) end = bytes.size();
    Document doc;
    if (ReadAnalyzedText(bytes.substr(start, end - start), "fuzz" + std::to_string(d) + ".txt",
                         &doc)) {
      cluster.documents.push_back(std::move(doc));
    }
    start = end + 1;
  }
  return cluster;
}

}  // namespace dossier::fuzz

#endif  // DOSSIER_TESTS_FUZZ_FUZZ_CHECKS_H_
