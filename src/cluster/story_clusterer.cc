#include "cluster/story_clusterer.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

namespace dossier {
namespace {

constexpr uint32_t kSweepEvery = 1024;  // articles between two closing sweeps
constexpr size_t kKeywords = 8;
constexpr size_t kMaxScan = 256;       // postings read per query term, newest first
constexpr size_t kMaxPostings = 1024;  // postings kept per term (the newest)
constexpr size_t kExactScores = 32;    // candidates scored exactly

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
      d > 31) {
    return StoryClusterer::kNoDay;
  }
  // Days from civil: count from 0000-03-01 in 400-year eras, then shift to 1970.
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (m + 9) % 12;  // March = 0
  const int doy = (153 * mp + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

StoryClusterer::StoryClusterer(StoryClustererOptions options)
    : options_(options), near_duplicates_(options.near_duplicates), term_ids_(1 << 16) {}

ArticleFeatures StoryClusterer::Features(const Document& doc,
                                         const StoryClustererOptions& options) {
  ArticleFeatures f;
  std::vector<uint64_t> hashes = NearDuplicateIndex::TokenHashes(doc);
  f.signature = NearDuplicateIndex::ComputeSignature(hashes, options.near_duplicates);
  f.day = DaysFromIsoDate(doc.date);
  std::vector<char> initial(doc.tokens.size(), 0);
  for (const Sentence& s : doc.sentences) {
    if (s.token_begin < initial.size()) initial[s.token_begin] = 1;
  }
  std::unordered_map<uint64_t, uint32_t> index;
  index.reserve(doc.tokens.size());
  const float name_weight = static_cast<float>(options.name_weight);
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (t.is_stopword || t.is_number || t.lower.size() < 2) continue;
    const bool name = !initial[i] && StartsUpper(doc.text, t.span);
    auto [it, added] = index.try_emplace(t.stem_hash, static_cast<uint32_t>(f.terms.size()));
    if (added) f.terms.push_back({t.stem_hash, 0.0f, t.lower});
    f.terms[it->second].count += name ? name_weight : 1.0f;
    ++f.content_words;
  }
  return f;
}

bool StoryClusterer::DayFits(const StoryState& s, int32_t day) const {
  if (day == kNoDay || s.first_day == kNoDay) return true;
  return day >= s.first_day - options_.window_days && day <= s.last_day + options_.window_days;
}

uint32_t StoryClusterer::NewStory() {
  stories_.emplace_back();
  scores_.push_back(-1.0f);
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

void StoryClusterer::UpdateCentroid(uint32_t story, const std::vector<Weighted>& vec) {
  StoryState& s = stories_[story];
  std::vector<Weighted> merged;
  merged.reserve(s.centroid.size() + vec.size());
  size_t i = 0, j = 0;
  while (i < s.centroid.size() || j < vec.size()) {
    if (j == vec.size() || (i < s.centroid.size() && s.centroid[i].term < vec[j].term)) {
      merged.push_back(s.centroid[i++]);
    } else if (i == s.centroid.size() || vec[j].term < s.centroid[i].term) {
      merged.push_back(vec[j]);
      postings_[vec[j].term].push_back(story);
      ++j;
    } else {
      merged.push_back({vec[j].term, s.centroid[i].weight + vec[j].weight});
      ++i, ++j;
    }
  }
  const size_t keep = static_cast<size_t>(std::max(1, options_.centroid_terms));
  if (merged.size() > keep) {
    auto heavier = [](const Weighted& a, const Weighted& b) {
      return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
    };
    std::nth_element(merged.begin(), merged.begin() + static_cast<ptrdiff_t>(keep), merged.end(),
                     heavier);
    merged.resize(keep);
    std::sort(merged.begin(), merged.end(),
              [](const Weighted& a, const Weighted& b) { return a.term < b.term; });
  }
  double norm = 0;
  for (const Weighted& w : merged) norm += static_cast<double>(w.weight) * w.weight;
  s.norm = std::sqrt(norm);
  s.centroid = std::move(merged);
}

namespace {

std::vector<std::string> Keywords(const std::vector<std::pair<uint32_t, float>>& centroid,
                                  const std::vector<std::string>& words) {
  std::vector<std::pair<uint32_t, float>> sorted = centroid;
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<std::string> out;
  for (size_t k = 0; k < sorted.size() && out.size() < kKeywords; ++k) {
    out.push_back(words[sorted[k].first]);
  }
  return out;
}

}  // namespace

void StoryClusterer::CloseQuietStories() {
  const uint32_t now = articles();
  for (uint32_t id = 0; id < stories_.size(); ++id) {
    StoryState& s = stories_[id];
    if (!s.open) continue;
    const bool quiet = now - s.last_article > static_cast<uint32_t>(options_.window_articles);
    const bool old = newest_day_ != kNoDay && s.last_day != kNoDay &&
                     newest_day_ - s.last_day > options_.window_days;
    if (!quiet && !old) continue;
    std::vector<std::pair<uint32_t, float>> c;
    for (const Weighted& w : s.centroid) c.emplace_back(w.term, w.weight);
    s.keywords = Keywords(c, words_);
    std::vector<Weighted>().swap(s.centroid);
    s.open = false;
    --open_;
  }
}

uint32_t StoryClusterer::Add(const ArticleFeatures& article) {
  const uint32_t id = articles();
  const std::optional<uint32_t> copy_of = near_duplicates_.Add(article.signature);
  if (article.day != kNoDay) newest_day_ = std::max(newest_day_, article.day);

  // Intern the terms and count their document frequencies.
  std::vector<std::pair<uint32_t, float>> counts;
  counts.reserve(article.terms.size());
  for (const ArticleFeatures::Term& t : article.terms) {
    const uint32_t term = term_ids_.Intern(t.hash);
    if (term == df_.size()) {
      df_.push_back(0);
      words_.push_back(t.word);
      postings_.emplace_back();
    }
    ++df_[term];
    counts.emplace_back(term, t.count);
  }

  copies_.push_back(1);
  furniture_.push_back(0);
  uint32_t story = 0;
  if (copy_of) {
    const uint32_t rep = near_duplicates_.Representative(*copy_of);
    if (++copies_[rep] >= static_cast<uint32_t>(options_.furniture_copies) &&
        article.content_words <= static_cast<uint32_t>(options_.furniture_max_terms)) {
      furniture_[rep] = 1;
    }
    story = story_of_[*copy_of];
    Join(story, id, article.day);
  } else {
    // The article's tf-idf vector, sorted by term id.
    const double n = static_cast<double>(id) + 1;
    std::vector<Weighted> vec;
    vec.reserve(counts.size());
    double norm = 0;
    for (const auto& [term, count] : counts) {
      const double w = (1 + std::log(static_cast<double>(count))) * std::log((n + 1) / df_[term]);
      vec.push_back({term, static_cast<float>(w)});
      norm += w * w;
    }
    norm = std::sqrt(norm);
    if (norm > 0) {
      for (Weighted& w : vec) w.weight = static_cast<float>(w.weight / norm);
    }
    std::sort(vec.begin(), vec.end(),
              [](const Weighted& a, const Weighted& b) { return a.term < b.term; });

    // Candidates: the open stories holding one of the heaviest terms.
    std::vector<Weighted> query = vec;
    const size_t q = std::min(query.size(), static_cast<size_t>(std::max(1, options_.query_terms)));
    auto heavier = [](const Weighted& a, const Weighted& b) {
      return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
    };
    std::partial_sort(query.begin(), query.begin() + static_cast<ptrdiff_t>(q), query.end(),
                      heavier);
    query.resize(q);
    // Each query term's postings are read from the newest entry back, at most
    // kMaxScan of them, so the cost per article does not grow with the
    // stream; a candidate's provisional score is the article's weight on the
    // query terms it holds, and only the best kExactScores are then scored
    // exactly.
    touched_.clear();
    for (const Weighted& qt : query) {
      std::vector<uint32_t>& list = postings_[qt.term];
      if (list.size() > 2 * kMaxPostings) {
        list.erase(list.begin(), list.end() - static_cast<ptrdiff_t>(kMaxPostings));
      }
      const size_t stop = list.size() > kMaxScan ? list.size() - kMaxScan : 0;
      for (size_t k = list.size(); k-- > stop;) {
        const uint32_t st = list[k];
        if (!stories_[st].open) continue;
        if (scores_[st] < 0) {
          scores_[st] = 0;
          touched_.push_back(st);
        }
        scores_[st] += qt.weight;
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
    // Score each candidate: the cosine with its centroid.
    double best_score = -1;
    uint32_t best = UINT32_MAX;
    for (uint32_t s : touched_) {
      scores_[s] = -1.0f;
      const StoryState& st = stories_[s];
      if (!DayFits(st, article.day) || st.norm <= 0) continue;
      double dot = 0;
      size_t i = 0, j = 0;
      while (i < vec.size() && j < st.centroid.size()) {
        if (vec[i].term < st.centroid[j].term) {
          ++i;
        } else if (st.centroid[j].term < vec[i].term) {
          ++j;
        } else {
          dot += static_cast<double>(vec[i].weight) * st.centroid[j].weight;
          ++i, ++j;
        }
      }
      const double score = dot / st.norm;
      if (score > best_score || (score == best_score && s < best)) {
        best_score = score;
        best = s;
      }
    }
    story = best != UINT32_MAX && best_score >= options_.threshold ? best : NewStory();
    Join(story, id, article.day);
    UpdateCentroid(story, vec);
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
    if (s.open) {
      std::vector<std::pair<uint32_t, float>> c;
      for (const Weighted& w : s.centroid) c.emplace_back(w.term, w.weight);
      o.keywords = Keywords(c, words_);
    } else {
      o.keywords = s.keywords;
    }
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
