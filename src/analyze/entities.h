// EntityExtractor: named entities of a cluster, one per referent, with the
// surface forms (aliases) each was written as and its mentions.
//
//   Result<EntityExtractor> entities = EntityExtractor::Create(options.data_dir);
//   for (const Entity& e : entities->Extract(cluster))
//     std::cout << e.name << " (" << e.type << "): " << e.mentions.size()
//               << " mentions, also written " << e.aliases.size() << " other ways";
//
// Extract() needs a cluster analysed by Pipeline::Analyze (sentences and
// tokens). Create() loads data/aliases.txt, data/entity_stopwords.txt and
// data/person_titles.txt once (from `data_dir`, or the built-in copies when
// it is empty); Extract() is const and thread-safe. Spans are byte ranges
// into the Document::text of the mention's document. Time is linear in the
// number of tokens.
//
// Mentions: runs of capitalized words inside a sentence, joined by single
// spaces only (punctuation ends a run), plus acronyms (2-6 capitals, with or
// without periods: "NATO", "U.S."), which always stand alone. Inside a run,
// name particles ("de", "van", "bin", "al-") join the words around them, and
// "of" ("of the") does after an organization or place head word ("Bank of
// England"). Runs lose: leading titles and honorifics ("President Vladimir
// Putin" -> "Vladimir Putin", which makes the entity a person), words of
// entity_stopwords.txt (months, weekdays, ...), stopwords at their start
// ("The RTSO"), a possessive "'s", and a lone sentence-initial word that the
// cluster also writes in lower case ("Investigators said").
//
// One entity per referent: surface forms are merged when
//   1. aliases.txt lists them on one line (the name is its first form);
//   2. the text pairs them: "Regional Transit Safety Office (RTSO)",
//      "Daesh (Islamic State)", "X, also known as Y";
//   3. an acronym spells the initials of exactly one multiword form in the
//      cluster ("RTSO" <-> "Regional Transit Safety Office");
//   4. a one-word form is the last word of exactly one 2-3 word form and
//      either is a person ("Putin", "Mr Putin" -> "Vladimir Putin").
// The name is otherwise the form with the most words (then the most
// mentions). Type: aliases.txt's, else "person" when a title preceded a
// mention, else from the head word of the name (entity_stopwords.txt:
// "Office" -> organization, "Bay" -> place), else "other".
#ifndef DOSSIER_ANALYZE_ENTITIES_H_
#define DOSSIER_ANALYZE_ENTITIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"

namespace dossier {

struct EntityMention {
  uint32_t document = 0;  // index into Cluster::documents
  Span span;              // the name as written, titles and "'s" excluded
};

struct Entity {
  // Canonical: the alias file's first form, else the fullest form in the
  // text ("Vladimir Putin").
  std::string name;
  std::string type;  // "person", "organization", "place", "group", "other"
  // The other surface forms seen, most used first: "Putin", "Mr Putin";
  // "IS", "ISIS", "Daesh".
  std::vector<std::string> aliases;
  std::vector<EntityMention> mentions;          // by document, then offset
  std::vector<uint32_t> mentions_per_document;  // one count per document of the cluster
};

class EntityExtractor {
 public:
  // Loads the word lists from `data_dir`, or the built-in copies when empty.
  static Result<EntityExtractor> Create(std::string_view data_dir);

  // The entities of an analysed cluster, most mentioned first (ties: first
  // mentioned first).
  std::vector<Entity> Extract(const Cluster& cluster) const;

 private:
  struct AliasEntry {
    std::string name;
    std::string type;
  };
  class Run;

  // Alias key (see AliasKey in entities.cc) -> index into alias_entries_.
  std::unordered_map<std::string, uint32_t> aliases_;
  std::vector<AliasEntry> alias_entries_;
  std::unordered_set<std::string> stopwords_;                // lower case
  std::unordered_map<std::string, std::string> head_types_;  // "office" -> "organization"
  std::unordered_map<std::string, bool> titles_;             // lower case -> honorific
};

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_ENTITIES_H_
