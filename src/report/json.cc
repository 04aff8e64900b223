#include <cmath>

#include "dossier/report.h"
#include "report/json_writer.h"

namespace dossier {
namespace {

void WriteDiagnostic(JsonWriter& w, const Diagnostic& d) {
  w.BeginObject();
  w.Key("kind");
  w.String("input");
  w.Key("severity");
  w.String(d.severity == Diagnostic::Severity::kError ? "error" : "warning");
  w.Key("code");
  w.String(StatusCodeName(d.status.code()));
  w.Key("input");
  w.String(d.status.input());
  w.Key("message");
  w.String(d.status.message());
  if (d.status.byte_offset()) {
    w.Key("byte");
    w.Unsigned(*d.status.byte_offset());
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
  w.Key("method");
  w.String(SummaryMethodName(summary.method));
  w.Key("words");
  w.Signed(summary.words);
  w.Key("sentences");
  w.BeginArray();
  for (const SummarySentence& s : summary.sentences) {
    const Document& doc = cluster.documents[s.document];
    w.BeginObject();
    w.Key("text");
    w.String(s.text);
    w.Key("document");
    w.String(doc.id);
    w.Key("document_index");
    w.Unsigned(s.document);
    w.Key("sentence");
    w.Unsigned(s.sentence);
    w.Key("span");
    w.Span(s.span);
    w.Key("source_span");
    w.Span(s.source_span);
    w.Key("event");
    w.IndexOrNull(s.event);
    w.Key("speaker");
    w.StringOrNull(s.speaker);
    w.Key("independent_sources");
    w.Unsigned(s.independent_sources);
    w.Key("of_reports");
    w.Unsigned(reports);
    w.Key("support");
    w.BeginArray();
    for (const Support& sup : s.support) {
      const Document& other = cluster.documents[sup.document];
      w.BeginObject();
      w.Key("document");
      w.String(other.id);
      w.Key("document_index");
      w.Unsigned(sup.document);
      w.Key("sentence");
      w.Unsigned(sup.sentence);
      w.Key("text");
      w.String(sup.span.Slice(other.text));
      w.Key("span");
      w.Span(sup.span);
      w.Key("source_span");
      w.Span(sup.source_span);
      w.Key("similarity");
      w.Double(Rounded(sup.similarity, 1000));
      w.Key("contained");
      w.Double(Rounded(sup.contained, 1000));
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
    w.Key("name");
    w.String(s.name);
    w.Key("role");
    w.StringOrNull(s.role);
    w.Key("aliases");
    w.Strings(s.aliases);
    w.Key("sources");
    w.Unsigned(s.sources);
    w.Key("quotes");
    w.BeginArray();
    for (const QuoteRef& q : s.quotes) {
      const Document& doc = cluster.documents[q.document];
      w.BeginObject();
      w.Key("kind");
      w.String(q.kind);
      w.Key("text");
      w.String(q.span.Slice(doc.text));
      w.Key("document");
      w.String(doc.id);
      w.Key("document_index");
      w.Unsigned(q.document);
      w.Key("span");
      w.Span(q.span);
      w.Key("source_span");
      w.Span(q.source_span);
      w.Key("excerpt");
      w.String(q.excerpt.Slice(doc.text));
      w.Key("excerpt_span");
      w.Span(q.excerpt);
      w.Key("excerpt_source_span");
      w.Span(q.excerpt_source_span);
      w.Key("score");
      w.Double(Rounded(q.score, 100));
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
  w.Key("document");
  w.String(doc.id);
  w.Key("document_index");
  w.Unsigned(c.document);
  w.Key("sentence");
  w.Unsigned(c.sentence);
  w.Key("text");
  w.String(c.span.Slice(doc.text));
  w.Key("span");
  w.Span(c.span);
  w.Key("source_span");
  w.Span(c.source_span);
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
    w.Key("label");
    w.String(f.label);
    w.Key("value");
    w.Double(f.value);
    w.Key("unit");
    w.String(f.unit);
    w.Key("what");
    w.String(f.what);
    w.Key("status");
    w.String(f.status);
    w.Key("sources");
    w.Unsigned(f.sources);
    w.Key("mentions");
    w.BeginArray();
    for (const FigureEntry::Mention& m : f.mentions) {
      w.BeginObject();
      WriteCitationMembers(w, cluster, m.where);
      w.Key("value");
      w.Double(m.value);
      if (m.value_high != m.value) {
        w.Key("value_high");
        w.Double(m.value_high);
      }
      w.Key("qualifier");
      w.StringOrNull(m.qualifier);
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
    w.Key("name");
    w.String(e.name);
    w.Key("type");
    w.String(e.type);
    w.Key("aliases");
    w.Strings(e.aliases);
    w.Key("mentions");
    w.Unsigned(e.mentions);
    w.Key("mentions_per_document");
    w.Unsigneds(e.mentions_per_document);
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
    w.Key("date");
    w.StringOrNull(t.date);
    w.Key("precision");
    w.StringOrNull(t.precision);
    w.Key("text");
    w.String(t.text);
    w.Key("kind");
    w.String(t.kind);
    w.Key("future");
    w.Bool(t.future);
    w.Key("background");
    w.Bool(t.background);
    w.Key("weight");
    w.Double(Rounded(t.weight, 100));
    w.Key("citations");
    WriteCitations(w, cluster, t.citations);
    w.EndObject();
  }
  w.EndArray();
}

void WriteBriefing(JsonWriter& w, const Cluster& cluster, const Briefing& b) {
  w.Key("title");
  w.String(b.title);
  w.Key("outlets");
  w.Unsigned(b.outlets);
  w.Key("independent_reports");
  w.Unsigned(b.independent_reports);
  w.Key("events");
  w.BeginArray();
  for (const EventEntry& e : b.events) {
    w.BeginObject();
    w.Key("label");
    w.String(e.label);
    w.Key("first_date");
    w.StringOrNull(e.first_date);
    w.Key("last_date");
    w.StringOrNull(e.last_date);
    w.Key("documents");
    w.Unsigneds(e.documents);
    w.Key("reports");
    w.Unsigned(e.reports);
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
    w.Key("point");
    w.Unsigned(p);
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
  w.Key("id");
  w.String(doc.id);
  w.Key("source");
  w.StringOrNull(doc.source);
  w.Key("title");
  w.StringOrNull(doc.title);
  w.Key("date");
  w.StringOrNull(entry != nullptr ? entry->date : doc.date);
  if (entry != nullptr) {
    w.Key("date_inferred");
    w.Bool(entry->date_inferred);
    w.Key("copy_of");
    w.IndexOrNull(entry->copy_of);
    w.Key("set_aside");
    w.Bool(entry->set_aside);
    w.Key("set_aside_reason");
    w.StringOrNull(entry->set_aside_reason);
    w.Key("event");
    w.IndexOrNull(entry->event);
  }
  w.Key("url");
  w.StringOrNull(doc.url);
  w.Key("byline");
  w.StringOrNull(doc.byline);
  w.Key("origin");
  w.String(doc.origin);
  w.Key("raw_bytes");
  w.Unsigned(doc.raw.size());
  w.Key("text_bytes");
  w.Unsigned(doc.text.size());
  w.Key("transcript");
  w.Bool(doc.is_transcript());
  if (!doc.title_span.empty()) {
    w.Key("title_span");
    w.Span(doc.title_span);
    w.Key("title_source_span");
    w.Span(doc.map.ToOriginal(doc.title_span));
  }
  if (!doc.dateline_span.empty()) {
    w.Key("dateline");
    w.String(doc.dateline_span.Slice(doc.text));
    w.Key("dateline_source_span");
    w.Span(doc.map.ToOriginal(doc.dateline_span));
  }
  if (!doc.date_span.empty()) {
    w.Key("date_span");
    w.Span(doc.date_span);
    w.Key("date_source_span");
    w.Span(doc.map.ToOriginal(doc.date_span));
  }
  if (options.clutter) {
    w.Key("clutter");
    w.BeginArray();
    for (const ClutterLine& c : doc.clutter) {
      w.BeginObject();
      w.Key("kind");
      w.String(ClutterKindName(c.kind));
      w.Key("text");
      w.String(c.span.Slice(doc.text));
      w.Key("span");
      w.Span(c.span);
      w.Key("source_span");
      w.Span(doc.map.ToOriginal(c.span));
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("turns");
  w.BeginArray();
  for (const Turn& t : doc.turns) {
    w.BeginObject();
    w.Key("speaker");
    w.String(t.speaker);
    w.Key("role");
    w.StringOrNull(t.role);
    w.Key("note");
    w.StringOrNull(t.note);
    w.Key("question");
    w.Bool(t.is_question);
    w.Key("label");
    w.String(t.label.Slice(doc.text));
    w.Key("span");
    w.Span(t.span);
    w.Key("source_span");
    w.Span(doc.map.ToOriginal(t.span));
    w.EndObject();
  }
  w.EndArray();
  w.Key("sentences");
  w.BeginArray();
  for (const Sentence& s : doc.sentences) {
    w.BeginObject();
    w.Key("text");
    w.String(s.span.Slice(doc.text));
    w.Key("span");
    w.Span(s.span);
    w.Key("source_span");
    w.Span(doc.map.ToOriginal(s.span));
    w.Key("paragraph");
    w.Signed(s.paragraph);
    if (s.turn >= 0) {
      w.Key("turn");
      w.Signed(s.turn);
      w.Key("speaker");
      w.String(doc.turns[static_cast<size_t>(s.turn)].speaker);
    }
    if (s.stage_direction) {
      w.Key("stage_direction");
      w.Bool(true);
    }
    if (s.fragment) {
      w.Key("fragment");
      w.Bool(true);
    }
    if (options.tokens) {
      w.Key("tokens");
      w.BeginArray();
      for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
        const Token& t = doc.tokens[k];
        w.BeginObject();
        w.Key("text");
        w.String(t.lower);
        w.Key("stem");
        w.String(t.stem);
        if (t.is_stopword) {
          w.Key("stop");
          w.Bool(true);
        }
        if (t.is_number) {
          w.Key("number");
          w.Bool(true);
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
  w.Key("schema");
  w.String("dossier.brief");
  w.Key("version");
  w.String(kBriefSchemaVersion);
  w.Key("id");
  w.String(cluster.id);
  w.Key("origin");
  w.String(cluster.origin);
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
  w.Key("references");
  w.Strings(cluster.references);
  w.Key("diagnostics");
  w.BeginArray();
  for (const Diagnostic& d : cluster.diagnostics) WriteDiagnostic(w, d);
  if (briefing != nullptr) {
    for (const BriefingNotice& notice : briefing->notices) {
      w.BeginObject();
      w.Key("kind");
      w.String(notice.kind);
      w.Key("severity");
      w.String("warning");
      w.Key("message");
      w.String(notice.message);
      w.Key("documents");
      w.Unsigneds(notice.documents);
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
  return out;
}

}  // namespace dossier
