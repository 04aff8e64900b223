#include "ingest/pdf.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "pdf_writer.h"
#include "util/utf8.h"

namespace dossier {
namespace {

constexpr uint64_t kNoLimit = 1 << 30;

// A report page: a running header, two paragraphs (one with a word
// hyphenated at a line end, one with "Franco-" before a capital) and the
// page number at the bottom.
pdf_writer::Page ReportPage(int number) {
  pdf_writer::Page page;
  page.Text(72, 760, 9, "Harbor Authority \x97 Quarterly Brief");
  double y = page.Lines(
      72, 720, 11, 14,
      {"The harbor board met on Tuesday to discuss the", "new bridge. Members agreed to a coope-",
       "ration programme with the city council."});
  page.Lines(72, y - 10, 11, 14,
             {number == 1 ? "A second paragraph talks about" : "The last paragraph talks about",
              "the Franco-", "German border."});
  page.Text(300, 40, 9, std::to_string(number));
  return page;
}

pdf_writer::Document ReportDocument() {
  pdf_writer::Document doc;
  doc.title = "Harbor  report";
  doc.author = "A. Analyst";
  doc.creation_date = "D:20151218100000+01'00'";
  doc.pages = {ReportPage(1), ReportPage(2)};
  return doc;
}

PdfText Extract(const std::string& bytes, std::vector<Diagnostic>* diagnostics = nullptr) {
  Result<PdfText> pdf = ExtractPdfText(bytes, "report.pdf", kNoLimit, diagnostics);
  EXPECT_TRUE(pdf.ok()) << pdf.status().ToString();
  if (!pdf.ok()) return {};
  EXPECT_TRUE(IsValidUtf8(pdf->text));
  EXPECT_EQ(pdf->text.find_first_of("\f\r\t\v"), std::string::npos);
  EXPECT_EQ(pdf->page_starts.size(), pdf->pages);
  return std::move(pdf).value();
}

std::string Error(const std::string& bytes) {
  Result<PdfText> pdf = ExtractPdfText(bytes, "report.pdf", kNoLimit);
  EXPECT_FALSE(pdf.ok());
  return pdf.ok() ? "<ok>" : pdf.status().ToString();
}

TEST(PdfTest, ReportParagraphsHyphensHeadersAndPageNumbers) {
  const PdfText pdf = Extract(ReportDocument().Build());
  const std::string page1 =
      "The harbor board met on Tuesday to discuss the new bridge. Members agreed to a "
      "cooperation programme with the city council.\n\n"
      "A second paragraph talks about the Franco-German border.";
  const std::string page2 =
      "The harbor board met on Tuesday to discuss the new bridge. Members agreed to a "
      "cooperation programme with the city council.\n\n"
      "The last paragraph talks about the Franco-German border.";
  EXPECT_EQ(pdf.text, page1 + "\n\n" + page2);
  EXPECT_EQ(pdf.pages, 2u);
  EXPECT_EQ(pdf.page_starts, (std::vector<uint32_t>{0, static_cast<uint32_t>(page1.size() + 2)}));
}

TEST(PdfTest, CompressedStreamsReadLikePlainOnes) {
  pdf_writer::Document doc = ReportDocument();
  const std::string plain = Extract(doc.Build()).text;
  doc.compress = true;
  const std::string packed = doc.Build();
  EXPECT_EQ(packed.find("The harbor"), std::string::npos);
  EXPECT_EQ(Extract(packed).text, plain);
}

TEST(PdfTest, DocumentInformation) {
  const PdfText pdf = Extract(ReportDocument().Build());
  EXPECT_EQ(pdf.title, "Harbor report");
  EXPECT_EQ(pdf.author, "A. Analyst");
  EXPECT_EQ(pdf.date, "2015-12-18");
}

TEST(PdfTest, DateIsTheWrittenDayNotUtc) {
  pdf_writer::Document doc = ReportDocument();
  doc.creation_date = "D:20151218013000+05'00'";  // 2015-12-17 in UTC
  EXPECT_EQ(Extract(doc.Build()).date, "2015-12-18");
}

TEST(PdfTest, DateFallsBackToModDateAndSkipsInvalidDates) {
  pdf_writer::Document doc = ReportDocument();
  doc.creation_date = "D:20151340";  // month 13
  doc.mod_date = "D:201602";
  EXPECT_EQ(Extract(doc.Build()).date, "2016-02-01");
  doc.mod_date = "yesterday";
  EXPECT_EQ(Extract(doc.Build()).date, "");
}

TEST(PdfTest, Utf16TitleComesOutAsUtf8) {
  pdf_writer::Document doc = ReportDocument();
  doc.title_utf16 = u"Rapport d\u2019\u00e9t\u00e9 \U0001F4C4";
  EXPECT_EQ(Extract(doc.Build()).title, "Rapport d\u2019\u00e9t\u00e9 \U0001F4C4");
}

TEST(PdfTest, WinAnsiNonAsciiComesOutAsUtf8) {
  pdf_writer::Page page;
  page.Text(72, 720, 11,
            "Caf\xE9 na\xEFve \x92quoted\x92 \x97 dash \x93"
            "curly\x94 \x80"
            "5");
  pdf_writer::Document doc;
  doc.pages = {page};
  EXPECT_EQ(Extract(doc.Build()).text,
            "Caf\u00e9 na\u00efve \u2019quoted\u2019 \u2014 dash \u201ccurly\u201d \u20ac5");
}

TEST(PdfTest, UnpairedSurrogateInTitleBecomesReplacementCharacter) {
  pdf_writer::Document doc = ReportDocument();
  doc.title_utf16 = std::u16string(u"A") + static_cast<char16_t>(0xD800) + u"B";
  EXPECT_EQ(Extract(doc.Build()).title, "A\uFFFDB");
}

TEST(PdfTest, SoftHyphenAtLineEndJoinsAndControlCharactersGo) {
  pdf_writer::Page page;
  page.Lines(72, 720, 11, 14, {"An inter\xAD", "national tab\tand\fform feed."});
  pdf_writer::Document doc;
  doc.pages = {page};
  // Extract checks there is no \f or \t (poppler shows these codes as nothing).
  const std::string text = Extract(doc.Build()).text;
  EXPECT_EQ(text.substr(0, 17), "An international ") << text;
}

TEST(PdfTest, HyphenAfterANonLetterKeepsTheSpace) {
  pdf_writer::Page page;
  page.Lines(72, 720, 11, 14, {"Prices rose 5 -", "and fell again."});
  pdf_writer::Document doc;
  doc.pages = {page};
  EXPECT_EQ(Extract(doc.Build()).text, "Prices rose 5 - and fell again.");
}

TEST(PdfTest, ThreeColumnsBetweenAFullWidthHeadlineAndFooterNote) {
  pdf_writer::Page page;
  page.Text(50, 750, 20, "A Headline Across The Whole Page Width Here");
  for (int col = 0; col < 3; ++col) {
    const double x = 50 + col * 180;
    const std::string c = std::to_string(col + 1);
    page.Lines(x, 700, 10, 12, {"Column " + c + " first", "paragraph text."});
    page.Lines(x, 660, 10, 12, {"Column " + c + " second", "paragraph text."});
  }
  page.Text(
      50, 600, 10,
      "A note set across the whole width of the page, below all three of the columns above it.");
  pdf_writer::Document doc;
  doc.pages = {page};
  EXPECT_EQ(
      Extract(doc.Build()).text,
      "A Headline Across The Whole Page Width Here\n\n"
      "Column 1 first paragraph text.\n\nColumn 1 second paragraph text.\n\n"
      "Column 2 first paragraph text.\n\nColumn 2 second paragraph text.\n\n"
      "Column 3 first paragraph text.\n\nColumn 3 second paragraph text.\n\n"
      "A note set across the whole width of the page, below all three of the columns above it.");
}

TEST(PdfTest, TwoColumnPageReadsLeftColumnFirst) {
  pdf_writer::Page page;
  page.Lines(50, 720, 11, 14,
             {"The left column opens the story", "and its first paragraph ends", "here."});
  page.Lines(50, 668, 11, 14, {"A second left paragraph follows", "on two lines."});
  page.Lines(320, 720, 11, 14,
             {"The right column goes on with", "the rest of the story and it", "ends here."});
  page.Lines(320, 668, 11, 14, {"Its last paragraph is short", "as well."});
  pdf_writer::Document doc;
  doc.pages = {page};
  EXPECT_EQ(Extract(doc.Build()).text,
            "The left column opens the story and its first paragraph ends here.\n\n"
            "A second left paragraph follows on two lines.\n\n"
            "The right column goes on with the rest of the story and it ends here.\n\n"
            "Its last paragraph is short as well.");
}

TEST(PdfTest, StackedShortLinesAreNotColumns) {
  // A title page: centred lines, then headings at the left margin. Gaps
  // between them in x, but nothing side by side: read top to bottom.
  pdf_writer::Page page;
  page.Text(260, 700, 14, "Thomas Leonard");
  page.Text(270, 680, 11, "tal at example.org");
  page.Text(72, 630, 14, "1. Introduction");
  page.Text(120, 600, 12, "1.1 Version");
  page.Lines(120, 570, 11, 14,
             {"This is version 0.21 of the specification, last updated", "in October."});
  pdf_writer::Document doc;
  doc.pages = {page};
  EXPECT_EQ(Extract(doc.Build()).text,
            "Thomas Leonard\n\ntal at example.org\n\n1. Introduction\n\n1.1 Version\n\n"
            "This is version 0.21 of the specification, last updated in October.");
}

TEST(PdfTest, BulletsStartParagraphs) {
  pdf_writer::Page page;
  page.Lines(72, 720, 11, 14,
             {"The main features are:", "\x95 on-line structure management", "\x95 off-line",
              "structure creation."});
  pdf_writer::Document doc;
  doc.pages = {page};
  EXPECT_EQ(Extract(doc.Build()).text,
            "The main features are:\n\n\u2022 on-line structure management\n\n"
            "\u2022 off-line structure creation.");
}

TEST(PdfTest, KernedTjStringsKeepWordsWhole) {
  pdf_writer::Page page;
  page.TextTJ(72, 720, 11, {"Kern", "ed W", "o", "rds stay wh", "ole"});
  pdf_writer::Document doc;
  doc.pages = {page};
  EXPECT_EQ(Extract(doc.Build()).text, "Kerned Words stay whole");
}

TEST(PdfTest, HeadingInLargerTypeIsItsOwnParagraph) {
  pdf_writer::Page page;
  page.Text(72, 740, 18, "Bridge Vote Delayed");
  page.Lines(72, 716, 11, 14, {"The vote on the bridge was put off", "until the spring."});
  pdf_writer::Document doc;
  doc.pages = {page};
  EXPECT_EQ(Extract(doc.Build()).text,
            "Bridge Vote Delayed\n\nThe vote on the bridge was put off until the spring.");
}

TEST(PdfTest, PageNumberFormsAndRunningFootersAreDropped) {
  const std::vector<std::string> bodies = {"Ships wait.", "Cranes stand idle.", "Talks resume."};
  pdf_writer::Document doc;
  for (int n = 1; n <= 3; ++n) {
    pdf_writer::Page page;
    page.Text(250, 770, 9, "- " + std::to_string(n + 10) + " -");
    page.Lines(72, 720, 11, 14, {bodies[n - 1], "Second line."});
    page.Text(72, 40, 9, "Confidential \x97 page " + std::to_string(n) + " of 3");
    doc.pages.push_back(page);
  }
  EXPECT_EQ(Extract(doc.Build()).text,
            "Ships wait. Second line.\n\nCranes stand idle. Second line.\n\n"
            "Talks resume. Second line.");
}

TEST(PdfTest, CoverTitleThatIsAlsoTheRunningHeaderStays) {
  pdf_writer::Document doc;
  for (int n = 1; n <= 3; ++n) {
    pdf_writer::Page page;
    page.Text(72, n == 1 ? 740 : 770, n == 1 ? 20 : 9, "Harbor Quarterly");
    page.Text(72, 700, 11, std::string(n, 'a') + " body.");
    doc.pages.push_back(page);
  }
  EXPECT_EQ(Extract(doc.Build()).text, "Harbor Quarterly\n\na body.\n\naa body.\n\naaa body.");
}

TEST(PdfTest, ChapterRunningHeadersAreDropped) {
  // Chapters open on a page with their title; their other pages carry the
  // chapter's name as a running header, each name on only two pages.
  const std::vector<std::string> bodies = {"Ships arrive.", "Ships wait.", "Ships leave.",
                                           "Ports open.",   "Ports fill.", "Ports close."};
  pdf_writer::Document doc;
  for (int n = 0; n < 6; ++n) {
    pdf_writer::Page page;
    const bool opening = n % 3 == 0;
    const std::string chapter = n < 3 ? "Chapter 1: Ships" : "Chapter 2: Ports";
    page.Text(72, opening ? 740 : 770, opening ? 20 : 9, chapter);
    page.Text(72, 700, 11, bodies[n]);
    doc.pages.push_back(page);
  }
  EXPECT_EQ(Extract(doc.Build()).text,
            "Chapter 1: Ships\n\nShips arrive.\n\nShips wait.\n\nShips leave.\n\n"
            "Chapter 2: Ports\n\nPorts open.\n\nPorts fill.\n\nPorts close.");
}

TEST(PdfTest, EdgeLineRepeatedOnFewPagesIsKept) {
  pdf_writer::Document doc;
  for (int n = 1; n <= 5; ++n) {
    pdf_writer::Page page;
    page.Text(72, 740, 11, n <= 2 ? "Summary" : "Details");
    page.Lines(72, 710, 11, 14, {"Body " + std::to_string(n), "goes on."});
    doc.pages.push_back(page);
  }
  // "Summary" tops 2 of 5 pages (under 60%); "Details" tops 3 of 5 and goes.
  EXPECT_EQ(Extract(doc.Build()).text,
            "Summary\n\nBody 1 goes on.\n\nSummary\n\nBody 2 goes on.\n\nBody 3 goes on.\n\n"
            "Body 4 goes on.\n\nBody 5 goes on.");
}

TEST(PdfTest, RepeatedLineInsideAParagraphIsKept) {
  pdf_writer::Document doc;
  for (int n = 1; n <= 3; ++n) {
    pdf_writer::Page page;
    page.Lines(72, 720, 11, 14, {"Agenda item " + std::to_string(n), "was discussed."});
    doc.pages.push_back(page);
  }
  EXPECT_EQ(Extract(doc.Build()).text,
            "Agenda item 1 was discussed.\n\nAgenda item 2 was discussed.\n\n"
            "Agenda item 3 was discussed.");
}

TEST(PdfTest, PageWithoutTextStartsWhereTheNextOneDoes) {
  pdf_writer::Page blank;
  blank.Rectangle(50, 50, 200, 100);
  pdf_writer::Page one, three;
  one.Text(72, 720, 11, "Page one text.");
  three.Text(72, 720, 11, "Page three text.");
  pdf_writer::Document doc;
  doc.pages = {one, blank, three};
  const PdfText pdf = Extract(doc.Build());
  EXPECT_EQ(pdf.text, "Page one text.\n\nPage three text.");
  EXPECT_EQ(pdf.page_starts, (std::vector<uint32_t>{0, 16, 16}));
  EXPECT_EQ(PdfPositionOf(pdf.page_starts, 16).page, 3u);
}

TEST(PdfTest, OnlyDrawingsIsNoTextLayer) {
  pdf_writer::Document doc;
  for (int i = 0; i < 3; ++i) {
    pdf_writer::Page page;
    page.Rectangle(50, 50 + i * 10, 200, 100);
    doc.pages.push_back(page);
  }
  Result<PdfText> pdf = ExtractPdfText(doc.Build(), "scan.pdf", kNoLimit);
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.status().code(), StatusCode::kEmptyInput);
  EXPECT_EQ(pdf.status().ToString(),
            "scan.pdf: no text layer in 3 pages (a scanned PDF? dossier does not run OCR)");
}

TEST(PdfTest, PasswordProtectedIsAnError) {
  pdf_writer::Document doc = ReportDocument();
  // A standard security handler whose /U does not match the empty password.
  doc.encrypt =
      "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 "
      "/O <0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF> "
      "/U <FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210> >>";
  EXPECT_EQ(Error(doc.Build()), "report.pdf: password-protected; dossier cannot read it");
}

TEST(PdfTest, NotAPdfIsAnError) {
  EXPECT_EQ(Error("<< /Type /Page >> just text"),
            "report.pdf: not a PDF (no %PDF- header in its first 1024 bytes)");
  EXPECT_EQ(Error(""), "report.pdf: not a PDF (no %PDF- header in its first 1024 bytes)");
}

TEST(PdfTest, GarbageAfterHeaderIsDamaged) {
  std::string garbage = "%PDF-1.7\n";
  for (int i = 0; i < 4000; ++i) garbage += static_cast<char>((i * 7919) % 251);
  EXPECT_EQ(Error(garbage), "report.pdf: damaged PDF (poppler could not open it)");
  EXPECT_EQ(Error("%PDF-1.4\n"), "report.pdf: damaged PDF (poppler could not open it)");
}

TEST(PdfTest, TruncatedPdfIsAnErrorOrPartialTextNeverACrash) {
  const std::string bytes = ReportDocument().Build();
  for (size_t cut = 0; cut < bytes.size(); cut += 37) {
    Result<PdfText> pdf = ExtractPdfText(bytes.substr(0, cut), "cut.pdf", kNoLimit);
    if (pdf.ok()) {
      EXPECT_TRUE(IsValidUtf8(pdf->text));
      EXPECT_EQ(pdf->page_starts.size(), pdf->pages);
    } else {
      EXPECT_EQ(pdf.status().input(), "cut.pdf");
    }
  }
  // Cut before the first page's content: nothing to read.
  EXPECT_FALSE(ExtractPdfText(bytes.substr(0, 200), "cut.pdf", kNoLimit).ok());
}

TEST(PdfTest, LongTextIsCutAtAParagraphWithAWarning) {
  const std::string bytes = ReportDocument().Build();
  const std::string full = Extract(bytes).text;
  const size_t second = full.find("\n\nA second");
  std::vector<Diagnostic> diagnostics;
  Result<PdfText> pdf = ExtractPdfText(bytes, "report.pdf", second + 20, &diagnostics);
  ASSERT_TRUE(pdf.ok());
  EXPECT_EQ(pdf->text, full.substr(0, second));
  EXPECT_EQ(pdf->page_starts, (std::vector<uint32_t>{0, static_cast<uint32_t>(second)}));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].severity, Diagnostic::Severity::kWarning);
  EXPECT_EQ(diagnostics[0].status.input(), "report.pdf");
  EXPECT_NE(diagnostics[0].status.message().find("cut in page 1 of 2"), std::string::npos)
      << diagnostics[0].status.message();
}

TEST(PdfTest, ParagraphLongerThanTheLimitIsCutAtASpace) {
  const std::string bytes = ReportDocument().Build();
  Result<PdfText> pdf = ExtractPdfText(bytes, "report.pdf", 12);
  ASSERT_TRUE(pdf.ok());
  EXPECT_EQ(pdf->text, "The harbor");
}

TEST(PdfTest, LooksLikePdf) {
  EXPECT_TRUE(LooksLikePdf("%PDF-1.4\n"));
  EXPECT_TRUE(LooksLikePdf(std::string(1000, ' ') + "%PDF-1.7"));
  EXPECT_FALSE(LooksLikePdf(std::string(1020, ' ') + "%PDF-1.7"));
  EXPECT_FALSE(LooksLikePdf("%PDF"));
  EXPECT_FALSE(LooksLikePdf("<< /Type /Page >>"));
  EXPECT_FALSE(LooksLikePdf(""));
}

TEST(PdfTest, PdfPositionOfAtPageBoundaries) {
  const std::vector<uint32_t> starts = {0, 100, 100, 250};
  EXPECT_EQ(PdfPositionOf(starts, 0).page, 1u);
  EXPECT_EQ(PdfPositionOf(starts, 0).offset, 0u);
  EXPECT_EQ(PdfPositionOf(starts, 99).page, 1u);  // the blank line before page 2
  EXPECT_EQ(PdfPositionOf(starts, 99).offset, 99u);
  EXPECT_EQ(PdfPositionOf(starts, 100).page, 3u);  // page 2 has no text
  EXPECT_EQ(PdfPositionOf(starts, 100).offset, 0u);
  EXPECT_EQ(PdfPositionOf(starts, 249).page, 3u);
  EXPECT_EQ(PdfPositionOf(starts, 250).page, 4u);
  EXPECT_EQ(PdfPositionOf(starts, 260).offset, 10u);
  EXPECT_EQ(PdfPositionOf({}, 5).page, 0u);
}

TEST(PdfTest, PositionsOfTheReportsSecondPage) {
  const PdfText pdf = Extract(ReportDocument().Build());
  const uint32_t last = static_cast<uint32_t>(pdf.text.find("The last paragraph"));
  const PdfPosition at = PdfPositionOf(pdf.page_starts, last);
  EXPECT_EQ(at.page, 2u);
  EXPECT_EQ(pdf.text.substr(pdf.page_starts[1] + at.offset, 8), "The last");
}

TEST(PdfTest, ConcurrentCallsGiveTheSameText) {
  const std::string bytes = ReportDocument().Build();
  const std::string expected = Extract(bytes).text;
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        Result<PdfText> pdf = ExtractPdfText(bytes, "report.pdf", kNoLimit);
        got[t] = pdf.ok() ? pdf->text : pdf.status().ToString();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& text : got) EXPECT_EQ(text, expected);
}

}  // namespace
}  // namespace dossier
