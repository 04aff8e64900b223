#include "corpus.h"

#include <pthread.h>

#include <algorithm>
#include <iostream>
#include <utility>

#include "commands.h"
#include "dossier/report.h"
#include "interrupt.h"
#include "util/binary_io.h"
#include "util/dates.h"
#include "util/file_io.h"
#include "util/parallel.h"

namespace dossier::cli {
namespace {

// Drops the analysis (tokens, sentences...) of a document kept for later
// briefing; the briefing analyses it again. Metadata found in the text stays.
void DropAnalysis(Document* doc) {
  std::vector<ClutterLine>().swap(doc->clutter);
  std::vector<Span>().swap(doc->paragraphs);
  std::vector<Turn>().swap(doc->turns);
  std::vector<Sentence>().swap(doc->sentences);
  std::vector<Token>().swap(doc->tokens);
}

std::string DayToIso(int32_t day) {
  return day == StoryClusterer::kNoDay ? std::string() : CivilFromDays(day).ToIso();
}

}  // namespace

StoryClustererOptions CorpusRun::WithBackground(StoryClustererOptions o,
                                                std::optional<BackgroundIdf>* background) {
  if (o.background == nullptr) {
    Result<BackgroundIdf> idf = BackgroundIdf::Create("");
    if (idf.ok()) {
      background->emplace(std::move(*idf));
      o.background = &**background;
    }
  }
  return o;
}

CorpusRun::CorpusRun(const Pipeline& pipeline, CorpusOptions options)
    : pipeline_(pipeline),
      options_(std::move(options)),
      threads_(ThreadCount(options_.threads)),
      clusterer_(WithBackground(options_.clustering, &background_)) {
  if (options_.batch == 0) options_.batch = 1;
  if (options_.on_closed) clusterer_.EnableTakeClosed();
  for (int t = 0; t < threads_; ++t) scratch_.push_back(pipeline_.NewScratch());
}

CorpusRun::~CorpusRun() { JoinAdder(); }

void CorpusRun::JoinAdder() {
  if (adder_.joinable()) adder_.join();
  EmitClosed();
}

void CorpusRun::EmitClosed() {
  if (!options_.on_closed) return;
  for (StoryClusterer::Story& story : clusterer_.TakeClosed()) {
    story.id = emitted_++;
    options_.on_closed(story, *this);
    for (uint32_t a : story.articles) live_.erase(a);
  }
}

const CorpusArticle& CorpusRun::Article(uint32_t a) const {
  if (!options_.on_closed) return articles_[a];
  static const CorpusArticle kMissing;
  auto it = live_.find(a);
  return it != live_.end() ? it->second : kMissing;
}

void CorpusRun::Push(Document&& doc) {
  pending_.push_back(std::move(doc));
  if (pending_.size() >= options_.batch) StartBatch();
}

void CorpusRun::StartBatch() {
  std::vector<Document> batch = std::move(pending_);
  pending_.clear();
  std::vector<ArticleFeatures> features(batch.size());
  // Analyse this batch while the previous one is added to the clusterer.
  ParallelFor(batch.size(), threads_, [&](size_t i, int worker) {
    Pipeline::Scratch* scratch = &scratch_[static_cast<size_t>(worker)];
    pipeline_.Analyze(&batch[i], scratch);
    Document title;
    if (!batch[i].title.empty()) {
      title.raw = batch[i].title;
      title.text = title.raw;
      title.map = OffsetMap::Identity(static_cast<uint32_t>(title.text.size()));
      pipeline_.Analyze(&title, scratch);
    }
    features[i] = StoryClusterer::Features(batch[i], options_.clustering,
                                           batch[i].title.empty() ? nullptr : &title);
    DropAnalysis(&batch[i]);
  });
  JoinAdder();
  for (Document& doc : batch) {
    CorpusArticle record{doc.id, doc.source, doc.title, doc.date};
    if (options_.on_closed) {
      live_.emplace(next_article_, std::move(record));
    } else {
      articles_.push_back(std::move(record));
    }
    ++next_article_;
    if (options_.keep_documents) documents_.push_back(std::move(doc));
  }
  features_ = std::move(features);
  adder_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "dossier-add");  // for top -H and perf
    for (const ArticleFeatures& f : features_) {
      if (options_.on_features) options_.on_features(f);
      if (options_.gold != nullptr) {
        const uint32_t k = clusterer_.articles();
        clusterer_.AddLabelled(f, k < options_.gold->size() ? (*options_.gold)[k] : 0,
                               options_.training_rows, options_.follow_model);
      } else {
        clusterer_.Add(f);
      }
    }
    if (options_.progress) options_.progress(clusterer_.articles(), clusterer_.stories());
  });
}

void CorpusRun::Finish() {
  if (!pending_.empty()) StartBatch();
  JoinAdder();
}

namespace {
constexpr uint64_t kCorpusStateMagic = 0x3274736f70726f63ULL;  // "corpost2"
}  // namespace

Status CorpusRun::SaveState(const std::string& path) const {
  BinaryWriter w;
  w.U64(kCorpusStateMagic);
  w.U64(next_article_);
  w.U32(emitted_);
  // The records still needed: every article's, or when streaming those of
  // the stories not yet written, by article number.
  std::vector<uint32_t> numbers;
  if (options_.on_closed) {
    for (const auto& [a, record] : live_) numbers.push_back(a);
    std::sort(numbers.begin(), numbers.end());
  } else {
    for (uint32_t a = 0; a < articles_.size(); ++a) numbers.push_back(a);
  }
  w.U64(numbers.size());
  for (uint32_t number : numbers) {
    const CorpusArticle& a = Article(number);
    w.U32(number);
    w.Str(a.id);
    w.Str(a.source);
    w.Str(a.title);
    w.Str(a.date);
  }
  w.Str(clusterer_.Save());
  return WriteFileAtomic(path, w.bytes());
}

Status CorpusRun::LoadState(const std::string& path, uint64_t max_bytes) {
  Result<FileContents> file = ReadInputFile(path, max_bytes);
  if (!file.ok()) return file.status();
  BinaryReader r(file->bytes);
  uint64_t magic = 0, n = 0;
  if (!r.U64(&magic) || magic != kCorpusStateMagic) {
    return Status(StatusCode::kInvalidInput, "not a dossier cluster state file", path, 0);
  }
  uint64_t count = 0;
  std::vector<std::pair<uint32_t, CorpusArticle>> records;
  uint32_t emitted = 0;
  bool ok = r.U64(&count) && count <= UINT32_MAX && r.U32(&emitted) && r.U64(&n) && n <= count &&
            n <= file->bytes.size();
  for (uint64_t i = 0; ok && i < n; ++i) {
    auto& [number, a] = records.emplace_back();
    ok = r.U32(&number) && number < count && (i == 0 || number > records[i - 1].first) &&
         r.Str(&a.id) && r.Str(&a.source) && r.Str(&a.title) && r.Str(&a.date);
  }
  // A run that is not streaming needs every record.
  ok = ok && (options_.on_closed || n == count);
  std::string clusterer;
  ok = ok && r.Str(&clusterer) && r.done();
  if (!ok) {
    const uint64_t at = r.ok() ? r.offset() : r.error_offset();
    return Status(StatusCode::kInvalidInput, "damaged cluster state (truncated or bad value)", path,
                  at);
  }
  const uint64_t base = r.offset() - clusterer.size();
  if (Status s = clusterer_.Load(clusterer, path); !s.ok()) {
    return Status(
        s.code(), s.message(), path,
        s.byte_offset() ? std::optional<uint64_t>(base + *s.byte_offset()) : std::nullopt);
  }
  if (clusterer_.articles() != count) {
    clusterer_ = StoryClusterer(clusterer_.options());
    return Status(StatusCode::kInvalidInput, "damaged cluster state (article counts disagree)",
                  path);
  }
  for (auto& [number, a] : records) {
    if (options_.on_closed) {
      live_.emplace(number, std::move(a));
    } else {
      articles_.push_back(std::move(a));
    }
  }
  next_article_ = static_cast<uint32_t>(count);
  emitted_ = emitted;
  if (options_.on_closed) clusterer_.EnableTakeClosed();
  return Status::Ok();
}

void AddStreamOptions(CLI::App* cmd, StreamFlags* flags) {
  cmd->add_option("paths", flags->paths,
                  "Input files or folders; '-' reads standard input. Any format `brief` reads; "
                  "Multi-News records are split into their articles.")
      ->required();
  AddInputOptions(cmd, &flags->input_format, &flags->data_dir, &flags->limits);
  cmd->add_option("--jobs,-j", flags->jobs, "Threads (0: one per core); output is the same")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  AddClusteringOptions(cmd, &flags->clustering);
  cmd->add_flag("--quiet,-q", flags->quiet, "Print errors only: no warnings, no progress");
}

CorpusOptions StreamOptions(const StreamFlags& flags, Progress* progress) {
  CorpusOptions options;
  options.threads = flags.jobs;
  options.clustering = flags.clustering;
  options.progress = [progress](uint64_t articles, uint64_t stories) {
    progress->Update(articles, 0, stories);
  };
  return options;
}

int ReadStream(const StreamFlags& flags, InputFormat format, const char* command, CorpusRun* run,
               Progress* progress, bool* had_error) {
  const ReadOptions read = InterruptibleReadOptions(format, flags.limits);
  std::vector<Diagnostic> diagnostics;
  Status status = ReadDocuments(
      flags.paths, read, [run](Document&& doc) { run->Push(std::move(doc)); }, &diagnostics);
  run->Finish();
  progress->Done();
  for (const Diagnostic& d : diagnostics) {
    *had_error = *had_error || d.severity == Diagnostic::Severity::kError;
    if (flags.quiet && d.severity != Diagnostic::Severity::kError) continue;
    std::cerr << "dossier " << command << ": " << FormatDiagnostic(d) << "\n";
  }
  if (Interrupted()) {
    return ReportInterrupted(("dossier " + std::string(command)).c_str(),
                             "stopped while reading; nothing written, the output is as it was");
  }
  if (run->article_count() == 0) {
    std::cerr << "dossier " << command << ": "
              << (status.ok() ? "no article read" : status.ToString()) << "\n";
    return kExitNoInput;
  }
  return kExitOk;
}

void AddClusteringOptions(CLI::App* cmd, StoryClustererOptions* o) {
  cmd->add_option("--join-threshold", o->join_threshold,
                  "Model score an article needs to join its best story: higher splits more, "
                  "lower merges more (see docs/CLUSTERING.md)")
      ->check(CLI::Range(-100.0, 100.0))
      ->capture_default_str();
  cmd->add_option("--min-cosine", o->min_cosine,
                  "Dated articles: cosine to one of a story's articles needed to join it, "
                  "whatever the model's score")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--undated-threshold", o->undated_threshold,
                  "Undated articles: cosine to one of a story's articles needed to join a story "
                  "of one")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--undated-size-penalty", o->undated_size_penalty,
                  "Undated articles: added to --undated-threshold times ln(story size)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option_function<std::string>(
      "--weights",
      [o](const std::string& path) {
        Result<FileContents> file = ReadInputFile(path, 1 << 20);
        Result<StoryModel> model =
            file.ok() ? StoryModel::Parse(file->bytes, path) : Result<StoryModel>(file.status());
        if (!model.ok()) throw CLI::ValidationError("--weights", model.status().ToString());
        o->model = *model;
      },
      "The clustering model's weights, one \"feature value\" a line (as "
      "bench/scripts/fit_cluster_weights.py writes them); default: the built-in ones");
  cmd->add_option("--window-days", o->window_days,
                  "0: no limit; else a story closes when the stream's newest date is more than "
                  "this many days after its last article")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  cmd->add_option("--window-articles", o->window_articles,
                  "A story closes after this many articles without a new one of its own")
      ->check(CLI::Range(1, 2000000000))
      ->capture_default_str();
  cmd->add_option("--duplicate-threshold", o->near_duplicates.threshold,
                  "Estimated Jaccard similarity of 5-word shingles making two articles copies")
      ->check(CLI::Range(0.05, 1.0))
      ->capture_default_str();
  cmd->add_option("--query-terms", o->query_terms,
                  "An article's heaviest terms used to look up candidate stories")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--index-terms", o->index_terms, "Terms kept per article vector")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--boilerplate-repeats", o->boilerplate_repeats,
                  "Earlier articles holding a sentence that make it boilerplate, ignored for "
                  "the topic")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  cmd->add_option("--name-weight", o->name_weight,
                  "Weight of a term written as a name (capitalized inside a sentence)")
      ->check(CLI::Range(0.0, 100.0))
      ->capture_default_str();
  cmd->add_option("--furniture-copies", o->furniture_copies,
                  "Copies that make a short text page furniture (a widget or notice, not news)")
      ->check(CLI::Range(2, 1000000))
      ->capture_default_str();
}

std::string StoryId(uint32_t story) { return "s" + std::to_string(story + 1); }

namespace {

// A story's outlets and JSON line, its articles' records read through `at`.
template <typename At>
std::vector<std::string> SourcesOf(const StoryClusterer::Story& story, const At& at) {
  std::vector<std::string> sources;
  for (uint32_t a : story.articles) {
    const std::string& s = at(a).source;
    if (s.empty()) continue;
    bool seen = false;
    for (const std::string& x : sources) seen = seen || x == s;
    if (!seen) sources.push_back(s);
  }
  return sources;
}

template <typename At>
nlohmann::ordered_json JsonOf(const StoryClusterer::Story& story, const At& at) {
  nlohmann::ordered_json j;
  j["id"] = StoryId(story.id);
  j["size"] = story.articles.size();
  nlohmann::ordered_json ids = nlohmann::ordered_json::array();
  for (uint32_t a : story.articles) ids.push_back(at(a).id);
  j["articles"] = std::move(ids);
  nlohmann::ordered_json dups = nlohmann::ordered_json::array();
  for (const std::vector<uint32_t>& group : story.duplicates) {
    nlohmann::ordered_json g = nlohmann::ordered_json::array();
    for (uint32_t a : group) g.push_back(at(a).id);
    dups.push_back(std::move(g));
  }
  j["duplicates"] = std::move(dups);
  j["sources"] = SourcesOf(story, at);
  const std::string first = DayToIso(story.first_day), last = DayToIso(story.last_day);
  j["first_date"] = first.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(first);
  j["last_date"] = last.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(last);
  nlohmann::ordered_json title(nullptr);
  for (uint32_t a : story.articles) {
    if (!at(a).title.empty()) {
      title = at(a).title;
      break;
    }
  }
  j["title"] = std::move(title);
  j["keywords"] = story.keywords;
  if (story.furniture) j["furniture"] = true;
  return j;
}

}  // namespace

std::vector<std::string> StorySources(const StoryClusterer::Story& story,
                                      const std::vector<CorpusArticle>& articles) {
  return SourcesOf(story, [&](uint32_t a) -> const CorpusArticle& { return articles[a]; });
}

nlohmann::ordered_json StoryJson(const StoryClusterer::Story& story,
                                 const std::vector<CorpusArticle>& articles) {
  return JsonOf(story, [&](uint32_t a) -> const CorpusArticle& { return articles[a]; });
}

nlohmann::ordered_json StoryJson(const StoryClusterer::Story& story, const CorpusRun& run) {
  return JsonOf(story, [&](uint32_t a) -> const CorpusArticle& { return run.Article(a); });
}

}  // namespace dossier::cli
