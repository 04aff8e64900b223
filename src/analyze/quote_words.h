// QuoteWords: the word classes QuoteExtractor (src/analyze/quotes.h) reads
// attributions with, from data/<language>/quote_words.txt: which words never
// belong to a speaker's name, which stand between a subject and its verb,
// which open a clause, and the few words that play a part of their own
// ("according to", "quoted ... as"). Each kind of the file is a short list,
// looked up like a constant array; the file says what each kind is for.
//
//   Result<QuoteWords> words = QuoteWords::Create(data_dir);
//   if (words->IsAdverb("also")) ...
//   if (words->Is("the", QuoteWords::kArticle)) ...
//
// Words are passed in lower case unless a function says otherwise.
// Immutable after Create(); thread-safe. Also here: spelling tests that
// need no list (capitals, possessives, party tags).
#ifndef DOSSIER_ANALYZE_QUOTE_WORDS_H_
#define DOSSIER_ANALYZE_QUOTE_WORDS_H_

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "dossier/status.h"
#include "util/word_kinds.h"
#include "util/word_shapes.h"

namespace dossier {

class QuoteWords {
 public:
  // The kinds of quote_words.txt, in the order of kKindNames.
  enum Kind : size_t {
    kNotAName,
    kContraction,
    kHyphenAdjective,
    kAdverb,
    kListener,
    kAdverbialStart,
    kRelative,
    kTime,
    kTimeLead,
    kWeekday,
    kMonth,
    kMonthAbbreviation,
    kConjunction,
    kDeterminer,
    kPreposition,
    kDocument,
    kNamingVerb,
    kAuxiliary,
    kFiniteAuxiliary,
    kPerfect,
    kSubjectPronoun,
    kClauseDeterminer,
    kPronounMale,
    kPronounFemale,
    kPronounPlural,
    kPronounNeuter,
    kCapitalPronoun,
    kArticle,
    kDefiniteArticle,
    kUnnamedLead,
    kTitleMinor,
    kNameSuffix,
    kSubjectLead,
    kAnd,
    kOr,
    kOf,
    kCoordinator,
    kNameInner,
    kNotBeforeName,
    kThat,
    kTo,
    kCondition,
    kQuestionWord,
    kClauseStop,
    kRelativeSubject,
    kRelativeOpener,
    kRelativeClause,
    kThen,
    kQuoted,
    kQuotedPassive,
    kAs,
    kIrregularParticiple,
    kIrregularPast,
    kSourcePhrase,
    kSourcePreposition,
    kSourceRelative,
    kVenuePreposition,
    kDocumentParticiple,
    kNotParenthetical,
    kInvertedAuxiliary,
    kQuoteSource,
    kReportedMood,
    kLegalForm,
    kPossessiveMale,
    kPossessiveFemale,
    kPossessivePlural,
    kThatLead,
    kBody,
    kBodyPreposition,
    kDictionaryForm,
    kStandInCompany,
    kStandInAuthority,
    kEstimateVerb,
    kEstimateNoun,
    kOrigin,
    // Endings: entries "-ed", matched at the end of a word (EndsIn).
    kAdverbEnding,
    kPastEnding,
    kPassiveEnding,
    kIngEnding,
    kPluralEnding,
    kSingularEnding,
    kVerbEnding,
    kInvertedPronoun,
    kCaseEnding,
    kKindCount
  };
  static const std::array<std::string_view, kKindCount> kKindNames;

  // Loads <language>/quote_words.txt from `data_dir`, or the built-in copy.
  static Result<QuoteWords> Create(std::string_view data_dir, std::string_view language = "en");

  // Whether `w` is a word of kind `kind`, compared as written.
  bool Is(std::string_view w, Kind kind) const { return words_.Is(kind, w); }
  // The entries of `kind`, in file order (endings keep their "-").
  std::span<const std::string_view> Of(Kind kind) const { return words_.Of(kind); }
  // Whether `w` ends in one of the endings of `kind` (or is one).
  bool EndsIn(std::string_view w, Kind kind) const {
    for (std::string_view e : words_.Of(kind)) {
      if (w.ends_with(e.substr(1))) return true;
    }
    return false;
  }

  // Words that never start or belong to a speaker's name: not_a_name and
  // weekday words, contractions ("we're"), hyphenated adjectives
  // ("texas-based").
  bool IsBlockedNameWord(std::string_view lower) const;
  // Words between a speech verb and its subject: "X also said", "X has said",
  // "X repeatedly said". Case as written: "Kelly" is no adverb.
  bool IsAdverb(std::string_view w) const {
    return (w.size() > 3 && EndsIn(w, kAdverbEnding) && IsAsciiLower(w[0])) || Is(w, kAdverb);
  }
  // A listener after "told": "told reporters ...", "told us ...".
  bool IsListener(std::string_view lower) const { return Is(lower, kListener); }
  // A word after a speech verb that starts an adverbial, not a reported
  // clause: "said on Friday", "said in a statement", "said repeatedly".
  bool IsAdverbialStart(std::string_view lower) const {
    return (lower.size() > 4 && EndsIn(lower, kAdverbEnding)) || Is(lower, kAdverbialStart) ||
           Is(lower, kWeekday);
  }
  bool IsRelativeWord(std::string_view lower) const { return Is(lower, kRelative); }
  // Time words ("friday", "week") and the words that lead them ("on", "late").
  bool IsTimeWord(std::string_view lower) const {
    return Is(lower, kTime) || Is(lower, kWeekday) || IsMonth(lower);
  }
  bool IsTimeLead(std::string_view lower) const { return Is(lower, kTimeLead); }
  // A month's name ("february") or abbreviation with its period ("feb.").
  bool IsMonth(std::string_view lower) const {
    return Is(lower, kMonth) ||
           (lower.ends_with('.') && Is(lower.substr(0, lower.size() - 1), kMonthAbbreviation));
  }
  // Words that join clauses: a clause cut before another attribution does
  // not end in one; a name after one starts a clause ("... and Putin said").
  bool IsConjunction(std::string_view lower) const { return Is(lower, kConjunction); }
  bool IsDeterminer(std::string_view lower) const { return Is(lower, kDeterminer); }
  bool IsPreposition(std::string_view lower) const { return Is(lower, kPreposition); }
  // A written thing that speaks for its author: "BuzzFeed's report said".
  bool IsDocumentNoun(std::string_view lower) const { return Is(lower, kDocument); }
  // Verbs that name something in the speaker's words: 'called it an "act of
  // terror"', 'described the fund as a "bribe"'.
  bool IsNamingVerb(std::string_view lower) const { return Is(lower, kNamingVerb); }
  bool IsAuxiliary(std::string_view lower) const { return Is(lower, kAuxiliary); }
  bool IsSubjectPronoun(std::string_view lower) const { return Is(lower, kSubjectPronoun); }
  // A word that can open a clause after "said in a statement": a subject
  // pronoun or a clause determiner ("the company would").
  bool IsClauseOpener(std::string_view lower) const {
    return IsSubjectPronoun(lower) || Is(lower, kClauseDeterminer);
  }
  // The gender of a pronoun that names a speaker: 'm', 'f', 'p' (plural),
  // 'n' (neuter); 0 for other words.
  char PronounOf(std::string_view lower) const {
    return Is(lower, kPronounMale)     ? 'm'
           : Is(lower, kPronounFemale) ? 'f'
           : Is(lower, kPronounPlural) ? 'p'
           : Is(lower, kPronounNeuter) ? 'n'
                                       : 0;
  }
  // 'm', 'f' or 'p' for a possessive pronoun ("его" of "по его словам"), else 0.
  char PossessiveOf(std::string_view lower) const {
    return Is(lower, kPossessiveMale)     ? 'm'
           : Is(lower, kPossessiveFemale) ? 'f'
           : Is(lower, kPossessivePlural) ? 'p'
                                          : 0;
  }
  // `key` without a definite article before it ("the associated press").
  std::string_view WithoutArticle(std::string_view key) const {
    for (std::string_view a : Of(kDefiniteArticle)) {
      if (key.size() > a.size() && key.starts_with(a) && key[a.size()] == ' ') {
        return key.substr(a.size() + 1);
      }
    }
    return key;
  }

 private:
  WordKinds words_;
  // not_a_name, looked up for every capitalized word: a shape test, then a
  // hash set of views into words_.
  WordShapes blocked_shapes_;
  std::unordered_set<std::string_view> blocked_;
  std::vector<std::string> contractions_;     // with a straight and a curly apostrophe
  std::array<bool, 256> contraction_last_{};  // the last bytes of contractions_
};

// data/<language>/quote_grammar.txt: the language's quotation marks and
// how its attributions are written (the file's header says the format).
struct QuoteGrammar {
  struct MarkPair {
    std::string open;
    std::string close;  // the same as `open` for a mark that opens and closes in turn
  };
  std::vector<MarkPair> marks;
  std::string dialogue_dash;            // "—": opens a quotation at a paragraph's start
  bool clause_comma = false;            // "sagte, die Lage sei ernst": a comma before the clause
  bool lowercase_titles = false;        // "la ministre Rachida Dati": a title in lower case
  bool name_particles = false;          // "Marcelo Rebelo de Sousa": a particle inside a name
  bool source_verb_second = false;      // "Laut Lindner ist die Lage ernst": no comma
  bool role_before_given_name = false;  // "Pendlerin Jana Brückner": "Pendlerin" is a role
  bool title_after_verb = false;  // "„…“, sagte die Senatorin": a title after the verb refers back
  bool compound_titles = false;  // "Hafensenatorin" is a "Senatorin"
  bool place_after_subject = false;  // "заявил Савельев на совещании": where, after the subject
  bool name_after_description = false;  // "Según el jefe, Andrés Molina, …": the name after commas
  bool pro_drop = false;                // "«…», dijo.": a verb of saying with no subject
  bool title_first_roles = false;       // "consejera de Medio Ambiente" is a "consejera"
  bool verb_after_source = false;       // "según informó la Junta": the verb before the source
  bool as_clause = false;  // "Как сообщили в мэрии, CLAUSE": "as", verb, subject, clause
  bool source_before_quote = false;  // "selon lui, « … »": the source names the speaker
  bool body_speakers = false;        // "selon la préfecture du Rhône": a body of kBody speaks
  // dictionary_ending OBLIQUE NOMINATIVE: a body noun ending in OBLIQUE is
  // shown with NOMINATIVE in its place when that form is of kind
  // dictionary_form ("в мэрии" -> "мэрия"), the first such rule in file order.
  struct Ending {
    std::string oblique;
    std::string nominative;
  };
  std::vector<Ending> dictionary_endings;
  // "La compañía asegura …", "сообщили в ведомстве": a generic noun of
  // stand_in_company or stand_in_authority means the organization of its
  // kind named last before it.
  bool stand_in_bodies = false;
  // "в региональном управлении МЧС": an acronym right after a body noun
  // names the body the noun is a part of; it speaks, the noun is its role.
  bool acronym_after_body = false;
  // "…, a déclaré le directeur général": a function title naming nobody in
  // the document is kept as a role-only speaker (Quote::role_only), for the
  // one person with that role in the pile.
  bool pile_roles = false;
  // "selon la direction": the article stays in a body's name when the noun
  // stands alone or it is an unnamed lead ("une source proche de …").
  bool body_article = false;
  // "la società X, che ha stimato i lavori in 1,8 milioni di euro": a verb
  // of estimate_verb, or a verb of saying before an estimate_noun ("conferma
  // la stima di 1,8 milioni"), with a number after it and an organization
  // as its subject: the verb phrase is what the organization said.
  bool estimate_clause = false;

  static Result<QuoteGrammar> Load(std::string_view data_dir, std::string_view language);
};

namespace quote_words {

bool IsCapitalized(std::string_view w);

// A word that starts with a lower-case letter: "said", "über", "он".
bool IsLowercase(std::string_view w);

// `s` in lower case, each character lowered only where its lower case takes
// as many bytes in UTF-8 ("Über" -> "über", "ОН" -> "он"; the Kelvin sign
// stays): offsets into `s` hold in the result.
std::string LowerSameLength(std::string_view s);

bool IsPossessive(std::string_view w);

std::string WithoutPeriod(std::string_view w);

// "R-Texas", "D-Calif.": a party and a state after a lawmaker's name.
bool IsPartyTag(std::string_view w);

std::string WithoutPossessive(std::string_view w);

}  // namespace quote_words
}  // namespace dossier

#endif  // DOSSIER_ANALYZE_QUOTE_WORDS_H_
