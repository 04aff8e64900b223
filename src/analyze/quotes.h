// QuoteExtractor: who said what. Finds direct quotes, reported speech and
// transcript turns in an analysed document and attributes each to a speaker.
//
//   Result<QuoteExtractor> quotes = QuoteExtractor::Create(options.data_dir);
//   for (const Quote& q : quotes->Extract(doc))
//     std::cout << q.speaker << ": " << q.span.Slice(doc.text);
//
// Extract() needs a document analysed by Pipeline::Analyze (paragraphs,
// sentences, turns). Create() loads data/speech_verbs.txt,
// data/person_titles.txt, data/abbreviations.txt and data/name_genders.txt
// once; Extract() is const and thread-safe. Spans are byte ranges into
// Document::text.
//
// Patterns (straight or curly double quotes):
//   "...," said X.  /  "...," X said.  /  X said, "..."  /  X told reporters "..."
//   "...," he told reporters.  (pronouns resolve, see below)
//   "A," said X, "B."          two quotes, both attributed to X
//   "A," X said. "B."          B, a whole quoted sentence with no attribution of
//                              its own, goes to the speaker of the quote before
//                              it in the same paragraph
//   X said (that) ...          reported: the clause after the verb (and its
//                              listener, "told reporters"), to the sentence end
//   ..., according to X.  /  According to X, ...   reported: the rest of the
//                              sentence
//   transcript turns           one kTurn quote per turn that is not a question
// Quote marks inside reported speech or with no attribution next to them
// (scare quotes, quoted fragments) give no quote of their own. A quote that
// ends with a period ends its sentence: the words after it are not its
// attribution. Sentences inside transcript turns are not searched for quotes.
//
// Speakers: a name is 1-4 capitalized words, optionally after titles from
// person_titles.txt and a leading "the" (organizations: "the RTSO"). A
// function title ("Mayor", "Transport Minister") becomes the role; an
// honorific (Mr, Dr) is dropped; an apposition after the name (", a
// spokesperson for the company,") becomes the role instead, cut before a
// relative clause ("who...", "which..."). Right before the verb, the name
// may end a description ("proxy advisory firm Glass Lewis said") or follow
// "both", "with", "and" ("with Hollande saying"); "X and Y said ..." gives
// the quote to both. "X said: "..."" and "..., and X stressing that "..."":
// an attribution ending in a colon, or in the verb or "that" right before
// an opening mark, belongs to the quote after it. Reported clauses start
// after a time adverbial ("said Tuesday that", "said on Friday"), a
// listener ("told reporters", "told the Commons", "told CNN"; "told a news
// conference." has no clause), or a parenthetical attribution ("Russia, Obama
// said, is an outlier" -> "is an outlier").
// Pronouns: "he"/"she"/"they" and "the minister" refer to a person named
// before them outside the quote itself whose name words do not appear in
// the quote (nobody calls himself "President Obama"). Candidates are titled
// names, named speakers (not organizations: no leading "the", no acronym)
// and every other mention of their surnames; "he"/"she" skip candidates
// whose given name name_genders.txt lists with the other gender; "the
// minister" needs a role ending in that title. The nearest sentence with a
// candidate wins; in it, a speaker first, else the first name (most often
// the subject). Speaker names are then replaced by the fullest name in the
// document (any run of capitalized words not right after "of") ending with
// the same words ("Duarte" -> "Elena Duarte"); of several ("Mollie Olgin",
// "Mario Olgin"), the one named as a speaker, else none.
// Unnamed speakers ("officials said", "the firm said") give no quote.
#ifndef DOSSIER_ANALYZE_QUOTES_H_
#define DOSSIER_ANALYZE_QUOTES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"

namespace dossier {

struct Quote {
  enum class Kind { kDirect, kReported, kTurn };

  Span span;            // the quoted words (inside the marks), the reported clause, or the turn
  Span speaker_span;    // where the speaker is named; empty when resolved from a pronoun or a turn
  std::string speaker;  // normalized name: "Elena Duarte", "Regional Transit Safety Office"
  std::string role;     // "Mayor", "spokesperson for the company"; empty when not given
  Kind kind = Kind::kDirect;
  uint32_t sentence = 0;  // index into Document::sentences
};

const char* QuoteKindName(Quote::Kind kind);

class QuoteExtractor {
 public:
  // Loads the word lists from `data_dir`, or the built-in copies when empty.
  static Result<QuoteExtractor> Create(std::string_view data_dir);

  // The quotes of an analysed document, in text order.
  std::vector<Quote> Extract(const Document& doc) const;

 private:
  struct Verb {
    bool needs_that = false;  // reported speech only with "that"
    bool takes_object = false;
  };
  struct Title {
    bool honorific = false;
  };
  class Run;

  std::unordered_map<std::string, Verb> verbs_;
  std::unordered_map<std::string, Title> titles_;
  std::unordered_map<std::string, char> genders_;  // given name -> 'f' or 'm'
  std::unordered_set<std::string>
      abbreviations_;  // "dr", "st", "u.s": their period stays on the word
};

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_QUOTES_H_
