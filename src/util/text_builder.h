// TextBuilder: builds a derived text together with its OffsetMap back to the
// text it was derived from.
//
//   TextBuilder b;
//   b.Copy(src, 0, 5);                 // bytes 0..5 of src, one to one
//   b.Replace("\n", 5, 7);             // "\n" stands for src[5..7) ("\r\n")
//   std::string text; OffsetMap map;
//   std::move(b).Finish(&text, &map);
#ifndef DOSSIER_UTIL_TEXT_BUILDER_H_
#define DOSSIER_UTIL_TEXT_BUILDER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "dossier/span.h"

namespace dossier {

class TextBuilder {
 public:
  // Appends src[begin, end) unchanged.
  void Copy(std::string_view src, uint32_t begin, uint32_t end);
  // Appends `bytes`, which stand for the original range [orig_begin, orig_end).
  // An empty original range marks inserted text (e.g. a paragraph break).
  void Replace(std::string_view bytes, uint32_t orig_begin, uint32_t orig_end);

  const std::string& text() const { return text_; }
  size_t size() const { return text_.size(); }
  // Last byte appended, or 0 when empty.
  char back() const { return text_.empty() ? '\0' : text_.back(); }

  void Finish(std::string* text, OffsetMap* map) &&;

 private:
  std::string text_;
  OffsetMap map_;
};

}  // namespace dossier

#endif  // DOSSIER_UTIL_TEXT_BUILDER_H_
