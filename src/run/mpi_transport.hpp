#pragma once
// The executor's view of MPI: this process's rank, the split of a block between ranks, and
// the collective steps of a block. Without MPI (not built with it, or not started by
// mpirun) it is one process of rank 0 and every step is local.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <utility>
#include <vector>

namespace parley {

class MpiTransport {
 public:
  // The process's transport. MPI is initialised on the first call when the process was
  // started by mpirun (and finalised at exit).
  static MpiTransport& instance();
  static bool built_with_mpi();
  // MPI_Abort(status) when the transport exists and spans several ranks; else nothing.
  static void abort_if_parallel(int status);

  int rank() const { return rank_; }
  int size() const { return size_; }
  // Rank 0's run list, on every rank.
  void broadcast_runs(std::vector<std::uint64_t>& runs) const;
  // Rank 0's value, on every rank.
  std::uint64_t broadcast(std::uint64_t value) const;
  // This rank's contiguous share [first, last) of `count` items (ranks in order).
  std::pair<std::size_t, std::size_t> slice(std::size_t count) const;
  // Rethrows, on every rank, the error of the lowest rank that failed (locally: `error`
  // itself; across ranks: a parley::Error of the same kind and message, or a runtime_error).
  void agree_on_error(const std::exception_ptr& error) const;
  // Rank 0 receives every rank's `mine`, in rank order, into `all` (total doubles); other
  // ranks only send.
  void gather(const std::vector<double>& mine, std::size_t total, std::vector<double>& all) const;

  ~MpiTransport();

 private:
  MpiTransport();
  static MpiTransport* started_;
  int rank_ = 0;
  int size_ = 1;
  bool initialised_ = false;
};

}  // namespace parley
