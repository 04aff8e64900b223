#include "util/data_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/strings.h"

namespace dossier {

// Defined in the generated embedded_data.cc.
struct EmbeddedFile {
  const char* name;
  const unsigned char* data;
  size_t size;
};
extern const EmbeddedFile kEmbeddedFiles[];
extern const size_t kEmbeddedFileCount;

namespace {

const EmbeddedFile* FindEmbedded(std::string_view name) {
  for (size_t i = 0; i < kEmbeddedFileCount; ++i) {
    if (name == kEmbeddedFiles[i].name) return &kEmbeddedFiles[i];
  }
  return nullptr;
}

}  // namespace

Result<std::string> ReadDataFile(std::string_view data_dir, std::string_view name) {
  if (!data_dir.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_directory(std::string(data_dir), ec)) {
      return Status(StatusCode::kNotFound, "the data folder does not exist or is not a folder",
                    std::string(data_dir));
    }
    std::string path = std::string(data_dir) + "/" + std::string(name);
    if (std::filesystem::exists(path, ec)) {
      std::ifstream in(path, std::ios::binary);
      if (!in) return Status(StatusCode::kNotFound, "cannot open data file", path);
      std::ostringstream ss;
      ss << in.rdbuf();
      return ss.str();
    }
  }
  if (const EmbeddedFile* f = FindEmbedded(name)) {
    return std::string(reinterpret_cast<const char*>(f->data), f->size);
  }
  return Status(StatusCode::kNotFound, "no built-in data file", std::string(name));
}

bool HasDataFile(std::string_view data_dir, std::string_view name) {
  if (FindEmbedded(name) != nullptr) return true;
  if (data_dir.empty()) return false;
  std::error_code ec;
  return std::filesystem::exists(std::string(data_dir) + "/" + std::string(name), ec);
}

std::vector<std::string> EmbeddedDataFileNames() {
  std::vector<std::string> names;
  for (size_t i = 0; i < kEmbeddedFileCount; ++i) names.emplace_back(kEmbeddedFiles[i].name);
  return names;
}

WordList WordList::Parse(std::string_view content, bool lowercase) {
  WordList list;
  DataLines lines(content);
  for (std::string_view line; lines.Next(&line);) {
    std::string entry = lowercase ? AsciiLower(line) : std::string(line);
    if (list.set_.insert(entry).second) list.entries_.push_back(std::move(entry));
  }
  return list;
}

Result<WordList> LoadWordList(std::string_view data_dir, std::string_view name, bool lowercase) {
  Result<std::string> content = ReadDataFile(data_dir, name);
  if (!content.ok()) return content.status();
  return WordList::Parse(*content, lowercase);
}

}  // namespace dossier
