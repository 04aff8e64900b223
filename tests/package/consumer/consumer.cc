// A program outside the dossier tree, built against the installed package
// (tests/package/consumer_test.sh): briefs the inputs it is given and prints
// one JSON line per cluster, as `dossier brief --format json` does.
#include <dossier/briefing.h>
#include <dossier/ingest.h>
#include <dossier/pipeline.h>
#include <dossier/report.h>
#include <dossier/version.h>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: consumer INPUT...\n";
    return 2;
  }
  dossier::Result<dossier::Pipeline> pipeline = dossier::Pipeline::Create({});
  dossier::Result<dossier::Briefer> briefer = dossier::Briefer::Create({});
  if (!pipeline.ok() || !briefer.ok()) {
    std::cerr << "consumer: cannot load the word lists\n";
    return 1;
  }
  dossier::Pipeline::Scratch scratch = pipeline->NewScratch();
  dossier::RenderOptions render;  // documents listed, as with --format json
  size_t clusters = 0;
  std::vector<dossier::Diagnostic> diagnostics;
  const dossier::Status status = dossier::ReadInputs(
      std::vector<std::string>(argv + 1, argv + argc), dossier::ReadOptions{},
      [&](dossier::Cluster&& cluster) {
        pipeline->Analyze(&cluster, &scratch);
        const dossier::Briefing briefing = briefer->Brief(cluster);
        std::cout << dossier::RenderJson(cluster, &briefing, render) << "\n";
        ++clusters;
      },
      &diagnostics);
  for (const dossier::Diagnostic& d : diagnostics) {
    std::cerr << "consumer: " << dossier::FormatDiagnostic(d) << "\n";
  }
  std::cerr << "consumer: dossier " << dossier::Version() << ", " << clusters << " cluster(s)\n";
  return status.ok() && clusters > 0 ? 0 : 1;
}
