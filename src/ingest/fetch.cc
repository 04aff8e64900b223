#include "ingest/fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>

#include "dossier/version.h"
#include "ingest/fetch_cache.h"
#include "util/strings.h"

namespace dossier {
namespace {

// curl_global_init is not thread-safe and must run once, before any handle.
CURLcode InitCurlOnce() {
  static std::once_flag once;
  static CURLcode result = CURLE_OK;
  std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  return result;
}

// One address in flight: its easy handle, the answer being received and how
// it got there.
struct Transfer {
  const FetchOptions* options = nullptr;
  size_t index = 0;
  CURL* easy = nullptr;
  Fetched result;
  std::string current;       // the address of this hop
  std::string reason;        // the reason phrase of the last status line
  std::string location;      // the raw Location header of the last answer
  std::string cache_damage;  // why the cached copy was not used, if one was there
  int redirects = 0;
  double elapsed = 0;  // seconds spent, over the hops done
  bool too_large = false;
  char error[CURL_ERROR_SIZE] = {};

  ~Transfer() {
    if (easy != nullptr) curl_easy_cleanup(easy);
  }
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  std::string& body = t->result.body;
  const uint64_t needed = uint64_t{body.size()} + bytes;
  if (needed > t->options->max_bytes) {
    t->too_large = true;
    return 0;  // anything but `bytes` aborts the transfer (CURLE_WRITE_ERROR)
  }
  if (needed > body.capacity()) {  // doubling, but never past the limit
    body.reserve(static_cast<size_t>(std::min<uint64_t>(
        t->options->max_bytes, std::max<uint64_t>(needed, 2 * body.capacity()))));
  }
  body.append(data, bytes);
  return bytes;
}

// Headers come a line at a time, for every answer (redirects, 100 Continue).
size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  std::string_view line = TrimWhitespace(std::string_view(data, bytes));
  if (StartsWith(line, "HTTP/")) {  // "HTTP/1.1 404 Not Found": a new answer
    const size_t code = line.find(' ');
    const size_t words = code == std::string_view::npos ? code : line.find(' ', code + 1);
    t->reason = words == std::string_view::npos ? "" : TrimWhitespace(line.substr(words + 1));
    t->location.clear();
    t->result.last_modified.clear();
    return bytes;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  const std::string_view name = TrimWhitespace(line.substr(0, colon));
  const std::string_view value = TrimWhitespace(line.substr(colon + 1));
  if (EqualsIgnoreAsciiCase(name, "Location")) t->location = value;
  if (EqualsIgnoreAsciiCase(name, "Last-Modified")) t->result.last_modified = value;
  return bytes;
}

// Curl's milliseconds for a limit in seconds; 0 (no limit) for none (<= 0)
// or one too large to count.
long Milliseconds(double seconds) {
  const double ms = std::ceil(seconds * 1000);
  if (!(ms > 0) || ms >= static_cast<double>(std::numeric_limits<long>::max())) return 0;
  return static_cast<long>(ms);
}

// The options every hop shares; false when curl refuses one (an old libcurl).
bool ConfigureEasy(Transfer* t, const std::string& user_agent) {
  const FetchOptions& o = *t->options;
  CURL* e = t->easy;
  const curl_off_t max_size = o.max_bytes > uint64_t{std::numeric_limits<curl_off_t>::max()}
                                  ? std::numeric_limits<curl_off_t>::max()
                                  : static_cast<curl_off_t>(o.max_bytes);
  bool ok = curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK &&
            curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") == CURLE_OK;
  curl_easy_setopt(e, CURLOPT_PRIVATE, t);
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);   // followed here, one hop at a time
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every decoder curl has
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, Milliseconds(o.connect_timeout_seconds));
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, o.low_speed_bytes);
  curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, o.low_speed_seconds);
  curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, max_size);  // refuses a Content-Length over it
  curl_easy_setopt(e, CURLOPT_USERAGENT, user_agent.c_str());
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM: safe in threads
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
  return ok;
}

// Starts the hop to t->current with what is left of the whole-fetch time.
bool StartHop(Transfer* t, CURLM* multi) {
  t->result.body.clear();
  t->reason.clear();
  t->location.clear();
  t->result.last_modified.clear();
  t->error[0] = '\0';
  const double limit = t->options->timeout_seconds;
  const double left = limit > 0 ? std::max(0.001, limit - t->elapsed) : 0;  // 0: none
  curl_easy_setopt(t->easy, CURLOPT_URL, t->current.c_str());
  curl_easy_setopt(t->easy, CURLOPT_TIMEOUT_MS, Milliseconds(left));
  return curl_multi_add_handle(multi, t->easy) == CURLM_OK;
}

std::string HostOf(std::string_view url) {
  size_t begin = url.find("://");
  begin = begin == std::string_view::npos ? 0 : begin + 3;
  std::string_view rest = url.substr(begin);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  if (!rest.empty() && rest[0] == '[') return std::string(rest.substr(0, rest.find(']') + 1));
  return std::string(rest.substr(0, rest.find(':')));
}

// The scheme of a Location value ("javascript" of "javascript:..."), lower
// case; empty for a relative reference.
std::string SchemeOf(std::string_view location) {
  size_t i = 0;
  while (i < location.size() &&
         (IsAsciiAlpha(location[i]) || (i > 0 && (IsAsciiDigit(location[i]) || location[i] == '+' ||
                                                  location[i] == '-' || location[i] == '.')))) {
    ++i;
  }
  if (i == 0 || i >= location.size() || location[i] != ':') return "";
  return AsciiLower(location.substr(0, i));
}

void Fail(Transfer* t, FetchFailure failure) {
  failure.host = HostOf(t->current);
  failure.detail = t->error;
  failure.too_large = failure.too_large || t->too_large;
  failure.elapsed_seconds = t->elapsed;
  Status s = DescribeFetchFailure(t->result.url, failure, *t->options);
  if (!t->cache_damage.empty()) {
    s = Status(s.code(), s.message() + "; " + t->cache_damage, s.input());
  }
  t->result.status = std::move(s);
  t->result.body.clear();
}

// After a 3xx with a Location: true when the next hop is set up in
// t->current, false when the redirect is refused (t->result says why).
bool FollowRedirect(Transfer* t) {
  char* resolved = nullptr;
  curl_easy_getinfo(t->easy, CURLINFO_REDIRECT_URL, &resolved);
  const std::string scheme = SchemeOf(t->location);
  FetchFailure refused;
  refused.connected = true;
  if (!scheme.empty() && scheme != "http" && scheme != "https") {
    refused.curl_code = CURLE_UNSUPPORTED_PROTOCOL;
    refused.redirect_target = t->location;
  } else if (resolved == nullptr) {  // curl could not make an address of it
    refused.curl_code = CURLE_URL_MALFORMAT;
    refused.redirect_target = t->location;
  } else if (!IsWebAddress(resolved)) {
    refused.curl_code = CURLE_UNSUPPORTED_PROTOCOL;
    refused.redirect_target = resolved;
  } else if (t->redirects >= t->options->max_redirects) {
    refused.curl_code = CURLE_TOO_MANY_REDIRECTS;
  } else {
    ++t->redirects;
    t->current = resolved;
    return true;
  }
  t->error[0] = '\0';
  Fail(t, refused);
  return false;
}

// A hop has ended with `code`: true when it led to another hop (set up in
// t->current), false when t->result is final.
bool EndHop(Transfer* t, CURLcode code) {
  CURL* e = t->easy;
  double hop_seconds = 0;
  curl_easy_getinfo(e, CURLINFO_TOTAL_TIME, &hop_seconds);
  t->elapsed += hop_seconds;
  curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &t->result.http_status);
  char* effective = nullptr;
  curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &effective);
  t->result.final_url = effective != nullptr ? effective : t->current;
  if (code != CURLE_OK) {
    FetchFailure failure;
    failure.curl_code = code;
    long os_errno = 0;
    curl_easy_getinfo(e, CURLINFO_OS_ERRNO, &os_errno);
    failure.os_errno = static_cast<int>(os_errno);
    curl_off_t connect = 0, tls = 0;
    curl_easy_getinfo(e, CURLINFO_CONNECT_TIME_T, &connect);
    curl_easy_getinfo(e, CURLINFO_APPCONNECT_TIME_T, &tls);
    const bool https = StartsWith(AsciiLower(t->result.final_url), "https:");
    failure.connected = https ? tls > 0 : connect > 0;
    if (code == CURLE_URL_MALFORMAT && t->redirects > 0) {
      failure.redirect_target = t->current;  // a Location curl passed on but cannot parse
    }
    Fail(t, failure);
    return false;
  }
  const long status = t->result.http_status;
  if (status >= 300 && status < 400 && !t->location.empty()) return FollowRedirect(t);
  if (status < 200 || status >= 300) {
    t->result.status = DescribeHttpStatus(t->result.url, status, t->reason);
    if (!t->cache_damage.empty()) {
      const Status& s = t->result.status;
      t->result.status = Status(s.code(), s.message() + "; " + t->cache_damage, s.input());
    }
    t->result.body.clear();
    return false;
  }
  char* type = nullptr;
  curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &type);
  t->result.content_type = type != nullptr ? type : "";
  t->result.charset = CharsetOfContentType(t->result.content_type);
  t->result.status = Status::Ok();
  return false;
}

// FetchAll's state: the results in input order and the transfers in flight.
class Fetcher {
 public:
  Fetcher(const std::vector<std::string>& urls, const FetchOptions& options)
      : urls_(urls),
        options_(options),
        user_agent_(options.user_agent.empty() ? DefaultUserAgent() : options.user_agent),
        done_(urls.size()) {}
  ~Fetcher() {
    for (auto& t : active_) curl_multi_remove_handle(multi_, t->easy);
    active_.clear();
    if (multi_ != nullptr) curl_multi_cleanup(multi_);
  }

  void Run(const std::function<void(Fetched&&)>& sink);

 private:
  bool Stopped() const { return options_.stop != nullptr && options_.stop->load(); }
  void Begin(size_t index);
  void Finish(Transfer* t);
  // Handles the transfers curl reports finished; false when there were none.
  bool Drain();

  const std::vector<std::string>& urls_;
  const FetchOptions& options_;
  const std::string user_agent_;
  CURLM* multi_ = nullptr;
  std::vector<std::optional<Fetched>> done_;
  std::vector<std::unique_ptr<Transfer>> active_;
};

// Starts `index`: a result at once (not a web address, from the cache, curl
// failing) or a transfer.
void Fetcher::Begin(size_t index) {
  Fetched out;
  out.url = urls_[index];
  if (!IsWebAddress(out.url)) {
    out.status = Status(StatusCode::kInvalidArgument,
                        "not a web address: only http:// and https:// are fetched", out.url);
    done_[index] = std::move(out);
    return;
  }
  auto t = std::make_unique<Transfer>();
  if (!options_.cache_dir.empty()) {
    CacheLookup hit = LookUpFetchCache(options_.cache_dir, out.url, options_.max_bytes);
    if (hit.page) {
      done_[index] = std::move(*hit.page);
      return;
    }
    t->cache_damage = std::move(hit.damage);
  }
  t->options = &options_;
  t->index = index;
  t->current = out.url;
  t->result = std::move(out);
  t->easy = curl_easy_init();
  if (t->easy == nullptr || !ConfigureEasy(t.get(), user_agent_) || !StartHop(t.get(), multi_)) {
    t->result.status =
        Status(StatusCode::kInternal, "cannot set up a curl transfer", t->result.url);
    done_[index] = std::move(t->result);
    return;
  }
  active_.push_back(std::move(t));
}

void Fetcher::Finish(Transfer* t) {
  if (t->result.status.ok() && !options_.cache_dir.empty()) {
    t->result.cache_warning = StoreInFetchCache(options_.cache_dir, t->result);
  }
  done_[t->index] = std::move(t->result);
  auto it = std::find_if(active_.begin(), active_.end(), [t](auto& a) { return a.get() == t; });
  active_.erase(it);
}

bool Fetcher::Drain() {
  bool any = false;
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    Transfer* t = nullptr;
    curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
    const CURLcode code = msg->data.result;  // msg is invalid once the handle is removed
    curl_multi_remove_handle(multi_, t->easy);
    if (EndHop(t, code)) {
      if (StartHop(t, multi_)) continue;  // the next hop is running
      t->result.status =
          Status(StatusCode::kInternal, "cannot restart a curl transfer", t->result.url);
    }
    Finish(t);
    any = true;
  }
  return any;
}

void Fetcher::Run(const std::function<void(Fetched&&)>& sink) {
  const size_t n = urls_.size();
  const size_t parallel = static_cast<size_t>(std::max(1, options_.parallel));
  const size_t window = 4 * parallel;  // results in flight or waiting, at most
  if (InitCurlOnce() == CURLE_OK) multi_ = curl_multi_init();
  size_t next_start = 0, next_deliver = 0;
  while (next_deliver < n) {
    if (done_[next_deliver]) {
      sink(std::move(*done_[next_deliver]));
      done_[next_deliver++].reset();
      continue;
    }
    if (Stopped()) return;
    if (multi_ == nullptr) {  // curl cannot start: every address says so
      Fetched f;
      f.url = urls_[next_deliver];
      f.status = Status(StatusCode::kInternal, "cannot initialize libcurl", f.url);
      done_[next_deliver] = std::move(f);
      continue;
    }
    while (next_start < n && active_.size() < parallel && next_start < next_deliver + window) {
      Begin(next_start++);
    }
    if (active_.empty()) continue;
    int running = 0;
    curl_multi_perform(multi_, &running);
    // Waits for the network only when nothing finished (a finished transfer
    // may be delivered, and leaves room for the next one).
    if (!Drain()) curl_multi_poll(multi_, nullptr, 0, 100, nullptr);
  }
}

}  // namespace

bool IsWebAddress(std::string_view s) {
  return (s.size() > 7 && EqualsIgnoreAsciiCase(s.substr(0, 7), "http://")) ||
         (s.size() > 8 && EqualsIgnoreAsciiCase(s.substr(0, 8), "https://"));
}

std::string DefaultUserAgent() {
  return std::string("dossier/") + Version() + " (news briefing engine)";
}

std::string CharsetOfContentType(std::string_view content_type) {
  size_t pos = content_type.find(';');
  while (pos != std::string_view::npos) {
    std::string_view param = content_type.substr(pos + 1);
    const size_t end = param.find(';');
    pos = end == std::string_view::npos ? end : pos + 1 + end;
    param = TrimWhitespace(param.substr(0, end));
    const size_t eq = param.find('=');
    if (eq == std::string_view::npos ||
        !EqualsIgnoreAsciiCase(TrimWhitespace(param.substr(0, eq)), "charset")) {
      continue;
    }
    std::string_view value = TrimWhitespace(param.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return AsciiLower(TrimWhitespace(value));
  }
  return "";
}

void FetchAll(const std::vector<std::string>& urls, const FetchOptions& options,
              const std::function<void(Fetched&&)>& sink) {
  Fetcher fetcher(urls, options);
  fetcher.Run(sink);
}

}  // namespace dossier
