#include "analyze/entity_run.h"
#include "util/strings.h"

namespace dossier {

using entity_run::FirstWord;
using entity_run::LastWord;
using name_forms::AcronymLetters;

namespace {

// Whether all of `forms` are in one set; that set's root.
bool OneSet(entity_run::Sets* sets, const std::vector<uint32_t>& forms, uint32_t* root) {
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

// The forms among `candidates` of more words than `form` whose `key` opens
// with `form`'s and a space ("Законодательное собрание …" for
// "Законодательное собрание"; "Calloway Strand Engineering" for "Calloway").
template <typename Form>
void LongerOpeningWith(const std::vector<Form>& forms, const std::vector<uint32_t>& candidates,
                       const Form& form, std::string Form::*key, std::vector<uint32_t>* longer) {
  longer->clear();
  const std::string prefix = form.*key + " ";
  for (uint32_t g : candidates) {
    if (forms[g].key_words > form.key_words && StartsWith(forms[g].*key, prefix)) {
      longer->push_back(g);
    }
  }
}

}  // namespace

void EntityExtractor::Run::MergeByAliasFile(Sets* sets) {
  std::unordered_map<uint32_t, uint32_t> first_form;  // alias entry -> form
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    if (forms_[f].entry == kNone) continue;
    auto [ff, inserted] = first_form.try_emplace(forms_[f].entry, f);
    if (!inserted) sets->Union(ff->second, f);
  }
}

void EntityExtractor::Run::MergeByKey(Sets* sets) {
  std::unordered_map<std::string_view, uint32_t> first;
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    if (forms_[f].acronym || forms_[f].demonym) continue;
    auto [it, inserted] = first.try_emplace(forms_[f].key, f);
    if (!inserted) sets->Union(it->second, f);
  }
  // "Ferrovia Bourgogne SAS" and "Ferrovia Bourgogne": a name with its
  // legal form after it and without.
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    const std::string_view key = forms_[f].key;
    const size_t space = key.rfind(' ');
    if (forms_[f].acronym || forms_[f].demonym || space == std::string_view::npos ||
        x_.org_suffixes_.count(std::string(key.substr(space + 1))) == 0) {
      continue;
    }
    if (auto it = first.find(key.substr(0, space)); it != first.end()) sets->Union(it->second, f);
  }
  // Outside English, a word in capitals of 4 letters or more is the name
  // written so ("ÁVILA." in a dateline = "Ávila").
  if (!x_.capitals_mark_names_ && !x_.capitalized_nouns_) return;
  // Where names take endings, also one of its case forms: "ТОМСК." and
  // "в Томске".
  std::unordered_map<std::string_view, uint32_t> by_ending;
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    const Form& form = forms_[f];
    if (!form.ending_key.empty() && !form.demonym) by_ending.try_emplace(form.ending_key, f);
  }
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    const Form& form = forms_[f];
    if (!form.acronym || form.key.size() < 4 || form.text.find('.') != std::string::npos) continue;
    if (auto it = first.find(form.key); it != first.end()) {
      sets->Union(it->second, f);
    } else if (auto e = by_ending.find(x_.EndingKey(form.key));
               !x_.name_endings_.empty() && e != by_ending.end()) {
      sets->Union(e->second, f);
    }
  }
}

void EntityExtractor::Run::MergeByEndings(Sets* sets) {
  std::unordered_map<std::string_view, uint32_t> first;
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    if (forms_[f].ending_key.empty() || forms_[f].acronym || forms_[f].demonym) continue;
    auto [it, inserted] = first.try_emplace(forms_[f].ending_key, f);
    if (!inserted) sets->Union(it->second, f);
  }
}

void EntityExtractor::Run::MergeShortBodies(Sets* sets) {
  // Where names take endings, a body named by its opening words is the one
  // longer body of the pile that opens so: "Законодательного собрания" is
  // "Законодательное собрание Новосибирской области" when no other
  // "Законодательное собрание …" occurs.
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_first;
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    const Form& form = forms_[f];
    if (form.ending_key.empty() || form.acronym || form.demonym || form.key_words < 3 ||
        form.head_type != "organization") {
      continue;
    }
    by_first[FirstWord(form.ending_key)].push_back(f);
  }
  std::vector<uint32_t> longer;
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    const Form& form = forms_[f];
    if (form.ending_key.empty() || form.acronym || form.demonym || form.key_words < 2 ||
        form.head_type != "organization" || form.entry != kNone) {
      continue;
    }
    auto it = by_first.find(FirstWord(form.ending_key));
    if (it == by_first.end()) continue;
    LongerOpeningWith(forms_, it->second, form, &Form::ending_key, &longer);
    uint32_t root = 0;
    if (!longer.empty() && OneSet(sets, longer, &root)) sets->Union(f, longer[0]);
  }
}

void EntityExtractor::Run::MergeMiddleInitials(Sets* sets) {
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

void EntityExtractor::Run::MergeAcronyms(Sets* sets) {
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

std::vector<bool> EntityExtractor::Run::PersonSets(Sets* sets) const {
  std::vector<bool> person(forms_.size(), false);
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    if (forms_[f].titled || forms_[f].given) person[sets->Find(f)] = true;
  }
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    const uint32_t label = sets->Label(f);
    if (label != kNone && x_.alias_entries_[label].type != "person") person[sets->Find(f)] = false;
  }
  return person;
}

void EntityExtractor::Run::MergeSpellingVariants(Sets* sets) {
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

EntityExtractor::Run::Owners EntityExtractor::Run::WordOwners(Sets* sets,
                                                              const std::vector<bool>* person) {
  Owners owner;
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    const Form& form = forms_[f];
    if (!IsPlainName(form) || form.key_words < 2) continue;
    const uint32_t root = sets->Find(f);
    if (person != nullptr && !(*person)[root]) continue;
    std::string_view k = SurnameKey(form);
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

void EntityExtractor::Run::MergeSurnames(Sets* sets) {
  const std::vector<bool> person = PersonSets(sets);
  const auto owners = WordOwners(sets, &person);
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_last;
  // Key word -> (set, mentions) of the person forms of two words or more using it.
  std::unordered_map<std::string_view, std::vector<std::pair<uint32_t, uint32_t>>> uses;
  for (uint32_t f = 0; f < forms_.size(); ++f) {
    const Form& form = forms_[f];
    if (!IsPlainName(form) || form.key_words < 2) continue;
    if (form.key_words <= 3) by_last[LastWord(SurnameKey(form))].push_back(f);
    const uint32_t root = sets->Find(f);
    if (!person[root]) continue;
    std::string_view k = SurnameKey(form);
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
    auto it = by_last.find(SurnameKey(form));
    if (it == by_last.end()) continue;
    uint32_t root = 0;
    if (OneSet(sets, it->second, &root)) {
      if (!OwnedOnlyBy(owners, SurnameKey(form), root, root)) continue;
      if (person[root] || person[sets->Find(f)]) sets->Union(f, it->second[0]);
      continue;
    }
    // "Trump" -> "Donald Trump" (19 mentions), not "Melania Trump" (1):
    // a person whose forms ending so have kDominance times the mentions
    // of all other person forms using the word, and kMinDominant or more.
    constexpr uint32_t kMinDominant = 3;
    constexpr uint32_t kDominance = 4;
    auto u = uses.find(SurnameKey(form));
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

// Where every noun is capitalized, a company by its first word alone
// ("Brandt" for "Brandt Fahrzeugtechnik AG"): the longer forms that open
// with form f are one company's, named with an organization head word, and
// the others shorter forms of it ("Brandt Fahrzeugtechnik").
bool EntityExtractor::Run::MergeCompanyFirstWord(uint32_t f, const std::vector<uint32_t>& longer,
                                                 Sets* sets) {
  const Form& form = forms_[f];
  if (!x_.capitalized_nouns_ || form.key_words != 1 || !form.head_type.empty()) return false;
  std::vector<uint32_t> headed;
  for (uint32_t g : longer) {
    if (forms_[g].head_type == "organization") headed.push_back(g);
  }
  uint32_t root = 0;
  if (headed.empty() || !OneSet(sets, headed, &root)) return false;
  for (uint32_t g : longer) {
    if (!StartsWith(forms_[headed[0]].key, forms_[g].key)) return false;
  }
  sets->Union(f, headed[0]);
  return true;
}

void EntityExtractor::Run::MergeFirstNames(Sets* sets) {
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
    LongerOpeningWith(forms_, it->second, form, &Form::key, &longer);
    uint32_t root = 0;
    if (MergeCompanyFirstWord(f, longer, sets)) continue;
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

}  // namespace dossier
