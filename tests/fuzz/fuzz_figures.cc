// Fuzz target: up to three texts (split at 0x1E bytes) -> analysis -> the
// figures of each document (Extract) and of the cluster (Group). Mentions:
// spans inside their sentence and the text, mapping into the raw input;
// finite values with value <= value_high; a known qualifier; valid UTF-8
// labels; text order. Groups: every mention of every document in exactly one
// group, mentions of one unit in (document, text) order, a finite value that
// one of them has, a label to show, a conflict only across documents, groups
// ordered by decreasing document count.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "analyze/figures.h"
#include "fuzz_checks.h"
#include "ingest/readers.h"

namespace {

using dossier::fuzz::Require;

bool KnownQualifier(const std::string& q) {
  for (const char* k : {"", "over", "more than", "about", "at least", "up to", "within", "nearly",
                        "less than", "plus"}) {
    if (q == k) return true;
  }
  return false;
}

void CheckMention(const dossier::Cluster& cluster, const dossier::FigureMention& m) {
  Require(m.document < cluster.documents.size());
  const dossier::Document& doc = cluster.documents[m.document];
  dossier::fuzz::CheckSpan(doc, m.span);
  dossier::fuzz::CheckTextSpan(doc.text, m.span);
  Require(!m.span.empty());
  Require(m.sentence < doc.sentences.size());
  Require(dossier::fuzz::Inside(m.span, doc.sentences[m.sentence].span));
  Require(std::isfinite(m.value) && std::isfinite(m.value_high) && m.value <= m.value_high);
  Require(KnownQualifier(m.qualifier));
  Require(!m.unit.empty() || !m.what.empty());
  Require(dossier::IsValidUtf8(m.unit) && dossier::IsValidUtf8(m.what) &&
          dossier::IsValidUtf8(m.what_key));
  Require(m.what.empty() == m.what_key.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dossier;
  static const FigureExtractor* figures = [] {
    Result<FigureExtractor> f = FigureExtractor::Create("");
    Require(f.ok());
    return new FigureExtractor(std::move(*f));
  }();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Cluster cluster = fuzz::AnalyzedCluster(bytes, 3);
  if (cluster.documents.empty()) return 0;

  size_t extracted = 0;
  for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
    const std::vector<FigureMention> found = figures->Extract(cluster.documents[d], d);
    uint32_t last_begin = 0;
    for (const FigureMention& m : found) {
      Require(m.document == d);
      CheckMention(cluster, m);
      Require(m.span.begin >= last_begin);
      last_begin = m.span.begin;
    }
    extracted += found.size();
  }

  const std::vector<FigureGroup> groups = figures->Group(cluster);
  size_t grouped = 0;
  size_t last_count = SIZE_MAX;
  for (const FigureGroup& g : groups) {
    Require(!g.mentions.empty());
    grouped += g.mentions.size();
    Require(!g.what.empty() && IsValidUtf8(g.what) && IsValidUtf8(g.what_key));
    Require(std::isfinite(g.value));
    bool has_value = false;
    for (size_t k = 0; k < g.mentions.size(); ++k) {
      const FigureMention& m = g.mentions[k];
      CheckMention(cluster, m);
      Require(m.unit == g.unit);
      has_value = has_value || m.value == g.value;
      if (k > 0) {
        const FigureMention& p = g.mentions[k - 1];
        Require(std::tie(p.document, p.span.begin) <= std::tie(m.document, m.span.begin));
      }
    }
    Require(has_value);
    const size_t count = g.DocumentCount();
    Require(count >= 1 && count <= cluster.documents.size());
    Require(count <= last_count);
    last_count = count;
    if (g.status == FigureGroup::Status::kConflict) Require(count >= 2);
  }
  Require(grouped == extracted);
  return 0;
}
