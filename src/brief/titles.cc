#include "brief/titles.h"

#include <vector>

#include "util/strings.h"

namespace dossier {
namespace {

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

Result<SentenceLabeler> SentenceLabeler::Create(std::string_view data_dir,
                                                std::string_view language) {
  Result<WordList> openers =
      LoadWordList(data_dir, std::string(language) + "/clause_openers.txt", /*lowercase=*/true);
  if (!openers.ok()) return openers.status();
  Result<WordList> stopwords =
      LoadWordList(data_dir, std::string(language) + "/stopwords.txt", /*lowercase=*/true);
  if (!stopwords.ok()) return stopwords.status();
  SentenceLabeler labeler;
  labeler.clause_openers_ = std::move(*openers);
  labeler.stopwords_ = std::move(*stopwords);
  return labeler;
}

std::string SentenceLabeler::FromSentence(std::string_view sentence) const {
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
        (words[i].back() == ',' && clause_openers_.Contains(AsciiLower(next)))) {
      keep = count;
      break;
    }
  }
  // Cut short: not on a stopword ("... one quarter of"), and at a comma
  // among the last three words ("protesting the detentions, said").
  if (keep < words.size()) {
    while (keep > kMinLabelWords &&
           stopwords_.Contains(AsciiLower(StripClosing(words[keep - 1])))) {
      --keep;
    }
    for (size_t k = keep; k + 3 > keep && k > kMinLabelWords; --k) {
      if (words[k - 1].back() == ',') {
        keep = k;
        break;
      }
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
