#include "dossier/document.h"

#include <algorithm>

namespace dossier {

const char* ClutterKindName(ClutterKind kind) {
  switch (kind) {
    case ClutterKind::kBoilerplate:
      return "boilerplate";
    case ClutterKind::kRepeatedLine:
      return "repeated_line";
    case ClutterKind::kPhotoCredit:
      return "photo_credit";
    case ClutterKind::kLinkList:
      return "link_list";
    case ClutterKind::kByline:
      return "byline";
  }
  return "boilerplate";
}

uint32_t Document::SentenceAt(uint32_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](uint32_t o, const Sentence& s) { return o < s.span.begin; });
  return it == sentences.begin() ? 0 : static_cast<uint32_t>(it - sentences.begin() - 1);
}

}  // namespace dossier
