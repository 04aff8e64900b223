#include "ingest/warc.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "../temp_dir.h"
#include "ingest/warc_http.h"

namespace dossier {
namespace {

// ---- Archives written by the tests -----------------------------------------

struct RecordSpec {
  std::string version = "1.1";
  std::string type;
  std::string uri;
  std::string content_type;
  std::string block;
  std::string line_end = "\r\n";
};

std::string Record(const RecordSpec& r) {
  static int serial = 0;
  const std::string& nl = r.line_end;
  std::string out = "WARC/" + r.version + nl;
  out += "WARC-Type: " + r.type + nl;
  out += "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-" + std::to_string(100000 + ++serial) +
         ">" + nl;
  out += "WARC-Date: 2015-12-18T10:00:00Z" + nl;
  if (!r.uri.empty()) {
    out += "WARC-Target-URI: " + (r.version == "1.0" ? "<" + r.uri + ">" : r.uri) + nl;
  }
  if (!r.content_type.empty()) out += "Content-Type: " + r.content_type + nl;
  out += "Content-Length: " + std::to_string(r.block.size()) + nl + nl;
  return out + r.block + "\r\n\r\n";
}

// An HTTP response: status line, `fields` ("Name: value\r\n" each), body.
std::string Http(int status, const std::string& fields, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " Reason\r\n" + fields + "\r\n" + body;
}

std::string Response(const std::string& uri, const std::string& http,
                     const std::string& version = "1.1") {
  return Record({version, "response", uri, "application/http; msgtype=response", http});
}

std::string Html(const std::string& title) {
  return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><p>" + title +
         " text.</p></body></html>";
}

// zlib's deflate of `prefix`, `zeros` zero bytes and `suffix`, in the format
// window_bits says (15 + 16 gzip, 15 zlib, -15 raw).
std::string Compress(const std::string& prefix, uint64_t zeros = 0, const std::string& suffix = "",
                     int window_bits = 15 + 16) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out;
  const std::string zero_block(1 << 20, '\0');
  char buf[1 << 16];
  auto feed = [&](const char* data, size_t size, int flush) {
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
    zs.avail_in = static_cast<uInt>(size);
    do {
      zs.next_out = reinterpret_cast<Bytef*>(buf);
      zs.avail_out = sizeof(buf);
      deflate(&zs, flush);
      out.append(buf, sizeof(buf) - zs.avail_out);
    } while (zs.avail_out == 0 || (flush == Z_FINISH && zs.avail_in > 0));
  };
  feed(prefix.data(), prefix.size(), Z_NO_FLUSH);
  while (zeros > 0) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(zeros, zero_block.size()));
    feed(zero_block.data(), n, Z_NO_FLUSH);
    zeros -= n;
  }
  feed(suffix.data(), suffix.size(), Z_FINISH);
  deflateEnd(&zs);
  return out;
}

std::string Gzip(const std::string& bytes) { return Compress(bytes); }

// A brotli stream of `bytes` in stored (uncompressed) meta-blocks, written
// bit by bit after RFC 7932 (no encoder needed): WBITS = 16, then per piece
// ISLAST 0, MNIBBLES 4, MLEN - 1, ISUNCOMPRESSED 1, the bytes; then an empty
// last meta-block.
std::string BrotliStored(const std::string& bytes) {
  std::string out;
  uint32_t bits = 0, nbits = 0;
  auto put = [&](uint32_t value, uint32_t n) {
    bits |= value << nbits;
    nbits += n;
    while (nbits >= 8) {
      out.push_back(static_cast<char>(bits & 0xFF));
      bits >>= 8;
      nbits -= 8;
    }
  };
  auto align = [&] {
    if (nbits > 0) put(0, 8 - nbits);
  };
  put(0, 1);  // WBITS 16
  for (size_t p = 0; p < bytes.size(); p += 65536) {
    const std::string piece = bytes.substr(p, 65536);
    put(0, 1);
    put(0, 2);
    put(static_cast<uint32_t>(piece.size() - 1), 16);
    put(1, 1);
    align();
    out += piece;
  }
  put(1, 1);  // ISLAST
  put(1, 1);  // ISLASTEMPTY
  align();
  return out;
}

std::string Chunked(const std::string& body, size_t piece) {
  std::string out;
  for (size_t p = 0; p < body.size(); p += piece) {
    const std::string part = body.substr(p, piece);
    char size[32];
    std::snprintf(size, sizeof(size), "%zx", part.size());
    out += std::string(size) + (p == 0 ? ";ext=1" : "") + "\r\n" + part + "\r\n";
  }
  return out + "0\r\n\r\n";
}

// The eight kinds of record of the brief, WARC 1.1.
std::vector<std::string> MixedRecords() {
  return {
      Record({"1.1", "warcinfo", "", "application/warc-fields", "software: test\r\n"}),
      Record({"1.1", "request", "http://example.com/a", "application/http; msgtype=request",
              "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n"}),
      Response("http://example.com/a",
               Http(200, "Content-Type: text/html; charset=windows-1251\r\n", Html("Alpha"))),
      Response("http://example.com/logo.jpg",
               Http(200, "Content-Type: image/jpeg\r\n", std::string("\xFF\xD8\xFF\xE0", 4))),
      Response("http://example.com/gone", Http(404, "Content-Type: text/html\r\n", Html("Gone"))),
      Record({"1.1", "metadata", "http://example.com/a", "application/warc-fields",
              "via: http://example.com/\r\n"}),
      Record({"1.1", "revisit", "http://example.com/a", "message/http",
              "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"}),
      Record({"1.1", "resource", "file:///b.html", "text/html", Html("Beta")}),
  };
}

std::string Join(const std::vector<std::string>& records) {
  std::string out;
  for (const std::string& r : records) out += r;
  return out;
}

std::string GzipEach(const std::vector<std::string>& records) {
  std::string out;
  for (const std::string& r : records) out += Gzip(r);
  return out;
}

// Where each record (or member) starts, for records laid one after another.
std::vector<uint64_t> Starts(const std::vector<std::string>& pieces) {
  std::vector<uint64_t> starts;
  uint64_t at = 0;
  for (const std::string& p : pieces) {
    starts.push_back(at);
    at += p.size();
  }
  return starts;
}

struct Read {
  Status status;
  std::vector<WarcPage> pages;
  WarcReport report;
  std::vector<Diagnostic> diagnostics;
};

Read ReadBytes(const std::string& bytes, WarcOptions options = {}) {
  Read r;
  r.status = ReadWarcBuffer(
      bytes, "archive.warc.gz", options, [&](WarcPage&& page) { r.pages.push_back(page); },
      &r.report, &r.diagnostics);
  return r;
}

int Errors(const Read& r) {
  int n = 0;
  for (const Diagnostic& d : r.diagnostics) n += d.severity == Diagnostic::Severity::kError;
  return n;
}

// ---- Reading whole archives -------------------------------------------------

void ExpectMixed(const Read& r) {
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.report.records, 8u);
  EXPECT_EQ(r.report.pages, 2u);
  EXPECT_FALSE(r.report.truncated);
  EXPECT_TRUE(r.diagnostics.empty());
  const std::map<std::string, uint64_t> skipped = {
      {"warcinfo", 1},           {"request", 1},  {"response: not HTML (image/jpeg)", 1},
      {"response: HTTP 404", 1}, {"metadata", 1}, {"revisit", 1}};
  EXPECT_EQ(r.report.skipped, skipped);
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[0].target_uri, "http://example.com/a");
  EXPECT_EQ(r.pages[0].date, "2015-12-18T10:00:00Z");
  EXPECT_EQ(r.pages[0].content_type, "text/html; charset=windows-1251");
  EXPECT_EQ(r.pages[0].http_status, 200);
  EXPECT_EQ(r.pages[0].body, Html("Alpha"));
  EXPECT_EQ(r.pages[1].target_uri, "file:///b.html");
  EXPECT_EQ(r.pages[1].http_status, 0);
  EXPECT_EQ(r.pages[1].content_type, "text/html");
  EXPECT_EQ(r.pages[1].body, Html("Beta"));
}

TEST(WarcTest, PlainArchiveGivesTheHtmlPagesAndCountsTheRest) {
  const std::vector<std::string> records = MixedRecords();
  const Read r = ReadBytes(Join(records));
  ExpectMixed(r);
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[0].offset, Starts(records)[2]);
  EXPECT_EQ(r.pages[1].offset, Starts(records)[7]);
  EXPECT_FALSE(r.pages[0].decompressed_offset);
}

TEST(WarcTest, GzipPerRecordGivesTheSamePagesWithMemberOffsets) {
  const std::vector<std::string> records = MixedRecords();
  std::vector<std::string> members;
  for (const std::string& rec : records) members.push_back(Gzip(rec));
  const Read r = ReadBytes(Join(members));
  ExpectMixed(r);
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[0].offset, Starts(members)[2]);
  EXPECT_EQ(r.pages[1].offset, Starts(members)[7]);
  EXPECT_FALSE(r.pages[1].decompressed_offset);
}

TEST(WarcTest, WholeFileGzipGivesTheSamePagesWithDecompressedOffsets) {
  const std::vector<std::string> records = MixedRecords();
  const Read r = ReadBytes(Gzip(Join(records)));
  ExpectMixed(r);
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[0].offset, Starts(records)[2]);
  EXPECT_TRUE(r.pages[0].decompressed_offset);
}

TEST(WarcTest, Warc10TargetUriLosesItsAngleBrackets) {
  const Read r = ReadBytes(Response("http://example.com/old",
                                    Http(200, "Content-Type: text/html\r\n", Html("Old")), "1.0"));
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].target_uri, "http://example.com/old");
}

TEST(WarcTest, LfOnlyHeaderLinesAndCaseInsensitiveNamesAreRead) {
  std::string rec = Record({"1.0", "response", "http://example.com/lf", "application/http",
                            Http(200, "content-type: text/html\r\n", Html("Lf")), "\n"});
  // Field names in another case.
  rec.replace(rec.find("WARC-Type"), 9, "warc-type");
  rec.replace(rec.find("Content-Length"), 14, "CONTENT-LENGTH");
  const Read r = ReadBytes(rec + rec);
  EXPECT_EQ(r.report.records, 2u);
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[1].body, Html("Lf"));
}

TEST(WarcTest, PayloadsAreDechunkedAndDecoded) {
  const std::string body = Html("Encoded") + std::string(3000, 'x');
  const std::string html = "Content-Type: text/html\r\n";
  const std::vector<std::string> records = {
      Response("http://e/chunked",
               Http(200, html + "Transfer-Encoding: chunked\r\n", Chunked(body, 1000))),
      Response("http://e/gzip", Http(200, html + "Content-Encoding: gzip\r\n", Gzip(body))),
      Response("http://e/chunked-gzip",
               Http(200, html + "Transfer-Encoding: chunked\r\nContent-Encoding: x-gzip\r\n",
                    Chunked(Gzip(body), 100))),
      Response("http://e/deflate",
               Http(200, html + "Content-Encoding: deflate\r\n", Compress(body, 0, "", 15))),
      Response("http://e/raw-deflate",
               Http(200, html + "Content-Encoding: deflate\r\n", Compress(body, 0, "", -15))),
      Response("http://e/br", Http(200, html + "Content-Encoding: br\r\n", BrotliStored(body))),
  };
  const Read r = ReadBytes(GzipEach(records));
  ASSERT_TRUE(r.status.ok());
  EXPECT_TRUE(r.report.skipped.empty());
  ASSERT_EQ(r.pages.size(), records.size());
  for (const WarcPage& page : r.pages) EXPECT_EQ(page.body, body) << page.target_uri;
}

TEST(WarcTest, UnknownContentEncodingIsSkippedAndCounted) {
  const Read r = ReadBytes(
      Response("http://e/z",
               Http(200, "Content-Type: text/html\r\nContent-Encoding: zstd\r\n", "\x28\xb5")));
  EXPECT_EQ(r.report.records, 1u);
  EXPECT_EQ(r.report.pages, 0u);
  EXPECT_EQ(r.report.skipped.at("response: unsupported Content-Encoding (zstd)"), 1u);
}

TEST(WarcTest, HtmlWithoutContentTypeIsRecognisedByItsStart) {
  const Read r = ReadBytes(
      Response("http://e/sniffed", Http(200, "", "\xEF\xBB\xBF \n<!doctype HTML><p>x</p>")) +
      Response("http://e/text", Http(200, "", "just text")) +
      Record({"1.1", "resource", "file:///c.html", "", "<html><p>c</p></html>"}));
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[0].target_uri, "http://e/sniffed");
  EXPECT_EQ(r.pages[1].target_uri, "file:///c.html");
  EXPECT_EQ(r.report.skipped.at("response: not HTML (no Content-Type)"), 1u);
}

TEST(WarcTest, XhtmlIsHtmlEmptyPayloadsAndOtherStatusesAreCounted) {
  const Read r = ReadBytes(
      Response("http://e/x", Http(200, "Content-Type: application/xhtml+xml\r\n", Html("X"))) +
      Response("http://e/moved", Http(301, "Location: /y\r\n", "")) +
      Response("http://e/empty", Http(200, "Content-Type: text/html\r\n", "")) +
      Response("http://e/err", Http(500, "Content-Type: text/html\r\n", Html("E"))));
  EXPECT_EQ(r.report.pages, 1u);
  EXPECT_EQ(r.report.skipped.at("response: HTTP 301"), 1u);
  EXPECT_EQ(r.report.skipped.at("response: HTTP 500"), 1u);
  EXPECT_EQ(r.report.skipped.at("response: empty payload"), 1u);
}

// ---- Damage -------------------------------------------------------------------

TEST(WarcTest, PlainArchiveCutInsideARecordKeepsTheWholeRecordsBeforeIt) {
  const std::vector<std::string> records = MixedRecords();
  const std::string archive = Join(records);
  const std::vector<uint64_t> starts = Starts(records);
  for (size_t k = 0; k < records.size(); ++k) {
    for (uint64_t into :
         {uint64_t{1}, uint64_t{records[k].size() / 2}, uint64_t{records[k].size() - 1}}) {
      const uint64_t cut = starts[k] + into;
      const Read r = ReadBytes(archive.substr(0, cut));
      SCOPED_TRACE("record " + std::to_string(k) + " cut at " + std::to_string(cut));
      EXPECT_TRUE(r.status.ok()) << r.status.ToString();
      EXPECT_EQ(r.report.records, k);
      EXPECT_TRUE(r.report.truncated);
      EXPECT_EQ(r.report.stopped_at, starts[k]);
      EXPECT_EQ(r.pages.size(), k > 7 ? 2u : k > 2 ? 1u : 0u);
      ASSERT_EQ(Errors(r), 1);
      const std::string expected = "archive.warc.gz: truncated at byte " +
                                   std::to_string(starts[k]) + " (record " + std::to_string(k + 1) +
                                   " is cut); " + std::to_string(k) + " records read before it";
      EXPECT_EQ(r.diagnostics.back().status.ToString().substr(0, expected.size()), expected);
    }
  }
}

TEST(WarcTest, GzipPerRecordCutInsideAMemberKeepsTheWholeRecordsBeforeIt) {
  const std::vector<std::string> records = MixedRecords();
  std::vector<std::string> members;
  for (const std::string& rec : records) members.push_back(Gzip(rec));
  const std::string archive = Join(members);
  const std::vector<uint64_t> starts = Starts(members);
  for (size_t k = 0; k < members.size(); ++k) {
    for (uint64_t into : {uint64_t{1}, uint64_t{5}, uint64_t{members[k].size() / 2}}) {
      const uint64_t cut = starts[k] + into;
      const Read r = ReadBytes(archive.substr(0, cut));
      SCOPED_TRACE("member " + std::to_string(k) + " cut at " + std::to_string(cut));
      EXPECT_TRUE(r.status.ok());
      EXPECT_EQ(r.report.records, k);
      EXPECT_TRUE(r.report.truncated);
      EXPECT_EQ(r.report.stopped_at, starts[k]);
      EXPECT_FALSE(r.report.stopped_at_decompressed);
      EXPECT_EQ(Errors(r), 1);
    }
  }
}

TEST(WarcTest, GzipMemberCutInItsTrailerKeepsItsRecordAndNamesTheMember) {
  const std::vector<std::string> records = MixedRecords();
  std::vector<std::string> members;
  for (const std::string& rec : records) members.push_back(Gzip(rec));
  const std::vector<uint64_t> starts = Starts(members);
  const Read r = ReadBytes(Join(members).substr(0, starts[3] - 4));  // member 2 lacks 4 bytes
  EXPECT_EQ(r.report.records, 3u);
  EXPECT_EQ(r.pages.size(), 1u);
  EXPECT_TRUE(r.report.truncated);
  EXPECT_EQ(r.report.stopped_at, starts[2]);
  EXPECT_EQ(Errors(r), 1);
}

TEST(WarcTest, WholeFileGzipCutKeepsAPrefixOfTheRecords) {
  const std::vector<std::string> records = MixedRecords();
  const std::string archive = Gzip(Join(records));
  const std::vector<uint64_t> starts = Starts(records);
  for (size_t cut : {size_t{20}, archive.size() / 3, archive.size() / 2, archive.size() - 20}) {
    const Read r = ReadBytes(archive.substr(0, cut));
    SCOPED_TRACE("cut at " + std::to_string(cut));
    EXPECT_TRUE(r.status.ok());
    EXPECT_TRUE(r.report.truncated);
    EXPECT_LT(r.report.records, records.size());
    EXPECT_EQ(Errors(r), 1);
    if (r.report.stopped_at_decompressed) {
      EXPECT_EQ(r.report.stopped_at, starts[r.report.records]);
    } else {
      EXPECT_EQ(r.report.stopped_at, 0u);
    }
  }
}

TEST(WarcTest, GarbageBetweenRecordsStopsReadingThereWithAnError) {
  const std::vector<std::string> records = MixedRecords();
  const std::string garbage = "this is not a record\r\n";
  const std::string plain = records[0] + records[2] + garbage + records[7];
  const Read r = ReadBytes(plain);
  EXPECT_TRUE(r.status.ok());
  EXPECT_EQ(r.report.records, 2u);
  EXPECT_EQ(r.pages.size(), 1u);
  EXPECT_TRUE(r.report.truncated);
  EXPECT_EQ(r.report.stopped_at, records[0].size() + records[2].size());
  ASSERT_EQ(Errors(r), 1);
  EXPECT_NE(r.diagnostics[0].status.message().find("no WARC record header"), std::string::npos);

  const std::string gz = Gzip(records[0]) + Gzip(records[2]) + garbage + Gzip(records[7]);
  const Read g = ReadBytes(gz);
  EXPECT_EQ(g.report.records, 2u);
  EXPECT_TRUE(g.report.truncated);
  EXPECT_EQ(g.report.stopped_at, Gzip(records[0]).size() + Gzip(records[2]).size());
  EXPECT_EQ(Errors(g), 1);
}

TEST(WarcTest, WrongContentLengthIsDamageAtTheNextRecord) {
  std::string rec = Record({"1.1", "resource", "file:///a.html", "text/html", Html("A")});
  const std::string good = rec;
  rec.replace(rec.find("Content-Length: ") + 16, 2, "10");  // shorter than the block
  const Read r = ReadBytes(good + rec + good);
  EXPECT_EQ(r.report.records, 2u);  // the short one is read; its rest is not a record
  EXPECT_TRUE(r.report.truncated);
  EXPECT_EQ(Errors(r), 1);
}

TEST(WarcTest, InputThatIsNotAWarcIsRefused) {
  EXPECT_EQ(ReadBytes("<html><body>no</body></html>").status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(ReadBytes(Gzip("plain text\n")).status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(ReadBytes("").status.code(), StatusCode::kEmptyInput);
  EXPECT_FALSE(LooksLikeWarc("<html>"));
  EXPECT_FALSE(LooksLikeWarc(Gzip("<html>")));
  EXPECT_FALSE(LooksLikeWarc("WARC/2.0\r\n"));
  EXPECT_TRUE(LooksLikeWarc("WARC/1.0\r\nWARC-Type: warcinfo\r\n"));
  EXPECT_TRUE(LooksLikeWarc(Record({"1.1", "warcinfo", "", "", ""})));
  EXPECT_TRUE(LooksLikeWarc(Gzip(Join(MixedRecords())).substr(0, 2048)));
}

// ---- Limits ----------------------------------------------------------------------

TEST(WarcTest, OversizedPayloadIsSkippedAndLaterRecordsAreRead) {
  WarcOptions options;
  options.max_record_bytes = 1000;
  const std::string html = "Content-Type: text/html\r\n";
  const std::string big = Html("Big") + std::string(5000, 'b');
  const std::string huge = Html("Huge") + std::string(200000, 'h');  // past the raw limit
  const Read r =
      ReadBytes(GzipEach({Response("http://e/1", Http(200, html, Html("One"))),
                          Response("http://e/big", Http(200, html, big)),
                          Response("http://e/huge", Http(200, html, huge)),
                          Record({"1.1", "resource", "file:///big.html", "text/html", big}),
                          Response("http://e/2", Http(200, html, Html("Two")))}),
                options);
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.report.records, 5u);
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[1].body, Html("Two"));
  EXPECT_EQ(r.report.skipped.at("payload larger than 1000 bytes"), 3u);
  EXPECT_FALSE(r.report.truncated);
}

TEST(WarcTest, GzipBombPayloadIsReportedInBoundedTimeAndReadingGoesOn) {
  WarcOptions options;
  options.max_record_bytes = 1 << 20;
  const std::string bomb = Compress("", uint64_t{200} << 20);  // 200 MB of zeros
  ASSERT_LT(bomb.size(), size_t{1} << 20);
  const std::string html = "Content-Type: text/html\r\n";
  const std::string archive =
      GzipEach({Response("http://e/bomb", Http(200, html + "Content-Encoding: gzip\r\n", bomb)),
                Response("http://e/after", Http(200, html, Html("After")))});
  const auto start = std::chrono::steady_clock::now();
  const Read r = ReadBytes(archive, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.report.records, 2u);
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].target_uri, "http://e/after");
  EXPECT_EQ(r.report.skipped.at("payload inflates past 1048576 bytes"), 1u);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].severity, Diagnostic::Severity::kWarning);
}

TEST(WarcTest, ArchiveInflatingPastMaxInputBytesStopsWithAnError) {
  WarcOptions options;
  options.max_input_bytes = 16 << 20;
  const std::string first =
      Response("http://e/1", Http(200, "Content-Type: text/html\r\n", Html("One")));
  const uint64_t zeros = uint64_t{200} << 20;
  const std::string head =
      "WARC/1.1\r\nWARC-Type: metadata\r\nContent-Length: " + std::to_string(zeros) + "\r\n\r\n";
  const std::string archive = Gzip(first) + Compress(head, zeros, "\r\n\r\n");
  ASSERT_LT(archive.size(), size_t{1} << 20);
  const auto start = std::chrono::steady_clock::now();
  const Read r = ReadBytes(archive, options);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
  EXPECT_EQ(r.status.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.report.records, 1u);
  EXPECT_TRUE(r.report.truncated);
  EXPECT_EQ(r.report.stopped_at, Gzip(first).size());
}

TEST(WarcTest, StopFlagStopsBeforeTheNextRecord) {
  std::atomic<bool> stop{false};
  WarcOptions options;
  options.stop = &stop;
  int seen = 0;
  WarcReport report;
  const Status s = ReadWarcBuffer(
      Join(MixedRecords()), "a.warc", options,
      [&](WarcPage&&) {
        ++seen;
        stop = true;
      },
      &report, nullptr);
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(report.records, 3u);
}

// ---- Files -------------------------------------------------------------------------

class WarcFileTest : public TempDirTest {};

TEST_F(WarcFileTest, ReadWarcFileEqualsReadWarcBufferAcrossChunks) {
  std::vector<std::string> records = MixedRecords();
  // Enough to span several 1 MiB reads, with a page larger than one read.
  for (int i = 0; i < 300; ++i) {
    records.push_back(
        Response("http://e/" + std::to_string(i),
                 Http(200, "Content-Type: text/html\r\n",
                      Html("P" + std::to_string(i)) + std::string(8000, 'a' + i % 26))));
  }
  records.push_back(Record({"1.1", "resource", "file:///large.html", "text/html",
                            Html("Large") + std::string(3 << 20, 'L')}));
  for (const std::string& archive : {Join(records), GzipEach(records), Gzip(Join(records))}) {
    const std::string path = Write("a.warc.gz", archive);
    Read f;
    f.status = ReadWarcFile(
        path, {}, [&](WarcPage&& page) { f.pages.push_back(page); }, &f.report, &f.diagnostics);
    const Read b = ReadBytes(archive);
    ASSERT_TRUE(f.status.ok()) << f.status.ToString();
    EXPECT_EQ(f.report.records, records.size());
    EXPECT_EQ(f.report.pages, 303u);
    EXPECT_EQ(f.report.skipped, b.report.skipped);
    ASSERT_EQ(f.pages.size(), b.pages.size());
    for (size_t i = 0; i < f.pages.size(); ++i) {
      EXPECT_EQ(f.pages[i].body, b.pages[i].body);
      EXPECT_EQ(f.pages[i].offset, b.pages[i].offset);
      EXPECT_EQ(f.pages[i].target_uri, b.pages[i].target_uri);
    }
  }
  EXPECT_EQ(ReadWarcFile((dir_ / "missing.warc").string(), {}, nullptr, nullptr, nullptr).code(),
            StatusCode::kNotFound);
}

// ---- The HTTP side -----------------------------------------------------------------

TEST(WarcHttpTest, HeadFieldsAndStatusAreParsed) {
  HttpHead head;
  ASSERT_TRUE(ParseHttpHead(
      "HTTP/1.0 203 Non-Authoritative\nContent-Type: text/html\nCONTENT-ENCODING: GZip\n\nbody",
      &head));
  EXPECT_EQ(head.status, 203);
  EXPECT_EQ(head.content_type, "text/html");
  EXPECT_EQ(head.content_encoding, "gzip");
  EXPECT_EQ(head.size, std::string("HTTP/1.0 203 Non-Authoritative\nContent-Type: text/html\n"
                                   "CONTENT-ENCODING: GZip\n\n")
                           .size());
  EXPECT_FALSE(ParseHttpHead("HTTP/1.1 20 OK\r\n\r\n", &head));
  EXPECT_FALSE(ParseHttpHead("GET / HTTP/1.1\r\n\r\n", &head));
  EXPECT_FALSE(ParseHttpHead("HTTP/1.1 200 OK\r\nno blank line", &head));
}

TEST(WarcHttpTest, BrokenChunkingIsTakenAsItStands) {
  HttpHead head;
  head.transfer_encoding = "chunked";
  std::string out, why;
  EXPECT_EQ(DecodeHttpPayload(head, "<html>not chunked</html>", 1000, &out, &why),
            PayloadResult::kOk);
  EXPECT_EQ(out, "<html>not chunked</html>");
  EXPECT_EQ(DecodeHttpPayload(head, "5\r\nhello\r\n6\r\n world", 1000, &out, &why),
            PayloadResult::kOk);
  EXPECT_EQ(out, "hello world");  // the final chunk is cut: what is there is kept
}

TEST(WarcHttpTest, GzipPayloadCutShortKeepsWhatDecodes) {
  HttpHead head;
  head.content_encoding = "gzip";
  const std::string body = Html("Cut") + std::string(100000, 'c');
  const std::string gz = Gzip(body);
  std::string out, why;
  EXPECT_EQ(DecodeHttpPayload(head, gz.substr(0, gz.size() / 2), 1 << 20, &out, &why),
            PayloadResult::kOk);
  EXPECT_FALSE(out.empty());
  EXPECT_EQ(body.compare(0, out.size(), out), 0);
  EXPECT_EQ(DecodeHttpPayload(head, gz, 1000, &out, &why), PayloadResult::kInflated);
}

// Writes the fuzz seeds (tests/fuzz/corpus/fuzz_warc/); run by hand with
// --gtest_also_run_disabled_tests --gtest_filter=*WriteFuzzSeeds.
TEST(WarcTest, DISABLED_WriteFuzzSeeds) {
  const std::filesystem::path dir =
      std::filesystem::path(DOSSIER_SOURCE_DIR) / "tests/fuzz/corpus/fuzz_warc";
  std::filesystem::create_directories(dir);
  const std::vector<std::string> records = MixedRecords();
  const std::string html = "Content-Type: text/html\r\n";
  const std::string encoded = Join(
      {Response("http://e/c",
                Http(200, html + "Transfer-Encoding: chunked\r\n", Chunked(Html("Chunked"), 7))),
       Response("http://e/g", Http(200, html + "Content-Encoding: gzip\r\n", Gzip(Html("Gz")))),
       Response("http://e/b",
                Http(200, html + "Content-Encoding: br\r\n", BrotliStored(Html("Br")))),
       Response("http://e/old", Http(200, "", Html("Old")), "1.0")});
  const std::vector<std::pair<std::string, std::string>> seeds = {
      {"mixed.warc", Join(records)},
      {"mixed_per_record.warc.gz", GzipEach(records)},
      {"mixed_whole.warc.gz", Gzip(Join(records))},
      {"encoded.warc", encoded},
      {"cut.warc.gz", GzipEach(records).substr(0, 700)},
  };
  for (const auto& [name, bytes] : seeds) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
  }
}

}  // namespace
}  // namespace dossier
