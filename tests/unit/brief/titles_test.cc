#include "brief/titles.h"

#include <gtest/gtest.h>

#include "../temp_dir.h"
#include "util/data_files.h"

namespace dossier {
namespace {

// A label cut by the built-in English lists.
std::string LabelFromSentence(std::string_view sentence) {
  static const SentenceLabeler* labeler = [] {
    Result<SentenceLabeler> l = SentenceLabeler::Create("");
    EXPECT_TRUE(l.ok()) << l.status().ToString();
    return new SentenceLabeler(std::move(*l));
  }();
  return labeler->FromSentence(sentence);
}

TEST(TitlesTest, LabelCutsAtAClauseBoundary) {
  EXPECT_EQ(LabelFromSentence("The presidents of France and Russia agreed yesterday to tighten "
                              "cooperation, although they remained at odds over Syria."),
            "The presidents of France and Russia agreed yesterday to tighten cooperation…");
  EXPECT_EQ(LabelFromSentence("Divers found two cracks in the spillway; repairs start in May."),
            "Divers found two cracks in the spillway…");
  EXPECT_EQ(LabelFromSentence("The dam holds."), "The dam holds");
}

TEST(TitlesTest, LabelStopsAtFourteenWords) {
  EXPECT_EQ(LabelFromSentence("one two three four five six seven eight nine ten eleven twelve "
                              "thirteen fourteen fifteen sixteen"),
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen…");
}

TEST(TitlesTest, ALabelCutShortEndsOnAWordThatCarriesIt) {
  // Not on a stopword ...
  EXPECT_EQ(
      LabelFromSentence("The territory, hived off from the northern Northwest Territory, will "
                        "cover one quarter of Canada's land mass."),
      "The territory, hived off from the northern Northwest Territory, will cover one "
      "quarter…");
  // ... and at a comma among its last three words.
  EXPECT_EQ(LabelFromSentence("Almost 200 dissidents signed a letter to the Chinese government "
                              "protesting the detentions, said a rights group in Hong Kong."),
            "Almost 200 dissidents signed a letter to the Chinese government protesting the "
            "detentions…");
  // Never below six words.
  EXPECT_EQ(LabelFromSentence("one two three four five six of the of the of the of the of the"),
            "one two three four five six…");
}

TEST(TitlesTest, HeadlineMustBeAHeadline) {
  Document doc;
  doc.id = "feed.jsonl:3";
  doc.title = "Ostvik council approves new ferry terminal";
  EXPECT_EQ(UsableHeadline(doc), "Ostvik council approves new ferry terminal");
  doc.title = "https://example.com/story/123";
  EXPECT_EQ(UsableHeadline(doc), "");
  doc.title = "Untitled";
  EXPECT_EQ(UsableHeadline(doc), "");
  doc.title = "feed.jsonl:3";
  EXPECT_EQ(UsableHeadline(doc), "");
}

class TitlesDataTest : public TempDirTest {};

TEST_F(TitlesDataTest, AClauseOpenerOfTheDataFolderCutsTheLabel) {
  const std::string sentence =
      "The council approved the new ferry terminal on Monday, whereas the port objected.";
  Result<SentenceLabeler> builtin = SentenceLabeler::Create("");
  ASSERT_TRUE(builtin.ok());
  EXPECT_EQ(builtin->FromSentence(sentence),
            "The council approved the new ferry terminal on Monday, whereas the port objected");
  Result<std::string> openers = ReadDataFile("", "en/clause_openers.txt");
  ASSERT_TRUE(openers.ok());
  Write("en/clause_openers.txt", *openers + "whereas\n");
  Result<SentenceLabeler> changed = SentenceLabeler::Create(dir_.string());
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->FromSentence(sentence),
            "The council approved the new ferry terminal on Monday…");
  EXPECT_EQ(SentenceLabeler::Create("", "xx").status().code(), StatusCode::kNotFound);
}

TEST(TitlesTest, GermanLabelsEndBeforeAGermanClause) {
  Result<SentenceLabeler> de = SentenceLabeler::Create("", "de");
  ASSERT_TRUE(de.ok()) << de.status().ToString();
  EXPECT_EQ(de->FromSentence("Der Stadtrat genehmigte am Montag das neue Fährterminal, obwohl der "
                             "Hafen dagegen war."),
            "Der Stadtrat genehmigte am Montag das neue Fährterminal\xE2\x80\xA6");
  for (const char* lang : {"fr", "es", "it", "pt", "ru"}) {
    EXPECT_TRUE(SentenceLabeler::Create("", lang).ok()) << lang;
  }
}

}  // namespace
}  // namespace dossier
