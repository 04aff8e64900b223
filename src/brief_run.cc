// InputBriefer (dossier/brief_run.h).
#include "dossier/brief_run.h"

#include <utility>

#include "dossier/pipeline.h"

namespace dossier {

struct InputBriefer::Impl {
  Pipeline pipeline;
  Briefer briefer;
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
  return InputBriefer(
      std::make_unique<const Impl>(Impl{std::move(*pipeline), std::move(*briefer)}));
}

Status InputBriefer::Brief(const std::vector<Input>& inputs, const ReadOptions& read,
                           const Sink& sink, std::vector<Diagnostic>* diagnostics) const {
  Pipeline::Scratch scratch = impl_->pipeline.NewScratch();
  return ReadInputs(
      inputs, read,
      [&](Cluster&& cluster) {
        impl_->pipeline.Analyze(&cluster, &scratch);
        const Briefing briefing = impl_->briefer.Brief(cluster);
        sink(cluster, briefing);
      },
      diagnostics);
}

}  // namespace dossier
