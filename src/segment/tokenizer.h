// Tokenizer: words and numbers of a sentence, case-folded, with Snowball
// English (Porter2) stems and stopword flags.
//
//   Result<Tokenizer> t = Tokenizer::Create(data_dir);
//   Tokenizer::Scratch scratch = t->NewScratch();   // one per thread
//   t->Tokenize(doc.text, sentence.span, &scratch, &doc.tokens);
//
// Words: runs of letters, digits and marks, with inner apostrophes
// ("Russia's", "don't") and dotted abbreviations ("U.S."); hyphens split
// ("U.S.-led" -> "u.s.", "led"). Numbers: digit groups with inner ',' or
// '.' ("5,000", "4.5"). Punctuation and symbols are not tokens.
// Create() loads data/en/stopwords.txt once; Tokenize() is const and
// thread-safe given a Scratch per thread (the stemmer keeps state).
#ifndef DOSSIER_SEGMENT_TOKENIZER_H_
#define DOSSIER_SEGMENT_TOKENIZER_H_

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
    // The Porter2 stem of a lower-case UTF-8 word (memoized: words repeat).
    const std::string& Stem(std::string_view lower) { return Lookup(lower, nullptr).stem; }

    struct Entry {
      std::string stem;
      uint64_t stem_hash = 0;
      bool is_stopword = false;
    };
    // The memoized entry of a word; `stopwords` decides the flag when the word is new.
    const Entry& Lookup(std::string_view lower, const WordList* stopwords);

   private:
    static constexpr size_t kMaxCachedStems = 1 << 18;
    sb_stemmer* stemmer_ = nullptr;
    // Open-addressing memo keyed by the word's FNV-1a hash (see StemHash).
    struct Slot {
      uint64_t hash = 0;
      bool used = false;
      std::string key;
      Entry entry;
    };
    void Grow();
    std::vector<Slot> slots_;
    size_t count_ = 0;
  };

  static Result<Tokenizer> Create(std::string_view data_dir);
  Scratch NewScratch() const { return Scratch(); }

  // Appends the tokens of text[span] to `out`.
  void Tokenize(std::string_view text, Span span, Scratch* scratch, std::vector<Token>* out) const;

  bool IsStopword(std::string_view lower) const { return stopwords_.Contains(lower); }

 private:
  WordList stopwords_;
};

// The hash stored in Token::stem_hash (64-bit FNV-1a of the stem's bytes).
uint64_t StemHash(std::string_view stem);

// Case-folds UTF-8 text (full Unicode simple case folding).
std::string FoldCase(std::string_view s);

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_TOKENIZER_H_
