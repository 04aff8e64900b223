// The analysis pipeline: from a read document to its paragraphs, clutter,
// speaker turns, metadata, sentences and tokens.
//
//   Result<Pipeline> pipeline = Pipeline::Create({});
//   if (!pipeline.ok()) ...;
//   Pipeline::Scratch scratch = pipeline->NewScratch();  // one per thread
//   pipeline->Analyze(&cluster, &scratch);
//
// Create() loads every word list once (from PipelineOptions::data_dir, or
// the copies built into the library). Analyze() is const: one Pipeline can
// serve many threads, each with its own Scratch.
#ifndef DOSSIER_PIPELINE_H_
#define DOSSIER_PIPELINE_H_

#include <memory>
#include <string>
#include <string_view>

#include "dossier/document.h"
#include "dossier/status.h"

namespace dossier {

struct PipelineOptions {
  // A folder with data files (en/abbreviations.txt, en/stopwords.txt, ...) that
  // replace the built-in ones; empty for the built-in lists.
  std::string data_dir;
  // Analyse every document in this language (an ISO 639-1 code, "de"; a tag such as "de-AT"
  // counts as its language) instead of the one detected; empty: detect each document's.
  std::string language;
};

class Pipeline {
 public:
  // Per-thread working state (the stemmer).
  class Scratch {
   public:
    Scratch(Scratch&&) noexcept;
    Scratch& operator=(Scratch&&) noexcept;
    ~Scratch();

   private:
    friend class Pipeline;
    struct Impl;
    explicit Scratch(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
  };

  static Result<Pipeline> Create(const PipelineOptions& options);
  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

  Scratch NewScratch() const;

  // Fills in the analysis fields of `doc` (clutter, paragraphs, turns,
  // title/date when found in the text, sentences, tokens), replacing any
  // earlier analysis.
  void Analyze(Document* doc, Scratch* scratch) const;
  void Analyze(Cluster* cluster, Scratch* scratch) const;
  // The same in a language known beforehand (an article's title in its article's language):
  // no detection; `language_origin` is "given".
  void AnalyzeIn(Document* doc, std::string_view language, Scratch* scratch) const;

 private:
  struct Impl;
  explicit Pipeline(std::unique_ptr<const Impl> impl);
  // Everything after the language is chosen.
  void AnalyzeText(Document* doc, Scratch* scratch) const;
  std::unique_ptr<const Impl> impl_;
};

}  // namespace dossier

#endif  // DOSSIER_PIPELINE_H_
