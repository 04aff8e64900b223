// Fuzz target: a cluster of up to four texts (split at 0x1E bytes) -> full
// analysis -> briefing (summary, quotes, figures, entities, timeline) ->
// Markdown, JSON and HTML. Every cited span must lie inside its document; the
// pile's promises hold: one source entry per document, copies point to an
// original, no summary sentence or support from a copy or a document set
// aside, every story document in exactly one event, events in time order, a
// title, excerpts inside their quotes.
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
  const size_t n = cluster.documents.size();
  fuzz::Require(b.sources.size() == n);
  fuzz::Require(!b.title.empty());
  std::vector<int> in_events(n, 0);
  for (size_t e = 0; e < b.events.size(); ++e) {
    const EventEntry& ev = b.events[e];
    if (e > 0 && !ev.first_date.empty() && !b.events[e - 1].first_date.empty()) {
      fuzz::Require(b.events[e - 1].first_date <= ev.first_date);
    }
    fuzz::Require(ev.first_date <= ev.last_date || ev.last_date.empty());
    for (uint32_t d : ev.documents) {
      fuzz::Require(d < n && b.sources[d].event == static_cast<int32_t>(e));
      ++in_events[d];
    }
  }
  for (size_t d = 0; d < n; ++d) {
    const SourceEntry& s = b.sources[d];
    if (s.copy_of >= 0) {
      fuzz::Require(static_cast<size_t>(s.copy_of) < n && s.copy_of != static_cast<int32_t>(d));
      fuzz::Require(b.sources[static_cast<size_t>(s.copy_of)].copy_of < 0);
    }
    fuzz::Require(in_events[d] == (s.set_aside ? 0 : 1));
  }
  for (const SummarySentence& s : b.summary.sentences) {
    fuzz::Require(s.document < n && b.sources[s.document].copy_of < 0 &&
                  !b.sources[s.document].set_aside);
    fuzz::Require(s.independent_sources == s.support.size() + 1);
    for (const Support& sup : s.support) {
      fuzz::Require(sup.document < n && b.sources[sup.document].copy_of < 0 &&
                    !b.sources[sup.document].set_aside);
    }
  }
  for (const SpeakerEntry& s : b.speakers) {
    for (const QuoteRef& q : s.quotes) {
      fuzz::Require(q.document < cluster.documents.size());
      fuzz::CheckSpan(cluster.documents[q.document], q.span);
      fuzz::Require(q.excerpt.begin >= q.span.begin && q.excerpt.end <= q.span.end);
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
