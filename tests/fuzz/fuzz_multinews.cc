// Fuzz target: Multi-News records -> clusters -> full analysis.
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "ingest/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<Diagnostic> diags;
  const Pipeline& pipeline = fuzz::FuzzPipeline();
  Pipeline::Scratch scratch = pipeline.NewScratch();
  ReadMultiNews(
      bytes, "fuzz.jsonl", {},
      [&](Cluster&& c) {
        fuzz::Require(!c.documents.empty());
        pipeline.Analyze(&c, &scratch);
        for (const Document& d : c.documents) fuzz::CheckDocument(d);
      },
      &diags);
  return 0;
}
