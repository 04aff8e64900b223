#include "analyze/entities.h"

#include <unicode/uchar.h>

#include <numeric>

#include "analyze/entity_run.h"
#include "segment/tokenizer.h"
#include "util/data_files.h"
#include "util/strings.h"

namespace dossier {

using entity_run::FirstWord;
using name_forms::NameKey;
using name_forms::NameWords;

namespace {

// "ТОМСК" -> "Томск": a name written in capitals, in lower case but its
// first letter.
std::string FirstCapital(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    const UChar32 cp = static_cast<UChar32>(DecodeUtf8(s, &pos));
    AppendUtf8(static_cast<char32_t>(out.empty() ? u_toupper(cp) : u_tolower(cp)), &out);
  }
  return out;
}

}  // namespace

std::vector<Entity> EntityExtractor::Run::Extract() {
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
  MergeByEndings(&sets);
  MergeShortBodies(&sets);
  MergeMiddleInitials(&sets);
  MergeAcronyms(&sets);
  MergeSpellingVariants(&sets);
  MergeSurnames(&sets);
  MergeFirstNames(&sets);
  return Build(&sets);
}

std::vector<Entity> EntityExtractor::Run::Build(Sets* sets) {
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
    // The fullest form: most words, then one without a name ending, then
    // most mentions, then hyphenated.
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
      // Between forms of one name in different cases, the one without a
      // name ending: "Seeamt Nord", not "Seeamts Nord".
      const bool same_ending = !a.ending_key.empty() && a.ending_key == b.ending_key;
      const bool a_base = same_ending && a.key == a.ending_key;
      const bool b_base = same_ending && b.key == b.ending_key;
      if (a.words != b.words) {
        if (a.words > b.words) best = f;
      } else if (a_base != b_base) {
        if (a_base) best = f;
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
      // "Genova", not "Genoa": the language's form its mentions meet, the
      // first in its line of local_names.txt.
      const Form* local = nullptr;
      for (uint32_t f : members[e]) {
        const Form& form = forms_[f];
        if (form.demonym || form.local.empty()) continue;
        if (local == nullptr || form.local_pos < local->local_pos) local = &form;
      }
      if (local != nullptr) entity.name = local->local;
    } else {
      entity.name = forms_[best].text;
      const std::string& head = forms_[best].head_type;
      if (titled) {
        entity.type = "person";
      } else if (!head.empty()) {
        entity.type = head;
      } else if (forms_[best].key_words >= 2 &&
                 x_.names_.Is(FirstWord(forms_[best].key), NameWords::kPlacePrefix)) {
        entity.type = "place";  // "Mount Rainier", "Lake Tahoe"
      } else if (given || (forms_[best].key_words == 1 && IsGiven(forms_[best].key))) {
        entity.type = "person";
      } else if (std::any_of(members[e].begin(), members[e].end(),
                             [&](uint32_t f) { return forms_[f].after_org_head; })) {
        entity.type = "organization";  // "le groupe Les Écologistes"
      } else if (std::any_of(members[e].begin(), members[e].end(),
                             [&](uint32_t f) { return forms_[f].after_place_preposition; })) {
        entity.type = "place";  // "aus Finkenwerder", "en Navalcastro"
      } else {
        entity.type = "other";
      }
      // "Ленинском районе" -> "Ленинский район": the nominative the
      // language's nominative settings or institution heads give; the
      // forms seen stay aliases.
      if (!forms_[best].listed.empty()) entity.name = forms_[best].listed;
      // "ТОМСК." in a dateline and "в Томске": the capitals give the
      // nominative the case form lacks.
      for (uint32_t c : members[e]) {
        const Form& caps = forms_[c];
        if (!caps.acronym || caps.text.find('.') != std::string::npos) continue;
        const bool inflected = std::any_of(members[e].begin(), members[e].end(), [&](uint32_t f) {
          const Form& g = forms_[f];
          return !g.acronym && g.key_words == 1 && g.key != g.ending_key &&
                 g.ending_key == caps.key;
        });
        if (inflected) {
          entity.name = FirstCapital(caps.text);
          break;
        }
      }
      if (entity.type != "person") {
        if (std::string n = x_.Nominative(entity.name); !n.empty()) entity.name = std::move(n);
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

Status EntityExtractor::AddAliasLines(std::string_view file, const std::vector<std::string>& lines,
                                      std::string_view default_type, bool local) {
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
    for (uint32_t pos = 0; local && pos < forms.size(); ++pos) {
      const LocalForm form{std::string(forms[pos]), pos};
      local_forms_[NameKey(form.first)].push_back(form);
      if (!name_endings_.empty())
        local_ending_forms_.try_emplace(EndingKey(NameKey(form.first)), form);
    }
    for (std::string_view form : forms) {
      aliases_.try_emplace(NameKey(form), index);
      if (!name_endings_.empty()) alias_ending_keys_.try_emplace(EndingKey(NameKey(form)), index);
    }
    for (std::string_view demonym : split(demonyms)) {
      std::string key = NameKey(demonym);
      if (!name_endings_.empty()) demonym_ending_keys_.try_emplace(EndingKey(key), index);
      if (EndsWith(key, "n") || EndsWith(key, "i")) demonyms_.try_emplace(key + "s", index);
      demonyms_.try_emplace(std::move(key), index);
    }
  }
  return Status();
}

namespace {

// Case folding as the tokenizer does it (Token::lower), code point by code
// point: list entries meet the tokens' stems.
std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    const char32_t cp = DecodeUtf8(s, &pos);
    AppendUtf8(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)),
               &out);
  }
  return out;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string EntityExtractor::Nominative(std::string_view name) const {
  if (nominative_rules_.empty()) return "";
  const size_t first = name.find(' ');
  if (first == std::string_view::npos) return "";
  const size_t second = name.find(' ', first + 1);
  const std::string_view adjective = name.substr(0, first);
  const std::string_view noun = name.substr(
      first + 1, second == std::string_view::npos ? std::string_view::npos : second - first - 1);
  for (const CaseRule& r : nominative_rules_) {  // longest noun ending first
    if (!EndsWith(adjective, r.adjective) || !EndsWith(noun, r.noun)) continue;
    // Two letters or more of each word stay ("Ленинск", "район").
    if (CodePoints(adjective.substr(0, adjective.size() - r.adjective.size())) < 2 ||
        CodePoints(noun.substr(0, noun.size() - r.noun.size())) < 2) {
      continue;
    }
    std::string out(adjective.substr(0, adjective.size() - r.adjective.size()));
    out += r.adjective_nominative;
    out.push_back(' ');
    out.append(noun.substr(0, noun.size() - r.noun.size()));
    out += r.noun_nominative;
    if (second != std::string_view::npos) out.append(name.substr(second));
    return out;
  }
  return "";
}

std::string EntityExtractor::EndingKey(std::string_view key) const {
  std::string out;
  out.reserve(key.size());
  while (!key.empty()) {
    const size_t space = key.find(' ');
    std::string_view word = key.substr(0, space);
    for (const std::string& ending : name_endings_) {  // longest first
      if (EndsWith(word, ending) && CodePoints(word.substr(0, word.size() - ending.size())) >= 3) {
        word.remove_suffix(ending.size());
        break;
      }
    }
    if (!out.empty()) out.push_back(' ');
    out.append(word);
    if (space == std::string_view::npos) break;
    key.remove_prefix(space + 1);
  }
  return out;
}

Status EntityExtractor::LoadLanguageSettings(std::string_view data_dir, const std::string& lang) {
  const std::string file = lang + "/entity_settings.txt";
  if (!HasDataFile(data_dir, file)) return Status();
  Result<std::string> content = ReadDataFile(data_dir, file);
  if (!content.ok()) return content.status();
  DataLines lines(*content);
  for (std::string_view line; lines.Next(&line);) {
    const size_t bar = line.find('|');
    const std::string_view name = TrimWhitespace(line.substr(0, bar));
    const std::string_view value =
        bar == std::string_view::npos ? std::string_view() : TrimWhitespace(line.substr(bar + 1));
    auto error = [&](std::string_view what) {
      return Status(StatusCode::kInvalidArgument, file + ":" + std::to_string(lines.number()) +
                                                      ": " + std::string(what) + ": '" +
                                                      std::string(line) + "'");
    };
    if (value.empty()) return error("'setting | value' expected");
    if (name == "capitalized_nouns" || name == "capitals_mark_names" || name == "head_word_first") {
      if (value != "yes" && value != "no") return error("'yes' or 'no' expected");
      bool& setting = name == "capitalized_nouns"     ? capitalized_nouns_
                      : name == "capitals_mark_names" ? capitals_mark_names_
                                                      : head_word_first_;
      setting = value == "yes";
    } else if (name == "name_ending") {
      name_endings_.push_back(NameKey(value));
    } else if (name == "opening_mark") {
      opening_marks_.emplace_back(value);
    } else if (name == "adjective_ending") {
      adjective_endings_.push_back(Fold(value));
    } else if (name == "road_word") {
      road_words_.insert(Fold(value));
    } else if (name == "nominative") {
      // "ском е | ский -": oblique endings, then nominative ones ("-": none).
      const size_t bar2 = value.find('|');
      auto pair = [](std::string_view v, std::string* a, std::string* b) {
        const std::vector<std::string_view> parts = SplitWhitespace(v);
        if (parts.size() != 2) return false;
        *a = parts[0] == "-" ? "" : std::string(parts[0]);
        *b = parts[1] == "-" ? "" : std::string(parts[1]);
        return true;
      };
      CaseRule rule;
      if (bar2 == std::string_view::npos ||
          !pair(value.substr(0, bar2), &rule.adjective, &rule.noun) ||
          !pair(value.substr(bar2 + 1), &rule.adjective_nominative, &rule.noun_nominative) ||
          rule.adjective.empty() || rule.noun.empty()) {
        return error("'adjective noun | adjective noun' endings expected");
      }
      nominative_rules_.push_back(std::move(rule));
    } else if (name == "place_suffix") {
      place_suffixes_.push_back(Fold(value));
    } else if (name == "noun_suffix") {
      noun_suffixes_.push_back(Fold(value));
    } else if (name == "name_quote") {
      const size_t space = value.find(' ');
      if (space == std::string_view::npos) return error("'open close' marks expected");
      name_quotes_.emplace_back(TrimWhitespace(value.substr(0, space)),
                                TrimWhitespace(value.substr(space + 1)));
    } else {
      return error("unknown setting");
    }
  }
  std::stable_sort(name_endings_.begin(), name_endings_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::stable_sort(nominative_rules_.begin(), nominative_rules_.end(),
                   [](const CaseRule& a, const CaseRule& b) {
                     if (a.noun.size() != b.noun.size()) return a.noun.size() > b.noun.size();
                     return a.adjective.size() > b.adjective.size();
                   });
  if (!capitalized_nouns_) return Status();
  Result<WordList> nouns = LoadWordList(data_dir, lang + "/common_nouns.txt", /*lowercase=*/false);
  if (!nouns.ok()) return nouns.status();
  Tokenizer::Scratch stemmer;
  stemmer.SetLanguage(lang);
  for (const std::string& e : nouns->entries()) {
    const size_t bar = e.find('|');
    const std::string word = Fold(TrimWhitespace(std::string_view(e).substr(0, bar)));
    if (bar == std::string::npos) {
      noun_stems_.insert(stemmer.Stem(word));
    } else if (TrimWhitespace(std::string_view(e).substr(bar + 1)) == "determiner") {
      determiners_.insert(word);
    } else if (TrimWhitespace(std::string_view(e).substr(bar + 1)) == "preposition") {
      prepositions_.insert(word);
    } else {
      return Status(StatusCode::kInvalidArgument,
                    lang + "/common_nouns.txt: unknown kind in '" + e + "'");
    }
  }
  return Status();
}

Result<EntityExtractor> EntityExtractor::Create(std::string_view data_dir,
                                                std::string_view language) {
  EntityExtractor x;
  const std::string lang(language);
  if (Status s = x.LoadLanguageSettings(data_dir, lang); !s.ok()) return s;
  Result<NameWords> names = NameWords::Create(data_dir, language);
  if (!names.ok()) return names.status();
  x.names_ = std::move(*names);
  Result<WordList> aliases = LoadWordList(data_dir, "aliases.txt", /*lowercase=*/false);
  if (!aliases.ok()) return aliases.status();
  Result<WordList> places = LoadWordList(data_dir, "places.txt", /*lowercase=*/false);
  if (!places.ok()) return places.status();
  Result<WordList> given = LoadWordList(data_dir, "given_names.txt", /*lowercase=*/true);
  if (!given.ok()) return given.status();
  Result<WordList> stop =
      LoadWordList(data_dir, lang + "/entity_stopwords.txt", /*lowercase=*/true);
  if (!stop.ok()) return stop.status();
  Result<WordList> titles = LoadWordList(data_dir, lang + "/person_titles.txt", /*lowercase=*/true);
  if (!titles.ok()) return titles.status();

  if (Status s = x.AddAliasLines("aliases.txt", aliases->entries(), "other"); !s.ok()) return s;
  if (Status s = x.AddAliasLines("places.txt", places->entries(), "place"); !s.ok()) return s;
  if (const std::string file = lang + "/local_names.txt"; HasDataFile(data_dir, file)) {
    Result<WordList> local = LoadWordList(data_dir, file, /*lowercase=*/false);
    if (!local.ok()) return local.status();
    if (Status s = x.AddAliasLines(file, local->entries(), "place", /*local=*/true); !s.ok()) {
      return s;
    }
  }
  if (const std::string file = lang + "/institution_heads.txt"; HasDataFile(data_dir, file)) {
    Result<WordList> heads = LoadWordList(data_dir, file, /*lowercase=*/false);
    if (!heads.ok()) return heads.status();
    for (const std::string& e : heads->entries()) {
      const size_t bar = e.find('|');
      const std::string head = Fold(TrimWhitespace(std::string_view(e).substr(0, bar)));
      const std::string type(bar == std::string::npos
                                 ? std::string_view()
                                 : TrimWhitespace(std::string_view(e).substr(bar + 1)));
      if (type != "organization" && type != "place") {
        return Status(StatusCode::kInvalidArgument,
                      file + ": 'head | organization' or 'head | place' expected: '" + e + "'");
      }
      x.institution_heads_[head] = type;
    }
  }
  std::vector<std::string> given_lines = given->entries();
  if (const std::string file = lang + "/given_names.txt"; HasDataFile(data_dir, file)) {
    Result<WordList> local = LoadWordList(data_dir, file, /*lowercase=*/true);
    if (!local.ok()) return local.status();
    given_lines.insert(given_lines.end(), local->entries().begin(), local->entries().end());
  }
  for (uint32_t line = 0; line < given_lines.size(); ++line) {
    std::string_view rest = given_lines[line];
    while (true) {  // "michael | mike": one name, written two ways
      size_t bar = rest.find('|');
      std::string_view name = TrimWhitespace(rest.substr(0, bar));
      if (!name.empty()) x.given_names_.try_emplace(NameKey(name), line);
      if (bar == std::string_view::npos) break;
      rest.remove_prefix(bar + 1);
    }
  }
  Tokenizer::Scratch stemmer;
  stemmer.SetLanguage(lang);
  if (!x.name_endings_.empty()) {
    for (const auto& [key, entry] : x.aliases_) {
      if (key.find(' ') != std::string::npos) continue;
      std::string stem = stemmer.Stem(key);
      if (CodePoints(stem) < 4) continue;
      if (auto l = x.local_forms_.find(key); l != x.local_forms_.end()) {
        const LocalForm& form = l->second.front();
        auto [ls, fresh] = x.local_stem_forms_.try_emplace(stem, form);
        if (!fresh &&
            std::tie(form.second, form.first) < std::tie(ls->second.second, ls->second.first)) {
          ls->second = form;
        }
      }
      // The first line when two share a stem, whatever the map's order.
      auto [it, inserted] = x.alias_stems_.try_emplace(std::move(stem), entry);
      if (!inserted && entry < it->second) it->second = entry;
    }
  }
  for (const std::string& e : stop->entries()) {
    size_t bar = e.find('|');
    std::string word(TrimWhitespace(std::string_view(e).substr(0, bar)));
    if (bar == std::string::npos) {
      x.stopwords_.insert(NameKey(word));
    } else {
      std::string type(TrimWhitespace(std::string_view(e).substr(bar + 1)));
      // "ag | organization suffix": written in capitals after the name.
      if (const size_t space = type.find(' ');
          space != std::string::npos && type.substr(space + 1) == "suffix") {
        type.resize(space);
        x.org_suffixes_.insert(NameKey(word));
      }
      if (type != "organization" && type != "place" && type != "group") {
        return Status(StatusCode::kInvalidArgument,
                      lang + "/entity_stopwords.txt: unknown type '" + type + "'");
      }
      if (x.capitalized_nouns_) x.head_stems_.try_emplace(stemmer.Stem(Fold(word)), type);
      if (!x.name_endings_.empty()) {
        x.head_ending_types_.try_emplace(x.EndingKey(NameKey(word)), type);
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
