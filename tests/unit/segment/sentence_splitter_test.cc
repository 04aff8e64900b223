#include "segment/sentence_splitter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../temp_dir.h"
#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {
namespace {

const SentenceSplitter& Splitter() {
  static const SentenceSplitter* splitter = [] {
    Result<SentenceSplitter> s = SentenceSplitter::Create("");
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return new SentenceSplitter(std::move(*s));
  }();
  return *splitter;
}

std::vector<std::string> SplitText(std::string_view text) {
  std::vector<Span> spans;
  Splitter().Split(text, Span{0, static_cast<uint32_t>(text.size())}, &spans);
  std::vector<std::string> out;
  for (const Span& s : spans) out.emplace_back(s.Slice(text));
  return out;
}

using Sentences = std::vector<std::string>;

TEST(SentenceSplitterTest, PlainSentencesEndAtPeriodQuestionAndExclamation) {
  EXPECT_EQ(SplitText("It rained. Was it cold? Yes! The end."),
            (Sentences{"It rained.", "Was it cold?", "Yes!", "The end."}));
}

TEST(SentenceSplitterTest, TitlesWithAndWithoutPeriodDoNotEndSentences) {
  EXPECT_EQ(SplitText("Mr Putin met Mr. Smith and Dr. Jones. Gen. Petraeus spoke."),
            (Sentences{"Mr Putin met Mr. Smith and Dr. Jones.", "Gen. Petraeus spoke."}));
  EXPECT_EQ(SplitText("Sen. Warren flew to St. Louis. She stayed."),
            (Sentences{"Sen. Warren flew to St. Louis.", "She stayed."}));
}

TEST(SentenceSplitterTest, AmbiguousAbbreviationEndsSentenceBeforeStarter) {
  EXPECT_EQ(SplitText("Talks will continue in the U.S. The next round is in May."),
            (Sentences{"Talks will continue in the U.S.", "The next round is in May."}));
  EXPECT_EQ(SplitText("They met at 9 a.m. He was late."),
            (Sentences{"They met at 9 a.m.", "He was late."}));
}

TEST(SentenceSplitterTest, AmbiguousAbbreviationContinuesBeforeNameOrLowercase) {
  EXPECT_EQ(SplitText("The U.S. ambassador to the U.N. Security Council spoke."),
            (Sentences{"The U.S. ambassador to the U.N. Security Council spoke."}));
  EXPECT_EQ(SplitText("It resumed at 10 a.m. Tuesday and ended at 5 p.m. on Friday."),
            (Sentences{"It resumed at 10 a.m. Tuesday and ended at 5 p.m. on Friday."}));
}

TEST(SentenceSplitterTest, HyphenatedAbbreviationStaysInside) {
  EXPECT_EQ(SplitText("A U.S.-led coalition struck. It was night."),
            (Sentences{"A U.S.-led coalition struck.", "It was night."}));
}

TEST(SentenceSplitterTest, MonthAbbreviationBeforeNumberContinues) {
  EXPECT_EQ(SplitText("The vote is on Dec. 18 in Paris. No. 10 declined to comment."),
            (Sentences{"The vote is on Dec. 18 in Paris.", "No. 10 declined to comment."}));
}

TEST(SentenceSplitterTest, InitialsDoNotEndSentences) {
  EXPECT_EQ(SplitText("John F. Kennedy and George W. Bush met J. K. Rowling. Nobody did."),
            (Sentences{"John F. Kennedy and George W. Bush met J. K. Rowling.", "Nobody did."}));
}

TEST(SentenceSplitterTest, SingleLetterAfterLowercaseWordEndsBeforeStarter) {
  EXPECT_EQ(SplitText("He takes vitamin D. The doctor approves."),
            (Sentences{"He takes vitamin D.", "The doctor approves."}));
}

TEST(SentenceSplitterTest, NumbersAndFiguresAreNotSplit) {
  EXPECT_EQ(SplitText("It cost $4.5-plus billion. Planes flew at 5,000\u20136,000 metres. "
                      "Growth was 3.5 percent."),
            (Sentences{"It cost $4.5-plus billion.", "Planes flew at 5,000\u20136,000 metres.",
                       "Growth was 3.5 percent."}));
}

TEST(SentenceSplitterTest, UrlsEmailsAndVersionsAreNotSplit) {
  EXPECT_EQ(SplitText("See example.com or mail a.b@example.org now. Version v2.1 is out."),
            (Sentences{"See example.com or mail a.b@example.org now.", "Version v2.1 is out."}));
}

TEST(SentenceSplitterTest, CommaInsideQuoteNeverSplits) {
  EXPECT_EQ(SplitText("\"We will win,\" he said. \"We must,\" she said."),
            (Sentences{"\"We will win,\" he said.", "\"We must,\" she said."}));
}

TEST(SentenceSplitterTest, QuoteEndingWithPeriodEndsSentence) {
  EXPECT_EQ(SplitText("\"It is over.\" Then he left."),
            (Sentences{"\"It is over.\"", "Then he left."}));
  EXPECT_EQ(SplitText("He said: \"No.\" Then he left."),
            (Sentences{"He said: \"No.\"", "Then he left."}));
}

TEST(SentenceSplitterTest, QuestionInQuoteBeforeLowercaseOrSpeakerContinues) {
  EXPECT_EQ(SplitText("\"Is it over?\" she asked. \"Why?\" Mr. Brown asked."),
            (Sentences{"\"Is it over?\" she asked.", "\"Why?\" Mr. Brown asked."}));
}

TEST(SentenceSplitterTest, CurlyQuotesBehaveLikeStraightOnes) {
  EXPECT_EQ(SplitText("\u201CIt is final.\u201D Reporters left. \u2018Never again,\u2019 "
                      "she said. \u201CWhy now?\u201D asked one."),
            (Sentences{"\u201CIt is final.\u201D", "Reporters left.",
                       "\u2018Never again,\u2019 she said.", "\u201CWhy now?\u201D asked one."}));
}

TEST(SentenceSplitterTest, EllipsisSplitsOnlyBeforeCapital) {
  EXPECT_EQ(SplitText("He waited... and then left. It was over\u2026 We had no choice."),
            (Sentences{"He waited... and then left.", "It was over\u2026", "We had no choice."}));
}

TEST(SentenceSplitterTest, DashesAndParenthesesDoNotSplit) {
  EXPECT_EQ(
      SplitText("The truce \u2013 if it holds \u2013 is new. The plan (see p. 4) failed."),
      (Sentences{"The truce \u2013 if it holds \u2013 is new.", "The plan (see p. 4) failed."}));
}

TEST(SentenceSplitterTest, StageDirectionAfterSentenceIsOwnSentence) {
  EXPECT_EQ(SplitText("It helps to plug it in. (Laughter.)"),
            (Sentences{"It helps to plug it in.", "(Laughter.)"}));
  EXPECT_EQ(SplitText("Oh, is it German? (Laughter.) Is it Japanese? (Applause.)"),
            (Sentences{"Oh, is it German?", "(Laughter.)", "Is it Japanese?", "(Applause.)"}));
}

TEST(SentenceSplitterTest, StageDirectionAtParagraphStartIsOwnSentence) {
  EXPECT_EQ(SplitText("(Laughter.) Is it German?"), (Sentences{"(Laughter.)", "Is it German?"}));
  EXPECT_EQ(SplitText("(Inaudible.) and more"), (Sentences{"(Inaudible.)", "and more"}));
}

TEST(SentenceSplitterTest, ParentheticalWithoutPeriodStaysInSentence) {
  EXPECT_EQ(SplitText("(Via interpreter) We are ready. Thank you."),
            (Sentences{"(Via interpreter) We are ready.", "Thank you."}));
}

TEST(SentenceSplitterTest, NumberedItemsKeepTheirNumber) {
  EXPECT_EQ(SplitText("Two points. 1. The border. 2. The aid."),
            (Sentences{"Two points.", "1. The border.", "2. The aid."}));
}

TEST(SentenceSplitterTest, AllCapsDatelineStaysWithFirstSentence) {
  EXPECT_EQ(SplitText("WASHINGTON (AP) \u2014 The Senate voted. It passed."),
            (Sentences{"WASHINGTON (AP) \u2014 The Senate voted.", "It passed."}));
}

TEST(SentenceSplitterTest, NewlinesAndNonBreakingSpacesAreWhiteSpace) {
  EXPECT_EQ(SplitText("  One line\nwraps here.\n\u00A0Second one.\u00A0 "),
            (Sentences{"One line\nwraps here.", "Second one."}));
}

TEST(SentenceSplitterTest, EmptyAndBlankRegionsGiveNoSentences) {
  EXPECT_TRUE(SplitText("").empty());
  EXPECT_TRUE(SplitText(" \n\t ").empty());
}

TEST(SentenceSplitterTest, SpansAreOffsetsIntoTheWholeText) {
  const std::string text = "Skip this. Take this. And this.";
  std::vector<Span> spans;
  Splitter().Split(text, Span{11, static_cast<uint32_t>(text.size())}, &spans);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (Span{11, 21}));
  EXPECT_EQ(spans[1], (Span{22, 31}));
}

TEST(SentenceSplitterTest, AppendsToExistingOutput) {
  std::vector<Span> spans = {Span{0, 1}};
  const std::string text = "A bc. C d.";
  Splitter().Split(text, Span{0, static_cast<uint32_t>(text.size())}, &spans);
  EXPECT_EQ(spans.size(), 3u);
}

TEST(SentenceSplitterTest, MissingDataDirIsAnError) {
  Result<SentenceSplitter> s = SentenceSplitter::Create("/nonexistent/dossier-data");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
}

// Every non-space byte of the input lands in exactly one span, in order.
void ExpectCoverage(std::string_view text, const std::vector<Span>& spans) {
  uint32_t prev_end = 0;
  for (const Span& s : spans) {
    ASSERT_FALSE(s.empty());
    ASSERT_GE(s.begin, prev_end);
    for (uint32_t i = prev_end; i < s.begin; ++i) {
      ASSERT_TRUE(IsAsciiSpace(text[i]) || static_cast<unsigned char>(text[i]) >= 0x80)
          << "lost byte " << i << " in: " << text;
    }
    ASSERT_FALSE(IsAsciiSpace(text[s.begin]));
    ASSERT_FALSE(IsAsciiSpace(text[s.end - 1]));
    prev_end = s.end;
  }
  for (size_t i = prev_end; i < text.size(); ++i) {
    ASSERT_TRUE(IsAsciiSpace(text[i]) || static_cast<unsigned char>(text[i]) >= 0x80)
        << "lost trailing byte " << i << " in: " << text;
  }
}

TEST(SentenceSplitterTest, OddInputsLoseNoText) {
  const std::vector<std::string> inputs = {".",
                                           "...",
                                           "?!",
                                           "(",
                                           ")",
                                           "(.)",
                                           "\"",
                                           "a.",
                                           ". A",
                                           "Mr.",
                                           "U.S.",
                                           "1.",
                                           "(Laughter.)",
                                           "\xE2\x80",
                                           "\xE2\x80\xA6",
                                           "x \xC2",
                                           "A. B. C. D.",
                                           "\"?\" \"!\" (.) [.] \u201D. X",
                                           "end.\u00A0\u00A0Next",
                                           std::string("nul\0byte. Here", 14)};
  for (const std::string& in : inputs) {
    std::vector<Span> spans;
    Splitter().Split(in, Span{0, static_cast<uint32_t>(in.size())}, &spans);
    ExpectCoverage(in, spans);
  }
}

TEST(SentenceSplitterTest, RandomPunctuationSoupLosesNoText) {
  const std::vector<std::string> pieces = {
      ".",   "?",   "!", "...", "\u2026", "\"",     "'", "\u201C", "\u201D",   "\u2019",
      "(",   ")",   " ", "  ",  "\n",     "\u00A0", "A", "b",      "Mr",       "U.S",
      "p.m", "The", "1", "4.5", "\xE2",   "\xC2",   "-", "\u2014", "Laughter", "said"};
  std::mt19937 rng(12345);
  for (int round = 0; round < 3000; ++round) {
    std::string in;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) in += pieces[rng() % pieces.size()];
    std::vector<Span> spans;
    Splitter().Split(in, Span{0, static_cast<uint32_t>(in.size())}, &spans);
    ExpectCoverage(in, spans);
  }
}

struct Scores {
  size_t gold = 0;
  size_t exact = 0;
  size_t predicted_boundaries = 0;
  size_t gold_boundaries = 0;
  size_t correct_boundaries = 0;
};

TEST(SentenceSplitterTest, TrickySet) {
  std::ifstream in(DOSSIER_TESTDATA_DIR "/segmentation/tricky.txt");
  ASSERT_TRUE(in) << "cannot open " << DOSSIER_TESTDATA_DIR "/segmentation/tricky.txt";
  std::vector<std::vector<std::string>> paragraphs(1);
  for (std::string line; std::getline(in, line);) {
    if (TrimWhitespace(line).empty()) {
      if (!paragraphs.back().empty()) paragraphs.emplace_back();
    } else {
      paragraphs.back().push_back(std::string(TrimWhitespace(line)));
    }
  }
  if (paragraphs.back().empty()) paragraphs.pop_back();

  Scores sc;
  std::ostringstream mismatches;
  for (const std::vector<std::string>& gold : paragraphs) {
    std::string text;
    std::set<size_t> gold_ends;  // end offsets of non-final sentences
    std::set<std::pair<size_t, size_t>> gold_spans;
    for (const std::string& s : gold) {
      if (!text.empty()) text.push_back(' ');
      gold_spans.insert({text.size(), text.size() + s.size()});
      text += s;
      gold_ends.insert(text.size());
    }
    gold_ends.erase(text.size());
    std::vector<Span> spans;
    Splitter().Split(text, Span{0, static_cast<uint32_t>(text.size())}, &spans);
    ExpectCoverage(text, spans);
    std::set<size_t> predicted_ends;
    for (const Span& s : spans) {
      if (s.end != text.size()) predicted_ends.insert(s.end);
      if (gold_spans.count({s.begin, s.end})) ++sc.exact;
    }
    sc.gold += gold.size();
    sc.gold_boundaries += gold_ends.size();
    sc.predicted_boundaries += predicted_ends.size();
    for (size_t e : predicted_ends) sc.correct_boundaries += gold_ends.count(e);
    if (predicted_ends != gold_ends) {
      mismatches << "  text: " << text << "\n";
      for (const Span& s : spans) mismatches << "    got: " << s.Slice(text) << "\n";
    }
  }
  const double accuracy = static_cast<double>(sc.exact) / static_cast<double>(sc.gold);
  const double precision = sc.predicted_boundaries == 0
                               ? 1.0
                               : static_cast<double>(sc.correct_boundaries) /
                                     static_cast<double>(sc.predicted_boundaries);
  const double recall = sc.gold_boundaries == 0 ? 1.0
                                                : static_cast<double>(sc.correct_boundaries) /
                                                      static_cast<double>(sc.gold_boundaries);
  std::cout << "segmentation accuracy on tricky.txt: " << accuracy << " (" << sc.exact << "/"
            << sc.gold << " sentences, " << paragraphs.size() << " paragraphs); boundary precision "
            << precision << " (" << sc.correct_boundaries << "/" << sc.predicted_boundaries
            << "), recall " << recall << " (" << sc.correct_boundaries << "/" << sc.gold_boundaries
            << ")\n";
  if (!mismatches.str().empty()) std::cout << "mismatching paragraphs:\n" << mismatches.str();
  EXPECT_GE(sc.gold, 120u);
  EXPECT_GE(accuracy, 0.97);
}

std::vector<std::string> ReadLines(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The sentence of `sentences` that contains `needle`, or "" if none.
std::string SentenceWith(const std::vector<std::string>& sentences, std::string_view needle) {
  for (const std::string& s : sentences) {
    if (s.find(needle) != std::string::npos) return s;
  }
  return {};
}

TEST(SentenceSplitterTest, SeedCluster) {
  const std::filesystem::path dir = DOSSIER_SHARED_DATA "/seeds";
  if (!std::filesystem::is_directory(dir)) {
    GTEST_SKIP() << "shared data not found at " << dir;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 5u);

  std::vector<std::string> all;
  for (const auto& file : files) {
    for (const std::string& line : ReadLines(file)) {
      std::vector<Span> spans;
      Splitter().Split(line, Span{0, static_cast<uint32_t>(line.size())}, &spans);
      ExpectCoverage(line, spans);
      for (const Span& s : spans) all.emplace_back(s.Slice(line));
    }
  }
  ASSERT_GT(all.size(), 300u);

  // "Mr" without a period never ends a sentence.
  for (const std::string& s : all) {
    EXPECT_FALSE(EndsWith(s, " Mr") || EndsWith(s, " Mr.")) << s;
  }
  EXPECT_NE(SentenceWith(all, "Mr Hollande told"), "");
  EXPECT_NE(SentenceWith(all, "Mr. Judeh"), "");
  EXPECT_NE(SentenceWith(all, "Mr. Judeh").find("Mr. Judeh"), 0u);

  const std::string led = SentenceWith(all, "U.S.-led");
  EXPECT_NE(led.find("coordination of U.S.-led and Russian military operations"), std::string::npos)
      << led;

  const std::string metres = SentenceWith(all, "4,000 metres");
  EXPECT_NE(metres.find("at an altitude of over 3,000 to 4,000 metres."), std::string::npos)
      << metres;
  EXPECT_TRUE(EndsWith(metres, "metres.")) << metres;

  // Transcript stage directions are sentences of their own.
  const auto count = [&](std::string_view s) { return std::count(all.begin(), all.end(), s); };
  EXPECT_EQ(count("SECRETARY KERRY: It helps to plug it in."), 1);
  EXPECT_EQ(count("FOREIGN MINISTER LAVROV: Oh, is it German?"), 1);
  EXPECT_EQ(count("Is it German or Japanese or what?"), 1);
  EXPECT_EQ(count("SECRETARY KERRY: It\u2019s very high-tech."), 1);
  EXPECT_EQ(count("SECRETARY KERRY: Perfect."), 1);
  EXPECT_EQ(count("QUESTION: (Inaudible.)"), 1);
  EXPECT_GE(count("(Laughter.)"), 8);
  for (const std::string& s : all) {
    if (s.find("(Laughter.)") != std::string::npos && s != "(Laughter.)") {
      EXPECT_TRUE(StartsWith(s, "QUESTION: (Laughter.)")) << s;
    }
  }
  // "(Via interpreter)" has no period: it stays with the words it introduces.
  EXPECT_EQ(count("(Via interpreter)"), 0);
  EXPECT_NE(SentenceWith(all, "(Via interpreter) So let me continue."), "");
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

TEST(SentenceSplitterCaselessTest, LowerCaseTextSplitsWhenAskedTo) {
  Result<SentenceSplitter> splitter = SentenceSplitter::Create("");
  ASSERT_TRUE(splitter.ok());
  std::string text = "mr. smith met dr. jones on dec. 18. they talked. it rained at 5 p.m. monday.";
  std::vector<Span> out;
  splitter->Split(text, {0, static_cast<uint32_t>(text.size())}, &out, /*caseless=*/true);
  std::vector<std::string> got;
  for (Span s : out) got.emplace_back(s.Slice(text));
  EXPECT_EQ(got, (std::vector<std::string>{"mr. smith met dr. jones on dec. 18.", "they talked.",
                                           "it rained at 5 p.m. monday."}));
  out.clear();
  splitter->Split(text, {0, static_cast<uint32_t>(text.size())}, &out);
  EXPECT_EQ(out.size(), 1u);  // case-sensitive: no capital, no split
}

// The splitter's lists come from data/<language>/: a data folder holding a
// changed copy changes the sentences.
class SentenceSplitterDataTest : public TempDirTest {
 protected:
  // The built-in en/`name` with `extra` lines added, in dir_.
  void AddLines(const std::string& name, const std::string& extra) {
    Result<std::string> lines = ReadDataFile("", "en/" + name);
    ASSERT_TRUE(lines.ok()) << lines.status().ToString();
    Write("en/" + name, *lines + extra);
  }
  static std::vector<std::string> Split(const std::string& data_dir, std::string_view text) {
    Result<SentenceSplitter> splitter = SentenceSplitter::Create(data_dir);
    EXPECT_TRUE(splitter.ok()) << splitter.status().ToString();
    std::vector<Span> spans;
    if (splitter.ok()) splitter->Split(text, Span{0, static_cast<uint32_t>(text.size())}, &spans);
    std::vector<std::string> out;
    for (const Span& s : spans) out.emplace_back(s.Slice(text));
    return out;
  }
};

TEST_F(SentenceSplitterDataTest, ADialogueTagVerbOfTheDataFolderKeepsTheQuoteInItsSentence) {
  const std::string text = "\"Is it over?\" Smith grumbled. Nobody answered.";
  EXPECT_EQ(Split("", text), (Sentences{"\"Is it over?\"", "Smith grumbled.", "Nobody answered."}));
  AddLines("dialogue_tag_verbs.txt", "grumbled\n");
  EXPECT_EQ(Split(dir_.string(), text),
            (Sentences{"\"Is it over?\" Smith grumbled.", "Nobody answered."}));
}

TEST_F(SentenceSplitterDataTest, ALanguageWithoutItsListsIsNotFound) {
  Result<SentenceSplitter> none = SentenceSplitter::Create("", "xx");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace dossier
