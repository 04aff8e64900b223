// Titles and labels for a briefing and its events: a report's headline when
// it has a usable one, else a label cut from a sentence.
#ifndef DOSSIER_BRIEF_TITLES_H_
#define DOSSIER_BRIEF_TITLES_H_

#include <string>
#include <string_view>

#include "dossier/document.h"

namespace dossier {

// The document's headline when it can title a briefing: 2 to 25 words, not a
// path, an address or an id; else empty.
std::string UsableHeadline(const Document& doc);

// A short label from a sentence: white space collapsed, cut at the first
// clause boundary (", which", ", who", "; ", " – ", ": " ...) after at least
// kMinLabelWords words, or after kMaxLabelWords words, closing punctuation
// dropped, "…" where words were cut.
inline constexpr size_t kMinLabelWords = 6;
inline constexpr size_t kMaxLabelWords = 14;
std::string LabelFromSentence(std::string_view sentence);

}  // namespace dossier

#endif  // DOSSIER_BRIEF_TITLES_H_
