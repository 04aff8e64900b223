#include "ingest/warc_http.h"

#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <memory>

#include "util/strings.h"

namespace dossier {
namespace {

constexpr size_t kStepBytes = size_t{64} << 10;

// Calls `field(name, value)` for each "Name: value" line of `head` after its
// first line, up to the blank line; values trimmed, folded lines ignored.
template <typename Field>
void ForEachHeaderField(std::string_view head, Field field) {
  size_t p = head.find('\n');
  while (p != std::string_view::npos && p + 1 < head.size()) {
    const size_t begin = p + 1;
    size_t end = head.find('\n', begin);
    if (end == std::string_view::npos) end = head.size();
    std::string_view line = head.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) return;
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos && line[0] != ' ' && line[0] != '\t') {
      field(TrimWhitespace(line.substr(0, colon)), TrimWhitespace(line.substr(colon + 1)));
    }
    p = end;
  }
}

bool ParseStatusLine(std::string_view head, int* status) {
  if (head.size() < 5 || !EqualsIgnoreAsciiCase(head.substr(0, 5), "HTTP/")) return false;
  size_t p = head.find_first_of(" \t\r\n");
  if (p == std::string_view::npos || head[p] == '\r' || head[p] == '\n') return false;
  while (p < head.size() && (head[p] == ' ' || head[p] == '\t')) ++p;
  if (p + 3 > head.size()) return false;
  int value = 0;
  for (size_t i = p; i < p + 3; ++i) {
    if (!IsAsciiDigit(head[i])) return false;
    value = value * 10 + (head[i] - '0');
  }
  if (p + 3 < head.size() && IsAsciiDigit(head[p + 3])) return false;
  if (value < 100) return false;
  *status = value;
  return true;
}

// Appends the chunks of `in` to *out. False when the framing is broken
// before the first chunk; a cut last chunk keeps what is there.
bool Dechunk(std::string_view in, std::string* out) {
  size_t p = 0;
  bool any = false;
  while (p < in.size()) {
    const size_t eol = in.find('\n', p);
    if (eol == std::string_view::npos) return any;
    std::string_view line = TrimWhitespace(in.substr(p, eol - p));
    line = TrimWhitespace(line.substr(0, line.find(';')));
    if (line.empty() || line.size() > 15) return any;
    uint64_t size = 0;
    for (char c : line) {
      const int digit = IsAsciiDigit(c) ? c - '0'
                        : (AsciiToLower(c) >= 'a' && AsciiToLower(c) <= 'f')
                            ? AsciiToLower(c) - 'a' + 10
                            : -1;
      if (digit < 0) return any;
      size = size * 16 + static_cast<uint64_t>(digit);
    }
    p = eol + 1;
    any = true;
    if (size == 0) return true;  // trailer fields, if any, are not needed
    const size_t take = static_cast<size_t>(std::min<uint64_t>(size, in.size() - p));
    out->append(in.substr(p, take));
    p += take;
    if (p < in.size() && in[p] == '\r') ++p;
    if (p < in.size() && in[p] == '\n') ++p;
  }
  return any;
}

// Inflates `in` (window_bits as for inflateInit2) into *out, at most
// max_bytes. kBad when nothing could be decoded; a stream cut short or
// damaged after some output keeps that output.
PayloadResult Inflate(std::string_view in, int window_bits, uint64_t max_bytes, std::string* out) {
  z_stream zs{};
  if (inflateInit2(&zs, window_bits) != Z_OK) return PayloadResult::kBad;
  std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, inflateEnd);
  out->clear();
  char buf[kStepBytes];
  while (true) {
    if (zs.avail_in == 0 && !in.empty()) {
      const size_t n = std::min<size_t>(in.size(), UINT_MAX / 2);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
      zs.avail_in = static_cast<uInt>(n);
      in.remove_prefix(n);
    }
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    const int rc = inflate(&zs, Z_NO_FLUSH);
    const size_t got = sizeof(buf) - zs.avail_out;
    if (out->size() + got > max_bytes) return PayloadResult::kInflated;
    out->append(buf, got);
    if (rc == Z_STREAM_END) return PayloadResult::kOk;
    const bool starved = rc == Z_BUF_ERROR && zs.avail_in == 0 && in.empty();
    if ((rc != Z_OK && rc != Z_BUF_ERROR) || starved || (rc == Z_BUF_ERROR && got == 0)) {
      return out->empty() ? PayloadResult::kBad : PayloadResult::kOk;
    }
  }
}

PayloadResult Unbrotli(std::string_view in, uint64_t max_bytes, std::string* out) {
  std::unique_ptr<BrotliDecoderState, void (*)(BrotliDecoderState*)> state(
      BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), BrotliDecoderDestroyInstance);
  if (state == nullptr) return PayloadResult::kBad;
  out->clear();
  size_t avail_in = in.size();
  const uint8_t* next_in = reinterpret_cast<const uint8_t*>(in.data());
  uint8_t buf[kStepBytes];
  while (true) {
    size_t avail_out = sizeof(buf);
    uint8_t* next_out = buf;
    const BrotliDecoderResult r = BrotliDecoderDecompressStream(state.get(), &avail_in, &next_in,
                                                                &avail_out, &next_out, nullptr);
    const size_t got = sizeof(buf) - avail_out;
    if (out->size() + got > max_bytes) return PayloadResult::kInflated;
    out->append(reinterpret_cast<const char*>(buf), got);
    if (r == BROTLI_DECODER_RESULT_SUCCESS) return PayloadResult::kOk;
    if (r != BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
      return out->empty() ? PayloadResult::kBad : PayloadResult::kOk;
    }
  }
}

}  // namespace

std::string ReasonWord(std::string_view word) {
  std::string out;
  for (char c : word.substr(0, 60)) {
    const char l = AsciiToLower(c);
    if ((l >= 'a' && l <= 'z') || IsAsciiDigit(l) ||
        std::string_view("!#$&^_.+-/").find(l) != std::string_view::npos) {
      out.push_back(l);
    }
  }
  return out.empty() ? "?" : out;
}

size_t HeaderBlockEnd(std::string_view data, size_t from) {
  for (size_t i = data.find('\n', from); i != std::string_view::npos; i = data.find('\n', i + 1)) {
    if (i + 1 < data.size() && data[i + 1] == '\n') return i + 2;
    if (i + 2 < data.size() && data[i + 1] == '\r' && data[i + 2] == '\n') return i + 3;
  }
  return std::string_view::npos;
}

bool ParseHttpHead(std::string_view block, HttpHead* head) {
  *head = HttpHead();
  const size_t end = HeaderBlockEnd(block);
  if (end == std::string_view::npos) return false;
  const std::string_view text = block.substr(0, end);
  if (!ParseStatusLine(text, &head->status)) return false;
  head->size = end;
  ForEachHeaderField(text, [head](std::string_view name, std::string_view value) {
    if (EqualsIgnoreAsciiCase(name, "Content-Type")) {
      if (head->content_type.empty()) head->content_type = std::string(value);
    } else if (EqualsIgnoreAsciiCase(name, "Transfer-Encoding")) {
      head->transfer_encoding = AsciiLower(value);
    } else if (EqualsIgnoreAsciiCase(name, "Content-Encoding")) {
      head->content_encoding = AsciiLower(value);
    }
  });
  return true;
}

PayloadResult DecodeHttpPayload(const HttpHead& head, std::string_view payload, uint64_t max_bytes,
                                std::string* out, std::string* why) {
  out->clear();
  std::string dechunked;
  if (head.transfer_encoding.find("chunked") != std::string::npos && Dechunk(payload, &dechunked)) {
    payload = dechunked;
  }
  // "gzip, identity" and the like: the first coding that does something.
  std::string_view coding = head.content_encoding;
  coding = TrimWhitespace(coding.substr(0, coding.find(',')));
  PayloadResult result = PayloadResult::kOk;
  if (coding.empty() || coding == "identity" || coding == "none") {
    if (payload.size() > max_bytes) return PayloadResult::kTooLarge;
    out->assign(payload);
    return PayloadResult::kOk;
  } else if (coding == "gzip" || coding == "x-gzip") {
    result = Inflate(payload, 15 + 32, max_bytes, out);
  } else if (coding == "deflate") {
    result = Inflate(payload, 15, max_bytes, out);
    if (result == PayloadResult::kBad) result = Inflate(payload, -15, max_bytes, out);
  } else if (coding == "br") {
    result = Unbrotli(payload, max_bytes, out);
  } else {
    *why = "response: unsupported Content-Encoding (" + ReasonWord(coding) + ")";
    return PayloadResult::kBad;
  }
  if (result == PayloadResult::kBad) {
    // Archivers that stored the decoded payload but kept the header.
    if (StartsLikeHtml(payload) && payload.size() <= max_bytes) {
      out->assign(payload);
      return PayloadResult::kOk;
    }
    *why = "response: undecodable Content-Encoding (" + ReasonWord(coding) + ")";
  }
  return result;
}

std::string MediaType(std::string_view content_type) {
  return AsciiLower(TrimWhitespace(content_type.substr(0, content_type.find(';'))));
}

bool IsHtmlMediaType(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

bool StartsLikeHtml(std::string_view body) {
  if (StartsWith(body, "\xEF\xBB\xBF")) body.remove_prefix(3);
  size_t p = 0;
  while (p < body.size() && IsAsciiSpace(body[p])) ++p;
  body.remove_prefix(p);
  auto starts = [body](std::string_view prefix) {
    return body.size() >= prefix.size() &&
           EqualsIgnoreAsciiCase(body.substr(0, prefix.size()), prefix);
  };
  return starts("<!doctype html") || starts("<html");
}

}  // namespace dossier
