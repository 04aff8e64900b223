// Article-body extraction scores exactly as the article extraction benchmark
// (github.com/scrapinghub/article-extraction-benchmark, its evaluate.py) computes
// them, so our extractor's row can stand in its published table.
//
//   Result<ArticleBodies> truth = ReadArticleBodies(dir + "/ground-truth.json");
//   Result<ArticleBodies> out = ReadArticleBodies(dir + "/baseline_outputs/goose3.json");
//   Result<std::vector<PageScore>> pages = ScorePages(*truth, *out);  // same ids, or an error
//   ExtractionScores s = AggregateScores(*pages, {});                // 1000 resamples, seed 0
//   print(s.f1.value, s.f1.std, s.precision.value, ...);             // 0.896 ± 0.015 ...
//
// The metric, per page (truth, prediction):
//   - tokens are the maximal runs of word characters, a word character being what
//     Python 3's `re` matches with \w in a str pattern: '_', a letter (general
//     category L*) or a character with a numeric value (decimal, digit, numeric).
//     Combining marks are not word characters; case is kept. Bytes that are not
//     valid UTF-8 separate tokens.
//   - shingles are the runs of 4 consecutive tokens; a text of 1 to 3 tokens has
//     one shingle (all its tokens), an empty text none. The two multisets give
//     tp = shared shingles, fp = extra predicted ones, fn = missed true ones, each
//     then divided by tp + fp + fn so that long pages weigh no more than short ones.
//   - precision is 1 when fp = fn = 0, 0 when tp = fp = 0, else tp / (tp + fp);
//     recall likewise with fn. Accuracy is 1 when both token sequences are equal.
// Over the pages: precision is the mean over pages whose prediction has a shingle,
// recall the mean over pages whose truth has one, accuracy the mean over all pages,
// and F1 the harmonic mean of the mean precision and the mean recall (not a mean of
// per-page F1s).
//
// The ± is the sample standard deviation (n - 1) of each metric over `samples`
// bootstrap resamples of the pages (n pages drawn with replacement), the draws being
// Python's random.randint(0, n - 1) from the Mersenne Twister seeded as Python's
// random.seed(seed). Every call starts a fresh generator, so all systems are
// resampled on the same pages, and the ± equals what evaluate.py prints for that
// one system right after random.seed(seed). The published table came from an
// unseeded run: its ± differ from ours by bootstrap noise (about 0.001), while the
// point values agree to every printed digit.
//
// Where evaluate.py would raise (no page with a prediction, precision + recall = 0)
// the value is 0. Character classes come from ICU: checked on every code point,
// they equal Python 3.11's \w wherever Unicode 14 (Python's) assigns a character;
// ICU 72's Unicode 15 adds 4,388 letters (CJK extension H, Kawi...) that Python 3.11
// leaves out. JSON strings must be valid UTF-8 without lone surrogate escapes
// (Python accepts those; the benchmark's files have none).
//
// Thread safety: no shared state; every function may run on many threads at once.
#ifndef DOSSIER_EXTRACTION_SCORE_H_
#define DOSSIER_EXTRACTION_SCORE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/status.h"

namespace dossier::eval {

// True for the code points Python 3 matches with \w (str pattern, re.UNICODE).
bool IsBenchmarkWordChar(char32_t c);

// The tokens of `text` (UTF-8) as slices of it, in order.
std::vector<std::string_view> BenchmarkTokens(std::string_view text);

// One page compared with its truth.
struct PageScore {
  uint64_t tp = 0;  // shingle counts
  uint64_t fp = 0;
  uint64_t fn = 0;
  double tp_share = 0;  // the counts divided by tp + fp + fn (all 0 when that is 0)
  double fp_share = 0;
  double fn_share = 0;
  bool exact = false;  // the same token sequence (accuracy)
  size_t truth_tokens = 0;
  size_t predicted_tokens = 0;

  bool HasPrecision() const { return tp_share + fp_share > 0; }  // counts in the mean
  bool HasRecall() const { return tp_share + fn_share > 0; }
  double Precision() const;
  double Recall() const;
  // 2PR / (P + R) of this page alone (0 when undefined): for per-page reports only.
  double F1() const;
};

// Scores one prediction against its truth.
PageScore ScorePage(std::string_view truth, std::string_view predicted);

struct BootstrapOptions {
  int samples = 1000;  // evaluate.py's --n-bootstrap default; < 2 gives std 0
  uint64_t seed = 0;   // as Python's random.seed(seed)
};

struct Estimate {
  double value = 0;  // on all pages
  double std = 0;    // bootstrap standard deviation, the table's "±"
};

struct ExtractionScores {
  Estimate f1;
  Estimate precision;
  Estimate recall;
  Estimate accuracy;
  size_t pages = 0;
};

// The benchmark's aggregate of `pages` (in the truth's order, which fixes which
// page each random draw picks) with its bootstrap ±.
ExtractionScores AggregateScores(const std::vector<PageScore>& pages,
                                 const BootstrapOptions& options);

// Python's random module: MT19937 seeded as random.seed(seed) (init_by_array over
// the seed's 32-bit words), with randint's rejection sampling.
class PythonRandom {
 public:
  explicit PythonRandom(uint64_t seed);
  uint32_t Bits32();           // random.getrandbits(32)
  uint32_t Below(uint32_t n);  // random.randint(0, n - 1), n >= 1
  uint32_t Bits(int k);        // random.getrandbits(k), 1 <= k <= 32

 private:
  void Twist();
  uint32_t state_[624];
  int next_ = 624;
};

// A benchmark JSON file: {"<id>": {"articleBody": "...", "url": "..."}, ...},
// possibly wrapped as {"version": "...", "output": {...}}. A missing or null
// articleBody is an empty text.
struct ArticleBodies {
  std::string version;           // of the wrapper; empty when not wrapped
  std::vector<std::string> ids;  // in file order
  std::vector<std::string> bodies;
  std::vector<std::string> urls;  // empty where absent
};

// Parses such a file's content; `name` names it in errors.
Result<ArticleBodies> ParseArticleBodies(std::string_view json, const std::string& name);
// Reads and parses a file (gzip allowed).
Result<ArticleBodies> ReadArticleBodies(const std::string& path);

// Scores every page of `truth` (in its order) against `predicted`, which must
// hold exactly the same ids, as evaluate.py requires.
Result<std::vector<PageScore>> ScorePages(const ArticleBodies& truth,
                                          const ArticleBodies& predicted);

}  // namespace dossier::eval

#endif  // DOSSIER_EXTRACTION_SCORE_H_
