// dossier cluster INPUTS...: sort a stream of articles into stories; one JSON
// line per story.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "dossier/files.h"
#include "dossier/ingest.h"
#include "dossier/report.h"
#include "dossier/stories.h"
#include "progress.h"
#include "stream_flags.h"

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
  Result<StoryStream> stories = input_format.ok() ? StoryStream::Create(stream.clustering)
                                                  : Result<StoryStream>(input_format.status());
  if (!stories.ok()) {
    std::cerr << "dossier cluster: " << stories.status().ToString() << "\n";
    return kExitUsage;
  }
  Progress progress("cluster", !stream.quiet);
  // Stories are written as they close, so memory follows the open window:
  // to a temporary file put in place of -o at the end (nothing half-written
  // on failure), or straight to standard output.
  AtomicFileWriter file;
  if (!flags.output.empty()) {
    if (Status s = file.Open(flags.output); !s.ok()) {
      std::cerr << "dossier cluster: " << s.ToString() << "; nothing written\n";
      return kExitOutputError;
    }
  }
  auto write = [&](const Story& story) {
    if (flags.output.empty()) {
      std::cout << StoryJsonLine(story);
    } else {
      file.Write(StoryJsonLine(story));
    }
  };
  stories->SetOnClosed(write);
  stories->SetProgress(
      [&progress](uint64_t articles, uint64_t n) { progress.Update(articles, 0, n); });
  if (!flags.state.empty() && std::filesystem::exists(flags.state)) {
    if (Status s = stories->LoadState(flags.state, kMaxStateBytes); !s.ok()) {
      std::cerr << "dossier cluster: " << s.ToString() << "; nothing written\n";
      return kExitNoInput;
    }
  }
  bool had_error = false;
  if (int rc = ReadStream(
          stream, *input_format, "cluster", [&](Document&& doc) { stories->Push(std::move(doc)); },
          [&]() -> uint64_t {
            stories->Finish();
            progress.Done();
            return stories->article_count();
          },
          &had_error);
      rc != kExitOk) {
    return rc;
  }
  // The stories still open: final when the stream ends here; with --state
  // the stream goes on, so they are marked open and written again, final,
  // by the run in which they close.
  const uint32_t closed = stories->stories_emitted();
  std::vector<Story> open = stories->Stories();
  for (Story& story : open) {
    story.open = !flags.state.empty();
    write(story);
  }
  if (flags.output.empty()) {
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "dossier cluster: cannot write to standard output\n";
      return kExitOutputError;
    }
  } else if (Status s = file.Commit(); !s.ok()) {
    std::cerr << "dossier cluster: " << s.ToString() << "\n";
    return kExitOutputError;
  }
  if (!flags.state.empty()) {
    if (Status s = stories->SaveState(flags.state); !s.ok()) {
      std::cerr << "dossier cluster: " << s.ToString() << "\n";
      return kExitOutputError;
    }
  }
  if (!stream.quiet) {
    std::cerr << "dossier cluster: " << CountOf(stories->article_count(), "article", "articles")
              << ", " << CountOf(closed + open.size(), "story", "stories") << " (" << closed
              << " closed on the way)\n";
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
      "of a Multi-News record. Stories come out as they close (no article for --window-articles "
      "articles, or --window-days days), then those still open, each in order of its first "
      "article; ids count in that order.\n\n" +
      std::string(kExitCodeHelp));
  AddStreamOptions(cmd, &flags->stream);
  cmd->add_option("--output,-o", flags->output,
                  "Write the stories to this file (atomically) instead of stdout");
  cmd->add_option("--state", flags->state,
                  "Resume from this state file if it exists (the open stories of the stream so "
                  "far, from an earlier run with the same settings) and save the state there "
                  "afterwards. Each run prints the stories that closed during it, then those "
                  "still open, marked \"open\": true (printed again, final, when they close); "
                  "the closed ones of every run and the open ones of the last make the same "
                  "stories as one run over every batch");
  return [flags] { return RunCluster(*flags); };
}

}  // namespace dossier::cli
