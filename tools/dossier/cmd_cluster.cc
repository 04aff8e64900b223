// dossier cluster INPUTS...: sort a stream of articles into stories; one JSON
// line per story.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "corpus.h"
#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "dossier/report.h"
#include "progress.h"
#include "util/file_io.h"

namespace dossier::cli {
namespace {

struct ClusterFlags {
  std::vector<std::string> paths;
  std::string output;
  std::string input_format = "auto";
  std::string data_dir;
  uint64_t max_input_bytes = uint64_t{512} << 20;
  int jobs = 0;
  bool quiet = false;
  StoryClustererOptions clustering;
};

int RunCluster(const ClusterFlags& flags) {
  Result<InputFormat> input_format = ParseInputFormat(flags.input_format);
  Result<Pipeline> pipeline = input_format.ok() ? Pipeline::Create({flags.data_dir})
                                                : Result<Pipeline>(input_format.status());
  if (!pipeline.ok()) {
    std::cerr << "dossier cluster: " << pipeline.status().ToString() << "\n";
    return kExitUsage;
  }
  Progress progress("cluster", !flags.quiet);
  CorpusOptions options;
  options.threads = flags.jobs;
  options.clustering = flags.clustering;
  options.progress = [&](uint64_t articles, uint64_t stories) {
    progress.Update(articles, 0, stories);
  };
  CorpusRun run(*pipeline, options);
  ReadOptions read;
  read.format = *input_format;
  read.max_input_bytes = flags.max_input_bytes;
  std::vector<Diagnostic> diagnostics;
  bool had_error = false;
  Status status = ReadDocuments(
      flags.paths, read, [&](Document&& doc) { run.Push(std::move(doc)); }, &diagnostics);
  run.Finish();
  progress.Done();
  for (const Diagnostic& d : diagnostics) {
    had_error = had_error || d.severity == Diagnostic::Severity::kError;
    if (flags.quiet && d.severity != Diagnostic::Severity::kError) continue;
    std::cerr << "dossier cluster: " << FormatDiagnostic(d) << "\n";
  }
  if (run.articles().empty()) {
    std::cerr << "dossier cluster: " << (status.ok() ? "no article read" : status.ToString())
              << "\n";
    return kExitNoInput;
  }
  std::string out;
  for (const StoryClusterer::Story& story : run.Stories()) {
    out += StoryJson(story, run.articles())
               .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    out += '\n';
  }
  if (!flags.output.empty()) {
    Status w = WriteFileAtomic(flags.output, out);
    if (!w.ok()) {
      std::cerr << "dossier cluster: " << w.ToString() << "\n";
      return kExitOutputError;
    }
  } else {
    std::cout << out;
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "dossier cluster: cannot write to standard output\n";
      return kExitOutputError;
    }
  }
  if (!flags.quiet) {
    std::cerr << "dossier cluster: " << run.articles().size() << " articles, "
              << run.clusterer().stories() << " stories\n";
  }
  return had_error ? kExitPartial : kExitOk;
}

}  // namespace

Command SetupCluster(CLI::App& app) {
  auto flags = std::make_shared<ClusterFlags>();
  CLI::App* cmd = app.add_subcommand(
      "cluster",
      "Sort a stream of articles into stories: near-duplicates first, then topical grouping "
      "in one pass over the stream. Prints one JSON line per story.");
  cmd->footer(
      "Examples:\n  dossier cluster feed.jsonl -o stories.jsonl\n"
      "  dossier cluster pages/ day2.jsonl.gz\n\n"
      "Each line: {\"id\",\"size\",\"articles\":[ids in input order],\"duplicates\":[[ids]],"
      "\"sources\",\"first_date\",\"last_date\",\"title\",\"keywords\"}; an article's id is its "
      "record's \"id\" (or file:line), its file path, or \"<record>#<k>\" for the k-th article "
      "of a Multi-News record.\n\n" +
      std::string(kExitCodeHelp));
  cmd->add_option("paths", flags->paths,
                  "Input files or folders; '-' reads standard input. Any format `brief` reads; "
                  "Multi-News records are split into their articles.")
      ->required();
  cmd->add_option("--output,-o", flags->output,
                  "Write the stories to this file (atomically) instead of stdout");
  cmd->add_option("--input-format", flags->input_format,
                  "Force the input format: auto, text, html, jsonl, multinews")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl", "multinews"}))
      ->capture_default_str();
  cmd->add_option("--data-dir", flags->data_dir,
                  "Folder with word lists replacing the built-in ones (see data/)");
  cmd->add_option("--max-input-bytes", flags->max_input_bytes,
                  "Largest input file accepted, after decompression")
      ->capture_default_str();
  cmd->add_option("--jobs,-j", flags->jobs, "Threads (0: one per core); output is the same")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  AddClusteringOptions(cmd, &flags->clustering);
  cmd->add_flag("--quiet,-q", flags->quiet, "Print errors only: no warnings, no progress");
  return [flags] { return RunCluster(*flags); };
}

}  // namespace dossier::cli
