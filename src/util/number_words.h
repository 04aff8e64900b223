// Cardinal number words of a language ("one" .. "twenty", the tens to
// "ninety"), from data/<language>/number_words.txt: one list for every stage
// that reads them (the figure scanner, the time expressions). Words that
// multiply a number ("hundred", "million") are the figure scanner's
// (data/en/magnitudes.txt). And how the language writes numbers in digits
// (NumberFormat, data/<language>/number_format.txt): its decimal mark and
// thousands separators ("1,000.5" in English, "1.000,5" in German, "1 000,5"
// in French).
//
//   Result<NumberWords> numbers = NumberWords::Load(options.data_dir, "en");
//   if (const NumberWord* n = numbers->Find("seven")) use(n->value);  // 7
//   Result<NumberFormat> format = NumberFormat::Load(options.data_dir, "de");
//   double v = format->Parse("1.000,5");  // 1000.5
//
// Load reads `<language>/number_words.txt` (number_format.txt) from
// `data_dir` when it holds one, else the built-in copy (util/data_files.h);
// no list for the language is a kNotFound status. Immutable once loaded;
// thread-safe.
#ifndef DOSSIER_UTIL_NUMBER_WORDS_H_
#define DOSSIER_UTIL_NUMBER_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "dossier/status.h"
#include "util/word_shapes.h"

namespace dossier {

struct NumberWord {
  std::string word;  // lower case
  double value = 0;
};

class NumberWords {
 public:
  static Result<NumberWords> Load(std::string_view data_dir, std::string_view language = "en");

  // The number word `lower` (in lower case), or null. Most words are ruled
  // out by their shape (first byte and length) before any comparison.
  const NumberWord* Find(std::string_view lower) const {
    if (!shapes_.MayContain(lower)) return nullptr;
    for (const NumberWord& n : words_) {
      if (n.word == lower) return &n;
    }
    return nullptr;
  }
  const std::vector<NumberWord>& words() const { return words_; }

 private:
  std::vector<NumberWord> words_;
  WordShapes shapes_;
};

// How a language writes a number in digits (data/<language>/number_format.txt,
// whose opening says how it is read): its decimal marks, its thousands
// separators, and whether the groups a separator makes must be whole
// ("strict": "1.000" and "12.500,75" but not "12.03.2020" nor "4.5" in
// German) or are not checked ("loose", English: "5,000" and "4.5").
class NumberFormat {
 public:
  static Result<NumberFormat> Load(std::string_view data_dir, std::string_view language = "en");

  // The value of a number as written: digits, the format's separators and
  // decimal mark ("5,000", "4.5"; "1.000,5"; "1 000,5" with the space of a
  // thousands group written ' '). NaN when it is none in this format (strict
  // groups that are not of three digits, a mark the format does not know)
  // or when it has more than kMaxIntegerDigits significant integer digits,
  // which is no quantity a story reports but a code, or noise.
  double Parse(std::string_view s) const;

  // Whether `gap`, the text between two runs of digits, is a thousands
  // separator written as white space (a space, U+00A0, U+202F): "1 000".
  bool IsSpaceGroup(std::string_view gap) const;
  bool groups_by_space() const { return !space_groups_.empty(); }

  // Integer digits a reported figure may have: a double holds every integer
  // of up to 15 digits exactly, so the value is the number as written.
  static constexpr size_t kMaxIntegerDigits = 15;

 private:
  std::string decimals_;                   // decimal marks, one byte each
  std::string groups_;                     // separators inside a token, one byte each
  std::vector<std::string> space_groups_;  // white space between two tokens
  bool strict_ = false;
};

}  // namespace dossier

#endif  // DOSSIER_UTIL_NUMBER_WORDS_H_
