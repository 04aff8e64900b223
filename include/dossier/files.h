// File input and output: whole-file reads (gzip transparently), and
// atomic writes (temporary file + rename, so readers never see half a file).
#ifndef DOSSIER_FILES_H_
#define DOSSIER_FILES_H_

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

#include "dossier/status.h"

namespace dossier {

struct FileContents {
  std::string bytes;  // decompressed when the file was gzip
  bool gzip = false;
  Status warning;  // e.g. a truncated gzip stream: bytes holds what was read
};

// Reads `path` ("-" is standard input). Gzip data (by magic number) is
// decompressed. Fails when the result would exceed max_bytes.
Result<FileContents> ReadInputFile(const std::string& path, uint64_t max_bytes);

// Decompresses gzip `data`; sets *warning on a truncated or corrupt stream
// and returns what could be decompressed.
Result<std::string> Gunzip(std::string_view data, const std::string& name, uint64_t max_bytes,
                           Status* warning);

// Writes `content` to `path` atomically: a temporary file in the same folder
// is written, flushed to disk (unless !sync: for files in a staging folder
// that PublishDirectory flushes at once) and renamed over `path`, and the
// folder flushed so the rename survives a power cut. If anything fails the
// temporary file is removed and `path` is as it was; a process killed
// mid-write leaves at most a stray "<path>.tmp.<pid>.<n>" beside it.
Status WriteFileAtomic(const std::string& path, std::string_view content, bool sync = true);

// The same, written piece by piece (an output too large to hold in memory):
//   AtomicFileWriter out;
//   if (Status s = out.Open(path); !s.ok()) ...
//   out.Write(line); ...                  // errors are kept for Commit
//   if (Status s = out.Commit(); !s.ok()) ...
// Until Commit succeeds `path` is untouched; a writer destroyed without a
// successful Commit removes its temporary file.
class AtomicFileWriter {
 public:
  AtomicFileWriter() = default;
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  Status Open(const std::string& path, bool sync = true);
  void Write(std::string_view bytes);
  // Flushes, renames the temporary file over `path` and flushes the folder.
  Status Commit();

 private:
  std::string path_, tmp_;
  int fd_ = -1;
  bool sync_ = true;
  Status error_;
};

// Puts the finished folder `staging` in place of `target` in one step: the
// files under `staging` are flushed to disk, then `staging` is renamed to
// `target`, or, when `target` exists, the two are exchanged atomically
// (renameat2 RENAME_EXCHANGE) and the old tree is removed. Readers see the
// old folder or the new one, never a mix. Both must be on one file system.
Status PublishDirectory(const std::string& staging, const std::string& target);

}  // namespace dossier

#endif  // DOSSIER_FILES_H_
