#include "analyze/timeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "../data_folder.h"
#include "analyzed_text.h"
#include "dossier/ingest.h"
#include "dossier/pipeline.h"

namespace dossier {
namespace {

class TimelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = new Pipeline(std::move(*p));
    Result<TimelineBuilder> t = TimelineBuilder::Create("");
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    timeline_ = new TimelineBuilder(std::move(*t));
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    delete timeline_;
  }

  static Document Analyze(std::string text, std::string date) {
    Document doc = AnalyzedDocument(*pipeline_, std::move(text));
    doc.date = std::move(date);  // after Analyze, which may detect its own
    return doc;
  }

  // (expression text, date, resolved_from, future) of every expression.
  using Row = std::tuple<std::string, std::string, std::string, bool>;
  static std::vector<Row> Rows(const std::string& text, const std::string& date) {
    Document doc = Analyze(text, date);
    std::vector<Row> rows;
    for (const TimeExpression& e : timeline_->Extract(doc, 0)) {
      rows.emplace_back(std::string(e.span.Slice(doc.text)), e.date, e.resolved_from, e.future);
    }
    return rows;
  }

  // (expression text, kind) of every expression.
  using KindRow = std::tuple<std::string, std::string>;
  static std::vector<KindRow> Kinds(const std::string& text, const std::string& date) {
    Document doc = Analyze(text, date);
    std::vector<KindRow> rows;
    for (const TimeExpression& e : timeline_->Extract(doc, 0)) {
      rows.emplace_back(std::string(e.span.Slice(doc.text)), e.kind);
    }
    return rows;
  }

  // (expression text, date, precision) of every expression.
  using PrecisionRow = std::tuple<std::string, std::string, std::string>;
  static std::vector<PrecisionRow> Precisions(const std::string& text, const std::string& date) {
    Document doc = Analyze(text, date);
    std::vector<PrecisionRow> rows;
    for (const TimeExpression& e : timeline_->Extract(doc, 0)) {
      rows.emplace_back(std::string(e.span.Slice(doc.text)), e.date, e.precision);
    }
    return rows;
  }

  // The date of the single expression of `text`, and whether it is future.
  static std::pair<std::string, bool> DateOf(const std::string& text, const std::string& date) {
    Document doc = Analyze(text, date);
    std::vector<TimeExpression> exprs = timeline_->Extract(doc, 0);
    EXPECT_EQ(exprs.size(), 1u) << text;
    if (exprs.size() != 1) return {"", false};
    return {exprs[0].date, exprs[0].future};
  }

  static Cluster MakeCluster(const std::vector<std::pair<std::string, std::string>>& docs) {
    Cluster cluster;
    for (const auto& [text, date] : docs) cluster.documents.push_back(Analyze(text, date));
    return cluster;
  }

  static Pipeline* pipeline_;
  static TimelineBuilder* timeline_;
};

Pipeline* TimelineTest::pipeline_ = nullptr;
TimelineBuilder* TimelineTest::timeline_ = nullptr;

constexpr char kDoc[] = "document date";
constexpr char kSaturday[] = "2026-03-14";  // a Saturday

TEST_F(TimelineTest, WeekdaysResolveByTense) {
  EXPECT_EQ(Rows("The bridge collapsed on Tuesday.", kSaturday),
            (std::vector<Row>{{"Tuesday", "2026-03-10", kDoc, false}}));
  EXPECT_EQ(Rows("The mayor spoke on Saturday.", kSaturday),
            (std::vector<Row>{{"Saturday", "2026-03-14", kDoc, false}}));
  EXPECT_EQ(Rows("The council will meet on Monday.", kSaturday),
            (std::vector<Row>{{"Monday", "2026-03-16", kDoc, true}}));
  EXPECT_EQ(Rows("The panel meets next Saturday.", kSaturday),
            (std::vector<Row>{{"next Saturday", "2026-03-21", kDoc, true}}));
  EXPECT_EQ(Rows("The storm warning came last Saturday.", kSaturday),
            (std::vector<Row>{{"last Saturday", "2026-03-07", kDoc, false}}));
}

TEST_F(TimelineTest, WeekdayBeforeFullDateGivesOneExpression) {
  EXPECT_EQ(Rows("It fell on Tuesday, March 10, 2026, before dawn.", kSaturday),
            (std::vector<Row>{{"March 10, 2026", "2026-03-10", "text", false}}));
  EXPECT_EQ(Rows("By Tuesday, 12 people had been rescued.", kSaturday),
            (std::vector<Row>{{"Tuesday", "2026-03-10", kDoc, false}}));
}

TEST_F(TimelineTest, RelativeDaysWeeksAndMonths) {
  EXPECT_EQ(Rows("Divers searched yesterday and will return tomorrow.", kSaturday),
            (std::vector<Row>{{"yesterday", "2026-03-13", kDoc, false},
                              {"tomorrow", "2026-03-15", kDoc, true}}));
  EXPECT_EQ(Rows("Findings are expected next week.", kSaturday),
            (std::vector<Row>{{"next week", "2026-03-21", kDoc, true}}));
  EXPECT_EQ(Rows("Inspectors visited last week.", kSaturday),
            (std::vector<Row>{{"last week", "2026-03-07", kDoc, false}}));
  EXPECT_EQ(Rows("Tolls rose last month and fall next month.", kSaturday),
            (std::vector<Row>{{"last month", "2026-02", kDoc, false},
                              {"next month", "2026-04", kDoc, true}}));
  EXPECT_EQ(Rows("The cables were replaced three days ago.", kSaturday),
            (std::vector<Row>{{"three days ago", "2026-03-11", kDoc, false}}));
  // Every cardinal word counts (util/number_words.h), not only the common ones.
  EXPECT_EQ(Rows("The cables were replaced thirteen days ago.", kSaturday),
            (std::vector<Row>{{"thirteen days ago", "2026-03-01", kDoc, false}}));
}

TEST_F(TimelineTest, WithinMonthsIsFuture) {
  EXPECT_EQ(Rows("A new span should open within six months.", kSaturday),
            (std::vector<Row>{{"within six months", "2026-09-14", kDoc, true}}));
  EXPECT_EQ(Rows("Repairs will take place within 18 months.", kSaturday),
            (std::vector<Row>{{"within 18 months", "2027-09-14", kDoc, true}}));
  EXPECT_EQ(Rows("A report is due within the next two weeks.", kSaturday),
            (std::vector<Row>{{"within the next two weeks", "2026-03-28", kDoc, true}}));
  // Day clamped to the month's length: August 31 + 6 months.
  EXPECT_EQ(Rows("Work ends within six months.", "2025-08-31"),
            (std::vector<Row>{{"within six months", "2026-02-28", kDoc, true}}));
}

TEST_F(TimelineTest, MonthsByTense) {
  EXPECT_EQ(Rows("The cables were inspected in January.", kSaturday),
            (std::vector<Row>{{"in January", "2026-01", kDoc, false}}));
  EXPECT_EQ(Rows("The audit was published in June.", kSaturday),
            (std::vector<Row>{{"in June", "2025-06", kDoc, false}}));
  EXPECT_EQ(Rows("The bridge will reopen in January.", kSaturday),
            (std::vector<Row>{{"in January", "2027-01", kDoc, true}}));
  EXPECT_EQ(Rows("Tolls were cut in January 2016.", kSaturday),
            (std::vector<Row>{{"January 2016", "2016-01", "text", false}}));
  EXPECT_EQ(Rows("Officials may close the road.", kSaturday), std::vector<Row>{});
}

TEST_F(TimelineTest, AbsoluteDatesWithYear) {
  EXPECT_EQ(Rows("The talks began on December 18, 2015 in Paris.", kSaturday),
            (std::vector<Row>{{"December 18, 2015", "2015-12-18", "text", false}}));
  EXPECT_EQ(Rows("It opened on 27 November 2015 and closed 2015-11-29.", kSaturday),
            (std::vector<Row>{{"27 November 2015", "2015-11-27", "text", false},
                              {"2015-11-29", "2015-11-29", "text", false}}));
  EXPECT_EQ(Rows("The vote is set for Dec. 1st, 2026.", kSaturday),
            (std::vector<Row>{{"Dec. 1st, 2026", "2026-12-01", "text", true}}));
}

TEST_F(TimelineTest, YearlessDatesTakeTheNearestYear) {
  EXPECT_EQ(Rows("The blaze started on October 31.", "2015-11-27"),
            (std::vector<Row>{{"October 31", "2015-10-31", kDoc, false}}));
  EXPECT_EQ(Rows("The summit opens Nov. 28 in Paris.", "2015-11-27"),
            (std::vector<Row>{{"Nov. 28", "2015-11-28", kDoc, true}}));
  EXPECT_EQ(Rows("The fire broke out on December 30.", "2016-01-03"),
            (std::vector<Row>{{"December 30", "2015-12-30", kDoc, false}}));
  EXPECT_EQ(Rows("Talks resume on 12 March.", kSaturday),
            (std::vector<Row>{{"12 March", "2026-03-12", kDoc, false}}));
  // A day that names a thing ("of" after a capitalized word) is the last one
  // on or before the document date, whatever the tense; a day after "of"
  // that names no thing keeps the nearest.
  EXPECT_EQ(Rows("We will insist on the Minsk Agreements of February 12.", "2015-12-18"),
            (std::vector<Row>{{"February 12", "2015-02-12", kDoc, false}}));
  EXPECT_EQ(Rows("Ahead of February 12, the parties will meet again.", "2015-12-18"),
            (std::vector<Row>{{"February 12", "2016-02-12", kDoc, true}}));
}

TEST_F(TimelineTest, ImpossibleDaysAndTimesAreNotDates) {
  EXPECT_EQ(Rows("The memo was dated February 30.", kSaturday), std::vector<Row>{});
  EXPECT_EQ(Rows("The memo was dated February 30, 2015.", kSaturday), std::vector<Row>{});
  EXPECT_EQ(Rows("It fell at 4:30 a.m. on a stormy night.", kSaturday), std::vector<Row>{});
}

TEST_F(TimelineTest, RelativeDatesBeyondYear9999AreLeftUnresolved) {
  // Found by fuzz_dates: "tomorrow" of 9999-12-31 was "10000-01-01".
  EXPECT_EQ(Rows("Crews return tomorrow and again next month.", "9999-12-31"),
            (std::vector<Row>{{"tomorrow", "", "", true}, {"next month", "", "", true}}));
  EXPECT_EQ(Rows("Crews returned yesterday.", "9999-12-31"),
            (std::vector<Row>{{"yesterday", "9999-12-30", kDoc, false}}));
}

TEST_F(TimelineTest, NoDocumentDateLeavesRelativeExpressionsUnresolved) {
  EXPECT_EQ(Rows("The bridge fell on Tuesday; talks began December 18, 2015.", ""),
            (std::vector<Row>{{"Tuesday", "", "", false},
                              {"December 18, 2015", "2015-12-18", "text", false}}));
  EXPECT_EQ(Rows("Crews will return next week.", ""),
            (std::vector<Row>{{"next week", "", "", true}}));
}

TEST_F(TimelineTest, BuildMergesSimilarSentencesOnTheSameDate) {
  Cluster cluster;
  cluster.documents.push_back(Analyze(
      "The Kestrel bridge collapsed into the harbor on Tuesday. Findings are expected next week.",
      kSaturday));
  cluster.documents.push_back(
      Analyze("A ferry sank on Tuesday. The Kestrel bridge collapsed into the harbor on Tuesday.",
              "2026-03-13"));
  cluster.documents.push_back(Analyze("Divers searched the harbor on Monday.", ""));
  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].date, "2026-03-10");
  EXPECT_EQ(events[0].text, "The Kestrel bridge collapsed into the harbor on Tuesday.");
  ASSERT_EQ(events[0].citations.size(), 2u);
  EXPECT_EQ(events[0].citations[0].document, 0u);
  EXPECT_EQ(events[0].citations[1].document, 1u);
  EXPECT_EQ(events[0].citations[1].sentence, 1u);
  EXPECT_EQ(events[1].date, "2026-03-10");
  EXPECT_EQ(events[1].text, "A ferry sank on Tuesday.");
  EXPECT_EQ(events[2].date, "2026-03-21");
  EXPECT_EQ(events[3].date, "");
  EXPECT_EQ(events[3].citations[0].document, 2u);
}

TEST_F(TimelineTest, HarborBridgeExample) {
  std::vector<Cluster> clusters;
  std::vector<Diagnostic> diagnostics;
  Status s = ReadInputs(
      {DOSSIER_SOURCE_DIR "/examples/harbor-bridge"}, ReadOptions{},
      [&](Cluster&& c) { clusters.push_back(std::move(c)); }, &diagnostics);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(clusters.size(), 1u);
  Pipeline::Scratch scratch = pipeline_->NewScratch();
  pipeline_->Analyze(&clusters[0], &scratch);
  const Cluster& cluster = clusters[0];

  std::vector<bool> tuesday(cluster.documents.size(), false);
  bool march12 = false;
  for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
    const Document& doc = cluster.documents[d];
    for (const TimeExpression& e : timeline_->Extract(doc, d)) {
      std::string_view text = e.span.Slice(doc.text);
      if (text == "Tuesday" && e.date == "2026-03-10") tuesday[d] = true;
      if (text == "March 12" && e.date == "2026-03-12") {
        std::string_view sentence = doc.sentences[e.sentence].span.Slice(doc.text);
        if (sentence.find("investigation") != std::string_view::npos) march12 = true;
      }
    }
  }
  EXPECT_GE(std::count(tuesday.begin(), tuesday.end(), true), 2);
  EXPECT_TRUE(march12);

  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  ASSERT_FALSE(events.empty());
  for (size_t i = 1; i < events.size(); ++i) {
    if (!events[i].date.empty()) {
      EXPECT_LE(events[i - 1].date, events[i].date);
    }
    if (events[i - 1].date.empty()) {
      EXPECT_TRUE(events[i].date.empty());
    }
  }
}

// --- Kinds -------------------------------------------------------------

TEST_F(TimelineTest, EveryExpressionHasAKind) {
  EXPECT_EQ(Kinds("Talks began on December 18, 2015 and resumed on 27 November.", kSaturday),
            (std::vector<KindRow>{{"December 18, 2015", "date"}, {"27 November", "date"}}));
  EXPECT_EQ(Kinds("Tolls were cut in January and again in March 2026.", kSaturday),
            (std::vector<KindRow>{{"in January", "date"}, {"March 2026", "date"}}));
  EXPECT_EQ(
      Kinds("Divers searched yesterday, on Tuesday and three days ago.", kSaturday),
      (std::vector<KindRow>{
          {"yesterday", "relative"}, {"Tuesday", "relative"}, {"three days ago", "relative"}}));
  EXPECT_EQ(Kinds("Inspectors came last week and return next month.", kSaturday),
            (std::vector<KindRow>{{"last week", "relative"}, {"next month", "relative"}}));
  EXPECT_EQ(
      Kinds("The span should reopen within six months or in 18 months at worst.", kSaturday),
      (std::vector<KindRow>{{"within six months", "deadline"}, {"in 18 months", "deadline"}}));
  EXPECT_EQ(Kinds("Today the council met; tonight it voted; this week it rested.", kSaturday),
            (std::vector<KindRow>{
                {"Today", "deictic"}, {"tonight", "deictic"}, {"this week", "deictic"}}));
}

TEST_F(TimelineTest, DeicticExpressionsRestateTheDocumentDate) {
  EXPECT_EQ(Rows("Crews were back this morning.", kSaturday),
            (std::vector<Row>{{"this morning", kSaturday, kDoc, false}}));
  EXPECT_EQ(Rows("Today's vote was close.", kSaturday),
            (std::vector<Row>{{"Today", kSaturday, kDoc, false}}));
  EXPECT_EQ(Rows("The mayor spoke this evening.", kSaturday),
            (std::vector<Row>{{"this evening", kSaturday, kDoc, false}}));
  EXPECT_EQ(Rows("Tolls rose this month.", kSaturday),
            (std::vector<Row>{{"this month", "2026-03", kDoc, false}}));
  EXPECT_EQ(Rows("Looters struck last night.", kSaturday),
            (std::vector<Row>{{"last night", "2026-03-13", kDoc, false}}));
}

// --- Tense --------------------------------------------------------------

TEST_F(TimelineTest, FutureMarkerAfterTheWeekdayMakesItFuture) {
  EXPECT_EQ(DateOf("On Monday, the council will vote on the budget.", kSaturday),
            std::make_pair(std::string("2026-03-16"), true));
  EXPECT_EQ(DateOf("Starting on Monday, extra ferries run every hour.", kSaturday),
            std::make_pair(std::string("2026-03-16"), true));
  EXPECT_EQ(DateOf("A week of mourning beginning Monday was declared.", kSaturday),
            std::make_pair(std::string("2026-03-16"), true));
}

TEST_F(TimelineTest, PastVerbNextToTheWeekdayMakesItPast) {
  // A future marker before, but "said Tuesday" / "on Friday announced".
  EXPECT_EQ(DateOf("The council, which will vote later, said Tuesday that tolls stay.", kSaturday),
            std::make_pair(std::string("2026-03-10"), false));
  EXPECT_EQ(DateOf("The operator, which will close, on Friday announced layoffs.", kSaturday),
            std::make_pair(std::string("2026-03-13"), false));
  EXPECT_EQ(
      DateOf("The bridge collapsed on Tuesday, and officials will inspect the rest.", kSaturday),
      std::make_pair(std::string("2026-03-10"), false));
  EXPECT_EQ(DateOf("The minister, who arrived on Thursday, will speak at noon.", kSaturday),
            std::make_pair(std::string("2026-03-12"), false));
}

TEST_F(TimelineTest, ExpectedIsFutureOnlyAsAVerbOfExpectation) {
  EXPECT_EQ(DateOf("A ruling is expected on Monday.", kSaturday),
            std::make_pair(std::string("2026-03-16"), true));
  EXPECT_EQ(DateOf("Officials expected to finish on Monday.", kSaturday),
            std::make_pair(std::string("2026-03-16"), true));
  // An adjective or a comparison: not a future marker.
  EXPECT_EQ(DateOf("The expected storm hit on Tuesday.", kSaturday),
            std::make_pair(std::string("2026-03-10"), false));
  EXPECT_EQ(DateOf("Turnout was lower than expected on Sunday.", kSaturday),
            std::make_pair(std::string("2026-03-08"), false));
}

TEST_F(TimelineTest, DuePlanAndSetNeedTheirFutureReading) {
  EXPECT_EQ(DateOf("The audit is due on Friday.", kSaturday),
            std::make_pair(std::string("2026-03-20"), true));
  EXPECT_EQ(DateOf("The envoy is due to arrive on Friday.", kSaturday),
            std::make_pair(std::string("2026-03-20"), true));
  EXPECT_EQ(DateOf("The road closed due to flooding on Tuesday.", kSaturday),
            std::make_pair(std::string("2026-03-10"), false));
  EXPECT_EQ(DateOf("The council plans to vote on Tuesday.", kSaturday),
            std::make_pair(std::string("2026-03-17"), true));
  EXPECT_EQ(DateOf("The plan was approved on Tuesday.", kSaturday),
            std::make_pair(std::string("2026-03-10"), false));
  EXPECT_EQ(DateOf("The panel is set to meet on Wednesday.", kSaturday),
            std::make_pair(std::string("2026-03-18"), true));
  EXPECT_EQ(DateOf("Talks should resume on Thursday.", kSaturday),
            std::make_pair(std::string("2026-03-19"), true));
}

TEST_F(TimelineTest, PassiveAfterBeIsNotPast) {
  EXPECT_EQ(DateOf("The hearing will be held on Monday.", kSaturday),
            std::make_pair(std::string("2026-03-16"), true));
  EXPECT_EQ(DateOf("The hearing was held on Monday.", kSaturday),
            std::make_pair(std::string("2026-03-09"), false));
}

TEST_F(TimelineTest, NearestTenseCueDecides) {
  // "hope and expect to" stands closer to "in January" than "stated".
  EXPECT_EQ(DateOf("The accord was stated in a long and formal text, and in January the "
                   "parties hope to sit down together.",
                   "2015-12-18"),
            std::make_pair(std::string("2016-01"), true));
  EXPECT_EQ(DateOf("The parties met in January, and a new round will follow.", "2015-12-18"),
            std::make_pair(std::string("2015-01"), false));
}

TEST_F(TimelineTest, MonthWithoutTenseCueIsTheNearest) {
  EXPECT_EQ(DateOf("A second round in late January looks likely.", "2015-12-18"),
            std::make_pair(std::string("2016-01"), true));
  EXPECT_EQ(DateOf("Elections in June look likely.", kSaturday),
            std::make_pair(std::string("2026-06"), true));
  // Six months either way: the earlier.
  EXPECT_EQ(DateOf("Snow in September is rare here.", kSaturday),
            std::make_pair(std::string("2025-09"), false));
}

TEST_F(TimelineTest, UnresolvedExpressionsTakeTheirTense) {
  EXPECT_EQ(Rows("On Monday, the council will vote.", ""),
            (std::vector<Row>{{"Monday", "", "", true}}));
  EXPECT_EQ(Rows("The envoy said Tuesday that talks will go on.", ""),
            (std::vector<Row>{{"Tuesday", "", "", false}}));
}

// --- Deadlines and day forms --------------------------------------------

TEST_F(TimelineTest, DeadlinesWithWordsBeforeTheCount) {
  constexpr char kFriday[] = "2015-12-18";
  EXPECT_EQ(Rows("A transition should be agreed within the target time of six months.", kFriday),
            (std::vector<Row>{{"within the target time of six months", "2016-06-18", kDoc, true}}));
  EXPECT_EQ(Rows("A vote must follow within 18 months of that.", kFriday),
            (std::vector<Row>{{"within 18 months", "2017-06-18", kDoc, true}}));
  EXPECT_EQ(Rows("Choices must be made within a month or so, two months at most.", kFriday),
            (std::vector<Row>{{"within a month or so", "2016-01-18", kDoc, true}}));
  EXPECT_EQ(Rows("The ferries run again in another two weeks.", kFriday),
            (std::vector<Row>{{"in another two weeks", "2016-01-01", kDoc, true}}));
  // Not deadlines: a period looking back, and a place.
  EXPECT_EQ(Rows("Prices doubled in the 18 months since the flood.", kFriday), std::vector<Row>{});
  EXPECT_EQ(Rows("They lived within the city for two years.", kFriday), std::vector<Row>{});
  EXPECT_EQ(Rows("Sales rose within the past two years.", kFriday), std::vector<Row>{});
}

TEST_F(TimelineTest, OrdinalDayForms) {
  EXPECT_EQ(
      Rows("The principles agreed on October the 30th and November the 14th stand.", "2015-12-18"),
      (std::vector<Row>{{"October the 30th", "2015-10-30", kDoc, false},
                        {"November the 14th", "2015-11-14", kDoc, false}}));
  EXPECT_EQ(Rows("Nobody expects talks on the 1st of January.", "2015-12-18"),
            (std::vector<Row>{{"1st of January", "2016-01-01", kDoc, true}}));
  EXPECT_EQ(Rows("The law took effect on the 2nd of March, 2014.", kSaturday),
            (std::vector<Row>{{"2nd of March, 2014", "2014-03-02", "text", false}}));
  // Without the ordinal suffix, no date.
  EXPECT_EQ(Rows("In January the 2 sides met.", kSaturday),
            (std::vector<Row>{{"In January", "2026-01", kDoc, false}}));
}

// --- Build: deictic collapse ---------------------------------------------

TEST_F(TimelineTest, DeicticSentencesCollapseToTheMostEventLikeOne) {
  Cluster cluster =
      MakeCluster({{"Good evening, ladies and gentlemen, and thank you for coming "
                    "tonight. We have time for two questions tonight. "
                    "Is there progress today? "
                    "We are glad to be here today. "
                    "Today the Harbor Council approved a $40 million repair plan "
                    "for the Kestrel bridge. "
                    "Divers searched the harbor yesterday. "
                    "The span fell on October 31. "
                    "Repairs should end within six months. "
                    "Tonight we are thinking of the families.",
                    kSaturday}});
  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  std::vector<std::tuple<std::string, std::string, std::string>> got;
  for (const TimelineEvent& e : events) got.emplace_back(e.date, e.kind, e.text);
  EXPECT_EQ(got, (std::vector<std::tuple<std::string, std::string, std::string>>{
                     {"2025-10-31", "date", "The span fell on October 31."},
                     {"2026-03-13", "relative", "Divers searched the harbor yesterday."},
                     {kSaturday, "deictic",
                      "Today the Harbor Council approved a $40 million repair plan for the "
                      "Kestrel bridge."},
                     {"2026-09-14", "deadline", "Repairs should end within six months."}}));
  for (const TimelineEvent& e : events) EXPECT_EQ(e.citations.size(), 1u) << e.text;
}

TEST_F(TimelineTest, DeicticCollapseIsPerDocumentAndDate) {
  Cluster cluster = MakeCluster({
      {"Today the Harbor Council voted. Tolls rose this month. The mayor resigned today.",
       kSaturday},
      {"Today the port reopened for freight. The ferry union met Okafor today.", ""},
      {"Tonight the Gannet Star sailed again. We are all tired tonight.", ""},
  });
  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].date, "2026-03");
  EXPECT_EQ(events[1].date, kSaturday);
  EXPECT_EQ(events[1].text, "Today the Harbor Council voted.");
  // Undated documents: one unresolved deictic event each; none is given a date.
  EXPECT_EQ(events[2].date, "");
  EXPECT_EQ(events[2].text, "The ferry union met Okafor today.");
  EXPECT_EQ(events[2].citations.at(0).document, 1u);
  EXPECT_EQ(events[3].date, "");
  EXPECT_EQ(events[3].text, "Tonight the Gannet Star sailed again.");
}

TEST_F(TimelineTest, DeicticQuestionsAndProceduralLinesLoseToAnyStatement) {
  Cluster cluster =
      MakeCluster({{"Was Turkey discussed today with President Hollande? "
                    "Our last question tonight comes from Olga of RIA Novosti. "
                    "Nothing happened today.",
                    kSaturday}});
  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].text, "Nothing happened today.");
}

// --- Build: cluster years and merging ------------------------------------

TEST_F(TimelineTest, YearlessDayInUndatedDocumentTakesTheClusterYear) {
  Cluster cluster = MakeCluster({
      {"The Metrojet airliner crashed in Sinai on October 31, killing 224.", ""},
      {"Investigators said the October 31 crash of the Metrojet airliner over Sinai was a bomb.",
       "2015-11-17"},
  });
  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date, "2015-10-31");
  EXPECT_EQ(events[0].kind, "date");
  ASSERT_EQ(events[0].citations.size(), 2u);
  EXPECT_EQ(events[0].citations[0].document, 0u);
  EXPECT_EQ(events[0].citations[0].resolved_from, "cluster");
  EXPECT_EQ(events[0].citations[0].date, "2015-10-31");
  EXPECT_EQ(events[0].citations[1].resolved_from, "document date");
  // Extract alone does not know the cluster.
  EXPECT_EQ(timeline_->Extract(cluster.documents[0], 0).at(0).date, "");
}

TEST_F(TimelineTest, YearlessDayStaysUnresolvedWhenTheClusterDisagrees) {
  Cluster cluster = MakeCluster({
      {"The Metrojet airliner crashed in Sinai on October 31.", ""},
      {"A Metrojet airliner crashed in Sinai on October 31, 2015.", kSaturday},
      {"A cargo plane crashed near Sinai on October 31, 2014.", kSaturday},
      {"The memorial service was held on November 2.", ""},
  });
  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(events[0].date, "2014-10-31");
  EXPECT_EQ(events[1].date, "2015-10-31");
  EXPECT_EQ(events[2].date, "");
  EXPECT_EQ(events[2].citations.at(0).document, 0u);
  EXPECT_EQ(events[3].date, "");  // no November 2 anywhere else
}

TEST_F(TimelineTest, SameExplicitDayMergesOnASharedNameOrNumber) {
  // Content words overlap too little for the 0.5 rule, but docs 0 and 1
  // share "Metrojet", docs 1 and 2 the number 224 (doc 2 is undated: its
  // year comes from the cluster). Doc 3 shares nothing but the day.
  Cluster cluster = MakeCluster({
      {"Islamists said they downed the Metrojet plane on October 31 over Sinai.", "2015-11-20"},
      {"On October 31 a bomb destroyed the Metrojet airliner, killing all 224 aboard, Egypt "
       "confirmed.",
       "2015-11-21"},
      {"Russia mourned the 224 victims of the October 31 bombing.", ""},
      {"Snow closed schools across Ohio on October 31.", "2015-11-21"},
  });
  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  std::vector<std::pair<std::string, std::vector<uint32_t>>> got;
  for (const TimelineEvent& e : events) {
    std::vector<uint32_t> docs;
    for (const TimeExpression& c : e.citations) docs.push_back(c.document);
    got.emplace_back(e.date, docs);
  }
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::vector<uint32_t>>>{
                     {"2015-10-31", {0, 1, 2}}, {"2015-10-31", {3}}}));
  EXPECT_EQ(events.at(0).text,
            "Islamists said they downed the Metrojet plane on October 31 over Sinai.");
  EXPECT_DOUBLE_EQ(events.at(0).weight, 7.5);
}

TEST_F(TimelineTest, LooseMergeNeedsAnExplicitDay) {
  // Same day, nothing in common: separate.
  Cluster cluster = MakeCluster({
      {"Storm Wren reached the coast on March 10, 2026.", kSaturday},
      {"Shares of Calloway fell sharply on March 10, 2026.", kSaturday},
  });
  EXPECT_EQ(timeline_->Build(cluster).size(), 2u);
  // Relative expressions of one day merge too when they share a name; not
  // without one.
  cluster = MakeCluster({
      {"Storm Wren reached the coast on Tuesday.", kSaturday},
      {"Ferries stayed in port because of Storm Wren on Tuesday, the operators and the harbor "
       "master agreed.",
       kSaturday},
      {"The mayor slept little on Tuesday.", kSaturday},
  });
  EXPECT_EQ(timeline_->Build(cluster).size(), 2u);
  // Within one document too: two sentences on one day sharing a name merge,
  // others stay apart.
  cluster =
      MakeCluster({{"Storm Wren reached the coast on March 10, 2026. Calloway shares "
                    "fell after Storm Wren on March 10, 2026. Tolls were cut on March 10, 2026.",
                    kSaturday}});
  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].citations.size(), 2u);
  // A document's deadlines of one day are one.
  cluster =
      MakeCluster({{"The span will reopen within six months. The council set a target: "
                    "rebuilt within six months.",
                    kSaturday}});
  events = timeline_->Build(cluster);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].citations.size(), 2u);
}

TEST_F(TimelineTest, NextWeekInReportsOfDifferentDaysIsOneEvent) {
  Cluster cluster = MakeCluster({
      {"The RTSO will publish its findings next week.", "2026-03-12"},
      {"Findings from the RTSO are due next week.", "2026-03-14"},
      {"The council meets next week.", "2026-03-13"},  // nothing shared: apart
  });
  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].citations.size() + events[1].citations.size(), 3u);
  EXPECT_TRUE(events[0].citations.size() == 2 || events[1].citations.size() == 2);
}

// --- Build: kind, future, weight, Top -------------------------------------

TEST_F(TimelineTest, WeightFollowsSourcesAndKind) {
  Cluster cluster = MakeCluster({
      {"The Kestrel bridge collapsed on March 10, 2026. Today the Harbor Council met. The "
       "span will reopen within six months. Crews worked on Tuesday. The bridge first "
       "opened on May 2, 1987, and was last repainted on March 20, 2025.",
       kSaturday},
      {"The Kestrel bridge collapsed into the harbor on March 10, 2026.", "2026-03-13"},
      {"Divers searched on Monday.", ""},
      {"Tolls will rise in June.", kSaturday},
  });
  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  std::vector<std::tuple<std::string, std::string, double, bool>> got;
  for (const TimelineEvent& e : events) got.emplace_back(e.date, e.kind, e.weight, e.future);
  EXPECT_EQ(got, (std::vector<std::tuple<std::string, std::string, double, bool>>{
                     {"1987-05-02", "date", 2.5, false},  // background: 3.5 - 1
                     {"2025-03-20", "date", 3.5, false},  // within a year
                     {"2026-03-10", "date", 5.5, false},
                     {"2026-03-10", "relative", 3.5, false},
                     {kSaturday, "deictic", 3.5, false},
                     {"2026-06", "date", 3.0, true},
                     {"2026-09-14", "deadline", 3.5, true},
                     {"", "relative", 1.5, false}}));
}

TEST_F(TimelineTest, EventIsFutureOnlyWhenEverySourceSaysSo) {
  Cluster cluster = MakeCluster({
      {"Halvorsen will hold a press conference at City Hall on Friday.", "2026-03-12"},
      {"Halvorsen held a press conference at City Hall on Friday.", kSaturday},
      {"Halvorsen will visit Fenwick on Monday.", kSaturday},
  });
  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].date, "2026-03-13");
  EXPECT_EQ(events[0].citations.size(), 2u);
  EXPECT_TRUE(events[0].citations[0].future);
  EXPECT_FALSE(events[0].citations[1].future);
  EXPECT_FALSE(events[0].future);
  EXPECT_EQ(events[1].date, "2026-03-16");
  EXPECT_TRUE(events[1].future);
}

TEST_F(TimelineTest, TopKeepsTheHeaviestInDateOrder) {
  std::vector<TimelineEvent> events(5);
  const double weights[] = {3.5, 5.5, 2.5, 5.5, 1.5};
  for (size_t i = 0; i < events.size(); ++i) {
    events[i].date = "2026-03-1" + std::to_string(i);
    events[i].weight = weights[i];
    events[i].citations.resize(1);
    events[i].citations[0].sentence = static_cast<uint32_t>(10 - i);
  }
  std::vector<std::string> dates;
  for (const TimelineEvent& e : TimelineBuilder::Top(events, 3)) dates.push_back(e.date);
  EXPECT_EQ(dates, (std::vector<std::string>{"2026-03-10", "2026-03-11", "2026-03-13"}));
  EXPECT_EQ(TimelineBuilder::Top(events, 10).size(), 5u);
  EXPECT_TRUE(TimelineBuilder::Top(events, 0).empty());
  // Equal weights: the lower sentence index first.
  events[0].weight = 5.5;
  dates.clear();
  for (const TimelineEvent& e : TimelineBuilder::Top(events, 2)) dates.push_back(e.date);
  EXPECT_EQ(dates, (std::vector<std::string>{"2026-03-11", "2026-03-13"}));
}

// --- Captions --------------------------------------------------------------

TEST_F(TimelineTest, CaptionsGiveNoEvents) {
  // An old photo's caption (too long for a clutter line) above the story.
  const std::string caption =
      "FILE - In this June 2, 2009, file photo, a ferry of the Lanark line waits at the pier in "
      "Marlow Bay on Monday while dock workers gather on the quay beside it, as gulls circle "
      "over the harbor wall and the morning fog lifts above the old customs house. (Harbor "
      "Wire)\n";
  EXPECT_EQ(Rows(caption + "Dock workers stopped all ferries on Friday.", kSaturday),
            (std::vector<Row>{{"Friday", "2026-03-13", kDoc, false}}));
  // A caption sentence inside a longer paragraph, and the sentence before a bare credit.
  std::string story;
  for (int i = 0; i < 12; ++i) story += "The ferries stayed in port. ";
  EXPECT_EQ(Rows(story + "In this photo taken on Tuesday, a ferry waits at the pier. " + story +
                     "A ferry waited at the pier on March 2, 2009. (Image courtesy Jane Roe.) " +
                     story + "Dock workers stopped all ferries on Friday.",
                 kSaturday),
            (std::vector<Row>{{"Friday", "2026-03-13", kDoc, false}}));
  // A credit closing a short paragraph.
  EXPECT_EQ(Rows("A ferry waits at the pier on Tuesday. (Harbor Wire Photo/Jane Roe)\n"
                 "Dock workers stopped all ferries on Friday.",
                 kSaturday),
            (std::vector<Row>{{"Friday", "2026-03-13", kDoc, false}}));
}

// --- Tense: future cues the nearest-cue rule missed --------------------------

TEST_F(TimelineTest, FutureTenseInJanuaryResolvesForward) {
  // The relative clause between dashes holds "will"; "did" after it is nearer in tokens
  // (each byte of a dash was one), but belongs to another clause.
  constexpr char kNovember[] = "2025-11-19";
  EXPECT_EQ(DateOf("When planning the fare card \xE2\x80\x93 which will be in its second year "
                   "in January \xE2\x80\x93 the council did much research.",
                   kNovember),
            std::make_pair(std::string("2026-01"), true));
  EXPECT_EQ(DateOf("The fare card, which will be in its second year in January, was a success.",
                   kNovember),
            std::make_pair(std::string("2026-01"), true));
  // The clause holds no cue: the sentence's nearest decides, as before.
  EXPECT_EQ(DateOf("In January, the council did much research.", kNovember),
            std::make_pair(std::string("2025-01"), false));
}

TEST_F(TimelineTest, WontWouldAndIsToAreFutureCues) {
  // "won't" was read as the past form "won".
  EXPECT_EQ(DateOf("The ferries won't sail on Monday.", kSaturday),
            std::make_pair(std::string("2026-03-16"), true));
  EXPECT_EQ(DateOf("The ferries won\xE2\x80\x99t sail on Monday.", kSaturday),
            std::make_pair(std::string("2026-03-16"), true));
  EXPECT_EQ(DateOf("The Lanark team won on Monday.", kSaturday),
            std::make_pair(std::string("2026-03-09"), false));
  // Reported future: "said ... would" (the weekday is past by "said Tuesday" only).
  EXPECT_EQ(DateOf("The operator said the ferries would sail again in January.", "2025-11-19"),
            std::make_pair(std::string("2026-01"), true));
  EXPECT_EQ(DateOf("She would have turned 50 in January.", kSaturday),
            std::make_pair(std::string("2026-01"), false));
  EXPECT_EQ(DateOf("The minister is to visit the harbor on Tuesday.", kSaturday),
            std::make_pair(std::string("2026-03-17"), true));
  EXPECT_EQ(DateOf("The storm is to blame for the damage on Tuesday.", kSaturday),
            std::make_pair(std::string("2026-03-10"), false));
}

// --- Precision ---------------------------------------------------------------

TEST_F(TimelineTest, EveryExpressionHasAPrecision) {
  EXPECT_EQ(Precisions("Talks began on December 18, 2015, resumed on 27 November and in "
                       "January, ended in March 2026 and on Tuesday.",
                       kSaturday),
            (std::vector<PrecisionRow>{{"December 18, 2015", "2015-12-18", "day"},
                                       {"27 November", "2025-11-27", "day"},
                                       {"in January", "2026-01", "month"},
                                       {"March 2026", "2026-03", "month"},
                                       {"Tuesday", "2026-03-10", "day"}}));
  EXPECT_EQ(Precisions("Crews came yesterday, last week, last month and three days ago; they "
                       "return within six months.",
                       kSaturday),
            (std::vector<PrecisionRow>{{"yesterday", "2026-03-13", "day"},
                                       {"last week", "2026-03-07", "approximate"},
                                       {"last month", "2026-02", "month"},
                                       {"three days ago", "2026-03-11", "day"},
                                       {"within six months", "2026-09-14", "day"}}));
  // Unresolved expressions keep the precision of their form.
  EXPECT_EQ(Precisions("Crews came on Tuesday, last week and a year ago or so.", ""),
            (std::vector<PrecisionRow>{{"Tuesday", "", "day"},
                                       {"last week", "", "approximate"},
                                       {"a year ago or so", "", "approximate"}}));
}

TEST_F(TimelineTest, VagueExpressionsKeepTheirPrecision) {
  // "a year ago or so" was resolved to an exact day.
  EXPECT_EQ(Precisions("The pier was rebuilt a year ago or so.", kSaturday),
            (std::vector<PrecisionRow>{{"a year ago or so", "2025-03-14", "approximate"}}));
  EXPECT_EQ(Precisions("The pier was rebuilt a year or so ago.", kSaturday),
            (std::vector<PrecisionRow>{{"a year or so ago", "2025-03-14", "approximate"}}));
  EXPECT_EQ(Precisions("The ferry sank about two weeks ago.", kSaturday),
            (std::vector<PrecisionRow>{{"about two weeks ago", "2026-02-28", "approximate"}}));
  EXPECT_EQ(Precisions("Fares rose roughly a month ago.", kSaturday),
            (std::vector<PrecisionRow>{{"roughly a month ago", "2026-02-14", "approximate"}}));
  EXPECT_EQ(Precisions("The line opened more than a year ago.", kSaturday),
            (std::vector<PrecisionRow>{{"more than a year ago", "2025-03-14", "approximate"}}));
  EXPECT_EQ(Precisions("The line opened some 20 years ago.", kSaturday),
            (std::vector<PrecisionRow>{{"some 20 years ago", "2006-03-14", "approximate"}}));
  // Vague counts: 3, a couple 2, a range its first number.
  EXPECT_EQ(Precisions("The line opened some years ago.", kSaturday),
            (std::vector<PrecisionRow>{{"some years ago", "2023-03-14", "approximate"}}));
  EXPECT_EQ(Precisions("Divers came a few days ago.", kSaturday),
            (std::vector<PrecisionRow>{{"a few days ago", "2026-03-11", "approximate"}}));
  EXPECT_EQ(Precisions("Divers came a couple of weeks ago.", kSaturday),
            (std::vector<PrecisionRow>{{"a couple of weeks ago", "2026-02-28", "approximate"}}));
  EXPECT_EQ(Precisions("Divers came two or three weeks ago.", kSaturday),
            (std::vector<PrecisionRow>{{"two or three weeks ago", "2026-02-28", "approximate"}}));
  EXPECT_EQ(Precisions("Divers came a week or two ago.", kSaturday),
            (std::vector<PrecisionRow>{{"a week or two ago", "2026-03-07", "approximate"}}));
  // Recent periods.
  EXPECT_EQ(Precisions("Fares rose in recent weeks.", kSaturday),
            (std::vector<PrecisionRow>{{"in recent weeks", "2026-02-21", "approximate"}}));
  EXPECT_EQ(Precisions("Fares rose over the past few days.", kSaturday),
            (std::vector<PrecisionRow>{{"over the past few days", "2026-03-11", "approximate"}}));
  EXPECT_EQ(
      Precisions("Fares rose in the last couple of months.", kSaturday),
      (std::vector<PrecisionRow>{{"in the last couple of months", "2026-01-14", "approximate"}}));
  // Hedged and vague deadlines, a hedged day; "just" is no hedge.
  EXPECT_EQ(Precisions("Work ends within about six months.", kSaturday),
            (std::vector<PrecisionRow>{{"within about six months", "2026-09-14", "approximate"}}));
  EXPECT_EQ(Precisions("Work ends in the coming weeks.", kSaturday),
            (std::vector<PrecisionRow>{{"in the coming weeks", "2026-04-04", "approximate"}}));
  EXPECT_EQ(Precisions("Work ends in a few days.", kSaturday),
            (std::vector<PrecisionRow>{{"in a few days", "2026-03-17", "approximate"}}));
  EXPECT_EQ(Precisions("The pier closed around March 3.", kSaturday),
            (std::vector<PrecisionRow>{{"around March 3", "2026-03-03", "approximate"}}));
  EXPECT_EQ(
      Precisions("The pier closed on or about March 3, 2026.", kSaturday),
      (std::vector<PrecisionRow>{{"on or about March 3, 2026", "2026-03-03", "approximate"}}));
  EXPECT_EQ(Precisions("The pier closed just two weeks ago.", kSaturday),
            (std::vector<PrecisionRow>{{"two weeks ago", "2026-02-28", "day"}}));
  // A decimal is no count ("5 years ago" is not in "1.5 years ago").
  EXPECT_EQ(Precisions("The pier was rebuilt 1.5 years ago.", kSaturday),
            std::vector<PrecisionRow>{});
  // Not periods: an exact count, or no unit.
  EXPECT_EQ(Precisions("Fares rose in the past two years and in recent talks.", kSaturday),
            std::vector<PrecisionRow>{});
}

TEST_F(TimelineTest, LastYearAndEarlierThisYearAreYears) {
  EXPECT_EQ(Rows("Fares rose last year and earlier this year; they fall next year.", kSaturday),
            (std::vector<Row>{{"last year", "2025", kDoc, false},
                              {"earlier this year", "2026", kDoc, false},
                              {"next year", "2027", kDoc, true}}));
  EXPECT_EQ(Rows("A new pier opens later this year.", kSaturday),
            (std::vector<Row>{{"later this year", "2026", kDoc, true}}));
  EXPECT_EQ(Rows("Fares rose earlier this month and earlier this week.", kSaturday),
            (std::vector<Row>{{"earlier this month", "2026-03", kDoc, false},
                              {"earlier this week", kSaturday, kDoc, false}}));
  EXPECT_EQ(
      Kinds("Fares rose this year, last year and earlier this year.", kSaturday),
      (std::vector<KindRow>{
          {"this year", "deictic"}, {"last year", "relative"}, {"earlier this year", "relative"}}));
  EXPECT_EQ(Precisions("Fares rose last year and earlier this month.", kSaturday),
            (std::vector<PrecisionRow>{{"last year", "2025", "year"},
                                       {"earlier this month", "2026-03", "month"}}));
  EXPECT_EQ(Rows("A new pier opens later this year.", ""),
            (std::vector<Row>{{"later this year", "", "", true}}));
}

TEST_F(TimelineTest, NextYearOfANarrativeIsNotCountedFromTheDocumentDate) {
  EXPECT_EQ(Rows("The next year, the pier was sold.", kSaturday), std::vector<Row>{});
  EXPECT_EQ(Rows("The ferry sank the last week of June.", kSaturday), std::vector<Row>{});
  EXPECT_EQ(Rows("Fares will rise over the next year.", kSaturday),
            (std::vector<Row>{{"next year", "2027", kDoc, true}}));
  EXPECT_EQ(Rows("Crews worked through the last week.", kSaturday),
            (std::vector<Row>{{"last week", "2026-03-07", kDoc, false}}));
}

TEST_F(TimelineTest, EventPrecisionIsTheFinestOfItsCitations) {
  Cluster cluster = MakeCluster({
      {"The Kestrel pier closed about two weeks ago.", kSaturday},
      {"The Kestrel pier closed on February 28.", kSaturday},
      {"Fares on the Lanark line rose a year ago or so.", kSaturday},
      {"Fares on the Lanark line rose last year.", kSaturday},
  });
  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  std::vector<std::tuple<std::string, std::string, size_t, double>> got;
  for (const TimelineEvent& e : events) {
    got.emplace_back(e.date, e.precision, e.citations.size(), e.weight);
  }
  EXPECT_EQ(got, (std::vector<std::tuple<std::string, std::string, size_t, double>>{
                     {"2025", "year", 1, 2.5},
                     {"2025-03-14", "approximate", 1, 3.0},
                     {"2026-02-28", "day", 2, 5.5}}));
}

// --- Background ------------------------------------------------------------

TEST_F(TimelineTest, HistoricalReferencesAreBackground) {
  // Earliest document date 2015-11-27: background ends before 2014-11-27.
  Cluster cluster = MakeCluster({
      {"The attacks of September 11, 2001 changed air travel. Security rose in November 2014. "
       "The old pier opened on November 26, 2014. The new pier opened on November 27, 2014. "
       "Fares rose last year. The line opened some years ago. A ruling is expected within two "
       "years.",
       "2015-11-27"},
      {"The pier reopened on Friday.", "2015-12-05"},
  });
  std::vector<TimelineEvent> events = timeline_->Build(cluster);
  std::vector<std::tuple<std::string, bool, double>> got;
  for (const TimelineEvent& e : events) got.emplace_back(e.date, e.background, e.weight);
  EXPECT_EQ(got, (std::vector<std::tuple<std::string, bool, double>>{
                     {"2001-09-11", true, 2.5},  // 3.5 - 1
                     {"2012-11-27", true, 2.0},  // approximate: 3.0 - 1
                     {"2014", false, 2.5},       // the year's last day is within 365 days
                     {"2014-11", false, 3.0},
                     {"2014-11-26", true, 2.5},   // 366 days before
                     {"2014-11-27", false, 3.5},  // 365 days before
                     {"2015-12-04", false, 3.5},
                     {"2017-11-27", false, 3.5}}));
  // Without any document date, nothing is background.
  cluster = MakeCluster({{"The attacks of September 11, 2001 changed air travel.", ""}});
  events = timeline_->Build(cluster);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_FALSE(events[0].background);
}

// --- The shared seed cluster (skipped without ../shared/data) -------------

TEST_F(TimelineTest, SeedClusterTimelineIsNotFloodedByToday) {
  const std::string seeds = DOSSIER_SHARED_DATA "/seeds";
  if (!std::filesystem::is_directory(seeds)) GTEST_SKIP() << "no seeds at " << seeds;
  std::vector<Cluster> clusters;
  Status s = ReadInputs(
      {seeds}, ReadOptions{}, [&](Cluster&& c) { clusters.push_back(std::move(c)); }, nullptr);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(clusters.size(), 1u);
  Pipeline::Scratch scratch = pipeline_->NewScratch();
  pipeline_->Analyze(&clusters[0], &scratch);
  std::vector<TimelineEvent> events = timeline_->Build(clusters[0]);

  std::map<std::pair<uint32_t, std::string>, int> deictic;  // (document, date) -> events
  bool crash = false, six_months = false, eighteen_months = false;
  for (const TimelineEvent& e : events) {
    std::set<uint32_t> docs;
    for (const TimeExpression& c : e.citations) {
      docs.insert(c.document);
      if (c.kind == "deictic") ++deictic[{c.document, c.date}];
    }
    if (e.date == "2015-10-31" && docs.size() >= 2) crash = true;
    if (e.date == "2016-06-18" && e.kind == "deadline") six_months = true;
    if (e.date == "2017-06-18" && e.kind == "deadline") eighteen_months = true;
  }
  for (const auto& [key, count] : deictic) {
    EXPECT_EQ(count, 1) << "document " << key.first << " date " << key.second;
  }
  EXPECT_TRUE(crash);
  EXPECT_TRUE(six_months);
  EXPECT_TRUE(eighteen_months);
  EXPECT_LE(events.size(), 45u);
}

// ---- Word lists from a data folder ----------------------------------------------------

class TimelineWordsTest : public DataFolderTest {
 protected:
  // "expression=date" for every expression of `text` read as of `date`.
  static std::vector<std::string> Found(const TimelineBuilder& timeline, const std::string& text,
                                        const std::string& date) {
    Result<Pipeline> pipeline = Pipeline::Create({});
    EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
    if (!pipeline.ok()) return {};
    Document doc = AnalyzedDocument(*pipeline, text);
    doc.date = date;
    std::vector<std::string> found;
    for (const TimeExpression& e : timeline.Extract(doc, 0)) {
      found.push_back(std::string(e.span.Slice(doc.text)) + "=" + e.date);
    }
    return found;
  }
};

TEST_F(TimelineWordsTest, WordsAddedToTheDataFolderAreUsed) {
  Extend("en/time_words.txt", "overmorrow | day | 2");
  Extend("en/months.txt", "brumaire | 11");
  Extend("en/tense_words.txt", "meets | future");
  Extend("en/time_units.txt", "fortnight | week | singular");
  Result<TimelineBuilder> folder = TimelineBuilder::Create(data_dir());
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  Result<TimelineBuilder> built_in = TimelineBuilder::Create("");
  ASSERT_TRUE(built_in.ok()) << built_in.status().ToString();
  const std::string text =
      "The council meets on Tuesday. The vote is overmorrow. The talks began on Brumaire 3, "
      "2015. The port closed last fortnight.";
  // A new day word, month name and unit; "meets" is a future cue, so
  // Tuesday is the next one.
  EXPECT_EQ(Found(*folder, text, kSaturday),
            (std::vector<std::string>{"Tuesday=2026-03-17", "overmorrow=2026-03-16",
                                      "Brumaire 3, 2015=2015-11-03", "last fortnight=2026-03-07"}));
  // The built-in lists know none of them: a sentence without cues makes
  // Tuesday the last one.
  EXPECT_EQ(Found(*built_in, text, kSaturday), (std::vector<std::string>{"Tuesday=2026-03-10"}));
}

TEST_F(TimelineWordsTest, ALanguageIsAFolderOfTheSameFiles) {
  EXPECT_EQ(TimelineBuilder::Create("", "xx").status().code(), StatusCode::kNotFound);
  CopyLanguage("en", "xx");
  Write("xx/weekdays.txt",
        "lundi | 1\nmardi | 2\nmercredi | 3\njeudi | 4\nvendredi | 5\nsamedi | 6\n"
        "dimanche | 7\n");
  Extend("en/time_words.txt", "hier | day | -1", "xx/time_words.txt");
  Result<TimelineBuilder> xx = TimelineBuilder::Create(data_dir(), "xx");
  ASSERT_TRUE(xx.ok()) << xx.status().ToString();
  EXPECT_EQ(Found(*xx, "Mardi, the council voted. The port closed hier.", kSaturday),
            (std::vector<std::string>{"Mardi=2026-03-10", "hier=2026-03-13"}));
  EXPECT_EQ(TimelineBuilder::Create(data_dir(), "zz").status().code(), StatusCode::kNotFound);
  // A bad line names its file and line.
  Write("xx/time_units.txt", "fortnight | fortnight | singular\n");
  Result<TimelineBuilder> bad = TimelineBuilder::Create(data_dir(), "xx");
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(bad.status().input(), "xx/time_units.txt") << bad.status().ToString();
}

}  // namespace
}  // namespace dossier
