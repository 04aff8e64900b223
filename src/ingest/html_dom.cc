#include "ingest/html_dom.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/html_prescan.h"
#include "util/strings.h"
#include "util/text_builder.h"
#include "util/utf8.h"

namespace dossier::html {
namespace {

// ---- Emitter: white-space collapsing and block separators -------------------

// Receives the decoded text of the page piece by piece, each piece with the
// original range it stands for, and writes the output text: white space
// collapsed (outside <pre>), block separators inserted, no leading or
// trailing white space.
class Emitter {
 public:
  explicit Emitter(std::string_view html) : html_(html) {}

  // `bytes` stand for html[ob, oe). `copy`: bytes == html[ob, oe).
  void Text(std::string_view bytes, uint32_t ob, uint32_t oe, bool copy, bool pre) {
    size_t k = 0;
    while (k < bytes.size()) {
      size_t start = k;
      if (IsHtmlSpace(bytes[k])) {
        while (k < bytes.size() && IsHtmlSpace(bytes[k])) ++k;
        if (copy) {
          Space(bytes.substr(start, k - start), ob + static_cast<uint32_t>(start),
                ob + static_cast<uint32_t>(k), true, pre);
        } else {
          Space(bytes.substr(start, k - start), ob, oe, false, pre);
        }
        continue;
      }
      while (k < bytes.size() && !IsHtmlSpace(bytes[k])) ++k;
      Flush(pre);
      if (copy) {
        out_.Copy(html_, ob + static_cast<uint32_t>(start), ob + static_cast<uint32_t>(k));
      } else {
        out_.Replace(bytes.substr(start, k - start), ob, oe);
      }
    }
  }

  // A block boundary at html offset `pos`: level 2 is "\n\n", level 1 "\n".
  void Block(int level, uint32_t pos) {
    if (pending_break_ == 0) break_pos_ = pos;
    pending_break_ = std::max(pending_break_, level);
    ClearSpace();
  }

  // <br>: one "\n", two in a row make a blank line.
  void LineBreak(uint32_t pos) {
    if (pending_break_ == 0) break_pos_ = pos;
    pending_break_ = std::min(2, pending_break_ + 1);
    ClearSpace();
  }

  // The end of a table cell: a space before the next cell's text.
  void CellGap(uint32_t pos) {
    if (pending_break_ != 0 || has_space_) return;
    has_space_ = true;
    space_begin_ = space_end_ = pos;
    space_is_one_copied_space_ = false;
  }

  void Finish(std::string* text, OffsetMap* map) && { std::move(out_).Finish(text, map); }

 private:
  struct PreSpace {
    char c;
    uint32_t ob, oe;
    bool copy;
  };

  void Space(std::string_view bytes, uint32_t ob, uint32_t oe, bool copy, bool pre) {
    if (out_.size() == 0) return;  // no leading white space
    if (!has_space_) {
      has_space_ = true;
      space_begin_ = ob;
      space_end_ = oe;
      space_is_one_copied_space_ = copy && bytes == " ";
    } else if (ob == space_end_ && oe > space_end_) {
      space_end_ = oe;
      space_is_one_copied_space_ = false;
    }
    if (pre) {
      for (size_t k = 0; k < bytes.size(); ++k) {
        uint32_t b = copy ? ob + static_cast<uint32_t>(k) : ob;
        uint32_t e = copy ? b + 1 : oe;
        pre_space_.push_back({bytes[k], b, e, copy});
      }
    }
  }

  void ClearSpace() {
    has_space_ = false;
    pre_space_.clear();
  }

  // Writes what is pending before the next non-white-space text.
  void Flush(bool pre) {
    if (out_.size() == 0) {
      pending_break_ = 0;
      ClearSpace();
      return;
    }
    if (pending_break_ != 0) {
      out_.Replace(pending_break_ == 2 ? std::string_view("\n\n") : std::string_view("\n"),
                   break_pos_, break_pos_);
      pending_break_ = 0;
      if (pre) {
        // Keep the indentation of the block's first line.
        size_t from = pre_space_.size();
        while (from > 0 && pre_space_[from - 1].c != '\n' && pre_space_[from - 1].c != '\r') {
          --from;
        }
        EmitPreSpace(from);
      }
    } else if (has_space_) {
      if (pre && !pre_space_.empty()) {
        EmitPreSpace(0);
      } else if (space_is_one_copied_space_) {
        out_.Copy(html_, space_begin_, space_begin_ + 1);
      } else {
        out_.Replace(" ", space_begin_, space_end_);
      }
    }
    ClearSpace();
  }

  void EmitPreSpace(size_t from) {
    for (size_t k = from; k < pre_space_.size(); ++k) {
      const PreSpace& s = pre_space_[k];
      if (s.copy) {
        out_.Copy(html_, s.ob, s.oe);
      } else {
        out_.Replace(std::string_view(&s.c, 1), s.ob, s.oe);
      }
    }
  }

  std::string_view html_;
  TextBuilder out_;
  int pending_break_ = 0;
  uint32_t break_pos_ = 0;
  bool has_space_ = false;
  uint32_t space_begin_ = 0;
  uint32_t space_end_ = 0;
  bool space_is_one_copied_space_ = false;
  std::vector<PreSpace> pre_space_;
};

// ---- Aligning a text node's decoded text with its original bytes -----------

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

bool IsHexDigit(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Byte length of `count` code points at s[pos]; 0 when s holds fewer.
size_t CodePointsLength(std::string_view s, size_t pos, int count) {
  size_t k = pos;
  for (int n = 0; n < count; ++n) {
    if (k >= s.size()) return 0;
    ++k;
    while (k < s.size() && IsUtf8Continuation(s[k])) ++k;
  }
  return k - pos;
}

// Original bytes where gumbo's decoded text may legitimately differ from a
// byte-for-byte copy: the start of a reference, a tag merged into the text
// node, a carriage return, a NUL.
bool IsDivergencePoint(char c) { return c == '&' || c == '<' || c == '\r' || c == '\0'; }

constexpr int kNoAgreement = -1;
constexpr int kFullAgreement = 1000;

// How well d[i..] and o[j..] agree: kFullAgreement when they match for a
// few bytes or both end together, kNoAgreement when they differ, otherwise
// the number of bytes that match before o reaches a point where they may
// legitimately diverge.
int Agreement(std::string_view d, size_t i, std::string_view o, size_t j) {
  constexpr int kBytes = 8;
  for (int n = 0; n < kBytes; ++n, ++i, ++j) {
    if (j == o.size()) return i == d.size() ? kFullAgreement : kNoAgreement;
    if (IsDivergencePoint(o[j])) return n;
    if (i == d.size() || d[i] != o[j]) return kNoAgreement;
  }
  return kFullAgreement;
}

bool Agree(std::string_view d, size_t i, std::string_view o, size_t j) {
  return Agreement(d, i, o, j) != kNoAgreement;
}

// True when the code point at s[pos] can be the second one of a named
// reference that stands for two (a combining mark, a variation selector,
// U+200A in "&ThickSpace;", the j of "&fjlig;").
bool CanBeSecondCodePoint(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  char32_t cp = DecodeUtf8(s, &pos);
  return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x200A || cp == 'j';
}

// The character references that may be used without ';' (HTML standard,
// "named character references"; at most 6 letters).
bool IsLegacyReference(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "AElig",  "AMP",    "Aacute", "Acirc",  "Agrave", "Aring",  "Atilde", "Auml",   "COPY",
      "Ccedil", "ETH",    "Eacute", "Ecirc",  "Egrave", "Euml",   "GT",     "Iacute", "Icirc",
      "Igrave", "Iuml",   "LT",     "Ntilde", "Oacute", "Ocirc",  "Ograve", "Oslash", "Otilde",
      "Ouml",   "QUOT",   "REG",    "THORN",  "Uacute", "Ucirc",  "Ugrave", "Uuml",   "Yacute",
      "aacute", "acirc",  "acute",  "aelig",  "agrave", "amp",    "aring",  "atilde", "auml",
      "brvbar", "ccedil", "cedil",  "cent",   "copy",   "curren", "deg",    "divide", "eacute",
      "ecirc",  "egrave", "eth",    "euml",   "frac12", "frac14", "frac34", "gt",     "iacute",
      "icirc",  "iexcl",  "igrave", "iquest", "iuml",   "laquo",  "lt",     "macr",   "micro",
      "middot", "nbsp",   "not",    "ntilde", "oacute", "ocirc",  "ograve", "ordf",   "ordm",
      "oslash", "otilde", "ouml",   "para",   "plusmn", "pound",  "quot",   "raquo",  "reg",
      "sect",   "shy",    "sup1",   "sup2",   "sup3",   "szlig",  "thorn",  "times",  "uacute",
      "ucirc",  "ugrave", "uml",    "uuml",   "yacute", "yen",    "yuml"};
  for (std::string_view n : kNames) {
    if (n == name) return true;
  }
  return false;
}

// Walks a text node's decoded text `d` and its original bytes `o` (which
// start at html offset `base`) together, and sends aligned pieces to `out`:
// equal bytes as copies, each character reference as a replacement, and
// whatever gumbo changed otherwise (CR LF, NUL, a tag merged into the node)
// as small replacements found by resynchronizing. Linear in |d| + |o|.
class Aligner {
 public:
  Aligner(std::string_view d, std::string_view o, uint32_t base, bool pre, Emitter* out)
      : d_(d), o_(o), base_(base), pre_(pre), out_(out) {}

  void Run() {
    while (i_ < d_.size() && j_ < o_.size()) {
      char oc = o_[j_];
      if (oc == '&') {
        Reference();
      } else if (d_[i_] == oc) {
        ++i_;
        ++j_;
      } else if (oc == '\r' && d_[i_] == '\n') {
        size_t len = (j_ + 1 < o_.size() && o_[j_ + 1] == '\n') ? 2 : 1;
        Replace(1, len);
      } else if (!Resync()) {
        break;
      }
    }
    if (i_ < d_.size()) {
      Replace(d_.size() - i_, o_.size() - j_);
    } else {
      FlushCopy();
    }
  }

 private:
  struct Candidate {
    size_t orig_len;
    int code_points;
  };

  void FlushCopy() {
    if (i_ > copy_i_) {
      out_->Text(d_.substr(copy_i_, i_ - copy_i_), Orig(copy_j_), Orig(j_), true, pre_);
    }
    copy_i_ = i_;
    copy_j_ = j_;
  }

  // d[i, i+dn) stands for o[j, j+on).
  void Replace(size_t dn, size_t on) {
    FlushCopy();
    if (dn > 0) out_->Text(d_.substr(i_, dn), Orig(j_), Orig(j_ + on), false, pre_);
    i_ += dn;
    j_ += on;
    copy_i_ = i_;
    copy_j_ = j_;
  }

  uint32_t Orig(size_t j) const { return base_ + static_cast<uint32_t>(j); }

  // o[j] == '&': a character reference, or a literal '&'.
  void Reference() {
    Candidate candidates[12];
    int n = 0;
    size_t k = j_ + 1;
    if (k < o_.size() && o_[k] == '#') {
      ++k;
      bool hex = k < o_.size() && (o_[k] == 'x' || o_[k] == 'X');
      if (hex) ++k;
      size_t digits = k;
      while (k < o_.size() && (hex ? IsHexDigit(o_[k]) : IsAsciiDigit(o_[k]))) ++k;
      if (k > digits) {
        if (k < o_.size() && o_[k] == ';') ++k;
        candidates[n++] = {k - j_, 1};
      }
    } else {
      constexpr size_t kMaxName = 40;  // the longest reference name is 31 bytes
      while (k < o_.size() && k - j_ - 1 < kMaxName && IsAsciiAlnum(o_[k])) ++k;
      std::string_view name = o_.substr(j_ + 1, k - j_ - 1);
      if (!name.empty() && k < o_.size() && o_[k] == ';') {
        if (CanBeSecondCodePoint(d_, i_ + CodePointsLength(d_, i_, 1))) {
          candidates[n++] = {k + 1 - j_, 2};
        }
        candidates[n++] = {k + 1 - j_, 1};
      }
      for (size_t len = std::min<size_t>(name.size(), 6); len >= 2; --len) {
        if (IsLegacyReference(name.substr(0, len))) candidates[n++] = {len + 1, 1};
      }
    }
    // The best agreeing reading wins; on a tie, the first listed.
    int best = -1;
    int best_score = kNoAgreement;
    size_t best_dn = 0;
    for (int c = 0; c < n; ++c) {
      size_t dn = CodePointsLength(d_, i_, candidates[c].code_points);
      if (dn == 0) continue;
      int score = Agreement(d_, i_ + dn, o_, j_ + candidates[c].orig_len);
      if (score > best_score) {
        best = c;
        best_score = score;
        best_dn = dn;
      }
    }
    const int literal_score = d_[i_] == '&' ? Agreement(d_, i_ + 1, o_, j_ + 1) : kNoAgreement;
    if (best >= 0 && best_score >= literal_score) {
      Replace(best_dn, candidates[best].orig_len);
      return;
    }
    if (d_[i_] == '&') {  // a literal '&'
      ++i_;
      ++j_;
      return;
    }
    if (n > 0) {
      Replace(CodePointsLength(d_, i_, candidates[0].code_points), candidates[0].orig_len);
      return;
    }
    if (!Resync()) Replace(d_.size() - i_, o_.size() - j_);
  }

  // d[i] != o[j]: finds the nearest (a, b) where d[i+a..] and o[j+b..] agree
  // again, and maps d[i, i+a) to o[j, j+b). False when there is none nearby.
  bool Resync() {
    // A tag merged into the text node (gumbo ignored it): skip it whole.
    if (o_[j_] == '<') {
      size_t gt = o_.find('>', j_);
      if (gt != std::string_view::npos && Agree(d_, i_, o_, gt + 1)) {
        Replace(0, gt + 1 - j_);
        return true;
      }
    }
    constexpr size_t kMaxDecodedSkip = 8;
    constexpr size_t kMaxOriginalSkip = 256;
    for (size_t total = 1; total <= kMaxDecodedSkip + kMaxOriginalSkip; ++total) {
      for (size_t a = 0; a <= std::min(total, kMaxDecodedSkip); ++a) {
        size_t b = total - a;
        if (b > kMaxOriginalSkip || i_ + a > d_.size() || j_ + b > o_.size()) continue;
        if (i_ + a < d_.size() && IsUtf8Continuation(d_[i_ + a])) continue;
        if (Agree(d_, i_ + a, o_, j_ + b)) {
          Replace(a, b);
          return true;
        }
      }
    }
    return false;
  }

  std::string_view d_;
  std::string_view o_;
  uint32_t base_;
  bool pre_;
  Emitter* out_;
  size_t i_ = 0;  // in d_
  size_t j_ = 0;  // in o_
  size_t copy_i_ = 0;
  size_t copy_j_ = 0;
};

// `parsed` is the buffer gumbo parsed: `html` itself or a same-size copy.
void EmitTextNode(std::string_view html, std::string_view parsed, const GumboText& t, bool pre,
                  Emitter* out) {
  std::string_view decoded(t.text == nullptr ? "" : t.text);
  if (decoded.empty()) return;
  std::string repaired;
  if (!IsValidUtf8(decoded)) {
    repaired = RepairedUtf8(decoded);
    decoded = repaired;
  }
  const char* od = t.original_text.data;
  size_t on = t.original_text.length;
  if (od == nullptr || od < parsed.data() || on > parsed.size() ||
      static_cast<size_t>(od - parsed.data()) > parsed.size() - on) {
    // No original bytes in the input: insert the text at the node's position.
    uint32_t pos = static_cast<uint32_t>(std::min<size_t>(t.start_pos.offset, html.size()));
    out->Text(decoded, pos, pos, false, pre);
    return;
  }
  uint32_t base = static_cast<uint32_t>(od - parsed.data());
  std::string_view original = html.substr(base, on);
  if (decoded == original) {
    out->Text(decoded, base, base + static_cast<uint32_t>(on), true, pre);
    return;
  }
  Aligner(decoded, original, base, pre, out).Run();
}

// True when `style` (an inline style attribute) hides the element:
// "display: none" or "visibility: hidden", in any case and spacing.
bool StyleHides(std::string_view style) {
  auto value_is = [style](size_t k, std::string_view want) {
    while (k < style.size() && IsAsciiSpace(style[k])) ++k;
    if (k >= style.size() || style[k] != ':') return false;
    ++k;
    while (k < style.size() && IsAsciiSpace(style[k])) ++k;
    return style.size() - k >= want.size() &&
           EqualsIgnoreAsciiCase(style.substr(k, want.size()), want);
  };
  for (size_t k = 0; k < style.size(); ++k) {
    const char c = AsciiToLower(style[k]);
    if (c == 'd' && style.size() - k >= 7 && EqualsIgnoreAsciiCase(style.substr(k, 7), "display") &&
        value_is(k + 7, "none")) {
      return true;
    }
    if (c == 'v' && style.size() - k >= 10 &&
        EqualsIgnoreAsciiCase(style.substr(k, 10), "visibility") && value_is(k + 10, "hidden")) {
      return true;
    }
  }
  return false;
}

}  // namespace

// (html_dom.h) `s` with every byte that does not start a valid UTF-8 sequence replaced by
// U+FFFD. gumbo decodes a numeric reference that overflows its integer
// ("&#6666666666") to a stray byte.
std::string RepairedUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n > 0 && i + n <= s.size() && IsValidUtf8(s.substr(i, n))) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

Role RoleOf(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_MAP:
      return Role::kDrop;
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
      return Role::kBlock;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
      return Role::kPre;
    case GUMBO_TAG_TR:
      return Role::kRow;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return Role::kCell;
    case GUMBO_TAG_BR:
      return Role::kBreak;
    default:
      return Role::kInline;
  }
}

// The name of a tag gumbo does not know, from its original text "<name ...>".
std::string_view UnknownTagName(const GumboElement& e) {
  std::string_view t(e.original_tag.data == nullptr ? "" : e.original_tag.data,
                     e.original_tag.length);
  if (t.empty() || t[0] != '<') return {};
  size_t end = 1;
  while (end < t.size() && !IsAsciiSpace(t[end]) && t[end] != '/' && t[end] != '>') ++end;
  return t.substr(1, end - 1);
}

bool IsHidden(const GumboElement& e) {
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    std::string_view name(attr->name);
    std::string_view value(attr->value);
    if (name == "hidden") return true;
    if (name == "aria-hidden" && EqualsIgnoreAsciiCase(TrimWhitespace(value), "true")) return true;
    if (name == "style" && StyleHides(value)) return true;
  }
  return false;
}

Role ElementRole(const GumboElement& e) {
  if (e.tag == GUMBO_TAG_UNKNOWN && EqualsIgnoreAsciiCase(UnknownTagName(e), "dialog")) {
    return Role::kDrop;
  }
  Role role = RoleOf(e.tag);
  if (role != Role::kDrop && IsHidden(e)) return Role::kDrop;
  return role;
}

std::string_view Attribute(const GumboElement& e, std::string_view name) {
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    if (name == attr->name) return attr->value;
  }
  return {};
}

std::string ChildText(const GumboElement& e) {
  std::string raw;
  for (unsigned i = 0; i < e.children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(e.children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
      raw += child->v.text.text;
    }
  }
  return CollapseWhitespace(IsValidUtf8(raw) ? raw : RepairedUtf8(raw));
}

uint32_t StartOf(const ParsedHtml& page, const GumboElement& e) {
  return std::min(static_cast<uint32_t>(e.start_pos.offset), page.parsed_size());
}

uint32_t EndOf(const ParsedHtml& page, const GumboElement& e) {
  return std::min(static_cast<uint32_t>(e.end_pos.offset), page.parsed_size());
}

// ---- GumboHeap -----------------------------------------------------------------

GumboHeap::GumboHeap() { head_.prev = head_.next = &head_; }

GumboHeap::~GumboHeap() {
  Header* h = head_.next;
  while (h != &head_) {
    Header* next = h->next;
    std::free(h);
    h = next;
  }
}

void* GumboHeap::Allocate(void* userdata, size_t size) {
  auto* heap = static_cast<GumboHeap*>(userdata);
  auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + size));
  if (h == nullptr) return nullptr;
  h->prev = &heap->head_;
  h->next = heap->head_.next;
  heap->head_.next->prev = h;
  heap->head_.next = h;
  return h + 1;
}

void GumboHeap::Deallocate(void* /*userdata*/, void* ptr) {
  if (ptr == nullptr) return;
  Header* h = static_cast<Header*>(ptr) - 1;
  h->prev->next = h->next;
  h->next->prev = h->prev;
  std::free(h);
}

// ---- ParsedHtml ------------------------------------------------------------------

ParsedHtml::~ParsedHtml() = default;  // heap_ frees the parse

Result<std::unique_ptr<ParsedHtml>> ParsedHtml::Parse(std::string_view html) {
  if (html.size() > std::numeric_limits<uint32_t>::max()) {
    return Status(StatusCode::kResourceExhausted, "HTML input larger than 4 GiB");
  }
  std::unique_ptr<ParsedHtml> page(new ParsedHtml());
  page->html_ = html;
  page->source_ = html;
  Prescan scan = ScanPage(html);
  page->json_ld_ = std::move(scan.json_ld);
  page->flattened_ = scan.flattened;
  if (!scan.cuts.empty()) {
    size_t kept = html.size();
    for (const Prescan::Cut& c : scan.cuts) kept -= c.end - c.begin;
    page->compact_.reserve(kept);
    uint32_t from = 0;
    auto keep = [&](uint32_t b, uint32_t e) {
      if (e <= b) return;
      page->source_to_html_.AppendRun({0, b, e, true}, e - b);
      page->compact_.append(html.data() + b, e - b);
    };
    for (const Prescan::Cut& c : scan.cuts) {
      keep(from, c.begin);
      if (c.line_break) {
        constexpr std::string_view kBreak = "<br>";
        page->source_to_html_.AppendRun({0, c.begin, c.end, false}, kBreak.size());
        page->compact_.append(kBreak);
      }
      from = c.end;
    }
    keep(from, static_cast<uint32_t>(html.size()));
    page->source_ = page->compact_;
  }
  // gumbo 0.10.1 fails an assert() (and aborts) on a CDATA section inside
  // a MathML or SVG integration point inside a table. Outside foreign
  // content "<![CDATA[" is a bogus comment anyway; inside it, turning it into
  // one ("<!-CDATA[", same length, so offsets hold) loses that CDATA text.
  page->parsed_ = page->source_;
  constexpr std::string_view kCdata = "<![CDATA[";
  const std::string_view source = page->source_;
  for (size_t at = source.find(kCdata); at != std::string_view::npos;
       at = source.find(kCdata, at + kCdata.size())) {
    if (page->patched_.empty()) page->patched_.assign(source);
    page->patched_[at + 2] = '-';
    page->parsed_ = page->patched_;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &GumboHeap::Allocate;
  options.deallocator = &GumboHeap::Deallocate;
  options.userdata = &page->heap_;
  options.max_errors = 0;  // parse errors are not used; recording them is O(depth) each
  page->output_ = gumbo_parse_with_options(&options, page->parsed_.data(), page->parsed_.size());
  if (page->output_ == nullptr || page->output_->document == nullptr) {
    return Status(StatusCode::kInternal, "the HTML parser returned no document");
  }
  return page;
}

// ---- TextEmitter -------------------------------------------------------------------

class TextEmitter::Impl {
 public:
  explicit Impl(std::string_view source) : emitter(source) {}
  Emitter emitter;
};

TextEmitter::TextEmitter(const ParsedHtml& page)
    : page_(page), impl_(std::make_unique<Impl>(page.source_)) {}

TextEmitter::~TextEmitter() = default;

void TextEmitter::Text(const GumboText& t, bool pre) {
  EmitTextNode(page_.source_, page_.parsed_, t, pre, &impl_->emitter);
}

void TextEmitter::Block(int level, uint32_t pos) { impl_->emitter.Block(level, pos); }
void TextEmitter::LineBreak(uint32_t pos) { impl_->emitter.LineBreak(pos); }
void TextEmitter::CellGap(uint32_t pos) { impl_->emitter.CellGap(pos); }

void TextEmitter::Finish(std::string* text, OffsetMap* map) && {
  OffsetMap to_source;
  std::move(impl_->emitter).Finish(text, &to_source);
  if (page_.source_.data() == page_.html_.data()) {
    *map = std::move(to_source);
  } else {
    *map = OffsetMap::Compose(to_source, page_.source_to_html_);
  }
}

}  // namespace dossier::html
