// LayoutPdfPages: the word boxes of a PDF's pages (as poppler's
// page::text_list() gives them) -> each page's text: lines, paragraphs,
// reading order, running headers and footers dropped. The geometry half of
// ExtractPdfText (ingest/pdf.h), apart from poppler so it can be tested and
// changed on its own.
//
//   std::vector<std::vector<PdfWord>> pages = ...;  // y grows downwards
//   std::vector<std::string> texts = LayoutPdfPages(pages);
//   // texts[0]: "First paragraph, its lines joined.\n\nSecond paragraph."
//
// 1. Lines: words in the given order; a word starts a new line when its
//    vertical middle is off the previous word's by over half a line height,
//    when it stands left of it, or when over three line heights right of it.
// 2. Paragraphs: a new one where a line is above the previous one or wholly
//    right of it (another column or block), where the font size changes by
//    over 20%, at a bullet ("\u2022 item"), or where the pitch (top to top)
//    exceeds 1.35x the page's usual pitch (the lower quartile of the pitches
//    under three line heights: the leading of the body text, even on a page
//    of short paragraphs).
// 3. Running headers and footers: of a page's two topmost and two
//    bottommost lines, those that stand alone in their paragraph are dropped,
//    peeling from the edge inwards (the second line only when the first
//    went), when they are bare page numbers ("7", "- 7 -", "Page 7",
//    "7 of 12", "vii") or repeat (digits ignored: "Page 3 of 9") at a page
//    edge on at least 60% of the pages with text (and two or more), or on
//    two or more pages at the height where at least 60% of the pages' text
//    begins (ends, for a footer), though not all of them: a chapter's
//    running header, absent from the chapter's opening page. A repeated
//    line set over 30% larger than its smallest occurrence stays (a cover
//    page's title that is also the running header).
// 4. Reading order of the paragraphs (recursive cuts): the paragraphs are cut
//    into bands at vertical gaps; consecutive bands whose paragraphs leave a
//    common empty vertical strip (a gutter) with paragraphs side by side
//    (overlapping vertically) on its two sides are read as one region, cut
//    at its leftmost gutter into a left and a right part (each ordered the
//    same way, left first); a band without one reads top to bottom. So a
//    page header, two columns, and a footer read header, left column, right
//    column, footer, even where poppler's own order alternates between the
//    columns paragraph by paragraph. Pages of over 300 paragraphs keep
//    poppler's order (the cuts are cubic at worst).
// 5. Text: paragraphs separated by "\n\n", the lines of one joined with a
//    space; a line-end hyphen after a letter is removed when the next line
//    starts with a lower-case letter ("coope-" "ration" -> "cooperation")
//    and kept without a space otherwise ("Franco-" "German" ->
//    "Franco-German"); soft hyphens (U+00AD) are removed.
//
// Words must be valid UTF-8 without control characters. Stateless and
// thread-safe.
#ifndef DOSSIER_INGEST_PDF_LAYOUT_H_
#define DOSSIER_INGEST_PDF_LAYOUT_H_

#include <string>
#include <vector>

namespace dossier {

// One word box; points, y growing downwards (poppler's text_list boxes).
struct PdfWord {
  std::string text;
  double left = 0, right = 0, top = 0, bottom = 0;
  bool space_after = false;  // poppler saw a space after the word
};

// Each page's text, in page order; "" for a page without words.
std::vector<std::string> LayoutPdfPages(const std::vector<std::vector<PdfWord>>& pages);

}  // namespace dossier

#endif  // DOSSIER_INGEST_PDF_LAYOUT_H_
