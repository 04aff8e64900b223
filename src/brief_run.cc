// InputBriefer (dossier/brief_run.h).
#include "dossier/brief_run.h"

#include <memory>
#include <utility>

#include "dossier/article.h"
#include "dossier/pipeline.h"

namespace dossier {

struct InputBriefer::Impl {
  Pipeline pipeline;
  Briefer briefer;
  std::shared_ptr<const ArticleExtractor> extractor;  // of options.data_dir; null: built in
};

InputBriefer::InputBriefer(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
InputBriefer::InputBriefer(InputBriefer&&) noexcept = default;
InputBriefer& InputBriefer::operator=(InputBriefer&&) noexcept = default;
InputBriefer::~InputBriefer() = default;

Result<InputBriefer> InputBriefer::Create(const BriefOptions& options) {
  Result<Pipeline> pipeline = Pipeline::Create({options.data_dir, options.language});
  if (!pipeline.ok()) return pipeline.status();
  Result<Briefer> briefer = Briefer::Create(options);
  if (!briefer.ok()) return briefer.status();
  std::shared_ptr<const ArticleExtractor> extractor;
  if (!options.data_dir.empty()) {
    Result<ArticleExtractor> x = ArticleExtractor::Create(options.data_dir);
    if (!x.ok()) return x.status();
    extractor = std::make_shared<const ArticleExtractor>(std::move(*x));
  }
  return InputBriefer(std::make_unique<const Impl>(
      Impl{std::move(*pipeline), std::move(*briefer), std::move(extractor)}));
}

Status InputBriefer::Brief(const std::vector<Input>& inputs, const ReadOptions& read,
                           const Sink& sink, std::vector<Diagnostic>* diagnostics) const {
  Pipeline::Scratch scratch = impl_->pipeline.NewScratch();
  // Pages are read with the briefing's word lists unless `read` names its own.
  ReadOptions with_lists = read;
  if (with_lists.extractor == nullptr && with_lists.data_dir.empty()) {
    with_lists.extractor = impl_->extractor;
  }
  return ReadInputs(
      inputs, with_lists,
      [&](Cluster&& cluster) {
        impl_->pipeline.Analyze(&cluster, &scratch);
        const Briefing briefing = impl_->briefer.Brief(cluster);
        sink(cluster, briefing);
      },
      diagnostics);
}

}  // namespace dossier
