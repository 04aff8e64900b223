// Pass 1 of the article extractor (article_page.h): the page's elements,
// blocks of text, class and id signals, and metadata (meta tags, JSON-LD).
#include "ingest/article_page.h"

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
#include "util/data_rows.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dossier::article_internal {
namespace {

// ---- Tags -----------------------------------------------------------------------

// ---- Class and id signals -----------------------------------------------------------

bool IsTokenChar(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

// `s`: the class and id attributes, lower-cased, each followed by a space.
// The keywords by first letter: one pass over a class string, not one
// search per keyword.
uint32_t MatchKeywords(const ClassWords& words, std::string_view s) {
  using Match = ClassWords::Match;
  uint32_t sig = 0;
  for (size_t at = 0; at < s.size(); ++at) {
    const char c = s[at];
    if (c < 'a' || c > 'z') continue;
    for (uint16_t i : words.by_letter[c - 'a']) {
      const ClassWords::Keyword& k = words.keywords[i];
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

// The class and id attributes of `e` into `buf`, lower-cased, each followed
// by a space; returns the length.
size_t ClassString(const GumboElement& e, char (&buf)[256]) {
  size_t n = 0;
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    const std::string_view name(attr->name);
    if (name != "class" && name != "id") continue;
    const std::string_view value(attr->value);
    for (size_t k = 0; k < value.size() && n < sizeof(buf) - 1; ++k) {
      buf[n++] = IsAsciiSpace(value[k]) ? ' ' : AsciiToLower(value[k]);
    }
    if (n < sizeof(buf)) buf[n++] = ' ';
  }
  return n;
}

// The main language's class and id words, and the signals of itemprop,
// role and the tag.
uint32_t SignalsOf(const ClassWords& words, const GumboElement& e) {
  uint32_t sig = 0;
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    const std::string_view name(attr->name);
    const std::string_view value(attr->value);
    if (name == "itemprop") {
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
  char buf[256];
  const size_t n = ClassString(e, buf);
  if (n > 0) sig |= MatchKeywords(words, std::string_view(buf, n));
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
    // Ideographs, kana and hangul (U+3040-U+9FFF, U+AC00-U+D7AF, U+20000-U+2FFFF),
    // not the CJK punctuation of U+3000-U+303F.
    if ((c >= 0xE3 && c <= 0xE9 && !(c == 0xE3 && c1 == 0x80)) || (c == 0xEA && c1 >= 0xB0) ||
        c == 0xEB || c == 0xEC || (c == 0xED && c1 < 0x9F) ||
        (c == 0xF0 && c1 >= 0xA0 && c1 <= 0xAF)) {
      ++b->wide;
    }
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
  if (EqualsIgnoreAsciiCase(html::Attribute(e, "http-equiv"), "content-language")) {
    SetOnce(&m->content_language, content);
  }
  if (itemprop == "datePublished") SetOnce(&m->itemprop_date, content);
  if (key.empty()) return;
  if (key == "og:title") {
    SetOnce(&m->og_title, content);
  } else if (key == "twitter:title") {
    SetOnce(&m->twitter_title, content);
  } else if (key == "og:site_name") {
    SetOnce(&m->og_site, content);
  } else if (key == "og:locale") {
    SetOnce(&m->og_locale, content);
  } else if (key == "og:type") {
    SetOnce(&m->og_type, content);
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
  m->ld_article = true;
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

}  // namespace

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
  static const ClassWords kNoClasses;
  const ClassWords& main_classes =
      page->words->languages.empty() ? kNoClasses : page->words->languages.front().classes;
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
        el.sig = SignalsOf(main_classes, e);
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

// ---- The word lists -------------------------------------------------------------------------

namespace {

// page_classes.txt: "word | signals | match".
Status AddKeyword(const DataRow& row, const std::string& file, ClassWords* w) {
  static constexpr std::pair<std::string_view, uint32_t> kSignals[] = {
      {"body", kBody},     {"positive", kPositive}, {"negative", kNegative},
      {"boiler", kBoiler}, {"comments", kComments}, {"byline", kByline},
      {"author", kAuthor}, {"caption", kCaption},   {"invisible", kInvisible}};
  static constexpr std::pair<std::string_view, ClassWords::Match> kMatches[] = {
      {"substring", ClassWords::Match::kSubstring},
      {"token", ClassWords::Match::kToken},
      {"name", ClassWords::Match::kName}};
  ClassWords::Keyword k;
  k.word = AsciiLower(row[0]);
  if (k.word[0] < 'a' || k.word[0] > 'z') return row.Error(file, "a word starts with a-z");
  for (std::string_view name : SplitWhitespace(row[1])) {
    bool known = false;
    for (const auto& [signal_name, signal] : kSignals) {
      if (name == signal_name) {
        k.signal |= signal;
        known = true;
      }
    }
    if (!known) return row.Error(file, "unknown signal '" + std::string(name) + "'");
  }
  if (k.signal == 0) return row.Error(file, "no signal");
  bool known = false;
  for (const auto& [match_name, match] : kMatches) {
    if (row[2] == match_name) {
      k.match = match;
      known = true;
    }
  }
  if (!known) return row.Error(file, "the match is substring, token or name");
  if (w->keywords.size() >= UINT16_MAX) return row.Error(file, "too many words");
  w->by_letter[k.word[0] - 'a'].push_back(static_cast<uint16_t>(w->keywords.size()));
  w->keywords.push_back(std::move(k));
  return Status::Ok();
}

// The lists of LanguageWords.
constexpr const char* kPageLists[] = {"page_classes.txt", "page_furniture.txt", "bylines.txt"};

// One language's lists (LanguageWords); `required`: all of them, else
// those the folder has. page_furniture.txt: "line", "line_word", "whole",
// "error" ("site_placeholder" is the outlets' list); bylines.txt: "page",
// "date_label" ("line" is the briefer's).
Status LoadLanguage(std::string_view data_dir, const std::string& language, bool required,
                    LanguageWords* w) {
  w->language = language;
  auto rows_of = [&](const std::string& file) -> Result<std::vector<DataRow>> {
    if (!required && !HasDataFile(data_dir, file)) return std::vector<DataRow>();
    return LoadDataRows(data_dir, file);
  };
  const std::string classes_file = language + "/page_classes.txt";
  Result<std::vector<DataRow>> classes = rows_of(classes_file);
  if (!classes.ok()) return classes.status();
  for (const DataRow& row : *classes) {
    if (Status s = AddKeyword(row, classes_file, &w->classes); !s.ok()) return s;
  }
  const std::string furniture_file = language + "/page_furniture.txt";
  Result<std::vector<DataRow>> furniture = rows_of(furniture_file);
  if (!furniture.ok()) return furniture.status();
  for (const DataRow& row : *furniture) {
    const std::string text = FoldForMatching(row[0]);
    if (row[1] == "line") {
      w->starts.push_back(text);
    } else if (row[1] == "line_word") {
      w->starts.push_back(text + " ");
    } else if (row[1] == "whole") {
      w->wholes.push_back(text);
    } else if (row[1] == "error") {
      w->error_words.push_back(text);
    } else if (row[1] != "site_placeholder") {
      return row.Error(furniture_file, "unknown kind '" + std::string(row[1]) + "'");
    }
  }
  Result<std::vector<DataRow>> bylines = rows_of(language + "/bylines.txt");
  if (!bylines.ok()) return bylines.status();
  for (const DataRow& row : *bylines) {
    if (row[1] == "page") w->byline_openings.push_back(std::string(row[0]) + " ");
    if (row[1] == "date_label") w->date_labels.push_back(FoldForMatching(row[0]));
  }
  return Status::Ok();
}

}  // namespace

Result<PageWords> PageWords::Create(std::string_view data_dir, std::string_view language) {
  PageWords w;
  Result<Outlets> outlets = Outlets::Create(data_dir, language);
  if (!outlets.ok()) return outlets.status();
  w.outlets = std::move(*outlets);
  w.languages.emplace_back();
  if (Status s =
          LoadLanguage(data_dir, std::string(language), /*required=*/true, &w.languages.back());
      !s.ok()) {
    return s;
  }
  // The other languages: those of languages.txt with a list.
  if (HasDataFile(data_dir, "languages.txt")) {
    Result<std::string> languages = ReadDataFile(data_dir, "languages.txt");
    if (!languages.ok()) return languages.status();
    DataLines lines(*languages);
    for (std::string_view line; lines.Next(&line);) {
      const std::string code(line.substr(0, line.find_first_of(" \t")));
      if (code == language) continue;
      bool has_list = false;
      for (const char* name : kPageLists) {
        has_list = has_list || HasDataFile(data_dir, code + "/" + name);
      }
      if (!has_list) continue;
      LanguageWords l;
      if (Status s = LoadLanguage(data_dir, code, /*required=*/false, &l); !s.ok()) return s;
      w.languages.push_back(std::move(l));
    }
  }
  return w;
}

bool ClassGives(const Page& page, const GumboElement& e, uint32_t signal) {
  const std::string cls = AsciiLower(html::Attribute(e, "class")) + " ";
  for (const LanguageWords* l : page.languages) {
    if ((MatchKeywords(l->classes, cls) & signal) != 0) return true;
  }
  return false;
}

void SetPageLanguage(std::string_view lang, Page* page) {
  const std::vector<LanguageWords>& all = page->words->languages;
  page->languages.clear();
  const std::string code = AsciiLower(TrimWhitespace(lang.substr(0, lang.find_first_of("-_"))));
  for (const LanguageWords& l : all) {
    if (&l == &all.front() || code.empty() || l.language == code) page->languages.push_back(&l);
  }
  // The class and id words of the languages beyond the main one.
  bool more = false;
  for (size_t i = 1; i < page->languages.size(); ++i) {
    more = more || !page->languages[i]->classes.keywords.empty();
  }
  if (!more) return;
  for (Elem& el : page->elems) {
    char buf[256];
    const size_t n = ClassString(el.element(), buf);
    if (n == 0) continue;
    for (size_t i = 1; i < page->languages.size(); ++i) {
      el.sig |= MatchKeywords(page->languages[i]->classes, std::string_view(buf, n));
    }
  }
}

}  // namespace dossier::article_internal
