// Who said what across a pile: the quotes of every document grouped by
// speaker, merged across documents, filtered and ranked.
//
//   SpeakerIndex index = BuildSpeakers(inputs);
//   for (const SpeakerEntry& s : index.speakers) ...
//   index.NameOf("Kerry")  // "John Kerry": the entry a document's name went to
//
// Which quotes count:
//   - not those of copies (the original's are the same words) nor of
//     documents set aside;
//   - not question turns, nor turns under a role label (STAFF:, MODERATOR:):
//     roles are not people;
//   - not procedural lines (ProceduralMatcher: thanks, microphone checks,
//     turn-taking): a quote whose every sentence is procedural is dropped;
//   - not quotes credited to a news agency or outlet (data/news_outlets.txt and
//     the documents' own outlets, also after a definite article of
//     quote_words.txt: "the Associated Press"): they relay what others said.
// Merging: names of one speaker merge across documents when they are forms
// of one entity ("Obama", "Barack Obama") or one is the tail of exactly one
// longer name ("Kerry", "John Kerry"); the entry takes the fullest name.
// A quote by a role alone (Quote::role_only: "a déclaré le directeur
// général") goes to the one speaker whose role opens or ends with it
// ("directeur général de Logistique Rhône"), else to nobody.
// Ranking: each quote's excerpt (for a turn, its most informative run of
// sentences within kExcerptBytes; else the quote) is scored by
// QuoteInformativeness; an entry's quotes are listed best first, and entries
// by independent reports quoting them, then by number of quotes.
#ifndef DOSSIER_BRIEF_SPEAKERS_H_
#define DOSSIER_BRIEF_SPEAKERS_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/entities.h"
#include "analyze/procedural.h"
#include "analyze/quotes.h"
#include "cluster/background_idf.h"
#include "dossier/briefing.h"
#include "util/data_files.h"

namespace dossier {

inline constexpr size_t kExcerptBytes = 280;

struct SpeakerInputs {
  const Cluster* cluster = nullptr;
  const std::vector<std::vector<Quote>>* quotes = nullptr;  // per document
  const std::vector<Entity>* entities = nullptr;
  const std::vector<SourceEntry>* sources = nullptr;  // copies and documents set aside
  const ProceduralMatcher* procedural = nullptr;
  const BackgroundIdf* idf = nullptr;
  const TermVector* story = nullptr;  // the story's centroid
  const WordList* outlets = nullptr;
  const QuoteWords* words = nullptr;  // the article before an outlet's name: "the"
};

struct SpeakerIndex {
  std::vector<SpeakerEntry> speakers;
  // A name as a document's quotes give it -> the entry's name.
  std::unordered_map<std::string, std::string> names;
  const std::string& NameOf(const std::string& raw) const {
    auto it = names.find(raw);
    return it == names.end() ? raw : it->second;
  }
};

SpeakerIndex BuildSpeakers(const SpeakerInputs& in);

// How informative the words of `span` are: the background idf of its
// distinct content stems (at most kMaxScoredTerms of them), times 0.3 plus
// its cosine with the story's centroid; halved under six words.
double QuoteInformativeness(const Document& doc, Span span, const BackgroundIdf& idf,
                            const TermVector& story);

}  // namespace dossier

#endif  // DOSSIER_BRIEF_SPEAKERS_H_
