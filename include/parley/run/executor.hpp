#pragma once
// Where the runs of a study execute: every core of this machine (oneTBB) and, when the
// program was started by `mpirun`, every MPI rank. A study (a tournament, a sweep) is a
// numbered set of independent runs 0..count-1; run r's result depends only on the study and
// r (its random choices come from derive_seed(study seed, r)), never on which thread or rank
// computed it, so results do not depend on the executor.
//
// A run writes its result into a fixed-width record of doubles (the study decides the
// layout). Records are fixed-width so that a block of them travels between MPI ranks as one
// array and a run allocates nothing to report.
//
// Runs go in blocks: each block's pending runs are computed in parallel (split by index
// across ranks, then across threads), then handed to the sink on one writer thread of rank
// 0, in increasing run order, while the next block is computed (so database writes overlap
// the runs). The sink commits a block as a whole (one database
// transaction), so a study interrupted at any moment has committed a set of whole blocks and
// resumes by passing the runs it still lacks as `pending`.
//
// Progress: with ExecutorOptions::progress, rank 0 writes one line on stderr, rewritten in
// place ("runs done / total, runs/s, ETA"), and clears it at the end. The caller decides
// whether stderr is a terminal.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

namespace parley {

struct ExecutorOptions {
  // Worker threads per process; 0: every core the process may run on (its CPU affinity, so
  // under mpirun the cores bound to the rank).
  std::size_t threads = 0;
  // Runs per block (one sink call, one transaction). 0: about 5% of the runs (at most
  // 65,536), and at least 4 per thread of every rank, so that a kill loses little work,
  // commits stay rare and every worker has runs in each block. Records do not depend on it.
  std::size_t block = 0;
  bool progress = false;  // progress line on stderr (rank 0 only)
  std::string label = "runs";  // the progress line's noun
};

// Computes run `run` into `record` (record.size() == the width given to execute()). Called
// concurrently from many threads for different runs: it must only read shared state.
using RunFunction = std::function<void(std::uint64_t run, std::span<double> record)>;
// Receives one finished block on rank 0 (always on the same writer thread, one call at a
// time, blocks in increasing run order): runs in increasing order; run runs[i]'s record is
// records[i·width, (i+1)·width).
using BlockSink = std::function<void(std::span<const std::uint64_t> runs, std::span<const double> records)>;

struct ExecutionSummary {
  std::uint64_t runs = 0;  // runs computed by this call (all ranks)
  double seconds = 0;  // wall clock of this call
  std::size_t threads = 0;  // threads per process
  int ranks = 1;  // MPI processes (1 without MPI)
};

// Computes every run of `pending` (strictly increasing run numbers; on MPI only rank 0's
// argument counts, and it is broadcast) and hands them to `sink` on rank 0, block by block,
// in increasing run order. Other ranks' sinks are never called. Exceptions from `run` stop
// the study after the current block and are rethrown (on MPI: on every rank, as the first
// failing run's message, so that every rank exits with the same error).
// REQUIRES: width >= 1.
ExecutionSummary execute(std::vector<std::uint64_t> pending, std::size_t width, const RunFunction& run,
                         const BlockSink& sink, const ExecutorOptions& options = {});

// Calls body(i) for every i in [0, count) on `threads` threads (0: every core) of this
// process, and returns when all are done. When calls throw, rethrows the exception of the
// lowest i (so the error does not depend on scheduling). For setup work (loading and
// compiling domains), not for runs.
void parallel_for_each(std::size_t count, std::size_t threads, const std::function<void(std::size_t)>& body);

// MPI, when the program runs under mpirun (and parley was built with MPI); otherwise one
// process of rank 0. Initialised on first use, finalised at exit.
int process_rank();
// Ends every MPI process of this program with `status` (MPI_Abort) when MPI started with
// other ranks; otherwise does nothing. For an error on one rank, which would otherwise
// leave the others waiting for it forever.
void abort_other_processes(int status);
int process_count();
bool built_with_mpi();

// Studies allocate and free the same large tables run after run (a flagship draw: ~21 MB
// per party). glibc serves blocks that large with mmap and returns them on free, so every
// run faults its tables in again (a third of a sweep's time, measured in docs/scaling.md).
// This keeps freed blocks in the process for the next run, for the rest of the process
// (glibc's mmap and trim thresholds); programs that run studies call it once at the start.
// No effect off glibc.
void keep_freed_memory_for_reuse();

}  // namespace parley
