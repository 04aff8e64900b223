// Briefing inputs end to end: read, analyse, brief. What `dossier brief`
// and the Python module's dossier.brief do, as one library call.
//
//   Result<InputBriefer> briefer = InputBriefer::Create({});
//   std::vector<Diagnostic> diagnostics;
//   Status s = briefer->Brief({Input::File("reports/")}, {},
//       [](const Cluster& c, const Briefing& b) { std::cout << RenderMarkdown(c, &b, {}); },
//       &diagnostics);
#ifndef DOSSIER_BRIEF_RUN_H_
#define DOSSIER_BRIEF_RUN_H_

#include <functional>
#include <memory>
#include <vector>

#include "dossier/briefing.h"
#include "dossier/document.h"
#include "dossier/ingest.h"
#include "dossier/status.h"

namespace dossier {

class InputBriefer {
 public:
  // The word lists come from options.data_dir (or are built in).
  static Result<InputBriefer> Create(const BriefOptions& options);
  InputBriefer(InputBriefer&&) noexcept;
  InputBriefer& operator=(InputBriefer&&) noexcept;
  ~InputBriefer();

  using Sink = std::function<void(const Cluster& cluster, const Briefing& briefing)>;

  // Reads `inputs` into clusters as ReadInputs does (files, folders and
  // in-memory inputs form one cluster; each Multi-News record is one),
  // analyses and briefs each, and hands it to `sink` on this thread, in
  // input order, as soon as it is briefed. The cluster carries the problems
  // met reading it, the briefing its notices. Problems with single inputs go
  // to `diagnostics`; the error is returned only when no input could be
  // used. HTML pages are extracted with the word lists of options.data_dir
  // unless `read` names a data folder or an extractor of its own. Const:
  // one InputBriefer serves many threads.
  Status Brief(const std::vector<Input>& inputs, const ReadOptions& read, const Sink& sink,
               std::vector<Diagnostic>* diagnostics) const;

 private:
  struct Impl;
  explicit InputBriefer(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace dossier

#endif  // DOSSIER_BRIEF_RUN_H_
