// DataFolderTest: a test fixture writing a data folder (--data-dir) of
// changed word lists, for tests proving that an analysis reads its words
// from the folder and not only from the built-in lists.
//
//   class TimelineWordsTest : public DataFolderTest {};
//   TEST_F(TimelineWordsTest, UsesANewWord) {
//     Extend("en/time_words.txt", "overmorrow | day | 2");  // built-in list + a line
//     Result<TimelineBuilder> t = TimelineBuilder::Create(data_dir());
//   }
#ifndef DOSSIER_TESTS_UNIT_DATA_FOLDER_H_
#define DOSSIER_TESTS_UNIT_DATA_FOLDER_H_

#include <gtest/gtest.h>

#include <string>

#include "temp_dir.h"
#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {

class DataFolderTest : public TempDirTest {
 protected:
  std::string data_dir() const { return dir_.string(); }

  // Writes the built-in data file `name` ("en/months.txt") with `lines`
  // added after it into the folder (as `as`, when given: "xx/months.txt").
  void Extend(const std::string& name, const std::string& lines, const std::string& as = "") const {
    Result<std::string> built_in = ReadDataFile("", name);
    ASSERT_TRUE(built_in.ok()) << built_in.status().ToString();
    Write(as.empty() ? name : as, *built_in + "\n" + lines + "\n");
  }

  // Copies every built-in list of language `from` ("en") into the folder as
  // language `to`: another language is another folder of the same files.
  void CopyLanguage(const std::string& from, const std::string& to) const {
    for (const std::string& name : EmbeddedDataFileNames()) {
      if (!StartsWith(name, from + "/")) continue;
      Result<std::string> built_in = ReadDataFile("", name);
      ASSERT_TRUE(built_in.ok()) << built_in.status().ToString();
      Write(to + name.substr(from.size()), *built_in);
    }
  }
};

}  // namespace dossier

#endif  // DOSSIER_TESTS_UNIT_DATA_FOLDER_H_
