// Names as written and as keys (name_forms.h).
#include "analyze/name_forms.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "util/data_files.h"
#include "util/name_particles.h"
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
// bissau", "Москва" -> "москва". Used to look names up in the data files.
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
    } else if (const auto lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
               lower != cp) {
      AppendUtf8(lower, &key);  // "Москва" -> "москва", "Ω" -> "ω"
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
  for (size_t pos = 0; pos < w.size();) {
    const char c = w[pos];
    if (IsAsciiUpper(c)) {
      ++letters;
      ++pos;
    } else if (c == '.') {
      ++pos;
    } else if (static_cast<unsigned char>(c) >= 0x80 &&
               u_isupper(static_cast<UChar32>(DecodeUtf8(w, &pos)))) {
      ++letters;  // "США", "НАТО"
    } else {
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
  if ((w.size() == 1 || (w.size() == 2 && w[1] == '.')) && IsAsciiUpper(w[0])) return true;
  // One capital of another script: "В." of "В. Путин".
  if (w.empty() || static_cast<unsigned char>(w[0]) < 0x80) return false;
  size_t pos = 0;
  const char32_t cp = DecodeUtf8(w, &pos);
  return u_isupper(static_cast<UChar32>(cp)) && (pos == w.size() || w.substr(pos) == ".");
}

// Initials with periods: "J.K.", "H.W.".
bool IsDottedInitials(std::string_view w) {
  if (w.size() < 4 || w.size() > 6 || w.size() % 2 != 0) return false;
  for (size_t i = 0; i < w.size(); i += 2) {
    if (!IsAsciiUpper(w[i]) || w[i + 1] != '.') return false;
  }
  return true;
}

// A word that can be part of a name: capitalized, with a lower-case letter
// unless it is an initial, and no digit ("QRoOFTZfQ9" is an identifier).
bool IsNameWord(std::string_view w) {
  if (!StartsUpper(w)) return false;
  if (std::any_of(w.begin(), w.end(), [](char c) { return IsAsciiDigit(c); })) return false;
  return HasLower(w) || IsInitial(w);
}

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

namespace {

// The kinds of alias_phrases.txt.
enum PhraseKind : size_t { kSame, kNote, kNoun, kLead, kOr, kList };
constexpr std::string_view kPhraseKinds[] = {"same", "note", "noun", "lead", "or", "list"};
constexpr int kAnyWord = -2;

}  // namespace

const std::string_view NameWords::kKindNames[kKindCount] = {
    "hyphen_suffix", "place_prefix", "place_lead", "saint", "period_joins",
    "generational",  "of",           "article",    "and",   "place_preposition",
    "name_part",     "place_of",     "hyphen_link"};

Result<NameWords> NameWords::Create(std::string_view data_dir, std::string_view language) {
  const std::string lang(language);
  NameWords n;
  // Entries with letters beyond ASCII are listed twice: as written ("préfecture", looked up
  // by the lower-case word) and as their NameKey ("fur" for "für", the key of a name's word).
  Result<std::string> content = ReadDataFile(data_dir, lang + "/name_words.txt");
  if (!content.ok()) return content.status();
  std::string with_keys = *content;
  DataLines lines(*content);
  for (std::string_view line; lines.Next(&line);) {
    const size_t bar = line.rfind('|');
    if (bar == std::string_view::npos) continue;  // Parse reports it
    const std::string_view entry = TrimWhitespace(line.substr(0, bar));
    if (std::none_of(entry.begin(), entry.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
      continue;
    }
    const std::string key = NameKey(entry);
    if (key.empty() || key == entry) continue;
    with_keys += "\n" + key + " |" + std::string(line.substr(bar + 1));
  }
  Result<WordKinds> words = WordKinds::Parse(lang + "/name_words.txt", with_keys, kKindNames);
  if (!words.ok()) return words.status();
  n.words_ = std::move(*words);
  Result<WordKinds> particles = LoadNameParticles(data_dir, language);
  if (!particles.ok()) return particles.status();
  n.particles_ = std::move(*particles);
  Result<WordKinds> phrases = WordKinds::Load(data_dir, lang + "/alias_phrases.txt", kPhraseKinds);
  if (!phrases.ok()) return phrases.status();
  n.phrases_ = std::move(*phrases);
  for (const auto& [kind, patterns] : {std::pair{kSame, &n.same_}, std::pair{kNote, &n.notes_}}) {
    for (std::string_view entry : n.phrases_.Of(kind)) {
      patterns->emplace_back();
      if (Status st = Compile(entry, &patterns->back()); !st.ok()) {
        return Status(st.code(), lang + "/alias_phrases.txt: " + st.message());
      }
    }
  }
  // The words a gap of `same` may open with: most gaps are ruled out by one.
  for (const Pattern& p : n.same_) {
    for (const Token& t : p.tokens) {
      if (t.kind == kAnyWord) n.same_any_first_ = true;
      for (const std::string& w : t.words) n.same_first_.push_back(w);
      if (t.kind >= 0) {
        for (std::string_view w : n.phrases_.Of(static_cast<size_t>(t.kind))) {
          n.same_first_.emplace_back(w);
        }
      }
      if (!t.optional) break;
    }
  }
  return n;
}

// ", [<lead>] called" -> a comma, then an optional word of kind "lead", then
// "called".
Status NameWords::Compile(std::string_view entry, Pattern* out) {
  std::vector<std::string_view> tokens = SplitWhitespace(entry);
  if (!tokens.empty() && tokens.front() == ",") {
    out->comma = true;
    tokens.erase(tokens.begin());
  }
  if (tokens.empty()) {
    return Status(StatusCode::kInvalidArgument, "an empty pattern: '" + std::string(entry) + "'");
  }
  for (std::string_view t : tokens) {
    Token token;
    if (t.size() > 2 && t.front() == '[' && t.back() == ']') {
      token.optional = true;
      t = t.substr(1, t.size() - 2);
    }
    if (t == "?") {
      token.kind = kAnyWord;
    } else if (t.size() > 2 && t.front() == '<' && t.back() == '>') {
      const std::string_view name = t.substr(1, t.size() - 2);
      if (name == kPhraseKinds[kNoun]) {
        token.kind = kNoun;
      } else if (name == kPhraseKinds[kLead]) {
        token.kind = kLead;
      } else {
        return Status(StatusCode::kInvalidArgument,
                      "no word kind '" + std::string(name) + "' in patterns");
      }
    } else {
      for (size_t at = 0; at <= t.size();) {
        const size_t slash = std::min(t.find('/', at), t.size());
        if (slash > at) token.words.emplace_back(t.substr(at, slash - at));
        at = slash + 1;
      }
      if (token.words.empty()) {
        return Status(StatusCode::kInvalidArgument,
                      "an empty word in the pattern '" + std::string(entry) + "'");
      }
    }
    out->tokens.push_back(std::move(token));
  }
  return Status::Ok();
}

// Whether tokens [t, end) of `p` match words [i, end) of `w`.
bool NameWords::Matches(const Pattern& p, size_t t, const std::vector<std::string>& w,
                        size_t i) const {
  if (t == p.tokens.size()) return i == w.size();
  const Token& token = p.tokens[t];
  if (token.optional && Matches(p, t + 1, w, i)) return true;
  if (i >= w.size()) return false;
  const bool fits = token.kind == kAnyWord ? true
                    : token.kind >= 0      ? phrases_.Is(static_cast<size_t>(token.kind), w[i])
                                      : std::find(token.words.begin(), token.words.end(), w[i]) !=
                                            token.words.end();
  return fits && Matches(p, t + 1, w, i + 1);
}

bool NameWords::IsNameNoun(std::string_view w) const { return phrases_.Is(kNoun, w); }

bool NameWords::NamesSame(const std::vector<std::string>& w, bool comma) const {
  if (w.empty() || (!same_any_first_ &&
                    std::find(same_first_.begin(), same_first_.end(), w[0]) == same_first_.end())) {
    return false;
  }
  for (const Pattern& p : same_) {
    if ((comma || !p.comma) && Matches(p, 0, w, 0)) return true;
  }
  return false;
}

bool NameWords::AcronymNoteFollows(std::string_view after) const {
  std::string_view a = TrimWhitespace(after.substr(0, std::min<size_t>(after.size(), 48)));
  if (!StartsWith(a, ",")) return false;
  bool comma = false;
  std::vector<std::string> w = GapWords(a.substr(0, a.find_first_of(",.;)", 1)), &comma);
  for (const Pattern& p : notes_) {
    if ((comma || !p.comma) && Matches(p, 0, w, 0)) return true;
  }
  return false;
}

bool NameWords::IsAlternative(std::string_view w) const { return phrases_.Is(kOr, w); }

bool NameWords::ListFollows(std::string_view rest) const {
  for (std::string_view word : phrases_.Of(kList)) {
    if (rest.size() > word.size() && rest.starts_with(word) && rest[word.size()] == ' ') {
      return true;
    }
  }
  return false;
}

}  // namespace dossier::name_forms
