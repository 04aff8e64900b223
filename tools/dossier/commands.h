// The subcommands of the dossier CLI. Each Setup* registers its options on
// the parent app and returns the function that runs it.
#ifndef DOSSIER_TOOLS_COMMANDS_H_
#define DOSSIER_TOOLS_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/briefing.h"
#include "dossier/files.h"
#include "dossier/ingest.h"
#include "dossier/summary.h"

namespace dossier::cli {

// Exit codes, documented in `dossier --help` and README.md.
enum ExitCode {
  kExitOk = 0,           // everything read and written
  kExitPartial = 1,      // output written, but some inputs were skipped (see stderr)
  kExitUsage = 2,        // bad command line
  kExitNoInput = 3,      // no input could be used
  kExitOutputError = 4,  // the output could not be written
  kExitInternal = 70,    // a bug: please report it
};

inline constexpr const char* kExitCodeHelp =
    "Exit status: 0 all inputs read and output written; 1 output written but some inputs "
    "were skipped or damaged (see the messages on stderr); 2 bad command line; 3 no input "
    "could be used; 4 the output could not be written.";

using Command = std::function<int()>;

// The size limits and fetch settings of ReadOptions, as the flags of every
// command that reads inputs (InterruptibleReadOptions in interrupt.h turns
// them into ReadOptions).
struct InputLimits {
  uint64_t max_input_bytes = kDefaultMaxInputBytes;
  uint64_t max_document_bytes = kDefaultMaxDocumentBytes;
  FetchSettings fetch;
  bool follow = false;
};

// Registers --follow, --cache, --fetch-timeout and --fetches: how web
// addresses (inputs, lists of them, the links of feeds) are fetched.
inline void AddFetchOptions(CLI::App* cmd, InputLimits* limits) {
  cmd->add_flag("--follow", limits->follow,
                "Feeds and sitemaps: fetch and extract the page each item links to (the "
                "item's title, date and author fill what the page lacks)");
  cmd->add_option("--cache", limits->fetch.cache_dir,
                  "Keep fetched pages in this folder; a re-run reads them from it, offline");
  cmd->add_option("--fetch-timeout", limits->fetch.timeout_seconds,
                  "Seconds allowed to fetch one address, redirects included (0: no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_option("--fetches", limits->fetch.parallel, "Addresses fetched at once")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
}

// Registers --max-input-bytes and --max-document-bytes on `cmd`. Sizes take a
// K, M or G suffix (powers of 1024): "--max-document-bytes 32M".
inline void AddSizeLimitOptions(CLI::App* cmd, InputLimits* limits) {
  cmd->add_option("--max-input-bytes", limits->max_input_bytes,
                  "Largest input file read, after decompression; a larger one is reported and "
                  "skipped")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  cmd->add_option("--max-document-bytes", limits->max_document_bytes,
                  "Longest document analysed (a file, a page, a JSONL text, a Multi-News "
                  "article); a longer one is cut near this size and reported")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
}

// Registers --input-format, --data-dir (word lists), --language and the size limits on a
// command that reads inputs.
inline void AddInputOptions(CLI::App* cmd, std::string* input_format, std::string* data_dir,
                            std::string* language, InputLimits* limits) {
  cmd->add_option("--input-format", *input_format,
                  "Force the input format: auto, text, html, jsonl, multinews, feed, pdf, warc, "
                  "urls (a list of web addresses)")
      ->check(CLI::IsMember(
          {"auto", "text", "html", "jsonl", "multinews", "feed", "pdf", "warc", "urls"}))
      ->capture_default_str();
  cmd->add_option("--data-dir", *data_dir,
                  "Folder with word lists replacing the built-in ones (see data/)");
  cmd->add_option("--language", *language,
                  "Analyse every document in this language (ISO 639-1: en, de, ko, ...) instead "
                  "of detecting each one's");
  AddSizeLimitOptions(cmd, limits);
  AddFetchOptions(cmd, limits);
}

// Writes a command's whole output: to `path` atomically, or to standard output
// when `path` is empty. On failure prints "<command>: <why>" and returns false.
inline bool WriteOutput(const std::string& path, std::string_view content, const char* command) {
  if (!path.empty()) {
    Status w = WriteFileAtomic(path, content);
    if (w.ok()) return true;
    std::cerr << command << ": " << w.ToString() << "\n";
    return false;
  }
  std::cout << content;
  std::cout.flush();
  if (std::cout) return true;
  std::cerr << command << ": cannot write to standard output\n";
  return false;
}

// Parses "name=value" settings (--set).
inline Result<std::vector<std::pair<std::string, double>>> ParseSettings(
    const std::vector<std::string>& settings) {
  std::vector<std::pair<std::string, double>> out;
  for (const std::string& s : settings) {
    const size_t eq = s.find('=');
    char* end = nullptr;
    const double value = eq == std::string::npos ? 0 : std::strtod(s.c_str() + eq + 1, &end);
    if (eq == std::string::npos || end == s.c_str() + eq + 1 || *end != '\0') {
      return Status(StatusCode::kInvalidArgument, "--set wants name=number, got \"" + s + "\"");
    }
    out.emplace_back(s.substr(0, eq), value);
  }
  return out;
}

// Applies "name=value" settings (--set) to the weights of our method.
inline Status ApplySettings(const std::vector<std::string>& settings, BriefOptions* options) {
  Result<std::vector<std::pair<std::string, double>>> parsed = ParseSettings(settings);
  if (!parsed.ok()) return parsed.status();
  for (const auto& [name, value] : *parsed) {
    Status st = SetBriefSetting(options, name, value);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

// Before CLI11 parses: -1 when argv[1] is a flag or a subcommand of `app`;
// else the exit code after saying what is wrong ("unknown subcommand 'breif';
// did you mean 'brief'?", a subcommand missing, an input given first).
int CheckSubcommand(CLI::App& app, int argc, char** argv);
// The subcommand closest to `given` (edit distance, or a prefix), or "".
std::string SuggestSubcommand(std::string_view given, const std::vector<std::string>& names);

Command SetupBrief(CLI::App& app);
Command SetupEval(CLI::App& app);
Command SetupRouge(CLI::App& app);
Command SetupExtract(CLI::App& app);      // cmd_extract.cc
Command SetupEvalExtract(CLI::App& app);  // cmd_eval_extract.cc
Command SetupCluster(CLI::App& app);      // cmd_cluster.cc
Command SetupDigest(CLI::App& app);       // cmd_digest.cc
Command SetupEvalCluster(CLI::App& app);  // cmd_eval_cluster.cc
Command SetupEvalQuotes(CLI::App& app);   // cmd_eval_quotes.cc

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_COMMANDS_H_
