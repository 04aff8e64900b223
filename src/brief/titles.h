// Titles and labels for a briefing and its events: a report's headline when
// it has a usable one, else a label cut from a sentence.
//
//   Result<SentenceLabeler> labeler = SentenceLabeler::Create(data_dir);
//   std::string title = UsableHeadline(doc);
//   if (title.empty()) title = labeler->FromSentence(sentence_text);
#ifndef DOSSIER_BRIEF_TITLES_H_
#define DOSSIER_BRIEF_TITLES_H_

#include <string>
#include <string_view>

#include "dossier/document.h"
#include "dossier/status.h"
#include "util/data_files.h"

namespace dossier {

// The document's headline when it can title a briefing: 2 to 25 words, not a
// path, an address or an id; else empty.
std::string UsableHeadline(const Document& doc);

inline constexpr size_t kMinLabelWords = 6;
inline constexpr size_t kMaxLabelWords = 14;

// Short labels from sentences. Create() loads
// data/<language>/clause_openers.txt and stopwords.txt once; FromSentence() is const and
// thread-safe.
class SentenceLabeler {
 public:
  // Loads the list of `language` from `data_dir`, or the built-in copy when
  // empty; kNotFound when it is missing for the language.
  static Result<SentenceLabeler> Create(std::string_view data_dir,
                                        std::string_view language = "en");

  // A short label from a sentence: white space collapsed, cut at the first
  // clause boundary (", which", ", who" (a comma, then a word of
  // clause_openers.txt), "; ", " – ", ": " ...) after at least
  // kMinLabelWords words, or after kMaxLabelWords words, closing punctuation
  // dropped, "…" where words were cut. A label cut short does not end on
  // a stopword (data/<language>/stopwords.txt): "will cover one quarter of"
  // becomes "will cover one quarter…", keeping kMinLabelWords at least.
  std::string FromSentence(std::string_view sentence) const;

 private:
  WordList clause_openers_;  // "which", "although", lower case
  WordList stopwords_;       // "of", "the", lower case
};

}  // namespace dossier

#endif  // DOSSIER_BRIEF_TITLES_H_
