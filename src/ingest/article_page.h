// The article extractor's page model (article.cc, article_page.cc,
// article_select.cc): the page as elements and blocks of text, with their
// counts and signals. Internal to the ingest stage; docs/EXTRACTION.md
// describes the method.
#ifndef DOSSIER_INGEST_ARTICLE_PAGE_H_
#define DOSSIER_INGEST_ARTICLE_PAGE_H_

#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/status.h"
#include "ingest/html_dom.h"
#include "ingest/outlets.h"
#include "util/utf8.h"  // FoldForMatching

namespace dossier::article_internal {

using html::ParsedHtml;

enum class Kind : uint8_t {
  kIgnore,  // never text (script, form controls, media, hidden): not in the tree
  kInline,
  kBlock,
  kPre,
  kRow,
  kCell,
  kBreak,
};

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
  kAuthor = 1u << 10,     // names the author ("byline", "author"), not only a date
};

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
  uint32_t wide = 0;   // characters of scripts written without spaces (CJK, kana, hangul)
  bool ends_sentence = false;
  BlockClass cls = BlockClass::kBad;
  bool keep = false;
  std::string sample;  // the first bytes, white space collapsed, ASCII lower-cased

  float link_density() const { return chars == 0 ? 0.f : float(link_chars) / float(chars); }
};

// Words of class and id attributes (page_classes.txt), by first letter.
struct ClassWords {
  enum class Match : uint8_t {
    kSubstring,  // anywhere: "comment" in "commentlist"
    kToken,      // between non-alphanumerics: "ad" in "top-ad", not in "header"
    kName,       // a whole class name or id: "hidden", not "label-hidden"
  };
  struct Keyword {
    std::string word;  // lower case, starting with a-z
    uint32_t signal = 0;
    Match match = Match::kSubstring;
  };
  std::vector<Keyword> keywords;
  std::vector<uint16_t> by_letter[26];  // indices into keywords, by first letter
};

// One language's words for web pages (data/<language>/): class and id words
// (page_classes.txt), lines of page furniture (page_furniture.txt),
// case-folded (FoldForMatching), and byline openings and date labels
// (bylines.txt "page", "date_label"; the main language's labels are also
// its Outlets').
// A list the folder lacks is empty.
struct LanguageWords {
  std::string language;             // "de"
  ClassWords classes;               // "artikel", "werbung"
  std::vector<std::string> starts;  // a short block starting with it: "advertisement", "follow "
  std::vector<std::string> wholes;  // a block that is exactly it: "teilen"
  std::vector<std::string> error_words;      // of error pages' headings: "not found"
  std::vector<std::string> byline_openings;  // as written, with the space: "By ", "Von "
  std::vector<std::string> date_labels;      // bylines.txt "date_label", lower case: "updated"
};

// The extractor's word lists (LanguageWords; outlets.h for the rest). Immutable.
struct PageWords {
  // The main language's first (its lists are required), then every other
  // language of languages.txt that has one of the lists.
  std::vector<LanguageWords> languages;
  Outlets outlets;

  static Result<PageWords> Create(std::string_view data_dir, std::string_view language);
};

struct Meta {
  std::string og_title, twitter_title, og_site, og_url, canonical, title_tag;
  std::string meta_author, meta_date, itemprop_date, time_datetime, rel_author;
  std::string ld_headline, ld_author, ld_date, ld_publisher, ld_url, ld_body;
  std::string og_locale, content_language;  // "de_DE"; <meta http-equiv="content-language">
  std::string og_type;                      // "article", "website"
  bool ld_article = false;                  // the JSON-LD describes an article
};

struct Page {
  const ParsedHtml* html = nullptr;
  const PageWords* words = nullptr;
  std::vector<Elem> elems;
  std::vector<Block> blocks;
  std::vector<int32_t> text_block;  // per text node: its block, -1 for none
  int32_t body = -1;                // the <body> element
  Meta meta;
  // The languages whose words apply (SetPageLanguage): the main language,
  // and the page's own language when it declares one, else every language.
  std::vector<const LanguageWords*> languages;
};

constexpr size_t kSampleBytes = 160;

struct Selection {
  std::vector<int32_t> roots;
  std::vector<uint8_t> drop;  // per element
};

// ---- Pass 1 (article_page.cc) ---------------------------------------------------------

// The page's elements, blocks and metadata (page->words set).
void BuildPage(const ParsedHtml& html, Page* page);
// Chooses page->languages from the page's declared language `lang` (<html
// lang>, og:locale: "de-DE", "de_DE"; empty when it declares none) and adds
// the class and id signals of those beyond the main language (BuildPage
// gives the main language's).
void SetPageLanguage(std::string_view lang, Page* page);
// Whether the class attribute of `e` alone (not its id) holds a word of
// the page's languages (Page::languages) that gives `signal`.
bool ClassGives(const Page& page, const GumboElement& e, uint32_t signal);
Kind KindOf(const GumboElement& e);
bool IsContainerTag(GumboTag t);  // holds paragraphs rather than being one
bool IsHeadingTag(GumboTag t);
// Text of a subtree (for metadata), white space collapsed, at most `limit` bytes.
std::string InnerText(const GumboNode* node, size_t limit);

// ---- Choosing the article (article_select.cc) ----------------------------------------

// Whether a short block (its sample) is a line of page furniture.
bool IsBoilerplateLine(const Page& page, std::string_view sample);
void ClassifyBlocks(Page* page);
void MarkJsonLdBody(Page* page);
void Prune(Page* page, bool strict);
int32_t ScoreCandidates(Page* page);
int32_t RefineTop(const Page& page, int32_t top);
std::vector<int32_t> JoinSiblings(const Page& page, int32_t top);
void JoinSameClass(const Page& page, int32_t top, std::vector<int32_t>* roots);
void CleanArticle(Page* page, std::string_view title, Selection* sel);
// Whether element `i` is a comments section: its class or id says comments
// and it does not hold the article's body.
bool IsCommentsSection(const Page& page, int32_t i);
// Whether element `inner` lies in the subtree of `outer`.
bool Contains(const Page& page, int32_t outer, int32_t inner);

}  // namespace dossier::article_internal

#endif  // DOSSIER_INGEST_ARTICLE_PAGE_H_
