// SaveDocuments / LoadDocuments (dossier/document.h).
#include <string>
#include <vector>

#include "dossier/document.h"
#include "util/binary_io.h"
#include "util/utf8.h"

namespace dossier {
namespace {

constexpr uint64_t kDocumentsMagic = 0x33636f6473736f64ULL;  // "dossdoc3" (languages added)

void WriteSpan(BinaryWriter* w, Span s) {
  w->U32(s.begin);
  w->U32(s.end);
}

bool ReadSpan(BinaryReader* r, Span* s, size_t text_size) {
  return r->U32(&s->begin) && r->U32(&s->end) &&
         ((s->begin <= s->end && s->end <= text_size) || r->Fail());
}

// The map's runs, rebuilt with AppendRun so the map's invariants hold.
bool ReadMap(BinaryReader* r, OffsetMap* map, size_t text_size, size_t raw_size) {
  uint64_t n = 0;
  if (!r->U64(&n) || n > text_size + 1) return r->Fail();
  std::vector<OffsetMap::Run> runs(n);
  for (OffsetMap::Run& run : runs) {
    uint32_t copy = 0;
    if (!r->U32(&run.text_begin) || !r->U32(&run.orig_begin) || !r->U32(&run.orig_end) ||
        !r->U32(&copy) || copy > 1 || run.orig_begin > run.orig_end || run.orig_end > raw_size) {
      return r->Fail();
    }
    run.copy = copy == 1;
  }
  OffsetMap out;
  for (size_t k = 0; k < n; ++k) {
    const uint32_t end = k + 1 < n ? runs[k + 1].text_begin : static_cast<uint32_t>(text_size);
    if (runs[k].text_begin != out.text_size() || end <= runs[k].text_begin) return r->Fail();
    // A copy run maps byte for byte: it cannot reach past its original range.
    if (runs[k].copy && end - runs[k].text_begin > runs[k].orig_end - runs[k].orig_begin) {
      return r->Fail();
    }
    out.AppendRun(runs[k], end - runs[k].text_begin);
  }
  if (out.text_size() != text_size) return r->Fail();
  *map = std::move(out);
  return true;
}

}  // namespace

std::string SaveDocuments(const std::vector<Document>& documents) {
  BinaryWriter w;
  w.U64(kDocumentsMagic);
  w.U64(documents.size());
  for (const Document& d : documents) {
    for (const std::string* s :
         {&d.id, &d.source, &d.title, &d.date, &d.url, &d.byline, &d.origin, &d.story,
          &d.declared_language, &d.language, &d.language_origin, &d.raw, &d.text}) {
      w.Str(*s);
    }
    const std::vector<OffsetMap::Run>& runs = d.map.runs();
    w.U64(runs.size());
    for (const OffsetMap::Run& run : runs) {
      w.U32(run.text_begin);
      w.U32(run.orig_begin);
      w.U32(run.orig_end);
      w.U32(run.copy ? 1 : 0);
    }
    WriteSpan(&w, d.title_span);
    WriteSpan(&w, d.date_span);
    WriteSpan(&w, d.dateline_span);
    w.U64(d.pages.size());
    for (uint32_t p : d.pages) w.U32(p);
  }
  return std::move(w.bytes());
}

Result<std::vector<Document>> LoadDocuments(std::string_view bytes, const std::string& origin) {
  BinaryReader r(bytes);
  uint64_t magic = 0, n = 0;
  if (!r.U64(&magic) || magic != kDocumentsMagic) {
    return Status(StatusCode::kInvalidInput, "not saved documents", origin, 0);
  }
  std::vector<Document> out;
  bool ok = r.U64(&n) && n <= bytes.size();
  for (uint64_t k = 0; ok && k < n; ++k) {
    Document& d = out.emplace_back();
    for (std::string* s :
         {&d.id, &d.source, &d.title, &d.date, &d.url, &d.byline, &d.origin, &d.story,
          &d.declared_language, &d.language, &d.language_origin, &d.raw, &d.text}) {
      ok = ok && r.Str(s);
    }
    // What the readers guarantee and the analysis relies on: UTF-8 text
    // and a map covering it.
    ok = ok && d.text.size() < UINT32_MAX && d.raw.size() < UINT32_MAX &&
         (IsValidUtf8(d.text) || r.Fail()) && ReadMap(&r, &d.map, d.text.size(), d.raw.size()) &&
         ReadSpan(&r, &d.title_span, d.text.size()) && ReadSpan(&r, &d.date_span, d.text.size()) &&
         ReadSpan(&r, &d.dateline_span, d.text.size());
    uint64_t pages = 0;
    ok = ok && r.U64(&pages) && pages <= d.raw.size() + 1;
    for (uint64_t p = 0; ok && p < pages; ++p) {
      uint32_t at = 0;
      ok = r.U32(&at) && at <= d.raw.size() && (d.pages.empty() || at >= d.pages.back());
      if (ok) d.pages.push_back(at);
    }
  }
  if (!ok || !r.done()) {
    return Status(StatusCode::kInvalidInput, "damaged saved documents (truncated or bad value)",
                  origin, r.ok() ? r.offset() : r.error_offset());
  }
  return out;
}

}  // namespace dossier
