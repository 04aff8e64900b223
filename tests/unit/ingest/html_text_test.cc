#include "ingest/html_text.h"

#include <gtest/gtest.h>
#include <pthread.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mapped_text.h"
#include "util/utf8.h"

namespace dossier {
namespace {

// Checks the offset map of `page` against `html` (copy runs equal, every
// word citing plain html is that html).
void ExpectExactMap(std::string_view html, const HtmlText& page) {
  mapped_text::ExpectExactMap(html, page.text, page.map, /*decodings=*/false,
                              std::string_view("&<\r\0", 4));
}

HtmlText Extract(std::string_view html) {
  Result<HtmlText> page = ExtractHtmlText(html);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  if (!page.ok()) return {};
  ExpectExactMap(html, *page);
  return std::move(page).value();
}

// The html bytes a part of the text maps to.
std::string_view Cite(std::string_view html, const HtmlText& page, std::string_view part) {
  const size_t at = page.text.find(part);
  if (at == std::string::npos) return "<not in text>";
  const Span span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size())};
  return page.map.ToOriginal(span).Slice(html);
}

TEST(HtmlTextTest, ParagraphsAndHeadings) {
  const std::string html =
      "<!DOCTYPE html><html lang=\"en-GB\"><head><title>  My \n Page  </title></head>\n"
      "<body>\n  <h1>Big   news</h1>\n  <p>First\n   paragraph, <b>bold</b> word.</p>\n"
      "  <p>Second.</p>\n</body></html>\n";
  const HtmlText page = Extract(html);
  EXPECT_EQ(page.text, "Big news\n\nFirst paragraph, bold word.\n\nSecond.");
  EXPECT_EQ(page.title, "My Page");
  EXPECT_EQ(page.lang, "en-GB");
  EXPECT_EQ(Cite(html, page, "First paragraph"), "First\n   paragraph");
  EXPECT_EQ(Cite(html, page, "Second."), "Second.");
}

TEST(HtmlTextTest, InlineElementsDoNotBreakWords) {
  const HtmlText page = Extract("<p>un<b>believ</b>able <i>news</i></p>");
  EXPECT_EQ(page.text, "unbelievable news");
}

TEST(HtmlTextTest, DropsScriptsStylesAndPageChrome) {
  const std::string html =
      "<html><head><style>p{color:red}</style><script>var x = 1;</script></head><body>"
      "<header>Site name</header><nav><a href=/>Home</a></nav>"
      "<script>document.write('no')</script><noscript>Enable JS</noscript>"
      "<article><p>Story text.</p><aside>Related</aside></article>"
      "<form><input value=q><button>Go</button><select><option>One</option></select>"
      "<textarea>typed</textarea></form><iframe src=x>frame</iframe>"
      "<svg><text>chart</text></svg><template><p>tmpl</p></template>"
      "<menu><li>m</li></menu><dialog>modal</dialog>"
      "<footer>Copyright</footer></body></html>";
  const HtmlText page = Extract(html);
  EXPECT_EQ(page.text, "Story text.");
}

TEST(HtmlTextTest, DecodesCharacterReferences) {
  const std::string html =
      "<p>Fish &amp; chips at the caf&eacute; &#8217;round&nbsp;noon &#x41;</p>";
  const HtmlText page = Extract(html);
  EXPECT_EQ(page.text, "Fish & chips at the caf\u00e9 \u2019round\u00a0noon A");
  EXPECT_EQ(Cite(html, page, "&"), "&amp;");
  EXPECT_EQ(Cite(html, page, "\u00e9"), "&eacute;");
  EXPECT_EQ(Cite(html, page, "caf\u00e9"), "caf&eacute;");
  EXPECT_EQ(Cite(html, page, "\u2019round"), "&#8217;round");
  EXPECT_EQ(Cite(html, page, "\u00a0"), "&nbsp;");
  EXPECT_EQ(Cite(html, page, "A"), "&#x41;");
}

TEST(HtmlTextTest, ReferencesWithoutSemicolonAndLiteralAmpersands) {
  const std::string html = "<p>&copy 2024 AT&T &notit; &amp;amp; &foo; a & b &#65x</p>";
  const HtmlText page = Extract(html);
  EXPECT_EQ(page.text, "\u00a9 2024 AT&T \u00acit; &amp; &foo; a & b Ax");
  EXPECT_EQ(Cite(html, page, "\u00a9"), "&copy");
  EXPECT_EQ(Cite(html, page, "AT&T"), "AT&T");
  EXPECT_EQ(Cite(html, page, "\u00acit;"), "&notit;");
  EXPECT_EQ(Cite(html, page, "&amp;"), "&amp;amp;");
  EXPECT_EQ(Cite(html, page, "&foo;"), "&foo;");
  EXPECT_EQ(Cite(html, page, "Ax"), "&#65x");
}

TEST(HtmlTextTest, LineBreaks) {
  const HtmlText page = Extract("<br><p>one<br>two<br><br>three<br></p><p>four</p><br>");
  EXPECT_EQ(page.text, "one\ntwo\n\nthree\n\nfour");
}

TEST(HtmlTextTest, Lists) {
  const HtmlText page = Extract(
      "<p>Items:</p><ul>\n <li>alpha</li>\n <li>beta\n gamma</li>\n</ul>"
      "<ol><li>one<li>two</ol><dl><dt>term<dd>definition</dl>");
  EXPECT_EQ(page.text, "Items:\n\nalpha\n\nbeta gamma\n\none\n\ntwo\n\nterm\n\ndefinition");
}

TEST(HtmlTextTest, TablesPutCellsOnOneLinePerRow) {
  const HtmlText page = Extract(
      "<p>Results</p><table>\n<tr><th>Name</th> <th>Votes</th></tr>\n"
      "<tr><td> Ann Lee </td><td>1,204</td></tr>\n<tr><td>Bo</td><td></td><td>9</td></tr>"
      "</table><p>After</p>");
  EXPECT_EQ(page.text, "Results\n\nName Votes\nAnn Lee 1,204\nBo 9\n\nAfter");
}

TEST(HtmlTextTest, HiddenElementsAreDropped) {
  const HtmlText page = Extract(
      "<p>shown</p><p hidden>attr</p><div aria-hidden=\"TRUE\">aria</div>"
      "<span style=\"color: red; DISPLAY : none\">styled</span>"
      "<div aria-hidden=\"false\">visible</div><p style=\"display:block\">also</p>");
  EXPECT_EQ(page.text, "shown\n\nvisible\n\nalso");
}

TEST(HtmlTextTest, PreKeepsWhiteSpace) {
  const std::string html = "<p>Code:</p><pre>\n  if (x) {\n    y();\n  }\n</pre><p>After  it</p>";
  const HtmlText page = Extract(html);
  EXPECT_EQ(page.text, "Code:\n\n  if (x) {\n    y();\n  }\n\nAfter it");
  EXPECT_EQ(Cite(html, page, "{\n    y();"), "{\n    y();");
}

TEST(HtmlTextTest, CarriageReturns) {
  const std::string html = "<p>a\r\nb</p><pre>c\r\nd\re</pre>";
  const HtmlText page = Extract(html);
  EXPECT_EQ(page.text, "a b\n\nc\nd\ne");
  EXPECT_EQ(Cite(html, page, "c\nd"), "c\r\nd");
}

TEST(HtmlTextTest, CommentsAndCdata) {
  const HtmlText page = Extract(
      "<p>a<!-- secret -->b</p><p><![CDATA[bogus]]>c</p><math><mi><![CDATA[x<y]]></mi></math>");
  // A CDATA section in MathML becomes a comment (see html_text.cc).
  EXPECT_EQ(page.text, "ab\n\nc");
}

TEST(HtmlTextTest, UnclosedAndStrayTags) {
  const std::string html = "<p>one<p>two</foo> three<div>four";
  const HtmlText page = Extract(html);
  EXPECT_EQ(page.text, "one\n\ntwo three\n\nfour");
  EXPECT_EQ(Cite(html, page, "two"), "two");
  EXPECT_EQ(Cite(html, page, "three"), "three");
}

// gumbo 0.10.1 aborted on this page (an assert in handle_in_table).
TEST(HtmlTextTest, CdataInMathInTableDoesNotAbort) {
  const HtmlText page = Extract("<table><math><mi><![CDATA[x]]>&amp;y");
  EXPECT_EQ(page.text.find("CDATA"), std::string::npos);
  EXPECT_NE(page.text.find("&y"), std::string::npos);
}

TEST(HtmlTextTest, NulBytes) {
  const char kHtml[] = "<p>a\0b &amp;\0 c</p><pre>d\0e</pre>";
  const std::string html(kHtml, sizeof(kHtml) - 1);
  const HtmlText page = Extract(html);
  EXPECT_EQ(page.text, "ab & c\n\nde");
  EXPECT_EQ(Cite(html, page, "ab"), std::string_view("a\0b", 3));
}

TEST(HtmlTextTest, EmptyAndBodylessInputs) {
  for (const char* html : {"", "   ", "<html></html>", "<head><title>T</title></head>",
                           "<script>x()</script>", "<!-- only a comment -->", "<p></p>"}) {
    const HtmlText page = Extract(html);
    EXPECT_EQ(page.text, "") << html;
    EXPECT_TRUE(page.map.runs().empty()) << html;
  }
  EXPECT_EQ(Extract("just text").text, "just text");
  EXPECT_EQ(Extract("<head><title>T</title></head>").title, "T");
}

TEST(HtmlTextTest, HostilePage) {
  const std::string html =
      "<script>alert(1)</script><img src=x onerror=\"alert(2)\">"
      "<a href=\"javascript:alert(3)\">text</a><style>body{}</style>"
      "<script>var s = '</scr' + 'ipt>'; alert(4)</script>"
      "<iframe srcdoc=\"<p>alert(5)</p>\"></iframe><object data=x>alert(6)</object>";
  const HtmlText page = Extract(html);
  EXPECT_EQ(page.text, "text");
  EXPECT_EQ(page.text.find("alert"), std::string::npos);
}

TEST(HtmlTextTest, DeepNesting) {
  constexpr int kDepth = 10000;
  std::string html;
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "deep &amp; down";
  for (int i = 0; i < kDepth; ++i) html += "</div>";
  const HtmlText page = Extract(html);
  EXPECT_EQ(page.text, "deep & down");
}

// Neither the walk nor freeing the parse recurses per level of nesting: a
// deep page is processed on a thread with a tiny stack.
TEST(HtmlTextTest, DeepNestingDoesNotRecurse) {
  struct Job {
    std::string html;
    std::string text;
  } job;
  for (int i = 0; i < 10000; ++i) job.html += "<span>";
  job.html += "x";
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, 128 * 1024), 0);
  pthread_t thread;
  auto run = [](void* arg) -> void* {
    auto* j = static_cast<Job*>(arg);
    Result<HtmlText> page = ExtractHtmlText(j->html);
    if (page.ok()) j->text = page->text;
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, run, &job), 0);
  ASSERT_EQ(pthread_join(thread, nullptr), 0);
  pthread_attr_destroy(&attr);
  EXPECT_EQ(job.text, "x");
}

// Every map invariant holds on pages assembled from awkward fragments.
TEST(HtmlTextTest, MapIsExactOnGeneratedPages) {
  const std::vector<std::string> pieces = {"<p>",
                                           "</p>",
                                           "word",
                                           " ",
                                           "\n",
                                           "\r\n",
                                           "&amp;",
                                           "&eacute;",
                                           "&",
                                           "&#8217;",
                                           "&copy",
                                           "&zz;",
                                           "<br>",
                                           "<pre>",
                                           "</pre>",
                                           "<td>",
                                           "<tr>",
                                           "<table>",
                                           "</foo>",
                                           "<b>",
                                           "</b>",
                                           "\t",
                                           "&#x;",
                                           "caf\u00e9",
                                           "<!--c-->",
                                           "<li>",
                                           "&nbsp;",
                                           "\r",
                                           "<script>s</script>",
                                           "<div hidden>h</div>",
                                           std::string("\0", 1),
                                           "&NotEqualTilde;",
                                           "<![CDATA[x]]>",
                                           "<math><mi>",
                                           "&#0;"};
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7fff;
  };
  for (int round = 0; round < 2000; ++round) {
    std::string html;
    const int n = static_cast<int>(next() % 40);
    for (int i = 0; i < n; ++i) html += pieces[next() % pieces.size()];
    SCOPED_TRACE(html);
    const HtmlText page = Extract(html);
    if (!page.text.empty()) {
      EXPECT_NE(page.text.front(), ' ');
      EXPECT_NE(page.text.front(), '\n');
      EXPECT_NE(page.text.back(), ' ');
      EXPECT_NE(page.text.back(), '\n');
    }
    if (html.find("<pre>") == std::string::npos) {  // <pre> keeps its white space
      EXPECT_EQ(page.text.find("\n\n\n"), std::string::npos);
      EXPECT_EQ(page.text.find("  "), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace dossier

namespace dossier {
namespace {

// gumbo decodes a numeric reference that overflows its integer to a stray
// byte; the text stays valid UTF-8 (U+FFFD), in the page text and the article.
TEST(HtmlTextOverflowTest, OverflowingNumericReferenceBecomesReplacementCharacter) {
  for (std::string html :
       {"&#6666666666", "<p>x &#6666666666 y</p>", "<title>&#99999999999</title>"}) {
    Result<HtmlText> page = ExtractHtmlText(html);
    ASSERT_TRUE(page.ok());
    EXPECT_TRUE(IsValidUtf8(page->text)) << html;
    EXPECT_TRUE(IsValidUtf8(page->title)) << html;
  }
  Result<HtmlText> page = ExtractHtmlText("x &#6666666666 y");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->text, "x \xEF\xBF\xBD y");
}

}  // namespace
}  // namespace dossier
