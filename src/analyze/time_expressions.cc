// The time-expression matcher (time_expressions.h): one pass over each
// sentence's letter, digit and punctuation runs.
#include "analyze/time_expressions.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "analyze/time_words.h"
#include "segment/lexer.h"
#include "segment/metadata.h"
#include "util/dates.h"
#include "util/number_words.h"
#include "util/strings.h"

namespace dossier::timeline_internal {
namespace {

// The count a unit in the plural alone stands for: "in recent days", "in
// the coming weeks" (the vague counts of time_words.txt have their own).
constexpr int kVagueCount = 3;

// 0 = Monday ... 6 = Sunday.
int WeekdayOf(int64_t days) {
  int64_t w = (days + 3) % 7;  // 1970-01-01 was a Thursday
  return static_cast<int>(w < 0 ? w + 7 : w);
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

// Matches the expressions of one sentence.
class SentenceMatcher {
 public:
  SentenceMatcher(const TimeWords& words, std::string_view text, const std::vector<Lexeme>& toks,
                  const CivilDate* ref)
      : words_(words), text_(text), toks_(toks), ref_(ref) {
    // Every word lowered and looked up once: the rules look at the same
    // words many times.
    lower_.resize(toks_.size());
    info_.assign(toks_.size(), nullptr);
    for (size_t i = 0; i < toks_.size(); ++i) {
      if (toks_[i].kind != LexemeKind::kLetters) {
        // A mark of the lists ("°", an ordinal suffix), where words are Unicode.
        if (words_.grammar().unicode_letters && toks_[i].kind == LexemeKind::kOther &&
            static_cast<unsigned char>(text_[toks_[i].begin]) >= 0x80) {
          info_[i] = words_.Find(Str(i));
        }
        continue;
      }
      lower_[i] = words_.Lower(Str(i));
      info_[i] = words_.Find(lower_[i]);
      has_ago_ = has_ago_ || Is(i, kAgo);
    }
  }

  void Run(uint32_t document, uint32_t sentence, std::vector<Found>* out) {
    size_t i = 0;
    while (i < toks_.size()) {
      Found f;
      size_t next = i;
      if (Match(i, &next, &f)) {
        f.e.document = document;
        f.e.sentence = sentence;
        if (f.daypart_alone && !DayJustNamed(*out, sentence, &f.e) && f.late_past) {
          LastEvening(*out, &f.e);
        }
        if (f.from_named_day) DayFromNamedDay(*out, f.named_day_offset, f.named_day_past, &f.e);
        out->push_back(std::move(f));
        i = floor_ = next;
        continue;
      }
      ++i;
    }
  }

 private:
  static constexpr size_t kNone = SIZE_MAX;

  // `offset` days from the last day named in the document so far ("mardi
  // dernier ... le lendemain": Wednesday); told in the past (`past`), from
  // the last one that does not put it after the document date.
  void DayFromNamedDay(const std::vector<Found>& out, int offset, bool past,
                       TimeExpression* e) const {
    for (auto it = out.rbegin(); it != out.rend(); ++it) {
      CivilDate d;
      if (it->e.precision == kPrecisionDay && !it->e.date.empty() && ParseDate(it->e.date, &d) &&
          d.valid() && !(past && ref_ != nullptr && Days(d) + offset > Days(*ref_))) {
        SetDay(CivilFromDays(Days(d) + offset), it->e.resolved_from.c_str(), e);
        return;
      }
    }
  }

  // The day of the last expression of `sentence` that names one, for a part
  // of the day alone ("ayer por la noche": yesterday's night); false when
  // the sentence names none before it.
  static bool DayJustNamed(const std::vector<Found>& out, uint32_t sentence, TimeExpression* e) {
    for (auto it = out.rbegin(); it != out.rend() && it->e.sentence == sentence; ++it) {
      if (it->e.precision == kPrecisionDay && !it->e.date.empty()) {
        e->date = it->e.date;
        e->resolved_from = it->e.resolved_from;
        e->future = it->e.future;
        return true;
      }
    }
    return false;
  }

  // A late part of the day told in the past with no day before it in its
  // sentence ("hätten sich erst am Abend gemeldet"): the evening of the last
  // day the document told of before it (not one ahead), else the evening
  // before the document's date: a report dated D that tells of a past
  // evening and names no day tells of the one before it was written.
  void LastEvening(const std::vector<Found>& out, TimeExpression* e) const {
    for (auto it = out.rbegin(); it != out.rend(); ++it) {
      if (it->e.precision == kPrecisionDay && !it->e.date.empty() && !it->e.future) {
        e->date = it->e.date;
        e->resolved_from = it->e.resolved_from;
        return;
      }
    }
    SetRelativeDays(-1, false, e);
  }

  std::string_view Str(size_t i) const {
    return std::string_view(text_).substr(toks_[i].begin, toks_[i].end - toks_[i].begin);
  }
  std::string_view Lower(size_t i) const { return lower_[i]; }
  bool Has(size_t i) const { return i < toks_.size(); }
  bool IsWord(size_t i) const { return Has(i) && toks_[i].kind == LexemeKind::kLetters; }
  // What the word at i does (time_words.h); null when i is no listed word.
  const TimeWord* Info(size_t i) const { return Has(i) ? info_[i] : nullptr; }
  // Whether the word at i has one of `roles`.
  bool Is(size_t i, uint64_t roles) const {
    const TimeWord* w = Info(i);
    return w != nullptr && (w->roles & roles) != 0;
  }
  // The unit ('d', 'w', 'm', 'y') of the word at i, 0 if it is none.
  char UnitAt(size_t i) const { return Is(i, kUnit) ? info_[i]->unit : 0; }
  // "days", "weeks", "months", "years": a unit in the plural.
  bool IsPluralUnit(size_t i) const { return Is(i, kUnit) && info_[i]->plural; }
  // "week", "month", "year": a unit in the singular, other than the day.
  bool IsCalendarUnit(size_t i) const {
    return Is(i, kUnit) && info_[i]->singular && info_[i]->unit != 'd';
  }
  // The end of the longest of `phrases` that starts at token i, words in a
  // row; kNone if none does. Sets *value to its value.
  size_t PhraseAt(size_t i, const std::vector<TimePhrase>& phrases, int* value) const {
    size_t best = kNone;
    for (const TimePhrase& p : phrases) {
      size_t k = 0;
      while (k < p.words.size() && WordAt(i + k) == p.words[k]) ++k;
      if (k == p.words.size() && (best == kNone || i + k > best)) {
        best = i + k;
        *value = p.value;
      }
    }
    return best;
  }
  // The lowercase word at i, or "" when i is not a word.
  std::string_view WordAt(size_t i) const {
    return IsWord(i) ? std::string_view(lower_[i]) : std::string_view();
  }
  bool Adjacent(size_t i) const {  // toks_[i] follows toks_[i - 1] with no space
    return i > 0 && Has(i) && toks_[i - 1].end == toks_[i].begin;
  }
  bool IsPunct(size_t i, char c) const { return Has(i) && toks_[i].IsMark(text_, c); }
  // The one character `mark` ("’", "—") at i.
  bool IsMarkAt(size_t i, std::string_view mark) const {
    return Has(i) && toks_[i].kind == LexemeKind::kOther && Str(i) == mark;
  }
  bool IsCapitalized(size_t i) const { return IsAsciiUpper(text_[toks_[i].begin]); }
  // Month and weekday names: capitalized where the language writes them so.
  bool IsNameCased(size_t i) const {
    return !words_.grammar().capitalized_names || IsCapitalized(i);
  }
  // The month of the name at i (0 if none), and whether it is a common word.
  int MonthNameAt(size_t i, bool* common_word = nullptr) const {
    return words_.calendar().Month(words_.grammar().unicode_letters ? Lower(i) : Str(i),
                                   common_word);
  }
  // The token after an apostrophe ("'" or "’") right after token i, or kNone.
  size_t AfterApostrophe(size_t i) const {
    if (IsPunct(i + 1, '\'') && Adjacent(i + 1) && Adjacent(i + 2)) return i + 2;
    if (Adjacent(i + 1) && IsMarkAt(i + 1, "\xE2\x80\x99") && Adjacent(i + 2)) return i + 2;
    return kNone;
  }
  // True when token i sets clauses apart: ; ( ) always; , : and - unless
  // they stand between two tokens with no space ("1,000", "4:30",
  // "well-known"); "—" and "–".
  bool IsClauseMark(size_t i) const {
    if (toks_[i].kind != LexemeKind::kOther) return false;
    const char c = text_[toks_[i].begin];
    if (c == ';' || c == '(' || c == ')') return true;
    if (c == ',' || c == ':' || c == '-') return !(Adjacent(i) && Adjacent(i + 1));
    return IsMarkAt(i, "\xE2\x80\x94") || IsMarkAt(i, "\xE2\x80\x93");
  }

  // The tense cue of word i (tense_words.txt; see ComputeCues): +1, -1 or 0.
  int CueAt(size_t i) const {
    const std::string_view w = Lower(i);
    const TimeWord* info = info_[i];
    const uint64_t roles = info == nullptr ? 0 : info->roles;
    const size_t contracted = AfterApostrophe(i);
    for (const Contraction& c : words_.future_contractions()) {
      if (w == c.head && contracted != kNone && WordAt(contracted) == c.tail) return 1;  // "won't"
    }
    const bool be_before = i > 0 && Is(i - 1, kBe);
    if ((roles & kTo) != 0) {
      // "the minister is to visit", not "is to blame".
      return i > 0 && Is(i - 1, kBePresent) && IsWord(i + 1) && !Is(i + 1, kIsToIdiom) ? 1 : 0;
    }
    if ((roles & kFuture) != 0) {
      const bool to_after = Is(i + 1, kTo);
      switch (info->future) {
        case FutureCondition::kAlways:
          return 1;
        case FutureCondition::kAfterBeOrBeforeTo:
          return be_before || to_after ? 1 : 0;
        case FutureCondition::kAfterBeAndBeforeTo:
          return be_before && to_after ? 1 : 0;
        case FutureCondition::kUnlessBareTo:
          return !to_after || be_before ? 1 : 0;
        case FutureCondition::kBeforeTo:
          return to_after ? 1 : 0;
        case FutureCondition::kUnlessPerfect: {
          bool perfect = Is(i + 1, kPerfect);
          for (const std::string& tail : words_.perfect_tails()) {
            perfect = perfect || (contracted != kNone && WordAt(contracted) == tail);
          }
          return perfect ? 0 : 1;
        }
      }
    }
    if (words_.IsFutureForm(w, info)) return 1;
    return words_.IsPastForm(w, info) && !(i > 0 && Is(i - 1, kPassive)) ? -1 : 0;
  }

  // The tense cue of each word: +1 future, -1 past, 0 none (the words of
  //  tense_words.txt; English examples):
  //   future: "will", "shall", "'ll", "should", "scheduled", "planned",
  //           "upcoming"; "won't"; "would" unless "have"/"'ve" follows;
  //           "expected" after a form of "be" or before "to"; "set" and
  //           "going" after a form of "be" and before "to"; "due" unless
  //           "due to" without a form of "be" before it ("closed due to the
  //           storm"); "plans" and the like before "to"; "to" after is,
  //           are, am and before a word other than "blame";
  //   past:   a past form (TimeWords::IsPastForm) that is not one of the
  //           words above and does not follow "be"/"being" ("will be held").
  // Also the clause marks and the count of words before each token.
  // Computed on first use: most sentences hold no time expression.
  void ComputeCues() const {
    if (cues_ready_) return;
    cues_ready_ = true;
    const size_t n = toks_.size();
    cue_.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      if (toks_[i].kind != LexemeKind::kLetters) continue;
      cue_[i] = static_cast<int8_t>(CueAt(i));
    }
    prev_cue_.assign(n + 1, kNone);
    for (size_t i = 1; i <= n; ++i) {
      prev_cue_[i] = cue_[i - 1] != 0 ? i - 1 : prev_cue_[i - 1];
    }
    next_cue_.assign(n + 1, kNone);
    for (size_t i = n; i-- > 0;) next_cue_[i] = cue_[i] != 0 ? i : next_cue_[i + 1];
    words_before_.assign(n + 1, 0);
    clause_mark_.assign(n, false);
    for (size_t i = 0; i < n; ++i) {
      words_before_[i + 1] = words_before_[i] + (toks_[i].kind != LexemeKind::kOther ? 1 : 0);
      clause_mark_[i] = IsClauseMark(i);
    }
  }

  // The tense of the nearest cue to tokens [first, end) within tokens [lo,
  // hi): +1, -1, or 0 when none. Distance: the words between; the cue
  // before wins among equals.
  int NearestCue(size_t first, size_t end, size_t lo, size_t hi) const {
    size_t left = prev_cue_[first];
    size_t right = next_cue_[end];
    if (left != kNone && left < lo) left = kNone;
    if (right != kNone && right >= hi) right = kNone;
    if (left == kNone && right == kNone) return 0;
    if (right == kNone) return cue_[left];
    if (left == kNone) return cue_[right];
    const size_t left_words = words_before_[first] - words_before_[left + 1];
    const size_t right_words = words_before_[right] - words_before_[end];
    return left_words <= right_words ? cue_[left] : cue_[right];
  }

  // The tense of the expression of tokens [first, end): +1 future, -1
  // past, 0 when the sentence has no cue.
  //  1. an onset word ("starting", "beginning") right before it (also
  //     before "on"): future;
  //  2. a past cue right before it (also before "on") or right after it:
  //     past ("said Tuesday", "on Friday announced");
  //  3. else the nearest cue of its clause (between clause marks: "– which
  //     will be in its third year in January –");
  //  4. else the nearest cue of the sentence ("On Monday, the council will
  //     vote").
  // `clause_only`: no step 4 when the clause holds more than the expression
  // and two words ("The road is closed until Friday, the county said": the
  // attribution's tense is not the clause's; "Up until Tuesday, the agency
  // said it lacked ..." has no clause of its own).
  int Tense(size_t first, size_t end, bool clause_only = false) const {
    ComputeCues();
    size_t before = first > 0 ? first - 1 : kNone;
    if (before != kNone && Is(before, kOn) && before > 0) --before;
    if (before != kNone) {
      if (Is(before, kOnset)) return 1;
      if (cue_[before] < 0) return -1;
    }
    if (Has(end) && cue_[end] < 0) return -1;
    size_t lo = first;
    while (lo > 0 && !clause_mark_[lo - 1]) --lo;
    size_t hi = end;
    while (hi < toks_.size() && !clause_mark_[hi]) ++hi;
    if (const int clause = NearestCue(first, end, lo, hi); clause != 0) return clause;
    const size_t clause_words = words_before_[hi] - words_before_[lo];
    const size_t own_words = words_before_[end] - words_before_[first];
    if (clause_only && clause_words > own_words + 2) return 0;
    return NearestCue(first, end, 0, toks_.size());
  }
  bool Future(size_t first, size_t end) const { return Tense(first, end) > 0; }

  // Whether a word of kUntilNegation stands before token `until` in its
  // clause, at most eight words back.
  bool NegatedBefore(size_t until) const {
    ComputeCues();
    for (size_t k = until, words = 0; k > 0 && words < 8 && !clause_mark_[k - 1]; --k) {
      if (!IsWord(k - 1)) continue;
      if (Is(k - 1, kUntilNegation)) return true;
      ++words;
    }
    return false;
  }

  int Number(size_t i, size_t max_digits) const {
    if (!Has(i) || toks_[i].kind != LexemeKind::kDigits ||
        toks_[i].end - toks_[i].begin > max_digits)
      return -1;
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
    if (!Has(i) || toks_[i].kind != LexemeKind::kLetters || !IsNameCased(i)) return 0;
    int m = MonthNameAt(i);
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
        toks_[i + 2].kind == LexemeKind::kDigits && Adjacent(i + 2)) {
      return -1;
    }
    if (Adjacent(i) && (IsPunct(i - 1, ':') || IsPunct(i - 1, '.') || IsPunct(i - 1, '-') ||
                        IsPunct(i - 1, '/') || IsPunct(i - 1, ','))) {
      return -1;
    }
    *after = i + 1;
    if (Has(i + 1) && toks_[i + 1].kind == LexemeKind::kLetters && Adjacent(i + 1)) {
      if (!Is(i + 1, kOrdinal)) return -1;  // "30th"
      *after = i + 2;
    } else if (Adjacent(i + 1) && Is(i + 1, kOrdinal)) {
      *after = i + 2;  // a mark listed as an ordinal suffix ("1°")
    } else if (words_.grammar().day_period && IsPunct(i + 1, '.') && Adjacent(i + 1)) {
      *after = i + 2;  // "3. März"
    }
    return d;
  }
  // A day with an ordinal suffix ("30th"); sets *after.
  int OrdinalDayAt(size_t i, size_t* after) const {
    size_t a = 0;
    int d = DayAt(i, &a);
    if (d < 0 || a != i + 2) return -1;
    *after = a;
    return d;
  }
  // ", 2015" or " 2015" at i; sets *after.
  // Also " de 2015" (a date joiner) and "2015 года" (a year word after it).
  int YearAfter(size_t i, size_t* after) const {
    size_t j = IsPunct(i, ',') || Is(i, kDateJoiner) ? i + 1 : i;
    int y = Year(j);
    if (y < 0 || (Has(j + 1) && Adjacent(j + 1) && toks_[j + 1].kind != LexemeKind::kOther))
      return -1;
    *after = YearWordEnd(j + 1);
    return y;
  }
  // Past a year word at i ("года", "г."), or i when there is none.
  size_t YearWordEnd(size_t i) const {
    if (!Is(i, kYearWord)) return i;
    return info_[i]->takes_period && IsPunct(i + 1, '.') && Adjacent(i + 1) ? i + 2 : i + 1;
  }

  void SetSpan(size_t first, size_t last_exclusive, TimeExpression* e) const {
    e->span = Span{toks_[first].begin, toks_[last_exclusive - 1].end};
  }
  // The number of words of the longest of `hedges` that ends right before
  // token `first` (after the last expression found), 0 if none.
  size_t HedgeBefore(size_t first, const std::vector<TimePhrase>& hedges) const {
    size_t best = 0;
    for (const TimePhrase& hedge : hedges) {
      const size_t words = hedge.words.size();
      if (words <= best || first < floor_ + words) continue;
      bool match = true;
      for (size_t k = 0; k < words && match; ++k) {
        match = WordAt(first - words + k) == hedge.words[k];
      }
      if (match) best = words;
    }
    return best;
  }
  // Takes a hedge of `hedges` before token `first` into the span of `e`,
  // which becomes approximate.
  void Hedge(size_t first, const std::vector<TimePhrase>& hedges, TimeExpression* e) const {
    const size_t words = HedgeBefore(first, hedges);
    if (words == 0) return;
    e->span.begin = toks_[first - words].begin;
    e->precision = kPrecisionApproximate;
  }
  // A vague tail ("or so", "or more", "or less"), and with `count`, a range
  // word and a count ("a week or two"), at token i: the token after it, or
  // kNone.
  size_t OrSoAt(size_t i, bool count) const {
    int unused = 0;
    if (Is(i, kPhraseStart)) {
      if (const size_t end = PhraseAt(i, words_.vague_tails(), &unused); end != kNone) return end;
    }
    size_t after = 0;
    bool vague = false;
    if (count && Is(i, kRange) && CountAt(i + 1, &after, &vague) > 0) return after;
    return kNone;
  }
  // A count at token j: digits (not after a decimal point), a vague count
  // (the longest vague phrase of time_words.txt: "a few", "several": 3; "a
  // couple of": 2), a count word ("a": 1) or a number word
  // (util/number_words.h). Sets *after and *vague; -1 if none.
  int CountAt(size_t j, size_t* after, bool* vague) const {
    *vague = false;
    if (!Has(j)) return -1;
    if (toks_[j].kind == LexemeKind::kDigits) {
      if (Adjacent(j) && (IsPunct(j - 1, '.') || IsPunct(j - 1, ','))) return -1;
      const int n = Number(j, 3);
      if (n <= 0) return -1;
      *after = j + 1;
      return n;
    }
    if (Is(j, kPhraseStart)) {
      int n = 0;
      if (const size_t end = PhraseAt(j, words_.vague(), &n); end != kNone) {
        *vague = true;
        *after = end;
        return n;
      }
    }
    const int n = Is(j, kCountWord) ? info_[j]->count : words_.Cardinal(WordAt(j));
    if (n > 0) *after = j + 1;
    return n;
  }
  // A count and its unit at token j ("two weeks", "a few days", "two or
  // three weeks": a range counts its first number and is vague). Sets *unit
  // ('d', 'w', 'm', 'y'), *unit_at and *vague; -1 if none.
  int CountAndUnit(size_t j, char* unit, size_t* unit_at, bool* vague) const {
    size_t after = 0;
    const int n = CountAt(j, &after, vague);
    if (n <= 0) return -1;
    if (Is(after, kRange)) {
      size_t range_end = 0;
      bool unused = false;
      if (CountAt(after + 1, &range_end, &unused) > 0 && UnitAt(range_end) != 0) {
        after = range_end;
        *vague = true;
      }
    }
    *unit = UnitAt(after);
    if (*unit == 0) return -1;
    *unit_at = after;
    return n;
  }
  void SetYear(int year, const char* from, TimeExpression* e) const {
    e->future = ref_ != nullptr && year > ref_->year;
    if (year < 1000 || year > 9999) return;  // the years of CivilDate
    char buf[8];
    std::snprintf(buf, sizeof(buf), "%04d", year);
    e->date = buf;
    e->resolved_from = from;
  }
  // D - n units ('d', 'w', 'm', 'y'; months and years clamp the day).
  void SetCountBack(int n, char unit, TimeExpression* e) const {
    if (ref_ == nullptr) return;
    if (unit == 'd' || unit == 'w') {
      SetRelativeDays(unit == 'd' ? -n : -7 * n, false, e);
    } else {
      SetDay(AddMonths(*ref_, unit == 'm' ? -n : -12 * n), "document date", e);
    }
  }
  // A day counted from the document date may leave the years 1000-9999
  // ("tomorrow" on December 31, 9999): it has no "YYYY-MM-DD" and stays
  // unresolved, as does a month outside them.
  void SetDay(const CivilDate& d, const char* from, TimeExpression* e) const {
    e->future = ref_ != nullptr && Days(d) > Days(*ref_);
    if (!d.valid()) return;
    e->date = d.ToIso();
    e->resolved_from = from;
  }
  // A full date written in the text, tokens [first, end): false when it is
  // not a real day ("February 30, 2015").
  bool SetFullDate(const CivilDate& d, size_t first, size_t end, TimeExpression* e,
                   size_t* next) const {
    if (!d.valid()) return false;
    SetSpan(first, end, e);
    SetDay(d, "text", e);
    e->kind = kKindDate;
    e->precision = kPrecisionDay;
    Hedge(first, words_.date_hedges(), e);
    *next = end;
    return true;
  }
  void SetMonth(int year, int month, const char* from, TimeExpression* e) const {
    e->future = ref_ != nullptr && year * 12 + month > ref_->year * 12 + ref_->month;
    if (!CivilDate{year, month, 1}.valid()) return;  // the years of CivilDate
    e->date = MonthIso(year, month);
    e->resolved_from = from;
  }
  void SetRelativeDays(int64_t delta, bool future_if_unresolved, TimeExpression* e) const {
    if (ref_ == nullptr) {
      e->future = future_if_unresolved;
      return;
    }
    SetDay(CivilFromDays(Days(*ref_) + delta), "document date", e);
  }

  // Whether the date at token `first` names a thing by its day: "of" after
  // a capitalized word inside the sentence ("the Minsk Agreements of
  // February 12"). A thing known by its day has happened: the day is the
  // last one on or before the document date, whatever the tense ("We will
  // insist on the Minsk Agreements of February 12").
  bool NamesAThing(size_t first) const {
    return first >= 3 && Is(first - 1, kOf) && IsWord(first - 2) && IsCapitalized(first - 2) &&
           !Is(first - 2, kUnit) && IsWord(first - 3);
  }

  // A day of a month with no year, tokens [first, end): the year nearest
  // the document date (the last on or before it for a day that names a
  // thing: NamesAThing); without one, unresolved with `month_day` set.
  bool SetMonthDay(int month, int day, size_t first, size_t end, Found* f, size_t* next) const {
    TimeExpression* e = &f->e;
    if (day > DaysInMonth(2000, month)) return false;  // never a date
    SetSpan(first, end, e);
    e->kind = kKindDate;
    e->precision = kPrecisionDay;
    Hedge(first, words_.date_hedges(), e);
    *next = end;
    if (ref_ == nullptr) {
      e->future = Future(first, end);
      f->month_day = month * 100 + day;
      return true;
    }
    const int64_t ref_days = Days(*ref_);
    const bool names_past = NamesAThing(first);
    bool found = false;
    CivilDate best;
    int64_t best_distance = 0;
    for (int y = ref_->year - 1; y <= ref_->year + 1; ++y) {
      if (day > DaysInMonth(y, month)) continue;
      CivilDate c{y, month, day};
      int64_t distance = Days(c) - ref_days;
      if (names_past && distance > 0) continue;
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

  bool Match(size_t i, size_t* next, Found* f) const {
    const Lexeme& t = toks_[i];
    if (t.kind == LexemeKind::kDigits) return MatchNumeric(i, next, f);
    if (t.kind != LexemeKind::kLetters) return false;
    TimeExpression* e = &f->e;
    const std::string_view lower = Lower(i);
    size_t after = 0;
    if (int month = MonthAt(i, &after); month > 0) return MatchMonth(i, month, after, next, f);
    bool common_word = false;
    if (int wd = words_.calendar().Weekday(lower, &common_word); wd >= 0 && IsNameCased(i)) {
      return MatchWeekday(i, wd, common_word, next, e);
    }
    // "por la mañana": after an article, a day word that is also a part of
    // the day is the part of the day ("the morning"), not "tomorrow".
    const bool daypart = Is(i, kDaypart) && i > 0 && Is(i - 1, kDaypartArticle);
    if (Is(i, kDayWord) && !daypart && (!info_[i]->lower_case_only || Str(i) == lower)) {
      return MatchDayWord(i, next, e);
    }
    // "le lendemain", "la veille": from the day named before (Run), else
    // the document's day ("au lendemain de l'incendie" in the next day's
    // report).
    if (Is(i, kNamedDay)) {
      SetSpan(i, i + 1, e);
      e->kind = kKindRelative;
      e->precision = kPrecisionDay;
      *next = i + 1;
      SetRelativeDays(0, false, e);
      f->from_named_day = true;
      f->named_day_offset = info_[i]->day_offset;
      f->named_day_past = Tense(i, i + 1) < 0;
      return true;
    }
    // "am Abend", "por la tarde": a part of the day alone.
    if (daypart && info_[i]->daypart_offset == 0) {
      const size_t first = i - 1 >= floor_ ? i - 1 : i;  // with its article
      SetSpan(first, i + 1, e);
      e->kind = kKindDeictic;
      e->precision = kPrecisionDay;
      *next = i + 1;
      SetRelativeDays(0, false, e);
      f->daypart_alone = true;
      f->late_past = Is(i, kLateDaypart) && Tense(first, i + 1) < 0;
      return true;
    }
    if (Is(i, kAgoBeforeStart) && MatchAgoBefore(i, next, e)) return true;
    if (Is(i, kYearBefore) && MatchYearBefore(i, next, e)) return true;
    if (IsCalendarUnit(i) && Is(i + 1, kTrailingBefore | kTrailingAfter) && IsWord(i + 1)) {
      return SetLastNextUnit(i, i + 2, Is(i + 1, kTrailingBefore) ? -1 : 1, UnitAt(i), next, e);
    }
    if (MatchRecentPeriod(i, next, e)) return true;
    if (Is(i, kEarlier | kLater) && Is(i + 1, kCurrent)) {
      return MatchThisUnit(i, i + 2, Is(i, kLater) ? 1 : -1, next, e);
    }
    if (Is(i, kBefore | kAfter | kCurrent) && Has(i + 1) &&
        toks_[i + 1].kind == LexemeKind::kLetters) {
      return MatchLastNext(i, next, e);
    }
    if (Is(i, kWithin | kIn)) return MatchDeadline(i, Is(i, kWithin), next, e);
    if (Is(i, kPeriodEnd) && MatchPeriodEnd(i, next, e)) return true;
    return MatchCountAgo(i, next, e);
  }

  // A date starting with a number: "2015-11-27", "11/27/2015", "27 November
  // (2015)", "1st of January (2016)", "three days ago".
  bool MatchNumeric(size_t i, size_t* next, Found* f) const {
    TimeExpression* e = &f->e;
    size_t after = 0;
    // 2015-11-27
    if (Year(i) > 0 && IsPunct(i + 1, '-') && Adjacent(i + 1) && Adjacent(i + 2) &&
        IsPunct(i + 3, '-') && Adjacent(i + 3) && Adjacent(i + 4)) {
      CivilDate d{Year(i), Number(i + 2, 2), Number(i + 4, 2)};
      if (d.valid() &&
          !(Has(i + 5) && Adjacent(i + 5) && toks_[i + 5].kind != LexemeKind::kOther)) {
        return SetFullDate(d, i, i + 5, e, next);
      }
    }
    // 11/27/2015 (month first), 27/11/2015 or 27.11.2015 (day first): the
    // separators and the order of time_grammar.txt.
    for (const char sep : words_.grammar().numeric_separators) {
      if (IsPunct(i + 1, sep) && Adjacent(i + 1) && Adjacent(i + 2) && IsPunct(i + 3, sep) &&
          Adjacent(i + 3) && Adjacent(i + 4) && Year(i + 4) > 0) {
        const int first = Number(i, 2), second = Number(i + 2, 2);
        CivilDate d{Year(i + 4), first, second};
        if (words_.grammar().day_first) d = CivilDate{Year(i + 4), second, first};
        if (d.valid()) return SetFullDate(d, i, i + 5, e, next);
      }
    }
    // "2015 года", "в 2015 году": a year and a year word.
    if (Year(i) > 0 && Is(i + 1, kYearWord)) return SetYearDate(Year(i), i, i, next, e);
    // "sei 1998 bei der Werft gebaut worden": a year alone, before a word
    // that does not follow a count.
    if (const int year = Year(i);
        year >= 1900 && year <= 2099 && Is(i + 1, kYearFollower) && (i == 0 || !Adjacent(i))) {
      SetSpan(i, i + 1, e);
      e->kind = kKindDate;
      e->precision = kPrecisionYear;
      *next = i + 1;
      SetYear(year, "text", e);
      return true;
    }
    if (MatchCountAgo(i, next, e)) return true;
    // 27 November (2015), 1st of January (2016)
    int day = DayAt(i, &after);
    size_t month_at = after;
    if (day > 0 && after == i + 2 && Is(after, kOf)) month_at = after + 1;
    if (day > 0 && Is(after, kDateJoiner)) month_at = after + 1;  // "3 de marzo"
    size_t month_end = 0;
    int month = day > 0 ? MonthAt(month_at, &month_end) : 0;
    if (month > 0) {
      size_t year_end = 0;
      int year = YearAfter(month_end, &year_end);
      if (year > 0) return SetFullDate(CivilDate{year, month, day}, i, year_end, e, next);
      // The month word without a period, which may end the sentence.
      return SetMonthDay(month, day, i, month_at + 1, f, next);
    }
    return false;
  }

  // Months at i (ending before `after`): "November 27, 2015", "Nov. 28",
  // "October the 30th", "January 2016", "in January", "last March".
  bool MatchMonth(size_t i, int month, size_t after, size_t* next, Found* f) const {
    TimeExpression* e = &f->e;
    size_t day_end = 0;
    int day = DayAt(after, &day_end);
    if (day < 0 && Is(after, kThe)) day = OrdinalDayAt(after + 1, &day_end);
    if (day > 0) {
      size_t year_end = 0;
      int year = YearAfter(day_end, &year_end);
      if (year > 0) return SetFullDate(CivilDate{year, month, day}, i, year_end, e, next);
      return SetMonthDay(month, day, i, day_end, f, next);
    }
    const size_t year_at = Is(after, kDateJoiner) ? after + 1 : after;  // "marzo de 2015"
    if (int year = Year(year_at); year > 0) {
      const size_t end = YearWordEnd(year_at + 1);
      SetSpan(i, end, e);
      SetMonth(year, month, "text", e);
      e->kind = kKindDate;
      e->precision = kPrecisionMonth;
      Hedge(i, words_.date_hedges(), e);
      *next = end;
      return true;
    }
    // A name that is also a common word ("may") needs a day or a year.
    bool common_word = false;
    MonthNameAt(i, &common_word);
    if (common_word) return false;
    int step = 0;  // -1 strictly before, +1 strictly after, 0 by tense
    size_t first = i - 1, end = i + 1;
    if (IsWord(i + 1) && Is(i + 1, kTrailingBefore | kTrailingAfter)) {
      step = Is(i + 1, kTrailingBefore) ? -1 : 1;  // "mars dernier"
      first = i;
      end = i + 2;
    } else if (i == 0 || toks_[i - 1].kind != LexemeKind::kLetters) {
      return false;
    } else if (Is(i - 1, kBefore)) {
      step = -1;
    } else if (Is(i - 1, kAfter)) {
      step = 1;
    } else if (!Is(i - 1, kMonthPreposition)) {
      return false;
    }
    SetSpan(first, end, e);
    e->kind = kKindDate;
    e->precision = kPrecisionMonth;
    *next = end;
    const int tense = step != 0 ? step : Tense(first, end);
    const bool forward = tense > 0;
    if (ref_ == nullptr) {
      e->future = forward;
      return true;
    }
    int year = ref_->year;
    if (tense == 0) {
      // No cue: the year that puts the month nearest D's, the past among
      // equals.
      const int delta = month - ref_->month;  // -11 .. 11
      if (delta >= 6) --year;
      if (delta < -6) ++year;
    } else if (forward) {
      if (month < ref_->month || (step > 0 && month == ref_->month)) ++year;
    } else {
      if (month > ref_->month || (step < 0 && month == ref_->month)) --year;
    }
    SetMonth(year, month, "document date", e);
    return true;
  }

  // A weekday at i: "Tuesday", "last Friday", "this Monday".
  // A weekday name that is also a common word ("segunda") needs a word
  // before or after it that makes it one ("na segunda", "segunda passada").
  bool MatchWeekday(size_t i, int wd, bool common_word, size_t* next, TimeExpression* e) const {
    // "Tuesday, March 10": the date that follows says it all.
    size_t j = IsPunct(i + 1, ',') ? i + 2 : i + 1;
    size_t a = 0, b = 0;
    if (MonthAt(j, &a) > 0 ||
        (DayAt(j, &a) > 0 && MonthAt(Is(a, kDateJoiner) ? a + 1 : a, &b) > 0)) {
      return false;
    }
    size_t first = i, end = i + 1;
    int step = 0;
    bool marked = false;  // a word before or after says it is the weekday
    if (i > 0 && toks_[i - 1].kind == LexemeKind::kLetters) {
      if (Is(i - 1, kBefore)) step = -1, first = i - 1;
      if (Is(i - 1, kAfter)) step = 1, first = i - 1;
      if (Is(i - 1, kCurrent)) first = i - 1;
      marked = first < i || Is(i - 1, kWeekdayPreposition);
    }
    if (first == i && IsWord(i + 1) && Is(i + 1, kTrailingBefore | kTrailingAfter)) {
      step = Is(i + 1, kTrailingBefore) ? -1 : 1;  // "mardi dernier"
      end = i + 2;
      marked = true;
    }
    // "hasta el viernes", "bis Freitag", "until Friday": a weekday an until
    // word leads to (at most two fillers between) is ahead unless its
    // clause's tense is past: a deadline ("mantiene el aviso hasta el
    // viernes").
    bool until = false;
    size_t until_at = 0;  // the until word
    if (first == i && step == 0) {
      size_t k = i;
      while (k > 0 && i - k < 2 && IsWord(k - 1) && Is(k - 1, kUntilFiller) && !Is(k - 1, kUntil)) {
        --k;
      }
      until = k > 0 && IsWord(k - 1) && Is(k - 1, kUntil);
      if (until) until_at = k - 1;
      marked = marked || until;
    }
    if (common_word && !marked) return false;
    SetSpan(first, end, e);
    e->kind = kKindRelative;
    e->precision = kPrecisionDay;
    Hedge(first, words_.date_hedges(), e);
    *next = end;
    const bool forward =
        step > 0 ||
        (step == 0 && (until ? Tense(first, end, /*clause_only=*/true) >= 0 : Future(first, end)));
    // "not expected until Sunday": a negation before the until word in its
    // clause makes the day the earliest one, expected, not a deadline.
    if (until && forward && !NegatedBefore(until_at)) e->kind = kKindDeadline;
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

  // "yesterday", "today", "tonight", "tomorrow": a day word at i.
  bool MatchDayWord(size_t i, size_t* next, TimeExpression* e) const {
    const int offset = info_[i]->day_offset;
    SetSpan(i, i + 1, e);
    *next = i + 1;
    e->kind = offset == 0 ? kKindDeictic : kKindRelative;  // "today" restates D
    e->precision = kPrecisionDay;
    SetRelativeDays(offset, offset > 0, e);
    return true;
  }

  // "до конца недели", "fin du mois": the last day of D's week (Sunday),
  // month or year; an end word, at most two fillers and a unit.
  bool MatchPeriodEnd(size_t i, size_t* next, TimeExpression* e) const {
    if (ref_ == nullptr) return false;
    size_t u = i + 1;
    while (u < i + 3 && Is(u, kPeriodEndFiller)) ++u;
    const char unit = UnitAt(u);
    if (unit != 'w' && unit != 'm' && unit != 'y') return false;
    const int64_t today = Days(*ref_);
    CivilDate last = *ref_;
    if (unit == 'w') {
      const int64_t monday_based = ((today + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
      last = CivilFromDays(today + 6 - monday_based);
      if (MatchWeekend(i, u, today + 6 - monday_based, next, e)) return true;
    } else if (unit == 'm') {
      last.day = DaysInMonth(last.year, last.month);
    } else {
      last.month = 12;
      last.day = 31;
    }
    SetSpan(i, u + 1, e);
    e->kind = kKindDeadline;
    e->precision = kPrecisionDay;
    *next = u + 1;
    SetDay(last, "document date", e);
    return true;
  }

  // "el pasado fin de semana", "este fin de semana", "il prossimo fine
  // settimana", "fim de semana passado": the end of a week, the word
  // before or after it saying which, is a weekend, not a deadline: its
  // Sunday. The end word at i, the unit at u; `sunday` ends D's week.
  bool MatchWeekend(size_t i, size_t u, int64_t sunday, size_t* next, TimeExpression* e) const {
    size_t first = i, end = u + 1;
    int sign = 0;
    if (i > 0 && toks_[i - 1].kind == LexemeKind::kLetters &&
        Is(i - 1, kBefore | kAfter | kCurrent)) {
      first = i - 1;
      sign = Is(i - 1, kBefore) ? -1 : Is(i - 1, kAfter) ? 1 : 0;
    } else if (IsWord(u + 1) && Is(u + 1, kTrailingBefore | kTrailingAfter)) {
      end = u + 2;
      sign = Is(u + 1, kTrailingBefore) ? -1 : 1;
    } else {
      return false;
    }
    SetSpan(first, end, e);
    e->kind = kKindRelative;
    e->precision = kPrecisionDay;
    *next = end;
    SetRelativeDays(sunday + 7 * sign - Days(*ref_), sign > 0, e);
    return true;
  }

  // "last week", "next month", "this year", "this morning", "last night".
  bool MatchLastNext(size_t i, size_t* next, TimeExpression* e) const {
    const char unit = IsCalendarUnit(i + 1) ? UnitAt(i + 1) : 0;
    const int sign = Is(i, kBefore) ? -1 : Is(i, kAfter) ? 1 : 0;
    const char* kind = sign == 0 ? kKindDeictic : kKindRelative;
    if (sign != 0 && unit != 0 && IsNarrativePeriod(i)) return false;
    if (unit != 0) return SetLastNextUnit(i, i + 2, sign, unit, next, e);
    // "this morning", "this afternoon", "this evening"; "last night": a
    // part of the day whose offset is the sign.
    if (sign <= 0 && Is(i + 1, kDaypart) && info_[i + 1]->daypart_offset == sign) {
      SetSpan(i, i + 2, e);
      e->kind = kind;
      e->precision = kPrecisionDay;
      *next = i + 2;
      SetRelativeDays(sign, false, e);
      return true;
    }
    return false;
  }

  // The week, month or year (`unit`) `sign` from D's (-1, +1; 0: D's own),
  // tokens [first, end): "last week", "la semaine dernière", "this year".
  bool SetLastNextUnit(size_t first, size_t end, int sign, char unit, size_t* next,
                       TimeExpression* e) const {
    SetSpan(first, end, e);
    e->kind = sign == 0 ? kKindDeictic : kKindRelative;
    *next = end;
    if (unit == 'w') {
      e->precision = kPrecisionApproximate;
      SetRelativeDays(7 * sign, sign > 0, e);
      return true;
    }
    e->precision = unit == 'm' ? kPrecisionMonth : kPrecisionYear;
    if (ref_ == nullptr) {
      e->future = sign > 0;
    } else if (unit == 'y') {
      SetYear(ref_->year + sign, "document date", e);
    } else {
      CivilDate m = AddMonths(CivilDate{ref_->year, ref_->month, 1}, sign);
      SetMonth(m.year, m.month, "document date", e);
    }
    return true;
  }

  // A year written with a year word, tokens [first, year_at] and the year
  // word after it: "2015 года", "im Jahr 2015".
  bool SetYearDate(int year, size_t first, size_t year_at, size_t* next, TimeExpression* e) const {
    const size_t end = YearWordEnd(year_at + 1);
    SetSpan(first, end, e);
    e->kind = kKindDate;
    e->precision = kPrecisionYear;
    Hedge(first, words_.date_hedges(), e);
    *next = end;
    SetYear(year, "text", e);
    return true;
  }

  // "im Jahr 2015", "en el año 2015", "no ano de 2015": a year word before a year at i.
  bool MatchYearBefore(size_t i, size_t* next, TimeExpression* e) const {
    const size_t year_at = Is(i + 1, kDateJoiner) ? i + 2 : i + 1;
    const int year = Year(year_at);
    if (year < 0 || (Has(year_at + 1) && Adjacent(year_at + 1) &&
                     toks_[year_at + 1].kind != LexemeKind::kOther)) {
      return false;
    }
    return SetYearDate(year, i, year_at, next, e);
  }

  // "vor drei Tagen", "il y a trois jours", "hace unos dos años": an
  // ago_before phrase at i, a count hedge maybe, a count and a unit.
  bool MatchAgoBefore(size_t i, size_t* next, TimeExpression* e) const {
    int unused = 0;
    size_t j = PhraseAt(i, words_.agos_before(), &unused);
    if (j == kNone) return false;
    bool approximate = false;
    if (const size_t hedge_end = PhraseAt(j, words_.count_hedges(), &unused); hedge_end != kNone) {
      j = hedge_end;
      approximate = true;
    }
    char unit = 0;
    size_t unit_at = 0;
    bool vague = false;
    int n = CountAndUnit(j, &unit, &unit_at, &vague);
    if (n <= 0 && Is(j, kHedgeFiller)) {  // "hace unos dos años"
      n = CountAndUnit(j + 1, &unit, &unit_at, &vague);
      approximate = true;
    }
    if (n <= 0) return false;
    size_t end = unit_at + 1;
    if (const size_t or_end = OrSoAt(end, false); or_end != kNone) {
      end = or_end;
      approximate = true;
    }
    SetSpan(i, end, e);
    e->kind = kKindRelative;
    e->precision = approximate || vague ? kPrecisionApproximate : kPrecisionDay;
    *next = end;
    SetCountBack(n, unit, e);
    return true;
  }

  // "within six months", "in another two weeks", "in the coming weeks" at
  // i: up to four filler words, then a count and a unit (or, after "next"
  // or "coming", a unit in the plural: a vague count).
  bool MatchDeadline(size_t i, bool within, size_t* next, TimeExpression* e) const {
    size_t j = i + 1;
    int n = -1;
    char unit = 0;
    size_t unit_at = 0;
    bool vague = false, hedged = false, coming = false;
    for (int skipped = 0; Has(j); ++j, ++skipped) {
      n = CountAndUnit(j, &unit, &unit_at, &vague);
      if (n > 0) break;
      // "в течение суток", "в течение недели": a unit in the singular is one.
      if (words_.grammar().bare_unit_is_one && UnitAt(j) != 0 && !IsPluralUnit(j)) {
        n = 1;
        unit = UnitAt(j);
        unit_at = j;
        break;
      }
      if (coming && IsPluralUnit(j)) {
        n = kVagueCount;
        unit = UnitAt(j);
        unit_at = j;
        vague = true;
        break;
      }
      const bool filler =
          within ? Is(j, kWithinFiller) : Is(j, kInFiller) || (Is(j, kThe) && Is(j + 1, kAhead));
      if (skipped == 4 || !filler) break;
      hedged = hedged || Is(j, kHedgeFiller);
      coming = coming || Is(j, kComing);
    }
    if (n <= 0) return false;
    if (Is(unit_at + 1, kAgo)) return false;
    size_t end = unit_at + 1;
    if (const size_t or_end = OrSoAt(end, false); or_end != kNone) {
      end = or_end;
      hedged = true;
    }
    SetSpan(i, end, e);
    e->kind = kKindDeadline;
    e->precision = hedged || vague ? kPrecisionApproximate : kPrecisionDay;
    *next = end;
    if (ref_ == nullptr) {
      e->future = true;
    } else if (unit == 'd' || unit == 'w') {
      SetRelativeDays(unit == 'd' ? n : 7 * n, true, e);
    } else {
      SetDay(AddMonths(*ref_, unit == 'm' ? n : 12 * n), "document date", e);
    }
    return true;
  }

  // "three days ago", "2 weeks ago", "about a year ago", "a year ago or so",
  // "some years ago" at i.
  bool MatchCountAgo(size_t i, size_t* next, TimeExpression* e) const {
    if (!has_ago_) return false;
    char unit = 0;
    size_t unit_at = 0;
    bool vague = false;
    int n = CountAndUnit(i, &unit, &unit_at, &vague);
    // "год назад", "неделю назад": where the language writes no article, a
    // unit in the singular right before the ago word is one of it.
    if (n <= 0 && words_.grammar().bare_unit_is_one && UnitAt(i) != 0 && !IsPluralUnit(i) &&
        Is(i + 1, kAgo)) {
      n = 1;
      unit = UnitAt(i);
      unit_at = i;
    }
    if (n <= 0) return false;
    size_t end = unit_at + 1;
    bool approximate = vague;
    if (const size_t or_end = OrSoAt(end, true); or_end != kNone) {
      end = or_end;
      approximate = true;
    }
    if (!Is(end, kAgo)) return false;
    ++end;
    if (const size_t or_end = OrSoAt(end, false); or_end != kNone) {
      end = or_end;
      approximate = true;
    }
    SetSpan(i, end, e);
    e->kind = kKindRelative;
    e->precision = approximate ? kPrecisionApproximate : kPrecisionDay;
    Hedge(i, words_.count_hedges(), e);
    *next = end;
    SetCountBack(n, unit, e);
    return true;
  }

  // "The next year, he sold it", "the last week of June": "last"/"next" at i
  // counted from another time than the document date. "the" before it
  // without a period preposition before that ("over the next year" counts
  // from D), or "of" after the unit.
  bool IsNarrativePeriod(size_t i) const {
    if (Is(i + 2, kOf)) return true;
    if (i == 0 || !Is(i - 1, kThe)) return false;
    return i < 2 || !Is(i - 2, kPeriodPreposition);
  }

  // "in recent weeks", "over the past few days", "the last couple of
  // months" at i ("recent", "past" or "last"): D - N units, approximate.
  bool MatchRecentPeriod(size_t i, size_t* next, TimeExpression* e) const {
    int n = -1;
    size_t unit_at = i + 1;
    if (Is(i, kRecent)) {
      n = kVagueCount;
    } else if (Is(i, kPastPeriod)) {
      bool vague = false;
      n = CountAt(i + 1, &unit_at, &vague);
      if (!vague) return false;
    }
    if (n <= 0 || !IsPluralUnit(unit_at)) return false;
    size_t first = i;
    if (first > floor_ && Is(first - 1, kThe)) --first;
    if (first > floor_ && Is(first - 1, kSpanPreposition)) --first;
    SetSpan(first, unit_at + 1, e);
    e->kind = kKindRelative;
    e->precision = kPrecisionApproximate;
    *next = unit_at + 1;
    SetCountBack(n, UnitAt(unit_at), e);
    return true;
  }

  // "earlier this week", "later this year": tokens [i, unit_at], where
  // unit_at holds week, month or year; `later` +1, or -1 for "earlier".
  bool MatchThisUnit(size_t i, size_t unit_at, int later, size_t* next, TimeExpression* e) const {
    if (!IsCalendarUnit(unit_at)) return false;
    const char unit = UnitAt(unit_at);
    SetSpan(i, unit_at + 1, e);
    e->kind = kKindRelative;
    *next = unit_at + 1;
    if (unit == 'w') {
      e->precision = kPrecisionApproximate;
      SetRelativeDays(0, later > 0, e);
    } else if (unit == 'm') {
      e->precision = kPrecisionMonth;
      if (ref_ != nullptr) SetMonth(ref_->year, ref_->month, "document date", e);
    } else {
      e->precision = kPrecisionYear;
      if (ref_ != nullptr) SetYear(ref_->year, "document date", e);
    }
    if (later > 0) e->future = true;
    return true;
  }

  const TimeWords& words_;
  std::string_view text_;
  const std::vector<Lexeme>& toks_;
  std::vector<std::string> lower_;     // per token: the word lowered; "" for others
  std::vector<const TimeWord*> info_;  // per token: what the word does, or null
  bool has_ago_ = false;               // the sentence holds "ago"
  const CivilDate* ref_;
  mutable bool cues_ready_ = false;
  mutable std::vector<int8_t> cue_;           // per token, see ComputeCues
  mutable std::vector<size_t> prev_cue_;      // [i]: the last token before i with a cue
  mutable std::vector<size_t> next_cue_;      // [i]: the first token at or after i with a cue
  mutable std::vector<size_t> words_before_;  // [i]: letter and digit tokens before token i
  mutable std::vector<bool> clause_mark_;     // [i]: token i sets clauses apart (IsClauseMark)
  size_t floor_ = 0;  // the first token after the last expression found (Run)
};

// Whether `sentence` ends in a day number and a period ("am 3."): an
// ordinal day in a language that writes them so.
bool EndsWithOrdinalDay(std::string_view sentence) {
  sentence = TrimWhitespace(sentence);
  if (sentence.size() < 2 || sentence.back() != '.') return false;
  sentence.remove_suffix(1);
  size_t digits = 0;
  while (digits < sentence.size() && IsAsciiDigit(sentence[sentence.size() - 1 - digits])) {
    ++digits;
  }
  return digits >= 1 && digits <= 2 &&
         (digits == sentence.size() || sentence[sentence.size() - 1 - digits] == ' ');
}

// A sentence that is only a photo credit: "(Image courtesy Jane Roe.)".
bool IsCreditLine(const MetadataDetector& metadata, std::string_view sentence) {
  sentence = TrimWhitespace(sentence);
  return !sentence.empty() && sentence.front() == '(' && metadata.IsPhotoCaption(sentence);
}

}  // namespace

// 0 = "day" (the finest) ... 3 = "approximate".
int PrecisionRank(std::string_view precision) {
  if (precision == kPrecisionDay) return 0;
  if (precision == kPrecisionMonth) return 1;
  if (precision == kPrecisionYear) return 2;
  return 3;
}

// 0 = "date" (the strongest) ... 3 = "deictic".
int KindRank(std::string_view kind) {
  if (kind == kKindDate) return 0;
  if (kind == kKindDeadline) return 1;
  if (kind == kKindRelative) return 2;
  return 3;
}

int64_t Days(const CivilDate& d) { return DaysFromCivil(d.year, d.month, d.day); }

std::vector<Found> FindExpressions(const TimeWords& words, const Document& doc,
                                   uint32_t document_index, std::string_view date) {
  const MetadataDetector& metadata = words.metadata();
  std::vector<Found> out;
  CivilDate ref;
  const bool has_ref = !date.empty() && ParseDate(date, &ref) && ref.valid();
  std::vector<Lexeme> toks;
  // Captions date a picture: their sentences give no expressions.
  size_t paragraph = 0;
  int paragraph_caption = -1;  // unknown
  uint32_t taken_until = 0;    // the end of the expressions the sentence before took from this one
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Span span = doc.sentences[s].span;
    const size_t before = out.size();
    // A sentence split after an ordinal day ("am 3." | "März 2015") is read
    // with the next one; expressions starting in it are its own.
    const bool joined = words.grammar().day_period && s + 1 < doc.sentences.size() &&
                        EndsWithOrdinalDay(span.Slice(doc.text));
    words.Lex(doc.text, joined ? Span{span.begin, doc.sentences[s + 1].span.end} : span, &toks);
    SentenceMatcher(words, doc.text, toks, has_ref ? &ref : nullptr).Run(document_index, s, &out);
    const uint32_t taken_before = taken_until;
    taken_until = 0;
    out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(before), out.end(),
                             [&](const Found& f) {
                               return f.e.span.begin < taken_before ||
                                      (joined && f.e.span.begin >= span.end);
                             }),
              out.end());
    for (size_t k = before; joined && k < out.size(); ++k) {
      taken_until = std::max(taken_until, out[k].e.span.end);
    }
    if (out.size() == before) continue;
    while (paragraph < doc.paragraphs.size() && doc.paragraphs[paragraph].end <= span.begin) {
      ++paragraph;
      paragraph_caption = -1;
    }
    const bool in_paragraph =
        paragraph < doc.paragraphs.size() && doc.paragraphs[paragraph].begin <= span.begin;
    if (in_paragraph && paragraph_caption < 0) {
      paragraph_caption =
          metadata.IsPhotoCaption(doc.paragraphs[paragraph].Slice(doc.text)) ? 1 : 0;
    }
    if ((in_paragraph && paragraph_caption == 1) || metadata.IsPhotoCaption(span.Slice(doc.text)) ||
        (s + 1 < doc.sentences.size() &&
         IsCreditLine(metadata, doc.sentences[s + 1].span.Slice(doc.text)))) {
      out.resize(before);
    }
  }
  return out;
}

}  // namespace dossier::timeline_internal
