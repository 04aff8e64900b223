// EntityExtractor::Run: the state of one EntityExtractor::Extract() call,
// private to the analyze stage. Its parts live in three files, one job each:
//   entities.cc         the run itself (Extract) and the entities it returns (Build),
//                       besides the extractor's word lists (Create);
//   entity_mentions.cc  the words of each sentence and the mentions found in them;
//   entity_merge.cc     merging the mentions' forms into one set per referent.
#ifndef DOSSIER_ANALYZE_ENTITY_RUN_H_
#define DOSSIER_ANALYZE_ENTITY_RUN_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analyze/entities.h"
#include "analyze/name_forms.h"
#include "util/strings.h"
#include "util/union_find.h"

namespace dossier {
namespace entity_run {

constexpr uint32_t kNone = UINT32_MAX;

// The first and last words of a name key ("vladimir putin").
inline std::string_view FirstWord(std::string_view key) { return key.substr(0, key.find(' ')); }
inline std::string_view LastWord(std::string_view key) { return key.substr(key.rfind(' ') + 1); }

// Union-find over form ids (UnionFind: the earlier form stays root). Each set
// carries the alias entry of its forms, and sets of two different entries
// never merge.
class Sets {
 public:
  explicit Sets(std::vector<uint32_t> label) : groups_(label.size()), label_(std::move(label)) {}
  uint32_t Find(uint32_t x) { return groups_.Find(x); }
  uint32_t Label(uint32_t x) { return label_[Find(x)]; }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (label_[a] != kNone && label_[b] != kNone && label_[a] != label_[b]) return;
    label_[std::min(a, b)] = label_[a] != kNone ? label_[a] : label_[b];
    groups_.Unite(a, b);
  }

 private:
  UnionFind groups_;
  std::vector<uint32_t> label_;  // of each root
};

}  // namespace entity_run

class EntityExtractor::Run {
 public:
  Run(const EntityExtractor& x, const Cluster& cluster, const std::vector<bool>* include)
      : x_(x), cluster_(cluster), include_(include) {}

  bool Included(size_t d) const {
    return include_ == nullptr || d >= include_->size() || (*include_)[d];
  }

  std::vector<Entity> Extract();

 private:
  using Sets = entity_run::Sets;
  static constexpr uint32_t kNone = entity_run::kNone;

  struct Form {
    std::string text;  // as displayed: "Vladimir Putin", "RTSO", "Bashar al-Assad"
    // Merge key: NameKey of the words without particles written in lower
    // case or an "al-" prefix ("bashar assad").
    std::string key;
    std::string no_initials;  // the key without middle initials, if it has any
    std::string ending_key;   // EndingKey(key), when the language has name endings
    uint32_t words = 0;       // words written
    uint32_t key_words = 0;   // words of `key`
    uint32_t entry = kNone;   // alias entry (name or demonym)
    bool acronym = false;
    bool demonym = false;
    bool titled = false;                   // a title preceded one of its mentions
    bool given = false;                    // 2-3 key words, the first a given name, no head word
    bool after_place_preposition = false;  // a mention right after "in", "aus"...
    bool after_org_head = false;  // right after a lower-case organization head ("le groupe")
    std::string head_type;        // of its head word, or empty
    // The head as institution_heads.txt lists it, in place of the one
    // seen, where names take endings ("прокуратура Кировского района" for
    // "прокуратуры Кировского района"), or empty.
    std::string listed;
    // The form of local_names.txt it meets ("Москва" for "Москве"), or empty.
    std::string local;
    uint32_t local_pos = 0;  // its place in its line
    uint32_t count = 0;
    // Honorific surface forms ("Mr Putin") with their counts.
    std::vector<std::pair<std::string, uint32_t>> honorific_forms;
  };
  struct Mention {
    uint32_t form;
    uint32_t document;
    Span span;
  };
  struct Word {
    Span span;             // without a possessive
    uint32_t raw_end = 0;  // with it
    std::string_view text;
    std::string key;         // NameKey(text)
    std::string_view stem;   // the token's (Token::stem)
    std::string_view lower;  // the token's (Token::lower)
    bool possessive = false;
    bool sentence_initial = false;
    bool is_stopword = false;
    bool cap = false;  // a name word (IsNameWord, and the headline rule)
  };
  using Words = std::vector<Word>;

  // --- Looking words up ---------------------------------------------------

  bool KnownKey(const std::string& key) const {
    if (x_.aliases_.count(key) > 0 || x_.demonyms_.count(key) > 0) return true;
    if (x_.name_endings_.empty()) return false;
    const std::string k = x_.EndingKey(key);  // "москве" -> "москв"
    return x_.alias_ending_keys_.count(k) > 0 || x_.demonym_ending_keys_.count(k) > 0;
  }
  bool IsDemonym(const std::string& key) const {
    if (x_.demonyms_.count(key) > 0) return true;
    return !x_.name_endings_.empty() && x_.demonym_ending_keys_.count(x_.EndingKey(key)) > 0;
  }
  bool IsPlaceWord(const std::string& key) const {
    if (IsDemonym(key)) return true;
    auto it = x_.aliases_.find(key);
    if (it != x_.aliases_.end()) return x_.alias_entries_[it->second].type == "place";
    if (x_.name_endings_.empty()) return false;
    it = x_.alias_ending_keys_.find(x_.EndingKey(key));  // "Турции"
    return it != x_.alias_ending_keys_.end() && x_.alias_entries_[it->second].type == "place";
  }
  bool IsGiven(const std::string& key) const { return x_.given_names_.count(key) > 0; }
  // Two forms of one given name: "Mike" and "Michael".
  bool SameGivenName(std::string_view a, std::string_view b) const {
    auto ia = x_.given_names_.find(std::string(a));
    auto ib = x_.given_names_.find(std::string(b));
    return ia != x_.given_names_.end() && ib != x_.given_names_.end() && ia->second == ib->second;
  }
  const std::string* HeadType(const std::string& key) const {
    auto it = x_.head_types_.find(key);
    return it == x_.head_types_.end() ? nullptr : &it->second;
  }
  // Where nouns are capitalized, the type of the head word a compound ends
  // with (its stem's last 3 letters or more after 3 letters or more):
  // "Landungsbrücken" -> place, "Seeamt" -> organization.
  const std::string* CompoundHeadType(const Word& w) const;
  // A head word's type, also through its name endings ("районе" ->
  // place); nullptr when it is none.
  const std::string* InflectedHeadType(const std::string& key) const {
    if (const std::string* t = HeadType(key)) return t;
    if (x_.name_endings_.empty()) return nullptr;
    auto it = x_.head_ending_types_.find(x_.EndingKey(key));
    return it == x_.head_ending_types_.end() ? nullptr : &it->second;
  }
  // Where names take endings, words [s, e) (two or more) open with an
  // organization head word: "Прокуратура Ленинского района".
  bool OrgHeadFirst(const Words& words, size_t s, size_t e) const {
    if (x_.name_endings_.empty() || e - s < 2) return false;
    const std::string* t = InflectedHeadType(words[s].key);
    return t != nullptr && *t == "organization";
  }
  bool HasAdjectiveEnding(std::string_view lower) const {
    return std::any_of(x_.adjective_endings_.begin(), x_.adjective_endings_.end(),
                       [&](const std::string& e) { return EndsWith(lower, e); });
  }
  bool IsOrgHead(const std::string& key) const {
    const std::string* t = HeadType(key);
    return t != nullptr && (*t == "organization" || *t == "group");
  }
  bool IsTitle(const std::string& key, bool* honorific) const {
    auto it = x_.titles_.find(key);
    if (it == x_.titles_.end() && x_.capitalized_nouns_) it = CompoundTitle(key);
    if (it == x_.titles_.end()) return false;
    *honorific = it->second;
    return true;
  }
  // Where nouns are capitalized, compounds end with a title of 5 letters or
  // more after 3 letters or more: "Bundesverkehrsminister".
  std::unordered_map<std::string, bool>::const_iterator CompoundTitle(std::string_view key) const {
    for (size_t p = 3; p + 5 <= key.size(); ++p) {
      if ((static_cast<unsigned char>(key[p]) & 0xC0) == 0x80) continue;
      if (auto it = x_.titles_.find(std::string(key.substr(p))); it != x_.titles_.end()) return it;
    }
    return x_.titles_.end();
  }
  bool IsOrgSuffix(const Word& w) const {
    return name_forms::IsAcronym(w.text) && x_.org_suffixes_.count(w.key) > 0;
  }
  // Capitalized in running text, or a form of it with other name endings.
  bool CappedInRunningText(const std::string& key) const {
    if (cap_running_.count(key) > 0) return true;
    return !x_.name_endings_.empty() && cap_running_endings_.count(x_.EndingKey(key)) > 0;
  }
  bool IsTitle(const std::string& key) const {
    bool honorific = false;
    return IsTitle(key, &honorific);
  }
  // The words of name_words.txt and name_particles.txt (NameWords).
  using NameWords = name_forms::NameWords;
  bool IsNameWordOf(std::string_view key, NameWords::Kind kind) const {
    return x_.names_.Is(key, kind);
  }
  bool IsOfOrArticle(std::string_view key) const {
    return IsNameWordOf(key, NameWords::kOf) || IsNameWordOf(key, NameWords::kArticle);
  }
  bool IsParticle(std::string_view key) const { return x_.names_.IsParticle(key); }
  bool IsPrefixParticle(std::string_view key) const { return x_.names_.IsPrefixParticle(key); }
  bool IsHyphenSuffixWord(std::string_view key) const { return x_.names_.IsHyphenSuffixWord(key); }

  // --- Words of a sentence ------------------------------------------------

  std::string_view Gap(std::string_view text, const Words& w, size_t a, size_t b) const {
    return text.substr(w[a].raw_end, w[b].span.begin - w[a].raw_end);
  }

  void SentenceWords(const Document& doc, const Sentence& s, Words* words) const;

  // Three or more content words, all capitalized (acronyms aside).
  bool IsHeadline(std::string_view text, const Words& words) const;

  // Three or more words of letters, none with a lower-case letter.
  static bool IsShouting(const Words& words);

  // Words written in lower case; words capitalized away from sentence starts
  // and headlines; and of those, the ones that start a run there.
  // Also keeps the words of every sentence for ScanDocument.
  void Survey();

  // --- Languages that capitalize nouns ----------------------------------------

  // Its stem is a common noun's, or ends with one's ("Bundesregierung").
  bool IsCommonNoun(const Word& w) const;

  // Records the words written after a determiner and those a title or a
  // given name precedes.
  void NoteNounEvidence(std::string_view text, const Words& words);

  // Takes the name-word mark off the common nouns of a sentence that
  // nothing names (entities.h, "Languages that capitalize nouns").
  void DemoteCommonNouns(std::string_view text, Words* words) const;

  // --- Finding mentions ---------------------------------------------------

  void ScanDocument(uint32_t d);

  void ScanSentence(uint32_t d, std::string_view text, const Words& words);
  size_t KnownAcronymRun(std::string_view text, const Words& words, size_t i) const;
  bool KnownAcronymCompound(uint32_t d, std::string_view text, const Words& words, size_t i);
  bool OpensOrgName(std::string_view text, const Words& words, size_t i) const;

  // A road code from words[i] on: 1-3 capitals, an optional hyphen, 1-4
  // digits ("A46", "AV-924", "SS1"), or `i` when none starts there.
  size_t RoadCodeEnd(std::string_view text, const Words& words, size_t i) const;

  // The lower-case head of institution_heads.txt and "of" right before
  // words[s] ("parquet de", "câmara municipal de", "прокуратуры"): its first
  // word, its type and (where names take endings) the head as listed; `s`
  // when there is none.
  size_t InstitutionHead(std::string_view text, const Words& words, size_t s, std::string* type,
                         std::string* listed) const;

  // An acronym, with "&" and capitals after it ("AT&T"). Returns the next word.
  bool LongCapitalsName(const Word& w) const;
  size_t ScanAcronym(uint32_t d, std::string_view text, const Words& words, size_t i,
                     bool shouting);

  // Capitalized words from `j` on, spaces between, that reach a legal form
  // of entity_stopwords.txt ("organization suffix"): "Söhne Werft AG".
  bool EndsInOrgSuffix(std::string_view text, const Words& words, size_t j) const {
    for (size_t k = j; k < words.size(); ++k) {
      if (k > j && !name_forms::OnlySpaces(Gap(text, words, k - 1, k))) return false;
      if (IsOrgSuffix(words[k])) return k > j;
      if (!words[k].cap) return false;
    }
    return false;
  }
  // An elision's apostrophe as the gap between two words ("d'Or").
  static bool IsElision(std::string_view gap) { return gap == "'" || gap == "\xE2\x80\x99"; }
  // Past the lower-case links (hyphen_link of name_words.txt) from word
  // `k` on, each between a hyphen and a capitalized word, after a hyphen or
  // an elision's apostrophe: "Semur-en-Auxois", "Côte-d'Or".
  size_t PastHyphenLinks(std::string_view text, const Words& words, size_t k) const {
    while (k > 0 && k + 1 < words.size() && !words[k].cap && words[k + 1].cap &&
           Gap(text, words, k - 1, k) == "-" &&
           IsNameWordOf(words[k].key, NameWords::kHyphenLink)) {
      const std::string_view gap = Gap(text, words, k, k + 1);
      if (gap != "-" && !IsElision(gap)) break;
      k += 2;
    }
    return k;
  }
  // "of the" at word `k` and a capitalized word after it, where the word
  // before is a head word ("Bank of the West") or a legal form ends the name
  // ("Rails de l'Est SA"): the end of the capitalized word, else `k`.
  size_t OfTheEnd(std::string_view text, const Words& words, size_t k) const {
    if (k == 0 || k + 2 >= words.size() || !IsNameWordOf(words[k].key, NameWords::kOf) ||
        !IsNameWordOf(words[k + 1].key, NameWords::kArticle) || !words[k + 2].cap ||
        !name_forms::OnlySpaces(Gap(text, words, k - 1, k))) {
      return k;
    }
    const std::string_view gap = Gap(text, words, k + 1, k + 2);
    if (!name_forms::OnlySpaces(gap) && !IsElision(gap)) return k;
    return HeadType(words[k - 1].key) || EndsInOrgSuffix(text, words, k + 2) ? k + 3 : k;
  }
  // Where the head word after a capitalized adjective at word k - 1 ends:
  // k + 1 for a lower-case head word at k ("Ленинском районе"), k + 2 for one
  // lower-case adjective and the head word after it ("Уральской транспортной
  // прокуратуре"); k when there is none.
  size_t AdjectiveHeadEnd(std::string_view text, const Words& words, size_t k) const;
  // Where names take endings, a capitalized adjective at word i that no list
  // knows, before a lower-case adjective and a lower-case word that is no
  // head word: it opens a phrase written in lower case ("заместитель
  // Уральского транспортного прокурора"), no name by itself.
  bool OpensLowerCasePhrase(std::string_view text, const Words& words, size_t i) const;
  // Words [s, e) name the outlet of document `d` ("(Dépêche Hexagone)" in
  // its dateline).
  bool NamesOutlet(uint32_t d, std::string_view text, const Words& words, size_t s,
                   size_t e) const {
    const std::string& source = cluster_.documents[d].source;
    return !source.empty() &&
           name_forms::NameKey(Span{words[s].span.begin, words[e - 1].span.end}.Slice(text)) ==
               name_forms::NameKey(source);
  }
  // " & " after word `k`, before words that end in a legal form: "Kranz &
  // Söhne Werft AG".
  bool AmpersandGap(std::string_view text, const Words& words, size_t k) const {
    const std::string_view gap = Gap(text, words, k, k + 1);
    return gap.size() >= 3 && TrimWhitespace(gap) == "&" && EndsInOrgSuffix(text, words, k + 1);
  }

  // A name between the marks of a name_quote setting, of 1-3 capitalized
  // words or figures starting at `i` ("„Möwe 7“", "«Сибтеплосеть»"): the
  // end of its words, or `i` when there is none.
  size_t QuotedName(std::string_view text, const Words& words, size_t i) const;

  bool HonorificBefore(const Words& words, size_t i) const {
    bool honorific = false;
    return i > 0 && IsTitle(words[i - 1].key, &honorific) && honorific;
  }

  // The end of the run of name words starting at `i`.
  size_t ExtendRun(std::string_view text, const Words& words, size_t i) const;

  // Splits words [begin, end) at entity stopwords and emits the parts.
  void EmitRun(uint32_t d, std::string_view text, const Words& words, size_t begin, size_t end);

  // The head word's type of words [s, e): the word before "of", else the
  // last word; nullptr when neither is a head word.
  const std::string* NameHead(const Words& words, size_t s, size_t e) const;

  std::string RunKey(std::string_view text, const Words& words, size_t s, size_t e) const {
    return name_forms::NameKey(
        text.substr(words[s].span.begin, words[e - 1].span.end - words[s].span.begin));
  }

  bool KnownRun(std::string_view text, const Words& words, size_t s, size_t e) const {
    return e - s <= 6 && KnownKey(RunKey(text, words, s, e));
  }

  // Words [s, cut) dropped before a name: kept as a mention when they are
  // a known form, else their first word when it is a known word.
  void EmitKnownPrefix(uint32_t d, std::string_view text, const Words& words, size_t s, size_t cut);
  size_t PastTitlePortfolio(std::string_view text, const Words& words, size_t s, size_t e) const;

  void EmitPart(uint32_t d, std::string_view text, const Words& words, size_t s, size_t e);

  // Records words [s, e) as a mention; with a lower-case institution head
  // before them (institution_heads.txt) unless `inner`, the head's name,
  // and for an organization's also the name alone ("parquet de Lyon",
  // "Lyon").
  void AddMention(uint32_t d, std::string_view text, const Words& words, size_t s, size_t e,
                  bool titled, const std::string& honorific, bool inner = false);

  void AddForm(uint32_t d, Span span, std::string form, std::string key, uint32_t words,
               uint32_t key_words, bool initials, bool acronym, bool titled,
               const std::string& head_type, const std::string& honorific_text);

  // --- Pairs written next to each other -------------------------------------

  bool IsKnownPlace(const Form& f) const {
    return f.entry != kNone && x_.alias_entries_[f.entry].type == "place";
  }

  void FindPairs(std::string_view text, size_t first);

  // --- Merging --------------------------------------------------------------

  void MergeByAliasFile(Sets* sets);

  void MergeByText(Sets* sets) {
    for (const auto& [a, b] : pairs_) sets->Union(a, b);
  }

  // "Bashar al-Assad" = "Bashar al Assad" = "Bashar Assad".
  void MergeByKey(Sets* sets);

  // "Путин" = "Путина" = "Путину": one key but for name endings.
  void MergeByEndings(Sets* sets);
  void MergeShortBodies(Sets* sets);

  // "Randy W. Lambach" = "Randy Lambach" when all forms that lose middle
  // initials to that name are one referent ("George W. Bush" and "George
  // H.W. Bush" leave "George Bush" alone).
  void MergeMiddleInitials(Sets* sets);

  // "RTSO" <-> "Regional Transit Safety Office" when exactly one multiword
  // form has those initials.
  void MergeAcronyms(Sets* sets);

  // Whether each set is a person's: a title or a given name, and no alias
  // entry of another type.
  std::vector<bool> PersonSets(Sets* sets) const;

  bool IsPlainName(const Form& f) const { return !f.acronym && !f.demonym; }

  // "Barak Obama" = "Barack Obama", "Mike Brown" = "Michael Brown": names
  // of two words, one a person's, with one last word and first words that
  // differ by one inserted letter or are one line of given_names.txt.
  void MergeSpellingVariants(Sets* sets);
  bool MergeCompanyFirstWord(uint32_t f, const std::vector<uint32_t>& longer, Sets* sets);

  // The key surnames are matched by: without name endings where the
  // language has them ("путину" -> "путин").
  static std::string_view SurnameKey(const Form& f) {
    return f.ending_key.empty() ? std::string_view(f.key) : std::string_view(f.ending_key);
  }

  // Up to three sets of the multiword forms containing each key word (of
  // person sets only, given `person`).
  using Owners = std::unordered_map<std::string_view, std::vector<uint32_t>>;
  Owners WordOwners(Sets* sets, const std::vector<bool>* person);

  // Whether only sets `a` and `b` have multiword forms with `word`.
  static bool OwnedOnlyBy(const Owners& owners, std::string_view word, uint32_t a, uint32_t b) {
    auto it = owners.find(word);
    if (it == owners.end()) return true;
    return std::all_of(it->second.begin(), it->second.end(),
                       [&](uint32_t r) { return r == a || r == b; });
  }

  // "Putin" -> "Vladimir Putin" when exactly one 2-3 word form ends so, no
  // person of another set uses the word, and one of the two is a person;
  // or when one person's such forms dominate (see below).
  void MergeSurnames(Sets* sets);

  // "Brendan" -> "Brendan Carr", "Frances Bean" -> "Frances Bean Cobain",
  // "Calloway Strand" -> "Calloway Strand Engineering": the start of the
  // longer forms of exactly one person (or organization, for two words),
  // whose words no other set's form uses.
  void MergeFirstNames(Sets* sets);

  // --- Entities -------------------------------------------------------------

  std::vector<Entity> Build(Sets* sets);

  const EntityExtractor& x_;
  const Cluster& cluster_;
  const std::vector<bool>* include_;
  std::vector<std::vector<Words>> words_;        // per document and sentence
  std::unordered_set<std::string> lowercase_;    // keys of words written in lower case
  std::unordered_set<std::string> cap_running_;  // capitalized, not first, not in a headline
  std::unordered_set<std::string> cap_running_endings_;  // their EndingKeys, given name endings
  std::unordered_set<std::string> starts_run_;           // of those, first of their run
  std::unordered_set<std::string> acronyms_running_;     // acronyms outside shouting lines
  std::unordered_set<std::string> after_determiner_;     // capitalized after a determiner
  std::unordered_set<std::string> lower_stems_;          // stems of words written in lower case
  std::unordered_set<std::string> named_;                // after a title or a given name
  std::unordered_set<std::string> roads_;  // NameKeys of road codes written after a road word
  std::unordered_map<std::string, uint32_t> form_ids_;
  std::vector<Form> forms_;
  std::vector<Mention> mentions_;                     // in document and text order
  std::vector<std::pair<uint32_t, uint32_t>> pairs_;  // forms paired in the text
};

}  // namespace dossier

#endif  // DOSSIER_ANALYZE_ENTITY_RUN_H_
