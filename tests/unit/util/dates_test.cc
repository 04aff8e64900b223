#include "util/dates.h"

#include <gtest/gtest.h>

#include "../data_folder.h"

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

class CalendarNamesTest : public DataFolderTest {};

TEST_F(CalendarNamesTest, NamesAddedToTheDataFolderAreRead) {
  Extend("en/months.txt",
         "novembre | 11\n"
         "d\xc3\xa9"
         "cembre | 12");
  Write("en/weekdays.txt",
        "lundi | 1\nmardi | 2\nmercredi | 3\njeudi | 4\nvendredi | 5\nsamedi | 6\n"
        "dimanche | 7\n");
  Result<CalendarNames> names = CalendarNames::Create(data_dir());
  ASSERT_TRUE(names.ok()) << names.status().ToString();
  CivilDate d;
  size_t b = 0, e = 0;
  // The folder's names, also one with a letter outside ASCII.
  ASSERT_TRUE(FindFullDate("Paris, le 27 novembre 2015", &d, &b, &e, *names));
  EXPECT_EQ(d.ToIso(), "2015-11-27");
  ASSERT_TRUE(
      ParseDate("3 D\xc3\xa9"
                "cembre 2015",
                &d, *names));
  EXPECT_EQ(d.ToIso(), "2015-12-03");
  EXPECT_EQ(names->Month("November"), 11);  // the built-in lines are kept in the file
  EXPECT_EQ(names->Weekday("mardi"), 1);
  EXPECT_EQ(names->Weekday("tuesday"), -1);  // the file replaced the English weekdays
  // The built-in names know none of them.
  EXPECT_FALSE(FindFullDate("Paris, le 27 novembre 2015", &d, &b, &e));
  EXPECT_EQ(WeekdayFromName("mardi"), -1);
  EXPECT_EQ(WeekdayFromName("tuesday"), 1);
}

TEST_F(CalendarNamesTest, ALanguageWithoutNamesOrABadLineIsAnError) {
  EXPECT_EQ(CalendarNames::Create("", "xx").status().code(), StatusCode::kNotFound);
  Write("en/months.txt", "january | 13\n");
  Result<CalendarNames> bad = CalendarNames::Create(data_dir());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(bad.status().message().find("line 1"), std::string::npos) << bad.status().ToString();
  CopyLanguage("en", "xx");
  EXPECT_TRUE(CalendarNames::Create(data_dir(), "xx").ok());
}

TEST(DatesTest, CommonWordMonthsAreFlagged) {
  bool common = false;
  EXPECT_EQ(CalendarNames::BuiltIn().Month("May", &common), 5);
  EXPECT_TRUE(common);
  EXPECT_EQ(CalendarNames::BuiltIn().Month("March", &common), 3);
  EXPECT_FALSE(common);
}

// A day may have several names (forms of the word), some of them common
// words; names of other scripts are read in lower case.
TEST(DatesTest, WeekdaysWithSeveralNames) {
  Result<CalendarNames> pt = CalendarNames::Create("", "pt");
  ASSERT_TRUE(pt.ok()) << pt.status().ToString();
  bool common = true;
  EXPECT_EQ(pt->Weekday("terça-feira", &common), 1);
  EXPECT_FALSE(common);
  EXPECT_EQ(pt->Weekday("terça", &common), 1);
  EXPECT_TRUE(common);
  EXPECT_EQ(pt->Weekday("sábado"), 5);
  Result<CalendarNames> ru = CalendarNames::Create("", "ru");
  ASSERT_TRUE(ru.ok()) << ru.status().ToString();
  EXPECT_EQ(ru->Weekday("вторник"), 1);
  EXPECT_EQ(ru->Weekday("пятницу"), 4);
  EXPECT_EQ(ru->Month("января"), 1);
  EXPECT_EQ(ru->Month("январе"), 1);
  EXPECT_EQ(ru->Month("янв."), 1);
  EXPECT_EQ(CalendarNames::BuiltIn().Weekday("terça"), -1);
}

}  // namespace
}  // namespace dossier
