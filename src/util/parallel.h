// ParallelFor: runs a loop body over [0, n) on several threads.
//
//   std::vector<Result> out(items.size());          // one slot per item
//   ParallelFor(items.size(), threads, [&](size_t i, int worker) {
//     out[i] = Work(items[i], &scratch[worker]);     // per-worker state
//   });
//
// Items are handed out in order from an atomic counter; the caller's thread is
// worker 0 and `threads - 1` more are started for the call (threads < 1 means
// one). Each item writes its own slot, so results never depend on the number
// of threads. An exception thrown by the body is rethrown on the caller after
// every thread has stopped.
#ifndef DOSSIER_UTIL_PARALLEL_H_
#define DOSSIER_UTIL_PARALLEL_H_

#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace dossier {

// The number of threads to use for `requested` (0: one per core).
inline int ThreadCount(int requested) {
  if (requested > 0) return requested;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

template <typename Body>
void ParallelFor(size_t n, int threads, Body&& body) {
  if (threads < 1) threads = 1;
  if (static_cast<size_t>(threads) > n) threads = static_cast<int>(n == 0 ? 1 : n);
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mu;
  auto run = [&](int worker) {
    try {
      for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) body(i, worker);
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mu);
      if (!error) error = std::current_exception();
      next.store(n);
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(threads - 1));
  for (int w = 1; w < threads; ++w) pool.emplace_back(run, w);
  run(0);
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace dossier

#endif  // DOSSIER_UTIL_PARALLEL_H_
