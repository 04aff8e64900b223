#include "segment/tokenizer.h"

#include <libstemmer.h>
#include <unicode/uchar.h>

#include "util/strings.h"

namespace dossier {
namespace {

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return IsAsciiAlpha(static_cast<char>(cp)) || IsAsciiDigit(static_cast<char>(cp));
  if (cp == 0xFFFD) return false;
  int8_t type = u_charType(static_cast<UChar32>(cp));
  return u_isalnum(static_cast<UChar32>(cp)) || type == U_NON_SPACING_MARK ||
         type == U_COMBINING_SPACING_MARK;
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// DecodeUtf8 with the ASCII case inline (the common one in news text).
inline char32_t Next(std::string_view s, size_t* pos) {
  const auto c = static_cast<unsigned char>(s[*pos]);
  if (c < 0x80) {
    ++*pos;
    return c;
  }
  return DecodeUtf8(s, pos);
}

}  // namespace

uint64_t StemHash(std::string_view stem) {
  // FNV-1a, 64 bits: stable across runs, builds and threads.
  uint64_t h = 14695981039346656037ull;
  for (char c : stem) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::string FoldCase(std::string_view s) {
  std::string out(s);
  size_t pos = 0;
  // ASCII in place (the common case); the rest code point by code point.
  for (; pos < out.size(); ++pos) {
    const auto c = static_cast<unsigned char>(out[pos]);
    if (c >= 0x80) break;
    out[pos] = AsciiToLower(static_cast<char>(c));
  }
  if (pos == out.size()) return out;
  out.resize(pos);
  while (pos < s.size()) {
    auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      out.push_back(AsciiToLower(static_cast<char>(c)));
      ++pos;
      continue;
    }
    char32_t cp = DecodeUtf8(s, &pos);
    AppendUtf8(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)),
               &out);
  }
  return out;
}

Tokenizer::Scratch::Scratch() : stemmer_(sb_stemmer_new("english", "UTF_8")) {}
Tokenizer::Scratch::~Scratch() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}
Tokenizer::Scratch::Scratch(Scratch&& other) noexcept
    : stemmer_(other.stemmer_), slots_(std::move(other.slots_)), count_(other.count_) {
  other.stemmer_ = nullptr;
}
Tokenizer::Scratch& Tokenizer::Scratch::operator=(Scratch&& other) noexcept {
  if (this != &other) {
    if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
    stemmer_ = other.stemmer_;
    slots_ = std::move(other.slots_);
    count_ = other.count_;
    other.stemmer_ = nullptr;
  }
  return *this;
}

void Tokenizer::Scratch::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 4096 : old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (Slot& s : old) {
    if (!s.used) continue;
    size_t i = s.hash & mask;
    while (slots_[i].used) i = (i + 1) & mask;
    slots_[i] = std::move(s);
  }
}

const Tokenizer::Scratch::Entry& Tokenizer::Scratch::Lookup(std::string_view lower,
                                                            const WordList* stopwords) {
  if (slots_.empty()) Grow();
  const uint64_t hash = StemHash(lower);
  size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].used) {
    if (slots_[i].hash == hash && slots_[i].key == lower) return slots_[i].entry;
    i = (i + 1) & mask;
  }
  // A new word: bounded memory, then room to insert.
  if (count_ >= kMaxCachedStems) {
    slots_.clear();
    count_ = 0;
    Grow();
  } else if ((count_ + 1) * 2 > slots_.size()) {
    Grow();
  }
  mask = slots_.size() - 1;
  i = hash & mask;
  while (slots_[i].used) i = (i + 1) & mask;
  Slot& slot = slots_[i];
  slot.used = true;
  slot.hash = hash;
  slot.key.assign(lower);
  ++count_;
  Entry& entry = slot.entry;
  entry.stem = std::string(lower);
  entry.is_stopword = stopwords != nullptr && stopwords->Contains(lower);
  if (stemmer_ != nullptr && !lower.empty()) {
    const sb_symbol* out = sb_stemmer_stem(
        stemmer_, reinterpret_cast<const sb_symbol*>(lower.data()), static_cast<int>(lower.size()));
    if (out != nullptr) {
      entry.stem.assign(reinterpret_cast<const char*>(out),
                        static_cast<size_t>(sb_stemmer_length(stemmer_)));
    }
  }
  entry.stem_hash = StemHash(entry.stem);
  return entry;
}

Result<Tokenizer> Tokenizer::Create(std::string_view data_dir) {
  Result<WordList> stop = LoadWordList(data_dir, "en/stopwords.txt", /*lowercase=*/true);
  if (!stop.ok()) return stop.status();
  Tokenizer t;
  t.stopwords_ = std::move(*stop);
  return t;
}

void Tokenizer::Tokenize(std::string_view text, Span span, Scratch* scratch,
                         std::vector<Token>* out) const {
  const size_t end = std::min<size_t>(span.end, text.size());
  size_t pos = span.begin;
  while (pos < end) {
    size_t start = pos;
    char32_t cp = Next(text, &pos);
    if (!IsWordChar(cp)) continue;
    const bool digit_start = cp < 0x80 && IsAsciiDigit(static_cast<char>(cp));
    bool all_digits = digit_start;
    size_t tok_end = pos;
    // Extend over word characters and allowed inner punctuation.
    while (pos < end) {
      size_t next = pos;
      char32_t c = Next(text, &next);
      if (IsWordChar(c)) {
        if (!(c < 0x80 && IsAsciiDigit(static_cast<char>(c)))) all_digits = false;
        pos = next;
        tok_end = pos;
        continue;
      }
      // Inner punctuation needs a word character after it.
      if (next >= end) {
        // "a.m." at the very end of the span.
        if (c == '.' && !all_digits && tok_end - start >= 3 && text[tok_end - 2] == '.') {
          tok_end = next;
        }
        break;
      }
      size_t after = next;
      char32_t d = Next(text, &after);
      if (!IsWordChar(d)) {
        // "U.S." : a final period after single letters separated by periods.
        if (c == '.' && !all_digits && tok_end - start >= 3 && text[tok_end - 2] == '.') {
          pos = next;
          tok_end = pos;
        }
        break;
      }
      bool d_digit = d < 0x80 && IsAsciiDigit(static_cast<char>(d));
      if (all_digits && (c == ',' || c == '.') && d_digit) {
        pos = next;  // 5,000 / 4.5
        continue;
      }
      if (IsApostrophe(c) && !all_digits) {
        pos = next;  // Russia's
        continue;
      }
      // Dotted abbreviation: a single letter before and after "." (U.S, U.N, a.m).
      if (c == '.' && !all_digits && !d_digit &&
          (tok_end - start == 1 || text[tok_end - 2] == '.')) {
        size_t after2 = after;
        bool single = after2 >= end || text[after2] == '.' || !IsWordChar(text[after2]);
        if (single) {
          pos = next;
          continue;
        }
      }
      break;
    }
    Token& tok = out->emplace_back();
    tok.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(tok_end)};
    std::string_view surface = text.substr(start, tok_end - start);
    tok.lower = FoldCase(surface);
    // Curly apostrophes stem like straight ones.
    std::string straight;
    std::string_view for_stem = tok.lower;
    if (tok.lower.find("\xE2\x80\x99") != std::string::npos) {
      straight.reserve(tok.lower.size());
      for (size_t k = 0; k < tok.lower.size(); ++k) {
        if (tok.lower.compare(k, 3, "\xE2\x80\x99") == 0) {
          straight.push_back('\'');
          k += 2;
        } else {
          straight.push_back(tok.lower[k]);
        }
      }
      for_stem = straight;
    }
    tok.is_number = digit_start && all_digits;
    if (tok.is_number) {
      tok.is_stopword = false;
      tok.stem = tok.lower;
      tok.stem_hash = StemHash(tok.stem);
    } else {
      const Scratch::Entry& entry = scratch->Lookup(for_stem, &stopwords_);
      tok.is_stopword = entry.is_stopword;
      tok.stem = entry.stem;
      tok.stem_hash = entry.stem_hash;
    }
  }
}

}  // namespace dossier
