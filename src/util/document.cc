#include "dossier/document.h"

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

}  // namespace dossier
