// The first word of the command line: a subcommand, or a helpful refusal.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"

namespace dossier::cli {
namespace {

// Optimal string alignment distance (Damerau-Levenshtein without repeated
// edits of one substring): "breif" is 1 from "brief".
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

std::string SuggestSubcommand(std::string_view given, const std::vector<std::string>& names) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, given.size() / 3) + 1;
  for (const std::string& n : names) {
    // A prefix ("dig", "eval-c") counts as close.
    const size_t d = n.starts_with(given) && given.size() >= 3 ? 1 : EditDistance(given, n);
    if (d < best_distance) best = n, best_distance = d;
  }
  return best;
}

int CheckSubcommand(CLI::App& app, int argc, char** argv) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  if (argc < 2) {
    std::cerr << "dossier: a subcommand is required: " << Joined(names)
              << "\n(dossier --help describes them; dossier brief FILES... briefs a story)\n";
    return kExitUsage;
  }
  const std::string given = argv[1];
  if (given.empty() || given[0] == '-' ||
      std::find(names.begin(), names.end(), given) != names.end()) {
    return -1;  // a flag or a subcommand: CLI11 parses it
  }
  std::error_code ec;
  if (std::filesystem::exists(given, ec) || given.starts_with("http://") ||
      given.starts_with("https://")) {
    std::cerr << "dossier: '" << given << "' is an input, not a subcommand; did you mean "
              << "'dossier brief " << given << "'?\n";
    return kExitUsage;
  }
  const std::string suggestion = SuggestSubcommand(given, names);
  std::cerr << "dossier: unknown subcommand '" << given << "'";
  if (!suggestion.empty()) {
    std::cerr << "; did you mean '" << suggestion << "'?\n";
  } else {
    std::cerr << "; the subcommands are " << Joined(names) << "\n";
  }
  return kExitUsage;
}

}  // namespace dossier::cli
