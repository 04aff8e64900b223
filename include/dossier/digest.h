// A digest of a stream of articles: its stories ranked by outlets and size,
// each briefed; what `dossier digest` writes, as library calls that can run
// on one machine or be spread over many (python3 -m dossier.dask).
//
//   StoryStream stream = ...;  stream.SetKeepDocuments();  push, Finish();
//   std::vector<Document> docs = stream.TakeDocuments();
//   size_t furniture = 0;
//   std::vector<DigestStory> ranked = RankStories(stream.Stories(), options, &furniture);
//   Result<StoryBriefer> briefer = StoryBriefer::Create(options);
//   for (DigestStory& s : ranked) briefer->Brief(&s, StoryDocuments(s, &docs, options));
//   DigestFiles files = RenderDigest(ranked, docs.size(), furniture);
#ifndef DOSSIER_DIGEST_H_
#define DOSSIER_DIGEST_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dossier/document.h"
#include "dossier/ingest.h"
#include "dossier/pipeline.h"
#include "dossier/report.h"
#include "dossier/status.h"
#include "dossier/stories.h"

namespace dossier {

struct DigestOptions {
  int words = 120;             // summary budget of each story
  size_t min_articles = 1;     // stories with fewer articles are left out
  size_t max_story_docs = 40;  // articles of a story briefed at most (its first)
  std::string data_dir;        // word lists replacing the built-in ones
  std::string language;        // every article in this language; empty: detect each one's
  bool pages = false;          // also each story's HTML page (a folder output)
};

// One story of the digest.
struct DigestStory {
  Story story;             // its listing (`dossier cluster`'s line)
  DigestEntry entry;       // what the index shows; title and lead once briefed
  std::string markdown;    // its briefing, headings moved under the digest's
  std::string brief_json;  // its briefing as `brief --format json` prints it, no documents
  std::string page;        // its HTML page, when DigestOptions::pages
};

// The stories in digest order: furniture and stories under min_articles
// left out (*furniture counts the furniture texts), then by outlets, then
// articles, earlier stories first on ties. Fills each entry but the title
// and lead, which come from the briefing.
std::vector<DigestStory> RankStories(std::vector<Story> stories, const DigestOptions& options,
                                     size_t* furniture);

// The documents a story is briefed from: its first max_story_docs articles,
// moved out of `documents` (every article of the stream, in order, as
// StoryStream keeps them).
std::vector<Document> StoryDocuments(const DigestStory& story, std::vector<Document>* documents,
                                     const DigestOptions& options);

class StoryBriefer {
 public:
  static Result<StoryBriefer> Create(const DigestOptions& options);
  StoryBriefer(StoryBriefer&&) noexcept;
  StoryBriefer& operator=(StoryBriefer&&) noexcept;
  ~StoryBriefer();

  // Per-thread working state for Brief.
  Pipeline::Scratch NewScratch() const;
  // Briefs `story` from `documents` (StoryDocuments): sets its entry's title
  // (the most representative headline) and lead, its Markdown, JSON and page.
  // Thread-safe with one Scratch per thread.
  void Brief(DigestStory* story, std::vector<Document> documents, Pipeline::Scratch* scratch) const;

 private:
  struct Impl;
  explicit StoryBriefer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The digest's three files, from the briefed stories in rank order.
struct DigestFiles {
  std::string markdown;    // digest.md: contents, then each story's section
  std::string jsonl;       // stories.jsonl: {"rank","story","brief"} per line
  std::string index_html;  // index.html: the stories, linking their pages
};
DigestFiles RenderDigest(const std::vector<DigestStory>& ranked, size_t articles, size_t furniture);

// What a digest's output names: nothing (standard output), a Markdown file
// (.md, .markdown), a JSON Lines file (.jsonl, .ndjson), or else a folder.
// `output` has its trailing slashes removed ("out/" is the folder "out").
enum class DigestOutput { kNone, kMarkdown, kJsonl, kFolder };
DigestOutput DigestOutputKind(std::string* output);

// Refuses an output a digest cannot sensibly be written to, before any work:
// a name ending .html or .htm (the pages go in a folder, index.html inside),
// and an existing file that is not a folder where a folder would go.
Status CheckDigestOutput(const std::string& output);

// Writes the three files into the existing folder `dir` (index.html,
// digest.md, stories.jsonl), each atomically.
Status WriteDigestFiles(const std::string& dir, const DigestFiles& files);

// Writes the digest as `dossier digest -o OUTPUT` does, all or nothing: a
// .md or .jsonl file, or else a folder (the three files and stories/<id>.html
// from each story's page, built beside OUTPUT and put in its place in one
// step). Not resumable: `dossier digest` keeps a checkpoint for that.
Status WriteDigest(const std::string& output, const std::vector<DigestStory>& ranked,
                   const DigestFiles& files);

// ---- The whole digest in one call (`dossier digest`) -------------------------

struct DigestRunOptions {
  StoryOptions clustering;  // its data_dir and threads serve the briefings too
  DigestOptions digest;     // `pages` is set from the output (a folder has pages)
  ReadOptions read;
  // Discard what an interrupted run left in OUTPUT.partial/ and start afresh.
  bool restart = false;
  // When given and it turns true (a signal handler's flag), reading stops
  // and the briefings stop; what was briefed stays in OUTPUT.partial/.
  const std::atomic<bool>* stop = nullptr;
  // Called after each batch clustered (on the calling thread).
  std::function<void(uint64_t articles, uint64_t stories)> on_clustered;
  // Called once the stories are ranked: how many were taken from the
  // checkpoint of an earlier run, of how many, and the checkpoint's folder.
  std::function<void(size_t resumed, size_t stories, const std::string& checkpoint)> on_ranked;
  // Called after each story briefed, from the briefing threads (thread-safe
  // callbacks only): stories briefed so far, of `total`, and whether this is
  // the first briefing thread (which may draw a progress line).
  std::function<void(uint64_t briefed, uint64_t total, bool first_thread)> on_briefed;
};

struct DigestReport {
  size_t articles = 0, stories = 0, furniture = 0;
  size_t resumed = 0;                   // stories taken from an interrupted run's checkpoint
  bool interrupted = false;             // `stop` turned true: nothing written, the work kept
  size_t briefed = 0;                   // interrupted: stories briefed and kept so far
  std::string checkpoint;               // OUTPUT.partial (empty without an output)
  std::string index;                    // a folder output: its index.html
  std::string markdown;                 // without an output: the Markdown digest
  std::vector<Diagnostic> diagnostics;  // inputs skipped or damaged (the rest went in)
};

// Reads `inputs`, clusters them into stories, ranks and briefs every story,
// and writes the digest to `output`: a folder (index.html, digest.md,
// stories.jsonl, stories/<id>.html; replaced whole), a .md or .jsonl file,
// or nothing (the Markdown comes back in the report). Resumable: the work
// is kept in OUTPUT.partial/ as it is done, an interrupted run (`stop`, a
// crash) leaves OUTPUT as it was, and the same call resumes, re-briefing
// only the stories whose articles or settings changed. Errors: a bad option
// (kInvalidArgument), no article read (kEmptyInput or the reading error),
// the output or its checkpoint not writable (kIoError and others).
Result<DigestReport> RunDigest(const std::vector<Input>& inputs, const std::string& output,
                               const DigestRunOptions& options);

}  // namespace dossier

#endif  // DOSSIER_DIGEST_H_
