// The corpus-mode driver behind StoryStream (dossier/stories.h), `digest`
// and `eval-cluster`: documents are pushed in stream order, analysed and turned
// into clustering features in parallel batches, and added to the
// StoryClusterer in order, so the stories never depend on the thread count.
// Threads: the caller and `threads - 2` more analyse a batch while the adder
// thread adds the one before it; an adder done with its batch helps analyse
// the next (so `threads` threads are busy, not `threads + 1` fighting for
// `threads` cores, and the sequential adder never waits on a fixed split).
//
//   CorpusRun run(pipeline, options);
//   ReadDocuments(paths, read, [&](Document&& d) { run.Push(std::move(d)); }, &diags);
//   run.Finish();
//   for (const StoryClusterer::Story& s : run.Stories()) ... run.articles()[a].id ...
#ifndef DOSSIER_CORPUS_CORPUS_RUN_H_
#define DOSSIER_CORPUS_CORPUS_RUN_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "cluster/background_idf.h"
#include "cluster/story_clusterer.h"
#include "dossier/document.h"
#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "dossier/stories.h"

namespace dossier {

struct CorpusOptions {
  int threads = 0;      // 0: one per core
  size_t batch = 1024;  // documents analysed together
  StoryClustererOptions clustering;
  // Keep every document (its text and map, the analysis dropped) for briefing.
  bool keep_documents = false;
  // Called after each batch with the articles and stories so far.
  std::function<void(uint64_t articles, uint64_t stories)> progress;
  // Called with each article's features just before it is added, in stream
  // order, on the thread that adds (eval-cluster's reference labelings).
  std::function<void(const ArticleFeatures&)> on_features;
  // Training: each article goes to its gold story (gold[k] for article k,
  // stories numbered 0, 1, ...) and the model's candidates go to
  // `training_rows` (StoryClusterer::AddLabelled).
  const std::vector<uint32_t>* gold = nullptr;
  std::vector<TrainingRow>* training_rows = nullptr;
  bool follow_model = false;  // rows from the model's own decisions
  // Streaming (`dossier cluster`): each story that closes is handed here
  // once, final, on the calling thread (Push/Finish), numbered 0, 1, ... in
  // that order across resumed runs, with the run to look its articles up
  // (CorpusRun::Article); then its articles' records are
  // dropped, so memory follows the open window, not the stream. Stories()
  // then lists only the stories still open. Not with keep_documents.
  std::function<void(const StoryClusterer::Story&, const class CorpusRun&)> on_closed;
};

// What a story listing needs of each article.
struct CorpusArticle {
  std::string id, source, title, date;
};

class CorpusRun {
 public:
  CorpusRun(const Pipeline& pipeline, CorpusOptions options);
  ~CorpusRun();
  CorpusRun(const CorpusRun&) = delete;
  CorpusRun& operator=(const CorpusRun&) = delete;

  void Push(Document&& doc);
  // Processes what is left; call after the last Push.
  void Finish();
  // Adds `doc` now, on this thread, after what was pushed; returns the
  // number of the story it joined (StoryClusterer::Add).
  uint32_t Add(Document&& doc);
  // Adds `docs` in order, analysed in parallel batches as Push does, and
  // returns the number of the story each joined (as Add would); everything
  // is added when it returns.
  std::vector<uint32_t> AddAll(std::vector<Document>&& docs);
  // Adds the next article from its signature (ArticleSignature), made from
  // a document Push would have taken: the result is the same. Errors name
  // `origin` and the byte of damage; the run is then unchanged.
  Result<uint32_t> AddSignature(std::string_view signature, const std::string& origin);
  // The next articles from their signatures, as a batch: the run goes on
  // with them while the caller makes the next batch (Finish adds the last).
  // A damaged signature fails the call, naming `origin`, the signature
  // (1, 2, ...) and its byte; the signatures before it are added, none after.
  Status AddSignatures(const std::vector<std::string_view>& signatures, const std::string& origin);

  // Resuming a stream (`cluster --state`): LoadState, before the first
  // Push, restores the articles and clusterer saved by SaveState (after
  // Finish) of an earlier run with the same settings; the stories then come
  // out as from one run over both batches. Errors name `path`.
  Status LoadState(const std::string& path, uint64_t max_bytes);
  Status SaveState(const std::string& path) const;

  // Every article's record, in stream order (not when streaming).
  const std::vector<CorpusArticle>& articles() const { return articles_; }
  // The record of article `a` (0, 1, ... in stream order); when streaming,
  // only for the articles of stories not yet handed to on_closed.
  const CorpusArticle& Article(uint32_t a) const;
  uint32_t article_count() const { return next_article_; }
  // Streaming: stories handed to on_closed so far (each got the next id).
  uint32_t stories_emitted() const { return emitted_; }
  std::vector<Document>& documents() { return documents_; }
  const StoryClusterer& clusterer() const { return clusterer_; }
  std::vector<StoryClusterer::Story> Stories() const { return clusterer_.Stories(); }

 private:
  // One batch being analysed: items handed out in order by `next`, each
  // written to its own slot of `features`.
  struct AnalysisJob {
    std::vector<Document>* docs;
    std::vector<ArticleFeatures>* features;
    std::atomic<size_t> next{0};
    int helpers = 0;  // the adder, while it helps (under mu_)
    std::mutex error_mu;
    std::exception_ptr error;
  };
  // Analyses pending_ while the adder adds; hands over the batch analysed
  // before it and holds this one.
  void StartBatch();
  // The precedents of the held batch (StoryClusterer::Precede), in order.
  std::vector<StoryClusterer::Precedents> PrecedeHeld();
  // Once the adder is idle: emits the closed stories, records the held
  // batch's articles and hands it to the adder.
  void HandOverHeld(std::vector<StoryClusterer::Precedents> precedents);
  // Analyses items of `job` until none is left.
  void RunJob(AnalysisJob* job, Pipeline::Scratch* scratch) const;
  // The adder thread: adds each handed batch, and in between helps analyse.
  void AdderLoop();
  // Analyses `doc` and returns its features; drops the analysis.
  ArticleFeatures Featurize(Document* doc, Pipeline::Scratch* scratch) const;
  // Keeps the record (and with keep_documents the document) of the next article.
  void Record(Document&& doc);
  // Adds the next article on this thread, after what was pushed: its record
  // (and document) kept, its features given to the clusterer.
  uint32_t AddNow(Document&& doc, const ArticleFeatures& features);
  // Adds one article's features to the clusterer (on the adder thread or the caller's).
  uint32_t AddOne(const ArticleFeatures& features,
                  std::optional<StoryClusterer::Precedents> precedents = std::nullopt);
  void JoinAdder();
  // Streaming: hands the stories closed so far to on_closed, drops their records.
  void EmitClosed();

  static StoryClustererOptions WithBackground(StoryClustererOptions o,
                                              std::optional<BackgroundIdf>* background);

  const Pipeline& pipeline_;
  CorpusOptions options_;
  std::optional<BackgroundIdf> background_;
  int threads_;
  std::vector<Pipeline::Scratch> scratch_;
  StoryClusterer clusterer_;
  std::vector<Document> pending_;
  // The batch analysed last, handed to the adder with the next one's analysis.
  std::vector<Document> held_docs_;
  std::vector<ArticleFeatures> held_features_;
  // The adder thread and what it shares with the caller's (under mu_).
  std::thread adder_;  // adds `to_add_` while the next batch is analysed, then helps with `job_`
  std::mutex mu_;
  std::condition_variable wake_;  // the adder: a batch to add, a job to help with, or stop
  std::condition_variable idle_;  // the caller: the adder has added, or left the job
  std::vector<ArticleFeatures> to_add_;
  std::vector<StoryClusterer::Precedents> to_add_precedents_;  // found by the caller's thread
  bool adding_ = false;         // to_add_ handed over and not yet all added
  AnalysisJob* job_ = nullptr;  // the batch being analysed, while the caller analyses it
  // AddAll: the story each added article joined, appended by the adder.
  bool collect_joined_ = false;
  std::vector<uint32_t> joined_;
  bool stop_ = false;
  std::vector<CorpusArticle> articles_;
  std::unordered_map<uint32_t, CorpusArticle> live_;  // streaming: records of unwritten stories
  uint32_t next_article_ = 0;
  uint32_t emitted_ = 0;
  std::vector<Document> documents_;
};

// What CorpusRun does to each document on its analysis threads: analyses
// it, computes its clustering features, and drops the analysis (metadata
// found in the text stays), leaving the document as kept for briefing.
ArticleFeatures FeaturizeArticle(const Pipeline& pipeline, const StoryClustererOptions& options,
                                 Document* doc, Pipeline::Scratch* scratch);
// A short piece of an analysed article (its title, its dateline's place)
// analysed as a document of its own, in the article's language.
Document AnalyzedPiece(const Pipeline& pipeline, std::string_view text, std::string_view language,
                       Pipeline::Scratch* scratch);
// FeaturizeArticle's features of an article `doc` already analysed.
ArticleFeatures ArticleFeaturesOf(const Pipeline& pipeline, const StoryClustererOptions& options,
                                  const Document& doc, Pipeline::Scratch* scratch);
// An article's record (id, source, title, date) and features as bytes.
std::string ArticleSignature(const Document& doc, const ArticleFeatures& features);

// The clusterer's options for the public knobs; fails on bad weights.
Result<StoryClustererOptions> ClustererOptions(const StoryOptions& options);

// "s<k>" for story k (counting from 1): stable as long as the stream is.
std::string StoryId(uint32_t story);

// The public listing of `story`, its articles' records from `articles` or
// from `run` (CorpusRun::Article).
Story StoryListing(const StoryClusterer::Story& story, const std::vector<CorpusArticle>& articles);
Story StoryListing(const StoryClusterer::Story& story, const CorpusRun& run);

// One line of stories.jsonl: {"id","size","articles","duplicates","sources",
// "first_date","last_date","title","keywords"[,"furniture"][,"open"]}.
nlohmann::ordered_json StoryJson(const Story& story);

}  // namespace dossier

#endif  // DOSSIER_CORPUS_CORPUS_RUN_H_
