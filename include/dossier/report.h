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
#include <vector>

#include "dossier/briefing.h"
#include "dossier/document.h"
#include "dossier/status.h"

namespace dossier {

inline constexpr const char* kBriefSchemaVersion = "0.3";

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
// "input: message (byte N)" prefixed with "error: " or "warning: ".
std::string FormatDiagnostic(const Diagnostic& diagnostic);

}  // namespace dossier

#endif  // DOSSIER_REPORT_H_
