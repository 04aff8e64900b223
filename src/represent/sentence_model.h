// SentenceModel: the candidate sentences of a cluster as vectors over the
// cluster's stem vocabulary, with the statistics the summarizers share.
//
//   SentenceModel model = SentenceModel::Build(cluster, openers);
//   for (const Candidate& c : model.candidates()) ...
//   double sim = model.Cosine(a, b);
//
// Built once per cluster (linear in its tokens); read-only afterwards.
#ifndef DOSSIER_REPRESENT_SENTENCE_MODEL_H_
#define DOSSIER_REPRESENT_SENTENCE_MODEL_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "dossier/document.h"
#include "dossier/summary.h"
#include "represent/sentence_trims.h"
#include "util/data_files.h"

namespace dossier {

struct Candidate {
  uint32_t document = 0;
  uint32_t sentence = 0;         // index into Document::sentences
  uint32_t position = 0;         // index among the document's candidate sentences
  double relative_position = 0;  // position / number of candidates of the document
  int words = 0;                 // white-space words of the sentence text (of `parts` if trimmed)
  int bytes = 0;                 // bytes of the text (of `parts` joined if trimmed)
  int cost = 0;                  // what it takes of the budget: words, or bytes + 1
  // A trimmed version of candidate `trim_of` (same sentence): the kept pieces.
  int32_t trim_of = -1;
  std::vector<Span> parts;
  bool eligible = false;          // may enter a summary
  bool dangling = false;          // opens with a pronoun or connective
  bool quoted = false;            // holds a double quotation mark
  std::vector<uint32_t> terms;    // content-word stem ids, in order, with repeats
  std::vector<uint64_t> bigrams;  // stem-id pairs of adjacent tokens (not both stopwords), unique
  std::vector<std::pair<uint32_t, float>> tfidf;  // unit-length tf-idf vector, sorted by id
};

class SentenceModel {
 public:
  // Candidates are every sentence that is not a stage direction or a
  // fragment; `eligible` further excludes questions put in transcripts and
  // sentences too short or too long to stand in a summary. With a plan, the
  // documents it does not let supply sentences (copies, documents set aside)
  // give no candidates at all, and its barred sentences are not eligible.
  // With a trimmer, every eligible candidate it can trim also gets a trimmed
  // version in trims() (terms and bigrams of the kept tokens only; no tf-idf).
  static SentenceModel Build(const Cluster& cluster, const WordList& dangling_openers,
                             const SummaryPlan* plan = nullptr,
                             const SentenceTrimmer* trimmer = nullptr);

  const std::vector<Candidate>& candidates() const { return candidates_; }
  const std::vector<Candidate>& trims() const { return trims_; }
  // Budget costs in bytes (+ 1 for the separator) instead of words.
  void UseByteCosts();
  // Documents of the cluster (candidates' `document` indexes them), and those
  // that gave candidates (all but the ones the plan leaves out).
  size_t num_documents() const { return num_documents_; }
  size_t num_included_documents() const { return num_included_documents_; }
  bool included(uint32_t document) const { return included_[document]; }
  size_t vocabulary_size() const { return term_document_frequency_.size(); }
  // Number of documents a stem occurs in.
  uint32_t TermDocumentFrequency(uint32_t term) const { return term_document_frequency_[term]; }
  // Inverse sentence frequency used for the tf-idf vectors: log(N / sf).
  double Idf(uint32_t term) const { return idf_[term]; }

  // Cosine of the tf-idf vectors of candidates a and b.
  double Cosine(size_t a, size_t b) const { return Compare(a, b).cosine; }
  // What the tf-idf vectors of candidates a and b share, in one pass.
  struct Overlap {
    double cosine = 0;  // the dot product of the two unit vectors
    double mass_a = 0;  // a's squared weight on the shared terms (share of a's mass)
    double mass_b = 0;  // the same for b
    int shared = 0;     // terms in both
  };
  Overlap Compare(size_t a, size_t b) const;
  // Cosine of candidate a with a dense vector over the vocabulary.
  double CosineWithDense(size_t a, const std::vector<double>& dense, double dense_norm) const;
  // For every candidate, the candidates sharing at least one term (inverted index).
  const std::vector<std::vector<uint32_t>>& postings() const { return postings_; }

 private:
  std::vector<Candidate> candidates_;
  std::vector<Candidate> trims_;
  std::vector<uint32_t> term_document_frequency_;
  std::vector<double> idf_;
  std::vector<std::vector<uint32_t>> postings_;  // term -> candidates containing it
  size_t num_documents_ = 0;
  size_t num_included_documents_ = 0;
  std::vector<bool> included_;
};

}  // namespace dossier

#endif  // DOSSIER_REPRESENT_SENTENCE_MODEL_H_
