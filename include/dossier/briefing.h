// The briefing of a cluster: its cited summary and who said what. Later
// sections (figures, entities, timeline) join here.
//
//   Result<Briefer> briefer = Briefer::Create({});
//   Briefing b = briefer->Brief(cluster);   // cluster analysed by Pipeline
//   for (const SpeakerEntry& s : b.speakers) ...
//
// Create() loads the word lists once; Brief() is const and thread-safe.
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
  std::string kind;       // "direct", "reported", "turn"
  Span span;              // in the document's text
  Span source_span;       // in its original input
};

// A person or organization quoted in the cluster.
struct SpeakerEntry {
  std::string name;                  // the fullest form used: "Elena Duarte"
  std::string role;                  // the role given most often, if any
  std::vector<std::string> aliases;  // other forms used for the same speaker: "Duarte"
  std::vector<QuoteRef> quotes;      // in document order
  size_t sources = 0;                // documents quoting the speaker
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
  std::string
      what;  // "killed", "injured", "missing", what is counted ("states", "aid"), or the unit
  std::string unit;    // "people", "dollar", "metre", "percent", ...
  double value = 0;    // representative value
  std::string status;  // "agree" or "conflict"; "single" in single_source_figures
  struct Mention {
    Citation where;  // span: the figure as written ("more than 200,000")
    double value = 0, value_high = 0;
    std::string qualifier;  // "", "over", "about", "up to", ...
  };
  std::vector<Mention> mentions;
  size_t sources = 0;
};

// One dated event of the timeline.
struct TimelineEntry {
  std::string date;  // "YYYY-MM-DD", "YYYY-MM", or empty when it could not be resolved
  std::string text;  // the reporting sentence (shortened)
  // How the date was given: "date" (in the text), "deadline" ("within six
  // months"), "relative" ("yesterday", "last month"), "deictic" ("today").
  std::string kind;
  bool future = false;              // no source reports it as past
  double weight = 0;                // importance: sources, precision (see TimelineEvent)
  std::vector<Citation> citations;  // span: the time expression
};

struct Briefing {
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

// The `count` most important resolved events of `timeline`, in date order.
std::vector<const TimelineEntry*> TopTimeline(const std::vector<TimelineEntry>& timeline,
                                              size_t count);

struct BriefOptions {
  SummaryOptions summary;
  std::string data_dir;  // word lists replacing the built-in ones; empty: built in
};

class Briefer {
 public:
  static Result<Briefer> Create(const BriefOptions& options);
  Briefer(Briefer&&) noexcept;
  Briefer& operator=(Briefer&&) noexcept;
  ~Briefer();

  Briefing Brief(const Cluster& cluster) const;

 private:
  struct Impl;
  explicit Briefer(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace dossier

#endif  // DOSSIER_BRIEFING_H_
