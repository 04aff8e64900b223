// dossier eval-quotes GOLD.jsonl: quote attribution against hand labels
// (EvaluateQuoteAttribution, include/dossier/quote_eval.h).
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.h"
#include "dossier/quote_eval.h"
#include "dossier/report.h"

namespace dossier::cli {
namespace {

struct EvalQuotesFlags {
  std::string gold;
  std::string data;
  std::string data_dir;
  bool json = false;
  bool errors = false;
};

std::string Line(const char* name, const QuoteCounts& c) {
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "  %-9s P %.3f  R %.3f  F1 %.3f   (%zu of %zu predicted, %zu of %zu gold)\n", name,
                c.Precision(), c.Recall(), c.F1(), c.predicted_matched, c.predicted, c.gold_matched,
                c.gold);
  return buf;
}

nlohmann::ordered_json CountsJson(const QuoteCounts& c) {
  return {{"precision", c.Precision()}, {"recall", c.Recall()}, {"f1", c.F1()},
          {"predicted", c.predicted},   {"gold", c.gold},       {"matched", c.gold_matched}};
}

int RunEvalQuotes(const EvalQuotesFlags& flags) {
  Result<QuoteEvalReport> report =
      EvaluateQuoteAttribution(flags.gold, {.data_dir = flags.data, .word_lists = flags.data_dir});
  if (!report.ok()) {
    std::cerr << "dossier eval-quotes: " << report.status().ToString() << "\n";
    return kExitNoInput;
  }
  for (const Diagnostic& d : report->diagnostics)
    std::cerr << "dossier: " << FormatDiagnostic(d) << "\n";
  const QuoteScore& t = report->total;
  if (flags.json) {
    nlohmann::ordered_json j = {{"documents", report->documents.size()},
                                {"all", CountsJson(t.all)},
                                {"direct", CountsJson(t.direct)},
                                {"reported", CountsJson(t.reported)},
                                {"unnamed", t.unnamed}};
    std::cout << j.dump() << "\n";
  } else {
    std::cout << "quote attribution on " << flags.gold << ": " << report->documents.size()
              << " documents, " << t.all.gold << " gold quotes (" << t.unnamed
              << " more with no named speaker, not counted)\n"
              << Line("all", t.all) << Line("direct", t.direct) << Line("reported", t.reported);
    if (flags.errors) {
      for (const QuoteEvalDocument& d : report->documents) {
        for (const QuoteEvalDocument::Error& e : d.errors) {
          std::cout << d.input << (d.id.empty() ? "" : "#" + d.id) << "\t" << e.what << "\t"
                    << e.kind << "\t" << e.speaker << "\t" << e.text << "\n";
        }
      }
    }
  }
  bool had_error = false;
  for (const Diagnostic& d : report->diagnostics) {
    had_error = had_error || d.severity == Diagnostic::Severity::kError;
  }
  return had_error ? kExitPartial : kExitOk;
}

}  // namespace

Command SetupEvalQuotes(CLI::App& app) {
  auto flags = std::make_shared<EvalQuotesFlags>();
  CLI::App* cmd = app.add_subcommand(
      "eval-quotes",
      "Score quote attribution (who said what) against hand-labelled quotes: precision, recall "
      "and F1, overall, for direct quotes and for reported speech.");
  cmd->footer(
      "Example:\n  dossier eval-quotes --data ../shared/data "
      "tests/data/quotes/attribution-dev.jsonl\n\n" +
      std::string(kExitCodeHelp));
  cmd->add_option("gold", flags->gold,
                  "Gold quotes, JSON Lines (docs/FORMATS.md, \"Quote attribution gold\")")
      ->required();
  cmd->add_option("--data", flags->data,
                  "Folder the gold file's \"input\" paths are relative to (default: as written)");
  cmd->add_option("--data-dir", flags->data_dir, "Word lists replacing the built-in ones");
  cmd->add_flag("--json", flags->json, "Print the scores as one JSON object");
  cmd->add_flag("--errors", flags->errors,
                "Also list every missed gold quote and false attribution (text from the inputs)");
  return [flags] { return RunEvalQuotes(*flags); };
}

}  // namespace dossier::cli
