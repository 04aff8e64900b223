// Test support for the charset tests: sample texts in several scripts and
// ICU conversions of them, independent of the code under test.
#ifndef DOSSIER_TESTS_UNIT_INGEST_LEGACY_TEXT_H_
#define DOSSIER_TESTS_UNIT_INGEST_LEGACY_TEXT_H_

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>
#include <string_view>

namespace dossier::legacy_text {

// Fixtures are written in UTF-8 and encoded with ICU, independently of the code
// under test.
inline std::string Convert(std::string_view in, const char* to, const char* from) {
  std::string out(in.size() * 4 + 16, '\0');
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = ucnv_convert(to, from, out.data(), static_cast<int32_t>(out.size()), in.data(),
                           static_cast<int32_t>(in.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  out.resize(U_SUCCESS(err) ? n : 0);
  return out;
}
inline std::string Encode(std::string_view utf8, const char* charset) {
  return Convert(utf8, charset, "UTF-8");
}
inline std::string Decode(std::string_view bytes, const char* charset) {
  return Convert(bytes, "UTF-8", charset);
}

constexpr std::string_view kEnglish =
    "The museum’s new wing cost €45 million, officials said. “It is the largest project in "
    "the city’s history,” the mayor told reporters on Tuesday. Critics called the price "
    "“excessive” — but visitors have already lined up around the block to see it.";
constexpr std::string_view kFrench =
    "Le café de la gare était fermé à cause de la grève. Les élèves ont dû attendre près "
    "d'une heure avant que le maître n'arrive. « C'est déjà la troisième fois cette année », a "
    "déclaré une mère inquiète devant l'école.";
constexpr std::string_view kRussian =
    "Правительство объявило в понедельник о новых мерах поддержки экономики. По словам министра "
    "финансов, бюджет на следующий год будет увеличен на десять процентов, а налоги для малого "
    "бизнеса будут снижены. Эксперты считают, что эти меры помогут стабилизировать ситуацию в "
    "регионах и сохранить рабочие места.";
constexpr std::string_view kJapanese =
    "東京都は月曜日、新しい防災計画を発表した。計画によると、地震や台風に備えて、避難所の数を増"
    "やし、食料や水の備蓄を強化する。知事は「市民の安全が最優先だ」と述べた。";
constexpr std::string_view kCzech =
    "Vláda ve středu schválila nový zákon o ochraně přírody. Podle ministra životního prostředí "
    "zákon zlepší péči o národní parky a chráněná území. Kritici však upozorňují, že "
    "financování není dostatečně zajištěno a obce ponesou větší část nákladů.";

}  // namespace dossier::legacy_text

#endif  // DOSSIER_TESTS_UNIT_INGEST_LEGACY_TEXT_H_
