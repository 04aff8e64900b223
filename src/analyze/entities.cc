#include "analyze/entities.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <numeric>
#include <utility>

#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {
namespace {

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

// Case- and period-insensitive form used to look names up in aliases.txt.
std::string AliasKey(std::string_view form) {
  std::string key;
  key.reserve(form.size());
  for (char c : form) {
    if (c == '.') continue;
    if (IsAsciiSpace(c)) {
      if (!key.empty() && key.back() != ' ') key.push_back(' ');
      continue;
    }
    key.push_back(AsciiToLower(c));
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

// The word without a possessive "'s" / "’s".
std::string_view StripPossessive(std::string_view w) {
  if (EndsWith(w, "'s") && w.size() > 2) return w.substr(0, w.size() - 2);
  if (EndsWith(w, "\xE2\x80\x99s") && w.size() > 4) return w.substr(0, w.size() - 4);
  return w;
}

// 2-6 ASCII capitals, optionally each followed by a period ("U.S.", "NATO").
bool IsAcronym(std::string_view w) {
  size_t letters = 0;
  for (char c : w) {
    if (IsAsciiUpper(c)) {
      ++letters;
    } else if (c != '.') {
      return false;
    }
  }
  return letters >= 2 && letters <= 6;
}

std::string AcronymLetters(std::string_view w) {
  std::string s;
  for (char c : w) {
    if (c != '.') s.push_back(c);
  }
  return s;
}

bool StartsUpper(std::string_view w) {
  size_t pos = 0;
  return !w.empty() && u_isupper(static_cast<UChar32>(DecodeUtf8(w, &pos)));
}

bool HasLower(std::string_view w) {
  for (size_t pos = 0; pos < w.size();) {
    if (u_islower(static_cast<UChar32>(DecodeUtf8(w, &pos)))) return true;
  }
  return false;
}

// Words that join the capitalized words around them in a person's name.
bool IsParticle(std::string_view lower) {
  static constexpr std::string_view kParticles[] = {"de",  "da",  "del", "della", "di",  "du",
                                                    "dos", "van", "von", "der",   "den", "ter",
                                                    "bin", "ibn", "al",  "el",    "la",  "le"};
  return std::find(std::begin(kParticles), std::end(kParticles), lower) != std::end(kParticles);
}

// Union-find over form ids.
class Sets {
 public:
  explicit Sets(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);  // the earlier form stays root
  }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace

// The state of one Extract() call.
class EntityExtractor::Run {
 public:
  Run(const EntityExtractor& x, const Cluster& cluster) : x_(x), cluster_(cluster) {}

  std::vector<Entity> Extract() {
    CollectLowercaseWords();
    for (uint32_t d = 0; d < cluster_.documents.size(); ++d) ScanDocument(d);
    if (forms_.empty()) return {};
    Sets sets(forms_.size());
    MergeByAliasFile(&sets);
    MergeByText(&sets);
    MergeAcronyms(&sets);
    MergeSurnames(&sets);
    return Build(&sets);
  }

 private:
  struct Form {
    std::string text;  // "Vladimir Putin", "RTSO"
    uint32_t words = 0;
    bool acronym = false;
    bool person = false;  // a title preceded one of its mentions
    uint32_t count = 0;
    // Honorific surface forms ("Mr Putin") with their counts.
    std::vector<std::pair<std::string, uint32_t>> titled;
  };
  struct Mention {
    uint32_t form;
    uint32_t document;
    Span span;
  };
  struct Word {
    Span span;  // without a possessive
    std::string_view text;
    std::string lower;
    bool possessive = false;
    bool sentence_initial = false;
    bool is_stopword = false;
  };

  void CollectLowercaseWords() {
    for (const Document& doc : cluster_.documents) {
      for (const Token& t : doc.tokens) {
        std::string_view w = t.span.Slice(doc.text);
        if (!w.empty() && IsAsciiLower(w[0])) lowercase_.insert(t.lower);
      }
    }
  }

  bool IsTitle(const std::string& lower, bool* honorific) const {
    std::string_view w = lower;
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    auto it = x_.titles_.find(std::string(w));
    if (it == x_.titles_.end()) return false;
    *honorific = it->second;
    return true;
  }

  static bool OnlySpaces(std::string_view s) {
    if (s.empty()) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' '; });
  }

  void ScanDocument(uint32_t d) {
    const Document& doc = cluster_.documents[d];
    std::string_view text = doc.text;
    doc_mentions_begin_ = mentions_.size();
    for (const Sentence& s : doc.sentences) {
      std::vector<Word> words;
      for (uint32_t i = s.token_begin; i < s.token_end && i < doc.tokens.size(); ++i) {
        const Token& t = doc.tokens[i];
        Word w;
        std::string_view raw = t.span.Slice(text);
        w.text = StripPossessive(raw);
        w.possessive = w.text.size() != raw.size();
        w.span = Span{t.span.begin, static_cast<uint32_t>(t.span.begin + w.text.size())};
        w.lower = AsciiLower(w.text);
        w.is_stopword = t.is_stopword;
        if (words.empty()) {
          w.sentence_initial = true;
        } else {
          // After an opening quote or bracket.
          std::string_view gap =
              text.substr(words.back().span.end, w.span.begin - words.back().span.end);
          gap = TrimWhitespace(gap);
          w.sentence_initial = EndsWith(gap, "\"") || EndsWith(gap, "\xE2\x80\x9C") ||
                               EndsWith(gap, ":") || EndsWith(gap, "\xE2\x80\x94") ||
                               EndsWith(gap, "(");
        }
        words.push_back(std::move(w));
      }
      ScanSentence(d, text, words);
    }
    // Pairs written next to each other: "X (Y)", "X, also known as Y".
    for (size_t i = doc_mentions_begin_; i + 1 < mentions_.size(); ++i) {
      const Mention& a = mentions_[i];
      const Mention& b = mentions_[i + 1];
      if (a.form == b.form || b.span.begin < a.span.end) continue;
      std::string_view gap = TrimWhitespace(text.substr(a.span.end, b.span.begin - a.span.end));
      bool paired = false;
      if (gap == "(") {
        paired = b.span.end < text.size() && text[b.span.end] == ')';
      } else {
        std::string lower = AsciiLower(gap);
        paired = lower == ", also known as" || lower == "also known as" || lower == ", known as" ||
                 lower == ", or" || lower == ", aka" || lower == ", a.k.a.";
        // ", or" only before an acronym: "the Islamic State, or ISIS".
        if (lower == ", or" && !forms_[b.form].acronym) paired = false;
      }
      if (paired) pairs_.emplace_back(a.form, b.form);
    }
  }

  bool Breaks(const Word& w) const {
    return x_.stopwords_.count(w.lower) > 0 || (w.is_stopword && !IsAcronym(w.text));
  }

  bool IsCapitalized(const Word& w) const {
    if (!StartsUpper(w.text)) return false;
    return HasLower(w.text) || w.text.size() == 1;  // "Vladimir", "J"
  }

  void ScanSentence(uint32_t d, std::string_view text, const std::vector<Word>& words) {
    size_t i = 0;
    while (i < words.size()) {
      const Word& w = words[i];
      if (IsAcronym(w.text)) {
        // An acronym whose letters spell a stopword ("US", "IT") only when
        // the alias file knows it.
        bool known = x_.aliases_.count(AliasKey(w.text)) > 0;
        if (!x_.stopwords_.count(AliasKey(w.text)) && (!w.is_stopword || known)) {
          bool honorific = false;
          bool titled = i > 0 && IsTitle(words[i - 1].lower, &honorific);
          AddMention(d, w.span, std::string(w.text), 1, true, titled && !honorific, "");
        }
        ++i;
        continue;
      }
      if (!IsCapitalized(w)) {
        ++i;
        continue;
      }
      // A run of capitalized words joined by single spaces.
      size_t end = i + 1;
      while (end < words.size() && !words[end - 1].possessive) {
        std::string_view gap =
            text.substr(words[end - 1].span.end, words[end].span.begin - words[end - 1].span.end);
        bool space = OnlySpaces(gap);
        const Word& next = words[end];
        if (space && IsCapitalized(next) && !IsAcronym(next.text)) {
          ++end;
          continue;
        }
        // Joiners: particles ("de", "al-") and "of (the)" after a head word.
        if (end + 1 < words.size() &&
            (space || (gap == "-" && (next.lower == "al" || next.lower == "el")))) {
          std::string_view gap2 =
              text.substr(next.span.end, words[end + 1].span.begin - next.span.end);
          bool space2 =
              OnlySpaces(gap2) || ((next.lower == "al" || next.lower == "el") && gap2 == "-");
          if (space2 && IsCapitalized(words[end + 1]) && !next.possessive) {
            if (IsParticle(next.lower) && space) {
              end += 2;
              continue;
            }
            if (next.lower == "of" && x_.head_types_.count(words[end - 1].lower)) {
              end += 2;
              continue;
            }
          }
          if (space && next.lower == "of" && end + 2 < words.size() &&
              words[end + 1].lower == "the" && x_.head_types_.count(words[end - 1].lower) &&
              IsCapitalized(words[end + 2]) &&
              OnlySpaces(text.substr(words[end + 1].span.end,
                                     words[end + 2].span.begin - words[end + 1].span.end))) {
            end += 3;
            continue;
          }
        }
        break;
      }
      EmitRun(d, words, i, end);
      i = end;
    }
  }

  // Splits words [begin, end) at words that are no names, strips titles and
  // leading stopwords, and records what is left.
  void EmitRun(uint32_t d, const std::vector<Word>& words, size_t begin, size_t end) {
    size_t s = begin;
    while (s < end) {
      size_t e = s;
      while (e < end && !(IsCapitalized(words[e]) && x_.stopwords_.count(words[e].lower))) ++e;
      EmitPart(d, words, s, e);
      s = e + 1;
    }
  }

  void EmitPart(uint32_t d, const std::vector<Word>& words, size_t s, size_t e) {
    // Leading stopwords ("The", "But", "An").
    while (s < e && words[s].is_stopword && IsCapitalized(words[s])) ++s;
    // Titles: everything up to the last title word followed by a name.
    bool person = false;
    std::string honorific_form;
    size_t last_title = e;
    for (size_t k = s; k + 1 < e; ++k) {
      bool honorific = false;
      if (IsTitle(words[k].lower, &honorific)) {
        last_title = k;
        honorific_form = honorific ? std::string(words[k].text) : "";
      }
    }
    if (last_title != e) {
      s = last_title + 1;
      person = true;
    } else if (s > 0 && s < e) {
      bool honorific = false;
      if (IsTitle(words[s - 1].lower, &honorific)) person = true;  // "Dr. Amal Reyes"
    }
    if (s >= e) return;
    // A run that is only a title ("Mayor", "Minister") is no entity.
    bool lone_honorific = false;
    if (e - s == 1 && IsTitle(words[s].lower, &lone_honorific)) return;
    // A lone sentence-initial word the cluster also writes in lower case.
    if (e - s == 1 && words[s].sentence_initial && lowercase_.count(words[s].lower)) return;
    // Trailing particles or "of" cannot end a name.
    while (e > s && !IsCapitalized(words[e - 1])) --e;
    std::string form;
    for (size_t k = s; k < e; ++k) {
      if (k > s) form += ' ';
      form += words[k].text;
    }
    Span span{words[s].span.begin, words[e - 1].span.end};
    std::string titled = honorific_form.empty() ? "" : honorific_form + " " + form;
    AddMention(d, span, std::move(form), static_cast<uint32_t>(e - s), false, person, titled);
  }

  void AddMention(uint32_t d, Span span, std::string form, uint32_t words, bool acronym,
                  bool person, const std::string& titled) {
    auto [it, inserted] = form_ids_.try_emplace(form, static_cast<uint32_t>(forms_.size()));
    if (inserted) {
      Form f;
      f.text = std::move(form);
      f.words = words;
      f.acronym = acronym;
      forms_.push_back(std::move(f));
    }
    Form& f = forms_[it->second];
    ++f.count;
    f.person = f.person || person;
    if (!titled.empty()) {
      auto t = std::find_if(f.titled.begin(), f.titled.end(),
                            [&](const auto& p) { return p.first == titled; });
      if (t == f.titled.end()) {
        f.titled.emplace_back(titled, 1);
      } else {
        ++t->second;
      }
    }
    mentions_.push_back(Mention{it->second, d, span});
  }

  void MergeByAliasFile(Sets* sets) {
    alias_of_.assign(forms_.size(), UINT32_MAX);
    std::unordered_map<uint32_t, uint32_t> first_form;  // alias entry -> form
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      auto it = x_.aliases_.find(AliasKey(forms_[f].text));
      if (it == x_.aliases_.end()) continue;
      alias_of_[f] = it->second;
      auto [ff, inserted] = first_form.try_emplace(it->second, f);
      if (!inserted) sets->Union(ff->second, f);
    }
  }

  void MergeByText(Sets* sets) {
    for (const auto& [a, b] : pairs_) sets->Union(a, b);
  }

  // "RTSO" <-> "Regional Transit Safety Office" when exactly one multiword
  // form has those initials.
  void MergeAcronyms(Sets* sets) {
    std::unordered_map<std::string, std::vector<uint32_t>> by_initials;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      const Form& form = forms_[f];
      if (form.acronym || form.words < 2) continue;
      std::string initials;
      std::string_view t = form.text;
      size_t pos = 0;
      while (pos < t.size()) {
        size_t space = t.find(' ', pos);
        if (space == std::string_view::npos) space = t.size();
        std::string_view w = t.substr(pos, space - pos);
        if (IsAsciiUpper(w[0])) initials.push_back(w[0]);
        pos = space + 1;
      }
      if (initials.size() >= 2) by_initials[initials].push_back(f);
    }
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      if (!forms_[f].acronym) continue;
      auto it = by_initials.find(AcronymLetters(forms_[f].text));
      if (it == by_initials.end()) continue;
      // Forms already merged into one referent count once.
      uint32_t root = sets->Find(it->second[0]);
      bool one = std::all_of(it->second.begin(), it->second.end(),
                             [&](uint32_t g) { return sets->Find(g) == root; });
      if (one) sets->Union(f, it->second[0]);
    }
  }

  // "Putin" -> "Vladimir Putin" when exactly one 2-3 word form ends so and
  // one of the two is a person.
  void MergeSurnames(Sets* sets) {
    std::vector<bool> person(forms_.size(), false);
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      if (forms_[f].person) person[sets->Find(f)] = true;
    }
    std::unordered_map<std::string_view, std::vector<uint32_t>> by_last;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      const Form& form = forms_[f];
      if (form.acronym || form.words < 2 || form.words > 3) continue;
      std::string_view t = form.text;
      by_last[t.substr(t.rfind(' ') + 1)].push_back(f);
    }
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      const Form& form = forms_[f];
      if (form.acronym || form.words != 1) continue;
      auto it = by_last.find(form.text);
      if (it == by_last.end()) continue;
      uint32_t root = sets->Find(it->second[0]);
      bool one = std::all_of(it->second.begin(), it->second.end(),
                             [&](uint32_t g) { return sets->Find(g) == root; });
      if (!one || alias_of_[f] != UINT32_MAX) continue;
      if (person[root] || person[sets->Find(f)]) sets->Union(f, it->second[0]);
    }
  }

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
    std::vector<std::pair<uint32_t, Span>> first(members.size(), {UINT32_MAX, Span{}});
    for (size_t e = 0; e < members.size(); ++e) {
      Entity& entity = entities[e];
      entity.mentions_per_document.assign(cluster_.documents.size(), 0);
      // Name: the alias file's, else the fullest form.
      uint32_t best = members[e][0];
      uint32_t alias = UINT32_MAX;
      bool person = false;
      for (uint32_t f : members[e]) {
        if (alias_of_[f] != UINT32_MAX && alias == UINT32_MAX) alias = alias_of_[f];
        person = person || forms_[f].person;
        const Form& a = forms_[f];
        const Form& b = forms_[best];
        if (a.words > b.words || (a.words == b.words && a.count > b.count)) best = f;
      }
      std::vector<std::pair<std::string, uint32_t>> surfaces;
      if (alias != UINT32_MAX) {
        entity.name = x_.alias_entries_[alias].name;
        entity.type = x_.alias_entries_[alias].type;
      } else {
        entity.name = forms_[best].text;
      }
      for (uint32_t f : members[e]) {
        if (forms_[f].text != entity.name) surfaces.emplace_back(forms_[f].text, forms_[f].count);
        for (const auto& t : forms_[f].titled) surfaces.push_back(t);
      }
      std::stable_sort(surfaces.begin(), surfaces.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      for (auto& s : surfaces) entity.aliases.push_back(std::move(s.first));
      if (entity.type.empty()) {
        if (person) {
          entity.type = "person";
        } else {
          std::string_view n = entity.name;
          auto head = x_.head_types_.find(AsciiLower(n.substr(n.rfind(' ') + 1)));
          entity.type = head != x_.head_types_.end() ? head->second : "other";
        }
      }
    }
    for (const Mention& m : mentions_) {
      uint32_t e = entity_of_root[sets->Find(m.form)];
      entities[e].mentions.push_back(EntityMention{m.document, m.span});
      ++entities[e].mentions_per_document[m.document];
      if (first[e].first == UINT32_MAX) first[e] = {m.document, m.span};
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
  std::unordered_set<std::string> lowercase_;  // words written in lower case
  std::unordered_map<std::string, uint32_t> form_ids_;
  std::vector<Form> forms_;
  std::vector<Mention> mentions_;  // in document and text order
  size_t doc_mentions_begin_ = 0;
  std::vector<std::pair<uint32_t, uint32_t>> pairs_;  // forms paired in the text
  std::vector<uint32_t> alias_of_;                    // form -> alias entry or UINT32_MAX
};

Result<EntityExtractor> EntityExtractor::Create(std::string_view data_dir) {
  EntityExtractor x;
  Result<WordList> aliases = LoadWordList(data_dir, "aliases.txt", /*lowercase=*/false);
  if (!aliases.ok()) return aliases.status();
  Result<WordList> stop = LoadWordList(data_dir, "entity_stopwords.txt", /*lowercase=*/true);
  if (!stop.ok()) return stop.status();
  Result<WordList> titles = LoadWordList(data_dir, "person_titles.txt", /*lowercase=*/true);
  if (!titles.ok()) return titles.status();

  for (const std::string& line : aliases->entries()) {
    std::string_view rest = line;
    std::string type;
    size_t colon = rest.find(':');
    size_t bar = rest.find('|');
    if (colon != std::string_view::npos && colon < bar) {
      std::string t = AsciiLower(TrimWhitespace(rest.substr(0, colon)));
      if (t == "org") t = "organization";
      if (t != "person" && t != "organization" && t != "place" && t != "group" && t != "other") {
        return Status(StatusCode::kInvalidArgument, "aliases.txt: unknown type '" + t + "'");
      }
      type = std::move(t);
      rest.remove_prefix(colon + 1);
    }
    AliasEntry entry{"", type};
    const uint32_t index = static_cast<uint32_t>(x.alias_entries_.size());
    while (true) {
      size_t b = rest.find('|');
      std::string_view form = TrimWhitespace(rest.substr(0, b));
      if (!form.empty()) {
        if (entry.name.empty()) entry.name = std::string(form);
        x.aliases_.try_emplace(AliasKey(form), index);
      }
      if (b == std::string_view::npos) break;
      rest.remove_prefix(b + 1);
    }
    if (!entry.name.empty()) x.alias_entries_.push_back(std::move(entry));
  }
  for (const std::string& e : stop->entries()) {
    size_t bar = e.find('|');
    std::string word(TrimWhitespace(std::string_view(e).substr(0, bar)));
    if (bar == std::string::npos) {
      x.stopwords_.insert(std::move(word));
    } else {
      std::string type(TrimWhitespace(std::string_view(e).substr(bar + 1)));
      if (type != "organization" && type != "place" && type != "group") {
        return Status(StatusCode::kInvalidArgument,
                      "entity_stopwords.txt: unknown type '" + type + "'");
      }
      x.head_types_[std::move(word)] = std::move(type);
    }
  }
  for (const std::string& e : titles->entries()) {
    size_t bar = e.find('|');
    std::string word(TrimWhitespace(std::string_view(e).substr(0, bar)));
    bool honorific = bar != std::string::npos &&
                     TrimWhitespace(std::string_view(e).substr(bar + 1)) == "honorific";
    x.titles_[std::move(word)] = honorific;
  }
  return x;
}

std::vector<Entity> EntityExtractor::Extract(const Cluster& cluster) const {
  return Run(*this, cluster).Extract();
}

}  // namespace dossier
