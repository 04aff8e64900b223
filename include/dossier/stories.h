// Sorting a stream of articles into stories: what `dossier cluster` does, as
// a library. Articles go in in stream order; near-duplicates are grouped
// first, then each article joins the story its model scores best or starts
// one (docs/CLUSTERING.md). The stories never depend on the thread count.
//
//   Result<StoryStream> stream = StoryStream::Create({});
//   if (!stream.ok()) ...;
//   ReadDocuments(paths, {}, [&](Document&& d) { stream->Push(std::move(d)); }, &diagnostics);
//   stream->Finish();
//   for (const Story& s : stream->Stories()) std::cout << StoryJsonLine(s);
//
// Long streams with bounded memory: SetOnClosed() hands out each story once,
// final, as soon as it closes, and forgets its articles. Resuming a stream
// across runs: SaveState() after Finish(), LoadState() before the next Push.
#ifndef DOSSIER_STORIES_H_
#define DOSSIER_STORIES_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"

namespace dossier {

// The knobs of `dossier cluster` (its flags of the same names); the defaults
// are the CLI's.
struct StoryOptions {
  double join_threshold = 0.0;         // model score an article needs to join its best story
  double min_cosine = 0.10;            // dated articles: cosine to one of a story's articles needed
  double undated_threshold = 0.20;     // undated: cosine needed to join a story of one
  double undated_size_penalty = 0.06;  // ... plus this times ln(story size)
  int window_days = 0;                 // > 0: a story closes this many days after its last date
  int window_articles = 50000;  // a story closes after this many articles without one of its own
  double duplicate_threshold = 0.8;  // estimated Jaccard of 5-word shingles making copies
  int query_terms = 10;              // an article's heaviest terms used to find candidates
  int index_terms = 100;             // terms kept per article vector
  int boilerplate_repeats = 2;       // earlier articles holding a sentence making it boilerplate
  double name_weight = 1.5;          // weight of a term written as a name
  int furniture_copies = 5;          // copies that make a short text page furniture
  // The model's weights as the text of a weights file ("feature value" per
  // line, as bench/scripts/fit_cluster_weights.py writes them); empty for the
  // built-in weights. `weights_origin` names it in errors.
  std::string weights;
  std::string weights_origin = "weights";
  std::string data_dir;  // word lists replacing the built-in ones (PipelineOptions::data_dir)
  std::string language;  // every article in this language (PipelineOptions::language); "": detect
  int threads = 0;       // analysis threads; 0: one per core
  size_t batch = 1024;   // articles analysed together
};

// Ok, or what is wrong with `options` (a value out of range; the weights'
// line, naming `weights_origin`).
Status CheckStoryOptions(const StoryOptions& options);

// One story, as a line of `dossier cluster`'s output.
struct Story {
  std::string id;                                    // "s1", "s2"... in output order
  std::vector<uint32_t> articles;                    // article numbers (0, 1... in stream order)
  std::vector<std::string> article_ids;              // their Document::id
  std::vector<std::vector<std::string>> duplicates;  // near-duplicate groups, by article id
  std::vector<std::string> sources;                  // distinct outlets, in order of first use
  // Outlets for ranking: the named ones, plus one per article without a
  // source (near-duplicate copies of one unnamed text counting once).
  size_t outlets = 0;
  std::string first_date, last_date;  // "YYYY-MM-DD", empty when undated
  std::string title;                  // the first article title, if any
  std::vector<std::string> keywords;  // heaviest terms, up to 8
  bool furniture = false;             // one copy of page furniture, not news
  // Still open, more may join: StoryStream never sets it (it cannot know
  // whether the stream goes on); `dossier cluster --state` does.
  bool open = false;
};

// The story as one JSON line of `dossier cluster` (newline included):
// {"id","size","articles","duplicates","sources","first_date","last_date",
// "title","keywords"[,"furniture"][,"open"]}.
std::string StoryJsonLine(const Story& story);

class StoryStream {
 public:
  // Fails on a bad option (the weights' text names `weights_origin` and the
  // line) or unreadable word lists.
  static Result<StoryStream> Create(const StoryOptions& options);
  StoryStream(StoryStream&&) noexcept;
  StoryStream& operator=(StoryStream&&) noexcept;
  ~StoryStream();

  // Streaming: before the first Push, asks for each story to be handed to
  // `on_closed` once, final, when it closes (numbered on in that order across
  // resumed runs), on the thread calling Push/Finish; its articles are then
  // forgotten and Stories() lists only the stories still open.
  void SetOnClosed(std::function<void(const Story&)> on_closed);
  // Before the first Push: keep every article's document (raw; analysis
  // dropped, metadata found in the text kept) for briefing (TakeDocuments).
  // Not with SetOnClosed.
  void SetKeepDocuments();
  // The kept documents, in stream order (article numbers index them).
  std::vector<Document> TakeDocuments();
  // Called after each batch with the articles and stories so far.
  void SetProgress(std::function<void(uint64_t articles, uint64_t stories)> progress);

  // Adds the next article (raw: analysed here, in parallel batches).
  void Push(Document&& doc);
  // Adds the next article now, on this thread, after any pushed ones, and
  // returns the number of the story it joined: articles given the same
  // number are in one story (a page-furniture copy is later listed alone).
  uint32_t Add(Document&& doc);
  // Adds `docs` in order, after any pushed ones, analysed in parallel
  // batches (as Push), and returns the number of the story each joined, as
  // Add one by one would; all are added when it returns.
  std::vector<uint32_t> AddAll(std::vector<Document>&& docs);
  // Adds the next article from its signature (StoryFeaturizer), exactly as
  // Push of the document it was made from would; errors name `origin` and
  // the byte of damage, and leave the stream as it was.
  Result<uint32_t> AddSignature(std::string_view signature, const std::string& origin);
  // Adds the next articles from their signatures, in batches: a thread of
  // the stream adds each while the calling one prepares the next, and the
  // last is added while the caller makes its next call (Finish adds it),
  // with the same stories as AddSignature one by one. A damaged signature
  // fails the call, naming `origin`, the signature (1, 2, ...) and its
  // byte; the signatures before it are added, none after.
  Status AddSignatures(const std::vector<std::string_view>& signatures, const std::string& origin);
  // Processes what was pushed; call after the last Push (Stories() and
  // SaveState() see only what was processed).
  void Finish();

  // The stories not yet handed to on_closed, in order of their first
  // article, numbered after those handed out.
  std::vector<Story> Stories() const;

  // Resuming (`dossier cluster --state`): SaveState writes the open stories
  // and everything needed to go on; LoadState, on a new stream with the same
  // options (SetOnClosed already called if the run streams), restores it, and
  // the stories come out as from one run over every batch. Errors name `path`
  // and the byte offset of damage.
  Status SaveState(const std::string& path) const;
  Status LoadState(const std::string& path, uint64_t max_bytes = uint64_t{64} << 30);

  uint32_t article_count() const;    // articles added so far, resumed runs included
  uint32_t stories_emitted() const;  // stories handed to on_closed so far

 private:
  struct Impl;
  explicit StoryStream(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The analysis half of a StoryStream, for runs spread over machines
// (python3 -m dossier.dask): signatures are made anywhere, in any order, and
// added to one StoryStream in stream order with AddSignature; the stories
// are the same as from Push of the same documents.
class StoryFeaturizer {
 public:
  static Result<StoryFeaturizer> Create(const StoryOptions& options);
  StoryFeaturizer(StoryFeaturizer&&) noexcept;
  StoryFeaturizer& operator=(StoryFeaturizer&&) noexcept;
  ~StoryFeaturizer();

  // Analyses each document (options.threads threads) and returns its
  // signature: its record (id, source, title, date) and clustering features,
  // a few KB. Each document is left as StoryStream keeps it for briefing:
  // analysis dropped, metadata found in the text kept. Thread-safe.
  std::vector<std::string> Signatures(std::vector<Document>* documents) const;

 private:
  struct Impl;
  explicit StoryFeaturizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Clusters `documents` (raw, in stream order) in one call.
Result<std::vector<Story>> ClusterDocuments(std::vector<Document> documents,
                                            const StoryOptions& options);

}  // namespace dossier

#endif  // DOSSIER_STORIES_H_
