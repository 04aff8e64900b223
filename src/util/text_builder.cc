#include "util/text_builder.h"

#include <utility>

namespace dossier {

void TextBuilder::Copy(std::string_view src, uint32_t begin, uint32_t end) {
  if (end <= begin) return;
  map_.AppendRun({static_cast<uint32_t>(text_.size()), begin, end, true}, end - begin);
  text_.append(src.data() + begin, end - begin);
}

void TextBuilder::Replace(std::string_view bytes, uint32_t orig_begin, uint32_t orig_end) {
  if (bytes.empty()) return;
  map_.AppendRun({static_cast<uint32_t>(text_.size()), orig_begin, orig_end, false},
                 static_cast<uint32_t>(bytes.size()));
  text_.append(bytes);
}

void TextBuilder::Finish(std::string* text, OffsetMap* map) && {
  *text = std::move(text_);
  *map = std::move(map_);
}

}  // namespace dossier
