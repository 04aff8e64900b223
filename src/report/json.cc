#include <cmath>
#include <nlohmann/json.hpp>

#include "dossier/report.h"

namespace dossier {
namespace {

using json = nlohmann::ordered_json;

json SpanJson(Span s) { return json::array({s.begin, s.end}); }

json DiagnosticJson(const Diagnostic& d) {
  json j;
  j["kind"] = "input";
  j["severity"] = d.severity == Diagnostic::Severity::kError ? "error" : "warning";
  j["code"] = StatusCodeName(d.status.code());
  j["input"] = d.status.input();
  j["message"] = d.status.message();
  if (d.status.byte_offset()) j["byte"] = *d.status.byte_offset();
  return j;
}

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

}  // namespace

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  return std::string(diagnostic.severity == Diagnostic::Severity::kError ? "error: "
                                                                         : "warning: ") +
         diagnostic.status.ToString();
}

namespace {

json IndexOrNull(int32_t i) { return i < 0 ? json(nullptr) : json(i); }

json SummaryJson(const Cluster& cluster, const Summary& summary, size_t reports) {
  json out;
  out["method"] = SummaryMethodName(summary.method);
  out["words"] = summary.words;
  json sentences = json::array();
  for (const SummarySentence& s : summary.sentences) {
    const Document& doc = cluster.documents[s.document];
    json sj;
    sj["text"] = s.text;
    sj["document"] = doc.id;
    sj["document_index"] = s.document;
    sj["sentence"] = s.sentence;
    sj["span"] = SpanJson(s.span);
    sj["source_span"] = SpanJson(s.source_span);
    sj["event"] = IndexOrNull(s.event);
    sj["speaker"] = OrNull(s.speaker);
    sj["independent_sources"] = s.independent_sources;
    sj["of_reports"] = reports;
    json support = json::array();
    for (const Support& sup : s.support) {
      const Document& other = cluster.documents[sup.document];
      support.push_back({{"document", other.id},
                         {"document_index", sup.document},
                         {"sentence", sup.sentence},
                         {"text", std::string(sup.span.Slice(other.text))},
                         {"span", SpanJson(sup.span)},
                         {"source_span", SpanJson(sup.source_span)},
                         {"similarity", std::round(sup.similarity * 1000) / 1000},
                         {"contained", std::round(sup.contained * 1000) / 1000}});
    }
    sj["support"] = std::move(support);
    sentences.push_back(std::move(sj));
  }
  out["sentences"] = std::move(sentences);
  return out;
}

json SpeakersJson(const Cluster& cluster, const std::vector<SpeakerEntry>& speakers) {
  json out = json::array();
  for (const SpeakerEntry& s : speakers) {
    json sj;
    sj["name"] = s.name;
    sj["role"] = OrNull(s.role);
    sj["aliases"] = s.aliases;
    sj["sources"] = s.sources;
    json quotes = json::array();
    for (const QuoteRef& q : s.quotes) {
      const Document& doc = cluster.documents[q.document];
      quotes.push_back({{"kind", q.kind},
                        {"text", std::string(q.span.Slice(doc.text))},
                        {"document", doc.id},
                        {"document_index", q.document},
                        {"span", SpanJson(q.span)},
                        {"source_span", SpanJson(q.source_span)},
                        {"excerpt", std::string(q.excerpt.Slice(doc.text))},
                        {"excerpt_span", SpanJson(q.excerpt)},
                        {"excerpt_source_span", SpanJson(q.excerpt_source_span)},
                        {"score", std::round(q.score * 100) / 100}});
    }
    sj["quotes"] = std::move(quotes);
    out.push_back(std::move(sj));
  }
  return out;
}

json CitationJson(const Cluster& cluster, const Citation& c) {
  const Document& doc = cluster.documents[c.document];
  return {{"document", doc.id},       {"document_index", c.document},
          {"sentence", c.sentence},   {"text", std::string(c.span.Slice(doc.text))},
          {"span", SpanJson(c.span)}, {"source_span", SpanJson(c.source_span)}};
}

json FiguresJson(const Cluster& cluster, const std::vector<FigureEntry>& figures) {
  json out = json::array();
  for (const FigureEntry& f : figures) {
    json mentions = json::array();
    for (const FigureEntry::Mention& m : f.mentions) {
      json mj = CitationJson(cluster, m.where);
      mj["value"] = m.value;
      if (m.value_high != m.value) mj["value_high"] = m.value_high;
      mj["qualifier"] = OrNull(m.qualifier);
      mentions.push_back(std::move(mj));
    }
    out.push_back({{"label", f.label},
                   {"value", f.value},
                   {"unit", f.unit},
                   {"what", f.what},
                   {"status", f.status},
                   {"sources", f.sources},
                   {"mentions", std::move(mentions)}});
  }
  return out;
}

json EntitiesJson(const Cluster& cluster, const std::vector<EntityEntry>& entities) {
  json out = json::array();
  for (const EntityEntry& e : entities) {
    json first = json::array();
    for (const Citation& c : e.first_mentions) first.push_back(CitationJson(cluster, c));
    out.push_back({{"name", e.name},
                   {"type", e.type},
                   {"aliases", e.aliases},
                   {"mentions", e.mentions},
                   {"mentions_per_document", e.mentions_per_document},
                   {"first_mentions", std::move(first)}});
  }
  return out;
}

json TimelineJson(const Cluster& cluster, const std::vector<TimelineEntry>& timeline) {
  json out = json::array();
  for (const TimelineEntry& t : timeline) {
    json cites = json::array();
    for (const Citation& c : t.citations) cites.push_back(CitationJson(cluster, c));
    out.push_back({{"date", OrNull(t.date)},
                   {"precision", OrNull(t.precision)},
                   {"text", t.text},
                   {"kind", t.kind},
                   {"future", t.future},
                   {"background", t.background},
                   {"weight", std::round(t.weight * 100) / 100},
                   {"citations", std::move(cites)}});
  }
  return out;
}

}  // namespace

std::string RenderJson(const Cluster& cluster, const Briefing* briefing,
                       const RenderOptions& options) {
  json out;
  out["schema"] = "dossier.brief";
  out["version"] = kBriefSchemaVersion;
  out["id"] = cluster.id;
  out["origin"] = cluster.origin;
  if (briefing != nullptr) {
    out["title"] = briefing->title;
    out["outlets"] = briefing->outlets;
    out["independent_reports"] = briefing->independent_reports;
    json events = json::array();
    for (const EventEntry& e : briefing->events) {
      events.push_back({{"label", e.label},
                        {"first_date", OrNull(e.first_date)},
                        {"last_date", OrNull(e.last_date)},
                        {"documents", e.documents},
                        {"reports", e.reports}});
    }
    out["events"] = std::move(events);
    out["summary"] = SummaryJson(cluster, briefing->summary, briefing->independent_reports);
    out["speakers"] = SpeakersJson(cluster, briefing->speakers);
    json coverage = json::array();
    for (size_t p = 0; p < briefing->coverage.size(); ++p) {
      json sources = json::array();
      for (size_t d = 0; d < briefing->coverage[p].size(); ++d) {
        if (briefing->coverage[p][d]) sources.push_back(d);
      }
      coverage.push_back({{"point", p}, {"sources", std::move(sources)}});
    }
    out["coverage"] = std::move(coverage);
    out["figures"] = FiguresJson(cluster, briefing->figures);
    out["single_source_figures"] = FiguresJson(cluster, briefing->single_source_figures);
    out["entities"] = EntitiesJson(cluster, briefing->entities);
    out["timeline"] = TimelineJson(cluster, briefing->timeline);
  }
  json docs = json::array();
  for (size_t index = 0; index < cluster.documents.size(); ++index) {
    const Document& doc = cluster.documents[index];
    const SourceEntry* entry = briefing != nullptr && index < briefing->sources.size()
                                   ? &briefing->sources[index]
                                   : nullptr;
    json d;
    d["id"] = doc.id;
    d["source"] = OrNull(doc.source);
    d["title"] = OrNull(doc.title);
    d["date"] = OrNull(entry != nullptr ? entry->date : doc.date);
    if (entry != nullptr) {
      d["date_inferred"] = entry->date_inferred;
      d["copy_of"] = IndexOrNull(entry->copy_of);
      d["set_aside"] = entry->set_aside;
      d["set_aside_reason"] = OrNull(entry->set_aside_reason);
      d["event"] = IndexOrNull(entry->event);
    }
    d["url"] = OrNull(doc.url);
    d["byline"] = OrNull(doc.byline);
    d["origin"] = doc.origin;
    d["raw_bytes"] = doc.raw.size();
    d["text_bytes"] = doc.text.size();
    d["transcript"] = doc.is_transcript();
    if (!doc.title_span.empty()) {
      d["title_span"] = SpanJson(doc.title_span);
      d["title_source_span"] = SpanJson(doc.map.ToOriginal(doc.title_span));
    }
    if (!doc.dateline_span.empty()) {
      d["dateline"] = std::string(doc.dateline_span.Slice(doc.text));
      d["dateline_source_span"] = SpanJson(doc.map.ToOriginal(doc.dateline_span));
    }
    if (!doc.date_span.empty()) {
      d["date_span"] = SpanJson(doc.date_span);
      d["date_source_span"] = SpanJson(doc.map.ToOriginal(doc.date_span));
    }
    if (options.clutter) {
      json clutter = json::array();
      for (const ClutterLine& c : doc.clutter) {
        clutter.push_back({{"kind", ClutterKindName(c.kind)},
                           {"text", std::string(c.span.Slice(doc.text))},
                           {"span", SpanJson(c.span)},
                           {"source_span", SpanJson(doc.map.ToOriginal(c.span))}});
      }
      d["clutter"] = std::move(clutter);
    }
    json turns = json::array();
    for (const Turn& t : doc.turns) {
      json tj;
      tj["speaker"] = t.speaker;
      tj["role"] = OrNull(t.role);
      tj["note"] = OrNull(t.note);
      tj["question"] = t.is_question;
      tj["label"] = std::string(t.label.Slice(doc.text));
      tj["span"] = SpanJson(t.span);
      tj["source_span"] = SpanJson(doc.map.ToOriginal(t.span));
      turns.push_back(std::move(tj));
    }
    d["turns"] = std::move(turns);
    json sentences = json::array();
    for (const Sentence& s : doc.sentences) {
      json sj;
      sj["text"] = std::string(s.span.Slice(doc.text));
      sj["span"] = SpanJson(s.span);
      sj["source_span"] = SpanJson(doc.map.ToOriginal(s.span));
      sj["paragraph"] = s.paragraph;
      if (s.turn >= 0) {
        sj["turn"] = s.turn;
        sj["speaker"] = doc.turns[static_cast<size_t>(s.turn)].speaker;
      }
      if (s.stage_direction) sj["stage_direction"] = true;
      if (s.fragment) sj["fragment"] = true;
      if (options.tokens) {
        json toks = json::array();
        for (uint32_t k = s.token_begin; k < s.token_end; ++k) {
          const Token& t = doc.tokens[k];
          json tj = {{"text", t.lower}, {"stem", t.stem}};
          if (t.is_stopword) tj["stop"] = true;
          if (t.is_number) tj["number"] = true;
          toks.push_back(std::move(tj));
        }
        sj["tokens"] = std::move(toks);
      }
      sentences.push_back(std::move(sj));
    }
    d["sentences"] = std::move(sentences);
    docs.push_back(std::move(d));
  }
  out["documents"] = std::move(docs);
  out["references"] = cluster.references;
  json diags = json::array();
  for (const Diagnostic& d : cluster.diagnostics) diags.push_back(DiagnosticJson(d));
  if (briefing != nullptr) {
    for (const BriefingNotice& notice : briefing->notices) {
      diags.push_back({{"kind", notice.kind},
                       {"severity", "warning"},
                       {"message", notice.message},
                       {"documents", notice.documents}});
    }
  }
  out["diagnostics"] = std::move(diags);
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace dossier
