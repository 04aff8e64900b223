#include "cluster/story_clusterer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "corpus/corpus_run.h"
#include "dossier/document.h"
#include "dossier/pipeline.h"

namespace dossier {
namespace {

// Short invented news texts, three events of different topics plus a second
// event that shares a topic word ("strike") with the first.
constexpr const char* kDockStrike1 =
    "Dockworkers at the Port of Calderport walked off the job on Monday in a dispute over "
    "automated cranes. Federation secretary Ines Varga said the Calderport Port Authority had "
    "refused to guarantee jobs for crane operators at the Westmole terminal. \"We are not against "
    "machines,\" Varga said. Fourteen container ships waited at anchor outside Calderport.";
constexpr const char* kDockStrike2 =
    "The dockworkers' walkout at Calderport entered a second day as container ships queued "
    "outside the harbour. Ines Varga, who leads the dockworkers' federation, demanded a written "
    "guarantee for crane operators. Port Authority chief Rupert Alcott said the Westmole "
    "terminal cranes would be automated as planned.";
constexpr const char* kDockStrike3 =
    "A mediator met Calderport dockworkers and the Port Authority on Wednesday. Varga said the "
    "federation would accept a shorter job guarantee for crane operators, while Alcott insisted "
    "that automation of the Westmole terminal could not wait. Nineteen container ships remained "
    "at anchor.";
constexpr const char* kWildfire =
    "A wildfire tore through pine forest in the Serrano Hills, forcing the evacuation of "
    "villagers from Almera Vale. Fire chief Dolores Keane said gusty easterly winds carried "
    "embers far ahead of the front. Water-bombing aircraft and helicopters fought the blaze "
    "until nightfall near Pedraza.";
constexpr const char* kRateCut =
    "The Bank of Norland lowered its benchmark interest rate by a quarter point, citing cooling "
    "inflation. Governor Henrik Aasgaard told a press conference that borrowing costs would fall "
    "slowly. Mortgage lenders Fjordline and Kestrel Savings promised cheaper variable mortgages "
    "from October.";
constexpr const char* kBusStrike =
    "Bus drivers in Vellmouth began a strike over pay, leaving commuters to walk or crowd onto "
    "trams. Guild representative Marco Delacroix said the transit company offered drivers a "
    "raise below inflation. Vellmouth Transit director Claire Hollis called the walkout "
    "disproportionate and asked for conciliation.";

constexpr const char* kTransfer =
    "Harbour City Rovers signed striker Emeka Danjuma from Porto Vell for a club record fee. "
    "Manager Silvia Kross said the forward would make his debut against Ashby Town on "
    "Saturday. Danjuma scored nineteen league goals last season.";
constexpr const char* kMuseum =
    "The Meridian Museum of Maritime History reopened after a four-year renovation. Curator "
    "Odile Fenwick showed visitors a restored whaling schooner and a gallery of ship "
    "figureheads. Tickets for the opening weekend sold out within hours.";
constexpr const char* kElection =
    "Voters in the Lakeside district elected Teodor Brandt as their new council leader after a "
    "close count. Brandt promised cheaper school meals and a new library. Turnout reached its "
    "highest level in two decades.";

class StoryClustererTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = new Pipeline(std::move(*p));
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }

  // `text` analysed as a document dated `date` ("" for none).
  static Document Analyzed(const std::string& text, const std::string& date = "") {
    Document doc;
    doc.raw = text;
    doc.text = doc.raw;
    doc.map = OffsetMap::Identity(static_cast<uint32_t>(doc.text.size()));
    Pipeline::Scratch scratch = pipeline_->NewScratch();
    pipeline_->Analyze(&doc, &scratch);
    doc.date = date;
    return doc;
  }

  // Adds each text (undated) in order; returns the stories.
  static std::vector<StoryClusterer::Story> Cluster(const std::vector<std::string>& texts,
                                                    StoryClustererOptions options = {}) {
    StoryClusterer clusterer(options);
    for (const std::string& t : texts) {
      clusterer.Add(StoryClusterer::Features(Analyzed(t), clusterer.options()));
    }
    EXPECT_EQ(clusterer.articles(), texts.size());
    return clusterer.Stories();
  }

  // The article lists of `stories`, in story order.
  static std::vector<std::vector<uint32_t>> Articles(
      const std::vector<StoryClusterer::Story>& stories) {
    std::vector<std::vector<uint32_t>> out;
    for (const StoryClusterer::Story& s : stories) out.push_back(s.articles);
    return out;
  }

  static Pipeline* pipeline_;
};

Pipeline* StoryClustererTest::pipeline_ = nullptr;

using ArticleLists = std::vector<std::vector<uint32_t>>;

TEST_F(StoryClustererTest, SameEventJoinsOneStoryOtherEventsStandApart) {
  std::vector<StoryClusterer::Story> stories =
      Cluster({kDockStrike1, kWildfire, kDockStrike2, kRateCut, kBusStrike, kDockStrike3});
  EXPECT_EQ(Articles(stories), (ArticleLists{{0, 2, 5}, {1}, {3}, {4}}));
  for (uint32_t k = 0; k < stories.size(); ++k) {
    EXPECT_EQ(stories[k].id, k);
    EXPECT_FALSE(stories[k].furniture);
    EXPECT_TRUE(stories[k].duplicates.empty());
    EXPECT_EQ(stories[k].first_day, StoryClusterer::kNoDay);
  }
  // The dock strike's keywords come from its own articles.
  const std::vector<std::string>& kw = stories[0].keywords;
  ASSERT_FALSE(kw.empty());
  EXPECT_LE(kw.size(), 8u);
  bool names_the_event = false;
  for (const std::string& w : kw) {
    names_the_event = names_the_event || w == "calderport" || w == "varga" || w == "westmole";
    EXPECT_NE(w, "wildfire");
    EXPECT_NE(w, "vellmouth");
  }
  EXPECT_TRUE(names_the_event) << ::testing::PrintToString(kw);
}

TEST_F(StoryClustererTest, DatelinePlaceCountsAsNamesOfTheFirstSentence) {
  // The place a wire story was filed from is what its updates share; the
  // dateline is set apart from the first sentence, so its words come back as
  // names, not the agency, the dash or the date.
  auto featurize = [](const std::string& text) {
    Document doc;
    doc.raw = text;
    doc.text = doc.raw;
    doc.map = OffsetMap::Identity(static_cast<uint32_t>(doc.text.size()));
    Pipeline::Scratch scratch = pipeline_->NewScratch();
    return FeaturizeArticle(*pipeline_, {}, &doc, &scratch);
  };
  const std::string body = "Officials offered no word on what caused the blaze at the hall.";
  const ArticleFeatures with = featurize("KESTRELVIK, North Keld (Harbor Wire) _ " + body);
  const ArticleFeatures without = featurize(body);
  auto words = [](const ArticleFeatures& f) {
    std::vector<std::string> out;
    for (const ArticleFeatures::Occurrence& o : f.occurrences) {
      out.push_back(f.terms[o.term].word + (o.name ? "*" : ""));
    }
    return out;
  };
  std::vector<std::string> expected = {"kestrelvik*", "north*", "keld*"};
  for (const std::string& w : words(without)) expected.push_back(w);
  EXPECT_EQ(words(with), expected);
  ASSERT_EQ(with.sentences.size(), without.sentences.size());
  EXPECT_EQ(with.sentences[0].hash, without.sentences[0].hash);  // not boilerplate by its dateline
  EXPECT_EQ(with.content_words, without.content_words + 3);
}

TEST_F(StoryClustererTest, VerbatimCopyJoinsItsOriginalAsDuplicate) {
  const std::string wire_copy = kWildfire;
  std::vector<StoryClusterer::Story> stories =
      Cluster({kWildfire, kRateCut, kDockStrike1, wire_copy, kBusStrike});
  EXPECT_EQ(Articles(stories), (ArticleLists{{0, 3}, {1}, {2}, {4}}));
  ASSERT_EQ(stories[0].duplicates.size(), 1u);
  EXPECT_EQ(stories[0].duplicates[0], (std::vector<uint32_t>{0, 3}));
  for (size_t k = 1; k < stories.size(); ++k) EXPECT_TRUE(stories[k].duplicates.empty());
  EXPECT_FALSE(stories[0].furniture);
}

TEST_F(StoryClustererTest, CopyWithChangedFirstLineIsStillADuplicate) {
  const std::string copy = std::string("This story was supplied by a wire service.\n\n") + kRateCut;
  std::vector<StoryClusterer::Story> stories = Cluster({kRateCut, kDockStrike1, copy});
  EXPECT_EQ(Articles(stories), (ArticleLists{{0, 2}, {1}}));
  ASSERT_EQ(stories[0].duplicates.size(), 1u);
  EXPECT_EQ(stories[0].duplicates[0], (std::vector<uint32_t>{0, 2}));
}

TEST_F(StoryClustererTest, ShortNoticeCopiedFiveTimesIsFurnitureNotAStory) {
  const std::string notice =
      "Subscribe to our newsletter for the morning headlines from Calderport and the region. "
      "You can unsubscribe at any time from your account settings page.";
  // Five pages whose article was not captured, only the notice, among news.
  std::vector<StoryClusterer::Story> stories =
      Cluster({notice, kDockStrike1, notice, notice, kWildfire, notice, notice, kDockStrike2});
  // Articles 0, 2, 3, 5, 6 are furniture singletons; the news is untouched.
  EXPECT_EQ(Articles(stories), (ArticleLists{{0}, {1, 7}, {2}, {3}, {4}, {5}, {6}}));
  const std::vector<uint32_t> notices = {0, 2, 3, 5, 6};
  for (const StoryClusterer::Story& s : stories) {
    const bool is_notice =
        std::find(notices.begin(), notices.end(), s.articles[0]) != notices.end();
    EXPECT_EQ(s.furniture, is_notice) << "story of article " << s.articles[0];
    EXPECT_TRUE(s.duplicates.empty()) << "story of article " << s.articles[0];
  }
}

TEST_F(StoryClustererTest, NoticeCopiedFourTimesIsNotYetFurniture) {
  const std::string notice =
      "Subscribe to our newsletter for the morning headlines from Calderport and the region. "
      "You can unsubscribe at any time from your account settings page.";
  std::vector<StoryClusterer::Story> stories =
      Cluster({notice, kDockStrike1, notice, notice, notice});
  // Below furniture_copies the copies are an ordinary duplicate group.
  EXPECT_EQ(Articles(stories), (ArticleLists{{0, 2, 3, 4}, {1}}));
  EXPECT_FALSE(stories[0].furniture);
  ASSERT_EQ(stories[0].duplicates.size(), 1u);
  EXPECT_EQ(stories[0].duplicates[0], (std::vector<uint32_t>{0, 2, 3, 4}));
}

TEST_F(StoryClustererTest, RepeatedSignOffDoesNotGlueUnrelatedArticles) {
  // One outlet's sign-off, full of names, appended to its articles: first to
  // two articles of one event, then to articles about other events.
  const std::string sign_off =
      " Reporting by Mara Quill, Tobias Renn, Ingrid Solvang and Piet Okonkwo for the Northern "
      "Ledger. Editing by Hester Graaf and Lionel Abara of the Northern Ledger foreign desk in "
      "Brennvik. Readers can reach the Northern Ledger newsroom at the Kingsgate bureau.";
  const std::vector<std::string> texts = {
      kMuseum,
      kElection,
      kTransfer,
      kDockStrike1 + sign_off,
      kDockStrike2 + sign_off,
      kWildfire + sign_off,
      kRateCut + sign_off,
      kBusStrike + sign_off,
  };
  std::vector<StoryClusterer::Story> stories = Cluster(texts);
  // Only the two dock strike articles share a story.
  EXPECT_EQ(Articles(stories), (ArticleLists{{0}, {1}, {2}, {3, 4}, {5}, {6}, {7}}));
  for (const StoryClusterer::Story& s : stories) {
    EXPECT_FALSE(s.furniture);
    EXPECT_TRUE(s.duplicates.empty());
  }
  // The control: were the sign-off counted as news, it would glue.
  StoryClustererOptions counted;
  counted.boilerplate_repeats = 1000;
  EXPECT_LT(Cluster(texts, counted).size(), stories.size());
}

TEST_F(StoryClustererTest, ArticleOfOnlyBoilerplateIsFurniture) {
  const std::string sign_off =
      "Reporting by the Northern Ledger newsroom in Calderport; editing by Mara Quill and Tobias "
      "Renn of the Northern Ledger foreign desk.";
  // After two earlier articles hold the sign-off, a page holding nothing else
  // has no news words left.
  std::vector<StoryClusterer::Story> stories =
      Cluster({kWildfire + (" " + sign_off), kRateCut + (" " + sign_off), sign_off});
  ASSERT_EQ(stories.size(), 3u);
  EXPECT_EQ(Articles(stories), (ArticleLists{{0}, {1}, {2}}));
  EXPECT_FALSE(stories[0].furniture);
  EXPECT_FALSE(stories[1].furniture);
  EXPECT_TRUE(stories[2].furniture);
}

// The dated stream of the two tests below: other news, then the dock strike
// articles dated `first`, `second` and `third`.
std::vector<StoryClusterer::Story> DatedStream(StoryClusterer* clusterer,
                                               const std::vector<Document>& docs) {
  for (const Document& d : docs) {
    clusterer->Add(StoryClusterer::Features(d, clusterer->options()));
  }
  return clusterer->Stories();
}

TEST_F(StoryClustererTest, ArticlesOutsideTheDayWindowAreSeparateStories) {
  StoryClustererOptions options;
  options.window_days = 7;
  StoryClusterer clusterer(options);
  std::vector<StoryClusterer::Story> stories = DatedStream(
      &clusterer, {Analyzed(kWildfire, "2025-09-01"), Analyzed(kRateCut, "2025-09-01"),
                   Analyzed(kDockStrike1, "2025-09-01"), Analyzed(kBusStrike, "2025-09-30"),
                   // 30 days after the first dock strike article.
                   Analyzed(kDockStrike2, "2025-10-01"),
                   // Within 7 days of the second one.
                   Analyzed(kDockStrike3, "2025-10-03")});
  EXPECT_EQ(Articles(stories), (ArticleLists{{0}, {1}, {2}, {3}, {4, 5}}));
  ASSERT_EQ(stories.size(), 5u);
  EXPECT_EQ(stories[2].first_day, DaysFromIsoDate("2025-09-01"));
  EXPECT_EQ(stories[2].last_day, DaysFromIsoDate("2025-09-01"));
  EXPECT_EQ(stories[4].first_day, DaysFromIsoDate("2025-10-01"));
  EXPECT_EQ(stories[4].last_day, DaysFromIsoDate("2025-10-03"));
}

TEST_F(StoryClustererTest, SameArticlesWithinTheWindowJoin) {
  // The control for the test above: 5 days apart, they are one story.
  StoryClustererOptions options;
  options.window_days = 7;
  StoryClusterer clusterer(options);
  std::vector<StoryClusterer::Story> stories = DatedStream(
      &clusterer, {Analyzed(kWildfire, "2025-09-01"), Analyzed(kRateCut, "2025-09-01"),
                   Analyzed(kDockStrike1, "2025-09-01"), Analyzed(kBusStrike, "2025-09-05"),
                   Analyzed(kDockStrike2, "2025-09-06"), Analyzed(kDockStrike3, "2025-09-08")});
  EXPECT_EQ(Articles(stories), (ArticleLists{{0}, {1}, {2, 4, 5}, {3}}));
  ASSERT_EQ(stories.size(), 4u);
  EXPECT_EQ(stories[2].first_day, DaysFromIsoDate("2025-09-01"));
  EXPECT_EQ(stories[2].last_day, DaysFromIsoDate("2025-09-08"));
}

// Features of a synthetic article with words no other article has: a story
// of its own that never joins another, cheap enough to add a thousand.
ArticleFeatures FillerFeatures(uint32_t n, const StoryClustererOptions& options) {
  ArticleFeatures f;
  std::vector<uint64_t> hashes;
  for (uint32_t w = 0; w < 8; ++w) {
    const uint64_t h = 0x5bd1e995ULL * (uint64_t{n} * 16 + w + 1) + 0x1234567ULL;
    hashes.push_back(h);
    f.terms.push_back({h, 1.0f, "filler" + std::to_string(n) + "x" + std::to_string(w)});
    f.occurrences.push_back({w, 1.0f});
  }
  f.content_words = 8;
  f.sentences.push_back({0x9e3779b97f4a7c15ULL ^ (uint64_t{n} << 20), 0, 8});
  f.signature = NearDuplicateIndex::ComputeSignature(hashes, options.near_duplicates);
  return f;
}

TEST_F(StoryClustererTest, QuietStoryClosesAfterWindowArticles) {
  StoryClustererOptions options;
  options.window_articles = 3;
  StoryClusterer clusterer(options);
  const ArticleFeatures dock1 = StoryClusterer::Features(Analyzed(kDockStrike1), options);
  const ArticleFeatures dock2 = StoryClusterer::Features(Analyzed(kDockStrike2), options);
  const uint32_t first = clusterer.Add(dock1);
  EXPECT_EQ(clusterer.open_stories(), 1u);
  // Closing is checked in sweeps (every 1024 articles, or window_articles if
  // fewer); two thousand quiet articles are far more than window_articles.
  for (uint32_t n = 0; n < 2000; ++n) clusterer.Add(FillerFeatures(n, options));
  EXPECT_EQ(clusterer.stories(), 2001u);
  EXPECT_LT(clusterer.open_stories(), clusterer.stories());
  EXPECT_LE(clusterer.open_stories(), 2001u - 1024u + 3u);
  // The closed dock strike story takes no more articles: the follow-up starts
  // a new story.
  const uint32_t follow_up = clusterer.Add(dock2);
  EXPECT_NE(follow_up, first);
  std::vector<StoryClusterer::Story> stories = clusterer.Stories();
  ASSERT_EQ(stories.size(), 2002u);
  EXPECT_EQ(stories.front().articles, (std::vector<uint32_t>{0}));
  EXPECT_EQ(stories.back().articles, (std::vector<uint32_t>{2001}));
  // Keywords of a closed story are kept.
  EXPECT_FALSE(stories.front().keywords.empty());
}

TEST_F(StoryClustererTest, ClosedStoriesTakenAlongTheWayAreTheStoriesOfOneListing) {
  // Streaming: the stories handed out as they close, then the ones still
  // open, are the stories Stories() lists at the end of the same stream.
  StoryClustererOptions options;
  options.window_articles = 3;
  std::vector<ArticleFeatures> stream;
  for (const char* text : {kDockStrike1, kDockStrike2}) {
    stream.push_back(StoryClusterer::Features(Analyzed(text), options));
  }
  for (uint32_t n = 0; n < 6; ++n) stream.push_back(FillerFeatures(n, options));
  for (const char* text : {kWildfire, kDockStrike3, kRateCut, kDockStrike1}) {
    stream.push_back(StoryClusterer::Features(Analyzed(text), options));
  }
  for (uint32_t n = 6; n < 12; ++n) stream.push_back(FillerFeatures(n, options));

  StoryClusterer whole(options), streamed(options);
  streamed.EnableTakeClosed();
  std::vector<StoryClusterer::Story> taken;
  for (const ArticleFeatures& f : stream) {
    whole.Add(f);
    streamed.Add(f);
    for (StoryClusterer::Story& s : streamed.TakeClosed()) taken.push_back(std::move(s));
  }
  const size_t closed = taken.size();
  for (StoryClusterer::Story& s : streamed.Stories()) taken.push_back(std::move(s));
  const std::vector<StoryClusterer::Story> listed = whole.Stories();
  EXPECT_GT(closed, 5u);  // most closed on the way
  EXPECT_LT(streamed.Stories().size(), listed.size());
  auto sorted = [](const std::vector<StoryClusterer::Story>& stories) {
    std::vector<std::pair<std::vector<uint32_t>, std::vector<std::string>>> out;
    for (const StoryClusterer::Story& s : stories) out.emplace_back(s.articles, s.keywords);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(sorted(taken), sorted(listed));
  // The dock strike closed after its first two articles: the third report,
  // after six quiet articles, starts a story, and the first one repeated
  // later joins that one (the closed story is final).
  EXPECT_EQ(taken.front().articles, (std::vector<uint32_t>{0, 1}));
  EXPECT_FALSE(taken.front().keywords.empty());
  bool follow_ups = false;
  for (const StoryClusterer::Story& s : listed) {
    follow_ups = follow_ups || s.articles == std::vector<uint32_t>{9, 11};
  }
  EXPECT_TRUE(follow_ups) << ::testing::PrintToString(Articles(listed));
  // Nothing is handed out twice.
  EXPECT_TRUE(streamed.TakeClosed().empty());
  // Saved with closed stories not yet taken, and resumed: the same stories.
  StoryClusterer first(options);
  first.EnableTakeClosed();
  for (size_t k = 0; k < 10; ++k) first.Add(stream[k]);
  StoryClusterer resumed(options);
  ASSERT_TRUE(resumed.Load(first.Save(), "state").ok());
  resumed.EnableTakeClosed();
  for (size_t k = 10; k < stream.size(); ++k) resumed.Add(stream[k]);
  std::vector<StoryClusterer::Story> again = resumed.TakeClosed();
  EXPECT_EQ(again.size(), closed);
  for (StoryClusterer::Story& s : resumed.Stories()) again.push_back(std::move(s));
  EXPECT_EQ(sorted(again), sorted(listed));
}

TEST_F(StoryClustererTest, LongStreamIsHeldInMemoryBoundedByTheWindow) {
  // Streaming 10,000 articles through a window of 50: the clusterer drops
  // what it no longer needs and renumbers the rest, so it holds a bounded
  // number of articles and stories, and lists exactly the stories of one
  // listing at the end of the stream. The stream mixes what must survive
  // renumbering: a story open throughout (a report every 40 articles), a
  // notice copied every 13 articles (furniture: its group's first article,
  // long gone from the window, keeps the count), and copies of articles 60
  // back, whose stories have closed (they start stories of their own).
  StoryClustererOptions options;
  options.window_articles = 50;
  // A developing story's reports: 14 words of its own in every report, one
  // new word in the middle (too different to be copies, close enough to join).
  auto report = [&](uint32_t n) {
    ArticleFeatures f;
    std::vector<uint64_t> hashes;
    for (uint32_t w = 0; w < 15; ++w) {
      const uint64_t h = w == 7 ? 0x9ddfea08eb382d69ULL * (n + 1) : 0x2545f4914f6cdd1dULL * (w + 1);
      hashes.push_back(h);
      f.terms.push_back({h, 1.0f, "report" + std::to_string(w == 7 ? n : w)});
      f.occurrences.push_back({w, 1.0f});
    }
    f.content_words = 15;
    f.sentences.push_back({0x51af0c2b3d5e7a91ULL ^ (uint64_t{n} << 20), 0, 15});
    f.signature = NearDuplicateIndex::ComputeSignature(hashes, options.near_duplicates);
    return f;
  };
  std::vector<ArticleFeatures> stream;
  for (uint32_t i = 0; i < 10000; ++i) {
    if (i % 40 == 7) {
      stream.push_back(report(i));
    } else if (i % 97 == 3 && i >= 60) {
      stream.push_back(FillerFeatures(i - 60, options));
    } else if (i % 13 == 5) {
      stream.push_back(FillerFeatures(1000000, options));
    } else {
      stream.push_back(FillerFeatures(i, options));
    }
  }
  StoryClusterer whole(options), streamed(options);
  streamed.EnableTakeClosed();
  std::vector<StoryClusterer::Story> taken;
  uint32_t most_articles = 0, most_stories = 0;
  std::string state;
  size_t taken_at_save = 0;
  uint32_t terms_at_save = 0;
  std::vector<uint32_t> numbers;  // the story each article joined
  for (size_t k = 0; k < stream.size(); ++k) {
    numbers.push_back(whole.Add(stream[k]));
    EXPECT_EQ(numbers.back(), streamed.Add(stream[k])) << k;
    for (StoryClusterer::Story& s : streamed.TakeClosed()) taken.push_back(std::move(s));
    most_articles = std::max(most_articles, streamed.held_articles());
    most_stories = std::max(most_stories, streamed.held_stories());
    if (k == 9700) {
      state = streamed.Save();
      taken_at_save = taken.size();
      terms_at_save = streamed.held_terms();
    }
  }
  // Renumbered several times. Needed at most: the 50 to 100 articles the
  // near-duplicate index may name, the stories open in the window (50 to 100
  // of one article), the developing story's 150, the notice's first. Held at
  // most: twice that plus the 1,024 slots freed before renumbering (and a
  // sweep's 50), about 1,900, however long the stream; the whole run holds
  // all 10,000.
  EXPECT_EQ(whole.held_articles(), 10000u);
  EXPECT_LT(most_articles, 2000u);
  EXPECT_LT(most_stories, 2000u);
  EXPECT_LT(streamed.held_articles(), 2000u);
  for (StoryClusterer::Story& s : streamed.Stories()) taken.push_back(std::move(s));
  const std::vector<StoryClusterer::Story> listed = whole.Stories();
  auto sorted = [](const std::vector<StoryClusterer::Story>& stories) {
    std::vector<std::tuple<std::vector<uint32_t>, std::vector<std::vector<uint32_t>>,
                           std::vector<std::string>, bool>>
        out;
    for (const StoryClusterer::Story& s : stories) {
      out.emplace_back(s.articles, s.duplicates, s.keywords, s.furniture);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(sorted(taken), sorted(listed));
  // Pipelined as CorpusRun runs it: Precede on a thread of its own, as far
  // ahead of Add as it gets (Add waits for each article's precedents). The
  // same story for every article, through every renumbering.
  StoryClusterer pipelined(options);
  pipelined.EnableTakeClosed();
  std::vector<StoryClusterer::Precedents> precedents(stream.size());
  std::atomic<size_t> preceded{0};
  std::thread ahead([&] {
    for (size_t k = 0; k < stream.size(); ++k) {
      precedents[k] = pipelined.Precede(stream[k]);
      preceded.store(k + 1, std::memory_order_release);
    }
  });
  std::vector<StoryClusterer::Story> piped;
  for (size_t k = 0; k < stream.size(); ++k) {
    while (preceded.load(std::memory_order_acquire) <= k) std::this_thread::yield();
    EXPECT_EQ(pipelined.Add(stream[k], std::move(precedents[k])), numbers[k]) << k;
    for (StoryClusterer::Story& s : pipelined.TakeClosed()) piped.push_back(std::move(s));
  }
  ahead.join();
  for (StoryClusterer::Story& s : pipelined.Stories()) piped.push_back(std::move(s));
  EXPECT_EQ(sorted(piped), sorted(listed));
  // What the stream is meant to hold is there: one story takes the reports
  // from first to last, the notice's copies stand alone as furniture, and a
  // late copy starts a story with no duplicate group of the closed one.
  size_t dock_story = 0, furniture = 0;
  for (const StoryClusterer::Story& s : listed) {
    if (s.articles.size() > dock_story) dock_story = s.articles.size();
    furniture += s.furniture ? 1 : 0;
  }
  EXPECT_GE(dock_story, 240u);
  EXPECT_GE(furniture, 700u);
  // The vocabulary too: the filler articles bring 8 new words each, 75,000
  // in all; once 65,536 were held, those met in none of the last 50 articles
  // (and in no open story) were forgotten, in both runs alike.
  EXPECT_LT(streamed.held_terms(), 20000u);
  EXPECT_EQ(whole.held_terms(), streamed.held_terms());
  // Resumed from a state saved after renumbering and forgetting terms: the
  // same stories as the streamed run handed out after the save.
  EXPECT_LT(terms_at_save, 30000u);
  StoryClusterer resumed(options);
  ASSERT_TRUE(resumed.Load(state, "state").ok());
  resumed.EnableTakeClosed();
  std::vector<StoryClusterer::Story> again;
  for (size_t k = 9701; k < stream.size(); ++k) resumed.Add(stream[k]);
  for (StoryClusterer::Story& s : resumed.TakeClosed()) again.push_back(std::move(s));
  for (StoryClusterer::Story& s : resumed.Stories()) again.push_back(std::move(s));
  EXPECT_EQ(sorted(again),
            sorted(std::vector<StoryClusterer::Story>(
                taken.begin() + static_cast<ptrdiff_t>(taken_at_save), taken.end())));
  EXPECT_EQ(resumed.articles(), 10000u);
}

TEST_F(StoryClustererTest, QuietStoryTakesNoArticleBeforeTheSweep) {
  // The window is exact for joining: ten quiet articles exceed a window of
  // three, though no sweep has run yet.
  StoryClustererOptions options;
  options.window_articles = 3;
  StoryClusterer clusterer(options);
  const uint32_t first = clusterer.Add(StoryClusterer::Features(Analyzed(kDockStrike1), options));
  for (uint32_t n = 0; n < 10; ++n) clusterer.Add(FillerFeatures(n, options));
  EXPECT_NE(clusterer.Add(StoryClusterer::Features(Analyzed(kDockStrike2), options)), first);
  // With two quiet articles it still joins.
  StoryClusterer near(options);
  const uint32_t near_first = near.Add(StoryClusterer::Features(Analyzed(kDockStrike1), options));
  for (uint32_t n = 0; n < 2; ++n) near.Add(FillerFeatures(n, options));
  EXPECT_EQ(near.Add(StoryClusterer::Features(Analyzed(kDockStrike2), options)), near_first);
}

TEST_F(StoryClustererTest, OpenStoryStillTakesItsFollowUp) {
  // Control: the default window keeps the story open across the same stream.
  StoryClustererOptions options;
  StoryClusterer clusterer(options);
  const uint32_t first = clusterer.Add(StoryClusterer::Features(Analyzed(kDockStrike1), options));
  for (uint32_t n = 0; n < 2000; ++n) clusterer.Add(FillerFeatures(n, options));
  EXPECT_EQ(clusterer.open_stories(), 2001u);
  EXPECT_EQ(clusterer.Add(StoryClusterer::Features(Analyzed(kDockStrike2), options)), first);
}

TEST_F(StoryClustererTest, SameStreamGivesSameStories) {
  const std::string notice =
      "Subscribe to our newsletter for the morning headlines from Calderport and the region. "
      "You can unsubscribe at any time from your account settings page.";
  const std::vector<std::string> texts = {
      kDockStrike1, notice, kWildfire,  notice,    kRateCut,     notice,   kDockStrike2,
      notice,       notice, kBusStrike, kWildfire, kDockStrike3, kRateCut,
  };
  std::vector<StoryClusterer::Story> a = Cluster(texts);
  std::vector<StoryClusterer::Story> b = Cluster(texts);
  ASSERT_EQ(a.size(), b.size());
  ASSERT_GE(a.size(), 5u);
  for (size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(a[k].id, b[k].id);
    EXPECT_EQ(a[k].articles, b[k].articles);
    EXPECT_EQ(a[k].duplicates, b[k].duplicates);
    EXPECT_EQ(a[k].keywords, b[k].keywords);
    EXPECT_EQ(a[k].furniture, b[k].furniture);
    EXPECT_EQ(a[k].first_day, b[k].first_day);
    EXPECT_EQ(a[k].last_day, b[k].last_day);
  }
  // Stories() does not change the state: asking twice gives the same list.
  StoryClusterer clusterer({});
  for (const std::string& t : texts) clusterer.Add(StoryClusterer::Features(Analyzed(t), {}));
  std::vector<StoryClusterer::Story> c1 = clusterer.Stories();
  std::vector<StoryClusterer::Story> c2 = clusterer.Stories();
  ASSERT_EQ(c1.size(), a.size());
  for (size_t k = 0; k < c1.size(); ++k) {
    EXPECT_EQ(c1[k].articles, a[k].articles);
    EXPECT_EQ(c1[k].articles, c2[k].articles);
    EXPECT_EQ(c1[k].keywords, c2[k].keywords);
  }
}

// A dated stream for the resume tests: the dock strike and other news over
// two weeks, fillers between them so that stories close (window of 40
// articles, sweeps every 1024) and a notice copied into several articles.
std::vector<ArticleFeatures> ResumeStream(
    const StoryClustererOptions& options,
    const std::function<Document(const char*, const char*)>& analyzed) {
  std::vector<ArticleFeatures> out;
  const char* texts[] = {kDockStrike1, kWildfire,    kRateCut, kDockStrike2,
                         kBusStrike,   kDockStrike3, kElection};
  for (int round = 0; round < 3; ++round) {
    for (int k = 0; k < 7; ++k) {
      const std::string date = "2025-09-" + std::to_string(10 + round * 4 + k / 3);
      ArticleFeatures f = StoryClusterer::Features(analyzed(texts[k], date.c_str()), options);
      f.source = 100 + static_cast<uint64_t>(k % 3);
      out.push_back(std::move(f));
    }
    for (uint32_t n = 0; n < 400; ++n) out.push_back(FillerFeatures(round * 1000 + n, options));
  }
  return out;
}

bool SameStories(const std::vector<StoryClusterer::Story>& a,
                 const std::vector<StoryClusterer::Story>& b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k) {
    if (a[k].articles != b[k].articles || a[k].duplicates != b[k].duplicates ||
        a[k].keywords != b[k].keywords || a[k].first_day != b[k].first_day ||
        a[k].last_day != b[k].last_day || a[k].furniture != b[k].furniture) {
      return false;
    }
  }
  return true;
}

TEST_F(StoryClustererTest, ResumedFromSavedStateGivesTheStoriesOfOneRun) {
  StoryClustererOptions options;
  options.window_articles = 40;
  auto analyzed = [](const char* text, const char* date) { return Analyzed(text, date); };
  const std::vector<ArticleFeatures> stream = ResumeStream(options, analyzed);
  StoryClusterer whole(options);
  for (const ArticleFeatures& f : stream) whole.Add(f);
  const std::vector<StoryClusterer::Story> expected = whole.Stories();
  // The dock strike articles of each round form one story.
  EXPECT_LT(expected.size(), stream.size());
  for (size_t cut : {size_t{1}, size_t{5}, size_t{200}, size_t{407}, size_t{1023}, size_t{1024},
                     size_t{1100}, stream.size() - 1}) {
    StoryClusterer first(options);
    for (size_t i = 0; i < cut; ++i) first.Add(stream[i]);
    const std::string state = first.Save();
    StoryClusterer resumed(options);
    const Status loaded = resumed.Load(state, "state.bin");
    ASSERT_TRUE(loaded.ok()) << loaded.ToString();
    EXPECT_EQ(resumed.articles(), cut);
    EXPECT_EQ(resumed.open_stories(), first.open_stories());
    EXPECT_EQ(resumed.Save(), state) << "cut " << cut;
    for (size_t i = cut; i < stream.size(); ++i) resumed.Add(stream[i]);
    EXPECT_TRUE(SameStories(resumed.Stories(), expected)) << "cut " << cut;
  }
}

TEST_F(StoryClustererTest, DamagedOrForeignStateIsRefusedAndLeavesTheClustererNew) {
  StoryClustererOptions options;
  auto analyzed = [](const char* text, const char* date) { return Analyzed(text, date); };
  const std::vector<ArticleFeatures> stream = ResumeStream(options, analyzed);
  StoryClusterer first(options);
  for (size_t i = 0; i < 30; ++i) first.Add(stream[i]);
  const std::string state = first.Save();
  // Every truncation, and a changed byte in each part of the file.
  for (size_t keep = 0; keep < state.size(); keep += 1 + keep / 7) {
    StoryClusterer c(options);
    const Status s = c.Load(std::string_view(state).substr(0, keep), "state.bin");
    ASSERT_FALSE(s.ok()) << "kept " << keep;
    EXPECT_NE(s.ToString().find("state.bin"), std::string::npos) << s.ToString();
    EXPECT_EQ(c.articles(), 0u);
  }
  for (size_t at = 0; at < state.size(); at += 1 + state.size() / 50) {
    std::string changed = state;
    changed[at] = static_cast<char>(changed[at] ^ 0x5a);
    StoryClusterer c(options);
    EXPECT_FALSE(c.Load(changed, "state.bin").ok()) << "byte " << at;
    EXPECT_EQ(c.articles(), 0u);
  }
  // Other settings: refused, naming the reason.
  StoryClustererOptions other = options;
  other.join_threshold = 0.5;
  StoryClusterer c(other);
  const Status s = c.Load(state, "state.bin");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("other clustering settings"), std::string::npos) << s.ToString();
  // The untouched state still loads.
  StoryClusterer good(options);
  EXPECT_TRUE(good.Load(state, "state.bin").ok());
  EXPECT_EQ(good.articles(), 30u);
}

TEST(StoryModelTest, WeightsFileRoundTripsAndBadFilesAreNamed) {
  StoryModel model;
  for (int i = 0; i < StoryModel::kFeatures; ++i) model.weights[i] = 0.25 * i - 1;
  Result<StoryModel> back = StoryModel::Parse("# a comment\n" + model.ToText(), "w.txt");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  for (int i = 0; i < StoryModel::kFeatures; ++i) EXPECT_EQ(back->weights[i], model.weights[i]);
  const std::string all = model.ToText();
  // A line per mistake: the file and line are named.
  Result<StoryModel> twice = StoryModel::Parse(all + "bias 1\n", "w.txt");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.status().ToString(),
            "w.txt: line " + std::to_string(StoryModel::kFeatures + 1) + ": \"bias\" given twice");
  Result<StoryModel> nan = StoryModel::Parse("bias nan\n", "w.txt");
  ASSERT_FALSE(nan.ok());
  EXPECT_NE(nan.status().ToString().find("w.txt: line 1: \"bias\" wants a number"),
            std::string::npos);
  Result<StoryModel> missing = StoryModel::Parse("bias 1\n", "w.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().ToString(), "w.txt: no weight for \"centroid_cosine\"");
}

TEST_F(StoryClustererTest, TrainingRowsFollowTheGoldStoriesOrTheModel) {
  // Two stories interleaved; teacher forcing puts each article in its gold
  // story whatever the model says, and marks the gold candidate.
  StoryClustererOptions options;
  const std::vector<std::pair<const char*, uint32_t>> stream = {
      {kDockStrike1, 0}, {kWildfire, 1}, {kDockStrike2, 0}, {kDockStrike3, 0}};
  std::vector<ArticleFeatures> features;
  for (const auto& [text, gold] : stream) {
    features.push_back(StoryClusterer::Features(Analyzed(text, "2025-09-01"), options));
  }
  StoryClusterer forced(options);
  std::vector<TrainingRow> rows;
  for (size_t i = 0; i < stream.size(); ++i)
    forced.AddLabelled(features[i], stream[i].second, &rows);
  EXPECT_EQ(Articles(forced.Stories()), (ArticleLists{{0, 2, 3}, {1}}));
  size_t right = 0;
  for (const TrainingRow& r : rows) {
    EXPECT_LT(r.article, 4u);
    EXPECT_EQ(r.features[0], 1.0);  // the constant
    if (r.same_story) {
      ++right;
      EXPECT_EQ(stream[r.article].second, 0u);  // only the dock strike continues
    }
  }
  EXPECT_EQ(right, 2u);  // articles 2 and 3 each meet their story
  // Following the model gives the model's stories (here the same) and rows
  // judged by each candidate's majority gold story.
  StoryClusterer followed(options);
  std::vector<TrainingRow> own;
  for (size_t i = 0; i < stream.size(); ++i) {
    followed.AddLabelled(features[i], stream[i].second, &own, /*follow_model=*/true);
  }
  StoryClusterer plain(options);
  for (const ArticleFeatures& f : features) plain.Add(f);
  EXPECT_EQ(Articles(followed.Stories()), Articles(plain.Stories()));
  EXPECT_EQ(own.size(), rows.size());
}

TEST(DaysFromIsoDateTest, CountsDaysSinceTheEpoch) {
  EXPECT_EQ(DaysFromIsoDate("1970-01-01"), 0);
  EXPECT_EQ(DaysFromIsoDate("1970-01-02"), 1);
  EXPECT_EQ(DaysFromIsoDate("1969-12-31"), -1);
  // Days a month does not have.
  EXPECT_EQ(DaysFromIsoDate("2015-02-31"), StoryClusterer::kNoDay);
  EXPECT_EQ(DaysFromIsoDate("2015-02-29"), StoryClusterer::kNoDay);
  EXPECT_EQ(DaysFromIsoDate("2016-02-29"), DaysFromIsoDate("2016-03-01") - 1);
  EXPECT_EQ(DaysFromIsoDate("2000-02-29"), 11016);
  EXPECT_EQ(DaysFromIsoDate("2000-03-01"), 11017);
  EXPECT_EQ(DaysFromIsoDate("2015-11-26"), 16765);
  EXPECT_EQ(DaysFromIsoDate("2025-10-01") - DaysFromIsoDate("2025-09-01"), 30);
}

TEST(DaysFromIsoDateTest, RejectsWhatIsNotAnIsoDate) {
  for (const char* bad : {"", "2015", "2015-11", "2015-11-2", "15-11-26", "2015/11/26",
                          "2015-13-01", "2015-00-10", "2015-11-00", "2015-11-32", "2015-1a-26",
                          "abcd-ef-gh", " 2015-11-26", "2015-11-26T10:00", "26-11-2015"}) {
    EXPECT_EQ(DaysFromIsoDate(bad), StoryClusterer::kNoDay) << "\"" << bad << "\"";
  }
}

}  // namespace
}  // namespace dossier
