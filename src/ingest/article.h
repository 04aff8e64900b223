// ExtractArticle: the main article of a web page, its body text and its
// metadata, without navigation, ads, related-article lists, comments, cookie
// banners, share widgets or footers.
//
//   Result<Article> a = ExtractArticle(html);       // html: valid UTF-8
//   if (a.ok() && a->found) std::cout << a->title << "\n\n" << a->text;
//   Span in_page = a->map.ToOriginal(span_in_text);  // back into the HTML bytes
//
// The body is plain text: one paragraph per block (paragraph, heading, list
// item, block quote, table row, preformatted block), paragraphs separated by
// one blank line ("\n\n"), white space inside a block collapsed to one space,
// character references decoded. Every byte of `text` maps back into `html`
// through `map`, so citations point into the page. When the page holds no
// article (a home page, a search page, an error page) `found` is false,
// `text` is empty and `why_not` says why; the metadata may still be set.
// The method is described in docs/EXTRACTION.md. Iterative: nesting depth
// does not grow the stack. Thread-safe (no shared state).
#ifndef DOSSIER_INGEST_ARTICLE_H_
#define DOSSIER_INGEST_ARTICLE_H_

#include <string>
#include <string_view>

#include "dossier/span.h"
#include "dossier/status.h"

namespace dossier {

struct Article {
  // Metadata, empty where the page does not give it.
  std::string title;   // og:title, JSON-LD headline, the article's <h1>, or <title>
  std::string byline;  // the authors, "Jane Roe, John Doe" (no "By")
  std::string date;    // publication date, ISO 8601 "YYYY-MM-DD"
  std::string url;     // canonical URL (<link rel=canonical>, og:url, JSON-LD url)
  std::string site;    // site name (og:site_name, JSON-LD publisher)
  std::string lang;    // <html lang>

  bool found = false;   // an article body was found
  std::string why_not;  // when !found: why not
  std::string text;     // the body (see above)
  OffsetMap map;        // text -> html
};

Result<Article> ExtractArticle(std::string_view html);

}  // namespace dossier

#endif  // DOSSIER_INGEST_ARTICLE_H_
