// ReadInputs: paths -> clusters. Format detection and directory walking.
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <utility>

#include "dossier/files.h"
#include "dossier/ingest.h"
#include "ingest/feed.h"
#include "ingest/fetch.h"
#include "ingest/pdf.h"
#include "ingest/readers.h"
#include "ingest/warc.h"
#include "util/strings.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

std::string StripGz(std::string_view name) {
  std::string lower = AsciiLower(name);
  if (EndsWith(lower, ".gz")) lower.resize(lower.size() - 3);
  return lower;
}

// The first non-blank line of `bytes`.
std::string_view FirstLine(std::string_view bytes) {
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = TrimWhitespace(bytes.substr(pos, nl - pos));
    if (!line.empty()) return line;
    pos = nl + 1;
  }
  return {};
}

bool LooksLikeHtml(std::string_view bytes) {
  std::string head = AsciiLower(bytes.substr(0, 2048));
  size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string::npos || head[first] != '<') return false;
  return head.find("<html") != std::string::npos ||
         head.find("<!doctype html") != std::string::npos ||
         head.find("<body") != std::string::npos || head.find("<head") != std::string::npos;
}

// Appends the regular files under `dir` in byte-wise path order, skipping hidden
// entries and following directory symlinks once (loops are reported).
void WalkDirectory(const std::string& dir, const ReadOptions& options,
                   std::vector<std::string>* files, std::vector<Diagnostic>* diagnostics) {
  std::vector<fs::path> stack{fs::path(dir)};
  std::set<std::pair<dev_t, ino_t>> seen;
  std::vector<std::string> found;
  while (!stack.empty()) {
    fs::path d = stack.back();
    stack.pop_back();
    struct stat st {};
    if (::stat(d.c_str(), &st) != 0) {
      AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                    Status(StatusCode::kIoError, "cannot read directory", d.string()));
      continue;
    }
    if (!seen.insert({st.st_dev, st.st_ino}).second) {
      AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                    Status(StatusCode::kInvalidInput,
                           "directory already visited (symlink loop?), skipped", d.string()));
      continue;
    }
    std::error_code ec;
    fs::directory_iterator it(d, ec);
    if (ec) {
      AddDiagnostic(
          diagnostics, Diagnostic::Severity::kError,
          Status(StatusCode::kIoError, "cannot read directory: " + ec.message(), d.string()));
      continue;
    }
    std::vector<fs::path> subdirs;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::path& p = it->path();
      std::string base = p.filename().string();
      if (base.empty() || base[0] == '.') continue;
      std::error_code e2;
      fs::file_status s = fs::status(p, e2);
      if (e2) {
        AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                      Status(StatusCode::kIoError, "cannot stat: " + e2.message(), p.string()));
        continue;
      }
      if (fs::is_directory(s)) {
        subdirs.push_back(p);
      } else if (fs::is_regular_file(s)) {
        found.push_back(p.string());
        if (found.size() > options.max_files) {
          AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                        Status(StatusCode::kResourceExhausted,
                               "more than " + std::to_string(options.max_files) +
                                   " files; the rest are skipped",
                               dir));
          found.pop_back();
          stack.clear();
          break;
        }
      } else {
        // Reading a FIFO would wait for a writer; devices and sockets are not documents.
        AddDiagnostic(diagnostics, Diagnostic::Severity::kWarning,
                      Status(StatusCode::kInvalidInput,
                             "not a regular file (FIFO, socket or device), skipped", p.string()));
      }
    }
    // Depth-first; order is fixed by the final sort.
    for (auto& s : subdirs) stack.push_back(std::move(s));
  }
  std::sort(found.begin(), found.end());
  files->insert(files->end(), found.begin(), found.end());
}

}  // namespace

Result<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text" || name == "txt") return InputFormat::kText;
  if (name == "html") return InputFormat::kHtml;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "multinews") return InputFormat::kMultiNews;
  if (name == "feed") return InputFormat::kFeed;
  if (name == "pdf") return InputFormat::kPdf;
  if (name == "warc") return InputFormat::kWarc;
  if (name == "urls") return InputFormat::kUrls;
  return Status(StatusCode::kInvalidArgument,
                "unknown input format \"" + std::string(name) +
                    "\" (expected auto, text, html, jsonl, multinews, feed, pdf, warc or urls)");
}

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kJsonl:
      return "jsonl";
    case InputFormat::kMultiNews:
      return "multinews";
    case InputFormat::kFeed:
      return "feed";
    case InputFormat::kPdf:
      return "pdf";
    case InputFormat::kWarc:
      return "warc";
    case InputFormat::kUrls:
      return "urls";
  }
  return "auto";
}

// Every line of a list (ForEachListedLine) is a web address, and there is one.
bool ListsWebAddresses(std::string_view bytes) {
  size_t urls = 0;
  const bool all = ForEachListedLine(bytes, [&](std::string_view line) {
    ++urls;
    return IsWebAddress(line) && line.find_first_of(" \t") == std::string_view::npos;
  });
  return all && urls > 0;
}

InputFormat DetectFormat(std::string_view name, std::string_view bytes) {
  std::string base = StripGz(name);
  if (EndsWith(base, ".pdf") || LooksLikePdf(bytes)) return InputFormat::kPdf;
  if (EndsWith(base, ".warc") || LooksLikeWarc(bytes)) return InputFormat::kWarc;
  if (LooksLikeFeed(bytes)) return InputFormat::kFeed;
  if (EndsWith(base, ".html") || EndsWith(base, ".htm") || EndsWith(base, ".xhtml")) {
    return InputFormat::kHtml;
  }
  std::string_view first = FirstLine(bytes);
  if (!first.empty() && first.front() == '{') {
    // A JSON line: Multi-News records carry "document(s)", documents "text".
    bool multinews = first.find("\"document\"") != std::string_view::npos ||
                     first.find("\"documents\"") != std::string_view::npos;
    return multinews ? InputFormat::kMultiNews : InputFormat::kJsonl;
  }
  if (EndsWith(base, ".jsonl") || EndsWith(base, ".ndjson") || EndsWith(base, ".json")) {
    return InputFormat::kJsonl;
  }
  if (LooksLikeHtml(bytes)) return InputFormat::kHtml;
  if (ListsWebAddresses(bytes)) return InputFormat::kUrls;
  return InputFormat::kText;
}

Result<ReadOptions> WithExtractor(const ReadOptions& options) {
  ReadOptions with = options;
  if (with.extractor == nullptr && !with.data_dir.empty()) {
    Result<ArticleExtractor> extractor = ArticleExtractor::Create(with.data_dir);
    if (!extractor.ok()) return extractor.status();
    with.extractor = std::make_shared<const ArticleExtractor>(std::move(*extractor));
  }
  return with;
}

void ReadBuffer(std::string_view bytes, const std::string& name, InputFormat format,
                const ReadOptions& given, std::vector<Document>* loose, const ClusterSink& sink,
                std::vector<Diagnostic>* diagnostics, std::string_view url) {
  Result<ReadOptions> options = WithExtractor(given);
  if (!options.ok()) {
    AddDiagnostic(diagnostics, Diagnostic::Severity::kError, options.status());
    return;
  }
  SourceMeta meta;
  meta.url = std::string(url);
  ReadSource(bytes, name, format, *options, meta, loose, sink, diagnostics);
}

namespace {

std::vector<Input> FileInputs(const std::vector<std::string>& paths) {
  std::vector<Input> inputs;
  inputs.reserve(paths.size());
  for (const std::string& p : paths) inputs.push_back(Input::File(p));
  return inputs;
}

// Calls `use(bytes, name, meta)` for every input: each file named (folders
// walked; a web archive page by page), each in-memory input, and each web
// address (runs of addresses fetched together, several at once), in order;
// `use` returns whether the input gave anything. Returns how many did.
template <typename Use>
size_t ForEachInput(const std::vector<Input>& inputs, const ReadOptions& options,
                    std::vector<Diagnostic>* diagnostics, Use use) {
  size_t read_ok = 0;
  auto stopped = [&] {
    return options.stop != nullptr && options.stop->load(std::memory_order_relaxed);
  };
  std::vector<std::string> addresses;  // a run of web addresses, fetched together
  auto fetch_run = [&] {
    FetchPages(
        addresses, options, /*depth=*/0,
        [&](size_t, std::string_view body, const std::string& name, const SourceMeta& meta) {
          if (use(body, name, meta)) ++read_ok;
        },
        diagnostics);
    addresses.clear();
  };
  for (const Input& input : inputs) {
    const std::string& path = input.path;
    if (!input.bytes && IsWebAddress(path)) {
      addresses.push_back(path);
      continue;
    }
    if (!addresses.empty()) fetch_run();
    if (stopped()) break;
    if (input.bytes) {
      SourceMeta meta;
      meta.url = input.url;
      if (input.bytes->size() > options.max_input_bytes) {
        AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                      Status(StatusCode::kResourceExhausted,
                             "input of " + std::to_string(input.bytes->size()) +
                                 " bytes is larger than the limit of " +
                                 std::to_string(options.max_input_bytes),
                             path));
      } else if (TrimWhitespace(*input.bytes).empty()) {
        AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                      Status(StatusCode::kEmptyInput, "empty input", path));
      } else if (use(std::string_view(*input.bytes), path, meta)) {
        ++read_ok;
      }
      continue;
    }
    for (const std::string& file : ExpandInputs({path}, options, diagnostics)) {
      if (stopped()) break;
      if ((options.format == InputFormat::kAuto || options.format == InputFormat::kWarc ||
           options.format == InputFormat::kHtml) &&
          IsWarcFile(file)) {
        // One pass over the archive, page by page: never held whole.
        if (ReadWarcPages(file, options, use, diagnostics)) ++read_ok;
        continue;
      }
      Result<FileContents> contents = ReadInputFile(file, options.max_input_bytes);
      if (!contents.ok()) {
        AddDiagnostic(diagnostics, Diagnostic::Severity::kError, contents.status());
        continue;
      }
      if (!contents->warning.ok()) {
        AddDiagnostic(diagnostics, Diagnostic::Severity::kError, contents->warning);
      }
      const std::string name = file == "-" ? "<stdin>" : file;
      if (TrimWhitespace(contents->bytes).empty()) {
        AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                      Status(StatusCode::kEmptyInput, "empty input", name));
        continue;
      }
      if (use(std::string_view(contents->bytes), name, SourceMeta())) ++read_ok;
    }
  }
  if (!addresses.empty() && !stopped()) fetch_run();
  return read_ok;
}

}  // namespace

std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths,
                                      const ReadOptions& options,
                                      std::vector<Diagnostic>* diagnostics) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      const size_t before = files.size();
      WalkDirectory(path, options, &files, diagnostics);
      if (files.size() == before) {
        AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                      Status(StatusCode::kEmptyInput, "directory holds no files", path));
      }
    } else {
      files.push_back(path);
    }
  }
  return files;
}

Status ReadInputs(const std::vector<std::string>& paths, const ReadOptions& options,
                  const ClusterSink& sink, std::vector<Diagnostic>* diagnostics) {
  return ReadInputs(FileInputs(paths), options, sink, diagnostics);
}

Status ReadDocuments(const std::vector<std::string>& paths, const ReadOptions& options,
                     const DocumentSink& sink, std::vector<Diagnostic>* diagnostics) {
  return ReadDocuments(FileInputs(paths), options, sink, diagnostics);
}

Status ReadInputs(const std::vector<Input>& paths, const ReadOptions& given,
                  const ClusterSink& sink, std::vector<Diagnostic>* diagnostics) {
  Result<ReadOptions> with_extractor = WithExtractor(given);
  if (!with_extractor.ok()) return with_extractor.status();
  const ReadOptions& options = *with_extractor;
  std::vector<Document> loose;
  size_t clusters = 0, loose_dropped = 0;
  auto counting_sink = [&](Cluster&& c) {
    ++clusters;
    sink(std::move(c));
  };
  const size_t read_ok =
      ForEachInput(paths, options, diagnostics,
                   [&](std::string_view bytes, const std::string& name, const SourceMeta& meta) {
                     const size_t before = loose.size();
                     const size_t clusters_before = clusters;
                     ReadSource(bytes, name, meta.FormatFor(options), options, meta, &loose,
                                counting_sink, diagnostics);
                     const bool produced = loose.size() > before || clusters > clusters_before;
                     if (loose.size() > options.max_documents_per_cluster) {
                       loose_dropped += loose.size() - options.max_documents_per_cluster;
                       loose.resize(options.max_documents_per_cluster);
                     }
                     return produced;
                   });
  if (loose_dropped > 0) {
    AddDiagnostic(diagnostics, Diagnostic::Severity::kError,
                  Status(StatusCode::kResourceExhausted,
                         std::to_string(loose_dropped) + " document(s) beyond the limit of " +
                             std::to_string(options.max_documents_per_cluster) +
                             " per cluster skipped (see --max-docs)"));
  }
  if (!loose.empty()) {
    Cluster cluster;
    cluster.id = paths.size() == 1
                     ? (paths[0].path == "-" && !paths[0].bytes ? "stdin" : paths[0].path)
                     : "cluster";
    cluster.origin = cluster.id;
    cluster.documents = std::move(loose);
    counting_sink(std::move(cluster));
  }
  if (read_ok == 0) {
    return Status(StatusCode::kInvalidInput, "no usable input");
  }
  return Status::Ok();
}

Status ReadDocuments(const std::vector<Input>& paths, const ReadOptions& given,
                     const DocumentSink& sink, std::vector<Diagnostic>* diagnostics) {
  Result<ReadOptions> with_extractor = WithExtractor(given);
  if (!with_extractor.ok()) return with_extractor.status();
  const ReadOptions& options = *with_extractor;
  size_t delivered = 0;
  auto counting_sink = [&](Document&& doc) {
    ++delivered;
    sink(std::move(doc));
  };
  auto split_cluster = [&](Cluster&& cluster) {
    for (Diagnostic& d : cluster.diagnostics) diagnostics->push_back(std::move(d));
    for (Document& doc : cluster.documents) counting_sink(std::move(doc));
  };
  std::vector<Diagnostic> sink_diagnostics;
  if (diagnostics == nullptr) diagnostics = &sink_diagnostics;
  const size_t read_ok = ForEachInput(
      paths, options, diagnostics,
      [&](std::string_view bytes, const std::string& name, const SourceMeta& meta) {
        const size_t before = delivered;
        InputFormat format = meta.FormatFor(options);
        if (format == InputFormat::kAuto) format = DetectFormat(name, bytes);
        if (format == InputFormat::kJsonl) {
          ReadJsonlDocuments(bytes, name, options, counting_sink, diagnostics);
        } else {
          std::vector<Document> loose;
          ReadSource(bytes, name, format, options, meta, &loose, split_cluster, diagnostics);
          for (Document& doc : loose) counting_sink(std::move(doc));
        }
        return delivered > before;
      });
  if (read_ok == 0) {
    return Status(StatusCode::kInvalidInput, "no usable input");
  }
  return Status::Ok();
}

}  // namespace dossier
