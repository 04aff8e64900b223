// Fuzz target: ROUGE input. The bytes as a system file and as a reference
// file (ParseRougeRecords): every line that is not blank gives a record or a
// diagnostic naming it ("fuzz.jsonl:<line>", the line's byte offset); records
// are in order with distinct ids, valid UTF-8, a system record one text, every
// unit non-empty and without a newline. Then the summaries are scored (the
// systems against the references of the same id, each text against itself,
// and the raw bytes split into units against themselves) with one of five
// option sets (two with --tokenize unicode): every score is finite and within [0, 1], and a text
// scored against itself gets R = P = F, each 0 or 1.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dossier/rouge.h"
#include "dossier/rouge_input.h"
#include "fuzz_checks.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace {

using dossier::fuzz::Require;
namespace eval = dossier::eval;

// A scorer for `options`; stemming needs WordNet's exception lists
// (/usr/share/wordnet), so without them it does without stemming.
const eval::RougeScorer* MakeScorer(eval::RougeOptions options) {
  options.bootstrap_samples = 20;  // the bootstrap's arithmetic, not its precision
  options.jobs = 1;
  dossier::Result<eval::RougeScorer> scorer = eval::RougeScorer::Create(options);
  if (!scorer.ok()) {
    options.stem = false;
    scorer = eval::RougeScorer::Create(options);
  }
  Require(scorer.ok());
  return new eval::RougeScorer(std::move(*scorer));
}

const eval::RougeScorer& Scorer(size_t variant) {
  static const eval::RougeScorer* scorers[5] = {
      MakeScorer(*eval::ProtocolOptions("multinews")),
      MakeScorer(*eval::ProtocolOptions("duc2004")),
      [] {
        // A byte limit (cuts inside code points), no skip limit, S without U.
        eval::RougeOptions o = *eval::ProtocolOptions("multinews");
        o.word_limit = 0;
        o.byte_limit = 75;
        o.skip_gap = -1;
        o.skip_unigrams = false;
        o.alpha = 0.8;
        return MakeScorer(o);
      }(),
      [] {
        // Unicode tokens, Snowball's Russian stemmer, stopwords kept, -l 300.
        eval::RougeOptions o = *eval::ProtocolOptions("multinews");
        o.tokenizer = eval::RougeTokenizer::kUnicode;
        o.language = "ru";
        return MakeScorer(o);
      }(),
      [] {
        // Unicode tokens cut by bytes of the folded text (inside code points), no stemming.
        eval::RougeOptions o = *eval::ProtocolOptions("duc2004");
        o.tokenizer = eval::RougeTokenizer::kUnicode;
        o.stem = false;
        o.word_limit = 0;
        o.byte_limit = 40;
        o.rouge_l = true;
        return MakeScorer(o);
      }(),
  };
  return *scorers[variant % 5];
}

bool InUnit(double v) { return std::isfinite(v) && v >= 0 && v <= 1; }

void CheckPrf(const eval::Prf& s) { Require(InUnit(s.r) && InUnit(s.p) && InUnit(s.f)); }

void CheckUnits(const std::vector<std::string>& units) {
  for (const std::string& u : units) {
    Require(!u.empty() && u.find('\n') == std::string::npos);
  }
}

// A text against itself: a perfect match, or nothing to match. Except
// ROUGE-L under -b: ROUGE-1.5.5 cuts its units for the LCS unit by unit
// (readText_LCS), not as it cuts them for the n-grams, and we follow it.
void CheckSelfScore(const eval::RougeScorer& scorer, const std::vector<std::string>& units) {
  const std::vector<eval::Prf> scores = scorer.ScoreOne(units, {units});
  Require(scores.size() == scorer.metric_names().size());
  for (size_t m = 0; m < scores.size(); ++m) {
    const eval::Prf& s = scores[m];
    CheckPrf(s);
    if (scorer.options().byte_limit > 0 && scorer.metric_names()[m] == "ROUGE-L") continue;
    Require(s.r == s.p && s.p == s.f && (s.r == 0 || s.r == 1));
  }
}

// The byte offset of every line's start.
std::vector<uint64_t> LineStarts(std::string_view bytes) {
  std::vector<uint64_t> starts = {0};
  for (size_t k = 0; k < bytes.size(); ++k) {
    if (bytes[k] == '\n') starts.push_back(k + 1);
  }
  return starts;
}

// Line `line` (from 1) of the input starts at byte `offset`.
void CheckLineStart(const std::vector<uint64_t>& starts, uint64_t offset, uint64_t line) {
  Require(line >= 1 && line <= starts.size() && starts[line - 1] == offset);
}

std::vector<eval::RougeRecord> Parse(std::string_view bytes, eval::RougeInputKind kind,
                                     const std::vector<uint64_t>& starts, size_t nonblank_lines) {
  std::vector<dossier::Diagnostic> diagnostics;
  std::vector<eval::RougeRecord> records =
      eval::ParseRougeRecords(bytes, "fuzz.jsonl", kind, &diagnostics);
  Require(records.size() + diagnostics.size() == nonblank_lines);
  std::unordered_set<std::string> ids;
  size_t last_line = 0;
  for (const eval::RougeRecord& r : records) {
    Require(ids.insert(r.id).second);
    Require(dossier::IsValidUtf8(r.id));
    Require(r.line > last_line);
    last_line = r.line;
    CheckLineStart(starts, r.offset, r.line);
    if (kind == eval::RougeInputKind::kSystem) Require(r.texts.size() == 1);
    for (const std::vector<std::string>& text : r.texts) {
      CheckUnits(text);
      for (const std::string& u : text) Require(dossier::IsValidUtf8(u));
    }
  }
  for (const dossier::Diagnostic& d : diagnostics) {
    Require(d.severity == dossier::Diagnostic::Severity::kError);
    Require(d.status.code() == dossier::StatusCode::kInvalidInput);
    const std::string& input = d.status.input();
    Require(input.rfind("fuzz.jsonl:", 0) == 0);
    const std::string number = input.substr(11);
    Require(!number.empty() && number.size() <= 19);
    for (char c : number) Require(dossier::IsAsciiDigit(c));
    Require(d.status.byte_offset().has_value());
    CheckLineStart(starts, *d.status.byte_offset(), std::stoull(number));
  }
  return records;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  size_t nonblank_lines = 0;
  for (size_t start = 0; start < bytes.size();) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view line = bytes.substr(start, end - start);
    nonblank_lines += line.find_first_not_of(" \t\r") != std::string_view::npos;
    start = end + 1;
  }
  const std::vector<uint64_t> starts = LineStarts(bytes);
  std::vector<eval::RougeRecord> systems =
      Parse(bytes, eval::RougeInputKind::kSystem, starts, nonblank_lines);
  std::vector<eval::RougeRecord> references =
      Parse(bytes, eval::RougeInputKind::kReferences, starts, nonblank_lines);

  const eval::RougeScorer& scorer = Scorer(size);
  const size_t metrics = scorer.metric_names().size();
  std::vector<std::string> raw_units = eval::SplitUnits(bytes);
  CheckUnits(raw_units);
  CheckSelfScore(scorer, raw_units);

  std::unordered_map<std::string, const eval::RougeRecord*> reference_of;
  for (const eval::RougeRecord& r : references) reference_of[r.id] = &r;
  std::vector<eval::RougeItem> items;
  for (const eval::RougeRecord& s : systems) {
    CheckSelfScore(scorer, s.texts.front());
    auto ref = reference_of.find(s.id);
    if (ref == reference_of.end()) continue;
    for (const eval::Prf& p : scorer.ScoreOne(s.texts.front(), ref->second->texts)) CheckPrf(p);
    items.push_back({s.id, s.texts.front(), ref->second->texts});
  }
  if (items.empty()) return 0;
  dossier::Result<eval::RougeReport> report = scorer.Score(items);
  Require(report.ok());
  Require(report->ids.size() == items.size() && report->per_id.size() == items.size());
  Require(report->metrics.size() == metrics);
  for (const std::vector<eval::Prf>& row : report->per_id) {
    Require(row.size() == metrics);
    for (const eval::Prf& p : row) CheckPrf(p);
  }
  for (const eval::MetricScore& m : report->metrics) {
    for (const eval::Prf* p : {&m.average, &m.ci_low, &m.ci_high, &m.plain_mean}) CheckPrf(*p);
    Require(m.ci_low.r <= m.ci_high.r && m.ci_low.p <= m.ci_high.p && m.ci_low.f <= m.ci_high.f);
  }
  return 0;
}
