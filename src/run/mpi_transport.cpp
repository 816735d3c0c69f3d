// MpiTransport over Open MPI when parley is built with it (PARLEY_WITH_MPI), else one local
// process. MPI starts only when mpirun launched the process: a plain `parley tournament`
// never pays for MPI's start-up nor needs its runtime.
#include "mpi_transport.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

#include "parley/core/error.hpp"

#ifdef PARLEY_WITH_MPI
#include <mpi.h>
#endif

namespace parley {

MpiTransport* MpiTransport::started_ = nullptr;

MpiTransport& MpiTransport::instance() {
  static MpiTransport transport;
  started_ = &transport;
  return transport;
}

bool MpiTransport::built_with_mpi() {
#ifdef PARLEY_WITH_MPI
  return true;
#else
  return false;
#endif
}

std::pair<std::size_t, std::size_t> MpiTransport::slice(std::size_t count) const {
  const auto part = [&](int r) { return count * static_cast<std::size_t>(r) / static_cast<std::size_t>(size_); };
  return {part(rank_), part(rank_ + 1)};
}

#ifdef PARLEY_WITH_MPI

void MpiTransport::abort_if_parallel(int status) {
  if (started_ != nullptr && started_->size_ > 1) MPI_Abort(MPI_COMM_WORLD, status);
}

namespace {
bool launched_by_mpirun() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMIX_RANK") != nullptr ||
         std::getenv("PMI_SIZE") != nullptr;
}
}  // namespace

MpiTransport::MpiTransport() {
  if (!launched_by_mpirun()) return;
  int already = 0;
  MPI_Initialized(&already);
  if (!already) {
    MPI_Init(nullptr, nullptr);
    initialised_ = true;
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiTransport::~MpiTransport() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (initialised_ && !finalized) MPI_Finalize();
}

void MpiTransport::broadcast_runs(std::vector<std::uint64_t>& runs) const {
  if (size_ == 1) return;
  unsigned long long count = runs.size();
  MPI_Bcast(&count, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
  runs.resize(count);
  MPI_Bcast(runs.data(), static_cast<int>(count), MPI_UINT64_T, 0, MPI_COMM_WORLD);
}

std::uint64_t MpiTransport::broadcast(std::uint64_t value) const {
  if (size_ == 1) return value;
  unsigned long long v = value;
  MPI_Bcast(&v, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
  return v;
}

void MpiTransport::agree_on_error(const std::exception_ptr& error) const {
  if (size_ == 1) {
    if (error) std::rethrow_exception(error);
    return;
  }
  int mine = error ? rank_ : size_, lowest = size_;
  MPI_Allreduce(&mine, &lowest, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
  if (lowest == size_) return;
  // The failing rank sends its error's kind (or -1: not a parley::Error) and message.
  int kind = -1;
  std::string message;
  if (rank_ == lowest) {
    try {
      std::rethrow_exception(error);
    } catch (const Error& e) {
      kind = static_cast<int>(e.kind());
      message = e.what();
    } catch (const std::exception& e) {
      message = e.what();
    } catch (...) {
      message = "unknown error";
    }
  }
  int length = static_cast<int>(message.size());
  MPI_Bcast(&kind, 1, MPI_INT, lowest, MPI_COMM_WORLD);
  MPI_Bcast(&length, 1, MPI_INT, lowest, MPI_COMM_WORLD);
  message.resize(static_cast<std::size_t>(length));
  MPI_Bcast(message.data(), length, MPI_CHAR, lowest, MPI_COMM_WORLD);
  if (rank_ == lowest) std::rethrow_exception(error);
  if (kind >= 0) throw Error(static_cast<ErrorKind>(kind), message);
  throw std::runtime_error(message);
}

void MpiTransport::gather(const std::vector<double>& mine, std::size_t total, std::vector<double>& all) const {
  if (size_ == 1) {
    all = mine;
    return;
  }
  int count = static_cast<int>(mine.size());
  std::vector<int> counts(rank_ == 0 ? size_ : 0), offsets(rank_ == 0 ? size_ : 0);
  MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  if (rank_ == 0) {
    for (int r = 1; r < size_; ++r) offsets[r] = offsets[r - 1] + counts[r - 1];
    all.resize(total);
  }
  MPI_Gatherv(mine.data(), count, MPI_DOUBLE, all.data(), counts.data(), offsets.data(), MPI_DOUBLE, 0,
              MPI_COMM_WORLD);
}

#else

void MpiTransport::abort_if_parallel(int) {}
MpiTransport::MpiTransport() = default;
MpiTransport::~MpiTransport() = default;
void MpiTransport::broadcast_runs(std::vector<std::uint64_t>&) const {}
std::uint64_t MpiTransport::broadcast(std::uint64_t value) const { return value; }
void MpiTransport::agree_on_error(const std::exception_ptr& error) const {
  if (error) std::rethrow_exception(error);
}
void MpiTransport::gather(const std::vector<double>& mine, std::size_t, std::vector<double>& all) const { all = mine; }

#endif

}  // namespace parley
