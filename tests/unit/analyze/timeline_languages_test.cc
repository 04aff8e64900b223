// The time expressions of German, French, Spanish, Italian, Portuguese and
// Russian news text (data/<lang>/ time lists and time_grammar.txt),
// resolved against a document date. Every sentence is written for these
// tests.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "../data_folder.h"
#include "analyze/timeline.h"
#include "analyzed_text.h"
#include "dossier/pipeline.h"

namespace dossier {
namespace {

constexpr char kSaturday[] = "2026-03-14";  // the document date: a Saturday

class TimelineLanguagesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Pipeline> p = Pipeline::Create({});
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = new Pipeline(std::move(*p));
    builders_ = new std::map<std::string, TimelineBuilder>();
    for (const char* language : {"de", "fr", "es", "it", "pt", "ru"}) {
      Result<TimelineBuilder> t = TimelineBuilder::Create("", language);
      ASSERT_TRUE(t.ok()) << language << ": " << t.status().ToString();
      builders_->emplace(language, std::move(*t));
    }
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    delete builders_;
  }

 public:
  // "expression=date" for every expression of `text` (in `language`) read
  // as of `date`.
  static std::vector<std::string> Found(const TimelineBuilder& timeline, const std::string& text,
                                        const std::string& date = kSaturday) {
    Document doc = AnalyzedDocument(*pipeline_, text);
    doc.date = date;
    std::vector<std::string> found;
    for (const TimeExpression& e : timeline.Extract(doc, 0)) {
      found.push_back(std::string(e.span.Slice(doc.text)) + "=" + e.date);
    }
    return found;
  }
  static std::vector<std::string> Found(const std::string& language, const std::string& text) {
    return Found(builders_->at(language), text);
  }
  static const Pipeline& pipeline() { return *pipeline_; }
  static const TimelineBuilder& builder(const std::string& language) {
    return builders_->at(language);
  }

 private:
  static Pipeline* pipeline_;
  static std::map<std::string, TimelineBuilder>* builders_;
};

Pipeline* TimelineLanguagesTest::pipeline_ = nullptr;
std::map<std::string, TimelineBuilder>* TimelineLanguagesTest::builders_ = nullptr;

using Dates = std::vector<std::string>;

TEST_F(TimelineLanguagesTest, German) {
  EXPECT_EQ(Found("de", "Der Minister trat gestern zurück."), Dates{"gestern=2026-03-13"});
  EXPECT_EQ(Found("de", "Die Wahl fand am 3. März 2015 statt."), Dates{"3. März 2015=2015-03-03"});
  EXPECT_EQ(Found("de", "Die Grenze war am 3. März geschlossen worden."),
            Dates{"3. März=2026-03-03"});
  EXPECT_EQ(Found("de", "Das Treffen begann am Dienstag in Berlin."), Dates{"Dienstag=2026-03-10"});
  // A weekday and a part of the day in one word.
  EXPECT_EQ(Found("de", "Der Zug entgleiste am Dienstagabend bei Kassel."),
            Dates{"Dienstagabend=2026-03-10"});
  EXPECT_EQ(Found("de", "Am kommenden Dienstag wird das Parlament abstimmen."),
            Dates{"kommenden Dienstag=2026-03-17"});
  EXPECT_EQ(Found("de", "Die Polizei nahm vor drei Tagen zwei Männer fest."),
            Dates{"vor drei Tagen=2026-03-11"});
  EXPECT_EQ(Found("de", "Letzte Woche hatte die Regierung den Plan vorgestellt."),
            Dates{"Letzte Woche=2026-03-07"});
  EXPECT_EQ(Found("de", "Der Vertrag wurde am 03.12.2015 unterzeichnet."),
            Dates{"03.12.2015=2015-12-03"});
  // "morgen" is tomorrow, "Morgen" the morning.
  EXPECT_EQ(Found("de", "Heute Morgen sprach der Kanzler, morgen reist er ab."),
            (Dates{"Heute=2026-03-14", "morgen=2026-03-15"}));
  EXPECT_EQ(Found("de", "Im Januar war die Zahl der Arbeitslosen gestiegen."),
            Dates{"Im Januar=2026-01"});
  EXPECT_EQ(Found("de", "In zwei Wochen soll der Bericht erscheinen."),
            Dates{"In zwei Wochen=2026-03-28"});
  EXPECT_EQ(Found("de", "Im vergangenen Jahr wurden weniger Autos verkauft."),
            Dates{"vergangenen Jahr=2025"});
  EXPECT_EQ(Found("de", "Die Brücke wurde im Jahr 2015 gebaut."), Dates{"Jahr 2015=2015"});
  // A part of the day alone is the day named before it in the sentence,
  // else the document's day.
  EXPECT_EQ(Found("de", "Der Minister sprach am Abend vor Studenten."),
            Dates{"am Abend=2026-03-14"});
  EXPECT_EQ(Found("de", "Die Polizei meldete gestern am Nachmittag zwei Festnahmen."),
            (Dates{"gestern=2026-03-13", "am Nachmittag=2026-03-13"}));
  EXPECT_EQ(Found("es", "El ministro llegará mañana por la tarde a Sevilla."),
            (Dates{"mañana=2026-03-15", "la tarde=2026-03-15"}));
  // A late part of the day (late_daypart) told in the past with no day
  // named before it: the last day the document named before it, not one
  // ahead; with none, the evening before the document's day, which had not
  // come when it was written.
  EXPECT_EQ(Found("es", "La reunión terminó por la noche."), Dates{"la noche=2026-03-13"});
  EXPECT_EQ(Found("de",
                  "Zwei weitere Fahrgäste hätten sich erst am Abend gemeldet, teilte die Polizei "
                  "mit."),
            Dates{"am Abend=2026-03-13"});
  EXPECT_EQ(Found("de",
                  "Am Dienstag stimmte der Rat ab. Die Polizei wird am Freitag berichten. Am "
                  "Abend waren Tausende auf der Straße."),
            (Dates{"Dienstag=2026-03-10", "Freitag=2026-03-20", "Am Abend=2026-03-10"}));
  // Spanish "la tarde" runs into the evening: late too.
  EXPECT_EQ(Found("es",
                  "La Junta elevó ayer el balance. Otros dos heridos llegaron al hospital durante "
                  "la tarde."),
            (Dates{"ayer=2026-03-13", "la tarde=2026-03-13"}));
  // "a media mañana" is the morning, not tomorrow.
  EXPECT_EQ(Found("es", "El alcalde llegó a la zona a media mañana."),
            Dates{"media mañana=2026-03-14"});
  // Not in the past, or not late: the document's day.
  EXPECT_EQ(Found("es", "El viento podría reavivar las llamas por la noche."),
            Dates{"la noche=2026-03-14"});
  EXPECT_EQ(Found("es", "La consejera visitó la zona por la mañana."),
            Dates{"la mañana=2026-03-14"});
  // The end of this week, month or year: its last day.
  EXPECT_EQ(Found("de", "Der Bericht soll bis Ende der Woche vorliegen."),
            Dates{"Ende der Woche=2026-03-15"});
  EXPECT_EQ(Found("fr", "Les résultats seront connus d'ici la fin du mois."),
            Dates{"fin du mois=2026-03-31"});
  // The end of a week with a word saying which is a weekend: its Sunday.
  EXPECT_EQ(Found("es", "El pasado fin de semana hubo tres accidentes."),
            Dates{"pasado fin de semana=2026-03-08"});
  EXPECT_EQ(Found("es", "El fin de semana pasado hubo tres accidentes."),
            Dates{"fin de semana pasado=2026-03-08"});
  EXPECT_EQ(Found("pt", "No próximo fim de semana haverá três concertos."),
            Dates{"próximo fim de semana=2026-03-22"});
  EXPECT_EQ(Found("es", "Las obras terminarán a finales de esta semana."),
            Dates{"finales de esta semana=2026-03-15"});
  EXPECT_EQ(Found("es", "Las obras terminarán a finales de este año."),
            Dates{"finales de este año=2026-12-31"});
  // A year alone before a word that follows no count; a count is no year.
  EXPECT_EQ(Found("de", "Das Schiff sei 1987 bei einer Werft in Kiel gebaut worden."),
            Dates{"1987=1987"});
  EXPECT_EQ(Found("de", "Im Stadion waren 1987 Zuschauer."), Dates{});
  // A preposition before a year makes it one; not before a count.
  EXPECT_EQ(Found("de", "Die Firma betreibt seit 2019 zwei Werke."), Dates{"seit 2019=2019"});
  EXPECT_EQ(Found("de", "Die Firma betreibt seit 20 Jahren zwei Werke."), Dates{});
  EXPECT_EQ(Found("es", "El presupuesto creció un 8 % respecto a 2024, y en 2023 bajó."),
            Dates{"en 2023=2023"});
  // "le lendemain" is the day after the day named before, in this sentence
  // or an earlier one; with none, the document's day.
  EXPECT_EQ(Found("fr", "L'usine a brûlé mardi. Un ouvrier est allé à l'hôpital le lendemain."),
            (Dates{"mardi=2026-03-10", "lendemain=2026-03-11"}));
  EXPECT_EQ(Found("fr", "Au lendemain du vote, le ministre a démissionné."),
            Dates{"lendemain=2026-03-14"});
  EXPECT_EQ(Found("fr", "Le juge a tranché jeudi, la veille du procès."),
            (Dates{"jeudi=2026-03-12", "veille=2026-03-11"}));
  EXPECT_EQ(Found("fr", "La ligne est exploitée depuis 2017 par la société."),
            Dates{"depuis 2017=2017"});
  EXPECT_EQ(Found("it", "Il ponte era chiuso dal 2020."), Dates{"dal 2020=2020"});
  EXPECT_EQ(Found("pt", "A empresa opera a linha desde 2018 e em 2022 comprou dois barcos."),
            (Dates{"desde 2018=2018", "em 2022=2022"}));
  EXPECT_EQ(Found("de", "Sie sagte, das Gesetz werde in den kommenden Monaten geprüft."),
            Dates{"in den kommenden Monaten=2026-06-14"});
}

TEST_F(TimelineLanguagesTest, GermanBringingForwardOrPuttingOffLooksAhead) {
  EXPECT_EQ(Found("de", "Die Firma bot an, die Gespräche auf Montag vorzuziehen."),
            Dates{"Montag=2026-03-16"});
  EXPECT_EQ(Found("de", "Die Stadt will das Fest auf Dienstag verschieben."),
            Dates{"Dienstag=2026-03-17"});
}

TEST_F(TimelineLanguagesTest, GermanFuerBeforeAWeekdayLooksAhead) {
  EXPECT_EQ(Found("de", "Die Gewerkschaft hat für Dienstag eine Kundgebung angekündigt."),
            Dates{"Dienstag=2026-03-17"});
  EXPECT_EQ(Found("de", "Die Gewerkschaft hat am Dienstag eine Kundgebung angekündigt."),
            Dates{"Dienstag=2026-03-10"});
}
TEST_F(TimelineLanguagesTest, French) {
  EXPECT_EQ(Found("fr", "Le président a démissionné hier."), Dates{"hier=2026-03-13"});
  EXPECT_EQ(Found("fr", "L'accord a été signé le 3 mars 2015 à Paris."),
            Dates{"3 mars 2015=2015-03-03"});
  EXPECT_EQ(Found("fr", "La loi est entrée en vigueur le 1er mars."), Dates{"1er mars=2026-03-01"});
  EXPECT_EQ(Found("fr", "Mardi dernier, la police a arrêté deux suspects."),
            Dates{"Mardi dernier=2026-03-10"});
  EXPECT_EQ(Found("fr", "La semaine dernière, le gouvernement a annoncé un plan."),
            Dates{"semaine dernière=2026-03-07"});
  EXPECT_EQ(Found("fr", "Il y a trois jours, une explosion a détruit l'usine."),
            Dates{"Il y a trois jours=2026-03-11"});
  EXPECT_EQ(Found("fr", "Le sommet aura lieu mardi prochain."), Dates{"mardi prochain=2026-03-17"});
  EXPECT_EQ(Found("fr", "Les élections se tiendront dans deux semaines."),
            Dates{"dans deux semaines=2026-03-28"});
  EXPECT_EQ(Found("fr", "Aujourd'hui, le ministre doit rencontrer les syndicats."),
            Dates{"Aujourd'hui=2026-03-14"});
  EXPECT_EQ(Found("fr", "Le texte sera examiné en janvier."), Dates{"en janvier=2027-01"});
  EXPECT_EQ(Found("fr", "Le décret du 03/12/2015 reste en vigueur."),
            Dates{"03/12/2015=2015-12-03"});
  EXPECT_EQ(Found("fr", "L'an dernier, les ventes ont baissé."), Dates{"an dernier=2025"});
  // "mois" is singular and plural.
  EXPECT_EQ(Found("fr", "Le texte sera examiné dans les prochains mois."),
            Dates{"dans les prochains mois=2026-06-14"});
  EXPECT_EQ(Found("fr", "Le mois prochain, le budget sera présenté."),
            Dates{"mois prochain=2026-04"});
  EXPECT_EQ(Found("fr", "Les deux hommes se sont parlé avant-hier."),
            Dates{"avant-hier=2026-03-12"});
  // "sept" is seven unless a day or a year makes it September.
  EXPECT_EQ(Found("fr", "Sept personnes ont été blessées le 7 sept. 2015."),
            Dates{"7 sept. 2015=2015-09-07"});
}

// "à partir de", "à compter de": a weekday a change starts on is the one
// to come, in the present as in the future tense (the document is dated
// Saturday).
TEST_F(TimelineLanguagesTest, FrenchStartingFromAWeekdayIsAhead) {
  EXPECT_EQ(Found("fr", "Le syndicat maintient son appel à la grève à partir de lundi."),
            Dates{"lundi=2026-03-16"});
  EXPECT_EQ(Found("fr", "Des navettes seront mises en place à partir de jeudi."),
            Dates{"jeudi=2026-03-19"});
  EXPECT_EQ(Found("fr", "Le marché reste fermé à compter du 20 mars."),
            Dates{"20 mars=2026-03-20"});
  // Without the onset, a weekday in the present stays the one before.
  EXPECT_EQ(Found("fr", "Le syndicat a lancé son appel lundi."), Dates{"lundi=2026-03-09"});
}

// "le lendemain" is the day after the last day named before it; told in
// the past, not one that would put it after the document date.
TEST_F(TimelineLanguagesTest, FrenchDayAfterInThePastIsNotAhead) {
  EXPECT_EQ(Found("fr",
                  "Le pont a été fermé le 10 mars. Des navettes circuleront à partir de lundi. "
                  "Le lendemain de l'accident, le conducteur était déjà sorti de l'hôpital."),
            (Dates{"10 mars=2026-03-10", "lundi=2026-03-16", "lendemain=2026-03-11"}));
  EXPECT_EQ(Found("fr",
                  "Le syndicat fera grève à partir de lundi. Le lendemain, aucun train ne "
                  "roulera."),
            (Dates{"lundi=2026-03-16", "lendemain=2026-03-17"}));
}

TEST_F(TimelineLanguagesTest, Spanish) {
  // "la mañana" is the morning (of the document's day); "mañana" alone is
  // tomorrow.
  EXPECT_EQ(Found("es", "El ministro visitó la zona por la mañana."),
            Dates{"la mañana=2026-03-14"});
  EXPECT_EQ(Found("es", "El ministro visitará la zona mañana."), Dates{"mañana=2026-03-15"});
  // An irregular future ("podrán") looks ahead like a regular one.
  EXPECT_EQ(Found("es", "Los vecinos no podrán volver hasta el miércoles."),
            Dates{"miércoles=2026-03-18"});
  EXPECT_EQ(Found("es", "El presidente dimitió ayer."), Dates{"ayer=2026-03-13"});
  EXPECT_EQ(Found("es", "El acuerdo se firmó el 3 de marzo de 2015."),
            Dates{"3 de marzo de 2015=2015-03-03"});
  EXPECT_EQ(Found("es", "El pasado lunes la policía detuvo a dos hombres."),
            Dates{"pasado lunes=2026-03-09"});
  EXPECT_EQ(Found("es", "El lunes pasado la policía detuvo a dos hombres."),
            Dates{"lunes pasado=2026-03-09"});
  EXPECT_EQ(Found("es", "La semana pasada, el Gobierno anunció un plan."),
            Dates{"semana pasada=2026-03-07"});
  EXPECT_EQ(Found("es", "Hace tres días, un incendio destruyó la fábrica."),
            Dates{"Hace tres días=2026-03-11"});
  EXPECT_EQ(Found("es", "La cumbre se celebrará el próximo martes."),
            Dates{"próximo martes=2026-03-17"});
  EXPECT_EQ(Found("es", "Hoy el ministro se reunirá con los sindicatos."), Dates{"Hoy=2026-03-14"});
  EXPECT_EQ(Found("es", "Las elecciones serán dentro de seis meses."),
            Dates{"dentro de seis meses=2026-09-14"});
  EXPECT_EQ(Found("es", "El tribunal dijo que el decreto del 03/12/2015 sigue vigente."),
            Dates{"03/12/2015=2015-12-03"});
  EXPECT_EQ(Found("es", "En enero de 2016 la empresa cerró."), Dates{"enero de 2016=2016-01"});
  // A month alone after "de", "desde", "hasta", "durante" is a date too.
  EXPECT_EQ(Found("es", "El aparcamiento no volverá a abrir antes de septiembre."),
            Dates{"de septiembre=2026-09"});
  EXPECT_EQ(Found("es", "La carretera está cortada desde enero."), Dates{"desde enero=2026-01"});
  EXPECT_EQ(Found("es", "El año pasado las ventas cayeron."), Dates{"año pasado=2025"});
  EXPECT_EQ(Found("es", "La empresa se fundó hace unos dos años en Sevilla."),
            Dates{"hace unos dos años=2024-03-14"});
  // The date after a weekday says it all.
  EXPECT_EQ(Found("es", "El martes 10 de marzo comenzaron las conversaciones."),
            Dates{"10 de marzo=2026-03-10"});
  // The lunes is the one to come when the sentence speaks of the future.
  EXPECT_EQ(Found("es", "El lunes el Congreso votará la ley."), Dates{"lunes=2026-03-16"});
}

TEST_F(TimelineLanguagesTest, Italian) {
  EXPECT_EQ(Found("it", "Gli sfollati potranno tornare a casa venerdì."),
            Dates{"venerdì=2026-03-20"});
  EXPECT_EQ(Found("it", "Il presidente si è dimesso ieri."), Dates{"ieri=2026-03-13"});
  EXPECT_EQ(Found("it", "L'accordo è stato firmato il 3 marzo 2015."),
            Dates{"3 marzo 2015=2015-03-03"});
  EXPECT_EQ(Found("it", "Lunedì scorso la polizia ha arrestato due uomini."),
            Dates{"Lunedì scorso=2026-03-09"});
  EXPECT_EQ(Found("it", "La settimana scorsa il governo ha presentato il piano."),
            Dates{"settimana scorsa=2026-03-07"});
  EXPECT_EQ(Found("it", "Tre giorni fa un incendio ha distrutto la fabbrica."),
            Dates{"Tre giorni fa=2026-03-11"});
  EXPECT_EQ(Found("it", "Il vertice si terrà la prossima settimana."),
            Dates{"prossima settimana=2026-03-21"});
  EXPECT_EQ(Found("it", "Domani il ministro incontrerà i sindacati."), Dates{"Domani=2026-03-15"});
  EXPECT_EQ(Found("it", "Le elezioni si terranno entro sei mesi."),
            Dates{"entro sei mesi=2026-09-14"});
  EXPECT_EQ(Found("it", "Il decreto del 03/12/2015 resta in vigore."),
            Dates{"03/12/2015=2015-12-03"});
  EXPECT_EQ(Found("it", "Il Parlamento voterà martedì prossimo."),
            Dates{"martedì prossimo=2026-03-17"});
  EXPECT_EQ(Found("it", "Oggi il sindaco ha parlato ai cittadini."), Dates{"Oggi=2026-03-14"});
  EXPECT_EQ(Found("it", "L'anno scorso le vendite sono calate."), Dates{"anno scorso=2025"});
  EXPECT_EQ(Found("it", "Il 1° maggio i sindacati sfileranno a Roma."),
            Dates{"1° maggio=2026-05-01"});
}

TEST_F(TimelineLanguagesTest, Portuguese) {
  EXPECT_EQ(Found("pt", "O presidente renunciou ontem."), Dates{"ontem=2026-03-13"});
  EXPECT_EQ(Found("pt", "O acordo foi assinado em 3 de março de 2015."),
            Dates{"3 de março de 2015=2015-03-03"});
  EXPECT_EQ(Found("pt", "Na última terça-feira, a polícia prendeu dois homens."),
            Dates{"última terça-feira=2026-03-10"});
  EXPECT_EQ(Found("pt", "Na semana passada, o governo anunciou um plano."),
            Dates{"semana passada=2026-03-07"});
  EXPECT_EQ(Found("pt", "Há três dias, um incêndio destruiu a fábrica."),
            Dates{"Há três dias=2026-03-11"});
  EXPECT_EQ(Found("pt", "A cúpula será realizada na próxima semana."),
            Dates{"próxima semana=2026-03-21"});
  EXPECT_EQ(Found("pt", "Amanhã o ministro vai se reunir com os sindicatos."),
            Dates{"Amanhã=2026-03-15"});
  EXPECT_EQ(Found("pt", "As eleições serão dentro de seis meses."),
            Dates{"dentro de seis meses=2026-09-14"});
  EXPECT_EQ(Found("pt", "A lei entrou em vigor em 1º de março."), Dates{"1º de março=2026-03-01"});
  // "segunda" is Monday after "na", the ordinal elsewhere.
  EXPECT_EQ(Found("pt", "Na segunda, o ministro falou com a imprensa."),
            Dates{"segunda=2026-03-09"});
  EXPECT_EQ(Found("pt", "Foi a segunda vez que o ministro falou."), Dates{});
  EXPECT_EQ(Found("pt", "O decreto de 03/12/2015 continua em vigor."),
            Dates{"03/12/2015=2015-12-03"});
}

TEST_F(TimelineLanguagesTest, Russian) {
  EXPECT_EQ(Found("ru", "Морозы продержатся до конца недели."), Dates{"конца недели=2026-03-15"});
  EXPECT_EQ(Found("ru", "Итоги подведут к концу месяца."), Dates{"концу месяца=2026-03-31"});
  EXPECT_EQ(Found("ru", "Президент ушёл в отставку вчера."), Dates{"вчера=2026-03-13"});
  EXPECT_EQ(Found("ru", "Соглашение было подписано 3 марта 2015 года."),
            Dates{"3 марта 2015 года=2015-03-03"});
  EXPECT_EQ(Found("ru", "В прошлый вторник полиция задержала двух мужчин."),
            Dates{"прошлый вторник=2026-03-10"});
  EXPECT_EQ(Found("ru", "На прошлой неделе правительство объявило о плане."),
            Dates{"прошлой неделе=2026-03-07"});
  EXPECT_EQ(Found("ru", "Три дня назад пожар уничтожил завод."), Dates{"Три дня назад=2026-03-11"});
  EXPECT_EQ(Found("ru", "Два года назад завод закрыли."), Dates{"Два года назад=2024-03-14"});
  // A verb of the third person plural that is not past looks ahead; one
  // that speaks of the present (not_future) does not.
  EXPECT_EQ(Found("ru", "Рабочие вернутся на завод в четверг."), Dates{"четверг=2026-03-19"});
  EXPECT_EQ(Found("ru", "В пятницу депутаты рассмотрят закон."), Dates{"пятницу=2026-03-20"});
  EXPECT_EQ(Found("ru", "Во вторник рабочие получили зарплату."), Dates{"вторник=2026-03-10"});
  // A unit without a count before "назад" is one of it.
  EXPECT_EQ(Found("ru", "Год назад завод закрыли."), Dates{"Год назад=2025-03-14"});
  EXPECT_EQ(Found("ru", "Мост открыли неделю назад."), Dates{"неделю назад=2026-03-07"});
  EXPECT_EQ(Found("ru", "Месяц назад цены выросли."), Dates{"Месяц назад=2026-02-14"});
  EXPECT_EQ(Found("ru", "Тепло вернут в течение суток."), Dates{"течение суток=2026-03-15"});
  EXPECT_EQ(Found("ru", "Он приехал пять лет назад."), Dates{"пять лет назад=2021-03-14"});
  // The adjective of a day is that day.
  EXPECT_EQ(Found("ru", "После вчерашней аварии движение закрыто."), Dates{"вчерашней=2026-03-13"});
  EXPECT_EQ(Found("ru", "На завтрашнем заседании обсудят бюджет."), Dates{"завтрашнем=2026-03-15"});
  // "ближайший" is the next one ahead.
  EXPECT_EQ(Found("ru", "Губернатор добавил, что в ближайшую пятницу проведет совещание."),
            Dates{"ближайшую пятницу=2026-03-20"});
  EXPECT_EQ(Found("ru", "Саммит состоится на следующей неделе."),
            Dates{"следующей неделе=2026-03-21"});
  EXPECT_EQ(Found("ru", "Завтра министр встретится с профсоюзами."), Dates{"Завтра=2026-03-15"});
  EXPECT_EQ(Found("ru", "Завод построили в 2015 году."), Dates{"2015 году=2015"});
  EXPECT_EQ(Found("ru", "Мост открыли 1 сентября 2014 г. в Казани."),
            Dates{"1 сентября 2014 г.=2014-09-01"});
  EXPECT_EQ(Found("ru", "В 2015 г. завод в Казани закрыли."), Dates{"2015 г.=2015"});
  EXPECT_EQ(Found("ru", "Указ от 03.12.2015 остаётся в силе."), Dates{"03.12.2015=2015-12-03"});
  EXPECT_EQ(Found("ru", "В январе продажи выросли."), Dates{"В январе=2026-01"});
  EXPECT_EQ(Found("ru", "Об этом стало известно на этой неделе."), Dates{"этой неделе=2026-03-14"});
  EXPECT_EQ(Found("ru", "Выборы пройдут через два месяца."), Dates{"через два месяца=2026-05-14"});
  // "среду" is Wednesday after "в", the environment elsewhere.
  EXPECT_EQ(Found("ru", "Во вторник и в среду шли переговоры."),
            (Dates{"вторник=2026-03-10", "среду=2026-03-11"}));
  EXPECT_EQ(Found("ru", "Завод загрязнял окружающую среду."), Dates{});
}

// English keeps reading "3/12/2015" month first.
// A weekday an until word leads to ("hasta el viernes", "bis Freitag", "до
// пятницы") in a sentence that is not in the past is the one to come, a
// deadline; in the past it stays the one before. The tense is its clause's,
// not an attribution's after a comma ("..., officials said"), unless the
// clause is the time phrase alone ("Up until Friday, ...").
TEST_F(TimelineLanguagesTest, UntilAWeekdayInThePresentIsAhead) {
  const std::map<std::string, std::string> ahead = {
      {"es", "La alerta por calor se mantiene hasta el viernes."},
      {"de", "Die Sperrung der Strecke gilt bis Freitag."},
      {"fr", "L'alerte est maintenue jusqu'à vendredi."},
      {"it", "L'allerta resta in vigore fino a venerdì."},
      {"pt", "A estrada continua cortada até sexta-feira."},
      {"ru", "Режим ЧС в районе действует до пятницы."},
  };
  for (const auto& [language, text] : ahead) {
    Document doc = AnalyzedDocument(pipeline(), text);
    doc.date = kSaturday;
    const std::vector<TimeExpression> found = builder(language).Extract(doc, 0);
    ASSERT_EQ(found.size(), 1u) << language;
    EXPECT_EQ(found[0].date, "2026-03-20") << language;
    EXPECT_EQ(found[0].kind, "deadline") << language;
    EXPECT_TRUE(found[0].future) << language;
  }
  // A weekday without an until word keeps the past reading.
  EXPECT_EQ(Found("es", "El viernes la alerta se mantiene."), Dates{"viernes=2026-03-13"});
  Result<TimelineBuilder> en = TimelineBuilder::Create("");
  ASSERT_TRUE(en.ok()) << en.status().ToString();
  EXPECT_EQ(Found(*en, "The heat warning stays in force until Friday."),
            Dates{"Friday=2026-03-20"});
  EXPECT_EQ(Found(*en, "The road is closed until Friday, the county said."),
            Dates{"Friday=2026-03-20"});
  EXPECT_EQ(Found(*en, "The road was closed until Friday."), Dates{"Friday=2026-03-13"});
  EXPECT_EQ(Found(*en, "Up until Friday, the county said it lacked the money."),
            Dates{"Friday=2026-03-13"});
  // A negation before the until word: the earliest day, ahead but no deadline.
  const std::map<std::string, std::pair<const TimelineBuilder*, std::string>> earliest = {
      {"en", {&*en, "Final results are not expected until Friday."}},
      {"es", {&builder("es"), "Los resultados no se conocerán hasta el viernes."}},
      {"ru", {&builder("ru"), "Результаты не объявят до пятницы."}},
  };
  for (const auto& [language, case_] : earliest) {
    Document doc = AnalyzedDocument(pipeline(), case_.second);
    doc.date = kSaturday;
    const std::vector<TimeExpression> found = case_.first->Extract(doc, 0);
    ASSERT_EQ(found.size(), 1u) << language;
    EXPECT_EQ(found[0].date, "2026-03-20") << language;
    EXPECT_NE(found[0].kind, "deadline") << language;
    EXPECT_TRUE(found[0].future) << language;
  }
}

TEST_F(TimelineLanguagesTest, EnglishNumericDatesStayMonthFirst) {
  Result<TimelineBuilder> en = TimelineBuilder::Create("");
  ASSERT_TRUE(en.ok()) << en.status().ToString();
  EXPECT_EQ(Found(*en, "The court said that the decree of 3/12/2015 still stands."),
            Dates{"3/12/2015=2015-03-12"});
}

// ---- A data folder changes another language's lists ----------------------------------

class TimelineLanguageFolderTest : public DataFolderTest {
 protected:
  // The expressions `t` finds in `text` dated Saturday 2026-03-14, as
  // "text=date".
  Dates found(const TimelineBuilder& t, const std::string& text) {
    Document doc = AnalyzedDocument(FolderPipeline(), text);
    doc.date = kSaturday;
    Dates out;
    for (const TimeExpression& e : t.Extract(doc, 0)) {
      out.push_back(std::string(e.span.Slice(doc.text)) + "=" + e.date);
    }
    return out;
  }
  // The one expression `t` finds in `text` as "date kind", else "none".
  std::string date_and_kind(const TimelineBuilder& t, const std::string& text) {
    Document doc = AnalyzedDocument(FolderPipeline(), text);
    doc.date = kSaturday;
    const std::vector<TimeExpression> found = t.Extract(doc, 0);
    return found.size() == 1 ? found[0].date + " " + found[0].kind : std::string("none");
  }

 private:
  // The built-in pipeline: the data folder changes the timeline's lists only.
  static const Pipeline& FolderPipeline() {
    static const Result<Pipeline> pipeline = Pipeline::Create({});
    EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
    return *pipeline;
  }
};

TEST_F(TimelineLanguageFolderTest, ADataFolderReplacesAGermanList) {
  CopyLanguage("de", "de");
  Extend("de/time_words.txt", "neulich | day | -3");
  Write("de/time_grammar.txt",
        "numeric_order | month_first\nnumeric_separators | .\nnames | capitalized\n"
        "letters | unicode\nday_period | yes\n");
  Result<TimelineBuilder> folder = TimelineBuilder::Create(data_dir(), "de");
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  Result<TimelineBuilder> built_in = TimelineBuilder::Create("", "de");
  ASSERT_TRUE(built_in.ok()) << built_in.status().ToString();
  const std::string text = "Der Vertrag wurde neulich geändert, die Fassung vom 03.12.2015 gilt.";
  // The folder's new day word, and its month-first numeric dates.
  EXPECT_EQ(found(*folder, text), (Dates{"neulich=2026-03-11", "03.12.2015=2015-03-12"}));
  EXPECT_EQ(found(*built_in, text), Dates{"03.12.2015=2015-12-03"});
  // A bad setting names its file and line.
  Write("de/time_grammar.txt", "numeric_order | year_first\n");
  Result<TimelineBuilder> bad = TimelineBuilder::Create(data_dir(), "de");
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(bad.status().input(), "de/time_grammar.txt") << bad.status().ToString();
}

// Counts before a time unit are the language's number words (number_words.txt, the same list
// the figures read), from the data folder when it holds one.
TEST_F(TimelineLanguageFolderTest, CountsAreTheLanguagesNumberWords) {
  Extend("de/number_words.txt", "zwoa | 2");  // Bavarian "zwei"
  Result<TimelineBuilder> folder = TimelineBuilder::Create(data_dir(), "de");
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  Result<TimelineBuilder> built_in = TimelineBuilder::Create("", "de");
  ASSERT_TRUE(built_in.ok()) << built_in.status().ToString();
  const std::string text =
      "Die Fähre lief vor dreizehn Tagen aus, die Werft meldete den Schaden vor zwoa Tagen.";
  EXPECT_EQ(found(*built_in, text), Dates{"vor dreizehn Tagen=2026-03-01"});
  EXPECT_EQ(found(*folder, text),
            (Dates{"vor dreizehn Tagen=2026-03-01", "vor zwoa Tagen=2026-03-12"}));
}

// The until words of a data folder's time_words.txt: "sino a venerdì" (a
// variant of "fino a") leads to the Friday to come.
TEST_F(TimelineLanguageFolderTest, UntilWordsOfTheDataFolder) {
  Extend("it/time_words.txt", "sino | until");
  Result<TimelineBuilder> folder = TimelineBuilder::Create(data_dir(), "it");
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  Result<TimelineBuilder> built_in = TimelineBuilder::Create("", "it");
  ASSERT_TRUE(built_in.ok()) << built_in.status().ToString();
  const std::string text = "L'allerta resta in vigore sino a venerdì.";
  EXPECT_EQ(found(*folder, text), Dates{"venerdì=2026-03-20"});
  EXPECT_EQ(found(*built_in, text), Dates{"venerdì=2026-03-13"});
}

// The until negations of a data folder's time_words.txt: "giammai" (an
// invented entry) before "fino a" makes the Friday the earliest day.
TEST_F(TimelineLanguageFolderTest, UntilNegationsOfTheDataFolder) {
  Extend("it/time_words.txt", "giammai | until_negation");
  Result<TimelineBuilder> folder = TimelineBuilder::Create(data_dir(), "it");
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  Result<TimelineBuilder> built_in = TimelineBuilder::Create("", "it");
  ASSERT_TRUE(built_in.ok()) << built_in.status().ToString();
  const std::string text = "I risultati giammai arriveranno fino a venerdì.";
  EXPECT_EQ(date_and_kind(*folder, text), "2026-03-20 relative");
  EXPECT_EQ(date_and_kind(*built_in, text), "2026-03-20 deadline");
}

}  // namespace
}  // namespace dossier
