// The briefing: summary plus who said what, grouped across documents.
#include "dossier/briefing.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <tuple>
#include <unordered_map>

#include "analyze/entities.h"
#include "analyze/figures.h"
#include "analyze/quotes.h"
#include "analyze/timeline.h"
#include "util/strings.h"

namespace dossier {
namespace {

// True when `shorter` is `longer`'s final words ("Kerry" of "John Kerry").
bool IsTailOf(std::string_view shorter, std::string_view longer) {
  return longer.size() > shorter.size() && longer.ends_with(shorter) &&
         longer[longer.size() - shorter.size() - 1] == ' ';
}

Citation Cite(const Cluster& cluster, uint32_t document, uint32_t sentence, Span span) {
  return {document, sentence, span, cluster.documents[document].map.ToOriginal(span)};
}

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

}  // namespace

std::vector<const TimelineEntry*> TopTimeline(const std::vector<TimelineEntry>& timeline,
                                              size_t count) {
  std::vector<const TimelineEntry*> top;
  for (const TimelineEntry& t : timeline) {
    if (!t.date.empty()) top.push_back(&t);
  }
  std::stable_sort(top.begin(), top.end(), [](const TimelineEntry* a, const TimelineEntry* b) {
    return a->weight > b->weight;
  });
  if (top.size() > count) top.resize(count);
  // Back to the timeline's order (by date).
  std::sort(top.begin(), top.end());
  return top;
}

struct Briefer::Impl {
  BriefOptions options;
  Summarizer summarizer;
  QuoteExtractor quotes;
  FigureExtractor figures;
  EntityExtractor entities;
  TimelineBuilder timeline;
};

Briefer::Briefer(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Briefer::Briefer(Briefer&&) noexcept = default;
Briefer& Briefer::operator=(Briefer&&) noexcept = default;
Briefer::~Briefer() = default;

Result<Briefer> Briefer::Create(const BriefOptions& options) {
  Result<Summarizer> summarizer = Summarizer::Create(options.summary);
  if (!summarizer.ok()) return summarizer.status();
  Result<QuoteExtractor> quotes = QuoteExtractor::Create(options.data_dir);
  if (!quotes.ok()) return quotes.status();
  Result<FigureExtractor> figures = FigureExtractor::Create(options.data_dir);
  if (!figures.ok()) return figures.status();
  Result<EntityExtractor> entities = EntityExtractor::Create(options.data_dir);
  if (!entities.ok()) return entities.status();
  Result<TimelineBuilder> timeline = TimelineBuilder::Create(options.data_dir);
  if (!timeline.ok()) return timeline.status();
  return Briefer(std::make_unique<Impl>(Impl{options, std::move(*summarizer), std::move(*quotes),
                                             std::move(*figures), std::move(*entities),
                                             std::move(*timeline)}));
}

Briefing Briefer::Brief(const Cluster& cluster) const {
  Briefing b;
  b.summary = impl_->summarizer.Summarize(cluster);
  for (const SummarySentence& line : b.summary.sentences) {
    std::vector<bool> row(cluster.documents.size(), false);
    row[line.document] = true;
    for (const Support& sup : line.support) row[sup.document] = true;
    b.coverage.push_back(std::move(row));
  }

  // Entities first: speakers are merged through them.
  std::vector<Entity> entities = impl_->entities.Extract(cluster);
  std::unordered_map<std::string, size_t> entity_of;  // lower-case name or alias -> entity
  for (size_t e = 0; e < entities.size(); ++e) {
    if (entities[e].type == "place") continue;
    entity_of.emplace(AsciiLower(entities[e].name), e);
    for (const std::string& a : entities[e].aliases) entity_of.emplace(AsciiLower(a), e);
  }

  // Quotes of every document, keyed by the speaker's name as the extractor
  // gave it (already the fullest form within its document).
  struct Group {
    std::map<std::string, size_t> roles;
    std::vector<QuoteRef> quotes;
  };
  std::vector<std::pair<std::string, Group>> groups;  // in order of first quote
  std::unordered_map<std::string, size_t> index;
  for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
    const Document& doc = cluster.documents[d];
    for (const Quote& q : impl_->quotes.Extract(doc)) {
      auto [it, added] = index.emplace(q.speaker, groups.size());
      if (added) groups.push_back({q.speaker, Group{}});
      Group& g = groups[it->second].second;
      if (!q.role.empty()) ++g.roles[q.role];
      g.quotes.push_back(
          {d, q.sentence, QuoteKindName(q.kind), q.span, doc.map.ToOriginal(q.span)});
    }
  }
  // Across documents, names of one speaker are merged (union-find) when
  //   - they are forms of one entity ("Obama", "Barack Obama"; "RTSO",
  //     "Regional Transit Safety Office"), or
  //   - one is the tail of exactly one longer name ("Kerry", "John Kerry").
  std::vector<size_t> parent(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) parent[i] = i;
  auto find = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  auto unite = [&](size_t a, size_t b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  };
  std::vector<size_t> entity(groups.size(), SIZE_MAX);
  std::unordered_map<size_t, size_t> first_group_of_entity;
  for (size_t i = 0; i < groups.size(); ++i) {
    auto it = entity_of.find(AsciiLower(groups[i].first));
    if (it == entity_of.end()) continue;
    entity[i] = it->second;
    auto [g, added] = first_group_of_entity.emplace(it->second, i);
    if (!added) unite(g->second, i);
  }
  for (size_t i = 0; i < groups.size(); ++i) {
    size_t found = SIZE_MAX;
    int matches = 0;
    for (size_t j = 0; j < groups.size(); ++j) {
      if (j != i && IsTailOf(groups[i].first, groups[j].first)) {
        found = j;
        ++matches;
      }
    }
    if (matches == 1) unite(i, found);
  }
  std::vector<SpeakerEntry> speakers(groups.size());
  std::vector<std::map<std::string, size_t>> roles(groups.size());
  std::vector<std::vector<std::string>> names(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) {
    const size_t t = find(i);
    SpeakerEntry& s = speakers[t];
    names[t].push_back(groups[i].first);
    Group& g = groups[i].second;
    s.quotes.insert(s.quotes.end(), g.quotes.begin(), g.quotes.end());
    for (const auto& [role, n] : g.roles) roles[t][role] += n;
    // The name: the entity's, when one of the names is a form of it and the
    // entity's name is at least as full; else the fullest name.
    if (entity[i] != SIZE_MAX) {
      const std::string& en = entities[entity[i]].name;
      if (s.name.empty() || CountWords(en, SIZE_MAX) > CountWords(s.name, SIZE_MAX)) s.name = en;
    }
  }
  for (size_t i = 0; i < groups.size(); ++i) {
    if (find(i) != i || speakers[i].quotes.empty()) continue;
    SpeakerEntry& s = speakers[i];
    for (const std::string& n : names[i]) {
      if (s.name.empty() || CountWords(n, SIZE_MAX) > CountWords(s.name, SIZE_MAX)) s.name = n;
    }
    for (const std::string& n : names[i]) {
      if (n != s.name && std::find(s.aliases.begin(), s.aliases.end(), n) == s.aliases.end()) {
        s.aliases.push_back(n);
      }
    }
    size_t best = 0;
    for (const auto& [role, n] : roles[i]) {
      if (n > best) best = n, s.role = role;
    }
    std::stable_sort(s.quotes.begin(), s.quotes.end(), [](const QuoteRef& a, const QuoteRef& b) {
      return a.document != b.document ? a.document < b.document : a.span.begin < b.span.begin;
    });
    std::vector<uint32_t> docs;
    for (const QuoteRef& q : s.quotes) {
      if (docs.empty() || docs.back() != q.document) docs.push_back(q.document);
    }
    s.sources = docs.size();
    b.speakers.push_back(std::move(s));
  }
  // Key figures.
  std::vector<FigureGroup> multi, single;
  ReportableFigures(impl_->figures.Group(cluster), &multi, &single);
  auto entry = [&](const FigureGroup& g, const char* status) {
    FigureEntry f;
    f.what = g.what;
    f.unit = g.unit;
    f.value = g.value;
    f.status = status != nullptr ? status : FigureStatusName(g.status);
    f.sources = g.DocumentCount();
    for (const FigureMention& m : g.mentions) {
      f.mentions.push_back(
          {Cite(cluster, m.document, m.sentence, m.span), m.value, m.value_high, m.qualifier});
    }
    return f;
  };
  for (const FigureGroup& g : multi) b.figures.push_back(entry(g, nullptr));
  for (const FigureGroup& g : single) b.single_source_figures.push_back(entry(g, "single"));
  // Entities.
  for (Entity& e : entities) {
    EntityEntry entry;
    entry.name = std::move(e.name);
    entry.type = std::move(e.type);
    entry.aliases = std::move(e.aliases);
    entry.mentions = e.mentions.size();
    entry.mentions_per_document = std::move(e.mentions_per_document);
    for (size_t i = 0; i < e.mentions.size() && i < 3; ++i) {
      const EntityMention& m = e.mentions[i];
      entry.first_mentions.push_back(Cite(
          cluster, m.document, cluster.documents[m.document].SentenceAt(m.span.begin), m.span));
    }
    b.entities.push_back(std::move(entry));
  }
  // Timeline.
  for (const TimelineEvent& ev : impl_->timeline.Build(cluster)) {
    TimelineEntry t;
    t.date = ev.date;
    t.text = ev.text;
    t.kind = ev.kind;
    t.future = ev.future;
    t.weight = ev.weight;
    for (const TimeExpression& x : ev.citations) {
      t.citations.push_back(Cite(cluster, x.document, x.sentence, x.span));
    }
    b.timeline.push_back(std::move(t));
  }
  std::stable_sort(b.speakers.begin(), b.speakers.end(),
                   [](const SpeakerEntry& a, const SpeakerEntry& b) {
                     if (a.sources != b.sources) return a.sources > b.sources;
                     return a.quotes.size() > b.quotes.size();
                   });
  return b;
}

}  // namespace dossier
