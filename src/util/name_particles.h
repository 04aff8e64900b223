// The small words inside names and speaker labels, from
// data/<language>/name_particles.txt: particles ("de", "van", "bin"), those
// also written with a hyphen ("al-Assad"), the connectives of a transcript
// label ("Secretary of State") and prefixes before a capital ("McEvers").
// The file says which analysis reads each entry (its kinds, below).
//
//   Result<WordKinds> particles = LoadNameParticles(data_dir, "en");
//   if (particles->Is(kParticleInNames, "van")) ...
#ifndef DOSSIER_UTIL_NAME_PARTICLES_H_
#define DOSSIER_UTIL_NAME_PARTICLES_H_

#include <string>
#include <string_view>

#include "util/word_kinds.h"

namespace dossier {

// The kinds of name_particles.txt, in the order of kNameParticleKinds.
enum NameParticleKind : size_t {
  kParticleInNames,   // joins the capitalized words of a name (EntityExtractor)
  kParticleInLabels,  // stands in lower case in a speaker label (TranscriptParser)
  kParticleInQuotes,  // part of a speaker's name after a lower-case word (QuoteExtractor)
  kParticlePrefix,    // also joined to the name by a hyphen: "al-Assad"
  kLabelConnective,   // joins a label's words, never ends a label or a name
  kLabelArticle,      // may open a label before its title or role: "THE PRESIDENT:"
  kLabelOf,           // after a title, what it is of: "President of France"
  kCapitalAfter,      // a name prefix the next letter of which is a capital: "McEvers"
};
inline constexpr std::string_view kNameParticleKinds[] = {
    "names",      "labels",        "quotes",   "prefix",
    "connective", "label_article", "label_of", "capital_after"};

// Loads <language>/name_particles.txt from `data_dir`, or the built-in copy.
inline Result<WordKinds> LoadNameParticles(std::string_view data_dir, std::string_view language) {
  return WordKinds::Load(data_dir, std::string(language) + "/name_particles.txt",
                         kNameParticleKinds);
}

}  // namespace dossier

#endif  // DOSSIER_UTIL_NAME_PARTICLES_H_
