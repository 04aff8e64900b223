#include "segment/metadata.h"

#include <gtest/gtest.h>

#include "../data_folder.h"
#include "segment/clutter.h"

namespace dossier {
namespace {

Document Make(std::string text) {
  Document d;
  d.text = std::move(text);
  d.paragraphs = SplitLines(d.text);
  return d;
}

TEST(MetadataTest, HeadlineAndDatelineAreFoundAndRemovedFromParagraphs) {
  Document d = Make("French, Russian presidents meet\n\nNovember 27, 2015\n\nThe presidents met.");
  DetectMetadata(&d);
  EXPECT_EQ(d.title, "French, Russian presidents meet");
  EXPECT_EQ(d.date, "2015-11-27");
  EXPECT_EQ(d.date_span.Slice(d.text), "November 27, 2015");
  ASSERT_EQ(d.paragraphs.size(), 1u);
  EXPECT_EQ(d.paragraphs[0].Slice(d.text), "The presidents met.");
}

TEST(MetadataTest, FirstSentenceIsNotAHeadline) {
  Document d = Make("The presidents met on Friday.\nThey agreed.");
  DetectMetadata(&d);
  EXPECT_EQ(d.title, "");
  EXPECT_EQ(d.paragraphs.size(), 2u);
}

TEST(MetadataTest, ALineIntroducingTheTextIsNeitherHeadlineNorSentence) {
  Document d = Make(
      "The Marlow Gazette said in an editorial for Friday, May 3:\n\n"
      "The harbour bridge should reopen before the ferry strike ends.");
  DetectMetadata(&d);
  EXPECT_EQ(d.title, "");
  ASSERT_EQ(d.paragraphs.size(), 1u);
  EXPECT_EQ(d.paragraphs[0].Slice(d.text),
            "The harbour bridge should reopen before the ferry strike ends.");
}

TEST(MetadataTest, AShortFirstParagraphOpeningWithADatelineIsTheFirstSentence) {
  Document d = Make(
      "MARLOW BAY _ Cranes lift and tempers rise as the port asks who pays for the bridge?\n\n"
      "The bridge closed in March.");
  DetectMetadata(&d);
  EXPECT_EQ(d.title, "");
  EXPECT_EQ(d.dateline_span.Slice(d.text), "MARLOW BAY _");
  ASSERT_EQ(d.paragraphs.size(), 2u);
  EXPECT_EQ(d.paragraphs[0].Slice(d.text),
            "Cranes lift and tempers rise as the port asks who pays for the bridge?");
}

TEST(MetadataTest, AHeadlineWrittenAsAListItemLosesItsMark) {
  Document d = Make("*Port to reopen the harbour bridge\n\nThe bridge reopens on Monday.");
  DetectMetadata(&d);
  EXPECT_EQ(d.title, "Port to reopen the harbour bridge");
  ASSERT_EQ(d.paragraphs.size(), 1u);
}

TEST(MetadataTest, GivenTitleIsLocatedButNotReplaced) {
  Document d = Make("Bridge Falls\nThe bridge fell.");
  d.title = "Bridge Falls";
  DetectMetadata(&d);
  EXPECT_EQ(d.title_span.Slice(d.text), "Bridge Falls");
  EXPECT_EQ(d.paragraphs.size(), 1u);
}

TEST(MetadataTest, DatelineInsideTheFirstParagraphGivesTheDate) {
  Document d = Make(
      "Headline here\nWASHINGTON, Nov. 27, 2015 -- The talks ended late on Friday "
      "with no agreement on the main points of the draft.");
  DetectMetadata(&d);
  EXPECT_EQ(d.date, "2015-11-27");
  EXPECT_EQ(d.paragraphs.size(), 1u);  // the dateline paragraph is story text
}

std::string DatelineOf(const std::string& text, std::string* rest, std::string* source) {
  Document d = Make(text);
  DetectMetadata(&d);
  *rest = d.paragraphs.empty() ? "" : std::string(d.paragraphs[0].Slice(d.text));
  *source = d.source;
  return std::string(d.dateline_span.Slice(d.text));
}

TEST(MetadataTest, NewswireDatelinesAreSetApart) {
  std::string rest, source;
  EXPECT_EQ(DatelineOf("WASHINGTON (AP) \xE2\x80\x94 The Senate voted on Tuesday to pass it.",
                       &rest, &source),
            "WASHINGTON (AP) \xE2\x80\x94");
  EXPECT_EQ(rest, "The Senate voted on Tuesday to pass it.");
  EXPECT_EQ(source, "AP");
  EXPECT_EQ(DatelineOf("COLUMBIA, S.C. - The deputy was fired on Wednesday after a video.", &rest,
                       &source),
            "COLUMBIA, S.C. -");
  EXPECT_EQ(rest, "The deputy was fired on Wednesday after a video.");
  EXPECT_EQ(DatelineOf("MARLOW BAY, March 13 (Harbor Wire) -- Two people died in the storm.", &rest,
                       &source),
            "MARLOW BAY, March 13 (Harbor Wire) --");
  EXPECT_EQ(source, "Harbor Wire");
  EXPECT_EQ(DatelineOf("LOS ANGELES, Calif. _ Fires spread overnight in the hills above town.",
                       &rest, &source),
            "LOS ANGELES, Calif. _");
  EXPECT_EQ(DatelineOf("TARSAY, North Keld Islands (Coastal Wire) _ Ash fell on the villages.",
                       &rest, &source),
            "TARSAY, North Keld Islands (Coastal Wire) _");
  EXPECT_EQ(rest, "Ash fell on the villages.");
  EXPECT_EQ(source, "Coastal Wire");
  // Not datelines.
  EXPECT_EQ(
      DatelineOf("OSTVIK, Marlow and Tarsay signed the ferry deal on Monday.", &rest, &source), "");
  EXPECT_EQ(DatelineOf("A U.S. official - who spoke on condition of anonymity - said so.", &rest,
                       &source),
            "");
  EXPECT_EQ(
      DatelineOf("NASA said on Monday that the launch would go ahead as planned.", &rest, &source),
      "");
  EXPECT_EQ(
      DatelineOf("The FBI - and the CIA - declined to comment on the report.", &rest, &source), "");
  EXPECT_EQ(DatelineOf("FBI - the bureau - declined to comment on the report, aides said.", &rest,
                       &source),
            "FBI -");  // all-caps lead word and a dash: read as a dateline (known limit)
}

TEST(MetadataTest, DatelinePlaceLeavesOutAgencyDashAndDate) {
  EXPECT_EQ(DatelinePlace("WASHINGTON (AP) \xE2\x80\x94"), "WASHINGTON");
  EXPECT_EQ(DatelinePlace("WASHINGTON \xE2\x80\x94"), "WASHINGTON");
  EXPECT_EQ(DatelinePlace("COLUMBIA, S.C. -"), "COLUMBIA, S.C.");
  EXPECT_EQ(DatelinePlace("MARLOW BAY, March 13 (Harbor Wire) --"), "MARLOW BAY");
  EXPECT_EQ(DatelinePlace("CHICAGO, Nov. 30, 2015 /Harbor Wire/ --"), "CHICAGO");
  EXPECT_EQ(DatelinePlace("TARSAY, North Keld Islands (Coastal Wire) _"),
            "TARSAY, North Keld Islands");
  EXPECT_EQ(DatelinePlace("LOS ANGELES, Calif. _"), "LOS ANGELES, Calif.");
  EXPECT_EQ(DatelinePlace("NEW YORK (CNNMoney)"), "NEW YORK");
  EXPECT_EQ(DatelinePlace("OSLO-BERGEN _"), "OSLO-BERGEN");
  EXPECT_EQ(DatelinePlace(""), "");
  // What DetectMetadata sets apart comes back as its place.
  std::string rest, source;
  EXPECT_EQ(
      DatelinePlace(DatelineOf(
          "TARSAY, North Keld Islands (Coastal Wire) _ Ash fell on the villages.", &rest, &source)),
      "TARSAY, North Keld Islands");
}

TEST(MetadataTest, FilePhotoCaptionNeverDatesTheDocument) {
  // A long AP-style caption of an old photo, above the story's own dateline.
  Document d = Make(
      "Ferry strike spreads\n"
      "FILE - In this June 2, 2009, file photo, a ferry of the Lanark line waits at the pier in "
      "Marlow Bay while dock workers gather on the quay beside it, as gulls circle over the "
      "harbor wall and the morning fog lifts above the old customs house. (Harbor Wire)\n"
      "MARLOW BAY, March 13, 2026 (Harbor Wire) -- Dock workers stopped all ferries on Friday, "
      "and the strike spread to two more ports.");
  DetectMetadata(&d);
  EXPECT_EQ(d.date, "2026-03-13");
  EXPECT_EQ(d.date_span.Slice(d.text), "March 13, 2026");
  EXPECT_EQ(d.title, "Ferry strike spreads");
  // The caption is no dateline: "FILE -" is not a place.
  EXPECT_EQ(d.dateline_span.Slice(d.text), "");
  // The other spellings of the note, and a credit at the end: no date either.
  for (const char* caption :
       {"FILE- In this Monday, June 1, 2009 file photo, a ferry waits at the pier in Marlow Bay "
        "while dock workers gather on the quay and gulls circle over the wall of the harbor.",
        "FILE \xE2\x80\x94 This June 2, 2009, file photo shows a ferry of the Lanark line at "
        "the pier in Marlow Bay, with dock workers on the quay and fog over the harbor.",
        "June 2, 2009: a ferry of the Lanark line waits at the pier in Marlow Bay while dock "
        "workers gather on the quay beside it. (Harbor Wire Photo/Jane Roe, File)",
        "Photo: a ferry of the Lanark line at the pier in Marlow Bay on June 2, 2009, with dock "
        "workers on the quay and the fog lifting over the harbor wall."}) {
    Document c = Make(std::string(caption) + "\nDock workers stopped all ferries on Friday.");
    DetectMetadata(&c);
    EXPECT_EQ(c.date, "") << caption;
  }
}

TEST(MetadataTest, ShortFileCaptionIsNeitherHeadlineNorDateline) {
  Document d = Make("FILE - Ferries at the pier, June 2, 2009\nDock workers stopped all ferries.");
  DetectMetadata(&d);
  EXPECT_EQ(d.title, "");
  EXPECT_EQ(d.date, "");
  EXPECT_EQ(d.dateline_span.Slice(d.text), "");
  EXPECT_EQ(d.paragraphs.size(), 2u);
}

TEST(MetadataTest, SentenceOpeningWithAnOldDateDoesNotDateTheDocument) {
  // A story sentence about an old event is not a dateline.
  Document d = Make(
      "Ferry strike spreads\n"
      "On June 2, 2009, dock workers in Marlow Bay last stopped every ferry of the Lanark line "
      "for a week.\nThey stopped them again on Friday.");
  DetectMetadata(&d);
  EXPECT_EQ(d.date, "");
  // A later date line still counts.
  d = Make(
      "Ferry strike spreads\n"
      "On June 2, 2009, dock workers in Marlow Bay last stopped every ferry of the Lanark line "
      "for a week.\nPosted Friday, March 13, 2026 5:27 pm\nThey stopped them again on Friday.");
  DetectMetadata(&d);
  EXPECT_EQ(d.date, "2026-03-13");
  // Datelines opening a long paragraph, with a dash, an agency or a wire tag after the date.
  for (const char* dateline :
       {"MARLOW BAY, March 13, 2026 \xE2\x80\x94 Dock workers stopped all ferries on Friday "
        "and the strike spread to two more ports along the coast.",
        "March 13, 2026 (Harbor Wire) Dock workers stopped all ferries on Friday and the strike "
        "spread to two more ports along the coast.",
        "MARLOW BAY, March 13, 2026 /Harbor Wire/ -- Dock workers stopped all ferries on Friday "
        "and the strike spread to two more ports along the coast."}) {
    Document p = Make(dateline);
    DetectMetadata(&p);
    EXPECT_EQ(p.date, "2026-03-13") << dateline;
  }
}

TEST(MetadataTest, PhotoCaptionsAreRecognizedAndStoryTextIsNot) {
  for (const char* caption : {
           "FILE - In this June 2, 2009, file photo, a ferry waits at the pier.",
           "FILE- In this June 2, 2009 file photo, a ferry waits at the pier.",
           "FILE PHOTO: A ferry waits at the pier in Marlow Bay.",
           "FILE _ A ferry waits at the pier in Marlow Bay.",
           "In this undated handout photo provided by the Lanark line, a ferry waits at the pier.",
           "In these images taken on Friday, ferries wait at the pier.",
           "This June 2, 2009, file photo shows a ferry at the pier.",
           "Photo: a ferry at the pier in Marlow Bay.",
           "File photo: a ferry at the pier in Marlow Bay.",
           "Photo by Jane Roe",
           "Caption: a ferry at the pier.",
           "A ferry waits at the pier on Friday. (Harbor Wire Photo/Jane Roe)",
           "A ferry waits at the pier on Friday (Getty Images).",
           "A ferry waits at the pier on Friday. (Harbor Wire/Jane Roe)",
           "(Harbor Wire) FILE - This June 2, 2009, file photo shows a ferry at the pier.",
       }) {
    EXPECT_TRUE(IsPhotoCaption(caption)) << caption;
  }
  for (const char* story : {
           "FILED under the new rules, the complaint names the Lanark line.",
           "FILE sharing sites were blocked on Friday.",
           "In this city, ferries are the only way to work.",
           "In this picture-perfect town, ferries stopped on Friday.",
           "This is the worst strike the harbor has seen in years, a photo editor said.",
           "Photographs of the strike spread online on Friday.",
           "The strike spread to two more ports (photo below).",
           "Speeds fell to 20 (km/h) on the coast road.",
           "WASHINGTON (AP) \xE2\x80\x94 The Senate voted on Tuesday.",
       }) {
    EXPECT_FALSE(IsPhotoCaption(story)) << story;
  }
  // A long paragraph is story text even when a credit closes it.
  std::string long_paragraph;
  for (int i = 0; i < 20; ++i) long_paragraph += "The ferries stayed in port all day. ";
  EXPECT_FALSE(IsPhotoCaption(long_paragraph + "(Image courtesy Jane Roe.)"));
}

TEST(MetadataTest, GivenDateIsKept) {
  Document d = Make("Title\nOn December 18, 2015 it happened.");
  d.date = "2015-12-19";
  DetectMetadata(&d);
  EXPECT_EQ(d.date, "2015-12-19");
}

class MetadataWordsTest : public DataFolderTest {};

TEST_F(MetadataWordsTest, DatesCaptionsAndBylinesUseTheDataFolder) {
  Extend("en/months.txt", "novembre | 11");
  Extend("en/captions.txt", "foto | photo\nl\xc3\xa9gende | label");
  Extend("en/bylines.txt", "par | line");
  Result<MetadataDetector> folder = MetadataDetector::Create(data_dir());
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  const MetadataDetector& built_in = MetadataDetector::BuiltIn();

  // A date line with the folder's month name dates the document.
  const std::string text =
      "Les ministres se retrouvent\n\n27 novembre 2015\n\nIls ont parl\xc3\xa9.";
  Document with = Make(text);
  folder->Detect(&with);
  EXPECT_EQ(with.date, "2015-11-27");
  EXPECT_EQ(with.date_span.Slice(with.text), "27 novembre 2015");
  Document without = Make(text);
  built_in.Detect(&without);
  EXPECT_EQ(without.date, "");

  // The folder's photo word and label make captions.
  for (const char* caption : {"Foto: le ferry au port.", "L\xc3\xa9gende: le ferry au port.",
                              "Le ferry au port. (Agence Foto)"}) {
    EXPECT_TRUE(folder->IsPhotoCaption(caption)) << caption;
    EXPECT_FALSE(built_in.IsPhotoCaption(caption)) << caption;
  }
  EXPECT_TRUE(folder->IsPhotoCaption("Photo: a ferry at the pier."));  // the built-in lines stay

  // The byline's opening word.
  EXPECT_EQ(folder->BylineOpening("Par Jean Dupont"), 4u);
  EXPECT_EQ(folder->BylineOpening("PAR JEAN DUPONT"), 4u);
  EXPECT_EQ(folder->BylineOpening("Parfois il pleut"), 0u);
  EXPECT_EQ(built_in.BylineOpening("Par Jean Dupont"), 0u);
  EXPECT_EQ(built_in.BylineOpening("By Jane Roe"), 3u);
}

TEST_F(MetadataWordsTest, ALanguageIsAFolderOfTheSameFiles) {
  EXPECT_EQ(MetadataDetector::Create(data_dir(), "xx").status().code(), StatusCode::kNotFound);
  CopyLanguage("en", "xx");
  Write("xx/captions.txt", "foto | photo\nFILE | file_note\n");
  Result<MetadataDetector> xx = MetadataDetector::Create(data_dir(), "xx");
  ASSERT_TRUE(xx.ok()) << xx.status().ToString();
  EXPECT_TRUE(xx->IsPhotoCaption("Foto: le ferry au port."));
  EXPECT_TRUE(xx->IsPhotoCaption("Photo: a ferry at the pier."));  // English's words stay
  EXPECT_TRUE(xx->IsPhotoCaption("FILE - Le ferry au port."));
  EXPECT_FALSE(MetadataDetector::BuiltIn().IsPhotoCaption("Foto: le ferry au port."));
}

// A language's captions.txt and bylines.txt add to English's: "Von", "Foto:",
// French "Photo :" with its colon apart, Russian "Фото:" in capitals; an
// English report knows none of them.
TEST(MetadataTest, ALanguagesCaptionsAndBylinesAddToEnglishs) {
  Result<MetadataDetector> de = MetadataDetector::Create("", "de");
  ASSERT_TRUE(de.ok()) << de.status().ToString();
  const MetadataDetector& en = MetadataDetector::BuiltIn();
  EXPECT_EQ(de->BylineOpening("Von Max Beispiel"), 4u);
  EXPECT_EQ(de->BylineOpening("By Jane Roe"), 3u);
  EXPECT_EQ(en.BylineOpening("Von Max Beispiel"), 0u);
  for (const char* caption :
       {"Foto: dpa", "Die F\xc3\xa4hre am Anleger. (Foto: Hafenamt)",
        "Bildunterschrift: Der Anleger", "Auf diesem Foto vom Mai ist der Anleger zu sehen."}) {
    EXPECT_TRUE(de->IsPhotoCaption(caption)) << caption;
    EXPECT_FALSE(en.IsPhotoCaption(caption)) << caption;
  }
  EXPECT_FALSE(de->IsPhotoCaption("Die F\xc3\xa4hre blieb am Freitag im Hafen."));
  EXPECT_TRUE(de->IsPhotoCaption("Photo: a ferry at the pier."));

  Result<MetadataDetector> fr = MetadataDetector::Create("", "fr");
  ASSERT_TRUE(fr.ok()) << fr.status().ToString();
  EXPECT_TRUE(fr->IsPhotoCaption("Photo : AFP"));
  EXPECT_TRUE(
      fr->IsPhotoCaption("Cr\xc3\xa9"
                         "dit photo : Mairie de Marlow"));
  EXPECT_EQ(fr->BylineOpening("Par Jean Dupont"), 4u);
  EXPECT_FALSE(
      en.IsPhotoCaption("Cr\xc3\xa9"
                        "dit photo : Mairie de Marlow"));

  Result<MetadataDetector> ru = MetadataDetector::Create("", "ru");
  ASSERT_TRUE(ru.ok()) << ru.status().ToString();
  // "Автор: Иван Петров", "АВТОР: ...": 12 bytes and a space; not in lower case.
  EXPECT_EQ(ru->BylineOpening("\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80: "
                              "\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd"),
            12u);
  EXPECT_EQ(ru->BylineOpening("\xd0\x90\xd0\x92\xd0\xa2\xd0\x9e\xd0\xa0: "
                              "\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd"),
            12u);
  EXPECT_EQ(ru->BylineOpening("\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80: "
                              "\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd"),
            0u);
  EXPECT_EQ(en.BylineOpening("\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80: "
                             "\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd"),
            0u);
  // "Фото: РИА", "ФОТО: РИА".
  for (const char* caption : {"\xd0\xa4\xd0\xbe\xd1\x82\xd0\xbe: \xd0\xa0\xd0\x98\xd0\x90",
                              "\xd0\xa4\xd0\x9e\xd0\xa2\xd0\x9e: \xd0\xa0\xd0\x98\xd0\x90"}) {
    EXPECT_TRUE(ru->IsPhotoCaption(caption)) << caption;
    EXPECT_FALSE(en.IsPhotoCaption(caption)) << caption;
  }
}

}  // namespace
}  // namespace dossier
