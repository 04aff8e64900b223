#include "analyze/procedural.h"

#include <gtest/gtest.h>

#include "analyzed_text.h"

namespace dossier {
namespace {

class ProceduralTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok());
    pipeline_ = new Pipeline(std::move(*p));
    Result<ProceduralMatcher> m = ProceduralMatcher::Create("");
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    matcher_ = new ProceduralMatcher(std::move(*m));
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    delete matcher_;
  }
  // Whether each sentence of `text` is procedural.
  static std::vector<bool> Flags(const std::string& text) {
    const Document doc = AnalyzedDocument(*pipeline_, text);
    std::vector<bool> out;
    for (uint32_t s = 0; s < doc.sentences.size(); ++s)
      out.push_back(matcher_->IsProcedural(doc, s));
    return out;
  }
  static Pipeline* pipeline_;
  static ProceduralMatcher* matcher_;
};
Pipeline* ProceduralTest::pipeline_ = nullptr;
ProceduralMatcher* ProceduralTest::matcher_ = nullptr;

TEST_F(ProceduralTest, ThanksGreetingsAndMicChecksAreProcedural) {
  EXPECT_EQ(Flags("MINISTER VARGA: Thank you very much for coming. Good evening, everybody. Can "
                  "you hear me at the back? Yes, sir.\n\nQUESTION: Thank you, minister.\n"),
            (std::vector<bool>{true, true, true, true, true}));
}

TEST_F(ProceduralTest, TurnTakingIsProcedural) {
  EXPECT_EQ(Flags("MR KIRBY: The next question will come from Anna Ruud of the Herald. We have "
                  "time for two questions tonight.\n\nQUESTION: Thank you.\n"),
            (std::vector<bool>{true, true, true}));
}

TEST_F(ProceduralTest, PhrasesAreProceduralOnlyInATranscript) {
  // In a news report these are statements; courtesy alone is procedural anywhere.
  EXPECT_EQ(Flags("Users can tell the feature is on because a microphone appears on screen. "
                  "The next question will come from the jury. Thank you very much.\n"),
            (std::vector<bool>{false, false, true}));
}

TEST_F(ProceduralTest, StatementsAreNot) {
  EXPECT_EQ(Flags("Thank you for the question, but the treaty gives farmers on both banks a "
                  "fixed share of the summer flow for the first time in thirty years. The "
                  "commission will meet every month.\n"),
            (std::vector<bool>{false, false}));
}

TEST_F(ProceduralTest, ShortQuestionOnlyInsideATurn) {
  // Outside a transcript a short question is a sentence like any other.
  EXPECT_EQ(Flags("Who pays for the repairs?\n"), (std::vector<bool>{false}));
  const Document doc =
      AnalyzedDocument(*pipeline_,
                       "MINISTER DOLAN: Are you getting this?\n\nQUESTION: Yes.\n\n"
                       "MINISTER DOLAN: The treaty ends a long dispute.\n");
  ASSERT_TRUE(doc.is_transcript());
  EXPECT_TRUE(matcher_->IsProcedural(doc, 0));
}

}  // namespace
}  // namespace dossier
