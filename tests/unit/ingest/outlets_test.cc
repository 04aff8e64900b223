#include "ingest/outlets.h"

#include <gtest/gtest.h>

#include "../data_folder.h"

namespace dossier {
namespace {

TEST(OutletsTest, HostOfAnAddress) {
  EXPECT_EQ(HostOf("https://www.USAToday.com/story/x"), "www.usatoday.com");
  EXPECT_EQ(HostOf("http://user@example.org:8080/a?b"), "example.org");
  EXPECT_EQ(HostOf("https://example.org."), "example.org");
  EXPECT_EQ(HostOf("example.org/a"), "");
  EXPECT_EQ(HostOf("file:///etc/hostname"), "");
}

TEST(OutletsTest, ThePageNamingItsPublisherWins) {
  EXPECT_EQ(OutletName({"Los Angeles Times", ""}, "https://www.latimes.com/a"),
            "Los Angeles Times");
  EXPECT_EQ(OutletName({"", "Deccan Herald"}, ""), "Deccan Herald");
  // A tagline after the name is cut.
  EXPECT_EQ(OutletName({"LinkNaija | Nigeria's popular news platform"}, ""), "LinkNaija");
  EXPECT_EQ(OutletName({"The Jerusalem Post | JPost.com"}, ""), "The Jerusalem Post");
  EXPECT_EQ(OutletName({"@politifact", "PolitiFact"}, ""), "PolitiFact");
}

TEST(OutletsTest, DomainLabelsAndPlaceholdersGiveWayToTheDomainTable) {
  EXPECT_EQ(OutletName({"usatoday"}, "https://www.usatoday.com/story/news/a"), "USA Today");
  EXPECT_EQ(OutletName({"nj"}, "https://www.nj.com/entertainment/a.html"), "NJ.com");
  EXPECT_EQ(OutletName({"detroitnews"}, "https://www.detroitnews.com/story/a"), "The Detroit News");
  EXPECT_EQ(OutletName({"Hosted"}, "https://hosted.ap.org/berkshireeagle/article/x"),
            "Associated Press");
  EXPECT_EQ(OutletName({"U.S."}, "https://www.reuters.com/article/us-x"), "Reuters");
  EXPECT_EQ(OutletName({"@politifact"}, "https://www.politifact.com/a/"), "PolitiFact");
  EXPECT_EQ(OutletName({""}, "https://www.nytimes.com/2019/11/19/opinion/a.html"),
            "The New York Times");
}

TEST(OutletsTest, AnAddressIsNeverTheName) {
  EXPECT_EQ(OutletName({"https://www.hawaiinewsnow.com"}, ""), "Hawaii News Now");
  EXPECT_EQ(OutletName({"livescience.com"}, "https://www.livescience.com/x.html"), "Live Science");
  EXPECT_EQ(OutletName({"MacRumors.com"}, "https://www.macrumors.com/x/"), "MacRumors.com");
  // Unknown hosts: the host without "www.", never a scheme or path.
  EXPECT_EQ(OutletName({"my6sense"}, "https://my6sense.com/2018/07/02/a/"), "my6sense.com");
  EXPECT_EQ(OutletName({}, "https://www.vortexcannon.org/about-bugs/"), "vortexcannon.org");
  EXPECT_EQ(OutletName({"https://www.newsnation.example/"}, ""), "newsnation.example");
  // No address at all: a domain label is better than nothing.
  EXPECT_EQ(OutletName({"oregonlive"}, ""), "oregonlive");
  EXPECT_EQ(OutletName({"Hosted"}, ""), "");
}

TEST(OutletsTest, KnownOutletTakesTheLongestDomain) {
  EXPECT_EQ(KnownOutlet("hosted.ap.org"), "Associated Press");
  EXPECT_EQ(KnownOutlet("edition.cnn.com"), "CNN");
  EXPECT_EQ(KnownOutlet("news.sky.com"), "Sky News");
  EXPECT_EQ(KnownOutlet("example.com"), "");
}

TEST(OutletsTest, DateFromTheAddressPath) {
  EXPECT_EQ(DateFromUrl("https://www.usatoday.com/story/news/nation/2019/11/19/meth/4236383002/"),
            "2019-11-19");
  EXPECT_EQ(DateFromUrl("https://www.politifact.com/wv/statements/2019/nov/18/david/x/"),
            "2019-11-18");
  EXPECT_EQ(DateFromUrl("https://example.com/news/2015-12-18-talks-in-moscow"), "2015-12-18");
  EXPECT_EQ(DateFromUrl("https://example.com/20151218/talks"), "2015-12-18");
  EXPECT_EQ(DateFromUrl("https://example.com/a/2015_12_18/b"), "2015-12-18");
  // Not dates: an id that starts with digits, a month without a day, impossible days,
  // numbers in the host or the query.
  EXPECT_EQ(DateFromUrl("https://sputniknews.com/columnists/201911181077343476-royal/"), "");
  EXPECT_EQ(DateFromUrl("https://www.linknaija.com/2018/10/nollywood.html"), "");
  EXPECT_EQ(DateFromUrl("https://example.com/2019/02/30/x"), "");
  EXPECT_EQ(DateFromUrl("https://2019.example.com/11/19/x"), "");
  EXPECT_EQ(DateFromUrl("https://example.com/x?d=2019-11-19"), "");
  EXPECT_EQ(DateFromUrl("/2019/11/19/not-an-address"), "");
}

TEST(OutletsTest, BylinesLoseTheirDatesAndUpdates) {
  EXPECT_EQ(CleanBylineDates("Madeline Fry | November 18, 2019 12:01 PM"), "Madeline Fry");
  EXPECT_EQ(CleanBylineDates("Jeff Foust Monday, November 18, 2019"), "Jeff Foust");
  EXPECT_EQ(CleanBylineDates("JERUSALEM POST STAFF NOVEMBER 20, 2019 10:43"),
            "JERUSALEM POST STAFF");
  EXPECT_EQ(CleanBylineDates("Jane Roe · Updated 3:45 PM ET"), "Jane Roe");
  EXPECT_EQ(CleanBylineDates("Jane Roe, 2019-11-18"), "Jane Roe");
  // Names that look like dates stay: the first word is never cut, and a month
  // name is a date only before a number.
  EXPECT_EQ(CleanBylineDates("May Smith and June Carter"), "May Smith and June Carter");
  EXPECT_EQ(CleanBylineDates("Amy Kuperinsky | NJ Advance Media for NJ.com"),
            "Amy Kuperinsky | NJ Advance Media for NJ.com");
}

// A Russian page's byline loses its date part at a label written with a
// capital ("Обновлено"): labels compare case-folded (Unicode), not in ASCII
// lower case.
TEST(OutletsTest, ARussianDateLabelCutsTheBylineWhateverItsCase) {
  Result<Outlets> ru = Outlets::Create("", "ru");
  ASSERT_TRUE(ru.ok()) << ru.status().ToString();
  EXPECT_EQ(ru->CleanBylineDates("Иван Петров Обновлено вчера"), "Иван Петров");
  EXPECT_EQ(ru->CleanBylineDates("Иван Петров, ОПУБЛИКОВАНО утром"), "Иван Петров");
  // A label is a date label only as a word of the byline after the first.
  EXPECT_EQ(ru->CleanBylineDates("Иван Обновленский"), "Иван Обновленский");
}

class OutletsWordsTest : public DataFolderTest {};

// The date labels of a data folder's bylines.txt, whatever their case.
TEST_F(OutletsWordsTest, DateLabelsOfTheDataFolder) {
  Extend("ru/bylines.txt", "Правка | date_label");
  Result<Outlets> folder = Outlets::Create(data_dir(), "ru");
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  EXPECT_EQ(folder->CleanBylineDates("Иван Петров правка вчера"), "Иван Петров");
  Result<Outlets> built_in = Outlets::Create("", "ru");
  ASSERT_TRUE(built_in.ok()) << built_in.status().ToString();
  EXPECT_EQ(built_in->CleanBylineDates("Иван Петров правка вчера"), "Иван Петров правка вчера");
}

}  // namespace
}  // namespace dossier
