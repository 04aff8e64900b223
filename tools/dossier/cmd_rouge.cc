// dossier rouge --system SYS.jsonl --references REF.jsonl: ROUGE-1.5.5 scores (or, with
// --tokenize unicode, ROUGE on the words of any language).
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "commands.h"
#include "dossier/files.h"
#include "dossier/rouge.h"
#include "dossier/rouge_input.h"

namespace dossier::cli {
namespace {

using eval::Prf;
using eval::RougeItem;
using eval::RougeOptions;

struct RougeFlags {
  std::string system;
  std::string references;
  std::string protocol = "multinews";
  bool json = false;
  bool per_id = false;
  int max_n = 0;
  bool stem = false;  // -m: accepted for ROUGE users; the protocols stem anyway
  bool no_stem = false;
  std::string stopwords;
  int word_limit = 0;
  int byte_limit = 0;
  double alpha = 0.5;
  double confidence = 95;
  int samples = 1000;
  int skip_gap = 4;
  bool no_skip_bigram = false;
  bool no_rouge_l = false;
  std::string wordnet;
  std::string tokenize = "rouge155";
  std::string language;
  int jobs = 1;
  uint64_t max_input_bytes = uint64_t{2} << 30;
  // Which options were given, so they override the protocol's values.
  CLI::Option* max_n_opt = nullptr;
  CLI::Option* word_limit_opt = nullptr;
  CLI::Option* byte_limit_opt = nullptr;
  CLI::Option* alpha_opt = nullptr;
  CLI::Option* confidence_opt = nullptr;
  CLI::Option* samples_opt = nullptr;
  CLI::Option* skip_gap_opt = nullptr;
  CLI::Option* wordnet_opt = nullptr;
};

// Reads the records of one input file; bad lines are reported on stderr and
// skipped (counted in *skipped_lines). Fails when the file cannot be read
// whole (missing, too large, a damaged gzip stream).
Status ReadRecords(const std::string& path, eval::RougeInputKind kind, uint64_t max_bytes,
                   std::vector<eval::RougeRecord>* out, size_t* skipped_lines) {
  Result<FileContents> contents = ReadInputFile(path, max_bytes);
  if (!contents.ok()) return contents.status();
  if (!contents->warning.ok()) return contents->warning;
  std::vector<Diagnostic> diagnostics;
  *out = eval::ParseRougeRecords(contents->bytes, path, kind, &diagnostics);
  for (const Diagnostic& d : diagnostics) {
    std::cerr << "dossier rouge: " << d.status.ToString() << "; skipped\n";
  }
  *skipped_lines += diagnostics.size();
  return Status::Ok();
}

Result<RougeOptions> BuildOptions(const RougeFlags& flags) {
  Result<RougeOptions> protocol = eval::ProtocolOptions(flags.protocol);
  if (!protocol.ok()) return protocol.status();
  RougeOptions o = *protocol;
  if (flags.max_n_opt->count() > 0) o.max_n = flags.max_n;
  if (flags.no_stem) o.stem = false;
  Result<eval::RougeTokenizer> tokenizer = eval::ParseRougeTokenizer(flags.tokenize);
  if (!tokenizer.ok()) return tokenizer.status();
  o.tokenizer = *tokenizer;
  o.language = flags.language;
  if (o.tokenizer == eval::RougeTokenizer::kUnicode) {
    // The protocols' -m is ROUGE-1.5.5's English stemming: here only an explicit -m stems.
    o.stem = flags.stem && !flags.no_stem;
    if (!o.stem && !flags.language.empty()) {
      return Status(StatusCode::kInvalidArgument,
                    "--language names the stemmer of -m: add -m to stem, or leave --language out");
    }
  }
  if (!flags.stopwords.empty()) o.stopwords_file = flags.stopwords;
  if (flags.word_limit_opt->count() > 0) {
    o.word_limit = flags.word_limit;
    o.byte_limit = 0;
  }
  if (flags.byte_limit_opt->count() > 0) {
    o.byte_limit = flags.byte_limit;
    if (flags.word_limit_opt->count() == 0) o.word_limit = 0;  // -b replaces the protocol's -l
  }
  if (flags.alpha_opt->count() > 0) o.alpha = flags.alpha;
  if (flags.confidence_opt->count() > 0) o.confidence = flags.confidence;
  if (flags.samples_opt->count() > 0) o.bootstrap_samples = flags.samples;
  if (flags.skip_gap_opt->count() > 0) {
    o.skip_bigram = true;
    o.skip_gap = flags.skip_gap;
  }
  if (flags.no_skip_bigram) o.skip_bigram = false;
  if (flags.no_rouge_l) o.rouge_l = false;
  if (flags.wordnet_opt->count() > 0) o.wordnet_dir = flags.wordnet;
  o.jobs = flags.jobs;
  return o;
}

std::string F5(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.5f", v);
  return buffer;
}

void PrintText(const RougeFlags& flags, const RougeOptions& options,
               const eval::RougeReport& report) {
  const bool unicode = options.tokenizer == eval::RougeTokenizer::kUnicode;
  std::cout << (unicode ? "ROUGE scores on Unicode tokens (not ROUGE-1.5.5's tokenizer) of "
                        : "ROUGE-1.5.5 scores of ")
            << flags.system << " against " << flags.references << " (" << report.ids.size()
            << " ids; ROUGE flags " << eval::RougeFlags(options) << ")\n";
  char line[256];
  const std::string ci = F5(options.confidence).substr(0, F5(options.confidence).find('.')) + "%";
  std::snprintf(line, sizeof(line), "%-10s %-7s  %-15s  %-7s  %-15s  %-7s  %s\n", "metric", "R",
                (ci + " CI").c_str(), "P", (ci + " CI").c_str(), "F", (ci + " CI").c_str());
  std::cout << line;
  for (const eval::MetricScore& m : report.metrics) {
    std::snprintf(line, sizeof(line), "%-10s %s  %s-%s  %s  %s-%s  %s  %s-%s\n", m.name.c_str(),
                  F5(m.average.r).c_str(), F5(m.ci_low.r).c_str(), F5(m.ci_high.r).c_str(),
                  F5(m.average.p).c_str(), F5(m.ci_low.p).c_str(), F5(m.ci_high.p).c_str(),
                  F5(m.average.f).c_str(), F5(m.ci_low.f).c_str(), F5(m.ci_high.f).c_str());
    std::cout << line;
  }
  std::cout << "Averages are ROUGE-1.5.5's: the mean of " << options.bootstrap_samples
            << " bootstrap means, with their confidence interval; they differ slightly from "
               "the plain mean of the per-id scores.\n";
  if (flags.per_id) {
    for (size_t i = 0; i < report.ids.size(); ++i) {
      for (size_t m = 0; m < report.metrics.size(); ++m) {
        const Prf& s = report.per_id[i][m];
        std::cout << "P " << report.metrics[m].name << " Eval " << report.ids[i]
                  << ".P R:" << F5(s.r) << " P:" << F5(s.p) << " F:" << F5(s.f) << "\n";
      }
    }
  }
}

void PrintJson(const RougeFlags& flags, const eval::RougeReport& report) {
  std::cout << eval::RougeReportJson(report, flags.per_id) << "\n";
}

int RunRouge(const RougeFlags& flags) {
  Result<RougeOptions> options = BuildOptions(flags);
  if (!options.ok()) {
    std::cerr << "dossier rouge: " << options.status().ToString() << "\n";
    return kExitUsage;
  }
  Result<eval::RougeScorer> scorer = eval::RougeScorer::Create(*options);
  if (!scorer.ok()) {
    std::cerr << "dossier rouge: " << scorer.status().ToString() << "\n";
    return scorer.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitNoInput;
  }
  std::vector<eval::RougeRecord> systems;
  std::vector<eval::RougeRecord> references;
  size_t bad_lines = 0;
  Status s = ReadRecords(flags.system, eval::RougeInputKind::kSystem, flags.max_input_bytes,
                         &systems, &bad_lines);
  if (s.ok()) {
    s = ReadRecords(flags.references, eval::RougeInputKind::kReferences, flags.max_input_bytes,
                    &references, &bad_lines);
  }
  if (!s.ok()) {
    std::cerr << "dossier rouge: " << s.ToString() << "\n";
    return kExitNoInput;
  }
  if (systems.empty()) {
    std::cerr << "dossier rouge: no summary could be read from " << flags.system << "\n";
    return kExitNoInput;
  }
  std::unordered_map<std::string_view, size_t> system_index;
  std::unordered_map<std::string_view, size_t> reference_index;
  for (size_t i = 0; i < systems.size(); ++i) system_index.emplace(systems[i].id, i);
  for (size_t i = 0; i < references.size(); ++i) reference_index.emplace(references[i].id, i);
  std::vector<RougeItem> items;
  size_t skipped = 0;
  for (eval::RougeRecord& system : systems) {
    auto ref = reference_index.find(system.id);
    if (ref == reference_index.end()) {
      std::cerr << "dossier rouge: " << flags.system << ":" << system.line << ": id '" << system.id
                << "' has no reference in " << flags.references << "; skipped\n";
      ++skipped;
      continue;
    }
    items.push_back(
        {system.id, std::move(system.texts.front()), std::move(references[ref->second].texts)});
  }
  size_t unmatched = 0;
  for (const eval::RougeRecord& r : references) {
    if (system_index.find(r.id) == system_index.end()) ++unmatched;
  }
  if (unmatched > 0) {
    std::cerr << "dossier rouge: " << unmatched << " id(s) of " << flags.references
              << " have no system summary in " << flags.system << " and are not scored\n";
  }
  if (items.empty()) {
    std::cerr << "dossier rouge: no id of " << flags.system << " has a reference in "
              << flags.references << "\n";
    return kExitNoInput;
  }
  Result<eval::RougeReport> report = scorer->Score(items);
  if (!report.ok()) {
    std::cerr << "dossier rouge: " << report.status().ToString() << "\n";
    return kExitNoInput;
  }
  if (flags.json) {
    PrintJson(flags, *report);
  } else {
    PrintText(flags, *options, *report);
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "dossier rouge: cannot write to standard output\n";
    return kExitOutputError;
  }
  return skipped > 0 || unmatched > 0 || bad_lines > 0 ? kExitPartial : kExitOk;
}

}  // namespace

Command SetupRouge(CLI::App& app) {
  auto flags = std::make_shared<RougeFlags>();
  CLI::App* cmd = app.add_subcommand(
      "rouge",
      "Score system summaries against references exactly as ROUGE-1.5.5 does (per-id "
      "scores, bootstrap averages and confidence intervals).");
  cmd->footer(
      "Files are JSON Lines: {\"id\",\"summary\"}, references also {\"id\",\"references\":[...]}; "
      "the lines of a summary string are its units (sentences). A bad line is reported and "
      "skipped, and the rest is scored (exit status 1). The protocol sets the flags; "
      "the options below override it.\n"
      "  multinews: -n 2 -2 4 -u -m -l 300 -f A -p 0.5 -c 95 -r 1000 (ROUGE-1, 2, L, SU4)\n"
      "  duc2004:   -n 4 -m -l 100 -x -f A -p 0.5 -c 95 -r 1000 (ROUGE-1 to 4)\n"
      "Stemming reads WordNet's exception lists (Debian package wordnet-base).\n"
      "Other languages: --tokenize unicode (a documented extension, not ROUGE-1.5.5): "
      "case-folded NFC words of any script, one token per character of Chinese, Japanese and "
      "Thai; -m then stems with the Snowball stemmer of --language (and only when -m is "
      "given).\n\n"
      "Examples:\n"
      "  dossier rouge --system out.jsonl --references refs.jsonl\n"
      "  dossier rouge --protocol duc2004 --json --system out.jsonl --references refs.jsonl\n"
      "  dossier rouge --tokenize unicode --language de -m --system out.jsonl --references "
      "refs.jsonl\n\n" +
      std::string(kExitCodeHelp));
  cmd->add_option("--system", flags->system, "System summaries (JSONL; '-' is stdin)")->required();
  cmd->add_option("--references", flags->references, "Reference summaries (JSONL)")->required();
  cmd->add_option("--protocol", flags->protocol, "Flag set: multinews or duc2004")
      ->check(CLI::IsMember({"multinews", "duc2004"}))
      ->capture_default_str();
  cmd->add_flag("--json", flags->json, "Print JSON instead of a table");
  cmd->add_flag("--per-id", flags->per_id, "Also print every id's scores");
  flags->max_n_opt =
      cmd->add_option("-n", flags->max_n, "ROUGE-1 to ROUGE-N (ROUGE -n)")->check(CLI::Range(0, 9));
  cmd->add_flag("-m", flags->stem,
                "Stem (ROUGE -m; both protocols already stem, but --tokenize unicode stems "
                "only when -m is given)");
  cmd->add_flag("--no-stem", flags->no_stem, "Do not stem");
  cmd->add_option("-s,--stopwords", flags->stopwords,
                  "Remove the stopwords listed in FILE, one a line (ROUGE -s semantics with "
                  "your list)");
  flags->word_limit_opt =
      cmd->add_option("-l", flags->word_limit, "Keep the first N words of every text (0: all)")
          ->check(CLI::NonNegativeNumber);
  flags->byte_limit_opt =
      cmd->add_option("-b", flags->byte_limit, "Keep the first N bytes of every text (ROUGE -b)")
          ->check(CLI::NonNegativeNumber);
  flags->alpha_opt = cmd->add_option("-p", flags->alpha, "Weight of recall in F (ROUGE -p)")
                         ->check(CLI::Range(0.0, 1.0));
  flags->confidence_opt = cmd->add_option("-c", flags->confidence, "Confidence level, percent")
                              ->check(CLI::Range(0.0, 100.0));
  flags->samples_opt =
      cmd->add_option("-r", flags->samples, "Bootstrap samples")->check(CLI::PositiveNumber);
  flags->skip_gap_opt = cmd->add_option("--skip-gap", flags->skip_gap,
                                        "Skip-bigrams with up to N tokens skipped (ROUGE -2 N; "
                                        "-1: no limit)");
  cmd->add_flag("--no-skip-bigram", flags->no_skip_bigram, "No ROUGE-S/SU");
  cmd->add_flag("--no-rouge-l", flags->no_rouge_l, "No ROUGE-L (ROUGE -x)");
  flags->wordnet_opt = cmd->add_option("--wordnet", flags->wordnet,
                                       "Folder with WordNet's adj/adv/noun/verb.exc (default "
                                       "/usr/share/wordnet)");
  cmd->add_option("--tokenize", flags->tokenize,
                  "rouge155 (ROUGE-1.5.5's ASCII tokens) or unicode (words of any language; "
                  "characters of Chinese, Japanese, Thai)")
      ->capture_default_str();
  cmd->add_option("--language", flags->language,
                  "With --tokenize unicode -m: the Snowball stemmer, by ISO 639 code (en, de, "
                  "fr, es, it, pt, ru, nl, sv, ...) or 'porter'");
  cmd->add_option("--jobs,-j", flags->jobs, "Scoring threads (0: one per core)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  return [flags] { return RunRouge(*flags); };
}

}  // namespace dossier::cli
