// Character sets: which encoding a document's bytes are in, and their
// conversion to UTF-8 with an offset map back to the bytes.
//
//   CharsetDecision cs = DecideCharset(bytes, ContentKind::kHtml);
//   if (!cs.convert) {
//     Use(bytes);                                // UTF-8: read as it is, no copy
//   } else {
//     Result<Utf8Conversion> c = ConvertToUtf8(bytes, cs.encoding, cs.bom);
//     Use(c->text);                              // c->map: c->text -> bytes
//   }
//
// Encodings are named by their WHATWG Encoding Standard names ("UTF-8",
// "windows-1252", "Shift_JIS"...); labels found in pages are mapped to them
// as browsers do ("iso-8859-1" and "us-ascii" mean windows-1252). ICU does
// the decoding (ucnv) and the statistical detection (ucsdet).
//
// Offsets are byte offsets. Stateless and thread-safe: every call opens its
// own ICU converter / detector.
#ifndef DOSSIER_INGEST_CHARSET_H_
#define DOSSIER_INGEST_CHARSET_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "dossier/span.h"
#include "dossier/status.h"

namespace dossier {

enum class ContentKind { kText, kHtml };

// How a document's bytes are to be read.
struct CharsetDecision {
  std::string encoding = "UTF-8";  // WHATWG name
  // How it was chosen, for a diagnostic: "declared windows-1252", "not valid
  // UTF-8: detected ISO-8859-2 (confidence 60)"... Empty for plain UTF-8.
  std::string why;
  uint32_t bom = 0;      // bytes of byte-order mark that start the input
  bool convert = false;  // false: the bytes are UTF-8 (perhaps with a few invalid
                         // bytes, left to NormalizeText's repair) and are used as they are
  bool report = false;   // `why` is worth a diagnostic even though nothing is converted
                         // (a declaration that the bytes contradict)
  bool IsUtf16() const { return encoding == "UTF-16LE" || encoding == "UTF-16BE"; }
};

// Decides the encoding of `bytes`, in this order:
//  1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//  2. UTF-16 without a mark (one byte of each pair mostly zero);
//  3. HTML only: the declaration, from the HTML prescan of the first 1024 bytes
//     (<meta charset> or <meta http-equiv=Content-Type content="...; charset=">),
//     else an XML declaration's encoding; a declared UTF-16 means UTF-8. A
//     declared 7-bit encoding (ISO-2022-JP/KR/CN, HZ) is used as it stands;
//  4. bytes that are valid UTF-8 are read as UTF-8, whatever an ASCII-compatible
//     legacy declaration says (such pages are UTF-8 in practice); this is the
//     fast path, one pass over the bytes and no copy;
//  5. a declared legacy encoding is used, unless the bytes are mostly UTF-8 (at
//     least as many valid multi-byte sequences as invalid bytes): then UTF-8 with
//     its few bad bytes repaired;
//  6. declared UTF-8 or nothing declared (HTML: nor in the first 64 KiB): mostly
//     UTF-8 stays UTF-8 (repaired), else ICU's detector, over 16 KiB of text
//     around the first non-UTF-8 byte (markup left out) and restricted to the
//     8-bit and CJK encodings of the web, names the encoding (ISO-8859-1 read as
//     windows-1252, ISO-8859-8 as windows-1255; windows-1252 kept when a Central
//     European or Turkish charset beats it by under 10 points); windows-1252
//     when it cannot tell.
// `transport`, when given and a known label (an HTTP Content-Type's charset),
// takes the place of the document's own declaration in step 3.
CharsetDecision DecideCharset(std::string_view bytes, ContentKind kind,
                              std::string_view transport = {});

struct Utf8Conversion {
  std::string text;  // valid UTF-8
  // text -> the input bytes. Each character maps to the bytes it was decoded
  // from (a copy run for ASCII bytes that stand for themselves).
  OffsetMap map;
  uint64_t invalid_sequences = 0;  // byte sequences not valid in the encoding (now U+FFFD)
  uint64_t first_invalid_offset = 0;
};

// Converts `bytes`, after the first `skip` bytes (a byte-order mark), from
// `encoding` (a WHATWG name or label) to UTF-8. Fails only when the encoding is
// unknown or ICU lacks a converter for it.
Result<Utf8Conversion> ConvertToUtf8(std::string_view bytes, std::string_view encoding,
                                     uint32_t skip = 0);

// The WHATWG name of an encoding label ("latin1" -> "windows-1252"), ignoring
// case and surrounding whitespace; empty when the label is unknown.
std::string_view EncodingForLabel(std::string_view label);

// True when ICU can decode `encoding` (a WHATWG name).
bool IsSupportedEncoding(std::string_view encoding);

// The HTML prescan (WHATWG HTML "prescan a byte stream to determine its
// encoding") over the first `limit` bytes of an ASCII-compatible page: the WHATWG
// name of the encoding its first usable <meta> declares (UTF-16 and
// x-user-defined read as UTF-8 and windows-1252), or empty.
std::string_view PrescanHtmlCharset(std::string_view bytes, size_t limit = 1024);

// The encoding named by an XML declaration (<?xml ... encoding="..."?>) at the
// start of `bytes`, or empty.
std::string_view XmlDeclaredEncoding(std::string_view bytes);

}  // namespace dossier

#endif  // DOSSIER_INGEST_CHARSET_H_
