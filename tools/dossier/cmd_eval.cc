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
#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "dossier/rouge.h"
#include "dossier/summary.h"
#include "util/file_io.h"

namespace dossier::cli {
namespace {

using eval::MetricScore;
using eval::ProtocolOptions;
using eval::RougeItem;
using eval::RougeOptions;
using eval::RougeReport;
using eval::RougeScorer;
using eval::SplitUnits;

struct EvalFlags {
  std::string data;
  std::vector<std::string> methods{"dossier"};
  std::string method_list = "dossier";  // comma-separated, as given
  int words = 0;                        // 0: the protocol's
  std::string protocol = "multinews";
  std::string output;
  int jobs = 0;
  bool json = false;
  bool no_score = false;
  bool no_plan = false;
  std::string wordnet;
  std::vector<std::string> settings;
};

int RunEval(const EvalFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  Result<RougeOptions> rouge_options = ProtocolOptions(flags.protocol);
  if (!rouge_options.ok()) {
    std::cerr << "dossier eval: " << rouge_options.status().ToString() << "\n";
    return kExitUsage;
  }
  if (!flags.wordnet.empty()) rouge_options->wordnet_dir = flags.wordnet;
  const int words = flags.words > 0 ? flags.words : rouge_options->word_limit;
  int jobs = flags.jobs > 0 ? flags.jobs : static_cast<int>(std::thread::hardware_concurrency());
  jobs = std::max(1, jobs);
  rouge_options->jobs = jobs;

  Result<Pipeline> pipeline = Pipeline::Create({});
  if (!pipeline.ok()) {
    std::cerr << "dossier eval: " << pipeline.status().ToString() << "\n";
    return kExitUsage;
  }
  // The briefing's plan (copies and other stories left out, events to
  // cover, barred lines) is made once per cluster and serves every method.
  BriefOptions brief_options;
  brief_options.summary.max_words = words;
  if (Status st = ApplySettings(flags.settings, &brief_options); !st.ok()) {
    std::cerr << "dossier eval: " << st.ToString() << "\n";
    return kExitUsage;
  }
  Result<Briefer> briefer = Briefer::Create(brief_options);
  if (!briefer.ok()) {
    std::cerr << "dossier eval: " << briefer.status().ToString() << "\n";
    return kExitUsage;
  }
  std::vector<Summarizer> summarizers;
  for (const std::string& name : flags.methods) {
    Result<SummaryMethod> method = ParseSummaryMethod(name);
    if (!method.ok()) {
      std::cerr << "dossier eval: " << method.status().ToString() << "\n";
      return kExitUsage;
    }
    SummaryOptions o = brief_options.summary;
    o.method = *method;
    Result<Summarizer> s = Summarizer::Create(o);
    if (!s.ok()) {
      std::cerr << "dossier eval: " << s.status().ToString() << "\n";
      return kExitUsage;
    }
    summarizers.push_back(std::move(*s));
  }
  std::optional<RougeScorer> scorer;
  if (!flags.no_score) {
    Result<RougeScorer> r = RougeScorer::Create(*rouge_options);
    if (!r.ok()) {
      std::cerr << "dossier eval: " << r.status().ToString() << "\n";
      return kExitUsage;
    }
    scorer.emplace(std::move(*r));
  }

  // Read the clusters on this thread while `jobs` workers analyse each one
  // and summarize it with every method as soon as it is read. A deque keeps
  // every item in place while others are appended; each item holds its own
  // results, so the output does not depend on the number of workers.
  struct Item {
    Cluster cluster;
    std::vector<std::string> summaries;  // one per method
  };
  std::deque<Item> items;
  std::mutex mu;
  std::condition_variable ready;
  size_t next = 0;
  bool still_reading = true;
  auto worker = [&] {
    Pipeline::Scratch scratch = pipeline->NewScratch();
    while (true) {
      Item* item = nullptr;
      {
        std::unique_lock<std::mutex> lock(mu);
        ready.wait(lock, [&] { return next < items.size() || !still_reading; });
        if (next >= items.size()) return;
        item = &items[next++];
      }
      pipeline->Analyze(&item->cluster, &scratch);
      item->summaries.resize(summarizers.size());
      const SummaryPlan plan = flags.no_plan ? SummaryPlan{} : briefer->Plan(item->cluster);
      for (size_t k = 0; k < summarizers.size(); ++k) {
        item->summaries[k] = summarizers[k].Summarize(item->cluster, &plan).Text();
      }
    }
  };
  std::vector<std::thread> workers;
  for (int t = 0; t < jobs; ++t) workers.emplace_back(worker);
  std::vector<Diagnostic> diagnostics;
  ReadOptions read;
  read.format = InputFormat::kMultiNews;
  ReadInputs(
      {flags.data}, read,
      [&](Cluster&& c) {
        {
          std::lock_guard<std::mutex> lock(mu);
          items.push_back(Item{std::move(c), {}});
        }
        ready.notify_one();
      },
      &diagnostics);
  const auto read_done = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(mu);
    still_reading = false;
  }
  ready.notify_all();
  for (auto& t : workers) t.join();
  bool had_error = false;
  for (const Diagnostic& d : diagnostics) {
    had_error = had_error || d.severity == Diagnostic::Severity::kError;
    if (d.severity == Diagnostic::Severity::kError) {
      std::cerr << "dossier eval: " << d.status.ToString() << "\n";
    }
  }
  if (items.empty()) {
    std::cerr << "dossier eval: no cluster read from " << flags.data << "\n";
    return kExitNoInput;
  }
  const auto summarized = std::chrono::steady_clock::now();
  const double secs = std::chrono::duration<double>(summarized - start).count();

  nlohmann::ordered_json table = nlohmann::ordered_json::object();
  std::string output;
  std::ostringstream text;
  text << std::fixed << std::setprecision(2);
  const double rate = secs > 0 ? static_cast<double>(items.size()) / secs : 0.0;
  text << items.size() << " clusters read, analysed and summarized (" << summarizers.size()
       << " method" << (summarizers.size() == 1 ? "" : "s") << ") in " << secs << " s (" << rate
       << " clusters/s, " << jobs << " thread" << (jobs == 1 ? "" : "s") << ")\n";
  for (size_t k = 0; k < summarizers.size(); ++k) {
    const std::string method = flags.methods[k];
    for (const Item& item : items) {
      nlohmann::ordered_json line;
      if (summarizers.size() > 1) line["method"] = method;
      line["id"] = item.cluster.id;
      line["summary"] = item.summaries[k];
      output += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    nlohmann::ordered_json row;
    row["clusters"] = items.size();
    row["clusters_per_s"] = rate;
    text << method << ":\n";
    if (scorer) {
      std::vector<RougeItem> rouge_items;
      for (const Item& it : items) {
        if (it.cluster.references.empty()) continue;
        RougeItem item;
        item.id = it.cluster.id;
        item.system_units = SplitUnits(it.summaries[k]);
        for (const std::string& ref : it.cluster.references) {
          std::string r = ref;
          // Multi-News references open with "– ".
          if (r.rfind("\xE2\x80\x93 ", 0) == 0) r = r.substr(4);
          item.references.push_back(SplitUnits(r));
        }
        rouge_items.push_back(std::move(item));
      }
      Result<RougeReport> report = scorer->Score(rouge_items);
      if (!report.ok()) {
        std::cerr << "dossier eval: " << report.status().ToString() << "\n";
        return kExitInternal;
      }
      for (const MetricScore& m : report->metrics) {
        row[m.name] = {{"r", m.average.r}, {"p", m.average.p}, {"f", m.average.f}};
        text << "  " << std::left << std::setw(10) << m.name << std::right << " R "
             << 100 * m.average.r << "  P " << 100 * m.average.p << "  F " << 100 * m.average.f
             << "   (F 95% CI " << 100 * m.ci_low.f << "–" << 100 * m.ci_high.f << ")\n";
      }
    }
    table[method] = std::move(row);
  }
  if (!flags.output.empty()) {
    Status w = WriteFileAtomic(flags.output, output);
    if (!w.ok()) {
      std::cerr << "dossier eval: " << w.ToString() << "\n";
      return kExitOutputError;
    }
  }
  const double total =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double reading = std::chrono::duration<double>(read_done - start).count();

  if (flags.json) {
    table["seconds"] = total;
    std::cout << table.dump() << "\n";
  } else {
    std::cout << "dossier eval " << flags.data << " — protocol " << flags.protocol << ", " << words
              << " words" << (scorer ? "; ROUGE-1.5.5 bootstrap averages ×100" : "") << "\n"
              << text.str() << std::fixed << std::setprecision(3) << "read " << reading
              << " s, total " << total << " s\n";
  }
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
