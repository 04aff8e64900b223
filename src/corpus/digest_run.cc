// RunDigest (dossier/digest.h): `dossier digest` as one library call,
// resumable through the checkpoint beside the output.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "corpus/digest_checkpoint.h"
#include "dossier/digest.h"
#include "dossier/files.h"
#include "dossier/version.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

// The key a story's briefing is saved under: everything the briefing depends
// on (settings, the story's id, its articles and their texts).
std::string BriefingKey(const std::string& settings, const Story& story,
                        const std::vector<Document>& documents, size_t max_docs) {
  std::string bytes = settings;
  bytes += '\0';
  bytes += story.id;
  for (size_t k = 0; k < story.articles.size(); ++k) {
    bytes += '\0';
    bytes += story.article_ids[k];
    if (k >= max_docs) continue;
    const Document& d = documents[story.articles[k]];
    for (const std::string* field : {&d.origin, &d.source, &d.title, &d.date, &d.url, &d.raw}) {
      bytes += '\x1F';
      bytes += *field;
    }
  }
  return StoryKey(bytes);
}

bool Stopped(const std::atomic<bool>* stop) {
  return stop != nullptr && stop->load(std::memory_order_relaxed);
}

// The stories of the stream, read and clustered, with their documents kept.
struct Clustered {
  std::vector<Story> stories;
  std::vector<Document> documents;
};

Result<Clustered> ReadAndCluster(const std::vector<Input>& inputs, const DigestRunOptions& o,
                                 DigestReport* report) {
  Result<StoryStream> stream = StoryStream::Create(o.clustering);
  if (!stream.ok()) return stream.status();
  stream->SetKeepDocuments();
  if (o.on_clustered) stream->SetProgress(o.on_clustered);
  ReadOptions read = o.read;
  if (o.stop != nullptr) read.stop = o.stop;
  if (read.data_dir.empty()) read.data_dir = o.clustering.data_dir;  // the pages' word lists
  Status status = ReadDocuments(
      inputs, read, [&](Document&& doc) { stream->Push(std::move(doc)); }, &report->diagnostics);
  stream->Finish();
  report->articles = stream->article_count();
  if (Stopped(o.stop)) {
    report->interrupted = true;
    return Clustered{};
  }
  if (report->articles == 0) {
    return status.ok() ? Status(StatusCode::kEmptyInput, "no article read") : status;
  }
  return Clustered{stream->Stories(), stream->TakeDocuments()};
}

// Each story's briefing, taken from the checkpoint when an earlier run saved
// it (done[i] set), else made on the briefing threads; each page and journal
// line is written as its story is done. Returns the first write error.
Status BriefAll(const DigestRunOptions& o, const StoryBriefer& briefer, bool pages,
                DigestCheckpoint* checkpoint, const std::vector<std::string>& keys,
                std::vector<Document>* documents, std::vector<DigestStory>* ranked,
                std::vector<bool>* done) {
  std::vector<size_t> todo;
  for (size_t i = 0; i < ranked->size(); ++i) {
    if (!(*done)[i]) todo.push_back(i);
  }
  const int threads = ThreadCount(o.clustering.threads);
  std::vector<Pipeline::Scratch> scratch;
  for (int t = 0; t < threads; ++t) scratch.push_back(briefer.NewScratch());
  std::vector<Status> written(ranked->size());
  std::atomic<uint64_t> briefed{0};
  ParallelFor(todo.size(), threads, [&](size_t t, int worker) {
    if (Stopped(o.stop)) return;
    const size_t i = todo[t];
    DigestStory& r = (*ranked)[i];
    briefer.Brief(&r, StoryDocuments(r, documents, o.digest),
                  &scratch[static_cast<size_t>(worker)]);
    if (pages && checkpoint != nullptr) {
      written[i] = WriteFileAtomic((fs::path(checkpoint->out_dir()) / r.entry.page).string(),
                                   r.page, /*sync=*/false);
      std::string().swap(r.page);
    }
    // The page is in place before the journal names the story.
    if (checkpoint != nullptr && written[i].ok()) {
      written[i] =
          checkpoint->Append({keys[i], r.entry.title, r.entry.lead, r.markdown, r.brief_json});
    }
    (*done)[i] = written[i].ok();
    const uint64_t n = ++briefed;
    if (o.on_briefed) o.on_briefed(n, todo.size(), worker == 0);
  });
  for (const Status& w : written) {
    if (!w.ok()) return w;
  }
  return Status::Ok();
}

// Writes the digest's files into the checkpoint's folder and publishes it in
// place of `output`, or writes the one file.
Status Publish(const std::string& output, DigestOutput kind, DigestCheckpoint* checkpoint,
               const std::vector<DigestStory>& ranked, const DigestFiles& files) {
  if (kind != DigestOutput::kFolder) {
    return WriteFileAtomic(output, kind == DigestOutput::kJsonl ? files.jsonl : files.markdown);
  }
  const fs::path out = checkpoint->out_dir();
  // Pages of stories an earlier run saw that this one does not have.
  std::set<std::string> pages;
  for (const DigestStory& r : ranked) pages.insert(fs::path(r.entry.page).filename().string());
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(out / "stories", ec)) {
    if (pages.count(f.path().filename().string()) == 0) fs::remove(f.path(), ec);
  }
  if (Status w = WriteDigestFiles(out.string(), files); !w.ok()) return w;
  return PublishDirectory(out.string(), output);
}

}  // namespace

Result<DigestReport> RunDigest(const std::vector<Input>& inputs, const std::string& given_output,
                               const DigestRunOptions& given) {
  // "out/" names the folder "out": the checkpoint goes beside it.
  if (Status s = CheckDigestOutput(given_output); !s.ok()) return s;
  std::string output = given_output;
  const DigestOutput kind = DigestOutputKind(&output);
  const bool folder = kind == DigestOutput::kFolder;
  DigestRunOptions o = given;
  o.digest.pages = folder;
  if (o.digest.data_dir.empty()) o.digest.data_dir = o.clustering.data_dir;
  if (o.digest.language.empty()) o.digest.language = o.clustering.language;
  if (Status s = CheckStoryOptions(o.clustering); !s.ok()) return s;
  Result<StoryBriefer> briefer = StoryBriefer::Create(o.digest);
  if (!briefer.ok()) {  // word lists that cannot be read: a bad option
    return Status(StatusCode::kInvalidArgument, briefer.status().ToString());
  }
  std::unique_ptr<DigestCheckpoint> checkpoint;
  if (!output.empty()) {
    Result<std::unique_ptr<DigestCheckpoint>> cp =
        DigestCheckpoint::Open(output, folder, o.restart);
    if (!cp.ok()) return cp.status();
    checkpoint = std::move(*cp);
  }
  DigestReport report;
  if (checkpoint) report.checkpoint = checkpoint->dir();

  // 1. Read and cluster; 2. rank.
  Result<Clustered> clustered = ReadAndCluster(inputs, o, &report);
  if (!clustered.ok()) return clustered.status();
  if (report.interrupted) return report;
  std::vector<Document>& documents = clustered->documents;
  std::vector<DigestStory> ranked =
      RankStories(std::move(clustered->stories), o.digest, &report.furniture);
  report.stories = ranked.size();

  // 3. Each story's briefing from the checkpoint when an earlier run saved it.
  const std::string settings = std::string(Version()) + " words=" + std::to_string(o.digest.words) +
                               " docs=" + std::to_string(o.digest.max_story_docs) +
                               " data=" + o.digest.data_dir + (folder ? " pages" : "");
  std::vector<std::string> keys(ranked.size());
  std::vector<bool> done(ranked.size(), false);
  for (size_t i = 0; i < ranked.size(); ++i) {
    DigestStory& r = ranked[i];
    keys[i] = BriefingKey(settings, r.story, documents, o.digest.max_story_docs);
    const SavedStory* saved = checkpoint ? checkpoint->Find(keys[i]) : nullptr;
    std::error_code ec;
    if (saved != nullptr &&
        (!folder || fs::exists(fs::path(checkpoint->out_dir()) / r.entry.page, ec))) {
      r.entry.title = saved->title;
      r.entry.lead = saved->lead;
      r.markdown = saved->md;
      r.brief_json = saved->brief;
      done[i] = true;
      ++report.resumed;
    }
  }
  if (o.on_ranked) o.on_ranked(report.resumed, ranked.size(), report.checkpoint);
  if (Status w = BriefAll(o, *briefer, folder, checkpoint.get(), keys, &documents, &ranked, &done);
      !w.ok()) {
    return w;
  }
  report.briefed = static_cast<size_t>(std::count(done.begin(), done.end(), true));
  if (Stopped(o.stop)) {
    report.interrupted = true;
    return report;
  }

  // 4. Write; what is left of the checkpoint goes.
  const DigestFiles files = RenderDigest(ranked, documents.size(), report.furniture);
  if (output.empty()) {
    report.markdown = files.markdown;
    return report;
  }
  if (Status p = Publish(output, kind, checkpoint.get(), ranked, files); !p.ok()) return p;
  if (folder) report.index = (fs::path(output) / "index.html").string();
  if (Status rm = checkpoint->Remove(); !rm.ok()) {
    report.diagnostics.push_back({Diagnostic::Severity::kWarning, rm});
  }
  return report;
}

}  // namespace dossier
