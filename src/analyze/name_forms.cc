// Names as written and as keys (name_forms.h).
#include "analyze/name_forms.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "util/strings.h"
#include "util/utf8.h"

namespace dossier::name_forms {

// Lower-case ASCII letters for U+00C0..U+017F without their accents; '?'
// keeps the character ("Æ", "×", "ß", "Œ").
constexpr std::string_view kFoldLatin =
    "aaaaaa?ceeeeiiiidnooooo?ouuuuy??"                  // U+00C0..U+00DF
    "aaaaaa?ceeeeiiiidnooooo?ouuuuy?y"                  // U+00E0..U+00FF
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiii"  // U+0100..U+012F
    "ii??jjkkkllllllllllnnnnnnnnnoooooo??rrrrrrssssssss"
    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";  // U+0130..U+017F
static_assert(kFoldLatin.size() == 0x180 - 0xC0);

// Case-, accent- and period-insensitive form of a name, hyphens as spaces:
// "U.S." -> "us", "François" -> "francois", "Guinea-Bissau" -> "guinea
// bissau". Used to look names up in the data files.
std::string NameKey(std::string_view form) {
  std::string key;
  key.reserve(form.size());
  auto space = [&] {
    if (!key.empty() && key.back() != ' ') key.push_back(' ');
  };
  for (size_t pos = 0; pos < form.size();) {
    const auto c = static_cast<unsigned char>(form[pos]);
    if (c < 0x80) {
      ++pos;
      if (c == '.') continue;
      if (IsAsciiSpace(static_cast<char>(c)) || c == '-') {
        space();
      } else {
        key.push_back(AsciiToLower(static_cast<char>(c)));
      }
      continue;
    }
    const size_t start = pos;
    const char32_t cp = DecodeUtf8(form, &pos);
    if (cp == 0x2019 || cp == 0x2018) {
      key.push_back('\'');
    } else if (cp == 0x2013 || cp == 0x2010 || cp == 0x2011) {
      space();
    } else if (cp >= 0xC0 && cp < 0x180 && kFoldLatin[cp - 0xC0] != '?') {
      key.push_back(kFoldLatin[cp - 0xC0]);
    } else {
      key.append(form.substr(start, pos - start));
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

// A name as displayed: white space collapsed, curly apostrophes straight.
std::string DisplayForm(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (IsAsciiSpace(s[i])) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else if (s.compare(i, 3, "\xE2\x80\x99") == 0 || s.compare(i, 3, "\xE2\x80\x98") == 0) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Only ASCII letters: its NameKey is its lower case.
bool IsPlainAscii(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return IsAsciiAlpha(c); });
}

// The word without a possessive "'s" / "’s".
std::string_view StripPossessive(std::string_view w) {
  if (EndsWith(w, "'s") && w.size() > 2) return w.substr(0, w.size() - 2);
  if (EndsWith(w, "\xE2\x80\x99s") && w.size() > 4) return w.substr(0, w.size() - 4);
  return w;
}

// 2-6 ASCII capitals, optionally each followed by a period ("U.S.", "NATO").
bool IsAcronym(std::string_view w) {
  size_t letters = 0;
  for (char c : w) {
    if (IsAsciiUpper(c)) {
      ++letters;
    } else if (c != '.') {
      return false;
    }
  }
  return letters >= 2 && letters <= 6;
}

// Only I, V and X: "II", "XIV".
bool IsRomanNumeral(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return c == 'I' || c == 'V' || c == 'X'; });
}

bool AllAsciiUpper(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return IsAsciiUpper(c); });
}

std::string AcronymLetters(std::string_view w) {
  std::string s;
  for (char c : w) {
    if (c != '.' && c != '&') s.push_back(c);
  }
  return s;
}

bool StartsUpper(std::string_view w) {
  size_t pos = 0;
  return !w.empty() && u_isupper(static_cast<UChar32>(DecodeUtf8(w, &pos)));
}

bool StartsAlpha(std::string_view w) {
  size_t pos = 0;
  return !w.empty() && u_isalpha(static_cast<UChar32>(DecodeUtf8(w, &pos)));
}

bool HasLower(std::string_view w) {
  for (size_t pos = 0; pos < w.size();) {
    if (u_islower(static_cast<UChar32>(DecodeUtf8(w, &pos)))) return true;
  }
  return false;
}

// A one-letter initial, with or without its period: "W", "W.".
bool IsInitial(std::string_view w) {
  return (w.size() == 1 || (w.size() == 2 && w[1] == '.')) && IsAsciiUpper(w[0]);
}

// Initials with periods: "J.K.", "H.W.".
bool IsDottedInitials(std::string_view w) {
  if (w.size() < 4 || w.size() > 6 || w.size() % 2 != 0) return false;
  for (size_t i = 0; i < w.size(); i += 2) {
    if (!IsAsciiUpper(w[i]) || w[i + 1] != '.') return false;
  }
  return true;
}

// Lower-case endings that never join a name across a hyphen ("Obama-era").
bool IsHyphenSuffixWord(std::string_view key) {
  return IsOneOf(
      key, {"led",  "era", "run", "born", "made", "like", "type", "free", "wide", "held", "old",
            "up",   "off", "out", "new",  "due",  "day",  "war",  "age",  "area", "size", "year",
            "time", "bid", "ban", "deal", "hit",  "hold", "post", "pre",  "anti"});
}

// A word that can be part of a name: capitalized, with a lower-case letter
// unless it is an initial, and no digit ("QRoOFTZfQ9" is an identifier).
bool IsNameWord(std::string_view w) {
  if (!StartsUpper(w)) return false;
  if (std::any_of(w.begin(), w.end(), [](char c) { return IsAsciiDigit(c); })) return false;
  return HasLower(w) || IsInitial(w);
}

// Words that join the capitalized words around them in a person's name.
bool IsParticle(std::string_view key) {
  static constexpr std::string_view kParticles[] = {"de",  "da",  "del", "della", "di",  "du",
                                                    "dos", "van", "von", "der",   "den", "ter",
                                                    "bin", "ibn", "al",  "el",    "la",  "le"};
  return IsOneOf(key, kParticles);
}

bool IsAlOrEl(std::string_view key) { return key == "al" || key == "el"; }

bool OnlySpaces(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c == ' '; });
}

// "." followed by spaces: "W. Bush", "St. Louis".
bool PeriodThenSpaces(std::string_view s) {
  return s.size() >= 2 && s[0] == '.' && OnlySpaces(s.substr(1));
}

// "'" or "’" followed by spaces: the plural possessive of "Workers' Union".
bool ApostropheThenSpaces(std::string_view s) {
  if (StartsWith(s, "'")) return OnlySpaces(s.substr(1));
  if (StartsWith(s, "\xE2\x80\x99")) return OnlySpaces(s.substr(3));
  return false;
}

// The words of a short piece of text between two mentions, lower case,
// without commas; `comma` tells whether it opened with one.
std::vector<std::string> GapWords(std::string_view gap, bool* comma) {
  std::string_view g = TrimWhitespace(gap);
  *comma = StartsWith(g, ",");
  if (*comma) g = TrimWhitespace(g.substr(1));
  std::vector<std::string> words;
  std::string w;
  for (char c : g) {
    if (IsAsciiSpace(c)) {
      if (!w.empty()) words.push_back(std::move(w));
      w.clear();
    } else {
      w.push_back(AsciiToLower(c));
    }
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

// "acronym", "name", ... : what an apposition says the next name is.
bool IsNameNoun(std::string_view w) {
  return IsOneOf(w, {"acronym", "abbreviation", "initials", "name"});
}

// The words between "X" and "Y" say that Y is another name of X: "also
// known as", "known in Arabic as", "known by its Arabic acronym", "also
// called", "aka", "the Arabic acronym for", "short for", "which stands for".
bool NamesSame(const std::vector<std::string>& w, bool comma) {
  size_t i = 0;
  if (w.empty()) return false;
  if (w.size() == 1 && IsOneOf(w[0], {"aka", "a.k.a.", "a.k.a"})) return true;
  if (comma && w.size() == 2 && w[0] == "short" && w[1] == "for") return true;
  if (comma && w.size() == 3 && w[0] == "which" && w[1] == "stands" && w[2] == "for") return true;
  // ", the (Arabic) acronym for"
  if (comma && (w[0] == "the" || w[0] == "an" || w[0] == "its") && w.size() >= 3 && w.size() <= 4 &&
      IsNameNoun(w[w.size() - 2]) && (w.back() == "for" || w.back() == "of")) {
    return true;
  }
  if (IsOneOf(w[0], {"also", "formerly", "now", "better", "otherwise", "widely", "commonly",
                     "locally", "popularly"})) {
    ++i;
  }
  if (i >= w.size()) return false;
  if (w[i] == "called") return comma && i + 1 == w.size();
  if (w[i] == "referred") return i + 3 == w.size() && w[i + 1] == "to" && w[i + 2] == "as";
  if (w[i] != "known") return false;
  ++i;
  if (i + 1 == w.size()) return w[i] == "as";                                // known as
  if (i + 3 == w.size()) return w[i] == "in" && w[i + 2] == "as";            // known in Arabic as
  if (i + 3 <= w.size() && i + 4 >= w.size() && w[i] == "by" &&              // known by its
      IsOneOf(w[i + 1], {"its", "the", "their"}) && IsNameNoun(w.back())) {  // (Arabic) acronym
    return true;
  }
  return false;
}

// Text after a name saying it is an acronym or a name of what came before:
// ", its Arabic acronym,", ", an acronym".
bool AcronymNoteFollows(std::string_view after) {
  std::string_view a = TrimWhitespace(after.substr(0, std::min<size_t>(after.size(), 48)));
  if (!StartsWith(a, ",")) return false;
  bool comma = false;
  std::vector<std::string> w = GapWords(a.substr(0, a.find_first_of(",.;)", 1)), &comma);
  return comma && w.size() >= 2 && w.size() <= 4 && IsOneOf(w[0], {"its", "an", "the"}) &&
         IsNameNoun(w.back());
}

}  // namespace dossier::name_forms
