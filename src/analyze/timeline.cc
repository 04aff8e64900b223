#include "analyze/timeline.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "analyze/time_expressions.h"
#include "segment/metadata.h"
#include "util/dates.h"
#include "util/sorted.h"
#include "util/strings.h"

namespace dossier {
namespace {

using timeline_internal::Days;
using timeline_internal::FindExpressions;
using timeline_internal::Found;
using timeline_internal::KindRank;
using timeline_internal::kKindDate;
using timeline_internal::kKindDeadline;
using timeline_internal::kKindDeictic;
using timeline_internal::kKindRelative;
using timeline_internal::kPrecisionApproximate;
using timeline_internal::kPrecisionDay;
using timeline_internal::kPrecisionMonth;
using timeline_internal::kPrecisionYear;
using timeline_internal::PrecisionRank;
using timeline_internal::TimePhrase;
using timeline_internal::TimeWord;
using timeline_internal::TimeWords;

// An event whose last day lies more than this before the cluster's earliest
// document date is background (a historical reference).
constexpr int64_t kBackgroundDays = 365;

// What Build needs of a sentence that holds time expressions.
// A sorted set of words without duplicates; views into the documents'
// tokens (they outlive Build). Cheaper than std::set<std::string> for the
// few words of a sentence: no node per word.
using WordSet = std::vector<std::string_view>;

void SortUnique(WordSet* w) {
  std::sort(w->begin(), w->end());
  w->erase(std::unique(w->begin(), w->end()), w->end());
}

struct SentenceInfo {
  WordSet words;  // lowercase content words (see ContentWords)
  // Entity-like words and numbers outside the sentence's time expressions:
  // lowercase capitalized words that are not the sentence's first word, not
  // stopwords, titles, month or weekday names; and number tokens.
  WordSet keys;
  int score = 0;  // how event-like the sentence is (see EventScore)
};

// The lowercase content words of a sentence.
WordSet ContentWords(const Document& doc, const Sentence& s) {
  WordSet words;
  const uint32_t end = std::min<uint32_t>(s.token_end, static_cast<uint32_t>(doc.tokens.size()));
  for (uint32_t t = s.token_begin; t < end; ++t) {
    const Token& tok = doc.tokens[t];
    if (tok.is_stopword || tok.is_number) continue;
    if (std::any_of(tok.lower.begin(), tok.lower.end(), [](char c) {
          return IsAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0x80;
        })) {
      words.push_back(tok.lower);
    }
  }
  SortUnique(&words);
  return words;
}

// Whether a procedural phrase of two words or more (event_words.txt: "good
// morning") ends at token t.
bool ProceduralPhraseEnds(const TimeWords& words, const Document& doc, const Sentence& s,
                          uint32_t t) {
  for (const TimePhrase& p : words.procedural_phrases()) {
    const uint32_t n = static_cast<uint32_t>(p.words.size());
    if (t + 1 < s.token_begin + n) continue;
    bool match = true;
    for (uint32_t k = 0; k < n && match; ++k) match = doc.tokens[t + 1 - n + k].lower == p.words[k];
    if (match) return true;
  }
  return false;
}

// How event-like a sentence is, for choosing one of several deictic
// sentences: +3 with a past form (TimeWords::IsPastForm, not after a
// passive word: "be"), +1 per distinct entity-like word or number outside
// time expressions (at most 3 in all); -10 for a question, -6 for a
// procedural line (event_words.txt: question, ladies, gentlemen, thank,
// welcome, "good morning/afternoon/evening"), -4 for a fragment or stage
// direction, -2 under six words.
int EventScore(const TimeWords& time_words, const Document& doc, const Sentence& s, size_t entities,
               size_t numbers) {
  int score = static_cast<int>(std::min<size_t>(entities + numbers, 3));
  const uint32_t end = std::min<uint32_t>(s.token_end, static_cast<uint32_t>(doc.tokens.size()));
  bool past = false, procedural = false, after_passive = false, after_phrase_start = false;
  size_t words = 0;
  for (uint32_t t = s.token_begin; t < end; ++t) {
    std::string_view w = doc.tokens[t].lower;
    if (!w.empty() && (IsAsciiAlpha(w[0]) || IsAsciiDigit(w[0]))) ++words;
    const TimeWord* info = time_words.Find(w);
    const uint64_t roles = info == nullptr ? 0 : info->roles;
    if (!after_passive && (roles & timeline_internal::kFuture) == 0 &&
        time_words.IsPastForm(w, info)) {
      past = true;
    }
    if ((roles & timeline_internal::kProcedural) != 0 ||
        (after_phrase_start && ProceduralPhraseEnds(time_words, doc, s, t))) {
      procedural = true;
    }
    after_passive = (roles & timeline_internal::kPassive) != 0;
    after_phrase_start = (roles & timeline_internal::kProceduralStart) != 0;
  }
  if (past) score += 3;
  if (procedural) score -= 6;
  if (s.fragment || s.stage_direction) score -= 4;
  if (words < 6) score -= 2;
  std::string_view text = TrimWhitespace(s.span.Slice(doc.text));
  while (!text.empty() && (text.back() == '"' || text.back() == ')' || text.back() == '\'' ||
                           static_cast<unsigned char>(text.back()) >= 0x80)) {
    text.remove_suffix(1);  // closing quotes, also the bytes of "”"
  }
  if (!text.empty() && text.back() == '?') score -= 10;
  return score;
}

// Adds `key` to the sorted set; true when it was not there.
bool AddKey(WordSet* keys, std::string_view key) {
  auto it = std::lower_bound(keys->begin(), keys->end(), key);
  if (it != keys->end() && *it == key) return false;
  keys->insert(it, key);
  return true;
}

// The SentenceInfo of sentence `s`, whose time expressions are `exprs`.
SentenceInfo MakeInfo(const TimeWords& time_words, const Document& doc, uint32_t s,
                      const std::vector<Span>& exprs) {
  const Sentence& sentence = doc.sentences[s];
  SentenceInfo info;
  info.words = ContentWords(doc, sentence);
  // The time expressions' own words ("next", "week") say nothing of the event.
  for (uint32_t t = sentence.token_begin; t < sentence.token_end && t < doc.tokens.size(); ++t) {
    const Token& tok = doc.tokens[t];
    if (std::any_of(exprs.begin(), exprs.end(), [&](const Span& x) {
          return tok.span.begin >= x.begin && tok.span.end <= x.end;
        })) {
      auto it = std::lower_bound(info.words.begin(), info.words.end(), std::string_view(tok.lower));
      if (it != info.words.end() && *it == tok.lower) info.words.erase(it);
    }
  }
  const uint32_t end =
      std::min<uint32_t>(sentence.token_end, static_cast<uint32_t>(doc.tokens.size()));
  size_t entities = 0, numbers = 0;
  bool first_word = true;
  for (uint32_t t = sentence.token_begin; t < end; ++t) {
    const Token& tok = doc.tokens[t];
    if (tok.lower.empty()) continue;
    const bool letter = IsAsciiAlpha(doc.text[tok.span.begin]);
    if (!letter && !tok.is_number) continue;
    const bool initial = first_word && letter;
    if (letter) first_word = false;
    if (std::any_of(exprs.begin(), exprs.end(), [&](const Span& x) {
          return tok.span.begin >= x.begin && tok.span.end <= x.end;
        })) {
      continue;
    }
    if (tok.is_number) {
      numbers += AddKey(&info.keys, tok.lower);
      continue;
    }
    if (initial || tok.is_stopword || !IsAsciiUpper(doc.text[tok.span.begin])) continue;
    if ((time_words.Roles(tok.lower) & timeline_internal::kNotName) != 0 ||
        time_words.calendar().Month(tok.lower) != 0 ||
        time_words.calendar().Weekday(tok.lower) >= 0) {
      continue;
    }
    entities += AddKey(&info.keys, tok.lower);
  }
  info.score = EventScore(time_words, doc, sentence, entities, numbers);
  return info;
}

// The words two sorted sets share.
size_t Common(const WordSet& a, const WordSet& b) { return CountCommonSorted(a, b); }

bool ShareAny(const WordSet& a, const WordSet& b) { return Common(a, b) > 0; }

double Jaccard(const WordSet& a, const WordSet& b) {
  if (a.empty() || b.empty()) return 0;
  const size_t common = Common(a, b);
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

// The last day an event's date ("YYYY-MM-DD", "YYYY-MM" or "YYYY") covers,
// in days since 1970-01-01; false when it has none.
bool LastDay(const std::string& date, int64_t* days) {
  if (date.size() != 4 && date.size() != 7 && date.size() != 10) return false;
  CivilDate c;
  if (date.size() == 10) {
    if (!ParseDate(date, &c)) return false;
  } else {
    for (size_t i : {0, 1, 2, 3, 5, 6}) {
      if (i < date.size() && !IsAsciiDigit(date[i])) return false;
    }
    c.year = std::stoi(date.substr(0, 4));
    c.month = date.size() == 7 ? std::stoi(date.substr(5, 2)) : 12;
    if (c.month < 1 || c.month > 12) return false;
    c.day = DaysInMonth(c.year, c.month);
  }
  *days = Days(c);
  return true;
}

// Sets kind, precision, future, background and weight of an event from its
// citations; `earliest_document` is the earliest document date of the
// cluster in days, or INT64_MIN when no document has one.
void Finish(int64_t earliest_document, TimelineEvent* event) {
  int rank = 3;
  int precision = 3;
  bool future = true;
  std::set<uint32_t> documents;
  for (const TimeExpression& c : event->citations) {
    rank = std::min(rank, KindRank(c.kind));
    precision = std::min(precision, PrecisionRank(c.precision));
    future = future && c.future;
    documents.insert(c.document);
  }
  static constexpr const char* kKinds[] = {kKindDate, kKindDeadline, kKindRelative, kKindDeictic};
  static constexpr const char* kPrecisions[] = {kPrecisionDay, kPrecisionMonth, kPrecisionYear,
                                                kPrecisionApproximate};
  event->kind = kKinds[rank];
  event->precision = kPrecisions[precision];
  event->future = future;
  const bool deadline = rank == KindRank(kKindDeadline);
  int64_t last = 0;
  event->background = !future && !deadline && earliest_document != INT64_MIN &&
                      LastDay(event->date, &last) && last < earliest_document - kBackgroundDays;
  // A day (or a deadline) is worth more than a month, a month more than a
  // year. A deictic event is what happened on the report's own date, its
  // news: worth a day too. An unresolved event has no precision to reward.
  double bonus = 1.0;
  if (deadline || (!event->date.empty() && precision == PrecisionRank(kPrecisionDay))) {
    bonus = 1.5;
  } else if (!event->date.empty() && precision == PrecisionRank(kPrecisionYear)) {
    bonus = 0.5;
  }
  event->weight = 2.0 * static_cast<double>(documents.size()) + bonus;
  if (event->background) event->weight -= 1;
  if (event->date.empty()) event->weight /= 2;
}

// Whether expression `x` (of `doc`) holds a week unit ("next week", "two
// weeks ago"): a word of its span that time_units.txt calls one.
bool NamesAWeek(const TimeWords& words, const Document& doc, const TimeExpression& x) {
  std::vector<Lexeme> lexemes;
  words.Lex(doc.text, x.span, &lexemes);
  for (const Lexeme& l : lexemes) {
    if (l.kind != LexemeKind::kLetters) continue;
    const TimeWord* w = words.Find(words.Lower(l.In(doc.text)));
    if (w != nullptr && (w->roles & timeline_internal::kUnit) != 0 && w->unit == 'w') return true;
  }
  return false;
}

}  // namespace

Result<TimelineBuilder> TimelineBuilder::Create(std::string_view data_dir,
                                                std::string_view language) {
  Result<TimeWords> words = TimeWords::Create(data_dir, language);
  if (!words.ok()) return words.status();
  TimelineBuilder builder;
  builder.words_ = std::make_shared<const TimeWords>(std::move(*words));
  return builder;
}

std::vector<TimeExpression> TimelineBuilder::Extract(const Document& doc,
                                                     uint32_t document_index) const {
  return Extract(doc, document_index, doc.date);
}

std::vector<TimeExpression> TimelineBuilder::Extract(const Document& doc, uint32_t document_index,
                                                     std::string_view date) const {
  std::vector<TimeExpression> out;
  for (Found& f : FindExpressions(*words_, doc, document_index, date)) {
    f.e.month_day = f.month_day;
    out.push_back(std::move(f.e));
  }
  return out;
}

namespace {

// Cluster years: a yearless day left unresolved takes the one year that
// day has wherever it is resolved in the cluster.
void ResolveClusterYears(std::vector<std::vector<Found>>* found) {
  std::map<int, std::set<int>> years;  // month * 100 + day -> years
  for (const std::vector<Found>& fs : *found) {
    for (const Found& f : fs) {
      CivilDate c;
      if (f.e.date.size() == 10 && ParseDate(f.e.date, &c))
        years[c.month * 100 + c.day].insert(c.year);
    }
  }
  for (std::vector<Found>& fs : *found) {
    for (Found& f : fs) {
      if (f.month_day == 0 || !f.e.date.empty()) continue;
      auto it = years.find(f.month_day);
      if (it == years.end() || it->second.size() != 1) continue;
      f.e.date = CivilDate{*it->second.begin(), f.month_day / 100, f.month_day % 100}.ToIso();
      f.e.resolved_from = "cluster";
    }
  }
}

// Deictic expressions: one per (document, date), from the most event-like
// sentence (the earliest among equals).
void KeepOneDeicticPerDate(const std::vector<std::map<uint32_t, SentenceInfo>>& infos,
                           std::vector<std::vector<Found>>* all) {
  std::vector<std::vector<Found>>& found = *all;
  const uint32_t n = static_cast<uint32_t>(found.size());
  for (uint32_t d = 0; d < n; ++d) {
    std::map<std::string, size_t> best;  // date -> index into found[d]
    for (size_t k = 0; k < found[d].size(); ++k) {
      const TimeExpression& e = found[d][k].e;
      if (e.kind != kKindDeictic) continue;
      auto [it, inserted] = best.emplace(e.date, k);
      if (!inserted &&
          infos[d].at(e.sentence).score > infos[d].at(found[d][it->second].e.sentence).score) {
        it->second = k;
      }
    }
    std::vector<Found> kept;
    for (size_t k = 0; k < found[d].size(); ++k) {
      const TimeExpression& e = found[d][k].e;
      if (e.kind != kKindDeictic || best.at(e.date) == k) kept.push_back(std::move(found[d][k]));
    }
    found[d] = std::move(kept);
  }
}

}  // namespace

std::vector<TimelineEvent> TimelineBuilder::Build(
    const Cluster& cluster, const TimelineScope* scope,
    const std::vector<std::vector<TimeExpression>>* extracted) const {
  const uint32_t n = static_cast<uint32_t>(cluster.documents.size());
  auto included = [&](uint32_t d) {
    return scope == nullptr || d >= scope->include.size() || scope->include[d];
  };
  auto date_of = [&](uint32_t d) -> std::string_view {
    return scope != nullptr && d < scope->dates.size()
               ? std::string_view(scope->dates[d])
               : std::string_view(cluster.documents[d].date);
  };
  std::vector<std::vector<Found>> found(n);
  for (uint32_t d = 0; d < n; ++d) {
    if (!included(d)) continue;
    if (extracted != nullptr && d < extracted->size() && date_of(d) == cluster.documents[d].date) {
      for (const TimeExpression& e : (*extracted)[d]) found[d].push_back({e, e.month_day});
    } else {
      found[d] = FindExpressions(*words_, cluster.documents[d], d, date_of(d));
    }
  }

  ResolveClusterYears(&found);

  // Sentence facts, per document (std::map: stable addresses).
  std::vector<std::map<uint32_t, SentenceInfo>> infos(n);
  for (uint32_t d = 0; d < n; ++d) {
    const Document& doc = cluster.documents[d];
    for (size_t k = 0; k < found[d].size();) {
      const uint32_t s = found[d][k].e.sentence;
      std::vector<Span> spans;
      for (; k < found[d].size() && found[d][k].e.sentence == s; ++k) {
        spans.push_back(found[d][k].e.span);
      }
      infos[d].emplace(s, MakeInfo(*words_, doc, s, spans));
    }
  }

  KeepOneDeicticPerDate(infos, &found);

  // Merge.
  std::vector<TimelineEvent> events;
  std::vector<const SentenceInfo*> event_info;  // the first citation's sentence
  std::map<std::string, std::vector<size_t>> by_date;
  for (uint32_t d = 0; d < n; ++d) {
    const Document& doc = cluster.documents[d];
    for (Found& f : found[d]) {
      TimeExpression& e = f.e;
      const SentenceInfo& info = infos[d].at(e.sentence);
      std::vector<size_t>& same_date = by_date[e.date];
      auto same_sentence = [&](size_t k) {
        return std::any_of(
            events[k].citations.begin(), events[k].citations.end(),
            [&](const TimeExpression& c) { return c.document == d && c.sentence == e.sentence; });
      };
      size_t match = SIZE_MAX;
      for (size_t k : same_date) {
        if (same_sentence(k) || Jaccard(info.words, event_info[k]->words) >= 0.5) {
          match = k;
          break;
        }
      }
      // "next week" in reports of different days: the same week, so days
      // up to three apart, with a shared name or number (or Jaccard >= 0.2).
      const auto is_week = [&](const TimeExpression& x) {
        return x.kind == kKindRelative && NamesAWeek(*words_, cluster.documents[x.document], x);
      };
      CivilDate day;
      if (match == SIZE_MAX && e.date.size() == 10 && is_week(e) && ParseDate(e.date, &day)) {
        for (int delta = -3; delta <= 3 && match == SIZE_MAX; ++delta) {
          if (delta == 0) continue;
          auto near = by_date.find(CivilFromDays(Days(day) + delta).ToIso());
          if (near == by_date.end()) continue;
          for (size_t k : near->second) {
            for (const TimeExpression& c : events[k].citations) {
              if (!is_week(c)) continue;
              const SentenceInfo& other = infos[c.document].at(c.sentence);
              if (ShareAny(info.keys, other.keys) || Jaccard(info.words, other.words) >= 0.2) {
                match = k;
                break;
              }
            }
            if (match != SIZE_MAX) break;
          }
        }
      }
      // One document's deadlines of one day are one deadline.
      if (match == SIZE_MAX && e.kind == kKindDeadline) {
        for (size_t k : same_date) {
          for (const TimeExpression& c : events[k].citations) {
            if (c.kind == kKindDeadline && c.document == d) match = k;
          }
          if (match != SIZE_MAX) break;
        }
      }
      if (match == SIZE_MAX && e.kind != kKindDeadline && e.date.size() == 10) {
        for (size_t k : same_date) {
          for (const TimeExpression& c : events[k].citations) {
            if (c.kind == kKindDeadline) continue;
            const SentenceInfo& other = infos[c.document].at(c.sentence);
            if (ShareAny(info.keys, other.keys) || Jaccard(info.words, other.words) >= 0.2) {
              match = k;
              break;
            }
          }
          if (match != SIZE_MAX) break;
        }
      }
      if (match == SIZE_MAX) {
        same_date.push_back(events.size());
        TimelineEvent event;
        event.date = e.date;
        event.text = EventText(doc.sentences[e.sentence].span.Slice(doc.text));
        event.citations.push_back(std::move(e));
        events.push_back(std::move(event));
        event_info.push_back(&info);
        continue;
      }
      // One citation per sentence.
      if (!same_sentence(match)) events[match].citations.push_back(std::move(e));
    }
  }
  int64_t earliest = INT64_MIN;
  for (uint32_t d = 0; d < n; ++d) {
    CivilDate c;
    if (included(d) && !date_of(d).empty() && ParseDate(date_of(d), &c) && c.valid()) {
      earliest = earliest == INT64_MIN ? Days(c) : std::min(earliest, Days(c));
    }
  }
  for (TimelineEvent& event : events) Finish(earliest, &event);
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

std::vector<TimelineEvent> TimelineBuilder::Top(const std::vector<TimelineEvent>& events,
                                                size_t count) {
  std::vector<size_t> order(events.size());
  std::iota(order.begin(), order.end(), size_t{0});
  auto heavier = [&](size_t a, size_t b) {
    const TimelineEvent& x = events[a];
    const TimelineEvent& y = events[b];
    if (x.weight != y.weight) return x.weight > y.weight;
    const uint32_t xs = x.citations.empty() ? UINT32_MAX : x.citations.front().sentence;
    const uint32_t ys = y.citations.empty() ? UINT32_MAX : y.citations.front().sentence;
    if (xs != ys) return xs < ys;
    return a < b;
  };
  count = std::min(count, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count), order.end(),
                    heavier);
  order.resize(count);
  std::sort(order.begin(), order.end());
  std::vector<TimelineEvent> top;
  top.reserve(count);
  for (size_t i : order) top.push_back(events[i]);
  return top;
}

}  // namespace dossier
