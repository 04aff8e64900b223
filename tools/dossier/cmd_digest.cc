// dossier digest INPUTS...: cluster a stream of articles into stories, brief
// every story, and write the stories ranked: a Markdown digest, JSON Lines,
// and an HTML index linking one briefing page per story.
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "dossier/digest.h"
#include "dossier/files.h"
#include "dossier/ingest.h"
#include "dossier/report.h"
#include "dossier/stories.h"
#include "interrupt.h"
#include "progress.h"
#include "stream_flags.h"

namespace dossier::cli {
namespace {

namespace fs = std::filesystem;

struct DigestFlags {
  StreamFlags stream;
  std::string output;
  int words = 120;
  size_t min_articles = 1;
  size_t max_story_docs = 40;
  bool restart = false;
  uint64_t debug_interrupt_after = 0;  // tests: raise SIGINT after this many briefings
};

int RunDigestCommand(const DigestFlags& flags) {
  const char* kName = "dossier digest: ";
  const StreamFlags& stream = flags.stream;
  Result<InputFormat> input_format = ParseInputFormat(stream.input_format);
  if (!input_format.ok()) {
    std::cerr << kName << input_format.status().ToString() << "\n";
    return kExitUsage;
  }
  DigestRunOptions options;
  options.clustering = stream.clustering;
  options.digest.words = flags.words;
  options.digest.min_articles = flags.min_articles;
  options.digest.max_story_docs = flags.max_story_docs;
  options.read = InterruptibleReadOptions(*input_format, stream.limits);
  options.read.data_dir = stream.clustering.data_dir;
  options.stop = options.read.stop;
  options.restart = flags.restart;
  Progress progress("digest", !stream.quiet);
  options.on_clustered = [&progress](uint64_t n, uint64_t stories) {
    progress.Update(n, 0, stories);
  };
  options.on_ranked = [&](size_t resumed, size_t stories, const std::string& checkpoint) {
    progress.Done();
    if (resumed > 0 && !stream.quiet) {
      std::cerr << kName << "resuming: " << resumed << " of " << stories << " stories taken from "
                << checkpoint << "\n";
    }
  };
  options.on_briefed = [&](uint64_t briefed, uint64_t total, bool first_thread) {
    if (first_thread) progress.Update(briefed, total, total, "stories");
    if (flags.debug_interrupt_after > 0 && briefed == flags.debug_interrupt_after) ::raise(SIGINT);
  };
  std::vector<Input> inputs;
  for (const std::string& path : stream.paths) inputs.push_back(Input::File(path));
  Result<DigestReport> report = RunDigest(inputs, flags.output, options);
  progress.Done();
  bool had_error = false;
  if (report.ok()) {
    for (const Diagnostic& d : report->diagnostics) {
      had_error = had_error || d.severity == Diagnostic::Severity::kError;
      if (stream.quiet && d.severity != Diagnostic::Severity::kError) continue;
      std::cerr << kName << FormatDiagnostic(d) << "\n";
    }
  }
  if (!report.ok()) {
    std::cerr << kName << report.status().ToString() << "\n";
    const StatusCode code = report.status().code();
    if (code == StatusCode::kInvalidArgument) return kExitUsage;
    const bool no_input = code == StatusCode::kEmptyInput || code == StatusCode::kInvalidInput ||
                          code == StatusCode::kNotFound;
    return no_input && report.status().input().empty() ? kExitNoInput : kExitOutputError;
  }
  if (report->interrupted) {
    const std::string what =
        report->stories == 0
            ? std::string("stopped while reading; nothing written, the output is as it was")
        : !report->checkpoint.empty()
            ? std::to_string(report->briefed) + " of " + std::to_string(report->stories) +
                  " stories briefed and kept in " + report->checkpoint + "; " + flags.output +
                  " is as it was. Run the same command to resume."
            : std::string("output incomplete");
    return ReportInterrupted("dossier digest", what.c_str());
  }
  if (flags.output.empty() && !WriteOutput("", report->markdown, "dossier digest")) {
    return kExitOutputError;
  }
  if (!stream.quiet) {
    std::cerr << kName << CountOf(report->articles, "article", "articles") << ", "
              << CountOf(report->stories, "story", "stories") << " briefed";
    if (!report->index.empty()) std::cerr << "; open " << report->index;
    std::cerr << "\n";
  }
  return had_error ? kExitPartial : kExitOk;
}

}  // namespace

Command SetupDigest(CLI::App& app) {
  auto flags = std::make_shared<DigestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "digest",
      "Cluster a stream of articles into stories (as `dossier cluster`), brief every story, "
      "and write them ranked by outlets and size.");
  cmd->footer(
      "Examples:\n  dossier digest feed.jsonl -o digest/     (index.html, digest.md, "
      "stories.jsonl, stories/<id>.html)\n"
      "  dossier digest pages/ -o today.md\n  dossier digest feed.jsonl.gz -o stories.jsonl\n\n"
      "Interrupted (Ctrl-C, kill), a digest keeps the stories it briefed in OUTPUT.partial/ and "
      "leaves OUTPUT as it was; the same command resumes.\n\n" +
      std::string(kExitCodeHelp));
  AddStreamOptions(cmd, &flags->stream);
  cmd->add_option("--output,-o", flags->output,
                  "A folder (replaced as a whole, atomically), or a .md or .jsonl file; without "
                  "it the Markdown digest goes to stdout. An interrupted run keeps its work in "
                  "OUTPUT.partial/ and the same command resumes it");
  cmd->add_flag("--restart", flags->restart,
                "Discard what an interrupted run left in OUTPUT.partial/ and start afresh");
  cmd->add_option("--debug-interrupt-after", flags->debug_interrupt_after,
                  "Testing: interrupt (SIGINT) the run after this many briefings")
      ->group("");
  cmd->add_option("--words,-w", flags->words, "Word budget of each story's summary")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--min-articles", flags->min_articles, "Leave out stories with fewer articles")
      ->capture_default_str();
  cmd->add_option("--max-story-docs", flags->max_story_docs,
                  "Articles of a story briefed at most (the first in the stream)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  return [flags] { return RunDigestCommand(*flags); };
}

}  // namespace dossier::cli
