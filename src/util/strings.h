// Small string helpers shared by the stages. ASCII-only unless named
// otherwise; UTF-8 passes through untouched.
#ifndef DOSSIER_UTIL_STRINGS_H_
#define DOSSIER_UTIL_STRINGS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline char AsciiToLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c + 32) : c; }

std::string AsciiLower(std::string_view s);
std::string_view TrimWhitespace(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b);
// Number of runs of non-white-space characters (ASCII white space).
// Stops counting past `limit` (returns limit + 1): cheap on long text.
size_t CountWords(std::string_view s, size_t limit = SIZE_MAX);

// Languages written without spaces between words (ISO 639-1: zh, ja, th, lo, km, my): their
// words are counted as tokens, not as runs between spaces.
bool IsUnspacedLanguage(std::string_view code);
// The position of the first '"' or 0xE2 byte (the lead byte of the curly
// quotation marks and dashes) at or after `from`, or npos: where quotation
// marks may stand, found with one comparison per byte.
inline size_t FindQuoteByte(std::string_view s, size_t from) {
  for (size_t i = from; i < s.size(); ++i) {
    if (s[i] == '"' || s[i] == '\xE2') return i;
  }
  return std::string_view::npos;
}

// The runs of non-white-space characters of `s`, in order.
std::vector<std::string_view> SplitWhitespace(std::string_view s);
// Collapses runs of white space (ASCII and U+00A0) to one space and trims.
std::string CollapseWhitespace(std::string_view s);

// At most `limit` bytes of `s`, cut on a UTF-8 character boundary, with "…"
// appended when something was cut.
std::string TruncateUtf8(std::string_view s, size_t limit);

// Decodes the UTF-8 code point at s[*pos] and advances *pos. Invalid
// sequences yield U+FFFD and advance by one byte.
char32_t DecodeUtf8(std::string_view s, size_t* pos);
// Decodes the code point that ends just before s[pos]; sets *start to its
// first byte. Returns 0 at the start of s.
char32_t DecodeUtf8Before(std::string_view s, size_t pos, size_t* start);
void AppendUtf8(char32_t cp, std::string* out);

// True when `word` is one of the words of `list` (a small constant array).
// Asked of most words of every text: the length and first byte are compared
// before the bytes (no memcmp call for most entries).
inline bool IsOneOf(std::string_view word, std::span<const std::string_view> list) {
  if (word.empty()) return std::find(list.begin(), list.end(), word) != list.end();
  for (std::string_view x : list) {
    if (x.size() == word.size() && x[0] == word[0] && x == word) return true;
  }
  return false;
}
template <size_t N>
bool IsOneOf(std::string_view word, const std::string_view (&list)[N]) {
  return IsOneOf(word, std::span<const std::string_view>(list));
}
inline bool IsOneOf(std::string_view word, std::initializer_list<std::string_view> list) {
  return IsOneOf(word, std::span<const std::string_view>(list.begin(), list.size()));
}

// Appends `s` with & < > " ' escaped for HTML text and quoted attributes.
void AppendHtmlEscaped(std::string_view s, std::string* out);

}  // namespace dossier

#endif  // DOSSIER_UTIL_STRINGS_H_
