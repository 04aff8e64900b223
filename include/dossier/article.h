// ExtractArticle: the main article of a web page, its body text and its
// metadata, without navigation, ads, related-article lists, comments, cookie
// banners, share widgets, newsletter sign-ups, captions, author boxes or
// footers.
//
//   Result<Article> a = ExtractArticle(html);       // html: valid UTF-8
//   if (a.ok() && a->found) std::cout << a->title << "\n\n" << a->text;
//   Span in_page = a->map.ToOriginal(span_in_text);  // back into the HTML bytes
//
// The body is plain text: one paragraph per block (paragraph, heading, list
// item, block quote, table row, preformatted block), paragraphs separated by
// one blank line ("\n\n"), table rows by "\n" with cells separated by a
// space, white space inside a block collapsed to one space, character
// references decoded. Headings, lists, quotations and tables of the article
// are kept; the headline, byline and date lines are metadata, not body.
// Every byte of `text` maps back into `html` through `map` (copied bytes one
// to one, a decoded reference to its "&...;", inserted separators to an
// empty range), so citations point into the page.
//
// When the page holds no article (a home or section page, search results,
// an error page) `found` is false, `text` is empty and `why_not` says why;
// the metadata may still be set. The method (readability's candidate
// scoring, jusText's block classes, boilerpipe's shallow features, DOM
// distiller's semantic hints, trafilatura's furniture lists) is described
// in docs/EXTRACTION.md. Robust by construction: malformed HTML parses as
// browsers do (gumbo); the analysis is iterative, so nesting depth never
// grows the stack, and nesting deeper than 400 levels is flattened before
// parsing, so deep markup cannot make the parse quadratic. Thread-safe: no
// shared mutable state.
#ifndef DOSSIER_ARTICLE_H_
#define DOSSIER_ARTICLE_H_

#include <string>
#include <string_view>

#include "dossier/span.h"
#include "dossier/status.h"

namespace dossier {

struct Article {
  // Metadata, empty where the page does not give it.
  std::string title;   // og:title, JSON-LD headline, the article's <h1>, or <title>
                       // (a " - Site" / " | Site" suffix removed)
  std::string byline;  // the authors, "Jane Roe, John Doe" (no "By", no date or
                       // "Updated ..."): JSON-LD author, <meta name=author>,
                       // rel=author, a byline/author element
  std::string date;    // publication date, ISO 8601 "YYYY-MM-DD": article:published_time
                       // and other date metas, JSON-LD datePublished, <time datetime>,
                       // else the address's path (/2019/11/19/)
  std::string url;     // canonical URL (<link rel=canonical>, og:url, JSON-LD url), else
                       // the address the page was read from
  std::string site;    // the outlet: og:site_name, JSON-LD publisher, the domain table,
                       // the host ("USA Today", never "usatoday" or "https://...")
  std::string lang;    // <html lang>, else og:locale, else <meta http-equiv="content-language">

  bool flattened = false;  // nesting deeper than 400 levels was flattened (its text kept)
  bool found = false;      // an article body was found
  std::string why_not;     // when !found: why not
  std::string text;        // the body (see above)
  OffsetMap map;           // text -> html
};

// `address`, when given, is where the page was read from (a fetched URL, a
// web archive's target URI): the page's address when it names none, and
// what its outlet and date fall back on (src/ingest/outlets.h: og:site_name,
// JSON-LD publisher, a built-in table of news domains, else the host; the
// date in the address's path when no metadata gives one).
Result<Article> ExtractArticle(std::string_view html, std::string_view address = {});

}  // namespace dossier

#endif  // DOSSIER_ARTICLE_H_
