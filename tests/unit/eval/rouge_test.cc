#include "dossier/rouge.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace dossier::eval {
namespace {

constexpr const char* kWordNet = "/usr/share/wordnet";

bool HaveWordNet() { return std::filesystem::exists(std::string(kWordNet) + "/verb.exc"); }

// Plain options: no stemming (so no WordNet needed), ROUGE-1, 2, L, SU4.
RougeOptions Plain() {
  RougeOptions o;
  o.stem = false;
  return o;
}

RougeScorer MakeScorer(const RougeOptions& options) {
  Result<RougeScorer> scorer = RougeScorer::Create(options);
  EXPECT_TRUE(scorer.ok()) << scorer.status().ToString();
  return std::move(scorer).value();
}

// The per-id triple of `metric` for one evaluation.
Prf ScoreOf(const RougeScorer& scorer, const std::string& metric,
            const std::vector<std::string>& system,
            const std::vector<std::vector<std::string>>& references) {
  std::vector<Prf> scores = scorer.ScoreOne(system, references);
  const std::vector<std::string>& names = scorer.metric_names();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == metric) return scores[i];
  }
  ADD_FAILURE() << "no metric " << metric;
  return {};
}

void ExpectPrf(const Prf& got, double r, double p, double f) {
  EXPECT_DOUBLE_EQ(got.r, r);
  EXPECT_DOUBLE_EQ(got.p, p);
  EXPECT_DOUBLE_EQ(got.f, f);
}

TEST(Rouge, MetricNamesFollowRougeOrder) {
  RougeScorer scorer = MakeScorer(Plain());
  EXPECT_EQ(scorer.metric_names(),
            (std::vector<std::string>{"ROUGE-1", "ROUGE-2", "ROUGE-L", "ROUGE-SU4"}));
}

TEST(Rouge, TokensAreRunsOfAsciiLettersAndDigits) {
  RougeScorer scorer = MakeScorer(Plain());
  EXPECT_EQ(
      scorer.Tokens({"Caf\xc3\xa9 don\xe2\x80\x99t $5,000 e-mail -- U.S. na\xc3\xafve"}),
      (std::vector<std::string>{"caf", "don", "t", "5", "000", "e", "mail", "u", "s", "na", "ve"}));
}

TEST(Rouge, Rouge1ClipsRepeatedTokens) {
  RougeScorer scorer = MakeScorer(Plain());
  // hits = min(3, 1) for "the" + 1 for "cat" = 2; R = 2/3, P = 2/4.
  ExpectPrf(ScoreOf(scorer, "ROUGE-1", {"the the the cat"}, {{"The cat sat."}}), 0.66667, 0.5,
            0.57143);
}

TEST(Rouge, Rouge2CountsBigramsAcrossUnits) {
  RougeScorer scorer = MakeScorer(Plain());
  // System bigrams a-b b-c c-d; reference a-b b-d d-c: one hit.
  ExpectPrf(ScoreOf(scorer, "ROUGE-2", {"a b", "c d"}, {{"a b d c"}}), 0.33333, 0.33333, 0.33333);
}

TEST(Rouge, FIsComputedFromRoundedRecallAndPrecision) {
  RougeScorer scorer = MakeScorer(Plain());
  // R = 1, P = 1/6 -> 0.16667; F from the rounded values is 0.28572 (exactly: 0.28571).
  ExpectPrf(ScoreOf(scorer, "ROUGE-1", {"a b c d e f"}, {{"a"}}), 1.0, 0.16667, 0.28572);
}

TEST(Rouge, Su4NeverCountsTheLastTokenAsAUnigram) {
  RougeScorer scorer = MakeScorer(Plain());
  // One token: no unigram, no pair: SU4 is 0 while ROUGE-1 is 1.
  ExpectPrf(ScoreOf(scorer, "ROUGE-SU4", {"alpha"}, {{"alpha"}}), 0, 0, 0);
  ExpectPrf(ScoreOf(scorer, "ROUGE-1", {"alpha"}, {{"alpha"}}), 1, 1, 1);
  // "a b c" gives a, a-b, a-c, b, b-c; "c b a" gives c, c-b, c-a, b, b-a: only b matches.
  ExpectPrf(ScoreOf(scorer, "ROUGE-SU4", {"a b c"}, {{"c b a"}}), 0.2, 0.2, 0.2);
}

TEST(Rouge, Su4PairsSkipAtMostFourTokens) {
  RougeScorer scorer = MakeScorer(Plain());
  // Reference: a, a-b. "a 1 2 3 4 b": b is 5 after a (4 skipped): a-b counts.
  Prf near = ScoreOf(scorer, "ROUGE-SU4", {"a 1 2 3 4 b"}, {{"a b"}});
  EXPECT_DOUBLE_EQ(near.r, 1.0);
  // "a 1 2 3 4 5 b": 5 skipped, only the unigram a matches.
  Prf far = ScoreOf(scorer, "ROUGE-SU4", {"a 1 2 3 4 5 b"}, {{"a b"}});
  EXPECT_DOUBLE_EQ(far.r, 0.5);
}

TEST(Rouge, RougeLUsesTheTieBreakOfRouge155) {
  RougeScorer scorer = MakeScorer(Plain());
  // Reference unit "a b" against "b a": on the tie, the trace goes up, so the LCS found
  // is "a". That spends the system's only "a", and the second reference unit "a" then
  // finds no budget left: 1 hit. Preferring "b" would have given 2.
  ExpectPrf(ScoreOf(scorer, "ROUGE-L", {"b a"}, {{"a b", "a"}}), 0.33333, 0.5, 0.4);
}

TEST(Rouge, RougeLIsAUnionOverSystemUnitsClippedByCounts) {
  RougeScorer scorer = MakeScorer(Plain());
  // Reference "a b c d" against units "a b" and "c d": union LCS a b c d.
  ExpectPrf(ScoreOf(scorer, "ROUGE-L", {"a b", "c d"}, {{"a b c d"}}), 1, 1, 1);
  // A repeated system unit cannot be counted twice.
  ExpectPrf(ScoreOf(scorer, "ROUGE-L", {"a b", "a b"}, {{"a b", "a b"}}), 1, 1, 1);
  ExpectPrf(ScoreOf(scorer, "ROUGE-L", {"a b"}, {{"a b", "a b"}}), 0.5, 1, 0.66667);
  ExpectPrf(ScoreOf(scorer, "ROUGE-L", {"a b", "a b"}, {{"a b"}}), 1, 0.5, 0.66667);
}

// ROUGE-L hits by README step 9 with the whole LCS table, for unit token lists.
uint64_t TableUnionLcsHits(const std::vector<std::vector<std::string>>& reference,
                           const std::vector<std::vector<std::string>>& system) {
  std::map<std::string, int> reference_budget;
  std::map<std::string, int> system_budget;
  for (const auto& unit : reference) {
    for (const std::string& t : unit) ++reference_budget[t];
  }
  for (const auto& unit : system) {
    for (const std::string& t : unit) ++system_budget[t];
  }
  uint64_t hits = 0;
  for (const auto& r : reference) {
    std::vector<bool> marked(r.size(), false);
    for (const auto& c : system) {
      const size_t m = r.size();
      const size_t n = c.size();
      std::vector<std::vector<int>> l(m + 1, std::vector<int>(n + 1, 0));
      for (size_t i = 1; i <= m; ++i) {
        for (size_t j = 1; j <= n; ++j) {
          l[i][j] = r[i - 1] == c[j - 1] ? l[i - 1][j - 1] + 1 : std::max(l[i - 1][j], l[i][j - 1]);
        }
      }
      size_t i = m;
      size_t j = n;
      while (i > 0 && j > 0) {
        if (r[i - 1] == c[j - 1]) {
          marked[--i] = true;
          --j;
        } else if (l[i - 1][j] >= l[i][j - 1]) {
          --i;
        } else {
          --j;
        }
      }
    }
    for (size_t i = 0; i < r.size(); ++i) {
      if (marked[i] && reference_budget[r[i]] > 0 && system_budget[r[i]] > 0) {
        ++hits;
        --reference_budget[r[i]];
        --system_budget[r[i]];
      }
    }
  }
  return hits;
}

// The bit-parallel LCS behind ROUGE-L must trace the same paths as the plain table,
// for units shorter and longer than a 64-bit word.
TEST(Rouge, RougeLMatchesAPlainLcsTableOnRandomTexts) {
  RougeOptions options = Plain();
  options.word_limit = 0;
  RougeScorer scorer = MakeScorer(options);
  uint64_t state = 12345;
  auto next = [&state](uint64_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % bound;
  };
  const std::vector<std::string> words = {"a", "b", "c", "d", "e", "f", "g", "h"};
  for (int round = 0; round < 300; ++round) {
    auto make = [&](std::vector<std::string>* units,
                    std::vector<std::vector<std::string>>* tokens) {
      const size_t n_units = 1 + next(4);
      const uint64_t vocabulary = 2 + next(words.size() - 1);
      for (size_t u = 0; u < n_units; ++u) {
        const size_t length = next(4) == 0 ? 60 + next(100) : 1 + next(20);
        std::string unit;
        tokens->emplace_back();
        for (size_t k = 0; k < length; ++k) {
          const std::string& w = words[next(vocabulary)];
          unit += (k ? " " : "") + w;
          tokens->back().push_back(w);
        }
        units->push_back(unit);
      }
    };
    std::vector<std::string> system;
    std::vector<std::string> reference;
    std::vector<std::vector<std::string>> system_tokens;
    std::vector<std::vector<std::string>> reference_tokens;
    make(&system, &system_tokens);
    make(&reference, &reference_tokens);
    size_t reference_count = 0;
    for (const auto& unit : reference_tokens) reference_count += unit.size();
    const uint64_t hits = TableUnionLcsHits(reference_tokens, system_tokens);
    Prf got = ScoreOf(scorer, "ROUGE-L", system, {reference});
    char expected[32];
    std::snprintf(expected, sizeof(expected), "%.5f",
                  static_cast<double>(hits) / static_cast<double>(reference_count));
    EXPECT_EQ(got.r, std::strtod(expected, nullptr)) << "round " << round;
  }
}

TEST(Rouge, WordLimitCutsTheUnitThatReachesIt) {
  RougeOptions options = Plain();
  options.word_limit = 3;
  RougeScorer scorer = MakeScorer(options);
  // "w3-x" is one word for -l but two tokens; the third unit is dropped.
  EXPECT_EQ(scorer.Tokens({"w1 w2", "w3-x w4", "w5"}),
            (std::vector<std::string>{"w1", "w2", "w3", "x"}));
  // "--" counts as a word and gives no token.
  EXPECT_EQ(scorer.Tokens({"a -- b c"}), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(scorer.Tokens({"a b c", "d"}), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(scorer.Tokens({"a b", "", "c d"}), (std::vector<std::string>{"a", "b", "c"}));
  // The reference is cut too: the system's "d" is past the limit on both sides.
  ExpectPrf(ScoreOf(scorer, "ROUGE-1", {"a b c d"}, {{"a b c d"}}), 1, 1, 1);
  ExpectPrf(ScoreOf(scorer, "ROUGE-1", {"d a b c"}, {{"a b c d"}}), 0.66667, 0.66667, 0.66667);
}

TEST(Rouge, ByteLimitCutsTextsLikeRouge155) {
  RougeOptions options = Plain();
  options.byte_limit = 5;
  RougeScorer scorer = MakeScorer(options);
  // 3 bytes kept, then "defgh" cut to its first 2 bytes.
  EXPECT_EQ(scorer.Tokens({"abc", "defgh", "ij"}), (std::vector<std::string>{"abc", "de"}));
  // ROUGE-1.5.5's readText_LCS never adds up kept bytes: its ROUGE-L units are "abc" and
  // "defgh" whole, but only the tokens of the cut text (abc, de) give budget.
  ExpectPrf(ScoreOf(scorer, "ROUGE-1", {"abc", "defgh"}, {{"abc", "defgh"}}), 1, 1, 1);
  ExpectPrf(ScoreOf(scorer, "ROUGE-L", {"abc", "defgh"}, {{"abc", "defgh"}}), 0.5, 0.5, 0.5);
}

TEST(Rouge, SeveralReferencesPoolTheirCounts) {
  RougeScorer scorer = MakeScorer(Plain());
  // Hits 1 of 4 and 2 of 2: R = 3/6 (the mean of per-reference recalls would be 0.625),
  // P = 3 / (2 references x 2 tokens).
  ExpectPrf(ScoreOf(scorer, "ROUGE-1", {"a b"}, {{"a c c c"}, {"a b"}}), 0.5, 0.75, 0.6);
}

TEST(Rouge, EmptySummariesScoreZero) {
  RougeScorer scorer = MakeScorer(Plain());
  for (const Prf& s : scorer.ScoreOne({}, {{"a b c"}})) ExpectPrf(s, 0, 0, 0);
  for (const Prf& s : scorer.ScoreOne({"", "!!"}, {{"a b c"}})) ExpectPrf(s, 0, 0, 0);
  for (const Prf& s : scorer.ScoreOne({"a b c"}, {{""}})) ExpectPrf(s, 0, 0, 0);
  for (const Prf& s : scorer.ScoreOne({"a b c"}, {})) ExpectPrf(s, 0, 0, 0);
}

TEST(Rouge, HigherOrderNgrams) {
  RougeOptions options = Plain();
  options.max_n = 4;
  RougeScorer scorer = MakeScorer(options);
  // 4-grams: a b c d, b c d e vs a b c d, b c d x: one hit of 2.
  ExpectPrf(ScoreOf(scorer, "ROUGE-4", {"a b c d e"}, {{"a b c d x"}}), 0.5, 0.5, 0.5);
  ExpectPrf(ScoreOf(scorer, "ROUGE-3", {"a b c d e"}, {{"a b c d x"}}), 0.66667, 0.66667, 0.66667);
  // Same tokens, different order: no 3-gram in common.
  ExpectPrf(ScoreOf(scorer, "ROUGE-3", {"a b c a"}, {{"b c b a"}}), 0, 0, 0);
}

TEST(Rouge, StopwordsAreRemovedAfterTheCutAndBeforeNgrams) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("rouge_stopwords_" + std::to_string(::getpid()));
  {
    std::ofstream out(path);
    out << "the\nOf\n\n";
  }
  RougeOptions options = Plain();
  options.stopwords_file = path.string();
  options.word_limit = 4;
  RougeScorer scorer = MakeScorer(options);
  // Stopwords count toward -l (4 words) but are not tokens.
  EXPECT_EQ(scorer.Tokens({"The cat of the hat sat"}), (std::vector<std::string>{"cat"}));
  // n-grams run across removed stopwords: "cat hat" is a bigram of "cat the hat".
  ExpectPrf(ScoreOf(scorer, "ROUGE-2", {"cat the hat"}, {{"cat hat"}}), 1, 1, 1);
  std::filesystem::remove(path);
  options.stopwords_file = path.string();
  Result<RougeScorer> missing = RougeScorer::Create(options);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(Rouge, StemmingUsesWordNetExceptionsThenPorter) {
  if (!HaveWordNet())
    GTEST_SKIP() << "WordNet exception lists missing: apt-get install wordnet-base";
  RougeOptions options = Plain();
  options.stem = true;
  RougeScorer scorer = MakeScorer(options);
  EXPECT_EQ(scorer.Tokens({"Went children better best known mice mouse agreement says ran men"}),
            (std::vector<std::string>{"go", "child", "well", "well", "know", "mouse", "mous",
                                      "agreem", "sai", "ran", "men"}));
}

TEST(Rouge, CreateExplainsAMissingWordNet) {
  RougeOptions options;
  options.wordnet_dir = "/nonexistent/wordnet";
  Result<RougeScorer> scorer = RougeScorer::Create(options);
  ASSERT_FALSE(scorer.ok());
  EXPECT_EQ(scorer.status().code(), StatusCode::kNotFound);
  EXPECT_NE(scorer.status().ToString().find("wordnet-base"), std::string::npos);
  options.stem = false;
  EXPECT_TRUE(RougeScorer::Create(options).ok());
}

TEST(Rouge, CreateRejectsBadOptions) {
  RougeOptions options = Plain();
  options.word_limit = 10;
  options.byte_limit = 10;
  EXPECT_FALSE(RougeScorer::Create(options).ok());
  options = Plain();
  options.alpha = 2;
  EXPECT_FALSE(RougeScorer::Create(options).ok());
  options = Plain();
  options.bootstrap_samples = 0;
  EXPECT_FALSE(RougeScorer::Create(options).ok());
  EXPECT_FALSE(ProtocolOptions("nist").ok());
}

TEST(Rouge, ProtocolsMatchTheirRougeFlags) {
  Result<RougeOptions> multinews = ProtocolOptions("multinews");
  ASSERT_TRUE(multinews.ok());
  EXPECT_EQ(RougeFlags(*multinews), "-c 95 -r 1000 -n 2 -2 4 -u -m -l 300 -f A -p 0.5 -t 0");
  Result<RougeOptions> duc = ProtocolOptions("duc2004");
  ASSERT_TRUE(duc.ok());
  EXPECT_EQ(RougeFlags(*duc), "-c 95 -r 1000 -n 4 -m -l 100 -x -f A -p 0.5 -t 0");
}

std::vector<RougeItem> SmallItems() {
  std::vector<RougeItem> items;
  const char* systems[] = {"a b c", "d e", "a a a", "b c d e", "", "e d c b a"};
  for (int i = 0; i < 6; ++i) {
    items.push_back({"id" + std::to_string(5 - i), {systems[i]}, {{"a b c d e"}}});
  }
  return items;
}

TEST(Rouge, ScoreIsTheSameWithAnyNumberOfThreads) {
  RougeOptions options = Plain();
  RougeScorer one = MakeScorer(options);
  options.jobs = 3;
  RougeScorer three = MakeScorer(options);
  Result<RougeReport> a = one.Score(SmallItems());
  Result<RougeReport> b = three.Score(SmallItems());
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->metrics.size(), b->metrics.size());
  for (size_t m = 0; m < a->metrics.size(); ++m) {
    EXPECT_EQ(a->metrics[m].average.f, b->metrics[m].average.f);
    EXPECT_EQ(a->metrics[m].ci_low.r, b->metrics[m].ci_low.r);
    EXPECT_EQ(a->metrics[m].ci_high.p, b->metrics[m].ci_high.p);
  }
  for (size_t i = 0; i < a->per_id.size(); ++i) {
    for (size_t m = 0; m < a->metrics.size(); ++m) {
      EXPECT_EQ(a->per_id[i][m].f, b->per_id[i][m].f);
    }
  }
}

TEST(Rouge, BootstrapAverageIsNearThePlainMeanAndInsideItsInterval) {
  RougeScorer scorer = MakeScorer(Plain());
  Result<RougeReport> report = scorer.Score(SmallItems());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->ids.front(), "id5");  // input order kept
  for (const MetricScore& m : report->metrics) {
    EXPECT_LE(m.ci_low.r, m.average.r);
    EXPECT_GE(m.ci_high.r, m.average.r);
    EXPECT_NEAR(m.average.f, m.plain_mean.f, 0.05) << m.name;
  }
  // ROUGE-1 of the identical-bag system "e d c b a" is 1; of "" is 0.
  EXPECT_DOUBLE_EQ(report->per_id[5][0].r, 1.0);
  EXPECT_DOUBLE_EQ(report->per_id[4][0].r, 0.0);
}

TEST(Rouge, ScoreRejectsDuplicateIds) {
  RougeScorer scorer = MakeScorer(Plain());
  std::vector<RougeItem> items = SmallItems();
  items[1].id = items[0].id;
  EXPECT_FALSE(scorer.Score(items).ok());
}

TEST(Rouge, SplitUnitsDropsEmptyLines) {
  EXPECT_EQ(SplitUnits("a b\n\nc\n"), (std::vector<std::string>{"a b", "c"}));
  EXPECT_TRUE(SplitUnits("").empty());
}

// ---- --tokenize unicode (an extension; the tests above are ROUGE-1.5.5's tokenizer) -----

RougeOptions Unicode() {
  RougeOptions o = Plain();
  o.tokenizer = RougeTokenizer::kUnicode;
  return o;
}

TEST(RougeUnicode, AccentedAndCyrillicWordsStayWhole) {
  RougeScorer unicode = MakeScorer(Unicode());
  RougeScorer ascii = MakeScorer(Plain());
  const std::vector<std::string> text = {"Der PRÄSIDENT besuchte Österreich"};
  EXPECT_EQ(unicode.Tokens(text),
            (std::vector<std::string>{"der", "präsident", "besuchte", "österreich"}));
  // ROUGE-1.5.5's tokenizer splits at every non-ASCII byte.
  EXPECT_EQ(ascii.Tokens(text),
            (std::vector<std::string>{"der", "pr", "sident", "besuchte", "sterreich"}));
  // "Präsident" matches "präsident" as one word; the pieces of "Pr sident" do not.
  ExpectPrf(ScoreOf(unicode, "ROUGE-1", {"Präsident"}, {{"präsident"}}), 1, 1, 1);
  ExpectPrf(ScoreOf(unicode, "ROUGE-1", {"Präsident"}, {{"Pr sident"}}), 0, 0, 0);
  ExpectPrf(ScoreOf(ascii, "ROUGE-1", {"Präsident"}, {{"Pr sident"}}), 1, 1, 1);
  // French accents: the folded words match, the unaccented spelling does not.
  ExpectPrf(ScoreOf(unicode, "ROUGE-1", {"L'ÉLYSÉE"}, {{"l'Élysée"}}), 1, 1, 1);
  ExpectPrf(ScoreOf(unicode, "ROUGE-1", {"élysée"}, {{"elysee"}}), 0, 0, 0);
  // Russian: whole words in any case; ROUGE-1.5.5's tokenizer sees no token at all.
  const std::vector<std::string> russian = {"Президент России прибыл"};
  const std::vector<std::vector<std::string>> reference = {{"президент россии"}};
  EXPECT_EQ(unicode.Tokens(russian), (std::vector<std::string>{"президент", "россии", "прибыл"}));
  EXPECT_TRUE(ascii.Tokens(russian).empty());
  ExpectPrf(ScoreOf(unicode, "ROUGE-2", russian, reference), 1, 0.5, 0.66667);
  ExpectPrf(ScoreOf(ascii, "ROUGE-1", russian, reference), 0, 0, 0);
}

TEST(RougeUnicode, FullCaseFolding) {
  RougeScorer scorer = MakeScorer(Unicode());
  ExpectPrf(ScoreOf(scorer, "ROUGE-1", {"STRASSE"}, {{"Straße"}}), 1, 1, 1);
  ExpectPrf(ScoreOf(scorer, "ROUGE-1", {"ΣΟΦΊΑ"}, {{"σοφία"}}), 1, 1, 1);
}

TEST(RougeUnicode, RussianStemmingWithLanguageRu) {
  RougeOptions options = Unicode();
  options.stem = true;
  options.language = "ru";
  RougeScorer stemmed = MakeScorer(options);
  RougeScorer plain = MakeScorer(Unicode());
  // Snowball's Russian stems: президента, президент -> президент; россии, россию -> росс.
  const std::vector<std::string> system = {"Президента России"};
  const std::vector<std::vector<std::string>> reference = {{"президент россию"}};
  ExpectPrf(ScoreOf(stemmed, "ROUGE-1", system, reference), 1, 1, 1);
  ExpectPrf(ScoreOf(stemmed, "ROUGE-2", system, reference), 1, 1, 1);
  ExpectPrf(ScoreOf(plain, "ROUGE-1", system, reference), 0, 0, 0);
  // Stemming does not need WordNet with the Unicode tokenizer.
  options.wordnet_dir = "/nonexistent/wordnet";
  EXPECT_TRUE(RougeScorer::Create(options).ok());
}

TEST(RougeUnicode, GermanStemmingAndPorter) {
  RougeOptions options = Unicode();
  options.stem = true;
  options.language = "de";
  RougeScorer german = MakeScorer(options);
  EXPECT_EQ(german.Tokens({"Häuser"}), german.Tokens({"haus"}));
  ExpectPrf(ScoreOf(german, "ROUGE-1", {"die Häuser Österreichs"}, {{"das Haus in Österreich"}}),
            0.5, 0.66667, 0.57143);
  options.language = "porter";
  RougeScorer porter = MakeScorer(options);
  EXPECT_EQ(porter.Tokens({"Connections running"}), (std::vector<std::string>{"connect", "run"}));
}

TEST(RougeUnicode, ChineseAndJapaneseScoreCharacters) {
  RougeScorer scorer = MakeScorer(Unicode());
  EXPECT_EQ(scorer.Tokens({"我爱北京天安门"}),
            (std::vector<std::string>{"我", "爱", "北", "京", "天", "安", "门"}));
  // 4 characters against 2: every reference character is found.
  ExpectPrf(ScoreOf(scorer, "ROUGE-1", {"北京大学"}, {{"北京"}}), 1, 0.5, 0.66667);
  ExpectPrf(ScoreOf(scorer, "ROUGE-2", {"北京大学"}, {{"北京"}}), 1, 0.33333, 0.5);
  EXPECT_EQ(scorer.Tokens({"東京に住む"}),
            (std::vector<std::string>{"東", "京", "に", "住", "む"}));
  // LCS 東京に住: R = 4/9, P = 4/5, F from the rounded R and P.
  ExpectPrf(ScoreOf(scorer, "ROUGE-L", {"東京に住む"}, {{"東京都に住んでいる"}}), 0.44444, 0.8,
            0.57142);
  // ROUGE-1.5.5's tokenizer finds nothing in either.
  EXPECT_TRUE(MakeScorer(Plain()).Tokens({"我爱北京 東京に住む"}).empty());
}

TEST(RougeUnicode, MixedScripts) {
  RougeScorer scorer = MakeScorer(Unicode());
  EXPECT_EQ(
      scorer.Tokens({"Tokyo東京2024年 Москва, Ελλάδα & 서울"}),
      (std::vector<std::string>{"tokyo", "東", "京", "2024", "年", "москва", "ελλάδα", "서울"}));
}

TEST(RougeUnicode, NfcAndNfdInputsScoreTheSame) {
  RougeScorer scorer = MakeScorer(Unicode());
  const std::string nfc = "Österreichs Präsident in Genève";
  const std::string nfd = "O\xcc\x88sterreichs Pra\xcc\x88sident in Gene\xcc\x80ve";
  ASSERT_NE(nfc, nfd);
  EXPECT_EQ(scorer.Tokens({nfc}), scorer.Tokens({nfd}));
  const std::vector<std::vector<std::string>> reference = {{"der Präsident Österreichs"}};
  const std::vector<Prf> a = scorer.ScoreOne({nfc}, reference);
  const std::vector<Prf> b =
      scorer.ScoreOne({nfd}, {{"der Pra\xcc\x88sident O\xcc\x88sterreichs"}});
  ASSERT_EQ(a.size(), b.size());
  for (size_t m = 0; m < a.size(); ++m) ExpectPrf(b[m], a[m].r, a[m].p, a[m].f);
  ExpectPrf(ScoreOf(scorer, "ROUGE-1", {nfd}, reference), 0.66667, 0.5, 0.57143);
}

TEST(RougeUnicode, WordLimitCountsUnicodeTokens) {
  RougeOptions options = Unicode();
  options.word_limit = 3;
  RougeScorer scorer = MakeScorer(options);
  // One whitespace field, six tokens: three kept.
  EXPECT_EQ(scorer.Tokens({"東京に住む人"}), (std::vector<std::string>{"東", "京", "に"}));
  // Punctuation is no token and does not count; the limit runs across units.
  EXPECT_EQ(scorer.Tokens({"Präsident -- Putin", "sagte heute", "nichts"}),
            (std::vector<std::string>{"präsident", "putin", "sagte"}));
  // The reference is cut too.
  ExpectPrf(ScoreOf(scorer, "ROUGE-1", {"a b c d"}, {{"d a b c"}}), 0.66667, 0.66667, 0.66667);
  // ROUGE-1.5.5's -l counts whitespace fields: the CJK line is one word.
  RougeOptions ascii = Plain();
  ascii.word_limit = 1;
  EXPECT_EQ(MakeScorer(ascii).Tokens({"abc東京def ghi"}), (std::vector<std::string>{"abc", "def"}));
}

TEST(RougeUnicode, ByteLimitCountsFoldedBytes) {
  RougeOptions options = Unicode();
  options.byte_limit = 5;
  RougeScorer scorer = MakeScorer(options);
  // "Straße" folds to "strasse" (7 bytes; "straße" is 7 too, "STRASSE" 7): 5 are kept.
  EXPECT_EQ(scorer.Tokens({"Straße"}), (std::vector<std::string>{"stras"}));
  // "öl öl" is 7 bytes; the 5th is the first of the second ö, which is dropped.
  EXPECT_EQ(scorer.Tokens({"ÖL ÖL"}), (std::vector<std::string>{"öl"}));
  // Summed over units: "ab" (2) + "cd" (2) + "efgh" cut to 1 byte.
  EXPECT_EQ(scorer.Tokens({"ab", "cd", "efgh"}), (std::vector<std::string>{"ab", "cd", "e"}));
  // ROUGE-L's units are each cut on its own, as ROUGE-1.5.5's readText_LCS does: "efgh"
  // stays whole there, but only the cut text's tokens (ab, cd, e) give budget.
  ExpectPrf(ScoreOf(scorer, "ROUGE-L", {"ab", "cd", "efgh"}, {{"ab", "cd", "efgh"}}), 0.66667,
            0.66667, 0.66667);
}

TEST(RougeUnicode, StopwordsAreFoldedLikeTheText) {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("rouge_unicode_stopwords_" + std::to_string(::getpid()));
  {
    std::ofstream out(path);
    out << "DER\nÜber\nи\n";
  }
  RougeOptions options = Unicode();
  options.stopwords_file = path.string();
  options.word_limit = 4;
  RougeScorer scorer = MakeScorer(options);
  std::filesystem::remove(path);
  // Stopwords count toward -l, as in ROUGE-1.5.5.
  EXPECT_EQ(scorer.Tokens({"Der Präsident ÜBER über Russland"}),
            (std::vector<std::string>{"präsident"}));
  EXPECT_EQ(scorer.Tokens({"Мир И война"}), (std::vector<std::string>{"мир", "война"}));
}

TEST(RougeUnicode, IllFormedUtf8IsReplacedNotFatal) {
  RougeScorer scorer = MakeScorer(Unicode());
  EXPECT_EQ(scorer.Tokens({"caf\xc3 ol\xff\xfe"
                           "e \xe6\x9d"}),
            (std::vector<std::string>{"caf", "ol", "e"}));
  const std::string junk = "\xc0\xaf\xed\xa0\x80\x80\xbf\xf8\x88\x80\x80\x80";
  EXPECT_TRUE(scorer.Tokens({junk}).empty());
  for (const Prf& s : scorer.ScoreOne({junk}, {{"a b"}})) ExpectPrf(s, 0, 0, 0);
  ExpectPrf(ScoreOf(scorer, "ROUGE-1",
                    {"a\xff"
                     "b"},
                    {{"a b"}}),
            1, 1, 1);
}

TEST(RougeUnicode, SameScoresWithAnyNumberOfThreads) {
  RougeOptions options = Unicode();
  options.stem = true;
  options.language = "ru";
  std::vector<RougeItem> items;
  const char* systems[] = {"президента России", "Визит", "", "президент визиты России", "мир"};
  for (int i = 0; i < 5; ++i) {
    items.push_back({"id" + std::to_string(i), {systems[i]}, {{"визит президента в Россию"}}});
  }
  RougeScorer one = MakeScorer(options);
  options.jobs = 3;
  RougeScorer three = MakeScorer(options);
  Result<RougeReport> a = one.Score(items);
  Result<RougeReport> b = three.Score(items);
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t i = 0; i < items.size(); ++i) {
    for (size_t m = 0; m < a->metrics.size(); ++m) {
      EXPECT_EQ(a->per_id[i][m].f, b->per_id[i][m].f);
    }
  }
  EXPECT_GT(a->per_id[0][0].r, 0.0);
}

TEST(RougeUnicode, CreateExplainsLanguageErrors) {
  RougeOptions options = Unicode();
  options.stem = true;
  Result<RougeScorer> no_language = RougeScorer::Create(options);
  ASSERT_FALSE(no_language.ok());
  EXPECT_EQ(no_language.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(no_language.status().message().find("--tokenize unicode with -m needs --language"),
            std::string::npos);
  options.language = "xx";
  Result<RougeScorer> unknown = RougeScorer::Create(options);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("unknown --language 'xx'"), std::string::npos);
  EXPECT_NE(unknown.status().message().find("fr (french)"), std::string::npos);
  options.language = "FR";  // codes in any case
  EXPECT_TRUE(RougeScorer::Create(options).ok());
  RougeOptions ascii = Plain();
  ascii.language = "de";
  Result<RougeScorer> refused = RougeScorer::Create(ascii);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("--language applies to --tokenize unicode"),
            std::string::npos);
}

TEST(RougeUnicode, TokenizerNamesAndFlags) {
  EXPECT_EQ(*ParseRougeTokenizer("rouge155"), RougeTokenizer::kRouge155);
  EXPECT_EQ(*ParseRougeTokenizer("unicode"), RougeTokenizer::kUnicode);
  Result<RougeTokenizer> bad = ParseRougeTokenizer("icu");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("unknown --tokenize 'icu'"), std::string::npos);
  EXPECT_NE(bad.status().message().find("rouge155"), std::string::npos);
  EXPECT_NE(bad.status().message().find("unicode"), std::string::npos);
  EXPECT_EQ(RougeTokenizerName(RougeTokenizer::kUnicode), "unicode");
  RougeOptions options = *ProtocolOptions("multinews");
  options.tokenizer = RougeTokenizer::kUnicode;
  options.language = "de";
  EXPECT_EQ(RougeFlags(options),
            "-c 95 -r 1000 -n 2 -2 4 -u -m -l 300 -f A -p 0.5 -t 0 --tokenize unicode "
            "--language de");
}

// ---- Conformance with ROUGE-1.5.5 ------------------------------------------

std::string Fmt(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.5f", v);
  return buffer;
}

// id -> references (each a list of units) from references.jsonl or references-multi.jsonl.
std::map<std::string, std::vector<std::vector<std::string>>> ReadReferences(
    const std::string& path) {
  std::map<std::string, std::vector<std::vector<std::string>>> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    auto& refs = out[j.at("id").get<std::string>()];
    if (j.contains("references")) {
      for (const auto& r : j.at("references")) refs.push_back(SplitUnits(r.get<std::string>()));
    } else {
      refs.push_back(SplitUnits(j.at("summary").get<std::string>()));
    }
  }
  return out;
}

TEST(RougeConformance, ReproducesEveryExpectedValue) {
  const std::string root = std::string(DOSSIER_SHARED_DATA) + "/rouge-conformance";
  if (!std::filesystem::exists(root + "/README.md")) {
    GTEST_SKIP() << "no ROUGE conformance data at " << root;
  }
  if (!HaveWordNet()) {
    GTEST_SKIP() << "WordNet exception lists missing: apt-get install wordnet-base";
  }
  const auto single = ReadReferences(root + "/references.jsonl");
  const auto multi = ReadReferences(root + "/references-multi.jsonl");
  size_t comparisons = 0;
  size_t files = 0;
  for (const char* system : {"lead", "roundrobin", "tail", "edgecases"}) {
    for (const char* variant : {"", ".duc-flags", ".multiref"}) {
      const std::string name = std::string(system) + variant;
      SCOPED_TRACE(name);
      std::ifstream expected_in(root + "/expected/" + name + ".json");
      ASSERT_TRUE(expected_in) << name;
      nlohmann::json expected = nlohmann::json::parse(expected_in);
      const bool duc = std::string(variant) == ".duc-flags";
      const auto& references = std::string(variant) == ".multiref" ? multi : single;
      Result<RougeOptions> options = ProtocolOptions(duc ? "duc2004" : "multinews");
      ASSERT_TRUE(options.ok());
      const std::string command = expected.at("command").get<std::string>();
      ASSERT_NE(command.find(duc ? "-l 100" : "-l 300"), std::string::npos) << command;
      RougeScorer scorer = MakeScorer(*options);

      std::vector<RougeItem> items;
      std::ifstream in(root + "/systems/" + system + ".jsonl");
      std::string line;
      while (std::getline(in, line)) {
        if (line.empty()) continue;
        nlohmann::json j = nlohmann::json::parse(line);
        RougeItem item;
        item.id = j.at("id").get<std::string>();
        item.system_units = SplitUnits(j.at("summary").get<std::string>());
        item.references = references.at(item.id);
        items.push_back(std::move(item));
      }
      ASSERT_EQ(items.size(), expected.at("n").get<size_t>());
      Result<RougeReport> report = scorer.Score(items);
      ASSERT_TRUE(report.ok()) << report.status().ToString();
      const std::vector<std::string>& names = scorer.metric_names();
      ASSERT_EQ(names.size(), expected.at("average").size());

      for (size_t i = 0; i < items.size(); ++i) {
        const nlohmann::json& want = expected.at("per_id").at(items[i].id);
        for (size_t m = 0; m < names.size(); ++m) {
          const nlohmann::json& w = want.at(names[m]);
          const Prf& got = report->per_id[i][m];
          EXPECT_EQ(Fmt(got.r), Fmt(w.at("R").get<double>())) << items[i].id << " " << names[m];
          EXPECT_EQ(Fmt(got.p), Fmt(w.at("P").get<double>())) << items[i].id << " " << names[m];
          EXPECT_EQ(Fmt(got.f), Fmt(w.at("F").get<double>())) << items[i].id << " " << names[m];
          comparisons += 3;
        }
      }
      for (size_t m = 0; m < names.size(); ++m) {
        const MetricScore& got = report->metrics[m];
        ASSERT_EQ(got.name, names[m]);
        const nlohmann::json& w = expected.at("average").at(names[m]);
        const nlohmann::json& mean = expected.at("mean_of_per_id").at(names[m]);
        const std::pair<const char*, const double Prf::*> fields[] = {
            {"R", &Prf::r}, {"P", &Prf::p}, {"F", &Prf::f}};
        for (const auto& [key, field] : fields) {
          const std::string ci = std::string(key) + "_ci95";
          EXPECT_EQ(Fmt(got.average.*field), Fmt(w.at(key).get<double>())) << names[m] << key;
          EXPECT_EQ(Fmt(got.ci_low.*field), Fmt(w.at(ci).at(0).get<double>())) << names[m] << ci;
          EXPECT_EQ(Fmt(got.ci_high.*field), Fmt(w.at(ci).at(1).get<double>())) << names[m] << ci;
          EXPECT_NEAR(got.plain_mean.*field, mean.at(key).get<double>(), 1e-6) << names[m] << key;
          comparisons += 4;
        }
      }
      ++files;
    }
  }
  EXPECT_EQ(files, 12u);
  std::printf("[ conformance ] %zu files, %zu comparisons with ROUGE-1.5.5's output\n", files,
              comparisons);
  RecordProperty("comparisons", static_cast<int>(comparisons));
}

}  // namespace
}  // namespace dossier::eval
