#include "brief/figure_report.h"

#include <gtest/gtest.h>

#include "../analyze/analyzed_text.h"

namespace dossier {
namespace {

class FigureReportTest : public ::testing::Test {
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
  // The label of the first figure of `text`.
  static std::string Label(const std::string& text) {
    const Document doc = AnalyzedDocument(*pipeline_, text);
    const std::vector<FigureMention> found = figures_->Extract(doc, 0);
    return found.empty() ? "(no figure)" : FigureLabel(*figures_, doc, found.front());
  }
  static Pipeline* pipeline_;
  static FigureExtractor* figures_;
};
Pipeline* FigureReportTest::pipeline_ = nullptr;
FigureExtractor* FigureReportTest::figures_ = nullptr;

TEST_F(FigureReportTest, CasualtyLabelSaysWhoAndWhere) {
  EXPECT_EQ(Label("More than 200,000 people are estimated to have been killed in the "
                  "country's civil war and there is evidence of more.\n"),
            "people killed in the country's civil war");
  EXPECT_EQ(Label("The storm killed 12 passengers on the ferry.\n"),
            "passengers killed on the ferry");
  EXPECT_EQ(Label("Over 300,000 people have been killed, and so now we need a solution.\n"),
            "people killed");
}

TEST_F(FigureReportTest, UnnamedFigureIsLabelledByItsClause) {
  EXPECT_EQ(Label("In addition, the election needs to take place within 18 months, same "
                  "starting time.\n"),
            "the election needs to take place within 18 months");
  EXPECT_EQ(Label("It is a challenge if 80 percent are hitting the opposition.\n"),
            "80 percent are hitting the opposition");
}

TEST_F(FigureReportTest, NamedFigureKeepsItsName) {
  EXPECT_EQ(Label("The government will pay for a $340 million repair.\n"), "repair");
}

}  // namespace
}  // namespace dossier
