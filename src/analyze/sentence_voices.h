// Who speaks each sentence of a document, for the summary: the speaker of
// its transcript turn or of the quotation it mostly is, whether it names that
// speaker itself, and whether it may stand in a summary at all.
//
//   std::vector<Quote> quotes = quote_extractor.Extract(doc);
//   std::vector<SentenceVoice> voices = voice_finder.Find(doc, quotes);
//   if (voices[s].barred) ...   // never in a summary
//
// Rules:
//   - A sentence of a transcript turn is said by the turn's speaker (a role
//     such as "Moderator" for a generic label); a question turn has none. The
//     line does not name its speaker, so `needs_speaker` is set.
//   - Otherwise, when attributed quotations (direct or reported, from
//     QuoteExtractor) cover at least half of the sentence's bytes, it is
//     said by their speaker; it names them itself when it has a verb of
//     saying outside quotation marks ("'...,' Hollande said."; "The group
//     said ..."), else (a quotation continued) `needs_speaker` is set.
//   - Otherwise a sentence with first-person words outside quotation marks is
//     the author's (an op-ed, a dispatch): the byline's first name (before a
//     comma or a word of data/en/byline_joiners.txt: "and"), else kAuthor.
//   - `first_person`: a word of data/en/first_person_words.txt (not one marked
//     inclusive: "our solar system") outside every
//     quotation (quotation marks paired within the paragraph; a mark left
//     open quotes to the paragraph's end), or inside one when the sentence
//     is mostly (kMostlyQuoted) quotation and has no verb of saying
//     (data/en/speech_verbs.txt) outside it: a quotation no one is named for.
//   - `procedural`: ProceduralMatcher.
//   - `barred`: procedural, a line of a role running the event (MODERATOR,
//     STAFF: Turn::is_role), or first person with no speaker (so: inside a
//     quotation no one is named for).
// Create() loads the word lists once; Find() is const and thread-safe.
#ifndef DOSSIER_ANALYZE_SENTENCE_VOICES_H_
#define DOSSIER_ANALYZE_SENTENCE_VOICES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/procedural.h"
#include "analyze/quote_words.h"
#include "analyze/quotes.h"
#include "dossier/document.h"
#include "dossier/status.h"
#include "util/data_files.h"
#include "util/flat_id_map.h"
#include "util/hash.h"
#include "util/word_shapes.h"

namespace dossier {

struct SentenceVoice {
  std::string speaker;         // as the quote or turn names them; empty when unknown
  bool needs_speaker = false;  // the sentence does not name its speaker
  bool first_person = false;
  bool procedural = false;
  bool barred = false;
};

class SentenceVoiceFinder {
 public:
  // The speaker of first-person narration in a document without a byline.
  static constexpr std::string_view kAuthor = "The author";
  static constexpr double kMostlyQuoted = 0.7;

  // Loads the word lists of `language` from `data_dir`, or the built-in
  // copies when empty; kNotFound when a list is missing for the language.
  static Result<SentenceVoiceFinder> Create(std::string_view data_dir,
                                            std::string_view language = "en");

  // One voice per sentence of `doc`; `quotes` are QuoteExtractor::Extract(doc).
  std::vector<SentenceVoice> Find(const Document& doc, const std::vector<Quote>& quotes) const;

  const ProceduralMatcher& procedural() const { return procedural_; }

 private:
  // What a word is, for Find(): one lookup per token.
  enum WordFlag : uint8_t {
    kFirstPerson = 1,  // data/en/first_person_words.txt
    kInclusive = 2,    // "our", "us": first person only inside a quotation
    kVerb = 4,         // a verb of saying (first column of speech_verbs.txt)
  };
  SentenceVoiceFinder(ProceduralMatcher procedural,
                      const std::unordered_map<std::string, uint8_t>& flags);
  // Looked up for every token of every sentence: a shape test, then an
  // open-addressing table of word hashes, the word compared on a hit.
  uint8_t FlagsOf(std::string_view word) const {
    if (!shapes_.MayContain(word)) return 0;
    const uint32_t id = ids_.Find(HashBytes(word));
    return id != FlatIdMap::kNotFound && words_[id] == word ? flags_[id] : 0;
  }
  ProceduralMatcher procedural_;
  FlatIdMap ids_;                   // HashBytes(word) -> index into words_, flags_
  std::vector<std::string> words_;  // the flagged words, lower case
  std::vector<uint8_t> flags_;      // their WordFlags
  WordShapes shapes_;               // rules most words out before hashing
  WordList byline_joiners_;         // data/en/byline_joiners.txt: "and"
  QuoteGrammar grammar_;            // quote_grammar.txt: the quotation marks
};

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_SENTENCE_VOICES_H_
