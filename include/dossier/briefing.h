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

struct Briefing {
  Summary summary;
  std::vector<SpeakerEntry> speakers;  // most quoted first
};

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
