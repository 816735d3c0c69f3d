#include "parley/core/progress.hpp"

#include <utility>

namespace parley {
namespace {

thread_local ProgressListener current;

}  // namespace

ScopedProgress::ScopedProgress(ProgressListener listener) : previous_(std::exchange(current, std::move(listener))) {}

ScopedProgress::~ScopedProgress() { current = std::move(previous_); }

void report_progress(std::string_view what, std::uint64_t done, std::uint64_t total) {
  if (current) current(what, done, total);
}

}  // namespace parley
