// JSON Lines documents and Multi-News clusters, read with simdjson's On-Demand
// API: only the fields we use are parsed, other fields are skipped unread.
#include <simdjson.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "ingest/readers.h"
#include "util/dates.h"
#include "util/strings.h"

namespace dossier {
namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;

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

// The offset of the first byte of `s` that is not well-formed UTF-8 (Unicode
// table 3-7), or s.size().
size_t FirstInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = c >= 0xC2 && c <= 0xDF   ? 2
                 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4
                                          : 0;
    if (len == 0) return i;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    if (i + 1 >= n || p[i + 1] < lo || p[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if (i + k >= n || p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    }
    i += len;
  }
  return n;
}

// A number printed as nlohmann-json prints it (integers in full, other
// numbers as the shortest double that reads back).
error_code NumberText(od::value value, std::string* out) {
  od::number number;
  if (value.get_number().get(number) == simdjson::SUCCESS) {
    switch (number.get_number_type()) {
      case od::number_type::signed_integer:
        *out = std::to_string(number.get_int64());
        return simdjson::SUCCESS;
      case od::number_type::unsigned_integer:
        *out = std::to_string(number.get_uint64());
        return simdjson::SUCCESS;
      case od::number_type::floating_point_number:
        *out = nlohmann::json(number.get_double()).dump();
        return simdjson::SUCCESS;
    }
  }
  // An integer beyond 64 bits reads as a double, as nlohmann-json reads it; a
  // number beyond a double's range is an error.
  double d;
  if (error_code e = value.get_double().get(d)) return e;
  *out = nlohmann::json(d).dump();
  return simdjson::SUCCESS;
}

// A string field, or a number printed as a string; empty for null and other types.
error_code StringField(od::value value, std::string* out) {
  out->clear();
  od::json_type type;
  if (error_code e = value.type().get(type)) return e;
  if (type == od::json_type::string) {
    std::string_view s;
    if (error_code e = value.get_string().get(s)) return e;
    out->assign(s);
  } else if (type == od::json_type::number) {
    return NumberText(value, out);
  }
  return simdjson::SUCCESS;
}

// A string value, or nullopt for other types. The view lives as long as the
// parser's current document.
error_code OptionalString(od::value value, std::optional<std::string_view>* out) {
  out->reset();
  od::json_type type;
  if (error_code e = value.type().get(type)) return e;
  if (type != od::json_type::string) return simdjson::SUCCESS;
  std::string_view s;
  if (error_code e = value.get_string().get(s)) return e;
  *out = s;
  return simdjson::SUCCESS;
}

// The strings of an array (other elements skipped); *is_array false for other types.
error_code StringArray(od::value value, bool* is_array, std::vector<std::string_view>* out) {
  out->clear();
  od::json_type type;
  if (error_code e = value.type().get(type)) return e;
  *is_array = type == od::json_type::array;
  if (!*is_array) return simdjson::SUCCESS;
  od::array array;
  if (error_code e = value.get_array().get(array)) return e;
  for (auto element : array) {
    od::value v;
    if (error_code e = element.get(v)) return e;
    std::optional<std::string_view> s;
    if (error_code e = OptionalString(v, &s)) return e;
    if (s) out->push_back(*s);
  }
  return simdjson::SUCCESS;
}

// JSON text holds no NUL and few control bytes: a binary file is one error,
// not one per line (true when refused).
bool RefuseBinary(std::string_view bytes, const std::string& name,
                  std::vector<Diagnostic>* diagnostics) {
  if (!LooksBinary(bytes)) return false;
  AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                Status(StatusCode::kInvalidInput, "binary file, not JSON Lines", name));
  return true;
}

// For each line, calls reset(), then read_field(key, value) for every field of
// the object on the line; when all of them read, calls use(where, byte_offset). Lines that are not
// JSON objects, or whose used fields do not read, are reported and skipped.
// Each line is parsed from one reused buffer with simdjson's padding after it.
template <typename Reset, typename ReadField, typename Use>
void ForEachRecord(std::string_view bytes, const std::string& name, const ReadOptions& options,
                   std::vector<Diagnostic>* diagnostics, Reset reset, ReadField read_field,
                   Use use) {
  od::parser parser;
  std::string buffer;
  ForEachLine(bytes, [&](std::string_view line, size_t number, size_t offset) {
    if (options.stop != nullptr && options.stop->load(std::memory_order_relaxed)) return;
    const std::string where = LineName(name, number);
    reset();
    if (buffer.size() < line.size() + simdjson::SIMDJSON_PADDING) {
      buffer.resize(line.size() + simdjson::SIMDJSON_PADDING);
    }
    std::copy(line.begin(), line.end(), buffer.begin());
    od::document doc;
    od::object obj;
    error_code error = parser.iterate(buffer.data(), line.size(), buffer.size()).get(doc);
    // Only a document that iterate() started can tell where it stopped.
    const bool started = !error;
    if (!error) {
      od::json_type type;
      error = doc.type().get(type);
      if (!error && type != od::json_type::object) {
        AddDiagnostic(
            diagnostics, Diagnostic::Severity::kError,
            Status(StatusCode::kInvalidInput, "JSON line is not an object", where, offset));
        return;
      }
    }
    if (!error) error = doc.get_object().get(obj);
    if (!error) {
      for (auto field : obj) {
        std::string_view key;
        od::value value;
        if ((error = field.unescaped_key().get(key))) break;
        if ((error = field.value().get(value))) break;
        if ((error = read_field(key, value))) break;
      }
    }
    // Anything after the object (a location still inside the document).
    const char* at = nullptr;
    if (!error && doc.current_location().get(at) == simdjson::SUCCESS) {
      error = simdjson::TRAILING_CONTENT;
    }
    if (error) {
      size_t in_line = 0;
      if (error == simdjson::UTF8_ERROR) {
        in_line = FirstInvalidUtf8(line);
      } else if (at != nullptr ||
                 (started && doc.current_location().get(at) == simdjson::SUCCESS)) {
        in_line = static_cast<size_t>(at - buffer.data());
      }
      AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                    Status(StatusCode::kInvalidInput,
                           std::string("bad JSON line: ") + simdjson::error_message(error), where,
                           offset + std::min(in_line, line.size())));
      return;
    }
    use(where, offset);
  });
}

std::string IsoDateOrEmpty(const std::string& value, const CalendarNames& names) {
  CivilDate d;
  return ParseDate(value, &d, names) ? d.ToIso() : std::string();
}

}  // namespace

void ReadJsonlDocuments(std::string_view bytes, const std::string& name, const ReadOptions& options,
                        std::vector<Document>* out, std::vector<Diagnostic>* diagnostics) {
  ReadJsonlDocuments(
      bytes, name, options, [out](Document&& doc) { out->push_back(std::move(doc)); }, diagnostics);
}

void ReadJsonlDocuments(std::string_view bytes, const std::string& name, const ReadOptions& options,
                        const DocumentSink& sink, std::vector<Diagnostic>* diagnostics) {
  if (RefuseBinary(bytes, name, diagnostics)) return;
  // Dates may name months ("November 27, 2015"): the data folder's names.
  std::optional<CalendarNames> folder_names;
  if (!options.data_dir.empty()) {
    Result<CalendarNames> n = CalendarNames::Create(options.data_dir);
    if (n.ok()) {
      folder_names = std::move(*n);
    } else {
      AddDiagnostic(diagnostics, Diagnostic::Severity::kError, n.status());
    }
  }
  const CalendarNames& names = folder_names ? *folder_names : CalendarNames::BuiltIn();
  // The fields of the current line; a repeated key keeps its last value.
  std::string id, source, title, date, url, story, language;
  std::optional<std::string_view> text;
  // not-language: the JSONL field names.
  auto read_field = [&](std::string_view key, od::value value) -> error_code {
    if (key == "text") return OptionalString(value, &text);
    if (key == "story") return StringField(value, &story);
    if (key == "id") return StringField(value, &id);
    if (key == "source") return StringField(value, &source);
    if (key == "title") return StringField(value, &title);
    if (key == "date") return StringField(value, &date);
    if (key == "url") return StringField(value, &url);
    if (key == "language") return StringField(value, &language);
    return simdjson::SUCCESS;
  };
  auto clear = [&] {
    id.clear(), source.clear(), title.clear(), date.clear(), url.clear(), story.clear();
    language.clear();
    text.reset();
  };
  ForEachRecord(
      bytes, name, options, diagnostics, clear, read_field,
      [&](const std::string& where, size_t offset) {
        if (!text) {
          AddDiagnostic(
              diagnostics, Diagnostic::Severity::kError,
              Status(StatusCode::kInvalidInput, "record has no \"text\" string", where, offset));
          return;
        }
        Document doc;
        doc.id = id.empty() ? where : id;
        doc.source = source;
        doc.declared_language = language;
        doc.title = CollapseWhitespace(title);
        doc.date = IsoDateOrEmpty(date, names);
        if (!date.empty() && doc.date.empty()) {
          AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                        Status(StatusCode::kInvalidInput,
                               "unrecognised date \"" + date + "\" ignored", where));
        }
        doc.url = url;
        doc.origin = where;
        doc.story = story;
        std::string_view body = *text;
        CutDocument(&body, options.max_document_bytes, 0, where, diagnostics);
        doc.raw = std::string(body);
        NormalizeDocument(&doc, /*newline_markers=*/false, diagnostics);
        if (TrimWhitespace(doc.text).empty()) {
          AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                        Status(StatusCode::kEmptyInput, "record has an empty \"text\"", where));
          return;
        }
        sink(std::move(doc));
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
  if (RefuseBinary(bytes, name, diagnostics)) return;
  // The fields of the current line (views into the parser's current
  // document); a repeated key keeps its last value.
  std::string id;
  std::optional<std::string_view> document, summary;
  bool has_documents = false, has_references = false;
  std::vector<std::string_view> documents, references, articles;
  auto reset = [&] {
    id.clear();
    document.reset(), summary.reset();
    has_documents = has_references = false;
    documents.clear(), references.clear();
  };
  auto read_field = [&](std::string_view key, od::value value) -> error_code {
    if (key == "document") return OptionalString(value, &document);
    if (key == "documents") return StringArray(value, &has_documents, &documents);
    if (key == "id") return StringField(value, &id);
    if (key == "summary") return OptionalString(value, &summary);
    if (key == "references") return StringArray(value, &has_references, &references);
    return simdjson::SUCCESS;
  };
  ForEachRecord(
      bytes, name, options, diagnostics, reset, read_field,
      [&](const std::string& where, size_t offset) {
        Cluster cluster;
        cluster.id = id.empty() ? where : id;
        cluster.origin = where;
        articles.clear();
        if (document) {
          articles = SplitMultiNewsArticles(*document);
        } else if (has_documents) {
          articles = documents;
        } else {
          AddDiagnostic(
              diagnostics, Diagnostic::Severity::kError,
              Status(StatusCode::kInvalidInput,
                     "record has no \"document\" string or \"documents\" array", where, offset));
          return;
        }
        if (summary) cluster.references.emplace_back(*summary);
        for (std::string_view r : references) cluster.references.emplace_back(r);
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
          CutDocument(&article, options.max_document_bytes, 0, doc.origin, &cluster.diagnostics);
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
