// Executors: oneTBB threads inside a process, MPI ranks across processes (mpi.cpp).
#include "parley/run/executor.hpp"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <mutex>
#include <span>
#include <stdexcept>
#include <thread>

#include "mpi_transport.hpp"

namespace parley {
namespace {

std::size_t automatic_block(std::size_t count) {
  return std::clamp<std::size_t>(count / 100, 64, 65'536);
}

class ProgressLine {
 public:
  ProgressLine(bool enabled, std::uint64_t total, std::string label)
      : enabled_(enabled), total_(total), label_(std::move(label)), start_(std::chrono::steady_clock::now()) {}
  ~ProgressLine() {
    if (enabled_ && shown_) std::fprintf(stderr, "\r\033[K");
  }
  void update(std::uint64_t done) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(200) && done < total_) return;
    last_ = now;
    shown_ = true;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? double(done) / seconds : 0;
    const double eta = rate > 0 ? double(total_ - done) / rate : 0;
    std::fprintf(stderr, "\r\033[K%llu / %llu %s, %.0f/s, ETA %.0f s", static_cast<unsigned long long>(done),
                 static_cast<unsigned long long>(total_), label_.c_str(), rate, eta);
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  std::uint64_t total_;
  std::string label_;
  std::chrono::steady_clock::time_point start_, last_;
  bool shown_ = false;
};

// Runs every run of `runs` on the arena's threads into records (width each). Returns the
// exception of the lowest failing run, or null.
std::exception_ptr compute_slice(tbb::task_arena& arena, std::span<const std::uint64_t> runs, std::size_t width,
                          const RunFunction& run, std::span<double> records) {
  std::mutex mutex;
  std::exception_ptr first;
  std::uint64_t first_run = ~std::uint64_t{0};
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, runs.size()), [&](const tbb::blocked_range<std::size_t>& r) {
      for (std::size_t i = r.begin(); i != r.end(); ++i) {
        try {
          run(runs[i], records.subspan(i * width, width));
        } catch (...) {
          std::lock_guard lock(mutex);
          // The lowest failing run, whatever the scheduling: the same message on every run.
          if (runs[i] < first_run) {
            first_run = runs[i];
            first = std::current_exception();
          }
        }
      }
    });
  });
  return first;
}

}  // namespace

ExecutionSummary execute(std::vector<std::uint64_t> pending, std::size_t width, const RunFunction& run,
                         const BlockSink& sink, const ExecutorOptions& options) {
  if (width == 0) throw std::invalid_argument("execute: record width must be at least 1");
  const auto start = std::chrono::steady_clock::now();
  MpiTransport& mpi = MpiTransport::instance();
  mpi.broadcast_runs(pending);
  if (!std::is_sorted(pending.begin(), pending.end()) ||
      std::adjacent_find(pending.begin(), pending.end()) != pending.end())
    throw std::invalid_argument("execute: pending runs must be strictly increasing");

  const std::size_t threads =
      options.threads != 0 ? options.threads : std::max<std::size_t>(1, std::thread::hardware_concurrency());
  tbb::task_arena arena(static_cast<int>(threads));
  const std::size_t block = options.block != 0 ? options.block : automatic_block(pending.size());
  ProgressLine progress(options.progress && mpi.rank() == 0, pending.size(), options.label);

  std::vector<double> mine, all;
  for (std::size_t begin = 0; begin < pending.size(); begin += block) {
    const std::span<const std::uint64_t> block_runs(pending.data() + begin, std::min(block, pending.size() - begin));
    // This rank's share of the block: a contiguous slice, so that gathering in rank order
    // puts the records back in run order.
    const auto [lo, hi] = mpi.slice(block_runs.size());
    mine.assign((hi - lo) * width, 0.0);
    const std::exception_ptr error = compute_slice(arena, block_runs.subspan(lo, hi - lo), width, run, mine);
    mpi.agree_on_error(error);  // rethrows on every rank when any rank failed
    if (mpi.rank() == 0) {
      mpi.gather(mine, block_runs.size() * width, all);
      sink(block_runs, all);
      progress.update(begin + block_runs.size());
    } else {
      mpi.gather(mine, 0, all);
    }
  }
  ExecutionSummary summary;
  summary.runs = pending.size();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  summary.threads = threads;
  summary.ranks = mpi.size();
  return summary;
}

int process_rank() { return MpiTransport::instance().rank(); }
int process_count() { return MpiTransport::instance().size(); }
bool built_with_mpi() { return MpiTransport::built_with_mpi(); }

}  // namespace parley
