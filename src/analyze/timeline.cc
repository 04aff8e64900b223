#include "analyze/timeline.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "util/dates.h"
#include "util/strings.h"

namespace dossier {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return CivilDate{y, m, d};
}

int64_t Days(const CivilDate& d) { return DaysFromCivil(d.year, d.month, d.day); }

// 0 = Monday ... 6 = Sunday.
int WeekdayOf(int64_t days) {
  int64_t w = (days + 3) % 7;  // 1970-01-01 was a Thursday
  return static_cast<int>(w < 0 ? w + 7 : w);
}

int WeekdayFromName(std::string_view lower) {
  static constexpr std::string_view kNames[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (lower == kNames[i]) return i;
  }
  return -1;
}

// "one".."twelve", "eighteen", "a"/"an"; -1 if none.
int NumberWord(std::string_view lower) {
  static constexpr std::pair<std::string_view, int> kWords[] = {
      {"a", 1},        {"an", 1},        {"one", 1},     {"two", 2},     {"three", 3},
      {"four", 4},     {"five", 5},      {"six", 6},     {"seven", 7},   {"eight", 8},
      {"nine", 9},     {"ten", 10},      {"eleven", 11}, {"twelve", 12}, {"fifteen", 15},
      {"several", -1}, {"eighteen", 18}, {"twenty", 20}, {"thirty", 30}, {"couple", -1}};
  for (const auto& [w, n] : kWords) {
    if (lower == w) return n;
  }
  return -1;
}

// 'd' days, 'w' weeks, 'm' months, 'y' years; 0 if none.
char UnitFromWord(std::string_view lower) {
  if (lower == "day" || lower == "days") return 'd';
  if (lower == "week" || lower == "weeks") return 'w';
  if (lower == "month" || lower == "months") return 'm';
  if (lower == "year" || lower == "years") return 'y';
  return 0;
}

bool IsFutureMarker(std::string_view lower) {
  static constexpr std::string_view kMarkers[] = {"will",      "shall",   "ll",    "expected",
                                                  "scheduled", "due",     "plans", "planned",
                                                  "upcoming",  "intends", "plan"};
  return std::find(std::begin(kMarkers), std::end(kMarkers), lower) != std::end(kMarkers);
}

bool IsMonthPreposition(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"in",     "since", "until", "by",  "from",
                                                "during", "early", "late",  "mid", "through"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

CivilDate AddMonths(const CivilDate& d, int months) {
  int index = d.year * 12 + (d.month - 1) + months;
  CivilDate r{index / 12, index % 12 + 1, d.day};
  r.day = std::min(r.day, DaysInMonth(r.year, r.month));
  return r;
}

std::string MonthIso(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d", year, month);
  return buf;
}

struct Tok {
  uint32_t begin, end;  // bytes of the document text
  char kind;            // 'a' letters, 'd' digits, 'p' one other byte
};

// Splits `text[span]` into ASCII letter runs, digit runs and single other
// bytes, skipping white space.
void Tokenize(std::string_view text, Span span, std::vector<Tok>* toks) {
  toks->clear();
  uint32_t p = span.begin;
  const uint32_t end = std::min<uint32_t>(span.end, static_cast<uint32_t>(text.size()));
  while (p < end) {
    char c = text[p];
    if (IsAsciiSpace(c)) {
      ++p;
      continue;
    }
    uint32_t q = p + 1;
    char kind = 'p';
    if (IsAsciiAlpha(c)) {
      kind = 'a';
      while (q < end && IsAsciiAlpha(text[q])) ++q;
    } else if (IsAsciiDigit(c)) {
      kind = 'd';
      while (q < end && IsAsciiDigit(text[q])) ++q;
    }
    toks->push_back({p, q, kind});
    p = q;
  }
}

// Matches the expressions of one sentence.
class SentenceMatcher {
 public:
  SentenceMatcher(std::string_view text, const std::vector<Tok>& toks, const CivilDate* ref)
      : text_(text), toks_(toks), ref_(ref) {}

  void Run(uint32_t document, uint32_t sentence, std::vector<TimeExpression>* out) {
    bool marker = false;
    size_t i = 0;
    while (i < toks_.size()) {
      TimeExpression e;
      size_t next = i;
      if (Match(i, marker, &next, &e)) {
        e.document = document;
        e.sentence = sentence;
        out->push_back(std::move(e));
        i = next;
        continue;
      }
      if (toks_[i].kind == 'a' && IsFutureMarker(Lower(i))) marker = true;
      ++i;
    }
  }

 private:
  std::string_view Str(size_t i) const {
    return std::string_view(text_).substr(toks_[i].begin, toks_[i].end - toks_[i].begin);
  }
  std::string Lower(size_t i) const { return AsciiLower(Str(i)); }
  bool Has(size_t i) const { return i < toks_.size(); }
  bool Adjacent(size_t i) const {  // toks_[i] follows toks_[i - 1] with no space
    return i > 0 && Has(i) && toks_[i - 1].end == toks_[i].begin;
  }
  bool IsPunct(size_t i, char c) const {
    return Has(i) && toks_[i].kind == 'p' && text_[toks_[i].begin] == c;
  }
  bool IsCapitalized(size_t i) const { return IsAsciiUpper(text_[toks_[i].begin]); }
  int Number(size_t i, size_t max_digits) const {
    if (!Has(i) || toks_[i].kind != 'd' || toks_[i].end - toks_[i].begin > max_digits) return -1;
    int v = 0;
    for (char c : Str(i)) v = v * 10 + (c - '0');
    return v;
  }
  int Year(size_t i) const {
    if (!Has(i) || toks_[i].end - toks_[i].begin != 4) return -1;
    int y = Number(i, 4);
    return y >= 1000 && y <= 2999 ? y : -1;
  }
  // A capitalized month name at i (with an adjacent period); sets *after.
  int MonthAt(size_t i, size_t* after) const {
    if (!Has(i) || toks_[i].kind != 'a' || !IsCapitalized(i)) return 0;
    int m = MonthFromName(Str(i));
    if (m == 0) return 0;
    *after = i + 1;
    if (IsPunct(i + 1, '.') && Adjacent(i + 1)) *after = i + 2;
    return m;
  }
  // A day of the month at i: 1-2 digits, not part of a time or decimal
  // ("4:30", "1.2"), with an optional ordinal suffix; sets *after.
  int DayAt(size_t i, size_t* after) const {
    int d = Number(i, 2);
    if (d < 1 || d > 31) return -1;
    if ((IsPunct(i + 1, ':') || IsPunct(i + 1, '.')) && Adjacent(i + 1) && Has(i + 2) &&
        toks_[i + 2].kind == 'd' && Adjacent(i + 2)) {
      return -1;
    }
    if (Adjacent(i) && (IsPunct(i - 1, ':') || IsPunct(i - 1, '.') || IsPunct(i - 1, '-') ||
                        IsPunct(i - 1, '/') || IsPunct(i - 1, ','))) {
      return -1;
    }
    *after = i + 1;
    if (Has(i + 1) && toks_[i + 1].kind == 'a' && Adjacent(i + 1)) {
      std::string s = Lower(i + 1);
      if (s != "st" && s != "nd" && s != "rd" && s != "th") return -1;
      *after = i + 2;
    }
    return d;
  }
  // ", 2015" or " 2015" at i; sets *after.
  int YearAfter(size_t i, size_t* after) const {
    size_t j = IsPunct(i, ',') ? i + 1 : i;
    int y = Year(j);
    if (y < 0 || (Has(j + 1) && Adjacent(j + 1) && toks_[j + 1].kind != 'p')) return -1;
    *after = j + 1;
    return y;
  }

  void SetSpan(size_t first, size_t last_exclusive, TimeExpression* e) const {
    e->span = Span{toks_[first].begin, toks_[last_exclusive - 1].end};
  }
  void SetDay(const CivilDate& d, const char* from, TimeExpression* e) const {
    e->date = d.ToIso();
    e->resolved_from = from;
    e->future = ref_ != nullptr && Days(d) > Days(*ref_);
  }
  // A full date written in the text, tokens [first, end): false when it is
  // not a real day ("February 30, 2015").
  bool SetFullDate(const CivilDate& d, size_t first, size_t end, TimeExpression* e,
                   size_t* next) const {
    if (!d.valid()) return false;
    SetSpan(first, end, e);
    SetDay(d, "text", e);
    *next = end;
    return true;
  }
  void SetMonth(int year, int month, const char* from, TimeExpression* e) const {
    e->date = MonthIso(year, month);
    e->resolved_from = from;
    e->future = ref_ != nullptr && year * 12 + month > ref_->year * 12 + ref_->month;
  }
  void SetRelativeDays(int64_t delta, bool future_if_unresolved, TimeExpression* e) const {
    if (ref_ == nullptr) {
      e->future = future_if_unresolved;
      return;
    }
    SetDay(CivilFromDays(Days(*ref_) + delta), "document date", e);
  }

  // A day of a month with no year: the year nearest the document date.
  bool ResolveMonthDay(int month, int day, TimeExpression* e, bool marker) const {
    if (day > DaysInMonth(2000, month)) return false;  // never a date
    if (ref_ == nullptr) {
      e->future = marker;
      return true;
    }
    const int64_t ref_days = Days(*ref_);
    bool found = false;
    CivilDate best;
    int64_t best_distance = 0;
    for (int y = ref_->year - 1; y <= ref_->year + 1; ++y) {
      if (day > DaysInMonth(y, month)) continue;
      CivilDate c{y, month, day};
      int64_t distance = Days(c) - ref_days;
      if (distance < 0) distance = -distance;
      if (!found || distance < best_distance) {
        found = true;
        best = c;
        best_distance = distance;
      }
    }
    if (!found) return false;  // February 29 with no leap year near
    SetDay(best, "document date", e);
    return true;
  }

  bool Match(size_t i, bool marker, size_t* next, TimeExpression* e) const {
    const Tok& t = toks_[i];
    size_t after = 0;
    if (t.kind == 'd') {
      // 2015-11-27
      if (Year(i) > 0 && IsPunct(i + 1, '-') && Adjacent(i + 1) && Adjacent(i + 2) &&
          IsPunct(i + 3, '-') && Adjacent(i + 3) && Adjacent(i + 4)) {
        CivilDate d{Year(i), Number(i + 2, 2), Number(i + 4, 2)};
        if (d.valid() && !(Has(i + 5) && Adjacent(i + 5) && toks_[i + 5].kind != 'p')) {
          SetSpan(i, i + 5, e);
          SetDay(d, "text", e);
          *next = i + 5;
          return true;
        }
      }
      // 11/27/2015
      if (IsPunct(i + 1, '/') && Adjacent(i + 1) && Adjacent(i + 2) && IsPunct(i + 3, '/') &&
          Adjacent(i + 3) && Adjacent(i + 4) && Year(i + 4) > 0) {
        CivilDate d{Year(i + 4), Number(i, 2), Number(i + 2, 2)};
        if (d.valid()) {
          SetSpan(i, i + 5, e);
          SetDay(d, "text", e);
          *next = i + 5;
          return true;
        }
      }
      if (MatchCountAgo(i, Number(i, 3), next, e)) return true;
      // 27 November (2015)
      int day = DayAt(i, &after);
      size_t month_end = 0;
      int month = day > 0 ? MonthAt(after, &month_end) : 0;
      if (month > 0) {
        size_t year_end = 0;
        int year = YearAfter(month_end, &year_end);
        if (year > 0) return SetFullDate(CivilDate{year, month, day}, i, year_end, e, next);
        // The month word without a period, which may end the sentence.
        SetSpan(i, after + 1, e);
        if (!ResolveMonthDay(month, day, e, marker)) return false;
        *next = after + 1;
        return true;
      }
      return false;
    }
    if (t.kind != 'a') return false;
    const std::string lower = Lower(i);
    // Months: "November 27, 2015", "Nov. 28", "January 2016", "in January".
    if (int month = MonthAt(i, &after); month > 0) {
      size_t day_end = 0;
      int day = DayAt(after, &day_end);
      if (day > 0) {
        size_t year_end = 0;
        int year = YearAfter(day_end, &year_end);
        if (year > 0) return SetFullDate(CivilDate{year, month, day}, i, year_end, e, next);
        if (!ResolveMonthDay(month, day, e, marker)) return false;
        SetSpan(i, day_end, e);
        *next = day_end;
        return true;
      }
      if (int year = Year(after); year > 0) {
        SetSpan(i, after + 1, e);
        SetMonth(year, month, "text", e);
        *next = after + 1;
        return true;
      }
      if (lower == "may" || i == 0 || toks_[i - 1].kind != 'a') return false;
      const std::string prev = Lower(i - 1);
      int step = 0;  // -1 strictly before, +1 strictly after, 0 by tense
      if (prev == "last") {
        step = -1;
      } else if (prev == "next") {
        step = 1;
      } else if (!IsMonthPreposition(prev)) {
        return false;
      }
      SetSpan(i - 1, i + 1, e);
      *next = i + 1;
      if (ref_ == nullptr) {
        e->future = step > 0 || (step == 0 && marker);
        return true;
      }
      int year = ref_->year;
      const bool forward = step > 0 || (step == 0 && marker);
      if (forward) {
        if (month < ref_->month || (step > 0 && month == ref_->month)) ++year;
      } else {
        if (month > ref_->month || (step < 0 && month == ref_->month)) --year;
      }
      SetMonth(year, month, "document date", e);
      return true;
    }
    // Weekdays.
    if (int wd = WeekdayFromName(lower); wd >= 0 && IsCapitalized(i)) {
      // "Tuesday, March 10": the date that follows says it all.
      size_t j = IsPunct(i + 1, ',') ? i + 2 : i + 1;
      size_t a = 0, b = 0;
      if (MonthAt(j, &a) > 0 || (DayAt(j, &a) > 0 && MonthAt(a, &b) > 0)) return false;
      size_t first = i;
      int step = 0;
      if (i > 0 && toks_[i - 1].kind == 'a') {
        const std::string prev = Lower(i - 1);
        if (prev == "last") step = -1, first = i - 1;
        if (prev == "next") step = 1, first = i - 1;
        if (prev == "this") first = i - 1;
      }
      SetSpan(first, i + 1, e);
      *next = i + 1;
      const bool forward = step > 0 || (step == 0 && marker);
      if (ref_ == nullptr) {
        e->future = forward;
        return true;
      }
      const int64_t ref_days = Days(*ref_);
      const int ref_wd = WeekdayOf(ref_days);
      int64_t delta;
      if (forward) {
        delta = (wd - ref_wd + 7) % 7;
        if (step > 0 && delta == 0) delta = 7;
      } else {
        delta = -((ref_wd - wd + 7) % 7);
        if (step < 0 && delta == 0) delta = -7;
      }
      SetDay(CivilFromDays(ref_days + delta), "document date", e);
      return true;
    }
    if (lower == "yesterday" || lower == "today" || lower == "tonight" || lower == "tomorrow") {
      SetSpan(i, i + 1, e);
      *next = i + 1;
      SetRelativeDays(lower == "yesterday"  ? -1
                      : lower == "tomorrow" ? 1
                                            : 0,
                      lower == "tomorrow", e);
      return true;
    }
    if ((lower == "last" || lower == "next" || lower == "this") && Has(i + 1) &&
        toks_[i + 1].kind == 'a') {
      const std::string unit = Lower(i + 1);
      const int sign = lower == "last" ? -1 : lower == "next" ? 1 : 0;
      if (unit == "week") {
        SetSpan(i, i + 2, e);
        *next = i + 2;
        SetRelativeDays(7 * sign, sign > 0, e);
        return true;
      }
      if (unit == "month") {
        SetSpan(i, i + 2, e);
        *next = i + 2;
        if (ref_ == nullptr) {
          e->future = sign > 0;
        } else {
          CivilDate m = AddMonths(CivilDate{ref_->year, ref_->month, 1}, sign);
          SetMonth(m.year, m.month, "document date", e);
        }
        return true;
      }
      return false;
    }
    if (lower == "within" || lower == "in") {
      size_t j = i + 1;
      if (Has(j + 1) && Lower(j) == "the" && Lower(j + 1) == "next") j += 2;
      if (!Has(j)) return false;
      int n = toks_[j].kind == 'd' ? Number(j, 3) : NumberWord(Lower(j));
      if (n <= 0 || !Has(j + 1) || toks_[j + 1].kind != 'a') return false;
      char unit = UnitFromWord(Lower(j + 1));
      if (unit == 0 || (Has(j + 2) && Lower(j + 2) == "ago")) return false;
      SetSpan(i, j + 2, e);
      *next = j + 2;
      if (ref_ == nullptr) {
        e->future = true;
      } else if (unit == 'd' || unit == 'w') {
        SetRelativeDays(unit == 'd' ? n : 7 * n, true, e);
      } else {
        SetDay(AddMonths(*ref_, unit == 'm' ? n : 12 * n), "document date", e);
      }
      return true;
    }
    return MatchCountAgo(i, NumberWord(lower), next, e);
  }

  // "three days ago", "2 weeks ago" at i, where `n` is the count read at i.
  bool MatchCountAgo(size_t i, int n, size_t* next, TimeExpression* e) const {
    if (n <= 0 || !Has(i + 2) || toks_[i + 1].kind != 'a' || Lower(i + 2) != "ago") return false;
    char unit = UnitFromWord(Lower(i + 1));
    if (unit == 0) return false;
    SetSpan(i, i + 3, e);
    *next = i + 3;
    if (ref_ == nullptr) return true;
    if (unit == 'd' || unit == 'w') {
      SetRelativeDays(unit == 'd' ? -n : -7 * n, false, e);
    } else {
      SetDay(AddMonths(*ref_, unit == 'm' ? -n : -12 * n), "document date", e);
    }
    return true;
  }

  std::string_view text_;
  const std::vector<Tok>& toks_;
  const CivilDate* ref_;
};

// The lowercase content words of a sentence.
std::set<std::string> ContentWords(const Document& doc, const Sentence& s) {
  std::set<std::string> words;
  const uint32_t end = std::min<uint32_t>(s.token_end, static_cast<uint32_t>(doc.tokens.size()));
  for (uint32_t t = s.token_begin; t < end; ++t) {
    const Token& tok = doc.tokens[t];
    if (tok.is_stopword || tok.is_number) continue;
    if (std::any_of(tok.lower.begin(), tok.lower.end(), [](char c) {
          return IsAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0x80;
        })) {
      words.insert(tok.lower);
    }
  }
  return words;
}

double Jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (const std::string& w : a) common += b.count(w);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

// The sentence, white space collapsed, cut on a word boundary near 200 bytes.
std::string EventText(std::string_view sentence) {
  constexpr size_t kMaxBytes = 200;
  std::string text = CollapseWhitespace(sentence);
  if (text.size() <= kMaxBytes) return text;
  size_t cut = text.rfind(' ', kMaxBytes);
  if (cut == std::string::npos || cut < kMaxBytes / 2) {
    cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  text.resize(cut);
  text += "\xE2\x80\xA6";  // …
  return text;
}

}  // namespace

Result<TimelineBuilder> TimelineBuilder::Create(std::string_view /*data_dir*/) {
  return TimelineBuilder();
}

std::vector<TimeExpression> TimelineBuilder::Extract(const Document& doc,
                                                     uint32_t document_index) const {
  std::vector<TimeExpression> out;
  CivilDate ref;
  const bool has_ref = !doc.date.empty() && ParseDate(doc.date, &ref) && ref.valid();
  std::vector<Tok> toks;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    Tokenize(doc.text, doc.sentences[s].span, &toks);
    SentenceMatcher(doc.text, toks, has_ref ? &ref : nullptr).Run(document_index, s, &out);
  }
  return out;
}

std::vector<TimelineEvent> TimelineBuilder::Build(const Cluster& cluster) const {
  std::vector<TimelineEvent> events;
  std::vector<std::set<std::string>> event_words;  // content words of each event's first sentence
  std::map<std::string, std::vector<size_t>> by_date;
  for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
    const Document& doc = cluster.documents[d];
    std::vector<TimeExpression> exprs = Extract(doc, d);
    uint32_t words_sentence = UINT32_MAX;
    std::set<std::string> words;
    for (TimeExpression& e : exprs) {
      if (e.sentence != words_sentence) {
        words = ContentWords(doc, doc.sentences[e.sentence]);
        words_sentence = e.sentence;
      }
      std::vector<size_t>& same_date = by_date[e.date];
      size_t found = SIZE_MAX;
      for (size_t k : same_date) {
        const TimeExpression& last = events[k].citations.back();
        if ((last.document == e.document && last.sentence == e.sentence) ||
            Jaccard(words, event_words[k]) >= 0.5) {
          found = k;
          break;
        }
      }
      if (found == SIZE_MAX) {
        same_date.push_back(events.size());
        TimelineEvent event;
        event.date = e.date;
        event.text = EventText(doc.sentences[e.sentence].span.Slice(doc.text));
        event.citations.push_back(std::move(e));
        events.push_back(std::move(event));
        event_words.push_back(words);
        continue;
      }
      std::vector<TimeExpression>& cites = events[found].citations;
      // One citation per sentence.
      if (std::none_of(cites.begin(), cites.end(), [&](const TimeExpression& c) {
            return c.document == e.document && c.sentence == e.sentence;
          })) {
        cites.push_back(std::move(e));
      }
    }
  }
  std::stable_sort(events.begin(), events.end(),
                   [](const TimelineEvent& a, const TimelineEvent& b) {
                     if (a.date.empty() != b.date.empty()) return b.date.empty();
                     if (a.date != b.date) return a.date < b.date;
                     const TimeExpression& x = a.citations.front();
                     const TimeExpression& y = b.citations.front();
                     return std::tie(x.document, x.sentence) < std::tie(y.document, y.sentence);
                   });
  return events;
}

}  // namespace dossier
