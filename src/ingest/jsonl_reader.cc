// JSON Lines documents and Multi-News clusters.
#include <nlohmann/json.hpp>

#include "ingest/readers.h"
#include "util/dates.h"
#include "util/strings.h"

namespace dossier {
namespace {

using json = nlohmann::json;

// Calls fn(line, line_number, byte_offset) for every non-blank line.
template <typename Fn>
void ForEachLine(std::string_view bytes, Fn fn) {
  size_t pos = 0;
  size_t number = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    ++number;
    std::string_view line = bytes.substr(pos, nl - pos);
    if (!TrimWhitespace(line).empty()) fn(line, number, pos);
    pos = nl + 1;
  }
}

std::string LineName(const std::string& name, size_t line) {
  return name + ":" + std::to_string(line);
}

// A string field, or a number printed as a string; empty when absent.
std::string StringField(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  if (it->is_number()) return it->dump();
  return {};
}

Result<json> ParseLine(std::string_view line, const std::string& where, size_t offset) {
  // nlohmann throws even with allow_exceptions=false for some inputs (a number
  // too large for a double: "1e999999"), so every parse is guarded.
  json obj;
  try {
    obj = json::parse(line.begin(), line.end());
  } catch (const json::parse_error& e) {
    return Status(StatusCode::kInvalidInput, std::string("bad JSON line: ") + e.what(), where,
                  offset + (e.byte > 0 ? e.byte - 1 : 0));
  } catch (const json::exception& e) {
    return Status(StatusCode::kInvalidInput, std::string("bad JSON line: ") + e.what(), where,
                  offset);
  }
  if (!obj.is_object()) {
    return Status(StatusCode::kInvalidInput, "JSON line is not an object", where, offset);
  }
  return obj;
}

std::string IsoDateOrEmpty(const std::string& value) {
  CivilDate d;
  return ParseDate(value, &d) ? d.ToIso() : std::string();
}

// Calls fn(record, "name:line", byte_offset) for every line that parses as a
// JSON object; other lines are reported and skipped.
template <typename Fn>
void ForEachRecord(std::string_view bytes, const std::string& name,
                   std::vector<Diagnostic>* diagnostics, Fn fn) {
  ForEachLine(bytes, [&](std::string_view line, size_t number, size_t offset) {
    const std::string where = LineName(name, number);
    Result<json> obj = ParseLine(line, where, offset);
    if (!obj.ok()) {
      AddDiagnostic(diagnostics, Diagnostic::Severity::kError, obj.status());
      return;
    }
    fn(*obj, where, offset);
  });
}

}  // namespace

void ReadJsonlDocuments(std::string_view bytes, const std::string& name, const ReadOptions& options,
                        std::vector<Document>* out, std::vector<Diagnostic>* diagnostics) {
  (void)options;
  ForEachRecord(
      bytes, name, diagnostics, [&](const json& record, const std::string& where, size_t offset) {
        const json* obj = &record;
        auto text = obj->find("text");
        if (text == obj->end() || !text->is_string()) {
          AddDiagnostic(
              diagnostics, Diagnostic::Severity::kError,
              Status(StatusCode::kInvalidInput, "record has no \"text\" string", where, offset));
          return;
        }
        Document doc;
        doc.id = StringField(*obj, "id");
        if (doc.id.empty()) doc.id = where;
        doc.source = StringField(*obj, "source");
        doc.title = CollapseWhitespace(StringField(*obj, "title"));
        std::string date = StringField(*obj, "date");
        doc.date = IsoDateOrEmpty(date);
        if (!date.empty() && doc.date.empty()) {
          AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                        Status(StatusCode::kInvalidInput,
                               "unrecognised date \"" + date + "\" ignored", where));
        }
        doc.url = StringField(*obj, "url");
        doc.origin = where;
        doc.raw = text->get<std::string>();
        NormalizeDocument(&doc, /*newline_markers=*/false, diagnostics);
        if (TrimWhitespace(doc.text).empty()) {
          AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                        Status(StatusCode::kEmptyInput, "record has an empty \"text\"", where));
          return;
        }
        out->push_back(std::move(doc));
      });
}

std::vector<std::string_view> SplitMultiNewsArticles(std::string_view document) {
  static constexpr std::string_view kSeparators[] = {"|||||", "story_separator_special_tag"};
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (true) {
    size_t best = std::string_view::npos, best_len = 0;
    for (std::string_view sep : kSeparators) {
      size_t at = document.find(sep, pos);
      if (at < best) best = at, best_len = sep.size();
    }
    if (best == std::string_view::npos) {
      parts.push_back(document.substr(pos));
      break;
    }
    parts.push_back(document.substr(pos, best - pos));
    pos = best + best_len;
  }
  return parts;
}

void ReadMultiNews(std::string_view bytes, const std::string& name, const ReadOptions& options,
                   const ClusterSink& sink, std::vector<Diagnostic>* diagnostics) {
  ForEachRecord(
      bytes, name, diagnostics, [&](const json& record, const std::string& where, size_t offset) {
        const json* obj = &record;
        Cluster cluster;
        cluster.id = StringField(*obj, "id");
        if (cluster.id.empty()) cluster.id = where;
        cluster.origin = where;
        std::vector<std::string> articles;
        auto document = obj->find("document");
        auto documents = obj->find("documents");
        if (document != obj->end() && document->is_string()) {
          const std::string& all = document->get_ref<const std::string&>();
          for (std::string_view part : SplitMultiNewsArticles(all)) articles.emplace_back(part);
        } else if (documents != obj->end() && documents->is_array()) {
          for (const json& d : *documents) {
            if (d.is_string()) articles.push_back(d.get<std::string>());
          }
        } else {
          AddDiagnostic(
              diagnostics, Diagnostic::Severity::kError,
              Status(StatusCode::kInvalidInput,
                     "record has no \"document\" string or \"documents\" array", where, offset));
          return;
        }
        auto summary = obj->find("summary");
        if (summary != obj->end() && summary->is_string()) {
          cluster.references.push_back(summary->get<std::string>());
        }
        auto references = obj->find("references");
        if (references != obj->end() && references->is_array()) {
          for (const json& r : *references) {
            if (r.is_string()) cluster.references.push_back(r.get<std::string>());
          }
        }
        size_t empty = 0, dropped = 0;
        for (size_t k = 0; k < articles.size(); ++k) {
          std::string_view article = TrimWhitespace(articles[k]);
          if (article.empty() || article == "NEWLINE_CHAR") {
            ++empty;
            continue;
          }
          if (cluster.documents.size() >= options.max_documents_per_cluster) {
            ++dropped;
            continue;
          }
          Document doc;
          doc.id = cluster.id + "#" + std::to_string(k + 1);
          doc.origin = where + "#" + std::to_string(k + 1);
          doc.raw = std::string(article);
          NormalizeDocument(&doc, /*newline_markers=*/true, diagnostics);
          if (TrimWhitespace(doc.text).empty()) {
            ++empty;
            continue;
          }
          cluster.documents.push_back(std::move(doc));
        }
        if (empty > 0) {
          AddDiagnostic(&cluster.diagnostics, Diagnostic::Severity::kWarning,
                        Status(StatusCode::kEmptyInput,
                               std::to_string(empty) + " empty article(s) skipped", where));
        }
        if (dropped > 0) {
          AddDiagnostic(&cluster.diagnostics, Diagnostic::Severity::kWarning,
                        Status(StatusCode::kResourceExhausted,
                               std::to_string(dropped) + " article(s) beyond the limit of " +
                                   std::to_string(options.max_documents_per_cluster) +
                                   " per cluster skipped (see --max-docs)",
                               where));
        }
        if (cluster.documents.empty()) {
          AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                        Status(StatusCode::kEmptyInput, "cluster has no non-empty article", where));
          return;
        }
        sink(std::move(cluster));
      });
}

}  // namespace dossier
