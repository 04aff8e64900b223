// What an interrupted `dossier digest` leaves for the next run to resume.
//
//   Result<std::unique_ptr<DigestCheckpoint>> cp = DigestCheckpoint::Open("out", true, false);
//   if (const SavedStory* s = (*cp)->Find(key)) { ...reuse... }
//   else { ...brief, write the page under (*cp)->out_dir()... (*cp)->Append(saved); }
//   ... PublishDirectory((*cp)->out_dir(), "out"); (*cp)->Remove();
//
// The checkpoint is the folder "<output>.partial/":
//   checkpoint     a marker: a folder without it is never written to or removed
//   lock           flock()ed while a digest runs: a second run on the same
//                  output stops with an error instead of mixing files
//   journal.jsonl  one line per briefed story, {"key","title","lead","md","brief"},
//                  appended (and flushed) as each story is done; a torn last line
//                  (a killed process) is ignored
//   out/           for a folder output: the folder being built, published whole
//                  at the end (story pages are written there before their line)
// A story is reused only when its key matches: a hash of the settings that shape a
// briefing, the story's id and its articles' ids and texts. Changed inputs or
// settings therefore re-brief exactly the stories they touch.
#ifndef DOSSIER_CORPUS_DIGEST_CHECKPOINT_H_
#define DOSSIER_CORPUS_DIGEST_CHECKPOINT_H_

#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "dossier/status.h"

namespace dossier {

struct SavedStory {
  std::string key;    // 32 hex digits
  std::string title;  // the story's headline
  std::string lead;   // the summary's opening
  std::string md;     // the briefing's Markdown, nested for the digest
  std::string brief;  // the briefing's JSON
};

class DigestCheckpoint {
 public:
  // Opens (creating it when absent) "<output>.partial/" and takes its lock.
  // `restart` discards what an earlier run left. Fails when the folder exists
  // but is not a checkpoint, or another run holds the lock.
  static Result<std::unique_ptr<DigestCheckpoint>> Open(const std::string& output,
                                                        bool folder_output, bool restart);
  ~DigestCheckpoint();

  const std::string& dir() const { return dir_; }
  // The folder being built (folder outputs only).
  std::string out_dir() const { return dir_ + "/out"; }
  // Stories the journal holds.
  size_t saved() const { return saved_.size(); }

  // The saved story with `key`, or null.
  const SavedStory* Find(const std::string& key) const;

  // Appends one story to the journal and flushes it. Thread-safe.
  Status Append(const SavedStory& story);

  // Removes the whole checkpoint (after the output was published).
  Status Remove();

 private:
  DigestCheckpoint() = default;

  std::string dir_;
  int lock_fd_ = -1;
  std::FILE* journal_ = nullptr;
  std::mutex mu_;
  std::unordered_map<std::string, SavedStory> saved_;
};

// Hex digits of a 128-bit key built from two 64-bit hashes of `bytes`.
std::string StoryKey(std::string_view bytes);

}  // namespace dossier

#endif  // DOSSIER_CORPUS_DIGEST_CHECKPOINT_H_
