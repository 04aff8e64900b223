// FigureExtractor: the key figures of a story ("224 people", "more than
// 200,000", "$4.5 billion in aid", "within six months"), what each one
// counts or measures, and whether the sources agree on them.
//
//   Result<FigureExtractor> figures = FigureExtractor::Create(options.data_dir, "en");
//   for (const FigureGroup& g : figures->Group(cluster))
//     if (g.status == FigureGroup::Status::kConflict)
//       for (const FigureMention& m : g.mentions)
//         std::cout << g.what << ": " << m.span.Slice(cluster.documents[m.document].text);
//
// Extract() and Group() need documents analysed by Pipeline::Analyze
// (sentences, tokens with stems and stopword flags). Create(data_dir,
// language) reads the language's word lists, data/<language>/*.txt (number
// words, magnitudes, fractions, units, qualifiers, casualty words, verbs,
// counted nouns, the small words of the patterns, the briefing's label
// words, the markers of an earlier count: analyze/figure_words.h lists the
// files), each from `data_dir` when
// it holds one, else built in; a list missing for the language is a
// kNotFound status. The English words quoted below are those of data/en/;
// the other languages' lists (de, fr, es, it, pt, ru) play the same parts
// ("mehr als", "3 millions d'euros", "погибли"). Digits are read in the
// language's format (number_format.txt: "5,000.5" in English, "5.000,5" in
// German, "5 000,5" in French with white space between groups), and a few
// patterns English does without are data too: signs after the number
// ("12,5 %", "100 €"), magnitudes with their period ("3,2 Mio. Euro"), a
// unit after a magnitude and "de" ("3 millions d'euros"), tens joined by a
// word ("treinta y cinco"), nouns written with capitals (German).
// Extract() and Group() are const and thread-safe.
// Spans are byte ranges into Document::text. Extract() looks at a window of
// a few tokens around each number, so it is linear in the number of tokens.
// Words are "adjacent" below when only spaces separate them; tokens carry no
// punctuation, so a comma or a parenthesis between two words breaks every
// pattern that needs them adjacent.
//
// THE NUMBER. A figure starts at
//   - a number token ("224", "5,000", "4.5"), or one with a glued scale or
//     unit: "bn", "tn", "mn" ("$4.5bn"); "m", "b", "k" after a currency sign
//     or before a unit word ("£5m", "4m miles"), otherwise "m" is metres;
//     "km", "kg", "cm", "ft", "mph"; "C" is degrees ("40C"; "4c" is a label);
//   - a cardinal word ("two", "twelve", "twenty-five", "twenty five"), or a
//     scale after "a"/"an" ("a dozen" 12, "a hundred", "a million"), "half a
//     million"; number words and digits take scales after them (thousand,
//     million, billion, trillion, bn, mln, hundred, dozen: "two dozen" 24,
//     "five thousand", "two hundred and fifty");
//   - a fraction, which is a proportion and so a percentage (unit "percent",
//     value 100 * fraction, qualifier "about" unless one is written, as news
//     fractions are rounded): "two-thirds", "two thirds", "three-quarters",
//     "one-third" anywhere; "a third", "a quarter", "one fifth", "half" only
//     before "of" or "the" ("a third of", "half the voters"); a fraction "of
//     a/an" unit is that share of the unit ("three-quarters of a century":
//     0.75 century); "half of them" and other partitives of pronouns are no
//     figures;
//   - a ratio: "one in four", "1 in 10" (percent, exact).
// Around the number:
//   - a qualifier before it: over/above/exceeding (-> "over"), more than,
//     upwards of / in excess of (-> "more than"), at least / a minimum of / no
//     less than (-> "at least"), up to / as many as / a maximum of / no more
//     than (-> "up to"), within, about/around/roughly/approximately/some/an
//     estimated (-> "about"), nearly/almost (-> "nearly"), less than/fewer
//     than/under/below (-> "less than"); "-plus" / "+" right after it
//     (-> "plus"); "or more" after it (-> "at least"), "or fewer"/"or less"
//     (-> "up to"); "minus"/"negative" before it makes it negative;
//   - a currency before it ("$", "US$" -> "dollar"; "£" -> "pound"; "€" ->
//     "euro");
//   - a range: "5,000–6,000", "5,000-6,000", "5,000 to 6,000", "between 5,000
//     and 6,000" (value = low end, value_high = high end; the high end must be
//     larger). After "from", "X to Y" is two figures, not a range ("grew from
//     8,000 to 14,500");
//   - a unit right after it, also hyphenated ("1.2-kilometre"): see
//     data/en/units.txt (people/persons/lives and casualty words, money words,
//     percent/per cent/%, percentage points, metres, kilometres, miles, feet,
//     inches, square <length>, km/h, mph, (metric) tonnes, kilograms,
//     barrels, gallons, litres, acres, hectares, degrees, years, decades,
//     centuries, months, weeks, days, hours, minutes, seconds); then
//     optionally a rate: "a"/"an"/"per"/"each"/"every" + day, week, month,
//     year, hour, minute, second, night or share ("barrels a day" -> unit
//     "barrel per day"; a count's rate alone: "per day"), not when "earlier",
//     "later", "ago", ... follows ("$586 million a day earlier").
//
// NOT FIGURES. Years (1900-2099 written without a comma) unless a unit, a
// qualifier or a plural noun follows at once ("2000 troops"), and never after
// in/since/until/by/from/during/before/after/of/circa/the ("the 2016
// election"); dates (a number of at most 31 next to a month name: "March
// 12", "14 Nov."; "may" is a month only when capitalized); clock times
// ("4:30", "4 a.m.", "10am", "5 o'clock", "0900 GMT"); identifiers: numbers
// glued to letters ("S-400", "COVID-19", "21st", "1990s"), numbers joined
// by "/" ("9/11", "24/7") or in a chain of three or more groups joined by
// "-" ("2017-05-03", "555-123-4567"), numbers with a leading zero ("0018"),
// after "+" or "#", the second number of a dash pair that made no range
// ("2014-15"), the emergency numbers 911 and 999; numbers without a
// measurement unit right after a capitalized word ("Boeing 737", "Vienna
// 2", "Flight 370"; not a stopword, a qualifier, a month, a casualty word or
// a possessive) or after a label word ("No.", "number", "route", "room",
// "page", "season", "category", "level", "Fig.", ...: the labels of
// data/en/counted_nouns.txt); house
// numbers (a number, capitalized words, a street word: "10 Downing
// Street"); a capitalized number word inside a sentence ("the Twelve
// Apostles"); "one" as a pronoun or in an idiom ("no one", "the one", "one
// of", "one another", "one who", "one day", "at one point") and "one" counting
// anything but people ("one country": only "one person", a casualty, is a
// figure); vague amounts ("dozens", "hundreds of", "several thousand" are
// never numbers); partitives ("four of them"); numbers with more than 15
// significant integer digits (no reported quantity, and more than a double
// holds exactly), so every value is finite; and numbers with neither a
// unit nor a `what` ("Lena Marsh, 34,").
//
// WHAT IT COUNTS (`what`, a readable label, and `what_key`, its lower-case
// stem key; both empty when unknown). The first rule that applies wins:
//  1. Casualties. A death word (killed, died, dead, death(s), death toll,
//     fatal, perished, lives) after the figure (over at most seven
//     auxiliaries: "were", "are confirmed", "are estimated to have been") or
//     just before it, over stopwords but not over a preposition ("killing
//     all 224", "claimed 224 lives"; not "died at 93"), gives "killed";
//     injured, wounded, hurt give "injured"; "missing" gives "missing"
//     (other languages also list words that give "evacuated": "sfollati";
//     English lists none). Not
//     across punctuation ("Mr. Katriuk, 93, died" is no death toll). Only
//     counts are casualties (no unit, people, or a counted noun: "224
//     passengers were killed"); they take the unit "people". A count noun
//     (figure_grammar.txt: "number", "Zahl", "число") with a casualty word
//     after it ("the number of injured") names the casualty of a figure at
//     most ten words later in its clause ("die Zahl der Verletzten ist auf
//     14 gestiegen") or right after it ("19 o número de feridos").
//  2. Age and dimensions: "34-year-old", "14 years old", "aged 34" -> "age"
//     (unit year); a length unit followed by high/tall, deep, long, wide,
//     thick -> "height", "depth", "length", "width", "thickness"; a time unit
//     followed by "long" -> "duration"; "magnitude 6.4" -> "magnitude".
//  3. People: "224 people", "one person" -> "people" (unit "people").
//  4. The counted noun right after the figure (after its unit, if any): a
//     compound of at most three content words (letters, not stopwords, not
//     listed as non-heads such as "times", "others", "ago", "later", "last",
//     comparatives, directions, weekdays, months, possessives), joined by
//     spaces or hyphens, ending at its first plural word ("20 states", "three
//     Russian warships", "five co-workers", "$2 billion loan", "a 180-metre
//     section", "$4.5 billion aid package"). A participle ("-ed") may open a
//     compound ("three armed men") but never continues or ends one, nor does
//     a verb ("section fell") or an -ly word ("quarterly loss" keeps
//     "quarterly" as a modifier only); a capitalized word after a
//     lower-case one only as a modifier ("new U.S. states"); an acronym only
//     as a modifier ("27 EU member states"). No compound when a hyphenated
//     word is cut ("hands-on"), when three words bring no head yet, when it
//     is a lone period ("8% year on year"), or when it is a name: all words
//     capitalized and more than one ("Two Fat Ladies", "$159 Apple Air
//     Pods"), or one in a heading. A bare count (no unit, scale or currency)
//     needs a plural head ("two survived" counts nothing). The counted noun
//     of a count without a unit is part of the span ("5 warships"); after a
//     unit it is not ("20 percent" of "20 percent increase").
//  5. A noun before "of": "a budget of $4.5-plus billion", "an altitude of
//     over 3,000 metres", "a population of 20,000": the lower-case compound of
//     at most three words that ends right before "of" (its qualifier comes
//     between "of" and the number), not a verb, not a quantity word ("a lot
//     of", "thousands of", "part of": not-of-head in counted_nouns.txt).
//  6. Money right after a verb that names it: cost(s) -> "cost", lost/loses
//     -> "loss", earned/earns -> "earnings", spent -> "spending", owes/owed ->
//     "debt", fined -> "fine", raised -> "funds raised". An estimated cost
//     (the verb after will, would, could, may, might, expected or likely,
//     with other auxiliaries and "to" between) is named by its subject, a
//     lower-case compound right before them (not after a preposition: "the
//     cost of"): "Repairs will cost about $410 million" -> "Repairs", key
//     "repair" (so it meets a "$340 million repair"); a price ("a flat now
//     costs £1,950 a month") stays "cost".
//  7. Verbs, for percentages, money, other measures and numbers without a
//     unit (not lengths or durations: "climbers reached 5,000 metres" is not
//     about climbers):
//     - the subject of a level or change verb: SUBJECT [aux] VERB [-ly]
//       [to|at|by|from] FIGURE, the subject a lower-case compound right
//       before the verb (or the sentence's first word) that is not another
//       figure's counted noun ("Exports to the 27 EU member states dropped
//       8%" gets no what); where the language says so (figure_grammar.txt
//       "verb | second", "subject | phrase"), the compound before a
//       prepositional phrase between it and the verb ("Столбик термометра
//       в городе опустился до минус 32 градусов"). Level verbs (reached, hit, stood, totalled,
//       topped, exceeded, worth, is/was/are/were; the copula not for bare
//       numbers, which are mostly ages: "they were over 65") or change verbs
//       (rose, fell, climbed, jumped, dropped, grew, cut, ...) with "to",
//       "at" or "from" give the subject ("unemployment rose to 5.2 percent"
//       -> "unemployment"); a change verb with "by" or nothing gives the
//       change ("sales rose 12%" -> "change in sales", key "sale chang");
//     - the object of a verb that changes or sets it: CHANGE-VERB [det]
//       OBJECT by FIGURE ("cut the risk of death by 30%" -> "change in risk
//       of death"), SETTING-VERB [det] OBJECT at FIGURE ("kept its benchmark
//       rate at 4.25%" -> "benchmark rate");
//     - "from X to Y" and "by X to Y": Y takes X's quantity ("fell by 0.4
//       points to 3.1 percent": 3.1 percent is "inflation").
//  8. After a unit, scale, currency or fraction: "in" + a compound without a
//     determiner ("$4.5 billion in aid", "six years in prison"; not times:
//     "in March", "in the first quarter"), or "of" + optional determiners,
//     possessives and numbers + a compound ("59% of investors", "two-thirds of
//     the vote", "1.2 million barrels of oil"), then optionally a rate.
// The label is the words as written, joined by a space or a hyphen as in the
// text (a sentence's capitalized first word lower-cased). The key is their
// Porter2 stems (Token::stem) joined by spaces, without neutral adjectives
// (new, additional, total, estimated, annual, ...) and, when a modifier
// remains, without a generic head (rate, level, total, figure, number,
// amount, sum, tally, count): "unemployment rate" -> "unemploy", "new U.S.
// states" -> "u.s. state", "states" -> "state"; people words give "people";
// casualties "killed", "injured", "missing"; a change adds " chang".
//
// GROUPING (Group). Every figure implies an interval: exact [v, v_high];
// about [0.9 v, 1.1 v_high]; over, more than, at least, plus [v, inf); up to,
// within, less than [0, v_high]; nearly [0.9 v, v]. Two mentions are
// Compatible() unless their intervals do not overlap: two lower bounds
// ("over 300,000", "more than 200,000") never contradict each other.
// Two values are close when they are equal or within a factor 1.6 of each
// other: an order of magnitude apart they are different quantities whatever
// the words, even when an open bound makes them compatible ("more than
// $15,000" and "$15 million"). A mention's context is the set of stems of
// the content words (not stopwords, numbers, said/says/told/according/added/
// reported, nor the words that gave its `what`) within six tokens before and
// after the figure in its sentence. Two mentions are the same quantity by
// their wording when their values are close, their contexts share at least
// two stems, and they stand in different sentences (a sentence listing "117
// percent ..., 124 percent ..." names different quantities). Mentions of one
// unit are then linked:
//   - casualties: all mentions with the same what_key;
//   - other known keys: mentions with the same what_key whose values are
//     close and Compatible(), or that are the same quantity by their wording
//     ("20 states sued" and "12 states joined", worded apart, are two
//     quantities, not a conflict); for money and measures (units other than
//     people, percent and durations), mentions of two documents with the same
//     what_key and close values, compatible or not ("$340 million repair",
//     "repairs will cost about $410 million": one quantity, in conflict);
//   - one specific measurement: mentions in different documents with the
//     same unit (money, length, other measures; not people, percentages or
//     durations, which coincide too often) and the very same value, high end
//     and qualifier, written with two significant digits or more (180, 1.2,
//     $340 million; not 6 or 5,000), whatever they are called ("1.2-kilometre
//     span", "1.2-kilometer bridge"); casualties excepted;
//   - unknown what (empty key): with any mention of the same unit (known key
//     or not, but not a casualty) that is the same quantity by its wording.
//     Apart from the specific-measurement rule, a link never joins two
//     different known keys in one group.
// A group is a connected set of linked mentions; a mention linked to none
// stays alone. It is kConflict when two mentions from different documents,
// neither earlier (below), are not Compatible(). Its value is the most
// frequent value (the first one on a tie); its `what` is its mentions' most
// frequent label (the first on a tie) or, when none has one, its unit, so it
// can always be shown;
// `what_key` is the group's known key (the first one, when a specific
// measurement joined two; "" for none). Group() compares the mentions of
// one unit with each other, so it is quadratic in the mentions of a unit and
// linear in the rest.
//
// EARLIER FIGURES (`earlier`). A report sometimes gives a count only as the
// one it replaces ("The toll rose to 12. Earlier reports had said nine
// people died"; "выросло до семи ... Ранее говорилось о четырех
// пострадавших"). A mention is earlier when both hold:
//   - a marker of data/<language>/earlier_markers.txt ("earlier",
//     "initially", "previously", "at first"; "ранее", "zuvor", "premier
//     bilan") stands before it in its sentence, at most 12 tokens before its
//     first token, with no ';', '?' or '!' between them (commas do not end
//     the clause: "Earlier, officials said at least 85 people were killed")
//     and no other figure of the same key between them (in "initially nine
//     ... but later 12", 12 is the new count); and a report word of the list
//     ("said", "reports", "toll"; "говорилось") stands in the marker's
//     clause, from its first word to the next ';', '?', '!' or the
//     sentence's end, so that an earlier event ("previously spent $4
//     million", "earlier this month ... 21 executions") is no earlier
//     report;
//   - the same document gives another mention of the same what_key and unit
//     with a different value or high end, after no marker: the new count. A
//     marker alone marks nothing.
// An earlier mention stays in its group, so the reader sees it, but neither
// corroborates nor contradicts: Verdict(), DocumentCount() and the group's
// value use the other mentions, CurrentMentions() (all of them when every one is
// earlier). The briefing's split of a casualty group by magnitude
// (brief/figure_report.h) never separates a report's earlier count from its
// current one: the report says they are one quantity, so another source's
// four against a report's "eleven; initially four" is a conflict. The rule
// does not see a marker after the figure ("12, up from
// nine reported earlier"), a new count given in another document only, nor
// a marker that is no listed word; the lists' words are those that open an
// earlier report, not every way of saying one.
#ifndef DOSSIER_ANALYZE_FIGURES_H_
#define DOSSIER_ANALYZE_FIGURES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"
#include "util/short_word_list.h"

namespace dossier {

namespace figures_internal {
struct FigureWords;
}  // namespace figures_internal

struct FigureMention {
  uint32_t document = 0;  // index into Cluster::documents (the caller's index in Extract)
  uint32_t sentence = 0;  // index into that document's sentences
  Span span;              // the figure as written: qualifier, unit, rate included, and the
                          // counted noun of a count without a unit ("5 warships")
  double value = 0;       // normalized number (low end of a range; percent for fractions)
  double value_high = 0;  // high end of a range, = value otherwise
  std::string qualifier;  // "", "over", "more than", "about", "at least", "up to",
                          // "within", "nearly", "less than", "plus"
  std::string unit;       // "people", "dollar", "metre", "month", "percent",
                          // "barrel per day", ...; "" for a count of things
  std::string what;       // what it counts: "killed", "injured", "missing", "evacuated", "people",
                          // "states", "aid", "unemployment rate", "age"; "" if unknown
  std::string what_key;   // lower-case stem key of `what`: "killed", "state", "aid",
                          // "unemploy"; "" if unknown
  bool earlier = false;   // an earlier count its document replaces (EARLIER FIGURES above)
};

struct FigureGroup {
  // kAgree: the same value; kConsistent: different values whose intervals
  // meet (bounds, approximations); kConflict: two sources incompatible.
  enum class Status { kAgree, kConsistent, kConflict };

  std::string what;  // the mentions' label, or the unit when none has one
  std::string unit;
  double value = 0;  // representative value
  Status status = Status::kAgree;
  std::vector<FigureMention> mentions;  // in (document, text) order
  // The mentions' key; "" for unknown. Last, with a default member
  // initializer, so {what, unit, value, status, mentions} still initializes
  // a group.
  std::string what_key = {};

  // The number of distinct documents among the mentions that are not
  // earlier; among all of them when every one is earlier.
  size_t DocumentCount() const;
};

const char* FigureStatusName(FigureGroup::Status status);

// The mentions that count for a group's verdict, sources and value: those
// that are not earlier (EARLIER FIGURES above), or all of them when every
// one is; in their order.
std::vector<const FigureMention*> CurrentMentions(const std::vector<FigureMention>& mentions);

// The words the briefing labels figures with (brief/figure_report.h), from
// data/<language>/figure_labels.txt.
struct FigureLabelWords {
  ShortWordList clause;    // a label stops before them: "that", "which", "when"
  ShortWordList place;     // open a casualty's place or event: "in", "on", "during"
  ShortWordList casualty;  // casualty words after a figure: "killed", "died"
  ShortWordList not_noun;  // end a casualty figure, are not its noun: "lives", "dead"
  std::string people;      // the noun of a casualty label that names none: "people"
  // The language's own name of each casualty key ("injured" -> "Verletzte"),
  // the whole label of a casualty figure when given; none in English, whose
  // keys are words of the language ("people injured").
  std::vector<std::pair<std::string, std::string>> casualty_names;
  // The language's name of a measure-topic key (figure_grammar.txt: "burnt"
  // -> "superficie quemada"), the label of a measure of that key whatever
  // noun it is of; none in English, which has no measure topics.
  std::vector<std::pair<std::string, std::string>> measure_names;
  // A verb next to a count of people that names who they are (Russian
  // "проживают около 35 тыс. человек" -> "жители"): verb and name; none in
  // English.
  std::vector<std::pair<std::string, std::string>> people_verbs;
  // A counted noun's words in the case a number or unit gives them, to the
  // nominative of a label (Russian genitive plural "теплосетей" ->
  // "теплосети"): endings of modifiers ("многоквартирных" -> "-ые"), which
  // go on to the next word, endings of nouns and whole irregular nouns
  // ("домов" -> "дома"), where the label's head ends; none in English.
  std::vector<std::pair<std::string, std::string>> counted_modifier_endings;
  std::vector<std::pair<std::string, std::string>> counted_endings;
  std::vector<std::pair<std::string, std::string>> counted_forms;
  // Endings of another case of a label (German dative plural "-n":
  // "Passagieren"): a group whose mentions are labelled both with and
  // without one is labelled without it ("Passagiere"); none in English.
  std::vector<std::string> case_endings;
  // A bare count ending in the digit 1 but not in 11 takes its noun in the
  // nominative singular, which stays as written (Russian "21 музей";
  // setting "counted-singular | last-digit-one").
  bool singular_after_one = false;
  // After a bare count ending in 2, 3 or 4 but not in 12 to 14 the noun is in
  // the genitive singular: endings of its head to the nominative plural
  // (Russian "164 пассажира" -> "пассажиры"); a head that is the nominative
  // of counted_forms ("дома") stays as written. None in English.
  std::vector<std::pair<std::string, std::string>> paucal_endings;

  // `label` (a counted noun as written) with its words in the nominative;
  // `paucal`: after a count of paucal_endings.
  std::string CountedNominative(std::string_view label, bool paucal = false) const;
  // The name of casualty key `key`, or null.
  const std::string* CasualtyName(std::string_view key) const { return Find(casualty_names, key); }
  // The name of measure-topic key `key`, or null.
  const std::string* MeasureName(std::string_view key) const { return Find(measure_names, key); }
  // The name of the people a verb (lower case) says they are, or null.
  const std::string* PeopleVerbName(std::string_view verb) const {
    return Find(people_verbs, verb);
  }

 private:
  static const std::string* Find(const std::vector<std::pair<std::string, std::string>>& names,
                                 std::string_view key) {
    for (const auto& [k, name] : names) {
      if (k == key) return &name;
    }
    return nullptr;
  }
};

class FigureExtractor {
 public:
  static Result<FigureExtractor> Create(std::string_view data_dir,
                                        std::string_view language = "en");

  // The figures of an analysed document, in text order; each mention's
  // `document` is `document_index`.
  std::vector<FigureMention> Extract(const Document& doc, uint32_t document_index) const;

  // Extract() over every document, then grouped as described above; groups
  // ordered by decreasing document count, then by their first mention.
  // `include` (may be null): the documents read (the briefing leaves out
  // copies and documents set aside).
  std::vector<FigureGroup> Group(const Cluster& cluster,
                                 const std::vector<bool>* include = nullptr) const;

  // Whether two mentions can be the same quantity (the interval rule above).
  static bool Compatible(const FigureMention& a, const FigureMention& b);
  // A set of mentions of one quantity, the earlier ones left out (all of
  // them judged when every one is earlier): kConflict when two of different
  // documents are not Compatible(), else kConsistent when two of different
  // documents differ in value, high end or qualifier, else kAgree. With
  // `approximate_agrees` (the language's setting, figure_grammar.txt), an
  // approximate value and the exact one equal to it agree ("rund 2,4 Mio.
  // Euro", "2,4 Mio. Euro").
  static FigureGroup::Status Verdict(const std::vector<FigureMention>& mentions,
                                     bool approximate_agrees = false);
  // The language's setting for Verdict().
  bool approximate_agrees() const;

  // Values more than this factor apart are different quantities whatever
  // the words ("more than $15,000" and "$15 million"; 224 on a plane and 130
  // in Paris).
  static constexpr double kSameQuantityRatio = 1.6;

  // Whether `unit` is a duration: the unit of a word of kind time
  // (units.txt: "year", "minute").
  bool IsDuration(std::string_view unit) const;
  const FigureLabelWords& label_words() const;

 private:
  std::shared_ptr<const figures_internal::FigureWords> words_;
};

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_FIGURES_H_
