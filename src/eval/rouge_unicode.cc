// ROUGE's Unicode tokenizer: ICU for decoding, folding and normalization, character
// properties and scripts; libstemmer for stems.
#include "eval/rouge_unicode.h"

#include <libstemmer.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <string_view>
#include <utility>

#include "util/strings.h"

namespace dossier::eval {
namespace {

// ISO 639-1 codes of libstemmer 2.2's algorithms, for the list of valid values only
// (libstemmer itself accepts these codes, its names and 3-letter codes).
constexpr std::pair<std::string_view, std::string_view> kStemmerCodes[] = {
    {"arabic", "ar"},     {"armenian", "hy"},   {"basque", "eu"},    {"catalan", "ca"},
    {"danish", "da"},     {"dutch", "nl"},      {"english", "en"},   {"finnish", "fi"},
    {"french", "fr"},     {"german", "de"},     {"greek", "el"},     {"hindi", "hi"},
    {"hungarian", "hu"},  {"indonesian", "id"}, {"irish", "ga"},     {"italian", "it"},
    {"lithuanian", "lt"}, {"nepali", "ne"},     {"norwegian", "no"}, {"portuguese", "pt"},
    {"romanian", "ro"},   {"russian", "ru"},    {"serbian", "sr"},   {"spanish", "es"},
    {"swedish", "sv"},    {"tamil", "ta"},      {"turkish", "tr"},   {"yiddish", "yi"},
};

// Scripts whose words are not separated by spaces: one token per character.
bool IsCharacterToken(UChar32 c) {
  return uscript_hasScript(c, USCRIPT_HAN) || uscript_hasScript(c, USCRIPT_HIRAGANA) ||
         uscript_hasScript(c, USCRIPT_KATAKANA) || uscript_hasScript(c, USCRIPT_THAI);
}

}  // namespace

void FoldUnicodeUnit(std::string_view unit, std::string* out) {
  out->clear();
  size_t ascii = 0;
  while (ascii < unit.size() && static_cast<unsigned char>(unit[ascii]) < 0x80) ++ascii;
  if (ascii == unit.size()) {  // ASCII is NFC, and its full case folding is lower-casing
    out->reserve(unit.size());
    for (char c : unit) out->push_back(AsciiToLower(c));
    return;
  }
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(error);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  // fromUTF8 replaces each maximal ill-formed subsequence with U+FFFD.
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(unit.data(), static_cast<int32_t>(unit.size())));
  if (U_SUCCESS(error)) text = nfd->normalize(text, error);
  text.foldCase(U_FOLD_CASE_DEFAULT);  // full folding (C + F mappings)
  if (U_SUCCESS(error)) text = nfc->normalize(text, error);
  text.toUTF8String(*out);
}

void UnicodeTokens(std::string_view folded, std::vector<std::string_view>* out) {
  out->clear();
  constexpr size_t kNone = std::string_view::npos;
  const auto* bytes = reinterpret_cast<const uint8_t*>(folded.data());
  const auto size = static_cast<int32_t>(folded.size());
  size_t start = kNone;    // the token being read
  bool character = false;  // it is one character (of a script without spaces)
  auto close = [&](size_t end) {
    if (start != kNone) out->push_back(folded.substr(start, end - start));
    start = kNone;
  };
  int32_t i = 0;
  while (i < size) {
    const auto at = static_cast<size_t>(i);
    UChar32 c = 0;
    U8_NEXT(bytes, i, size, c);
    const uint32_t category = c < 0 ? 0 : U_GET_GC_MASK(c);
    if ((category & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) == 0) {
      close(at);
      continue;
    }
    if ((category & U_GC_M_MASK) != 0) {  // a mark extends the token before it
      if (start == kNone) {
        start = at;
        character = false;
      }
      continue;
    }
    const bool alone = c >= 0x80 && IsCharacterToken(c);
    if (alone || character) close(at);
    if (start == kNone) {
      start = at;
      character = alone;
    }
  }
  close(folded.size());
}

std::string_view DropCutCharacter(std::string_view text) {
  size_t lead = text.size();
  size_t continuation = 0;
  while (lead > 0 && continuation < 4 &&
         (static_cast<unsigned char>(text[lead - 1]) & 0xC0) == 0x80) {
    --lead;
    ++continuation;
  }
  if (lead == 0) return text.substr(0, 0);
  const auto first = static_cast<unsigned char>(text[lead - 1]);
  const size_t length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2;
  return continuation + 1 < length ? text.substr(0, lead - 1) : text;
}

Result<SnowballStemmer> SnowballStemmer::Create(std::string_view language) {
  const std::string name = AsciiLower(language);
  sb_stemmer* stemmer = name.empty() ? nullptr : sb_stemmer_new(name.c_str(), "UTF_8");
  if (stemmer == nullptr) {
    return Status(StatusCode::kInvalidArgument,
                  "unknown --language '" + std::string(language) +
                      "': give a Snowball stemmer by ISO 639 code or name: " + SnowballLanguages());
  }
  return SnowballStemmer(stemmer);
}

SnowballStemmer::~SnowballStemmer() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}

SnowballStemmer::SnowballStemmer(SnowballStemmer&& other) noexcept
    : stemmer_(std::exchange(other.stemmer_, nullptr)) {}

SnowballStemmer& SnowballStemmer::operator=(SnowballStemmer&& other) noexcept {
  if (this != &other) {
    if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
    stemmer_ = std::exchange(other.stemmer_, nullptr);
  }
  return *this;
}

std::string_view SnowballStemmer::Stem(std::string_view word) {
  const sb_symbol* stem = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
  if (stem == nullptr) return word;
  return {reinterpret_cast<const char*>(stem), static_cast<size_t>(sb_stemmer_length(stemmer_))};
}

std::string SnowballLanguages() {
  std::string out;
  for (const char** name = sb_stemmer_list(); *name != nullptr; ++name) {
    const std::string_view algorithm(*name);
    std::string_view code;
    for (const auto& [known, iso] : kStemmerCodes) {
      if (known == algorithm) code = iso;
    }
    if (!out.empty()) out += ", ";
    if (algorithm == "porter") {
      out += "porter (Porter's original English stemmer)";
    } else if (code.empty()) {
      out += algorithm;
    } else {
      out += std::string(code) + " (" + std::string(algorithm) + ")";
    }
  }
  return out;
}

}  // namespace dossier::eval
