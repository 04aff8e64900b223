#include "brief/figure_report.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "util/strings.h"

namespace dossier {
namespace {

bool IsCasualty(const std::string& what) {
  return what == "killed" || what == "injured" || what == "missing" || what == "evacuated";
}

// Figure groups worth a reader's attention: reported by two sources or more.
// A group keyed only by a generic unit ("minute", "percent") may hold
// unrelated quantities, so instead of calling it a conflict it is split
// into sets of mutually compatible mentions.
// A casualty group ("killed") can mix the tolls of different events (224 on
// a plane, 130 in Paris). Mentions are split by magnitude: sorted by value,
// a new part starts where a value exceeds the previous one by more than
// FigureExtractor::kSameQuantityRatio, unless the part holds the same
// report's count of the other kind (earlier against current). Each part is one quantity, in
// conflict when two sources give incompatible values (2 vs 3 dead), consistent when they differ but
// can both be true (over 300,000 and more than 200,000).
std::vector<FigureGroup> SplitByMagnitude(const FigureGroup& g, bool approximate_agrees) {
  std::vector<FigureMention> sorted = g.mentions;
  std::stable_sort(
      sorted.begin(), sorted.end(),
      [](const FigureMention& a, const FigureMention& b) { return a.value < b.value; });
  std::vector<FigureGroup> parts;
  // A report that gives a count as earlier and another as its own says they
  // are one quantity at two times ("rose to seven; earlier, four were
  // reported"): no split between them, whatever their ratio.
  auto revised_in = [](const FigureGroup& part, const FigureMention& m) {
    return std::any_of(part.mentions.begin(), part.mentions.end(), [&](const FigureMention& o) {
      return o.document == m.document && o.earlier != m.earlier;
    });
  };
  for (const FigureMention& m : sorted) {
    if (parts.empty() ||
        (m.value > parts.back().mentions.back().value * FigureExtractor::kSameQuantityRatio &&
         !revised_in(parts.back(), m))) {
      parts.push_back({g.what, g.unit, m.value, FigureGroup::Status::kAgree, {}});
    }
    parts.back().mentions.push_back(m);
  }
  for (FigureGroup& part : parts) {
    std::map<double, size_t> votes;
    for (const FigureMention* a : CurrentMentions(part.mentions)) ++votes[a->value];
    part.status = FigureExtractor::Verdict(part.mentions, approximate_agrees);
    size_t best = 0;
    for (const auto& [value, n] : votes) {
      if (n > best) best = n, part.value = value;
    }
    // Back in document order.
    std::stable_sort(part.mentions.begin(), part.mentions.end(),
                     [](const FigureMention& a, const FigureMention& b) {
                       return a.document != b.document ? a.document < b.document
                                                       : a.span.begin < b.span.begin;
                     });
  }
  return parts;
}

// How telling a figure of one source is: +3 a casualty count; +2 a measure
// (money, percent, distance, speed: any unit but a duration); +1 a deadline
// or bound ("within six months", "more than", "-plus"); +1 a value of 10 or
// more; -2 a bare count of three or fewer things ("two meetings"); -1 a
// duration without "within" ("ten years").
// Money and measures of one key are one quantity even in conflict (Group());
// other conflicting groups may hold unrelated quantities.
bool Measured(const FigureExtractor& figures, const FigureGroup& g) {
  const bool common =
      g.unit.empty() || g.unit == "people" || g.unit == "percent" || figures.IsDuration(g.unit);
  return !g.what_key.empty() && !common;
}

int SingleFigureScore(const FigureExtractor& figures, const FigureGroup& g) {
  const FigureMention& m = g.mentions.front();
  const bool duration = figures.IsDuration(m.unit);
  int score = 0;
  if (IsCasualty(g.what)) score += 3;
  if (!m.unit.empty() && !duration && m.unit != "people") score += 2;
  if (!m.qualifier.empty() && m.qualifier != "about") score += 1;
  if (m.value >= 10) score += 1;
  if (m.unit.empty() && m.value <= 3) score -= 2;
  if (duration && m.qualifier != "within") score -= 1;
  return score;
}

// The tokens of `m`'s sentence that its span covers: [*first, *last].
bool FigureTokens(const Document& doc, const FigureMention& m, uint32_t* first, uint32_t* last) {
  if (m.sentence >= doc.sentences.size()) return false;
  const Sentence& s = doc.sentences[m.sentence];
  *first = UINT32_MAX;
  for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
    const Token& t = doc.tokens[k];
    if (t.span.begin >= m.span.begin && t.span.end <= m.span.end) {
      if (*first == UINT32_MAX) *first = k;
      *last = k;
    }
  }
  return *first != UINT32_MAX;
}

// Punctuation between two tokens that ends a phrase.
bool BreakBetween(const Document& doc, uint32_t a, uint32_t b) {
  const std::string_view gap(doc.text.data() + doc.tokens[a].span.end,
                             doc.tokens[b].span.begin - doc.tokens[a].span.end);
  return gap.find_first_of(",;:()[]\"") != std::string_view::npos ||
         gap.find("\xE2\x80\x93") != std::string_view::npos ||  // en dash
         gap.find("\xE2\x80\x94") != std::string_view::npos ||  // em dash
         gap.find(" - ") != std::string_view::npos || gap.find('.') != std::string_view::npos;
}

std::string Slice(const Document& doc, uint32_t first, uint32_t last) {
  return CollapseWhitespace(std::string_view(doc.text).substr(
      doc.tokens[first].span.begin, doc.tokens[last].span.end - doc.tokens[first].span.begin));
}

// A casualty figure's label: the people it counts, the casualty, and where
// or in what ("people killed in the country's civil war").
std::string CasualtyLabel(const FigureLabelWords& words, const Document& doc,
                          const FigureMention& m, uint32_t last) {
  const Sentence& s = doc.sentences[m.sentence];
  const Token& end = doc.tokens[last];
  std::string noun = words.people;
  if (!end.is_number && !end.is_stopword && !words.not_noun.Contains(end.lower)) {
    noun = end.lower;
  }
  // The phrase after the casualty word (or after the figure, when the word
  // comes first: "killing all 224 people on board").
  uint32_t from = last;
  for (uint32_t k = last + 1; k < s.token_end && k <= last + 8; ++k) {
    if (BreakBetween(doc, k - 1, k)) break;
    if (words.casualty.Contains(doc.tokens[k].lower)) {
      from = k;
      break;
    }
  }
  const std::string* name = words.CasualtyName(m.what);
  std::string label = name != nullptr ? *name : noun + " " + m.what;
  const uint32_t p = from + 1;
  if (p < s.token_end && !BreakBetween(doc, from, p) && words.place.Contains(doc.tokens[p].lower)) {
    uint32_t q = p;
    while (q + 1 < s.token_end && q + 1 <= p + 5 && !BreakBetween(doc, q, q + 1) &&
           !words.clause.Contains(doc.tokens[q + 1].lower)) {
      ++q;
    }
    // A label in the language's own words (a casualty name) ends on a
    // content word: "feridos no despiste de um autocarro", not "... da".
    while (name != nullptr && q > p && doc.tokens[q].is_stopword) --q;
    label += " " + Slice(doc, p, q);
  }
  return label;
}

// A count of people that a verb right before or after it names
// (figure_labels.txt people-verb: "проживают около 35 тыс. человек" ->
// "жители"); "" when none does.
std::string PeopleVerbLabel(const FigureLabelWords& words, const Document& doc,
                            const FigureMention& m, uint32_t first, uint32_t last) {
  const Sentence& s = doc.sentences[m.sentence];
  if (first > s.token_begin && !BreakBetween(doc, first - 1, first)) {
    if (const std::string* name = words.PeopleVerbName(doc.tokens[first - 1].lower)) return *name;
  }
  if (last + 1 < s.token_end && !BreakBetween(doc, last, last + 1)) {
    if (const std::string* name = words.PeopleVerbName(doc.tokens[last + 1].lower)) return *name;
  }
  return "";
}

// A figure's clause, when nothing names what it counts: the words around it
// to the nearest punctuation or clause word, at most six before and eight
// after ("the election needs to take place within 18 months").
std::string ClauseLabel(const FigureLabelWords& words, const Document& doc, const FigureMention& m,
                        uint32_t first, uint32_t last) {
  const Sentence& s = doc.sentences[m.sentence];
  uint32_t b = first;
  while (b > s.token_begin && b > first - 6 && !BreakBetween(doc, b - 1, b) &&
         !words.clause.Contains(doc.tokens[b - 1].lower)) {
    --b;
  }
  uint32_t e = last;
  while (e + 1 < s.token_end && e + 1 <= last + 8 && !BreakBetween(doc, e, e + 1) &&
         !words.clause.Contains(doc.tokens[e + 1].lower)) {
    ++e;
  }
  return Slice(doc, b, e);
}

}  // namespace

std::string FigureLabel(const FigureExtractor& figures, const Document& doc,
                        const FigureMention& m) {
  uint32_t first = 0, last = 0;
  if (!FigureTokens(doc, m, &first, &last)) return m.what;
  if (IsCasualty(m.what)) return CasualtyLabel(figures.label_words(), doc, m, last);
  if (const std::string* name = figures.label_words().MeasureName(m.what_key)) return *name;
  if (m.what.empty() || m.what == m.unit) {
    if (m.unit == "people") {
      std::string name = PeopleVerbLabel(figures.label_words(), doc, m, first, last);
      if (!name.empty()) return name;
    }
    return ClauseLabel(figures.label_words(), doc, m, first, last);
  }
  return m.what;
}

std::string GroupLabel(const FigureExtractor& figures, const Cluster& cluster,
                       const FigureGroup& g) {
  // A measure of a topic the language names ("burnt": the area burnt) is
  // named by it, whatever noun its mentions are of ("pinar").
  if (const std::string* name = figures.label_words().MeasureName(g.what_key)) return *name;
  // A named quantity keeps the group's name.
  if (!IsCasualty(g.what) && !g.what.empty() && g.what != g.unit) return g.what;
  std::map<std::string, size_t> votes;
  std::string best;
  size_t best_votes = 0;
  for (const FigureMention& m : g.mentions) {
    const std::string label = FigureLabel(figures, cluster.documents[m.document], m);
    const size_t n = ++votes[label];
    // The most frequent; among equals the fuller (it says more).
    if (n > best_votes || (n == best_votes && label.size() > best.size())) {
      best = label;
      best_votes = n;
    }
  }
  return best.empty() ? g.what : best;
}

// Figure groups worth a reader's attention: `out`, those reported by two
// sources or more; `single`, those of one source that say what they count.
void ReportableFigures(const FigureExtractor& figures, std::vector<FigureGroup> groups,
                       std::vector<FigureGroup>* multi, std::vector<FigureGroup>* single) {
  std::vector<FigureGroup>& out = *multi;
  auto keep = [&](FigureGroup&& g) {
    if (g.DocumentCount() >= 2) {
      out.push_back(std::move(g));
    } else if (!g.what.empty()) {
      single->push_back(std::move(g));
    }
  };
  for (FigureGroup& g : groups) {
    if (IsCasualty(g.what)) {
      for (FigureGroup& part : SplitByMagnitude(g, figures.approximate_agrees()))
        keep(std::move(part));
    } else if (g.status == FigureGroup::Status::kConflict && !Measured(figures, g)) {
      std::vector<FigureGroup> parts;
      for (const FigureMention& m : g.mentions) {
        FigureGroup* home = nullptr;
        for (FigureGroup& part : parts) {
          bool fits = true;
          for (const FigureMention& other : part.mentions) {
            fits = fits && FigureExtractor::Compatible(m, other);
          }
          if (fits) {
            home = &part;
            break;
          }
        }
        if (home == nullptr) {
          parts.push_back({g.what, g.unit, m.value, FigureGroup::Status::kAgree, {}});
          home = &parts.back();
        }
        home->mentions.push_back(m);
      }
      for (FigureGroup& part : parts) {
        part.status = FigureExtractor::Verdict(part.mentions, figures.approximate_agrees());
        keep(std::move(part));
      }
    } else {
      keep(std::move(g));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const FigureGroup& a, const FigureGroup& b) {
    const bool ca = a.status == FigureGroup::Status::kConflict;
    const bool cb = b.status == FigureGroup::Status::kConflict;
    if (ca != cb) return ca;
    if (IsCasualty(a.what) != IsCasualty(b.what)) return IsCasualty(a.what);
    return a.DocumentCount() > b.DocumentCount();
  });
  // One source's figures, the telling ones first (SingleFigureScore), then
  // in reading order; small counts of things ("two meetings") are dropped.
  std::vector<std::pair<int, FigureGroup>> scored;
  for (FigureGroup& g : *single) {
    const int score = SingleFigureScore(figures, g);
    if (score >= 1) scored.emplace_back(score, std::move(g));
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    const FigureMention& x = a.second.mentions.front();
    const FigureMention& y = b.second.mentions.front();
    return std::tie(x.document, x.span.begin) < std::tie(y.document, y.span.begin);
  });
  single->clear();
  for (auto& [score, g] : scored) single->push_back(std::move(g));
}

}  // namespace dossier
