// TimelineBuilder: a timeline of dated events. Finds time expressions in the
// sentences of analysed documents, resolves them to calendar dates (on the
// text itself, on the document's date or on the rest of the cluster) and
// merges the sentences that report the same thing on the same date across
// documents.
//
//   Result<TimelineBuilder> timeline = TimelineBuilder::Create(options.data_dir);
//   std::vector<TimelineEvent> events = timeline->Build(cluster);
//   for (const TimelineEvent& e : TimelineBuilder::Top(events, 10))  // date order
//     std::cout << (e.date.empty() ? "?" : e.date) << "  " << e.text
//               << "  (" << e.citations.size() << " sources)\n";
//
// Extract() and Build() need documents analysed by Pipeline::Analyze
// (sentences, tokens). Create() loads the word lists (see Create); Extract()
// and Build() are const and thread-safe. Spans are byte ranges into
// Document::text. Extract() runs in time linear in the text;
// Build() too, except the merge, which compares the events of one date with
// each other.
//
// The words below are the English ones (data/en/time_words.txt,
// time_units.txt, tense_words.txt, event_words.txt, months.txt,
// weekdays.txt); each file's header says how its kinds are used, and
// another language's folder gives its own.
//
// Expressions, their kind, their precision, and how they resolve (D = the
// document's date, Document::date):
//   "December 18, 2015", "27 November 2015", "Nov. 28th, 2015",
//   "2015-11-27", "11/27/2015", "1st of January 2016"
//                                     that day ("text"); "date", day
//   "January 2016"                    that month, "YYYY-MM" ("text"); "date",
//                                     month
//   "October 31", "Nov. 28", "12 March", "October the 30th", "the 1st of
//   January"                          the year (D's, the one before or
//                                     after) that puts it nearest to D;
//                                     "date", day. The ordinal forms need
//                                     the suffix ("30th"). Without D, see
//                                     "Cluster years" below.
//   "in January" (also after since, until, by, from, during, early, late,
//   mid, through)                     "YYYY-MM": the latest January on or
//                                     before D's month, or the first on or
//                                     after it when the tense is future
//                                     (below); "date", month
//   "last January" / "next January"   strictly before / after D's month;
//                                     "date", month
//   "Tuesday", "on Tuesday", "this Tuesday"   the latest Tuesday on or
//                                     before D; the first on or after D when
//                                     the tense is future; "relative", day
//   "last Tuesday" / "next Tuesday"   the latest strictly before / the first
//                                     strictly after D; "relative", day
//   "yesterday", "tomorrow", "last night"     D - 1, D + 1, D - 1;
//                                     "relative", day
//   "today", "tonight" (also "today's"), "this morning", "this afternoon",
//   "this evening"                    D; "deictic", day
//   "last week", "next week"          D - 7, D + 7 (a day of that week, not
//                                     its Monday); "relative", approximate
//   "this week"                       D; "deictic", approximate
//   "earlier this week", "later this week"    D; "relative", approximate
//   "last month", "next month"        "YYYY-MM" of D's month -1, +1;
//                                     "relative", month
//   "this month"                      "YYYY-MM" of D's month; "deictic", month
//   "earlier this month", "later this month"  "YYYY-MM" of D's month;
//                                     "relative", month
//   "last year", "next year"          "YYYY" of D's year -1, +1; "relative",
//                                     year
//   "this year"                       "YYYY" of D's year; "deictic", year
//   "earlier this year", "later this year"    "YYYY" of D's year;
//                                     "relative", year
//   Not "last"/"next" week, month or year counted from another time: "the"
//   before it with no period preposition (in, within, over, during, for,
//   by, until, through, throughout) before that ("The next year, he sold
//   it", but "over the next year"), or "of" after it ("the last week of
//   June").
//   "three days ago", "two weeks ago", "a year ago"   D - N; "relative",
//                                     day. The count is digits (not after a
//                                     decimal point: "1.5 years ago" is
//                                     none), a number word or a vague count
//                                     (below).
//   "within six months", "in 18 months", "within the next two weeks",
//   "within the target time of six months", "in another two weeks"
//                                     D + N days/weeks/months/years (day
//                                     clamped to the month's length);
//                                     "deadline", day. Between "within" and
//                                     the count stand at most four of: the,
//                                     next, coming, following, first, target,
//                                     time, of, a, period, timeframe,
//                                     deadline, about, roughly, around,
//                                     some, just, another, approximately,
//                                     frame, span; between "in" and the
//                                     count, at most four of: next, coming,
//                                     following, another, about, roughly,
//                                     around, some, just, approximately, and
//                                     "the" before next/coming/following.
//                                     After next or coming, a unit in the
//                                     plural alone is a vague count ("in the
//                                     coming weeks": D + 21 days).
//   "in recent weeks", "over the past few days", "in the last couple of
//   months"                           D - N units, N = 3 ("recent", "few")
//                                     or 2 ("couple"); "relative",
//                                     approximate. The period is "recent"
//                                     or "past"/"last" before a vague count,
//                                     then days, weeks, months or years; the
//                                     span takes "the" and "in", "over",
//                                     "during" or "within" before it.
// Approximate expressions keep the date of their plain form but have
// precision "approximate" (the date is an estimate):
//   - a count hedged before it: about, around, roughly, approximately,
//     nearly, almost, some, over, under, "more than", "less than", "fewer
//     than", "at least", "just over", "just under", "a little over", "a
//     little more than" ("about two weeks ago", "more than a year ago");
//     inside a deadline, about, roughly, around, some or approximately
//     among its words ("within about six months");
//   - a vague count: "a few" or "few", several, some (3), "a couple (of)"
//     (2): "some years ago" is D - 3 years, "within a few weeks" D + 21
//     days; a range "N or M" counts N ("two or three weeks ago": D - 14);
//   - "or so", "or more" or "or less" after the unit or after "ago", or
//     "or" and a count between the unit and "ago" ("a year or so ago", "a
//     year ago or so", "within six months or less", "a week or two ago"),
//     taken into the span;
//   - a day, month or weekday after about, around, roughly, approximately,
//     circa, "on or about", "on or around" ("around March 3").
//   The hedge is part of the span ("about two weeks ago").
// Precision is that of the expression, also when it is unresolved (empty
// date): "day" for "YYYY-MM-DD", "month" for "YYYY-MM", "year" for "YYYY",
// "approximate" for an estimate (a day, or the format of its plain form).
// Impossible days ("February 30") are not dates; a date counted from the
// document date outside the years 1000-9999 ("tomorrow" on December 31,
// 9999) stays unresolved, as dates have four-digit years. Without a
// document date, only expressions with a year resolve; the others are kept
// with an empty date. Month names and weekdays must be capitalized ("may"
// is a verb).
// Captions give no expressions, as their dates tell when a picture was
// taken: a sentence that is a photo caption or file-photo note
// (IsPhotoCaption, segment/metadata.h: "FILE - In this May 4, 2001, file
// photo, ...", "... (AP Photo/Jane Roe)"), that lies in a paragraph that is
// one, or that comes right before a sentence that is only a parenthesised
// photo credit ("The aurora was photographed on November 5, 2001. (Image
// courtesy Jane Roe.)").
//
// Tense (for weekdays and "in January"). Words of the sentence are tense
// cues:
//   future: will, shall, 'll, should, scheduled, planned, upcoming;
//           "won't" (read "won" + "'t"); would, unless "have"/"'ve" follows
//           it ("would have turned 50"); "expected" after a form of "be"
//           (is, are, was, were, be, been, being, am, 's, 're) or before
//           "to"; "set" and "going" after a form of "be" and before "to"
//           ("is set to", "are going to"); "due" unless it is "due to" with
//           no form of "be" before it ("closed due to the storm"); plan(s),
//           intend(s), expect(s), hope(s), aim(s) before "to"; "to" after
//           is, are or am and before a word other than "blame" ("the
//           minister is to visit");
//   past:   a past form (a word in -ed other than a few non-verbs such as
//           "need", "hundred", "speed"; or was, were, had, did, said, met,
//           told, took, made, came, went, left, held, gave, began, won, lost,
//           shot, fell, flew and other common irregular forms) that is not a
//           future cue word and does not follow "be"/"being" ("will be held").
// The expression is future right after "starting"/"beginning" (also
// "starting on": "a week of mourning beginning Monday was declared"); else
// past when a past cue stands right before it (or before the "on" right
// before it) or right after it ("said Tuesday", "on Friday announced");
// else the nearest cue of its clause decides, else the nearest cue of the
// sentence. A clause is the stretch between marks that set clauses apart:
// , ; : ( ) and dashes ("—", "–", "--", a spaced "-"): in "The campaign –
// which will be in its third year in January – did well" the clause of "in
// January" holds "will", and it is future. "Nearest" counts the words
// (letters or digits) between the cue and the expression; the cue before
// it wins among equals ("On Monday, the council will vote" is future, "the
// bridge collapsed on Tuesday and officials will ..." past). A sentence
// without cues makes a weekday past, and "in January" the January nearest
// D's month (the earlier among equals).
// `future` is true when the resolved date lies after D (at the expression's
// precision; for an approximate one, at the precision of its date), and for
// "later this week/month/year"; for unresolved expressions it is the tense
// above, and true for "next ...", "tomorrow", "within ...", "in N ...",
// "later this ...".
//
// Build():
//  1. Cluster years. A yearless day left unresolved (its document has no
//     date) takes year Y when, in the whole cluster, the expressions resolved
//     to a day of that month and day all have year Y: date "Y-MM-DD",
//     resolved_from "cluster". An undated document never borrows a date
//     otherwise, not even when the other documents' dates are close together.
//  2. Deictic expressions restate the document's own date, so of the
//     "deictic" expressions of one document that resolve to the same date
//     (or of an undated document, all of them) only one is kept: the one in
//     the most event-like sentence, the earliest among equals. A sentence
//     scores +3 with a past form (not after "be"), +1 per distinct
//     entity-like word or number (at most 3 in all), -10
//     when it is a question (ends in "?" before closing quotes), -6 when it
//     is procedural (question(s), ladies, gentlemen, thank(s), welcome,
//     applause, podium, microphone, "good morning/afternoon/evening"), -4
//     for a fragment or stage direction, -2 under six words. Entity-like
//     words: capitalized words that are not the sentence's first word, not
//     stopwords, not titles (Mr, Mrs, Ms, Dr, Sir, President, Vice, Prime,
//     Minister, Secretary, Chancellor, General), "I", month or weekday
//     names; numbers: number tokens. Both are counted outside the sentence's
//     time expressions.
//  3. Merge. Expressions are taken in document order, each joining the first
//     event of its date that (a) already cites its sentence or (b) whose
//     first sentence's lowercase content words (tokens that are not
//     stopwords and hold a letter) have a Jaccard similarity of at least 0.5
//     with its sentence's; else, for an expression resolved to a day (not a
//     deadline), the first event of that day citing such an expression (of
//     any document) whose sentence shares an entity-like word or a number with
//     its sentence, or has a content-word Jaccard similarity of at least
//     0.2; else, for a relative expression naming a week ("next week"), the
//     first event up to three days away citing one too, under the same
//     condition (reports of different days mean the same week); else, for
//     a "deadline", the first event of its day citing a deadline of the same
//     document; else it starts a new event. An event
//     cites each sentence once.
//  4. Order: resolved events first in date order ("YYYY" sorts before the
//     months of that year, "YYYY-MM" before the days of that month), ties by
//     first citation; then unresolved events in document order.
//  5. Background. An event is background (a historical reference, not news
//     of the story) when the last day its date covers (December 31 of
//     "YYYY", the month's last day of "YYYY-MM") lies more than 365 days
//     (kBackgroundDays) before the cluster's earliest document date; never
//     when it is future or a deadline, nor when it is unresolved or no
//     document has a date. The weight's background rule is this flag.
#ifndef DOSSIER_ANALYZE_TIMELINE_H_
#define DOSSIER_ANALYZE_TIMELINE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
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
  // "YYYY-MM-DD" for a day, "YYYY-MM" for a month, "YYYY" for a year, empty
  // when unresolved.
  std::string date;
  // "text", "document date", "cluster" (Build only: a yearless day dated by
  // the rest of the cluster), or "" when unresolved.
  std::string resolved_from;
  // "date" (the text names the day or month), "relative" (counted from the
  // document date), "deadline" ("within/in N units") or "deictic" (restates
  // the document date: today, tonight, this week); see above.
  std::string kind;
  // "day", "month", "year" or "approximate" (an estimate: "about two weeks
  // ago", "a year ago or so", "last week"); see above. Set also when the
  // date is empty.
  std::string precision;
  bool future = false;  // see above
  // month * 100 + day of a yearless day left unresolved ("October 31" in an
  // undated report), for Build's cluster years; 0 otherwise.
  int month_day = 0;
};

// One line of the timeline.
struct TimelineEvent {
  std::string date;  // as in TimeExpression; empty for unresolved events
  std::string text;  // the first citation's sentence, white space collapsed, cut near 200 bytes
  // The strongest kind among the citations: "date", then "deadline",
  // "relative", "deictic".
  std::string kind;
  // The finest precision among the citations ("day" before "month",
  // "year", "approximate"): one source naming the day makes it a day.
  std::string precision;
  // True when every citation is future: no source reports it as past.
  bool future = false;
  // A historical reference rather than news of the story: see Build() step 5.
  bool background = false;
  // Importance, to pick the top events (Top()): 2 per cited document, plus
  // 1.5 for a deadline or a date of day precision (any kind: a deictic
  // event is the news of its report's date), 1.0 for month or approximate
  // precision or no date, 0.5 for a year; minus 1 when background; halved
  // when the event is unresolved. One source: 1.5 to 3.5; each further
  // source adds 2.
  double weight = 0;
  std::vector<TimeExpression> citations;  // each document sentence reporting it, in order
};

// Which documents a timeline reads and the date each is read as of (the
// briefing leaves out copies and documents set aside, and gives undated
// reports their inferred dates). Shorter vectors leave the rest at every
// document, its own Document::date.
struct TimelineScope {
  std::vector<bool> include;
  std::vector<std::string> dates;
};

namespace timeline_internal {
class TimeWords;
}  // namespace timeline_internal

class TimelineBuilder {
 public:
  // Loads the word lists of `language` (data/<language>/: time_words.txt,
  // time_units.txt, tense_words.txt, event_words.txt, months.txt,
  // weekdays.txt, captions.txt, bylines.txt) from `data_dir`, or the
  // built-in copies; kNotFound when one is absent.
  static Result<TimelineBuilder> Create(std::string_view data_dir,
                                        std::string_view language = "en");

  // The time expressions of an analysed document, in text order, with
  // `document` set to `document_index`. Every expression is returned (no
  // deictic collapse, no cluster years: those are Build's).
  std::vector<TimeExpression> Extract(const Document& doc, uint32_t document_index) const;
  // The same, reading the document as of `date` instead of Document::date.
  std::vector<TimeExpression> Extract(const Document& doc, uint32_t document_index,
                                      std::string_view date) const;

  // The cluster's events, as described above, within `scope` (may be null).
  // `extracted` (may be null): Extract(doc, d) of every document, reused for
  // those read as of their own date instead of extracting them again.
  std::vector<TimelineEvent> Build(
      const Cluster& cluster, const TimelineScope* scope = nullptr,
      const std::vector<std::vector<TimeExpression>>* extracted = nullptr) const;

  // The `count` heaviest of `events` (ties: the event whose first citation
  // has the lower sentence index, then the earlier one), in their order in
  // `events` (Build's date order).
  static std::vector<TimelineEvent> Top(const std::vector<TimelineEvent>& events, size_t count);

 private:
  std::shared_ptr<const timeline_internal::TimeWords> words_;
};

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_TIMELINE_H_
