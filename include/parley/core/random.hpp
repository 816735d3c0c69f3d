#pragma once
// Portable randomness: one seeded generator, seed streams, and distributions whose draws are
// the same under every C++ standard library, compiler and platform.
//
// Why not <random>: std::mt19937_64 itself is specified bit for bit, but the distributions
// (std::uniform_int_distribution, std::uniform_real_distribution, std::normal_distribution,
// std::shuffle, ...) are not, and libstdc++, libc++ and MSVC's library draw different values
// from the same engine. A seeded parley run must give the same trace everywhere, so nothing
// in parley draws through <random>.
//
// Generator: SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number
// generators", OOPSLA 2014; the finaliser is Stafford's "Mix13" variant, as in Vigna's
// splitmix64.c). One 64-bit word of state, period 2^64, passes BigCrush; cheap to create, so
// every negotiator and every protocol run owns its own generator (no global RNG, no locks,
// same results whatever the thread count). Not cryptographic.
//
// Streams: a run seeded with `seed` gives stream `k` (a party, a role, a stage...) the seed
// derive_seed(seed, k); run `r` of a sweep or tournament with master seed `seed` is seeded
// with derive_seed(seed, r), so its stream k gets derive_seed(seed, r, k). Derived seeds are
// hashed, so two streams' SplitMix64 sequences overlap only with probability ~ n²·L / 2^64
// for n streams of L draws each.
//
// Stability contract. For a given seed, these never change across platforms, compilers,
// standard libraries or parley versions (tests/core/random_test.cpp pins golden values; a
// change is a breaking change that must be announced):
//   - mix64, splitmix64, derive_seed, Rng::next: exact integer arithmetic, everywhere;
//   - uniform_below, uniform_int, bernoulli, shuffle: exact (integer draws and comparisons);
//   - uniform01, uniform_real: exact on every IEEE-754 binary64 platform;
//   - normal: uses only +, -, *, /, sqrt (exactly rounded by IEEE-754) and parley's own
//     logarithm (no libm call), one operation per statement, so it is bit-identical on every
//     IEEE-754 platform whose compiler does not fuse a*b+c into an FMA across statements
//     (GCC in ISO mode does not contract at all; clang's default contracts only within one
//     expression). Checked under g++/libstdc++ and clang/libc++ (tests/libcxx).
// How many raw draws each function consumes is part of the contract (stated per function):
// it decides every later draw of the stream.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>

namespace parley {

// The SplitMix64 increment (2^64 / golden ratio, odd).
inline constexpr std::uint64_t kSplitMix64Gamma = 0x9E3779B97F4A7C15ULL;

// Stafford's Mix13 finaliser: a bijection of 64-bit words with full avalanche.
constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// The value a SplitMix64 generator in state `x` returns next: mix64(x + gamma). Also a good
// 64-bit hash for counter-based draws (one independent value per (seed, turn, actor) key).
constexpr std::uint64_t splitmix64(std::uint64_t x) noexcept { return mix64(x + kSplitMix64Gamma); }

// The seed of stream `stream` of a run seeded with `seed`: the (stream+1)-th output of a
// SplitMix64 generator seeded with `seed`. Values are frozen (seeded runs since parley 0.1
// depend on them).
constexpr std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t stream) noexcept {
  return mix64(seed + (stream + 1) * kSplitMix64Gamma);
}

// The seed of stream `stream` in run `run` of a sweep or tournament with master seed `seed`:
// derive_seed(derive_seed(seed, run), stream), i.e. what a single run seeded with
// derive_seed(seed, run) gives that stream. Report derive_seed(seed, run) with each run so
// any one run can be replayed on its own.
constexpr std::uint64_t derive_seed(std::uint64_t seed, std::uint64_t run, std::uint64_t stream) noexcept {
  return derive_seed(derive_seed(seed, run), stream);
}

// The top 53 bits of `bits` as a double in [0, 1): a multiple of 2^-53, every one equally
// likely for uniform bits.
constexpr double unit_interval(std::uint64_t bits) noexcept { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

// A SplitMix64 generator. A value type (copy it to replay a stream); not thread safe, but
// different Rng objects share nothing. Satisfies std::uniform_random_bit_generator, but do not
// hand it to <random> distributions or std::shuffle: their draws are not portable.
class Rng {
 public:
  using result_type = std::uint64_t;

  explicit constexpr Rng(std::uint64_t seed = 0) noexcept : state_(seed) {}

  // One raw 64-bit draw. Consumes 1.
  constexpr std::uint64_t next() noexcept {
    state_ += kSplitMix64Gamma;
    return mix64(state_);
  }
  constexpr result_type operator()() noexcept { return next(); }
  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }

  // Uniform integer in [0, n), exactly unbiased: Lemire's nearly divisionless method
  // ("Fast random integer generation in an interval", ACM TOMACS 29(1), 2019): the high word
  // of next()·n, redrawing while the low word falls in the 2^64 mod n rejected values.
  // Consumes 1 draw, plus a redraw with probability n / 2^64 (below 1e-9 for n < 2^34).
  // REQUIRES: n > 0.
  std::uint64_t uniform_below(std::uint64_t n);

  // Uniform integer in [lo, hi], unbiased (uniform_below(hi - lo + 1); the full 64-bit range
  // takes next() as is). Consumes as uniform_below. REQUIRES: lo <= hi.
  std::int64_t uniform_int(std::int64_t lo, std::int64_t hi);

  // Uniform real in [0, 1): unit_interval(next()). Consumes 1.
  double uniform01() noexcept { return unit_interval(next()); }

  // Uniform real in [lo, hi): lo + (hi - lo)·uniform01(), a result rounded up to hi is moved
  // to the largest double below hi. Consumes 1. REQUIRES: lo < hi, both finite.
  double uniform_real(double lo, double hi);

  // True with probability p: uniform01() < p (p <= 0 never, p >= 1 always). Consumes 1, also
  // when p is 0 or 1: skip the call to leave the stream untouched.
  bool bernoulli(double p) noexcept { return uniform01() < p; }

  // Standard normal N(0, 1), Marsaglia's polar method (Marsaglia & Bray, "A convenient method
  // for generating normal variables", SIAM Review 6(3), 1964): u, v uniform in (-1, 1) until
  // 0 < s = u² + v² < 1, then u·sqrt(-2 ln s / s). The second variate v·sqrt(...) is
  // discarded, so a draw depends only on the state before it. Consumes 2 per attempt
  // (4/π ≈ 1.27 attempts on average).
  double normal();
  // N(mean, sd²): mean + sd·normal(). REQUIRES: sd >= 0.
  double normal(double mean, double sd) { return mean + sd * normal(); }

  // The state (the last value added to): Rng(state()) continues this stream exactly.
  constexpr std::uint64_t state() const noexcept { return state_; }

  friend constexpr bool operator==(const Rng&, const Rng&) = default;

 private:
  std::uint64_t state_;
};

// Fisher-Yates shuffle on uniform_below: for i = n-1 down to 1, swap items[i] with
// items[uniform_below(i + 1)]. Every permutation is equally likely. Consumes n - 1 draws
// (plus rare redraws) for n >= 2, none otherwise.
template <class T>
void shuffle(std::span<T> items, Rng& rng) {
  for (std::size_t i = items.size(); i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(rng.uniform_below(i));
    using std::swap;
    swap(items[i - 1], items[j]);
  }
}

// Natural logarithm computed with +, -, *, / only (exact frexp scaling, then fdlibm's atanh
// reduction with a Taylor series), so its bits do not depend on the platform's libm. Within
// 1 ulp of the exact value (0.78 ulp worst over 200,000 sampled arguments), hence within 1
// ulp of any faithful std::log. Used by normal(); exposed for its tests.
// REQUIRES: x > 0 and finite.
double portable_log(double x);

}  // namespace parley
