// Languages: detection, tags, the table's choice, and what each language gets from the
// tokenizer and the sentence splitter. Every text here was written for this test.
#include "dossier/language.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "dossier/pipeline.h"
#include "segment/icu_sentences.h"
#include "segment/language.h"
#include "segment/tokenizer.h"

namespace dossier {
namespace {

TEST(DetectLanguageTest, MajorNewsLanguages) {
  const std::pair<const char*, const char*> cases[] = {
      {"en",
       "The minister said on Tuesday that the government would raise the budget for "
       "schools and hospitals next year."},
      {"de",
       "Der Minister sagte am Dienstag, die Regierung werde im nächsten Jahr mehr Geld "
       "für Schulen und Krankenhäuser ausgeben."},
      {"fr",
       "Le ministre a déclaré mardi que le gouvernement augmenterait l'année prochaine le "
       "budget des écoles et des hôpitaux."},
      {"es",
       "El ministro dijo el martes que el gobierno aumentará el próximo año el "
       "presupuesto de las escuelas y los hospitales."},
      {"ru",
       "Министр заявил во вторник, что правительство в следующем году увеличит бюджет "
       "школ и больниц."},
      {"ko", "장관은 화요일에 정부가 내년에 학교와 병원 예산을 늘릴 것이라고 말했다."},
      {"ja", "大臣は火曜日、政府が来年、学校と病院の予算を増やすと述べた。"},
  };
  for (const auto& [code, text] : cases) {
    LanguageGuess g = DetectLanguage(text);
    EXPECT_EQ(g.code, code) << text;
    EXPECT_TRUE(g.reliable) << text;
    EXPECT_GE(g.percent, 80) << text;
  }
}

TEST(DetectLanguageTest, TooLittleTextOrBadBytesIsUnknownNotACrash) {
  EXPECT_EQ(DetectLanguage("").code, "");
  EXPECT_FALSE(DetectLanguage("OK").reliable);
  EXPECT_FALSE(DetectLanguage("12 345 678 -- 9").reliable);
  // Invalid UTF-8 is skipped, not a reason to give up on the rest.
  LanguageGuess g = DetectLanguage(
      "Der Minister sagte am Dienstag, \xff\xfe die Regierung werde im nächsten Jahr mehr Geld "
      "für Schulen und Krankenhäuser ausgeben.");
  EXPECT_EQ(g.code, "de");
}

TEST(LanguageTagTest, PrimarySubtagInLowerCase) {
  EXPECT_EQ(NormalizeLanguageTag("en-US"), "en");
  EXPECT_EQ(NormalizeLanguageTag("de_DE"), "de");
  EXPECT_EQ(NormalizeLanguageTag(" PT-br "), "pt");
  EXPECT_EQ(NormalizeLanguageTag("zh-Hant"), "zh");
  EXPECT_EQ(NormalizeLanguageTag("iw"), "he");
  EXPECT_EQ(NormalizeLanguageTag(""), "");
  EXPECT_EQ(NormalizeLanguageTag("english"), "");
  EXPECT_EQ(NormalizeLanguageTag("x"), "");
  EXPECT_EQ(NormalizeLanguageTag("de DE"), "");
  EXPECT_EQ(LanguageName("ko"), "Korean");
  EXPECT_EQ(LanguageName("de"), "German");
}

TEST(LanguageTableTest, ChoiceRules) {
  Result<LanguageTable> t = LanguageTable::Create("");
  ASSERT_TRUE(t.ok());
  const std::string german =
      "Der Minister sagte am Dienstag, die Regierung werde im nächsten Jahr mehr Geld für "
      "Schulen und Krankenhäuser ausgeben.";
  // Detected.
  LanguageChoice c = t->Choose(german, "", "");
  EXPECT_EQ(c.code, "de");
  EXPECT_EQ(c.origin, LanguageOrigin::kDetected);
  // A page template's wrong declaration loses to a clear detection...
  c = t->Choose(german, "en-US", "");
  EXPECT_EQ(c.code, "de");
  // ...an agreeing one is named as the source.
  c = t->Choose(german, "de-AT", "");
  EXPECT_EQ(c.code, "de");
  EXPECT_EQ(c.origin, LanguageOrigin::kDeclared);
  // Too little text: the declaration decides; without one, English by default.
  c = t->Choose("OK", "fr", "");
  EXPECT_EQ(c.code, "fr");
  EXPECT_EQ(c.origin, LanguageOrigin::kDeclared);
  c = t->Choose("OK", "", "");
  EXPECT_EQ(c.code, "en");
  EXPECT_EQ(c.origin, LanguageOrigin::kDefault);
  // --language wins over everything.
  c = t->Choose(german, "de", "ru");
  EXPECT_EQ(c.code, "ru");
  EXPECT_EQ(c.origin, LanguageOrigin::kGiven);
}

TEST(LanguageTableTest, AnalysesPerLanguageAndTheDataDirOverride) {
  Result<LanguageTable> built_in = LanguageTable::Create("");
  ASSERT_TRUE(built_in.ok());
  EXPECT_TRUE(built_in->Supports("en", LanguageAnalysis::kQuotes));
  EXPECT_TRUE(built_in->Supports("en", LanguageAnalysis::kEntities));
  EXPECT_FALSE(built_in->Supports("ko", LanguageAnalysis::kQuotes));
  EXPECT_FALSE(built_in->Supports("xx", LanguageAnalysis::kFigures));
  EXPECT_EQ(built_in->Name("ko"), "Korean");

  const std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / "dossier-languages-override";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "languages.txt") << "en English quotes,figures,timeline,entities\n"
                                       << "ko Korean_(test) figures\n";
  Result<LanguageTable> t = LanguageTable::Create(dir.string());
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(t->Supports("ko", LanguageAnalysis::kFigures));
  EXPECT_FALSE(t->Supports("ko", LanguageAnalysis::kQuotes));
  EXPECT_EQ(t->Name("ko"), "Korean (test)");

  std::ofstream(dir / "languages.txt") << "ko Korean speeches\n";
  Result<LanguageTable> bad = LanguageTable::Create(dir.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("languages.txt:1"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// The fast path (data/language_id.txt): function words tell a language before CLD2 reads
// the text. Shown with an invented language CLD2 cannot know, in a data folder.
TEST(LanguageTableTest, FunctionWordsTellAListedLanguageBeforeCld2) {
  const std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / "dossier-language-id";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "xx");
  std::filesystem::create_directories(dir / "yy");
  std::ofstream(dir / "languages.txt") << "en English quotes\nxx Invented -\nyy Other -\n";
  std::ofstream(dir / "language_id.txt") << "# test\nxx 0.25\n";
  std::ofstream(dir / "xx" / "stopwords.txt") << "ko\nmu\nta\nsi\n";
  std::ofstream(dir / "yy" / "stopwords.txt") << "zarbo\n";
  // 120 words, half of them xx's function words, none CLD2 can place.
  std::string text;
  for (int i = 0; i < 20; ++i) text += "Ko vlarpin mu drestok ta gluvenor. ";
  Result<LanguageTable> t = LanguageTable::Create(dir.string());
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  LanguageChoice c = t->Choose(text, "", "");
  EXPECT_EQ(c.code, "xx");
  EXPECT_EQ(c.origin, LanguageOrigin::kDetected);
  c = t->Choose(text, "xx", "");
  EXPECT_EQ(c.code, "xx");
  EXPECT_EQ(c.origin, LanguageOrigin::kDeclared);
  // A declared language that disagrees, too few words, or a forced language: no fast path.
  EXPECT_NE(t->Choose(text, "fr", "").code, "xx");
  EXPECT_NE(t->Choose("Ko vlarpin mu drestok ta gluvenor.", "", "").code, "xx");
  EXPECT_EQ(t->Choose(text, "", "de").code, "de");

  // Another language with as many of the same function words: no vote.
  std::ofstream(dir / "yy" / "stopwords.txt") << "ko\nmu\nta\n";
  t = LanguageTable::Create(dir.string());
  ASSERT_TRUE(t.ok());
  EXPECT_NE(t->Choose(text, "", "").code, "xx");

  // Under the share: no vote.
  std::ofstream(dir / "yy" / "stopwords.txt") << "zarbo\n";
  std::ofstream(dir / "language_id.txt") << "xx 0.6\n";
  t = LanguageTable::Create(dir.string());
  ASSERT_TRUE(t.ok());
  EXPECT_NE(t->Choose(text, "", "").code, "xx");

  // The built-in file lists English: a plain English paragraph takes the fast path, and a
  // German one does not (CLD2 tells it).
  Result<LanguageTable> built_in = LanguageTable::Create("");
  ASSERT_TRUE(built_in.ok());
  std::string english, german;
  for (int i = 0; i < 6; ++i) {
    english +=
        "The council said on Monday that it would close the old bridge to traffic for "
        "two weeks while engineers check the cables. ";
    german +=
        "Der Rat teilte am Montag mit, dass die alte Brücke für zwei Wochen gesperrt "
        "werde, während Ingenieure die Seile prüfen. ";
  }
  EXPECT_EQ(built_in->Choose(english, "", "").code, "en");
  EXPECT_EQ(built_in->Choose(german, "", "").code, "de");

  std::ofstream(dir / "language_id.txt") << "xx many\n";
  Result<LanguageTable> bad = LanguageTable::Create(dir.string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("language_id.txt:1"), std::string::npos);
  std::filesystem::remove_all(dir);
}

class LanguageTokensTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Tokenizer> t = Tokenizer::Create("", {"en", "de", "fr", "ja", "ru"});
    ASSERT_TRUE(t.ok());
    tokenizer_ = std::move(*t);
  }
  std::vector<Token> Tokens(std::string_view text, std::string_view language) {
    std::vector<Token> out;
    tokenizer_.Tokenize(text, {0, static_cast<uint32_t>(text.size())}, &scratch_, &out, language);
    return out;
  }
  std::string Surfaces(std::string_view text, std::string_view language) {
    std::string s;
    for (const Token& t : Tokens(text, language))
      s += (s.empty() ? "" : "|") + std::string(t.span.Slice(text));
    return s;
  }
  Tokenizer tokenizer_;
  Tokenizer::Scratch scratch_;
};

TEST_F(LanguageTokensTest, EachLanguageItsStemmerAndStopwords) {
  std::vector<Token> de = Tokens("Die Häuser und das Haus", "de");
  ASSERT_EQ(de.size(), 5u);
  EXPECT_TRUE(de[0].is_stopword);     // die
  EXPECT_FALSE(de[1].is_stopword);    // häuser
  EXPECT_EQ(de[1].stem, de[4].stem);  // häuser ~ haus (German Snowball)
  std::vector<Token> ru = Tokens("президента президент", "ru");
  ASSERT_EQ(ru.size(), 2u);
  EXPECT_EQ(ru[0].stem, ru[1].stem);
  // The same word in another language is stemmed by that language's rules.
  EXPECT_EQ(Tokens("houses", "en")[0].stem, "hous");
  EXPECT_EQ(Tokens("houses", "ja")[0].stem, "houses");  // no Japanese stemmer: the word
  // "die" is a German stopword, not an English one.
  EXPECT_FALSE(Tokens("die", "en")[0].is_stopword);
}

TEST_F(LanguageTokensTest, FrenchElisionMakesTwoWords) {
  EXPECT_EQ(Surfaces("l'homme qu’il a vu", "fr"), "l|homme|qu|il|a|vu");
  std::vector<Token> t = Tokens("l'homme", "fr");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_TRUE(t[0].is_stopword);
  // English keeps its contractions whole.
  EXPECT_EQ(Surfaces("don't", "en"), "don't");
}

TEST_F(LanguageTokensTest, TextWithoutSpacesIsCutAtWordBoundaries) {
  const std::string ja = "大臣は火曜日、政府が予算を増やすと述べた。";
  std::vector<Token> t = Tokens(ja, "ja");
  EXPECT_GE(t.size(), 8u);  // not one token for the whole run
  std::string joined;
  for (const Token& tok : t) {
    EXPECT_LT(tok.span.begin, tok.span.end);
    EXPECT_LE(tok.span.end, ja.size());
    joined += tok.span.Slice(ja);
  }
  // Every character except the punctuation is in a token, in order.
  EXPECT_EQ(joined, "大臣は火曜日政府が予算を増やすと述べた");
  // Mixed: Latin words stay whole beside Han.
  EXPECT_EQ(Surfaces("NASA発表", "ja").substr(0, 5), "NASA|");
}

TEST(IcuSentencesTest, CjkAndEuropeanFullStops) {
  IcuSentences s;
  std::vector<Span> out;
  const std::string ja = "今日は晴れ。明日は雨です！本当に？";
  s.Split(ja, {0, static_cast<uint32_t>(ja.size())}, "ja", &out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].Slice(ja), "今日は晴れ。");
  EXPECT_EQ(out[2].Slice(ja), "本当に？");
  out.clear();
  const std::string de = "Der Zug kam spät an. Die Fahrgäste warteten zwei Stunden.";
  s.Split(de, {0, static_cast<uint32_t>(de.size())}, "de", &out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[1].Slice(de), "Die Fahrgäste warteten zwei Stunden.");
}

// German writes ordinals with a period: "am 3. März" is no sentence end, with the setting
// (data/de/sentences.txt); a number ending a sentence before a quote or a digit still is.
TEST(IcuSentencesTest, OrdinalPeriodJoinsWhereTheLanguageSaysSo) {
  IcuSentences s;
  std::vector<Span> out;
  const std::string de =
      "Der Unfall vom 3. März sorgte für Streit. Im Jahr stiegen die Fahrgäste um 12. "
      "„Das reicht nicht“, sagte sie. Seit dem 1. Januar gilt der Plan.";
  IcuSentenceRules ordinal;
  ordinal.ordinal_period = true;
  s.Split(de, {0, static_cast<uint32_t>(de.size())}, "de", &out, ordinal);
  std::vector<std::string> got;
  for (const Span& sp : out) got.emplace_back(sp.Slice(de));
  EXPECT_EQ(got,
            (std::vector<std::string>{
                "Der Unfall vom 3. März sorgte für Streit.", "Im Jahr stiegen die Fahrgäste um 12.",
                "„Das reicht nicht“, sagte sie.", "Seit dem 1. Januar gilt der Plan."}));
  out.clear();
  s.Split(de, {0, static_cast<uint32_t>(de.size())}, "de", &out, IcuSentenceRules{});
  EXPECT_GT(out.size(), 4u);
}

// A language's own abbreviations (data/<code>/sentence_abbreviations.txt) replace ICU's
// suppressions, which match word endings: ICU's German list keeps "sagte Keller. Die …" one
// sentence (a word ending in "er."), its Portuguese one "hospital. Três …".
TEST(IcuSentencesTest, OwnAbbreviationsAreWholeWordsAndInitials) {
  IcuSentences s;
  std::vector<Span> out;
  auto split = [&](const std::string& text, std::string_view language,
                   const IcuSentenceRules& rules) {
    out.clear();
    s.Split(text, {0, static_cast<uint32_t>(text.size())}, language, &out, rules);
    std::vector<std::string> got;
    for (const Span& sp : out) got.emplace_back(sp.Slice(text));
    return got;
  };
  const std::string de =
      "Die Lage sei ernst, sagte Keller. Die Fähre kam von Dr. Sabine Vogt z. B. nicht "
      "zurück. Laut A. Beispiel kostet das 2,4 Mio. Euro. Zwei waren schwer. Der Rest nicht.";
  // ICU's list: "Keller. Die" and "schwer. Der" are no breaks.
  const std::vector<std::string> icu = split(de, "de", IcuSentenceRules{});
  ASSERT_FALSE(icu.empty());
  EXPECT_NE(icu.front().find("Keller. Die"), std::string::npos);
  EXPECT_NE(icu.back().find("schwer. Der"), std::string::npos);
  IcuSentenceRules own;
  own.own_abbreviations = true;
  own.abbreviations = WordList::Parse("dr\nz. b\nmio\n", true);
  EXPECT_EQ(split(de, "de", own),
            (std::vector<std::string>{"Die Lage sei ernst, sagte Keller.",
                                      "Die Fähre kam von Dr. Sabine Vogt z. B. nicht zurück.",
                                      "Laut A. Beispiel kostet das 2,4 Mio. Euro.",
                                      "Zwei waren schwer.", "Der Rest nicht."}));
  // Whole words only: "Wettbewerb." is no "wb." and "Hamburg." no "burg."
  own.abbreviations = WordList::Parse("wb\nburg\n", true);
  EXPECT_EQ(split("Es gab einen Wettbewerb. Dann kam Hamburg. Ende.", "de", own).size(), 3u);
  // Case-folded beyond ASCII, as the pipeline stores the list.
  own.abbreviations = WordList::Parse("г\n", true);
  EXPECT_EQ(split("Он приехал в Г. Новосибирск. Там было холодно.", "ru", own).size(), 2u);
}

// A dialogue dash after a sentence's end opens a sentence where the language says so
// (data/<code>/sentences.txt "dialogue_dash | yes"); a dash inside a sentence does not.
TEST(IcuSentencesTest, DialogueDashOpensASentenceWhereTheLanguageSaysSo) {
  IcuSentences s;
  std::vector<Span> out;
  const std::string fr =
      "Les voisins restent inquiets. — On ne sait rien, dit l'un. Le maire — prudent — attend. "
      "Rien n'est décidé ! – Nous verrons, ajoute-t-il.";
  IcuSentenceRules dash;
  dash.dialogue_dash = true;
  s.Split(fr, {0, static_cast<uint32_t>(fr.size())}, "fr", &out, dash);
  std::vector<std::string> got;
  for (const Span& sp : out) got.emplace_back(sp.Slice(fr));
  EXPECT_EQ(
      got, (std::vector<std::string>{"Les voisins restent inquiets.",
                                     "— On ne sait rien, dit l'un.", "Le maire — prudent — attend.",
                                     "Rien n'est décidé !", "– Nous verrons, ajoute-t-il."}));
  out.clear();
  s.Split(fr, {0, static_cast<uint32_t>(fr.size())}, "fr", &out, IcuSentenceRules{});
  EXPECT_LT(out.size(), got.size());
}

// The pipeline reads <code>/sentence_abbreviations.txt from a data folder (and folds its
// entries' case).
TEST(IcuSentencesTest, AbbreviationsComeFromTheDataFolder) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("dossier_sentence_abbrev_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "de");
  std::ofstream(dir / "de" / "sentence_abbreviations.txt") << "# test\nGrüZi\n";
  Document doc;
  doc.text = "Der Bericht kam vom Amt für Häfen und Schiffe grüzi. Müller las ihn am Abend vor.";
  doc.declared_language = "de";
  auto sentences = [&](const PipelineOptions& options) {
    Result<Pipeline> p = Pipeline::Create(options);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    if (!p.ok()) return size_t{0};
    Pipeline::Scratch scratch = p->NewScratch();
    p->Analyze(&doc, &scratch);
    return doc.sentences.size();
  };
  PipelineOptions options;
  options.data_dir = dir.string();
  EXPECT_EQ(sentences(options), 1u);
  EXPECT_EQ(sentences(PipelineOptions{}), 2u);
  std::filesystem::remove_all(dir);
}

// The pipeline reads the setting from <code>/sentences.txt, and names the file and line of a
// bad one.
TEST(IcuSentencesTest, SentenceSettingsComeFromTheDataFolder) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("dossier_sentences_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "de");
  std::ofstream(dir / "de" / "sentences.txt") << "# settings\nordinal_period | perhaps\n";
  PipelineOptions options;
  options.data_dir = dir.string();
  Result<Pipeline> bad = Pipeline::Create(options);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("de/sentences.txt:2"), std::string::npos)
      << bad.status().ToString();
  std::ofstream(dir / "de" / "sentences.txt") << "ordinal_period | no\n";
  Result<Pipeline> off = Pipeline::Create(options);
  ASSERT_TRUE(off.ok()) << off.status().ToString();
  Document doc;
  doc.text = "Der Unfall vom 3. März sorgte für Streit im Hafen von Hamburg. Die Fähre blieb dort.";
  doc.declared_language = "de";
  Pipeline::Scratch scratch = off->NewScratch();
  off->Analyze(&doc, &scratch);
  const size_t with_setting_off = doc.sentences.size();
  Result<Pipeline> built_in = Pipeline::Create(PipelineOptions{});
  ASSERT_TRUE(built_in.ok()) << built_in.status().ToString();
  Pipeline::Scratch scratch2 = built_in->NewScratch();
  built_in->Analyze(&doc, &scratch2);
  EXPECT_EQ(doc.language, "de");
  EXPECT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(with_setting_off, 3u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dossier
