// The digest's index page: the stories of a corpus run in rank order, each
// with its headline, size, outlets, dates, keywords and summary opening, and
// a link to its briefing page. Safety as in html.cc: every string from a
// source is escaped, the Content-Security-Policy forbids every request, and
// the page has no script at all.
#include <string>

#include "dossier/report.h"
#include "report/wording.h"
#include "util/strings.h"

namespace dossier {
namespace {

constexpr const char* kIndexStyle =
    "body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;"
    "color:#222}h1{font-size:1.4rem;margin:.2rem 0}header p{color:#666;margin:.2rem 0 1rem}"
    "ol{padding-left:2.2rem}li{margin:0 0 1.1rem}li a{font-weight:600;font-size:1.05rem}"
    ".meta{color:#555;font-size:.85rem}.kw{color:#0a5;font-size:.85rem}"
    ".lead{margin:.2rem 0 0}";

}  // namespace

std::string RenderDigestIndex(const std::vector<DigestEntry>& stories, std::string_view heading) {
  std::string out;
  out.reserve(512 * stories.size() + 2048);
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>dossier digest</title>\n<style>";
  out += kIndexStyle;
  out += "</style></head>\n<body>\n<header><h1>Digest: ";
  out += CountOf(stories.size(), "story", "stories");
  out += "</h1><p>";
  AppendHtmlEscaped(heading, &out);
  out += " · ranked by outlets, then articles</p></header>\n<main><ol id=\"stories\">\n";
  for (const DigestEntry& s : stories) {
    out += "<li id=\"";
    AppendHtmlEscaped(s.id, &out);
    out += "\">";
    // Only relative links (no scheme such as "javascript:") become links.
    const size_t colon = s.page.find(':');
    const bool relative = colon == std::string::npos || s.page.find('/') < colon;
    if (!s.page.empty() && relative) {
      out += "<a href=\"";
      AppendHtmlEscaped(s.page, &out);
      out += "\">";
      AppendHtmlEscaped(s.title.empty() ? s.id : s.title, &out);
      out += "</a>";
    } else {
      out += "<b>";
      AppendHtmlEscaped(s.title.empty() ? s.id : s.title, &out);
      out += "</b>";
    }
    out += "<div class=\"meta\">";
    AppendHtmlEscaped(s.id, &out);
    out += " · " + CountOf(s.articles, "article", "articles");
    out += " · " + CountOf(s.outlets, "outlet", "outlets");
    if (s.duplicates > 0) out += " · " + CountOf(s.duplicates, "copy", "copies");
    if (!s.first_date.empty()) {
      out += " · ";
      AppendHtmlEscaped(s.first_date, &out);
      if (s.last_date != s.first_date) {
        out += " to ";
        AppendHtmlEscaped(s.last_date, &out);
      }
    }
    if (!s.sources.empty()) {
      out += " · ";
      for (size_t k = 0; k < s.sources.size() && k < 6; ++k) {
        if (k > 0) out += ", ";
        AppendHtmlEscaped(s.sources[k], &out);
      }
      if (s.sources.size() > 6) out += ", …";
    }
    out += "</div>";
    if (!s.keywords.empty()) {
      out += "<div class=\"kw\">";
      for (size_t k = 0; k < s.keywords.size(); ++k) {
        if (k > 0) out += " · ";
        AppendHtmlEscaped(s.keywords[k], &out);
      }
      out += "</div>";
    }
    if (!s.lead.empty()) {
      out += "<p class=\"lead\">";
      AppendHtmlEscaped(s.lead, &out);
      out += "</p>";
    }
    out += "</li>\n";
  }
  out += "</ol></main>\n</body></html>\n";
  return out;
}

}  // namespace dossier
