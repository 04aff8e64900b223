// Plain text and HTML documents.
#include <algorithm>
#include <optional>

#include "dossier/article.h"
#include "ingest/charset.h"
#include "ingest/html_dom.h"
#include "ingest/pdf.h"
#include "ingest/readers.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dossier {
namespace {

// Converts `bytes` to UTF-8 into `*out` when `charset` says so (true), and
// reports it as a warning naming the encoding and why; false when the bytes
// are UTF-8 and are read as they are.
bool DecodeInput(std::string_view bytes, const CharsetDecision& charset, const std::string& name,
                 std::vector<Diagnostic>* diagnostics, Utf8Conversion* out) {
  if (!charset.convert) {
    if (charset.report) {
      AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                    Status(StatusCode::kInvalidInput, "read as UTF-8: " + charset.why, name));
    }
    return false;
  }
  std::string encoding = charset.encoding;
  Result<Utf8Conversion> c = ConvertToUtf8(bytes, encoding, charset.bom);
  if (!c.ok()) {  // DecideCharset names only encodings ICU has: not expected
    encoding = "windows-1252";
    c = ConvertToUtf8(bytes, encoding, charset.bom);
    if (!c.ok()) return false;
  }
  std::string message = "converted from " + encoding + " to UTF-8: " + charset.why;
  std::optional<uint64_t> offset;
  if (c->invalid_sequences > 0) {
    message += "; " + std::to_string(c->invalid_sequences) + " byte sequence(s) not valid in " +
               encoding + " replaced by U+FFFD, the first";
    offset = c->first_invalid_offset;
  }
  AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                Status(StatusCode::kInvalidInput, std::move(message), name, offset));
  *out = std::move(*c);
  return true;
}

int Utf16Kind(const CharsetDecision& charset) {
  if (charset.encoding == "UTF-16LE") return 1;
  if (charset.encoding == "UTF-16BE") return 2;
  return 0;
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

size_t DocumentCutPoint(std::string_view bytes, uint64_t max_bytes, int utf16) {
  if (bytes.size() <= max_bytes) return bytes.size();
  size_t cut = static_cast<size_t>(max_bytes);
  if (utf16 != 0) {
    cut &= ~size_t{1};
    auto unit = [&](size_t at) {
      const auto lo = static_cast<unsigned char>(bytes[utf16 == 1 ? at : at + 1]);
      const auto hi = static_cast<unsigned char>(bytes[utf16 == 1 ? at + 1 : at]);
      return static_cast<unsigned>(hi) << 8 | lo;
    };
    // Prefer a line break in the last quarter; never split a surrogate pair.
    for (size_t at = cut; at >= 2 && at >= cut - cut / 4; at -= 2) {
      if (unit(at - 2) == '\n') return at;
    }
    if (cut >= 2 && (unit(cut - 2) & 0xFC00) == 0xD800) cut -= 2;
    return cut;
  }
  const size_t floor = cut - cut / 4;
  const size_t newline = bytes.rfind('\n', cut - 1);
  if (newline != std::string_view::npos && newline + 1 >= floor) return newline + 1;
  const size_t space = bytes.find_last_of(" \t", cut - 1);
  if (space != std::string_view::npos && space + 1 >= floor) return space + 1;
  // Back to the start of a UTF-8 sequence (at most three continuation bytes).
  for (int k = 0; k < 3 && cut > 0 && (static_cast<unsigned char>(bytes[cut]) & 0xC0) == 0x80;
       ++k) {
    --cut;
  }
  return cut;
}

void CutDocument(std::string_view* bytes, uint64_t max_bytes, int utf16, const std::string& name,
                 std::vector<Diagnostic>* diagnostics) {
  const size_t cut = DocumentCutPoint(*bytes, max_bytes, utf16);
  if (cut == bytes->size()) return;
  AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                Status(StatusCode::kResourceExhausted,
                       "document of " + std::to_string(bytes->size()) + " bytes cut to its first " +
                           std::to_string(cut) + " (see --max-document-bytes)",
                       name));
  *bytes = bytes->substr(0, cut);
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
                                  std::vector<Diagnostic>* diagnostics, uint64_t max_bytes) {
  Document doc;
  doc.id = name;
  doc.origin = name;
  const CharsetDecision charset = DecideCharset(bytes, ContentKind::kText);
  if (!charset.IsUtf16() && LooksBinary(bytes)) {
    if (bytes.starts_with("PK\x03\x04")) {  // .docx, .odt, .epub, .xlsx: ZIP containers
      return Status(StatusCode::kInvalidInput,
                    "a ZIP archive (a Word, OpenDocument or e-book file?), not read: save it as "
                    "PDF, HTML or text",
                    name);
    }
    return Status(StatusCode::kInvalidInput, "binary file, not text", name);
  }
  CutDocument(&bytes, max_bytes, Utf16Kind(charset), name, diagnostics);
  doc.raw = std::string(bytes);
  Utf8Conversion utf8;
  if (!DecodeInput(doc.raw, charset, name, diagnostics, &utf8)) {
    NormalizeDocument(&doc, /*newline_markers=*/false, diagnostics);
  } else {
    NormalizeResult n = NormalizeText(utf8.text, {});
    doc.text = std::move(n.text);
    doc.map = OffsetMap::Compose(n.map, utf8.map);
  }
  if (TrimWhitespace(doc.text).empty()) {
    return Status(StatusCode::kEmptyInput, "no text in input", name);
  }
  return doc;
}

Result<Document> ReadHtmlDocument(std::string_view bytes, const std::string& name,
                                  std::vector<Diagnostic>* diagnostics, uint64_t max_bytes,
                                  std::string_view url, std::string_view transport_charset,
                                  const ArticleExtractor* extractor) {
  const CharsetDecision charset = DecideCharset(bytes, ContentKind::kHtml, transport_charset);
  if (!charset.IsUtf16() && LooksBinary(bytes)) {
    return Status(StatusCode::kInvalidInput, "binary file, not HTML", name);
  }
  CutDocument(&bytes, max_bytes, Utf16Kind(charset), name, diagnostics);
  Document doc;
  doc.id = name;
  doc.origin = name;
  doc.raw = std::string(bytes);
  // 1. The page in UTF-8: the bytes themselves, or converted from a legacy
  // encoding (map utf8 -> raw); then repaired and normalized (map html -> utf8).
  Utf8Conversion utf8;
  const bool converted = DecodeInput(doc.raw, charset, name, diagnostics, &utf8);
  NormalizeResult html = NormalizeHtmlSource(
      converted ? std::string_view(utf8.text) : std::string_view(doc.raw), name, diagnostics);
  if (converted) html.map = OffsetMap::Compose(html.map, utf8.map);
  // 2. The article: body text (map text -> html) and metadata.
  if (extractor == nullptr) extractor = &ArticleExtractor::BuiltIn();
  Result<Article> page = extractor->Extract(html.text, url);
  if (!page.ok()) return Status(page.status().code(), page.status().message(), name);
  if (page->flattened) {
    AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                  Status(StatusCode::kInvalidInput,
                         "HTML nested deeper than " + std::to_string(html::kMaxNestingDepth) +
                             " levels: the deeper tags are ignored, their text kept",
                         name));
  }
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
  doc.declared_language = std::move(page->lang);
  doc.text = std::move(page->text);
  doc.map = OffsetMap::Compose(page->map, html.map);
  return doc;
}

Result<Document> ReadPdfDocument(std::string_view bytes, const std::string& name,
                                 std::vector<Diagnostic>* diagnostics, uint64_t max_bytes) {
  Result<PdfText> pdf = ExtractPdfText(bytes, name, max_bytes, diagnostics);
  if (!pdf.ok()) return pdf.status();
  Document doc;
  doc.id = name;
  doc.origin = name;
  doc.title = std::move(pdf->title);
  doc.byline = std::move(pdf->author);
  doc.date = std::move(pdf->date);
  doc.raw = std::move(pdf->text);
  doc.pages = std::move(pdf->page_starts);
  NormalizeDocument(&doc, /*newline_markers=*/false, diagnostics);
  return doc;
}

NormalizeResult NormalizeHtmlSource(std::string_view html, const std::string& name,
                                    std::vector<Diagnostic>* diagnostics) {
  NormalizeOptions options;
  options.latex_quotes = false;
  NormalizeResult out = NormalizeText(html, options);
  if (out.invalid_bytes > 0) {
    AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                  Status(StatusCode::kInvalidInput,
                         "invalid UTF-8: " + std::to_string(out.invalid_bytes) +
                             " byte(s) replaced by U+FFFD, the first",
                         name, out.first_invalid_offset));
  }
  return out;
}

}  // namespace dossier
