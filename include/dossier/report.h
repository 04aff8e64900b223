// Rendering an analysed cluster for people (Markdown) and programs (JSON).
//
//   std::cout << RenderMarkdown(cluster, {});
//   std::cout << RenderJson(cluster, {}) << "\n";   // one line per cluster
//
// Every span is shown twice: "span" in the normalized text and
// "source_span" in the document's original input (Document::raw), so a
// citation can be checked by slicing the source. The JSON layout is
// described in docs/FORMATS.md (schema "dossier.brief", version in
// kBriefSchemaVersion). Pure functions; thread-safe.
#ifndef DOSSIER_REPORT_H_
#define DOSSIER_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "dossier/briefing.h"
#include "dossier/document.h"
#include "dossier/status.h"

namespace dossier {

inline constexpr const char* kBriefSchemaVersion = "0.4";

struct RenderOptions {
  bool documents = true;  // list each document's sentences and turns (the analysis)
  bool tokens = false;    // list each sentence's tokens (lower form, stem, stopword)
  bool clutter = true;    // list the lines removed as clutter
};

// `briefing` may be null (the analysis only).
std::string RenderMarkdown(const Cluster& cluster, const Briefing* briefing,
                           const RenderOptions& options);
// One JSON object, no newline inside.
std::string RenderJson(const Cluster& cluster, const Briefing* briefing,
                       const RenderOptions& options);
// A self-contained HTML page (inline CSS/JS, no network; a Content-Security-
// Policy forbids every request) where each citation highlights the cited
// passage. All source text is escaped.
std::string RenderHtml(const Cluster& cluster, const Briefing& briefing);
// One story of a digest (`dossier digest`), as its index lists it.
struct DigestEntry {
  std::string id;     // "s12"
  size_t rank = 0;    // 1 = first
  std::string title;  // a headline: an article's title, else the summary's opening
  std::string page;   // link to the story's briefing page, relative to the index
  size_t articles = 0, outlets = 0, duplicates = 0;
  std::vector<std::string> sources;   // outlets named by the articles
  std::vector<std::string> keywords;  // the story's heaviest terms
  std::string first_date, last_date;  // "YYYY-MM-DD" or empty
  std::string lead;                   // the summary's first sentences
};

// The digest's index: a self-contained HTML page (same safety rules as
// RenderHtml) listing the stories in rank order, each linking its page.
// `heading` names the run ("1,204 articles from feed.jsonl").
std::string RenderDigestIndex(const std::vector<DigestEntry>& stories, std::string_view heading);

// "input: message (byte N)" prefixed with "error: " or "warning: ".
std::string FormatDiagnostic(const Diagnostic& diagnostic);

// A count with its noun, singular or plural: "1 report", "3 reports" (all
// the wording of reports and command messages uses it).
inline std::string CountOf(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace dossier

#endif  // DOSSIER_REPORT_H_
