#include "cluster/pile.h"

#include <gtest/gtest.h>

#include "../analyze/analyzed_text.h"
#include "analyze/timeline.h"

namespace dossier {
namespace {

class PileTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = new Pipeline(std::move(*p));
    Result<PileAnalyzer> a = PileAnalyzer::Create("", PileSettings{});
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    piles_ = new PileAnalyzer(std::move(*a));
    Result<TimelineBuilder> t = TimelineBuilder::Create("");
    ASSERT_TRUE(t.ok());
    timeline_ = new TimelineBuilder(std::move(*t));
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    delete piles_;
    delete timeline_;
  }
  // Documents as (date, text); analysed; the pile with their time expressions.
  static Pile Analyze(const std::vector<std::pair<std::string, std::string>>& docs,
                      Cluster* cluster) {
    for (const auto& [date, text] : docs) {
      Document d = AnalyzedDocument(*pipeline_, text);
      d.date = date;
      cluster->documents.push_back(std::move(d));
    }
    std::vector<std::vector<TimeExpression>> times;
    for (uint32_t d = 0; d < cluster->documents.size(); ++d) {
      times.push_back(timeline_->Extract(cluster->documents[d], d));
    }
    return piles_->Analyze(*cluster, times);
  }
  static Pipeline* pipeline_;
  static PileAnalyzer* piles_;
  static TimelineBuilder* timeline_;
};
Pipeline* PileTest::pipeline_ = nullptr;
PileAnalyzer* PileTest::piles_ = nullptr;
TimelineBuilder* PileTest::timeline_ = nullptr;

const std::string kFerryA =
    "Ostvik council voted on Wednesday to build a new ferry terminal on the eastern quay. "
    "Mayor Henrik Sael called the vote the biggest decision for the harbour in a generation. "
    "Councillor Greta Holm said the eastern quay floods in winter storms.\n";
const std::string kFerryB =
    "Councillors in Ostvik backed a ferry terminal on the eastern quay on Wednesday after a long "
    "debate. Mayor Henrik Sael said the terminal would bring visitors to the harbour, while "
    "Greta Holm feared winter storms would flood the quay.\n";
const std::string kOrchid =
    "Botanists found a colony of rare ghost orchids on the slopes of Mount Keld, the first "
    "sighting in forty years. Dr. Lena Paske of the Keld Botanical Society counted thirty "
    "plants growing in deep shade under beech trees.\n";

TEST_F(PileTest, ExactAndTrimmedCopiesPointToTheirOriginal) {
  Cluster c;
  const std::string longer = kFerryA +
                             "\nThe terminal will cost 48 million crowns and open in 2027, the "
                             "council said, and ferry operators welcomed the decision.\n";
  const Pile pile = Analyze({{"2024-06-12", longer},
                             {"2024-06-12", kFerryB},
                             {"2024-06-13", longer},    // an exact reprint, a day later
                             {"2024-06-12", kFerryA}},  // a trimmed reprint of the first
                            &c);
  EXPECT_EQ(pile.documents[0].copy_of, -1);
  EXPECT_EQ(pile.documents[1].copy_of, -1);
  EXPECT_EQ(pile.documents[2].copy_of, 0);
  EXPECT_EQ(pile.documents[3].copy_of, 0);
  EXPECT_EQ(pile.independent_reports, 2u);
  EXPECT_EQ(pile.set_aside, 0u);
}

TEST_F(PileTest, EarlierCopyIsTheOriginal) {
  Cluster c;
  const Pile pile = Analyze({{"2024-06-13", kFerryA}, {"2024-06-12", kFerryA}}, &c);
  EXPECT_EQ(pile.documents[0].copy_of, 1);
  EXPECT_EQ(pile.documents[1].copy_of, -1);
}

TEST_F(PileTest, AnotherStoryIsSetAsideWithItsReason) {
  Cluster c;
  const Pile pile =
      Analyze({{"2024-06-12", kFerryA}, {"2024-06-11", kOrchid}, {"2024-06-12", kFerryB}}, &c);
  EXPECT_FALSE(pile.documents[0].set_aside);
  EXPECT_TRUE(pile.documents[1].set_aside);
  EXPECT_NE(pile.documents[1].set_aside_reason.find("not about the main story"), std::string::npos);
  EXPECT_FALSE(pile.documents[2].set_aside);
  EXPECT_EQ(pile.documents[1].event, -1);
  EXPECT_EQ(pile.independent_reports, 2u);
  EXPECT_EQ(pile.set_aside, 1u);
}

TEST_F(PileTest, UnrelatedReportsAreAllKeptAndFlagged) {
  // No two reports of one story: which one is "the story" would be a guess.
  Cluster c;
  const Pile pile = Analyze(
      {{"",
        "These pages are archived as they are created, so that the pages they refer to "
        "can be found again when they change or are taken from the web, and that is all.\n"},
       {"", kOrchid},
       {"2024-06-12", kFerryA}},
      &c);
  EXPECT_TRUE(pile.unrelated);
  EXPECT_EQ(pile.set_aside, 0u);
  for (const PileDocument& d : pile.documents) EXPECT_FALSE(d.set_aside);
  // One story with a stranger is no such pile.
  Cluster mixed;
  EXPECT_FALSE(
      Analyze({{"2024-06-12", kFerryA}, {"", kOrchid}, {"2024-06-12", kFerryB}}, &mixed).unrelated);
}

TEST_F(PileTest, ReportsWeeksApartAreTwoEventsInTimeOrder) {
  Cluster c;
  const Pile pile =
      Analyze({{"2024-06-30",
                "Ostvik ferry operators moved their sailings to the eastern quay terminal "
                "on Sunday, weeks after the council vote. Mayor Henrik Sael opened it.\n"},
               {"2024-06-12", kFerryA},
               {"2024-06-12", kFerryB}},
              &c);
  ASSERT_EQ(pile.events.size(), 2u);
  EXPECT_EQ(pile.events[0].first_date, "2024-06-12");
  EXPECT_EQ(pile.events[0].documents, (std::vector<uint32_t>{1, 2}));
  EXPECT_EQ(pile.events[1].first_date, "2024-06-30");
  EXPECT_EQ(pile.events[1].documents, (std::vector<uint32_t>{0}));
  EXPECT_EQ(pile.documents[0].event, 1);
}

TEST_F(PileTest, AnEventsDateIsTheDayItsLeadReports) {
  Cluster c;
  const Pile pile =
      Analyze({{"2024-06-13",
                "Ostvik council voted yesterday to build a new ferry terminal on the "
                "eastern quay. Mayor Henrik Sael called it a decision for a generation.\n"}},
              &c);
  ASSERT_EQ(pile.events.size(), 1u);
  EXPECT_EQ(pile.events[0].first_date, "2024-06-12");
  EXPECT_EQ(pile.documents[0].date, "2024-06-13");  // its own date is unchanged
}

TEST_F(PileTest, UndatedReportTakesTheEventsDateOnlyWhenItsTextSupportsIt) {
  Cluster c;
  const Pile pile = Analyze(
      {{"2024-06-12", kFerryA},
       // Written as of a day ("on Wednesday"): it takes the event's date, marked inferred.
       {"",
        "Councillors in Ostvik backed a ferry terminal on the eastern quay on Wednesday "
        "after a long debate; Mayor Henrik Sael said it would bring visitors to the "
        "harbour and Greta Holm feared storms.\n"},
       // No day of its own: no date.
       {"",
        "The eastern quay of Ostvik will have the ferry terminal its council chose, and "
        "Mayor Henrik Sael expects visitors; Greta Holm warns that storms flood the quay.\n"},
       // Names a later date: no date either.
       {"",
        "Councillors in Ostvik backed a ferry terminal on the eastern quay on Wednesday; "
        "Mayor Henrik Sael said on July 2, 2024 that it would bring visitors to the harbour "
        "and Greta Holm feared storms.\n"}},
      &c);
  ASSERT_EQ(pile.events.size(), 1u);
  EXPECT_EQ(pile.documents[1].date, "2024-06-12");
  EXPECT_TRUE(pile.documents[1].date_inferred);
  EXPECT_EQ(pile.documents[2].date, "");
  EXPECT_FALSE(pile.documents[2].date_inferred);
  EXPECT_EQ(pile.documents[3].date, "");
}

TEST_F(PileTest, EmptyPileAndSettingsOutOfRange) {
  Cluster c;
  const Pile pile = piles_->Analyze(c, {});
  EXPECT_TRUE(pile.documents.empty());
  EXPECT_TRUE(pile.events.empty());
  PileSettings bad;
  bad.story_link = 2;
  EXPECT_FALSE(PileAnalyzer::Create("", bad).ok());
}

}  // namespace
}  // namespace dossier
