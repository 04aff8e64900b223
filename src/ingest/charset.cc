// Encoding decision (BOM, HTML prescan, UTF-8 validity, ICU detection) and
// conversion to UTF-8 with an exact offset map.
#include "ingest/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#include "util/strings.h"
#include "util/text_builder.h"
#include "util/utf8.h"

namespace dossier {
namespace {

// ---- Labels and encodings ---------------------------------------------------

// The WHATWG Encoding Standard's labels (encodings.json), space-separated per
// encoding. Deviation: the labels of the "replacement" encoding name real
// ISO-2022-KR / ISO-2022-CN / HZ decoders (we extract text; no security
// concern), and UTF-16 labels are kept (the prescan maps them to UTF-8).
struct LabelGroup {
  std::string_view name;
  std::string_view labels;
};
constexpr LabelGroup kLabels[] = {
    {"UTF-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"},
    {"IBM866", "866 cp866 csibm866 ibm866"},
    {"ISO-8859-2",
     "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2"},
    {"ISO-8859-3",
     "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3"},
    {"ISO-8859-4",
     "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4"},
    {"ISO-8859-5",
     "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 "
     "iso_8859-5:1988"},
    {"ISO-8859-6",
     "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
     "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987"},
    {"ISO-8859-7",
     "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
     "iso_8859-7 iso_8859-7:1987 sun_eu_greek"},
    {"ISO-8859-8",
     "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
     "iso_8859-8 iso_8859-8:1988 visual"},
    {"ISO-8859-8-I", "csiso88598i iso-8859-8-i logical"},
    {"ISO-8859-10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"},
    {"ISO-8859-13", "iso-8859-13 iso8859-13 iso885913"},
    {"ISO-8859-14", "iso-8859-14 iso8859-14 iso885914"},
    {"ISO-8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"},
    {"ISO-8859-16", "iso-8859-16"},
    {"KOI8-R", "cskoi8r koi koi8 koi8-r koi8_r"},
    {"KOI8-U", "koi8-ru koi8-u"},
    {"macintosh", "csmacintosh mac macintosh x-mac-roman"},
    {"windows-874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"},
    {"windows-1250", "cp1250 windows-1250 x-cp1250"},
    {"windows-1251", "cp1251 windows-1251 x-cp1251"},
    {"windows-1252",
     "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 "
     "iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252"},
    {"windows-1253", "cp1253 windows-1253 x-cp1253"},
    {"windows-1254",
     "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 "
     "latin5 windows-1254 x-cp1254"},
    {"windows-1255", "cp1255 windows-1255 x-cp1255"},
    {"windows-1256", "cp1256 windows-1256 x-cp1256"},
    {"windows-1257", "cp1257 windows-1257 x-cp1257"},
    {"windows-1258", "cp1258 windows-1258 x-cp1258"},
    {"x-mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian"},
    {"GBK", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk"},
    {"gb18030", "gb18030"},
    {"Big5", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"},
    {"EUC-JP", "cseucpkdfmtjapanese euc-jp x-euc-jp"},
    {"ISO-2022-JP", "csiso2022jp iso-2022-jp"},
    {"Shift_JIS", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"},
    {"EUC-KR",
     "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 "
     "ksc_5601 windows-949"},
    {"ISO-2022-KR", "csiso2022kr iso-2022-kr"},
    {"ISO-2022-CN", "iso-2022-cn iso-2022-cn-ext"},
    {"HZ-GB-2312", "hz-gb-2312"},
    {"UTF-16BE", "unicodefffe utf-16be"},
    {"UTF-16LE", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"},
    {"x-user-defined", "x-user-defined"},
};

// The ICU converter behind each WHATWG encoding, chosen for the WHATWG mapping
// (GBK decodes as gb18030, EUC-KR as windows-949, Shift_JIS as windows-31j).
// Not ASCII-compatible: the 7-bit ISO-2022 and HZ encodings, which a page
// must be converted from even when its bytes are valid UTF-8.
struct EncodingInfo {
  std::string_view name;
  const char* icu;
  bool ascii_compatible;
};
constexpr EncodingInfo kEncodings[] = {
    {"IBM866", "ibm-866", true},
    {"ISO-8859-2", "ISO-8859-2", true},
    {"ISO-8859-3", "ISO-8859-3", true},
    {"ISO-8859-4", "ISO-8859-4", true},
    {"ISO-8859-5", "ISO-8859-5", true},
    {"ISO-8859-6", "ISO-8859-6", true},
    {"ISO-8859-7", "ISO-8859-7", true},
    {"ISO-8859-8", "ISO-8859-8", true},
    {"ISO-8859-8-I", "ISO-8859-8", true},
    {"ISO-8859-10", "ISO-8859-10", true},
    {"ISO-8859-13", "ISO-8859-13", true},
    {"ISO-8859-14", "ISO-8859-14", true},
    {"ISO-8859-15", "ISO-8859-15", true},
    {"ISO-8859-16", "ISO-8859-16", true},
    {"KOI8-R", "KOI8-R", true},
    {"KOI8-U", "KOI8-U", true},
    {"macintosh", "macintosh", true},
    {"windows-874", "windows-874", true},
    {"windows-1250", "windows-1250", true},
    {"windows-1251", "windows-1251", true},
    {"windows-1252", "windows-1252", true},
    {"windows-1253", "windows-1253", true},
    {"windows-1254", "windows-1254", true},
    {"windows-1255", "windows-1255", true},
    {"windows-1256", "windows-1256", true},
    {"windows-1257", "windows-1257", true},
    {"windows-1258", "windows-1258", true},
    {"x-mac-cyrillic", "x-mac-cyrillic", true},
    {"GBK", "gb18030", true},
    {"gb18030", "gb18030", true},
    {"Big5", "Big5-HKSCS", true},
    {"EUC-JP", "EUC-JP", true},
    {"ISO-2022-JP", "ISO-2022-JP", false},
    {"Shift_JIS", "windows-31j", true},
    {"EUC-KR", "windows-949", true},
    {"ISO-2022-KR", "ISO-2022-KR", false},
    {"ISO-2022-CN", "ISO-2022-CN", false},
    {"HZ-GB-2312", "HZ", false},
};

const EncodingInfo* FindEncoding(std::string_view name) {
  for (const EncodingInfo& e : kEncodings) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

// ASCII whitespace as HTML defines it (no vertical tab).
bool IsHtmlSpace(unsigned char c) {
  return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

unsigned char Lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

// Case-insensitive comparison of s[pos..] with a lower-case ASCII `word`.
bool StartsWithLower(std::string_view s, size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(static_cast<unsigned char>(s[pos + i])) != static_cast<unsigned char>(word[i])) {
      return false;
    }
  }
  return true;
}

// ---- UTF-8 --------------------------------------------------------------------

struct Utf8Scan {
  bool valid = true;
  uint64_t multibyte = 0;  // valid sequences of 2 to 4 bytes
  uint64_t invalid = 0;    // bytes that start no valid sequence (as NormalizeText counts them)
  uint64_t first_invalid = 0;
};

// Length of the valid UTF-8 sequence at p[0] (a byte >= 0x80), or 0 (Unicode
// Table 3-7: no overlong forms, surrogates or code points past U+10FFFF).
size_t Utf8SequenceLength(const unsigned char* p, size_t n) {
  const unsigned char b0 = p[0];
  auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return k < n && p[k] >= lo && p[k] <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// One pass: ASCII 16 bytes at a time, each other sequence checked.
Utf8Scan ScanUtf8(std::string_view s) {
  Utf8Scan r;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  while (i < n) {
    while (i + 16 <= n) {
      uint64_t a, b;
      std::memcpy(&a, p + i, 8);
      std::memcpy(&b, p + i + 8, 8);
      if ((a | b) & kHigh) break;
      i += 16;
    }
    while (i < n && p[i] < 0x80) ++i;
    if (i >= n) break;
    if (size_t len = Utf8SequenceLength(p + i, n - i); len > 0) {
      ++r.multibyte;
      i += len;
    } else {
      if (r.valid) r.first_invalid = i;
      r.valid = false;
      ++r.invalid;
      ++i;
    }
  }
  return r;
}

bool MostlyUtf8(const Utf8Scan& scan) {
  return scan.valid || (scan.multibyte > 0 && scan.multibyte >= scan.invalid);
}

// ---- UTF-16 -------------------------------------------------------------------

// UTF-16 without a byte-order mark: one byte of each pair mostly zero.
std::string_view GuessUtf16(std::string_view bytes) {
  size_t n = std::min<size_t>(bytes.size(), 4096) & ~size_t{1};
  if (n < 8) return {};
  size_t zero_even = 0, zero_odd = 0;
  for (size_t i = 0; i < n; i += 2) {
    zero_even += bytes[i] == 0;
    zero_odd += bytes[i + 1] == 0;
  }
  const size_t pairs = n / 2;
  if (zero_odd * 10 >= pairs * 4 && zero_even * 20 < pairs) return "UTF-16LE";
  if (zero_even * 10 >= pairs * 4 && zero_odd * 20 < pairs) return "UTF-16BE";
  return {};
}

// ---- The HTML prescan -------------------------------------------------------

struct Attribute {
  std::string name;
  std::string value;
};

// WHATWG HTML "get an attribute". False at the end of the attributes (a '>'
// or the end of the bytes).
bool GetAttribute(std::string_view s, size_t* pos, Attribute* attr) {
  size_t i = *pos;
  const size_t n = s.size();
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto done = [&](bool found) {
    *pos = i;
    return found;
  };
  while (i < n && (IsHtmlSpace(at(i)) || at(i) == '/')) ++i;
  if (i >= n || at(i) == '>') return done(false);
  attr->name.clear();
  attr->value.clear();
  // The name, up to '=', a space, '/' or '>'.
  bool equals = false;
  for (;; ++i) {
    if (i >= n) return done(false);
    const unsigned char c = at(i);
    if (c == '=' && !attr->name.empty()) {
      ++i;
      equals = true;
      break;
    }
    if (IsHtmlSpace(c)) break;
    if (c == '/' || c == '>') return done(true);
    attr->name.push_back(static_cast<char>(Lower(c)));
  }
  if (!equals) {  // spaces, then perhaps '='
    while (i < n && IsHtmlSpace(at(i))) ++i;
    if (i >= n) return done(false);
    if (at(i) != '=') return done(true);
    ++i;
  }
  // The value: quoted, or up to a space or '>'.
  while (i < n && IsHtmlSpace(at(i))) ++i;
  if (i >= n) return done(false);
  if (at(i) == '"' || at(i) == '\'') {
    const unsigned char quote = at(i);
    for (++i; i < n; ++i) {
      if (at(i) == quote) {
        ++i;
        return done(true);
      }
      attr->value.push_back(static_cast<char>(Lower(at(i))));
    }
    return done(false);
  }
  for (; i < n; ++i) {
    if (IsHtmlSpace(at(i)) || at(i) == '>') return done(true);
    attr->value.push_back(static_cast<char>(Lower(at(i))));
  }
  return done(false);
}

// WHATWG HTML "extract a character encoding from a meta element" (the label).
std::optional<std::string_view> CharsetFromContent(std::string_view content) {
  size_t pos = 0;
  while (true) {
    size_t found = content.find("charset", pos);  // `content` is lower case
    if (found == std::string_view::npos) return std::nullopt;
    size_t i = found + 7;
    while (i < content.size() && IsHtmlSpace(static_cast<unsigned char>(content[i]))) ++i;
    if (i >= content.size() || content[i] != '=') {
      pos = i;
      continue;
    }
    ++i;
    while (i < content.size() && IsHtmlSpace(static_cast<unsigned char>(content[i]))) ++i;
    if (i >= content.size()) return std::nullopt;
    if (content[i] == '"' || content[i] == '\'') {
      size_t close = content.find(content[i], i + 1);
      if (close == std::string_view::npos) return std::nullopt;
      return content.substr(i + 1, close - i - 1);
    }
    size_t end = i;
    while (end < content.size() && !IsHtmlSpace(static_cast<unsigned char>(content[end])) &&
           content[end] != ';') {
      ++end;
    }
    return content.substr(i, end - i);
  }
}

// The encoding one <meta> declares (its attributes start at *pos), or empty.
std::string_view MetaCharset(std::string_view s, size_t* pos) {
  std::vector<std::string> seen;
  bool got_pragma = false;
  std::optional<bool> need_pragma;
  std::string_view charset;
  Attribute attr;
  while (GetAttribute(s, pos, &attr)) {
    if (std::find(seen.begin(), seen.end(), attr.name) != seen.end()) continue;
    seen.push_back(attr.name);
    if (attr.name == "http-equiv") {
      if (attr.value == "content-type") got_pragma = true;
    } else if (attr.name == "content") {
      if (charset.empty()) {
        if (std::optional<std::string_view> label = CharsetFromContent(attr.value)) {
          charset = EncodingForLabel(*label);
          need_pragma = true;
        }
      }
    } else if (attr.name == "charset") {
      charset = EncodingForLabel(attr.value);
      need_pragma = false;
    }
  }
  if (!need_pragma.has_value() || (*need_pragma && !got_pragma) || charset.empty()) return {};
  if (charset == "UTF-16LE" || charset == "UTF-16BE") return "UTF-8";
  if (charset == "x-user-defined") return "windows-1252";
  return charset;
}

// ---- Detection ------------------------------------------------------------------

// The encodings ICU's detector may name that a web page or text file plausibly
// is in (not UTF-32, EBCDIC or 7-bit ISO-2022, which the bytes rule out).
bool PlausibleDetection(std::string_view icu_name) {
  static constexpr std::string_view kPlausible[] = {
      "ISO-8859-1",   "ISO-8859-2",   "ISO-8859-5",   "ISO-8859-6",   "ISO-8859-7",
      "ISO-8859-8",   "ISO-8859-8-I", "ISO-8859-9",   "windows-1250", "windows-1251",
      "windows-1252", "windows-1253", "windows-1254", "windows-1255", "windows-1256",
      "KOI8-R",       "Shift_JIS",    "GB18030",      "EUC-JP",       "EUC-KR",
      "Big5"};
  return IsOneOf(icu_name, kPlausible);
}

// Page text for the detector: markup, scripts, styles and comments left out,
// so that tag names do not outweigh the words.
std::string StripMarkup(std::string_view s, size_t max_out) {
  std::string out;
  size_t i = 0;
  while (i < s.size() && out.size() < max_out) {
    if (s[i] != '<') {
      size_t lt = s.find('<', i);
      if (lt == std::string_view::npos) lt = s.size();
      out.append(s.data() + i, std::min(lt - i, max_out - out.size()));
      i = lt;
      continue;
    }
    size_t end = std::string_view::npos;
    if (s.compare(i, 4, "<!--") == 0) {
      end = s.find("-->", i + 4);
      if (end != std::string_view::npos) end += 2;
    } else if (StartsWithLower(s, i, "<script") || StartsWithLower(s, i, "<style")) {
      std::string_view close = StartsWithLower(s, i, "<script") ? "</script" : "</style";
      size_t j = i + 1;
      while (j < s.size() && !StartsWithLower(s, j, close)) j = s.find('<', j + 1);
      end = j < s.size() ? s.find('>', j) : std::string_view::npos;
    } else {
      end = s.find('>', i);
    }
    if (end == std::string_view::npos) break;
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
    i = end + 1;
  }
  return out;
}

struct Detection {
  std::string_view encoding;  // WHATWG name
  std::string icu_name;       // as the detector named it
  int32_t confidence = 0;
  std::string runner_up;  // "windows-1250 13" when windows-1252 was preferred to it
};

bool IsLatinCousin(std::string_view encoding) {
  return encoding == "windows-1250" || encoding == "ISO-8859-2" || encoding == "windows-1254";
}

// ICU's statistical detector over a sample around the first byte that is not
// UTF-8. Empty when it names nothing plausible with some confidence.
std::optional<Detection> Detect(std::string_view bytes, ContentKind kind, uint64_t anchor) {
  constexpr size_t kSample = 16 * 1024;  // ucsdet takes ~3 ms over 16 KiB
  constexpr int32_t kMinConfidence = 10;
  // The Central European and Turkish charsets share windows-1252's punctuation
  // and most of its letters, and win by a few points on pages with little
  // text or in languages ICU has no model for: windows-1252, the web's most
  // common legacy encoding, is kept unless they win clearly.
  constexpr int32_t kLatinMargin = 10;
  const size_t begin = anchor > 4096 ? anchor - 4096 : 0;
  std::string sample;
  std::string_view text;
  if (kind == ContentKind::kHtml) {
    sample = StripMarkup(bytes.substr(begin, 4 * kSample), kSample);
    text = sample;
  } else {
    text = bytes.substr(begin, kSample);
  }
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&err),
                                                                      &ucsdet_close);
  if (U_FAILURE(err)) return std::nullopt;
  ucsdet_setText(detector.get(), text.data(), static_cast<int32_t>(text.size()), &err);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &err);
  if (U_FAILURE(err)) return std::nullopt;
  std::vector<Detection> candidates;  // in decreasing confidence
  for (int32_t k = 0; k < found; ++k) {
    UErrorCode e = U_ZERO_ERROR;
    const char* name = ucsdet_getName(matches[k], &e);
    const int32_t confidence = ucsdet_getConfidence(matches[k], &e);
    if (U_FAILURE(e) || name == nullptr || !PlausibleDetection(name)) continue;
    std::string_view encoding = EncodingForLabel(name);
    // Hebrew: windows-1255 decodes the letters as ISO-8859-8 does, and its
    // punctuation and points too (as windows-1252 does for ISO-8859-1).
    if (encoding == "ISO-8859-8" || encoding == "ISO-8859-8-I") encoding = "windows-1255";
    if (encoding.empty() || !IsSupportedEncoding(encoding)) continue;
    candidates.push_back({encoding, name, confidence, {}});
  }
  if (candidates.empty() || candidates[0].confidence < kMinConfidence) return std::nullopt;
  if (IsLatinCousin(candidates[0].encoding)) {
    for (const Detection& d : candidates) {
      if (d.encoding == "windows-1252" && d.confidence + kLatinMargin > candidates[0].confidence) {
        Detection preferred = d;
        preferred.runner_up =
            candidates[0].icu_name + " " + std::to_string(candidates[0].confidence);
        return preferred;
      }
    }
  }
  return candidates[0];
}

// "detected ISO-8859-2 (confidence 60)", or the windows-1252 default.
void DetectOrDefault(std::string_view bytes, ContentKind kind, uint64_t anchor,
                     CharsetDecision* out) {
  out->convert = true;
  if (std::optional<Detection> d = Detect(bytes, kind, anchor)) {
    out->encoding = std::string(d->encoding);
    out->why += "detected " + d->icu_name + " (confidence " + std::to_string(d->confidence);
    if (!d->runner_up.empty()) out->why += "; " + d->runner_up;
    out->why += ")";
    if (!EqualsIgnoreAsciiCase(d->icu_name, d->encoding)) out->why += ", read as " + out->encoding;
  } else {
    out->encoding = "windows-1252";
    out->why += "no encoding detected, windows-1252 by default";
  }
}

// ---- Conversion -------------------------------------------------------------------

struct ConversionContext {
  uint64_t invalid = 0;
};

// Every byte sequence that is invalid or unmapped in the encoding becomes one
// U+FFFD (ICU's default substitutes U+001A for some single-byte charsets).
void SubstituteAndCount(const void* context, UConverterToUnicodeArgs* args, const char*, int32_t,
                        UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;
  ++static_cast<ConversionContext*>(const_cast<void*>(context))->invalid;
  *err = U_ZERO_ERROR;
  static constexpr UChar kReplacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

// Builds the UTF-8 text and its map from ICU's UTF-16 output, a character at a
// time: an ASCII character that is its own byte maps to it (in copy runs);
// any other maps to the bytes from its source offset to the next character's
// (an ISO-2022 escape sequence that follows stays out of it).
class Utf8MapBuilder {
 public:
  explicit Utf8MapBuilder(std::string_view bytes) : bytes_(bytes) {}

  // One UTF-16 unit and the byte offset it was decoded from (-1: the same
  // character as the previous unit).
  void Add(UChar u, int64_t offset) {
    if (high_ == 0 && u < 0x80 && offset >= 0 && offset > begin_ &&
        static_cast<unsigned char>(bytes_[static_cast<size_t>(offset)]) == u) {
      const auto o = static_cast<uint32_t>(offset);
      FlushCharacter(o);
      if (o != copy_end_) {
        FlushCopy();
        copy_begin_ = o;
      }
      copy_end_ = o + 1;
      return;
    }
    if (high_ != 0) {
      if (u >= 0xDC00 && u <= 0xDFFF) {
        AppendUtf8(0x10000 + ((static_cast<char32_t>(high_) - 0xD800) << 10) + (u - 0xDC00),
                   &pending_);
        high_ = 0;
        return;
      }
      AppendUtf8(0xFFFD, &pending_);
      high_ = 0;
    }
    if (offset < 0 && begin_ < 0) offset = copy_end_;  // continues no character: keep it
    if (offset >= 0 && (begin_ < 0 || offset > begin_)) {
      FlushCharacter(static_cast<uint64_t>(offset));
      FlushCopy();
      begin_ = offset;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
      high_ = u;
    } else {
      AppendUtf8(u >= 0xDC00 && u <= 0xDFFF ? 0xFFFD : u, &pending_);
    }
  }

  void Finish(Utf8Conversion* out) && {
    if (high_ != 0) AppendUtf8(0xFFFD, &pending_);
    FlushCharacter(bytes_.size());
    FlushCopy();
    std::move(builder_).Finish(&out->text, &out->map);
  }

 private:
  void FlushCopy() {
    builder_.Copy(bytes_, copy_begin_, copy_end_);
    copy_begin_ = copy_end_;
  }

  // The pending non-ASCII character, which ends at `end` at the latest.
  void FlushCharacter(uint64_t end) {
    if (begin_ < 0) return;
    const auto b = static_cast<uint32_t>(begin_);
    auto e = static_cast<uint32_t>(std::min<uint64_t>(std::max<uint64_t>(end, b), bytes_.size()));
    if (e > b + 1) {
      const void* esc = std::memchr(bytes_.data() + b + 1, 0x1B, e - b - 1);
      if (esc != nullptr) e = static_cast<uint32_t>(static_cast<const char*>(esc) - bytes_.data());
    }
    if (!pending_.empty()) builder_.Replace(pending_, b, e);
    pending_.clear();
    begin_ = -1;
    copy_begin_ = copy_end_ = e;
  }

  std::string_view bytes_;
  TextBuilder builder_;
  uint32_t copy_begin_ = 0;  // pending run of ASCII bytes copied as they are
  uint32_t copy_end_ = 0;
  std::string pending_;  // UTF-8 of the character that starts at begin_
  int64_t begin_ = -1;
  UChar high_ = 0;
};

Result<Utf8Conversion> ConvertWithIcu(std::string_view bytes, const char* icu_name, uint32_t skip) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(icu_name, &err), &ucnv_close);
  if (U_FAILURE(err) || cnv == nullptr) {
    return Status(StatusCode::kInvalidArgument,
                  std::string("no ICU converter for ") + icu_name + ": " + u_errorName(err));
  }
  ConversionContext context;
  err = U_ZERO_ERROR;
  ucnv_setToUCallBack(cnv.get(), &SubstituteAndCount, &context, nullptr, nullptr, &err);
  Utf8MapBuilder builder(bytes);
  constexpr int32_t kChunk = 16 * 1024;
  std::vector<UChar> units(kChunk);
  std::vector<int32_t> offsets(kChunk);
  std::optional<uint64_t> first_invalid;
  const char* source = bytes.data() + std::min<size_t>(skip, bytes.size());
  const char* const limit = bytes.data() + bytes.size();
  while (true) {
    const char* const start = source;
    UChar* target = units.data();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, units.data() + kChunk, &source, limit, offsets.data(),
                   /*flush=*/true, &err);
    if (U_FAILURE(err) && err != U_BUFFER_OVERFLOW_ERROR) {
      return Status(StatusCode::kInternal, std::string("conversion failed: ") + u_errorName(err));
    }
    const int64_t base = start - bytes.data();
    const auto produced = static_cast<size_t>(target - units.data());
    for (size_t k = 0; k < produced; ++k) {
      const int64_t offset = offsets[k] < 0 ? -1 : base + offsets[k];
      if (units[k] == 0xFFFD && context.invalid > 0 && !first_invalid && offset >= 0) {
        first_invalid = static_cast<uint64_t>(offset);
      }
      builder.Add(units[k], offset);
    }
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
  }
  Utf8Conversion out;
  std::move(builder).Finish(&out);
  out.invalid_sequences = context.invalid;
  out.first_invalid_offset = first_invalid.value_or(0);
  return out;
}

}  // namespace

std::string_view EncodingForLabel(std::string_view label) {
  while (!label.empty() && IsHtmlSpace(static_cast<unsigned char>(label.front()))) {
    label.remove_prefix(1);
  }
  while (!label.empty() && IsHtmlSpace(static_cast<unsigned char>(label.back()))) {
    label.remove_suffix(1);
  }
  if (label.empty() || label.size() > 32) return {};
  char lower[32];
  for (size_t i = 0; i < label.size(); ++i) {
    lower[i] = static_cast<char>(Lower(static_cast<unsigned char>(label[i])));
  }
  const std::string_view key(lower, label.size());
  for (const LabelGroup& g : kLabels) {
    size_t pos = 0;
    while (pos < g.labels.size()) {
      size_t end = g.labels.find(' ', pos);
      if (end == std::string_view::npos) end = g.labels.size();
      if (g.labels.substr(pos, end - pos) == key) return g.name;
      pos = end + 1;
    }
  }
  return {};
}

bool IsSupportedEncoding(std::string_view encoding) {
  if (encoding == "UTF-8" || encoding == "UTF-16LE" || encoding == "UTF-16BE") return true;
  const EncodingInfo* info = FindEncoding(encoding);
  if (info == nullptr) return false;
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(info->icu, &err);
  if (cnv != nullptr) ucnv_close(cnv);
  return U_SUCCESS(err) && cnv != nullptr;
}

std::string_view PrescanHtmlCharset(std::string_view bytes, size_t limit) {
  const std::string_view s = bytes.substr(0, limit);
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '<') {
      size_t lt = s.find('<', i);
      if (lt == std::string_view::npos) break;
      i = lt;
      continue;
    }
    if (s.compare(i, 4, "<!--") == 0) {
      // The '>' of the first "-->", whose dashes may be those of "<!--".
      size_t end = s.find("-->", i + 2);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (StartsWithLower(s, i, "<meta") && i + 5 < s.size() &&
        (IsHtmlSpace(static_cast<unsigned char>(s[i + 5])) || s[i + 5] == '/')) {
      size_t pos = i + 6;
      std::string_view charset = MetaCharset(s, &pos);
      if (!charset.empty()) return charset;
      i = pos + 1;
      continue;
    }
    const size_t name = i + (i + 1 < s.size() && s[i + 1] == '/' ? 2 : 1);
    if (name < s.size() && IsAsciiAlpha(s[name])) {
      size_t pos = name;
      while (pos < s.size() && !IsHtmlSpace(static_cast<unsigned char>(s[pos])) && s[pos] != '>') {
        ++pos;
      }
      Attribute attr;
      while (GetAttribute(s, &pos, &attr)) {
      }
      i = pos + 1;
      continue;
    }
    if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
      size_t gt = s.find('>', i + 2);
      if (gt == std::string_view::npos) break;
      i = gt + 1;
      continue;
    }
    ++i;
  }
  return {};
}

std::string_view XmlDeclaredEncoding(std::string_view bytes) {
  if (bytes.substr(0, 5) != "<?xml") return {};
  const std::string_view decl = bytes.substr(0, std::min<size_t>(bytes.find("?>"), 1024));
  size_t i = decl.find("encoding");
  if (i == std::string_view::npos) return {};
  i += 8;
  while (i < decl.size() && IsHtmlSpace(static_cast<unsigned char>(decl[i]))) ++i;
  if (i >= decl.size() || decl[i] != '=') return {};
  ++i;
  while (i < decl.size() && IsHtmlSpace(static_cast<unsigned char>(decl[i]))) ++i;
  if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\'')) return {};
  const size_t close = decl.find(decl[i], i + 1);
  if (close == std::string_view::npos) return {};
  std::string_view encoding = EncodingForLabel(decl.substr(i + 1, close - i - 1));
  if (encoding == "UTF-16LE" || encoding == "UTF-16BE") return "UTF-8";
  if (encoding == "x-user-defined") return "windows-1252";
  return encoding;
}

CharsetDecision DecideCharset(std::string_view bytes, ContentKind kind,
                              std::string_view transport) {
  CharsetDecision out;
  // 1. A byte-order mark.
  const auto byte = [&](size_t k) {
    return k < bytes.size() ? static_cast<unsigned char>(bytes[k]) : 0u;
  };
  if (byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) {
    out.why = "UTF-8 byte-order mark";  // kept: NormalizeText drops the mark
    return out;
  }
  if ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF)) {
    out.encoding = byte(0) == 0xFF ? "UTF-16LE" : "UTF-16BE";
    out.why = out.encoding + " byte-order mark";
    out.bom = 2;
    out.convert = true;
    return out;
  }
  // 2. UTF-16 without one.
  if (std::string_view utf16 = GuessUtf16(bytes); !utf16.empty()) {
    out.encoding = std::string(utf16);
    out.why = "no byte-order mark, detected " + out.encoding + " (every other byte zero)";
    out.convert = true;
    return out;
  }
  // 3. The declaration.
  std::string_view declared;
  if (!transport.empty() && FindEncoding(transport) != nullptr) {
    declared = transport;
  } else if (kind == ContentKind::kHtml) {
    declared = PrescanHtmlCharset(bytes);
    if (declared.empty()) declared = XmlDeclaredEncoding(bytes);
  }
  const EncodingInfo* info = declared.empty() ? nullptr : FindEncoding(declared);
  if (info != nullptr && !info->ascii_compatible) {
    out.encoding = std::string(declared);
    out.why = "declared " + out.encoding;
    out.convert = true;
    return out;
  }
  // 4. Valid UTF-8: the fast path.
  const Utf8Scan scan = ScanUtf8(bytes);
  if (scan.valid) {
    if (scan.multibyte > 0 && info != nullptr) {
      out.why = "declared " + std::string(declared) + " but valid UTF-8";
      out.report = true;
    }
    return out;
  }
  // 5. A declared legacy encoding.
  if (info != nullptr) {
    if (MostlyUtf8(scan)) {
      out.why = "declared " + std::string(declared) + " but mostly UTF-8";
      out.report = true;
      return out;
    }
    if (IsSupportedEncoding(declared)) {
      out.encoding = std::string(declared);
      out.why = "declared " + out.encoding;
      out.convert = true;
      return out;
    }
  }
  // 6. Declared UTF-8 or nothing usable: detect.
  if (kind == ContentKind::kHtml && declared.empty()) {
    declared = PrescanHtmlCharset(bytes, 64 * 1024);  // a declaration past 1024 bytes
    info = declared.empty() ? nullptr : FindEncoding(declared);
    if (info != nullptr && !MostlyUtf8(scan) && IsSupportedEncoding(declared)) {
      out.encoding = std::string(declared);
      out.why = "declared " + out.encoding + " (after the first 1024 bytes)";
      out.convert = true;
      return out;
    }
  }
  if (MostlyUtf8(scan)) return out;  // UTF-8 with a few bad bytes: NormalizeText repairs them
  if (declared == "UTF-8") {
    out.why = "declared UTF-8 but not valid UTF-8: ";
  } else if (!declared.empty()) {
    out.why = "declared " + std::string(declared) + " (not supported), not valid UTF-8: ";
  } else {
    out.why = kind == ContentKind::kHtml ? "no encoding declared, not valid UTF-8: "
                                         : "not valid UTF-8: ";
  }
  DetectOrDefault(bytes, kind, scan.first_invalid, &out);
  return out;
}

Result<Utf8Conversion> ConvertToUtf8(std::string_view bytes, std::string_view encoding,
                                     uint32_t skip) {
  std::string_view name = EncodingForLabel(encoding);
  if (name.empty()) {
    return Status(StatusCode::kInvalidArgument,
                  "unknown encoding \"" + std::string(encoding) + "\"");
  }
  if (bytes.size() > UINT32_MAX) {
    return Status(StatusCode::kResourceExhausted, "input too large to convert");
  }
  skip = static_cast<uint32_t>(std::min<size_t>(skip, bytes.size()));
  if (name == "UTF-16LE" || name == "UTF-16BE") {
    Utf8Conversion out;
    OffsetMap to_rest;
    out.text = Utf16ToUtf8(bytes.substr(skip), name == "UTF-16BE", &to_rest);
    // Shift the map past the skipped bytes.
    const auto& runs = to_rest.runs();
    for (size_t i = 0; i < runs.size(); ++i) {
      OffsetMap::Run r = runs[i];
      const uint32_t end = i + 1 < runs.size() ? runs[i + 1].text_begin : to_rest.text_size();
      r.orig_begin += skip;
      r.orig_end += skip;
      out.map.AppendRun(r, end - r.text_begin);
    }
    return out;
  }
  if (name == "UTF-8") {
    // Each invalid byte becomes U+FFFD, as NormalizeText repairs it.
    Utf8Conversion out;
    TextBuilder b;
    const std::string_view rest = bytes.substr(skip);
    size_t pos = 0;
    while (pos < rest.size()) {
      const size_t start = pos;
      const char32_t cp = DecodeUtf8(rest, &pos);
      if (cp == 0xFFFD && rest.compare(start, 3, "\xEF\xBF\xBD") != 0) {
        if (out.invalid_sequences++ == 0) out.first_invalid_offset = skip + start;
        b.Replace("\xEF\xBF\xBD", static_cast<uint32_t>(skip + start),
                  static_cast<uint32_t>(skip + pos));
      } else {
        b.Copy(bytes, static_cast<uint32_t>(skip + start), static_cast<uint32_t>(skip + pos));
      }
    }
    std::move(b).Finish(&out.text, &out.map);
    return out;
  }
  const EncodingInfo* info = FindEncoding(name);
  if (info == nullptr) {
    return Status(StatusCode::kInvalidArgument, "cannot decode " + std::string(name));
  }
  return ConvertWithIcu(bytes, info->icu, skip);
}

}  // namespace dossier
