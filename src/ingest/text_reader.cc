// Plain text and HTML documents.
#include <algorithm>

#include "ingest/article.h"
#include "ingest/readers.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dossier {
namespace {

enum class Utf16 { kNo, kLittle, kBig };

// Detects UTF-16 without a BOM: one byte of each pair mostly zero.
Utf16 GuessUtf16(std::string_view bytes) {
  size_t n = std::min<size_t>(bytes.size(), 4096) & ~size_t{1};
  if (n < 8) return Utf16::kNo;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    zero_even += bytes[i] == 0;
    zero_odd += bytes[i + 1] == 0;
  }
  const size_t pairs = n / 2;
  if (zero_odd * 10 >= pairs * 4 && zero_even * 20 < pairs) return Utf16::kLittle;
  if (zero_even * 10 >= pairs * 4 && zero_odd * 20 < pairs) return Utf16::kBig;
  return Utf16::kNo;
}

}  // namespace

void AddDiagnostic(std::vector<Diagnostic>* diagnostics, Diagnostic::Severity severity,
                   Status status) {
  if (diagnostics == nullptr) return;
  diagnostics->push_back({severity, std::move(status)});
}

bool LooksBinary(std::string_view bytes) {
  size_t n = std::min<size_t>(bytes.size(), 8192);
  size_t control = 0;
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return n > 0 && control * 10 > n;
}

void NormalizeDocument(Document* doc, bool newline_markers, std::vector<Diagnostic>* diagnostics) {
  NormalizeOptions options;
  options.newline_char_markers = newline_markers;
  NormalizeResult n = NormalizeText(doc->raw, options);
  if (n.invalid_bytes > 0) {
    AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                  Status(StatusCode::kInvalidInput,
                         "invalid UTF-8: " + std::to_string(n.invalid_bytes) +
                             " byte(s) replaced by U+FFFD, the first",
                         doc->origin, n.first_invalid_offset));
  }
  doc->text = std::move(n.text);
  doc->map = std::move(n.map);
}

Result<Document> ReadTextDocument(std::string_view bytes, const std::string& name,
                                  std::vector<Diagnostic>* diagnostics) {
  Document doc;
  doc.id = name;
  doc.origin = name;
  // UTF-16, with or without a byte-order mark: convert, keeping the map.
  Utf16 utf16 = Utf16::kNo;
  size_t bom = 0;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xFE) {
    utf16 = Utf16::kLittle, bom = 2;
  } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
             static_cast<unsigned char>(bytes[1]) == 0xFF) {
    utf16 = Utf16::kBig, bom = 2;
  } else {
    utf16 = GuessUtf16(bytes);
  }
  if (utf16 != Utf16::kNo) {
    OffsetMap to_raw;
    std::string utf8 = Utf16ToUtf8(bytes.substr(bom), utf16 == Utf16::kBig, &to_raw);
    // Shift the map past the BOM.
    OffsetMap shifted;
    for (size_t i = 0; i < to_raw.runs().size(); ++i) {
      OffsetMap::Run r = to_raw.runs()[i];
      uint32_t end =
          i + 1 < to_raw.runs().size() ? to_raw.runs()[i + 1].text_begin : to_raw.text_size();
      r.orig_begin += static_cast<uint32_t>(bom);
      r.orig_end += static_cast<uint32_t>(bom);
      shifted.AppendRun(r, end - r.text_begin);
    }
    doc.raw = std::string(bytes);
    NormalizeResult n = NormalizeText(utf8, {});
    doc.text = std::move(n.text);
    doc.map = OffsetMap::Compose(n.map, shifted);
  } else {
    if (LooksBinary(bytes)) {
      return Status(StatusCode::kInvalidInput, "binary file, not text", name);
    }
    doc.raw = std::string(bytes);
    NormalizeDocument(&doc, /*newline_markers=*/false, diagnostics);
  }
  if (TrimWhitespace(doc.text).empty()) {
    return Status(StatusCode::kEmptyInput, "no text in input", name);
  }
  return doc;
}

Result<Document> ReadHtmlDocument(std::string_view bytes, const std::string& name,
                                  std::vector<Diagnostic>* diagnostics) {
  if (LooksBinary(bytes)) return Status(StatusCode::kInvalidInput, "binary file, not HTML", name);
  Document doc;
  doc.id = name;
  doc.origin = name;
  doc.raw = std::string(bytes);
  // 1. valid UTF-8 (map html -> raw); 2. the page text (map text -> html).
  NormalizeOptions options;
  options.latex_quotes = false;
  NormalizeResult html = NormalizeText(doc.raw, options);
  if (html.invalid_bytes > 0) {
    AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                  Status(StatusCode::kInvalidInput,
                         "invalid UTF-8: " + std::to_string(html.invalid_bytes) +
                             " byte(s) replaced by U+FFFD, the first",
                         name, html.first_invalid_offset));
  }
  // 2. The article: body text (map text -> html) and metadata.
  Result<Article> page = ExtractArticle(html.text);
  if (!page.ok()) return Status(page.status().code(), page.status().message(), name);
  if (!page->found || TrimWhitespace(page->text).empty()) {
    return Status(StatusCode::kEmptyInput,
                  "no article in the page" + (page->why_not.empty() ? "" : ": " + page->why_not),
                  name);
  }
  doc.title = CollapseWhitespace(page->title);
  doc.byline = std::move(page->byline);
  doc.date = std::move(page->date);
  doc.url = std::move(page->url);
  doc.source = std::move(page->site);
  doc.text = std::move(page->text);
  doc.map = OffsetMap::Compose(page->map, html.map);
  return doc;
}

}  // namespace dossier
