// EvaluateSummaries (dossier/evaluate.h): `dossier eval` as a library call.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "dossier/briefing.h"
#include "dossier/evaluate.h"
#include "dossier/pipeline.h"
#include "dossier/summary.h"

namespace dossier {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Everything the workers share, made before the first cluster is read.
struct Methods {
  Pipeline pipeline;
  Briefer briefer;
  std::vector<Summarizer> summarizers;
};

Result<Methods> MakeMethods(const SummaryEvalOptions& options, int words, int bytes) {
  BriefOptions brief;
  brief.summary.max_words = words;
  brief.summary.max_bytes = bytes;
  for (const auto& [name, value] : options.settings) {
    if (Status s = SetBriefSetting(&brief, name, value); !s.ok()) return s;
  }
  Result<Pipeline> pipeline = Pipeline::Create({});
  if (!pipeline.ok()) return pipeline.status();
  Result<Briefer> briefer = Briefer::Create(brief);
  if (!briefer.ok()) return briefer.status();
  std::vector<Summarizer> summarizers;
  for (const std::string& name : options.methods) {
    Result<SummaryMethod> method = ParseSummaryMethod(name);
    if (!method.ok()) return method.status();
    SummaryOptions o = brief.summary;
    o.method = *method;
    Result<Summarizer> s = Summarizer::Create(o);
    if (!s.ok()) return s.status();
    summarizers.push_back(std::move(*s));
  }
  return Methods{std::move(*pipeline), std::move(*briefer), std::move(summarizers)};
}

// One cluster and its summaries (one per method).
struct Item {
  Cluster cluster;
  std::vector<std::string> summaries;
  std::vector<SummarySearch> searches;
};

// Reads the clusters on this thread while `jobs` workers analyse each one
// and summarize it with every method as soon as it is read. A deque keeps
// every item in place while others are appended; each item holds its own
// results, so they do not depend on the number of workers.
std::deque<Item> SummarizeAll(const std::vector<Input>& data, const Methods& m, bool plan, int jobs,
                              std::vector<Diagnostic>* diagnostics, double* read_seconds,
                              Clock::time_point start) {
  std::deque<Item> items;
  std::mutex mu;
  std::condition_variable ready;
  size_t next = 0;
  bool still_reading = true;
  auto worker = [&] {
    Pipeline::Scratch scratch = m.pipeline.NewScratch();
    while (true) {
      Item* item = nullptr;
      {
        std::unique_lock<std::mutex> lock(mu);
        ready.wait(lock, [&] { return next < items.size() || !still_reading; });
        if (next >= items.size()) return;
        item = &items[next++];
      }
      m.pipeline.Analyze(&item->cluster, &scratch);
      item->summaries.resize(m.summarizers.size());
      item->searches.resize(m.summarizers.size());
      const SummaryPlan p = plan ? m.briefer.Plan(item->cluster) : SummaryPlan{};
      for (size_t k = 0; k < m.summarizers.size(); ++k) {
        const Summary summary = m.summarizers[k].Summarize(item->cluster, &p);
        item->summaries[k] = summary.Text();
        item->searches[k] = summary.search;
      }
      // Only the id, references and summaries are read from here on: the
      // documents and their analysis go now, so the memory they held serves
      // the next clusters (5,622 analysed plus-val clusters held to the end
      // took 460 MB, and the kernel's time to hand out fresh pages).
      std::vector<Document>().swap(item->cluster.documents);
    }
  };
  std::vector<std::thread> workers;
  for (int t = 0; t < jobs; ++t) workers.emplace_back(worker);
  ReadOptions read;
  read.format = InputFormat::kMultiNews;
  ReadInputs(
      data, read,
      [&](Cluster&& c) {
        {
          std::lock_guard<std::mutex> lock(mu);
          items.push_back(Item{std::move(c), {}, {}});
        }
        ready.notify_one();
      },
      diagnostics);
  *read_seconds = Since(start);
  {
    std::lock_guard<std::mutex> lock(mu);
    still_reading = false;
  }
  ready.notify_all();
  for (auto& t : workers) t.join();
  return items;
}

// The ROUGE items of method k: clusters with references only.
std::vector<eval::RougeItem> RougeItems(const std::deque<Item>& items, size_t k) {
  std::vector<eval::RougeItem> out;
  for (const Item& it : items) {
    if (it.cluster.references.empty()) continue;
    eval::RougeItem item;
    item.id = it.cluster.id;
    item.system_units = eval::SplitUnits(it.summaries[k]);
    for (const std::string& ref : it.cluster.references) {
      std::string r = ref;
      // Multi-News references open with "– ".
      if (r.rfind("\xE2\x80\x93 ", 0) == 0) r = r.substr(4);
      item.references.push_back(eval::SplitUnits(r));
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

Result<SummaryEvalReport> EvaluateSummaries(const std::vector<Input>& data,
                                            const SummaryEvalOptions& given) {
  const Clock::time_point start = Clock::now();
  SummaryEvalOptions options = given;
  if (options.methods.size() == 1 && options.methods[0] == "all") {
    options.methods.clear();
    for (SummaryMethod m : AllSummaryMethods()) options.methods.emplace_back(SummaryMethodName(m));
  }
  Result<eval::RougeOptions> rouge = eval::ProtocolOptions(options.protocol);
  if (!rouge.ok()) return rouge.status();
  if (!options.wordnet_dir.empty()) rouge->wordnet_dir = options.wordnet_dir;
  rouge->tokenizer = options.tokenizer;
  rouge->language = options.language;
  if (options.tokenizer == eval::RougeTokenizer::kUnicode) rouge->stem = !options.language.empty();
  SummaryEvalReport report;
  report.words = options.words > 0 ? options.words : rouge->word_limit;
  if (options.budget_unit == "bytes") {
    // The protocol's official byte limit (DUC 2004: 665), or about six bytes a word.
    report.bytes = options.bytes > 0                ? options.bytes
                   : rouge->official_byte_limit > 0 ? rouge->official_byte_limit
                                                    : 6 * report.words;
    rouge->word_limit = 0;
    rouge->byte_limit = report.bytes;
  } else if (options.budget_unit != "words") {
    return Status(StatusCode::kInvalidArgument,
                  "unknown budget unit \"" + options.budget_unit + "\" (words or bytes)");
  }
  report.jobs = std::max(
      1, options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency()));
  rouge->jobs = report.jobs;
  Result<Methods> methods = MakeMethods(options, report.words, report.bytes);
  if (!methods.ok()) return methods.status();
  std::optional<eval::RougeScorer> scorer;
  if (options.score) {
    Result<eval::RougeScorer> r = eval::RougeScorer::Create(*rouge);
    if (!r.ok()) return r.status();
    scorer.emplace(std::move(*r));
  }
  const std::deque<Item> items = SummarizeAll(data, *methods, options.plan, report.jobs,
                                              &report.diagnostics, &report.read_seconds, start);
  if (items.empty()) {
    return Status(StatusCode::kEmptyInput,
                  "no cluster read" + (data.size() == 1 ? " from " + data[0].path : "") +
                      ": eval reads Multi-News JSON Lines, one cluster with its reference "
                      "summaries a line ({\"id\",\"document\",\"summary\"} or "
                      "{\"id\",\"documents\",\"references\"}); to brief a pile of files, "
                      "use dossier brief");
  }
  report.summarize_seconds = Since(start);
  report.clusters = items.size();
  for (size_t k = 0; k < options.methods.size(); ++k) {
    MethodEval& method = report.methods.emplace_back();
    method.method = options.methods[k];
    for (const Item& item : items) {
      method.summaries.emplace_back(item.cluster.id, item.summaries[k]);
      method.exact += item.searches[k] == SummarySearch::kExact;
      method.capped += item.searches[k] == SummarySearch::kCapped;
    }
    if (scorer) {
      Result<eval::RougeReport> scored = scorer->Score(RougeItems(items, k));
      if (!scored.ok()) return scored.status();
      method.metrics = scored->metrics;
    }
  }
  return report;
}

}  // namespace dossier
