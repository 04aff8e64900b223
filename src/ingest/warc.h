// ReadWarcFile / ReadWarcBuffer: the HTML pages of a web archive (WARC 1.0
// and 1.1, ISO 28500), plain, gzip per record (the usual .warc.gz) or one
// gzip stream for the whole file, read in one streaming pass.
//
//   WarcReport report;
//   std::vector<Diagnostic> diagnostics;
//   Status s = ReadWarcFile("crawl.warc.gz", {}, [&](WarcPage&& page) {
//     Result<Document> doc = ReadHtmlDocument(page.body, page.target_uri, &diagnostics);
//     ...
//   }, &report, &diagnostics);
//   // report.records, report.pages, report.skipped["response: HTTP 404"] ...
//
// Pages: `response` records whose block is an HTTP response (status 2xx) and
// `resource` records, when the payload is HTML: a Content-Type of text/html
// or application/xhtml+xml, or, with none, a payload starting (after white
// space and a byte order mark) with "<!doctype html" or "<html". The HTTP
// payload is de-chunked (Transfer-Encoding: chunked) and decoded
// (Content-Encoding gzip, x-gzip, deflate as zlib or raw, br). Every other
// record (warcinfo, request, metadata, revisit, conversion, continuation,
// non-HTML, non-2xx, undecodable) is skipped and counted in
// WarcReport::skipped by reason; those are not diagnostics.
//
// Bounds: memory is bounded by the largest record kept (its block, about
// 2 * max_record_bytes at most, plus the decoded payload), never by the
// file: blocks of skipped records are read past in chunks. A payload longer
// than max_record_bytes after decoding is skipped ("payload larger than N
// bytes"; "payload inflates past N bytes" when its Content-Encoding did it,
// a decompression bomb, also reported once as a warning) and reading goes
// on. Past max_input_bytes inflated from the file, reading stops and the
// call returns kResourceExhausted (pages before it were delivered).
//
// Damage: an archive cut inside a record or a gzip member, corrupt gzip
// data, or bytes that are not a record header where one should start stop
// the reading. Every whole record before the damage is delivered; the
// report says truncated, with stopped_at = the offset of the damaged record,
// and one error Diagnostic names the file and that offset ("a.warc.gz:
// truncated at byte 12345 (record 7 is cut); 6 records read before it").
// The call still returns Ok then. It returns an error when the input is not a
// WARC at all (kInvalidInput, kEmptyInput), cannot be read (kNotFound,
// kIoError), or exceeds max_input_bytes.
//
// Offsets: WarcPage::offset and WarcReport::stopped_at are byte offsets in
// the file: of the record in a plain WARC, of its gzip member in a .warc.gz.
// A record that starts inside a gzip member (a whole-file gzip stream) has
// no such offset: it gets its offset in the decompressed stream, and
// `decompressed_offset` is set.
//
// Thread-safety: no shared state; calls may run concurrently. The sink runs
// on the calling thread, one page at a time, in file order.
#ifndef DOSSIER_INGEST_WARC_H_
#define DOSSIER_INGEST_WARC_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/ingest.h"
#include "dossier/status.h"

namespace dossier {

struct WarcOptions {
  // Largest HTTP payload kept, after decoding; a larger one is skipped,
  // counted, and reading goes on.
  uint64_t max_record_bytes = kDefaultMaxDocumentBytes;
  // All bytes inflated from the file; past it reading stops with an error.
  uint64_t max_input_bytes = kDefaultMaxInputBytes;
  // When given and it turns true, reading stops before the next record.
  const std::atomic<bool>* stop = nullptr;
};

// A response (or resource) record whose payload is HTML.
struct WarcPage {
  std::string target_uri;    // WARC-Target-URI (the angle brackets of WARC 1.0 removed)
  std::string date;          // WARC-Date as written ("2015-12-18T10:00:00Z")
  std::string content_type;  // HTTP Content-Type ("text/html; charset=windows-1251"), may be empty
  int http_status = 0;       // 0 for resource records
  std::string body;          // the payload: de-chunked, Content-Encoding decoded
  uint64_t offset = 0;       // of the record (of its gzip member in a .warc.gz)
  bool decompressed_offset = false;  // offset counts decompressed bytes (see above)
};

struct WarcReport {
  uint64_t records = 0;  // whole records read (pages and skipped ones)
  uint64_t pages = 0;    // pages handed to the sink
  // Why -> how many: "warcinfo", "request", "metadata", "revisit",
  // "response: not HTML (image/jpeg)", "response: HTTP 404", "payload larger
  // than N bytes"... At most 64 reasons; the rest count as "other reasons".
  std::map<std::string, uint64_t> skipped;
  bool truncated = false;                // damage, a cut or max_input_bytes stopped reading
  uint64_t stopped_at = 0;               // offset of the record where it stopped
  bool stopped_at_decompressed = false;  // stopped_at counts decompressed bytes
};

using WarcPageSink = std::function<void(WarcPage&&)>;

// Reads the archive at `path` in 1 MiB chunks. `report` (reset first) and
// `diagnostics` (appended to) may be null.
Status ReadWarcFile(const std::string& path, const WarcOptions& options, const WarcPageSink& sink,
                    WarcReport* report, std::vector<Diagnostic>* diagnostics);

// The same for an archive in memory, named `name` in diagnostics.
Status ReadWarcBuffer(std::string_view bytes, const std::string& name, const WarcOptions& options,
                      const WarcPageSink& sink, WarcReport* report,
                      std::vector<Diagnostic>* diagnostics);

// True when `first_bytes` (the start of a file, a few KiB suffice) begins with
// "WARC/1.0" or "WARC/1.1", or is a gzip stream whose data begins so.
bool LooksLikeWarc(std::string_view first_bytes);

}  // namespace dossier

#endif  // DOSSIER_INGEST_WARC_H_
