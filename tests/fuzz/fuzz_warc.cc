// Fuzz target: archive bytes -> the WARC reader (src/ingest/warc.h) with
// small limits, and LooksLikeWarc on the same bytes. Checks the report
// against what reached the sink: pages within the limit and counted, a
// damaged archive reported once as an error, offsets inside a plain input.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_checks.h"
#include "ingest/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  WarcOptions options;
  options.max_record_bytes = 64 << 10;
  options.max_input_bytes = 4 << 20;
  const bool gzip = size >= 1 && data[0] == 0x1f;
  uint64_t pages = 0;
  uint64_t last_offset = 0;
  WarcReport report;
  std::vector<Diagnostic> diagnostics;
  const Status status = ReadWarcBuffer(
      bytes, "fuzz.warc", options,
      [&](WarcPage&& page) {
        ++pages;
        fuzz::Require(page.body.size() <= options.max_record_bytes);
        fuzz::Require(page.http_status == 0 || (page.http_status >= 200 && page.http_status < 300));
        if (!gzip) fuzz::Require(page.offset < size && !page.decompressed_offset);
        if (!page.decompressed_offset) {
          fuzz::Require(pages == 1 || page.offset > last_offset);
          last_offset = page.offset;
        }
      },
      &report, &diagnostics);
  fuzz::Require(report.pages == pages);
  fuzz::Require(report.pages <= report.records);
  uint64_t skipped = 0;
  for (const auto& [reason, count] : report.skipped) skipped += count;
  fuzz::Require(report.pages + skipped == report.records);
  fuzz::Require(report.skipped.size() <= 65);
  int errors = 0;
  for (const Diagnostic& d : diagnostics) errors += d.severity == Diagnostic::Severity::kError;
  if (status.ok()) fuzz::Require(errors == (report.truncated ? 1 : 0));
  if (report.truncated && !gzip && !report.stopped_at_decompressed) {
    fuzz::Require(report.stopped_at <= size);
  }
  if (LooksLikeWarc(bytes) && !gzip) fuzz::Require(status.code() != StatusCode::kEmptyInput);
  return 0;
}
