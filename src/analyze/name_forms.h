// Names as written and as keys: the case-, accent- and period-insensitive
// key of a name ("U.S." -> "us"), its display form, and the word tests the
// entity extractor (entities.cc) reads names with: acronyms, initials,
// particles, the gap between two name words. Internal to the analyze stage.
#ifndef DOSSIER_ANALYZE_NAME_FORMS_H_
#define DOSSIER_ANALYZE_NAME_FORMS_H_

#include <string>
#include <string_view>
#include <vector>

namespace dossier::name_forms {

// Case-, accent- and period-insensitive form of a name, hyphens as spaces:
// "U.S." -> "us", "François" -> "francois", "Guinea-Bissau" -> "guinea
// bissau". Used to look names up in the data files.
std::string NameKey(std::string_view form);

// A name as displayed: white space collapsed, curly apostrophes straight.
std::string DisplayForm(std::string_view s);

// Only ASCII letters: its NameKey is its lower case.
bool IsPlainAscii(std::string_view w);

// The word without a possessive "'s" / "’s".
std::string_view StripPossessive(std::string_view w);

// 2-6 ASCII capitals, optionally each followed by a period ("U.S.", "NATO").
bool IsAcronym(std::string_view w);

// Only I, V and X: "II", "XIV".
bool IsRomanNumeral(std::string_view w);

bool AllAsciiUpper(std::string_view w);

std::string AcronymLetters(std::string_view w);

bool StartsUpper(std::string_view w);

bool StartsAlpha(std::string_view w);

bool HasLower(std::string_view w);

// A one-letter initial, with or without its period: "W", "W.".
bool IsInitial(std::string_view w);

// Initials with periods: "J.K.", "H.W.".
bool IsDottedInitials(std::string_view w);

// Lower-case endings that never join a name across a hyphen ("Obama-era").
bool IsHyphenSuffixWord(std::string_view key);

// A word that can be part of a name: capitalized, with a lower-case letter
// unless it is an initial, and no digit ("QRoOFTZfQ9" is an identifier).
bool IsNameWord(std::string_view w);

// Words that join the capitalized words around them in a person's name.
bool IsParticle(std::string_view key);

bool IsAlOrEl(std::string_view key);

bool OnlySpaces(std::string_view s);

// "." followed by spaces: "W. Bush", "St. Louis".
bool PeriodThenSpaces(std::string_view s);

// "'" or "’" followed by spaces: the plural possessive of "Workers' Union".
bool ApostropheThenSpaces(std::string_view s);

// The words of a short piece of text between two mentions, lower case,
// without commas; `comma` tells whether it opened with one.
std::vector<std::string> GapWords(std::string_view gap, bool* comma);

// "acronym", "name", ... : what an apposition says the next name is.
bool IsNameNoun(std::string_view w);

// The words between "X" and "Y" say that Y is another name of X: "also
// known as", "known in Arabic as", "known by its Arabic acronym", "also
// called", "aka", "the Arabic acronym for", "short for", "which stands for".
bool NamesSame(const std::vector<std::string>& w, bool comma);

// Text after a name saying it is an acronym or a name of what came before:
// ", its Arabic acronym,", ", an acronym".
bool AcronymNoteFollows(std::string_view after);

}  // namespace dossier::name_forms

#endif  // DOSSIER_ANALYZE_NAME_FORMS_H_
