#include "cluster/story_clusterer.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "util/dates.h"
#include "util/hash.h"

namespace dossier {
namespace {

constexpr uint32_t kSweepEvery = 1024;  // articles between two closing sweeps
constexpr size_t kKeywords = 8;
constexpr size_t kMaxScan = 256;       // postings read per query term, newest first
constexpr size_t kMaxPostings = 1024;  // postings kept per term (the newest)
constexpr size_t kExactScores = 64;    // candidate articles scored exactly
constexpr size_t kCentroidTerms = 64;  // terms of a story's running sum (keywords)

template <typename W>
bool Heavier(const W& a, const W& b) {
  return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
}
template <typename W>
bool ByTerm(const W& a, const W& b) {
  return a.term < b.term;
}

bool StartsUpper(std::string_view text, Span span) {
  if (span.begin >= text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[span.begin]);
  return c >= 'A' && c <= 'Z';
}

}  // namespace

int32_t DaysFromIsoDate(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return StoryClusterer::kNoDay;
  auto digits = [&](size_t at, size_t n, int* out) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      v = v * 10 + (iso[i] - '0');
    }
    *out = v;
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!digits(0, 4, &y) || !digits(5, 2, &m) || !digits(8, 2, &d) || m < 1 || m > 12 || d < 1 ||
      d > DaysInMonth(y, m)) {
    return StoryClusterer::kNoDay;
  }
  return static_cast<int32_t>(DaysFromCivil(y, m, d));
}

StoryClusterer::StoryClusterer(StoryClustererOptions options)
    : options_(options), near_duplicates_(options.near_duplicates), term_ids_(1 << 16) {}

ArticleFeatures StoryClusterer::Features(const Document& doc,
                                         const StoryClustererOptions& options) {
  ArticleFeatures f;
  std::vector<uint64_t> hashes = NearDuplicateIndex::TokenHashes(doc);
  f.signature = NearDuplicateIndex::ComputeSignature(hashes, options.near_duplicates);
  f.day = DaysFromIsoDate(doc.date);
  std::unordered_map<uint64_t, uint32_t> index;
  index.reserve(doc.tokens.size());
  const float name_weight = static_cast<float>(options.name_weight);
  for (const Sentence& sentence : doc.sentences) {
    ArticleFeatures::SentenceTerms st{0x9e3779b97f4a7c15ULL,
                                      static_cast<uint32_t>(f.occurrences.size()), 0};
    const uint32_t end = std::min<uint32_t>(sentence.token_end, doc.tokens.size());
    for (uint32_t i = sentence.token_begin; i < end; ++i) {
      const Token& t = doc.tokens[i];
      st.hash = Mix64(st.hash + t.stem_hash);
      if (t.is_stopword || t.is_number || t.lower.size() < 2) continue;
      const bool name = i != sentence.token_begin && StartsUpper(doc.text, t.span);
      auto [it, added] = index.try_emplace(t.stem_hash, static_cast<uint32_t>(f.terms.size()));
      if (added) f.terms.push_back({t.stem_hash, 0.0f, t.lower});
      const float count = name ? name_weight : 1.0f;
      f.terms[it->second].count += count;
      f.occurrences.push_back({it->second, count});
      ++f.content_words;
    }
    st.end = static_cast<uint32_t>(f.occurrences.size());
    f.sentences.push_back(st);
  }
  return f;
}

bool StoryClusterer::Joinable(const StoryState& s, int32_t day) const {
  // Quiet stories are closed by the sweep every kSweepEvery articles; until
  // then they are kept from taking articles here, so the article window is
  // exact. (The date test is the article's own date against the story's
  // span: an article arriving late still finds its story until the sweep
  // closes stories far behind the newest date.)
  if (articles() - s.last_article > static_cast<uint32_t>(options_.window_articles)) return false;
  if (day == kNoDay || s.first_day == kNoDay) return true;
  return day >= s.first_day - options_.window_days && day <= s.last_day + options_.window_days;
}

uint32_t StoryClusterer::NewStory() {
  stories_.emplace_back();
  story_best_.push_back(-1e9f);
  open_ids_.push_back(static_cast<uint32_t>(stories_.size() - 1));
  ++open_;
  return static_cast<uint32_t>(stories_.size() - 1);
}

void StoryClusterer::Join(uint32_t story, uint32_t article, int32_t day) {
  StoryState& s = stories_[story];
  s.articles.push_back(article);
  s.last_article = article;
  if (day != kNoDay) {
    s.first_day = s.first_day == kNoDay ? day : std::min(s.first_day, day);
    s.last_day = s.last_day == kNoDay ? day : std::max(s.last_day, day);
  }
  story_of_.push_back(story);
}

void StoryClusterer::AddToCentroid(uint32_t story, const std::vector<Weighted>& vec) {
  StoryState& s = stories_[story];
  std::vector<Weighted> merged;
  merged.reserve(s.centroid.size() + vec.size());
  size_t i = 0, j = 0;
  while (i < s.centroid.size() || j < vec.size()) {
    if (j == vec.size() || (i < s.centroid.size() && s.centroid[i].term < vec[j].term)) {
      merged.push_back(s.centroid[i++]);
    } else if (i == s.centroid.size() || vec[j].term < s.centroid[i].term) {
      merged.push_back(vec[j++]);
    } else {
      merged.push_back({vec[j].term, s.centroid[i].weight + vec[j].weight});
      ++i, ++j;
    }
  }
  if (merged.size() > kCentroidTerms) {
    std::nth_element(merged.begin(), merged.begin() + kCentroidTerms, merged.end(),
                     Heavier<Weighted>);
    merged.resize(kCentroidTerms);
    std::sort(merged.begin(), merged.end(), ByTerm<Weighted>);
  }
  s.centroid = std::move(merged);
}

std::vector<std::string> StoryClusterer::Keywords(const StoryState& s) const {
  if (!s.open) return s.keywords;
  std::vector<Weighted> sorted = s.centroid;
  std::sort(sorted.begin(), sorted.end(), Heavier<Weighted>);
  std::vector<std::string> out;
  for (size_t k = 0; k < sorted.size() && out.size() < kKeywords; ++k) {
    out.push_back(words_[sorted[k].term]);
  }
  return out;
}

void StoryClusterer::CloseQuietStories() {
  const uint32_t now = articles();
  size_t keep = 0;
  for (uint32_t id : open_ids_) {
    StoryState& s = stories_[id];
    const bool quiet = now - s.last_article > static_cast<uint32_t>(options_.window_articles);
    const bool old = newest_day_ != kNoDay && s.last_day != kNoDay &&
                     newest_day_ - s.last_day > options_.window_days;
    if (!quiet && !old) {
      open_ids_[keep++] = id;
      continue;
    }
    s.keywords = Keywords(s);
    s.open = false;
    std::vector<Weighted>().swap(s.centroid);
    for (uint32_t a : s.articles) std::vector<Weighted>().swap(vectors_[a]);
    --open_;
  }
  open_ids_.resize(keep);
}

uint32_t StoryClusterer::Add(const ArticleFeatures& article) {
  const uint32_t id = articles();
  const std::optional<uint32_t> copy_of = near_duplicates_.Add(article.signature);
  if (article.day != kNoDay) newest_day_ = std::max(newest_day_, article.day);
  copies_.push_back(1);
  furniture_.push_back(0);
  vectors_.emplace_back();
  scores_.push_back(-1.0f);

  // Sentences met in enough earlier articles are boilerplate; each sentence
  // is counted once per article.
  std::vector<char> boilerplate(article.sentences.size(), 0);
  std::vector<uint32_t> counted;
  for (size_t k = 0; k < article.sentences.size(); ++k) {
    const uint32_t sid = sentence_ids_.Intern(article.sentences[k].hash);
    if (sid == sentence_seen_.size()) sentence_seen_.push_back(0);
    if (sentence_seen_[sid] >= static_cast<uint32_t>(options_.boilerplate_repeats)) {
      boilerplate[k] = 1;
    }
    counted.push_back(sid);
  }
  std::sort(counted.begin(), counted.end());
  counted.erase(std::unique(counted.begin(), counted.end()), counted.end());
  for (uint32_t sid : counted) ++sentence_seen_[sid];

  // Term counts over the other sentences.
  std::vector<float> tf(article.terms.size(), 0.0f);
  uint32_t content_words = 0;
  for (size_t k = 0; k < article.sentences.size(); ++k) {
    if (boilerplate[k]) continue;
    const ArticleFeatures::SentenceTerms& st = article.sentences[k];
    for (uint32_t o = st.begin; o < st.end && o < article.occurrences.size(); ++o) {
      const ArticleFeatures::Occurrence& occ = article.occurrences[o];
      if (occ.term < tf.size()) tf[occ.term] += occ.count;
      ++content_words;
    }
  }

  uint32_t story = 0;
  if (copy_of) {
    const uint32_t rep = near_duplicates_.Representative(*copy_of);
    if (++copies_[rep] >= static_cast<uint32_t>(options_.furniture_copies) &&
        article.content_words <= static_cast<uint32_t>(options_.furniture_max_terms)) {
      furniture_[rep] = 1;
    }
    story = story_of_[*copy_of];
    Join(story, id, article.day);
  } else if (content_words < static_cast<uint32_t>(options_.min_content_words)) {
    // No news text of its own: alone, never a candidate.
    furniture_[id] = 1;
    story = NewStory();
    Join(story, id, article.day);
  } else {
    // Intern the remaining terms, count document frequencies, weigh.
    std::vector<Weighted> vec;
    vec.reserve(article.terms.size());
    for (size_t k = 0; k < article.terms.size(); ++k) {
      if (tf[k] <= 0) continue;
      const ArticleFeatures::Term& t = article.terms[k];
      const uint32_t term = term_ids_.Intern(t.hash);
      if (term == df_.size()) {
        df_.push_back(0);
        words_.push_back(t.word);
        postings_.emplace_back();
      }
      ++df_[term];
      vec.push_back({term, tf[k]});
    }
    const double n = static_cast<double>(id) + 1;
    double norm = 0;
    for (Weighted& w : vec) {
      const double idf = std::max(0.0, std::log((n + 1) / (df_[w.term] + 0.5)));
      const double weight = (1 + std::log(static_cast<double>(w.weight))) * idf;
      w.weight = static_cast<float>(weight);
      norm += weight * weight;
    }
    norm = std::sqrt(norm);
    for (Weighted& w : vec) w.weight = norm > 0 ? static_cast<float>(w.weight / norm) : 0.0f;
    std::sort(vec.begin(), vec.end(), Heavier<Weighted>);
    while (!vec.empty() && vec.back().weight <= 0) vec.pop_back();

    // Candidates: articles indexed under the heaviest terms met before,
    // newest first, at most kMaxScan per term; the kExactScores with the
    // most query weight in common are scored exactly.
    touched_.clear();
    size_t used = 0;
    for (const Weighted& q : vec) {
      if (used >= static_cast<size_t>(std::max(1, options_.query_terms))) break;
      if (df_[q.term] < 2) continue;
      ++used;
      std::vector<uint32_t>& list = postings_[q.term];
      if (list.size() > 2 * kMaxPostings) {
        list.erase(list.begin(), list.end() - static_cast<ptrdiff_t>(kMaxPostings));
      }
      const size_t stop = list.size() > kMaxScan ? list.size() - kMaxScan : 0;
      for (size_t k = list.size(); k-- > stop;) {
        const uint32_t a = list[k];
        if (!stories_[story_of_[a]].open) continue;
        if (scores_[a] < 0) {
          scores_[a] = 0;
          touched_.push_back(a);
        }
        scores_[a] += q.weight;
      }
    }
    if (touched_.size() > kExactScores) {
      std::partial_sort(touched_.begin(), touched_.begin() + kExactScores, touched_.end(),
                        [&](uint32_t a, uint32_t b) {
                          return scores_[a] != scores_[b] ? scores_[a] > scores_[b] : a < b;
                        });
      for (size_t k = kExactScores; k < touched_.size(); ++k) scores_[touched_[k]] = -1.0f;
      touched_.resize(kExactScores);
    }
    // Exact cosines; each story keeps its best (single link).
    const size_t keep =
        std::min(vec.size(), static_cast<size_t>(std::max(1, options_.index_terms)));
    vec.resize(keep);
    std::sort(vec.begin(), vec.end(), ByTerm<Weighted>);
    touched_stories_.clear();
    for (uint32_t a : touched_) {
      scores_[a] = -1.0f;
      const uint32_t s = story_of_[a];
      if (!Joinable(stories_[s], article.day)) continue;
      const std::vector<Weighted>& other = vectors_[a];
      double dot = 0;
      size_t i = 0, j = 0;
      while (i < vec.size() && j < other.size()) {
        if (vec[i].term < other[j].term) {
          ++i;
        } else if (other[j].term < vec[i].term) {
          ++j;
        } else {
          dot += static_cast<double>(vec[i].weight) * other[j].weight;
          ++i, ++j;
        }
      }
      if (story_best_[s] < -1e8f) touched_stories_.push_back(s);
      story_best_[s] = std::max(story_best_[s], static_cast<float>(dot));
    }
    double best_margin = 0;
    uint32_t best = UINT32_MAX;
    for (uint32_t s : touched_stories_) {
      const double bar =
          options_.threshold +
          options_.size_penalty * std::log(static_cast<double>(stories_[s].articles.size()));
      const double margin = story_best_[s] - bar;
      story_best_[s] = -1e9f;
      if (margin >= 0 &&
          (best == UINT32_MAX || margin > best_margin || (margin == best_margin && s < best))) {
        best_margin = margin;
        best = s;
      }
    }
    story = best != UINT32_MAX ? best : NewStory();
    Join(story, id, article.day);
    AddToCentroid(story, vec);
    for (const Weighted& w : vec) postings_[w.term].push_back(id);
    vectors_[id] = std::move(vec);
  }
  if ((id + 1) % kSweepEvery == 0) CloseQuietStories();
  return story;
}

std::vector<StoryClusterer::Story> StoryClusterer::Stories() const {
  // Furniture copies leave their stories and stand alone.
  std::vector<char> alone(story_of_.size(), 0);
  for (uint32_t a = 0; a < story_of_.size(); ++a) {
    alone[a] = furniture_[near_duplicates_.Representative(a)];
  }
  std::vector<Story> out;
  out.reserve(stories_.size());
  for (uint32_t id = 0; id < stories_.size(); ++id) {
    const StoryState& s = stories_[id];
    Story o;
    for (uint32_t a : s.articles) {
      if (!alone[a]) o.articles.push_back(a);
    }
    if (o.articles.empty()) continue;
    o.first_day = s.first_day;
    o.last_day = s.last_day;
    o.keywords = Keywords(s);
    out.push_back(std::move(o));
  }
  for (uint32_t a = 0; a < story_of_.size(); ++a) {
    if (!alone[a]) continue;
    Story o;
    o.articles.push_back(a);
    o.furniture = true;
    out.push_back(std::move(o));
  }
  std::sort(out.begin(), out.end(),
            [](const Story& x, const Story& y) { return x.articles[0] < y.articles[0]; });
  std::vector<uint32_t> story_of(story_of_.size());
  for (uint32_t k = 0; k < out.size(); ++k) {
    out[k].id = k;
    for (uint32_t a : out[k].articles) story_of[a] = k;
  }
  // A near-duplicate group normally lies in one story; when the union of two
  // groups spans stories, each story lists its own part.
  for (const std::vector<uint32_t>& group : near_duplicates_.Groups()) {
    std::vector<std::pair<uint32_t, uint32_t>> by_story;  // (story, article)
    for (uint32_t a : group) by_story.emplace_back(story_of[a], a);
    std::stable_sort(by_story.begin(), by_story.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    for (size_t i = 0; i < by_story.size();) {
      size_t j = i;
      std::vector<uint32_t> part;
      while (j < by_story.size() && by_story[j].first == by_story[i].first) {
        part.push_back(by_story[j++].second);
      }
      if (part.size() >= 2) out[by_story[i].first].duplicates.push_back(std::move(part));
      i = j;
    }
  }
  for (Story& o : out) std::sort(o.duplicates.begin(), o.duplicates.end());
  return out;
}

}  // namespace dossier
