// The bad-input suite (issue 7): the real `dossier` binary run on hostile
// inputs generated in a fresh temp folder, each mixed with valid articles.
// Every case checks the exit code, that stderr names the bad input (file, and
// line where it applies), that every valid document is in the output (counted
// by id), and the child's peak RSS; a watchdog kills a run that hangs.
//
// Peak RSS bounds are the Release ones; under ASan+UBSan (DOSSIER_SANITIZED)
// a case may use twice its bound plus 512 MiB, for the shadow memory and the
// quarantine of freed blocks. The harness itself is not sanitized: a forked
// child's peak RSS starts from its parent's, so the parent stays small.
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../unit/temp_dir.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// ---- Running the binary ------------------------------------------------------

#ifdef DOSSIER_SANITIZED
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

// The peak RSS (MiB) allowed to a case whose Release bound is `release`.
constexpr long RssBoundMiB(long release) { return kSanitized ? 2 * release + 512 : release; }

struct RunResult {
  int exit_code = -1;  // -1 when killed (by a signal or the watchdog)
  int term_signal = 0;
  bool timed_out = false;
  std::string out, err;
  long peak_rss_mib = 0;
  double seconds = 0;

  // For failure messages: how the run ended and the start of its stderr.
  std::string Describe() const {
    std::ostringstream s;
    if (timed_out) {
      s << "killed by the watchdog after " << seconds << " s";
    } else if (term_signal != 0) {
      s << "killed by signal " << term_signal << " (" << strsignal(term_signal) << ")";
    } else {
      s << "exit " << exit_code;
    }
    s << ", peak RSS " << peak_rss_mib << " MiB, " << seconds << " s; stderr (" << err.size()
      << " bytes):\n"
      << err.substr(0, 3000);
    return s.str();
  }
};

struct RunOptions {
  int timeout_seconds = 300;
  uid_t run_as = 0;  // when nonzero (and we are root), the child drops to this uid/gid
  gid_t run_as_group = 0;
};

std::string ReadWholeFile(const fs::path& path) {
  std::string out;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return out;
  char buf[1 << 16];
  ssize_t got;
  while ((got = ::read(fd, buf, sizeof(buf))) > 0) out.append(buf, static_cast<size_t>(got));
  ::close(fd);
  return out;
}

// Runs DOSSIER_CLI with `args` (no shell), stdin from /dev/null, stdout and
// stderr to files in `scratch`; kills it after options.timeout_seconds.
RunResult RunDossier(const std::vector<std::string>& args, const fs::path& scratch,
                     const RunOptions& options = {}) {
  fs::create_directories(scratch);
  const std::string out_path = (scratch / "stdout").string();
  const std::string err_path = (scratch / "stderr").string();
  std::vector<std::string> argv_strings{DOSSIER_CLI};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::string command;
  for (const std::string& a : args) command += " " + a;
  std::printf("[ run      ] dossier%s\n", command.substr(0, 300).c_str());
  std::fflush(stdout);

  RunResult result;
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ADD_FAILURE() << "fork failed: " << std::strerror(errno);
    return result;
  }
  if (pid == 0) {  // the child: async-signal-safe calls only
    int in = ::open("/dev/null", O_RDONLY);
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) ::_exit(126);
    if (::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0) ::_exit(126);
    if (options.run_as != 0) {
      if (::setgroups(0, nullptr) != 0 || ::setgid(options.run_as_group) != 0 ||
          ::setuid(options.run_as) != 0) {
        ::_exit(125);
      }
    }
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  struct rusage usage {};
  while (true) {
    const pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {
      ADD_FAILURE() << "wait4 failed: " << std::strerror(errno);
      return result;
    }
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!result.timed_out && elapsed > options.timeout_seconds) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.term_signal = WTERMSIG(status);
  result.peak_rss_mib = usage.ru_maxrss / 1024;  // ru_maxrss is in KiB on Linux
  result.out = ReadWholeFile(out_path);
  result.err = ReadWholeFile(err_path);
  std::printf("[      ran ] %s\n", result.Describe().substr(0, 200).c_str());
  std::fflush(stdout);
  ::testing::Test::RecordProperty("peak_rss_mib", std::to_string(result.peak_rss_mib));
  return result;
}

// ---- Reading the outputs -----------------------------------------------------

std::vector<json> JsonLines(const std::string& text) {
  std::vector<json> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      ADD_FAILURE() << "output line is not JSON: " << line.substr(0, 300);
      continue;
    }
    lines.push_back(std::move(j));
  }
  return lines;
}

// The article ids of `dossier cluster` output, every story's.
std::vector<std::string> ClusteredIds(const std::string& out) {
  std::vector<std::string> ids;
  for (const json& story : JsonLines(out)) {
    for (const json& id : story.at("articles")) ids.push_back(id.get<std::string>());
  }
  return ids;
}

// The document ids of `dossier brief -f json` output, every cluster's.
std::vector<std::string> BriefedIds(const std::string& out) {
  std::vector<std::string> ids;
  for (const json& cluster : JsonLines(out)) {
    for (const json& doc : cluster.at("documents")) ids.push_back(doc.at("id").get<std::string>());
  }
  return ids;
}

// Expects `actual` to hold each of `expected` exactly once and nothing else;
// reports the first few missing, unexpected and repeated ids.
void ExpectSameIds(std::vector<std::string> actual, std::vector<std::string> expected) {
  std::sort(actual.begin(), actual.end());
  std::sort(expected.begin(), expected.end());
  std::vector<std::string> missing, extra, repeated;
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::back_inserter(missing));
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::back_inserter(extra));
  for (size_t i = 1; i < actual.size(); ++i) {
    if (actual[i] == actual[i - 1]) repeated.push_back(actual[i]);
  }
  auto first = [](const std::vector<std::string>& v) {
    std::string s;
    for (size_t i = 0; i < v.size() && i < 10; ++i) s += " " + v[i];
    if (v.size() > 10) s += " ...";
    return s;
  };
  EXPECT_EQ(actual.size(), expected.size()) << "ids in the output vs ids expected";
  EXPECT_TRUE(missing.empty()) << missing.size() << " missing:" << first(missing);
  EXPECT_TRUE(extra.empty()) << extra.size() << " unexpected:" << first(extra);
  EXPECT_TRUE(repeated.empty()) << repeated.size() << " repeated:" << first(repeated);
}

// Success when some line of the run's stderr contains every one of `parts`.
::testing::AssertionResult StderrHas(const RunResult& run,
                                     std::initializer_list<std::string> parts) {
  std::istringstream in(run.err);
  std::string line;
  while (std::getline(in, line)) {
    bool all = true;
    for (const std::string& p : parts) all = all && line.find(p) != std::string::npos;
    if (all) return ::testing::AssertionSuccess();
  }
  ::testing::AssertionResult failure = ::testing::AssertionFailure();
  failure << "no stderr line holds all of:";
  for (const std::string& p : parts) failure << " \"" << p << "\"";
  return failure << "\n" << run.Describe();
}

// Success when the run's peak RSS is under the bound of a case whose Release
// bound is `release_mib` (see RssBoundMiB).
::testing::AssertionResult RssUnder(const RunResult& run, long release_mib) {
  if (run.peak_rss_mib < RssBoundMiB(release_mib)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "peak RSS " << run.peak_rss_mib << " MiB over the bound of " << RssBoundMiB(release_mib)
         << " MiB (Release bound " << release_mib << " MiB)\n"
         << run.Describe();
}

// Success when the run ended on its own with a documented exit code (0-4):
// not killed, not crashed, no sanitizer report (ASan and UBSan exit 1 too).
::testing::AssertionResult Finished(const RunResult& run) {
  const char* what = nullptr;
  if (run.timed_out) {
    what = "hung";
  } else if (run.term_signal != 0) {
    what = "crashed";
  } else if (run.exit_code < 0 || run.exit_code > 4) {
    what = "ended with an undocumented exit code";
  } else {
    for (const char* report : {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                               "runtime error:", "ERROR: UndefinedBehaviorSanitizer"}) {
      if (run.err.find(report) != std::string::npos) what = "made a sanitizer report";
    }
  }
  if (what == nullptr) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "dossier " << what << ": " << run.Describe();
}

// ---- Inputs ------------------------------------------------------------------

struct Article {
  const char* slug;
  const char* source;
  const char* text;
};

// Invented short news articles, each on its own story.
constexpr Article kArticles[] = {
    {"ferry", "Westport Gazette",
     "Ferry crossings resume after three-day storm\n\n"
     "WESTPORT - The Westport ferry resumed its crossings on Monday after three days of gales "
     "kept the boats in harbour.\n\n"
     "\"We are glad to be sailing again,\" said captain Mara Olsen, who has run the route for "
     "12 years.\n\n"
     "About 1,200 passengers travelled on the first day, the operator said. Repairs to the "
     "north pier will cost $2.5 million and take six weeks.\n"},
    {"library", "Brookfield Courier",
     "City library extends opening hours\n\n"
     "The Brookfield public library will stay open until 9 p.m. on weekdays from March 1, the "
     "city council decided on Tuesday.\n\n"
     "Councillor Ines Patel said the change would cost about $180,000 a year. \"Students asked "
     "for this,\" she said.\n\n"
     "The library lends 400,000 books a year to its 52,000 members.\n"},
    {"orchard", "Valley Farm News",
     "Frost damages apple orchards in the valley\n\n"
     "A late frost on Thursday night damaged up to 40 percent of the apple blossoms in the "
     "Linden valley, growers said.\n\n"
     "\"It is the worst frost since 1997,\" said grower Tomas Reyes. The regional farm office "
     "estimated the losses at $3 million and will meet growers next week.\n"},
    {"marathon", "Kesterby Sports",
     "Record field for the river marathon\n\n"
     "More than 8,000 runners have registered for Sunday's river marathon in Kesterby, "
     "organisers said on Wednesday, a record for the race.\n\n"
     "Roads along the east bank will close from 6 a.m. to 2 p.m. Race director Aiko Brandt "
     "said 600 volunteers would staff the course.\n"},
    {"bridge", "Rail Weekly",
     "Inspectors find cracks in old rail bridge\n\n"
     "Inspectors found cracks in two steel girders of the Millbrook rail bridge during a "
     "routine check on Friday, the rail authority said.\n\n"
     "Trains will cross at 20 km/h until the repairs are done. \"There is no danger to "
     "passengers,\" spokesman Paul Varga said.\n"},
};

// One JSON Lines record.
std::string Record(const std::string& id, const std::string& text, const std::string& date = "",
                   const std::string& source = "") {
  json j;
  j["id"] = id;
  if (!source.empty()) j["source"] = source;
  if (!date.empty()) j["date"] = date;
  j["text"] = text;
  return j.dump() + "\n";
}

// Writes `bytes` to `path` with plain POSIX calls (folders must exist).
void WriteBytes(const fs::path& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0) << path << ": " << std::strerror(errno);
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t w = ::write(fd, bytes.data() + done, bytes.size() - done);
    ASSERT_GT(w, 0) << path << ": " << std::strerror(errno);
    done += static_cast<size_t>(w);
  }
  ASSERT_EQ(::close(fd), 0);
}

// Filler prose for huge documents: invented sentences, no newline, no quote.
std::string FillerChunk(size_t bytes) {
  static constexpr const char* kSentences[] = {
      "The harbour council met again on Tuesday to discuss the repairs to the north pier. ",
      "Engineers said the old timber piles had rotted below the waterline. ",
      "A temporary landing stage will serve the ferry until the work is finished. ",
      "Local traders asked for the car park to stay open during the works. ",
      "The budget for the year was raised by 4 percent to cover the extra costs. ",
      "Residents can comment on the plans at the town hall until the end of the month. ",
  };
  std::string out;
  out.reserve(bytes + 128);
  for (size_t i = 0; out.size() < bytes; ++i) out += kSentences[i % std::size(kSentences)];
  out.resize(bytes);
  return out;
}

// Writes `prefix`, `total` bytes of filler prose and `suffix` to `path`.
void WriteHuge(const fs::path& path, std::string_view prefix, size_t total,
               std::string_view suffix) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0) << path << ": " << std::strerror(errno);
  const std::string chunk = FillerChunk(size_t{1} << 20);  // whole sentences repeat across chunks
  auto put = [&](std::string_view b) {
    size_t done = 0;
    while (done < b.size()) {
      ssize_t w = ::write(fd, b.data() + done, b.size() - done);
      if (w <= 0) return false;
      done += static_cast<size_t>(w);
    }
    return true;
  };
  ASSERT_TRUE(put(prefix));
  for (size_t written = 0; written < total; written += chunk.size()) {
    ASSERT_TRUE(put(std::string_view(chunk).substr(0, std::min(chunk.size(), total - written))));
  }
  ASSERT_TRUE(put(suffix));
  ASSERT_EQ(::close(fd), 0);
}

// gzip-compresses `data` (a gzip member, as `gzip` writes it).
std::string Gzip(std::string_view data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// What can be inflated from a (truncated) gzip stream.
std::string GunzipPrefix(std::string_view data) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 15 + 32), Z_OK);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[1 << 16];
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    const int rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof(buf) - zs.avail_out);
    if (rc != Z_OK) break;
  }
  inflateEnd(&zs);
  return out;
}

// The text encoded as UTF-16 (ASCII and Latin-1 letters are enough here).
std::string Utf16(std::string_view utf8, bool big_endian, bool bom) {
  std::u16string units;
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    char32_t cp = c;
    size_t len = 1;
    if (c >= 0xE0) {
      cp = (c & 0x0F) << 12 | (utf8[i + 1] & 0x3F) << 6 | (utf8[i + 2] & 0x3F);
      len = 3;
    } else if (c >= 0xC0) {
      cp = (c & 0x1F) << 6 | (utf8[i + 1] & 0x3F);
      len = 2;
    }
    units.push_back(static_cast<char16_t>(cp));
    i += len;
  }
  std::string out;
  if (bom) units.insert(units.begin(), u'\uFEFF');
  for (char16_t u : units) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  }
  return out;
}

bool ValidIsoDate(const std::string& date) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  }
  return std::sscanf(date.c_str(), "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12 && date.size() == 7;
}

// A timeline date may also be a year ("last year": "2014").
bool ValidTimelineDate(const std::string& date) {
  return ValidIsoDate(date) ||
         (date.size() == 4 &&
          std::all_of(date.begin(), date.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

// ---- The fixture -------------------------------------------------------------

class BadInputTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    in_ = dir_ / "in";
    fs::create_directories(in_);
  }

  // Writes the valid articles as text files in `folder` (under in_); returns their paths.
  std::vector<std::string> WriteGoodArticles(const std::string& folder = "good") {
    std::vector<std::string> paths;
    fs::create_directories(in_ / folder);
    for (const Article& a : kArticles) {
      const fs::path p = in_ / folder / (std::string(a.slug) + ".txt");
      WriteBytes(p, a.text);
      paths.push_back(p.string());
    }
    return paths;
  }

  // The valid articles as JSON Lines records with ids "<prefix><slug>".
  static std::string GoodRecords(const std::string& prefix, std::vector<std::string>* ids) {
    std::string out;
    for (const Article& a : kArticles) {
      out += Record(prefix + a.slug, a.text, "2015-03-02", a.source);
      ids->push_back(prefix + a.slug);
    }
    return out;
  }

  RunResult Run(const std::vector<std::string>& args, const RunOptions& options = {}) {
    return RunDossier(args, dir_ / ("run" + std::to_string(++runs_)), options);
  }

  fs::path in_;
  int runs_ = 0;
};

// ---- The cases ---------------------------------------------------------------

// How many lines of the run's stderr contain `part`.
size_t StderrLinesWith(const RunResult& run, const std::string& part) {
  std::istringstream in(run.err);
  size_t n = 0;
  for (std::string line; std::getline(in, line);) n += line.find(part) != std::string::npos;
  return n;
}

// Binary files named as anything: reported once each, by name.
TEST_F(BadInputTest, BinaryFile) {
  std::vector<std::string> expected = WriteGoodArticles();
  std::string noise(64 << 10, '\0');
  uint32_t x = 12345;
  for (char& c : noise) c = static_cast<char>((x = x * 1103515245 + 12345) >> 24);
  WriteBytes(in_ / "good" / "data.bin", noise);
  WriteBytes(in_ / "good" / "photo.txt", "\x89PNG\r\n\x1a\n" + std::string(4096, '\0'));
  WriteBytes(in_ / "good" / "page.html", noise);
  WriteBytes(in_ / "good" / "blob.jsonl", noise);  // ~260 "lines" of noise
  WriteBytes(in_ / "good" / "blob.jsonl.gz", Gzip(noise));

  RunResult brief = Run({"brief", "-f", "json", (in_ / "good").string()});
  ASSERT_TRUE(Finished(brief));
  EXPECT_EQ(brief.exit_code, 1) << brief.Describe();
  for (const char* name : {"data.bin", "photo.txt", "page.html", "blob.jsonl", "blob.jsonl.gz"}) {
    EXPECT_TRUE(StderrHas(brief, {std::string("/") + name + ":", "binary file"}));
    EXPECT_LE(StderrLinesWith(brief, std::string("/") + name + ":"), 1u)
        << name << " is reported more than once\n"
        << brief.Describe();
  }
  ExpectSameIds(BriefedIds(brief.out), expected);
  EXPECT_TRUE(RssUnder(brief, 200));

  RunResult cluster = Run({"cluster", "-o", (dir_ / "stories.jsonl").string(), in_.string()});
  ASSERT_TRUE(Finished(cluster));
  EXPECT_EQ(cluster.exit_code, 1) << cluster.Describe();
  EXPECT_TRUE(StderrHas(cluster, {"/data.bin:", "binary file"}));
  EXPECT_TRUE(StderrHas(cluster, {"/blob.jsonl:", "binary file"}));
  ExpectSameIds(ClusteredIds(ReadWholeFile(dir_ / "stories.jsonl")), expected);
  EXPECT_TRUE(RssUnder(cluster, 200));
}

// The text of `id`'s sentences in `-f json` output.
std::string SentencesOf(const std::string& out, const std::string& id) {
  std::string text;
  for (const json& cluster : JsonLines(out)) {
    for (const json& doc : cluster.at("documents")) {
      if (doc.at("id") != id) continue;
      for (const json& s : doc.at("sentences")) text += s.at("text").get<std::string>() + " ";
    }
  }
  return text;
}

TEST_F(BadInputTest, InvalidAndOverlongUtf8) {
  std::vector<std::string> expected = WriteGoodArticles();
  // Overlong "/" (C0 AF, E0 80 AF), a UTF-16 surrogate (ED A0 80), a byte
  // never valid (F5), a lone continuation byte (80) and a cut sequence (E2 82).
  const std::string bad_bytes[] = {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80",
                                   "\xF5",     "\x80",         "\xE2\x82"};
  // In UTF-8 text (more valid multi-byte characters than bad bytes): each bad
  // sequence is replaced by U+FFFD, with a warning naming the file.
  const std::string mostly_utf8 =
      "Caf\xC3\xA9 owners protest \xE2\x80\x9Cunfair\xE2\x80\x9D fees\n\n"
      "The owners of the Caf\xC3\xA9 Rivi\xC3\xA8re, the Cr\xC3\xAAperie and the "
      "Brasserie Mus\xC3\xA9"
      "e said the fees \xE2\x80\x94 up 40 percent \xE2\x80\x94 were "
      "unfair." +
      bad_bytes[0] + " The council notice" + bad_bytes[1] +
      " listed them.\n\n"
      "\xE2\x80\x9CWe will appeal,\xE2\x80\x9D said Ren\xC3\xA9"
      "e Fa\xC3\xA7on" +
      bad_bytes[2] + ", who runs the caf\xC3\xA9. The clerk said the printer had failed" +
      bad_bytes[3] + " twice" + bad_bytes[4] + " this week" + bad_bytes[5] + ".\n";
  // Only ASCII besides the bad bytes: read as a legacy encoding, with a warning.
  std::string ascii_and_bad =
      "Overlong bytes in a council notice\n\nThe council notice listed the fees for 2015";
  for (const std::string& b : bad_bytes) ascii_and_bad += " " + b + " and the hearing dates";
  ascii_and_bad += ".\n\nThe clerk said the printer had failed twice this week.\n";
  const fs::path mangled = in_ / "good" / "mangled.txt";
  const fs::path legacy = in_ / "good" / "ascii-and-bad.txt";
  WriteBytes(mangled, mostly_utf8);
  WriteBytes(legacy, ascii_and_bad);
  expected.insert(expected.end(), {mangled.string(), legacy.string()});

  RunResult brief = Run({"brief", "-f", "json", (in_ / "good").string()});
  ASSERT_TRUE(Finished(brief));
  EXPECT_EQ(brief.exit_code, 0) << "warnings only: the files are read\n" << brief.Describe();
  EXPECT_TRUE(StderrHas(brief, {"mangled.txt", "invalid UTF-8", "U+FFFD"}));
  EXPECT_TRUE(StderrHas(brief, {"ascii-and-bad.txt", "not valid UTF-8"}));
  ExpectSameIds(BriefedIds(brief.out), expected);
  const std::string text = SentencesOf(brief.out, mangled.string());
  EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos) << "no U+FFFD in " << text;
  EXPECT_NE(text.find("Ren\xC3\xA9"
                      "e Fa\xC3\xA7on"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("printer had failed"), std::string::npos) << text;
  EXPECT_NE(SentencesOf(brief.out, legacy.string()).find("printer had failed"), std::string::npos);
  EXPECT_TRUE(RssUnder(brief, 200));
}

TEST_F(BadInputTest, Utf16WithAndWithoutBom) {
  std::vector<std::string> expected = WriteGoodArticles();
  const std::string text =
      "Caf\xC3\xA9 owners welcome the new market square\n\n"
      "The owners of the Caf\xC3\xA9 Rivi\xC3\xA8re and four other shops welcomed the new "
      "market square on Saturday.\n\nThe square cost $1.4 million and opened after eight months "
      "of work, the town said.\n";
  const fs::path le_bom = in_ / "good" / "utf16le-bom.txt";
  const fs::path be_bom = in_ / "good" / "utf16be-bom.txt";
  const fs::path le = in_ / "good" / "utf16le-nobom.txt";
  WriteBytes(le_bom, Utf16(text, /*big_endian=*/false, /*bom=*/true));
  WriteBytes(be_bom, Utf16(text, /*big_endian=*/true, /*bom=*/true));
  WriteBytes(le, Utf16(text, /*big_endian=*/false, /*bom=*/false));
  expected.insert(expected.end(), {le_bom.string(), be_bom.string(), le.string()});

  RunResult brief = Run({"brief", "-f", "json", (in_ / "good").string()});
  ASSERT_TRUE(Finished(brief));
  EXPECT_EQ(brief.exit_code, 0) << brief.Describe();
  for (const char* name : {"utf16le-bom.txt", "utf16be-bom.txt", "utf16le-nobom.txt"}) {
    EXPECT_TRUE(StderrHas(brief, {name, "converted from UTF-16"}));
  }
  ExpectSameIds(BriefedIds(brief.out), expected);
  // Each converted document reads as the text: title and accented words.
  int converted = 0;
  for (const json& cluster : JsonLines(brief.out)) {
    for (const json& doc : cluster.at("documents")) {
      if (doc.at("id").get<std::string>().find("utf16") == std::string::npos) continue;
      std::string sentences;
      for (const json& s : doc.at("sentences")) sentences += s.at("text").get<std::string>();
      EXPECT_NE(sentences.find("Caf\xC3\xA9 Rivi\xC3\xA8re"), std::string::npos) << doc.at("id");
      EXPECT_EQ(doc.at("title"), "Caf\xC3\xA9 owners welcome the new market square")
          << doc.at("id");
      ++converted;
    }
  }
  EXPECT_EQ(converted, 3);
  EXPECT_TRUE(RssUnder(brief, 200));
}

constexpr size_t kHugeBytes = size_t{200} << 20;

TEST_F(BadInputTest, HugeSingleLineTextFile) {
  std::vector<std::string> expected = WriteGoodArticles();
  const fs::path huge = in_ / "good" / "one-line.txt";
  WriteHuge(huge, "", kHugeBytes, "");
  expected.push_back(huge.string());

  RunResult cluster = Run({"cluster", "-o", (dir_ / "stories.jsonl").string(), in_.string()});
  std::error_code ec;
  fs::remove(huge, ec);  // 200 MB less on disk as soon as possible
  ASSERT_TRUE(Finished(cluster));
  EXPECT_EQ(cluster.exit_code, 0) << "a warning only: the document is cut\n" << cluster.Describe();
  EXPECT_TRUE(StderrHas(cluster, {"one-line.txt", "cut", "--max-document-bytes"}));
  ExpectSameIds(ClusteredIds(ReadWholeFile(dir_ / "stories.jsonl")), expected);
  EXPECT_TRUE(RssUnder(cluster, 1024));
}

TEST_F(BadInputTest, HugeJsonlTextField) {
  std::vector<std::string> expected;
  const fs::path feed = in_ / "feed.jsonl";
  const std::string before = GoodRecords("before-", &expected);
  const std::string after = GoodRecords("after-", &expected);
  WriteHuge(feed, before + "{\"id\":\"huge\",\"source\":\"Long Wire\",\"text\":\"", kHugeBytes,
            "\"}\n" + after);
  expected.push_back("huge");
  const std::string huge_line = ":" + std::to_string(std::size(kArticles) + 1);

  RunResult cluster = Run({"cluster", "-o", (dir_ / "stories.jsonl").string(), feed.string()});
  ASSERT_TRUE(Finished(cluster));
  EXPECT_EQ(cluster.exit_code, 0) << "a warning only: the document is cut\n" << cluster.Describe();
  EXPECT_TRUE(StderrHas(cluster, {"feed.jsonl" + huge_line, "cut", "--max-document-bytes"}));
  ExpectSameIds(ClusteredIds(ReadWholeFile(dir_ / "stories.jsonl")), expected);
  EXPECT_TRUE(RssUnder(cluster, 1024));

  // brief keeps every document of the file in one cluster; a 1 MiB limit
  // keeps its analysis short (8 MiB take minutes under ASan).
  RunResult brief = Run({"brief", "-f", "json", "-o", (dir_ / "brief.jsonl").string(),
                         "--no-clutter", "--max-document-bytes", "1M", feed.string()});
  std::error_code ec;
  fs::remove(feed, ec);
  ASSERT_TRUE(Finished(brief));
  EXPECT_EQ(brief.exit_code, 0) << brief.Describe();
  EXPECT_TRUE(StderrHas(brief, {"feed.jsonl" + huge_line, "cut", "--max-document-bytes"}));
  const std::string brief_out = ReadWholeFile(dir_ / "brief.jsonl");
  ExpectSameIds(BriefedIds(brief_out), expected);
  for (const json& cluster_json : JsonLines(brief_out)) {
    for (const json& doc : cluster_json.at("documents")) {
      if (doc.at("id") == "huge") {
        EXPECT_LE(doc.at("raw_bytes").get<uint64_t>(), uint64_t{1} << 20)
            << "the huge document is not cut to --max-document-bytes 1M";
        EXPECT_GT(doc.at("raw_bytes").get<uint64_t>(), uint64_t{1} << 19)
            << "the huge document is cut far below --max-document-bytes 1M";
      }
    }
  }
  EXPECT_TRUE(RssUnder(brief, 1024));
}

// A folder for many small files, on tmpfs (/dev/shm) when there is one:
// creating and removing 100,000 files on a busy disk can take minutes, and
// the disk is not what is tested. Removed with its contents.
class ManyFilesFolder {
 public:
  explicit ManyFilesFolder(const fs::path& fallback) : path_(fallback) {
    std::error_code ec;
    if (fs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK | X_OK) == 0) {
      RemoveLeftovers("/dev/shm");
      path_ = fs::path("/dev/shm") / (std::string(kPrefix) + std::to_string(::getpid()));
    }
    fs::remove_all(path_, ec);
    fs::create_directories(path_);
  }
  ~ManyFilesFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ManyFilesFolder(const ManyFilesFolder&) = delete;
  ManyFilesFolder& operator=(const ManyFilesFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  static constexpr const char* kPrefix = "dossier_badinput_many_files_";

  // Removes the folders of runs that were killed before cleaning up (their
  // process is gone): tmpfs holds them in memory until the next boot.
  static void RemoveLeftovers(const fs::path& parent) {
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(parent, ec)) {
      const std::string name = e.path().filename().string();
      if (name.rfind(kPrefix, 0) != 0) continue;
      const pid_t pid = static_cast<pid_t>(std::atol(name.c_str() + std::strlen(kPrefix)));
      if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove_all(e.path(), ec);
    }
  }

  fs::path path_;
};

// 100 folders of 1,000 tiny files, two of them bad (an empty one, a binary
// one), then the good articles: every readable file is counted.
TEST_F(BadInputTest, HundredThousandTinyFiles) {
  constexpr int kFolders = 100, kFilesPerFolder = 1000;
  static constexpr const char* kWhat[] = {"bus shelter", "street lamp", "park bench",
                                          "post box",    "bike rack",   "water fountain"};
  const auto start = std::chrono::steady_clock::now();
  ManyFilesFolder tree(dir_ / "tree");
  std::vector<std::string> expected;
  expected.reserve(kFolders * kFilesPerFolder);
  const std::string empty_file = (tree.path() / "d042" / "n0500.txt").string();
  const std::string binary_file = (tree.path() / "d077" / "n0123.txt").string();
  char name[64], text[160];
  for (int f = 0; f < kFolders; ++f) {
    std::snprintf(name, sizeof(name), "d%03d", f);
    const fs::path folder = tree.path() / name;
    fs::create_directories(folder);
    for (int k = 0; k < kFilesPerFolder; ++k) {
      std::snprintf(name, sizeof(name), "n%04d.txt", k);
      int n =
          std::snprintf(text, sizeof(text), "Notice %d: the %s on row %d of district %d was fixed.",
                        f * kFilesPerFolder + k, kWhat[k % std::size(kWhat)], k, f);
      const std::string path = (folder / name).string();
      if (path == empty_file) {
        n = 0;
      } else if (path == binary_file) {
        std::memcpy(text,
                    "\x7F"
                    "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                    16);
        n = 16;
      } else {
        expected.push_back(path);
      }
      int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      ASSERT_GE(fd, 0) << path << ": " << std::strerror(errno);
      ASSERT_EQ(::write(fd, text, static_cast<size_t>(n)), n);
      ::close(fd);
    }
  }
  std::vector<std::string> good = WriteGoodArticles();
  expected.insert(expected.end(), good.begin(), good.end());
  std::printf("[ inputs   ] %d files in %s, written in %.1f s\n", kFolders * kFilesPerFolder,
              tree.path().c_str(),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());

  RunResult cluster =
      Run({"cluster", "-o", (dir_ / "stories.jsonl").string(), tree.path().string(), in_.string()});
  ASSERT_TRUE(Finished(cluster));
  EXPECT_EQ(cluster.exit_code, 1) << cluster.Describe();
  EXPECT_TRUE(StderrHas(cluster, {empty_file + ":", "empty"}));
  EXPECT_TRUE(StderrHas(cluster, {binary_file + ":", "binary file"}));
  ExpectSameIds(ClusteredIds(ReadWholeFile(dir_ / "stories.jsonl")), expected);
  EXPECT_TRUE(RssUnder(cluster, 1024));
}

TEST_F(BadInputTest, SymlinkLoops) {
  std::vector<std::string> expected = WriteGoodArticles("a");
  fs::create_directories(in_ / "a" / "b");
  WriteBytes(in_ / "a" / "b" / "deep.txt", kArticles[0].text);
  expected.push_back((in_ / "a" / "b" / "deep.txt").string());
  fs::create_directory_symlink(".", in_ / "a" / "self");          // a link to its own folder
  fs::create_directory_symlink("../..", in_ / "a" / "b" / "up");  // to an ancestor
  fs::create_symlink("pong", in_ / "a" / "ping");                 // two links to each other
  fs::create_symlink("ping", in_ / "a" / "pong");

  RunResult brief = Run({"brief", "-f", "json", in_.string()}, {.timeout_seconds = 120});
  ASSERT_TRUE(Finished(brief));
  EXPECT_EQ(brief.exit_code, 1) << brief.Describe();
  EXPECT_TRUE(StderrHas(brief, {"self", "symlink loop"}));
  EXPECT_TRUE(StderrHas(brief, {"b/up", "symlink loop"}));
  EXPECT_TRUE(StderrHas(brief, {"ping", "Too many levels of symbolic links"}));
  EXPECT_TRUE(StderrHas(brief, {"pong", "Too many levels of symbolic links"}));
  ExpectSameIds(BriefedIds(brief.out), expected);  // each file once
  EXPECT_TRUE(RssUnder(brief, 200));

  RunResult cluster = Run({"cluster", "-o", (dir_ / "stories.jsonl").string(), in_.string()},
                          {.timeout_seconds = 120});
  ASSERT_TRUE(Finished(cluster));
  EXPECT_EQ(cluster.exit_code, 1) << cluster.Describe();
  EXPECT_TRUE(StderrHas(cluster, {"ping", "Too many levels of symbolic links"}));
  ExpectSameIds(ClusteredIds(ReadWholeFile(dir_ / "stories.jsonl")), expected);
}

// Permission bits do not stop root: as root, the run drops to "nobody" (when
// the binary and the temp folder, and every folder above them, are open to
// it), else the case is skipped.
TEST_F(BadInputTest, UnreadableFileAndFolder) {
  std::vector<std::string> expected = WriteGoodArticles();
  WriteBytes(in_ / "good" / "secret.txt", kArticles[1].text);
  ASSERT_EQ(::chmod((in_ / "good" / "secret.txt").c_str(), 0), 0);
  const fs::path locked = in_ / "good" / "locked";
  fs::create_directories(locked);
  WriteBytes(locked / "inside.txt", kArticles[2].text);
  ASSERT_EQ(::chmod(locked.c_str(), 0), 0);
  struct Unlock {  // so that TearDown can remove the folder, whatever happens
    fs::path path;
    ~Unlock() { ::chmod(path.c_str(), 0755); }
  } unlock{locked};

  RunOptions options;
  if (::geteuid() == 0) {
    options.run_as = 65534;  // nobody
    options.run_as_group = 65534;
    // Every folder above the temp folder and above the binary must let
    // others through (a clone under /root, mode 0700, does not).
    auto passable = [](fs::path p) {
      for (p = fs::absolute(p); p != p.root_path(); p = p.parent_path()) {
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0 || (st.st_mode & S_IXOTH) == 0) return false;
      }
      return true;
    };
    struct stat st {};
    const bool open_to_nobody = passable(in_) && passable(fs::path(DOSSIER_CLI).parent_path()) &&
                                ::stat(DOSSIER_CLI, &st) == 0 && (st.st_mode & S_IXOTH) != 0 &&
                                (st.st_mode & S_IROTH) != 0;
    if (!open_to_nobody) {
      GTEST_SKIP() << "running as root, and the binary or the temp folder is not open to "
                      "'nobody': chmod 000 cannot make a file unreadable for root";
    }
  }
  RunResult brief = Run({"brief", "-f", "json", (in_ / "good").string()}, options);
  ASSERT_NE(brief.exit_code, 125) << "could not drop to nobody";
  ASSERT_TRUE(Finished(brief));
  EXPECT_EQ(brief.exit_code, 1) << brief.Describe();
  EXPECT_TRUE(StderrHas(brief, {"secret.txt", "cannot open", "Permission denied"}));
  EXPECT_TRUE(StderrHas(brief, {"locked", "Permission denied"}));
  ExpectSameIds(BriefedIds(brief.out), expected);
}

TEST_F(BadInputTest, FifoInFolderIsSkipped) {
  std::vector<std::string> expected = WriteGoodArticles();
  const fs::path fifo = in_ / "good" / "pipe.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0) << std::strerror(errno);

  RunResult brief = Run({"brief", "-f", "json", (in_ / "good").string()},
                        {.timeout_seconds = kSanitized ? 120 : 60});
  ASSERT_TRUE(Finished(brief));  // opening the FIFO would block forever: no writer
  EXPECT_EQ(brief.exit_code, 0) << "a warning only\n" << brief.Describe();
  EXPECT_TRUE(StderrHas(brief, {"pipe.txt", "not a regular file", "skipped"}));
  ExpectSameIds(BriefedIds(brief.out), expected);
  EXPECT_TRUE(RssUnder(brief, 200));

  RunResult cluster = Run({"cluster", "-o", (dir_ / "stories.jsonl").string(), in_.string()},
                          {.timeout_seconds = kSanitized ? 120 : 60});
  ASSERT_TRUE(Finished(cluster));
  EXPECT_EQ(cluster.exit_code, 0) << cluster.Describe();
  EXPECT_TRUE(StderrHas(cluster, {"pipe.txt", "not a regular file", "skipped"}));
  ExpectSameIds(ClusteredIds(ReadWholeFile(dir_ / "stories.jsonl")), expected);
}

// /proc/self/mem is a regular file that fails to read (EIO at offset 0), for root too.
TEST_F(BadInputTest, FileThatFailsToRead) {
  std::vector<std::string> expected = WriteGoodArticles();
  fs::create_symlink("/proc/self/mem", in_ / "good" / "mem.txt");

  RunResult brief = Run({"brief", "-f", "json", (in_ / "good").string()}, {.timeout_seconds = 120});
  ASSERT_TRUE(Finished(brief));
  EXPECT_EQ(brief.exit_code, 1) << brief.Describe();
  EXPECT_TRUE(StderrHas(brief, {"mem.txt", "read failed", "Input/output error"}));
  ExpectSameIds(BriefedIds(brief.out), expected);
  EXPECT_TRUE(RssUnder(brief, 200));

  // Named on the command line, not found by a folder walk.
  RunResult direct = Run({"brief", "-f", "json", (in_ / "good" / "mem.txt").string(),
                          (in_ / "good" / "ferry.txt").string()},
                         {.timeout_seconds = 120});
  ASSERT_TRUE(Finished(direct));
  EXPECT_EQ(direct.exit_code, 1) << direct.Describe();
  EXPECT_TRUE(StderrHas(direct, {"mem.txt", "read failed"}));
  ExpectSameIds(BriefedIds(direct.out), {(in_ / "good" / "ferry.txt").string()});
}

TEST_F(BadInputTest, TruncatedGzip) {
  std::vector<std::string> expected = WriteGoodArticles();
  std::string jsonl;
  for (int i = 0; i < 3000; ++i) {
    const Article& a = kArticles[i % std::size(kArticles)];
    char id[32];
    std::snprintf(id, sizeof(id), "wire-%04d", i);
    jsonl += Record(id,
                    std::string(a.text) + "\nUpdate " + std::to_string(i * 7919 % 10007) +
                        ": more details were given by the " + a.source + " desk.",
                    "2015-03-02", a.source);
  }
  const std::string gz = Gzip(jsonl);
  const std::string cut = gz.substr(0, gz.size() / 2);
  WriteBytes(in_ / "feed.jsonl.gz", cut);
  // The complete records in what can be inflated before the cut.
  const std::string prefix = GunzipPrefix(cut);
  size_t complete = 0;
  for (const json& j : JsonLines(prefix.substr(0, prefix.rfind('\n') + 1))) {
    expected.push_back(j.at("id").get<std::string>());
    ++complete;
  }
  ASSERT_GT(complete, 100u);
  ASSERT_LT(complete, 3000u);
  const size_t partial_line = complete + 1;

  RunResult cluster = Run({"cluster", "-o", (dir_ / "stories.jsonl").string(), in_.string()});
  ASSERT_TRUE(Finished(cluster));
  EXPECT_EQ(cluster.exit_code, 1) << cluster.Describe();
  EXPECT_TRUE(StderrHas(cluster, {"feed.jsonl.gz", "truncated gzip stream"}));
  if (prefix.back() != '\n') {  // the cut record: reported by line
    EXPECT_TRUE(
        StderrHas(cluster, {"feed.jsonl.gz:" + std::to_string(partial_line), "bad JSON line"}));
  }
  ExpectSameIds(ClusteredIds(ReadWholeFile(dir_ / "stories.jsonl")), expected);
  EXPECT_TRUE(RssUnder(cluster, 300));
}

TEST_F(BadInputTest, JsonlWithBrokenLinesInTheMiddle) {
  std::vector<std::string> expected;
  std::string feed = GoodRecords("a-", &expected);                     // lines 1-5
  feed += "{\"id\":\"cut\",\"text\":\"The ferry resumed its cross\n";  // 6
  feed += "not JSON at all, just a sentence.\n";                       // 7
  feed += "[\"an\", \"array\"]\n";                                     // 8
  feed += "{\"id\":\"notext\",\"title\":\"No text here\"}\n";          // 9
  feed += "{\"id\":\"trailing\",\"text\":\"Some text.\"} and more\n";  // 10
  feed += "{\"id\":\"number\",\"text\":42}\n";                         // 11
  feed += "{\"id\":\"emptytext\",\"text\":\"   \"}\n";                 // 12
  feed += "{\"id\":\"badutf8\",\"text\":\"Caf\xC3 opens.\"}\n";        // 13
  feed += "\n   \n";                                                   // 14-15 blank
  feed += GoodRecords("b-", &expected);                                // 16-20
  WriteBytes(in_ / "broken.jsonl", feed);
  std::vector<std::string> good = WriteGoodArticles();
  expected.insert(expected.end(), good.begin(), good.end());

  RunResult cluster = Run({"cluster", "-o", (dir_ / "stories.jsonl").string(), in_.string()});
  ASSERT_TRUE(Finished(cluster));
  EXPECT_EQ(cluster.exit_code, 1) << cluster.Describe();
  for (int line : {6, 10, 13}) {
    EXPECT_TRUE(
        StderrHas(cluster, {"broken.jsonl:" + std::to_string(line) + ":", "bad JSON line"}));
  }
  EXPECT_TRUE(StderrHas(cluster, {"broken.jsonl:7:", "not an object"}));
  EXPECT_TRUE(StderrHas(cluster, {"broken.jsonl:8:", "not an object"}));
  EXPECT_TRUE(StderrHas(cluster, {"broken.jsonl:9:", "no \"text\""}));
  EXPECT_TRUE(StderrHas(cluster, {"broken.jsonl:11:", "no \"text\""}));
  EXPECT_TRUE(StderrHas(cluster, {"broken.jsonl:12:", "empty \"text\""}));
  ExpectSameIds(ClusteredIds(ReadWholeFile(dir_ / "stories.jsonl")), expected);

  RunResult brief = Run({"brief", "-f", "json", in_.string()});
  ASSERT_TRUE(Finished(brief));
  EXPECT_EQ(brief.exit_code, 1) << brief.Describe();
  EXPECT_TRUE(StderrHas(brief, {"broken.jsonl:6:", "bad JSON line"}));
  ExpectSameIds(BriefedIds(brief.out), expected);
  EXPECT_TRUE(RssUnder(brief, 200));
}

// The openings of the deep pages' paragraphs: each must start a sentence.
constexpr const char* kDeepParagraphs[] = {"A late frost on Thursday night",
                                           "It is the worst frost since 1997",
                                           "Growers will meet the farm office"};

// A page whose article sits inside `depth` elements opened by `open` (closed
// by `close`, or left open when it is empty).
std::string DeepPage(int depth, std::string_view open, std::string_view close) {
  std::string page =
      "<!DOCTYPE html>\n<html><head><title>Frost damages apple orchards</title></head><body>";
  page.reserve(static_cast<size_t>(depth) * (open.size() + close.size()) + 2000);
  for (int i = 0; i < depth; ++i) page += open;
  page += "<article><h1>Frost damages apple orchards in the valley</h1><p>";
  page += kDeepParagraphs[0];
  page +=
      " damaged up to 40 percent of the apple blossoms in the Linden valley, growers said on "
      "Friday.</p><p>";
  page += kDeepParagraphs[1];
  page +=
      ", said grower Tomas Reyes, who has farmed there for thirty years. The regional farm "
      "office estimated the losses at $3 million.</p><p>";
  page += kDeepParagraphs[2];
  page += " next week to discuss help for the hardest hit orchards.</p></article>";
  for (int i = 0; i < depth; ++i) page += close;
  page += "</body></html>\n";
  return page;
}

// 100,000 nested <div>s around an article, and 100,000 tags of unclosed
// nested tables (gumbo's table modes). Each page holds an article: it is
// extracted with its paragraphs (no words glued across them), the flattened
// nesting is reported by name, and nothing overflows the stack.
TEST_F(BadInputTest, HtmlNestedHundredThousandDeep) {
  std::vector<std::string> expected = WriteGoodArticles();
  const fs::path divs = in_ / "good" / "deep-divs.html";
  const fs::path tables = in_ / "good" / "deep-tables.html";
  WriteBytes(divs, DeepPage(100000, "<div>", "</div>"));
  WriteBytes(tables, DeepPage(33334, "<table><tr><td>", ""));
  expected.insert(expected.end(), {divs.string(), tables.string()});

  RunResult brief = Run({"brief", "-f", "json", (in_ / "good").string()});
  ASSERT_TRUE(Finished(brief));
  EXPECT_EQ(brief.exit_code, 0) << "warnings only\n" << brief.Describe();
  ExpectSameIds(BriefedIds(brief.out), expected);
  for (const fs::path& page : {divs, tables}) {
    EXPECT_TRUE(StderrHas(brief, {page.filename().string()}));
    std::vector<std::string> sentences;
    for (const json& cluster : JsonLines(brief.out)) {
      for (const json& doc : cluster.at("documents")) {
        if (doc.at("id") != page.string()) continue;
        for (const json& s : doc.at("sentences")) sentences.push_back(s.at("text"));
      }
    }
    for (const char* opening : kDeepParagraphs) {
      EXPECT_TRUE(std::any_of(sentences.begin(), sentences.end(),
                              [&](const std::string& s) { return s.rfind(opening, 0) == 0; }))
          << page.filename() << ": no sentence starts with \"" << opening
          << "\" (paragraphs glued together?); first sentence: "
          << (sentences.empty() ? "none" : sentences[0].substr(0, 200));
    }
  }
  EXPECT_TRUE(RssUnder(brief, 400));

  RunResult cluster = Run({"cluster", "-o", (dir_ / "stories.jsonl").string(), in_.string()});
  ASSERT_TRUE(Finished(cluster));
  EXPECT_EQ(cluster.exit_code, 0) << cluster.Describe();
  EXPECT_TRUE(StderrHas(cluster, {"deep-divs.html"}));
  ExpectSameIds(ClusteredIds(ReadWholeFile(dir_ / "stories.jsonl")), expected);
  EXPECT_TRUE(RssUnder(cluster, 400));
}

TEST_F(BadInputTest, MultiNewsRecordWithThousandEmptyDocuments) {
  const std::string sep = " ||||| ";
  std::string normal;
  for (size_t i = 0; i < 3; ++i) {
    if (i > 0) normal += sep;
    normal += kArticles[i].text;
  }
  std::string empties;  // 1,000 empty articles: 999 separators
  for (int i = 0; i < 999; ++i) empties += "|||||";
  json one_real;
  one_real["id"] = "one-real";
  one_real["documents"] = std::vector<std::string>(1000, "");
  one_real["documents"].push_back(kArticles[3].text);
  one_real["summary"] = "Runners registered in record numbers.";
  json newlines;  // 1,000 articles of nothing but line-break markers
  newlines["id"] = "only-newlines";
  newlines["documents"] = std::vector<std::string>(1000, " NEWLINE_CHAR NEWLINE_CHAR ");
  std::string lines;
  for (const json& record :
       {json({{"id", "normal"}, {"document", normal}, {"summary", "Three stories."}}),
        json({{"id", "all-empty"}, {"document", empties}, {"summary", "x"}}), one_real, newlines}) {
    lines += record.dump();
    lines += '\n';
  }
  lines += json({{"id", "normal-2"},
                 {"document", std::string(kArticles[4].text) + sep + kArticles[0].text},
                 {"summary", "Two stories."}})
               .dump() +
           "\n";
  WriteBytes(in_ / "multi.jsonl", lines);

  RunResult brief = Run({"brief", "-f", "json", (in_ / "multi.jsonl").string()});
  ASSERT_TRUE(Finished(brief));
  EXPECT_EQ(brief.exit_code, 1) << brief.Describe();
  EXPECT_TRUE(StderrHas(brief, {"multi.jsonl:2", "no non-empty article"}));
  EXPECT_TRUE(StderrHas(brief, {"multi.jsonl:3", "1000 empty article(s) skipped"}));
  EXPECT_TRUE(StderrHas(brief, {"multi.jsonl:4", "no non-empty article"}));
  std::vector<std::string> clusters;
  for (const json& c : JsonLines(brief.out)) {
    clusters.push_back(c.at("id").get<std::string>() + ":" +
                       std::to_string(c.at("documents").size()));
  }
  EXPECT_EQ(clusters, (std::vector<std::string>{"normal:3", "one-real:1", "normal-2:2"}));
  EXPECT_TRUE(RssUnder(brief, 200));

  RunResult cluster =
      Run({"cluster", "-o", (dir_ / "stories.jsonl").string(), (in_ / "multi.jsonl").string()});
  ASSERT_TRUE(Finished(cluster));
  EXPECT_EQ(cluster.exit_code, 1) << cluster.Describe();
  EXPECT_TRUE(StderrHas(cluster, {"multi.jsonl:2", "no non-empty article"}));
  ExpectSameIds(ClusteredIds(ReadWholeFile(dir_ / "stories.jsonl")),
                {"normal#1", "normal#2", "normal#3", "one-real#1001", "normal-2#1", "normal-2#2"});
}

// Every figure value in `-f json` output is a finite number (JSON has no
// infinity or NaN: nlohmann-json writes them as null).
void ExpectFiniteFigures(const json& cluster) {
  for (const char* list : {"figures", "single_source_figures"}) {
    for (const json& f : cluster.at(list)) {
      EXPECT_TRUE(f.at("value").is_number()) << list << ": " << f.dump().substr(0, 500);
      for (const json& m : f.at("mentions")) {
        EXPECT_TRUE(m.at("value").is_number()) << list << ": " << m.dump().substr(0, 500);
        if (m.contains("value_high")) {
          EXPECT_TRUE(m.at("value_high").is_number()) << list << ": " << m.dump().substr(0, 500);
        }
        if (m.at("value").is_number()) {
          EXPECT_TRUE(std::isfinite(m.at("value").get<double>())) << m.dump().substr(0, 500);
        }
      }
    }
  }
}

TEST_F(BadInputTest, NumbersWithFiveHundredDigits) {
  std::vector<std::string> expected = WriteGoodArticles();
  std::string digits, grouped = "1", decimals;
  for (int i = 0; i < 500; ++i) digits += static_cast<char>('1' + i % 9);
  for (int i = 0; i < 166; ++i) grouped += ",000";  // 499 digits
  for (int i = 0; i < 500; ++i) decimals += static_cast<char>('0' + (i * 7) % 10);
  const std::string text =
      "Auditors count the grains on the town beach\n\n"
      "The auditors counted " +
      digits +
      " grains of sand on the town beach, the report said.\n\n"
      "The deficit reached $" +
      digits +
      " billion, officials said on Monday.\n\n"
      "A total of " +
      grouped +
      " people were counted by the census office.\n\n"
      "The ratio was quoted as 3." +
      decimals +
      " percent by the teacher.\n\n"
      "Prices rose " +
      digits + "-fold, and " + digits + " to " + digits + " visitors came.\n";
  const fs::path numbers = in_ / "good" / "numbers.txt";
  const fs::path again = in_ / "good" / "numbers-again.txt";
  WriteBytes(numbers, text);
  WriteBytes(again,
             "Second report on the beach count\n\n"
             "A second report said " +
                 digits +
                 " grains of sand were counted, and the "
                 "deficit was $" +
                 digits + " billion.\n");
  expected.insert(expected.end(), {numbers.string(), again.string()});
  // In JSON Lines: inside the text, and as an unknown field's value (skipped unread).
  std::string feed = Record("num-text", "The museum holds " + digits + " coins, it said.");
  feed += "{\"id\":\"num-field\",\"views\":" + digits +
          ",\"text\":\"Five coins were stolen from the museum on Sunday.\"}\n";
  WriteBytes(in_ / "good" / "numbers.jsonl", feed);
  expected.insert(expected.end(), {"num-text", "num-field"});

  RunResult brief = Run({"brief", "-f", "json", (in_ / "good").string()});
  ASSERT_TRUE(Finished(brief));
  EXPECT_EQ(brief.exit_code, 0) << brief.Describe();
  ExpectSameIds(BriefedIds(brief.out), expected);
  size_t figures = 0;
  for (const json& cluster : JsonLines(brief.out)) {
    ExpectFiniteFigures(cluster);
    figures += cluster.at("figures").size() + cluster.at("single_source_figures").size();
  }
  EXPECT_GT(figures, 0u) << "the ordinary figures of the batch are lost";
  EXPECT_TRUE(RssUnder(brief, 200));

  RunResult md = Run({"brief", (in_ / "good").string()});
  ASSERT_TRUE(Finished(md));
  EXPECT_EQ(md.exit_code, 0) << md.Describe();
  EXPECT_EQ(md.out.find("inf "), std::string::npos) << "an infinite figure in the Markdown";
  EXPECT_EQ(md.out.find("nan"), std::string::npos) << "a NaN figure in the Markdown";
}

TEST_F(BadInputTest, ImpossibleDates) {
  std::vector<std::string> expected = WriteGoodArticles();
  const fs::path text = in_ / "good" / "dates.txt";
  WriteBytes(text,
             "Council sets hearing dates\n\nFebruary 30, 2015\n\n"
             "The council said the hearing would be held on February 30, 2015, in the town "
             "hall.\n\nThe previous mayor resigned on 31 April 2014 after a long dispute.\n\n"
             "The contract ran until 2015-02-30 and was renewed on June 31, 2015.\n\n"
             "Officials said the budget was agreed on February 29, 2015, a date that never "
             "was.\n\nOn February 30 the council will vote again.\n\n"
             "The new square opened on March 3, 2015, with a concert.\n");
  expected.push_back(text.string());
  std::string feed;
  feed += Record("bad-iso", "The fair opened on Friday with 40 stalls and a band.", "2015-02-30");
  feed +=
      Record("bad-words", "The fair closed on Sunday after three busy days.", "February 30, 2015");
  feed += Record("leap-ok", "The fair was held on a leap day for the first time.", "2016-02-29");
  feed += Record("bad-leap", "Organisers said the fair would return next year.", "2015-02-29");
  WriteBytes(in_ / "good" / "dates.jsonl", feed);
  expected.insert(expected.end(), {"bad-iso", "bad-words", "leap-ok", "bad-leap"});

  RunResult brief = Run({"brief", "-f", "json", (in_ / "good").string()});
  ASSERT_TRUE(Finished(brief));
  EXPECT_EQ(brief.exit_code, 0) << "warnings only: every document is read\n" << brief.Describe();
  EXPECT_TRUE(StderrHas(brief, {"dates.jsonl:1", "2015-02-30"}));
  EXPECT_TRUE(StderrHas(brief, {"dates.jsonl:2", "February 30, 2015"}));
  EXPECT_TRUE(StderrHas(brief, {"dates.jsonl:4", "2015-02-29"}));
  ExpectSameIds(BriefedIds(brief.out), expected);
  for (const json& cluster : JsonLines(brief.out)) {
    for (const json& doc : cluster.at("documents")) {
      if (doc.at("date").is_string()) {
        EXPECT_TRUE(ValidIsoDate(doc.at("date").get<std::string>()))
            << doc.at("id") << " dated " << doc.at("date");
      }
      if (doc.at("id") == "leap-ok") {
        EXPECT_EQ(doc.at("date"), "2016-02-29");
      }
      if (doc.at("id") == "bad-iso") {
        EXPECT_TRUE(doc.at("date").is_null());
      }
    }
    for (const json& t : cluster.at("timeline")) {
      if (!t.at("date").is_string()) continue;
      EXPECT_TRUE(ValidTimelineDate(t.at("date").get<std::string>()))
          << "timeline entry: " << t.dump().substr(0, 400);
    }
  }
  EXPECT_TRUE(RssUnder(brief, 200));
  // Alone (in the folder it is another story, set aside), dates.txt gives its
  // one possible date to the timeline.
  RunResult alone = Run({"brief", "-f", "json", text.string()});
  ASSERT_TRUE(Finished(alone));
  bool march_third = false;
  for (const json& cluster : JsonLines(alone.out)) {
    for (const json& t : cluster.at("timeline")) {
      if (!t.at("date").is_string()) continue;
      const std::string date = t.at("date").get<std::string>();
      EXPECT_TRUE(ValidTimelineDate(date)) << "timeline entry: " << t.dump().substr(0, 400);
      march_third = march_third || date == "2015-03-03";
    }
  }
  EXPECT_TRUE(march_third) << "the one possible date of dates.txt is not in the timeline";

  RunResult cluster = Run({"cluster", "-o", (dir_ / "stories.jsonl").string(), in_.string()});
  ASSERT_TRUE(Finished(cluster));
  EXPECT_EQ(cluster.exit_code, 0) << cluster.Describe();
  EXPECT_TRUE(StderrHas(cluster, {"dates.jsonl:1", "2015-02-30"}));
  ExpectSameIds(ClusteredIds(ReadWholeFile(dir_ / "stories.jsonl")), expected);
  for (const json& story : JsonLines(ReadWholeFile(dir_ / "stories.jsonl"))) {
    for (const char* key : {"first_date", "last_date"}) {
      if (story.at(key).is_string()) {
        EXPECT_TRUE(ValidIsoDate(story.at(key).get<std::string>())) << story.dump();
      }
    }
  }
}

}  // namespace
}  // namespace dossier
