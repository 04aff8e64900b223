// Which figure groups a briefing shows: those of two sources or more (split
// into one quantity each, in conflict only when incompatible), and the
// telling ones of a single source.
#ifndef DOSSIER_BRIEF_FIGURE_REPORT_H_
#define DOSSIER_BRIEF_FIGURE_REPORT_H_

#include <vector>

#include "analyze/figures.h"

namespace dossier {

// `multi`: groups reported by two sources or more, conflicts first, then
// casualties, then by sources; `single`: one source's groups that say what
// they count, the telling ones first (SingleFigureScore in the .cc).
void ReportableFigures(std::vector<FigureGroup> groups, std::vector<FigureGroup>* multi,
                       std::vector<FigureGroup>* single);

}  // namespace dossier

#endif  // DOSSIER_BRIEF_FIGURE_REPORT_H_
