// EntityExtractor in German, French, Spanish, Italian, Portuguese and
// Russian: the lists of data/<language>/ (titles, head words, local names,
// settings, common nouns). Every sentence here is written for dossier.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../temp_dir.h"
#include "analyze/entities.h"
#include "analyzed_text.h"
#include "dossier/pipeline.h"
#include "util/data_files.h"

namespace dossier {
namespace {

// The entities of `texts` (one document each) analysed in `language`.
std::vector<Entity> Extract(const std::string& language, const std::vector<std::string>& texts,
                            const std::string& data_dir = "") {
  Result<Pipeline> pipeline = PipelineIn(language, data_dir);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  Result<EntityExtractor> extractor = EntityExtractor::Create(data_dir, language);
  EXPECT_TRUE(extractor.ok()) << extractor.status().ToString();
  if (!pipeline.ok() || !extractor.ok()) return {};
  return extractor->Extract(AnalyzedCluster(*pipeline, texts));
}

const Entity* Find(const std::vector<Entity>& entities, const std::string& name) {
  for (const Entity& e : entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

// Whether any entity is named or also written `form`.
bool Written(const std::vector<Entity>& entities, const std::string& form) {
  for (const Entity& e : entities) {
    if (e.name == form) return true;
    for (const std::string& a : e.aliases) {
      if (a == form) return true;
    }
    for (const std::string& a : e.demonyms) {
      if (a == form) return true;
    }
  }
  return false;
}

std::string Names(const std::vector<Entity>& entities) {
  std::string s;
  for (const Entity& e : entities) {
    s += e.name + " [" + e.type + "] {";
    for (const std::string& a : e.aliases) s += a + ";";
    for (const std::string& a : e.demonyms) s += "~" + a + ";";
    s += "} ";
  }
  return s;
}

// Expects an entity `name` of `type`, written also as each of `forms`.
void ExpectEntity(const std::vector<Entity>& entities, const std::string& name,
                  const std::string& type, const std::vector<std::string>& forms = {}) {
  const Entity* e = Find(entities, name);
  ASSERT_NE(e, nullptr) << name << " missing: " << Names(entities);
  EXPECT_EQ(e->type, type) << name << ": " << Names(entities);
  for (const std::string& f : forms) {
    bool found = false;
    for (const std::string& a : e->aliases) found = found || a == f;
    for (const std::string& a : e->demonyms) found = found || a == f;
    EXPECT_TRUE(found) << name << " not written " << f << ": " << Names(entities);
  }
}

void ExpectNone(const std::vector<Entity>& entities, const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    EXPECT_FALSE(Written(entities, w)) << w << " is no entity: " << Names(entities);
  }
}

TEST(EntitiesGermanTest, CommonNounsAreNoNamesButPeoplePlacesAndOrganizationsAre) {
  const std::vector<Entity> e = Extract(
      "de", {"Bundeskanzler Olaf Scholz traf am Montag in Berlin Finanzminister Christian "
             "Lindner. Lindner sagte, der Wettbewerb sei hart.\n",
             "Die Passagiere warteten am Bahnhof auf den Zug der Deutschen Bahn. Nach Angaben "
             "der Regierung war der Tag für das Land ein Erfolg.\n",
             "Der Bundestag stimmte am Freitag über den Haushalt ab. Herr Weber leitet die Firma "
             "seit zehn Jahren.\n",
             "Die Deutsche Bahn kündigte neue Verbindungen nach Frankreich an. Deutschland und "
             "Frankreich wollen die Zusammenarbeit stärken.\n"});
  ExpectEntity(e, "Olaf Scholz", "person");
  ExpectEntity(e, "Christian Lindner", "person", {"Lindner"});
  ExpectEntity(e, "Weber", "person");
  ExpectEntity(e, "Berlin", "place");
  ExpectEntity(e, "Deutschland", "place");
  ExpectEntity(e, "Frankreich", "place");
  ExpectEntity(e, "Deutsche Bahn", "organization", {"Deutschen Bahn"});
  ExpectEntity(e, "Bundestag", "organization");
  ExpectNone(e, {"Passagiere", "Tag", "Land", "Wettbewerb", "Regierung", "Bahnhof", "Zug",
                 "Angaben", "Haushalt", "Erfolg", "Firma", "Jahren", "Verbindungen",
                 "Zusammenarbeit", "Montag", "Freitag", "Bundeskanzler", "Finanzminister"});
}

TEST(EntitiesGermanTest, CompoundsOfCommonNounsAndNounsAfterDeterminersAreNoNames) {
  const std::vector<Entity> e = Extract(
      "de", {"Die Wettbewerbsbehörde prüft den Antrag. Der Konzernumbau sorgt für Unruhe.\n",
             "Die Energiewende kostet viel Geld, sagte Annalena Baerbock in Hamburg.\n",
             "Energiewende bleibt ein Thema. Baerbock reist nach Moskau.\n"});
  ExpectEntity(e, "Annalena Baerbock", "person", {"Baerbock"});
  ExpectEntity(e, "Hamburg", "place");
  ExpectEntity(e, "Moskau", "place");
  ExpectNone(e, {"Wettbewerbsbehörde", "Antrag", "Konzernumbau", "Unruhe", "Energiewende", "Geld",
                 "Thema"});
}

TEST(EntitiesGermanTest, OrganizationMarkersAndGenitivesKeepNames) {
  const std::vector<Entity> e =
      Extract("de", {"Die Schmitz Bau GmbH baut eine Halle, und Merkels Nachfolger lobte die "
                     "Schmitz Bau GmbH. Später sprach Angela Merkel, und Merkel lobte die Halle. "
                     "Die Weber Bau AG schwieg.\n"});
  ExpectEntity(e, "Schmitz Bau GmbH", "organization");
  ExpectEntity(e, "Weber Bau AG", "organization");
  ExpectEntity(e, "Angela Merkel", "person", {"Merkels"});
  ExpectNone(e, {"Halle", "Nachfolger", "Bau"});
}

TEST(EntitiesGermanTest, NounSuffixesMarkCommonNouns) {
  const std::vector<Entity> e =
      Extract("de", {"Seitdem herrschen Ratlosigkeit und Verbitterung in Kleinhausen, sagte "
                     "Rudolf Brandt. Auch Anwohnerschaften klagen über Abmahnungen.\n"});
  ExpectEntity(e, "Rudolf Brandt", "person");
  ExpectNone(e, {"Ratlosigkeit", "Verbitterung", "Anwohnerschaften", "Abmahnungen"});
}

TEST(EntitiesGermanTest, NounsAfterAPrepositionAndAnAdjectiveOrWrittenInLowerCaseAreNoNames) {
  // "mit lautem Getöse": a preposition, an adjective, a noun. "Schlimmes"
  // is the adjective "schlimme" used as a noun.
  const std::vector<Entity> e =
      Extract("de", {"Der Kran stürzte mit lautem Getöse um. Man habe Schlimmes befürchtet, "
                     "sagte Rudolf Brandt. Es war eine schlimme Nacht.\n"});
  ExpectEntity(e, "Rudolf Brandt", "person");
  ExpectNone(e, {"Getöse", "Schlimmes"});
}

TEST(EntitiesGermanTest, ACompoundEndingInAListedPluralIsACommonNoun) {
  const std::vector<Entity> e =
      Extract("de", {"Seitdem fahren Pendelbusse zwischen Oberwiesbach und Kleinhausen.\n"});
  ExpectNone(e, {"Pendelbusse"});
}

TEST(EntitiesGermanTest, AnAmpersandJoinsACompanyNameThatEndsInALegalForm) {
  const std::vector<Entity> e =
      Extract("de", {"Den Auftrag erhielt die Hansen & Partner Logistik KG aus Bremen.\n"});
  ExpectEntity(e, "Hansen & Partner Logistik KG", "organization");
  ExpectNone(e, {"Partner Logistik KG"});
}

TEST(EntitiesGermanTest, ANameAfterAPlacePrepositionIsAPlace) {
  const std::vector<Entity> e =
      Extract("de", {"Der Bus kam aus Oberwiesbach und hielt in Wendelsrode. Danach fuhr er "
                     "zwischen Wendelsrode und der Innenstadt hin und her.\n"});
  ExpectEntity(e, "Oberwiesbach", "place");
  ExpectEntity(e, "Wendelsrode", "place");
  ExpectNone(e, {"Innenstadt"});
}

TEST(EntitiesGermanTest, AFewCapitalizedWordsBetweenNameQuotesAreAName) {
  const std::vector<Entity> e =
      Extract("de", {"Der Kutter „Seeadler 3“ lief am Morgen aus. Später folgte die »Albatros« "
                     "mit einer „großen Ladung“.\n"});
  ExpectEntity(e, "Seeadler 3", "other");
  ExpectEntity(e, "Albatros", "other");
  ExpectNone(e, {"Seeadler", "großen Ladung", "Ladung"});
}

TEST(EntitiesGermanTest, ACompoundEndingInAPlaceHeadWordNamesAPlaceEvenAfterAnArticle) {
  const std::vector<Entity> e =
      Extract("de", {"Die Kundgebung fand am Rosenplatz statt, nicht in der Innenstadt. Am "
                     "Rosenplatz blieb es ruhig.\n"});
  ExpectEntity(e, "Rosenplatz", "place");
  ExpectNone(e, {"Innenstadt", "Kundgebung"});
}

TEST(EntitiesGermanTest, AnOrganizationHeadBeforeANamePartIsAnOrganization) {
  const std::vector<Entity> e =
      Extract("de", {"Das Zollamt Süd prüfte die Ladung. Ein Sprecher des Zollamts Süd sagte, "
                     "die Papiere seien in Ordnung.\n"});
  ExpectEntity(e, "Zollamt Süd", "organization", {"Zollamts Süd"});
  ExpectNone(e, {"Süd", "Ladung", "Papiere"});
}

TEST(EntitiesGermanTest, AListedNameThatOpensWithAnAcronymIsOneName) {
  const std::vector<Entity> e =
      Extract("de", {"Die IG Metall rief am Morgen zum Warnstreik auf. Auch der DGB stellte "
                     "sich hinter die Forderung der IG Metall. Eine IG-Metall-Sprecherin "
                     "bestätigte das.\n"});
  ExpectEntity(e, "IG Metall", "organization");
  EXPECT_EQ(Find(e, "IG Metall")->mentions.size(), 3u) << Names(e);
  ExpectEntity(e, "DGB", "organization");
  ExpectNone(e, {"IG", "Metall", "Warnstreik", "Forderung"});
}

TEST(EntitiesGermanTest, ACommonNounBeforeACompanyNameAndItsLegalFormIsNotPartOfIt) {
  const std::vector<Entity> e =
      Extract("de", {"Die Spedition Kranich Logistik GmbH stellte zehn Fahrer ein. Beim "
                     "Autozulieferer Falk Antriebstechnik AG ruht die Arbeit. Die Stadtwerke "
                     "Kassel GmbH bleiben ruhig.\n"});
  ExpectEntity(e, "Kranich Logistik GmbH", "organization");
  ExpectEntity(e, "Falk Antriebstechnik AG", "organization");
  ExpectEntity(e, "Stadtwerke Kassel GmbH", "organization");
  ExpectNone(e, {"Spedition Kranich Logistik GmbH", "Autozulieferer Falk Antriebstechnik AG"});
}

TEST(EntitiesGermanTest, PluralsThatStemApartAndWordsOfWorkAreCommonNouns) {
  const std::vector<Entity> e =
      Extract("de", {"Das Werk in Kassel baut Bremssysteme und Getriebe. Der Betriebsrat "
                     "fordert Respekt für die Leiharbeiter.\n"});
  ExpectEntity(e, "Kassel", "place");
  ExpectNone(e, {"Bremssysteme", "Betriebsrat", "Respekt", "Leiharbeiter"});
}

TEST(EntitiesGermanTest, APlaceSuffixAfterAPlaceHeadWordIsAPlace) {
  const std::vector<Entity> e =
      Extract("de", {"Die Kundgebung im Stadtteil Wolfshausen blieb friedlich. Der Stadtteil "
                     "hat viele Häuser.\n"});
  ExpectEntity(e, "Wolfshausen", "place");
  ExpectNone(e, {"Stadtteil", "Kundgebung", "Häuser"});
}

TEST(EntitiesGermanTest, ACompanyNamedAfterADeterminerKeepsItsFirstWordElsewhere) {
  const std::vector<Entity> e =
      Extract("de", {"Bei Kranich Fahrzeugtechnik ruht die Arbeit. Der Streik bei der Kranich "
                     "Fahrzeugtechnik AG dauert an. Kranich beschäftigt 900 Menschen.\n"});
  ExpectEntity(e, "Kranich Fahrzeugtechnik AG", "organization",
               {"Kranich Fahrzeugtechnik", "Kranich"});
  ExpectNone(e, {"Fahrzeugtechnik", "Streik", "Arbeit"});
}

TEST(EntitiesGermanTest, ACompoundEndingWithATitleIsATitle) {
  const std::vector<Entity> e =
      Extract("de", {"Bundesverkehrsminister Volker Wissing forderte neue Gespräche. „Dieser "
                     "Streik trifft alle“, sagte Wissing in Köln.\n"});
  ExpectEntity(e, "Volker Wissing", "person", {"Wissing"});
  ExpectEntity(e, "Köln", "place");
  ExpectNone(e, {"Bundesverkehrsminister", "Gespräche", "Streik"});
}

TEST(EntitiesRussianTest, APlaceInTheGenitiveBeforeANameIsItsOwnMention) {
  const std::vector<Entity> e =
      Extract("ru", {"Путин провел разговор с президентом Турции Реджепом Тайипом Эрдоганом. "
                     "Эрдоган пригласил его в Стамбул.\n"});
  ExpectEntity(e, "Турция", "place", {"Турции"});
  ExpectEntity(e, "Стамбул", "place");
  const Entity* erdogan = Find(e, "Реджепом Тайипом Эрдоганом");
  ASSERT_NE(erdogan, nullptr) << Names(e);
  EXPECT_EQ(erdogan->type, "person");
  ExpectNone(e, {"Турции Реджепом Тайипом Эрдоганом"});
}

// A given name in -ей ("Андрей") and its cases ("Андрея", "Андреем") are
// one person; a listed city and agency in the genitive are named in the
// nominative.
TEST(EntitiesRussianTest, GivenNamesInEyAndListedNamesInTheGenitive) {
  const std::vector<Entity> e =
      Extract("ru", {"Мэр Алексей Грачев открыл новый мост через реку.\n",
                     "По словам мэра Алексея Грачева, движение запустят к лету. Автобусы из Тюмени "
                     "пойдут по мосту. В Ростехнадзоре обещают проверку.\n"});
  ExpectEntity(e, "Алексей Грачев", "person", {"Алексея Грачева"});
  ExpectEntity(e, "Тюмень", "place", {"Тюмени"});
  ExpectEntity(e, "Ростехнадзор", "organization", {"Ростехнадзоре"});
}

// A capitalized adjective, a lower-case one and the head word are one name
// ("Тверская областная прокуратура"), not the capitalized adjective alone.
TEST(EntitiesRussianTest, ACapitalizedAdjectiveAndALowerCaseOneBeforeTheHead) {
  const std::vector<Entity> e =
      Extract("ru", {"Тверская областная прокуратура начала проверку. Выводы Тверской областной "
                     "прокуратуры ждут к маю.\n"});
  const Entity* p = Find(e, "Тверская областная прокуратура");
  ASSERT_NE(p, nullptr) << Names(e);
  EXPECT_EQ(p->type, "organization");
  ExpectNone(e, {"Тверская", "Тверской"});
}

// A capitalized adjective before a lower-case adjective and a word that is
// no head word opens a phrase in lower case, no name ("заместитель Тверского
// транспортного прокурора").
TEST(EntitiesRussianTest, ACapitalizedAdjectiveOpeningALowerCasePhraseIsNoName) {
  const std::vector<Entity> e =
      Extract("ru", {"Проверку начал заместитель Тверского транспортного прокурора Иван Зорин.\n"});
  ExpectEntity(e, "Иван Зорин", "person");
  ExpectNone(e, {"Тверского", "Тверской"});
}

TEST(EntitiesRussianTest, CaseFormsOfANameAreOneEntityAndSentenceStartsAreNoNames) {
  const std::vector<Entity> e = Extract(
      "ru", {"Президент Владимир Путин прибыл в Москву. Пресс-секретарь Кремля Дмитрий Песков "
             "сказал: «Да, переговоры продолжатся».\n",
             "Правда, итоги пока неизвестны. Однако в Кремле считают, что Германия поддержит "
             "план.\n",
             "Путину доложили о ситуации в Москве. Сегодня Песков заявил журналистам, что "
             "встреча с Путиным состоится.\n",
             "Визит Путина в Берлин запланирован на май. Министр иностранных дел России Сергей "
             "Лавров встретился с коллегой.\n"});
  ExpectEntity(e, "Владимир Путин", "person", {"Путину", "Путиным", "Путина"});
  ExpectEntity(e, "Москва", "place", {"Москву", "Москве"});
  ExpectEntity(e, "Кремль", "organization", {"Кремля", "Кремле"});
  ExpectEntity(e, "Дмитрий Песков", "person", {"Песков"});
  ExpectEntity(e, "Сергей Лавров", "person");
  ExpectEntity(e, "Германия", "place");
  ExpectEntity(e, "Берлин", "place");
  ExpectEntity(e, "Россия", "place", {"России"});
  ExpectNone(
      e, {"Да", "Правда", "Однако", "Сегодня", "Визит", "Визит Путина", "Министр", "Президент"});
}

TEST(EntitiesFrenchTest, TitlesPlacesAndOrganizations) {
  const std::vector<Entity> e = Extract(
      "fr", {"Le président Emmanuel Macron a reçu M. Scholz à Paris. Mais la réunion a été "
             "reportée.\n",
             "Selon Mme Borne, le chancelier a quitté Berlin pour rentrer en Allemagne. Hier, "
             "Macron a parlé aux Français.\n",
             "Le groupe Renault SA a annoncé des résultats. Pourtant, la Banque de France reste "
             "prudente.\n",
             "Le Rassemblement national a critiqué le gouvernement. Oui, a répondu Mme Borne.\n"});
  ExpectEntity(e, "Emmanuel Macron", "person", {"Macron"});
  ExpectEntity(e, "Scholz", "person");
  ExpectEntity(e, "Borne", "person");
  ExpectEntity(e, "Paris", "place");
  ExpectEntity(e, "Allemagne", "place");
  ExpectEntity(e, "France", "place", {"Français"});
  ExpectEntity(e, "Renault SA", "organization");
  ExpectEntity(e, "Banque de France", "organization");
  ExpectEntity(e, "Rassemblement national", "organization");
  ExpectNone(e, {"Mais", "Selon", "Hier", "Pourtant", "Oui", "Le", "M"});
}

TEST(EntitiesSpanishTest, PlacePrepositionsAndPlaceNounsTypePlaces) {
  // "en Villarejo", "el alcalde de Fuentelsaz", "la comarca de Albarrete":
  // names nothing else types; the place stays after a mayor's title.
  const std::vector<Entity> e = Extract(
      "es", {"La riada llegó a la comarca de Albarrete. Los vecinos de Villarejo durmieron en "
             "Villarejo, dijo el alcalde de Fuentelsaz, Tomás Luengo.\n"});
  ExpectEntity(e, "Albarrete", "place");
  ExpectEntity(e, "Villarejo", "place");
  ExpectEntity(e, "Fuentelsaz", "place");
  ExpectEntity(e, "Tomás Luengo", "person");
}

TEST(EntitiesSpanishTest, APortfolioWrittenInLowerCaseElsewhereIsNoName) {
  // "Obras Públicas" after "consejero de" is the portfolio: the pile writes
  // "obras públicas" in lower case.
  const std::vector<Entity> e = Extract(
      "es", {"El consejero de Obras Públicas, Tomás Luengo, habló de las obras públicas del "
             "año. En el próximo Consejo de Ministros se votará.\n"});
  ExpectEntity(e, "Tomás Luengo", "person");
  ExpectEntity(e, "Consejo de Ministros", "organization");
  ExpectNone(e, {"Obras Públicas", "Públicas", "Obras"});
}

TEST(EntitiesSpanishTest, ADatelineInCapitalsAndALegalFormAfterACommaJoinTheirNames) {
  const std::vector<Entity> e =
      Extract("es", {"TORVA. La empresa Conservas del Jalón, S.A. cerró su fábrica de Torva.\n",
                     "Los obreros de Conservas del Jalón protestan en Torva.\n"});
  ExpectEntity(e, "Torva", "place", {"TORVA"});
  ExpectEntity(e, "Conservas del Jalón, S.A.", "organization", {"Conservas del Jalón"});
}

TEST(EntitiesFrenchTest, APlaceAfterAMayorOrAPrepositionIsAPlace) {
  const std::vector<Entity> e =
      Extract("fr", {"Le maire de Saint-Brévin-sur-Orge, Jacques Tardieu, a rejoint Montcenis. "
                     "Il habite à Montcenis depuis vingt ans, près du siège de la Lune "
                     "Rousse.\n"});
  ExpectEntity(e, "Montcenis", "place");
  const Entity* lune = Find(e, "Lune Rousse");
  ASSERT_NE(lune, nullptr) << Names(e);
  EXPECT_NE(lune->type, "place") << "an article after \"siège de\": " << Names(e);
  ExpectEntity(e, "Jacques Tardieu", "person");
}

TEST(EntitiesItalianTest, CapitalizedLocalGovernmentsAreOrganizations) {
  const std::vector<Entity> e =
      Extract("it", {"I tecnici della Regione Umbria sono arrivati a Valdorcia. Il sindaco di "
                     "Valdorcia ha aperto la palestra a spese del Comune.\n"});
  ExpectEntity(e, "Regione Umbria", "organization");
  ExpectEntity(e, "Valdorcia", "place");
  ExpectNone(e, {"Comune"});
}

TEST(EntitiesFrenchTest, AnElidedParticleJoinsTheName) {
  const std::vector<Entity> e =
      Extract("fr", {"L'assureur, la Mutuelle Bretonne d'Assurances, a payé. La Caisse Normande "
                     "d'Épargne a prêté le reste.\n"});
  ExpectEntity(e, "Mutuelle Bretonne d'Assurances", "organization");
  ExpectEntity(e, "Caisse Normande d'Épargne", "organization");
  ExpectNone(e, {"Assurances", "Épargne", "Mutuelle Bretonne"});
}

// Lower-case links between a name's hyphens (hyphen_link in
// name_words.txt), or before an elision's apostrophe, keep the name whole;
// "Or" after "d'" stays though it is a French stopword, and "Côté" opening
// a sentence is no form of "Côte".
TEST(EntitiesFrenchTest, HyphenLinksKeepAPlaceNameWhole) {
  const std::vector<Entity> e =
      Extract("fr", {"Le préfet de la Côte-d'Or, Paul Mercier, s'est rendu à Bourg-en-Valois "
                     "puis à Fontaine-lès-Corbières. Il habite en Côte-d'Or depuis dix ans.\n",
                     "Côté budget, rien ne change pour Bourg-en-Valois.\n"});
  ExpectEntity(e, "Côte-d'Or", "place");
  ExpectEntity(e, "Bourg-en-Valois", "place");
  ExpectEntity(e, "Fontaine-lès-Corbières", "place");
  ExpectEntity(e, "Paul Mercier", "person");
  ExpectNone(e, {"Côte", "Côté", "Bourg", "Valois", "Fontaine", "Corbières"});
}

// The outlet of a document named in its dateline keeps its first word,
// though the bracket before it opens a sentence.
TEST(EntitiesFrenchTest, TheOutletInADatelineIsWhole) {
  Result<Pipeline> pipeline = PipelineIn("fr", "");
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  Result<EntityExtractor> extractor = EntityExtractor::Create("", "fr");
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  Cluster cluster = AnalyzedCluster(
      *pipeline, {"SENS, 3 mai (Gazette Sénonaise) – Le pont de Sens a été fermé mardi.\n"});
  cluster.documents[0].source = "Gazette Sénonaise";
  const std::vector<Entity> e = extractor->Extract(cluster);
  ASSERT_TRUE(Written(e, "Gazette Sénonaise")) << Names(e);
  ExpectNone(e, {"Sénonaise"});
}

// "de l'" inside a company's name that ends in its legal form.
TEST(EntitiesFrenchTest, OfTheInsideANameThatEndsInALegalForm) {
  const std::vector<Entity> e =
      Extract("fr", {"La voie appartient à Voies de l'Ouest SA, qui conteste cette version.\n",
                     "Selon Voies de l'Ouest SA, la voie avait été inspectée.\n"});
  ExpectEntity(e, "Voies de l'Ouest SA", "organization");
  ExpectNone(e, {"Voies", "Ouest SA"});
}

// An acronym a hyphen joins to a name word is one name ("SUD-Rail").
TEST(EntitiesFrenchTest, AnAcronymHyphenedToANameIsOneName) {
  const std::vector<Entity> e =
      Extract("fr", {"Le syndicat UNSA-Ferroviaire appelle à la grève à Sens.\n",
                     "Pour UNSA-Ferroviaire, la ligne doit être auditée.\n"});
  ASSERT_TRUE(Written(e, "UNSA-Ferroviaire")) << Names(e);
  ExpectNone(e, {"UNSA", "Ferroviaire"});
}

// A company named with its legal form and without it is one entity.
TEST(EntitiesFrenchTest, ANameWithAndWithoutItsLegalFormIsOne) {
  const std::vector<Entity> e =
      Extract("fr", {"Le car était exploité par la société Autocars Valmont SAS, basée à Sens.\n",
                     "Chez Autocars Valmont, personne ne veut commenter l'accident.\n"});
  ExpectEntity(e, "Autocars Valmont SAS", "organization", {"Autocars Valmont"});
}

TEST(EntitiesRussianTest, ACapitalizedAdjectiveTakesTheHeadWordAfterIt) {
  // "в Заречном районе" = "Заречного района" = "Заречный район"; "на
  // улице Гончарова" is the street "улица Гончарова"; "Аварийные службы"
  // first in its sentence is no name.
  const std::vector<Entity> e =
      Extract("ru", {"Воду отключили в Заречном районе и на улице Гончарова. Аварийные службы "
                     "работают всю ночь, сообщил глава Заречного района Пётр Сомов.\n",
                     "Дело передано в Следственный комитет. Жители улицы Гончарова ждут.\n",
                     "Прокуратура Заречного района начала проверку.\n"});
  // An organization head first in a sentence opens the name.
  ExpectEntity(e, "Прокуратура Заречного района", "organization");
  ExpectEntity(e, "Заречный район", "place", {"Заречном районе", "Заречного района"});
  ExpectEntity(e, "Следственный комитет", "organization");
  ExpectEntity(e, "улица Гончарова", "place", {"улице Гончарова", "улицы Гончарова"});
  ExpectNone(e, {"Аварийные службы", "Аварийные"});
}

TEST(EntitiesRussianTest, ACompanyInQuoteMarksIsAnOrganization) {
  const std::vector<Entity> e =
      Extract("ru", {"Авария произошла на участке, который обслуживает ООО «Тепловик». Директор "
                     "«Тепловика» обещал ремонт. Жители дома жалуются на компанию "
                     "«Уют-Сервис».\n"});
  ExpectEntity(e, "Тепловик", "organization", {"Тепловика"});
  ExpectEntity(e, "Уют-Сервис", "organization");
}

TEST(EntitiesSpanishTest, TitlesPlacesAndOrganizations) {
  const std::vector<Entity> e = Extract(
      "es", {"El presidente Pedro Sánchez viajó a Alemania el lunes. Pero el Gobierno no "
             "confirmó la visita.\n",
             "Sin embargo, la Sra. Díaz defendió el acuerdo. Según fuentes de Moncloa, la reunión "
             "fue un éxito.\n",
             "Telefónica SA anunció despidos en España. ¿Pero qué pasará ahora?, preguntó "
             "Sánchez.\n",
             "El Partido Popular ganó en Madrid. Hoy, el rey Felipe recibió al primer ministro de "
             "Italia.\n"});
  ExpectEntity(e, "Pedro Sánchez", "person", {"Sánchez"});
  ExpectEntity(e, "Díaz", "person");
  ExpectEntity(e, "Felipe", "person");
  ExpectEntity(e, "Alemania", "place");
  ExpectEntity(e, "España", "place");
  ExpectEntity(e, "Italia", "place");
  ExpectEntity(e, "Madrid", "place");
  ExpectEntity(e, "Telefónica SA", "organization");
  ExpectEntity(e, "Partido Popular", "organization");
  ExpectNone(e, {"Pero", "Sin", "Sin embargo", "Según", "Hoy", "Gobierno", "Sra"});
}

// "CC OO": an abbreviation that doubles each initial is one name, not two.
TEST(EntitiesSpanishTest, DoubledInitialsASpaceApartAreOneName) {
  const std::vector<Entity> e =
      Extract("es", {"La secretaria de CC OO en la fábrica habló con UGT. Desde CC OO piden "
                     "calma.\n"});
  ExpectEntity(e, "CC OO", "other");
  ExpectEntity(e, "UGT", "other");
  ExpectNone(e, {"CC", "OO"});
}

// "el río Ebro", "la calle Larios": a place's head word in lower case just
// before a name makes it a place.
TEST(EntitiesSpanishTest, APlaceHeadWordBeforeANameMakesItAPlace) {
  const std::vector<Entity> e =
      Extract("es", {"El río Tormesillo bajó crecido. Hubo un accidente en la calle Larraga.\n"});
  ExpectEntity(e, "Tormesillo", "place");
  ExpectEntity(e, "Larraga", "place");
}

// Bomberos, Servicio, Audiencia, Consejería, Diputación open the names of
// organizations.
TEST(EntitiesSpanishTest, FirefightersAndServicesAreOrganizations) {
  const std::vector<Entity> e =
      Extract("es", {"Los Bomberos de Sevilla llegaron a las diez. El Servicio Andaluz de Salud "
                     "abrió una investigación.\n"});
  ExpectEntity(e, "Bomberos de Sevilla", "organization");
  ExpectEntity(e, "Servicio Andaluz de Salud", "organization");
  const std::vector<Entity> f =
      Extract("es", {"La Audiencia Nacional investiga. La Consejería de Sanidad y la Diputación de "
                     "Teruel abrieron un expediente.\n"});
  ExpectEntity(f, "Audiencia Nacional", "organization");
  ExpectEntity(f, "Consejería de Sanidad", "organization");
  ExpectEntity(f, "Diputación de Teruel", "organization");
}

TEST(EntitiesSpanishTest, APortfolioAfterATitleIsNoNameAndANameOpensWithItsHead) {
  const std::vector<Entity> e =
      Extract("es", {"La ministra de Trabajo, Yolanda Díaz, habló con el Banco Santander en "
                     "Sevilla. El ministro de Economía Carlos Cuerpo viajó a Bruselas.\n"});
  ExpectEntity(e, "Banco Santander", "organization");
  ExpectEntity(e, "Sevilla", "place");
  EXPECT_TRUE(Written(e, "Carlos Cuerpo")) << Names(e);
  ExpectNone(e, {"Trabajo", "Economía", "Economía Carlos Cuerpo"});
}

TEST(EntitiesPortugueseTest, APortfolioAfterATitleIsNoNameAndANameOpensWithItsHead) {
  const std::vector<Entity> e =
      Extract("pt", {"O ministro da Fazenda, Fernando Haddad, reuniu-se com o Banco Central do "
                     "Brasil em Brasília.\n"});
  ExpectEntity(e, "Banco Central do Brasil", "organization");
  ExpectEntity(e, "Fernando Haddad", "person");
  ExpectNone(e, {"Fazenda"});
}

TEST(EntitiesItalianTest, TitlesPlacesAndOrganizations) {
  const std::vector<Entity> e = Extract(
      "it", {"Il presidente Sergio Mattarella ha ricevuto la premier Giorgia Meloni al "
             "Quirinale. Ma il governo non ha commentato.\n",
             "Secondo il signor Rossi, la Germania è pronta. Oggi Meloni parlerà a Bruxelles.\n",
             "La Fiat Spa ha chiuso lo stabilimento di Torino. Tuttavia, il Partito democratico "
             "resta diviso.\n",
             "Il sindaco di Milano ha incontrato i rappresentanti della Lega. Sì, ha risposto "
             "Mattarella.\n"});
  ExpectEntity(e, "Sergio Mattarella", "person", {"Mattarella"});
  ExpectEntity(e, "Giorgia Meloni", "person", {"Meloni"});
  ExpectEntity(e, "Rossi", "person");
  ExpectEntity(e, "Germania", "place");
  ExpectEntity(e, "Bruxelles", "place");
  ExpectEntity(e, "Torino", "place");
  ExpectEntity(e, "Milano", "place");
  ExpectEntity(e, "Fiat Spa", "organization");
  ExpectEntity(e, "Partito democratico", "organization");
  ExpectEntity(e, "Lega", "organization");
  ExpectNone(e, {"Ma", "Secondo", "Oggi", "Tuttavia", "Sì", "Il"});
}

TEST(EntitiesPortugueseTest, TitlesPlacesAndOrganizations) {
  const std::vector<Entity> e = Extract(
      "pt", {"O presidente Luiz Inácio Lula da Silva visitou a Alemanha. Mas o governo não "
             "comentou.\n",
             "Segundo o senhor Haddad, o acordo está próximo. A Petrobras anunciou lucros em São "
             "Paulo.\n",
             "Hoje, Lula falou com jornalistas em Brasília. Contudo, o Supremo Tribunal Federal "
             "suspendeu a decisão.\n",
             "A Vale SA exportou minério para a China. Sim, disse Lula.\n"});
  ExpectEntity(e, "Luiz Inácio Lula da Silva", "person");
  ExpectEntity(e, "Haddad", "person");
  ExpectEntity(e, "Alemanha", "place");
  ExpectEntity(e, "São Paulo", "place");
  ExpectEntity(e, "Brasília", "place");
  ExpectEntity(e, "China", "place");
  ExpectEntity(e, "Petrobras", "organization");
  ExpectEntity(e, "Supremo Tribunal Federal", "organization");
  ExpectEntity(e, "Vale SA", "organization");
  ExpectNone(e, {"Mas", "Segundo", "Hoje", "Contudo", "Sim", "O", "A"});
}

TEST(EntitiesLanguagesTest, RoadCodesAfterARoadWordArePlaces) {
  const std::vector<Entity> fr = Extract(
      "fr", {"Un camion s'est renversé sur l'autoroute A43 près de Grenoble. La circulation "
             "sur l'A43 a repris vers midi, selon la gendarmerie.\n"});
  ExpectEntity(fr, "A43", "place", {});
  const Entity* a43 = Find(fr, "A43");
  if (a43 != nullptr) {
    EXPECT_EQ(a43->mentions.size(), 2u) << Names(fr);
  }
  const std::vector<Entity> es =
      Extract("es", {"La carretera CL-505 sigue cortada entre Piedrahíta y Barco. El tráfico se "
                     "desvía por la N-110.\n"});
  ExpectEntity(es, "CL-505", "place");
  // No road word before it anywhere in the pile: no road.
  ExpectNone(es, {"N-110", "N", "CL"});
  const std::vector<Entity> ru =
      Extract("ru", {"Грузовик перевернулся на трассе Р-256 под Бердском.\n"});
  ExpectEntity(ru, "Р-256", "place");
  // English reads no road words: a code stays no name.
  const std::vector<Entity> en =
      Extract("en", {"A lorry overturned on the motorway M62 near Leeds on Tuesday.\n"});
  ExpectNone(en, {"M62"});
}

TEST(EntitiesLanguagesTest, LowerCaseHeadsAndAPlaceMakeAnInstitution) {
  const std::vector<Entity> fr =
      Extract("fr", {"Le parquet de Grenoble a ouvert une enquête. Selon la préfecture de l'Isère, "
                     "trois personnes sont blessées. Le maire de Voiron demande des comptes.\n"});
  ExpectEntity(fr, "parquet de Grenoble", "organization");
  // The name inside is a mention of its own.
  ExpectEntity(fr, "Grenoble", "place");
  ExpectEntity(fr, "Voiron", "place");
  const std::vector<Entity> it = Extract(
      "it", {"La procura di Savona ha aperto un fascicolo. Il sindaco di Varazze ha parlato "
             "ieri.\n"});
  ExpectEntity(it, "procura di Savona", "organization");
  ExpectEntity(it, "Varazze", "place");
  const std::vector<Entity> es =
      Extract("es", {"La fiscalía de Segovia investiga el caso. Los bomberos subieron al "
                     "puerto de Navacerrada por la tarde.\n"});
  ExpectEntity(es, "fiscalía de Segovia", "organization");
  ExpectEntity(es, "puerto de Navacerrada", "place");
  // A place head names the place itself: no "Navacerrada" beside it.
  ExpectNone(es, {"Navacerrada"});
  const std::vector<Entity> pt =
      Extract("pt", {"A câmara municipal de Leiria abriu um inquérito. A obra custou caro.\n"});
  ExpectEntity(pt, "câmara municipal de Leiria", "organization");
  // An organization's head word after a title and "of" opens its name.
  const std::vector<Entity> pt2 =
      Extract("pt", {"Falou o comandante dos Bombeiros Voluntários de Leiria. A ministra da Saúde "
                     "calou-se.\n"});
  ExpectEntity(pt2, "Bombeiros Voluntários de Leiria", "organization");
  ExpectNone(pt2, {"Saúde"});
  // The portfolio goes on after "of"; "para" joins after a head word.
  const std::vector<Entity> pt3 =
      Extract("pt", {"A secretária de Estado da Energia, Ana Lopes, visitou Leiria.\n"});
  ExpectEntity(pt3, "Ana Lopes", "person");
  ExpectNone(pt3, {"Energia", "Estado"});
  const std::vector<Entity> es2 = Extract(
      "es", {"Llegaron aviones del Ministerio para la Transición Ecológica. El debate llegó a "
             "las Cortes.\n"});
  ExpectEntity(es2, "Ministerio para la Transición Ecológica", "organization");
  ExpectEntity(es2, "Cortes", "organization");
  // A capitalized article inside a sentence is the name's.
  const std::vector<Entity> fr2 =
      Extract("fr", {"Le groupe Les Insoumis proteste à Grenoble. Les pompiers sont partis.\n"});
  // A lower-case organization head before a name types it.
  ExpectEntity(fr2, "Les Insoumis", "organization");
  ExpectNone(fr2, {"Les", "Le"});
  // Russian: the head in any case, named as listed; "мэра" is a title's.
  const std::vector<Entity> ru =
      Extract("ru", {"Проверку начали сотрудники прокуратуры Кировского района. Слова мэра Томска "
                     "передали журналисты.\n",
                     "Совещание прошло в мэрии Северска.\n"});
  ExpectEntity(ru, "прокуратура Кировского района", "organization",
               {"прокуратуры Кировского района"});
  EXPECT_TRUE(Written(ru, "Томска")) << Names(ru);
  ExpectEntity(ru, "мэрия Северска", "organization", {"мэрии Северска"});
  const std::vector<Entity> street =
      Extract("ru", {"Трубу прорвало на улице Чехова. Движение по улице Чехова перекрыто, а на "
                     "площади Победы ремонт.\n"});
  ExpectEntity(street, "улица Чехова", "place", {"улице Чехова"});
  ExpectEntity(street, "площадь Победы", "place", {"площади Победы"});
}

TEST(EntitiesLanguagesTest, RussianAdjectiveNamesAreNamedInTheNominative) {
  const std::vector<Entity> e =
      Extract("ru", {"Воду отключили в Кировском районе. Жители Кировского района жалуются.\n",
                     "В Томской области похолодало. Депутаты Областного собрания спорят.\n",
                     "На Лесной улице ремонт. В Областном собрании прошло заседание.\n",
                     "Суд вызвал Игоря Белоусова. Но Игорь Белоусов не пришел.\n"});
  ExpectEntity(e, "Кировский район", "place", {"Кировском районе", "Кировского района"});
  ExpectEntity(e, "Томская область", "place", {"Томской области"});
  ExpectEntity(e, "Лесная улица", "place", {"Лесной улице"});
  ExpectEntity(e, "Областное собрание", "organization",
               {"Областного собрания", "Областном собрании"});
  ExpectEntity(e, "Игорь Белоусов", "person", {"Игоря Белоусова"});
}

TEST(EntitiesLanguagesTest, ARussianBodyKeepsThePlaceItServesInTheGenitive) {
  // "Областной думы Томской области" is one body; its short forms elsewhere
  // are the same body, and the oblast is named too.
  const std::vector<Entity> e =
      Extract("ru", {"Вчера депутаты Областной думы Томской области приняли бюджет.\n",
                     "В Областной думе спорили до вечера. В Томской области похолодало.\n"});
  ExpectEntity(e, "Областная дума Томской области", "organization", {"Областной думе"});
  ExpectEntity(e, "Томская область", "place", {"Томской области"});
  ExpectNone(e, {"Областная дума"});
  // Two bodies of one name: its short form belongs to neither.
  const std::vector<Entity> two =
      Extract("ru", {"Вчера депутаты Областной думы Томской области приняли бюджет.\n",
                     "Позже депутаты Областной думы Омской области отложили бюджет.\n",
                     "В Областной думе спорили до вечера.\n"});
  ExpectEntity(two, "Областная дума Томской области", "organization");
  ExpectEntity(two, "Областная дума Омской области", "organization");
  ExpectEntity(two, "Областная дума", "organization", {"Областной думе"});
}

TEST(EntitiesLanguagesTest, ARussianNameInAnObliqueCaseMeetsTheListedNameByItsStem) {
  // "Казанью": no name ending of ru/entity_settings.txt leaves "Казань"'s
  // key, the Snowball stem does; "Казанской" is an adjective's.
  const std::vector<Entity> e =
      Extract("ru", {"Вчера над Казанью прошла гроза. Жители Казанской слободы спорят.\n"});
  ExpectEntity(e, "Казань", "place", {"Казанью"});
  const Entity* kazan = Find(e, "Казань");
  ASSERT_NE(kazan, nullptr);
  EXPECT_EQ(kazan->mentions.size(), 1u) << Names(e);
  // A one-word name seen only in an oblique case that no list or other form
  // names stays as written.
  const std::vector<Entity> alone = Extract("ru", {"Вчера над Бердском прошла гроза.\n"});
  EXPECT_TRUE(Written(alone, "Бердском")) << Names(alone);
  EXPECT_FALSE(Written(alone, "Бердск")) << Names(alone);
}

TEST(EntitiesLanguagesTest, AWorldPlaceIsNamedInThePilesLanguage) {
  // local_names.txt joins "Lisboa" to the world's Lisbon; a Portuguese pile
  // names it as Portuguese does, a German one as German does.
  const std::vector<Entity> pt =
      Extract("pt", {"O comboio partiu de Lisboa às oito horas, disse Rui Matos.\n"});
  ExpectEntity(pt, "Lisboa", "place");
  ExpectNone(pt, {"Lisbon"});
  const std::vector<Entity> de =
      Extract("de", {"Der Zug fuhr am Morgen nach Lissabon, sagte Jana Vogt.\n"});
  ExpectEntity(de, "Lissabon", "place");
  const std::vector<Entity> en =
      Extract("en", {"The train left Lisbon at eight, said Rui Matos.\n"});
  ExpectEntity(en, "Lisbon", "place");
}

TEST(EntitiesLanguagesTest, ADatelineInCapitalsIsTheNameItsCaseFormsLack) {
  // A dateline too long for an acronym is the name the pile capitalizes;
  // in Russian it gives the nominative of "в Зеленогорске".
  const std::vector<Entity> ru = Extract(
      "ru", {"ЗЕЛЕНОГОРСК. Во вторник в Зеленогорске прорвало трубу, сообщил Олег Сомов.\n"});
  ExpectEntity(ru, "Зеленогорск", "other", {"ЗЕЛЕНОГОРСК", "Зеленогорске"});
  const std::vector<Entity> pt =
      Extract("pt", {"COIMBRA. O autocarro saiu de Coimbra às oito horas, disse Rui Matos.\n"});
  ExpectEntity(pt, "Coimbra", "place", {"COIMBRA"});
  // Not a word the pile never writes as a name.
  const std::vector<Entity> none =
      Extract("pt", {"URGENTE. O autocarro saiu de Coimbra às oito horas.\n"});
  ExpectNone(none, {"URGENTE", "Urgente"});
}

TEST(EntitiesLanguagesTest, AnOrganizationOpenedByItsHeadNamesTheListedPlaceEndingIt) {
  const std::vector<Entity> es =
      Extract("es", {"La Junta de Castilla y León aprobó ayer las ayudas, dijo Pedro Sanz.\n"});
  ExpectEntity(es, "Junta de Castilla y León", "organization");
  ExpectEntity(es, "Castilla y León", "place");
  const std::vector<Entity> it =
      Extract("it", {"Ieri la Regione Liguria ha chiuso la strada, ha detto Luca Neri.\n"});
  ExpectEntity(it, "Regione Liguria", "organization");
  ExpectEntity(it, "Liguria", "place");
  // In Russian, also an adjective and a place head word.
  const std::vector<Entity> ru =
      Extract("ru", {"Вчера Прокуратура Кировского района начала проверку.\n"});
  ExpectEntity(ru, "Прокуратура Кировского района", "organization");
  ExpectEntity(ru, "Кировский район", "place", {"Кировского района"});
  // A name the lists do not know as a place stays inside.
  const std::vector<Entity> unknown =
      Extract("it", {"Ieri la Regione Valtorba ha chiuso la strada, ha detto Luca Neri.\n"});
  ExpectNone(unknown, {"Valtorba"});
}

TEST(EntitiesGermanTest, ATownEndingInACommonNounAfterAPlacePrepositionIsAPlace) {
  const std::vector<Entity> e = Extract(
      "de", {"Der Zug aus Mühlhausen kam am Dienstag zu spät. Die Pendler fuhren dann nach "
             "Wilhelmshaven weiter.\n",
             "In Bremerhaven wartete das Haus der Feuerwehr. Ein Haus brannte, der Hafen war "
             "gesperrt.\n",
             "Sie wohnt in Heidelberg, sagte Vogt.\n"});
  ExpectEntity(e, "Mühlhausen", "place");
  ExpectEntity(e, "Wilhelmshaven", "place");
  ExpectEntity(e, "Bremerhaven", "place");
  ExpectEntity(e, "Heidelberg", "place");
  ExpectNone(e, {"Haus", "Hafen", "Pendler", "Feuerwehr"});
}

// A data folder's copy of a non-English list replaces the built-in one.
class EntitiesLanguageDataTest : public TempDirTest {};

TEST_F(EntitiesLanguageDataTest, ATitleOfTheDataFolderMakesAFrenchPerson) {
  const std::string text = "Hier, le bâtonnier Durand a parlé aux avocats de Lyon.\n";
  const Entity* before = nullptr;
  std::vector<Entity> e = Extract("fr", {text});
  before = Find(e, "Durand");
  ASSERT_NE(before, nullptr) << Names(e);
  EXPECT_EQ(before->type, "other");
  Result<std::string> titles = ReadDataFile("", "fr/person_titles.txt");
  ASSERT_TRUE(titles.ok()) << titles.status().ToString();
  Write("fr/person_titles.txt", *titles + "bâtonnier\n");
  e = Extract("fr", {text}, dir_.string());
  const Entity* after = Find(e, "Durand");
  ASSERT_NE(after, nullptr) << Names(e);
  EXPECT_EQ(after->type, "person");
}

TEST_F(EntitiesLanguageDataTest, ACommonNounOfTheDataFolderIsNoGermanName) {
  const std::string text = "Brenner kauft Kiesgrube, sagte Vogt am Dienstag.\n";
  std::vector<Entity> e = Extract("de", {text});
  EXPECT_TRUE(Written(e, "Kiesgrube")) << Names(e);
  Result<std::string> nouns = ReadDataFile("", "de/common_nouns.txt");
  ASSERT_TRUE(nouns.ok()) << nouns.status().ToString();
  Write("de/common_nouns.txt", *nouns + "grube\n");
  e = Extract("de", {text}, dir_.string());
  EXPECT_FALSE(Written(e, "Kiesgrube")) << Names(e);
  EXPECT_TRUE(Written(e, "Vogt")) << Names(e);
}

TEST_F(EntitiesLanguageDataTest, AnInstitutionHeadOfTheDataFolderMakesAnOrganization) {
  const std::string text = "Hier, le rectorat de Grenoble a fermé trois écoles.\n";
  Write("fr/institution_heads.txt", "# heads\ninspection | organization\n");
  std::vector<Entity> e =
      Extract("fr", {"Hier, l'inspection de Grenoble a parlé.\n", text}, dir_.string());
  EXPECT_TRUE(Written(e, "inspection de Grenoble")) << Names(e);
  EXPECT_FALSE(Written(e, "rectorat de Grenoble")) << Names(e);
  Write("fr/institution_heads.txt", "inspection | maybe\n");
  Result<EntityExtractor> bad = EntityExtractor::Create(dir_.string(), "fr");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(EntitiesLanguageDataTest, RoadWordsAndNominativesOfTheDataFolder) {
  Result<std::string> settings = ReadDataFile("", "ru/entity_settings.txt");
  ASSERT_TRUE(settings.ok()) << settings.status().ToString();
  // The built-in settings without their nominative lines.
  std::string without;
  for (size_t pos = 0; pos < settings->size();) {
    size_t end = settings->find('\n', pos);
    end = end == std::string::npos ? settings->size() : end + 1;
    const std::string line = settings->substr(pos, end - pos);
    if (line.rfind("nominative", 0) != 0) without += line;
    pos = end;
  }
  Write("ru/entity_settings.txt", without);
  const std::string text = "На Ленинском проспекте пробка. По дороге М-7 едут медленно.\n";
  std::vector<Entity> e = Extract("ru", {text}, dir_.string());
  EXPECT_FALSE(Written(e, "М-7")) << Names(e);
  EXPECT_FALSE(Written(e, "Ленинский проспект")) << Names(e);
  Write("ru/entity_settings.txt", without + "road_word | дороге\nnominative | ском е | ский -\n");
  e = Extract("ru", {text}, dir_.string());
  EXPECT_TRUE(Written(e, "М-7")) << Names(e);
  EXPECT_TRUE(Written(e, "Ленинский проспект")) << Names(e);
  Write("ru/entity_settings.txt", "nominative | ском е\n");
  Result<EntityExtractor> bad = EntityExtractor::Create(dir_.string(), "ru");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(EntitiesLanguageDataTest, ALocalNameOfTheDataFolderMeetsItsObliqueFormsByStem) {
  const std::string text = "Вчера над Тверью прошла гроза, сообщил Павел Сомов.\n";
  std::vector<Entity> e = Extract("ru", {text});
  EXPECT_FALSE(Written(e, "Тверь")) << Names(e);
  Result<std::string> local = ReadDataFile("", "ru/local_names.txt");
  ASSERT_TRUE(local.ok()) << local.status().ToString();
  Write("ru/local_names.txt", *local + "Тверь\n");
  e = Extract("ru", {text}, dir_.string());
  ExpectEntity(e, "Тверь", "place", {"Тверью"});
}

TEST_F(EntitiesLanguageDataTest, ALocalNameOfTheDataFolderNamesAWorldPlace) {
  // The form of the line met first in it names the referent.
  const std::string text =
      "O comboio partiu de Lisboa às oito horas. Em Olisipo, disse Rui Matos, chove.\n";
  Write("pt/local_names.txt", "Lisbon | Lisboa | Olisipo\n");
  std::vector<Entity> e = Extract("pt", {text}, dir_.string());
  ExpectEntity(e, "Lisboa", "place", {"Olisipo"});
  Write("pt/local_names.txt", "Lisbon | Olisipo | Lisboa\n");
  e = Extract("pt", {text}, dir_.string());
  ExpectEntity(e, "Olisipo", "place", {"Lisboa"});
}

TEST_F(EntitiesLanguageDataTest, APlaceSuffixOfTheDataFolderKeepsAGermanTown) {
  Result<std::string> settings = ReadDataFile("", "de/entity_settings.txt");
  ASSERT_TRUE(settings.ok()) << settings.status().ToString();
  std::string without;  // the built-in settings without their place suffixes
  for (size_t pos = 0; pos < settings->size();) {
    size_t end = settings->find('\n', pos);
    end = end == std::string::npos ? settings->size() : end + 1;
    const std::string line = settings->substr(pos, end - pos);
    if (line.rfind("place_suffix", 0) != 0) without += line;
    pos = end;
  }
  const std::string text = "Der Bus fuhr nach Mühlhausen, sagte Vogt. Danach ging er nach Hause.\n";
  Write("de/entity_settings.txt", without);
  std::vector<Entity> e = Extract("de", {text}, dir_.string());
  EXPECT_FALSE(Written(e, "Mühlhausen")) << Names(e);
  Write("de/entity_settings.txt", without + "place_suffix | hausen\n");
  e = Extract("de", {text}, dir_.string());
  ExpectEntity(e, "Mühlhausen", "place");
  ExpectNone(e, {"Hause"});
}

TEST_F(EntitiesLanguageDataTest, AnUnknownSettingIsAnError) {
  Write("de/entity_settings.txt", "capitalized_nouns | maybe\n");
  Result<EntityExtractor> bad = EntityExtractor::Create(dir_.string(), "de");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace dossier
