#include "dossier/status.h"

#include <gtest/gtest.h>

#include <string>

namespace dossier {
namespace {

TEST(ResultTest, HoldsAValueOrAStatus) {
  Result<std::string> good = std::string("text");
  ASSERT_TRUE(good.ok());
  EXPECT_TRUE(good.status().ok());
  EXPECT_EQ(*good, "text");
  EXPECT_EQ(good->size(), 4u);
  std::string moved = std::move(good).value();
  EXPECT_EQ(moved, "text");

  Result<std::string> bad = Status(StatusCode::kInvalidInput, "no text", "a.txt");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
}

TEST(ResultDeathTest, ValueOfAnErrorAbortsWithTheStatusNotAnException) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const Result<int> bad = Status(StatusCode::kInvalidInput, "no number", "n.txt");
  EXPECT_DEATH((void)bad.value(), "Result::value\\(\\) of an error.*n.txt: no number");
}

}  // namespace
}  // namespace dossier
