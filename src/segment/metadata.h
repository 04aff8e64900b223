// Document metadata found in the text itself: the headline and the date of
// a plain-text report, when the input did not give them.
//
//   DetectMetadata(&doc);                        // after clutter and turns
//   if (IsPhotoCaption(paragraph_text)) { ... }  // a caption: no date of the story
//
// Both are pure functions of their arguments (thread-safe). Offsets are
// bytes of Document::text.
#ifndef DOSSIER_SEGMENT_METADATA_H_
#define DOSSIER_SEGMENT_METADATA_H_

#include <string_view>

#include "dossier/document.h"

namespace dossier {

// Looks at the first paragraphs of an analysed document (paragraphs and
// turns filled in). Sets title/title_span and date/date_span where found and
// not already known, and removes a headline or a bare date line from
// doc->paragraphs so they are not taken for sentences. Turn labels are never
// taken for a headline.
//
// Headline: the first paragraph, when short (at most 25 words), not ending
// like a sentence, not a date line, not a caption (IsPhotoCaption), and not
// the only paragraph.
// Date, when the byline carries none: the first full date ("November 27,
// 2015") in the first 160 bytes of one of the first 8 paragraphs that is
// not a caption, where either
//   - the paragraph is a date line: at most 14 words ("Posted Tuesday,
//     November 21, 2015 5:27 pm"), or
//   - the date stands in a dateline: within the first 40 bytes, after
//     nothing but capitals and punctuation ("WASHINGTON, ", or nothing) and
//     before a dash, "(", "/" or ":" ("WASHINGTON, Nov. 27, 2015 -- The
//     talks", "CHICAGO, Nov. 30, 2015 /Wire/ --"). A story sentence that
//     opens with a date ("On May 4, 2001, he fled ...") does not date the
//     document: its date is the event's, often an old one.
// A paragraph of at most 6 words holding that date is removed.
// Dateline: a newswire dateline opening the first paragraph ("WASHINGTON
// (AP) — ", "COLUMBIA, S.C. - ") is set apart (Document::dateline_span, the
// agency becomes the source when none is known); a caption has none ("FILE -"
// is a file note, not a place).
void DetectMetadata(Document* doc);

// True when `paragraph` is a photo caption or a file-photo note, whose dates
// are those of a picture, not of the story. It has at most 80 words (a
// longer one is story text, perhaps with a caption joined to it), and
//   - it ends (before final periods and spaces) with a parenthesised credit
//     that starts with a capital and holds a photo word (photo(s),
//     photograph(s), image(s), picture(s), video(s)) or a slash between
//     letters: "(AP Photo/Jane Roe)", "(Photo: City of Lanark)", "(Getty
//     Images)", "(Wire/Jane Roe)";
//   - or a file note opens it: "FILE" or "FILE PHOTO" in capitals, then a
//     dash ("-", "--", "—", "–", "_", with or without a space before it)
//     or ":", then a space ("FILE - In this May 4, 2001, file photo, ...");
//   - or it opens with "In this", "In these", "This" or "These", and a
//     photo word is one of the next 8 words ("In this undated handout photo
//     provided by ...", "This Sept. 30, 2003, file photo shows ...");
//   - or it opens with a label: a photo word or "caption", after "file" or
//     not, ending in ":" or followed by "by" ("Photo: ...", "File photo:",
//     "Photo by Jane Roe").
// The openings may follow a parenthesised note of at most 40 bytes, the
// credit of the caption before ("(Wire) FILE - ..."). Words compare
// without regard to case, except the file note's capitals.
bool IsPhotoCaption(std::string_view paragraph);

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_METADATA_H_
