// Text normalization with an offset map: every input, whatever its reader,
// goes through NormalizeText before analysis.
//
//   NormalizeResult n = NormalizeText(raw, {});
//   // n.text: valid UTF-8, NFC, "\n" line ends, no control characters
//   // n.map : n.text -> raw
//   if (n.invalid_bytes) report(...first_invalid_offset...);
//
// Stateless and thread-safe.
#ifndef DOSSIER_UTIL_UTF8_H_
#define DOSSIER_UTIL_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "dossier/span.h"

namespace dossier {

struct NormalizeOptions {
  // Multi-News: "NEWLINE_CHAR" (with the spaces around it) is a line break.
  bool newline_char_markers = false;
  // Newswire quirks: ``LaTeX-style'' quotes become curly quotes, a " _ "
  // dash becomes an em dash.
  bool latex_quotes = true;
};

struct NormalizeResult {
  std::string text;
  OffsetMap map;               // text -> input
  uint64_t invalid_bytes = 0;  // bytes that were not valid UTF-8 (now U+FFFD)
  uint64_t first_invalid_offset = 0;
  uint64_t control_chars = 0;  // control characters replaced by a space
};

// Repairs UTF-8 (each invalid byte -> U+FFFD), maps CR LF / CR / U+2028 /
// U+2029 to "\n", other control characters and U+00A0 to " ", drops a BOM
// and zero-width characters, and composes to NFC.
NormalizeResult NormalizeText(std::string_view input, const NormalizeOptions& options);

// True when `s` is valid UTF-8.
bool IsValidUtf8(std::string_view s);

// Converts UTF-16 (LE or BE, `s` without its BOM) to UTF-8 with an offset map
// back to `s`. Unpaired surrogates become U+FFFD.
std::string Utf16ToUtf8(std::string_view s, bool big_endian, OffsetMap* map);

// `s` lower-cased for matching words of a list (Unicode simple case
// folding, so "Обновлено" matches "обновлено"; the thin and narrow no-break
// spaces of French typography as spaces).
std::string FoldForMatching(std::string_view s);

}  // namespace dossier

#endif  // DOSSIER_UTIL_UTF8_H_
