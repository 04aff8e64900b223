// English word classes for QuoteExtractor (src/analyze/quotes.h): which
// words never belong to a speaker's name, which stand between a subject and
// its verb, which open a clause, and so on. Function words and closed
// classes only; open lists (verbs, titles, outlets, given names) are data
// files. Words are passed in lower case unless a function says otherwise.
#ifndef DOSSIER_ANALYZE_QUOTE_WORDS_H_
#define DOSSIER_ANALYZE_QUOTE_WORDS_H_

#include <string>
#include <string_view>

namespace dossier::quote_words {

// Words that never start or belong to a speaker's name.
bool IsBlockedNameWord(std::string_view lower);

// Words between a speech verb and its subject: "X also said", "X has said".
bool IsAdverb(std::string_view w);

// A listener after "told": "told reporters ...", "told us ...".
bool IsListener(std::string_view lower);

// A word after a speech verb that starts an adverbial, not a reported
// clause: "said on Friday", "said in a statement".
bool IsAdverbialStart(std::string_view lower);

bool IsRelativeWord(std::string_view lower);

bool IsCapitalized(std::string_view w);

bool IsPossessive(std::string_view w);

std::string WithoutPeriod(std::string_view w);

// Time words and the words that lead them: "on Friday", "last week", "late
// Saturday", "earlier this month".
bool IsTimeWord(std::string_view lower);

bool IsTimeLead(std::string_view lower);

// Month names and abbreviations, lower case ("february", "feb."); not "may".
bool IsMonth(std::string_view lower);

// Words that join clauses: a clause cut before another attribution does not
// end in one; a name after one starts a clause ("... and Putin said").
bool IsConjunction(std::string_view lower);

bool IsDeterminer(std::string_view lower);

bool IsPreposition(std::string_view lower);

// A written thing that speaks for its author: "BuzzFeed's report said".
bool IsDocumentNoun(std::string_view lower);

// Verbs that name something in the speaker's words: 'called it an "act of
// terror"', 'described the fund as a "bribe"'.
bool IsNamingVerb(std::string_view lower);

bool IsAuxiliary(std::string_view lower);

bool IsSubjectPronoun(std::string_view lower);

// A word that can open a clause after "said in a statement": a subject
// pronoun or a determiner ("the company would").
bool IsClauseOpener(std::string_view lower);

// "R-Texas", "D-Calif.": a party and a state after a lawmaker's name.
bool IsPartyTag(std::string_view w);

std::string WithoutPossessive(std::string_view w);

}  // namespace dossier::quote_words

#endif  // DOSSIER_ANALYZE_QUOTE_WORDS_H_
