#include "dossier/rouge_input.h"

#include <nlohmann/json.hpp>
#include <unordered_map>
#include <utility>

#include "dossier/rouge.h"

namespace dossier::eval {
namespace {

void Report(std::vector<Diagnostic>* diagnostics, std::string message, const std::string& where,
            uint64_t offset) {
  if (diagnostics == nullptr) return;
  diagnostics->push_back({Diagnostic::Severity::kError,
                          Status(StatusCode::kInvalidInput, std::move(message), where, offset)});
}

// The object on one line, or a discarded value. parse() is asked not to
// throw; the catch keeps this function's no-throw promise whatever a future
// nlohmann-json version does.
nlohmann::json ParseLine(std::string_view line) {
  try {
    return nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  } catch (const nlohmann::json::exception&) {
    return nlohmann::json(nlohmann::json::value_t::discarded);
  }
}

}  // namespace

std::vector<RougeRecord> ParseRougeRecords(std::string_view bytes, const std::string& name,
                                           RougeInputKind kind,
                                           std::vector<Diagnostic>* diagnostics) {
  const bool allow_references = kind == RougeInputKind::kReferences;
  std::vector<RougeRecord> out;
  std::unordered_map<std::string, size_t> line_of;  // id -> line of its record
  size_t start = 0;
  size_t line_number = 0;
  while (start < bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = bytes.substr(start, end - start);
    const uint64_t offset = start;
    start = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = name + ":" + std::to_string(line_number);
    const nlohmann::json j = ParseLine(line);
    if (j.is_discarded() || !j.is_object()) {
      Report(diagnostics, "not a JSON object", where, offset);
      continue;
    }
    const auto id_it = j.find("id");
    if (id_it == j.end() || !(id_it->is_string() || id_it->is_number_integer())) {
      Report(diagnostics, "no \"id\" (a string)", where, offset);
      continue;
    }
    RougeRecord record;
    record.id = id_it->is_string() ? id_it->get<std::string>() : id_it->dump();
    record.line = line_number;
    record.offset = offset;
    const auto summary = j.find("summary");
    const auto references = j.find("references");
    if (allow_references && references != j.end()) {
      bool strings = references->is_array();
      if (strings) {
        for (const nlohmann::json& r : *references) {
          if (!r.is_string()) {
            strings = false;
            break;
          }
          record.texts.push_back(SplitUnits(r.get_ref<const std::string&>()));
        }
      }
      if (!strings) {
        Report(diagnostics, "\"references\" is not an array of strings", where, offset);
        continue;
      }
    } else if (summary != j.end() && summary->is_string()) {
      record.texts.push_back(SplitUnits(summary->get_ref<const std::string&>()));
    } else {
      Report(diagnostics,
             allow_references ? "no \"summary\" string and no \"references\" array"
                              : "no \"summary\" string",
             where, offset);
      continue;
    }
    const auto [it, inserted] = line_of.emplace(record.id, line_number);
    if (!inserted) {
      Report(diagnostics,
             "duplicate id '" + record.id + "' (first at line " + std::to_string(it->second) + ")",
             where, offset);
      continue;
    }
    out.push_back(std::move(record));
  }
  return out;
}

}  // namespace dossier::eval
