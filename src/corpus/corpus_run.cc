#include "corpus/corpus_run.h"

#include <pthread.h>

#include <algorithm>
#include <iostream>
#include <utility>

#include "dossier/files.h"
#include "segment/metadata.h"
#include "util/binary_io.h"
#include "util/dates.h"
#include "util/parallel.h"

namespace dossier {
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

// How many articles ahead of the one it adds the adder asks for hash slots.
constexpr size_t kPrefetchAhead = 2;

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
  // One per analysing thread: the caller's (0), threads - 2 more, the adder's (last).
  for (int t = 0; t < std::max(2, threads_); ++t) scratch_.push_back(pipeline_.NewScratch());
}

CorpusRun::~CorpusRun() {
  JoinAdder();
  if (adder_.joinable()) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    wake_.notify_one();
    adder_.join();
  }
}

void CorpusRun::JoinAdder() {
  if (adder_.joinable()) {
    std::unique_lock<std::mutex> lock(mu_);
    idle_.wait(lock, [&] { return !adding_; });
  }
  EmitClosed();
}

void CorpusRun::RunJob(AnalysisJob* job, Pipeline::Scratch* scratch) const {
  const size_t n = job->docs->size();
  try {
    for (size_t i = job->next.fetch_add(1); i < n; i = job->next.fetch_add(1)) {
      (*job->features)[i] = Featurize(&(*job->docs)[i], scratch);
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(job->error_mu);
    if (!job->error) job->error = std::current_exception();
    job->next.store(n);
  }
}

void CorpusRun::AdderLoop() {
  pthread_setname_np(pthread_self(), "dossier-add");  // for top -H and perf
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    wake_.wait(lock, [&] {
      return stop_ || adding_ || (job_ != nullptr && job_->next.load() < job_->docs->size());
    });
    if (adding_) {
      // The batch handed over, in stream order; the caller waits for it
      // before it touches the clusterer.
      lock.unlock();
      for (size_t i = 0; i < to_add_.size(); ++i) {
        // The hash slots of the article after next are asked for now.
        if (i + kPrefetchAhead < to_add_.size()) clusterer_.Prefetch(to_add_[i + kPrefetchAhead]);
        const uint32_t story = AddOne(to_add_[i], std::move(to_add_precedents_[i]));
        if (collect_joined_) joined_.push_back(story);
      }
      if (options_.progress) options_.progress(clusterer_.articles(), clusterer_.stories());
      lock.lock();
      adding_ = false;
      idle_.notify_all();
    } else if (job_ != nullptr && job_->next.load() < job_->docs->size()) {
      // Nothing to add yet: help analyse the next batch.
      AnalysisJob* job = job_;
      ++job->helpers;
      lock.unlock();
      RunJob(job, &scratch_.back());
      lock.lock();
      --job->helpers;
      idle_.notify_all();
    } else {
      return;  // stop_
    }
  }
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

Document AnalyzedPiece(const Pipeline& pipeline, std::string_view text, std::string_view language,
                       Pipeline::Scratch* scratch) {
  Document piece;
  piece.raw = std::string(text);
  piece.text = piece.raw;
  piece.map = OffsetMap::Identity(static_cast<uint32_t>(piece.text.size()));
  pipeline.AnalyzeIn(&piece, language, scratch);
  return piece;
}

ArticleFeatures ArticleFeaturesOf(const Pipeline& pipeline, const StoryClustererOptions& options,
                                  const Document& doc, Pipeline::Scratch* scratch) {
  // The title is in its article's language (too short to tell on its own).
  const Document title =
      doc.title.empty() ? Document() : AnalyzedPiece(pipeline, doc.title, doc.language, scratch);
  const std::string_view place = DatelinePlace(doc.dateline_span.Slice(doc.text));
  const Document dateline =
      place.empty() ? Document() : AnalyzedPiece(pipeline, place, doc.language, scratch);
  return StoryClusterer::Features(doc, options, doc.title.empty() ? nullptr : &title,
                                  dateline.tokens.empty() ? nullptr : &dateline);
}

ArticleFeatures FeaturizeArticle(const Pipeline& pipeline, const StoryClustererOptions& options,
                                 Document* doc, Pipeline::Scratch* scratch) {
  pipeline.Analyze(doc, scratch);
  ArticleFeatures features = ArticleFeaturesOf(pipeline, options, *doc, scratch);
  DropAnalysis(doc);
  return features;
}

namespace {
constexpr uint32_t kSignatureVersion = 0x31676973;  // "sig1"
}  // namespace

std::string ArticleSignature(const Document& doc, const ArticleFeatures& features) {
  BinaryWriter w;
  w.U32(kSignatureVersion);
  for (const std::string* s : {&doc.id, &doc.source, &doc.title, &doc.date}) w.Str(*s);
  WriteFeatures(features, &w);
  return std::move(w.bytes());
}

ArticleFeatures CorpusRun::Featurize(Document* doc, Pipeline::Scratch* scratch) const {
  return FeaturizeArticle(pipeline_, options_.clustering, doc, scratch);
}

namespace {

// The record and features of a signature (ArticleSignature); an error names
// `origin` and the byte of damage.
Status ReadSignature(std::string_view signature, const std::string& origin, Document* record,
                     ArticleFeatures* features) {
  BinaryReader r(signature);
  uint32_t version = 0;
  bool ok = r.U32(&version) && version == kSignatureVersion;
  for (std::string* s : {&record->id, &record->source, &record->title, &record->date}) {
    ok = ok && r.Str(s);
  }
  if (!ok || !ReadFeatures(&r, features) || !r.done()) {
    return Status(StatusCode::kInvalidInput, "damaged article signature", origin,
                  r.ok() ? r.offset() : r.error_offset());
  }
  return Status::Ok();
}

}  // namespace

Result<uint32_t> CorpusRun::AddSignature(std::string_view signature, const std::string& origin) {
  Document record;
  ArticleFeatures features;
  if (Status st = ReadSignature(signature, origin, &record, &features); !st.ok()) return st;
  return AddNow(std::move(record), features);
}

Status CorpusRun::AddSignatures(const std::vector<std::string_view>& signatures,
                                const std::string& origin) {
  // In batches, as StartBatch hands over analysed ones: what was pushed
  // before goes first; then each batch is read while the adder adds the one
  // before the held one, the held batch's precedents are found, and the
  // batch read is held in its turn. (Read a batch at a time: features take
  // more memory than their signatures.)
  if (!pending_.empty()) StartBatch();
  for (size_t b = 0; b < signatures.size(); b += options_.batch) {
    const size_t n = std::min(signatures.size() - b, options_.batch);
    std::vector<Document> records(n);
    std::vector<ArticleFeatures> features(n);
    Status status;
    size_t read = 0;
    while (read < n && status.ok()) {
      status = ReadSignature(signatures[b + read],
                             origin + ", signature " + std::to_string(b + read + 1), &records[read],
                             &features[read]);
      if (status.ok()) ++read;
    }
    // The signatures before a damaged one go on.
    records.resize(read);
    features.resize(read);
    if (read > 0) {
      if (!adder_.joinable()) adder_ = std::thread([this] { AdderLoop(); });
      HandOverHeld(PrecedeHeld());
      held_docs_ = std::move(records);
      held_features_ = std::move(features);
    }
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

void CorpusRun::Record(Document&& doc) {
  CorpusArticle record{doc.id, doc.source, doc.title, doc.date};
  if (options_.on_closed) {
    live_.emplace(next_article_, std::move(record));
  } else {
    articles_.push_back(std::move(record));
  }
  ++next_article_;
  if (options_.keep_documents) documents_.push_back(std::move(doc));
}

uint32_t CorpusRun::AddOne(const ArticleFeatures& f,
                           std::optional<StoryClusterer::Precedents> precedents) {
  if (options_.on_features) options_.on_features(f);
  if (!precedents) precedents = clusterer_.Precede(f);
  if (options_.gold != nullptr) {
    const uint32_t k = clusterer_.articles();
    return clusterer_.AddLabelled(f, std::move(*precedents),
                                  k < options_.gold->size() ? (*options_.gold)[k] : 0,
                                  options_.training_rows, options_.follow_model);
  }
  return clusterer_.Add(f, std::move(*precedents));
}

void CorpusRun::StartBatch() {
  // Three stages overlap, on two threads: this thread finds the precedents
  // of the batch analysed last time (what its articles copy, which of their
  // sentences are boilerplate) and analyses this batch, while the adder
  // adds the batch before; the adder, once done, helps analyse. Precede
  // touches only what Add does not (StoryClusterer::Precedents).
  std::vector<Document> batch = std::move(pending_);
  pending_.clear();
  std::vector<ArticleFeatures> features(batch.size());
  AnalysisJob job;
  job.docs = &batch;
  job.features = &features;
  if (!adder_.joinable()) adder_ = std::thread([this] { AdderLoop(); });
  {
    std::lock_guard<std::mutex> lock(mu_);
    job_ = &job;
  }
  wake_.notify_one();
  std::vector<std::thread> extra;
  for (int w = 1; w + 1 < threads_; ++w) {
    extra.emplace_back([&, w] { RunJob(&job, &scratch_[static_cast<size_t>(w)]); });
  }
  std::vector<StoryClusterer::Precedents> precedents;
  std::exception_ptr precede_error;  // (out of memory): raised once the threads have left the job
  try {
    precedents = PrecedeHeld();
  } catch (...) {
    precede_error = std::current_exception();
  }
  RunJob(&job, &scratch_[0]);
  for (std::thread& t : extra) t.join();
  {
    // The adder has left this batch (it may still be adding).
    std::unique_lock<std::mutex> lock(mu_);
    idle_.wait(lock, [&] { return job.helpers == 0; });
    job_ = nullptr;
  }
  if (precede_error) {
    std::unique_lock<std::mutex> lock(mu_);
    idle_.wait(lock, [&] { return !adding_; });
    std::rethrow_exception(precede_error);
  }
  HandOverHeld(std::move(precedents));
  if (job.error) std::rethrow_exception(job.error);
  held_docs_ = std::move(batch);
  held_features_ = std::move(features);
}

std::vector<StoryClusterer::Precedents> CorpusRun::PrecedeHeld() {
  std::vector<StoryClusterer::Precedents> precedents;
  precedents.reserve(held_features_.size());
  for (size_t i = 0; i < held_features_.size(); ++i) {
    if (i + kPrefetchAhead < held_features_.size()) {
      clusterer_.PrefetchPrecede(held_features_[i + kPrefetchAhead]);
    }
    precedents.push_back(clusterer_.Precede(held_features_[i]));
  }
  return precedents;
}

void CorpusRun::HandOverHeld(std::vector<StoryClusterer::Precedents> precedents) {
  JoinAdder();  // the adder is done adding the batch before
  if (held_features_.empty()) return;
  for (Document& doc : held_docs_) Record(std::move(doc));
  held_docs_.clear();
  {
    std::lock_guard<std::mutex> lock(mu_);
    to_add_ = std::move(held_features_);
    to_add_precedents_ = std::move(precedents);
    adding_ = true;
  }
  held_features_.clear();
  wake_.notify_one();
}

uint32_t CorpusRun::Add(Document&& doc) {
  const ArticleFeatures features = Featurize(&doc, &scratch_[0]);
  return AddNow(std::move(doc), features);
}

std::vector<uint32_t> CorpusRun::AddAll(std::vector<Document>&& docs) {
  Finish();  // what was pushed before: its numbers are not asked for
  collect_joined_ = true;
  try {
    for (Document& doc : docs) Push(std::move(doc));
    Finish();
  } catch (...) {
    JoinAdder();  // (an analysis error) the adder may still be adding
    collect_joined_ = false;
    joined_.clear();
    throw;
  }
  collect_joined_ = false;
  return std::exchange(joined_, {});
}

uint32_t CorpusRun::AddNow(Document&& doc, const ArticleFeatures& features) {
  Finish();
  Record(std::move(doc));
  const uint32_t story = AddOne(features);
  EmitClosed();
  return story;
}

void CorpusRun::Finish() {
  if (!pending_.empty()) StartBatch();
  if (!held_features_.empty()) HandOverHeld(PrecedeHeld());
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

std::string StoryId(uint32_t story) { return "s" + std::to_string(story + 1); }

namespace {

// A story's listing, its articles' records read through `at`.
template <typename At>
Story ListingOf(const StoryClusterer::Story& story, const At& at) {
  Story out;
  out.id = StoryId(story.id);
  out.articles = story.articles;
  for (uint32_t a : story.articles) {
    const CorpusArticle& record = at(a);
    out.article_ids.push_back(record.id);
    if (out.title.empty()) out.title = record.title;
    const std::string& s = record.source;
    if (s.empty()) continue;
    bool seen = false;
    for (const std::string& x : out.sources) seen = seen || x == s;
    if (!seen) out.sources.push_back(s);
  }
  // Outlets: the named ones, plus each article without a source, near-
  // duplicate copies of one unnamed text counting once.
  size_t unnamed = 0;
  for (uint32_t a : story.articles) unnamed += at(a).source.empty() ? 1 : 0;
  for (const std::vector<uint32_t>& group : story.duplicates) {
    std::vector<std::string>& ids = out.duplicates.emplace_back();
    size_t group_unnamed = 0;
    for (uint32_t a : group) {
      ids.push_back(at(a).id);
      group_unnamed += at(a).source.empty() ? 1 : 0;
    }
    if (group_unnamed > 1) unnamed -= group_unnamed - 1;
  }
  out.outlets = out.sources.size() + unnamed;
  out.first_date = DayToIso(story.first_day);
  out.last_date = DayToIso(story.last_day);
  out.keywords = story.keywords;
  out.furniture = story.furniture;
  return out;
}

}  // namespace

Story StoryListing(const StoryClusterer::Story& story, const std::vector<CorpusArticle>& articles) {
  return ListingOf(story, [&](uint32_t a) -> const CorpusArticle& { return articles[a]; });
}

Story StoryListing(const StoryClusterer::Story& story, const CorpusRun& run) {
  return ListingOf(story, [&](uint32_t a) -> const CorpusArticle& { return run.Article(a); });
}

nlohmann::ordered_json StoryJson(const Story& story) {
  auto or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
  };
  nlohmann::ordered_json j;
  j["id"] = story.id;
  j["size"] = story.articles.size();
  j["articles"] = story.article_ids;
  j["duplicates"] = nlohmann::ordered_json::array();
  for (const std::vector<std::string>& group : story.duplicates) j["duplicates"].push_back(group);
  j["sources"] = story.sources;
  j["first_date"] = or_null(story.first_date);
  j["last_date"] = or_null(story.last_date);
  j["title"] = or_null(story.title);
  j["keywords"] = story.keywords;
  if (story.furniture) j["furniture"] = true;
  if (story.open) j["open"] = true;
  return j;
}

}  // namespace dossier
