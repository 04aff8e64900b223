// Choosing the article (article_page.h): block classes (jusText,
// boilerpipe), the content root (readability) and the cleaning inside it.
#include <gumbo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/article_page.h"
#include "ingest/html_dom.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dossier::article_internal {
namespace {

// ---- Block classes (jusText, boilerpipe) ------------------------------------------------

// ---- Content root (readability) ------------------------------------------------------------

float LinkDensity(const Elem& e) {
  return e.chars == 0 ? 0.f : float(e.link_chars) / float(e.chars);
}

float ClassWeight(const Elem& e) {
  float w = 0;
  if (e.sig & kPositive) w += 25;
  if (e.sig & (kNegative | kComments)) w -= 25;
  if (e.sig & kBody) w += 50;
  if (e.sig & kArticleTag) w += 25;
  if (e.sig & kBoilerTag) w -= 25;
  return w;
}

float TagWeight(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

bool UnderPruned(const Page& page, int32_t i) { return i >= 0 && page.elems[i].pruned; }

std::string_view ClassAttr(const Elem& e) { return html::Attribute(e.element(), "class"); }

// ---- Cleaning inside the article ---------------------------------------------------------

// Readability's conditional cleaning of a container inside the article:
// true when it looks like a list of links, a gallery, a form or an embed.
bool LooksLikeClutter(const Elem& el) {
  const bool is_list = el.tag == GUMBO_TAG_UL || el.tag == GUMBO_TAG_OL;
  if (el.commas >= 10) return false;
  // Running text is not clutter, whatever surrounds it; nor is a quotation
  // (an embedded post).
  if (el.good_chars >= 100 && float(el.good_chars) >= 0.5f * float(el.chars)) return false;
  if (el.quote_chars >= 50 && float(el.quote_chars) >= 0.5f * float(el.chars)) return false;
  const float weight = ClassWeight(el);
  const float ld = LinkDensity(el);
  const float p = float(el.paragraphs);
  const float li = float(el.list_items) - 100;  // readability's allowance for lists
  const float heading_density = el.chars == 0 ? 0 : float(el.heading_chars) / float(el.chars);
  if (el.images > 1 && p / float(el.images) < 0.5f) return true;
  if (!is_list && li > p) return true;
  if (el.inputs > el.paragraphs / 3) return true;
  if (!is_list && heading_density < 0.9f && el.chars < 25 && (el.images == 0 || el.images > 2)) {
    return true;
  }
  if (!is_list && weight < 25 && ld > 0.2f) return true;
  if (weight >= 25 && ld > 0.5f) return true;
  if (is_list && ld > 0.35f && el.chars < 1000) return true;
  return false;
}

}  // namespace

// Short lines that are page furniture wherever they stand (Page::languages:
// "advertisement", "read more", "we use cookies"; "Teilen" as a whole line).
bool IsBoilerplateLine(const Page& page, std::string_view sample) {
  std::string folded;
  if (std::any_of(sample.begin(), sample.end(), [](char c) { return (c & 0x80) != 0; })) {
    folded = FoldForMatching(sample);
    sample = folded;
  }
  const std::string_view whole = TrimWhitespace(sample);
  for (const LanguageWords* f : page.languages) {
    for (const std::string& p : f->starts) {
      if (StartsWith(sample, p)) return true;
    }
    for (const std::string& w : f->wholes) {
      if (whole == w) return true;
    }
  }
  return false;
}

void ClassifyBlocks(Page* page) {
  for (Block& b : page->blocks) {
    const float ld = b.link_density();
    // A short line mostly of links is furniture; a sentence with a linked
    // term in it (common on German news pages) is not.
    const bool linked_sentence = b.ends_sentence && b.words >= 6 && ld < 0.34f;
    if (ld > 0.5f || (b.chars < 70 && ld > 0.2f && !linked_sentence)) {
      b.cls = BlockClass::kBad;
    } else if (b.chars < 100 && IsBoilerplateLine(*page, b.sample)) {
      b.cls = BlockClass::kBad;
    } else if (b.chars >= 200 || (b.chars >= 80 && b.stops + b.commas >= 2)) {
      b.cls = BlockClass::kGood;
    } else if (b.chars >= 40 && b.ends_sentence) {
      b.cls = BlockClass::kNearGood;
    } else {
      b.cls = BlockClass::kShort;
    }
  }
  // Good characters per element.
  std::vector<Elem>& elems = page->elems;
  for (const Block& b : page->blocks) {
    if (b.cls != BlockClass::kGood && b.cls != BlockClass::kNearGood) continue;
    elems[b.owner].good_chars += b.chars - b.link_chars;
  }
  for (size_t i = elems.size(); i-- > 0;) {
    if (elems[i].parent >= 0) elems[elems[i].parent].good_chars += elems[i].good_chars;
  }
}

// DOM distiller's schema.org hint: when the page's JSON-LD carries the
// article body, the paragraphs that begin like one of its first paragraphs
// mark their container as the body.
void MarkJsonLdBody(Page* page) {
  const std::string& body = page->meta.ld_body;
  if (body.size() < 200) return;
  constexpr size_t kPrefix = 48;
  std::vector<std::string> starts;
  size_t at = 0;
  while (at < body.size() && starts.size() < 3) {
    size_t end = body.find('\n', at);
    if (end == std::string::npos) end = body.size();
    std::string para = CollapseWhitespace(std::string_view(body).substr(at, end - at));
    for (char& c : para) c = AsciiToLower(c);
    if (para.size() >= kPrefix) starts.push_back(para.substr(0, kPrefix));
    at = end + 1;
  }
  for (const Block& b : page->blocks) {
    if (b.sample.size() < kPrefix || b.cls == BlockClass::kBad) continue;
    for (const std::string& start : starts) {
      if (b.sample.compare(0, kPrefix, start) == 0) {
        const int32_t container = page->elems[b.owner].parent;
        if (container >= 0) page->elems[container].sig |= kBody;
        break;
      }
    }
  }
}

// Marks furniture: elements whose class, id or tag says navigation,
// comments, sharing, related links, ads, sign-ups, captions, bylines, or
// invisible text. `strict`: all of them; otherwise only comments and
// invisible text (the retry when the strict pass finds too little).
void Prune(Page* page, bool strict) {
  uint32_t page_good = 0;
  for (const Elem& el : page->elems) {
    if (el.parent < 0) page_good += el.good_chars;
  }
  for (size_t i = 0; i < page->elems.size(); ++i) {
    Elem& el = page->elems[i];
    el.pruned = false;
    if (el.tag == GUMBO_TAG_BODY || el.tag == GUMBO_TAG_HTML) continue;
    if (el.parent >= 0 && page->elems[el.parent].pruned) {
      el.pruned = true;
      continue;
    }
    uint32_t furniture = kInvisible | kComments;
    if (strict) furniture |= kBoiler | kBoilerTag | kCaption | kByline;
    if ((el.sig & furniture) == 0) continue;
    if ((el.sig & furniture) == kComments && !IsCommentsSection(*page, static_cast<int32_t>(i)))
      continue;
    if ((el.sig & (kInvisible | kComments)) == 0) {
      // The body itself is never furniture, nor are its wrappers
      // ("container has-sidebar"): elements holding most of the page's text.
      if ((el.sig & (kBody | kArticleTag)) != 0) continue;
      if (el.good_chars > 0 && float(el.good_chars) >= 0.6f * float(page_good)) continue;
      // An embedded post ("social-embed") is a quotation, not a share widget.
      if (el.quote_chars >= 50 && float(el.quote_chars) >= 0.5f * float(el.chars)) continue;
    }
    el.pruned = true;
  }
}

// Readability's candidate scoring; returns the top candidate or -1.
int32_t ScoreCandidates(Page* page) {
  std::vector<Elem>& elems = page->elems;
  for (Elem& el : elems) {
    el.score = 0;
    el.candidate = false;
  }
  auto init = [&elems](int32_t i) {
    Elem& el = elems[i];
    if (el.candidate) return;
    el.candidate = true;
    // Class weights count for elements that hold text, not for a title's box.
    const float weight = ClassWeight(el);
    el.score = TagWeight(el.tag) + (weight > 0 && el.good_chars < 200 ? 0.f : weight);
  };
  for (const Block& b : page->blocks) {
    if (b.chars < 25 || UnderPruned(*page, b.first)) continue;
    if (b.cls == BlockClass::kBad || elems[b.owner].tag == GUMBO_TAG_H1) continue;
    const float s = 1.f + float(b.commas) + std::min(float(b.chars / 100), 3.f);
    // The block's paragraph: its owner, and the score goes to its ancestors.
    // Loose text in a container that holds more than this block is a
    // paragraph of its own inside the container (readability wraps such
    // runs in a <p>), so the container itself scores, as <body> does.
    const Elem& owner = elems[b.owner];
    const bool loose = b.chars < owner.chars && IsContainerTag(owner.tag);
    int32_t a = loose || owner.tag == GUMBO_TAG_BODY ? b.owner : owner.parent;
    for (int level = 0; level < 5 && a >= 0; ++level, a = elems[a].parent) {
      if (elems[a].tag == GUMBO_TAG_HTML) break;
      init(a);
      const float divider = level == 0 ? 1.f : level == 1 ? 2.f : float(level) * 3.f;
      elems[a].score += s / divider;
    }
  }
  int32_t top = -1;
  float best = 0;
  for (size_t i = 0; i < elems.size(); ++i) {
    Elem& el = elems[i];
    if (!el.candidate || el.pruned) continue;
    el.score *= 1.f - LinkDensity(el);
    if (top < 0 || el.score > best) {
      top = static_cast<int32_t>(i);
      best = el.score;
    }
  }
  return top;
}

// Readability's refinements of the top candidate: a common ancestor of
// several close candidates, a parent scoring higher, an only child's parent.
int32_t RefineTop(const Page& page, int32_t top) {
  const std::vector<Elem>& elems = page.elems;
  std::vector<int32_t> alternatives;
  {
    std::vector<std::pair<float, int32_t>> ranked;
    for (size_t i = 0; i < elems.size(); ++i) {
      if (elems[i].candidate && !elems[i].pruned && static_cast<int32_t>(i) != top) {
        ranked.emplace_back(elems[i].score, static_cast<int32_t>(i));
      }
    }
    const size_t n = std::min<size_t>(ranked.size(), 4);
    std::partial_sort(ranked.begin(), ranked.begin() + n, ranked.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t k = 0; k < n; ++k) {
      if (ranked[k].first >= 0.75f * elems[top].score) alternatives.push_back(ranked[k].second);
    }
  }
  if (alternatives.size() >= 3) {
    for (int32_t p = elems[top].parent; p >= 0 && elems[p].tag != GUMBO_TAG_BODY;
         p = elems[p].parent) {
      int containing = 0;
      for (int32_t a : alternatives) containing += Contains(page, p, a) ? 1 : 0;
      if (containing >= 3) {
        top = p;
        break;
      }
    }
  }
  {
    float last = elems[top].score;
    const float threshold = last / 3;
    for (int32_t p = elems[top].parent; p >= 0 && elems[p].tag != GUMBO_TAG_BODY;
         p = elems[p].parent) {
      if (!elems[p].candidate) continue;
      if (elems[p].score < threshold) break;
      if (elems[p].score > last) {
        top = p;
        break;
      }
      last = elems[p].score;
    }
  }
  while (elems[top].parent >= 0 && elems[elems[top].parent].tag != GUMBO_TAG_BODY &&
         elems[elems[top].parent].children == 1) {
    top = elems[top].parent;
  }
  return top;
}

// The top candidate and the siblings that belong with it (readability).
std::vector<int32_t> JoinSiblings(const Page& page, int32_t top) {
  const std::vector<Elem>& elems = page.elems;
  const int32_t parent = elems[top].parent;
  if (parent < 0) return {top};
  std::vector<int32_t> out;
  const float top_score = elems[top].score;
  const float threshold = std::max(10.f, top_score * 0.2f);
  const std::string_view top_class = ClassAttr(elems[top]);
  for (uint32_t i = static_cast<uint32_t>(parent) + 1; i < elems[parent].end; i = elems[i].end) {
    const int32_t s = static_cast<int32_t>(i);
    if (s == top) {
      out.push_back(s);
      continue;
    }
    const Elem& el = elems[s];
    if (el.pruned) continue;
    float bonus = 0;
    if (!top_class.empty() && ClassAttr(el) == top_class) bonus = top_score * 0.2f;
    bool append = el.candidate && el.score + bonus >= threshold;
    if (!append && el.tag == GUMBO_TAG_P) {
      const float ld = LinkDensity(el);
      if (el.chars > 80 && ld < 0.25f) append = true;
      if (el.chars > 0 && el.chars <= 80 && ld == 0 && el.good_chars > 0) append = true;
    }
    if (append) out.push_back(s);
  }
  return out;
}

// Article bodies split into several containers of one class between ads
// ("article__body", "StoryBodyCompanionColumn"): the other containers of
// the top candidate's tag and class that hold running text join it.
void JoinSameClass(const Page& page, int32_t top, std::vector<int32_t>* roots) {
  const std::vector<Elem>& elems = page.elems;
  const std::string_view top_class = ClassAttr(elems[top]);
  if (top_class.empty()) return;
  for (size_t i = 0; i < elems.size(); ++i) {
    const Elem& el = elems[i];
    if (!el.candidate || el.pruned || el.tag != elems[top].tag || el.good_chars < 100 ||
        el.score < 0.2f * elems[top].score || ClassAttr(el) != top_class) {
      continue;
    }
    bool overlaps = false;
    for (size_t r = 0; r < roots->size() && !overlaps; ++r) {
      const int32_t root = (*roots)[r];
      overlaps = Contains(page, root, static_cast<int32_t>(i)) ||
                 Contains(page, static_cast<int32_t>(i), root);
    }
    if (!overlaps) roots->push_back(static_cast<int32_t>(i));
  }
  std::sort(roots->begin(), roots->end());
}

// Decides, inside the chosen roots, which elements and blocks are kept.
void CleanArticle(Page* page, std::string_view title, Selection* sel) {
  // The headline, as block samples are written (lower case, spaces collapsed).
  std::string headline = CollapseWhitespace(title);
  for (char& c : headline) c = AsciiToLower(c);
  std::vector<Elem>& elems = page->elems;
  sel->drop.assign(elems.size(), 0);
  for (int32_t root : sel->roots) {
    for (uint32_t i = static_cast<uint32_t>(root) + 1; i < elems[root].end; ++i) {
      Elem& el = elems[i];
      if (sel->drop[el.parent]) {
        sel->drop[i] = 1;
        continue;
      }
      bool drop = el.pruned;
      if (!drop) {
        switch (el.tag) {
          case GUMBO_TAG_FORM:
          case GUMBO_TAG_FIELDSET:
          case GUMBO_TAG_TABLE:
          case GUMBO_TAG_UL:
          case GUMBO_TAG_OL:
          case GUMBO_TAG_DIV:
          case GUMBO_TAG_SECTION:
            drop = LooksLikeClutter(el);
            break;
          case GUMBO_TAG_H1:
            drop = true;  // the headline: metadata, not body text
            break;
          default:
            break;
        }
        if (!drop && IsHeadingTag(el.tag) && (ClassWeight(el) < 0 || LinkDensity(el) > 0.33f)) {
          drop = true;
        }
      }
      sel->drop[i] = drop ? 1 : 0;
    }
  }
  std::vector<Block>& blocks = page->blocks;
  // A block belongs to the article when its first text is inside a root and
  // its paragraph is not dropped (dropped inline parts are skipped when the
  // text is written).
  std::vector<uint8_t> in_root(blocks.size(), 0);
  for (size_t k = 0; k < blocks.size(); ++k) {
    const int32_t first = blocks[k].first;
    const int32_t owner = blocks[k].owner;
    for (int32_t root : sel->roots) {
      if (Contains(*page, root, first)) {
        in_root[k] = !sel->drop[Contains(*page, root, owner) ? owner : first];
        break;
      }
    }
  }
  // Kept: text, and short blocks among it (inside the article a short block
  // is a subheading, a list item, a cell), unless they are boilerplate.
  for (size_t k = 0; k < blocks.size(); ++k) {
    Block& b = blocks[k];
    b.keep = false;
    if (!in_root[k]) continue;
    if (IsHeadingTag(elems[b.owner].tag) && !headline.empty() &&
        TrimWhitespace(b.sample) == std::string_view(headline).substr(0, kSampleBytes)) {
      continue;  // the headline repeated in the body
    }
    switch (b.cls) {
      case BlockClass::kGood:
      case BlockClass::kNearGood:
        b.keep = true;
        break;
      case BlockClass::kShort:
        b.keep = !IsBoilerplateLine(*page, b.sample);
        break;
      case BlockClass::kBad:
        // Link-heavy lines of a quotation (an embedded post's attribution) stay.
        b.keep = elems[b.first].in_quote && b.link_density() < 0.6f;
        break;
    }
  }
}

bool IsCommentsSection(const Page& page, int32_t i) {
  const Elem& el = page.elems[i];
  if ((el.sig & kComments) == 0) return false;
  // A comments section never holds the article's body: a comments word
  // around the body ("post hentry commented") says what the post has, not
  // what the element is.
  for (uint32_t j = static_cast<uint32_t>(i) + 1; j < el.end; ++j) {
    if ((page.elems[j].sig & kBody) != 0) return false;
  }
  return true;
}

bool Contains(const Page& page, int32_t outer, int32_t inner) {
  return inner >= outer && static_cast<uint32_t>(inner) < page.elems[outer].end;
}
}  // namespace dossier::article_internal
