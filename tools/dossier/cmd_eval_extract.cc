// dossier eval-extract DATA_DIR: runs our article extractor on the article
// extraction benchmark's pages, scores it and every saved baseline output with
// the benchmark's own metric (src/eval/extraction_score.h) and prints one table
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
#include "dossier/article.h"
#include "dossier/version.h"
#include "eval/extraction_score.h"
#include "util/file_io.h"
#include "util/utf8.h"

namespace dossier::cli {
namespace {

namespace fs = std::filesystem;
using eval::ArticleBodies;
using eval::BootstrapOptions;
using eval::ExtractionScores;
using eval::PageScore;
using Json = nlohmann::ordered_json;

constexpr const char* kOurName = "dossier";
constexpr uint64_t kMaxPageBytes = uint64_t{256} << 20;

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

struct Row {
  std::string name;
  std::string version;
  bool ours = false;
  ExtractionScores scores;
  std::vector<PageScore> pages;
};

// Our extraction of one page.
struct Page {
  std::string html;       // valid UTF-8 (repaired as ReadHtmlDocument does)
  size_t html_bytes = 0;  // as read (decompressed), before any repair
  bool read = false;
  bool found = false;
  std::string why_not;
  std::string text;
  double seconds = 0;
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

int RunEvalExtract(const EvalExtractFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  const fs::path root = flags.data;
  bool partial = false;
  const auto error = [&](const std::string& message) {
    std::cerr << "dossier eval-extract: " << message << "\n";
    partial = true;
  };

  Result<ArticleBodies> truth = eval::ReadArticleBodies((root / "ground-truth.json").string());
  if (!truth.ok()) {
    std::cerr << "dossier eval-extract: " << truth.status().ToString() << "\n";
    return kExitNoInput;
  }
  const size_t n = truth->ids.size();

  // 1. Read every page into memory (gzip, UTF-8 repair), then extract them
  //    one after the other on this thread, timing only ExtractArticle.
  std::vector<Page> pages(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string path = (root / "html" / (truth->ids[i] + ".html.gz")).string();
    Result<FileContents> file = ReadInputFile(path, kMaxPageBytes);
    if (!file.ok()) {
      error(file.status().ToString() + " (scored as an empty prediction)");
      continue;
    }
    if (!file->warning.ok()) error(file->warning.ToString());
    Page& page = pages[i];
    page.read = true;
    page.html_bytes = file->bytes.size();
    NormalizeOptions options;
    options.latex_quotes = false;
    page.html = NormalizeText(file->bytes, options).text;
  }
  size_t html_bytes = 0, pages_read = 0, found = 0;
  double extract_seconds = 0;
  for (Page& page : pages) {
    if (!page.read) continue;
    const auto t0 = std::chrono::steady_clock::now();
    Result<Article> article = ExtractArticle(page.html);
    const auto t1 = std::chrono::steady_clock::now();
    page.seconds = std::chrono::duration<double>(t1 - t0).count();
    extract_seconds += page.seconds;
    html_bytes += page.html_bytes;
    ++pages_read;
    page.html.clear();
    page.html.shrink_to_fit();
    if (!article.ok()) {
      page.why_not = article.status().ToString();
      continue;
    }
    page.found = article->found;
    if (article->found) {
      page.text = std::move(article->text);
      ++found;
    } else {
      page.why_not = article->why_not;
    }
  }

  ArticleBodies ours;
  ours.version = Version();
  ours.ids = truth->ids;
  ours.urls = truth->urls;
  for (Page& page : pages) ours.bodies.push_back(page.text);

  // 2. Score ours and every saved output, each on the same resampled pages.
  const BootstrapOptions bootstrap{flags.samples, flags.seed};
  std::vector<Row> rows;
  {
    Result<std::vector<PageScore>> scored = eval::ScorePages(*truth, ours);
    if (!scored.ok()) {
      std::cerr << "dossier eval-extract: " << scored.status().ToString() << "\n";
      return kExitInternal;
    }
    Row row{kOurName, ours.version, true, eval::AggregateScores(*scored, bootstrap),
            std::move(*scored)};
    rows.push_back(std::move(row));
  }
  if (!flags.system_only) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(root / "baseline_outputs", ec), end; !ec && it != end;
         it.increment(ec)) {
      if (it->path().extension() == ".json") files.push_back(it->path());
    }
    if (ec) error((root / "baseline_outputs").string() + ": " + ec.message());
    std::sort(files.begin(), files.end());
    std::vector<Row> baselines(files.size());
    std::vector<Status> failures(files.size());
    std::atomic<size_t> next{0};
    const auto worker = [&] {
      for (size_t k = next++; k < files.size(); k = next++) {
        Result<ArticleBodies> output = eval::ReadArticleBodies(files[k].string());
        if (!output.ok()) {
          failures[k] = output.status();
          continue;
        }
        Result<std::vector<PageScore>> scored = eval::ScorePages(*truth, *output);
        if (!scored.ok()) {
          failures[k] =
              Status(scored.status().code(), scored.status().message(), files[k].string());
          continue;
        }
        baselines[k] = Row{files[k].stem().string(), output->version, false,
                           eval::AggregateScores(*scored, bootstrap), std::move(*scored)};
      }
    };
    int jobs = flags.jobs > 0 ? flags.jobs : static_cast<int>(std::thread::hardware_concurrency());
    jobs = std::clamp(jobs, 1, static_cast<int>(std::max<size_t>(files.size(), 1)));
    std::vector<std::thread> threads;
    for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
    worker();
    for (std::thread& t : threads) t.join();
    for (size_t k = 0; k < files.size(); ++k) {
      if (!failures[k].ok()) {
        error(failures[k].ToString() + " (skipped)");
      } else {
        rows.push_back(std::move(baselines[k]));
      }
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.scores.f1.value != b.scores.f1.value) return a.scores.f1.value > b.scores.f1.value;
    return a.name < b.name;
  });

  // 3. Outputs: ours in the benchmark's format, our per-page scores, the table.
  if (!flags.output.empty()) {
    Json items = Json::object();
    for (size_t i = 0; i < n; ++i) items[ours.ids[i]] = Json{{"articleBody", ours.bodies[i]}};
    const Json file{{"version", ours.version}, {"output", std::move(items)}};
    Status w = WriteFileAtomic(flags.output,
                               file.dump(1, ' ', false, Json::error_handler_t::replace) + "\n");
    if (!w.ok()) {
      std::cerr << "dossier eval-extract: " << w.ToString() << "\n";
      return kExitOutputError;
    }
  }
  if (!flags.per_page.empty()) {
    const Row& mine = *std::find_if(rows.begin(), rows.end(), [](const Row& r) { return r.ours; });
    std::string lines;
    for (size_t i = 0; i < n; ++i) {
      const PageScore& s = mine.pages[i];
      Json line{{"id", truth->ids[i]},
                {"url", truth->urls[i]},
                {"found", pages[i].found},
                {"why_not", pages[i].why_not.empty() ? Json(nullptr) : Json(pages[i].why_not)},
                {"f1", s.F1()},
                {"precision", s.HasPrecision() ? Json(s.Precision()) : Json(nullptr)},
                {"recall", s.HasRecall() ? Json(s.Recall()) : Json(nullptr)},
                {"exact", s.exact},
                {"truth_tokens", s.truth_tokens},
                {"predicted_tokens", s.predicted_tokens},
                {"html_bytes", pages[i].html_bytes},
                {"extract_ms", pages[i].seconds * 1000}};
      // The best other system on this page, to show what is reachable.
      const Row* best = nullptr;
      for (const Row& r : rows) {
        if (!r.ours && (best == nullptr || r.pages[i].F1() > best->pages[i].F1())) best = &r;
      }
      if (best != nullptr)
        line["best_other"] = Json{{"name", best->name}, {"f1", best->pages[i].F1()}};
      lines += line.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
    }
    Status w = WriteFileAtomic(flags.per_page, lines);
    if (!w.ok()) {
      std::cerr << "dossier eval-extract: " << w.ToString() << "\n";
      return kExitOutputError;
    }
  }

  const double mb = static_cast<double>(html_bytes) / 1e6;
  const double pages_per_s = extract_seconds > 0 ? pages_read / extract_seconds : 0.0;
  const double mb_per_s = extract_seconds > 0 ? mb / extract_seconds : 0.0;
  const double total =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (flags.json) {
    Json systems = Json::array();
    for (const Row& r : rows) {
      systems.push_back(Json{{"name", r.name},
                             {"version", r.version},
                             {"ours", r.ours},
                             {"f1", EstimateJson(r.scores.f1)},
                             {"precision", EstimateJson(r.scores.precision)},
                             {"recall", EstimateJson(r.scores.recall)},
                             {"accuracy", EstimateJson(r.scores.accuracy)}});
    }
    const Json out{{"pages", n},
                   {"bootstrap", {{"samples", flags.samples}, {"seed", flags.seed}}},
                   {"systems", std::move(systems)},
                   {"extraction",
                    {{"pages", pages_read},
                     {"found", found},
                     {"html_bytes", html_bytes},
                     {"seconds", extract_seconds},
                     {"pages_per_s", pages_per_s},
                     {"mb_per_s", mb_per_s},
                     {"threads", 1}}},
                   {"seconds", total}};
    std::cout << out.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
    return partial ? kExitPartial : kExitOk;
  }
  size_t name_width = 20;
  for (const Row& r : rows) name_width = std::max(name_width, r.name.size() + 1);
  std::ostringstream text;
  text << "dossier eval-extract " << flags.data << ": " << n
       << " pages, the benchmark's metric (evaluate.py); ± is the bootstrap standard deviation ("
       << flags.samples << " resamples, seed " << flags.seed << ")\n\n";
  text << "   " << Pad("", name_width) << Pad("version", 13) << Pad("F1", 15)
       << Pad("precision", 15) << Pad("recall", 15) << "accuracy\n";
  for (const Row& r : rows) {
    text << (r.ours ? " * " : "   ") << Pad(r.name, name_width)
         << Pad(r.version.empty() ? "-" : r.version, 13) << Cell(r.scores.f1) << "  "
         << Cell(r.scores.precision) << "  " << Cell(r.scores.recall) << "  "
         << Cell(r.scores.accuracy) << "\n";
  }
  text << "\n* " << kOurName << ": an article found on " << found << " of " << pages_read
       << " pages; extraction alone on one thread: " << Fixed(extract_seconds, 3) << " s for "
       << Fixed(mb, 2) << " MB of HTML, " << Fixed(pages_per_s, 1) << " pages/s, "
       << Fixed(mb_per_s, 2) << " MB/s\n";
  text << "total " << Fixed(total, 2) << " s\n";
  std::cout << text.str();
  return partial ? kExitPartial : kExitOk;
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
