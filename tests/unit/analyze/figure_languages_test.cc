// The figures of German, French, Spanish, Italian, Portuguese and Russian
// news sentences, read with each language's word lists and number format
// (data/<language>/), and a data folder that changes them.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "../data_folder.h"
#include "analyze/figures.h"
#include "analyzed_text.h"
#include "dossier/pipeline.h"

namespace dossier {
namespace {

// (span text, value, value_high, qualifier, unit, what) of every figure.
using Row = std::tuple<std::string, double, double, std::string, std::string, std::string>;
using Rows = std::vector<Row>;

// The figures of `text` analysed as `language`, read with the lists of
// `data_dir` (empty: the built-in ones).
Rows Figures(const std::string& language, const std::string& text,
             const std::string& data_dir = "") {
  Result<Pipeline> pipeline = PipelineIn(language, data_dir);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  Result<FigureExtractor> figures = FigureExtractor::Create(data_dir, language);
  EXPECT_TRUE(figures.ok()) << figures.status().ToString();
  if (!pipeline.ok() || !figures.ok()) return {};
  Document doc = AnalyzedDocument(*pipeline, text);
  Rows rows;
  for (const FigureMention& m : figures->Extract(doc, 0)) {
    rows.emplace_back(std::string(m.span.Slice(doc.text)), m.value, m.value_high, m.qualifier,
                      m.unit, m.what);
  }
  return rows;
}

// (span text, earlier) of every figure of `text` analysed as `language`.
using Marks = std::vector<std::pair<std::string, bool>>;
Marks Earlier(const std::string& language, const std::string& text,
              const std::string& data_dir = "") {
  Result<Pipeline> pipeline = PipelineIn(language, data_dir);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  Result<FigureExtractor> figures = FigureExtractor::Create(data_dir, language);
  EXPECT_TRUE(figures.ok()) << figures.status().ToString();
  if (!pipeline.ok() || !figures.ok()) return {};
  Document doc = AnalyzedDocument(*pipeline, text);
  Marks out;
  for (const FigureMention& m : figures->Extract(doc, 0)) {
    out.emplace_back(std::string(m.span.Slice(doc.text)), m.earlier);
  }
  return out;
}

// German.
TEST(GermanFiguresTest, DeathToll) {
  EXPECT_EQ(Figures("de", "Bei dem Unglück kamen 224 Menschen ums Leben.\n"),
            (Rows{{"224 Menschen", 224, 224, "", "people", "killed"}}));
}
TEST(GermanFiguresTest, InjuredWithQualifier) {
  EXPECT_EQ(Figures("de", "Mindestens 12 Menschen wurden verletzt.\n"),
            (Rows{{"Mindestens 12 Menschen", 12, 12, "at least", "people", "injured"}}));
}
TEST(GermanFiguresTest, DecimalCommaPercentLevel) {
  EXPECT_EQ(Figures("de", "Die Arbeitslosigkeit stieg auf 5,2 Prozent.\n"),
            (Rows{{"5,2 Prozent", 5.2, 5.2, "", "percent", "Arbeitslosigkeit"}}));
}
TEST(GermanFiguresTest, PercentSignAfterASpaceIsAChange) {
  EXPECT_EQ(Figures("de", "Der Preis stieg um 12,5 %.\n"),
            (Rows{{"12,5 %", 12.5, 12.5, "", "percent", "Preis (Veränderung)"}}));
}
TEST(GermanFiguresTest, AbbreviatedMagnitudeBeforeCurrency) {
  EXPECT_EQ(Figures("de", "Der Konzern verlor 3,2 Mio. Euro.\n"),
            (Rows{{"3,2 Mio. Euro", 3.2e6, 3.2e6, "", "euro", "Verlust"}}));
}
TEST(GermanFiguresTest, DotsGroupThousands) {
  EXPECT_EQ(Figures("de", "Rund 5.000 Soldaten sind im Einsatz.\n"),
            (Rows{{"Rund 5.000 Soldaten", 5000, 5000, "about", "", "Soldaten"}}));
  EXPECT_EQ(Figures("de", "Die Schäden werden auf 1.000.000 Euro geschätzt.\n"),
            (Rows{{"1.000.000 Euro", 1e6, 1e6, "", "euro", ""}}));
}
TEST(GermanFiguresTest, SpaceGroupsAndEuroSignAfter) {
  EXPECT_EQ(Figures("de", "Ein Budget von 1 000,5 Euro reicht nicht.\n"),
            (Rows{{"1 000,5 Euro", 1000.5, 1000.5, "", "euro", "Budget"}}));
  // A narrow no-break space groups, and the sign follows the number.
  EXPECT_EQ(Figures("de", "Ein Budget von 2\u202F500 \u20AC reicht nicht.\n"),
            (Rows{{"2\u202F500 \u20AC", 2500, 2500, "", "euro", "Budget"}}));
}
TEST(GermanFiguresTest, RangeBetween) {
  EXPECT_EQ(Figures("de", "Zwischen 10 und 20 Häuser wurden zerstört.\n"),
            (Rows{{"Zwischen 10 und 20 Häuser", 10, 20, "", "", "Häuser"}}));
}
TEST(GermanFiguresTest, NumberWordsAndMagnitudes) {
  EXPECT_EQ(
      Figures("de", "Mehr als drei Millionen Menschen sind geflohen.\n"),
      (Rows{{"Mehr als drei Millionen Menschen", 3e6, 3e6, "more than", "people", "people"}}));
  EXPECT_EQ(Figures("de", "Fünfundzwanzig Menschen wurden getötet.\n"),
            (Rows{{"Fünfundzwanzig Menschen", 25, 25, "", "people", "killed"}}));
}
TEST(GermanFiguresTest, AgeAndLength) {
  EXPECT_EQ(Figures("de", "Der Mann ist 34 Jahre alt.\n"),
            (Rows{{"34 Jahre alt", 34, 34, "", "year", "age"}}));
  EXPECT_EQ(Figures("de", "Die Strecke ist 40 Kilometer lang.\n"),
            (Rows{{"40 Kilometer lang", 40, 40, "", "kilometre", "length"}}));
}
TEST(GermanFiguresTest, DatesAreNoNumbers) {
  // "12.03.2020" makes no groups of three digits: no number in German.
  EXPECT_EQ(Figures("de", "Am 12.03.2020 wurden 7 Häuser gebaut.\n"),
            (Rows{{"7 Häuser", 7, 7, "", "", "Häuser"}}));
}
TEST(GermanFiguresTest, OneThousandIsReadByTheLanguage) {
  // "1.000" is a thousand in German and one in English.
  EXPECT_EQ(Figures("de", "Es gab 1.000 Verletzte.\n"),
            (Rows{{"1.000 Verletzte", 1000, 1000, "", "people", "injured"}}));
  EXPECT_EQ(Figures("en", "There were 1.000 injured.\n"),
            (Rows{{"1.000 injured", 1, 1, "", "people", "injured"}}));
}
TEST(GermanFiguresTest, TheNumberOfTheInjuredRoseToACount) {
  EXPECT_EQ(Figures("de", "Nach dem Brand ist die Zahl der Verletzten auf 9 gestiegen.\n"),
            (Rows{{"9", 9, 9, "", "people", "injured"}}));
}
TEST(GermanFiguresTest, AnObjectBeforeTheSettingVerbIsWhatItMeasures) {
  EXPECT_EQ(Figures("de", "Den Verlust schätzt der Verein auf 3,5 Mio. Euro.\n"),
            (Rows{{"3,5 Mio. Euro", 3.5e6, 3.5e6, "", "euro", "Verlust"}}));
  // After a semicolon, a clause of its own.
  EXPECT_EQ(Figures("de", "Das war teuer; den Verlust beziffert der Verein auf 3,5 Mio. Euro.\n"),
            (Rows{{"3,5 Mio. Euro", 3.5e6, 3.5e6, "", "euro", "Verlust"}}));
  // A subject put first is no object: "Der Verein" names who estimates.
  EXPECT_EQ(Figures("de", "Der Verein schätzt den Verlust auf 3,5 Mio. Euro.\n"),
            (Rows{{"3,5 Mio. Euro", 3.5e6, 3.5e6, "", "euro", "Verlust"}}));
}
TEST(GermanFiguresTest, ATimePhraseBetweenTheVerbAndTheFigure) {
  EXPECT_EQ(
      Figures("de", "Die Zahl der Besucher im Museum stieg im vergangenen Jahr um 4 Prozent.\n"),
      (Rows{{"4 Prozent", 4, 4, "", "percent", "Besucher (Veränderung)"}}));
}
TEST(GermanFiguresTest, APronounSubjectAfterTheMoneyVerb) {
  EXPECT_EQ(Figures("de", "Nach Angaben der Stadt kostet das rund 3 Mio. Euro.\n"),
            (Rows{{"rund 3 Mio. Euro", 3e6, 3e6, "about", "euro", "Kosten"}}));
}
// The verb comes last in the perfect and in a subordinate clause: a change
// verb right after "um" and the figure changes the clause's subject, which no
// preposition governs ("im ersten Quartal" is no subject).
TEST(GermanFiguresTest, TheVerbLastAfterTheFigure) {
  EXPECT_EQ(Figures("de", "Der Absatz sei im ersten Quartal um 6 Prozent gesunken.\n"),
            (Rows{{"6 Prozent", 6, 6, "", "percent", "Absatz (Veränderung)"}}));
  EXPECT_EQ(Figures("de", "Im ersten Quartal ist der gesamte Absatz um 6 Prozent gesunken.\n"),
            (Rows{{"6 Prozent", 6, 6, "", "percent", "Absatz (Veränderung)"}}));
  EXPECT_EQ(Figures("de", "Die Firma teilte mit, der Absatz sei um 6 Prozent gesunken.\n"),
            (Rows{{"6 Prozent", 6, 6, "", "percent", "Absatz (Veränderung)"}}));
  // No verb after the figure: no subject is taken from the clause.
  EXPECT_NE(std::get<5>(Figures("de", "Der Absatz lag im Mai um 6 Prozent höher.\n").at(0)),
            "Absatz (Veränderung)");
}
// A share and "mehr" (figure_grammar.txt more-after) before a noun: a change
// of that noun.
TEST(GermanFiguresTest, AShareMoreOfANounIsItsChange) {
  EXPECT_EQ(Figures("de", "Die Gewerkschaft verlangt 6 Prozent mehr Gehalt.\n"),
            (Rows{{"6 Prozent", 6, 6, "", "percent", "Gehalt (Veränderung)"}}));
}
// A money verb with its subject and object between it and the figure.
TEST(GermanFiguresTest, TheMoneyVerbBeforeItsSubjectAndObject) {
  EXPECT_EQ(Figures("de", "Laut der Stadt kostet jeder Tag die Betriebe rund 3 Mio. Euro.\n"),
            (Rows{{"rund 3 Mio. Euro", 3e6, 3e6, "about", "euro", "Kosten"}}));
  // A mark between them ends the search.
  EXPECT_NE(
      std::get<5>(Figures("de", "Das kostet Zeit; die Betriebe verloren 3 Mio. Euro.\n").at(0)),
      "Kosten");
}

// French.
TEST(FrenchFiguresTest, DeathTollWithQualifier) {
  EXPECT_EQ(Figures("fr", "Au moins 12 personnes ont été tuées dans l'attentat.\n"),
            (Rows{{"Au moins 12 personnes", 12, 12, "at least", "people", "killed"}}));
}
TEST(FrenchFiguresTest, SeventyToNinetyNine) {
  EXPECT_EQ(Figures("fr", "Soixante-dix personnes ont été évacuées.\n"),
            (Rows{{"Soixante-dix personnes", 70, 70, "", "people", "evacuated"}}));
  EXPECT_EQ(Figures("fr", "Il y avait soixante et onze candidats.\n"),
            (Rows{{"soixante et onze candidats", 71, 71, "", "", "candidats"}}));
  EXPECT_EQ(Figures("fr", "On compte quatre-vingts maisons.\n"),
            (Rows{{"quatre-vingts maisons", 80, 80, "", "", "maisons"}}));
  EXPECT_EQ(Figures("fr", "On compte quatre-vingt-dix-neuf maisons.\n"),
            (Rows{{"quatre-vingt-dix-neuf maisons", 99, 99, "", "", "maisons"}}));
  EXPECT_EQ(Figures("fr", "On compte soixante-douze maisons et dix-sept granges.\n"),
            (Rows{{"soixante-douze maisons", 72, 72, "", "", "maisons"},
                  {"dix-sept granges", 17, 17, "", "", "granges"}}));
  EXPECT_EQ(Figures("fr", "On compte nonante-neuf maisons.\n"),
            (Rows{{"nonante-neuf maisons", 99, 99, "", "", "maisons"}}));
}
TEST(FrenchFiguresTest, ARoundNumberIsAnEstimate) {
  EXPECT_EQ(Figures("fr", "Une cinquantaine d'engins ont été envoyés.\n"),
            (Rows{{"Une cinquantaine d'engins", 50, 50, "about", "", "engins"}}));
  // Alone, "une quarantaine" is a quarantine, no figure.
  EXPECT_EQ(Figures("fr", "Le navire a été placé sous une quarantaine stricte.\n"), (Rows{}));
}
TEST(FrenchFiguresTest, SquareMetresWrittenWithASuperscript) {
  EXPECT_EQ(Figures("fr", "La salle, d'une surface de 2 500 m², a brûlé.\n"),
            (Rows{{"2 500 m²", 2500, 2500, "", "square metre", "surface"}}));
}
TEST(FrenchFiguresTest, AnAdverbBetweenTheCountAndTheCasualty) {
  EXPECT_EQ(Figures("fr", "Cinq personnes ont finalement été blessées.\n"),
            (Rows{{"Cinq personnes", 5, 5, "", "people", "injured"}}));
}
TEST(FrenchFiguresTest, Injured) {
  EXPECT_EQ(Figures("fr", "L'explosion a fait 12 blessés.\n"),
            (Rows{{"12 blessés", 12, 12, "", "people", "injured"}}));
}
TEST(FrenchFiguresTest, PercentLevel) {
  EXPECT_EQ(Figures("fr", "Le chômage a atteint 5,2 %.\n"),
            (Rows{{"5,2 %", 5.2, 5.2, "", "percent", "chômage"}}));
}
// A level verb's subject may carry a phrase (figure_grammar.txt "subject |
// phrase"): what the figure measures is its head noun.
TEST(FrenchFiguresTest, TheSubjectOfALevelVerbMayCarryAPhrase) {
  EXPECT_EQ(Figures("fr", "Le coût des travaux est estimé à 2,3 millions d'euros.\n"),
            (Rows{{"2,3 millions d'euros", 2300000, 2300000, "", "euro", "coût"}}));
  EXPECT_EQ(Figures("fr", "Les dégâts sont estimés à 12 millions d'euros.\n"),
            (Rows{{"12 millions d'euros", 12000000, 12000000, "", "euro", "dégâts"}}));
}
TEST(FrenchFiguresTest, PercentInWordsIsAChange) {
  EXPECT_EQ(Figures("fr", "Les prix ont augmenté de 12,5 pour cent.\n"),
            (Rows{{"12,5 pour cent", 12.5, 12.5, "", "percent", "variation de prix"}}));
}
TEST(FrenchFiguresTest, MillionsOfEuros) {
  EXPECT_EQ(Figures("fr", "L'entreprise a perdu 3 millions d'euros.\n"),
            (Rows{{"3 millions d'euros", 3e6, 3e6, "", "euro", "perte"}}));
}
TEST(FrenchFiguresTest, SpacesGroupThousands) {
  EXPECT_EQ(Figures("fr", "Environ 1 000 soldats sont déployés.\n"),
            (Rows{{"Environ 1 000 soldats", 1000, 1000, "about", "", "soldats"}}));
  EXPECT_EQ(
      Figures("fr", "Plus de 200\u00A0000 personnes ont fui.\n"),
      (Rows{{"Plus de 200\u00A0000 personnes", 200000, 200000, "more than", "people", "people"}}));
}
TEST(FrenchFiguresTest, RangeBetween) {
  EXPECT_EQ(Figures("fr", "Entre 10 et 20 maisons ont été détruites.\n"),
            (Rows{{"Entre 10 et 20 maisons", 10, 20, "", "", "maisons"}}));
}
TEST(FrenchFiguresTest, NumberWords) {
  EXPECT_EQ(Figures("fr", "Vingt-cinq personnes ont été blessées.\n"),
            (Rows{{"Vingt-cinq personnes", 25, 25, "", "people", "injured"}}));
}

TEST(FrenchFiguresTest, DatesAreNoFigures) {
  EXPECT_EQ(Figures("fr", "Le 12 mars, les pompiers ont compté 30 maisons détruites.\n"),
            (Rows{{"30 maisons", 30, 30, "", "", "maisons"}}));
}

// Spanish.
TEST(SpanishFiguresTest, DeathTollWithQualifier) {
  EXPECT_EQ(Figures("es", "Al menos 12 personas murieron en el ataque.\n"),
            (Rows{{"Al menos 12 personas", 12, 12, "at least", "people", "killed"}}));
}
TEST(SpanishFiguresTest, ARoundNumberIsAnEstimate) {
  EXPECT_EQ(Figures("es", "Una decena de casas quedaron dañadas.\n"),
            (Rows{{"Una decena de casas", 10, 10, "about", "", "casas"}}));
}
TEST(SpanishFiguresTest, KilometresPerHourWrittenOutAreKmH) {
  EXPECT_EQ(Figures("es", "Hubo rachas de 70 kilómetros por hora.\n"),
            (Rows{{"70 kilómetros por hora", 70, 70, "", "km/h", "rachas"}}));
}
TEST(SpanishFiguresTest, ASentenceOpensOnTheVerb) {
  // A capitalized word before a number is a label ("Boeing 737"), but not
  // a verb that opens the sentence.
  EXPECT_EQ(Figures("es", "Llegaron 300 migrantes a la isla.\n"),
            (Rows{{"300 migrantes", 300, 300, "", "", "migrantes"}}));
}
TEST(SpanishFiguresTest, HundredsWords) {
  EXPECT_EQ(Figures("es", "Doscientos cincuenta soldados llegaron ayer.\n"),
            (Rows{{"Doscientos cincuenta soldados", 250, 250, "", "", "soldados"}}));
}
TEST(SpanishFiguresTest, PercentLevel) {
  EXPECT_EQ(Figures("es", "El desempleo subió al 5,2 %.\n"),
            (Rows{{"5,2 %", 5.2, 5.2, "", "percent", "desempleo"}}));
  EXPECT_EQ(Figures("es", "La inflación fue de 3,5 por ciento.\n"),
            (Rows{{"3,5 por ciento", 3.5, 3.5, "", "percent", "inflación"}}));
}
TEST(SpanishFiguresTest, PercentChange) {
  EXPECT_EQ(Figures("es", "Las ventas crecieron un 12 %.\n"),
            (Rows{{"12 %", 12, 12, "", "percent", "cambio en ventas"}}));
}
TEST(SpanishFiguresTest, MillionsOfEuros) {
  EXPECT_EQ(Figures("es", "La empresa perdió 3 millones de euros.\n"),
            (Rows{{"3 millones de euros", 3e6, 3e6, "", "euro", "pérdidas"}}));
  EXPECT_EQ(Figures("es", "El plan costó 2.500 millones de dólares.\n"),
            (Rows{{"2.500 millones de dólares", 2.5e9, 2.5e9, "", "dollar", "costo"}}));
}
// A magnitude takes its counted noun after the scale-of word, as a unit.
TEST(SpanishFiguresTest, MillionsOfACountedNoun) {
  EXPECT_EQ(Figures("es", "El puerto mueve 5,4 millones de contenedores.\n"),
            (Rows{{"5,4 millones de contenedores", 5.4e6, 5.4e6, "", "", "contenedores"}}));
  EXPECT_EQ(Figures("fr", "Le port traite 5,4 millions de conteneurs.\n"),
            (Rows{{"5,4 millions de conteneurs", 5.4e6, 5.4e6, "", "", "conteneurs"}}));
  // An elided preposition ("all'anno") is no part of the noun.
  EXPECT_EQ(Figures("it", "Il porto movimenta 5,4 milioni di container all'anno.\n"),
            (Rows{{"5,4 milioni di container", 5.4e6, 5.4e6, "", "", "container"}}));
}
// Money verbs name the money after them.
TEST(SpanishFiguresTest, MoneyVerbsNameTheMoney) {
  EXPECT_EQ(Figures("es", "La Junta destinará 3 millones de euros a la zona.\n"),
            (Rows{{"3 millones de euros", 3e6, 3e6, "", "euro", "fondos destinados"}}));
  EXPECT_EQ(Figures("es", "El club ingresa 2 millones de euros.\n"),
            (Rows{{"2 millones de euros", 2e6, 2e6, "", "euro", "ingresos"}}));
  // A rate's period by its unit's name.
  EXPECT_EQ(Figures("es", "El club ingresa 2 millones de euros al año.\n"),
            (Rows{{"2 millones de euros al año", 2e6, 2e6, "", "euro per year", "ingresos"}}));
}
TEST(SpanishFiguresTest, DotsGroupThousands) {
  EXPECT_EQ(Figures("es", "Unos 5.000 soldados participan.\n"),
            (Rows{{"Unos 5.000 soldados", 5000, 5000, "about", "", "soldados"}}));
  EXPECT_EQ(Figures("es", "Más de 200.000 personas huyeron.\n"),
            (Rows{{"Más de 200.000 personas", 200000, 200000, "more than", "people", "people"}}));
}
TEST(SpanishFiguresTest, RangeBetween) {
  EXPECT_EQ(Figures("es", "Entre 10 y 20 casas quedaron destruidas.\n"),
            (Rows{{"Entre 10 y 20 casas", 10, 20, "", "", "casas"}}));
}
TEST(SpanishFiguresTest, NumberWordsWithY) {
  EXPECT_EQ(Figures("es", "Treinta y cinco personas resultaron heridas.\n"),
            (Rows{{"Treinta y cinco personas", 35, 35, "", "people", "injured"}}));
}

// Italian.
TEST(ItalianFiguresTest, DeathTollWithQualifier) {
  EXPECT_EQ(Figures("it", "Almeno 12 persone sono morte nell'attacco.\n"),
            (Rows{{"Almeno 12 persone", 12, 12, "at least", "people", "killed"}}));
}
TEST(ItalianFiguresTest, ASentenceOpeningOnTheVerbHasItsSubjectAfterTheFigure) {
  EXPECT_EQ(Figures("it", "Salgono a 40 gli alunni dopo la fusione.\n"),
            (Rows{{"40", 40, 40, "", "", "alunni"}}));
  // A casualty word after the figure makes it a casualty.
  EXPECT_EQ(Figures("it", "Salgono a 40 gli sfollati dopo l'alluvione.\n"),
            (Rows{{"40", 40, 40, "", "people", "evacuated"}}));
}
TEST(ItalianFiguresTest, TheEvacuatedAreCountedLikeCasualties) {
  EXPECT_EQ(Figures("it", "Dopo l'alluvione 60 persone sono state fatte sgomberare.\n"),
            (Rows{{"60 persone", 60, 60, "", "people", "evacuated"}}));
  EXPECT_EQ(Figures("it", "Salgono a 70 gli sfollati.\n"),
            (Rows{{"70", 70, 70, "", "people", "evacuated"}}));
  // "Sono 12 i morti": an article between the figure and its casualty.
  EXPECT_EQ(Figures("it", "Sono 12 i morti del naufragio.\n"),
            (Rows{{"12", 12, 12, "", "people", "killed"}}));
}
TEST(ItalianFiguresTest, PercentLevel) {
  EXPECT_EQ(Figures("it", "La disoccupazione è salita al 5,2 %.\n"),
            (Rows{{"5,2 %", 5.2, 5.2, "", "percent", "disoccupazione"}}));
}
TEST(ItalianFiguresTest, PercentChange) {
  EXPECT_EQ(Figures("it", "Le vendite sono cresciute del 12,5 per cento.\n"),
            (Rows{{"12,5 per cento", 12.5, 12.5, "", "percent", "variazione di vendite"}}));
}
TEST(ItalianFiguresTest, MillionsOfEuros) {
  EXPECT_EQ(Figures("it", "L'azienda ha perso 3 milioni di euro.\n"),
            (Rows{{"3 milioni di euro", 3e6, 3e6, "", "euro", "perdita"}}));
}
TEST(ItalianFiguresTest, DotsGroupThousands) {
  EXPECT_EQ(Figures("it", "Circa 5.000 soldati sono stati schierati.\n"),
            (Rows{{"Circa 5.000 soldati", 5000, 5000, "about", "", "soldati"}}));
  EXPECT_EQ(Figures("it", "Oltre 200.000 persone sono fuggite.\n"),
            (Rows{{"Oltre 200.000 persone", 200000, 200000, "over", "people", "people"}}));
}
TEST(ItalianFiguresTest, RangeBetween) {
  EXPECT_EQ(Figures("it", "Tra 10 e 20 case sono state distrutte.\n"),
            (Rows{{"Tra 10 e 20 case", 10, 20, "", "", "case"}}));
}
TEST(ItalianFiguresTest, NumberWords) {
  EXPECT_EQ(Figures("it", "Venticinque feriti sono stati ricoverati.\n"),
            (Rows{{"Venticinque feriti", 25, 25, "", "people", "injured"}}));
}

// Portuguese.
TEST(PortugueseFiguresTest, DeathTollWithQualifier) {
  EXPECT_EQ(Figures("pt", "Pelo menos 12 pessoas morreram no ataque.\n"),
            (Rows{{"Pelo menos 12 pessoas", 12, 12, "at least", "people", "killed"}}));
}
TEST(PortugueseFiguresTest, ACountThenTheNumberOfTheDead) {
  EXPECT_EQ(Figures("pt", "Subiu para 23 o número de mortos no incêndio.\n"),
            (Rows{{"23", 23, 23, "", "people", "killed"}}));
}
TEST(PortugueseFiguresTest, ASingularParticipleIsNoCountedNoun) {
  EXPECT_EQ(Figures("pt", "O camião ia acima do limite de 90 km/h fixado para a estrada.\n"),
            (Rows{{"90 km/h", 90, 90, "", "km/h", "limite"}}));
}
TEST(PortugueseFiguresTest, PercentLevel) {
  EXPECT_EQ(Figures("pt", "O desemprego subiu para 5,2 %.\n"),
            (Rows{{"5,2 %", 5.2, 5.2, "", "percent", "desemprego"}}));
}
TEST(PortugueseFiguresTest, PercentChange) {
  EXPECT_EQ(Figures("pt", "As vendas cresceram 12,5 por cento.\n"),
            (Rows{{"12,5 por cento", 12.5, 12.5, "", "percent", "variação em vendas"}}));
}
TEST(PortugueseFiguresTest, MillionsOfReais) {
  EXPECT_EQ(Figures("pt", "A empresa perdeu 3 milhões de reais.\n"),
            (Rows{{"3 milhões de reais", 3e6, 3e6, "", "real", "prejuízo"}}));
  EXPECT_EQ(Figures("pt", "O governo liberou R$ 5 bilhões.\n"),
            (Rows{{"R$ 5 bilhões", 5e9, 5e9, "", "real", ""}}));
}
TEST(PortugueseFiguresTest, DotsGroupThousands) {
  EXPECT_EQ(Figures("pt", "Cerca de 5.000 soldados foram enviados.\n"),
            (Rows{{"Cerca de 5.000 soldados", 5000, 5000, "about", "", "soldados"}}));
  EXPECT_EQ(Figures("pt", "Mais de 200.000 pessoas fugiram.\n"),
            (Rows{{"Mais de 200.000 pessoas", 200000, 200000, "more than", "people", "people"}}));
}
TEST(PortugueseFiguresTest, RangeBetween) {
  EXPECT_EQ(Figures("pt", "Entre 10 e 20 casas foram destruídas.\n"),
            (Rows{{"Entre 10 e 20 casas", 10, 20, "", "", "casas"}}));
}
TEST(PortugueseFiguresTest, NumberWordsWithE) {
  EXPECT_EQ(Figures("pt", "Vinte e cinco pessoas ficaram feridas.\n"),
            (Rows{{"Vinte e cinco pessoas", 25, 25, "", "people", "injured"}}));
}

// Russian.
TEST(RussianFiguresTest, DeathTollWithQualifier) {
  EXPECT_EQ(Figures("ru", "В результате взрыва погибли не менее 12 человек.\n"),
            (Rows{{"не менее 12 человек", 12, 12, "at least", "people", "killed"}}));
}
TEST(RussianFiguresTest, TheNumberOfTheInjuredRoseToACount) {
  EXPECT_EQ(Figures("ru", "Число пострадавших при пожаре выросло до пяти человек.\n"),
            (Rows{{"пяти человек", 5, 5, "", "people", "injured"}}));
}
// Those who sought medical help are counted with the injured, the phrase
// before the figure or after it; a count of those who went elsewhere is not.
TEST(RussianFiguresTest, ThoseWhoSoughtMedicalHelpAreInjured) {
  EXPECT_EQ(Figures("ru", "По данным минздрава, за медицинской помощью обратились семь человек.\n"),
            (Rows{{"семь человек", 7, 7, "", "people", "injured"}}));
  EXPECT_EQ(Figures("ru", "Еще 12 человек обратились за медицинской помощью.\n"),
            (Rows{{"12 человек", 12, 12, "", "people", "injured"}}));
  EXPECT_EQ(Figures("ru", "В полицию обратились 12 человек.\n"),
            (Rows{{"12 человек", 12, 12, "", "people", "people"}}));
}
// Collective numerals count people: "трое погибших", "двое пострадали".
TEST(RussianFiguresTest, CollectiveNumeralsAndMoreCasualtyWords) {
  EXPECT_EQ(Figures("ru", "При пожаре погибли трое рабочих.\n"),
            (Rows{{"трое рабочих", 3, 3, "", "people", "killed"}}));
  EXPECT_EQ(Figures("ru", "В аварии пострадало пятеро детей.\n"),
            (Rows{{"пятеро детей", 5, 5, "", "people", "injured"}}));
  EXPECT_EQ(Figures("ru", "Шесть человек травмированы.\n"),
            (Rows{{"Шесть человек", 6, 6, "", "people", "injured"}}));
}
// After 2, 3 or 4 (not 12 to 14) the noun is in the genitive singular; its
// label is the nominative plural, unless it is one already ("три дома").
TEST(RussianFiguresTest, AfterTwoToFourTheLabelIsTheNominativePlural) {
  EXPECT_EQ(Figures("ru", "На борту находились 164 пассажира.\n"),
            (Rows{{"164 пассажира", 164, 164, "", "", "пассажиры"}}));
  EXPECT_EQ(Figures("ru", "В парке компании 23 самолета.\n"),
            (Rows{{"23 самолета", 23, 23, "", "", "самолеты"}}));
  EXPECT_EQ(Figures("ru", "Без тепла остались 43 дома.\n"),
            (Rows{{"43 дома", 43, 43, "", "", "дома"}}));
  EXPECT_EQ(Figures("ru", "На борту находились 12 пассажиров.\n"),
            (Rows{{"12 пассажиров", 12, 12, "", "", "пассажиры"}}));
}
// The count noun opens the sentence and a casualty qualifies the noun after it.
TEST(RussianFiguresTest, TheNumberOfPeopleWhoWereInjuredRoseToACount) {
  EXPECT_EQ(Figures("ru",
                    "Число пассажиров, пострадавших при аварии автобуса на трассе у деревни, "
                    "выросло до семи.\n"),
            (Rows{{"семи", 7, 7, "", "people", "injured"}}));
}
TEST(RussianFiguresTest, DoIsUpToUnlessAVerbSetsTheLevel) {
  EXPECT_EQ(Figures("ru", "Штраф составит до 200 тыс. рублей.\n"),
            (Rows{{"до 200 тыс. рублей", 2e5, 2e5, "up to", "rouble", "штраф"}}));
  EXPECT_EQ(Figures("ru", "Безработица выросла до 5 %.\n"),
            (Rows{{"5 %", 5, 5, "", "percent", "безработица"}}));
}
TEST(RussianFiguresTest, ASentenceOpensOnTheVerb) {
  // A capitalized word before a number is a label ("Boeing 737"), but not
  // a verb that opens the sentence.
  EXPECT_EQ(Figures("ru", "Погибли 12 человек.\n"),
            (Rows{{"12 человек", 12, 12, "", "people", "killed"}}));
}
TEST(RussianFiguresTest, PercentLevel) {
  EXPECT_EQ(Figures("ru", "Безработица выросла до 5,2 %.\n"),
            (Rows{{"5,2 %", 5.2, 5.2, "", "percent", "безработица"}}));
}
TEST(RussianFiguresTest, PercentChange) {
  EXPECT_EQ(Figures("ru", "Цены выросли на 12,5 процента.\n"),
            (Rows{{"12,5 процента", 12.5, 12.5, "", "percent", "изменение цены"}}));
}
TEST(RussianFiguresTest, AbbreviatedMagnitudes) {
  EXPECT_EQ(Figures("ru", "Компания потеряла 1,5 млрд рублей.\n"),
            (Rows{{"1,5 млрд рублей", 1.5e9, 1.5e9, "", "rouble", "убытки"}}));
  EXPECT_EQ(Figures("ru", "Из города эвакуированы 10 тыс. человек.\n"),
            (Rows{{"10 тыс. человек", 1e4, 1e4, "", "people", "evacuated"}}));
}
TEST(RussianFiguresTest, SpacesGroupThousands) {
  EXPECT_EQ(Figures("ru", "Около 5 000 домов остались без света.\n"),
            (Rows{{"Около 5 000 домов", 5000, 5000, "about", "", "дома"}}));
}
TEST(RussianFiguresTest, GenitivePluralsWithoutEnding) {
  EXPECT_EQ(Figures("ru", "Около 5 000 солдат участвуют в учениях.\n"),
            (Rows{{"Около 5 000 солдат", 5000, 5000, "about", "", "солдаты"}}));
}
TEST(RussianFiguresTest, YearsNamedByTheirWordAreDates) {
  EXPECT_EQ(Figures("ru", "Итоги 2024 года подвели 15 экспертов.\n"),
            (Rows{{"15 экспертов", 15, 15, "", "", "эксперты"}}));
}
TEST(RussianFiguresTest, RangeFromTo) {
  EXPECT_EQ(Figures("ru", "От 10 до 20 домов были разрушены.\n"),
            (Rows{{"10 до 20 домов", 10, 20, "", "", "дома"}}));
}
TEST(RussianFiguresTest, InflectedNumberWordsAndMagnitudes) {
  EXPECT_EQ(
      Figures("ru", "Более двухсот тысяч человек покинули город.\n"),
      (Rows{{"Более двухсот тысяч человек", 200000, 200000, "more than", "people", "people"}}));
  EXPECT_EQ(Figures("ru", "Двадцать пять человек получили ранения.\n"),
            (Rows{{"Двадцать пять человек", 25, 25, "", "people", "injured"}}));
}

// Russian puts adverbials between a subject and its verb (figure_grammar.txt
// "subject | phrase"): the subject before the phrase is what the level is of.
TEST(RussianFiguresTest, TheSubjectStandsBeforeAnAdverbialPhrase) {
  EXPECT_EQ(Figures("ru", "Столбик термометра в городе опустился до минус 32 градусов.\n"),
            (Rows{{"минус 32 градусов", -32, -32, "", "degree", "столбик термометра"}}));
  EXPECT_EQ(Figures("ru", "Температура воздуха в ту ночь опускалась до минус 15 градусов.\n"),
            (Rows{{"минус 15 градусов", -15, -15, "", "degree", "температура воздуха"}}));
}

// Russian puts what a unit measures after it, in the genitive
// (figure_grammar.txt "plural-unit | genitive"); an infinitive level verb
// after "может" names its subject.
TEST(RussianFiguresTest, APluralUnitTakesWhatItMeasuresInTheGenitive) {
  EXPECT_EQ(Figures("ru", "Рабочие уложат около 300 метров кабеля.\n"),
            (Rows{{"около 300 метров", 300, 300, "about", "metre", "кабеля"}}));
  EXPECT_EQ(Figures("ru", "Ущерб может составить 2 млн рублей.\n"),
            (Rows{{"2 млн рублей", 2e6, 2e6, "", "rouble", "ущерб"}}));
}

// A counted noun in the genitive plural after a number or a unit is
// labelled in the nominative (figure_labels.txt counted-ending,
// counted-modifier-ending, counted-form); a word of no listed case keeps
// the label as written.
TEST(RussianFiguresTest, ACountedNounIsLabelledInTheNominative) {
  EXPECT_EQ(Figures("ru", "Без света остались 45 жилых домов.\n"),
            (Rows{{"45 жилых домов", 45, 45, "", "", "жилые дома"}}));
  EXPECT_EQ(Figures("ru", "На складе нашли 300 ящиков.\n"),
            (Rows{{"300 ящиков", 300, 300, "", "", "ящики"}}));
  EXPECT_EQ(Figures("ru", "Бригады заменят 20 километров сетей.\n"),
            (Rows{{"20 километров", 20, 20, "", "kilometre", "сети"}}));
  EXPECT_EQ(Figures("ru", "В библиотеку привезли 700 книг.\n"),
            (Rows{{"700 книг", 700, 700, "", "", "книги"}}));
  // After 21 the nominative singular: "музей" is no genitive plural.
  EXPECT_EQ(Figures("ru", "В области работает 21 музей.\n"),
            (Rows{{"21 музей", 21, 21, "", "", "музей"}}));
  EXPECT_EQ(Figures("ru", "В области работают 25 музеев.\n"),
            (Rows{{"25 музеев", 25, 25, "", "", "музеи"}}));
  EXPECT_EQ(Figures("ru", "Проверено около 30 % рыб в пруду.\n"),
            (Rows{{"около 30 %", 30, 30, "about", "percent", "рыб"}}));
}

// A dimension noun in the instrumental before the figure names what it
// measures (figure_grammar.txt dimension-before).
TEST(RussianFiguresTest, ADimensionNounBeforeTheFigureNamesIt) {
  EXPECT_EQ(Figures("ru", "Строители проложат трубу длиной 300 метров.\n"),
            (Rows{{"300 метров", 300, 300, "", "metre", "длина"}}));
  EXPECT_EQ(Figures("ru", "Лопнула труба диаметром 500 миллиметров.\n"),
            (Rows{{"500 миллиметров", 500, 500, "", "millimetre", "диаметр"}}));
}

// Verbs of the languages' figure_verbs.txt that name what a figure is: a
// French passive participle of a setting verb gives its subject a level
// ("sont estimées à", "ont été évaluées à"), a Portuguese vehicle moves at
// a speed, Russian money is needed ("нужно"); and Italian elides "di"
// ("millimetri d'acqua").
TEST(FigureVerbsInLanguagesTest, PassivesSpeedsAndNeeds) {
  EXPECT_EQ(Figures("fr", "Les pertes sont estimées à 4 millions d'euros.\n"),
            (Rows{{"4 millions d'euros", 4e6, 4e6, "", "euro", "pertes"}}));
  EXPECT_EQ(Figures("fr", "Les réparations ont été évaluées à 2 millions d'euros.\n"),
            (Rows{{"2 millions d'euros", 2e6, 2e6, "", "euro", "réparations"}}));
  EXPECT_EQ(Figures("pt", "O camião circulava a 90 km/h.\n"),
            (Rows{{"90 km/h", 90, 90, "", "km/h", "camião"}}));
  EXPECT_EQ(Figures("ru", "Для ремонта моста нужно 2 млрд рублей.\n"),
            (Rows{{"2 млрд рублей", 2e9, 2e9, "", "rouble", "необходимая сумма"}}));
  EXPECT_EQ(Figures("it", "Nella notte sono caduti 120 millimetri d'acqua.\n"),
            (Rows{{"120 millimetri", 120, 120, "", "millimetre", "acqua"}}));
}

// The groups of figures over `texts` (one document each) analysed as
// `language`: each group's status and the text of its mentions.
using GroupRow = std::pair<std::string, std::vector<std::string>>;
std::vector<GroupRow> Groups(const std::string& language, const std::vector<std::string>& texts) {
  Result<Pipeline> pipeline = PipelineIn(language);
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  Result<FigureExtractor> figures = FigureExtractor::Create("", language);
  EXPECT_TRUE(figures.ok()) << figures.status().ToString();
  if (!pipeline.ok() || !figures.ok()) return {};
  const Cluster cluster = AnalyzedCluster(*pipeline, texts);
  std::vector<GroupRow> rows;
  for (const FigureGroup& g : figures->Group(cluster)) {
    GroupRow row{FigureStatusName(g.status), {}};
    for (const FigureMention& m : g.mentions) {
      row.second.emplace_back(m.span.Slice(cluster.documents[m.document].text));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Hectares burnt, worded apart by each source, are one figure; other
// hectares, and a far larger burnt area, are not.
TEST(FigureGroupsInLanguagesTest, BurntHectaresWordedApartAreOneFigure) {
  EXPECT_EQ(Groups("es", {"El fuego ha quemado unas 800 hectáreas de monte bajo.\n",
                          "Las llamas han recorrido ya 950 hectáreas, según los bomberos.\n",
                          "La finca vecina tiene 900 hectáreas de olivar. En toda la región han "
                          "ardido más de 4.000 hectáreas este año.\n"}),
            (std::vector<GroupRow>{{"conflict", {"unas 800 hectáreas", "950 hectáreas"}},
                                   {"agree", {"900 hectáreas"}},
                                   {"agree", {"más de 4.000 hectáreas"}}}));
  EXPECT_EQ(Groups("fr", {"L'incendie a déjà parcouru 300 hectares de garrigue.\n",
                          "Au total, 340 hectares ont brûlé depuis dimanche.\n"}),
            (std::vector<GroupRow>{{"conflict", {"300 hectares", "340 hectares"}}}));
}

// The label of each group of figures over `texts` analysed as `language`,
// with the lists of `data_dir` (empty: the built-in ones).
std::vector<std::string> GroupLabels(const std::string& language,
                                     const std::vector<std::string>& texts,
                                     const std::string& data_dir = "") {
  Result<Pipeline> pipeline = PipelineIn(language, data_dir);
  Result<FigureExtractor> figures = FigureExtractor::Create(data_dir, language);
  if (!pipeline.ok() || !figures.ok()) return {"(no lists)"};
  std::vector<std::string> labels;
  for (const FigureGroup& g : figures->Group(AnalyzedCluster(*pipeline, texts))) {
    labels.push_back(g.what);
  }
  return labels;
}

// A group labelled both in the dative plural and in the nominative is
// labelled in the nominative (figure_labels.txt case-ending), however many
// sources use the dative.
const std::vector<std::string> kBoatTexts = {
    "Das Boot war mit 48 Urlaubern an Bord unterwegs.\n",
    "Auf dem Boot waren 48 Urlauber.\n",
    "Das Boot hatte mit 48 Urlaubern abgelegt.\n",
};
TEST(FigureGroupsInLanguagesTest, ALabelInTheDativeIsGivenInTheNominative) {
  EXPECT_EQ(GroupLabels("de", kBoatTexts), (std::vector<std::string>{"Urlauber"}));
  // Without the nominative in the pile the dative stays.
  EXPECT_EQ(GroupLabels("de", {kBoatTexts[0], kBoatTexts[2]}),
            (std::vector<std::string>{"Urlaubern"}));
  // The nominative of another group of the pile names it too.
  EXPECT_EQ(GroupLabels("de", {kBoatTexts[0], kBoatTexts[2], "Im Hafen warteten 15 Urlauber.\n"}),
            (std::vector<std::string>{"Urlauber", "Urlauber"}));
}

// "could exceed 2.7 million" and "will spend 2.7 million" are two figures:
// a bound is not the amount.
TEST(FigureGroupsInLanguagesTest, ABoundAndAnAmountOfOneValueStayApart) {
  EXPECT_EQ(Groups("es", {"Los ganaderos calculan que las pérdidas podrían superar los 2,7 "
                          "millones de euros.\n",
                          "El Gobierno regional destinará 2,7 millones de euros a las ayudas.\n"}),
            (std::vector<GroupRow>{{"agree", {"superar los 2,7 millones de euros"}},
                                   {"agree", {"2,7 millones de euros"}}}));
}

// Where the language sets it, the same count of a thing one source names
// more narrowly is one figure; not small counts, not English.
TEST(FigureGroupsInLanguagesTest, ACountNamedMoreNarrowlyIsTheSameCount) {
  EXPECT_EQ(Groups("ru", {"Без воды остались 240 панельных домов.\n",
                          "На окраине без воды остались 240 домов.\n"}),
            (std::vector<GroupRow>{{"agree", {"240 панельных домов", "240 домов"}}}));
  EXPECT_EQ(Groups("ru", {"Без воды остались 8 панельных домов.\n",
                          "На окраине без воды остались 8 домов.\n"})
                .size(),
            2u);
  EXPECT_EQ(Groups("en", {"The storm sank 240 fishing boats.\n",
                          "The storm sank 240 boats in the bay.\n"})
                .size(),
            2u);
}

// Where the language sets it, "about 1.8 million" and "1.8 million" agree.
TEST(FigureGroupsInLanguagesTest, AnApproximateValueAgreesWithTheExactOne) {
  EXPECT_EQ(Groups("de", {"Den Schaden schätzt der Betreiber auf rund 1,8 Mio. Euro.\n",
                          "Den Schaden schätzt der Betreiber auf 1,8 Mio. Euro.\n"}),
            (std::vector<GroupRow>{{"agree", {"rund 1,8 Mio. Euro", "1,8 Mio. Euro"}}}));
  auto five = [](uint32_t document, const std::string& qualifier) {
    FigureMention m;
    m.document = document;
    m.value = m.value_high = 5;
    m.qualifier = qualifier;
    return m;
  };
  const FigureMention about = five(0, "about");
  const FigureMention exact = five(1, "");
  const FigureMention more = five(1, "more than");
  EXPECT_EQ(FigureExtractor::Verdict({about, exact}, true), FigureGroup::Status::kAgree);
  EXPECT_EQ(FigureExtractor::Verdict({about, exact}, false), FigureGroup::Status::kConsistent);
  EXPECT_EQ(FigureExtractor::Verdict({about, more}, true), FigureGroup::Status::kConsistent);
}

// A data folder replaces a language's lists: a unit, and the number format.
class FigureLanguageDataTest : public DataFolderTest {};

TEST_F(FigureLanguageDataTest, AFolderAddsAGermanUnit) {
  const std::string text = "Es wurden 40 Kamele gezählt.\n";
  EXPECT_EQ(Figures("de", text), (Rows{{"40 Kamele", 40, 40, "", "", "Kamele"}}));
  Extend("de/units.txt", "kamele | camel | measure");
  EXPECT_EQ(Figures("de", text, data_dir()), (Rows{{"40 Kamele", 40, 40, "", "camel", ""}}));
}

TEST_F(FigureLanguageDataTest, AFolderChangesTheGermanNumberFormat) {
  const std::string text = "Es gab 1.500 Verletzte.\n";
  EXPECT_EQ(Figures("de", text), (Rows{{"1.500 Verletzte", 1500, 1500, "", "people", "injured"}}));
  Write("de/number_format.txt", "decimal | .\ngroup | ,\ngroups | loose\n");
  EXPECT_EQ(Figures("de", text, data_dir()),
            (Rows{{"1.500 Verletzte", 1.5, 1.5, "", "people", "injured"}}));
}

TEST_F(FigureLanguageDataTest, ABadNumberFormatIsAnError) {
  Write("de/number_format.txt", "decimal | ,\ngroup | ,\ngroups | strict\n");
  Result<FigureExtractor> figures = FigureExtractor::Create(data_dir(), "de");
  ASSERT_FALSE(figures.ok());
  EXPECT_EQ(figures.status().code(), StatusCode::kInvalidArgument);
}

// Without the setting "subject | phrase", a subject before a phrase names
// nothing.
TEST_F(FigureLanguageDataTest, AFolderWithoutTheSubjectPhraseSetting) {
  std::string grammar = *ReadDataFile("", "ru/figure_grammar.txt");
  const size_t at = grammar.find("\nsubject        | phrase\n");
  ASSERT_NE(at, std::string::npos);
  grammar.erase(at + 1, grammar.find('\n', at + 1) - at);
  Write("ru/figure_grammar.txt", grammar);
  const std::string text = "Столбик термометра в городе опустился до минус 32 градусов.\n";
  EXPECT_EQ(Figures("ru", text, data_dir()),
            (Rows{{"минус 32 градусов", -32, -32, "", "degree", ""}}));
}

// Without the setting "plural-unit | genitive", a plural unit is no
// modifier.
TEST_F(FigureLanguageDataTest, AFolderWithoutThePluralUnitGenitiveSetting) {
  std::string grammar = *ReadDataFile("", "ru/figure_grammar.txt");
  const size_t at = grammar.find("\nplural-unit    | genitive\n");
  ASSERT_NE(at, std::string::npos);
  grammar.erase(at + 1, grammar.find('\n', at + 1) - at);
  Write("ru/figure_grammar.txt", grammar);
  EXPECT_EQ(Figures("ru", "Рабочие уложат около 300 метров кабеля.\n", data_dir()),
            (Rows{{"около 300 метров", 300, 300, "about", "metre", ""}}));
}

// The label settings of issue 18 read from the data folder: without the
// case ending a group keeps its most frequent label; without the counted
// endings a Russian count keeps its genitive; a dimension noun the folder
// adds names its figure; a change label without a template goes before
// what changes.
TEST_F(FigureLanguageDataTest, AFolderWithoutTheCaseEnding) {
  std::string labels = *ReadDataFile("", "de/figure_labels.txt");
  const size_t at = labels.find("\nn              | case-ending\n");
  ASSERT_NE(at, std::string::npos);
  labels.erase(at + 1, labels.find('\n', at + 1) - at);
  Write("de/figure_labels.txt", labels);
  EXPECT_EQ(GroupLabels("de", kBoatTexts, data_dir()), (std::vector<std::string>{"Urlaubern"}));
}
TEST_F(FigureLanguageDataTest, AFolderWithoutTheCountedEndings) {
  std::string labels = *ReadDataFile("", "ru/figure_labels.txt");
  std::string kept;
  for (size_t at = 0; at < labels.size();) {
    const size_t end = std::min(labels.find('\n', at), labels.size() - 1) + 1;
    const std::string line = labels.substr(at, end - at);
    if (line.find("| counted-") == std::string::npos) kept += line;
    at = end;
  }
  Write("ru/figure_labels.txt", kept);
  EXPECT_EQ(Figures("ru", "Без света остались 45 жилых домов.\n", data_dir()),
            (Rows{{"45 жилых домов", 45, 45, "", "", "жилых домов"}}));
}
TEST_F(FigureLanguageDataTest, AFolderWithoutTheSingularAfterOne) {
  std::string labels = *ReadDataFile("", "ru/figure_labels.txt");
  const size_t at = labels.find("\ncounted-singular | last-digit-one\n");
  ASSERT_NE(at, std::string::npos);
  labels.erase(at + 1, labels.find('\n', at + 1) - at);
  Write("ru/figure_labels.txt", labels);
  EXPECT_EQ(Figures("ru", "В области работает 21 музей.\n", data_dir()),
            (Rows{{"21 музей", 21, 21, "", "", "музи"}}));
}
TEST_F(FigureLanguageDataTest, AFolderAddsADimensionNoun) {
  const std::string text = "Строители проложат трубу сечением 300 миллиметров.\n";
  Extend("ru/figure_grammar.txt", "сечением | dimension-before | сечение | length");
  EXPECT_EQ(Figures("ru", text, data_dir()),
            (Rows{{"300 миллиметров", 300, 300, "", "millimetre", "сечение"}}));
  EXPECT_NE(std::get<5>(Figures("ru", text).at(0)), "сечение");
}
TEST_F(FigureLanguageDataTest, AFolderWithAChangeLabelBeforeTheNoun) {
  std::string grammar = *ReadDataFile("", "de/figure_grammar.txt");
  const size_t at = grammar.find("{} (veränderung) | change-label");
  ASSERT_NE(at, std::string::npos);
  grammar.replace(at, std::string("{} (veränderung)").size(), "plus bei");
  Write("de/figure_grammar.txt", grammar);
  EXPECT_EQ(Figures("de", "Der Preis stieg um 12,5 %.\n", data_dir()),
            (Rows{{"12,5 %", 12.5, 12.5, "", "percent", "Plus bei Preis"}}));
}

// Earlier counts (figures.h, EARLIER FIGURES): a figure after the language's
// earlier-report marker that its document replaces with a new value.
TEST(EarlierFiguresInLanguagesTest, Russian) {
  EXPECT_EQ(Earlier("ru",
                    "Число пострадавших при пожаре выросло до пяти человек. Ранее сообщалось "
                    "о трех пострадавших.\n"),
            (Marks{{"пяти человек", false}, {"трех пострадавших", true}}));
  // The marker alone: no new count in the document.
  EXPECT_EQ(Earlier("ru", "Ранее сообщалось о трех пострадавших.\n"),
            (Marks{{"трех пострадавших", false}}));
}
TEST(EarlierFiguresInLanguagesTest, German) {
  EXPECT_EQ(Earlier("de",
                    "Bei dem Unfall wurden 14 Menschen verletzt. Zuvor war von neun Verletzten "
                    "die Rede.\n"),
            (Marks{{"14 Menschen", false}, {"neun Verletzten", true}}));
}
TEST(EarlierFiguresInLanguagesTest, French) {
  EXPECT_EQ(Earlier("fr",
                    "L'incendie a fait 12 morts selon la préfecture. Un premier bilan faisait "
                    "état de 7 morts.\n"),
            (Marks{{"12 morts", false}, {"7 morts", true}}));
}
TEST(EarlierFiguresInLanguagesTest, Spanish) {
  EXPECT_EQ(Earlier("es",
                    "Quince personas murieron en el incendio. Inicialmente se habló de nueve "
                    "muertos.\n"),
            (Marks{{"Quince personas", false}, {"nueve muertos", true}}));
}

TEST(EarlierFiguresInLanguagesTest, Italian) {
  EXPECT_EQ(Earlier("it",
                    "Il bilancio della frana è salito a dodici morti. In un primo momento si era "
                    "parlato di nove morti.\n"),
            (Marks{{"dodici morti", false}, {"nove morti", true}}));
  EXPECT_EQ(Earlier("it",
                    "Sono 14 i feriti, secondo la prefettura. Il primo bilancio parlava di sei "
                    "feriti.\n"),
            (Marks{{"14", false}, {"sei feriti", true}}));
  // The marker alone: no new count in the document.
  EXPECT_EQ(Earlier("it", "In un primo momento si era parlato di nove morti.\n"),
            (Marks{{"nove morti", false}}));
}
TEST(EarlierFiguresInLanguagesTest, Portuguese) {
  EXPECT_EQ(Earlier("pt",
                    "O acidente fez 19 feridos, segundo os bombeiros. O primeiro balanço "
                    "apontava 12 feridos.\n"),
            (Marks{{"19 feridos", false}, {"12 feridos", true}}));
  EXPECT_EQ(Earlier("pt",
                    "Morreram 11 pessoas no incêndio. Inicialmente as autoridades falaram em "
                    "sete mortos.\n"),
            (Marks{{"11 pessoas", false}, {"sete mortos", true}}));
}
}  // namespace
}  // namespace dossier
