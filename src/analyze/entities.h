// EntityExtractor: named entities of a cluster, one per referent, with the
// surface forms (aliases) each was written as and its mentions.
//
//   Result<EntityExtractor> entities = EntityExtractor::Create(options.data_dir);
//   for (const Entity& e : entities->Extract(cluster))
//     std::cout << e.name << " (" << e.type << "): " << e.mentions.size()
//               << " mentions, also written " << e.aliases.size() << " other ways";
//
// Extract() needs a cluster analysed by Pipeline::Analyze (sentences and
// tokens). Create() loads data/aliases.txt, data/places.txt,
// data/given_names.txt and, for its language (data/<language>/),
// entity_stopwords.txt, person_titles.txt, name_words.txt,
// name_particles.txt and alias_phrases.txt (name_forms::NameWords), and
// where the language has them local_names.txt, entity_settings.txt,
// common_nouns.txt, given_names.txt and institution_heads.txt (see "Other
// languages"), once (from `data_dir`, or the built-in copies when it is
// empty); Extract() is
// const and thread-safe. The English words below ("of", "St", "also known
// as", "Mount") come from those files. Spans are byte ranges into the Document::text of
// the mention's document. Time is linear in the number of tokens: every
// decision is a hash lookup or a look at a neighbouring token.
//
// Known forms. aliases.txt and places.txt list referents, one a line: a
// type, the name, its other names, and after ';' its demonyms or adjectives
// ("Russia | Russian Federation ; Russian"). Matching ignores case, periods,
// hyphens and accents ("U.S." = "US", "Francois" = "François"). A demonym
// also matches with an "s" added when it ends in "n" or "i" ("Russians",
// "Iraqis"). A "known word" is a one-word name or demonym of these files.
// given_names.txt lists given names, a line's short forms after '|'
// ("Michael | Mike").
//
// Headlines. A sentence whose content words (not stopwords, acronyms or
// words after a hyphen) number three or more and all start upper case is
// headline-cased ("Russia And France To Co-ordinate IS Strikes"). Its words
// teach nothing about capitals; and when one of its capitalized words is
// written in lower case elsewhere in the cluster and never capitalized in
// running text (outside headlines, not first in a sentence), its words are
// name words only when capitalized in running text or known ("Urges",
// "Focus Attacks" are dropped; "Obama", "Russian Federation" kept). In a
// line of three or more all-capital words, an acronym counts only when
// known or written in other lines ("THE WHITE HOUSE").
//
// Mentions: runs of name words inside a sentence, plus acronyms (2-6
// capitals, with or without periods: "NATO", "U.S."; with "&": "AT&T"),
// which always stand alone. A name word starts upper case and has a
// lower-case letter or is an initial ("W", "W."), or is dotted initials
// that are no known form ("J.K."); it has no digit ("QRoOFTZfQ9"). No
// acronym is a roman numeral (only I, V, X), a head word ("PLC") or an
// entity stopword ("CEO"). Name words are joined by single spaces, and
//   - by a hyphen ("Jean-Claude", "Al-Haj") unless either side is a known
//     place or demonym ("Syria-Turkey") or one letter ("R-Va");
//   - by a period after an initial or "St"/"Mt"/"Ft" ("George W. Bush",
//     "St. Louis");
//   - by a particle ("de", "van", "bin", "al", "al-": "Bashar al-Assad");
//     a lower-case "al-" before a run joins it too ("al-Qaida");
//   - by "of" / "of the" after an organization or place head word ("Bank
//     of England"), and by "and" when that makes a known form
//     ("Securities and Exchange Commission");
//   - by a plural possessive before an organization head word ("Ferry
//     Workers' Union"), and by any possessive in a run opened by "St" or
//     "Saint" ("St. Brendan's Hospital"); other possessives end a run;
//   - by " & " when the next word is an organization head word or three
//     words precede it ("Ross & Co", "Kleiner Perkins Caufield & Byers");
//   - by a hyphen before a lower-case ending of 2-4 letters in a run of two
//     words or more, when the ending is no common suffix ("led", "era") and
//     has two letters or is not a word of the cluster ("Kim Jong-un", "Ban
//     Ki-moon").
// Runs are split at entity stopwords (entity_stopwords.txt: months,
// weekdays, ...), then each part loses, in this order:
//   1. leading stopwords ("The RTSO");
//   2. titles (person_titles.txt), unless the name ends in an organization
//      head word ("General Motors"): everything up to the last title
//      followed by a name ("President Vladimir Putin" -> "Vladimir Putin");
//      what stood before the first title is its own mention when it is a
//      known form, else its first word is when known ("Syrian President
//      Bashar al-Assad" -> "Syrian", "Bashar al-Assad"). A title just
//      before the run counts when only spaces or a period separate them
//      ("Dr. Amal Reyes", not "Minister, Calloway Strand Engineering").
//      Titles make the mention a person's;
//   3. a trailing title: the whole part when the words before it are
//      titles or written in lower case elsewhere ("Prime Minister"), the
//      title when they are known words, a known form or end in a head word
//      ("Turkish President" -> "Turkish", "Richland County Sheriff");
//      otherwise it stays ("Stephen King"); then a trailing "Jr"/"Sr" of
//      three words or more, and trailing particles, "of" and stopwords;
//   4. a sentence-initial first word (first in its sentence, or after an
//      opening quote, bracket, colon or dash) that is not a known word and
//      does not start a known form: alone, when the cluster writes it in
//      lower case or never capitalizes it in running text ("Naturally",
//      "Yeah"); before other words, when it is no given name, is written in
//      lower case and never capitalized in running text, and the next word
//      starts runs in running text ("Regarding Turkey" -> "Turkey");
//   5. in a part of three words or more, neither known nor ending in a
//      head word, the words before a given name that follows a word that is
//      no given name nor "St", "San", "Fort", "Lake"... (kept as in 2.):
//      "Georgia Republican Karen Handel" -> "Georgia", "Karen Handel";
//   6. a leading demonym, as its own mention, when the next word starts
//      runs in running text and the part is no known form nor ends in an
//      organization head word ("Russian Metrojet" -> "Russian", "Metrojet";
//      "Russian Air Force" stays).
// What is left is no mention when it is one letter ("S" of "S-400") or a
// lone head word that is no known form ("Union", "State").
//
// One entity per referent. Each form has a key: NameKey (lower case,
// accents folded, periods dropped, hyphens as spaces) of its words without
// particles written in lower case, "al"/"el" after the first word, and an
// "al-"/"el-" prefix. A one-word form a title preceded is a person's even
// when places.txt names a place so ("Dr. Bangalore"). Forms merge when
//   1. aliases.txt or places.txt lists them on one line; a demonym's
//      mentions count as mentions of its place;
//   2. the text pairs them: "X (Y)" when one is an acronym or either is
//      known, neither is a person and not exactly one is a known place
//      ("Regional Transit Safety Office (RTSO)"; not "Mark Wahlberg (Jack
//      Salmon)", "Paris (France)", "FAS (FASD)"); "X, also known as Y",
//      "X, known as Y", "X, known in Arabic as Y", "X, known by its Arabic
//      acronym Y", "X, also called Y", "X aka Y", "X, the Arabic acronym
//      for Y", "X, short for Y", "X, which stands for Y"; "X, or Y" / "X or
//      Y" when Y is an acronym and X is none, or exactly one is known, or
//      Y is followed by ", its/an/the ... acronym/name/abbreviation" (as is
//      "X, Y, its Arabic acronym"); "or" pairs never join a person and a
//      known place, an X after a comma or a Y before "and"/"or" (lists:
//      "Putin, Hollande, or Obama"). Demonyms never pair;
//   3. their keys are equal ("Bashar al-Assad" = "Bashar al Assad" =
//      "Bashar Assad"; "Francois" = "François");
//   4. their keys are equal but for middle initials, and all forms that
//      lose initials to that key are one referent ("Randy W. Lambach" =
//      "Randy Lambach"; "George W. Bush" and "George H.W. Bush" leave
//      "George Bush" alone);
//   5. an acronym that no alias file knows spells the initials of the
//      multiword forms of exactly one referent ("RTSO");
//   6. two 2-word forms share the last word, one is a person's, and their
//      first words are one line of given_names.txt or differ by one letter
//      inserted before the end, both 5 letters or more ("Barak Obama" =
//      "Barack Obama", "Mike Brown" = "Michael Brown"; not "Maria"/"Mario",
//      "Daniel"/"Daniela");
//   7. a one-word form that no alias file knows is the last word of 2-3
//      word forms of exactly one referent, no person form of another
//      referent contains it, and either is a person ("Putin", "Mr Putin" ->
//      "Vladimir Putin"); or is the last word of one person's forms that
//      have 3 mentions or more and 4 times those of all other person forms
//      containing it ("Trump" -> "Donald Trump", not "Melania Trump");
//   8. a one- or two-word form that no alias file knows starts the longer
//      forms of exactly one referent, which is a person's (or, for two
//      words with no head word of their own, whose longer forms are these
//      and an organization head word), and no form of another referent
//      contains its first or last word ("Brendan" -> "Brendan Carr",
//      "Frances Bean" -> "Frances Bean Cobain", "Calloway Strand" ->
//      "Calloway Strand Engineering"; not "John" when "John Kerry" and "John
//      Sparks" occur, nor "White Marsh" -> "White Marsh Volunteer Fire
//      Company").
// Forms of two different lines of the alias files never merge.
//
// A form is a person's when a title preceded one of its mentions, or it
// has 2-3 key words and no head word, no alias line, and its first word is
// a given name or an initial. Name: the alias line's first form, else the
// fullest form (most words, then most mentions, then one whose first word
// is a given name, then, among forms of one key, one with a hyphen:
// "Bashar al-Assad"). Type: the alias line's; else "person" when a title
// preceded a mention; else from the head word of the name, the word before
// "of" or else its last word (entity_stopwords.txt: "Engineering" ->
// organization, "Bay" -> place); else "place" when the name starts with
// "Mount", "Lake", "Cape", "Fort", "Port", "Isle" or "County"; else
// "person" when a form is a person's or the name is one given name; else
// "other". So a title beats an organization head ("Gen. Victor Park"), and
// a head beats a given name ("Calloway Strand Engineering").
//
// Demonyms are mentions of their place but not its aliases: "Russian" is
// no other name of Russia. They are listed apart, in Entity::demonyms.
//
// Other languages. A language's folder may also hold (each optional; none
// for English):
//   - local_names.txt: its names of places and institutions, in the format
//     of places.txt (default type place). A line whose first name the
//     world files know joins that referent ("Deutschland", "Allemagne",
//     "Германия" are mentions of Germany). A referent is named by the
//     form of this file its mentions meet that comes first in its line
//     ("Genova", not "Genoa"; "Москва" for "Москве"), else by the world's
//     name.
//   - entity_settings.txt: "setting | value" lines:
//       capitalized_nouns | yes   every noun starts upper case (German);
//       capitals_mark_names | yes common words start lower case but first
//                                 in a sentence: in rule 4, a first word
//                                 that is no known word, no given name and
//                                 never capitalized in running text leaves
//                                 any run of two words or more ("Визит
//                                 Путина" -> "Путина"), written in lower
//                                 case elsewhere or not; and a capitalized
//                                 stopword stays first in a part that is
//                                 a known form only with it ("São Paulo");
//                                 the first word of a part after a title
//                                 and "of" is the title's ("la ministra de
//                                 Trabajo", "ministro dell'Economia
//                                 Giancarlo Giorgetti"), and so are the
//                                 words after a further "of" ("secretária
//                                 de Estado da Mobilidade"), unless an
//                                 organization head word opens the part
//                                 ("comandante dos Bombeiros Voluntários");
//                                 a capitalized article not first in its
//                                 sentence stays in the name ("le groupe
//                                 Les Écologistes"); where names take no
//                                 endings, a lower-case organization head
//                                 right before a name nothing else types
//                                 makes it an organization's ("groupe");
//                                 a known place first in a part that is
//                                 no known form, before two name words or
//                                 more or a given name, is its own mention
//                                 ("Турции Реджепом Тайипом Эрдоганом");
//       head_word_first | yes     a name of two words or more that neither
//                                 ends in a head word nor has one before
//                                 "of" takes its first word's type
//                                 ("Banco Central do Brasil", "Comisión
//                                 Europea");
//       opening_mark | «          (repeated) a mark after which a word is
//                                 first in its sentence, as after an
//                                 opening quote ("«Да", "¿Pero", "– Ja");
//       name_ending | ой          (repeated) a case ending names take;
//       adjective_ending | ский   (repeated) a capitalized word ending so
//                                 takes the lower-case head word after it
//                                 (also through its name endings):
//                                 "Ленинском районе", "Следственный
//                                 комитет"; not first in a sentence unless
//                                 capitalized in running text;
//       noun_suffix | ung         (repeated) an ending only common nouns
//                                 take (capitalized_nouns): "Prellungen";
//       place_suffix | hausen     (repeated) an ending of town names: a
//                                 word ending so (after 3 letters or more)
//                                 right after a place_preposition word,
//                                 never after a determiner in the pile,
//                                 is no common noun ("in Mühlhausen",
//                                 "nach Heidelberg"; not "nach Hause");
//       road_word | autoroute     (repeated) after one (an elided article
//                                 aside: "l'autoroute"), a code of 1-3
//                                 capitals, an optional hyphen and 1-4
//                                 digits is a road, type place; so is
//                                 every mention of that code in the pile
//                                 ("na A1" once "autoestrada A1" occurs);
//                                 a code no road word precedes is nothing
//                                 ("AV" of "AV-924" is no acronym);
//       nominative | ском е | ский -  (repeated) oblique endings of an
//                                 adjective and its noun, then their
//                                 nominative endings ("-": none): an
//                                 entity no person's whose name opens
//                                 with such a pair is named in the
//                                 nominative, the forms seen kept as
//                                 aliases ("Ленинском районе" ->
//                                 "Ленинский район"); the longest noun
//                                 ending that applies, then the longest
//                                 adjective ending, two letters of each
//                                 word left;
//       name_quote | „ “          (repeated) marks around a name: 1-3
//                                 capitalized words or figures between
//                                 them are one mention ("„Möwe 7“"; one
//                                 word only when no common noun).
//   - name_words.txt may give "place_preposition" words: a name typed by
//     nothing else (title, head word, given name) that follows one is a
//     place ("aus Finkenwerder"); and "name_part" words: common nouns that
//     name after an organization head ("Seeamt Nord"); and "place_of"
//     words: after one in lower case, "of" (and an article), a name nothing
//     else types is a place ("la provincia de Ávila", "le maire de
//     Corbas"), and a title that is one keeps the name after it (no
//     portfolio: "el alcalde de Navalcastro").
//   An elided particle joins as a spaced one does ("Mutuelle Rhodanienne
//   d'Assurances"). Where names take endings, an organization head word
//   (through its endings) first in a name of two words or more types it
//   and keeps it whole first in a sentence ("Прокуратура Ленинского
//   района").
//   Where names take endings, a name nothing else types right after a
//   lower-case place head word is a place ("на улице Станиславского"), and
//   a head word gives its type through its endings ("района").
//   Outside English (capitals_mark_names or capitalized_nouns), a form in
//   capitals of 4 letters or more merges with the form of its key
//   ("ÁVILA" = "Ávila"). A legal form after a comma joins the name
//   ("Transportes Mondego, S.A."). Where capitals mark names, a title just
//   before an organization's name makes no person ("el primer Consejo de
//   Gobierno"), and the portfolio after a title and "of" takes along the
//   words the pile writes in lower case ("la consejera de Medio Ambiente",
//   "medio ambiente"). A quoted name after an organization head word or
//   legal form (also with its name endings) is the organization's ("ООО
//   «Сибтеплосеть»", "компанию «Уют-Сервис»").
//   Between forms of one name in different cases (name endings), the name
//   is one without an ending ("Seeamt Nord", not "Seeamts Nord").
//   - institution_heads.txt: lower-case head words (one or two) of
//     bodies and places a name names, "| organization" or "| place": the
//     head, "of" and the name after it make one name of that type ("le
//     parquet de Lyon", "la câmara municipal de Leiria", "la sierra de
//     Gredos"); an organization's also counts as a mention of the name
//     inside it ("Lyon"), a place head's not. Where names take
//     endings, a one-word head in any case (its listed form but the last
//     letter, then up to three letters) needs no "of" and the entity is
//     named with the head as listed ("прокуратуры Кировского района" ->
//     "прокуратура Кировского района").
//   A place_preposition word first in its sentence counts as in lower
//   case ("In Bremerhaven", "En Navalcastro").
//   - common_nouns.txt: the language's common nouns, "| determiner" and
//     "| preposition" words (read when capitalized_nouns is on).
//   - given_names.txt: given names written in its script, as the world's
//     given_names.txt.
// An organization head word marked "suffix" in entity_stopwords.txt ("ag |
// organization suffix") joins the run before it even as an acronym
// ("Renault SA", "Vale SA"); other acronyms stand alone. Where capitals
// mark names (capitals_mark_names), a run also takes the lower-case words
// after it that complete a known form ("Assemblée nationale",
// "Rassemblement national", "Partito democratico").
// Languages that capitalize nouns: a capitalized word is no name word when
// it is a common noun, that is, its Snowball stem (Token::stem) is the
// stem of a word of common_nouns.txt ("Tage" -> "Tag"), or ends with the
// stem of one (4 letters or more) after 3 letters or more
// ("Bundesregierung" -> "Regierung"; "Bundestag" is no "Tag"), or the
// pile writes it after a determiner ("die Passagiere", "der neue
// Wettbewerb": up to two lower-case words between them). It stays a name
// word when it is a title (or a compound ending with a title of 5 letters
// or more: "Bundesverkehrsminister"), a known form (also through its name
// endings), a given name; when a title or a given name comes right before it
// anywhere in the pile ("Herr Weber", "Annalena Baerbock"); or when it is
// in a run of capitalized words that makes a known form or ends in an
// organization head word ("Deutsche Bahn", "Weber Bau GmbH").
// Also a common noun: a word ending in a noun_suffix after 3 letters or
// more; one the pile writes after a preposition and a lower-case word ("mit
// voller Wucht"); one whose stem the pile writes in lower case ("bis auf
// Weiteres", "weitere"). But a compound ending in a place head word
// ("Landungsbrücken", "Rosenplatz") is a name even after a determiner,
// unless common_nouns.txt lists it ("Innenstadt"); an organization head, or
// a compound ending in one, keeps the name word or name_part after it
// ("das Seeamt Nord"), and such compounds give a name its type. A run
// through " & " that ends in a legal form ("organization suffix") is one
// name: "Kranz & Söhne Werft AG".
// Name endings: a form's ending key drops from each word the longest
// ending that leaves three letters or more ("Путина" -> "путин",
// "Москве" -> "москв"); forms of one ending key merge (after step 3),
// and a form the alias files do not know is looked up by its ending key
// among theirs ("Германией" -> Germany); surnames meet their 2-3 word
// forms (step 7) by ending keys ("Путину" -> "Владимир Путин").
#ifndef DOSSIER_ANALYZE_ENTITIES_H_
#define DOSSIER_ANALYZE_ENTITIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyze/name_forms.h"
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
  // The other names seen, most used first: "Putin", "Mr Putin"; "IS",
  // "ISIS", "Daesh". Never a demonym.
  std::vector<std::string> aliases;
  // Demonyms and adjectives counted as mentions, most used first:
  // "Russian", "Russians" for Russia.
  std::vector<std::string> demonyms;
  std::vector<EntityMention> mentions;          // by document, then offset
  std::vector<uint32_t> mentions_per_document;  // one count per document of the cluster
};

class EntityExtractor {
 public:
  // Loads the word lists of `language` from `data_dir`, or the built-in
  // copies when empty; kNotFound when a list is missing for the language.
  static Result<EntityExtractor> Create(std::string_view data_dir,
                                        std::string_view language = "en");

  // The entities of an analysed cluster, most mentioned first (ties: first
  // mentioned first).
  // `include` (may be null): the documents read (the briefing leaves out
  // copies and documents set aside); the others get no mentions.
  std::vector<Entity> Extract(const Cluster& cluster,
                              const std::vector<bool>* include = nullptr) const;

 private:
  struct AliasEntry {
    std::string name;
    std::string type;
  };
  class Run;

  // `local`: lines of the language's own local_names.txt.
  Status AddAliasLines(std::string_view file, const std::vector<std::string>& lines,
                       std::string_view default_type, bool local = false);
  Status LoadLanguageSettings(std::string_view data_dir, const std::string& lang);

  // `key` (a NameKey) without the name endings of each word (name_endings_).
  std::string EndingKey(std::string_view key) const;

  // Name key (see NameKey in entities.cc) -> index into alias_entries_.
  std::unordered_map<std::string, uint32_t> aliases_;
  std::unordered_map<std::string, uint32_t> demonyms_;
  std::vector<AliasEntry> alias_entries_;
  // Name key -> the line of given_names.txt: "mike" and "michael" share one.
  std::unordered_map<std::string, uint32_t> given_names_;
  std::unordered_set<std::string> stopwords_;                // lower case
  std::unordered_map<std::string, std::string> head_types_;  // "office" -> "organization"
  // EndingKey of each head word -> its type, given name endings ("компанию").
  std::unordered_map<std::string, std::string> head_ending_types_;
  std::unordered_map<std::string, bool> titles_;  // lower case -> honorific
  name_forms::NameWords names_;                   // particles, "of", alias phrases...
  // entity_settings.txt, common_nouns.txt.
  // Head words of entity_stopwords.txt marked "suffix": an acronym that
  // joins the name before it ("Renault SA", "Deutsche Bahn AG").
  std::unordered_set<std::string> org_suffixes_;
  bool capitalized_nouns_ = false;
  bool capitals_mark_names_ = false;
  bool head_word_first_ = false;
  std::vector<std::string> opening_marks_;       // after which a word is sentence-initial
  std::vector<std::string> name_endings_;        // longest first
  std::unordered_set<std::string> noun_stems_;   // Snowball stems of common nouns
  std::unordered_set<std::string> determiners_;  // case-folded
  // "| preposition" words of common_nouns.txt: with an adjective between
  // it and a capitalized word, a determiner ("mit voller Wucht").
  std::unordered_set<std::string> prepositions_;
  std::vector<std::string> noun_suffixes_;  // case-folded: "ung", "heit"
  // place_suffix settings (case-folded): right after a place preposition,
  // a capitalized word ending so is a place's name even when a common noun
  // ends it ("in Mühlhausen", "nach Heidelberg").
  std::vector<std::string> place_suffixes_;
  // adjective_ending settings: a capitalized word ending so takes the
  // lower-case head word after it ("Ленинском районе").
  std::vector<std::string> adjective_endings_;
  // Stems of the head words of entity_stopwords.txt (capitalized_nouns):
  // compounds ending in one take its type ("Landungsbrücken", "Seeamt").
  std::unordered_map<std::string, std::string> head_stems_;
  // name_quote settings: marks around a name ("„Möwe 7“"), open and close.
  std::vector<std::pair<std::string, std::string>> name_quotes_;
  // road_word settings (case-folded): after one, a code of capitals and
  // digits is a road ("l'autoroute A46", "carretera AV-924").
  std::unordered_set<std::string> road_words_;
  // institution_heads.txt: lower-case head words (1-2 words, case-folded)
  // -> the type of the name they make with "of" and a name ("parquet de
  // Lyon"); where names take endings, a one-word head in any case, shown
  // as listed ("прокуратуры" -> "прокуратура").
  std::unordered_map<std::string, std::string> institution_heads_;
  // nominative settings: an adjective and a noun ending of an oblique case
  // and their nominative endings ("ском е | ский -").
  struct CaseRule {
    std::string adjective, noun, adjective_nominative, noun_nominative;
  };
  std::vector<CaseRule> nominative_rules_;  // longest noun ending first
  // `name` with its first two words (an adjective and its noun) brought to
  // the nominative by nominative_rules_, or empty when no rule applies
  // ("Ленинском районе" -> "Ленинский район").
  std::string Nominative(std::string_view name) const;
  std::unordered_map<std::string, uint32_t> alias_ending_keys_;    // EndingKey -> entry
  std::unordered_map<std::string, uint32_t> demonym_ending_keys_;  // EndingKey -> entry
  // The forms of local_names.txt with their place in their line, by their
  // NameKey (all that share it), EndingKey and (one word) Snowball stem:
  // what a mention of a listed referent is named.
  using LocalForm = std::pair<std::string, uint32_t>;
  std::unordered_map<std::string, std::vector<LocalForm>> local_forms_;
  std::unordered_map<std::string, LocalForm> local_ending_forms_;
  std::unordered_map<std::string, LocalForm> local_stem_forms_;
  // Where names take endings, the Snowball stems of the one-word names of
  // the alias files: "Казанью" meets "Казань" where no name ending joins
  // them.
  std::unordered_map<std::string, uint32_t> alias_stems_;  // stem -> entry
};

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_ENTITIES_H_
