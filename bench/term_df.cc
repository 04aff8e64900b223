// term_df: the document frequency of every content stem in a stream of
// articles, for data/en/term_df.txt (bench/scripts/make_term_df.sh).
//
//   term_df MIN_DF FILE... > data/en/term_df.txt
//
// Reads the files as dossier does (ReadDocuments: Multi-News records split
// into articles), analyses each article with the default pipeline and counts
// the articles in which each content stem (a token that is neither a
// stopword nor a number and holds a letter) occurs. Prints the header lines
// and "stem<TAB>df" for the stems with df >= MIN_DF, most frequent first.
// Only counts leave the program: no text of the articles.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dossier/ingest.h"
#include "dossier/pipeline.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: term_df MIN_DF FILE...\n";
    return 2;
  }
  const long min_df = std::strtol(argv[1], nullptr, 10);
  std::vector<std::string> paths(argv + 2, argv + argc);
  dossier::Result<dossier::Pipeline> pipeline = dossier::Pipeline::Create({});
  if (!pipeline.ok()) {
    std::cerr << pipeline.status().ToString() << "\n";
    return 1;
  }
  dossier::Pipeline::Scratch scratch = pipeline->NewScratch();
  std::unordered_map<std::string, long> df;
  long documents = 0;
  std::vector<dossier::Diagnostic> diagnostics;
  dossier::ReadOptions options;
  dossier::Status st = dossier::ReadDocuments(
      paths, options,
      [&](dossier::Document&& doc) {
        pipeline->Analyze(&doc, &scratch);
        std::unordered_set<std::string> seen;
        for (const dossier::Token& t : doc.tokens) {
          if (t.is_stopword || t.is_number) continue;
          if (std::none_of(t.stem.begin(), t.stem.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
              })) {
            continue;
          }
          seen.insert(t.stem);
        }
        if (seen.empty()) return;
        ++documents;
        for (const std::string& s : seen) ++df[s];
      },
      &diagnostics);
  if (!st.ok()) {
    std::cerr << st.ToString() << "\n";
    return 1;
  }
  std::vector<std::pair<std::string, long>> rows(df.begin(), df.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::cout << "# Document frequency of English content stems (Porter2, lower case): the\n"
               "# number of news articles, of the documents counted below, holding each\n"
               "# stem; stems in fewer than "
            << min_df
            << " are left out. Counts only, made by\n"
               "# bench/scripts/make_term_df.sh; used for the background idf of the pile\n"
               "# analysis (src/cluster/pile.h).\n"
            << "documents\t" << documents << "\n";
  for (const auto& [stem, n] : rows) {
    if (n < min_df) break;
    if (stem.find_first_of(" \t\n#") != std::string::npos) continue;
    std::cout << stem << "\t" << n << "\n";
  }
  return 0;
}
