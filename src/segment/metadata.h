// Document metadata found in the text itself: the headline and the date of
// a plain-text report, when the input did not give them.
#ifndef DOSSIER_SEGMENT_METADATA_H_
#define DOSSIER_SEGMENT_METADATA_H_

#include "dossier/document.h"

namespace dossier {

// Looks at the first paragraphs of an analysed document (paragraphs and
// turns filled in). Sets title/title_span and date/date_span where found and
// not already known, and removes a headline or a bare date line from
// doc->paragraphs so they are not taken for sentences. Turn labels are never
// taken for a headline.
void DetectMetadata(Document* doc);

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_METADATA_H_
