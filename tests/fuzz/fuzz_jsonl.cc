// Fuzz target: JSON Lines documents -> full analysis.
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "ingest/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  ReadJsonlDocuments(bytes, "fuzz.jsonl", {}, &docs, &diags);
  const Pipeline& pipeline = fuzz::FuzzPipeline();
  Pipeline::Scratch scratch = pipeline.NewScratch();
  for (Document& doc : docs) {
    pipeline.Analyze(&doc, &scratch);
    fuzz::CheckDocument(doc);
  }
  return 0;
}
