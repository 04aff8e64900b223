#include "util/number_words.h"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <utility>

#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {

Result<NumberWords> NumberWords::Load(std::string_view data_dir, std::string_view language) {
  const std::string name = std::string(language) + "/number_words.txt";
  Result<WordList> list = LoadWordList(data_dir, name, /*lowercase=*/true);
  if (!list.ok()) return list.status();
  NumberWords numbers;
  for (const std::string& entry : list->entries()) {
    const size_t bar = entry.find('|');
    const std::string word(TrimWhitespace(std::string_view(entry).substr(0, bar)));
    const std::string value =
        bar == std::string::npos ? "" : std::string(TrimWhitespace(entry.substr(bar + 1)));
    char* end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    if (word.empty() || value.empty() || *end != '\0' || !std::isfinite(v)) {
      return Status(StatusCode::kInvalidArgument,
                    name + ": expected 'WORD | VALUE', got '" + entry + "'");
    }
    numbers.words_.push_back({word, v});
    numbers.shapes_.Add(word);
  }
  return numbers;
}

Result<NumberFormat> NumberFormat::Load(std::string_view data_dir, std::string_view language) {
  const std::string name = std::string(language) + "/number_format.txt";
  Result<WordList> list = LoadWordList(data_dir, name, /*lowercase=*/true);
  if (!list.ok()) return list.status();
  // White space a thousands group may be written with, by name.
  static constexpr std::pair<std::string_view, std::string_view> kSpaces[] = {
      {"space", " "}, {"nbsp", "\xC2\xA0"}, {"narrow-nbsp", "\xE2\x80\xAF"}};
  NumberFormat format;
  bool groups_given = false;
  for (const std::string& entry : list->entries()) {
    const size_t bar = entry.find('|');
    const std::string_view kind = TrimWhitespace(std::string_view(entry).substr(0, bar));
    const std::string_view value =
        bar == std::string::npos ? "" : TrimWhitespace(std::string_view(entry).substr(bar + 1));
    const bool mark = value.size() == 1 && !IsAsciiDigit(value[0]) && !IsAsciiAlpha(value[0]);
    bool ok = true;
    if (kind == "decimal" && mark) {
      format.decimals_ += value[0];
    } else if (kind == "group" && mark) {
      format.groups_ += value[0];
    } else if (kind == "group") {
      ok = false;
      for (const auto& [space_name, space] : kSpaces) {
        if (value == space_name) {
          format.space_groups_.emplace_back(space);
          ok = true;
        }
      }
    } else if (kind == "groups" && (value == "strict" || value == "loose") && !groups_given) {
      format.strict_ = value == "strict";
      groups_given = true;
    } else {
      ok = false;
    }
    if (!ok) {
      return Status(StatusCode::kInvalidArgument,
                    name +
                        ": expected 'decimal | MARK', 'group | MARK or SPACE' or "
                        "'groups | strict or loose', got '" +
                        entry + "'");
    }
  }
  for (char c : format.decimals_) {
    if (format.groups_.find(c) != std::string::npos) {
      return Status(StatusCode::kInvalidArgument,
                    name + ": '" + std::string(1, c) + "' is both a decimal mark and a group mark");
    }
  }
  if (format.decimals_.empty() || !groups_given) {
    return Status(StatusCode::kInvalidArgument, name + ": no decimal mark or no 'groups' line");
  }
  return format;
}

double NumberFormat::Parse(std::string_view s) const {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  const auto is_group = [this](char c) {
    return groups_.find(c) != std::string::npos || (c == ' ' && groups_by_space());
  };
  const auto is_decimal = [this](char c) { return decimals_.find(c) != std::string::npos; };
  std::string digits;  // what strtod reads
  if (!strict_) {
    // Group marks anywhere are dropped; a decimal mark is strtod's '.'.
    for (char c : s) {
      if (is_group(c)) continue;
      digits += is_decimal(c) ? '.' : c;
    }
  } else {
    // Runs of digits between single marks: the last mark may be the decimal
    // one; every mark before it is one group mark, each followed by three
    // digits, after a first run of one to three.
    std::vector<std::pair<char, size_t>> runs;  // the mark before a run ('\0' first), its digits
    char mark = '\0';
    size_t length = 0;
    for (char c : s) {
      if (IsAsciiDigit(c)) {
        ++length;
        continue;
      }
      if (length == 0) return kNaN;
      runs.emplace_back(mark, length);
      mark = c;
      length = 0;
    }
    if (length == 0) return kNaN;
    runs.emplace_back(mark, length);
    const bool decimal = runs.size() > 1 && is_decimal(runs.back().first);
    const size_t grouped = decimal ? runs.size() - 1 : runs.size();
    for (size_t k = 1; k < grouped; ++k) {
      if (!is_group(runs[k].first) || runs[k].first != runs[1].first || runs[k].second != 3) {
        return kNaN;
      }
    }
    if (grouped > 1 && runs[0].second > 3) return kNaN;
    size_t run = 0;
    size_t left = runs[0].second;
    for (char c : s) {
      if (IsAsciiDigit(c)) {
        digits += c;
        if (--left == 0 && ++run < runs.size()) {
          left = runs[run].second;
          if (decimal && run + 1 == runs.size()) digits += '.';
        }
      }
    }
  }
  size_t integer_digits = 0;
  for (char c : digits) {
    if (c == '.') break;
    if (IsAsciiDigit(c) && (integer_digits > 0 || c != '0')) ++integer_digits;
  }
  const double value = std::strtod(digits.c_str(), nullptr);
  if (integer_digits > kMaxIntegerDigits || !std::isfinite(value)) return kNaN;
  return value;
}

bool NumberFormat::IsSpaceGroup(std::string_view gap) const {
  for (const std::string& space : space_groups_) {
    if (gap == space) return true;
  }
  return false;
}

}  // namespace dossier
