// Runtime word lists (data/*.txt): built into the binary, overridable by a
// directory holding files of the same names.
//
//   Result<WordList> abbrev = LoadWordList(options.data_dir, "en/abbreviations.txt");
//
// File format: one entry per line, UTF-8; text after '#' is a comment,
// blank lines are ignored, surrounding white space is trimmed.
#ifndef DOSSIER_UTIL_DATA_FILES_H_
#define DOSSIER_UTIL_DATA_FILES_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dossier/status.h"
#include "util/strings.h"

namespace dossier {

// The contents of data file `name`: `data_dir`/`name` when `data_dir` is not empty and holds
// it, else the copy built into the library.
Result<std::string> ReadDataFile(std::string_view data_dir, std::string_view name);

// Whether ReadDataFile(data_dir, name) finds a file (built in, or in `data_dir`).
bool HasDataFile(std::string_view data_dir, std::string_view name);

// Names of the data files built into the library.
std::vector<std::string> EmbeddedDataFileNames();

// The lines of a data file that hold something: each Next() gives the next line with its '#'
// comment cut and white space trimmed, skipping lines left empty; number() is its line
// number (from 1). Every reader of data files walks them with it.
//
//   DataLines lines(content);
//   for (std::string_view line; lines.Next(&line);) Use(line, lines.number());
class DataLines {
 public:
  explicit DataLines(std::string_view content) : rest_(content) {}
  bool Next(std::string_view* line) {
    while (!done_) {
      const size_t nl = rest_.find('\n');
      std::string_view l = rest_.substr(0, nl);
      if (nl == std::string_view::npos) {
        done_ = true;
      } else {
        rest_.remove_prefix(nl + 1);
      }
      ++number_;
      l = TrimWhitespace(l.substr(0, l.find('#')));
      if (!l.empty()) {
        *line = l;
        return true;
      }
    }
    return false;
  }
  size_t number() const { return number_; }

 private:
  std::string_view rest_;
  size_t number_ = 0;
  bool done_ = false;
};

// A set of strings read from a data file. Immutable; thread-safe.
class WordList {
 public:
  WordList() = default;
  // Parses `content`; with `lowercase`, ASCII letters of entries are lowered.
  static WordList Parse(std::string_view content, bool lowercase);

  bool Contains(std::string_view word) const { return set_.find(word) != set_.end(); }
  const std::vector<std::string>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<std::string> entries_;
  // Transparent hashing: lookups by string_view allocate nothing.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> set_;
};

// ReadDataFile + WordList::Parse.
Result<WordList> LoadWordList(std::string_view data_dir, std::string_view name, bool lowercase);

}  // namespace dossier

#endif  // DOSSIER_UTIL_DATA_FILES_H_
