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
//
// Word lists: the class and id words that mark furniture and the body
// (data/<language>/page_classes.txt), the lines of page furniture, section
// names and error-page words (page_furniture.txt; the lists of the other
// languages of languages.txt too, each applied to the pages that declare its
// language with <html lang> or og:locale, or declare none; error-page words
// of every language apply to every page), byline openings and date
// labels (bylines.txt), month and weekday names (months.txt, weekdays.txt)
// and the table of news domains (data/outlet_domains.txt).
// ArticleExtractor::Create loads them from a data folder, which replaces
// each list it holds (--data-dir); ExtractArticle uses the built-in ones.
//
//   Result<ArticleExtractor> x = ArticleExtractor::Create(data_dir);  // "en"
//   Result<Article> b = x->Extract(html, address);
#ifndef DOSSIER_ARTICLE_H_
#define DOSSIER_ARTICLE_H_

#include <memory>
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

namespace article_internal {
struct PageWords;
}  // namespace article_internal

// ExtractArticle with word lists read from a data folder. Immutable once
// created; Extract() is const and thread-safe.
class ArticleExtractor {
 public:
  // Reads the lists named above for `language` from `data_dir` (empty:
  // built in; a list the folder lacks stays built in); kNotFound when one
  // is absent or the folder does not exist, kInvalidInput for a bad line.
  static Result<ArticleExtractor> Create(std::string_view data_dir,
                                         std::string_view language = "en");
  // The built-in lists, loaded once (what ExtractArticle uses).
  static const ArticleExtractor& BuiltIn();

  // As ExtractArticle.
  Result<Article> Extract(std::string_view html, std::string_view address = {}) const;

 private:
  std::shared_ptr<const article_internal::PageWords> words_;
};

}  // namespace dossier

#endif  // DOSSIER_ARTICLE_H_
