// What dossier knows of each language (data/languages.txt), and the choice of a
// document's language.
//
//   Result<LanguageTable> table = LanguageTable::Create(options.data_dir);
//   LanguageChoice c = table->Choose(doc.text, doc.declared_language, /*forced=*/"");
//   // {"de", LanguageOrigin::kDetected}
//   if (!table->Supports(c.code, LanguageAnalysis::kQuotes)) ...  // switched off, and said so
//
// Choose(): a forced language (--language) wins. Then a fast path: a text whose first 100
// words are mostly function words of a language data/language_id.txt lists (English), and
// few of any other language's, is in that language, unless a declared tag disagrees.
// Otherwise CLD2 reads the text with the
// declared tag (<html lang>, og:locale, a JSON Lines "language" field) as a hint:
//   - a reliable detection is the language, unless a declared language disagrees and the
//     detection holds under 80 % of the text (a page quoting another language at length);
//   - without a reliable detection, the declared language; then a detection covering at
//     least 80 % of the text; then English (kDefault: too little text to tell).
// The declared tag and the result are primary subtags ("de" for "de-AT").
//
// Supports() is true for the analyses languages.txt lists for the code. Every language gets
// sentences, words and the summary.
#ifndef DOSSIER_SEGMENT_LANGUAGE_H_
#define DOSSIER_SEGMENT_LANGUAGE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/status.h"
#include "util/flat_id_map.h"

namespace dossier {

enum class LanguageAnalysis : uint8_t {
  kQuotes = 1,
  kFigures = 2,
  kTimeline = 4,
  kEntities = 8,
};

enum class LanguageOrigin : uint8_t { kDefault, kDetected, kDeclared, kGiven };

// "default", "detected", "declared", "given".
std::string_view LanguageOriginName(LanguageOrigin origin);

struct LanguageChoice {
  std::string code;
  LanguageOrigin origin = LanguageOrigin::kDefault;
};

class LanguageTable {
 public:
  static Result<LanguageTable> Create(std::string_view data_dir);

  LanguageChoice Choose(std::string_view text, std::string_view declared,
                        std::string_view forced) const;
  bool Supports(std::string_view code, LanguageAnalysis analysis) const;
  // The English name ("German"); LanguageName() for a code the table does not list.
  std::string Name(std::string_view code) const;
  // The codes the table lists, in its order.
  std::vector<std::string> codes() const;

 private:
  struct Row {
    std::string code, name;
    uint8_t analyses = 0;
  };
  struct QuickLanguage {
    std::string code;
    double share = 1;
    int bit = -1;  // its bit in function_words_, -1 without a stopwords.txt
  };
  const Row* Find(std::string_view code) const;
  Status LoadFunctionWords(std::string_view data_dir);
  // The code of a quick_ language the function words of the text's start show, or "".
  std::string_view QuickVote(std::string_view text) const;
  std::vector<Row> rows_;
  std::vector<QuickLanguage> quick_;
  // The lower-case function words, numbered by their 64-bit HashBytes (as stems are
  // interned), and for each one bit per language (table order) whose stopwords.txt lists it.
  uint32_t FunctionWordLanguages(std::string_view word) const;
  FlatIdMap function_words_;
  std::vector<uint32_t> function_word_languages_;
  size_t longest_function_word_ = 0;
  int voters_ = 0;
};

// Whether text in this script is written without spaces between words (Han, Hiragana,
// Katakana, Thai, Lao, Khmer, Myanmar): ICU's dictionary word boundaries apply.
bool IsUnspacedScript(char32_t cp);

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_LANGUAGE_H_
