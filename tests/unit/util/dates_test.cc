#include "util/dates.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

std::string Find(std::string_view text) {
  CivilDate d;
  size_t b = 0, e = 0;
  if (!FindFullDate(text, &d, &b, &e)) return "none";
  return d.ToIso() + "@" + std::string(text.substr(b, e - b));
}

TEST(DatesTest, FindsCommonNewsForms) {
  EXPECT_EQ(Find("November 27, 2015"), "2015-11-27@November 27, 2015");
  EXPECT_EQ(Find("New York, NY -- Dec. 18, 2015 --"), "2015-12-18@Dec. 18, 2015");
  EXPECT_EQ(Find("Saturday 14 March 2026"), "2026-03-14@14 March 2026");
  EXPECT_EQ(Find("posted 2015-11-27T10:00"), "2015-11-27@2015-11-27");
  EXPECT_EQ(Find("on 11/27/2015."), "2015-11-27@11/27/2015");
  EXPECT_EQ(Find("Sept. 3rd, 2001"), "2001-09-03@Sept. 3rd, 2001");
}

TEST(DatesTest, RejectsImpossibleAndYearlessDates) {
  EXPECT_EQ(Find("February 30, 2015"), "none");
  EXPECT_EQ(Find("February 29, 2015"), "none");
  EXPECT_EQ(Find("February 29, 2016"), "2016-02-29@February 29, 2016");
  EXPECT_EQ(Find("on March 13 the talks"), "none");
  EXPECT_EQ(Find("Mayday 12, 2015"), "none");
}

TEST(DatesTest, ParseDateAcceptsIsoTimestamps) {
  CivilDate d;
  EXPECT_TRUE(ParseDate(" 2015-11-27T10:00:00Z ", &d));
  EXPECT_EQ(d.ToIso(), "2015-11-27");
  EXPECT_TRUE(ParseDate("November 27, 2015", &d));
  EXPECT_FALSE(ParseDate("yesterday", &d));
  EXPECT_FALSE(ParseDate("2015-13-01", &d));
}

TEST(DatesTest, MonthNames) {
  EXPECT_EQ(MonthFromName("Dec."), 12);
  EXPECT_EQ(MonthFromName("sept"), 9);
  EXPECT_EQ(MonthFromName("Ma"), 0);
  EXPECT_EQ(MonthFromName("Mayor"), 0);
}

}  // namespace
}  // namespace dossier
