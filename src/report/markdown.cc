#include <algorithm>
#include <string>

#include "dossier/language.h"
#include "dossier/report.h"
#include "report/wording.h"
#include "util/strings.h"

namespace dossier {
namespace {

std::string Range(Span s) { return std::to_string(s.begin) + "–" + std::to_string(s.end); }

// Bytes `s` of document `d`'s input; in a PDF, its page and the offsets within
// the page: "p. 2, 40–95" (or "p. 2, 900 – p. 3, 40" across a page break).
std::string Where(const Cluster& cluster, uint32_t d, Span s) {
  if (d >= cluster.documents.size() || cluster.documents[d].pages.empty()) return Range(s);
  const Document& doc = cluster.documents[d];
  const auto [p0, o0] = doc.PageOf(s.begin);
  const auto [p1, o1] = doc.PageOf(s.end > s.begin ? s.end - 1 : s.end);
  if (p0 == p1) return "p. " + std::to_string(p0) + ", " + Range({o0, o0 + (s.end - s.begin)});
  return "p. " + std::to_string(p0) + ", " + std::to_string(o0) + " – p. " + std::to_string(p1) +
         ", " + std::to_string(o1 + 1);
}

// Markdown-escapes text from a source so it shows as written.
std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\n') {
      out += ' ';
      continue;
    }
    if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' ||
        c == '#' || c == '|' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string SpeakerLine(const Turn& t) {
  std::string s = "**" + Escape(t.speaker) + "**";
  std::string extra;
  if (!t.role.empty()) extra = Escape(t.role);
  if (!t.note.empty()) extra += (extra.empty() ? "" : ", ") + Escape(t.note);
  if (!extra.empty()) s += " (" + extra + ")";
  return s;
}

// One line of the key figures: what is counted, its unit, the sources'
// verdict (figures of several sources; a single source's has none), then
// every mention as written, cited; an earlier count the report replaces is
// marked "(earlier figure)".
void AppendFigure(const Cluster& cluster, const FigureEntry& f, std::string* out) {
  const std::string& label = f.label.empty() ? f.what : f.label;
  *out += "- **" + Escape(label) + "**" +
          (label != f.unit && !f.unit.empty() && label.find(f.unit) == std::string::npos
               ? " (" + f.unit + ")"
               : "");
  if (f.status == "single") {
    *out += " — ";
  } else {
    *out += std::string(": ") +
            (f.status == "conflict"     ? "**sources disagree**"
             : f.status == "consistent" ? "sources consistent (bounds or estimates)"
                                        : "sources agree") +
            " — ";
  }
  for (size_t i = 0; i < f.mentions.size(); ++i) {
    const FigureEntry::Mention& m = f.mentions[i];
    *out += std::string(i ? "; " : "") + "\"" +
            Escape(m.where.span.Slice(cluster.documents[m.where.document].text)) + "\" [" +
            std::to_string(m.where.document + 1) + "] `" +
            Where(cluster, m.where.document, m.where.source_span) + "`" +
            (m.earlier ? " (earlier figure)" : "");
  }
  *out += "\n";
}

}  // namespace

namespace {

// The independent reports every "k of N" counts against.
size_t Reports(const Cluster& cluster, const Briefing* briefing) {
  return briefing != nullptr ? briefing->independent_reports : cluster.documents.size();
}

// The title line, the counts, the problems met and the notices.
void HeadMd(const Cluster& cluster, const Briefing* briefing, std::string* o) {
  std::string& out = *o;
  const size_t ndocs = cluster.documents.size();
  const size_t reports = Reports(cluster, briefing);
  if (briefing != nullptr) {
    out += "# " + Escape(briefing->title) + "\n\n";
    out += CountOf(ndocs, "document", "documents");
    if (briefing->outlets > 0) out += " · " + CountOf(briefing->outlets, "outlet", "outlets");
    out += " · " + CountOf(reports, "independent report", "independent reports");
    if (!briefing->language.empty()) out += " · " + LanguageName(briefing->language);
    out += " · `" + cluster.id + "`\n\n";
  } else {
    out += "# " + Escape(cluster.id) + " — " + CountOf(ndocs, "document", "documents") + "\n\n";
  }
  for (const Diagnostic& d : cluster.diagnostics) out += "> " + Escape(FormatDiagnostic(d)) + "\n";
  if (briefing != nullptr) {
    for (const BriefingNotice& n : briefing->notices)
      out += "> **" + n.kind + ":** " + Escape(n.message) + "\n";
  }
  if (!cluster.diagnostics.empty() || (briefing != nullptr && !briefing->notices.empty())) {
    out += "\n";
  }
}

// Events: when there are several, or one with a date.
void EventsMd(const Cluster& /*cluster*/, const Briefing* briefing, std::string* o) {
  std::string& out = *o;
  if (briefing != nullptr &&
      (briefing->events.size() > 1 ||
       (briefing->events.size() == 1 && !briefing->events.front().first_date.empty()))) {
    out += "## Events\n\n";
    for (size_t e = 0; e < briefing->events.size(); ++e) {
      const EventEntry& ev = briefing->events[e];
      out += std::to_string(e + 1) + ". **" + DateRange(ev.first_date, ev.last_date) + "** " +
             Escape(ev.label) + " —";
      for (uint32_t d : ev.documents) out += " [" + std::to_string(d + 1) + "]";
      out += " (" + CountOf(ev.reports, "report", "reports") + ")\n";
    }
    out += "\n";
  }
}

// The cited summary, by event when there are several.
void SummaryMd(const Cluster& cluster, const Briefing* briefing, std::string* o) {
  std::string& out = *o;
  const size_t reports = Reports(cluster, briefing);
  const Summary* summary = briefing != nullptr ? &briefing->summary : nullptr;
  if (summary != nullptr) {
    out += "## Summary\n\n";
    size_t k = 0;
    int32_t event = -2;
    const bool by_event = briefing->events.size() > 1;
    for (const SummarySentence& s : summary->sentences) {
      ++k;
      if (by_event && s.event != event && s.event >= 0) {
        const EventEntry& ev = briefing->events[static_cast<size_t>(s.event)];
        out += std::string(k > 1 ? "\n" : "") + "_Event " + std::to_string(s.event + 1) + ", " +
               DateRange(ev.first_date, ev.last_date) + ":_\n\n";
        event = s.event;
      }
      out += std::to_string(k) + ". ";
      if (s.needs_speaker) out += "**" + Escape(s.speaker) + ":** ";
      out += Escape(s.text) + " — [" + std::to_string(s.document + 1) + "] `" +
             Where(cluster, s.document, s.source_span) + "`";
      if (!s.support.empty()) {
        out += "; also ";
        for (size_t i = 0; i < s.support.size(); ++i) {
          if (i > 0) out += ", ";
          out += "[" + std::to_string(s.support[i].document + 1) + "] `" +
                 Where(cluster, s.support[i].document, s.support[i].source_span) + "`";
        }
      }
      out += " (" + std::to_string(s.independent_sources) + " of " +
             CountOf(reports, "report", "reports") + ")\n";
    }
    if (summary->sentences.empty()) out += "(no sentence fits a summary)\n";
    const bool pdf = std::any_of(cluster.documents.begin(), cluster.documents.end(),
                                 [](const Document& d) { return !d.pages.empty(); });
    out += "\n_" + std::to_string(summary->words) + " words; method " +
           SummaryMethodName(summary->method) +
           ". [n] is a source below; `a–b` are byte offsets in that source's input" +
           (pdf ? " (in a PDF, `p. N, a–b` within its page N)" : "") +
           "; reports count copies once._\n\n";
  }
}

// Who said what: the first speakers and their first quotes.
void SpeakersMd(const Cluster& cluster, const Briefing* briefing, std::string* o) {
  std::string& out = *o;
  const size_t reports = Reports(cluster, briefing);
  if (briefing != nullptr && !briefing->speakers.empty()) {
    constexpr size_t kMaxSpeakers = 12;
    constexpr size_t kMaxQuotesShown = 3;
    constexpr size_t kMaxQuoteBytes = 280;
    out += "## Who said what\n\n";
    size_t shown = 0;
    for (const SpeakerEntry& s : briefing->speakers) {
      if (++shown > kMaxSpeakers) break;
      out += "- **" + Escape(s.name) + "**";
      if (!s.role.empty()) out += " (" + Escape(s.role) + ")";
      out += " — " + CountOf(s.quotes.size(), "quote", "quotes") + " in " +
             std::to_string(s.sources) + " of " + CountOf(reports, "report", "reports");
      if (!s.aliases.empty()) {
        out += "; also named ";
        for (size_t i = 0; i < s.aliases.size(); ++i) out += (i ? ", " : "") + Escape(s.aliases[i]);
      }
      out += "\n";
      for (size_t i = 0; i < s.quotes.size() && i < kMaxQuotesShown; ++i) {
        const QuoteRef& q = s.quotes[i];
        std::string_view text = q.excerpt.Slice(cluster.documents[q.document].text);
        const std::string shown_text = TruncateUtf8(text, kMaxQuoteBytes);
        const Span whole = ShownWhole(cluster, q);
        const bool cut_before = q.excerpt.begin > whole.begin;
        const bool cut_after = q.excerpt.end < whole.end || shown_text.size() < text.size();
        out += "  - " + std::string(q.kind == "direct" ? "“" : "") + (cut_before ? "… " : "") +
               Escape(shown_text) + (cut_after && !shown_text.ends_with("…") ? " …" : "") +
               (q.kind == "direct" ? "”" : "") + " — [" + std::to_string(q.document + 1) + "] `" +
               Where(cluster, q.document, q.excerpt_source_span) + "`" +
               (q.kind == "direct" ? "" : " (" + q.kind + ")") + "\n";
      }
    }
    if (briefing->speakers.size() > kMaxSpeakers) {
      out += "- … and " + std::to_string(briefing->speakers.size() - kMaxSpeakers) +
             " more (see --format json)\n";
    }
    out += "\n";
  }
}

// Key figures: across sources, then those of one source.
void FiguresMd(const Cluster& cluster, const Briefing* briefing, std::string* o) {
  std::string& out = *o;
  if (briefing != nullptr && !briefing->figures.empty()) {
    constexpr size_t kMaxFigures = 12;
    out += "## Key figures\n\n";
    size_t n = 0;
    for (const FigureEntry& f : briefing->figures) {
      if (++n > kMaxFigures) break;
      AppendFigure(cluster, f, &out);
    }
    out += "\n";
  }
  if (briefing != nullptr && !briefing->single_source_figures.empty()) {
    constexpr size_t kMaxSingle = 10;
    out += briefing->figures.empty() ? "## Key figures\n\n" : "";
    out += "Reported by one source:\n\n";
    size_t n = 0;
    for (const FigureEntry& f : briefing->single_source_figures) {
      if (++n > kMaxSingle) break;
      AppendFigure(cluster, f, &out);
    }
    if (briefing->single_source_figures.size() > kMaxSingle) {
      out += "- _… " + std::to_string(briefing->single_source_figures.size() - kMaxSingle) +
             " more (see --format json or html)_\n";
    }
    out += "\n";
  }
}

// The timeline: its main events, what was left out counted.
void TimelineMd(const Cluster& cluster, const Briefing* briefing, std::string* o) {
  std::string& out = *o;
  if (briefing != nullptr && !briefing->timeline.empty()) {
    constexpr size_t kMaxEvents = 15;
    out += "## Timeline\n\n";
    const std::vector<const TimelineEntry*> top = TopTimeline(briefing->timeline, kMaxEvents);
    for (const TimelineEntry* t : top) {
      const char* note = t->kind == "deadline"           ? " (deadline)"
                         : t->future                     ? " (expected)"
                         : t->precision == "approximate" ? " (approximately)"
                                                         : "";
      out += "- **" + t->date + "**" + note + " " + Escape(t->text) + " —";
      for (const Citation& c : t->citations) {
        out += " [" + std::to_string(c.document + 1) + "] `" +
               Where(cluster, c.document, c.source_span) + "`";
      }
      out += "\n";
    }
    size_t background = 0;
    for (const TimelineEntry& t : briefing->timeline) background += t.background ? 1 : 0;
    const size_t rest = briefing->timeline.size() - top.size() - background;
    if (rest > 0) {
      out += "- _… " + std::to_string(rest) +
             " more, undated ones included (see --format json or html)_\n";
    }
    if (background > 0) {
      out += "- _" + CountOf(background, "background reference", "background references") +
             " to earlier events (more than a year before the story) left out_\n";
    }
    out += "\n";
  }
}

// The first entities.
void EntitiesMd(const Cluster& cluster, const Briefing* briefing, std::string* o) {
  std::string& out = *o;
  const size_t reports = Reports(cluster, briefing);
  if (briefing != nullptr && !briefing->entities.empty()) {
    constexpr size_t kMaxEntities = 15;
    out += "## Entities\n\n";
    size_t n = 0;
    for (const EntityEntry& e : briefing->entities) {
      if (++n > kMaxEntities) break;
      size_t sources = 0;
      for (uint32_t c : e.mentions_per_document) sources += c > 0;
      out += "- **" + Escape(e.name) + "** (" + e.type + ") — " +
             CountOf(e.mentions, "mention", "mentions") + " in " + std::to_string(sources) +
             " of " + CountOf(reports, "report", "reports");
      if (!e.aliases.empty()) {
        out += "; also ";
        for (size_t i = 0; i < e.aliases.size(); ++i) out += (i ? ", " : "") + Escape(e.aliases[i]);
      }
      out += "\n";
    }
    out += "\n";
  }
}

// Which source reports which point of the summary.
void CoverageMd(const Cluster& cluster, const Briefing* briefing, std::string* o) {
  std::string& out = *o;
  const size_t ndocs = cluster.documents.size();
  if (briefing != nullptr && !briefing->coverage.empty() && ndocs > 1) {
    out += "## Coverage\n\nWhich source reports which point of the summary:\n\n| point |";
    for (size_t d = 0; d < ndocs; ++d) out += " [" + std::to_string(d + 1) + "] |";
    out += "\n|---|";
    for (size_t d = 0; d < ndocs; ++d) out += "---|";
    out += "\n";
    for (size_t p = 0; p < briefing->coverage.size(); ++p) {
      out += "| " + std::to_string(p + 1) + " |";
      for (size_t d = 0; d < ndocs; ++d) out += briefing->coverage[p][d] ? " ● |" : "   |";
      out += "\n";
    }
    out += "\n";
  }
}

// The sources, with what was made of them.
void SourcesMd(const Cluster& cluster, const Briefing* briefing, std::string* o) {
  std::string& out = *o;
  out += "## Sources\n\n";
  size_t n = 0;
  for (const Document& doc : cluster.documents) {
    ++n;
    const SourceEntry* entry = briefing != nullptr && n - 1 < briefing->sources.size()
                                   ? &briefing->sources[n - 1]
                                   : nullptr;
    out +=
        std::to_string(n) + ". **" + (doc.title.empty() ? "(untitled)" : Escape(doc.title)) + "**";
    if (!doc.source.empty()) out += " — " + Escape(doc.source);
    if (entry != nullptr && !entry->date.empty()) {
      out +=
          ", " + entry->date + (entry->date_inferred ? " (inferred from the other reports)" : "");
    } else if (!doc.date.empty()) {
      out += ", " + doc.date;
    }
    if (!doc.byline.empty()) out += ", by " + Escape(doc.byline);
    if (briefing != nullptr && !doc.language.empty() && doc.language != briefing->language) {
      out += " (" + LanguageName(doc.language) + ")";
    }
    out += "  \n   `" + doc.origin + "`";
    if (doc.id != doc.origin) out += " · id `" + doc.id + "`";
    if (!doc.url.empty()) out += " · <" + doc.url + ">";
    out += " · " + std::to_string(doc.sentences.size()) +
           (doc.sentences.size() == 1 ? " sentence" : " sentences");
    if (doc.is_transcript()) {
      std::vector<std::string> speakers;
      for (const Turn& t : doc.turns) {
        if (std::find(speakers.begin(), speakers.end(), t.speaker) == speakers.end()) {
          speakers.push_back(t.speaker);
        }
      }
      out += " · transcript, " + std::to_string(doc.turns.size()) + " turns (";
      for (size_t i = 0; i < speakers.size(); ++i) out += (i ? ", " : "") + Escape(speakers[i]);
      out += ")";
    }
    if (!doc.clutter.empty()) {
      out += " · " + std::to_string(doc.clutter.size()) + " clutter line" +
             (doc.clutter.size() == 1 ? "" : "s") + " removed";
    }
    if (entry != nullptr && entry->copy_of >= 0) {
      out += " · **copy of [" + std::to_string(entry->copy_of + 1) + "]**: counted once";
    }
    if (entry != nullptr && entry->set_aside) {
      out += " · **set aside**: " + Escape(entry->set_aside_reason);
    }
    out += "\n";
  }
  out += "\n";
}

// Each document's analysis: clutter, sentences (by speaker turn), tokens.
void AnalysisMd(const Cluster& cluster, const RenderOptions& options, std::string* o) {
  std::string& out = *o;
  out += "## Analysis\n\n";
  size_t n = 0;
  for (const Document& doc : cluster.documents) {
    ++n;
    out += "### [" + std::to_string(n) + "] " +
           (doc.title.empty() ? "(untitled)" : Escape(doc.title)) + "\n\n";
    if (options.clutter && !doc.clutter.empty()) {
      out += "Removed as clutter:\n";
      for (const ClutterLine& c : doc.clutter) {
        out += "- \"" + Escape(c.span.Slice(doc.text)) + "\" (" + ClutterKindName(c.kind) +
               ", bytes " + Range(doc.map.ToOriginal(c.span)) + ")\n";
      }
      out += "\n";
    }
    int32_t current_turn = -2;
    size_t k = 0;
    for (const Sentence& s : doc.sentences) {
      ++k;
      if (s.turn != current_turn) {
        if (s.turn >= 0) {
          if (k > 1) out += '\n';
          out += SpeakerLine(doc.turns[static_cast<size_t>(s.turn)]);
          out += ":\n\n";
        } else if (current_turn >= 0) {
          out += "\n";
        }
        current_turn = s.turn;
      }
      // Stage directions in italics; headings and header lines marked.
      const char* mark = s.stage_direction ? "_" : "";
      out += std::to_string(k) + ". " + mark + Escape(s.span.Slice(doc.text)) + mark +
             (s.fragment ? " (heading)" : "") + " `" + Range(doc.map.ToOriginal(s.span)) + "`\n";
      if (options.tokens) {
        out += "   - tokens:";
        for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
          const Token& tok = doc.tokens[t];
          out += ' ';
          out += Escape(tok.lower);
          if (tok.stem != tok.lower) {
            out += "→";
            out += Escape(tok.stem);
          }
          if (tok.is_stopword) out += "°";
        }
        out += "\n";
      }
    }
    out += "\n";
  }
}

void ReferencesMd(const Cluster& cluster, std::string* out) {
  if (cluster.references.empty()) return;
  *out += "## Reference summary\n\n";
  for (const std::string& r : cluster.references) *out += Escape(r) + "\n\n";
}

}  // namespace

std::string RenderMarkdown(const Cluster& cluster, const Briefing* briefing,
                           const RenderOptions& options) {
  std::string out;
  for (auto* section : {HeadMd, EventsMd, SummaryMd, SpeakersMd, FiguresMd, TimelineMd, EntitiesMd,
                        CoverageMd, SourcesMd}) {
    section(cluster, briefing, &out);
  }
  if (options.documents) AnalysisMd(cluster, options, &out);
  ReferencesMd(cluster, &out);
  return out;
}

}  // namespace dossier
