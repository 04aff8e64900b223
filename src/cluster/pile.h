// PileAnalyzer: what a pile of documents given as one story really holds —
// copies of one report, documents about another story, the distinct events
// of the story, and the dates the undated reports can honestly take.
//
//   Result<PileAnalyzer> piles = PileAnalyzer::Create(options.data_dir, {});
//   Pile pile = piles->Analyze(cluster, times);   // times: TimelineBuilder::Extract per document
//   for (const PileEvent& e : pile.events) ...    // in time order
//   if (pile.documents[d].copy_of >= 0) ...       // d copies another document
//
// Method (docs/DESIGN.md, "The pile"; the thresholds are PileOptions and are
// measured in bench/results/pile.md):
//   1. Copies. Documents are compared on the 5-word stem shingles of the
//      near-duplicate detector `dossier cluster` uses (NearDuplicateIndex):
//      two are copies when their Jaccard similarity reaches copy_threshold
//      (computed pair by pair in piles of at most kExactCopyLimit documents:
//      exactly for two short documents, else on a fixed 1-in-4 sample of the
//      shingles; estimated by MinHash beyond), or, in those smaller piles,
//      when a longer one holds at least copy_containment of a document's
//      shingles (a trimmed reprint).
//      Each group of copies has one original: a document more than 10%
//      longer than the others (they trim it, or it expands them: a copy
//      never holds much text its original lacks), else the earliest dated,
//      else the first given; the others are its copies (`copy_of`). An original and its copies are
//      one independent report.
//   2. Vectors. Each document is a vector of its content stems weighted by
//      the background idf (BackgroundIdf); reports are compared by cosine.
//      The story's links use the words as they are; the events' weigh names
//      event_name_weight times more (participants and places).
//   3. The main story. Reports linked by a cosine of at least story_link
//      (story_link_far when both are dated more than far_days apart) form
//      connected groups (single link). The largest group (most reports, then
//      most names and numbers — words capitalized away from a sentence's
//      start, number tokens: what news is about —, then most words, then
//      first given) is the story; the reports of every other
//      group, and their copies, are set aside, each with its reason. With no
//      link at all (the largest group is one report) there is no main story:
//      nothing is set aside and the pile is marked `unrelated` (which of
//      several unrelated reports is "the story" would be a guess).
//   4. Dates. A dated report's event date is its publication date, or the
//      day a past time expression of its first three sentences resolves to
//      when that lies at most kLeadLookbackDays before ("agreed yesterday").
//      Events are kept apart by publication dates; their dates are these.
//   5. Events. The story's reports are grouped by average-link agglomeration
//      of their cosines: the two groups with the highest average link merge
//      while it reaches event_link, unless the event dates of the merged
//      group would span more than event_span_days. Undated reports join by
//      content alone. Events are ordered by their first date (undated events
//      last, in the order of their first document). Beyond
//      max_event_reports reports, events are formed by date alone.
//   6. Inferred dates. An undated report of an event with dated reports
//      takes the event's first date, marked inferred, only where its text
//      supports it: it is a transcript or it holds a relative or deictic time
//      expression ("today", "on Tuesday": it was written as of a day), and no
//      date it names is later than that day.
// Create() reads the background table once; Analyze() is const and
// thread-safe. Cost: linear in the tokens, plus one sparse cosine per pair
// of reports sharing a term, plus the agglomeration (cubic in the reports of
// the story, at most max_event_reports).
#ifndef DOSSIER_CLUSTER_PILE_H_
#define DOSSIER_CLUSTER_PILE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/timeline.h"
#include "cluster/background_idf.h"
#include "dossier/briefing.h"
#include "dossier/document.h"
#include "dossier/status.h"

namespace dossier {

using PileOptions = PileSettings;

struct PileDocument {
  int32_t copy_of = -1;  // the original this document copies, or -1
  bool set_aside = false;
  std::string set_aside_reason;  // why, when set aside
  int32_t event = -1;            // index into Pile::events; -1 when set aside
  std::string date;              // its own date, or the inferred one; may be empty
  bool date_inferred = false;
  std::string event_date;       // the day its report is about (step 4); may be empty
  double centrality = 0;        // mean cosine with the other reports of its event
  double story_centrality = 0;  // mean cosine with the other reports of the story
};

struct PileEvent {
  std::vector<uint32_t> documents;    // in input order, copies included
  std::string first_date, last_date;  // "YYYY-MM-DD", empty when no report is dated
  uint32_t central = 0;               // the report closest to the others (the event's label source)
  size_t reports = 0;                 // independent reports
};

struct Pile {
  std::vector<PileDocument> documents;  // one per Cluster::documents
  std::vector<PileEvent> events;        // in time order
  size_t independent_reports = 0;       // of the story (set-aside ones excluded)
  size_t set_aside = 0;                 // documents set aside
  bool unrelated = false;               // two or more reports, no two of one story
  uint32_t central = 0;                 // the story's most central report
  TermVector centroid;                  // of the story's reports
};

class PileAnalyzer {
 public:
  static Result<PileAnalyzer> Create(std::string_view data_dir, const PileOptions& options);

  // `times[d]` are the time expressions of document d (TimelineBuilder::
  // Extract); may be empty, then no event dates come from the text.
  Pile Analyze(const Cluster& cluster, const std::vector<std::vector<TimeExpression>>& times) const;

  const BackgroundIdf& idf() const { return idf_; }
  const PileOptions& options() const { return options_; }

 private:
  PileAnalyzer(BackgroundIdf idf, const PileOptions& options)
      : idf_(std::move(idf)), options_(options) {}
  BackgroundIdf idf_;
  PileOptions options_;
};

}  // namespace dossier

#endif  // DOSSIER_CLUSTER_PILE_H_
