#pragma once
// Bounded memory. Work whose size the input decides (frontiers, per-outcome tables, actor
// matrices) estimates its memory before it allocates and refuses, with ErrorKind::too_large,
// when the estimate passes the caller's limit: a plausible mistake (an actor table read as
// a 30-party bargaining problem) must end with a message, not exhaust the machine.
// The limit is a plan, not a measurement: estimates count the big arrays, not every byte.

#include <cstdint>
#include <string_view>

namespace parley {

// The default limit of every command (`--max-memory-mb` raises it). 1 GiB leaves room for
// the process itself under the 2 GB that the test suite allows a command.
inline constexpr std::uint64_t kDefaultMemoryLimit = std::uint64_t(1) << 30;

// The field name of memory-limit errors (the CLI names its option for it).
inline constexpr std::string_view kMemoryLimitField = "memory limit";

// Throws parley::Error (too_large, field kMemoryLimitField) when bytes > limit:
// "<what> needs about N MB, over the memory limit of M MB<advice>".
void check_memory(std::uint64_t bytes, std::uint64_t limit, std::string_view what, std::string_view advice = {});

// a * b * c in bytes, saturating at UINT64_MAX instead of wrapping (estimates of absurd
// inputs must stay absurd).
std::uint64_t bytes_of(std::uint64_t a, std::uint64_t b, std::uint64_t c = 1);

}  // namespace parley
