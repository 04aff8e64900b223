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

std::pair<uint32_t, uint32_t> Document::PageOf(uint32_t raw_offset) const {
  if (pages.empty()) return {0, raw_offset};
  auto it = std::upper_bound(pages.begin(), pages.end(), raw_offset);
  if (it == pages.begin()) return {1, raw_offset};
  const uint32_t page = static_cast<uint32_t>(it - pages.begin());
  return {page, raw_offset - pages[page - 1]};
}

}  // namespace dossier
