// Fuzz target: feed or sitemap bytes -> ParseFeed (libxml2, recovery mode)
// -> FeedDocuments, each document analysed; and the root sniffer and the
// date reader on the same bytes. Checks every field is valid UTF-8, dates
// have their shapes, documents map into their raw HTML, and libxml2 never
// printed (nothing to check here: a print would not crash, but ASan/UBSan
// and the invariants below would catch what goes wrong inside).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.h"
#include "ingest/feed.h"
#include "util/utf8.h"

namespace {

void CheckDate(const std::string& date, const std::string& datetime) {
  using dossier::fuzz::Require;
  Require(date.empty() || date.size() == 4 || date.size() == 7 || date.size() == 10);
  Require(datetime.empty() ||
          (datetime.size() == 20 && datetime.back() == 'Z' && datetime.compare(0, 10, date) == 0));
}

// Copied runs of the map equal the raw bytes they stand for.
void CheckMap(const dossier::Document& doc) {
  using namespace dossier;
  fuzz::Require(doc.map.text_size() == doc.text.size());
  const auto& runs = doc.map.runs();
  for (size_t r = 0; r < runs.size(); ++r) {
    const OffsetMap::Run& run = runs[r];
    const uint32_t end = r + 1 < runs.size() ? runs[r + 1].text_begin : doc.map.text_size();
    fuzz::Require(run.text_begin < end);
    fuzz::Require(run.orig_begin <= run.orig_end && run.orig_end <= doc.raw.size());
    if (run.copy) {
      fuzz::Require(run.orig_end - run.orig_begin == end - run.text_begin);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)LooksLikeFeed(bytes);
  const FeedDate d = ParseFeedDate(bytes.substr(0, 64));
  CheckDate(d.date, d.datetime);

  FeedOptions options;
  options.max_items = 50;
  options.max_document_bytes = 64 << 10;
  std::vector<Diagnostic> diagnostics;
  Result<Feed> feed = ParseFeed(bytes, "fuzz.xml", options, &diagnostics);
  if (!feed.ok()) return 0;
  fuzz::Require(feed->items.size() <= options.max_items);
  for (const std::string* s : {&feed->title, &feed->link, &feed->language}) {
    fuzz::Require(IsValidUtf8(*s));
  }
  for (const FeedItem& item : feed->items) {
    for (const std::string* s : {&item.title, &item.link, &item.id, &item.author, &item.source,
                                 &item.summary_html, &item.content_html}) {
      fuzz::Require(IsValidUtf8(*s));
    }
    fuzz::Require(item.summary_html.size() <= options.max_document_bytes);
    fuzz::Require(item.content_html.size() <= options.max_document_bytes);
    CheckDate(item.date, item.datetime);
  }
  std::vector<Document> docs = FeedDocuments(*feed, "fuzz.xml", &diagnostics);
  fuzz::Require(docs.size() <= feed->items.size());
  Pipeline::Scratch scratch = fuzz::FuzzPipeline().NewScratch();
  for (size_t i = 0; i < docs.size(); ++i) {
    Document& doc = docs[i];
    fuzz::Require(!doc.text.empty() && IsValidUtf8(doc.text));
    fuzz::Require(doc.date.empty() || doc.date.size() == 10);
    CheckMap(doc);
    if (i < 3) {
      fuzz::FuzzPipeline().Analyze(&doc, &scratch);
      fuzz::CheckDocument(doc);
    }
  }
  return 0;
}
