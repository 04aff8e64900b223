// StoryStream (dossier/stories.h): the public face of CorpusRun.
#include "dossier/stories.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "cluster/story_clusterer.h"
#include "corpus/corpus_run.h"
#include "dossier/pipeline.h"
#include "util/parallel.h"

namespace dossier {

Result<StoryClustererOptions> ClustererOptions(const StoryOptions& o) {
  StoryClustererOptions c;
  if (!o.weights.empty()) {
    Result<StoryModel> model = StoryModel::Parse(o.weights, o.weights_origin);
    if (!model.ok()) return model.status();
    c.model = *model;
  }
  c.join_threshold = o.join_threshold;
  c.min_cosine = o.min_cosine;
  c.undated_threshold = o.undated_threshold;
  c.undated_size_penalty = o.undated_size_penalty;
  c.window_days = o.window_days;
  c.window_articles = o.window_articles;
  c.near_duplicates.threshold = o.duplicate_threshold;
  c.query_terms = o.query_terms;
  c.index_terms = o.index_terms;
  c.boilerplate_repeats = o.boilerplate_repeats;
  c.name_weight = o.name_weight;
  c.furniture_copies = o.furniture_copies;
  auto out_of = [](const char* name, double v, double lo, double hi) -> Status {
    if (v >= lo && v <= hi) return Status::Ok();
    return Status(StatusCode::kInvalidArgument, std::string(name) + " must be between " +
                                                    std::to_string(lo) + " and " +
                                                    std::to_string(hi));
  };
  for (const Status& s : {out_of("join_threshold", o.join_threshold, -100, 100),
                          out_of("min_cosine", o.min_cosine, 0, 1),
                          out_of("undated_threshold", o.undated_threshold, 0, 1),
                          out_of("undated_size_penalty", o.undated_size_penalty, 0, 1),
                          out_of("window_days", o.window_days, 0, 100000),
                          out_of("window_articles", o.window_articles, 1, 2000000000),
                          out_of("duplicate_threshold", o.duplicate_threshold, 0.05, 1),
                          out_of("query_terms", o.query_terms, 1, 1000),
                          out_of("index_terms", o.index_terms, 1, 100000),
                          out_of("boilerplate_repeats", o.boilerplate_repeats, 1, 1000000),
                          out_of("name_weight", o.name_weight, 0, 100),
                          out_of("furniture_copies", o.furniture_copies, 2, 1000000),
                          out_of("threads", o.threads, 0, 256)}) {
    if (!s.ok()) return s;
  }
  return c;
}

Status CheckStoryOptions(const StoryOptions& options) { return ClustererOptions(options).status(); }

struct StoryStream::Impl {
  Impl(Pipeline p, CorpusOptions options) : pipeline(std::move(p)), options(std::move(options)) {}

  CorpusRun& Run() {
    if (!run) run.emplace(pipeline, options);
    return *run;
  }

  Pipeline pipeline;
  CorpusOptions options;
  std::function<void(const Story&)> on_closed;
  std::optional<CorpusRun> run;  // made at the first use, once the callbacks are set
};

StoryStream::StoryStream(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoryStream::StoryStream(StoryStream&&) noexcept = default;
StoryStream& StoryStream::operator=(StoryStream&&) noexcept = default;
StoryStream::~StoryStream() = default;

Result<StoryStream> StoryStream::Create(const StoryOptions& options) {
  Result<StoryClustererOptions> clustering = ClustererOptions(options);
  if (!clustering.ok()) return clustering.status();
  Result<Pipeline> pipeline = Pipeline::Create({options.data_dir, options.language});
  if (!pipeline.ok()) return pipeline.status();
  CorpusOptions corpus;
  corpus.threads = options.threads;
  corpus.batch = options.batch;
  corpus.clustering = *clustering;
  return StoryStream(std::make_unique<Impl>(std::move(*pipeline), std::move(corpus)));
}

void StoryStream::SetOnClosed(std::function<void(const Story&)> on_closed) {
  impl_->on_closed = std::move(on_closed);
  Impl* impl = impl_.get();
  impl_->options.on_closed = [impl](const StoryClusterer::Story& story, const CorpusRun& run) {
    impl->on_closed(StoryListing(story, run));
  };
}

void StoryStream::SetKeepDocuments() { impl_->options.keep_documents = true; }

std::vector<Document> StoryStream::TakeDocuments() { return std::move(impl_->Run().documents()); }

void StoryStream::SetProgress(std::function<void(uint64_t, uint64_t)> progress) {
  impl_->options.progress = std::move(progress);
}

void StoryStream::Push(Document&& doc) { impl_->Run().Push(std::move(doc)); }

uint32_t StoryStream::Add(Document&& doc) { return impl_->Run().Add(std::move(doc)); }

std::vector<uint32_t> StoryStream::AddAll(std::vector<Document>&& docs) {
  return impl_->Run().AddAll(std::move(docs));
}

void StoryStream::Finish() { impl_->Run().Finish(); }

std::vector<Story> StoryStream::Stories() const {
  CorpusRun& run = impl_->Run();
  const uint32_t closed = run.stories_emitted();
  std::vector<Story> out;
  for (StoryClusterer::Story& story : run.Stories()) {
    story.id += closed;
    out.push_back(StoryListing(story, run));
  }
  return out;
}

Status StoryStream::SaveState(const std::string& path) const {
  return impl_->Run().SaveState(path);
}

Status StoryStream::LoadState(const std::string& path, uint64_t max_bytes) {
  return impl_->Run().LoadState(path, max_bytes);
}

uint32_t StoryStream::article_count() const { return impl_->Run().article_count(); }

uint32_t StoryStream::stories_emitted() const { return impl_->Run().stories_emitted(); }

Result<uint32_t> StoryStream::AddSignature(std::string_view signature, const std::string& origin) {
  return impl_->Run().AddSignature(signature, origin);
}

Status StoryStream::AddSignatures(const std::vector<std::string_view>& signatures,
                                  const std::string& origin) {
  return impl_->Run().AddSignatures(signatures, origin);
}

struct StoryFeaturizer::Impl {
  Impl(Pipeline p, StoryClustererOptions o, int threads)
      : pipeline(std::move(p)), options(std::move(o)), threads(threads) {}
  Pipeline pipeline;
  StoryClustererOptions options;
  int threads;
};

StoryFeaturizer::StoryFeaturizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoryFeaturizer::StoryFeaturizer(StoryFeaturizer&&) noexcept = default;
StoryFeaturizer& StoryFeaturizer::operator=(StoryFeaturizer&&) noexcept = default;
StoryFeaturizer::~StoryFeaturizer() = default;

Result<StoryFeaturizer> StoryFeaturizer::Create(const StoryOptions& options) {
  Result<StoryClustererOptions> clustering = ClustererOptions(options);
  if (!clustering.ok()) return clustering.status();
  Result<Pipeline> pipeline = Pipeline::Create({options.data_dir, options.language});
  if (!pipeline.ok()) return pipeline.status();
  return StoryFeaturizer(std::make_unique<Impl>(std::move(*pipeline), std::move(*clustering),
                                                ThreadCount(options.threads)));
}

std::vector<std::string> StoryFeaturizer::Signatures(std::vector<Document>* documents) const {
  std::vector<std::string> out(documents->size());
  const int threads = std::min<int>(impl_->threads, static_cast<int>(documents->size()));
  std::vector<Pipeline::Scratch> scratch;
  for (int t = 0; t < std::max(threads, 1); ++t) scratch.push_back(impl_->pipeline.NewScratch());
  ParallelFor(documents->size(), std::max(threads, 1), [&](size_t i, int worker) {
    Document& doc = (*documents)[i];
    const ArticleFeatures features = FeaturizeArticle(impl_->pipeline, impl_->options, &doc,
                                                      &scratch[static_cast<size_t>(worker)]);
    out[i] = ArticleSignature(doc, features);
  });
  return out;
}

std::string StoryJsonLine(const Story& story) {
  return StoryJson(story).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
         "\n";
}

Result<std::vector<Story>> ClusterDocuments(std::vector<Document> documents,
                                            const StoryOptions& options) {
  Result<StoryStream> stream = StoryStream::Create(options);
  if (!stream.ok()) return stream.status();
  for (Document& d : documents) stream->Push(std::move(d));
  stream->Finish();
  return stream->Stories();
}

}  // namespace dossier
