// Test support: checks that text extracted from an HTML page maps back into
// the page's bytes exactly.
#ifndef DOSSIER_TESTS_UNIT_INGEST_MAPPED_TEXT_H_
#define DOSSIER_TESTS_UNIT_INGEST_MAPPED_TEXT_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <string_view>

#include "dossier/span.h"

namespace dossier::mapped_text {

// The text a slice of html stands for: the characters it decodes to, or
// white space (block separators and collapsed runs).
inline bool IsDecodingOf(std::string_view text, std::string_view html) {
  if (text.find_first_not_of(" \n") == std::string_view::npos) return true;
  // A character reference: "&amp;" -> "&", "&pound;" -> "£", "&#8217;" -> "’".
  return !html.empty() && html.front() == '&' && html.size() <= 40 && !text.empty();
}

// The map covers `text`; every run lies inside `html`; copy runs are the
// page's bytes; with `decodings`, every other run is white space or a
// decoded character reference (IsDecodingOf). Every word of the text, cited
// through the map, is that word in the page wherever the cited bytes hold
// none of `opaque` (markup, references).
inline void ExpectExactMap(std::string_view html, std::string_view text, const OffsetMap& map,
                           bool decodings, std::string_view opaque) {
  ASSERT_EQ(map.text_size(), text.size());
  const auto& runs = map.runs();
  for (size_t r = 0; r < runs.size(); ++r) {
    const OffsetMap::Run& run = runs[r];
    const uint32_t end = r + 1 < runs.size() ? runs[r + 1].text_begin : map.text_size();
    ASSERT_LT(run.text_begin, end) << "empty run " << r;
    ASSERT_LE(run.orig_begin, run.orig_end);
    ASSERT_LE(run.orig_end, html.size());
    const std::string_view part = text.substr(run.text_begin, end - run.text_begin);
    const std::string_view orig = html.substr(run.orig_begin, run.orig_end - run.orig_begin);
    if (run.copy) {
      ASSERT_EQ(orig.size(), part.size()) << "copy run " << r;
      EXPECT_EQ(part, orig) << "copy run " << r;
    } else if (decodings) {
      EXPECT_TRUE(IsDecodingOf(part, orig))
          << "run " << r << ": '" << part << "' for '" << orig << "'";
    }
  }
  size_t k = 0;
  while (k < text.size()) {
    while (k < text.size() && (text[k] == ' ' || text[k] == '\n')) ++k;
    const size_t start = k;
    while (k < text.size() && text[k] != ' ' && text[k] != '\n') ++k;
    if (k == start) break;
    const Span word{static_cast<uint32_t>(start), static_cast<uint32_t>(k)};
    const Span orig = map.ToOriginal(word);
    ASSERT_LE(orig.begin, orig.end);
    ASSERT_LE(orig.end, html.size());
    const std::string_view cited = orig.Slice(html);
    if (cited.find_first_of(opaque) == std::string_view::npos) {
      EXPECT_EQ(cited, word.Slice(text)) << "word at " << start;
    }
  }
}

}  // namespace dossier::mapped_text

#endif  // DOSSIER_TESTS_UNIT_INGEST_MAPPED_TEXT_H_
