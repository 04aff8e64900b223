#include "util/utf8.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

#include "util/strings.h"
#include "util/text_builder.h"

namespace dossier {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr std::string_view kNewlineChar = "NEWLINE_CHAR";

// Bytes copied as they are without a second look: printable ASCII and "\n",
// except the first bytes of the rewrites ("NEWLINE_CHAR", `` '' and " _ ").
constexpr auto kPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7F; ++c) plain[c] = true;
  plain['\n'] = true;
  plain['N'] = plain['`'] = plain['\''] = plain['_'] = false;
  return plain;
}();

// True for code points removed outright: BOM / zero-width no-break space,
// zero-width space, joiners, soft hyphen.
bool IsDropped(char32_t cp) {
  return cp == 0xFEFF || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x00AD ||
         cp == 0x2060;
}

// Second pass: NFC composition, segment by segment, so that the map stays exact
// for every character NFC leaves alone.
void ComposeNfc(std::string_view text, std::string* out, OffsetMap* map) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  TextBuilder b;
  size_t pos = 0;
  size_t seg_begin = 0;
  auto flush = [&](size_t seg_end) {
    if (seg_end <= seg_begin) return;
    std::string_view seg = text.substr(seg_begin, seg_end - seg_begin);
    UErrorCode e = U_ZERO_ERROR;
    if (nfc->isNormalizedUTF8(icu::StringPiece(seg.data(), static_cast<int32_t>(seg.size())), e) ||
        U_FAILURE(e)) {
      b.Copy(text, static_cast<uint32_t>(seg_begin), static_cast<uint32_t>(seg_end));
      return;
    }
    std::string composed;
    icu::StringByteSink<std::string> sink(&composed);
    e = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, icu::StringPiece(seg.data(), static_cast<int32_t>(seg.size())), sink,
                       nullptr, e);
    if (U_FAILURE(e) || composed.empty()) {
      b.Copy(text, static_cast<uint32_t>(seg_begin), static_cast<uint32_t>(seg_end));
    } else {
      b.Replace(composed, static_cast<uint32_t>(seg_begin), static_cast<uint32_t>(seg_end));
    }
  };
  while (pos < text.size()) {
    size_t start = pos;
    char32_t cp = DecodeUtf8(text, &pos);
    if (cp < 0x80 || nfc->hasBoundaryBefore(static_cast<UChar32>(cp))) {
      flush(start);
      seg_begin = start;
    }
  }
  flush(text.size());
  std::move(b).Finish(out, map);
}

bool AllAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t start = pos;
    char32_t cp = DecodeUtf8(s, &pos);
    if (cp == 0xFFFD && s.substr(start, 3) != kReplacement) return false;
  }
  return true;
}

NormalizeResult NormalizeText(std::string_view input, const NormalizeOptions& options) {
  NormalizeResult result;
  TextBuilder b;
  const uint32_t n = static_cast<uint32_t>(input.size());
  uint32_t run = 0;  // start of the pending copy run
  uint32_t i = 0;
  auto flush = [&](uint32_t upto) { b.Copy(input, run, upto); };
  while (i < n) {
    // Fast path: plain printable ASCII that no rule below touches.
    while (i < n && kPlain[static_cast<unsigned char>(input[i])]) ++i;
    if (i >= n) break;
    const auto c = static_cast<unsigned char>(input[i]);
    if (c >= 0x20 && c < 0x7F) {
      if (options.newline_char_markers && c == 'N' &&
          input.compare(i, kNewlineChar.size(), kNewlineChar) == 0) {
        // Swallow the spaces before and after the marker.
        uint32_t b0 = i;
        uint32_t back = i;
        while (back > run && input[back - 1] == ' ') --back;
        flush(back);
        uint32_t e = i + static_cast<uint32_t>(kNewlineChar.size());
        while (e < n && input[e] == ' ') ++e;
        b.Replace("\n", back, e);
        (void)b0;
        i = e;
        run = i;
        continue;
      }
      // Newswire " _ " dash.
      if (options.latex_quotes && c == '_' && i > 0 && input[i - 1] == ' ' && i + 1 < n &&
          input[i + 1] == ' ') {
        flush(i);
        b.Replace("\xE2\x80\x94", i, i + 1);
        ++i;
        run = i;
        continue;
      }
      if (options.latex_quotes && (c == '`' || c == '\'') && i + 1 < n &&
          input[i + 1] == input[i]) {
        flush(i);
        b.Replace(c == '`' ? "\xE2\x80\x9C" : "\xE2\x80\x9D", i, i + 2);
        i += 2;
        run = i;
        continue;
      }
      ++i;
      continue;
    }
    if (c == '\n') {
      ++i;
      continue;
    }
    if (c < 0x80) {  // control characters
      flush(i);
      if (c == '\r') {
        uint32_t e = (i + 1 < n && input[i + 1] == '\n') ? i + 2 : i + 1;
        b.Replace("\n", i, e);
        i = e;
      } else {
        if (c != '\t') ++result.control_chars;
        b.Replace(" ", i, i + 1);
        ++i;
      }
      run = i;
      continue;
    }
    size_t p = i;
    char32_t cp = DecodeUtf8(input, &p);
    const uint32_t e = static_cast<uint32_t>(p);
    if (cp == 0xFFFD && input.substr(i, 3) != kReplacement) {
      flush(i);
      if (result.invalid_bytes == 0) result.first_invalid_offset = i;
      ++result.invalid_bytes;
      b.Replace(kReplacement, i, e);
    } else if (IsDropped(cp)) {
      flush(i);
    } else if (cp == 0x2028 || cp == 0x2029) {
      flush(i);
      b.Replace("\n", i, e);
    } else if (cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || (cp >= 0x80 && cp < 0xA0)) {
      flush(i);
      b.Replace(" ", i, e);
    } else {
      i = e;
      continue;
    }
    i = e;
    run = i;
  }
  flush(n);
  std::string first;
  OffsetMap first_map;
  std::move(b).Finish(&first, &first_map);

  if (AllAscii(first)) {
    result.text = std::move(first);
    result.map = std::move(first_map);
    return result;
  }
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_SUCCESS(err) &&
      nfc->isNormalizedUTF8(icu::StringPiece(first.data(), static_cast<int32_t>(first.size())),
                            err) &&
      U_SUCCESS(err)) {
    result.text = std::move(first);
    result.map = std::move(first_map);
    return result;
  }
  OffsetMap nfc_map;
  ComposeNfc(first, &result.text, &nfc_map);
  result.map = OffsetMap::Compose(nfc_map, first_map);
  return result;
}

std::string Utf16ToUtf8(std::string_view s, bool big_endian, OffsetMap* map) {
  TextBuilder b;
  std::string buf;
  auto unit = [&](size_t k) -> char16_t {
    auto a = static_cast<unsigned char>(s[k]);
    auto c = static_cast<unsigned char>(s[k + 1]);
    return static_cast<char16_t>(big_endian ? (a << 8) | c : (c << 8) | a);
  };
  size_t k = 0;
  while (k + 1 < s.size()) {
    char16_t u = unit(k);
    char32_t cp = u;
    size_t used = 2;
    if (u >= 0xD800 && u <= 0xDBFF && k + 3 < s.size()) {
      char16_t v = unit(k + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        cp = 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (v - 0xDC00);
        used = 4;
      } else {
        cp = 0xFFFD;
      }
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      cp = 0xFFFD;
    }
    buf.clear();
    AppendUtf8(cp, &buf);
    b.Replace(buf, static_cast<uint32_t>(k), static_cast<uint32_t>(k + used));
    k += used;
  }
  std::string out;
  std::move(b).Finish(&out, map);
  return out;
}

std::string FoldForMatching(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      out.push_back(AsciiToLower(static_cast<char>(p[i++])));
      continue;
    }
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) {  // not UTF-8: kept as it is
      out.append(s.substr(start, i - start));
      continue;
    }
    if (c == 0x202F || c == 0x2009 || c == 0x00A0) {  // narrow, thin, no-break spaces
      out.push_back(' ');
      continue;
    }
    c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    char buf[4];
    int32_t k = 0;
    UBool error = false;
    U8_APPEND(buf, k, 4, c, error);
    if (!error) out.append(buf, k);
  }
  return out;
}

}  // namespace dossier
