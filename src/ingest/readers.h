// The per-format readers behind ReadBuffer. Internal to the ingest stage.
#ifndef DOSSIER_INGEST_READERS_H_
#define DOSSIER_INGEST_READERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/ingest.h"
#include "dossier/status.h"

namespace dossier {

// Fills doc->text and doc->map from doc->raw (UTF-8 repair, NFC...). Reports
// repaired bytes to diagnostics. With `newline_markers`, NEWLINE_CHAR marks a
// line break (Multi-News).
void NormalizeDocument(Document* doc, bool newline_markers, std::vector<Diagnostic>* diagnostics);

// A plain-text document: UTF-8, UTF-16, or a legacy encoding detected and
// converted (src/ingest/charset.h). Fails on binary data and on input with
// no text. Bytes beyond `max_bytes` are cut off (CutDocument).
Result<Document> ReadTextDocument(std::string_view bytes, const std::string& name,
                                  std::vector<Diagnostic>* diagnostics,
                                  uint64_t max_bytes = kDefaultMaxDocumentBytes);

// An HTML page: its charset decided (declared or detected) and converted,
// then its article extracted (include/dossier/article.h; `url`, when known,
// is where the page was read from). A page longer than `max_bytes` is cut
// first.
Result<Document> ReadHtmlDocument(std::string_view bytes, const std::string& name,
                                  std::vector<Diagnostic>* diagnostics,
                                  uint64_t max_bytes = kDefaultMaxDocumentBytes,
                                  std::string_view url = {});

// Where a document longer than `max_bytes` is cut: after the last line break
// in the last quarter before the limit, else after the last space there, else
// at the limit moved back to a character boundary. `utf16` is 0 for byte
// encodings (UTF-8 assumed for the boundary), 1 for UTF-16LE, 2 for UTF-16BE
// (an even offset, never between the two halves of a surrogate pair).
// Returns bytes.size() when it fits.
size_t DocumentCutPoint(std::string_view bytes, uint64_t max_bytes, int utf16 = 0);

// Shortens `*bytes` to DocumentCutPoint and, when it cut, reports it as a
// warning naming `name`.
void CutDocument(std::string_view* bytes, uint64_t max_bytes, int utf16, const std::string& name,
                 std::vector<Diagnostic>* diagnostics);

// JSON Lines documents, each delivered to `sink` as soon as its line is read
// (or appended to `out`); bad lines are reported and skipped.
void ReadJsonlDocuments(std::string_view bytes, const std::string& name, const ReadOptions& options,
                        const DocumentSink& sink, std::vector<Diagnostic>* diagnostics);
void ReadJsonlDocuments(std::string_view bytes, const std::string& name, const ReadOptions& options,
                        std::vector<Document>* out, std::vector<Diagnostic>* diagnostics);

// Multi-News records, each delivered to `sink` as a cluster.
void ReadMultiNews(std::string_view bytes, const std::string& name, const ReadOptions& options,
                   const ClusterSink& sink, std::vector<Diagnostic>* diagnostics);

// Splits a Multi-News "document" field into its articles (raw, unnormalized).
std::vector<std::string_view> SplitMultiNewsArticles(std::string_view document);

// True when `bytes` looks binary (NUL bytes or many control bytes in the first 8 KiB,
// and not UTF-16).
bool LooksBinary(std::string_view bytes);

// Adds a warning / error diagnostic.
void AddDiagnostic(std::vector<Diagnostic>* diagnostics, Diagnostic::Severity severity,
                   Status status);

}  // namespace dossier

#endif  // DOSSIER_INGEST_READERS_H_
