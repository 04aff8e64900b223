// Sentences by ICU's sentence boundaries, for languages dossier has no
// abbreviation list for (the rule-based SentenceSplitter knows English).
//
//   IcuSentences splitter;                          // one per thread
//   splitter.Split(text, paragraph, "ja", &spans);  // "今日は晴れ。明日は雨。" -> two
//
// The breaker is ICU's for the language's locale, so "。", "！", "？", "।" and "؟" end
// sentences as "." does. Each span is trimmed of white space; empty spans are dropped.
// Abbreviations (IcuSentenceRules):
//   - a language with its own list (data/<code>/sentence_abbreviations.txt: "Dr", "z. B",
//     "т. е", without the final period) gets ICU's breaker without suppressions, and a break
//     after a listed abbreviation, written as a whole word, or after one capital letter (an
//     initial: "A. Merkel") is undone. ICU's own lists match word endings, not words: its
//     German list keeps "sagte Keller. Die …" and "zwei von ihnen schwer. Die …" one sentence
//     (any word ending in "er.", "jahr."), its Portuguese one "hospital. Três …".
//   - any other language gets ICU's "standard" suppressions ("@ss=standard").
// With `ordinal_period` (languages that write ordinals with a period: German "am 3. März",
// "der 2. Weltkrieg"), a break right after a number of one to three digits and its period is
// no break when a letter follows (ICU breaks there). With `dialogue_dash` (French, Spanish,
// Italian, Portuguese, Russian), a dash after a sentence's end opens a sentence ("… partagés.
// — On nous dit …"; ICU breaks only before a letter or a quotation mark).
#ifndef DOSSIER_SEGMENT_ICU_SENTENCES_H_
#define DOSSIER_SEGMENT_ICU_SENTENCES_H_

#include <unicode/brkiter.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/span.h"
#include "util/data_files.h"

namespace dossier {

// One language's rules for IcuSentences (data/<code>/sentences.txt and
// sentence_abbreviations.txt).
struct IcuSentenceRules {
  bool ordinal_period = false;
  // A dialogue dash after a sentence's end opens a sentence ("… partagés. — On nous dit …":
  // ICU breaks only before a letter or a quotation mark).
  bool dialogue_dash = false;
  // With own_abbreviations: the abbreviations, case-folded, without the final period.
  bool own_abbreviations = false;
  WordList abbreviations;
};

// text[begin, end) as UTF-16 for ICU's break iterators, with the UTF-8 offset in `text` of
// every UTF-16 unit, and `end` after the last (so offset[i] maps a boundary i back).
struct Utf16Run {
  icu::UnicodeString text;
  std::vector<uint32_t> offset;
};
Utf16Run ToUtf16Run(std::string_view text, size_t begin, size_t end);

class IcuSentences {
 public:
  void Split(std::string_view text, Span region, std::string_view language, std::vector<Span>* out,
             const IcuSentenceRules& rules);
  void Split(std::string_view text, Span region, std::string_view language,
             std::vector<Span>* out) {
    Split(text, region, language, out, IcuSentenceRules{});
  }

 private:
  struct Breaker {
    std::string language;
    bool suppressions = true;
    std::unique_ptr<icu::BreakIterator> it;
  };
  icu::BreakIterator* For(std::string_view language, bool suppressions);
  std::vector<Breaker> breakers_;
};

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_ICU_SENTENCES_H_
