// The text handling of `--tokenize unicode` (see dossier/rouge.h for the contract):
// folding a unit, cutting its tokens, and the Snowball stemmer of -m.
//
//   std::string folded;
//   FoldUnicodeUnit("Der Präsident sagte", &folded);   // "der präsident sagte" (NFC)
//   std::vector<std::string_view> tokens;
//   UnicodeTokens(folded, &tokens);                     // "der", "präsident", "sagte"
//   Result<SnowballStemmer> stemmer = SnowballStemmer::Create("de");
//   std::string_view stem = stemmer->Stem(tokens[1]);  // "prasident"
//
// FoldUnicodeUnit and UnicodeTokens are pure and thread-safe. A SnowballStemmer keeps
// state: one per thread.
#ifndef DOSSIER_EVAL_ROUGE_UNICODE_H_
#define DOSSIER_EVAL_ROUGE_UNICODE_H_

#include <string>
#include <string_view>
#include <vector>

#include "dossier/status.h"

struct sb_stemmer;

namespace dossier::eval {

// Writes to *out the unit decoded as UTF-8 (each ill-formed sequence U+FFFD), in NFD,
// fully case-folded, then in NFC: valid UTF-8 whose canonically equivalent inputs agree.
void FoldUnicodeUnit(std::string_view unit, std::string* out);

// Replaces *out with the tokens of `folded` (FoldUnicodeUnit's output), in order: maximal
// runs of letters, marks and numbers, except that a character of Han, Hiragana, Katakana
// or Thai (by its Unicode script extensions) is a token with the marks that follow it.
void UnicodeTokens(std::string_view folded, std::vector<std::string_view>* out);

// `text` without the last character when a cut left it incomplete (`text` is a prefix of
// valid UTF-8).
std::string_view DropCutCharacter(std::string_view text);

class SnowballStemmer {
 public:
  // `language`: an ISO 639 code or a name libstemmer knows ("de", "german", "porter"),
  // ASCII case ignored. Fails with kInvalidArgument listing the valid values.
  static Result<SnowballStemmer> Create(std::string_view language);
  ~SnowballStemmer();
  SnowballStemmer(SnowballStemmer&& other) noexcept;
  SnowballStemmer& operator=(SnowballStemmer&& other) noexcept;
  SnowballStemmer(const SnowballStemmer&) = delete;
  SnowballStemmer& operator=(const SnowballStemmer&) = delete;

  // The stem of a case-folded word; valid until the next call. The word itself when
  // the stemmer fails (out of memory).
  std::string_view Stem(std::string_view word);

 private:
  explicit SnowballStemmer(sb_stemmer* stemmer) : stemmer_(stemmer) {}
  sb_stemmer* stemmer_ = nullptr;
};

// The valid --language values, for messages: "ar (arabic), hy (armenian), ...".
std::string SnowballLanguages();

}  // namespace dossier::eval

#endif  // DOSSIER_EVAL_ROUGE_UNICODE_H_
