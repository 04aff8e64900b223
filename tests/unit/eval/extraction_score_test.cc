#include "dossier/extraction_score.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace dossier::eval {
namespace {

using Tokens = std::vector<std::string_view>;

// ---- Tokens: Python's \w+ ---------------------------------------------------

TEST(BenchmarkTokens, RunsOfWordCharactersWithUnderscore) {
  EXPECT_EQ(BenchmarkTokens("Hello, world! foo_bar 42"),
            (Tokens{"Hello", "world", "foo_bar", "42"}));
  EXPECT_EQ(BenchmarkTokens("can't e-mail 3.14"), (Tokens{"can", "t", "e", "mail", "3", "14"}));
  EXPECT_EQ(BenchmarkTokens(""), Tokens{});
  EXPECT_EQ(BenchmarkTokens(" ,.;!? "), Tokens{});
}

TEST(BenchmarkTokens, LettersAndNumbersOfAnyScript) {
  EXPECT_EQ(BenchmarkTokens("Café naïve"), (Tokens{"Café", "naïve"}));
  EXPECT_EQ(BenchmarkTokens("北京2008年"), (Tokens{"北京2008年"}));
  // Superscript two (digit), one half and Roman eight (numeric), Arabic-Indic
  // digits (decimal), ordinal indicators (letters).
  EXPECT_EQ(BenchmarkTokens("x²½ Ⅷ ٣٤ ªº"), (Tokens{"x²½", "Ⅷ", "٣٤", "ªº"}));
}

TEST(BenchmarkTokens, CombiningMarksAndSpacesSeparate) {
  // As in Python: a combining mark (Mn/Mc) is not \w, so a decomposed é, a
  // Devanagari vowel sign and a Thai vowel mark end the token.
  EXPECT_EQ(BenchmarkTokens("Cafe\u0301 x"), (Tokens{"Cafe", "x"}));
  EXPECT_EQ(BenchmarkTokens("कि กิ"), (Tokens{"क", "ก"}));
  EXPECT_EQ(BenchmarkTokens("a\u00A0b\u2009c"), (Tokens{"a", "b", "c"}));
}

TEST(BenchmarkTokens, InvalidUtf8BytesSeparate) {
  EXPECT_EQ(BenchmarkTokens("ab\xFF"
                            "cd\xC3"),
            (Tokens{"ab", "cd"}));
  EXPECT_EQ(BenchmarkTokens("x\xED\xA0\x80y"), (Tokens{"x", "y"}));  // an encoded surrogate
}

TEST(BenchmarkTokens, WordCharClasses) {
  EXPECT_TRUE(IsBenchmarkWordChar(U'_'));
  EXPECT_TRUE(IsBenchmarkWordChar(U'ß'));
  EXPECT_TRUE(IsBenchmarkWordChar(U'\u3007'));  // ideographic zero (Nl)
  EXPECT_FALSE(IsBenchmarkWordChar(U'-'));
  EXPECT_FALSE(IsBenchmarkWordChar(U'\u0301'));
  EXPECT_FALSE(IsBenchmarkWordChar(U'\u200B'));
  EXPECT_FALSE(IsBenchmarkWordChar(0x110000));
}

// ---- One page -----------------------------------------------------------------

TEST(ScorePage, MissingShingleLowersRecall) {
  // Truth shingles {abcd, bcde}, predicted {abcd}: tp 1, fp 0, fn 1.
  PageScore s = ScorePage("a b c d e", "a b c d");
  EXPECT_EQ(s.tp, 1u);
  EXPECT_EQ(s.fp, 0u);
  EXPECT_EQ(s.fn, 1u);
  EXPECT_DOUBLE_EQ(s.tp_share, 0.5);
  EXPECT_DOUBLE_EQ(s.fn_share, 0.5);
  EXPECT_DOUBLE_EQ(s.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(s.Recall(), 0.5);
  EXPECT_DOUBLE_EQ(s.F1(), 2.0 / 3.0);
  EXPECT_FALSE(s.exact);
  EXPECT_EQ(s.truth_tokens, 5u);
  EXPECT_EQ(s.predicted_tokens, 4u);
}

TEST(ScorePage, RepeatedShinglesAreCountedAsMultisets) {
  // Truth: abcd, bcda, cdab, dabc, abcd; predicted: abcd once.
  PageScore s = ScorePage("a b c d a b c d", "a b c d");
  EXPECT_EQ(s.tp, 1u);
  EXPECT_EQ(s.fn, 4u);
  EXPECT_DOUBLE_EQ(s.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(s.Recall(), 0.2);
  // And the other way round: three extra shingles of the same kind.
  PageScore t = ScorePage("a b c d", "a b c d a b c d");
  EXPECT_EQ(t.tp, 1u);
  EXPECT_EQ(t.fp, 4u);
  EXPECT_DOUBLE_EQ(t.Precision(), 0.2);
  EXPECT_DOUBLE_EQ(t.Recall(), 1.0);
}

TEST(ScorePage, ShortTextsAreOneShingle) {
  PageScore same = ScorePage("one two", "one, two!");
  EXPECT_EQ(same.tp, 1u);
  EXPECT_DOUBLE_EQ(same.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(same.Recall(), 1.0);
  EXPECT_TRUE(same.exact);
  // (one two three) and (one two) share nothing.
  PageScore part = ScorePage("one two three", "one two");
  EXPECT_EQ(part.tp, 0u);
  EXPECT_EQ(part.fp, 1u);
  EXPECT_EQ(part.fn, 1u);
  EXPECT_TRUE(part.HasPrecision());
  EXPECT_DOUBLE_EQ(part.Precision(), 0.0);
  EXPECT_DOUBLE_EQ(part.Recall(), 0.0);
  EXPECT_DOUBLE_EQ(part.F1(), 0.0);
}

TEST(ScorePage, CaseCountsPunctuationDoesNot) {
  PageScore s = ScorePage("The cat sat down", "the cat sat down");
  EXPECT_EQ(s.tp, 0u);
  EXPECT_FALSE(s.exact);
  EXPECT_TRUE(ScorePage("Hello, world", "Hello world!").exact);
}

TEST(ScorePage, EmptyPredictionHasNoPrecision) {
  PageScore s = ScorePage("a b c d", "");
  EXPECT_FALSE(s.HasPrecision());
  EXPECT_TRUE(s.HasRecall());
  EXPECT_DOUBLE_EQ(s.Recall(), 0.0);
  EXPECT_FALSE(s.exact);
  // Both empty: in neither mean, but an exact match (equal token lists).
  PageScore none = ScorePage("...", "");
  EXPECT_FALSE(none.HasPrecision());
  EXPECT_FALSE(none.HasRecall());
  EXPECT_TRUE(none.exact);
}

// ---- Aggregates ------------------------------------------------------------------

TEST(AggregateScores, MeansOverPagesThenHarmonicMean) {
  std::vector<PageScore> pages = {
      ScorePage("a b c d e", "a b c d"),      // P 1, R 0.5
      ScorePage("a b c d", ""),               // no P, R 0
      ScorePage("w x y z", "w x y z"),        // P 1, R 1, exact
      ScorePage("one two three", "one two"),  // P 0, R 0
  };
  ExtractionScores s = AggregateScores(pages, {.samples = 0});
  EXPECT_EQ(s.pages, 4u);
  EXPECT_DOUBLE_EQ(s.precision.value, 2.0 / 3.0);  // (1 + 1 + 0) / 3
  EXPECT_DOUBLE_EQ(s.recall.value, 0.375);         // (0.5 + 0 + 1 + 0) / 4
  EXPECT_DOUBLE_EQ(s.f1.value, 0.48);              // 2 (2/3)(3/8) / (2/3 + 3/8) = 12/25
  EXPECT_DOUBLE_EQ(s.accuracy.value, 0.25);
  EXPECT_EQ(s.f1.std, 0.0);
}

TEST(AggregateScores, BootstrapFollowsPythonsDraws) {
  // random.seed(0); randint(0, 1) six times gives 1 1, 0 1, 1 1: three
  // resamples of two pages.
  std::vector<PageScore> pages = {
      ScorePage("a b c d", "a b c d"),    // P 1, R 1, exact
      ScorePage("a b c d e", "a b c d"),  // P 1, R 0.5
  };
  ExtractionScores s = AggregateScores(pages, {.samples = 3, .seed = 0});
  EXPECT_DOUBLE_EQ(s.precision.value, 1.0);
  EXPECT_DOUBLE_EQ(s.recall.value, 0.75);
  EXPECT_DOUBLE_EQ(s.f1.value, 6.0 / 7.0);
  EXPECT_DOUBLE_EQ(s.accuracy.value, 0.5);
  // Recall over the resamples: 0.5, 0.75, 0.5, sample std sqrt(1/48).
  EXPECT_DOUBLE_EQ(s.recall.std, std::sqrt(1.0 / 48));
  // F1: 2/3, 6/7, 2/3, std sqrt(48) / 63; accuracy 0, 0.5, 0, std sqrt(1/12).
  EXPECT_DOUBLE_EQ(s.f1.std, std::sqrt(48.0) / 63);
  EXPECT_DOUBLE_EQ(s.accuracy.std, std::sqrt(1.0 / 12));
  EXPECT_DOUBLE_EQ(s.precision.std, 0.0);
}

TEST(AggregateScores, NoPredictionAtAllScoresZero) {
  // evaluate.py would fail on the mean of nothing; we report 0.
  ExtractionScores s =
      AggregateScores({ScorePage("a b c d", ""), ScorePage("e f g h", "")}, {.samples = 10});
  EXPECT_EQ(s.precision.value, 0.0);
  EXPECT_EQ(s.recall.value, 0.0);
  EXPECT_EQ(s.f1.value, 0.0);
  EXPECT_EQ(AggregateScores({}, {}).pages, 0u);
}

// ---- Python's random ---------------------------------------------------------------

TEST(PythonRandom, MatchesPythonsStream) {
  // Values printed by Python 3.11 after random.seed(...).
  PythonRandom a(0);
  EXPECT_EQ(a.Bits32(), 3626764237u);
  EXPECT_EQ(a.Bits32(), 1654615998u);
  EXPECT_EQ(a.Bits32(), 3255389356u);
  PythonRandom b(0);
  std::vector<uint32_t> got;
  for (int i = 0; i < 10; ++i) got.push_back(b.Below(181));
  EXPECT_EQ(got, (std::vector<uint32_t>{98, 107, 10, 66, 130, 124, 103, 77, 122, 91}));
  PythonRandom c((uint64_t{1} << 40) + 5);  // a seed of two 32-bit words
  got.clear();
  for (int i = 0; i < 5; ++i) got.push_back(c.Below(181));
  EXPECT_EQ(got, (std::vector<uint32_t>{129, 132, 68, 169, 7}));
  PythonRandom d(12345);
  got.clear();
  for (int i = 0; i < 8; ++i) got.push_back(d.Below(7));
  EXPECT_EQ(got, (std::vector<uint32_t>{3, 5, 0, 6, 6, 6, 2, 6}));
}

// ---- Files ----------------------------------------------------------------------------

TEST(ArticleBodies, PlainAndWrappedFiles) {
  Result<ArticleBodies> plain = ParseArticleBodies(
      R"({"b": {"articleBody": "Two words", "url": "https://x.test/b"}, "a": {"articleBody": null},
          "c": {}})",
      "plain.json");
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_EQ(plain->version, "");
  EXPECT_EQ(plain->ids, (std::vector<std::string>{"b", "a", "c"}));  // file order
  EXPECT_EQ(plain->bodies, (std::vector<std::string>{"Two words", "", ""}));
  EXPECT_EQ(plain->urls[0], "https://x.test/b");
  Result<ArticleBodies> wrapped = ParseArticleBodies(
      R"({"version": "2.0.0", "output": {"a": {"articleBody": "x"}}})", "wrapped.json");
  ASSERT_TRUE(wrapped.ok()) << wrapped.status().ToString();
  EXPECT_EQ(wrapped->version, "2.0.0");
  EXPECT_EQ(wrapped->ids, (std::vector<std::string>{"a"}));
}

TEST(ArticleBodies, BadFilesAreErrors) {
  EXPECT_EQ(ParseArticleBodies("{", "x.json").status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(ParseArticleBodies("[]", "x.json").status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(ParseArticleBodies(R"({"a": 1})", "x.json").status().code(), StatusCode::kInvalidInput);
  Result<ArticleBodies> number = ParseArticleBodies(R"({"a": {"articleBody": 7}})", "x.json");
  EXPECT_FALSE(number.ok());
  EXPECT_EQ(number.status().input(), "x.json");
  EXPECT_FALSE(ReadArticleBodies("/nonexistent/ground-truth.json").ok());
}

TEST(ScorePages, IdsMustMatchAndTruthOrderIsKept) {
  Result<ArticleBodies> truth = ParseArticleBodies(
      R"({"p1": {"articleBody": "a b c d"}, "p2": {"articleBody": "e f"}})", "t");
  Result<ArticleBodies> pred =
      ParseArticleBodies(R"({"p2": {"articleBody": "e f"}, "p1": {"articleBody": "x"}})", "p");
  ASSERT_TRUE(truth.ok() && pred.ok());
  Result<std::vector<PageScore>> scores = ScorePages(*truth, *pred);
  ASSERT_TRUE(scores.ok()) << scores.status().ToString();
  ASSERT_EQ(scores->size(), 2u);
  EXPECT_FALSE((*scores)[0].exact);
  EXPECT_TRUE((*scores)[1].exact);
  Result<ArticleBodies> fewer = ParseArticleBodies(R"({"p1": {"articleBody": "x"}})", "p");
  EXPECT_FALSE(ScorePages(*truth, *fewer).ok());
  Result<ArticleBodies> other = ParseArticleBodies(
      R"({"p1": {"articleBody": "x"}, "p2": {"articleBody": "x"}, "p3": {}})", "p");
  EXPECT_FALSE(ScorePages(*truth, *other).ok());
}

// ---- Conformance with the published table ----------------------------------------

// A row of the benchmark's README (../shared/data/article-extraction/README.rst)
// whose version is the one saved in baseline_outputs/: F1, precision, recall,
// accuracy, each with its ±.
struct PublishedRow {
  const char* file;  // baseline_outputs/<file>.json
  double f1, f1_pm, p, p_pm, r, r_pm, acc, acc_pm;
};

// Latest evaluation (versions equal to the saved outputs').
constexpr PublishedRow kPublished[] = {
    {"august", 0.471, 0.018, 0.312, 0.015, 0.955, 0.005, 0.000, 0.000},
    {"beautifulsoup", 0.665, 0.015, 0.499, 0.017, 0.994, 0.001, 0.000, 0.000},
    {"boilerpipe_rs", 0.739, 0.022, 0.761, 0.022, 0.717, 0.027, 0.000, 0.000},
    {"dom_smoothie", 0.865, 0.008, 0.785, 0.012, 0.963, 0.005, 0.055, 0.018},
    {"fast_html2md", 0.515, 0.018, 0.351, 0.016, 0.967, 0.003, 0.000, 0.000},
    {"go_domdistiller", 0.927, 0.007, 0.901, 0.010, 0.956, 0.010, 0.061, 0.018},
    {"go_readability", 0.934, 0.009, 0.900, 0.011, 0.971, 0.009, 0.188, 0.029},
    {"go_readability_fork", 0.947, 0.005, 0.914, 0.008, 0.982, 0.004, 0.166, 0.027},
    {"go_trafilatura", 0.960, 0.007, 0.940, 0.009, 0.980, 0.006, 0.287, 0.033},
    {"goose3", 0.896, 0.015, 0.940, 0.013, 0.856, 0.020, 0.232, 0.032},
    {"html-text", 0.665, 0.015, 0.500, 0.017, 0.994, 0.001, 0.000, 0.000},
    {"html2md_rs", 0.150, 0.021, 0.142, 0.031, 0.160, 0.026, 0.000, 0.000},
    {"html2text", 0.662, 0.016, 0.499, 0.018, 0.983, 0.002, 0.000, 0.000},
    {"html2text_rs", 0.438, 0.018, 0.283, 0.015, 0.965, 0.004, 0.000, 0.000},
    {"inscriptis", 0.679, 0.015, 0.517, 0.018, 0.992, 0.001, 0.000, 0.000},
    {"justext", 0.804, 0.018, 0.858, 0.016, 0.756, 0.028, 0.088, 0.021},
    {"llm_readability", 0.829, 0.020, 0.851, 0.019, 0.809, 0.026, 0.077, 0.020},
    {"mdka", 0.435, 0.018, 0.285, 0.015, 0.914, 0.014, 0.000, 0.000},
    {"nanohtml2text", 0.469, 0.018, 0.309, 0.015, 0.973, 0.002, 0.000, 0.000},
    {"readability", 0.922, 0.013, 0.913, 0.014, 0.931, 0.015, 0.315, 0.034},
    {"readability_js", 0.947, 0.005, 0.914, 0.008, 0.982, 0.003, 0.166, 0.028},
    {"readability_rs", 0.873, 0.017, 0.906, 0.015, 0.843, 0.023, 0.227, 0.031},
    {"readabilityrs", 0.832, 0.012, 0.745, 0.015, 0.943, 0.011, 0.028, 0.012},
    {"readable_readability", 0.884, 0.015, 0.886, 0.015, 0.881, 0.020, 0.177, 0.028},
    {"rs_trafilatura", 0.970, 0.004, 0.951, 0.006, 0.990, 0.003, 0.287, 0.032},
    {"trafilatura", 0.958, 0.006, 0.938, 0.009, 0.978, 0.006, 0.293, 0.034},
    // Previous evaluation: newspaper4k 0.9.3.1 and news-please 1.6.16.
    {"newspaper", 0.949, 0.008, 0.964, 0.008, 0.934, 0.011, 0.326, 0.033},
    {"news_please", 0.948, 0.008, 0.964, 0.008, 0.933, 0.011, 0.326, 0.034},
    // Initial evaluation, November 2019.
    {"AutoExtract", 0.970, 0.005, 0.984, 0.002, 0.956, 0.010, 0.470, 0.037},
    {"Diffbot", 0.951, 0.010, 0.958, 0.009, 0.944, 0.013, 0.348, 0.038},
    {"boilerpipe", 0.860, 0.016, 0.850, 0.016, 0.870, 0.020, 0.006, 0.006},
    {"dragnet", 0.907, 0.014, 0.925, 0.013, 0.889, 0.019, 0.221, 0.030},
};

// Names the row in test listings.
void PrintTo(const PublishedRow& row, std::ostream* os) { *os << row.file; }

const std::string kBenchmark = std::string(DOSSIER_SHARED_DATA) + "/article-extraction";

class PublishedTable : public testing::TestWithParam<PublishedRow> {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kBenchmark + "/ground-truth.json")) return;
    truth_ = new Result<ArticleBodies>(ReadArticleBodies(kBenchmark + "/ground-truth.json"));
  }
  static void TearDownTestSuite() {
    delete truth_;
    truth_ = nullptr;
  }
  static Result<ArticleBodies>* truth_;
};
Result<ArticleBodies>* PublishedTable::truth_ = nullptr;

double Round3(double v) { return std::round(v * 1000) / 1000; }

// The point values equal the published ones to the printed digit. The ± come
// from our seeded resampling, the published ones from an unseeded run: they
// agree within bootstrap noise.
TEST_P(PublishedTable, ScoresEqualThePublishedRow) {
  if (truth_ == nullptr) {
    GTEST_SKIP() << "article extraction benchmark data not found at " << kBenchmark
                 << " (set DOSSIER_SHARED_DATA)";
  }
  ASSERT_TRUE(truth_->ok()) << truth_->status().ToString();
  ASSERT_EQ((*truth_)->ids.size(), 181u);
  const PublishedRow& row = GetParam();
  Result<ArticleBodies> output =
      ReadArticleBodies(kBenchmark + "/baseline_outputs/" + row.file + ".json");
  ASSERT_TRUE(output.ok()) << output.status().ToString();
  Result<std::vector<PageScore>> pages = ScorePages(**truth_, *output);
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  const ExtractionScores s = AggregateScores(*pages, {});
  EXPECT_DOUBLE_EQ(Round3(s.f1.value), row.f1);
  EXPECT_DOUBLE_EQ(Round3(s.precision.value), row.p);
  EXPECT_DOUBLE_EQ(Round3(s.recall.value), row.r);
  EXPECT_DOUBLE_EQ(Round3(s.accuracy.value), row.acc);
  constexpr double kNoise = 0.002 + 1e-9;
  EXPECT_NEAR(Round3(s.f1.std), row.f1_pm, kNoise);
  EXPECT_NEAR(Round3(s.precision.std), row.p_pm, kNoise);
  EXPECT_NEAR(Round3(s.recall.std), row.r_pm, kNoise);
  EXPECT_NEAR(Round3(s.accuracy.std), row.acc_pm, kNoise);
}

std::string RowName(const testing::TestParamInfo<PublishedRow>& info) {
  std::string name = info.param.file;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(ExtractionBenchmark, PublishedTable, testing::ValuesIn(kPublished),
                         RowName);

// With random.seed(0) before it, evaluate.py prints these for trafilatura
// (Python 3.11, full precision): our resampling is the same to the last bits.
TEST(ExtractionBenchmark, BootstrapEqualsSeededEvaluatePy) {
  if (!std::filesystem::exists(kBenchmark + "/ground-truth.json")) {
    GTEST_SKIP() << "article extraction benchmark data not found at " << kBenchmark;
  }
  Result<ArticleBodies> truth = ReadArticleBodies(kBenchmark + "/ground-truth.json");
  Result<ArticleBodies> output =
      ReadArticleBodies(kBenchmark + "/baseline_outputs/trafilatura.json");
  ASSERT_TRUE(truth.ok() && output.ok());
  Result<std::vector<PageScore>> pages = ScorePages(*truth, *output);
  ASSERT_TRUE(pages.ok());
  const ExtractionScores s = AggregateScores(*pages, {.samples = 1000, .seed = 0});
  EXPECT_NEAR(s.f1.value, 0.9575025204943414, 1e-15);
  EXPECT_NEAR(s.precision.value, 0.9382893160492266, 1e-15);
  EXPECT_NEAR(s.recall.value, 0.9775190256027831, 1e-15);
  EXPECT_NEAR(s.accuracy.value, 0.292817679558011, 1e-15);
  EXPECT_NEAR(s.f1.std, 0.005699958912657593, 1e-15);
  EXPECT_NEAR(s.precision.std, 0.009141754364808859, 1e-15);
  EXPECT_NEAR(s.recall.std, 0.005697217064019693, 1e-15);
  EXPECT_NEAR(s.accuracy.std, 0.03404070844981288, 1e-15);
}

// news_please's output holds an "articleBody": null, which evaluate.py reads as
// an empty text.
TEST(ExtractionBenchmark, NullBodyIsAnEmptyPrediction) {
  if (!std::filesystem::exists(kBenchmark + "/baseline_outputs/news_please.json")) {
    GTEST_SKIP() << "article extraction benchmark data not found at " << kBenchmark;
  }
  Result<ArticleBodies> output =
      ReadArticleBodies(kBenchmark + "/baseline_outputs/news_please.json");
  ASSERT_TRUE(output.ok()) << output.status().ToString();
  size_t empty = 0;
  for (const std::string& body : output->bodies) empty += body.empty() ? 1 : 0;
  EXPECT_GE(empty, 1u);
}

}  // namespace
}  // namespace dossier::eval
