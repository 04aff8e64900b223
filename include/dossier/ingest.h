// Reading inputs into clusters of documents.
//
//   ReadOptions options;
//   std::vector<Diagnostic> diagnostics;
//   Status s = ReadInputs({"seeds/", "extra.jsonl"}, options,
//                         [](Cluster&& c) { Brief(c); }, &diagnostics);
//
// Formats (detected from the name and the content, or forced):
//   text        .txt or any text file; "-" is standard input
//   html        .html/.htm (also .gz): the article of the page
//   feed        RSS 0.9x/2.0, RDF, Atom 1.0, sitemaps (news: too): one document
//               per item, or with follow_links the pages the items link to
//   pdf         a PDF's text layer (citations name the page)
//   warc        a web archive (.warc, .warc.gz; WARC 1.0/1.1): one document per
//               HTML response record, read in one pass
//   urls        a text file of web addresses, one a line ('#' comments): each
//               fetched and read as the format it turns out to be
//   web addresses (http://, https://) are inputs too, fetched (FetchSettings)
//   jsonl       one document per line: {"id","source","title","date","url","text"}
//   multinews   one cluster per line: {"id","document","summary"}, articles
//               joined by "|||||" or "story_separator_special_tag",
//               "NEWLINE_CHAR" for line breaks; also {"id","documents":[...],
//               "references":[...]}
// Any file may be gzip-compressed. Directories are read recursively in
// byte-wise path order; hidden entries (".name") are skipped.
//
// Grouping: the text, HTML and JSONL documents of one call form one cluster
// (delivered last); each Multi-News record is a cluster of its own,
// delivered as soon as it is read. Problems with one input (unreadable,
// binary, empty, a bad JSON line) become Diagnostics naming the input and
// line; the rest of the batch is read. ReadInputs is thread-compatible
// (no shared state); the sink is called on the caller's thread.
#ifndef DOSSIER_INGEST_H_
#define DOSSIER_INGEST_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/article.h"
#include "dossier/document.h"
#include "dossier/status.h"

namespace dossier {

enum class InputFormat { kAuto, kText, kHtml, kJsonl, kMultiNews, kFeed, kPdf, kWarc, kUrls };

// Defaults of ReadOptions::max_input_bytes (512 MiB) and max_document_bytes
// (8 MiB, about 1,400 pages of text; no news article or transcript comes near it).
inline constexpr uint64_t kDefaultMaxInputBytes = uint64_t{512} << 20;
inline constexpr uint64_t kDefaultMaxDocumentBytes = uint64_t{8} << 20;

// Parses "auto", "text", "html", "jsonl", "multinews", "feed", "pdf", "warc",
// "urls".
Result<InputFormat> ParseInputFormat(std::string_view name);
const char* InputFormatName(InputFormat format);

// How web addresses are fetched: inputs that are addresses ("https://..."),
// the addresses a file lists one a line, and, with ReadOptions::follow_links,
// the pages a feed or sitemap links to. Only http and https, for addresses
// and redirects alike; bodies limited to max_input_bytes after decoding;
// each failure named and the rest read (src/ingest/fetch.h).
struct FetchSettings {
  std::string cache_dir;        // keep what was fetched here; a re-run reads it offline
  int parallel = 8;             // fetches at once
  double timeout_seconds = 60;  // per address, redirects included; 0: none
  std::string user_agent;       // empty: "dossier/VERSION (news briefing engine)"
};

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  FetchSettings fetch;
  // A feed's or sitemap's items: their linked pages fetched and extracted
  // (the item's title, date and author fill what the page lacks), instead
  // of the text the feed carries (none, for a sitemap).
  bool follow_links = false;
  // Largest input file, after decompression; a larger one is reported and
  // skipped.
  uint64_t max_input_bytes = kDefaultMaxInputBytes;
  // Longest document: a text file, an HTML page, the "text" of a JSONL record
  // or one Multi-News article. A longer one is cut (at a line break or a
  // space near the limit, never inside a character) and reported, so one
  // giant input cannot take the memory and time of the whole batch: analysis
  // needs about 30 bytes of memory per byte of text.
  uint64_t max_document_bytes = kDefaultMaxDocumentBytes;
  // Documents kept per cluster; the rest are reported and skipped.
  size_t max_documents_per_cluster = 10000;
  // Files read from one directory tree at most.
  size_t max_files = 1000000;
  // When given and it turns true (a signal handler's flag), reading stops
  // before the next file or JSON line; what was read is still delivered.
  const std::atomic<bool>* stop = nullptr;
  // A folder of word lists replacing the built-in ones (see data/; the
  // CLI's --data-dir); empty: built in. HTML pages are extracted with its
  // lists (dossier/article.h, ArticleExtractor).
  std::string data_dir;
  // The extractor of HTML pages, when the caller made one to reuse over
  // calls (ArticleExtractor::Create(data_dir)); when null, ReadInputs,
  // ReadDocuments and ReadBuffer make one from data_dir, once per call, and
  // fail (ReadBuffer: an error diagnostic) when its lists cannot be read.
  std::shared_ptr<const ArticleExtractor> extractor;
};

// One input: a file, a folder or "-" (standard input) named by `path`, or,
// when `bytes` is set, an input held in memory (a text, a page, JSONL lines),
// read exactly as a file named `path` holding those bytes would be. `url`,
// for an input in memory, is the address its bytes came from: a page's
// address when it names none, and what its outlet and date fall back on
// (dossier/article.h).
struct Input {
  std::string path;
  std::optional<std::string> bytes;
  std::string url;

  static Input File(std::string path) { return {std::move(path), std::nullopt, {}}; }
  static Input Memory(std::string name, std::string bytes, std::string url = {}) {
    return {std::move(name), std::move(bytes), std::move(url)};
  }
};

using ClusterSink = std::function<void(Cluster&&)>;
using DocumentSink = std::function<void(Document&&)>;

// Reads `paths` as described above. Returns an error only when no input
// could be read at all; per-input problems go to `diagnostics`.
Status ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options,
                  const ClusterSink& sink, std::vector<Diagnostic>* diagnostics);
Status ReadInputs(const std::vector<Input>& inputs, const ReadOptions& options,
                  const ClusterSink& sink, std::vector<Diagnostic>* diagnostics);

// Reads `paths` as one stream of single documents, for corpus mode: each
// document goes to `sink` in input order as soon as it is read (a JSONL file
// line by line). A Multi-News record is split into its articles, with ids
// "<record id>#<k>" (k counting from 1 over the record's articles, empty ones
// included), so a result can be joined back to its record. Diagnostics as
// for ReadInputs, a record's own diagnostics included; max_documents_per_cluster
// does not apply to the stream (it still bounds one Multi-News record).
Status ReadDocuments(const std::vector<std::string>& paths, const ReadOptions& options,
                     const DocumentSink& sink, std::vector<Diagnostic>* diagnostics);
Status ReadDocuments(const std::vector<Input>& inputs, const ReadOptions& options,
                     const DocumentSink& sink, std::vector<Diagnostic>* diagnostics);

// The files `paths` name, in the order ReadInputs and ReadDocuments read
// them: folders walked (byte-wise path order, hidden entries skipped, at
// most options.max_files), other paths as given. An empty folder is a
// diagnostic. Reading the files one by one, in this order, gives the same
// documents as reading `paths` (how python3 -m dossier.dask splits a stream).
std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths,
                                      const ReadOptions& options,
                                      std::vector<Diagnostic>* diagnostics);

// Reads one input held in memory (used by the file readers, tests and
// fuzzers). `name` names the input in documents and diagnostics; `url`
// is where the bytes came from, if known (as Input::url).
// Documents of text/html/jsonl inputs are appended to `loose`; Multi-News
// clusters go to `sink`.
void ReadBuffer(std::string_view bytes, const std::string& name, InputFormat format,
                const ReadOptions& options, std::vector<Document>* loose, const ClusterSink& sink,
                std::vector<Diagnostic>* diagnostics, std::string_view url = {});

// The format `bytes` (read from `name`) looks like.
InputFormat DetectFormat(std::string_view name, std::string_view bytes);

}  // namespace dossier

#endif  // DOSSIER_INGEST_H_
