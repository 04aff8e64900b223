#include <cmath>

#include "dossier/report.h"
#include "report/json_writer.h"

namespace dossier {
namespace {

void WriteDiagnostic(JsonWriter& w, const Diagnostic& d) {
  w.BeginObject();
  w.StringField("kind", "input");
  w.StringField("severity", d.severity == Diagnostic::Severity::kError ? "error" : "warning");
  w.StringField("code", StatusCodeName(d.status.code()));
  w.StringField("input", d.status.input());
  w.StringField("message", d.status.message());
  if (d.status.byte_offset()) {
    w.UnsignedField("byte", *d.status.byte_offset());
  }
  w.EndObject();
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  return std::string(diagnostic.severity == Diagnostic::Severity::kError ? "error: "
                                                                         : "warning: ") +
         diagnostic.status.ToString();
}

namespace {

double Rounded(double v, double scale) { return std::round(v * scale) / scale; }

void WriteSummary(JsonWriter& w, const Cluster& cluster, const Summary& summary, size_t reports) {
  w.BeginObject();
  w.StringField("method", SummaryMethodName(summary.method));
  w.SignedField("words", summary.words);
  if (summary.search != SummarySearch::kGreedy) {
    // Short budgets: "exact", or "capped" when the search stopped at its cap.
    w.StringField("search", SummarySearchName(summary.search));
    w.UnsignedField("search_nodes", summary.search_nodes);
  }
  w.Key("sentences");
  w.BeginArray();
  for (const SummarySentence& s : summary.sentences) {
    const Document& doc = cluster.documents[s.document];
    w.BeginObject();
    w.StringField("text", s.text);
    w.StringField("document", doc.id);
    w.UnsignedField("document_index", s.document);
    w.UnsignedField("sentence", s.sentence);
    w.SpanField("span", s.span);
    w.SpanField("source_span", s.source_span);
    if (!s.parts.empty()) {
      // A trimmed sentence: the pieces it keeps; "text" is their bytes joined.
      w.Key("parts");
      w.BeginArray();
      for (size_t k = 0; k < s.parts.size(); ++k) {
        w.BeginObject();
        w.StringField("text", s.parts[k].Slice(doc.text));
        w.SpanField("span", s.parts[k]);
        w.SpanField("source_span", s.source_parts[k]);
        w.EndObject();
      }
      w.EndArray();
    }
    w.IndexOrNullField("event", s.event);
    w.StringOrNullField("speaker", s.speaker);
    w.UnsignedField("independent_sources", s.independent_sources);
    w.UnsignedField("of_reports", reports);
    w.Key("support");
    w.BeginArray();
    for (const Support& sup : s.support) {
      const Document& other = cluster.documents[sup.document];
      w.BeginObject();
      w.StringField("document", other.id);
      w.UnsignedField("document_index", sup.document);
      w.UnsignedField("sentence", sup.sentence);
      w.StringField("text", sup.span.Slice(other.text));
      w.SpanField("span", sup.span);
      w.SpanField("source_span", sup.source_span);
      w.DoubleField("similarity", Rounded(sup.similarity, 1000));
      w.DoubleField("contained", Rounded(sup.contained, 1000));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteSpeakers(JsonWriter& w, const Cluster& cluster,
                   const std::vector<SpeakerEntry>& speakers) {
  w.BeginArray();
  for (const SpeakerEntry& s : speakers) {
    w.BeginObject();
    w.StringField("name", s.name);
    w.StringOrNullField("role", s.role);
    w.StringsField("aliases", s.aliases);
    w.UnsignedField("sources", s.sources);
    w.Key("quotes");
    w.BeginArray();
    for (const QuoteRef& q : s.quotes) {
      const Document& doc = cluster.documents[q.document];
      w.BeginObject();
      w.StringField("kind", q.kind);
      w.StringField("text", q.span.Slice(doc.text));
      w.StringField("document", doc.id);
      w.UnsignedField("document_index", q.document);
      w.SpanField("span", q.span);
      w.SpanField("source_span", q.source_span);
      w.StringField("excerpt", q.excerpt.Slice(doc.text));
      w.SpanField("excerpt_span", q.excerpt);
      w.SpanField("excerpt_source_span", q.excerpt_source_span);
      w.DoubleField("score", Rounded(q.score, 100));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

// The members of a citation object, without its braces (a figure's mention
// adds its own).
void WriteCitationMembers(JsonWriter& w, const Cluster& cluster, const Citation& c) {
  const Document& doc = cluster.documents[c.document];
  w.StringField("document", doc.id);
  w.UnsignedField("document_index", c.document);
  w.UnsignedField("sentence", c.sentence);
  w.StringField("text", c.span.Slice(doc.text));
  w.SpanField("span", c.span);
  w.SpanField("source_span", c.source_span);
}

void WriteCitations(JsonWriter& w, const Cluster& cluster, const std::vector<Citation>& cs) {
  w.BeginArray();
  for (const Citation& c : cs) {
    w.BeginObject();
    WriteCitationMembers(w, cluster, c);
    w.EndObject();
  }
  w.EndArray();
}

void WriteFigures(JsonWriter& w, const Cluster& cluster, const std::vector<FigureEntry>& figures) {
  w.BeginArray();
  for (const FigureEntry& f : figures) {
    w.BeginObject();
    w.StringField("label", f.label);
    w.DoubleField("value", f.value);
    w.StringField("unit", f.unit);
    w.StringField("what", f.what);
    w.StringField("status", f.status);
    w.UnsignedField("sources", f.sources);
    w.Key("mentions");
    w.BeginArray();
    for (const FigureEntry::Mention& m : f.mentions) {
      w.BeginObject();
      WriteCitationMembers(w, cluster, m.where);
      w.DoubleField("value", m.value);
      if (m.value_high != m.value) {
        w.DoubleField("value_high", m.value_high);
      }
      w.StringOrNullField("qualifier", m.qualifier);
      if (m.earlier) w.BoolField("earlier", true);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

void WriteEntities(JsonWriter& w, const Cluster& cluster,
                   const std::vector<EntityEntry>& entities) {
  w.BeginArray();
  for (const EntityEntry& e : entities) {
    w.BeginObject();
    w.StringField("name", e.name);
    w.StringField("type", e.type);
    w.StringsField("aliases", e.aliases);
    w.UnsignedField("mentions", e.mentions);
    w.UnsignedsField("mentions_per_document", e.mentions_per_document);
    w.Key("first_mentions");
    WriteCitations(w, cluster, e.first_mentions);
    w.EndObject();
  }
  w.EndArray();
}

void WriteTimeline(JsonWriter& w, const Cluster& cluster,
                   const std::vector<TimelineEntry>& timeline) {
  w.BeginArray();
  for (const TimelineEntry& t : timeline) {
    w.BeginObject();
    w.StringOrNullField("date", t.date);
    w.StringOrNullField("precision", t.precision);
    w.StringField("text", t.text);
    w.StringField("kind", t.kind);
    w.BoolField("future", t.future);
    w.BoolField("background", t.background);
    w.DoubleField("weight", Rounded(t.weight, 100));
    w.Key("citations");
    WriteCitations(w, cluster, t.citations);
    w.EndObject();
  }
  w.EndArray();
}

void WriteBriefing(JsonWriter& w, const Cluster& cluster, const Briefing& b) {
  w.StringField("title", b.title);
  w.StringOrNullField("language", b.language);
  w.UnsignedField("outlets", b.outlets);
  w.UnsignedField("independent_reports", b.independent_reports);
  w.Key("events");
  w.BeginArray();
  for (const EventEntry& e : b.events) {
    w.BeginObject();
    w.StringField("label", e.label);
    w.StringOrNullField("first_date", e.first_date);
    w.StringOrNullField("last_date", e.last_date);
    w.UnsignedsField("documents", e.documents);
    w.UnsignedField("reports", e.reports);
    w.EndObject();
  }
  w.EndArray();
  w.Key("summary");
  WriteSummary(w, cluster, b.summary, b.independent_reports);
  w.Key("speakers");
  WriteSpeakers(w, cluster, b.speakers);
  w.Key("coverage");
  w.BeginArray();
  for (size_t p = 0; p < b.coverage.size(); ++p) {
    w.BeginObject();
    w.UnsignedField("point", p);
    w.Key("sources");
    w.BeginArray();
    for (size_t d = 0; d < b.coverage[p].size(); ++d) {
      if (b.coverage[p][d]) w.Unsigned(d);
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("figures");
  WriteFigures(w, cluster, b.figures);
  w.Key("single_source_figures");
  WriteFigures(w, cluster, b.single_source_figures);
  w.Key("entities");
  WriteEntities(w, cluster, b.entities);
  w.Key("timeline");
  WriteTimeline(w, cluster, b.timeline);
}

void WriteDocument(JsonWriter& w, const Document& doc, const SourceEntry* entry,
                   const RenderOptions& options) {
  w.BeginObject();
  w.StringField("id", doc.id);
  w.StringOrNullField("source", doc.source);
  w.StringOrNullField("title", doc.title);
  w.StringOrNullField("date", entry != nullptr ? entry->date : doc.date);
  if (entry != nullptr) {
    w.BoolField("date_inferred", entry->date_inferred);
    w.IndexOrNullField("copy_of", entry->copy_of);
    w.BoolField("set_aside", entry->set_aside);
    w.StringOrNullField("set_aside_reason", entry->set_aside_reason);
    w.IndexOrNullField("event", entry->event);
  }
  w.StringOrNullField("url", doc.url);
  w.StringOrNullField("byline", doc.byline);
  w.StringOrNullField("language", doc.language);
  w.StringOrNullField("language_origin", doc.language_origin);
  w.StringField("origin", doc.origin);
  w.UnsignedField("raw_bytes", doc.raw.size());
  w.UnsignedField("text_bytes", doc.text.size());
  w.BoolField("transcript", doc.is_transcript());
  // A PDF: where each page begins in the source (its text layer), so the
  // source spans of its citations can be turned into pages.
  if (!doc.pages.empty()) w.UnsignedsField("pages", doc.pages);
  if (!doc.title_span.empty()) {
    w.SpanField("title_span", doc.title_span);
    w.SpanField("title_source_span", doc.map.ToOriginal(doc.title_span));
  }
  if (!doc.dateline_span.empty()) {
    w.StringField("dateline", doc.dateline_span.Slice(doc.text));
    w.SpanField("dateline_source_span", doc.map.ToOriginal(doc.dateline_span));
  }
  if (!doc.date_span.empty()) {
    w.SpanField("date_span", doc.date_span);
    w.SpanField("date_source_span", doc.map.ToOriginal(doc.date_span));
  }
  if (options.clutter) {
    w.Key("clutter");
    w.BeginArray();
    for (const ClutterLine& c : doc.clutter) {
      w.BeginObject();
      w.StringField("kind", ClutterKindName(c.kind));
      w.StringField("text", c.span.Slice(doc.text));
      w.SpanField("span", c.span);
      w.SpanField("source_span", doc.map.ToOriginal(c.span));
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("turns");
  w.BeginArray();
  for (const Turn& t : doc.turns) {
    w.BeginObject();
    w.StringField("speaker", t.speaker);
    w.StringOrNullField("role", t.role);
    w.StringOrNullField("note", t.note);
    w.BoolField("question", t.is_question);
    w.StringField("label", t.label.Slice(doc.text));
    w.SpanField("span", t.span);
    w.SpanField("source_span", doc.map.ToOriginal(t.span));
    w.EndObject();
  }
  w.EndArray();
  w.Key("sentences");
  w.BeginArray();
  for (const Sentence& s : doc.sentences) {
    w.BeginObject();
    w.StringField("text", s.span.Slice(doc.text));
    w.SpanField("span", s.span);
    w.SpanField("source_span", doc.map.ToOriginal(s.span));
    w.SignedField("paragraph", s.paragraph);
    if (s.turn >= 0) {
      w.SignedField("turn", s.turn);
      w.StringField("speaker", doc.turns[static_cast<size_t>(s.turn)].speaker);
    }
    if (s.stage_direction) {
      w.BoolField("stage_direction", true);
    }
    if (s.fragment) {
      w.BoolField("fragment", true);
    }
    if (options.tokens) {
      w.Key("tokens");
      w.BeginArray();
      for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
        const Token& t = doc.tokens[k];
        w.BeginObject();
        w.StringField("text", t.lower);
        w.StringField("stem", t.stem);
        if (t.is_stopword) {
          w.BoolField("stop", true);
        }
        if (t.is_number) {
          w.BoolField("number", true);
        }
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string RenderJson(const Cluster& cluster, const Briefing* briefing,
                       const RenderOptions& options) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.StringField("schema", "dossier.brief");
  w.StringField("version", kBriefSchemaVersion);
  w.StringField("id", cluster.id);
  w.StringField("origin", cluster.origin);
  if (briefing != nullptr) WriteBriefing(w, cluster, *briefing);
  w.Key("documents");
  w.BeginArray();
  for (size_t index = 0; index < cluster.documents.size(); ++index) {
    const SourceEntry* entry = briefing != nullptr && index < briefing->sources.size()
                                   ? &briefing->sources[index]
                                   : nullptr;
    WriteDocument(w, cluster.documents[index], entry, options);
  }
  w.EndArray();
  w.StringsField("references", cluster.references);
  w.Key("diagnostics");
  w.BeginArray();
  for (const Diagnostic& d : cluster.diagnostics) WriteDiagnostic(w, d);
  if (briefing != nullptr) {
    for (const BriefingNotice& notice : briefing->notices) {
      w.BeginObject();
      w.StringField("kind", notice.kind);
      w.StringField("severity", "warning");
      w.StringField("message", notice.message);
      w.UnsignedsField("documents", notice.documents);
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
  return out;
}

}  // namespace dossier
