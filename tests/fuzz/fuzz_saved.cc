// Fuzz target: the bytes that move between processes in a distributed run
// (python3 -m dossier.dask). The first byte chooses: even, saved documents
// (LoadDocuments): damaged bytes are an error, and documents that load are
// whole (UTF-8 text, a map covering it), analyse cleanly and save back to
// documents that load the same; odd, article signatures (one per line of a
// length-prefixed list) added to a StoryStream: a damaged one is an error
// that changes nothing, and the stories cover every article added.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/document.h"
#include "dossier/stories.h"
#include "fuzz_checks.h"

namespace {

using dossier::fuzz::Require;

void FuzzDocuments(std::string_view bytes) {
  dossier::Result<std::vector<dossier::Document>> docs = dossier::LoadDocuments(bytes, "fuzz");
  if (!docs.ok()) {
    Require(!docs.status().ToString().empty());
    return;
  }
  const std::string saved = dossier::SaveDocuments(*docs);
  dossier::Result<std::vector<dossier::Document>> again = dossier::LoadDocuments(saved, "again");
  Require(again.ok() && again->size() == docs->size());
  dossier::Pipeline::Scratch scratch = dossier::fuzz::FuzzPipeline().NewScratch();
  for (size_t k = 0; k < docs->size() && k < 4; ++k) {
    dossier::Document& d = (*docs)[k];
    Require((*again)[k].text == d.text && (*again)[k].raw == d.raw);
    if (d.text.size() > 20000) continue;
    dossier::fuzz::FuzzPipeline().Analyze(&d, &scratch);
    dossier::fuzz::CheckDocument(d);
  }
}

void FuzzSignatures(std::string_view bytes) {
  dossier::StoryOptions options;
  options.threads = 1;
  dossier::Result<dossier::StoryStream> s = dossier::StoryStream::Create(options);
  Require(s.ok());
  uint32_t added = 0;
  while (bytes.size() >= 2) {
    const size_t n = std::min<size_t>(
        bytes.size() - 2, static_cast<uint8_t>(bytes[0]) | static_cast<uint8_t>(bytes[1]) << 8);
    const std::string_view sig = bytes.substr(2, n);
    bytes.remove_prefix(2 + n);
    const uint32_t before = s->article_count();
    dossier::Result<uint32_t> r = s->AddSignature(sig, "fuzz");
    Require(s->article_count() == before + (r.ok() ? 1 : 0));
    added += r.ok() ? 1 : 0;
  }
  size_t listed = 0;
  for (const dossier::Story& story : s->Stories()) listed += story.articles.size();
  Require(listed == added);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    FuzzDocuments(bytes);
  } else {
    FuzzSignatures(bytes);
  }
  return 0;
}
