#include "parley/core/limits.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "parley/core/error.hpp"

namespace parley {
namespace {

std::string megabytes(std::uint64_t bytes) {
  const double mb = double(bytes) / double(1 << 20);
  return mb >= 1e6 ? fmt::format("{:.3g} TB", mb / double(1 << 20)) : fmt::format("{:.0f} MB", std::max(1.0, mb));
}

std::string duration(double seconds) {
  if (seconds < 60) return fmt::format("{:.0f} s", std::max(1.0, seconds));
  if (seconds < 3600) return fmt::format("{:.0f} min", seconds / 60);
  if (seconds < 2 * 86400) return fmt::format("{:.0f} h", seconds / 3600);
  return fmt::format("{:.0f} days", seconds / 86400);
}

Location at_field(std::string_view field) { return Location{{}, 0, 0, std::string(field), false}; }

}  // namespace

std::uint64_t saturating_product(std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product) || __builtin_mul_overflow(product, c, &product)) return kMax;
  return product;
}

void check_memory(std::uint64_t bytes, std::uint64_t limit, std::string_view what, std::string_view advice) {
  if (bytes <= limit) return;
  throw Error(ErrorKind::too_large,
              fmt::format("{} needs about {}, over the memory limit of {}{}", what, megabytes(bytes), megabytes(limit), advice),
              at_field(kMemoryLimitField));
}

void check_work(std::uint64_t steps, std::uint64_t limit, std::string_view what, std::string_view advice) {
  if (steps <= limit) return;
  throw Error(ErrorKind::too_large,
              fmt::format("{} takes about {:.2g} steps (~{} at 10^8 steps per second), over the work limit of {:.2g}{}",
                          what, double(steps), duration(double(steps) / 1e8), double(limit), advice),
              at_field(kWorkLimitField));
}

}  // namespace parley
