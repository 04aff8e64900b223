// dossier eval DATA.jsonl: summarize every cluster of a Multi-News-form file,
// write {"id","summary"} lines, score them against the references with
// ROUGE-1.5.5's protocol and print the table.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <iomanip>
#include <iostream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "dossier/evaluate.h"
#include "dossier/files.h"
#include "dossier/ingest.h"
#include "dossier/rouge.h"
#include "dossier/summary.h"

namespace dossier::cli {
namespace {

struct EvalFlags {
  std::string data;
  std::vector<std::string> methods{"dossier"};
  std::string method_list = "dossier";  // comma-separated, as given
  int words = 0;                        // 0: the protocol's
  std::string budget_unit = "words";
  int bytes = 0;  // 0: the protocol's
  std::string protocol = "multinews";
  std::string output;
  int jobs = 0;
  bool json = false;
  bool no_score = false;
  bool no_plan = false;
  std::string wordnet;
  std::string tokenize = "rouge155";
  std::string language;
  std::vector<std::string> settings;
};

// The {"id","summary"} lines (with "method" when there are several).
std::string SummaryLines(const SummaryEvalReport& report) {
  std::string out;
  for (const MethodEval& m : report.methods) {
    for (const auto& [id, summary] : m.summaries) {
      nlohmann::ordered_json line;
      if (report.methods.size() > 1) line["method"] = m.method;
      line["id"] = id;
      line["summary"] = summary;
      out += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
  }
  return out;
}

// What the scores are, for the table's heading.
std::string ScoreNote(const EvalFlags& flags) {
  if (flags.no_score) return "";
  if (flags.tokenize != "unicode") return "; ROUGE-1.5.5 bootstrap averages ×100";
  return "; ROUGE bootstrap averages ×100 on Unicode tokens (" +
         (flags.language.empty() ? std::string("no stemming") : "stemmer " + flags.language) + ")";
}

void PrintReport(const EvalFlags& flags, const SummaryEvalReport& report, double total) {
  const double secs = report.summarize_seconds;
  const double rate = secs > 0 ? static_cast<double>(report.clusters) / secs : 0.0;
  nlohmann::ordered_json table = nlohmann::ordered_json::object();
  std::ostringstream text;
  text << std::fixed << std::setprecision(2);
  const size_t n = report.methods.size();
  text << report.clusters << " clusters read, analysed and summarized (" << n << " method"
       << (n == 1 ? "" : "s") << ") in " << secs << " s (" << rate << " clusters/s, " << report.jobs
       << " thread" << (report.jobs == 1 ? "" : "s") << ")\n";
  for (const MethodEval& m : report.methods) {
    nlohmann::ordered_json row;
    row["clusters"] = report.clusters;
    row["clusters_per_s"] = rate;
    text << m.method << ":\n";
    if (m.exact + m.capped > 0) {
      // Short budgets: how the search ended (a capped one keeps the best set found).
      row["search_exact"] = m.exact;
      row["search_capped"] = m.capped;
      text << "  search: " << m.exact << " exact, " << m.capped << " capped (best found kept)\n";
    }
    for (const eval::MetricScore& s : m.metrics) {
      row[s.name] = {{"r", s.average.r}, {"p", s.average.p}, {"f", s.average.f}};
      text << "  " << std::left << std::setw(10) << s.name << std::right << " R "
           << 100 * s.average.r << "  P " << 100 * s.average.p << "  F " << 100 * s.average.f
           << "   (F 95% CI " << 100 * s.ci_low.f << "–" << 100 * s.ci_high.f << ")\n";
    }
    table[m.method] = std::move(row);
  }
  if (flags.json) {
    table["seconds"] = total;
    std::cout << table.dump() << "\n";
  } else {
    std::cout << "dossier eval " << flags.data << " — protocol " << flags.protocol << ", "
              << (report.bytes > 0 ? report.bytes : report.words)
              << (report.bytes > 0 ? " bytes" : " words") << ScoreNote(flags) << "\n"
              << text.str() << std::fixed << std::setprecision(3) << "read " << report.read_seconds
              << " s, total " << total << " s\n";
  }
}

int RunEval(const EvalFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  SummaryEvalOptions options;
  options.protocol = flags.protocol;
  options.methods = flags.methods;
  options.words = flags.words;
  options.budget_unit = flags.budget_unit;
  options.bytes = flags.bytes;
  options.jobs = flags.jobs;
  options.score = !flags.no_score;
  options.plan = !flags.no_plan;
  options.wordnet_dir = flags.wordnet;
  Result<eval::RougeTokenizer> tokenizer = eval::ParseRougeTokenizer(flags.tokenize);
  if (!tokenizer.ok()) {
    std::cerr << "dossier eval: " << tokenizer.status().ToString() << "\n";
    return kExitUsage;
  }
  options.tokenizer = *tokenizer;
  options.language = flags.language;
  Result<std::vector<std::pair<std::string, double>>> settings = ParseSettings(flags.settings);
  if (!settings.ok()) {
    std::cerr << "dossier eval: " << settings.status().ToString() << "\n";
    return kExitUsage;
  }
  options.settings = *settings;
  Result<SummaryEvalReport> report = EvaluateSummaries({Input::File(flags.data)}, options);
  if (!report.ok()) {
    std::cerr << "dossier eval: " << report.status().ToString() << "\n";
    return report.status().code() == StatusCode::kEmptyInput ? kExitNoInput : kExitUsage;
  }
  bool had_error = false;
  for (const Diagnostic& d : report->diagnostics) {
    if (d.severity != Diagnostic::Severity::kError) continue;
    had_error = true;
    std::cerr << "dossier eval: " << d.status.ToString() << "\n";
  }
  if (!flags.output.empty()) {
    Status w = WriteFileAtomic(flags.output, SummaryLines(*report));
    if (!w.ok()) {
      std::cerr << "dossier eval: " << w.ToString() << "\n";
      return kExitOutputError;
    }
  }
  PrintReport(flags, *report,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return had_error ? kExitPartial : kExitOk;
}

}  // namespace

Command SetupEval(CLI::App& app) {
  auto flags = std::make_shared<EvalFlags>();
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "Summarize every cluster of a Multi-News-form file and score the summaries against its "
      "references with ROUGE-1.5.5's protocol.");
  cmd->footer(std::string("Examples:\n  dossier eval ../shared/data/multinews/dev.jsonl\n"
                          "  dossier eval --method dossier,lead,lexrank --jobs 2 -o out.jsonl "
                          "dev.jsonl\n\n") +
              kExitCodeHelp);
  cmd->add_option("data", flags->data, "Multi-News-form JSONL (.gz allowed)")->required();
  cmd->add_option("--method,-m", flags->method_list,
                  "Methods, comma-separated: dossier, lead, roundrobin, centroid, lexrank, "
                  "textrank, mmr, or all")
      ->capture_default_str();
  cmd->add_option("--words,-w", flags->words, "Word budget (default: the protocol's)");
  cmd->add_option("--budget-unit", flags->budget_unit,
                  "words, or bytes: the budget and ROUGE's cut in bytes (-b; duc2004: 665, "
                  "DUC 2004's official limit)")
      ->check(CLI::IsMember({"words", "bytes"}))
      ->capture_default_str();
  cmd->add_option("--bytes", flags->bytes,
                  "Byte budget with --budget-unit bytes (default: the "
                  "protocol's)");
  cmd->add_option("--protocol", flags->protocol,
                  "multinews (300 words, -n 2 -2 4 -u -m, F) or duc2004 (100 words, -n 4 -m, R)")
      ->check(CLI::IsMember({"multinews", "duc2004"}))
      ->capture_default_str();
  cmd->add_option("--output,-o", flags->output, "Write the {\"id\",\"summary\"} lines here");
  cmd->add_option("--jobs,-j", flags->jobs, "Threads (default: all cores)");
  cmd->add_flag("--json", flags->json, "Print the table as JSON");
  cmd->add_option("--set", flags->settings,
                  "Research knob: a weight of our method, name=value (repeatable; see "
                  "docs/SUMMARIZER.md), e.g. --set lead_prior=0");
  cmd->add_option("--tokenize", flags->tokenize,
                  "ROUGE's tokens: rouge155 (ROUGE-1.5.5's, ASCII) or unicode (words of any "
                  "language; characters of Chinese, Japanese, Thai; see dossier rouge --help)")
      ->capture_default_str();
  cmd->add_option("--language", flags->language,
                  "With --tokenize unicode: stem (the protocol's -m) with this Snowball "
                  "stemmer (en, de, fr, ru, ...); without it, no stemming");
  cmd->add_flag("--no-score", flags->no_score, "Only summarize (no ROUGE)");
  cmd->add_flag("--no-plan", flags->no_plan,
                "Summarize every document and sentence as given: no copies or other stories "
                "left out, no events to cover, no barred lines (for ablations)");
  cmd->add_option("--wordnet", flags->wordnet,
                  "Folder with WordNet's *.exc lists for -m stemming (default: Debian's)");
  return [flags] {
    EvalFlags f = *flags;
    f.methods.clear();
    if (f.method_list == "all") {
      for (SummaryMethod m : AllSummaryMethods()) f.methods.emplace_back(SummaryMethodName(m));
    } else {
      size_t pos = 0;
      while (pos <= f.method_list.size()) {
        size_t comma = f.method_list.find(',', pos);
        if (comma == std::string::npos) comma = f.method_list.size();
        if (comma > pos) f.methods.push_back(f.method_list.substr(pos, comma - pos));
        pos = comma + 1;
      }
    }
    return RunEval(f);
  };
}

}  // namespace dossier::cli
