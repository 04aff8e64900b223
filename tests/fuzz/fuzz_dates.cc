// Fuzz target: calendar dates. On the raw bytes: ParseDate, every full date
// FindFullDate finds (a real day, its bytes inside the input, parsed back to
// the same day), MonthFromName on every word, the day-number round trip
// DaysFromCivil/CivilFromDays, and the clusterer's DaysFromIsoDate. Then the
// bytes as up to three texts (split at 0x1E) -> analysis -> the document
// dates found in them and the timeline (TimelineBuilder Extract and Build):
// every date is "YYYY-MM" or "YYYY-MM-DD" naming a real month or day, every
// span lies inside its sentence and the text, events come in date order.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyze/timeline.h"
#include "cluster/story_clusterer.h"
#include "fuzz_checks.h"
#include "ingest/readers.h"
#include "util/dates.h"
#include "util/strings.h"

namespace {

using dossier::CivilDate;
using dossier::fuzz::Require;

bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!dossier::IsAsciiDigit(c)) return false;
  }
  return true;
}

int Number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// A real day (year 1000-9999, as CivilDate::valid() wants) and its day number.
void CheckDay(const CivilDate& d) {
  Require(d.valid());
  Require(d.day <= dossier::DaysInMonth(d.year, d.month));
  const std::string iso = d.ToIso();
  Require(iso.size() == 10);
  const int64_t days = dossier::DaysFromCivil(d.year, d.month, d.day);
  const CivilDate back = dossier::CivilFromDays(days);
  Require(back.year == d.year && back.month == d.month && back.day == d.day);
  const CivilDate next = dossier::CivilFromDays(days + 1);
  Require(next.day == 1 || (next.year == d.year && next.month == d.month && next.day == d.day + 1));
  Require(dossier::DaysFromIsoDate(iso) == days);
  CivilDate parsed;
  Require(dossier::ParseDate(iso, &parsed));
  Require(parsed.year == d.year && parsed.month == d.month && parsed.day == d.day);
}

// A timeline date: "" (unresolved), "YYYY-MM" or "YYYY-MM-DD", naming a real
// month or day.
void CheckTimelineDate(const std::string& date) {
  if (date.empty()) return;
  Require(date.size() == 7 || date.size() == 10);
  Require(Digits(std::string_view(date).substr(0, 4)) && date[4] == '-' &&
          Digits(std::string_view(date).substr(5, 2)));
  const int year = Number(std::string_view(date).substr(0, 4));
  const int month = Number(std::string_view(date).substr(5, 2));
  Require(month >= 1 && month <= 12);
  if (date.size() == 10) {
    Require(date[7] == '-' && Digits(std::string_view(date).substr(8, 2)));
    const int day = Number(std::string_view(date).substr(8, 2));
    Require(day >= 1 && day <= dossier::DaysInMonth(year, month));
  }
}

void CheckRawBytes(std::string_view bytes) {
  CivilDate d;
  if (dossier::ParseDate(bytes, &d)) CheckDay(d);
  // Every full date, each search starting after the last one found.
  size_t from = 0;
  for (int n = 0; n < 64 && from < bytes.size(); ++n) {
    size_t begin = 0, end = 0;
    if (!dossier::FindFullDate(bytes.substr(from), &d, &begin, &end)) break;
    Require(begin < end && end <= bytes.size() - from);
    CheckDay(d);
    CivilDate again;
    Require(dossier::ParseDate(bytes.substr(from + begin, end - begin), &again));
    Require(again.year == d.year && again.month == d.month && again.day == d.day);
    from += end;
  }
  // Month names: every run of ASCII letters, with the period after it.
  for (size_t p = 0; p < bytes.size();) {
    if (!dossier::IsAsciiAlpha(bytes[p])) {
      ++p;
      continue;
    }
    size_t q = p;
    while (q < bytes.size() && dossier::IsAsciiAlpha(bytes[q])) ++q;
    const size_t with_period = q < bytes.size() && bytes[q] == '.' ? q + 1 : q;
    for (size_t e : {q, with_period}) {
      const int m = dossier::MonthFromName(bytes.substr(p, e - p));
      Require(m >= 0 && m <= 12);
      if (m != 0) Require(q - p >= 3 && q - p <= 9);
    }
    p = q;
  }
  // The clusterer's ISO dates: the input and each 10-byte window of its start.
  for (size_t k = 0; k <= 16 && k < bytes.size(); ++k) {
    const std::string iso(bytes.substr(k, 10));
    const int32_t day = dossier::DaysFromIsoDate(iso);
    if (day == dossier::StoryClusterer::kNoDay) continue;
    Require(iso.size() == 10);
    const CivilDate c = dossier::CivilFromDays(day);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", c.year, c.month, c.day);
    Require(iso == buffer);
  }
}

void CheckExpression(const dossier::Cluster& cluster, const dossier::TimeExpression& e,
                     bool from_build) {
  Require(e.document < cluster.documents.size());
  const dossier::Document& doc = cluster.documents[e.document];
  Require(e.sentence < doc.sentences.size());
  dossier::fuzz::CheckSpan(doc, e.span);
  dossier::fuzz::CheckTextSpan(doc.text, e.span);
  Require(!e.span.empty() && dossier::fuzz::Inside(e.span, doc.sentences[e.sentence].span));
  CheckTimelineDate(e.date);
  Require(e.date.empty() == e.resolved_from.empty());
  Require(e.resolved_from.empty() || e.resolved_from == "text" ||
          (e.resolved_from == "document date" && !doc.date.empty()) ||
          (from_build && e.resolved_from == "cluster"));
  Require(e.kind == "date" || e.kind == "relative" || e.kind == "deadline" || e.kind == "deictic");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  static const TimelineBuilder* timeline = [] {
    Result<TimelineBuilder> t = TimelineBuilder::Create("");
    Require(t.ok());
    return new TimelineBuilder(std::move(*t));
  }();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckRawBytes(bytes);

  Cluster cluster = fuzz::AnalyzedCluster(bytes, 3);
  for (const Document& doc : cluster.documents) {
    // The date found in the text: a real day, where the text says it.
    if (!doc.date.empty()) {
      CivilDate c;
      Require(doc.date.size() == 10 && ParseDate(doc.date, &c));
      CheckDay(c);
      Require(c.ToIso() == doc.date);
    }
    if (!doc.date_span.empty()) fuzz::CheckSpan(doc, doc.date_span);
  }
  if (cluster.documents.empty()) return 0;
  // Relative expressions need a document date: an undated single text is
  // also read as of a leap day, next to itself undated (for cluster years).
  if (cluster.documents.size() == 1 && cluster.documents[0].date.empty()) {
    Document dated = cluster.documents[0];
    dated.date = "2016-02-29";
    cluster.documents.push_back(std::move(dated));
  }

  for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
    uint32_t last_begin = 0;
    for (const TimeExpression& e : timeline->Extract(cluster.documents[d], d)) {
      Require(e.document == d);
      CheckExpression(cluster, e, /*from_build=*/false);
      Require(e.span.begin >= last_begin);
      last_begin = e.span.begin;
    }
  }

  const std::vector<TimelineEvent> events = timeline->Build(cluster);
  bool unresolved_seen = false;
  const std::string* last_date = nullptr;
  for (const TimelineEvent& ev : events) {
    CheckTimelineDate(ev.date);
    Require(IsValidUtf8(ev.text) && ev.text.size() <= 200 + 3);
    Require(ev.kind == "date" || ev.kind == "relative" || ev.kind == "deadline" ||
            ev.kind == "deictic");
    Require(std::isfinite(ev.weight) && ev.weight > 0);
    Require(!ev.citations.empty());
    bool all_future = true;
    std::set<std::pair<uint32_t, uint32_t>> cited;
    for (const TimeExpression& c : ev.citations) {
      CheckExpression(cluster, c, /*from_build=*/true);
      Require(c.date == ev.date);
      Require(cited.emplace(c.document, c.sentence).second);  // each sentence once
      all_future = all_future && c.future;
    }
    Require(ev.future == all_future);
    // Resolved events in date order, then the unresolved ones.
    if (ev.date.empty()) {
      unresolved_seen = true;
    } else {
      Require(!unresolved_seen);
      if (last_date != nullptr) Require(*last_date <= ev.date);
      last_date = &ev.date;
    }
  }
  const std::vector<TimelineEvent> top = TimelineBuilder::Top(events, 3);
  Require(top.size() <= 3 && top.size() <= events.size());
  // Top keeps the order of `events`: each is found after the one before.
  auto same = [](const TimelineEvent& a, const TimelineEvent& b) {
    const TimeExpression& x = a.citations.front();
    const TimeExpression& y = b.citations.front();
    return a.date == b.date && x.document == y.document && x.span == y.span;
  };
  size_t k = 0;
  for (const TimelineEvent& t : top) {
    while (k < events.size() && !same(events[k], t)) ++k;
    Require(k < events.size());
    ++k;
  }
  return 0;
}
