// ExtractPdfText: the text layer of a PDF (poppler-cpp) as text the rest of
// dossier reads well, with where each page begins.
//
//   if (LooksLikePdf(bytes)) {
//     std::vector<Diagnostic> diagnostics;
//     Result<PdfText> pdf = ExtractPdfText(bytes, "report.pdf", 8 << 20, &diagnostics);
//     if (!pdf.ok()) return pdf.status();  // "report.pdf: password-protected; ..."
//     // pdf->text: "First paragraph, its lines joined.\n\nSecond...\n\nPage two..."
//     PdfPosition at = PdfPositionOf(pdf->page_starts, sentence.begin);  // page 2, byte 40
//   }
//
// Method: poppler's word boxes (page::text_list(), in poppler's reading
// order) are rebuilt into lines, paragraphs and a reading order of their
// own by LayoutPdfPages (ingest/pdf_layout.h, which says how). Not
// page::text(): its non-raw layout removes every line-end hyphen and glues
// the two lines ("Franco-\nGerman" -> "FrancoGerman", as pdftotext does),
// marks no paragraph gaps inside a block, and, like poppler's word order,
// reads a two-column page left column paragraph 1, right column, left
// paragraph 2 when the columns' paragraph gaps line up; its physical layout
// puts the columns side by side on each line.
//
// The text: paragraphs separated by "\n\n", the lines of a paragraph joined
// with a space; a word hyphenated at a line end is re-joined without the
// hyphen when the next line starts with a lower-case letter ("coope-" +
// "ration" -> "cooperation"), else the hyphen stays and no space is added
// ("Franco-" + "German" -> "Franco-German"). Running headers and footers
// (lines alone at a page's top or bottom that repeat, digits ignored, on
// most pages or at the place where most pages' text begins or ends) and bare
// page numbers ("7", "- 7 -", "Page 7 of 12", "vii") are dropped. Pages are
// separated by "\n\n". The text is valid UTF-8 (poppler's UTF-16 converted
// here; an unpaired surrogate becomes U+FFFD) with no control characters: no
// form feeds, no line breaks inside a paragraph. It is not NFC-normalized
// (the readers' NormalizeText does that).
//
// Errors (the input named in the Status): not a PDF / damaged (kInvalidInput),
// password-protected (kInvalidInput), no text on any page (kEmptyInput: a
// scanned PDF; no OCR), larger than 2 GiB (kResourceExhausted). Text beyond
// `max_text_bytes` (itself capped at 2 GiB: offsets are uint32_t) is cut at a
// paragraph boundary (else a space, else a character boundary) with a
// warning Diagnostic; pages after the cut are not read.
//
// Not handled: OCR, text in annotations or form fields, right-to-left and
// vertical scripts (read as poppler orders them), tables (their cells become
// lines or paragraphs), footnotes (kept where poppler puts them), first-line
// indents without a gap (such paragraphs are joined).
//
// Thread safety: callable from any thread. poppler-cpp documents no
// thread-safety guarantee, and poppler keeps process-wide state (its global
// parameters, created when the first document is opened and destroyed with
// the last, and the error callback), so the poppler part of each call
// (opening, reading the words, closing) holds one process-wide mutex: PDFs
// are read one at a time; the line and paragraph building runs outside it.
// poppler's own messages are silenced once (a no-op debug/error function):
// nothing is printed.
#ifndef DOSSIER_INGEST_PDF_H_
#define DOSSIER_INGEST_PDF_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/status.h"

namespace dossier {

struct PdfText {
  std::string text;                   // UTF-8, pages in order, reading order within a page
  std::vector<uint32_t> page_starts;  // one per page: the byte offset in `text` where it begins
                                      // (page_starts[0] == 0; a page without text, or after a
                                      // cut, begins where the next one does)
  std::string title, author;          // document info, white space collapsed; empty if none
  std::string date;    // YYYY-MM-DD of CreationDate (else ModDate) as written (the writer's local
                       // date, not converted to UTC); empty if none or invalid
  uint32_t pages = 0;  // pages in the document
};

// True when "%PDF-" occurs in the first 1024 bytes (where readers accept it).
bool LooksLikePdf(std::string_view bytes);

// The text of the PDF `bytes`; `name` names the input in errors and
// diagnostics; `diagnostics` (may be null) receives the cut warning.
Result<PdfText> ExtractPdfText(std::string_view bytes, const std::string& name,
                               uint64_t max_text_bytes,
                               std::vector<Diagnostic>* diagnostics = nullptr);

struct PdfPosition {
  uint32_t page = 0;    // counted from 1; 0 when page_starts is empty
  uint32_t offset = 0;  // byte offset within that page's text
};

// The page holding byte `text_offset` of PdfText::text, and the offset in it.
// An offset in the blank line between two pages belongs to the earlier page.
PdfPosition PdfPositionOf(const std::vector<uint32_t>& page_starts, uint32_t text_offset);

}  // namespace dossier

#endif  // DOSSIER_INGEST_PDF_H_
