// A one-line progress report on stderr for long corpus runs, shown only when
// stderr is a terminal (and not --quiet), so logs and pipes stay clean.
//
//   Progress progress("cluster", !flags.quiet);
//   ... progress.Update(articles, stories);   // cheap; redraws at most 5 times/s
//   progress.Done();                          // erases the line
#ifndef DOSSIER_TOOLS_PROGRESS_H_
#define DOSSIER_TOOLS_PROGRESS_H_

#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace dossier::cli {

class Progress {
 public:
  Progress(std::string what, bool wanted)
      : what_(std::move(what)),
        enabled_(wanted && isatty(STDERR_FILENO) == 1),
        start_(std::chrono::steady_clock::now()),
        last_(start_) {}
  ~Progress() { Done(); }

  // `done` of `total` items (total 0 when unknown), `stories` found so far.
  void Update(uint64_t done, uint64_t total, uint64_t stories, const char* unit = "articles") {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200) && done != total) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double rate = secs > 0 ? static_cast<double>(done) / secs : 0.0;
    std::string bar;
    if (total > 0) {
      const int width = 24;
      const int filled = static_cast<int>(static_cast<double>(done) * width / total);
      bar = "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] ";
    }
    std::fprintf(stderr, "\r\033[Kdossier %s: %s%llu%s %s, %llu stories, %.0f %s/s", what_.c_str(),
                 bar.c_str(), static_cast<unsigned long long>(done),
                 total > 0 ? (" of " + std::to_string(total)).c_str() : "", unit,
                 static_cast<unsigned long long>(stories), rate, unit);
    std::fflush(stderr);
    drawn_ = true;
  }

  void Done() {
    if (!drawn_) return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }

 private:
  std::string what_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace dossier::cli

#endif  // DOSSIER_TOOLS_PROGRESS_H_
