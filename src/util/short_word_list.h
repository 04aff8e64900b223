// ShortWordList: a short list of words (a few dozen at most) read from a data
// file, tested the way IsOneOf (util/strings.h) tests a constexpr array: the
// length and the first byte of each entry first, then its bytes. For the
// hot lookups that used such arrays, it keeps their speed without a hash per
// token.
//
//   ShortWordList determiners;
//   determiners.Add("the");
//   if (determiners.Contains(token.lower)) ...
//
// Immutable once filled; thread-safe to read.
#ifndef DOSSIER_UTIL_SHORT_WORD_LIST_H_
#define DOSSIER_UTIL_SHORT_WORD_LIST_H_

#include <string>
#include <string_view>
#include <vector>

namespace dossier {

class ShortWordList {
 public:
  // Adds `word` unless it is already listed or empty.
  void Add(std::string_view word) {
    if (!word.empty() && !Contains(word)) words_.emplace_back(word);
  }
  bool Contains(std::string_view word) const {
    for (const std::string& x : words_) {
      if (x.size() == word.size() && x[0] == word[0] && x == word) return true;
    }
    return false;
  }
  bool empty() const { return words_.empty(); }
  const std::vector<std::string>& words() const { return words_; }

 private:
  std::vector<std::string> words_;
};

}  // namespace dossier

#endif  // DOSSIER_UTIL_SHORT_WORD_LIST_H_
