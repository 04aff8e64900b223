// Extractive, cited multi-document summaries.
//
//   Result<Summarizer> s = Summarizer::Create({.method = SummaryMethod::kDossier,
//                                              .max_words = 250});
//   Summary summary = s->Summarize(cluster);   // cluster analysed by Pipeline
//   for (const SummarySentence& line : summary.sentences)
//     std::cout << line.text << "  [" << cluster.documents[line.document].id << " "
//               << line.source_span.begin << "-" << line.source_span.end << ", reported by "
//               << line.support.size() + 1 << " sources]\n";
//
// A summary is whole sentences of the cluster, at most `max_words` words in
// all (words counted as runs of non-space characters; or `max_bytes` bytes), in
// reading order. At short budgets our method may also take a sentence trimmed
// of an attribution tail, a parenthetical, a leading adverbial, a
// non-restrictive relative clause or an appositive after a name; such a line
// lists the pieces of the sentence it keeps (SummarySentence::parts).
// Every sentence cites its document and the bytes of the sentence in that
// document's original input, and lists the sentences of other documents
// that report the same content. Create() validates the options; Summarize()
// is const and thread-safe.
#ifndef DOSSIER_SUMMARY_H_
#define DOSSIER_SUMMARY_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"

namespace dossier {

enum class SummaryMethod {
  kDossier,     // ours: concept coverage with agreement and position priors
  kLead,        // the first sentences of the articles, in order
  kRoundRobin,  // sentence 1 of every article, then sentence 2, ...
  kCentroid,    // Radev et al. 2004: centroid + position + first-sentence overlap
  kLexRank,     // Erkan & Radev 2004: continuous LexRank over tf-idf cosine
  kTextRank,    // Mihalcea & Tarau 2004: PageRank over word-overlap similarity
  kMmr,         // Carbonell & Goldstein 1998: relevance to the centroid minus redundancy
};

// Parses "dossier", "lead", "roundrobin", "centroid", "lexrank", "textrank", "mmr".
Result<SummaryMethod> ParseSummaryMethod(std::string_view name);
const char* SummaryMethodName(SummaryMethod method);
std::vector<SummaryMethod> AllSummaryMethods();

// The weights of our method (SummaryMethod::kDossier), exposed for
// ablations (`dossier eval --set name=value`); docs/SUMMARIZER.md explains each.
struct DossierWeights {
  double unigram_weight = 0.5;        // a content stem counts this much of a bigram concept
  double position_decay = 8.0;        // early-mention bonus: 1 / (1 + position / decay)
  double lead_prior = 1.0;            // per-sentence prior: lead_prior * docs / (1 + position)
  double dangling_penalty = 0.5;      // gain factor for an opener needing the sentence before
  double length_exponent = 0.5;       // gain / words^exponent
  double single_source_factor = 0.2;  // concepts only one document reports
  double document_centrality = 1.0;   // 0: all documents equal; 1: weight by centrality
  double redundancy_cosine = 0.6;     // skip a sentence this close to a chosen one
  // Short budgets (docs/SUMMARIZER.md "Short budgets"): at most `short_budget_words`
  // words (a byte budget counts as bytes / 6 words), the summary is the best set of
  // whole or trimmed sentences by a branch-and-bound search over the
  // `exact_candidates` best-scoring candidates, started from the greedy choice
  // and stopped after `exact_node_limit` search nodes or `exact_time_ms`
  // milliseconds (then the best set found so far stands: Summary::search says so).
  double short_budget_words = 150;
  double exact_candidates = 40;
  double exact_node_limit = 200000;
  double exact_time_ms = 100;
  double trim = 1;  // short budgets: 1 lets trimmed sentences compete, 0 whole sentences only
  // Concept weights for short budgets, in place of the ones above (negative: the same;
  // short_position_decay was chosen on DUC 2003 half A, docs/SUMMARIZER.md).
  double short_unigram_weight = -1;
  double short_position_decay = 4;
  double short_single_source_factor = -1;
  double short_lead_prior = -1;
  double short_min_documents = 1;  // concepts fewer documents report weigh nothing
  double short_min_words = 1;      // the search leaves out sentences shorter than this
  double short_quotes = 1;         // 0: the search leaves out sentences with a quotation
  // A concept's weight (after the single-source discount) raised to this power:
  // more than 1 favours what many documents report (chosen on DUC 2003 half A).
  double short_agreement_exponent = 1.5;
  // Short budgets: 1 lets trims also cut non-restrictive relative clauses and
  // appositives after a name (chosen on DUC 2003 half A), 0 not.
  double trim_clauses = 1;
};

// Sets one weight by name ("lead_prior"); an unknown name is an error.
Status SetDossierWeight(DossierWeights* weights, std::string_view name, double value);

struct SummaryOptions {
  SummaryMethod method = SummaryMethod::kDossier;
  int max_words = 250;
  // > 0: the budget is this many bytes (sentences joined by one separator
  // each) instead of max_words words.
  int max_bytes = 0;
  DossierWeights weights;
  // Two sentences of different documents report the same content when their
  // content-word overlap (cosine of their tf-idf vectors) reaches
  // support_threshold, or when at least support_min_shared terms are shared
  // and they hold support_contained of the other sentence's squared tf-idf
  // mass and support_covered of the summary sentence's: a short report of one
  // fact of a longer summary sentence ("224 killed over Sinai" in "... the
  // bombing of a jet over Sinai that killed 224, and the Paris attacks").
  double support_threshold = 0.5;
  double support_contained = 0.5;
  double support_covered = 0.2;
  int support_min_shared = 3;
  // A folder of data files replacing built-in lists (en/dangling_openers.txt); empty: built in.
  // Briefer::Create fills it from BriefOptions::data_dir when it is empty.
  std::string data_dir;
};

// What the briefing knows about a pile that its summary must respect
// (Briefer::Brief and Briefer::Summarize fill it in; without a plan every
// document and sentence may serve). Vectors are indexed by document; shorter
// ones leave the rest at their defaults.
struct SummaryPlan {
  // May the document supply sentences? False for a copy of another document
  // (it never stands beside its original, nor counts as a second report) and
  // for a document set aside as another story. Such documents give no
  // sentences and no support.
  std::vector<bool> supplies;
  // barred[d][s]: sentence s of document d may not stand in a summary (a
  // procedural line; first-person words with no speaker to name).
  std::vector<std::vector<bool>> barred;
  // The event of each document (an index; events are numbered in time
  // order), -1 for none.
  std::vector<int32_t> event;
  // The events the summary covers with one sentence each before anything
  // else, most important first (our method only; the budget permitting).
  // The summary is then read event by event, in time order.
  std::vector<int32_t> required_events;
};

// A sentence of another document that reports the same content.
struct Support {
  uint32_t document = 0;
  uint32_t sentence = 0;
  Span span;              // in the document's text
  Span source_span;       // in its original input
  double similarity = 0;  // cosine of the two sentences' tf-idf vectors
  double contained = 0;   // share of this sentence's tf-idf mass the summary sentence holds
};

struct SummarySentence {
  uint32_t document = 0;  // index into Cluster::documents
  uint32_t sentence = 0;  // index into Document::sentences
  std::string text;
  Span span;         // in the document's text
  Span source_span;  // in its original input
  // A trimmed sentence (short budgets): the pieces of `span` it keeps, in
  // order, in the document's text and in the original input; `text` is
  // their bytes joined. Empty for a whole sentence.
  std::vector<Span> parts;
  std::vector<Span> source_parts;
  std::vector<Support> support;  // other documents reporting the same (one per document)
  // The independent reports giving it: its own and the supporting ones
  // (copies and documents set aside never support).
  size_t independent_sources = 1;
  int32_t event = -1;   // the event of its document (SummaryPlan::event), -1 for none
  std::string speaker;  // who says it (a transcript turn, a quotation), when known (Briefer)
  // True when the sentence does not name its speaker itself (a transcript
  // line, a quotation continued without attribution): show the speaker.
  bool needs_speaker = false;
};

// How our method chose the sentences.
enum class SummarySearch {
  kGreedy,  // lazy greedy (long budgets, and every baseline)
  kExact,   // short budget: the search finished, the set is the best of its candidates
  kCapped,  // short budget: the search hit its node or time cap; the best set found stands
};
const char* SummarySearchName(SummarySearch search);

struct Summary {
  SummaryMethod method = SummaryMethod::kDossier;
  std::vector<SummarySentence> sentences;
  int words = 0;
  int bytes = 0;  // of the sentences' texts, without separators
  SummarySearch search = SummarySearch::kGreedy;
  uint64_t search_nodes = 0;  // branch-and-bound nodes visited (short budgets)
  // The summary as text: sentences joined by "\n".
  std::string Text() const;
};

class Summarizer {
 public:
  static Result<Summarizer> Create(const SummaryOptions& options);
  Summarizer(Summarizer&&) noexcept;
  Summarizer& operator=(Summarizer&&) noexcept;
  ~Summarizer();

  Summary Summarize(const Cluster& cluster) const;
  // The same under a plan (may be null).
  Summary Summarize(const Cluster& cluster, const SummaryPlan* plan) const;
  const SummaryOptions& options() const;

 private:
  struct Impl;
  explicit Summarizer(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

// Words as the budget counts them: runs of non-white-space characters.
int CountSummaryWords(std::string_view text);

}  // namespace dossier

#endif  // DOSSIER_SUMMARY_H_
