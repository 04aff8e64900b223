// The article extractor; docs/EXTRACTION.md describes the method.
#include "dossier/article.h"

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

#include "ingest/html_dom.h"
#include "util/dates.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dossier {
namespace {

using html::ParsedHtml;

// ---- Tags -----------------------------------------------------------------------

enum class Kind : uint8_t {
  kIgnore,  // never text (script, form controls, media, hidden): not in the tree
  kInline,
  kBlock,
  kPre,
  kRow,
  kCell,
  kBreak,
};

Kind KindOf(const GumboElement& e) {
  switch (e.tag) {
    case GUMBO_TAG_FORM:  // some sites wrap the whole page in a form
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MENU:
      return Kind::kBlock;
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_HEAD:
      return Kind::kIgnore;
    default:
      break;
  }
  switch (html::ElementRole(e)) {
    case html::Role::kDrop:
      return Kind::kIgnore;
    case html::Role::kInline:
      return Kind::kInline;
    case html::Role::kBlock:
      return Kind::kBlock;
    case html::Role::kPre:
      return Kind::kPre;
    case html::Role::kRow:
      return Kind::kRow;
    case html::Role::kCell:
      return Kind::kCell;
    case html::Role::kBreak:
      return Kind::kBreak;
  }
  return Kind::kInline;
}

// Elements that hold paragraphs rather than being one.
bool IsContainerTag(GumboTag t) {
  return t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_ARTICLE ||
         t == GUMBO_TAG_MAIN || t == GUMBO_TAG_FORM || t == GUMBO_TAG_CENTER;
}

bool IsHeadingTag(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

// ---- Class and id signals -----------------------------------------------------------

enum Signal : uint32_t {
  kPositive = 1u << 0,    // readability's positive words: article, body, content...
  kNegative = 1u << 1,    // readability's negative words
  kBoiler = 1u << 2,      // page furniture: navigation, comments, share, related, ads...
  kBody = 1u << 3,        // the article body itself (itemprop=articleBody, "article-body")
  kByline = 1u << 4,      // author / date line
  kCaption = 1u << 5,     // figure caption or credit
  kInvisible = 1u << 6,   // screen-reader only text
  kBoilerTag = 1u << 7,   // nav, aside, footer, header, menu
  kArticleTag = 1u << 8,  // <article>, <main>, role=main/article
  kComments = 1u << 9,    // a comments section
};

enum class Match : uint8_t {
  kSubstring,  // anywhere: "comment" in "commentlist"
  kToken,      // between non-alphanumerics: "ad" in "top-ad", not in "header"
  kName,       // a whole class name or id: "hidden", not "label-hidden"
};

struct Keyword {
  std::string_view word;
  uint32_t signal;
  Match match;
};

// Matched against the lower-cased class and id attributes.
constexpr Keyword kKeywords[] = {
    // The article body (DOM distiller's and trafilatura's body expressions).
    {"articlebody", kBody, Match::kSubstring},
    {"article-body", kBody, Match::kSubstring},
    {"article_body", kBody, Match::kSubstring},
    {"article__body", kBody, Match::kSubstring},
    {"articlecontent", kBody, Match::kSubstring},
    {"article-content", kBody, Match::kSubstring},
    {"article_content", kBody, Match::kSubstring},
    {"article__content", kBody, Match::kSubstring},
    {"article-text", kBody, Match::kSubstring},
    {"articletext", kBody, Match::kSubstring},
    {"story-body", kBody, Match::kSubstring},
    {"storybody", kBody, Match::kSubstring},
    {"story-content", kBody, Match::kSubstring},
    {"story__body", kBody, Match::kSubstring},
    {"entry-content", kBody, Match::kSubstring},
    {"post-content", kBody, Match::kSubstring},
    {"post-body", kBody, Match::kSubstring},
    {"postbody", kBody, Match::kSubstring},
    {"post__content", kBody, Match::kSubstring},
    {"body-text", kBody, Match::kSubstring},
    {"bodytext", kBody, Match::kSubstring},
    {"article-copy", kBody, Match::kSubstring},
    {"content-body", kBody, Match::kSubstring},
    {"rich-text", kBody, Match::kSubstring},
    // Readability's positive words.
    {"article", kPositive, Match::kSubstring},
    {"body", kPositive, Match::kSubstring},
    {"content", kPositive, Match::kSubstring},
    {"entry", kPositive, Match::kSubstring},
    {"hentry", kPositive, Match::kSubstring},
    {"main", kPositive, Match::kSubstring},
    {"page", kPositive, Match::kSubstring},
    {"post", kPositive, Match::kSubstring},
    {"text", kPositive, Match::kSubstring},
    {"blog", kPositive, Match::kSubstring},
    {"story", kPositive, Match::kSubstring},
    // Comments.
    {"comment", kBoiler | kNegative | kComments, Match::kSubstring},
    {"disqus", kBoiler | kNegative | kComments, Match::kSubstring},
    {"replies", kBoiler | kNegative | kComments, Match::kSubstring},
    {"respond", kBoiler | kNegative | kComments, Match::kSubstring},
    // Sharing and social widgets.
    {"share", kBoiler | kNegative, Match::kSubstring},
    {"sharing", kBoiler | kNegative, Match::kSubstring},
    {"social", kBoiler | kNegative, Match::kSubstring},
    {"sociable", kBoiler | kNegative, Match::kSubstring},
    {"addthis", kBoiler | kNegative, Match::kSubstring},
    {"syndication", kBoiler | kNegative, Match::kSubstring},
    {"follow-us", kBoiler | kNegative, Match::kSubstring},
    // Related, recommended, popular lists.
    {"related", kBoiler | kNegative, Match::kSubstring},
    {"recommend", kBoiler | kNegative, Match::kSubstring},
    {"popular", kBoiler | kNegative, Match::kSubstring},
    {"trending", kBoiler | kNegative, Match::kSubstring},
    {"most-read", kBoiler | kNegative, Match::kSubstring},
    {"mostread", kBoiler | kNegative, Match::kSubstring},
    {"more-stories", kBoiler | kNegative, Match::kSubstring},
    {"morestories", kBoiler | kNegative, Match::kSubstring},
    {"read-more", kBoiler | kNegative, Match::kSubstring},
    {"readmore", kBoiler | kNegative, Match::kSubstring},
    {"read-next", kBoiler | kNegative, Match::kSubstring},
    {"recirc", kBoiler | kNegative, Match::kSubstring},
    {"outbrain", kBoiler | kNegative, Match::kSubstring},
    {"taboola", kBoiler | kNegative, Match::kSubstring},
    {"teaser", kBoiler, Match::kSubstring},
    // Newsletter sign-ups, paywalls, log-ins.
    {"newsletter", kBoiler | kNegative, Match::kSubstring},
    {"subscribe", kBoiler | kNegative, Match::kSubstring},
    {"subscription", kBoiler | kNegative, Match::kSubstring},
    {"signup", kBoiler | kNegative, Match::kSubstring},
    {"sign-up", kBoiler | kNegative, Match::kSubstring},
    {"login", kBoiler, Match::kSubstring},
    // Cookie and consent banners.
    {"cookie", kBoiler | kNegative, Match::kSubstring},
    {"consent", kBoiler | kNegative, Match::kSubstring},
    {"gdpr", kBoiler | kNegative, Match::kSubstring},
    // Advertising.
    {"advert", kBoiler | kNegative, Match::kSubstring},
    {"sponsor", kBoiler | kNegative, Match::kSubstring},
    {"promo", kBoiler | kNegative, Match::kSubstring},
    {"ad", kBoiler | kNegative, Match::kToken},
    {"ads", kBoiler | kNegative, Match::kToken},
    {"adslot", kBoiler | kNegative, Match::kToken},
    {"adunit", kBoiler | kNegative, Match::kToken},
    {"dfp", kBoiler | kNegative, Match::kToken},
    {"skyscraper", kBoiler | kNegative, Match::kSubstring},
    {"banner", kBoiler | kNegative, Match::kToken},
    // Navigation and page chrome.
    {"nav", kBoiler | kNegative, Match::kToken},
    {"navbar", kBoiler | kNegative, Match::kSubstring},
    {"navigation", kBoiler | kNegative, Match::kSubstring},
    {"menu", kBoiler | kNegative, Match::kSubstring},
    {"breadcrumb", kBoiler | kNegative, Match::kSubstring},
    {"pagination", kBoiler, Match::kSubstring},
    {"pager", kBoiler, Match::kToken},
    {"footer", kBoiler | kNegative, Match::kSubstring},
    {"masthead", kBoiler | kNegative, Match::kSubstring},
    {"sidebar", kBoiler | kNegative, Match::kSubstring},
    {"widget", kNegative, Match::kSubstring},
    {"toolbar", kBoiler | kNegative, Match::kSubstring},
    {"skip", kBoiler, Match::kToken},
    {"modal", kBoiler, Match::kToken},
    {"popup", kBoiler | kNegative, Match::kSubstring},
    {"overlay", kBoiler, Match::kToken},
    {"print", kBoiler, Match::kName},
    // Author boxes, tags, bylines, captions.
    {"author-bio", kBoiler | kNegative, Match::kSubstring},
    {"authorbio", kBoiler | kNegative, Match::kSubstring},
    {"author-info", kBoiler, Match::kSubstring},
    {"about-author", kBoiler, Match::kSubstring},
    {"bio", kBoiler, Match::kToken},
    {"tags", kBoiler | kNegative, Match::kToken},
    {"tag-list", kBoiler | kNegative, Match::kSubstring},
    {"taglist", kBoiler | kNegative, Match::kSubstring},
    {"byline", kByline, Match::kSubstring},
    {"author", kByline, Match::kSubstring},
    {"dateline", kByline, Match::kSubstring},
    {"timestamp", kByline, Match::kSubstring},
    {"publish-date", kByline, Match::kSubstring},
    {"pubdate", kByline, Match::kSubstring},
    {"caption", kCaption, Match::kSubstring},
    {"credit", kCaption, Match::kSubstring},
    {"meta", kNegative, Match::kToken},
    {"media", kNegative, Match::kToken},
    {"hidden", kInvisible, Match::kName},
    {"sr-only", kInvisible, Match::kSubstring},
    {"visually-hidden", kInvisible, Match::kSubstring},
    {"visuallyhidden", kInvisible, Match::kSubstring},
    {"screen-reader", kInvisible, Match::kSubstring},
    {"screenreader", kInvisible, Match::kSubstring},
    {"offscreen", kInvisible, Match::kName},
    {"hide", kInvisible, Match::kName},
    {"is-hidden", kInvisible, Match::kName},
    {"invisible", kInvisible, Match::kName},
};

bool IsTokenChar(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

// kKeywords by first letter: one pass over a class string, not one search
// per keyword.
struct KeywordIndex {
  std::vector<uint8_t> by_letter[26];
  KeywordIndex() {
    for (size_t i = 0; i < std::size(kKeywords); ++i) {
      by_letter[kKeywords[i].word[0] - 'a'].push_back(static_cast<uint8_t>(i));
    }
  }
};

// `s`: the class and id attributes, lower-cased, each followed by a space.
uint32_t MatchKeywords(std::string_view s) {
  static const KeywordIndex index;  // immutable once built
  uint32_t sig = 0;
  for (size_t at = 0; at < s.size(); ++at) {
    const char c = s[at];
    if (c < 'a' || c > 'z') continue;
    for (uint8_t i : index.by_letter[c - 'a']) {
      const Keyword& k = kKeywords[i];
      if ((sig & k.signal) == k.signal) continue;
      const size_t end = at + k.word.size();
      if (end > s.size() || s.compare(at, k.word.size(), k.word) != 0) continue;
      if (k.match == Match::kToken) {
        if ((at > 0 && IsTokenChar(s[at - 1])) || (end < s.size() && IsTokenChar(s[end]))) continue;
      } else if (k.match == Match::kName) {
        if ((at > 0 && s[at - 1] != ' ') || (end < s.size() && s[end] != ' ')) continue;
      }
      sig |= k.signal;
    }
  }
  return sig;
}

uint32_t SignalsOf(const GumboElement& e) {
  uint32_t sig = 0;
  char buf[256];
  size_t n = 0;
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    const std::string_view name(attr->name);
    const std::string_view value(attr->value);
    if (name == "class" || name == "id") {
      for (size_t k = 0; k < value.size() && n < sizeof(buf) - 1; ++k) {
        buf[n++] = IsAsciiSpace(value[k]) ? ' ' : AsciiToLower(value[k]);
      }
      if (n < sizeof(buf)) buf[n++] = ' ';
    } else if (name == "itemprop") {
      if (value.find("articleBody") != std::string_view::npos) sig |= kBody;
    } else if (name == "role") {
      if (value == "navigation" || value == "complementary" || value == "contentinfo" ||
          value == "banner" || value == "menu" || value == "menubar" || value == "dialog" ||
          value == "alertdialog") {
        sig |= kBoilerTag;
      } else if (value == "main" || value == "article") {
        sig |= kArticleTag;
      }
    }
  }
  if (n > 0) sig |= MatchKeywords(std::string_view(buf, n));
  switch (e.tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MENU:
      sig |= kBoilerTag;
      break;
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
      sig |= kArticleTag;
      break;
    case GUMBO_TAG_FIGCAPTION:
      sig |= kCaption;
      break;
    default:
      break;
  }
  return sig;
}

// ---- The page as elements and blocks ---------------------------------------------------

struct Elem {
  const GumboNode* node = nullptr;
  const GumboElement& element() const { return node->v.element; }
  int32_t parent = -1;
  uint32_t end = 0;         // one past the last element of the subtree (pre-order)
  uint32_t text_begin = 0;  // text nodes of the subtree, in document order
  uint32_t text_end = 0;
  uint32_t sig = 0;
  Kind kind = Kind::kInline;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  int32_t anchor = -1;  // the innermost block-level element at or above this one
  // Subtree counts.
  uint32_t chars = 0;       // visible characters (white space excluded)
  uint32_t link_chars = 0;  // ... inside links
  uint32_t commas = 0;
  uint32_t good_chars = 0;  // characters in blocks that read as running text
  uint32_t paragraphs = 0;  // <p> elements
  uint32_t list_items = 0;
  uint32_t images = 0;
  uint32_t inputs = 0;
  uint32_t heading_chars = 0;
  uint32_t quote_chars = 0;  // ... inside <blockquote>
  uint32_t children = 0;     // element children
  bool in_quote = false;     // inside a <blockquote>
  // Scoring.
  float score = 0;
  bool candidate = false;
  bool pruned = false;  // furniture by class/id/tag (see Prune)
};

enum class BlockClass : uint8_t { kBad, kShort, kNearGood, kGood };

struct Block {
  int32_t owner = -1;  // innermost block-level element
  int32_t first = -1;  // innermost element holding the first text
  uint32_t chars = 0;
  uint32_t link_chars = 0;
  uint32_t words = 0;
  uint32_t commas = 0;
  uint32_t stops = 0;  // sentence-ending punctuation
  bool ends_sentence = false;
  BlockClass cls = BlockClass::kBad;
  bool keep = false;
  std::string sample;  // the first bytes, white space collapsed, ASCII lower-cased

  float link_density() const { return chars == 0 ? 0.f : float(link_chars) / float(chars); }
};

struct Meta {
  std::string og_title, twitter_title, og_site, og_url, canonical, title_tag;
  std::string meta_author, meta_date, itemprop_date, time_datetime, rel_author;
  std::string ld_headline, ld_author, ld_date, ld_publisher, ld_url, ld_body;
};

struct Page {
  const ParsedHtml* html = nullptr;
  std::vector<Elem> elems;
  std::vector<Block> blocks;
  std::vector<int32_t> text_block;  // per text node: its block, -1 for none
  int32_t body = -1;                // the <body> element
  Meta meta;
};

constexpr size_t kSampleBytes = 160;

// Counts the visible text of a text node into `b`: characters (white space
// excluded), commas and sentence stops (Latin, CJK, Arabic), whether the
// block so far ends a sentence, and the sample.
void CountText(std::string_view t, Block* b, uint32_t* chars_out, uint32_t* commas_out) {
  uint32_t chars = 0, commas = 0;
  bool ends = b->ends_sentence;  // closing quotes and brackets keep it
  bool in_word = false;
  auto sample = [b](char c) {
    if (b->sample.size() >= kSampleBytes) return;
    if (c == ' ' && (b->sample.empty() || b->sample.back() == ' ')) return;
    b->sample.push_back(c);
  };
  for (size_t k = 0; k < t.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(t[k]);
    if (c < 0x80) {
      if (IsAsciiSpace(static_cast<char>(c))) {
        in_word = false;
        sample(' ');
        continue;
      }
      ++chars;
      if (!in_word) ++b->words;
      in_word = true;
      if (c == ',') ++commas;
      if (c == '.' || c == '!' || c == '?') {
        ++b->stops;
        ends = true;
      } else if (c != '"' && c != '\'' && c != ')') {
        ends = false;
      }
      sample(AsciiToLower(static_cast<char>(c)));
      continue;
    }
    if ((c & 0xC0) == 0x80) {  // continuation bytes belong to the character before
      if (!b->sample.empty()) sample(t[k]);
      continue;
    }
    const unsigned char c1 = k + 1 < t.size() ? static_cast<unsigned char>(t[k + 1]) : 0;
    const unsigned char c2 = k + 2 < t.size() ? static_cast<unsigned char>(t[k + 2]) : 0;
    if (c == 0xC2 && c1 == 0xA0) {  // U+00A0 is white space
      ++k;
      in_word = false;
      sample(' ');
      continue;
    }
    ++chars;
    if (!in_word) ++b->words;
    in_word = true;
    bool keeps_end = false;
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x81) {
      ++commas;  // 、
    } else if (c == 0xE3 && c1 == 0x80 && c2 == 0x82) {
      ++b->stops;  // 。
      keeps_end = ends = true;
    } else if (c == 0xEF && c1 == 0xBC && c2 == 0x8C) {
      ++commas;  // ，
    } else if (c == 0xEF && c1 == 0xBC && (c2 == 0x81 || c2 == 0x9F)) {
      ++b->stops;  // ！ ？
      keeps_end = ends = true;
    } else if (c == 0xD8 && c1 == 0x8C) {
      ++commas;  // ،
    } else if (c == 0xE2 && c1 == 0x80 && (c2 == 0x9D || c2 == 0x99)) {
      keeps_end = true;  // ” ’
    } else if (c == 0xE2 && c1 == 0x80 && c2 == 0xA6) {
      keeps_end = ends = true;  // …
    }
    if (!keeps_end) ends = false;
    sample(static_cast<char>(c));
  }
  if (chars > 0) b->ends_sentence = ends;
  b->chars += chars;
  b->commas += commas;
  *chars_out = chars;
  *commas_out = commas;
}

// Text of a subtree (for metadata), white space collapsed, at most `limit` bytes.
std::string InnerText(const GumboNode* node, size_t limit) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty() && out.size() < limit) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      out += n->v.text.text;
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboElement& e = n->v.element;
      if (KindOf(e) == Kind::kIgnore) continue;
      if (KindOf(e) != Kind::kInline) out += ' ';
      for (unsigned i = e.children.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(e.children.data[i - 1]));
      }
    }
  }
  return CollapseWhitespace(out);
}

void SetOnce(std::string* field, std::string_view value) {
  if (field->empty()) *field = std::string(TrimWhitespace(value));
}

// <meta> and <link> elements.
void ReadMetaElement(const GumboElement& e, Meta* m) {
  if (e.tag == GUMBO_TAG_LINK) {
    const std::string rel = AsciiLower(html::Attribute(e, "rel"));
    if (rel == "canonical") SetOnce(&m->canonical, html::Attribute(e, "href"));
    return;
  }
  std::string key = AsciiLower(html::Attribute(e, "property"));
  if (key.empty()) key = AsciiLower(html::Attribute(e, "name"));
  const std::string_view itemprop = html::Attribute(e, "itemprop");
  const std::string_view content = html::Attribute(e, "content");
  if (content.empty()) return;
  if (itemprop == "datePublished") SetOnce(&m->itemprop_date, content);
  if (key.empty()) return;
  if (key == "og:title") {
    SetOnce(&m->og_title, content);
  } else if (key == "twitter:title") {
    SetOnce(&m->twitter_title, content);
  } else if (key == "og:site_name") {
    SetOnce(&m->og_site, content);
  } else if (key == "og:url") {
    SetOnce(&m->og_url, content);
  } else if (key == "author" || key == "article:author" || key == "dc.creator" || key == "byl" ||
             key == "sailthru.author" || key == "parsely-author" || key == "dcterms.creator") {
    SetOnce(&m->meta_author, content);
  } else if (key == "article:published_time" || key == "og:article:published_time" ||
             key == "article:published" || key == "published_time" || key == "pubdate" ||
             key == "publishdate" || key == "publish-date" || key == "publish_date" ||
             key == "date" || key == "dc.date" || key == "dc.date.issued" ||
             key == "dcterms.created" || key == "dcterms.date" || key == "sailthru.date" ||
             key == "parsely-pub-date" || key == "article.published" || key == "datepublished" ||
             key == "original-publish-date" || key == "displaydate" ||
             key == "citation_publication_date") {
    SetOnce(&m->meta_date, content);
  }
}

// ---- JSON-LD ----------------------------------------------------------------------------

std::string JsonString(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  return {};
}

std::string JsonName(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_object()) {
    auto it = j.find("name");
    if (it != j.end()) return JsonString(*it);
  }
  return {};
}

std::string JsonNames(const nlohmann::json& j) {
  if (!j.is_array()) return JsonName(j);
  std::string out;
  for (const auto& a : j) {
    std::string n = std::string(TrimWhitespace(JsonName(a)));
    if (n.empty() || out.find(n) != std::string::npos) continue;
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

bool IsArticleType(const nlohmann::json& type) {
  auto one = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return EndsWith(s, "Article") || s == "BlogPosting" || s == "Report" ||
           s == "LiveBlogPosting" || s == "SocialMediaPosting" || s == "TechArticle";
  };
  if (type.is_array()) {
    for (const auto& t : type) {
      if (one(t)) return true;
    }
    return false;
  }
  return one(type);
}

void ReadJsonLdObject(const nlohmann::json& j, Meta* m, int depth) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const auto& x : j) ReadJsonLdObject(x, m, depth + 1);
    return;
  }
  if (!j.is_object()) return;
  auto graph = j.find("@graph");
  if (graph != j.end()) ReadJsonLdObject(*graph, m, depth + 1);
  auto type = j.find("@type");
  if (type == j.end() || !IsArticleType(*type)) return;
  auto get = [&j](const char* key) -> const nlohmann::json* {
    auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
  };
  if (const auto* v = get("headline")) SetOnce(&m->ld_headline, JsonString(*v));
  if (const auto* v = get("name"); v && m->ld_headline.empty()) {
    SetOnce(&m->ld_headline, JsonString(*v));
  }
  if (const auto* v = get("author")) SetOnce(&m->ld_author, JsonNames(*v));
  if (const auto* v = get("datePublished")) SetOnce(&m->ld_date, JsonString(*v));
  if (const auto* v = get("dateCreated")) SetOnce(&m->ld_date, JsonString(*v));
  if (const auto* v = get("publisher")) SetOnce(&m->ld_publisher, JsonName(*v));
  if (const auto* v = get("url")) SetOnce(&m->ld_url, JsonString(*v));
  if (const auto* v = get("mainEntityOfPage")) {
    if (v->is_object()) {
      auto id = v->find("@id");
      if (id != v->end()) SetOnce(&m->ld_url, JsonString(*id));
    } else {
      SetOnce(&m->ld_url, JsonString(*v));
    }
  }
  if (const auto* v = get("articleBody")) SetOnce(&m->ld_body, JsonString(*v));
}

void ReadJsonLd(std::string_view text, Meta* m) {
  const size_t b = text.find_first_of("{[");
  const size_t e = text.find_last_of("}]");
  if (b == std::string_view::npos || e == std::string_view::npos || e < b) return;
  nlohmann::json j = nlohmann::json::parse(text.substr(b, e - b + 1), nullptr, false);
  if (j.is_discarded()) return;
  ReadJsonLdObject(j, m, 0);
}

// ---- Pass 1: elements, blocks, metadata ---------------------------------------------

void BuildPage(const ParsedHtml& html, Page* page) {
  page->html = &html;
  std::vector<Elem>& elems = page->elems;
  std::vector<Block>& blocks = page->blocks;
  Meta& meta = page->meta;
  struct Frame {
    const GumboNode* node;
    int32_t elem;  // >= 0: leaving this element
  };
  std::vector<Frame> stack;
  stack.push_back({html.document(), -1});
  int32_t cur = -1;
  int link_depth = 0;
  bool need_block = true;
  int32_t cur_block = -1;
  uint32_t text_count = 0;
  auto push_children = [&stack](const GumboVector& children) {
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), -1});
    }
  };
  while (!stack.empty()) {
    const Frame frame = stack.back();
    stack.pop_back();
    const GumboNode* node = frame.node;
    if (frame.elem >= 0) {  // leaving
      Elem& el = elems[frame.elem];
      el.end = static_cast<uint32_t>(elems.size());
      el.text_end = text_count;
      if (el.kind != Kind::kInline) need_block = true;
      if (el.tag == GUMBO_TAG_A) --link_depth;
      cur = el.parent;
      continue;
    }
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT:
        push_children(node->v.document.children);
        break;
      case GUMBO_NODE_ELEMENT: {
        const GumboElement& e = node->v.element;
        if (e.tag == GUMBO_TAG_META || e.tag == GUMBO_TAG_LINK) {
          ReadMetaElement(e, &meta);
          break;
        }
        if (e.tag == GUMBO_TAG_TITLE) {
          if (meta.title_tag.empty() && e.tag_namespace == GUMBO_NAMESPACE_HTML) {
            meta.title_tag = html::ChildText(e);
          }
          break;
        }
        if (e.tag == GUMBO_TAG_HEAD) {
          push_children(e.children);  // meta, link, title; nothing else is kept
          break;
        }
        if (e.tag == GUMBO_TAG_IMG && cur >= 0) ++elems[cur].images;
        if ((e.tag == GUMBO_TAG_INPUT || e.tag == GUMBO_TAG_SELECT || e.tag == GUMBO_TAG_TEXTAREA ||
             e.tag == GUMBO_TAG_BUTTON) &&
            cur >= 0) {
          ++elems[cur].inputs;
        }
        const Kind kind = KindOf(e);
        if (kind == Kind::kIgnore) break;
        const int32_t index = static_cast<int32_t>(elems.size());
        elems.emplace_back();
        Elem& el = elems.back();
        el.node = node;
        el.parent = cur;
        el.kind = kind;
        el.tag = e.tag;
        el.text_begin = text_count;
        el.sig = SignalsOf(e);
        el.anchor = kind == Kind::kInline && cur >= 0 ? elems[cur].anchor : index;
        if (cur >= 0) ++elems[cur].children;
        el.in_quote = e.tag == GUMBO_TAG_BLOCKQUOTE || (cur >= 0 && elems[cur].in_quote);
        if (e.tag == GUMBO_TAG_P) el.paragraphs = 1;
        if (e.tag == GUMBO_TAG_BODY && page->body < 0) page->body = index;
        if (e.tag == GUMBO_TAG_LI) el.list_items = 1;
        if (e.tag == GUMBO_TAG_A) ++link_depth;
        if (e.tag == GUMBO_TAG_TIME && meta.time_datetime.empty()) {
          SetOnce(&meta.time_datetime, html::Attribute(e, "datetime"));
        }
        if (e.tag == GUMBO_TAG_A && meta.rel_author.empty()) {
          const std::string rel = AsciiLower(html::Attribute(e, "rel"));
          if (rel == "author") meta.rel_author = InnerText(node, 200);
        }
        if (kind != Kind::kInline) need_block = true;
        cur = index;
        stack.push_back({node, index});
        push_children(e.children);
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA: {
        const std::string_view t(node->v.text.text);
        ++text_count;
        if (cur < 0) {
          page->text_block.push_back(-1);
          break;
        }
        Block scratch;
        Block* b = cur_block >= 0 && !need_block ? &blocks[cur_block] : &scratch;
        uint32_t chars = 0, commas = 0;
        CountText(t, b, &chars, &commas);
        if (chars > 0 && b == &scratch) {
          scratch.owner = elems[cur].anchor;
          scratch.first = cur;
          blocks.push_back(std::move(scratch));
          cur_block = static_cast<int32_t>(blocks.size() - 1);
          need_block = false;
          b = &blocks.back();
        }
        if (chars > 0) {
          if (link_depth > 0) b->link_chars += chars;
          elems[cur].chars += chars;
          elems[cur].commas += commas;
          if (link_depth > 0) elems[cur].link_chars += chars;
        }
        page->text_block.push_back(b == &scratch ? -1 : cur_block);
        break;
      }
      default:
        break;
    }
  }
  // Subtree sums, children before parents.
  for (size_t i = elems.size(); i-- > 0;) {
    Elem& el = elems[i];
    if (IsHeadingTag(el.tag)) el.heading_chars = el.chars;
    if (el.tag == GUMBO_TAG_BLOCKQUOTE) el.quote_chars = el.chars;
    if (el.parent < 0) continue;
    Elem& p = elems[el.parent];
    p.chars += el.chars;
    p.link_chars += el.link_chars;
    p.commas += el.commas;
    p.paragraphs += el.paragraphs;
    p.list_items += el.list_items;
    p.images += el.images;
    p.inputs += el.inputs;
    p.heading_chars += el.heading_chars;
    if (!p.in_quote) p.quote_chars += el.quote_chars;
  }
  for (std::string_view ld : html.json_ld()) ReadJsonLd(ld, &meta);
}

// ---- Block classes (jusText, boilerpipe) ------------------------------------------------

// Short lines that are page furniture wherever they stand.
bool IsBoilerplateLine(std::string_view s) {
  constexpr std::string_view kStarts[] = {
      "advertisement",
      "anzeige",
      "werbung",
      "publicidad",
      "publicidade",
      "publicit\xc3\xa9",
      "pubblicit\xc3\xa0",
      "\xd1\x80\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0",
      "advertising",
      "sponsored",
      "share this",
      "share on",
      "share:",
      "follow us",
      "sign up",
      "subscribe",
      "click here",
      "read more",
      "read next",
      "related:",
      "related articles",
      "related stories",
      "more from",
      "recommended",
      "most popular",
      "trending",
      "next article",
      "previous article",
      "comments",
      "leave a comment",
      "copyright",
      "all rights reserved",
      "\xc2\xa9",
      "(c) ",
      "photo:",
      "image:",
      "photograph:",
      "getty images",
      "image source",
      "skip to",
      "back to top",
      "loading",
      "continue reading",
      "story continues",
      "article continues",
      "this article",
      "tags:",
      "filed under",
      "posted in",
      "you may also like",
      "you might also like",
      "we use cookies",
      "this site uses cookies",
      "accept cookies",
      "newsletter",
      "get the latest",
      "download the app",
      "listen to this",
      "print this",
      "email this",
      "report an error",
      "follow "};
  for (std::string_view p : kStarts) {
    if (StartsWith(s, p)) return true;
  }
  return false;
}

void ClassifyBlocks(Page* page) {
  for (Block& b : page->blocks) {
    const float ld = b.link_density();
    if (ld > 0.5f || (b.chars < 70 && ld > 0.2f)) {
      b.cls = BlockClass::kBad;
    } else if (b.chars < 100 && IsBoilerplateLine(b.sample)) {
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

// Marks furniture: elements whose class, id or tag says navigation,
// comments, sharing, related links, ads, sign-ups, captions, bylines, or
// invisible text. `strict`: all of them; otherwise only comments and
// invisible text (the retry when the strict pass finds too little).
void Prune(Page* page, bool strict) {
  uint32_t page_good = 0;
  for (const Elem& el : page->elems) {
    if (el.parent < 0) page_good += el.good_chars;
  }
  for (Elem& el : page->elems) {
    el.pruned = false;
    if (el.tag == GUMBO_TAG_BODY || el.tag == GUMBO_TAG_HTML) continue;
    if (el.parent >= 0 && page->elems[el.parent].pruned) {
      el.pruned = true;
      continue;
    }
    uint32_t furniture = kInvisible | kComments;
    if (strict) furniture |= kBoiler | kBoilerTag | kCaption | kByline;
    if ((el.sig & furniture) == 0) continue;
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

bool UnderPruned(const Page& page, int32_t i) { return i >= 0 && page.elems[i].pruned; }

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

bool Contains(const Page& page, int32_t outer, int32_t inner) {
  return inner >= outer && static_cast<uint32_t>(inner) < page.elems[outer].end;
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

std::string_view ClassAttr(const Elem& e) { return html::Attribute(e.element(), "class"); }

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

struct Selection {
  std::vector<int32_t> roots;
  std::vector<uint8_t> drop;  // per element
};

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
        b.keep = !IsBoilerplateLine(b.sample);
        break;
      case BlockClass::kBad:
        // Link-heavy lines of a quotation (an embedded post's attribution) stay.
        b.keep = elems[b.first].in_quote && b.link_density() < 0.6f;
        break;
    }
  }
}

// ---- Pass 2: the text ----------------------------------------------------------------------

void EmitArticle(const Page& page, const Selection& sel, Article* a) {
  const ParsedHtml& html = *page.html;
  const std::vector<Elem>& elems = page.elems;
  html::TextEmitter out(html);
  for (int32_t root : sel.roots) {
    struct Frame {
      const GumboNode* node;
      int32_t elem;  // >= 0: leaving
    };
    std::vector<Frame> stack;
    uint32_t next_elem = static_cast<uint32_t>(root);
    uint32_t next_text = elems[root].text_begin;
    int pre_depth = 0;
    stack.push_back({elems[root].node, -1});
    out.Block(2, html::StartOf(html, elems[root].element()));
    while (!stack.empty()) {
      const Frame frame = stack.back();
      stack.pop_back();
      if (frame.elem >= 0) {
        const Elem& el = elems[frame.elem];
        const uint32_t pos = html::EndOf(html, el.element());
        switch (el.kind) {
          case Kind::kBlock:
            out.Block(2, pos);
            break;
          case Kind::kPre:
            out.Block(2, pos);
            --pre_depth;
            break;
          case Kind::kRow:
            out.Block(1, pos);
            break;
          case Kind::kCell:
            out.CellGap(pos);
            break;
          default:
            break;
        }
        continue;
      }
      const GumboNode* node = frame.node;
      if (node->type == GUMBO_NODE_ELEMENT) {
        const GumboElement& e = node->v.element;
        if (e.tag == GUMBO_TAG_META || e.tag == GUMBO_TAG_LINK || e.tag == GUMBO_TAG_TITLE ||
            e.tag == GUMBO_TAG_HEAD) {
          continue;
        }
        if (KindOf(e) == Kind::kIgnore) continue;
        const uint32_t index = next_elem++;
        const Elem& el = elems[index];
        if (sel.drop[index]) {
          next_elem = el.end;
          next_text = el.text_end;
          out.Block(2, html::StartOf(html, e));
          continue;
        }
        const uint32_t pos = html::StartOf(html, e);
        switch (el.kind) {
          case Kind::kBreak:
            out.LineBreak(pos);
            break;
          case Kind::kBlock:
            out.Block(2, pos);
            break;
          case Kind::kPre:
            out.Block(2, pos);
            ++pre_depth;
            break;
          case Kind::kRow:
            out.Block(1, pos);
            break;
          default:
            break;
        }
        stack.push_back({node, static_cast<int32_t>(index)});
        for (unsigned i = e.children.length; i > 0; --i) {
          stack.push_back({static_cast<const GumboNode*>(e.children.data[i - 1]), -1});
        }
      } else if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
        const int32_t b = page.text_block[next_text++];
        if (b >= 0 && page.blocks[b].keep) out.Text(node->v.text, pre_depth > 0);
      } else if (node->type == GUMBO_NODE_WHITESPACE) {
        out.Text(node->v.text, pre_depth > 0);
      }
    }
    out.Block(2, html::EndOf(html, elems[root].element()));
  }
  std::move(out).Finish(&a->text, &a->map);
}

// ---- Metadata --------------------------------------------------------------------------------

std::string NormalizeDate(std::string_view s) {
  s = TrimWhitespace(s);
  if (s.empty()) return {};
  CivilDate d;
  if (ParseDate(s, &d) && d.valid()) return d.ToIso();
  // "20191119", "2019/11/19", "2019.11.19".
  if (s.size() >= 8 && IsAsciiDigit(s[0]) && IsAsciiDigit(s[1]) && IsAsciiDigit(s[2]) &&
      IsAsciiDigit(s[3])) {
    size_t k = 4;
    const bool sep = s[k] == '/' || s[k] == '.' || s[k] == '-';
    if (sep) ++k;
    auto two = [&s](size_t at, int* v) {
      if (at + 2 > s.size() || !IsAsciiDigit(s[at]) || !IsAsciiDigit(s[at + 1])) return false;
      *v = (s[at] - '0') * 10 + (s[at + 1] - '0');
      return true;
    };
    CivilDate c;
    c.year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (two(k, &c.month) && two(k + 2 + (sep ? 1 : 0), &c.day) && c.valid()) return c.ToIso();
  }
  size_t b = 0, e = 0;
  if (FindFullDate(s, &d, &b, &e) && d.valid()) return d.ToIso();
  // "Tue Nov 19 2019 05:44:06 GMT": month day year.
  for (size_t k = 0; k + 3 <= s.size(); ++k) {
    if (!IsAsciiAlpha(s[k]) || (k > 0 && IsAsciiAlpha(s[k - 1]))) continue;
    size_t w = k;
    while (w < s.size() && IsAsciiAlpha(s[w])) ++w;
    const int month = MonthFromName(s.substr(k, w - k));
    if (month == 0) continue;
    size_t p = w;
    while (p < s.size() && (s[p] == ' ' || s[p] == '.')) ++p;
    int day = 0;
    while (p < s.size() && IsAsciiDigit(s[p]) && day < 100) day = day * 10 + (s[p++] - '0');
    while (p < s.size() && (s[p] == ' ' || s[p] == ',')) ++p;
    int year = 0, digits = 0;
    while (p < s.size() && IsAsciiDigit(s[p]) && digits < 4) {
      year = year * 10 + (s[p++] - '0');
      ++digits;
    }
    CivilDate c{year, month, day};
    if (digits == 4 && c.valid()) return c.ToIso();
  }
  return {};
}

bool LooksLikeUrl(std::string_view s) {
  return StartsWith(s, "http://") || StartsWith(s, "https://") || StartsWith(s, "//") ||
         StartsWith(s, "/");
}

std::string CleanByline(std::string_view s) {
  std::string b = CollapseWhitespace(s);
  std::string_view v = b;
  for (std::string_view prefix : {"By ", "by ", "BY ", "Written by ", "Posted by ", "Von "}) {
    if (StartsWith(v, prefix)) {
      v.remove_prefix(prefix.size());
      break;
    }
  }
  v = TrimWhitespace(v);
  if (v.size() > 200 || LooksLikeUrl(v)) return {};
  return std::string(v);
}

// "Headline - Site", "Headline | Site": the headline.
std::string StripSiteSuffix(const std::string& title, const std::string& site) {
  std::string_view t = title;
  if (!site.empty() && t.size() > site.size() + 3 && EndsWith(t, site)) {
    std::string_view rest = TrimWhitespace(t.substr(0, t.size() - site.size()));
    if (!rest.empty() && (rest.back() == '-' || rest.back() == '|' || rest.back() == ':')) {
      rest.remove_suffix(1);
      return std::string(TrimWhitespace(rest));
    }
  }
  for (std::string_view sep : {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: "}) {
    const size_t at = t.rfind(sep);
    if (at != std::string_view::npos && at > 0 && t.size() - at - sep.size() < at) {
      return std::string(TrimWhitespace(t.substr(0, at)));
    }
  }
  return std::string(t);
}

void FillMetadata(const Page& page, const Selection* sel, Article* a) {
  const Meta& m = page.meta;
  a->site = !m.og_site.empty() ? m.og_site : m.ld_publisher;
  a->site = CollapseWhitespace(a->site);
  // The article's <h1>: the first one inside the article, else the page's first.
  std::string h1;
  const std::vector<Elem>& elems = page.elems;
  int32_t first_h1 = -1;
  for (size_t i = 0; i < elems.size(); ++i) {
    if (elems[i].tag != GUMBO_TAG_H1 || elems[i].chars == 0) continue;
    if (first_h1 < 0) first_h1 = static_cast<int32_t>(i);
    if (sel != nullptr) {
      for (int32_t r : sel->roots) {
        if (Contains(page, r, static_cast<int32_t>(i))) {
          first_h1 = static_cast<int32_t>(i);
          break;
        }
      }
    }
  }
  if (first_h1 >= 0) {
    h1 = InnerText(elems[first_h1].node, 500);
  }
  if (!m.og_title.empty()) {
    a->title = StripSiteSuffix(CollapseWhitespace(m.og_title), a->site);
  } else if (!m.ld_headline.empty()) {
    a->title = CollapseWhitespace(m.ld_headline);
  } else if (!h1.empty()) {
    a->title = h1;
  } else if (!m.twitter_title.empty()) {
    a->title = StripSiteSuffix(CollapseWhitespace(m.twitter_title), a->site);
  } else {
    a->title = StripSiteSuffix(m.title_tag, a->site);
  }
  // Byline.
  for (const std::string* s : {&m.ld_author, &m.meta_author, &m.rel_author}) {
    std::string b = CleanByline(*s);
    if (!b.empty()) {
      a->byline = std::move(b);
      break;
    }
  }
  if (a->byline.empty()) {
    for (size_t i = 0; i < elems.size() && a->byline.empty(); ++i) {
      const Elem& el = elems[i];
      if ((el.sig & kByline) == 0 || el.chars == 0 || el.chars > 100) continue;
      bool in_comments = false;
      for (int32_t p = static_cast<int32_t>(i); p >= 0 && !in_comments; p = elems[p].parent) {
        in_comments = (elems[p].sig & kComments) != 0;
      }
      if (in_comments) continue;
      const std::string_view cls = html::Attribute(el.element(), "class");
      const std::string lower = AsciiLower(cls);
      if (lower.find("byline") == std::string::npos && lower.find("author") == std::string::npos) {
        continue;
      }
      std::string b = CleanByline(InnerText(el.node, 200));
      if (!b.empty() && CountWords(b) <= 8) a->byline = std::move(b);
    }
  }
  // Date.
  for (const std::string* s : {&m.meta_date, &m.ld_date, &m.itemprop_date, &m.time_datetime}) {
    std::string d = NormalizeDate(*s);
    if (!d.empty()) {
      a->date = std::move(d);
      break;
    }
  }
  // URL.
  for (const std::string* s : {&m.canonical, &m.og_url, &m.ld_url}) {
    if (StartsWith(*s, "http://") || StartsWith(*s, "https://")) {
      a->url = *s;
      break;
    }
  }
}

// ---- Is it an article? ------------------------------------------------------------------

// Empty when the kept blocks make an article; else why not. Too little
// running text is not an article (an error page, a bare index); nor is a
// list of linked headlines with their summaries (a front or section page).
std::string JudgeArticle(const Page& page) {
  uint32_t kept = 0, good = 0, good_blocks = 0, linked_headings = 0;
  for (const Block& b : page.blocks) {
    if (!b.keep) continue;
    kept += b.chars - b.link_chars;
    if (b.cls == BlockClass::kGood || b.cls == BlockClass::kNearGood) {
      good += b.chars;
      ++good_blocks;
    }
    if (IsHeadingTag(page.elems[b.owner].tag) && b.link_density() >= 0.8f) ++linked_headings;
  }
  if (kept < 200 || good < 100) {
    return "too little running text (" + std::to_string(kept) + " characters)";
  }
  if (linked_headings >= 3 && 2 * linked_headings >= good_blocks) {
    return "a list of links to articles (" + std::to_string(linked_headings) +
           " linked headlines), not an article";
  }
  return {};
}

// At most about a screenful of text outside links.
bool IsSmallPage(const Page& page) {
  uint32_t chars = 0;
  for (const Block& b : page.blocks) chars += b.chars - b.link_chars;
  return chars <= 1000;
}

bool LooksLikeErrorPage(const Page& page, const Article& a) {
  std::string heads = AsciiLower(page.meta.title_tag + " " + a.title);
  for (const Elem& el : page.elems) {
    if (el.tag == GUMBO_TAG_H1) heads += " " + AsciiLower(InnerText(el.node, 200));
  }
  for (std::string_view w : {"404", "not found", "page not available", "no longer available",
                             "error", "forbidden", "access denied"}) {
    if (heads.find(w) != std::string::npos) return true;
  }
  return false;
}

// A kept block of at least three words and 15 characters ending a sentence.
bool HoldsASentence(const Page& page) {
  for (const Block& b : page.blocks) {
    if (b.keep && b.words >= 3 && b.chars >= 15 && b.ends_sentence && b.link_density() < 0.5f) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<Article> ExtractArticle(std::string_view html) {
  Result<std::unique_ptr<ParsedHtml>> parsed = ParsedHtml::Parse(html);
  if (!parsed.ok()) return parsed.status();
  Page page;
  BuildPage(**parsed, &page);
  Article a;
  a.flattened = (*parsed)->flattened();
  const GumboNode* root = (*parsed)->root();
  if (root != nullptr && root->type == GUMBO_NODE_ELEMENT) {
    a.lang = std::string(TrimWhitespace(html::Attribute(root->v.element, "lang")));
  }
  ClassifyBlocks(&page);
  MarkJsonLdBody(&page);

  // The strict pass, then readability's retry with only comments and
  // invisible text pruned when it finds too little.
  Selection sel;
  for (int attempt = 0; attempt < 2; ++attempt) {
    Prune(&page, /*strict=*/attempt == 0);
    const int32_t top = ScoreCandidates(&page);
    sel.roots.clear();
    if (top < 0) continue;
    const int32_t refined = RefineTop(page, top);
    sel.roots = JoinSiblings(page, refined);
    JoinSameClass(page, refined, &sel.roots);
    uint32_t chars = 0;
    for (int32_t r : sel.roots) chars += page.elems[r].chars;
    if (chars >= 500) break;
  }
  FillMetadata(page, sel.roots.empty() ? nullptr : &sel, &a);
  for (std::string* field : {&a.title, &a.byline, &a.date, &a.url, &a.site, &a.lang}) {
    if (!IsValidUtf8(*field)) *field = html::RepairedUtf8(*field);
  }
  std::string why_not = "no block of running text in the page";
  if (!sel.roots.empty()) {
    CleanArticle(&page, a.title, &sel);
    why_not = JudgeArticle(page);
  }
  // A small page (a short notice, a one-paragraph post) has nothing to
  // score against: taken whole, minus its furniture, when it holds a
  // sentence and is not an error page.
  if (!why_not.empty() && page.body >= 0 && IsSmallPage(page) && !LooksLikeErrorPage(page, a)) {
    Prune(&page, /*strict=*/true);
    sel.roots = {page.body};
    CleanArticle(&page, a.title, &sel);
    if (HoldsASentence(page)) why_not.clear();
  }
  if (!why_not.empty()) {
    a.why_not = std::move(why_not);
    return a;
  }
  EmitArticle(page, sel, &a);
  a.found = true;
  return a;
}

}  // namespace dossier
