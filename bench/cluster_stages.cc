// cluster_stages: where the time of `dossier cluster` goes, stage by stage,
// each on one thread: reading the stream, analysing the articles
// (Pipeline::Analyze of the text and the title; the place of a dateline,
// analysed on its own, is timed as a stage of its own), computing their clustering
// features (StoryClusterer::Features: terms, sentences, MinHash signature,
// band keys), finding their precedents (StoryClusterer::Precede: the
// near-duplicates they copy, their boilerplate sentences; sequential) and
// adding them to the StoryClusterer (sequential), with the default
// clustering settings and the stories taken as they close, as `dossier
// cluster` runs.
//
//   cluster_stages FILE... > stages.txt
//
// Prints, per stage, the seconds, microseconds per article and articles per
// second. With 2 cores the CLI's wall time is about
// max(add, (read + analyse + features + precede + add) / 2): the calling
// thread reads, analyses and finds the precedents a batch ahead, the adder
// adds and then helps analyse (CorpusRun). For the adder's own steps, run
// `perf record -g dossier cluster ...` and look at the "dossier-add" thread
// (`perf report --comm dossier-add`).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cluster/background_idf.h"
#include "cluster/story_clusterer.h"
#include "corpus/corpus_run.h"
#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "segment/metadata.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: cluster_stages FILE...\n";
    return 2;
  }
  const std::vector<std::string> paths(argv + 1, argv + argc);
  dossier::Result<dossier::Pipeline> pipeline = dossier::Pipeline::Create({});
  dossier::Result<dossier::BackgroundIdf> idf = dossier::BackgroundIdf::Create("");
  if (!pipeline.ok() || !idf.ok()) {
    std::cerr << (pipeline.ok() ? idf.status() : pipeline.status()).ToString() << "\n";
    return 1;
  }
  dossier::StoryClustererOptions options;
  options.background = &*idf;
  dossier::StoryClusterer clusterer(options);
  clusterer.EnableTakeClosed();
  dossier::Pipeline::Scratch scratch = pipeline->NewScratch();

  double analyse = 0, dateline_s = 0, features = 0, precede = 0, add = 0;
  uint64_t articles = 0, stories = 0;
  constexpr size_t kBatch = 1024;  // as CorpusRun: a batch analysed, then added
  std::vector<dossier::Document> batch;
  std::vector<dossier::ArticleFeatures> prepared;
  auto run_batch = [&] {
    prepared.clear();
    for (dossier::Document& doc : batch) {
      const Clock::time_point t0 = Clock::now();
      pipeline->Analyze(&doc, &scratch);
      const dossier::Document title =
          doc.title.empty() ? dossier::Document()
                            : dossier::AnalyzedPiece(*pipeline, doc.title, doc.language, &scratch);
      const Clock::time_point t1 = Clock::now();
      // As dossier::ArticleFeaturesOf, with the dateline's place timed apart.
      const std::string_view place = dossier::DatelinePlace(doc.dateline_span.Slice(doc.text));
      const dossier::Document dateline =
          place.empty() ? dossier::Document()
                        : dossier::AnalyzedPiece(*pipeline, place, doc.language, &scratch);
      const Clock::time_point t2 = Clock::now();
      prepared.push_back(
          dossier::StoryClusterer::Features(doc, options, doc.title.empty() ? nullptr : &title,
                                            dateline.tokens.empty() ? nullptr : &dateline));
      const Clock::time_point t3 = Clock::now();
      analyse += Seconds(t0, t1);
      dateline_s += Seconds(t1, t2);
      features += Seconds(t2, t3);
    }
    const Clock::time_point t0 = Clock::now();
    std::vector<dossier::StoryClusterer::Precedents> found;
    for (size_t i = 0; i < prepared.size(); ++i) {
      if (i + 2 < prepared.size()) clusterer.PrefetchPrecede(prepared[i + 2]);
      found.push_back(clusterer.Precede(prepared[i]));
    }
    const Clock::time_point t1 = Clock::now();
    for (size_t i = 0; i < prepared.size(); ++i) {
      if (i + 2 < prepared.size()) clusterer.Prefetch(prepared[i + 2]);
      clusterer.Add(prepared[i], std::move(found[i]));
    }
    stories += clusterer.TakeClosed().size();
    precede += Seconds(t0, t1);
    add += Seconds(t1, Clock::now());
    articles += batch.size();
    batch.clear();
  };
  std::vector<dossier::Diagnostic> diagnostics;
  const Clock::time_point start = Clock::now();
  dossier::Status st = dossier::ReadDocuments(
      paths, dossier::ReadOptions(),
      [&](dossier::Document&& doc) {
        batch.push_back(std::move(doc));
        if (batch.size() >= kBatch) run_batch();
      },
      &diagnostics);
  if (!batch.empty()) run_batch();
  const double total = Seconds(start, Clock::now());
  if (!st.ok()) {
    std::cerr << st.ToString() << "\n";
    return 1;
  }
  stories += clusterer.Stories().size();
  const double read = total - analyse - dateline_s - features - precede - add;
  std::printf("articles %llu, stories %llu, one thread, %.2f s in all\n",
              static_cast<unsigned long long>(articles), static_cast<unsigned long long>(stories),
              total);
  std::printf("%-10s %9s %12s %12s\n", "stage", "s", "us/article", "articles/s");
  const double n = articles > 0 ? static_cast<double>(articles) : 1;
  for (const auto& [name, s] : {std::pair<const char*, double>{"read", read},
                                {"analyse", analyse},
                                {"dateline", dateline_s},
                                {"features", features},
                                {"precede", precede},
                                {"add", add}}) {
    std::printf("%-10s %9.2f %12.1f %12.0f\n", name, s, s * 1e6 / n, s > 0 ? n / s : 0.0);
  }
  return 0;
}
