// A self-contained HTML page for one briefing: inline CSS and JS, no network.
//
// Safety: every byte that comes from a source is HTML-escaped (& < > " '),
// never placed inside a script, a style or an attribute that runs code; the
// page's Content-Security-Policy forbids every request (default-src 'none')
// and lets only our one script run, named by its SHA-256 (so even a script
// slipped past the escaping would not run); inline event handlers are not
// used: the script attaches its listeners itself. URLs from sources are shown
// as text, never as links.
//
// Citations: each source document's sentences are rendered as elements with
// ids "d<doc>s<sentence>"; a citation is a link carrying the target id, and
// the script highlights and scrolls to the cited sentence.
#include <algorithm>
#include <string>
#include <string_view>

#include "dossier/language.h"
#include "dossier/report.h"
#include "report/wording.h"
#include "util/sha256.h"
#include "util/strings.h"

namespace dossier {
namespace {

std::string Esc(std::string_view s) {
  std::string out;
  AppendHtmlEscaped(s, &out);
  return out;
}

std::string SentenceId(uint32_t document, uint32_t sentence) {
  return "d" + std::to_string(document) + "s" + std::to_string(sentence);
}

// A citation link to a sentence of a source ("[2]").
std::string Cite(uint32_t document, uint32_t sentence, Span source_span,
                 const Cluster* cluster = nullptr) {
  const std::string id = SentenceId(document, sentence);
  std::string where =
      "bytes " + std::to_string(source_span.begin) + "–" + std::to_string(source_span.end);
  if (cluster != nullptr && document < cluster->documents.size() &&
      !cluster->documents[document].pages.empty()) {
    const auto [page, offset] = cluster->documents[document].PageOf(source_span.begin);
    where = "page " + std::to_string(page) + ", from character " + std::to_string(offset);
  }
  return "<a class=\"cite\" href=\"#" + id + "\" data-target=\"" + id + "\" title=\"" + where +
         "\">[" + std::to_string(document + 1) + "]</a>";
}

constexpr std::string_view kStyle = R"(
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2a44;color:#fff;padding:16px 28px}header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;opacity:.8}
.notice{background:#fff4e5;border-color:#f0b400}#events .date{font-weight:600;color:#2456c7}
main{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:20px;padding:20px 28px}
section{background:#fff;border:1px solid #dde1e8;border-radius:8px;padding:14px 18px;margin-bottom:18px}
h2{font-size:16px;margin:0 0 10px}ol.summary li{margin-bottom:8px}
a.cite{color:#2456c7;text-decoration:none;font-size:12px;margin-left:2px;cursor:pointer}
a.cite:hover{text-decoration:underline}.meta{color:#667085;font-size:13px}
table.coverage{border-collapse:collapse;font-size:13px}
table.coverage th,table.coverage td{border:1px solid #dde1e8;padding:3px 6px;text-align:center}
table.coverage td.point{text-align:left;max-width:360px}td.yes{background:#cfe8d4}
.speaker{margin-bottom:10px}.speaker ul{margin:4px 0 0 18px;padding:0}
.quote{font-style:italic}
.doc{max-height:420px;overflow:auto;border-top:1px solid #eef0f4;padding-top:8px}
.doc .s{border-radius:3px}.doc .s.hit{background:#ffe58a;outline:2px solid #f0b400}
.doc .frag{font-weight:600}.doc .stage{color:#667085}
.timeline{list-style:none;padding:0;margin:0;border-left:3px solid #2456c7}
.timeline li{margin:0 0 10px 0;padding-left:14px;position:relative}
.timeline li:before{content:"";position:absolute;left:-8px;top:6px;width:11px;height:11px;
border-radius:50%;background:#2456c7}
.timeline .date{font-weight:600;font-size:13px;color:#2456c7}
)";

constexpr std::string_view kScript = R"(
(function(){
  function show(id){
    var el=document.getElementById(id); if(!el) return;
    var old=document.querySelectorAll('.s.hit');
    for(var i=0;i<old.length;i++) old[i].classList.remove('hit');
    el.classList.add('hit');
    el.scrollIntoView({block:'center'});
  }
  if(location.hash.length>1) show(location.hash.substring(1));
  var links=document.querySelectorAll('a.cite');
  for(var i=0;i<links.length;i++){
    links[i].addEventListener('click',function(e){
      e.preventDefault(); show(this.getAttribute('data-target'));
    });
  }
})();
)";

// The page's head, header line and notices, up to the first column.
void HeadHtml(const Cluster& cluster, const Briefing& briefing, std::string* o) {
  std::string& out = *o;
  const size_t ndocs = cluster.documents.size();
  const size_t reports = briefing.independent_reports;
  static const std::string* const kScriptHash = new std::string(Sha256Base64(kScript));
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'sha256-";
  out += *kScriptHash;
  out +=
      "'; img-src 'none'; form-action 'none'; base-uri 'none'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  AppendHtmlEscaped(briefing.title, &out);
  out += " — dossier briefing</title>\n<style>";
  out += kStyle;
  out += "</style></head>\n<body>\n<header><h1>";
  AppendHtmlEscaped(briefing.title, &out);
  std::string line = CountOf(ndocs, "document", "documents");
  if (briefing.outlets > 0) line += " · " + CountOf(briefing.outlets, "outlet", "outlets");
  line += " · " + CountOf(reports, "independent report", "independent reports");
  if (!briefing.language.empty()) line += " · " + LanguageName(briefing.language);
  line += " · " + cluster.id + " · summary of " + std::to_string(briefing.summary.words) +
          " words (" + SummaryMethodName(briefing.summary.method) +
          ") · every line is cited: click a [n] to see the passage";
  out += "</h1><p>";
  AppendHtmlEscaped(line, &out);
  out += "</p></header>\n<main>\n<div>\n";
  for (const BriefingNotice& n : briefing.notices) {
    out +=
        "<section class=\"notice\"><b>" + Esc(n.kind) + ":</b> " + Esc(n.message) + "</section>\n";
  }
}

// Events.
void EventsHtml(const Cluster& /*cluster*/, const Briefing& briefing, std::string* o) {
  std::string& out = *o;
  if (briefing.events.size() > 1 ||
      (briefing.events.size() == 1 && !briefing.events.front().first_date.empty())) {
    out += "<section id=\"events\"><h2>Events</h2><ol>\n";
    for (const EventEntry& e : briefing.events) {
      out += "<li><span class=\"date\">" + Esc(DateRange(e.first_date, e.last_date)) + "</span> ";
      AppendHtmlEscaped(e.label, &out);
      out += " <span class=\"meta\">" + CountOf(e.reports, "report", "reports") + "</span>";
      for (uint32_t d : e.documents) {
        out += " <a class=\"cite\" href=\"#d" + std::to_string(d) + "s0\" data-target=\"d" +
               std::to_string(d) + "s0\">[" + std::to_string(d + 1) + "]</a>";
      }
      out += "</li>\n";
    }
    out += "</ol></section>\n";
  }
}

// Summary.
void SummaryHtml(const Cluster& cluster, const Briefing& briefing, std::string* o) {
  const size_t reports = briefing.independent_reports;
  std::string& out = *o;
  out += "<section id=\"summary\"><h2>Summary</h2><ol class=\"summary\">\n";
  for (const SummarySentence& s : briefing.summary.sentences) {
    out += "<li>";
    if (s.needs_speaker) out += "<b>" + Esc(s.speaker) + ":</b> ";
    AppendHtmlEscaped(s.text, &out);
    out += " " + Cite(s.document, s.sentence, s.source_span, &cluster);
    for (const Support& sup : s.support)
      out += Cite(sup.document, sup.sentence, sup.source_span, &cluster);
    out += " <span class=\"meta\">" + std::to_string(s.independent_sources) + " of " +
           CountOf(reports, "report", "reports") + "</span></li>\n";
  }
  out += "</ol></section>\n";
}

// Who said what.
void SpeakersHtml(const Cluster& cluster, const Briefing& briefing, std::string* o) {
  const size_t reports = briefing.independent_reports;
  std::string& out = *o;
  if (!briefing.speakers.empty()) {
    out += "<section id=\"speakers\"><h2>Who said what</h2>\n";
    for (const SpeakerEntry& sp : briefing.speakers) {
      out += "<div class=\"speaker\"><b>";
      AppendHtmlEscaped(sp.name, &out);
      out += "</b>";
      if (!sp.role.empty()) out += " <span class=\"meta\">(" + Esc(sp.role) + ")</span>";
      out += " <span class=\"meta\">— " + std::to_string(sp.quotes.size()) + " in " +
             std::to_string(sp.sources) + " of " + CountOf(reports, "report", "reports");
      if (!sp.aliases.empty()) {
        out += "; also ";
        for (size_t i = 0; i < sp.aliases.size(); ++i) out += (i ? ", " : "") + Esc(sp.aliases[i]);
      }
      out += "</span><ul>\n";
      for (const QuoteRef& q : sp.quotes) {
        const Document& doc = cluster.documents[q.document];
        out += "<li><span class=\"" + std::string(q.kind == "direct" ? "quote" : "") + "\">";
        if (q.kind == "direct") out += "“";
        const Span whole = ShownWhole(cluster, q);
        if (q.excerpt.begin > whole.begin) out += "… ";
        AppendHtmlEscaped(TruncateUtf8(q.excerpt.Slice(doc.text), 320), &out);
        if (q.excerpt.end < whole.end) out += " …";
        if (q.kind == "direct") out += "”";
        out += "</span> " + Cite(q.document, q.sentence, q.source_span, &cluster) +
               (q.kind == "direct" ? "" : " <span class=\"meta\">(" + q.kind + ")</span>") +
               "</li>\n";
      }
      out += "</ul></div>\n";
    }
    out += "</section>\n";
  }
}

// Key figures: across sources, then those of one source.
void FiguresHtml(const Cluster& cluster, const Briefing& briefing, std::string* o) {
  std::string& out = *o;
  if (!briefing.figures.empty() || !briefing.single_source_figures.empty()) {
    out += "<section id=\"figures\"><h2>Key figures</h2><ul>\n";
    std::vector<const FigureEntry*> all;
    for (const FigureEntry& f : briefing.figures) all.push_back(&f);
    for (const FigureEntry& f : briefing.single_source_figures) all.push_back(&f);
    for (const FigureEntry* fp : all) {
      const FigureEntry& f = *fp;
      const std::string& label = f.label.empty() ? f.what : f.label;
      out += "<li><b>" + Esc(label) + "</b>";
      if (label != f.unit && !f.unit.empty() && label.find(f.unit) == std::string::npos) {
        out += " (" + Esc(f.unit) + ")";
      }
      out += f.status == "conflict"     ? " <b style=\"color:#b42318\">sources disagree</b>: "
             : f.status == "single"     ? " <span class=\"meta\">one source</span>: "
             : f.status == "consistent" ? " <span class=\"meta\">sources consistent</span>: "
                                        : " <span class=\"meta\">sources agree</span>: ";
      for (size_t i = 0; i < f.mentions.size(); ++i) {
        const FigureEntry::Mention& m = f.mentions[i];
        if (i > 0) out += "; ";
        out += "“";
        AppendHtmlEscaped(m.where.span.Slice(cluster.documents[m.where.document].text), &out);
        out += "” " + Cite(m.where.document, m.where.sentence, m.where.source_span, &cluster);
        if (m.earlier) out += " <span class=\"meta\">(earlier figure)</span>";
      }
      out += "</li>\n";
    }
    out += "</ul></section>\n";
  }
}

// Timeline, drawn as a vertical line of dated events.
void TimelineHtml(const Cluster& cluster, const Briefing& briefing, std::string* o) {
  std::string& out = *o;
  if (!briefing.timeline.empty()) {
    out += "<section id=\"timeline\"><h2>Timeline</h2><ul class=\"timeline\">\n";
    auto item = [&](const TimelineEntry& t) {
      const char* note = t.kind == "deadline" ? " (deadline)" : t.future ? " (expected)" : "";
      out +=
          "<li><div class=\"date\">" + Esc(t.date.empty() ? "undated" : t.date) + note + "</div>";
      AppendHtmlEscaped(t.text, &out);
      for (const Citation& c : t.citations)
        out += " " + Cite(c.document, c.sentence, c.source_span, &cluster);
      out += "</li>\n";
    };
    // The main events; every other one, undated ones too, folded below.
    constexpr size_t kMainEvents = 30;
    const std::vector<const TimelineEntry*> top = TopTimeline(briefing.timeline, kMainEvents);
    for (const TimelineEntry* t : top) item(*t);
    out += "</ul>\n";
    if (top.size() < briefing.timeline.size()) {
      out += "<details><summary>" + std::to_string(briefing.timeline.size() - top.size()) +
             " more events</summary><ul class=\"timeline\">\n";
      for (const TimelineEntry& t : briefing.timeline) {
        if (std::find(top.begin(), top.end(), &t) == top.end()) item(t);
      }
      out += "</ul></details>\n";
    }
    out += "</section>\n";
  }
}

// Entities.
void EntitiesHtml(const Cluster& cluster, const Briefing& briefing, std::string* o) {
  std::string& out = *o;
  if (!briefing.entities.empty()) {
    out += "<section id=\"entities\"><h2>Entities</h2><ul>\n";
    size_t n = 0;
    for (const EntityEntry& e : briefing.entities) {
      if (++n > 40) break;
      out += "<li><b>" + Esc(e.name) + "</b> <span class=\"meta\">" + Esc(e.type) + ", " +
             CountOf(e.mentions, "mention", "mentions");
      if (!e.aliases.empty()) {
        out += "; also ";
        for (size_t i = 0; i < e.aliases.size(); ++i) out += (i ? ", " : "") + Esc(e.aliases[i]);
      }
      out += "</span>";
      for (const Citation& c : e.first_mentions)
        out += Cite(c.document, c.sentence, c.source_span, &cluster);
      out += "</li>\n";
    }
    out += "</ul></section>\n";
  }
}

// Coverage matrix.
void CoverageHtml(const Cluster& cluster, const Briefing& briefing, std::string* o) {
  const size_t ndocs = cluster.documents.size();
  std::string& out = *o;
  if (!briefing.coverage.empty()) {
    out += "<section id=\"coverage\"><h2>Coverage</h2><table class=\"coverage\"><tr><th>point</th>";
    for (size_t d = 0; d < ndocs; ++d) out += "<th>[" + std::to_string(d + 1) + "]</th>";
    out += "</tr>\n";
    for (size_t p = 0; p < briefing.coverage.size(); ++p) {
      std::string_view text = briefing.summary.sentences[p].text;
      const std::string shortened = TruncateUtf8(text, 90);
      out += "<tr><td class=\"point\">" + std::to_string(p + 1) + ". " + Esc(shortened) + "</td>";
      for (size_t d = 0; d < ndocs; ++d) {
        out += briefing.coverage[p][d] ? "<td class=\"yes\">●</td>" : "<td></td>";
      }
      out += "</tr>\n";
    }
    out += "</table></section>\n";
  }
}

// Sources, with their sentences as citation targets.
void SourcesHtml(const Cluster& cluster, const Briefing& briefing, std::string* o) {
  const size_t ndocs = cluster.documents.size();
  std::string& out = *o;
  out += "<section id=\"sources\"><h2>Sources</h2>\n";
  for (uint32_t d = 0; d < ndocs; ++d) {
    const Document& doc = cluster.documents[d];
    out += "<h3>[" + std::to_string(d + 1) + "] " +
           Esc(doc.title.empty() ? "(untitled)" : doc.title) + "</h3><p class=\"meta\">";
    const SourceEntry* entry = d < briefing.sources.size() ? &briefing.sources[d] : nullptr;
    std::string meta = doc.origin;
    if (!doc.source.empty()) meta += " · " + doc.source;
    if (entry != nullptr && !entry->date.empty()) {
      meta += " · " + entry->date + (entry->date_inferred ? " (inferred)" : "");
    } else if (!doc.date.empty()) {
      meta += " · " + doc.date;
    }
    if (!doc.language.empty() && doc.language != briefing.language) {
      meta += " · " + LanguageName(doc.language);
    }
    if (entry != nullptr && entry->copy_of >= 0) {
      meta += " · copy of [" + std::to_string(entry->copy_of + 1) + "], counted once";
    }
    if (entry != nullptr && entry->set_aside) meta += " · set aside: " + entry->set_aside_reason;
    if (!doc.byline.empty()) meta += " · by " + doc.byline;
    if (!doc.url.empty()) meta += " · " + doc.url;
    AppendHtmlEscaped(meta, &out);
    out += "</p><div class=\"doc\">";
    int32_t paragraph = -1;
    for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& s = doc.sentences[i];
      if (s.paragraph != paragraph) {
        if (paragraph >= 0) out += "</p>";
        out += "<p>";
        if (s.turn >= 0 && (i == 0 || doc.sentences[i - 1].turn != s.turn)) {
          out += "<b>" + Esc(doc.turns[static_cast<size_t>(s.turn)].speaker) + ":</b> ";
        }
        paragraph = s.paragraph;
      }
      std::string cls = "s";
      if (s.fragment) cls += " frag";
      if (s.stage_direction) cls += " stage";
      out += "<span class=\"" + cls + "\" id=\"" + SentenceId(d, i) + "\">";
      AppendHtmlEscaped(s.span.Slice(doc.text), &out);
      out += "</span> ";
    }
    if (paragraph >= 0) out += "</p>";
    out += "</div>\n";
  }
  out += "</section>\n";
}

}  // namespace

std::string RenderHtml(const Cluster& cluster, const Briefing& briefing) {
  std::string out;
  out.reserve(64 * 1024);
  HeadHtml(cluster, briefing, &out);
  for (auto* section : {EventsHtml, SummaryHtml, SpeakersHtml, FiguresHtml, TimelineHtml,
                        EntitiesHtml, CoverageHtml}) {
    section(cluster, briefing, &out);
  }
  out += "</div>\n<div>\n";
  SourcesHtml(cluster, briefing, &out);
  out += "</div>\n</main>\n<script>";
  out += kScript;
  out += "</script>\n</body></html>\n";
  return out;
}
}  // namespace dossier
