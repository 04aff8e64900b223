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

}  // namespace dossier

#endif  // DOSSIER_REPORT_WORDING_H_
