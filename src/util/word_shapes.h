// WordShapes: a quick "certainly not in the list" test for hot word lookups.
// It records the (first byte, length) pairs of a word list; a word whose
// pair is not recorded cannot be in the list, so most words are ruled out
// before any hashing. Case-insensitive on the first byte when the list was
// added in lower case and `MayContain` is given the word as written.
//
//   WordShapes shapes;
//   for (const std::string& w : titles) shapes.Add(w);
//   if (shapes.MayContainFolded(word) && titles.count(AsciiLower(word))) ...
#ifndef DOSSIER_UTIL_WORD_SHAPES_H_
#define DOSSIER_UTIL_WORD_SHAPES_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace dossier {

class WordShapes {
 public:
  void Add(std::string_view word) {
    if (word.size() >= kMaxLength) {
      long_words_ = true;
      return;
    }
    rows_[static_cast<unsigned char>(word.empty() ? '\0' : word[0])] |= uint64_t{1} << word.size();
  }
  // False only when `word` is certainly not one of the words added.
  bool MayContain(std::string_view word) const {
    if (word.size() >= kMaxLength) return long_words_;
    return (rows_[static_cast<unsigned char>(word.empty() ? '\0' : word[0])] >> word.size()) & 1;
  }
  // The same for a word to be compared after ASCII lower-casing (the list
  // was added in lower case).
  bool MayContainFolded(std::string_view word) const {
    if (word.size() >= kMaxLength) return long_words_;
    unsigned char c = word.empty() ? '\0' : static_cast<unsigned char>(word[0]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    return (rows_[c] >> word.size()) & 1;
  }

 private:
  static constexpr size_t kMaxLength = 64;
  std::array<uint64_t, 256> rows_{};
  bool long_words_ = false;
};

}  // namespace dossier

#endif  // DOSSIER_UTIL_WORD_SHAPES_H_
