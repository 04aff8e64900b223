#include "brief/figure_report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "../analyze/analyzed_text.h"
#include "../data_folder.h"
#include "util/data_files.h"

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

// An earlier count a report replaces neither corroborates nor contradicts:
// the sources agree on the current toll.
TEST_F(FigureReportTest, EarlierCountNeitherAgreesNorConflicts) {
  const Cluster c = AnalyzedCluster(
      *pipeline_, {"Sixty people were killed in the fire.\n",
                   "Sixty people were killed in the fire. Police had initially said 65 people "
                   "were killed.\n"});
  std::vector<FigureGroup> multi, single;
  ReportableFigures(*figures_, figures_->Group(c), &multi, &single);
  ASSERT_EQ(multi.size(), 1u);
  EXPECT_EQ(multi[0].status, FigureGroup::Status::kAgree);
  EXPECT_EQ(multi[0].value, 60);
  EXPECT_EQ(multi[0].DocumentCount(), 2u);
  ASSERT_EQ(multi[0].mentions.size(), 3u);
  EXPECT_TRUE(multi[0].mentions[2].earlier);
}

// A report's earlier and current counts are one quantity however far apart
// (four, then eleven): another source's four is in conflict with the eleven,
// not confirmed by the earlier four.
TEST_F(FigureReportTest, EarlierAndCurrentCountOfAReportStayOneQuantity) {
  const Cluster c = AnalyzedCluster(
      *pipeline_, {"Four people were injured in the blast.\n",
                   "Eleven people were injured in the blast. Police had initially said four "
                   "people were injured.\n"});
  std::vector<FigureGroup> multi, single;
  ReportableFigures(*figures_, figures_->Group(c), &multi, &single);
  ASSERT_EQ(multi.size(), 1u);
  EXPECT_EQ(multi[0].status, FigureGroup::Status::kConflict);
  ASSERT_EQ(multi[0].mentions.size(), 3u);
  EXPECT_EQ(multi[0].mentions[0].value, 4);
  EXPECT_FALSE(multi[0].mentions[0].earlier);
  EXPECT_EQ(multi[0].mentions[1].value, 11);
  EXPECT_TRUE(multi[0].mentions[2].earlier);
  for (const FigureGroup& g : single) EXPECT_NE(g.value, 4);
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

// The label words come from en/figure_labels.txt, which a data folder replaces.
TEST_F(FigureReportTest, LabelWordsComeFromTheDataFolder) {
  const std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / "dossier-figure-labels";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "en");
  std::string labels = *ReadDataFile("", "en/figure_labels.txt");
  const size_t at = labels.find("\npeople ");
  ASSERT_NE(at, std::string::npos);
  labels.replace(at + 1, 6, "victims");
  std::ofstream(dir / "en" / "figure_labels.txt") << labels << "aboard | clause\n";
  Result<FigureExtractor> changed = FigureExtractor::Create(dir.string());
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();

  const Document doc =
      AnalyzedDocument(*pipeline_, "Over 300 died in the crash aboard the ship.\n");
  const std::vector<FigureMention> found = figures_->Extract(doc, 0);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(FigureLabel(*figures_, doc, found[0]), "people killed in the crash aboard the ship");
  EXPECT_EQ(FigureLabel(*changed, doc, found[0]), "victims killed in the crash");
}

// A language whose casualty keys are not its words labels a casualty with
// its own name for it (figure_labels.txt, casualty-name), capitalized where
// every noun is, and ends the place on a content word.
TEST_F(FigureReportTest, CasualtyLabelIsInTheDocumentsLanguage) {
  auto label = [](const std::string& language, const std::string& text) {
    Result<Pipeline> pipeline = PipelineIn(language);
    Result<FigureExtractor> figures = FigureExtractor::Create("", language);
    if (!pipeline.ok() || !figures.ok()) return std::string("(no lists)");
    const Document doc = AnalyzedDocument(*pipeline, text);
    const std::vector<FigureMention> found = figures->Extract(doc, 0);
    return found.empty() ? std::string("(no figure)") : FigureLabel(*figures, doc, found[0]);
  };
  EXPECT_EQ(label("de", "Bei dem Sturm wurden sieben Menschen verletzt.\n"), "Verletzte");
  EXPECT_EQ(label("fr", "Quatre personnes ont été blessées dans la collision du train de\n"),
            "blessés dans la collision du train");
  EXPECT_EQ(label("ru", "Пострадали три человека.\n"), "пострадавшие");
}

// The label of the first figure of `text` in `language`, with the lists of
// `data_dir` (empty: the built-in ones).
std::string LabelIn(const std::string& language, const std::string& text,
                    const std::string& data_dir = "") {
  Result<Pipeline> pipeline = PipelineIn(language, data_dir);
  Result<FigureExtractor> figures = FigureExtractor::Create(data_dir, language);
  if (!pipeline.ok() || !figures.ok()) return "(no lists)";
  const Document doc = AnalyzedDocument(*pipeline, text);
  const std::vector<FigureMention> found = figures->Extract(doc, 0);
  return found.empty() ? "(no figure)" : FigureLabel(*figures, doc, found[0]);
}

// A measure of a topic the language names (figure_labels.txt measure-name
// of a figure_grammar.txt measure-topic) is labelled by it, not by the noun
// it is of ("hectáreas de monte bajo").
TEST(FigureLabelInLanguagesTest, AMeasureOfANamedTopicIsLabelledByIt) {
  EXPECT_EQ(LabelIn("es", "El fuego ha calcinado unas 800 hectáreas de monte bajo.\n"),
            "superficie quemada");
  EXPECT_EQ(LabelIn("es", "La finca tiene 800 hectáreas de monte bajo.\n"), "monte");
}

// A count of people with no noun of its own is named by the verb next to it
// (figure_labels.txt people-verb), not by its clause; English has none.
TEST(FigureLabelInLanguagesTest, AVerbNamesACountOfPeople) {
  EXPECT_EQ(LabelIn("ru", "В посёлке, где проживают около 12 тыс. человек, нет воды.\n"), "жители");
  EXPECT_EQ(LabelIn("ru", "За сутки в пункты обогрева обратились более 300 человек.\n"),
            "обратившиеся");
  EXPECT_EQ(LabelIn("en", "At the plant, where about 1,200 people work, the lights are out.\n"),
            "about 1,200 people work");
}

class FigureLabelWordsTest : public DataFolderTest {};

// The measure names and people verbs of a data folder's figure_labels.txt.
TEST_F(FigureLabelWordsTest, MeasureNamesAndPeopleVerbsOfTheDataFolder) {
  Extend("ru/figure_labels.txt", "ночуют | people-verb | ночующие");
  const std::string text = "В спортзале ночуют около 200 человек.\n";
  EXPECT_EQ(LabelIn("ru", text, data_dir()), "ночующие");
  EXPECT_NE(LabelIn("ru", text), "ночующие");
  std::string labels = *ReadDataFile("", "es/figure_labels.txt");
  const size_t at = labels.find("superficie quemada |");
  ASSERT_NE(at, std::string::npos);
  labels.replace(at, std::string("superficie quemada").size(), "área quemada");
  Write("es/figure_labels.txt", labels);
  EXPECT_EQ(LabelIn("es", "El fuego ha calcinado unas 800 hectáreas de monte bajo.\n", data_dir()),
            "área quemada");
}

}  // namespace
}  // namespace dossier
