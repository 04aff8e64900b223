// Layout and clutter: a document's lines, the page furniture among them,
// and the paragraphs left for analysis.
//
//   Result<ClutterFilter> f = ClutterFilter::Create(data_dir);
//   f->Apply(doc.text, &doc.paragraphs, &doc.clutter);
//
// Lines: "\n"-separated, trimmed, non-empty. A line is clutter when it is a
// boilerplate line (data/en/clutter_lines.txt), a short line starting with a
// prompt (data/en/clutter_prefixes.txt), a photo credit or caption
// (data/en/photo_credits.txt; or a whole caption line by IsPhotoCaption,
// segment/metadata.h: "FILE - In this May 4, 2001, file photo, ..."), or a short line repeated
// right after itself (a doubled headline), a byline ("By Jane Roe, Staff Writer": the opening
// word of data/en/bylines.txt, kind "line") or one of the
// short lines of a tag/link list under a header such as "In this article"
// (data/en/clutter_list_headers.txt). Paragraphs: each remaining line, except in hard-wrapped
// text, where consecutive lines join until a blank line.
// Create() loads the lists once: English's (data/en/), and for another language its own
// lists (data/<language>/clutter_lines.txt, ..., captions.txt and bylines.txt) added where
// they exist, every letter folded (English's filter folds ASCII only). Apply() is const and
// thread-safe.
#ifndef DOSSIER_SEGMENT_CLUTTER_H_
#define DOSSIER_SEGMENT_CLUTTER_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"
#include "segment/metadata.h"
#include "util/data_files.h"

namespace dossier {

// The non-empty lines of `text`, trimmed of white space.
std::vector<Span> SplitLines(std::string_view text);

class ClutterFilter {
 public:
  static Result<ClutterFilter> Create(std::string_view data_dir, std::string_view language = "en");
  // Whether `language` has a clutter list of its own (data/<language>/clutter_lines.txt, ...,
  // captions.txt, bylines.txt).
  static bool HasOwnLists(std::string_view data_dir, std::string_view language);

  void Apply(std::string_view text, std::vector<Span>* paragraphs,
             std::vector<ClutterLine>* clutter) const;

  // The clutter kind of one line (ignoring repetition), if it is clutter.
  std::optional<ClutterKind> Classify(std::string_view line) const;

  // The captions and byline openings it reads (English's, and its language's own).
  const MetadataDetector& metadata() const { return metadata_; }

 private:
  WordList lines_;
  WordList prefixes_;
  WordList credits_;
  WordList list_headers_;
  bool fold_ = false;          // lines keyed by FoldCase, not AsciiLower
  MetadataDetector metadata_;  // captions and byline openings
  // Which first two bytes start a prefix / a credit marker (a cheap filter).
  static uint16_t FirstTwo(std::string_view s);
  std::vector<bool> prefix_starts_;
  std::vector<bool> credit_starts_;
};

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_CLUTTER_H_
