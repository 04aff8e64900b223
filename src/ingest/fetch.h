// FetchAll: web addresses fetched over http and https with libcurl, several
// at once, with an optional cache on disk.
//
//   FetchOptions options;
//   options.cache_dir = cache;  // optional: later runs read pages from here
//   FetchAll({"https://example.com/story", "https://example.org/other"}, options,
//            [&](Fetched&& page) {
//              if (!page.status.ok()) { Report(page.status); return; }  // names the address
//              Use(page.final_url, page.charset, page.body);
//            });
//
// What is fetched: only http:// and https:// addresses, for the address given
// and for every redirect (followed here, at most max_redirects; a redirect to
// file:, ftp:, data:, javascript: or any other scheme is refused, naming its
// target). Bodies are decoded (gzip, deflate, br) and limited to max_bytes
// AFTER decoding: a larger body (a gzip bomb included) is abandoned as soon as
// it passes the limit, and a Content-Length already over the limit is refused
// before any of the body is read. A 2xx answer is a page; any other status
// (4xx, 5xx, a 3xx without Location) is a failure ("HTTP 404 Not Found"). TLS
// certificates are verified (curl's defaults).
//
// Results: `sink` is called exactly once per address, in input order, on the
// caller's thread; a result that finishes early waits for the ones before it
// (at most 4 * parallel addresses are in flight or waiting at once, so memory
// stays bounded by that many bodies). One failing address never stops the
// others. When `stop` turns true, transfers are abandoned; the results
// already complete in input order are delivered, the rest are not.
//
// Cache: with cache_dir set, a page fetched successfully is kept there
// (cache_dir/<SHA-256 of the address>.body and .meta, written atomically) and
// from then on served from disk with no network at all, whatever its age:
// delete the folder (or the entry) to fetch again. Failures are not cached.
// A damaged entry (metadata unreadable, body size or hash not as recorded) is
// ignored and the address fetched again.
//
// Thread-safety: FetchAll may run on several threads at once (each call has
// its own curl handles; curl_global_init runs once). Two calls sharing a
// cache folder are safe: files are replaced atomically.
#ifndef DOSSIER_INGEST_FETCH_H_
#define DOSSIER_INGEST_FETCH_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/ingest.h"
#include "dossier/status.h"

namespace dossier {

// True when `s` starts with http:// or https:// (any letter case).
bool IsWebAddress(std::string_view s);

struct FetchOptions {
  // Largest body, after decoding.
  uint64_t max_bytes = kDefaultMaxInputBytes;
  // Connecting; the whole fetch of one address, redirects included. Zero or
  // less: no limit of ours (curl's 300 s for connecting).
  double connect_timeout_seconds = 15, timeout_seconds = 60;
  // A transfer slower than low_speed_bytes per second for low_speed_seconds
  // is abandoned as too slow.
  long low_speed_bytes = 1024;
  long low_speed_seconds = 30;
  int max_redirects = 10;
  // Transfers at once.
  int parallel = 8;
  // Empty: no cache. Otherwise the folder (created when missing) of the cache
  // described above.
  std::string cache_dir;
  // Empty: DefaultUserAgent().
  std::string user_agent;
  const std::atomic<bool>* stop = nullptr;
};

struct Fetched {
  std::string url;            // as given
  std::string final_url;      // after redirects
  Status status;              // OK, or what went wrong; its input() is `url`
  long http_status = 0;       // of the last answer; 0 when none came
  std::string content_type;   // as sent ("text/html; charset=windows-1251")
  std::string charset;        // from Content-Type, lower-case, empty if none
  std::string last_modified;  // the Last-Modified header, if any
  std::string body;           // decoded
  bool from_cache = false;
  // OK, or why a page fetched successfully could not be stored in the cache.
  Status cache_warning;
};

// Fetches `urls` as described above; `sink` gets one Fetched per address, in
// input order.
void FetchAll(const std::vector<std::string>& urls, const FetchOptions& options,
              const std::function<void(Fetched&&)>& sink);

// "dossier/<Version()> (news briefing engine)".
std::string DefaultUserAgent();

// The charset parameter of a Content-Type value, unquoted and lower-case;
// empty when there is none.
std::string CharsetOfContentType(std::string_view content_type);

// The facts of one failed transfer, for DescribeFetchFailure.
struct FetchFailure {
  int curl_code = 0;            // a CURLcode (an int, so this header needs no curl.h)
  std::string host;             // of the address being fetched
  std::string redirect_target;  // the refused redirect, when one was
  int os_errno = 0;             // CURLINFO_OS_ERRNO
  bool connected = false;       // a connection was made before the failure
  double elapsed_seconds = 0;   // since the first request, redirects included
  bool too_large = false;       // the body passed max_bytes
  std::string detail;           // curl's error buffer, may be empty
};

// The one place where curl's results become words: the Status reported for
// the address `url` (its input()) that failed as `failure` says, under
// `options` (for the limits named in messages). Messages:
//   cannot resolve host H         connection refused        cannot connect: <errno text>
//   timed out connecting (no connection within 15 s)
//   timed out: no complete answer within 60 s
//   timed out: slower than 1024 bytes/s for 30 s
//   TLS error (...)               larger than 512 MiB
//   redirect to T refused: only http and https are fetched
//   redirect to T refused: not a valid web address
//   too many redirects (10)       ... and curl's own words for the rest.
Status DescribeFetchFailure(const std::string& url, const FetchFailure& failure,
                            const FetchOptions& options);

// The Status of an answer with a status other than 2xx:
// "HTTP 404 Not Found" (the reason phrase as sent, else the standard one).
Status DescribeHttpStatus(const std::string& url, long http_status, std::string_view reason);

// "512 MiB", "64 KiB", "1000 bytes".
std::string FormatByteSize(uint64_t bytes);

}  // namespace dossier

#endif  // DOSSIER_INGEST_FETCH_H_
