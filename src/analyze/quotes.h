// QuoteExtractor: who said what. Finds direct quotes, reported speech and
// transcript turns in an analysed document and attributes each to a speaker.
//
//   Result<QuoteExtractor> quotes = QuoteExtractor::Create(options.data_dir);
//   for (const Quote& q : quotes->Extract(doc))
//     std::cout << q.speaker << ": " << q.span.Slice(doc.text);
//
// Extract() needs a document analysed by Pipeline::Analyze (paragraphs,
// sentences, turns). Create() loads, for its language (data/<language>/),
// quote_grammar.txt (the quotation marks, dialogue dashes, a comma before a
// reported clause), quote_words.txt (the word classes below: articles, pronouns, "according
// to", ...; QuoteWords), speech_verbs.txt, person_titles.txt,
// abbreviations.txt (a language without one keeps the period of its
// honorifics: "Sra."), the "quotes" particles of name_particles.txt and the
// organization head words of entity_stopwords.txt, and data/name_genders.txt,
// data/given_names.txt, data/news_outlets.txt and the demonyms of
// data/places.txt, once; Extract() is const and thread-safe, and its time
// grows linearly with the document. Spans are byte ranges into
// Document::text. The examples below are English; the words they turn on
// come from those files.
//
// Other languages: the same patterns read with the language's own words and
// marks (data/de, fr, es, it, pt, ru), which cover how those languages write
// attributions without code of their own:
//   „…“, sagte Lindner.  /  « … », a déclaré Macron.  /  “…”, ha detto X.
//                              the verb before its subject; an auxiliary of
//                              inverted_auxiliary may stand before the verb
//   « … », a-t-il dit.  /  « … », déclare-t-elle.   an inverted_pronoun
//                              ending is split off the verb as its subject
//   „…“, so Lindner.  /  « … », selon lui.   a quote_source phrase after the
//                              quotation names the speaker
//   X hat gesagt: „…“  /  Macron a déclaré que ...   the auxiliary is an
//                              adverb between subject and verb
//   Lindner sagte, die Lage sei ernst.   with clause_comma, a comma may
//                              stand between the verb and its clause
//   — Мы не отступим, — сказал Путин.  /  —No lo haremos —dijo Sánchez—.
//   — Nous resterons unis, a déclaré Attal.   a dialogue dash opens a
//                              quotation at a paragraph's start (or after a
//                              sentence following one it closed); the next
//                              dash, a comma before an attribution, or the
//                              paragraph's end closes it; '«…», — сказал он':
//                              a dash after the comma is left out
//   …, teilte die Polizei am Mittwoch mit.   a separable verb of
//                              speech_verbs.txt ("teilte ... mit") whose
//                              particle ends its clause reads as one verb
//   „…“, sagte X am Mittwoch.  /  — сказал он журналистам.   a time, a
//                              listener (and, with place_after_subject, a
//                              place) after an inverted subject
//   „…“, sagte die Senatorin.  /  Según la consejera, …   with
//                              title_after_verb, a title after the verb or a
//                              source phrase refers back ("Hafensenatorin
//                              Anna Keller" with compound_titles; "La
//                              consejera de Medio Ambiente, Marta Ibáñez,"
//                              with name_after_description and
//                              title_first_roles)
//   „…“, sagte X. Rund 60 Einsatzkräfte seien vor Ort gewesen.   a sentence
//                              with a verb of reported_mood (Konjunktiv I)
//                              and no attribution after a quote is its
//                              speaker's
//   «…», dijo.                 with pro_drop, a verb with no subject: the
//                              sentence's subject, else the speaker of the
//                              quote before it in the paragraph
//   По его словам, …  /  директора ООО «Сибтеплосеть» Игоря Белоусова
//                              a possessive for the "*" of a source phrase
//                              ("по * словам"); a legal_form before a quoted
//                              name is an organization, the person after it
//                              the speaker
// Words are compared lowered character by character (LowerSameLength), so
// "Он", "Über" and "Президент" match their lists.
//
// Direct quotes (straight or curly double quotes):
//   "...," said X.  /  "...," X said.  /  X said, "..."  /  X told reporters "..."
//   "...," he told reporters.  /  "...," the seven-term congressman demands.
//   "A," said X, "B."          two quotes, both attributed to X
//   "A," X said. "B."          B, a whole quoted sentence with no attribution of
//                              its own, goes to the speaker of the quote before
//                              it in the same paragraph, at most one sentence
//                              after it
//   "A." "B," X said.          A, whole sentences with no attribution, goes to
//                              the speaker of the quote right after it
//   "A ... \n\n"B ...," X said.  a quotation over several paragraphs (each
//                              opens with a mark, only the last closes): one
//                              quote per paragraph, all X's; an open one takes
//                              the attribution before it ('X said: "A'), else
//                              the quote before it in its paragraph, else the
//                              one it continues, else the speaker of the
//                              paragraph that ends it; words inside it
//                              attribute nothing
//   X said on Friday: "..."  /  X tweeted on Friday "..."  /  X said at a news
//   conference "..."           between the verb and the mark only a listener,
//                              when and where it was said, or "that"; after a
//                              colon anything ("X says this about himself on
//                              his website: "..."")
//   "A," X said, adding, "B."  a participle after a comma speaks for the
//                              speaker of the attribution before it
//   He paused, then added: "A"  the subject opening the sentence
//   Says team captain X: "A"   the verb first, its subject up to the colon
//   X called it an "A" and a "B"   a fragment up to 12 words after a naming
//                              verb (called, described ... as, dubbed,
//                              labeled, termed, branded) is the subject's
//                              words, and so are the fragments after it in the
//                              sentence, up to a verb of saying ("and called
//                              for "C" while "D"")
// Other quote marks with no attribution next to them (scare quotes,
// fragments) give no quote of their own, nor does a title after a
// preposition or possessive ('On "The Ingraham Angle", X said', 'told CNN's
// "State of the Union"'); a fragment that words follow takes only an
// attribution right after it ('"war" on the virus, Biden announced' is
// none); a quoted fragment inside a reported clause of the same speaker is
// part of that clause ('..., but he created a "disaster" there, X said.':
// the sentence before an attribution ending it is the clause, unless it is
// all quotation or holds another attribution). A quote that ends with a period
// ends its sentence: the words after it are not its attribution. An
// attribution ending in a colon, or in the verb or "that" right before an
// opening mark ('"A," and Putin stressing that "B"'), belongs to the quote
// after it. Sentences inside transcript turns are not searched; each turn
// that is not a question is one kTurn quote.
//
// Partial quotes: a direct quote whose marks hold a fragment of its sentence,
// not a statement of its own, is kPartial (the same rule for every language,
// with its own marks and words): a fragment after a naming verb ('called the
// flood a "disaster for the valley"'); one right after an article or a
// preposition ('a "disaster"', 'sprach von einem „guten Tag“'); one that words
// follow in its sentence with no attribution right after it ('pidió
// «paciencia» a quienes ...', '« une journée noire » pour la commune'); one
// attributed after it that stands inside a clause words open ('sont
// « rassurantes », a affirmé X'; not after a conjunction or "said that").
// Quoted words holding a sentence's end are never partial.
//
// Reported speech: every attribution of a sentence (outside quote marks)
// is found first, then each gets its clause.
//   X said (that) CLAUSE       after the verb, its listener ("told reporters",
//                              "told the unions"), a time ("said Friday night",
//                              "said Feb. 21")
//                              and where it was said ("said in a statement the
//                              company would", "said on Twitter he"; "said
//                              via email." has no clause, nor "vowed to
//                              respond to what he ...": an infinitive); "that"
//                              may come up to 12 words on ("said in an
//                              interview on Monday that", "said, however,
//                              that"), unless it opens a relative clause ("a
//                              crowd that filled"). Verbs flagged "that" in
//                              speech_verbs.txt (added, warned, announced...)
//                              take a bare clause only when it opens with a
//                              subject pronoun ("added there could be",
//                              "maintained he is innocent") or, after a
//                              finite form, with a short noun phrase and an
//                              auxiliary ("claimed Republicans are", "warned
//                              the bridge could"; not "asked why he was",
//                              "asked the governor do", "promised voters she
//                              would"), else only after "that" ("announced an
//                              emergency fund" is none). A verb may have a
//                              particle ("pointed out | that", "went on").
//                              A word right after a determiner or a
//                              possessive is no verb ("its estimate",
//                              "Zarif's claim").
//   CLAUSE, X said.  /  CLAUSE, said X.  /  CLAUSE, he added.   the sentence
//   CLAUSE -- X said.          before the attribution, when only a listener,
//                              a time or a place follows the verb (for a verb
//                              flagged "that", a place only after a named
//                              speaker: "X confirmed at a press conference");
//                              a dash (also U+2015) sets off only a named one
//   X issued a statement saying CLAUSE   a document's participle: the
//                              subject of the verb before the document
//   ..., saying (that) CLAUSE  a participle after a comma: the speaker of the
//                              attribution before it in the sentence (none if
//                              that speaker is unnamed), else the sentence's
//                              subject ("Cantor, who ..., shifted ..., saying")
//   X said if A, CLAUSE        a condition opens the clause ("said if the
//                              rain continued, the pier would close")
//   X said Y, a rival, did Z   after a speaker named before the verb, a name
//                              and its apposition open the clause
//   According to X, CLAUSE  /  CLAUSE, according to X.  /  ..., and,
//   according to X, CLAUSE     also "according to a report by X",
//                              "according to statistics from X"
//   Russia, Obama said, is an outlier   -> "is an outlier"; any verb, but
//                              not before a preposition, a conjunction or
//                              "then" ("..., X announced, amid protests")
// After "that", "which", "who" or "what", a clause opening with a verb (an
// auxiliary, or a word before a determiner) has no subject of its own and is
// none: "policies that he says place the ...", "the bridge, which X said
// would". A clause runs to the sentence's end, or to where another attribution
// begins after its start ('X said the plan "failed," and Y stressing that ...',
// "..., although he added ...", "..., presidential spokesman Joe Lockhart
// said."; a clause ends in no comma, conjunction or relative word), or to a
// colon before a quotation. An attribution at the very start of the clause is
// nested: "X said Y told him Z" gives X "Y told him Z" and Y "Z". A capitalized
// word is a verb only at a sentence's start ("United States"); after "has" or
// "had" only a participle is ("had reports that").
//
// Speakers: a name is 1-4 capitalized words, optionally after titles from
// person_titles.txt and a leading "the" (organizations: "the RTSO", "the White
// House", "the Justice Department"). A function title ("Mayor", "Transport
// Minister") becomes the role; an honorific (Mr, Dr) is dropped; a title before
// an organization's head word belongs to its name ("General Motors"), a title
// after a given name is a surname ("Steve King"). An apposition after the name
// (", a spokesperson for the company,", ", a Fredericksburg, Va. dealer,")
// becomes the role instead, cut before a relative clause (not where it was
// said: ", in a June interview,"); so does one with no article that names a
// function in lower case ("Tom Shortley, North Korea desk officer at the World
// Food Program, said"). A middle initial ("James J. Gerace", "George H.W.
// Bush") is no acronym: the name stays a person's; a suffix after it is its own
// ("Walter H. White, Jr."). Not names: contractions, "-based" and other
// hyphenated adjectives, demonyms ("Canadian"), party tags ("R-Texas", skipped
// with "(D-Calif.)"), plural nouns of unnamed groups ("Officials", "Doctors"),
// a name repeating a word. "of" stands in an organization's name after a head
// word ("the Department of Labor"), and so does a group word that is a head
// word ("the Capitol Police"; "Police said" alone names nobody); a party tag
// keeps its period ("Mitch McConnell, R-Ky., said"); a particle ("against bin
// Laden") links as the word before it. Before the verb the subject may stand
// after adverbs and a time ("X on Friday said", "X nevertheless said", "X even
// acknowledged"); be a pronoun right before it ("although he added"); be the
// name before ", who" ("said Mr. Katz, who said") or before an apposition and
// "who" ("Sen. X, a supporter of the penalty who said"); end a chunk that
// appositions follow ("Senior IOC member Marc Hodler, who heads ..., has
// described", "in which the comedian Jon Stewart, a longtime friend, had
// joked"; not "X, the former Olympian, ..."); be a name and where it is from
// ("Prime Minister X of Turkey", "Glenn Lammi of the Washington Legal
// Foundation": a titled name, one opening with a given name, or two to four
// words naming no organization; not "Bank of America"), before or after the
// verb; end a description ("proxy advisory firm Glass Lewis", "and Putin",
// "chairman of the House Intelligence Committee Rep. Adam Schiff", "Chancellor
// of the Exchequer Gordon Brown", "Microsoft's Dennis Durken"); follow "both",
// "with", "and", a conjunction or an adverb ("But X said"); be "X and Y" (both
// speak; "Bill and Melinda Gates": Bill Gates too; "Health and Human Services
// Secretary X": one name); be the one quoted ("Reuters quoted X as saying", "X
// was quoted as saying"); be the author of a document ("BuzzFeed's Thursday
// night report claimed", "a White House statement said"); or, for "... and
// said", be the sentence's subject (or the subject of the relative clause the
// verb continues: "a speech in which X criticized Democrats, but argued"); or
// follow "that" when a clause follows the verb ("so ill-equipped that
// Lafontaine said that ..."; not "a claim that X said was false"). When the
// words right before the verb name nobody ("as conservative members said"),
// nobody speaks. A description between commas after a name describes it ("Ray
// Fang, the hospital's director, said"). After the verb: "said X", "said the
// leader of the Senate, X", "said the commission's chairwoman, X", "said Ms.
// White and Lewis D. Schiliro" (both speak). "Officials in Maricopa County,
// Arizona, are ..., saying": a place's region is no sentence subject, nor a
// name before a group word ("Seven Capitol Police officers filed ...,
// alleging"). News outlets (news_outlets.txt, and the document's own source)
// relay what others said: they never speak ("..., Reuters reported", "according
// to the Associated Press"), but end clauses like any attribution.
//
// Pronouns and descriptions: "he"/"she", "they", "it", "the minister", "the
// attorney general", "the French president" (a function title after "the" and
// modifiers) and "the company", "the sheriff's office" (an organization's head
// word in lower case) refer to someone named before them, at most 12 sentences
// back, outside the quote itself (nobody calls himself "President Obama"; a
// reported clause opening with "he" names someone else: "He said he thought
// Morsi had failed"). Candidates are titled names (also before a possessive:
// "President Obama's watch"), names after a function in lower case
// ("spokeswoman Victoria Nuland"), names opening with a given name,
// organizations ending in a head word, named speakers, every other mention of
// their surnames (possessives too), and the speakers found so far from pronouns
// and descriptions; not news outlets, but a person whose surname is one
// ("Bloomberg" of "Michael Bloomberg"). "he"/"she" take people (not
// "Microsoft") of no other gender by given name or form of address
// (name_genders.txt: "Mrs McConville"); "they" takes organizations only, named
// in its sentence or the one before; "it" a body (no person known by title,
// form of address or given name) that spoke opening the sentence before
// ("Turkey had demanded that ... It also demanded that ..."); "the minister"
// takes a role ending in that title, else the nearest person the text gave some
// function (not for titles flagged "unnamed": "the spokesman"; and of the
// gender of a clause opening with "he" or "she"); "the sheriff's office" an
// organization whose name ends in those words ("the service" alone: any ending
// in "Service"). The nearest sentence with a candidate wins; in it, the last
// speaker, else the first name (most often the subject); in a sentence opened
// by the same pronoun ("He met Obama."), the others named are passed over. An
// unnamed speaker ("a spokesman said", "officials said", an unresolved "the
// Portland police chief said") is a candidate too, for the pronouns it can be
// (a spokeswoman for "she"): a pronoun that means it names nobody. Speaker
// names are then replaced by the fullest name in the document (any run of
// capitalized words not right after "of") ending with the same words ("Duarte"
// -> "Elena Duarte"; not "Mr Wilson" -> "Jane Wilson"); of several ("Mollie
// Olgin", "Mario Olgin"), the one named as a speaker, else none. Unnamed
// speakers ("officials said", "the firm said") give no quote.
#ifndef DOSSIER_ANALYZE_QUOTES_H_
#define DOSSIER_ANALYZE_QUOTES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyze/quote_words.h"
#include "dossier/document.h"
#include "dossier/status.h"
#include "util/word_kinds.h"
#include "util/word_shapes.h"

namespace dossier {

struct Quote {
  // kPartial: words in quote marks that are a fragment of the sentence
  // around them ('called the flood a "disaster for the valley" on Monday'),
  // not a statement of their own; shown with that sentence.
  enum class Kind { kDirect, kReported, kTurn, kPartial };

  Span span;            // the quoted words (inside the marks), the reported clause, or the turn
  Span speaker_span;    // where the speaker is named; empty when resolved from a pronoun or a turn
  std::string speaker;  // normalized name: "Elena Duarte", "Regional Transit Safety Office"
  std::string role;     // "Mayor", "spokesperson for the company"; empty when not given
  Kind kind = Kind::kDirect;
  uint32_t sentence = 0;  // index into Document::sentences
  // With pile_roles (quote_grammar.txt): the speaker is only a function the
  // document gives nobody ("a déclaré le directeur général"); `speaker` and
  // `role` hold it, and BuildSpeakers gives the quote to the one person of
  // the pile with that role, else drops it.
  bool role_only = false;
};

const char* QuoteKindName(Quote::Kind kind);

class QuoteExtractor {
 public:
  // Loads the word lists of `language` from `data_dir`, or the built-in
  // copies when empty; kNotFound when a list is missing for the language.
  static Result<QuoteExtractor> Create(std::string_view data_dir, std::string_view language = "en");

  // The quotes of an analysed document, in text order.
  std::vector<Quote> Extract(const Document& doc) const;

  // The word classes it reads attributions with.
  const QuoteWords& words() const { return words_; }

 private:
  struct Verb {
    bool needs_that = false;  // reported speech only with "that"
    bool takes_object = false;
    std::string particle;  // "out" of "pointed out": the word that must follow
  };
  struct Title {
    bool honorific = false;
    bool unnamed = false;  // "the spokesman": names nobody unless the text gave the role
  };
  class Run;

  QuoteGrammar grammar_;  // quote_grammar.txt: marks, dialogue dashes
  QuoteWords words_;
  std::vector<std::vector<std::string>> source_phrases_;  // "according to", as words
  WordShapes source_first_;                               // of their first words
  WordKinds particles_;                                   // name_particles.txt

  // Transparent hashing: looked up by string_view without a copy.
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Verb, ViewHash, std::equal_to<>> verbs_;
  std::unordered_map<std::string, Verb, ViewHash, std::equal_to<>>
      phrasal_verbs_;  // "pointed" -> "out"
  // Separable verbs ("teilte ... mit"): the verb, and the particle that ends
  // its clause ("teilte die Polizei am Mittwoch mit").
  std::unordered_map<std::string, std::pair<Verb, std::string>, ViewHash, std::equal_to<>>
      separable_verbs_;
  std::unordered_map<std::string, Title, ViewHash, std::equal_to<>> titles_;
  WordShapes verb_shapes_;   // of verbs_ and phrasal_verbs_ keys
  WordShapes title_shapes_;  // most words are ruled out before a hash lookup
  std::unordered_map<std::string, char, ViewHash, std::equal_to<>>
      genders_;  // given name -> 'f' or 'm'
  std::unordered_set<std::string>
      abbreviations_;  // "dr", "st", "u.s": their period stays on the word
  std::unordered_set<std::string, ViewHash, std::equal_to<>>
      title_abbreviations_;  // "sra", "dr": kind title, never the end of a sentence
  std::unordered_set<std::string, ViewHash, std::equal_to<>>
      given_;                                  // given names, lower case ("gordon")
  std::unordered_set<std::string> org_heads_;  // "office", "department", "company"
  std::unordered_set<std::string> outlets_;    // news outlets, lower case, no leading "the"
  std::unordered_set<std::string> demonyms_;   // "canadian", "canadians", from places.txt
};

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_QUOTES_H_
