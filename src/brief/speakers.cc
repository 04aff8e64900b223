#include "brief/speakers.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

#include "util/strings.h"

namespace dossier {
namespace {

constexpr size_t kMaxScoredTerms = 40;

// True when `shorter` is `longer`'s final words ("Kerry" of "John Kerry").
bool IsTailOf(std::string_view shorter, std::string_view longer) {
  return longer.size() > shorter.size() && longer.ends_with(shorter) &&
         longer[longer.size() - shorter.size() - 1] == ' ';
}

// The sentences of `doc` inside `span`, as a range [first, last).
std::pair<uint32_t, uint32_t> SentencesIn(const Document& doc, Span span) {
  uint32_t first = doc.SentenceAt(span.begin);
  if (first < doc.sentences.size() && doc.sentences[first].span.end <= span.begin) ++first;
  uint32_t last = first;
  while (last < doc.sentences.size() && doc.sentences[last].span.begin < span.end) ++last;
  return {first, last};
}

// A turn's most informative run of whole sentences within kExcerptBytes:
// the best sentence, then the next ones while they fit.
Span BestExcerpt(const Document& doc, Span turn, const ProceduralMatcher& procedural,
                 const BackgroundIdf& idf, const TermVector& story) {
  const auto [first, last] = SentencesIn(doc, turn);
  uint32_t best = UINT32_MAX;
  double best_score = -1;
  for (uint32_t s = first; s < last; ++s) {
    const Sentence& sentence = doc.sentences[s];
    if (sentence.stage_direction || sentence.fragment || procedural.IsProcedural(doc, s)) continue;
    const double score = QuoteInformativeness(doc, sentence.span, idf, story);
    if (score > best_score) best_score = score, best = s;
  }
  if (best == UINT32_MAX) return turn;
  Span excerpt = doc.sentences[best].span;
  for (uint32_t s = best + 1; s < last; ++s) {
    const Sentence& next = doc.sentences[s];
    if (next.stage_direction || next.span.end - excerpt.begin > kExcerptBytes) break;
    excerpt.end = next.span.end;
  }
  return excerpt;
}

bool IsOutlet(const std::string& name, const WordList& outlets,
              const std::unordered_set<std::string>& own_outlets, const QuoteWords& words) {
  const std::string lower = AsciiLower(name);
  if (outlets.Contains(lower) || own_outlets.count(lower) > 0) return true;
  // "the Associated Press" as written.
  const std::string_view bare = words.WithoutArticle(lower);
  return bare.size() != lower.size() && outlets.Contains(bare);
}

// Whether one of `roles` is `role` (lower case), or `role` and then what the
// office is of ("directeur général de Logistique Rhône", "губернатор
// Новосибирской области": an "of" word, an article or a name after it); not another
// office that holds its words ("directeur général adjoint", "Deputy Mayor").
bool HoldsRole(const std::map<std::string, size_t>& roles, const std::string& role,
               const QuoteWords& words) {
  for (const auto& [r, n] : roles) {
    const std::string lower = quote_words::LowerSameLength(r);
    if (lower == role) return true;
    if (!lower.starts_with(role + " ")) continue;
    const size_t next = role.size() + 1;
    const size_t end = std::min(lower.find(' ', next), lower.size());
    const std::string_view next_word = std::string_view(lower).substr(next, end - next);
    bool of = quote_words::IsCapitalized(std::string_view(r).substr(next));
    for (QuoteWords::Kind k : {QuoteWords::kOf, QuoteWords::kNameInner, QuoteWords::kArticle,
                               QuoteWords::kDeterminer, QuoteWords::kPreposition}) {
      of = of || words.Is(next_word, k);
    }
    if (of) return true;
  }
  return false;
}

// Quote q of document d as the briefing lists it: its excerpt and score.
QuoteRef RefOf(const SpeakerInputs& in, const Document& doc, uint32_t d, const Quote& q) {
  QuoteRef ref;
  ref.document = d;
  ref.sentence = q.sentence;
  ref.kind = QuoteKindName(q.kind);
  ref.span = q.span;
  ref.source_span = doc.map.ToOriginal(q.span);
  ref.excerpt = q.kind == Quote::Kind::kTurn
                    ? BestExcerpt(doc, q.span, *in.procedural, *in.idf, *in.story)
                    : q.span;
  ref.score = QuoteInformativeness(doc, ref.excerpt, *in.idf, *in.story);
  // A fragment is shown in its sentence, which holds it: "El regidor pidió
  // «paciencia» a quienes ...". Scored on its own words, like a direct quote.
  // A long sentence is cut at a space some words before and after it.
  if (q.kind == Quote::Kind::kPartial && q.sentence < doc.sentences.size()) {
    constexpr uint32_t kContextBytes = 120;
    const Span sentence = doc.sentences[q.sentence].span;
    if (sentence.begin <= q.span.begin && q.span.end <= sentence.end) {
      Span e = sentence;
      if (q.span.begin - e.begin > kContextBytes) {
        uint32_t b = q.span.begin - kContextBytes;
        while (b < q.span.begin && doc.text[b - 1] != ' ') ++b;
        e.begin = b < q.span.begin ? b : e.begin;
      }
      if (e.end - q.span.end > kContextBytes) {
        uint32_t end = q.span.end + kContextBytes;
        while (end > q.span.end && doc.text[end] != ' ') --end;
        e.end = end > q.span.end ? end : e.end;
      }
      ref.excerpt = e;
    }
  }
  ref.excerpt_source_span = doc.map.ToOriginal(ref.excerpt);
  return ref;
}

// The role given most often; among equals one that holds another and says
// more ("directeur régional de l'entreprise" over "directeur régional",
// "Turkish Foreign Minister" over "Foreign Minister"), else the first in
// order.
std::string MostGivenRole(const std::map<std::string, size_t>& roles) {
  std::string best_role;
  size_t best = 0;
  for (const auto& [role, n] : roles) {
    const bool fuller = role.size() > best_role.size() && role.find(best_role) != std::string::npos;
    if (n > best || (n == best && fuller)) best = n, best_role = role;
  }
  return best_role;
}

}  // namespace

double QuoteInformativeness(const Document& doc, Span span, const BackgroundIdf& idf,
                            const TermVector& story) {
  const auto [first, last] = SentencesIn(doc, span);
  std::vector<uint64_t> seen;  // at most kMaxScoredTerms: a linear search is cheapest
  double mass = 0;
  size_t words = 0;
  for (uint32_t s = first; s < last; ++s) {
    const Sentence& sentence = doc.sentences[s];
    for (uint32_t t = sentence.token_begin; t < sentence.token_end; ++t) {
      const Token& tok = doc.tokens[t];
      if (tok.span.begin < span.begin || tok.span.end > span.end) continue;
      ++words;
      if (tok.is_stopword || tok.is_number || seen.size() >= kMaxScoredTerms) continue;
      if (std::find(seen.begin(), seen.end(), tok.stem_hash) != seen.end()) continue;
      seen.push_back(tok.stem_hash);
      mass += idf.Idf(tok.stem_hash);
    }
  }
  const double relevance = Cosine(idf.SentencesVector(doc, first, last), story);
  double score = mass * (0.3 + relevance);
  if (words < 6) score *= 0.5;
  return score;
}

SpeakerIndex BuildSpeakers(const SpeakerInputs& in) {
  const Cluster& cluster = *in.cluster;
  const std::vector<Entity>& entities = *in.entities;
  std::unordered_map<std::string, size_t> entity_of;  // lower-case name or alias -> entity
  for (size_t e = 0; e < entities.size(); ++e) {
    if (entities[e].type == "place") continue;
    entity_of.emplace(AsciiLower(entities[e].name), e);
    for (const std::string& a : entities[e].aliases) entity_of.emplace(AsciiLower(a), e);
  }
  std::unordered_set<std::string> own_outlets;
  for (const Document& doc : cluster.documents) {
    if (!doc.source.empty()) own_outlets.insert(AsciiLower(doc.source));
  }

  // Quotes of every document, keyed by the speaker's name as the extractor
  // gave it (already the fullest form within its document).
  struct Group {
    std::map<std::string, size_t> roles;
    std::vector<QuoteRef> quotes;
  };
  std::vector<std::pair<std::string, Group>> groups;  // in order of first quote
  std::unordered_map<std::string, size_t> index;
  // Quotes whose speaker is only a role ("le directeur général"), with it.
  std::vector<std::pair<std::string, QuoteRef>> by_role;
  for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
    const SourceEntry& source = (*in.sources)[d];
    if (source.copy_of >= 0 || source.set_aside) continue;
    const Document& doc = cluster.documents[d];
    for (const Quote& q : (*in.quotes)[d]) {
      if (q.kind == Quote::Kind::kTurn) {
        const Turn* turn = nullptr;
        for (const Turn& t : doc.turns) {
          if (t.span.begin == q.span.begin) turn = &t;
        }
        if (turn != nullptr && (turn->is_role || turn->is_question)) continue;
      }
      if (IsOutlet(q.speaker, *in.outlets, own_outlets, *in.words)) continue;
      if (in.procedural->IsProceduralSpan(doc, q.span)) continue;
      const QuoteRef ref = RefOf(in, doc, d, q);
      if (q.role_only) {
        by_role.emplace_back(quote_words::LowerSameLength(q.role), ref);
        continue;
      }
      auto [it, added] = index.emplace(q.speaker, groups.size());
      if (added) groups.push_back({q.speaker, Group{}});
      Group& g = groups[it->second].second;
      if (!q.role.empty()) ++g.roles[q.role];
      g.quotes.push_back(ref);
    }
  }
  // Across documents, names of one speaker are merged (union-find) when
  //   - they are forms of one entity ("Obama", "Barack Obama"; "RTSO",
  //     "Regional Transit Safety Office"), or
  //   - one is the tail of exactly one longer name ("Kerry", "John Kerry").
  std::vector<size_t> parent(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) parent[i] = i;
  auto find = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  auto unite = [&](size_t a, size_t b) {
    a = find(a), b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  };
  std::vector<size_t> entity(groups.size(), SIZE_MAX);
  std::unordered_map<size_t, size_t> first_group_of_entity;
  for (size_t i = 0; i < groups.size(); ++i) {
    auto it = entity_of.find(AsciiLower(groups[i].first));
    if (it == entity_of.end()) continue;
    entity[i] = it->second;
    auto [g, added] = first_group_of_entity.emplace(it->second, i);
    if (!added) unite(g->second, i);
  }
  for (size_t i = 0; i < groups.size(); ++i) {
    size_t found = SIZE_MAX;
    int matches = 0;
    for (size_t j = 0; j < groups.size(); ++j) {
      if (j != i && IsTailOf(groups[i].first, groups[j].first)) {
        found = j;
        ++matches;
      }
    }
    if (matches == 1) unite(i, found);
  }
  // A quote by a role alone ("…, a déclaré le directeur général") goes to
  // the one speaker of the pile given that role ("directeur général de
  // Logistique Rhône" opens with it); to nobody when none or several are.
  for (auto& [role, ref] : by_role) {
    size_t holder = SIZE_MAX;
    bool several = false;
    for (size_t i = 0; i < groups.size() && !several; ++i) {
      if (!HoldsRole(groups[i].second.roles, role, *in.words)) continue;
      if (holder != SIZE_MAX && find(holder) != find(i)) several = true;
      holder = i;
    }
    if (holder != SIZE_MAX && !several) groups[find(holder)].second.quotes.push_back(ref);
  }
  std::vector<SpeakerEntry> speakers(groups.size());
  std::vector<std::map<std::string, size_t>> roles(groups.size());
  std::vector<std::vector<std::string>> names(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) {
    const size_t t = find(i);
    SpeakerEntry& s = speakers[t];
    names[t].push_back(groups[i].first);
    Group& g = groups[i].second;
    s.quotes.insert(s.quotes.end(), g.quotes.begin(), g.quotes.end());
    for (const auto& [role, n] : g.roles) roles[t][role] += n;
    // The name: the entity's, when one of the names is a form of it and the
    // entity's name is at least as full; else the fullest name.
    if (entity[i] != SIZE_MAX) {
      const std::string& en = entities[entity[i]].name;
      if (s.name.empty() || CountWords(en, SIZE_MAX) > CountWords(s.name, SIZE_MAX)) s.name = en;
    }
  }
  SpeakerIndex out;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (find(i) != i || speakers[i].quotes.empty()) continue;
    SpeakerEntry& s = speakers[i];
    for (const std::string& n : names[i]) {
      if (s.name.empty() || CountWords(n, SIZE_MAX) > CountWords(s.name, SIZE_MAX)) s.name = n;
    }
    for (const std::string& n : names[i]) {
      out.names[n] = s.name;
      if (n != s.name && std::find(s.aliases.begin(), s.aliases.end(), n) == s.aliases.end()) {
        s.aliases.push_back(n);
      }
    }
    s.role = MostGivenRole(roles[i]);
    std::vector<uint32_t> docs;
    for (const QuoteRef& q : s.quotes) docs.push_back(q.document);
    std::sort(docs.begin(), docs.end());
    s.sources = static_cast<size_t>(std::unique(docs.begin(), docs.end()) - docs.begin());
    std::stable_sort(s.quotes.begin(), s.quotes.end(), [](const QuoteRef& a, const QuoteRef& b) {
      if (a.score != b.score) return a.score > b.score;
      return a.document != b.document ? a.document < b.document : a.span.begin < b.span.begin;
    });
    out.speakers.push_back(std::move(s));
  }
  std::stable_sort(out.speakers.begin(), out.speakers.end(),
                   [](const SpeakerEntry& a, const SpeakerEntry& b) {
                     if (a.sources != b.sources) return a.sources > b.sources;
                     return a.quotes.size() > b.quotes.size();
                   });
  return out;
}

}  // namespace dossier
