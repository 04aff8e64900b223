#include "analyze/figures.h"

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

class FiguresTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = new Pipeline(std::move(*p));
    Result<FigureExtractor> f = FigureExtractor::Create("");
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    figures_ = new FigureExtractor(std::move(*f));
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    delete figures_;
  }

  static Document Analyze(std::string text) {
    return AnalyzedDocument(*pipeline_, std::move(text));
  }

  // (span text, value, value_high, qualifier, unit, what) of every figure.
  using Row = std::tuple<std::string, double, double, std::string, std::string, std::string>;
  static std::vector<Row> Rows(const std::string& text) {
    Document doc = Analyze(text);
    std::vector<Row> rows;
    for (const FigureMention& m : figures_->Extract(doc, 0)) {
      rows.emplace_back(std::string(m.span.Slice(doc.text)), m.value, m.value_high, m.qualifier,
                        m.unit, m.what);
    }
    return rows;
  }

  static Cluster MakeCluster(const std::vector<std::string>& texts) {
    return AnalyzedCluster(*pipeline_, texts);
  }

  static const FigureGroup* Find(const std::vector<FigureGroup>& groups, std::string_view what) {
    for (const FigureGroup& g : groups) {
      if (g.what == what) return &g;
    }
    return nullptr;
  }

  static Pipeline* pipeline_;
  static FigureExtractor* figures_;
};

Pipeline* FiguresTest::pipeline_ = nullptr;
FigureExtractor* FiguresTest::figures_ = nullptr;

TEST_F(FiguresTest, KillingAllPeopleOnBoard) {
  EXPECT_EQ(Rows("The jet crashed, killing all 224 people on board.\n"),
            (std::vector<Row>{{"224 people", 224, 224, "", "people", "killed"}}));
}

TEST_F(FiguresTest, WhichKilledPeople) {
  EXPECT_EQ(Rows("The attacks, which killed 130 people, shocked France.\n"),
            (std::vector<Row>{{"130 people", 130, 130, "", "people", "killed"}}));
}

TEST_F(FiguresTest, NumberWordsAndCasualtyVerbsAfter) {
  EXPECT_EQ(Rows("Two people died and 12 were injured.\n"),
            (std::vector<Row>{{"Two people", 2, 2, "", "people", "killed"},
                              {"12", 12, 12, "", "people", "injured"}}));
  EXPECT_EQ(Rows("Twenty-five people are confirmed dead.\n"),
            (std::vector<Row>{{"Twenty-five people", 25, 25, "", "people", "killed"}}));
}

// Regression: "one person" took "killed" from the clause before "and".
TEST_F(FiguresTest, MissingAfterKilledClauseAndPartitiveSkipped) {
  EXPECT_EQ(Rows("Two people were killed, and one person is still missing. At least 12 people "
                 "were injured, four of them seriously.\n"),
            (std::vector<Row>{{"Two people", 2, 2, "", "people", "killed"},
                              {"one person", 1, 1, "", "people", "missing"},
                              {"At least 12 people", 12, 12, "at least", "people", "injured"}}));
}

TEST_F(FiguresTest, QualifiersBeforeTheNumber) {
  EXPECT_EQ(Rows("The war has killed more than 200,000 people.\n"),
            (std::vector<Row>{
                {"more than 200,000 people", 200000, 200000, "more than", "people", "killed"}}));
  EXPECT_EQ(Rows("At least 12 people were injured.\n"),
            (std::vector<Row>{{"At least 12 people", 12, 12, "at least", "people", "injured"}}));
  EXPECT_EQ(
      Rows("It carried about 48,000 vehicles a day.\n"),
      (std::vector<Row>{{"about 48,000 vehicles", 48000, 48000, "about", "vehicle", "vehicle"}}));
  EXPECT_EQ(Rows("One lane should reopen within six months.\n"),
            (std::vector<Row>{{"within six months", 6, 6, "within", "month", "month"}}));
  EXPECT_EQ(Rows("The ferry had nearly 90 people on board.\n"),
            (std::vector<Row>{{"nearly 90 people", 90, 90, "nearly", "people", "people"}}));
}

TEST_F(FiguresTest, MoneyScalesAndPlus) {
  EXPECT_EQ(Rows("The state will pay for a $340 million repair.\n"),
            (std::vector<Row>{{"$340 million", 340e6, 340e6, "", "dollar", "dollar"}}));
  EXPECT_EQ(Rows("The deal is worth $4.5-plus billion.\n"),
            (std::vector<Row>{{"$4.5-plus billion", 4.5e9, 4.5e9, "plus", "dollar", "dollar"}}));
}

TEST_F(FiguresTest, PercentAndHyphenatedUnits) {
  EXPECT_EQ(Rows("The budget was cut by 18 per cent. The port handles 3.5 percent of trade and "
                 "80% of fuel.\n"),
            (std::vector<Row>{{"18 per cent", 18, 18, "", "percent", "percent"},
                              {"3.5 percent", 3.5, 3.5, "", "percent", "percent"},
                              {"80%", 80, 80, "", "percent", "percent"}}));
  EXPECT_EQ(Rows("A 180-metre section fell from the 1.2-kilometre span.\n"),
            (std::vector<Row>{{"180-metre", 180, 180, "", "metre", "metre"},
                              {"1.2-kilometre", 1.2, 1.2, "", "kilometre", "kilometre"}}));
}

TEST_F(FiguresTest, Ranges) {
  EXPECT_EQ(Rows("Climbers reached 5,000\xE2\x80\x93"
                 "6,000 metres.\n"),
            (std::vector<Row>{{"5,000\xE2\x80\x93"
                               "6,000 metres",
                               5000, 6000, "", "metre", "metre"}}));
  EXPECT_EQ(Rows("Climbers reached 5,000 to 6,000 metres.\n"),
            (std::vector<Row>{{"5,000 to 6,000 metres", 5000, 6000, "", "metre", "metre"}}));
  EXPECT_EQ(
      Rows("The march drew between 3 and 4 million people.\n"),
      (std::vector<Row>{{"between 3 and 4 million people", 3e6, 4e6, "", "people", "people"}}));
}

TEST_F(FiguresTest, SkipsYearsDatesTimesOrdinalsAndNames) {
  EXPECT_EQ(Rows("The bridge opened in 1987 and has been maintained since 2011.\n"),
            std::vector<Row>{});
  EXPECT_EQ(Rows("The inquiry opened on March 12 and reported on 14 November.\n"),
            std::vector<Row>{});
  EXPECT_EQ(Rows("It fell at 4:30 a.m. and the first call came at 5 a.m.\n"), std::vector<Row>{});
  EXPECT_EQ(Rows("The fourth pier held. Russia sent S-400 missiles to the G20 summit.\n"),
            std::vector<Row>{});
  EXPECT_EQ(Rows("\"It went dark,\" said Lena Marsh, 34, a nurse.\n"), std::vector<Row>{});
}

TEST_F(FiguresTest, CompatibleIntervals) {
  auto m = [](double v, std::string q) {
    FigureMention x;
    x.value = x.value_high = v;
    x.qualifier = std::move(q);
    return x;
  };
  EXPECT_TRUE(FigureExtractor::Compatible(m(224, ""), m(220, "over")));
  EXPECT_FALSE(FigureExtractor::Compatible(m(224, ""), m(230, "over")));
  EXPECT_TRUE(FigureExtractor::Compatible(m(130, "about"), m(140, "")));
  EXPECT_FALSE(FigureExtractor::Compatible(m(130, "about"), m(150, "")));
  EXPECT_TRUE(FigureExtractor::Compatible(m(12, "at least"), m(12, "")));
  EXPECT_FALSE(FigureExtractor::Compatible(m(300000, "over"), m(200000, "more than")));
  EXPECT_TRUE(FigureExtractor::Compatible(m(220000, "over"), m(200000, "more than")));
  EXPECT_FALSE(FigureExtractor::Compatible(m(2, ""), m(3, "")));
  EXPECT_TRUE(FigureExtractor::Compatible(m(5, "up to"), m(3, "")));
}

TEST_F(FiguresTest, GroupExactAndOverAgree) {
  Cluster c = MakeCluster({"The crash killed all 224 people on board.\n",
                           "All 224 people aboard were killed.\n",
                           "Officials said over 220 people died in the crash.\n"});
  std::vector<FigureGroup> groups = figures_->Group(c);
  const FigureGroup* g = Find(groups, "killed");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->unit, "people");
  EXPECT_EQ(g->status, FigureGroup::Status::kAgree);
  EXPECT_EQ(g->DocumentCount(), 3u);
  EXPECT_EQ(g->value, 224);
}

TEST_F(FiguresTest, GroupDifferentLowerBoundsConflict) {
  Cluster c = MakeCluster({"The Syrian war has killed over 300,000 people.\n",
                           "More than 200,000 people have died in Syria.\n"});
  const std::vector<FigureGroup> groups = figures_->Group(c);
  const FigureGroup* g = Find(groups, "killed");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->status, FigureGroup::Status::kConflict);
  EXPECT_EQ(g->mentions.size(), 2u);
}

TEST_F(FiguresTest, GroupTwoDiedVersusKillingThreeConflict) {
  Cluster c = MakeCluster(
      {"Two people died when the bridge fell.\n", "The bridge fell, killing three people.\n"});
  std::vector<FigureGroup> groups = figures_->Group(c);
  const FigureGroup* g = Find(groups, "killed");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->status, FigureGroup::Status::kConflict);
  EXPECT_EQ(g->DocumentCount(), 2u);
}

TEST_F(FiguresTest, GroupSameInjuredFigureAgrees) {
  Cluster c = MakeCluster({"12 people were injured.\n", "Police said 12 people were injured.\n",
                           "At the scene, 12 people were injured and taken to hospital.\n"});
  std::vector<FigureGroup> groups = figures_->Group(c);
  ASSERT_FALSE(groups.empty());
  EXPECT_EQ(groups[0].what, "injured");
  EXPECT_EQ(groups[0].status, FigureGroup::Status::kAgree);
  EXPECT_EQ(groups[0].DocumentCount(), 3u);
  EXPECT_EQ(groups[0].value, 12);
}

TEST(FiguresExampleTest, HarborBridgeInjuredAgreeDeathsConflict) {
  Result<Pipeline> pipeline = Pipeline::Create({});
  Result<FigureExtractor> figures = FigureExtractor::Create("");
  ASSERT_TRUE(pipeline.ok() && figures.ok());
  Pipeline::Scratch scratch = pipeline->NewScratch();
  std::vector<FigureGroup> groups;
  size_t documents = 0;
  Status s = ReadInputs(
      {DOSSIER_SOURCE_DIR "/examples/harbor-bridge"}, {},
      [&](Cluster&& c) {
        pipeline->Analyze(&c, &scratch);
        documents += c.documents.size();
        groups = figures->Group(c);
      },
      nullptr);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(documents, 5u);
  const FigureGroup* injured = nullptr;
  const FigureGroup* killed = nullptr;
  for (const FigureGroup& g : groups) {
    if (g.what == "injured") injured = &g;
    if (g.what == "killed") killed = &g;
  }
  ASSERT_NE(injured, nullptr);
  EXPECT_EQ(injured->value, 12);
  EXPECT_EQ(injured->status, FigureGroup::Status::kAgree);
  EXPECT_GE(injured->DocumentCount(), 3u);
  ASSERT_NE(killed, nullptr);
  EXPECT_EQ(killed->status, FigureGroup::Status::kConflict);
  EXPECT_EQ(killed->value, 2);  // four sources say two, one says three
  std::vector<double> values;
  for (const FigureMention& m : killed->mentions) values.push_back(m.value);
  EXPECT_NE(std::find(values.begin(), values.end(), 3), values.end());
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(FiguresRegressionTest, EstimatedTollsAreDeathFigures) {
  Result<Pipeline> pipeline = Pipeline::Create({});
  Result<FigureExtractor> figures = FigureExtractor::Create("");
  ASSERT_TRUE(pipeline.ok() && figures.ok());
  Document doc;
  doc.raw = doc.text =
      "More than 200,000 people are estimated to have been killed in the country's civil war.";
  doc.map = OffsetMap::Identity(static_cast<uint32_t>(doc.text.size()));
  Pipeline::Scratch scratch = pipeline->NewScratch();
  pipeline->Analyze(&doc, &scratch);
  std::vector<FigureMention> found = figures->Extract(doc, 0);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].what, "killed");
  EXPECT_EQ(found[0].value, 200000);
  EXPECT_EQ(found[0].qualifier, "more than");
}

}  // namespace
}  // namespace dossier
