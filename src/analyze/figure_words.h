// The word knowledge of the figure scanner (figure_scan.cc) and the figure
// grouping (figures.cc), read from one language's data files, and small
// tests on words and numbers. Internal to the analyze stage.
//
//   Result<FigureWords> words = LoadFigureWords(data_dir, "en");
//   if (const Unit* u = words->FindUnit("metres")) ...  // metre, length
//
// LoadFigureWords reads data/<language>/: number_words.txt and
// number_format.txt (util/number_words.h), magnitudes.txt, fractions.txt, units.txt,
// quantity_qualifiers.txt, casualty_words.txt, figure_verbs.txt, counted_nouns.txt,
// figure_grammar.txt, figure_labels.txt and earlier_markers.txt (each file opens with what it
// lists and how the code reads it); each from `data_dir` when it holds the
// file, else built in. A file missing for the language is kNotFound; an
// entry the loader cannot read (an unknown kind, a value that is no number)
// is kInvalidArgument. The lists are short and searched the way the
// constexpr arrays they replace were (length and first byte first), so the
// scan is as fast. Immutable once loaded; thread-safe.
#ifndef DOSSIER_ANALYZE_FIGURE_WORDS_H_
#define DOSSIER_ANALYZE_FIGURE_WORDS_H_

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/figures.h"
#include "dossier/document.h"
#include "dossier/status.h"
#include "util/number_words.h"
#include "util/short_word_list.h"
#include "util/strings.h"

namespace dossier::figures_internal {

// Whether the UTF-8 text `s` opens with a letter (of any script: "über",
// "человек", unless `ascii`); with `upper`, a capital one.
inline bool StartsWithLetter(std::string_view s, bool upper = false, bool ascii = false) {
  if (s.empty()) return false;
  if (static_cast<unsigned char>(s[0]) < 0x80 || ascii) {
    return upper ? IsAsciiUpper(s[0]) : IsAsciiAlpha(s[0]);
  }
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && (upper ? u_isupper(c) : u_isalpha(c));
}

// What a unit measures (units.txt, column KIND).
enum class Kind { kNone, kPeople, kMoney, kPercent, kLength, kTime, kMeasure };

// A word that multiplies a number: "billion", "dozen" (magnitudes.txt).
struct ScaleWord {
  std::string word;
  double value = 0;
  bool abbreviation = false;  // never after "a"/"an"
  bool takes_and = false;     // "two hundred and fifty"
  bool dot = false;           // the period after it is its own: "3,2 Mio. Euro"
  bool approximate = false;   // a round number: "une cinquantaine" is about 50
};
// A magnitude glued to digits: "4.5bn", "£5m".
struct GluedScale {
  std::string suffix;
  double value = 0;
  bool needs_currency = false;  // only after a currency sign or before a unit word
};
// Fraction words and their denominators; `plural` forms need a numerator
// above one ("two-thirds"), singular ones need "a"/"one" ("a third of");
// `alone` ones stand by themselves ("half of", "half a million").
struct FractionWord {
  std::string word;
  double denominator = 0;
  bool plural = false;
  bool alone = false;
};
// A unit word after a figure: its lower-case form, normalized unit, kind.
struct Unit {
  std::string word;
  std::string unit;
  Kind kind = Kind::kNone;
};
// A unit of several words ("per cent", "per-cent", "square miles") or a
// word and the characters glued after it ("km/h": words {"km"}, tail "/h").
struct PhraseUnit {
  std::vector<std::string> words;
  std::vector<bool> hyphen;  // words t and t + 1 are joined by a hyphen, not spaces
  std::string tail;
  std::string unit;
  Kind kind = Kind::kNone;
};
// A unit glued to digits: "10km", "40C".
struct GluedUnit {
  std::string suffix;
  std::string unit;
  Kind kind = Kind::kNone;
  bool capital = false;  // written in capitals only
};
// A currency sign before a number: "$" -> dollar; a `spaced` one may stand
// one space apart ("R$ 5 bilhões").
struct CurrencySign {
  std::string sign;
  std::string unit;
  bool spaced = false;
};
// A sign after a number, glued or after white space: "12,5 %", "100 €".
struct SignAfter {
  std::string sign;
  std::string unit;
  Kind kind = Kind::kNone;
};
// Words before or after a number that qualify it: "more than" -> "more than".
struct QualifierPhrase {
  std::vector<std::string> words;
  std::string qualifier;
};
// A verb right before money that names it: "lost" -> what "loss", key "loss".
struct MoneyVerb {
  std::string word, what, key;
  bool subject = false;  // an estimate is named by the verb's subject
};
// A casualty word: a stem ("kill") or a word ("missing") and its key.
struct CasualtyWord {
  std::string entry;
  std::string key;
  bool stem = true;
};
// A casualty phrase: words (or stems) in a row right before or after the
// figure that say what it counts ("за медицинской помощью обратились семь
// человек", "12 people sought medical treatment": injured).
struct CasualtyPhrase {
  std::vector<std::string> words;
  std::string key;
  bool stem = true;
};
// An adjective after a length or duration that says what it measures:
// "180 metres long" -> length. Applies after units of `kind`, or after the
// unit `unit` when it is set; `before`: a noun before the figure (Russian
// instrumental "диаметром 800 миллиметров" -> "диаметр").
struct Dimension {
  std::string word, what;
  Kind kind = Kind::kNone;
  std::string unit;
  bool before = false;
};

struct FigureWords {
  // Numbers (number_words.txt, magnitudes.txt, fractions.txt).
  NumberWords numbers;
  NumberFormat format;
  std::vector<ScaleWord> scales;
  std::vector<GluedScale> glued_scales;
  std::vector<FractionWord> fractions;
  ShortWordList fractions_alone;

  // Units (units.txt).
  std::vector<Unit> units;
  std::vector<PhraseUnit> phrase_units;
  std::vector<GluedUnit> glued_units;
  std::vector<CurrencySign> currency_signs;
  std::vector<SignAfter> signs_after;
  bool has_spaced_sign = false;
  std::array<bool, 256> currency_last_byte{};            // last bytes of the signs
  std::vector<std::pair<std::string, Kind>> unit_kinds;  // normalized unit -> kind

  // Qualifiers (quantity_qualifiers.txt); `before` longest first.
  std::vector<QualifierPhrase> qualifiers_before, qualifiers_after, qualifiers_hyphen;
  ShortWordList negative;

  // Casualties (casualty_words.txt).
  std::vector<CasualtyWord> casualties;
  std::vector<CasualtyPhrase> casualty_phrases;
  ShortWordList casualty_between, casualty_stops;

  // Verbs (figure_verbs.txt).
  ShortWordList level_verbs, copulas, change_verbs, setting_verbs, verb_auxiliaries, estimates,
      common_verbs, compound_end_verbs, reporting;
  std::vector<MoneyVerb> money_verbs;

  // Counted nouns (counted_nouns.txt).
  ShortWordList non_heads, neutral, generic, not_of_heads, ed_nouns, ly_nouns, irregular_plurals,
      periods, times, label_words, street_words;
  // Word endings (counted_nouns.txt): of plurals ("s"), of words that are
  // not plurals though they end like one ("ss"), of participles ("ed"), of
  // adverbs ("ly").
  std::vector<std::string> plural_endings, not_plural_endings, participle_endings, adverb_endings;

  // The small words of the patterns (figure_grammar.txt).
  ShortWordList article, of, the, ratio, in, scale_and, range_to, range_between, range_and, from,
      to, at, by, infinitive, rate, not_rate, clause_joiners, aged, magnitude, determiners,
      prepositions, pronouns, year_before, free_before, one_before, one_after, clock, codes,
      month_if_capitalized, tens_and, scale_of, months, year_after,
      count_nouns,                 // "Zahl der Verletzten auf 14": a count of the casualty
      object_determiners,          // "Den Schaden schätzt die Reederei auf": an object put first
      subject_pronouns,            // "kostet das rund 1,1 Mio. Euro": a subject after its verb
      more_after;                  // "4,5 Prozent mehr Lohn": a change of the noun after it
  bool capitalized_nouns = false;  // every noun is written with a capital (German)
  bool verb_second = false;        // time phrases stand between verb and figure (German)
  // A level or change verb's subject may carry a phrase, the verb second or
  // not ("Столбик термометра в городе опустился"); verb_second implies it.
  bool subject_phrase = false;
  // A unit in the plural takes the noun it measures after it, in the
  // genitive ("около 600 метров трубы"); else it is no modifier.
  bool plural_unit_genitive = false;
  bool ascii_letters = false;  // words are of ASCII letters (English)
  // "rund 2,4 Mio." and "2,4 Mio." agree rather than are consistent.
  bool approximate_agrees = false;
  // "120 многоквартирных домов" and "120 домов" are one figure.
  bool narrower_is_same = false;
  std::vector<Dimension> dimensions;
  // A word of a figure's sentence (a prefix of it) that says what a measure
  // in UNIT measures: "calcin" | hectare | burnt ("1.250 hectáreas
  // calcinadas").
  struct MeasureTopic {
    std::string prefix, unit, key;
  };
  std::vector<MeasureTopic> measure_topics;
  // "change in", put before what changes, or a template with "{}" where it
  // goes ("{} (Veränderung)").
  std::string change_label;
  std::string change_key;  // "chang"

  // Words that make a figure after them an earlier count
  // (earlier_markers.txt), each split into its words: {"at", "first"}; and
  // the words of a report one of them needs in its clause ("said", "toll").
  std::vector<std::vector<std::string>> earlier_markers;
  ShortWordList earlier_reports;

  // The briefing's label words (figure_labels.txt).
  FigureLabelWords labels;

  const ScaleWord* FindScale(std::string_view w) const {
    for (const ScaleWord& s : scales) {
      if (s.word == w) return &s;
    }
    return nullptr;
  }
  const FractionWord* FindFraction(std::string_view w) const {
    for (const FractionWord& f : fractions) {
      if (f.word == w) return &f;
    }
    return nullptr;
  }
  const Unit* FindUnit(std::string_view w) const {
    for (const Unit& u : units) {
      if (u.word == w) return &u;
    }
    return nullptr;
  }
  // The currency sign that ends `before` (the text before a number), or
  // null; *written is its length with the space after a spaced sign.
  const CurrencySign* CurrencyBefore(std::string_view before, size_t* written) const {
    size_t space = 0;
    if (!before.empty() && before.back() == ' ' && has_spaced_sign) {
      space = 1;
      before.remove_suffix(1);
    }
    if (before.empty() || !currency_last_byte[static_cast<unsigned char>(before.back())]) {
      return nullptr;
    }
    for (const CurrencySign& c : currency_signs) {
      if (space > c.spaced) continue;
      if (before.size() >= c.sign.size() &&
          SameSign(before.substr(before.size() - c.sign.size()), c.sign)) {
        *written = c.sign.size() + space;
        return &c;
      }
    }
    return nullptr;
  }
  bool IsCurrencySign(std::string_view s) const {
    for (const CurrencySign& c : currency_signs) {
      if (SameSign(s, c.sign)) return true;
    }
    return false;
  }
  // Signs are listed in lower case: "R$" is "r$".
  static bool SameSign(std::string_view written, std::string_view sign) {
    if (written.size() != sign.size()) return false;
    for (size_t i = 0; i < sign.size(); ++i) {
      if (AsciiToLower(written[i]) != sign[i]) return false;
    }
    return true;
  }
  // The kind of a normalized unit ("metre": length), kNone when no unit
  // word gives it.
  Kind UnitKind(std::string_view unit) const {
    for (const auto& [name, kind] : unit_kinds) {
      if (name == unit) return kind;
    }
    return Kind::kNone;
  }

  // Whether token `t` is `entry` of a casualty list, a stem or (`stem`
  // false) a lower-case word.
  static bool CasualtyEntry(const std::string& entry, bool stem, const Token& t) {
    return (stem ? t.stem : t.lower) == entry;
  }
  // Whether token `t` is word `i` of casualty phrase `p`.
  static bool PhraseWord(const CasualtyPhrase& p, size_t i, const Token& t) {
    return CasualtyEntry(p.words[i], p.stem, t);
  }
  // The casualty key of a token ("killed", "injured", "missing"), or "".
  std::string_view Casualty(const Token& t) const {
    for (const CasualtyWord& c : casualties) {
      if (CasualtyEntry(c.entry, c.stem, t)) return c.key;
    }
    return "";
  }

  // A word made of letters (and inner dots, hyphens or apostrophes: "u.s.").
  bool IsWord(const Token& t) const {
    return !t.is_number && StartsWithLetter(t.lower, false, ascii_letters);
  }

  // A verb that ends a counted noun compound.
  bool IsVerb(std::string_view w) const { return compound_end_verbs.Contains(w); }
  // Words with an adverb ending ("-ly") are adverbs ("16% nationally"),
  // when longer than the ending by three bytes or more, unless listed as
  // nouns.
  bool IsLyAdverb(std::string_view w) const {
    for (const std::string& e : adverb_endings) {
      if (w.size() > e.size() + 2 && EndsWith(w, e)) return !ly_nouns.Contains(w);
    }
    return false;
  }
  // Words with a participle ending ("-ed") are participles, when longer
  // than the ending by two bytes or more, unless listed as nouns.
  bool EndsEd(std::string_view w) const {
    for (const std::string& e : participle_endings) {
      if (w.size() > e.size() + 1 && EndsWith(w, e)) return !ed_nouns.Contains(w);
    }
    return false;
  }
  // A listed irregular plural, or a word of three bytes or more with a
  // plural ending and none of the endings that are not plural.
  bool LooksPlural(std::string_view w) const {
    if (irregular_plurals.Contains(w)) return true;
    if (w.size() < 3) return false;
    bool plural = false;
    for (const std::string& e : plural_endings) plural = plural || EndsWith(w, e);
    if (!plural) return false;
    for (const std::string& e : not_plural_endings) {
      if (EndsWith(w, e)) return false;
    }
    return true;
  }
};

// Reads the lists of `language` (see the top of this file).
Result<FigureWords> LoadFigureWords(std::string_view data_dir, std::string_view language);

// "nov." -> "nov".
inline std::string_view NoDot(std::string_view w) {
  return !w.empty() && w.back() == '.' ? w.substr(0, w.size() - 1) : w;
}

inline bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsAsciiDigit(c); });
}

// The text between two tokens, trimmed.
inline std::string_view Between(const Document& doc, const Token& a, const Token& b) {
  return TrimWhitespace(std::string_view(doc.text).substr(a.span.end, b.span.begin - a.span.end));
}

inline bool IsDash(std::string_view s) {
  return s == "-" || s == "\xE2\x80\x93" /* en dash */ || s == "\xE2\x80\x94" /* em dash */;
}

// The significant digits of a value: 2 for 180, 1.2 and 340e6; 1 for 6 and 5,000.
inline int SignificantDigits(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", std::fabs(value));
  std::string digits;
  for (const char* p = buffer; *p != '\0' && *p != 'e'; ++p) {
    if (IsAsciiDigit(*p)) digits += *p;
  }
  const size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return 0;
  const size_t last = digits.find_last_not_of('0');
  return static_cast<int>(last - first + 1);
}

// The casualty keys (casualty_words.txt, column KIND): names, not words.
inline bool IsCasualtyKey(const std::string& key) {
  return key == "killed" || key == "injured" || key == "missing" || key == "evacuated";
}

}  // namespace dossier::figures_internal

#endif  // DOSSIER_ANALYZE_FIGURE_WORDS_H_
