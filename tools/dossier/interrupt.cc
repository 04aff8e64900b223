#include "interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <iostream>

namespace dossier::cli {
namespace {

std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};

void OnSignal(int sig) {
  if (g_stop.exchange(true)) {
    // Asked twice: the default action (termination) at once.
    ::signal(sig, SIG_DFL);
    ::raise(sig);
    return;
  }
  g_signal.store(sig);
  static constexpr char kMessage[] =
      "\ndossier: stopping at the next safe point (again to quit at once)\n";
  ssize_t ignored = ::write(STDERR_FILENO, kMessage, sizeof(kMessage) - 1);
  (void)ignored;
}

}  // namespace

void InstallInterruptHandlers() {
  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(sig, &action, nullptr);
}

ReadOptions InterruptibleReadOptions(InputFormat format, const InputLimits& limits) {
  InstallInterruptHandlers();
  ReadOptions options;
  options.format = format;
  options.max_input_bytes = limits.max_input_bytes;
  options.max_document_bytes = limits.max_document_bytes;
  options.fetch = limits.fetch;
  options.follow_links = limits.follow;
  options.stop = &g_stop;
  return options;
}

bool Interrupted() { return g_stop.load(std::memory_order_relaxed); }

int InterruptExitCode() {
  const int sig = g_signal.load();
  return 128 + (sig > 0 ? sig : SIGINT);
}

int ReportInterrupted(const char* command, const char* what) {
  const int sig = g_signal.load();
  const char* name = sig == SIGTERM ? "SIGTERM" : sig == SIGHUP ? "SIGHUP" : "SIGINT";
  std::cerr << command << ": interrupted by " << name << "; " << what << "\n";
  return InterruptExitCode();
}

}  // namespace dossier::cli
