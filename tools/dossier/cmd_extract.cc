// dossier extract PAGE.html...: the article extracted from each saved web
// page (body text and metadata), as text or one JSON object per page.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "commands.h"
#include "dossier/files.h"
#include "dossier/ingest.h"
#include "interrupt.h"

namespace dossier::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> pages;
  std::string format = "text";
  std::string output;
  std::string data_dir;
  InputLimits limits;
  bool quiet = false;
};

nlohmann::ordered_json OrNull(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

int RunExtract(const ExtractFlags& flags) {
  ReadOptions options = InterruptibleReadOptions(InputFormat::kHtml, flags.limits);
  options.data_dir = flags.data_dir;
  if (!flags.data_dir.empty()) {
    // One extractor for every page (ReadInputs is called page by page).
    Result<ArticleExtractor> extractor = ArticleExtractor::Create(flags.data_dir);
    if (!extractor.ok()) {
      std::cerr << "dossier extract: " << extractor.status().ToString() << "\n";
      return kExitUsage;
    }
    options.extractor = std::make_shared<const ArticleExtractor>(std::move(*extractor));
  }
  const bool json = flags.format == "json";
  std::string out;
  size_t pages = 0, failed = 0;
  for (const std::string& page : flags.pages) {
    if (Interrupted()) break;
    std::vector<Diagnostic> diagnostics;
    size_t got = 0;
    Status st = ReadInputs(
        {page}, options,
        [&](Cluster&& c) {
          for (const Diagnostic& d : c.diagnostics) diagnostics.push_back(d);
          for (const Document& doc : c.documents) {
            ++got;
            if (json) {
              nlohmann::ordered_json j = {{"input", doc.origin},
                                          {"title", OrNull(doc.title)},
                                          {"byline", OrNull(doc.byline)},
                                          {"date", OrNull(doc.date)},
                                          {"url", OrNull(doc.url)},
                                          {"site", OrNull(doc.source)},
                                          {"text", doc.text}};
              out +=
                  j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
            } else {
              out += "# " + (doc.title.empty() ? doc.origin : doc.title) + "\n\n";
              if (!doc.byline.empty()) out += "By: " + doc.byline + "\n";
              if (!doc.date.empty()) out += "Date: " + doc.date + "\n";
              if (!doc.url.empty()) out += "URL: " + doc.url + "\n";
              if (!doc.source.empty()) out += "Site: " + doc.source + "\n";
              out += "Input: " + doc.origin + "\n\n" + doc.text + "\n\n";
            }
          }
        },
        &diagnostics);
    if (!st.ok()) diagnostics.push_back({Diagnostic::Severity::kError, st});
    for (const Diagnostic& d : diagnostics) {
      if (d.severity == Diagnostic::Severity::kError || !flags.quiet) {
        std::cerr << "dossier extract: "
                  << (d.severity == Diagnostic::Severity::kError ? "error: " : "warning: ")
                  << d.status.ToString() << "\n";
      }
    }
    pages += got;
    if (got == 0) ++failed;
  }
  if (Interrupted()) {
    return ReportInterrupted("dossier extract", flags.output.empty()
                                                    ? "nothing printed"
                                                    : "nothing written; the output is as it was");
  }
  if (flags.output.empty()) {
    std::cout << out;
  } else if (Status w = WriteFileAtomic(flags.output, out); !w.ok()) {
    std::cerr << "dossier extract: " << w.ToString() << "\n";
    return kExitOutputError;
  }
  if (pages == 0) return kExitNoInput;
  return failed > 0 ? kExitPartial : kExitOk;
}

}  // namespace

Command SetupExtract(CLI::App& app) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Extract the article (body text, title, byline, date, URL, site) from saved web pages. "
      "A page without an article is reported on stderr and skipped.");
  cmd->add_option("pages", flags->pages, "HTML files (.html, .htm, or gzipped)")->required();
  cmd->add_option("-f,--format", flags->format,
                  "text (readable) or json (one object per page: input, title, byline, date, "
                  "url, site, text; null where absent)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", flags->output,
                  "Write to this file (atomically) instead of stdout");
  cmd->add_option("--data-dir", flags->data_dir,
                  "Folder with word lists replacing the built-in ones (see data/)");
  AddSizeLimitOptions(cmd, &flags->limits);
  AddFetchOptions(cmd, &flags->limits);
  cmd->add_flag("-q,--quiet", flags->quiet, "Print errors only, no warnings");
  cmd->footer(
      "Examples:\n  dossier extract page.html\n  dossier extract --format json saved/*.html.gz > "
      "articles.jsonl");
  return [flags] { return RunExtract(*flags); };
}

}  // namespace dossier::cli
