#include "segment/transcript.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "util/data_files.h"
#include "util/name_particles.h"
#include "util/strings.h"

namespace dossier {
namespace {

// Bytes of a paragraph searched for a label's colon.
constexpr size_t kLabelWindow = 200;
constexpr size_t kMaxLabelWords = 8;
constexpr size_t kMaxNoteBytes = 40;

// Lower-case name particles (name_particles.txt, "labels"): allowed in a
// label without a capital, written in lower case when a name is case-folded
// ("DE MISTURA" -> "de Mistura").
bool IsParticle(const WordKinds& p, std::string_view lower_word) {
  return p.Is(kParticleInLabels, lower_word);
}

// Particles that may not end a label or a name ("of", "the").
bool IsConnective(const WordKinds& p, std::string_view lower_word) {
  return p.Is(kLabelConnective, lower_word);
}

// The length of a particle prefix and its hyphen opening `key` ("al-haj":
// 3); 0 when none does.
size_t PrefixLength(const WordKinds& p, std::string_view key) {
  for (std::string_view x : p.Of(kParticlePrefix)) {
    if (key.size() > x.size() && key.starts_with(x) && key[x.size()] == '-') return x.size() + 1;
  }
  return 0;
}

// Lower-cases ASCII letters, maps U+2019 to an apostrophe and drops a
// trailing period: the key under which a word is looked up.
std::string WordKey(std::string_view word) {
  std::string key;
  key.reserve(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    if (word.compare(i, 3, "\xE2\x80\x99") == 0) {
      key.push_back('\'');
      i += 2;
    } else {
      key.push_back(AsciiToLower(word[i]));
    }
  }
  while (!key.empty() && key.back() == '.') key.pop_back();
  return key;
}

// Joins keys[begin, end) with single spaces.
std::string JoinKeys(const std::vector<std::string>& keys, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out.push_back(' ');
    out += keys[i];
  }
  return out;
}

bool IsApostrophe(std::string_view s, size_t i, size_t* len) {
  if (s[i] == '\'') {
    *len = 1;
    return true;
  }
  if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
    *len = 3;
    return true;
  }
  return false;
}

// True when `word` has letters and none of them is lower case.
bool IsAllCaps(std::string_view word) {
  bool letters = false;
  for (size_t i = 0; i < word.size();) {
    char32_t c = DecodeUtf8(word, &i);
    if (u_islower(static_cast<UChar32>(c))) return false;
    if (u_isalpha(static_cast<UChar32>(c))) letters = true;
  }
  return letters;
}

// "KERRY" -> "Kerry", "O'BRIEN" -> "O'Brien", "JEAN-MARC" -> "Jean-Marc";
// with `particle`, all lower case ("DE" -> "de", "AL-HAJ" -> "al-Haj"); a
// capital after a prefix of `p` ("MCEVERS" -> "McEvers").
std::string FoldCaps(std::string_view word, bool particle, const WordKinds& p) {
  std::string out;
  out.reserve(word.size());
  bool upper_next = !particle;
  size_t letters_since_break = 0;
  for (size_t i = 0; i < word.size();) {
    size_t apostrophe = 0;
    if (word[i] == '-') {
      out.push_back('-');
      ++i;
      upper_next = true;
      letters_since_break = 0;
      continue;
    }
    if (IsApostrophe(word, i, &apostrophe)) {
      out.append(word.substr(i, apostrophe));
      i += apostrophe;
      // O'Brien, D'Alema; but not the s of a possessive.
      upper_next = letters_since_break == 1 && i < word.size();
      letters_since_break = 0;
      continue;
    }
    char32_t c = DecodeUtf8(word, &i);
    UChar32 u = static_cast<UChar32>(c);
    if (u_isalpha(u)) {
      AppendUtf8(static_cast<char32_t>(upper_next ? u_toupper(u) : u_tolower(u)), &out);
      upper_next = false;
      ++letters_since_break;
      // "MCEVERS" -> "McEvers": the Gaelic prefix Mc is followed by a capital.
      for (std::string_view prefix : p.Of(kCapitalAfter)) {
        if (letters_since_break != prefix.size() || out.size() < prefix.size()) continue;
        std::string written(prefix);  // as folded: "Mc"
        if (IsAsciiLower(written[0])) written[0] = static_cast<char>(written[0] - 32);
        if (out.compare(out.size() - written.size(), written.size(), written) == 0 &&
            i + 2 < word.size()) {
          upper_next = true;
        }
      }
    } else {
      AppendUtf8(c, &out);
    }
  }
  return out;
}

// A role word as shown: "SECRETARY" -> "Secretary", "of" -> "of",
// "UN" -> "UN", "Rep." -> "Rep".
std::string RoleWord(std::string_view word, const std::string& key, bool first,
                     const std::unordered_set<std::string>& acronyms, const WordKinds& p) {
  if (acronyms.count(key) > 0) {
    std::string out(word);
    while (!out.empty() && out.back() == '.') out.pop_back();
    for (char& c : out) c = IsAsciiLower(c) ? static_cast<char>(c - 32) : c;
    return out;
  }
  if (!first && IsConnective(p, key)) return key;
  std::string out = IsAllCaps(word) ? FoldCaps(word, false, p) : std::string(word);
  while (!out.empty() && out.back() == '.') out.pop_back();
  if (!out.empty() && IsAsciiLower(out[0])) out[0] = static_cast<char>(out[0] - 32);
  return out;
}

// Splits "a | b | c" into trimmed fields.
std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t pos = 0;
  while (true) {
    size_t bar = line.find('|', pos);
    fields.push_back(TrimWhitespace(line.substr(pos, bar - pos)));
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return fields;
}

// "audience member" -> "Audience Member".
std::string TitleCase(std::string_view s) {
  std::string out(s);
  bool start = true;
  for (char& c : out) {
    if (start && IsAsciiLower(c)) c = static_cast<char>(c - 32);
    start = c == ' ' || c == '-';
  }
  return out;
}

uint32_t SkipSpaces(std::string_view text, uint32_t pos, uint32_t end) {
  while (pos < end && IsAsciiSpace(text[pos])) ++pos;
  return pos;
}

uint32_t TrimEnd(std::string_view text, uint32_t begin, uint32_t end) {
  while (end > begin && IsAsciiSpace(text[end - 1])) --end;
  return end;
}

}  // namespace

struct TranscriptParser::Label {
  Span span;               // label through the colon and a trailing note
  uint32_t text_begin;     // first byte of the turn's text in the paragraph
  std::string_view words;  // the label's words, without notes
  std::string note;
};

Result<TranscriptParser> TranscriptParser::Create(std::string_view data_dir,
                                                  std::string_view language) {
  const std::string lang(language);
  Result<WordList> titles =
      LoadWordList(data_dir, lang + "/speaker_titles.txt", /*lowercase=*/false);
  if (!titles.ok()) return titles.status();
  Result<WordList> roles = LoadWordList(data_dir, lang + "/speaker_roles.txt", /*lowercase=*/false);
  if (!roles.ok()) return roles.status();
  Result<WordKinds> particles = LoadNameParticles(data_dir, language);
  if (!particles.ok()) return particles.status();

  TranscriptParser parser;
  parser.particles_ = std::move(*particles);
  for (const std::string& entry : titles->entries()) {
    std::vector<std::string_view> fields = SplitFields(entry);
    std::vector<std::string> keys;
    for (std::string_view w : SplitWhitespace(fields[0])) keys.push_back(WordKey(w));
    std::string key = JoinKeys(keys, 0, keys.size());
    if (key.empty()) continue;
    std::string_view kind = fields.size() > 1 ? fields[1] : std::string_view();
    if (kind == "acronym") {
      parser.acronyms_.insert(key);
      continue;
    }
    if (!kind.empty() && kind != "honorific") {
      return Status(StatusCode::kInvalidInput, "unknown title kind '" + std::string(kind) + "'",
                    lang + "/speaker_titles.txt");
    }
    parser.titles_[key] = kind == "honorific";
    parser.max_title_words_ = std::max(parser.max_title_words_, keys.size());
  }
  for (const std::string& entry : roles->entries()) {
    std::vector<std::string_view> fields = SplitFields(entry);
    if (fields.size() < 2) {
      return Status(StatusCode::kInvalidInput, "role without a kind: '" + entry + "'",
                    lang + "/speaker_roles.txt");
    }
    std::vector<std::string> keys;
    for (std::string_view w : SplitWhitespace(fields[0])) keys.push_back(WordKey(w));
    std::string key = JoinKeys(keys, 0, keys.size());
    GenericRole role;
    if (fields[1] == "question") {
      role.kind = GenericRole::Kind::kQuestion;
    } else if (fields[1] == "speaker") {
      role.kind = GenericRole::Kind::kSpeaker;
    } else if (fields[1] == "role") {
      role.kind = GenericRole::Kind::kRole;
    } else if (fields[1] == "none") {
      role.kind = GenericRole::Kind::kNone;
    } else if (fields[1] == "note") {
      role.kind = GenericRole::Kind::kNote;
    } else {
      return Status(StatusCode::kInvalidInput, "unknown role kind '" + std::string(fields[1]) + "'",
                    lang + "/speaker_roles.txt");
    }
    role.speaker =
        fields.size() > 2 && !fields[2].empty() ? std::string(fields[2]) : TitleCase(key);
    parser.roles_[key] = std::move(role);
  }
  return parser;
}

const TranscriptParser::GenericRole* TranscriptParser::FindRole(std::string_view key) const {
  auto it = roles_.find(std::string(key));
  return it == roles_.end() ? nullptr : &it->second;
}

// Label grammar, at the start of a paragraph:
//   word{1,8} [ "(" note ")" ] ":" [ "(" known note ")" ] (space | end)
// where each word starts with a capital letter or is a name particle and is
// made of letters, apostrophes, hyphens and periods.
bool TranscriptParser::ScanLabel(std::string_view text, Span paragraph, Label* label) const {
  const uint32_t begin = SkipSpaces(text, paragraph.begin, paragraph.end);
  const uint32_t end = static_cast<uint32_t>(std::min<size_t>(paragraph.end, begin + kLabelWindow));
  if (begin >= end) return false;
  // Cheap rejection: a label needs a colon near the paragraph start.
  if (std::memchr(text.data() + begin, ':', end - begin) == nullptr) return false;

  uint32_t pos = begin;
  size_t word_count = 0;
  bool capitalized = false;
  std::string last_key;
  while (true) {
    const uint32_t word_begin = pos;
    while (pos < end) {
      size_t next = pos;
      size_t apostrophe = 0;
      char c = text[pos];
      if (c == '-' || c == '.') {
        ++pos;
        continue;
      }
      if (IsApostrophe(text, pos, &apostrophe)) {
        pos += static_cast<uint32_t>(apostrophe);
        continue;
      }
      char32_t cp = DecodeUtf8(text.substr(0, end), &next);
      if (!u_isalpha(static_cast<UChar32>(cp))) break;
      pos = static_cast<uint32_t>(next);
    }
    if (pos == word_begin) return false;
    std::string_view word = text.substr(word_begin, pos - word_begin);
    size_t first = 0;
    UChar32 c0 = static_cast<UChar32>(DecodeUtf8(word, &first));
    std::string key = WordKey(word);
    if (u_isupper(c0) || u_istitle(c0)) {
      capitalized = true;
    } else if (!u_isalpha(c0) ||
               !(IsParticle(particles_, key) || (PrefixLength(particles_, key) != 0 &&
                                                 key.size() > PrefixLength(particles_, key)))) {
      return false;
    }
    if (word.back() == '-') return false;
    last_key = std::move(key);
    if (++word_count > kMaxLabelWords) return false;
    // One space, then another word?
    if (pos + 1 < end && text[pos] == ' ' && text[pos + 1] != '(' && text[pos + 1] != ' ') {
      ++pos;
      continue;
    }
    break;
  }
  if (!capitalized || IsConnective(particles_, last_key)) return false;
  const uint32_t words_end = pos;

  auto scan_note = [&](uint32_t at, std::string_view* note) -> uint32_t {
    // Returns the position after ")" or 0 when there is no note at `at`.
    if (at >= end || text[at] != '(') return 0;
    uint32_t close = at + 1;
    while (close < end && close - at <= kMaxNoteBytes && text[close] != ')' && text[close] != '(' &&
           text[close] != '\n') {
      ++close;
    }
    if (close >= end || text[close] != ')') return 0;
    *note = TrimWhitespace(text.substr(at + 1, close - at - 1));
    if (note->empty()) return 0;
    return close + 1;
  };
  auto known_note = [&](std::string_view note) -> bool {
    std::vector<std::string> keys;
    for (std::string_view w : SplitWhitespace(note)) keys.push_back(WordKey(w));
    const GenericRole* role = FindRole(JoinKeys(keys, 0, keys.size()));
    return role != nullptr && role->kind == GenericRole::Kind::kNote;
  };
  auto note_text = [&](std::string_view note) -> std::string {
    if (!known_note(note)) return std::string(note);
    std::vector<std::string> keys;
    for (std::string_view w : SplitWhitespace(note)) keys.push_back(WordKey(w));
    return JoinKeys(keys, 0, keys.size());
  };

  label->note.clear();
  pos = SkipSpaces(text, pos, end);
  std::string_view note;
  if (uint32_t after = scan_note(pos, &note); after != 0) {
    label->note = note_text(note);
    pos = SkipSpaces(text, after, end);
  }
  if (pos >= end || text[pos] != ':') return false;
  ++pos;
  // The colon ends a label only before white space or the paragraph end
  // ("10:30", "http://" are not labels).
  if (pos < paragraph.end && !IsAsciiSpace(text[pos])) return false;
  uint32_t label_end = pos;
  if (label->note.empty()) {
    uint32_t at = SkipSpaces(text, pos, end);
    if (uint32_t after = scan_note(at, &note); after != 0 && known_note(note)) {
      label->note = note_text(note);
      label_end = after;
    }
  }
  label->span = Span{begin, label_end};
  label->text_begin = SkipSpaces(text, label_end, paragraph.end);
  label->words = text.substr(begin, words_end - begin);
  return true;
}

TranscriptParser::Speaker TranscriptParser::Normalize(std::string_view label) const {
  Speaker speaker;
  std::vector<std::string_view> words = SplitWhitespace(label);
  std::vector<std::string> keys;
  keys.reserve(words.size());
  for (std::string_view w : words) keys.push_back(WordKey(w));
  if (words.empty()) return speaker;

  // A generic label, with or without "the".
  for (size_t skip = 0; skip < 2 && skip < keys.size(); ++skip) {
    if (skip == 1 && !particles_.Is(kLabelArticle, keys[0])) break;
    if (const GenericRole* role = FindRole(JoinKeys(keys, skip, keys.size()))) {
      if (role->kind == GenericRole::Kind::kNote) break;
      speaker.name = role->speaker;
      speaker.generic = true;
      speaker.strong = true;
      speaker.none = role->kind == GenericRole::Kind::kNone;
      speaker.is_question = role->kind == GenericRole::Kind::kQuestion;
      speaker.is_role = role->kind == GenericRole::Kind::kRole;
      return speaker;
    }
  }

  // Titles at the front, longest first; they may stack.
  size_t i = 0;
  std::vector<size_t> role_words;  // indexes of words shown in the role
  bool had_title = false;
  if (keys.size() > 1 && particles_.Is(kLabelArticle, keys[0])) i = 1;
  while (i < keys.size()) {
    size_t matched = 0;
    bool honorific = false;
    for (size_t n = std::min(max_title_words_, keys.size() - i); n > 0; --n) {
      auto it = titles_.find(JoinKeys(keys, i, i + n));
      if (it != titles_.end()) {
        matched = n;
        honorific = it->second;
        break;
      }
    }
    if (matched == 0) break;
    had_title = true;
    if (!honorific) {
      for (size_t k = i; k < i + matched; ++k) role_words.push_back(k);
    }
    i += matched;
    // "President of France Francois Hollande": "of" and the country go to
    // the role; the name keeps the last two words (and particles before
    // them), the country at least one word.
    if (!honorific && i + 1 < keys.size() && particles_.Is(kLabelOf, keys[i])) {
      size_t rest = keys.size() - (i + 1);
      size_t name_words = std::min<size_t>(2, rest - 1);
      size_t name_begin = keys.size() - name_words;
      while (name_words > 0 && name_begin > i + 2 && IsParticle(particles_, keys[name_begin - 1]) &&
             !IsConnective(particles_, keys[name_begin - 1])) {
        --name_begin;
      }
      for (size_t k = i; k < name_begin; ++k) role_words.push_back(k);
      i = name_begin;
      break;
    }
  }
  if (!had_title) i = 0;  // a leading "The" belongs to the name

  for (size_t k = 0; k < role_words.size(); ++k) {
    if (k > 0) speaker.role.push_back(' ');
    speaker.role +=
        RoleWord(words[role_words[k]], keys[role_words[k]], k == 0, acronyms_, particles_);
  }

  // The name, case-folded when written in capitals.
  const size_t name_begin = i;
  for (size_t k = name_begin; k < words.size(); ++k) {
    if (!speaker.name.empty()) speaker.name.push_back(' ');
    std::string_view w = words[k];
    const size_t prefix = PrefixLength(particles_, keys[k]);
    bool particle = k + 1 < words.size() && (IsParticle(particles_, keys[k]) || prefix != 0);
    if (IsAllCaps(w) && (w.size() > 1 || particle)) {
      if (particle && prefix != 0) {
        speaker.name += keys[k].substr(0, prefix) + FoldCaps(w.substr(prefix), false, particles_);
      } else {
        speaker.name += FoldCaps(w, particle, particles_);
      }
    } else {
      speaker.name.append(w);
    }
  }
  if (speaker.name.empty()) speaker.name = speaker.role;  // "THE PRESIDENT", "SECRETARY"
  speaker.strong = had_title || words.size() - name_begin >= 2;
  return speaker;
}

size_t TranscriptParser::SkipNote(std::string_view text, size_t pos) const {
  if (pos >= text.size() || text[pos] != '(') return pos;
  size_t close = text.find(')', pos);
  if (close == std::string_view::npos || close - pos > kMaxNoteBytes) return pos;
  std::vector<std::string> keys;
  for (std::string_view w : SplitWhitespace(text.substr(pos + 1, close - pos - 1))) {
    keys.push_back(WordKey(w));
  }
  if (keys.empty()) return pos;
  const GenericRole* role = FindRole(JoinKeys(keys, 0, keys.size()));
  return role != nullptr && role->kind == GenericRole::Kind::kNote ? close + 1 : pos;
}

std::string TranscriptParser::NormalizeSpeaker(std::string_view label, std::string* role) const {
  label = TrimWhitespace(label);
  // Drop a colon and notes around it: "Question (retranslated):".
  size_t cut = label.find_first_of("(:");
  if (cut != std::string_view::npos) label = TrimWhitespace(label.substr(0, cut));
  Speaker speaker = Normalize(label);
  if (role != nullptr) *role = speaker.role;
  return speaker.name;
}

std::vector<Turn> TranscriptParser::Parse(std::string_view text,
                                          const std::vector<Span>& paragraphs) const {
  struct Found {
    size_t paragraph;
    Label label;
    Speaker speaker;
  };
  std::vector<Found> found;
  Label label;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    Span para = paragraphs[p];
    if (para.end > text.size() || para.begin >= para.end) continue;
    if (!ScanLabel(text, para, &label)) continue;
    Speaker speaker = Normalize(label.words);
    if (speaker.none || speaker.name.empty()) continue;
    found.push_back(Found{p, label, std::move(speaker)});
  }
  if (found.size() < 2) return {};

  // A label whose every word also appears in lower case in the text is a
  // heading or a list key ("Severe:", "Today in the Sky:"), not a person:
  // names are capitalized wherever they stand.
  std::unordered_set<std::string_view> lower_words;
  for (size_t i = 0; i < text.size();) {
    if (!IsAsciiAlpha(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsAsciiAlpha(text[j])) ++j;
    if (IsAsciiLower(text[i])) lower_words.insert(text.substr(i, j - i));
    i = j;
  }
  found.erase(std::remove_if(found.begin(), found.end(),
                             [&](const Found& f) {
                               if (f.speaker.generic || !f.speaker.role.empty()) return false;
                               size_t checked = 0;
                               for (std::string_view w : SplitWhitespace(f.speaker.name)) {
                                 std::string lower = AsciiLower(w);
                                 if (lower.size() < 3) continue;
                                 if (!lower_words.count(lower)) return false;
                                 ++checked;
                               }
                               return checked > 0;
                             }),
              found.end());
  if (found.size() < 2) return {};

  // A short name takes the fuller name it is the surname of, when that is
  // unique in the document ("Putin" -> "Vladimir Putin").
  struct Fuller {
    const std::string* name = nullptr;
    bool ambiguous = false;
  };
  std::unordered_map<std::string_view, Fuller> by_surname;
  for (const Found& f : found) {
    const std::string& name = f.speaker.name;
    size_t space = name.rfind(' ');
    if (f.speaker.generic || space == std::string::npos) continue;
    Fuller& fuller = by_surname[std::string_view(name).substr(space + 1)];
    if (fuller.name != nullptr && *fuller.name != name) fuller.ambiguous = true;
    fuller.name = &name;
  }
  for (Found& f : found) {
    if (f.speaker.generic || f.speaker.name.find(' ') != std::string::npos) continue;
    auto it = by_surname.find(f.speaker.name);
    if (it != by_surname.end() && !it->second.ambiguous) f.speaker.name = *it->second.name;
  }

  // Initials stand for the one full name they abbreviate ("MB" -> "Mike Brown").
  std::unordered_map<std::string, Fuller> by_initials;
  for (const Found& f : found) {
    const std::string& name = f.speaker.name;
    if (f.speaker.generic || name.find(' ') == std::string::npos) continue;
    std::string initials;
    for (std::string_view w : SplitWhitespace(name)) initials += AsciiToLower(w[0]);
    if (initials.size() < 2 || initials.size() > 4) continue;
    Fuller& fuller = by_initials[initials];
    if (fuller.name != nullptr && *fuller.name != name) fuller.ambiguous = true;
    fuller.name = &name;
  }
  for (Found& f : found) {
    const std::string& name = f.speaker.name;
    if (f.speaker.generic || name.size() < 2 || name.size() > 4 ||
        name.find(' ') != std::string::npos) {
      continue;
    }
    auto it = by_initials.find(AsciiLower(name));
    if (it != by_initials.end() && !it->second.ambiguous) f.speaker.name = *it->second.name;
  }

  // Convincing: a repeated speaker, a question turn, or three distinct
  // speakers of which at least two have a title, a role or a full name.
  bool question = false;
  bool repeated = false;
  size_t strong = 0;
  std::unordered_set<std::string_view> distinct;
  for (const Found& f : found) {
    question = question || f.speaker.is_question;
    if (!distinct.insert(f.speaker.name).second) {
      repeated = true;
    } else if (f.speaker.strong) {
      ++strong;
    }
  }
  if (!question && !repeated && (distinct.size() < 3 || strong < 2)) return {};

  std::vector<Turn> turns;
  turns.reserve(found.size());
  for (size_t t = 0; t < found.size(); ++t) {
    const Found& f = found[t];
    size_t last = (t + 1 < found.size() ? found[t + 1].paragraph : paragraphs.size()) - 1;
    Turn turn;
    turn.label = f.label.span;
    uint32_t begin = f.label.text_begin;
    if (begin >= paragraphs[f.paragraph].end) {
      // Label only: the text starts with the next paragraph, if any.
      begin = f.label.span.end;
      for (size_t p = f.paragraph + 1; p <= last; ++p) {
        uint32_t b = SkipSpaces(text, paragraphs[p].begin, paragraphs[p].end);
        if (b < paragraphs[p].end) {
          begin = b;
          break;
        }
      }
    }
    uint32_t end = std::max(begin, TrimEnd(text, begin, paragraphs[last].end));
    turn.span = Span{begin, end};
    turn.speaker = f.speaker.name;
    turn.role = f.speaker.role;
    turn.note = f.label.note;
    turn.is_question = f.speaker.is_question;
    turn.is_role = f.speaker.is_role;
    turns.push_back(std::move(turn));
  }
  return turns;
}

}  // namespace dossier
