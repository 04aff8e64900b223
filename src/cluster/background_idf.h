// BackgroundIdf: how specific a word is to a story, from the document
// frequencies of content stems in a large news collection
// (data/en/term_df.txt, made by bench/scripts/make_term_df.sh), and the
// document vectors built on them.
//
//   Result<BackgroundIdf> idf = BackgroundIdf::Create(options.data_dir);
//   TermVector a = idf->DocumentVector(doc_a), b = idf->DocumentVector(doc_b);
//   double similarity = Cosine(a, b);
//
// A small pile cannot estimate its own idf (a word in all three reports is
// the story's subject, not a common word), so the weights come from the
// background collection: idf(stem) = ln((N + 1) / (df + 1)), N the
// collection's documents; a stem the table does not list (it was in fewer
// than the table's minimum) counts as df = half that minimum. A document's
// vector is (1 + ln tf) * idf over its content tokens (not stopwords, not
// numbers, holding a letter), L2-normalized, keyed by Token::stem_hash.
// Create() reads the table once; everything else is const and thread-safe.
#ifndef DOSSIER_CLUSTER_BACKGROUND_IDF_H_
#define DOSSIER_CLUSTER_BACKGROUND_IDF_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"
#include "util/flat_id_map.h"

namespace dossier {

// A sparse unit vector: (stem hash, weight), sorted by hash.
using TermVector = std::vector<std::pair<uint64_t, float>>;

// The dot product of two vectors (their cosine, as both have unit length).
double Cosine(const TermVector& a, const TermVector& b);

class BackgroundIdf {
 public:
  // Reads en/term_df.txt from `data_dir`, or the built-in copy when empty.
  static Result<BackgroundIdf> Create(std::string_view data_dir);

  double Idf(uint64_t stem_hash) const;
  // The document's vector over the tokens of its sentences. A stem the
  // document writes as a name (capitalized away from a sentence's first
  // word) weighs `name_weight` times more: people and places tell events
  // apart.
  TermVector DocumentVector(const Document& doc, double name_weight = 1.0) const;
  // The same over the tokens of sentences [first, last) only.
  TermVector SentencesVector(const Document& doc, uint32_t first, uint32_t last,
                             double name_weight = 1.0) const;
  // Several vectors of sentences [first, last) in one pass, one per name
  // weight (`vectors[k]` gets `name_weights[k]`).
  void Vectors(const Document& doc, uint32_t first, uint32_t last,
               std::span<const double> name_weights, std::span<TermVector*> vectors) const;

 private:
  FlatIdMap ids_;  // stem hash -> index into idf_
  std::vector<float> idf_;
  float unknown_idf_ = 0;
};

// The sum of unit vectors, normalized: the centroid of a group of documents.
TermVector Centroid(const std::vector<const TermVector*>& vectors);

}  // namespace dossier

#endif  // DOSSIER_CLUSTER_BACKGROUND_IDF_H_
