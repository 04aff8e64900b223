// Fuzz target: PDF bytes -> ExtractPdfText (poppler, then lines, paragraphs,
// reading order), the text checked and read as a plain-text document; and a
// second extraction cut to half the text, checked for the cut's contract.
// (Not a prefix of the first in general: with fewer pages read, other lines
// may count as running headers.)
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_checks.h"
#include "ingest/pdf.h"
#include "util/utf8.h"

namespace {

// The text and page starts keep ExtractPdfText's promises.
void CheckPdfText(const dossier::PdfText& pdf, uint64_t max_text_bytes) {
  using namespace dossier;
  fuzz::Require(IsValidUtf8(pdf.text) && IsValidUtf8(pdf.title) && IsValidUtf8(pdf.author));
  fuzz::Require(pdf.text.size() <= max_text_bytes);
  for (char c : pdf.text) {
    fuzz::Require(c == '\n' || static_cast<unsigned char>(c) >= 0x20);
  }
  fuzz::Require(pdf.text.find("\n\n\n") == std::string::npos);
  if (!pdf.text.empty()) {
    fuzz::Require(pdf.text.front() != ' ' && pdf.text.front() != '\n');
    fuzz::Require(pdf.text.back() != ' ' && pdf.text.back() != '\n');
  }
  fuzz::Require(pdf.date.empty() || pdf.date.size() == 10);
  fuzz::Require(pdf.page_starts.size() == pdf.pages);
  uint32_t last = 0;
  for (uint32_t start : pdf.page_starts) {
    fuzz::Require(start >= last && start <= pdf.text.size());
    fuzz::Require(fuzz::OnUtf8Boundary(pdf.text, start));
    last = start;
  }
  if (!pdf.page_starts.empty()) {
    fuzz::Require(pdf.page_starts[0] == 0);
    const uint32_t end = static_cast<uint32_t>(pdf.text.size());
    const PdfPosition at = PdfPositionOf(pdf.page_starts, end);
    fuzz::Require(at.page >= 1 && at.page <= pdf.pages);
    fuzz::Require(pdf.page_starts[at.page - 1] + at.offset == end);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  constexpr uint64_t kMax = 1 << 20;
  Result<PdfText> pdf = ExtractPdfText(bytes, "fuzz.pdf", kMax);
  if (!pdf.ok()) {
    fuzz::Require(pdf.status().input() == "fuzz.pdf" && !pdf.status().message().empty());
    return 0;
  }
  CheckPdfText(*pdf, kMax);
  Document doc;
  fuzz::ReadAnalyzedText(pdf->text, "fuzz.pdf", &doc);  // the checks are inside

  const uint64_t half = pdf->text.size() / 2;
  std::vector<Diagnostic> diagnostics;
  Result<PdfText> cut = ExtractPdfText(bytes, "fuzz.pdf", half, &diagnostics);
  fuzz::Require(cut.ok());
  CheckPdfText(*cut, half);
  fuzz::Require(cut->text.size() == pdf->text.size() || !diagnostics.empty());
  return 0;
}
