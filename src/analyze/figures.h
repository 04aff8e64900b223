// FigureExtractor: the key figures of a story ("224 people", "more than
// 200,000", "$340 million", "within six months") and whether the sources
// agree on them.
//
//   Result<FigureExtractor> figures = FigureExtractor::Create(options.data_dir);
//   for (const FigureGroup& g : figures->Group(cluster))
//     if (g.status == FigureGroup::Status::kConflict)
//       for (const FigureMention& m : g.mentions)
//         std::cout << g.what << ": " << m.span.Slice(cluster.documents[m.document].text);
//
// Extract() and Group() need documents analysed by Pipeline::Analyze
// (sentences, tokens). The word lists are built in (Create() takes a data
// directory for symmetry with the other analyzers and does not read it);
// Extract() and Group() are const and thread-safe. Spans are byte ranges
// into Document::text.
//
// A figure is a number token ("224", "5,000", "4.5") or a cardinal word
// ("two", "twelve", "twenty-five", "dozen"), optionally with
//   - a qualifier before it: over, more than, at least, up to, within,
//     about/around/roughly/approximately/some (-> "about"), nearly/almost
//     (-> "nearly"), less than/fewer than/under (-> "less than"); or "-plus"
//     / "+" right after it (-> "plus");
//   - "$" before it (unit "dollar"), a scale after it (thousand, million,
//     billion, trillion);
//   - a range: "5,000–6,000", "5,000-6,000", "5,000 to 6,000", "between 5,000
//     and 6,000" (value = low end, value_high = high end);
//   - a unit right after it, also hyphenated ("1.2-kilometre"): see kUnits in
//     figures.cc (people, passengers, crew, metres, kilometres, km/h,
//     percent/per cent/%, states, countries, days, months, ...).
// Skipped: years (1900-2099 written without a comma and with no unit), dates
// (a number of at most 31 next to a month name), clock times ("4:30", "4
// a.m."), numbers glued to a name ("S-400", "COVID-19"; "G20" is one word and
// never a number), ordinals (never matched), and numbers with neither a unit
// nor a casualty context ("Lena Marsh, 34,").
//
// `what`: casualty figures are normalized: a death word (killed, died, dead,
// death(s), death toll, fatal, perished, lives) right after the figure (over
// at most three auxiliaries: "were", "are confirmed", "have") or just before
// it ("killing all 224", "claimed 224 lives") gives "killed"; injured, wounded,
// hurt give "injured"; "missing" gives "missing". Casualty figures take the
// unit "people" ("12 were injured", "224 lives"). Any other figure's `what` is
// its unit ("passenger", "metre", "dollar", "percent").
//
// Grouping (Group): mentions with the same (what, unit) across the cluster
// form a group, single-source groups included. Each mention implies an
// interval: exact [v, v_high]; about [0.9 v, 1.1 v_high]; over, more than,
// at least, plus [v, inf); up to, within, less than [0, v_high]; nearly
// [0.9 v, v]. Two mentions from different documents conflict when their
// intervals do not overlap, or when both are lower bounds ("over 300,000",
// "more than 200,000") whose bounds differ by more than 25%: different
// estimates, though intervals alone would agree. A group is kConflict when
// any pair conflicts. The representative value is the most frequent value
// (the first one on a tie).
#ifndef DOSSIER_ANALYZE_FIGURES_H_
#define DOSSIER_ANALYZE_FIGURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"

namespace dossier {

struct FigureMention {
  uint32_t document = 0;  // index into Cluster::documents (the caller's index in Extract)
  uint32_t sentence = 0;  // index into that document's sentences
  Span span;              // the figure as written, qualifier and unit included
  double value = 0;       // normalized number (low end of a range)
  double value_high = 0;  // high end of a range, = value otherwise
  std::string qualifier;  // "", "over", "more than", "about", "at least", "up to",
                          // "within", "nearly", "less than", "plus"
  std::string unit;       // "people", "dollar", "metre", "month", "percent", ...; "" if none
  std::string what;       // "killed", "injured", "missing", or the unit
};

struct FigureGroup {
  enum class Status { kAgree, kConflict };

  std::string what, unit;
  double value = 0;  // representative value
  Status status = Status::kAgree;
  std::vector<FigureMention> mentions;  // in (document, text) order

  // The number of distinct documents among the mentions.
  size_t DocumentCount() const;
};

const char* FigureStatusName(FigureGroup::Status status);

class FigureExtractor {
 public:
  static Result<FigureExtractor> Create(std::string_view data_dir);

  // The figures of an analysed document, in text order; each mention's
  // `document` is `document_index`.
  std::vector<FigureMention> Extract(const Document& doc, uint32_t document_index) const;

  // Extract() over every document, then grouped as described above; groups
  // ordered by decreasing document count, then (what, unit).
  std::vector<FigureGroup> Group(const Cluster& cluster) const;

  // Whether two mentions can be the same quantity (the interval rule above).
  static bool Compatible(const FigureMention& a, const FigureMention& b);
};

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_FIGURES_H_
