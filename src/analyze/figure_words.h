// The word knowledge of the figure scanner (figure_scan.cc): number and
// scale words, fractions, units, the verbs and nouns around a figure, and
// small tests on words. Internal to the analyze stage.
#ifndef DOSSIER_ANALYZE_FIGURE_WORDS_H_
#define DOSSIER_ANALYZE_FIGURE_WORDS_H_

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>

#include "dossier/document.h"
#include "util/number_words.h"
#include "util/strings.h"

namespace dossier::figures_internal {

constexpr NumberWord kScales[] = {
    {"hundred", 100},   {"dozen", 12}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
    {"trillion", 1e12}, {"mln", 1e6},  {"bn", 1e9},       {"mn", 1e6},
};

// Fraction words and their denominators; `plural` forms need a numerator
// above one ("two-thirds"), singular ones need "a"/"one" ("a third of").
struct FractionWord {
  std::string_view word;
  double denominator;
  bool plural;
};
constexpr FractionWord kFractions[] = {
    {"half", 2, false},    {"halves", 2, true},   {"third", 3, false},  {"thirds", 3, true},
    {"quarter", 4, false}, {"quarters", 4, true}, {"fourths", 4, true}, {"fifth", 5, false},
    {"fifths", 5, true},   {"sixth", 6, false},   {"sixths", 6, true},  {"eighth", 8, false},
    {"eighths", 8, true},  {"tenth", 10, false},  {"tenths", 10, true},
};

enum class Kind { kNone, kPeople, kMoney, kPercent, kLength, kTime, kMeasure };

struct Unit {
  std::string_view word;  // lower-case surface form
  std::string_view unit;  // normalized
  Kind kind;
};
// Units right after a figure. Casualty words carry the unit "people".
constexpr Unit kUnits[] = {
    {"people", "people", Kind::kPeople},
    {"person", "people", Kind::kPeople},
    {"persons", "people", Kind::kPeople},
    {"lives", "people", Kind::kPeople},
    {"dead", "people", Kind::kPeople},
    {"killed", "people", Kind::kPeople},
    {"injured", "people", Kind::kPeople},
    {"wounded", "people", Kind::kPeople},
    {"deaths", "people", Kind::kPeople},
    {"casualties", "people", Kind::kPeople},
    {"fatalities", "people", Kind::kPeople},
    {"dollars", "dollar", Kind::kMoney},
    {"dollar", "dollar", Kind::kMoney},
    {"euros", "euro", Kind::kMoney},
    {"euro", "euro", Kind::kMoney},
    {"yuan", "yuan", Kind::kMoney},
    {"yen", "yen", Kind::kMoney},
    {"rupees", "rupee", Kind::kMoney},
    {"percent", "percent", Kind::kPercent},
    {"pct", "percent", Kind::kPercent},
    {"metres", "metre", Kind::kLength},
    {"metre", "metre", Kind::kLength},
    {"meters", "metre", Kind::kLength},
    {"meter", "metre", Kind::kLength},
    {"kilometres", "kilometre", Kind::kLength},
    {"kilometre", "kilometre", Kind::kLength},
    {"kilometers", "kilometre", Kind::kLength},
    {"kilometer", "kilometre", Kind::kLength},
    {"km", "kilometre", Kind::kLength},
    {"centimetres", "centimetre", Kind::kLength},
    {"centimeters", "centimetre", Kind::kLength},
    {"cm", "centimetre", Kind::kLength},
    {"miles", "mile", Kind::kLength},
    {"mile", "mile", Kind::kLength},
    {"feet", "foot", Kind::kLength},
    {"foot", "foot", Kind::kLength},
    {"ft", "foot", Kind::kLength},
    {"inches", "inch", Kind::kLength},
    {"inch", "inch", Kind::kLength},
    {"mph", "mph", Kind::kMeasure},
    {"tonnes", "tonne", Kind::kMeasure},
    {"tonne", "tonne", Kind::kMeasure},
    {"tons", "tonne", Kind::kMeasure},
    {"ton", "tonne", Kind::kMeasure},
    {"kilograms", "kilogram", Kind::kMeasure},
    {"kilogram", "kilogram", Kind::kMeasure},
    {"kg", "kilogram", Kind::kMeasure},
    {"pounds", "pound", Kind::kMeasure},
    {"barrels", "barrel", Kind::kMeasure},
    {"barrel", "barrel", Kind::kMeasure},
    {"gallons", "gallon", Kind::kMeasure},
    {"litres", "litre", Kind::kMeasure},
    {"liters", "litre", Kind::kMeasure},
    {"acres", "acre", Kind::kMeasure},
    {"hectares", "hectare", Kind::kMeasure},
    {"degrees", "degree", Kind::kMeasure},
    {"years", "year", Kind::kTime},
    {"year", "year", Kind::kTime},
    {"decades", "decade", Kind::kTime},
    {"months", "month", Kind::kTime},
    {"month", "month", Kind::kTime},
    {"weeks", "week", Kind::kTime},
    {"week", "week", Kind::kTime},
    {"days", "day", Kind::kTime},
    {"day", "day", Kind::kTime},
    {"hours", "hour", Kind::kTime},
    {"hour", "hour", Kind::kTime},
    {"minutes", "minute", Kind::kTime},
    {"minute", "minute", Kind::kTime},
    {"seconds", "second", Kind::kTime},
    {"centuries", "century", Kind::kTime},
    {"century", "century", Kind::kTime},
};

// Suffixes glued to digits ("4.5bn", "£5m", "10km").
struct Glued {
  std::string_view suffix;
  double scale;           // 0: a unit, not a scale
  std::string_view unit;  // for units
  bool needs_currency;    // "5m" is five metres unless a currency sign precedes
};
constexpr Glued kGlued[] = {
    {"bn", 1e9, "", false},   {"b", 1e9, "", true},           {"tn", 1e12, "", false},
    {"trn", 1e12, "", false}, {"m", 1e6, "", true},           {"mn", 1e6, "", false},
    {"mln", 1e6, "", false},  {"k", 1e3, "", true},           {"km", 0, "kilometre", false},
    {"m", 0, "metre", false}, {"kg", 0, "kilogram", false},   {"mph", 0, "mph", false},
    {"ft", 0, "foot", false}, {"cm", 0, "centimetre", false}, {"c", 0, "degree", false},
};

// Rates after a unit: "a day", "per year".
constexpr std::string_view kPeriods[] = {"day",    "week",   "month", "year", "hour",
                                         "minute", "second", "night", "share"};

// Words that may stand between a casualty figure and its verb: "12 were
// injured", "two people are confirmed dead", "two have died", "200,000 are
// estimated to have been killed".
constexpr std::string_view kAuxiliaries[] = {
    "were",  "was",       "are",      "is",      "have",   "has",    "had",        "been", "be",
    "now",   "confirmed", "reported", "later",   "all",    "people", "aboard",     "on",   "board",
    "still", "estimated", "believed", "thought", "feared", "known",  "reportedly", "to",
};

// Prepositions a casualty word before a figure may not reach over.
constexpr std::string_view kCasualtyStops[] = {"at",     "in",   "on",   "from",  "after",
                                               "before", "by",   "with", "since", "for",
                                               "during", "than", "to",   "into",  "about"};

// Words before "of" that do not name what the figure measures: "think of
// one", "part of", "a lot of".
constexpr std::string_view kNotOfHeads[] = {
    "thousands", "hundreds", "millions", "billions", "dozens",  "tens",    "scores", "think",
    "thinks",    "consist",  "consists", "speak",    "speaks",  "hear",    "heard",  "dream",
    "aware",     "capable",  "afraid",   "because",  "instead", "outside", "inside", "ahead",
    "out",       "kind",     "sort",     "type",     "part",    "lot",     "lots",   "couple",
    "top",       "front",    "side",     "end",      "middle",  "rest",    "made",   "composed",
    "most",      "none",     "each",     "many",     "much",    "few",     "all",    "both",
    "some",      "any",      "ages",     "age",      "fear",    "afraid",  "tired",  "short",
    "full",      "free",     "worthy",   "number",   "one",     "proud",   "sure",
};

// Words that never belong to a counted noun compound.
constexpr std::string_view kNonHeads[] = {
    "times",     "others",     "more",     "less",      "fewer",      "many",        "several",
    "apiece",    "ago",        "later",    "earlier",   "old",        "older",       "younger",
    "long",      "away",       "apart",    "ahead",     "behind",     "back",        "north",
    "south",     "east",       "west",     "northeast", "northwest",  "southeast",   "southwest",
    "higher",    "lower",      "bigger",   "larger",    "greater",    "smaller",     "faster",
    "slower",    "longer",     "shorter",  "better",    "worse",      "percent",     "per",
    "cent",      "said",       "says",     "say",       "told",       "according",   "last",
    "next",      "previous",   "past",     "today",     "yesterday",  "tomorrow",    "tonight",
    "morning",   "afternoon",  "evening",  "night",     "weekend",    "altogether",  "respectively",
    "including", "plus",       "minus",    "a.m.",      "p.m.",       "am",          "pm",
    "o'clock",   "up",         "together", "alone",     "already",    "still",       "just",
    "again",     "instead",    "overall",  "annually",  "each",       "total",       "high",
    "tall",      "deep",       "wide",     "thick",     "hence",      "since",       "ever",
    "every",     "even",       "prior",    "metric",    "straight",   "consecutive", "running",
    "inland",    "offshore",   "overseas", "abroad",    "downstream", "upstream",    "underground",
    "nearby",    "underwater", "aloft",    "onward",    "forward",
};

// Adjectives that do not change what is counted; left out of keys.
constexpr std::string_view kNeutral[] = {
    "new",       "additional", "extra",     "further",       "more",     "other",      "total",
    "estimated", "possible",   "potential", "overall",       "combined", "initial",    "original",
    "final",     "annual",     "current",   "latest",        "whopping", "staggering", "record",
    "massive",   "huge",       "mere",      "full",          "expected", "projected",  "proposed",
    "planned",   "reported",   "confirmed", "approximately", "roughly",  "some",
};

// Heads that name no quantity by themselves: "unemployment rate" -> "unemploy".
constexpr std::string_view kGeneric[] = {"rate",   "level", "total", "figure", "number",
                                         "amount", "sum",   "tally", "count"};

// Words before a number that make it a label, not a quantity: "No. 10".
constexpr std::string_view kLabelWords[] = {
    "fig.",      "fig",     "figure",   "table",    "chart",      "exhibit", "no.",     "nos.",
    "number",    "flight",  "route",    "highway",  "interstate", "room",    "article", "chapter",
    "section",   "page",    "episode",  "season",   "category",   "grade",   "level",   "phase",
    "stage",     "gate",    "terminal", "platform", "apartment",  "suite",   "unit",    "lot",
    "exit",      "channel", "model",    "version",  "box",        "row",     "seat",    "zone",
    "district",  "ward",    "block",    "line",     "verse",      "volume",  "issue",   "game",
    "round",     "week",    "day",      "act",      "scene",      "part",    "item",    "amendment",
    "paragraph", "clause",  "rule",     "bus",      "pier",       "tier",    "vienna",
};

constexpr std::string_view kStreetWords[] = {
    "street",  "st.",   "st",        "avenue",  "ave.",  "ave",   "road",  "rd.",
    "rd",      "lane",  "boulevard", "blvd.",   "blvd",  "drive", "place", "square",
    "terrace", "court", "crescent",  "parkway", "plaza", "alley",
};

// Capitalized words that may stand right before a quantity.
constexpr std::string_view kFreeBefore[] = {
    "exactly", "precisely", "just",    "another", "roughly", "nearly", "almost", "approximately",
    "around",  "estimated", "some",    "over",    "about",   "under",  "below",  "above",
    "within",  "exceeding", "upwards", "only",    "all",     "aged",   "us",     "u.s.",
};

// "one" in these company is a pronoun or an idiom: "no one", "the one".
constexpr std::string_view kOneBefore[] = {
    "no",       "the",  "this", "that",    "any",  "every", "each", "which", "someone", "anyone",
    "everyone", "such", "only", "another", "last", "first", "next", "one",   "little",  "big"};
constexpr std::string_view kOneAfter[] = {
    "of",     "another", "'s",      "\xE2\x80\x99s", "who",       "which",    "that",
    "day",    "time",    "point",   "hand",          "way",       "thing",    "side",
    "moment", "night",   "morning", "evening",       "afternoon", "occasion", "more",
    "too",    "can",     "could",   "would",         "should",    "must",     "might"};

// Verbs between a subject and its figure: "unemployment rose to 5.2 percent".
constexpr std::string_view kLevelVerbs[] = {
    "reached",  "reach",    "reaches",  "reaching", "hit",    "hits",      "stood",     "stands",
    "stand",    "standing", "totalled", "totaled",  "totals", "totalling", "totaling",  "topped",
    "tops",     "exceeded", "exceeds",  "hovered",  "hovers", "remained",  "remains",   "stayed",
    "stays",    "is",       "was",      "are",      "were",   "be",        "been",      "worth",
    "amounted", "amounts",  "came",     "comes",    "peaked", "neared",    "surpassed", "passed",
};
constexpr std::string_view kChangeVerbs[] = {
    "rose",     "rise",      "rises",    "risen",     "rising",    "fell",      "fall",
    "falls",    "fallen",    "falling",  "climbed",   "climb",     "climbs",    "jumped",
    "jump",     "jumps",     "dropped",  "drop",      "drops",     "declined",  "decline",
    "declines", "increased", "increase", "increases", "decreased", "decrease",  "decreases",
    "grew",     "grow",      "grows",    "grown",     "soared",    "soar",      "surged",
    "surge",    "slipped",   "plunged",  "dipped",    "gained",    "gains",     "edged",
    "slid",     "slumped",   "tumbled",  "shrank",    "shrunk",    "expanded",  "cut",
    "reduced",  "raised",    "boosted",  "slashed",   "trimmed",   "lifted",    "lowered",
    "widened",  "narrowed",  "swelled",  "spiked",    "sank",      "rebounded",
};
constexpr std::string_view kVerbAuxiliaries[] = {
    "has",     "have", "had", "will", "would", "could", "may",  "might",      "also", "now",
    "already", "is",   "was", "been", "be",    "are",   "were", "reportedly", "just"};

// Verbs that end a counted noun compound ("a 180-metre section fell").
constexpr std::string_view kVerbs[] = {
    "remains",  "comes",      "goes",  "means",    "includes", "makes",   "takes",  "gives",
    "needs",    "seems",      "looks", "shows",    "covers",   "helps",   "brings", "allows",
    "requires", "represents", "marks", "contains", "involves", "affects", "puts",   "sets",
    "went",     "came",       "made",  "took",     "gave",     "saw",     "left",   "began",
    "fell",     "rose",       "grew",  "sank",     "broke",    "ran",     "won",    "lost",
    "paid",     "spent",      "held",  "kept",     "brought",  "sent",
};

// Prepositions whose object is never a subject.
constexpr std::string_view kPrepositions[] = {
    "of",   "in",   "on",    "at",     "to",      "from",   "with",  "for",  "by",
    "near", "into", "about", "across", "against", "during", "among", "over", "under",
};

// Verbs that set a quantity at a figure: "kept its benchmark rate at 4.25%".
constexpr std::string_view kSettingVerbs[] = {
    "kept",      "keeps",     "keep",   "held",   "holds",  "hold",   "left",  "leaves",
    "set",       "sets",      "put",    "puts",   "pegged", "capped", "fixed", "maintained",
    "estimated", "estimates", "valued", "values", "priced", "placed", "puts",
};

// Verbs that never modify a noun: they end a compound read backwards ("analysts
// expect revenue of", "trains reach speeds of").
constexpr std::string_view kCommonVerbs[] = {
    "expect",   "expects",   "say",     "says",     "see",     "sees",     "show",    "shows",
    "want",     "wants",     "need",    "needs",    "plan",    "plans",    "keep",    "keeps",
    "make",     "makes",     "take",    "takes",    "give",    "gives",    "get",     "gets",
    "offer",    "offers",    "seek",    "seeks",    "predict", "predicts", "approve", "approves",
    "announce", "announces", "propose", "proposes", "receive", "receives", "pay",     "pays",
    "win",      "wins",      "face",    "faces",    "hold",    "holds",    "reach",   "reaches",
    "hit",      "hits",      "cut",     "cuts",     "set",     "sets",     "put",     "puts",
};

// Verbs right before money that name it: "the company lost $5.2 billion".
struct MoneyVerb {
  std::string_view word, what, key;
};
constexpr MoneyVerb kMoneyVerbs[] = {
    {"cost", "cost", "cost"},       {"costs", "cost", "cost"},
    {"costing", "cost", "cost"},    {"lost", "loss", "loss"},
    {"lose", "loss", "loss"},       {"loses", "loss", "loss"},
    {"losing", "loss", "loss"},     {"earned", "earnings", "earn"},
    {"earns", "earnings", "earn"},  {"earning", "earnings", "earn"},
    {"earn", "earnings", "earn"},   {"spent", "spending", "spend"},
    {"spend", "spending", "spend"}, {"spends", "spending", "spend"},
    {"owes", "debt", "debt"},       {"owed", "debt", "debt"},
    {"fined", "fine", "fine"},      {"raised", "funds raised", "fund rais"},
};

// Determiners between "of" and its noun: "59% of the vote".
constexpr std::string_view kDeterminers[] = {"the",  "a",     "an",    "his",  "her",
                                             "its",  "their", "our",   "your", "this",
                                             "that", "these", "those", "all",  "my"};

// Context words that say nothing about the quantity.
constexpr std::string_view kReporting[] = {"said",      "says",  "say",     "told",
                                           "according", "added", "reported"};

// Nouns ending in -ed.
constexpr std::string_view kEdNouns[] = {"bed",   "shed",  "speed", "seed", "feed",   "need",
                                         "breed", "creed", "steed", "reed", "hundred"};

// Plurals without a final s.
constexpr std::string_view kIrregularPlurals[] = {
    "people", "children", "men",       "women",  "police",  "staff",  "personnel", "crew",
    "cattle", "feet",     "teeth",     "mice",   "data",    "media",  "aircraft",  "sheep",
    "fish",   "deer",     "livestock", "troops", "militia", "clergy", "faculty",   "offspring",
};

template <typename T>
inline const T* FindWord(const T* begin, const T* end, std::string_view w) {
  for (const T* p = begin; p != end; ++p) {
    if (p->word == w) return p;
  }
  return nullptr;
}

inline bool IsVerb(std::string_view w) { return IsOneOf(w, kVerbs); }

// "nov." -> "nov".
inline std::string_view NoDot(std::string_view w) {
  return !w.empty() && w.back() == '.' ? w.substr(0, w.size() - 1) : w;
}

// The casualty key of a word, or "".
inline std::string_view Casualty(const Token& t) {
  const std::string& s = t.stem;
  if (s == "kill" || s == "die" || s == "dead" || s == "death" || s == "fatal" || s == "perish" ||
      s == "toll" || s == "fatality" || s == "live") {
    return "killed";
  }
  if (s == "injur" || s == "wound" || s == "hurt" || t.lower == "injured") return "injured";
  if (t.lower == "missing") return "missing";
  return "";
}

inline bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return IsAsciiDigit(c); });
}

// Integer digits a reported figure may have: a double holds every integer of
// up to 15 digits exactly, so the value is the number as written.
constexpr size_t kMaxIntegerDigits = 15;

// The value of a number as written ("5,000", "4.5"); NaN when it has more
// than kMaxIntegerDigits significant integer digits (or no finite value),
// which is no quantity a story reports but a code, or noise.
inline double ParseNumber(std::string_view s) {
  std::string digits;
  size_t integer_digits = 0;
  bool in_integer = true;
  for (char c : s) {
    if (c == ',') continue;
    if (c == '.') in_integer = false;
    if (in_integer && IsAsciiDigit(c) && (integer_digits > 0 || c != '0')) ++integer_digits;
    digits += c;
  }
  const double value = std::strtod(digits.c_str(), nullptr);
  if (integer_digits > kMaxIntegerDigits || !std::isfinite(value)) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return value;
}

// The text between two tokens, trimmed.
inline std::string_view Between(const Document& doc, const Token& a, const Token& b) {
  return TrimWhitespace(std::string_view(doc.text).substr(a.span.end, b.span.begin - a.span.end));
}

inline bool IsDash(std::string_view s) {
  return s == "-" || s == "\xE2\x80\x93" /* en dash */ || s == "\xE2\x80\x94" /* em dash */;
}

// Nouns ending in -ly; other -ly words are adverbs ("16% nationally").
constexpr std::string_view kLyNouns[] = {
    "family", "supply", "assembly", "rally", "ally",  "belly", "monopoly", "anomaly", "butterfly",
    "fly",    "italy",  "july",     "jelly", "bully", "lily",  "folly",    "holly",   "reply"};

inline bool IsLyAdverb(std::string_view w) {
  return w.size() > 4 && EndsWith(w, "ly") && !IsOneOf(w, kLyNouns);
}

inline bool EndsEd(std::string_view w) {
  return w.size() > 3 && EndsWith(w, "ed") && !IsOneOf(w, kEdNouns);
}

inline bool LooksPlural(std::string_view w) {
  if (IsOneOf(w, kIrregularPlurals)) return true;
  if (w.size() < 3 || w.back() != 's') return false;
  return !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is") && !EndsWith(w, "'s") &&
         !EndsWith(w, "\xE2\x80\x99s");
}

// A word made of letters (and inner dots, hyphens or apostrophes: "u.s.").
inline bool IsWord(const Token& t) {
  return !t.lower.empty() && !t.is_number && IsAsciiAlpha(t.lower[0]);
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

inline bool IsCasualtyKey(const std::string& key) {
  return key == "killed" || key == "injured" || key == "missing";
}

}  // namespace dossier::figures_internal

#endif  // DOSSIER_ANALYZE_FIGURE_WORDS_H_
