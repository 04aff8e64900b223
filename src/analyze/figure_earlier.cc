#include "analyze/figure_earlier.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/strings.h"

namespace dossier {
namespace {

using figures_internal::FigureWords;

// How many tokens before a figure a marker may stand.
constexpr uint32_t kMarkerWindow = 12;

// Punctuation that ends a clause: a marker before it does not reach a
// figure after it.
bool ClauseBreak(const Document& doc, const Token& a, const Token& b) {
  const std::string_view gap(doc.text.data() + a.span.end, b.span.begin - a.span.end);
  return gap.find_first_of(";?!") != std::string_view::npos;
}

// Whether only white space stands between two tokens.
bool Adjacent(const Document& doc, const Token& a, const Token& b) {
  for (size_t i = a.span.end; i < b.span.begin; ++i) {
    if (!IsAsciiSpace(doc.text[i])) return false;
  }
  return true;
}

// The first token of a marker whose words end at token `last` of
// `sentence`, or UINT32_MAX.
uint32_t MarkerEndingAt(const FigureWords& words, const Document& doc, const Sentence& sentence,
                        uint32_t last) {
  for (const std::vector<std::string>& marker : words.earlier_markers) {
    if (marker.size() > last + 1 - sentence.token_begin) continue;
    const uint32_t first = last + 1 - static_cast<uint32_t>(marker.size());
    bool match = true;
    for (uint32_t k = first; match && k <= last; ++k) {
      match = doc.tokens[k].lower == marker[k - first] &&
              (k == first || Adjacent(doc, doc.tokens[k - 1], doc.tokens[k]));
    }
    if (match) return first;
  }
  return UINT32_MAX;
}

// Whether a report word stands in the clause that opens at token `from`:
// up to the sentence's end or a clause break.
bool ReportInClause(const FigureWords& words, const Document& doc, const Sentence& sentence,
                    uint32_t from) {
  for (uint32_t k = from; k < sentence.token_end; ++k) {
    if (k > from && ClauseBreak(doc, doc.tokens[k - 1], doc.tokens[k])) return false;
    if (words.earlier_reports.Contains(doc.tokens[k].lower)) return true;
  }
  return false;
}

// The first token of a figure in its sentence, or the sentence's end.
uint32_t FirstToken(const Document& doc, const Sentence& sentence, const FigureMention& m) {
  uint32_t k = sentence.token_begin;
  while (k < sentence.token_end && doc.tokens[k].span.begin < m.span.begin) ++k;
  return k;
}

// Whether a marker stands before figure `i` in its clause, within
// kMarkerWindow tokens, with no other figure of its key between them, and a
// report word in its clause.
bool AfterMarker(const FigureWords& words, const Document& doc, size_t first, size_t i,
                 const std::vector<ScannedFigure>& figures) {
  const FigureMention& m = figures[i].mention;
  if (m.sentence >= doc.sentences.size()) return false;
  const Sentence& sentence = doc.sentences[m.sentence];
  const uint32_t at = FirstToken(doc, sentence, m);
  // Where the nearest figure of the same key before it in the sentence ends.
  size_t fence = sentence.span.begin;
  for (size_t j = first; j < i; ++j) {
    const FigureMention& o = figures[j].mention;
    if (o.sentence == m.sentence && o.what_key == m.what_key && o.span.end <= m.span.begin) {
      fence = std::max<size_t>(fence, o.span.end);
    }
  }
  for (uint32_t k = at; k > sentence.token_begin && at - k < kMarkerWindow; --k) {
    const Token& t = doc.tokens[k - 1];
    if (t.span.begin < fence) return false;
    if (k < sentence.token_end && ClauseBreak(doc, t, doc.tokens[k])) return false;
    const uint32_t marker = MarkerEndingAt(words, doc, sentence, k - 1);
    if (marker != UINT32_MAX && ReportInClause(words, doc, sentence, marker)) return true;
  }
  return false;
}

}  // namespace

void MarkEarlierFigures(const FigureWords& words, const Document& doc, size_t first,
                        std::vector<ScannedFigure>* figures) {
  if (words.earlier_markers.empty()) return;
  std::vector<ScannedFigure>& f = *figures;
  // Step 1: the figures after a marker.
  std::vector<bool> marked(f.size(), false);
  for (size_t i = first; i < f.size(); ++i) {
    marked[i] = !f[i].mention.what_key.empty() && AfterMarker(words, doc, first, i, f);
  }
  // Step 2: of those, the ones whose document gives another value of their
  // quantity after no marker (the new count).
  for (size_t i = first; i < f.size(); ++i) {
    if (!marked[i]) continue;
    const FigureMention& m = f[i].mention;
    for (size_t j = first; j < f.size() && !f[i].mention.earlier; ++j) {
      const FigureMention& o = f[j].mention;
      f[i].mention.earlier = !marked[j] && o.what_key == m.what_key && o.unit == m.unit &&
                             (o.value != m.value || o.value_high != m.value_high);
    }
  }
}

}  // namespace dossier
