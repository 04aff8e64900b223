// Internal to src/ingest: the HTML parse shared by ExtractHtmlText and
// ExtractArticle, and the text emission that keeps an exact map from every
// output byte back into the page.
//
//   Result<std::unique_ptr<ParsedHtml>> page = ParsedHtml::Parse(html);
//   TextEmitter out(**page);
//   ... walk (*page)->document(); out.Block(2, StartOf(e)); out.Text(t, false); ...
//   std::move(out).Finish(&text, &map);  // map: text -> html
//
// Before gumbo sees the page, a linear pre-scan cuts out what can never be
// visible text (<script>, <style>, <svg>, comments) and the attributes no
// extractor reads (href, src, data-*...), keeping the JSON-LD scripts aside,
// and flattens nesting deeper than kMaxNestingDepth (gumbo's parse time
// grows with depth times the number of tags). Offsets of the
// parse (GumboNode positions, text node bytes) are in the parsed buffer;
// TextEmitter maps them back to the original page. The tree is freed without
// recursion. Not thread-safe per object; separate objects share nothing.
#ifndef DOSSIER_INGEST_HTML_DOM_H_
#define DOSSIER_INGEST_HTML_DOM_H_

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/span.h"
#include "dossier/status.h"
#include "util/text_builder.h"

namespace dossier::html {

// Elements nested deeper than this (by a tag count in the pre-scan) lose
// their tags: their text stays, attached to the deepest kept element.
inline constexpr int kMaxNestingDepth = 400;

// Every block gumbo allocates is linked into a list and the whole list is
// freed at the end in a loop (gumbo_destroy_output recurses per level).
class GumboHeap {
 public:
  GumboHeap();
  GumboHeap(const GumboHeap&) = delete;
  GumboHeap& operator=(const GumboHeap&) = delete;
  ~GumboHeap();
  static void* Allocate(void* userdata, size_t size);
  static void Deallocate(void* userdata, void* ptr);

 private:
  struct alignas(alignof(std::max_align_t)) Header {
    Header* prev;
    Header* next;
  };
  Header head_;
};

class ParsedHtml {
 public:
  // Parses `html` (valid UTF-8, at most 4 GiB). `html` must outlive the result.
  static Result<std::unique_ptr<ParsedHtml>> Parse(std::string_view html);

  const GumboNode* document() const { return output_->document; }
  const GumboNode* root() const { return output_->root; }
  std::string_view html() const { return html_; }
  // The contents of <script type="application/ld+json"> elements (views into html).
  const std::vector<std::string_view>& json_ld() const { return json_ld_; }
  // True when nesting was flattened (kMaxNestingDepth).
  bool flattened() const { return flattened_; }
  // Size of the buffer gumbo parsed (offsets of the parse are below it).
  uint32_t parsed_size() const { return static_cast<uint32_t>(source_.size()); }

  ParsedHtml(const ParsedHtml&) = delete;
  ParsedHtml& operator=(const ParsedHtml&) = delete;
  ~ParsedHtml();

 private:
  friend class TextEmitter;
  ParsedHtml() = default;

  std::string_view html_;
  std::string compact_;       // html minus the cuts (empty when nothing was cut)
  std::string_view source_;   // html_ or compact_: what parse offsets refer to
  std::string patched_;       // source_ with CDATA sections disarmed, when needed
  std::string_view parsed_;   // source_ or patched_: the buffer gumbo parsed
  OffsetMap source_to_html_;  // when compact_ is used
  std::vector<std::string_view> json_ld_;
  bool flattened_ = false;
  GumboHeap heap_;
  GumboOutput* output_ = nullptr;
};

// ---- What an element does to the text ---------------------------------------

enum class Role {
  kInline,  // its text flows with the surrounding text
  kDrop,    // it and everything inside it is not visible body text
  kBlock,   // starts and ends a block: "\n\n"
  kPre,     // a block whose white space is kept
  kRow,     // table row: "\n"
  kCell,    // table cell: cells of a row are separated by a space
  kBreak,   // <br>: "\n"
};

// The role of a tag for the visible text of a page (ExtractHtmlText).
Role RoleOf(GumboTag tag);
// RoleOf, plus <dialog> and hidden elements dropped.
Role ElementRole(const GumboElement& e);
// hidden, aria-hidden=true, style display:none / visibility:hidden.
bool IsHidden(const GumboElement& e);
// The name of a tag gumbo does not know, from its original text "<name ...>".
std::string_view UnknownTagName(const GumboElement& e);
// An attribute's value, or empty.
std::string_view Attribute(const GumboElement& e, std::string_view name);
// The text of an element's text children, white space collapsed (<title>).
std::string ChildText(const GumboElement& e);

// `s` with every byte that does not start a valid UTF-8 sequence replaced by
// U+FFFD (gumbo decodes an overflowing numeric reference to a stray byte).
std::string RepairedUtf8(std::string_view s);
// The parse offsets of an element's start and end tags, clamped.
uint32_t StartOf(const ParsedHtml& page, const GumboElement& e);
uint32_t EndOf(const ParsedHtml& page, const GumboElement& e);

// ---- Emission ----------------------------------------------------------------

// Receives the page's text nodes and block boundaries in document order and
// writes the text: white space collapsed (outside <pre>), blocks separated by
// "\n\n" (rows by "\n"), no leading or trailing white space, character
// references decoded, with a map from every byte back into the page.
class TextEmitter {
 public:
  explicit TextEmitter(const ParsedHtml& page);
  ~TextEmitter();
  TextEmitter(const TextEmitter&) = delete;
  TextEmitter& operator=(const TextEmitter&) = delete;

  // A text, white-space or CDATA node; `pre`: inside <pre>.
  void Text(const GumboText& t, bool pre);
  // A block boundary at parse offset `pos`: level 2 is "\n\n", level 1 "\n".
  void Block(int level, uint32_t pos);
  // <br>: "\n", two in a row make a blank line.
  void LineBreak(uint32_t pos);
  // The end of a table cell: a space before the next cell's text.
  void CellGap(uint32_t pos);

  // The text and its map into the original html.
  void Finish(std::string* text, OffsetMap* map) &&;

 private:
  class Impl;
  const ParsedHtml& page_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier::html

#endif  // DOSSIER_INGEST_HTML_DOM_H_
