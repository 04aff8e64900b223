#include "segment/clutter.h"

#include <gtest/gtest.h>

#include "../data_folder.h"

namespace dossier {
namespace {

class ClutterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<ClutterFilter> f = ClutterFilter::Create("");
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    filter_ = std::move(*f);
  }
  // Returns the kept paragraphs' texts and fills removed with "kind:text".
  std::vector<std::string> Run(std::string_view text, std::vector<std::string>* removed) {
    std::vector<Span> paras;
    std::vector<ClutterLine> clutter;
    filter_.Apply(text, &paras, &clutter);
    std::vector<std::string> kept;
    for (Span p : paras) kept.emplace_back(p.Slice(text));
    for (const ClutterLine& c : clutter) {
      removed->push_back(std::string(ClutterKindName(c.kind)) + ":" +
                         std::string(c.span.Slice(text)));
    }
    return kept;
  }
  ClutterFilter filter_;
};

TEST_F(ClutterTest, BoilerplateLinesAreRemoved) {
  std::vector<std::string> removed;
  auto kept =
      Run("Advertisement\n\nStory starts here.\n  ADVERTISEMENT  \nShare this article\n"
          "Subscribe to our newsletter\nIn this article\nStory ends.\n",
          &removed);
  EXPECT_EQ(kept, (std::vector<std::string>{"Story starts here.", "Story ends."}));
  EXPECT_EQ(removed.size(), 5u);
  EXPECT_EQ(removed[0], "boilerplate:Advertisement");
}

TEST_F(ClutterTest, RepeatedHeadlineKeepsTheFirstCopy) {
  std::vector<std::string> removed;
  auto kept = Run("Ferry Hit By Falling Cables\n\nFerry Hit By Falling Cables\n\nBody.", &removed);
  EXPECT_EQ(kept, (std::vector<std::string>{"Ferry Hit By Falling Cables", "Body."}));
  EXPECT_EQ(removed, (std::vector<std::string>{"repeated_line:Ferry Hit By Falling Cables"}));
}

TEST_F(ClutterTest, PhotoCreditsAndCaptionsAreRemoved) {
  std::vector<std::string> removed;
  auto kept =
      Run("Photo: Marlow Bay Fire Department\n"
          "Crews at the pier on Tuesday. (Jane Roe / Staff Photographer)\n"
          "The photographer who took the picture said the crews worked all night, and the "
          "agency (which hired him) confirmed it.\n",
          &removed);
  EXPECT_EQ(kept.size(), 1u);
  EXPECT_EQ(removed.size(), 2u);
  EXPECT_EQ(removed[0].rfind("photo_credit:", 0), 0u);
}

TEST_F(ClutterTest, WholeFilePhotoCaptionIsClutterNotStory) {
  std::vector<std::string> removed;
  auto kept =
      Run("FILE - In this May 4, 2001, file photo, the county courthouse stands on Main Street in "
          "Dalton, where the trial of the former mayor opened that spring after months of delay "
          "and two changes of venue. (Photo by Ken Alder, File)\n"
          "A man was shot dead outside the county courthouse on Monday, police said.\n",
          &removed);
  EXPECT_EQ(kept,
            (std::vector<std::string>{
                "A man was shot dead outside the county courthouse on Monday, police said."}));
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].rfind("photo_credit:FILE - In this May 4, 2001", 0), 0u);
}

TEST_F(ClutterTest, StoryLinesThatMentionPromptsAreKept) {
  std::vector<std::string> removed;
  auto kept =
      Run("Officials said readers should share this article only after checking the facts, "
          "because rumours about the bridge spread quickly on social media over the weekend.\n"
          "Advertisement revenue fell by 3 percent.\n",
          &removed);
  EXPECT_EQ(kept.size(), 2u);
  EXPECT_TRUE(removed.empty());
}

TEST_F(ClutterTest, HardWrappedTextJoinsLinesIntoParagraphs) {
  std::string text;
  for (int p = 0; p < 3; ++p) {
    for (int l = 0; l < 4; ++l) {
      text += "this is wrapped line " + std::to_string(l) + " of prose that goes on and on\n";
    }
    text += "and it ends here.\n\n";
  }
  std::vector<std::string> removed;
  auto kept = Run(text, &removed);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_NE(kept[0].find("on\nthis is wrapped line 1"), std::string::npos);
}

TEST(SplitLinesTest, TrimsAndSkipsBlankLines) {
  std::string_view t = "  a \n\n\t b\n";
  auto lines = SplitLines(t);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].Slice(t), "a");
  EXPECT_EQ(lines[1].Slice(t), "b");
}

class ClutterWordsTest : public DataFolderTest {
 protected:
  static std::vector<std::string> Removed(const ClutterFilter& f, std::string_view text) {
    std::vector<Span> paras;
    std::vector<ClutterLine> clutter;
    f.Apply(text, &paras, &clutter);
    std::vector<std::string> removed;
    for (const ClutterLine& c : clutter) {
      removed.push_back(std::string(ClutterKindName(c.kind)) + ":" +
                        std::string(c.span.Slice(text)));
    }
    return removed;
  }
};

TEST_F(ClutterWordsTest, BylinesCaptionsAndLinesOfTheDataFolderAreClutter) {
  Extend("en/bylines.txt", "par | line");
  Extend("en/captions.txt", "foto | photo");
  Extend("en/clutter_lines.txt", "publicit\xc3\xa9");
  Result<ClutterFilter> folder = ClutterFilter::Create(data_dir());
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  Result<ClutterFilter> built_in = ClutterFilter::Create("");
  ASSERT_TRUE(built_in.ok()) << built_in.status().ToString();
  const std::string text =
      "Par Jean Dupont\nFoto: le ferry au port de Marlow.\nPublicit\xc3\xa9\n"
      "Le ferry est rest\xc3\xa9 au port toute la journ\xc3\xa9"
      "e de vendredi.";
  const std::string byline = ClutterKindName(ClutterKind::kByline);
  EXPECT_EQ(Removed(*folder, text),
            (std::vector<std::string>{
                byline + ":Par Jean Dupont",
                std::string(ClutterKindName(ClutterKind::kPhotoCredit)) +
                    ":Foto: le ferry au port de Marlow.",
                std::string(ClutterKindName(ClutterKind::kBoilerplate)) + ":Publicit\xc3\xa9"}));
  EXPECT_TRUE(Removed(*built_in, text).empty());
}

// Another language's filter adds its own lines to English's, and folds every letter
// ("ЧИТАЙТЕ ТАКЖЕ" is "читайте также"); English's filter keeps them as story text.
TEST_F(ClutterWordsTest, ALanguageAddsItsOwnLinesToEnglishs) {
  Result<ClutterFilter> german = ClutterFilter::Create("", "de");
  ASSERT_TRUE(german.ok()) << german.status().ToString();
  Result<ClutterFilter> russian = ClutterFilter::Create("", "ru");
  ASSERT_TRUE(russian.ok()) << russian.status().ToString();
  Result<ClutterFilter> english = ClutterFilter::Create("");
  ASSERT_TRUE(english.ok()) << english.status().ToString();
  const std::string boilerplate = ClutterKindName(ClutterKind::kBoilerplate);
  const std::string credit = ClutterKindName(ClutterKind::kPhotoCredit);
  const std::string de =
      "ANZEIGE\nDie F\xc3\xa4hre blieb am Freitag im Hafen.\nLesen Sie auch: Streik im Hafen\n"
      "Foto: Hafenamt\nAdvertisement\nDer Betrieb l\xc3\xa4uft wieder.\n";
  EXPECT_EQ(Removed(*german, de),
            (std::vector<std::string>{boilerplate + ":ANZEIGE",
                                      boilerplate + ":Lesen Sie auch: Streik im Hafen",
                                      credit + ":Foto: Hafenamt", boilerplate + ":Advertisement"}));
  EXPECT_EQ(Removed(*english, de), (std::vector<std::string>{boilerplate + ":Advertisement"}));
  // "ЧИТАЙТЕ ТАКЖЕ", then "Паром остался в порту." and "Реклама".
  const std::string ru =
      "\xd0\xa7\xd0\x98\xd0\xa2\xd0\x90\xd0\x99\xd0\xa2\xd0\x95 "
      "\xd0\xa2\xd0\x90\xd0\x9a\xd0\x96\xd0\x95\n"
      "\xd0\x9f\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbc \xd0\xbe\xd1\x81\xd1\x82\xd0\xb0"
      "\xd0\xbb\xd1\x81\xd1\x8f \xd0\xb2 \xd0\xbf\xd0\xbe\xd1\x80\xd1\x82\xd1\x83.\n"
      "\xd0\xa0\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0\n";
  const std::vector<std::string> removed = Removed(*russian, ru);
  ASSERT_EQ(removed.size(), 2u);
  EXPECT_EQ(removed[0], boilerplate +
                            ":\xd0\xa7\xd0\x98\xd0\xa2\xd0\x90\xd0\x99\xd0\xa2"
                            "\xd0\x95 \xd0\xa2\xd0\x90\xd0\x9a\xd0\x96\xd0\x95");
  EXPECT_TRUE(Removed(*english, ru).empty());
}

// A language's filter knows its bylines and captions (data/<code>/bylines.txt,
// captions.txt) beside English's; English's filter keeps them as text.
TEST_F(ClutterWordsTest, ALanguagesBylinesAndCaptionsAreClutter) {
  Result<ClutterFilter> german = ClutterFilter::Create("", "de");
  ASSERT_TRUE(german.ok()) << german.status().ToString();
  Result<ClutterFilter> english = ClutterFilter::Create("");
  ASSERT_TRUE(english.ok()) << english.status().ToString();
  const std::string text =
      "Von Max Beispiel\nDie F\xc3\xa4hre blieb am Freitag im Hafen.\n"
      "Auf diesem Bild vom Freitag liegt die F\xc3\xa4hre am Anleger.\nBy Jane Roe\n";
  EXPECT_EQ(Removed(*german, text),
            (std::vector<std::string>{
                std::string(ClutterKindName(ClutterKind::kByline)) + ":Von Max Beispiel",
                std::string(ClutterKindName(ClutterKind::kPhotoCredit)) +
                    ":Auf diesem Bild vom Freitag liegt die F\xc3\xa4hre am Anleger.",
                std::string(ClutterKindName(ClutterKind::kByline)) + ":By Jane Roe"}));
  EXPECT_EQ(Removed(*english, text),
            (std::vector<std::string>{std::string(ClutterKindName(ClutterKind::kByline)) +
                                      ":By Jane Roe"}));
  // "Автор: Иван Петров" in a Russian report; "Автор: иван" is no name.
  Result<ClutterFilter> russian = ClutterFilter::Create("", "ru");
  ASSERT_TRUE(russian.ok()) << russian.status().ToString();
  const std::string ru_byline =
      "\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80: \xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd "
      "\xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2";
  EXPECT_EQ(Removed(*russian, ru_byline + "\n"),
            (std::vector<std::string>{std::string(ClutterKindName(ClutterKind::kByline)) + ":" +
                                      ru_byline}));
  EXPECT_TRUE(Removed(*russian,
                      "\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80: \xd0\xb8\xd0\xb2\xd0\xb0"
                      "\xd0\xbd \xd0\xbf\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2\n")
                  .empty());
}

// A data folder's list for a language replaces the built-in one for that language.
TEST_F(ClutterWordsTest, DataFolderListOfALanguageIsRead) {
  Extend("de/clutter_lines.txt", "hafenticker");
  Result<ClutterFilter> folder = ClutterFilter::Create(data_dir(), "de");
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  Result<ClutterFilter> built_in = ClutterFilter::Create("", "de");
  ASSERT_TRUE(built_in.ok()) << built_in.status().ToString();
  const std::string text = "Hafenticker\nDie F\xc3\xa4hre blieb am Freitag im Hafen.\n";
  EXPECT_EQ(Removed(*folder, text),
            (std::vector<std::string>{std::string(ClutterKindName(ClutterKind::kBoilerplate)) +
                                      ":Hafenticker"}));
  EXPECT_TRUE(Removed(*built_in, text).empty());
}

}  // namespace
}  // namespace dossier
