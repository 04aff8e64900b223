// The language a text is written in, and language tags.
//
//   dossier::LanguageGuess g = dossier::DetectLanguage("Der Kanzler sagte am Dienstag ...");
//   // g.code == "de", g.reliable, g.percent == 98
//   std::string code = dossier::NormalizeLanguageTag("de_DE");        // "de"
//   std::string name = dossier::LanguageName("ko");                   // "Korean"
//
// DetectLanguage runs CLD2 (Debian libcld2) on at most the first 64 KiB of a UTF-8 text
// (invalid bytes are skipped), with `hint` (a tag the text's page or record declares) as a
// hint. Codes are ISO 639-1 primary subtags in lower case ("zh" for both Chinese scripts);
// "" when CLD2 cannot tell (no letters, too little text). `reliable` is CLD2's verdict (enough
// text and a clear margin over the second language).
//
// NormalizeLanguageTag turns a BCP 47 tag or locale ("en-US", "de_DE", "pt-BR", "zh-Hant",
// "EN") into its primary subtag in lower case; "" for anything that is not one (2-3 ASCII
// letters before an optional '-' or '_').
//
// LanguageName gives the English name of a code from the built-in data/languages.txt, else
// CLD2's, else the code itself.
#ifndef DOSSIER_LANGUAGE_H_
#define DOSSIER_LANGUAGE_H_

#include <string>
#include <string_view>

namespace dossier {

struct LanguageGuess {
  std::string code;  // ISO 639-1, "" when unknown
  bool reliable = false;
  int percent = 0;  // share of the text's letters in that language, 0-100
};

LanguageGuess DetectLanguage(std::string_view utf8_text, std::string_view hint = "");

std::string NormalizeLanguageTag(std::string_view tag);

std::string LanguageName(std::string_view code);

}  // namespace dossier

#endif  // DOSSIER_LANGUAGE_H_
