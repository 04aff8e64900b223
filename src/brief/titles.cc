#include "brief/titles.h"

#include <vector>

#include "util/strings.h"

namespace dossier {
namespace {

// Words after which a clause begins when they follow a comma.
constexpr std::string_view kClauseOpeners[] = {"which",  "who", "whose", "while",   "although",
                                               "though", "as",  "after", "before",  "when",
                                               "where",  "but", "and",   "because", "since"};

bool EndsClause(std::string_view word) {
  if (word.empty()) return false;
  const char last = word.back();
  return last == ';' || last == ':';
}

bool IsDash(std::string_view word) {
  return word == "-" || word == "--" || word == "\xE2\x80\x93" || word == "\xE2\x80\x94";
}

std::string_view StripClosing(std::string_view w) {
  while (!w.empty() && (w.back() == ',' || w.back() == '.' || w.back() == ';' || w.back() == ':' ||
                        w.back() == '!' || w.back() == '?')) {
    w.remove_suffix(1);
  }
  return w;
}

}  // namespace

std::string UsableHeadline(const Document& doc) {
  const std::string title = CollapseWhitespace(TrimWhitespace(doc.title));
  const size_t words = CountWords(title);
  if (words < 2 || words > 25) return "";
  if (title.find("://") != std::string::npos || title.find('/') != std::string::npos ||
      title == doc.id || title == doc.origin) {
    return "";
  }
  return title;
}

std::string LabelFromSentence(std::string_view sentence) {
  const std::string collapsed = CollapseWhitespace(TrimWhitespace(sentence));
  const std::vector<std::string_view> words = SplitWhitespace(collapsed);
  size_t keep = words.size();
  for (size_t i = 0; i < words.size(); ++i) {
    const size_t count = i + 1;
    if (count >= kMaxLabelWords) {
      keep = kMaxLabelWords;
      break;
    }
    if (count < kMinLabelWords || i + 1 >= words.size()) continue;
    const std::string_view next = words[i + 1];
    if (EndsClause(words[i]) || IsDash(next) ||
        (words[i].back() == ',' && IsOneOf(AsciiLower(next), kClauseOpeners))) {
      keep = count;
      break;
    }
  }
  std::string label;
  for (size_t i = 0; i < keep; ++i) {
    if (i > 0) label += ' ';
    label += i + 1 == keep ? StripClosing(words[i]) : words[i];
  }
  if (keep < words.size()) label += "…";
  return label;
}

}  // namespace dossier
