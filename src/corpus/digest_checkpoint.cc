#include "corpus/digest_checkpoint.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "dossier/files.h"
#include "util/hash.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

constexpr char kMarker[] = "dossier digest checkpoint: resumed by running the same command again\n";

std::string Field(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string StoryKey(std::string_view bytes) {
  char hex[33];
  std::snprintf(hex, sizeof(hex), "%016llx%016llx",
                static_cast<unsigned long long>(HashBytes(bytes, 1)),
                static_cast<unsigned long long>(HashBytes(bytes, 2)));
  return hex;
}

Result<std::unique_ptr<DigestCheckpoint>> DigestCheckpoint::Open(const std::string& output,
                                                                 bool folder_output, bool restart) {
  std::unique_ptr<DigestCheckpoint> cp(new DigestCheckpoint());
  cp->dir_ = output + ".partial";
  const std::string marker = cp->dir_ + "/checkpoint";
  const std::string journal = cp->dir_ + "/journal.jsonl";
  std::error_code ec;
  if (fs::exists(cp->dir_, ec) && !fs::exists(marker, ec)) {
    return Status(StatusCode::kIoError,
                  "exists but is not a dossier digest checkpoint; move it away or remove it",
                  cp->dir_);
  }
  fs::create_directories(cp->dir_, ec);
  if (ec) {
    return Status(StatusCode::kIoError, "cannot create the checkpoint folder: " + ec.message(),
                  cp->dir_);
  }
  const std::string lock = cp->dir_ + "/lock";
  cp->lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (cp->lock_fd_ < 0) {
    return Status(StatusCode::kIoError, std::string("cannot open: ") + std::strerror(errno), lock);
  }
  if (::flock(cp->lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    return Status(StatusCode::kIoError,
                  errno == EWOULDBLOCK
                      ? "another dossier digest is writing this output (" + lock + " is locked)"
                      : std::string("cannot lock: ") + std::strerror(errno),
                  output);
  }
  if (restart) {
    fs::remove(journal, ec);
    fs::remove_all(cp->out_dir(), ec);
  }
  if (!fs::exists(marker, ec)) {
    Status w = WriteFileAtomic(marker, kMarker, /*sync=*/false);
    if (!w.ok()) return w;
  }
  // What an earlier run saved; a line it could not finish is skipped.
  if (std::ifstream in(journal, std::ios::binary); in) {
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object()) continue;
      SavedStory s{Field(j, "key"), Field(j, "title"), Field(j, "lead"), Field(j, "md"),
                   Field(j, "brief")};
      if (s.key.size() != 32 || s.brief.empty()) continue;
      std::string key = s.key;
      cp->saved_[key] = std::move(s);
    }
  }
  cp->journal_ = std::fopen(journal.c_str(), "ab");
  if (cp->journal_ == nullptr) {
    return Status(StatusCode::kIoError, std::string("cannot open: ") + std::strerror(errno),
                  journal);
  }
  if (folder_output) {
    fs::create_directories(fs::path(cp->out_dir()) / "stories", ec);
    if (ec) {
      return Status(StatusCode::kIoError, "cannot create the output folder: " + ec.message(),
                    cp->out_dir());
    }
  }
  return cp;
}

DigestCheckpoint::~DigestCheckpoint() {
  if (journal_ != nullptr) std::fclose(journal_);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

const SavedStory* DigestCheckpoint::Find(const std::string& key) const {
  auto it = saved_.find(key);
  return it == saved_.end() ? nullptr : &it->second;
}

Status DigestCheckpoint::Append(const SavedStory& story) {
  nlohmann::json j = {{"key", story.key},
                      {"title", story.title},
                      {"lead", story.lead},
                      {"md", story.md},
                      {"brief", story.brief}};
  std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  line += '\n';
  std::lock_guard<std::mutex> lock(mu_);
  if (std::fwrite(line.data(), 1, line.size(), journal_) != line.size() ||
      std::fflush(journal_) != 0) {
    return Status(StatusCode::kIoError, std::string("write failed: ") + std::strerror(errno),
                  dir_ + "/journal.jsonl");
  }
  return Status::Ok();
}

Status DigestCheckpoint::Remove() {
  if (journal_ != nullptr) std::fclose(journal_);
  journal_ = nullptr;
  std::error_code ec;
  fs::remove_all(dir_, ec);
  if (lock_fd_ >= 0) ::close(lock_fd_);
  lock_fd_ = -1;
  if (ec) return Status(StatusCode::kIoError, "cannot remove: " + ec.message(), dir_);
  return Status::Ok();
}

}  // namespace dossier
