// RenderHtml: the briefing page's safety rules, on a cluster of hostile text.
#include <gtest/gtest.h>

#include <string>

#include "../count_of.h"
#include "dossier/briefing.h"
#include "dossier/pipeline.h"
#include "dossier/report.h"
#include "ingest/readers.h"
#include "util/sha256.h"

namespace dossier {
namespace {

std::string HostilePage() {
  const std::string text =
      "Council <script>alert(1)</script> backs the plan\n\n"
      "The council backed the flood plan on Monday, officials said. "
      "\"We act now <img src=x onerror=alert(2)>,\" said Mayor Ana Brill. "
      "</script><script>alert(3)</script> The plan costs $12 million.\n";
  Result<Document> doc = ReadTextDocument(text, "<b>hostile</b>.txt", nullptr);
  EXPECT_TRUE(doc.ok());
  Cluster cluster;
  cluster.id = "<script>alert(4)</script>";
  cluster.documents.push_back(std::move(*doc));
  Result<Pipeline> pipeline = Pipeline::Create({});
  EXPECT_TRUE(pipeline.ok());
  Pipeline::Scratch scratch = pipeline->NewScratch();
  pipeline->Analyze(&cluster, &scratch);
  Result<Briefer> briefer = Briefer::Create({});
  EXPECT_TRUE(briefer.ok());
  return RenderHtml(cluster, briefer->Brief(cluster));
}

TEST(HtmlPageTest, OnlyOurScriptAndItIsNamedByItsHash) {
  const std::string html = HostilePage();
  ASSERT_EQ(CountOf(html, "<script"), 1u);
  const size_t open = html.find("<script>") + 8;
  const size_t close = html.find("</script>", open);
  ASSERT_NE(close, std::string::npos);
  const std::string hash = Sha256Base64(std::string_view(html).substr(open, close - open));
  EXPECT_NE(html.find("script-src 'sha256-" + hash + "'"), std::string::npos);
  EXPECT_EQ(html.find("script-src 'unsafe-inline'"), std::string::npos);
  EXPECT_EQ(html.find("'unsafe-eval'"), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
}

// Issue 17: "1 mentions", "(1 of 1 sources)" were wrong; a count agrees with its noun.
TEST(HtmlPageTest, CountsAgreeWithTheirNouns) {
  const std::string html = HostilePage();
  EXPECT_NE(html.find(", 1 mention<"), std::string::npos) << html;
  EXPECT_EQ(html.find("1 mentions"), std::string::npos);
  EXPECT_NE(html.find("1 of 1 report<"), std::string::npos);
  EXPECT_EQ(html.find("1 reports"), std::string::npos);
  EXPECT_EQ(html.find("1 sources"), std::string::npos);
}

TEST(HtmlPageTest, SourceMarkupIsShownAsText) {
  const std::string html = HostilePage();
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>hostile"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;hostile&lt;/b&gt;.txt"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(4)&lt;/script&gt;"), std::string::npos);
}

}  // namespace
}  // namespace dossier
