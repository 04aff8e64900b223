// Scoring quote attribution against hand labels: which predicted quotes
// match a labelled quote (same document, overlapping words, same speaker).
//
//   std::vector<GoldQuote> gold = ...;   // ParseQuoteGold
//   QuoteScore score;
//   ScoreQuotes(gold_of_doc, predicted_of_doc, &score);
//   score.all.F1();
//
// Matching, per document: a predicted quote and a gold quote match when their
// spans (bytes of the document's original input) overlap by at least half of
// the shorter one and the speakers agree (SameSpeaker); pairs are taken
// greedily by overlap, each quote in at most one pair. Gold quotes with the
// speaker "UNNAMED" (an official, witnesses) are not counted as gold, but a
// prediction matching only such a span is a false attribution. Precision is
// over predictions, recall over gold quotes; per kind ("direct",
// "reported"), recall counts gold quotes of that kind and precision
// predictions of that kind (a reported clause holding a quoted fragment may
// be labelled either way, so the overall figures are the headline).
#ifndef DOSSIER_EVAL_QUOTE_SCORE_H_
#define DOSSIER_EVAL_QUOTE_SCORE_H_

#include <string>
#include <string_view>
#include <vector>

#include "dossier/quote_eval.h"
#include "dossier/span.h"
#include "dossier/status.h"

namespace dossier {

// One labelled quote; a line of a gold file (docs/FORMATS.md, "Quote
// attribution gold"): {"input", "id", "speaker", "aliases", "kind", "begin",
// "end", "key"}.
struct GoldQuote {
  std::string input;  // the file, relative to the data folder
  std::string id;     // the record's id ("" for a whole file)
  std::string speaker;
  std::vector<std::string> aliases;
  std::string kind;  // "direct" or "reported"
  Span span;         // bytes of the document's original input
  std::string key;   // QuoteKey of the labelled words, to check the offsets
  size_t line = 0;   // in the gold file
};

struct PredictedQuote {
  std::string speaker;
  std::string kind;  // "direct", "reported" ("turn" is not scored)
  Span span;         // bytes of the document's original input
};

// Lines of a gold file; bad lines are reported in `diagnostics` and skipped.
std::vector<GoldQuote> ParseQuoteGold(std::string_view jsonl, const std::string& name,
                                      std::vector<Diagnostic>* diagnostics);

// The FNV-1a 64-bit hash (16 hex digits) of the first six words of `text`,
// lower-cased, with the punctuation around each word dropped.
std::string QuoteKey(std::string_view text);

// True when `predicted` names the gold speaker: equal to the name or an alias
// (case, a leading "the" and a final "'s" aside), or sharing its last word
// with one of them while one's words contain the other's ("Obama" and
// "Barack Obama"; "sheriff's office" and "Pinal County Sheriff's Office").
bool SameSpeaker(std::string_view predicted, const GoldQuote& gold);

// Scores one document's predictions against its gold quotes (both may be empty).
void ScoreQuotes(const std::vector<const GoldQuote*>& gold,
                 const std::vector<PredictedQuote>& predicted, QuoteScore* score);

}  // namespace dossier

#endif  // DOSSIER_EVAL_QUOTE_SCORE_H_
