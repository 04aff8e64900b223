#include "ingest/fetch_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <system_error>

#include "dossier/files.h"
#include "util/sha256.h"

namespace dossier {
namespace {

constexpr int kCacheFormat = 1;

std::string Hex(const std::array<uint8_t, 32>& digest) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (uint8_t b : digest) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The whole file at `path`, raw (no gzip decoding: a body may well be gzip
// data), when it exists and holds at most max_bytes; why not otherwise.
std::optional<std::string> ReadRaw(const std::string& path, uint64_t max_bytes, std::string* why) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *why = std::strerror(errno);
    return std::nullopt;
  }
  struct stat st {};
  std::string out;
  bool ok = ::fstat(fd, &st) == 0 && static_cast<uint64_t>(st.st_size) <= max_bytes;
  if (ok) {
    out.resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    while (ok && done < out.size()) {
      const ssize_t got = ::read(fd, out.data() + done, out.size() - done);
      if (got < 0 && errno == EINTR) continue;
      ok = got > 0;
      if (ok) done += static_cast<size_t>(got);
    }
    *why = ok ? "" : "cannot be read";
  } else {
    *why = "larger than expected";
  }
  ::close(fd);
  if (!ok) return std::nullopt;
  return out;
}

std::string StringField(const nlohmann::json& meta, const char* key) {
  auto it = meta.find(key);
  return it != meta.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The page `meta` describes, or why it cannot be used.
std::optional<Fetched> PageOfMeta(const nlohmann::json& meta, const std::string& url,
                                  std::string* why) {
  auto format = meta.find("format");  // end() of anything but an object
  if (format == meta.end() || !format->is_number_integer() || format->get<int>() != kCacheFormat) {
    *why = "metadata not in the expected format";
    return std::nullopt;
  }
  if (StringField(meta, "url") != url) {
    *why = "metadata is for another address";
    return std::nullopt;
  }
  auto status = meta.find("http_status");
  auto bytes = meta.find("body_bytes");
  if (status == meta.end() || !status->is_number_integer() || bytes == meta.end() ||
      !bytes->is_number_unsigned()) {
    *why = "metadata incomplete";
    return std::nullopt;
  }
  Fetched page;
  page.url = url;
  page.final_url = StringField(meta, "final_url");
  page.http_status = status->get<long>();
  page.content_type = StringField(meta, "content_type");
  page.charset = StringField(meta, "charset");
  page.last_modified = StringField(meta, "last_modified");
  page.from_cache = true;
  return page;
}

}  // namespace

std::string FetchCacheKey(std::string_view url) { return Hex(Sha256(url)); }

CacheLookup LookUpFetchCache(const std::string& dir, const std::string& url, uint64_t max_bytes) {
  CacheLookup result;
  const std::string base = (std::filesystem::path(dir) / FetchCacheKey(url)).string();
  std::string why;
  std::optional<std::string> meta_bytes = ReadRaw(base + ".meta", uint64_t{1} << 20, &why);
  if (!meta_bytes) return result;  // no entry (or none readable): a miss
  const nlohmann::json meta = nlohmann::json::parse(*meta_bytes, nullptr, false);
  std::optional<Fetched> page = PageOfMeta(meta, url, &why);
  const uint64_t recorded = page ? meta.value("body_bytes", uint64_t{0}) : 0;
  if (page && recorded > max_bytes) return result;  // sound, but over today's limit: a miss
  std::optional<std::string> body;
  if (page) body = ReadRaw(base + ".body", recorded, &why);
  if (body && body->size() != recorded) {
    why = "body size differs from its record";
    body.reset();
  } else if (body && Hex(Sha256(*body)) != StringField(meta, "body_sha256")) {
    why = "body hash differs from its record";
    body.reset();
  }
  if (!page || !body) {
    result.damage = "cached copy unusable (" + why + ")";
    return result;
  }
  page->body = std::move(*body);
  result.page = std::move(page);
  return result;
}

Status StoreInFetchCache(const std::string& dir, const Fetched& page) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return Status(StatusCode::kIoError, "cannot create the cache folder: " + ec.message(), dir);
  }
  const std::string base = (std::filesystem::path(dir) / FetchCacheKey(page.url)).string();
  nlohmann::json meta = {
      {"format", kCacheFormat},
      {"url", page.url},
      {"final_url", page.final_url},
      {"http_status", page.http_status},
      {"content_type", page.content_type},
      {"charset", page.charset},
      {"last_modified", page.last_modified},
      {"fetched", UtcNow()},
      {"body_bytes", static_cast<uint64_t>(page.body.size())},
      {"body_sha256", Hex(Sha256(page.body))},
  };
  // Header values may hold any bytes; the metadata must still be written.
  const std::string meta_text = meta.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (Status s = WriteFileAtomic(base + ".body", page.body, /*sync=*/false); !s.ok()) return s;
  return WriteFileAtomic(base + ".meta", meta_text + "\n", /*sync=*/false);
}

}  // namespace dossier
