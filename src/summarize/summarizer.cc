// Summarizer: candidate scoring (one function per method), budgeted
// selection, reading order and citations.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>
#include <unordered_map>
#include <unordered_set>

#include "dossier/summary.h"
#include "represent/sentence_model.h"
#include "represent/sentence_trims.h"
#include "summarize/concept_search.h"
#include "util/data_files.h"
#include "util/radix_sort.h"
#include "util/sorted.h"
#include "util/strings.h"

namespace dossier {

struct Summarizer::Impl {
  SummaryOptions options;
  WordList dangling_openers;
  SentenceTrimmer trimmer;
};

namespace {

constexpr double kRedundancyCosine = 0.6;  // a sentence this close to a chosen one adds nothing

// ---- Graph methods ------------------------------------------------------------

// PageRank over a weighted undirected graph given as adjacency lists.
std::vector<double> PageRank(const std::vector<std::vector<std::pair<uint32_t, double>>>& graph) {
  const size_t n = graph.size();
  std::vector<double> rank(n, n ? 1.0 / static_cast<double>(n) : 0.0), next(n);
  std::vector<double> out_weight(n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (const auto& [j, w] : graph[i]) out_weight[i] += w;
  }
  constexpr double kDamping = 0.85;
  for (int iter = 0; iter < 100; ++iter) {
    std::fill(next.begin(), next.end(), (1 - kDamping) / static_cast<double>(n));
    double dangling = 0;
    for (size_t i = 0; i < n; ++i) {
      if (out_weight[i] <= 0) {
        dangling += rank[i];
        continue;
      }
      for (const auto& [j, w] : graph[i]) next[j] += kDamping * rank[i] * w / out_weight[i];
    }
    for (double& r : next) r += kDamping * dangling / static_cast<double>(n);
    double delta = 0;
    for (size_t i = 0; i < n; ++i) delta += std::fabs(next[i] - rank[i]);
    rank.swap(next);
    if (delta < 1e-7) break;
  }
  return rank;
}

// Pairs of candidates sharing a term, each once (a < b), via the postings.
template <typename Fn>
void ForEachOverlappingPair(const SentenceModel& m, Fn fn) {
  const size_t n = m.candidates().size();
  std::vector<uint32_t> seen(n, UINT32_MAX);
  for (uint32_t a = 0; a < n; ++a) {
    for (const auto& [t, w] : m.candidates()[a].tfidf) {
      for (uint32_t b : m.postings()[t]) {
        if (b <= a || seen[b] == a) continue;
        seen[b] = a;
        fn(a, b);
      }
    }
  }
}

std::vector<double> LexRankScores(const SentenceModel& m) {
  constexpr double kThreshold = 0.1;
  std::vector<std::vector<std::pair<uint32_t, double>>> graph(m.candidates().size());
  ForEachOverlappingPair(m, [&](uint32_t a, uint32_t b) {
    double c = m.Cosine(a, b);
    if (c > kThreshold) {
      graph[a].emplace_back(b, c);
      graph[b].emplace_back(a, c);
    }
  });
  return PageRank(graph);
}

std::vector<double> TextRankScores(const SentenceModel& m) {
  std::vector<std::vector<std::pair<uint32_t, double>>> graph(m.candidates().size());
  std::vector<std::vector<uint32_t>> sets(m.candidates().size());
  for (size_t i = 0; i < sets.size(); ++i) {
    sets[i] = m.candidates()[i].terms;
    std::sort(sets[i].begin(), sets[i].end());
    sets[i].erase(std::unique(sets[i].begin(), sets[i].end()), sets[i].end());
  }
  ForEachOverlappingPair(m, [&](uint32_t a, uint32_t b) {
    const auto& x = sets[a];
    const auto& y = sets[b];
    const size_t common = CountCommonSorted(x, y);
    double denom = std::log(static_cast<double>(m.candidates()[a].terms.size()) + 1) +
                   std::log(static_cast<double>(m.candidates()[b].terms.size()) + 1);
    if (common == 0 || denom <= 0) return;
    double w = static_cast<double>(common) / denom;
    graph[a].emplace_back(b, w);
    graph[b].emplace_back(a, w);
  });
  return PageRank(graph);
}

// The cluster centroid over tf-idf (sum of sentence vectors).
std::vector<double> Centroid(const SentenceModel& m, double* norm) {
  std::vector<double> c(m.vocabulary_size(), 0);
  for (const Candidate& s : m.candidates()) {
    for (const auto& [t, w] : s.tfidf) c[t] += w;
  }
  double n2 = 0;
  for (double v : c) n2 += v * v;
  *norm = std::sqrt(n2);
  return c;
}

// MEAD-style centroid score: centroid value + position + overlap with the
// first sentence of its document.
std::vector<double> CentroidScores(const SentenceModel& m) {
  double norm = 0;
  std::vector<double> centroid = Centroid(m, &norm);
  const auto& cs = m.candidates();
  std::vector<double> centroid_value(cs.size(), 0);
  double cmax = 0;
  for (size_t i = 0; i < cs.size(); ++i) {
    centroid_value[i] = m.CosineWithDense(i, centroid, norm);
    cmax = std::max(cmax, centroid_value[i]);
  }
  std::vector<size_t> first_of_doc(m.num_documents(), SIZE_MAX);
  std::vector<size_t> count_of_doc(m.num_documents(), 0);
  for (size_t i = 0; i < cs.size(); ++i) {
    if (first_of_doc[cs[i].document] == SIZE_MAX) first_of_doc[cs[i].document] = i;
    ++count_of_doc[cs[i].document];
  }
  std::vector<double> score(cs.size());
  for (size_t i = 0; i < cs.size(); ++i) {
    const double n = static_cast<double>(count_of_doc[cs[i].document]);
    const double position = (n - cs[i].position) / n * cmax;
    const double first = m.Cosine(i, first_of_doc[cs[i].document]);
    score[i] = centroid_value[i] + position + first;
  }
  return score;
}

// ---- Selection -------------------------------------------------------------------

// Chosen candidates: an index below candidates().size() is a whole
// sentence, candidates().size() + t the trimmed sentence trims()[t].
struct Selection {
  std::vector<size_t> chosen;
  int words = 0;  // budget used (words or bytes + 1 each)
  SummarySearch search = SummarySearch::kGreedy;
  uint64_t nodes = 0;
};

const Candidate& ItemOf(const SentenceModel& m, size_t i) {
  const size_t n = m.candidates().size();
  return i < n ? m.candidates()[i] : m.trims()[i - n];
}

// The whole sentence an item is (or trims).
size_t WholeOf(const SentenceModel& m, size_t i) {
  const size_t n = m.candidates().size();
  return i < n ? i : static_cast<size_t>(m.trims()[i - n].trim_of);
}

bool RedundantWith(const SentenceModel& m, size_t i, const std::vector<size_t>& chosen,
                   double threshold) {
  for (size_t j : chosen) {
    if (m.Cosine(i, j) >= threshold) return true;
  }
  return false;
}

// Takes candidates in the given order while they fit, skipping redundant ones.
Selection TakeInOrder(const SentenceModel& m, const std::vector<size_t>& order, int budget,
                      double redundancy) {
  Selection sel;
  for (size_t i : order) {
    const Candidate& c = m.candidates()[i];
    if (!c.eligible || sel.words + c.cost > budget) continue;
    if (redundancy < 1 && RedundantWith(m, i, sel.chosen, redundancy)) continue;
    sel.chosen.push_back(i);
    sel.words += c.cost;
  }
  return sel;
}

Selection SelectByScore(const SentenceModel& m, const std::vector<double>& score, int budget) {
  std::vector<size_t> order(score.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return score[a] > score[b]; });
  return TakeInOrder(m, order, budget, kRedundancyCosine);
}

Selection SelectLead(const SentenceModel& m, int budget) {
  std::vector<size_t> order(m.candidates().size());
  std::iota(order.begin(), order.end(), 0);
  return TakeInOrder(m, order, budget, 1.0);
}

Selection SelectRoundRobin(const SentenceModel& m, int budget) {
  std::vector<size_t> order(m.candidates().size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Candidate& x = m.candidates()[a];
    const Candidate& y = m.candidates()[b];
    return x.position != y.position ? x.position < y.position : x.document < y.document;
  });
  return TakeInOrder(m, order, budget, 1.0);
}

Selection SelectMmr(const SentenceModel& m, int budget) {
  constexpr double kLambda = 0.7;
  double norm = 0;
  std::vector<double> centroid = Centroid(m, &norm);
  const auto& cs = m.candidates();
  std::vector<double> relevance(cs.size());
  for (size_t i = 0; i < cs.size(); ++i) relevance[i] = m.CosineWithDense(i, centroid, norm);
  std::vector<double> max_sim(cs.size(), 0);
  std::vector<bool> used(cs.size(), false);
  Selection sel;
  while (true) {
    size_t best = SIZE_MAX;
    double best_score = -1e300;
    for (size_t i = 0; i < cs.size(); ++i) {
      if (used[i] || !cs[i].eligible || sel.words + cs[i].cost > budget) continue;
      double s = kLambda * relevance[i] - (1 - kLambda) * max_sim[i];
      if (s > best_score) best_score = s, best = i;
    }
    if (best == SIZE_MAX) break;
    used[best] = true;
    sel.chosen.push_back(best);
    sel.words += cs[best].cost;
    for (size_t i = 0; i < cs.size(); ++i) {
      if (!used[i]) max_sim[i] = std::max(max_sim[i], m.Cosine(i, best));
    }
  }
  return sel;
}

// How central each document is: the cosine of its tf-idf sum with the sum
// of all the other documents', scaled to mean 1 (all 1 for one document).
// Sparse: linear in the cluster's terms.
std::vector<double> DocumentCentrality(const SentenceModel& m) {
  const size_t docs = m.num_documents();
  std::vector<double> weight(docs, 1.0);
  if (m.num_included_documents() < 2) return weight;
  std::vector<std::unordered_map<uint32_t, double>> doc_vectors(docs);
  std::vector<double> total(m.vocabulary_size(), 0);
  for (const Candidate& c : m.candidates()) {
    for (const auto& [t, w] : c.tfidf) {
      doc_vectors[c.document][t] += w;
      total[t] += w;
    }
  }
  double total_norm2 = 0;
  for (double v : total) total_norm2 += v * v;
  double sum = 0;
  for (size_t d = 0; d < docs; ++d) {
    if (!m.included(static_cast<uint32_t>(d))) continue;
    double dot = 0, own2 = 0, rest2 = total_norm2;
    for (const auto& [t, v] : doc_vectors[d]) {
      const double rest = total[t] - v;
      dot += v * rest;
      own2 += v * v;
      rest2 += rest * rest - total[t] * total[t];
    }
    weight[d] = (own2 > 0 && rest2 > 1e-12) ? dot / std::sqrt(own2 * rest2) : 0;
    sum += weight[d];
  }
  const double included = static_cast<double>(m.num_included_documents());
  for (size_t d = 0; d < docs; ++d) {
    if (m.included(static_cast<uint32_t>(d)))
      weight[d] = sum > 0 ? weight[d] * included / sum : 1.0;
  }
  return weight;
}

// The effective weights for a budget: short budgets use the short_* weights
// that are set (non-negative).
DossierWeights WeightsForBudget(const DossierWeights& w, bool short_budget) {
  DossierWeights e = w;
  if (!short_budget) return e;
  if (w.short_unigram_weight >= 0) e.unigram_weight = w.short_unigram_weight;
  if (w.short_position_decay > 0) e.position_decay = w.short_position_decay;
  if (w.short_single_source_factor >= 0) e.single_source_factor = w.short_single_source_factor;
  if (w.short_lead_prior >= 0) e.lead_prior = w.short_lead_prior;
  return e;
}

// Short budgets: the best set of whole or trimmed sentences by concept
// coverage (concept_search.h) among the best-scoring candidates, started
// from the greedy choice `sel`, which it replaces when it finds better.
// `fixed` leading entries of sel.chosen (the events' sentences) stay.
void SearchShortBudget(const SentenceModel& m, int budget, const DossierWeights& p,
                       const std::vector<std::vector<uint32_t>>& concepts,
                       const std::vector<double>& weight, const std::vector<double>& bonus,
                       const std::vector<double>& single_score, size_t fixed, Selection* sel) {
  const auto& cs = m.candidates();
  const size_t n = cs.size();
  const size_t max_items = static_cast<size_t>(std::clamp(p.exact_candidates, 1.0, 64.0));
  // Concepts the fixed sentences cover weigh nothing; the rest of the budget is free.
  CoverageProblem problem;
  problem.weight = weight;
  int used = 0;
  std::vector<bool> taken(n, false);
  std::vector<size_t> fixed_sentences;
  for (size_t f = 0; f < fixed; ++f) {
    for (uint32_t k : concepts[sel->chosen[f]]) problem.weight[k] = 0;
    used += ItemOf(m, sel->chosen[f]).cost;
    taken[WholeOf(m, sel->chosen[f])] = true;
    fixed_sentences.push_back(WholeOf(m, sel->chosen[f]));
  }
  problem.budget = budget - used;
  // The pool: whole sentences by their greedy score, each with its trimmed version.
  std::vector<std::vector<size_t>> trims_of(n);
  for (size_t t = 0; t < m.trims().size(); ++t) {
    trims_of[static_cast<size_t>(m.trims()[t].trim_of)].push_back(n + t);
  }
  std::vector<size_t> order;
  for (size_t i = 0; i < n; ++i) {
    if (cs[i].eligible && !cs[i].dangling && !taken[i] && single_score[i] > 0 &&
        cs[i].words >= p.short_min_words && (p.short_quotes > 0 || !cs[i].quoted) &&
        !RedundantWith(m, i, fixed_sentences, p.redundancy_cosine)) {
      order.push_back(i);
    }
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return single_score[a] > single_score[b]; });
  std::vector<size_t> pool;
  for (size_t i : order) {
    if (pool.size() + 1 + trims_of[i].size() > max_items) break;
    if (cs[i].cost <= problem.budget) pool.push_back(i);
    for (size_t t : trims_of[i]) {
      if (ItemOf(m, t).cost <= problem.budget) pool.push_back(t);
    }
  }
  if (pool.empty()) return;
  for (size_t item : pool) {
    problem.concepts.push_back(concepts[item]);
    problem.bonus.push_back(bonus[WholeOf(m, item)]);
    problem.cost.push_back(ItemOf(m, item).cost);
  }
  problem.excludes.assign(pool.size(), 0);
  for (size_t a = 0; a < pool.size(); ++a) {
    for (size_t b = a + 1; b < pool.size(); ++b) {
      const size_t wa = WholeOf(m, pool[a]), wb = WholeOf(m, pool[b]);
      if (wa == wb || m.Cosine(wa, wb) >= p.redundancy_cosine) {
        problem.excludes[a] |= uint64_t{1} << b;
        problem.excludes[b] |= uint64_t{1} << a;
      }
    }
  }
  // The greedy choice as the start when the pool holds it; else it competes at the end.
  std::vector<uint32_t> start;
  bool greedy_in_pool = true;
  for (size_t k = fixed; k < sel->chosen.size() && greedy_in_pool; ++k) {
    auto it = std::find(pool.begin(), pool.end(), sel->chosen[k]);
    if (it == pool.end())
      greedy_in_pool = false;
    else
      start.push_back(static_cast<uint32_t>(it - pool.begin()));
  }
  if (!greedy_in_pool) start.clear();
  CoverageLimits limits;
  limits.node_limit = static_cast<uint64_t>(std::max(1.0, p.exact_node_limit));
  limits.seconds = p.exact_time_ms / 1000.0;
  const CoverageResult r = MaximizeCoverage(problem, start, limits);
  sel->search = r.complete ? SummarySearch::kExact : SummarySearch::kCapped;
  sel->nodes = r.nodes;
  if (!greedy_in_pool) {
    // The greedy set's value under the same objective.
    std::vector<bool> seen(weight.size(), false);
    double greedy_value = 0;
    for (size_t k = fixed; k < sel->chosen.size(); ++k) {
      const size_t item = sel->chosen[k];
      greedy_value += bonus[WholeOf(m, item)];
      for (uint32_t c : concepts[item]) {
        if (!seen[c]) greedy_value += problem.weight[c];
        seen[c] = true;
      }
    }
    if (r.value <= greedy_value + 1e-9) return;
  }
  sel->chosen.resize(fixed);
  sel->words = used;
  for (uint32_t k : r.chosen) {
    sel->chosen.push_back(pool[k]);
    sel->words += problem.cost[k];
  }
}

// The concepts of every item (whole sentences, then trimmed ones) as dense
// ids: a content stem is its term id; a stem bigram gets vocabulary_size +
// its rank among the cluster's distinct bigrams (a bigram made across a cut
// that no sentence has is no concept).
std::vector<std::vector<uint32_t>> ItemConcepts(const SentenceModel& m, size_t* num_concepts) {
  const auto& cs = m.candidates();
  const uint32_t vocab = static_cast<uint32_t>(m.vocabulary_size());
  std::vector<uint64_t> bigram_keys;
  for (const Candidate& c : cs)
    bigram_keys.insert(bigram_keys.end(), c.bigrams.begin(), c.bigrams.end());
  RadixSortByKey(&bigram_keys, [](uint64_t k) { return k; });
  bigram_keys.erase(std::unique(bigram_keys.begin(), bigram_keys.end()), bigram_keys.end());
  *num_concepts = vocab + bigram_keys.size();
  const size_t num_items = cs.size() + m.trims().size();
  std::vector<std::vector<uint32_t>> concepts(num_items);
  for (uint32_t i = 0; i < num_items; ++i) {
    const Candidate& c = ItemOf(m, i);
    std::vector<uint32_t>& ids = concepts[i];
    ids.reserve(c.terms.size() + c.bigrams.size());
    for (uint32_t t : c.terms) ids.push_back(t);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    // c.bigrams is sorted: walk it along the sorted key list.
    auto from = bigram_keys.begin();
    for (uint64_t key : c.bigrams) {
      from = std::lower_bound(from, bigram_keys.end(), key);
      if (from == bigram_keys.end()) break;
      if (*from != key) continue;
      ids.push_back(vocab + static_cast<uint32_t>(from - bigram_keys.begin()));
    }
  }
  return concepts;
}

// Ours. Concepts are the content-word stems and the stem bigrams of the
// cluster; a concept is worth the number of documents that report it, more
// when they report it early and when the document is central to the cluster. Sentences are chosen
// greedily by the weight of the concepts they add (each concept counts once: coverage, hence no
// repetition) per word, plus a lead prior, with a penalty for sentences
// that would open on an unresolved pronoun or connective. With events to
// cover (`candidate_event`, `required_events`), each required event first
// gets its best sentence (the same score, among its documents' sentences:
// the one saying most of what the whole pile reports); with one event or
// none this changes nothing. Short budgets then search for the best set
// (SearchShortBudget).
Selection SelectDossier(const SentenceModel& m, int budget, const DossierWeights& p,
                        bool short_budget, const std::vector<int32_t>& candidate_event,
                        const std::vector<int32_t>& required_events) {
  const double kUnigramWeight = p.unigram_weight;
  const double kPositionDecay = p.position_decay;
  const double kLeadPrior = p.lead_prior;
  const double kDanglingPenalty = p.dangling_penalty;
  const double kLengthExponent = p.length_exponent;
  const double kSingleSourceFactor = p.single_source_factor;
  const auto& cs = m.candidates();
  const double docs = static_cast<double>(m.num_included_documents());
  std::vector<double> doc_weight = DocumentCentrality(m);
  for (double& w : doc_weight) w = (1 - p.document_centrality) + p.document_centrality * w;

  const uint32_t vocab = static_cast<uint32_t>(m.vocabulary_size());
  size_t num_concepts = 0;
  const std::vector<std::vector<uint32_t>> concepts = ItemConcepts(m, &num_concepts);
  // A concept is worth, per document reporting it, more when the document
  // mentions it early and when the document is central. Sentences come in
  // document order, so the first mention per document is the earliest.
  std::vector<double> weight(num_concepts, 0);
  std::vector<uint32_t> last_doc(num_concepts, 0);  // the last document counted, + 1
  std::vector<uint32_t> reports(num_concepts, 0);   // documents reporting it
  for (uint32_t i = 0; i < cs.size(); ++i) {
    const Candidate& c = cs[i];
    const double value = (1.0 + 1.0 / (1.0 + static_cast<double>(c.position) / kPositionDecay)) *
                         doc_weight[c.document];
    for (uint32_t k : concepts[i]) {
      if (last_doc[k] == c.document + 1) continue;
      last_doc[k] = c.document + 1;
      ++reports[k];
      weight[k] += (k < vocab ? kUnigramWeight : 1.0) * value;
    }
  }
  // Concepts reported by one document only matter less in a multi-document cluster.
  if (docs > 1) {
    for (size_t k = 0; k < num_concepts; ++k) {
      if (weight[k] > 0 && weight[k] < 2.5 * (k < vocab ? kUnigramWeight : 1.0)) {
        weight[k] *= kSingleSourceFactor;
      }
    }
  }
  // Short budgets: agreement counts more than linearly (a concept four
  // documents report outweighs two concepts two documents report each).
  if (short_budget && p.short_agreement_exponent != 1) {
    for (double& w : weight) w = std::pow(w, p.short_agreement_exponent);
  }
  if (short_budget && p.short_min_documents > 1) {
    for (size_t k = 0; k < num_concepts; ++k) {
      if (reports[k] < p.short_min_documents) weight[k] = 0;
    }
  }
  std::vector<bool> covered(num_concepts, false);
  std::vector<bool> chosen_sentence(cs.size(), false);
  std::vector<double> bonus(cs.size());
  for (size_t i = 0; i < cs.size(); ++i) {
    bonus[i] = kLeadPrior * docs / (1.0 + static_cast<double>(cs[i].position));
  }
  auto score_of = [&](size_t i) {
    const Candidate& c = cs[i];
    double gain = bonus[i];
    for (uint32_t k : concepts[i]) {
      if (!covered[k]) gain += weight[k];
    }
    // An opener that needs the previous sentence, when that one is not chosen.
    if (c.dangling && !(i > 0 && chosen_sentence[i - 1] && cs[i - 1].document == c.document)) {
      gain *= kDanglingPenalty;
    }
    return gain / std::pow(static_cast<double>(std::max(c.words, 1)), kLengthExponent);
  };
  Selection sel;
  auto choose = [&](size_t i) {
    chosen_sentence[i] = true;
    sel.chosen.push_back(i);
    sel.words += cs[i].cost;
    for (uint32_t k : concepts[i]) covered[k] = true;
  };
  // Events first: each required event's best sentence that fits.
  if (required_events.size() > 1) {
    for (int32_t event : required_events) {
      size_t best = SIZE_MAX;
      double best_score = 0;
      for (size_t i = 0; i < cs.size(); ++i) {
        if (candidate_event[i] != event || !cs[i].eligible || chosen_sentence[i] ||
            sel.words + cs[i].cost > budget) {
          continue;
        }
        const double score = score_of(i);
        if (score > best_score && !RedundantWith(m, i, sel.chosen, p.redundancy_cosine)) {
          best_score = score, best = i;
        }
      }
      if (best != SIZE_MAX) choose(best);
    }
  }
  const size_t fixed = sel.chosen.size();
  std::vector<double> single_score;
  if (short_budget) {
    single_score.resize(cs.size());
    for (size_t i = 0; i < cs.size(); ++i) single_score[i] = score_of(i);
  }
  // Lazy greedy (Minoux): scores only fall as concepts get covered, so a
  // candidate whose fresh score still tops every stale one is the best. The
  // one exception, a dangling opener whose previous sentence gets chosen,
  // is re-queued with its new score.
  struct Entry {
    double score;
    uint32_t index;
    bool operator<(const Entry& o) const {
      return score != o.score ? score < o.score : index > o.index;  // max score, then first
    }
  };
  std::priority_queue<Entry> queue;
  for (uint32_t i = 0; i < cs.size(); ++i) {
    if (cs[i].eligible && !chosen_sentence[i] && cs[i].cost <= budget) {
      queue.push({score_of(i), i});
    }
  }
  while (!queue.empty()) {
    Entry top = queue.top();
    queue.pop();
    const Candidate& c = cs[top.index];
    if (chosen_sentence[top.index] || sel.words + c.cost > budget) continue;
    const double fresh = score_of(top.index);
    if (!queue.empty() && fresh < queue.top().score) {
      queue.push({fresh, top.index});
      continue;
    }
    if (fresh <= 0) break;
    if (RedundantWith(m, top.index, sel.chosen, p.redundancy_cosine)) continue;
    choose(top.index);
    const size_t next = top.index + 1;
    if (next < cs.size() && cs[next].dangling && cs[next].document == c.document &&
        cs[next].eligible && !chosen_sentence[next]) {
      queue.push({score_of(next), static_cast<uint32_t>(next)});
    }
  }
  if (short_budget) {
    SearchShortBudget(m, budget, p, concepts, weight, bonus, single_score, fixed, &sel);
  }
  return sel;
}

// ---- Citations and order ---------------------------------------------------------

Span SourceSpan(const Document& doc, Span s) { return doc.map.ToOriginal(s); }

}  // namespace

Status SetDossierWeight(DossierWeights* w, std::string_view name, double value) {
  struct Field {
    const char* name;
    double DossierWeights::*member;
  };
  static constexpr Field kFields[] = {
      {"unigram_weight", &DossierWeights::unigram_weight},
      {"position_decay", &DossierWeights::position_decay},
      {"lead_prior", &DossierWeights::lead_prior},
      {"dangling_penalty", &DossierWeights::dangling_penalty},
      {"length_exponent", &DossierWeights::length_exponent},
      {"single_source_factor", &DossierWeights::single_source_factor},
      {"document_centrality", &DossierWeights::document_centrality},
      {"redundancy_cosine", &DossierWeights::redundancy_cosine},
      {"short_budget_words", &DossierWeights::short_budget_words},
      {"exact_candidates", &DossierWeights::exact_candidates},
      {"exact_node_limit", &DossierWeights::exact_node_limit},
      {"exact_time_ms", &DossierWeights::exact_time_ms},
      {"trim", &DossierWeights::trim},
      {"short_unigram_weight", &DossierWeights::short_unigram_weight},
      {"short_position_decay", &DossierWeights::short_position_decay},
      {"short_single_source_factor", &DossierWeights::short_single_source_factor},
      {"short_lead_prior", &DossierWeights::short_lead_prior},
      {"short_min_documents", &DossierWeights::short_min_documents},
      {"short_min_words", &DossierWeights::short_min_words},
      {"short_quotes", &DossierWeights::short_quotes},
      {"short_agreement_exponent", &DossierWeights::short_agreement_exponent},
      {"trim_clauses", &DossierWeights::trim_clauses},
  };
  for (const Field& f : kFields) {
    if (name == f.name) {
      w->*f.member = value;
      return Status::Ok();
    }
  }
  std::string names;
  for (const Field& f : kFields) names += std::string(names.empty() ? "" : ", ") + f.name;
  return Status(StatusCode::kInvalidArgument,
                "unknown weight \"" + std::string(name) + "\" (known: " + names + ")");
}

Result<SummaryMethod> ParseSummaryMethod(std::string_view name) {
  for (SummaryMethod m : AllSummaryMethods()) {
    if (name == SummaryMethodName(m)) return m;
  }
  return Status(StatusCode::kInvalidArgument,
                "unknown method \"" + std::string(name) +
                    "\" (expected dossier, lead, roundrobin, centroid, lexrank, textrank or mmr)");
}

const char* SummaryMethodName(SummaryMethod method) {
  switch (method) {
    case SummaryMethod::kDossier:
      return "dossier";
    case SummaryMethod::kLead:
      return "lead";
    case SummaryMethod::kRoundRobin:
      return "roundrobin";
    case SummaryMethod::kCentroid:
      return "centroid";
    case SummaryMethod::kLexRank:
      return "lexrank";
    case SummaryMethod::kTextRank:
      return "textrank";
    case SummaryMethod::kMmr:
      return "mmr";
  }
  return "dossier";
}

std::vector<SummaryMethod> AllSummaryMethods() {
  return {SummaryMethod::kDossier,  SummaryMethod::kLead,    SummaryMethod::kRoundRobin,
          SummaryMethod::kCentroid, SummaryMethod::kLexRank, SummaryMethod::kTextRank,
          SummaryMethod::kMmr};
}

const char* SummarySearchName(SummarySearch search) {
  switch (search) {
    case SummarySearch::kGreedy:
      return "greedy";
    case SummarySearch::kExact:
      return "exact";
    case SummarySearch::kCapped:
      return "capped";
  }
  return "greedy";
}

int CountSummaryWords(std::string_view text) { return static_cast<int>(CountWords(text)); }

std::string Summary::Text() const {
  std::string out;
  for (const SummarySentence& s : sentences) {
    if (!out.empty()) out += '\n';
    out += s.text;
  }
  return out;
}

Summarizer::Summarizer(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Summarizer::Summarizer(Summarizer&&) noexcept = default;
Summarizer& Summarizer::operator=(Summarizer&&) noexcept = default;
Summarizer::~Summarizer() = default;

const SummaryOptions& Summarizer::options() const { return impl_->options; }

Result<Summarizer> Summarizer::Create(const SummaryOptions& options) {
  if (options.max_words <= 0 || options.max_bytes < 0) {
    return Status(StatusCode::kInvalidArgument, "the word budget must be positive");
  }
  const DossierWeights& w = options.weights;
  if (!(w.position_decay > 0) || !(w.length_exponent >= 0) || !(w.unigram_weight >= 0) ||
      !(w.lead_prior >= 0) || !(w.dangling_penalty >= 0) || !(w.single_source_factor >= 0) ||
      !(w.document_centrality >= 0 && w.document_centrality <= 1) ||
      !(w.redundancy_cosine > 0 && w.redundancy_cosine <= 1) || !(w.exact_candidates >= 1) ||
      !(w.exact_node_limit >= 1) || !(w.exact_time_ms > 0) || !(w.short_agreement_exponent > 0)) {
    return Status(StatusCode::kInvalidArgument,
                  "weights out of range: position_decay > 0, document_centrality in [0,1], "
                  "redundancy_cosine in (0,1], exact_* >= 1, short_agreement_exponent > 0, "
                  "the others >= 0");
  }
  Result<WordList> openers =
      LoadWordList(options.data_dir, "en/dangling_openers.txt", /*lowercase=*/true);
  if (!openers.ok()) return openers.status();
  Result<SentenceTrimmer> trimmer =
      SentenceTrimmer::Create(options.data_dir, options.weights.trim_clauses > 0);
  if (!trimmer.ok()) return trimmer.status();
  return Summarizer(
      std::make_unique<Impl>(Impl{options, std::move(*openers), std::move(*trimmer)}));
}

Summary Summarizer::Summarize(const Cluster& cluster) const { return Summarize(cluster, nullptr); }

Summary Summarizer::Summarize(const Cluster& cluster, const SummaryPlan* plan) const {
  const SummaryOptions& o = impl_->options;
  // The budget: words, or bytes with one separator per sentence. Short
  // budgets (our method only) let trimmed sentences compete and search.
  const bool bytes = o.max_bytes > 0;
  const int budget = bytes ? o.max_bytes + 1 : o.max_words;
  const bool short_budget = o.method == SummaryMethod::kDossier &&
                            (bytes ? o.max_bytes / 6.0 : static_cast<double>(o.max_words)) <=
                                o.weights.short_budget_words;
  const bool trim = short_budget && o.weights.trim > 0;
  SentenceModel m = SentenceModel::Build(cluster, impl_->dangling_openers, plan,
                                         trim ? &impl_->trimmer : nullptr);
  if (bytes) m.UseByteCosts();
  const auto& cs = m.candidates();
  auto event_of_document = [&](uint32_t d) -> int32_t {
    return plan != nullptr && d < plan->event.size() ? plan->event[d] : -1;
  };
  std::vector<int32_t> candidate_event(cs.size());
  for (size_t i = 0; i < cs.size(); ++i) candidate_event[i] = event_of_document(cs[i].document);
  static const std::vector<int32_t> kNoEvents;
  Selection sel;
  switch (o.method) {
    case SummaryMethod::kLead:
      sel = SelectLead(m, budget);
      break;
    case SummaryMethod::kRoundRobin:
      sel = SelectRoundRobin(m, budget);
      break;
    case SummaryMethod::kCentroid:
      sel = SelectByScore(m, CentroidScores(m), budget);
      break;
    case SummaryMethod::kLexRank:
      sel = SelectByScore(m, LexRankScores(m), budget);
      break;
    case SummaryMethod::kTextRank:
      sel = SelectByScore(m, TextRankScores(m), budget);
      break;
    case SummaryMethod::kMmr:
      sel = SelectMmr(m, budget);
      break;
    case SummaryMethod::kDossier:
      sel = SelectDossier(m, budget, WeightsForBudget(o.weights, short_budget), short_budget,
                          candidate_event, plan != nullptr ? plan->required_events : kNoEvents);
      break;
  }
  // Reading order: lead and round-robin keep their own order; the others read
  // like a story: event by event in time order, then earlier parts of
  // articles first, then by article.
  if (o.method != SummaryMethod::kLead && o.method != SummaryMethod::kRoundRobin) {
    std::stable_sort(sel.chosen.begin(), sel.chosen.end(), [&](size_t a, size_t b) {
      const Candidate& x = cs[WholeOf(m, a)];
      const Candidate& y = cs[WholeOf(m, b)];
      // Events in time order; sentences of no event (-1) after them.
      const uint32_t ex = static_cast<uint32_t>(candidate_event[WholeOf(m, a)]);
      const uint32_t ey = static_cast<uint32_t>(candidate_event[WholeOf(m, b)]);
      if (ex != ey) return ex < ey;
      if (x.document == y.document) return x.position < y.position;
      if (x.relative_position != y.relative_position) {
        return x.relative_position < y.relative_position;
      }
      return x.document < y.document;
    });
  }
  Summary summary;
  summary.method = o.method;
  summary.search = sel.search;
  summary.search_nodes = sel.nodes;
  std::vector<uint32_t> seen(cs.size(), 0);  // candidate j compared with chosen i: seen[j] == i + 1
  for (size_t item : sel.chosen) {
    const size_t i = WholeOf(m, item);
    const Candidate& c = cs[i];
    const Document& doc = cluster.documents[c.document];
    const Sentence& s = doc.sentences[c.sentence];
    SummarySentence line;
    line.document = c.document;
    line.sentence = c.sentence;
    line.span = s.span;
    line.source_span = SourceSpan(doc, s.span);
    if (item == i) {
      line.text = std::string(s.span.Slice(doc.text));
    } else {
      // A trimmed sentence cites the pieces it keeps.
      line.parts = ItemOf(m, item).parts;
      for (Span p : line.parts) {
        line.text += p.Slice(doc.text);
        line.source_parts.push_back(SourceSpan(doc, p));
      }
    }
    summary.words += ItemOf(m, item).words;
    summary.bytes += static_cast<int>(line.text.size());
    line.event = candidate_event[i];
    // Support: the most similar sentence of every other document, if similar enough.
    std::vector<std::pair<double, size_t>> best(cluster.documents.size(), {0.0, SIZE_MAX});
    std::vector<double> contained(cluster.documents.size(), 0.0);
    for (const auto& [t, w] : c.tfidf) {
      for (uint32_t j : m.postings()[t]) {
        if (cs[j].document == c.document || seen[j] == i + 1) continue;
        seen[j] = static_cast<uint32_t>(i + 1);
        // Similar as a whole, or holding a fact of the summary sentence
        // (containment: the shared terms' share of each vector's mass).
        const SentenceModel::Overlap ov = m.Compare(i, j);
        if (ov.cosine < o.support_threshold &&
            (ov.shared < o.support_min_shared || ov.mass_b < o.support_contained ||
             ov.mass_a < o.support_covered)) {
          continue;
        }
        auto& b = best[cs[j].document];
        if (ov.cosine > b.first) {
          b = {ov.cosine, j};
          contained[cs[j].document] = ov.mass_b;
        }
      }
    }
    for (uint32_t d = 0; d < best.size(); ++d) {
      if (best[d].second == SIZE_MAX) continue;
      const Candidate& other = cs[best[d].second];
      const Document& odoc = cluster.documents[other.document];
      Support sup;
      sup.document = other.document;
      sup.sentence = other.sentence;
      sup.span = odoc.sentences[other.sentence].span;
      sup.source_span = SourceSpan(odoc, sup.span);
      sup.similarity = best[d].first;
      sup.contained = contained[d];
      line.support.push_back(sup);
    }
    line.independent_sources = line.support.size() + 1;
    summary.sentences.push_back(std::move(line));
  }
  return summary;
}

}  // namespace dossier
