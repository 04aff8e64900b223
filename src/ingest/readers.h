// The per-format readers behind ReadBuffer. Internal to the ingest stage.
#ifndef DOSSIER_INGEST_READERS_H_
#define DOSSIER_INGEST_READERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/ingest.h"
#include "dossier/status.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dossier {

// Fills doc->text and doc->map from doc->raw (UTF-8 repair, NFC...). Reports
// repaired bytes to diagnostics. With `newline_markers`, NEWLINE_CHAR marks a
// line break (Multi-News).
void NormalizeDocument(Document* doc, bool newline_markers, std::vector<Diagnostic>* diagnostics);

// A plain-text document: UTF-8, UTF-16, or a legacy encoding detected and
// converted (src/ingest/charset.h). Fails on binary data and on input with
// no text. Bytes beyond `max_bytes` are cut off (CutDocument).
Result<Document> ReadTextDocument(std::string_view bytes, const std::string& name,
                                  std::vector<Diagnostic>* diagnostics,
                                  uint64_t max_bytes = kDefaultMaxDocumentBytes);

// An HTML page: its charset decided (declared or detected) and converted,
// then its article extracted (include/dossier/article.h; `url`, when known,
// is where the page was read from). A page longer than `max_bytes` is cut
// first.
// `charset`, when given, is the transport's (an HTTP Content-Type): it
// overrides the page's own declaration, as in browsers. `extractor` (null:
// ArticleExtractor::BuiltIn()) extracts the article.
Result<Document> ReadHtmlDocument(std::string_view bytes, const std::string& name,
                                  std::vector<Diagnostic>* diagnostics,
                                  uint64_t max_bytes = kDefaultMaxDocumentBytes,
                                  std::string_view url = {}, std::string_view charset = {},
                                  const ArticleExtractor* extractor = nullptr);

// `options` with an article extractor: its own, else one made from its
// data_dir (none for an empty one: the built-in lists serve). An error when
// the data folder's lists cannot be read.
Result<ReadOptions> WithExtractor(const ReadOptions& options);

// HTML source (UTF-8, maybe with bad bytes) normalized for ExtractHtmlText
// or ExtractArticle (no LaTeX quotes: HTML has none), the repaired bytes
// reported as a warning naming `name`.
NormalizeResult NormalizeHtmlSource(std::string_view html, const std::string& name,
                                    std::vector<Diagnostic>* diagnostics);

// A PDF's text layer as a document (src/ingest/pdf.h): raw = that text,
// pages = where each page begins in it; title, author and date from the
// document information.
Result<Document> ReadPdfDocument(std::string_view bytes, const std::string& name,
                                 std::vector<Diagnostic>* diagnostics,
                                 uint64_t max_bytes = kDefaultMaxDocumentBytes);

// Calls `f(line)` for each line of a list (a list of web addresses): lines
// trimmed, blank ones and '#' comments skipped, until `f` returns false.
// Returns whether every call returned true.
template <typename F>
bool ForEachListedLine(std::string_view bytes, F f) {
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    const std::string_view line = TrimWhitespace(bytes.substr(pos, nl - pos));
    if (!line.empty() && line.front() != '#' && !f(line)) return false;
    pos = nl + 1;
  }
  return true;
}

// Where the bytes of one input came from, beyond its name.
struct SourceMeta {
  std::string url;      // the address they were fetched from or archived under
  std::string charset;  // the transport's charset (HTTP Content-Type)
  std::string date;     // a capture date (WARC-Date): the document's when it has none
  std::string id;       // the document's id, when not the name
  int depth = 0;        // fetches that led here: a fetched list or feed fetches no further
  bool html = false;    // an HTML page (a web archive's response record)

  // The format to read the bytes as: the one `options` forces for the inputs
  // named, detected for fetched and archived ones.
  InputFormat FormatFor(const ReadOptions& options) const {
    if (html) return InputFormat::kHtml;
    return url.empty() ? options.format : InputFormat::kAuto;
  }
};

// Reads one input's bytes as `format` (kAuto: detected) into documents
// (appended to `loose`) or Multi-News clusters (to `sink`): ReadBuffer with
// the input's origin. Feeds, PDFs, web archives and lists of addresses too.
void ReadSource(std::string_view bytes, const std::string& name, InputFormat format,
                const ReadOptions& options, const SourceMeta& meta, std::vector<Document>* loose,
                const ClusterSink& sink, std::vector<Diagnostic>* diagnostics);

// Fetches `urls` (options.fetch), several at once, and hands each page that
// came, in input order, to `use(index in urls, bytes, name, meta)`; each
// address that failed is an error diagnostic naming it.
using FetchedPageUse =
    std::function<void(size_t, std::string_view, const std::string&, const SourceMeta&)>;
void FetchPages(const std::vector<std::string>& urls, const ReadOptions& options, int depth,
                const FetchedPageUse& use, std::vector<Diagnostic>* diagnostics);

// A web archive file to stream: by name (.warc, .warc.gz), or a regular file
// of 1 MiB or more whose first bytes are a WARC record (a smaller one is read
// whole and then read as an archive, with the same documents).
bool IsWarcFile(const std::string& path);

// Streams the HTML pages of web archive `path` (one pass, bounded memory) to
// `use(bytes, name, meta)`, which returns whether the page gave a document;
// the records skipped are summed up in one warning. Returns whether any page
// gave one.
bool ReadWarcPages(
    const std::string& path, const ReadOptions& options,
    const std::function<bool(std::string_view, const std::string&, const SourceMeta&)>& use,
    std::vector<Diagnostic>* diagnostics);

// Where a document longer than `max_bytes` is cut: after the last line break
// in the last quarter before the limit, else after the last space there, else
// at the limit moved back to a character boundary. `utf16` is 0 for byte
// encodings (UTF-8 assumed for the boundary), 1 for UTF-16LE, 2 for UTF-16BE
// (an even offset, never between the two halves of a surrogate pair).
// Returns bytes.size() when it fits.
size_t DocumentCutPoint(std::string_view bytes, uint64_t max_bytes, int utf16 = 0);

// Shortens `*bytes` to DocumentCutPoint and, when it cut, reports it as a
// warning naming `name`.
void CutDocument(std::string_view* bytes, uint64_t max_bytes, int utf16, const std::string& name,
                 std::vector<Diagnostic>* diagnostics);

// JSON Lines documents, each delivered to `sink` as soon as its line is read
// (or appended to `out`); bad lines are reported and skipped.
void ReadJsonlDocuments(std::string_view bytes, const std::string& name, const ReadOptions& options,
                        const DocumentSink& sink, std::vector<Diagnostic>* diagnostics);
void ReadJsonlDocuments(std::string_view bytes, const std::string& name, const ReadOptions& options,
                        std::vector<Document>* out, std::vector<Diagnostic>* diagnostics);

// Multi-News records, each delivered to `sink` as a cluster.
void ReadMultiNews(std::string_view bytes, const std::string& name, const ReadOptions& options,
                   const ClusterSink& sink, std::vector<Diagnostic>* diagnostics);

// Splits a Multi-News "document" field into its articles (raw, unnormalized).
std::vector<std::string_view> SplitMultiNewsArticles(std::string_view document);

// True when `bytes` looks binary (NUL bytes or many control bytes in the first 8 KiB,
// and not UTF-16).
bool LooksBinary(std::string_view bytes);

// Adds a warning / error diagnostic.
void AddDiagnostic(std::vector<Diagnostic>* diagnostics, Diagnostic::Severity severity,
                   Status status);

}  // namespace dossier

#endif  // DOSSIER_INGEST_READERS_H_
