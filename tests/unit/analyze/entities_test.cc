#include "analyze/entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../temp_dir.h"
#include "analyzed_text.h"
#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "util/data_files.h"

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

// --- Types -------------------------------------------------------------------

TEST_F(EntitiesTest, PlacesFromGazetteer) {
  Cluster c = MakeCluster(
      {"Turkey shot down the jet near the border. France and Austria sent envoys to Vienna.\n",
       "Officials in Paris said Los Angeles and Texas were not involved.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  for (const char* name :
       {"Turkey", "France", "Austria", "Vienna", "Paris", "Los Angeles", "Texas"}) {
    const Entity* x = Find(e, name);
    ASSERT_NE(x, nullptr) << name << ": " << Names(e);
    EXPECT_EQ(x->type, "place") << name;
  }
}

TEST_F(EntitiesTest, OrganizationHeadBeatsGivenName) {
  // "Ellen" is a given name, but the head word "Engineering" ends the name.
  Cluster c =
      MakeCluster({"Ellen Strand Engineering said it would cooperate. Officials met "
                   "Ellen Strand Engineering again.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* x = Find(e, "Ellen Strand Engineering");
  ASSERT_NE(x, nullptr) << Names(e);
  EXPECT_EQ(x->type, "organization");
}

TEST_F(EntitiesTest, TitleAfterCommaDoesNotMakeAPerson) {
  // Regression: "Minister, Calloway Strand Engineering ..." typed the firm a person.
  Cluster c =
      MakeCluster({"QUESTION: Minister, Calloway Strand Engineering held the contract. Will it be "
                   "suspended?\n",
                   "Calloway Strand Engineering declined to comment.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* x = Find(e, "Calloway Strand Engineering");
  ASSERT_NE(x, nullptr) << Names(e);
  EXPECT_EQ(x->type, "organization");
}

TEST_F(EntitiesTest, GivenNameMakesAPersonAndTitleBeatsHead) {
  Cluster c = MakeCluster({"Karen Holloway said the plan was sound. Holloway spoke for an hour.\n",
                           "Gen. Victor Park led the rescue. Park said it went well.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* k = Find(e, "Karen Holloway");
  ASSERT_NE(k, nullptr) << Names(e);
  EXPECT_EQ(k->type, "person");
  EXPECT_TRUE(HasAlias(*k, "Holloway"));
  // A title before the name wins over the place head word "Park".
  const Entity* v = Find(e, "Victor Park");
  ASSERT_NE(v, nullptr) << Names(e);
  EXPECT_EQ(v->type, "person");
}

TEST_F(EntitiesTest, TitledPlaceNameIsAPerson) {
  Cluster c =
      MakeCluster({"The study was led by Sripal Bangalore. Dr. Bangalore said the "
                   "results were clear.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* x = Find(e, "Sripal Bangalore");
  ASSERT_NE(x, nullptr) << Names(e);
  EXPECT_EQ(x->type, "person");
  EXPECT_TRUE(HasAlias(*x, "Bangalore"));
  EXPECT_EQ(x->mentions.size(), 2u);
}

// --- Demonyms ----------------------------------------------------------------

TEST_F(EntitiesTest, DemonymsCountForTheirCountryButAreNoAliases) {
  Cluster c =
      MakeCluster({"Russian jets struck the town. Russia denied it, and two Russians were "
                   "detained.\n",
                   "Syrian rebels said the Turkish army fired first.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* ru = Find(e, "Russia");
  ASSERT_NE(ru, nullptr) << Names(e);
  EXPECT_EQ(ru->mentions.size(), 3u);
  EXPECT_TRUE(ru->aliases.empty()) << Names(e);
  EXPECT_EQ(ru->demonyms, (std::vector<std::string>{"Russian", "Russians"}));
  // Countries written only as demonyms are still entities.
  const Entity* sy = Find(e, "Syria");
  ASSERT_NE(sy, nullptr) << Names(e);
  EXPECT_EQ(sy->type, "place");
  EXPECT_EQ(sy->mentions_per_document, (std::vector<uint32_t>{0, 1}));
  ASSERT_NE(Find(e, "Turkey"), nullptr) << Names(e);
  for (const char* d : {"Russian", "Russians", "Syrian", "Turkish"}) EXPECT_EQ(Find(e, d), nullptr);
}

TEST_F(EntitiesTest, DemonymBeforeATitleOrANameCounts) {
  Cluster c = MakeCluster(
      {"Syrian President Bashar al-Assad met the Turkish President in Ankara.\n",
       "A Russian Metrojet airliner crashed. The airline, Metrojet, said the plane was sound. The "
       "Russian Air Force flew sorties.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* sy = Find(e, "Syria");
  ASSERT_NE(sy, nullptr) << Names(e);
  EXPECT_EQ(sy->mentions.size(), 1u);
  ASSERT_NE(Find(e, "Bashar al-Assad"), nullptr) << Names(e);
  ASSERT_NE(Find(e, "Turkey"), nullptr) << Names(e);
  EXPECT_EQ(Find(e, "Turkish President"), nullptr) << Names(e);
  // "Metrojet" stands alone elsewhere, so "Russian Metrojet" is two mentions.
  const Entity* m = Find(e, "Metrojet");
  ASSERT_NE(m, nullptr) << Names(e);
  EXPECT_EQ(m->mentions.size(), 2u);
  EXPECT_EQ(Find(e, "Russian Metrojet"), nullptr);
  // An organization head keeps the name whole.
  const Entity* af = Find(e, "Russian Air Force");
  ASSERT_NE(af, nullptr) << Names(e);
  EXPECT_EQ(af->type, "organization");
}

// --- Appositions ---------------------------------------------------------------

TEST_F(EntitiesTest, KnownInArabicAsPairsTheNames) {
  Cluster c =
      MakeCluster({"Fighters of the Levant Liberation Front, known in Arabic as Tahrir "
                   "al-Sham, took the town. Tahrir al-Sham later withdrew.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  // Both names have three words; the one written more often names it.
  const Entity* x = Find(e, "Tahrir al-Sham");
  ASSERT_NE(x, nullptr) << Names(e);
  EXPECT_TRUE(HasAlias(*x, "Levant Liberation Front")) << Names(e);
  EXPECT_EQ(x->mentions.size(), 3u);
}

TEST_F(EntitiesTest, ItsArabicNameAndArabicAcronymForPairTheNames) {
  Cluster c = MakeCluster(
      {"The Free Coast Army, or Jaysh al-Sahil, its Arabic name, held the port.\n",
       "HTS, the Arabic acronym for Hayat Tahrir Sham, denied it. Hayat Tahrir Sham later "
       "retreated.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* a = Find(e, "Free Coast Army");
  ASSERT_NE(a, nullptr) << Names(e);
  EXPECT_TRUE(HasAlias(*a, "Jaysh al-Sahil")) << Names(e);
  const Entity* h = Find(e, "Hayat Tahrir Sham");
  ASSERT_NE(h, nullptr) << Names(e);
  EXPECT_TRUE(HasAlias(*h, "HTS")) << Names(e);
}

TEST_F(EntitiesTest, OrBeforeAnAcronymPairs) {
  Cluster c = MakeCluster({"The Coastal Defence League, or CDL, said the wall would hold.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* x = Find(e, "Coastal Defence League");
  ASSERT_NE(x, nullptr) << Names(e);
  EXPECT_EQ(x->aliases, (std::vector<std::string>{"CDL"}));
}

TEST_F(EntitiesTest, ListsAndBracketsDoNotOverMerge) {
  Cluster c = MakeCluster(
      {"Vladimir Putin, Francois Hollande, or Barack Obama will attend.\n",
       "Envoys from Russia, or Syria, may come. Officials in Paris (France) agreed.\n",
       "Mark Wahlberg (Jack Salmon) and Saoirse Ronan (Susie Salmon) star in the film.\n",
       "Doctors compared FAS or FASD in 40 children, and FAS (FASD) in 12.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  for (const char* name :
       {"Vladimir Putin", "Francois Hollande", "Barack Obama", "Russia", "Syria", "Paris", "France",
        "Mark Wahlberg", "Jack Salmon", "Saoirse Ronan", "Susie Salmon", "FAS", "FASD"}) {
    const Entity* x = Find(e, name);
    ASSERT_NE(x, nullptr) << name << ": " << Names(e);
    EXPECT_TRUE(x->aliases.empty()) << name << ": " << Names(e);
  }
}

// --- Display names -------------------------------------------------------------

TEST_F(EntitiesTest, FullestNameWithParticleAndHyphen) {
  // Regression: the seeds showed "Assad" alone, as "Bashar al Assad" and
  // "Bashar Assad" both ended in "Assad".
  Cluster c = MakeCluster({"President Bashar al Assad spoke. Assad said the war was over.\n",
                           "Bashar Assad met envoys. Bashar al-Assad later left Damascus.\n",
                           "Assad stayed.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* x = Find(e, "Bashar al-Assad");
  ASSERT_NE(x, nullptr) << Names(e);
  EXPECT_EQ(x->type, "person");
  for (const char* a : {"Assad", "Bashar Assad", "Bashar al Assad"}) {
    EXPECT_TRUE(HasAlias(*x, a)) << a << ": " << Names(e);
  }
  EXPECT_EQ(x->mentions.size(), 5u);
  EXPECT_EQ(Find(e, "Assad"), nullptr);
}

TEST_F(EntitiesTest, AccentsAndAlPrefixMerge) {
  Cluster c = MakeCluster({"François Hollande arrived. Francois Hollande left.\n",
                           "Fighters of al-Qaida fled. Al-Qaeda denied it.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* h = Find(e, "François Hollande");
  if (h == nullptr) h = Find(e, "Francois Hollande");
  ASSERT_NE(h, nullptr) << Names(e);
  EXPECT_EQ(h->mentions.size(), 2u);
  const Entity* q = Find(e, "al-Qaeda");
  ASSERT_NE(q, nullptr) << Names(e);
  EXPECT_EQ(q->mentions.size(), 2u) << Names(e);
}

TEST_F(EntitiesTest, SpellingVariantsAndShortFormsOfGivenNamesMerge) {
  Cluster c =
      MakeCluster({"Barak Obama met Barack Obama's aides. Obama left. Mike Brown and "
                   "Michael Brown are one astronomer; Brown said so.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* o = Find(e, "Barack Obama");
  ASSERT_NE(o, nullptr) << Names(e);
  EXPECT_TRUE(HasAlias(*o, "Barak Obama"));
  EXPECT_TRUE(HasAlias(*o, "Obama"));
  const Entity* b = Find(e, "Mike Brown");
  if (b == nullptr) b = Find(e, "Michael Brown");
  ASSERT_NE(b, nullptr) << Names(e);
  EXPECT_EQ(b->mentions.size(), 3u) << Names(e);
}

TEST_F(EntitiesTest, DifferentFirstNamesStayApart) {
  // Regression guards: one letter changed, or added at the end, is another name.
  Cluster c =
      MakeCluster({"Maria Lopez and Mario Lopez spoke. Daniel Ortega and Daniela Ortega "
                   "did not.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  for (const char* name : {"Maria Lopez", "Mario Lopez", "Daniel Ortega", "Daniela Ortega"}) {
    const Entity* x = Find(e, name);
    ASSERT_NE(x, nullptr) << name << ": " << Names(e);
    EXPECT_EQ(x->mentions.size(), 1u) << name;
  }
}

TEST_F(EntitiesTest, MiddleInitialsMergeOnlyWhenUnambiguous) {
  Cluster c = MakeCluster(
      {"Randy W. Lambach was arrested. Randy Lambach denied it. Lambach was released.\n",
       "George W. Bush and George H.W. Bush spoke. George Bush smiled.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* r = Find(e, "Randy W. Lambach");
  ASSERT_NE(r, nullptr) << Names(e);
  EXPECT_EQ(r->mentions.size(), 3u) << Names(e);
  for (const char* name : {"George W. Bush", "George H.W. Bush", "George Bush"}) {
    const Entity* x = Find(e, name);
    ASSERT_NE(x, nullptr) << name << ": " << Names(e);
    EXPECT_EQ(x->mentions.size(), 1u) << name << ": " << Names(e);
  }
}

TEST_F(EntitiesTest, HyphenatedKoreanNamesMerge) {
  Cluster c = MakeCluster({"Kim Jong-un met Ban Ki-moon. Kim Jong Un smiled.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* k = Find(e, "Kim Jong-un");
  ASSERT_NE(k, nullptr) << Names(e);
  EXPECT_EQ(k->mentions.size(), 2u);
  EXPECT_NE(Find(e, "Ban Ki-moon"), nullptr) << Names(e);
  EXPECT_EQ(Find(e, "Ban Ki"), nullptr) << Names(e);
}

// --- Surname and first-name merges -----------------------------------------------

TEST_F(EntitiesTest, SharedSurnameOrFirstNameStaysApart) {
  Cluster c = MakeCluster({"Hillary Clinton and Bill Clinton spoke. Clinton left.\n",
                           "John Kerry met John Sparks. John said they agreed.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  for (const char* name :
       {"Hillary Clinton", "Bill Clinton", "Clinton", "John Kerry", "John Sparks", "John"}) {
    const Entity* x = Find(e, name);
    ASSERT_NE(x, nullptr) << name << ": " << Names(e);
    EXPECT_EQ(x->mentions.size(), 1u) << name << ": " << Names(e);
  }
}

TEST_F(EntitiesTest, SurnameGoesToADominantPerson) {
  std::string text;
  for (int i = 0; i < 4; ++i) text += "Officials said Donald Trump spoke. ";
  text += "Melania Trump waved. Aides said Trump left.\n";
  Cluster c = MakeCluster({text});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* d = Find(e, "Donald Trump");
  ASSERT_NE(d, nullptr) << Names(e);
  EXPECT_TRUE(HasAlias(*d, "Trump")) << Names(e);
  const Entity* m = Find(e, "Melania Trump");
  ASSERT_NE(m, nullptr) << Names(e);
  EXPECT_EQ(m->mentions.size(), 1u);
}

TEST_F(EntitiesTest, LoneFirstNameMergesWhenOnePersonHasIt) {
  Cluster c =
      MakeCluster({"The board, led by Brendan Carr, met. Officials said Brendan would "
                   "vote.\n",
                   "Frances Bean Cobain sued. Frances Bean was not in court.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* b = Find(e, "Brendan Carr");
  ASSERT_NE(b, nullptr) << Names(e);
  EXPECT_TRUE(HasAlias(*b, "Brendan"));
  EXPECT_EQ(Find(e, "Brendan"), nullptr);
  const Entity* f = Find(e, "Frances Bean Cobain");
  ASSERT_NE(f, nullptr) << Names(e);
  EXPECT_TRUE(HasAlias(*f, "Frances Bean"));
}

TEST_F(EntitiesTest, LoneFirstNameUsedByAnotherEntityStaysApart) {
  Cluster c =
      MakeCluster({"Brendan Carr visited St. Brendan's Hospital. Brendan said it was "
                   "calm.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  ASSERT_NE(Find(e, "Brendan Carr"), nullptr) << Names(e);
  const Entity* h = Find(e, "St. Brendan's Hospital");
  ASSERT_NE(h, nullptr) << Names(e);
  EXPECT_EQ(h->type, "organization");
  const Entity* lone = Find(e, "Brendan");
  ASSERT_NE(lone, nullptr) << Names(e);
  EXPECT_EQ(lone->mentions.size(), 1u);
}

TEST_F(EntitiesTest, OrganizationShortNameMergesWithItsFullName) {
  Cluster c =
      MakeCluster({"Calloway Strand Engineering maintains the bridge. An estimate by "
                   "Calloway Strand put repairs at $410 million.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* x = Find(e, "Calloway Strand Engineering");
  ASSERT_NE(x, nullptr) << Names(e);
  EXPECT_TRUE(HasAlias(*x, "Calloway Strand"));
}

TEST_F(EntitiesTest, GivenNameSplitsLeadingWords) {
  Cluster c = MakeCluster({"The race pits Georgia Republican Karen Handel against Jon Ossoff.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* k = Find(e, "Karen Handel");
  ASSERT_NE(k, nullptr) << Names(e);
  EXPECT_EQ(k->type, "person");
  ASSERT_NE(Find(e, "Georgia"), nullptr) << Names(e);
}

// --- Noise -------------------------------------------------------------------------

TEST_F(EntitiesTest, HeadlineCaseWordsAreNoEntities) {
  Cluster c = MakeCluster(
      {"President Obama urges Moscow to focus its attacks.\n\nObama Urges Russian Federation To "
       "Focus Attacks On Rebels\n\nThe Russian Federation said attacks would go on. Obama did not "
       "say what the rebels want.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  for (const char* junk : {"Urges", "Focus Attacks", "Focus", "Attacks", "Rebels", "Obama Urges"}) {
    EXPECT_EQ(Find(e, junk), nullptr) << junk << ": " << Names(e);
  }
  const Entity* o = Find(e, "Obama");
  ASSERT_NE(o, nullptr) << Names(e);
  EXPECT_EQ(o->mentions.size(), 3u);
  const Entity* ru = Find(e, "Russia");
  ASSERT_NE(ru, nullptr) << Names(e);
  EXPECT_EQ(ru->mentions.size(), 2u);
}

TEST_F(EntitiesTest, SentenceInitialWordsAreNoEntities) {
  Cluster c = MakeCluster(
      {"Naturally, the talks went on. Regarding Turkey, nothing changed. Yeah, we agreed.\n",
       "Nothing new regarding the talks was said.\n",
       "Officials in Turkey said the S-400 system arrived.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  for (const char* junk : {"Naturally", "Regarding Turkey", "Regarding", "Yeah", "S"}) {
    EXPECT_EQ(Find(e, junk), nullptr) << junk << ": " << Names(e);
  }
  const Entity* t = Find(e, "Turkey");
  ASSERT_NE(t, nullptr) << Names(e);
  EXPECT_EQ(t->mentions.size(), 2u);
}

TEST_F(EntitiesTest, UnknownFirstNameAtSentenceStartIsKept) {
  // "Sripal" is in no list and never written elsewhere, yet it is no
  // sentence-initial word to drop like "Regarding".
  Cluster c =
      MakeCluster({"Sripal Bangalore led the study. Dr. Bangalore said the results were "
                   "clear.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  ASSERT_NE(Find(e, "Sripal Bangalore"), nullptr) << Names(e);
}

TEST_F(EntitiesTest, AndJoinsKnownNamesOnly) {
  Cluster c =
      MakeCluster({"The Securities and Exchange Commission sued. Pakistan and India "
                   "talked.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* sec = Find(e, "Securities and Exchange Commission");
  ASSERT_NE(sec, nullptr) << Names(e);
  EXPECT_EQ(sec->type, "organization");
  EXPECT_NE(Find(e, "Pakistan"), nullptr) << Names(e);
  EXPECT_NE(Find(e, "India"), nullptr) << Names(e);
  EXPECT_EQ(Find(e, "Securities"), nullptr) << Names(e);
}

TEST_F(EntitiesTest, PossessivesSaintsAndLoneHeadWords) {
  // Regression: "St", "Brendan" and "Union" were entities in the harbor example.
  Cluster c =
      MakeCluster({"Daniel Okafor leads the Marlow Bay Ferry Workers' Union. The Union said so.\n",
                   "Four remain at St. Brendan's Hospital in St. Louis. The State said so.\n"});
  std::vector<Entity> e = entities_->Extract(c);
  const Entity* u = Find(e, "Marlow Bay Ferry Workers' Union");
  ASSERT_NE(u, nullptr) << Names(e);
  EXPECT_EQ(u->type, "organization");
  ASSERT_NE(Find(e, "St. Brendan's Hospital"), nullptr) << Names(e);
  const Entity* stl = Find(e, "St. Louis");
  ASSERT_NE(stl, nullptr) << Names(e);
  EXPECT_EQ(stl->type, "place");
  for (const char* junk : {"Union", "St", "Brendan", "State", "Marlow Bay Ferry Workers"}) {
    EXPECT_EQ(Find(e, junk), nullptr) << junk << ": " << Names(e);
  }
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

// The words names are read with come from data/<language>/ (name_words.txt,
// name_particles.txt, alias_phrases.txt): a data folder holding a changed
// copy changes the entities.
class EntitiesDataTest : public TempDirTest {
 protected:
  // The built-in en/`name` with `extra` lines added, in dir_.
  void AddLines(const std::string& name, const std::string& extra) {
    Result<std::string> lines = ReadDataFile("", "en/" + name);
    ASSERT_TRUE(lines.ok()) << lines.status().ToString();
    Write("en/" + name, *lines + extra);
  }
  // Each entity as "name {aliases}".
  static std::vector<std::string> Entities(const std::string& data_dir, const std::string& text) {
    Result<Pipeline> pipeline = Pipeline::Create({});
    Result<EntityExtractor> extractor = EntityExtractor::Create(data_dir);
    EXPECT_TRUE(pipeline.ok() && extractor.ok());
    if (!pipeline.ok() || !extractor.ok()) return {};
    std::vector<std::string> out;
    for (const Entity& e : extractor->Extract(AnalyzedCluster(*pipeline, {text}))) {
      std::string s = e.name + " {";
      for (const std::string& a : e.aliases) s += a + ";";
      out.push_back(s + "}");
    }
    return out;
  }
};

TEST_F(EntitiesDataTest, AnAliasPhraseOfTheDataFolderPairsNames) {
  const std::string text =
      "The Levant Liberation Front, styled Tahrir al-Sham by its fighters, took the town. Tahrir "
      "al-Sham later withdrew.\n";
  EXPECT_EQ(Entities("", text),
            (std::vector<std::string>{"Tahrir al-Sham {}", "Levant Liberation Front {}"}));
  AddLines("alias_phrases.txt", ", styled | same\n");
  EXPECT_EQ(Entities(dir_.string(), text),
            (std::vector<std::string>{"Tahrir al-Sham {Levant Liberation Front;}"}));
}

TEST_F(EntitiesDataTest, AParticleOfTheDataFolderJoinsAName) {
  const std::string text = "Minister Karl zu Guttenberg resigned on Tuesday.\n";
  EXPECT_EQ(Entities("", text), (std::vector<std::string>{"Karl {}", "Guttenberg {}"}));
  AddLines("name_particles.txt", "zu | names\n");
  EXPECT_EQ(Entities(dir_.string(), text), (std::vector<std::string>{"Karl zu Guttenberg {}"}));
}

TEST_F(EntitiesDataTest, ALanguageWithoutItsListsIsNotFound) {
  Result<EntityExtractor> none = EntityExtractor::Create("", "xx");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
  AddLines("alias_phrases.txt", "known <nonsense> as | same\n");
  Result<EntityExtractor> bad = EntityExtractor::Create(dir_.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dossier
