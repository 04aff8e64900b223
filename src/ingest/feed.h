// Feeds and sitemaps: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0, sitemaps
// (urlset, sitemapindex) with the Google News extension, parsed with libxml2
// into items, and the items with text turned into Documents.
//
//   std::vector<Diagnostic> diagnostics;
//   if (LooksLikeFeed(bytes)) {
//     Result<Feed> feed = ParseFeed(bytes, "news.xml", FeedOptions(), &diagnostics);
//     if (feed.ok()) {
//       for (Document& doc : FeedDocuments(*feed, "news.xml", &diagnostics)) Use(doc);
//     }
//   }
//
// Items: title and author are plain text (entities decoded, white space
// collapsed; an RSS title's HTML character references are decoded too, as
// feeds often escape them twice); links are absolute where a base is known
// (xml:base, else the feed's link); summary_html / content_html are HTML
// source (RSS description and content:encoded as written; Atom text
// constructs: html as written, xhtml serialized, text escaped). An RSS
// <source> names the item's outlet like news:publication does.
//
// Dates (ParseFeedDate): RFC 822 (RSS: "Fri, 18 Dec 2015 10:00:00 GMT",
// "+0100", EST/EDT/CST/CDT/MST/MDT/PST/PDT/CET/CEST, UT/GMT/Z and other
// names as UTC, two-digit years 50-99 -> 19xx, 00-49 -> 20xx), RFC 3339 (Atom) and W3C datetime
// (sitemaps: YYYY, YYYY-MM, YYYY-MM-DD, with a time and zone). A time is normalized to UTC in
// `datetime` ("2015-12-18T10:00:00Z"; a time without a zone is taken as UTC)
// and `date` is then its UTC date; a date without a time is kept as written
// ("2015-12-18", or the reduced "2015-12" / "2015" of a sitemap).
//
// Safety: the bytes given are parsed in memory with XML_PARSE_NONET and never
// XML_PARSE_NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE: nothing is
// fetched or read from the file system, no DTD is loaded, user-defined
// entities are never expanded (an entity reference stays "&name;", which the
// HTML fields decode when HTML names it: RSS 0.91 feeds use &eacute;), only
// the predefined entities and character references are decoded; libxml2's
// own limits (depth 256, text nodes of 10 MB, entity amplification) hold.
// An entity loop or amplification stops the parse: an error Diagnostic, the
// items read before it kept. libxml2 prints nothing: its messages are
// collected per parse into Diagnostics naming the input ("name:line"), the
// byte offset of that line and the message.
//
// Malformed feeds: libxml2 recovers (items before and after the damage
// kept, a warning per message, at most FeedOptions::max_diagnostics of
// them), but after its first error it drops every entity reference, &lt; and
// &amp; included. So a feed that is not well-formed is parsed a second time
// from a copy with the predefined entities written as character references,
// a stray "&" or "<" escaped and, when there is no DOCTYPE, HTML entities
// (&nbsp;) as character references; a warning counts the repairs. Bytes
// that are not UTF-8 which recovery lets through become U+FFFD (reported).
// Bytes that are not XML, or XML whose root is not a feed, are an error.
//
// Thread-safe: libxml2 is initialized once (std::call_once); every parse has
// its own context and error collector (messages without a context, such as
// encoding errors, go through libxml2's per-thread handler, set for the
// parse and restored after), so parses run from many threads at once.
// LooksLikeFeed, ParseFeed, FeedDocuments and ParseFeedDate keep no state.
#ifndef DOSSIER_INGEST_FEED_H_
#define DOSSIER_INGEST_FEED_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/ingest.h"
#include "dossier/status.h"

namespace dossier {

enum class FeedKind { kRss, kRdf, kAtom, kSitemap, kSitemapIndex };
const char* FeedKindName(FeedKind kind);  // "rss", "rdf", "atom", "sitemap", "sitemapindex"

struct FeedItem {
  std::string title;         // text, entities decoded, white space collapsed
  std::string link;          // absolute URL (resolved against xml:base / the feed's link)
  std::string id;            // guid / atom:id, else the link
  std::string date;          // YYYY-MM-DD, a sitemap's YYYY-MM / YYYY as written; or empty
  std::string datetime;      // RFC 3339 UTC "2015-12-18T10:00:00Z" when a time was given
  std::string author;        // author / dc:creator / atom:author/name, no e-mail address
  std::string source;        // news:publication name or RSS <source>, else empty
  std::string summary_html;  // description / atom:summary, as HTML source
  std::string content_html;  // content:encoded / atom:content, as HTML source
  uint32_t line = 0;         // line of the item element in the input (1-based)
};

struct Feed {
  FeedKind kind = FeedKind::kRss;
  std::string title, link, language;  // channel / feed metadata, empty for sitemaps
  std::vector<FeedItem> items;        // in input order
};

struct FeedOptions {
  // Items kept at most; the rest are reported (one warning) and skipped.
  size_t max_items = 100000;
  // An item's summary or content HTML longer than this is cut like any
  // document (CutDocument) and reported.
  uint64_t max_document_bytes = kDefaultMaxDocumentBytes;
  // libxml2 messages reported at most; the rest are counted in one more.
  size_t max_diagnostics = 20;
};

// True when the root element of `bytes` is rss, rdf:RDF, feed, urlset or
// sitemapindex: read from the first 8 KiB after a byte-order mark (UTF-8 or
// UTF-16), the XML declaration, processing instructions, comments and a
// DOCTYPE, without parsing the document.
bool LooksLikeFeed(std::string_view bytes);

// Parses a feed or sitemap. Errors: kInvalidInput for bytes that are not XML
// or a root that is not a feed, kResourceExhausted past 2 GiB. Recovered XML
// errors and skipped items go to `diagnostics` (may be null).
Result<Feed> ParseFeed(std::string_view bytes, const std::string& name, const FeedOptions& options,
                       std::vector<Diagnostic>* diagnostics);

// One Document per item with text (its content, else its summary): id = link
// (else id, else origin), url = link, title, date (only a full YYYY-MM-DD),
// byline = author, source = the item's source else the feed's title, origin
// = "name:line", raw = the item's HTML, text/map from raw exactly as
// ReadHtmlDocument makes them (NormalizeText without LaTeX quotes, then
// ExtractHtmlText: entities decoded, no markup; map text -> raw). Items
// without text (sitemaps, title-only items) give no document; for RSS/Atom a
// warning counts them.
std::vector<Document> FeedDocuments(const Feed& feed, const std::string& name,
                                    std::vector<Diagnostic>* diagnostics);

struct FeedDate {
  std::string date;      // "2015-12-18" (or reduced "2015-12", "2015"); empty if unreadable
  std::string datetime;  // "2015-12-18T10:00:00Z" when a time was given, else empty
};

// Reads an RFC 822, RFC 3339 / W3C datetime or plain English date ("December
// 18, 2015"); see the header comment for the forms and the UTC rule.
FeedDate ParseFeedDate(std::string_view text);

}  // namespace dossier

#endif  // DOSSIER_INGEST_FEED_H_
