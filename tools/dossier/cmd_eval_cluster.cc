// dossier eval-cluster DATA: how well `dossier cluster` recovers gold
// stories (pairwise and B-cubed precision, recall, F1): the clusters of a
// Multi-News file when all their articles arrive as one shuffled stream, or
// the "story" labels of a JSON Lines stream read in file order.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "commands.h"
#include "corpus/corpus_run.h"
#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "dossier/report.h"
#include "dossier/cluster_score.h"
#include "ingest/readers.h"
#include "progress.h"
#include "stream_flags.h"
#include "util/file_io.h"
#include "util/hash.h"
#include "util/strings.h"

namespace dossier::cli {
namespace {

struct EvalClusterFlags {
  std::string data;
  uint64_t seed = 20261121;
  std::string records;        // "A:B": records A..B-1 only
  size_t limit = 0;           // first N articles of the shuffled stream
  int repeat = 1;             // copies of the stream, all but the first perturbed
  std::string half;           // labelled streams: "a" or "b", the stories of that half only
  std::string training_rows;  // write the model's training rows here
  bool rows_from_model = false;
  std::string write_stream;
  std::string format = "text";
  std::string output;
  int jobs = 0;
  bool quiet = false;
  StoryOptions clustering;
};

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

// {"precision","recall","f1"} of the pairwise and of the B-cubed measure.
nlohmann::ordered_json PairwiseJson(const eval::ClusterScores& s) {
  return {
      {"precision", s.pairwise_precision}, {"recall", s.pairwise_recall}, {"f1", s.pairwise_f1}};
}
nlohmann::ordered_json BcubedJson(const eval::ClusterScores& s) {
  return {{"precision", s.bcubed_precision}, {"recall", s.bcubed_recall}, {"f1", s.bcubed_f1}};
}

int RunEvalCluster(const EvalClusterFlags& flags) {
  const auto start = std::chrono::steady_clock::now();
  size_t first_record = 0, end_record = SIZE_MAX;
  if (!flags.records.empty()) {
    unsigned long long a = 0, b = 0;
    char tail = 0;
    if (std::sscanf(flags.records.c_str(), "%llu:%llu%c", &a, &b, &tail) != 2 || a >= b) {
      std::cerr << "dossier eval-cluster: --records wants A:B with A < B, got \"" << flags.records
                << "\"\n";
      return kExitUsage;
    }
    first_record = a, end_record = b;
  }
  // Read the input: a Multi-News file (records are the gold clusters, their
  // articles shuffled into one stream) or a labelled JSONL stream (one
  // article a line with its gold "story", in file order).
  Result<FileContents> file = ReadInputFile(flags.data, ReadOptions{}.max_input_bytes);
  if (!file.ok()) {
    std::cerr << "dossier eval-cluster: " << file.status().ToString() << "\n";
    return kExitNoInput;
  }
  if (!file->warning.ok())
    std::cerr << "dossier eval-cluster: " << file->warning.ToString() << "\n";
  const bool labelled = HasStoryLabels(file->bytes);
  if (!labelled && !flags.half.empty()) {
    std::cerr << "dossier eval-cluster: --half applies to labelled streams; " << flags.data
              << " is a Multi-News file (use --records)\n";
    return kExitUsage;
  }
  if (labelled && !flags.records.empty()) {
    std::cerr << "dossier eval-cluster: --records applies to Multi-News records; " << flags.data
              << " is a labelled stream\n";
    return kExitUsage;
  }
  std::vector<Cluster> records;
  std::vector<Document> loose;
  std::vector<Diagnostic> diagnostics;
  ReadOptions read;
  size_t seen = 0;
  ReadBuffer(
      file->bytes, flags.data, labelled ? InputFormat::kJsonl : InputFormat::kMultiNews, read,
      &loose,
      [&](Cluster&& c) {
        if (seen >= first_record && seen < end_record) {
          for (Document& d : c.documents) {  // only the text is used
            d.raw.clear();
            d.map = OffsetMap();
          }
          records.push_back(std::move(c));
        }
        ++seen;
      },
      &diagnostics);
  file->bytes.clear();
  file->bytes.shrink_to_fit();
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Diagnostic::Severity::kError) {
      std::cerr << "dossier eval-cluster: " << FormatDiagnostic(d) << "\n";
    }
  }
  // The stream: each article with its gold label.
  struct StreamArticle {
    const Document* doc;
    std::string gold;
  };
  std::vector<StreamArticle> items;
  size_t unlabelled = 0;
  if (labelled) {
    for (const Document& d : loose) {
      if (d.story.empty()) {
        ++unlabelled;
        std::cerr << "dossier eval-cluster: error: " << d.origin
                  << ": no \"story\" label; left out of the stream\n";
        continue;
      }
      items.push_back({&d, d.story});
    }
    // A half of the stories (the protocol of docs/CLUSTERING.md): numbered in
    // order of first article, half "a" keeps the even ones, "b" the odd ones.
    if (!flags.half.empty()) {
      std::unordered_map<std::string, size_t> rank;
      std::vector<StreamArticle> kept;
      for (const StreamArticle& it : items) {
        const size_t r = rank.try_emplace(it.gold, rank.size()).first->second;
        if ((r % 2 == 0) == (flags.half == "a")) kept.push_back(it);
      }
      items = std::move(kept);
    }
  } else {
    // Every article, shuffled (Fisher-Yates with a 64-bit Mersenne Twister,
    // the same on every platform).
    for (const Cluster& c : records) {
      for (const Document& d : c.documents) items.push_back({&d, c.id});
    }
    std::mt19937_64 rng(flags.seed);
    for (size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[static_cast<size_t>(rng() % i)]);
    }
  }
  if (items.empty()) {
    std::cerr << "dossier eval-cluster: no " << (labelled ? "labelled article" : "record")
              << " read from " << flags.data << "\n";
    return kExitNoInput;
  }
  if (flags.limit > 0 && flags.limit < items.size()) items.resize(flags.limit);

  // Write it as JSON Lines: copy 0, then each perturbed copy. What the
  // clusterer may use besides the text (outlet, date, title) goes along.
  std::string stream;
  std::vector<std::string> gold;
  for (int r = 0; r < std::max(1, flags.repeat); ++r) {
    const std::string prefix = r == 0 ? "" : "r" + std::to_string(r) + "/";
    for (const StreamArticle& it : items) {
      const Document& d = *it.doc;
      nlohmann::json line;
      line["id"] = prefix + d.id;
      if (!d.source.empty()) line["source"] = d.source;
      if (!d.date.empty()) line["date"] = d.date;
      if (!d.title.empty()) line["title"] = r == 0 ? d.title : Perturb(d.title, r);
      line["text"] = r == 0 ? d.text : Perturb(d.text, r);
      stream += line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      stream += '\n';
      gold.push_back(prefix + it.gold);
    }
  }
  items.clear();
  records.clear();
  loose.clear();
  if (!flags.write_stream.empty()) {
    Status w = WriteFileAtomic(flags.write_stream, stream);
    if (!w.ok()) {
      std::cerr << "dossier eval-cluster: " << w.ToString() << "\n";
      return kExitOutputError;
    }
  }

  // Cluster the stream exactly as `dossier cluster` does.
  Result<Pipeline> pipeline = Pipeline::Create({});
  if (!pipeline.ok()) {
    std::cerr << "dossier eval-cluster: " << pipeline.status().ToString() << "\n";
    return kExitUsage;
  }
  Progress progress("eval-cluster", !flags.quiet);
  const uint64_t total = gold.size();
  Result<StoryClustererOptions> clustering = ClustererOptions(flags.clustering);
  if (!clustering.ok()) {
    std::cerr << "dossier eval-cluster: " << clustering.status().ToString() << "\n";
    return kExitUsage;
  }
  CorpusOptions options;
  options.threads = flags.jobs;
  options.clustering = *clustering;
  options.progress = [&](uint64_t articles, uint64_t stories) {
    progress.Update(articles, total, stories);
  };
  // For the reference labelings (one stream only): each article's text key
  // (its sentences' stem hashes folded) and its content terms, as the
  // clusterer sees them.
  const bool with_oracle = flags.repeat <= 1;
  const std::vector<uint32_t> gold_ids = eval::LabelIds(gold);
  std::vector<TrainingRow> training_rows;
  if (!flags.training_rows.empty()) {
    options.gold = &gold_ids;
    options.training_rows = &training_rows;
    options.follow_model = flags.rows_from_model;
  }
  std::vector<uint64_t> text_keys;
  std::vector<std::vector<uint64_t>> terms;
  if (with_oracle) {
    options.on_features = [&](const ArticleFeatures& f) {
      uint64_t key = 0x5eed;
      for (const ArticleFeatures::SentenceTerms& st : f.sentences) key = Mix64(key ^ st.hash);
      text_keys.push_back(key);
      std::vector<uint64_t>& t = terms.emplace_back();
      for (const ArticleFeatures::Term& term : f.terms) t.push_back(term.hash);
      std::sort(t.begin(), t.end());
    };
  }
  const auto cluster_start = std::chrono::steady_clock::now();
  std::vector<std::string> ids;
  std::vector<uint32_t> predicted;
  std::vector<StoryClusterer::Story> stories;
  size_t duplicate_groups = 0;
  {
    CorpusRun run(*pipeline, options);
    std::vector<Diagnostic> stream_diagnostics;
    ReadJsonlDocuments(
        stream, "stream.jsonl", read, [&](Document&& doc) { run.Push(std::move(doc)); },
        &stream_diagnostics);
    run.Finish();
    progress.Done();
    stories = run.Stories();
    predicted.assign(run.articles().size(), 0);
    for (const StoryClusterer::Story& s : stories) {
      for (uint32_t a : s.articles) predicted[a] = s.id;
      duplicate_groups += s.duplicates.size();
    }
    for (const CorpusArticle& a : run.articles()) ids.push_back(a.id);
  }
  const double cluster_secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - cluster_start).count();
  if (ids.size() != gold.size()) {
    std::cerr << "dossier eval-cluster: internal error: " << gold.size() << " articles written, "
              << ids.size() << " read back\n";
    return kExitInternal;
  }
  const std::vector<uint32_t>& gold_labels = gold_ids;
  if (!flags.training_rows.empty()) {
    // One line per (article, candidate story): the article's number, 1 if
    // the story is its gold one, then the model's features in
    // StoryModel::kNames order.
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
    Status w = WriteFileAtomic(flags.training_rows, rows);
    if (!w.ok()) {
      std::cerr << "dossier eval-cluster: " << w.ToString() << "\n";
      return kExitOutputError;
    }
  }
  Result<eval::ClusterScores> scores = eval::ScoreClusters(gold_labels, predicted);
  if (!scores.ok()) {
    std::cerr << "dossier eval-cluster: " << scores.status().ToString() << "\n";
    return kExitInternal;
  }
  // The reference labelings: what the text leaves within reach.
  std::optional<eval::ClusterScores> copies_apart, unmatched_apart;
  if (with_oracle) {
    Result<eval::ContentOracle> oracle = eval::ContentOracleLabels(gold_labels, text_keys, terms);
    Result<eval::ClusterScores> a =
        oracle.ok() ? eval::ScoreClusters(gold_labels, oracle->copies_apart) : oracle.status();
    Result<eval::ClusterScores> b =
        oracle.ok() ? eval::ScoreClusters(gold_labels, oracle->unmatched_apart) : oracle.status();
    if (!a.ok() || !b.ok()) {
      std::cerr << "dossier eval-cluster: " << (a.ok() ? b : a).status().ToString() << "\n";
      return kExitInternal;
    }
    copies_apart = *a, unmatched_apart = *b;
  }
  const int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  const double total_secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string out;
  if (flags.format == "json") {
    nlohmann::ordered_json j;
    j["data"] = flags.data;
    j["labelled_stream"] = labelled;
    if (!labelled) j["seed"] = flags.seed;
    if (unlabelled > 0) j["unlabelled"] = unlabelled;
    j["articles"] = scores->items;
    j["gold_clusters"] = scores->gold_clusters;
    j["stories"] = scores->predicted_clusters;
    j["singleton_stories"] = scores->predicted_singletons;
    j["duplicate_groups"] = duplicate_groups;
    j["pairwise"] = PairwiseJson(*scores);
    j["bcubed"] = BcubedJson(*scores);
    if (copies_apart) {
      auto scored = [](const eval::ClusterScores& o) {
        return nlohmann::ordered_json{{"stories", o.predicted_clusters},
                                      {"pairwise", PairwiseJson(o)},
                                      {"bcubed", BcubedJson(o)}};
      };
      j["reference"] = {{"copies_apart", scored(*copies_apart)},
                        {"unmatched_apart", scored(*unmatched_apart)}};
    }
    j["threads"] = threads;
    j["cluster_seconds"] = cluster_secs;
    j["articles_per_second"] = cluster_secs > 0 ? scores->items / cluster_secs : 0.0;
    out = j.dump() + "\n";
  } else {
    std::ostringstream t;
    t << std::fixed << std::setprecision(3);
    t << "stream: " << scores->items << " articles of " << scores->gold_clusters
      << (labelled ? (scores->gold_clusters == 1 ? " story from " : " stories from ")
                   : (scores->gold_clusters == 1 ? " cluster from " : " clusters from "))
      << flags.data << (labelled ? " (in file order" : " (seed " + std::to_string(flags.seed));
    if (!flags.records.empty()) t << ", records " << flags.records;
    if (!flags.half.empty()) t << ", half " << flags.half;
    if (unlabelled > 0) t << ", " << unlabelled << " unlabelled left out";
    if (flags.repeat > 1) t << ", " << flags.repeat << " copies";
    t << ")\n";
    t << "stories: " << scores->predicted_clusters << " (" << scores->predicted_singletons
      << " of one article; gold " << scores->gold_singletons << "), " << duplicate_groups
      << " near-duplicate groups\n";
    t << std::setprecision(2) << "clustered in " << cluster_secs << " s ("
      << static_cast<uint64_t>(cluster_secs > 0 ? scores->items / cluster_secs : 0)
      << " articles/s, " << threads << " thread" << (threads == 1 ? "" : "s") << "); " << total_secs
      << " s in all\n\n"
      << std::setprecision(4);
    t << "| measure  | precision | recall | F1     |\n|---|---|---|---|\n";
    t << "| pairwise | " << scores->pairwise_precision << "    | " << scores->pairwise_recall
      << " | " << scores->pairwise_f1 << " |\n";
    t << "| B-cubed  | " << scores->bcubed_precision << "    | " << scores->bcubed_recall << " | "
      << scores->bcubed_f1 << " |\n";
    if (copies_apart) {
      t << "\nreference labelings (the records, as text alone could return them; "
           "docs/CLUSTERING.md):\n\n"
        << "| reference | pairwise P | R | F1 | B-cubed F1 |\n|---|---|---|---|---|\n";
      auto row = [&](const char* name, const eval::ClusterScores& o) {
        t << "| " << name << " | " << o.pairwise_precision << " | " << o.pairwise_recall << " | "
          << o.pairwise_f1 << " | " << o.bcubed_f1 << " |\n";
      };
      row("copied texts apart", *copies_apart);
      row("also articles sharing no word with their record apart", *unmatched_apart);
    }
    out = t.str();
  }
  if (!flags.output.empty()) {
    Status w = WriteFileAtomic(flags.output, out);
    if (!w.ok()) {
      std::cerr << "dossier eval-cluster: " << w.ToString() << "\n";
      return kExitOutputError;
    }
  }
  std::cout << out;
  const bool skipped = unlabelled > 0 ||
                       std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
                         return d.severity == Diagnostic::Severity::kError;
                       });
  return skipped ? kExitPartial : kExitOk;
}

}  // namespace

Command SetupEvalCluster(CLI::App& app) {
  auto flags = std::make_shared<EvalClusterFlags>();
  CLI::App* cmd = app.add_subcommand(
      "eval-cluster",
      "Score the clustering: cluster a stream as `dossier cluster` does and compare its stories "
      "with the gold ones (pairwise and B-cubed precision, recall, F1): the articles of a "
      "Multi-News file shuffled into one stream (its records are the gold stories), or a JSON "
      "Lines stream whose lines carry their \"story\", read in file order.");
  cmd->footer(
      "Examples:\n  dossier eval-cluster ../shared/data/multinews/plus-val.jsonl.gz\n"
      "  dossier eval-cluster ../shared/data/stories/basil.jsonl\n"
      "  dossier eval-cluster plus-val.jsonl.gz --limit 5000 --write-stream s5k.jsonl\n"
      "  dossier eval-cluster plus-val.jsonl.gz --repeat 13 --write-stream s200k.jsonl\n\n" +
      std::string(kExitCodeHelp));
  cmd->add_option("data", flags->data,
                  "Multi-News file ({id,document,summary} per line), or a JSON Lines stream of "
                  "articles with their gold \"story\" ({id,source,date,title,text,story})")
      ->required();
  cmd->add_option("--seed", flags->seed, "Seed of the shuffle")->capture_default_str();
  cmd->add_option("--records", flags->records, "Use records A..B-1 only (A:B, counting from 0)");
  cmd->add_option("--limit", flags->limit, "Keep the first N articles of the shuffled stream");
  cmd->add_option("--repeat", flags->repeat,
                  "Append perturbed copies of the stream (a synthetic corpus R times larger "
                  "with R times the stories)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--half", flags->half,
                  "Labelled streams: keep half of the stories, numbered in order of first "
                  "article: 'a' the even ones, 'b' the odd ones (docs/CLUSTERING.md)")
      ->check(CLI::IsMember({"a", "b"}));
  cmd->add_option("--training-rows", flags->training_rows,
                  "Labelled streams: put each article in its gold story and write the "
                  "model's (article, candidate story) features with the answer to this file, "
                  "for bench/scripts/fit_cluster_weights.py (the scores are then those of "
                  "the gold stories)");
  cmd->add_flag("--rows-from-model", flags->rows_from_model,
                "With --training-rows: articles go where the model puts them (the scores are "
                "the model's), and a row is right when the candidate story's majority gold "
                "story is the article's");
  cmd->add_option("--write-stream", flags->write_stream,
                  "Also write the stream as JSON Lines ({id,text}) for `dossier cluster`");
  cmd->add_option("--format,-f", flags->format, "text (a table) or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--output,-o", flags->output, "Also write the result to this file");
  cmd->add_option("--jobs,-j", flags->jobs, "Threads (0: one per core); scores are the same")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  AddClusteringOptions(cmd, &flags->clustering);
  cmd->add_flag("--quiet,-q", flags->quiet, "No progress line");
  return [flags] { return RunEvalCluster(*flags); };
}

}  // namespace dossier::cli
