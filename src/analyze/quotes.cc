#include "analyze/quotes.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <span>
#include <utility>

#include "analyze/name_forms.h"
#include "analyze/quote_words.h"
#include "segment/lexer.h"
#include "util/data_files.h"
#include "util/name_particles.h"
#include "util/strings.h"

namespace dossier {

const char* QuoteKindName(Quote::Kind kind) {
  switch (kind) {
    case Quote::Kind::kDirect:
      return "direct";
    case Quote::Kind::kReported:
      return "reported";
    case Quote::Kind::kTurn:
      return "turn";
    case Quote::Kind::kPartial:
      return "partial";
  }
  return "unknown";
}

namespace {

using name_forms::IsAcronym;
using quote_words::IsCapitalized;
using quote_words::IsLowercase;
using quote_words::IsPartyTag;
using quote_words::IsPossessive;
using quote_words::LowerSameLength;
using quote_words::WithoutPeriod;
using quote_words::WithoutPossessive;

constexpr std::string_view kEnDash = "\xE2\x80\x93";
constexpr std::string_view kEmDash = "\xE2\x80\x94";
constexpr std::string_view kBar = "\xE2\x80\x95";  // a dash in some outlets' text

enum class TokType { kWord, kComma, kStop, kOpen, kClose, kOther };

struct Tok {
  Span span;
  TokType type;
};

Span TrimSpan(std::string_view text, Span s) {
  while (s.begin < s.end && IsAsciiSpace(text[s.begin])) ++s.begin;
  while (s.end > s.begin && IsAsciiSpace(text[s.end - 1])) --s.end;
  return s;
}

// A news outlet's name for comparison: lower case, without a leading "the".
std::string OutletKey(std::string_view name, const QuoteWords& words) {
  std::string key = AsciiLower(CollapseWhitespace(TrimWhitespace(name)));
  key.erase(0, key.size() - words.WithoutArticle(key).size());
  return key;
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  for (std::string_view w : SplitWhitespace(s)) out.emplace_back(w);
  return out;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

Result<QuoteExtractor> QuoteExtractor::Create(std::string_view data_dir,
                                              std::string_view language) {
  QuoteExtractor q;
  const std::string lang(language);
  Result<QuoteWords> words = QuoteWords::Create(data_dir, language);
  if (!words.ok()) return words.status();
  q.words_ = std::move(*words);
  for (std::string_view phrase : q.words_.Of(QuoteWords::kSourcePhrase)) {
    q.source_phrases_.push_back(SplitWords(phrase));
    if (!q.source_phrases_.back().empty()) q.source_first_.Add(q.source_phrases_.back()[0]);
  }
  Result<QuoteGrammar> grammar = QuoteGrammar::Load(data_dir, language);
  if (!grammar.ok()) return grammar.status();
  q.grammar_ = std::move(*grammar);
  Result<WordKinds> particles = LoadNameParticles(data_dir, language);
  if (!particles.ok()) return particles.status();
  q.particles_ = std::move(*particles);
  Result<WordList> verbs = LoadWordList(data_dir, lang + "/speech_verbs.txt", /*lowercase=*/true);
  if (!verbs.ok()) return verbs.status();
  Result<WordList> titles = LoadWordList(data_dir, lang + "/person_titles.txt", /*lowercase=*/true);
  if (!titles.ok()) return titles.status();
  // A language without abbreviations.txt (its sentences are split by ICU)
  // keeps the period of its honorifics ("Sra.", "Sig.") on the word.
  const bool own_abbreviations = HasDataFile(data_dir, lang + "/abbreviations.txt");
  Result<WordList> abbrev = own_abbreviations
                                ? LoadWordList(data_dir, lang + "/abbreviations.txt", true)
                                : Result<WordList>(WordList::Parse("", true));
  if (!abbrev.ok()) return abbrev.status();
  // Entries are "word" or "word | flag"; abbreviations are "word   kind".
  auto split = [](std::string_view entry, std::string* word, std::string* flag) {
    size_t bar = entry.find('|');
    if (bar == std::string_view::npos) bar = entry.find_first_of(" \t");
    *word = std::string(TrimWhitespace(entry.substr(0, bar)));
    *flag = bar == std::string_view::npos ? "" : std::string(TrimWhitespace(entry.substr(bar + 1)));
  };
  std::string word, flag;
  for (const std::string& e : verbs->entries()) {
    // "teilte ... mit": a separable verb, its particle at its clause's end.
    const size_t dots = e.find(" ... ");
    split(dots == std::string::npos ? e : e.substr(dots + 5), &word, &flag);
    if (flag != "" && flag != "that" && flag != "object") {
      return Status(StatusCode::kInvalidArgument,
                    lang + "/speech_verbs.txt: unknown flag '" + flag + "'");
    }
    if (dots != std::string::npos) {
      q.separable_verbs_[std::string(TrimWhitespace(std::string_view(e).substr(0, dots)))] = {
          Verb{flag == "that", flag == "object", ""}, word};
      continue;
    }
    // "pointed out | that": a verb and its particle.
    const size_t space = word.find(' ');
    if (space == std::string::npos) {
      q.verbs_[word] = Verb{flag == "that", flag == "object", ""};
      q.verb_shapes_.Add(word);
    } else {
      q.verb_shapes_.Add(word.substr(0, space));
      q.phrasal_verbs_[word.substr(0, space)] =
          Verb{flag == "that", flag == "object", std::string(TrimWhitespace(word.substr(space)))};
    }
  }
  for (const std::string& e : titles->entries()) {
    split(e, &word, &flag);
    if (flag != "" && flag != "honorific" && flag != "unnamed") {
      return Status(StatusCode::kInvalidArgument,
                    lang + "/person_titles.txt: unknown flag '" + flag + "'");
    }
    q.titles_[word] = Title{flag == "honorific", flag == "unnamed"};
    q.title_shapes_.Add(word);
    if (!own_abbreviations && flag == "honorific") {
      q.abbreviations_.insert(word);
      q.title_abbreviations_.insert(word);
    }
  }
  for (const std::string& e : abbrev->entries()) {
    split(e, &word, &flag);
    q.abbreviations_.insert(word);
    if (flag == "title") q.title_abbreviations_.insert(word);
  }
  Result<WordList> given = LoadWordList(data_dir, "given_names.txt", /*lowercase=*/true);
  if (!given.ok()) return given.status();
  // And the language's own (data/ru/given_names.txt: "галина").
  if (const std::string own = lang + "/given_names.txt"; HasDataFile(data_dir, own)) {
    Result<WordList> local = LoadWordList(data_dir, own, /*lowercase=*/true);
    if (!local.ok()) return local.status();
    std::vector<std::string> all = given->entries();
    all.insert(all.end(), local->entries().begin(), local->entries().end());
    std::string joined;
    for (const std::string& e : all) joined += e + "\n";
    given = WordList::Parse(joined, /*lowercase=*/true);
  }
  for (const std::string& e : given->entries()) {  // "michael | mike"
    for (std::string_view rest = e; !rest.empty();) {
      const size_t bar = rest.find('|');
      const std::string_view name = TrimWhitespace(rest.substr(0, bar));
      if (!name.empty()) q.given_.emplace(name);
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
  }
  Result<WordList> heads =
      LoadWordList(data_dir, lang + "/entity_stopwords.txt", /*lowercase=*/true);
  if (!heads.ok()) return heads.status();
  for (const std::string& e : heads->entries()) {  // "office | organization"
    split(e, &word, &flag);
    if (flag == "organization") q.org_heads_.insert(word);
  }
  Result<WordList> outlets = LoadWordList(data_dir, "news_outlets.txt", /*lowercase=*/true);
  if (!outlets.ok()) return outlets.status();
  for (const std::string& e : outlets->entries()) q.outlets_.insert(OutletKey(e, q.words_));
  Result<WordList> places = LoadWordList(data_dir, "places.txt", /*lowercase=*/true);
  if (!places.ok()) return places.status();
  for (const std::string& e : places->entries()) {  // "canada ; canadian"
    const size_t semicolon = e.find(';');
    if (semicolon == std::string::npos) continue;
    for (std::string_view rest = std::string_view(e).substr(semicolon + 1); !rest.empty();) {
      const size_t bar = rest.find('|');
      const std::string demonym(TrimWhitespace(rest.substr(0, bar)));
      if (!demonym.empty()) {
        q.demonyms_.insert(demonym);
        if (demonym.ends_with('n') || demonym.ends_with('i')) q.demonyms_.insert(demonym + "s");
      }
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
  }
  Result<WordList> genders = LoadWordList(data_dir, "name_genders.txt", /*lowercase=*/true);
  if (!genders.ok()) return genders.status();
  for (const std::string& e : genders->entries()) {
    if (e.size() < 2 || e[1] != ':' || (e[0] != 'f' && e[0] != 'm')) {
      return Status(StatusCode::kInvalidArgument,
                    "name_genders.txt: a line must start with 'f:' or 'm:': '" + e + "'");
    }
    for (const std::string& name : SplitWords(std::string_view(e).substr(2))) {
      q.genders_[name] = e[0];
    }
  }
  return q;
}

// The working state of one Extract() call.
class QuoteExtractor::Run {
 public:
  Run(const QuoteExtractor& q, const Document& doc) : q_(q), doc_(doc), text_(doc.text) {}

  std::vector<Quote> Extract();

 private:
  // A speaker found in the text, before pronouns are resolved.
  struct Subject {
    enum class Kind { kNone, kName, kPronoun, kNominal };
    Kind kind = Kind::kNone;
    Span span;         // the name words, or the pronoun / nominal
    std::string name;  // name words joined by single spaces
    std::string role;
    std::string key;    // lower-case pronoun, or the head of "the minister", "the company"
    char pronoun = 0;   // of a pronoun: QuoteWords::PronounOf
    bool org = false;   // "the RTSO", "Calloway Strand Engineering", "the company"... when known
    bool body = false;  // named by a noun of kBody ("la préfecture du Rhône"): BodyName
    char stand_in = 0;  // named by a generic noun (StandInOf): 'c' a company, 'a' an authority
    bool by_role_only = false;  // a title that means only one given that role (pile_roles)
    std::string also;           // a second speaker: "Putin and Hollande said"
    std::string honorific;      // "mrs", lower case, when the name had one
    bool ok() const { return kind != Kind::kNone; }
  };
  struct Found {
    Quote quote;
    Subject subject;
    int inherit_from = -1;  // index into found_ of the quote whose speaker this takes
    bool named = false;     // a fragment after a naming verb ('called it an "X"')
    bool pro_drop = false;  // '"…", aseguró.': a verb with no subject after it
  };
  // A person or organization named in the text, for resolving pronouns.
  struct Mention {
    uint32_t offset;
    std::string name;
    std::string role;
    bool person;
    bool speaker = false;  // the subject of a speech verb
    uint32_t sentence = 0;
    std::vector<std::string> words = {};  // of the fullest form of `name`
    bool titled = false;                  // given a function somewhere in the text
    bool opens = false;                   // first in its sentence (after "the")
    std::string honorific = {};           // "mrs" in "Mrs McConville"
    // Someone unnamed (empty name): the pronouns that may mean it, 'm', 'f',
    // 'p' (plural) or 'b' (male or female).
    char pronouns = 0;
    bool role_only = false;  // a role the document names nobody by (pile_roles)
  };
  // An organization named in the text that a generic noun may stand for
  // (stand_in_bodies): a company by its legal form, an authority by its noun.
  struct NamedBody {
    uint32_t offset;
    uint32_t sentence;
    std::string name;
    char kind;  // as StandInOf
  };
  struct QuoteMarks {
    size_t open;   // token index of the opening mark
    size_t close;  // token index of the closing mark
  };
  // An attribution in a sentence: "Obama said", "said Obama", "according to
  // the RTSO", ", adding". Its words are [begin, end); the clause it
  // introduces starts at token `clause` (or stands before it, `backward`).
  struct Anchor {
    size_t begin = 0;
    size_t end = 0;
    size_t clause = kNoClause;
    bool backward = false;  // "CLAUSE, X said."
    Subject subject;        // none: an unnamed speaker or a news outlet
    size_t verb = 0;
    int found = -1;  // the quote (index into found_) a direct quote's attribution gave its speaker
    int from = -1;   // a participle's: the anchor (of the same sentence) whose speaker it takes
    bool pro_drop = false;  // 'Añadió que …': no subject, the speaker of the quote before
  };
  static constexpr size_t kNoClause = static_cast<size_t>(-1);

  std::string_view Word(size_t i) const { return toks_[i].span.Slice(text_); }
  // Token i lowered: a view into its paragraph's lowered text.
  std::string_view LowerWord(size_t i) const { return LowerOf(toks_[i]); }
  // A token of the current paragraph in lower case (lower_ is set).
  std::string_view LowerOf(const Tok& t) const {
    return std::string_view(*lower_).substr(t.span.begin - lower_begin_, t.span.end - t.span.begin);
  }
  bool IsWord(size_t i) const { return i < toks_.size() && toks_[i].type == TokType::kWord; }
  bool IsComma(size_t i) const { return i < toks_.size() && toks_[i].type == TokType::kComma; }
  bool IsColon(size_t i) const { return IsComma(i) && text_[toks_[i].span.begin] == ':'; }
  bool IsLowerWord(size_t i) const { return IsWord(i) && IsLowercase(Word(i)); }
  // One of the language's quotation marks (quote_grammar.txt).
  bool IsMark(std::string_view t) const {
    for (const QuoteGrammar::MarkPair& p : q_.grammar_.marks) {
      if (t == p.open || t == p.close) return true;
    }
    return false;
  }
  // Tokens [a, b) written as a title: "The Ingraham Angle", "State of the
  // Union", "Fox & Friends".
  bool IsTitleCase(size_t a, size_t b) const {
    if (a >= b || b - a > 8 || !IsWord(a) || !IsCapitalized(Word(a))) return false;
    for (size_t k = a; k < b; ++k) {
      if (!IsWord(k)) return false;
      if (!IsCapitalized(Word(k)) && !IsWordIn(k, QuoteWords::kTitleMinor)) {
        return false;
      }
    }
    return true;
  }
  // A comma before token b, after token first: '..., X said'; also inside a
  // closing mark ('..., she is a "sane, competent person," X said').
  bool SetOffByComma(size_t first, size_t b) const {
    if (b > first && IsComma(b - 1)) return !IsColon(b - 1);
    return b > first + 1 && toks_[b - 1].type == TokType::kClose && IsComma(b - 2) &&
           !IsColon(b - 2);
  }
  bool IsNameSuffix(size_t i) const {
    return IsWord(i) && W().Is(Word(i), QuoteWords::kNameSuffix);
  }
  bool IsDash(size_t i) const {
    if (i >= toks_.size() || toks_[i].type != TokType::kOther) return false;
    const std::string_view w = Word(i);
    return w == "--" || w == kEnDash || w == kEmDash || w == kBar;
  }
  bool IsWordIn(size_t i, std::initializer_list<std::string_view> list) const {
    return IsWord(i) && IsOneOf(LowerWord(i), list);
  }
  // The word classes of quote_words.txt.
  const QuoteWords& W() const { return q_.words_; }
  bool IsWordIn(size_t i, QuoteWords::Kind kind) const {
    return IsWord(i) && W().Is(LowerWord(i), kind);
  }
  // A pronoun that names a speaker: "he", "she", "they", "it".
  bool IsPronoun(size_t i) const { return IsWord(i) && W().PronounOf(LowerWord(i)) != 0; }
  // The token after the phrase of `phrases` at token i ("according to"); i
  // when none is there.
  size_t AfterPhrase(size_t i, const std::vector<std::vector<std::string>>& phrases) const {
    for (const std::vector<std::string>& phrase : phrases) {
      size_t k = 0;
      // "по * словам": "*" stands for a possessive pronoun ("по его словам").
      while (k < phrase.size() && IsWord(i + k) &&
             (LowerWord(i + k) == phrase[k] ||
              (phrase[k] == "*" && W().PossessiveOf(LowerWord(i + k)) != 0))) {
        ++k;
      }
      if (k > 0 && k == phrase.size()) return i + k;
    }
    return i;
  }
  // The token after a phrase of kind quote_source at token i; i when none.
  size_t AfterQuoteSource(size_t i) const {
    for (std::string_view phrase : W().Of(QuoteWords::kQuoteSource)) {
      size_t k = i;
      for (std::string_view w : SplitWhitespace(phrase)) {
        if (!IsWord(k) || LowerWord(k) != w) {
          k = i;
          break;
        }
        ++k;
      }
      if (k > i) return k;
    }
    return i;
  }
  bool IsAdverb(std::string_view w) const { return W().IsAdverb(w); }
  bool IsAdverbialStart(std::string_view w) const { return W().IsAdverbialStart(w); }
  bool IsAuxiliary(std::string_view w) const { return W().IsAuxiliary(w); }
  bool IsBlockedNameWord(std::string_view w) const { return W().IsBlockedNameWord(w); }
  bool IsClauseOpener(std::string_view w) const { return W().IsClauseOpener(w); }
  bool IsConjunction(std::string_view w) const { return W().IsConjunction(w); }
  bool IsDeterminer(std::string_view w) const { return W().IsDeterminer(w); }
  bool IsDocumentNoun(std::string_view w) const { return W().IsDocumentNoun(w); }
  bool IsListener(std::string_view w) const { return W().IsListener(w); }
  bool IsMonth(std::string_view w) const { return W().IsMonth(w); }
  bool IsNamingVerb(std::string_view w) const { return W().IsNamingVerb(w); }
  bool IsPreposition(std::string_view w) const { return W().IsPreposition(w); }
  bool IsRelativeWord(std::string_view w) const { return W().IsRelativeWord(w); }
  bool IsSubjectPronoun(std::string_view w) const { return W().IsSubjectPronoun(w); }
  bool IsTimeLead(std::string_view w) const { return W().IsTimeLead(w); }
  bool IsTimeWord(std::string_view w) const { return W().IsTimeWord(w); }
  const Verb* VerbAt(size_t i) const {
    if (!IsWord(i)) return nullptr;
    // Asked for every token of every sentence, often twice: looked up once.
    if ((*verb_known_)[i]) return (*verb_at_)[i];
    (*verb_known_)[i] = true;
    return (*verb_at_)[i] = FindVerb(i);
  }
  const Verb* FindVerb(size_t i) const {
    const std::string_view w = LowerWord(i);
    if (!q_.verb_shapes_.MayContain(w)) return nullptr;
    if (IsCapitalized(Word(i)) && !IsSentenceInitial(i)) return nullptr;  // "United States"
    if (auto it = q_.verbs_.find(w); it != q_.verbs_.end()) return &it->second;
    auto it = q_.phrasal_verbs_.find(w);
    if (it == q_.phrasal_verbs_.end() || !IsWordIn(i + 1, {it->second.particle})) return nullptr;
    return &it->second;
  }
  // The first of the inverted_auxiliary words right before token i, after
  // token first ("a" of "…, a précisé X"); i when there is none.
  size_t BeforeAuxiliaries(size_t first, size_t i) const {
    while (i > first && IsWordIn(i - 1, QuoteWords::kInvertedAuxiliary)) --i;
    return i;
  }
  // The token after the verb at token v, its particle included.
  static size_t AfterVerb(size_t v, const Verb& verb) {
    return v + (verb.particle.empty() ? 1 : 2);
  }
  const Title* TitleOf(std::string_view w) const {
    // Lowered into a buffer on the stack (titles are short words).
    if (w.ends_with('.')) w.remove_suffix(1);
    char buf[32];
    if (w.empty() || w.size() > sizeof buf) return nullptr;
    if (!std::all_of(w.begin(), w.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      const std::string lower = LowerSameLength(w);  // "Президент", "Ministre"
      if (!q_.title_shapes_.MayContain(lower)) return nullptr;
      auto it = q_.titles_.find(lower);
      return it == q_.titles_.end() ? nullptr : &it->second;
    }
    if (!q_.title_shapes_.MayContainFolded(w)) return nullptr;
    for (size_t i = 0; i < w.size(); ++i) buf[i] = AsciiToLower(w[i]);
    auto it = q_.titles_.find(std::string_view(buf, w.size()));
    return it == q_.titles_.end() ? nullptr : &it->second;
  }
  // TitleOf(Word(i)) for a word token of the current paragraph, looked up once.
  const Title* TitleAt(size_t i) const { return (*title_at_)[i]; }
  bool IsGiven(size_t i) const {
    if (!IsWord(i)) return false;
    const std::string_view lower = LowerWord(i);
    if (q_.given_.count(lower) > 0) return true;
    // A given name in an oblique case, by the rules of dictionary_ending:
    // "Андрея" (Андрей), "Елены" (Елена).
    return NominativeEnding(lower, [&](const std::string& n) { return q_.given_.count(n) > 0; }) !=
           nullptr;
  }
  // The first rule of dictionary_ending that turns `word`, ending in its
  // oblique ending, into a nominative `accept` takes; null when none does.
  template <typename Accept>
  const QuoteGrammar::Ending* NominativeEnding(std::string_view word, Accept accept) const {
    for (const QuoteGrammar::Ending& e : q_.grammar_.dictionary_endings) {
      if (word.size() <= e.oblique.size() || !word.ends_with(e.oblique)) continue;
      if (accept(std::string(word.substr(0, word.size() - e.oblique.size())) + e.nominative)) {
        return &e;
      }
    }
    return nullptr;
  }
  bool IsOrgHead(size_t i) const {
    return IsWord(i) && q_.org_heads_.count(WithoutPeriod(Word(i))) > 0;
  }
  bool IsOutlet(const std::string& name) const;
  // "Rep.", "Attorney General", "president of the union"; not "her father".
  bool HasFunctionTitle(std::string_view role) const {
    for (std::string_view w : SplitWhitespace(role)) {
      const Title* t = TitleOf(w);
      if (t != nullptr && !t->honorific) return true;
    }
    return false;
  }
  // A word that starts its sentence (or a quotation opening it).
  bool IsSentenceInitial(size_t i) const;

  void Tokenize(Span region, std::vector<Tok>* out) const;
  void PushWord(uint32_t i, uint32_t j, std::vector<Tok>* out) const;
  // toks_ = the tokens of paragraph p, tokenized once per Extract().
  void LoadParagraph(size_t p) {
    const size_t n = doc_.paragraphs.size();
    if (paragraph_toks_.size() != n) {
      paragraph_toks_.assign(n, {});
      paragraph_lower_.assign(n, {});
      paragraph_title_.assign(n, {});
      paragraph_verb_known_.assign(n, {});
      paragraph_verb_at_.assign(n, {});
      paragraph_legal_.assign(n, {});
      paragraph_done_.assign(n, false);
    }
    if (!paragraph_done_[p]) {
      Tokenize(doc_.paragraphs[p], &paragraph_toks_[p]);
      // The paragraph lowered once, each word's title looked up once; verbs
      // looked up once, when asked for.
      paragraph_lower_[p] = LowerSameLength(doc_.paragraphs[p].Slice(text_));
      lower_ = &paragraph_lower_[p];
      lower_begin_ = doc_.paragraphs[p].begin;
      paragraph_legal_[p] = JoinLegalNames(&paragraph_toks_[p]);
      const std::vector<std::pair<size_t, const Verb*>> separable =
          JoinSeparableVerbs(&paragraph_toks_[p]);
      toks_ = paragraph_toks_[p];
      std::vector<const Title*>& titles = paragraph_title_[p];
      titles.assign(toks_.size(), nullptr);
      for (size_t i = 0; i < toks_.size(); ++i) {
        if (toks_[i].type == TokType::kWord) titles[i] = TitleOf(Word(i));
      }
      paragraph_verb_known_[p].assign(toks_.size(), false);
      paragraph_verb_at_[p].assign(toks_.size(), nullptr);
      for (const auto& [i, verb] : separable) {
        paragraph_verb_known_[p][i] = true;
        paragraph_verb_at_[p][i] = verb;
      }
      paragraph_done_[p] = true;
    }
    toks_ = paragraph_toks_[p];
    title_at_ = &paragraph_title_[p];
    lower_ = &paragraph_lower_[p];
    lower_begin_ = doc_.paragraphs[p].begin;
    verb_known_ = &paragraph_verb_known_[p];
    verb_at_ = &paragraph_verb_at_[p];
    legal_ = &paragraph_legal_[p];
  }
  // Token i is an organization's legal form and its name in quotation marks,
  // joined into one word ("ООО «Сибтеплосеть»").
  bool IsLegalName(size_t i) const {
    return !legal_->empty() &&
           std::binary_search(legal_->begin(), legal_->end(), toks_[i].span.begin);
  }
  size_t FirstTokenAt(uint32_t offset) const;  // first token starting at or after offset
  std::vector<std::pair<size_t, const Verb*>> JoinSeparableVerbs(std::vector<Tok>* toks) const;
  std::vector<uint32_t> JoinLegalNames(std::vector<Tok>* toks) const;

  Subject ParseName(size_t a, size_t b) const;
  Subject ParseNameWords(size_t a, size_t b) const;
  Subject DescribedName(size_t a, size_t b) const;
  std::string RoleWord(size_t k) const;
  std::string TitleNominative(const std::string& word) const;
  Subject BodyName(size_t a, size_t b) const;
  std::string DictionaryForm(size_t i) const;
  // 'c' for a noun of stand_in_company ("la compañía"), 'a' for one of
  // stand_in_authority ("ведомстве"), else 0; `lower` in lower case.
  char StandInOf(std::string_view lower) const {
    if (!q_.grammar_.stand_in_bodies) return 0;
    if (W().Is(lower, QuoteWords::kStandInCompany)) return 'c';
    if (W().Is(lower, QuoteWords::kStandInAuthority)) return 'a';
    return 0;
  }
  void CollectNamedBodies();
  size_t CompanyNameStart(size_t i) const;
  bool EstimateAnchor(size_t v, size_t first, size_t last, const std::vector<bool>& quoted,
                      Anchor* anchor) const;
  const NamedBody* NamedBodyBefore(uint32_t offset, char kind) const;
  Subject SourceBeforeQuote(const QuoteMarks& m, size_t sentence_first) const;
  Subject ParseNominal(size_t a, size_t b) const;
  Subject ParseSubject(size_t a, size_t b, bool described, size_t* begin = nullptr) const;
  Subject NameBeforeOf(size_t a, size_t b) const;
  Subject BodyOfTitleAfter(size_t verb, size_t k) const;
  Subject NameBeforeOrigin(size_t a, size_t b) const;
  std::string RoleFromApposition(size_t a, size_t b) const;
  size_t TimeAdverbialBefore(size_t a, size_t end) const;
  size_t ClauseStartBefore(size_t a, size_t end) const;
  std::vector<std::pair<size_t, size_t>> CommaChunks(size_t start, size_t end) const;
  void AddApposition(const std::vector<std::pair<size_t, size_t>>& chunks, size_t c,
                     Subject* subject) const;
  Subject CoordinatedSubject(size_t a, size_t end) const;
  Subject SubjectBefore(size_t a, size_t verb, size_t* begin = nullptr) const;
  bool QuotedAsSaying(size_t a, size_t verb, size_t* begin, Subject* out) const;
  Subject SubjectAfter(size_t verb, size_t limit, size_t* end) const;
  Subject TitleAlone(size_t i, size_t end) const;
  bool IsTitleComplement(size_t k) const;
  bool BodySpeaksAfter(size_t v, size_t last) const;
  Subject SentenceSubject(size_t a, size_t b) const;
  Subject AuthorOf(size_t a, size_t b) const;
  const Anchor* AnchorBefore(size_t first, size_t verb, const std::vector<Anchor>& anchors) const;
  std::span<const Anchor> DirectAnchors(size_t first, size_t last) const;

  size_t AfterListener(size_t k, size_t last) const;
  bool ListenerPhrase(size_t a, size_t b) const;
  void DescriptionBeforeName(std::pair<size_t, size_t> chunk, Subject* s, size_t* at) const;
  bool OpensWithVerbAndThat(size_t first, size_t verb_lead, size_t v, size_t clause) const;
  size_t AfterTimeAdverbial(size_t k, size_t last) const;
  size_t AfterSayingPhrase(size_t k, size_t last) const;
  size_t AfterSaying(size_t k, size_t last, const Verb& verb) const;
  bool EndsSentence(size_t k, size_t last, const Verb& verb, bool named = false) const;
  size_t ClauseStart(size_t v, const Verb& verb, size_t last, bool named_before = false) const;
  void DoParagraph(size_t p);
  // DoParagraph's parts, in order, and what they pass along.
  struct DirectState {
    int carried = -1;         // the quote left open in the paragraph before, in found_
    uint32_t carried_by = 0;  // where the quote that names the carried quote's speaker begins
    int previous = -1;        // the last direct quote of this paragraph, in found_
    size_t previous_end = 0;  // the token after its trailing attribution, if it had one
    int unattributed = -1;    // a quote of whole sentences with no speaker yet, in found_
    size_t unattributed_close = 0;
  };
  std::vector<QuoteMarks> MarkQuotes();
  size_t OpenTail() const;
  bool IsFragment(const QuoteMarks& m, Span inner, size_t limit, bool attributed_after,
                  bool named) const;
  void DirectQuote(const QuoteMarks& m, DirectState* st, std::vector<bool>* used);
  void OpenQuote(size_t p, size_t open_tail, const DirectState& st, std::vector<bool>* used);
  void InTextOrder(size_t paragraph_first, const DirectState& st);
  void ReportedMood(uint32_t sentence, size_t first, size_t last, size_t paragraph_first);
  void ProDrop(size_t paragraph_first);
  Subject SubjectOfBareVerb(const QuoteMarks& m, size_t first, std::vector<bool>* used,
                            bool* pro_drop);
  // True when sentence `sentence` is at most one sentence after where
  // found_[quote] ends.
  bool Near(int quote, uint32_t sentence) const {
    const Span span = found_[static_cast<size_t>(quote)].quote.span;
    return doc_.SentenceAt(span.end > 0 ? span.end - 1 : 0) + 2 >= sentence;
  }
  Subject DirectSubjectAfter(const QuoteMarks& m, size_t limit, size_t* verb,
                             size_t* attribution_end);
  Subject DirectSubjectBefore(const QuoteMarks& m, size_t first, size_t* verb, int* inherit);
  bool AccordingTo(size_t v, size_t first, size_t last, Anchor* anchor) const;
  bool UsedVerbAnchor(size_t v, size_t first, size_t last, const Verb& verb,
                      const std::vector<bool>& quoted, const std::vector<bool>& used,
                      Anchor* anchor) const;
  std::vector<Anchor> FindAnchors(size_t first, size_t last, const std::vector<bool>& quoted,
                                  const std::vector<bool>& used) const;
  void FindReported(uint32_t sentence, size_t first, size_t last, const std::vector<bool>& quoted,
                    const std::vector<bool>& used);
  void AddUnnamed(size_t begin, size_t end, size_t verb);
  void CollectMentions();
  void CollectPersonMentions();
  std::string Canonical(const std::string& name, const std::string& honorific = {}) const;
  bool Resolve(size_t i, std::vector<bool>* done);
  const Mention* FindReferent(const Found& f) const;
  static void DropFragmentsOfClauses(std::vector<Quote>* quotes);

  const QuoteExtractor& q_;
  const Document& doc_;
  std::string_view text_;
  std::span<const Tok> toks_;  // of the current paragraph (in paragraph_toks_)
  // Per token of toks_ (the current paragraph's entries below): its text
  // lowered; whether VerbAt looked it up, and what it found.
  const std::string* lower_ = nullptr;  // the current paragraph lowered
  uint32_t lower_begin_ = 0;            // its first byte's offset in the text
  const std::vector<const Title*>* title_at_ = nullptr;
  std::vector<std::vector<const Title*>> paragraph_title_;
  std::vector<bool>* verb_known_ = nullptr;
  std::vector<const Verb*>* verb_at_ = nullptr;
  std::vector<std::string> paragraph_lower_;
  mutable std::vector<std::vector<bool>> paragraph_verb_known_;
  mutable std::vector<Lexeme> lexemes_;  // Tokenize's scratch
  mutable std::vector<std::vector<const Verb*>> paragraph_verb_at_;
  std::vector<std::vector<Tok>> paragraph_toks_;
  std::vector<bool> paragraph_done_;
  // Per paragraph: where the tokens JoinLegalNames made begin, in order.
  std::vector<std::vector<uint32_t>> paragraph_legal_;
  const std::vector<uint32_t>* legal_ = nullptr;
  std::vector<Found> found_;
  std::vector<Mention> mentions_;        // sorted by offset once complete
  std::vector<NamedBody> named_bodies_;  // in text order
  std::vector<Mention> resolved_;        // speakers found from pronouns and descriptions, in order
  std::vector<std::string> full_names_;
  // For Canonical: the distinct full_names_ split into words, indexed by their last word.
  mutable size_t full_indexed_ = 0;  // full_names_ [0, full_indexed_) are indexed
  mutable std::vector<std::vector<std::string>> full_words_;
  mutable std::unordered_map<std::string, std::vector<size_t>> full_by_last_;  // into full_words_
  mutable std::unordered_set<std::string> full_seen_;
  std::unordered_set<std::string> speakers_;  // names given as speakers in the text
  // Sentences [first, last) of each paragraph (sentences are in paragraph order).
  std::vector<std::pair<uint32_t, uint32_t>> paragraph_sentences_;
  std::unordered_set<uint32_t> sentence_starts_;  // byte offsets of sentence starts
  std::vector<char> opened_by_;  // per sentence: 'm' when it opens with "he", 'f' with "she"
  // Words written capitalized somewhere other than at a sentence start: names,
  // unlike "Nonetheless" or "Others".
  std::unordered_set<std::string> inner_capitals_;
  // The attributions of direct quotes in the current paragraph, in text order.
  std::vector<Anchor> direct_anchors_;
  std::vector<bool> quoted_;  // the tokens of the current paragraph inside quote marks
  // A quote left open at the end of the previous paragraph (index into
  // found_), continued by a paragraph opening with a mark; -1 when none.
  int carried_ = -1;
};
// The quote tokens of a region, from its lexemes: quote marks (a straight one
// opens and closes in turn), breaks (white space, " ; ! ? ( ) [ ], dashes,
// "--", and , : unless between digits: "48,000", "4:30"), and words: runs of
// the other lexemes with no space between ("U.S.-led", "al-Assad's"), a final
// period split off unless it ends an abbreviation ("Dr.", "U.S.", "J.",
// "R-Ky.").
void QuoteExtractor::Run::Tokenize(Span region, std::vector<Tok>* out) const {
  out->clear();
  Lex(text_, region, &lexemes_);
  const std::vector<Lexeme>& lx = lexemes_;
  const uint32_t end = std::min<uint32_t>(region.end, static_cast<uint32_t>(text_.size()));
  auto is_break = [&](size_t k) {
    if (lx[k].kind != LexemeKind::kOther) return false;
    const uint32_t i = lx[k].begin;
    const std::string_view t = lx[k].In(text_);
    if (t.size() > 1) {
      return IsMark(t) || t == kEnDash || t == kEmDash || t == kBar;
    }
    const char c = t[0];
    if (c == '"' || c == ';' || c == '!' || c == '?' || c == '(' || c == ')' || c == '[' ||
        c == ']') {
      return true;
    }
    if (c == ',' || c == ':') {
      return !(i > region.begin && i + 1 < end && IsAsciiDigit(text_[i - 1]) &&
               IsAsciiDigit(text_[i + 1]));
    }
    return c == '-' && i + 1 < end && text_[i + 1] == '-';
  };
  auto push = [&](uint32_t b, uint32_t e, TokType t) { out->push_back(Tok{Span{b, e}, t}); };
  // Per pair of marks that open and close in turn ("): whether one is open;
  // the pair of the last other opening mark, while it is open.
  const std::vector<QuoteGrammar::MarkPair>& pairs = q_.grammar_.marks;
  std::vector<bool> in_same(pairs.size(), false);
  size_t open_pair = pairs.size();
  // A dialogue dash's quotation: open, and whether one closed in this
  // sentence (a dash after its attribution's stop opens the next).
  const std::string_view dash = q_.grammar_.dialogue_dash;
  bool in_dash = false;
  bool dash_closed = false;
  size_t interrupted = pairs.size();  // the pair of a quotation an attribution interrupted
  auto starts_word = [&](size_t m) {
    return m < lx.size() && lx[m].kind != LexemeKind::kDigits && !is_break(m) &&
           lx[m].In(text_) != "." && lx[m].In(text_) != ",";
  };
  // Whether the word of lexemes from m on is a verb of saying, or an
  // auxiliary or verb its inverted subject follows ("a déclaré", "dit-il").
  auto attribution_at = [&](size_t m) {
    if (m >= lx.size() || !starts_word(m)) return false;
    size_t n = m + 1;
    while (n < lx.size() && lx[n].begin == lx[n - 1].end && !is_break(n)) ++n;
    std::string w = LowerSameLength(text_.substr(lx[m].begin, lx[n - 1].end - lx[m].begin));
    while (!w.empty() && w.back() == '.') w.pop_back();
    if (W().Is(w, QuoteWords::kInvertedAuxiliary) || q_.verbs_.count(w) > 0) return true;
    for (std::string_view ending : W().Of(QuoteWords::kInvertedPronoun)) {
      if (w.size() > ending.size() && w.ends_with(ending) &&
          q_.verbs_.count(w.substr(0, w.size() - ending.size())) > 0) {
        return true;
      }
    }
    return false;
  };
  size_t k = 0;
  while (k < lx.size()) {
    const std::string_view t = lx[k].In(text_);
    if (in_dash && t == "," && attribution_at(k + 1)) {
      // '— Nous resterons unis, a déclaré Attal.': the attribution ends it.
      push(lx[k].begin, lx[k].end, TokType::kComma);
      push(lx[k].end, lx[k].end, TokType::kClose);
      in_dash = false;
      dash_closed = true;
      ++k;
      continue;
    }
    size_t same = pairs.size(), opens = pairs.size(), closes = pairs.size();
    for (size_t p = 0; p < pairs.size(); ++p) {
      if (pairs[p].open == t && pairs[p].close == t) same = p;
      if (pairs[p].open == t && opens == pairs.size()) opens = p;
      if (pairs[p].close == t && (closes == pairs.size() || p == open_pair)) closes = p;
    }
    if (!dash.empty() && t == dash) {
      if (in_dash) {
        push(lx[k].begin, lx[k].end, TokType::kClose);
        in_dash = false;
        dash_closed = true;
      } else if ((out->empty() || (dash_closed && out->back().type == TokType::kStop)) &&
                 starts_word(k + 1)) {
        push(lx[k].begin, lx[k].end, TokType::kOpen);
        in_dash = true;
      } else if (!out->empty() && out->back().type == TokType::kComma && out->size() >= 2 &&
                 (*out)[out->size() - 2].type == TokType::kClose) {
        // '«…», — сказал он': the dash after the comma is left out.
      } else if (open_pair < pairs.size() && !out->empty() && out->back().type == TokType::kComma &&
                 attribution_at(k + 1)) {
        // '«A, — сказал Песков. — B»': the attribution interrupts the
        // quotation; a dash after its stop opens the rest, which the
        // quotation's own mark closes.
        push(lx[k].begin, lx[k].begin, TokType::kClose);
        interrupted = open_pair;
        open_pair = pairs.size();
      } else if (interrupted < pairs.size() && !out->empty() &&
                 out->back().type == TokType::kStop && starts_word(k + 1)) {
        push(lx[k].begin, lx[k].end, TokType::kOpen);
        open_pair = interrupted;
        interrupted = pairs.size();
      } else {
        push(lx[k].begin, lx[k].end, TokType::kOther);
      }
      ++k;
    } else if (same < pairs.size()) {
      push(lx[k].begin, lx[k].end, in_same[same] ? TokType::kClose : TokType::kOpen);
      in_same[same] = !in_same[same];
      ++k;
    } else if (closes < pairs.size() && (opens == pairs.size() || closes == open_pair)) {
      push(lx[k].begin, lx[k].end, TokType::kClose);
      open_pair = pairs.size();
      ++k;
    } else if (opens < pairs.size()) {
      push(lx[k].begin, lx[k].end, TokType::kOpen);
      open_pair = opens;
      ++k;
    } else if (is_break(k)) {
      const bool double_dash = t == "-";  // "--"
      TokType type = TokType::kOther;
      if (t == "," || t == ":") type = TokType::kComma;
      if (t == ";" || t == "!" || t == "?") type = TokType::kStop;
      push(lx[k].begin, lx[k + (double_dash ? 1 : 0)].end, type);
      k += double_dash ? 2 : 1;
    } else {
      size_t m = k + 1;
      while (m < lx.size() && lx[m].begin == lx[m - 1].end && !is_break(m)) ++m;
      PushWord(lx[k].begin, lx[m - 1].end, out);
      k = m;
    }
  }
  // A dialogue dash's quotation runs to its paragraph's end.
  if (in_dash && !lx.empty()) push(lx.back().end, lx.back().end, TokType::kClose);
}

// The word text_[i, j), its final periods split off unless one ends an abbreviation.
void QuoteExtractor::Run::PushWord(uint32_t i, uint32_t j, std::vector<Tok>* out) const {
  auto push = [&](uint32_t b, uint32_t e, TokType t) { out->push_back(Tok{Span{b, e}, t}); };
  // "déclare-t-il": the verb and its pronoun (inverted_pronoun endings).
  auto push_word = [&](uint32_t b, uint32_t e) {
    std::string_view word = text_.substr(b, e - b);
    // "qu'une": a "that" of quote_words.txt ending in an apostrophe is its
    // own word.
    for (std::string_view that : W().Of(QuoteWords::kThat)) {
      if (!(that.ends_with('\'') || that.ends_with("\xE2\x80\x99")) || word.size() <= that.size() ||
          LowerSameLength(word.substr(0, that.size())) != that) {
        continue;
      }
      push(b, b + static_cast<uint32_t>(that.size()), TokType::kWord);
      b += static_cast<uint32_t>(that.size());
      word = text_.substr(b, e - b);
      break;
    }
    for (std::string_view ending : W().Of(QuoteWords::kInvertedPronoun)) {
      if (word.size() <= ending.size() ||
          LowerSameLength(word.substr(word.size() - ending.size())) != ending) {
        continue;
      }
      const uint32_t split = e - static_cast<uint32_t>(ending.size());
      push(b, split, TokType::kWord);
      push(static_cast<uint32_t>(b + word.rfind('-') + 1), e, TokType::kWord);
      return;
    }
    push(b, e, TokType::kWord);
  };
  uint32_t periods = 0;
  while (periods < j - i && text_[j - 1 - periods] == '.') ++periods;
  std::string_view w = text_.substr(i, j - i - periods);
  size_t one = 0;
  if (!w.empty()) DecodeUtf8(w, &one);  // the bytes of its first character
  if (periods == 0) {
    push_word(i, j);
  } else if (periods == 1 && !w.empty() &&
             (q_.abbreviations_.count(LowerSameLength(w)) ||
              w.find('.') != std::string_view::npos || (one == w.size() && IsCapitalized(w)) ||
              IsPartyTag(w))) {
    push(i, j, TokType::kWord);  // "Dr.", "St.", "U.S.", "J.", "R-Ky.", "В."
  } else {
    if (!w.empty()) push_word(i, i + static_cast<uint32_t>(w.size()));
    push(j - periods, j, periods == 1 ? TokType::kStop : TokType::kOther);
  }
}

// A separable verb of speech_verbs.txt ("teilte ... mit") whose particle is
// the last word before the next break (a comma, colon, stop or quote mark):
// the particle is dropped from *toks, and the verb is returned with its new
// token index, so "…, teilte die Polizei am Mittwoch mit." reads as "…,
// sagte die Polizei am Mittwoch." and "Er fügte hinzu: »…«" as "Er sagte:
// »…«". *toks is the current paragraph's (lower_ is set).
std::vector<std::pair<size_t, const QuoteExtractor::Verb*>> QuoteExtractor::Run::JoinSeparableVerbs(
    std::vector<Tok>* toks) const {
  std::vector<std::pair<size_t, const Verb*>> found;
  if (q_.separable_verbs_.empty()) return found;
  const std::vector<Tok>& t = *toks;
  auto lower = [&](size_t i) { return LowerOf(t[i]); };
  std::vector<bool> drop(t.size(), false);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].type != TokType::kWord) continue;
    auto it = q_.separable_verbs_.find(lower(i));
    if (it == q_.separable_verbs_.end()) continue;
    size_t e = i + 1;
    while (e < t.size() && e < i + 10 && t[e].type == TokType::kWord) ++e;
    if (e == i + 1 || (e < t.size() && t[e].type == TokType::kWord)) continue;
    if (lower(e - 1) != it->second.second) continue;
    drop[e - 1] = true;
    found.emplace_back(i, &it->second.first);
  }
  if (found.empty()) return found;
  std::vector<size_t> index(t.size());
  size_t n = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    index[i] = n;
    if (!drop[i]) (*toks)[n++] = t[i];
  }
  toks->resize(n);
  for (auto& f : found) f.first = index[f.first];
  return found;
}

// An organization's legal form (legal_form of quote_words.txt) right before a
// quotation of one to four words opening with a capital ("ООО
// «Сибтеплосеть»"): its name, no quote. The legal form, the marks and the
// words become one word token of *toks (the current paragraph's; lower_ is
// set); returns where they begin, in order.
std::vector<uint32_t> QuoteExtractor::Run::JoinLegalNames(std::vector<Tok>* toks) const {
  std::vector<uint32_t> joined;
  if (W().Of(QuoteWords::kLegalForm).empty()) return joined;
  std::vector<Tok>& t = *toks;
  std::vector<Tok> out;
  for (size_t i = 0; i < t.size(); ++i) {
    size_t close = i + 2;
    if (t[i].type == TokType::kWord && i + 1 < t.size() && t[i + 1].type == TokType::kOpen) {
      while (close < t.size() && close < i + 7 && t[close].type == TokType::kWord) ++close;
    }
    const bool legal = close > i + 2 && close < t.size() && t[close].type == TokType::kClose &&
                       IsCapitalized(t[i + 2].span.Slice(text_)) &&
                       W().Is(LowerOf(t[i]), QuoteWords::kLegalForm);
    if (!legal) {
      out.push_back(t[i]);
      continue;
    }
    joined.push_back(t[i].span.begin);
    out.push_back(Tok{Span{t[i].span.begin, t[close].span.end}, TokType::kWord});
    i = close;
  }
  if (!joined.empty()) t = std::move(out);
  return joined;
}

size_t QuoteExtractor::Run::FirstTokenAt(uint32_t offset) const {
  auto it = std::lower_bound(toks_.begin(), toks_.end(), offset,
                             [](const Tok& t, uint32_t o) { return t.span.begin < o; });
  return static_cast<size_t>(it - toks_.begin());
}

bool QuoteExtractor::Run::IsOutlet(const std::string& name) const {
  const std::string key = OutletKey(name, W());
  return q_.outlets_.count(key) > 0 || (!doc_.source.empty() && key == OutletKey(doc_.source, W()));
}

bool QuoteExtractor::Run::IsSentenceInitial(size_t i) const {
  if (sentence_starts_.count(toks_[i].span.begin)) return true;
  return i > 0 && toks_[i - 1].type == TokType::kOpen &&
         sentence_starts_.count(toks_[i - 1].span.begin) > 0;
}

// Tokens [a, b), all words: "he", "the minister", "Mayor Elena Duarte",
// "Dr. Reyes", "the RTSO".
QuoteExtractor::Run::Subject QuoteExtractor::Run::ParseName(size_t a, size_t b) const {
  Subject s = ParseNameWords(a, b);
  if (!s.ok() && q_.grammar_.role_before_given_name) s = DescribedName(a, b);
  // A body speaks by itself: "segundo o hospital" is no hospital named before.
  if (q_.grammar_.body_speakers && (!s.ok() || (s.kind == Subject::Kind::kNominal && s.org))) {
    if (Subject body = BodyName(a, b); body.ok()) s = body;
  }
  return s;
}

// With body_speakers, tokens [a, b) naming a body by a noun of kBody, after
// an article, a determiner or a preposition of kBodyPreposition if any, and
// what it is of ("la préfecture du Rhône", "les sapeurs-pompiers", "une
// source proche de l'enquête", "в мэрии"): the body speaks, its name the
// words from the noun on. Not when a word after the noun opens a clause
// (a relative, a conjunction between lower-case words, a verb of saying).
QuoteExtractor::Run::Subject QuoteExtractor::Run::BodyName(size_t a, size_t b) const {
  if (a >= b || b > a + 10) return {};
  for (size_t k = a; k < b; ++k) {
    if (!IsWord(k)) return {};
  }
  b = std::max(a + 1, TimeAdverbialBefore(a, b));  // "сообщили в ведомстве в четверг"
  size_t h = a;
  while (h + 1 < b && IsTimeWord(LowerWord(h))) ++h;  // "Вчера синоптики предупредили"
  if (h + 1 < b && IsWordIn(h, QuoteWords::kBodyPreposition)) {
    ++h;
    // "В Росавиации сообщили, что": a name alone after the preposition
    // speaks as a body does.
    if (b == h + 1 && IsCapitalized(Word(h)) && !IsSentenceInitial(h)) {
      Subject s;
      s.kind = Subject::Kind::kName;
      s.org = s.body = true;
      s.span = toks_[h].span;
      s.name = std::string(Word(h));
      return s;
    }
  }
  size_t article = SIZE_MAX;  // "la" of "la direction"
  while (h + 1 < b && (IsWordIn(h, QuoteWords::kArticle) || IsDeterminer(LowerWord(h)) ||
                       IsWordIn(h, QuoteWords::kUnnamedLead))) {
    if (IsWordIn(h, QuoteWords::kArticle) || IsWordIn(h, QuoteWords::kUnnamedLead)) article = h;
    ++h;
  }
  const size_t from = h;
  // "в региональном управлении МЧС": up to two words before the noun, left
  // out of the name; the first may be capitalized after a preposition ("в
  // Уральской транспортной прокуратуре").
  while (h + 1 < b && h < from + 2 &&
         (IsLowerWord(h) || (h == from && h > a && IsCapitalized(Word(h)))) &&
         !IsWordIn(h, QuoteWords::kBody)) {
    const std::string w(LowerWord(h));
    if (IsPreposition(w) || IsConjunction(w) || IsRelativeWord(w) || IsPronoun(h) ||
        IsSubjectPronoun(w) || IsTimeWord(w) || VerbAt(h) != nullptr || TitleAt(h) != nullptr) {
      return {};
    }
    ++h;
  }
  if (!IsWordIn(h, QuoteWords::kBody)) return {};
  for (size_t k = h + 1; k < b; ++k) {
    const std::string w(LowerWord(k));
    if (IsRelativeWord(w) || IsSubjectPronoun(w) || IsPronoun(k) || IsTimeWord(w) ||
        VerbAt(k) != nullptr) {
      return {};
    }
    if ((IsConjunction(w) || W().Is(w, QuoteWords::kAnd)) &&
        !(k > h + 1 && k + 1 < b && IsCapitalized(Word(k - 1)) && IsCapitalized(Word(k + 1)))) {
      return {};
    }
  }
  Subject s;
  s.kind = Subject::Kind::kName;
  s.org = true;
  s.body = true;
  s.span = Span{toks_[h].span.begin, toks_[b - 1].span.end};
  s.name = DictionaryForm(h) + std::string(Span{toks_[h].span.end, s.span.end}.Slice(text_));
  s.stand_in = StandInOf(LowerWord(h));
  // "selon la direction", "une source proche de l'enquête" (body_article):
  // the article stays with a noun alone or an unnamed lead, not with a body
  // named by what it is of ("la préfecture du Rhône").
  if (q_.grammar_.body_article && article + 1 == h &&
      (b == h + 1 || IsWordIn(article, QuoteWords::kUnnamedLead))) {
    s.name =
        std::string(Span{toks_[article].span.begin, toks_[h].span.begin}.Slice(text_)) + s.name;
    s.span.begin = toks_[article].span.begin;
  }
  // "в региональном управлении МЧС" (acronym_after_body): the МЧС speaks,
  // its "управление".
  if (q_.grammar_.acronym_after_body && b == h + 2 && IsAcronym(Word(h + 1))) {
    s.role = DictionaryForm(h);
    s.name = std::string(Word(h + 1));
    s.span = toks_[h + 1].span;
    s.stand_in = 0;
  }
  return s;
}

// The body noun at token i in its dictionary form (dictionary_ending of
// quote_grammar.txt): "мэрии" -> "мэрия" when "мэрия" is of kind
// dictionary_form; as written when it is one itself or no rule gives one.
std::string QuoteExtractor::Run::DictionaryForm(size_t i) const {
  const std::string_view word = Word(i);
  const std::string_view lower = LowerWord(i);
  if (W().Is(lower, QuoteWords::kDictionaryForm)) return std::string(word);
  const QuoteGrammar::Ending* e = NominativeEnding(
      lower, [&](const std::string& n) { return W().Is(n, QuoteWords::kDictionaryForm); });
  if (e == nullptr) return std::string(word);
  return std::string(word.substr(0, lower.size() - e->oblique.size())) + e->nominative;
}

// With role_before_given_name, tokens [a, b) ending in a given name and a
// surname after words that describe the person, in lower case too
// ("пенсионерка Галина Кузнецова", "губернатор Новосибирской области Виктор
// Савельев"); none when a word before the name is a preposition, a
// determiner, a conjunction, a pronoun or a time ("в среду Виктор Савельев").
QuoteExtractor::Run::Subject QuoteExtractor::Run::DescribedName(size_t a, size_t b) const {
  if (b < a + 3 || b > a + 9) return {};
  for (size_t k = a; k < b; ++k) {
    if (!IsWord(k)) return {};
  }
  size_t given = b;
  for (size_t k = b - 2; k > a && k + 3 >= b; --k) {
    if (IsGiven(k) && IsCapitalized(Word(k))) given = k;
  }
  if (given == b) return {};
  for (size_t k = given + 1; k < b; ++k) {
    if (!IsCapitalized(Word(k))) return {};
  }
  for (size_t k = a; k < given; ++k) {
    const std::string w(LowerWord(k));
    if (IsPreposition(w) || IsDeterminer(w) || IsConjunction(w) || IsRelativeWord(w) ||
        IsSubjectPronoun(w) || IsPronoun(k) || IsTimeWord(w) || IsAdverb(Word(k)) ||
        IsTimeLead(w)) {
      return {};
    }
  }
  Subject s = ParseNameWords(given, b);
  if (s.kind != Subject::Kind::kName || s.org) return {};
  s.role = TitleNominative(RoleWord(a)) +
           std::string(Span{toks_[a].span.end, toks_[given - 1].span.end}.Slice(text_));
  return s;
}

// A title in an oblique case in its nominative, by the rules of
// dictionary_ending, when that is a title too ("по словам губернатора
// области Андрея Воронцова": "губернатор"); else as written.
std::string QuoteExtractor::Run::TitleNominative(const std::string& word) const {
  if (TitleOf(word) == nullptr) return word;
  const QuoteGrammar::Ending* e =
      NominativeEnding(word, [&](const std::string& n) { return TitleOf(n) != nullptr; });
  if (e == nullptr) return word;
  return word.substr(0, word.size() - e->oblique.size()) + e->nominative;
}

// Word k as part of a role: where titles are written in lower case
// (lowercase_titles), a capital that only opens the sentence is no part of
// it ("Директор ООО «Сибтеплосеть» Игорь Белоусов сообщил": "директор");
// an acronym keeps its capitals.
std::string QuoteExtractor::Run::RoleWord(size_t k) const {
  const std::string_view word = Word(k);
  if (!q_.grammar_.lowercase_titles || !IsSentenceInitial(k)) return std::string(word);
  const std::string_view lower = LowerWord(k);
  size_t initial = 0;
  DecodeUtf8(word, &initial);
  const bool initial_only = lower.size() == word.size() && initial <= word.size() &&
                            word.substr(initial) == lower.substr(initial);
  return std::string(initial_only ? lower : word);
}

QuoteExtractor::Run::Subject QuoteExtractor::Run::ParseNameWords(size_t a, size_t b) const {
  Subject s;
  if (a >= b) return s;
  for (size_t k = a; k < b; ++k) {
    if (!IsWord(k)) return s;
  }
  if (b - a == 1 && IsPronoun(a)) {
    s.kind = Subject::Kind::kPronoun;
    s.key = LowerWord(a);
    s.pronoun = W().PronounOf(s.key);
    s.span = toks_[a].span;
    return s;
  }
  const bool the = W().Is(LowerWord(a), QuoteWords::kDefiniteArticle);
  if (the) {
    Subject nominal = ParseNominal(a, b);
    if (nominal.ok()) return nominal;
    ++a;
  }
  if (a >= b) return s;
  // "Canadian guidelines", "Americans say": a demonym is no name.
  if (!the && b - a == 1 && q_.demonyms_.count(LowerSameLength(Word(a)))) return s;
  int last_title = -1;
  size_t particles = 0;  // "de" of "Marcelo Rebelo de Sousa": not counted as name words
  bool of = false;       // "Department of Justice": "of" after a head word
  for (size_t k = a; k < b; ++k) {
    std::string_view w = Word(k);
    if (W().Is(w, QuoteWords::kOf) && !of && k > a && k + 1 < b && IsOrgHead(k - 1) &&
        IsCapitalized(Word(k + 1))) {
      of = true;
      continue;
    }
    // "Police" alone is a group, in "Capitol Police" an organization's head.
    const bool blocked = IsBlockedNameWord(LowerSameLength(w)) && !(k > a && IsOrgHead(k));
    // "la ministre Rachida Dati", "Marcelo Rebelo de Sousa" (quote_grammar.txt).
    if (!IsCapitalized(w) && q_.grammar_.lowercase_titles && k + 1 < b && TitleAt(k) != nullptr) {
      last_title = static_cast<int>(k);
      continue;
    }
    if (!IsCapitalized(w) && q_.grammar_.name_particles && k > a && IsCapitalized(Word(k - 1)) &&
        q_.particles_.Is(kParticleInNames, LowerWord(k))) {
      // "Ursula von der Leyen": a particle, then others of the language's list.
      size_t j = k + 1;
      while (j < b && !IsCapitalized(Word(j)) &&
             (q_.particles_.Is(kParticleInNames, LowerWord(j)) ||
              q_.particles_.Is(kParticleInLabels, LowerWord(j)))) {
        ++j;
      }
      // Not after a name already whole (a given name or a title, and a
      // surname) when an organization follows: "Martin Seidel von der
      // Universität Kassel", "Jonas Falk von der IG Metall".
      const bool whole = k >= a + 2 && IsCapitalized(Word(k - 2)) && !IsGiven(k - 1);
      const bool body = j < b && (IsOrgHead(j) || IsAcronym(Word(j)));
      if (j < b && IsCapitalized(Word(j)) && !(whole && body)) {
        particles += j - k;
        k = j - 1;
        continue;
      }
    }
    if (!IsCapitalized(w) || IsPossessive(w) || blocked || IsPartyTag(w)) return s;
    // "директора ООО «Сибтеплосеть» Игоря Белоусова": the person after the
    // organization is the speaker, the organization part of the role.
    if (TitleOf(w) != nullptr || (IsLegalName(k) && k + 1 < b)) last_title = static_cast<int>(k);
  }
  // "Justice Department", "General Motors": a title before an
  // organization's head word belongs to its name; "Steve King": a title
  // after a given name is a surname.
  if (IsOrgHead(b - 1) || (last_title == static_cast<int>(b - 1) && b - a >= 2 && IsGiven(b - 2))) {
    last_title = -1;
  }
  size_t name_begin = last_title < 0 ? a : static_cast<size_t>(last_title) + 1;
  // "Pendlerin Jana Brückner", "мэр Новосибирска Олег Карпов": capitalized
  // words before a given name and a surname describe the person
  // (role_before_given_name).
  size_t described = name_begin;
  if (q_.grammar_.role_before_given_name) {
    for (size_t k = name_begin + 1; k + 1 < b; ++k) {
      if (IsGiven(k) && IsCapitalized(Word(k + 1))) {
        name_begin = k;
        break;
      }
    }
  }
  if (name_begin >= b || b - name_begin > 4 + particles) return s;
  for (size_t k = name_begin + 1; k < b; ++k) {  // "Trump Donald John Trump": two names
    for (size_t j = name_begin; j < k; ++j) {
      if (Word(j) == Word(k)) return s;
    }
  }
  for (size_t k = a; k < name_begin && s.honorific.empty(); ++k) {
    const Title* t = TitleAt(k);
    if (t != nullptr && t->honorific) s.honorific = WithoutPeriod(Word(k));
  }
  if (last_title >= 0 && (TitleAt(static_cast<size_t>(last_title)) == nullptr ||
                          !TitleAt(static_cast<size_t>(last_title))->honorific)) {
    for (size_t k = a; k <= static_cast<size_t>(last_title); ++k) {
      const Title* t = TitleAt(k);
      if (t != nullptr && t->honorific) continue;
      if (!s.role.empty()) s.role += ' ';
      s.role += RoleWord(k);
    }
  }
  for (size_t k = described; k < name_begin; ++k) {
    if (!s.role.empty()) s.role += ' ';
    s.role += RoleWord(k);
  }
  s.kind = Subject::Kind::kName;
  s.span = Span{toks_[name_begin].span.begin, toks_[b - 1].span.end};
  for (size_t k = name_begin; k < b; ++k) {
    if (!s.name.empty()) s.name += ' ';
    s.name += Word(k);
    // Initials inside a name are no acronym: "George H.W. Bush".
    const bool initials = k > name_begin && k + 1 < b && Word(k).ends_with('.');
    s.org = s.org || (IsAcronym(Word(k)) && !initials);
  }
  s.org = s.org || (the && last_title < 0) || IsOrgHead(b - 1) || of;
  return s;
}

// Tokens [a, b) from "the": a description of someone the text names
// elsewhere. A person's ends in a function title ("the minister", "the
// attorney general", "the seven-term congressman", "the French president");
// an organization's in a head word written in lower case ("the company",
// "the sheriff's office").
QuoteExtractor::Run::Subject QuoteExtractor::Run::ParseNominal(size_t a, size_t b) const {
  Subject s;
  if (b < a + 2 || b > a + 5) return s;
  size_t head = b - 1;
  const Title* title = TitleAt(head);
  // "le directeur régional", "la empresa concesionaria" (title_first_roles):
  // the title or the organization's noun first, then lower-case words that
  // qualify it.
  if (title == nullptr && q_.grammar_.title_first_roles && b > a + 2 && b <= a + 4 &&
      ((TitleAt(a + 1) != nullptr && !TitleAt(a + 1)->honorific) ||
       (IsLowerWord(a + 1) && IsOrgHead(a + 1)))) {
    bool qualifiers = true;
    for (size_t k = a + 2; k < b && qualifiers; ++k) {
      const std::string w(IsLowerWord(k) ? LowerWord(k) : "");
      qualifiers =
          !w.empty() && !IsPronoun(k) && !IsAdverb(w) && !IsPreposition(w) && TitleAt(k) == nullptr;
    }
    if (qualifiers) {
      head = a + 1;
      title = TitleAt(head);
    }
  }
  const bool person = title != nullptr && !title->honorific;
  if (!person && !(IsLowerWord(head) && IsOrgHead(head))) return s;
  for (size_t k = a + 1; k < head; ++k) {
    const std::string w(LowerWord(k));
    if (IsDeterminer(w) || IsRelativeWord(w) || W().Is(w, QuoteWords::kAnd) ||
        W().Is(w, QuoteWords::kOr) || W().Is(w, QuoteWords::kOf))
      return s;
  }
  s.kind = Subject::Kind::kNominal;
  s.key = WithoutPeriod(Word(head));
  s.org = !person;
  s.span = Span{toks_[a + 1].span.begin, toks_[b - 1].span.end};
  s.role = AsciiLower(s.span.Slice(text_));
  return s;
}

// A subject before a speech verb, tokens [a, b): a name (ParseName), also
// after "both", "either", "neither", "with" or "and" ("with Hollande
// saying"); two names joined by "and" ("Both Obama and Hollande": the first,
// with the second in `also`); a titled name and where it is from ("Prime
// Minister Mesut Yilmaz of Turkey"); or, when `described` (the words right
// before the verb), the name ending a description ("proxy advisory firm Glass
// Lewis", "Moscow correspondent John Sparks", "and Putin"), from its title
// or given name on ("chairman of the House Intelligence Committee Rep. Adam
// Schiff", "Chancellor of the Exchequer Gordon Brown"). *begin is set to
// where the attribution starts.
QuoteExtractor::Run::Subject QuoteExtractor::Run::ParseSubject(size_t a, size_t b, bool described,
                                                               size_t* begin) const {
  if (begin != nullptr) *begin = a;
  Subject s = ParseName(a, b);
  if (s.ok() || a >= b) return s;
  size_t f = a;
  // "But Lena Ortiz said", "Meanwhile Ortiz said": a conjunction or adverb first.
  const std::string lead = IsWord(f) ? std::string(LowerWord(f)) : std::string();
  if (W().Is(lead, QuoteWords::kSubjectLead) || IsConjunction(lead) ||
      (IsAdverb(lead) && !W().EndsIn(lead, QuoteWords::kAdverbEnding))) {
    ++f;
    s = ParseName(f, b);
    // "and the agency says": a description too.
    if (s.kind == Subject::Kind::kName ||
        (s.kind == Subject::Kind::kNominal && W().Is(LowerWord(a), QuoteWords::kAnd))) {
      if (begin != nullptr) *begin = f;
      return s;
    }
  }
  for (size_t k = f + 1; k + 1 < b; ++k) {
    if (!IsWordIn(k, QuoteWords::kAnd)) continue;
    Subject first = ParseName(f, k);
    Subject second = ParseName(k + 1, b);
    if (first.kind == Subject::Kind::kName && second.kind == Subject::Kind::kName) {
      const bool one_word = first.name.find(' ') == std::string::npos;
      // "Health and Human Services Secretary Xavier Becerra": one name, the
      // "and" inside its title.
      if (one_word && !second.role.empty() && first.role.empty() && !IsGiven(f)) return second;
      // "Bill and Melinda Gates": the given name takes the surname.
      const size_t space = second.name.rfind(' ');
      if (one_word && IsGiven(f) && space != std::string::npos && IsGiven(k + 1)) {
        first.name += second.name.substr(space);
      }
      first.also = second.name;
      return first;
    }
    break;
  }
  if (Subject of = NameBeforeOf(a, b); of.ok()) return of;
  if (Subject from = NameBeforeOrigin(a, b); from.ok()) return from;
  if (!described) return {};
  size_t t = b;
  while (t > a && IsWord(t - 1) && IsCapitalized(Word(t - 1))) --t;
  if (t == b) return {};
  if (t > a) {
    if (!IsLowerWord(t - 1)) return {};
    // "the indictment against bin Laden": a particle is part of the name
    // (and after a given name, of the name: "Bill de Blasio").
    size_t l = t - 1;
    // Not a particle that also means "of": "le parquet de Lyon" is no name.
    if (l > a && IsWord(l) && q_.particles_.Is(kParticleInQuotes, LowerWord(l)) &&
        !IsWordIn(l, QuoteWords::kOf) && IsLowerWord(l - 1)) {
      --l;
    }
    if (!IsLowerWord(l)) return {};
    const std::string link(LowerWord(l));
    // After a conjunction the run starts a clause of its own: "... and Putin
    // said"; so after "that" when a clause follows the verb ("so ill-equipped
    // that Lafontaine said that"; not "a claim that Trump said was false").
    const bool after_that =
        W().Is(link, QuoteWords::kThat) && IsWord(b + 1) &&
        (IsClauseOpener(LowerWord(b + 1)) || IsWordIn(b + 1, QuoteWords::kThat));
    if (!W().Is(link, QuoteWords::kNotBeforeName) || IsConjunction(link) || after_that) {
      Subject named = ParseName(t, b);
      if (named.ok()) {
        if (begin != nullptr) *begin = IsConjunction(link) || after_that ? t : a;
        return named;
      }
    }
  }
  // "Microsoft's Dennis Durken": the name after a possessive.
  for (size_t k = b - 1; k > t; --k) {
    if (!IsPossessive(Word(k - 1))) continue;
    Subject named = ParseName(k, b);
    if (named.kind == Subject::Kind::kName) return named;
    break;
  }
  bool titled = false;  // "Chancellor of the Exchequer Gordon Brown"
  for (size_t k = a; k < t; ++k) {
    const Title* title = IsWord(k) ? TitleAt(k) : nullptr;
    titled = titled || (title != nullptr && !title->honorific);
  }
  for (size_t k = t + 1; k + 1 < b; ++k) {
    if (TitleAt(k) == nullptr && !(titled && IsGiven(k))) continue;
    Subject named = ParseName(k, b);
    if (named.kind == Subject::Kind::kName) return named;
  }
  return {};
}

// Tokens [a, b): a name, a word of origin and one or two capitalized words
// of where it is from ("die Kranich Logistik GmbH aus Kassel", "Jonas Falk
// aus Kassel"): the name.
QuoteExtractor::Run::Subject QuoteExtractor::Run::NameBeforeOrigin(size_t a, size_t b) const {
  if (b < a + 3 || !IsWordIn(b - 2, QuoteWords::kOrigin)) {
    if (b < a + 4 || !IsWordIn(b - 3, QuoteWords::kOrigin)) return {};
  }
  const size_t k = IsWordIn(b - 2, QuoteWords::kOrigin) ? b - 2 : b - 3;
  for (size_t j = k + 1; j < b; ++j) {
    if (!IsWord(j) || !IsCapitalized(Word(j))) return {};
  }
  // A company or a name of two words or more, not "der Fahrer aus Kassel".
  Subject s = ParseName(a, k);
  const bool whole = s.org || s.name.find(' ') != std::string::npos;
  return s.kind == Subject::Kind::kName && whole ? s : Subject{};
}

// "…, sagte ein Sprecher der Brandt AG" (title_after_verb): after the verb,
// tokens up to k, someone unnamed by a title and the organization the title
// is of; the organization speaks, the title is its role.
QuoteExtractor::Run::Subject QuoteExtractor::Run::BodyOfTitleAfter(size_t verb, size_t k) const {
  size_t t = verb + 1;
  if (t < k && (IsWordIn(t, QuoteWords::kArticle) || IsWordIn(t, QuoteWords::kUnnamedLead))) ++t;
  const Title* title = t + 2 < k && IsWord(t) ? TitleAt(t) : nullptr;
  if (title == nullptr || title->honorific) return {};
  size_t o = t + 1;
  if (IsWordIn(o, QuoteWords::kOf)) ++o;
  Subject s = BodyName(o, k);
  if (!s.ok()) {
    size_t n = o;
    while (n + 1 < k && (IsWordIn(n, QuoteWords::kArticle) || IsDeterminer(LowerWord(n)))) ++n;
    if (n == o && o == t + 1) return {};  // no "of" and no article: not "des Ministeriums"
    s = ParseName(n, k);
    if (s.kind != Subject::Kind::kName || !s.org) return {};
  }
  s.role = std::string(Word(t));
  return s;
}

// Tokens [a, b) opening with a person's name and where the person is from:
// "Prime Minister Mesut Yilmaz of Turkey", "Glenn Lammi of the Washington
// Legal Foundation" (a titled name, one opening with a given name, or two to
// four words that name no organization); not "Bank of America".
QuoteExtractor::Run::Subject QuoteExtractor::Run::NameBeforeOf(size_t a, size_t b) const {
  for (size_t k = a + 1; k + 1 < b; ++k) {
    if (!IsWordIn(k, QuoteWords::kOf)) continue;
    Subject named = ParseName(a, k);
    if (named.kind == Subject::Kind::kName &&
        (!named.role.empty() || IsGiven(FirstTokenAt(named.span.begin)) ||
         (!named.org && named.name.find(' ') != std::string::npos))) {
      return named;
    }
    break;
  }
  return {};
}

// ", a spokesperson for the company," -> "spokesperson for the company";
// empty for an age ("34") or a relative clause ("which maintains the bridge").
std::string QuoteExtractor::Run::RoleFromApposition(size_t a, size_t b) const {
  if (a < b && IsWord(a)) {
    std::string w(LowerWord(a));
    // "son président, Nicolas Ferrand": with name_after_description, a
    // possessive determiner too.
    if (W().Is(w, QuoteWords::kArticle) ||
        (q_.grammar_.name_after_description && b > a + 1 && IsDeterminer(w))) {
      ++a;
    }
  }
  // Not "in a June CNBC interview": where it was said.
  if (a >= b || !IsWord(a) || IsAsciiDigit(Word(a)[0]) || IsRelativeWord(LowerWord(a)) ||
      IsPartyTag(Word(a)) || IsPreposition(LowerWord(a))) {
    return {};
  }
  // ", de 45 años,": an age.
  if (a + 1 < b && IsWordIn(a, QuoteWords::kOf) && IsWord(a + 1) && IsAsciiDigit(Word(a + 1)[0])) {
    return {};
  }
  if (b == a + 1 && IsAdverb(LowerWord(a))) return {};  // ", however,"
  // ", capturing the major cities,": a participle clause, no role.
  if ((a == 0 || !IsWordIn(a - 1, QuoteWords::kArticle)) &&
      W().EndsIn(LowerWord(a), QuoteWords::kIngEnding)) {
    return {};
  }
  size_t e = a;
  while (e < b && IsWord(e) && !IsRelativeWord(LowerWord(e))) ++e;
  if (e == a) return {};
  return std::string(Span{toks_[a].span.begin, toks_[e - 1].span.end}.Slice(text_));
}

// "El concejal de Urbanismo, Alberto Campos, explicó que"
// (name_after_description): the chunk before the name `s` (a name of a
// person without a role), opening with the article and a title, is its
// role; *at moves to where it begins.
void QuoteExtractor::Run::DescriptionBeforeName(std::pair<size_t, size_t> chunk, Subject* s,
                                                size_t* at) const {
  if (!q_.grammar_.name_after_description || s->kind != Subject::Kind::kName || s->org ||
      !s->role.empty()) {
    return;
  }
  const auto [d_begin, d_end] = chunk;
  const Title* title = d_end > d_begin + 1 ? TitleAt(d_begin + 1) : nullptr;
  if (IsWordIn(d_begin, QuoteWords::kDefiniteArticle) && title != nullptr && !title->honorific) {
    s->role = RoleFromApposition(d_begin, d_end);
    *at = d_begin;
  }
}

// The first token of a time adverbial ending right before token `end`
// ("on Wednesday", "late Saturday", "earlier this week"), no earlier than
// token a; `end` when there is none.
size_t QuoteExtractor::Run::TimeAdverbialBefore(size_t a, size_t end) const {
  size_t t = end;
  while (t > a && IsWord(t - 1) && IsTimeWord(LowerWord(t - 1))) --t;
  if (t == end) return end;
  while (t > a && IsWord(t - 1) && (IsTimeWord(LowerWord(t - 1)) || IsTimeLead(LowerWord(t - 1)))) {
    --t;
  }
  return t;
}

// The speaker named before the verb at token `verb`, looking no further back
// than token `a`: "Daniel Okafor, president of the union, said",
// "At a press conference on Friday, Duarte said", "Trump on Friday said",
// "although he added", "Mr. Katz, who said", "Rep. Adam Schiff (D-Calif.)
// said", "She announced ... and said". When the words right before the verb
// name nobody ("as conservative members said"), nobody. *begin is set to
// where the attribution starts.
// "Reuters quoted Lena Ortiz as saying", "Ortiz was quoted as saying": the
// one quoted, when the verb at `verb` follows "as"; false when it does not.
bool QuoteExtractor::Run::QuotedAsSaying(size_t a, size_t verb, size_t* begin, Subject* out) const {
  if (verb < a + 3 || !IsWordIn(verb - 1, QuoteWords::kAs)) return false;
  if (IsWordIn(verb - 2, QuoteWords::kQuoted) && IsWordIn(verb - 3, QuoteWords::kQuotedPassive)) {
    *out = SubjectBefore(a, verb - 3, begin);
    return true;
  }
  size_t q = verb - 1;
  while (q > a && IsWord(q - 1) && IsCapitalized(Word(q - 1))) --q;
  if (q > a && q < verb - 1 && IsWordIn(q - 1, QuoteWords::kQuoted)) {
    Subject quoted = ParseName(q, verb - 1);
    if (quoted.kind == Subject::Kind::kName) {
      if (begin != nullptr) *begin = q - 1;
      *out = std::move(quoted);
      return true;
    }
  }
  return false;
}

QuoteExtractor::Run::Subject QuoteExtractor::Run::SubjectBefore(size_t a, size_t verb,
                                                                size_t* begin) const {
  if (Subject quoted; QuotedAsSaying(a, verb, begin, &quoted)) return quoted;
  // "He had reports that": after "has" or "had" only a participle is a verb.
  const std::string form(LowerWord(verb));
  const bool participle =
      W().EndsIn(form, QuoteWords::kPastEnding) || W().Is(form, QuoteWords::kIrregularParticiple);
  size_t end = verb;
  while (end > a) {
    if (IsWord(end - 1) && IsAdverb(LowerWord(end - 1))) {
      if (!participle && IsWordIn(end - 1, QuoteWords::kPerfect)) return {};
      --end;
      continue;
    }
    const size_t t = TimeAdverbialBefore(a, end);
    if (t == end) break;
    end = t;
  }
  if (begin != nullptr) *begin = end;
  if (end > a && IsPronoun(end - 1)) {
    if (begin != nullptr) *begin = end - 1;
    return ParseName(end - 1, end);
  }
  if (end > a + 1 && IsWordIn(end - 1, QuoteWords::kRelativeSubject) && IsComma(end - 2)) {
    return SubjectBefore(a, end - 2, begin);
  }
  // "Sen. Kermit Brashear, a conservative supporter of the death penalty who
  // said": the name before the apposition.
  if (end > a + 2 && IsWordIn(end - 1, QuoteWords::kRelativeSubject)) {
    for (size_t c = end - 2; c > a && c + 12 > end; --c) {
      if (!IsWord(c)) {
        if (IsComma(c) && !IsColon(c) && IsWordIn(c + 1, QuoteWords::kArticle)) {
          return SubjectBefore(a, c, begin);
        }
        break;
      }
    }
  }
  if (Subject title = end == a + 1 ? TitleAlone(a, end) : Subject{}; title.ok()) {
    if (begin != nullptr) *begin = a;
    return title;
  }
  // Back to the start of the clause: words, commas and parenthetical groups.
  const size_t start = ClauseStartBefore(a, end);
  const std::vector<std::pair<size_t, size_t>> chunks = CommaChunks(start, end);
  const bool touching = end > start && !IsComma(end - 1);
  for (size_t c = chunks.size(); c > 0; --c) {
    const auto [chunk_begin, chunk_end] = chunks[c - 1];
    if (c >= 2 && chunk_end == chunk_begin + 1 && IsNameSuffix(chunk_begin)) continue;  // ", Jr.,"
    // "Debra S. Katz, a Washington, D.C., lawyer, said": inside an
    // apposition with commas of its own.
    if (c < chunks.size() && c >= 2 && IsWordIn(chunks[c - 2].first, QuoteWords::kArticle))
      continue;
    size_t at = chunk_begin;
    // The chunk right before the verb, or one that appositions follow ("the
    // comedian Jon Stewart, a longtime friend, had joked"), may end in the name.
    Subject s = ParseSubject(chunk_begin, chunk_end, c == chunks.size() && touching, &at);
    // "Senior Swiss IOC member Marc Hodler, who heads ..., has described",
    // "in which the comedian Jon Stewart, a longtime friend, had joked": a
    // chunk before appositions may end in the name after a description
    // when it opens with a capital (not "the former Olympian, ...") or the
    // name follows "the" or "a" and a noun.
    if (!s.ok() && c < chunks.size() && chunk_end >= chunk_begin + 2) {
      size_t described_at = chunk_begin;
      Subject named = ParseSubject(chunk_begin, chunk_end, true, &described_at);
      if (named.kind == Subject::Kind::kName) {
        const size_t t = FirstTokenAt(named.span.begin);
        const bool capital =
            !IsLowerWord(chunk_begin) && !IsWordIn(chunk_begin, QuoteWords::kArticle);
        if (capital ||
            (t >= chunk_begin + 3 && IsLowerWord(t - 1) && IsWordIn(t - 2, QuoteWords::kArticle))) {
          s = named;
          at = described_at;
        }
      }
    }
    // "Ray Fang, the hospital's trauma medical director, said": a description
    // set off by commas describes the name before it.
    if (s.kind == Subject::Kind::kNominal && !(c == chunks.size() && touching) && c >= 2) {
      Subject named = ParseSubject(chunks[c - 2].first, chunks[c - 2].second, false, &at);
      if (named.kind == Subject::Kind::kName) {
        named.role = RoleFromApposition(chunk_begin, chunk_end);
        s = named;
      }
    }
    if (c >= 2 && at == chunk_begin) DescriptionBeforeName(chunks[c - 2], &s, &at);
    if (s.ok()) {
      AddApposition(chunks, c, &s);
      if (begin != nullptr) *begin = at;
      return s;
    }
    if (c == chunks.size() && touching) break;
    std::string_view first = Word(chunk_begin);
    if (chunk_end == chunk_begin + 1 && IsPartyTag(first)) continue;  // ", R-Texas,"
    if (IsLowercase(first) || IsAsciiDigit(first[0])) continue;
    // "Richard Fulton, a Fredericksburg, Va. dealer, said": an apposition
    // with a comma of its own.
    if (c >= 2 && IsWordIn(chunks[c - 2].first, QuoteWords::kArticle)) continue;
    // "Tom Shortley, North Korea desk officer at the World Food Program,
    // said": an apposition naming a function in lower case.
    bool function = false;
    for (size_t k = chunk_begin + 1; k < chunk_end && !function; ++k) {
      const Title* title = IsLowerWord(k) ? TitleAt(k) : nullptr;
      function = title != nullptr && !title->honorific;
    }
    if (c >= 2 && function) continue;
    break;
  }
  // "She announced an emergency fund ... and said", "He paused, then
  // added": the sentence's subject.
  if (end > a + 1 && IsComma(end - 1) && !IsColon(end - 1) &&
      IsWordIn(verb - 1, QuoteWords::kThen)) {
    // The subject opening the sentence: not "..., Sookram said, then demanded".
    Subject s = SentenceSubject(a, end - 1);
    if (s.ok() && s.span.begin <= toks_[a + 1].span.begin) {
      if (begin != nullptr) *begin = verb - 1;
      return s;
    }
  }
  if (end > a && IsWordIn(end - 1, QuoteWords::kCoordinator)) {
    Subject s = CoordinatedSubject(a, end);
    if (s.ok()) {
      if (begin != nullptr) *begin = end - 1;
      return s;
    }
  }
  if (touching && !chunks.empty()) {
    Subject author = AuthorOf(chunks.back().first, chunks.back().second);
    if (author.ok()) {
      if (begin != nullptr) *begin = chunks.back().first;
      return author;
    }
  }
  // Nobody named: the attribution ("officials said") starts with the words
  // right before the verb.
  if (begin != nullptr && touching && !chunks.empty()) *begin = chunks.back().first;
  return {};
}

// The start of the clause that ends at `end` (after a): words, commas and
// parenthetical groups.
size_t QuoteExtractor::Run::ClauseStartBefore(size_t a, size_t end) const {
  size_t start = end;
  while (start > a) {
    const Tok& t = toks_[start - 1];
    if (t.type == TokType::kWord || t.type == TokType::kComma) {
      --start;
    } else if (t.span.Slice(text_) == ")") {
      size_t p = start - 1;
      while (p > a && Word(p) != "(") --p;
      if (Word(p) != "(") break;
      start = p;
    } else {
      break;
    }
  }
  return start;
}

// Comma-separated chunks of [start, end), without trailing "(D-Calif.)".
std::vector<std::pair<size_t, size_t>> QuoteExtractor::Run::CommaChunks(size_t start,
                                                                        size_t end) const {
  std::vector<std::pair<size_t, size_t>> chunks;
  size_t chunk_start = start;
  for (size_t k = start; k <= end; ++k) {
    if (k < end && !IsComma(k)) continue;
    size_t chunk_end = k;
    while (chunk_end > chunk_start && Word(chunk_end - 1) == ")") {
      size_t p = chunk_end - 1;
      while (p > chunk_start && Word(p) != "(") --p;
      if (Word(p) != "(") break;
      chunk_end = p;
    }
    if (chunk_end > chunk_start) chunks.emplace_back(chunk_start, chunk_end);
    chunk_start = k + 1;
  }
  return chunks;
}

// A name's suffix (", Jr.") and its role from the appositions after chunk c:
// "Walter H. White, Jr., chairman of ..., said".
void QuoteExtractor::Run::AddApposition(const std::vector<std::pair<size_t, size_t>>& chunks,
                                        size_t c, Subject* subject) const {
  Subject& s = *subject;
  size_t r0 = c;  // "Walter H. White, Jr., chairman of ..., said"
  if (s.kind == Subject::Kind::kName && r0 < chunks.size() &&
      chunks[r0].second == chunks[r0].first + 1 && IsNameSuffix(chunks[r0].first)) {
    s.name += ", " + std::string(Word(chunks[r0].first));
    s.span.end = toks_[chunks[r0].first].span.end;
    ++r0;
  }
  for (size_t r = r0; r < chunks.size() && s.kind == Subject::Kind::kName; ++r) {
    std::string role = RoleFromApposition(chunks[r].first, chunks[r].second);
    if (role.empty()) continue;
    // "a Fredericksburg, Va. dealer in old maps": commas of its own.
    size_t last = r;
    while (IsWordIn(chunks[r].first, QuoteWords::kArticle) && last + 1 < chunks.size() &&
           IsCapitalized(Word(chunks[last + 1].first))) {
      ++last;
    }
    if (last > r) {
      const std::string tail = RoleFromApposition(chunks[last].first, chunks[last].second);
      const uint32_t from = toks_[chunks[r].first + 1].span.begin;
      const uint32_t to = toks_[chunks[last].first].span.begin + static_cast<uint32_t>(tail.size());
      if (!tail.empty()) role = std::string(Span{from, to}.Slice(text_));
    }
    s.role = role;
    break;
  }
}

// The subject of a verb after "and" / "but" ending at `end`: the sentence's,
// or that of the relative clause the verb continues ("a speech in which
// Bloomberg criticized Democrats, but argued").
QuoteExtractor::Run::Subject QuoteExtractor::Run::CoordinatedSubject(size_t a, size_t end) const {
  Subject s = SentenceSubject(a, end - 1);
  // "a speech in which Bloomberg criticized Democrats, but argued": the
  // subject of the relative clause the verb continues.
  for (size_t t = end - 1; !s.ok() && t > a + 1 && t + 30 > end; --t) {
    if (!IsLowerWord(t) || !W().EndsIn(LowerWord(t), QuoteWords::kPastEnding) || !IsWord(t - 1) ||
        !IsCapitalized(Word(t - 1))) {
      continue;
    }
    size_t n = t - 1;
    while (n > a && IsWord(n - 1) && IsCapitalized(Word(n - 1))) --n;
    if (n > a && IsWordIn(n - 1, QuoteWords::kRelativeClause)) {
      Subject named = ParseName(n, t);
      if (named.kind == Subject::Kind::kName) s = named;
    }
    break;
  }
  return s;
}

// Tokens [a, b) naming a document by its author: "BuzzFeed's Thursday night
// report", "a White House statement".
QuoteExtractor::Run::Subject QuoteExtractor::Run::AuthorOf(size_t a, size_t b) const {
  if (b < a + 2 || !IsLowerWord(b - 1) || !IsDocumentNoun(LowerWord(b - 1))) return {};
  size_t k = b - 1;  // past lower-case and time words: "explosive", "Thursday night"
  while (k > a && IsWord(k - 1) && !IsPossessive(Word(k - 1)) &&
         (IsLowerWord(k - 1) || IsTimeWord(LowerWord(k - 1))) && !IsDeterminer(LowerWord(k - 1))) {
    --k;
  }
  if (k == a || !IsWord(k - 1) || !IsCapitalized(Word(k - 1))) return {};
  size_t r = k - 1;
  while (r > a && IsWord(r - 1) && IsCapitalized(Word(r - 1)) && !IsPossessive(Word(r - 1)) &&
         !IsBlockedNameWord(LowerWord(r - 1))) {
    --r;
  }
  const std::string_view w = Word(k - 1);
  if (IsPossessive(w)) {  // "BuzzFeed's": the name up to the possessive
    const std::string last = WithoutPossessive(w);
    if (IsBlockedNameWord(LowerSameLength(last))) return {};
    Subject s;
    s.kind = Subject::Kind::kName;
    s.span =
        Span{toks_[r].span.begin, toks_[k - 1].span.begin + static_cast<uint32_t>(last.size())};
    s.name = std::string(Span{toks_[r].span.begin, toks_[k - 1].span.begin}.Slice(text_)) + last;
    return s;
  }
  // "a White House statement": a name right after an article.
  if (k != b - 1 || r == a || !IsWordIn(r - 1, QuoteWords::kArticle)) return {};
  return ParseName(r, k);
}

// With title_after_verb, a function title alone at token i, with what it
// heads up to token `end`, before or after the verb ("— сказал губернатор",
// "Губернатор сообщил, что", "— подчеркнул глава региона"): a description
// that refers back to the one the text named with it; none otherwise.
QuoteExtractor::Run::Subject QuoteExtractor::Run::TitleAlone(size_t i, size_t end) const {
  const Title* title = TitleAt(i);
  if (!q_.grammar_.title_after_verb || title == nullptr || title->honorific) return {};
  Subject s;
  s.kind = Subject::Kind::kNominal;
  s.key = WithoutPeriod(Word(i));
  s.span = Span{toks_[i].span.begin, toks_[end - 1].span.end};
  s.role = LowerSameLength(std::string(s.span.Slice(text_)));
  return s;
}

// Whether the word at token k may say what a title before it heads
// ("глава региона"): a lower-case word that is no time, listener,
// preposition, pronoun, adverb, verb or title.
bool QuoteExtractor::Run::IsTitleComplement(size_t k) const {
  if (!IsLowerWord(k)) return false;
  const std::string w(LowerWord(k));
  return !IsTimeWord(w) && !IsListener(w) && !IsPreposition(w) && !IsPronoun(k) && !IsAdverb(w) &&
         VerbAt(k) == nullptr && TitleAt(k) == nullptr;
}

// Whether a body speaks after the verb at token v, to the sentence's end:
// "CLAUSE, сообщили в Уральской транспортной прокуратуре." (a capital after
// the preposition reads like where something was said: "said in Paris").
bool QuoteExtractor::Run::BodySpeaksAfter(size_t v, size_t last) const {
  size_t end = 0;
  const Subject s = SubjectAfter(v, last, &end);
  return s.body && (end >= last || toks_[end].type == TokType::kStop);
}

// The speaker named after the verb at token `verb`: "said Mayor Elena Duarte",
// "said Priya Nandakumar, a spokesperson for the company", "said the leader
// of the Senate, Justin Alfond". *end is set to the token after the
// attribution.
QuoteExtractor::Run::Subject QuoteExtractor::Run::SubjectAfter(size_t verb, size_t limit,
                                                               size_t* end) const {
  size_t k = verb + 1;
  while (k < limit && IsWord(k)) ++k;
  // "señala a este periódico Laura Vega", "dijo a los periodistas la
  // portavoz, …": who was told, after a that_lead preposition, before the
  // name or its description.
  if (IsWordIn(verb + 1, QuoteWords::kThatLead)) {
    for (size_t t = verb + 3; t < k; ++t) {
      if (ListenerPhrase(verb + 2, t) &&
          (ParseName(t, k).kind == Subject::Kind::kName || IsWordIn(t, QuoteWords::kArticle))) {
        verb = t - 1;
        break;
      }
    }
  }
  Subject s = ParseName(verb + 1, k);
  // "— заявил вчера гендиректор компании Максим Ершов": a time word between
  // the verb and the name.
  if (!s.ok() && verb + 2 < k && IsTimeWord(LowerWord(verb + 1))) {
    if (Subject named = ParseName(verb + 2, k); named.kind == Subject::Kind::kName) s = named;
  }
  // "sagte Scholz am Mittwoch", "заявил Савельев на совещании": when or
  // where it was said, after the name.
  const size_t words_end = k;
  for (size_t t = verb + 2; !s.ok() && t < words_end; ++t) {
    if (t + 1 == words_end && !IsListener(LowerWord(t))) break;
    // "— сказал он журналистам": the listener.
    const size_t after_listener = IsListener(LowerWord(t)) ? t + 1 : t;
    if (AfterTimeAdverbial(after_listener, words_end) != words_end &&
        !(q_.grammar_.place_after_subject && IsPreposition(LowerWord(t)))) {
      continue;
    }
    s = ParseName(verb + 1, t);
    if (s.ok()) k = t;
  }
  // "— сказал губернатор", "— подчеркнул глава региона", "— сказал губернатор вчера".
  if (!s.ok() && (k == verb + 2 || (k == verb + 3 && IsTitleComplement(verb + 2)))) {
    s = TitleAlone(verb + 1, k);
  } else if (!s.ok() && k > verb + 2 && AfterTimeAdverbial(verb + 2, k) == k) {
    s = TitleAlone(verb + 1, verb + 2);
    if (s.ok()) k = verb + 2;
  }
  // "said Dr. Dominique Lafontaine of Doctors Without Borders, a charity":
  // the apposition describes the organization.
  bool of = false;
  if (!s.ok()) {
    s = NameBeforeOf(verb + 1, k);
    of = s.ok();
  }
  // "said Ms. White and Lewis D. Schiliro, assistant director": both speak.
  for (size_t j = verb + 2; !s.ok() && j + 1 < k; ++j) {
    if (!W().Is(LowerWord(j), QuoteWords::kAnd)) continue;
    Subject first = ParseName(verb + 1, j);
    Subject second = ParseName(j + 1, k);
    if (first.kind == Subject::Kind::kName && second.kind == Subject::Kind::kName) {
      s = first;
      s.also = second.name;
      of = true;  // an apposition after them describes the second
    }
    break;
  }
  // "said the leader of the Senate, Justin Alfond", "said the commission's
  // chairwoman, Diane McGrath".
  // With name_after_description, also after a possessive ("estime son
  // président, Nicolas Ferrand").
  bool role_described = false;  // the role is the description before the name
  // "ha asegurado este martes la delegada del Gobierno, Ana Ruiz": when it
  // was said comes first.
  const size_t lead =
      q_.grammar_.name_after_description ? AfterTimeAdverbial(verb + 1, k) : verb + 1;
  const bool description_lead =
      IsWordIn(lead, QuoteWords::kArticle) ||
      (q_.grammar_.name_after_description && IsWord(lead) && IsDeterminer(LowerWord(lead)));
  // "aseguró la enfermera del hospital, Ana Ruiz" (name_after_description):
  // a body named inside the description does not speak; the name does.
  const bool described_body = q_.grammar_.name_after_description && s.body;
  if ((!s.ok() || s.kind == Subject::Kind::kNominal || described_body) && k > lead + 1 &&
      description_lead && IsComma(k) && !IsColon(k)) {
    size_t e = k + 1;
    while (e < limit && IsWord(e)) ++e;
    Subject named = ParseName(k + 1, e);
    if (named.kind == Subject::Kind::kName &&
        (e >= limit || toks_[e].type == TokType::kStop || IsComma(e))) {
      named.role = RoleFromApposition(lead, k);
      role_described = q_.grammar_.name_after_description && !named.role.empty();
      s = named;
      k = e;
    }
  }
  if (!s.ok() && q_.grammar_.title_after_verb) s = BodyOfTitleAfter(verb, k);
  // "„…“, sagte die Senatorin": with title_after_verb, a person's title;
  // with pile_roles alone, one whose role the text or the pile gives ("a
  // déclaré le directeur général").
  const bool pile_role = s.kind == Subject::Kind::kNominal && !s.org &&
                         !q_.grammar_.title_after_verb && q_.grammar_.pile_roles;
  if (!s.ok() || (s.kind == Subject::Kind::kNominal && !pile_role &&
                  (s.org || !q_.grammar_.title_after_verb))) {
    return {};
  }
  s.by_role_only = pile_role;
  // "said Walter H. White, Jr., chairman of ...": the suffix is the name's.
  if (IsComma(k) && !IsColon(k) && IsNameSuffix(k + 1) && !IsWord(k + 2)) {
    s.name += ", " + std::string(Word(k + 1));
    s.span.end = toks_[k + 1].span.end;
    k += 2;
  }
  // Appositions: ", 34, a nurse who ...".
  while (k < limit && toks_[k].type == TokType::kComma) {
    size_t e = k + 1;
    while (e < limit && IsWord(e)) ++e;
    if (e == k + 1) break;
    if (of) {
    } else if (s.kind == Subject::Kind::kName && s.role.empty()) {
      s.role = RoleFromApposition(k + 1, e);
    } else if (s.kind == Subject::Kind::kName && !role_described) {
      // "a déclaré le préfet de la Côte-d'Or, Jean-Marc Delorme, arrivé
      // sur les lieux": the description before the name is the role.
      std::string role = RoleFromApposition(k + 1, e);
      if (!role.empty()) s.role = role;
    }
    k = e;
  }
  *end = k < words_end && IsWord(k) ? words_end : k;
  return s;
}

// The subject of the sentence of tokens [a, b): the first comma- or
// dash-separated chunk, of the first three that open with a capital or a
// pronoun, that opens with a name, a description or a pronoun ("At a 2008
// ceremony, he praised ...", "Cantor, who ..., shifted ...", "Britain's top
// finance official, Chancellor of the Exchequer Gordon Brown, also ...").
QuoteExtractor::Run::Subject QuoteExtractor::Run::SentenceSubject(size_t a, size_t b) const {
  size_t chunk_begin = a;
  int tried = 0;
  for (size_t k = a; k <= b && tried < 3; ++k) {
    if (k < b && IsWord(k)) continue;
    const size_t c = chunk_begin;
    chunk_begin = k + 1;
    if (c >= k || quoted_[c]) continue;
    if (IsPronoun(c)) return ParseName(c, c + 1);
    const std::string first(LowerWord(c));
    // "Officials in Maricopa County, Arizona, are ...": a place's region
    // after a place is no subject.
    if (c > a + 1 && IsWord(c - 2) && IsCapitalized(Word(c - 2)) && k <= c + 2 &&
        IsCapitalized(Word(c)) && (k == c + 1 || IsCapitalized(Word(c + 1))) && k < b) {
      continue;
    }
    const bool the = W().Is(first, QuoteWords::kDefiniteArticle);
    if (the) {
      ++tried;
      for (size_t e = c + 2; e <= k && e <= c + 5; ++e) {
        Subject nominal = ParseNominal(c, e);
        if (!nominal.ok()) continue;
        // "El portavoz del PSOE, Raúl Castaño, acusó …" (name_after_description):
        // the name set off by commas after the description.
        if (q_.grammar_.name_after_description && !nominal.org && k < b && IsComma(k) &&
            !IsColon(k)) {
          size_t n = k + 1;
          while (n < b && IsWord(n)) ++n;
          Subject named = n > k + 1 ? ParseName(k + 1, n) : Subject{};
          if (named.kind == Subject::Kind::kName && !named.org && IsComma(n) && !IsColon(n)) {
            named.role = RoleFromApposition(c, k);
            return named;
          }
        }
        return nominal;
      }
    }
    if (IsLowerWord(c) || (!the && IsBlockedNameWord(first))) continue;
    size_t r = the ? c + 1 : c;
    while (r < k && (IsCapitalized(Word(r)) || IsWordIn(r, QuoteWords::kNameInner))) ++r;
    while (r > c && IsWordIn(r - 1, QuoteWords::kNameInner)) --r;
    if (!the) ++tried;
    // "Last year, it ...": one word opening the sentence, never capitalized
    // elsewhere, is no name.
    if (r == c + 1 && IsSentenceInitial(c) && !inner_capitals_.count(std::string(Word(c))))
      continue;
    // "Seven Capitol Police officers filed": a name before a group word
    // qualifies it.
    if (r < k && IsLowerWord(r) && W().EndsIn(LowerWord(r), QuoteWords::kPluralEnding) &&
        IsBlockedNameWord(LowerWord(r))) {
      return {};
    }
    Subject s = ParseSubject(c, r, /*described=*/true);
    if (s.ok()) return s;
  }
  return {};
}

// The attribution right before a participle after a comma (", saying that
// ...", ", adding, "...""), in the sentence from token `first`: the
// participle has its speaker (with none, the sentence's subject does).
const QuoteExtractor::Run::Anchor* QuoteExtractor::Run::AnchorBefore(
    size_t first, size_t verb, const std::vector<Anchor>& anchors) const {
  const Anchor* best = nullptr;
  // Both lists are in text order: walk back from the end to the sentence.
  for (const std::vector<Anchor>* list : {&direct_anchors_, &anchors}) {
    for (size_t k = list->size(); k > 0; --k) {
      const Anchor& x = (*list)[k - 1];
      if (x.verb < first) break;
      if (x.begin < first || x.end > verb) continue;
      if (best == nullptr || x.end > best->end) best = &x;
    }
  }
  return best;
}

// The attributions of direct quotes whose verb is in tokens [first, last).
std::span<const QuoteExtractor::Run::Anchor> QuoteExtractor::Run::DirectAnchors(size_t first,
                                                                                size_t last) const {
  auto by_verb = [](const Anchor& x, size_t v) { return x.verb < v; };
  auto b = std::lower_bound(direct_anchors_.begin(), direct_anchors_.end(), first, by_verb);
  auto e = std::lower_bound(b, direct_anchors_.end(), last, by_verb);
  return {b, e};
}

// The token after the listener of "told" starting at token k: "told
// reporters", "told the Commons", "told CNN", "told The Associated Press";
// k when there is none.
size_t QuoteExtractor::Run::AfterListener(size_t k, size_t last) const {
  if (k >= last || !IsWord(k)) return k;
  if (IsListener(LowerWord(k))) return k + 1;
  // "told players during a visit", "told colleagues that": one plural noun.
  if (IsLowerWord(k) && W().EndsIn(LowerWord(k), QuoteWords::kPluralEnding) &&
      !IsDeterminer(LowerWord(k)) &&
      (k + 1 >= last || !IsWord(k + 1) || IsPreposition(LowerWord(k + 1)) ||
       IsSubjectPronoun(LowerWord(k + 1)) || IsWordIn(k + 1, QuoteWords::kThat))) {
    return k + 1;
  }
  size_t e = k;
  const std::string first(LowerWord(e));
  const bool determiner = W().Is(first, QuoteWords::kArticle);
  if (determiner) ++e;
  const size_t name = e;
  while (e < last && IsWord(e) && IsCapitalized(Word(e)) &&
         !IsWordIn(e, QuoteWords::kCapitalPronoun)) {
    ++e;
  }
  if (e > name) {
    // "told the Valley Gazette.": no clause; "told CNN it was": the clause
    // starts in lower case; "told the Associated Press news agency.": a
    // listener up to the sentence's end.
    if (e >= last || !IsWord(e)) return e;
    size_t tail = e;  // "CNN affiliate WJZ."
    while (tail < last && tail < e + 4 && IsWord(tail) && !IsClauseOpener(LowerWord(tail))) ++tail;
    if (tail >= last || !IsWord(tail)) return tail;
    return IsCapitalized(Word(e)) ? k : e;
  }
  // "told a news conference.": a listener up to the sentence's end; "told
  // the unions he'd buy": up to a pronoun.
  if (determiner) {
    while (e < last && e < name + 3 && IsWord(e) && !IsSubjectPronoun(LowerWord(e))) ++e;
    if (e >= last || !IsWord(e) || (e > name && IsSubjectPronoun(LowerWord(e)))) return e;
  }
  return k;
}

// Whether tokens [a, b) name who was told: a determiner maybe, then a
// listener word, a name, or both ("los periodistas", "Europa Press", "la
// cadena SER").
bool QuoteExtractor::Run::ListenerPhrase(size_t a, size_t b) const {
  size_t i = a;
  if (i < b && IsWord(i) && IsDeterminer(LowerWord(i))) ++i;
  const bool noun = i < b && IsWord(i) && IsListener(LowerWord(i));
  if (noun) ++i;
  const size_t name = i;
  while (i < b && IsWord(i) && IsCapitalized(Word(i))) ++i;
  return i == b && (noun || i > name);
}

// The token after a time adverbial starting at token k: "Tuesday", "on
// Friday", "last week", "this morning", "yesterday"; k when there is none.
size_t QuoteExtractor::Run::AfterTimeAdverbial(size_t k, size_t last) const {
  auto is_time = [&](size_t i) { return i < last && IsWord(i) && IsTimeWord(LowerWord(i)); };
  size_t e = k;
  if (k + 1 < last && IsWord(k) && IsTimeLead(LowerWord(k)) && is_time(k + 1)) ++e;
  if (!is_time(e)) return k;
  while (is_time(e)) ++e;  // "Friday night"
  // "Feb. 21"
  if (e < last && IsWord(e) && IsAsciiDigit(Word(e)[0]) && IsMonth(LowerWord(e - 1))) ++e;
  return e;
}

// After "said" at token k: the token after where and how it was said, when
// a clause follows ("said in a statement the company would", "said on
// Twitter he was", "said during a visit to Moscow his country"); k when
// there is no such phrase or no clause after it.
size_t QuoteExtractor::Run::AfterSayingPhrase(size_t k, size_t last) const {
  size_t e = k;
  while (e < last && IsWord(e) && IsPreposition(LowerWord(e))) {
    // "vowed to respond forcefully to what he called": an infinitive.
    if (IsWordIn(e, QuoteWords::kTo) && IsLowerWord(e + 1) && !IsDeterminer(LowerWord(e + 1)))
      return k;
    ++e;
    if (e < last && IsWord(e) && IsDeterminer(LowerWord(e))) ++e;
    size_t words = 0;
    while (e < last && IsWord(e) && words < 5 && !IsClauseOpener(LowerWord(e)) &&
           !IsPreposition(LowerWord(e))) {
      ++e, ++words;
    }
    if (words == 0) return k;
  }
  if (e == k || e + 2 >= last || !IsWord(e) || !IsClauseOpener(LowerWord(e))) return k;
  if (!IsWord(e + 1) || !IsWord(e + 2)) return k;
  if (IsSubjectPronoun(LowerWord(e)) && !IsLowerWord(e + 1)) return k;
  return e;
}

// The token after what may stand between a verb and a quotation, from token
// k: a listener, when and where it was said, "that" ("told reporters in
// Paris that", "tweeted on Friday", "said at a news conference").
size_t QuoteExtractor::Run::AfterSaying(size_t k, size_t last, const Verb& verb) const {
  size_t j = verb.takes_object ? AfterListener(k, last) : k;
  if (j < last && IsWord(j) && IsListener(LowerWord(j))) ++j;
  j = AfterTimeAdverbial(j, last);
  // "at a news conference", "in Paris", "to reporters"; not "to seek".
  while (j + 1 < last && IsWord(j) && IsPreposition(LowerWord(j)) && IsWord(j + 1) &&
         (IsDeterminer(LowerWord(j + 1)) || IsCapitalized(Word(j + 1)) ||
          IsListener(LowerWord(j + 1)) || IsAsciiDigit(Word(j + 1)[0]))) {
    size_t words = 0;
    for (++j; j < last && IsWord(j) && words < 5 && !IsWordIn(j, QuoteWords::kThat) &&
              !IsPreposition(LowerWord(j));
         ++j) {
      ++words;
    }
  }
  if (j < last && IsWordIn(j, QuoteWords::kThat)) ++j;
  return j;
}

// True when the words from token k to the sentence's end only say where,
// when or to whom something was said: "said.", "said on Tuesday.", "told
// reporters in Paris.", "wrote in an email."
bool QuoteExtractor::Run::EndsSentence(size_t k, size_t last, const Verb& verb, bool named) const {
  size_t e = k;
  while (e < last && IsWord(e)) ++e;
  if (e < last && toks_[e].type != TokType::kStop) return false;
  if (e == k) return true;
  // "X responded to the call" is no attribution: a verb that needs "that"
  // ends a sentence alone or with a time ("he added on Friday").
  if (verb.needs_that) {
    // "X confirmed at a press conference", "X added in a statement on
    // Friday", after a named speaker.
    size_t j = AfterTimeAdverbial(k, e);
    if (named && j < e && IsWordIn(j, QuoteWords::kVenuePreposition) && e - j <= 7) {
      for (size_t w = j + 1; w < e; ++w) {
        if (IsWordIn(w, QuoteWords::kTo) || IsWordIn(w, QuoteWords::kThat) ||
            IsAuxiliary(LowerWord(w))) {
          return false;
        }
      }
      return true;
    }
    return j == e;
  }
  return AfterSaying(k, e, verb) == e && !W().Is(LowerWord(e - 1), QuoteWords::kThat);
}

// The first token of the reported clause of the verb at token v, or
// kNoClause: after "that" within a few words ("said Tuesday that", "said in
// a statement on Friday that", "said, however, that"); else, for a verb that
// may take a bare clause, right after the verb, its listener and a time or
// saying phrase; for a verb that needs "that", only a clause opening with a
// subject pronoun ("added there could be", "maintained he is innocent").
size_t QuoteExtractor::Run::ClauseStart(size_t v, const Verb& verb, size_t last,
                                        bool named_before) const {
  size_t k = AfterVerb(v, verb);
  // "said, however, that": an adverb set off by commas.
  if (IsComma(k) && !IsColon(k) && IsWord(k + 1) && IsAdverb(LowerWord(k + 1)) && IsComma(k + 2) &&
      !IsColon(k + 2)) {
    k += 3;
  }
  // "betonte jedoch, ein Abschluss sei": with clause_comma, adverbs between
  // the verb and the comma stay out of the clause.
  if (q_.grammar_.clause_comma) {
    size_t j = k;
    while (j < last && IsWord(j) && IsAdverb(LowerWord(j))) ++j;
    if (j > k && j < last && IsComma(j) && !IsColon(j)) k = j;
  }
  // "sagte, die Lage sei ernst": a comma before the clause (clause_comma).
  if (q_.grammar_.clause_comma && IsComma(k) && !IsColon(k) && IsWord(k + 1)) ++k;
  if (k >= last || !IsWord(k)) return kNoClause;
  auto pronoun_clause = [&](size_t c) {
    return c + 1 < last && IsWord(c) && IsSubjectPronoun(LowerWord(c)) && IsLowerWord(c + 1) &&
           !IsAdverbialStart(LowerWord(c + 1)) && !IsWordIn(c + 1, QuoteWords::kClauseStop);
  };
  k = AfterTimeAdverbial(k, last);  // "said Tuesday that", "said Friday night it"
  // "sagte am Donnerstag, man werde": the comma after the time.
  if (q_.grammar_.clause_comma && k > AfterVerb(v, verb) && IsComma(k) && !IsColon(k) &&
      IsWord(k + 1)) {
    ++k;
  }
  if (k >= last || !IsWord(k)) return kNoClause;
  // "erklärte am Dienstag in Berlin, dass": with clause_comma, where and when
  // it was said, then a comma and "that".
  if (q_.grammar_.clause_comma) {
    for (size_t j = k; j + 2 < last && j < k + 12 && (IsWord(j) || IsComma(j)); ++j) {
      if (!IsComma(j)) continue;
      if (!IsColon(j) && IsWordIn(j + 1, QuoteWords::kThat) && IsWord(j + 2)) return j + 2;
      break;
    }
  }
  for (size_t j = k; j < last && j < k + 12 && toks_[j].type != TokType::kStop &&
                     toks_[j].type != TokType::kComma;
       ++j) {
    if (!IsWord(j)) continue;  // 'said on CNN's "State of the Union" that'
    if (!W().Is(LowerWord(j), QuoteWords::kThat)) continue;
    // "said in front of a crowd that packed the arena": after a noun,
    // "that" followed by a verb opens a relative clause.
    if (j > k && IsWord(j + 1) &&
        (IsAuxiliary(LowerWord(j + 1)) || W().EndsIn(LowerWord(j + 1), QuoteWords::kPastEnding))) {
      break;
    }
    // "advirtió de que": a preposition right before "that"; "dijo a los
    // periodistas que", "explicó a Europa Press que": one before a listener.
    if (j == k || verb.takes_object || IsAdverbialStart(LowerWord(k)) ||
        (IsWordIn(k, QuoteWords::kThatLead) && (j == k + 1 || ListenerPhrase(k + 1, j)))) {
      return j + 1 < last && IsWord(j + 1) ? j + 1 : kNoClause;
    }
    break;
  }
  size_t c = verb.takes_object ? AfterListener(k, last) : k;
  if (c >= last || !IsWord(c)) return kNoClause;
  const size_t bare = c;  // right after the verb, its listener and a time
  if (IsAdverbialStart(LowerWord(c)) || IsPreposition(LowerWord(c))) {  // "said via email."
    const size_t after = AfterSayingPhrase(c, last);
    if (after == c) return kNoClause;
    c = after;
  }
  // "said if his players didn't respond, he was set to": a condition, then
  // the clause.
  if (IsWordIn(c, QuoteWords::kCondition)) {
    for (size_t j = c + 2; j + 1 < last && toks_[j].type != TokType::kStop; ++j) {
      if (IsComma(j) && !IsColon(j) && IsWord(j + 1) &&
          (IsClauseOpener(LowerWord(j + 1)) || IsCapitalized(Word(j + 1)))) {
        return c;
      }
    }
    return kNoClause;
  }
  // "claimed Republicans are often attacked", "warned the bridge could
  // fall": a finite verb (not "state" of "the US state department"), then
  // right after it a short noun phrase and an auxiliary (not "asked why he
  // was", "asked the governor do", "promised Democrats she would").
  auto subject_clause = [&](size_t c) {
    const std::string form(LowerWord(v));
    if (c != bare ||
        !(W().EndsIn(form, QuoteWords::kPastEnding) || W().EndsIn(form, QuoteWords::kVerbEnding))) {
      return false;
    }
    const std::string opener(LowerWord(c));
    if (IsAuxiliary(opener) || IsRelativeWord(opener) || IsConjunction(opener) ||
        W().Is(opener, QuoteWords::kQuestionWord) || W().Is(opener, QuoteWords::kTo)) {
      return false;
    }
    for (size_t j = c + 1; j < last && j < c + 5 && IsWord(j); ++j) {
      const std::string w(LowerWord(j));
      if (W().Is(w, QuoteWords::kFiniteAuxiliary)) {
        return !IsDeterminer(LowerWord(j - 1));
      }
      if (IsPreposition(w) || IsRelativeWord(w) || IsConjunction(w) || IsSubjectPronoun(w) ||
          W().Is(w, QuoteWords::kTo)) {
        return false;
      }
    }
    return false;
  };
  if (verb.needs_that && !pronoun_clause(c) && !subject_clause(c)) return kNoClause;
  // "told her and several others to download": no clause; "says - from": none.
  if (IsConjunction(LowerWord(c)) || IsWordIn(c, QuoteWords::kTo)) return kNoClause;
  const unsigned char opening = static_cast<unsigned char>(Word(c)[0]);
  if (opening < 0x80 && !IsAsciiAlpha(static_cast<char>(opening)) &&
      !IsAsciiDigit(static_cast<char>(opening))) {
    return kNoClause;
  }
  // "said Mayor Duarte." with no quote: an attribution, not a clause.
  if (IsCapitalized(Word(c)) && !IsWordIn(c, QuoteWords::kCapitalPronoun)) {
    size_t e = c;
    while (e < last && IsWord(e) && IsCapitalized(Word(e))) ++e;
    // "Lafontaine said Chesci, an Italian aid group, also pulled out": with
    // a speaker before the verb, a name and its apposition open the clause.
    const bool apposition = named_before && e < last && IsComma(e) && !IsColon(e);
    if (!apposition && (e >= last || (!IsWord(e) && toks_[e].type != TokType::kOpen))) {
      return kNoClause;
    }
  }
  return c;
}

// After the quote `m`: '"...," said X.' / '"...," X said.' / '"...," the
// seven-term congressman demands.' Sets *verb and *attribution_end (the
// token after the attribution); an attribution that ends in a colon or runs
// into an opening mark belongs to the quote after it.
QuoteExtractor::Run::Subject QuoteExtractor::Run::DirectSubjectAfter(const QuoteMarks& m,
                                                                     size_t limit, size_t* verb,
                                                                     size_t* attribution_end) {
  size_t k = m.close + 1;
  while (k < limit && toks_[k].type == TokType::kComma) ++k;
  // '"war" on the virus as he took office, Biden announced': a fragment
  // that words follow takes only an attribution right after it.
  const char last_inner = text_[toks_[m.close].span.begin - 1];
  const bool words_follow = k == m.close + 1 && k < limit && IsWord(k) && last_inner != ',' &&
                            last_inner != '?' && last_inner != '!' && last_inner != '.';
  const size_t reach = words_follow ? 3 : 12;
  // '„…“, so Lindner', '« … », selon lui': a source phrase of quote_source
  // right after the quotation names its speaker.
  if (const size_t after = AfterQuoteSource(k); after > k) {
    size_t e = after;
    while (e < limit && IsWord(e)) ++e;
    Subject s = ParseName(after, e);
    if (s.kind == Subject::Kind::kName || s.kind == Subject::Kind::kPronoun) {
      direct_anchors_.push_back(Anchor{k, e, kNoClause, false, s, k});
      *verb = k;
      *attribution_end = e;
      return s;
    }
  }
  for (size_t v = k; v < limit && v < k + reach; ++v) {
    const Verb* found = VerbAt(v);
    if (found == nullptr) continue;
    Subject s;
    size_t begin = v;
    size_t end = 0;
    if (v == k) {
      s = SubjectAfter(v, limit, &end);
    } else {
      s = SubjectBefore(k, v, &begin);
      end = AfterVerb(v, *found);
      // "he told reporters": the listener belongs to the attribution.
      while (end < limit && IsWord(end)) ++end;
      // '« … », a déclaré Macron': an auxiliary, the verb, then its subject.
      bool inverted = !s.ok();
      for (size_t a = k; a < v && inverted; ++a) {
        inverted = IsWordIn(a, QuoteWords::kInvertedAuxiliary);
      }
      if (inverted) {
        s = SubjectAfter(v, limit, &end);
        begin = v;  // as for '"…," said X': what follows the verb is no clause
      }
    }
    // '"safe exit", she replied: "..."': an attribution ending in a colon
    // introduces the next quote. So does one right before an opening mark:
    // '"A," and Putin stressing that "B"'.
    const bool colon =
        end > k && end < toks_.size() &&
        (IsColon(end) ||
         (toks_[end].type == TokType::kOpen &&
          (end == AfterVerb(v, *found) || W().Is(LowerWord(end - 1), QuoteWords::kThat))));
    if (colon) return {};
    if (!s.ok()) {
      // An unnamed speaker ('"...," a spokesman said', '"...," officials
      // said') still ends a clause and speaks for a participle after it.
      const bool unnamed =
          v > k && IsWord(k) &&
          (IsWordIn(k, QuoteWords::kUnnamedLead) || (v == k + 1 && IsLowerWord(k)));
      if (unnamed) {
        direct_anchors_.push_back(Anchor{k, end, kNoClause, false, s, v});
        AddUnnamed(k, v, v);
      }
      if (v == k && IsWordIn(v + 1, QuoteWords::kArticle)) {
        // '"...," said the diplomat': the phrase after the verb, up to
        // three words, cut at the paragraph's end.
        size_t e = v + 2;
        while (e < limit && e < v + 5 && IsWord(e)) ++e;
        AddUnnamed(v + 1, e, v);
      }
      return {};
    }
    direct_anchors_.push_back(Anchor{begin, end, kNoClause, false, s, v});
    *verb = v;
    *attribution_end = end;
    return s;
  }
  return {};
}

// Before the quote `m`: 'X said, "..."', 'X told reporters "..."', 'X said
// on Friday: "..."', 'X tweeted on Friday "..."', '..., adding, "..."', 'X
// says this about himself on his website: "..."'. Between the verb and the
// mark stand only "that", a listener, or where and when it was said; after a
// colon, anything.
QuoteExtractor::Run::Subject QuoteExtractor::Run::DirectSubjectBefore(const QuoteMarks& m,
                                                                      size_t first, size_t* verb,
                                                                      int* inherit) {
  size_t o = m.open;
  while (o > first && toks_[o - 1].type == TokType::kComma) --o;
  bool colon = false;
  for (size_t k = o; k < m.open; ++k) colon = colon || IsColon(k);
  const size_t reach = colon ? 12 : 6;
  for (size_t v = o; v > first && v + reach > o; --v) {
    if (!IsWord(v - 1)) break;
    const Verb* found = VerbAt(v - 1);
    if (found == nullptr) continue;
    if (!colon && AfterSaying(AfterVerb(v - 1, *found), o, *found) != o) break;
    Subject s;
    size_t begin = v - 1;
    if (W().EndsIn(LowerWord(v - 1), QuoteWords::kIngEnding) && v - 1 > first && IsComma(v - 2) &&
        !IsColon(v - 2)) {
      const Anchor* before = AnchorBefore(first, v - 1, {});
      if (before != nullptr) {
        s = before->subject;
        *inherit = before->found;
      } else {
        s = SentenceSubject(first, v - 1);
      }
    } else {
      s = SubjectBefore(first, v - 1, &begin);
    }
    // 'Says Florida State defensive end Tony Bryant: "..."': the verb opens
    // the sentence, its subject follows it up to the colon.
    if (!s.ok() && colon && v - 1 == first && IsColon(o) && o > v) {
      s = ParseSubject(v, o, /*described=*/true);
      if (s.kind != Subject::Kind::kName) s = {};
    }
    if (!s.ok()) break;
    *verb = v - 1;
    direct_anchors_.push_back(Anchor{begin, v, kNoClause, false, s, v - 1});
    return s;
  }
  return {};
}

void QuoteExtractor::Run::DoParagraph(size_t p) {
  // Quotes inside transcript turns are the turn's own speech.
  const auto [sentence_first, sentence_last] = paragraph_sentences_[p];
  for (uint32_t si = sentence_first; si < sentence_last; ++si) {
    if (doc_.sentences[si].turn >= 0) return;
  }
  LoadParagraph(p);
  direct_anchors_.clear();
  const std::vector<QuoteMarks> marks = MarkQuotes();
  const size_t open_tail = OpenTail();
  for (size_t k = open_tail; k < toks_.size(); ++k) quoted_[k] = true;
  std::vector<bool> used(toks_.size(), false);
  DirectState st;
  st.carried = toks_.empty() || toks_[0].type != TokType::kOpen ? -1 : carried_;
  carried_ = -1;
  const size_t paragraph_first = found_.size();
  for (const QuoteMarks& m : marks) DirectQuote(m, &st, &used);
  if (open_tail < toks_.size()) OpenQuote(p, open_tail, st, &used);

  // Reported speech, sentence by sentence.
  std::stable_sort(direct_anchors_.begin(), direct_anchors_.end(),
                   [](const Anchor& x, const Anchor& y) { return x.verb < y.verb; });
  for (uint32_t si = sentence_first; si < sentence_last; ++si) {
    const Sentence& s = doc_.sentences[si];
    size_t first = FirstTokenAt(s.span.begin);
    size_t last = FirstTokenAt(s.span.end);
    const size_t before = found_.size();
    FindReported(si, first, last, quoted_, used);
    if (found_.size() == before && si > sentence_first) {
      ReportedMood(si, first, last, paragraph_first);
    }
  }
  ProDrop(paragraph_first);
  InTextOrder(paragraph_first, st);
}

// '«…», dijo.' (pro_drop): a verb with no subject ends the sentence of the
// quote `m`, which opens at token `first`. The subject of the sentence
// speaks ('Castaño acusó a la Junta: «…», dijo.'); with none, sets *pro_drop
// (the speaker of the quote before it in the paragraph: ProDrop).
QuoteExtractor::Run::Subject QuoteExtractor::Run::SubjectOfBareVerb(const QuoteMarks& m,
                                                                    size_t first,
                                                                    std::vector<bool>* used,
                                                                    bool* pro_drop) {
  size_t k = m.close + 1;
  while (k < toks_.size() && IsComma(k) && !IsColon(k)) ++k;
  if (k >= toks_.size() || VerbAt(k) == nullptr || IsCapitalized(Word(k)) ||
      (k + 1 < toks_.size() && toks_[k + 1].type != TokType::kStop)) {
    return {};
  }
  Subject s = m.open > first + 1 ? SentenceSubject(first, m.open) : Subject{};
  if (s.kind == Subject::Kind::kName) {
    (*used)[k] = true;
    return s;
  }
  *pro_drop = true;
  return {};
}

// A quote with a verb and no subject after it ('«…», aseguró.') that found
// no speaker: the speaker of the quote before it in its paragraph, direct or
// reported ('Ibáñez añadió que … «…», aseguró.').
void QuoteExtractor::Run::ProDrop(size_t paragraph_first) {
  for (size_t k = paragraph_first; k < found_.size(); ++k) {
    Found& f = found_[k];
    if (!f.pro_drop || f.subject.ok() || f.inherit_from >= 0) continue;
    int before = -1;
    for (size_t j = paragraph_first; j < found_.size(); ++j) {
      const Found& g = found_[j];
      if (j == k || g.quote.span.begin >= f.quote.span.begin) continue;
      if (!g.subject.ok() && g.inherit_from < 0) continue;
      if (before < 0 || g.quote.span.begin > found_[static_cast<size_t>(before)].quote.span.begin) {
        before = static_cast<int>(j);
      }
    }
    f.inherit_from = before;
  }
}

// A sentence of tokens [first, last) with no quotation, no attribution and a
// verb of reported_mood ("Rund 60 Einsatzkräfte seien vor Ort gewesen."),
// right after a sentence with a quote (found_ from paragraph_first on), or
// after one sentence more that opens with a subject pronoun and quotes
// nothing ("„…“, sagte Albers. Er verwies auf die Kosten. Bis Mai wolle
// der Vorstand sparen."): a reported clause of that quote's speaker.
void QuoteExtractor::Run::ReportedMood(uint32_t sentence, size_t first, size_t last,
                                       size_t paragraph_first) {
  if (W().Of(QuoteWords::kReportedMood).empty() || first >= last) return;
  auto last_quote_in = [&](uint32_t before) {
    int previous = -1;
    for (size_t k = paragraph_first; k < found_.size(); ++k) {
      const Quote& q = found_[k].quote;
      if (doc_.SentenceAt(q.span.end > 0 ? q.span.end - 1 : 0) + 1 != before) continue;
      if (previous < 0 || q.span.begin > found_[static_cast<size_t>(previous)].quote.span.begin) {
        previous = static_cast<int>(k);
      }
    }
    return previous;
  };
  int previous = last_quote_in(sentence);
  if (previous < 0 && sentence >= 2) {
    const size_t opener = FirstTokenAt(doc_.sentences[sentence - 1].span.begin);
    const bool pronoun = opener < first && IsWord(opener) && IsSubjectPronoun(LowerWord(opener));
    bool quotes = false;
    for (size_t k = paragraph_first; k < found_.size() && !quotes; ++k) {
      quotes = found_[k].quote.sentence == sentence - 1;
    }
    if (pronoun && !quotes) previous = last_quote_in(sentence - 1);
  }
  if (previous < 0) return;
  bool mood = false;
  for (size_t k = first; k < last; ++k) {
    const TokType t = toks_[k].type;
    if (quoted_[k] || t == TokType::kOpen || t == TokType::kClose || IsColon(k)) return;
    if (!IsWord(k)) continue;
    if (VerbAt(k) != nullptr || AfterPhrase(k, q_.source_phrases_) > k) return;
    mood = mood || IsWordIn(k, QuoteWords::kReportedMood);
  }
  if (!mood) return;
  Found f;
  f.inherit_from = previous;
  f.quote.kind = Quote::Kind::kReported;
  f.quote.sentence = sentence;
  f.quote.span = TrimSpan(text_, doc_.sentences[sentence].span);
  found_.push_back(std::move(f));
}

// The paragraph's pairs of quotation marks; marks the tokens inside them quoted.
std::vector<QuoteExtractor::Run::QuoteMarks> QuoteExtractor::Run::MarkQuotes() {
  std::vector<QuoteMarks> marks;
  for (size_t i = 0; i < toks_.size(); ++i) {
    if (toks_[i].type != TokType::kOpen) continue;
    for (size_t j = i + 1; j < toks_.size(); ++j) {
      if (toks_[j].type == TokType::kOpen) break;
      if (toks_[j].type == TokType::kClose) {
        marks.push_back({i, j});
        i = j;
        break;
      }
    }
  }
  quoted_.assign(toks_.size(), false);
  for (const QuoteMarks& m : marks) {
    for (size_t k = m.open; k <= m.close; ++k) quoted_[k] = true;
  }
  return marks;
}

// A quotation running on into the next paragraph: an opening mark that
// starts a sentence or follows a colon or comma, with no mark after it in
// this paragraph; toks_.size() when there is none.
size_t QuoteExtractor::Run::OpenTail() const {
  for (size_t i = toks_.size(); i > 0; --i) {
    const TokType t = toks_[i - 1].type;
    if (t == TokType::kClose) break;
    if (t != TokType::kOpen) continue;
    if (sentence_starts_.count(toks_[i - 1].span.begin) > 0 ||
        sentence_starts_.count(toks_[i - 1].span.end) > 0 || (i >= 2 && IsComma(i - 2))) {
      return i - 1;
    }
    break;
  }
  return toks_.size();
}

// Whether the marks `m` (holding `inner`; the sentence's tokens run to
// `limit`) hold a fragment of a sentence rather than a statement of its own:
// after a naming verb ('called it an "A"'); right after an article or a
// preposition ('a "disaster for the valley"', 'warned of "chaos"'); with
// words after the closing mark that are no attribution ('pidió «paciencia» a
// quienes ...'); or attributed after it but inside a clause that words open
// ('sont « rassurantes », a affirmé X').
bool QuoteExtractor::Run::IsFragment(const QuoteMarks& m, Span inner, size_t limit,
                                     bool attributed_after, bool named) const {
  // Quoted sentences are a statement ('"A. B" C'), wherever they stand.
  if (doc_.SentenceAt(inner.begin) != doc_.SentenceAt(inner.end - 1)) return false;
  const bool word_before =
      m.open > 0 && IsWord(m.open - 1) &&
      doc_.SentenceAt(toks_[m.open - 1].span.begin) == doc_.SentenceAt(toks_[m.open].span.begin);
  // Not after a comma or a colon: 'called them exciting, saying, "A."'
  if (named) return word_before;
  if (word_before &&
      (IsWordIn(m.open - 1, QuoteWords::kArticle) || IsPreposition(LowerWord(m.open - 1)))) {
    return true;
  }
  // The mark right before the closing one ('"A," said X': the comma).
  const char last_inner = text_[toks_[m.close].span.begin - 1];
  const bool ends_statement =
      last_inner == ',' || last_inner == '?' || last_inner == '!' || last_inner == '.';
  if (!attributed_after && !ends_statement && m.close + 1 < limit && IsWord(m.close + 1)) {
    return true;
  }
  // Not a clause of its own after a conjunction or a verb of saying and
  // "that" ('But "A," X said', 'Declaring that "A," X said'; a relative
  // "that" is no such clause: 'a "scourge" that "must be defeated", X said').
  const bool said_that =
      m.open >= 2 && IsWordIn(m.open - 1, QuoteWords::kThat) && VerbAt(m.open - 2) != nullptr;
  return attributed_after && word_before && !said_that && !IsConjunction(LowerWord(m.open - 1)) &&
         VerbAt(m.open - 1) == nullptr;
}

// One direct quote between the marks `m`: its speaker after it, before it,
// from the quote it continues, or from a naming verb.
// "selon lui, « l'emploi local est sauvé »" (source_before_quote): a source
// phrase and a comma right before the quotation `m`, in the sentence from
// token `sentence_first`, name its speaker.
QuoteExtractor::Run::Subject QuoteExtractor::Run::SourceBeforeQuote(const QuoteMarks& m,
                                                                    size_t sentence_first) const {
  if (m.open < 2 || !IsComma(m.open - 1) || IsColon(m.open - 1)) return {};
  const size_t c = m.open - 1;
  for (size_t v = c; v > sentence_first && v + 8 > c && IsWord(v - 1); --v) {
    Anchor x;
    if (AccordingTo(v - 1, sentence_first, c, &x) && x.end == c && x.subject.ok()) {
      return x.subject;
    }
  }
  return {};
}

void QuoteExtractor::Run::DirectQuote(const QuoteMarks& m, DirectState* st,
                                      std::vector<bool>* used) {
  Span inner = TrimSpan(text_, Span{toks_[m.open].span.end, toks_[m.close].span.begin});
  while (inner.end > inner.begin &&
         (text_[inner.end - 1] == ',' || IsAsciiSpace(text_[inner.end - 1]))) {
    --inner.end;
  }
  if (inner.empty()) return;
  // 'On "The Ingraham Angle", DeSantis said': a title after a preposition
  // or a possessive is no quote.
  if (m.open > 0 && IsWord(m.open - 1) &&
      (IsPreposition(LowerWord(m.open - 1)) || IsPossessive(Word(m.open - 1))) &&
      IsTitleCase(m.open + 1, m.close)) {
    return;
  }
  Found f;
  f.quote.span = inner;
  f.quote.kind = Quote::Kind::kDirect;
  f.quote.sentence = doc_.SentenceAt(inner.begin);
  const Span close_sentence = doc_.sentences[doc_.SentenceAt(toks_[m.close].span.begin)].span;
  const Span open_sentence = doc_.sentences[doc_.SentenceAt(toks_[m.open].span.begin)].span;

  // After: "...," said X.  /  "...," X said.  A quote closed by a period
  // ends its sentence: what follows is not its attribution.
  const bool closed_by_period = text_[inner.end - 1] == '.';
  size_t limit = closed_by_period ? m.close : m.close + 1;
  // Not cut after a title ('dijo la Sra. López' where the sentence splitter
  // took "Sra." for a sentence's end).
  auto after_title = [&](size_t k) {
    if (k == 0 || !IsWord(k - 1) || !Word(k - 1).ends_with('.')) return false;
    const std::string_view w = LowerWord(k - 1);
    return q_.title_abbreviations_.count(w.substr(0, w.size() - 1)) > 0;
  };
  while (limit < toks_.size() &&
         (toks_[limit].span.begin < close_sentence.end || after_title(limit)) &&
         (toks_[limit].type == TokType::kWord || toks_[limit].type == TokType::kComma)) {
    ++limit;
  }
  size_t attribution_end = 0;
  size_t verb = 0;
  const size_t anchors_before = direct_anchors_.size();
  f.subject = DirectSubjectAfter(m, limit, &verb, &attribution_end);
  if (f.subject.ok()) (*used)[verb] = true;
  const bool attributed_after = f.subject.ok();
  // Before: X said, "..."  /  X told reporters "..."  A name there beats
  // a pronoun after the quote: 'X said: "...", he told a news conference.'
  if (f.subject.kind != Subject::Kind::kName) {
    int inherit = -1;
    Subject s = DirectSubjectBefore(m, FirstTokenAt(open_sentence.begin), &verb, &inherit);
    if (s.ok() && (!f.subject.ok() || s.kind == Subject::Kind::kName)) {
      f.subject = s;
      f.inherit_from = inherit;
      (*used)[verb] = true;
    }
  }
  if (!f.subject.ok() && q_.grammar_.source_before_quote) {
    f.subject = SourceBeforeQuote(m, FirstTokenAt(open_sentence.begin));
  }
  if (!f.subject.ok() && st->previous >= 0) {
    // "A," said X, "B."  -- B continues A.
    size_t j = st->previous_end;
    while (j < m.open && toks_[j].type == TokType::kComma) ++j;
    bool continues = st->previous_end > 0 && j == m.open;
    // "A," X said. "B."  -- a whole quoted sentence, at most one sentence
    // after the quote it continues.
    // A dialogue dash after a sentence's stop opens a sentence of its own.
    // So does a mark after a period and a space ('… Mme Borne. « B »') where
    // the sentence splitter read on.
    const bool dash_opens =
        m.open > 0 && toks_[m.open - 1].type == TokType::kStop &&
        (Word(m.open) == q_.grammar_.dialogue_dash ||
         (Word(m.open - 1) == "." && toks_[m.open - 1].span.end < toks_[m.open].span.begin));
    bool whole_sentence = (toks_[m.open].span.begin == open_sentence.begin || dash_opens) &&
                          IsCapitalized(inner.Slice(text_)) && Near(st->previous, f.quote.sentence);
    if (continues || whole_sentence) f.inherit_from = st->previous;
  }
  // 'X called the attack an "act of terror" and an "act of hate"': a
  // fragment after a naming verb is the subject's words; so are the
  // fragments after it in the sentence.
  bool named = false;
  if (!f.subject.ok() && f.inherit_from < 0) {
    const size_t sentence_first = FirstTokenAt(open_sentence.begin);
    for (size_t v = m.open; v > sentence_first && v + 12 > m.open; --v) {
      const TokType t = toks_[v - 1].type;
      if (t != TokType::kWord && t != TokType::kComma) break;
      if (!IsNamingVerb(LowerWord(v - 1)) || IsCapitalized(Word(v - 1))) continue;
      Subject s;
      if (W().EndsIn(LowerWord(v - 1), QuoteWords::kIngEnding) && v - 1 > sentence_first &&
          IsComma(v - 2)) {
        const Anchor* before = AnchorBefore(sentence_first, v - 1, {});
        s = before != nullptr ? before->subject : SentenceSubject(sentence_first, v - 1);
      } else {
        s = SubjectBefore(sentence_first, v - 1);
      }
      if (s.ok()) {
        f.subject = s;
        named = true;
      }
      break;
    }
    if (!named && st->previous >= 0 && found_[static_cast<size_t>(st->previous)].named &&
        found_[static_cast<size_t>(st->previous)].quote.sentence == f.quote.sentence) {
      // Not past a verb of saying: 'and said the trio "should abandon"'.
      bool said = false;
      const size_t from = FirstTokenAt(found_[static_cast<size_t>(st->previous)].quote.span.end);
      for (size_t k = from; k < m.open && !said; ++k) said = VerbAt(k) != nullptr;
      if (!said) {
        f.inherit_from = st->previous;
        named = true;
      }
    }
  }
  f.named = named;
  if (IsFragment(m, inner, limit, attributed_after, named)) f.quote.kind = Quote::Kind::kPartial;
  // A paragraph continuing a quotation left open in the one before.
  if (m.open == 0 && st->carried >= 0) {
    if (!f.subject.ok() && f.inherit_from < 0) {
      f.inherit_from = st->carried;
    } else if (f.subject.ok()) {
      st->carried_by = inner.begin;
    }
  }
  if (q_.grammar_.pro_drop && !f.subject.ok() && f.inherit_from < 0) {
    f.subject = SubjectOfBareVerb(m, FirstTokenAt(open_sentence.begin), used, &f.pro_drop);
  }
  const bool attributed = f.subject.ok();
  const bool whole =
      toks_[m.open].span.begin == open_sentence.begin && IsCapitalized(inner.Slice(text_));
  if (f.subject.ok() || f.inherit_from >= 0) {
    found_.push_back(std::move(f));
    st->previous = static_cast<int>(found_.size() - 1);
    st->previous_end = attribution_end;
    for (size_t k = anchors_before; k < direct_anchors_.size(); ++k) {
      direct_anchors_[k].found = st->previous;
    }
    // '"A." "B," she said.': A, whole sentences with no attribution, takes
    // the speaker of the quote right after it.
    if (attributed && st->unattributed >= 0 && m.open == st->unattributed_close + 1) {
      found_[static_cast<size_t>(st->unattributed)].inherit_from = st->previous;
    }
    st->unattributed = -1;
  } else if (whole || f.pro_drop) {
    found_.push_back(std::move(f));
    st->unattributed = static_cast<int>(found_.size() - 1);
    st->unattributed_close = m.close;
  } else {
    st->unattributed = -1;
  }
}

// The quotation left open at `open_tail`: its attribution before it, the
// quote before it in the paragraph, or the one it continues.
void QuoteExtractor::Run::OpenQuote(size_t p, size_t open_tail, const DirectState& st,
                                    std::vector<bool>* used) {
  const Span inner = TrimSpan(text_, Span{toks_[open_tail].span.end, doc_.paragraphs[p].end});
  if (!inner.empty()) {
    Found f;
    f.quote.span = inner;
    f.quote.kind = Quote::Kind::kDirect;
    f.quote.sentence = doc_.SentenceAt(inner.begin);
    const Span open_sentence = doc_.sentences[f.quote.sentence].span;
    size_t verb = 0;
    int inherit = -1;
    Subject s = DirectSubjectBefore({open_tail, open_tail}, FirstTokenAt(open_sentence.begin),
                                    &verb, &inherit);
    if (s.ok()) {
      f.subject = s;
      f.inherit_from = inherit;
      (*used)[verb] = true;
    } else if (st.previous >= 0 && Near(st.previous, f.quote.sentence)) {
      f.inherit_from = st.previous;
    } else if (open_tail == 0 && st.carried >= 0) {
      f.inherit_from = st.carried;
    }
    found_.push_back(std::move(f));
    carried_ = static_cast<int>(found_.size() - 1);
  }
}

// Puts the paragraph's quotes (from `paragraph_first` on) in text order; a
// quote that takes another's speaker follows it there.
void QuoteExtractor::Run::InTextOrder(size_t paragraph_first, const DirectState& st) {
  std::vector<size_t> order(found_.size() - paragraph_first);
  for (size_t k = 0; k < order.size(); ++k) order[k] = paragraph_first + k;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return found_[x].quote.span.begin < found_[y].quote.span.begin;
  });
  std::vector<int> moved_to(order.size());
  std::vector<Found> sorted;
  sorted.reserve(order.size());
  for (size_t k = 0; k < order.size(); ++k) {
    moved_to[order[k] - paragraph_first] = static_cast<int>(paragraph_first + k);
    sorted.push_back(std::move(found_[order[k]]));
  }
  for (Found& f : sorted) {
    if (f.inherit_from >= static_cast<int>(paragraph_first)) {
      f.inherit_from = moved_to[static_cast<size_t>(f.inherit_from) - paragraph_first];
    }
  }
  std::move(sorted.begin(), sorted.end(), found_.begin() + static_cast<ptrdiff_t>(paragraph_first));
  if (carried_ >= static_cast<int>(paragraph_first)) {
    carried_ = moved_to[static_cast<size_t>(carried_) - paragraph_first];
  }
  // The quote with the attribution names the speaker of the paragraphs it
  // ends: '"A ... \n\n"B," Santorum said.'
  if (st.carried_by > 0) {
    for (size_t k = paragraph_first; k < found_.size(); ++k) {
      if ((found_[k].quote.kind != Quote::Kind::kDirect &&
           found_[k].quote.kind != Quote::Kind::kPartial) ||
          found_[k].quote.span.begin != st.carried_by) {
        continue;
      }
      size_t root = static_cast<size_t>(st.carried);
      while (found_[root].inherit_from >= 0) root = static_cast<size_t>(found_[root].inherit_from);
      if (!found_[root].subject.ok() && root != k) found_[root].inherit_from = static_cast<int>(k);
      break;
    }
  }
}

// "..., according to X." / "According to X, ..." at token v; also "according
// to a new analysis by X", "according to statistics from X". A news outlet
// or an unnamed source gives an anchor with no subject.
bool QuoteExtractor::Run::AccordingTo(size_t v, size_t first, size_t last, Anchor* anchor) const {
  if (!q_.source_first_.MayContain(LowerWord(v))) return false;  // most words
  size_t after = AfterPhrase(v, q_.source_phrases_);
  if (after == v) return false;
  // "según informó la Junta": a verb of saying before the source
  // (verb_after_source).
  if (q_.grammar_.verb_after_source && after + 1 < last && VerbAt(after) != nullptr) ++after;
  size_t e = after;
  while (e < last && IsWord(e)) ++e;
  Subject s = ParseName(after, e);
  // "по его словам": a possessive pronoun inside the phrase is the speaker.
  for (size_t k = v + 1; k < after && !s.ok(); ++k) {
    const char owner = W().PossessiveOf(LowerWord(k));
    if (owner == 0) continue;
    s.kind = Subject::Kind::kPronoun;
    s.key = LowerWord(k);
    s.pronoun = owner;
    s.span = toks_[k].span;
  }
  // "Según el jefe de extinción, Andrés Molina, …": a description, then the
  // name set off by commas.
  if (q_.grammar_.name_after_description && s.kind != Subject::Kind::kName &&
      IsWordIn(after, QuoteWords::kArticle) && IsComma(e) && !IsColon(e)) {
    size_t n = e + 1;
    while (n < last && IsWord(n)) ++n;
    Subject named = ParseName(e + 1, n);
    // Set off by another comma, or ending the sentence ('…, según el jefe
    // de extinción, Andrés Molina.').
    const bool set_off =
        n >= last || toks_[n].type == TokType::kStop || (IsComma(n) && !IsColon(n));
    if (named.kind == Subject::Kind::kName && n > e + 1 && set_off) {
      named.role = RoleFromApposition(after, e);
      s = named;
      e = n;
    }
  }
  // "selon lui": a pronoun after a phrase of quote_source.
  const bool pronoun = s.kind == Subject::Kind::kPronoun &&
                       (AfterQuoteSource(v) == after || s.span.end <= toks_[after - 1].span.end);
  // "Según la consejera": with title_after_verb, a function title refers back.
  const bool titled = q_.grammar_.title_after_verb && s.kind == Subject::Kind::kNominal && !s.org;
  if (s.kind != Subject::Kind::kName && !pronoun && !titled) {
    // "a new analysis by X", "statistics from X"; not "an estimate seen by X".
    s = {};
    for (size_t k = after; k < e && k < after + 4; ++k) {
      const std::string w(LowerWord(k));
      if (W().EndsIn(w, QuoteWords::kPassiveEnding)) break;
      if (!W().Is(w, QuoteWords::kSourcePreposition)) continue;
      s = ParseName(k + 1, e);
      break;
    }
    if (s.kind != Subject::Kind::kName) s = {};
  }
  // "Laut Lindner ist die Lage ernst" (source_verb_second): the name, then
  // the clause opening with its verb, no comma between.
  if (!s.ok() && v == first && q_.grammar_.source_verb_second) {
    size_t c = after;
    while (c < e && IsCapitalized(Word(c))) ++c;
    Subject named = ParseName(after, c);
    if (named.kind == Subject::Kind::kName && c > after && c + 1 < e) {
      *anchor = Anchor{v, c, c, false, named, v};
      return true;
    }
  }
  *anchor = Anchor{v, e, kNoClause, false, s, v};
  if (v == first) {
    size_t c = e;
    while (c < last && !IsComma(c)) ++c;
    if (c + 1 < last) anchor->clause = c + 1;
  } else if (IsComma(e) && !IsColon(e) && e + 2 < last && IsWord(e + 1) && IsComma(v - 1) &&
             !IsWordIn(e + 1, QuoteWords::kSourceRelative)) {
    anchor->clause = e + 1;  // "..., and, according to X, CLAUSE"; not "X, which runs ..."
  } else if (q_.grammar_.source_before_quote && IsComma(e) && !IsColon(e) && e + 1 < last &&
             toks_[e + 1].type == TokType::kOpen) {
    // "La journée restera, selon lui, « un tournant »": the source names the
    // quotation's speaker (DirectQuote), not the clause before it.
  } else {
    anchor->backward = true;
  }
  return true;
}

// The attributions of the sentence of tokens [first, last), outside quotes,
// in text order, each with its subject and the start of its clause.
// The anchor of a verb at token v that attributed a direct quote, in the
// sentence of tokens [first, last), when it also introduces a reported
// clause; false when it does not.
bool QuoteExtractor::Run::UsedVerbAnchor(size_t v, size_t first, size_t last, const Verb& verb,
                                         const std::vector<bool>& quoted,
                                         const std::vector<bool>& used, Anchor* anchor) const {
  // A verb that attributed a quote may also introduce a clause:
  // '... a "scourge", Obama said the US stood with France.' Not
  // '"...," said X': X is no clause.
  const std::span<const Anchor> direct = DirectAnchors(v, v + 1);
  if (direct.empty()) return false;
  Anchor x = direct.front();
  if (x.begin != v) {
    x.clause = ClauseStart(v, verb, last);
    if (x.clause != kNoClause) {
      *anchor = x;
      return true;
    }
  }
  // 'But he's created a "disaster" there, Trump said.': the sentence
  // before an attribution ending it is a reported clause holding the
  // quotation, unless it is all quotation or holds another attribution
  // ('X said: "...", he told reporters').
  bool all_quoted = true, other = false;
  for (size_t k = first; k + 1 < x.begin; ++k) {
    all_quoted = all_quoted && (quoted[k] || !IsWord(k));
    other = other || used[k] || IsColon(k);
  }
  const bool ends = x.begin == v ? x.end >= last || toks_[x.end].type == TokType::kStop
                                 : EndsSentence(AfterVerb(v, verb), last, verb,
                                                x.subject.kind == Subject::Kind::kName);
  if (all_quoted || other || !SetOffByComma(first, x.begin) || !ends) return false;
  x.clause = kNoClause;
  x.backward = true;
  *anchor = x;
  return true;
}

std::vector<QuoteExtractor::Run::Anchor> QuoteExtractor::Run::FindAnchors(
    size_t first, size_t last, const std::vector<bool>& quoted,
    const std::vector<bool>& used) const {
  std::vector<Anchor> anchors;
  for (size_t v = first; v < last; ++v) {
    if (quoted[v] || !IsWord(v)) continue;
    Anchor x;
    if (AccordingTo(v, first, last, &x)) {
      anchors.push_back(x);
      v = x.end - 1;
      continue;
    }
    if (q_.grammar_.estimate_clause && EstimateAnchor(v, first, last, quoted, &x)) {
      anchors.push_back(x);
      continue;
    }
    const Verb* verb = VerbAt(v);
    if (verb == nullptr) continue;
    // "its July estimate", "Zarif's claim": after a determiner or a
    // possessive, a noun.
    if (v > first && IsWord(v - 1) &&
        ((!W().Is(LowerWord(v - 1), QuoteWords::kThat) && IsDeterminer(LowerWord(v - 1))) ||
         IsPossessive(Word(v - 1)))) {
      continue;
    }
    if (used[v]) {
      if (UsedVerbAnchor(v, first, last, *verb, quoted, used, &x)) anchors.push_back(x);
      continue;
    }
    x.verb = v;
    x.end = AfterVerb(v, *verb);
    // "She issued a statement over the weekend saying": a document's
    // participle speaks for the subject of the verb that produced it.
    if (W().Is(LowerWord(v), QuoteWords::kDocumentParticiple) && v > first && IsWord(v - 1)) {
      size_t d = v;
      while (d > first && d + 8 > v && IsWord(d - 1) && !IsDocumentNoun(LowerWord(d - 1))) --d;
      if (d > first + 2 && IsWord(d - 1) && IsDocumentNoun(LowerWord(d - 1))) {
        size_t w = d - 1;
        while (w > first && w + 6 > d && IsLowerWord(w - 1) &&
               !W().EndsIn(LowerWord(w - 1), QuoteWords::kPastEnding)) {
          --w;
        }
        if (w > first && IsLowerWord(w - 1) &&
            W().EndsIn(LowerWord(w - 1), QuoteWords::kPastEnding)) {
          x.subject = SubjectBefore(first, w - 1);
          if (x.subject.kind == Subject::Kind::kPronoun || x.subject.kind == Subject::Kind::kName) {
            x.begin = v;
            x.clause = ClauseStart(v, *verb, last);
            if (x.clause != kNoClause) anchors.push_back(x);
            continue;
          }
          x.subject = {};
        }
      }
    }
    const bool participle = W().EndsIn(LowerWord(v), QuoteWords::kIngEnding) && v > first &&
                            IsComma(v - 1) && !IsColon(v - 1);
    if (participle) {
      const Anchor* before = AnchorBefore(first, v, anchors);
      if (before != nullptr) {
        x.subject = before->subject;
        x.found = before->found;
        const std::less<const Anchor*> less;
        if (!less(before, anchors.data()) && less(before, anchors.data() + anchors.size())) {
          x.from = static_cast<int>(before - anchors.data());
        }
      } else {
        x.subject = SentenceSubject(first, v);
      }
      x.begin = v - 1;
    } else {
      x.subject = SubjectBefore(first, v, &x.begin);
    }
    // "Как сообщили в мэрии, CLAUSE" (as_clause): opening the sentence,
    // "as", the verb, its subject after it, a comma, the clause.
    // So after one word and a comma: "Да, рассказывают коммунальщики, CLAUSE".
    if (q_.grammar_.as_clause && !x.subject.ok() &&
        ((v == first + 1 && IsWordIn(first, QuoteWords::kAs)) ||
         (v == first + 2 && IsWord(first) && IsComma(first + 1) && !IsColon(first + 1)))) {
      size_t end = v + 1;
      while (end < last && IsWord(end)) ++end;
      Subject s = ParseName(v + 1, end);
      if (!s.ok()) s = ParseName(v + 1, std::max(v + 2, TimeAdverbialBefore(v + 1, end)));
      if (s.ok() && s.kind != Subject::Kind::kNominal && IsComma(end) && !IsColon(end) &&
          end + 2 < last && IsWord(end + 1)) {
        x.subject = s;
        x.begin = first;
        x.end = end;
        x.clause = end + 1;
        anchors.push_back(x);
        v = end;
        continue;
      }
    }
    // "CLAUSE, X said." / "CLAUSE -- X said." / "CLAUSE, a-t-il précisé."
    const size_t lead = BeforeAuxiliaries(first, x.begin), verb_lead = BeforeAuxiliaries(first, v);
    const bool set_off = SetOffByComma(first, lead) || (x.begin > first && IsDash(x.begin - 1) &&
                                                        x.subject.kind == Subject::Kind::kName);
    if (!participle && set_off && (x.subject.ok() || !BodySpeaksAfter(v, last)) &&
        EndsSentence(AfterVerb(v, *verb), last, *verb, x.subject.kind == Subject::Kind::kName)) {
      x.backward = true;  // "CLAUSE, X said."
      x.begin = lead;
    } else if (!x.subject.ok() && verb_lead > first && IsComma(verb_lead - 1) &&
               !IsColon(verb_lead - 1)) {
      size_t end = 0;
      Subject s = SubjectAfter(v, last, &end);  // "CLAUSE, said X.", "…, a précisé X."
      if (s.ok() && (end >= last || toks_[end].type == TokType::kStop)) {
        x.subject = s;
        x.begin = verb_lead;
        x.end = end;
        x.backward = true;
      }
    }
    if (!x.subject.ok()) {
      // An unnamed speaker ("..., officials said.") still speaks for a
      // participle after it, ends the clauses before it and is who a
      // pronoun after it means.
      if (!x.backward) x.clause = ClauseStart(v, *verb, last);
      x.pro_drop = !x.backward && OpensWithVerbAndThat(first, verb_lead, v, x.clause);
      if (x.backward || participle || x.begin < v || x.pro_drop) anchors.push_back(x);
      continue;
    }
    if (!x.backward) {
      x.clause = ClauseStart(v, *verb, last, x.begin < v);
      // "policies that he says place ...", "the plan, which he said would
      // cost": after a relative word the clause has no subject of its own.
      // The clause then opens with a verb: an auxiliary, or a word before a
      // determiner (not "so ill-equipped that X said that abortions are").
      if (x.clause != kNoClause && x.begin > first &&
          IsWordIn(x.begin - 1, QuoteWords::kRelativeOpener) && IsLowerWord(x.clause) &&
          !IsClauseOpener(LowerWord(x.clause)) && !IsDeterminer(LowerWord(x.clause)) &&
          (IsAuxiliary(LowerWord(x.clause)) ||
           (IsWord(x.clause + 1) && IsDeterminer(LowerWord(x.clause + 1))))) {
        x.clause = kNoClause;
      }
      // "To this point, Obama said, Russia is an outlier": a parenthetical
      // attribution; the clause is the rest of the sentence.
      const size_t after = AfterVerb(v, *verb);
      if (x.clause == kNoClause && x.subject.kind == Subject::Kind::kName && IsComma(after) &&
          !IsColon(after) && IsWord(after + 1) && x.begin > first && IsComma(x.begin - 1) &&
          !IsAdverbialStart(LowerWord(after + 1)) && !IsRelativeWord(LowerWord(after + 1)) &&
          !W().EndsIn(LowerWord(after + 1), QuoteWords::kIngEnding) &&
          !IsPreposition(LowerWord(after + 1)) && !IsConjunction(LowerWord(after + 1)) &&
          !IsWordIn(after + 1, QuoteWords::kNotParenthetical)) {
        x.clause = after + 1;
      }
    }
    anchors.push_back(x);
  }
  return anchors;
}

// 'Añadió que …', 'Además, explicó que …' (pro_drop): the verb at token v
// (its auxiliaries from verb_lead) opens its sentence of tokens from
// `first`, after adverbs maybe, its "that" right after it and the clause
// at `clause`; it speaks for the speaker of the quote before (ProDrop).
bool QuoteExtractor::Run::OpensWithVerbAndThat(size_t first, size_t verb_lead, size_t v,
                                               size_t clause) const {
  if (!q_.grammar_.pro_drop || !IsCapitalized(Word(first))) return false;
  size_t opening = first;
  while (opening < verb_lead && ((IsWord(opening) && IsAdverb(LowerWord(opening))) ||
                                 (IsComma(opening) && !IsColon(opening) && opening > first))) {
    ++opening;
  }
  return opening == verb_lead && IsWordIn(v + 1, QuoteWords::kThat) && clause == v + 2;
}

// With estimate_clause, the verb at token v puts a figure on something for
// an organization: a verb of estimate_verb ("ha stimato i lavori in 1,8
// milioni"), or a verb of saying before an article and an estimate_noun
// ("conferma la stima di 1,8 milioni"), a number at most 12 words on in the
// sentence, and an organization its subject, before it or before ", che".
// The clause is the verb phrase, its auxiliary with it.
bool QuoteExtractor::Run::EstimateAnchor(size_t v, size_t first, size_t last,
                                         const std::vector<bool>& quoted, Anchor* anchor) const {
  if (!IsLowerWord(v) || v == first) return false;
  if (IsDeterminer(LowerWord(v - 1)) || IsWordIn(v - 1, QuoteWords::kArticle)) return false;
  const bool estimate = IsWordIn(v, QuoteWords::kEstimateVerb) ||
                        (VerbAt(v) != nullptr && IsWordIn(v + 1, QuoteWords::kArticle) &&
                         IsWordIn(v + 2, QuoteWords::kEstimateNoun));
  if (!estimate) return false;
  bool number = false;
  for (size_t k = v + 1; k < last && k < v + 13 && !number; ++k) {
    if (quoted[k] || toks_[k].type == TokType::kStop) break;
    number = IsWord(k) && std::isdigit(static_cast<unsigned char>(Word(k).front()));
  }
  if (!number) return false;
  const size_t lead = BeforeAuxiliaries(first, v);
  size_t name_end = lead;
  // "…, che ha stimato": the organization before the relative.
  if (lead > first + 1 && IsWordIn(lead - 1, QuoteWords::kRelativeSubject) && IsComma(lead - 2) &&
      !IsColon(lead - 2)) {
    name_end = lead - 2;
  }
  size_t begin = name_end;
  Subject s = SubjectBefore(first, name_end, &begin);
  // "Strade di Levante S.p.A.": a company named by its legal form.
  if (name_end > first && IsWordIn(name_end - 1, QuoteWords::kLegalForm)) {
    if (const size_t k = CompanyNameStart(name_end - 1); k >= first && k < name_end - 1) {
      s = Subject{};
      s.kind = Subject::Kind::kName;
      s.org = true;
      s.span = Span{toks_[k].span.begin, toks_[name_end - 1].span.end};
      s.name = std::string(s.span.Slice(text_));
      begin = k;
    }
  }
  if (s.kind != Subject::Kind::kName || !s.org) return false;
  Anchor x;
  x.subject = s;
  x.begin = begin;
  x.verb = v;
  x.end = v + 1;
  x.clause = lead;
  *anchor = x;
  return true;
}

// Reported speech in the sentence of tokens [first, last). A forward clause
// ("X said CLAUSE") runs to the sentence's end, or to where another
// attribution begins after its start ("..., and Putin stressing that",
// ", although he added"), or to a colon before a quotation; an attribution
// at its very start is nested ("X said Y told him ...": X's clause holds
// Y's). A backward clause ("CLAUSE, X said.", "CLAUSE, according to X.") is
// the sentence before the attribution.
void QuoteExtractor::Run::FindReported(uint32_t sentence, size_t first, size_t last,
                                       const std::vector<bool>& quoted,
                                       const std::vector<bool>& used) {
  const std::vector<Anchor> anchors = FindAnchors(first, last, quoted, used);
  std::vector<size_t> starts;  // where attributions begin
  for (const Anchor& x : anchors) {
    // An unnamed speaker set off by a comma (", people briefed on the call
    // said,") ends a clause too; "..., which critics said" does not.
    // "a politically charged case", "recommended in that report was": no
    // attribution without a clause.
    const bool attribution = x.backward || x.clause != kNoClause;
    const bool set_off = x.begin > first && IsComma(x.begin - 1) &&
                         !IsRelativeWord(LowerWord(x.begin)) && attribution;
    // "..., Tim Medlin, responded to the call": a named subject whose verb
    // introduces nothing is no attribution either.
    if ((x.subject.ok() && attribution) || x.backward || set_off || x.pro_drop) {
      starts.push_back(x.begin);
    }
    if (!x.subject.ok() && x.begin < x.verb && attribution) AddUnnamed(x.begin, x.verb, x.verb);
  }
  std::vector<int> emitted(anchors.size(), -1);  // the quote each anchor gave
  for (const Anchor& d : DirectAnchors(first, last)) starts.push_back(d.begin);
  const Span sspan = TrimSpan(text_, doc_.sentences[sentence].span);
  for (size_t i = 0; i < anchors.size(); ++i) {
    const Anchor& x = anchors[i];
    if (!x.subject.ok() && !x.pro_drop) continue;
    size_t b = first, e = x.begin;
    if (!x.backward) {
      if (x.clause == kNoClause || x.clause >= last) continue;
      b = x.clause;
      e = last;
      for (size_t at : starts) {
        if (at > b && at < e) e = at;
      }
      for (size_t k = b; k + 1 < e; ++k) {
        if (IsColon(k) && toks_[k + 1].type == TokType::kOpen) {
          e = k;
          break;
        }
      }
    }
    while (e > b && (IsComma(e - 1) || toks_[e - 1].type == TokType::kOther ||
                     (IsWord(e - 1) &&
                      (IsConjunction(LowerWord(e - 1)) || IsRelativeWord(LowerWord(e - 1)))))) {
      --e;
    }
    if (e <= b) continue;
    // A quote mark with no partner: broken text.
    bool stray = false;
    for (size_t k = b; k < e; ++k) {
      const TokType t = toks_[k].type;
      stray = stray || ((t == TokType::kOpen || t == TokType::kClose) && !quoted[k]);
    }
    if (stray) continue;
    // A quotation alone is a direct quote's business.
    if (x.backward &&
        std::all_of(quoted.begin() + static_cast<ptrdiff_t>(b),
                    quoted.begin() + static_cast<ptrdiff_t>(e), [](bool q) { return q; })) {
      continue;
    }
    Found f;
    f.subject = x.subject;
    f.pro_drop = x.pro_drop;
    f.inherit_from = x.from >= 0 ? emitted[static_cast<size_t>(x.from)] : x.found;
    f.quote.kind = Quote::Kind::kReported;
    f.quote.sentence = sentence;
    const uint32_t end = e == last ? sspan.end : toks_[e - 1].span.end;
    f.quote.span = Span{std::max(toks_[b].span.begin, sspan.begin), end};
    emitted[i] = static_cast<int>(found_.size());
    found_.push_back(std::move(f));
  }
}

// An unnamed speaker, tokens [begin, end) and its verb at `verb` (right
// after it, "officials said", "a diplomat said", or right before it, "said a
// diplomat"). A pronoun whose nearest candidate it is means it ("they" a plural
// one, "he" and "she" one with an article), so names nobody.
void QuoteExtractor::Run::AddUnnamed(size_t begin, size_t end, size_t verb) {
  size_t e = std::min(end, toks_.size());
  if (begin >= e || verb >= toks_.size()) return;
  while (e > begin && !IsWord(e - 1)) --e;
  while (e > begin && IsWord(e - 1) && IsAdverb(LowerWord(e - 1))) --e;
  if (e == begin || !IsLowerWord(e - 1) || IsConjunction(LowerWord(e - 1)) ||
      IsRelativeWord(LowerWord(e - 1))) {
    return;
  }
  const std::string last(LowerWord(e - 1));
  const bool plural = last.size() > 3 && W().EndsIn(last, QuoteWords::kPluralEnding) &&
                      !W().EndsIn(last, QuoteWords::kSingularEnding);
  // "a media report that": after a singular noun, a verb's bare form is a noun.
  const std::string form(LowerWord(verb));
  const bool bare =
      !W().EndsIn(form, QuoteWords::kVerbEnding) && !W().EndsIn(form, QuoteWords::kPastEnding) &&
      !W().EndsIn(form, QuoteWords::kIngEnding) && !W().Is(form, QuoteWords::kIrregularPast);
  if (bare && !plural) return;
  // The determiner of the noun right before the verb: "a hospital official
  // said", not "a birthday her agent said".
  size_t d = e - 1;
  auto in_phrase = [&](size_t i) {
    const std::string w(LowerWord(i));
    return IsLowerWord(i) && !IsDeterminer(w) && !IsConjunction(w) && !IsPreposition(w) &&
           !IsRelativeWord(w) && !IsSubjectPronoun(w);
  };
  while (d > begin && in_phrase(d - 1) && d + 3 > e) --d;
  const bool article = d > begin && IsWordIn(d - 1, QuoteWords::kUnnamedLead);
  if (!plural && !article) return;
  // "a spokeswoman said": a gendered noun blocks only its pronoun.
  char who = plural ? 'p' : 'b';
  for (size_t k = begin; k < e && !plural; ++k) {
    auto g = q_.genders_.find(LowerWord(k));
    if (g != q_.genders_.end()) who = g->second == 'f' ? 'f' : 'm';
  }
  mentions_.push_back({toks_[begin].span.begin, "", "", false, true});
  mentions_.back().pronouns = who;
}

// Names after a title anywhere in the text ("Mayor Elena Duarte posted..."),
// names opening with a given name ("Abdullah Ocalan") and organizations
// ending in a head word ("Pinal County Sheriff's Office"): people and
// bodies that pronouns and descriptions can refer to. Also every run of
// capitalized words, a candidate full name for Canonical().
void QuoteExtractor::Run::CollectMentions() {
  for (size_t p = 0; p < doc_.paragraphs.size(); ++p) {
    LoadParagraph(p);
    if (q_.grammar_.stand_in_bodies) CollectNamedBodies();
    for (size_t i = 0; i + 1 < toks_.size() && q_.grammar_.name_after_description; ++i) {
      // "La consejera de Medio Ambiente, Marta Ibáñez, …": a function, then
      // the name set off by commas (name_after_description).
      if (!IsWordIn(i, QuoteWords::kArticle) || TitleAt(i + 1) == nullptr ||
          TitleAt(i + 1)->honorific) {
        continue;
      }
      size_t c = i + 2;
      while (c < toks_.size() && c < i + 10 && IsWord(c)) ++c;
      if (!IsComma(c) || IsColon(c)) continue;
      size_t n = c + 1;
      while (n < toks_.size() && IsWord(n)) ++n;
      Subject s = ParseName(c + 1, n);
      if (s.kind != Subject::Kind::kName || s.org || n == c + 1 || !IsComma(n)) continue;
      mentions_.push_back(
          {s.span.begin, s.name,
           std::string(Span{toks_[i + 1].span.begin, toks_[c - 1].span.end}.Slice(text_)), true});
      full_names_.push_back(s.name);
    }
    for (size_t i = 0; i < toks_.size(); ++i) {
      // "State Department spokeswoman Victoria Nuland": a function in lower
      // case before a name.
      const Title* lower_title = IsLowerWord(i) ? TitleAt(i) : nullptr;
      if (lower_title != nullptr && !lower_title->honorific && IsWord(i + 1) &&
          IsCapitalized(Word(i + 1)) && TitleAt(i + 1) == nullptr) {
        size_t b = i + 1;
        while (b < toks_.size() && b < i + 4 && IsWord(b) && IsCapitalized(Word(b))) ++b;
        Subject s = ParseName(i + 1, b);
        if (s.kind == Subject::Kind::kName && !s.org && s.name.find(' ') != std::string::npos) {
          mentions_.push_back({s.span.begin, s.name, std::string(Word(i)), true});
          full_names_.push_back(s.name);
        }
        continue;
      }
      if (!IsWord(i) || !IsCapitalized(Word(i)) || TitleAt(i) == nullptr) continue;
      size_t a = i;
      while (a > 0 && IsWord(a - 1) && IsCapitalized(Word(a - 1)) &&
             !IsBlockedNameWord(LowerWord(a - 1))) {
        --a;
      }
      size_t b = i + 1;
      while (b < toks_.size() && IsWord(b) && IsCapitalized(Word(b))) ++b;
      // "President Obama's watch": the title names the person the
      // possessive does.
      const Title* title = TitleAt(i);
      if (b > i + 1 && b <= i + 4 && IsPossessive(Word(b - 1)) && !title->honorific &&
          TitleAt(b - 1) == nullptr) {
        std::string name;
        for (size_t k = i + 1; k + 1 < b; ++k) name += std::string(Word(k)) + " ";
        name += WithoutPossessive(Word(b - 1));
        const std::string role(Span{toks_[a].span.begin, toks_[i].span.end}.Slice(text_));
        mentions_.push_back({toks_[i + 1].span.begin, name, role, true});
        full_names_.push_back(name);
        i = b - 1;
        continue;
      }
      while (b > i + 1) {
        Subject s = ParseName(a, b);
        if (s.kind == Subject::Kind::kName) {
          mentions_.push_back({s.span.begin, s.name, s.role, !s.org});
          mentions_.back().honorific = s.honorific;
          full_names_.push_back(s.name);
          break;
        }
        --b;
      }
      i = b > i ? b - 1 : i;
    }
    for (size_t i = 0; i < toks_.size(); ++i) {
      size_t b = i;
      while (b < toks_.size() && IsWord(b) && IsCapitalized(Word(b))) ++b;
      if (b == i) continue;
      size_t a = i;
      while (a < b && IsBlockedNameWord(LowerWord(a))) ++a;
      // "President of France Francois Hollande": a run after "of" starts
      // with what the title is of, not with a name.
      const bool after_of = i > 0 && IsWordIn(i - 1, QuoteWords::kOf);
      if (b - a >= 2 && !after_of) {
        Subject s = ParseName(a, b);
        if (s.kind == Subject::Kind::kName && s.name.find(' ') != std::string::npos) {
          full_names_.push_back(s.name);
          // "Hafensenatorin Anna Keller": a role before a given name
          // (role_before_given_name).
          const bool described = q_.grammar_.role_before_given_name && !s.role.empty() &&
                                 IsGiven(FirstTokenAt(s.span.begin));
          if (b - a <= 3 && !s.org && ((IsGiven(a) && TitleAt(a) == nullptr) || described)) {
            mentions_.push_back({s.span.begin, s.name, s.role, true});
          }
        }
      }
      // "the Pinal County Sheriff's Office": possessives may stand inside.
      if (a < b && b - a <= 6 && IsOrgHead(b - 1)) {
        std::string name(Span{toks_[a].span.begin, toks_[b - 1].span.end}.Slice(text_));
        mentions_.push_back({toks_[a].span.begin, std::move(name), "", false});
      }
      i = b;
    }
  }
}

// With stand_in_bodies, the organizations of the current paragraph a
// generic noun may stand for: a company by its legal form, joined to its
// name ("ООО «Сибтеплосеть»") or after capitalized words, name particles
// inside ("Strade di Levante S.p.A.", "Maquinaria Agrícola del Tormes,
// S.A."); an authority by a noun of kBody that stands for none
// ("Прокуратура Ленинского района …"), named in its dictionary form, lower
// case at a sentence's start.
void QuoteExtractor::Run::CollectNamedBodies() {
  auto add = [&](size_t from, std::string name, char kind) {
    const uint32_t offset = toks_[from].span.begin;
    named_bodies_.push_back({offset, doc_.SentenceAt(offset), std::move(name), kind});
  };
  for (size_t i = 0; i < toks_.size(); ++i) {
    if (!IsWord(i)) continue;
    if (IsLegalName(i)) {
      add(i, std::string(Word(i)), 'c');
      continue;
    }
    if (IsWordIn(i, QuoteWords::kLegalForm) && i > 0) {
      if (const size_t k = CompanyNameStart(i); k < i) {
        add(k, std::string(Span{toks_[k].span.begin, toks_[i].span.end}.Slice(text_)), 'c');
      }
      continue;
    }
    if (IsWordIn(i, QuoteWords::kBody) && StandInOf(LowerWord(i)) == 0) {
      std::string name = DictionaryForm(i);
      if (IsSentenceInitial(i)) name = LowerSameLength(name);
      add(i, std::move(name), 'a');
    }
  }
}

// Where the company name ending in the legal form at token i begins:
// capitalized words, name particles inside, a comma before the form
// ("Strade di Levante S.p.A.", "Maquinaria Agrícola del Tormes, S.A."),
// without an article or a generic noun opening it ("Firma Weser Reisen
// GmbH"); i when none is there.
size_t QuoteExtractor::Run::CompanyNameStart(size_t i) const {
  const size_t a = i > 0 && IsComma(i - 1) && !IsColon(i - 1) ? i - 1 : i;
  size_t k = a;
  while (k > 0 && IsWord(k - 1) &&
         (IsCapitalized(Word(k - 1)) ||
          (k > 1 && IsWord(k - 2) && IsCapitalized(Word(k - 2)) && k < a &&
           q_.particles_.Is(kParticleInNames, LowerWord(k - 1))))) {
    --k;
  }
  while (k < a && (IsWordIn(k, QuoteWords::kArticle) || StandInOf(LowerWord(k)) == 'c')) ++k;
  return k < a ? k : i;
}

// The organization of `kind` named last before `offset`, at most 12
// sentences back; else the only one of `kind` the document names; null when
// none or several are.
const QuoteExtractor::Run::NamedBody* QuoteExtractor::Run::NamedBodyBefore(uint32_t offset,
                                                                           char kind) const {
  const uint32_t here = doc_.SentenceAt(offset);
  for (size_t k = named_bodies_.size(); k > 0; --k) {
    const NamedBody& b = named_bodies_[k - 1];
    if (b.offset >= offset) continue;
    if (b.sentence + 12 < here) break;
    if (b.kind == kind) return &b;
  }
  // "в самой компании признают … По словам директора ООО «Сибтеплосеть»":
  // none before it, the only one of its kind the document names.
  const NamedBody* only = nullptr;
  for (const NamedBody& b : named_bodies_) {
    if (b.kind != kind) continue;
    if (only != nullptr && only->name != b.name) return nullptr;
    only = &b;
  }
  return only;
}

// Every other place a known person is named, titled or not ("Obama and
// Hollande joined ...", "Ocalan's whereabouts"), so that pronouns can refer
// to it.
void QuoteExtractor::Run::CollectPersonMentions() {
  std::unordered_set<std::string> surnames;
  for (const Mention& m : mentions_) {
    if (!m.person) continue;
    std::vector<std::string> words = SplitWords(m.name);
    if (!words.empty()) surnames.insert(words.back());
  }
  if (surnames.empty()) return;
  std::unordered_set<uint32_t> known;
  for (const Mention& m : mentions_) known.insert(m.offset);
  std::vector<Mention> more;
  for (size_t p = 0; p < doc_.paragraphs.size(); ++p) {
    LoadParagraph(p);
    for (size_t i = 0; i < toks_.size(); ++i) {
      size_t b = i;
      while (b < toks_.size() && IsWord(b) && IsCapitalized(Word(b))) ++b;
      if (b == i) continue;
      size_t a = i;
      while (a < b && (IsBlockedNameWord(LowerWord(a)) || TitleAt(a) != nullptr)) ++a;
      if (a < b && b - a <= 4 && !known.count(toks_[a].span.begin)) {
        const std::string last = WithoutPossessive(Word(b - 1));
        if (surnames.count(last)) {
          if (IsPossessive(Word(b - 1))) {
            std::string name(Span{toks_[a].span.begin, toks_[b - 1].span.begin}.Slice(text_));
            more.push_back({toks_[a].span.begin, name + last, "", true});
          } else {
            Subject s = ParseName(a, b);
            if (s.kind == Subject::Kind::kName)
              more.push_back({s.span.begin, s.name, s.role, true});
          }
        }
      }
      i = b;
    }
  }
  mentions_.insert(mentions_.end(), more.begin(), more.end());
}

// The fullest name in the document that ends with the words of `name`.
// When several differ ("Mollie Olgin", "Mario Olgin"), the one that speaks
// somewhere in the document; `name` itself when that does not decide.
std::string QuoteExtractor::Run::Canonical(const std::string& name,
                                           const std::string& honorific) const {
  // "Mr Wilson" is not "Jane Wilson".
  auto gender = [&](const std::string& w) {
    auto g = q_.genders_.find(LowerSameLength(w));
    return g == q_.genders_.end() ? '?' : g->second;
  };
  const char of_honorific = honorific.empty() ? '?' : gender(honorific);
  std::vector<std::string> words = SplitWords(name);
  if (words.empty()) return name;
  // full_names_ only grows: index the names added since the last call.
  for (; full_indexed_ < full_names_.size(); ++full_indexed_) {
    if (!full_seen_.insert(full_names_[full_indexed_]).second) continue;
    full_words_.push_back(SplitWords(full_names_[full_indexed_]));
    if (!full_words_.back().empty()) {
      full_by_last_[full_words_.back().back()].push_back(full_words_.size() - 1);
    }
  }
  std::vector<const std::vector<std::string>*> best;
  size_t best_size = words.size();
  // "по словам Пескова": a surname with a case ending (case_ending) is the
  // longest name the text gives ending in the surname without it.
  auto by_case = [&]() -> std::string {
    for (std::string_view ending : W().Of(QuoteWords::kCaseEnding)) {
      const std::string_view last = words.back();
      ending.remove_prefix(1);
      if (last.size() <= ending.size() + 2 || !last.ends_with(ending)) continue;
      auto base = full_by_last_.find(std::string(last.substr(0, last.size() - ending.size())));
      if (base == full_by_last_.end()) continue;
      const std::vector<std::string>* longest = nullptr;
      bool tie = false;
      for (size_t k : base->second) {
        const std::vector<std::string>& fw = full_words_[k];
        if (longest == nullptr || fw.size() > longest->size()) {
          longest = &fw, tie = false;
        } else if (fw.size() == longest->size() && fw != *longest) {
          tie = true;
        }
      }
      if (longest != nullptr && !tie && longest->size() >= words.size()) return JoinWords(*longest);
    }
    return name;
  };
  auto it = full_by_last_.find(words.back());
  if (it == full_by_last_.end()) return by_case();
  for (size_t k : it->second) {
    const std::vector<std::string>& fw = full_words_[k];
    if (fw.size() < best_size || fw.size() == words.size()) continue;
    if (!std::equal(words.rbegin(), words.rend(), fw.rbegin())) continue;
    if (of_honorific != '?' && gender(fw.front()) != '?' && gender(fw.front()) != of_honorific) {
      continue;
    }
    if (fw.size() > best_size) best.clear(), best_size = fw.size();
    best.push_back(&fw);
  }
  if (best.empty()) return by_case();
  if (best.size() == 1) return JoinWords(*best[0]);
  std::string found;
  for (const std::vector<std::string>* b : best) {
    std::string full = JoinWords(*b);
    if (!speakers_.count(full)) continue;
    if (!found.empty()) return name;
    found = std::move(full);
  }
  return found.empty() ? name : found;
}

// Resolves the speaker of found_[i]; false when it cannot be resolved or is
// a news outlet.
bool QuoteExtractor::Run::Resolve(size_t i, std::vector<bool>* done) {
  Found& f = found_[i];
  if ((*done)[i]) return !f.quote.speaker.empty();
  (*done)[i] = true;
  if (!f.subject.ok() && f.inherit_from < 0) return false;  // an open quote nobody took
  if (f.inherit_from >= 0) {
    if (!Resolve(static_cast<size_t>(f.inherit_from), done)) return false;
    const Found& from = found_[static_cast<size_t>(f.inherit_from)];
    f.quote.speaker = from.quote.speaker;
    f.quote.role = from.quote.role;
    f.quote.role_only = from.quote.role_only;
    return true;
  }
  const Subject& s = f.subject;
  // "La compañía asegura …", "в ведомстве": the organization of the
  // generic noun's kind named last before it (stand_in_bodies).
  // German writes the noun capitalized: "Das Unternehmen teilte mit" names
  // "Unternehmen".
  char stand_in = s.kind == Subject::Kind::kNominal && s.org
                      ? StandInOf(LowerSameLength(s.key))
                      : (s.kind == Subject::Kind::kName ? s.stand_in : 0);
  if (s.kind == Subject::Kind::kName && !s.body && s.name.find(' ') == std::string::npos) {
    stand_in = StandInOf(LowerSameLength(s.name));
  }
  if (stand_in != 0) {
    if (const NamedBody* named = NamedBodyBefore(s.span.begin, stand_in); named != nullptr) {
      f.quote.speaker = named->name;
      f.quote.speaker_span = s.span;
      return true;
    }
  }
  if (s.kind == Subject::Kind::kName) {
    const std::string speaker = Canonical(s.name, s.honorific);
    if (IsOutlet(speaker)) return false;
    f.quote.speaker = speaker;
    f.quote.speaker_span = s.span;
    f.quote.role = s.role;
    return true;
  }
  const Mention* best = FindReferent(f);
  if (best == nullptr) {
    // "The Portland police chief said ...; but he also said ...": a
    // description naming nobody we know; a pronoun after it means the same
    // nobody.
    if (s.kind == Subject::Kind::kNominal && !s.org) {
      resolved_.push_back({s.span.begin, "", "", false, true, doc_.SentenceAt(s.span.begin)});
      resolved_.back().pronouns = 'b';
      // "…, a déclaré le directeur général" (pile_roles): the role speaks,
      // for BuildSpeakers to find across the pile; not a title that names
      // nobody by itself ("le porte-parole").
      const Title* title = TitleOf(s.key);
      if (q_.grammar_.pile_roles && title != nullptr && !title->unnamed && !title->honorific) {
        f.quote.speaker = s.role;
        f.quote.role = s.role;
        f.quote.role_only = true;
        f.quote.speaker_span = s.span;
        // A pronoun after it means the same role ("Il a rappelé que …").
        Mention& m = resolved_.back();
        m.name = s.role;
        m.words = SplitWords(s.role);
        m.person = true;
        m.pronouns = 0;
        m.role_only = true;
        return true;
      }
    }
    return false;
  }
  f.quote.speaker = Canonical(best->name, best->honorific);
  if (best->role_only) {  // a pronoun for a role-only speaker (pile_roles)
    f.quote.speaker = best->name;
    f.quote.role = best->name;
    f.quote.role_only = true;
  }
  // "„…“, sagte die Senatorin" (title_after_verb): the role the text gave
  // the one it means ("Hafensenatorin Anna Keller").
  if (q_.grammar_.title_after_verb && s.kind == Subject::Kind::kNominal && !s.org &&
      f.quote.role.empty()) {
    f.quote.role = best->role;
  }
  // Later pronouns may refer to this speaker too ("The Idaho congressman has
  // said ... He has said ...").
  Mention m = *best;
  m.offset = s.span.begin;
  m.sentence = doc_.SentenceAt(s.span.begin);
  m.speaker = true;
  resolved_.push_back(std::move(m));
  return true;
}

// A pronoun or a description ("he", "the minister", "the company"): a
// person or body named before it, outside the quote itself (a speaker does
// not name himself: '"With President Obama, we ...," he said'), at most
// kReach sentences back. The nearest sentence naming one wins; in it, the
// one who speaks there (the last of them), else the first name, which is
// most often the subject ("Obama and Hollande met Ban Ki-moon."). "he" and
// "she" take people of no other gender; "they" only organizations; "the
// minister" one whose role ends in that title, else, unless the title names
// nobody by itself ("the spokesman"), the nearest person; "the company" an
// organization whose name ends like the description.
const QuoteExtractor::Run::Mention* QuoteExtractor::Run::FindReferent(const Found& f) const {
  constexpr uint32_t kReach = 12;
  const Subject& s = f.subject;
  const uint32_t at = s.span.begin;
  const uint32_t here = doc_.SentenceAt(at);
  const std::string_view quoted = f.quote.span.Slice(text_);
  // A reported clause may name its speaker ("Labrador supports ..., he has
  // said"), unless it opens by calling him "he".
  const size_t opening = quoted.find_first_of(" ,");
  const std::string opener = LowerSameLength(quoted.substr(0, opening));
  const char opener_pronoun = W().PronounOf(opener);
  const bool gendered = opener_pronoun == 'm' || opener_pronoun == 'f';
  const bool self_named =
      f.quote.kind == Quote::Kind::kDirect || f.quote.kind == Quote::Kind::kPartial || gendered;
  // A reported clause opening with "he" or "she" most often means the speaker.
  const char clause_gender =
      f.quote.kind == Quote::Kind::kReported && gendered ? opener_pronoun : 0;
  const bool nominal = s.kind == Subject::Kind::kNominal;
  const Title* title = nominal && !s.org ? TitleOf(s.key) : nullptr;
  auto fits = [&](const Mention& m, bool by_role) {
    if (m.offset >= at) return false;
    if (m.name.empty()) {  // someone unnamed: AddUnnamed
      return s.kind == Subject::Kind::kPronoun &&
             (m.pronouns == s.pronoun ||
              (m.pronouns == 'b' && (s.pronoun == 'm' || s.pronoun == 'f')));
    }
    if (m.words.empty() || IsOutlet(JoinWords(m.words))) return false;
    // Nobody names himself in his own words: '"With President Obama, we
    // ...," he said', "He said he thought Morsi had failed".
    if (self_named && m.offset >= f.quote.span.begin && m.offset < f.quote.span.end) return false;
    if (self_named && std::any_of(m.words.begin(), m.words.end(), [&](const std::string& w) {
          return w.size() > 2 && quoted.find(w) != std::string_view::npos;
        })) {
      return false;
    }
    if (s.kind == Subject::Kind::kPronoun) {
      // "they" an organization named in this sentence or the one before
      // (not "They sued the NCAA" for a court named further back).
      if (s.pronoun == 'p') return !m.person && m.sentence + 1 >= here;
      // "it" an organization that spoke opening the sentence before ("Turkey
      // had demanded that ... It also demanded that ...").
      if (s.pronoun == 'n') {
        const std::string first = LowerSameLength(m.words.front());
        const bool someone =
            m.person && (m.titled || !m.honorific.empty() || q_.genders_.count(first) > 0 ||
                         q_.given_.count(first) > 0);
        return !someone && m.speaker && m.opens && m.sentence + 1 >= here;
      }
      if (!m.person) return false;
      // "He met Obama. ... he said": in a sentence opened by the same
      // pronoun, the others named are not who it means.
      if (!m.speaker && opened_by_[m.sentence] == s.pronoun) return false;
      auto g =
          q_.genders_.find(m.honorific.empty() ? LowerSameLength(m.words.front()) : m.honorific);
      return g == q_.genders_.end() || g->second == (s.pronoun == 'f' ? 'f' : 'm');
    }
    if (s.org) {  // "the wildlife service": "Kenya Wildlife Service"; "the firm": any
      const std::string name = LowerSameLength(m.name);
      if (m.person) return false;
      // "the firm" alone: an organization that speaks or opens a sentence.
      if (!by_role) return s.role == s.key && (m.speaker || m.opens);
      return name == s.role || name.ends_with(" " + s.role) ||
             (s.role == s.key && name.ends_with(" " + s.key));
    }
    if (!m.person) return false;
    if (clause_gender != 0) {  // "the senator said he was ..."
      auto g =
          q_.genders_.find(m.honorific.empty() ? LowerSameLength(m.words.front()) : m.honorific);
      if (g != q_.genders_.end() && g->second != clause_gender) return false;
    }
    if (!by_role) return m.titled;
    if (q_.grammar_.compound_titles) {  // "Hafensenatorin" for "die Senatorin"
      return LowerSameLength(m.role).ends_with(LowerSameLength(s.key));
    }
    const std::string role = AsciiLower(m.role);
    // "la consejera": "consejera de Medio Ambiente" (title_first_roles); "le
    // directeur général": "directeur général de Logistique Rhône".
    if (q_.grammar_.title_first_roles &&
        (LowerSameLength(m.role).starts_with(LowerSameLength(s.key) + " ") ||
         LowerSameLength(m.role).starts_with(LowerSameLength(s.role) + " "))) {
      return true;
    }
    return role == s.key || role.ends_with(" " + s.key);
  };
  auto search = [&](bool by_role) -> const Mention* {
    const Mention* best = nullptr;
    uint32_t best_sentence = 0;
    auto consider = [&](const Mention& m) {
      if (!fits(m, by_role)) return;
      if (best != nullptr) {
        if (m.sentence < best_sentence) return;
        if (m.sentence == best_sentence) {
          if (best->speaker && !m.speaker) return;
          if (best->speaker == m.speaker &&
              (m.speaker ? m.offset < best->offset : m.offset > best->offset)) {
            return;
          }
        }
      }
      best = &m;
      best_sentence = m.sentence;
    };
    // Mentions are sorted by offset: walk back from the pronoun.
    auto it = std::lower_bound(mentions_.begin(), mentions_.end(), at,
                               [](const Mention& m, uint32_t o) { return m.offset < o; });
    while (it != mentions_.begin()) {
      --it;
      if (it->sentence + kReach < here) break;
      if (best != nullptr && it->sentence < best_sentence) break;
      consider(*it);
    }
    for (size_t k = resolved_.size(); k > 0; --k) {
      const Mention& m = resolved_[k - 1];
      if (m.sentence + kReach < here) break;
      consider(m);
    }
    return best;
  };
  const Mention* best = nullptr;
  if (!nominal) {
    best = search(false);
  } else {
    best = search(true);
    if (best == nullptr && !(title != nullptr && title->unnamed) && !s.by_role_only) {
      best = search(false);
    }
  }
  return best != nullptr && !best->name.empty() ? best : nullptr;
}

std::vector<Quote> QuoteExtractor::Run::Extract() {
  if (doc_.sentences.empty()) return {};
  paragraph_sentences_.assign(doc_.paragraphs.size(), {0, 0});
  for (uint32_t si = static_cast<uint32_t>(doc_.sentences.size()); si > 0; --si) {
    const int32_t p = doc_.sentences[si - 1].paragraph;
    if (p < 0 || static_cast<size_t>(p) >= paragraph_sentences_.size()) continue;
    auto& range = paragraph_sentences_[static_cast<size_t>(p)];
    if (range.second == 0) range.second = si;
    range.first = si - 1;
  }
  opened_by_.assign(doc_.sentences.size(), 0);
  for (size_t si = 0; si < doc_.sentences.size(); ++si) {
    const Sentence& s = doc_.sentences[si];
    sentence_starts_.insert(TrimSpan(text_, s.span).begin);
    if (s.token_begin < s.token_end && s.token_end <= doc_.tokens.size()) {
      const std::string& first = doc_.tokens[s.token_begin].lower;
      const char pronoun = W().PronounOf(first);
      if (pronoun == 'm' || pronoun == 'f') opened_by_[si] = pronoun;
    }
  }
  for (size_t p = 0; p < doc_.paragraphs.size(); ++p) {
    LoadParagraph(p);
    for (size_t i = 0; i < toks_.size(); ++i) {
      if (IsWord(i) && IsCapitalized(Word(i)) && !IsSentenceInitial(i) && i > 0 &&
          toks_[i - 1].type != TokType::kStop) {
        inner_capitals_.emplace(Word(i));
      }
    }
  }
  CollectMentions();
  for (size_t p = 0; p < doc_.paragraphs.size(); ++p) DoParagraph(p);
  for (const Found& f : found_) {
    if (f.subject.kind != Subject::Kind::kName) continue;
    // A body named by its kind ("la Junta", "мэрия") is no referent for
    // another description ("la compañía").
    if (f.subject.body) continue;
    mentions_.push_back(
        {f.subject.span.begin, f.subject.name, f.subject.role, !f.subject.org, true});
    mentions_.back().honorific = f.subject.honorific;
    full_names_.push_back(f.subject.name);
    speakers_.insert(f.subject.name);
  }
  CollectPersonMentions();
  std::unordered_set<std::string> titled;  // people given a function somewhere
  for (Mention& m : mentions_) {
    const std::string full = Canonical(m.name, m.honorific);
    m.words = SplitWords(full);
    m.sentence = doc_.SentenceAt(m.offset);
    if (m.person && HasFunctionTitle(m.role)) titled.insert(full);
  }
  for (Mention& m : mentions_) {
    m.titled = titled.count(JoinWords(m.words)) > 0;
    const uint32_t start = TrimSpan(text_, doc_.sentences[m.sentence].span).begin;
    const std::string before =
        AsciiLower(text_.substr(start, m.offset - std::min(m.offset, start)));
    m.opens = before.empty() || (before.size() > 1 && before.back() == ' ' &&
                                 W().Is(std::string_view(before).substr(0, before.size() - 1),
                                        QuoteWords::kDefiniteArticle));
  }
  std::stable_sort(mentions_.begin(), mentions_.end(),
                   [](const Mention& x, const Mention& y) { return x.offset < y.offset; });
  std::vector<bool> done(found_.size(), false);
  std::vector<Quote> out;
  for (size_t i = 0; i < found_.size(); ++i) {
    if (!Resolve(i, &done)) continue;
    out.push_back(found_[i].quote);
    if (!found_[i].subject.also.empty()) {  // "Putin and Hollande said ..."
      Quote q = found_[i].quote;
      q.speaker = Canonical(found_[i].subject.also);
      q.role.clear();
      q.role_only = false;
      out.push_back(std::move(q));
    }
  }
  for (size_t t = 0; t < doc_.turns.size(); ++t) {
    const Turn& turn = doc_.turns[t];
    if (turn.is_question) continue;
    Quote q;
    q.kind = Quote::Kind::kTurn;
    q.span = turn.span;
    q.speaker = Canonical(turn.speaker);
    q.role = turn.role;
    bool has_sentence = false;
    for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
      if (doc_.sentences[si].turn == static_cast<int32_t>(t)) {
        q.sentence = si;
        q.span.begin = doc_.sentences[si].span.begin;  // after "(Via interpreter)"
        has_sentence = true;
        break;
      }
    }
    if (has_sentence) out.push_back(std::move(q));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Quote& x, const Quote& y) { return x.span.begin < y.span.begin; });
  DropFragmentsOfClauses(&out);
  return out;
}

// A quoted fragment inside a reported clause of the same speaker is part of
// that clause ('Brandt cautioned that it was "far too early" to ...').
void QuoteExtractor::Run::DropFragmentsOfClauses(std::vector<Quote>* quotes) {
  std::vector<const Quote*> open;  // reported clauses not yet ended, in text order
  std::vector<bool> drop(quotes->size(), false);
  for (size_t i = 0; i < quotes->size(); ++i) {
    const Quote& q = (*quotes)[i];
    std::erase_if(open, [&](const Quote* r) { return r->span.end <= q.span.begin; });
    if (q.kind == Quote::Kind::kDirect || q.kind == Quote::Kind::kPartial) {
      drop[i] = std::any_of(open.begin(), open.end(), [&](const Quote* r) {
        return r->speaker == q.speaker && q.span.end <= r->span.end;
      });
    } else if (q.kind == Quote::Kind::kReported) {
      open.push_back(&q);
    }
  }
  size_t kept = 0;
  for (size_t i = 0; i < quotes->size(); ++i) {
    if (drop[i]) continue;
    if (kept != i) (*quotes)[kept] = std::move((*quotes)[i]);
    ++kept;
  }
  quotes->resize(kept);
}

std::vector<Quote> QuoteExtractor::Extract(const Document& doc) const {
  Run run(*this, doc);
  return run.Extract();
}

}  // namespace dossier
