// EvaluateExtraction (dossier/evaluate.h): `dossier eval-extract` as a library call.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "dossier/article.h"
#include "dossier/evaluate.h"
#include "dossier/files.h"
#include "dossier/version.h"
#include "util/utf8.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;
constexpr uint64_t kMaxPageBytes = uint64_t{256} << 20;

// Reads every page into memory (gzip, UTF-8 repair), then extracts them one
// after the other on this thread, timing only ExtractArticle.
void ExtractPages(const fs::path& root, ExtractionEvalReport* report) {
  std::vector<std::string> html(report->pages.size());
  for (size_t i = 0; i < report->pages.size(); ++i) {
    ExtractedPage& page = report->pages[i];
    const std::string path = (root / "html" / (page.id + ".html.gz")).string();
    Result<FileContents> file = ReadInputFile(path, kMaxPageBytes);
    if (!file.ok()) {
      report->problems.push_back(
          Status(file.status().code(), file.status().message() + " (scored as an empty prediction)",
                 file.status().input()));
      continue;
    }
    if (!file->warning.ok()) report->problems.push_back(file->warning);
    page.read = true;
    page.html_bytes = file->bytes.size();
    NormalizeOptions options;
    options.latex_quotes = false;
    html[i] = NormalizeText(file->bytes, options).text;
  }
  for (size_t i = 0; i < report->pages.size(); ++i) {
    ExtractedPage& page = report->pages[i];
    if (!page.read) continue;
    const auto t0 = std::chrono::steady_clock::now();
    Result<Article> article = ExtractArticle(html[i]);
    page.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    report->extract_seconds += page.seconds;
    report->html_bytes += page.html_bytes;
    ++report->pages_read;
    std::string().swap(html[i]);
    if (!article.ok()) {
      page.why_not = article.status().ToString();
      continue;
    }
    page.found = article->found;
    if (article->found) {
      page.text = std::move(article->text);
      ++report->found;
    } else {
      page.why_not = article->why_not;
    }
  }
}

// The saved outputs of other systems, scored on `jobs` threads; those that
// cannot be read or scored are problems, skipped.
void ScoreBaselines(const fs::path& root, const eval::ArticleBodies& truth,
                    const ExtractionEvalOptions& options, ExtractionEvalReport* report) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(root / "baseline_outputs", ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() == ".json") files.push_back(it->path());
  }
  if (ec) {
    report->problems.push_back(
        Status(StatusCode::kIoError, ec.message(), (root / "baseline_outputs").string()));
  }
  std::sort(files.begin(), files.end());
  std::vector<ExtractionSystem> baselines(files.size());
  std::vector<Status> failures(files.size());
  std::atomic<size_t> next{0};
  const auto worker = [&] {
    for (size_t k = next++; k < files.size(); k = next++) {
      Result<eval::ArticleBodies> output = eval::ReadArticleBodies(files[k].string());
      if (!output.ok()) {
        failures[k] = output.status();
        continue;
      }
      Result<std::vector<eval::PageScore>> scored = eval::ScorePages(truth, *output);
      if (!scored.ok()) {
        failures[k] = Status(scored.status().code(), scored.status().message(), files[k].string());
        continue;
      }
      baselines[k] =
          ExtractionSystem{files[k].stem().string(), output->version, false,
                           eval::AggregateScores(*scored, options.bootstrap), std::move(*scored)};
    }
  };
  int jobs =
      options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency());
  jobs = std::clamp(jobs, 1, static_cast<int>(std::max<size_t>(files.size(), 1)));
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
  for (size_t k = 0; k < files.size(); ++k) {
    if (!failures[k].ok()) {
      report->problems.push_back(
          Status(failures[k].code(), failures[k].message() + " (skipped)", failures[k].input()));
    } else {
      report->systems.push_back(std::move(baselines[k]));
    }
  }
}

}  // namespace

Result<ExtractionEvalReport> EvaluateExtraction(const std::string& benchmark_dir,
                                                const ExtractionEvalOptions& options) {
  const fs::path root = benchmark_dir;
  Result<eval::ArticleBodies> truth =
      eval::ReadArticleBodies((root / "ground-truth.json").string());
  if (!truth.ok()) return truth.status();
  ExtractionEvalReport report;
  report.version = Version();
  for (size_t i = 0; i < truth->ids.size(); ++i) {
    ExtractedPage& page = report.pages.emplace_back();
    page.id = truth->ids[i];
    page.url = i < truth->urls.size() ? truth->urls[i] : std::string();
  }
  ExtractPages(root, &report);
  eval::ArticleBodies ours;
  ours.version = report.version;
  ours.ids = truth->ids;
  ours.urls = truth->urls;
  for (const ExtractedPage& page : report.pages) ours.bodies.push_back(page.text);
  Result<std::vector<eval::PageScore>> scored = eval::ScorePages(*truth, ours);
  if (!scored.ok()) return scored.status();
  report.systems.push_back(ExtractionSystem{"dossier", ours.version, true,
                                            eval::AggregateScores(*scored, options.bootstrap),
                                            std::move(*scored)});
  if (options.baselines) ScoreBaselines(root, *truth, options, &report);
  std::stable_sort(report.systems.begin(), report.systems.end(),
                   [](const ExtractionSystem& a, const ExtractionSystem& b) {
                     if (a.scores.f1.value != b.scores.f1.value) {
                       return a.scores.f1.value > b.scores.f1.value;
                     }
                     return a.name < b.name;
                   });
  return report;
}

}  // namespace dossier
