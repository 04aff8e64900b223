#include "dossier/rouge_input.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dossier::eval {
namespace {

using Units = std::vector<std::string>;

std::vector<std::string> Ids(const std::vector<RougeRecord>& records) {
  std::vector<std::string> ids;
  for (const RougeRecord& r : records) ids.push_back(r.id);
  return ids;
}

TEST(RougeInput, SystemRecordsSplitIntoUnits) {
  std::vector<Diagnostic> diagnostics;
  std::vector<RougeRecord> records = ParseRougeRecords(
      "{\"id\":\"a\",\"summary\":\"The ferry left.\\n\\nIt came back.\"}\n"
      "{\"id\":17,\"summary\":\"One line.\"}\n",
      "sys.jsonl", RougeInputKind::kSystem, &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].id, "a");
  EXPECT_EQ(records[0].texts, (std::vector<Units>{{"The ferry left.", "It came back."}}));
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[0].offset, 0u);
  EXPECT_EQ(records[1].id, "17");  // an integer id is its JSON text
  EXPECT_EQ(records[1].line, 2u);
}

TEST(RougeInput, ReferencesArrayWinsOverSummary) {
  std::vector<Diagnostic> diagnostics;
  std::vector<RougeRecord> records = ParseRougeRecords(
      "{\"id\":\"a\",\"summary\":\"ignored\",\"references\":[\"First one.\",\"Second one.\"]}\n"
      "{\"id\":\"b\",\"summary\":\"Only a summary.\"}\n",
      "ref.jsonl", RougeInputKind::kReferences, &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].texts, (std::vector<Units>{{"First one."}, {"Second one."}}));
  EXPECT_EQ(records[1].texts, (std::vector<Units>{{"Only a summary."}}));
}

TEST(RougeInput, SystemRecordsIgnoreReferences) {
  std::vector<Diagnostic> diagnostics;
  std::vector<RougeRecord> records =
      ParseRougeRecords("{\"id\":\"a\",\"references\":[\"No summary here.\"]}\n", "sys.jsonl",
                        RougeInputKind::kSystem, &diagnostics);
  EXPECT_TRUE(records.empty());
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].status.message(), "no \"summary\" string");
}

TEST(RougeInput, BrokenLineInTheMiddleIsReportedAndTheRestIsRead) {
  const std::string line1 = "{\"id\":\"a\",\"summary\":\"The council met.\"}\n";
  const std::string line2 = "{\"id\":\"b\",\"summary\":\"The vote was cut\n";  // broken
  const std::string line3 = "\n";                                              // blank: no error
  const std::string line4 = "{\"id\":\"c\",\"summary\":\"The vote passed.\"}\n";
  const std::string line5 = "[1, 2]\n";  // JSON, not an object
  const std::string line6 = "{\"id\":\"d\",\"summary\":\"The meeting ended.\"}";
  std::vector<Diagnostic> diagnostics;
  std::vector<RougeRecord> records =
      ParseRougeRecords(line1 + line2 + line3 + line4 + line5 + line6, "sys.jsonl",
                        RougeInputKind::kSystem, &diagnostics);
  EXPECT_EQ(Ids(records), (std::vector<std::string>{"a", "c", "d"}));
  EXPECT_EQ(records[1].line, 4u);
  EXPECT_EQ(records[2].line, 6u);
  ASSERT_EQ(diagnostics.size(), 2u);
  EXPECT_EQ(diagnostics[0].severity, Diagnostic::Severity::kError);
  EXPECT_EQ(diagnostics[0].status.code(), StatusCode::kInvalidInput);
  EXPECT_EQ(diagnostics[0].status.input(), "sys.jsonl:2");
  EXPECT_EQ(diagnostics[0].status.byte_offset(), line1.size());
  EXPECT_EQ(diagnostics[0].status.ToString(),
            "sys.jsonl:2: not a JSON object (byte " + std::to_string(line1.size()) + ")");
  EXPECT_EQ(diagnostics[1].status.input(), "sys.jsonl:5");
  EXPECT_EQ(diagnostics[1].status.byte_offset(), (line1 + line2 + line3 + line4).size());
}

TEST(RougeInput, EveryKindOfBadLineIsSkipped) {
  std::vector<Diagnostic> diagnostics;
  std::vector<RougeRecord> records = ParseRougeRecords(
      "{\"summary\":\"No id.\"}\n"
      "{\"id\":1.5,\"summary\":\"A fractional id.\"}\n"
      "{\"id\":\"x\",\"summary\":7}\n"
      "{\"id\":\"y\",\"references\":\"not an array\"}\n"
      "{\"id\":\"z\",\"references\":[\"ok\",3]}\n"
      "{\"id\":\"w\"}\n"
      "{\"id\":\"v\",\"references\":[\"Kept.\"]}\n",
      "ref.jsonl", RougeInputKind::kReferences, &diagnostics);
  EXPECT_EQ(Ids(records), (std::vector<std::string>{"v"}));
  ASSERT_EQ(diagnostics.size(), 6u);
  const std::vector<std::string> messages = {"no \"id\" (a string)",
                                             "no \"id\" (a string)",
                                             "no \"summary\" string and no \"references\" array",
                                             "\"references\" is not an array of strings",
                                             "\"references\" is not an array of strings",
                                             "no \"summary\" string and no \"references\" array"};
  for (size_t i = 0; i < diagnostics.size(); ++i) {
    EXPECT_EQ(diagnostics[i].status.message(), messages[i]) << i;
    EXPECT_EQ(diagnostics[i].status.input(), "ref.jsonl:" + std::to_string(i + 1));
  }
}

TEST(RougeInput, DuplicateIdKeepsTheFirstRecord) {
  std::vector<Diagnostic> diagnostics;
  std::vector<RougeRecord> records = ParseRougeRecords(
      "{\"id\":\"a\",\"summary\":\"First.\"}\n"
      "{\"id\":\"b\",\"summary\":\"Other.\"}\n"
      "{\"id\":\"a\",\"summary\":\"Second.\"}\n"
      "{\"id\":\"c\",\"summary\":\"Last.\"}\n",
      "sys.jsonl", RougeInputKind::kSystem, &diagnostics);
  EXPECT_EQ(Ids(records), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(records[0].texts, (std::vector<Units>{{"First."}}));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].status.input(), "sys.jsonl:3");
  EXPECT_EQ(diagnostics[0].status.message(), "duplicate id 'a' (first at line 1)");
}

TEST(RougeInput, InvalidUtf8AndCrLfLines) {
  std::vector<Diagnostic> diagnostics;
  std::vector<RougeRecord> records = ParseRougeRecords(
      "{\"id\":\"a\",\"summary\":\"bad \xFF byte\"}\r\n"
      "{\"id\":\"b\",\"summary\":\"Fine.\"}\r\n",
      "sys.jsonl", RougeInputKind::kSystem, &diagnostics);
  EXPECT_EQ(Ids(records), (std::vector<std::string>{"b"}));
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].status.input(), "sys.jsonl:1");
}

TEST(RougeInput, NullDiagnosticsAreAllowed) {
  std::vector<RougeRecord> records =
      ParseRougeRecords("oops\n{\"id\":\"a\",\"summary\":\"Fine.\"}\n", "sys.jsonl",
                        RougeInputKind::kSystem, nullptr);
  EXPECT_EQ(Ids(records), (std::vector<std::string>{"a"}));
}

}  // namespace
}  // namespace dossier::eval
