#include "cluster/background_idf.h"

#include <gtest/gtest.h>

#include "../analyze/analyzed_text.h"
#include "../temp_dir.h"
#include "segment/tokenizer.h"

namespace dossier {
namespace {

class BackgroundIdfTest : public TempDirTest {};

TEST_F(BackgroundIdfTest, CommonWordsWeighLessThanRareOnes) {
  Result<BackgroundIdf> idf = BackgroundIdf::Create("");
  ASSERT_TRUE(idf.ok()) << idf.status().ToString();
  EXPECT_LT(idf->Idf(StemHash("said")), idf->Idf(StemHash("ferri")));
  // A stem the table does not list counts as rare.
  EXPECT_GT(idf->Idf(StemHash("zzyzxq")), idf->Idf(StemHash("said")));
}

TEST_F(BackgroundIdfTest, VectorsAreUnitLengthAndNamesWeighMore) {
  Result<BackgroundIdf> idf = BackgroundIdf::Create("");
  Result<Pipeline> pipeline = Pipeline::Create({});
  ASSERT_TRUE(idf.ok() && pipeline.ok());
  const Document doc =
      AnalyzedDocument(*pipeline, "The ferry left Ostvik on time. Ferry crews in Ostvik waited.\n");
  const TermVector plain = idf->DocumentVector(doc);
  const TermVector named = idf->DocumentVector(doc, 3.0);
  EXPECT_NEAR(Cosine(plain, plain), 1.0, 1e-6);
  EXPECT_NEAR(Cosine(named, named), 1.0, 1e-6);
  auto weight = [](const TermVector& v, uint64_t h) {
    for (const auto& [k, w] : v) {
      if (k == h) return static_cast<double>(w);
    }
    return 0.0;
  };
  const uint64_t ostvik = StemHash("ostvik");
  EXPECT_GT(weight(named, ostvik), weight(plain, ostvik));
}

TEST_F(BackgroundIdfTest, BadTableIsAnError) {
  Write("en/term_df.txt", "documents\t100\nferri\tmany\n");
  EXPECT_FALSE(BackgroundIdf::Create(dir_.string()).ok());
  Write("en/term_df.txt", "ferri\t3\n");  // no documents line
  EXPECT_FALSE(BackgroundIdf::Create(dir_.string()).ok());
}

}  // namespace
}  // namespace dossier
