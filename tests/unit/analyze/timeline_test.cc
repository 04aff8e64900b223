#include "analyze/timeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

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
}

TEST_F(TimelineTest, ImpossibleDaysAndTimesAreNotDates) {
  EXPECT_EQ(Rows("The memo was dated February 30.", kSaturday), std::vector<Row>{});
  EXPECT_EQ(Rows("The memo was dated February 30, 2015.", kSaturday), std::vector<Row>{});
  EXPECT_EQ(Rows("It fell at 4:30 a.m. on a stormy night.", kSaturday), std::vector<Row>{});
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

}  // namespace
}  // namespace dossier
