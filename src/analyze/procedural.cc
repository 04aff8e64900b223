#include "analyze/procedural.h"

#include <algorithm>

#include "util/strings.h"

namespace dossier {

Result<ProceduralMatcher> ProceduralMatcher::Create(std::string_view data_dir,
                                                    std::string_view language) {
  ProceduralMatcher m;
  const std::string lang(language);
  Result<WordList> courtesy =
      LoadWordList(data_dir, lang + "/courtesy_words.txt", /*lowercase=*/true);
  if (!courtesy.ok()) return courtesy.status();
  m.courtesy_ = std::move(*courtesy);
  Result<WordList> phrases =
      LoadWordList(data_dir, lang + "/procedural_phrases.txt", /*lowercase=*/true);
  if (!phrases.ok()) return phrases.status();
  for (const std::string& line : phrases->entries()) {
    std::vector<std::string> words;
    for (std::string_view w : SplitWhitespace(line)) words.emplace_back(w);
    if (words.empty()) continue;
    m.by_first_word_[words.front()].push_back(m.phrases_.size());
    m.phrases_.push_back(std::move(words));
  }
  return m;
}

bool ProceduralMatcher::IsProcedural(const Document& doc, uint32_t sentence) const {
  if (sentence >= doc.sentences.size()) return false;
  const Sentence& s = doc.sentences[sentence];
  const size_t words = s.token_end - s.token_begin;
  if (words == 0) return false;
  bool all_courtesy = true;
  for (uint32_t t = s.token_begin; t < s.token_end && all_courtesy; ++t) {
    all_courtesy = courtesy_.Contains(doc.tokens[t].lower);
  }
  if (all_courtesy) return true;
  if (s.turn >= 0 && words <= kMaxWords) {
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      auto it = by_first_word_.find(doc.tokens[t].lower);
      if (it == by_first_word_.end()) continue;
      for (size_t p : it->second) {
        const std::vector<std::string>& phrase = phrases_[p];
        if (t + phrase.size() > s.token_end) continue;
        bool match = true;
        for (size_t k = 1; k < phrase.size() && match; ++k) {
          match = doc.tokens[t + k].lower == phrase[k];
        }
        if (match) return true;
      }
    }
  }
  if (s.turn >= 0 && words <= kMaxShortQuestionWords) {
    std::string_view text = TrimWhitespace(s.span.Slice(doc.text));
    while (!text.empty() && (text.back() == '"' || text.back() == ')')) text.remove_suffix(1);
    if (!text.empty() && text.back() == '?') return true;
  }
  return false;
}

bool ProceduralMatcher::IsProceduralSpan(const Document& doc, Span span) const {
  bool any = false;
  for (uint32_t i = doc.SentenceAt(span.begin); i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    if (s.span.begin >= span.end) break;
    if (s.span.end <= span.begin) continue;
    any = true;
    if (!s.stage_direction && !IsProcedural(doc, i)) return false;
  }
  return any;
}

}  // namespace dossier
