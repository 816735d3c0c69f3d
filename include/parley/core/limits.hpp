#pragma once
// Bounded memory and work. Work whose size the input decides (frontiers, per-outcome
// tables, actor matrices, model rounds over all actor triples) estimates its memory and its
// steps before it starts and refuses, with ErrorKind::too_large, when an estimate passes the
// caller's limit: a plausible mistake (an actor table read as a 30-party bargaining problem)
// must end at once with a message, not exhaust the machine or run for hours.
// Limits are plans, not measurements: estimates count the big arrays and the inner steps.
// A step is one inner-loop iteration (a comparison, a multiply-add): about 10^8 per second
// on one core of the development machine.

#include <cstdint>
#include <string_view>

namespace parley {

// The default limit of every command (`--max-memory-mb` raises it). 1 GiB leaves room for
// the process itself under the 2 GB that the test suite allows a command.
inline constexpr std::uint64_t kDefaultMemoryLimit = std::uint64_t(1) << 30;

// The field names of limit errors (the CLI names its option for each).
inline constexpr std::string_view kMemoryLimitField = "memory limit";
inline constexpr std::string_view kWorkLimitField = "work limit";

// Throws parley::Error (too_large, field kWorkLimitField) when steps > limit:
// "<what> takes about N steps (~T at 10^8 steps per second), over the work limit of M<advice>".
void check_work(std::uint64_t steps, std::uint64_t limit, std::string_view what, std::string_view advice = {});

// Throws parley::Error (too_large, field kMemoryLimitField) when bytes > limit:
// "<what> needs about N MB, over the memory limit of M MB<advice>".
void check_memory(std::uint64_t bytes, std::uint64_t limit, std::string_view what, std::string_view advice = {});

// a * b * c (bytes, steps), saturating at UINT64_MAX instead of wrapping (estimates of absurd
// inputs must stay absurd).
std::uint64_t saturating_product(std::uint64_t a, std::uint64_t b, std::uint64_t c = 1);

}  // namespace parley
