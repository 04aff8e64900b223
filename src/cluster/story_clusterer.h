// StoryClusterer: sorts a stream of articles into stories, one article at a
// time, as corpus mode (`dossier cluster`, `dossier digest`) needs.
//
//   StoryClusterer clusterer({});
//   for (const Document& doc : stream) {              // after Pipeline::Analyze
//     ArticleFeatures f = StoryClusterer::Features(doc, clusterer.options());
//     uint32_t story = clusterer.Add(f);              // articles are 0, 1, 2, ...
//   }
//   for (const StoryClusterer::Story& s : clusterer.Stories()) ...
//
// Method (docs/CLUSTERING.md has the measurements behind each choice):
//   1. Near-duplicates first. Each article's MinHash signature goes to a
//      NearDuplicateIndex (5-word shingles, Jaccard >= the near-duplicate
//      threshold); a copy joins the story of the article it copies, without
//      any further test, and is listed in that story's duplicate group.
//      Page furniture: a short text (at most `furniture_max_terms` content
//      words) copied in `furniture_copies` or more articles is not news but a
//      page's widget or notice captured instead of its article ("Tweet with a
//      location...", a web archive's crawl notice). Every copy of it is put
//      in a story of its own, flagged `furniture`, when the stories are listed.
//   2. Repeated sentences. A sentence (its stems, hashed) already met in
//      `boilerplate_repeats` earlier articles is boilerplate (a notice, a
//      sign-off) and does not count for the topic. An article left with fewer
//      than `min_content_words` content words is a story of its own, flagged
//      `furniture`, and is not indexed.
//   3. Terms. An article is a bag of content-word stems (no stopwords, no
//      numbers, no one-letter words). A stem that the article writes with a
//      capital letter away from the start of a sentence (a name) counts
//      `name_weight` times. Document frequencies are counted over the stream
//      so far (the current article included), so no background corpus is
//      needed and the result depends only on the order of the stream.
//   4. Vectors. weight(t) = (1 + ln tf) * max(0, ln((N + 1) / (df(t) + 0.5)))
//      over the article's terms, N the articles seen so far, L2-normalized
//      and cut to its `index_terms` heaviest terms (at least 2 articles).
//   5. Candidates. Candidate articles are those indexed under one of the
//      article's `query_terms` heaviest terms met before (an inverted index
//      over the articles of open stories, newest first); their stories are
//      the candidate stories.
//   6. Features of (article, story), all cheap: the cosine of the article to
//      the story's centroid (the sum of its article vectors) over all terms,
//      over names only (people, places, organisations: stems written with a
//      capital inside a sentence) and over the lead (title and first two
//      sentences against the stories' titles and leads); the best cosine to
//      one of the story's articles (a developing story drifts: its newest
//      article may be closer than its centroid); ln(1 + days between the
//      article's date and the story's dated span); whether the story already
//      holds an article of the same outlet on the same day (an outlet rarely
//      runs one story twice a day); ln(story size).
//   7. Assignment. A linear model scores each candidate (StoryModel: weights
//      learned by logistic regression on the development streams, see
//      docs/CLUSTERING.md and bench/scripts/fit_cluster_weights.py); the
//      article joins the best-scoring story if its score is above
//      `join_threshold`, else it starts a story. Time is a feature, not a
//      wall: a close match bridges a long gap, a loose one needs a short gap.
//   8. Windows. A story closes (leaves the index, frees its articles'
//      vectors) when no article joined it for `window_articles` articles of
//      the stream, or, with `window_days` > 0, when the newest date in the
//      stream is more than `window_days` after its last date; its window
//      runs from its latest article, so a story followed for months stays
//      open as long as it keeps receiving articles.
//
// Cost: per article, linear in its tokens (features, in parallel) plus at
// most query_terms * kMaxScan postings and kExactScores cosines of
// index_terms terms (a constant), so the whole run is linear in the stream;
// memory: bounded by the window when stories are taken as they close
// (EnableTakeClosed): the held articles and stories (Compact), the terms met
// in the window (ForgetOldTerms), one count per recent distinct sentence,
// and the near-duplicate signatures of the last 1-2 windows.
//
// Determinism: Features() is a pure, thread-safe function; Add() must be
// called in stream order on one thread (or Precede() on one thread and
// Add(article, precedents) on another, each in stream order). The result
// depends only on the sequence of articles, never on threads or addresses.
#ifndef DOSSIER_CLUSTER_STORY_CLUSTERER_H_
#define DOSSIER_CLUSTER_STORY_CLUSTERER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cluster/near_duplicates.h"
#include "cluster/recent.h"
#include "dossier/document.h"
#include "dossier/status.h"
#include "util/binary_io.h"
#include "util/flat_id_map.h"
#include "util/union_find.h"

namespace dossier {

// The linear model scoring (article, candidate story) pairs; an article joins
// the best story whose score is above StoryClustererOptions::join_threshold.
struct StoryModel {
  static constexpr int kFeatures = 14;
  // Feature order (the same in weights files and training rows).
  static constexpr const char* kNames[kFeatures] = {"bias",
                                                    "centroid_cosine",
                                                    "best_article_cosine",
                                                    "names_cosine",
                                                    "lead_cosine",
                                                    "log_gap_days",
                                                    "same_outlet_same_day",
                                                    "log_story_size",
                                                    "log_story_days",
                                                    "centroid_margin",
                                                    "mean_cosine",
                                                    "same_outlet_other_day",
                                                    "log_gap_articles",
                                                    "centroid_cosine_z"};
  // Fitted on the early halves of the three development streams (the stream
  // cut in time), DUC's rows weighing 4 times, five rounds on the model's own
  // stories, L2 0.3 (bench/scripts/fit_cluster_weights.sh; docs/CLUSTERING.md).
  double weights[kFeatures] = {-1.134, -2.431, -3.284, -2.536, 0.6786, -0.4289, 0.1841,
                               -2.757, 0.3881, 3.973,  -3.598, 0.3268, -0.1639, 29.21};

  template <typename Features>
  double Score(const Features& features) const {
    double s = 0;
    for (int i = 0; i < kFeatures; ++i) s += weights[i] * features[i];
    return s;
  }
  // Parses a weights file: lines "name value" (names as in kNames, '#'
  // comments); every feature must be given once.
  static Result<StoryModel> Parse(std::string_view text, const std::string& origin);
  std::string ToText() const;
};

class BackgroundIdf;

struct StoryClustererOptions {
  StoryModel model;
  // Prior document frequencies (not owned; may be null): a short stream
  // cannot estimate its own idf, so the weights blend the background
  // collection's idf, counted as `background_articles` articles, with the
  // stream's: idf = (B * idf_background + N * idf_stream) / (B + N).
  const BackgroundIdf* background = nullptr;
  double background_articles = 2000;
  double join_threshold = 0.0;  // score an article needs to join its best story
  // ... and the cosine to one of the story's articles it needs at least: the
  // model was fitted on candidates sharing words, and early in a stream it
  // would join a story of one on a word or two in common (docs/CLUSTERING.md).
  double min_cosine = 0.10;
  // Undated articles or stories (no time features): the article joins a
  // story when its best cosine to one of the story's articles beats
  // undated_threshold + undated_size_penalty * ln(story size), by the most.
  double undated_threshold = 0.20;
  double undated_size_penalty = 0.06;
  int query_terms = 10;          // the article's heaviest terms used to find candidates
  int index_terms = 100;         // terms kept per article vector
  int boilerplate_repeats = 2;   // earlier articles holding a sentence that make it boilerplate
  int min_content_words = 5;     // fewer left: no news content, a story of its own
  double name_weight = 1.5;      // tf factor for terms written as names
  int window_days = 0;           // > 0: a story closes this many days after its last date
  int window_articles = 50000;   // a story closes after this many articles without news
  int furniture_copies = 5;      // copies that make a short text page furniture
  int furniture_max_terms = 60;  // content words of a text that can be furniture
  NearDuplicateOptions near_duplicates;  // threshold 0.8
};

// What the clusterer needs from one article: computed from an analysed
// Document by StoryClusterer::Features, on any thread.
struct ArticleFeatures {
  struct Term {
    uint64_t hash;     // the stem's hash (Token::stem_hash)
    float count;       // occurrences, names counted name_weight times
    std::string word;  // the first surface form met (lower case), for keywords
  };
  std::vector<Term> terms;  // distinct terms, in order of first occurrence
  // Terms of the title (when it is not the text's first line) with counts.
  std::vector<std::pair<uint32_t, float>> title_terms;
  uint32_t content_words = 0;  // content-word tokens (names counted once)
  // Each sentence: the hash of its stems (all tokens) and its content-word
  // occurrences, occurrences[begin, end).
  struct SentenceTerms {
    uint64_t hash;
    uint32_t begin, end;
  };
  struct Occurrence {
    uint32_t term;      // index into terms
    float count;        // 1, or name_weight
    bool name = false;  // written with a capital inside a sentence
  };
  std::vector<SentenceTerms> sentences;
  std::vector<Occurrence> occurrences;
  NearDuplicateIndex::Signature signature;
  // The signature's LSH band keys, computed with it (on the analysis
  // threads) when `band_keys_set`; else Add computes them.
  NearDuplicateIndex::BandKeys band_keys{};
  bool band_keys_set = false;
  int32_t day = INT32_MIN;  // days since 1970-01-01 of Document::date; INT32_MIN if none
  uint64_t source = 0;      // hash of the outlet's name (case-folded); 0 if none
};

// ArticleFeatures as bytes, to compute them on one machine and cluster on
// another (StoryFeaturizer, dossier/stories.h). ReadFeatures checks every
// length and index and fails (r->ok() false) on damaged bytes.
void WriteFeatures(const ArticleFeatures& features, BinaryWriter* w);
bool ReadFeatures(BinaryReader* r, ArticleFeatures* features);

// One (article, candidate story) pair met while clustering a labelled stream
// (StoryClusterer::AddLabelled): the features the model scores and whether
// the story is the article's gold story.
struct TrainingRow {
  double features[StoryModel::kFeatures];
  bool same_story;
  uint32_t article;
};

class StoryClusterer {
 public:
  static constexpr int32_t kNoDay = INT32_MIN;

  struct Story {
    uint32_t id = 0;                                // 0, 1, 2... in order of first article
    std::vector<uint32_t> articles;                 // article numbers, in stream order
    std::vector<std::vector<uint32_t>> duplicates;  // near-duplicate groups (>= 2)
    std::vector<std::string> keywords;              // heaviest centroid terms, up to 8
    int32_t first_day = kNoDay, last_day = kNoDay;
    bool furniture = false;  // one copy of page furniture
  };

  explicit StoryClusterer(StoryClustererOptions options);

  // `title`, when given, is the document's title analysed on its own (a
  // Document whose text is the title); it is used for the lead unless the
  // text already starts with it. `dateline`, when given, is the place of
  // the document's dateline (DatelinePlace) analysed on its own: its words
  // count as names of the first sentence (the place a wire story was filed
  // from is what its updates share).
  static ArticleFeatures Features(const Document& analyzed, const StoryClustererOptions& options,
                                  const Document* title = nullptr,
                                  const Document* dateline = nullptr);

  // Adds the next article of the stream; returns the story it joined.
  uint32_t Add(const ArticleFeatures& article);

  // What adding an article learns from the articles before it alone, not
  // from the stories: which recent articles it copies (near-duplicates) and
  // which of its sentences are boilerplate (met in enough recent articles).
  struct Precedents {
    std::vector<uint32_t> copied;   // stream numbers (RecentDuplicates::Add)
    uint32_t oldest = 0;            // the earliest article a copy can name, after it
    std::vector<char> boilerplate;  // per sentence of the article
  };
  // Pipelining: Add(article) is Precede(article) then Add(article,
  // precedents). Precede may run ahead of Add on another thread (a batch
  // ahead, as CorpusRun does), because the two touch disjoint parts of the
  // state; each must be called once per article, in stream order, and Save
  // only when Add has caught up (the article counts agree).
  Precedents Precede(const ArticleFeatures& article);
  uint32_t Add(const ArticleFeatures& article, Precedents precedents);
  // Asks the cache for the hash-table slots that Precede (PrefetchPrecede)
  // and Add (Prefetch) will read first: called an article or two ahead, so
  // their misses overlap the work on the articles before. Hints; they change
  // nothing.
  void Prefetch(const ArticleFeatures& article) const;
  void PrefetchPrecede(const ArticleFeatures& article) const;
  // Training: adds the next article of a labelled stream (`gold` numbers the
  // stream's stories) and appends one row per candidate story the model
  // scores. The article goes to its gold story (a new number starts a story:
  // teacher forcing), or, with `follow_model`, where the model puts it, and
  // a row is right when the candidate's majority gold label is the
  // article's (training on the model's own mistakes).
  uint32_t AddLabelled(const ArticleFeatures& article, uint32_t gold,
                       std::vector<TrainingRow>* rows, bool follow_model = false);
  uint32_t AddLabelled(const ArticleFeatures& article, Precedents precedents, uint32_t gold,
                       std::vector<TrainingRow>* rows, bool follow_model = false);

  uint32_t articles() const { return articles_; }
  uint32_t stories() const { return stories_made_; }
  uint32_t open_stories() const { return open_; }
  // What the clusterer holds: articles (of open stories, in the near-duplicate
  // window, or first of a copy group among them) and stories (open, or not
  // yet taken). With EnableTakeClosed these stay bounded by the window
  // however long the stream; without it everything is held for Stories().
  uint32_t held_articles() const { return static_cast<uint32_t>(story_of_.size()); }
  uint32_t held_stories() const { return static_cast<uint32_t>(stories_.size()); }
  // Terms held (with their document frequencies): those met in the last
  // window_articles articles or in an open story; older ones are forgotten
  // once the vocabulary has doubled (ForgetOldTerms), in either mode.
  uint32_t held_terms() const { return static_cast<uint32_t>(df_.size()); }

  // Every story not yet taken (TakeClosed), in order of its first article
  // and numbered in that order (furniture copies taken out of the stories
  // they joined); duplicate groups from the near-duplicate index. Callable
  // at any time; does not change the state. Story ids may differ from the
  // numbers Add() returned.
  std::vector<Story> Stories() const;
  // Streaming a long stream with bounded memory (`dossier cluster`): after
  // EnableTakeClosed (before the first Add, or after Load), each story is
  // listed when it closes, as Stories() would list it then (its furniture
  // copies after it, standing alone; `id` left 0), and its articles are
  // forgotten: Stories() no longer lists it. TakeClosed hands out the stories
  // listed since the last call, in the order they closed. A closed story is
  // final: a later copy of one of its articles starts a story of its own.
  void EnableTakeClosed() { take_closed_ = true; }
  std::vector<Story> TakeClosed();

  const StoryClustererOptions& options() const { return options_; }

  // The whole state as bytes (`dossier cluster --state`): a clusterer loaded
  // from them with the same options goes on exactly as this one would.
  // Closed stories keep only their article numbers and keywords.
  std::string Save() const;
  // Restores what Save() wrote into this clusterer, which must be new (no
  // article added) and have the options the state was saved with. On bad or
  // truncated bytes it returns an error naming `origin` and the byte offset,
  // and the clusterer is left new.
  Status Load(std::string_view bytes, const std::string& origin);
  // A line naming every option that changes the result (the model's weights
  // included): a state is only resumed under the same settings.
  std::string Settings() const;

 private:
  struct Weighted {
    uint32_t term;
    float weight;
  };
  struct Centroid {
    std::vector<Weighted> terms;  // sum of unit article vectors, heaviest kept; sorted by term
    double norm = 0;              // L2 norm of `terms`
  };
  struct StoryState {
    std::vector<uint32_t> articles;  // slots (see number_), in stream order
    Centroid centroid, names, lead;  // the centroid also gives the keywords
    struct Outlet {
      uint64_t source;
      int32_t day;
    };
    std::vector<Outlet> outlets;        // (source, day) met, newest last
    std::vector<std::string> keywords;  // once closed
    uint32_t last_article = 0;          // article number (in the stream) of its latest article
    uint32_t number = 0;                // the story's number: stories made before it
    uint32_t distinct = 0;              // articles in the centroid (not copies)
    int32_t first_day = kNoDay, last_day = kNoDay;
    bool open = true;
    bool taken = false;  // closed and handed out by TakeClosed
  };

  uint32_t NewStory();
  // Renumbers the held articles and stories once half the slots are no
  // longer needed (streaming with TakeClosed): memory bounded by the window.
  void Compact();
  // Forgets the terms met in none of the last window_articles articles and in
  // no held vector or centroid, and renumbers the rest in order (so every
  // order by term stays the same): a forgotten term met again counts its
  // document frequency anew.
  void ForgetOldTerms();
  // Appends the listing of a story to `out`: its articles but furniture
  // copies, with days, keywords and duplicate groups (if any article is
  // left), then each furniture copy as a story of its own.
  void AppendListing(const StoryState& s, std::vector<Story>* out) const;
  void Join(uint32_t story, uint32_t article, int32_t day);
  static void AddToCentroid(Centroid* c, const std::vector<Weighted>& vec, size_t keep);
  // Weighs raw counts (term, tf) into a unit TF-IDF vector without its
  // zero weights: its `heaviest` heaviest terms first, in order (the rest
  // after them, unordered), or, when `heaviest` is 0, sorted by term.
  void Weigh(std::vector<Weighted>* vec, size_t heaviest) const;
  // AddImpl's steps, in order.
  struct ArticleCounts {
    std::vector<float> tf, names, lead;  // per article term: body, written as a name, in the lead
    uint32_t content_words = 0;          // outside boilerplate sentences
  };
  struct ArticleVectors {
    std::vector<Weighted> body, names, lead;
    size_t keep = 0;  // body terms indexed
  };
  using ModelFeatures = std::array<double, StoryModel::kFeatures>;
  // Counts the article's date; returns the stream's dated articles a day, lately.
  double CountDay(int32_t day);
  // The article's term counts outside boilerplate sentences.
  static ArticleCounts CountTerms(const ArticleFeatures& article,
                                  const std::vector<char>& boilerplate);
  // Interns the terms, counts their document frequencies and weighs the vectors.
  ArticleVectors Vectors(const ArticleFeatures& article, const ArticleCounts& counts);
  // The candidate articles (touched_), from the postings of the heaviest terms.
  void FindCandidates(ArticleVectors* v);
  // Each candidate story's best article cosine (story_best_, touched_stories_).
  void BestArticleCosines(int32_t day, ArticleVectors* v, bool keep_rows);
  ModelFeatures CandidateFeatures(const ArticleFeatures& article, uint32_t story, double rate,
                                  bool keep_rows) const;
  // The best story the model lets the article join, or UINT32_MAX; rows when training.
  uint32_t BestStory(const ArticleFeatures& article, const ArticleVectors& v, double rate,
                     uint32_t id, const uint32_t* gold, uint32_t gold_story,
                     std::vector<TrainingRow>* rows);
  void JoinWithVectors(uint32_t story, uint32_t id, const ArticleFeatures& article,
                       ArticleVectors* v);
  uint32_t AddImpl(const ArticleFeatures& article, const Precedents& precedents,
                   const uint32_t* gold, std::vector<TrainingRow>* rows);
  void CloseQuietStories();
  // Whether story `s` may take an article dated `day` now (open, not quiet,
  // within the date window).
  bool Joinable(const StoryState& s, int32_t day) const;
  std::vector<std::string> Keywords(const StoryState& s) const;

  StoryClustererOptions options_;
  RecentDuplicates near_duplicates_;
  FlatIdMap term_ids_;
  std::vector<uint32_t> df_;
  std::vector<float> background_idf_;  // term id -> background idf
  std::vector<std::string> words_;     // term id -> surface form
  std::vector<std::vector<uint32_t>>
      postings_;                     // term id -> indexed slots (or kDropped), oldest first
  std::vector<uint32_t> closed_in_;  // term id -> postings closed since its list was compacted
  std::vector<uint32_t> last_seen_;  // term id -> number of the last article it was met in
  uint32_t terms_after_forget_ = 0;  // terms held after the last ForgetOldTerms
  bool take_closed_ = false;         // EnableTakeClosed()
  std::vector<Story> closed_out_;    // listed when they closed, for TakeClosed
  RecentCounts sentences_;           // sentence hash -> recent articles holding it
  // Articles are held in slots, stories in places of stories_: the same as
  // their numbers in the stream until Compact() drops what is no longer
  // needed and renumbers the rest, in order (so every order and tie-break
  // by number is the same by slot).
  uint32_t articles_ = 0;       // articles added
  uint32_t copies_oldest_ = 0;  // Precedents::oldest of the last article added
  uint32_t stories_made_ = 0;   // stories made
  uint32_t held_after_compact_ = 0;
  std::vector<StoryState> stories_;
  std::vector<uint32_t> open_ids_;              // open stories (compacted at each sweep)
  std::vector<uint32_t> number_;                // slot -> article number, ascending
  UnionFind copy_groups_;                       // over slots, rooted at their earliest
  std::vector<uint32_t> story_of_;              // slot -> story, or kDropped once taken
  std::vector<std::vector<Weighted>> vectors_;  // slot -> vector (empty: not indexed)
  std::vector<uint32_t> copies_;                // group root -> articles
  std::vector<char> furniture_;                 // slot -> furniture (as group root)
  std::vector<float> scores_;      // slot -> scratch score (-1), or kClosed: its story is closed
  std::vector<float> story_best_;  // story -> scratch score
  std::vector<float> q_body_, q_names_, q_lead_;  // term -> the article's weight (scratch)
  double query_terms_ = 0;                        // terms of the article's body vector
  std::vector<uint32_t> gold_story_;
  bool follow_model_ = false;
  std::vector<std::unordered_map<uint32_t, uint32_t>> story_golds_;  // story -> gold -> articles
  std::vector<std::pair<uint32_t, uint32_t>> story_majority_;  // story -> (gold, articles) // gold
                                                               // label -> story (AddLabelled)
  std::vector<uint32_t> touched_, touched_stories_;
  uint32_t open_ = 0;
  int32_t newest_day_ = kNoDay;
  struct DayCount {
    int32_t day;
    uint32_t count;
  };
  std::vector<DayCount> day_counts_;  // dated articles per day, the last days, by day
};

// Days since 1970-01-01 of an ISO "YYYY-MM-DD" date; StoryClusterer::kNoDay
// when `iso` is not one.
int32_t DaysFromIsoDate(const std::string& iso);

}  // namespace dossier

#endif  // DOSSIER_CLUSTER_STORY_CLUSTERER_H_
