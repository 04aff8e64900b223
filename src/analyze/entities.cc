#include "analyze/entities.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <numeric>
#include <utility>

#include "analyze/name_forms.h"
#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {

using name_forms::AcronymLetters;
using name_forms::AcronymNoteFollows;
using name_forms::AllAsciiUpper;
using name_forms::ApostropheThenSpaces;
using name_forms::DisplayForm;
using name_forms::GapWords;
using name_forms::HasLower;
using name_forms::IsAcronym;
using name_forms::IsAlOrEl;
using name_forms::IsDottedInitials;
using name_forms::IsHyphenSuffixWord;
using name_forms::IsInitial;
using name_forms::IsNameNoun;
using name_forms::IsNameWord;
using name_forms::IsParticle;
using name_forms::IsPlainAscii;
using name_forms::IsRomanNumeral;
using name_forms::NameKey;
using name_forms::NamesSame;
using name_forms::OnlySpaces;
using name_forms::PeriodThenSpaces;
using name_forms::StartsAlpha;
using name_forms::StartsUpper;
using name_forms::StripPossessive;

namespace {

constexpr uint32_t kNone = UINT32_MAX;

// Union-find over form ids. Each set carries the alias entry of its forms,
// and sets of two different entries never merge.
class Sets {
 public:
  explicit Sets(std::vector<uint32_t> label) : parent_(label.size()), label_(std::move(label)) {
    std::iota(parent_.begin(), parent_.end(), 0u);
  }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  uint32_t Label(uint32_t x) { return label_[Find(x)]; }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (label_[a] != kNone && label_[b] != kNone && label_[a] != label_[b]) return;
    const uint32_t root = std::min(a, b);  // the earlier form stays root
    label_[root] = label_[a] != kNone ? label_[a] : label_[b];
    parent_[std::max(a, b)] = root;
  }

 private:
  std::vector<uint32_t> parent_;
  std::vector<uint32_t> label_;
};

// Whether all of `forms` are in one set; that set's root.
bool OneSet(Sets* sets, const std::vector<uint32_t>& forms, uint32_t* root) {
  *root = sets->Find(forms[0]);
  for (uint32_t f : forms) {
    if (sets->Find(f) != *root) return false;
  }
  return true;
}

// `longer` is `shorter` with one letter inserted before its last letter,
// and `shorter` has 5 letters or more: "barak" / "barack".
bool OneLetterInserted(std::string_view shorter, std::string_view longer) {
  if (shorter.size() < 5 || longer.size() != shorter.size() + 1) return false;
  size_t i = 0;
  while (i < shorter.size() && shorter[i] == longer[i]) ++i;
  return i < shorter.size() && longer.substr(i + 1) == shorter.substr(i);
}

std::string_view FirstWord(std::string_view key) { return key.substr(0, key.find(' ')); }
std::string_view LastWord(std::string_view key) { return key.substr(key.rfind(' ') + 1); }

}  // namespace

// The state of one Extract() call.
class EntityExtractor::Run {
 public:
  Run(const EntityExtractor& x, const Cluster& cluster, const std::vector<bool>* include)
      : x_(x), cluster_(cluster), include_(include) {}

  bool Included(size_t d) const {
    return include_ == nullptr || d >= include_->size() || (*include_)[d];
  }

  std::vector<Entity> Extract() {
    Survey();
    for (uint32_t d = 0; d < cluster_.documents.size(); ++d) {
      if (Included(d)) ScanDocument(d);
    }
    if (forms_.empty()) return {};
    // "Dr. Bangalore" is a person, whatever places.txt says.
    for (Form& f : forms_) {
      if (f.titled && f.key_words == 1 && !f.acronym && IsKnownPlace(f)) {
        f.entry = kNone;
        f.demonym = false;
      }
    }
    std::vector<uint32_t> labels(forms_.size());
    for (uint32_t f = 0; f < forms_.size(); ++f) labels[f] = forms_[f].entry;
    Sets sets(std::move(labels));
    MergeByAliasFile(&sets);
    MergeByText(&sets);
    MergeByKey(&sets);
    MergeMiddleInitials(&sets);
    MergeAcronyms(&sets);
    MergeSpellingVariants(&sets);
    MergeSurnames(&sets);
    MergeFirstNames(&sets);
    return Build(&sets);
  }

 private:
  struct Form {
    std::string text;  // as displayed: "Vladimir Putin", "RTSO", "Bashar al-Assad"
    // Merge key: NameKey of the words without particles written in lower
    // case or an "al-" prefix ("bashar assad").
    std::string key;
    std::string no_initials;  // the key without middle initials, if it has any
    uint32_t words = 0;       // words written
    uint32_t key_words = 0;   // words of `key`
    uint32_t entry = kNone;   // alias entry (name or demonym)
    bool acronym = false;
    bool demonym = false;
    bool titled = false;    // a title preceded one of its mentions
    bool given = false;     // 2-3 key words, the first a given name, no head word
    std::string head_type;  // of its head word, or empty
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
    std::string key;  // NameKey(text)
    bool possessive = false;
    bool sentence_initial = false;
    bool is_stopword = false;
    bool cap = false;  // a name word (IsNameWord, and the headline rule)
  };
  using Words = std::vector<Word>;

  // --- Looking words up ---------------------------------------------------

  bool KnownKey(const std::string& key) const {
    return x_.aliases_.count(key) > 0 || x_.demonyms_.count(key) > 0;
  }
  bool IsDemonym(const std::string& key) const { return x_.demonyms_.count(key) > 0; }
  bool IsPlaceWord(const std::string& key) const {
    if (IsDemonym(key)) return true;
    auto it = x_.aliases_.find(key);
    return it != x_.aliases_.end() && x_.alias_entries_[it->second].type == "place";
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
  bool IsOrgHead(const std::string& key) const {
    const std::string* t = HeadType(key);
    return t != nullptr && (*t == "organization" || *t == "group");
  }
  bool IsTitle(const std::string& key, bool* honorific) const {
    auto it = x_.titles_.find(key);
    if (it == x_.titles_.end()) return false;
    *honorific = it->second;
    return true;
  }
  bool IsTitle(const std::string& key) const {
    bool honorific = false;
    return IsTitle(key, &honorific);
  }

  // --- Words of a sentence ------------------------------------------------

  std::string_view Gap(std::string_view text, const Words& w, size_t a, size_t b) const {
    return text.substr(w[a].raw_end, w[b].span.begin - w[a].raw_end);
  }

  void SentenceWords(const Document& doc, const Sentence& s, Words* words) const {
    std::string_view text = doc.text;
    words->clear();
    words->reserve(s.token_end - s.token_begin);
    for (uint32_t i = s.token_begin; i < s.token_end && i < doc.tokens.size(); ++i) {
      const Token& t = doc.tokens[i];
      Word w;
      std::string_view raw = t.span.Slice(text);
      w.text = StripPossessive(raw);
      w.possessive = w.text.size() != raw.size();
      w.span = Span{t.span.begin, static_cast<uint32_t>(t.span.begin + w.text.size())};
      w.raw_end = t.span.end;
      w.key = !w.possessive && IsPlainAscii(raw) ? t.lower : NameKey(w.text);
      w.is_stopword = t.is_stopword;
      w.cap = IsNameWord(w.text) || (IsDottedInitials(w.text) && !KnownKey(w.key));
      if (words->empty()) {
        w.sentence_initial = true;
      } else {
        // After an opening quote or bracket, a colon or a dash.
        std::string_view gap = TrimWhitespace(
            text.substr(words->back().raw_end, w.span.begin - words->back().raw_end));
        w.sentence_initial = EndsWith(gap, "\"") || EndsWith(gap, "\xE2\x80\x9C") ||
                             EndsWith(gap, ":") || EndsWith(gap, "\xE2\x80\x94") ||
                             EndsWith(gap, "(");
      }
      words->push_back(std::move(w));
    }
  }

  // Three or more content words, all capitalized (acronyms aside).
  bool IsHeadline(std::string_view text, const Words& words) const {
    int content = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      const Word& w = words[i];
      if (w.is_stopword || !StartsAlpha(w.text) || IsAcronym(w.text)) continue;
      if (i > 0 && Gap(text, words, i - 1, i) == "-") continue;  // "Co-ordinate"
      if (!StartsUpper(w.text)) return false;
      ++content;
    }
    return content >= 3;
  }

  // Three or more words of letters, none with a lower-case letter.
  static bool IsShouting(const Words& words) {
    int caps = 0;
    for (const Word& w : words) {
      if (!StartsAlpha(w.text)) continue;
      if (HasLower(w.text)) return false;
      ++caps;
    }
    return caps >= 3;
  }

  // Words written in lower case; words capitalized away from sentence starts
  // and headlines; and of those, the ones that start a run there.
  // Also keeps the words of every sentence for ScanDocument.
  void Survey() {
    words_.resize(cluster_.documents.size());
    for (size_t d = 0; d < cluster_.documents.size(); ++d) {
      if (!Included(d)) continue;
      const Document& doc = cluster_.documents[d];
      for (const Token& t : doc.tokens) {
        std::string_view w = t.span.Slice(doc.text);
        // Not after a hyphen: "un" of "Jong-un" is no word of the text.
        const bool after_hyphen = t.span.begin > 0 && doc.text[t.span.begin - 1] == '-';
        if (!w.empty() && IsAsciiLower(w[0]) && !after_hyphen) {
          lowercase_.insert(IsPlainAscii(w) ? t.lower : NameKey(StripPossessive(w)));
        }
      }
      words_[d].resize(doc.sentences.size());
      for (size_t si = 0; si < doc.sentences.size(); ++si) {
        Words& words = words_[d][si];
        SentenceWords(doc, doc.sentences[si], &words);
        if (!IsShouting(words)) {
          for (const Word& w : words) {
            if (IsAcronym(w.text)) acronyms_running_.insert(w.key);
          }
        }
        if (IsHeadline(doc.text, words)) continue;
        for (size_t i = 0; i < words.size(); ++i) {
          const Word& w = words[i];
          if (!w.cap || w.sentence_initial) continue;
          cap_running_.insert(w.key);
          if (i == 0 || !words[i - 1].cap || !OnlySpaces(Gap(doc.text, words, i - 1, i))) {
            starts_run_.insert(w.key);
          }
        }
      }
    }
  }

  // --- Finding mentions ---------------------------------------------------

  void ScanDocument(uint32_t d) {
    const Document& doc = cluster_.documents[d];
    std::string_view text = doc.text;
    const size_t first_mention = mentions_.size();
    for (Words& words : words_[d]) {
      if (IsHeadline(text, words)) {
        // A headline capitalizes common words ("Urges", "Strikes"); in one,
        // only words capitalized in running text or known are names.
        auto common = [&](const Word& w) {
          return w.cap && !cap_running_.count(w.key) && !KnownKey(w.key);
        };
        auto lower_elsewhere = [&](const Word& w) { return lowercase_.count(w.key) > 0; };
        if (std::any_of(words.begin(), words.end(),
                        [&](const Word& w) { return common(w) && lower_elsewhere(w); })) {
          for (Word& w : words) {
            if (common(w)) w.cap = false;
          }
        }
      }
      ScanSentence(d, text, words);
    }
    FindPairs(text, first_mention);
  }

  void ScanSentence(uint32_t d, std::string_view text, const Words& words) {
    const bool shouting = IsShouting(words);
    size_t i = 0;
    while (i < words.size()) {
      const Word& w = words[i];
      const bool amp_next = i + 1 < words.size() && Gap(text, words, i, i + 1) == "&" &&
                            AllAsciiUpper(words[i + 1].text);
      if ((IsAcronym(w.text) && !w.cap) ||
          (amp_next && w.text.size() == 1 && IsAsciiUpper(w.text[0]))) {
        i = ScanAcronym(d, text, words, i, shouting);
        continue;
      }
      if (!w.cap) {
        ++i;
        continue;
      }
      const size_t end = ExtendRun(text, words, i);
      // "al-Qaida", "al-Assad": a lower-case "al-" before the run joins it.
      const bool al = i > 0 && IsAlOrEl(words[i - 1].key) && !words[i - 1].cap &&
                      Gap(text, words, i - 1, i) == "-";
      EmitRun(d, text, words, al ? i - 1 : i, end);
      i = end;
    }
  }

  // An acronym, with "&" and capitals after it ("AT&T"). Returns the next word.
  size_t ScanAcronym(uint32_t d, std::string_view text, const Words& words, size_t i,
                     bool shouting) {
    const Word& w = words[i];
    size_t end = i + 1;
    while (!words[end - 1].possessive && end < words.size() &&
           Gap(text, words, end - 1, end) == "&" && AllAsciiUpper(words[end].text)) {
      ++end;
    }
    Span span{w.span.begin, words[end - 1].span.end};
    std::string form(span.Slice(text));
    if (end == i + 1 && IsRomanNumeral(form)) return end;
    const std::string key = NameKey(form);
    // An acronym whose letters spell a stopword ("US", "IT") only when the
    // alias file knows it.
    const bool known = x_.aliases_.count(key) > 0;
    // Nor a head word ("PLC"), nor, in a shouting line, one the cluster
    // does not write elsewhere ("THE WHITE HOUSE").
    if (HeadType(key) || (shouting && !known && !acronyms_running_.count(key))) return end;
    if (!x_.stopwords_.count(key) && (end > i + 1 || !w.is_stopword || known)) {
      bool titled = i > 0 && IsTitle(words[i - 1].key) && !HonorificBefore(words, i);
      AddForm(d, span, std::move(form), key, 1, 1, false, /*acronym=*/true, titled, "", "");
    }
    return end;
  }

  bool HonorificBefore(const Words& words, size_t i) const {
    bool honorific = false;
    return i > 0 && IsTitle(words[i - 1].key, &honorific) && honorific;
  }

  // The end of the run of name words starting at `i`.
  size_t ExtendRun(std::string_view text, const Words& words, size_t i) const {
    const bool saint = words[i].key == "st" || words[i].key == "saint";
    size_t end = i + 1;
    while (end < words.size()) {
      const Word& prev = words[end - 1];
      const Word& next = words[end];
      const std::string_view gap = Gap(text, words, end - 1, end);
      const bool space = OnlySpaces(gap);
      const bool next_name = next.cap && (!IsAcronym(next.text) || IsDottedInitials(next.text));
      if (prev.possessive) {
        if (saint && space && next_name) {  // "St. Brendan's Hospital"
          ++end;
          continue;
        }
        break;
      }
      if (next_name) {
        if (space) {
          ++end;
          continue;
        }
        // Not "R-Va" either.
        if (gap == "-" &&
            (IsAlOrEl(prev.key) || (!IsPlaceWord(prev.key) && !IsPlaceWord(next.key) &&
                                    prev.text.size() > 1 && next.text.size() > 1))) {
          ++end;  // "Jean-Claude", "Al-Haj"; not "Syria-Turkey"
          continue;
        }
        if (PeriodThenSpaces(gap) &&
            (IsInitial(prev.text) || prev.key == "st" || prev.key == "mt" || prev.key == "ft")) {
          ++end;  // "George W. Bush", "St. Louis"
          continue;
        }
        if (ApostropheThenSpaces(gap) && EndsWith(prev.text, "s") && IsOrgHead(next.key)) {
          ++end;  // "Ferry Workers' Union"
          continue;
        }
        if (TrimWhitespace(gap) == "&" && gap.size() >= 3 &&
            (IsOrgHead(next.key) || end - i >= 3)) {
          ++end;  // "Ross & Co", "Kleiner Perkins Caufield & Byers"
          continue;
        }
        break;
      }
      // "Kim Jong-un", "Ban Ki-moon": a short lower-case ending after a
      // hyphen, in a run of two words or more, that the text does not use
      // as a word.
      if (gap == "-" && end - i >= 2 && prev.cap && !next.possessive && next.text.size() >= 2 &&
          next.text.size() <= 4 && std::all_of(next.text.begin(), next.text.end(), IsAsciiLower) &&
          !IsHyphenSuffixWord(next.key) && (next.text.size() <= 2 || !lowercase_.count(next.key))) {
        ++end;
        break;
      }
      // "and" inside a known name: "Securities and Exchange Commission".
      if (space && next.key == "and" && end + 1 < words.size() && words[end + 1].cap &&
          OnlySpaces(Gap(text, words, end, end + 1))) {
        size_t far = end + 2;
        while (far < words.size() && far - i < 8 && words[far].cap &&
               OnlySpaces(Gap(text, words, far - 1, far))) {
          ++far;
        }
        // The longest known name through "and" that starts inside the run.
        size_t known_end = 0;
        for (size_t st = i; st < end && known_end == 0; ++st) {
          for (size_t e = far; e > end + 1 && known_end == 0; --e) {
            if (KnownRun(text, words, st, e)) known_end = e;
          }
        }
        if (known_end != 0) {
          end = known_end;
          continue;
        }
      }
      // Joiners: particles ("de", "al-") and "of (the)" after a head word.
      if (end + 1 < words.size() && (space || (gap == "-" && IsAlOrEl(next.key)))) {
        const std::string_view gap2 = Gap(text, words, end, end + 1);
        const bool space2 = OnlySpaces(gap2) || (IsAlOrEl(next.key) && gap2 == "-");
        if (space2 && words[end + 1].cap && !next.possessive && !next.cap) {
          if (IsParticle(next.key) && space) {
            end += 2;
            continue;
          }
          if (next.key == "of" && HeadType(prev.key)) {
            end += 2;
            continue;
          }
        }
        if (space && next.key == "of" && end + 2 < words.size() && words[end + 1].key == "the" &&
            HeadType(prev.key) && words[end + 2].cap &&
            OnlySpaces(Gap(text, words, end + 1, end + 2))) {
          end += 3;
          continue;
        }
      }
      break;
    }
    return end;
  }

  // Splits words [begin, end) at entity stopwords and emits the parts.
  void EmitRun(uint32_t d, std::string_view text, const Words& words, size_t begin, size_t end) {
    size_t s = begin;
    while (s < end) {
      size_t e = s;
      while (e < end && !(words[e].cap && x_.stopwords_.count(words[e].key))) ++e;
      if (e > s) EmitPart(d, text, words, s, e);
      s = e + 1;
    }
  }

  // The head word's type of words [s, e): the word before "of", else the
  // last word; nullptr when neither is a head word.
  const std::string* NameHead(const Words& words, size_t s, size_t e) const {
    for (size_t k = s + 1; k + 1 < e; ++k) {
      if (words[k].key == "of") {
        if (const std::string* t = HeadType(words[k - 1].key)) return t;
      }
    }
    return HeadType(words[e - 1].key);
  }

  std::string RunKey(std::string_view text, const Words& words, size_t s, size_t e) const {
    return NameKey(text.substr(words[s].span.begin, words[e - 1].span.end - words[s].span.begin));
  }

  bool KnownRun(std::string_view text, const Words& words, size_t s, size_t e) const {
    return e - s <= 6 && KnownKey(RunKey(text, words, s, e));
  }

  // Words [s, cut) dropped before a name: kept as a mention when they are
  // a known form, else their first word when it is a known word.
  void EmitKnownPrefix(uint32_t d, std::string_view text, const Words& words, size_t s,
                       size_t cut) {
    if (cut <= s) return;
    if (KnownRun(text, words, s, cut)) {
      AddMention(d, text, words, s, cut, false, "");
    } else if (words[s].cap && KnownKey(words[s].key)) {
      AddMention(d, text, words, s, s + 1, false, "");
    }
  }

  void EmitPart(uint32_t d, std::string_view text, const Words& words, size_t s, size_t e) {
    // 1. Leading stopwords ("The", "But", "An").
    while (s < e && words[s].is_stopword && words[s].cap) ++s;
    if (s >= e) return;
    const std::string* head = NameHead(words, s, e);
    const bool headed = head != nullptr;
    const bool org_headed = headed && (*head == "organization" || *head == "group");
    // 2. Titles: everything up to the last title word followed by a name,
    // unless an organization head word makes them part of the name
    // ("General Motors").
    bool person = false;
    std::string honorific_form;
    bool honorific = false;
    size_t last_title = e;
    if (!org_headed) {
      size_t first_title = e;
      for (size_t k = s; k + 1 < e; ++k) {
        if (IsTitle(words[k].key, &honorific)) {
          if (first_title == e) first_title = k;
          last_title = k;
          honorific_form = honorific ? std::string(words[k].text) : "";
        }
      }
      if (last_title != e) {
        EmitKnownPrefix(d, text, words, s, first_title);
        s = last_title + 1;
        person = true;
      }
    }
    if (last_title == e && s > 0 && IsTitle(words[s - 1].key, &honorific)) {
      // "Dr. Amal Reyes", not "Minister, Calloway Strand Engineering".
      std::string_view gap = Gap(text, words, s - 1, s);
      if (OnlySpaces(gap) || PeriodThenSpaces(gap)) {
        person = true;
        std::string_view t = words[s - 1].text;
        if (EndsWith(t, ".")) t.remove_suffix(1);
        if (honorific && words[s - 1].cap) honorific_form = std::string(t);
      }
    }
    if (!org_headed) {
      // 3. A trailing title: "Turkish President" -> "Turkish"; "Prime
      // Minister" and a lone title are no names; "Stephen King" stays.
      if (e > s && IsTitle(words[e - 1].key)) {
        bool all_known = true;
        bool all_common = true;
        for (size_t k = s; k + 1 < e; ++k) {
          all_known = all_known && KnownKey(words[k].key);
          all_common = all_common && (lowercase_.count(words[k].key) > 0 || IsTitle(words[k].key));
        }
        if (all_common) return;
        // "Turkish President", "Richland County Sheriff".
        if (all_known || KnownRun(text, words, s, e - 1) || NameHead(words, s, e - 1)) --e;
      }
    }
    if (e - s >= 3 && (words[e - 1].key == "jr" || words[e - 1].key == "sr")) --e;
    // Trailing particles, "of", stopwords ("Space Station The").
    while (e > s &&
           ((!words[e - 1].cap && (IsParticle(words[e - 1].key) || words[e - 1].key == "of" ||
                                   words[e - 1].key == "the")) ||
            (words[e - 1].cap && words[e - 1].is_stopword))) {
      --e;
    }
    if (s >= e) return;
    // 4. A sentence-initial word that is no name ("Naturally", "Regarding
    // Turkey").
    if (words[s].sentence_initial && !KnownKey(words[s].key) && !KnownRun(text, words, s, e)) {
      const bool lower = lowercase_.count(words[s].key) > 0;
      const bool capped = cap_running_.count(words[s].key) > 0;
      if (e - s == 1) {
        if (lower || !capped) return;
      } else if (!IsGiven(words[s].key) && !capped && lower && words[s + 1].cap &&
                 starts_run_.count(words[s + 1].key)) {
        ++s;
      }
    }
    // 5. Words before a given name: "Georgia Republican Karen Handel".
    if (e - s >= 3 && !headed && !KnownRun(text, words, s, e)) {
      for (size_t k = s + 1; k + 1 < e; ++k) {
        const std::string& before = words[k - 1].key;
        if (IsGiven(words[k].key) && !IsGiven(before) && words[k - 1].cap &&
            !IsOneOf(before, {"st", "saint", "san", "santa", "fort", "port", "mount", "lake",
                              "camp", "cape"})) {
          EmitKnownPrefix(d, text, words, s, k);
          s = k;
          break;
        }
      }
    }
    // 6. A leading demonym before a name used on its own: "Russian Metrojet".
    if (e - s >= 2 && IsDemonym(words[s].key) && starts_run_.count(words[s + 1].key) &&
        !KnownRun(text, words, s, e)) {
      const std::string* head = NameHead(words, s, e);
      if (head == nullptr || *head == "place") {
        AddMention(d, text, words, s, s + 1, false, "");
        ++s;
      }
    }
    while (s < e && !words[s].cap && (words[s].key == "of" || words[s].key == "the")) ++s;
    if (s >= e) return;
    if (e - s == 1) {
      const Word& w = words[s];
      if (IsInitial(w.text)) return;                    // "S" of "S-400"
      if (HeadType(w.key) && !KnownKey(w.key)) return;  // "Union", "State"
    }
    AddMention(d, text, words, s, e, person, honorific_form);
  }

  // Records words [s, e) as a mention.
  void AddMention(uint32_t d, std::string_view text, const Words& words, size_t s, size_t e,
                  bool titled, const std::string& honorific) {
    Span span{words[s].span.begin, words[e - 1].span.end};
    std::string form = DisplayForm(span.Slice(text));
    // The merge key: without particles written in lower case and "al-".
    std::string key;
    std::string no_initials;
    bool middle_initials = false;
    uint32_t key_words = 0;
    for (size_t k = s; k < e; ++k) {
      const Word& w = words[k];
      if (k > s && k + 1 < e && (IsInitial(w.text) || IsDottedInitials(w.text))) {
        middle_initials = true;
      } else if (!((!w.cap && IsParticle(w.key)) || (k > s && IsAlOrEl(w.key)) ||
                   (IsAlOrEl(w.key) && k + 1 < e && Gap(text, words, k, k + 1) == "-"))) {
        if (!no_initials.empty()) no_initials.push_back(' ');
        no_initials += w.key;
      }
      // Particles written in lower case, "al"/"el" inside a name, "al-".
      if ((!w.cap && IsParticle(w.key)) || (k > s && IsAlOrEl(w.key))) continue;
      if (IsAlOrEl(w.key) && k + 1 < e && Gap(text, words, k, k + 1) == "-") continue;
      if (!key.empty()) key.push_back(' ');
      key += w.key;
      ++key_words;
    }
    if (key.empty()) return;
    if (!middle_initials) no_initials.clear();
    const std::string* head = NameHead(words, s, e);
    // "Mr Putin", not "Dr Amal Reyes".
    const std::string honorific_text =
        honorific.empty() || key_words != 1 ? "" : honorific + " " + form;
    const bool initials = IsInitial(words[s].text) || IsDottedInitials(words[s].text);
    AddForm(d, span, std::move(form), std::move(key), static_cast<uint32_t>(e - s), key_words,
            initials, /*acronym=*/false, titled, head ? *head : "", honorific_text);
    forms_[mentions_.back().form].no_initials = std::move(no_initials);
  }

  void AddForm(uint32_t d, Span span, std::string form, std::string key, uint32_t words,
               uint32_t key_words, bool initials, bool acronym, bool titled,
               const std::string& head_type, const std::string& honorific_text) {
    auto [it, inserted] = form_ids_.try_emplace(form, static_cast<uint32_t>(forms_.size()));
    if (inserted) {
      Form f;
      f.text = std::move(form);
      f.key = std::move(key);
      f.key_words = key_words;
      f.words = words;
      f.acronym = acronym;
      f.head_type = head_type;
      const std::string name_key = NameKey(f.text);
      if (auto a = x_.aliases_.find(name_key); a != x_.aliases_.end()) {
        f.entry = a->second;
      } else if (auto m = x_.demonyms_.find(name_key); m != x_.demonyms_.end()) {
        f.entry = m->second;
        f.demonym = true;
      }
      f.given = !acronym && f.entry == kNone && head_type.empty() && key_words >= 2 &&
                key_words <= 3 && (IsGiven(std::string(FirstWord(f.key))) || initials);
      forms_.push_back(std::move(f));
    }
    Form& f = forms_[it->second];
    ++f.count;
    f.titled = f.titled || titled;
    if (!honorific_text.empty()) {
      auto t = std::find_if(f.honorific_forms.begin(), f.honorific_forms.end(),
                            [&](const auto& p) { return p.first == honorific_text; });
      if (t == f.honorific_forms.end()) {
        f.honorific_forms.emplace_back(honorific_text, 1);
      } else {
        ++t->second;
      }
    }
    mentions_.push_back(Mention{it->second, d, span});
  }

  // --- Pairs written next to each other -------------------------------------

  bool IsKnownPlace(const Form& f) const {
    return f.entry != kNone && x_.alias_entries_[f.entry].type == "place";
  }

  void FindPairs(std::string_view text, size_t first) {
    for (size_t i = first; i + 1 < mentions_.size(); ++i) {
      const Mention& a = mentions_[i];
      const Mention& b = mentions_[i + 1];
      if (a.form == b.form || b.span.begin < a.span.end || b.span.begin - a.span.end > 64) continue;
      const Form& fa = forms_[a.form];
      const Form& fb = forms_[b.form];
      if (fa.demonym || fb.demonym) continue;
      const std::string_view gap = text.substr(a.span.end, b.span.begin - a.span.end);
      const std::string_view after = text.substr(b.span.end);
      bool paired = false;
      if (TrimWhitespace(gap) == "(") {
        // "Regional Transit Safety Office (RTSO)", "Daesh (Islamic State)";
        // not "Paris (France)", "Mark Wahlberg (Jack Salmon)", "FAS (FASD)".
        const bool one_acronym = fa.acronym != fb.acronym;
        const bool known = fa.entry != kNone || fb.entry != kNone;
        paired = StartsWith(after, ")") && (one_acronym || known) &&
                 IsKnownPlace(fa) == IsKnownPlace(fb) && !(fa.titled || fa.given) &&
                 !(fb.titled || fb.given);
      } else {
        bool comma = false;
        const std::vector<std::string> w = GapWords(gap, &comma);
        if (NamesSame(w, comma)) {
          paired = true;
        } else if ((w.size() == 1 && w[0] == "or") || (w.empty() && comma)) {
          // "the Islamic State, or ISIS," / "Islamic State, Daesh, its
          // Arabic acronym," but not a list: "Putin, Hollande, or Obama".
          const bool note = AcronymNoteFollows(after);
          const bool known_one = (fa.entry != kNone) != (fb.entry != kNone);
          paired = note || (!w.empty() && ((fb.acronym && !fa.acronym) || known_one));
          const bool person_place = ((fa.titled || fa.given) && IsKnownPlace(fb)) ||
                                    ((fb.titled || fb.given) && IsKnownPlace(fa));
          bool list_before = false;
          if (i > first && mentions_[i - 1].span.end <= a.span.begin) {
            const Span p = mentions_[i - 1].span;
            list_before = TrimWhitespace(text.substr(p.end, a.span.begin - p.end)) == ",";
          }
          std::string_view rest =
              TrimWhitespace(after.substr(0, std::min<size_t>(after.size(), 8)));
          if (StartsWith(rest, ",")) rest = TrimWhitespace(rest.substr(1));
          const bool list_after = StartsWith(rest, "and ") || StartsWith(rest, "or ");
          if (person_place || list_before || list_after) paired = false;
        }
      }
      if (paired) pairs_.emplace_back(a.form, b.form);
    }
  }

  // --- Merging --------------------------------------------------------------

  void MergeByAliasFile(Sets* sets) {
    std::unordered_map<uint32_t, uint32_t> first_form;  // alias entry -> form
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      if (forms_[f].entry == kNone) continue;
      auto [ff, inserted] = first_form.try_emplace(forms_[f].entry, f);
      if (!inserted) sets->Union(ff->second, f);
    }
  }

  void MergeByText(Sets* sets) {
    for (const auto& [a, b] : pairs_) sets->Union(a, b);
  }

  // "Bashar al-Assad" = "Bashar al Assad" = "Bashar Assad".
  void MergeByKey(Sets* sets) {
    std::unordered_map<std::string_view, uint32_t> first;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      if (forms_[f].acronym || forms_[f].demonym) continue;
      auto [it, inserted] = first.try_emplace(forms_[f].key, f);
      if (!inserted) sets->Union(it->second, f);
    }
  }

  // "Randy W. Lambach" = "Randy Lambach" when all forms that lose middle
  // initials to that name are one referent ("George W. Bush" and "George
  // H.W. Bush" leave "George Bush" alone).
  void MergeMiddleInitials(Sets* sets) {
    std::unordered_map<std::string_view, uint32_t> plain;
    std::unordered_map<std::string_view, std::vector<uint32_t>> reduced;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      const Form& form = forms_[f];
      if (!IsPlainName(form)) continue;
      if (form.no_initials.empty()) {
        plain.try_emplace(form.key, f);
      } else {
        reduced[form.no_initials].push_back(f);
      }
    }
    for (const auto& [key, forms] : reduced) {
      auto it = plain.find(key);
      uint32_t root = 0;
      if (it != plain.end() && OneSet(sets, forms, &root)) sets->Union(it->second, forms[0]);
    }
  }

  // "RTSO" <-> "Regional Transit Safety Office" when exactly one multiword
  // form has those initials.
  void MergeAcronyms(Sets* sets) {
    std::unordered_map<std::string, std::vector<uint32_t>> by_initials;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      const Form& form = forms_[f];
      if (form.acronym || form.demonym || form.words < 2) continue;
      std::string initials;
      std::string_view t = form.text;
      size_t pos = 0;
      while (pos < t.size()) {
        size_t space = t.find(' ', pos);
        if (space == std::string_view::npos) space = t.size();
        std::string_view w = t.substr(pos, space - pos);
        if (!w.empty() && IsAsciiUpper(w[0])) initials.push_back(w[0]);
        pos = space + 1;
      }
      if (initials.size() >= 2) by_initials[initials].push_back(f);
    }
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      if (!forms_[f].acronym || forms_[f].entry != kNone) continue;  // the alias files decide
      auto it = by_initials.find(AcronymLetters(forms_[f].text));
      if (it == by_initials.end()) continue;
      uint32_t root = 0;
      if (OneSet(sets, it->second, &root)) sets->Union(f, it->second[0]);
    }
  }

  // Whether each set is a person's: a title or a given name, and no alias
  // entry of another type.
  std::vector<bool> PersonSets(Sets* sets) const {
    std::vector<bool> person(forms_.size(), false);
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      if (forms_[f].titled || forms_[f].given) person[sets->Find(f)] = true;
    }
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      const uint32_t label = sets->Label(f);
      if (label != kNone && x_.alias_entries_[label].type != "person")
        person[sets->Find(f)] = false;
    }
    return person;
  }

  bool IsPlainName(const Form& f) const { return !f.acronym && !f.demonym; }

  // "Barak Obama" = "Barack Obama", "Mike Brown" = "Michael Brown": names
  // of two words, one a person's, with one last word and first words that
  // differ by one inserted letter or are one line of given_names.txt.
  void MergeSpellingVariants(Sets* sets) {
    const std::vector<bool> person = PersonSets(sets);
    std::unordered_map<std::string_view, std::vector<uint32_t>> by_last;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      const Form& form = forms_[f];
      if (IsPlainName(form) && form.key_words == 2 && form.entry == kNone) {
        by_last[LastWord(form.key)].push_back(f);
      }
    }
    constexpr size_t kMaxGroup = 16;  // keeps the pairwise look linear
    for (const auto& [last, group] : by_last) {
      if (group.size() < 2 || group.size() > kMaxGroup) continue;
      for (size_t a = 0; a < group.size(); ++a) {
        for (size_t b = a + 1; b < group.size(); ++b) {
          std::string_view fa = FirstWord(forms_[group[a]].key);
          std::string_view fb = FirstWord(forms_[group[b]].key);
          const bool one_person = person[sets->Find(group[a])] || person[sets->Find(group[b])];
          if (one_person &&
              (OneLetterInserted(fa, fb) || OneLetterInserted(fb, fa) || SameGivenName(fa, fb))) {
            sets->Union(group[a], group[b]);
          }
        }
      }
    }
  }

  // Up to three sets of the multiword forms containing each key word (of
  // person sets only, given `person`).
  using Owners = std::unordered_map<std::string_view, std::vector<uint32_t>>;
  Owners WordOwners(Sets* sets, const std::vector<bool>* person) {
    Owners owner;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      const Form& form = forms_[f];
      if (!IsPlainName(form) || form.key_words < 2) continue;
      const uint32_t root = sets->Find(f);
      if (person != nullptr && !(*person)[root]) continue;
      std::string_view k = form.key;
      size_t pos = 0;
      while (pos <= k.size()) {
        size_t space = k.find(' ', pos);
        if (space == std::string_view::npos) space = k.size();
        std::vector<uint32_t>& roots = owner[k.substr(pos, space - pos)];
        if (roots.size() < 3 && std::find(roots.begin(), roots.end(), root) == roots.end()) {
          roots.push_back(root);
        }
        pos = space + 1;
      }
    }
    return owner;
  }

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
  void MergeSurnames(Sets* sets) {
    const std::vector<bool> person = PersonSets(sets);
    const auto owners = WordOwners(sets, &person);
    std::unordered_map<std::string_view, std::vector<uint32_t>> by_last;
    // Key word -> (set, mentions) of the person forms of two words or more using it.
    std::unordered_map<std::string_view, std::vector<std::pair<uint32_t, uint32_t>>> uses;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      const Form& form = forms_[f];
      if (!IsPlainName(form) || form.key_words < 2) continue;
      if (form.key_words <= 3) by_last[LastWord(form.key)].push_back(f);
      const uint32_t root = sets->Find(f);
      if (!person[root]) continue;
      std::string_view k = form.key;
      for (size_t pos = 0; pos <= k.size();) {
        size_t space = k.find(' ', pos);
        if (space == std::string_view::npos) space = k.size();
        auto& u = uses[k.substr(pos, space - pos)];
        auto c = std::find_if(u.begin(), u.end(), [&](const auto& p) { return p.first == root; });
        if (c == u.end()) {
          u.emplace_back(root, form.count);
        } else {
          c->second += form.count;
        }
        pos = space + 1;
      }
    }
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      const Form& form = forms_[f];
      if (!IsPlainName(form) || form.key_words != 1 || form.entry != kNone) continue;
      auto it = by_last.find(form.key);
      if (it == by_last.end()) continue;
      uint32_t root = 0;
      if (OneSet(sets, it->second, &root)) {
        if (!OwnedOnlyBy(owners, form.key, root, root)) continue;
        if (person[root] || person[sets->Find(f)]) sets->Union(f, it->second[0]);
        continue;
      }
      // "Trump" -> "Donald Trump" (19 mentions), not "Melania Trump" (1):
      // a person whose forms ending so have kDominance times the mentions
      // of all other person forms using the word, and kMinDominant or more.
      constexpr uint32_t kMinDominant = 3;
      constexpr uint32_t kDominance = 4;
      auto u = uses.find(form.key);
      if (u == uses.end()) continue;
      uint32_t best = kNone;
      uint32_t best_count = 0;
      uint32_t total = 0;
      for (const auto& [root, n] : u->second) {
        const uint32_t r = root;  // a plain variable: lambdas cannot capture bindings in C++20
        total += n;
        const bool ends_so = std::any_of(it->second.begin(), it->second.end(),
                                         [&](uint32_t g) { return sets->Find(g) == r; });
        if (ends_so && n > best_count) {
          best = r;
          best_count = n;
        }
      }
      if (best != kNone && best_count >= kMinDominant &&
          best_count >= kDominance * (total - best_count)) {
        sets->Union(f, best);
      }
    }
  }

  // "Brendan" -> "Brendan Carr", "Frances Bean" -> "Frances Bean Cobain",
  // "Calloway Strand" -> "Calloway Strand Engineering": the start of the
  // longer forms of exactly one person (or organization, for two words),
  // whose words no other set's form uses.
  void MergeFirstNames(Sets* sets) {
    const std::vector<bool> person = PersonSets(sets);
    const auto owners = WordOwners(sets, nullptr);
    std::unordered_map<std::string_view, std::vector<uint32_t>> by_first;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      const Form& form = forms_[f];
      if (IsPlainName(form) && form.key_words >= 2) by_first[FirstWord(form.key)].push_back(f);
    }
    std::vector<uint32_t> longer;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      const Form& form = forms_[f];
      if (!IsPlainName(form) || form.key_words > 2 || form.entry != kNone) continue;
      auto it = by_first.find(FirstWord(form.key));
      if (it == by_first.end()) continue;
      longer.clear();
      const std::string prefix = form.key + " ";
      for (uint32_t g : it->second) {
        if (forms_[g].key_words > form.key_words && StartsWith(forms_[g].key, prefix)) {
          longer.push_back(g);
        }
      }
      uint32_t root = 0;
      if (longer.empty() || !OneSet(sets, longer, &root)) continue;
      // Of an organization: two words, no head word of their own, before
      // the organization's head word ("Calloway Strand" -> "... Engineering";
      // not "White Marsh" -> "White Marsh Volunteer Fire Company").
      const bool org = form.key_words == 2 && form.head_type.empty() &&
                       std::all_of(longer.begin(), longer.end(), [&](uint32_t g) {
                         const std::string& t = forms_[g].head_type;
                         return forms_[g].key_words == 3 && (t == "organization" || t == "group");
                       });
      if (!person[root] && !org) continue;
      const uint32_t self = sets->Find(f);
      std::string_view k = form.key;
      if (OwnedOnlyBy(owners, FirstWord(k), root, self) &&
          OwnedOnlyBy(owners, LastWord(k), root, self)) {
        sets->Union(f, longer[0]);
      }
    }
  }

  // --- Entities -------------------------------------------------------------

  std::vector<Entity> Build(Sets* sets) {
    std::unordered_map<uint32_t, uint32_t> entity_of_root;
    std::vector<std::vector<uint32_t>> members;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      uint32_t root = sets->Find(f);
      auto [it, inserted] = entity_of_root.try_emplace(root, static_cast<uint32_t>(members.size()));
      if (inserted) members.emplace_back();
      members[it->second].push_back(f);
    }
    std::vector<Entity> entities(members.size());
    std::vector<std::pair<uint32_t, Span>> first(members.size(), {kNone, Span{}});
    for (size_t e = 0; e < members.size(); ++e) {
      Entity& entity = entities[e];
      entity.mentions_per_document.assign(cluster_.documents.size(), 0);
      const uint32_t entry = sets->Label(members[e][0]);
      // The fullest form: most words, then most mentions, then hyphenated.
      uint32_t best = kNone;
      bool titled = false;
      bool given = false;
      for (uint32_t f : members[e]) {
        const Form& a = forms_[f];
        titled = titled || a.titled;
        given = given || a.given;
        if (a.demonym) continue;
        if (best == kNone) {
          best = f;
          continue;
        }
        const Form& b = forms_[best];
        // Hyphens decide between spellings of one key only.
        const bool same_key = a.key == b.key;
        const bool a_hyphen = same_key && a.text.find('-') != std::string::npos;
        const bool b_hyphen = same_key && b.text.find('-') != std::string::npos;
        if (a.words != b.words) {
          if (a.words > b.words) best = f;
        } else if (a.count != b.count) {
          if (a.count > b.count) best = f;
        } else if (a.given != b.given) {
          if (a.given) best = f;  // "Barack Obama", not "Barak Obama"
        } else if (a_hyphen && !b_hyphen) {
          best = f;
        }
      }
      if (entry != kNone) {
        entity.name = x_.alias_entries_[entry].name;
        entity.type = x_.alias_entries_[entry].type;
      } else {
        entity.name = forms_[best].text;
        const std::string& head = forms_[best].head_type;
        if (titled) {
          entity.type = "person";
        } else if (!head.empty()) {
          entity.type = head;
        } else if (forms_[best].key_words >= 2 &&
                   IsOneOf(FirstWord(forms_[best].key), {"mount", "mt", "lake", "cape", "fort",
                                                         "ft", "port", "isle", "county"})) {
          entity.type = "place";  // "Mount Rainier", "Lake Tahoe"
        } else if (given || (forms_[best].key_words == 1 && IsGiven(forms_[best].key))) {
          entity.type = "person";
        } else {
          entity.type = "other";
        }
      }
      std::vector<std::pair<std::string, uint32_t>> surfaces;
      std::vector<std::pair<std::string, uint32_t>> demonyms;
      for (uint32_t f : members[e]) {
        const Form& form = forms_[f];
        if (form.demonym) {
          demonyms.emplace_back(form.text, form.count);
          continue;
        }
        if (form.text != entity.name) surfaces.emplace_back(form.text, form.count);
        for (const auto& t : form.honorific_forms) surfaces.push_back(t);
      }
      auto by_count = [](const auto& a, const auto& b) { return a.second > b.second; };
      std::stable_sort(surfaces.begin(), surfaces.end(), by_count);
      std::stable_sort(demonyms.begin(), demonyms.end(), by_count);
      for (auto& s : surfaces) entity.aliases.push_back(std::move(s.first));
      for (auto& s : demonyms) entity.demonyms.push_back(std::move(s.first));
    }
    for (const Mention& m : mentions_) {
      uint32_t e = entity_of_root[sets->Find(m.form)];
      entities[e].mentions.push_back(EntityMention{m.document, m.span});
      ++entities[e].mentions_per_document[m.document];
      if (first[e].first == kNone) first[e] = {m.document, m.span};
    }
    std::vector<uint32_t> order(entities.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      if (entities[a].mentions.size() != entities[b].mentions.size()) {
        return entities[a].mentions.size() > entities[b].mentions.size();
      }
      if (first[a].first != first[b].first) return first[a].first < first[b].first;
      return first[a].second.begin < first[b].second.begin;
    });
    std::vector<Entity> sorted;
    sorted.reserve(entities.size());
    for (uint32_t i : order) sorted.push_back(std::move(entities[i]));
    return sorted;
  }

  const EntityExtractor& x_;
  const Cluster& cluster_;
  const std::vector<bool>* include_;
  std::vector<std::vector<Words>> words_;             // per document and sentence
  std::unordered_set<std::string> lowercase_;         // keys of words written in lower case
  std::unordered_set<std::string> cap_running_;       // capitalized, not first, not in a headline
  std::unordered_set<std::string> starts_run_;        // of those, first of their run
  std::unordered_set<std::string> acronyms_running_;  // acronyms outside shouting lines
  std::unordered_map<std::string, uint32_t> form_ids_;
  std::vector<Form> forms_;
  std::vector<Mention> mentions_;                     // in document and text order
  std::vector<std::pair<uint32_t, uint32_t>> pairs_;  // forms paired in the text
};

Status EntityExtractor::AddAliasLines(std::string_view file, const std::vector<std::string>& lines,
                                      std::string_view default_type) {
  for (const std::string& line : lines) {
    std::string_view rest = line;
    std::string type(default_type);
    const size_t colon = rest.find(':');
    if (colon != std::string_view::npos && colon < rest.find('|') && colon < rest.find(';')) {
      std::string t = AsciiLower(TrimWhitespace(rest.substr(0, colon)));
      if (t == "org") t = "organization";
      if (t != "person" && t != "organization" && t != "place" && t != "group" && t != "other") {
        return Status(StatusCode::kInvalidArgument,
                      std::string(file) + ": unknown type '" + t + "'");
      }
      type = std::move(t);
      rest.remove_prefix(colon + 1);
    }
    std::string_view names = rest;
    std::string_view demonyms;
    if (size_t semi = rest.find(';'); semi != std::string_view::npos) {
      names = rest.substr(0, semi);
      demonyms = rest.substr(semi + 1);
    }
    auto split = [](std::string_view s) {
      std::vector<std::string_view> parts;
      while (true) {
        size_t b = s.find('|');
        std::string_view part = TrimWhitespace(s.substr(0, b));
        if (!part.empty()) parts.push_back(part);
        if (b == std::string_view::npos) break;
        s.remove_prefix(b + 1);
      }
      return parts;
    };
    const std::vector<std::string_view> forms = split(names);
    if (forms.empty()) continue;
    // A line naming a referent another line (or file) has joins it.
    uint32_t index = static_cast<uint32_t>(alias_entries_.size());
    for (std::string_view form : forms) {
      if (auto it = aliases_.find(NameKey(form)); it != aliases_.end()) {
        index = it->second;
        break;
      }
    }
    if (index == alias_entries_.size()) alias_entries_.push_back({std::string(forms[0]), type});
    for (std::string_view form : forms) aliases_.try_emplace(NameKey(form), index);
    for (std::string_view demonym : split(demonyms)) {
      std::string key = NameKey(demonym);
      if (EndsWith(key, "n") || EndsWith(key, "i")) demonyms_.try_emplace(key + "s", index);
      demonyms_.try_emplace(std::move(key), index);
    }
  }
  return Status();
}

Result<EntityExtractor> EntityExtractor::Create(std::string_view data_dir) {
  EntityExtractor x;
  Result<WordList> aliases = LoadWordList(data_dir, "aliases.txt", /*lowercase=*/false);
  if (!aliases.ok()) return aliases.status();
  Result<WordList> places = LoadWordList(data_dir, "places.txt", /*lowercase=*/false);
  if (!places.ok()) return places.status();
  Result<WordList> given = LoadWordList(data_dir, "given_names.txt", /*lowercase=*/true);
  if (!given.ok()) return given.status();
  Result<WordList> stop = LoadWordList(data_dir, "entity_stopwords.txt", /*lowercase=*/true);
  if (!stop.ok()) return stop.status();
  Result<WordList> titles = LoadWordList(data_dir, "person_titles.txt", /*lowercase=*/true);
  if (!titles.ok()) return titles.status();

  if (Status s = x.AddAliasLines("aliases.txt", aliases->entries(), "other"); !s.ok()) return s;
  if (Status s = x.AddAliasLines("places.txt", places->entries(), "place"); !s.ok()) return s;
  for (uint32_t line = 0; line < given->entries().size(); ++line) {
    std::string_view rest = given->entries()[line];
    while (true) {  // "michael | mike": one name, written two ways
      size_t bar = rest.find('|');
      std::string_view name = TrimWhitespace(rest.substr(0, bar));
      if (!name.empty()) x.given_names_.try_emplace(NameKey(name), line);
      if (bar == std::string_view::npos) break;
      rest.remove_prefix(bar + 1);
    }
  }
  for (const std::string& e : stop->entries()) {
    size_t bar = e.find('|');
    std::string word(TrimWhitespace(std::string_view(e).substr(0, bar)));
    if (bar == std::string::npos) {
      x.stopwords_.insert(NameKey(word));
    } else {
      std::string type(TrimWhitespace(std::string_view(e).substr(bar + 1)));
      if (type != "organization" && type != "place" && type != "group") {
        return Status(StatusCode::kInvalidArgument,
                      "entity_stopwords.txt: unknown type '" + type + "'");
      }
      x.head_types_[NameKey(word)] = std::move(type);
    }
  }
  for (const std::string& e : titles->entries()) {
    size_t bar = e.find('|');
    std::string word(TrimWhitespace(std::string_view(e).substr(0, bar)));
    bool honorific = bar != std::string::npos &&
                     TrimWhitespace(std::string_view(e).substr(bar + 1)) == "honorific";
    x.titles_[NameKey(word)] = honorific;
  }
  return x;
}

std::vector<Entity> EntityExtractor::Extract(const Cluster& cluster,
                                             const std::vector<bool>* include) const {
  return Run(*this, cluster, include).Extract();
}

}  // namespace dossier
