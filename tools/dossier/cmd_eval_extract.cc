// dossier eval-extract: placeholder until the scorer lands (this session).
#include "commands.h"

namespace dossier::cli {

Command SetupEvalExtract(CLI::App& app) {
  app.add_subcommand("eval-extract", "Score article extraction (not built yet)");
  return [] { return static_cast<int>(kExitUsage); };
}

}  // namespace dossier::cli
