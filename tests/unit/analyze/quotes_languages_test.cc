// Who said what in German, French, Spanish, Italian, Portuguese and Russian:
// QuoteExtractor with each language's lists (data/<language>/), on
// sentences written for these tests.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "../data_folder.h"
#include "../temp_dir.h"
#include "analyze/quotes.h"
#include "analyzed_text.h"
#include "dossier/pipeline.h"
#include "util/data_files.h"

namespace dossier {
namespace {

constexpr Quote::Kind kDirect = Quote::Kind::kDirect;
constexpr Quote::Kind kReported = Quote::Kind::kReported;
constexpr Quote::Kind kPartial = Quote::Kind::kPartial;

// (speaker, quoted text, kind) of a quote; the role is checked apart.
using Row = std::tuple<std::string, std::string, Quote::Kind>;
using Rows = std::vector<Row>;

class QuotesLanguagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = new Pipeline(std::move(*p));
    extractors_ = new std::map<std::string, QuoteExtractor>();
    for (const char* lang : {"de", "fr", "es", "it", "pt", "ru"}) {
      Result<QuoteExtractor> q = QuoteExtractor::Create("", lang);
      ASSERT_TRUE(q.ok()) << lang << ": " << q.status().ToString();
      extractors_->emplace(lang, std::move(*q));
    }
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    delete extractors_;
  }

  static std::vector<Quote> Extract(const std::string& lang, const std::string& text,
                                    Document* doc) {
    *doc = AnalyzedDocument(*pipeline_, text);
    return extractors_->at(lang).Extract(*doc);
  }
  static Rows Of(const std::string& lang, const std::string& text) {
    Document doc;
    Rows rows;
    for (const Quote& q : Extract(lang, text, &doc)) {
      rows.emplace_back(q.speaker, std::string(q.span.Slice(doc.text)), q.kind);
    }
    return rows;
  }
  // The role of the only quote of `text`.
  static std::string RoleOf(const std::string& lang, const std::string& text) {
    Document doc;
    const std::vector<Quote> quotes = Extract(lang, text, &doc);
    return quotes.size() == 1 ? quotes[0].role : "(" + std::to_string(quotes.size()) + " quotes)";
  }

  static Pipeline* pipeline_;
  static std::map<std::string, QuoteExtractor>* extractors_;
};

Pipeline* QuotesLanguagesTest::pipeline_ = nullptr;
std::map<std::string, QuoteExtractor>* QuotesLanguagesTest::extractors_ = nullptr;

// --- Partial quotes: a fragment in quote marks, in any language.

TEST_F(QuotesLanguagesTest, SpanishFragmentThatWordsFollowIsPartial) {
  EXPECT_EQ(Of("es", "La alcaldesa Carmen Ruiz pidió «calma» a los vecinos del barrio.\n"),
            (Rows{{"Carmen Ruiz", "calma", kPartial}}));
  EXPECT_EQ(Of("es", "«Abriremos el puente en junio», dijo la alcaldesa Carmen Ruiz.\n"),
            (Rows{{"Carmen Ruiz", "Abriremos el puente en junio", kDirect}}));
}

TEST_F(QuotesLanguagesTest, FrenchFragmentInsideAClauseIsPartial) {
  EXPECT_EQ(Of("fr",
               "Les premiers relevés sont « encourageants », a affirmé le maire, Paul "
               "Girard.\n"),
            (Rows{{"Paul Girard", "encourageants", kPartial}}));
  EXPECT_EQ(Of("fr", "« Nous rouvrirons le pont en juin », a affirmé le maire, Paul Girard.\n"),
            (Rows{{"Paul Girard", "Nous rouvrirons le pont en juin", kDirect}}));
}

// A fragment after a French naming verb ("juge", "qualifie", "dénonce") is
// the words of the verb's subject; "le juge" before a name stays a title.
TEST_F(QuotesLanguagesTest, FrenchFragmentAfterANamingVerbIsPartial) {
  EXPECT_EQ(Of("fr",
               "La maire de Sens, Julie Caron, juge ce dispositif « insuffisant pour les "
               "lycéens ».\n"),
            (Rows{{"Julie Caron", "insuffisant pour les lycéens", kPartial}}));
  EXPECT_EQ(Of("fr", "Paul Mercier qualifie la décision d'« injuste ».\n"),
            (Rows{{"Paul Mercier", "injuste", kPartial}}));
  EXPECT_EQ(Of("fr", "Le juge Paul Renaud a estimé que la procédure était régulière.\n"),
            (Rows{{"Paul Renaud", "la procédure était régulière.", kReported}}));
}

// A Russian body noun of the masculine or neuter in an oblique case speaks
// in its dictionary form: the ending is dropped ("в аэропорту": "аэропорт")
// or changed ("министерства": "министерство").
TEST_F(QuotesLanguagesTest, RussianMasculineBodyNounsSpeakInTheNominative) {
  EXPECT_EQ(Of("ru", "Очередь на вокзале исчезла к обеду, уточнили в аэропорту.\n"),
            (Rows{{"аэропорт", "Очередь на вокзале исчезла к обеду", kReported}}));
  EXPECT_EQ(Of("ru", "По данным областного минздрава, в больнице остаются трое.\n"),
            (Rows{{"минздрав", "в больнице остаются трое.", kReported}}));
  EXPECT_EQ(Of("ru", "По данным министерства финансов края, дефицит сократился.\n"),
            (Rows{{"министерство финансов края", "дефицит сократился.", kReported}}));
  EXPECT_EQ(Of("ru", "Как сообщили в штабе, дорогу откроют к вечеру.\n"),
            (Rows{{"штаб", "дорогу откроют к вечеру.", kReported}}));
}

// A fragment after a Russian naming verb ("назвал", "называет") is the
// words of the verb's subject.
TEST_F(QuotesLanguagesTest, RussianFragmentAfterANamingVerbIsPartial) {
  EXPECT_EQ(Of("ru", "Учительница Анна Белова назвала решение мэрии «ошибкой».\n"),
            (Rows{{"Анна Белова", "ошибкой", kPartial}}));
  EXPECT_EQ(Of("ru",
               "Водитель Петр Ильин, который вез детей, назвал ремонт моста «пустой "
               "тратой денег».\n"),
            (Rows{{"Петр Ильин", "пустой тратой денег", kPartial}}));
}

// A Russian given name in an oblique case is a given name ("по словам
// губернатора области Андрея Воронцова": the description, then the name).
TEST_F(QuotesLanguagesTest, RussianGivenNameInAnObliqueCase) {
  EXPECT_EQ(Of("ru",
               "По словам губернатора Тверской области Сергея Лаптева, мост откроют в "
               "мае.\n"),
            (Rows{{"Сергея Лаптева", "мост откроют в мае.", kReported}}));
  EXPECT_EQ(Of("ru", "По словам главного врача больницы Елены Зуевой, мест хватает.\n"),
            (Rows{{"Елены Зуевой", "мест хватает.", kReported}}));
  // The title that opens the description is shown in the nominative.
  EXPECT_EQ(RoleOf("ru", "По словам губернатора Тверской области Сергея Лаптева, мост готов.\n"),
            "губернатор Тверской области");
}

// A time word between the verb and the name after a quotation: "— заявил
// вчера гендиректор компании Максим Ершов".
TEST_F(QuotesLanguagesTest, RussianTimeWordBetweenTheVerbAndTheName) {
  EXPECT_EQ(Of("ru", "«Мост откроют в мае», — заявил вчера директор завода Павел Орлов.\n"),
            (Rows{{"Павел Орлов", "Мост откроют в мае", kDirect}}));
  EXPECT_EQ(Of("ru", "«Мост откроют в мае», — сказала сегодня Анна Соколова.\n"),
            (Rows{{"Анна Соколова", "Мост откроют в мае", kDirect}}));
}

// A title alone before the verb refers back, as after it ("Губернатор
// сообщил, что": the governor named before).
TEST_F(QuotesLanguagesTest, RussianTitleAndWhatItHeadsAfterTheVerb) {
  EXPECT_EQ(Of("ru",
               "Губернатор Павел Орлов приехал в Заречье. «Мост откроют в мае», — подчеркнул "
               "глава региона.\n"),
            (Rows{{"Павел Орлов", "Мост откроют в мае", kDirect}}));
  // A time after the title is no part of it.
  EXPECT_EQ(Of("ru",
               "Губернатор Павел Орлов приехал в Заречье. «Мост откроют в мае», — сказал "
               "губернатор вчера.\n"),
            (Rows{{"Павел Орлов", "Мост откроют в мае", kDirect}}));
}

TEST_F(QuotesLanguagesTest, RussianTitleAloneBeforeTheVerb) {
  EXPECT_EQ(Of("ru",
               "Губернатор Павел Орлов приехал в Заречье. Губернатор сообщил, что мост "
               "откроют в мае.\n"),
            (Rows{{"Павел Орлов", "мост откроют в мае.", kReported}}));
}

// A body after the verb speaks though a capitalized adjective opens its name
// ("сообщили в Уральской транспортной прокуратуре").
TEST_F(QuotesLanguagesTest, RussianNameAloneAfterVSpeaksAsABody) {
  EXPECT_EQ(Of("ru", "В Минтрансе сообщили, что мост откроют в мае.\n"),
            (Rows{{"Минтрансе", "мост откроют в мае.", kReported}}));
  EXPECT_EQ(Of("ru", "Мост откроют в мае, уточнили в Ростехнадзоре.\n"),
            (Rows{{"Ростехнадзоре", "Мост откроют в мае", kReported}}));
}

// A company's trade before its name in quotation marks is a name, no quote
// that words follow ("авиакомпании «Уралэйр» в аэропорту").
TEST_F(QuotesLanguagesTest, RussianTradeNounAndQuotedNameAreAName) {
  EXPECT_EQ(Of("ru",
               "Число пассажиров, пострадавших при вчерашней аварийной посадке самолета "
               "авиакомпании «Северавиа» в аэропорту Тулы, выросло до пяти, сообщили в "
               "прокуратуре.\n"),
            (Rows{{"прокуратура",
                   "Число пассажиров, пострадавших при вчерашней аварийной посадке "
                   "самолета авиакомпании «Северавиа» в аэропорту Тулы, выросло до "
                   "пяти",
                   kReported}}));
}

TEST_F(QuotesLanguagesTest, RussianBodyAfterACapitalizedAdjective) {
  EXPECT_EQ(Of("ru", "Мост закрыт до мая, сообщили в Тверской областной администрации.\n"),
            (Rows{{"администрация", "Мост закрыт до мая", kReported}}));
}

TEST_F(QuotesLanguagesTest, RussianFragmentThatWordsFollowIsPartial) {
  EXPECT_EQ(Of("ru", "Мэр Олег Смирнов сказал «спасибо» всем спасателям.\n"),
            (Rows{{"Олег Смирнов", "спасибо", kPartial}}));
  EXPECT_EQ(Of("ru", "«Мост откроют в июне», — сказал мэр Олег Смирнов.\n"),
            (Rows{{"Олег Смирнов", "Мост откроют в июне", kDirect}}));
}

// --- German

TEST_F(QuotesLanguagesTest, GermanSagteAfterLowQuote) {
  EXPECT_EQ(Of("de", "„Wir werden die Schuldenbremse einhalten“, sagte Lindner.\n"),
            (Rows{{"Lindner", "Wir werden die Schuldenbremse einhalten", kDirect}}));
}

TEST_F(QuotesLanguagesTest, GermanGuillemetsAndTitle) {
  const std::string text = "»Das ist ein guter Tag«, sagte Bundeskanzler Olaf Scholz.\n";
  EXPECT_EQ(Of("de", text), (Rows{{"Olaf Scholz", "Das ist ein guter Tag", kDirect}}));
  EXPECT_EQ(RoleOf("de", text), "Bundeskanzler");
}

TEST_F(QuotesLanguagesTest, GermanColonBeforeQuote) {
  EXPECT_EQ(Of("de", "Finanzminister Christian Lindner sagte: „Die Lage ist ernst.“\n"),
            (Rows{{"Christian Lindner", "Die Lage ist ernst.", kDirect}}));
}

TEST_F(QuotesLanguagesTest, GermanPerfectWithParticipleLast) {
  EXPECT_EQ(Of("de", "Olaf Scholz hat am Montag gesagt: „Wir stehen zusammen.“\n"),
            (Rows{{"Olaf Scholz", "Wir stehen zusammen.", kDirect}}));
}

TEST_F(QuotesLanguagesTest, GermanSoAfterQuote) {
  EXPECT_EQ(Of("de", "„Das reicht nicht“, so Lindner.\n"),
            (Rows{{"Lindner", "Das reicht nicht", kDirect}}));
}

TEST_F(QuotesLanguagesTest, GermanPronounAfterVerb) {
  EXPECT_EQ(Of("de",
               "Annalena Baerbock reiste am Dienstag nach Kiew.\n\n"
               "„Wir bleiben an Ihrer Seite“, sagte sie.\n"),
            (Rows{{"Annalena Baerbock", "Wir bleiben an Ihrer Seite", kDirect}}));
}

TEST_F(QuotesLanguagesTest, GermanHonorificDropped) {
  EXPECT_EQ(Of("de", "„Ich trete zurück“, sagte Frau Müller.\n"),
            (Rows{{"Müller", "Ich trete zurück", kDirect}}));
}

TEST_F(QuotesLanguagesTest, GermanReportedWithComma) {
  EXPECT_EQ(Of("de", "Lindner sagte, die Lage sei ernst.\n"),
            (Rows{{"Lindner", "die Lage sei ernst.", kReported}}));
  EXPECT_EQ(Of("de", "Scholz erklärte, dass die Regierung handeln werde.\n"),
            (Rows{{"Scholz", "die Regierung handeln werde.", kReported}}));
}

TEST_F(QuotesLanguagesTest, GermanReportedBeforeInvertedVerb) {
  EXPECT_EQ(Of("de", "Die Lage sei ernst, sagte Lindner.\n"),
            (Rows{{"Lindner", "Die Lage sei ernst", kReported}}));
}

TEST_F(QuotesLanguagesTest, GermanParticlesInsideAName) {
  EXPECT_EQ(Of("de", "„Das ist gut“, erklärte Ursula von der Leyen.\n"),
            (Rows{{"Ursula von der Leyen", "Das ist gut", kDirect}}));
}

TEST_F(QuotesLanguagesTest, GermanDassAfterWhenAndWhere) {
  EXPECT_EQ(Of("de", "Friedrich Merz erklärte am Dienstag in Berlin, dass die Union zustimme.\n"),
            (Rows{{"Friedrich Merz", "die Union zustimme.", kReported}}));
}

TEST_F(QuotesLanguagesTest, GermanLautWithTheVerbSecond) {
  EXPECT_EQ(Of("de", "Laut Lindner ist die Lage ernst.\n"),
            (Rows{{"Lindner", "ist die Lage ernst.", kReported}}));
}

TEST_F(QuotesLanguagesTest, GermanCompoundRoleBeforeAGivenName) {
  const std::string text = "„Jetzt geht es um die Verletzten“, sagte Hafensenatorin Anna Keller.\n";
  EXPECT_EQ(Of("de", text), (Rows{{"Anna Keller", "Jetzt geht es um die Verletzten", kDirect}}));
  EXPECT_EQ(RoleOf("de", text), "Hafensenatorin");
}

TEST_F(QuotesLanguagesTest, GermanSeparableVerbWithItsParticleLast) {
  EXPECT_EQ(Of("de", "Die Brücke bleibe gesperrt, teilte das Bauamt Süd am Freitag mit.\n"),
            (Rows{{"Bauamt Süd", "Die Brücke bleibe gesperrt", kReported}}));
  EXPECT_EQ(Of("de",
               "„Der Zug fährt wieder“, sagte Bahnsprecherin Petra Albers. "
               "„Die Strecke ist frei“, fügte sie hinzu.\n"),
            (Rows{{"Petra Albers", "Der Zug fährt wieder", kDirect},
                  {"Petra Albers", "Die Strecke ist frei", kDirect}}));
  EXPECT_EQ(Of("de", "Bürgermeister Jonas Falk fügte hinzu: „Wir bauen neu.“\n"),
            (Rows{{"Jonas Falk", "Wir bauen neu.", kDirect}}));
  // "teilte ... mit" with other words after the particle is no attribution.
  EXPECT_EQ(Of("de", "Jonas Falk teilte das Brot mit seinen Gästen.\n"), Rows{});
}

TEST_F(QuotesLanguagesTest, GermanTimeAfterTheInvertedSubject) {
  EXPECT_EQ(Of("de", "„Wir sind bereit“, sagte Trainerin Mara Lenz am Sonntag.\n"),
            (Rows{{"Mara Lenz", "Wir sind bereit", kDirect}}));
  EXPECT_EQ(Of("de", "Bürgermeister Jonas Falk sagte am Montag, man werde neu bauen.\n"),
            (Rows{{"Jonas Falk", "man werde neu bauen.", kReported}}));
}

TEST_F(QuotesLanguagesTest, GermanTitleAfterTheVerbMeansTheCompoundRoleNamedBefore) {
  EXPECT_EQ(Of("de",
               "Schulsenatorin Petra Albers besuchte am Morgen die Schule. "
               "„Wir helfen sofort“, sagte die Senatorin.\n"),
            (Rows{{"Petra Albers", "Wir helfen sofort", kDirect}}));
}

TEST_F(QuotesLanguagesTest, GermanKonjunktivAfterAQuoteIsItsSpeakersReportedSpeech) {
  EXPECT_EQ(Of("de",
               "„Die Strecke ist frei“, sagte Bahnsprecherin Petra Albers am Morgen. "
               "Die Züge fahren ab Mittag. Die Reparatur habe vier Stunden gedauert.\n"),
            (Rows{{"Petra Albers", "Die Strecke ist frei", kDirect}}));
  EXPECT_EQ(Of("de",
               "„Die Strecke ist frei“, sagte Bahnsprecherin Petra Albers am Morgen. "
               "Die Reparatur habe vier Stunden gedauert. Die Züge fahren ab Mittag.\n"),
            (Rows{{"Petra Albers", "Die Strecke ist frei", kDirect},
                  {"Petra Albers", "Die Reparatur habe vier Stunden gedauert.", kReported}}));
  // In the next paragraph, or with no quote before it: nobody's.
  EXPECT_EQ(Of("de",
               "„Die Strecke ist frei“, sagte Bahnsprecherin Petra Albers am Morgen.\n\n"
               "Die Reparatur habe vier Stunden gedauert.\n"),
            (Rows{{"Petra Albers", "Die Strecke ist frei", kDirect}}));
}

TEST_F(QuotesLanguagesTest, GermanSeparableVerbAsAParticiple) {
  EXPECT_EQ(Of("de", "Das Bauamt Süd hat mitgeteilt, die Brücke bleibe gesperrt.\n"),
            (Rows{{"Bauamt Süd", "die Brücke bleibe gesperrt.", kReported}}));
}

TEST_F(QuotesLanguagesTest, GermanSprachVonNamesAFragment) {
  EXPECT_EQ(Of("de", "Bürgermeister Jonas Falk sprach von einem „guten Tag“ für die Stadt.\n"),
            (Rows{{"Jonas Falk", "guten Tag", kPartial}}));
}

TEST_F(QuotesLanguagesTest, GermanUnnamedTitleOfANamedCompanyAfterTheVerbLetsTheCompanySpeak) {
  EXPECT_EQ(
      Of("de", "Die Lieferungen seien gesichert, sagte ein Sprecher der Kranich Logistik GmbH.\n"),
      (Rows{{"Kranich Logistik GmbH", "Die Lieferungen seien gesichert", kReported}}));
  // A name after the comma is the speaker; no organization, nobody.
  EXPECT_EQ(Of("de",
               "„Wir liefern weiter“, sagte ein Sprecher der Kranich Logistik GmbH, Paul "
               "Brandes.\n"),
            (Rows{{"Paul Brandes", "Wir liefern weiter", kDirect}}));
  EXPECT_EQ(Of("de", "Die Lieferungen seien gesichert, sagte ein Sprecher.\n"), Rows{});
}

TEST_F(QuotesLanguagesTest, GermanKonjunktivAfterASentenceOpeningWithAPronounIsStillTheSpeakers) {
  EXPECT_EQ(Of("de",
               "„Wir sparen nicht am Personal“, sagte Werksleiter Jonas Falk. Er verwies auf "
               "die Kosten. Bis Juni wolle die Firma einen Plan vorlegen.\n"),
            (Rows{{"Jonas Falk", "Wir sparen nicht am Personal", kDirect},
                  {"Jonas Falk", "Bis Juni wolle die Firma einen Plan vorlegen.", kReported}}));
  // Not past a sentence that opens with anything else.
  EXPECT_EQ(Of("de",
               "„Wir sparen nicht am Personal“, sagte Werksleiter Jonas Falk. Die Kosten "
               "steigen. Bis Juni wolle die Firma einen Plan vorlegen.\n"),
            (Rows{{"Jonas Falk", "Wir sparen nicht am Personal", kDirect}}));
}

TEST_F(QuotesLanguagesTest, GermanKonjunktivOfAnyCommonVerbContinuesTheSpeaker) {
  EXPECT_EQ(Of("de",
               "„Wir bleiben hart“, sagte Werksleiter Jonas Falk. Die Gegenseite spiele auf "
               "Zeit.\n"),
            (Rows{{"Jonas Falk", "Wir bleiben hart", kDirect},
                  {"Jonas Falk", "Die Gegenseite spiele auf Zeit.", kReported}}));
}

TEST_F(QuotesLanguagesTest, GermanNannteNamesAFragmentThatTheKonjunktivContinues) {
  EXPECT_EQ(Of("de", "Werksleiter Jonas Falk nannte den Streik „überzogen“. Die Lage sei ernst.\n"),
            (Rows{{"Jonas Falk", "überzogen", kPartial},
                  {"Jonas Falk", "Die Lage sei ernst.", kReported}}));
}

TEST_F(QuotesLanguagesTest, GermanMeldeteWithAClauseAttributesButNotWithAnObject) {
  EXPECT_EQ(Of("de", "Die Kranich Logistik GmbH meldete, sie habe keine Fahrer mehr.\n"),
            (Rows{{"Kranich Logistik GmbH", "sie habe keine Fahrer mehr.", kReported}}));
  EXPECT_EQ(Of("de", "Die Kranich Logistik GmbH meldete einen Rekordgewinn.\n"), Rows{});
}

TEST_F(QuotesLanguagesTest, GermanAdverbBetweenTheVerbAndTheCommaIsNotReported) {
  EXPECT_EQ(Of("de", "Werksleiter Jonas Falk betonte jedoch, ein Abschluss sei nicht möglich.\n"),
            (Rows{{"Jonas Falk", "ein Abschluss sei nicht möglich.", kReported}}));
}

TEST_F(QuotesLanguagesTest, GermanVonAfterAWholeNameSaysWhereTheSpeakerIsFrom) {
  EXPECT_EQ(Of("de", "„Das dauert“, sagte der Jurist Jonas Falk von der Universität Kassel.\n"),
            (Rows{{"Jonas Falk", "Das dauert", kDirect}}));
  EXPECT_EQ(Of("de", "„Das dauert“, sagte Ministerin Ursula von der Leyen.\n"),
            (Rows{{"Ursula von der Leyen", "Das dauert", kDirect}}));
}

TEST_F(QuotesLanguagesTest, GermanCompanyNounInTheGenitiveStandsForTheCompany) {
  EXPECT_EQ(Of("de",
               "Die Kranich Logistik GmbH streicht Stellen. Nach Angaben des Unternehmens "
               "fallen zehn Fahrten aus.\n\nDer Konzern erklärte, man prüfe alles.\n"),
            (Rows{{"Kranich Logistik GmbH", "fallen zehn Fahrten aus.", kReported},
                  {"Kranich Logistik GmbH", "man prüfe alles.", kReported}}));
}

TEST_F(QuotesLanguagesTest, GermanAusAndAPlaceAfterTheSubjectSayWhereItIsFrom) {
  EXPECT_EQ(Of("de", "Die Kranich Logistik GmbH aus Baunatal teilte mit, sie habe keine Fahrer.\n"),
            (Rows{{"Kranich Logistik GmbH", "sie habe keine Fahrer.", kReported}}));
  EXPECT_EQ(Of("de", "Jonas Falk aus Kassel sagte, er sei müde.\n"),
            (Rows{{"Jonas Falk", "er sei müde.", kReported}}));
}

// --- French

TEST_F(QuotesLanguagesTest, FrenchPasseComposeInverted) {
  EXPECT_EQ(Of("fr", "« Nous ne céderons pas », a déclaré Emmanuel Macron.\n"),
            (Rows{{"Emmanuel Macron", "Nous ne céderons pas", kDirect}}));
}

TEST_F(QuotesLanguagesTest, FrenchColonBeforeQuote) {
  EXPECT_EQ(Of("fr", "Emmanuel Macron a déclaré : « La France est prête. »\n"),
            (Rows{{"Emmanuel Macron", "La France est prête.", kDirect}}));
}

TEST_F(QuotesLanguagesTest, FrenchInvertedPronounWithT) {
  EXPECT_EQ(Of("fr",
               "Emmanuel Macron était mardi à Berlin.\n\n"
               "« C'est une erreur », a-t-il dit.\n"),
            (Rows{{"Emmanuel Macron", "C'est une erreur", kDirect}}));
}

TEST_F(QuotesLanguagesTest, FrenchVerbWithPronounJoined) {
  EXPECT_EQ(Of("fr",
               "La Première ministre Élisabeth Borne a présenté le budget.\n\n"
               "« Nous avançons », déclare-t-elle.\n"),
            (Rows{{"Élisabeth Borne", "Nous avançons", kDirect}}));
}

TEST_F(QuotesLanguagesTest, FrenchSelonAfterQuote) {
  EXPECT_EQ(Of("fr", "« Le texte sera voté », selon Mme Borne.\n"),
            (Rows{{"Borne", "Le texte sera voté", kDirect}}));
}

TEST_F(QuotesLanguagesTest, FrenchHonorificM) {
  EXPECT_EQ(Of("fr", "« Je suis inquiet », a confié M. Dupont.\n"),
            (Rows{{"Dupont", "Je suis inquiet", kDirect}}));
}

TEST_F(QuotesLanguagesTest, FrenchReportedWithQue) {
  EXPECT_EQ(Of("fr", "Gabriel Attal a affirmé que le projet était prêt.\n"),
            (Rows{{"Gabriel Attal", "le projet était prêt.", kReported}}));
}

TEST_F(QuotesLanguagesTest, FrenchSelonReported) {
  EXPECT_EQ(Of("fr", "Selon Gabriel Attal, le projet sera prêt en mai.\n"),
            (Rows{{"Gabriel Attal", "le projet sera prêt en mai.", kReported}}));
}

TEST_F(QuotesLanguagesTest, FrenchDialogueDashWithIncise) {
  EXPECT_EQ(Of("fr", "— Nous resterons unis, a déclaré Gabriel Attal.\n"),
            (Rows{{"Gabriel Attal", "Nous resterons unis", kDirect}}));
}

TEST_F(QuotesLanguagesTest, FrenchTitleIsTheRole) {
  const std::string text = "« Rien n'est décidé », a précisé la ministre Rachida Dati.\n";
  EXPECT_EQ(Of("fr", text), (Rows{{"Rachida Dati", "Rien n'est décidé", kDirect}}));
}

TEST_F(QuotesLanguagesTest, FrenchSelonLuiTakesTheManNamedBefore) {
  EXPECT_EQ(Of("fr",
               "Le président Emmanuel Macron est arrivé à Bruxelles.\n\n"
               "Selon lui, la réforme est nécessaire.\n"),
            (Rows{{"Emmanuel Macron", "la réforme est nécessaire.", kReported}}));
}

TEST_F(QuotesLanguagesTest, FrenchQuotedSentenceContinuesTheSpeaker) {
  EXPECT_EQ(Of("fr", "« Je reste », a affirmé Mme Borne. « Le texte sera voté. »\n"),
            (Rows{{"Borne", "Je reste", kDirect}, {"Borne", "Le texte sera voté.", kDirect}}));
}

TEST_F(QuotesLanguagesTest, FrenchCapitalizedParticle) {
  EXPECT_EQ(Of("fr", "« C'est un échec », a déclaré Marine Le Pen.\n"),
            (Rows{{"Marine Le Pen", "C'est un échec", kDirect}}));
}

TEST_F(QuotesLanguagesTest, FrenchQuElidedBeforeTheClause) {
  EXPECT_EQ(Of("fr", "Le maire, Paul Martin, a annoncé qu'une école ouvrira en mai.\n"),
            (Rows{{"Paul Martin", "une école ouvrira en mai.", kReported}}));
  EXPECT_EQ(Of("fr", "Paul Martin a confirmé qu'il partirait.\n"),
            (Rows{{"Paul Martin", "il partirait.", kReported}}));
}

TEST_F(QuotesLanguagesTest, FrenchPlaceAfterTheInvertedSubject) {
  EXPECT_EQ(Of("fr", "« Nous tiendrons », a commenté Paul Martin à l'issue de la réunion.\n"),
            (Rows{{"Paul Martin", "Nous tiendrons", kDirect}}));
}

TEST_F(QuotesLanguagesTest, FrenchPlaceAfterOfIsNoSpeaker) {
  // "de" links a complement after a noun: not "Lyon".
  EXPECT_EQ(Of("fr", "Le tribunal de Lyon confirme que la piste est privilégiée.\n"), Rows{});
}

TEST_F(QuotesLanguagesTest, FrenchAuxiliaryBeforeABackwardAttribution) {
  EXPECT_EQ(Of("fr", "Les salariés seront payés, a précisé Paul Martin.\n"),
            (Rows{{"Paul Martin", "Les salariés seront payés", kReported}}));
  EXPECT_EQ(Of("fr", "Paul Martin est venu.\n\nLes salariés seront payés, a-t-il précisé.\n"),
            (Rows{{"Paul Martin", "Les salariés seront payés", kReported}}));
}

TEST_F(QuotesLanguagesTest, FrenchPossessiveDescriptionThenName) {
  EXPECT_EQ(Of("fr", "« Rien ne change », estime son président, Paul Martin.\n"),
            (Rows{{"Paul Martin", "Rien ne change", kDirect}}));
}

// --- Spanish

TEST_F(QuotesLanguagesTest, SpanishDijoAfterQuote) {
  EXPECT_EQ(Of("es", "“No vamos a subir los impuestos”, dijo Sánchez.\n"),
            (Rows{{"Sánchez", "No vamos a subir los impuestos", kDirect}}));
}

TEST_F(QuotesLanguagesTest, SpanishGuillemetsAndTitle) {
  const std::string text = "«La economía crece», afirmó la ministra Nadia Calviño.\n";
  EXPECT_EQ(Of("es", text), (Rows{{"Nadia Calviño", "La economía crece", kDirect}}));
}

TEST_F(QuotesLanguagesTest, SpanishColonBeforeQuote) {
  EXPECT_EQ(Of("es", "Pedro Sánchez dijo: “Es un día histórico.”\n"),
            (Rows{{"Pedro Sánchez", "Es un día histórico.", kDirect}}));
}

TEST_F(QuotesLanguagesTest, SpanishPerfectInverted) {
  EXPECT_EQ(Of("es", "“Lo haremos”, ha dicho Yolanda Díaz.\n"),
            (Rows{{"Yolanda Díaz", "Lo haremos", kDirect}}));
}

TEST_F(QuotesLanguagesTest, SpanishSegunReported) {
  EXPECT_EQ(Of("es", "Según Pedro Sánchez, el Gobierno aprobará el plan.\n"),
            (Rows{{"Pedro Sánchez", "el Gobierno aprobará el plan.", kReported}}));
}

TEST_F(QuotesLanguagesTest, SpanishSegunAfterQuoteWithHonorific) {
  EXPECT_EQ(Of("es", "“Es pronto”, según el Sr. García.\n"),
            (Rows{{"García", "Es pronto", kDirect}}));
}

TEST_F(QuotesLanguagesTest, SpanishPronounBeforeVerb) {
  EXPECT_EQ(Of("es",
               "La vicepresidenta Yolanda Díaz llegó a Madrid el martes.\n\n"
               "Ella afirmó: “Seguiremos negociando.”\n"),
            (Rows{{"Yolanda Díaz", "Seguiremos negociando.", kDirect}}));
}

TEST_F(QuotesLanguagesTest, SpanishRaya) {
  EXPECT_EQ(Of("es", "—No lo haremos —dijo Sánchez—.\n"),
            (Rows{{"Sánchez", "No lo haremos", kDirect}}));
}

TEST_F(QuotesLanguagesTest, SpanishReportedWithQue) {
  EXPECT_EQ(Of("es", "Sánchez afirmó que el plan está listo.\n"),
            (Rows{{"Sánchez", "el plan está listo.", kReported}}));
}

TEST_F(QuotesLanguagesTest, SpanishHonorificTheSentenceSplitterCut) {
  EXPECT_EQ(Of("es", "“No es cierto”, dijo la Sra. López.\n"),
            (Rows{{"López", "No es cierto", kDirect}}));
}

TEST_F(QuotesLanguagesTest, SpanishSourceWithDescriptionThenName) {
  EXPECT_EQ(Of("es", "Según el director del parque, Tomás Vidal, el fuego está controlado.\n"),
            (Rows{{"Tomás Vidal", "el fuego está controlado.", kReported}}));
  EXPECT_EQ(Of("es", "El fuego está controlado, según el director del parque, Tomás Vidal.\n"),
            (Rows{{"Tomás Vidal", "El fuego está controlado", kReported}}));
}

TEST_F(QuotesLanguagesTest, SpanishDescriptionBeforeTheNameIsWhoTheTitleMeans) {
  EXPECT_EQ(Of("es",
               "El director del parque, Tomás Vidal, llegó al pueblo. La alcaldesa, Rosa Gil, "
               "habló con los vecinos. \"Estamos a salvo\", dijo la alcaldesa. "
               "Según el director, el fuego está controlado.\n"),
            (Rows{{"Rosa Gil", "Estamos a salvo", kDirect},
                  {"Tomás Vidal", "el fuego está controlado.", kReported}}));
}

TEST_F(QuotesLanguagesTest, SpanishVerbWithNoSubject) {
  // The sentence's subject, else the speaker of the quote before it.
  EXPECT_EQ(Of("es", "Tomás Vidal criticó el plan: «Llega tarde», dijo.\n"),
            (Rows{{"Tomás Vidal", "Llega tarde", kDirect}}));
  EXPECT_EQ(
      Of("es", "Tomás Vidal anunció que el parque abrirá en mayo. \"Lo haremos bien\", aseguró.\n"),
      (Rows{{"Tomás Vidal", "el parque abrirá en mayo.", kReported},
            {"Tomás Vidal", "Lo haremos bien", kDirect}}));
}

// contar, avanzar que, mantener que, confirmar que, sostener: verbs of
// saying; avanzar and mantener only with "que".
TEST_F(QuotesLanguagesTest, SpanishMoreVerbsOfSaying) {
  EXPECT_EQ(Of("es", "«Se oyó un golpe enorme», contó Ana Ruiz, una vecina del barrio.\n"),
            (Rows{{"Ana Ruiz", "Se oyó un golpe enorme", kDirect}}));
  EXPECT_EQ(Of("es", "Pedro Gil avanzó que el plan estará listo en mayo.\n"),
            (Rows{{"Pedro Gil", "el plan estará listo en mayo.", kReported}}));
  EXPECT_EQ(Of("es", "Pedro Gil mantiene que el edificio era seguro.\n"),
            (Rows{{"Pedro Gil", "el edificio era seguro.", kReported}}));
  EXPECT_EQ(Of("es", "El equipo de Pedro Gil avanzó hasta la final.\n"), Rows{});
  EXPECT_EQ(Of("es", "«Fue un error», ha reconocido Pedro Gil.\n"),
            (Rows{{"Pedro Gil", "Fue un error", kDirect}}));
  EXPECT_EQ(Of("es", "Pedro Gil recordó que la obra se aprobó en 2019.\n"),
            (Rows{{"Pedro Gil", "la obra se aprobó en 2019.", kReported}}));
  EXPECT_EQ(Of("es", "Pedro Gil recordó a las víctimas del accidente.\n"), Rows{});
  // After the auxiliary, the participle (irregular_participle).
  EXPECT_EQ(Of("es", "Pedro Gil ha confirmado que el plan sigue.\n"),
            (Rows{{"Pedro Gil", "el plan sigue.", kReported}}));
  EXPECT_EQ(Of("es", "Pedro Gil había anunciado que el plan sigue.\n"),
            (Rows{{"Pedro Gil", "el plan sigue.", kReported}}));
}

// A fragment after a Spanish naming verb ("calificó … de «…»") is the
// words of the verb's subject.
TEST_F(QuotesLanguagesTest, SpanishFragmentAfterANamingVerbIsPartial) {
  EXPECT_EQ(Of("es", "Carmen Vidal calificó el informe de «una vergüenza para la ciudad».\n"),
            (Rows{{"Carmen Vidal", "una vergüenza para la ciudad", kPartial}}));
}

// "La empresa concesionaria": the company's noun, then an adjective, still
// stands for the company named last by its legal form.
TEST_F(QuotesLanguagesTest, SpanishCompanyNounWithAnAdjectiveStandsForTheCompany) {
  EXPECT_EQ(Of("es",
               "El edificio es de Obras del Norte, S.L. desde 2019. La empresa concesionaria "
               "mantiene que el edificio era seguro.\n"),
            (Rows{{"Obras del Norte, S.L.", "el edificio era seguro.", kReported}}));
}

// "Añadió que …" (pro_drop): a verb opening its sentence with "que" right
// after it speaks for the speaker of the quote before it in the paragraph;
// with no quote before, for nobody.
TEST_F(QuotesLanguagesTest, SpanishVerbOpeningItsSentenceTakesTheSpeakerBefore) {
  EXPECT_EQ(Of("es",
               "«Llega tarde», dijo el alcalde, Tomás Ferrer. Añadió que la policía reforzará "
               "el tráfico.\n"),
            (Rows{{"Tomás Ferrer", "Llega tarde", kDirect},
                  {"Tomás Ferrer", "la policía reforzará el tráfico.", kReported}}));
  EXPECT_EQ(Of("es",
               "«Llega tarde», dijo el alcalde, Tomás Ferrer. Además, ha explicado que la "
               "policía reforzará el tráfico.\n"),
            (Rows{{"Tomás Ferrer", "Llega tarde", kDirect},
                  {"Tomás Ferrer", "la policía reforzará el tráfico.", kReported}}));
  EXPECT_EQ(Of("es", "Tomás Ferrer visitó la zona. Añadió que la policía reforzará el tráfico.\n"),
            Rows{});
}

// An unnamed worker or witness speaks as a body would ("una fuente
// cercana"): the article stays with the noun.
TEST_F(QuotesLanguagesTest, SpanishAnUnnamedWorkerSpeaks) {
  EXPECT_EQ(Of("es",
               "Un trabajador del hospital, que pidió no ser identificado, contó a esta agencia "
               "que las goteras eran conocidas.\n"),
            (Rows{{"Un trabajador del hospital", "las goteras eran conocidas.", kReported}}));
}

// "El concejal de Urbanismo, Alberto Campos, explicó que" (name_after_description):
// the description before the name is the role of reported speech too.
TEST_F(QuotesLanguagesTest, SpanishDescriptionBeforeTheNameIsTheRoleOfReportedSpeech) {
  const std::string text =
      "El concejal de Urbanismo, Alberto Campos, explicó que la estructura es segura.\n";
  EXPECT_EQ(Of("es", text), (Rows{{"Alberto Campos", "la estructura es segura.", kReported}}));
  EXPECT_EQ(RoleOf("es", text), "concejal de Urbanismo");
  EXPECT_EQ(RoleOf("fr", "Le directeur régional, Paul Roux, a indiqué que la ligne rouvrira.\n"),
            "directeur régional");
}

// "aseguró la enfermera del hospital, Ana Ruiz": the body inside the
// description does not speak, the name after it does; when it was said
// ("este martes") is no part of the role.
TEST_F(QuotesLanguagesTest, SpanishNameAfterADescriptionThatNamesABody) {
  const std::string nurse = "«No hay riesgo», aseguró la enfermera del hospital, Ana Ruiz.\n";
  EXPECT_EQ(Of("es", nurse), (Rows{{"Ana Ruiz", "No hay riesgo", kDirect}}));
  EXPECT_EQ(RoleOf("es", nurse), "enfermera del hospital");
  EXPECT_EQ(RoleOf("es",
                   "«No hay riesgo», ha asegurado este martes la delegada del Gobierno, Ana "
                   "Ruiz.\n"),
            "delegada del Gobierno");
}

// "dijo a los periodistas que": the listener after "a" stands between the
// verb and "que"; "respondió a las críticas que …" is a relative clause.
TEST_F(QuotesLanguagesTest, SpanishListenerBeforeQue) {
  EXPECT_EQ(Of("es", "Luis Gómez declaró a los periodistas que no hay detenidos.\n"),
            (Rows{{"Luis Gómez", "no hay detenidos.", kReported}}));
  EXPECT_EQ(Of("es", "Luis Gómez explicó a Europa Press que no hay detenidos.\n"),
            (Rows{{"Luis Gómez", "no hay detenidos.", kReported}}));
  EXPECT_EQ(Of("es", "Luis Gómez respondió a las críticas que recibió del alcalde.\n"), Rows{});
  // After an inverted verb, before its subject.
  const std::string told =
      "«No vamos a ceder», señala a este periódico Laura Vega, portavoz de la plataforma.\n";
  EXPECT_EQ(Of("es", told), (Rows{{"Laura Vega", "No vamos a ceder", kDirect}}));
  EXPECT_EQ(RoleOf("es", told), "portavoz de la plataforma");
  EXPECT_EQ(Of("es", "«No vamos a ceder», dijo a la prensa la portavoz, Laura Vega.\n"),
            (Rows{{"Laura Vega", "No vamos a ceder", kDirect}}));
}

// ", de 45 años,": an age is no role.
TEST_F(QuotesLanguagesTest, SpanishAgeIsNoRole) {
  const std::string text = "Marta López, de 45 años, relata que tuvo que salir por la ventana.\n";
  EXPECT_EQ(Of("es", text), (Rows{{"Marta López", "tuvo que salir por la ventana.", kReported}}));
  EXPECT_EQ(RoleOf("es", text), "");
}

// "a juicio de X", "en palabras de X": as "según X".
TEST_F(QuotesLanguagesTest, SpanishSourcePhrases) {
  EXPECT_EQ(Of("es", "A juicio de Laura Vega, el plan llega tarde.\n"),
            (Rows{{"Laura Vega", "el plan llega tarde.", kReported}}));
  EXPECT_EQ(Of("es", "«No habrá despidos», ha zanjado Laura Vega.\n"),
            (Rows{{"Laura Vega", "No habrá despidos", kDirect}}));
}

TEST_F(QuotesLanguagesTest, SpanishDeQue) {
  EXPECT_EQ(Of("es", "Tomás Vidal advirtió de que el viento podría cambiar.\n"),
            (Rows{{"Tomás Vidal", "el viento podría cambiar.", kReported}}));
}

// --- Italian

TEST_F(QuotesLanguagesTest, ItalianHaDettoInverted) {
  EXPECT_EQ(Of("it", "“Non ci arrenderemo”, ha detto Giorgia Meloni.\n"),
            (Rows{{"Giorgia Meloni", "Non ci arrenderemo", kDirect}}));
}

TEST_F(QuotesLanguagesTest, ItalianGuillemetsColonAndTitle) {
  const std::string text = "Il presidente Sergio Mattarella ha detto: «Serve unità.»\n";
  EXPECT_EQ(Of("it", text), (Rows{{"Sergio Mattarella", "Serve unità.", kDirect}}));
  EXPECT_EQ(RoleOf("it", text), "presidente");
}

TEST_F(QuotesLanguagesTest, ItalianPassatoRemoto) {
  EXPECT_EQ(Of("it", "«Siamo pronti», disse Conte.\n"), (Rows{{"Conte", "Siamo pronti", kDirect}}));
}

TEST_F(QuotesLanguagesTest, ItalianSecondoReported) {
  EXPECT_EQ(Of("it", "Secondo Giorgia Meloni, la manovra è equilibrata.\n"),
            (Rows{{"Giorgia Meloni", "la manovra è equilibrata.", kReported}}));
}

TEST_F(QuotesLanguagesTest, ItalianSecondoAfterQuote) {
  EXPECT_EQ(Of("it", "«È un errore», secondo Matteo Salvini.\n"),
            (Rows{{"Matteo Salvini", "È un errore", kDirect}}));
}

TEST_F(QuotesLanguagesTest, ItalianHonorificSigRa) {
  EXPECT_EQ(Of("it", "«Abbiamo paura», ha spiegato la Sig.ra Bianchi.\n"),
            (Rows{{"Bianchi", "Abbiamo paura", kDirect}}));
}

TEST_F(QuotesLanguagesTest, ItalianPronounLei) {
  EXPECT_EQ(Of("it",
               "La premier Giorgia Meloni è arrivata a Bruxelles.\n\n"
               "Lei ha detto: «Siamo pronti a trattare.»\n"),
            (Rows{{"Giorgia Meloni", "Siamo pronti a trattare.", kDirect}}));
}

TEST_F(QuotesLanguagesTest, ItalianReportedWithChe) {
  EXPECT_EQ(Of("it", "Conte ha detto che il piano è pronto.\n"),
            (Rows{{"Conte", "il piano è pronto.", kReported}}));
}

TEST_F(QuotesLanguagesTest, ItalianTitleAfterTheSourcePhrase) {
  EXPECT_EQ(Of("it",
               "«La strada resta chiusa», ha spiegato la geologa Anna Conti. "
               "Secondo la geologa, serviranno due settimane.\n"),
            (Rows{{"Anna Conti", "La strada resta chiusa", kDirect},
                  {"Anna Conti", "serviranno due settimane.", kReported}}));
}

// --- Portuguese

TEST_F(QuotesLanguagesTest, PortugueseDisseAfterQuote) {
  EXPECT_EQ(Of("pt", "“Não vamos recuar”, disse Lula.\n"),
            (Rows{{"Lula", "Não vamos recuar", kDirect}}));
}

TEST_F(QuotesLanguagesTest, PortugueseTitleAfterArticle) {
  const std::string text = "“A economia cresce”, afirmou o ministro Fernando Haddad.\n";
  EXPECT_EQ(Of("pt", text), (Rows{{"Fernando Haddad", "A economia cresce", kDirect}}));
}

TEST_F(QuotesLanguagesTest, PortugueseColonBeforeQuote) {
  EXPECT_EQ(Of("pt", "Lula disse: “O Brasil voltou.”\n"),
            (Rows{{"Lula", "O Brasil voltou.", kDirect}}));
}

TEST_F(QuotesLanguagesTest, PortugueseSegundoReported) {
  EXPECT_EQ(Of("pt", "Segundo Fernando Haddad, o plano está pronto.\n"),
            (Rows{{"Fernando Haddad", "o plano está pronto.", kReported}}));
}

TEST_F(QuotesLanguagesTest, PortugueseSegundoAfterQuoteWithHonorific) {
  EXPECT_EQ(Of("pt", "“Está tudo certo”, segundo a Sr.ª Costa.\n"),
            (Rows{{"Costa", "Está tudo certo", kDirect}}));
}

TEST_F(QuotesLanguagesTest, PortuguesePronounEla) {
  EXPECT_EQ(Of("pt",
               "A ministra Marina Silva chegou a Brasília na segunda-feira.\n\n"
               "Ela afirmou: “Vamos proteger a floresta.”\n"),
            (Rows{{"Marina Silva", "Vamos proteger a floresta.", kDirect}}));
}

TEST_F(QuotesLanguagesTest, PortugueseReportedWithQue) {
  EXPECT_EQ(Of("pt", "Fernando Haddad afirmou que o déficit vai cair.\n"),
            (Rows{{"Fernando Haddad", "o déficit vai cair.", kReported}}));
}

TEST_F(QuotesLanguagesTest, PortugueseNameWithParticles) {
  EXPECT_EQ(Of("pt", "“É um erro”, declarou Marcelo Rebelo de Sousa.\n"),
            (Rows{{"Marcelo Rebelo de Sousa", "É um erro", kDirect}}));
}

TEST_F(QuotesLanguagesTest, PortugueseLongNameWithParticles) {
  const std::string text = "“Vamos vencer”, afirmou o presidente Luiz Inácio Lula da Silva.\n";
  EXPECT_EQ(Of("pt", text), (Rows{{"Luiz Inácio Lula da Silva", "Vamos vencer", kDirect}}));
  EXPECT_EQ(RoleOf("pt", text), "presidente");
}

TEST_F(QuotesLanguagesTest, PortugueseTitleAfterTheVerbMeansTheNameGivenBefore) {
  EXPECT_EQ(Of("pt",
               "A secretária de Estado, Rita Sousa, chegou ao local.\n\n"
               "«Vamos ajudar as famílias», afirmou a governante.\n"),
            (Rows{{"Rita Sousa", "Vamos ajudar as famílias", kDirect}}));
}

// --- Russian

TEST_F(QuotesLanguagesTest, RussianGuillemetsCommaDash) {
  EXPECT_EQ(Of("ru", "«Мы не отступим», — сказал Путин.\n"),
            (Rows{{"Путин", "Мы не отступим", kDirect}}));
}

TEST_F(QuotesLanguagesTest, RussianDialogueDash) {
  EXPECT_EQ(Of("ru", "— Мы не отступим, — сказал Путин.\n"),
            (Rows{{"Путин", "Мы не отступим", kDirect}}));
}

TEST_F(QuotesLanguagesTest, RussianDialogueDashContinued) {
  EXPECT_EQ(Of("ru", "— Мы не отступим, — сказал Путин. — Это наша земля.\n"),
            (Rows{{"Путин", "Мы не отступим", kDirect}, {"Путин", "Это наша земля.", kDirect}}));
}

TEST_F(QuotesLanguagesTest, RussianAttributionInsideGuillemets) {
  EXPECT_EQ(
      Of("ru", "«Мы готовы, — сказал Песков. — Но не на любых условиях».\n"),
      (Rows{{"Песков", "Мы готовы", kDirect}, {"Песков", "Но не на любых условиях", kDirect}}));
}

TEST_F(QuotesLanguagesTest, RussianGenitiveSurnameTakesTheNameGivenBefore) {
  EXPECT_EQ(Of("ru",
               "Дмитрий Песков выступил в Москве.\n\n"
               "По словам Пескова, встреча состоится.\n"),
            (Rows{{"Дмитрий Песков", "встреча состоится.", kReported}}));
}

TEST_F(QuotesLanguagesTest, RussianRoleBeforeARussianGivenName) {
  const std::string text = "Пенсионерка Галина Кузнецова сказала: «Батареи едва тёплые».\n";
  EXPECT_EQ(Of("ru", text), (Rows{{"Галина Кузнецова", "Батареи едва тёплые", kDirect}}));
  // Russian writes titles in lower case: the capital only opens the sentence.
  EXPECT_EQ(RoleOf("ru", text), "пенсионерка");
  // An acronym that opens the sentence keeps its capitals; German, which
  // writes every noun with a capital, keeps the title's.
  EXPECT_EQ(RoleOf("ru", "МЧС России Галина Кузнецова сказала: «Батареи едва тёплые».\n"),
            "МЧС России");
  EXPECT_EQ(RoleOf("de", "Pendlerin Jana Brückner sagte: „Der Zug war voll.“\n"), "Pendlerin");
}

TEST_F(QuotesLanguagesTest, RussianColonBeforeQuote) {
  EXPECT_EQ(Of("ru", "Путин заявил: «Россия готова к переговорам».\n"),
            (Rows{{"Путин", "Россия готова к переговорам", kDirect}}));
}

TEST_F(QuotesLanguagesTest, RussianFeminineVerbAndPronoun) {
  EXPECT_EQ(Of("ru",
               "Депутат Мария Захарова выступила в Москве.\n\n"
               "«Это провокация», — сказала она.\n"),
            (Rows{{"Мария Захарова", "Это провокация", kDirect}}));
}

TEST_F(QuotesLanguagesTest, RussianReportedWithChto) {
  EXPECT_EQ(Of("ru", "Дмитрий Песков заявил, что встреча состоится.\n"),
            (Rows{{"Дмитрий Песков", "встреча состоится.", kReported}}));
}

TEST_F(QuotesLanguagesTest, RussianTitleIsTheRole) {
  const std::string text = "«Мы готовы», — заявил президент Владимир Путин.\n";
  EXPECT_EQ(Of("ru", text), (Rows{{"Владимир Путин", "Мы готовы", kDirect}}));
  EXPECT_EQ(RoleOf("ru", text), "президент");
}

TEST_F(QuotesLanguagesTest, RussianHonorificGn) {
  EXPECT_EQ(Of("ru", "«Я удивлён», — сказал г-н Иванов.\n"),
            (Rows{{"Иванов", "Я удивлён", kDirect}}));
}

TEST_F(QuotesLanguagesTest, RussianPoSlovamOfAnUndeclinedName) {
  EXPECT_EQ(Of("ru", "По словам Шойгу, учения завершены.\n"),
            (Rows{{"Шойгу", "учения завершены.", kReported}}));
}

TEST_F(QuotesLanguagesTest, RussianLegalFormAndQuotedNameAreAnOrganization) {
  // "ООО «…»" is a company, no quote; the person after it speaks.
  EXPECT_EQ(Of("ru", "По словам директора ООО «Заречье» Павла Орлова, мост откроют в мае.\n"),
            (Rows{{"Павла Орлова", "мост откроют в мае.", kReported}}));
  EXPECT_EQ(RoleOf("ru", "Директор ООО «Заречье» Павел Орлов сообщил, что мост откроют.\n"),
            "директор ООО «Заречье»");
}

TEST_F(QuotesLanguagesTest, RussianDescriptionInLowerCaseBeforeAGivenName) {
  const std::string text =
      "«Мост откроют в мае», — заявил глава Заречного района Павел Орлов на совещании.\n";
  EXPECT_EQ(Of("ru", text), (Rows{{"Павел Орлов", "Мост откроют в мае", kDirect}}));
  EXPECT_EQ(RoleOf("ru", text), "глава Заречного района");
  // A time before the name is no description ("в среду" is no role).
  EXPECT_EQ(Of("ru", "«Мост откроют», — сказал в среду Павел Орлов.\n"), Rows{});
}

TEST_F(QuotesLanguagesTest, RussianPossessiveInsidePoSlovam) {
  EXPECT_EQ(Of("ru",
               "«Мост откроют в мае», — сказала инженер Анна Соколова. "
               "По ее словам, ремонт обойдется в два миллиона рублей.\n"),
            (Rows{{"Анна Соколова", "Мост откроют в мае", kDirect},
                  {"Анна Соколова", "ремонт обойдется в два миллиона рублей.", kReported}}));
}

TEST_F(QuotesLanguagesTest, RussianTitleAloneAfterTheVerb) {
  EXPECT_EQ(Of("ru",
               "Губернатор Павел Орлов приехал в Заречье. "
               "«Мост откроют в мае», — сказал губернатор.\n"),
            (Rows{{"Павел Орлов", "Мост откроют в мае", kDirect}}));
}

TEST_F(QuotesLanguagesTest, RussianListenerAfterTheInvertedPronoun) {
  EXPECT_EQ(Of("ru",
               "Инженер Анна Соколова приехала на место.\n\n"
               "— Мост откроют в мае, — сказала она журналистам.\n"),
            (Rows{{"Анна Соколова", "Мост откроют в мае", kDirect}}));
}

// --- body_speakers: a body or group named by a noun of kind body speaks by
// itself, in lower case too, named from that noun on.

TEST_F(QuotesLanguagesTest, FrenchBodyAfterSelon) {
  EXPECT_EQ(Of("fr", "Selon la mairie de Vienne, deux routes restent fermées.\n"),
            (Rows{{"mairie de Vienne", "deux routes restent fermées.", kReported}}));
  EXPECT_EQ(Of("fr", "Selon une source proche du dossier, le pont sera démoli.\n"),
            (Rows{{"une source proche du dossier", "le pont sera démoli.", kReported}}));
  // body_article: the article stays with a noun alone, not with what it is of.
  EXPECT_EQ(Of("fr", "Selon la direction, le site rouvrira lundi.\n"),
            (Rows{{"la direction", "le site rouvrira lundi.", kReported}}));
}

TEST_F(QuotesLanguagesTest, FrenchBodyAsSubject) {
  EXPECT_EQ(Of("fr", "Le parquet de Nîmes a confirmé que le chauffeur était sobre.\n"),
            (Rows{{"parquet de Nîmes", "le chauffeur était sobre.", kReported}}));
}

TEST_F(QuotesLanguagesTest, SpanishBodyAfterAnEstimateOfIt) {
  EXPECT_EQ(
      Of("es", "Según el primer informe del Ayuntamiento de Soria, el puente sigue cerrado.\n"),
      (Rows{{"Ayuntamiento de Soria", "el puente sigue cerrado.", kReported}}));
}

TEST_F(QuotesLanguagesTest, SpanishVerbBetweenSeguenAndTheSource) {
  EXPECT_EQ(
      Of("es", "El puente sigue cerrado desde el martes, según informó la Junta de Aragón.\n"),
      (Rows{{"Junta de Aragón", "El puente sigue cerrado desde el martes", kReported}}));
}

TEST_F(QuotesLanguagesTest, ItalianGroupAfterSecondo) {
  EXPECT_EQ(Of("it", "Secondo i carabinieri, la strada resterà chiusa fino a lunedì.\n"),
            (Rows{{"i carabinieri", "la strada resterà chiusa fino a lunedì.", kReported}}));
}

TEST_F(QuotesLanguagesTest, PortugueseBodyWithArticleSpeaksByItself) {
  // "o hospital" names no hospital of the text: the hospital speaks.
  EXPECT_EQ(Of("pt", "Quatro feridos tiveram alta esta manhã, segundo o hospital.\n"),
            (Rows{{"o hospital", "Quatro feridos tiveram alta esta manhã", kReported}}));
}

TEST_F(QuotesLanguagesTest, PortugueseTitleBeforeABodyIsAPerson) {
  // "comandante dos Bombeiros de Braga" describes the person named after it.
  EXPECT_EQ(
      Of("pt", "«A estrada está livre», disse o comandante dos Bombeiros de Braga, Rui Costa.\n"),
      (Rows{{"Rui Costa", "A estrada está livre", kDirect}}));
}

TEST_F(QuotesLanguagesTest, RussianBodyAfterVAndAfterPoDannym) {
  EXPECT_EQ(Of("ru", "Мост будет закрыт до пятницы, сообщили в мэрии.\n"),
            (Rows{{"мэрия", "Мост будет закрыт до пятницы", kReported}}));
  EXPECT_EQ(Of("ru", "По данным прокуратуры, проверку провели формально.\n"),
            (Rows{{"прокуратура", "проверку провели формально.", kReported}}));
}

TEST_F(QuotesLanguagesTest, RussianKakOpensAnAttributionBeforeTheClause) {
  EXPECT_EQ(Of("ru", "Как сообщили в областной прокуратуре в среду, нарушений не нашли.\n"),
            (Rows{{"прокуратура", "нарушений не нашли.", kReported}}));
  EXPECT_EQ(Of("ru", "Как сообщил губернатор Павел Орлов, мост откроют в мае.\n"),
            (Rows{{"Павел Орлов", "мост откроют в мае.", kReported}}));
  // No verb of saying after "как": no attribution.
  EXPECT_EQ(Of("ru", "Как видно из отчета, мост откроют в мае.\n"), Rows{});
}

TEST_F(QuotesLanguagesTest, RussianParentheticalAfterOneWord) {
  EXPECT_EQ(Of("ru", "Да, рассказывают спасатели, вода поднялась на метр.\n"),
            (Rows{{"спасатели", "вода поднялась на метр.", kReported}}));
}

TEST_F(QuotesLanguagesTest, RussianBodyAsSubjectAfterATime) {
  EXPECT_EQ(Of("ru", "Вчера синоптики предупредили, что снег пойдет в пятницу.\n"),
            (Rows{{"синоптики", "снег пойдет в пятницу.", kReported}}));
}

TEST_F(QuotesLanguagesTest, SpanishBareVerbAfterADescriptionAndItsName) {
  const std::string text =
      "La alcaldesa de Toro, Elena Ruiz, habló con los vecinos. "
      "El delegado del Gobierno en Zamora, Luis Prieto, criticó la demora: "
      "«Llegamos tarde otra vez», dijo.\n";
  EXPECT_EQ(Of("es", text), (Rows{{"Luis Prieto", "Llegamos tarde otra vez", kDirect}}));
}

TEST_F(QuotesLanguagesTest, SpanishPidioAttributesAQuotedWord) {
  EXPECT_EQ(Of("es", "La alcaldesa Elena Ruiz pidió «calma» a los vecinos.\n"),
            (Rows{{"Elena Ruiz", "calma", kPartial}}));
}

TEST_F(QuotesLanguagesTest, FrenchSourcePhraseRightBeforeAQuotation) {
  EXPECT_EQ(
      Of("fr", "Le chantier a repris lundi : selon le maire Paul Girard, « rien n'est perdu ».\n"),
      (Rows{{"Paul Girard", "rien n'est perdu", kDirect}}));
  EXPECT_EQ(Of("fr",
               "Le maire Paul Girard a visité le chantier. "
               "La journée restera, selon lui, « un tournant » pour la ville.\n"),
            (Rows{{"Paul Girard", "un tournant", kPartial}}));
}

TEST_F(QuotesLanguagesTest, GermanTitleAfterTheVerbTakesTheRoleGivenBefore) {
  const std::string text =
      "Bausenatorin Lena Vogt besuchte die Brücke. "
      "„Wir prüfen jede Schraube“, sagte die Senatorin.\n";
  EXPECT_EQ(Of("de", text), (Rows{{"Lena Vogt", "Wir prüfen jede Schraube", kDirect}}));
  EXPECT_EQ(RoleOf("de", text), "Bausenatorin");
}

TEST_F(QuotesLanguagesTest, FrenchPossessiveLeftOutOfTheRole) {
  const std::string text = "« Nous resterons ouverts », assure sa directrice, Claire Martin.\n";
  EXPECT_EQ(Of("fr", text), (Rows{{"Claire Martin", "Nous resterons ouverts", kDirect}}));
  EXPECT_EQ(RoleOf("fr", text), "directrice");
}

// "a déclaré le préfet de l'Yonne, Marc Aubry, venu sur place": the
// description before the name is the role, not the clause after it.
TEST_F(QuotesLanguagesTest, FrenchDescriptionBeforeTheNameIsTheRole) {
  const std::string text =
      "« Les secours sont arrivés très vite », a déclaré le préfet de l'Yonne, Marc Aubry, "
      "venu sur place dans la matinée.\n";
  EXPECT_EQ(Of("fr", text), (Rows{{"Marc Aubry", "Les secours sont arrivés très vite", kDirect}}));
  EXPECT_EQ(RoleOf("fr", text), "préfet de l'Yonne");
}

// "Le directeur régional a annoncé que" (title_first_roles): a title with
// a word that qualifies it after it is the person the text gave that role.
TEST_F(QuotesLanguagesTest, FrenchTitleWithAQualifierBeforeTheVerb) {
  EXPECT_EQ(Of("fr",
               "« Nous avons tout vérifié », a expliqué Paul Mercier, directeur régional de la "
               "société. Le directeur régional a annoncé que la ligne rouvrirait en mai.\n"),
            (Rows{{"Paul Mercier", "Nous avons tout vérifié", kDirect},
                  {"Paul Mercier", "la ligne rouvrirait en mai.", kReported}}));
  EXPECT_EQ(Of("es",
               "«Lo hemos revisado todo», explicó Ana Ruiz, directora regional de la empresa. La "
               "directora regional anunció que la línea abrirá en mayo.\n"),
            (Rows{{"Ana Ruiz", "Lo hemos revisado todo", kDirect},
                  {"Ana Ruiz", "la línea abrirá en mayo.", kReported}}));
  // Without the qualifier the title alone still speaks.
  EXPECT_EQ(Of("fr",
               "« Nous avons tout vérifié », a expliqué Paul Mercier, directeur de la société. Le "
               "directeur a annoncé que la ligne rouvrirait en mai.\n"),
            (Rows{{"Paul Mercier", "Nous avons tout vérifié", kDirect},
                  {"Paul Mercier", "la ligne rouvrirait en mai.", kReported}}));
}

// "assurer" without "que" is to run or provide ("qui assure la liaison"),
// no reported speech; it still attributes a quote.
TEST_F(QuotesLanguagesTest, FrenchAssureWithoutQueReportsNothing) {
  EXPECT_EQ(Of("fr",
               "Le car est exploité par la société Transports Mercier SA, qui assure depuis 2019 "
               "la liaison entre les deux villes.\n"),
            Rows{});
  EXPECT_EQ(Of("fr", "Paul Mercier assure que la liaison reprendra.\n"),
            (Rows{{"Paul Mercier", "la liaison reprendra.", kReported}}));
  EXPECT_EQ(Of("fr", "« La liaison reprendra », assure Paul Mercier.\n"),
            (Rows{{"Paul Mercier", "La liaison reprendra", kDirect}}));
}

TEST_F(QuotesLanguagesTest, ABodyIsNoReferentForAnotherDescription) {
  // "la compañía" means no company of the text: not the body that spoke.
  EXPECT_EQ(Of("es",
               "Según la consejería, el puente sigue cerrado. "
               "La compañía asegura que la obra terminó en mayo.\n"),
            (Rows{{"la consejería", "el puente sigue cerrado.", kReported}}));
}

TEST_F(QuotesLanguagesTest, RussianBodyShownInItsDictionaryForm) {
  // dictionary_ending: "ии" -> "ие" only where it gives a dictionary_form.
  EXPECT_EQ(Of("ru", "Как пояснили в правительстве, дорогу откроют в мае.\n"),
            (Rows{{"правительство", "дорогу откроют в мае.", kReported}}));
  EXPECT_EQ(Of("ru", "Движение закроют на неделю, сообщили в администрации.\n"),
            (Rows{{"администрация", "Движение закроют на неделю", kReported}}));
  // A dictionary form stays as written.
  EXPECT_EQ(Of("ru", "Спасатели сообщили, что вода уходит.\n"),
            (Rows{{"Спасатели", "вода уходит.", kReported}}));
}

TEST_F(QuotesLanguagesTest, RussianAcronymAfterABodyNounSpeaks) {
  const std::string text = "Как уточнили в областном управлении МВД, водителя задержали.\n";
  EXPECT_EQ(Of("ru", text), (Rows{{"МВД", "водителя задержали.", kReported}}));
  EXPECT_EQ(RoleOf("ru", text), "управление");
}

TEST_F(QuotesLanguagesTest, RussianVedomstvoStandsForTheAuthorityNamedBefore) {
  // The company named in between is of another kind.
  EXPECT_EQ(Of("ru",
               "Прокуратура области проверила ООО «Тепловик». "
               "Как сообщили в ведомстве, нарушений не нашли.\n"),
            (Rows{{"прокуратура", "нарушений не нашли.", kReported}}));
  // No authority named before: the noun itself speaks.
  EXPECT_EQ(Of("ru", "Как сообщили в ведомстве, нарушений не нашли.\n"),
            (Rows{{"ведомство", "нарушений не нашли.", kReported}}));
}

TEST_F(QuotesLanguagesTest, RussianKompaniyaStandsForTheCompanyNamedBefore) {
  EXPECT_EQ(Of("ru",
               "Котельную обслуживает ООО «Тепловик». "
               "В компании сообщили, что ремонт закончат к пятнице.\n"),
            (Rows{{"ООО «Тепловик»", "ремонт закончат к пятнице.", kReported}}));
}

TEST_F(QuotesLanguagesTest, RussianKompaniyaBeforeTheOnlyCompanyOfTheText) {
  // No company named before it: the only one the text names.
  EXPECT_EQ(Of("ru",
               "В самой компании признают, что денег не хватит. "
               "Директор ООО «Тепловик» Иван Петров обещал закончить ремонт.\n"),
            (Rows{{"ООО «Тепловик»", "денег не хватит.", kReported}}));
  // Two companies named after it: none of them.
  EXPECT_EQ(Of("ru",
               "В самой компании признают, что денег не хватит. "
               "ООО «Тепловик» и ООО «Водоканал» спорят о ремонте.\n"),
            (Rows{{"компания", "денег не хватит.", kReported}}));
}

TEST_F(QuotesLanguagesTest, SpanishCompaniaStandsForTheCompanyNamedByItsLegalForm) {
  EXPECT_EQ(Of("es",
               "El fuego empezó en una nave de la empresa Tejas del Norte, S.L., según la "
               "policía. La compañía asegura que la nave tenía todos los permisos.\n"),
            (Rows{{"la policía", "El fuego empezó en una nave de la empresa Tejas del Norte, S.L.",
                   kReported},
                  {"Tejas del Norte, S.L.", "la nave tenía todos los permisos.", kReported}}));
}

TEST_F(QuotesLanguagesTest, GermanUnternehmenStandsForTheCompanyNamedByItsLegalForm) {
  // German writes the generic noun capitalized, as a name.
  EXPECT_EQ(Of("de",
               "Der Bus gehört der Firma Weser Reisen GmbH aus Bremen. "
               "Das Unternehmen teilte mit, der Fahrer sei erfahren gewesen.\n"),
            (Rows{{"Weser Reisen GmbH", "der Fahrer sei erfahren gewesen.", kReported}}));
}

TEST_F(QuotesLanguagesTest, ItalianEstimateOfAnOrganizationIsWhatItSaid) {
  // estimate_clause: the verb phrase putting a figure on something.
  EXPECT_EQ(Of("it",
               "Il ponte è gestito dalla società Ponti Alpini S.r.l., che ha stimato i danni in "
               "3 milioni di euro.\n"),
            (Rows{{"Ponti Alpini S.r.l.", "ha stimato i danni in 3 milioni di euro.", kReported}}));
  EXPECT_EQ(Of("it", "La società Ponti Alpini S.r.l. conferma la stima di 3 milioni di euro.\n"),
            (Rows{{"Ponti Alpini S.r.l.", "conferma la stima di 3 milioni di euro.", kReported}}));
  // A particle inside the name, a legal form last.
  EXPECT_EQ(Of("it", "La società Strade di Valle S.p.A. conferma la stima di 3 milioni.\n"),
            (Rows{{"Strade di Valle S.p.A.", "conferma la stima di 3 milioni.", kReported}}));
  // Not a person's, nor without a number.
  EXPECT_EQ(Of("it", "Il sindaco Marco Neri ha stimato i danni in 3 milioni di euro.\n"), Rows{});
  EXPECT_EQ(Of("it", "La società Ponti Alpini S.r.l. conferma la stima dei tecnici.\n"), Rows{});
}

TEST_F(QuotesLanguagesTest, ItalianSocietaStandsForTheCompanyNamedByItsLegalForm) {
  EXPECT_EQ(Of("it",
               "Il cantiere è gestito da Vetri Toscani S.r.l. e resterà chiuso. "
               "La società ha spiegato che i lavori riprenderanno a luglio.\n"),
            (Rows{{"Vetri Toscani S.r.l.", "i lavori riprenderanno a luglio.", kReported}}));
}

TEST_F(QuotesLanguagesTest, FrenchRoleNamingNobodyIsKeptForThePile) {
  // "le directeur" names nobody of the text: a role-only speaker, and so is
  // the pronoun after it (pile_roles); BuildSpeakers looks for the person.
  Document doc;
  const std::vector<Quote> quotes = Extract("fr",
                                            "Les salariés ont voté le plan mardi. « Le plan tient "
                                            "ses promesses », a déclaré le directeur à la sortie. "
                                            "Il a ajouté que l'usine rouvrirait en mai.\n",
                                            &doc);
  ASSERT_EQ(quotes.size(), 2u);
  for (const Quote& q : quotes) {
    EXPECT_TRUE(q.role_only) << q.speaker;
    EXPECT_EQ(q.speaker, "directeur");
  }
  EXPECT_EQ(quotes[0].span.Slice(doc.text), "Le plan tient ses promesses");
  EXPECT_EQ(quotes[1].span.Slice(doc.text), "l'usine rouvrirait en mai.");
}

TEST_F(QuotesLanguagesTest, FrenchRoleGivenInTheTextIsItsHolder) {
  // The text gives the role: its holder speaks, not the nearest person.
  Document doc;
  const std::vector<Quote> quotes = Extract("fr",
                                            "Le directeur de l'usine, Paul Morin, a reçu les "
                                            "salariés avec la déléguée CGT Anne Roy. « Le plan "
                                            "tient », a déclaré le directeur.\n",
                                            &doc);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].speaker, "Paul Morin");
  EXPECT_FALSE(quotes[0].role_only);
  // A title of two words: the role opens with both ("directeur général de …").
  EXPECT_EQ(Of("fr",
               "Le directeur général de l'usine, Paul Morin, a reçu les salariés avec la "
               "déléguée CGT Anne Roy. « Le plan tient », a déclaré le directeur général.\n"),
            (Rows{{"Paul Morin", "Le plan tient", kDirect}}));
}

// --- A data folder's lists replace the built-in ones for a language.

class QuotesLanguagesDataTest : public TempDirTest {};

TEST_F(QuotesLanguagesDataTest, ADataFolderVerbListReplacesTheBuiltInOne) {
  Result<Pipeline> pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  const Document doc = AnalyzedDocument(*pipeline,
                                        "„Wir schaffen das“, verkündete Merkel.\n\n"
                                        "„Das ist gut“, sagte Scholz.\n");
  auto speakers = [&](const std::string& data_dir) {
    Result<QuoteExtractor> q = QuoteExtractor::Create(data_dir, "de");
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    std::vector<std::string> out;
    if (q.ok()) {
      for (const Quote& quote : q->Extract(doc)) out.push_back(quote.speaker);
    }
    return out;
  };
  EXPECT_EQ(speakers(""), (std::vector<std::string>{"Merkel", "Scholz"}));
  // A German verb list of the folder's own, without "sagte".
  Write("de/speech_verbs.txt", "verkündete\n");
  EXPECT_EQ(speakers(dir_.string()), (std::vector<std::string>{"Merkel"}));
  // The English list is untouched.
  Result<QuoteExtractor> en = QuoteExtractor::Create(dir_.string(), "en");
  ASSERT_TRUE(en.ok());
  const Document english = AnalyzedDocument(*pipeline, "\"We are ready,\" said Merkel.\n");
  ASSERT_EQ(en->Extract(english).size(), 1u);
}

class QuotesLanguagesFolderTest : public DataFolderTest {
 protected:
  // The speakers of `text` read with the Russian lists of the data folder.
  std::vector<std::string> RussianSpeakers(const std::string& text) const {
    Result<Pipeline> pipeline = Pipeline::Create({});
    EXPECT_TRUE(pipeline.ok());
    std::vector<std::string> out;
    if (!pipeline.ok()) return out;
    const Document doc = AnalyzedDocument(*pipeline, text);
    Result<QuoteExtractor> q = QuoteExtractor::Create(data_dir(), "ru");
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    if (q.ok()) {
      for (const Quote& quote : q->Extract(doc)) out.push_back(quote.speaker);
    }
    return out;
  }
};

TEST_F(QuotesLanguagesFolderTest, ADictionaryEndingOfTheDataFolderNamesTheBody) {
  const std::string text = "Движение закроют на неделю, сообщили в дирекции.\n";
  Extend("ru/quote_words.txt", "дирекции | body");
  EXPECT_EQ(RussianSpeakers(text), (std::vector<std::string>{"дирекции"}));
  Extend("ru/quote_words.txt", "дирекции | body\nдирекция | dictionary_form");
  EXPECT_EQ(RussianSpeakers(text), (std::vector<std::string>{"дирекция"}));
  // Without the grammar's endings the body is shown as written.
  Write("ru/quote_grammar.txt", "mark « »\nbody_speakers\n");
  EXPECT_EQ(RussianSpeakers(text), (std::vector<std::string>{"дирекции"}));
}

TEST_F(QuotesLanguagesFolderTest, AStandInOfTheDataFolderTakesTheNamedBody) {
  const std::string text =
      "Прокуратура области начала проверку. Как сообщили в инспекции, нарушений не нашли.\n";
  Extend("ru/quote_words.txt", "инспекции | body");
  EXPECT_EQ(RussianSpeakers(text), (std::vector<std::string>{"инспекции"}));
  Extend("ru/quote_words.txt", "инспекции | body\nинспекции | stand_in_authority");
  EXPECT_EQ(RussianSpeakers(text), (std::vector<std::string>{"прокуратура"}));
  // stand_in_bodies off: the noun speaks by itself.
  Result<std::string> grammar = ReadDataFile("", "ru/quote_grammar.txt");
  ASSERT_TRUE(grammar.ok());
  std::string without = *grammar;
  without.erase(without.find("stand_in_bodies"), std::string("stand_in_bodies").size());
  Write("ru/quote_grammar.txt", without);
  EXPECT_EQ(RussianSpeakers(text), (std::vector<std::string>{"инспекции"}));
}

TEST_F(QuotesLanguagesFolderTest, AnAcronymAfterABodyNeedsItsSetting) {
  const std::string text = "Как уточнили в управлении МВД, водителя задержали.\n";
  EXPECT_EQ(RussianSpeakers(text), (std::vector<std::string>{"МВД"}));
  Result<std::string> grammar = ReadDataFile("", "ru/quote_grammar.txt");
  ASSERT_TRUE(grammar.ok());
  std::string without = *grammar;
  without.erase(without.find("acronym_after_body"), std::string("acronym_after_body").size());
  Write("ru/quote_grammar.txt", without);
  EXPECT_EQ(RussianSpeakers(text), (std::vector<std::string>{"управление МВД"}));
}

TEST_F(QuotesLanguagesFolderTest, ARoleOnlySpeakerNeedsItsSetting) {
  Result<Pipeline> pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  const Document doc =
      AnalyzedDocument(*pipeline, "« Le plan tient ses promesses », a déclaré le directeur.\n");
  auto count = [&]() -> size_t {
    Result<QuoteExtractor> q = QuoteExtractor::Create(data_dir(), "fr");
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    return q.ok() ? q->Extract(doc).size() : 0;
  };
  EXPECT_EQ(count(), 1u);
  Result<std::string> grammar = ReadDataFile("", "fr/quote_grammar.txt");
  ASSERT_TRUE(grammar.ok());
  std::string without = *grammar;
  without.erase(without.find("pile_roles"), std::string("pile_roles").size());
  Write("fr/quote_grammar.txt", without);
  EXPECT_EQ(count(), 0u);
}

TEST_F(QuotesLanguagesFolderTest, ABodysArticleNeedsItsSetting) {
  Result<Pipeline> pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  const Document doc = AnalyzedDocument(*pipeline, "Selon la direction, le site rouvrira lundi.\n");
  auto speaker = [&]() -> std::string {
    Result<QuoteExtractor> q = QuoteExtractor::Create(data_dir(), "fr");
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    if (!q.ok()) return "";
    const std::vector<Quote> quotes = q->Extract(doc);
    return quotes.size() == 1 ? quotes[0].speaker : "";
  };
  EXPECT_EQ(speaker(), "la direction");
  Result<std::string> grammar = ReadDataFile("", "fr/quote_grammar.txt");
  ASSERT_TRUE(grammar.ok());
  std::string without = *grammar;
  without.erase(without.find("body_article"), std::string("body_article").size());
  Write("fr/quote_grammar.txt", without);
  EXPECT_EQ(speaker(), "direction");
}

TEST_F(QuotesLanguagesFolderTest, AnEstimateVerbOfTheDataFolderAttributes) {
  Result<Pipeline> pipeline = Pipeline::Create({});
  ASSERT_TRUE(pipeline.ok());
  const Document doc = AnalyzedDocument(
      *pipeline, "La società Ponti Alpini S.r.l. ha preventivato i danni in 3 milioni di euro.\n");
  auto count = [&]() -> size_t {
    Result<QuoteExtractor> q = QuoteExtractor::Create(data_dir(), "it");
    EXPECT_TRUE(q.ok()) << q.status().ToString();
    return q.ok() ? q->Extract(doc).size() : 0;
  };
  EXPECT_EQ(count(), 0u);
  Extend("it/quote_words.txt", "preventivato | estimate_verb");
  EXPECT_EQ(count(), 1u);
  // Without estimate_clause, no estimate speaks.
  Result<std::string> grammar = ReadDataFile("", "it/quote_grammar.txt");
  ASSERT_TRUE(grammar.ok());
  std::string without = *grammar;
  without.erase(without.find("estimate_clause"), std::string("estimate_clause").size());
  Write("it/quote_grammar.txt", without);
  EXPECT_EQ(count(), 0u);
}

TEST_F(QuotesLanguagesDataTest, ABadGrammarSettingIsRefused) {
  Write("de/quote_grammar.txt", "mark „\n");
  Result<QuoteExtractor> q = QuoteExtractor::Create(dir_.string(), "de");
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dossier
