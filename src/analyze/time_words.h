// The word lists of the time expressions and the timeline: what each word
// does (data/<language>/time_words.txt, time_units.txt, tense_words.txt,
// event_words.txt), month and weekday names (util/dates.h) and photo
// captions (segment/metadata.h). Internal to the analyze stage.
//
//   Result<TimeWords> words = TimeWords::Create(data_dir, "en");
//   const TimeWord* w = words->Find("yesterday");  // w->roles & kDayWord, w->day_offset == -1
//
// Immutable once created; thread-safe. Lookups take a word in lower case.
#ifndef DOSSIER_ANALYZE_TIME_WORDS_H_
#define DOSSIER_ANALYZE_TIME_WORDS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dossier/span.h"
#include "dossier/status.h"
#include "segment/lexer.h"
#include "segment/metadata.h"
#include "util/dates.h"
#include "util/number_words.h"
#include "util/word_shapes.h"

namespace dossier::timeline_internal {

// What a word does (the kinds of the data files; a word may do several).
enum TimeRole : uint64_t {
  // time_words.txt
  kDayWord = uint64_t{1} << 0,  // day_offset
  kBefore = uint64_t{1} << 1,
  kAfter = uint64_t{1} << 2,
  kCurrent = uint64_t{1} << 3,
  kEarlier = uint64_t{1} << 4,
  kLater = uint64_t{1} << 5,
  kDaypart = uint64_t{1} << 6,  // daypart_offset
  kAgo = uint64_t{1} << 7,
  kWithin = uint64_t{1} << 8,
  kIn = uint64_t{1} << 9,
  kWithinFiller = uint64_t{1} << 10,
  kInFiller = uint64_t{1} << 11,
  kAhead = uint64_t{1} << 12,
  kComing = uint64_t{1} << 13,
  kHedgeFiller = uint64_t{1} << 14,
  kRecent = uint64_t{1} << 15,
  kPastPeriod = uint64_t{1} << 16,
  kCountWord = uint64_t{1} << 17,  // count
  kRange = uint64_t{1} << 18,
  kMonthPreposition = uint64_t{1} << 19,
  kPeriodPreposition = uint64_t{1} << 20,
  kSpanPreposition = uint64_t{1} << 21,
  kThe = uint64_t{1} << 22,
  kOf = uint64_t{1} << 23,
  kOrdinal = uint64_t{1} << 24,
  // The first word of a phrase of time_words.txt (vague, vague_tail).
  kPhraseStart = uint64_t{1} << 25,
  // time_units.txt
  kUnit = uint64_t{1} << 26,  // unit, plural
  // tense_words.txt
  kFuture = uint64_t{1} << 27,  // condition
  kPerfect = uint64_t{1} << 28,
  kBe = uint64_t{1} << 29,
  kBePresent = uint64_t{1} << 30,
  kTo = uint64_t{1} << 31,
  kIsToIdiom = uint64_t{1} << 32,
  kPastForm = uint64_t{1} << 33,
  kNotPast = uint64_t{1} << 34,
  kPassive = uint64_t{1} << 35,
  kOnset = uint64_t{1} << 36,
  kOn = uint64_t{1} << 37,
  // event_words.txt
  kNotName = uint64_t{1} << 38,
  kProcedural = uint64_t{1} << 39,
  kProceduralStart = uint64_t{1} << 40,  // the first word of a procedural phrase
  // time_words.txt, for the word orders of other languages than English
  kDateJoiner = uint64_t{1} << 41,          // "3 de marzo de 2015"
  kYearWord = uint64_t{1} << 42,            // "2015 года", "в 2015 году"
  kYearBefore = uint64_t{1} << 43,          // "im Jahr 2015"
  kTrailingBefore = uint64_t{1} << 44,      // "mardi dernier", "la semana pasada"
  kTrailingAfter = uint64_t{1} << 45,       // "mardi prochain", "la settimana prossima"
  kWeekdayPreposition = uint64_t{1} << 46,  // "na segunda", "в среду"
  kAgoBeforeStart = uint64_t{1} << 47,      // the first word of an ago_before phrase
  // tense_words.txt
  kNotFuture = uint64_t{1} << 48,  // ends in a future suffix but is no future form
  // time_words.txt again
  kDaypartArticle = uint64_t{1} << 49,   // "por la mañana": the next word is a daypart
  kNamedDay = uint64_t{1} << 50,         // "le lendemain": a day from the day named before
  kPeriodEnd = uint64_t{1} << 51,        // "к концу месяца": the last day of this unit
  kPeriodEndFiller = uint64_t{1} << 52,  // "fin du mois": between the end word and the unit
  kYearFollower = uint64_t{1} << 53,     // "1998 bei": after a bare year, makes it a date
  kUntil = uint64_t{1} << 54,            // "hasta el viernes": a weekday it leads to is ahead
  kUntilFiller = uint64_t{1} << 55,      // "hasta el viernes": between the until word and it
  kUntilNegation = uint64_t{1} << 56,    // "not expected until Sunday": an earliest day
  kLateDaypart = uint64_t{1} << 57,      // "am Abend" told in the past: the evening before D
};

// How a language writes dates and names (data/<language>/time_grammar.txt).
struct TimeGrammar {
  bool day_first = false;          // "3/12/2015" is 3 December (else March 12)
  std::string numeric_separators;  // the marks between day, month and year ("/", "./")
  bool capitalized_names = true;   // month and weekday names need a capital ("März")
  bool unicode_letters = false;    // words are letters of any script (LexUnicodeWords)
  bool day_period = false;         // "3. März": a period after the day makes it ordinal
  bool bare_unit_is_one = false;   // "год назад": a singular unit without a count is one
};

// When a future word (kFuture) is a future cue; see tense_words.txt.
enum class FutureCondition : uint8_t {
  kAlways,
  kAfterBeOrBeforeTo,
  kAfterBeAndBeforeTo,
  kUnlessBareTo,
  kBeforeTo,
  kUnlessPerfect,
};

struct TimeWord {
  uint64_t roles = 0;
  int8_t day_offset = 0;         // kDayWord: days from the document's date
  int8_t daypart_offset = 0;     // kDaypart: 0 after "this", -1 after "last"
  int8_t count = 0;              // kCountWord
  bool lower_case_only = false;  // kDayWord: only written in lower case
  bool takes_period = false;     // kYearWord: an abbreviation ("г.")
  char unit = 0;                 // kUnit: 'd', 'w', 'm', 'y'
  bool plural = false;           // kUnit: a plural form
  bool singular = false;         // kUnit: a singular form (French "mois" is both)
  FutureCondition future = FutureCondition::kAlways;  // kFuture
};

// A phrase of lower-case words ("on or about") and its value.
struct TimePhrase {
  std::vector<std::string> words;
  int value = 0;
};

// A word, an apostrophe and a tail ("won't": "won", "t") that is a cue.
struct Contraction {
  std::string head;
  std::string tail;
};

class TimeWords {
 public:
  // Reads the lists of `language` from `data_dir` (or the built-in copies);
  // kNotFound when one is absent, kInvalidInput for a bad line.
  static Result<TimeWords> Create(std::string_view data_dir, std::string_view language);

  // What `lower` does; null when it is none of the listed words.
  const TimeWord* Find(std::string_view lower) const {
    if (!shapes_.MayContain(lower)) return nullptr;
    auto it = words_.find(lower);
    return it == words_.end() ? nullptr : &it->second;
  }
  uint64_t Roles(std::string_view lower) const {
    const TimeWord* w = Find(lower);
    return w == nullptr ? 0 : w->roles;
  }

  // May mark the future (a kFuture word: "will", "expected").
  bool IsFutureWord(std::string_view lower) const { return (Roles(lower) & kFuture) != 0; }
  // A past-tense form: an irregular one ("said"), or a word ending in a
  // past suffix ("-ed", at least two letters before it) that is not one of
  // the non-verbs ("need", "hundred").
  bool IsPastForm(std::string_view lower) const { return IsPastForm(lower, Find(lower)); }
  bool IsPastForm(std::string_view lower, const TimeWord* w) const;
  // A future form by its ending (a future_suffix of tense_words.txt: "-era",
  // at least three letters before it) that is not listed as not_future.
  bool IsFutureForm(std::string_view lower, const TimeWord* w) const;

  const TimeGrammar& grammar() const { return grammar_; }
  // `word` in lower case as the lists write it: Unicode case folding when the
  // language's letters are Unicode, ASCII otherwise; a "’" becomes "'".
  std::string Lower(std::string_view word) const;
  // The lexemes of text[span] as the time expressions read them: letters of
  // any script with unicode_letters; a word, a hyphen or apostrophe and a
  // word that the lists hold as one ("aujourd'hui", "terça-feira") are one
  // lexeme.
  void Lex(std::string_view text, Span span, std::vector<Lexeme>* out) const;

  // The value of a cardinal number word of the language's number_words.txt ("seven" -> 7,
  // "zwei" -> 2), or -1.
  int Cardinal(std::string_view lower) const {
    const NumberWord* n = numbers_.Find(lower);
    return n != nullptr ? static_cast<int>(n->value) : -1;
  }

  const CalendarNames& calendar() const { return calendar_; }
  const MetadataDetector& metadata() const { return metadata_; }
  const std::vector<TimePhrase>& vague() const { return vague_; }              // "a few": 3
  const std::vector<TimePhrase>& vague_tails() const { return vague_tails_; }  // "or so"
  const std::vector<TimePhrase>& date_hedges() const { return date_hedges_; }
  const std::vector<TimePhrase>& count_hedges() const { return count_hedges_; }
  // Before a count and a unit: back from D ("vor", "il y a", "hace").
  const std::vector<TimePhrase>& agos_before() const { return agos_before_; }
  const std::vector<Contraction>& future_contractions() const { return future_contractions_; }
  const std::vector<std::string>& perfect_tails() const { return perfect_tails_; }  // "ve"
  // Procedural phrases of two words and more ("good morning").
  const std::vector<TimePhrase>& procedural_phrases() const { return procedural_phrases_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  TimeWord& Entry(const std::string& word);
  Status AddTimeWord(const std::vector<std::string>& words, std::string_view kind,
                     std::string_view value, std::string_view flag);
  Status AddTenseWord(std::string_view word, std::string_view kind, std::string_view condition);
  Status LoadGrammar(std::string_view data_dir, const std::string& file);
  // Whether a word of the lists holds `key` (lower case).
  bool IsListed(std::string_view key) const;

  std::unordered_map<std::string, TimeWord, Hash, std::equal_to<>> words_;
  WordShapes shapes_;
  MetadataDetector metadata_;
  CalendarNames calendar_;
  NumberWords numbers_;  // empty for a language without number_words.txt
  TimeGrammar grammar_;
  bool has_compounds_ = false;  // a listed word holds a hyphen or an apostrophe
  std::vector<std::string> future_suffixes_;
  std::vector<TimePhrase> agos_before_;
  std::vector<TimePhrase> vague_, vague_tails_, date_hedges_, count_hedges_, procedural_phrases_;
  std::vector<Contraction> future_contractions_;
  std::vector<std::string> perfect_tails_;
  std::vector<std::string> past_suffixes_;
};

}  // namespace dossier::timeline_internal

#endif  // DOSSIER_ANALYZE_TIME_WORDS_H_
