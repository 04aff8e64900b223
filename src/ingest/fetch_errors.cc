// Words for failed fetches: curl's results and HTTP statuses (ingest/fetch.h).
#include <curl/curl.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "ingest/fetch.h"

namespace dossier {
namespace {

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%g s", s);
  return buf;
}

// " (detail)" when curl left words in its error buffer.
std::string Detail(const FetchFailure& f) { return f.detail.empty() ? "" : " (" + f.detail + ")"; }

bool IsTlsError(int code) {
  switch (code) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
      return true;
    default:
      return false;
  }
}

std::string TimeoutMessage(const FetchFailure& f, const FetchOptions& options) {
  // Within a tenth of a second of the whole-transfer limit: that limit fired.
  if (options.timeout_seconds > 0 && f.elapsed_seconds + 0.1 >= options.timeout_seconds) {
    return "timed out: no complete answer within " + Seconds(options.timeout_seconds);
  }
  if (!f.connected) {
    return "timed out connecting (no connection within " +
           Seconds(options.connect_timeout_seconds) + ")";
  }
  return "timed out: slower than " + std::to_string(options.low_speed_bytes) + " bytes/s for " +
         std::to_string(options.low_speed_seconds) + " s";
}

std::string ConnectMessage(const FetchFailure& f) {
  if (f.os_errno == 0 || f.os_errno == ECONNREFUSED) return "connection refused";
  return std::string("cannot connect: ") + std::strerror(f.os_errno);
}

const char* StandardReason(long status) {
  switch (status) {
    case 300:
      return "Multiple Choices";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 402:
      return "Payment Required";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 408:
      return "Request Timeout";
    case 410:
      return "Gone";
    case 429:
      return "Too Many Requests";
    case 451:
      return "Unavailable For Legal Reasons";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "";
  }
}

}  // namespace

std::string FormatByteSize(uint64_t bytes) {
  if (bytes != 0 && bytes % (uint64_t{1} << 30) == 0) {
    return std::to_string(bytes >> 30) + " GiB";
  }
  if (bytes != 0 && bytes % (uint64_t{1} << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  if (bytes != 0 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

Status DescribeFetchFailure(const std::string& url, const FetchFailure& f,
                            const FetchOptions& options) {
  auto fail = [&url](StatusCode code, std::string message) {
    return Status(code, std::move(message), url);
  };
  if (f.too_large || f.curl_code == CURLE_FILESIZE_EXCEEDED) {
    return fail(StatusCode::kResourceExhausted, "larger than " + FormatByteSize(options.max_bytes));
  }
  if (IsTlsError(f.curl_code)) {
    const char* what = f.curl_code == CURLE_PEER_FAILED_VERIFICATION
                           ? "TLS error: the server's certificate cannot be verified"
                           : "TLS error";
    return fail(StatusCode::kIoError, what + Detail(f));
  }
  switch (f.curl_code) {
    case CURLE_COULDNT_RESOLVE_HOST:
      return fail(StatusCode::kIoError, "cannot resolve host " + f.host);
    case CURLE_COULDNT_RESOLVE_PROXY:
      return fail(StatusCode::kIoError, "cannot resolve the proxy" + Detail(f));
    case CURLE_COULDNT_CONNECT:
      return fail(StatusCode::kIoError, ConnectMessage(f));
    case CURLE_OPERATION_TIMEDOUT:
      return fail(StatusCode::kIoError, TimeoutMessage(f, options));
    case CURLE_TOO_MANY_REDIRECTS:
      return fail(StatusCode::kInvalidInput,
                  "too many redirects (" + std::to_string(options.max_redirects) + ")");
    case CURLE_UNSUPPORTED_PROTOCOL:
      if (f.redirect_target.empty()) {
        return fail(StatusCode::kInvalidArgument, "only http and https are fetched");
      }
      return fail(StatusCode::kInvalidInput,
                  "redirect to " + f.redirect_target + " refused: only http and https are fetched");
    case CURLE_URL_MALFORMAT:
      if (!f.redirect_target.empty()) {
        return fail(StatusCode::kInvalidInput,
                    "redirect to " + f.redirect_target + " refused: not a valid web address");
      }
      return fail(StatusCode::kInvalidArgument, "not a valid web address" + Detail(f));
    case CURLE_GOT_NOTHING:
      return fail(StatusCode::kIoError, "the server closed the connection without answering");
    case CURLE_PARTIAL_FILE:
      return fail(StatusCode::kIoError, "the body was cut short" + Detail(f));
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
      return fail(StatusCode::kIoError, "connection broken" + Detail(f));
    case CURLE_BAD_CONTENT_ENCODING:
      return fail(StatusCode::kInvalidInput, "the body cannot be decoded" + Detail(f));
    case CURLE_WEIRD_SERVER_REPLY:
      return fail(StatusCode::kInvalidInput, "not an HTTP answer" + Detail(f));
    case CURLE_OUT_OF_MEMORY:
      return fail(StatusCode::kResourceExhausted, "out of memory");
    case CURLE_ABORTED_BY_CALLBACK:
      return fail(StatusCode::kIoError, "stopped");
    default:
      return fail(StatusCode::kIoError,
                  std::string(curl_easy_strerror(static_cast<CURLcode>(f.curl_code))) + Detail(f));
  }
}

Status DescribeHttpStatus(const std::string& url, long http_status, std::string_view reason) {
  std::string message = "HTTP " + std::to_string(http_status);
  const std::string_view words = reason.empty() ? StandardReason(http_status) : reason;
  if (!words.empty()) message += " " + std::string(words);
  if (http_status >= 300 && http_status < 400) message += " without a Location to follow";
  const bool gone = http_status == 404 || http_status == 410;
  return Status(gone ? StatusCode::kNotFound : StatusCode::kIoError, std::move(message), url);
}

}  // namespace dossier
