// Earlier figures: the counts a document gives as superseded by its own new
// one ("Earlier reports had said nine people died", "Ранее говорилось о
// четырех пострадавших"). Internal to the analyze stage; the rule is in
// analyze/figures.h (EARLIER FIGURES).
//
//   std::vector<ScannedFigure> found;
//   ScanFigures(words, doc, 0, &found);  // calls MarkEarlierFigures itself
#ifndef DOSSIER_ANALYZE_FIGURE_EARLIER_H_
#define DOSSIER_ANALYZE_FIGURE_EARLIER_H_

#include <cstddef>
#include <vector>

#include "analyze/figure_scan.h"
#include "analyze/figure_words.h"
#include "dossier/document.h"

namespace dossier {

// Sets FigureMention::earlier on the figures (*figures)[first, end) of
// `doc`, all of one document, read with the markers of `words`
// (earlier_markers.txt).
void MarkEarlierFigures(const figures_internal::FigureWords& words, const Document& doc,
                        size_t first, std::vector<ScannedFigure>* figures);

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_FIGURE_EARLIER_H_
