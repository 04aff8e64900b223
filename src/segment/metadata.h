// Document metadata found in the text itself: the headline and the date of
// a plain-text report, when the input did not give them.
//
//   Result<MetadataDetector> m = MetadataDetector::Create(data_dir);  // "en"
//   m->Detect(&doc);                                // after clutter and turns
//   if (m->IsPhotoCaption(paragraph_text)) { ... }  // a caption: no date of the story
//
// The words come from data/<language>/: captions.txt (photo words, caption
// openers and labels, file notes), bylines.txt (the byline's opening word)
// and months.txt/weekdays.txt (dates, util/dates.h). Create() loads them
// once; Detect() and IsPhotoCaption() are const and thread-safe. Offsets
// are bytes of Document::text. The free functions DetectMetadata and
// IsPhotoCaption use the built-in English lists (MetadataDetector::BuiltIn).
#ifndef DOSSIER_SEGMENT_METADATA_H_
#define DOSSIER_SEGMENT_METADATA_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"
#include "util/dates.h"

namespace dossier {

// Detect() looks at the first paragraphs of an analysed document
// (paragraphs and turns filled in). Sets title/title_span and date/date_span where found and
// not already known, and removes a headline or a bare date line from
// doc->paragraphs so they are not taken for sentences. Turn labels are never
// taken for a headline.
//
// Headline: the first paragraph, when short (at most 25 words), not ending
// like a sentence, not a date line, not a caption (IsPhotoCaption), not
// opening with a newswire dateline (then it is the story's first sentence),
// and not the only paragraph; a list mark before it ("*", "#", "•") is
// dropped. Such a paragraph ending with a colon introduces the text ("The
// New York Times said in an editorial for Friday, Sept. 10:"): it is
// removed, and is no headline.
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
// Byline: a byline line set apart as clutter (ClutterKind::kByline) gives
// the byline (the name after its opening word, bylines.txt "line") and the
// date it holds.
//
// IsPhotoCaption() is true when `paragraph` is a photo caption or a
// file-photo note, whose dates are those of a picture, not of the story. It has at most 80 words (a
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
//
// The words named above are the English ones of data/en/captions.txt,
// bylines.txt and months.txt. Another language's detector reads its own
// months.txt and adds its captions.txt and bylines.txt, where it has them, to
// English's ("Foto: dpa", "Von Max Beispiel"); words compare case-folded in
// any script ("ФОТО:"), and a label's colon may stand apart ("Photo : AFP").
class MetadataDetector {
 public:
  // Reads en/captions.txt and en/bylines.txt, `language`'s own where it has
  // them, and `language`/months.txt and weekdays.txt from `data_dir` (or the
  // built-in copies); kNotFound when a required one is absent.
  static Result<MetadataDetector> Create(std::string_view data_dir,
                                         std::string_view language = "en");
  // The built-in English lists, loaded once.
  static const MetadataDetector& BuiltIn();
  // Whether `language` (not English) has a captions.txt or bylines.txt of its own.
  static bool HasOwnLists(std::string_view data_dir, std::string_view language);

  // Looks at the first paragraphs of `doc` (see above).
  void Detect(Document* doc) const;
  // Whether `paragraph` is a photo caption or a file-photo note (see above).
  bool IsPhotoCaption(std::string_view paragraph) const;
  // The length of the byline opening of `line` ("By " in "By Jane Roe"): a
  // bylines.txt "line" word, capitalized or in capitals (in any script:
  // "Автор:"), and a space; 0 when none opens it.
  size_t BylineOpening(std::string_view line) const;

  const CalendarNames& calendar() const { return calendar_; }

 private:
  using Words = std::vector<std::vector<std::string>>;  // phrases, word by word
  bool IsPhotoWord(std::string_view lower) const;
  size_t FileNoteLength(std::string_view s) const;
  bool OpensWithPhotoPhrase(const std::vector<std::string_view>& words) const;
  bool OpensWithPhotoLabel(const std::vector<std::string_view>& words) const;
  bool EndsWithPhotoCredit(std::string_view s) const;

  CalendarNames calendar_;
  std::vector<std::string> photo_words_;
  Words openers_;
  std::vector<std::string> labels_;
  std::vector<std::string> file_words_;
  std::vector<std::string> credit_words_;
  std::vector<std::string> file_notes_;       // as written, longest first
  std::vector<std::string> first_words_;      // that may open a caption (before a photo word)
  std::array<bool, 256> caption_initials_{};  // first bytes of a caption, '(' included
  std::vector<std::string> byline_words_;     // lower case
};

// MetadataDetector::BuiltIn().Detect(doc).
void DetectMetadata(Document* doc);

// MetadataDetector::BuiltIn().IsPhotoCaption(paragraph).
bool IsPhotoCaption(std::string_view paragraph);

// The place named by a dateline (Document::dateline_span's text): what comes
// before the agency, the dash and any date, without the punctuation after
// it. "GOTEBORG, Sweden (AP) _" -> "GOTEBORG, Sweden", "WASHINGTON, March
// 13 -" -> "WASHINGTON", "CHICAGO, Nov. 30, 2015 /Wire/ --" -> "CHICAGO",
// "COLUMBIA, S.C. -" -> "COLUMBIA, S.C."; empty when there is none.
std::string_view DatelinePlace(std::string_view dateline);

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_METADATA_H_
