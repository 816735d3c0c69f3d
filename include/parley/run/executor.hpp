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
// across ranks, then across threads), then handed to the sink on the calling thread of rank
// 0, in increasing run order. The sink commits a block as a whole (one database
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
  std::size_t threads = 0;  // worker threads per process; 0: every core
  // Runs per block (one sink call, one transaction). 0: chosen from the run count (blocks
  // of about 1% of the runs, between 64 and 65,536), so that a kill loses little work and
  // commits stay rare.
  std::size_t block = 0;
  bool progress = false;  // progress line on stderr (rank 0 only)
  std::string label = "runs";  // the progress line's noun
};

// Computes run `run` into `record` (record.size() == the width given to execute()). Called
// concurrently from many threads for different runs: it must only read shared state.
using RunFunction = std::function<void(std::uint64_t run, std::span<double> record)>;
// Receives one finished block on rank 0: runs in increasing order; run runs[i]'s record is
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

// MPI, when the program runs under mpirun (and parley was built with MPI); otherwise one
// process of rank 0. Initialised on first use, finalised at exit.
int process_rank();
int process_count();
bool built_with_mpi();

}  // namespace parley
