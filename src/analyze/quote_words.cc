#include "analyze/quote_words.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>
#include <unordered_set>

#include "util/dates.h"
#include "util/strings.h"
#include "util/word_shapes.h"

namespace dossier::quote_words {

// Words that never start or belong to a speaker's name.
bool IsBlockedNameWord(std::string_view lower) {
  // "We're", "I'm", "They've", "Can't": contractions.
  static constexpr std::string_view kContractions[] = {"'re",
                                                       "'m",
                                                       "'ve",
                                                       "'ll",
                                                       "n't",
                                                       "\xE2\x80\x99re",
                                                       "\xE2\x80\x99m",
                                                       "\xE2\x80\x99ve",
                                                       "\xE2\x80\x99ll",
                                                       "n\xE2\x80\x99t"};
  if (lower.find_first_of("'\x99") != std::string_view::npos) {
    for (std::string_view end : kContractions) {
      if (lower.ends_with(end)) return true;
    }
  }
  // "Invesco-owned", "Texas-based": adjectives, not names.
  if (const size_t hyphen = lower.rfind('-'); hyphen != std::string_view::npos) {
    static constexpr std::string_view kEnds[] = {
        "owned",  "based",     "born", "led",        "backed",     "style",    "funded",
        "linked", "run",       "era",  "wide",       "allied",     "aligned",  "bound",
        "made",   "sponsored", "area", "controlled", "affiliated", "speaking", "friendly"};
    if (IsOneOf(lower.substr(hyphen + 1), kEnds)) return true;
  }
  static constexpr std::string_view kWords[] = {
      "a", "an", "and", "after", "all", "as", "at", "before", "both", "each", "either", "every",
      "neither", "but", "by", "for", "from", "he", "her", "here", "his", "how", "i", "if", "in",
      "it", "its", "many", "most", "my", "no", "on", "or", "our", "she", "so", "some", "that",
      "the", "their", "there", "these", "they", "this", "those", "today", "we", "what", "when",
      "where", "while", "who", "why", "with", "yes", "yesterday", "you", "your", "officials",
      "police", "analysts", "experts", "others", "critics", "sources", "witnesses", "residents",
      "observers", "authorities", "investigators", "one", "please", "since", "although", "though",
      "because", "unless", "until", "whether", "however", "meanwhile", "instead", "still", "also",
      "then", "thus", "yet", "last", "next", "despite", "among", "during", "through", "like",
      "unlike", "including", "according", "asked", "speaking",
      // Groups that speak unnamed: "Doctors have said", "Protesters confirmed".
      "doctors", "protesters", "protestors", "researchers", "scientists", "prosecutors",
      "activists", "opponents", "supporters", "lawmakers", "legislators", "officers", "parents",
      "neighbors", "neighbours", "students", "teachers", "workers", "organizers", "organisers",
      "employees", "villagers", "rescuers", "firefighters", "paramedics", "agents", "diplomats",
      "negotiators", "economists", "historians", "voters", "victims", "relatives", "families",
      "survivors", "locals", "militants", "rebels", "troops", "soldiers", "guards", "aides",
      "advisers", "advisors", "members", "leaders", "judges", "scholars", "lawyers", "attorneys",
      "insiders", "reports", "studies", "documents", "records", "polls", "surveys", "statistics",
      "data"};
  // Looked up for every capitalized word: a hash set, built once (immutable).
  static const std::unordered_set<std::string_view> kSet(std::begin(kWords), std::end(kWords));
  static const WordShapes kShapes = [] {
    WordShapes shapes;
    for (std::string_view w : kWords) shapes.Add(w);
    return shapes;
  }();
  return (kShapes.MayContain(lower) && kSet.count(lower) > 0) || IsWeekdayName(lower);
}

// Words between a speech verb and its subject: "X also said", "X has said".
bool IsAdverb(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "also",         "later",       "then",  "again",     "once",    "has",   "had",
      "have",         "will",        "would", "further",   "however", "still", "too",
      "nevertheless", "nonetheless", "now",   "meanwhile", "already", "since", "first",
      "subsequently", "instead",     "even",  "never",     "just",    "often", "always"};
  if (w.size() > 3 && w.ends_with("ly") && IsAsciiLower(w[0])) return true;
  return IsOneOf(w, kWords);
}

// A listener after "told": "told reporters ...", "told us ...".
bool IsListener(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "us",         "me",          "him",           "her",       "them",
      "reporters",  "journalists", "lawmakers",     "officials", "parliament",
      "congress",   "police",      "investigators", "officers",  "prosecutors",
      "jurors",     "supporters",  "voters",        "students",  "members",
      "colleagues", "friends",     "residents",     "viewers"};
  return IsOneOf(lower, kWords);
}

// A word after a speech verb that starts an adverbial, not a reported
// clause: "said on Friday", "said in a statement".
bool IsAdverbialStart(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "on",      "in",      "at",      "during", "after",   "before",  "yesterday", "today",
      "tonight", "last",    "earlier", "late",   "later",   "this",    "over",      "through",
      "from",    "by",      "to",      "for",    "with",    "also",    "again",     "when",
      "while",   "as",      "about",   "of",     "so",      "nothing", "little",    "much",
      "more",    "goodbye", "hello",   "sorry",  "tomorrow"};
  if (lower.size() > 4 && lower.ends_with("ly")) return true;  // "said repeatedly that"
  return IsOneOf(lower, kWords) || IsWeekdayName(lower);
}

bool IsRelativeWord(std::string_view lower) {
  return lower == "who" || lower == "which" || lower == "whose" || lower == "where" ||
         lower == "that" || lower == "when" || lower == "whom";
}

bool IsCapitalized(std::string_view w) {
  if (w.empty()) return false;
  if (static_cast<unsigned char>(w[0]) < 0x80) return IsAsciiUpper(w[0]);
  size_t pos = 0;
  return u_isupper(static_cast<UChar32>(DecodeUtf8(w, &pos)));
}

bool IsPossessive(std::string_view w) {
  return w.ends_with("'s") || w.ends_with("\xE2\x80\x99s") || w.ends_with("s'") ||
         w.ends_with("s\xE2\x80\x99");
}

std::string WithoutPeriod(std::string_view w) {
  if (w.ends_with('.')) w.remove_suffix(1);
  return AsciiLower(w);
}

// Time words and the words that lead them: "on Friday", "last week", "late
// Saturday", "earlier this month".
bool IsTimeWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "today", "tonight",  "yesterday", "morning", "afternoon", "evening",
      "night", "week",     "weekend",   "month",   "year",      "earlier",
      "later", "recently", "moments",   "minutes", "hours",     "days",
      "weeks", "months",   "years",     "ago",     "afterward", "afterwards"};
  return IsOneOf(lower, kWords) || IsWeekdayName(lower) || IsMonth(lower);
}

// "february", "feb.", "sept.": not "may", a verb as often as a month.
bool IsMonth(std::string_view lower) {
  if (lower == "may" || MonthFromName(lower) == 0) return false;
  // Abbreviations only with their period ("mar" is a verb, "jan" a name).
  if (lower.ends_with('.')) {
    const std::string_view stem = lower.substr(0, lower.size() - 1);
    return stem.size() <= 4 && stem != "june" && stem != "july" && stem != "may";
  }
  return lower.size() >= 4 && lower != "sept";
}

bool IsTimeLead(std::string_view lower) {
  return IsOneOf(lower, {"on", "at", "in", "last", "this", "late", "early", "earlier"});
}

// Words that join clauses: a clause cut before another attribution does not
// end in one; a name after one starts a clause ("... and Putin said").
bool IsConjunction(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "and",   "but",  "or",    "while", "although", "though", "whereas", "because", "as",
      "since", "when", "where", "after", "before",   "until",  "if",      "so",      "yet"};
  return IsOneOf(lower, kWords);
}

bool IsDeterminer(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "a",   "an", "the",  "this", "that", "these", "those", "his",   "her",  "its",   "their",
      "our", "my", "your", "some", "many", "no",    "all",   "every", "each", "other", "another"};
  return IsOneOf(lower, kWords);
}

bool IsPreposition(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"in",      "at",   "on", "during", "to",     "with",
                                                "from",    "for",  "of", "after",  "before", "via",
                                                "through", "over", "by", "outside"};
  return IsOneOf(lower, kWords);
}

// A written thing that speaks for its author: "BuzzFeed's report said".
bool IsDocumentNoun(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "report",  "statement",  "letter",  "memo",     "filing",  "complaint", "lawsuit",
      "website", "tweet",      "post",    "study",    "release", "analysis",  "survey",
      "poll",    "editorial",  "article", "blog",     "email",   "e-mail",    "announcement",
      "ruling",  "indictment", "notice",  "document", "account", "message",   "video"};
  return IsOneOf(lower, kWords);
}

// Verbs that name something in the speaker's words: 'called it an "act of
// terror"', 'described the fund as a "bribe"'.
bool IsNamingVerb(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"called",  "calling",   "calls",    "described",
                                                "dubbed",  "labeled",   "labelled", "termed",
                                                "branded", "describing"};
  return IsOneOf(lower, kWords);
}

bool IsAuxiliary(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "is",    "was",   "are", "were", "be",    "been",   "has",  "had", "have", "will",
      "would", "could", "can", "may",  "might", "should", "must", "did", "does", "do"};
  return IsOneOf(lower, kWords);
}

bool IsSubjectPronoun(std::string_view lower) {
  return IsOneOf(lower, {"he", "she", "it", "they", "we", "i", "you", "there"});
}

// A word that can open a clause after "said in a statement": a subject
// pronoun or a determiner ("the company would").
bool IsClauseOpener(std::string_view lower) {
  return IsSubjectPronoun(lower) ||
         IsOneOf(lower, {"the", "a", "an", "his", "her", "its", "their", "this", "these", "those"});
}

// "R-Texas", "D-Calif.": a party and a state after a lawmaker's name.
bool IsPartyTag(std::string_view w) {
  return w.size() >= 3 && IsAsciiUpper(w[0]) && w[1] == '-' && IsAsciiUpper(w[2]);
}

std::string WithoutPossessive(std::string_view w) {
  for (std::string_view end : {"'s", "\xE2\x80\x99s", "'", "\xE2\x80\x99"}) {
    if (w.size() > end.size() && w.ends_with(end))
      return std::string(w.substr(0, w.size() - end.size()));
  }
  return std::string(w);
}

}  // namespace dossier::quote_words
