#include "segment/transcript.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../temp_dir.h"
#include "segment/clutter.h"
#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {
namespace {

// The non-empty lines of `text`, as the segmenter gives them.
std::vector<Span> Lines(std::string_view text) { return SplitLines(text); }

class TranscriptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<TranscriptParser> parser = TranscriptParser::Create("");
    ASSERT_TRUE(parser.ok()) << parser.status().ToString();
    parser_.emplace(std::move(*parser));
  }

  std::vector<Turn> Parse(std::string_view text) const { return parser_->Parse(text, Lines(text)); }

  std::string Normalize(std::string_view label, std::string* role = nullptr) const {
    std::string ignored;
    return parser_->NormalizeSpeaker(label, role != nullptr ? role : &ignored);
  }

  std::optional<TranscriptParser> parser_;
};

TEST_F(TranscriptTest, NormalizeStripsTitlesAndKeepsThemAsRole) {
  std::string role;
  EXPECT_EQ(Normalize("FOREIGN MINISTER LAVROV", &role), "Lavrov");
  EXPECT_EQ(role, "Foreign Minister");
  EXPECT_EQ(Normalize("SECRETARY KERRY", &role), "Kerry");
  EXPECT_EQ(role, "Secretary");
  EXPECT_EQ(Normalize("President of Russia Vladimir Putin", &role), "Vladimir Putin");
  EXPECT_EQ(role, "President of Russia");
  EXPECT_EQ(Normalize("President of France Francois Hollande", &role), "Francois Hollande");
  EXPECT_EQ(role, "President of France");
  EXPECT_EQ(Normalize("Prime Minister of the United Kingdom Jane Example", &role), "Jane Example");
  EXPECT_EQ(role, "Prime Minister of the United Kingdom");
  EXPECT_EQ(Normalize("UN SPECIAL ENVOY DE MISTURA", &role), "de Mistura");
  EXPECT_EQ(role, "UN Special Envoy");
  EXPECT_EQ(Normalize("SECRETARY OF STATE SMITH", &role), "Smith");
  EXPECT_EQ(role, "Secretary of State");
  EXPECT_EQ(Normalize("REP. JOHN DOE", &role), "John Doe");
  EXPECT_EQ(role, "Rep");
}

TEST_F(TranscriptTest, NormalizeDropsHonorifics) {
  std::string role = "stale";
  EXPECT_EQ(Normalize("MR KIRBY", &role), "Kirby");
  EXPECT_EQ(role, "");
  EXPECT_EQ(Normalize("MR DE MISTURA", &role), "de Mistura");
  EXPECT_EQ(role, "");
  EXPECT_EQ(Normalize("MR. SMITH", &role), "Smith");
  EXPECT_EQ(Normalize("Dr. Jane Doe", &role), "Jane Doe");
  EXPECT_EQ(role, "");
  EXPECT_EQ(Normalize("MR. PRESIDENT", &role), "President");
  EXPECT_EQ(role, "President");
}

TEST_F(TranscriptTest, NormalizeFoldsCapitals) {
  EXPECT_EQ(Normalize("PATRICK O'BRIEN"), "Patrick O'Brien");
  EXPECT_EQ(Normalize("JEAN-MARC DUPONT"), "Jean-Marc Dupont");
  EXPECT_EQ(Normalize("AMBASSADOR AL-HASSAN"), "Al-Hassan");
  EXPECT_EQ(Normalize("OMAR AL-HASSAN"), "Omar Al-Hassan");
  EXPECT_EQ(Normalize("LUDWIG VAN DER BERG"), "Ludwig van der Berg");
  EXPECT_EQ(Normalize("ÉMILE ZOLA"), "Émile Zola");
  EXPECT_EQ(Normalize("Staffan de Mistura"), "Staffan de Mistura");
  EXPECT_EQ(Normalize("John McDonald"), "John McDonald");
}

TEST_F(TranscriptTest, NormalizeGenericRoles) {
  std::string role = "stale";
  EXPECT_EQ(Normalize("QUESTION", &role), "Question");
  EXPECT_EQ(role, "");
  EXPECT_EQ(Normalize("Q"), "Question");
  EXPECT_EQ(Normalize("Question (retranslated):"), "Question");
  EXPECT_EQ(Normalize("MODERATOR"), "Moderator");
  EXPECT_EQ(Normalize("STAFF"), "Staff");
  EXPECT_EQ(Normalize("A"), "Answer");
  EXPECT_EQ(Normalize("THE PRESIDENT", &role), "President");
  EXPECT_EQ(role, "President");
}

constexpr std::string_view kPress =
    "Remarks at a Press Availability\n"
    "\n"
    "Springfield, December 1, 2030\n"
    "\n"
    "SECRETARY SMITH: Good evening. Thank you for coming.\n"
    "\n"
    "We had a long day.\n"
    "\n"
    "FOREIGN MINISTER IVANOV: (Via interpreter) Thank you, John.\n"
    "\n"
    "(Via interpreter) We agree: the talks went well.\n"
    "\n"
    "QUESTION: A question for both ministers.\n"
    "\n"
    "MR JONES:\n"
    "\n"
    "SECRETARY SMITH:\n";

TEST_F(TranscriptTest, PressConferenceTurns) {
  std::vector<Turn> turns = Parse(kPress);
  ASSERT_EQ(turns.size(), 5u);
  auto label = [&](size_t i) { return std::string(turns[i].label.Slice(kPress)); };
  auto body = [&](size_t i) { return std::string(turns[i].span.Slice(kPress)); };

  EXPECT_EQ(label(0), "SECRETARY SMITH:");
  EXPECT_EQ(body(0), "Good evening. Thank you for coming.\n\nWe had a long day.");
  EXPECT_EQ(turns[0].speaker, "Smith");
  EXPECT_EQ(turns[0].role, "Secretary");
  EXPECT_EQ(turns[0].note, "");
  EXPECT_FALSE(turns[0].is_question);

  EXPECT_EQ(label(1), "FOREIGN MINISTER IVANOV: (Via interpreter)");
  EXPECT_EQ(body(1), "Thank you, John.\n\n(Via interpreter) We agree: the talks went well.");
  EXPECT_EQ(turns[1].speaker, "Ivanov");
  EXPECT_EQ(turns[1].role, "Foreign Minister");
  EXPECT_EQ(turns[1].note, "via interpreter");

  EXPECT_EQ(label(2), "QUESTION:");
  EXPECT_EQ(body(2), "A question for both ministers.");
  EXPECT_EQ(turns[2].speaker, "Question");
  EXPECT_TRUE(turns[2].is_question);

  // A label alone: an empty turn at the label end.
  EXPECT_EQ(label(3), "MR JONES:");
  EXPECT_EQ(turns[3].speaker, "Jones");
  EXPECT_EQ(turns[3].role, "");
  EXPECT_TRUE(turns[3].span.empty());
  EXPECT_EQ(turns[3].span.begin, turns[3].label.end);

  EXPECT_EQ(turns[4].speaker, "Smith");
  EXPECT_EQ(turns[4].span.begin, turns[4].label.end);
  EXPECT_EQ(turns[4].span.end, turns[4].label.end);
}

TEST_F(TranscriptTest, LabelOnlyParagraphTakesTheNextParagraphs) {
  constexpr std::string_view kText =
      "MODERATOR:\n"
      "Welcome, everyone.\n"
      "Let us begin.\n"
      "Q: Is it on?\n"
      "A: Yes.\n";
  std::vector<Turn> turns = Parse(kText);
  ASSERT_EQ(turns.size(), 3u);
  EXPECT_EQ(turns[0].speaker, "Moderator");
  EXPECT_EQ(turns[0].span.Slice(kText), "Welcome, everyone.\nLet us begin.");
  EXPECT_EQ(turns[1].speaker, "Question");
  EXPECT_TRUE(turns[1].is_question);
  EXPECT_EQ(turns[1].label.Slice(kText), "Q:");
  EXPECT_EQ(turns[1].span.Slice(kText), "Is it on?");
  EXPECT_EQ(turns[2].speaker, "Answer");
  EXPECT_FALSE(turns[2].is_question);
  EXPECT_EQ(turns[2].span.Slice(kText), "Yes.");
}

TEST_F(TranscriptTest, NotesBeforeTheColon) {
  constexpr std::string_view kText =
      "President of Freedonia Rufus Firefly (retranslated): Welcome.\n"
      "Question (retranslated): Why now?\n"
      "Rufus Firefly (retranslated): Why not?\n"
      "REP. JOHN DOE (D-CA): I yield.\n";
  std::vector<Turn> turns = Parse(kText);
  ASSERT_EQ(turns.size(), 4u);
  EXPECT_EQ(turns[0].label.Slice(kText), "President of Freedonia Rufus Firefly (retranslated):");
  EXPECT_EQ(turns[0].speaker, "Rufus Firefly");
  EXPECT_EQ(turns[0].role, "President of Freedonia");
  EXPECT_EQ(turns[0].note, "retranslated");
  EXPECT_EQ(turns[0].span.Slice(kText), "Welcome.");
  EXPECT_EQ(turns[1].speaker, "Question");
  EXPECT_EQ(turns[1].note, "retranslated");
  EXPECT_TRUE(turns[1].is_question);
  EXPECT_EQ(turns[2].speaker, "Rufus Firefly");
  EXPECT_EQ(turns[3].speaker, "John Doe");
  EXPECT_EQ(turns[3].role, "Rep");
  EXPECT_EQ(turns[3].note, "D-CA");
  EXPECT_EQ(turns[3].label.Slice(kText), "REP. JOHN DOE (D-CA):");
}

TEST_F(TranscriptTest, ShortNameTakesTheEarlierFullName) {
  constexpr std::string_view kText =
      "Anna Karenina: First.\n"
      "Karenina: Second.\n"
      "Levin: Third.\n";
  std::vector<Turn> turns = Parse(kText);
  ASSERT_EQ(turns.size(), 3u);
  EXPECT_EQ(turns[0].speaker, "Anna Karenina");
  EXPECT_EQ(turns[1].speaker, "Anna Karenina");
  EXPECT_EQ(turns[2].speaker, "Levin");
}

TEST_F(TranscriptTest, ThreeDistinctSpeakersAreConvincing) {
  constexpr std::string_view kText =
      "SENATOR ALICE GREEN: Opening.\n"
      "GOVERNOR BOB BROWN: Reply.\n"
      "CAROL WHITE: Closing.\n";
  std::vector<Turn> turns = Parse(kText);
  ASSERT_EQ(turns.size(), 3u);
  EXPECT_EQ(turns[0].speaker, "Alice Green");
  EXPECT_EQ(turns[0].role, "Senator");
  EXPECT_EQ(turns[1].speaker, "Bob Brown");
  EXPECT_EQ(turns[1].role, "Governor");
  EXPECT_EQ(turns[2].speaker, "Carol White");
}

TEST_F(TranscriptTest, TwoDifferentLabelsAreNotATranscript) {
  EXPECT_TRUE(Parse("Alice Green: Hello.\nBob Brown: Goodbye.\n").empty());
}

TEST_F(TranscriptTest, RoundupOfPlacesIsNotATranscript) {
  EXPECT_TRUE(
      Parse("Prices rose everywhere.\nFrance: Up 2%.\nGermany: Up 3%.\nItaly: Flat.\n").empty());
}

TEST_F(TranscriptTest, AmbiguousSurnameIsNotUnified) {
  constexpr std::string_view kText =
      "Anna Smith: One.\n"
      "Bob Smith: Two.\n"
      "Smith: Three.\n";
  std::vector<Turn> turns = Parse(kText);
  ASSERT_EQ(turns.size(), 3u);
  EXPECT_EQ(turns[2].speaker, "Smith");
}

TEST_F(TranscriptTest, OneLabelIsNotATranscript) {
  EXPECT_TRUE(Parse("QUESTION: Is this a transcript?\nNo, it is not.\n").empty());
}

TEST_F(TranscriptTest, NewsArticleIsNotATranscript) {
  constexpr std::string_view kArticle =
      "Talks resume in Geneva\n"
      "Washington: The talks resumed on Monday, officials said.\n"
      "Obama said: \"We are hopeful.\"\n"
      "The answer is: nobody knows.\n"
      "Update: The meeting ended at 10:30 local time.\n"
      "Note: This story has been corrected.\n"
      "Editor's Note: An earlier version misspelled a name.\n"
      "Update: A second update.\n"
      "10:30: Delegates arrive.\n"
      "See http://example.com for details.\n";
  EXPECT_TRUE(Parse(kArticle).empty());
}

TEST_F(TranscriptTest, SentencesWithColonsInsideATranscriptAreNotLabels) {
  constexpr std::string_view kText =
      "JOHN SMITH: Hello.\n"
      "The last thing I wanted to say: thank you.\n"
      "Second, as I said before: we agree.\n"
      "\"We agreed on one thing: peace.\"\n"
      "JOHN SMITH: Goodbye.\n";
  std::vector<Turn> turns = Parse(kText);
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[0].span.Slice(kText),
            "Hello.\nThe last thing I wanted to say: thank you.\nSecond, as I said before: we "
            "agree.\n\"We agreed on one thing: peace.\"");
  EXPECT_EQ(turns[1].span.Slice(kText), "Goodbye.");
}

TEST_F(TranscriptTest, EmptyInput) {
  EXPECT_TRUE(parser_->Parse("", {}).empty());
  EXPECT_TRUE(Parse("\n\n").empty());
}

// Regression guard: a paragraph span past the text must not be read.
TEST_F(TranscriptTest, OutOfRangeParagraphsAreIgnored) {
  std::string_view text = "Q: Hi.\nQ: Again.";
  std::vector<Span> paragraphs = {Span{0, 6}, Span{7, 16}, Span{100, 200}};
  std::vector<Turn> turns = parser_->Parse(text, paragraphs);
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[1].span.Slice(text), "Again.");
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_F(TranscriptTest, SeedTranscripts) {
  const std::filesystem::path dir = std::filesystem::path(DOSSIER_SHARED_DATA) / "seeds";
  if (!std::filesystem::is_directory(dir)) {
    GTEST_SKIP() << "no seed directory at " << dir << " (set DOSSIER_SHARED_DATA)";
  }
  std::map<std::string, std::vector<std::string>> expected_speakers = {
      {"000_f907a3191727a803.txt", {"Vladimir Putin", "Francois Hollande", "Question"}},
      {"001_a94672fc9a1d256d.txt", {}},
      {"002_af9ab2ce4f72e910.txt", {}},
      {"003_42cec60347fa2cc6.txt", {}},
      {"004_dc28f8c96af5d01d.txt", {"Kerry", "Lavrov", "de Mistura", "Kirby", "Question"}},
  };
  for (const auto& [name, speakers] : expected_speakers) {
    SCOPED_TRACE(name);
    const std::filesystem::path path = dir / name;
    if (!std::filesystem::exists(path)) {
      ADD_FAILURE() << "missing seed file " << path;
      continue;
    }
    const std::string text = ReadFile(path);
    std::vector<Turn> turns = Parse(text);
    std::set<std::string> found;
    for (const Turn& t : turns) found.insert(t.speaker);
    if (speakers.empty()) {
      EXPECT_TRUE(turns.empty()) << "first turn: " << turns.front().speaker;
      continue;
    }
    for (const std::string& s : speakers) EXPECT_TRUE(found.count(s) > 0) << "no speaker " << s;
    for (const Turn& t : turns) {
      std::string_view label = t.label.Slice(text);
      std::string_view body = t.span.Slice(text);
      EXPECT_TRUE(label.back() == ':' || label.back() == ')') << label;
      EXPECT_GE(t.span.begin, t.label.end);
      EXPECT_EQ(body.find(label), std::string_view::npos) << label;
      if (t.speaker == "Lavrov" && StartsWith(label, "FOREIGN MINISTER LAVROV: (Via")) {
        EXPECT_EQ(t.note, "via interpreter");
        EXPECT_FALSE(StartsWith(body, "(")) << body.substr(0, 40);
      }
      if (t.speaker == "Question") {
        EXPECT_TRUE(t.is_question);
      }
    }
    std::map<std::string, int> counts;
    for (const Turn& t : turns) ++counts[t.speaker];
    std::string summary;
    for (const auto& [speaker, n] : counts) summary += speaker + "=" + std::to_string(n) + " ";
    std::cout << "[ seed     ] " << name << ": " << turns.size() << " turns: " << summary << "\n";
  }
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(TranscriptRegressionTest, HeadingLabelsWhoseWordsAppearInLowerCaseAreNotSpeakers) {
  Result<TranscriptParser> parser = TranscriptParser::Create("");
  ASSERT_TRUE(parser.ok());
  std::string text =
      "Risk levels for the week.\nSevere: stay indoors, the risk is severe.\n"
      "Moderate: limit time outside when the risk is moderate.\nMild: a mild risk.\n"
      "Severe: again.\n";
  EXPECT_TRUE(parser->Parse(text, Lines(text)).empty());
}

TEST(TranscriptRegressionTest, McPrefixKeepsItsSecondCapital) {
  Result<TranscriptParser> parser = TranscriptParser::Create("");
  ASSERT_TRUE(parser.ok());
  std::string role;
  EXPECT_EQ(parser->NormalizeSpeaker("MCEVERS", &role), "McEvers");
  EXPECT_EQ(parser->NormalizeSpeaker("MCCAIN", &role), "McCain");
  EXPECT_EQ(parser->NormalizeSpeaker("MACK", &role), "Mack");
}

TEST(TranscriptRegressionTest, InitialsTakeTheFullNameTheyAbbreviate) {
  Result<TranscriptParser> parser = TranscriptParser::Create("");
  ASSERT_TRUE(parser.ok());
  std::string text =
      "Washington Post: How did it start?\nMike Brown: Slowly.\nWP: And then?\nMB: Fast.\n";
  std::vector<Turn> turns = parser->Parse(text, Lines(text));
  ASSERT_EQ(turns.size(), 4u);
  EXPECT_EQ(turns[2].speaker, "Washington Post");
  EXPECT_EQ(turns[3].speaker, "Mike Brown");
}

// The small words of labels come from data/<language>/name_particles.txt: a
// data folder holding a changed copy changes the speakers' names.
class TranscriptDataTest : public TempDirTest {
 protected:
  // The built-in en/name_particles.txt with `extra` lines added, in dir_.
  void AddParticles(const std::string& extra) {
    Result<std::string> lines = ReadDataFile("", "en/name_particles.txt");
    ASSERT_TRUE(lines.ok()) << lines.status().ToString();
    Write("en/name_particles.txt", *lines + extra);
  }
  static std::string Normalize(const std::string& data_dir, std::string_view label) {
    Result<TranscriptParser> parser = TranscriptParser::Create(data_dir);
    EXPECT_TRUE(parser.ok()) << parser.status().ToString();
    std::string role;
    return parser.ok() ? parser->NormalizeSpeaker(label, &role) : "";
  }
};

TEST_F(TranscriptDataTest, ParticlesAndPrefixesOfTheDataFolderFoldNames) {
  EXPECT_EQ(Normalize("", "KARL ZU GUTTENBERG"), "Karl Zu Guttenberg");
  EXPECT_EQ(Normalize("", "MACDONALD"), "Macdonald");
  EXPECT_EQ(Normalize("", "AL-HAJ SALEH"), "al-Haj Saleh");
  AddParticles("zu | labels\nmac | capital_after\n");
  EXPECT_EQ(Normalize(dir_.string(), "KARL ZU GUTTENBERG"), "Karl zu Guttenberg");
  EXPECT_EQ(Normalize(dir_.string(), "MACDONALD"), "MacDonald");
  EXPECT_EQ(Normalize(dir_.string(), "MCEVERS"), "McEvers");
}

TEST_F(TranscriptDataTest, AParticleOfTheDataFolderMayStandInALabel) {
  const std::string text =
      "Karl zu Guttenberg: We will decide.\nQUESTION: When?\nKarl zu Guttenberg: Soon.\n";
  Result<TranscriptParser> builtin = TranscriptParser::Create("");
  ASSERT_TRUE(builtin.ok());
  EXPECT_TRUE(builtin->Parse(text, Lines(text)).empty());
  AddParticles("zu | labels\n");
  Result<TranscriptParser> changed = TranscriptParser::Create(dir_.string());
  ASSERT_TRUE(changed.ok());
  const std::vector<Turn> turns = changed->Parse(text, Lines(text));
  ASSERT_EQ(turns.size(), 3u);
  EXPECT_EQ(turns[0].speaker, "Karl zu Guttenberg");
  EXPECT_TRUE(turns[1].is_question);
}

TEST_F(TranscriptDataTest, ALanguageWithoutItsListsIsNotFound) {
  Result<TranscriptParser> none = TranscriptParser::Create("", "xx");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace dossier
