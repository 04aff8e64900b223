#include <string>

#include "dossier/report.h"

namespace dossier {
namespace {

std::string Range(Span s) { return std::to_string(s.begin) + "–" + std::to_string(s.end); }

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

}  // namespace

std::string RenderMarkdown(const Cluster& cluster, const RenderOptions& options) {
  std::string out;
  out += "# Cluster " + Escape(cluster.id) + " — " + std::to_string(cluster.documents.size()) +
         (cluster.documents.size() == 1 ? " document\n\n" : " documents\n\n");
  for (const Diagnostic& d : cluster.diagnostics) out += "> " + Escape(FormatDiagnostic(d)) + "\n";
  if (!cluster.diagnostics.empty()) out += "\n";
  size_t n = 0;
  for (const Document& doc : cluster.documents) {
    ++n;
    out += "## " + std::to_string(n) + ". " +
           (doc.title.empty() ? "(untitled)" : Escape(doc.title)) + "\n\n";
    out += "- origin: `" + doc.origin + "`";
    if (doc.id != doc.origin) out += " · id: `" + doc.id + "`";
    out += "\n";
    if (!doc.source.empty()) out += "- source: " + Escape(doc.source) + "\n";
    if (!doc.byline.empty()) out += "- byline: " + Escape(doc.byline) + "\n";
    if (!doc.date.empty()) out += "- date: " + doc.date + "\n";
    if (!doc.url.empty()) out += "- url: <" + doc.url + ">\n";
    out += "- " + std::to_string(doc.sentences.size()) + " sentences in " +
           std::to_string(doc.paragraphs.size()) + " paragraphs";
    if (doc.is_transcript())
      out += "; transcript with " + std::to_string(doc.turns.size()) + " turns";
    out += "\n\n";
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
  if (!cluster.references.empty()) {
    out += "## Reference summary\n\n";
    for (const std::string& r : cluster.references) out += Escape(r) + "\n\n";
  }
  return out;
}

}  // namespace dossier
