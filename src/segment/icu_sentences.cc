#include "segment/icu_sentences.h"

#include <unicode/uchar.h>

#include "segment/tokenizer.h"
#include "util/strings.h"

namespace dossier {

Utf16Run ToUtf16Run(std::string_view text, size_t begin, size_t end) {
  Utf16Run run;
  run.offset.reserve(end - begin + 1);
  size_t pos = begin;
  while (pos < end) {
    const size_t at = pos;
    const char32_t cp = DecodeUtf8(text, &pos);
    const int before = run.text.length();
    run.text.append(static_cast<UChar32>(cp));
    for (int k = before; k < run.text.length(); ++k) {
      run.offset.push_back(static_cast<uint32_t>(at));
    }
  }
  run.offset.push_back(static_cast<uint32_t>(end));
  return run;
}

icu::BreakIterator* IcuSentences::For(std::string_view language, bool suppressions) {
  for (Breaker& b : breakers_) {
    if (b.language == language && b.suppressions == suppressions) return b.it.get();
  }
  Breaker& b = breakers_.emplace_back();
  b.language = std::string(language);
  b.suppressions = suppressions;
  const std::string locale = b.language + (suppressions ? "@ss=standard" : "");
  UErrorCode err = U_ZERO_ERROR;
  b.it.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(locale.c_str()), err));
  if (U_FAILURE(err)) b.it.reset();
  return b.it.get();
}

namespace {

// "… vom 3." : the span ends with a number of one to three digits (after a space, an opening
// bracket or the span's start) and a period.
bool EndsWithOrdinal(std::string_view s) {
  if (s.size() < 2 || s.back() != '.') return false;
  size_t k = s.size() - 1, digits = 0;
  while (k > 0 && IsAsciiDigit(s[k - 1])) --k, ++digits;
  if (digits == 0 || digits > 3) return false;
  return k == 0 || s[k - 1] == ' ' || s[k - 1] == '(';
}

bool StartsWithLetter(std::string_view text, size_t at) {
  size_t pos = at;
  return u_isalpha(static_cast<UChar32>(DecodeUtf8(text, &pos)));
}

// The word of s[0, end) that ends at `end`: back to white space or an opening bracket.
size_t WordStart(std::string_view s, size_t end) {
  size_t k = end;
  while (k > 0 && !IsAsciiSpace(s[k - 1]) && s[k - 1] != '(' && s[k - 1] != '[') --k;
  return k;
}

// "… Dr.", "… z. B.", "… A.": the span ends with a listed abbreviation (a whole word, or two
// words when the first ends with a period too) or one capital letter, and its period; or
// "… z." when `next` starts with "B." and "z. B" is listed.
bool EndsWithAbbreviation(std::string_view s, std::string_view next,
                          const WordList& abbreviations) {
  if (s.size() < 2 || s.back() != '.') return false;
  const size_t end = s.size() - 1;
  const size_t k = WordStart(s, end);
  const std::string_view word = s.substr(k, end - k);
  if (word.empty()) return false;
  size_t pos = 0;
  const char32_t first = DecodeUtf8(word, &pos);
  if (pos == word.size() && u_isupper(static_cast<UChar32>(first))) return true;  // an initial
  const std::string folded = FoldCase(word);
  if (abbreviations.Contains(folded)) return true;
  size_t n = 0;
  while (n < next.size() && n < 16 && !IsAsciiSpace(next[n]) && next[n] != '.') ++n;
  if (n > 0 && n < next.size() && next[n] == '.' &&
      abbreviations.Contains(folded + ". " + FoldCase(next.substr(0, n)))) {
    return true;
  }
  if (k < 2 || !IsAsciiSpace(s[k - 1]) || s[k - 2] != '.') return false;
  const size_t j = WordStart(s, k - 1);
  return abbreviations.Contains(FoldCase(s.substr(j, k - 2 - j)) + ". " + folded);
}

// Where s has a sentence end, white space and a dialogue dash ("—" or "–") followed by white
// space: the dash's offset in s, or npos.
size_t DialogueDashAfterEnd(std::string_view s) {
  for (size_t i = s.find_first_of(".!?"); i != std::string_view::npos;
       i = s.find_first_of(".!?", i + 1)) {
    size_t k = i + 1;
    if (k >= s.size() || !IsAsciiSpace(s[k])) continue;
    while (k < s.size() && IsAsciiSpace(s[k])) ++k;
    const bool dash = s.compare(k, 3, "\xE2\x80\x94") == 0 || s.compare(k, 3, "\xE2\x80\x93") == 0;
    if (dash && k + 3 < s.size() && IsAsciiSpace(s[k + 3])) return k;
  }
  return std::string_view::npos;
}

}  // namespace

void IcuSentences::Split(std::string_view text, Span region, std::string_view language,
                         std::vector<Span>* out, const IcuSentenceRules& rules) {
  const size_t first_out = out->size();
  const size_t end = std::min<size_t>(region.end, text.size());
  icu::BreakIterator* it = For(language, !rules.own_abbreviations);
  if (it == nullptr || region.begin >= end) {
    if (region.begin < end) out->push_back({region.begin, static_cast<uint32_t>(end)});
    return;
  }
  const Utf16Run run = ToUtf16Run(text, region.begin, end);
  const std::vector<uint32_t>& offset = run.offset;
  it->setText(run.text);
  int32_t from = it->first();
  for (int32_t to = it->next(); to != icu::BreakIterator::DONE; to = it->next()) {
    size_t b = offset[static_cast<size_t>(from)];
    size_t e = offset[static_cast<size_t>(to)];
    while (b < e && IsAsciiSpace(text[b])) ++b;
    while (e > b && IsAsciiSpace(text[e - 1])) --e;
    if (b < e) {
      // "am 3. | März": the ordinal's period ends no sentence before a word; "Dr. | Vogt"
      // an abbreviation's none at all.
      const bool joins = out->size() > first_out &&
                         ((rules.ordinal_period && EndsWithOrdinal(out->back().Slice(text)) &&
                           StartsWithLetter(text, b)) ||
                          (rules.own_abbreviations &&
                           EndsWithAbbreviation(out->back().Slice(text), text.substr(b, e - b),
                                                rules.abbreviations)));
      if (joins) {
        out->back().end = static_cast<uint32_t>(e);
      } else {
        out->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
      }
      // "… partagés. — On nous dit …": the dash opens the next sentence.
      for (size_t at; rules.dialogue_dash && (at = DialogueDashAfterEnd(out->back().Slice(text))) !=
                                                 std::string_view::npos;) {
        Span& last = out->back();
        const uint32_t dash = last.begin + static_cast<uint32_t>(at);
        uint32_t end_of_first = dash;
        while (end_of_first > last.begin && IsAsciiSpace(text[end_of_first - 1])) --end_of_first;
        const uint32_t end_of_second = last.end;
        last.end = end_of_first;
        out->push_back({dash, end_of_second});
      }
    }
    from = to;
  }
}

}  // namespace dossier
