// Throughput of the foundation on fixed inputs: the Multi-News dev set
// (../shared/data/multinews/dev.jsonl) and the bundled example story.
//
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DDOSSIER_BUILD_BENCH=ON
//   cmake --build build-bench --target pipeline_bench
//   build-bench/bench/pipeline_bench --benchmark_out=bench/results/pipeline.json
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "cluster/near_duplicates.h"
#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "segment/sentence_splitter.h"
#include "util/utf8.h"

namespace dossier {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const std::string& DevSet() {
  static const std::string bytes = Slurp(DOSSIER_SHARED_DATA "/multinews/dev.jsonl");
  return bytes;
}

bool HaveDevSet(benchmark::State& state) {
  if (!DevSet().empty()) return true;
  state.SkipWithError("../shared/data/multinews/dev.jsonl not found");
  return false;
}

// Reading Multi-News records into clusters (JSON, splitting, normalization).
void BM_ReadMultiNews(benchmark::State& state) {
  if (!HaveDevSet(state)) return;
  size_t docs = 0;
  for (auto _ : state) {
    std::vector<Document> loose;
    ReadBuffer(
        DevSet(), "dev.jsonl", InputFormat::kMultiNews, {}, &loose,
        [&](Cluster&& c) { docs += c.documents.size(); }, nullptr);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * DevSet().size()));
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadMultiNews)->Unit(benchmark::kMillisecond);

// Reading + the whole analysis (clutter, turns, metadata, sentences, tokens).
void BM_ReadAndAnalyze(benchmark::State& state) {
  if (!HaveDevSet(state)) return;
  Result<Pipeline> pipeline = Pipeline::Create({});
  Pipeline::Scratch scratch = pipeline->NewScratch();
  size_t docs = 0, clusters = 0;
  for (auto _ : state) {
    std::vector<Document> loose;
    ReadBuffer(
        DevSet(), "dev.jsonl", InputFormat::kMultiNews, {}, &loose,
        [&](Cluster&& c) {
          pipeline->Analyze(&c, &scratch);
          docs += c.documents.size();
          ++clusters;
        },
        nullptr);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * DevSet().size()));
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
  state.counters["clusters/s"] =
      benchmark::Counter(static_cast<double>(clusters), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadAndAnalyze)->Unit(benchmark::kMillisecond);

// Normalization alone, on text with non-ASCII characters.
void BM_NormalizeText(benchmark::State& state) {
  if (!HaveDevSet(state)) return;
  for (auto _ : state) {
    NormalizeResult r = NormalizeText(DevSet(), {});
    benchmark::DoNotOptimize(r.text.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * DevSet().size()));
}
BENCHMARK(BM_NormalizeText)->Unit(benchmark::kMillisecond);

// Sentence splitting alone, over every line of the example story.
void BM_SplitSentences(benchmark::State& state) {
  std::string text;
  for (const auto& e :
       std::filesystem::directory_iterator(DOSSIER_SOURCE_DIR "/examples/harbor-bridge")) {
    text += Slurp(e.path().string());
  }
  Result<SentenceSplitter> splitter = SentenceSplitter::Create("");
  std::vector<Span> out;
  for (auto _ : state) {
    out.clear();
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      splitter->Split(text, {static_cast<uint32_t>(pos), static_cast<uint32_t>(nl)}, &out);
      pos = nl + 1;
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SplitSentences)->Unit(benchmark::kMicrosecond);

// The near-duplicate index on a synthetic stream of 15,000 documents of 300
// word ids, a third of them copies of an earlier one with 3 words changed.
void BM_NearDuplicateIndex(benchmark::State& state) {
  uint64_t seed = 1;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return seed >> 17;
  };
  std::vector<std::vector<uint64_t>> docs;
  for (int i = 0; i < 15000; ++i) {
    if (!docs.empty() && next() % 3 == 0) {
      std::vector<uint64_t> copy = docs[next() % docs.size()];
      for (int k = 0; k < 3; ++k) copy[next() % copy.size()] = next() % 20000;
      docs.push_back(std::move(copy));
    } else {
      std::vector<uint64_t>& doc = docs.emplace_back();
      for (int w = 0; w < 300; ++w) doc.push_back(next() % 20000);
    }
  }
  for (auto _ : state) {
    NearDuplicateIndex index;
    size_t found = 0;
    for (const std::vector<uint64_t>& d : docs) found += index.Add(d).has_value();
    benchmark::DoNotOptimize(found);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
}
BENCHMARK(BM_NearDuplicateIndex)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dossier

BENCHMARK_MAIN();
