#include "eval/porter.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace dossier::eval {
namespace {

void ExpectStems(const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [word, stem] : cases) EXPECT_EQ(PorterStem(word), stem) << word;
}

TEST(PorterStem, ExamplesFromTheRougeConformanceReadme) {
  ExpectStems({{"agreement", "agreem"},
               {"says", "sai"},
               {"does", "doe"},
               {"1990s", "1990"},
               {"mouse", "mous"},
               {"hope", "hope"}});
}

TEST(PorterStem, Step1PluralsAndPastTenses) {
  ExpectStems(
      {{"caresses", "caress"}, {"ponies", "poni"},    {"ties", "ti"},     {"caress", "caress"},
       {"cats", "cat"},        {"feed", "feed"},      {"agreed", "agre"}, {"plastered", "plaster"},
       {"bled", "bled"},       {"motoring", "motor"}, {"sing", "sing"},   {"conflated", "conflat"},
       {"troubled", "troubl"}, {"sized", "size"},     {"hopping", "hop"}, {"tanned", "tan"},
       {"falling", "fall"},    {"hissing", "hiss"},   {"fizzed", "fizz"}, {"failing", "fail"},
       {"filing", "file"},     {"happy", "happi"},    {"sky", "sky"}});
}

TEST(PorterStem, Step2DoubleSuffixes) {
  ExpectStems({{"relational", "relat"},    {"conditional", "condit"}, {"rational", "ration"},
               {"valenci", "valenc"},      {"hesitanci", "hesit"},    {"digitizer", "digit"},
               {"conformabli", "conform"}, {"radicalli", "radic"},    {"differentli", "differ"},
               {"vileli", "vile"},         {"analogousli", "analog"}, {"vietnamization", "vietnam"},
               {"predication", "predic"},  {"operator", "oper"},      {"feudalism", "feudal"},
               {"decisiveness", "decis"},  {"hopefulness", "hope"},   {"callousness", "callous"},
               {"formaliti", "formal"},    {"sensitiviti", "sensit"}, {"sensibiliti", "sensibl"}});
}

TEST(PorterStem, ReferenceImplementationDepartures) {
  // -bli -> -ble (the paper has -abli -> -able) and -logi -> -log.
  ExpectStems({{"possibli", "possibl"}, {"archaeologi", "archaeolog"}});
  // A word-initial y is a consonant; after a consonant y is a vowel.
  ExpectStems({{"yelling", "yell"}, {"syzygy", "syzygi"}, {"toying", "toi"}});
}

TEST(PorterStem, Step3) {
  ExpectStems({{"triplicate", "triplic"},
               {"formative", "form"},
               {"formalize", "formal"},
               {"electriciti", "electr"},
               {"electrical", "electr"},
               {"hopeful", "hope"},
               {"goodness", "good"}});
}

TEST(PorterStem, Step4) {
  ExpectStems({{"revival", "reviv"},      {"allowance", "allow"},     {"inference", "infer"},
               {"airliner", "airlin"},    {"gyroscopic", "gyroscop"}, {"adjustable", "adjust"},
               {"defensible", "defens"},  {"irritant", "irrit"},      {"replacement", "replac"},
               {"adjustment", "adjust"},  {"dependent", "depend"},    {"adoption", "adopt"},
               {"homologou", "homolog"},  {"communism", "commun"},    {"activate", "activ"},
               {"angulariti", "angular"}, {"homologous", "homolog"},  {"effective", "effect"},
               {"bowdlerize", "bowdler"}, {"government", "govern"}});
}

TEST(PorterStem, RougeStep4ChainsItsThreeChecks) {
  // Standard Porter keeps these: its step 4 removes one suffix, -ement or -ment or -ent,
  // only when the measure of what is left is > 1. ROUGE tries -ement, then -ment, then -ent.
  ExpectStems({{"statement", "statem"}, {"settlement", "settlem"}, {"agreements", "agreem"}});
  // -ion goes only after s or t, and only when the word does not end in -ent.
  ExpectStems({{"decision", "decis"}, {"opinion", "opinion"}, {"million", "million"}});
}

TEST(PorterStem, Step5) {
  ExpectStems({{"probate", "probat"},
               {"rate", "rate"},
               {"cease", "ceas"},
               {"controll", "control"},
               {"roll", "roll"}});
}

TEST(PorterStem, ShortAndEmptyWords) {
  ExpectStems({{"", ""}, {"a", "a"}, {"is", "is"}, {"as", "as"}, {"sss", "sss"}});
}

}  // namespace
}  // namespace dossier::eval
