// The document model every stage reads and fills in.
//
//   for (const Document& doc : cluster.documents)
//     for (const Sentence& s : doc.sentences)
//       std::cout << s.span.Slice(doc.text) << "  <- bytes "
//                 << doc.map.ToOriginal(s.span).begin << " of " << doc.origin;
//
// A Document owns its original input bytes (`raw`) and its normalized text
// (`text`: valid UTF-8, NFC, "\n" line ends). Every analysis result is a
// Span into `text`; `map` takes any such span back to `raw`. Documents are
// plain values; once analyzed they are read-only and can be shared.
#ifndef DOSSIER_DOCUMENT_H_
#define DOSSIER_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/span.h"
#include "dossier/status.h"

namespace dossier {

// Why a line was kept out of analysis.
enum class ClutterKind {
  kBoilerplate,   // "Advertisement", "In this article", share/cookie prompts
  kRepeatedLine,  // the same line twice in a row (a repeated headline)
  kPhotoCredit,   // "(Photo: Reuters)", captions ("FILE - In this 2001 file photo, ...")
  kLinkList,      // the tag or link lines under "In this article", "Related"
  kByline,        // "By Jane Roe, Staff Writer" (kept in Document::byline)
};
const char* ClutterKindName(ClutterKind kind);

struct ClutterLine {
  Span span;
  ClutterKind kind;
};

// One speaker turn of a transcript: "SECRETARY KERRY: Well, good evening..."
// and the unlabelled paragraphs that follow it.
struct Turn {
  Span label;                // "SECRETARY KERRY:" including the colon and notes
  Span span;                 // the turn's text after the label, to the next turn
  std::string speaker;       // normalized: "Kerry", "Vladimir Putin", "Question"
  std::string role;          // title given in the label: "Secretary", "President of Russia"
  std::string note;          // "via interpreter", "retranslated"; empty if none
  bool is_question = false;  // QUESTION:, Q:, a journalist's turn
  // The label names a role running the event, not a person (STAFF:,
  // MODERATOR:, OPERATOR:: kind "role" in speaker_roles.txt); `speaker` is
  // the role.
  bool is_role = false;
};

struct Token {
  Span span;
  std::string lower;       // case-folded surface form
  std::string stem;        // Snowball English (Porter2) stem of `lower`
  uint64_t stem_hash = 0;  // a hash of `stem`: equal stems, equal hashes
  bool is_stopword = false;
  bool is_number = false;
};

struct Sentence {
  Span span;
  uint32_t token_begin = 0;  // tokens [token_begin, token_end) of the document
  uint32_t token_end = 0;
  int32_t paragraph = -1;        // index into Document::paragraphs
  int32_t turn = -1;             // index into Document::turns, -1 outside turns
  bool stage_direction = false;  // "(Laughter.)", "(Inaudible.)"
  // Not a full sentence: a short paragraph without closing punctuation (a
  // section heading, a transcript header line such as "Press Availability").
  bool fragment = false;
};

struct Document {
  // Metadata, empty where unknown.
  std::string id;      // record id, or the file path
  std::string source;  // outlet
  std::string title;
  std::string date;  // ISO 8601 YYYY-MM-DD when known
  std::string url;
  std::string byline;  // "By Jane Roe, Staff Writer" without "By"
  std::string origin;  // where it was read: "dir/a.txt", "feed.jsonl:17"
  // A story label the input gives (JSON Lines "story", a string or number):
  // the gold label `dossier eval-cluster` scores against; empty when none.
  std::string story;
  // The language the input declares (<html lang>, og:locale, a JSON Lines "language" field):
  // a tag as given ("de-DE"), empty when none.
  std::string declared_language;
  // Filled by analysis (Pipeline::Analyze): the language the document is analysed in (ISO
  // 639-1, "de"), and how it was chosen: "given" (--language), "declared", "detected", or
  // "default" (too little text to tell: English).
  std::string language;
  std::string language_origin;

  std::string raw;   // the original input bytes of this document
  std::string text;  // normalized text
  OffsetMap map;     // text -> raw
  // A PDF: `raw` is the text of its text layer (not the PDF's bytes) and
  // pages[k] is the offset in `raw` where page k+1 begins, so a citation can
  // name the page (PageOf). Empty for every other input.
  std::vector<uint32_t> pages;

  // Filled by analysis.
  std::vector<ClutterLine> clutter;  // lines removed from analysis
  std::vector<Span> paragraphs;      // analysed paragraphs, in order
  std::vector<Turn> turns;           // empty unless a transcript
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  Span title_span;     // where the title stands in text, if it does
  Span date_span;      // where the date was found in text, if it was
  Span dateline_span;  // "WASHINGTON (AP) —" opening the story, kept out of its sentence

  bool is_transcript() const { return !turns.empty(); }
  // The page (from 1) holding `raw` offset `raw_offset`, and that offset
  // within the page; {0, raw_offset} when the document has no pages.
  std::pair<uint32_t, uint32_t> PageOf(uint32_t raw_offset) const;
  // The index of the last sentence starting at or before text byte `offset`
  // (0 when none does). Sentences are in text order.
  uint32_t SentenceAt(uint32_t offset) const;
};

// Documents about one story, briefed together.
struct Cluster {
  std::string id;
  std::string origin;  // "seeds/" or "dev.jsonl:12"
  std::vector<Document> documents;
  std::vector<std::string> references;  // reference summaries (Multi-News)
  std::vector<Diagnostic> diagnostics;  // problems met reading this cluster
};

// Documents as bytes, to move them between processes (python3 -m
// dossier.dask): every field above except the analysis (clutter, paragraphs,
// turns, sentences, tokens), which the next Pipeline::Analyze makes again.
// LoadDocuments checks every length and offset: damaged bytes give an error
// naming `origin` and the byte, never a crash.
std::string SaveDocuments(const std::vector<Document>& documents);
Result<std::vector<Document>> LoadDocuments(std::string_view bytes, const std::string& origin);

}  // namespace dossier

#endif  // DOSSIER_DOCUMENT_H_
