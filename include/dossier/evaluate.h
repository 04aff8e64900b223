// Evaluation as library calls: what `dossier eval` (summaries against
// references with ROUGE-1.5.5), `dossier eval-extract` (article extraction
// against ground truth) and `dossier eval-cluster` (story clustering against
// gold labels) compute. The CLI formats these reports; nothing is printed here.
#ifndef DOSSIER_EVALUATE_H_
#define DOSSIER_EVALUATE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dossier/cluster_score.h"
#include "dossier/extraction_score.h"
#include "dossier/ingest.h"
#include "dossier/rouge.h"
#include "dossier/status.h"
#include "dossier/stories.h"

namespace dossier {

// ---- Summaries (`dossier eval`) ---------------------------------------------

struct SummaryEvalOptions {
  std::string protocol = "multinews";           // the ROUGE flag set and word budget
  std::vector<std::string> methods{"dossier"};  // SummaryMethodName()s; "all" for every one
  int words = 0;                                // word budget; 0: the protocol's
  // "words", or "bytes": the budget (and ROUGE's cut, -b instead of -l) is `bytes`
  // bytes, 0: the protocol's (duc2004: 665, DUC 2004's official limit).
  std::string budget_unit = "words";
  int bytes = 0;
  int jobs = 0;             // threads; 0: one per core
  bool score = true;        // false: summarize only
  bool plan = true;         // false: no copies or stories left out (ablation)
  std::string wordnet_dir;  // WordNet's *.exc lists; empty: Debian's
  // ROUGE's tokenizer (eval::RougeOptions::tokenizer). With kUnicode the protocol's -m uses
  // the Snowball stemmer of `language`, and there is no stemming when `language` is empty.
  eval::RougeTokenizer tokenizer = eval::RougeTokenizer::kRouge155;
  std::string language;
  std::vector<std::pair<std::string, double>> settings;  // research knobs (SetBriefSetting)
};

struct MethodEval {
  std::string method;
  std::vector<std::pair<std::string, std::string>> summaries;  // (cluster id, summary), in order
  std::vector<eval::MetricScore> metrics;  // ROUGE-1.5.5's averages; empty when not scored
  size_t exact = 0, capped = 0;  // short budgets: clusters the search finished / hit its cap
};

struct SummaryEvalReport {
  size_t clusters = 0;
  int jobs = 1;
  int words = 0;
  int bytes = 0;                 // the byte budget when the unit is bytes
  double read_seconds = 0;       // until the last cluster was read
  double summarize_seconds = 0;  // until every cluster was summarized by every method
  std::vector<MethodEval> methods;
  std::vector<Diagnostic> diagnostics;  // lines skipped (the rest was evaluated)
};

// Summarizes every cluster of a Multi-News-form input with each method and
// scores the summaries against the clusters' references. Fails on a bad
// option, or when no cluster could be read.
Result<SummaryEvalReport> EvaluateSummaries(const std::vector<Input>& data,
                                            const SummaryEvalOptions& options);

// ---- Article extraction (`dossier eval-extract`) ----------------------------

struct ExtractionEvalOptions {
  bool baselines = true;  // also score baseline_outputs/*.json
  int jobs = 0;           // threads scoring the baselines; extraction runs on one
  eval::BootstrapOptions bootstrap;
};

// One system's scores (ours or a saved baseline output).
struct ExtractionSystem {
  std::string name, version;
  bool ours = false;
  eval::ExtractionScores scores;
  std::vector<eval::PageScore> pages;  // per page, in the benchmark's order
};

// Our extraction of one page.
struct ExtractedPage {
  std::string id, url;
  bool read = false, found = false;
  std::string why_not;    // when not found
  std::string text;       // the article body
  size_t html_bytes = 0;  // as read (decompressed)
  double seconds = 0;     // ExtractArticle alone
};

struct ExtractionEvalReport {
  std::string version;                    // ours
  std::vector<ExtractedPage> pages;       // the benchmark's pages, in order
  std::vector<ExtractionSystem> systems;  // by F1, best first; ours among them
  size_t pages_read = 0, found = 0, html_bytes = 0;
  double extract_seconds = 0;    // extraction alone, one thread
  std::vector<Status> problems;  // pages or outputs that could not be read (scored or skipped)
};

// Extracts the article of every page of the benchmark folder (ground-truth.json,
// html/<id>.html.gz, baseline_outputs/*.json) one after the other on this
// thread, and scores ours and every saved output with the benchmark's metric
// on the same resampled pages. Fails when the ground truth cannot be read.
Result<ExtractionEvalReport> EvaluateExtraction(const std::string& benchmark_dir,
                                                const ExtractionEvalOptions& options);

// ---- Story clustering (`dossier eval-cluster`) ------------------------------

struct ClusterEvalOptions {
  StoryOptions clustering;   // as `dossier cluster`
  uint64_t seed = 20261121;  // Multi-News files: the shuffle
  size_t first_record = 0;   // Multi-News files: records [first, end) only
  size_t end_record = static_cast<size_t>(-1);
  size_t limit = 0;            // > 0: the first N articles of the stream
  int repeat = 1;              // copies of the stream, all but the first perturbed
  std::string half;            // labelled streams: "a", "b", "early" or "late" (docs/CLUSTERING.md)
  bool training_rows = false;  // also the model's training rows
  bool rows_from_model = false;  // ... from its own decisions, not teacher-forced
  // Called after each batch: articles clustered, of `total`, and stories so far.
  std::function<void(uint64_t articles, uint64_t total, uint64_t stories)> progress;
};

struct ClusterEvalReport {
  bool labelled = false;  // a JSONL stream with "story" labels (else a Multi-News file)
  size_t unlabelled = 0;  // labelled stream lines without a label, left out
  eval::ClusterScores scores;
  size_t duplicate_groups = 0;
  // Reference labelings (one copy of the stream only): what text alone could return.
  std::optional<eval::ClusterScores> copies_apart, unmatched_apart;
  int threads = 1;
  double cluster_seconds = 0;
  std::string stream;         // the stream clustered, as JSON Lines {id,source,date,title,text}
  std::string training_rows;  // "# article same_story <features>" lines, when asked
  std::vector<Diagnostic> diagnostics;  // lines skipped or unlabelled (the rest was scored)
};

// Clusters a Multi-News file (its records the gold stories, their articles
// shuffled into one stream) or a labelled JSONL stream (in file order)
// exactly as `dossier cluster` does, and scores the stories against the gold
// labels. Fails on options that do not fit the input (kInvalidArgument), an
// unreadable input or one without articles.
Result<ClusterEvalReport> EvaluateClustering(const std::string& data,
                                             const ClusterEvalOptions& options);

}  // namespace dossier

#endif  // DOSSIER_EVALUATE_H_
