#pragma once
// Progress of long work. A model reports how far it got (turn t of at most T); whoever runs
// it may listen — the CLI shows a line on a terminal when a run was estimated to take
// seconds or more (forecast's --max-work). The listener belongs to the calling thread, so
// work spread over threads reports nothing unless each thread installs one.

#include <cstdint>
#include <functional>
#include <string_view>

namespace parley {

// what: the unit ("turn", "round"); done of at most total.
using ProgressListener = std::function<void(std::string_view what, std::uint64_t done, std::uint64_t total)>;

// Installs a listener for this thread while it lives; the previous one returns afterwards.
class ScopedProgress {
 public:
  explicit ScopedProgress(ProgressListener listener);
  ~ScopedProgress();
  ScopedProgress(const ScopedProgress&) = delete;
  ScopedProgress& operator=(const ScopedProgress&) = delete;

 private:
  ProgressListener previous_;
};

// Tells this thread's listener, if any. Cheap without one (a test of an empty function).
void report_progress(std::string_view what, std::uint64_t done, std::uint64_t total);

}  // namespace parley
