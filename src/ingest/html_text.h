// ExtractHtmlText: the visible text of an HTML page's body, from a correct
// HTML5 parse (gumbo), with scripts, styles, navigation, headers, footers,
// forms, asides and hidden elements dropped.
//
//   Result<HtmlText> page = ExtractHtmlText(html);
//   // page->text: "Headline\n\nFirst paragraph...\n\nSecond..."
//   // page->map : text -> html bytes
//
// Block elements (p, div, h1-h6, li, br, tr, ...) become line breaks; blocks
// are separated by one blank line ("\n\n"); runs of white space inside a
// block collapse to one space; character references are decoded. Every byte
// of `text` maps back into `html` through `map`. Input must be valid UTF-8
// (the caller repairs it). Iterative: nesting depth does not grow the stack.
// Thread-safe (no shared state).
#ifndef DOSSIER_INGEST_HTML_TEXT_H_
#define DOSSIER_INGEST_HTML_TEXT_H_

#include <string>
#include <string_view>

#include "dossier/span.h"
#include "dossier/status.h"

namespace dossier {

struct HtmlText {
  std::string title;  // <title>, whitespace collapsed; empty if none
  std::string lang;   // <html lang>, empty if none
  std::string text;
  OffsetMap map;  // text -> html
};

Result<HtmlText> ExtractHtmlText(std::string_view html);

}  // namespace dossier

#endif  // DOSSIER_INGEST_HTML_TEXT_H_
