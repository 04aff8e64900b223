// The briefing of a cluster: its title, the events it covers, a cited
// summary, who said what, key figures, entities and the timeline, with what
// the pile really holds (copies, documents about another story, inferred
// dates).
//
//   Result<Briefer> briefer = Briefer::Create({});
//   Briefing b = briefer->Brief(cluster);   // cluster analysed by Pipeline
//   std::cout << b.title << ": " << b.independent_reports << " independent reports\n";
//   for (const EventEntry& e : b.events) ...          // in time order
//   for (const SpeakerEntry& s : b.speakers) ...
//
// Create() loads the word lists once; Brief() and Summarize() are const and
// thread-safe. Document indices index Cluster::documents.
#ifndef DOSSIER_BRIEFING_H_
#define DOSSIER_BRIEFING_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dossier/document.h"
#include "dossier/status.h"
#include "dossier/summary.h"

namespace dossier {

// One quote, direct or reported, or one transcript turn, with its citation.
struct QuoteRef {
  uint32_t document = 0;  // index into Cluster::documents
  uint32_t sentence = 0;  // index into that document's sentences
  std::string kind;       // "direct", "reported", "turn", "partial" (a fragment)
  Span span;              // in the document's text
  Span source_span;       // in its original input
  // The part worth showing (for a long turn, its most informative
  // sentences; for a partial quote, the sentence that holds it; else the
  // whole quote), in the text and in the input.
  Span excerpt;
  Span excerpt_source_span;
  double score = 0;  // how informative (see SpeakerEntry::quotes)
};

// A person or organization quoted in the cluster.
struct SpeakerEntry {
  std::string name;                  // the fullest form used: "Elena Duarte"
  std::string role;                  // the role given most often, if any
  std::vector<std::string> aliases;  // other forms used for the same speaker: "Duarte"
  // Most informative first: content words weighted by how specific they
  // are (background idf) and by how close the quote is to the story; lines
  // that only run the event (thanks, microphone checks, turn-taking) are
  // never listed.
  std::vector<QuoteRef> quotes;
  size_t sources = 0;  // independent reports quoting the speaker
};

// Where a finding stands in a source.
struct Citation {
  uint32_t document = 0;  // index into Cluster::documents
  uint32_t sentence = 0;  // index into that document's sentences
  Span span;              // the words cited, in the document's text
  Span source_span;       // the same in its original input
};

// A person, organization, place or group, one per referent.
struct EntityEntry {
  std::string name;                  // canonical ("Islamic State", "Vladimir Putin")
  std::string type;                  // person, organization, place, group, other
  std::vector<std::string> aliases;  // other forms used ("IS", "Daesh"; "Mr Putin")
  size_t mentions = 0;
  std::vector<uint32_t> mentions_per_document;
  std::vector<Citation> first_mentions;  // up to three, for citation
};

// One quantity as the sources report it.
struct FigureEntry {
  // What it counts in words from the text: "people killed in Syria's war",
  // "repair", "the election needs to take place within 18 months".
  std::string label;
  std::string
      what;  // "killed", "injured", "missing", what is counted ("states", "aid"), or the unit
  std::string unit;  // "people", "dollar", "metre", "percent", ...
  double value = 0;  // representative value
  // "agree" (the same value), "consistent" (values that can all be true:
  // bounds, approximations), "conflict" (two sources incompatible); "single"
  // in single_source_figures.
  std::string status;
  struct Mention {
    Citation where;  // span: the figure as written ("more than 200,000")
    double value = 0, value_high = 0;
    std::string qualifier;  // "", "over", "about", "up to", ...
    // An earlier count the same report replaces with a new one ("Earlier
    // reports had said nine"): shown, but not counted in `sources` nor in
    // `status`.
    bool earlier = false;
  };
  std::vector<Mention> mentions;
  size_t sources = 0;  // reports behind it, earlier counts left out
};

// One dated event of the timeline.
struct TimelineEntry {
  std::string date;  // "YYYY-MM-DD", "YYYY-MM", "YYYY", or empty when it could not be resolved
  std::string text;  // the reporting sentence (shortened)
  // How the date was given: "date" (in the text), "deadline" ("within six
  // months"), "relative" ("yesterday", "last month"), "deictic" ("today").
  std::string kind;
  bool future = false;  // no source reports it as past
  // How exactly `date` is known: "day", "month", "year" or "approximate"
  // ("a year ago or so").
  std::string precision;
  // Outside the story's time: an earlier event recalled as context
  // ("September 11, 2001" in a 2015 story).
  bool background = false;
  double weight = 0;                // importance: sources, precision (see TimelineEvent)
  std::vector<Citation> citations;  // span: the time expression
};

// One distinct event of the story: reports close in time and content.
struct EventEntry {
  std::string label;  // the most central report's headline, else its top sentence, shortened
  std::string first_date, last_date;  // "YYYY-MM-DD"; empty when no report of it is dated
  std::vector<uint32_t> documents;    // its documents (copies included), in input order
  size_t reports = 0;                 // independent reports
};

// What the briefing made of one document of the pile.
struct SourceEntry {
  int32_t copy_of = -1;  // the document it copies (index), or -1
  bool set_aside = false;
  std::string set_aside_reason;
  int32_t event = -1;  // index into Briefing::events, or -1
  std::string date;    // its own date or the inferred one; empty when unknown
  bool date_inferred = false;
};

// A finding about the pile as a whole ("mixed_stories": documents set aside
// as another story; "unrelated_reports": no two reports of one story, so
// none was set aside).
struct BriefingNotice {
  std::string kind;
  std::string message;
  std::vector<uint32_t> documents;
};

struct Briefing {
  // The most representative headline of the story's reports, else a label
  // from the summary's first sentence; never a path or an id.
  std::string title;
  // The language of most of the story's reports (ISO 639-1, "en"); each document's own is
  // Document::language. A language without word lists for an analysis gets a notice
  // ("not_available": who said what, figures, the timeline, entities).
  std::string language;
  std::vector<EventEntry> events;    // in time order
  std::vector<SourceEntry> sources;  // one per document
  size_t outlets = 0;                // distinct outlets named by the story's documents
  size_t independent_reports = 0;    // the story's documents, copies counted once
  std::vector<BriefingNotice> notices;
  Summary summary;
  std::vector<SpeakerEntry> speakers;  // most quoted first
  // Coverage: coverage[p][d] is true when document d reports summary
  // sentence p (it is the cited source or a supporting one).
  std::vector<std::vector<bool>> coverage;
  std::vector<FigureEntry> figures;  // reported by two sources or more; conflicts first
  // Reported by one source, with what they count ("$4.5-plus billion" of
  // aid); status "single"; casualties first, then in reading order.
  std::vector<FigureEntry> single_source_figures;
  std::vector<EntityEntry> entities;    // most mentioned first
  std::vector<TimelineEntry> timeline;  // by date, then the unresolved ones
};

// The `count` most important resolved events of `timeline` that are not
// background, in date order. A sentence of two days is among them once, at
// its heavier day (the later among equals), while other sentences are left.
std::vector<const TimelineEntry*> TopTimeline(const std::vector<TimelineEntry>& timeline,
                                              size_t count);

// The thresholds of the pile analysis (what is a copy, what is another story,
// what is another event; docs/DESIGN.md "The pile", measured by
// bench/scripts/pile_bench.py in bench/results/pile.md). Cosines are of
// documents' content-word vectors weighted by the background idf.
struct PileSettings {
  double copy_threshold = 0.7;    // estimated 5-word-shingle Jaccard of two copies
  double copy_containment = 0.8;  // share of a document's shingles found in a longer one
  double story_link = 0.10;       // cosine linking two reports of one story...
  double story_link_far = 0.20;   // ...when their dates lie more than far_days apart
  int far_days = 30;
  double event_link = 0.25;        // average cosine joining two groups into one event
  int event_span_days = 4;         // longest span of one event's dates
  double event_name_weight = 3.0;  // names (people, places) weigh this much more for events
  size_t max_event_reports = 400;  // past this, events are formed by date alone
};

// Which parts of the pile analysis shape the summary (all on; off only for
// ablations: `--set plan.events=0`).
struct PlanSettings {
  bool copies = true;     // copies give no sentence and no support
  bool set_aside = true;  // documents of another story give none either
  bool events = true;     // one sentence per event, read in time order
  bool barred = true;     // no procedural lines, no speakerless first person
};

struct BriefOptions {
  SummaryOptions summary;
  PileSettings pile;
  PlanSettings plan;
  std::string data_dir;  // word lists replacing the built-in ones; empty: built in
  // Analyse every document in this language (PipelineOptions::language); empty: detect.
  std::string language;
};

// Sets one research knob by name: "pile.<field>" (PileSettings), "plan.<part>"
// (PlanSettings; 0 switches it off), else a weight of our summary method
// (SetDossierWeight). An unknown name is an error.
Status SetBriefSetting(BriefOptions* options, std::string_view name, double value);

class Briefer {
 public:
  static Result<Briefer> Create(const BriefOptions& options);
  Briefer(Briefer&&) noexcept;
  Briefer& operator=(Briefer&&) noexcept;
  ~Briefer();

  Briefing Brief(const Cluster& cluster) const;
  // Only the summary, exactly as Brief() makes it (same copies, events,
  // speakers and barred lines), without the other sections: for evaluation.
  Summary Summarize(const Cluster& cluster) const;
  // The plan Brief() gives its summary: copies and documents set aside left
  // out, barred lines, events to cover (for Summarizer::Summarize).
  SummaryPlan Plan(const Cluster& cluster) const;

 private:
  struct Impl;
  explicit Briefer(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace dossier

#endif  // DOSSIER_BRIEFING_H_
