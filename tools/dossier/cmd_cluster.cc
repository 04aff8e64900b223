// dossier cluster INPUTS...: sort a stream of articles into stories; one JSON
// line per story.
#include <filesystem>
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

constexpr uint64_t kMaxStateBytes = uint64_t{64} << 30;  // a state file read back whole

struct ClusterFlags {
  StreamFlags stream;
  std::string output;
  std::string state;
};

int RunCluster(const ClusterFlags& flags) {
  const StreamFlags& stream = flags.stream;
  Result<InputFormat> input_format = ParseInputFormat(stream.input_format);
  Result<Pipeline> pipeline = input_format.ok() ? Pipeline::Create({stream.data_dir})
                                                : Result<Pipeline>(input_format.status());
  if (!pipeline.ok()) {
    std::cerr << "dossier cluster: " << pipeline.status().ToString() << "\n";
    return kExitUsage;
  }
  Progress progress("cluster", !stream.quiet);
  CorpusRun run(*pipeline, StreamOptions(stream, &progress));
  const bool resume = !flags.state.empty() && std::filesystem::exists(flags.state);
  if (resume) {
    if (Status s = run.LoadState(flags.state, kMaxStateBytes); !s.ok()) {
      std::cerr << "dossier cluster: " << s.ToString() << "; nothing written\n";
      return kExitNoInput;
    }
  }
  bool had_error = false;
  if (int rc = ReadStream(stream, *input_format, "cluster", &run, &progress, &had_error);
      rc != kExitOk) {
    return rc;
  }
  std::string out;
  for (const StoryClusterer::Story& story : run.Stories()) {
    out += StoryJson(story, run.articles())
               .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    out += '\n';
  }
  if (!WriteOutput(flags.output, out, "dossier cluster")) return kExitOutputError;
  if (!flags.state.empty()) {
    if (Status s = run.SaveState(flags.state); !s.ok()) {
      std::cerr << "dossier cluster: " << s.ToString() << "\n";
      return kExitOutputError;
    }
  }
  if (!stream.quiet) {
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
  AddStreamOptions(cmd, &flags->stream);
  cmd->add_option("--output,-o", flags->output,
                  "Write the stories to this file (atomically) instead of stdout");
  cmd->add_option("--state", flags->state,
                  "Resume from this state file if it exists (the stream so far: its articles "
                  "and open stories, from an earlier run with the same settings) and save the "
                  "state there afterwards; the stories printed are those of the whole stream, "
                  "the same as one run over every batch");
  return [flags] { return RunCluster(*flags); };
}

}  // namespace dossier::cli
