// The Briefer on the briefing-audit piles (tests/golden/audit, written for
// dossier): what the pile holds shapes every section.
#include "dossier/briefing.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "dossier/report.h"
#include "ingest/readers.h"

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

// 'Mayor Henrik Sael called the vote "the biggest decision ..."': a
// fragment is a partial quote, shown in the sentence that holds it.
TEST_F(BriefingTest, APartialQuoteIsShownInItsSentence) {
  const Cluster c = Read("mixed-pile");
  const Briefing b = briefer_->Brief(c);
  size_t partial = 0;
  for (const SpeakerEntry& s : b.speakers) {
    for (const QuoteRef& q : s.quotes) {
      if (q.kind != "partial") continue;
      ++partial;
      const Document& doc = c.documents[q.document];
      EXPECT_LE(q.excerpt.begin, q.span.begin);
      EXPECT_GE(q.excerpt.end, q.span.end);
      EXPECT_EQ(q.excerpt, doc.sentences[q.sentence].span) << q.span.Slice(doc.text);
      EXPECT_EQ(s.name, "Henrik Sael");
      EXPECT_EQ(q.span.Slice(doc.text), "the biggest decision for the harbour in a generation");
    }
  }
  EXPECT_EQ(partial, 1u);
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

namespace dossier {
namespace {

// Every language's built-in lists make its analyzers (with a data folder they are all made
// at once, so a bad list would fail here); and a German and a French report briefed together
// each get their own language's speakers, figures and entities. (One report each: reports in
// two languages are never the same story to the pile, so all of them are briefed together.)
// `cluster` analysed and briefed with the built-in settings.
Briefing AnalyzeAndBrief(Cluster* cluster) {
  Result<Pipeline> pipeline = Pipeline::Create({});
  EXPECT_TRUE(pipeline.ok());
  Result<Briefer> briefer = Briefer::Create({});
  EXPECT_TRUE(briefer.ok());
  if (!pipeline.ok() || !briefer.ok()) return {};
  Pipeline::Scratch scratch = pipeline->NewScratch();
  pipeline->Analyze(cluster, &scratch);
  return briefer->Brief(*cluster);
}

TEST(BriefingLanguagesTest, EveryLanguagesListsLoadAndEachReportUsesItsOwn) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("dossier_briefing_languages_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  BriefOptions eager;
  eager.data_dir = dir.string();
  Result<Briefer> all = Briefer::Create(eager);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  std::filesystem::remove_all(dir);

  Cluster cluster;
  for (const char* pile : {"de-faehre", "fr-incendie"}) {
    Status s = ReadInputs(
        {std::string(DOSSIER_SOURCE_DIR) + "/tests/golden/languages/" + pile}, {},
        [&](Cluster&& c) { cluster.documents.push_back(std::move(c.documents.front())); }, nullptr);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  const Briefing b = AnalyzeAndBrief(&cluster);  // with lists loaded when a language needs them
  EXPECT_TRUE(b.language == "de" || b.language == "fr") << b.language;
  auto has_entity = [&](const std::string& name) {
    return std::any_of(b.entities.begin(), b.entities.end(),
                       [&](const EntityEntry& e) { return e.name == name; });
  };
  EXPECT_TRUE(has_entity("Martin Hollweg"));  // German report
  EXPECT_TRUE(has_entity("Laurent Dupuis"));  // French report
  EXPECT_FALSE(has_entity("Passagiere"));
  auto has_speaker = [&](const std::string& name) {
    return std::any_of(b.speakers.begin(), b.speakers.end(),
                       [&](const auto& s) { return s.name == name; });
  };
  EXPECT_TRUE(has_speaker("Martin Hollweg"));
  EXPECT_TRUE(has_speaker("Claire Vasseur"));
  bool german_figure = false, french_figure = false;
  for (const auto* list : {&b.figures, &b.single_source_figures}) {
    for (const FigureEntry& f : *list) {
      const std::string& lang = cluster.documents[f.mentions.front().where.document].language;
      german_figure |= lang == "de";
      french_figure |= lang == "fr";
    }
  }
  EXPECT_TRUE(german_figure);
  EXPECT_TRUE(french_figure);
}

// The briefing of `texts`, one plain-text report each, read from a folder
// as `dossier brief` reads one.
Briefing BriefTexts(const std::vector<std::string>& texts) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("dossier_briefing_texts_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (size_t i = 0; i < texts.size(); ++i) {
    std::ofstream(dir / ("r" + std::to_string(i) + ".txt")) << texts[i];
  }
  Cluster cluster;
  Status s = ReadInputs(
      {dir.string()}, {}, [&](Cluster&& c) { cluster = std::move(c); }, nullptr);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::filesystem::remove_all(dir);
  return AnalyzeAndBrief(&cluster);
}

// An earlier count a report replaces with its own new one is shown in all
// three formats, marked, and is no second source: "sources agree" never
// rests on it.
TEST(BriefingFiguresTest, EarlierCountIsShownMarkedAndIsNoSecondSource) {
  Cluster cluster;
  cluster.id = "blast";
  for (const char* text :
       {"Blast at a grain silo\n\nFour people were injured when a grain silo exploded near the "
        "port on Monday, police said.\n",
        "Silo blast injured eleven\n\nEleven people were injured when a grain silo exploded "
        "near the port on Monday. Police had initially said four people were injured.\n"}) {
    Result<Document> doc = ReadTextDocument(text, "r.txt", nullptr);
    ASSERT_TRUE(doc.ok());
    cluster.documents.push_back(std::move(*doc));
  }
  const Briefing b = AnalyzeAndBrief(&cluster);
  // One quantity: [1]'s four against [2]'s eleven, [2]'s own four marked.
  const FigureEntry* injured = nullptr;
  for (const FigureEntry& f : b.figures) {
    if (f.value == 4 || f.value == 11) injured = &f;
  }
  ASSERT_NE(injured, nullptr);
  EXPECT_EQ(injured->status, "conflict");
  EXPECT_EQ(injured->sources, 2u);
  ASSERT_EQ(injured->mentions.size(), 3u);
  EXPECT_TRUE(injured->mentions[2].earlier);
  for (const FigureEntry& f : b.single_source_figures) EXPECT_NE(f.value, 4);
  const std::string md = RenderMarkdown(cluster, &b, {});
  EXPECT_NE(md.find("\"four people\" [2] `"), std::string::npos) << md;
  EXPECT_NE(md.find("(earlier figure)"), std::string::npos) << md;
  EXPECT_EQ(md.find("sources agree"), std::string::npos) << md;
  EXPECT_NE(RenderHtml(cluster, b).find("(earlier figure)"), std::string::npos);
  EXPECT_NE(RenderJson(cluster, &b, {}).find("\"earlier\":true"), std::string::npos);
}

// A speaker given two roles as often is shown with the one that holds the
// other and says more.
TEST(BriefingRolesTest, AmongRolesGivenAsOftenTheFullerThatHoldsTheOther) {
  const Briefing b = BriefTexts(
      {"Talks on the river dam\n\nThe talks on the river dam resumed in Geneva on Monday. "
       "\"We want a fair share of the water,\" said Foreign Minister Selin Kaya.\n",
       "River dam talks go on\n\nDelegates met again in Geneva on Tuesday to discuss the river "
       "dam. \"The water belongs to both nations,\" said Selin Kaya, Foreign Minister of "
       "Borovia.\n"});
  bool found = false;
  for (const SpeakerEntry& s : b.speakers) {
    if (s.name != "Selin Kaya") continue;
    found = true;
    EXPECT_EQ(s.role, "Foreign Minister of Borovia");
  }
  EXPECT_TRUE(found);
}

// A speaker named by a role alone in one report ("a déclaré la directrice")
// is the one person the pile gives that role (pile_roles); nobody when two
// people hold it.
TEST(BriefingLanguagesTest, ARoleAloneIsThePersonThePileGivesIt) {
  const std::string named =
      "Reprise de l'usine textile de Roubaix\n\n"
      "Les salariés de l'usine textile de Roubaix ont découvert lundi le plan de reprise du "
      "site. « Nous garderons tous les emplois de l'usine », a affirmé Anne Leroy, directrice "
      "de l'usine. Le plan de reprise prévoit aussi une nouvelle ligne de production.\n";
  const std::string by_role =
      "Roubaix : les salariés de l'usine textile votent le plan de reprise\n\n"
      "Les salariés de l'usine textile de Roubaix ont approuvé mardi le plan de reprise du "
      "site. « Le plan de reprise tient ses promesses », a déclaré la directrice à la sortie "
      "du vote. La nouvelle ligne de production ouvrira en mai.\n";
  auto quotes_of = [](const Briefing& b, const std::string& name) -> size_t {
    for (const SpeakerEntry& s : b.speakers) {
      if (s.name == name) return s.quotes.size();
    }
    return 0;
  };
  const Briefing one = BriefTexts({named, by_role});
  EXPECT_EQ(quotes_of(one, "Anne Leroy"), 2u);
  const std::string other =
      "L'usine textile de Roubaix en grève\n\n"
      "Les salariés de l'usine textile de Roubaix ont cessé le travail lundi contre le plan de "
      "reprise. « Le plan de reprise ne garantit rien », a affirmé Claire Petit, directrice "
      "des ressources humaines de l'usine.\n";
  const Briefing two = BriefTexts({named, by_role, other});
  EXPECT_EQ(quotes_of(two, "Anne Leroy"), 1u);
  EXPECT_EQ(quotes_of(two, "Claire Petit"), 1u);
  for (const SpeakerEntry& s : two.speakers) EXPECT_NE(s.name, "directrice");
  // Another office that holds the role's words is not the role: the deputy
  // ("directrice adjointe") does not get what "la directrice" said.
  const std::string deputy =
      "Reprise de l'usine textile de Roubaix\n\n"
      "Les salariés de l'usine textile de Roubaix ont découvert lundi le plan de reprise du "
      "site. « Nous garderons tous les emplois de l'usine », a affirmé Anne Leroy, directrice "
      "adjointe. Le plan de reprise prévoit aussi une nouvelle ligne de production.\n";
  const Briefing adjointe = BriefTexts({deputy, by_role});
  EXPECT_EQ(quotes_of(adjointe, "Anne Leroy"), 1u);
}

// The main events show a sentence of two days once while other sentences
// are left, at its heavier day, the later among equals.
TEST(TopTimelineTest, ASentenceOfTwoDaysIsShownOnceWhileOthersAreLeft) {
  auto entry = [](std::string date, std::string text, double weight) {
    TimelineEntry t;
    t.date = std::move(date);
    t.text = std::move(text);
    t.weight = weight;
    return t;
  };
  const std::string divers = "Divers resumed on Friday after winds halted work on Thursday.";
  const std::vector<TimelineEntry> timeline = {
      entry("2026-03-05", divers, 3.5), entry("2026-03-06", divers, 3.5),
      entry("2026-03-09", "The council meets on Monday.", 3.0),
      entry("2026-03-10", "The bridge reopens on Tuesday.", 5.5)};
  auto shown = [](const std::vector<const TimelineEntry*>& top) {
    std::vector<std::string> dates;
    for (const TimelineEntry* t : top) dates.push_back(t->date);
    return dates;
  };
  EXPECT_EQ(shown(TopTimeline(timeline, 3)),
            (std::vector<std::string>{"2026-03-06", "2026-03-09", "2026-03-10"}));
  // With room for all, both days of the sentence are shown, in date order.
  EXPECT_EQ(shown(TopTimeline(timeline, 4)),
            (std::vector<std::string>{"2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10"}));
}

}  // namespace
}  // namespace dossier
