#include "cluster/story_clusterer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <utility>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "cluster/background_idf.h"
#include "util/dates.h"
#include "util/hash.h"
#include "util/strings.h"

namespace dossier {
namespace {

constexpr uint32_t kSweepEvery = 1024;  // articles between two closing sweeps (at most)
constexpr size_t kKeywords = 8;
constexpr size_t kMaxScan = 256;        // postings read per query term, newest first
constexpr size_t kMaxPostings = 1024;   // postings kept per term (the newest)
constexpr size_t kExactScores = 32;     // candidate articles scored exactly
constexpr size_t kCentroidTerms = 128;  // terms of a story's centroid
constexpr size_t kNameTerms = 48;       // ... of its names centroid
constexpr size_t kLeadTerms = 64;       // ... of its lead centroid
constexpr size_t kLeadSentences = 2;    // sentences of an article's lead (with its title)
constexpr size_t kOutlets = 64;         // (outlet, day) pairs a story remembers
constexpr int32_t kRateDays = 30;       // days over which the stream's rate is counted
constexpr float kClosed = -2.0f;        // scores_ of an article whose story is closed
// story_of_ of an article whose story was taken and dropped, and postings of
// an article no longer held.
constexpr uint32_t kDropped = UINT32_MAX;
// Slots freed (at least) before the held articles are renumbered (Compact).
constexpr uint32_t kCompactSlack = 1024;
// New terms (at least) before old ones are forgotten (ForgetOldTerms).
constexpr uint32_t kForgetSlack = 1u << 16;

// Distinct sentences whose counts are kept (then twice that at most): about
// 16 per article of the window.
uint32_t SentenceCapacity(const StoryClustererOptions& o) {
  const uint64_t n = uint64_t{16} * static_cast<uint64_t>(std::max(1, o.window_articles));
  return static_cast<uint32_t>(std::clamp<uint64_t>(n, uint64_t{1} << 16, uint64_t{1} << 26));
}

// The new numbers of the items `keep` marks, in the same order (kDropped
// for the others), so that every comparison of numbers stays the same; sets
// `*kept` to how many there are.
std::vector<uint32_t> KeptInOrder(const std::vector<char>& keep, uint32_t* kept) {
  std::vector<uint32_t> to(keep.size(), kDropped);
  uint32_t n = 0;
  for (size_t i = 0; i < keep.size(); ++i) {
    if (keep[i]) to[i] = n++;
  }
  *kept = n;
  return to;
}

bool ContentWord(const Token& t) { return !t.is_stopword && !t.is_number && t.lower.size() >= 2; }

// Orders as function objects, not function pointers, so that the sorts
// inline them (the adder sorts every article's vectors).
struct HeavierOrder {
  template <typename W>
  bool operator()(const W& a, const W& b) const {
    return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
  }
};
struct TermOrder {
  template <typename W>
  bool operator()(const W& a, const W& b) const {
    return a.term < b.term;
  }
};
constexpr HeavierOrder Heavier;
constexpr TermOrder ByTerm;

// Asks the cache for a vector's elements (up to 2 KB) ahead of their use.
template <typename T>
void PrefetchVector(const std::vector<T>& v) {
  const char* p = reinterpret_cast<const char*>(v.data());
  const size_t bytes = std::min<size_t>(v.size() * sizeof(T), 2048);
  for (size_t k = 0; k < bytes; k += 64) __builtin_prefetch(p + k, 0, 2);
}

// The dot product of a sparse vector with a dense one indexed by term; four
// running sums, s[j] over the elements k = j (mod 4) and the rest in s[0],
// added as (s0 + s1) + (s2 + s3): a fixed order, so the result is
// reproducible. Each product of two floats is exact in a double, so the AVX2
// path (the four sums as the lanes of one register, without fused
// multiply-adds) gives the same bits as the plain one.
struct SparseTerm {
  uint32_t term;
  float weight;
};

double SparseDotPlain(const SparseTerm* w, size_t n, const float* dense) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  const size_t n4 = n & ~size_t{3};
  for (size_t k = 0; k < n4; k += 4) {
    s0 += static_cast<double>(dense[w[k].term]) * w[k].weight;
    s1 += static_cast<double>(dense[w[k + 1].term]) * w[k + 1].weight;
    s2 += static_cast<double>(dense[w[k + 2].term]) * w[k + 2].weight;
    s3 += static_cast<double>(dense[w[k + 3].term]) * w[k + 3].weight;
  }
  for (size_t k = n4; k < n; ++k) s0 += static_cast<double>(dense[w[k].term]) * w[k].weight;
  return (s0 + s1) + (s2 + s3);
}

#if defined(__x86_64__) && defined(__GNUC__)
#define DOSSIER_SPARSE_DOT_AVX2 1
// Four (term, weight) pairs a step: the terms gathered from `dense`, both
// widened to doubles, multiplied and added lane by lane ("avx2" only, not
// "fma": a multiply and an add stay two roundings, as in the plain loop).
__attribute__((target("avx2"))) double SparseDotAvx2(const SparseTerm* w, size_t n,
                                                     const float* dense) {
  __m256d sum = _mm256_setzero_pd();
  const size_t n4 = n & ~size_t{3};
  const __m256i split = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
  for (size_t k = 0; k < n4; k += 4) {
    const __m256i pairs = _mm256_permutevar8x32_epi32(
        _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w + k)), split);
    const __m128i terms = _mm256_castsi256_si128(pairs);
    const __m128 weights = _mm_castsi128_ps(_mm256_extracti128_si256(pairs, 1));
    const __m128 values = _mm_i32gather_ps(dense, terms, 4);
    sum = _mm256_add_pd(sum, _mm256_mul_pd(_mm256_cvtps_pd(values), _mm256_cvtps_pd(weights)));
  }
  alignas(32) double s[4];
  _mm256_store_pd(s, sum);
  for (size_t k = n4; k < n; ++k) s[0] += static_cast<double>(dense[w[k].term]) * w[k].weight;
  return (s[0] + s[1]) + (s[2] + s[3]);
}
#endif

template <typename W>
double SparseDot(const std::vector<W>& v, const float* dense) {
  static_assert(sizeof(W) == sizeof(SparseTerm) && offsetof(W, term) == 0 &&
                offsetof(W, weight) == offsetof(SparseTerm, weight));
  const SparseTerm* w = reinterpret_cast<const SparseTerm*>(v.data());
#ifdef DOSSIER_SPARSE_DOT_AVX2
  static const bool avx2 = __builtin_cpu_supports("avx2");
  if (avx2) return SparseDotAvx2(w, v.size(), dense);
#endif
  return SparseDotPlain(w, v.size(), dense);
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
    : options_(options),
      near_duplicates_(options.near_duplicates,
                       static_cast<uint32_t>(std::max(1, options.window_articles))),
      term_ids_(1 << 16),
      sentences_(SentenceCapacity(options)) {}

ArticleFeatures StoryClusterer::Features(const Document& doc, const StoryClustererOptions& options,
                                         const Document* title, const Document* dateline) {
  ArticleFeatures f;
  std::vector<uint64_t> hashes = NearDuplicateIndex::TokenHashes(doc);
  f.signature = NearDuplicateIndex::ComputeSignature(hashes, options.near_duplicates);
  f.band_keys = NearDuplicateIndex::ComputeBandKeys(f.signature);
  f.band_keys_set = true;
  f.day = DaysFromIsoDate(doc.date);
  if (!doc.source.empty()) f.source = HashBytes(AsciiLower(doc.source), 0x6f75746c6574ULL) | 1;
  // Stem hash -> index into f.terms: open addressing over at least twice
  // as many slots as the tokens (text and title) that can be terms.
  struct Slot {
    uint64_t hash;
    uint32_t term;
  };
  const size_t tokens = doc.tokens.size() + (title != nullptr ? title->tokens.size() : 0) +
                        (dateline != nullptr ? dateline->tokens.size() : 0);
  size_t capacity = 16;
  while (capacity < 2 * tokens) capacity *= 2;
  std::vector<Slot> index(capacity, Slot{0, UINT32_MAX});
  auto term_of = [&](const Token& t) {
    for (size_t i = Mix64(t.stem_hash) & (capacity - 1);; i = (i + 1) & (capacity - 1)) {
      Slot& slot = index[i];
      if (slot.term == UINT32_MAX) {
        slot = {t.stem_hash, static_cast<uint32_t>(f.terms.size())};
        f.terms.push_back({t.stem_hash, 0.0f, t.lower});
        return slot.term;
      }
      if (slot.hash == t.stem_hash) return slot.term;
    }
  };
  const float name_weight = static_cast<float>(options.name_weight);
  for (const Sentence& sentence : doc.sentences) {
    ArticleFeatures::SentenceTerms st{0x9e3779b97f4a7c15ULL,
                                      static_cast<uint32_t>(f.occurrences.size()), 0};
    // The dateline's place opens the first sentence's words (not its hash:
    // a repeated dateline does not make the sentence boilerplate).
    if (dateline != nullptr && f.sentences.empty()) {
      for (const Token& t : dateline->tokens) {
        if (!ContentWord(t)) continue;
        const uint32_t term = term_of(t);
        f.terms[term].count += name_weight;
        f.occurrences.push_back({term, name_weight, true});
        ++f.content_words;
      }
    }
    const uint32_t end = std::min<uint32_t>(sentence.token_end, doc.tokens.size());
    for (uint32_t i = sentence.token_begin; i < end; ++i) {
      const Token& t = doc.tokens[i];
      st.hash = Mix64(st.hash + t.stem_hash);
      if (!ContentWord(t)) continue;
      const bool name = i != sentence.token_begin && StartsUpper(doc.text, t.span);
      const uint32_t term = term_of(t);
      const float count = name ? name_weight : 1.0f;
      f.terms[term].count += count;
      f.occurrences.push_back({term, count, name});
      ++f.content_words;
    }
    st.end = static_cast<uint32_t>(f.occurrences.size());
    f.sentences.push_back(st);
  }
  // The title joins the lead unless the text starts with it.
  if (title != nullptr && !title->tokens.empty()) {
    bool repeated = !doc.tokens.empty() && doc.tokens.size() >= title->tokens.size();
    for (size_t i = 0; repeated && i < title->tokens.size(); ++i) {
      repeated = title->tokens[i].stem_hash == doc.tokens[i].stem_hash;
    }
    if (!repeated) {
      std::unordered_map<uint32_t, size_t> at;
      for (const Token& t : title->tokens) {
        if (!ContentWord(t)) continue;
        const uint32_t term = term_of(t);
        auto [it, added] = at.try_emplace(term, f.title_terms.size());
        if (added) f.title_terms.push_back({term, 0.0f});
        f.title_terms[it->second].second += 1.0f;
      }
    }
  }
  return f;
}

bool StoryClusterer::Joinable(const StoryState& s, int32_t day) const {
  // Quiet stories are closed by the sweep every kSweepEvery articles (or
  // window_articles, if fewer); until
  // then they are kept from taking articles here, so the windows are exact.
  if (articles() - s.last_article > static_cast<uint32_t>(options_.window_articles)) return false;
  if (options_.window_days <= 0 || day == kNoDay || s.last_day == kNoDay) return true;
  return day <= s.last_day + options_.window_days;
}

uint32_t StoryClusterer::NewStory() {
  stories_.emplace_back().number = stories_made_++;
  story_best_.push_back(-1e9f);
  open_ids_.push_back(static_cast<uint32_t>(stories_.size() - 1));
  ++open_;
  return static_cast<uint32_t>(stories_.size() - 1);
}

void StoryClusterer::Join(uint32_t story, uint32_t article, int32_t day) {
  StoryState& s = stories_[story];
  s.articles.push_back(article);
  s.last_article = articles_++;
  if (day != kNoDay) {
    s.first_day = s.first_day == kNoDay ? day : std::min(s.first_day, day);
    s.last_day = s.last_day == kNoDay ? day : std::max(s.last_day, day);
  }
  story_of_.push_back(story);
}

void StoryClusterer::AddToCentroid(Centroid* c, const std::vector<Weighted>& vec, size_t keep) {
  std::vector<Weighted> merged;
  merged.reserve(c->terms.size() + vec.size());
  size_t i = 0, j = 0;
  while (i < c->terms.size() || j < vec.size()) {
    if (j == vec.size() || (i < c->terms.size() && c->terms[i].term < vec[j].term)) {
      merged.push_back(c->terms[i++]);
    } else if (i == c->terms.size() || vec[j].term < c->terms[i].term) {
      merged.push_back(vec[j++]);
    } else {
      merged.push_back({vec[j].term, c->terms[i].weight + vec[j].weight});
      ++i, ++j;
    }
  }
  if (merged.size() > keep) {
    std::nth_element(merged.begin(), merged.begin() + static_cast<ptrdiff_t>(keep), merged.end(),
                     Heavier);
    merged.resize(keep);
    std::sort(merged.begin(), merged.end(), ByTerm);
  }
  double norm = 0;
  for (const Weighted& w : merged) norm += static_cast<double>(w.weight) * w.weight;
  c->norm = std::sqrt(norm);
  c->terms = std::move(merged);
}

std::vector<std::string> StoryClusterer::Keywords(const StoryState& s) const {
  if (!s.open) return s.keywords;
  std::vector<Weighted> sorted = s.centroid.terms;
  std::sort(sorted.begin(), sorted.end(), Heavier);
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
    const bool old = options_.window_days > 0 && newest_day_ != kNoDay && s.last_day != kNoDay &&
                     newest_day_ - s.last_day > options_.window_days;
    if (!quiet && !old) {
      open_ids_[keep++] = id;
      continue;
    }
    s.keywords = Keywords(s);
    s.open = false;
    s.centroid = Centroid();
    s.names = Centroid();
    s.lead = Centroid();
    std::vector<StoryState::Outlet>().swap(s.outlets);
    for (uint32_t a : s.articles) scores_[a] = kClosed;
    // Closed articles leave the postings: a list is compacted once half of
    // it is closed (amortised constant work per posting), so the postings
    // hold about the open stories' articles only.
    for (uint32_t a : s.articles) {
      for (const Weighted& w : vectors_[a]) {
        std::vector<uint32_t>& list = postings_[w.term];
        if (++closed_in_[w.term] * 2 <= list.size()) continue;
        std::erase_if(list, [&](uint32_t b) { return b == kDropped || scores_[b] == kClosed; });
        closed_in_[w.term] = 0;
      }
      std::vector<Weighted>().swap(vectors_[a]);
    }
    if (take_closed_) {
      // Listed now, as it stands when it closes: what comes later (a copy
      // uniting two of its groups, a notice found to be furniture) does not
      // change a story already handed out, whatever the batches.
      AppendListing(s, &closed_out_);
      s.taken = true;
      std::vector<uint32_t>().swap(s.articles);
      std::vector<std::string>().swap(s.keywords);
    }
    --open_;
  }
  open_ids_.resize(keep);
  if (take_closed_ && gold_story_.empty() &&
      held_articles() >= 2 * held_after_compact_ + kCompactSlack) {
    Compact();
  }
  if (held_terms() >= 2 * terms_after_forget_ + kForgetSlack) ForgetOldTerms();
}

void StoryClusterer::ForgetOldTerms() {
  const uint32_t terms = held_terms();
  const uint32_t window = static_cast<uint32_t>(std::max(1, options_.window_articles));
  const uint32_t recent = articles_ > window ? articles_ - window : 0;
  std::vector<char> keep(terms, 0);
  for (uint32_t t = 0; t < terms; ++t) keep[t] = last_seen_[t] >= recent ? 1 : 0;
  for (const std::vector<Weighted>& v : vectors_) {
    for (const Weighted& w : v) keep[w.term] = 1;
  }
  for (const StoryState& st : stories_) {
    for (const Centroid* c : {&st.centroid, &st.names, &st.lead}) {
      for (const Weighted& w : c->terms) keep[w.term] = 1;
    }
  }
  uint32_t n = 0;
  const std::vector<uint32_t> to = KeptInOrder(keep, &n);
  if (n == terms) {
    terms_after_forget_ = n;
    return;
  }
  const std::vector<uint64_t> keys = term_ids_.KeysById();
  FlatIdMap ids(n);
  for (uint32_t t = 0; t < terms; ++t) {
    const uint32_t b = to[t];
    if (b == kDropped) continue;
    ids.Intern(keys[t]);
    df_[b] = df_[t];
    background_idf_[b] = background_idf_[t];
    last_seen_[b] = last_seen_[t];
    closed_in_[b] = closed_in_[t];
    if (b != t) {
      words_[b] = std::move(words_[t]);
      postings_[b] = std::move(postings_[t]);
    }
  }
  term_ids_ = std::move(ids);
  df_.resize(n);
  background_idf_.resize(n);
  last_seen_.resize(n);
  closed_in_.resize(n);
  words_.resize(n);
  postings_.resize(n);
  for (std::vector<float>* q : {&q_body_, &q_names_, &q_lead_})
    q->resize(std::min<size_t>(q->size(), n));
  for (std::vector<Weighted>& v : vectors_) {
    for (Weighted& w : v) w.term = to[w.term];
  }
  for (StoryState& st : stories_) {
    for (Centroid* c : {&st.centroid, &st.names, &st.lead}) {
      for (Weighted& w : c->terms) w.term = to[w.term];
    }
  }
  terms_after_forget_ = n;
}

void StoryClusterer::Compact() {
  // Held: the articles of stories not yet taken, those the near-duplicate
  // index may still name (a later copy looks up their story), and the
  // first article of each of their copy groups (its count and furniture
  // flag stand for the group). The rest were listed when their stories
  // closed; nothing reads them again.
  const uint32_t held = held_articles();
  const uint32_t oldest = copies_oldest_;
  std::vector<uint32_t> root(held);
  std::vector<char> keep(held, 0);
  for (uint32_t a = 0; a < held; ++a) {
    root[a] = copy_groups_.Find(a);
    const uint32_t s = story_of_[a];
    keep[a] = number_[a] >= oldest || (s != kDropped && !stories_[s].taken) ? 1 : 0;
  }
  for (uint32_t a = 0; a < held; ++a) {
    if (keep[a]) keep[root[a]] = 1;
  }
  std::vector<uint32_t> story_to(stories_.size(), kDropped);
  uint32_t stories = 0;
  for (uint32_t s = 0; s < stories_.size(); ++s) {
    if (!stories_[s].taken) story_to[s] = stories++;
  }
  uint32_t n = 0;
  const std::vector<uint32_t> to = KeptInOrder(keep, &n);
  std::vector<uint32_t> parents(n);  // each held article's group root (held too)
  for (uint32_t a = 0; a < held; ++a) {
    const uint32_t b = to[a];
    if (b == kDropped) continue;
    number_[b] = number_[a];
    parents[b] = to[root[a]];
    story_of_[b] = story_of_[a] == kDropped ? kDropped : story_to[story_of_[a]];
    if (b != a) vectors_[b] = std::move(vectors_[a]);
    copies_[b] = copies_[a];
    furniture_[b] = furniture_[a];
    scores_[b] = scores_[a];
  }
  number_.resize(n);
  copy_groups_.SetParents(std::move(parents));  // valid: a root is kept, and kept before
  story_of_.resize(n);
  vectors_.resize(n);
  copies_.resize(n);
  furniture_.resize(n);
  scores_.resize(n);
  for (uint32_t s = 0; s < story_to.size(); ++s) {
    if (story_to[s] == kDropped) continue;
    StoryState& moved = stories_[story_to[s]];
    if (story_to[s] != s) moved = std::move(stories_[s]);
    for (uint32_t& a : moved.articles) a = to[a];
  }
  stories_.resize(stories);
  story_best_.assign(stories, -1e9f);
  for (uint32_t& id : open_ids_) id = story_to[id];
  // A posting of an article no longer held keeps its place (as kDropped,
  // read as closed): the postings scanned stay the same.
  for (std::vector<uint32_t>& list : postings_) {
    for (uint32_t& a : list) a = a == kDropped ? kDropped : to[a];
  }
  touched_.clear();
  touched_stories_.clear();
  held_after_compact_ = n;
}

void StoryClusterer::Weigh(std::vector<Weighted>* vec, size_t heaviest) const {
  // N counts the articles so far, the one being weighed included.
  const double n = static_cast<double>(articles()) + 1;
  double norm = 0;
  for (Weighted& w : *vec) {
    double idf = std::max(0.0, std::log((n + 1) / (df_[w.term] + 0.5)));
    if (options_.background != nullptr) {
      const double b = options_.background_articles;
      idf = (b * background_idf_[w.term] + n * idf) / (b + n);
    }
    const double weight = (1 + std::log(static_cast<double>(w.weight))) * idf;
    w.weight = static_cast<float>(weight);
    norm += weight * weight;
  }
  norm = std::sqrt(norm);
  for (Weighted& w : *vec) w.weight = norm > 0 ? static_cast<float>(w.weight / norm) : 0.0f;
  std::erase_if(*vec, [](const Weighted& w) { return w.weight <= 0; });
  if (heaviest == 0) {
    std::sort(vec->begin(), vec->end(), ByTerm);
  } else if (heaviest >= vec->size()) {
    std::sort(vec->begin(), vec->end(), Heavier);
  } else {
    std::partial_sort(vec->begin(), vec->begin() + static_cast<ptrdiff_t>(heaviest), vec->end(),
                      Heavier);
  }
}

void StoryClusterer::PrefetchPrecede(const ArticleFeatures& article) const {
  if (article.band_keys_set && !article.signature.empty)
    near_duplicates_.Prefetch(article.band_keys);
  for (const ArticleFeatures::SentenceTerms& st : article.sentences) sentences_.Prefetch(st.hash);
}

void StoryClusterer::Prefetch(const ArticleFeatures& article) const {
  for (const ArticleFeatures::Term& t : article.terms) term_ids_.Prefetch(t.hash);
}

StoryClusterer::Precedents StoryClusterer::Precede(const ArticleFeatures& article) {
  Precedents p;
  p.copied = article.band_keys_set ? near_duplicates_.Add(article.signature, article.band_keys)
                                   : near_duplicates_.Add(article.signature);
  p.oldest = near_duplicates_.oldest();
  // Sentences met in enough earlier articles are boilerplate; each sentence
  // is counted once per article.
  p.boilerplate.assign(article.sentences.size(), 0);
  std::vector<uint64_t> counted;
  counted.reserve(article.sentences.size());
  for (size_t k = 0; k < article.sentences.size(); ++k) {
    const uint64_t hash = article.sentences[k].hash;
    if (sentences_.Get(hash) >= static_cast<uint32_t>(options_.boilerplate_repeats)) {
      p.boilerplate[k] = 1;
    }
    counted.push_back(hash);
  }
  std::sort(counted.begin(), counted.end());
  counted.erase(std::unique(counted.begin(), counted.end()), counted.end());
  for (uint64_t hash : counted) sentences_.Increment(hash);
  return p;
}

uint32_t StoryClusterer::Add(const ArticleFeatures& article) {
  return Add(article, Precede(article));
}

uint32_t StoryClusterer::Add(const ArticleFeatures& article, Precedents precedents) {
  follow_model_ = false;
  return AddImpl(article, precedents, nullptr, nullptr);
}

uint32_t StoryClusterer::AddLabelled(const ArticleFeatures& article, uint32_t gold,
                                     std::vector<TrainingRow>* rows, bool follow_model) {
  return AddLabelled(article, Precede(article), gold, rows, follow_model);
}

uint32_t StoryClusterer::AddLabelled(const ArticleFeatures& article, Precedents precedents,
                                     uint32_t gold, std::vector<TrainingRow>* rows,
                                     bool follow_model) {
  follow_model_ = follow_model;
  // Training never compacts (Compact), so a story's number is its place.
  const uint32_t story = AddImpl(article, precedents, &gold, rows);
  if (follow_model) {
    // The story's gold labels, for the rows of later articles.
    if (story_golds_.size() < stories_.size()) {
      story_golds_.resize(stories_.size());
      story_majority_.resize(stories_.size(), {UINT32_MAX, 0});
    }
    const uint32_t n = ++story_golds_[story][gold];
    auto& [majority, votes] = story_majority_[story];
    if (n > votes || (n == votes && gold < majority)) {
      majority = gold;
      votes = n;
    }
  }
  return story;
}

double StoryClusterer::CountDay(int32_t day) {
  if (day != kNoDay) {
    newest_day_ = std::max(newest_day_, day);
    // Dated articles per day over the last kRateDays days of the stream.
    auto at = std::lower_bound(day_counts_.begin(), day_counts_.end(), day,
                               [](const DayCount& d, int32_t x) { return d.day < x; });
    if (at != day_counts_.end() && at->day == day) {
      ++at->count;
    } else {
      day_counts_.insert(at, {day, 1});
    }
    while (!day_counts_.empty() && day_counts_.front().day <= newest_day_ - kRateDays) {
      day_counts_.erase(day_counts_.begin());
    }
  }
  double rate = 0;  // dated articles a day, lately
  for (const DayCount& d : day_counts_) rate += d.count;
  return rate / kRateDays;
}

StoryClusterer::ArticleCounts StoryClusterer::CountTerms(const ArticleFeatures& article,
                                                         const std::vector<char>& boilerplate) {
  // Term counts over the other sentences: all terms, names, and the lead
  // (the first kLeadSentences sentences left, and the title).
  ArticleCounts c;
  c.tf.assign(article.terms.size(), 0.0f);
  c.names.assign(article.terms.size(), 0.0f);
  c.lead.assign(article.terms.size(), 0.0f);
  size_t lead_sentences = 0;
  for (size_t k = 0; k < article.sentences.size(); ++k) {
    if (k < boilerplate.size() && boilerplate[k]) continue;
    const ArticleFeatures::SentenceTerms& st = article.sentences[k];
    const bool lead = lead_sentences < kLeadSentences && st.end > st.begin;
    if (lead) ++lead_sentences;
    for (uint32_t o = st.begin; o < st.end && o < article.occurrences.size(); ++o) {
      const ArticleFeatures::Occurrence& occ = article.occurrences[o];
      if (occ.term >= c.tf.size()) continue;
      c.tf[occ.term] += occ.count;
      if (occ.name) c.names[occ.term] += 1.0f;
      if (lead) c.lead[occ.term] += 1.0f;
      ++c.content_words;
    }
  }
  for (const auto& [term, count] : article.title_terms) {
    if (term < c.lead.size()) c.lead[term] += count;
  }
  return c;
}

StoryClusterer::ArticleVectors StoryClusterer::Vectors(const ArticleFeatures& article,
                                                       const ArticleCounts& c) {
  // Intern the terms, count document frequencies (body terms), weigh.
  std::vector<uint32_t> term_id(article.terms.size(), UINT32_MAX);
  for (size_t k = 0; k < article.terms.size(); ++k) {
    if (c.tf[k] <= 0 && c.lead[k] <= 0) continue;
    const ArticleFeatures::Term& t = article.terms[k];
    const uint32_t term = term_ids_.Intern(t.hash);
    if (term == df_.size()) {
      df_.push_back(0);
      background_idf_.push_back(options_.background != nullptr
                                    ? static_cast<float>(options_.background->Idf(t.hash))
                                    : 0.0f);
      words_.push_back(t.word);
      postings_.emplace_back();
      closed_in_.push_back(0);
      last_seen_.push_back(0);
    }
    last_seen_[term] = articles_;
    if (c.tf[k] > 0) ++df_[term];
    term_id[k] = term;
  }
  ArticleVectors v;
  for (size_t k = 0; k < article.terms.size(); ++k) {
    if (c.tf[k] > 0) v.body.push_back({term_id[k], c.tf[k]});
    if (c.names[k] > 0) v.names.push_back({term_id[k], c.names[k]});
    if (c.lead[k] > 0) v.lead.push_back({term_id[k], c.lead[k]});
  }
  // The body vector's heaviest terms come first, in order (the query
  // terms, then the indexed ones); names and lead are sorted by term.
  v.keep = std::min(v.body.size(), static_cast<size_t>(std::max(1, options_.index_terms)));
  Weigh(&v.body, v.keep);
  Weigh(&v.names, 0);
  Weigh(&v.lead, 0);
  return v;
}

void StoryClusterer::FindCandidates(ArticleVectors* v) {
  // Candidates: articles indexed under the heaviest terms met before,
  // newest first, at most kMaxScan per term; the kExactScores with the
  // most query weight in common are scored exactly.
  std::vector<Weighted>& vec = v->body;
  touched_.clear();
  size_t used = 0;
  for (size_t k = 0; k < vec.size(); ++k) {
    if (used >= static_cast<size_t>(std::max(1, options_.query_terms))) break;
    // Past the heaviest `keep`, the rest are put in order when needed.
    if (k == v->keep) {
      std::sort(vec.begin() + static_cast<ptrdiff_t>(k), vec.end(), Heavier);
    }
    const Weighted& q = vec[k];
    if (df_[q.term] < 2) continue;
    ++used;
    std::vector<uint32_t>& list = postings_[q.term];
    if (list.size() > 2 * kMaxPostings) {
      list.erase(list.begin(), list.end() - static_cast<ptrdiff_t>(kMaxPostings));
    }
    const size_t stop = list.size() > kMaxScan ? list.size() - kMaxScan : 0;
    for (size_t k = list.size(); k-- > stop;) {
      const uint32_t a = list[k];
      if (a == kDropped || scores_[a] == kClosed) continue;
      if (scores_[a] < 0) {
        scores_[a] = 0;
        touched_.push_back(a);
      }
      scores_[a] += q.weight;
    }
  }
  if (touched_.size() > kExactScores) {
    // The best kExactScores under a total order (score, then article): the
    // same set whatever the order they were met in.
    std::nth_element(touched_.begin(), touched_.begin() + kExactScores, touched_.end(),
                     [&](uint32_t a, uint32_t b) {
                       return scores_[a] != scores_[b] ? scores_[a] > scores_[b] : a < b;
                     });
    for (size_t k = kExactScores; k < touched_.size(); ++k) scores_[touched_[k]] = -1.0f;
    touched_.resize(kExactScores);
  }
}

void StoryClusterer::BestArticleCosines(int32_t day, ArticleVectors* v, bool keep_rows) {
  // Exact cosines; each story keeps its best (the best-article feature).
  // The article's weights sit in a dense array indexed by term, so a dot
  // product is one pass over the other vector, without a merge.
  std::vector<Weighted>& vec = v->body;
  vec.resize(std::min(vec.size(), v->keep));
  std::sort(vec.begin(), vec.end(), ByTerm);
  if (q_body_.size() < df_.size()) {
    q_body_.resize(df_.size(), 0.0f);
    q_names_.resize(df_.size(), 0.0f);
    q_lead_.resize(df_.size(), 0.0f);
  }
  for (const Weighted& w : vec) q_body_[w.term] = w.weight;
  query_terms_ = static_cast<double>(vec.size());
  // The candidates' vectors lie apart in memory: ask for all of them at
  // once, so their cache misses overlap instead of queueing.
  for (uint32_t a : touched_) PrefetchVector(vectors_[a]);
  touched_stories_.clear();
  for (uint32_t a : touched_) {
    scores_[a] = -1.0f;
    const uint32_t s = story_of_[a];
    if (!Joinable(stories_[s], day)) continue;
    const double dot = SparseDot(vectors_[a], q_body_.data());
    if (story_best_[s] < -1e8f) touched_stories_.push_back(s);
    story_best_[s] = std::max(story_best_[s], static_cast<float>(dot));
  }
  std::sort(touched_stories_.begin(), touched_stories_.end());
  for (uint32_t st : touched_stories_) {
    PrefetchVector(stories_[st].centroid.terms);
    if (!keep_rows && story_best_[st] < options_.min_cosine) continue;
    PrefetchVector(stories_[st].names.terms);
    PrefetchVector(stories_[st].lead.terms);
    PrefetchVector(stories_[st].outlets);
  }
}

StoryClusterer::ModelFeatures StoryClusterer::CandidateFeatures(const ArticleFeatures& article,
                                                                uint32_t s, double rate,
                                                                bool keep_rows) const {
  auto cosine = [](const Centroid& c, const std::vector<float>& q) {
    if (c.norm <= 0) return 0.0;
    return SparseDot(c.terms, q.data()) / c.norm;
  };
  const StoryState& st = stories_[s];
  ModelFeatures f;
  f[0] = 1.0;
  f[1] = cosine(st.centroid, q_body_);
  f[2] = story_best_[s];
  // A story below the cosine floor cannot be joined: only its centroid
  // cosine counts (in the other stories' margins), unless rows are kept.
  const bool eligible = keep_rows || f[2] >= options_.min_cosine;
  f[3] = eligible ? cosine(st.names, q_names_) : 0.0;
  f[4] = eligible ? cosine(st.lead, q_lead_) : 0.0;
  int32_t gap = 0;
  if (article.day != kNoDay && st.first_day != kNoDay) {
    gap = std::max({0, st.first_day - article.day, article.day - st.last_day});
  }
  f[5] = std::log1p(static_cast<double>(gap));
  // The gap in news gone by: days times the stream's recent articles a
  // day (a week is long in a wire feed, short in a sparse archive).
  f[12] = std::log1p(static_cast<double>(gap) * rate);
  bool same_outlet_day = false, same_outlet = false;
  if (eligible && article.source != 0) {
    for (const auto& [source, day] : st.outlets) {
      if (source != article.source) continue;
      same_outlet = true;
      same_outlet_day = same_outlet_day || (article.day != kNoDay && day == article.day);
    }
  }
  f[11] = same_outlet && !same_outlet_day ? 1.0 : 0.0;
  f[6] = same_outlet_day ? 1.0 : 0.0;
  // The story's size and its mean cosine count the articles in its centroid:
  // copies of one article count once (they add nothing to it).
  const double n = std::max<double>(st.distinct, 1.0);
  f[7] = std::log(n);
  // The mean cosine to the story's articles (average link): the centroid
  // cosine times the centroid's norm over the story's size.
  f[10] = f[1] * st.centroid.norm / n;
  f[8] = st.first_day != kNoDay ? std::log1p(static_cast<double>(st.last_day - st.first_day)) : 0.0;
  f[9] = 0;  // the margin, once every candidate's cosine is known
  // The centroid cosine measured against chance: texts of k terms share a
  // few by chance, and the spread of that chance cosine shrinks as
  // 1/sqrt(k). A short lead excerpt at 0.2 shares two or three topical
  // words; a long article at 0.2 shares many (docs/CLUSTERING.md).
  f[13] = f[1] * std::sqrt(query_terms_) / 10.0;
  return f;
}

uint32_t StoryClusterer::BestStory(const ArticleFeatures& article, const ArticleVectors& v,
                                   double rate, uint32_t id, const uint32_t* gold,
                                   uint32_t gold_story, std::vector<TrainingRow>* rows) {
  // Score each candidate story with the model.
  for (const Weighted& w : v.names) q_names_[w.term] = w.weight;
  for (const Weighted& w : v.lead) q_lead_[w.term] = w.weight;
  std::vector<ModelFeatures> features(touched_stories_.size());
  double top = 0, second = 0;  // the two best centroid cosines
  for (size_t k = 0; k < touched_stories_.size(); ++k) {
    const uint32_t s = touched_stories_[k];
    features[k] = CandidateFeatures(article, s, rate, rows != nullptr);
    story_best_[s] = -1e9f;
    const double c = features[k][1];
    if (c > top) {
      second = top;
      top = c;
    } else if (c > second) {
      second = c;
    }
  }
  double best_score = 0;
  uint32_t best = UINT32_MAX;
  for (size_t k = 0; k < touched_stories_.size(); ++k) {
    const uint32_t s = touched_stories_[k];
    ModelFeatures& f = features[k];
    // How far the story stands out from the other candidates: a story
    // matched at 0.15 where nothing else comes near is a better bet than
    // one at 0.3 among several of one topic.
    f[9] = f[1] - (f[1] == top ? second : top);
    if (rows != nullptr) {
      TrainingRow& row = rows->emplace_back();
      std::copy(f.begin(), f.end(), std::begin(row.features));
      row.same_story = follow_model_
                           ? s < story_majority_.size() && story_majority_[s].first == *gold
                           : s == gold_story;
      row.article = number_[id];
    }
    // The model's time features need dates on both sides; without them the
    // single-link rule measured on undated streams decides: the best
    // article's cosine against a bar rising with the story's size.
    const bool dated = article.day != kNoDay && stories_[s].last_day != kNoDay;
    const double score =
        dated ? options_.model.Score(f)
              : f[2] - (options_.undated_threshold +
                        options_.undated_size_penalty *
                            std::log(static_cast<double>(stories_[s].articles.size())));
    if (score > options_.join_threshold && f[2] >= options_.min_cosine &&
        (best == UINT32_MAX || score > best_score)) {
      best_score = score;
      best = s;
    }
  }
  for (const Weighted& w : v.body) q_body_[w.term] = 0.0f;
  for (const Weighted& w : v.names) q_names_[w.term] = 0.0f;
  for (const Weighted& w : v.lead) q_lead_[w.term] = 0.0f;
  return best;
}

void StoryClusterer::JoinWithVectors(uint32_t story, uint32_t id, const ArticleFeatures& article,
                                     ArticleVectors* v) {
  Join(story, id, article.day);
  StoryState& st = stories_[story];
  ++st.distinct;
  AddToCentroid(&st.centroid, v->body, kCentroidTerms);
  if (!v->names.empty()) AddToCentroid(&st.names, v->names, kNameTerms);
  if (!v->lead.empty()) AddToCentroid(&st.lead, v->lead, kLeadTerms);
  if (article.source != 0) {
    if (st.outlets.size() >= kOutlets) st.outlets.erase(st.outlets.begin());
    st.outlets.push_back({article.source, article.day});
  }
  for (const Weighted& w : v->body) postings_[w.term].push_back(id);
  vectors_[id] = std::move(v->body);
}

uint32_t StoryClusterer::AddImpl(const ArticleFeatures& article, const Precedents& precedents,
                                 const uint32_t* gold, std::vector<TrainingRow>* rows) {
  const uint32_t id = held_articles();  // the article's slot
  const std::vector<uint32_t>& copied = precedents.copied;
  copies_oldest_ = precedents.oldest;
  const double rate = CountDay(article.day);
  number_.push_back(articles_);
  copy_groups_.Add();
  copies_.push_back(1);
  furniture_.push_back(0);
  vectors_.emplace_back();
  scores_.push_back(-1.0f);
  // The story of the gold label (training), kNoStory if it has none yet.
  constexpr uint32_t kNoStory = UINT32_MAX;
  uint32_t gold_story = kNoStory;
  if (gold != nullptr) {
    if (*gold >= gold_story_.size()) gold_story_.resize(*gold + 1, kNoStory);
    gold_story = gold_story_[*gold];
  }
  // Training without following the model: the gold story, or a new one for it.
  auto gold_or_new = [&] {
    if (gold_story != kNoStory) return gold_story;
    const uint32_t s = NewStory();
    gold_story_[*gold] = s;
    return s;
  };
  const bool by_model = gold == nullptr || follow_model_;
  const ArticleCounts counts = CountTerms(article, precedents.boilerplate);

  // Its copy group: the groups of the articles it copies (still held:
  // Compact keeps every article the near-duplicate index can name), rooted
  // at the earliest.
  bool copy = false;
  for (uint32_t m : copied) {
    const auto at = std::lower_bound(number_.begin(), number_.end(), m);
    if (at == number_.end() || *at != m) continue;  // (never: see Compact)
    copy_groups_.Unite(static_cast<uint32_t>(at - number_.begin()), id);
    copy = true;
  }

  uint32_t story = 0;
  if (copy) {
    const uint32_t rep = copy_groups_.Find(id);
    if (++copies_[rep] >= static_cast<uint32_t>(options_.furniture_copies) &&
        article.content_words <= static_cast<uint32_t>(options_.furniture_max_terms)) {
      furniture_[rep] = 1;
    }
    // The copy joins the story of its group's first article, unless that
    // story has closed (and may have been written out), or the group is page
    // furniture (listed alone anyway; joined, a notice repeated all through
    // the stream would keep one story open and growing): then it starts one.
    const uint32_t original = story_of_[rep];
    const bool joins = !furniture_[rep] && original != kDropped && stories_[original].open;
    story = by_model ? (joins ? original : NewStory()) : gold_or_new();
    Join(story, id, article.day);
  } else if (counts.content_words < static_cast<uint32_t>(options_.min_content_words)) {
    // No news text of its own: alone, never a candidate.
    furniture_[id] = 1;
    story = by_model ? NewStory() : gold_or_new();
    Join(story, id, article.day);
  } else {
    ArticleVectors v = Vectors(article, counts);
    FindCandidates(&v);
    BestArticleCosines(article.day, &v, rows != nullptr);
    const uint32_t best = BestStory(article, v, rate, id, gold, gold_story, rows);
    if (!by_model) {
      story = gold_or_new();
    } else {
      story = best != UINT32_MAX ? best : NewStory();
    }
    JoinWithVectors(story, id, article, &v);
  }
  // A short --window-articles is swept as often (its stories close, and are
  // written, as soon as they are quiet); joining never depends on it.
  const uint32_t sweep =
      std::clamp<uint32_t>(static_cast<uint32_t>(options_.window_articles), 1, kSweepEvery);
  const uint32_t number = stories_[story].number;  // before a sweep may renumber the stories
  if (articles_ % sweep == 0) CloseQuietStories();
  return number;
}

void StoryClusterer::AppendListing(const StoryState& s, std::vector<Story>* out) const {
  Story o;
  // Furniture copies leave their stories and stand alone.
  std::vector<uint32_t> alone;
  // Its near-duplicate groups: a group normally lies in one story; when the
  // union of two groups spans stories, each story lists its own part.
  std::vector<std::pair<uint32_t, uint32_t>> by_group;  // (group root, article)
  for (uint32_t a : s.articles) {
    const uint32_t root = copy_groups_.Representative(a);
    if (furniture_[root]) {
      alone.push_back(number_[a]);
    } else {
      o.articles.push_back(number_[a]);
      by_group.emplace_back(root, number_[a]);  // (slots and numbers in the same order)
    }
  }
  o.first_day = s.first_day;
  o.last_day = s.last_day;
  o.keywords = Keywords(s);
  std::stable_sort(by_group.begin(), by_group.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (size_t i = 0; i < by_group.size();) {
    size_t j = i;
    std::vector<uint32_t> part;
    while (j < by_group.size() && by_group[j].first == by_group[i].first) {
      part.push_back(by_group[j++].second);
    }
    if (part.size() >= 2) o.duplicates.push_back(std::move(part));
    i = j;
  }
  std::sort(o.duplicates.begin(), o.duplicates.end());
  if (!o.articles.empty()) out->push_back(std::move(o));
  for (uint32_t a : alone) {
    Story f;
    f.articles.push_back(a);
    f.furniture = true;
    out->push_back(std::move(f));
  }
}

std::vector<StoryClusterer::Story> StoryClusterer::Stories() const {
  std::vector<Story> out;
  out.reserve(stories_.size());
  for (const StoryState& s : stories_) {
    if (!s.taken) AppendListing(s, &out);
  }
  std::sort(out.begin(), out.end(),
            [](const Story& x, const Story& y) { return x.articles[0] < y.articles[0]; });
  for (uint32_t k = 0; k < out.size(); ++k) out[k].id = k;
  return out;
}

std::vector<StoryClusterer::Story> StoryClusterer::TakeClosed() {
  std::vector<Story> out = std::move(closed_out_);
  closed_out_.clear();
  return out;
}

}  // namespace dossier

namespace dossier {

Result<StoryModel> StoryModel::Parse(std::string_view text, const std::string& origin) {
  StoryModel model;
  bool seen[kFeatures] = {};
  size_t line_no = 0;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    line = TrimWhitespace(line);
    if (line.empty()) continue;
    const std::string where = "line " + std::to_string(line_no);
    const size_t space = line.find_first_of(" \t");
    const std::string name(line.substr(0, space));
    const std::string value =
        space == std::string_view::npos ? "" : std::string(TrimWhitespace(line.substr(space)));
    int feature = -1;
    for (int i = 0; i < kFeatures; ++i) {
      if (name == kNames[i]) feature = i;
    }
    if (feature < 0) {
      return Status(StatusCode::kInvalidInput, where + ": unknown feature \"" + name + "\"",
                    origin);
    }
    char* end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(v)) {
      return Status(StatusCode::kInvalidInput,
                    where + ": \"" + name + "\" wants a number, got \"" + value + "\"", origin);
    }
    if (seen[feature]) {
      return Status(StatusCode::kInvalidInput, where + ": \"" + name + "\" given twice", origin);
    }
    seen[feature] = true;
    model.weights[feature] = v;
  }
  for (int i = 0; i < kFeatures; ++i) {
    if (!seen[i]) {
      return Status(StatusCode::kInvalidInput, "no weight for \"" + std::string(kNames[i]) + "\"",
                    origin);
    }
  }
  return model;
}

std::string StoryModel::ToText() const {
  std::string out;
  for (int i = 0; i < kFeatures; ++i) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", weights[i]);
    out += std::string(kNames[i]) + " " + buf + "\n";
  }
  return out;
}

namespace {

constexpr uint64_t kStateMagic = 0x3365746174736364ULL;  // "dcstate3"

template <typename T>
void SaveCentroidLike(BinaryWriter* w, const std::vector<T>& terms, double norm) {
  w->Vec(terms);
  w->Pod(norm);
}

}  // namespace

std::string StoryClusterer::Settings() const {
  const StoryClustererOptions& o = options_;
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "join %.17g min %.17g undated %.17g/%.17g query %d index %d boilerplate %d "
                "content %d name %.17g window %d/%d furniture %d/%d duplicates %.17g/%llu "
                "background %d/%.17g",
                o.join_threshold, o.min_cosine, o.undated_threshold, o.undated_size_penalty,
                o.query_terms, o.index_terms, o.boilerplate_repeats, o.min_content_words,
                o.name_weight, o.window_days, o.window_articles, o.furniture_copies,
                o.furniture_max_terms, o.near_duplicates.threshold,
                static_cast<unsigned long long>(o.near_duplicates.seed),
                o.background != nullptr ? 1 : 0, o.background_articles);
  std::string out = buf;
  for (double w : o.model.weights) {
    std::snprintf(buf, sizeof buf, " %.17g", w);
    out += buf;
  }
  return out;
}

std::string StoryClusterer::Save() const {
  // Precede run ahead of Add would save a state no single run reaches.
  if (near_duplicates_.size() != articles_) {
    std::fprintf(stderr,
                 "dossier: StoryClusterer::Save while Precede is ahead of Add (a bug in "
                 "the caller)\n");
    std::abort();
  }
  BinaryWriter w;
  w.U64(kStateMagic);
  w.Str(Settings());
  near_duplicates_.Save(&w);
  w.Vec(term_ids_.KeysById());
  w.Vec(df_);
  w.Vec(background_idf_);
  w.U64(words_.size());
  for (const std::string& word : words_) w.Str(word);
  for (const std::vector<uint32_t>& p : postings_) w.Vec(p);
  sentences_.Save(&w);
  w.U64(stories_.size());
  for (const StoryState& s : stories_) {
    w.Vec(s.articles);
    SaveCentroidLike(&w, s.centroid.terms, s.centroid.norm);
    SaveCentroidLike(&w, s.names.terms, s.names.norm);
    SaveCentroidLike(&w, s.lead.terms, s.lead.norm);
    w.Vec(s.outlets);
    w.U64(s.keywords.size());
    for (const std::string& k : s.keywords) w.Str(k);
    w.U32(s.last_article);
    w.U32(s.number);
    w.Pod(s.first_day);
    w.Pod(s.last_day);
    w.Pod(static_cast<uint8_t>(s.open ? 1 : 0));
    w.Pod(static_cast<uint8_t>(s.taken ? 1 : 0));
  }
  w.Vec(open_ids_);
  w.U64(closed_out_.size());
  for (const Story& o : closed_out_) {
    w.Vec(o.articles);
    w.U64(o.duplicates.size());
    for (const std::vector<uint32_t>& d : o.duplicates) w.Vec(d);
    w.U64(o.keywords.size());
    for (const std::string& k : o.keywords) w.Str(k);
    w.Pod(o.first_day);
    w.Pod(o.last_day);
    w.Pod(static_cast<uint8_t>(o.furniture ? 1 : 0));
  }
  w.Vec(closed_in_);
  w.Vec(last_seen_);
  w.U32(terms_after_forget_);
  w.U32(articles_);
  w.U32(stories_made_);
  w.U32(held_after_compact_);
  w.Vec(number_);
  w.Vec(copy_groups_.parents());
  w.Vec(story_of_);
  for (const std::vector<Weighted>& v : vectors_) w.Vec(v);
  w.Vec(copies_);
  w.Vec(furniture_);
  w.U32(open_);
  w.Pod(newest_day_);
  w.Vec(day_counts_);
  // A checksum of everything before it: a damaged file is refused whole.
  const uint64_t sum = HashBytes(w.bytes(), kStateMagic);
  w.U64(sum);
  return std::move(w.bytes());
}

Status StoryClusterer::Load(std::string_view bytes, const std::string& origin) {
  auto fail = [&](const std::string& why, uint64_t offset) {
    *this = StoryClusterer(options_);
    return Status(StatusCode::kInvalidInput, why, origin, offset);
  };
  if (articles() != 0) return Status(StatusCode::kInvalidArgument, "Load() into a used clusterer");
  if (bytes.size() < 16) return fail("not a dossier cluster state (too short)", 0);
  uint64_t magic = 0, sum = 0;
  std::memcpy(&magic, bytes.data(), 8);
  std::memcpy(&sum, bytes.data() + bytes.size() - 8, 8);
  if (magic != kStateMagic) return fail("not a dossier cluster state (or another version)", 0);
  if (HashBytes(bytes.substr(0, bytes.size() - 8), kStateMagic) != sum) {
    return fail("damaged cluster state (checksum mismatch; truncated or changed)",
                bytes.size() - 8);
  }
  BinaryReader r(bytes.substr(0, bytes.size() - 8));
  r.U64(&magic);
  std::string settings;
  r.Str(&settings);
  if (r.ok() && settings != Settings()) {
    return fail(
        "the state was saved with other clustering settings; resume with the same "
        "clustering flags (and --weights file)",
        8);
  }
  std::vector<uint64_t> keys;
  uint64_t n = 0;
  bool ok = near_duplicates_.Load(&r) && r.Vec(&keys) && r.Vec(&df_) && r.Vec(&background_idf_) &&
            r.U64(&n);
  const size_t terms = keys.size();
  ok = ok && df_.size() == terms && background_idf_.size() == terms && n == terms;
  for (uint64_t i = 0; ok && i < n; ++i) ok = r.Str(&words_.emplace_back());
  postings_.resize(ok ? terms : 0);
  for (size_t i = 0; ok && i < postings_.size(); ++i) ok = r.Vec(&postings_[i]);
  ok = ok && sentences_.Load(&r) && r.U64(&n) && n <= bytes.size();
  auto centroid = [&](Centroid* c) {
    bool good = r.Vec(&c->terms) && r.Pod(&c->norm);
    for (const Weighted& w : c->terms) good = good && w.term < terms;
    return good;
  };
  for (uint64_t i = 0; ok && i < n; ++i) {
    StoryState& s = stories_.emplace_back();
    uint64_t k = 0;
    uint8_t open = 0, taken = 0;
    ok = r.Vec(&s.articles) && centroid(&s.centroid) && centroid(&s.names) && centroid(&s.lead) &&
         r.Vec(&s.outlets) && r.U64(&k) && k <= kKeywords;
    for (uint64_t j = 0; ok && j < k; ++j) ok = r.Str(&s.keywords.emplace_back());
    ok = ok && r.U32(&s.last_article) && r.U32(&s.number) && r.Pod(&s.first_day) &&
         r.Pod(&s.last_day) && r.Pod(&open) && open <= 1 && r.Pod(&taken) && taken <= 1 &&
         !(open && taken);
    s.open = open == 1;
    s.taken = taken == 1;
  }
  ok = ok && r.Vec(&open_ids_) && r.U64(&n) && n <= bytes.size();
  for (uint64_t i = 0; ok && i < n; ++i) {
    Story& o = closed_out_.emplace_back();
    uint64_t k = 0;
    uint8_t furniture = 0;
    ok = r.Vec(&o.articles) && r.U64(&k) && k <= bytes.size();
    for (uint64_t j = 0; ok && j < k; ++j) ok = r.Vec(&o.duplicates.emplace_back());
    ok = ok && r.U64(&k) && k <= kKeywords;
    for (uint64_t j = 0; ok && j < k; ++j) ok = r.Str(&o.keywords.emplace_back());
    ok = ok && r.Pod(&o.first_day) && r.Pod(&o.last_day) && r.Pod(&furniture) && furniture <= 1;
    o.furniture = furniture == 1;
  }
  std::vector<uint32_t> parents;  // the copy groups' union-find
  ok = ok && r.Vec(&closed_in_) && closed_in_.size() == terms && r.Vec(&last_seen_) &&
       last_seen_.size() == terms && r.U32(&terms_after_forget_) && terms_after_forget_ <= terms &&
       r.U32(&articles_) && r.U32(&stories_made_) && r.U32(&held_after_compact_) &&
       r.Vec(&number_) && r.Vec(&parents) && r.Vec(&story_of_);
  const size_t count = story_of_.size();
  vectors_.resize(ok ? count : 0);
  for (size_t i = 0; ok && i < count; ++i) {
    ok = r.Vec(&vectors_[i]);
    for (const Weighted& w : vectors_[i]) ok = ok && w.term < terms;
  }
  ok = ok && r.Vec(&copies_) && r.Vec(&furniture_) && r.U32(&open_) && r.Pod(&newest_day_) &&
       r.Vec(&day_counts_) && r.done();
  // Every number must point inside what it indexes.
  ok = ok && near_duplicates_.size() == articles_ && copies_.size() == count &&
       furniture_.size() == count && number_.size() == count && parents.size() == count &&
       count <= articles_ && stories_.size() <= stories_made_ && held_after_compact_ <= count;
  // Article numbers ascending and below the articles added, parents no later
  // than their articles.
  for (size_t a = 0; ok && a < count; ++a) {
    ok = number_[a] < articles_ && (a == 0 || number_[a - 1] < number_[a]);
  }
  ok = ok && copy_groups_.SetParents(std::move(parents));
  for (size_t t = 0; ok && t < postings_.size(); ++t) {
    for (uint32_t a : postings_[t]) ok = ok && (a == kDropped || a < count);
    ok = ok && last_seen_[t] < articles_;
  }
  for (uint32_t s : story_of_) ok = ok && (s == kDropped || s < stories_.size());
  for (uint32_t s : open_ids_) ok = ok && s < stories_.size();
  for (const Story& o : closed_out_) {
    for (uint32_t a : o.articles) ok = ok && a < articles_;
    for (const std::vector<uint32_t>& d : o.duplicates) {
      for (uint32_t a : d) ok = ok && a < articles_;
    }
  }
  for (const StoryState& s : stories_) {
    for (uint32_t a : s.articles) ok = ok && a < count;
    ok = ok && s.number < stories_made_ && (s.articles.empty() || s.last_article < articles_);
  }
  if (!ok) {
    const uint64_t at = r.ok() ? r.offset() : r.error_offset();
    return fail("damaged cluster state (bad value)", at);
  }
  term_ids_ = FlatIdMap(terms);
  for (uint64_t k : keys) term_ids_.Intern(k);
  copies_oldest_ = near_duplicates_.oldest();
  scores_.assign(count, -1.0f);
  story_best_.assign(stories_.size(), -1e9f);
  for (uint32_t a = 0; a < count; ++a) {
    if (story_of_[a] == kDropped || !stories_[story_of_[a]].open) scores_[a] = kClosed;
  }
  // An open story's articles in its centroid: those with a vector.
  for (StoryState& s : stories_) {
    s.distinct = 0;
    for (uint32_t a : s.articles) s.distinct += vectors_[a].empty() ? 0 : 1;
  }
  return Status::Ok();
}

}  // namespace dossier
