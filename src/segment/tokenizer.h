// Tokenizer: words and numbers of a sentence, case-folded, with the Snowball
// stems of the document's language and stopword flags.
//
//   Result<Tokenizer> t = Tokenizer::Create(data_dir, {"en", "de", "ja"});
//   Tokenizer::Scratch scratch = t->NewScratch();   // one per thread
//   t->Tokenize(doc.text, sentence.span, &scratch, &doc.tokens, doc.language);
//
// Languages: stems by libstemmer's algorithm for the code (Porter2 for "en";
// none where libstemmer has none: the folded word is its own stem), stopwords
// from data/<code>/stopwords.txt where it exists. Words in scripts written
// without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) are cut
// at ICU's dictionary word boundaries ("東京都に住む" -> 東京, 都, に, 住む).
//
// Words: runs of letters, digits and marks, with inner apostrophes
// ("Russia's", "don't") and dotted abbreviations ("U.S."); hyphens split
// ("U.S.-led" -> "u.s.", "led"). Numbers: digit groups with inner ',' or
// '.' ("5,000", "4.5"). Punctuation and symbols are not tokens.
// Create() loads data/en/stopwords.txt once; Tokenize() is const and
// thread-safe given a Scratch per thread (the stemmer keeps state).
#ifndef DOSSIER_SEGMENT_TOKENIZER_H_
#define DOSSIER_SEGMENT_TOKENIZER_H_

#include <unicode/brkiter.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"
#include "util/data_files.h"

struct sb_stemmer;

namespace dossier {

class Tokenizer {
 public:
  class Scratch {
   public:
    Scratch();
    ~Scratch();
    Scratch(Scratch&&) noexcept;
    Scratch& operator=(Scratch&&) noexcept;
    // The stem of a lower-case UTF-8 word in the current language (memoized:
    // words repeat). The current language is English until SetLanguage.
    const std::string& Stem(std::string_view lower) { return Lookup(lower, nullptr).stem; }
    // Makes `code` the current language (its stemmer and memo).
    void SetLanguage(std::string_view code);

    struct Entry {
      std::string stem;
      uint64_t stem_hash = 0;
      bool is_stopword = false;
    };
    // The memoized entry of a word; `stopwords` decides the flag when the word is new.
    const Entry& Lookup(std::string_view lower, const WordList* stopwords);

    // ICU's word boundaries for text written without spaces (created on first use).
    icu::BreakIterator* WordBreaker();

   private:
    static constexpr size_t kMaxCachedStems = 1 << 18;
    // Open-addressing memo keyed by the word's FNV-1a hash (see StemHash).
    struct Slot {
      uint64_t hash = 0;
      bool used = false;
      std::string key;
      Entry entry;
    };
    // One language's stemmer and memo.
    struct Language {
      std::string code;
      sb_stemmer* stemmer = nullptr;
      std::vector<Slot> slots;
      size_t count = 0;
    };
    void Grow(Language* l);
    void Release();
    std::vector<Language> languages_;
    size_t current_ = 0;
    std::unique_ptr<icu::BreakIterator> word_breaker_;
  };

  // Loads en/stopwords.txt, and <code>/stopwords.txt for each of `languages`
  // that has one.
  static Result<Tokenizer> Create(std::string_view data_dir,
                                  const std::vector<std::string>& languages = {});
  Scratch NewScratch() const { return Scratch(); }

  // Appends the tokens of text[span] to `out`, in `language` (an ISO 639-1 code).
  void Tokenize(std::string_view text, Span span, Scratch* scratch, std::vector<Token>* out,
                std::string_view language = "en") const;

  bool IsStopword(std::string_view lower) const {
    return stopwords_.front().second.Contains(lower);
  }

 private:
  void AddToken(std::string_view text, size_t start, size_t end, bool is_number,
                const WordList* stopwords, Scratch* scratch, std::vector<Token>* out) const;
  void AddUnspaced(std::string_view text, size_t start, size_t end, const WordList* stopwords,
                   Scratch* scratch, std::vector<Token>* out) const;
  // (code, stopwords); English first.
  std::vector<std::pair<std::string, WordList>> stopwords_;
};

// The hash stored in Token::stem_hash (64-bit FNV-1a of the stem's bytes).
uint64_t StemHash(std::string_view stem);

// Case-folds UTF-8 text (full Unicode simple case folding).
std::string FoldCase(std::string_view s);

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_TOKENIZER_H_
