#include "analyze/entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analyzed_text.h"
#include "dossier/ingest.h"
#include "dossier/pipeline.h"

namespace dossier {
namespace {

class EntitiesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = new Pipeline(std::move(*p));
    Result<EntityExtractor> e = EntityExtractor::Create("");
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    entities_ = new EntityExtractor(std::move(*e));
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    delete entities_;
  }

  static Cluster MakeCluster(const std::vector<std::string>& texts) {
    return AnalyzedCluster(*pipeline_, texts);
  }

  static const Entity* Find(const std::vector<Entity>& entities, const std::string& name) {
    for (const Entity& e : entities) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }

  static bool HasAlias(const Entity& e, const std::string& alias) {
    return std::find(e.aliases.begin(), e.aliases.end(), alias) != e.aliases.end();
  }

  static std::string Names(const std::vector<Entity>& entities) {
    std::string s;
    for (const Entity& e : entities) {
      s += e.name + " [" + e.type + "] {";
      for (const std::string& a : e.aliases) s += a + ";";
      s += "} ";
    }
    return s;
  }

  static Pipeline* pipeline_;
  static EntityExtractor* entities_;
};

Pipeline* EntitiesTest::pipeline_ = nullptr;
EntityExtractor* EntitiesTest::entities_ = nullptr;

TEST_F(EntitiesTest, IslamicStateFormsMergeViaAliasFile) {
  Cluster c = MakeCluster(
      {"Fighters of the Islamic State attacked the town. Officials blamed ISIS for the raid.\n",
       "The group, known in Arabic as Daesh, lost ground. Analysts said ISIL was weakened, and IS "
       "may regroup.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* is = Find(e, "Islamic State");
  ASSERT_NE(is, nullptr) << Names(e);
  EXPECT_EQ(is->type, "group");
  EXPECT_EQ(is->mentions.size(), 5u) << Names(e);
  EXPECT_EQ(is->mentions_per_document, (std::vector<uint32_t>{2, 3}));
  for (const char* a : {"ISIS", "Daesh", "ISIL", "IS"}) EXPECT_TRUE(HasAlias(*is, a)) << a;
  EXPECT_EQ(Find(e, "ISIS"), nullptr);
  EXPECT_EQ(Find(e, "Daesh"), nullptr);
}

TEST_F(EntitiesTest, ParenthesizedAcronymLearnedFromText) {
  Cluster c = MakeCluster(
      {"The Northern Harbor Authority (NHA) closed the port on Monday. NHA said the closure "
       "would last a week.\n",
       "A spokesman for the NHA declined to comment.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* nha = Find(e, "Northern Harbor Authority");
  ASSERT_NE(nha, nullptr) << Names(e);
  EXPECT_EQ(nha->aliases, (std::vector<std::string>{"NHA"}));
  EXPECT_EQ(nha->type, "organization");
  EXPECT_EQ(nha->mentions_per_document, (std::vector<uint32_t>{3, 1}));
  EXPECT_EQ(Find(e, "NHA"), nullptr);
  EXPECT_EQ(Find(e, "Monday"), nullptr);
  EXPECT_EQ(Find(e, "The"), nullptr);
  EXPECT_EQ(Find(e, "A"), nullptr);
}

TEST_F(EntitiesTest, PersonFullNameTitleAndSurnameMerge) {
  Cluster c = MakeCluster(
      {"President Vladimir Putin met envoys on Tuesday. Mr Putin said the talks went well.\n",
       "But Putin's critics were unconvinced. Putin left early.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  ASSERT_FALSE(e.empty());
  const Entity& putin = e[0];
  EXPECT_EQ(putin.name, "Vladimir Putin") << Names(e);
  EXPECT_EQ(putin.type, "person");
  EXPECT_TRUE(HasAlias(putin, "Putin"));
  EXPECT_TRUE(HasAlias(putin, "Mr Putin"));
  EXPECT_EQ(putin.mentions.size(), 4u);
  EXPECT_EQ(putin.mentions_per_document, (std::vector<uint32_t>{2, 2}));
  // The possessive is not part of the mention.
  EXPECT_EQ(putin.mentions[2].span.Slice(c.documents[1].text), "Putin");
  // Titles, weekdays and sentence-initial function words are no entities.
  EXPECT_EQ(Find(e, "President"), nullptr);
  EXPECT_EQ(Find(e, "Tuesday"), nullptr);
  EXPECT_EQ(Find(e, "But"), nullptr);
  EXPECT_EQ(e.size(), 1u) << Names(e);
}

TEST_F(EntitiesTest, RussianFederationAndRussiaViaAliasFile) {
  Cluster c = MakeCluster(
      {"The Russian Federation rejected the plan.\n", "Officials in Russia and the U.S. met.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* ru = Find(e, "Russia");
  ASSERT_NE(ru, nullptr) << Names(e);
  EXPECT_EQ(ru->aliases, (std::vector<std::string>{"Russian Federation"}));
  EXPECT_EQ(ru->mentions_per_document, (std::vector<uint32_t>{1, 1}));
  const Entity* us = Find(e, "United States");
  ASSERT_NE(us, nullptr) << Names(e);
  EXPECT_EQ(us->type, "place");
}

TEST_F(EntitiesTest, AcronymMatchesInitialsOfNameSeenElsewhere) {
  Cluster c = MakeCluster({"The Regional Transit Safety Office opened an inquiry.\n",
                           "The RTSO is expected to report next week.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* r = Find(e, "Regional Transit Safety Office");
  ASSERT_NE(r, nullptr) << Names(e);
  EXPECT_EQ(r->aliases, (std::vector<std::string>{"RTSO"}));
  EXPECT_EQ(r->mentions_per_document, (std::vector<uint32_t>{1, 1}));
  EXPECT_EQ(e.size(), 1u) << Names(e);
}

TEST_F(EntitiesTest, OfJoinsAfterHeadWordOnly) {
  Cluster c =
      MakeCluster({"The Bank of England raised rates. Elena Duarte of Marlow Bay objected.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  EXPECT_NE(Find(e, "Bank of England"), nullptr) << Names(e);
  EXPECT_NE(Find(e, "Elena Duarte"), nullptr) << Names(e);
  const Entity* bay = Find(e, "Marlow Bay");
  ASSERT_NE(bay, nullptr) << Names(e);
  EXPECT_EQ(bay->type, "place");
}

TEST_F(EntitiesTest, HarborBridgeExample) {
  Cluster cluster;
  std::vector<Diagnostic> diagnostics;
  Status s = ReadInputs(
      {DOSSIER_SOURCE_DIR "/examples/harbor-bridge"}, {},
      [&](Cluster&& c) { cluster = std::move(c); }, &diagnostics);
  ASSERT_TRUE(s.ok()) << s.ToString();
  Pipeline::Scratch scratch = pipeline_->NewScratch();
  pipeline_->Analyze(&cluster, &scratch);
  std::vector<Entity> e = entities_->Extract(cluster);

  const Entity* duarte = Find(e, "Elena Duarte");
  ASSERT_NE(duarte, nullptr) << Names(e);
  EXPECT_EQ(duarte->type, "person");
  EXPECT_TRUE(HasAlias(*duarte, "Duarte")) << Names(e);
  int documents = 0;
  for (uint32_t n : duarte->mentions_per_document) documents += n > 0;
  EXPECT_GE(documents, 4);
  EXPECT_EQ(Find(e, "Duarte"), nullptr);

  const Entity* rtso = Find(e, "Regional Transit Safety Office");
  ASSERT_NE(rtso, nullptr) << Names(e);
  EXPECT_TRUE(HasAlias(*rtso, "RTSO"));
  EXPECT_EQ(Find(e, "RTSO"), nullptr);
  for (const Entity& x : e) {
    EXPECT_NE(x.name, "The");
    EXPECT_NE(x.name, "Friday");
    for (size_t i = 0; i < x.mentions.size(); ++i) {
      const EntityMention& m = x.mentions[i];
      ASSERT_LT(m.document, cluster.documents.size());
      EXPECT_LE(m.span.end, cluster.documents[m.document].text.size());
      EXPECT_LT(m.span.begin, m.span.end);
    }
  }
}

}  // namespace
}  // namespace dossier
