// The briefing: summary plus who said what, grouped across documents.
#include "dossier/briefing.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "analyze/quotes.h"

namespace dossier {
namespace {

// True when `shorter` is `longer`'s final words ("Kerry" of "John Kerry").
bool IsTailOf(std::string_view shorter, std::string_view longer) {
  return longer.size() > shorter.size() && longer.ends_with(shorter) &&
         longer[longer.size() - shorter.size() - 1] == ' ';
}

}  // namespace

struct Briefer::Impl {
  BriefOptions options;
  Summarizer summarizer;
  QuoteExtractor quotes;
};

Briefer::Briefer(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Briefer::Briefer(Briefer&&) noexcept = default;
Briefer& Briefer::operator=(Briefer&&) noexcept = default;
Briefer::~Briefer() = default;

Result<Briefer> Briefer::Create(const BriefOptions& options) {
  Result<Summarizer> summarizer = Summarizer::Create(options.summary);
  if (!summarizer.ok()) return summarizer.status();
  Result<QuoteExtractor> quotes = QuoteExtractor::Create(options.data_dir);
  if (!quotes.ok()) return quotes.status();
  return Briefer(std::make_unique<Impl>(Impl{options, std::move(*summarizer), std::move(*quotes)}));
}

Briefing Briefer::Brief(const Cluster& cluster) const {
  Briefing b;
  b.summary = impl_->summarizer.Summarize(cluster);

  // Quotes of every document, keyed by the speaker's name as the extractor
  // gave it (already the fullest form within its document).
  struct Group {
    std::map<std::string, size_t> roles;
    std::vector<std::string> names;
    std::vector<QuoteRef> quotes;
  };
  std::vector<std::pair<std::string, Group>> groups;  // in order of first quote
  std::unordered_map<std::string, size_t> index;
  for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
    const Document& doc = cluster.documents[d];
    for (const Quote& q : impl_->quotes.Extract(doc)) {
      auto [it, added] = index.emplace(q.speaker, groups.size());
      if (added) groups.push_back({q.speaker, Group{}});
      Group& g = groups[it->second].second;
      if (!q.role.empty()) ++g.roles[q.role];
      g.quotes.push_back({d, QuoteKindName(q.kind), q.span, doc.map.ToOriginal(q.span)});
    }
  }
  // Across documents: a name that is the tail of exactly one longer name
  // ("Kerry" and "John Kerry") is the same speaker.
  std::vector<size_t> target(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) {
    target[i] = i;
    size_t found = SIZE_MAX;
    int matches = 0;
    for (size_t j = 0; j < groups.size(); ++j) {
      if (j != i && IsTailOf(groups[i].first, groups[j].first)) {
        found = j;
        ++matches;
      }
    }
    if (matches == 1) target[i] = found;
  }
  std::vector<SpeakerEntry> speakers(groups.size());
  for (size_t i = 0; i < groups.size(); ++i) {
    size_t t = target[i];
    while (target[t] != t) t = target[t];
    SpeakerEntry& s = speakers[t];
    if (s.name.empty()) s.name = groups[t].first;
    if (t != i) s.aliases.push_back(groups[i].first);
    Group& g = groups[i].second;
    s.quotes.insert(s.quotes.end(), g.quotes.begin(), g.quotes.end());
    for (const auto& [role, n] : g.roles) groups[t].second.roles[role] += t != i ? n : 0;
  }
  for (size_t i = 0; i < groups.size(); ++i) {
    if (target[i] != i || speakers[i].quotes.empty()) continue;
    SpeakerEntry& s = speakers[i];
    s.name = groups[i].first;
    size_t best = 0;
    for (const auto& [role, n] : groups[i].second.roles) {
      if (n > best) best = n, s.role = role;
    }
    std::stable_sort(s.quotes.begin(), s.quotes.end(), [](const QuoteRef& a, const QuoteRef& b) {
      return a.document != b.document ? a.document < b.document : a.span.begin < b.span.begin;
    });
    std::vector<uint32_t> docs;
    for (const QuoteRef& q : s.quotes) {
      if (docs.empty() || docs.back() != q.document) docs.push_back(q.document);
    }
    s.sources = docs.size();
    b.speakers.push_back(std::move(s));
  }
  std::stable_sort(b.speakers.begin(), b.speakers.end(),
                   [](const SpeakerEntry& a, const SpeakerEntry& b) {
                     if (a.sources != b.sources) return a.sources > b.sources;
                     return a.quotes.size() > b.quotes.size();
                   });
  return b;
}

}  // namespace dossier
