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
// Create() loads data/speaker_titles.txt once; Parse() is const and
// thread-safe.
#ifndef DOSSIER_SEGMENT_TRANSCRIPT_H_
#define DOSSIER_SEGMENT_TRANSCRIPT_H_

#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"
#include "util/data_files.h"

namespace dossier {

class TranscriptParser {
 public:
  static Result<TranscriptParser> Create(std::string_view data_dir);

  // Turns found in `text`, whose paragraphs (non-empty, in order) are given.
  // Returns no turns when the text is not a transcript.
  std::vector<Turn> Parse(std::string_view text, const std::vector<Span>& paragraphs) const;

  // Normalizes a speaker label ("FOREIGN MINISTER LAVROV", "President of
  // Russia Vladimir Putin") to a name ("Lavrov", "Vladimir Putin"); the title
  // it stripped goes to *role ("Foreign Minister", "President of Russia").
  std::string NormalizeSpeaker(std::string_view label, std::string* role) const;

 private:
  WordList titles_;  // lower-case titles and honorifics: "mr", "secretary", "foreign minister"
};

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_TRANSCRIPT_H_
