// TranscriptParser: finds speaker turns in press-conference and interview
// transcripts.
//
//   Result<TranscriptParser> p = TranscriptParser::Create(data_dir);
//   std::vector<Turn> turns = p->Parse(doc.text, doc.paragraphs);
//
// A turn starts with a speaker label at the start of a paragraph:
//   "Vladimir Putin:", "SECRETARY KERRY:", "FOREIGN MINISTER LAVROV: (Via
//   interpreter)", "QUESTION:", "President of France Francois Hollande
//   (retranslated):", "MR KIRBY:", "Q:"
// and runs over the following unlabelled paragraphs up to the next label.
// A document is treated as a transcript only when its labels are convincing
// (several of them, repeated speakers or a QUESTION turn), so a news line
// such as "Update: ..." is not a turn.
//
// Create() loads, for its language (data/<language>/), speaker_titles.txt,
// speaker_roles.txt and the "labels" words of name_particles.txt (particles,
// connectives such as "of", the "the" before a title, prefixes such as "Mc")
// once; Parse() and NormalizeSpeaker() are const and thread-safe.
//
// Normalization: titles are stripped from the front of the label and kept
// in Turn::role in title case ("Foreign Minister"); honorifics (Mr, Dr) are
// stripped and dropped, so "MR KIRBY" has the role "". All-caps names are
// case-folded ("DE MISTURA" -> "de Mistura", "O'BRIEN" -> "O'Brien"). A
// generic label (QUESTION, Q, MODERATOR) gives a fixed speaker name
// ("Question", "Moderator") and no role. Turn::note is a known interpreter
// note in lower case ("via interpreter", "retranslated"); another short
// parenthetical before the colon is kept as written ("REP. JOHN DOE (D-CA):"
// -> "D-CA").
#ifndef DOSSIER_SEGMENT_TRANSCRIPT_H_
#define DOSSIER_SEGMENT_TRANSCRIPT_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"
#include "util/word_kinds.h"

namespace dossier {

class TranscriptParser {
 public:
  // Loads the word lists of `language` from `data_dir`, or the built-in
  // copies when empty; kNotFound when a list is missing for the language.
  static Result<TranscriptParser> Create(std::string_view data_dir,
                                         std::string_view language = "en");

  // Turns found in `text`, whose paragraphs (non-empty, in order) are given.
  // Returns no turns when the text is not a transcript.
  std::vector<Turn> Parse(std::string_view text, const std::vector<Span>& paragraphs) const;

  // When text[pos] starts a known interpreter note ("(Via interpreter)",
  // "(retranslated)"), returns the position just past its ")"; else pos.
  // Such notes open continuation paragraphs of a turn and are not speech.
  size_t SkipNote(std::string_view text, size_t pos) const;

  // Normalizes a speaker label ("FOREIGN MINISTER LAVROV", "President of
  // Russia Vladimir Putin") to a name ("Lavrov", "Vladimir Putin"); the title
  // it stripped goes to *role ("Foreign Minister", "President of Russia").
  std::string NormalizeSpeaker(std::string_view label, std::string* role) const;

 private:
  // A generic label from speaker_roles.txt.
  struct GenericRole {
    enum class Kind { kQuestion, kSpeaker, kRole, kNone, kNote };
    Kind kind = Kind::kSpeaker;
    std::string speaker;  // the speaker name the turn gets
  };
  // A label found at the start of a paragraph.
  struct Label;
  // What NormalizeSpeaker() learns from the words of a label.
  struct Speaker {
    std::string name;
    std::string role;
    bool is_question = false;
    bool is_role = false;  // a role running the event (MODERATOR, STAFF): Turn::is_role
    bool generic = false;  // a generic role (QUESTION, MODERATOR), not a name
    bool none = false;     // not a speaker ("Update", "Note")
    bool strong = false;   // has a title or role, or two name words
  };

  bool ScanLabel(std::string_view text, Span paragraph, Label* label) const;
  Speaker Normalize(std::string_view words) const;
  const GenericRole* FindRole(std::string_view key) const;

  // Lower-case titles -> true for honorifics ("mr"), false for offices.
  std::unordered_map<std::string, bool> titles_;
  size_t max_title_words_ = 0;
  std::unordered_set<std::string> acronyms_;            // "un", "nato": upper case in roles
  std::unordered_map<std::string, GenericRole> roles_;  // "question", "update", "retranslated"
  WordKinds particles_;  // name_particles.txt: "de", "of", "the", "mc"...
};

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_TRANSCRIPT_H_
