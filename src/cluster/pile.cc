#include "cluster/pile.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <numeric>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "cluster/near_duplicates.h"
#include "util/dates.h"
#include "util/sorted.h"
#include "util/union_find.h"

namespace dossier {
namespace {

constexpr int64_t kNoDay = std::numeric_limits<int64_t>::min();
// Past this many reports, the story's links use each report's heaviest terms
// only (the exact all-pairs cosine grows with the square of the pile).
constexpr size_t kExactPairsLimit = 1000;
constexpr size_t kTruncatedTerms = 40;
// Up to this many vectors, pairs are compared directly, not through an index.
constexpr size_t kDirectPairsLimit = 64;
// A lead expression dates the report's event when it lies this many days or
// fewer before the publication date ("yesterday", "on Tuesday" written on a
// Thursday); further back, a lead's date is usually background.
constexpr int64_t kLeadLookbackDays = 2;
constexpr uint32_t kLeadSentences = 3;
// Containment is checked pair by pair up to this many documents.
constexpr uint32_t kExactCopyLimit = 300;
// A copy's text this much longer than its group's original replaces it as
// the original (the other is a trimmed reprint).
constexpr double kFullerText = 1.1;
// Documents of this many tokens or more are compared on a sample of their
// shingles (1 in kShingleSampleMask + 1).
constexpr size_t kSampledFromTokens = 600;
constexpr uint64_t kShingleSampleMask = 3;
// A document needs this many shingles to count as a copy by containment.
constexpr size_t kMinCopyShingles = 20;

int64_t DayOf(std::string_view iso) {
  if (iso.size() != 10) return kNoDay;
  CivilDate d;
  if (!ParseDate(iso, &d) || !d.valid()) return kNoDay;
  return DaysFromCivil(d.year, d.month, d.day);
}

std::string IsoOf(int64_t day) { return CivilFromDays(day).ToIso(); }

// Step 1: copy groups and their originals.
void FindCopies(const Cluster& cluster, const PileOptions& options,
                const std::vector<int64_t>& days, std::vector<PileDocument>* docs) {
  const uint32_t n = static_cast<uint32_t>(cluster.documents.size());
  UnionFind groups(n);
  if (n > kExactCopyLimit) {
    // A large pile: MinHash near-duplicates, as `dossier cluster` finds them.
    NearDuplicateIndex index({.threshold = options.copy_threshold});
    for (uint32_t d = 0; d < n; ++d) {
      if (std::optional<uint32_t> rep = index.Add(cluster.documents[d])) groups.Unite(*rep, d);
    }
  } else {
    // A small pile: the same shingles compared exactly, pair by pair: the
    // Jaccard similarity the MinHash signature estimates, and containment
    // (a trimmed reprint inside a longer document).
    // Long documents are compared on a fixed 1-in-4 sample of their
    // shingles (sorting every shingle of a long transcript costs more than
    // the rest of the pile analysis); a pair of short ones on all of them.
    struct Shingled {
      std::vector<uint64_t> full;    // every shingle; empty for a long document
      std::vector<uint64_t> sample;  // the 1-in-4 sample
      size_t count = 0;              // shingles (estimated for a long one)
    };
    std::vector<Shingled> shingled(n);
    for (uint32_t d = 0; d < n && n > 1; ++d) {
      const std::vector<uint64_t> tokens = NearDuplicateIndex::TokenHashes(cluster.documents[d]);
      Shingled& s = shingled[d];
      if (tokens.size() < kSampledFromTokens) {
        s.full = NearDuplicateIndex::Shingles(tokens);
        s.count = s.full.size();
        std::copy_if(s.full.begin(), s.full.end(), std::back_inserter(s.sample),
                     [](uint64_t h) { return (h & kShingleSampleMask) == 0; });
      } else {
        s.sample = NearDuplicateIndex::Shingles(tokens, kShingleSampleMask);
        s.count = s.sample.size() * (kShingleSampleMask + 1);
      }
    }
    for (uint32_t a = 0; a < n; ++a) {
      if (shingled[a].count == 0) continue;
      for (uint32_t b = 0; b < n; ++b) {
        const Shingled& x = shingled[a];
        const Shingled& y = shingled[b];
        if (a == b || y.count < x.count || (y.count == x.count && b < a) ||
            groups.Find(a) == groups.Find(b)) {
          continue;
        }
        const bool exact = !x.full.empty() && !y.full.empty();
        const std::vector<uint64_t>& xs = exact ? x.full : x.sample;
        const std::vector<uint64_t>& ys = exact ? y.full : y.sample;
        if (xs.empty()) continue;
        const double shared = static_cast<double>(CountCommonSorted(xs, ys));
        const double jaccard = shared / static_cast<double>(xs.size() + ys.size() - shared);
        const bool contained = x.count >= kMinCopyShingles &&
                               shared >= options.copy_containment * static_cast<double>(xs.size());
        if (jaccard >= options.copy_threshold || contained) groups.Unite(a, b);
      }
    }
  }
  std::vector<uint32_t> original(n, UINT32_MAX);  // per group root
  std::vector<size_t> members(n, 0);
  for (uint32_t d = 0; d < n; ++d) {
    const uint32_t root = groups.Find(d);
    ++members[root];
    uint32_t& o = original[root];
    if (o == UINT32_MAX) {
      o = d;
      continue;
    }
    // A clearly fuller text (a trimmed reprint copies it; an expanded
    // version holds the first one), else the earliest dated, else the first
    // given: a copy never holds text its original lacks.
    const int64_t a = days[d], b = days[o];
    const bool earlier = a != kNoDay && (b == kNoDay || a < b);
    const double mine = static_cast<double>(cluster.documents[d].tokens.size());
    const double theirs = static_cast<double>(cluster.documents[o].tokens.size());
    const bool fuller = mine > kFullerText * theirs;
    const bool shorter = theirs > kFullerText * mine;
    if (fuller || (earlier && !shorter)) o = d;
  }
  for (uint32_t d = 0; d < n; ++d) {
    const uint32_t o = original[groups.Find(d)];
    if (o != d) (*docs)[d].copy_of = static_cast<int32_t>(o);
  }
}

TermVector Truncate(const TermVector& v, size_t keep) {
  if (v.size() <= keep) return v;
  TermVector top = v;
  std::nth_element(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(keep), top.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  top.resize(keep);
  std::sort(top.begin(), top.end());
  return top;
}

// Cosines of every pair of `vectors` that share a term, as a callback
// fn(a, b, cosine) with a < b, through an inverted index.
template <typename Fn>
void ForEachLinkedPair(const std::vector<TermVector>& vectors, Fn fn) {
  // A few vectors: every pair directly (cheaper than an index).
  if (vectors.size() <= kDirectPairsLimit) {
    for (uint32_t a = 0; a < vectors.size(); ++a) {
      for (uint32_t b = a + 1; b < vectors.size(); ++b) {
        const double c = Cosine(vectors[a], vectors[b]);
        if (c > 0) fn(a, b, c);
      }
    }
    return;
  }
  std::unordered_map<uint64_t, std::vector<std::pair<uint32_t, float>>> postings;
  for (uint32_t i = 0; i < vectors.size(); ++i) {
    for (const auto& [hash, w] : vectors[i]) postings[hash].emplace_back(i, w);
  }
  std::vector<double> row(vectors.size(), 0);
  std::vector<uint32_t> touched;
  for (uint32_t a = 0; a < vectors.size(); ++a) {
    touched.clear();
    for (const auto& [hash, wa] : vectors[a]) {
      for (const auto& [b, wb] : postings[hash]) {
        if (b <= a) continue;
        if (row[b] == 0) touched.push_back(b);
        row[b] += static_cast<double>(wa) * wb;
      }
    }
    std::sort(touched.begin(), touched.end());
    for (uint32_t b : touched) {
      fn(a, b, row[b]);
      row[b] = 0;
    }
  }
}

// What a report is about: the names (words capitalized away from a
// sentence's start) and numbers it holds. News has them; a page notice
// captured instead of an article has few.
size_t Anchors(const Document& doc) {
  size_t n = 0;
  for (const Sentence& s : doc.sentences) {
    for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
      const Token& t = doc.tokens[k];
      if (t.is_number || (k > s.token_begin && !t.is_stopword && t.span.begin < doc.text.size() &&
                          doc.text[t.span.begin] >= 'A' && doc.text[t.span.begin] <= 'Z')) {
        ++n;
      }
    }
  }
  return n;
}

// Step 4: the day a dated report's news happened.
int64_t EventDay(const Document& doc, int64_t published, const std::vector<TimeExpression>& times) {
  if (published == kNoDay) return kNoDay;
  uint32_t lead_end = 0, counted = 0;
  for (uint32_t s = 0; s < doc.sentences.size() && counted < kLeadSentences; ++s) {
    lead_end = s + 1;
    if (!doc.sentences[s].fragment) ++counted;
  }
  for (const TimeExpression& x : times) {
    if (x.sentence >= lead_end) break;
    if (x.future || x.date.size() != 10 || x.kind == "deadline" || x.precision == "approximate") {
      continue;
    }
    const int64_t day = DayOf(x.date);
    if (day != kNoDay && day <= published && day >= published - kLeadLookbackDays) return day;
  }
  return published;
}

// Step 6: may this undated report take `day`?
bool TextSupportsDate(const Document& doc, const std::vector<TimeExpression>& times,
                      const std::string& day) {
  bool written_as_of_a_day = doc.is_transcript();
  for (const TimeExpression& x : times) {
    if (x.kind == "relative" || x.kind == "deictic") written_as_of_a_day = true;
    if (x.resolved_from == "text" && !x.future && !x.date.empty() &&
        x.date > day.substr(0, x.date.size())) {
      return false;  // it names a later day or month
    }
  }
  return written_as_of_a_day;
}

struct Agglomeration {
  std::vector<std::vector<uint32_t>> members;  // report positions
  std::vector<int64_t> first, last;            // event days of dated members
};

// Step 5: average-link groups of the story's reports, merging only within
// the date span.
Agglomeration GroupEvents(const std::vector<std::vector<float>>& sim,
                          const std::vector<int64_t>& days, double link, int64_t span) {
  const size_t m = sim.size();
  Agglomeration g;
  g.members.resize(m);
  g.first.assign(m, kNoDay);
  g.last.assign(m, kNoDay);
  std::vector<std::vector<double>> sum(m, std::vector<double>(m, 0));
  std::vector<bool> alive(m, true);
  for (size_t i = 0; i < m; ++i) {
    g.members[i] = {static_cast<uint32_t>(i)};
    g.first[i] = g.last[i] = days[i];
    for (size_t j = 0; j < m; ++j) sum[i][j] = i == j ? 0 : sim[i][j];
  }
  auto merged_span_ok = [&](size_t a, size_t b) {
    if (g.first[a] == kNoDay || g.first[b] == kNoDay) return true;
    return std::max(g.last[a], g.last[b]) - std::min(g.first[a], g.first[b]) <= span;
  };
  while (true) {
    double best = -1;
    size_t ba = 0, bb = 0;
    for (size_t a = 0; a < m; ++a) {
      if (!alive[a]) continue;
      for (size_t b = a + 1; b < m; ++b) {
        if (!alive[b]) continue;
        const double avg =
            sum[a][b] / static_cast<double>(g.members[a].size() * g.members[b].size());
        if (avg > best && avg >= link && merged_span_ok(a, b)) best = avg, ba = a, bb = b;
      }
    }
    if (best < 0) break;
    g.members[ba].insert(g.members[ba].end(), g.members[bb].begin(), g.members[bb].end());
    g.members[bb].clear();
    alive[bb] = false;
    if (g.first[bb] != kNoDay) {
      g.first[ba] = g.first[ba] == kNoDay ? g.first[bb] : std::min(g.first[ba], g.first[bb]);
      g.last[ba] = g.last[ba] == kNoDay ? g.last[bb] : std::max(g.last[ba], g.last[bb]);
    }
    for (size_t k = 0; k < m; ++k) {
      sum[ba][k] += sum[bb][k];
      sum[k][ba] = sum[ba][k];
    }
  }
  Agglomeration out;
  for (size_t a = 0; a < m; ++a) {
    if (!alive[a]) continue;
    std::sort(g.members[a].begin(), g.members[a].end());
    out.members.push_back(std::move(g.members[a]));
    out.first.push_back(g.first[a]);
    out.last.push_back(g.last[a]);
  }
  return out;
}

// Events by date alone, for piles past max_event_reports: dated reports in
// date order, a new event where the span would pass `span`; undated reports
// join the event whose centroid is closest.
Agglomeration GroupEventsByDate(const std::vector<int64_t>& days,
                                const std::vector<const TermVector*>& vectors, int64_t span) {
  const size_t m = days.size();
  std::vector<uint32_t> dated, undated;
  for (uint32_t i = 0; i < m; ++i) (days[i] == kNoDay ? undated : dated).push_back(i);
  std::stable_sort(dated.begin(), dated.end(),
                   [&](uint32_t a, uint32_t b) { return days[a] < days[b]; });
  Agglomeration g;
  for (uint32_t i : dated) {
    if (g.members.empty() || days[i] - g.first.back() > span) {
      g.members.push_back({});
      g.first.push_back(days[i]);
      g.last.push_back(days[i]);
    }
    g.members.back().push_back(i);
    g.last.back() = days[i];
  }
  if (g.members.empty() && !undated.empty()) {
    g.members.push_back({});
    g.first.push_back(kNoDay);
    g.last.push_back(kNoDay);
  }
  std::vector<TermVector> centroids;
  for (const auto& members : g.members) {
    std::vector<const TermVector*> vs;
    for (uint32_t i : members) vs.push_back(vectors[i]);
    centroids.push_back(Centroid(vs));
  }
  for (uint32_t i : undated) {
    size_t best = 0;
    double best_cos = -1;
    for (size_t e = 0; e < centroids.size(); ++e) {
      const double c = Cosine(*vectors[i], centroids[e]);
      if (c > best_cos) best_cos = c, best = e;
    }
    g.members[best].push_back(i);
  }
  for (auto& members : g.members) std::sort(members.begin(), members.end());
  return g;
}

// The main story: the largest group of linked reports (names and numbers
// break a tie); the reports outside it are set aside with their reason.
// Returns, per report, whether it is in the main story.
std::vector<bool> MainStory(const Cluster& cluster, const std::vector<uint32_t>& reports,
                            UnionFind* story, bool keep_matrix,
                            const std::vector<std::vector<float>>& sim,
                            const std::vector<double>& best_link, Pile* out) {
  Pile& pile = *out;
  const size_t r = reports.size();
  std::vector<size_t> size(r, 0), anchors(r, 0), words(r, 0);
  size_t largest = 0;
  for (size_t i = 0; i < r; ++i) {
    const uint32_t root = story->Find(static_cast<uint32_t>(i));
    largest = std::max(largest, ++size[root]);
    words[root] += cluster.documents[reports[i]].tokens.size();
  }
  // Names and numbers break a tie between the largest groups only (one more
  // pass over their tokens).
  size_t tied = 0;
  for (uint32_t i = 0; i < r; ++i) tied += story->Find(i) == i && size[i] == largest;
  for (size_t i = 0; i < r && tied > 1; ++i) {
    const uint32_t root = story->Find(static_cast<uint32_t>(i));
    if (size[root] == largest) anchors[root] += Anchors(cluster.documents[reports[i]]);
  }
  uint32_t main = 0;
  for (uint32_t i = 0; i < r; ++i) {
    if (story->Find(i) != i) continue;
    if (std::tie(size[i], anchors[i], words[i]) >
        std::tie(size[main], anchors[main], words[main])) {
      main = i;
    }
  }
  // A main story of one report is no story: when no two reports link,
  // nothing says which one the pile is about, so none is set aside.
  std::vector<bool> in_story(r, true);
  if (size[main] >= 2) {
    for (uint32_t i = 0; i < r; ++i) in_story[i] = story->Find(i) == main;
  } else {
    pile.unrelated = r >= 2;
  }
  for (uint32_t i = 0; i < r; ++i) {
    if (in_story[i]) continue;
    PileDocument& doc = pile.documents[reports[i]];
    doc.set_aside = true;
    const uint32_t root = story->Find(i);
    std::string others;
    for (uint32_t j = 0; j < r; ++j) {
      if (j != i && story->Find(j) == root) {
        others += (others.empty() ? "" : ", ") + std::to_string(reports[j] + 1);
      }
    }
    char best[16];
    double best_main = 0;
    for (uint32_t j = 0; j < r && keep_matrix; ++j) {
      if (in_story[j]) best_main = std::max(best_main, static_cast<double>(sim[i][j]));
    }
    std::snprintf(best, sizeof best, "%.2f", keep_matrix ? best_main : best_link[i]);
    doc.set_aside_reason =
        std::string("not about the main story: its words match no report of it (best ") +
        (keep_matrix ? "similarity " : "link ") + best + ")" +
        (others.empty() ? "" : "; it shares a story with document(s) " + others);
  }
  return in_story;
}

// The events in order (dated ones by first date, then undated ones by
// first report), each report's centrality in its event and in the story.
void OrderEvents(Agglomeration* agglomeration, const std::vector<int64_t>& event_days,
                 const std::vector<uint32_t>& story_pos, const std::vector<uint32_t>& reports,
                 bool keep_matrix, const std::vector<std::vector<float>>& sim, Pile* out) {
  Agglomeration& groups = *agglomeration;
  Pile& pile = *out;
  // The span of publication dates kept events apart; an event's dates are
  // the days its reports are about.
  for (size_t e = 0; e < groups.members.size(); ++e) {
    groups.first[e] = groups.last[e] = kNoDay;
    for (uint32_t k : groups.members[e]) {
      if (event_days[k] == kNoDay) continue;
      groups.first[e] =
          groups.first[e] == kNoDay ? event_days[k] : std::min(groups.first[e], event_days[k]);
      groups.last[e] = std::max(groups.last[e], event_days[k]);
    }
  }
  // Order: dated events by first date, then undated ones by first report.
  std::vector<size_t> order(groups.members.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const bool da = groups.first[a] != kNoDay, db = groups.first[b] != kNoDay;
    if (da != db) return da;
    if (da && groups.first[a] != groups.first[b]) return groups.first[a] < groups.first[b];
    return groups.members[a].front() < groups.members[b].front();
  });
  double best_story_centrality = -1;
  for (size_t e : order) {
    PileEvent event;
    const std::vector<uint32_t>& members = groups.members[e];
    event.reports = members.size();
    if (groups.first[e] != kNoDay) {
      event.first_date = IsoOf(groups.first[e]);
      event.last_date = IsoOf(groups.last[e]);
    }
    double best = -1;
    for (uint32_t k : members) {
      const uint32_t i = story_pos[k];
      const uint32_t d = reports[i];
      double mean = 0, story_mean = 0;
      for (uint32_t other : members) {
        if (other != k && keep_matrix) mean += sim[i][story_pos[other]];
      }
      for (uint32_t other : story_pos) {
        if (other != i && keep_matrix) story_mean += sim[i][other];
      }
      if (members.size() > 1) mean /= static_cast<double>(members.size() - 1);
      if (story_pos.size() > 1) story_mean /= static_cast<double>(story_pos.size() - 1);
      pile.documents[d].centrality = mean;
      pile.documents[d].story_centrality = story_mean;
      pile.documents[d].event = static_cast<int32_t>(pile.events.size());
      if (mean > best) best = mean, event.central = d;
      if (story_mean > best_story_centrality) best_story_centrality = story_mean, pile.central = d;
    }
    pile.events.push_back(std::move(event));
  }
}

}  // namespace

Result<PileAnalyzer> PileAnalyzer::Create(std::string_view data_dir, const PileOptions& options) {
  if (!(options.copy_threshold > 0 && options.copy_threshold <= 1) ||
      !(options.copy_containment > 0 && options.copy_containment <= 1) ||
      !(options.story_link >= 0 && options.story_link <= 1) ||
      !(options.story_link_far >= 0 && options.story_link_far <= 1) ||
      !(options.event_link >= 0 && options.event_link <= 1) || options.event_span_days < 0 ||
      options.far_days < 0 || !(options.event_name_weight > 0)) {
    return Status(StatusCode::kInvalidArgument,
                  "pile settings out of range: thresholds in [0,1] (copy ones above 0), days >= 0, "
                  "event_name_weight > 0");
  }
  Result<BackgroundIdf> idf = BackgroundIdf::Create(data_dir);
  if (!idf.ok()) return idf.status();
  return PileAnalyzer(std::move(*idf), options);
}

Pile PileAnalyzer::Analyze(const Cluster& cluster,
                           const std::vector<std::vector<TimeExpression>>& times) const {
  const uint32_t n = static_cast<uint32_t>(cluster.documents.size());
  Pile pile;
  pile.documents.resize(n);
  if (n == 0) return pile;
  static const std::vector<TimeExpression> kNone;
  auto times_of = [&](uint32_t d) -> const std::vector<TimeExpression>& {
    return d < times.size() ? times[d] : kNone;
  };
  std::vector<int64_t> published(n);
  for (uint32_t d = 0; d < n; ++d) {
    published[d] = DayOf(cluster.documents[d].date);
    pile.documents[d].date = cluster.documents[d].date;
  }

  // 1. Copies.
  FindCopies(cluster, options_, published, &pile.documents);
  std::vector<uint32_t> reports;  // originals, in input order
  for (uint32_t d = 0; d < n; ++d) {
    if (pile.documents[d].copy_of < 0) reports.push_back(d);
  }
  const size_t r = reports.size();

  // 2. Vectors; 3. links and the main story.
  // Plain vectors for the story's links; names weighted for events.
  std::vector<TermVector> vectors(r), named(r);
  const double weights[] = {1.0, options_.event_name_weight};
  for (size_t i = 0; i < r; ++i) {
    const Document& doc = cluster.documents[reports[i]];
    TermVector* out[] = {&vectors[i], &named[i]};
    idf_.Vectors(doc, 0, static_cast<uint32_t>(doc.sentences.size()), weights, out);
    if (r > kExactPairsLimit) vectors[i] = Truncate(vectors[i], kTruncatedTerms);
  }
  const bool keep_matrix = r <= options_.max_event_reports;
  std::vector<std::vector<float>> sim(keep_matrix ? r : 0, std::vector<float>(keep_matrix ? r : 0));
  UnionFind story(r);
  std::vector<double> best_link(r, 0);
  ForEachLinkedPair(vectors, [&](uint32_t a, uint32_t b, double c) {
    if (keep_matrix) sim[a][b] = sim[b][a] = static_cast<float>(c);
    best_link[a] = std::max(best_link[a], c);
    best_link[b] = std::max(best_link[b], c);
    const int64_t da = published[reports[a]], db = published[reports[b]];
    const bool far = da != kNoDay && db != kNoDay && std::llabs(da - db) > options_.far_days;
    if (c >= (far ? options_.story_link_far : options_.story_link)) {
      story.Unite(a, b);
    }
  });
  const std::vector<bool> in_story =
      MainStory(cluster, reports, &story, keep_matrix, sim, best_link, &pile);
  for (uint32_t d = 0; d < n; ++d) {
    PileDocument& doc = pile.documents[d];
    if (doc.copy_of >= 0) {
      doc.set_aside = pile.documents[static_cast<size_t>(doc.copy_of)].set_aside;
      if (doc.set_aside) doc.set_aside_reason = "a copy of a document set aside";
    }
    pile.set_aside += doc.set_aside;
  }

  // 4. Event dates of the story's reports.
  std::vector<uint32_t> story_pos;  // positions in `reports` of the story's reports
  for (uint32_t i = 0; i < r; ++i) {
    if (in_story[i]) story_pos.push_back(i);
  }
  pile.independent_reports = story_pos.size();
  std::vector<int64_t> event_days(story_pos.size()), published_days(story_pos.size());
  for (size_t k = 0; k < story_pos.size(); ++k) {
    const uint32_t d = reports[story_pos[k]];
    published_days[k] = published[d];
    event_days[k] = EventDay(cluster.documents[d], published[d], times_of(d));
    if (event_days[k] != kNoDay) pile.documents[d].event_date = IsoOf(event_days[k]);
  }

  // 5. Events.
  Agglomeration groups;
  if (keep_matrix) {
    // Participants and places weigh more in telling events apart.
    std::vector<TermVector> story_named(story_pos.size());
    for (size_t k = 0; k < story_pos.size(); ++k) story_named[k] = std::move(named[story_pos[k]]);
    std::vector<std::vector<float>> event_sim(story_pos.size(),
                                              std::vector<float>(story_pos.size()));
    ForEachLinkedPair(story_named, [&](uint32_t a, uint32_t b, double c) {
      event_sim[a][b] = event_sim[b][a] = static_cast<float>(c);
    });
    groups = GroupEvents(event_sim, published_days, options_.event_link, options_.event_span_days);
  } else {
    std::vector<const TermVector*> vs;
    for (uint32_t i : story_pos) vs.push_back(&vectors[i]);
    groups = GroupEventsByDate(published_days, vs, options_.event_span_days);
  }
  OrderEvents(&groups, event_days, story_pos, reports, keep_matrix, sim, &pile);
  for (uint32_t d = 0; d < n; ++d) {
    PileDocument& doc = pile.documents[d];
    if (doc.copy_of >= 0 && !doc.set_aside) {
      doc.event = pile.documents[static_cast<size_t>(doc.copy_of)].event;
    }
    if (doc.event >= 0) pile.events[static_cast<size_t>(doc.event)].documents.push_back(d);
  }

  {
    std::vector<const TermVector*> vs;
    for (uint32_t i : story_pos) vs.push_back(&vectors[i]);
    pile.centroid = Centroid(vs);
  }

  // 6. Inferred dates.
  for (uint32_t d = 0; d < n; ++d) {
    PileDocument& doc = pile.documents[d];
    if (doc.event < 0 || !doc.date.empty()) continue;
    const PileEvent& event = pile.events[static_cast<size_t>(doc.event)];
    const uint32_t text_of = doc.copy_of >= 0 ? static_cast<uint32_t>(doc.copy_of) : d;
    if (event.first_date.empty() ||
        !TextSupportsDate(cluster.documents[text_of], times_of(text_of), event.first_date)) {
      continue;
    }
    doc.date = event.first_date;
    doc.date_inferred = true;
  }
  return pile;
}

}  // namespace dossier
