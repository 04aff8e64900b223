// The time expressions of a document: dates, weekdays, "last month",
// "within six months", "three days ago", resolved against the document's
// date. Internal to the analyze stage; TimelineBuilder (timeline.h) turns
// them into events.
#ifndef DOSSIER_ANALYZE_TIME_EXPRESSIONS_H_
#define DOSSIER_ANALYZE_TIME_EXPRESSIONS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyze/time_words.h"
#include "analyze/timeline.h"
#include "dossier/document.h"
#include "util/dates.h"

namespace dossier::timeline_internal {

inline constexpr char kKindDate[] = "date";
inline constexpr char kKindRelative[] = "relative";
inline constexpr char kKindDeadline[] = "deadline";
inline constexpr char kKindDeictic[] = "deictic";
inline constexpr char kPrecisionDay[] = "day";
inline constexpr char kPrecisionMonth[] = "month";
inline constexpr char kPrecisionYear[] = "year";
inline constexpr char kPrecisionApproximate[] = "approximate";

// One expression found by the matcher, with what Build needs beyond the
// public TimeExpression.
struct Found {
  TimeExpression e;
  int month_day = 0;  // month * 100 + day of an unresolved yearless day ("October 31")
  // A part of the day alone after its article ("am Abend", "por la tarde"):
  // the day named before it in the sentence, else the document date.
  bool daypart_alone = false;
  // ... a late one (evening, night) in a past-tense sentence: when its
  // sentence names no day before it, the last day the document named before
  // it (not ahead), else the day before the document date.
  bool late_past = false;
  // "le lendemain", "la veille": `named_day_offset` days from the last day
  // the document named before it, else the document date.
  bool from_named_day = false;
  int named_day_offset = 0;
  // ... told in the past: not a day after the document date ("Le lendemain
  // de l'accident, il était sorti" after "à partir de lundi").
  bool named_day_past = false;
};

// Shared with the event building (timeline.cc).
int PrecisionRank(std::string_view precision);  // 0 = "day" (the finest) ... 3 = "approximate"
int KindRank(std::string_view kind);            // 0 = "date" (the strongest) ... 3 = "deictic"
int64_t Days(const CivilDate& d);               // days since 1970-01-01

// Every time expression of `doc` (document number `document_index`), in text
// order, resolved against `date` ("YYYY-MM-DD", or empty), with the words of
// `words`; captions and photo credits give none.
std::vector<Found> FindExpressions(const TimeWords& words, const Document& doc,
                                   uint32_t document_index, std::string_view date);

}  // namespace dossier::timeline_internal

#endif  // DOSSIER_ANALYZE_TIME_EXPRESSIONS_H_
