// The Porter (1980) stemmer, as ROUGE-1.5.5 applies it.
//
//   std::string stem = dossier::eval::PorterStem("agreement");  // "agreem"
//
// This follows Martin Porter's reference C implementation of the 1980
// algorithm (step 2 maps -bli to -ble and -logi to -log; a word-initial `y`
// is a consonant; words of one or two letters are left alone), with the step 4
// that ROUGE-1.5.5 uses instead of the standard one:
//   (a) remove the one of al ance ence er ic able ible ant ement ou ism ate iti
//       ous ive ize that ends the word if the measure of the rest is > 1;
//   (b) then remove a final `ment` if m(rest) > 1;
//   (c) then remove a final `ent` if m(rest) > 1, or, only when the word does
//       not end in `ent`, drop `ion` from a final `sion`/`tion` if m(rest with
//       its s/t) > 1.
// So `agreement` becomes `agreem` where standard Porter keeps `agreement`.
//
// Input: lower-case ASCII (ROUGE only stems runs of [a-z0-9]); other bytes
// count as consonants. Pure function: thread-safe, no state.
#ifndef DOSSIER_EVAL_PORTER_H_
#define DOSSIER_EVAL_PORTER_H_

#include <string>
#include <string_view>

namespace dossier::eval {

// Returns the stem of `word` (lower-case ASCII).
std::string PorterStem(std::string_view word);

}  // namespace dossier::eval

#endif  // DOSSIER_EVAL_PORTER_H_
