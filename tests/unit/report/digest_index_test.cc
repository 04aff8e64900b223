// RenderDigestIndex: the digest's HTML index page.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "../count_of.h"
#include "dossier/report.h"

namespace dossier {
namespace {

DigestEntry Entry(const std::string& id, size_t rank, const std::string& title,
                  const std::string& page) {
  DigestEntry e;
  e.id = id;
  e.rank = rank;
  e.title = title;
  e.page = page;
  e.articles = 3;
  e.outlets = 2;
  e.sources = {"Northern Ledger", "Radio Coastline"};
  e.keywords = {"calderport", "dockworkers"};
  e.first_date = "2025-09-15";
  e.last_date = "2025-09-17";
  e.lead = "Dockworkers walked out on Monday.";
  return e;
}

TEST(DigestIndexTest, ListsEveryStoryWithItsLinkInRankOrder) {
  std::vector<DigestEntry> entries = {
      Entry("s3", 1, "Dockworkers walk out at Port of Calderport", "stories/s3.html"),
      Entry("s1", 2, "Wildfire forces evacuations in the Serrano Hills", "stories/s1.html"),
      Entry("s2", 3, "Bank of Norland cuts interest rate", "stories/s2.html"),
  };
  const std::string html = RenderDigestIndex(entries, "18 articles from feed.jsonl");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("18 articles from feed.jsonl"), std::string::npos);
  EXPECT_EQ(CountOf(html, "<a href="), 3u);
  size_t last = 0;
  for (const DigestEntry& e : entries) {
    const std::string link = "<a href=\"" + e.page + "\">" + e.title + "</a>";
    const size_t at = html.find(link);
    ASSERT_NE(at, std::string::npos) << link;
    EXPECT_GT(at, last) << "out of rank order: " << e.id;
    last = at;
    EXPECT_EQ(CountOf(html, "<li id=\"" + e.id + "\">"), 1u) << e.id;
  }
  EXPECT_NE(html.find("2025-09-15 to 2025-09-17"), std::string::npos);
  EXPECT_NE(html.find("Northern Ledger, Radio Coastline"), std::string::npos);
  EXPECT_NE(html.find("Dockworkers walked out on Monday."), std::string::npos);
  EXPECT_NE(html.find("calderport"), std::string::npos);
}

TEST(DigestIndexTest, StoryWithoutPageOrTitleIsNamedByItsId) {
  DigestEntry e = Entry("s7", 1, "", "");
  const std::string html = RenderDigestIndex({e}, "run");
  EXPECT_EQ(CountOf(html, "<a href="), 0u);
  EXPECT_NE(html.find("<b>s7</b>"), std::string::npos);
}

TEST(DigestIndexTest, EmptyDigestIsAPage) {
  const std::string html = RenderDigestIndex({}, "0 articles");
  EXPECT_NE(html.find("</html>"), std::string::npos);
  EXPECT_EQ(CountOf(html, "<li"), 0u);
}

TEST(DigestIndexTest, HostileStringsAreEscaped) {
  DigestEntry e = Entry("s1\" onmouseover=\"x", 1, "<script>alert(1)</script>",
                        "javascript:alert(1)\" onclick=\"x");
  e.sources = {"<script>alert(2)</script>", "Outlet\" onfocus=\"y"};
  e.keywords = {"<img src=x onerror=alert(3)>"};
  e.lead = "</p><script>alert(4)</script>";
  e.first_date = "<b>";
  e.last_date = "\"'";
  const std::string html =
      RenderDigestIndex({e}, "<script>alert(5)</script> \" onload=\"z from feed.jsonl");

  // No tag is ever opened by the data.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("</script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(3)&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;/p&gt;&lt;script&gt;alert(4)"), std::string::npos);
  // No quote of the data closes an attribute: no new attribute appears.
  for (const char* attr : {"onmouseover=\"", "onclick=\"", "onfocus=\"", "onload=\""}) {
    EXPECT_EQ(html.find(attr), std::string::npos) << attr;
  }
  EXPECT_NE(html.find("<li id=\"s1&quot; onmouseover=&quot;x\">"), std::string::npos);
  // A link with a scheme is not a link at all.
  EXPECT_EQ(html.find("href=\"javascript:"), std::string::npos);
  EXPECT_EQ(html.find("<a "), std::string::npos);
  EXPECT_NE(html.find("Outlet&quot; onfocus=&quot;y"), std::string::npos);
  EXPECT_NE(html.find("&quot;&#39;"), std::string::npos);
  // The page can make no request and run no script: its policy forbids both.
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(html.find("script-src"), std::string::npos);
  EXPECT_EQ(html.find("unsafe-eval"), std::string::npos);
}

TEST(DigestIndexTest, NoScriptAnywhere) {
  std::vector<DigestEntry> entries;
  for (size_t k = 1; k <= 20; ++k) {
    entries.push_back(Entry("s" + std::to_string(k), k, "Story " + std::to_string(k),
                            "stories/s" + std::to_string(k) + ".html"));
  }
  const std::string html = RenderDigestIndex(entries, "20 stories");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<SCRIPT"), std::string::npos);
  // No event handler attribute.
  EXPECT_FALSE(std::regex_search(html, std::regex("\\s[oO][nN][a-zA-Z]+\\s*=")));
  EXPECT_EQ(CountOf(html, "<a href=\"stories/s"), 20u);
  EXPECT_NE(html.find("20 stories"), std::string::npos);
}

}  // namespace
}  // namespace dossier
