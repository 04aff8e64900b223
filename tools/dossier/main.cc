// dossier: sourced briefings from news reports and transcripts.
#include <exception>
#include <iostream>

#include "commands.h"
#include "dossier/version.h"

int main(int argc, char** argv) {
  using namespace dossier::cli;
  CLI::App app{
      "dossier: turns news reports and transcripts about one story into a sourced "
      "briefing.",
      "dossier"};
  app.footer(kExitCodeHelp);
  app.set_version_flag("-v,--version", std::string("dossier ") + dossier::Version());
  app.require_subcommand(1);
  Command brief = SetupBrief(app);
  Command eval = SetupEval(app);
  Command rouge = SetupRouge(app);
  Command extract = SetupExtract(app);
  Command eval_extract = SetupEvalExtract(app);
  Command cluster = SetupCluster(app);
  Command digest = SetupDigest(app);
  Command eval_cluster = SetupEvalCluster(app);
  Command eval_quotes = SetupEvalQuotes(app);
  if (int code = CheckSubcommand(app, argc, argv); code >= 0) return code;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  try {
    if (app.got_subcommand("brief")) return brief();
    if (app.got_subcommand("eval")) return eval();
    if (app.got_subcommand("rouge")) return rouge();
    if (app.got_subcommand("extract")) return extract();
    if (app.got_subcommand("eval-extract")) return eval_extract();
    if (app.got_subcommand("cluster")) return cluster();
    if (app.got_subcommand("digest")) return digest();
    if (app.got_subcommand("eval-cluster")) return eval_cluster();
    if (app.got_subcommand("eval-quotes")) return eval_quotes();
  } catch (const std::exception& e) {
    std::cerr << "dossier: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
  return kExitUsage;
}
