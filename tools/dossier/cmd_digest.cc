// dossier digest INPUTS...: cluster a stream of articles into stories, brief
// every story, and write the stories ranked: a Markdown digest, JSON Lines,
// and an HTML index linking one briefing page per story.
#include <signal.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "commands.h"
#include "digest_checkpoint.h"
#include "dossier/digest.h"
#include "dossier/ingest.h"
#include "dossier/stories.h"
#include "dossier/version.h"
#include "interrupt.h"
#include "progress.h"
#include "stream_flags.h"
#include "util/file_io.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace dossier::cli {
namespace {

namespace fs = std::filesystem;

struct DigestFlags {
  StreamFlags stream;
  std::string output;
  int words = 120;
  size_t min_articles = 1;
  size_t max_story_docs = 40;
  bool restart = false;
  uint64_t debug_interrupt_after = 0;  // tests: raise SIGINT after this many briefings
};

bool EndsWithAny(const std::string& path, std::initializer_list<const char*> exts) {
  const std::string lower = AsciiLower(path);
  for (const char* e : exts) {
    if (EndsWith(lower, e)) return true;
  }
  return false;
}

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

// Where the outputs go: a Markdown or JSON Lines file, stdout, or a folder.
struct Destination {
  bool markdown_file = false, jsonl_file = false, folder = false;
  explicit Destination(const std::string& output)
      : markdown_file(EndsWithAny(output, {".md", ".markdown"})),
        jsonl_file(EndsWithAny(output, {".jsonl", ".ndjson"})),
        folder(!output.empty() && !markdown_file && !jsonl_file) {}
};

DigestOptions DigestOptionsOf(const DigestFlags& flags, const Destination& to) {
  DigestOptions o;
  o.words = flags.words;
  o.min_articles = flags.min_articles;
  o.max_story_docs = flags.max_story_docs;
  o.data_dir = flags.stream.clustering.data_dir;
  o.pages = to.folder;
  return o;
}

// Reads and clusters the stream; the stories come out in `stream`.
int ClusterStream(const DigestFlags& flags, InputFormat format, Progress* progress,
                  StoryStream* stream, bool* had_error) {
  stream->SetKeepDocuments();
  stream->SetProgress(
      [progress](uint64_t n, uint64_t stories) { progress->Update(n, 0, stories); });
  return ReadStream(
      flags.stream, format, "digest", [stream](Document&& doc) { stream->Push(std::move(doc)); },
      [&]() -> uint64_t {
        stream->Finish();
        progress->Done();
        return stream->article_count();
      },
      had_error);
}

// Briefs the stories not taken from the checkpoint, in parallel; each writes
// its own page and journal line. Returns the first write error.
Status BriefStories(const DigestFlags& flags, const StoryBriefer& briefer, const Destination& to,
                    DigestCheckpoint* checkpoint, const std::vector<std::string>& keys,
                    const std::vector<size_t>& todo, std::vector<Document>* documents,
                    std::vector<DigestStory>* ranked, std::vector<bool>* done, Progress* progress) {
  const DigestOptions options = DigestOptionsOf(flags, to);
  const int threads = ThreadCount(flags.stream.clustering.threads);
  std::vector<Pipeline::Scratch> scratch;
  for (int t = 0; t < threads; ++t) scratch.push_back(briefer.NewScratch());
  std::vector<Status> written(ranked->size());
  std::atomic<uint64_t> briefed{0};
  ParallelFor(todo.size(), threads, [&](size_t t, int worker) {
    if (Interrupted()) return;
    const size_t i = todo[t];
    DigestStory& r = (*ranked)[i];
    briefer.Brief(&r, StoryDocuments(r, documents, options), &scratch[static_cast<size_t>(worker)]);
    if (to.folder) {
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
    if (worker == 0) progress->Update(n, todo.size(), todo.size(), "stories");
    if (flags.debug_interrupt_after > 0 && n == flags.debug_interrupt_after) ::raise(SIGINT);
  });
  progress->Done();
  for (const Status& w : written) {
    if (!w.ok()) return w;
  }
  return Status::Ok();
}

// Writes the digest's files to the folder (replacing it atomically) or file.
int WriteDigest(const DigestFlags& flags, const Destination& to, DigestCheckpoint* checkpoint,
                const std::vector<DigestStory>& ranked, const DigestFiles& files) {
  auto fail = [](const std::string& message) {
    std::cerr << "dossier digest: " << message << "\n";
    return kExitOutputError;
  };
  if (!to.folder) {
    return WriteOutput(flags.output, to.jsonl_file ? files.jsonl : files.markdown, "dossier digest")
               ? kExitOk
               : kExitOutputError;
  }
  const fs::path out = checkpoint->out_dir();
  // Pages of stories an earlier run saw that this one does not have.
  std::set<std::string> pages;
  for (const DigestStory& r : ranked) pages.insert(fs::path(r.entry.page).filename().string());
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(out / "stories", ec)) {
    if (pages.count(f.path().filename().string()) == 0) fs::remove(f.path(), ec);
  }
  if (Status w = WriteDigestFiles(out.string(), files); !w.ok()) return fail(w.ToString());
  Status p = PublishDirectory(out.string(), flags.output);
  return p.ok() ? kExitOk : fail(p.ToString());
}

int RunDigest(DigestFlags flags) {
  const char* kName = "dossier digest: ";
  // "out/" names the folder "out": the checkpoint goes beside it.
  while (flags.output.size() > 1 && flags.output.back() == '/') flags.output.pop_back();
  const StreamFlags& stream = flags.stream;
  const Destination to(flags.output);
  Result<InputFormat> input_format = ParseInputFormat(stream.input_format);
  Result<StoryStream> stories = input_format.ok() ? StoryStream::Create(stream.clustering)
                                                  : Result<StoryStream>(input_format.status());
  Result<StoryBriefer> briefer = stories.ok() ? StoryBriefer::Create(DigestOptionsOf(flags, to))
                                              : Result<StoryBriefer>(stories.status());
  if (!briefer.ok()) {
    std::cerr << kName << briefer.status().ToString() << "\n";
    return kExitUsage;
  }
  InstallInterruptHandlers();
  // Files and folders are built in a checkpoint beside them, so an
  // interrupted run leaves the old output untouched and the next run resumes.
  std::unique_ptr<DigestCheckpoint> checkpoint;
  if (!flags.output.empty()) {
    Result<std::unique_ptr<DigestCheckpoint>> cp =
        DigestCheckpoint::Open(flags.output, to.folder, flags.restart);
    if (!cp.ok()) {
      std::cerr << kName << cp.status().ToString() << "\n";
      return kExitOutputError;
    }
    checkpoint = std::move(*cp);
  }

  // 1. Cluster; 2. rank.
  Progress progress("digest", !stream.quiet);
  bool had_error = false;
  if (int rc = ClusterStream(flags, *input_format, &progress, &*stories, &had_error);
      rc != kExitOk) {
    return rc;
  }
  std::vector<Document> documents = stories->TakeDocuments();
  size_t furniture = 0;
  std::vector<DigestStory> ranked =
      RankStories(stories->Stories(), DigestOptionsOf(flags, to), &furniture);

  // 3. Each story's briefing taken from the checkpoint when an earlier run
  // saved it, else made.
  const std::string settings = std::string(Version()) + " words=" + std::to_string(flags.words) +
                               " docs=" + std::to_string(flags.max_story_docs) +
                               " data=" + stream.clustering.data_dir + (to.folder ? " pages" : "");
  std::vector<size_t> todo;
  std::vector<std::string> keys(ranked.size());
  std::vector<bool> done(ranked.size(), false);
  for (size_t i = 0; i < ranked.size(); ++i) {
    DigestStory& r = ranked[i];
    keys[i] = BriefingKey(settings, r.story, documents, flags.max_story_docs);
    const SavedStory* saved = checkpoint ? checkpoint->Find(keys[i]) : nullptr;
    std::error_code ec;
    if (saved != nullptr &&
        (!to.folder || fs::exists(fs::path(checkpoint->out_dir()) / r.entry.page, ec))) {
      r.entry.title = saved->title;
      r.entry.lead = saved->lead;
      r.markdown = saved->md;
      r.brief_json = saved->brief;
      done[i] = true;
    } else {
      todo.push_back(i);
    }
  }
  if (checkpoint && todo.size() < ranked.size() && !stream.quiet) {
    std::cerr << kName << "resuming: " << ranked.size() - todo.size() << " of " << ranked.size()
              << " stories taken from " << checkpoint->dir() << "\n";
  }
  if (Status w = BriefStories(flags, *briefer, to, checkpoint.get(), keys, todo, &documents,
                              &ranked, &done, &progress);
      !w.ok()) {
    std::cerr << kName << w.ToString() << "\n";
    return kExitOutputError;
  }
  if (Interrupted()) {
    const size_t n = static_cast<size_t>(std::count(done.begin(), done.end(), true));
    const std::string what =
        checkpoint ? std::to_string(n) + " of " + std::to_string(ranked.size()) +
                         " stories briefed and kept in " + checkpoint->dir() + "; " + flags.output +
                         " is as it was. Run the same command to resume."
                   : std::string("output incomplete");
    return ReportInterrupted("dossier digest", what.c_str());
  }

  // 4. Write.
  const DigestFiles files = RenderDigest(ranked, documents.size(), furniture);
  if (int rc = WriteDigest(flags, to, checkpoint.get(), ranked, files); rc != kExitOk) return rc;
  if (checkpoint) {
    // The output is in place; what is left of the checkpoint goes.
    if (Status rm = checkpoint->Remove(); !rm.ok() && !stream.quiet) {
      std::cerr << kName << "warning: " << rm.ToString() << "\n";
    }
  }
  if (!stream.quiet) {
    std::cerr << kName << documents.size() << " articles, " << ranked.size() << " stories briefed";
    if (to.folder) std::cerr << "; open " << (fs::path(flags.output) / "index.html").string();
    std::cerr << "\n";
  }
  return had_error ? kExitPartial : kExitOk;
}

}  // namespace

Command SetupDigest(CLI::App& app) {
  auto flags = std::make_shared<DigestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "digest",
      "Cluster a stream of articles into stories (as `dossier cluster`), brief every story, "
      "and write them ranked by outlets and size.");
  cmd->footer(
      "Examples:\n  dossier digest feed.jsonl -o digest/     (index.html, digest.md, "
      "stories.jsonl, stories/<id>.html)\n"
      "  dossier digest pages/ -o today.md\n  dossier digest feed.jsonl.gz -o stories.jsonl\n\n"
      "Interrupted (Ctrl-C, kill), a digest keeps the stories it briefed in OUTPUT.partial/ and "
      "leaves OUTPUT as it was; the same command resumes.\n\n" +
      std::string(kExitCodeHelp));
  AddStreamOptions(cmd, &flags->stream);
  cmd->add_option("--output,-o", flags->output,
                  "A folder (replaced as a whole, atomically), or a .md or .jsonl file; without "
                  "it the Markdown digest goes to stdout. An interrupted run keeps its work in "
                  "OUTPUT.partial/ and the same command resumes it");
  cmd->add_flag("--restart", flags->restart,
                "Discard what an interrupted run left in OUTPUT.partial/ and start afresh");
  cmd->add_option("--debug-interrupt-after", flags->debug_interrupt_after,
                  "Testing: interrupt (SIGINT) the run after this many briefings")
      ->group("");
  cmd->add_option("--words,-w", flags->words, "Word budget of each story's summary")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--min-articles", flags->min_articles, "Leave out stories with fewer articles")
      ->capture_default_str();
  cmd->add_option("--max-story-docs", flags->max_story_docs,
                  "Articles of a story briefed at most (the first in the stream)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  return [flags] { return RunDigest(*flags); };
}

}  // namespace dossier::cli
