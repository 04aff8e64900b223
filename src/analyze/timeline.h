// TimelineBuilder: a timeline of dated events. Finds time expressions in the
// sentences of analysed documents, resolves them to calendar dates (on the
// text itself or on the document's date) and merges the sentences that
// report the same thing on the same date across documents.
//
//   Result<TimelineBuilder> timeline = TimelineBuilder::Create(options.data_dir);
//   for (const TimelineEvent& e : timeline->Build(cluster))
//     std::cout << (e.date.empty() ? "?" : e.date) << "  " << e.text
//               << "  (" << e.citations.size() << " sources)\n";
//
// Extract() and Build() need documents analysed by Pipeline::Analyze
// (sentences, tokens). Create() loads nothing today (the data folder is
// reserved); Extract() and Build() are const and thread-safe. Spans are byte
// ranges into Document::text. Both run in time linear in the text, except the
// merge, which compares the events of one date with each other.
//
// Expressions and how they resolve (D = the document's date, Document::date):
//   "December 18, 2015", "27 November 2015", "Nov. 28th, 2015",
//   "2015-11-27", "11/27/2015"        that day ("text")
//   "January 2016"                    that month, "YYYY-MM" ("text")
//   "October 31", "Nov. 28", "12 March"   the year (D's, the one before or
//                                     after) that puts it nearest to D
//   "Tuesday", "on Tuesday"           the latest Tuesday on or before D; the
//                                     first on or after D when a future
//                                     marker ("will", "'ll", "shall",
//                                     "expected", "scheduled", "due", "plans",
//                                     "planned", "upcoming") precedes it in the
//                                     sentence
//   "last Tuesday" / "next Tuesday"   the latest strictly before / the first
//                                     strictly after D
//   "yesterday", "today", "tonight", "tomorrow"   D - 1, D, D, D + 1
//   "last week", "this week", "next week"         D - 7, D, D + 7 (a day of
//                                     that week, not its Monday)
//   "last month", "this month", "next month"      "YYYY-MM" of D's month -1, 0, +1
//   "in January" (also after since, until, by, from, during, early, late,
//   mid)                              "YYYY-MM": the latest January on or
//                                     before D's month, or the first on or
//                                     after it after a future marker
//   "last January" / "next January"   strictly before / after D's month
//   "within six months", "in 18 months", "within the next two weeks"
//                                     D + N days/weeks/months/years (day
//                                     clamped to the month's length)
//   "three days ago", "two weeks ago" D - N
// Impossible days ("February 30") are not dates. Without a document date,
// only expressions with a year resolve; the others are kept with an empty
// date. Month names and weekdays must be capitalized ("may" is a verb).
// `future` is true when the resolved date lies after D (at the
// expression's precision); unresolved expressions are future after a future
// marker or for "next ...", "tomorrow", "within ...", "in N ...".
#ifndef DOSSIER_ANALYZE_TIMELINE_H_
#define DOSSIER_ANALYZE_TIMELINE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"

namespace dossier {

struct TimeExpression {
  uint32_t document = 0;  // index into Cluster::documents (as passed to Extract)
  uint32_t sentence = 0;  // index into Document::sentences
  Span span;              // "October 31", "in January", "within 18 months", "yesterday"
  std::string date;       // "YYYY-MM-DD" for a day, "YYYY-MM" for a month, empty when unresolved
  std::string resolved_from;  // "text", "document date", or "" when unresolved
  bool future = false;        // see above
};

// One line of the timeline.
struct TimelineEvent {
  std::string date;  // as in TimeExpression; empty for unresolved events
  std::string text;  // the first citation's sentence, white space collapsed, cut near 200 bytes
  std::vector<TimeExpression> citations;  // each document sentence reporting it, in order
};

class TimelineBuilder {
 public:
  // `data_dir` is reserved for word lists; the built-in rules need none.
  static Result<TimelineBuilder> Create(std::string_view data_dir);

  // The time expressions of an analysed document, in text order, with
  // `document` set to `document_index`.
  std::vector<TimeExpression> Extract(const Document& doc, uint32_t document_index) const;

  // The cluster's events: one per (date, sentence), merged across sentences
  // when the dates are equal and the sentences' lowercase content words
  // (tokens that are not stopwords and hold a letter) have a Jaccard
  // similarity of at least 0.5. Resolved events come first in date order
  // ("YYYY-MM" sorts before the days of that month), ties by first
  // citation; then unresolved events in document order.
  std::vector<TimelineEvent> Build(const Cluster& cluster) const;
};

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_TIMELINE_H_
