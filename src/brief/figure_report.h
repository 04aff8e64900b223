// Which figure groups a briefing shows: those of two sources or more (split
// into one quantity each, in conflict only when incompatible), and the
// telling ones of a single source; and the labels they are shown with, in
// the words of the extractor's language (FigureExtractor::label_words:
// data/<language>/figure_labels.txt).
//
//   std::vector<FigureGroup> multi, single;
//   ReportableFigures(figures, figures.Group(cluster), &multi, &single);
//   for (const FigureGroup& g : multi) show(GroupLabel(figures, cluster, g), g);
#ifndef DOSSIER_BRIEF_FIGURE_REPORT_H_
#define DOSSIER_BRIEF_FIGURE_REPORT_H_

#include <string>
#include <vector>

#include "analyze/figures.h"

namespace dossier {

// `multi`: groups reported by two sources or more, conflicts first, then
// casualties, then by sources; `single`: one source's groups that say what
// they count, the telling ones first (SingleFigureScore in the .cc).
// `figures` says which units are durations.
void ReportableFigures(const FigureExtractor& figures, std::vector<FigureGroup> groups,
                       std::vector<FigureGroup>* multi, std::vector<FigureGroup>* single);

// What a figure counts, in words from its text:
//   - a casualty: the people counted, the casualty and the place or event
//     after it ("people killed in the country's civil war", "passengers
//     injured on board"); in a language that names its casualties
//     (figure_labels.txt, casualty-name), that name and the place or event,
//     which ends on a content word ("Verletzte", "feridos no despiste de um
//     autocarro");
//   - a measure of a topic the language names (figure_labels.txt
//     measure-name of a figure_grammar.txt measure-topic key: "superficie
//     quemada"), whatever noun it is of;
//   - a count of people without a noun of its own next to a verb that says
//     who they are (figure_labels.txt people-verb: "проживают около 35 тыс.
//     человек" -> "жители");
//   - nothing named (the label is only the unit: "percent", "month"): the
//     figure's clause, to the nearest punctuation or clause word, at most
//     six words before and eight after ("the election needs to take place
//     within 18 months");
//   - else its `what` ("repair", "unemployment rate").
std::string FigureLabel(const FigureExtractor& figures, const Document& doc,
                        const FigureMention& m);
// A group's label: the name of its measure topic, when the language has one;
// else its `what` when that names the quantity; else (casualties, a unit
// alone) its mentions' most frequent label, the fuller on a tie.
std::string GroupLabel(const FigureExtractor& figures, const Cluster& cluster,
                       const FigureGroup& g);

}  // namespace dossier

#endif  // DOSSIER_BRIEF_FIGURE_REPORT_H_
