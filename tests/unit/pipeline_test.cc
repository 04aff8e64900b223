#include "dossier/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "dossier/ingest.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class PipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = new Pipeline(std::move(*p));
  }
  static void TearDownTestSuite() { delete pipeline_; }

  static std::vector<Cluster> ReadAndAnalyze(const std::vector<std::string>& paths) {
    std::vector<Cluster> clusters;
    std::vector<Diagnostic> diags;
    Pipeline::Scratch scratch = pipeline_->NewScratch();
    Status s = ReadInputs(
        paths, {},
        [&](Cluster&& c) {
          pipeline_->Analyze(&c, &scratch);
          clusters.push_back(std::move(c));
        },
        &diags);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return clusters;
  }

  // Every sentence sliced from the raw input through the map is the sentence
  // shown, except where normalization changed bytes (then it is non-empty).
  static void ExpectCitationsExact(const Document& doc) {
    for (const Sentence& s : doc.sentences) {
      std::string_view shown = s.span.Slice(doc.text);
      Span o = doc.map.ToOriginal(s.span);
      ASSERT_LE(o.end, doc.raw.size());
      std::string_view cited = o.Slice(doc.raw);
      ASSERT_FALSE(cited.empty());
      if (doc.raw.find(shown) != std::string::npos) {
        EXPECT_EQ(cited, shown);
      }
    }
  }

  static Pipeline* pipeline_;
};

Pipeline* PipelineTest::pipeline_ = nullptr;

TEST_F(PipelineTest, TranscriptSentencesKnowTheirSpeaker) {
  Document doc;
  doc.raw = doc.text =
      "Press briefing\n\nMODERATOR: Welcome. First question.\n\nQUESTION: Is the bridge safe?\n\n"
      "MAYOR DUARTE: No. It helps to plug it in. (Laughter.)\n\nWe will reopen it.\n\n"
      "QUESTION: When?\n\nMAYOR DUARTE: Next week.";
  doc.map = OffsetMap::Identity(static_cast<uint32_t>(doc.text.size()));
  Pipeline::Scratch scratch = pipeline_->NewScratch();
  pipeline_->Analyze(&doc, &scratch);
  ASSERT_TRUE(doc.is_transcript());
  std::vector<std::string> lines;
  for (const Sentence& s : doc.sentences) {
    std::string who = s.turn >= 0 ? doc.turns[static_cast<size_t>(s.turn)].speaker : "-";
    lines.push_back(who + ": " + std::string(s.span.Slice(doc.text)) +
                    (s.stage_direction ? " [stage]" : ""));
  }
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "Moderator: Welcome.", "Moderator: First question.",
                       "Question: Is the bridge safe?", "Duarte: No.",
                       "Duarte: It helps to plug it in.", "Duarte: (Laughter.) [stage]",
                       "Duarte: We will reopen it.", "Question: When?", "Duarte: Next week."}));
  EXPECT_EQ(doc.title, "Press briefing");
}

TEST_F(PipelineTest, InterpreterNoteOpeningAParagraphIsNotSpeech) {
  Document doc;
  doc.raw = doc.text =
      "MINISTER LAVROV: For the Russian media, I will speak Russian.\n\n"
      "(Via interpreter) Ladies and gentlemen, thank you.\n\nQUESTION: Thanks.\n\n"
      "MINISTER LAVROV: (Via interpreter) Yes.";
  doc.map = OffsetMap::Identity(static_cast<uint32_t>(doc.text.size()));
  Pipeline::Scratch scratch = pipeline_->NewScratch();
  pipeline_->Analyze(&doc, &scratch);
  std::vector<std::string> sentences;
  for (const Sentence& s : doc.sentences) sentences.emplace_back(s.span.Slice(doc.text));
  EXPECT_EQ(sentences,
            (std::vector<std::string>{"For the Russian media, I will speak Russian.",
                                      "Ladies and gentlemen, thank you.", "Thanks.", "Yes."}));
  ASSERT_EQ(doc.turns.size(), 3u);
  EXPECT_EQ(doc.turns[2].note, "via interpreter");
}

// A German report's byline ("Von Max Beispiel") and caption ("Foto: dpa")
// are set apart by German's words (data/de/bylines.txt, captions.txt) beside
// English's; an English report keeps "Von ..." as text.
TEST_F(PipelineTest, ALanguagesBylinesAndCaptionsAreSetApart) {
  const std::string text =
      "Von Max Beispiel\n\n"
      "Auf diesem Foto vom 3. M\xc3\xa4rz 2015 liegt die F\xc3\xa4hre noch im Hafen.\n\n"
      "Die F\xc3\xa4hre zwischen Nordhafen und der Insel f\xc3\xa4hrt wieder nach dem alten "
      "Fahrplan, teilte die Reederei am Montag mit.\n\nDie Pendler sind erleichtert.";
  Document doc;
  doc.raw = doc.text = text;
  doc.map = OffsetMap::Identity(static_cast<uint32_t>(doc.text.size()));
  Pipeline::Scratch scratch = pipeline_->NewScratch();
  pipeline_->AnalyzeIn(&doc, "de", &scratch);
  EXPECT_EQ(doc.byline, "Max Beispiel");
  std::vector<std::string> clutter;
  for (const ClutterLine& c : doc.clutter) clutter.emplace_back(c.span.Slice(doc.text));
  EXPECT_EQ(clutter, (std::vector<std::string>{
                         "Von Max Beispiel",
                         "Auf diesem Foto vom 3. M\xc3\xa4rz 2015 liegt die F\xc3\xa4hre noch im "
                         "Hafen."}));
  ASSERT_FALSE(doc.sentences.empty());
  EXPECT_EQ(doc.sentences[0].span.Slice(doc.text).rfind("Die F\xc3\xa4hre zwischen", 0), 0u);

  Document english;
  english.raw = english.text = text;
  english.map = OffsetMap::Identity(static_cast<uint32_t>(english.text.size()));
  pipeline_->AnalyzeIn(&english, "en", &scratch);
  EXPECT_EQ(english.byline, "");
  EXPECT_TRUE(english.clutter.empty());
}

TEST_F(PipelineTest, TokensBelongToTheirSentence) {
  Document doc;
  doc.raw = doc.text = "Mr Putin met Mr Hollande. They agreed on 20 points.";
  doc.map = OffsetMap::Identity(static_cast<uint32_t>(doc.text.size()));
  Pipeline::Scratch scratch = pipeline_->NewScratch();
  pipeline_->Analyze(&doc, &scratch);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].token_end - doc.sentences[0].token_begin, 5u);
  EXPECT_EQ(doc.tokens[doc.sentences[1].token_begin].lower, "they");
}

TEST_F(PipelineTest, ExampleStoryReadsCleanly) {
  auto clusters = ReadAndAnalyze({DOSSIER_SOURCE_DIR "/examples/harbor-bridge"});
  ASSERT_EQ(clusters.size(), 1u);
  const Cluster& c = clusters[0];
  ASSERT_EQ(c.documents.size(), 5u);
  size_t clutter = 0, transcripts = 0;
  for (const Document& d : c.documents) {
    ExpectCitationsExact(d);
    clutter += d.clutter.size();
    transcripts += d.is_transcript();
    EXPECT_FALSE(d.sentences.empty()) << d.id;
  }
  EXPECT_EQ(transcripts, 1u);
  EXPECT_GE(clutter, 7u);
}

TEST_F(PipelineTest, SeedClusterShowsSpeakersCleanTextAndRightSplits) {
  const std::string seeds = DOSSIER_SHARED_DATA "/seeds";
  if (!fs::is_directory(seeds)) GTEST_SKIP() << "shared data not found at " << seeds;
  auto clusters = ReadAndAnalyze({seeds});
  ASSERT_EQ(clusters.size(), 1u);
  const Cluster& c = clusters[0];
  ASSERT_EQ(c.documents.size(), 5u);
  std::set<std::string> speakers;
  std::vector<std::string> sentences;
  std::vector<std::string> clutter;
  for (const Document& d : c.documents) {
    ExpectCitationsExact(d);
    for (const Turn& t : d.turns) speakers.insert(t.speaker);
    for (const Sentence& s : d.sentences) sentences.emplace_back(s.span.Slice(d.text));
    for (const ClutterLine& l : d.clutter) clutter.emplace_back(l.span.Slice(d.text));
  }
  for (const char* who : {"Vladimir Putin", "Francois Hollande", "Kerry", "Lavrov", "de Mistura"}) {
    EXPECT_TRUE(speakers.count(who)) << who;
  }
  // The aggregator's clutter is gone from the sentences.
  EXPECT_NE(std::find(clutter.begin(), clutter.end(), "Advertisement"), clutter.end());
  EXPECT_NE(std::find(clutter.begin(), clutter.end(), "In this article"), clutter.end());
  EXPECT_NE(
      std::find(clutter.begin(), clutter.end(), "Russia And France To Co-ordinate IS Strikes"),
      clutter.end());
  for (const std::string& s : sentences) {
    EXPECT_NE(s, "Advertisement");
    EXPECT_NE(s, "In this article");
    // Splits around abbreviations, figures and stage directions.
    EXPECT_FALSE(s == "Mr" || s.ends_with(" Mr") || s.ends_with(" Mr.")) << s;
    EXPECT_FALSE(s.ends_with("U.S.-")) << s;
    if (s.find("(Laughter.)") != std::string::npos) {
      EXPECT_EQ(s, "(Laughter.)");
    }
  }
  auto contains = [&](std::string_view needle) {
    return std::any_of(sentences.begin(), sentences.end(),
                       [&](const std::string& s) { return s.find(needle) != std::string::npos; });
  };
  EXPECT_TRUE(contains("US-led coalition"));
  EXPECT_TRUE(contains("Mr Putin"));
  EXPECT_TRUE(contains("Mr Hollande told a joint news conference"));
  EXPECT_TRUE(contains("coordination of U.S.-led and"));
  EXPECT_NE(std::find(sentences.begin(), sentences.end(),
                      "They don’t have military equipment that can shoot down aircraft at an "
                      "altitude of over 3,000 to 4,000 metres."),
            sentences.end());
}

TEST_F(PipelineTest, MultiNewsDevIsReadCompletely) {
  const std::string dev = DOSSIER_SHARED_DATA "/multinews/dev.jsonl";
  if (!fs::exists(dev)) GTEST_SKIP() << "shared data not found at " << dev;
  auto clusters = ReadAndAnalyze({dev});
  EXPECT_EQ(clusters.size(), 105u);
  size_t docs = 0;
  for (const Cluster& c : clusters) {
    EXPECT_FALSE(c.references.empty()) << c.id;
    for (const Document& d : c.documents) {
      ++docs;
      ExpectCitationsExact(d);
    }
  }
  EXPECT_GE(docs, 105u * 2);
}

}  // namespace
}  // namespace dossier
