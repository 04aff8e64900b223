// ReadSource and its helpers: the inputs that are not one file of text, HTML or
// JSON Lines: feeds, PDFs, web archives, web addresses and lists of them.
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "dossier/files.h"
#include "dossier/ingest.h"
#include "ingest/feed.h"
#include "ingest/fetch.h"
#include "ingest/readers.h"
#include "ingest/warc.h"
#include "util/strings.h"

namespace dossier {
namespace {

// What a followed page lacks, from its feed item: title, date, author, outlet.
void FillFromItem(const FeedItem& item, const std::string& feed_title, Document* doc) {
  if (doc->title.empty()) doc->title = item.title;
  if (doc->date.empty() && item.date.size() == 10) doc->date = item.date;
  if (doc->byline.empty()) doc->byline = item.author;
  if (doc->source.empty()) doc->source = !item.source.empty() ? item.source : feed_title;
}

// The web addresses of a list (ForEachListedLine).
std::vector<std::string> ListedAddresses(std::string_view bytes) {
  std::vector<std::string> urls;
  ForEachListedLine(bytes, [&](std::string_view line) {
    urls.emplace_back(line);
    return true;
  });
  return urls;
}

void ReadFeedSource(std::string_view bytes, const std::string& name, const ReadOptions& options,
                    const SourceMeta& meta, std::vector<Document>* loose,
                    std::vector<Diagnostic>* diagnostics) {
  FeedOptions feed_options;
  feed_options.max_document_bytes = options.max_document_bytes;
  Result<Feed> feed = ParseFeed(bytes, name, feed_options, diagnostics);
  if (!feed.ok()) {
    AddDiagnostic(diagnostics, Diagnostic::Severity::kError, feed.status());
    return;
  }
  const bool sitemap = feed->kind == FeedKind::kSitemap || feed->kind == FeedKind::kSitemapIndex;
  if (!options.follow_links || meta.depth >= 2) {
    for (Document& doc : FeedDocuments(*feed, name, diagnostics)) loose->push_back(std::move(doc));
    if (sitemap && !feed->items.empty()) {
      AddDiagnostic(
          diagnostics, Diagnostic::Severity::kWarning,
          Status(StatusCode::kInvalidInput,
                 std::string(feed->kind == FeedKind::kSitemapIndex ? "sitemap index" : "sitemap") +
                     " lists " + std::to_string(feed->items.size()) +
                     " addresses and no text; --follow fetches them",
                 name));
    }
    return;
  }
  std::vector<std::string> links;
  std::vector<const FeedItem*> items;
  for (const FeedItem& item : feed->items) {
    if (IsWebAddress(item.link)) {
      links.push_back(item.link);
      items.push_back(&item);
    }
  }
  if (links.size() < feed->items.size()) {
    AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                  Status(StatusCode::kInvalidInput,
                         std::to_string(feed->items.size() - links.size()) +
                             " item(s) without a web address to follow, skipped",
                         name));
  }
  // Pages of a sitemap index are sitemaps, which are followed once more.
  ReadOptions pages = options;
  pages.follow_links = feed->kind == FeedKind::kSitemapIndex;
  FetchPages(
      links, pages, meta.depth + 1,
      [&](size_t k, std::string_view body, const std::string& page_name, const SourceMeta& m) {
        const size_t before = loose->size();
        ReadSource(body, page_name, m.FormatFor(pages), pages, m, loose, nullptr, diagnostics);
        for (size_t d = before; d < loose->size(); ++d) {
          FillFromItem(*items[k], feed->title, &(*loose)[d]);
        }
      },
      diagnostics);
}

void ReadUrlList(std::string_view bytes, const std::string& name, const ReadOptions& options,
                 const SourceMeta& meta, std::vector<Document>* loose, const ClusterSink& sink,
                 std::vector<Diagnostic>* diagnostics) {
  if (meta.depth > 0) {
    AddDiagnostic(
        diagnostics, Diagnostic::Severity::kError,
        Status(StatusCode::kInvalidInput,
               "a list of web addresses fetched from another is not fetched in turn", name));
    return;
  }
  std::vector<std::string> urls = ListedAddresses(bytes);
  FetchPages(
      urls, options, meta.depth + 1,
      [&](size_t, std::string_view body, const std::string& page_name, const SourceMeta& m) {
        ReadSource(body, page_name, m.FormatFor(options), options, m, loose, sink, diagnostics);
      },
      diagnostics);
}

// The WARC-Date's day: "2015-12-18T10:00:00Z" -> "2015-12-18".
std::string CaptureDay(const std::string& warc_date) {
  return warc_date.size() >= 10 && warc_date[4] == '-' && warc_date[7] == '-'
             ? warc_date.substr(0, 10)
             : std::string();
}

SourceMeta WarcPageMeta(const WarcPage& page) {
  SourceMeta meta;
  meta.url = page.target_uri;
  meta.id = page.target_uri;
  meta.date = CaptureDay(page.date);
  meta.charset = CharsetOfContentType(page.content_type);
  meta.html = true;
  return meta;
}

std::string WarcPageName(const std::string& archive, const WarcPage& page) {
  return archive + "@" + std::to_string(page.offset);
}

WarcOptions WarcLimits(const ReadOptions& options) {
  WarcOptions w;
  w.max_record_bytes = options.max_document_bytes;
  w.max_input_bytes = options.max_input_bytes;
  w.stop = options.stop;
  return w;
}

// "12 records, 5 HTML pages; skipped: 5 request, 2 response: HTTP 404".
void ReportWarc(const std::string& name, const WarcReport& report,
                std::vector<Diagnostic>* diagnostics) {
  std::string skipped;
  for (const auto& [why, n] : report.skipped) {
    skipped += (skipped.empty() ? "" : ", ") + std::to_string(n) + " " + why;
  }
  AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                Status(StatusCode::kInvalidInput,
                       "web archive: " + std::to_string(report.records) + " record(s), " +
                           std::to_string(report.pages) + " HTML page(s) read" +
                           (skipped.empty() ? "" : "; skipped: " + skipped),
                       name));
}

void ReadWarcSource(std::string_view bytes, const std::string& name, const ReadOptions& options,
                    std::vector<Document>* loose, std::vector<Diagnostic>* diagnostics) {
  WarcReport report;
  Status s = ReadWarcBuffer(
      bytes, name, WarcLimits(options),
      [&](WarcPage&& page) {
        ReadSource(page.body, WarcPageName(name, page), InputFormat::kHtml, options,
                   WarcPageMeta(page), loose, nullptr, diagnostics);
      },
      &report, diagnostics);
  if (!s.ok()) AddDiagnostic(diagnostics, Diagnostic::Severity::kError, s);
  if (report.records > 0) ReportWarc(name, report, diagnostics);
}

// A document read from a page keeps what its origin knows and it lacks.
void ApplyMeta(const SourceMeta& meta, Document* doc) {
  if (!meta.id.empty()) doc->id = meta.id;
  if (doc->date.empty()) doc->date = meta.date;
  if (doc->url.empty() && IsWebAddress(meta.url)) doc->url = meta.url;
}

}  // namespace

void ReadSource(std::string_view bytes, const std::string& name, InputFormat format,
                const ReadOptions& options, const SourceMeta& meta, std::vector<Document>* loose,
                const ClusterSink& sink, std::vector<Diagnostic>* diagnostics) {
  if (format == InputFormat::kAuto) format = DetectFormat(name, bytes);
  Result<Document> doc = Status(StatusCode::kInvalidInput, "unread", name);
  switch (format) {
    case InputFormat::kMultiNews:
      if (sink) {
        ReadMultiNews(bytes, name, options, sink, diagnostics);
      } else {
        AddDiagnostic(
            diagnostics, Diagnostic::Severity::kError,
            Status(StatusCode::kInvalidInput, "Multi-News records are read from files only", name));
      }
      return;
    case InputFormat::kJsonl:
      ReadJsonlDocuments(bytes, name, options, loose, diagnostics);
      return;
    case InputFormat::kFeed:
      ReadFeedSource(bytes, name, options, meta, loose, diagnostics);
      return;
    case InputFormat::kWarc:
      ReadWarcSource(bytes, name, options, loose, diagnostics);
      return;
    case InputFormat::kUrls:
      ReadUrlList(bytes, name, options, meta, loose, sink, diagnostics);
      return;
    case InputFormat::kPdf:
      doc = ReadPdfDocument(bytes, name, diagnostics, options.max_document_bytes);
      break;
    case InputFormat::kHtml:
      doc = ReadHtmlDocument(bytes, name, diagnostics, options.max_document_bytes, meta.url,
                             meta.charset, options.extractor.get());
      break;
    case InputFormat::kText:
    case InputFormat::kAuto:
      doc = ReadTextDocument(bytes, name, diagnostics, options.max_document_bytes);
      break;
  }
  if (!doc.ok()) {
    AddDiagnostic(diagnostics, Diagnostic::Severity::kError, doc.status());
    return;
  }
  ApplyMeta(meta, &*doc);
  loose->push_back(std::move(*doc));
}

void FetchPages(const std::vector<std::string>& urls, const ReadOptions& options, int depth,
                const FetchedPageUse& use, std::vector<Diagnostic>* diagnostics) {
  FetchOptions fetch;
  fetch.max_bytes = options.max_input_bytes;
  fetch.timeout_seconds = options.fetch.timeout_seconds;
  fetch.parallel = std::max(1, options.fetch.parallel);
  fetch.cache_dir = options.fetch.cache_dir;
  fetch.user_agent = options.fetch.user_agent;
  fetch.stop = options.stop;
  size_t k = 0;
  FetchAll(urls, fetch, [&](Fetched&& page) {
    const size_t index = k++;
    if (!page.cache_warning.ok()) {
      AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning, page.cache_warning);
    }
    if (!page.status.ok()) {
      AddDiagnostic(diagnostics, Diagnostic::Severity::kError, page.status);
      return;
    }
    if (TrimWhitespace(page.body).empty()) {
      AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                    Status(StatusCode::kEmptyInput, "empty page", page.url));
      return;
    }
    SourceMeta meta;
    meta.url = page.final_url.empty() ? page.url : page.final_url;
    meta.charset = page.charset;
    meta.depth = depth;
    // Served as HTML: read as a page whatever its first bytes look like.
    const std::string type = AsciiLower(page.content_type);
    meta.html = StartsWith(type, "text/html") || StartsWith(type, "application/xhtml+xml");
    use(index, page.body, page.url, meta);
  });
}

// Archives from this size on are streamed even when their name does not say WARC.
constexpr uintmax_t kStreamedWarcBytes = uintmax_t{1} << 20;

bool IsWarcFile(const std::string& path) {
  const std::string lower = AsciiLower(path);
  if (EndsWith(lower, ".warc") || EndsWith(lower, ".warc.gz")) return true;
  // Only a regular file is sniffed: reading the head of a FIFO would take it
  // from the reader that comes next. Streaming matters only for a big file: a
  // small archive by another name is read whole, then as a WARC (ReadSource),
  // which spares every small file of a folder a second open.
  std::error_code ec;
  if (path == "-" || !std::filesystem::is_regular_file(path, ec)) return false;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec || size < kStreamedWarcBytes) return false;
  std::ifstream in(path, std::ios::binary);
  char head[4096];
  in.read(head, sizeof head);
  return LooksLikeWarc(std::string_view(head, static_cast<size_t>(in.gcount())));
}

bool ReadWarcPages(
    const std::string& path, const ReadOptions& options,
    const std::function<bool(std::string_view, const std::string&, const SourceMeta&)>& use,
    std::vector<Diagnostic>* diagnostics) {
  WarcReport report;
  bool any = false;
  Status s = ReadWarcFile(
      path, WarcLimits(options),
      [&](WarcPage&& page) {
        any = use(page.body, WarcPageName(path, page), WarcPageMeta(page)) || any;
      },
      &report, diagnostics);
  if (!s.ok()) AddDiagnostic(diagnostics, Diagnostic::Severity::kError, s);
  if (report.records > 0) ReportWarc(path, report, diagnostics);
  return any;
}

}  // namespace dossier
