// TempDirTest: a test fixture owning a fresh folder per test, removed after
// it, for tests that read or write real files.
//
//   class ReaderTest : public TempDirTest {};
//   TEST_F(ReaderTest, ReadsAFile) {
//     const std::string path = Write("a/b.txt", "text");  // dir_ / "a/b.txt"
//   }
#ifndef DOSSIER_TESTS_UNIT_TEMP_DIR_H_
#define DOSSIER_TESTS_UNIT_TEMP_DIR_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace dossier {

class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("dossier_" + std::string(info->test_suite_name()) + "_" + std::to_string(::getpid()) +
            "_" + info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // Writes `bytes` to dir_ / `relative` (creating its folders); returns the path.
  std::string Write(const std::string& relative, const std::string& bytes) const {
    const std::filesystem::path p = dir_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  std::filesystem::path dir_;
};

}  // namespace dossier

#endif  // DOSSIER_TESTS_UNIT_TEMP_DIR_H_
