#include "ingest/fetch.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "../temp_dir.h"
#include "ingest/fetch_cache.h"

#ifdef DOSSIER_HAVE_BROTLIENC
#include <brotli/encode.h>
#endif

extern char** environ;

namespace dossier {
namespace {

constexpr char kPageText[] = "Hello from the test server.";
constexpr char kLastModified[] = "Wed, 21 Oct 2015 07:28:00 GMT";

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A port on 127.0.0.1 nothing listens on: bound, then released.
int ClosedPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    return 1;  // nothing listens on port 1 either
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

// Each test gets its own tests/http/serve.py on a free port, killed after it.
class FetchTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    StartServer();
  }
  void TearDown() override {
    StopServer();
    TempDirTest::TearDown();
  }

  void StartServer() {
    int out[2];
    ASSERT_EQ(::pipe(out), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    const std::string script = std::string(DOSSIER_SOURCE_DIR) + "/tests/http/serve.py";
    const std::string dir = dir_.string();
    char* argv[] = {const_cast<char*>("/usr/bin/python3"), const_cast<char*>(script.c_str()),
                    const_cast<char*>(dir.c_str()), nullptr};
    const int spawned = posix_spawn(&pid_, argv[0], &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    ASSERT_EQ(spawned, 0) << "cannot start " << script;
    std::string line;
    pollfd p{out[0], POLLIN, 0};
    char c = 0;
    while (line.find('\n') == std::string::npos && ::poll(&p, 1, 10000) == 1 &&
           ::read(out[0], &c, 1) == 1) {
      line.push_back(c);
    }
    ::close(out[0]);
    port_ = std::atoi(line.c_str());
    ASSERT_GT(port_, 0) << "the test server printed no port: '" << line << "'";
  }

  void StopServer() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = 0;
  }

  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  // Options short enough for tests.
  static FetchOptions Quick() {
    FetchOptions o;
    o.connect_timeout_seconds = 2;
    o.timeout_seconds = 5;
    o.low_speed_seconds = 5;
    return o;
  }

  static Fetched FetchOne(const std::string& url, const FetchOptions& options) {
    std::vector<Fetched> all;
    FetchAll({url}, options, [&](Fetched&& f) { all.push_back(std::move(f)); });
    EXPECT_EQ(all.size(), 1u);
    return all.empty() ? Fetched{} : std::move(all[0]);
  }

  pid_t pid_ = 0;
  int port_ = 0;
};

// ---- The words for failures, without a network ---------------------------

TEST(FetchWordsTest, IsWebAddressTakesHttpAndHttpsInAnyCase) {
  EXPECT_TRUE(IsWebAddress("http://example.com/story"));
  EXPECT_TRUE(IsWebAddress("HTTPS://example.com"));
  EXPECT_TRUE(IsWebAddress("Http://x"));
  EXPECT_FALSE(IsWebAddress("ftp://example.com/file"));
  EXPECT_FALSE(IsWebAddress("file:///etc/hostname"));
  EXPECT_FALSE(IsWebAddress("httpx://example.com"));
  EXPECT_FALSE(IsWebAddress("http:/example.com"));
  EXPECT_FALSE(IsWebAddress("http://"));
  EXPECT_FALSE(IsWebAddress("story.html"));
  EXPECT_FALSE(IsWebAddress(""));
}

TEST(FetchWordsTest, CharsetOfContentTypeIsLowerCaseAndUnquoted) {
  EXPECT_EQ(CharsetOfContentType("text/html; charset=windows-1251"), "windows-1251");
  EXPECT_EQ(CharsetOfContentType("text/html;Charset=\"UTF-8\""), "utf-8");
  EXPECT_EQ(CharsetOfContentType("text/plain; format=flowed; charset = ISO-8859-1 "), "iso-8859-1");
  EXPECT_EQ(CharsetOfContentType("text/html"), "");
  EXPECT_EQ(CharsetOfContentType("text/html; notcharset=utf-8"), "");
  EXPECT_EQ(CharsetOfContentType(""), "");
}

TEST(FetchWordsTest, FormatByteSizeUsesTheLargestExactUnit) {
  EXPECT_EQ(FormatByteSize(uint64_t{512} << 20), "512 MiB");
  EXPECT_EQ(FormatByteSize(uint64_t{2} << 30), "2 GiB");
  EXPECT_EQ(FormatByteSize(65536), "64 KiB");
  EXPECT_EQ(FormatByteSize(1000), "1000 bytes");
  EXPECT_EQ(FormatByteSize(0), "0 bytes");
}

Status Describe(int code, FetchFailure f = {}, FetchOptions options = {}) {
  f.curl_code = code;
  return DescribeFetchFailure("https://news.example/story", f, options);
}

TEST(FetchWordsTest, MapsNetworkFailuresToWordsNamingTheAddress) {
  FetchFailure f;
  f.host = "news.example";
  const Status resolve = Describe(CURLE_COULDNT_RESOLVE_HOST, f);
  EXPECT_EQ(resolve.ToString(), "https://news.example/story: cannot resolve host news.example");
  EXPECT_EQ(resolve.code(), StatusCode::kIoError);
  EXPECT_EQ(resolve.input(), "https://news.example/story");

  f.os_errno = ECONNREFUSED;
  EXPECT_EQ(Describe(CURLE_COULDNT_CONNECT, f).message(), "connection refused");
  f.os_errno = ENETUNREACH;
  EXPECT_EQ(Describe(CURLE_COULDNT_CONNECT, f).message(),
            std::string("cannot connect: ") + std::strerror(ENETUNREACH));
}

TEST(FetchWordsTest, TellsTheThreeTimeoutsApart) {
  FetchOptions o;  // 15 s to connect, 60 s in all, 1024 bytes/s for 30 s
  FetchFailure f;
  f.elapsed_seconds = 15;
  EXPECT_EQ(Describe(CURLE_OPERATION_TIMEDOUT, f, o).message(),
            "timed out connecting (no connection within 15 s)");
  f.connected = true;
  f.elapsed_seconds = 60;
  EXPECT_EQ(Describe(CURLE_OPERATION_TIMEDOUT, f, o).message(),
            "timed out: no complete answer within 60 s");
  f.elapsed_seconds = 31;
  EXPECT_EQ(Describe(CURLE_OPERATION_TIMEDOUT, f, o).message(),
            "timed out: slower than 1024 bytes/s for 30 s");
  o.timeout_seconds = 0;  // no whole-transfer limit: never the reason
  f.elapsed_seconds = 100;
  EXPECT_EQ(Describe(CURLE_OPERATION_TIMEDOUT, f, o).message(),
            "timed out: slower than 1024 bytes/s for 30 s");
}

TEST(FetchWordsTest, MapsTlsSizeAndRedirectFailures) {
  FetchFailure f;
  f.detail = "SSL certificate problem: self-signed certificate";
  const Status tls = Describe(CURLE_PEER_FAILED_VERIFICATION, f);
  EXPECT_EQ(tls.message(),
            "TLS error: the server's certificate cannot be verified (SSL certificate problem: "
            "self-signed certificate)");
  EXPECT_EQ(Describe(CURLE_SSL_CONNECT_ERROR).message(), "TLS error");

  const Status big = Describe(CURLE_FILESIZE_EXCEEDED);
  EXPECT_EQ(big.message(), "larger than 512 MiB");
  EXPECT_EQ(big.code(), StatusCode::kResourceExhausted);
  FetchFailure aborted;
  aborted.too_large = true;
  EXPECT_EQ(Describe(CURLE_WRITE_ERROR, aborted).message(), "larger than 512 MiB");

  FetchFailure redirect;
  redirect.redirect_target = "file:///etc/hostname";
  EXPECT_EQ(Describe(CURLE_UNSUPPORTED_PROTOCOL, redirect).message(),
            "redirect to file:///etc/hostname refused: only http and https are fetched");
  EXPECT_EQ(Describe(CURLE_TOO_MANY_REDIRECTS).message(), "too many redirects (10)");
  EXPECT_EQ(Describe(CURLE_URL_MALFORMAT, redirect).message(),
            "redirect to file:///etc/hostname refused: not a valid web address");
  EXPECT_EQ(Describe(CURLE_GOT_NOTHING).message(),
            "the server closed the connection without answering");
  // Codes without words of ours get curl's.
  EXPECT_EQ(Describe(CURLE_LOGIN_DENIED).message(), curl_easy_strerror(CURLE_LOGIN_DENIED));
}

TEST(FetchWordsTest, HttpStatusNamesStatusAndReason) {
  const Status s = DescribeHttpStatus("http://a.example/x", 404, "");
  EXPECT_EQ(s.ToString(), "http://a.example/x: HTTP 404 Not Found");
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(DescribeHttpStatus("u", 503, "").message(), "HTTP 503 Service Unavailable");
  EXPECT_EQ(DescribeHttpStatus("u", 500, "Oops").message(), "HTTP 500 Oops");
  EXPECT_EQ(DescribeHttpStatus("u", 599, "").message(), "HTTP 599");
  EXPECT_EQ(DescribeHttpStatus("u", 302, "Found").message(),
            "HTTP 302 Found without a Location to follow");
}

TEST(FetchWordsTest, CacheKeyIsSha256OfTheAddress) {
  EXPECT_EQ(FetchCacheKey("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// ---- Against the test server ------------------------------------------------

TEST_F(FetchTest, FetchesAPageWithItsHeaders) {
  const Fetched f = FetchOne(Url("/page.html"), Quick());
  ASSERT_TRUE(f.status.ok()) << f.status.ToString();
  EXPECT_EQ(f.url, Url("/page.html"));
  EXPECT_EQ(f.final_url, Url("/page.html"));
  EXPECT_EQ(f.http_status, 200);
  EXPECT_EQ(f.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(f.charset, "utf-8");
  EXPECT_EQ(f.last_modified, kLastModified);
  EXPECT_NE(f.body.find(kPageText), std::string::npos);
  EXPECT_FALSE(f.from_cache);
}

TEST_F(FetchTest, KeepsLatin1BytesAndReportsTheirCharset) {
  const Fetched f = FetchOne(Url("/latin1"), Quick());
  ASSERT_TRUE(f.status.ok()) << f.status.ToString();
  EXPECT_EQ(f.body, "caf\xe9 cr\xe8me, na\xefve\n");
  EXPECT_EQ(f.content_type, "text/plain; charset=iso-8859-1");
  EXPECT_EQ(f.charset, "iso-8859-1");
}

TEST_F(FetchTest, QuotedCharsetIsUnquotedAndLowerCased) {
  EXPECT_EQ(FetchOne(Url("/quoted-charset"), Quick()).charset, "utf-8");
}

TEST_F(FetchTest, SendsTheDefaultOrTheGivenUserAgent) {
  const Fetched f = FetchOne(Url("/echo-ua"), Quick());
  EXPECT_EQ(f.body, DefaultUserAgent());
  EXPECT_EQ(f.body.rfind("dossier/", 0), 0u);
  EXPECT_NE(f.body.find("(news briefing engine)"), std::string::npos);
  FetchOptions o = Quick();
  o.user_agent = "tester/1.0";
  EXPECT_EQ(FetchOne(Url("/echo-ua"), o).body, "tester/1.0");
}

TEST_F(FetchTest, FollowsARedirect) {
  const Fetched f = FetchOne(Url("/redirect"), Quick());
  ASSERT_TRUE(f.status.ok()) << f.status.ToString();
  EXPECT_EQ(f.url, Url("/redirect"));
  EXPECT_EQ(f.final_url, Url("/page.html"));
  EXPECT_EQ(f.last_modified, kLastModified);  // of the last answer
  EXPECT_NE(f.body.find(kPageText), std::string::npos);
}

TEST_F(FetchTest, FollowsAChainUpToMaxRedirects) {
  const Fetched ten = FetchOne(Url("/chain/10"), Quick());
  ASSERT_TRUE(ten.status.ok()) << ten.status.ToString();
  EXPECT_EQ(ten.final_url, Url("/chain/0"));

  const Fetched eleven = FetchOne(Url("/chain/11"), Quick());
  EXPECT_EQ(eleven.status.ToString(), Url("/chain/11") + ": too many redirects (10)");
  EXPECT_TRUE(eleven.body.empty());

  FetchOptions two = Quick();
  two.max_redirects = 2;
  EXPECT_TRUE(FetchOne(Url("/chain/2"), two).status.ok());
  EXPECT_EQ(FetchOne(Url("/chain/3"), two).status.message(), "too many redirects (2)");
}

TEST_F(FetchTest, RedirectLoopEndsAsTooManyRedirects) {
  const Fetched f = FetchOne(Url("/loop"), Quick());
  EXPECT_EQ(f.status.message(), "too many redirects (10)");
  EXPECT_EQ(f.status.code(), StatusCode::kInvalidInput);
}

TEST_F(FetchTest, RefusesRedirectsToOtherSchemesNamingTheTarget) {
  const std::pair<const char*, const char*> cases[] = {
      {"/to-file", "file:///etc/hostname"},
      {"/to-ftp", "ftp://127.0.0.1/file.txt"},
      {"/to-data", "data:text/plain,hello"},
      {"/to-js", "javascript:alert(1)"},
  };
  for (const auto& [path, target] : cases) {
    const Fetched f = FetchOne(Url(path), Quick());
    EXPECT_EQ(f.status.ToString(),
              Url(path) + ": redirect to " + target + " refused: only http and https are fetched");
    EXPECT_EQ(f.http_status, 302);
    EXPECT_TRUE(f.body.empty());
  }
}

TEST_F(FetchTest, RefusesARedirectToAnAddressThatCannotBeParsed) {
  const Fetched f = FetchOne(Url("/to-bad"), Quick());
  EXPECT_EQ(f.status.message(), "redirect to http://[::1/x refused: not a valid web address");
}

TEST_F(FetchTest, RefusesAddressesThatAreNotWebAddresses) {
  const Fetched f = FetchOne("file:///etc/hostname", Quick());
  EXPECT_EQ(f.status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(f.status.input(), "file:///etc/hostname");
  EXPECT_TRUE(f.body.empty());
}

TEST_F(FetchTest, RedirectWithoutLocationIsAFailure) {
  const Fetched f = FetchOne(Url("/no-location"), Quick());
  EXPECT_EQ(f.status.message(), "HTTP 302 Found without a Location to follow");
}

TEST_F(FetchTest, ReportsHttpErrorsWithStatusAndReason) {
  const Fetched missing = FetchOne(Url("/404"), Quick());
  EXPECT_EQ(missing.status.ToString(), Url("/404") + ": HTTP 404 Not Found");
  EXPECT_EQ(missing.http_status, 404);
  EXPECT_TRUE(missing.body.empty());
  const Fetched broken = FetchOne(Url("/500"), Quick());
  EXPECT_EQ(broken.status.message(), "HTTP 500 Internal Server Error");
  EXPECT_EQ(broken.http_status, 500);
}

TEST_F(FetchTest, ClosedPortIsConnectionRefused) {
  const std::string url = "http://127.0.0.1:" + std::to_string(ClosedPort()) + "/page.html";
  const Fetched f = FetchOne(url, Quick());
  EXPECT_EQ(f.status.ToString(), url + ": connection refused");
  EXPECT_EQ(f.http_status, 0);
}

TEST_F(FetchTest, HttpsToAPlainHttpServerIsATlsError) {
  const std::string url = "https://127.0.0.1:" + std::to_string(port_) + "/page.html";
  const Fetched f = FetchOne(url, Quick());
  EXPECT_EQ(f.status.message().rfind("TLS error", 0), 0u) << f.status.ToString();
  EXPECT_EQ(f.status.input(), url);
}

TEST_F(FetchTest, SlowAnswerTimesOutAsAWhole) {
  FetchOptions o = Quick();
  o.timeout_seconds = 1;
  const auto start = std::chrono::steady_clock::now();
  const Fetched f = FetchOne(Url("/slow"), o);  // the server waits 5 s
  EXPECT_EQ(f.status.message(), "timed out: no complete answer within 1 s");
  EXPECT_LT(SecondsSince(start), 3);
}

TEST_F(FetchTest, TrickleIsTooSlow) {
  FetchOptions o = Quick();
  o.low_speed_bytes = 100;
  o.low_speed_seconds = 1;
  const auto start = std::chrono::steady_clock::now();
  const Fetched f = FetchOne(Url("/trickle"), o);  // a byte per second for ever
  EXPECT_EQ(f.status.message(), "timed out: slower than 100 bytes/s for 1 s");
  EXPECT_TRUE(f.body.empty());
  EXPECT_LT(SecondsSince(start), 4);
}

TEST_F(FetchTest, EndlessBodyStopsAtTheLimit) {
  FetchOptions o = Quick();
  o.max_bytes = 1 << 20;
  const Fetched f = FetchOne(Url("/endless"), o);
  EXPECT_EQ(f.status.ToString(), Url("/endless") + ": larger than 1 MiB");
  EXPECT_EQ(f.status.code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(f.body.empty());
}

TEST_F(FetchTest, ContentLengthOverTheLimitIsRefusedBeforeTheBody) {
  const auto start = std::chrono::steady_clock::now();
  const Fetched f = FetchOne(Url("/huge"), Quick());  // 10^12 bytes announced, none sent
  EXPECT_EQ(f.status.message(), "larger than 512 MiB");
  EXPECT_LT(SecondsSince(start), 2);  // the server holds the connection 10 s
}

TEST_F(FetchTest, DecodesGzip) {
  const Fetched f = FetchOne(Url("/gzip"), Quick());
  ASSERT_TRUE(f.status.ok()) << f.status.ToString();
  EXPECT_EQ(f.body.rfind("<!doctype html>", 0), 0u);
  EXPECT_NE(f.body.find(kPageText), std::string::npos);
}

TEST_F(FetchTest, GzipBombEndsAsTooLargeQuicklyInBoundedMemory) {
  FetchOptions o = Quick();
  o.max_bytes = 8 << 20;
  const auto start = std::chrono::steady_clock::now();
  const Fetched f = FetchOne(Url("/gzip-bomb"), o);  // 1 GiB of zeros, about 1 MB sent
  EXPECT_EQ(f.status.message(), "larger than 8 MiB");
  EXPECT_LT(SecondsSince(start), 5);
  rusage usage{};
  ASSERT_EQ(::getrusage(RUSAGE_SELF, &usage), 0);
  EXPECT_LT(usage.ru_maxrss, 400 * 1024) << "peak KiB";  // nowhere near the 1 GiB inflated
}

TEST_F(FetchTest, DecodesBrotli) {
#ifdef DOSSIER_HAVE_BROTLIENC
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Line " + std::to_string(i) + " of a brotli body.\n";
  std::string encoded(BrotliEncoderMaxCompressedSize(text.size()), '\0');
  size_t size = encoded.size();
  ASSERT_TRUE(BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                                    text.size(), reinterpret_cast<const uint8_t*>(text.data()),
                                    &size, reinterpret_cast<uint8_t*>(encoded.data())));
  encoded.resize(size);
  ASSERT_LT(encoded.size(), text.size() / 2);
  Write("body.br", encoded);
  const Fetched f = FetchOne(Url("/br"), Quick());
  ASSERT_TRUE(f.status.ok()) << f.status.ToString();
  EXPECT_EQ(f.body, text);
#else
  GTEST_SKIP() << "libbrotlienc not linked";
#endif
}

TEST_F(FetchTest, ResultsComeInInputOrderWithFailuresAmongThem) {
  const std::string refused = "http://127.0.0.1:" + std::to_string(ClosedPort()) + "/x";
  const std::vector<std::string> urls = {Url("/delay/600"), Url("/page.html"),   Url("/404"),
                                         refused,           "not a web address", Url("/redirect"),
                                         Url("/delay/100")};
  std::vector<Fetched> got;
  FetchAll(urls, Quick(), [&](Fetched&& f) { got.push_back(std::move(f)); });
  ASSERT_EQ(got.size(), urls.size());
  for (size_t i = 0; i < urls.size(); ++i) EXPECT_EQ(got[i].url, urls[i]) << i;
  EXPECT_EQ(got[0].body, "delay 600");
  EXPECT_TRUE(got[1].status.ok());
  EXPECT_EQ(got[2].status.message(), "HTTP 404 Not Found");
  EXPECT_EQ(got[3].status.message(), "connection refused");
  EXPECT_EQ(got[4].status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(got[5].final_url, Url("/page.html"));
  EXPECT_EQ(got[6].body, "delay 100");
}

TEST_F(FetchTest, TransfersRunInParallel) {
  const std::vector<std::string> urls(4, Url("/delay/800"));
  FetchOptions o = Quick();
  o.parallel = 4;
  const auto start = std::chrono::steady_clock::now();
  int ok = 0;
  FetchAll(urls, o, [&](Fetched&& f) { ok += f.status.ok(); });
  EXPECT_EQ(ok, 4);
  EXPECT_LT(SecondsSince(start), 2.4);  // one after another: 3.2 s
}

TEST_F(FetchTest, EmptyListCallsTheSinkNever) {
  int calls = 0;
  FetchAll({}, Quick(), [&](Fetched&&) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST_F(FetchTest, CachedPageIsReadWithoutTheNetwork) {
  FetchOptions o = Quick();
  o.cache_dir = (dir_ / "cache").string();
  const Fetched first = FetchOne(Url("/redirect"), o);
  ASSERT_TRUE(first.status.ok()) << first.status.ToString();
  EXPECT_FALSE(first.from_cache);
  EXPECT_TRUE(first.cache_warning.ok()) << first.cache_warning.ToString();
  const std::string key = FetchCacheKey(Url("/redirect"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "cache" / (key + ".body")));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "cache" / (key + ".meta")));

  StopServer();
  const Fetched again = FetchOne(Url("/redirect"), o);
  ASSERT_TRUE(again.status.ok()) << again.status.ToString();
  EXPECT_TRUE(again.from_cache);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.url, first.url);
  EXPECT_EQ(again.final_url, Url("/page.html"));
  EXPECT_EQ(again.http_status, 200);
  EXPECT_EQ(again.content_type, first.content_type);
  EXPECT_EQ(again.charset, "utf-8");
  EXPECT_EQ(again.last_modified, kLastModified);
  // Without the cache the network is needed, and gone.
  EXPECT_EQ(FetchOne(Url("/redirect"), Quick()).status.message(), "connection refused");
}

TEST_F(FetchTest, CachedBodyOverTheLimitIsNotUsed) {
  FetchOptions o = Quick();
  o.cache_dir = (dir_ / "cache").string();
  ASSERT_TRUE(FetchOne(Url("/page.html"), o).status.ok());
  o.max_bytes = 10;
  const Fetched f = FetchOne(Url("/page.html"), o);
  EXPECT_FALSE(f.from_cache);
  EXPECT_EQ(f.status.message(), "larger than 10 bytes");
}

TEST_F(FetchTest, FailuresAreNotCached) {
  FetchOptions o = Quick();
  o.cache_dir = (dir_ / "cache").string();
  EXPECT_FALSE(FetchOne(Url("/404"), o).status.ok());
  EXPECT_FALSE(FetchOne(Url("/to-file"), o).status.ok());
  const bool empty =
      !std::filesystem::exists(dir_ / "cache") || std::filesystem::is_empty(dir_ / "cache");
  EXPECT_TRUE(empty);
}

TEST_F(FetchTest, DamagedCacheEntryIsFetchedAgain) {
  FetchOptions o = Quick();
  o.cache_dir = (dir_ / "cache").string();
  const std::string url = Url("/page.html");
  const std::string base = (dir_ / "cache" / FetchCacheKey(url)).string();
  ASSERT_TRUE(FetchOne(url, o).status.ok());

  std::ofstream(base + ".body", std::ios::binary) << "tampered";
  Fetched f = FetchOne(url, o);
  ASSERT_TRUE(f.status.ok()) << f.status.ToString();
  EXPECT_FALSE(f.from_cache);
  EXPECT_NE(f.body.find(kPageText), std::string::npos);
  EXPECT_TRUE(FetchOne(url, o).from_cache);  // repaired by the fetch

  std::ofstream(base + ".meta", std::ios::binary) << "{\"format\":";
  f = FetchOne(url, o);
  EXPECT_TRUE(f.status.ok());
  EXPECT_FALSE(f.from_cache);

  // Same size, other bytes: the hash tells.
  std::string body = f.body;
  body[0] = 'X';
  std::ofstream(base + ".body", std::ios::binary) << body;
  StopServer();
  f = FetchOne(url, o);
  EXPECT_EQ(f.status.message(),
            "connection refused; cached copy unusable (body hash differs from its record)");
}

TEST_F(FetchTest, StopAbandonsTransfersAndDeliversWhatIsDone) {
  std::atomic<bool> stop{false};
  FetchOptions o = Quick();
  o.timeout_seconds = 10;
  o.stop = &stop;
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    stop = true;
  });
  std::vector<std::string> got;
  const auto start = std::chrono::steady_clock::now();
  FetchAll({Url("/page.html"), Url("/slow"), Url("/page.html")}, o,
           [&](Fetched&& f) { got.push_back(f.url); });
  const double seconds = SecondsSince(start);
  stopper.join();
  EXPECT_LT(seconds, 2);  // /slow would take 5 s
  EXPECT_EQ(got, std::vector<std::string>{Url("/page.html")});
}

TEST_F(FetchTest, StopAlreadySetFetchesNothing) {
  std::atomic<bool> stop{true};
  FetchOptions o = Quick();
  o.stop = &stop;
  int calls = 0;
  FetchAll({Url("/page.html"), Url("/page.html")}, o, [&](Fetched&&) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST_F(FetchTest, SeveralThreadsFetchAtOnce) {
  const std::vector<std::string> urls = {Url("/page.html"), Url("/gzip"), Url("/redirect"),
                                         Url("/404"), Url("/latin1")};
  std::vector<std::vector<Fetched>> results(4);
  std::vector<std::thread> threads;
  for (auto& mine : results) {
    threads.emplace_back([&urls, &mine] {
      FetchAll(urls, Quick(), [&mine](Fetched&& f) { mine.push_back(std::move(f)); });
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& mine : results) {
    ASSERT_EQ(mine.size(), urls.size());
    EXPECT_NE(mine[0].body.find(kPageText), std::string::npos);
    EXPECT_EQ(mine[1].body, mine[0].body);
    EXPECT_EQ(mine[2].body, mine[0].body);
    EXPECT_EQ(mine[3].http_status, 404);
    EXPECT_EQ(mine[4].charset, "iso-8859-1");
  }
}

}  // namespace
}  // namespace dossier
