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
//      opens with a capital letter or a digit;
//   4. a non-restrictive relative clause: ", who was appointed in May," /
//      ", which ..." to the final period — after a comma, opening on a word
//      of data/en/relative_pronouns.txt, at most `kMaxClauseWords` words, to
//      the next comma that ends it (not one that opens a list: "who wrote,
//      drew and lettered"), no quotation mark or parenthesis in it;
//   5. an appositive after a name: "Schulz, the creator of Peanuts, died" ->
//      "Schulz died", "Schulz, 77, died" — between two commas after a
//      capitalized word, opening on a word of data/en/appositive_openers.txt
//      or an age (one to three digits), at most `kMaxAppositiveWords` words,
//      not an item of a list (no word of data/en/list_joiners.txt in it or
//      right after it).
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

  static constexpr int kMaxClauseWords = 15;
  static constexpr int kMaxAppositiveWords = 10;

  // `clauses`: rules 4 and 5 apply too.
  static Result<SentenceTrimmer> Create(std::string_view data_dir, bool clauses = true);

  // The pieces of `sentence` its trimmed version keeps, or nothing when no
  // rule applies.
  std::vector<Span> Trim(const Document& doc, const Sentence& sentence) const;

 private:
  WordList speech_verbs_;  // first column of speech_verbs.txt
  WordList leading_adverbials_;
  WordList relative_pronouns_;
  WordList appositive_openers_;
  WordList list_joiners_;
  bool clauses_ = true;

  // Rules 4 and 5: clear `keep` over what they cut from `text`.
  void CutRelativeClauses(std::string_view text, std::vector<bool>* keep) const;
  void CutAppositives(std::string_view text, std::vector<bool>* keep) const;
};

}  // namespace dossier

#endif  // DOSSIER_REPRESENT_SENTENCE_TRIMS_H_
