#include "interrupt.h"

#include <signal.h>
#include <unistd.h>

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

bool Interrupted() { return g_stop.load(std::memory_order_relaxed); }

const std::atomic<bool>* InterruptFlag() { return &g_stop; }

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
