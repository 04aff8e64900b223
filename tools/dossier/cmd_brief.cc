// dossier brief PATHS...: read a cluster (or a Multi-News file of clusters)
// and print the briefing.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "dossier/brief_run.h"
#include "dossier/briefing.h"
#include "dossier/files.h"
#include "dossier/ingest.h"
#include "dossier/report.h"
#include "dossier/summary.h"
#include "interrupt.h"

namespace dossier::cli {
namespace {

struct BriefFlags {
  std::vector<std::string> paths;
  std::string format = "md";
  std::string output;
  std::string input_format = "auto";
  std::string data_dir;
  std::string language;
  InputLimits limits;
  size_t max_docs = 10000;
  int words = 250;
  std::string method = "dossier";
  bool analysis = false;
  bool tokens = false;
  std::vector<std::string> settings;
  bool no_clutter = false;
  bool quiet = false;
};

void Report(const Diagnostic& d, bool quiet, bool* had_error) {
  if (d.severity == Diagnostic::Severity::kError) *had_error = true;
  if (quiet && d.severity != Diagnostic::Severity::kError) return;
  std::cerr << "dossier: " << FormatDiagnostic(d) << "\n";
}

int RunBrief(const BriefFlags& flags) {
  Result<InputFormat> input_format = ParseInputFormat(flags.input_format);
  if (!input_format.ok()) {
    std::cerr << "dossier brief: " << input_format.status().ToString() << "\n";
    return kExitUsage;
  }
  Result<SummaryMethod> method = ParseSummaryMethod(flags.method);
  if (!method.ok()) {
    std::cerr << "dossier brief: " << method.status().ToString() << "\n";
    return kExitUsage;
  }
  BriefOptions brief_options;
  brief_options.summary.method = *method;
  brief_options.summary.max_words = flags.words;
  brief_options.data_dir = flags.data_dir;
  brief_options.language = flags.language;
  if (Status st = ApplySettings(flags.settings, &brief_options); !st.ok()) {
    std::cerr << "dossier brief: " << st.ToString() << "\n";
    return kExitUsage;
  }
  Result<InputBriefer> briefer = InputBriefer::Create(brief_options);
  if (!briefer.ok()) {
    std::cerr << "dossier brief: " << briefer.status().ToString() << "\n";
    return kExitUsage;
  }
  ReadOptions options = InterruptibleReadOptions(*input_format, flags.limits);
  options.max_documents_per_cluster = flags.max_docs;
  options.data_dir = flags.data_dir;
  RenderOptions render;
  render.tokens = flags.tokens;
  render.clutter = !flags.no_clutter;
  render.documents = flags.analysis || flags.tokens || flags.format == "json";
  const bool json = flags.format == "json";
  const bool html = flags.format == "html";
  bool write_failed = false;
  const bool to_file = !flags.output.empty();
  std::string buffer;  // whole output when writing a file (written atomically)
  bool had_error = false;
  size_t clusters = 0;

  auto sink = [&](const Cluster& cluster, const Briefing& briefing) {
    if (Interrupted()) return;
    for (const Diagnostic& d : cluster.diagnostics) Report(d, flags.quiet, &had_error);
    for (const BriefingNotice& n : briefing.notices) {
      if (!flags.quiet)
        std::cerr << "dossier: warning: " << cluster.id << ": " << n.message << "\n";
    }
    ++clusters;
    if (html && !to_file) {  // one page to standard output; more need -o
      if (clusters == 1) {
        std::cout << RenderHtml(cluster, briefing);
        std::cout.flush();
      } else if (clusters == 2) {
        std::cerr << "dossier brief: the input holds several clusters and standard output "
                     "takes one page; give -o FILE for a page per cluster (only the first "
                     "was written)\n";
        had_error = true;
      }
      return;
    }
    if (html) {
      // One page per cluster: FILE, then FILE's stem + "-2.html", "-3.html"...
      std::string path = flags.output;
      if (clusters > 1) {
        const size_t dot = path.rfind('.');
        const size_t slash = path.rfind('/');
        const bool has_ext =
            dot != std::string::npos && (slash == std::string::npos || dot > slash);
        path = (has_ext ? path.substr(0, dot) : path) + "-" + std::to_string(clusters) +
               (has_ext ? path.substr(dot) : ".html");
      }
      Status w = WriteFileAtomic(path, RenderHtml(cluster, briefing));
      if (!w.ok()) {
        std::cerr << "dossier brief: " << w.ToString() << "\n";
        write_failed = true;
      }
      return;
    }
    std::string rendered = json ? RenderJson(cluster, &briefing, render) + "\n"
                                : RenderMarkdown(cluster, &briefing, render);
    if (to_file) {
      buffer += rendered;
    } else {
      std::cout << rendered;
      std::cout.flush();
    }
  };
  std::vector<Diagnostic> diagnostics;
  std::vector<Input> inputs;
  for (const std::string& path : flags.paths) inputs.push_back(Input::File(path));
  Status status = briefer->Brief(inputs, options, sink, &diagnostics);
  for (const Diagnostic& d : diagnostics) Report(d, flags.quiet, &had_error);
  if (Interrupted()) {
    return ReportInterrupted("dossier brief",
                             html      ? "the pages written so far are complete; no other was begun"
                             : to_file ? "nothing written; the output is as it was"
                                       : "the briefings printed so far are complete");
  }
  if (!status.ok() && clusters == 0) {
    std::cerr << "dossier brief: " << status.ToString() << "\n";
    return kExitNoInput;
  }
  if (write_failed) return kExitOutputError;
  if (to_file && !html) {
    Status w = WriteFileAtomic(flags.output, buffer);
    if (!w.ok()) {
      std::cerr << "dossier brief: " << w.ToString() << "\n";
      return kExitOutputError;
    }
  }
  if (!std::cout) {
    std::cerr << "dossier brief: cannot write to standard output\n";
    return kExitOutputError;
  }
  return had_error ? kExitPartial : kExitOk;
}

}  // namespace

Command SetupBrief(CLI::App& app) {
  auto flags = std::make_shared<BriefFlags>();
  CLI::App* cmd = app.add_subcommand(
      "brief",
      "Brief a story: read the reports and transcripts given (files and folders together form "
      "one cluster; a Multi-News file holds one cluster per line) and print the briefing.");
  cmd->footer(
      "Examples:\n  dossier brief examples/harbor-bridge/\n"
      "  dossier brief --format json a.txt b.html feed.jsonl.gz\n"
      "  dossier brief --format json ../shared/data/multinews/dev.jsonl > briefs.jsonl\n\n" +
      std::string(kExitCodeHelp));
  cmd->add_option("paths", flags->paths,
                  "Input files or folders; '-' reads standard input. Formats: .txt, .html, "
                  ".jsonl ({id,source,title,date,url,text}), Multi-News .jsonl "
                  "({id,document,summary}); any of them gzipped.")
      ->required();
  cmd->add_option("--format,-f", flags->format,
                  "Output format: md or markdown, json (one object per cluster per line) or "
                  "html (a self-contained page per cluster: one to stdout, or -o FILE, "
                  "FILE-2.html...)")
      ->transform(CLI::Transformer({{"markdown", "md"}}))
      ->check(CLI::IsMember({"md", "json", "html"}))
      ->capture_default_str();
  cmd->add_option("--output,-o", flags->output,
                  "Write to this file (atomically: all or nothing) instead of stdout");
  AddInputOptions(cmd, &flags->input_format, &flags->data_dir, &flags->language, &flags->limits);
  cmd->add_option("--max-docs", flags->max_docs, "Most documents kept per cluster")
      ->capture_default_str();
  cmd->add_option("--words,-w", flags->words, "Word budget of the summary (whole sentences)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--method,-m", flags->method,
                  "Summary method: dossier (ours), lead, roundrobin, centroid, lexrank, "
                  "textrank, mmr")
      ->capture_default_str();
  cmd->add_option("--set", flags->settings,
                  "Research knob: a weight of our method, name=value (repeatable; see "
                  "docs/SUMMARIZER.md)");
  cmd->add_flag("--analysis", flags->analysis,
                "Markdown: also list every document's sentences, speaker turns and clutter");
  cmd->add_flag("--tokens", flags->tokens,
                "Also list every sentence's tokens and stems (implies --analysis)");
  cmd->add_flag("--no-clutter", flags->no_clutter, "Do not list the lines removed as clutter");
  cmd->add_flag("--quiet,-q", flags->quiet, "Print errors only, no warnings");
  return [flags] { return RunBrief(*flags); };
}

}  // namespace dossier::cli
