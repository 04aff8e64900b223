#include "segment/tokenizer.h"

#include <libstemmer.h>
#include <unicode/uchar.h>

#include "segment/icu_sentences.h"
#include "segment/language.h"
#include "util/data_files.h"
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

// Where an elided article or pronoun ends in a word of a language that elides ("l'", "dell'",
// "qu'", "j’"): just after its apostrophe, when 1-5 ASCII letters precede it and a letter
// follows; else `start`.
size_t ElisionEnd(std::string_view text, size_t start, size_t end, std::string_view language) {
  if (language != "fr" && language != "it" && language != "ca") return start;
  size_t i = start;
  while (i < end && i - start < 5 && IsAsciiAlpha(text[i])) ++i;
  if (i == start || i >= end) return start;
  size_t after = 0;
  if (text[i] == '\'') {
    after = i + 1;
  } else if (text.compare(i, 3, "\xE2\x80\x99") == 0) {
    after = i + 3;
  } else {
    return start;
  }
  return after < end ? after : start;
}

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

Tokenizer::Scratch::Scratch() { SetLanguage("en"); }
Tokenizer::Scratch::~Scratch() { Release(); }
Tokenizer::Scratch::Scratch(Scratch&& other) noexcept
    : languages_(std::move(other.languages_)),
      current_(other.current_),
      word_breaker_(std::move(other.word_breaker_)) {
  other.languages_.clear();
}
Tokenizer::Scratch& Tokenizer::Scratch::operator=(Scratch&& other) noexcept {
  if (this != &other) {
    Release();
    languages_ = std::move(other.languages_);
    current_ = other.current_;
    word_breaker_ = std::move(other.word_breaker_);
    other.languages_.clear();
  }
  return *this;
}

void Tokenizer::Scratch::Release() {
  for (Language& l : languages_) {
    if (l.stemmer != nullptr) sb_stemmer_delete(l.stemmer);
    l.stemmer = nullptr;
  }
}

void Tokenizer::Scratch::SetLanguage(std::string_view code) {
  if (current_ < languages_.size() && languages_[current_].code == code) return;
  for (size_t i = 0; i < languages_.size(); ++i) {
    if (languages_[i].code == code) {
      current_ = i;
      return;
    }
  }
  Language& l = languages_.emplace_back();
  l.code = std::string(code);
  // libstemmer knows ISO 639-1 codes ("de", "ru"); NULL for a language it has no stemmer for.
  if (!code.empty()) l.stemmer = sb_stemmer_new(l.code.c_str(), "UTF_8");
  current_ = languages_.size() - 1;
}

icu::BreakIterator* Tokenizer::Scratch::WordBreaker() {
  if (word_breaker_ == nullptr) {
    UErrorCode err = U_ZERO_ERROR;
    word_breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), err));
    if (U_FAILURE(err)) word_breaker_.reset();
  }
  return word_breaker_.get();
}

void Tokenizer::Scratch::Grow(Language* l) {
  std::vector<Slot> old = std::move(l->slots);
  l->slots.assign(old.empty() ? 4096 : old.size() * 2, Slot{});
  const size_t mask = l->slots.size() - 1;
  for (Slot& s : old) {
    if (!s.used) continue;
    size_t i = s.hash & mask;
    while (l->slots[i].used) i = (i + 1) & mask;
    l->slots[i] = std::move(s);
  }
}

const Tokenizer::Scratch::Entry& Tokenizer::Scratch::Lookup(std::string_view lower,
                                                            const WordList* stopwords) {
  Language& l = languages_[current_];
  std::vector<Slot>& slots = l.slots;
  size_t& count = l.count;
  sb_stemmer* const stemmer = l.stemmer;
  if (slots.empty()) Grow(&l);
  const uint64_t hash = StemHash(lower);
  size_t mask = slots.size() - 1;
  size_t i = hash & mask;
  while (slots[i].used) {
    if (slots[i].hash == hash && slots[i].key == lower) return slots[i].entry;
    i = (i + 1) & mask;
  }
  // A new word: bounded memory, then room to insert.
  if (count >= kMaxCachedStems) {
    slots.clear();
    count = 0;
    Grow(&l);
  } else if ((count + 1) * 2 > slots.size()) {
    Grow(&l);
  }
  mask = slots.size() - 1;
  i = hash & mask;
  while (slots[i].used) i = (i + 1) & mask;
  Slot& slot = slots[i];
  slot.used = true;
  slot.hash = hash;
  slot.key.assign(lower);
  ++count;
  Entry& entry = slot.entry;
  entry.stem = std::string(lower);
  entry.is_stopword = stopwords != nullptr && stopwords->Contains(lower);
  if (stemmer != nullptr && !lower.empty()) {
    const sb_symbol* out = sb_stemmer_stem(
        stemmer, reinterpret_cast<const sb_symbol*>(lower.data()), static_cast<int>(lower.size()));
    if (out != nullptr) {
      entry.stem.assign(reinterpret_cast<const char*>(out),
                        static_cast<size_t>(sb_stemmer_length(stemmer)));
    }
  }
  entry.stem_hash = StemHash(entry.stem);
  return entry;
}

Result<Tokenizer> Tokenizer::Create(std::string_view data_dir,
                                    const std::vector<std::string>& languages) {
  Result<WordList> stop = LoadWordList(data_dir, "en/stopwords.txt", /*lowercase=*/true);
  if (!stop.ok()) return stop.status();
  Tokenizer t;
  t.stopwords_.emplace_back("en", std::move(*stop));
  for (const std::string& code : languages) {
    const std::string name = code + "/stopwords.txt";
    if (code == "en" || !HasDataFile(data_dir, name)) continue;
    Result<WordList> list = LoadWordList(data_dir, name, /*lowercase=*/false);
    if (!list.ok()) return list.status();
    // Folded as the tokens are (the lists may hold capitals and non-ASCII letters).
    std::string folded;
    for (const std::string& w : list->entries()) folded += FoldCase(w) + "\n";
    t.stopwords_.emplace_back(code, WordList::Parse(folded, /*lowercase=*/false));
  }
  return t;
}

void Tokenizer::Tokenize(std::string_view text, Span span, Scratch* scratch,
                         std::vector<Token>* out, std::string_view language) const {
  scratch->SetLanguage(language);
  const WordList* stopwords = nullptr;
  for (const auto& [code, list] : stopwords_) {
    if (code == language) stopwords = &list;
  }
  const size_t end = std::min<size_t>(span.end, text.size());
  size_t pos = span.begin;
  while (pos < end) {
    size_t start = pos;
    char32_t cp = Next(text, &pos);
    if (!IsWordChar(cp)) continue;
    const bool digit_start = cp < 0x80 && IsAsciiDigit(static_cast<char>(cp));
    bool all_digits = digit_start;
    bool unspaced = IsUnspacedScript(cp);
    size_t tok_end = pos;
    // Extend over word characters and allowed inner punctuation.
    while (pos < end) {
      size_t next = pos;
      char32_t c = Next(text, &next);
      if (IsWordChar(c)) {
        if (!(c < 0x80 && IsAsciiDigit(static_cast<char>(c)))) all_digits = false;
        unspaced = unspaced || IsUnspacedScript(c);
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
    const bool is_number = digit_start && all_digits;
    if (!is_number && !unspaced) {
      // French, Italian, Catalan elision: "l'homme", "dell'anno", "qu'il" are two words.
      if (const size_t cut = ElisionEnd(text, start, tok_end, language); cut > start) {
        const size_t word = text[cut - 1] == '\'' ? cut - 1 : cut - 3;
        AddToken(text, start, word, false, stopwords, scratch, out);
        start = cut;
      }
      AddToken(text, start, tok_end, false, stopwords, scratch, out);
    } else if (!is_number) {
      AddUnspaced(text, start, tok_end, stopwords, scratch, out);
    } else {
      AddToken(text, start, tok_end, true, stopwords, scratch, out);
    }
  }
}

void Tokenizer::AddToken(std::string_view text, size_t start, size_t end, bool is_number,
                         const WordList* stopwords, Scratch* scratch,
                         std::vector<Token>* out) const {
  Token& tok = out->emplace_back();
  tok.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
  std::string_view surface = text.substr(start, end - start);
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
  tok.is_number = is_number;
  if (tok.is_number) {
    tok.is_stopword = false;
    tok.stem = tok.lower;
    tok.stem_hash = StemHash(tok.stem);
  } else {
    const Scratch::Entry& entry = scratch->Lookup(for_stem, stopwords);
    tok.is_stopword = entry.is_stopword;
    tok.stem = entry.stem;
    tok.stem_hash = entry.stem_hash;
  }
}

void Tokenizer::AddUnspaced(std::string_view text, size_t start, size_t end,
                            const WordList* stopwords, Scratch* scratch,
                            std::vector<Token>* out) const {
  icu::BreakIterator* breaker = scratch->WordBreaker();
  if (breaker == nullptr) {
    AddToken(text, start, end, false, stopwords, scratch, out);
    return;
  }
  const Utf16Run run = ToUtf16Run(text, start, end);
  const std::vector<uint32_t>& offset = run.offset;
  breaker->setText(run.text);
  int32_t from = breaker->first();
  for (int32_t to = breaker->next(); to != icu::BreakIterator::DONE; to = breaker->next()) {
    if (breaker->getRuleStatus() != UBRK_WORD_NONE) {
      AddToken(text, offset[static_cast<size_t>(from)], offset[static_cast<size_t>(to)], false,
               stopwords, scratch, out);
    }
    from = to;
  }
}

}  // namespace dossier
