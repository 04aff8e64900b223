// Fuzz target: a JSON Lines stream of articles (ReadJsonlDocuments, one
// document at a time) -> analysis -> StoryClusterer, as corpus mode feeds it,
// with the default options or with small windows and thresholds. Features
// index inside themselves; Add() returns an existing story; Stories() puts
// every article in exactly one story, numbers stories in order of their
// first article, lists articles in stream order, keeps duplicate groups inside
// their story, and does not change the clusterer's state.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/story_clusterer.h"
#include "fuzz_checks.h"
#include "ingest/readers.h"

namespace {

using dossier::fuzz::Require;

void CheckFeatures(const dossier::Document& doc, const dossier::ArticleFeatures& f) {
  Require(f.day == dossier::DaysFromIsoDate(doc.date));
  Require(f.sentences.size() == doc.sentences.size());
  Require(f.content_words <= doc.tokens.size());
  uint32_t last = 0;
  for (const dossier::ArticleFeatures::SentenceTerms& s : f.sentences) {
    Require(s.begin == last && s.begin <= s.end && s.end <= f.occurrences.size());
    last = s.end;
  }
  Require(last == f.occurrences.size());
  for (const dossier::ArticleFeatures::Occurrence& o : f.occurrences) {
    Require(o.term < f.terms.size() && o.count > 0);
  }
  for (const dossier::ArticleFeatures::Term& t : f.terms) {
    Require(t.count > 0 && dossier::IsValidUtf8(t.word));
  }
}

bool SameStories(const std::vector<dossier::StoryClusterer::Story>& a,
                 const std::vector<dossier::StoryClusterer::Story>& b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k) {
    if (a[k].id != b[k].id || a[k].articles != b[k].articles ||
        a[k].duplicates != b[k].duplicates || a[k].keywords != b[k].keywords ||
        a[k].first_day != b[k].first_day || a[k].last_day != b[k].last_day ||
        a[k].furniture != b[k].furniture) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  StoryClustererOptions options;
  if (size % 2 == 1) {
    // Small windows and thresholds, so that the rarer paths run on short streams.
    options.window_days = 1;
    options.window_articles = 2;
    options.furniture_copies = 2;
    options.boilerplate_repeats = 1;
    options.min_content_words = 2;
    options.index_terms = 3;
    options.query_terms = 2;
    options.undated_threshold = 0.05;
    options.join_threshold = -2.0;
  }
  StoryClusterer clusterer(options);
  // The same stream, streamed: stories handed out as they close.
  StoryClusterer streamed(options);
  streamed.EnableTakeClosed();
  std::vector<StoryClusterer::Story> taken;
  const Pipeline& pipeline = fuzz::FuzzPipeline();
  Pipeline::Scratch scratch = pipeline.NewScratch();
  std::vector<Diagnostic> diags;
  uint32_t added = 0;
  ReadJsonlDocuments(
      bytes, "fuzz.jsonl", {},
      [&](Document&& doc) {
        pipeline.Analyze(&doc, &scratch);
        fuzz::CheckDocument(doc);
        const ArticleFeatures f = StoryClusterer::Features(doc, clusterer.options());
        CheckFeatures(doc, f);
        const uint32_t story = clusterer.Add(f);
        streamed.Add(f);
        // Taken now and then, so some closed stories wait in the saved state.
        if (added % 3 == 0) {
          for (StoryClusterer::Story& s : streamed.TakeClosed()) taken.push_back(std::move(s));
        }
        ++added;
        Require(clusterer.articles() == added);
        Require(story < clusterer.stories());
        Require(clusterer.open_stories() <= clusterer.stories());
      },
      &diags);

  const std::vector<StoryClusterer::Story> stories = clusterer.Stories();
  std::vector<int> story_of(added, -1);
  uint32_t last_first = 0;
  for (uint32_t k = 0; k < stories.size(); ++k) {
    const StoryClusterer::Story& s = stories[k];
    Require(s.id == k);
    Require(!s.articles.empty());
    Require(k == 0 || s.articles.front() > last_first);
    last_first = s.articles.front();
    for (size_t i = 0; i < s.articles.size(); ++i) {
      const uint32_t a = s.articles[i];
      Require(a < added && story_of[a] == -1);
      Require(i == 0 || a > s.articles[i - 1]);
      story_of[a] = static_cast<int>(k);
    }
    if (s.furniture) Require(s.articles.size() == 1);
    Require(s.keywords.size() <= 8);
    for (const std::string& w : s.keywords) Require(!w.empty() && IsValidUtf8(w));
    if (s.first_day != StoryClusterer::kNoDay || s.last_day != StoryClusterer::kNoDay) {
      Require(s.first_day != StoryClusterer::kNoDay && s.last_day != StoryClusterer::kNoDay);
      Require(s.first_day <= s.last_day);
    }
    std::vector<char> in_group(added, 0);
    for (const std::vector<uint32_t>& group : s.duplicates) {
      Require(group.size() >= 2);
      for (size_t i = 0; i < group.size(); ++i) {
        Require(group[i] < added && story_of[group[i]] == static_cast<int>(k));
        Require(i == 0 || group[i] > group[i - 1]);
        Require(!in_group[group[i]]);
        in_group[group[i]] = 1;
      }
    }
  }
  for (int s : story_of) Require(s >= 0);
  Require(SameStories(stories, clusterer.Stories()));
  // Streamed: the stories taken along the way, those still waiting, and the
  // ones still open hold every article exactly once; the state (with stories
  // waiting) loads back to the same bytes.
  const std::string streamed_state = streamed.Save();
  StoryClusterer streamed_again(options);
  Require(streamed_again.Load(streamed_state, "state").ok());
  Require(streamed_again.Save() == streamed_state);
  for (StoryClusterer::Story& s : streamed.TakeClosed()) taken.push_back(std::move(s));
  for (StoryClusterer::Story& s : streamed.Stories()) taken.push_back(std::move(s));
  std::vector<int> seen(added, 0);
  for (const StoryClusterer::Story& s : taken) {
    Require(!s.articles.empty());
    for (uint32_t a : s.articles) {
      Require(a < added);
      ++seen[a];
    }
    for (const std::vector<uint32_t>& group : s.duplicates) Require(group.size() >= 2);
  }
  for (int n : seen) Require(n == 1);
  // The saved state loads back to the same stories and the same bytes, and
  // every truncation of it is refused.
  const std::string state = clusterer.Save();
  StoryClusterer resumed(options);
  Require(resumed.Load(state, "state").ok());
  Require(SameStories(stories, resumed.Stories()));
  Require(resumed.Save() == state);
  for (size_t keep = 0; keep < state.size(); keep += 1 + state.size() / 16) {
    StoryClusterer cut(options);
    Require(!cut.Load(std::string_view(state).substr(0, keep), "state").ok());
    Require(cut.articles() == 0);
  }
  return 0;
}
