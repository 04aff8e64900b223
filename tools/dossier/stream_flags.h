// The input and clustering flags `cluster`, `digest` and `eval-cluster` share.
#ifndef DOSSIER_TOOLS_STREAM_FLAGS_H_
#define DOSSIER_TOOLS_STREAM_FLAGS_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "commands.h"
#include "dossier/document.h"
#include "dossier/ingest.h"
#include "dossier/stories.h"

namespace dossier::cli {

struct StreamFlags {
  std::vector<std::string> paths;
  std::string input_format = "auto";
  InputLimits limits;
  bool quiet = false;
  StoryOptions clustering;  // its data_dir and threads: --data-dir, --jobs
};

// Registers the paths, --input-format, --data-dir, --max-input-bytes,
// --max-document-bytes, --jobs, the clustering knobs and --quiet on `cmd`.
void AddStreamOptions(CLI::App* cmd, StreamFlags* flags);

// Registers the clustering knobs (--join-threshold, --window-days, ...) on `cmd`.
void AddClusteringOptions(CLI::App* cmd, StoryOptions* options);

// Reads the inputs of `flags` (in `format`) in stream order, each document
// to `push`, then calls `finish` (which processes the rest and returns the
// articles read, resumed runs included); reports each diagnostic on stderr
// as "dossier <command>: ..." (errors only with --quiet) and sets *had_error
// when an input was skipped. Returns kExitOk, or kExitNoInput after saying
// why no article was read.
int ReadStream(const StreamFlags& flags, InputFormat format, const char* command,
               const DocumentSink& push, const std::function<uint64_t()>& finish, bool* had_error);

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_STREAM_FLAGS_H_
