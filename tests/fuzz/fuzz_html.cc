// Fuzz target: HTML page bytes -> the HTML reader (charset, article,
// analysis); and, for UTF-8 input, the visible text with its offset map and
// the article extracted from it (body, metadata, map).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dossier/article.h"
#include "fuzz_checks.h"
#include "ingest/html_text.h"
#include "ingest/readers.h"
#include "util/utf8.h"

namespace {

// Every byte of `text` maps into `html`; copied runs are equal to their source.
void CheckMappedText(std::string_view html, const std::string& text,
                     const dossier::OffsetMap& map) {
  using namespace dossier;
  fuzz::Require(IsValidUtf8(text));
  fuzz::Require(map.text_size() == text.size());
  const auto& runs = map.runs();
  for (size_t r = 0; r < runs.size(); ++r) {
    const OffsetMap::Run& run = runs[r];
    const uint32_t end = r + 1 < runs.size() ? runs[r + 1].text_begin : map.text_size();
    fuzz::Require(run.text_begin < end);
    fuzz::Require(run.orig_begin <= run.orig_end && run.orig_end <= html.size());
    if (run.copy) {
      fuzz::Require(run.orig_end - run.orig_begin == end - run.text_begin);
      fuzz::Require(text.compare(run.text_begin, end - run.text_begin, html, run.orig_begin,
                                 run.orig_end - run.orig_begin) == 0);
    }
  }
  if (!text.empty()) {
    fuzz::Require(text.front() != ' ' && text.front() != '\n');
    fuzz::Require(text.back() != ' ' && text.back() != '\n');
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  std::string_view html(reinterpret_cast<const char*>(data), size);
  // The whole reader: charset decided and converted, article, analysis.
  std::vector<Diagnostic> diagnostics;
  Result<Document> doc = ReadHtmlDocument(html, "fuzz.html", &diagnostics);
  if (doc.ok()) {
    Pipeline::Scratch scratch = fuzz::FuzzPipeline().NewScratch();
    fuzz::FuzzPipeline().Analyze(&*doc, &scratch);
    fuzz::CheckDocument(*doc);
  }
  if (!IsValidUtf8(html)) return 0;  // the extractors want UTF-8: the reader converts first
  Result<HtmlText> page = ExtractHtmlText(html);
  fuzz::Require(page.ok());
  CheckMappedText(html, page->text, page->map);
  Result<Article> article = ExtractArticle(html);
  fuzz::Require(article.ok());
  CheckMappedText(html, article->text, article->map);
  fuzz::Require(article->found || article->text.empty());
  for (const std::string* field : {&article->title, &article->byline, &article->date, &article->url,
                                   &article->site, &article->lang}) {
    fuzz::Require(IsValidUtf8(*field));
  }
  fuzz::Require(article->date.empty() || article->date.size() == 10);
  return 0;
}
