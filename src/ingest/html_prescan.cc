// The pre-scan (html_prescan.h): cuts and flattening.
#include "ingest/html_prescan.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/html_dom.h"
#include "util/strings.h"

namespace dossier::html {
namespace {

bool IsTagNameChar(char c) { return !IsHtmlSpace(c) && c != '/' && c != '>' && c != '\0'; }

// The first "</name" (any case) at or after `pos` that ends the name, or npos.
size_t FindEndTag(std::string_view s, size_t pos, std::string_view name) {
  while (true) {
    const size_t lt = s.find("</", pos);
    if (lt == std::string_view::npos) return lt;
    const size_t k = lt + 2 + name.size();
    if (k <= s.size() && EqualsIgnoreAsciiCase(s.substr(lt + 2, name.size()), name) &&
        (k == s.size() || !IsTagNameChar(s[k]))) {
      return lt;
    }
    pos = lt + 2;
  }
}

// The '>' closing the tag whose attributes start at `pos` (quoted attribute
// values may hold '>'), or npos.
size_t TagEnd(std::string_view s, size_t pos) {
  size_t k = pos;
  while (k < s.size()) {
    const char c = s[k];
    if (c == '>') return k;
    ++k;
    if (c == '=') {
      while (k < s.size() && IsHtmlSpace(s[k])) ++k;
      if (k < s.size() && (s[k] == '"' || s[k] == '\'')) {
        const size_t q = s.find(s[k], k + 1);
        if (q == std::string_view::npos) return q;
        k = q + 1;
      }
    }
  }
  return std::string_view::npos;
}

// Attributes the extractors read; the others are cut before parsing.
bool IsReadAttribute(std::string_view name, bool link) {
  switch (name.size()) {
    case 2:
      return EqualsIgnoreAsciiCase(name, "id");
    case 3:
      return EqualsIgnoreAsciiCase(name, "rel");
    case 4:
      return EqualsIgnoreAsciiCase(name, "role") || EqualsIgnoreAsciiCase(name, "lang") ||
             EqualsIgnoreAsciiCase(name, "name") || EqualsIgnoreAsciiCase(name, "type") ||
             (link && EqualsIgnoreAsciiCase(name, "href"));
    case 5:
      return EqualsIgnoreAsciiCase(name, "class") || EqualsIgnoreAsciiCase(name, "style");
    case 6:
      return EqualsIgnoreAsciiCase(name, "hidden");
    case 7:
      return EqualsIgnoreAsciiCase(name, "content") || EqualsIgnoreAsciiCase(name, "charset");
    case 8:
      return EqualsIgnoreAsciiCase(name, "itemprop") || EqualsIgnoreAsciiCase(name, "itemtype") ||
             EqualsIgnoreAsciiCase(name, "datetime") || EqualsIgnoreAsciiCase(name, "property") ||
             EqualsIgnoreAsciiCase(name, "encoding");
    case 10:
      return EqualsIgnoreAsciiCase(name, "http-equiv");
    case 11:
      return EqualsIgnoreAsciiCase(name, "aria-hidden");
    default:
      return false;
  }
}

// Walks the attributes of the start tag whose attributes begin at `pos` and
// adds the ranges of those nothing reads to `cuts` (keeping one white-space
// byte before each, so neighbours stay apart).
void ScanAttributes(std::string_view s, size_t pos, bool link,
                    std::vector<std::pair<size_t, size_t>>* cuts) {
  size_t k = pos;
  const size_t n = s.size();
  while (k < n) {
    const size_t space = k;
    while (k < n && (IsHtmlSpace(s[k]) || s[k] == '/')) ++k;
    if (k >= n || s[k] == '>') return;
    const size_t name_begin = k++;
    while (k < n && !IsHtmlSpace(s[k]) && s[k] != '/' && s[k] != '>' && s[k] != '=') ++k;
    const size_t name_end = k;
    size_t end = name_end;
    size_t j = name_end;
    while (j < n && IsHtmlSpace(s[j])) ++j;
    if (j < n && s[j] == '=') {
      ++j;
      while (j < n && IsHtmlSpace(s[j])) ++j;
      if (j < n && (s[j] == '"' || s[j] == '\'')) {
        const size_t q = s.find(s[j], j + 1);
        if (q == std::string_view::npos) return;
        end = q + 1;
      } else {
        while (j < n && !IsHtmlSpace(s[j]) && s[j] != '>') ++j;
        end = j;
      }
    }
    k = end;
    if (!IsReadAttribute(s.substr(name_begin, name_end - name_begin), link)) {
      cuts->emplace_back(name_begin > space ? space + 1 : name_begin, end);
    }
  }
}

bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (EqualsIgnoreAsciiCase(name, n)) return true;
  }
  return false;
}

bool IsVoidElement(std::string_view name) {
  return IsOneOf(name, {"area",   "base",     "br",      "col",   "embed",  "hr",     "img",
                        "input",  "link",     "meta",    "param", "source", "track",  "wbr",
                        "keygen", "basefont", "bgsound", "frame", "image",  "command"});
}

// Start tags that close an open element of the same kind: <li> after
// <li>, <td> after <td>.
bool ClosesSameKind(std::string_view name) {
  return IsOneOf(name, {"p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
                        "tbody", "tfoot", "rt", "rp", "rb", "a"});
}

bool SameKind(std::string_view open, std::string_view name) {
  if (EqualsIgnoreAsciiCase(open, name)) return true;
  auto either = [&](std::string_view x, std::string_view y) {
    return (EqualsIgnoreAsciiCase(open, x) || EqualsIgnoreAsciiCase(open, y)) &&
           (EqualsIgnoreAsciiCase(name, x) || EqualsIgnoreAsciiCase(name, y));
  };
  return either("dt", "dd") || either("td", "th");
}

// Open elements a start tag of kind `name` may close through to reach an
// open one of its own kind. Anything else stops the search, so the depth
// estimate errs high, never low (<li> inside <ul> inside <li> nests).
bool ClosesThrough(std::string_view open, std::string_view name) {
  if (IsOneOf(open, {"a", "b", "i", "em", "strong", "span", "font", "u", "small", "big", "s",
                     "code", "sup", "sub"})) {
    return true;
  }
  if (EqualsIgnoreAsciiCase(name, "tr")) return IsOneOf(open, {"td", "th"});
  if (IsOneOf(name, {"thead", "tbody", "tfoot"})) return IsOneOf(open, {"tr", "td", "th"});
  return false;
}

// Start tags that close an open <p>.
bool ClosesParagraph(std::string_view name) {
  return IsOneOf(
      name,
      {"div",     "p",          "ul",     "ol",      "dl",      "h1",         "h2",      "h3",
       "h4",      "h5",         "h6",     "section", "article", "aside",      "header",  "footer",
       "nav",     "blockquote", "pre",    "form",    "figure",  "main",       "address", "fieldset",
       "details", "menu",       "hgroup", "center",  "listing", "figcaption", "dialog",  "search"});
}

// Elements whose start or end separates lines of text: a flattened one
// becomes a <br> so the text on either side does not run together.
bool BreaksLine(std::string_view name) {
  return ClosesParagraph(name) ||
         IsOneOf(name, {"br", "li", "dd", "dt", "table", "caption", "thead", "tbody", "tfoot", "tr",
                        "td", "th", "hr", "option"});
}

// One linear pass over the page that finds what gumbo need not see
// (scripts, styles, SVG images, comments) and the tags nested deeper than
// kMaxNestingDepth. A simplified tokenizer: attribute quoting, raw-text
// elements and comments are honoured; the tree is approximated by a stack
// of tag names with the common implied end tags.
class PageScanner {
 public:
  explicit PageScanner(std::string_view s) : s_(s) {}

  Prescan Run() {
    size_t pos = 0;
    while (pos < s_.size()) {
      const size_t lt = s_.find('<', pos);
      if (lt == std::string_view::npos || lt + 1 >= s_.size()) break;
      pos = Tag(lt);
    }
    return std::move(out_);
  }

 private:
  static constexpr size_t kStop = std::string_view::npos;

  void Cut(size_t b, size_t e, bool line_break = false) {
    if (e <= b) return;
    if (!out_.cuts.empty() && out_.cuts.back().end == b) {
      out_.cuts.back().end = static_cast<uint32_t>(e);
      out_.cuts.back().line_break = out_.cuts.back().line_break || line_break;
    } else {
      out_.cuts.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), line_break});
    }
  }

  // The markup at `lt` ('<'); returns where to go on, or kStop.
  size_t Tag(size_t lt) {
    const char c = s_[lt + 1];
    if (c == '!' && s_.compare(lt, 4, "<!--") == 0) {
      const size_t end = CommentEnd(lt);
      Cut(lt, end);
      return end;
    }
    if (c == '!' || c == '?') {  // doctype, bogus comment, CDATA, processing instruction
      const size_t gt = s_.find('>', lt + 2);
      return gt == std::string_view::npos ? s_.size() : gt + 1;
    }
    const bool end_tag = c == '/';
    const size_t name_begin = lt + (end_tag ? 2 : 1);
    if (name_begin >= s_.size() || !IsAsciiAlpha(s_[name_begin])) return lt + 1;  // a literal '<'
    size_t name_end = name_begin;
    while (name_end < s_.size() && IsTagNameChar(s_[name_end])) ++name_end;
    const std::string_view name = s_.substr(name_begin, name_end - name_begin);
    const size_t gt = TagEnd(s_, name_end);
    if (gt == std::string_view::npos) return kStop;  // an unfinished tag ends the page
    return end_tag ? EndTag(name, lt, gt + 1) : StartTag(name, lt, name_end, gt);
  }

  // "<!-->" and "<!--->" are closed comments; else up to "-->" or "--!>".
  size_t CommentEnd(size_t lt) const {
    if (s_.compare(lt + 4, 1, ">") == 0) return lt + 5;
    if (s_.compare(lt + 4, 2, "->") == 0) return lt + 6;
    for (size_t k = s_.find("--", lt + 4); k != std::string_view::npos; k = s_.find("--", k + 1)) {
      if (s_.compare(k + 2, 1, ">") == 0) return k + 3;
      if (s_.compare(k + 2, 2, "!>") == 0) return k + 4;
    }
    return s_.size();
  }

  size_t EndTag(std::string_view name, size_t lt, size_t after) {
    if (EqualsIgnoreAsciiCase(name, "math") && math_depth_ > 0) --math_depth_;
    auto p = std::find_if(pending_.rbegin(), pending_.rend(),
                          [name](const auto& e) { return EqualsIgnoreAsciiCase(e.first, name); });
    if (p != pending_.rend()) {
      Cut(lt, after, BreaksLine(name));
      if (--p->second == 0) pending_.erase(std::next(p).base());
      return after;
    }
    constexpr size_t kEndTagSearch = 32;
    for (size_t k = stack_.size(), n = 0; k > 0 && n < kEndTagSearch; --k, ++n) {
      if (EqualsIgnoreAsciiCase(stack_[k - 1], name)) {
        stack_.resize(k - 1);
        break;
      }
    }
    return after;
  }

  // A script or style element at `lt`, cut whole (its JSON-LD kept aside).
  size_t RawText(std::string_view name, size_t lt, size_t after) {
    const size_t close = FindEndTag(s_, after, name);
    if (close == std::string_view::npos) {
      Cut(lt, s_.size());
      return kStop;
    }
    size_t close_gt = TagEnd(s_, close + 2 + name.size());
    close_gt = close_gt == std::string_view::npos ? s_.size() : close_gt + 1;
    if (name.size() == 6) {
      const std::string_view tag = s_.substr(lt, after - lt);
      for (size_t k = 0; k + 7 <= tag.size(); ++k) {
        if (EqualsIgnoreAsciiCase(tag.substr(k, 7), "ld+json")) {
          out_.json_ld.push_back(s_.substr(after, close - after));
          break;
        }
      }
    }
    Cut(lt, close_gt);
    return close_gt;
  }

  // The end of the <svg> element whose start tag ends before `after`: up to
  // the matching </svg>, nested <svg> counted; npos when unclosed.
  size_t SvgEnd(size_t after) const {
    int depth = 1;
    size_t k = after;
    while (depth > 0) {
      const size_t next = s_.find('<', k);
      if (next == std::string_view::npos) break;
      const bool closing = s_.compare(next + 1, 1, "/") == 0;
      const size_t nb = next + (closing ? 2 : 1);
      if (s_.size() - nb >= 3 && EqualsIgnoreAsciiCase(s_.substr(nb, 3), "svg") &&
          (nb + 3 == s_.size() || !IsTagNameChar(s_[nb + 3]))) {
        const size_t g = TagEnd(s_, nb + 3);
        if (g == std::string_view::npos) break;
        if (closing) {
          --depth;
        } else if (s_[g - 1] != '/') {
          ++depth;
        }
        k = g + 1;
        if (depth == 0) return k;
      } else {
        k = next + 1;
      }
    }
    return std::string_view::npos;
  }

  size_t StartTag(std::string_view name, size_t lt, size_t name_end, size_t gt) {
    const size_t after = gt + 1;
    if (EqualsIgnoreAsciiCase(name, "script") || EqualsIgnoreAsciiCase(name, "style")) {
      return RawText(name, lt, after);
    }
    const bool self_closing = s_[gt - 1] == '/' && gt > name_end;
    if (EqualsIgnoreAsciiCase(name, "svg")) {
      const size_t end = self_closing ? after : SvgEnd(after);
      if (end != std::string_view::npos) {  // kept when unclosed
        Cut(lt, end);
        return end;
      }
    }
    // Attributes nothing reads are cut too (href, src, data-*...): gumbo
    // copies every attribute byte.
    attribute_cuts_.clear();
    ScanAttributes(s_, name_end, EqualsIgnoreAsciiCase(name, "link"), &attribute_cuts_);
    const bool raw = IsOneOf(name, {"title", "textarea", "xmp", "iframe", "noembed", "noframes"});
    size_t pos = after;
    if (raw) {
      KeepAttributes();
      const size_t close = FindEndTag(s_, after, name);
      if (close == std::string_view::npos) return kStop;
      pos = close;
    } else if (EqualsIgnoreAsciiCase(name, "plaintext")) {
      KeepAttributes();
      return kStop;
    }
    if (IsVoidElement(name) || (self_closing && math_depth_ > 0)) {
      KeepAttributes();
      return pos;
    }
    if (EqualsIgnoreAsciiCase(name, "math")) ++math_depth_;
    ImpliedEnds(name);
    if (stack_.size() >= static_cast<size_t>(kMaxNestingDepth)) {
      Flatten(name, lt, after);
      return pos;
    }
    if (!raw) KeepAttributes();
    stack_.push_back(name);
    return pos;
  }

  // Cuts the attributes of the current tag that nothing reads.
  void KeepAttributes() {
    for (const auto& [b, e] : attribute_cuts_) Cut(b, e);
  }

  // The approximate tree's implied end tags before a `name` start tag.
  void ImpliedEnds(std::string_view name) {
    if (!stack_.empty() && EqualsIgnoreAsciiCase(stack_.back(), "p") && ClosesParagraph(name)) {
      stack_.pop_back();
    }
    if (!ClosesSameKind(name)) return;
    constexpr size_t kSiblingSearch = 4;
    for (size_t k = stack_.size(), n = 0; k > 0 && n < kSiblingSearch; --k, ++n) {
      if (SameKind(stack_[k - 1], name)) {
        stack_.resize(k - 1);
        break;
      }
      if (!ClosesThrough(stack_[k - 1], name)) break;
    }
  }

  // A start tag past the depth limit: cut, its end tag awaited.
  void Flatten(std::string_view name, size_t lt, size_t after) {
    Cut(lt, after, BreaksLine(name));
    out_.flattened = true;
    auto p = std::find_if(pending_.begin(), pending_.end(),
                          [name](const auto& e) { return EqualsIgnoreAsciiCase(e.first, name); });
    if (p == pending_.end()) {
      pending_.emplace_back(name, 1);
    } else {
      ++p->second;
    }
  }

  std::string_view s_;
  Prescan out_;
  std::vector<std::string_view> stack_;
  std::vector<std::pair<std::string_view, uint32_t>> pending_;  // flattened tags awaiting their end
  int math_depth_ = 0;
  std::vector<std::pair<size_t, size_t>> attribute_cuts_;
};

}  // namespace

Prescan ScanPage(std::string_view s) { return PageScanner(s).Run(); }

}  // namespace dossier::html
