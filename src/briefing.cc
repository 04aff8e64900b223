// The briefing: what the pile holds (copies, other stories, events, dates),
// then the summary under that plan, who said what, figures, entities and the
// timeline, each reading only the story's independent reports.
#include "dossier/briefing.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>

#include "analyze/entities.h"
#include "analyze/figures.h"
#include "analyze/quotes.h"
#include "analyze/sentence_voices.h"
#include "analyze/timeline.h"
#include "brief/figure_report.h"
#include "brief/speakers.h"
#include "brief/titles.h"
#include "cluster/pile.h"
#include "segment/language.h"
#include "util/strings.h"

namespace dossier {
namespace {

// The summary covers one event per this many words of its budget (four at
// the default 250).
constexpr int kWordsPerEvent = 60;

Citation Cite(const Cluster& cluster, uint32_t document, uint32_t sentence, Span span) {
  return {document, sentence, span, cluster.documents[document].map.ToOriginal(span)};
}

// "[2], [5]": documents as the briefing numbers them.
std::string DocumentList(const std::vector<uint32_t>& documents) {
  std::string list;
  for (uint32_t d : documents) {
    list += (list.empty() ? "" : ", ") + std::string("[") + std::to_string(d + 1) + "]";
  }
  return list;
}

// "a", "a and b", "a, b and c".
std::string JoinWithAnd(const std::vector<std::string>& items) {
  std::string out;
  for (size_t k = 0; k < items.size(); ++k) {
    out += (k == 0 ? "" : k + 1 == items.size() ? " and " : ", ") + items[k];
  }
  return out;
}

// The language a document is analysed in ("en" until analysis has chosen one).
std::string_view LanguageOf(const Document& doc) {
  return doc.language.empty() ? std::string_view("en") : std::string_view(doc.language);
}

}  // namespace

std::vector<const TimelineEntry*> TopTimeline(const std::vector<TimelineEntry>& timeline,
                                              size_t count) {
  std::vector<const TimelineEntry*> top;
  for (const TimelineEntry& t : timeline) {
    if (!t.date.empty() && !t.background) top.push_back(&t);
  }
  std::stable_sort(top.begin(), top.end(), [](const TimelineEntry* a, const TimelineEntry* b) {
    return a->weight > b->weight;
  });
  // A sentence of two days is shown once among the main events while other
  // sentences are left: at its heavier day, and among equals at the later,
  // most often its news ("Divers resumed searching on Friday morning after
  // high winds halted operations on Thursday"); its other day comes after.
  std::unordered_map<std::string_view, const TimelineEntry*> shown;
  for (const TimelineEntry* t : top) {
    auto [it, added] = shown.emplace(t->text, t);
    if (!added && t->weight == it->second->weight && t->date > it->second->date) it->second = t;
  }
  std::stable_partition(top.begin(), top.end(),
                        [&](const TimelineEntry* t) { return shown.at(t->text) == t; });
  if (top.size() > count) top.resize(count);
  // Back to the timeline's order (by date).
  std::sort(top.begin(), top.end());
  return top;
}

// One language's analyzers, each made from data/<code>/ when languages.txt lists the analysis
// for the language (English's are always made: the story-wide steps use them).
struct LanguageAnalyzers {
  std::optional<QuoteExtractor> quotes;
  std::optional<SentenceVoiceFinder> voices;  // with quotes
  std::optional<FigureExtractor> figures;
  std::optional<EntityExtractor> entities;
  std::optional<TimelineBuilder> timeline;

  static Result<LanguageAnalyzers> Create(std::string_view data_dir, std::string_view code,
                                          const LanguageTable& table);
};

Result<LanguageAnalyzers> LanguageAnalyzers::Create(std::string_view data_dir,
                                                    std::string_view code,
                                                    const LanguageTable& table) {
  LanguageAnalyzers a;
  const bool all = code == "en";
  auto make = [&](auto& slot, auto create, LanguageAnalysis analysis) -> Status {
    if (!all && !table.Supports(code, analysis)) return Status::Ok();
    auto made = create(data_dir, code);
    if (!made.ok()) return made.status();
    slot.emplace(std::move(*made));
    return Status::Ok();
  };
  Status s = make(a.quotes, QuoteExtractor::Create, LanguageAnalysis::kQuotes);
  if (s.ok()) s = make(a.voices, SentenceVoiceFinder::Create, LanguageAnalysis::kQuotes);
  if (s.ok()) s = make(a.figures, FigureExtractor::Create, LanguageAnalysis::kFigures);
  if (s.ok()) s = make(a.entities, EntityExtractor::Create, LanguageAnalysis::kEntities);
  if (s.ok()) s = make(a.timeline, TimelineBuilder::Create, LanguageAnalysis::kTimeline);
  if (!s.ok()) return s;
  return a;
}

struct Briefer::Impl {
  BriefOptions options;
  Summarizer summarizer;
  // One language's analyzers, made on first use (Brief() is const and may run on several
  // threads, hence the once_flag). With a --data-dir every language's are made in Create(),
  // so a bad list is an error there; the built-in lists are tested.
  struct Slot {
    std::once_flag once;
    std::optional<LanguageAnalyzers> made;
  };
  // By language code; "en" is always there and made.
  std::map<std::string, std::unique_ptr<Slot>, std::less<>> analyzers;
  PileAnalyzer piles;
  WordList outlets;
  LanguageTable languages;
  SentenceLabeler labeler;

  const LanguageAnalyzers& English() const { return *analyzers.find("en")->second->made; }
  // The analyzers of a document's language (English's for a language without any: its
  // analyses are switched off, and the sentence voices fall back to English's words).
  const LanguageAnalyzers& For(std::string_view code) const {
    auto it = analyzers.find(code);
    if (it == analyzers.end()) return English();
    Slot& slot = *it->second;
    std::call_once(slot.once, [&] {
      Result<LanguageAnalyzers> made =
          LanguageAnalyzers::Create(options.data_dir, it->first, languages);
      if (made.ok()) slot.made.emplace(std::move(*made));
    });
    return slot.made ? *slot.made : English();
  }
  const LanguageAnalyzers& For(const Document& doc) const { return For(LanguageOf(doc)); }
  // The languages among the documents `mask` selects, in order of first appearance.
  // The story's language `first` leads.
  static std::vector<std::string> MaskLanguages(const Cluster& cluster,
                                                const std::vector<bool>& mask,
                                                std::string_view first);
  // `mask` narrowed to the documents in language `code`.
  static std::vector<bool> InLanguage(const Cluster& cluster, const std::vector<bool>& mask,
                                      std::string_view code);
  std::vector<Entity> Entities(const Cluster& cluster, const std::vector<bool>& mask,
                               std::string_view first) const;

  // What Brief() and Summarize() both need before the summary.
  struct Groundwork {
    std::vector<std::vector<Quote>> quotes;          // per document
    std::vector<std::vector<TimeExpression>> times;  // per document, as of its own date
    Pile pile;
    std::vector<std::vector<SentenceVoice>> voices;  // per document, per sentence
    std::vector<SourceEntry> sources;
    std::vector<bool> include;  // the story's independent reports
    // The story's independent reports in a language that has the analysis's word lists.
    std::vector<bool> include_figures, include_entities;
    SummaryPlan plan;
  };
  Groundwork Prepare(const Cluster& cluster) const;
  // The parts of Brief(), in order.
  void AddStory(const Cluster& cluster, const Groundwork& g, Briefing* b) const;
  // The story's languages in order of first appearance, each with how many of the story's
  // reports are in it (of all documents when no report is included).
  static std::vector<std::pair<std::string, size_t>> StoryLanguages(const Cluster& cluster,
                                                                    const Groundwork& g);
  void AddNotices(const Groundwork& g, const std::vector<std::pair<std::string, size_t>>& langs,
                  uint32_t n, Briefing* b) const;
  void AddUnavailable(const Cluster& cluster, Briefing* b) const;
  bool Supports(const Document& doc, LanguageAnalysis analysis) const {
    return languages.Supports(LanguageOf(doc), analysis);
  }
  void AddFigures(const Cluster& cluster, const Groundwork& g, Briefing* b) const;
  static void AddEntities(const Cluster& cluster, std::vector<Entity> entities, Briefing* b);
  void AddTimeline(const Cluster& cluster, Groundwork* g, Briefing* b) const;
};

Briefer::Impl::Groundwork Briefer::Impl::Prepare(const Cluster& cluster) const {
  const uint32_t n = static_cast<uint32_t>(cluster.documents.size());
  Groundwork g;
  g.quotes.resize(n);
  g.times.resize(n);
  g.voices.resize(n);
  for (uint32_t d = 0; d < n; ++d) {
    const Document& doc = cluster.documents[d];
    // Analyses without word lists for the document's language are switched off for it
    // (AddUnavailable says so), rather than run on words they cannot read.
    const LanguageAnalyzers& a = For(doc);
    if (Supports(doc, LanguageAnalysis::kQuotes) && a.quotes) g.quotes[d] = a.quotes->Extract(doc);
    if (Supports(doc, LanguageAnalysis::kTimeline) && a.timeline) {
      g.times[d] = a.timeline->Extract(doc, d);
    }
    g.voices[d] = (a.voices ? *a.voices : *English().voices).Find(doc, g.quotes[d]);
  }
  g.pile = piles.Analyze(cluster, g.times);
  g.sources.resize(n);
  g.include.resize(n);
  g.plan.supplies.resize(n);
  g.plan.event.resize(n);
  g.plan.barred.resize(n);
  for (uint32_t d = 0; d < n; ++d) {
    const PileDocument& p = g.pile.documents[d];
    SourceEntry& s = g.sources[d];
    s.copy_of = p.copy_of;
    s.set_aside = p.set_aside;
    s.set_aside_reason = p.set_aside_reason;
    s.event = p.event;
    s.date = p.date;
    s.date_inferred = p.date_inferred;
    g.include[d] = p.copy_of < 0 && !p.set_aside;
    g.include_figures.push_back(g.include[d] &&
                                Supports(cluster.documents[d], LanguageAnalysis::kFigures));
    g.include_entities.push_back(g.include[d] &&
                                 Supports(cluster.documents[d], LanguageAnalysis::kEntities));
    // The summary's plan; each part can be switched off for ablations.
    const PlanSettings& use = options.plan;
    g.plan.supplies[d] = (p.copy_of < 0 || !use.copies) && (!p.set_aside || !use.set_aside);
    g.plan.event[d] = use.events ? p.event : 0;
    g.plan.barred[d].resize(g.voices[d].size());
    for (size_t k = 0; k < g.voices[d].size(); ++k) {
      g.plan.barred[d][k] = use.barred && g.voices[d][k].barred;
    }
  }
  // The events to cover: the most reported first, as many as the budget holds.
  std::vector<int32_t> order(g.pile.events.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return g.pile.events[static_cast<size_t>(a)].reports >
           g.pile.events[static_cast<size_t>(b)].reports;
  });
  const size_t budget_events =
      static_cast<size_t>(std::max(1, options.summary.max_words / kWordsPerEvent));
  order.resize(std::min(order.size(), budget_events));
  g.plan.required_events = std::move(order);
  return g;
}

Briefer::Briefer(std::unique_ptr<const Impl> impl) : impl_(std::move(impl)) {}
Briefer::Briefer(Briefer&&) noexcept = default;
Briefer& Briefer::operator=(Briefer&&) noexcept = default;
Briefer::~Briefer() = default;

Result<Briefer> Briefer::Create(const BriefOptions& options) {
  SummaryOptions summary_options = options.summary;
  if (summary_options.data_dir.empty()) summary_options.data_dir = options.data_dir;
  Result<Summarizer> summarizer = Summarizer::Create(summary_options);
  if (!summarizer.ok()) return summarizer.status();
  Result<PileAnalyzer> piles = PileAnalyzer::Create(options.data_dir, options.pile);
  if (!piles.ok()) return piles.status();
  Result<WordList> outlets = LoadWordList(options.data_dir, "news_outlets.txt", /*lowercase=*/true);
  if (!outlets.ok()) return outlets.status();
  Result<LanguageTable> languages = LanguageTable::Create(options.data_dir);
  if (!languages.ok()) return languages.status();
  Result<SentenceLabeler> labeler = SentenceLabeler::Create(options.data_dir);
  if (!labeler.ok()) return labeler.status();
  // English, and every language that lists an analysis.
  std::map<std::string, std::unique_ptr<Impl::Slot>, std::less<>> analyzers;
  std::vector<std::string> codes = {"en"};
  for (const std::string& code : languages->codes()) {
    for (LanguageAnalysis a : {LanguageAnalysis::kQuotes, LanguageAnalysis::kFigures,
                               LanguageAnalysis::kTimeline, LanguageAnalysis::kEntities}) {
      if (languages->Supports(code, a)) {
        codes.push_back(code);
        break;
      }
    }
  }
  for (const std::string& code : codes) {
    if (analyzers.count(code) != 0) continue;
    auto slot = std::make_unique<Impl::Slot>();
    if (code == "en" || !options.data_dir.empty()) {
      Result<LanguageAnalyzers> made =
          LanguageAnalyzers::Create(options.data_dir, code, *languages);
      if (!made.ok()) return made.status();
      slot->made.emplace(std::move(*made));
      std::call_once(slot->once, [] {});
    }
    analyzers.emplace(code, std::move(slot));
  }
  return Briefer(std::make_unique<Impl>(Impl{options, std::move(*summarizer), std::move(analyzers),
                                             std::move(*piles), std::move(*outlets),
                                             std::move(*languages), std::move(*labeler)}));
}

SummaryPlan Briefer::Plan(const Cluster& cluster) const { return impl_->Prepare(cluster).plan; }

Status SetBriefSetting(BriefOptions* options, std::string_view name, double value) {
  struct Field {
    const char* name;
    double* target_double;
    int* target_int;
  };
  PileSettings& p = options->pile;
  const Field fields[] = {
      {"pile.copy_threshold", &p.copy_threshold, nullptr},
      {"pile.copy_containment", &p.copy_containment, nullptr},
      {"pile.story_link", &p.story_link, nullptr},
      {"pile.story_link_far", &p.story_link_far, nullptr},
      {"pile.far_days", nullptr, &p.far_days},
      {"pile.event_link", &p.event_link, nullptr},
      {"pile.event_span_days", nullptr, &p.event_span_days},
      {"pile.event_name_weight", &p.event_name_weight, nullptr},
  };
  const struct {
    const char* name;
    bool* target;
  } switches[] = {{"plan.copies", &options->plan.copies},
                  {"plan.set_aside", &options->plan.set_aside},
                  {"plan.events", &options->plan.events},
                  {"plan.barred", &options->plan.barred}};
  for (const auto& sw : switches) {
    if (name == sw.name) {
      *sw.target = value != 0;
      return Status::Ok();
    }
  }
  if (!name.starts_with("pile.")) return SetDossierWeight(&options->summary.weights, name, value);
  for (const Field& f : fields) {
    if (name != f.name) continue;
    if (f.target_double != nullptr) {
      *f.target_double = value;
    } else {
      *f.target_int = static_cast<int>(value);
    }
    return Status::Ok();
  }
  std::string names;
  for (const Field& f : fields) names += std::string(names.empty() ? "" : ", ") + f.name;
  return Status(StatusCode::kInvalidArgument,
                "unknown setting \"" + std::string(name) + "\" (known: " + names + ")");
}

Summary Briefer::Summarize(const Cluster& cluster) const {
  const Impl::Groundwork g = impl_->Prepare(cluster);
  Summary summary = impl_->summarizer.Summarize(cluster, &g.plan);
  for (SummarySentence& line : summary.sentences) {
    const SentenceVoice& v = g.voices[line.document][line.sentence];
    line.speaker = v.speaker;
    line.needs_speaker = v.needs_speaker && !v.speaker.empty();
  }
  return summary;
}

Briefing Briefer::Brief(const Cluster& cluster) const {
  const uint32_t n = static_cast<uint32_t>(cluster.documents.size());
  Impl::Groundwork g = impl_->Prepare(cluster);
  Briefing b;
  b.sources = g.sources;
  b.independent_reports = g.pile.independent_reports;
  b.summary = impl_->summarizer.Summarize(cluster, &g.plan);

  // The story's language: the most common among its reports.
  const std::vector<std::pair<std::string, size_t>> langs = Impl::StoryLanguages(cluster, g);
  size_t most = 0;
  for (const auto& [code, k] : langs) {
    if (k > most) b.language = code, most = k;
  }

  // Entities first: speakers are merged through them.
  std::vector<Entity> entities = impl_->Entities(cluster, g.include_entities, b.language);
  SpeakerInputs inputs;
  inputs.cluster = &cluster;
  inputs.quotes = &g.quotes;
  inputs.entities = &entities;
  inputs.sources = &b.sources;
  const LanguageAnalyzers& main = impl_->For(b.language);
  inputs.procedural = &(main.voices ? *main.voices : *impl_->English().voices).procedural();
  inputs.idf = &impl_->piles.idf();
  inputs.story = &g.pile.centroid;
  inputs.outlets = &impl_->outlets;
  inputs.words = &(main.quotes ? *main.quotes : *impl_->English().quotes).words();
  SpeakerIndex speakers = BuildSpeakers(inputs);
  b.speakers = std::move(speakers.speakers);

  // Summary lines: who says them; coverage.
  for (SummarySentence& line : b.summary.sentences) {
    const SentenceVoice& v = g.voices[line.document][line.sentence];
    if (!v.speaker.empty()) line.speaker = speakers.NameOf(v.speaker);
    line.needs_speaker = v.needs_speaker && !line.speaker.empty();
    std::vector<bool> row(n, false);
    row[line.document] = true;
    for (const Support& sup : line.support) row[sup.document] = true;
    b.coverage.push_back(std::move(row));
  }

  impl_->AddStory(cluster, g, &b);
  impl_->AddNotices(g, langs, n, &b);
  impl_->AddUnavailable(cluster, &b);
  // Key figures, entities and the timeline, from the story's independent reports.
  impl_->AddFigures(cluster, g, &b);
  Impl::AddEntities(cluster, std::move(entities), &b);
  impl_->AddTimeline(cluster, &g, &b);
  return b;
}

// The story: outlets, title, events.
void Briefer::Impl::AddStory(const Cluster& cluster, const Groundwork& g, Briefing* out) const {
  Briefing& b = *out;
  const uint32_t n = static_cast<uint32_t>(cluster.documents.size());
  std::unordered_set<std::string> outlets;
  for (uint32_t d = 0; d < n; ++d) {
    if (!b.sources[d].set_aside && !cluster.documents[d].source.empty()) {
      outlets.insert(AsciiLower(cluster.documents[d].source));
    }
  }
  b.outlets = outlets.size();
  double best = -1;
  for (uint32_t d = 0; d < n; ++d) {
    if (!g.include[d] || UsableHeadline(cluster.documents[d]).empty()) continue;
    if (g.pile.documents[d].story_centrality > best) {
      best = g.pile.documents[d].story_centrality;
      b.title = UsableHeadline(cluster.documents[d]);
    }
  }
  if (b.title.empty() && !b.summary.sentences.empty()) {
    b.title = labeler.FromSentence(b.summary.sentences.front().text);
  }
  if (b.title.empty()) b.title = "Untitled story";
  for (size_t e = 0; e < g.pile.events.size(); ++e) {
    const PileEvent& pe = g.pile.events[e];
    EventEntry entry;
    entry.first_date = pe.first_date;
    entry.last_date = pe.last_date;
    entry.documents = pe.documents;
    entry.reports = pe.reports;
    entry.label = UsableHeadline(cluster.documents[pe.central]);
    for (const SummarySentence& line : b.summary.sentences) {
      if (!entry.label.empty()) break;
      if (line.event == static_cast<int32_t>(e)) entry.label = labeler.FromSentence(line.text);
    }
    const Document& central = cluster.documents[pe.central];
    for (uint32_t s = 0; s < central.sentences.size() && entry.label.empty(); ++s) {
      const Sentence& sentence = central.sentences[s];
      if (sentence.fragment || sentence.stage_direction || g.voices[pe.central][s].barred) continue;
      entry.label = labeler.FromSentence(sentence.span.Slice(central.text));
    }
    b.events.push_back(std::move(entry));
  }
}

void Briefer::Impl::AddNotices(const Groundwork& g,
                               const std::vector<std::pair<std::string, size_t>>& langs, uint32_t n,
                               Briefing* out) const {
  Briefing& b = *out;
  if (g.pile.set_aside > 0) {
    BriefingNotice notice;
    notice.kind = "mixed_stories";
    for (uint32_t d = 0; d < n; ++d) {
      if (b.sources[d].set_aside) notice.documents.push_back(d);
    }
    notice.message = std::to_string(notice.documents.size()) + " of " + std::to_string(n) +
                     " documents are not about the main story and were set aside (" +
                     DocumentList(notice.documents) +
                     "); brief them separately, or sort a mixed pile into stories with "
                     "`dossier digest`";
    b.notices.push_back(std::move(notice));
  }
  if (g.pile.unrelated) {
    BriefingNotice notice;
    notice.kind = "unrelated_reports";
    for (uint32_t d = 0; d < n; ++d) {
      if (b.sources[d].copy_of < 0) notice.documents.push_back(d);
    }
    if (langs.size() > 1) {
      // Reports in different languages are not compared with each other (no claim of support
      // across languages), so "no two share a story" would overstate what was checked.
      std::vector<std::string> names;
      for (const auto& lang : langs) names.push_back(languages.Name(lang.first));
      notice.message = "the reports are in " + std::to_string(langs.size()) + " languages (" +
                       JoinWithAnd(names) +
                       "), which dossier does not compare with each other: each language's "
                       "reports are briefed as their own events, with no support counted "
                       "across languages";
    } else {
      notice.message = "no two of the " + std::to_string(notice.documents.size()) +
                       " reports share a story; all are briefed together; sort a mixed pile "
                       "into stories with `dossier digest`";
    }
    b.notices.push_back(std::move(notice));
  }
}

std::vector<std::pair<std::string, size_t>> Briefer::Impl::StoryLanguages(const Cluster& cluster,
                                                                          const Groundwork& g) {
  std::vector<std::pair<std::string, size_t>> counts;
  auto count = [&](bool included_only) {
    for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
      if (included_only && !g.include[d]) continue;
      const std::string& code = cluster.documents[d].language;
      if (code.empty()) continue;
      auto it = std::find_if(counts.begin(), counts.end(),
                             [&](const auto& c) { return c.first == code; });
      if (it == counts.end()) {
        counts.emplace_back(code, 1);
      } else {
        ++it->second;
      }
    }
  };
  count(true);
  if (counts.empty()) count(false);
  return counts;
}

// A notice for each language whose documents lost analyses.
void Briefer::Impl::AddUnavailable(const Cluster& cluster, Briefing* b) const {
  static constexpr std::pair<LanguageAnalysis, const char*> kAnalyses[] = {
      {LanguageAnalysis::kQuotes, "who said what"},
      {LanguageAnalysis::kFigures, "figures"},
      {LanguageAnalysis::kTimeline, "the timeline"},
      {LanguageAnalysis::kEntities, "entities"},
  };
  std::vector<std::string_view> done;
  for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
    const Document& doc = cluster.documents[d];
    const std::string_view code = LanguageOf(doc);
    if (std::find(done.begin(), done.end(), code) != done.end()) continue;
    done.push_back(code);
    std::vector<std::string> missing;
    for (const auto& [analysis, name] : kAnalyses) {
      if (!Supports(doc, analysis)) missing.emplace_back(name);
    }
    if (missing.empty()) continue;
    BriefingNotice notice;
    notice.kind = "not_available";
    for (uint32_t e = d; e < cluster.documents.size(); ++e) {
      if (LanguageOf(cluster.documents[e]) == code) notice.documents.push_back(e);
    }
    const bool one = notice.documents.size() == 1;
    notice.message = JoinWithAnd(missing) + ": not available for " + languages.Name(code) + " (" +
                     DocumentList(notice.documents) +
                     "); dossier has no word lists for it yet, so these parts leave its " +
                     (one ? "document" : "documents") + " out; the summary covers " +
                     (one ? "it" : "them");
    b->notices.push_back(std::move(notice));
  }
}

// Each language's figures are grouped apart (figures are not compared across languages), the
// story's language first.
void Briefer::Impl::AddFigures(const Cluster& cluster, const Groundwork& g, Briefing* b) const {
  std::vector<std::pair<const FigureExtractor*, FigureGroup>> multi, single;
  for (const std::string& code : MaskLanguages(cluster, g.include_figures, b->language)) {
    const LanguageAnalyzers& a = For(code);
    if (!a.figures) continue;
    const std::vector<bool> mask = InLanguage(cluster, g.include_figures, code);
    std::vector<FigureGroup> m, s;
    ReportableFigures(*a.figures, a.figures->Group(cluster, &mask), &m, &s);
    for (FigureGroup& group : m) multi.emplace_back(&*a.figures, std::move(group));
    for (FigureGroup& group : s) single.emplace_back(&*a.figures, std::move(group));
  }
  auto entry = [&](const FigureExtractor& figures, const FigureGroup& group, const char* status) {
    FigureEntry f;
    f.label = GroupLabel(figures, cluster, group);
    f.what = group.what;
    f.unit = group.unit;
    f.value = group.value;
    f.status = status != nullptr ? status : FigureStatusName(group.status);
    f.sources = group.DocumentCount();
    for (const FigureMention& m : group.mentions) {
      f.mentions.push_back({Cite(cluster, m.document, m.sentence, m.span), m.value, m.value_high,
                            m.qualifier, m.earlier});
    }
    return f;
  };
  for (const auto& [figures, group] : multi) b->figures.push_back(entry(*figures, group, nullptr));
  for (const auto& [figures, group] : single) {
    b->single_source_figures.push_back(entry(*figures, group, "single"));
  }
}

std::vector<std::string> Briefer::Impl::MaskLanguages(const Cluster& cluster,
                                                      const std::vector<bool>& mask,
                                                      std::string_view first) {
  std::vector<std::string> codes;
  for (uint32_t d = 0; d < cluster.documents.size(); ++d) {
    if (!mask[d]) continue;
    const std::string_view code = LanguageOf(cluster.documents[d]);
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.emplace_back(code);
  }
  auto it = std::find(codes.begin(), codes.end(), first);
  if (it != codes.end()) std::rotate(codes.begin(), it, it + 1);
  return codes;
}

std::vector<bool> Briefer::Impl::InLanguage(const Cluster& cluster, const std::vector<bool>& mask,
                                            std::string_view code) {
  std::vector<bool> in(mask.size(), false);
  for (uint32_t d = 0; d < mask.size(); ++d) {
    in[d] = mask[d] && LanguageOf(cluster.documents[d]) == code;
  }
  return in;
}

// Each language's entities are found by its own extractor in its own documents; the lists
// are joined in the extractor's order (most mentioned first, then first mentioned).
std::vector<Entity> Briefer::Impl::Entities(const Cluster& cluster, const std::vector<bool>& mask,
                                            std::string_view first) const {
  const std::vector<std::string> codes = MaskLanguages(cluster, mask, first);
  std::vector<Entity> all;
  for (const std::string& code : codes) {
    const LanguageAnalyzers& a = For(code);
    if (!a.entities) continue;
    const std::vector<bool> in = codes.size() == 1 ? mask : InLanguage(cluster, mask, code);
    std::vector<Entity> found = a.entities->Extract(cluster, &in);
    if (all.empty()) {
      all = std::move(found);
    } else {
      for (Entity& e : found) all.push_back(std::move(e));
    }
  }
  if (codes.size() > 1) {
    auto first_mention = [](const Entity& e) {
      return e.mentions.empty()
                 ? std::pair<uint32_t, uint32_t>{UINT32_MAX, 0}
                 : std::pair{e.mentions.front().document, e.mentions.front().span.begin};
    };
    std::stable_sort(all.begin(), all.end(), [&](const Entity& a, const Entity& b) {
      if (a.mentions.size() != b.mentions.size()) return a.mentions.size() > b.mentions.size();
      return first_mention(a) < first_mention(b);
    });
  }
  return all;
}

void Briefer::Impl::AddEntities(const Cluster& cluster, std::vector<Entity> entities, Briefing* b) {
  for (Entity& e : entities) {
    EntityEntry ee;
    ee.name = std::move(e.name);
    ee.type = std::move(e.type);
    ee.aliases = std::move(e.aliases);
    ee.mentions = e.mentions.size();
    ee.mentions_per_document = std::move(e.mentions_per_document);
    for (size_t i = 0; i < e.mentions.size() && i < 3; ++i) {
      const EntityMention& m = e.mentions[i];
      ee.first_mentions.push_back(Cite(
          cluster, m.document, cluster.documents[m.document].SentenceAt(m.span.begin), m.span));
    }
    b->entities.push_back(std::move(ee));
  }
}

void Briefer::Impl::AddTimeline(const Cluster& cluster, Groundwork* g, Briefing* b) const {
  TimelineScope scope;
  scope.include = g->include;
  for (const SourceEntry& s : b->sources) scope.dates.push_back(s.date);
  const LanguageAnalyzers& main = For(b->language);
  const TimelineBuilder& timeline = main.timeline ? *main.timeline : *English().timeline;
  for (const TimelineEvent& ev : timeline.Build(cluster, &scope, &g->times)) {
    TimelineEntry t;
    t.date = ev.date;
    t.text = ev.text;
    t.kind = ev.kind;
    t.future = ev.future;
    t.precision = ev.precision;
    t.background = ev.background;
    t.weight = ev.weight;
    for (const TimeExpression& x : ev.citations) {
      t.citations.push_back(Cite(cluster, x.document, x.sentence, x.span));
    }
    b->timeline.push_back(std::move(t));
  }
}

}  // namespace dossier
