// Sentences by ICU's sentence boundaries, for languages dossier has no
// abbreviation list for (the rule-based SentenceSplitter knows English).
//
//   IcuSentences splitter;                          // one per thread
//   splitter.Split(text, paragraph, "ja", &spans);  // "今日は晴れ。明日は雨。" -> two
//
// The breaker is ICU's for the language's locale with the "standard"
// suppressions (ICU's own abbreviation lists where it has them: "@ss=standard"),
// so "。", "！", "？", "।" and "؟" end sentences as "." does. Each span is trimmed of
// white space; empty spans are dropped. With `ordinal_period` (languages that write ordinals
// with a period: German "am 3. März", "der 2. Weltkrieg"), a break right after a number of one
// to three digits and its period is no break when a letter follows (ICU breaks there).
#ifndef DOSSIER_SEGMENT_ICU_SENTENCES_H_
#define DOSSIER_SEGMENT_ICU_SENTENCES_H_

#include <unicode/brkiter.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/span.h"

namespace dossier {

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
             bool ordinal_period = false);

 private:
  struct Breaker {
    std::string language;
    std::unique_ptr<icu::BreakIterator> it;
  };
  icu::BreakIterator* For(std::string_view language);
  std::vector<Breaker> breakers_;
};

}  // namespace dossier

#endif  // DOSSIER_SEGMENT_ICU_SENTENCES_H_
