#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "../temp_dir.h"
#include "dossier/files.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class FileIoTest : public TempDirTest {
 protected:
  static std::string Gzip(const std::string& data) {
    uLongf size = compressBound(static_cast<uLong>(data.size())) + 32;
    std::string out(size, '\0');
    z_stream zs{};
    deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
  }
};

TEST_F(FileIoTest, ReadsPlainAndGzipFiles) {
  Result<FileContents> plain = ReadInputFile(Write("a.txt", "hello"), 1000);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->bytes, "hello");
  EXPECT_FALSE(plain->gzip);
  Result<FileContents> gz = ReadInputFile(Write("a.txt.gz", Gzip("hello gzip")), 1000);
  ASSERT_TRUE(gz.ok());
  EXPECT_EQ(gz->bytes, "hello gzip");
  EXPECT_TRUE(gz->gzip);
  EXPECT_TRUE(gz->warning.ok());
}

TEST_F(FileIoTest, TruncatedGzipKeepsWhatWasReadAndWarns) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "line " + std::to_string(i) + "\n";
  std::string gz = Gzip(text);
  Result<FileContents> r = ReadInputFile(Write("t.gz", gz.substr(0, gz.size() / 2)), 1 << 20);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->warning.ok());
  EXPECT_NE(r->warning.ToString().find("truncated gzip"), std::string::npos);
  EXPECT_GT(r->bytes.size(), 0u);
  EXPECT_EQ(text.compare(0, r->bytes.size(), r->bytes), 0);
}

TEST_F(FileIoTest, MissingFileAndDirectoryAreErrorsNamingThePath) {
  Result<FileContents> missing = ReadInputFile((dir_ / "nope.txt").string(), 1000);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().ToString().find("nope.txt"), std::string::npos);
  Result<FileContents> dir = ReadInputFile(dir_.string(), 1000);
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.status().code(), StatusCode::kInvalidInput);
}

TEST_F(FileIoTest, SizeLimitIsEnforcedForPlainAndGzip) {
  Result<FileContents> big = ReadInputFile(Write("big.txt", std::string(5000, 'x')), 1000);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kResourceExhausted);
  Result<FileContents> bomb = ReadInputFile(Write("bomb.gz", Gzip(std::string(100000, 'x'))), 1000);
  ASSERT_FALSE(bomb.ok());
  EXPECT_EQ(bomb.status().code(), StatusCode::kResourceExhausted);
}

TEST_F(FileIoTest, UnreadableFileIsAnIoError) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: permissions are not enforced";
  std::string p = Write("secret.txt", "x");
  ::chmod(p.c_str(), 0);
  Result<FileContents> r = ReadInputFile(p, 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
}

TEST_F(FileIoTest, AtomicWriteReplacesWholeFileAndLeavesNoTemporary) {
  std::string p = (dir_ / "out.txt").string();
  ASSERT_TRUE(WriteFileAtomic(p, "first").ok());
  ASSERT_TRUE(WriteFileAtomic(p, "second version").ok());
  std::ifstream in(p);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "second version");
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir_)) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);
}

TEST_F(FileIoTest, PiecewiseWriterShowsNothingUntilCommitAndCleansUpWhenAbandoned) {
  const std::string p = (dir_ / "stories.jsonl").string();
  ASSERT_TRUE(WriteFileAtomic(p, "old\n").ok());
  auto read = [&] {
    std::ifstream in(p);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  };
  auto files = [&] {
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir_)) n += e.is_regular_file();
    return n;
  };
  {
    AtomicFileWriter out;
    ASSERT_TRUE(out.Open(p).ok());
    out.Write("line 1\n");
    EXPECT_EQ(read(), "old\n");  // not replaced before Commit
    EXPECT_EQ(files(), 2u);      // the file and the temporary
  }                              // abandoned: the temporary goes
  EXPECT_EQ(read(), "old\n");
  EXPECT_EQ(files(), 1u);
  AtomicFileWriter out;
  ASSERT_TRUE(out.Open(p).ok());
  out.Write("line 1\n");
  out.Write("line 2\n");
  ASSERT_TRUE(out.Commit().ok());
  EXPECT_EQ(read(), "line 1\nline 2\n");
  EXPECT_EQ(files(), 1u);
  EXPECT_FALSE(out.Commit().ok());  // once only
}

TEST_F(FileIoTest, AtomicWriteIntoMissingFolderFails) {
  Status s = WriteFileAtomic((dir_ / "no" / "such" / "out.txt").string(), "x");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace dossier
