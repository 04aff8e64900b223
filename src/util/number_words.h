// Cardinal number words of a language ("one" .. "twenty", the tens to
// "ninety"), from data/<language>/number_words.txt: one list for every stage
// that reads them (the figure scanner, the time expressions). Words that
// multiply a number ("hundred", "million") are the figure scanner's
// (data/en/magnitudes.txt).
//
//   Result<NumberWords> numbers = NumberWords::Load(options.data_dir, "en");
//   if (const NumberWord* n = numbers->Find("seven")) use(n->value);  // 7
//
// Load reads `<language>/number_words.txt` from `data_dir` when it holds one,
// else the built-in copy (util/data_files.h); no list for the language is a
// kNotFound status. Immutable once loaded; thread-safe.
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

// The value of a cardinal word in lower case ("seven" -> 7), or -1, by the
// built-in English list. Transitional: for analyze/time_expressions.cc until
// TimelineBuilder::Create loads NumberWords from its data folder; new code
// takes a NumberWords.
int CardinalValue(std::string_view lower);

}  // namespace dossier

#endif  // DOSSIER_UTIL_NUMBER_WORDS_H_
