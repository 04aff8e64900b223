#include "analyze/quotes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "../temp_dir.h"
#include "analyzed_text.h"
#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "eval/quote_score.h"
#include "util/data_files.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class QuotesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = new Pipeline(std::move(*p));
    Result<QuoteExtractor> q = QuoteExtractor::Create("");
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    quotes_ = new QuoteExtractor(std::move(*q));
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    delete quotes_;
  }

  static Document Analyze(std::string text) {
    return AnalyzedDocument(*pipeline_, std::move(text));
  }

  // (speaker, quoted text, role, kind) of every quote.
  using Row = std::tuple<std::string, std::string, std::string, Quote::Kind>;
  static std::vector<Row> Rows(const std::string& text) {
    Document doc = Analyze(text);
    std::vector<Row> rows;
    for (const Quote& q : quotes_->Extract(doc)) {
      rows.emplace_back(q.speaker, std::string(q.span.Slice(doc.text)), q.role, q.kind);
    }
    return rows;
  }

  static Pipeline* pipeline_;
  static QuoteExtractor* quotes_;
};

Pipeline* QuotesTest::pipeline_ = nullptr;
QuoteExtractor* QuotesTest::quotes_ = nullptr;

constexpr Quote::Kind kDirect = Quote::Kind::kDirect;
constexpr Quote::Kind kReported = Quote::Kind::kReported;
constexpr Quote::Kind kTurn = Quote::Kind::kTurn;
constexpr Quote::Kind kPartial = Quote::Kind::kPartial;

TEST_F(QuotesTest, SaidAfterQuoteWithTitle) {
  EXPECT_EQ(Rows("\"We will rebuild,\" said Mayor Elena Duarte.\n"),
            (std::vector<Row>{{"Elena Duarte", "We will rebuild", "Mayor", kDirect}}));
}

TEST_F(QuotesTest, NameThenSaidAfterCurlyQuote) {
  EXPECT_EQ(Rows("\xE2\x80\x9CThe cables look sound,\xE2\x80\x9D Brandt said.\n"),
            (std::vector<Row>{{"Brandt", "The cables look sound", "", kDirect}}));
}

TEST_F(QuotesTest, SaidBeforeQuote) {
  Document doc =
      Analyze("At a press conference on Friday, Duarte said, \"Every family counts.\"\n");
  std::vector<Quote> q = quotes_->Extract(doc);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].speaker, "Duarte");
  EXPECT_EQ(q[0].span.Slice(doc.text), "Every family counts.");
  EXPECT_EQ(q[0].speaker_span.Slice(doc.text), "Duarte");
  EXPECT_EQ(q[0].kind, kDirect);
  EXPECT_EQ(q[0].sentence, 0u);
}

TEST_F(QuotesTest, ToldReportersBeforeQuote) {
  EXPECT_EQ(Rows("Sen. Ada Moreno told reporters \"the vote will happen.\"\n"),
            (std::vector<Row>{{"Ada Moreno", "the vote will happen.", "Sen.", kDirect}}));
}

TEST_F(QuotesTest, PronounResolvesToPrecedingSpeaker) {
  // Only names before the pronoun count.
  EXPECT_EQ(Rows("\"Six months is our target,\" he told reporters.\n\n"
                 "Transport Minister Anders Halvorsen spoke first.\n"),
            (std::vector<Row>{}));
  // An untitled mention counts once the text shows elsewhere that the name is
  // a person's.
  EXPECT_EQ(Rows("Halvorsen met the families on Friday. \"Six months is our target,\" he told "
                 "reporters.\n\nTransport Minister Anders Halvorsen spoke first.\n"),
            (std::vector<Row>{{"Anders Halvorsen", "Six months is our target", "", kDirect}}));
  EXPECT_EQ(Rows("Transport Minister Anders Halvorsen visited the site.\n\n"
                 "\"Six months is our target,\" he told reporters.\n"),
            (std::vector<Row>{{"Anders Halvorsen", "Six months is our target", "", kDirect}}));
}

TEST_F(QuotesTest, PronounSkipsNamesInsideTheQuoteAndPrefersTheSubject) {
  EXPECT_EQ(Rows("Mayor Elena Duarte and Chief Raj Patel met Governor Lena Ortiz.\n\n"
                 "\"Together with Chief Patel, we will rebuild,\" she said.\n"),
            (std::vector<Row>{
                {"Elena Duarte", "Together with Chief Patel, we will rebuild", "", kDirect}}));
}

TEST_F(QuotesTest, NameBeforeTheQuoteBeatsPronounAfterIt) {
  EXPECT_EQ(Rows("Mayor Elena Duarte spoke first. Asked about the cost, Raj Patel said: \"We "
                 "will find the money\", he told a news conference.\n"),
            (std::vector<Row>{{"Raj Patel", "We will find the money", "", kDirect}}));
}

TEST_F(QuotesTest, ReportedClauseSkipsTimeWordsAndListeners) {
  EXPECT_EQ(Rows("Mayor Elena Duarte said Tuesday that the bridge would reopen.\n\n"
                 "Raj Patel told the Council it was safe.\n"),
            (std::vector<Row>{{"Elena Duarte", "the bridge would reopen.", "Mayor", kReported},
                              {"Raj Patel", "it was safe.", "", kReported}}));
}

TEST_F(QuotesTest, QuantifiersAndOfPhrasesAreNotPartOfNames) {
  EXPECT_EQ(Rows("Both Duarte and Patel spoke. \"We agree,\" Duarte said.\n\n"
                 "Mayor of Lisbon Elena Duarte arrived.\n"),
            (std::vector<Row>{{"Duarte", "We agree", "", kDirect}}));
}

TEST_F(QuotesTest, SplitQuoteGivesTwoQuotesOneSpeaker) {
  EXPECT_EQ(Rows("\"The cables look sound,\" said Hollis Brandt, the agency's chief investigator, "
                 "\"but the anchorage is where our attention is.\"\n"),
            (std::vector<Row>{
                {"Hollis Brandt", "The cables look sound", "agency's chief investigator", kDirect},
                {"Hollis Brandt", "but the anchorage is where our attention is.",
                 "agency's chief investigator", kDirect}}));
}

TEST_F(QuotesTest, FollowingQuotedSentenceKeepsTheSpeaker) {
  EXPECT_EQ(Rows("\"Most injuries are fractures,\" Dr. Amal Reyes said. \"We expect all four to "
                 "recover.\"\n"),
            (std::vector<Row>{{"Amal Reyes", "Most injuries are fractures", "", kDirect},
                              {"Amal Reyes", "We expect all four to recover.", "", kDirect}}));
}

TEST_F(QuotesTest, AppositionBecomesRole) {
  EXPECT_EQ(Rows("\"We will share every record,\" said Priya Nandakumar, a spokesperson for the "
                 "company.\n"),
            (std::vector<Row>{{"Priya Nandakumar", "We will share every record",
                               "spokesperson for the company", kDirect}}));
  // A function title before a period is not an abbreviation.
  EXPECT_EQ(Rows("\"We were told it was safe,\" said Daniel Okafor, the union's president.\n"),
            (std::vector<Row>{
                {"Daniel Okafor", "We were told it was safe", "union's president", kDirect}}));
}

TEST_F(QuotesTest, ReportedSpeechAfterApposition) {
  EXPECT_EQ(Rows("Daniel Okafor, president of the Ferry Workers' Union, said captains had been "
                 "told to shelter.\n"),
            (std::vector<Row>{{"Daniel Okafor", "captains had been told to shelter.",
                               "president of the Ferry Workers' Union", kReported}}));
}

TEST_F(QuotesTest, ReportedSpeechWithThat) {
  EXPECT_EQ(
      Rows("Mr Halvorsen also said that the review would cover every operator.\n"),
      (std::vector<Row>{{"Halvorsen", "the review would cover every operator.", "", kReported}}));
  EXPECT_EQ(Rows("Brandt cautioned on Friday that it was too early.\n"),
            (std::vector<Row>{{"Brandt", "it was too early.", "", kReported}}));
}

TEST_F(QuotesTest, VerbNeedingThatTakesNoNounAsSpeech) {
  EXPECT_EQ(Rows("Mayor Duarte announced an emergency fund for victims.\n"), std::vector<Row>{});
}

TEST_F(QuotesTest, UnnamedSpeakerGivesNoQuote) {
  EXPECT_EQ(Rows("Two people died, officials said on Friday.\n"), std::vector<Row>{});
  EXPECT_EQ(Rows("The firm said it was cooperating fully.\n"), std::vector<Row>{});
}

TEST_F(QuotesTest, AccordingTo) {
  EXPECT_EQ(Rows("The cables were never replaced, according to the Regional Safety Office.\n"),
            (std::vector<Row>{
                {"Regional Safety Office", "The cables were never replaced", "", kReported}}));
  EXPECT_EQ(Rows("According to Elena Duarte, the fund is open.\n"),
            (std::vector<Row>{{"Elena Duarte", "the fund is open.", "", kReported}}));
  EXPECT_EQ(Rows("One person is missing, according to the fire department.\n"), std::vector<Row>{});
}

TEST_F(QuotesTest, SurnameTakesFullestName) {
  EXPECT_EQ(Rows("Daniel Okafor leads the union.\n\n\"Nobody listened,\" Okafor said.\n"),
            (std::vector<Row>{{"Daniel Okafor", "Nobody listened", "", kDirect}}));
}

TEST_F(QuotesTest, ScareQuotesAreNotQuotes) {
  EXPECT_EQ(Rows("The office said the cut had \"not affected\" any work.\n"), std::vector<Row>{});
}

TEST_F(QuotesTest, TranscriptTurnsButNotQuestions) {
  EXPECT_EQ(Rows("MODERATOR: Good morning.\n\n"
                 "MAYOR DUARTE: Thank you. The bridge is closed.\n\n"
                 "QUESTION: When will it reopen?\n\n"
                 "MAYOR DUARTE: In six months.\n"),
            (std::vector<Row>{{"Moderator", "Good morning.", "", kTurn},
                              {"Duarte", "Thank you. The bridge is closed.", "Mayor", kTurn},
                              {"Duarte", "In six months.", "Mayor", kTurn}}));
}

TEST_F(QuotesTest, QuoteClosedByPeriodIsNotAttributedByTheNextClause) {
  EXPECT_EQ(
      Rows("County Commissioner Ruth Okonjo said, \"No one should stay.\" She said the county "
           "would pay.\n"),
      (std::vector<Row>{{"Ruth Okonjo", "No one should stay.", "County Commissioner", kDirect},
                        {"Ruth Okonjo", "the county would pay.", "", kReported}}));
}

TEST_F(QuotesTest, QuotedPhraseInsideReportedClauseIsPartOfIt) {
  EXPECT_EQ(Rows("Brandt cautioned that it was \"far too early\" to draw conclusions.\n"),
            (std::vector<Row>{
                {"Brandt", "it was \"far too early\" to draw conclusions.", "", kReported}}));
}

TEST_F(QuotesTest, OddInputGivesNoQuoteAndNoCrash) {
  EXPECT_EQ(Rows(""), std::vector<Row>{});
  EXPECT_EQ(Rows("\"\n"), std::vector<Row>{});
  EXPECT_EQ(Rows("\"\" said X.\n"), std::vector<Row>{});
  EXPECT_EQ(Rows("\"Unclosed quote, said Mayor Duarte.\n"), std::vector<Row>{});
  EXPECT_EQ(Rows("said\n\n, said ,\n\nAccording to\n"), std::vector<Row>{});
}

// ---- Reported speech: where a clause starts and ends ---------------------------

TEST_F(QuotesTest, ReportedClauseEndsWhereAnotherAttributionBegins) {
  // Patel's words are not Duarte's, though her clause runs on to them.
  EXPECT_EQ(Rows("Mayor Elena Duarte said the bridge \"will not reopen this year,\" and Raj Patel "
                 "insisting that \"the ferries will run on time.\"\n"),
            (std::vector<Row>{
                {"Elena Duarte", "the bridge \"will not reopen this year,\"", "Mayor", kReported},
                {"Raj Patel", "the ferries will run on time.", "", kDirect}}));
  EXPECT_EQ(Rows("Lena Ortiz said the cables were sound, although she added there could be "
                 "delays.\n"),
            (std::vector<Row>{{"Lena Ortiz", "the cables were sound", "", kReported},
                              {"Lena Ortiz", "there could be delays.", "", kReported}}));
}

TEST_F(QuotesTest, NestedAttributionKeepsTheOuterSpeakerForTheOuterClauseOnly) {
  EXPECT_EQ(Rows("Mayor Elena Duarte said Raj Patel told her the ferries would run.\n"),
            (std::vector<Row>{
                {"Elena Duarte", "Raj Patel told her the ferries would run.", "Mayor", kReported},
                {"Raj Patel", "the ferries would run.", "", kReported}}));
}

TEST_F(QuotesTest, AttributionAfterTheClause) {
  EXPECT_EQ(
      Rows("The bridge will stay closed until June, Raj Patel said. The ferries are safe, "
           "said Lena Ortiz, the harbour master. The cables were checked twice, she added.\n"),
      (std::vector<Row>{{"Raj Patel", "The bridge will stay closed until June", "", kReported},
                        {"Lena Ortiz", "The ferries are safe", "harbour master", kReported},
                        {"Lena Ortiz", "The cables were checked twice", "", kReported}}));
  // "said Tuesday" ending a sentence is no clause; news agencies relay.
  EXPECT_EQ(Rows("Two boats sank, Reuters reported. The toll will rise in May, according to the "
                 "Associated Press.\n"),
            std::vector<Row>{});
}

TEST_F(QuotesTest, NewsAgenciesRelayButDoNotSpeak) {
  EXPECT_EQ(
      Rows("Lena Ortiz said the ban was absurd, Reuters reported. According to the Associated "
           "Press, Raj Patel said the ferries would run.\n"),
      (std::vector<Row>{{"Lena Ortiz", "the ban was absurd", "", kReported},
                        {"Raj Patel", "the ferries would run.", "", kReported}}));
  EXPECT_EQ(Rows("Agence France-Presse \xE2\x80\x94 one user on Weibo posted that the ban was "
                 "absurd.\n"),
            std::vector<Row>{});
  // The one the agency quotes speaks.
  EXPECT_EQ(Rows("\"The ban is absurd,\" Reuters quoted Lena Ortiz as saying. Raj Patel was quoted "
                 "as saying the ferries would run.\n"),
            (std::vector<Row>{{"Lena Ortiz", "The ban is absurd", "", kDirect},
                              {"Raj Patel", "the ferries would run.", "", kReported}}));
}

TEST_F(QuotesTest, SpeakerFarFromTheClause) {
  EXPECT_EQ(Rows("Raj Patel, who has run the ferry service since 2019 and sits on the harbour "
                 "board, said on Tuesday that the boats were safe.\n"),
            (std::vector<Row>{{"Raj Patel", "the boats were safe.", "", kReported}}));
  EXPECT_EQ(Rows("Richard Hale, a Fredericksburg, Va. dealer in old maps, said he would sell.\n"),
            (std::vector<Row>{{"Richard Hale", "he would sell.",
                               "Fredericksburg, Va. dealer in old maps", kReported}}));
}

TEST_F(QuotesTest, VerbsBeyondSaid) {
  EXPECT_EQ(
      Rows("Raj Patel told reporters the ferries would run. Lena Ortiz added that the cables had "
           "been checked. Tom Hale argued that the money was there. Ada Moreno warned that the "
           "storm would return. Lena Ortiz acknowledged that mistakes were made. Raj Patel "
           "announced that the ferries were free. Tom Hale wrote that the board had failed. Ada "
           "Moreno tweeted that help was coming. Elena Duarte testified that she had not been "
           "warned. Raj Patel says the ferries will run again on Monday.\n"),
      (std::vector<Row>{{"Raj Patel", "the ferries would run.", "", kReported},
                        {"Lena Ortiz", "the cables had been checked.", "", kReported},
                        {"Tom Hale", "the money was there.", "", kReported},
                        {"Ada Moreno", "the storm would return.", "", kReported},
                        {"Lena Ortiz", "mistakes were made.", "", kReported},
                        {"Raj Patel", "the ferries were free.", "", kReported},
                        {"Tom Hale", "the board had failed.", "", kReported},
                        {"Ada Moreno", "help was coming.", "", kReported},
                        {"Elena Duarte", "she had not been warned.", "", kReported},
                        {"Raj Patel", "the ferries will run again on Monday.", "", kReported}}));
}

TEST_F(QuotesTest, ContinuedAttributesQuotesButTakesNoBareClause) {
  EXPECT_EQ(Rows("\"We will rebuild,\" Lena Ortiz continued. Story continued below the fold.\n"),
            (std::vector<Row>{{"Lena Ortiz", "We will rebuild", "", kDirect}}));
}

TEST_F(QuotesTest, VerbWithAParticle) {
  EXPECT_EQ(Rows("But Lena Ortiz pointed out that the cables were new. Raj Patel pointed out the "
                 "risks.\n"),
            (std::vector<Row>{{"Lena Ortiz", "the cables were new.", "", kReported}}));
}

TEST_F(QuotesTest, VerbNeedingThatTakesAClauseOpeningWithAPronoun) {
  EXPECT_EQ(Rows("Lena Ortiz added there could be more delays. Raj Patel has maintained he is "
                 "innocent.\n"),
            (std::vector<Row>{{"Lena Ortiz", "there could be more delays.", "", kReported},
                              {"Raj Patel", "he is innocent.", "", kReported}}));
  // "He had reports that": a noun, not "reported".
  EXPECT_EQ(Rows("Lena Ortiz had reports that the deck was cracked.\n"), std::vector<Row>{});
}

TEST_F(QuotesTest, ClauseAfterWhereItWasSaid) {
  EXPECT_EQ(
      Rows("Raj Patel said in a statement the company would pay for the repairs. Lena Ortiz "
           "said in an email on Friday that the cables were sound.\n"),
      (std::vector<Row>{{"Raj Patel", "the company would pay for the repairs.", "", kReported},
                        {"Lena Ortiz", "the cables were sound.", "", kReported}}));
  EXPECT_EQ(Rows("Harakat Ali said, however, that visitors had nothing to fear.\n"),
            (std::vector<Row>{{"Harakat Ali", "visitors had nothing to fear.", "", kReported}}));
}

TEST_F(QuotesTest, NoClauseAfterWhenWhereOrToWhom) {
  // A relative "that", a time, a listener with a tail: no clause.
  EXPECT_EQ(Rows("\"We are ready,\" Raj Patel said in front of a crowd that filled the square.\n"),
            (std::vector<Row>{{"Raj Patel", "We are ready", "", kDirect}}));
  EXPECT_EQ(Rows("\"We stand together,\" Lena Ortiz said Friday night. \"We stay,\" she said "
                 "Thursday as she left the harbour.\n"),
            (std::vector<Row>{{"Lena Ortiz", "We stand together", "", kDirect},
                              {"Lena Ortiz", "We stay", "", kDirect}}));
  EXPECT_EQ(Rows("\"It was far away,\" Lena Ortiz told CNN affiliate WJZ. Raj Patel told the "
                 "unions he would buy the ferries.\n"),
            (std::vector<Row>{{"Lena Ortiz", "It was far away", "", kDirect},
                              {"Raj Patel", "he would buy the ferries.", "", kReported}}));
}

TEST_F(QuotesTest, VerbThatIntroducesNothingIsNoAttribution) {
  // "responded to the call" neither ends the sentence's clause nor has one.
  EXPECT_EQ(
      Rows("Tom Hale told reporters that the supervisor on duty, Raj Patel, responded to the "
           "call.\n"),
      (std::vector<Row>{{"Tom Hale", "the supervisor on duty, Raj Patel, responded to the call.",
                         "", kReported}}));
  EXPECT_EQ(Rows("\"We will play,\" Lena Ortiz told players during a visit to the club.\n"),
            (std::vector<Row>{{"Lena Ortiz", "We will play", "", kDirect}}));
}

TEST_F(QuotesTest, AccordingToADocumentOfANamedSource) {
  EXPECT_EQ(
      Rows("The toll will rise in May, according to a report by the Regional Safety "
           "Office.\n"),
      (std::vector<Row>{{"Regional Safety Office", "The toll will rise in May", "", kReported}}));
  EXPECT_EQ(Rows("The bridge is closed and, according to the Regional Safety Office, it will stay "
                 "closed until June.\n"),
            (std::vector<Row>{
                {"Regional Safety Office", "it will stay closed until June.", "", kReported}}));
}

TEST_F(QuotesTest, ParticipleTakesTheSpeakerBeforeIt) {
  EXPECT_EQ(Rows("Raj Patel closed the ferry service on Friday, saying the boats were not safe. "
                 "\"We will not take risks,\" he said, adding that the service would resume in "
                 "June.\n"),
            (std::vector<Row>{{"Raj Patel", "the boats were not safe.", "", kReported},
                              {"Raj Patel", "We will not take risks", "", kDirect},
                              {"Raj Patel", "the service would resume in June.", "", kReported}}));
  EXPECT_EQ(Rows("\"The cables look sound,\" Hollis Brandt said, adding, \"but we are not "
                 "finished.\"\n"),
            (std::vector<Row>{{"Hollis Brandt", "The cables look sound", "", kDirect},
                              {"Hollis Brandt", "but we are not finished.", "", kDirect}}));
  // After an unnamed speaker, nobody.
  EXPECT_EQ(Rows("\"We regret it,\" a spokesman said, adding that the boats were safe.\n"),
            std::vector<Row>{});
}

TEST_F(QuotesTest, AndSaidTakesTheSubjectOfTheSentence) {
  EXPECT_EQ(Rows("In a statement, Lena Ortiz inspected the cables and said they were sound.\n"),
            (std::vector<Row>{{"Lena Ortiz", "they were sound.", "", kReported}}));
}

// ---- Who speaks ------------------------------------------------------------------

TEST_F(QuotesTest, OrganizationsSpeak) {
  EXPECT_EQ(Rows("The White House said the repairs would be paid for. The Justice Department "
                 "said in a statement that it had opened an inquiry.\n"),
            (std::vector<Row>{{"White House", "the repairs would be paid for.", "", kReported},
                              {"Justice Department", "it had opened an inquiry.", "", kReported}}));
  // "the sheriff's office" is the one the text named.
  EXPECT_EQ(Rows("Deputies from the Marlow County Sheriff's Office searched the harbour. The "
                 "sheriff's office said two people were missing.\n"),
            (std::vector<Row>{
                {"Marlow County Sheriff's Office", "two people were missing.", "", kReported}}));
  EXPECT_EQ(Rows("The Texas-based firm said the cables were fine.\n"), std::vector<Row>{});
}

TEST_F(QuotesTest, DocumentSpeaksForItsAuthor) {
  EXPECT_EQ(Rows("The Valley Gazette's Thursday night report claimed that the cables were old. A "
                 "White House statement said the repairs were funded. A police report said two "
                 "people died.\n"),
            (std::vector<Row>{{"Valley Gazette", "the cables were old.", "", kReported},
                              {"White House", "the repairs were funded.", "", kReported}}));
}

TEST_F(QuotesTest, GenericDescriptionOfAnOrganizationNamedBefore) {
  // "the firm": the organization that opens a sentence or speaks, not the
  // newspaper that saw the estimate.
  EXPECT_EQ(
      Rows("Calloway Strand Engineering holds the maintenance contract. Costs rose, "
           "according to an estimate seen by the Valley Post. The firm said it was "
           "cooperating.\n"),
      (std::vector<Row>{{"Calloway Strand Engineering", "it was cooperating.", "", kReported}}));
  EXPECT_EQ(Rows("The Regional Safety Office opened an inquiry. A team is on site, and the agency "
                 "says its findings will be ready soon.\n"),
            (std::vector<Row>{
                {"Regional Safety Office", "its findings will be ready soon.", "", kReported}}));
}

TEST_F(QuotesTest, DescriptionResolvesToThePersonTheTextNamed) {
  EXPECT_EQ(Rows("Sen. Ada Moreno visited the site on Monday.\n\nThe senator said the state would "
                 "help.\n"),
            (std::vector<Row>{{"Ada Moreno", "the state would help.", "", kReported}}));
  EXPECT_EQ(Rows("President Luc Moreau of France arrived in Marlow Bay.\n\nThe French president "
                 "said the visit was overdue.\n"),
            (std::vector<Row>{{"Luc Moreau", "the visit was overdue.", "", kReported}}));
  // Another title: the nearest person the text gave a function.
  EXPECT_EQ(Rows("Rep. Tom Hale toured the harbour on Friday.\n\nThe three-term congressman said "
                 "the money would come.\n"),
            (std::vector<Row>{{"Tom Hale", "the money would come.", "", kReported}}));
}

TEST_F(QuotesTest, DescriptionOfSomeoneUnnamedNamesNobody) {
  // Not Olgin, who has no function; nor for the "he" after it.
  EXPECT_EQ(Rows("Mario Olgin lost his daughter in the attack.\n\nThe Marlow police chief said "
                 "there was no sign of a motive; but he also said the inquiry was not over.\n"),
            std::vector<Row>{});
  EXPECT_EQ(Rows("Raj Patel met the families on Friday.\n\nThe spokesman said the company was "
                 "cooperating.\n"),
            std::vector<Row>{});
  EXPECT_EQ(Rows("Lena Ortiz and Raj Patel spoke on Monday.\n\nThe minister said he would not "
                 "resign.\n"),
            std::vector<Row>{});
}

TEST_F(QuotesTest, ParagraphInitialPronoun) {
  EXPECT_EQ(Rows("Lena Ortiz visited the site on Monday.\n\nShe said the cables were sound.\n"),
            (std::vector<Row>{{"Lena Ortiz", "the cables were sound.", "", kReported}}));
}

TEST_F(QuotesTest, PronounAfterAnUnnamedSpeakerNamesNobody) {
  EXPECT_EQ(Rows("Raj Patel spoke to the families on Friday.\n\nThe ferries were halted, a "
                 "spokesman said. He added that the company was cooperating.\n"),
            std::vector<Row>{});
  EXPECT_EQ(Rows("Raj Patel met the ferry workers.\n\nThe workers said they wanted answers.\n"),
            std::vector<Row>{});
}

TEST_F(QuotesTest, TheyMeansAnOrganizationNotAPerson) {
  EXPECT_EQ(
      Rows("The Regional Safety Office opened an inquiry on Monday.\n\nThey said the cables "
           "had failed.\n"),
      (std::vector<Row>{{"Regional Safety Office", "the cables had failed.", "", kReported}}));
  EXPECT_EQ(Rows("Raj Patel spoke on Monday.\n\nThey said the cables had failed.\n"),
            std::vector<Row>{});
}

TEST_F(QuotesTest, FormOfAddressGivesTheGender) {
  // "Mrs Patel" is not "Daniel Patel", and "she" means her.
  EXPECT_EQ(Rows("Mrs Patel spoke to the families. Daniel Patel did not.\n\nShe said the families "
                 "wanted answers.\n"),
            (std::vector<Row>{{"Patel", "the families wanted answers.", "", kReported}}));
}

TEST_F(QuotesTest, PronounSkipsOthersNamedInASentenceItOpens) {
  EXPECT_EQ(Rows("Lena Ortiz spoke first.\n\nShe met Ada Moreno on Friday. Later she said the "
                 "talks had gone well.\n"),
            (std::vector<Row>{{"Lena Ortiz", "the talks had gone well.", "", kReported}}));
}

TEST_F(QuotesTest, ReportedClauseOpeningWithHeNamesSomeoneElse) {
  // He said he thought Moreau had failed: "he" is not Moreau.
  EXPECT_EQ(Rows("Tom Hale met Luc Moreau.\n\nHe said he thought Moreau had failed.\n"),
            (std::vector<Row>{{"Tom Hale", "he thought Moreau had failed.", "", kReported}}));
}

TEST_F(QuotesTest, NamesWithPartyTagsPlacesAndPossessives) {
  EXPECT_EQ(Rows("Rep. Ada Moreno (D-Calif.) said the money would come. GOP Leader Tom Hale, "
                 "R-Texas, said it would not.\n"),
            (std::vector<Row>{{"Ada Moreno", "the money would come.", "Rep.", kReported},
                              {"Tom Hale", "it would not.", "GOP Leader", kReported}}));
  EXPECT_EQ(
      Rows("Prime Minister Luc Moreau of France said the talks were over.\n"),
      (std::vector<Row>{{"Luc Moreau", "the talks were over.", "Prime Minister", kReported}}));
  EXPECT_EQ(Rows("Calloway Strand's Dennis Durken suggested that the cables were old.\n"),
            (std::vector<Row>{{"Dennis Durken", "the cables were old.", "", kReported}}));
  EXPECT_EQ(Rows("\"We will rebuild,\" Steve King said.\n"),
            (std::vector<Row>{{"Steve King", "We will rebuild", "", kDirect}}));
  EXPECT_EQ(Rows("Canadian guidelines differ and point out that the limit is low. Americans say "
                 "it is high.\n"),
            std::vector<Row>{});
}

TEST_F(QuotesTest, DescriptionBetweenCommasDescribesTheNameBeforeIt) {
  EXPECT_EQ(Rows("At a news conference, Ray Fang, the hospital's trauma medical director, said "
                 "two of the victims were stable.\n"),
            (std::vector<Row>{{"Ray Fang", "two of the victims were stable.",
                               "hospital's trauma medical director", kReported}}));
}

TEST_F(QuotesTest, CapitalizedWordIsNoVerb) {
  EXPECT_EQ(Rows("The report was written by doctors in Seattle, United States.\n"),
            std::vector<Row>{});
}

TEST_F(QuotesTest, AttributionEndingInAColonReachesBack) {
  EXPECT_EQ(Rows("Raj Patel writes about the harbour on his website: \"The bridge was our "
                 "pride.\"\n"),
            (std::vector<Row>{{"Raj Patel", "The bridge was our pride.", "", kDirect}}));
}

TEST_F(QuotesTest, MiddleInitialIsNoAcronym) {
  // "J." made "James J. Gerace" an organization, which "he" never means.
  EXPECT_EQ(Rows("James J. Gerace, a lawyer for the drivers, said the rule would not last.\n\n"
                 "\"We will appeal,\" he said.\n"),
            (std::vector<Row>{{"James J. Gerace", "the rule would not last.",
                               "lawyer for the drivers", kReported},
                              {"James J. Gerace", "We will appeal", "", kDirect}}));
  EXPECT_EQ(Rows("George H.W. Bush met the team.\n\n\"It was a fine day,\" he said.\n"),
            (std::vector<Row>{{"George H.W. Bush", "It was a fine day", "", kDirect}}));
}

TEST_F(QuotesTest, SpeakerAfterTheVerbBehindAPossessiveDescription) {
  EXPECT_EQ(Rows("\"We will rebuild the pier,\" said the council's chairwoman, Ines Moreau. "
                 "\"Every boat counts.\"\n"),
            (std::vector<Row>{
                {"Ines Moreau", "We will rebuild the pier", "council's chairwoman", kDirect},
                {"Ines Moreau", "Every boat counts.", "council's chairwoman", kDirect}}));
}

TEST_F(QuotesTest, PersonOfAnOrganizationSpeaks) {
  // The name before "of", not the organization after it.
  EXPECT_EQ(Rows("Tomas Berg of the independent Harbour Trust said the pier was unsafe.\n"),
            (std::vector<Row>{{"Tomas Berg", "the pier was unsafe.", "", kReported}}));
  // After the verb too; the apposition describes the organization.
  EXPECT_EQ(Rows("\"We are leaving,\" said Dr. Lena Fischer of Harbour Relief, a medical "
                 "charity.\n"),
            (std::vector<Row>{{"Lena Fischer", "We are leaving", "", kDirect}}));
  // One word before "of" is part of an organization's name.
  EXPECT_EQ(Rows("The Bank of Ostland said rates would rise.\n"),
            (std::vector<Row>{{"Bank of Ostland", "rates would rise.", "", kReported}}));
}

TEST_F(QuotesTest, AppositionNamingAFunctionWithoutAnArticle) {
  EXPECT_EQ(Rows("In Oslo, Tom Berg, harbour safety officer at the port authority, said the "
                 "cranes were old.\n"),
            (std::vector<Row>{{"Tom Berg", "the cranes were old.",
                               "harbour safety officer at the port authority", kReported}}));
}

TEST_F(QuotesTest, NameAfterThatOpensAnAttribution) {
  EXPECT_EQ(Rows("The pier is so old that Berg said that repairs would cost millions.\n"),
            (std::vector<Row>{{"Berg", "repairs would cost millions.", "", kReported}}));
  // "that" as the object of the verb: no clause.
  EXPECT_EQ(Rows("It was a claim that Berg said was false.\n"), (std::vector<Row>{}));
}

TEST_F(QuotesTest, ClauseMayOpenWithACondition) {
  EXPECT_EQ(
      Rows("Berg said if the rain continued, the pier would close.\n"),
      (std::vector<Row>{{"Berg", "if the rain continued, the pier would close.", "", kReported}}));
  EXPECT_EQ(Rows("Berg said if asked.\n"), (std::vector<Row>{}));
}

TEST_F(QuotesTest, NameAndAppositionOpenTheClauseOfANamedSpeaker) {
  EXPECT_EQ(Rows("Berg said Hanson, a rival contractor, had also pulled out.\n"),
            (std::vector<Row>{
                {"Berg", "Hanson, a rival contractor, had also pulled out.", "", kReported}}));
}

TEST_F(QuotesTest, WhereItWasSaidIsNoRole) {
  EXPECT_EQ(Rows("\"We will stay,\" promised the firm's chief executive, Ada Lind, in a June "
                 "interview.\n"),
            (std::vector<Row>{{"Ada Lind", "We will stay", "firm's chief executive", kDirect}}));
}

TEST_F(QuotesTest, DashSetsOffAnAttributionAfterItsClause) {
  // U+2015, the horizontal bar some outlets use as a dash.
  EXPECT_EQ(Rows("The firm faces two charges \xE2\x80\x95 fraud and theft \xE2\x80\x95 the Justice "
                 "Department said.\n"),
            (std::vector<Row>{{"Justice Department",
                               "The firm faces two charges \xE2\x80\x95 fraud and theft", "",
                               kReported}}));
  // A clause opens with no dash: '..." he said -- to the fullest extent'.
  EXPECT_EQ(
      Rows("Mayor Ada Ruiz spoke. She vowed to pursue them \xE2\x80\x95 \"all of them,\" she said "
           "\xE2\x80\x95 to the end.\n"),
      (std::vector<Row>{{"Ada Ruiz", "all of them", "", kDirect}}));
}

TEST_F(QuotesTest, OfInsideAnOrganizationsName) {
  EXPECT_EQ(Rows("New claims fell by 5,000, the Department of Labor said Thursday.\n"),
            (std::vector<Row>{{"Department of Labor", "New claims fell by 5,000", "", kReported}}));
}

TEST_F(QuotesTest, VerbNeedingThatTakesANounPhraseAndAnAuxiliary) {
  EXPECT_EQ(Rows("Berg claimed rivals are often attacked.\n"),
            (std::vector<Row>{{"Berg", "rivals are often attacked.", "", kReported}}));
  EXPECT_EQ(Rows("Berg warned the old bridge could fall.\n"),
            (std::vector<Row>{{"Berg", "the old bridge could fall.", "", kReported}}));
  // Not a question, an infinitive, a pronoun's clause after an object, nor
  // after a base form that is a noun ("the state department said").
  EXPECT_EQ(Rows("Berg asked why he was late.\n"), (std::vector<Row>{}));
  EXPECT_EQ(Rows("Berg asked the mayor do the same.\n"), (std::vector<Row>{}));
  EXPECT_EQ(Rows("Berg promised voters she would win.\n"), (std::vector<Row>{}));
  EXPECT_EQ(Rows("They blamed what the US state department said was a shocking act.\n"),
            (std::vector<Row>{}));
}

TEST_F(QuotesTest, ParentheticalAttributionWithAVerbNeedingThat) {
  EXPECT_EQ(Rows("That plan, Berg continued, ignores the river.\n"),
            (std::vector<Row>{{"Berg", "ignores the river.", "", kReported}}));
  // Not the words after it when they open with a preposition or a conjunction.
  EXPECT_EQ(Rows("The port will close, Berg announced, amid protests.\n"), (std::vector<Row>{}));
  EXPECT_EQ(Rows("Some shops will open, Berg said, but the port will close.\n"),
            (std::vector<Row>{}));
}

TEST_F(QuotesTest, NameParticleIsPartOfTheName) {
  EXPECT_EQ(Rows("While the indictment against bin Laden suggested that the court knew, it "
                 "waited.\n"),
            (std::vector<Row>{}));
}

TEST_F(QuotesTest, TwoSpeakersAfterTheVerb) {
  EXPECT_EQ(Rows("Work is continuing, said Ms. Ada White and Lewis D. Hart, a deputy director.\n"),
            (std::vector<Row>{{"Ada White", "Work is continuing", "", kReported},
                              {"Lewis D. Hart", "Work is continuing", "", kReported}}));
}

TEST_F(QuotesTest, NamedSpeakerConfirmedAtAPlace) {
  EXPECT_EQ(Rows("The suspect was taken into custody, FBI Director Ana Ruiz confirmed at a press "
                 "conference.\n"),
            (std::vector<Row>{
                {"Ana Ruiz", "The suspect was taken into custody", "FBI Director", kReported}}));
  // A noun after a possessive is no verb, so no attribution cuts the clause.
  EXPECT_EQ(
      Rows("Kerry said he never met Zarif, contrary to Mr. Zarif's claim in a call.\n"),
      (std::vector<Row>{{"Kerry", "he never met Zarif, contrary to Mr. Zarif's claim in a call.",
                         "", kReported}}));
}

TEST_F(QuotesTest, WentOnAndElaborated) {
  EXPECT_EQ(Rows("Mayor Ada Ruiz spoke first. \"We must unite,\" she went on.\n"),
            (std::vector<Row>{{"Ada Ruiz", "We must unite", "", kDirect}}));
  EXPECT_EQ(Rows("Ruiz elaborated at the briefing that each device held a clock.\n"),
            (std::vector<Row>{{"Ruiz", "each device held a clock.", "", kReported}}));
}

TEST_F(QuotesTest, FunctionInLowerCaseBeforeANameMakesAPerson) {
  EXPECT_EQ(Rows("The drafts show efforts by department spokeswoman Vera Lund to cut references. "
                 "According to the drafts, she argued that the office should stay silent.\n"),
            (std::vector<Row>{{"Vera Lund", "the office should stay silent.", "", kReported}}));
}

TEST_F(QuotesTest, PlaceAndItsRegionAreNoSubject) {
  EXPECT_EQ(Rows("Officials in Pima County, Arizona, are refusing to comply, saying that the "
                 "request is unsafe.\n"),
            (std::vector<Row>{}));
}

TEST_F(QuotesTest, QuotationOverSeveralParagraphs) {
  // Each paragraph opens with a mark, only the last closes; the attribution
  // at its end names the speaker of the paragraphs before it.
  EXPECT_EQ(
      Rows("Mayor Ada Ruiz spoke on Friday.\n\n"
           "\"We were talking about the river,\" she said.\n\n"
           "\"We were talking about the bridge. And I think that is fair.\n\n"
           "\"We will rebuild it. The river is not the enemy,\" Ruiz said.\n"),
      (std::vector<Row>{
          {"Ada Ruiz", "We were talking about the river", "", kDirect},
          {"Ada Ruiz", "We were talking about the bridge. And I think that is fair.", "", kDirect},
          {"Ada Ruiz", "We will rebuild it. The river is not the enemy", "", kDirect}}));
  // Or the attribution before it.
  EXPECT_EQ(Rows("Ruiz said: \"We will rebuild.\n\n\"The river is not the enemy.\"\n"),
            (std::vector<Row>{{"Ruiz", "We will rebuild.", "", kDirect},
                              {"Ruiz", "The river is not the enemy.", "", kDirect}}));
  // Words inside the open quotation attribute nothing; with no speaker
  // anywhere, no quote.
  EXPECT_EQ(Rows("\"Berg says the river is the enemy.\n\nNobody listened.\n"),
            (std::vector<Row>{}));
}

TEST_F(QuotesTest, ContinuedQuoteFollowsTheQuoteItContinues) {
  // A whole quoted sentence continues the quote before it only one sentence
  // on at most.
  EXPECT_EQ(Rows("\"We will stay,\" said Ruiz. The council met. The vote came late. \"It is "
                 "over.\"\n"),
            (std::vector<Row>{{"Ruiz", "We will stay", "", kDirect}}));
  EXPECT_EQ(Rows("\"We will stay,\" said Ruiz. The council met. \"It is over.\"\n"),
            (std::vector<Row>{{"Ruiz", "We will stay", "", kDirect},
                              {"Ruiz", "It is over.", "", kDirect}}));
}

TEST_F(QuotesTest, FragmentAfterANamingVerbIsTheSubjectsWords) {
  EXPECT_EQ(Rows("Mayor Ada Ruiz called the flood an \"act of God\" and an \"act of neglect\" and "
                 "called for \"a new dam\" while \"keeping the river open.\"\n"),
            (std::vector<Row>{{"Ada Ruiz", "act of God", "Mayor", kPartial},
                              {"Ada Ruiz", "act of neglect", "Mayor", kPartial},
                              {"Ada Ruiz", "a new dam", "Mayor", kPartial},
                              {"Ada Ruiz", "keeping the river open.", "Mayor", kPartial}}));
  EXPECT_EQ(Rows("Mayor Ada Ruiz spoke. She called it an \"especially sad day\" for the town.\n"),
            (std::vector<Row>{{"Ada Ruiz", "especially sad day", "", kPartial}}));
  EXPECT_EQ(Rows("The Harbour Council criticised the pact, describing it as \"reckless\".\n"),
            (std::vector<Row>{{"Harbour Council", "reckless", "", kPartial}}));
  // Nobody named, or a name: no quote.
  EXPECT_EQ(Rows("A group called \"Friends of the River\" met on Friday.\n"), (std::vector<Row>{}));
  EXPECT_EQ(Rows("He was called a \"traitor\" by critics.\n"), (std::vector<Row>{}));
}

TEST_F(QuotesTest, PersonNamedLikeAnOutletIsAPerson) {
  // "Bloomberg" is an outlet; "Michael Bloomberg" a person "he" can mean.
  EXPECT_EQ(Rows("Michael Bloomberg spoke on Wednesday.\n\n"
                 "In the speech Bloomberg criticized Trump. \"I know a con,\" he said.\n"),
            (std::vector<Row>{{"Michael Bloomberg", "I know a con", "", kDirect}}));
}

TEST_F(QuotesTest, SuffixIsPartOfTheName) {
  EXPECT_EQ(Rows("\"The debate is growing,\" said Walter H. Grey, Jr., chairman of the section.\n"),
            (std::vector<Row>{{"Walter H. Grey, Jr.", "The debate is growing",
                               "chairman of the section", kDirect}}));
  EXPECT_EQ(Rows("Walter H. Grey, Jr., chairman of the section, said the debate was growing.\n"),
            (std::vector<Row>{{"Walter H. Grey, Jr.", "the debate was growing.",
                               "chairman of the section", kReported}}));
}

TEST_F(QuotesTest, VerbOpeningTheSentenceBeforeItsSubjectAndAColon) {
  EXPECT_EQ(Rows("Says team captain Tom Berg: \"We lost one game.\"\n"),
            (std::vector<Row>{{"Tom Berg", "We lost one game.", "", kDirect}}));
}

TEST_F(QuotesTest, ThenAddedTakesTheSubjectOpeningTheSentence) {
  EXPECT_EQ(Rows("Mayor Tom Berg spoke. He paused, then added: \"I do not know that.\"\n"),
            (std::vector<Row>{{"Tom Berg", "I do not know that.", "", kDirect}}));
  // Not a speaker named later in the sentence.
  EXPECT_EQ(Rows("One tenant stopped paying, Berg said, then demanded that he fix the heater.\n"),
            (std::vector<Row>{}));
}

TEST_F(QuotesTest, RelativeClauseIsNoReportedClause) {
  // After "that", "which" or "who", a clause opening with a verb has no
  // subject of its own.
  EXPECT_EQ(Rows("Berg attacked policies that he says put the river above people.\n"),
            (std::vector<Row>{}));
  EXPECT_EQ(Rows("The bridge, which Berg said would cost millions, opened.\n"),
            (std::vector<Row>{}));
  EXPECT_EQ(Rows("Duarte met Ortiz, who said the bridge would cost millions.\n"),
            (std::vector<Row>{{"Ortiz", "the bridge would cost millions.", "", kReported}}));
}

TEST_F(QuotesTest, AndInsideATitleOrBetweenGivenNames) {
  EXPECT_EQ(Rows("Health and Human Services Secretary Ana Ruiz said the plan would work.\n"),
            (std::vector<Row>{
                {"Ana Ruiz", "the plan would work.", "Human Services Secretary", kReported}}));
  EXPECT_EQ(Rows("John and Mary Smith said they would part.\n"),
            (std::vector<Row>{{"John Smith", "they would part.", "", kReported},
                              {"Mary Smith", "they would part.", "", kReported}}));
}

TEST_F(QuotesTest, WhereItWasSaidIsNoClause) {
  EXPECT_EQ(Rows("\"We have a deal,\" Ruiz said via email.\n"),
            (std::vector<Row>{{"Ruiz", "We have a deal", "", kDirect}}));
}

TEST_F(QuotesTest, TitleAfterAPrepositionOrPossessiveIsNoQuote) {
  EXPECT_EQ(Rows("On \"The Evening Hour\", Ruiz said the plan would work.\n"),
            (std::vector<Row>{{"Ruiz", "the plan would work.", "", kReported}}));
  EXPECT_EQ(Rows("Ruiz told CNN's \"State of the Union\" that the plan would work.\n"),
            (std::vector<Row>{{"Ruiz", "the plan would work.", "", kReported}}));
}

TEST_F(QuotesTest, QuotedFragmentInsideAClauseBeforeTheAttribution) {
  // The sentence before the attribution is reported speech holding the
  // fragment, which is no quote of its own.
  EXPECT_EQ(Rows("The mayor skipped the meeting, but he created a \"disaster\" there, Governor "
                 "Ana Ruiz said Thursday.\n"),
            (std::vector<Row>{{"Ana Ruiz",
                               "The mayor skipped the meeting, but he created a \"disaster\" there",
                               "Governor", kReported}}));
  // Also with the comma inside the closing mark.
  EXPECT_EQ(Rows("Voters should back it because it is \"sane and fair,\" Governor Ana Ruiz said on "
                 "Wednesday.\n"),
            (std::vector<Row>{{"Ana Ruiz", "Voters should back it because it is \"sane and fair,\"",
                               "Governor", kReported}}));
}

TEST_F(QuotesTest, FragmentThatWordsFollowTakesNoLaterAttribution) {
  EXPECT_EQ(Rows("After declaring \"war\" on the virus as he took office, Ruiz announced new "
                 "rules.\n"),
            (std::vector<Row>{}));
}

TEST_F(QuotesTest, TheyMeansAnOrganizationNamedNearby) {
  EXPECT_EQ(Rows("The Supreme Court ruled on Monday. The players were angry. The coaches met. They "
                 "sued the league, claiming that the rules were unfair.\n"),
            (std::vector<Row>{}));
}

TEST_F(QuotesTest, VerbAfterButContinuesARelativeClausesSubject) {
  EXPECT_EQ(Rows("The line was an addition to a speech in which Mayor Ruiz criticized the unions, "
                 "but argued that the delay was necessary.\n"),
            (std::vector<Row>{{"Ruiz", "the delay was necessary.", "Mayor", kReported}}));
}

TEST_F(QuotesTest, QuoteTakesTheSpeakerOfTheQuoteRightAfterIt) {
  EXPECT_EQ(Rows("Mayor Ada Ruiz visited the dam. \"We will rebuild it. Every family counts.\" "
                 "\"That is the plan,\" she said later.\n"),
            (std::vector<Row>{{"Ada Ruiz", "We will rebuild it. Every family counts.", "", kDirect},
                              {"Ada Ruiz", "That is the plan", "", kDirect}}));
  // Not across a sentence of the narrative.
  EXPECT_EQ(Rows("\"We will rebuild it.\" The mayor left. \"That is the plan,\" Ruiz said.\n"),
            (std::vector<Row>{{"Ruiz", "That is the plan", "", kDirect}}));
}

TEST_F(QuotesTest, TitleBeforeAPossessiveNamesThePerson) {
  EXPECT_EQ(Rows("The list grew on President Ortiz's watch. \"We will mourn,\" Ortiz said. "
                 "Instead, the president said, \"we will stand united.\"\n"),
            (std::vector<Row>{{"Ortiz", "We will mourn", "", kDirect},
                              {"Ortiz", "we will stand united.", "", kDirect}}));
}

TEST_F(QuotesTest, InfinitiveIsNoPlaceOfSaying) {
  // "vowed to respond ... to what he called": no clause opens at "he".
  EXPECT_EQ(Rows("Mayor Ruiz vowed to respond forcefully to what he called a sad day.\n"),
            (std::vector<Row>{}));
}

TEST_F(QuotesTest, WhatHeSaidIsNoClause) {
  EXPECT_EQ(Rows("Mayor Ruiz has often mourned what he has said is a national failure.\n"),
            (std::vector<Row>{}));
}

TEST_F(QuotesTest, NamingVerbReachesPastAPlace) {
  EXPECT_EQ(Rows("Mayor Ruiz called the flood in Orlando, Fla., an \"act of God\".\n"),
            (std::vector<Row>{{"Ruiz", "act of God", "Mayor", kPartial}}));
}

TEST_F(QuotesTest, PoliceInAnOrganizationsName) {
  EXPECT_EQ(Rows("The Capitol Police said in a statement that the officer acted lawfully.\n"),
            (std::vector<Row>{{"Capitol Police", "the officer acted lawfully.", "", kReported}}));
  // Alone, "police" are an unnamed group.
  EXPECT_EQ(Rows("Police said the man was armed.\n"), (std::vector<Row>{}));
}

TEST_F(QuotesTest, PartyTagWithAPeriodBetweenCommas) {
  EXPECT_EQ(
      Rows("Mitch Ollen, R-Ky., said the party would not stand for it.\n"),
      (std::vector<Row>{{"Mitch Ollen", "the party would not stand for it.", "", kReported}}));
}

TEST_F(QuotesTest, DateAfterTheVerbIsATime) {
  EXPECT_EQ(Rows("\"The money is unspent,\" Senator Ada Ruiz said Feb. 21 on the radio.\n"),
            (std::vector<Row>{{"Ada Ruiz", "The money is unspent", "Senator", kDirect}}));
  EXPECT_EQ(Rows("Ruiz said Feb. 21 that the dam would open.\n"),
            (std::vector<Row>{{"Ruiz", "the dam would open.", "", kReported}}));
}

TEST_F(QuotesTest, NameBeforeAGroupWordIsNoSubject) {
  EXPECT_EQ(Rows("Seven Harbour Police officers filed a lawsuit on Thursday, alleging they were "
                 "misled.\n"),
            (std::vector<Row>{}));
}

TEST_F(QuotesTest, AdverbsBetweenTheSubjectAndTheVerb) {
  EXPECT_EQ(Rows("At a briefing, President Ada Ruiz even acknowledged that the dam was late.\n"),
            (std::vector<Row>{{"Ada Ruiz", "the dam was late.", "President", kReported}}));
}

TEST_F(QuotesTest, NameBeforeAppositionsEndsADescription) {
  EXPECT_EQ(Rows("Senior IOC member Marc Holt, who heads the panel, said the fund was a bribe.\n"),
            (std::vector<Row>{{"Marc Holt", "the fund was a bribe.", "", kReported}}));
  EXPECT_EQ(Rows("He cited a sketch in which the comedian Jon Steed, a longtime friend, had joked "
                 "that the photo was fake.\n"),
            (std::vector<Row>{{"Jon Steed", "the photo was fake.", "longtime friend", kReported}}));
  // An apposition opening with "the" is no name's description.
  EXPECT_EQ(
      Rows("Ada Ruiz, the former Olympian, reality star and activist, said she is running.\n"),
      (std::vector<Row>{{"Ada Ruiz", "she is running.", "former Olympian", kReported}}));
}

TEST_F(QuotesTest, WhoAfterAnAppositionIsTheNameBeforeIt) {
  EXPECT_EQ(Rows("The drive was led by state Sen. Kermit Brash, a supporter of the penalty who "
                 "said he wants it applied fairly.\n"),
            (std::vector<Row>{{"Kermit Brash", "he wants it applied fairly.", "Sen.", kReported}}));
}

TEST_F(QuotesTest, StatementSayingSpeaksForItsAuthor) {
  EXPECT_EQ(
      Rows("Mayor Ada Ruiz left. She issued a statement over the weekend saying she had never "
           "met him.\n"),
      (std::vector<Row>{{"Ada Ruiz", "she had never met him.", "", kReported}}));
  EXPECT_EQ(Rows("The Harbour Trust released a report on Monday saying the pier was unsafe.\n"),
            (std::vector<Row>{{"Harbour Trust", "the pier was unsafe.", "", kReported}}));
}

TEST_F(QuotesTest, ItMeansTheBodyThatSpokeOpeningTheSentenceBefore) {
  EXPECT_EQ(Rows("Ostland had demanded that Norland close the camps. It also demanded that Norland "
                 "expel their leader.\n"),
            (std::vector<Row>{{"Ostland", "Norland close the camps.", "", kReported},
                              {"Ostland", "Norland expel their leader.", "", kReported}}));
  // Not a person, nor a body that did not speak, nor one further back.
  EXPECT_EQ(Rows("Mayor Ada Ruiz spoke. It said the dam was safe.\n"), (std::vector<Row>{}));
  EXPECT_EQ(Rows("The Harbour Trust met. It said the dam was safe.\n"), (std::vector<Row>{}));
  EXPECT_EQ(Rows("The Harbour Trust said the dam was old. The river rose. It said the dam was "
                 "safe.\n"),
            (std::vector<Row>{{"Harbour Trust", "the dam was old.", "", kReported}}));
}

// '"...," said the' with the paragraph ending before the unnamed speaker's
// noun: nothing is read past the paragraph's last token (a crash once, on
// lower-cased Multi-News+ text).
TEST_F(QuotesTest, UnnamedSpeakerCutOffAtParagraphEnd) {
  for (const char* text :
       {"\"we will win,\" said the\n", "\"we will win,\" said the official\n",
        "\"we will win,\" said a\n", "\"we will win,\" said the\n\nnext paragraph.\n",
        "\"we will win,\" officials\n", "\"we will win\" said the two\n"}) {
    const std::vector<Row> rows = Rows(text);
    for (const Row& r : rows) EXPECT_EQ(std::get<1>(r).find('\n'), std::string::npos) << text;
  }
  EXPECT_EQ(Rows("\"We will win,\" said the official.\n"), (std::vector<Row>{}));
}

// ---- The gold set ------------------------------------------------------------

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// file -> (speaker, first words), from a gold file.
using GoldSet = std::map<std::string, std::multiset<std::pair<std::string, std::string>>>;

// Gold quotes are keyed by QuoteKey (eval/quote_score.h): the first six
// normalized words, hashed; the gold files of real reports store only the
// hash ("fnv:..."), so no article text enters the repository.
GoldSet ReadGold(const fs::path& path, size_t* count) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  GoldSet gold;
  std::string line;
  *count = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string file, speaker, words;
    EXPECT_TRUE(std::getline(fields, file, '\t') && std::getline(fields, speaker, '\t') &&
                std::getline(fields, words))
        << line;
    const std::string key = words.starts_with("fnv:") ? words.substr(4) : QuoteKey(words);
    gold[file].insert({speaker, key});
    ++*count;
  }
  return gold;
}

struct Score {
  size_t extracted = 0, correct = 0, gold = 0;
  double precision() const { return extracted == 0 ? 0.0 : double(correct) / double(extracted); }
  double recall() const { return gold == 0 ? 0.0 : double(correct) / double(gold); }
};

// Counts the quotes of `doc` against the gold labels of `file`, printing the
// differences.
void ScoreDocument(const QuoteExtractor& quotes, const std::string& file, const Document& doc,
                   const std::multiset<std::pair<std::string, std::string>>& expected,
                   Score* score) {
  std::multiset<std::pair<std::string, std::string>> unmatched = expected;
  for (const Quote& q : quotes.Extract(doc)) {
    ++score->extracted;
    const std::string key = QuoteKey(q.span.Slice(doc.text));
    auto it = unmatched.find({q.speaker, key});
    if (it != unmatched.end()) {
      ++score->correct;
      unmatched.erase(it);
    } else {
      std::printf("  extra  %s\t%s\t%s\n", file.c_str(), q.speaker.c_str(),
                  std::string(q.span.Slice(doc.text).substr(0, 60)).c_str());
    }
  }
  for (const auto& [speaker, key] : unmatched) {
    std::printf("  missed %s\t%s\t%s\n", file.c_str(), speaker.c_str(), key.c_str());
  }
}

TEST_F(QuotesTest, GoldSetPrecisionAndRecall) {
  Score score;
  const GoldSet gold =
      ReadGold(fs::path(DOSSIER_TESTDATA_DIR) / "quotes" / "gold.tsv", &score.gold);
  ASSERT_GE(gold.size(), 6u);
  for (const auto& [file, expected] : gold) {
    fs::path path = fs::path(DOSSIER_SOURCE_DIR) / "examples" / "harbor-bridge" / file;
    if (!fs::exists(path)) path = fs::path(DOSSIER_TESTDATA_DIR) / "quotes" / file;
    ASSERT_TRUE(fs::exists(path)) << path;
    ScoreDocument(*quotes_, file, Analyze(ReadFile(path)), expected, &score);
  }
  std::printf("quote attribution: precision %.3f recall %.3f over %zu gold quotes\n",
              score.precision(), score.recall(), score.gold);
  EXPECT_GE(score.precision(), 0.95);
  EXPECT_GE(score.recall(), 0.9);
}

// The same on real reports from the shared data, labelled by hand: "FILE" or
// "FILE#ID#N" (document N of the record with that id) under the shared data.
Score ScoreSharedGold(const std::string& gold_file) {
  const fs::path shared = DOSSIER_SHARED_DATA;
  Result<Pipeline> pipeline = Pipeline::Create({});
  Result<QuoteExtractor> quotes = QuoteExtractor::Create("");
  EXPECT_TRUE(pipeline.ok() && quotes.ok());
  Pipeline::Scratch scratch = pipeline->NewScratch();
  Score score;
  const GoldSet gold = ReadGold(fs::path(DOSSIER_TESTDATA_DIR) / "quotes" / gold_file, &score.gold);
  std::map<std::string, std::map<std::string, Cluster>> inputs;  // file -> id -> cluster
  for (const auto& [name, expected] : gold) inputs[name.substr(0, name.find('#'))];
  for (auto& entry : inputs) {
    // (A named variable, not a structured binding: clang 14 cannot capture those.)
    std::map<std::string, Cluster>& clusters = entry.second;
    ReadInputs(
        {(shared / entry.first).string()}, {},
        [&](Cluster&& c) {
          pipeline->Analyze(&c, &scratch);
          std::string id = c.id;
          clusters.emplace(std::move(id), std::move(c));
        },
        nullptr);
    EXPECT_FALSE(clusters.empty()) << entry.first;
  }
  for (const auto& [name, expected] : gold) {
    const size_t hash = name.find('#');
    const auto& clusters = inputs[name.substr(0, hash)];
    if (clusters.empty()) continue;
    const Document* doc = &clusters.begin()->second.documents.at(0);
    if (hash != std::string::npos) {
      const size_t second = name.find('#', hash + 1);
      auto it = clusters.find(name.substr(hash + 1, second - hash - 1));
      EXPECT_NE(it, clusters.end()) << name;
      if (it == clusters.end()) continue;
      doc = &it->second.documents.at(std::stoul(name.substr(second + 1)));
    }
    ScoreDocument(*quotes, name, *doc, expected, &score);
  }
  std::printf(
      "quote attribution on %s: precision %.3f recall %.3f over %zu gold quotes in %zu "
      "documents\n",
      gold_file.c_str(), score.precision(), score.recall(), score.gold, gold.size());
  return score;
}

bool HaveSharedData() {
  const fs::path shared = DOSSIER_SHARED_DATA;
  return fs::is_directory(shared / "seeds") && fs::exists(shared / "multinews" / "dev.jsonl");
}

TEST(QuotesSharedDataTest, GoldSetOnRealReports) {
  if (!HaveSharedData()) GTEST_SKIP() << "shared data not found at " << DOSSIER_SHARED_DATA;
  const Score score = ScoreSharedGold("gold-shared.tsv");
  EXPECT_GE(score.gold, 40u);
  // 0.92, not 0.95: this set was labelled before docs/QUOTES.md and leaves
  // out fragments after a naming verb ('Putin described Assad's army as a
  // "natural ally"'), which QUOTES.md labels as direct quotes (its own
  // example: 'Obama called ISIS a "scourge"') and the extractor now gives.
  EXPECT_GE(score.precision(), 0.92);
  EXPECT_GE(score.recall(), 0.85);
}

// Labelled after the rules were last changed: the figure to quote.
TEST(QuotesSharedDataTest, HeldOutGoldSet) {
  if (!HaveSharedData()) GTEST_SKIP() << "shared data not found at " << DOSSIER_SHARED_DATA;
  const Score score = ScoreSharedGold("gold-shared-heldout.tsv");
  EXPECT_GE(score.gold, 20u);
  EXPECT_GE(score.precision(), 0.5);
  EXPECT_GE(score.recall(), 0.3);
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

// Over real reports: every quote lies inside its document, has a speaker,
// and the seed cluster's main voices are found.
TEST(QuotesSharedDataTest, SeedAndDevDocumentsGiveWellFormedQuotes) {
  const std::string seeds = DOSSIER_SHARED_DATA "/seeds";
  const std::string dev = DOSSIER_SHARED_DATA "/multinews/dev.jsonl";
  if (!std::filesystem::is_directory(seeds) || !std::filesystem::exists(dev)) {
    GTEST_SKIP() << "shared data not found at " << DOSSIER_SHARED_DATA;
  }
  Result<Pipeline> pipeline = Pipeline::Create({});
  Result<QuoteExtractor> extractor = QuoteExtractor::Create("");
  ASSERT_TRUE(pipeline.ok() && extractor.ok());
  Pipeline::Scratch scratch = pipeline->NewScratch();
  std::set<std::string> seed_speakers;
  size_t quotes = 0;
  for (const std::string& path : {seeds, dev}) {
    ReadInputs(
        {path}, {},
        [&](Cluster&& c) {
          pipeline->Analyze(&c, &scratch);
          for (const Document& d : c.documents) {
            for (const Quote& q : extractor->Extract(d)) {
              ++quotes;
              EXPECT_LE(q.span.end, d.text.size());
              EXPECT_LT(q.span.begin, q.span.end);
              EXPECT_FALSE(q.speaker.empty());
              EXPECT_LT(q.sentence, d.sentences.size());
              if (path == seeds) seed_speakers.insert(q.speaker);
            }
          }
        },
        nullptr);
  }
  EXPECT_GT(quotes, 500u);
  // Names come out in their fullest form in the document ("John Kerry").
  for (std::string_view who : {"Vladimir Putin", "Francois Hollande", "Kerry", "Lavrov"}) {
    EXPECT_TRUE(std::any_of(seed_speakers.begin(), seed_speakers.end(), [&](const std::string& s) {
      return s.ends_with(who);
    })) << who;
  }
}

// The word classes come from data/<language>/quote_words.txt: a data folder
// holding a changed copy changes what the extractor finds.
class QuotesDataTest : public TempDirTest {
 protected:
  // The built-in en/quote_words.txt with `extra` lines added, in dir_.
  void AddQuoteWords(const std::string& extra) {
    Result<std::string> words = ReadDataFile("", "en/quote_words.txt");
    ASSERT_TRUE(words.ok()) << words.status().ToString();
    Write("en/quote_words.txt", *words + extra);
  }
  // (speaker, quoted text) of every quote of `text`.
  static std::vector<std::pair<std::string, std::string>> Quotes(const std::string& data_dir,
                                                                 const std::string& text) {
    Result<Pipeline> pipeline = Pipeline::Create({});
    Result<QuoteExtractor> extractor = QuoteExtractor::Create(data_dir);
    EXPECT_TRUE(pipeline.ok() && extractor.ok());
    if (!pipeline.ok() || !extractor.ok()) return {};
    const Document doc = AnalyzedDocument(*pipeline, text);
    std::vector<std::pair<std::string, std::string>> out;
    for (const Quote& q : extractor->Extract(doc)) {
      out.emplace_back(q.speaker, std::string(q.span.Slice(doc.text)));
    }
    return out;
  }
};

// A quoted fragment is a partial quote, not a statement of its own.
TEST_F(QuotesTest, FragmentAfterANamingVerbIsPartial) {
  EXPECT_EQ(Rows("Mayor Elena Duarte called the flood a \"disaster for the valley\" on Monday.\n"),
            (std::vector<Row>{{"Elena Duarte", "disaster for the valley", "Mayor", kPartial}}));
}

TEST_F(QuotesTest, FragmentAfterAsIsPartial) {
  EXPECT_EQ(Rows("Raj Patel described the plan as \"too slow\".\n"),
            (std::vector<Row>{{"Raj Patel", "too slow", "", kPartial}}));
}

TEST_F(QuotesTest, FragmentThatWordsFollowIsPartial) {
  EXPECT_EQ(Rows("Lena Ortiz told reporters \"the repairs are on time\" before she left.\n"),
            (std::vector<Row>{{"Lena Ortiz", "the repairs are on time", "", kPartial}}));
}

TEST_F(QuotesTest, WholeQuotesStayDirect) {
  EXPECT_EQ(
      Rows("\"We will rebuild the pier,\" Mayor Elena Duarte said. Raj Patel said: \"The "
           "ferries run. The bridge does not.\"\n"),
      (std::vector<Row>{{"Elena Duarte", "We will rebuild the pier", "Mayor", kDirect},
                        {"Raj Patel", "The ferries run. The bridge does not.", "", kDirect}}));
}

TEST_F(QuotesTest, AReportedClauseHoldingAFragmentStaysReported) {
  EXPECT_EQ(Rows("Hollis Brandt said the cables were \"far too old\" to trust.\n"),
            (std::vector<Row>{
                {"Hollis Brandt", "the cables were \"far too old\" to trust.", "", kReported}}));
}

TEST_F(QuotesTest, QuoteKindNames) {
  EXPECT_STREQ(QuoteKindName(kDirect), "direct");
  EXPECT_STREQ(QuoteKindName(kPartial), "partial");
}

TEST_F(QuotesDataTest, ASourcePhraseOfTheDataFolderAttributes) {
  const std::string text = "The pier will reopen in May, in the words of Elena Duarte.\n";
  EXPECT_TRUE(Quotes("", text).empty());
  AddQuoteWords("in the words of | source_phrase\n");
  using Pair = std::pair<std::string, std::string>;
  EXPECT_EQ(Quotes(dir_.string(), text),
            (std::vector<Pair>{{"Elena Duarte", "The pier will reopen in May"}}));
  // "according to" is still there.
  EXPECT_EQ(Quotes(dir_.string(), "The pier will reopen, according to Elena Duarte.\n"),
            (std::vector<Pair>{{"Elena Duarte", "The pier will reopen"}}));
}

TEST_F(QuotesDataTest, AGroupWordOfTheDataFolderNamesNobody) {
  const std::string text = "Ostvik ferry crews waited.\n\nCommuters said the bridge was unsafe.\n";
  const auto builtin = Quotes("", text);
  ASSERT_EQ(builtin.size(), 1u);
  EXPECT_EQ(builtin[0].first, "Commuters");
  AddQuoteWords("commuters | not_a_name\n");
  EXPECT_TRUE(Quotes(dir_.string(), text).empty());
}

TEST_F(QuotesDataTest, ALanguageWithoutItsListsIsNotFound) {
  Result<QuoteExtractor> none = QuoteExtractor::Create("", "xx");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
  Write("en/quote_words.txt", "the | nonsense\n");
  Result<QuoteExtractor> bad = QuoteExtractor::Create(dir_.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dossier
