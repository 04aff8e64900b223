// The HTTP side of a WARC response record (src/ingest/warc.h): the status
// line and header fields of the response, and its payload de-chunked and
// decoded, each step bounded by a limit on what it produces.
//
//   HttpHead head;
//   if (ParseHttpHead(block, &head) && head.status == 200) {
//     std::string body, why;
//     PayloadResult r = DecodeHttpPayload(head, block.substr(head.size), limit, &body, &why);
//   }
//
// Lenient where archives are known to be: a payload whose chunked framing
// is broken is taken as it stands, a compressed payload cut short keeps what
// was decoded, a "gzip" payload that is plainly HTML already is taken as is.
// Pure functions, thread-safe.
#ifndef DOSSIER_INGEST_WARC_HTTP_H_
#define DOSSIER_INGEST_WARC_HTTP_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dossier {

struct HttpHead {
  int status = 0;                 // 100..999
  std::string content_type;       // as written, trimmed; empty when absent
  std::string transfer_encoding;  // lower case, trimmed
  std::string content_encoding;   // lower case, trimmed
  size_t size = 0;                // bytes of the head, blank line included
};

// Parses "HTTP/1.1 200 OK" and the header fields up to the blank line (CRLF
// or LF line ends). False when `block` does not start with such a head.
bool ParseHttpHead(std::string_view block, HttpHead* head);

enum class PayloadResult {
  kOk,
  kTooLarge,  // the payload as stored is longer than the limit
  kInflated,  // decoding it passed the limit (a decompression bomb, maybe)
  kBad,       // an unknown or undecodable Content-Encoding; `why` says which
};

// The payload de-chunked (Transfer-Encoding: chunked) and decoded
// (Content-Encoding gzip, x-gzip, deflate as zlib or raw, br, identity),
// at most `max_bytes` long, in *out. On kBad, *why is a skip reason
// ("response: unsupported Content-Encoding (zstd)").
PayloadResult DecodeHttpPayload(const HttpHead& head, std::string_view payload, uint64_t max_bytes,
                                std::string* out, std::string* why);

// The media type of a Content-Type value: lower case, parameters and white
// space removed ("text/html; charset=utf-8" -> "text/html").
std::string MediaType(std::string_view content_type);

// text/html or application/xhtml+xml.
bool IsHtmlMediaType(std::string_view media_type);

// Whether `body` starts, after white space and a UTF-8 byte order mark, with
// "<!doctype html" or "<html" (any case).
bool StartsLikeHtml(std::string_view body);

// `word` fit for a skip reason: lower case, token characters only, at most
// 60 of them; "?" when none is left.
std::string ReasonWord(std::string_view word);

// Where the header block starting at data[0] ends: the index just after its
// blank line (CRLF or LF line ends), searching from `from`; npos when
// `data` holds no blank line yet.
size_t HeaderBlockEnd(std::string_view data, size_t from = 0);

}  // namespace dossier

#endif  // DOSSIER_INGEST_WARC_HTTP_H_
