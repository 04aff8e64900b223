// Transitional: the whole visible text of the page (ExtractHtmlText) until
// the article extractor replaces this file.
#include "ingest/article.h"

#include "ingest/html_text.h"

namespace dossier {

Result<Article> ExtractArticle(std::string_view html) {
  Result<HtmlText> page = ExtractHtmlText(html);
  if (!page.ok()) return page.status();
  Article a;
  a.title = std::move(page->title);
  a.lang = std::move(page->lang);
  a.text = std::move(page->text);
  a.map = std::move(page->map);
  a.found = !a.text.empty();
  if (!a.found) a.why_not = "the page has no visible text";
  return a;
}

}  // namespace dossier
