// Ctrl-C and `kill`: a long command stops at its next safe point instead of
// dying in the middle of its work.
//
//   ReadOptions options = InterruptibleReadOptions(format, limits);  // installs the
//                                          // handlers; the readers stop between files/lines
//   for (...) { if (Interrupted()) break; ... }
//   if (Interrupted()) return ReportInterrupted("dossier brief", "no output written");
//
// The first SIGINT, SIGTERM or SIGHUP sets the flag (and prints one line); a
// second one ends the process at once with the signal's default action. Either
// way no output file is ever half-written: every output is written to a
// temporary file and renamed into place (WriteFileAtomic, PublishDirectory).
#ifndef DOSSIER_TOOLS_INTERRUPT_H_
#define DOSSIER_TOOLS_INTERRUPT_H_

#include "commands.h"
#include "dossier/ingest.h"

namespace dossier::cli {

void InstallInterruptHandlers();

// ReadOptions of `format` within `limits` whose readers stop when a stop is
// asked for; installs the handlers.
ReadOptions InterruptibleReadOptions(InputFormat format, const InputLimits& limits);

// True once a stop was asked for.
bool Interrupted();

// The exit status of a command that stopped: 128 + the signal (130 for
// SIGINT, 143 for SIGTERM).
int InterruptExitCode();

// Prints "<command>: interrupted by SIGINT; <what>" and returns InterruptExitCode().
int ReportInterrupted(const char* command, const char* what);

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_INTERRUPT_H_
