// SentenceTrimmer: a shorter version of a sentence that keeps its news, cut
// by a small documented rule set (docs/SUMMARIZER.md "Trimming"):
//
//   1. an attribution tail: ", officials said on Tuesday." -> "." — the last
//      clause after a comma, at most `kMaxTailWords` words, with a speech verb
//      (data/en/speech_verbs.txt, not an -ing form: "claiming 80 lives" is
//      news) among its first three words, no quotation mark or parenthesis in
//      it and no quotation open before it;
//   2. parentheticals: " (the agency's second in a month)" — at most
//      `kMaxParentheticalWords` words, not opening the sentence;
//   3. a leading adverbial: "On Tuesday, " / "According to the police, " —
//      an opening phrase of at most five words ending in a comma whose first
//      word is listed in data/en/leading_adverbials.txt, when what follows
//      opens with a capital letter or a digit.
//
// The result is the kept pieces of the sentence (byte spans in the
// document's text, in order): slicing and joining them gives the trimmed
// text, so every kept byte can be cited. What is left must keep at least six
// words.
//
//   Result<SentenceTrimmer> t = SentenceTrimmer::Create(data_dir);
//   std::vector<Span> parts = t->Trim(doc, sentence);   // empty: nothing to trim
//
// Create() loads the word lists; Trim() is const and thread-safe.
#ifndef DOSSIER_REPRESENT_SENTENCE_TRIMS_H_
#define DOSSIER_REPRESENT_SENTENCE_TRIMS_H_

#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"
#include "util/data_files.h"

namespace dossier {

class SentenceTrimmer {
 public:
  static constexpr int kMaxTailWords = 10;
  static constexpr int kMaxParentheticalWords = 12;
  static constexpr int kMaxLeadWords = 5;

  static Result<SentenceTrimmer> Create(std::string_view data_dir);

  // The pieces of `sentence` its trimmed version keeps, or nothing when no
  // rule applies.
  std::vector<Span> Trim(const Document& doc, const Sentence& sentence) const;

 private:
  WordList speech_verbs_;  // first column of speech_verbs.txt
  WordList leading_adverbials_;
};

}  // namespace dossier

#endif  // DOSSIER_REPRESENT_SENTENCE_TRIMS_H_
