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
//   5. Assignment. Candidate articles are those indexed under one of the
//      article's `query_terms` heaviest terms met before (an inverted index
//      over the articles of open stories, newest first). A story's score is
//      the highest cosine between the article and one of its articles
//      (single link); it needs threshold + size_penalty * ln(story size), so
//      a large story must be matched more closely than a small one, which
//      keeps different events of one topic from piling into one story. The
//      article joins the story beating its bar by the most (ties: the older
//      story), else it starts a story.
//   6. Windows. When both the article and a story carry dates, the story is a
//      candidate only if the article's date lies within `window_days` of the
//      story's dated span. A story closes (leaves the index, frees its
//      articles' vectors) when no article joined it for `window_articles`
//      articles, or when the newest date in the stream is more than
//      `window_days` after its last date.
//
// Cost: per article, linear in its tokens (features, in parallel) plus at
// most query_terms * kMaxScan postings and kExactScores cosines of
// index_terms terms (a constant), so the whole run is linear in the stream;
// memory: the open stories' article vectors, the term dictionary, one count
// per distinct sentence, and the near-duplicate signatures.
//
// Determinism: Features() is a pure, thread-safe function; Add() must be
// called in stream order on one thread. The result depends only on the
// sequence of articles, never on threads or addresses.
#ifndef DOSSIER_CLUSTER_STORY_CLUSTERER_H_
#define DOSSIER_CLUSTER_STORY_CLUSTERER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "cluster/near_duplicates.h"
#include "dossier/document.h"
#include "util/flat_id_map.h"

namespace dossier {

struct StoryClustererOptions {
  double threshold = 0.20;       // cosine an article needs to join a story of one
  double size_penalty = 0.06;    // ... plus this times ln(story size)
  int query_terms = 10;          // the article's heaviest terms used to find candidates
  int index_terms = 100;         // terms kept per article vector
  int boilerplate_repeats = 2;   // earlier articles holding a sentence that make it boilerplate
  int min_content_words = 5;     // fewer left: no news content, a story of its own
  double name_weight = 1.5;      // tf factor for terms written as names
  int window_days = 7;           // dated articles join stories within this many days
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
  std::vector<Term> terms;     // distinct terms, in order of first occurrence
  uint32_t content_words = 0;  // content-word tokens (names counted once)
  // Each sentence: the hash of its stems (all tokens) and its content-word
  // occurrences, occurrences[begin, end).
  struct SentenceTerms {
    uint64_t hash;
    uint32_t begin, end;
  };
  struct Occurrence {
    uint32_t term;  // index into terms
    float count;    // 1, or name_weight
  };
  std::vector<SentenceTerms> sentences;
  std::vector<Occurrence> occurrences;
  NearDuplicateIndex::Signature signature;
  int32_t day = INT32_MIN;  // days since 1970-01-01 of Document::date; INT32_MIN if none
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

  static ArticleFeatures Features(const Document& analyzed, const StoryClustererOptions& options);

  // Adds the next article of the stream; returns the story it joined.
  uint32_t Add(const ArticleFeatures& article);

  uint32_t articles() const { return static_cast<uint32_t>(story_of_.size()); }
  uint32_t stories() const { return static_cast<uint32_t>(stories_.size()); }
  uint32_t open_stories() const { return open_; }

  // Every story, in order of its first article and numbered in that order
  // (furniture copies taken out of the stories they joined); duplicate groups
  // from the near-duplicate index. Callable at any time; does not change the
  // state. Story ids may differ from the numbers Add() returned.
  std::vector<Story> Stories() const;

  const StoryClustererOptions& options() const { return options_; }

 private:
  struct Weighted {
    uint32_t term;
    float weight;
  };
  struct StoryState {
    std::vector<uint32_t> articles;
    std::vector<Weighted> centroid;     // sum of the article vectors, for keywords; sorted by term
    std::vector<std::string> keywords;  // once closed
    uint32_t last_article = 0;
    int32_t first_day = kNoDay, last_day = kNoDay;
    bool open = true;
  };

  uint32_t NewStory();
  void Join(uint32_t story, uint32_t article, int32_t day);
  void AddToCentroid(uint32_t story, const std::vector<Weighted>& vec);
  void CloseQuietStories();
  // Whether story `s` may take an article dated `day` now (open, not quiet,
  // within the date window).
  bool Joinable(const StoryState& s, int32_t day) const;
  std::vector<std::string> Keywords(const StoryState& s) const;

  StoryClustererOptions options_;
  NearDuplicateIndex near_duplicates_;
  FlatIdMap term_ids_;
  std::vector<uint32_t> df_;
  std::vector<std::string> words_;               // term id -> surface form
  std::vector<std::vector<uint32_t>> postings_;  // term id -> indexed articles, oldest first
  FlatIdMap sentence_ids_;                       // sentence hash -> sentence id
  std::vector<uint32_t> sentence_seen_;          // sentence id -> articles holding it
  std::vector<StoryState> stories_;
  std::vector<uint32_t> open_ids_;              // open stories (compacted at each sweep)
  std::vector<uint32_t> story_of_;              // article -> story
  std::vector<std::vector<Weighted>> vectors_;  // article -> vector (empty: not indexed)
  std::vector<uint32_t> copies_;                // group representative -> articles
  std::vector<char> furniture_;                 // article -> furniture (as representative)
  std::vector<float> scores_;                   // article -> scratch score
  std::vector<float> story_best_;               // story -> scratch score
  std::vector<uint32_t> touched_, touched_stories_;
  uint32_t open_ = 0;
  int32_t newest_day_ = kNoDay;
};

// Days since 1970-01-01 of an ISO "YYYY-MM-DD" date; StoryClusterer::kNoDay
// when `iso` is not one.
int32_t DaysFromIsoDate(const std::string& iso);

}  // namespace dossier

#endif  // DOSSIER_CLUSTER_STORY_CLUSTERER_H_
