#include "brief/figure_report.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "util/strings.h"

namespace dossier {
namespace {

bool IsCasualty(const std::string& what) {
  return what == "killed" || what == "injured" || what == "missing";
}

// Figure groups worth a reader's attention: reported by two sources or more.
// A group keyed only by a generic unit ("minute", "percent") may hold
// unrelated quantities, so instead of calling it a conflict it is split
// into sets of mutually compatible mentions.
// A casualty group ("killed") can mix the tolls of different events (224 on
// a plane, 130 in Paris). Mentions are split by magnitude: sorted by value,
// a new part starts where a value exceeds the previous one by more than
// kSameQuantityRatio. Each part is one quantity, in conflict when two
// sources give incompatible values (2 vs 3 dead; over 300,000 vs more than
// 200,000).
constexpr double kSameQuantityRatio = 1.6;

std::vector<FigureGroup> SplitByMagnitude(const FigureGroup& g) {
  std::vector<FigureMention> sorted = g.mentions;
  std::stable_sort(
      sorted.begin(), sorted.end(),
      [](const FigureMention& a, const FigureMention& b) { return a.value < b.value; });
  std::vector<FigureGroup> parts;
  for (const FigureMention& m : sorted) {
    if (parts.empty() || m.value > parts.back().mentions.back().value * kSameQuantityRatio) {
      parts.push_back({g.what, g.unit, m.value, FigureGroup::Status::kAgree, {}});
    }
    parts.back().mentions.push_back(m);
  }
  for (FigureGroup& part : parts) {
    std::map<double, size_t> votes;
    for (const FigureMention& a : part.mentions) {
      ++votes[a.value];
      for (const FigureMention& b : part.mentions) {
        if (a.document != b.document && !FigureExtractor::Compatible(a, b)) {
          part.status = FigureGroup::Status::kConflict;
        }
      }
    }
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
int SingleFigureScore(const FigureGroup& g) {
  const FigureMention& m = g.mentions.front();
  static constexpr std::string_view kDurations[] = {"second", "minute", "hour",   "day",    "week",
                                                    "month",  "year",   "decade", "century"};
  const bool duration = IsOneOf(m.unit, kDurations);
  int score = 0;
  if (IsCasualty(g.what)) score += 3;
  if (!m.unit.empty() && !duration && m.unit != "people") score += 2;
  if (!m.qualifier.empty() && m.qualifier != "about") score += 1;
  if (m.value >= 10) score += 1;
  if (m.unit.empty() && m.value <= 3) score -= 2;
  if (duration && m.qualifier != "within") score -= 1;
  return score;
}

}  // namespace

// Figure groups worth a reader's attention: `out`, those reported by two
// sources or more; `single`, those of one source that say what they count.
void ReportableFigures(std::vector<FigureGroup> groups, std::vector<FigureGroup>* multi,
                       std::vector<FigureGroup>* single) {
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
      for (FigureGroup& part : SplitByMagnitude(g)) keep(std::move(part));
    } else if (g.status == FigureGroup::Status::kConflict) {
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
      for (FigureGroup& part : parts) keep(std::move(part));
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
    const int score = SingleFigureScore(g);
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
