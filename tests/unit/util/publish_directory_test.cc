// PublishDirectory and WriteFileAtomic(sync=false), as `dossier digest` uses
// them to put a finished output folder in place.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../temp_dir.h"
#include "dossier/files.h"

namespace dossier {
namespace {

namespace fs = std::filesystem;

class PublishDirectoryTest : public TempDirTest {
 protected:
  static void Put(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
  }
  static std::string Get(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  // Every regular file under `root`, relative, sorted.
  static std::vector<std::string> Files(const fs::path& root) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (e.is_regular_file()) out.push_back(e.path().lexically_relative(root).string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  // Entries directly in dir_ (to see leftovers of staging or old trees).
  std::vector<std::string> Entries() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) out.push_back(e.path().filename());
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST_F(PublishDirectoryTest, MovesStagingIntoANewTarget) {
  const fs::path staging = dir_ / ".digest.staging";
  const fs::path target = dir_ / "digest";
  Put(staging / "index.html", "<p>index</p>");
  Put(staging / "stories" / "s1.html", "<p>one</p>");

  Status s = PublishDirectory(staging.string(), target.string());
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_FALSE(fs::exists(staging));
  EXPECT_EQ(Files(target), (std::vector<std::string>{"index.html", "stories/s1.html"}));
  EXPECT_EQ(Get(target / "index.html"), "<p>index</p>");
  EXPECT_EQ(Get(target / "stories" / "s1.html"), "<p>one</p>");
  EXPECT_EQ(Entries(), (std::vector<std::string>{"digest"}));
}

TEST_F(PublishDirectoryTest, ReplacesAnExistingTargetWholly) {
  const fs::path staging = dir_ / ".digest.staging";
  const fs::path target = dir_ / "digest";
  // The old run: files the new one does not have must disappear.
  Put(target / "index.html", "old index");
  Put(target / "stories" / "s1.html", "old one");
  Put(target / "stories" / "s9.html", "old nine");
  Put(target / "obsolete.md", "old");
  // The new run.
  Put(staging / "index.html", "new index");
  Put(staging / "digest.md", "# new");
  Put(staging / "stories" / "s1.html", "new one");

  Status s = PublishDirectory(staging.string(), target.string());
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Files(target),
            (std::vector<std::string>{"digest.md", "index.html", "stories/s1.html"}));
  EXPECT_EQ(Get(target / "index.html"), "new index");
  EXPECT_EQ(Get(target / "digest.md"), "# new");
  EXPECT_EQ(Get(target / "stories" / "s1.html"), "new one");
  EXPECT_FALSE(fs::exists(target / "obsolete.md"));
  EXPECT_FALSE(fs::exists(target / "stories" / "s9.html"));
  // Neither the staging folder nor the old tree is left behind.
  EXPECT_FALSE(fs::exists(staging));
  EXPECT_EQ(Entries(), (std::vector<std::string>{"digest"}));
}

TEST_F(PublishDirectoryTest, PublishingTwiceInARowWorks) {
  const fs::path target = dir_ / "out";
  for (int run = 1; run <= 3; ++run) {
    const fs::path staging = dir_ / ("staging" + std::to_string(run));
    Put(staging / "run.txt", "run " + std::to_string(run));
    Status s = PublishDirectory(staging.string(), target.string());
    ASSERT_TRUE(s.ok()) << "run " << run << ": " << s.ToString();
    EXPECT_EQ(Get(target / "run.txt"), "run " + std::to_string(run));
    EXPECT_EQ(Entries(), (std::vector<std::string>{"out"}));
  }
}

TEST_F(PublishDirectoryTest, MissingStagingIsAnError) {
  const fs::path target = dir_ / "digest";
  Put(target / "index.html", "kept");
  Status s = PublishDirectory((dir_ / "no-such-staging").string(), target.string());
  EXPECT_FALSE(s.ok());
  // The existing output is untouched.
  EXPECT_EQ(Get(target / "index.html"), "kept");
}

TEST_F(PublishDirectoryTest, WriteFileAtomicWithoutSyncWritesTheContent) {
  const fs::path path = dir_ / "stories.jsonl";
  const std::string content = std::string("{\"id\":\"s1\"}\n{\"id\":\"s2\"}\n") +
                              std::string(100000, 'x') + std::string(1, '\0') + "tail";
  Status s = WriteFileAtomic(path.string(), content, /*sync=*/false);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Get(path), content);
  // Overwriting replaces the whole file, and leaves no temporary file.
  s = WriteFileAtomic(path.string(), "short", /*sync=*/false);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Get(path), "short");
  EXPECT_EQ(Entries(), (std::vector<std::string>{"stories.jsonl"}));
}

TEST_F(PublishDirectoryTest, WriteFileAtomicIntoMissingFolderFails) {
  Status s = WriteFileAtomic((dir_ / "missing" / "x.txt").string(), "x", /*sync=*/false);
  EXPECT_FALSE(s.ok());
  EXPECT_FALSE(fs::exists(dir_ / "missing"));
}

}  // namespace
}  // namespace dossier
