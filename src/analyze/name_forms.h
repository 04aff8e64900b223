// Names as written and as keys: the case-, accent- and period-insensitive
// key of a name ("U.S." -> "us"), its display form, and the word tests the
// entity extractor (entities.cc) reads names with: acronyms, initials,
// the gap between two name words. Internal to the analyze stage.
//
// The words it reads names with are data (NameWords below):
//   Result<name_forms::NameWords> words = name_forms::NameWords::Create(data_dir);
//   if (words->IsParticle("van")) ...
//   if (words->NamesSame({"also", "known", "as"}, /*comma=*/true)) ...
#ifndef DOSSIER_ANALYZE_NAME_FORMS_H_
#define DOSSIER_ANALYZE_NAME_FORMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "dossier/status.h"
#include "util/name_particles.h"
#include "util/word_kinds.h"

namespace dossier::name_forms {

// Case-, accent- and period-insensitive form of a name, hyphens as spaces:
// "U.S." -> "us", "François" -> "francois", "Guinea-Bissau" -> "guinea
// bissau"; other scripts lower-cased ("Москва" -> "москва"). Used to look
// names up in the data files.
std::string NameKey(std::string_view form);

// A name as displayed: white space collapsed, curly apostrophes straight.
std::string DisplayForm(std::string_view s);

// Only ASCII letters: its NameKey is its lower case.
bool IsPlainAscii(std::string_view w);

// The word without a possessive "'s" / "’s".
std::string_view StripPossessive(std::string_view w);

// 2-6 capitals, optionally each followed by a period ("U.S.", "NATO",
// "США").
bool IsAcronym(std::string_view w);

// Only I, V and X: "II", "XIV".
bool IsRomanNumeral(std::string_view w);

bool AllAsciiUpper(std::string_view w);

std::string AcronymLetters(std::string_view w);

bool StartsUpper(std::string_view w);

bool StartsAlpha(std::string_view w);

bool HasLower(std::string_view w);

// A one-letter initial, with or without its period: "W", "W.", "В.".
bool IsInitial(std::string_view w);

// Initials with periods: "J.K.", "H.W.".
bool IsDottedInitials(std::string_view w);

// A word that can be part of a name: capitalized, with a lower-case letter
// unless it is an initial, and no digit ("QRoOFTZfQ9" is an identifier).
bool IsNameWord(std::string_view w);

bool OnlySpaces(std::string_view s);

// "." followed by spaces: "W. Bush", "St. Louis".
bool PeriodThenSpaces(std::string_view s);

// "'" or "’" followed by spaces: the plural possessive of "Workers' Union".
bool ApostropheThenSpaces(std::string_view s);

// The words of a short piece of text between two mentions, lower case,
// without commas; `comma` tells whether it opened with one.
std::vector<std::string> GapWords(std::string_view gap, bool* comma);

// The words names are read with, from data/<language>/: name_words.txt
// (the kinds below), the "names" and "prefix" particles of
// name_particles.txt, and the patterns of alias_phrases.txt. Keys are
// NameKey()s. Immutable after Create(); thread-safe.
class NameWords {
 public:
  // The kinds of name_words.txt, in the order of kKindNames.
  enum Kind : size_t {
    kHyphenSuffix,      // "Obama-era": an ending that never joins a name
    kPlacePrefix,       // "Mount Rainier": a first word typing a place
    kPlaceLead,         // "San Jose": before a given name, a place's name
    kSaint,             // "St. Brendan's Hospital": a run that keeps possessives
    kPeriodJoins,       // "St. Louis": a period after it joins the next word
    kGenerational,      // "King Jr.": dropped from a long name's end
    kOf,                // "Bank of England"
    kArticle,           // "Bank of the West"
    kAnd,               // "Securities and Exchange Commission"
    kPlacePreposition,  // "aus Finkenwerder": a name right after it is a place's
    kNamePart,          // "Seeamt Nord": a common noun that names after a head word
    kPlaceOf,           // "provincia de Ávila": before "of", a name after it is a place's
    kHyphenLink,        // "Semur-en-Auxois": a lower-case word between a name's hyphens
    kKindCount
  };
  static const std::string_view kKindNames[kKindCount];

  static Result<NameWords> Create(std::string_view data_dir, std::string_view language = "en");

  bool Is(std::string_view key, Kind kind) const { return words_.Is(kind, key); }
  // Lower-case endings that never join a name across a hyphen ("Obama-era").
  bool IsHyphenSuffixWord(std::string_view key) const { return Is(key, kHyphenSuffix); }
  // Words that join the capitalized words around them in a person's name.
  bool IsParticle(std::string_view key) const { return particles_.Is(kParticleInNames, key); }
  // A particle also joined to the name by a hyphen: "al" of "al-Assad".
  bool IsPrefixParticle(std::string_view key) const { return particles_.Is(kParticlePrefix, key); }
  // "acronym", "name", ... : what an apposition says the next name is.
  bool IsNameNoun(std::string_view w) const;
  // The words between "X" and "Y" (GapWords) say that Y is another name of
  // X: "also known as", "known in Arabic as", "known by its Arabic acronym",
  // "also called", "aka", "the Arabic acronym for", "short for", "which
  // stands for".
  bool NamesSame(const std::vector<std::string>& w, bool comma) const;
  // Text after a name saying it is an acronym or a name of what came before:
  // ", its Arabic acronym,", ", an acronym".
  bool AcronymNoteFollows(std::string_view after) const;
  // The gap word of "X, or Y" / "X or Y".
  bool IsAlternative(std::string_view w) const;
  // Text after a name opening with a list's word: "and ...", "or ...".
  bool ListFollows(std::string_view rest) const;

 private:
  // A pattern of alias_phrases.txt.
  struct Token {
    std::vector<std::string> words;  // any of these; empty: see `kind`
    int kind = -1;                   // <noun> or <lead>: a kind of alias_phrases.txt; -2: "?"
    bool optional = false;
  };
  struct Pattern {
    bool comma = false;  // the gap opens with a comma
    std::vector<Token> tokens;
  };
  static Status Compile(std::string_view entry, Pattern* out);
  bool Matches(const Pattern& p, size_t t, const std::vector<std::string>& w, size_t i) const;

  WordKinds words_;      // name_words.txt
  WordKinds particles_;  // name_particles.txt
  WordKinds phrases_;    // alias_phrases.txt
  std::vector<Pattern> same_;
  std::vector<Pattern> notes_;
  std::vector<std::string> same_first_;  // the words a `same` gap may open with
  bool same_any_first_ = false;          // ... or any word
};

}  // namespace dossier::name_forms

#endif  // DOSSIER_ANALYZE_NAME_FORMS_H_
