// Reading the figure word lists (figure_words.h) from a language's data files.
#include "analyze/figure_words.h"

#include <algorithm>
#include <array>
#include <functional>
#include <tuple>
#include <utility>

#include "util/data_files.h"

namespace dossier::figures_internal {
namespace {

// An entry of a data file split at '|' into trimmed columns: views into the
// entry, which the file's WordList holds.
class Row {
 public:
  explicit Row(std::string_view entry) : entry_(entry) {
    for (size_t pos = 0;; ++size_) {
      const size_t bar = entry.find('|', pos);
      if (size_ < columns_.size()) columns_[size_] = TrimWhitespace(entry.substr(pos, bar - pos));
      if (bar == std::string_view::npos) break;
      pos = bar + 1;
    }
    ++size_;
  }
  size_t size() const { return size_; }
  // Column `i`, or "" when the row is shorter.
  std::string_view operator[](size_t i) const {
    return i < size_ && i < columns_.size() ? columns_[i] : std::string_view();
  }
  std::string_view entry() const { return entry_; }

 private:
  std::string_view entry_;
  std::array<std::string_view, 6> columns_{};
  size_t size_ = 0;
};

// The rows of data file `name`, and the list that holds their text.
struct Rows {
  WordList list;
  std::vector<Row> rows;
};
Result<Rows> ReadRows(std::string_view data_dir, const std::string& name) {
  Result<WordList> list = LoadWordList(data_dir, name, /*lowercase=*/true);
  if (!list.ok()) return list.status();
  Rows rows{std::move(*list), {}};
  rows.rows.reserve(rows.list.size());
  for (const std::string& entry : rows.list.entries()) rows.rows.emplace_back(entry);
  return rows;
}

// `word` with its first letter in upper case ("verletzte" -> "Verletzte").
std::string CapitalizeFirst(const std::string& word) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  if (c < 0) return word;
  char upper[U8_MAX_LENGTH];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(upper, n, U8_MAX_LENGTH, u_toupper(c), error);
  if (error) return word;
  return std::string(upper, n) + word.substr(i);
}

Status Bad(const std::string& name, const Row& row, std::string_view why) {
  return Status(StatusCode::kInvalidArgument,
                name + ": " + std::string(why) + " in '" + std::string(row.entry()) + "'");
}

bool ParseValue(std::string_view s, double* value) {
  const std::string text(s);
  char* end = nullptr;
  *value = std::strtod(text.c_str(), &end);
  return !text.empty() && *end == '\0' && std::isfinite(*value) && *value > 0;
}

bool ParseKind(std::string_view s, Kind* kind) {
  static constexpr std::pair<std::string_view, Kind> kKinds[] = {
      {"people", Kind::kPeople}, {"money", Kind::kMoney}, {"percent", Kind::kPercent},
      {"length", Kind::kLength}, {"time", Kind::kTime},   {"measure", Kind::kMeasure}};
  for (const auto& [name, k] : kKinds) {
    if (s == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

// The space-separated flags of column `i`; false when one is not in `known`.
bool Flags(const Row& row, size_t i, std::initializer_list<std::string_view> known,
           std::vector<std::string_view>* flags) {
  flags->clear();
  for (std::string_view f : SplitWhitespace(row[i])) {
    if (!IsOneOf(f, known)) return false;
    flags->push_back(f);
  }
  return true;
}

bool Has(const std::vector<std::string_view>& flags, std::string_view f) {
  return std::find(flags.begin(), flags.end(), f) != flags.end();
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  for (std::string_view w : SplitWhitespace(s)) out.emplace_back(w);
  return out;
}

Status LoadMagnitudes(std::string_view data_dir, const std::string& name, FigureWords* w) {
  Result<Rows> rows = ReadRows(data_dir, name);
  if (!rows.ok()) return rows.status();
  std::vector<std::string_view> flags;
  for (const Row& row : rows->rows) {
    double value = 0;
    if (row.size() < 2 || row.size() > 3 || !ParseValue(row[1], &value)) {
      return Bad(name, row, "expected 'WORD | VALUE | FORMS'");
    }
    if (!Flags(row, 2, {"word", "glued", "abbreviation", "currency", "and", "dot", "approximate"},
               &flags)) {
      return Bad(name, row, "unknown form");
    }
    if (flags.empty() || Has(flags, "word") || Has(flags, "dot")) {
      w->scales.push_back({std::string(row[0]), value, Has(flags, "abbreviation"),
                           Has(flags, "and"), Has(flags, "dot"), Has(flags, "approximate")});
    }
    if (Has(flags, "glued")) {
      w->glued_scales.push_back({std::string(row[0]), value, Has(flags, "currency")});
    }
  }
  return Status::Ok();
}

Status LoadFractions(std::string_view data_dir, const std::string& name, FigureWords* w) {
  Result<Rows> rows = ReadRows(data_dir, name);
  if (!rows.ok()) return rows.status();
  std::vector<std::string_view> flags;
  for (const Row& row : rows->rows) {
    double denominator = 0;
    if (row.size() != 3 || !ParseValue(row[1], &denominator)) {
      return Bad(name, row, "expected 'WORD | DENOMINATOR | FORM'");
    }
    if (!Flags(row, 2, {"singular", "plural", "alone"}, &flags) ||
        Has(flags, "singular") == Has(flags, "plural") ||
        (Has(flags, "alone") && Has(flags, "plural"))) {
      return Bad(name, row, "expected the form singular, singular alone or plural");
    }
    w->fractions.push_back(
        {std::string(row[0]), denominator, Has(flags, "plural"), Has(flags, "alone")});
    if (Has(flags, "alone")) w->fractions_alone.Add(row[0]);
  }
  return Status::Ok();
}

Status LoadUnits(std::string_view data_dir, const std::string& name, FigureWords* w) {
  Result<Rows> rows = ReadRows(data_dir, name);
  if (!rows.ok()) return rows.status();
  std::vector<std::string_view> flags;
  auto note_kind = [w](const std::string& unit, Kind kind) {
    if (w->UnitKind(unit) == Kind::kNone) w->unit_kinds.emplace_back(unit, kind);
  };
  for (const Row& row : rows->rows) {
    Kind kind = Kind::kNone;
    if (row.size() < 3 || row.size() > 4 || row[0].empty() || row[1].empty() ||
        !ParseKind(row[2], &kind)) {
      return Bad(name, row, "expected 'WRITTEN | UNIT | KIND [| FORMS]' with a known kind");
    }
    if (!Flags(row, 3, {"word", "glued", "capital", "sign", "spaced", "after"}, &flags)) {
      return Bad(name, row, "unknown form");
    }
    const std::string written(row[0]);
    const std::string unit(row[1]);
    note_kind(unit, kind);
    if (Has(flags, "after")) {
      w->signs_after.push_back({written, unit, kind});
      if (flags.size() == 1) continue;
    }
    if (Has(flags, "sign")) {
      w->currency_signs.push_back({written, unit, Has(flags, "spaced")});
      w->has_spaced_sign = w->has_spaced_sign || Has(flags, "spaced");
      w->currency_last_byte[static_cast<unsigned char>(written.back())] = true;
      continue;
    }
    if (Has(flags, "glued")) w->glued_units.push_back({written, unit, kind, Has(flags, "capital")});
    if (!flags.empty() && !Has(flags, "word")) continue;
    // The tail glued after the word: "/h" of "km/h", "²" of "m²".
    const size_t slash = std::min(
        {written.find('/'), written.find("\xC2\xB2" /* ² */), written.find("\xC2\xB3" /* ³ */)});
    const size_t split = written.find_first_of(" -");
    if (split == std::string::npos && slash == std::string::npos) {
      w->units.push_back({written, unit, kind});
      continue;
    }
    // "per-cent", "square miles", "km/h": the words and what joins them.
    PhraseUnit p{{}, {}, slash == std::string::npos ? "" : written.substr(slash), unit, kind};
    const std::string_view words = std::string_view(written).substr(0, slash);
    for (size_t pos = 0; pos <= words.size();) {
      size_t end = words.find_first_of(" -", pos);
      if (end == std::string_view::npos) end = words.size();
      if (end == pos) return Bad(name, row, "an empty word");
      p.words.emplace_back(words.substr(pos, end - pos));
      if (end < words.size()) p.hyphen.push_back(words[end] == '-');
      pos = end + 1;
    }
    w->phrase_units.push_back(std::move(p));
  }
  // The longest sign that ends the text before a number wins ("US$" before "$").
  std::stable_sort(
      w->currency_signs.begin(), w->currency_signs.end(),
      [](const CurrencySign& a, const CurrencySign& b) { return a.sign.size() > b.sign.size(); });
  return Status::Ok();
}

Status LoadQualifiers(std::string_view data_dir, const std::string& name, FigureWords* w) {
  Result<Rows> rows = ReadRows(data_dir, name);
  if (!rows.ok()) return rows.status();
  for (const Row& row : rows->rows) {
    const std::string_view position = row[2];
    std::vector<std::string> words = Words(row[0]);
    if (row.size() < 2 || row.size() > 3 || words.empty() || row[1].empty() ||
        !IsOneOf(position, {"", "before", "after", "hyphen"})) {
      return Bad(name, row, "expected 'WORDS | MEANING [| before, after or hyphen]'");
    }
    if (row[1] == "negative") {
      if (words.size() != 1 || !(position.empty() || position == "before")) {
        return Bad(name, row, "a negative sign is one word before the number");
      }
      w->negative.Add(words[0]);
    } else if (position == "after") {
      w->qualifiers_after.push_back({std::move(words), std::string(row[1])});
    } else if (position == "hyphen") {
      if (words.size() != 1) return Bad(name, row, "a qualifier after a hyphen is one word");
      w->qualifiers_hyphen.push_back({std::move(words), std::string(row[1])});
    } else {
      w->qualifiers_before.push_back({std::move(words), std::string(row[1])});
    }
  }
  // The longest phrase before a number wins: "no more than" over "more than".
  std::stable_sort(w->qualifiers_before.begin(), w->qualifiers_before.end(),
                   [](const QualifierPhrase& a, const QualifierPhrase& b) {
                     return a.words.size() > b.words.size();
                   });
  return Status::Ok();
}

Status LoadEarlierMarkers(std::string_view data_dir, const std::string& name, FigureWords* w) {
  Result<Rows> rows = ReadRows(data_dir, name);
  if (!rows.ok()) return rows.status();
  for (const Row& row : rows->rows) {
    std::vector<std::string> words = Words(row[0]);
    if (row.size() != 2 || words.empty() || !IsOneOf(row[1], {"marker", "report"})) {
      return Bad(name, row, "expected 'WORDS | marker' or 'WORD | report'");
    }
    if (row[1] == "marker") {
      w->earlier_markers.push_back(std::move(words));
    } else if (words.size() == 1) {
      w->earlier_reports.Add(words[0]);
    } else {
      return Bad(name, row, "a report word is one word");
    }
  }
  return Status::Ok();
}

Status LoadCasualties(std::string_view data_dir, const std::string& name, FigureWords* w) {
  Result<Rows> rows = ReadRows(data_dir, name);
  if (!rows.ok()) return rows.status();
  for (const Row& row : rows->rows) {
    const std::string_view kind = row[1];
    const std::string_view match = row[2];
    if (row.size() < 2 || row.size() > 3 || row[0].empty()) {
      return Bad(name, row, "expected 'ENTRY | KIND [| MATCH]'");
    }
    if (kind == "between" || kind == "stop") {
      if (!match.empty()) return Bad(name, row, "no MATCH column for between or stop");
      (kind == "between" ? w->casualty_between : w->casualty_stops).Add(row[0]);
    } else if (IsCasualtyKey(std::string(kind)) && IsOneOf(match, {"", "stem", "word"})) {
      std::vector<std::string> words;
      for (std::string_view word : SplitWhitespace(row[0])) words.emplace_back(word);
      if (words.size() > 1) {
        w->casualty_phrases.push_back({std::move(words), std::string(kind), match != "word"});
      } else {
        w->casualties.push_back({std::string(row[0]), std::string(kind), match != "word"});
      }
    } else {
      return Bad(name, row,
                 "expected the kind killed, injured, missing, evacuated, between or stop "
                 "and the match stem or word");
    }
  }
  return Status::Ok();
}

// A file of "WORD | KIND" lines: each kind of `kinds` fills its list; other
// kinds go to `other`, which returns false for a kind it does not know.
struct KindList {
  std::string_view kind;
  ShortWordList* list;
};
Status LoadKinds(std::string_view data_dir, const std::string& name,
                 std::initializer_list<KindList> kinds,
                 const std::function<bool(const Row&)>& other) {
  Result<Rows> rows = ReadRows(data_dir, name);
  if (!rows.ok()) return rows.status();
  for (const Row& row : rows->rows) {
    if (row.size() < 2 || row[0].empty()) return Bad(name, row, "expected 'WORD | KIND'");
    bool known = false;
    for (const KindList& k : kinds) {
      if (row[1] == k.kind && row.size() == 2) {
        k.list->Add(row[0]);
        known = true;
      }
    }
    if (!known && !(other && other(row))) return Bad(name, row, "unknown kind or columns");
  }
  return Status::Ok();
}

Status LoadVerbs(std::string_view data_dir, const std::string& name, FigureWords* w) {
  return LoadKinds(data_dir, name,
                   {{"level", &w->level_verbs},
                    {"copula", &w->copulas},
                    {"change", &w->change_verbs},
                    {"setting", &w->setting_verbs},
                    {"auxiliary", &w->verb_auxiliaries},
                    {"estimate", &w->estimates},
                    {"common", &w->common_verbs},
                    {"ends-compound", &w->compound_end_verbs},
                    {"reporting", &w->reporting}},
                   [w](const Row& row) {
                     if (row[1] != "money" || row.size() < 4 || row.size() > 5 || row[2].empty() ||
                         row[3].empty() || !IsOneOf(row[4], {"", "subject"})) {
                       return false;
                     }
                     w->money_verbs.push_back({std::string(row[0]), std::string(row[2]),
                                               std::string(row[3]), row.size() == 5});
                     return true;
                   });
}

Status LoadCountedNouns(std::string_view data_dir, const std::string& name, FigureWords* w) {
  return LoadKinds(data_dir, name,
                   {{"non-head", &w->non_heads},
                    {"neutral", &w->neutral},
                    {"generic", &w->generic},
                    {"not-of-head", &w->not_of_heads},
                    {"ed-noun", &w->ed_nouns},
                    {"ly-noun", &w->ly_nouns},
                    {"irregular-plural", &w->irregular_plurals},
                    {"period", &w->periods},
                    {"time", &w->times},
                    {"label", &w->label_words},
                    {"street", &w->street_words}},
                   [w](const Row& row) {
                     std::vector<std::string>* endings =
                         row[1] == "plural-ending"       ? &w->plural_endings
                         : row[1] == "not-plural-ending" ? &w->not_plural_endings
                         : row[1] == "participle-ending" ? &w->participle_endings
                         : row[1] == "adverb-ending"     ? &w->adverb_endings
                                                         : nullptr;
                     if (endings == nullptr || row.size() != 2) return false;
                     endings->emplace_back(row[0]);
                     return true;
                   });
}

Status LoadGrammar(std::string_view data_dir, const std::string& name, FigureWords* w) {
  Status status = LoadKinds(
      data_dir, name,
      {{"article", &w->article},
       {"of", &w->of},
       {"the", &w->the},
       {"ratio", &w->ratio},
       {"in", &w->in},
       {"scale-and", &w->scale_and},
       {"range-to", &w->range_to},
       {"range-between", &w->range_between},
       {"range-and", &w->range_and},
       {"from", &w->from},
       {"to", &w->to},
       {"at", &w->at},
       {"by", &w->by},
       {"infinitive", &w->infinitive},
       {"rate", &w->rate},
       {"not-rate", &w->not_rate},
       {"clause-joiner", &w->clause_joiners},
       {"aged", &w->aged},
       {"magnitude", &w->magnitude},
       {"determiner", &w->determiners},
       {"preposition", &w->prepositions},
       {"pronoun", &w->pronouns},
       {"year-before", &w->year_before},
       {"free-before", &w->free_before},
       {"one-before", &w->one_before},
       {"one-after", &w->one_after},
       {"clock", &w->clock},
       {"code", &w->codes},
       {"month-if-capitalized", &w->month_if_capitalized},
       {"tens-and", &w->tens_and},
       {"scale-of", &w->scale_of},
       {"month", &w->months},
       {"year-after", &w->year_after},
       {"count-noun", &w->count_nouns},
       {"object-determiner", &w->object_determiners},
       {"subject-pronoun", &w->subject_pronouns},
       {"more-after", &w->more_after}},
      [w](const Row& row) {
        // Settings that switch a rule on: "setting | value".
        for (const auto& [setting, value, flag] :
             {std::tuple{"nouns", "capitalized", &FigureWords::capitalized_nouns},
              std::tuple{"verb", "second", &FigureWords::verb_second},
              std::tuple{"subject", "phrase", &FigureWords::subject_phrase},
              std::tuple{"plural-unit", "genitive", &FigureWords::plural_unit_genitive},
              std::tuple{"narrower", "same", &FigureWords::narrower_is_same},
              std::tuple{"approximate", "agrees", &FigureWords::approximate_agrees}}) {
          if (row.size() == 2 && row[0] == setting && row[1] == value) {
            w->*flag = true;
            return true;
          }
        }
        if (row[1] == "measure-topic" && row.size() == 4 && !row[2].empty() && !row[3].empty()) {
          w->measure_topics.push_back(
              {std::string(row[0]), std::string(row[2]), std::string(row[3])});
          return true;
        }
        if (row[0] == "letters" && row[1] == "ascii" && row.size() == 2) {
          w->ascii_letters = true;
          return true;
        }
        if ((row[1] == "change-label" || row[1] == "change-key") && row.size() == 2) {
          std::string& target = row[1] == "change-label" ? w->change_label : w->change_key;
          if (!target.empty()) return false;  // one of each
          target = row[0];
          return true;
        }
        if ((row[1] != "dimension" && row[1] != "dimension-before") || row.size() != 4 ||
            row[2].empty() || row[3].empty()) {
          return false;
        }
        Dimension d{std::string(row[0]), std::string(row[2]), Kind::kNone, "",
                    row[1] == "dimension-before"};
        if (!ParseKind(row[3], &d.kind)) d.unit = std::string(row[3]);
        w->dimensions.push_back(std::move(d));
        return true;
      });
  if (status.ok() && (w->change_label.empty() || w->change_key.empty())) {
    return Status(StatusCode::kInvalidArgument, name + ": no change-label or no change-key");
  }
  return status;
}

Status LoadLabels(std::string_view data_dir, const std::string& name, FigureLabelWords* labels) {
  Status status = LoadKinds(
      data_dir, name,
      {{"clause", &labels->clause},
       {"place", &labels->place},
       {"casualty", &labels->casualty},
       {"not-noun", &labels->not_noun}},
      [labels](const Row& row) {
        if (row[1] == "casualty-name" && row.size() == 3 && IsCasualtyKey(std::string(row[2]))) {
          labels->casualty_names.emplace_back(row[2], row[0]);
          return true;
        }
        if (row[1] == "measure-name" && row.size() == 3 && !row[2].empty()) {
          labels->measure_names.emplace_back(row[2], row[0]);
          return true;
        }
        if (row[1] == "people-verb" && row.size() == 3 && !row[2].empty()) {
          labels->people_verbs.emplace_back(row[0], row[2]);
          return true;
        }
        if ((row[1] == "counted-modifier-ending" || row[1] == "counted-ending" ||
             row[1] == "counted-form" || row[1] == "paucal-ending") &&
            row.size() == 3 && !row[2].empty()) {
          auto& to = row[1] == "counted-form"     ? labels->counted_forms
                     : row[1] == "counted-ending" ? labels->counted_endings
                     : row[1] == "paucal-ending"  ? labels->paucal_endings
                                                  : labels->counted_modifier_endings;
          to.emplace_back(row[0], row[2]);
          return true;
        }
        if (row[0] == "counted-singular" && row[1] == "last-digit-one" && row.size() == 2) {
          labels->singular_after_one = true;
          return true;
        }
        if (row[1] == "case-ending" && row.size() == 2) {
          labels->case_endings.emplace_back(row[0]);
          return true;
        }
        if (row[1] != "people" || row.size() != 2) return false;
        if (!labels->people.empty()) return false;  // one
        labels->people = row[0];
        return true;
      });
  if (status.ok() && labels->people.empty()) {
    return Status(StatusCode::kInvalidArgument, name + ": no 'people' noun");
  }
  return status;
}

}  // namespace

Result<FigureWords> LoadFigureWords(std::string_view data_dir, std::string_view language) {
  FigureWords w;
  const std::string dir = std::string(language) + "/";
  Result<NumberWords> numbers = NumberWords::Load(data_dir, language);
  if (!numbers.ok()) return numbers.status();
  w.numbers = std::move(*numbers);
  Result<NumberFormat> format = NumberFormat::Load(data_dir, language);
  if (!format.ok()) return format.status();
  w.format = std::move(*format);
  using Loader = Status (*)(std::string_view, const std::string&, FigureWords*);
  static constexpr std::pair<std::string_view, Loader> kFiles[] = {
      {"magnitudes.txt", LoadMagnitudes},
      {"fractions.txt", LoadFractions},
      {"units.txt", LoadUnits},
      {"quantity_qualifiers.txt", LoadQualifiers},
      {"casualty_words.txt", LoadCasualties},
      {"figure_verbs.txt", LoadVerbs},
      {"counted_nouns.txt", LoadCountedNouns},
      {"figure_grammar.txt", LoadGrammar},
      {"earlier_markers.txt", LoadEarlierMarkers},
  };
  for (const auto& [file, load] : kFiles) {
    Status status = load(data_dir, dir + std::string(file), &w);
    if (!status.ok()) return status;
  }
  Status labels = LoadLabels(data_dir, dir + "figure_labels.txt", &w.labels);
  if (!labels.ok()) return labels;
  // Where every noun is written with a capital, so are the casualty names,
  // the change label and the names of money (listed in lower case):
  // "Verletzte", "Veränderung bei", "Kosten".
  if (w.capitalized_nouns) {
    for (auto& [key, name] : w.labels.casualty_names) name = CapitalizeFirst(name);
    for (auto& [key, name] : w.labels.measure_names) name = CapitalizeFirst(name);
    for (auto& [verb, name] : w.labels.people_verbs) name = CapitalizeFirst(name);
    // "Veränderung bei"; in a template, the word after "{} (": "{} (Veränderung)".
    const size_t word = w.change_label.find_first_not_of("{} (");
    if (word != std::string::npos) {
      w.change_label =
          w.change_label.substr(0, word) + CapitalizeFirst(w.change_label.substr(word));
    }
    for (MoneyVerb& v : w.money_verbs) v.what = CapitalizeFirst(v.what);  // "Kosten"
  }
  return w;
}

}  // namespace dossier::figures_internal
