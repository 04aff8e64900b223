#include "analyze/figures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <string>
#include <utility>

#include "analyze/figure_scan.h"
#include "analyze/figure_words.h"

namespace dossier {
namespace {

using figures_internal::FigureWords;
using figures_internal::IsCasualtyKey;
using figures_internal::Kind;
using figures_internal::SignificantDigits;

// Whether two sorted stem sets have at least two stems in common.
bool ShareContext(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t shared = 0;
  for (size_t x = 0, y = 0; x < a.size() && y < b.size();) {
    if (a[x] < b[y]) {
      ++x;
    } else if (b[y] < a[x]) {
      ++y;
    } else {
      if (++shared >= 2) return true;
      ++x;
      ++y;
    }
  }
  return false;
}

// Whether two values can be one quantity at all: within kSameQuantityRatio
// of each other. An order of magnitude apart they are different quantities,
// whatever the words, and even when an open bound makes them compatible
// ("more than $15,000" and "$15 million").
bool Close(const FigureMention& x, const FigureMention& y) {
  if (x.value == y.value) return true;
  const double lo = std::min(x.value, y.value);
  const double hi = std::max(x.value, y.value);
  return lo > 0 && hi / lo <= FigureExtractor::kSameQuantityRatio;
}

// Whether two mentions are the same quantity by their wording: close values,
// shared context, and different sentences (a sentence listing "117 percent
// ..., 124 percent ..." names different quantities).
bool SameByContext(const ScannedFigure& a, const ScannedFigure& b) {
  const FigureMention& x = a.mention;
  const FigureMention& y = b.mention;
  if (x.document == y.document && x.sentence == y.sentence) return false;
  return Close(x, y) && ShareContext(a.context, b.context);
}

// Whether one key is the other with words added before or after it, whole
// words: "дом" and "многоквартирн дом", "nave" and "nave agrícol".
bool Narrows(const std::string& a, const std::string& b) {
  if (a == b) return false;
  const std::string& s = a.size() < b.size() ? a : b;
  const std::string& l = a.size() < b.size() ? b : a;
  return (l.starts_with(s) && l[s.size()] == ' ') ||
         (l.ends_with(s) && l[l.size() - s.size() - 1] == ' ');
}

enum class Bound { kExact, kLower, kUpper };

struct Interval {
  double low, high;
  Bound bound;
};

Interval IntervalOf(const FigureMention& m) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const std::string& q = m.qualifier;
  if (q == "about") return {0.9 * m.value, 1.1 * m.value_high, Bound::kExact};
  if (q == "over" || q == "more than" || q == "at least" || q == "plus") {
    return {m.value, kInf, Bound::kLower};
  }
  if (q == "up to" || q == "within" || q == "less than") return {0, m.value_high, Bound::kUpper};
  if (q == "nearly") return {0.9 * m.value, m.value_high, Bound::kExact};
  return {m.value, m.value_high, Bound::kExact};
}

size_t Root(std::vector<size_t>* parent, size_t x) {
  while ((*parent)[x] != x) {
    (*parent)[x] = (*parent)[(*parent)[x]];
    x = (*parent)[x];
  }
  return x;
}

void Link(std::vector<size_t>* parent, size_t a, size_t b) {
  a = Root(parent, a);
  b = Root(parent, b);
  if (a != b) (*parent)[std::max(a, b)] = std::min(a, b);
}

}  // namespace

std::vector<const FigureMention*> CurrentMentions(const std::vector<FigureMention>& mentions) {
  std::vector<const FigureMention*> current;
  for (const FigureMention& m : mentions) {
    if (!m.earlier) current.push_back(&m);
  }
  if (current.empty()) {
    for (const FigureMention& m : mentions) current.push_back(&m);
  }
  return current;
}

size_t FigureGroup::DocumentCount() const {
  std::set<uint32_t> docs;
  for (const FigureMention* m : CurrentMentions(mentions)) docs.insert(m->document);
  return docs.size();
}

const char* FigureStatusName(FigureGroup::Status status) {
  switch (status) {
    case FigureGroup::Status::kAgree:
      return "agree";
    case FigureGroup::Status::kConsistent:
      return "consistent";
    case FigureGroup::Status::kConflict:
      return "conflict";
  }
  return "agree";
}

FigureGroup::Status FigureExtractor::Verdict(const std::vector<FigureMention>& all,
                                             bool approximate_agrees) {
  // Earlier counts neither corroborate nor contradict the others.
  const std::vector<const FigureMention*> mentions = CurrentMentions(all);
  FigureGroup::Status status = FigureGroup::Status::kAgree;
  for (size_t i = 0; i < mentions.size(); ++i) {
    for (size_t j = i + 1; j < mentions.size(); ++j) {
      const FigureMention& a = *mentions[i];
      const FigureMention& b = *mentions[j];
      if (a.document == b.document) continue;
      if (!Compatible(a, b)) return FigureGroup::Status::kConflict;
      const bool approximately = approximate_agrees &&
                                 (a.qualifier.empty() || a.qualifier == "about") &&
                                 (b.qualifier.empty() || b.qualifier == "about");
      if (a.value != b.value || a.value_high != b.value_high ||
          (a.qualifier != b.qualifier && !approximately)) {
        status = FigureGroup::Status::kConsistent;
      }
    }
  }
  return status;
}

Result<FigureExtractor> FigureExtractor::Create(std::string_view data_dir,
                                                std::string_view language) {
  Result<FigureWords> words = figures_internal::LoadFigureWords(data_dir, language);
  if (!words.ok()) return words.status();
  FigureExtractor figures;
  figures.words_ = std::make_shared<const FigureWords>(std::move(*words));
  return figures;
}

bool FigureExtractor::approximate_agrees() const { return words_->approximate_agrees; }

bool FigureExtractor::IsDuration(std::string_view unit) const {
  return words_->UnitKind(unit) == Kind::kTime;
}

const FigureLabelWords& FigureExtractor::label_words() const { return words_->labels; }

std::string FigureLabelWords::CountedNominative(std::string_view label, bool paucal) const {
  // The ending of `word` in `endings` and its nominative, or false.
  auto rewrite = [](const std::vector<std::pair<std::string, std::string>>& endings,
                    std::string_view word, std::string* out) {
    size_t best = 0;
    for (const auto& [from, to] : endings) {
      if (word.size() > from.size() && from.size() > best && word.ends_with(from)) {
        best = from.size();
        *out = std::string(word.substr(0, word.size() - from.size())) + to;
      }
    }
    return best > 0;
  };
  std::string out;
  size_t at = 0;
  while (at < label.size()) {
    const size_t space = std::min(label.find(' ', at), label.size());
    const std::string_view word = label.substr(at, space - at);
    std::string form;
    const std::string* whole = nullptr;
    for (const auto& [from, to] : counted_forms) {
      if (from == word || (paucal && to == word)) whole = &to;
    }
    if (whole != nullptr) {
      form = *whole;
    } else if (rewrite(counted_modifier_endings, word, &form)) {
      out += form;
      at = space;
      if (at < label.size()) out += label[at++];
      continue;
    } else if (!(paucal && rewrite(paucal_endings, word, &form)) &&
               !rewrite(counted_endings, word, &form)) {
      return std::string(label);  // a word of no known case: all as written
    }
    out += form;  // the head: the rest as written
    at = space;
    break;
  }
  return out + std::string(label.substr(at));
}

std::vector<FigureMention> FigureExtractor::Extract(const Document& doc,
                                                    uint32_t document_index) const {
  std::vector<ScannedFigure> found;
  ScanFigures(*words_, doc, document_index, &found);
  std::vector<FigureMention> out;
  out.reserve(found.size());
  for (ScannedFigure& f : found) out.push_back(std::move(f.mention));
  return out;
}

bool FigureExtractor::Compatible(const FigureMention& a, const FigureMention& b) {
  Interval x = IntervalOf(a);
  Interval y = IntervalOf(b);
  return !(x.low > y.high || y.low > x.high);
}

std::vector<FigureGroup> FigureExtractor::Group(const Cluster& cluster,
                                                const std::vector<bool>* include) const {
  std::vector<ScannedFigure> all;
  for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
    if (include != nullptr && d < include->size() && !(*include)[d]) continue;
    ScanFigures(*words_, cluster.documents[d], d, &all);
  }
  // Mentions linked by unit and key (see the header), never joining two
  // different known keys into one group.
  std::map<std::string, std::vector<size_t>> by_unit;
  for (size_t i = 0; i < all.size(); ++i) by_unit[all[i].mention.unit].push_back(i);
  std::vector<size_t> parent(all.size());
  std::iota(parent.begin(), parent.end(), size_t{0});
  std::vector<const std::string*> key_of(all.size());  // per root: its known key, or ""
  for (size_t i = 0; i < all.size(); ++i) key_of[i] = &all[i].mention.what_key;
  auto link = [&](size_t a, size_t b, bool across_keys) {
    a = Root(&parent, a);
    b = Root(&parent, b);
    if (a == b) return;
    const std::string* ka = key_of[a];
    const std::string* kb = key_of[b];
    if (!across_keys && !ka->empty() && !kb->empty() && *ka != *kb) return;
    Link(&parent, a, b);
    key_of[Root(&parent, a)] = ka->empty() ? kb : ka;
  };
  for (const auto& [unit, members] : by_unit) {
    // Known keys first, so that unknown mentions join settled groups. Money
    // and measures with one key and close values in two sources are one
    // quantity even when they disagree ("$340 million repair", "repairs will
    // cost about $410 million"); counts of things are not ("20 states sued",
    // "12 states joined").
    const Kind kind = words_->UnitKind(unit);
    const bool measured =
        unit != "people" && unit != "percent" && !unit.empty() && kind != Kind::kTime;
    for (size_t x = 0; x < members.size(); ++x) {
      const ScannedFigure& a = all[members[x]];
      if (a.mention.what_key.empty()) continue;
      const bool casualty = IsCasualtyKey(a.mention.what_key);
      for (size_t y = x + 1; y < members.size(); ++y) {
        const ScannedFigure& b = all[members[y]];
        if (b.mention.what_key != a.mention.what_key) continue;
        const bool close = Close(a.mention, b.mention);
        if (casualty || (close && Compatible(a.mention, b.mention)) ||
            (close && measured && a.mention.document != b.mention.document) ||
            SameByContext(a, b)) {
          link(members[x], members[y], false);
        }
      }
    }
    // The same specific measurement in two sources is one fact, however
    // each source names it ("1.2-kilometre span", "1.2-kilometer bridge").
    // Shares and durations coincide too often ("13%" of two different
    // wholes, "15 years" in prison and ago) to count as one fact.
    const bool common = kind == Kind::kPeople || kind == Kind::kPercent || kind == Kind::kTime;
    if (!unit.empty() && !common) {
      for (size_t x = 0; x < members.size(); ++x) {
        const FigureMention& a = all[members[x]].mention;
        if (IsCasualtyKey(a.what_key) || SignificantDigits(a.value) < 2) continue;
        for (size_t y = x + 1; y < members.size(); ++y) {
          const FigureMention& b = all[members[y]].mention;
          if (b.document != a.document && b.value == a.value && b.value_high == a.value_high &&
              b.qualifier == a.qualifier && !IsCasualtyKey(b.what_key)) {
            link(members[x], members[y], true);
          }
        }
      }
    }
    // The same count of a thing one source names more narrowly ("120
    // многоквартирных домов", "120 домов"; "120 naves agrícolas", "120
    // naves") is one fact: one key opens or ends the other. Where the
    // language sets it (figure_grammar.txt), and not for small values
    // ("two state universities", "two states").
    for (size_t x = 0; words_->narrower_is_same && unit.empty() && x < members.size(); ++x) {
      const FigureMention& a = all[members[x]].mention;
      if (a.what_key.empty() || IsCasualtyKey(a.what_key) || SignificantDigits(a.value) < 2) {
        continue;
      }
      for (size_t y = x + 1; y < members.size(); ++y) {
        const FigureMention& b = all[members[y]].mention;
        if (b.document != a.document && b.value == a.value && b.value_high == a.value_high &&
            !b.what_key.empty() && !IsCasualtyKey(b.what_key) && Narrows(a.what_key, b.what_key)) {
          link(members[x], members[y], true);
        }
      }
    }
    for (size_t x = 0; x < members.size(); ++x) {
      const ScannedFigure& a = all[members[x]];
      if (!a.mention.what_key.empty()) continue;
      for (size_t y = 0; y < members.size(); ++y) {
        const ScannedFigure& b = all[members[y]];
        if (y == x || IsCasualtyKey(b.mention.what_key)) continue;
        if (SameByContext(a, b)) link(members[x], members[y], false);
      }
    }
  }
  // Groups in order of their first mention.
  std::vector<FigureGroup> out;
  std::map<size_t, size_t> group_of_root;
  for (size_t i = 0; i < all.size(); ++i) {
    size_t root = Root(&parent, i);
    auto [it, inserted] = group_of_root.try_emplace(root, out.size());
    if (inserted) {
      out.emplace_back();
      out.back().unit = all[i].mention.unit;
      out.back().what_key = *key_of[root];
    }
    out[it->second].mentions.push_back(std::move(all[i].mention));
  }
  // Every label of the pile, where the language has case endings: a group's
  // label in an oblique case is given in the case another group writes it in
  // ("2.100 Beschäftigten", "1.200 Beschäftigte").
  std::set<std::string> pile_labels;
  if (!words_->labels.case_endings.empty()) {
    for (const FigureGroup& g : out) {
      for (const FigureMention& m : g.mentions) pile_labels.insert(m.what);
    }
  }
  for (FigureGroup& g : out) {
    std::map<double, size_t> counts;
    std::map<std::string, size_t> labels;
    size_t best = 0;
    size_t best_label = 0;
    for (const FigureMention* m : CurrentMentions(g.mentions)) {
      if (const size_t n = ++counts[m->value]; n > best) {
        best = n;
        g.value = m->value;
      }
    }
    for (const FigureMention& m : g.mentions) {
      if (!m.what.empty() && ++labels[m.what] > best_label) {
        best_label = labels[m.what];
        g.what = m.what;
      }
    }
    // "Passagieren" (dative) and "Passagiere", in this group or another:
    // the second.
    for (const std::string& ending : words_->labels.case_endings) {
      if (g.what.size() > ending.size() && g.what.ends_with(ending)) {
        const std::string plain = g.what.substr(0, g.what.size() - ending.size());
        if (pile_labels.count(plain) != 0) g.what = plain;
      }
    }
    if (g.what.empty()) g.what = g.unit;
    g.status = Verdict(g.mentions, words_->approximate_agrees);
  }
  std::stable_sort(out.begin(), out.end(), [](const FigureGroup& a, const FigureGroup& b) {
    return a.DocumentCount() > b.DocumentCount();
  });
  return out;
}

}  // namespace dossier
