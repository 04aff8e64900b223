// Wording shared by the Markdown and HTML reports.
#ifndef DOSSIER_REPORT_WORDING_H_
#define DOSSIER_REPORT_WORDING_H_

#include <string>

#include "dossier/report.h"  // CountOf

namespace dossier {

// "2015-11-26", "2015-11-26 to 2015-11-27", or "undated".
inline std::string DateRange(const std::string& first, const std::string& last) {
  if (first.empty()) return "undated";
  return first == last || last.empty() ? first : first + " to " + last;
}

// What a quote's excerpt is cut from, to say whether words were left out
// before or after it: a partial quote's sentence (it is shown in it), else
// the quote.
inline Span ShownWhole(const Cluster& cluster, const QuoteRef& q) {
  return q.kind == "partial" ? cluster.documents[q.document].sentences[q.sentence].span : q.span;
}

}  // namespace dossier

#endif  // DOSSIER_REPORT_WORDING_H_
