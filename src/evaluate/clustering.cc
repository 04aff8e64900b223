// EvaluateClustering (dossier/evaluate.h): `dossier eval-cluster` as a library call.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "corpus/corpus_run.h"
#include "dossier/evaluate.h"
#include "dossier/files.h"
#include "ingest/readers.h"
#include "util/hash.h"
#include "util/strings.h"

namespace dossier {
namespace {

// Copy r > 0 of a text: about half of the words of four letters or more (the
// same half for every article of the copy) get a suffix naming the copy, so
// each copy is a new set of stories with the statistics of the original.
std::string Perturb(std::string_view text, int r) {
  std::string suffix = "q";
  for (int v = r; v > 0; v /= 26) suffix += static_cast<char>('a' + v % 26);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (!is_letter(text[i])) {
      out += text[i++];
      continue;
    }
    size_t j = i;
    while (j < text.size() && is_letter(text[j])) ++j;
    std::string_view word = text.substr(i, j - i);
    out.append(word);
    if (word.size() >= 4) {
      uint64_t h = 0xcbf29ce484222325ULL;
      for (char c : word) h = (h ^ static_cast<unsigned char>(c | 0x20)) * 0x100000001b3ULL;
      if (Mix64(h ^ (static_cast<uint64_t>(r) * 0x9e3779b97f4a7c15ULL)) & 1) out += suffix;
    }
    i = j;
  }
  return out;
}

// True when the first line of `bytes` holding anything is a JSON object with
// a "story" member: a labelled stream, not a Multi-News file.
bool HasStoryLabels(std::string_view bytes) {
  size_t at = 0;
  while (at < bytes.size()) {
    const size_t nl = std::min(bytes.find('\n', at), bytes.size());
    const std::string_view line = TrimWhitespace(bytes.substr(at, nl - at));
    at = nl + 1;
    if (line.empty()) continue;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    return j.is_object() && j.contains("story");
  }
  return false;
}

// The input's articles with their gold labels, in stream order.
struct Labelled {
  std::vector<Cluster> records;  // Multi-News
  std::vector<Document> loose;   // labelled stream
  std::vector<std::pair<const Document*, std::string>> items;
};

Status ReadLabelled(const std::string& data, const ClusterEvalOptions& options,
                    ClusterEvalReport* report, Labelled* in) {
  Result<FileContents> file = ReadInputFile(data, ReadOptions{}.max_input_bytes);
  if (!file.ok()) return file.status();
  if (!file->warning.ok())
    report->diagnostics.push_back({Diagnostic::Severity::kError, file->warning});
  report->labelled = HasStoryLabels(file->bytes);
  if (!report->labelled && !options.half.empty()) {
    return Status(StatusCode::kInvalidArgument, "--half applies to labelled streams; " + data +
                                                    " is a Multi-News file (use --records)");
  }
  if (report->labelled && (options.first_record > 0 || options.end_record != SIZE_MAX)) {
    return Status(StatusCode::kInvalidArgument,
                  "--records applies to Multi-News records; " + data + " is a labelled stream");
  }
  size_t seen = 0;
  ReadBuffer(
      file->bytes, data, report->labelled ? InputFormat::kJsonl : InputFormat::kMultiNews, {},
      &in->loose,
      [&](Cluster&& c) {
        if (seen >= options.first_record && seen < options.end_record) {
          for (Document& d : c.documents) {  // only the text is used
            d.raw.clear();
            d.map = OffsetMap();
          }
          in->records.push_back(std::move(c));
        }
        ++seen;
      },
      &report->diagnostics);
  if (report->labelled) {
    for (const Document& d : in->loose) {
      if (d.story.empty()) {
        ++report->unlabelled;
        report->diagnostics.push_back(
            {Diagnostic::Severity::kError,
             Status(StatusCode::kInvalidInput, "no \"story\" label; left out of the stream",
                    d.origin)});
        continue;
      }
      in->items.emplace_back(&d, d.story);
    }
    // A half of the stream (the protocols of docs/CLUSTERING.md). In time:
    // "early" and "late" cut it at its middle article, moved on to the first
    // of another date (a day is never split; a story may be). By story:
    // numbered in order of first article, "a" keeps the even ones, "b" the odd.
    if (options.half == "early" || options.half == "late") {
      size_t cut = in->items.size() / 2;
      while (cut > 0 && cut < in->items.size() &&
             in->items[cut].first->date == in->items[cut - 1].first->date) {
        ++cut;
      }
      const auto at = in->items.begin() + static_cast<std::ptrdiff_t>(cut);
      if (options.half == "early") {
        in->items.erase(at, in->items.end());
      } else {
        in->items.erase(in->items.begin(), at);
      }
    } else if (!options.half.empty()) {
      std::unordered_map<std::string, size_t> rank;
      std::vector<std::pair<const Document*, std::string>> kept;
      for (auto& it : in->items) {
        const size_t r = rank.try_emplace(it.second, rank.size()).first->second;
        if ((r % 2 == 0) == (options.half == "a")) kept.push_back(std::move(it));
      }
      in->items = std::move(kept);
    }
  } else {
    // Every article, shuffled (Fisher-Yates with a 64-bit Mersenne Twister,
    // the same on every platform).
    for (const Cluster& c : in->records) {
      for (const Document& d : c.documents) in->items.emplace_back(&d, c.id);
    }
    std::mt19937_64 rng(options.seed);
    for (size_t i = in->items.size(); i > 1; --i) {
      std::swap(in->items[i - 1], in->items[static_cast<size_t>(rng() % i)]);
    }
  }
  if (in->items.empty()) {
    return Status(StatusCode::kEmptyInput,
                  std::string("no ") + (report->labelled ? "labelled article" : "record") + " read",
                  data);
  }
  if (options.limit > 0 && options.limit < in->items.size()) in->items.resize(options.limit);
  return Status::Ok();
}

// The stream as JSON Lines: copy 0, then each perturbed copy. What the
// clusterer may use besides the text (outlet, date, title) goes along.
std::string StreamLines(const Labelled& in, int repeat, std::vector<std::string>* gold) {
  std::string stream;
  for (int r = 0; r < std::max(1, repeat); ++r) {
    const std::string prefix = r == 0 ? "" : "r" + std::to_string(r) + "/";
    for (const auto& [doc, label] : in.items) {
      const Document& d = *doc;
      nlohmann::json line;
      line["id"] = prefix + d.id;
      if (!d.source.empty()) line["source"] = d.source;
      if (!d.date.empty()) line["date"] = d.date;
      if (!d.title.empty()) line["title"] = r == 0 ? d.title : Perturb(d.title, r);
      line["text"] = r == 0 ? d.text : Perturb(d.text, r);
      stream += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      stream += '\n';
      gold->push_back(prefix + label);
    }
  }
  return stream;
}

// One line per (article, candidate story): the article's number, 1 if the
// story is its gold one, then the model's features in StoryModel::kNames order.
std::string TrainingRowLines(const std::vector<TrainingRow>& training_rows) {
  std::string rows = "# article same_story";
  for (const char* name : StoryModel::kNames) rows += std::string(" ") + name;
  rows += "\n";
  char buf[32];
  for (const TrainingRow& r : training_rows) {
    rows += std::to_string(r.article) + (r.same_story ? " 1" : " 0");
    for (double v : r.features) {
      std::snprintf(buf, sizeof buf, " %.6g", v);
      rows += buf;
    }
    rows += '\n';
  }
  return rows;
}

// What clustering the stream gave: each article's story, and for the
// reference labelings each article's text key and sorted content terms.
struct Clustered {
  std::vector<uint32_t> predicted;
  std::vector<uint64_t> text_keys;
  std::vector<std::vector<uint64_t>> terms;
  std::vector<TrainingRow> training_rows;
};

Result<Clustered> ClusterStream(const std::string& stream, const std::vector<uint32_t>& gold,
                                const ClusterEvalOptions& options, ClusterEvalReport* report) {
  Result<Pipeline> pipeline =
      Pipeline::Create({options.clustering.data_dir, options.clustering.language});
  if (!pipeline.ok()) return pipeline.status();
  Result<StoryClustererOptions> clustering = ClustererOptions(options.clustering);
  if (!clustering.ok()) return clustering.status();
  CorpusOptions corpus;
  corpus.threads = options.clustering.threads;
  corpus.clustering = *clustering;
  const uint64_t total = gold.size();
  if (options.progress) {
    corpus.progress = [&](uint64_t articles, uint64_t stories) {
      options.progress(articles, total, stories);
    };
  }
  Clustered out;
  if (options.training_rows) {
    corpus.gold = &gold;
    corpus.training_rows = &out.training_rows;
    corpus.follow_model = options.rows_from_model;
  }
  if (options.repeat <= 1) {
    corpus.on_features = [&out](const ArticleFeatures& f) {
      uint64_t key = 0x5eed;
      for (const ArticleFeatures::SentenceTerms& st : f.sentences) key = Mix64(key ^ st.hash);
      out.text_keys.push_back(key);
      std::vector<uint64_t>& t = out.terms.emplace_back();
      for (const ArticleFeatures::Term& term : f.terms) t.push_back(term.hash);
      std::sort(t.begin(), t.end());
    };
  }
  const auto start = std::chrono::steady_clock::now();
  CorpusRun run(*pipeline, corpus);
  std::vector<Diagnostic> stream_diagnostics;
  ReadJsonlDocuments(
      stream, "stream.jsonl", {}, [&](Document&& doc) { run.Push(std::move(doc)); },
      &stream_diagnostics);
  run.Finish();
  out.predicted.assign(run.articles().size(), 0);
  for (const StoryClusterer::Story& s : run.Stories()) {
    for (uint32_t a : s.articles) out.predicted[a] = s.id;
    report->duplicate_groups += s.duplicates.size();
  }
  report->cluster_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (out.predicted.size() != gold.size()) {
    return Status(StatusCode::kInternal, std::to_string(gold.size()) + " articles written, " +
                                             std::to_string(out.predicted.size()) + " read back");
  }
  return out;
}

}  // namespace

Result<ClusterEvalReport> EvaluateClustering(const std::string& data,
                                             const ClusterEvalOptions& options) {
  if (Status s = CheckStoryOptions(options.clustering); !s.ok()) return s;
  if (!options.half.empty() && options.half != "a" && options.half != "b" &&
      options.half != "early" && options.half != "late") {
    return Status(StatusCode::kInvalidArgument, "half must be a, b, early or late");
  }
  ClusterEvalReport report;
  std::vector<std::string> gold;
  {
    Labelled in;
    if (Status s = ReadLabelled(data, options, &report, &in); !s.ok()) return s;
    report.stream = StreamLines(in, options.repeat, &gold);
  }
  const std::vector<uint32_t> gold_ids = eval::LabelIds(gold);
  Result<Clustered> clustered = ClusterStream(report.stream, gold_ids, options, &report);
  if (!clustered.ok()) return clustered.status();
  if (options.training_rows) report.training_rows = TrainingRowLines(clustered->training_rows);
  Result<eval::ClusterScores> scores = eval::ScoreClusters(gold_ids, clustered->predicted);
  if (!scores.ok()) return scores.status();
  report.scores = *scores;
  // The reference labelings: what the text leaves within reach.
  if (options.repeat <= 1) {
    Result<eval::ContentOracle> oracle =
        eval::ContentOracleLabels(gold_ids, clustered->text_keys, clustered->terms);
    if (!oracle.ok()) return oracle.status();
    Result<eval::ClusterScores> a = eval::ScoreClusters(gold_ids, oracle->copies_apart);
    Result<eval::ClusterScores> b = eval::ScoreClusters(gold_ids, oracle->unmatched_apart);
    if (!a.ok() || !b.ok()) return (a.ok() ? b : a).status();
    report.copies_apart = *a;
    report.unmatched_apart = *b;
  }
  report.threads = options.clustering.threads > 0
                       ? options.clustering.threads
                       : static_cast<int>(std::thread::hardware_concurrency());
  return report;
}

}  // namespace dossier
