// The figure scanner: every figure of a document's sentences, with what it
// counts and the words around it. Internal to the analyze stage; the
// FigureExtractor (figures.h) groups what it finds across documents.
//
//   std::vector<ScannedFigure> found;
//   ScanFigures(words, doc, /*document_index=*/0, &found);  // words: LoadFigureWords
#ifndef DOSSIER_ANALYZE_FIGURE_SCAN_H_
#define DOSSIER_ANALYZE_FIGURE_SCAN_H_

#include <cstdint>
#include <vector>

#include "analyze/figure_words.h"
#include "analyze/figures.h"
#include "dossier/document.h"

namespace dossier {

// A figure found, with its context: the sorted distinct stem hashes of the
// words around it (for telling quantities apart across documents).
struct ScannedFigure {
  FigureMention mention;
  std::vector<uint64_t> context;
};

// Appends the figures of every sentence of `doc` (document number
// `document_index` of its cluster) to `out`, in text order, read with the
// word lists `words`, the earlier counts marked (figure_earlier.h).
void ScanFigures(const figures_internal::FigureWords& words, const Document& doc,
                 uint32_t document_index, std::vector<ScannedFigure>* out);

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_FIGURE_SCAN_H_
