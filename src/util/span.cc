#include "dossier/span.h"

#include <algorithm>

namespace dossier {

OffsetMap OffsetMap::Identity(uint32_t size) {
  OffsetMap map;
  if (size > 0) map.AppendRun({0, 0, size, true}, size);
  return map;
}

void OffsetMap::AppendRun(const Run& run, uint32_t run_size) {
  if (run_size == 0) return;
  if (!runs_.empty()) {
    Run& last = runs_.back();
    // Merge a copy run that continues the previous one.
    if (run.copy && last.copy && last.orig_end == run.orig_begin) {
      last.orig_end = run.orig_end;
      text_size_ += run_size;
      return;
    }
  }
  Run r = run;
  r.text_begin = text_size_;
  runs_.push_back(r);
  text_size_ += run_size;
}

const OffsetMap::Run* OffsetMap::RunAt(uint32_t offset) const {
  if (runs_.empty()) return nullptr;
  auto it = std::upper_bound(runs_.begin(), runs_.end(), offset,
                             [](uint32_t o, const Run& r) { return o < r.text_begin; });
  if (it == runs_.begin()) return &runs_.front();
  return &*(it - 1);
}

uint32_t OffsetMap::ToOriginalBegin(uint32_t offset) const {
  if (runs_.empty()) return 0;
  if (offset >= text_size_) return runs_.back().orig_end;
  const Run* r = RunAt(offset);
  return r->copy ? r->orig_begin + (offset - r->text_begin) : r->orig_begin;
}

uint32_t OffsetMap::ToOriginalEnd(uint32_t end) const {
  if (runs_.empty()) return 0;
  if (end == 0) return runs_.front().orig_begin;
  if (end > text_size_) end = text_size_;
  const Run* r = RunAt(end - 1);
  return r->copy ? r->orig_begin + (end - r->text_begin) : r->orig_end;
}

Span OffsetMap::ToOriginal(Span span) const {
  if (span.empty()) {
    uint32_t b = ToOriginalBegin(span.begin);
    return {b, b};
  }
  return {ToOriginalBegin(span.begin), ToOriginalEnd(span.end)};
}

OffsetMap OffsetMap::Compose(const OffsetMap& outer, const OffsetMap& inner) {
  OffsetMap out;
  const auto& runs = outer.runs_;
  for (size_t i = 0; i < runs.size(); ++i) {
    const Run& r = runs[i];
    uint32_t run_end = (i + 1 < runs.size()) ? runs[i + 1].text_begin : outer.text_size_;
    uint32_t run_size = run_end - r.text_begin;
    if (!r.copy || inner.runs_.empty()) {
      Span o = inner.ToOriginal({r.orig_begin, r.orig_end});
      out.AppendRun({0, o.begin, o.end, false}, run_size);
      continue;
    }
    // A copy run: walk the inner runs it covers.
    uint32_t mid = r.orig_begin;
    while (mid < r.orig_end) {
      const Run* in = inner.RunAt(mid);
      const size_t idx = static_cast<size_t>(in - inner.runs_.data());
      uint32_t in_end =
          (idx + 1 < inner.runs_.size()) ? inner.runs_[idx + 1].text_begin : inner.text_size_;
      if (in_end <= mid) in_end = r.orig_end;  // past the inner text: clamp
      uint32_t piece_end = std::min(in_end, r.orig_end);
      uint32_t n = piece_end - mid;
      if (in->copy) {
        uint32_t ob = in->orig_begin + (mid - in->text_begin);
        out.AppendRun({0, ob, ob + n, true}, n);
      } else {
        out.AppendRun({0, in->orig_begin, in->orig_end, false}, n);
      }
      mid = piece_end;
    }
  }
  return out;
}

}  // namespace dossier
