// The pre-scan of a page before gumbo parses it: one linear pass that finds
// what gumbo need not see (scripts, styles, SVG images, comments, attributes
// nothing reads) and the tags nested deeper than kMaxNestingDepth, which are
// flattened. Internal to the ingest stage (html_dom.cc).
#ifndef DOSSIER_INGEST_HTML_PRESCAN_H_
#define DOSSIER_INGEST_HTML_PRESCAN_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace dossier::html {

struct Prescan {
  struct Cut {
    uint32_t begin, end;  // an html range, in order, disjoint
    bool line_break;      // replaced by "<br>": a flattened block tag keeps its boundary
  };
  std::vector<Cut> cuts;
  std::vector<std::string_view> json_ld;
  bool flattened = false;
};

// The cuts, JSON-LD scripts and flattening of page `s`.
Prescan ScanPage(std::string_view s);

// HTML white space (the ASCII white space of the HTML standard).
inline bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

}  // namespace dossier::html

#endif  // DOSSIER_INGEST_HTML_PRESCAN_H_
