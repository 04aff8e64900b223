// Wording shared by the Markdown and HTML reports.
#ifndef DOSSIER_REPORT_WORDING_H_
#define DOSSIER_REPORT_WORDING_H_

#include <string>

namespace dossier {

// "1 report", "3 reports".
inline std::string CountOf(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "2015-11-26", "2015-11-26 to 2015-11-27", or "undated".
inline std::string DateRange(const std::string& first, const std::string& last) {
  if (first.empty()) return "undated";
  return first == last || last.empty() ? first : first + " to " + last;
}

}  // namespace dossier

#endif  // DOSSIER_REPORT_WORDING_H_
