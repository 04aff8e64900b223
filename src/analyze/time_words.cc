// Loading the time words (time_words.h).
#include "analyze/time_words.h"

#include <string>
#include <utility>
#include <vector>

#include "segment/tokenizer.h"
#include "util/data_rows.h"
#include "util/strings.h"

namespace dossier::timeline_internal {
namespace {

// A signed number of at most two digits ("-1", "3"); false if none.
bool SmallNumber(std::string_view s, int* value) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 2) return false;
  int v = 0;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *value = negative ? -v : v;
  return true;
}

std::vector<std::string> Words(std::string_view phrase) {
  std::vector<std::string> words;
  for (std::string_view w : SplitWhitespace(phrase)) words.push_back(AsciiLower(w));
  return words;
}

// time_words.txt kinds of single words, by name.
struct RoleName {
  std::string_view name;
  uint64_t role;
};
constexpr RoleName kTimeRoles[] = {
    {"before", kBefore},
    {"after", kAfter},
    {"current", kCurrent},
    {"earlier", kEarlier},
    {"later", kLater},
    {"ago", kAgo},
    {"within", kWithin},
    {"in", kIn},
    {"within_filler", kWithinFiller},
    {"in_filler", kInFiller},
    {"ahead", kAhead},
    {"coming", kComing},
    {"hedge_filler", kHedgeFiller},
    {"recent", kRecent},
    {"past", kPastPeriod},
    {"range", kRange},
    {"month_preposition", kMonthPreposition},
    {"period_preposition", kPeriodPreposition},
    {"span_preposition", kSpanPreposition},
    {"the", kThe},
    {"of", kOf},
    {"ordinal", kOrdinal},
    {"date_joiner", kDateJoiner},
    {"year_word", kYearWord},
    {"year_before", kYearBefore},
    {"trailing_before", kTrailingBefore},
    {"trailing_after", kTrailingAfter},
    {"weekday_preposition", kWeekdayPreposition},
    {"daypart_article", kDaypartArticle},
    {"period_end", kPeriodEnd},
    {"period_end_filler", kPeriodEndFiller},
    {"year_follower", kYearFollower},
    {"until", kUntil},
    {"until_filler", kUntilFiller},
    {"until_negation", kUntilNegation},
    {"late_daypart", kLateDaypart},
};

constexpr RoleName kTenseRoles[] = {
    {"perfect", kPerfect},       {"to", kTo},
    {"is_to_idiom", kIsToIdiom}, {"past", kPastForm},
    {"not_past", kNotPast},      {"passive", kPassive},
    {"onset", kOnset},           {"on", kOn},
    {"not_future", kNotFuture},
};

// The settings of time_grammar.txt: name, then its values (the first the default).
struct GrammarSetting {
  std::string_view name;
  std::string_view first, second;
};
constexpr GrammarSetting kGrammarSettings[] = {
    {"numeric_order", "month_first", "day_first"},
    {"names", "capitalized", "any_case"},
    {"letters", "ascii", "unicode"},
    {"day_period", "no", "yes"},
    {"bare_unit", "no", "one"},
};

}  // namespace

TimeWord& TimeWords::Entry(const std::string& word) {
  shapes_.Add(word);
  return words_[word];
}

// One line of time_words.txt.
Status TimeWords::AddTimeWord(const std::vector<std::string>& words, std::string_view kind,
                              std::string_view value, std::string_view flag) {
  if (!flag.empty() && (kind != "day" || flag != "lower_case")) {
    return Status(StatusCode::kInvalidInput, "only a day word takes a flag: lower_case");
  }
  int n = 0;
  const bool has_number = SmallNumber(value, &n);
  // Phrases.
  std::vector<TimePhrase>* phrases = kind == "vague"         ? &vague_
                                     : kind == "vague_tail"  ? &vague_tails_
                                     : kind == "date_hedge"  ? &date_hedges_
                                     : kind == "count_hedge" ? &count_hedges_
                                     : kind == "ago_before"  ? &agos_before_
                                                             : nullptr;
  if (phrases != nullptr) {
    if (kind == "vague" && (!has_number || n <= 0)) {
      return Status(StatusCode::kInvalidInput, "a vague count needs its value (1 or more)");
    }
    phrases->push_back({words, n});
    // Vague counts and tails are looked for after every count word: their
    // first words are marked; hedges are looked for only before a match.
    if (kind == "vague" || kind == "vague_tail") Entry(words[0]).roles |= kPhraseStart;
    if (kind == "ago_before") Entry(words[0]).roles |= kAgoBeforeStart;
    return Status::Ok();
  }
  if (words.size() != 1) {
    return Status(StatusCode::kInvalidInput,
                  "kind '" + std::string(kind) + "' takes one word, not a phrase");
  }
  // An abbreviated year word and its period ("г.").
  if (kind == "year_word" && words[0].size() > 1 && words[0].back() == '.') {
    TimeWord& w = Entry(words[0].substr(0, words[0].size() - 1));
    w.roles |= kYearWord;
    w.takes_period = true;
    return Status::Ok();
  }
  TimeWord& w = Entry(words[0]);
  if (kind == "day" || kind == "daypart" || kind == "count" || kind == "named_day") {
    if (!has_number) {
      return Status(StatusCode::kInvalidInput, "kind '" + std::string(kind) + "' needs a number");
    }
    if (kind == "named_day") {
      w.roles |= kNamedDay;
      w.day_offset = static_cast<int8_t>(n);
    } else if (kind == "day") {
      w.roles |= kDayWord;
      w.day_offset = static_cast<int8_t>(n);
      w.lower_case_only = flag == "lower_case";
    } else if (kind == "daypart") {
      w.roles |= kDaypart;
      w.daypart_offset = static_cast<int8_t>(n);
    } else {
      if (n <= 0) return Status(StatusCode::kInvalidInput, "a count is 1 or more");
      w.roles |= kCountWord;
      w.count = static_cast<int8_t>(n);
    }
    return Status::Ok();
  }
  for (const RoleName& r : kTimeRoles) {
    if (kind == r.name) {
      w.roles |= r.role;
      return Status::Ok();
    }
  }
  return Status(StatusCode::kInvalidInput, "unknown kind '" + std::string(kind) + "'");
}

// One line of tense_words.txt.
Status TimeWords::AddTenseWord(std::string_view word, std::string_view kind,
                               std::string_view condition) {
  // "won't": "won", an apostrophe, "t"; "'ve": "ve" after an apostrophe.
  if (const size_t apostrophe = word.find('\''); apostrophe != std::string_view::npos) {
    const std::string head = AsciiLower(word.substr(0, apostrophe));
    const std::string tail = AsciiLower(word.substr(apostrophe + 1));
    if (tail.empty()) return Status(StatusCode::kInvalidInput, "nothing after the apostrophe");
    if (kind == "future" && !head.empty() && condition.empty()) {
      future_contractions_.push_back({head, tail});
      return Status::Ok();
    }
    if (kind == "perfect" && head.empty()) {
      perfect_tails_.push_back(tail);
      return Status::Ok();
    }
    return Status(StatusCode::kInvalidInput,
                  "a contraction is a future word (\"won't\") or a perfect tail (\"'ve\")");
  }
  const std::string lower = AsciiLower(word);
  if (kind == "past_suffix") {
    past_suffixes_.push_back(lower);
    return Status::Ok();
  }
  if (kind == "future_suffix") {
    future_suffixes_.push_back(lower);
    return Status::Ok();
  }
  TimeWord& w = Entry(lower);
  if (kind == "future") {
    static constexpr std::pair<std::string_view, FutureCondition> kConditions[] = {
        {"", FutureCondition::kAlways},
        {"after_be_or_before_to", FutureCondition::kAfterBeOrBeforeTo},
        {"after_be_and_before_to", FutureCondition::kAfterBeAndBeforeTo},
        {"unless_bare_to", FutureCondition::kUnlessBareTo},
        {"before_to", FutureCondition::kBeforeTo},
        {"unless_perfect", FutureCondition::kUnlessPerfect},
    };
    for (const auto& [name, c] : kConditions) {
      if (condition == name) {
        w.roles |= kFuture;
        w.future = c;
        return Status::Ok();
      }
    }
    return Status(StatusCode::kInvalidInput, "unknown condition '" + std::string(condition) + "'");
  }
  if (kind == "be") {
    if (!condition.empty() && condition != "present") {
      return Status(StatusCode::kInvalidInput, "a form of be is 'present' or nothing");
    }
    w.roles |= kBe;
    if (condition == "present") w.roles |= kBePresent;
    return Status::Ok();
  }
  for (const RoleName& r : kTenseRoles) {
    if (kind == r.name) {
      w.roles |= r.role;
      return Status::Ok();
    }
  }
  return Status(StatusCode::kInvalidInput, "unknown kind '" + std::string(kind) + "'");
}

Result<TimeWords> TimeWords::Create(std::string_view data_dir, std::string_view language) {
  TimeWords t;
  Result<CalendarNames> calendar = CalendarNames::Create(data_dir, language);
  if (!calendar.ok()) return calendar.status();
  t.calendar_ = std::move(*calendar);
  // Photo captions and credits: English's words and the language's own
  // (MetadataDetector reads both captions.txt); English's alone when the
  // language's calendar is missing.
  Result<MetadataDetector> metadata = MetadataDetector::Create(data_dir, language);
  if (!metadata.ok() && metadata.status().code() == StatusCode::kNotFound && language != "en") {
    metadata = MetadataDetector::Create(data_dir, "en");
  }
  if (!metadata.ok()) return metadata.status();
  t.metadata_ = std::move(*metadata);
  const std::string dir = std::string(language) + "/";
  if (HasDataFile(data_dir, dir + "number_words.txt")) {
    Result<NumberWords> numbers = NumberWords::Load(data_dir, language);
    if (!numbers.ok()) return numbers.status();
    t.numbers_ = std::move(*numbers);
  }
  if (Status s = t.LoadGrammar(data_dir, dir + "time_grammar.txt"); !s.ok()) return s;
  // A failed line's Status names its file and line.
  auto at = [](const std::string& file, const DataRow& row, const Status& s) {
    return s.ok() ? s : row.Error(file, s.message());
  };

  const std::string time_file = dir + "time_words.txt";
  Result<std::vector<DataRow>> time_rows = LoadDataRows(data_dir, time_file);
  if (!time_rows.ok()) return time_rows.status();
  for (const DataRow& row : *time_rows) {
    Status s = at(time_file, row, t.AddTimeWord(Words(row[0]), row[1], row[2], row[3]));
    if (!s.ok()) return s;
  }

  const std::string units_file = dir + "time_units.txt";
  Result<std::vector<DataRow>> unit_rows = LoadDataRows(data_dir, units_file);
  if (!unit_rows.ok()) return unit_rows.status();
  for (const DataRow& row : *unit_rows) {
    static constexpr std::pair<std::string_view, char> kUnits[] = {
        {"day", 'd'}, {"week", 'w'}, {"month", 'm'}, {"year", 'y'}};
    char unit = 0;
    for (const auto& [name, u] : kUnits) {
      if (row[1] == name) unit = u;
    }
    if (unit == 0) return row.Error(units_file, "the unit is day, week, month or year");
    if (row[2] != "singular" && row[2] != "plural") {
      return row.Error(units_file, "a unit is singular or plural");
    }
    TimeWord& w = t.Entry(AsciiLower(row[0]));
    w.roles |= kUnit;
    w.unit = unit;
    (row[2] == "plural" ? w.plural : w.singular) = true;
  }

  const std::string tense_file = dir + "tense_words.txt";
  Result<std::vector<DataRow>> tense_rows = LoadDataRows(data_dir, tense_file);
  if (!tense_rows.ok()) return tense_rows.status();
  for (const DataRow& row : *tense_rows) {
    Status s = at(tense_file, row, t.AddTenseWord(row[0], row[1], row[2]));
    if (!s.ok()) return s;
  }

  const std::string event_file = dir + "event_words.txt";
  Result<std::vector<DataRow>> event_rows = LoadDataRows(data_dir, event_file);
  if (!event_rows.ok()) return event_rows.status();
  for (const DataRow& row : *event_rows) {
    std::vector<std::string> words = Words(row[0]);
    if (row[1] == "procedural" && words.size() > 1) {
      t.Entry(words[0]).roles |= kProceduralStart;
      t.procedural_phrases_.push_back({std::move(words), 0});
    } else if (row[1] == "procedural" || row[1] == "not_name") {
      if (words.size() != 1) return row.Error(event_file, "a not_name is one word");
      t.Entry(words[0]).roles |= row[1] == "procedural" ? kProcedural : kNotName;
    } else {
      return row.Error(event_file, "unknown kind '" + std::string(row[1]) + "'");
    }
  }
  t.has_compounds_ = t.grammar_.unicode_letters;
  for (const auto& [word, unused] : t.words_) {
    t.has_compounds_ = t.has_compounds_ || word.find_first_of("-'") != std::string::npos;
  }
  return t;
}

Status TimeWords::LoadGrammar(std::string_view data_dir, const std::string& file) {
  Result<std::vector<DataRow>> rows = LoadDataRows(data_dir, file);
  if (!rows.ok()) return rows.status();
  grammar_.numeric_separators = "/";
  for (const DataRow& row : *rows) {
    if (row[0] == "numeric_separators") {
      grammar_.numeric_separators.clear();
      for (std::string_view mark : SplitWhitespace(row[1])) {
        if (mark.size() != 1 || IsAsciiAlpha(mark[0]) || IsAsciiDigit(mark[0])) {
          return row.Error(file, "a separator is one ASCII mark");
        }
        grammar_.numeric_separators += mark;
      }
      continue;
    }
    const GrammarSetting* setting = nullptr;
    for (const GrammarSetting& g : kGrammarSettings) {
      if (row[0] == g.name) setting = &g;
    }
    if (setting == nullptr) return row.Error(file, "unknown setting '" + row.columns[0] + "'");
    if (row[1] != setting->first && row[1] != setting->second) {
      return row.Error(file, "'" + std::string(setting->name) + "' is " +
                                 std::string(setting->first) + " or " +
                                 std::string(setting->second));
    }
    const bool second = row[1] == setting->second;
    if (setting->name == "numeric_order") grammar_.day_first = second;
    if (setting->name == "names") grammar_.capitalized_names = !second;
    if (setting->name == "letters") grammar_.unicode_letters = second;
    if (setting->name == "day_period") grammar_.day_period = second;
    if (setting->name == "bare_unit") grammar_.bare_unit_is_one = second;
  }
  return Status::Ok();
}

std::string TimeWords::Lower(std::string_view word) const {
  if (!grammar_.unicode_letters) return AsciiLower(word);
  std::string lower = FoldCase(word);
  for (size_t p = 0; (p = lower.find("\xE2\x80\x99", p)) != std::string::npos;) {
    lower.replace(p, 3, "'");
  }
  return lower;
}

bool TimeWords::IsListed(std::string_view key) const {
  return Find(key) != nullptr || calendar_.Weekday(key) >= 0 || calendar_.Month(key) > 0;
}

void TimeWords::Lex(std::string_view text, Span span, std::vector<Lexeme>* out) const {
  if (!grammar_.unicode_letters) {
    dossier::Lex(text, span, out);
  } else {
    LexUnicodeWords(text, span, out);
  }
  if (!has_compounds_) return;
  // "aujourd'hui", "terça-feira": word, mark, word with no space between.
  std::vector<Lexeme>& t = *out;
  size_t kept = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (i + 2 < t.size() && t[i].kind == LexemeKind::kLetters &&
        t[i + 1].kind == LexemeKind::kOther && t[i + 2].kind == LexemeKind::kLetters &&
        t[i].end == t[i + 1].begin && t[i + 1].end == t[i + 2].begin) {
      const std::string_view mark = t[i + 1].In(text);
      if (mark == "-" || mark == "'" || mark == "\xE2\x80\x99") {
        const Lexeme joined{t[i].begin, t[i + 2].end, LexemeKind::kLetters};
        if (IsListed(Lower(joined.In(text)))) {
          t[kept++] = joined;
          i += 2;
          continue;
        }
      }
    }
    t[kept++] = t[i];
  }
  t.resize(kept);
}

bool TimeWords::IsFutureForm(std::string_view lower, const TimeWord* w) const {
  if (w != nullptr && (w->roles & kNotFuture) != 0) return false;
  for (const std::string& suffix : future_suffixes_) {
    if (lower.size() >= suffix.size() + 3 && EndsWith(lower, suffix)) return true;
  }
  return false;
}

bool TimeWords::IsPastForm(std::string_view lower, const TimeWord* w) const {
  if (w != nullptr && (w->roles & kPastForm) != 0) return true;
  if (w != nullptr && (w->roles & kNotPast) != 0) return false;
  for (const std::string& suffix : past_suffixes_) {
    if (lower.size() >= suffix.size() + 2 && EndsWith(lower, suffix)) return true;
  }
  return false;
}

}  // namespace dossier::timeline_internal
