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

#include "ingest/article_page.h"
#include "ingest/html_dom.h"
#include "ingest/outlets.h"
#include "util/dates.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dossier {
namespace article_internal {
namespace {

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

std::string NormalizeDate(const CalendarNames& names, std::string_view s) {
  s = TrimWhitespace(s);
  if (s.empty()) return {};
  CivilDate d;
  if (ParseDate(s, &d, names) && d.valid()) return d.ToIso();
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
  if (FindFullDate(s, &d, &b, &e, names) && d.valid()) return d.ToIso();
  // "Tue Nov 19 2019 05:44:06 GMT": month day year.
  for (size_t k = 0; k + 3 <= s.size(); ++k) {
    if (!IsAsciiAlpha(s[k]) || (k > 0 && IsAsciiAlpha(s[k - 1]))) continue;
    size_t w = k;
    while (w < s.size() && IsAsciiAlpha(s[w])) ++w;
    const int month = names.Month(s.substr(k, w - k));
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

// Without its opening ("By ", "Written by ", "Von ": the byline openings
// of the page's languages, Page::languages).
std::string CleanByline(const Page& page, std::string_view s) {
  std::string b = CollapseWhitespace(s);
  std::string_view v = b;
  bool cut = false;
  for (const LanguageWords* l : page.languages) {
    for (const std::string& prefix : l->byline_openings) {
      if (StartsWith(v, prefix)) {
        v.remove_prefix(prefix.size());
        cut = true;
        break;
      }
    }
    if (cut) break;
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
  const PageWords& words = *page.words;
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
    std::string b = CleanByline(page, *s);
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
        in_comments = IsCommentsSection(page, p);
      }
      if (in_comments) continue;
      // Its class names the author: a date line alone names no one.
      if (!ClassGives(page, el.element(), kAuthor)) continue;
      std::string b = CleanByline(page, InnerText(el.node, 200));
      if (!b.empty() && CountWords(b) <= 8) a->byline = std::move(b);
    }
  }
  // Date.
  for (const std::string* s : {&m.meta_date, &m.ld_date, &m.itemprop_date, &m.time_datetime}) {
    std::string d = NormalizeDate(words.outlets.calendar(), *s);
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

// The outlet, and the address and date when the page's metadata gives none,
// from the page's address (src/ingest/outlets.h); bylines without dates
// (the date labels of the page's languages beyond the main one too).
void FillFromAddress(const Page& page, std::string_view address, Article* a) {
  const Outlets& outlets = page.words->outlets;
  const Meta& m = page.meta;
  if (a->url.empty() && !HostOf(address).empty()) a->url = std::string(address);
  a->site = outlets.OutletName({m.og_site, m.ld_publisher}, a->url);
  if (a->date.empty()) a->date = outlets.DateFromUrl(a->url);
  if (a->date.empty() && a->url != address) a->date = outlets.DateFromUrl(address);
  std::vector<const std::vector<std::string>*> more_labels;
  for (size_t i = 1; i < page.languages.size(); ++i) {
    more_labels.push_back(&page.languages[i]->date_labels);
  }
  a->byline = outlets.CleanBylineDates(a->byline, more_labels);
}

// ---- Is it an article? ------------------------------------------------------------------

// Text in a script written without spaces (Chinese, Japanese, Korean)
// says in one character what a Latin script says in two or three: its
// characters count twice toward the thresholds, and a line of 15 of them
// reads as running text without a stop.
uint32_t WeighedChars(const Block& b) {
  const uint32_t text = b.chars - b.link_chars;
  const uint32_t wide = b.link_chars == 0 ? b.wide : b.wide * text / std::max(b.chars, 1u);
  return text + wide;
}

bool IsRunningText(const Block& b) {
  return b.cls == BlockClass::kGood || b.cls == BlockClass::kNearGood ||
         (b.cls == BlockClass::kShort && b.wide >= 15 && b.link_density() < 0.5f);
}

bool LooksLikeErrorPage(const Page& page, std::string_view title) {
  std::string heads = page.meta.title_tag + " " + std::string(title);
  for (const Elem& el : page.elems) {
    if (el.tag == GUMBO_TAG_H1) heads += " " + InnerText(el.node, 200);
  }
  heads = FoldForMatching(heads);
  for (const LanguageWords& l : page.words->languages) {  // every language's
    for (const std::string& w : l.error_words) {          // "404", "not found"
      if (heads.find(w) != std::string::npos) return true;
    }
  }
  return false;
}

// Whether the page calls itself an article (og:type article, a JSON-LD
// article).
bool PageClaimsArticle(const Meta& m) {
  return StartsWith(AsciiLower(TrimWhitespace(m.og_type)), "article") || m.ld_article;
}

// Whether the roots lie in (or hold running text of) the element the
// page's markup marks as the article: <article>, <main>, role=main,
// itemprop=articleBody, an "article-body" class.
bool InArticleMarkup(const Page& page, const std::vector<int32_t>& roots) {
  const std::vector<Elem>& elems = page.elems;
  for (int32_t r : roots) {
    for (int32_t p = r; p >= 0; p = elems[p].parent) {
      if ((elems[p].sig & (kBody | kArticleTag)) != 0) return true;
    }
    for (uint32_t i = static_cast<uint32_t>(r); i < elems[r].end; ++i) {
      if ((elems[i].sig & (kBody | kArticleTag)) != 0 && elems[i].good_chars > 0) return true;
    }
  }
  return false;
}

// Whether the page's own structure vouches for a short text as its
// article: the kept text lies in the element its markup marks as the
// article, and the page calls itself an article or that text is most of
// the page's text outside links. An error page never is one.
bool PageVouchesForText(const Page& page, const Selection& sel, uint32_t kept,
                        std::string_view title) {
  if (!InArticleMarkup(page, sel.roots)) return false;
  uint32_t page_text = 0;
  for (const Block& b : page.blocks) page_text += b.chars - b.link_chars;
  if (!PageClaimsArticle(page.meta) && 2 * kept < page_text) return false;
  return !LooksLikeErrorPage(page, title);
}

// Whether element `i` lies in an <article> inside one of the roots (not a
// root itself): a teaser on an index page.
bool InTeaserArticle(const Page& page, const Selection& sel, int32_t i) {
  for (int32_t r : sel.roots) {
    if (!Contains(page, r, i)) continue;
    for (int32_t p = i; p > r; p = page.elems[p].parent) {
      if (page.elems[p].tag == GUMBO_TAG_ARTICLE) return true;
    }
  }
  return false;
}

// Empty when the kept blocks make an article; else why not. Too little
// running text is not an article (an error page, a bare index) unless the
// page's structure vouches for it (PageVouchesForText); nor is a list of
// linked headlines with their summaries (a front or section page).
std::string JudgeArticle(const Page& page, const Selection& sel, std::string_view title,
                         bool* link_list) {
  // The linked headlines of teasers marked up as <article>s inside the
  // roots count where the cleaning dropped them too, unless the page calls
  // itself an article and the roots are its article markup (a short report
  // followed by links to others).
  const bool article_page = PageClaimsArticle(page.meta) && InArticleMarkup(page, sel.roots);
  uint32_t kept = 0, good = 0, good_blocks = 0, linked_headings = 0;
  for (const Block& b : page.blocks) {
    const bool linked_heading = IsHeadingTag(page.elems[b.owner].tag) && b.link_density() >= 0.8f;
    if (!b.keep) {
      if (linked_heading && !article_page && InTeaserArticle(page, sel, b.owner)) {
        ++linked_headings;
      }
      continue;
    }
    kept += WeighedChars(b);
    if (IsRunningText(b)) {
      good += b.chars + b.wide;
      ++good_blocks;
    }
    if (linked_heading) ++linked_headings;
  }
  if ((kept < 200 || good < 100) &&
      (kept < 100 || good < 40 || !PageVouchesForText(page, sel, kept, title))) {
    return "too little running text (" + std::to_string(kept) + " characters)";
  }
  if (linked_headings >= 3 && 2 * linked_headings >= good_blocks) {
    *link_list = true;
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

// A kept block of at least three words (or eight characters of an unspaced
// script) and 15 characters ending a sentence.
bool HoldsASentence(const Page& page) {
  for (const Block& b : page.blocks) {
    if (b.keep && (b.words >= 3 || b.wide >= 8) && b.chars >= 15 && b.ends_sentence &&
        b.link_density() < 0.5f) {
      return true;
    }
  }
  return false;
}

}  // namespace
}  // namespace article_internal

using article_internal::EmitArticle;
using article_internal::FillFromAddress;
using article_internal::FillMetadata;
using article_internal::HoldsASentence;
using article_internal::InArticleMarkup;
using article_internal::IsSmallPage;
using article_internal::JudgeArticle;
using article_internal::LooksLikeErrorPage;
using article_internal::Page;
using article_internal::PageClaimsArticle;
using article_internal::PageWords;
using article_internal::Selection;
using html::ParsedHtml;

Result<ArticleExtractor> ArticleExtractor::Create(std::string_view data_dir,
                                                  std::string_view language) {
  Result<PageWords> words = PageWords::Create(data_dir, language);
  if (!words.ok()) return words.status();
  ArticleExtractor extractor;
  extractor.words_ = std::make_shared<const PageWords>(std::move(*words));
  return extractor;
}

const ArticleExtractor& ArticleExtractor::BuiltIn() {
  // Immutable once built; empty lists only if the build lost its data.
  static const ArticleExtractor extractor = [] {
    Result<ArticleExtractor> built_in = Create("");
    if (built_in.ok()) return std::move(*built_in);
    ArticleExtractor empty;
    empty.words_ = std::make_shared<const PageWords>();
    return empty;
  }();
  return extractor;
}

Result<Article> ExtractArticle(std::string_view html, std::string_view address) {
  return ArticleExtractor::BuiltIn().Extract(html, address);
}

Result<Article> ArticleExtractor::Extract(std::string_view html, std::string_view address) const {
  Result<std::unique_ptr<ParsedHtml>> parsed = ParsedHtml::Parse(html);
  if (!parsed.ok()) return parsed.status();
  Page page;
  page.words = words_.get();
  BuildPage(**parsed, &page);
  Article a;
  a.flattened = (*parsed)->flattened();
  const GumboNode* root = (*parsed)->root();
  if (root != nullptr && root->type == GUMBO_NODE_ELEMENT) {
    a.lang = std::string(TrimWhitespace(html::Attribute(root->v.element, "lang")));
  }
  if (a.lang.empty()) a.lang = TrimWhitespace(page.meta.og_locale);
  if (a.lang.empty()) a.lang = TrimWhitespace(page.meta.content_language);
  SetPageLanguage(a.lang, &page);
  ClassifyBlocks(&page);
  MarkJsonLdBody(&page);

  // The strict pass, then readability's retry with only comments and
  // invisible text pruned when it finds too little, unless the page calls
  // itself an article and the little found is in its article markup (a
  // short report: the retry would take the page around it).
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
    if (attempt == 0 && PageClaimsArticle(page.meta) && InArticleMarkup(page, sel.roots)) break;
  }
  FillMetadata(page, sel.roots.empty() ? nullptr : &sel, &a);
  FillFromAddress(page, address, &a);
  for (std::string* field : {&a.title, &a.byline, &a.date, &a.url, &a.site, &a.lang}) {
    if (!IsValidUtf8(*field)) *field = html::RepairedUtf8(*field);
  }
  std::string why_not = "no block of running text in the page";
  bool link_list = false;
  if (!sel.roots.empty()) {
    CleanArticle(&page, a.title, &sel);
    why_not = JudgeArticle(page, sel, a.title, &link_list);
  }
  // A small page (a short notice, a one-paragraph post) has nothing to
  // score against: taken whole, minus its furniture, when it holds a
  // sentence and is neither an error page nor a list of links.
  if (!why_not.empty() && !link_list && page.body >= 0 && IsSmallPage(page) &&
      !LooksLikeErrorPage(page, a.title)) {
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
