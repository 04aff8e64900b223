// Span: a half-open range [begin, end) of UTF-8 bytes, and OffsetMap: the
// map from every byte of a document's normalized text back to its original
// input.
//
//   Span s = doc.sentences[0].span;
//   std::string_view shown = s.Slice(doc.text);
//   std::string_view cited = doc.map.ToOriginal(s).Slice(doc.raw);
//
// Offsets are byte offsets (not code points). OffsetMap is immutable once
// built and safe to share between threads.
#ifndef DOSSIER_SPAN_H_
#define DOSSIER_SPAN_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(uint32_t offset) const { return offset >= begin && offset < end; }
  std::string_view Slice(std::string_view text) const {
    if (begin >= text.size() || end <= begin) return {};
    return text.substr(begin, (end > text.size() ? text.size() : end) - begin);
  }
  friend bool operator==(const Span& a, const Span& b) {
    return a.begin == b.begin && a.end == b.end;
  }
};

// Maps offsets of a derived text back to the text it was derived from.
//
// The map is a sorted list of runs covering the derived text. A copy run
// maps its bytes one to one; a replacement run (a repaired byte, a "\n" that
// stood for "\r\n" or "NEWLINE_CHAR", an NFC-composed character, a decoded
// HTML entity) maps all its bytes to one original range.
class OffsetMap {
 public:
  struct Run {
    uint32_t text_begin;  // first derived byte of the run
    uint32_t orig_begin;  // original range the run stands for
    uint32_t orig_end;
    bool copy;  // true: byte i of the run is original byte orig_begin + i
  };

  OffsetMap() = default;
  // The identity map over `size` bytes.
  static OffsetMap Identity(uint32_t size);

  // Original offset where the derived byte `offset` starts.
  uint32_t ToOriginalBegin(uint32_t offset) const;
  // Original offset just past the derived byte `end - 1`.
  uint32_t ToOriginalEnd(uint32_t end) const;
  // The original range a derived span stands for.
  Span ToOriginal(Span span) const;

  // outer: text -> middle, inner: middle -> original. Returns text -> original.
  static OffsetMap Compose(const OffsetMap& outer, const OffsetMap& inner);

  uint32_t text_size() const { return text_size_; }
  const std::vector<Run>& runs() const { return runs_; }

  // Used by the builder; runs must be contiguous and in order.
  void AppendRun(const Run& run, uint32_t run_size);

 private:
  const Run* RunAt(uint32_t offset) const;

  std::vector<Run> runs_;
  uint32_t text_size_ = 0;
};

}  // namespace dossier

#endif  // DOSSIER_SPAN_H_
