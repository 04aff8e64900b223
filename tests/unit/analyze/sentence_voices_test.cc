#include "analyze/sentence_voices.h"

#include <gtest/gtest.h>

#include "../temp_dir.h"
#include "analyzed_text.h"
#include "util/data_files.h"

namespace dossier {
namespace {

class SentenceVoicesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok());
    pipeline_ = new Pipeline(std::move(*p));
    Result<QuoteExtractor> q = QuoteExtractor::Create("");
    ASSERT_TRUE(q.ok());
    quotes_ = new QuoteExtractor(std::move(*q));
    Result<SentenceVoiceFinder> v = SentenceVoiceFinder::Create("");
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    voices_ = new SentenceVoiceFinder(std::move(*v));
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    delete quotes_;
    delete voices_;
  }
  static std::vector<SentenceVoice> Voices(const std::string& text,
                                           const std::string& byline = "") {
    Document doc = AnalyzedDocument(*pipeline_, text);
    doc.byline = byline;
    return voices_->Find(doc, quotes_->Extract(doc));
  }
  static Pipeline* pipeline_;
  static QuoteExtractor* quotes_;
  static SentenceVoiceFinder* voices_;
};
Pipeline* SentenceVoicesTest::pipeline_ = nullptr;
QuoteExtractor* SentenceVoicesTest::quotes_ = nullptr;
SentenceVoiceFinder* SentenceVoicesTest::voices_ = nullptr;

TEST_F(SentenceVoicesTest, TranscriptLinesAreTheirTurnsSpeakers) {
  const std::vector<SentenceVoice> v = Voices(
      "MINISTER DOLAN: We agreed that the commission will meet every month.\n\n"
      "QUESTION: Will farmers be paid?\n\n"
      "MODERATOR: We have no more time for questions today.\n\n"
      "MINISTER DOLAN: No compensation is foreseen in the treaty.\n");
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0].speaker, "Dolan");
  EXPECT_TRUE(v[0].needs_speaker);
  EXPECT_FALSE(v[0].barred);    // first person, but the speaker is known
  EXPECT_EQ(v[1].speaker, "");  // a question turn
  EXPECT_TRUE(v[2].barred);     // a role running the event
  EXPECT_EQ(v[3].speaker, "Dolan");
}

TEST_F(SentenceVoicesTest, QuotationTakesItsAttributedSpeaker) {
  const std::vector<SentenceVoice> v = Voices(
      "\"We will not reopen the line until it is safe,\" Tomasz Wren said.\n\n"
      "\"We have waited for this,\" Wren said. \"It is the right call.\"\n");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0].speaker, "Tomasz Wren");
  EXPECT_FALSE(v[0].needs_speaker);  // named in the sentence
  EXPECT_FALSE(v[0].barred);
  EXPECT_EQ(v[2].speaker, "Tomasz Wren");
  EXPECT_TRUE(v[2].needs_speaker);  // a continued quotation names no one
}

TEST_F(SentenceVoicesTest, FirstPersonWithNoOneToNameIsBarred) {
  const std::vector<SentenceVoice> v =
      Voices("The line was closed on Monday.\n\n\"I've done everything I could.\"\n");
  ASSERT_EQ(v.size(), 2u);
  EXPECT_FALSE(v[0].barred);
  EXPECT_TRUE(v[1].first_person);
  EXPECT_TRUE(v[1].barred);
}

TEST_F(SentenceVoicesTest, NarrationInTheFirstPersonIsTheAuthors) {
  std::vector<SentenceVoice> v =
      Voices("I walked the trail for six months.\n", "Jane Roe, Staff Writer");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].speaker, "Jane Roe");
  EXPECT_FALSE(v[0].barred);
  v = Voices("I walked the trail for six months.\n");
  EXPECT_EQ(v[0].speaker, std::string(SentenceVoiceFinder::kAuthor));
  // "our" alone is the writer's inclusive voice, not a speaker to name.
  v = Voices("Storms will reach our coast by Friday.\n");
  EXPECT_FALSE(v[0].first_person);
  EXPECT_EQ(v[0].speaker, "");
}

TEST_F(SentenceVoicesTest, ProceduralLinesAreBarred) {
  const std::vector<SentenceVoice> v = Voices(
      "MINISTER VARGA: Good afternoon, everybody. Thank you very much for coming.\n\n"
      "QUESTION: When will the commission meet?\n");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_TRUE(v[0].procedural && v[0].barred);
  EXPECT_TRUE(v[1].procedural && v[1].barred);
}

TEST_F(SentenceVoicesTest, SpacedClosingMarkEndsTheQuotation) {
  // Re-spaced text (", \" said") closes a quotation with a mark spaced on
  // both sides: the verb after it is outside, so the quoted first person
  // has a named speaker and is not barred, even in lower case.
  const std::vector<SentenceVoice> v = Voices(
      "\"the toll bridge is a mistake, \" said dolan, who leads the council. \"there is "
      "a problem with the budget. I intend to call the minister tomorrow, \" dolan said in a "
      "statement from leeds.\n");
  ASSERT_EQ(v.size(), 2u);  // no sentence starts at the lower-case "there"
  EXPECT_FALSE(v[1].first_person);
  EXPECT_FALSE(v[1].barred);
}

class SentenceVoicesDataTest : public TempDirTest {};

TEST_F(SentenceVoicesDataTest, ABylineJoinerOfTheDataFolderSeparatesAuthors) {
  Result<Pipeline> pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  Document doc = AnalyzedDocument(*pipeline, "I walked the trail for six months.\n");
  doc.byline = "Jane Roe und Jon Doe";
  auto speaker = [&](const std::string& data_dir) {
    Result<SentenceVoiceFinder> v = SentenceVoiceFinder::Create(data_dir);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? v->Find(doc, {}).at(0).speaker : "";
  };
  EXPECT_EQ(speaker(""), std::string(SentenceVoiceFinder::kAuthor));  // no name
  Result<std::string> joiners = ReadDataFile("", "en/byline_joiners.txt");
  ASSERT_TRUE(joiners.ok());
  Write("en/byline_joiners.txt", *joiners + "und\n");
  EXPECT_EQ(speaker(dir_.string()), "Jane Roe");
}

TEST(SentenceVoicesLanguagesTest, EachLanguageHasItsLists) {
  for (const char* lang : {"de", "fr", "es", "it", "pt", "ru"}) {
    Result<SentenceVoiceFinder> v = SentenceVoiceFinder::Create("", lang);
    EXPECT_TRUE(v.ok()) << lang << ": " << v.status().ToString();
  }
}

// German marks („…“) quote: the first person inside them is a speaker's,
// not the author's; the marks come from de/quote_grammar.txt.
class SentenceVoicesLanguageTest : public TempDirTest {};

TEST_F(SentenceVoicesLanguageTest, TheLanguagesMarksQuote) {
  Result<Pipeline> pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  const Document doc = AnalyzedDocument(*pipeline, "„Ich habe nichts gewusst.“\n");
  auto voice = [&](const std::string& data_dir) {
    Result<QuoteExtractor> quotes = QuoteExtractor::Create(data_dir, "de");
    Result<SentenceVoiceFinder> voices = SentenceVoiceFinder::Create(data_dir, "de");
    EXPECT_TRUE(quotes.ok() && voices.ok());
    std::vector<SentenceVoice> v = voices->Find(doc, quotes->Extract(doc));
    EXPECT_EQ(v.size(), 1u);
    return v.empty() ? SentenceVoice{} : v[0];
  };
  const SentenceVoice builtin = voice("");
  EXPECT_TRUE(builtin.first_person);
  EXPECT_EQ(builtin.speaker, "");  // a quotation no one is named for
  EXPECT_TRUE(builtin.barred);
  // With straight marks only, „ and “ quote nothing: the author speaks.
  Write("de/quote_grammar.txt", "mark \" \"\n");
  EXPECT_EQ(voice(dir_.string()).speaker, SentenceVoiceFinder::kAuthor);
}

}  // namespace
}  // namespace dossier
