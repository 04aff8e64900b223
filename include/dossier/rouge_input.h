// The input files of `dossier rouge`: JSON Lines of system summaries or of
// references, parsed from bytes held in memory.
//
//   std::vector<Diagnostic> diagnostics;
//   std::vector<RougeRecord> systems =
//       ParseRougeRecords(bytes, "out.jsonl", RougeInputKind::kSystem, &diagnostics);
//   for (const Diagnostic& d : diagnostics) log(d.status.ToString());  // "out.jsonl:7: ..."
//   for (const RougeRecord& r : systems) use(r.id, r.texts.front());   // units of the summary
//
// Accepted lines (one JSON object a line):
//   {"id": ..., "summary": "line 1\nline 2"}          systems and references
//   {"id": ..., "references": ["ref 1", "ref 2"]}      references only; wins over "summary"
// The id is a string, or an integer (its JSON text, "17", becomes the id). Each
// text is split into units by SplitUnits (its lines, empty lines dropped).
// Lines holding only spaces, tabs or CRs are skipped without a word.
//
// Errors: a bad line (not a JSON object, no id, no usable summary or
// references, or an id already read on an earlier line, whose first record is
// kept) is reported as an error Diagnostic naming "<name>:<line>" (lines count
// from 1) with the byte offset of the line's start, and skipped: the lines
// after it are still read.
//
// A pure function: thread-safe, never throws, never prints.
#ifndef DOSSIER_ROUGE_INPUT_H_
#define DOSSIER_ROUGE_INPUT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dossier/status.h"

namespace dossier::eval {

enum class RougeInputKind {
  kSystem,      // {"id","summary"}
  kReferences,  // {"id","references":[...]} or {"id","summary"}
};

struct RougeRecord {
  std::string id;
  // Each text as units: exactly one for a system record; for references,
  // one per element of "references" (none for an empty array), or the summary.
  std::vector<std::vector<std::string>> texts;
  size_t line = 0;      // line number, from 1
  uint64_t offset = 0;  // byte offset of the line's start
};

// The records of `bytes` in input order, their ids distinct. `name` names the
// input in diagnostics; bad lines are reported to `diagnostics` (may be null)
// and skipped.
std::vector<RougeRecord> ParseRougeRecords(std::string_view bytes, const std::string& name,
                                           RougeInputKind kind,
                                           std::vector<Diagnostic>* diagnostics);

}  // namespace dossier::eval

#endif  // DOSSIER_ROUGE_INPUT_H_
