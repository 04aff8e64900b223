// The figure word lists come from data/<language>/ and a data folder
// replaces them: for each list, a changed copy changes what the extractor
// finds, and without the folder the built-in list still holds.
#include "analyze/figure_words.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "analyze/figures.h"
#include "analyzed_text.h"
#include "dossier/pipeline.h"
#include "util/data_files.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class FigureWordsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = new Pipeline(std::move(*p));
  }
  static void TearDownTestSuite() { delete pipeline_; }
  void TearDown() override {
    for (const std::string& dir : dirs_) fs::remove_all(dir);
  }

  // A data folder holding en/`name`: the built-in list followed by `extra`
  // lines, or `extra` alone when `replace`.
  std::string FolderWith(const std::string& name, const std::string& extra, bool replace = false) {
    const fs::path dir = fs::path(testing::TempDir()) /
                         ("dossier-figure-words-" + std::to_string(dirs_.size()) + "-" +
                          testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir / "en");
    std::string content;
    if (!replace) {
      Result<std::string> built_in = ReadDataFile("", "en/" + name);
      EXPECT_TRUE(built_in.ok()) << name;
      if (built_in.ok()) content = *built_in + "\n";
    }
    std::ofstream(dir / "en" / name) << content << extra;
    dirs_.push_back(dir.string());
    return dir.string();
  }

  // The figures of `text` read with the lists of `data_dir` ("": built in).
  static std::vector<FigureMention> Figures(const std::string& data_dir, const std::string& text) {
    Result<FigureExtractor> figures = FigureExtractor::Create(data_dir);
    EXPECT_TRUE(figures.ok()) << figures.status().ToString();
    if (!figures.ok()) return {};
    return figures->Extract(AnalyzedDocument(*pipeline_, text), 0);
  }
  // The only figure of `text`; a default mention when there is not one.
  static FigureMention Only(const std::string& data_dir, const std::string& text) {
    std::vector<FigureMention> found = Figures(data_dir, text);
    EXPECT_EQ(found.size(), 1u) << text;
    return found.size() == 1 ? found[0] : FigureMention{};
  }

  static Pipeline* pipeline_;
  std::vector<std::string> dirs_;
};
Pipeline* FigureWordsTest::pipeline_ = nullptr;

TEST_F(FigureWordsTest, EveryListIsBuiltInForEnglish) {
  for (const char* name : {"en/number_words.txt", "en/magnitudes.txt", "en/fractions.txt",
                           "en/units.txt", "en/quantity_qualifiers.txt", "en/casualty_words.txt",
                           "en/figure_verbs.txt", "en/counted_nouns.txt", "en/figure_grammar.txt",
                           "en/figure_labels.txt", "en/earlier_markers.txt"}) {
    EXPECT_TRUE(HasDataFile("", name)) << name;
  }
  Result<figures_internal::FigureWords> words = figures_internal::LoadFigureWords("", "en");
  ASSERT_TRUE(words.ok()) << words.status().ToString();
  ASSERT_NE(words->FindUnit("metres"), nullptr);
  EXPECT_EQ(words->FindUnit("metres")->unit, "metre");
  EXPECT_EQ(words->FindUnit("metres")->kind, figures_internal::Kind::kLength);
  ASSERT_NE(words->FindScale("billion"), nullptr);
  EXPECT_EQ(words->FindScale("billion")->value, 1e9);
  EXPECT_EQ(words->FindScale("m"), nullptr);  // "m" is a magnitude only glued: "£5m"
  EXPECT_EQ(words->UnitKind("century"), figures_internal::Kind::kTime);
  EXPECT_EQ(words->UnitKind("percentage point"), figures_internal::Kind::kPercent);
}

TEST_F(FigureWordsTest, LanguageWithoutListsIsNotFound) {
  Result<FigureExtractor> figures = FigureExtractor::Create("", "xx");
  ASSERT_FALSE(figures.ok());
  EXPECT_EQ(figures.status().code(), StatusCode::kNotFound);
  // A folder that holds a language's lists makes it known.
  const fs::path dir = fs::path(testing::TempDir()) / "dossier-figure-words-xx";
  fs::remove_all(dir);
  fs::create_directories(dir / "xx");
  for (const std::string& name : EmbeddedDataFileNames()) {
    if (name.rfind("en/", 0) != 0) continue;
    std::ofstream(dir / "xx" / name.substr(3)) << *ReadDataFile("", name);
  }
  dirs_.push_back(dir.string());
  Result<FigureExtractor> xx = FigureExtractor::Create(dir.string(), "xx");
  ASSERT_TRUE(xx.ok()) << xx.status().ToString();
  EXPECT_EQ(xx->Extract(AnalyzedDocument(*pipeline_, "About 20 people died.\n"), 0).size(), 1u);
}

TEST_F(FigureWordsTest, UnreadableEntryIsInvalidArgument) {
  const std::string dir = FolderWith("units.txt", "furlongs | furlong | distance\n");
  Result<FigureExtractor> figures = FigureExtractor::Create(dir);
  ASSERT_FALSE(figures.ok());
  EXPECT_EQ(figures.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(figures.status().message().find("en/units.txt"), std::string::npos);
  const std::string magnitudes = FolderWith("magnitudes.txt", "lakh | many | word\n");
  EXPECT_EQ(FigureExtractor::Create(magnitudes).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(FigureWordsTest, NumberWordsOverride) {
  // A list without "seven" and with "sieben": the folder's list replaces the built-in one.
  const std::string dir = FolderWith("number_words.txt", "six | 6\nsieben | 7\n", true);
  const std::string german = "Officials said sieben people died in the storm.\n";
  EXPECT_TRUE(Figures("", german).empty());
  const FigureMention m = Only(dir, german);
  EXPECT_EQ(m.value, 7);
  EXPECT_EQ(m.what, "killed");
  EXPECT_TRUE(Figures(dir, "Officials said seven people died in the storm.\n").empty());
  EXPECT_EQ(Only("", "Officials said seven people died in the storm.\n").value, 7);
}

TEST_F(FigureWordsTest, MagnitudeOverride) {
  const std::string dir = FolderWith("magnitudes.txt", "lakh | 1e5 | word\n");
  const std::string text = "The state spent 5 lakh rupees on the school.\n";
  const FigureMention with = Only(dir, text);
  EXPECT_EQ(with.value, 5e5);
  EXPECT_EQ(with.unit, "rupee");
  EXPECT_EQ(Only("", text).value, 5);
}

TEST_F(FigureWordsTest, FractionOverride) {
  const std::string dir = FolderWith("fractions.txt", "sevenths | 7 | plural\n");
  const std::string text = "Two-sevenths of the voters stayed home.\n";
  for (const FigureMention& m : Figures("", text)) EXPECT_NE(m.unit, "percent");
  const FigureMention m = Only(dir, text);
  EXPECT_NEAR(m.value, 100.0 * 2 / 7, 1e-9);
  EXPECT_EQ(m.unit, "percent");
  EXPECT_EQ(m.what, "voters");
}

TEST_F(FigureWordsTest, UnitOverride) {
  const std::string dir = FolderWith("units.txt",
                                     "furlongs | furlong | length\n"
                                     "fur | furlong | length | glued\n"
                                     "\xC2\xA5 | yen | money | sign\n");
  const std::string text = "The horse ran 6 furlongs on Sunday.\n";
  EXPECT_EQ(Only("", text).unit, "");
  EXPECT_EQ(Only("", text).what, "furlongs");
  EXPECT_EQ(Only(dir, text).unit, "furlong");
  EXPECT_EQ(Only(dir, "The course is 8fur long.\n").unit, "furlong");
  EXPECT_EQ(Only(dir, "The course is 8fur long.\n").what, "length");
  // A currency sign before the number.
  EXPECT_TRUE(Figures("",
                      "The ticket cost \xC2\xA5"
                      "5,000 in March.\n")
                  .empty());
  const FigureMention yen = Only(dir,
                                 "The ticket cost \xC2\xA5"
                                 "5,000 in March.\n");
  EXPECT_EQ(yen.unit, "yen");
  EXPECT_EQ(yen.what, "cost");
}

TEST_F(FigureWordsTest, QualifierOverride) {
  const std::string dir = FolderWith("quantity_qualifiers.txt",
                                     "upward of | more than\n"
                                     "or so | about | after\n");
  const std::string text = "Upward of 300 people died in the flood.\n";
  EXPECT_EQ(Only("", text).qualifier, "");
  EXPECT_EQ(Only(dir, text).qualifier, "more than");
  EXPECT_EQ(Only(dir, "The fix cost $20 or so in parts.\n").qualifier, "about");
  EXPECT_EQ(Only("", "The fix cost $20 or so in parts.\n").qualifier, "");
}

TEST_F(FigureWordsTest, CasualtyWordOverride) {
  const std::string dir = FolderWith("casualty_words.txt", "drown | killed\n");
  const std::string text = "12 people drowned in the flood.\n";
  EXPECT_EQ(Only("", text).what, "people");
  EXPECT_EQ(Only(dir, text).what, "killed");
}

TEST_F(FigureWordsTest, VerbOverride) {
  const std::string dir = FolderWith("figure_verbs.txt", "ballooned | change\n");
  const std::string text = "Spending ballooned 12% last year.\n";
  EXPECT_EQ(Only("", text).what, "");
  EXPECT_EQ(Only(dir, text).what, "change in spending");
  EXPECT_EQ(Only(dir, text).what_key, "spend chang");
}

TEST_F(FigureWordsTest, CountedNounOverride) {
  const std::string dir = FolderWith("counted_nouns.txt", "fortnight | period\n");
  const std::string text = "Workers earn $500 a fortnight at the plant.\n";
  EXPECT_EQ(Only("", text).unit, "dollar");
  EXPECT_EQ(Only(dir, text).unit, "dollar per fortnight");
}

TEST_F(FigureWordsTest, EarlierMarkerOverride) {
  const std::string dir = FolderWith("earlier_markers.txt", "at the outset | marker\n");
  const std::string text =
      "At the outset officials said four people were injured. By evening 11 people were "
      "injured.\n";
  ASSERT_EQ(Figures("", text).size(), 2u);
  EXPECT_FALSE(Figures("", text)[0].earlier);
  ASSERT_EQ(Figures(dir, text).size(), 2u);
  EXPECT_TRUE(Figures(dir, text)[0].earlier);
  EXPECT_FALSE(Figures(dir, text)[1].earlier);
  // A folder whose list is empty marks nothing, even after a built-in marker.
  const std::string none = FolderWith("earlier_markers.txt", "# none\n", true);
  EXPECT_FALSE(Figures(none,
                       "Police initially said four people were injured. By evening 11 "
                       "people were injured.\n")[0]
                   .earlier);
}

TEST_F(FigureWordsTest, LanguageWithoutEarlierMarkersIsNotFound) {
  const fs::path dir = fs::path(testing::TempDir()) / "dossier-figure-words-xy";
  fs::remove_all(dir);
  fs::create_directories(dir / "xy");
  for (const std::string& name : EmbeddedDataFileNames()) {
    if (name.rfind("en/", 0) != 0 || name == "en/earlier_markers.txt") continue;
    std::ofstream(dir / "xy" / name.substr(3)) << *ReadDataFile("", name);
  }
  dirs_.push_back(dir.string());
  Result<FigureExtractor> xy = FigureExtractor::Create(dir.string(), "xy");
  ASSERT_FALSE(xy.ok());
  EXPECT_EQ(xy.status().code(), StatusCode::kNotFound);
  EXPECT_NE(xy.status().ToString().find("earlier_markers.txt"), std::string::npos)
      << xy.status().ToString();
}

TEST_F(FigureWordsTest, GrammarOverride) {
  // Another label for a change.
  std::string grammar = *ReadDataFile("", "en/figure_grammar.txt");
  const size_t at = grammar.find("\nchange in ");
  ASSERT_NE(at, std::string::npos);
  grammar.replace(at + 1, 9, "shift in");
  const std::string dir = FolderWith("figure_grammar.txt", grammar, true);
  const std::string text = "Sales rose 12% last year.\n";
  EXPECT_EQ(Only("", text).what, "change in sales");
  EXPECT_EQ(Only(dir, text).what, "shift in sales");
}

}  // namespace
}  // namespace dossier
