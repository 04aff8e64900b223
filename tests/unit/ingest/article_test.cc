#include "dossier/article.h"

#include <gtest/gtest.h>
#include <pthread.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "../data_folder.h"
#include "mapped_text.h"

namespace dossier {
namespace {

std::string ReadFixture(std::string_view name) {
  const std::string path = std::string(DOSSIER_TESTDATA_DIR) + "/extraction/" + std::string(name);
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every byte of the article text maps back into the page.
void ExpectExactMap(std::string_view html, const Article& a) {
  mapped_text::ExpectExactMap(html, a.text, a.map, /*decodings=*/true, "&<");
}

Article Extract(std::string_view html) {
  Result<Article> a = ExtractArticle(html);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  if (!a.ok()) return {};
  ExpectExactMap(html, *a);
  return std::move(a).value();
}

bool Has(const Article& a, std::string_view part) { return a.text.find(part) != std::string::npos; }

// ---- Body text -----------------------------------------------------------------------

TEST(ArticleTest, KeepsTheBodyAndDropsThePageAroundIt) {
  const std::string html = ReadFixture("news_article.html");
  const Article a = Extract(html);
  ASSERT_TRUE(a.found) << a.why_not;
  // The body, in order: paragraphs, a heading, a list, a quotation, a table.
  EXPECT_EQ(a.text.find("Councillors in the harbour town voted"), 0u);
  EXPECT_TRUE(Has(a, "How the money will be found"));
  EXPECT_TRUE(Has(a,
                  "\xc2\xa3"
                  "12 million, most of it"));  // &pound; decoded
  EXPECT_TRUE(Has(a, "Phase one: the northern breakwater"));
  EXPECT_TRUE(Has(a, "\xe2\x80\x9cWe cannot keep patching"));
  EXPECT_TRUE(Has(a,
                  "Repair only \xc2\xa3"
                  "4 million\nFull rebuild"));
  EXPECT_TRUE(Has(a, "comment on the plans until the end of July."));
  EXPECT_LT(a.text.find("Councillors"), a.text.find("How the money"));
  EXPECT_LT(a.text.find("How the money"), a.text.find("A public exhibition"));
  // Not the page around it.
  for (std::string_view junk : {"cookies",
                                "Accept all",
                                "Sport",
                                "Weather",             // banner, navigation
                                "Harbour town votes",  // the headline
                                "By Mara",
                                "14 May 2023",  // byline, date
                                "Share on",
                                "Email this story",  // share widget
                                "low tide",
                                "Advertisement",  // caption, ad
                                "morning briefing",
                                "Sign up",
                                "Subscribe",  // newsletter
                                "leaking boat",
                                "Flooding",  // author bio, tags
                                "Lifeboat crew",
                                "Related stories",  // related list
                                "About time",
                                "12 comments",  // comments
                                "Most read",
                                "Ferry timetable",
                                "All rights reserved"}) {  // sidebar, footer
    EXPECT_FALSE(Has(a, junk)) << junk;
  }
  EXPECT_TRUE(a.why_not.empty());
}

TEST(ArticleTest, BlogPostWithoutSemanticMarkup) {
  const std::string html = ReadFixture("blog_post.html");
  const Article a = Extract(html);
  ASSERT_TRUE(a.found) << a.why_not;
  EXPECT_EQ(a.text.find("When I first put a grow bag"), 0u);
  EXPECT_TRUE(Has(a, "pinch out the side shoots, however healthy they look."));
  for (std::string_view junk : {"Share this", "Twitter", "Related", "Basil", "Powered by",
                                "Archive", "Small Plot Diaries"}) {
    EXPECT_FALSE(Has(a, junk)) << junk;
  }
}

// Some sites wrap the whole page in one <form> (ASP.NET): it is not a form to drop.
TEST(ArticleTest, PageWrappedInAForm) {
  const std::string html = ReadFixture("form_wrapper.html");
  const Article a = Extract(html);
  ASSERT_TRUE(a.found) << a.why_not;
  EXPECT_EQ(a.text.find("The company reported revenue"), 0u);
  EXPECT_TRUE(Has(a, "particularly in the service business."));
  EXPECT_FALSE(Has(a, "Investors"));
  EXPECT_FALSE(Has(a, "Investor relations"));
  EXPECT_EQ(a.title, "Quarterly results announced");
}

TEST(ArticleTest, EmbeddedPostInTheBodyIsKept) {
  const std::string para =
      "<p>The mayor answered the critics on social media late on Sunday night, in a post that "
      "was shared thousands of times before the council meeting began.</p>";
  const std::string html =
      "<html><body><nav><a href=/>Home</a></nav><div class=\"article-body\">" + para +
      "<div class=\"social-embed\"><blockquote class=\"twitter-tweet\"><p>We will build the "
      "wall, and we will build it to last for a hundred years.</p>&mdash; The Mayor "
      "(@mayor) <a href=\"https://x.example/1\">May 14, 2023</a></blockquote></div>" +
      para + "</div><div class=\"share-bar\"><a href=#>Share</a></div></body></html>";
  const Article a = Extract(html);
  ASSERT_TRUE(a.found) << a.why_not;
  EXPECT_TRUE(Has(a, "We will build the wall"));
  EXPECT_TRUE(Has(a, "The Mayor (@mayor) May 14, 2023"));
  EXPECT_FALSE(Has(a, "Share"));
}

// A comments word on the post around the body ("post commented": the post has
// comments) does not make the post a comments section; the comments section
// after it, which holds no body, is still left out.
TEST(ArticleTest, CommentsWordAroundTheBodyIsNotACommentsSection) {
  std::string paras;
  for (int i = 0; i < 4; ++i) {
    paras += "<p>The ferry company said on Monday that paragraph " + std::to_string(i) +
             " of its report, written after the inspection of the harbour wall, found "
             "cracks, loose stones and a drain that no longer carried the water away.</p>";
  }
  std::string comments;
  for (int i = 0; i < 6; ++i) {
    comments += "<div class=\"comment\"><p>Reader " + std::to_string(i) +
                " wrote that the harbour wall has been cracked for years, and that nobody in "
                "the town council ever listened to the fishermen about it.</p></div>";
  }
  const std::string html =
      "<html><body><nav><a href=/>Home</a></nav><article class=\"post hentry commented\">"
      "<h1>Harbour wall cracked</h1><div class=\"post-content entry-content\">" +
      paras + "</div></article><section class=\"comments-area\">" + comments +
      "</section></body></html>";
  const Article a = Extract(html);
  ASSERT_TRUE(a.found) << a.why_not;
  EXPECT_TRUE(Has(a, "paragraph 0 of its report"));
  EXPECT_TRUE(Has(a, "paragraph 3 of its report"));
  EXPECT_FALSE(Has(a, "Reader 0"));
}

TEST(ArticleTest, BodySplitIntoContainersOfOneClass) {
  std::string html = "<html><body><div class=\"wrap\">";
  for (int part = 0; part < 3; ++part) {
    html += "<div class=\"row\"><div class=\"body-chunk\">";
    for (int p = 0; p < 3; ++p) {
      html += "<p>Part " + std::to_string(part) + ", paragraph " + std::to_string(p) +
              ": the committee heard evidence from engineers, residents and the harbour "
              "master, who said the tides were rising faster than expected.</p>";
    }
    html += "</div><div class=\"ad-rail\"><a href=#>Buy now</a></div></div>";
  }
  html += "</div></body></html>";
  const Article a = Extract(html);
  ASSERT_TRUE(a.found) << a.why_not;
  EXPECT_TRUE(Has(a, "Part 0, paragraph 0"));
  EXPECT_TRUE(Has(a, "Part 2, paragraph 2"));
  EXPECT_FALSE(Has(a, "Buy now"));
}

// ---- Metadata ------------------------------------------------------------------------

TEST(ArticleTest, MetadataFromJsonLdAndOpenGraph) {
  const Article a = Extract(ReadFixture("news_article.html"));
  EXPECT_EQ(a.title, "Harbour town votes to rebuild its sea wall");
  EXPECT_EQ(a.byline, "Mara Quill, Tobias Fenn");  // JSON-LD authors
  EXPECT_EQ(a.date, "2023-05-14");
  EXPECT_EQ(a.url, "https://ledger.example/news/sea-wall-vote");  // canonical before og:url
  EXPECT_EQ(a.site, "The Coastal Ledger");                        // og:site_name
  EXPECT_EQ(a.lang, "en");
}

TEST(ArticleTest, MetadataFromMetaTagsAndTitle) {
  const Article a = Extract(ReadFixture("blog_post.html"));
  EXPECT_EQ(a.title, "Ten years of growing tomatoes on a balcony");  // <title> minus " | Site"
  EXPECT_EQ(a.byline, "Ines Okafor");                                // meta name=author
  EXPECT_EQ(a.date, "2021-03-04");                                   // meta name=date, 2021/03/04
  EXPECT_EQ(a.url, "https://smallplot.example/tomatoes");            // og:url
  EXPECT_EQ(a.site, "smallplot.example");  // no site name: the host of its address
}

std::string PageWith(std::string_view head, std::string_view top) {
  std::string body;
  for (int i = 0; i < 4; ++i) {
    body +=
        "<p>The bridge will close for repairs for six weeks from Monday, the county said, and "
        "drivers are advised to use the coast road instead.</p>";
  }
  return "<html><head>" + std::string(head) + "</head><body><article>" + std::string(top) +
         "<div class=\"article-body\">" + body + "</div></article></body></html>";
}

TEST(ArticleTest, BylineVariants) {
  struct Case {
    std::string_view head, top, byline;
  };
  const Case cases[] = {
      {"<meta name=\"author\" content=\"  Jo Park \">", "", "Jo Park"},
      {"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
       "{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"}}</script>",
       "", "Ana Ruiz"},
      {"<script type=\"application/ld+json\">[{\"@type\":\"ReportageNewsArticle\",\"author\":"
       "[\"Li Wei\",{\"name\":\"Sam Cole\"}]}]</script>",
       "", "Li Wei, Sam Cole"},
      {"", "<span>by <a rel=\"author\" href=\"/u/1\">Kim Lund</a></span>", "Kim Lund"},
      {"", "<div class=\"byline\">By Omar Haddad</div>", "Omar Haddad"},
      {"", "<p class=\"article-author\">BY   RITA  MOSS</p>", "RITA MOSS"},
      {"<meta name=\"author\" content=\"https://social.example/jo\">", "", ""},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    const Article a = Extract(PageWith(c.head, c.top));
    EXPECT_TRUE(a.found) << c.head << c.top;
    EXPECT_EQ(a.byline, c.byline) << c.head << c.top;
    EXPECT_FALSE(Has(a, "Omar")) << "a byline is not body text";
  }
}

TEST(ArticleTest, DateVariants) {
  struct Case {
    std::string_view head, top, date;
  };
  const Case cases[] = {
      {"<meta property=\"article:published_time\" content=\"2020-02-29T23:10:00Z\">", "",
       "2020-02-29"},
      {"<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\","
       "\"datePublished\":\"2019-11-19\"}</script>",
       "", "2019-11-19"},
      {"", "<time datetime=\"2018-07-04T10:00:00-04:00\">July 4</time>", "2018-07-04"},
      {"", "<time datetime=\"Tue Nov 19 2019 05:44:06 GMT+0000\">Tuesday</time>", "2019-11-19"},
      {"<meta name=\"pubdate\" content=\"20170102\">", "", "2017-01-02"},
      {"<meta name=\"date\" content=\"March 5, 2016\">", "", "2016-03-05"},
      {"<meta itemprop=\"datePublished\" content=\"2015-12-31\">", "", "2015-12-31"},
      {"<meta name=\"date\" content=\"soon\">", "", ""},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    const Article a = Extract(PageWith(c.head, c.top));
    EXPECT_TRUE(a.found) << c.head << c.top;
    EXPECT_EQ(a.date, c.date) << c.head << c.top;
  }
}

TEST(ArticleTest, TitleVariants) {
  struct Case {
    std::string_view head, top, title;
  };
  const Case cases[] = {
      {"<title>Bridge to close - County News</title>"
       "<meta property=\"og:title\" content=\"Bridge to close for six weeks\">",
       "", "Bridge to close for six weeks"},
      {"<title>Bridge to close - County News</title><script type=\"application/ld+json\">"
       "{\"@type\":\"NewsArticle\",\"headline\":\"Bridge closes\"}</script>",
       "", "Bridge closes"},
      {"<title>Bridge to close - County News</title>", "<h1>Bridge shut for repairs</h1>",
       "Bridge shut for repairs"},
      {"<title>Bridge to close for six weeks | County News</title>", "",
       "Bridge to close for six weeks"},
  };
  for (const Case& c : cases) {
    const Article a = Extract(PageWith(c.head, c.top));
    EXPECT_EQ(a.title, c.title) << c.head << c.top;
    EXPECT_FALSE(Has(a, "Bridge shut")) << "the headline is not body text";
  }
}

// ---- No article ----------------------------------------------------------------------

TEST(ArticleTest, IndexPageHasNoArticle) {
  const Article a = Extract(ReadFixture("index_page.html"));
  EXPECT_FALSE(a.found);
  EXPECT_EQ(a.text, "");
  EXPECT_FALSE(a.why_not.empty());
  EXPECT_EQ(a.site, "The Coastal Ledger");  // metadata may still be set
}

TEST(ArticleTest, IndexPageWithSummariesHasNoArticle) {
  std::string html = "<html><body><main>";
  for (int i = 0; i < 6; ++i) {
    html += "<div class=\"card\"><h3><a href=\"/s" + std::to_string(i) +
            "\">Headline of story number " + std::to_string(i) +
            "</a></h3><p>A summary of the story, telling readers what happened and why it "
            "matters to them, in a sentence or two.</p></div>";
  }
  html += "</main></body></html>";
  const Article a = Extract(html);
  EXPECT_FALSE(a.found);
  EXPECT_EQ(a.text, "");
  EXPECT_FALSE(a.why_not.empty());
}

TEST(ArticleTest, ErrorPageHasNoArticle) {
  const Article a = Extract(ReadFixture("not_found.html"));
  EXPECT_FALSE(a.found);
  EXPECT_EQ(a.text, "");
  EXPECT_FALSE(a.why_not.empty());
}

TEST(ArticleTest, EmptyAndTextlessPages) {
  for (std::string_view html : {"", "   ", "<html></html>", "<script>x()</script>", "<p>Hello.</p>",
                                "<ul><li><a href=/a>A</a></li></ul>"}) {
    const Article a = Extract(html);
    EXPECT_FALSE(a.found) << html;
    EXPECT_EQ(a.text, "") << html;
    EXPECT_FALSE(a.why_not.empty()) << html;
  }
}

// A page with a few sentences and nothing around them is taken whole.
TEST(ArticleTest, SmallPageIsTakenWhole) {
  const std::string html =
      "<html><head><title>Notice</title></head><body><nav><a href=/>Home</a></nav>"
      "<p>The library will be closed on Monday for the holiday.</p>"
      "<p>Books can be returned at the front desk.</p><footer>Town library</footer></body></html>";
  const Article a = Extract(html);
  ASSERT_TRUE(a.found) << a.why_not;
  EXPECT_EQ(a.text,
            "The library will be closed on Monday for the holiday.\n\nBooks can be returned at "
            "the front desk.");
}

// ---- Languages other than English ------------------------------------------------------

// A German page (declared with <html lang>): a body of running text with
// lines of furniture in German between its paragraphs.
std::string GermanPage(std::string_view lang_attr, std::string_view line) {
  std::string body;
  for (int i = 0; i < 5; ++i) {
    body +=
        "<p>Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die "
        "alte Steinbr\xc3\xbc"
        "cke zu sanieren, deren Kosten inzwischen auf zw\xc3\xb6lf Millionen "
        "Euro gesch\xc3\xa4tzt werden, Absatz " +
        std::to_string(i) + ".</p>";
    if (i == 1) body += "<p>" + std::string(line) + "</p>";
  }
  return "<html" + std::string(lang_attr) +
         "><head><title>Die Br\xc3\xbc"
         "cke wird saniert</title></head><body><div class=\"article-body\">" +
         body + "</div></body></html>";
}

TEST(ArticleTest, GermanFurnitureLinesAreDropped) {
  for (std::string_view line :
       {"Anzeige", "Foto: dpa", "Teilen", "Artikel merken", "Mehr zum Thema",
        "Lesen Sie auch: Der Streit um die Umgehungsstra\xc3\x9f"
        "e",
        "Weiterlesen", "Zur Startseite", "Newsletter abonnieren", "Quelle: dpa",
        "Bild: Stadtarchiv"}) {
    const Article a = Extract(GermanPage(" lang=\"de\"", line));
    ASSERT_TRUE(a.found) << a.why_not;
    EXPECT_TRUE(Has(a, "Absatz 4.")) << line;
    EXPECT_FALSE(Has(a, line)) << line;
  }
  // A line that only starts like a whole-line word is kept: "Teilen" alone
  // is a button, "Teilen der Stadt ..." is text.
  const Article a = Extract(GermanPage(" lang=\"de\"", "Teilen der Stadt fehlt Strom"));
  EXPECT_TRUE(Has(a, "Teilen der Stadt fehlt Strom"));
}

// Each language's list applies to its own pages, and to pages that declare
// no language; a page in English keeps a German word.
TEST(ArticleTest, FurnitureListsFollowThePagesLanguage) {
  EXPECT_FALSE(Has(Extract(GermanPage(" lang=\"de-DE\"", "Mehr zum Thema")), "Mehr zum Thema"));
  EXPECT_FALSE(Has(Extract(GermanPage("", "Mehr zum Thema")), "Mehr zum Thema"));
  const Article en = Extract(GermanPage(" lang=\"en\"", "Mehr zum Thema"));
  ASSERT_TRUE(en.found) << en.why_not;
  EXPECT_TRUE(Has(en, "Mehr zum Thema"));
  // og:locale declares the language when <html lang> does not.
  std::string og = GermanPage("", "Mehr zum Thema");
  og.replace(og.find("<head>"), 6, "<head><meta property=\"og:locale\" content=\"en_US\">");
  EXPECT_TRUE(Has(Extract(og), "Mehr zum Thema"));
}

// Lines compare case-folded beyond ASCII: Cyrillic and accented capitals.
TEST(ArticleTest, FurnitureLinesInOtherScriptsAndCapitals) {
  const struct {
    std::string_view lang, line;
  } cases[] = {
      {"ru", "\xd0\xa0\xd0\x95\xd0\x9a\xd0\x9b\xd0\x90\xd0\x9c\xd0\x90"},  // РЕКЛАМА
      {"ru",
       "\xd0\xa7\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 "
       "\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5: \xd0\xbd\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x81"
       "\xd1\x82\xd0\xb8"},  // Читайте также: новости
      {"fr", "PUBLICIT\xc3\x89"},
      {"fr", "Photo\xe2\x80\xaf: AFP"},  // a narrow no-break space before the colon
      {"es", "Leer m\xc3\xa1s"},
      {"it", "Leggi anche: il consiglio comunale"},
      {"pt", "Leia tamb\xc3\xa9m"},
      {"zh", "\xe7\x9b\xb8\xe5\x85\xb3\xe9\x98\x85\xe8\xaf\xbb"},  // 相关阅读
  };
  for (const auto& c : cases) {
    const Article a = Extract(GermanPage(" lang=\"" + std::string(c.lang) + "\"", c.line));
    ASSERT_TRUE(a.found) << a.why_not;
    EXPECT_FALSE(Has(a, c.line)) << c.line;
  }
}

// A German news page whose class names are German: the report in
// "artikel-inhalt", a byline box "autor" ("Von Max Beispiel, aktualisiert
// am 3. März"), a caption
// "bildunterschrift" ("Foto: dpa"), and around it teasers, an ad
// ("werbung") and a reader comments section (`comments_class`) holding more
// running text than the report.
std::string GermanClassesPage(std::string_view lang_attr, std::string_view comments_class) {
  std::string report;
  for (int i = 0; i < 4; ++i) {
    report +=
        "<p>Die F\xc3\xa4hre zwischen Nordhafen und der Insel f\xc3\xa4hrt nach der Reparatur "
        "des Motors wieder nach dem alten Fahrplan, teilte die Reederei am Montag mit, "
        "und die Pendler sind erleichtert, Absatz " +
        std::to_string(i) + ".</p>";
  }
  std::string comments;
  for (int i = 0; i < 8; ++i) {
    comments += "<div class=\"eintrag\"><p>Leser " + std::to_string(i) +
                " schreibt: Ich fahre seit Jahren jeden Tag mit dieser F\xc3\xa4hre, und es war "
                "h\xc3\xb6"
                "chste Zeit, dass man den Motor endlich repariert, denn die Ausf\xc3\xa4lle im "
                "Winter haben uns alle viel Zeit, Geld und Nerven gekostet.</p></div>";
  }
  std::string teasers;
  for (int i = 0; i < 4; ++i) {
    teasers += "<div class=\"teaser\"><a href=\"/t" + std::to_string(i) +
               "\">Neue Radwege am Hafen geplant</a></div>";
  }
  return "<html" + std::string(lang_attr) +
         "><head><title>F\xc3\xa4hre f\xc3\xa4hrt wieder</title></head><body>"
         "<div class=\"seite\"><div class=\"artikel-inhalt\"><h1>F\xc3\xa4hre f\xc3\xa4hrt "
         "wieder</h1><div class=\"autor\">Von Max Beispiel, aktualisiert am 3. M\xc3\xa4rz</div>"
         "<div class=\"bild\"><img src=\"f.jpg\"><div class=\"bildunterschrift\">Die F\xc3\xa4hre "
         "am Anleger im Nordhafen. Foto: dpa</div></div>" +
         report +
         "</div><div class=\"werbung\"><p>Jetzt neu im Autohaus am Ring: der Kombi f\xc3\xbcr "
         "die ganze Familie, mit gro\xc3\x9f"
         "em Kofferraum, sparsamem Motor und vielen Extras, nur f\xc3\xbcr kurze Zeit zum "
         "Sonderpreis, fragen Sie unsere Berater.</p></div>" +
         teasers + "<div class=\"" + std::string(comments_class) + "\"><h2>Ihre Meinung</h2>" +
         comments + "</div></div></body></html>";
}

// German class names, byline and caption words (data/de/page_classes.txt,
// bylines.txt) apply to a German page: the report is found without the
// comments, the ad and the caption, and the byline loses its "Von" and its
// date part.
TEST(ArticleTest, GermanClassNamesBylineAndCaption) {
  for (std::string_view lang : {" lang=\"de\"", ""}) {
    const Article a = Extract(GermanClassesPage(lang, "kommentare"));
    ASSERT_TRUE(a.found) << a.why_not;
    EXPECT_EQ(a.text.find("Die F\xc3\xa4hre zwischen Nordhafen"), 0u) << a.text;
    EXPECT_TRUE(Has(a, "Absatz 3."));
    EXPECT_FALSE(Has(a, "Leser 0 schreibt")) << lang;
    EXPECT_FALSE(Has(a, "Autohaus")) << lang;
    EXPECT_FALSE(Has(a, "Foto: dpa")) << lang;
    EXPECT_FALSE(Has(a, "Max Beispiel")) << lang;
    EXPECT_EQ(a.byline, "Max Beispiel") << lang;
  }
  // A page in English has English's words only: the comments and the ad are
  // taken for text, and the byline box names no author.
  const Article en = Extract(GermanClassesPage(" lang=\"en\"", "kommentare"));
  ASSERT_TRUE(en.found) << en.why_not;
  EXPECT_TRUE(Has(en, "Leser 0 schreibt"));
  EXPECT_EQ(en.byline, "");
}

// The same for a Spanish page: "cuerpo-noticia", "comentarios",
// "publicidad", a "firma" byline ("Por Ana Ejemplo") and a "pie-de-foto"
// caption ("Foto: EFE").
TEST(ArticleTest, SpanishClassNamesBylineAndCaption) {
  std::string report;
  for (int i = 0; i < 4; ++i) {
    report +=
        "<p>El ayuntamiento de Villamar aprob\xc3\xb3 el martes, tras un largo debate, la "
        "reparaci\xc3\xb3n del viejo puente de piedra, cuyo coste se estima ya en doce "
        "millones de euros, p\xc3\xa1rrafo " +
        std::to_string(i) + ".</p>";
  }
  std::string comments;
  for (int i = 0; i < 8; ++i) {
    comments += "<div class=\"item\"><p>Lector " + std::to_string(i) +
                " dice: Cruzo ese puente todos los d\xc3\xad"
                "as para ir al trabajo, y ya era hora de que alguien se ocupara de \xc3\xa9l, "
                "porque en invierno las grietas dan miedo a cualquiera.</p></div>";
  }
  const std::string html =
      "<html lang=\"es\"><head><title>El puente se reparar\xc3\xa1</title></head><body>"
      "<div class=\"pagina\"><div class=\"cuerpo-noticia\"><h1>El puente se "
      "reparar\xc3\xa1</h1><p class=\"firma\">Por Ana Ejemplo</p><div class=\"foto\">"
      "<img src=\"p.jpg\"><p class=\"pie-de-foto\">El puente al amanecer. Foto: EFE</p></div>" +
      report +
      "</div><div class=\"publicidad\"><p>Ahora en su concesionario: el coche familiar con "
      "maletero grande, motor eficiente y muchos extras, solo por poco tiempo a un precio "
      "especial, consulte a nuestros asesores.</p></div><div class=\"comentarios\">" +
      comments + "</div></div></body></html>";
  const Article a = Extract(html);
  ASSERT_TRUE(a.found) << a.why_not;
  EXPECT_EQ(a.text.find("El ayuntamiento de Villamar"), 0u) << a.text;
  EXPECT_TRUE(Has(a, "p\xc3\xa1rrafo 3."));
  EXPECT_FALSE(Has(a, "Lector 0 dice"));
  EXPECT_FALSE(Has(a, "concesionario"));
  EXPECT_FALSE(Has(a, "Foto: EFE"));
  EXPECT_EQ(a.byline, "Ana Ejemplo");
}

// ---- Short articles: the page's structure vouches for them -------------------------------

// A German news page around a short report (about 300 characters, a third
// of them in links): navigation, a cookie notice, teasers of other stories
// and a footer, more text than the report itself.
std::string ShortGermanNewsPage(std::string_view og_type) {
  std::string teasers;
  for (int i = 0; i < 8; ++i) {
    teasers += "<div class=\"teaser\"><a href=\"/t" + std::to_string(i) +
               "\">Weitere Meldung aus der Region</a><p>Die Polizei sucht nach einem "
               "Unfall am Wochenende Zeugen, die den Wagen gesehen haben, Fall " +
               std::to_string(i) + ".</p></div>";
  }
  return "<!DOCTYPE html><html lang=\"de\"><head><title>Br\xc3\xbc"
         "cke gesperrt | Tagesblatt</title><meta property=\"og:type\" content=\"" +
         std::string(og_type) +
         "\"></head><body><header><nav><a href=\"/\">Startseite</a> <a href=\"/politik\">"
         "Politik</a> <a href=\"/sport\">Sport</a></nav></header>"
         "<div class=\"consent\"><p>Wir verwenden Cookies und \xc3\xa4hnliche Technologien, "
         "um Inhalte zu personalisieren, Werbung anzuzeigen und die Nutzung unserer Seiten "
         "auszuwerten. Mit einem Klick auf Zustimmen erlauben Sie das.</p></div>"
         "<article><h1>Br\xc3\xbc"
         "cke nach Hochwasser gesperrt</h1>"
         "<p>Nach dem <a href=\"/hochwasser\">Hochwasser</a> an der Elbe ist die alte "
         "Steinbr\xc3\xbc"
         "cke am Dienstagmorgen gesperrt worden.</p><p>Gutachter der <a href=\"/stadt\">"
         "Stadtverwaltung</a> sollen die Pfeiler in den kommenden Tagen pr\xc3\xbc"
         "fen.</p><p>Autofahrer m\xc3\xbcssen bis auf Weiteres eine Umleitung \xc3\xbc"
         "ber die Landstra\xc3\x9f"
         "e nehmen.</p><p>Anzeige</p></article><aside>" +
         teasers +
         "</aside><footer><p>Das Tagesblatt erscheint t\xc3\xa4glich au\xc3\x9f"
         "er sonntags und berichtet \xc3\xbc"
         "ber Politik, Wirtschaft, Kultur und Sport aus der Region und der Welt, seit "
         "mehr als hundert Jahren.</p><p>Impressum</p><p>Datenschutz</p></footer></body>"
         "</html>";
}

TEST(ArticleTest, ShortGermanArticleIsExtracted) {
  const Article a = Extract(ShortGermanNewsPage("article"));
  ASSERT_TRUE(a.found) << a.why_not;
  EXPECT_EQ(a.text,
            "Nach dem Hochwasser an der Elbe ist die alte Steinbr\xc3\xbc"
            "cke am Dienstagmorgen gesperrt worden.\n\nGutachter der Stadtverwaltung sollen "
            "die Pfeiler in den kommenden Tagen pr\xc3\xbc"
            "fen.\n\nAutofahrer m\xc3\xbcssen bis auf Weiteres eine Umleitung \xc3\xbc"
            "ber die Landstra\xc3\x9f"
            "e nehmen.");
}

TEST(ArticleTest, GermanIndexPageIsRefused) {
  std::string html =
      "<html lang=\"de\"><head><title>Nachrichten aus der Region</title>"
      "<meta property=\"og:type\" content=\"website\"></head><body><main>";
  for (int i = 0; i < 6; ++i) {
    html += "<article class=\"teaser\"><h2><a href=\"/n" + std::to_string(i) +
            "\">Meldung Nummer " + std::to_string(i) +
            " aus dem Landkreis</a></h2><p>Eine kurze Zusammenfassung der Meldung, die den "
            "Lesern sagt, was geschehen ist und warum es sie betrifft.</p></article>";
  }
  html += "</main></body></html>";
  const Article a = Extract(html);
  EXPECT_FALSE(a.found);
  EXPECT_NE(a.why_not.find("a list of links"), std::string::npos) << a.why_not;
}

// Error pages say so in their own language.
TEST(ArticleTest, GermanErrorPageIsRefused) {
  std::string html =
      "<html lang=\"de\"><head><title>Seite nicht gefunden</title></head><body><main>"
      "<h1>Seite nicht gefunden</h1><p>Die von Ihnen aufgerufene Seite gibt es leider "
      "nicht mehr. Bitte nutzen Sie unsere Suche oder kehren Sie zur Startseite "
      "zur\xc3\xbc"
      "ck.</p></main><footer><ul>";
  for (int i = 0; i < 12; ++i) {
    html +=
        "<li><a href=\"/r" + std::to_string(i) + "\">Ressort " + std::to_string(i) + "</a></li>";
  }
  html += "</ul><p>\xc2\xa9 Tagesblatt</p></footer></body></html>";
  const Article a = Extract(html);
  EXPECT_FALSE(a.found) << a.text;
  EXPECT_FALSE(a.why_not.empty());
}

// Chinese paragraphs separated by spaces, without sentence stops (a blog's
// captions): running text all the same, measured in characters.
TEST(ArticleTest, ChineseArticleWithoutStopsIsExtracted) {
  std::string html = "<html lang=\"zh-TW\"><body><div class=\"sidebar\">";
  for (int i = 0; i < 8; ++i) html += "<a href=\"/c" + std::to_string(i) + "\">分類</a> ";
  html += "</div><div class=\"article-content\">";
  for (int i = 0; i < 12; ++i) {
    html +=
        "<p>一波波低溫寒流報到 已將山巒披上嫣紅的彩衣 道路一路上雲氣山嵐滯留山頭 "
        "順路下切後不久即抵達</p>";
  }
  html += "</div></body></html>";
  const Article a = Extract(html);
  ASSERT_TRUE(a.found) << a.why_not;
  EXPECT_TRUE(Has(a, "一波波低溫寒流報到"));
  EXPECT_FALSE(Has(a, "分類"));
}

// ---- Robustness ----------------------------------------------------------------------

TEST(ArticleTest, MalformedHtml) {
  const std::string html =
      "<html><body><div class=story><p>The storm <b>knocked out <i>power</b> to "
      "thousands</i> of homes across the valley on Friday night, and crews were still "
      "working to restore it on Sunday.<p>Schools will stay closed on Monday, the district "
      "said, while engineers inspect the buildings for damage to the roofs and windows."
      "</span></div></td><p>Residents were told to avoid the river paths &amp the flooded "
      "fields until the water goes down, which could take most of the week<div>";
  const Article a = Extract(html);
  ASSERT_TRUE(a.found) << a.why_not;
  EXPECT_TRUE(Has(a, "The storm knocked out power to thousands of homes"));
  EXPECT_TRUE(Has(a, "river paths & the flooded fields"));
}

TEST(ArticleTest, EveryByteMapsBackOnAllFixtures) {
  for (std::string_view name :
       {"news_article.html", "blog_post.html", "form_wrapper.html", "index_page.html"}) {
    SCOPED_TRACE(name);
    Extract(ReadFixture(name));  // checks the map
  }
}

// The map stays exact on pages assembled from awkward fragments.
TEST(ArticleTest, MapIsExactOnGeneratedPages) {
  const std::vector<std::string> pieces = {
      "<p>",
      "</p>",
      "The council met on Tuesday, and the vote was close. ",
      "Residents said the plan was too expensive, but the engineers disagreed. ",
      " ",
      "\n",
      "\r\n",
      "&amp;",
      "&eacute;",
      "&",
      "&#8217;",
      "&copy",
      "<br>",
      "<pre>",
      "</pre>",
      "<td>",
      "<tr>",
      "<table>",
      "</foo>",
      "<b>",
      "</b>",
      "<a href=\"/x\">",
      "</a>",
      "<!--c-->",
      "<li>",
      "&nbsp;",
      "<script>s()</script>",
      "<div class=\"share\">",
      "<div class=\"article-body\">",
      "</div>",
      "<blockquote>",
      "<h2>",
      "</h2>",
      std::string("\0", 1),
      "<![CDATA[x]]>",
      "<svg><text>t</text></svg>",
      "<span data-x=\"1\" class=\"c\">",
      "<time datetime=\"2020-01-02\">"};
  uint32_t state = 4242;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7fff;
  };
  int found = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string html;
    const int n = static_cast<int>(next() % 80);
    for (int i = 0; i < n; ++i) html += pieces[next() % pieces.size()];
    SCOPED_TRACE(html);
    const Article a = Extract(html);
    if (!a.found) {
      EXPECT_EQ(a.text, "");
      continue;
    }
    ++found;
    EXPECT_NE(a.text.front(), ' ');
    EXPECT_NE(a.text.front(), '\n');
    EXPECT_NE(a.text.back(), ' ');
    EXPECT_NE(a.text.back(), '\n');
  }
  EXPECT_GT(found, 50);  // enough pages hold an article to test the map
}

std::string DeepPage(int depth, std::string_view open, std::string_view close) {
  std::string html = "<html><body>";
  html.reserve(static_cast<size_t>(depth) * (open.size() + close.size()) + 2000);
  for (int i = 0; i < depth; ++i) html += open;
  for (int i = 0; i < 3; ++i) {
    html +=
        "<p>Deep inside the page, this paragraph still reads as running text, with commas, "
        "full stops and enough words to count as the body of an article.</p>";
  }
  for (int i = 0; i < depth; ++i) html += close;
  return html + "</body></html>";
}

// Deep pages are read whole (their time is measured in bench/, not here).
TEST(ArticleTest, DeepNestingKeepsTheText) {
  constexpr int kDepth = 100000;
  const std::pair<std::string_view, std::string_view> shapes[] = {
      {"<div>", "</div>"},        {"<div>", ""},           {"<span><b>", ""},
      {"<ul><li>", "</li></ul>"}, {"<table><tr><td>", ""}, {"<div/>", ""}};
  for (const auto& [open, close] : shapes) {
    SCOPED_TRACE(open);
    const std::string html = DeepPage(kDepth, open, close);
    const Article a = Extract(html);
    EXPECT_TRUE(a.found) << a.why_not;
    EXPECT_TRUE(Has(a, "Deep inside the page"));
  }
}

// Neither the analysis nor freeing the parse recurses per level of nesting.
TEST(ArticleTest, DeepNestingDoesNotRecurse) {
  struct Job {
    std::string html;
    bool found = false;
  } job;
  job.html = DeepPage(100000, "<div>", "</div>");
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, 256 * 1024), 0);
  pthread_t thread;
  auto run = [](void* arg) -> void* {
    auto* j = static_cast<Job*>(arg);
    Result<Article> a = ExtractArticle(j->html);
    j->found = a.ok() && a->found;
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, run, &job), 0);
  ASSERT_EQ(pthread_join(thread, nullptr), 0);
  pthread_attr_destroy(&attr);
  EXPECT_TRUE(job.found);
}

TEST(ArticleTest, TenMegabytePage) {
  std::string html =
      "<html><head><title>Long report</title></head><body><nav><a href=/>Home</a></nav>"
      "<article><h1>Long report</h1>";
  int n = 0;
  while (html.size() < (10u << 20)) {
    html += "<p>Section " + std::to_string(n++) +
            " of the report describes, in some detail, the state of the harbour walls, the "
            "cost of repairs and the views of the residents who live behind them.</p>";
    if (n % 50 == 0) html += "<div class=\"ad-slot\"><a href=/ad>Sponsored link</a></div>";
  }
  html += "</article><footer>&copy; Ledger</footer></body></html>";
  const Article a = Extract(html);
  ASSERT_TRUE(a.found) << a.why_not;
  EXPECT_EQ(a.text.find("Section 0 of the report"), 0u);
  EXPECT_TRUE(Has(a, "Section " + std::to_string(n - 1) + " of the report"));
  EXPECT_FALSE(Has(a, "Sponsored link"));
  EXPECT_FALSE(Has(a, "Ledger"));
}

// ---- Word lists from a data folder -------------------------------------------------------

class ArticleWordsTest : public DataFolderTest {
 protected:
  // A page in French: a body of running text, a "notre dossier" line and a
  // comment box in it, a byline, a date and a site address.
  static std::string FrenchPage() {
    std::string body;
    for (int i = 0; i < 6; ++i) {
      body +=
          "<p>Les conseillers de la ville portuaire ont vot\xc3\xa9 mardi soir, apr\xc3\xa8s "
          "un long d\xc3\xa9"
          "bat, un plan de r\xc3\xa9paration de la digue, dont le co\xc3\xbbt "
          "d\xc3\xa9passe douze millions, paragraphe " +
          std::to_string(i) + ".</p>";
      if (i == 2) body += "<p>Notre dossier sur la digue</p>";
    }
    return "<html><head><title>La digue sera r\xc3\xa9par\xc3\xa9"
           "e</title>"
           "<meta name=\"author\" content=\"Reportage de Jean Dupont\">"
           "<meta name=\"date\" content=\"27 novembre 2015\"></head><body>"
           "<div class=\"article-body\">" +
           body +
           "<div class=\"lesermeinung-box\"><p>Un lecteur \xc3\xa9"
           "crit que la digue aurait d\xc3\xbb "
           "\xc3\xaatre r\xc3\xa9par\xc3\xa9"
           "e depuis longtemps, et que personne ne l'\xc3\xa9"
           "coute "
           "jamais, ni \xc3\xa0 la mairie ni ailleurs.</p></div></div></body></html>";
  }
};

TEST_F(ArticleWordsTest, FurnitureClassesBylinesDatesAndOutletsOfTheDataFolder) {
  Extend("en/page_furniture.txt", "notre dossier | line");
  Extend("en/page_classes.txt", "lesermeinung | boiler negative comments | substring");
  Extend("en/bylines.txt", "Reportage de | page");
  Extend("en/months.txt", "novembre | 11");
  Extend("outlet_domains.txt", "digue.example  La Gazette de la Digue");
  Result<ArticleExtractor> folder = ArticleExtractor::Create(data_dir());
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  const std::string html = FrenchPage();
  const std::string address = "https://www.digue.example/ville/plan";

  Result<Article> with = folder->Extract(html, address);
  ASSERT_TRUE(with.ok() && with->found) << with.status().ToString() << with->why_not;
  ExpectExactMap(html, *with);
  EXPECT_TRUE(Has(*with, "paragraphe 5."));
  EXPECT_FALSE(Has(*with, "Notre dossier"));  // a furniture line
  EXPECT_FALSE(Has(*with, "Un lecteur"));     // a comment box, by its class
  EXPECT_EQ(with->byline, "Jean Dupont");
  EXPECT_EQ(with->date, "2015-11-27");
  EXPECT_EQ(with->site, "La Gazette de la Digue");

  Result<Article> without = ExtractArticle(html, address);
  ASSERT_TRUE(without.ok() && without->found) << without->why_not;
  EXPECT_TRUE(Has(*without, "Notre dossier"));
  EXPECT_TRUE(Has(*without, "Un lecteur"));
  EXPECT_EQ(without->byline, "Reportage de Jean Dupont");
  EXPECT_EQ(without->date, "");
  EXPECT_EQ(without->site, "digue.example");
}

// Another language's list is read from the data folder too, and applies
// to that language's pages.
TEST_F(ArticleWordsTest, OtherLanguagesFurnitureOfTheDataFolder) {
  Extend("de/page_furniture.txt", "zum mitnehmen | line\nwetterbericht | whole");
  Result<ArticleExtractor> folder = ArticleExtractor::Create(data_dir());
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  for (std::string_view line : {"Zum Mitnehmen: die Karte der Baustellen", "Wetterbericht"}) {
    std::string html = GermanPage(" lang=\"de\"", line);
    Result<Article> with = folder->Extract(html);
    ASSERT_TRUE(with.ok() && with->found) << with->why_not;
    EXPECT_FALSE(Has(*with, line)) << line;
    EXPECT_TRUE(Has(*with, "Absatz 4."));
    EXPECT_TRUE(Has(Extract(html), line)) << line;  // not a built-in line
    html = GermanPage(" lang=\"en\"", line);        // nor one of an English page
    EXPECT_TRUE(Has(*folder->Extract(html), line)) << line;
  }
  Write("de/page_furniture.txt", "teilen | button\n");
  Result<ArticleExtractor> bad = ArticleExtractor::Create(data_dir());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(bad.status().input(), "de/page_furniture.txt") << bad.status().ToString();
}

// A language's class names in the data folder replace the built-in ones
// (data/de/page_classes.txt): the folder's word marks the comments, and the
// built-in "kommentare" no longer does.
TEST_F(ArticleWordsTest, LanguagesClassNamesOfTheDataFolder) {
  Write("de/page_classes.txt", "leserecke | boiler negative comments | substring\n");
  Result<ArticleExtractor> folder = ArticleExtractor::Create(data_dir());
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  const std::string own = GermanClassesPage(" lang=\"de\"", "leserecke");
  Result<Article> with = folder->Extract(own);
  ASSERT_TRUE(with.ok() && with->found) << with->why_not;
  EXPECT_TRUE(Has(*with, "Absatz 3."));
  EXPECT_FALSE(Has(*with, "Leser 0 schreibt"));
  EXPECT_TRUE(Has(Extract(own), "Leser 0 schreibt"));  // not a built-in word
  Result<Article> built_in_word = folder->Extract(GermanClassesPage(" lang=\"de\"", "kommentare"));
  ASSERT_TRUE(built_in_word.ok() && built_in_word->found) << built_in_word->why_not;
  EXPECT_TRUE(Has(*built_in_word, "Leser 0 schreibt"));
  Write("de/page_classes.txt", "leserecke | boiler | everywhere\n");
  Result<ArticleExtractor> bad = ArticleExtractor::Create(data_dir());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(bad.status().input(), "de/page_classes.txt") << bad.status().ToString();
}

TEST_F(ArticleWordsTest, MissingLanguageOrBadLineIsAnError) {
  EXPECT_EQ(ArticleExtractor::Create("", "xx").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ArticleExtractor::Create(data_dir() + "/none").status().code(), StatusCode::kNotFound);
  Write("en/page_classes.txt", "comment | boiler | everywhere\n");
  Result<ArticleExtractor> bad = ArticleExtractor::Create(data_dir());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(bad.status().input(), "en/page_classes.txt") << bad.status().ToString();
}

}  // namespace
}  // namespace dossier
