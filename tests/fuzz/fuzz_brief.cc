// Fuzz target: a cluster of up to four texts (split at 0x1E bytes) -> full
// analysis -> briefing (summary, quotes, figures, entities, timeline) ->
// Markdown, JSON and HTML. Every cited span must lie inside its document.
#include <cstdint>
#include <string>
#include <vector>

#include "dossier/briefing.h"
#include "dossier/report.h"
#include "fuzz_checks.h"
#include "ingest/readers.h"

namespace {

const dossier::Briefer& FuzzBriefer() {
  static const dossier::Briefer* briefer = [] {
    dossier::Result<dossier::Briefer> b = dossier::Briefer::Create({});
    dossier::fuzz::Require(b.ok());
    return new dossier::Briefer(std::move(*b));
  }();
  return *briefer;
}

void CheckCitation(const dossier::Cluster& c, const dossier::Citation& x) {
  dossier::fuzz::Require(x.document < c.documents.size());
  const dossier::Document& doc = c.documents[x.document];
  dossier::fuzz::CheckSpan(doc, x.span);
  dossier::fuzz::Require(x.sentence < doc.sentences.size() || doc.sentences.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Cluster cluster = fuzz::AnalyzedCluster(bytes, 4);
  if (cluster.documents.empty()) return 0;
  const Briefing b = FuzzBriefer().Brief(cluster);
  for (const SpeakerEntry& s : b.speakers) {
    for (const QuoteRef& q : s.quotes) {
      fuzz::Require(q.document < cluster.documents.size());
      fuzz::CheckSpan(cluster.documents[q.document], q.span);
    }
  }
  for (const FigureEntry& f : b.figures) {
    for (const FigureEntry::Mention& m : f.mentions) CheckCitation(cluster, m.where);
  }
  for (const FigureEntry& f : b.single_source_figures) {
    for (const FigureEntry::Mention& m : f.mentions) CheckCitation(cluster, m.where);
  }
  for (const EntityEntry& e : b.entities) {
    fuzz::Require(e.mentions_per_document.size() == cluster.documents.size());
    for (const Citation& c : e.first_mentions) CheckCitation(cluster, c);
  }
  for (const TimelineEntry& t : b.timeline) {
    for (const Citation& c : t.citations) CheckCitation(cluster, c);
  }
  for (const auto& row : b.coverage) fuzz::Require(row.size() == cluster.documents.size());
  fuzz::Require(IsValidUtf8(RenderMarkdown(cluster, &b, {})));
  fuzz::Require(IsValidUtf8(RenderJson(cluster, &b, {})));
  fuzz::Require(IsValidUtf8(RenderHtml(cluster, b)));
  return 0;
}
