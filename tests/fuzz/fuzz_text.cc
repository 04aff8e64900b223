// Fuzz target: plain text -> document -> full analysis.
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "ingest/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> diags;
  Result<Document> doc = ReadTextDocument(bytes, "fuzz.txt", &diags);
  if (!doc.ok()) return 0;
  const Pipeline& pipeline = fuzz::FuzzPipeline();
  Pipeline::Scratch scratch = pipeline.NewScratch();
  pipeline.Analyze(&*doc, &scratch);
  fuzz::CheckDocument(*doc);
  return 0;
}
