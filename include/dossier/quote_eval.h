// Quote attribution measured against hand labels (`dossier eval-quotes`).
//
//   Result<QuoteEvalReport> r = EvaluateQuoteAttribution("gold.jsonl", {.data_dir = "data"});
//   std::cout << r->total.all.Precision() << " " << r->total.all.Recall() << "\n";
//
// The gold file lists labelled quotes by input file (relative to data_dir),
// record id and byte range of the input (docs/FORMATS.md, "Quote attribution
// gold"). Each labelled document is read as dossier reads it, analysed, and
// its quotes (QuoteExtractor: direct and reported; transcript turns are not
// scored) are matched to the labels: same document, spans overlapping by at
// least half of the shorter one, same speaker (the name, an alias, or the
// same last word with one name inside the other). Gold quotes with the
// speaker "UNNAMED" are not counted, but attributing them to someone is a
// false attribution. A label whose "key" no longer matches the words at its
// offsets is reported (the input changed) and skipped.
#ifndef DOSSIER_QUOTE_EVAL_H_
#define DOSSIER_QUOTE_EVAL_H_

#include <string>
#include <vector>

#include "dossier/span.h"
#include "dossier/status.h"

namespace dossier {

struct QuoteCounts {
  size_t gold = 0, gold_matched = 0;
  size_t predicted = 0, predicted_matched = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
  void Add(const QuoteCounts& o);
};

// Overall and per kind: recall counts gold quotes of the kind, precision
// predictions of the kind.
struct QuoteScore {
  QuoteCounts all, direct, reported;
  size_t unnamed = 0;  // gold quotes with no named speaker (not counted)
  void Add(const QuoteScore& o);
};

struct QuoteEvalOptions {
  std::string data_dir;    // the folder the gold's "input" paths are relative to
  std::string word_lists;  // dossier's data folder replacing the built-in lists; empty: built in
};

struct QuoteEvalDocument {
  std::string input, id;
  QuoteScore score;
  // What went wrong, for reading: "missed", "false" (with the text at the span
  // and both speakers where known).
  struct Error {
    std::string what;  // "missed" (a gold quote no prediction matched) or "false"
    std::string kind;
    std::string speaker;  // the gold's or the prediction's
    std::string text;     // the words at the span, shortened
  };
  std::vector<Error> errors;
};

struct QuoteEvalReport {
  QuoteScore total;
  std::vector<QuoteEvalDocument> documents;  // in the gold file's order
  std::vector<Diagnostic> diagnostics;       // bad gold lines, missing inputs, stale offsets
};

// An error only when the gold file cannot be read or holds no valid line.
Result<QuoteEvalReport> EvaluateQuoteAttribution(const std::string& gold_path,
                                                 const QuoteEvalOptions& options);

}  // namespace dossier

#endif  // DOSSIER_QUOTE_EVAL_H_
