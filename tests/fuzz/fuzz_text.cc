// Fuzz target: plain text -> document -> full analysis.
#include <cstdint>
#include <string>

#include "fuzz_checks.h"
#include "ingest/readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Document doc;
  fuzz::ReadAnalyzedText(bytes, "fuzz.txt", &doc);  // the checks are inside
  return 0;
}
