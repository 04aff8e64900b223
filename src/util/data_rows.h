// Data files with columns (data/<lang>/*.txt): one entry per line, its
// columns separated by '|', text after '#' a comment, blank lines ignored,
// white space around each column trimmed.
//
//   Result<std::vector<DataRow>> rows = LoadDataRows(data_dir, "en/months.txt");
//   for (const DataRow& row : *rows)  // "january | 1" -> {"january", "1"}
//     if (row.size() < 2) return row.Error("en/months.txt", "no month number");
#ifndef DOSSIER_UTIL_DATA_ROWS_H_
#define DOSSIER_UTIL_DATA_ROWS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/status.h"
#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {

struct DataRow {
  size_t line = 0;                   // 1-based, for messages
  std::vector<std::string> columns;  // at least one, the first not empty

  size_t size() const { return columns.size(); }
  // Column `i`, or "" when the row has fewer.
  std::string_view operator[](size_t i) const {
    return i < columns.size() ? std::string_view(columns[i]) : std::string_view();
  }
  // A kInvalidInput Status naming file `name` and this row's line.
  Status Error(std::string_view name, std::string_view what) const {
    return Status(StatusCode::kInvalidInput,
                  "line " + std::to_string(line) + ": " + std::string(what), std::string(name));
  }
};

// The rows of `content`.
inline std::vector<DataRow> ParseDataRows(std::string_view content) {
  std::vector<DataRow> rows;
  DataLines lines(content);
  for (std::string_view line; lines.Next(&line);) {
    DataRow row;
    row.line = lines.number();
    while (true) {
      const size_t bar = line.find('|');
      row.columns.emplace_back(TrimWhitespace(line.substr(0, bar)));
      if (bar == std::string_view::npos) break;
      line.remove_prefix(bar + 1);
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// ReadDataFile + ParseDataRows; a row whose first column is empty is an error.
inline Result<std::vector<DataRow>> LoadDataRows(std::string_view data_dir, std::string_view name) {
  Result<std::string> content = ReadDataFile(data_dir, name);
  if (!content.ok()) return content.status();
  std::vector<DataRow> rows = ParseDataRows(*content);
  for (const DataRow& row : rows) {
    if (row[0].empty()) return row.Error(name, "an entry is missing before '|'");
  }
  return rows;
}

}  // namespace dossier

#endif  // DOSSIER_UTIL_DATA_ROWS_H_
