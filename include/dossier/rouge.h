// ROUGE scores exactly as the ROUGE-1.5.5 Perl tool computes them (and, as a documented
// extension, on the words of any language: --tokenize unicode).
//
//   dossier::eval::RougeOptions options;
//   Result<RougeOptions> protocol = ProtocolOptions("multinews");  // -n 2 -2 4 -u -m -l 300 ...
//   Result<RougeScorer> scorer = RougeScorer::Create(*protocol);   // loads WordNet's .exc lists
//   if (!scorer.ok()) { report(scorer.status()); return; }
//   std::vector<RougeItem> items = ...;  // id, system units, reference(s) as units
//   Result<RougeReport> report = scorer->Score(items);
//   for (const MetricScore& m : report->metrics) print(m.name, m.average.f, m.ci_low.f, ...);
//
//   // German, Russian, Chinese ...: the Unicode tokenizer (an extension, below).
//   protocol->tokenizer = RougeTokenizer::kUnicode;
//   protocol->language = "de";  // Snowball's German stemmer for -m
//
// What "exactly" means (docs in ../shared/data/rouge-conformance/README.md): per-id R and P
// are ratios of integer counts printed with %.5f, F is computed from those rounded values,
// and the reported averages are ROUGE-1.5.5's bootstrap means (Perl's drand48 generator
// seeded with the sample number, ids ordered by "<id>.P"), not plain means. With the same
// options the per-id values, the averages and the confidence intervals equal ROUGE-1.5.5's
// output to the last printed digit. The options mirror ROUGE's flags; RougeFlags() prints
// the equivalent command line. Only the model-average formula (-f A) and per-evaluation
// averaging (-t 0) are implemented.
//
// Text handling (kRouge155, the default), as ROUGE-1.5.5: each unit (line; empty units are
// dropped) is lower-cased (ASCII only), cut by -l/-b, then tokens are the maximal runs of
// [a-z0-9]; bytes are never decoded, so every non-ASCII byte separates tokens.
//
// Other languages (--tokenize unicode; a documented extension, NOT ROUGE-1.5.5): each unit
// is decoded as UTF-8 (an ill-formed sequence becomes U+FFFD, which separates tokens),
// brought to NFD, fully case-folded (Unicode CaseFolding.txt, C+F: "Straße" -> "strasse"),
// then composed to NFC, so canonically equivalent inputs (NFC or NFD) give the same tokens.
// Tokens are the maximal runs of letters, marks and numbers (general categories L*, M*,
// N*), except that each character of the scripts written without spaces between words --
// Han (CJK ideographs), Hiragana, Katakana and Thai -- is a token by itself, with the
// marks that follow it: ROUGE on characters, the usual practice for Chinese and Japanese
// when no word segmenter is agreed on. Hangul, written with spaces, stays word-level.
// -l N keeps the first N such tokens (stopwords included, as ROUGE counts words before
// removing them). -b N keeps the first N bytes of the folded NFC UTF-8 text of the units,
// line breaks not counted, over all units for ROUGE-N and ROUGE-S/SU and unit by unit for
// ROUGE-L (as ROUGE-1.5.5 does with the raw bytes); a character cut by the limit is
// dropped. Stemming (-m) uses the Snowball stemmer (libstemmer) of `language` on every
// token, with no WordNet exceptions and no length threshold; -s removes the listed words,
// the list folded the same way. Everything else (ROUGE-N, S/SU, L, -f A pooling,
// rounding, bootstrap) is unchanged.
//
// Differences forced on us: stemming (-m) reads WordNet's exception lists (adj, adv, noun,
// verb .exc) from `wordnet_dir` at Create() time (Debian: package wordnet-base, WordNet 3.0;
// ROUGE ships 2.0, which differs in 10 keys only). Stopword removal (-s) uses the list in
// `stopwords_file` (one word per line) with ROUGE-1.5.5's semantics, since ROUGE's own
// list (smart_common_words.txt) is not ours to ship.
//
// Thread safety: a RougeScorer is immutable after Create(); ScoreOne() and Score() are
// const and may be called from many threads at once.
#ifndef DOSSIER_ROUGE_H_
#define DOSSIER_ROUGE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/status.h"

namespace dossier::eval {

// How units become tokens (`dossier rouge --tokenize`).
enum class RougeTokenizer {
  kRouge155,  // "rouge155": ROUGE-1.5.5's ASCII runs of [a-z0-9] (the default; exact)
  kUnicode,   // "unicode": Unicode words, characters of CJK and Thai (see above)
};

struct RougeOptions {
  int max_n = 2;                 // -n: ROUGE-1 .. ROUGE-max_n (0: none)
  bool rouge_l = true;           // false is -x
  bool skip_bigram = true;       // -2 given: ROUGE-S / ROUGE-SU
  int skip_gap = 4;              // -2 N: up to N tokens skipped; < 0 means no limit
  bool skip_unigrams = true;     // -u: count unigrams with the skip-bigrams (ROUGE-SU)
  bool stem = true;              // -m: WordNet exceptions, then Porter (tokens > 3 bytes)
                                 // (kUnicode: the Snowball stemmer of `language`)
  std::string stopwords_file;    // -s with this list; empty: stopwords are kept
  int word_limit = 0;            // -l N: keep the first N words (0: no limit)
  int byte_limit = 0;            // -b N: keep the first N bytes (0: no limit)
  int official_byte_limit = 0;   // the task's byte limit, for a byte budget (DUC 2004: 665)
  double alpha = 0.5;            // -p: F = PR / ((1-alpha)P + alpha R)
  int bootstrap_samples = 1000;  // -r
  double confidence = 95;        // -c
  std::string wordnet_dir = "/usr/share/wordnet";  // holds adj.exc adv.exc noun.exc verb.exc
  int jobs = 1;  // threads used by Score(); results do not depend on it
  RougeTokenizer tokenizer = RougeTokenizer::kRouge155;  // --tokenize
  // --language: the Snowball stemmer -m uses with kUnicode, by ISO 639 code or name
  // ("de", "german", "ru", ...; "porter": Porter's original English algorithm). Required
  // with kUnicode when stemming; refused with kRouge155 (which stems with WordNet + Porter).
  std::string language;
};

// "rouge155" or "unicode"; anything else fails with a message naming the valid values.
Result<RougeTokenizer> ParseRougeTokenizer(std::string_view name);
std::string_view RougeTokenizerName(RougeTokenizer tokenizer);

// The options of a named protocol:
//   "multinews": -n 2 -2 4 -u -m -l 300 -f A -p 0.5 -c 95 -r 1000 (ROUGE-1, 2, L, SU4)
//   "duc2004":   -n 4 -m -l 100 -x -f A -p 0.5 -c 95 -r 1000     (ROUGE-1 .. 4)
Result<RougeOptions> ProtocolOptions(std::string_view name);

// The ROUGE-1.5.5 flags equivalent to `options` ("-c 95 -r 1000 -n 2 -2 4 -u -m ..."),
// followed by "--tokenize unicode" (and "--language CODE" when stemming) for kUnicode.
std::string RougeFlags(const RougeOptions& options);

// Recall, precision and F, each rounded to 5 decimals as ROUGE prints them
// (plain_mean below is the exception: not rounded).
struct Prf {
  double r = 0;
  double p = 0;
  double f = 0;
};

struct MetricScore {
  std::string name;  // "ROUGE-1", "ROUGE-L", "ROUGE-SU4", as ROUGE names them
  Prf average;       // ROUGE-1.5.5's "Average_R/P/F": the mean of the bootstrap means
  Prf ci_low;        // confidence interval of `confidence` percent
  Prf ci_high;
  Prf plain_mean;  // arithmetic mean of the per-id values: NOT what ROUGE reports
};

struct RougeItem {
  std::string id;                                    // ROUGE's eval ID
  std::vector<std::string> system_units;             // one string per unit (line)
  std::vector<std::vector<std::string>> references;  // each reference as units
};

struct RougeReport {
  std::vector<std::string> ids;          // in input order
  std::vector<std::vector<Prf>> per_id;  // per_id[item][metric], metrics as in `metrics`
  std::vector<MetricScore> metrics;      // in ROUGE's order: 1..N, L, S/SU
};

// The report as `dossier rouge --json` prints it (one line, no newline):
// {"rouge-1": {"r","p","f","r_ci":[low,high],"p_ci","f_ci"}, ...} and, with
// `per_id`, "per_id": {id: {"rouge-1": {"r","p","f"}, ...}}.
std::string RougeReportJson(const RougeReport& report, bool per_id);

// Splits a summary string into units: its lines, empty lines dropped.
std::vector<std::string> SplitUnits(std::string_view summary);

class RougeScorer {
 public:
  // Validates the options and loads the WordNet exception table (when stemming with
  // kRouge155) and the stopword list (when given). Fails with a message naming the missing
  // file, or the valid values of a bad --language.
  static Result<RougeScorer> Create(const RougeOptions& options);

  const RougeOptions& options() const { return *options_; }
  // Metric names in output order.
  const std::vector<std::string>& metric_names() const { return *metric_names_; }

  // Scores one evaluation: the system's units against the references, each a list of units.
  // Returns one Prf per metric (per-id values, rounded as ROUGE prints them).
  std::vector<Prf> ScoreOne(const std::vector<std::string>& system_units,
                            const std::vector<std::vector<std::string>>& references) const;

  // Scores every item and computes ROUGE-1.5.5's averages and confidence intervals.
  // Fails on duplicate ids.
  Result<RougeReport> Score(const std::vector<RougeItem>& items) const;

  // The token sequence ROUGE scores for `units` (after cutting, stopwords and stemming).
  std::vector<std::string> Tokens(const std::vector<std::string>& units) const;

 private:
  struct Tables;
  class Worker;
  RougeScorer() = default;

  std::shared_ptr<const RougeOptions> options_;
  std::shared_ptr<const std::vector<std::string>> metric_names_;
  std::shared_ptr<const Tables> tables_;
};

}  // namespace dossier::eval

#endif  // DOSSIER_ROUGE_H_
