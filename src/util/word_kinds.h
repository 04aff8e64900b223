// WordKinds: the entries of a data file that gives each entry one or more
// kinds ("the | article definite", "according to | source"), grouped by kind.
// For the closed word classes an analysis reads text with: each kind is a
// short list, looked up as fast as a constant array (IsOneOf over it).
//
//   constexpr std::string_view kKinds[] = {"article", "preposition"};
//   Result<WordKinds> words = WordKinds::Load(data_dir, "en/quote_words.txt", kKinds);
//   if (!words.ok()) return words.status();
//   if (words->Is(0, "the")) ...            // an article
//   for (std::string_view p : words->Of(1)) ...
//
// File format (data_files.h): one entry per line, then '|' and its kinds,
// separated by spaces; an entry may stand on several lines. An entry with
// no kind, or a kind not in the list given, is an error. Entries are ASCII
// lower-cased unless their kinds are all in `keep_case` (a bit per kind).
// Immutable once loaded; copies share the text; thread-safe.
#ifndef DOSSIER_UTIL_WORD_KINDS_H_
#define DOSSIER_UTIL_WORD_KINDS_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/status.h"
#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {

class WordKinds {
 public:
  WordKinds() = default;

  // Parses the text of data file `file` (named in errors).
  static Result<WordKinds> Parse(std::string_view file, std::string_view content,
                                 std::span<const std::string_view> kinds, uint64_t keep_case = 0) {
    const WordList lines = WordList::Parse(content, /*lowercase=*/false);
    std::vector<std::pair<std::string, std::vector<size_t>>> entries;
    for (const std::string& line : lines.entries()) {
      const size_t bar = line.rfind('|');
      const std::string_view entry =
          TrimWhitespace(std::string_view(line).substr(0, std::min(bar, line.size())));
      if (bar == std::string::npos || entry.empty()) {
        return Status(
            StatusCode::kInvalidArgument,
            std::string(file) + ": an entry and its kind after '|' expected: '" + line + "'");
      }
      std::vector<size_t> of;
      bool keep = true;
      for (std::string_view name : SplitWhitespace(std::string_view(line).substr(bar + 1))) {
        size_t k = 0;
        while (k < kinds.size() && kinds[k] != name) ++k;
        if (k == kinds.size()) {
          return Status(StatusCode::kInvalidArgument,
                        std::string(file) + ": unknown kind '" + std::string(name) + "'");
        }
        of.push_back(k);
        keep = keep && k < 64 && ((keep_case >> k) & 1) != 0;
      }
      if (of.empty()) {
        return Status(StatusCode::kInvalidArgument,
                      std::string(file) + ": no kind after '|': '" + line + "'");
      }
      entries.emplace_back(keep ? std::string(entry) : AsciiLower(entry), std::move(of));
    }
    // One buffer for every entry, so that the views stay valid when moved.
    auto text = std::make_shared<std::string>();
    for (const auto& e : entries) *text += e.first;
    WordKinds out;
    out.by_kind_.resize(kinds.size());
    size_t at = 0;
    for (const auto& [entry, of] : entries) {
      const std::string_view view = std::string_view(*text).substr(at, entry.size());
      at += entry.size();
      for (size_t k : of) {
        if (!IsOneOf(view, out.by_kind_[k])) out.by_kind_[k].push_back(view);
      }
    }
    out.text_ = std::move(text);
    return out;
  }

  // ReadDataFile(data_dir, file), parsed.
  static Result<WordKinds> Load(std::string_view data_dir, std::string_view file,
                                std::span<const std::string_view> kinds, uint64_t keep_case = 0) {
    Result<std::string> content = ReadDataFile(data_dir, file);
    if (!content.ok()) return content.status();
    return Parse(file, *content, kinds, keep_case);
  }

  // The entries of kind `kind` (an index into the kinds given), in file order.
  std::span<const std::string_view> Of(size_t kind) const {
    return kind < by_kind_.size() ? std::span<const std::string_view>(by_kind_[kind])
                                  : std::span<const std::string_view>();
  }
  // Whether `word` is an entry of kind `kind`, compared as written.
  bool Is(size_t kind, std::string_view word) const { return IsOneOf(word, Of(kind)); }

 private:
  std::shared_ptr<const std::string> text_;  // the entries, back to back
  std::vector<std::vector<std::string_view>> by_kind_;
};

}  // namespace dossier

#endif  // DOSSIER_UTIL_WORD_KINDS_H_
