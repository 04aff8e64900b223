#include "segment/sentence_splitter.h"

#include <unicode/uchar.h>

#include <array>
#include <string>
#include <utility>

#include "util/strings.h"

namespace dossier {
namespace {

// Longest token looked up in the word lists; longer tokens are never
// abbreviations or sentence starters. Fits the small-string buffer, so
// lookups do not allocate.
constexpr size_t kMaxLookup = 15;
// Bounds on the look-around done at each candidate boundary; they keep
// Split() linear in the size of the region.
constexpr size_t kMaxTokenBack = 64;
constexpr size_t kMaxStageDirection = 48;
constexpr int kMaxSpeakerWords = 3;

// True when the capitalized words at text[pos] are followed by a verb of a
// dialogue tag (`verbs`: data/en/dialogue_tag_verbs.txt): "Smith asked",
// "Foreign Minister Lavrov said".
bool FollowedBySpeechVerb(std::string_view text, size_t pos, const WordList& verbs) {
  size_t p = pos;
  for (int i = 0; i <= kMaxSpeakerWords && p < text.size(); ++i) {
    size_t w = p;
    while (w < text.size() && w - p <= kMaxLookup &&
           (IsAsciiAlpha(text[w]) || text[w] == '.' || text[w] == '-')) {
      ++w;
    }
    if (w == p) return false;
    std::string_view word = text.substr(p, w - p);
    while (word.size() > 1 && word.back() == '.') word.remove_suffix(1);
    if (IsAsciiLower(word[0])) return verbs.Contains(word);
    p = w;
    if (p >= text.size() || text[p] != ' ') return false;
    ++p;
  }
  return false;
}

char32_t CodePointAt(std::string_view text, size_t pos, size_t* len) {
  size_t p = pos;
  char32_t cp = DecodeUtf8(text, &p);
  *len = p - pos;
  return cp;
}

// Byte length of the white space at text[pos] (0 if none): ASCII space,
// U+00A0, U+2000..U+200B, U+202F, U+205F, U+3000.
size_t SpaceLen(std::string_view text, size_t pos, size_t end) {
  if (pos >= end) return 0;
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return IsAsciiSpace(static_cast<char>(c)) ? 1 : 0;
  if (c != 0xC2 && c != 0xE2 && c != 0xE3) return 0;
  size_t len = 0;
  const char32_t cp = CodePointAt(text.substr(0, end), pos, &len);
  if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
      cp == 0x3000) {
    return len;
  }
  return 0;
}

size_t SkipSpace(std::string_view text, size_t pos, size_t end) {
  while (pos < end) {
    const size_t n = SpaceLen(text, pos, end);
    if (n == 0) break;
    pos += n;
  }
  return pos;
}

bool IsSpaceBefore(std::string_view text, size_t pos, size_t begin) {
  if (pos <= begin) return false;
  if (IsAsciiSpace(text[pos - 1])) return true;
  size_t start = 0;
  const char32_t cp = DecodeUtf8Before(text, pos, &start);
  return start >= begin && (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
                            cp == 0x205F || cp == 0x3000);
}

// Byte length of a closing quote or bracket at text[pos] (0 if none).
size_t CloserLen(std::string_view text, size_t pos, size_t end) {
  if (pos >= end) return 0;
  const char c = text[pos];
  if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}') return 1;
  const std::string_view rest = text.substr(pos, end - pos);
  if (StartsWith(rest, "\u201D") || StartsWith(rest, "\u2019")) return 3;  // ” ’
  if (StartsWith(rest, "\u00BB")) return 2;                                // »
  return 0;
}

// Byte length of an opening quote or bracket at text[pos] (0 if none).
size_t OpenerLen(std::string_view text, size_t pos, size_t end) {
  if (pos >= end) return 0;
  const char c = text[pos];
  if (c == '"' || c == '\'' || c == '(' || c == '[') return 1;
  const std::string_view rest = text.substr(pos, end - pos);
  if (StartsWith(rest, "\u201C") || StartsWith(rest, "\u2018")) return 3;  // “ ‘
  if (StartsWith(rest, "\u00AB")) return 2;                                // «
  return 0;
}

bool IsQuoteCloser(std::string_view text, size_t pos, size_t len) {
  const char c = text[pos];
  return len > 1 || c == '"' || c == '\'';
}

bool IsUpperAt(std::string_view text, size_t pos, size_t end) {
  if (pos >= end) return false;
  const char c = text[pos];
  if (static_cast<unsigned char>(c) < 0x80) return IsAsciiUpper(c);
  size_t len = 0;
  const char32_t cp = CodePointAt(text.substr(0, end), pos, &len);
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

bool IsLowerAt(std::string_view text, size_t pos, size_t end) {
  if (pos >= end) return false;
  const char c = text[pos];
  if (static_cast<unsigned char>(c) < 0x80) return IsAsciiLower(c);
  size_t len = 0;
  const char32_t cp = CodePointAt(text.substr(0, end), pos, &len);
  return u_islower(static_cast<UChar32>(cp));
}

bool IsDigitAt(std::string_view text, size_t pos, size_t end) {
  return pos < end && IsAsciiDigit(text[pos]);
}

// Terminator at text[pos]: '.', '!', '?' (1 byte) or '…' (3 bytes); 0 if none.
size_t TerminatorLen(std::string_view text, size_t pos, size_t end) {
  if (pos >= end) return 0;
  const char c = text[pos];
  if (c == '.' || c == '!' || c == '?') return 1;
  if (c == '\xE2' && text.substr(pos, end - pos).starts_with("\u2026")) return 3;
  return 0;
}

// Lower-cases `word` into `buf`; returns the view, or empty if too long.
std::string_view LowerInto(std::string_view word, std::array<char, kMaxLookup>* buf) {
  if (word.empty() || word.size() > buf->size()) return {};
  for (size_t i = 0; i < word.size(); ++i) (*buf)[i] = AsciiToLower(word[i]);
  return std::string_view(buf->data(), word.size());
}

// True for "U.S", "a.m", "e.g", "Ph.D": two or more groups of one or two
// ASCII letters joined by periods.
bool IsDottedAcronym(std::string_view token) {
  int groups = 0;
  size_t run = 0;
  for (char c : token) {
    if (IsAsciiAlpha(c)) {
      if (++run > 2) return false;
    } else if (c == '.') {
      if (run == 0) return false;
      ++groups;
      run = 0;
    } else {
      return false;
    }
  }
  if (run == 0) return false;
  return groups + 1 >= 2;
}

bool IsShortNumber(std::string_view token) {
  if (token.empty() || token.size() > 3) return false;
  for (char c : token) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

}  // namespace

// What follows a candidate boundary.
struct SentenceSplitter::Next {
  size_t pos = 0;                // first non-space byte after the closers
  bool at_end = false;           // nothing but white space follows
  bool spaced = false;           // white space separates it from the terminator
  bool upper = false;            // starts with an upper-case letter
  bool lower = false;            // starts with a lower-case letter
  bool digit = false;            // starts with a digit (or a currency sign + digit)
  bool quoted = false;           // an opening quote or bracket, then upper/digit
  bool quote_open = false;       // ... and it is a quote, not a bracket
  std::string_view word;         // the ASCII-letter word at pos (may be empty)
  bool word_is_initial = false;  // the word is one letter followed by '.'
};

SentenceSplitter::Next SentenceSplitter::LookAtNext(std::string_view text, size_t pos, size_t end) {
  Next n;
  n.pos = SkipSpace(text, pos, end);
  n.spaced = n.pos > pos;
  n.at_end = n.pos >= end;
  if (n.at_end) return n;
  const size_t p = n.pos;
  n.upper = IsUpperAt(text, p, end);
  n.lower = IsLowerAt(text, p, end);
  n.digit = IsDigitAt(text, p, end) ||
            ((text[p] == '$' || StartsWith(text.substr(p, end - p), "\u00A3") ||
              StartsWith(text.substr(p, end - p), "\u20AC")) &&
             IsDigitAt(text, p + (text[p] == '$' ? 1 : 2 + (text[p] == '\xE2')), end));
  if (const size_t open = OpenerLen(text, p, end); open > 0) {
    size_t q = p + open;
    while (q < end && OpenerLen(text, q, end) > 0) q += OpenerLen(text, q, end);
    n.quoted = IsUpperAt(text, q, end) || IsDigitAt(text, q, end);
    n.quote_open = text[p] != '(' && text[p] != '[';
  }
  size_t w = p;
  while (w < end && w - p < kMaxLookup + 1 && IsAsciiAlpha(text[w])) ++w;
  n.word = text.substr(p, w - p);
  n.word_is_initial = n.word.size() == 1 && w < end && text[w] == '.';
  return n;
}

namespace {

// If a stage direction such as "(Laughter.)" starts at text[pos], returns
// the offset just past its ')'; else 0.
size_t StageDirectionEnd(std::string_view text, size_t pos, size_t end) {
  if (pos >= end || text[pos] != '(' || !IsUpperAt(text, pos + 1, end)) return 0;
  for (size_t q = pos + 1; q < end && q - pos <= kMaxStageDirection; ++q) {
    const char c = text[q];
    if (c == '(') return 0;
    if (c == ')') {
      const char last = text[q - 1];
      return (last == '.' || last == '!' || last == '?') ? q + 1 : 0;
    }
  }
  return 0;
}

}  // namespace

Result<SentenceSplitter> SentenceSplitter::Create(std::string_view data_dir,
                                                  std::string_view language) {
  const std::string lang(language);
  Result<WordList> abbrev_lines = LoadWordList(data_dir, lang + "/abbreviations.txt", true);
  if (!abbrev_lines.ok()) return abbrev_lines.status();
  Result<WordList> starters = LoadWordList(data_dir, lang + "/sentence_starters.txt", true);
  if (!starters.ok()) return starters.status();
  Result<WordList> tag_verbs = LoadWordList(data_dir, lang + "/dialogue_tag_verbs.txt", true);
  if (!tag_verbs.ok()) return tag_verbs.status();

  // Lines are "word" or "word title"; see data/en/abbreviations.txt.
  std::string all;
  std::string titles;
  std::string times;
  for (const std::string& line : abbrev_lines->entries()) {
    const size_t space = line.find_first_of(" \t");
    const std::string_view word = std::string_view(line).substr(0, space);
    std::string_view kind;
    if (space != std::string::npos) kind = TrimWhitespace(std::string_view(line).substr(space));
    if (kind == "title") {
      titles.append(word).push_back('\n');
    } else if (kind == "time") {
      times.append(word).push_back('\n');
    } else if (!kind.empty()) {
      return Status(StatusCode::kInvalidInput,
                    "unknown abbreviation kind '" + std::string(kind) + "'",
                    lang + "/abbreviations.txt");
    }
    all.append(word).push_back('\n');
  }
  SentenceSplitter splitter;
  splitter.abbreviations_ = WordList::Parse(all, true);
  splitter.titles_ = WordList::Parse(titles, true);
  splitter.sentence_starters_ = std::move(*starters);
  splitter.times_ = WordList::Parse(times, true);
  Result<WordList> followers = LoadWordList(data_dir, lang + "/time_followers.txt", true);
  if (!followers.ok()) return followers.status();
  splitter.time_followers_ = std::move(*followers);
  splitter.tag_verbs_ = std::move(*tag_verbs);
  return splitter;
}

bool SentenceSplitter::IsStarter(const Next& next) const {
  if (!next.upper || next.word.empty() || next.word_is_initial) return false;
  std::array<char, kMaxLookup> buf;
  const std::string_view w = LowerInto(next.word, &buf);
  return !w.empty() && sentence_starters_.Contains(w);
}

// Decides whether the terminator run text[term_begin, term_end), followed by
// closers up to `after`, ends a sentence that began at `sentence_begin`.
bool SentenceSplitter::EndsSentence(std::string_view text, size_t sentence_begin, size_t term_begin,
                                    size_t term_end, size_t after, bool quote_closed,
                                    const Next& next) const {
  if (next.at_end) return true;
  if (!next.spaced) return false;  // "4.5", "example.com", "U.S.-led", "U.S.,"
  if (next.lower) return false;    // "e.g. the", "?" he asked"
  const bool starts = next.upper || next.digit || next.quoted ||
                      StageDirectionEnd(text, next.pos, text.size()) != 0;
  if (!starts) return false;

  // "Is it over?" Smith asked. -- the quotation belongs to this sentence.
  if (quote_closed && next.upper && FollowedBySpeechVerb(text, next.pos, tag_verbs_)) return false;

  // Only a single '.' needs a look at the word before it; '!', '?', '…' and
  // "..." end the sentence whenever the next one starts.
  if (term_end - term_begin != 1 || text[term_begin] != '.') return true;

  size_t tb = term_begin;
  while (tb > sentence_begin && term_begin - tb < kMaxTokenBack &&
         !IsSpaceBefore(text, tb, sentence_begin)) {
    --tb;
  }
  // Strip opening quotes and brackets: "(Laughter", "“No".
  while (tb < term_begin && OpenerLen(text, tb, term_begin) > 0) {
    tb += OpenerLen(text, tb, term_begin);
  }
  const std::string_view token = text.substr(tb, term_begin - tb);
  if (token.empty()) return true;

  // A closing quote or bracket after the period: the quotation ended a
  // sentence even if its last word was an abbreviation ("He said: "No." Then").
  if (quote_closed || after > term_end) return true;

  // "1. The first point": an item number at the start of the sentence.
  if (tb == sentence_begin && IsShortNumber(token)) return false;

  std::array<char, kMaxLookup> buf;
  const std::string_view lower = LowerInto(token, &buf);
  const bool known = !lower.empty() && abbreviations_.Contains(lower);
  if (known && titles_.Contains(lower)) return false;  // "Mr. Smith", "vs. Iran"
  if (known || IsDottedAcronym(token)) {
    if (next.digit) return false;  // "Dec. 18", "No. 10"
    if (known && times_.Contains(lower) && next.upper && !next.word_is_initial) {
      // "at 4:34 a.m. Fire crews" ends; "4:30 a.m. Tuesday", "9 a.m. EST" go on.
      std::array<char, kMaxLookup> wbuf;
      const std::string_view w = LowerInto(next.word, &wbuf);
      return !w.empty() && !time_followers_.Contains(w);
    }
    return IsStarter(next) || (next.quoted && next.quote_open) ||
           StageDirectionEnd(text, next.pos, text.size()) != 0;
  }

  // A single letter: an initial ("John F. Kennedy", "J. K. Rowling"), unless
  // a lower-case word precedes it and a sentence starter follows ("vitamin
  // C. The ...").
  size_t token_len = 0;
  CodePointAt(token, 0, &token_len);
  if (token_len == token.size() && (IsUpperAt(token, 0, token.size()) || token.size() == 1)) {
    if (!IsStarter(next)) return false;
    size_t pb = tb;
    while (pb > sentence_begin && IsSpaceBefore(text, pb, sentence_begin)) --pb;
    if (pb == tb || pb <= sentence_begin) return false;  // initial opens the sentence
    size_t ps = pb;
    while (ps > sentence_begin && !IsSpaceBefore(text, ps, sentence_begin) &&
           pb - ps < kMaxTokenBack) {
      --ps;
    }
    return IsLowerAt(text, ps, pb);
  }
  return true;
}

void SentenceSplitter::Split(std::string_view text, Span region, std::vector<Span>* out,
                             bool caseless) const {
  const size_t end = std::min<size_t>(region.end, text.size());
  const std::string_view t = text.substr(0, end);
  size_t pos = SkipSpace(t, std::min<size_t>(region.begin, end), end);
  size_t sentence_begin = pos;

  auto emit = [&](size_t b, size_t e) {
    while (e > b && IsSpaceBefore(t, e, b)) {
      size_t start = 0;
      DecodeUtf8Before(t, e, &start);
      e = IsAsciiSpace(t[e - 1]) ? e - 1 : start;
    }
    if (e > b) out->push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  };

  while (pos < end) {
    // A stage direction opening a sentence is a sentence of its own.
    if (pos == sentence_begin) {
      if (const size_t sd = StageDirectionEnd(t, pos, end); sd != 0) {
        emit(pos, sd);
        pos = sentence_begin = SkipSpace(t, sd, end);
        continue;
      }
    }
    const size_t term = TerminatorLen(t, pos, end);
    if (term == 0) {
      ++pos;
      continue;
    }
    // The whole run of terminators: "?!", "...", "…", ".\u2026".
    const size_t term_begin = pos;
    size_t term_end = pos + term;
    while (const size_t more = TerminatorLen(t, term_end, end)) term_end += more;
    const bool ellipsis = term_end - term_begin > 1 && t[term_begin] != '!' && t[term_begin] != '?';
    // Closing quotes and brackets.
    size_t after = term_end;
    bool quote_closed = false;
    while (const size_t c = CloserLen(t, after, end)) {
      quote_closed = quote_closed || IsQuoteCloser(t, after, c);
      after += c;
    }
    Next next = LookAtNext(t, after, end);
    if (caseless && next.lower) {
      next.upper = true;
      next.lower = false;
    }
    bool boundary;
    if (ellipsis) {
      // "I think... maybe" continues; "It was over… The next day" does not.
      boundary = next.at_end ||
                 (next.spaced && (next.upper || next.quoted) &&
                  !(quote_closed && next.upper && FollowedBySpeechVerb(t, next.pos, tag_verbs_)));
    } else {
      boundary = EndsSentence(t, sentence_begin, term_begin, term_end, after, quote_closed, next);
    }
    if (boundary) {
      emit(sentence_begin, after);
      pos = sentence_begin = next.pos;
    } else {
      pos = after;
    }
  }
  if (sentence_begin < end) emit(sentence_begin, end);
}

}  // namespace dossier
