#include "ingest/feed.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "../temp_dir.h"

namespace dossier {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(DOSSIER_TESTDATA_DIR) + "/feed/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Feed Parse(std::string_view bytes, std::vector<Diagnostic>* diagnostics = nullptr,
           const FeedOptions& options = FeedOptions()) {
  std::vector<Diagnostic> local;
  Result<Feed> feed = ParseFeed(bytes, "feed.xml", options, diagnostics ? diagnostics : &local);
  EXPECT_TRUE(feed.ok()) << feed.status().ToString();
  return feed.ok() ? std::move(feed).value() : Feed();
}

Feed ParseFixture(const std::string& name, std::vector<Diagnostic>* diagnostics = nullptr) {
  return Parse(ReadFixture(name), diagnostics);
}

std::string Messages(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += d.status.ToString() + "\n";
  return out;
}

// Every string of every item and document, joined: what a reader could see.
std::string Everything(const Feed& feed, const std::vector<Document>& docs) {
  std::string out = feed.title + feed.link + feed.language;
  for (const FeedItem& i : feed.items) {
    out += i.title + i.link + i.id + i.date + i.datetime + i.author + i.source + i.summary_html +
           i.content_html;
  }
  for (const Document& d : docs)
    out += d.id + d.url + d.title + d.byline + d.source + d.raw + d.text;
  return out;
}

// The raw bytes a part of a document's text maps to.
std::string_view Cite(const Document& doc, std::string_view part) {
  const size_t at = doc.text.find(part);
  if (at == std::string::npos) return "<not in text>";
  const Span span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size())};
  return doc.map.ToOriginal(span).Slice(doc.raw);
}

// ---- Formats ---------------------------------------------------------------------------------

TEST(FeedTest, Rss2ChannelAndItems) {
  const Feed feed = ParseFixture("rss2.xml");
  EXPECT_EQ(feed.kind, FeedKind::kRss);
  EXPECT_EQ(feed.title, "The Harbor Gazette");
  EXPECT_EQ(feed.link, "https://gazette.example.org/news/");
  EXPECT_EQ(feed.language, "en-us");
  ASSERT_EQ(feed.items.size(), 3u);

  const FeedItem& a = feed.items[0];
  EXPECT_EQ(a.title, "Ferry service resumes after storm");  // white space collapsed
  EXPECT_EQ(a.link, "https://gazette.example.org/news/2015/ferry-resumes");  // relative, resolved
  EXPECT_EQ(a.id, "gazette-4711");
  EXPECT_EQ(a.date, "2015-12-18");
  EXPECT_EQ(a.datetime, "2015-12-18T10:00:00Z");
  EXPECT_EQ(a.author, "Mara Quill");  // dc:creator
  EXPECT_EQ(a.summary_html, "<p>The harbor&#x27;s ferry runs again.</p>");
  EXPECT_EQ(a.content_html.substr(0, 31), "<p>The harbor&#x27;s ferry serv");  // CDATA as written
  EXPECT_EQ(a.line, 9u);

  const FeedItem& b = feed.items[1];
  EXPECT_EQ(b.title, "Council's budget vote 'delayed'");  // &amp;#x27; and &#x27; both decoded
  EXPECT_EQ(b.link, "https://gazette.example.org/news/budget-vote");
  EXPECT_EQ(b.id, b.link);          // no guid
  EXPECT_EQ(b.date, "2015-12-18");  // 23:30 -0500 is the next day in UTC
  EXPECT_EQ(b.datetime, "2015-12-18T04:30:00Z");
  EXPECT_EQ(b.author, "Tobias Wren");  // the e-mail address dropped
  EXPECT_EQ(b.summary_html, "The council's vote on the budget moved to January.");
  EXPECT_EQ(b.line, 20u);

  const FeedItem& c = feed.items[2];
  EXPECT_EQ(c.link, "https://gazette.example.org/news/lighthouse");  // a permalink guid
  EXPECT_EQ(c.datetime, "2015-12-16T13:15:00Z");                     // "15", EST
  EXPECT_TRUE(c.summary_html.empty() && c.content_html.empty());
}

TEST(FeedTest, Rss091WithDoctypeAndHtmlEntities) {
  std::vector<Diagnostic> diagnostics;
  const Feed feed = ParseFixture("rss091.xml", &diagnostics);
  EXPECT_EQ(feed.kind, FeedKind::kRss);
  EXPECT_EQ(feed.title, "Valley Café Notes");  // &eacute; from the DTD never loaded: HTML's
  EXPECT_EQ(feed.language, "fr");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].title, "Café wins regional prize");
  EXPECT_EQ(feed.items[0].link, "http://valley.example.net/notes/prize.html");
  // The entity reference stays HTML source; the HTML reader decodes it.
  EXPECT_NE(feed.items[0].summary_html.find("caf&eacute;"), std::string::npos);
  // The DTD's HTML entities are no error worth a warning; nothing else is wrong.
  EXPECT_TRUE(diagnostics.empty()) << Messages(diagnostics);
  // ISO-8859-1 converted.
  EXPECT_EQ(feed.items[1].summary_html, "The détour around the old bridge ends in spring.");
  const std::vector<Document> docs = FeedDocuments(feed, "rss091.xml", &diagnostics);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "The café on Mill Street won the regional pastry prize — its third.");
  EXPECT_EQ(docs[0].source, "Valley Café Notes");
}

TEST(FeedTest, RdfRss10) {
  const Feed feed = ParseFixture("rdf.xml");
  EXPECT_EQ(feed.kind, FeedKind::kRdf);
  EXPECT_EQ(feed.title, "Science Desk");
  EXPECT_EQ(feed.link, "http://science.example.com/");
  EXPECT_EQ(feed.language, "en");  // dc:language
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].title, "Amateur spots new comet");
  EXPECT_EQ(feed.items[0].author, "Pell Oduya");
  EXPECT_EQ(feed.items[0].date, "2015-12-15");
  EXPECT_EQ(feed.items[0].datetime, "2015-12-15T20:10:00Z");  // dc:date, +01:00
  EXPECT_EQ(feed.items[1].date, "2015-12-14");
  EXPECT_EQ(feed.items[1].datetime, "");  // no time given
  EXPECT_EQ(feed.items[1].line, 18u);
}

TEST(FeedTest, AtomContentKindsBaseAndAuthors) {
  const Feed feed = ParseFixture("atom.xml");
  EXPECT_EQ(feed.kind, FeedKind::kAtom);
  EXPECT_EQ(feed.title, "Example Wire");
  EXPECT_EQ(feed.link, "https://wire.example.com/");  // rel=alternate against xml:base
  EXPECT_EQ(feed.language, "de");
  ASSERT_EQ(feed.items.size(), 3u);

  const FeedItem& html = feed.items[0];
  EXPECT_EQ(html.title, "Mayor backs tram plan");  // type="html": markup gone
  EXPECT_EQ(html.link, "https://wire.example.com/stories/tram");
  EXPECT_EQ(html.id, "tag:wire.example.com,2015:tram");
  EXPECT_EQ(html.datetime, "2015-12-18T07:30:00Z");  // published before updated
  EXPECT_EQ(html.author, "Rosa Brandt, Kai Lenz");   // names only
  EXPECT_EQ(html.summary_html, "<p>The mayor backs the tram.</p>");
  EXPECT_EQ(html.content_html,
            "<p>The mayor said on Friday she backs the tram plan &amp; its budget.</p>");

  const FeedItem& xhtml = feed.items[1];
  EXPECT_EQ(xhtml.link, "https://wire.example.com/sport/keeper");  // the entry's xml:base
  EXPECT_EQ(xhtml.date, "2015-12-17");
  EXPECT_EQ(xhtml.datetime, "2015-12-17T23:45:00Z");
  EXPECT_EQ(xhtml.author, "Wire Desk");  // the feed's author
  EXPECT_EQ(xhtml.content_html,
            "<p>The club signed a new <b>keeper</b> on Thursday.</p><p>Fans cheered.</p>");

  const FeedItem& text = feed.items[2];
  EXPECT_EQ(text.title, "Markets <close> higher");  // type="text": literal
  EXPECT_EQ(text.content_html, "Shares rose 2% &amp; bonds &lt;fell&gt;.");

  const std::vector<Document> docs = FeedDocuments(feed, "atom.xml", nullptr);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].text, "The mayor said on Friday she backs the tram plan & its budget.");
  EXPECT_EQ(docs[1].text, "The club signed a new keeper on Thursday.\n\nFans cheered.");
  EXPECT_EQ(docs[2].text, "Shares rose 2% & bonds <fell>.");
}

TEST(FeedTest, SitemapDatesInEachPrecision) {
  const Feed feed = ParseFixture("sitemap.xml");
  EXPECT_EQ(feed.kind, FeedKind::kSitemap);
  ASSERT_EQ(feed.items.size(), 4u);
  EXPECT_EQ(feed.items[0].link, "https://shop.example.org/");
  EXPECT_EQ(feed.items[0].id, "https://shop.example.org/");
  EXPECT_EQ(feed.items[0].date, "2015");
  EXPECT_EQ(feed.items[1].date, "2015-11");
  EXPECT_EQ(feed.items[2].date, "2015-12-18");
  EXPECT_EQ(feed.items[2].line, 5u);
  EXPECT_EQ(feed.items[3].date, "2015-12-19");
  EXPECT_EQ(feed.items[3].datetime, "2015-12-19T01:30:00Z");
  std::vector<Diagnostic> diagnostics;
  EXPECT_TRUE(FeedDocuments(feed, "sitemap.xml", &diagnostics).empty());
  EXPECT_TRUE(diagnostics.empty()) << Messages(diagnostics);  // no text is normal here
}

TEST(FeedTest, SitemapIndex) {
  const Feed feed = ParseFixture("sitemapindex.xml");
  EXPECT_EQ(feed.kind, FeedKind::kSitemapIndex);
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].link, "https://shop.example.org/sitemap-news.xml");
  EXPECT_EQ(feed.items[0].datetime, "2015-12-18T10:00:00Z");
  EXPECT_EQ(feed.items[1].link, "https://shop.example.org/sitemap-pages.xml");
  EXPECT_EQ(feed.items[1].date, "");
}

TEST(FeedTest, GoogleNewsSitemap) {
  const Feed feed = ParseFixture("news_sitemap.xml");
  EXPECT_EQ(feed.kind, FeedKind::kSitemap);
  ASSERT_EQ(feed.items.size(), 1u);
  const FeedItem& item = feed.items[0];
  EXPECT_EQ(item.link, "https://daily.example.com/2015/12/18/dam-report");
  EXPECT_EQ(item.title, "Engineers' report on the dam");
  EXPECT_EQ(item.source, "The Daily Example");
  EXPECT_EQ(item.date, "2015-12-18");  // news:publication_date before lastmod
  EXPECT_EQ(item.datetime, "2015-12-18T02:30:00Z");
}

TEST(FeedTest, RssSourceNamesTheOutlet) {
  const Feed feed = Parse(
      "<rss version=\"2.0\"><channel><title>Aggregator</title><item><title>T</title>"
      "<source url=\"http://paper.example/rss\">The Paper</source>"
      "<description>Body text.</description></item></channel></rss>");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].source, "The Paper");
  const std::vector<Document> docs = FeedDocuments(feed, "agg.xml", nullptr);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].source, "The Paper");
}

TEST(FeedTest, XhtmlWithNonAsciiText) {
  const Feed feed = Parse(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><content type=\"xhtml\">"
      "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Caf\u00e9 \u2014 \u65e5\u672c &amp; "
      "1 &lt; 2</p></div></content></entry></feed>");
  ASSERT_EQ(feed.items.size(), 1u);
  const std::vector<Document> docs = FeedDocuments(feed, "x.xml", nullptr);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "Caf\u00e9 \u2014 \u65e5\u672c & 1 < 2");
}

TEST(FeedTest, UnescapedMarkupInDescriptionIsKeptAsHtml) {
  const Feed feed = Parse(
      "<rss><channel><item><description>A <b>bold</b> move.</description></item>"
      "</channel></rss>");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].summary_html, "A <b>bold</b> move.");
}

// ---- Dates -----------------------------------------------------------------------------------

void ExpectDate(std::string_view text, std::string_view date, std::string_view datetime) {
  const FeedDate d = ParseFeedDate(text);
  EXPECT_EQ(d.date, date) << text;
  EXPECT_EQ(d.datetime, datetime) << text;
}

TEST(FeedDateTest, Rfc822) {
  ExpectDate("Fri, 18 Dec 2015 10:00:00 GMT", "2015-12-18", "2015-12-18T10:00:00Z");
  ExpectDate("18 Dec 2015 10:00 +0100", "2015-12-18", "2015-12-18T09:00:00Z");
  ExpectDate("Thu, 31 Dec 2015 23:00:00 -0200", "2016-01-01", "2016-01-01T01:00:00Z");
  ExpectDate("Tue, 01 Mar 16 01:00:00 PST", "2016-03-01", "2016-03-01T09:00:00Z");
  ExpectDate("Fri, 01 Jan 99 12:00:00 EDT", "1999-01-01", "1999-01-01T16:00:00Z");
  ExpectDate("Mon, 29 Feb 2016 10:00:00 Z", "2016-02-29", "2016-02-29T10:00:00Z");
  ExpectDate("Sat, 5 December 2015 07:05:09 UT", "2015-12-05", "2015-12-05T07:05:09Z");
  ExpectDate("Fri, 18 Dec 2015 10:00:00 +01:00", "2015-12-18", "2015-12-18T09:00:00Z");
  ExpectDate("Fri, 18 Dec 2015 10:00:00 +0000 (UTC)", "2015-12-18", "2015-12-18T10:00:00Z");
  ExpectDate("Fri, 18 Dec 2015", "2015-12-18", "");
  ExpectDate("18 Dec 2015 10:00:00", "2015-12-18", "2015-12-18T10:00:00Z");  // no zone: UTC
}

TEST(FeedDateTest, Rfc3339AndW3c) {
  ExpectDate("2015-12-18T10:00:00Z", "2015-12-18", "2015-12-18T10:00:00Z");
  ExpectDate("2015-12-18T10:00:00.123+01:00", "2015-12-18", "2015-12-18T09:00:00Z");
  ExpectDate("2015-12-18t10:00:00z", "2015-12-18", "2015-12-18T10:00:00Z");
  ExpectDate("2015-12-18T22:00-05:00", "2015-12-19", "2015-12-19T03:00:00Z");
  ExpectDate("2015-12-18 10:00:00", "2015-12-18", "2015-12-18T10:00:00Z");
  ExpectDate("  2015-12-18  ", "2015-12-18", "");
  ExpectDate("2015-12", "2015-12", "");
  ExpectDate("2015", "2015", "");
  ExpectDate("0001-01-01T00:30:00+01:00", "", "");  // before year 1 in UTC
}

TEST(FeedDateTest, EnglishDatesAndGarbage) {
  ExpectDate("December 18, 2015", "2015-12-18", "");
  for (std::string_view bad :
       {"", "yesterday", "2015-13-01", "2015-02-30", "31 Feb 2015", "2015-12-18T25:00Z",
        "Fri, 18 Dec 2015 10:00:00 +99", "Blursday, 18 Dec 2015", "2015-12-18T10:00:00Zjunk"}) {
    ExpectDate(bad, "", "");
  }
}

// ---- Sniffing --------------------------------------------------------------------------------

TEST(FeedTest, LooksLikeFeedOnEachFixture) {
  for (const char* name : {"rss2.xml", "rss091.xml", "rdf.xml", "atom.xml", "sitemap.xml",
                           "sitemapindex.xml", "news_sitemap.xml"}) {
    EXPECT_TRUE(LooksLikeFeed(ReadFixture(name))) << name;
  }
}

TEST(FeedTest, LooksLikeFeedSkipsPrologue) {
  EXPECT_TRUE(LooksLikeFeed("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"));
  EXPECT_TRUE(
      LooksLikeFeed("<?xml version=\"1.0\"?><?xml-stylesheet href=\"s.xsl\"?><!-- a > comment -->\n"
                    "<!DOCTYPE feed [ <!ENTITY x \"a > b\"> <!-- ] > --> ]>\n<feed xmlns=\"x\">"));
  EXPECT_TRUE(LooksLikeFeed("<rdf:RDF xmlns:rdf=\"r\">"));
  EXPECT_TRUE(LooksLikeFeed("  <urlset>"));
  EXPECT_TRUE(LooksLikeFeed("<sitemapindex/>"));
  std::string utf16("\xFF\xFE", 2);
  for (char c : std::string("<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss>")) {
    utf16 += c;
    utf16 += '\0';
  }
  EXPECT_TRUE(LooksLikeFeed(utf16));
}

TEST(FeedTest, LooksLikeFeedRejectsOtherDocuments) {
  for (std::string_view bytes :
       {std::string_view(""), std::string_view("just text about rss"),
        std::string_view("<!DOCTYPE html><html><body><rss></rss></body></html>"),
        std::string_view("{\"rss\": 1}"), std::string_view("<?xml version=\"1.0\"?><rssx>"),
        std::string_view("<?xml version=\"1.0\"?><svg>"), std::string_view("<!-- unclosed <rss>"),
        std::string_view("<rss")}) {
    EXPECT_FALSE(LooksLikeFeed(bytes)) << bytes;
  }
}

// ---- Documents -------------------------------------------------------------------------------

TEST(FeedDocumentsTest, TextDecodedWithoutMarkupAndMapped) {
  std::vector<Diagnostic> diagnostics;
  const Feed feed = ParseFixture("rss2.xml");
  const std::vector<Document> docs = FeedDocuments(feed, "rss2.xml", &diagnostics);
  ASSERT_EQ(docs.size(), 2u);  // the third item has no text
  const Document& a = docs[0];
  EXPECT_EQ(a.text,
            "The harbor's ferry service resumed on Friday, the port authority said.\n\n"
            "Captain Ilse Varga called it \u201Ca relief\u201D & thanked the crews.");
  EXPECT_EQ(a.id, "https://gazette.example.org/news/2015/ferry-resumes");
  EXPECT_EQ(a.url, a.id);
  EXPECT_EQ(a.title, "Ferry service resumes after storm");
  EXPECT_EQ(a.date, "2015-12-18");
  EXPECT_EQ(a.byline, "Mara Quill");
  EXPECT_EQ(a.source, "The Harbor Gazette");  // the feed's title
  EXPECT_EQ(a.origin, "rss2.xml:9");
  EXPECT_EQ(a.raw, feed.items[0].content_html);  // content before summary
  EXPECT_EQ(Cite(a, "harbor's"), "harbor&#x27;s");
  EXPECT_EQ(Cite(a, "\u201Ca relief\u201D"), "&ldquo;a relief&rdquo;");
  EXPECT_EQ(Cite(a, "port authority"), "port authority");
  EXPECT_EQ(a.map.text_size(), a.text.size());

  const Document& b = docs[1];
  EXPECT_EQ(b.text, "The council's vote on the budget moved to January.");
  EXPECT_EQ(b.origin, "rss2.xml:20");
  EXPECT_EQ(b.byline, "Tobias Wren");
  for (const Document& d : docs) {
    EXPECT_EQ(d.text.find('<'), std::string::npos) << d.text;
    EXPECT_EQ(d.text.find("&#"), std::string::npos) << d.text;
  }
  ASSERT_EQ(diagnostics.size(), 1u) << Messages(diagnostics);
  EXPECT_NE(diagnostics[0].status.message().find("1 of 3 feed items have no text"),
            std::string::npos);
}

TEST(FeedDocumentsTest, EmptyContentFallsBackToSummary) {
  const Feed feed = Parse(
      "<rss xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><item>"
      "<link>http://a.example/x</link><description>Summary text.</description>"
      "<content:encoded><![CDATA[<p> </p>]]></content:encoded></item></channel></rss>");
  const std::vector<Document> docs = FeedDocuments(feed, "f.xml", nullptr);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "Summary text.");
  EXPECT_EQ(docs[0].id, "http://a.example/x");
}

TEST(FeedDocumentsTest, ItemWithoutLinkOrGuidIsNamedByItsOrigin) {
  const Feed feed = Parse(
      "<rss><channel>\n<item><description>Text.</description></item>"
      "</channel></rss>");
  const std::vector<Document> docs = FeedDocuments(feed, "f.xml", nullptr);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "f.xml:2");
  EXPECT_EQ(docs[0].origin, "f.xml:2");
}

// ---- Limits ----------------------------------------------------------------------------------

TEST(FeedTest, MaxItemsReported) {
  FeedOptions options;
  options.max_items = 1;
  std::vector<Diagnostic> diagnostics;
  const Feed feed = Parse(ReadFixture("rss2.xml"), &diagnostics, options);
  EXPECT_EQ(feed.items.size(), 1u);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].status.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(diagnostics[0].status.message().find("2 items"), std::string::npos);
}

TEST(FeedTest, LongItemHtmlIsCut) {
  FeedOptions options;
  options.max_document_bytes = 100;
  std::string words;
  for (int i = 0; i < 50; ++i) words += "word ";
  std::vector<Diagnostic> diagnostics;
  const Feed feed =
      Parse("<rss><channel><item><description>" + words + "</description></item></channel></rss>",
            &diagnostics, options);
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_LE(feed.items[0].summary_html.size(), 100u);
  EXPECT_GE(feed.items[0].summary_html.size(), 75u);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].status.input(), "feed.xml:1");
}

// ---- Malformed and hostile feeds ---------------------------------------------------------------

TEST(FeedSafetyTest, StrayAmpersandAndHtmlEntityRepaired) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Fish & Chips Daily</title>\n"
      "<item><title>First&nbsp;one</title><description>One &amp; &lt;b&gt;only&lt;/b&gt;"
      "</description></item>\n"
      "<item><title>Second & last, 1 < 2</title><description><![CDATA[Two &amp; &x]]></description>"
      "</item>\n</channel></rss>\n";
  std::vector<Diagnostic> diagnostics;
  testing::internal::CaptureStderr();
  const Feed feed = Parse(xml, &diagnostics);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");  // libxml2 printed nothing
  EXPECT_EQ(feed.title, "Fish & Chips Daily");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].title, "First one");  // U+00A0, collapsed
  EXPECT_EQ(feed.items[0].summary_html, "One & <b>only</b>");
  EXPECT_EQ(feed.items[1].title, "Second & last, 1 < 2");
  EXPECT_EQ(feed.items[1].summary_html, "Two &amp; &x");  // CDATA untouched
  ASSERT_EQ(diagnostics.size(), 1u) << Messages(diagnostics);
  EXPECT_EQ(diagnostics[0].severity, Diagnostic::Severity::kWarning);
  EXPECT_NE(diagnostics[0].status.message().find(
                "repaired before parsing: 3 stray '&' or '<' escaped, 1 HTML entities"),
            std::string::npos)
      << Messages(diagnostics);
}

// libxml2's recovery drops every entity reference after the first error;
// the reparse keeps the escaped HTML of the items after the damage.
TEST(FeedSafetyTest, MalformedFeedRecoveredWithWarnings) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Daily</title>\n"
      "<item><guid a=\"1\" a=\"2\">One</guid><description>x</description></item>\n"
      "<item><title>Two</title><description>&lt;p&gt;Fine &amp; well.&lt;/p&gt;</description>"
      "</item>\n</channel></rss>\n";
  std::vector<Diagnostic> diagnostics;
  testing::internal::CaptureStderr();
  const Feed feed = Parse(xml, &diagnostics);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].id, "One");
  const FeedItem& last = feed.items.back();
  EXPECT_EQ(last.summary_html, "<p>Fine & well.</p>");
  ASSERT_FALSE(diagnostics.empty());
  for (const Diagnostic& d : diagnostics) {
    EXPECT_EQ(d.severity, Diagnostic::Severity::kWarning) << d.status.ToString();
    EXPECT_NE(d.status.message().find("malformed XML, recovered"), std::string::npos);
  }
  EXPECT_EQ(diagnostics[0].status.input(), "feed.xml:3");  // the attribute twice on line 3
  size_t line3 = xml.find('\n', xml.find('\n') + 1) + 1;
  EXPECT_EQ(diagnostics[0].status.byte_offset(), line3);
}

TEST(FeedSafetyTest, ErrorCountIsBounded) {
  std::string xml = "<rss><channel>";
  for (int i = 0; i < 200; ++i) xml += "<item><guid a=\"1\" a=\"1\">x</guid></item>\n";
  xml += "</channel></rss>";
  std::vector<Diagnostic> diagnostics;
  const Feed feed = Parse(xml, &diagnostics);
  EXPECT_EQ(feed.items.size(), 200u);
  EXPECT_EQ(diagnostics.size(), FeedOptions().max_diagnostics + 1);
  EXPECT_NE(diagnostics.back().status.message().find("more XML messages not shown"),
            std::string::npos);
}

// libxml2's recovery let a byte that is not UTF-8 through into the item's
// HTML (found by fuzz_feed).
TEST(FeedSafetyTest, InvalidUtf8PassedByRecoveryIsReplaced) {
  std::vector<Diagnostic> diagnostics;
  const Feed feed = Parse(
      "<rss xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><item>"
      "<content:encoded><![CDATA[<p>Bad \xA2he byte</p>]]></content:encoded></item></channel>"
      "</rss>",
      &diagnostics);
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].content_html, "<p>Bad \uFFFDhe byte</p>");
  EXPECT_NE(Messages(diagnostics).find("invalid UTF-8: 1 byte(s) in the feed's fields"),
            std::string::npos)
      << Messages(diagnostics);
}

// libxml2 reports encoding errors outside the parse context; they used to go
// to stderr (found by fuzz_feed).
TEST(FeedSafetyTest, EncodingErrorsAreCollectedNotPrinted) {
  std::string xml("\xFF\xFE", 2);
  const std::string before = "<rss><channel><item><description>ab";
  const std::string after = "t</description></item></channel></rss>";
  for (char c : before) xml += std::string{c, '\0'};
  xml += std::string("\x2F\xD8", 2);  // a lone high surrogate
  for (char c : after) xml += std::string{c, '\0'};
  std::vector<Diagnostic> diagnostics;
  testing::internal::CaptureStderr();
  Result<Feed> feed = ParseFeed(xml, "u16.xml", {}, &diagnostics);
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_NE(Messages(diagnostics).find("u16.xml"), std::string::npos);
  EXPECT_NE(Messages(diagnostics).find("conversion failed"), std::string::npos)
      << Messages(diagnostics);
}

TEST(FeedSafetyTest, NonFeedsRejected) {
  std::vector<Diagnostic> diagnostics;
  Result<Feed> text = ParseFeed("just some words, not XML", "a.txt", {}, &diagnostics);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(text.status().message().find("not XML"), std::string::npos);
  EXPECT_EQ(text.status().input(), "a.txt");

  Result<Feed> html = ParseFeed("<html><body><p>Hi</p></body></html>", "a.html", {}, &diagnostics);
  ASSERT_FALSE(html.ok());
  EXPECT_NE(html.status().message().find("root element is <html>"), std::string::npos);

  Result<Feed> empty = ParseFeed("", "e.xml", {}, &diagnostics);
  EXPECT_FALSE(empty.ok());
  Result<Feed> binary = ParseFeed(std::string_view("\x00\x01\x02\xff", 4), "b.bin", {}, nullptr);
  EXPECT_FALSE(binary.ok());
}

// A counting external entity loader: proves that nothing outside the bytes
// given is ever asked for (files, DTDs, URLs).
std::atomic<int> loads{0};
xmlParserInputPtr CountingLoader(const char*, const char*, xmlParserCtxtPtr) {
  ++loads;
  return nullptr;
}

class FeedFileTest : public TempDirTest {};

TEST_F(FeedFileTest, ExternalEntitiesAndDtdsAreNeverRead) {
  const std::string secret = "hostname-secret-7f3a9c";
  const std::string secret_path = Write("secret.txt", secret);
  const std::string dtd_path =
      Write("evil.dtd", "<!ENTITY leak SYSTEM \"file://" + secret_path + "\">\n");
  const std::string decl = "<!DOCTYPE rss SYSTEM \"file://" + dtd_path +
                           "\" [\n<!ENTITY xxe SYSTEM \"file://" + secret_path +
                           "\">\n<!ENTITY % pe SYSTEM \"file://" + dtd_path + "\">\n%pe;\n]>\n";
  const std::string xml =
      "<?xml version=\"1.0\"?>\n" + decl +
      "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
      "xmlns:xi=\"http://www.w3.org/2001/XInclude\"><channel><title>T &xxe;</title>"
      "<link>http://a.example/&xxe;</link><item><title>A &xxe; &leak;</title>"
      "<link>&xxe;</link><guid>&xxe;</guid><author>&xxe;</author>"
      "<description>Before &xxe; after.</description>"
      "<content:encoded>Body &xxe; &leak; <xi:include href=\"file://" +
      secret_path + "\" parse=\"text\"/></content:encoded></item></channel></rss>";
  const std::string atom =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM \"file://" + secret_path +
      "\">]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"&xxe;\"><entry>"
      "<title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">&xxe;</div></title>"
      "<link href=\"&xxe;\"/><content type=\"xhtml\"><div "
      "xmlns=\"http://www.w3.org/1999/xhtml\">X &xxe;</div></content></entry></feed>";

  xmlExternalEntityLoader previous = xmlGetExternalEntityLoader();
  xmlSetExternalEntityLoader(CountingLoader);
  loads = 0;
  for (const std::string& bytes : {xml, atom}) {
    std::vector<Diagnostic> diagnostics;
    testing::internal::CaptureStderr();
    Result<Feed> feed = ParseFeed(bytes, "x.xml", {}, &diagnostics);
    const std::string printed = testing::internal::GetCapturedStderr();
    ASSERT_TRUE(feed.ok()) << feed.status().ToString();
    ASSERT_EQ(feed->items.size(), 1u);
    const std::vector<Document> docs = FeedDocuments(*feed, "x.xml", &diagnostics);
    EXPECT_EQ(Everything(*feed, docs).find(secret), std::string::npos);
    EXPECT_EQ(Messages(diagnostics).find(secret), std::string::npos);
    EXPECT_EQ(printed, "");
    EXPECT_EQ(docs.size(), 1u);
  }
  xmlSetExternalEntityLoader(previous);
  EXPECT_EQ(loads.load(), 0);
}

TEST(FeedSafetyTest, UserEntitiesAreNotExpanded) {
  const Feed feed = Parse(
      "<!DOCTYPE rss [<!ENTITY co \"Acme Corp\">]><rss><channel><item><title>By &co;</title>"
      "<description>&lt;p&gt;At &co;&lt;/p&gt; &co;</description></item></channel></rss>");
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].title, "By &co;");
  EXPECT_EQ(feed.items[0].summary_html, "<p>At &co;</p> &co;");
}

// A program may have asked libxml2 for entity substitution and DTD loading
// on this thread (thread-local defaults): the feed parser ignores that.
TEST(FeedSafetyTest, ThreadDefaultsDoNotTurnOnExpansion) {
  const int substitute = xmlSubstituteEntitiesDefault(1);
  const int load_dtd = xmlLoadExtDtdDefaultValue;
  xmlLoadExtDtdDefaultValue = XML_DETECT_IDS | XML_COMPLETE_ATTRS;
  const Feed feed = Parse(
      "<!DOCTYPE rss [<!ENTITY co \"Acme Corp\">]><rss><channel><item><title>By &co;</title>"
      "</item></channel></rss>");
  xmlLoadExtDtdDefaultValue = load_dtd;
  xmlSubstituteEntitiesDefault(substitute);
  ASSERT_EQ(feed.items.size(), 1u);
  EXPECT_EQ(feed.items[0].title, "By &co;");
}

// Ten levels of ten references: 10^9 "lol"s if expanded.
std::string BillionLaughs(std::string_view body) {
  std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
  for (int level = 1; level <= 9; ++level) {
    xml += "<!ENTITY lol" + std::to_string(level) + " \"";
    const std::string prev = level == 1 ? "lol" : "lol" + std::to_string(level - 1);
    for (int k = 0; k < 10; ++k) xml += "&" + prev + ";";
    xml += "\">\n";
  }
  xml += "]>\n";
  xml += body;
  return xml;
}

TEST(FeedSafetyTest, BillionLaughsEndsQuicklyWithoutExpansion) {
  const std::string bodies[] = {
      "<rss><channel><item><title>&lol9;</title><description>&lol9;</description>"
      "<link>http://a.example/</link></item></channel></rss>",
      "<rss><channel><item><description><p title=\"&lol9;\">&lol9;</p></description>"
      "<guid>x</guid></item></channel></rss>",
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link href=\"&lol9;\"/>"
      "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">&lol9;</div>"
      "</content></entry></feed>",
  };
  for (const std::string& body : bodies) {
    const std::string xml = BillionLaughs(body);
    const auto start = std::chrono::steady_clock::now();
    std::vector<Diagnostic> diagnostics;
    testing::internal::CaptureStderr();
    Result<Feed> feed = ParseFeed(xml, "lol.xml", {}, &diagnostics);
    std::vector<Document> docs;
    if (feed.ok()) docs = FeedDocuments(*feed, "lol.xml", &diagnostics);
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 10.0);
    if (feed.ok()) {
      EXPECT_LT(Everything(*feed, docs).size(), 2000u);
      bool stopped = false;  // libxml2's amplification guard stopped the parse
      for (const Diagnostic& d : diagnostics) {
        stopped |= d.severity == Diagnostic::Severity::kError &&
                   d.status.message().find("parse stopped") != std::string::npos;
      }
      EXPECT_TRUE(stopped) << Messages(diagnostics);
    }
  }
}

TEST(FeedSafetyTest, QuadraticBlowupIsNotExpanded) {
  std::string xml = "<!DOCTYPE rss [<!ENTITY a \"" + std::string(50000, 'a') +
                    "\">]><rss><channel>"
                    "<item><description>";
  for (int i = 0; i < 20000; ++i) xml += "&a;";
  xml += "</description></item></channel></rss>";
  const auto start = std::chrono::steady_clock::now();
  std::vector<Diagnostic> diagnostics;
  Result<Feed> feed = ParseFeed(xml, "q.xml", {}, &diagnostics);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);
  if (feed.ok()) {
    for (const FeedItem& item : feed->items) EXPECT_LE(item.summary_html.size(), 20000u * 3);
  }
}

TEST(FeedSafetyTest, DeepNestingStopsAtLibxml2Limit) {
  std::string xml = "<rss><channel><item><description>";
  for (int i = 0; i < 100000; ++i) xml += "<d>";
  xml += "</description></item></channel></rss>";
  std::vector<Diagnostic> diagnostics;
  Result<Feed> feed = ParseFeed(xml, "deep.xml", {}, &diagnostics);
  if (feed.ok()) FeedDocuments(*feed, "deep.xml", &diagnostics);
  EXPECT_FALSE(diagnostics.empty());
}

// ---- Threads -------------------------------------------------------------------------------

TEST(FeedTest, ParsesFromManyThreadsAlike) {
  const std::string bytes = ReadFixture("rss2.xml");
  const std::string broken =
      "<rss><channel><item><guid a=\"1\" a=\"2\">x</guid></item></channel></rss>";
  const Feed expected = Parse(bytes);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        std::vector<Diagnostic> diagnostics;
        Result<Feed> feed = ParseFeed(bytes, "t.xml", {}, &diagnostics);
        if (!feed.ok() || feed->items.size() != expected.items.size() ||
            feed->items[1].title != expected.items[1].title || !diagnostics.empty()) {
          ++mismatches;
        }
        diagnostics.clear();
        Result<Feed> bad = ParseFeed(broken, "b.xml", {}, &diagnostics);
        if (!bad.ok() || diagnostics.size() != 1) ++mismatches;  // errors stay per parse
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace dossier
