// Feeds and sitemaps with libxml2 (see feed.h). Sections: dates, the root
// sniffer, the libxml2 parse and its messages, safe tree reading, the formats
// (RSS/RDF, Atom, sitemaps), documents.
#include "ingest/feed.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/html_text.h"
#include "ingest/readers.h"
#include "util/dates.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace dossier {

const char* FeedKindName(FeedKind kind) {
  switch (kind) {
    case FeedKind::kRss:
      return "rss";
    case FeedKind::kRdf:
      return "rdf";
    case FeedKind::kAtom:
      return "atom";
    case FeedKind::kSitemap:
      return "sitemap";
    case FeedKind::kSitemapIndex:
      return "sitemapindex";
  }
  return "rss";
}

// ---- Dates -------------------------------------------------------------------------------------
namespace {

// A cursor over a date string.
struct DateScanner {
  std::string_view s;
  size_t pos = 0;

  bool AtEnd() const { return pos >= s.size(); }
  char Peek() const { return AtEnd() ? '\0' : s[pos]; }
  bool Accept(char c) {
    if (Peek() != c) return false;
    ++pos;
    return true;
  }
  void SkipSpaces() {
    while (!AtEnd() && (IsAsciiSpace(s[pos]) || s[pos] == ',')) ++pos;
  }
  // Exactly `min`..`max` digits as a number, or -1 (position unchanged).
  int Digits(size_t min, size_t max, size_t* count = nullptr) {
    size_t n = 0;
    int value = 0;
    while (n < max && pos + n < s.size() && IsAsciiDigit(s[pos + n])) {
      value = value * 10 + (s[pos + n] - '0');
      ++n;
    }
    if (n < min) return -1;
    pos += n;
    if (count != nullptr) *count = n;
    return value;
  }
  std::string_view Letters() {
    const size_t begin = pos;
    while (!AtEnd() && IsAsciiAlpha(s[pos])) ++pos;
    return s.substr(begin, pos - begin);
  }
};

// A date with an optional time of day and zone offset.
struct Timestamp {
  int year = 0, month = 0, day = 0;  // month/day 0 in a reduced sitemap date
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;  // local time = UTC + offset
};

// hh:mm[:ss[.fraction]]; false when malformed.
bool ScanTime(DateScanner* in, Timestamp* t, size_t hour_digits = 2) {
  t->hour = in->Digits(hour_digits, 2);
  if (t->hour < 0 || !in->Accept(':')) return false;
  t->minute = in->Digits(2, 2);
  if (t->minute < 0) return false;
  if (in->Accept(':')) {
    t->second = in->Digits(2, 2);
    if (t->second < 0) return false;
    if (in->Accept('.') || in->Accept(',')) {
      while (!in->AtEnd() && IsAsciiDigit(in->Peek())) ++in->pos;
    }
  }
  t->has_time = true;
  return t->hour <= 24 && t->minute <= 59 && t->second <= 60 &&
         (t->hour < 24 || (t->minute == 0 && t->second == 0));
}

// +hh:mm, +hhmm, +hh or -..., into minutes; false when malformed.
bool ScanNumericZone(DateScanner* in, int* minutes) {
  const char sign = in->Peek();
  if (sign != '+' && sign != '-') return false;
  ++in->pos;
  size_t n = 0;
  const int first = in->Digits(2, 4, &n);
  if (first < 0 || n == 3) return false;
  int hours = first, mins = 0;
  if (n == 4) {
    hours = first / 100;
    mins = first % 100;
  } else if (in->Accept(':')) {
    mins = in->Digits(2, 2);
    if (mins < 0) return false;
  }
  if (hours > 23 || mins > 59) return false;
  *minutes = (sign == '-' ? -1 : 1) * (hours * 60 + mins);
  return true;
}

// RFC 822 / 2822 zone names in hours east of UTC; a single military letter
// (meaning unknown, RFC 2822 4.3) and the unknown names count as UTC.
int NamedZoneHours(std::string_view name) {
  static constexpr struct {
    std::string_view name;
    int hours;
  } kZones[] = {{"EST", -5}, {"EDT", -4}, {"CST", -6}, {"CDT", -5}, {"MST", -7},
                {"MDT", -6}, {"PST", -8}, {"PDT", -7}, {"CET", 1},  {"CEST", 2}};
  for (const auto& z : kZones) {
    if (EqualsIgnoreAsciiCase(name, z.name)) return z.hours;
  }
  return 0;
}

// "Tue", "Tues", "Tuesday"...: a day name RFC 822 allows, or more of it.
// not-language: RFC 822's day names, English in every feed.
bool IsRfc822Weekday(std::string_view lower) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  if (lower.size() < 3) return false;
  for (std::string_view day : kDays) {
    if (StartsWith(day, lower)) return true;
  }
  return false;
}

// W3C datetime / RFC 3339: YYYY[-MM[-DD[(T| )hh:mm[:ss[.f]][Z|+hh:mm]]]].
bool ParseW3c(std::string_view s, Timestamp* t) {
  DateScanner in{s};
  t->year = in.Digits(4, 4);
  if (t->year < 0) return false;
  if (in.Accept('-')) {
    t->month = in.Digits(2, 2);
    if (t->month < 1 || t->month > 12) return false;
    if (in.Accept('-')) {
      t->day = in.Digits(2, 2);
      if (t->day < 1 || t->day > DaysInMonth(t->year, t->month)) return false;
      if (in.Accept('T') || in.Accept('t') ||
          (in.Peek() == ' ' && in.pos + 1 < s.size() && IsAsciiDigit(s[in.pos + 1]) &&
           in.Accept(' '))) {
        if (!ScanTime(&in, t)) return false;
        if (in.Accept('Z') || in.Accept('z')) {
          t->offset_minutes = 0;
        } else if (!in.AtEnd() && !ScanNumericZone(&in, &t->offset_minutes)) {
          return false;
        }
      }
    }
  }
  return in.AtEnd();
}

// RFC 822: [Wkd,] D Mon YY[YY] [hh:mm[:ss] [zone]]; the month may be written
// out ("December"), a trailing comment "(UTC)" is ignored.
bool ParseRfc822(std::string_view s, Timestamp* t) {
  DateScanner in{s};
  in.SkipSpaces();
  if (IsAsciiAlpha(in.Peek())) {
    if (!IsRfc822Weekday(AsciiLower(in.Letters()))) return false;
    in.Accept('.');
    in.SkipSpaces();
  }
  t->day = in.Digits(1, 2);
  in.SkipSpaces();
  if (in.Peek() == '-') ++in.pos;  // "18-Dec-2015"
  t->month = MonthFromName(in.Letters());
  in.Accept('.');
  if (in.Peek() == '-') ++in.pos;
  in.SkipSpaces();
  size_t digits = 0;
  t->year = in.Digits(2, 4, &digits);
  if (t->day < 1 || t->month == 0 || t->year < 0) return false;
  if (digits == 2) t->year += t->year < 50 ? 2000 : 1900;
  if (digits == 3) t->year += 1900;
  if (t->day > DaysInMonth(t->year, t->month)) return false;
  in.SkipSpaces();
  if (in.AtEnd()) return true;
  if (!ScanTime(&in, t, /*hour_digits=*/1)) return false;
  in.SkipSpaces();
  if (in.Peek() == '+' || in.Peek() == '-') {
    if (!ScanNumericZone(&in, &t->offset_minutes)) return false;
  } else if (IsAsciiAlpha(in.Peek())) {
    t->offset_minutes = 60 * NamedZoneHours(in.Letters());
  }
  in.SkipSpaces();
  return in.AtEnd() || in.Peek() == '(';
}

std::string TwoDigits(int n) {
  char b[3] = {static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10), '\0'};
  return b;
}

// The date as written (reduced precision kept), or with a time its UTC date
// and RFC 3339 timestamp. Empty when the UTC year leaves 1..9999.
FeedDate Format(const Timestamp& t) {
  FeedDate out;
  if (!t.has_time) {
    if (t.year < 1 || t.year > 9999) return out;
    char year[5];
    std::snprintf(year, sizeof(year), "%04d", t.year);
    out.date = year;
    if (t.month > 0) out.date += "-" + TwoDigits(t.month);
    if (t.day > 0) out.date += "-" + TwoDigits(t.day);
    return out;
  }
  const int64_t seconds = DaysFromCivil(t.year, t.month, t.day) * 86400 + t.hour * 3600 +
                          t.minute * 60 + std::min(t.second, 59) - t.offset_minutes * 60;
  int64_t days = seconds / 86400;
  int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  const CivilDate d = CivilFromDays(days);
  if (d.year < 1 || d.year > 9999) return out;
  out.date = d.ToIso();
  out.datetime = out.date + "T" + TwoDigits(static_cast<int>(rest / 3600)) + ":" +
                 TwoDigits(static_cast<int>(rest / 60 % 60)) + ":" +
                 TwoDigits(static_cast<int>(rest % 60)) + "Z";
  return out;
}

}  // namespace

FeedDate ParseFeedDate(std::string_view text) {
  text = TrimWhitespace(text);
  if (text.empty() || text.size() > 100) return {};
  Timestamp t;
  if (ParseW3c(text, &t)) return Format(t);
  // Shaped like W3C ("2015-12-18T25:00") but wrong: not read some other way.
  if (text.size() > 4 && IsAsciiDigit(text[0]) && IsAsciiDigit(text[3]) && text[4] == '-') {
    return {};
  }
  t = Timestamp();
  if (ParseRfc822(text, &t)) return Format(t);
  // "December 17, 2015", also after a weekday ("Thursday, December 17, 2015").
  CivilDate d;
  const size_t comma = text.find(',');
  if (text.find(':') != std::string_view::npos) return {};  // a time it could not read
  if ((ParseDate(text, &d) || (comma != std::string_view::npos &&
                               IsRfc822Weekday(AsciiLower(TrimWhitespace(text.substr(0, comma)))) &&
                               ParseDate(text.substr(comma + 1), &d))) &&
      d.valid()) {
    return {d.ToIso(), {}};
  }
  return {};
}

// ---- The root element, without a parse -----------------------------------------------------
namespace {

// The first 8 KiB as ASCII-compatible bytes: UTF-16 (with a byte-order mark)
// narrowed to its low bytes, a UTF-8 BOM dropped.
std::string SniffWindow(std::string_view bytes) {
  bytes = bytes.substr(0, 8192);
  std::string out;
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    const size_t low = bytes[0] == '\xFF' ? 0 : 1;
    for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
      const char c = bytes[i + low], other = bytes[i + 1 - low];
      out.push_back(other == 0 && static_cast<unsigned char>(c) < 0x80 ? c : '?');
    }
    return out;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return std::string(bytes);
}

// Skips a DOCTYPE at s[pos] ("<!DOCTYPE"), its internal subset included.
size_t SkipDoctype(std::string_view s, size_t pos) {
  char quote = 0;
  int brackets = 0;
  for (; pos < s.size(); ++pos) {
    const char c = s[pos];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (s.compare(pos, 4, "<!--") == 0) {
      pos = s.find("-->", pos + 4);
      if (pos == std::string_view::npos) return pos;
      pos += 2;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++brackets;
    } else if (c == ']') {
      --brackets;
    } else if (c == '>' && brackets <= 0) {
      return pos + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

bool LooksLikeFeed(std::string_view bytes) {
  const std::string window = SniffWindow(bytes);
  const std::string_view s = window;
  size_t pos = 0;
  while (pos != std::string_view::npos && pos < s.size()) {
    if (IsAsciiSpace(s[pos])) {
      ++pos;
    } else if (s.compare(pos, 2, "<?") == 0) {
      pos = s.find("?>", pos + 2);
      if (pos != std::string_view::npos) pos += 2;
    } else if (s.compare(pos, 4, "<!--") == 0) {
      pos = s.find("-->", pos + 4);
      if (pos != std::string_view::npos) pos += 3;
    } else if (s.compare(pos, 9, "<!DOCTYPE") == 0) {
      pos = SkipDoctype(s, pos);
    } else {
      break;
    }
  }
  if (pos == std::string_view::npos || pos >= s.size() || s[pos] != '<') return false;
  size_t end = pos + 1;
  while (end < s.size() && !IsAsciiSpace(s[end]) && s[end] != '>' && s[end] != '/') ++end;
  std::string_view name = s.substr(pos + 1, end - pos - 1);
  if (end >= s.size()) return false;  // the name may go on past the window
  const size_t colon = name.find(':');
  const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  if (colon != std::string_view::npos) return local == "RDF" || local == "feed";
  return IsOneOf(name, {"rss", "feed", "urlset", "sitemapindex", "RDF"});
}

// ---- The libxml2 parse ---------------------------------------------------------------------
namespace {

// What libxml2 said during one parse.
struct XmlMessage {
  int line = 0;
  int column = 0;
  int level = 0;  // xmlErrorLevel
  int code = 0;
  std::string text;
};
struct XmlLog {
  bool well_formed = true;
  size_t keep = 20;
  size_t count = 0;  // all messages, kept or not
  std::vector<XmlMessage> messages;
};

// The structured error handler of our contexts: `user` is the parser
// context (SAX2's user data), whose _private is our log.
void CollectXmlError(void* user, xmlErrorPtr error) {
  if (user == nullptr || error == nullptr) return;
  const auto* ctxt = static_cast<xmlParserCtxtPtr>(user);
  auto* log = static_cast<XmlLog*>(ctxt->_private);
  if (log == nullptr) return;
  // An HTML entity (&eacute;) that the DTD of an RSS 0.91 feed, never
  // loaded, declares: read as HTML, so not worth a warning.
  if ((error->code == XML_WAR_UNDECLARED_ENTITY || error->code == XML_ERR_UNDECLARED_ENTITY) &&
      ctxt->hasExternalSubset && error->str1 != nullptr &&
      htmlEntityLookup(reinterpret_cast<const xmlChar*>(error->str1)) != nullptr) {
    return;
  }
  XmlMessage m;
  m.line = error->line;
  m.column = error->int2;
  m.level = error->level;
  m.code = error->code;
  m.text = std::string(TrimWhitespace(error->message != nullptr ? error->message : "XML error"));
  if (!log->messages.empty()) {  // the same message again (an entity's every use): once
    const XmlMessage& last = log->messages.back();
    if (last.line == m.line && last.column == m.column && last.text == m.text) return;
  }
  ++log->count;
  if (log->messages.size() < log->keep) log->messages.push_back(std::move(m));
}
// Messages raised outside the parser context (encoding conversion, I/O):
// `user` is our log.
void CollectLooseXmlError(void* user, xmlErrorPtr error) {
  if (user == nullptr || error == nullptr) return;
  auto* log = static_cast<XmlLog*>(user);
  XmlMessage m;
  m.level = error->level;
  m.code = error->code;
  m.text = std::string(TrimWhitespace(error->message != nullptr ? error->message : "XML error"));
  if (!log->messages.empty() && log->messages.back().text == m.text) return;
  ++log->count;
  if (log->messages.size() < log->keep) log->messages.push_back(std::move(m));
}

// Routes libxml2's messages that carry no parser context (encoding errors)
// to `log` for the life of the guard. libxml2 keeps this handler per thread,
// so other threads' parses and handlers are not touched; the previous one is
// restored.
class ThreadErrorGuard {
 public:
  explicit ThreadErrorGuard(XmlLog* log)
      : previous_(xmlStructuredError), previous_context_(xmlStructuredErrorContext) {
    xmlSetStructuredErrorFunc(log, CollectLooseXmlError);
  }
  ThreadErrorGuard(const ThreadErrorGuard&) = delete;
  ThreadErrorGuard& operator=(const ThreadErrorGuard&) = delete;
  ~ThreadErrorGuard() { xmlSetStructuredErrorFunc(previous_context_, previous_); }

 private:
  xmlStructuredErrorFunc previous_;
  void* previous_context_;
};

// The older unstructured channels, in case a path of libxml2 uses them: silent.
void IgnoreXmlMessage(void*, const char*, ...) {}

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct CtxtFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

// Options of every parse. Never NOENT (entity expansion), DTDLOAD, DTDATTR,
// DTDVALID, XINCLUDE or HUGE (lifts the limits).
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_BIG_LINES;

void InitLibxml2Once() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

// Parses `bytes` with a context of our own whose errors go to `log`. The
// document may be partial (recovery) or null.
DocPtr ParseXml(std::string_view bytes, XmlLog* log) {
  InitLibxml2Once();
  ThreadErrorGuard guard(log);
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(
      xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size())));
  if (ctxt == nullptr) return nullptr;
  xmlCtxtUseOptions(ctxt.get(), kParseOptions);
  // What the options mean, whatever this thread's libxml2 defaults
  // (xmlSubstituteEntitiesDefault, xmlLoadExtDtdDefaultValue...) say.
  ctxt->replaceEntities = 0;
  ctxt->loadsubset = 0;
  ctxt->validate = 0;
  ctxt->linenumbers = 1;
  ctxt->sax->serror = CollectXmlError;
  ctxt->sax->error = IgnoreXmlMessage;
  ctxt->sax->warning = IgnoreXmlMessage;
  ctxt->vctxt.error = IgnoreXmlMessage;
  ctxt->vctxt.warning = IgnoreXmlMessage;
  ctxt->_private = log;
  xmlParseDocument(ctxt.get());
  log->well_formed = ctxt->wellFormed != 0;
  DocPtr doc(ctxt->myDoc);
  ctxt->myDoc = nullptr;
  return doc;
}

// The length of the entity or character reference at s[at] ("&amp;",
// "&#233;", "&#xE9;"), 0 when none stands there (a stray "&").
size_t ReferenceLength(std::string_view s, size_t at) {
  size_t i = at + 1;
  if (i < s.size() && s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && s[i] == 'x';
    if (hex) ++i;
    const size_t digits = i;
    while (i < s.size() && i - digits < 8 &&
           (IsAsciiDigit(s[i]) || (hex && std::isxdigit(static_cast<unsigned char>(s[i]))))) {
      ++i;
    }
    return i > digits && i < s.size() && s[i] == ';' ? i + 1 - at : 0;
  }
  const auto name_char = [](char c, bool first) {
    return IsAsciiAlpha(c) || c == '_' || c == ':' || static_cast<unsigned char>(c) >= 0x80 ||
           (!first && (IsAsciiDigit(c) || c == '-' || c == '.'));
  };
  if (i >= s.size() || !name_char(s[i], true)) return 0;
  while (i < s.size() && i - at < 64 && name_char(s[i], false)) ++i;
  return i < s.size() && s[i] == ';' ? i + 1 - at : 0;
}

// Whether the "<" at s[at] starts a tag, an end tag, a comment, CDATA or a
// processing instruction (else it is a stray "<", as in "1 < 2").
bool StartsMarkup(std::string_view s, size_t at) {
  if (at + 1 >= s.size()) return false;
  const char c = s[at + 1];
  return IsAsciiAlpha(c) || c == '_' || c == ':' || c == '/' || c == '!' || c == '?' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The code point of a predefined XML entity ("amp" -> 38), else 0.
int PredefinedEntity(std::string_view name) {
  if (name == "amp") return '&';
  if (name == "lt") return '<';
  if (name == "gt") return '>';
  if (name == "quot") return '"';
  if (name == "apos") return '\'';
  return 0;
}

// What RepairReferences changed.
struct Repairs {
  size_t stray_marks = 0;    // a "&" or "<" that starts no reference or tag, escaped
  size_t html_entities = 0;  // "&nbsp;" -> "&#160;" (no DTD declares them)
};

// The bytes of a malformed document made ready for libxml2's recovery, where
// markup is read (not in CDATA, comments or processing instructions): after
// its first error libxml2 drops every entity reference, &lt; and &amp; too,
// for the rest of the document (character references survive). So the
// predefined entities become character references, and the two commonest
// faults of hand-made feeds are repaired: a "&" that starts no reference and
// a "<" that starts no markup are escaped, and, in a document without a DOCTYPE, an HTML entity
// ("&nbsp;") becomes its character reference. ASCII-based encodings only (not UTF-16). Line numbers
// do not change.
std::string RepairReferences(std::string_view bytes, Repairs* repairs) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 16);
  bool doctype = false;
  size_t i = 0;
  const auto copy_through = [&](std::string_view close) {
    const size_t end = bytes.find(close, i);
    const size_t stop = end == std::string_view::npos ? bytes.size() : end + close.size();
    out.append(bytes.substr(i, stop - i));
    i = stop;
  };
  while (i < bytes.size()) {
    const char c = bytes[i];
    if (c == '<' && bytes.compare(i, 9, "<![CDATA[") == 0) {
      copy_through("]]>");
    } else if (c == '<' && bytes.compare(i, 4, "<!--") == 0) {
      copy_through("-->");
    } else if (c == '<' && bytes.compare(i, 2, "<?") == 0) {
      copy_through("?>");
    } else if (c == '<' && bytes.compare(i, 9, "<!DOCTYPE") == 0) {
      doctype = true;
      const size_t end = SkipDoctype(bytes, i);
      const size_t stop = end == std::string_view::npos ? bytes.size() : end;
      out.append(bytes.substr(i, stop - i));
      i = stop;
    } else if (c == '<' && !StartsMarkup(bytes, i)) {
      out.append("&#60;");
      ++repairs->stray_marks;
      ++i;
    } else if (c == '&') {
      const size_t n = ReferenceLength(bytes, i);
      const std::string name(n > 2 ? bytes.substr(i + 1, n - 2) : std::string_view());
      const int predefined = PredefinedEntity(name);
      const htmlEntityDesc* e =
          doctype || n == 0 || name[0] == '#' || predefined > 0
              ? nullptr
              : htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
      if (n == 0) {
        out.append("&#38;");
        ++repairs->stray_marks;
      } else if (predefined > 0) {
        out.append("&#" + std::to_string(predefined) + ";");
      } else if (e != nullptr) {
        out.append("&#" + std::to_string(e->value) + ";");
        ++repairs->html_entities;
      } else {
        out.append(bytes.substr(i, n));
      }
      i += n == 0 ? 1 : n;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

// The byte offset where each line starts, to place a message's line.
std::vector<size_t> LineStarts(std::string_view bytes) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

Status MessageStatus(const XmlMessage& m, const std::string& name,
                     const std::vector<size_t>& line_starts, const std::string& prefix) {
  std::optional<uint64_t> offset;
  if (m.line >= 1 && static_cast<size_t>(m.line) <= line_starts.size()) {
    offset = line_starts[m.line - 1];
  }
  std::string where = m.line > 0 ? name + ":" + std::to_string(m.line) : name;
  std::string text = prefix + m.text;
  if (m.column > 0) text += " (column " + std::to_string(m.column) + ")";
  return Status(StatusCode::kInvalidInput, std::move(text), std::move(where), offset);
}

// One warning per recovered libxml2 message (errors that stopped the parse,
// such as an entity loop, are errors), and one for those not kept.
void ReportXmlMessages(const XmlLog& log, std::string_view bytes, const std::string& name,
                       std::vector<Diagnostic>* diagnostics) {
  if (log.count == 0) return;
  const std::vector<size_t> starts = LineStarts(bytes);
  for (const XmlMessage& m : log.messages) {
    const bool stopped = m.code == XML_ERR_ENTITY_LOOP || m.code == XML_ERR_NO_MEMORY ||
                         m.code == XML_ERR_INTERNAL_ERROR;
    const std::string prefix = m.level == XML_ERR_WARNING ? "XML warning: "
                               : stopped                  ? "XML error, parse stopped: "
                                                          : "malformed XML, recovered: ";
    AddDiagnostic(diagnostics,
                  stopped ? Diagnostic::Severity::kError : Diagnostic::Severity::kWarning,
                  MessageStatus(m, name, starts, prefix));
  }
  if (log.count > log.messages.size()) {
    AddDiagnostic(
        diagnostics, Diagnostic::Severity::kWarning,
        Status(StatusCode::kInvalidInput,
               std::to_string(log.count - log.messages.size()) + " more XML messages not shown",
               name));
  }
}

}  // namespace

// ---- Reading the tree safely ---------------------------------------------------------------
// Never xmlNodeGetContent, xmlGetProp or xmlNodeGetBase: they expand entity
// references (a billion laughs in an attribute). Entity reference nodes are
// read as their name; their children (the entity's declaration) never.
namespace {

constexpr const char* kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

std::string_view Str(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

// An entity reference as text: with `decode`, the character HTML names
// ("&eacute;" -> "é"); otherwise, or for a name HTML lacks, "&name;".
void AppendEntityRef(const xmlNode* ref, bool decode, std::string* out) {
  if (decode) {
    const htmlEntityDesc* e = htmlEntityLookup(ref->name);
    if (e != nullptr) {
      AppendUtf8(static_cast<char32_t>(e->value), out);
      return;
    }
  }
  out->push_back('&');
  out->append(Str(ref->name));
  out->push_back(';');
}

// The text of `node`'s descendants (text and CDATA), walked without recursion.
std::string NodeText(const xmlNode* node, bool decode_refs) {
  std::string out;
  const xmlNode* n = node->children;
  while (n != nullptr) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      out.append(Str(n->content));
    } else if (n->type == XML_ENTITY_REF_NODE) {
      AppendEntityRef(n, decode_refs, &out);
    } else if (n->type == XML_ELEMENT_NODE && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (n != node && n->next == nullptr) n = n->parent;
    if (n == node) break;
    n = n->next;
  }
  return out;
}

// The value of attribute `name` (in namespace `ns`, or in none), unexpanded.
std::string Attribute(const xmlNode* node, std::string_view name, const char* ns = nullptr) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (Str(a->name) != name) continue;
    if (ns == nullptr ? a->ns != nullptr : (a->ns == nullptr || Str(a->ns->href) != ns)) continue;
    std::string value;
    for (const xmlNode* c = a->children; c != nullptr; c = c->next) {
      if (c->type == XML_TEXT_NODE) value.append(Str(c->content));
      if (c->type == XML_ENTITY_REF_NODE) AppendEntityRef(c, true, &value);
    }
    return value;
  }
  return {};
}

bool HasElementChild(const xmlNode* node) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) return true;
  }
  return false;
}

// The children of `node` as XML source (an entity reference stays "&name;").
std::string InnerXml(const xmlNode* node) {
  std::string out;
  xmlBufferPtr buffer = xmlBufferCreate();
  if (buffer == nullptr) return out;
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    xmlBufferEmpty(buffer);
    if (xmlNodeDump(buffer, node->doc, c, 0, 0) >= 0) {
      out.append(reinterpret_cast<const char*>(xmlBufferContent(buffer)),
                 static_cast<size_t>(xmlBufferLength(buffer)));
    }
  }
  xmlBufferFree(buffer);
  return out;
}

// HTML source held by an element: its text (escaped HTML or CDATA), or, when
// a feed put unescaped markup in it, that markup.
std::string HtmlOf(const xmlNode* node) {
  return HasElementChild(node) ? InnerXml(node) : NodeText(node, /*decode_refs=*/false);
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  AppendHtmlEscaped(text, &out);
  return out;
}

// Decodes HTML character references in plain text ("&#x27;", "&amp;",
// "&eacute;"), once: what a feed that escaped its titles twice meant.
std::string DecodeHtmlReferences(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    const size_t amp = s.find('&', i);
    out.append(s.substr(i, (amp == std::string_view::npos ? s.size() : amp) - i));
    if (amp == std::string_view::npos) break;
    const size_t semi = s.find(';', amp + 1);
    i = amp + 1;
    if (semi == std::string_view::npos || semi - amp > 12) {
      out.push_back('&');
      continue;
    }
    const std::string body(s.substr(amp + 1, semi - amp - 1));
    char32_t cp = 0;
    if (body.size() >= 2 && body[0] == '#') {
      const bool hex = body[1] == 'x' || body[1] == 'X';
      const std::string digits = body.substr(hex ? 2 : 1);
      const bool ok = !digits.empty() &&
                      digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") ==
                          std::string::npos;
      if (ok && digits.size() <= 6)
        cp = static_cast<char32_t>(std::stoul(digits, nullptr, hex ? 16 : 10));
      if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || (cp < 0x20 && cp != '\t')) cp = 0;
    } else if (const htmlEntityDesc* e =
                   htmlEntityLookup(reinterpret_cast<const xmlChar*>(body.c_str()))) {
      cp = static_cast<char32_t>(e->value);
    }
    if (cp == 0) {
      out.push_back('&');
      continue;
    }
    AppendUtf8(cp, &out);
    i = semi + 1;
  }
  return out;
}

// Replaces each byte of `*s` that is not valid UTF-8 by U+FFFD (libxml2's
// recovery can pass such bytes through); returns how many there were.
size_t RepairUtf8(std::string* s) {
  if (IsValidUtf8(*s)) return 0;
  std::string out;
  out.reserve(s->size() + 16);
  size_t bad = 0;
  for (size_t pos = 0; pos < s->size();) {
    const size_t begin = pos;
    const char32_t cp = DecodeUtf8(*s, &pos);
    if (cp == 0xFFFD && s->compare(begin, pos - begin, "\xEF\xBF\xBD") != 0) ++bad;
    AppendUtf8(cp, &out);
  }
  *s = std::move(out);
  return bad;
}

// Valid UTF-8 (libxml2 gives it; repaired when not), white space collapsed.
std::string CleanText(std::string_view s) {
  if (IsValidUtf8(s)) return CollapseWhitespace(s);
  return CollapseWhitespace(NormalizeText(s, {}).text);
}

// The visible text of an HTML fragment, white space collapsed.
std::string HtmlToText(std::string_view html) {
  NormalizeOptions options;
  options.latex_quotes = false;
  const NormalizeResult n = NormalizeText(html, options);
  Result<HtmlText> page = ExtractHtmlText(n.text);
  return page.ok() ? CollapseWhitespace(page->text) : std::string();
}

// True when `link` starts with a scheme ("https:", "mailto:").
bool HasScheme(std::string_view link) {
  const size_t colon = link.find(':');
  if (colon == std::string_view::npos || colon == 0 || !IsAsciiAlpha(link[0])) return false;
  for (size_t i = 1; i < colon; ++i) {
    const char c = link[i];
    if (!IsAsciiAlpha(c) && !IsAsciiDigit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

// `link` resolved against `base` (both possibly empty or relative); an
// absolute link as it is.
std::string Resolve(std::string_view link, std::string_view base) {
  link = TrimWhitespace(link);
  base = TrimWhitespace(base);
  if (link.empty() || base.empty() || HasScheme(link)) return std::string(link);
  const std::string l(link), b(base);
  xmlChar* built = xmlBuildURI(reinterpret_cast<const xmlChar*>(l.c_str()),
                               reinterpret_cast<const xmlChar*>(b.c_str()));
  if (built == nullptr) return l;
  std::string out(Str(built));
  xmlFree(built);
  return out;
}

// The base URI of `node`: `outer` (the feed's link) overridden by the
// xml:base attributes of its ancestors, outermost first.
std::string BaseOf(const xmlNode* node, std::string_view outer) {
  std::vector<std::string> bases;
  for (const xmlNode* n = node; n != nullptr && n->type == XML_ELEMENT_NODE; n = n->parent) {
    std::string b = Attribute(n, "base", kXmlNamespace);
    if (!TrimWhitespace(b).empty()) bases.push_back(std::move(b));
  }
  std::string base(outer);
  for (size_t i = bases.size(); i > 0; --i) base = Resolve(bases[i - 1], base);
  return base;
}

// The name of a person without an e-mail address: "jo@x.org (Jo Roe)",
// "Jo Roe <jo@x.org>" and "Jo Roe" give "Jo Roe"; "jo@x.org" gives "".
std::string PersonName(std::string_view text) {
  std::string s = CleanText(text);
  const size_t open = s.find('('), close = s.rfind(')');
  if (open != std::string::npos && close != std::string::npos && close > open &&
      s.substr(0, open).find('@') != std::string::npos) {
    return CleanText(s.substr(open + 1, close - open - 1));
  }
  std::string out;
  for (std::string_view word : SplitWhitespace(s)) {
    if (word.find('@') != std::string_view::npos) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(word);
  }
  while (!out.empty() && (out.back() == ',' || out.back() == '<' || out.back() == '(')) {
    out.pop_back();
  }
  return std::string(TrimWhitespace(out));
}

void AppendName(std::string name, std::string* names) {
  if (name.empty()) return;
  if (!names->empty()) names->append(", ");
  names->append(name);
}

// Namespaces the readers know, by URI.
enum class Ns { kCore, kContent, kDc, kNews, kOther };
constexpr std::string_view kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kNewsNsPrefix = "http://www.google.com/schemas/sitemap-news/";

std::string_view NsHref(const xmlNode* n) {
  return n->ns == nullptr ? std::string_view() : Str(n->ns->href);
}

// The namespace of `n`: kCore when it is that of `item` (RSS 2.0: none; RSS
// 1.0, Atom, sitemaps: theirs).
Ns NsOf(const xmlNode* n, const xmlNode* item) {
  const std::string_view href = NsHref(n);
  if (href == NsHref(item)) return Ns::kCore;
  if (href == kContentNs) return Ns::kContent;
  if (href == kDcNs) return Ns::kDc;
  if (StartsWith(href, kNewsNsPrefix)) return Ns::kNews;
  return Ns::kOther;
}

bool Named(const xmlNode* n, std::string_view local) {
  return n->type == XML_ELEMENT_NODE && Str(n->name) == local;
}

// A date field: the first one that reads wins.
void SetDate(std::string_view text, FeedItem* item) {
  if (!item->date.empty()) return;
  FeedDate d = ParseFeedDate(text);
  item->date = std::move(d.date);
  item->datetime = std::move(d.datetime);
}

uint32_t LineOf(const xmlNode* n) {
  const long line = xmlGetLineNo(n);
  return line > 0 && line <= static_cast<long>(UINT32_MAX) ? static_cast<uint32_t>(line) : 0;
}

}  // namespace

// ---- The formats ---------------------------------------------------------------------------
namespace {

// What the readers share: the feed being filled and where items go.
struct FeedBuilder {
  const std::string& name;
  const FeedOptions& options;
  std::vector<Diagnostic>* diagnostics;
  Feed feed;
  size_t skipped = 0;       // items past options.max_items
  size_t invalid_utf8 = 0;  // bytes replaced by U+FFFD

  // Appends a finished item: id defaults to the link, HTML cut to size.
  void Add(FeedItem item) {
    if (feed.items.size() >= options.max_items) {
      ++skipped;
      return;
    }
    if (item.id.empty()) item.id = item.link;
    for (std::string* field : {&item.title, &item.link, &item.id, &item.author, &item.source,
                               &item.summary_html, &item.content_html}) {
      invalid_utf8 += RepairUtf8(field);
    }
    const std::string where = name + ":" + std::to_string(item.line);
    for (std::string* html : {&item.summary_html, &item.content_html}) {
      std::string_view v = *html;
      CutDocument(&v, options.max_document_bytes, 0, where, diagnostics);
      if (v.size() < html->size()) html->resize(v.size());
    }
    feed.items.push_back(std::move(item));
  }
};

// An RSS item (0.9x, 2.0, or 1.0 inside rdf:RDF). `base` is the feed's link.
FeedItem ReadRssItem(const xmlNode* item, std::string_view base) {
  FeedItem out;
  out.line = LineOf(item);
  std::string link, guid, author, creators, dc_date;
  bool guid_is_link = true;
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view local = Str(c->name);
    switch (NsOf(c, item)) {
      case Ns::kCore:  // not-language: RSS element names
        if (local == "title") out.title = CleanText(DecodeHtmlReferences(NodeText(c, true)));
        if (local == "link") link = CleanText(NodeText(c, true));  // white space inside too
        if (local == "guid") {
          guid = CleanText(NodeText(c, true));
          guid_is_link = Attribute(c, "isPermaLink") != "false";
        }
        if (local == "pubDate") SetDate(NodeText(c, true), &out);
        if (local == "description") out.summary_html = HtmlOf(c);
        if (local == "author") author = PersonName(NodeText(c, true));
        if (local == "source") out.source = CleanText(NodeText(c, true));
        break;
      case Ns::kContent:
        if (local == "encoded") out.content_html = HtmlOf(c);
        break;
      case Ns::kDc:
        if (local == "creator") AppendName(PersonName(NodeText(c, true)), &creators);
        if (local == "date" && dc_date.empty()) dc_date = NodeText(c, true);
        break;
      default:
        break;
    }
  }
  if (out.date.empty() && !dc_date.empty()) SetDate(dc_date, &out);
  if (link.empty() && guid_is_link &&
      (StartsWith(guid, "http://") || StartsWith(guid, "https://"))) {
    link = guid;
  }
  out.link = Resolve(link, BaseOf(item, base));
  out.id = guid.empty() ? out.link : guid;
  out.author = author.empty() ? std::move(creators) : std::move(author);
  return out;
}

// RSS 0.9x/2.0 (items in the channel) and RDF (items beside it).
void ReadRss(const xmlNode* root, FeedBuilder* b) {
  const xmlNode* channel = nullptr;
  for (const xmlNode* c = root->children; c != nullptr && channel == nullptr; c = c->next) {
    if (Named(c, "channel")) channel = c;
  }
  if (channel != nullptr) {
    for (const xmlNode* c = channel->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const Ns ns = NsOf(c, channel);
      const std::string_view local = Str(c->name);
      if (ns == Ns::kCore && local == "title" && b->feed.title.empty()) {
        b->feed.title = CleanText(DecodeHtmlReferences(NodeText(c, true)));
      }
      if (ns == Ns::kCore && local == "link" && b->feed.link.empty()) {
        b->feed.link = Resolve(CleanText(NodeText(c, true)), BaseOf(channel, {}));
      }
      if ((ns == Ns::kCore || ns == Ns::kDc) && local == "language" && b->feed.language.empty()) {
        b->feed.language = CleanText(NodeText(c, true));
      }
    }
  }
  for (const xmlNode* parent : {channel, root}) {
    if (parent == nullptr) continue;
    for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
      if (Named(c, "item")) b->Add(ReadRssItem(c, b->feed.link));
    }
  }
}

// An Atom text construct (title, summary, content) as HTML source: html as
// written, xhtml serialized (inside its div), text escaped; content held
// elsewhere (src) or in another media type gives "".
std::string AtomHtml(const xmlNode* node) {
  if (!Attribute(node, "src").empty()) return {};
  const std::string type = AsciiLower(TrimWhitespace(Attribute(node, "type")));
  if (type == "html" || type == "text/html") return HtmlOf(node);
  if (type == "xhtml" || type == "application/xhtml+xml") {
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
      if (Named(c, "div")) return InnerXml(c);
    }
    return InnerXml(node);
  }
  if (type.empty() || type == "text" || StartsWith(type, "text/")) {
    return EscapeHtml(NodeText(node, true));
  }
  return {};
}

// An Atom text construct as plain text.
std::string AtomText(const xmlNode* node) {
  const std::string type = AsciiLower(TrimWhitespace(Attribute(node, "type")));
  if (type == "html" || type == "text/html") return HtmlToText(HtmlOf(node));
  return CleanText(NodeText(node, true));
}

// The href of the alternate link among `parent`'s atom:link children (rel
// "alternate" or none; the first link at all when none is).
std::string AtomLink(const xmlNode* parent) {
  std::string first;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (!Named(c, "link") || NsOf(c, parent) != Ns::kCore) continue;
    const std::string href = CleanText(Attribute(c, "href"));
    if (TrimWhitespace(href).empty()) continue;
    const std::string rel(TrimWhitespace(Attribute(c, "rel")));
    if (rel.empty() || rel == "alternate") return Resolve(href, BaseOf(c, {}));
    if (first.empty()) first = Resolve(href, BaseOf(c, {}));
  }
  return first;
}

// The names of the atom:author children of `parent`, ", "-joined.
std::string AtomAuthors(const xmlNode* parent) {
  std::string names;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (!Named(c, "author") || NsOf(c, parent) != Ns::kCore) continue;
    for (const xmlNode* n = c->children; n != nullptr; n = n->next) {
      if (Named(n, "name")) AppendName(PersonName(NodeText(n, true)), &names);
    }
  }
  return names;
}

FeedItem ReadAtomEntry(const xmlNode* entry, const Feed& feed, const std::string& feed_author) {
  FeedItem out;
  out.line = LineOf(entry);
  std::string published, updated;
  for (const xmlNode* c = entry->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || NsOf(c, entry) != Ns::kCore) continue;
    const std::string_view local = Str(c->name);  // not-language: Atom element names
    if (local == "title") out.title = AtomText(c);
    if (local == "id") out.id = CleanText(NodeText(c, true));
    if (local == "published" || local == "issued") published = NodeText(c, true);
    if (local == "updated" || local == "modified") updated = NodeText(c, true);
    if (local == "summary") out.summary_html = AtomHtml(c);
    if (local == "content") out.content_html = AtomHtml(c);
  }
  SetDate(published, &out);
  SetDate(updated, &out);
  out.link = AtomLink(entry);
  if (!out.link.empty() && !feed.link.empty()) out.link = Resolve(out.link, feed.link);
  out.author = AtomAuthors(entry);
  if (out.author.empty()) out.author = feed_author;
  return out;
}

void ReadAtom(const xmlNode* root, FeedBuilder* b) {
  std::string feed_author = AtomAuthors(root);
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || NsOf(c, root) != Ns::kCore) continue;
    if (Named(c, "title") && b->feed.title.empty()) b->feed.title = AtomText(c);
  }
  b->feed.link = AtomLink(root);
  b->feed.language = CleanText(Attribute(root, "lang", kXmlNamespace));
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (Named(c, "entry") && NsOf(c, root) == Ns::kCore) {
      b->Add(ReadAtomEntry(c, b->feed, feed_author));
    }
  }
}

// A Google News <news:news> block.
void ReadNews(const xmlNode* news, FeedItem* out) {
  for (const xmlNode* c = news->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || NsOf(c, news) != Ns::kCore) continue;
    const std::string_view local = Str(c->name);
    if (local == "title") out->title = CleanText(DecodeHtmlReferences(NodeText(c, true)));
    if (local == "publication_date") SetDate(NodeText(c, true), out);
    if (local != "publication") continue;
    for (const xmlNode* p = c->children; p != nullptr; p = p->next) {
      if (Named(p, "name") && NsOf(p, news) == Ns::kCore)
        out->source = CleanText(NodeText(p, true));
    }
  }
}

// urlset/url and sitemapindex/sitemap: loc, lastmod, news:news.
void ReadSitemap(const xmlNode* root, FeedBuilder* b) {
  const std::string_view entry = b->feed.kind == FeedKind::kSitemap ? "url" : "sitemap";
  for (const xmlNode* e = root->children; e != nullptr; e = e->next) {
    if (!Named(e, entry) || NsOf(e, root) != Ns::kCore) continue;
    FeedItem item;
    item.line = LineOf(e);
    std::string lastmod;
    for (const xmlNode* c = e->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      const Ns ns = NsOf(c, e);
      if (ns == Ns::kCore && Named(c, "loc")) {
        item.link = Resolve(CleanText(NodeText(c, true)), BaseOf(c, {}));
      }
      if (ns == Ns::kCore && Named(c, "lastmod")) lastmod = NodeText(c, true);
      if (ns == Ns::kNews && Named(c, "news")) ReadNews(c, &item);
    }
    if (item.date.empty()) SetDate(lastmod, &item);
    b->Add(std::move(item));
  }
}

}  // namespace

Result<Feed> ParseFeed(std::string_view bytes, const std::string& name, const FeedOptions& options,
                       std::vector<Diagnostic>* diagnostics) {
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status(StatusCode::kResourceExhausted, "feed larger than 2 GiB", name);
  }
  XmlLog log;
  log.keep = options.max_diagnostics;
  DocPtr doc = ParseXml(bytes, &log);
  Repairs repairs;
  const bool ascii_based =
      bytes.size() < 2 || (bytes[0] != '\0' && bytes[1] != '\0' &&
                           bytes.substr(0, 2) != "\xFF\xFE" && bytes.substr(0, 2) != "\xFE\xFF");
  if (!log.well_formed && ascii_based) {
    const std::string repaired = RepairReferences(bytes, &repairs);
    XmlLog second;
    second.keep = options.max_diagnostics;
    DocPtr reparsed = repaired != bytes ? ParseXml(repaired, &second) : nullptr;
    if (reparsed != nullptr && xmlDocGetRootElement(reparsed.get()) != nullptr) {
      doc = std::move(reparsed);
      log = std::move(second);
    } else {
      repairs = Repairs();
    }
  }
  const xmlNode* root = doc == nullptr ? nullptr : xmlDocGetRootElement(doc.get());
  if (root == nullptr) {
    std::string why = log.messages.empty() ? "no root element" : log.messages.front().text;
    const int line = log.messages.empty() ? 0 : log.messages.front().line;
    return Status(StatusCode::kInvalidInput,
                  "not XML: " + why + (line > 0 ? " (line " + std::to_string(line) + ")" : ""),
                  name);
  }
  FeedBuilder b{name, options, diagnostics, {}};
  const std::string_view local = Str(root->name);
  if (local == "rss") {
    b.feed.kind = FeedKind::kRss;
  } else if (local == "RDF") {
    b.feed.kind = FeedKind::kRdf;
  } else if (local == "feed") {
    b.feed.kind = FeedKind::kAtom;
  } else if (local == "urlset") {
    b.feed.kind = FeedKind::kSitemap;
  } else if (local == "sitemapindex") {
    b.feed.kind = FeedKind::kSitemapIndex;
  } else {
    return Status(StatusCode::kInvalidInput,
                  "not a feed: the root element is <" + std::string(local) + ">", name);
  }
  ReportXmlMessages(log, bytes, name, diagnostics);
  if (repairs.stray_marks + repairs.html_entities > 0) {
    AddDiagnostic(
        diagnostics, Diagnostic::Severity::kWarning,
        Status(StatusCode::kInvalidInput,
               "malformed XML, repaired before parsing: " + std::to_string(repairs.stray_marks) +
                   " stray '&' or '<' escaped, " + std::to_string(repairs.html_entities) +
                   " HTML entities without a DTD replaced by character references",
               name));
  }
  if (b.feed.kind == FeedKind::kRss || b.feed.kind == FeedKind::kRdf) ReadRss(root, &b);
  if (b.feed.kind == FeedKind::kAtom) ReadAtom(root, &b);
  if (b.feed.kind == FeedKind::kSitemap || b.feed.kind == FeedKind::kSitemapIndex) {
    ReadSitemap(root, &b);
  }
  for (std::string* field : {&b.feed.title, &b.feed.link, &b.feed.language}) {
    b.invalid_utf8 += RepairUtf8(field);
  }
  if (b.invalid_utf8 > 0) {
    AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                  Status(StatusCode::kInvalidInput,
                         "invalid UTF-8: " + std::to_string(b.invalid_utf8) +
                             " byte(s) in the feed's fields replaced by U+FFFD",
                         name));
  }
  if (b.skipped > 0) {
    AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                  Status(StatusCode::kResourceExhausted,
                         std::to_string(b.skipped) + " items past the first " +
                             std::to_string(options.max_items) + " skipped",
                         name));
  }
  return std::move(b.feed);
}

// ---- Documents -----------------------------------------------------------------------------
namespace {

// The document of `html` (text/map as ReadHtmlDocument makes them), or
// nullopt when it holds no text.
std::optional<Document> HtmlDocument(const std::string& html, const std::string& origin,
                                     std::vector<Diagnostic>* diagnostics) {
  if (TrimWhitespace(html).empty()) return std::nullopt;
  Document doc;
  doc.origin = origin;
  doc.raw = html;
  NormalizeResult n = NormalizeHtmlSource(doc.raw, origin, diagnostics);
  Result<HtmlText> page = ExtractHtmlText(n.text);
  if (!page.ok()) {
    AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                  Status(page.status().code(), page.status().message(), origin));
    return std::nullopt;
  }
  if (TrimWhitespace(page->text).empty()) return std::nullopt;
  doc.text = std::move(page->text);
  doc.map = OffsetMap::Compose(page->map, n.map);
  return doc;
}

}  // namespace

std::vector<Document> FeedDocuments(const Feed& feed, const std::string& name,
                                    std::vector<Diagnostic>* diagnostics) {
  std::vector<Document> out;
  size_t without_text = 0;
  for (const FeedItem& item : feed.items) {
    const std::string origin = name + ":" + std::to_string(item.line);
    std::optional<Document> doc = HtmlDocument(item.content_html, origin, diagnostics);
    if (!doc) doc = HtmlDocument(item.summary_html, origin, diagnostics);
    if (!doc) {
      ++without_text;
      continue;
    }
    doc->id = !item.link.empty() ? item.link : !item.id.empty() ? item.id : origin;
    doc->url = item.link;
    doc->title = item.title;
    if (item.date.size() == 10) doc->date = item.date;
    doc->byline = item.author;
    doc->source = !item.source.empty() ? item.source : feed.title;
    out.push_back(std::move(*doc));
  }
  const bool sitemap = feed.kind == FeedKind::kSitemap || feed.kind == FeedKind::kSitemapIndex;
  if (without_text > 0 && !sitemap) {
    AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                  Status(StatusCode::kEmptyInput,
                         std::to_string(without_text) + " of " + std::to_string(feed.items.size()) +
                             " feed items have no text: no document for them",
                         name));
  }
  return out;
}

}  // namespace dossier
