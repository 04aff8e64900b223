// dossier eval-extract DATA_DIR: runs our article extractor on the article
// extraction benchmark's pages, scores it and every saved baseline output with
// the benchmark's own metric (dossier/extraction_score.h) and prints one table
// sorted by F1, plus the extraction speed on one thread.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "dossier/evaluate.h"
#include "dossier/extraction_score.h"
#include "dossier/files.h"

namespace dossier::cli {
namespace {

namespace fs = std::filesystem;
using eval::BootstrapOptions;
using eval::PageScore;
using Json = nlohmann::ordered_json;

constexpr const char* kOurName = "dossier";

struct EvalExtractFlags {
  std::string data;
  int jobs = 0;
  bool json = false;
  std::string output;
  bool system_only = false;
  std::string per_page;
  int samples = 1000;
  uint64_t seed = 0;
};

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string Cell(const eval::Estimate& e) { return Fixed(e.value, 3) + " ± " + Fixed(e.std, 3); }

Json EstimateJson(const eval::Estimate& e) { return Json{{"value", e.value}, {"std", e.std}}; }

std::string Pad(const std::string& s, size_t width) {
  return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

// Our extractions in the benchmark's format: {"version", "output": {id: {"articleBody"}}}.
std::string BenchmarkOutput(const ExtractionEvalReport& report) {
  Json items = Json::object();
  for (const ExtractedPage& p : report.pages) items[p.id] = Json{{"articleBody", p.text}};
  const Json file{{"version", report.version}, {"output", std::move(items)}};
  return file.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

// Our score on each page as JSON Lines, with the best other system's.
std::string PerPageLines(const ExtractionEvalReport& report) {
  const ExtractionSystem& mine = *std::find_if(report.systems.begin(), report.systems.end(),
                                               [](const ExtractionSystem& r) { return r.ours; });
  std::string lines;
  for (size_t i = 0; i < report.pages.size(); ++i) {
    const ExtractedPage& page = report.pages[i];
    const PageScore& s = mine.pages[i];
    Json line{{"id", page.id},
              {"url", page.url},
              {"found", page.found},
              {"why_not", page.why_not.empty() ? Json(nullptr) : Json(page.why_not)},
              {"f1", s.F1()},
              {"precision", s.HasPrecision() ? Json(s.Precision()) : Json(nullptr)},
              {"recall", s.HasRecall() ? Json(s.Recall()) : Json(nullptr)},
              {"exact", s.exact},
              {"truth_tokens", s.truth_tokens},
              {"predicted_tokens", s.predicted_tokens},
              {"html_bytes", page.html_bytes},
              {"extract_ms", page.seconds * 1000}};
    // The best other system on this page, to show what is reachable.
    const ExtractionSystem* best = nullptr;
    for (const ExtractionSystem& r : report.systems) {
      if (!r.ours && (best == nullptr || r.pages[i].F1() > best->pages[i].F1())) best = &r;
    }
    if (best != nullptr) {
      line["best_other"] = Json{{"name", best->name}, {"f1", best->pages[i].F1()}};
    }
    lines += line.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  }
  return lines;
}

std::string JsonTable(const EvalExtractFlags& flags, const ExtractionEvalReport& report,
                      double total) {
  const double t = report.extract_seconds;
  Json systems = Json::array();
  for (const ExtractionSystem& r : report.systems) {
    systems.push_back(Json{{"name", r.name},
                           {"version", r.version},
                           {"ours", r.ours},
                           {"f1", EstimateJson(r.scores.f1)},
                           {"precision", EstimateJson(r.scores.precision)},
                           {"recall", EstimateJson(r.scores.recall)},
                           {"accuracy", EstimateJson(r.scores.accuracy)}});
  }
  const Json out{{"pages", report.pages.size()},
                 {"bootstrap", {{"samples", flags.samples}, {"seed", flags.seed}}},
                 {"systems", std::move(systems)},
                 {"extraction",
                  {{"pages", report.pages_read},
                   {"found", report.found},
                   {"html_bytes", report.html_bytes},
                   {"seconds", t},
                   {"pages_per_s", t > 0 ? report.pages_read / t : 0.0},
                   {"mb_per_s", t > 0 ? static_cast<double>(report.html_bytes) / 1e6 / t : 0.0},
                   {"threads", 1}}},
                 {"seconds", total}};
  return out.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string TextTable(const EvalExtractFlags& flags, const ExtractionEvalReport& report,
                      double total) {
  const double mb = static_cast<double>(report.html_bytes) / 1e6;
  const double t = report.extract_seconds;
  size_t name_width = 20;
  for (const ExtractionSystem& r : report.systems) {
    name_width = std::max(name_width, r.name.size() + 1);
  }
  std::ostringstream text;
  text << "dossier eval-extract " << flags.data << ": " << report.pages.size()
       << " pages, the benchmark's metric (evaluate.py); ± is the bootstrap standard deviation ("
       << flags.samples << " resamples, seed " << flags.seed << ")\n\n";
  text << "   " << Pad("", name_width) << Pad("version", 13) << Pad("F1", 15)
       << Pad("precision", 15) << Pad("recall", 15) << "accuracy\n";
  for (const ExtractionSystem& r : report.systems) {
    text << (r.ours ? " * " : "   ") << Pad(r.name, name_width)
         << Pad(r.version.empty() ? "-" : r.version, 13) << Cell(r.scores.f1) << "  "
         << Cell(r.scores.precision) << "  " << Cell(r.scores.recall) << "  "
         << Cell(r.scores.accuracy) << "\n";
  }
  text << "\n* " << kOurName << ": an article found on " << report.found << " of "
       << report.pages_read << " pages; extraction alone on one thread: " << Fixed(t, 3)
       << " s for " << Fixed(mb, 2) << " MB of HTML, "
       << Fixed(t > 0 ? report.pages_read / t : 0.0, 1) << " pages/s, "
       << Fixed(t > 0 ? mb / t : 0.0, 2) << " MB/s\n";
  text << "total " << Fixed(total, 2) << " s\n";
  return text.str();
}

int RunEvalExtract(const EvalExtractFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  ExtractionEvalOptions options;
  options.baselines = !flags.system_only;
  options.jobs = flags.jobs;
  options.bootstrap = BootstrapOptions{flags.samples, flags.seed};
  Result<ExtractionEvalReport> report = EvaluateExtraction(flags.data, options);
  if (!report.ok()) {
    std::cerr << "dossier eval-extract: " << report.status().ToString() << "\n";
    return kExitNoInput;
  }
  for (const Status& p : report->problems) {
    std::cerr << "dossier eval-extract: " << p.ToString() << "\n";
  }
  for (const auto& [path, content] :
       {std::pair<const std::string*, std::string>{
            &flags.output, flags.output.empty() ? std::string() : BenchmarkOutput(*report)},
        {&flags.per_page, flags.per_page.empty() ? std::string() : PerPageLines(*report)}}) {
    if (path->empty()) continue;
    if (Status w = WriteFileAtomic(*path, content); !w.ok()) {
      std::cerr << "dossier eval-extract: " << w.ToString() << "\n";
      return kExitOutputError;
    }
  }
  const double total =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << (flags.json ? JsonTable(flags, *report, total) : TextTable(flags, *report, total));
  return report->problems.empty() ? kExitOk : kExitPartial;
}

}  // namespace

Command SetupEvalExtract(CLI::App& app) {
  auto flags = std::make_shared<EvalExtractFlags>();
  CLI::App* cmd = app.add_subcommand(
      "eval-extract",
      "Score our article extraction on the article extraction benchmark "
      "(ground-truth.json, html/*.html.gz) beside the saved outputs of other extractors "
      "(baseline_outputs/*.json), with the benchmark's own metric.");
  cmd->footer(std::string("Examples:\n  dossier eval-extract ../shared/data/article-extraction\n"
                          "  dossier eval-extract --system-only --per-page pages.jsonl DATA_DIR\n\n"
                          "-o writes our output in the benchmark's format, to score with its "
                          "evaluate.py.\n") +
              kExitCodeHelp);
  cmd->add_option("data", flags->data,
                  "Benchmark folder: ground-truth.json, html/, baseline_outputs/")
      ->required();
  cmd->add_option("--jobs,-j", flags->jobs,
                  "Threads for scoring the saved outputs (default: all cores); extraction "
                  "always runs on one thread");
  cmd->add_flag("--json", flags->json, "Print the table and the speed as JSON");
  cmd->add_option("--output,-o", flags->output,
                  "Write our extractions here, as {\"version\", \"output\": {id: "
                  "{\"articleBody\"}}}");
  cmd->add_flag("--system-only", flags->system_only, "Score only our extractor");
  cmd->add_option("--per-page", flags->per_page,
                  "Write our score on each page as JSON Lines, with the best other system's");
  cmd->add_option("--bootstrap", flags->samples, "Bootstrap resamples for the ±")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  cmd->add_option("--seed", flags->seed, "Seed of the resampling, as Python's random.seed")
      ->capture_default_str();
  return [flags] { return RunEvalExtract(*flags); };
}

}  // namespace dossier::cli
