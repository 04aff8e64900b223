// ProceduralMatcher: lines that run an event rather than say anything —
// greetings and thanks, microphone and interpretation checks, the
// moderator's turn-taking ("Are you getting?", "Thank you very much for
// coming.", "The next question will come from ..."). They are never shown as
// quotes nor put in a summary.
//
//   Result<ProceduralMatcher> procedural = ProceduralMatcher::Create(data_dir);
//   if (procedural->IsProcedural(doc, sentence_index)) ...
//
// A sentence is procedural when
//   - every word of it is a courtesy word (data/en/courtesy_words.txt: "thank",
//     "you", "very", "much", "yes", "sir", ...), or
//   - it is part of a transcript turn (a press conference running itself),
//     has at most kMaxWords words and holds a phrase of
//     data/en/procedural_phrases.txt (whole words in a row): in a news report
//     "a microphone appears on screen" is a statement, or
//   - it is a question of at most kMaxShortQuestionWords words inside a
//     transcript turn ("Are you getting?", "Do you hear?").
// Words are the sentence's tokens (Document::tokens, lower case). Create()
// loads the lists once; IsProcedural() is const and thread-safe.
#ifndef DOSSIER_ANALYZE_PROCEDURAL_H_
#define DOSSIER_ANALYZE_PROCEDURAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"
#include "util/data_files.h"

namespace dossier {

class ProceduralMatcher {
 public:
  static constexpr size_t kMaxWords = 14;
  static constexpr size_t kMaxShortQuestionWords = 5;

  // Loads the word lists of `language` from `data_dir`, or the built-in
  // copies when empty; kNotFound when a list is missing for the language.
  static Result<ProceduralMatcher> Create(std::string_view data_dir,
                                          std::string_view language = "en");

  bool IsProcedural(const Document& doc, uint32_t sentence) const;
  // True when every sentence of `span` is procedural or a stage direction.
  bool IsProceduralSpan(const Document& doc, Span span) const;

 private:
  WordList courtesy_;
  std::vector<std::vector<std::string>> phrases_;  // each a run of lower-case words
  std::unordered_map<std::string, std::vector<size_t>> by_first_word_;  // -> phrases_
};

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_PROCEDURAL_H_
