// Test support for the analyze stage: hand-written texts as documents
// analysed by a Pipeline, the way the CLI would see them.
#ifndef DOSSIER_TESTS_UNIT_ANALYZE_ANALYZED_TEXT_H_
#define DOSSIER_TESTS_UNIT_ANALYZE_ANALYZED_TEXT_H_

#include <string>
#include <utility>
#include <vector>

#include "dossier/document.h"
#include "dossier/pipeline.h"

namespace dossier {

// A pipeline that takes every text as `language`, with the lists of `data_dir` (empty: the
// built-in ones).
inline Result<Pipeline> PipelineIn(const std::string& language, const std::string& data_dir = "") {
  PipelineOptions options;
  options.data_dir = data_dir;
  options.language = language;
  return Pipeline::Create(options);
}

// `text` as a document (raw = text, identity map), analysed.
inline Document AnalyzedDocument(const Pipeline& pipeline, std::string text) {
  Document doc;
  doc.raw = std::move(text);
  doc.text = doc.raw;
  doc.map = OffsetMap::Identity(static_cast<uint32_t>(doc.text.size()));
  Pipeline::Scratch scratch = pipeline.NewScratch();
  pipeline.Analyze(&doc, &scratch);
  return doc;
}

// One analysed document per text.
inline Cluster AnalyzedCluster(const Pipeline& pipeline, const std::vector<std::string>& texts) {
  Cluster c;
  for (const std::string& t : texts) c.documents.push_back(AnalyzedDocument(pipeline, t));
  return c;
}

}  // namespace dossier

#endif  // DOSSIER_TESTS_UNIT_ANALYZE_ANALYZED_TEXT_H_
