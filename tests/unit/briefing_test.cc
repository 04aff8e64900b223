// The Briefer on the briefing-audit piles (tests/golden/audit, written for
// dossier): what the pile holds shapes every section.
#include "dossier/briefing.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "dossier/ingest.h"
#include "dossier/pipeline.h"

namespace dossier {
namespace {

class BriefingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok());
    pipeline_ = new Pipeline(std::move(*p));
    Result<Briefer> b = Briefer::Create({});
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    briefer_ = new Briefer(std::move(*b));
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    delete briefer_;
  }
  static Cluster Read(const std::string& audit_case) {
    Cluster cluster;
    Pipeline::Scratch scratch = pipeline_->NewScratch();
    Status s = ReadInputs(
        {std::string(DOSSIER_SOURCE_DIR) + "/tests/golden/audit/" + audit_case}, {},
        [&](Cluster&& c) { cluster = std::move(c); }, nullptr);
    EXPECT_TRUE(s.ok()) << s.ToString();
    pipeline_->Analyze(&cluster, &scratch);
    return cluster;
  }
  static Pipeline* pipeline_;
  static Briefer* briefer_;
};
Pipeline* BriefingTest::pipeline_ = nullptr;
Briefer* BriefingTest::briefer_ = nullptr;

TEST_F(BriefingTest, CopiesCountOnceAndNeverSupplyASentence) {
  const Cluster c = Read("copies");
  const Briefing b = briefer_->Brief(c);
  ASSERT_EQ(c.documents.size(), 5u);
  EXPECT_EQ(b.independent_reports, 3u);
  EXPECT_EQ(b.sources[2].copy_of, 0);  // c_reprint_one copies a_valley_tribune
  EXPECT_EQ(b.sources[3].copy_of, 0);  // d_reprint_two, lightly edited
  for (const SummarySentence& s : b.summary.sentences) {
    EXPECT_EQ(b.sources[s.document].copy_of, -1) << s.text;
    EXPECT_LE(s.independent_sources, 3u);
    for (const Support& sup : s.support) EXPECT_EQ(b.sources[sup.document].copy_of, -1);
  }
}

TEST_F(BriefingTest, MixedPileSetsTheOtherStoryAsideAndSaysSo) {
  const Cluster c = Read("mixed-pile");
  const Briefing b = briefer_->Brief(c);
  ASSERT_EQ(b.notices.size(), 1u);
  EXPECT_EQ(b.notices[0].kind, "mixed_stories");
  EXPECT_EQ(b.notices[0].documents, std::vector<uint32_t>{3});
  EXPECT_TRUE(b.sources[3].set_aside);
  EXPECT_EQ(b.independent_reports, 3u);
  EXPECT_EQ(b.title, "Ostvik council approves new ferry terminal");
  for (const SummarySentence& s : b.summary.sentences) EXPECT_NE(s.document, 3u);
  for (const EntityEntry& e : b.entities) {
    ASSERT_EQ(e.mentions_per_document.size(), 4u);
    EXPECT_EQ(e.mentions_per_document[3], 0u) << e.name;
  }
}

TEST_F(BriefingTest, EveryEventIsCoveredInTimeOrderAndTranscriptLinesNameTheirSpeaker) {
  const Cluster c = Read("two-events");
  const Briefing b = briefer_->Brief(c);
  ASSERT_EQ(b.events.size(), 2u);
  EXPECT_EQ(b.events[0].first_date, "2024-03-04");
  EXPECT_EQ(b.events[1].first_date, "2024-03-28");
  EXPECT_TRUE(b.sources[1].date_inferred);  // the undated transcript
  EXPECT_EQ(b.sources[1].date, "2024-03-04");
  int32_t last_event = -1;
  bool transcript_line = false;
  for (const SummarySentence& s : b.summary.sentences) {
    EXPECT_GE(s.event, last_event) << "read event by event";
    last_event = s.event;
    if (s.document == 1) {
      transcript_line = true;
      EXPECT_TRUE(s.needs_speaker);
      EXPECT_FALSE(s.speaker.empty()) << s.text;
    }
  }
  EXPECT_EQ(last_event, 1) << "the second event has a sentence";
  EXPECT_TRUE(transcript_line);
}

TEST_F(BriefingTest, ChatterRolesAndAgenciesAreNeverQuotes) {
  for (const char* audit_case : {"chatter-quotes", "roles", "agencies"}) {
    const Cluster c = Read(audit_case);
    const Briefing b = briefer_->Brief(c);
    for (const SpeakerEntry& s : b.speakers) {
      for (const char* not_a_speaker :
           {"Moderator", "Staff", "Question", "Participant", "Reuters", "Agence France-Presse",
            "Associated Press", "the Associated Press"}) {
        EXPECT_NE(s.name, not_a_speaker) << audit_case;
      }
      for (const QuoteRef& q : s.quotes) {
        const std::string text(q.excerpt.Slice(c.documents[q.document].text));
        for (const char* chatter : {"Thank you", "Can you hear", "Are you getting",
                                    "Is the microphone", "Next question"}) {
          EXPECT_EQ(text.find(chatter), std::string::npos) << audit_case << ": " << text;
        }
      }
    }
  }
}

TEST_F(BriefingTest, SummarizeGivesTheBriefingsSummary) {
  const Cluster c = Read("two-events");
  const Summary alone = briefer_->Summarize(c);
  const Briefing b = briefer_->Brief(c);
  EXPECT_EQ(alone.Text(), b.summary.Text());
  ASSERT_EQ(alone.sentences.size(), b.summary.sentences.size());
  for (size_t i = 0; i < alone.sentences.size(); ++i) {
    EXPECT_EQ(alone.sentences[i].needs_speaker, b.summary.sentences[i].needs_speaker);
  }
}

TEST_F(BriefingTest, SettingsByName) {
  BriefOptions o;
  EXPECT_TRUE(SetBriefSetting(&o, "pile.story_link", 0.3).ok());
  EXPECT_EQ(o.pile.story_link, 0.3);
  EXPECT_TRUE(SetBriefSetting(&o, "plan.events", 0).ok());
  EXPECT_FALSE(o.plan.events);
  EXPECT_TRUE(SetBriefSetting(&o, "lead_prior", 2).ok());
  EXPECT_EQ(o.summary.weights.lead_prior, 2);
  EXPECT_FALSE(SetBriefSetting(&o, "pile.nope", 1).ok());
}

}  // namespace
}  // namespace dossier
