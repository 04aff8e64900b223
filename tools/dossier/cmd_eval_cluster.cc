// dossier eval-cluster DATA: how well `dossier cluster` recovers gold
// stories (pairwise and B-cubed precision, recall, F1): the clusters of a
// Multi-News file when all their articles arrive as one shuffled stream, or
// the "story" labels of a JSON Lines stream read in file order.
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "dossier/evaluate.h"
#include "dossier/files.h"
#include "dossier/ingest.h"
#include "dossier/report.h"
#include "progress.h"
#include "stream_flags.h"

namespace dossier::cli {
namespace {

struct EvalClusterFlags {
  std::string data;
  uint64_t seed = 20261121;
  std::string records;        // "A:B": records A..B-1 only
  size_t limit = 0;           // first N articles of the shuffled stream
  int repeat = 1;             // copies of the stream, all but the first perturbed
  std::string half;           // labelled streams: "a"/"b" (stories), "early"/"late" (time)
  std::string training_rows;  // write the model's training rows here
  bool rows_from_model = false;
  std::string write_stream;
  std::string format = "text";
  std::string output;
  int jobs = 0;
  bool quiet = false;
  StoryOptions clustering;
};

// {"precision","recall","f1"} of the pairwise and of the B-cubed measure.
nlohmann::ordered_json PairwiseJson(const eval::ClusterScores& s) {
  return {
      {"precision", s.pairwise_precision}, {"recall", s.pairwise_recall}, {"f1", s.pairwise_f1}};
}
nlohmann::ordered_json BcubedJson(const eval::ClusterScores& s) {
  return {{"precision", s.bcubed_precision}, {"recall", s.bcubed_recall}, {"f1", s.bcubed_f1}};
}

std::string JsonReport(const EvalClusterFlags& flags, const ClusterEvalReport& r) {
  const eval::ClusterScores& scores = r.scores;
  nlohmann::ordered_json j;
  j["data"] = flags.data;
  j["labelled_stream"] = r.labelled;
  if (!r.labelled) j["seed"] = flags.seed;
  if (r.unlabelled > 0) j["unlabelled"] = r.unlabelled;
  j["articles"] = scores.items;
  j["gold_clusters"] = scores.gold_clusters;
  j["stories"] = scores.predicted_clusters;
  j["singleton_stories"] = scores.predicted_singletons;
  j["duplicate_groups"] = r.duplicate_groups;
  j["pairwise"] = PairwiseJson(scores);
  j["bcubed"] = BcubedJson(scores);
  if (r.copies_apart) {
    auto scored = [](const eval::ClusterScores& o) {
      return nlohmann::ordered_json{{"stories", o.predicted_clusters},
                                    {"pairwise", PairwiseJson(o)},
                                    {"bcubed", BcubedJson(o)}};
    };
    j["reference"] = {{"copies_apart", scored(*r.copies_apart)},
                      {"unmatched_apart", scored(*r.unmatched_apart)}};
  }
  j["threads"] = r.threads;
  j["cluster_seconds"] = r.cluster_seconds;
  j["articles_per_second"] = r.cluster_seconds > 0 ? scores.items / r.cluster_seconds : 0.0;
  return j.dump() + "\n";
}

std::string TextReport(const EvalClusterFlags& flags, const ClusterEvalReport& r,
                       double total_secs) {
  const eval::ClusterScores& scores = r.scores;
  const double secs = r.cluster_seconds;
  std::ostringstream t;
  t << std::fixed << std::setprecision(3);
  t << "stream: " << scores.items << " articles of " << scores.gold_clusters
    << (r.labelled ? (scores.gold_clusters == 1 ? " story from " : " stories from ")
                   : (scores.gold_clusters == 1 ? " cluster from " : " clusters from "))
    << flags.data << (r.labelled ? " (in file order" : " (seed " + std::to_string(flags.seed));
  if (!flags.records.empty()) t << ", records " << flags.records;
  if (!flags.half.empty()) t << ", half " << flags.half;
  if (r.unlabelled > 0) t << ", " << r.unlabelled << " unlabelled left out";
  if (flags.repeat > 1) t << ", " << flags.repeat << " copies";
  t << ")\n";
  t << "stories: " << scores.predicted_clusters << " (" << scores.predicted_singletons
    << " of one article; gold " << scores.gold_singletons << "), " << r.duplicate_groups
    << " near-duplicate groups\n";
  t << std::setprecision(2) << "clustered in " << secs << " s ("
    << static_cast<uint64_t>(secs > 0 ? scores.items / secs : 0) << " articles/s, " << r.threads
    << " thread" << (r.threads == 1 ? "" : "s") << "); " << total_secs << " s in all\n\n"
    << std::setprecision(4);
  t << "| measure  | precision | recall | F1     |\n|---|---|---|---|\n";
  t << "| pairwise | " << scores.pairwise_precision << "    | " << scores.pairwise_recall << " | "
    << scores.pairwise_f1 << " |\n";
  t << "| B-cubed  | " << scores.bcubed_precision << "    | " << scores.bcubed_recall << " | "
    << scores.bcubed_f1 << " |\n";
  if (r.copies_apart) {
    t << "\nreference labelings (the records, as text alone could return them; "
         "docs/CLUSTERING.md):\n\n"
      << "| reference | pairwise P | R | F1 | B-cubed F1 |\n|---|---|---|---|---|\n";
    auto row = [&](const char* name, const eval::ClusterScores& o) {
      t << "| " << name << " | " << o.pairwise_precision << " | " << o.pairwise_recall << " | "
        << o.pairwise_f1 << " | " << o.bcubed_f1 << " |\n";
    };
    row("copied texts apart", *r.copies_apart);
    row("also articles sharing no word with their record apart", *r.unmatched_apart);
  }
  return t.str();
}

int RunEvalCluster(const EvalClusterFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  ClusterEvalOptions options;
  if (!flags.records.empty()) {
    unsigned long long a = 0, b = 0;
    char tail = 0;
    if (std::sscanf(flags.records.c_str(), "%llu:%llu%c", &a, &b, &tail) != 2 || a >= b) {
      std::cerr << "dossier eval-cluster: --records wants A:B with A < B, got \"" << flags.records
                << "\"\n";
      return kExitUsage;
    }
    options.first_record = a, options.end_record = b;
  }
  options.clustering = flags.clustering;
  options.clustering.threads = flags.jobs;
  options.seed = flags.seed;
  options.limit = flags.limit;
  options.repeat = flags.repeat;
  options.half = flags.half;
  options.training_rows = !flags.training_rows.empty();
  options.rows_from_model = flags.rows_from_model;
  Progress progress("eval-cluster", !flags.quiet);
  options.progress = [&](uint64_t articles, uint64_t total, uint64_t stories) {
    progress.Update(articles, total, stories);
  };
  Result<ClusterEvalReport> report = EvaluateClustering(flags.data, options);
  progress.Done();
  if (!report.ok()) {
    std::cerr << "dossier eval-cluster: " << report.status().ToString() << "\n";
    const StatusCode code = report.status().code();
    return code == StatusCode::kInvalidArgument ? kExitUsage
           : code == StatusCode::kInternal      ? kExitInternal
                                                : kExitNoInput;
  }
  bool skipped = false;
  for (const Diagnostic& d : report->diagnostics) {
    if (d.severity != Diagnostic::Severity::kError) continue;
    skipped = true;
    std::cerr << "dossier eval-cluster: " << FormatDiagnostic(d) << "\n";
  }
  const double total_secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string out =
      flags.format == "json" ? JsonReport(flags, *report) : TextReport(flags, *report, total_secs);
  for (const auto& [path, content] :
       {std::pair<const std::string*, const std::string*>{&flags.write_stream, &report->stream},
        {&flags.training_rows, &report->training_rows},
        {&flags.output, &out}}) {
    if (path->empty()) continue;
    if (Status w = WriteFileAtomic(*path, *content); !w.ok()) {
      std::cerr << "dossier eval-cluster: " << w.ToString() << "\n";
      return kExitOutputError;
    }
  }
  std::cout << out;
  return skipped ? kExitPartial : kExitOk;
}

}  // namespace

Command SetupEvalCluster(CLI::App& app) {
  auto flags = std::make_shared<EvalClusterFlags>();
  CLI::App* cmd = app.add_subcommand(
      "eval-cluster",
      "Score the clustering: cluster a stream as `dossier cluster` does and compare its stories "
      "with the gold ones (pairwise and B-cubed precision, recall, F1): the articles of a "
      "Multi-News file shuffled into one stream (its records are the gold stories), or a JSON "
      "Lines stream whose lines carry their \"story\", read in file order.");
  cmd->footer(
      "Examples:\n  dossier eval-cluster ../shared/data/multinews/plus-val.jsonl.gz\n"
      "  dossier eval-cluster ../shared/data/stories/basil.jsonl\n"
      "  dossier eval-cluster plus-val.jsonl.gz --limit 5000 --write-stream s5k.jsonl\n"
      "  dossier eval-cluster plus-val.jsonl.gz --repeat 13 --write-stream s200k.jsonl\n\n" +
      std::string(kExitCodeHelp));
  cmd->add_option("data", flags->data,
                  "Multi-News file ({id,document,summary} per line), or a JSON Lines stream of "
                  "articles with their gold \"story\" ({id,source,date,title,text,story})")
      ->required();
  cmd->add_option("--seed", flags->seed, "Seed of the shuffle")->capture_default_str();
  cmd->add_option("--records", flags->records, "Use records A..B-1 only (A:B, counting from 0)");
  cmd->add_option("--limit", flags->limit, "Keep the first N articles of the shuffled stream");
  cmd->add_option("--repeat", flags->repeat,
                  "Append perturbed copies of the stream (a synthetic corpus R times larger "
                  "with R times the stories)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--half", flags->half,
                  "Labelled streams: keep half of the stream. In time: 'early' the articles "
                  "before its middle, 'late' the rest (cut between two dates); by story, "
                  "numbered in order of first article: 'a' the even ones, 'b' the odd ones "
                  "(docs/CLUSTERING.md)")
      ->check(CLI::IsMember({"a", "b", "early", "late"}));
  cmd->add_option("--training-rows", flags->training_rows,
                  "Labelled streams: put each article in its gold story and write the "
                  "model's (article, candidate story) features with the answer to this file, "
                  "for bench/scripts/fit_cluster_weights.py (the scores are then those of "
                  "the gold stories)");
  cmd->add_flag("--rows-from-model", flags->rows_from_model,
                "With --training-rows: articles go where the model puts them (the scores are "
                "the model's), and a row is right when the candidate story's majority gold "
                "story is the article's");
  cmd->add_option("--write-stream", flags->write_stream,
                  "Also write the stream as JSON Lines ({id,text}) for `dossier cluster`");
  cmd->add_option("--format,-f", flags->format, "text (a table) or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--output,-o", flags->output, "Also write the result to this file");
  cmd->add_option("--jobs,-j", flags->jobs, "Threads (0: one per core); scores are the same")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  AddClusteringOptions(cmd, &flags->clustering);
  cmd->add_flag("--quiet,-q", flags->quiet, "No progress line");
  return [flags] { return RunEvalCluster(*flags); };
}

}  // namespace dossier::cli
