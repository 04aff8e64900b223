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
// separated by spaces; an entry may stand on several lines (an entry listed
// twice under one kind is harmless). An entry with no kind, or a kind not in
// the list given, is an error. Entries are ASCII
// lower-cased unless their kinds are all in `keep_case` (a bit per kind).
// Immutable once loaded; copies share the text; thread-safe.
#ifndef DOSSIER_UTIL_WORD_KINDS_H_
#define DOSSIER_UTIL_WORD_KINDS_H_

#include <algorithm>
#include <array>
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
    // The entries back to back in one buffer (so that the views stay valid
    // when moved), and (kind, entry) pairs in file order.
    auto text = std::make_shared<std::string>();
    std::vector<std::pair<size_t, size_t>> spans;  // of each entry in *text
    std::vector<std::pair<size_t, size_t>> of;     // (kind, entry)
    size_t last_kind = 0;
    DataLines lines(content);
    for (std::string_view line; lines.Next(&line);) {
      const size_t bar = line.rfind('|');
      const std::string_view entry =
          bar == std::string_view::npos ? std::string_view() : TrimWhitespace(line.substr(0, bar));
      if (entry.empty()) {
        return Status(StatusCode::kInvalidArgument, std::string(file) +
                                                        ": an entry and its kind after '|' "
                                                        "expected: '" +
                                                        std::string(line) + "'");
      }
      const size_t first_kind = of.size();
      bool keep = true;
      std::string_view names = line.substr(bar + 1);
      while (!(names = TrimWhitespace(names)).empty()) {
        const size_t space = std::min(names.find_first_of(" \t"), names.size());
        const std::string_view name = names.substr(0, space);
        names.remove_prefix(space);
        // Files list their entries kind by kind: the last kind first.
        size_t k = last_kind < kinds.size() && kinds[last_kind] == name ? last_kind : 0;
        while (k < kinds.size() && kinds[k] != name) ++k;
        last_kind = k;
        if (k == kinds.size()) {
          return Status(StatusCode::kInvalidArgument,
                        std::string(file) + ": unknown kind '" + std::string(name) + "'");
        }
        of.emplace_back(k, spans.size());
        keep = keep && k < 64 && ((keep_case >> k) & 1) != 0;
      }
      if (of.size() == first_kind) {
        return Status(StatusCode::kInvalidArgument,
                      std::string(file) + ": no kind after '|': '" + std::string(line) + "'");
      }
      spans.emplace_back(text->size(), entry.size());
      for (char c : entry) text->push_back(keep ? c : AsciiToLower(c));
    }
    WordKinds out;
    out.by_kind_.resize(kinds.size());
    out.filters_.resize(kinds.size());
    for (const auto& [k, e] : of) {
      const std::string_view view = std::string_view(*text).substr(spans[e].first, spans[e].second);
      out.by_kind_[k].push_back(view);
      out.filters_[k].Add(view);
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
  // Whether `word` is an entry of kind `kind` (one of the kinds given),
  // compared as written. Most words are ruled out by their length and first
  // byte, then the kind's entries are compared.
  bool Is(size_t kind, std::string_view word) const {
    return filters_[kind].MayContain(word) && IsOneOf(word, by_kind_[kind]);
  }

 private:
  // The lengths and first bytes of a kind's entries.
  struct Filter {
    uint64_t lengths = 0;  // bit n: an entry of n bytes (n < 64)
    bool long_entries = false;
    std::array<uint64_t, 4> first{};  // bit b: an entry starting with byte b
    void Add(std::string_view w) {
      if (w.size() < 64) {
        lengths |= uint64_t{1} << w.size();
      } else {
        long_entries = true;
      }
      const auto b = static_cast<unsigned char>(w.empty() ? 0 : w[0]);
      first[b >> 6] |= uint64_t{1} << (b & 63);
    }
    bool MayContain(std::string_view w) const {
      if (w.size() < 64 ? ((lengths >> w.size()) & 1) == 0 : !long_entries) return false;
      const auto b = static_cast<unsigned char>(w.empty() ? 0 : w[0]);
      return ((first[b >> 6] >> (b & 63)) & 1) != 0;
    }
  };

  std::shared_ptr<const std::string> text_;  // the entries, back to back
  std::vector<std::vector<std::string_view>> by_kind_;
  std::vector<Filter> filters_;  // of each kind
};

}  // namespace dossier

#endif  // DOSSIER_UTIL_WORD_KINDS_H_
