#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "dossier/summary.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class SummarizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok());
    pipeline_ = new Pipeline(std::move(*p));
  }
  static void TearDownTestSuite() { delete pipeline_; }

  static std::vector<Cluster> Read(const std::string& path) {
    std::vector<Cluster> clusters;
    Pipeline::Scratch scratch = pipeline_->NewScratch();
    std::vector<Diagnostic> diags;
    ReadInputs(
        {path}, {},
        [&](Cluster&& c) {
          pipeline_->Analyze(&c, &scratch);
          clusters.push_back(std::move(c));
        },
        &diags);
    return clusters;
  }

  static Summary Summarize(const Cluster& c, SummaryMethod method, int words) {
    SummaryOptions o;
    o.method = method;
    o.max_words = words;
    Result<Summarizer> s = Summarizer::Create(o);
    EXPECT_TRUE(s.ok());
    return s->Summarize(c);
  }

  // Every cited span, sliced from the original input, is the sentence shown
  // (where normalization left the bytes unchanged), and support comes from
  // other documents, one sentence each.
  static void ExpectCitationsExact(const Cluster& c, const Summary& s) {
    for (const SummarySentence& line : s.sentences) {
      const Document& doc = c.documents[line.document];
      std::string_view cited = line.source_span.Slice(doc.raw);
      ASSERT_FALSE(cited.empty());
      if (line.parts.empty()) {
        if (doc.raw.find(line.text) != std::string::npos) {
          EXPECT_EQ(cited, line.text) << c.id;
        }
        EXPECT_EQ(line.text, line.span.Slice(doc.text));
      } else {
        // A trimmed sentence: its text is the kept pieces, each cited exactly.
        ASSERT_EQ(line.parts.size(), line.source_parts.size());
        std::string joined;
        for (size_t k = 0; k < line.parts.size(); ++k) {
          const std::string_view piece = line.parts[k].Slice(doc.text);
          EXPECT_GE(line.parts[k].begin, line.span.begin);
          EXPECT_LE(line.parts[k].end, line.span.end);
          if (k > 0) {
            EXPECT_GT(line.parts[k].begin, line.parts[k - 1].end);
          }
          if (doc.raw.find(piece) != std::string::npos) {
            EXPECT_EQ(line.source_parts[k].Slice(doc.raw), piece);
          }
          joined += piece;
        }
        EXPECT_EQ(line.text, joined);
        EXPECT_LT(line.text.size(), line.span.size());
      }
      std::set<uint32_t> docs;
      for (const Support& sup : line.support) {
        EXPECT_NE(sup.document, line.document);
        EXPECT_TRUE(docs.insert(sup.document).second);
        const Document& other = c.documents[sup.document];
        EXPECT_FALSE(sup.source_span.Slice(other.raw).empty());
        // Similar as a whole, or holding one fact of the summary sentence.
        EXPECT_TRUE(sup.similarity >= 0.5 || sup.contained >= 0.5)
            << sup.similarity << " " << sup.contained;
      }
    }
  }

  static Pipeline* pipeline_;
};

Pipeline* SummarizerTest::pipeline_ = nullptr;

TEST_F(SummarizerTest, EveryMethodStaysWithinTheBudgetWithCitedSentences) {
  auto clusters = Read(DOSSIER_SOURCE_DIR "/examples/harbor-bridge");
  ASSERT_EQ(clusters.size(), 1u);
  for (SummaryMethod m : AllSummaryMethods()) {
    for (int budget : {40, 120, 250}) {
      Summary s = Summarize(clusters[0], m, budget);
      EXPECT_LE(s.words, budget) << SummaryMethodName(m);
      EXPECT_FALSE(s.sentences.empty()) << SummaryMethodName(m);
      int words = 0;
      for (const SummarySentence& line : s.sentences) words += CountSummaryWords(line.text);
      EXPECT_EQ(words, s.words);
      ExpectCitationsExact(clusters[0], s);
    }
  }
}

TEST_F(SummarizerTest, NoClutterHeadingsStageDirectionsOrQuestions) {
  auto clusters = Read(DOSSIER_SOURCE_DIR "/examples/harbor-bridge");
  const Cluster& c = clusters[0];
  for (SummaryMethod m : AllSummaryMethods()) {
    Summary s = Summarize(c, m, 600);
    for (const SummarySentence& line : s.sentences) {
      const Document& doc = c.documents[line.document];
      const Sentence& sentence = doc.sentences[line.sentence];
      EXPECT_FALSE(sentence.stage_direction);
      EXPECT_FALSE(sentence.fragment) << line.text;
      if (sentence.turn >= 0) {
        EXPECT_FALSE(doc.turns[static_cast<size_t>(sentence.turn)].is_question) << line.text;
      }
      for (const ClutterLine& cl : doc.clutter) {
        EXPECT_FALSE(cl.span.begin < line.span.end && line.span.begin < cl.span.end);
      }
    }
  }
}

TEST_F(SummarizerTest, OursRepeatsNothingAndKeepsArticleOrder) {
  auto clusters = Read(DOSSIER_SOURCE_DIR "/examples/harbor-bridge");
  Summary s = Summarize(clusters[0], SummaryMethod::kDossier, 250);
  std::set<std::string> texts;
  for (size_t i = 0; i < s.sentences.size(); ++i) {
    EXPECT_TRUE(texts.insert(s.sentences[i].text).second);
    for (size_t j = i + 1; j < s.sentences.size(); ++j) {
      if (s.sentences[i].document == s.sentences[j].document) {
        EXPECT_LT(s.sentences[i].sentence, s.sentences[j].sentence);
      }
    }
  }
  // Deterministic.
  EXPECT_EQ(Summarize(clusters[0], SummaryMethod::kDossier, 250).Text(), s.Text());
}

TEST_F(SummarizerTest, CrossSourceSupportIsFound) {
  auto clusters = Read(DOSSIER_SOURCE_DIR "/examples/harbor-bridge");
  Summary s = Summarize(clusters[0], SummaryMethod::kDossier, 250);
  size_t supported = 0;
  for (const SummarySentence& line : s.sentences) supported += !line.support.empty();
  EXPECT_GE(supported, 3u);
}

TEST_F(SummarizerTest, EmptyAndTinyClustersGiveEmptyOrShortSummaries) {
  Cluster empty;
  Summary s = Summarize(empty, SummaryMethod::kDossier, 100);
  EXPECT_TRUE(s.sentences.empty());
  Cluster one;
  Document d;
  d.raw = d.text = "Too short.";
  d.map = OffsetMap::Identity(static_cast<uint32_t>(d.text.size()));
  one.documents.push_back(d);
  Pipeline::Scratch scratch = pipeline_->NewScratch();
  pipeline_->Analyze(&one, &scratch);
  for (SummaryMethod m : AllSummaryMethods()) {
    EXPECT_TRUE(Summarize(one, m, 100).sentences.empty()) << SummaryMethodName(m);
  }
}

TEST_F(SummarizerTest, CitationsAreExactOverEveryDevCluster) {
  const std::string dev = DOSSIER_SHARED_DATA "/multinews/dev.jsonl";
  if (!fs::exists(dev)) GTEST_SKIP() << "shared data not found at " << dev;
  auto clusters = Read(dev);
  ASSERT_EQ(clusters.size(), 105u);
  size_t sentences = 0;
  for (const Cluster& c : clusters) {
    Summary s = Summarize(c, SummaryMethod::kDossier, 300);
    EXPECT_LE(s.words, 300);
    ExpectCitationsExact(c, s);
    sentences += s.sentences.size();
  }
  EXPECT_GT(sentences, 105u * 5);
}

TEST(SummaryMethodTest, NamesRoundTrip) {
  for (SummaryMethod m : AllSummaryMethods()) {
    Result<SummaryMethod> parsed = ParseSummaryMethod(SummaryMethodName(m));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, m);
  }
  EXPECT_FALSE(ParseSummaryMethod("oracle").ok());
  SummaryOptions zero;
  zero.max_words = 0;
  EXPECT_FALSE(Summarizer::Create(zero).ok());
  SummaryOptions bad;
  bad.weights.document_centrality = 2;
  EXPECT_FALSE(Summarizer::Create(bad).ok());
  DossierWeights w;
  EXPECT_TRUE(SetDossierWeight(&w, "lead_prior", 3).ok());
  EXPECT_EQ(w.lead_prior, 3);
  EXPECT_FALSE(SetDossierWeight(&w, "no_such_weight", 1).ok());
  EXPECT_TRUE(SetDossierWeight(&w, "short_agreement_exponent", 2).ok());
  EXPECT_EQ(w.short_agreement_exponent, 2);
  SummaryOptions flat;
  flat.weights.short_agreement_exponent = 0;
  EXPECT_FALSE(Summarizer::Create(flat).ok());
}

// The agreement exponent is a short-budget weight: longer summaries ignore it.
TEST_F(SummarizerTest, AgreementExponentLeavesLongBudgetsAlone) {
  auto clusters = Read(DOSSIER_SOURCE_DIR "/examples/harbor-bridge");
  auto text = [&](int words, double exponent) {
    SummaryOptions o;
    o.max_words = words;
    o.weights.short_agreement_exponent = exponent;
    Result<Summarizer> s = Summarizer::Create(o);
    EXPECT_TRUE(s.ok());
    return s->Summarize(clusters[0]).Text();
  };
  EXPECT_EQ(text(250, 1), text(250, 3));
  EXPECT_FALSE(text(250, 1).empty());
  EXPECT_LE(CountSummaryWords(text(100, 3)), 100);
}

TEST_F(SummarizerTest, ShortBudgetsSearchAndSayHowTheSearchEnded) {
  auto clusters = Read(DOSSIER_SOURCE_DIR "/examples/harbor-bridge");
  Summary greedy = Summarize(clusters[0], SummaryMethod::kDossier, 250);
  EXPECT_EQ(greedy.search, SummarySearch::kGreedy);
  Summary exact = Summarize(clusters[0], SummaryMethod::kDossier, 100);
  EXPECT_EQ(exact.search, SummarySearch::kExact);
  EXPECT_GT(exact.search_nodes, 0u);
  EXPECT_LE(exact.words, 100);
  // A cap of one node stops the search at once: the greedy choice stands.
  SummaryOptions o;
  o.max_words = 100;
  o.weights.exact_node_limit = 1;
  o.weights.trim = 0;
  Result<Summarizer> s = Summarizer::Create(o);
  ASSERT_TRUE(s.ok());
  Summary capped = s->Summarize(clusters[0]);
  EXPECT_EQ(capped.search, SummarySearch::kCapped);
  EXPECT_LE(capped.words, 100);
  for (const SummarySentence& line : capped.sentences) EXPECT_TRUE(line.parts.empty());
}

TEST_F(SummarizerTest, AByteBudgetCountsBytesAndSeparators) {
  auto clusters = Read(DOSSIER_SOURCE_DIR "/examples/harbor-bridge");
  for (SummaryMethod m : AllSummaryMethods()) {
    SummaryOptions o;
    o.method = m;
    o.max_bytes = 665;
    Result<Summarizer> s = Summarizer::Create(o);
    ASSERT_TRUE(s.ok());
    Summary summary = s->Summarize(clusters[0]);
    EXPECT_FALSE(summary.sentences.empty());
    EXPECT_LE(summary.Text().size(), 665u) << SummaryMethodName(m);
    ExpectCitationsExact(clusters[0], summary);
  }
}

}  // namespace
}  // namespace dossier
