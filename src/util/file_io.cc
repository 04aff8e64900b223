#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <random>

#include "dossier/files.h"

namespace dossier {
namespace {

std::string ErrnoText(int err) { return std::strerror(err); }

Status ReadAllFd(int fd, const std::string& name, uint64_t max_bytes, std::string* out) {
  char buf[1 << 16];
  while (true) {
    ssize_t got = ::read(fd, buf, sizeof(buf));
    if (got < 0) {
      if (errno == EINTR) continue;
      return Status(StatusCode::kIoError, "read failed: " + ErrnoText(errno), name, out->size());
    }
    if (got == 0) break;
    if (out->size() + static_cast<uint64_t>(got) > max_bytes) {
      return Status(StatusCode::kResourceExhausted,
                    "input larger than the limit of " + std::to_string(max_bytes) +
                        " bytes (see --max-input-bytes)",
                    name);
    }
    out->append(buf, static_cast<size_t>(got));
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> Gunzip(std::string_view data, const std::string& name, uint64_t max_bytes,
                           Status* warning) {
  std::string out;
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) {
    return Status(StatusCode::kInternal, "zlib initialisation failed", name);
  }
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  char buf[1 << 16];
  int rc = Z_OK;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    rc = inflate(&zs, Z_NO_FLUSH);
    size_t produced = sizeof(buf) - zs.avail_out;
    if (out.size() + produced > max_bytes) {
      inflateEnd(&zs);
      return Status(StatusCode::kResourceExhausted,
                    "decompressed input larger than the limit of " + std::to_string(max_bytes) +
                        " bytes (see --max-input-bytes)",
                    name);
    }
    out.append(buf, produced);
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members: continue with the next one.
      if (zs.avail_in > 0) {
        inflateReset(&zs);
        continue;
      }
      break;
    }
    if (rc != Z_OK) {
      if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
        *warning = Status(StatusCode::kInvalidInput,
                          "truncated gzip stream; using the " + std::to_string(out.size()) +
                              " bytes read before the end",
                          name, data.size());
      } else {
        *warning =
            Status(StatusCode::kInvalidInput,
                   std::string("corrupt gzip stream (") + (zs.msg ? zs.msg : "zlib error") +
                       "); using the " + std::to_string(out.size()) + " bytes read before it",
                   name, zs.total_in);
      }
      break;
    }
  }
  inflateEnd(&zs);
  return out;
}

Result<FileContents> ReadInputFile(const std::string& path, uint64_t max_bytes) {
  FileContents contents;
  const bool is_stdin = path == "-";
  const std::string name = is_stdin ? "<stdin>" : path;
  std::string raw;
  if (is_stdin) {
    Status s = ReadAllFd(0, name, max_bytes, &raw);
    if (!s.ok()) return s;
  } else {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      int err = errno;
      return Status(err == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError,
                    "cannot open: " + ErrnoText(err), name);
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0) {
      if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        return Status(StatusCode::kInvalidInput, "is a directory", name);
      }
      if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > max_bytes) {
        ::close(fd);
        return Status(StatusCode::kResourceExhausted,
                      "file of " + std::to_string(st.st_size) +
                          " bytes is larger than the limit of " + std::to_string(max_bytes) +
                          " bytes (see --max-input-bytes)",
                      name);
      }
      if (S_ISREG(st.st_mode)) raw.reserve(static_cast<size_t>(st.st_size));
    }
    Status s = ReadAllFd(fd, name, max_bytes, &raw);
    ::close(fd);
    if (!s.ok()) return s;
  }
  if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0x1F &&
      static_cast<unsigned char>(raw[1]) == 0x8B) {
    Result<std::string> un = Gunzip(raw, name, max_bytes, &contents.warning);
    if (!un.ok()) return un.status();
    contents.bytes = std::move(*un);
    contents.gzip = true;
  } else {
    contents.bytes = std::move(raw);
  }
  return contents;
}

Status WriteFileAtomic(const std::string& path, std::string_view content, bool sync) {
  AtomicFileWriter out;
  if (Status s = out.Open(path, sync); !s.ok()) return s;
  out.Write(content);
  return out.Commit();
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
}

Status AtomicFileWriter::Open(const std::string& path, bool sync) {
  std::random_device rd;
  path_ = path;
  sync_ = sync;
  std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(rd());
  fd_ = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    const int error = errno;
    // Name what the user gave (the output), not the temporary file beside it.
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    struct stat st;
    if (error == ENOENT && ::stat(folder.c_str(), &st) != 0) {
      return Status(StatusCode::kIoError,
                    "cannot write it: the folder " + folder + " does not exist", path);
    }
    if (error == ENOTDIR || (::stat(folder.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))) {
      return Status(StatusCode::kIoError, "cannot write it: " + folder + " is not a folder", path);
    }
    return Status(StatusCode::kIoError, "cannot write it: " + ErrnoText(error), path);
  }
  tmp_ = std::move(tmp);
  return Status::Ok();
}

void AtomicFileWriter::Write(std::string_view bytes) {
  if (fd_ < 0 || !error_.ok()) return;
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t w = ::write(fd_, bytes.data() + done, bytes.size() - done);
    if (w < 0) {
      if (errno == EINTR) continue;
      error_ = Status(StatusCode::kIoError, "write failed: " + ErrnoText(errno), path_);
      return;
    }
    done += static_cast<size_t>(w);
  }
}

Status AtomicFileWriter::Commit() {
  if (fd_ < 0) return Status(StatusCode::kIoError, "not open for writing", path_);
  if (!error_.ok()) return error_;
  const int fd = fd_;
  fd_ = -1;
  const int synced = sync_ ? ::fsync(fd) : 0;
  const int sync_errno = errno;
  if (::close(fd) != 0 || synced != 0) {
    return Status(StatusCode::kIoError,
                  "cannot flush: " + ErrnoText(synced != 0 ? sync_errno : errno), path_);
  }
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
    return Status(StatusCode::kIoError, "cannot rename into place: " + ErrnoText(errno), path_);
  }
  tmp_.clear();
  if (sync_) {
    // The rename itself is durable once the folder is flushed.
    const size_t slash = path_.rfind('/');
    const std::string dir = slash == std::string::npos ? "."
                            : slash == 0               ? "/"
                                                       : path_.substr(0, slash);
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      ::fsync(dfd);
      ::close(dfd);
    }
  }
  return Status::Ok();
}

Status PublishDirectory(const std::string& staging, const std::string& target) {
  int dir = ::open(staging.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return Status(StatusCode::kIoError, "cannot open: " + ErrnoText(errno), staging);
  const bool synced = ::syncfs(dir) == 0;
  const int sync_err = errno;
  ::close(dir);
  if (!synced) return Status(StatusCode::kIoError, "cannot flush: " + ErrnoText(sync_err), staging);
  struct stat st {};
  if (::lstat(target.c_str(), &st) != 0) {
    if (::rename(staging.c_str(), target.c_str()) != 0) {
      return Status(StatusCode::kIoError, "cannot rename into place: " + ErrnoText(errno), target);
    }
    return Status::Ok();
  }
  if (!S_ISDIR(st.st_mode)) {
    return Status(StatusCode::kIoError, "exists and is not a folder", target);
  }
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0) {
    return Status(StatusCode::kIoError, "cannot exchange with the new folder: " + ErrnoText(errno),
                  target);
  }
  std::error_code ec;
  std::filesystem::remove_all(staging, ec);  // the old tree; failure leaves only litter
  return Status::Ok();
}

}  // namespace dossier
