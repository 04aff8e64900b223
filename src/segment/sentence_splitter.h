// SentenceSplitter: finds sentence boundaries in a paragraph of normalized
// news or transcript text.
//
//   Result<SentenceSplitter> s = SentenceSplitter::Create(data_dir);
//   std::vector<Span> out;
//   s->Split(doc.text, paragraph_span, &out);
//
// Rule-based, driven by the lists of its language (data/<language>/):
// abbreviations.txt, sentence_starters.txt, time_followers.txt and
// dialogue_tag_verbs.txt. Handles titles and abbreviations (Mr, Dr., Gen., U.S., U.N.,
// a.m./p.m., Dec.), initials, decimals and figures, quotes that close a
// sentence, ellipses, dashes and transcript stage directions such as
// "(Laughter.)", which become sentences of their own.
//
// Create() loads the lists once; Split() is const and thread-safe.
#ifndef DOSSIER_SEGMENT_SENTENCE_SPLITTER_H_
#define DOSSIER_SEGMENT_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "dossier/span.h"
#include "dossier/status.h"
#include "util/data_files.h"

namespace dossier {

class SentenceSplitter {
 public:
  // Loads the word lists of `language` from `data_dir` (empty: the built-in
  // copies); kNotFound when a list is missing for the language.
  static Result<SentenceSplitter> Create(std::string_view data_dir,
                                         std::string_view language = "en");

  // Appends to `out` the sentences of text[region.begin, region.end), in
  // order. Each span is trimmed of surrounding white space and non-empty;
  // together they cover every non-space byte of the region. A newline inside
  // the region is treated as white space (the caller splits paragraphs).
  //
  // With `caseless` (text written all in lower case, as some feeds and
  // datasets are), a lower-case word may start a sentence: the decisions use
  // the same abbreviation and starter lists, ignoring case.
  void Split(std::string_view text, Span region, std::vector<Span>* out,
             bool caseless = false) const;

 private:
  struct Next;  // what follows a candidate boundary

  static Next LookAtNext(std::string_view text, size_t pos, size_t end);
  // True if the capitalized word of `next` is a sentence starter.
  bool IsStarter(const Next& next) const;
  // Whether the terminator run text[term_begin, term_end), then closing
  // quotes/brackets up to `after`, ends the sentence begun at sentence_begin.
  bool EndsSentence(std::string_view text, size_t sentence_begin, size_t term_begin,
                    size_t term_end, size_t after, bool quote_closed, const Next& next) const;

  WordList abbreviations_;      // "mr", "dr", "gen", "u.s", "dec", ...
  WordList titles_;             // the abbreviations always followed by a name
  WordList sentence_starters_;  // words that start sentences after "U.S." etc.
  WordList times_;              // "a.m", "p.m"
  WordList time_followers_;     // words continuing a time: "Tuesday", "EST", "local"
  WordList tag_verbs_;          // verbs of a dialogue tag: "said", "asked"
};

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_SENTENCE_SPLITTER_H_
