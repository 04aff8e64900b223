#include "stream_flags.h"

#include <iostream>
#include <string>
#include <vector>

#include "dossier/files.h"
#include "dossier/report.h"
#include "interrupt.h"

namespace dossier::cli {

void AddStreamOptions(CLI::App* cmd, StreamFlags* flags) {
  cmd->add_option("paths", flags->paths,
                  "Input files or folders; '-' reads standard input. Any format `brief` reads; "
                  "Multi-News records are split into their articles.")
      ->required();
  AddInputOptions(cmd, &flags->input_format, &flags->clustering.data_dir,
                  &flags->clustering.language, &flags->limits);
  cmd->add_option("--jobs,-j", flags->clustering.threads,
                  "Threads (0: one per core); output is the same")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  AddClusteringOptions(cmd, &flags->clustering);
  cmd->add_flag("--quiet,-q", flags->quiet, "Print errors only: no warnings, no progress");
}

int ReadStream(const StreamFlags& flags, InputFormat format, const char* command,
               const DocumentSink& push, const std::function<uint64_t()>& finish, bool* had_error) {
  ReadOptions read = InterruptibleReadOptions(format, flags.limits);
  read.data_dir = flags.clustering.data_dir;
  std::vector<Diagnostic> diagnostics;
  Status status = ReadDocuments(flags.paths, read, push, &diagnostics);
  const uint64_t articles = finish();
  for (const Diagnostic& d : diagnostics) {
    *had_error = *had_error || d.severity == Diagnostic::Severity::kError;
    if (flags.quiet && d.severity != Diagnostic::Severity::kError) continue;
    std::cerr << "dossier " << command << ": " << FormatDiagnostic(d) << "\n";
  }
  if (Interrupted()) {
    return ReportInterrupted(("dossier " + std::string(command)).c_str(),
                             "stopped while reading; nothing written, the output is as it was");
  }
  if (articles == 0) {
    std::cerr << "dossier " << command << ": "
              << (status.ok() ? "no article read" : status.ToString()) << "\n";
    return kExitNoInput;
  }
  return kExitOk;
}

void AddClusteringOptions(CLI::App* cmd, StoryOptions* o) {
  cmd->add_option("--join-threshold", o->join_threshold,
                  "Model score an article needs to join its best story: higher splits more, "
                  "lower merges more (see docs/CLUSTERING.md)")
      ->check(CLI::Range(-100.0, 100.0))
      ->capture_default_str();
  cmd->add_option("--min-cosine", o->min_cosine,
                  "Dated articles: cosine to one of a story's articles needed to join it, "
                  "whatever the model's score")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--undated-threshold", o->undated_threshold,
                  "Undated articles: cosine to one of a story's articles needed to join a story "
                  "of one")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--undated-size-penalty", o->undated_size_penalty,
                  "Undated articles: added to --undated-threshold times ln(story size)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option_function<std::string>(
      "--weights",
      [o](const std::string& path) {
        Result<FileContents> file = ReadInputFile(path, 1 << 20);
        if (!file.ok()) throw CLI::ValidationError("--weights", file.status().ToString());
        o->weights = file->bytes;
        o->weights_origin = path;
        if (Status s = CheckStoryOptions(*o); !s.ok()) {
          throw CLI::ValidationError("--weights", s.ToString());
        }
      },
      "The clustering model's weights, one \"feature value\" a line (as "
      "bench/scripts/fit_cluster_weights.py writes them); default: the built-in ones");
  cmd->add_option("--window-days", o->window_days,
                  "0: no limit; else a story closes when the stream's newest date is more than "
                  "this many days after its last article")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  cmd->add_option("--window-articles", o->window_articles,
                  "A story closes after this many articles without a new one of its own")
      ->check(CLI::Range(1, 2000000000))
      ->capture_default_str();
  cmd->add_option("--duplicate-threshold", o->duplicate_threshold,
                  "Estimated Jaccard similarity of 5-word shingles making two articles copies")
      ->check(CLI::Range(0.05, 1.0))
      ->capture_default_str();
  cmd->add_option("--query-terms", o->query_terms,
                  "An article's heaviest terms used to look up candidate stories")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--index-terms", o->index_terms, "Terms kept per article vector")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--boilerplate-repeats", o->boilerplate_repeats,
                  "Earlier articles holding a sentence that make it boilerplate, ignored for "
                  "the topic")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  cmd->add_option("--name-weight", o->name_weight,
                  "Weight of a term written as a name (capitalized inside a sentence)")
      ->check(CLI::Range(0.0, 100.0))
      ->capture_default_str();
  cmd->add_option("--furniture-copies", o->furniture_copies,
                  "Copies that make a short text page furniture (a widget or notice, not news)")
      ->check(CLI::Range(2, 1000000))
      ->capture_default_str();
}

}  // namespace dossier::cli
