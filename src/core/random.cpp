#include "parley/core/random.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

namespace parley {
namespace {

// The 128-bit product a·b as (high, low) words. Exact on every platform, so uniform_below
// draws the same integers with or without a native 128-bit type.
void multiply_wide(std::uint64_t a, std::uint64_t b, std::uint64_t& high, std::uint64_t& low) {
#if defined(__SIZEOF_INT128__)
  __extension__ using Wide = unsigned __int128;
  const Wide product = static_cast<Wide>(a) * b;
  high = static_cast<std::uint64_t>(product >> 64);
  low = static_cast<std::uint64_t>(product);
#else
  const std::uint64_t a_lo = a & 0xFFFFFFFFu, a_hi = a >> 32, b_lo = b & 0xFFFFFFFFu, b_hi = b >> 32;
  const std::uint64_t lo_lo = a_lo * b_lo, hi_lo = a_hi * b_lo, lo_hi = a_lo * b_hi, hi_hi = a_hi * b_hi;
  const std::uint64_t cross = (lo_lo >> 32) + (hi_lo & 0xFFFFFFFFu) + lo_hi;
  high = (hi_lo >> 32) + (cross >> 32) + hi_hi;
  low = (cross << 32) | (lo_lo & 0xFFFFFFFFu);
#endif
}

// 2 / (2k + 1), k = 1..10: the series R(z) = 2z/3 + 2z²/5 + ... of 2·atanh(s) = 2s + s·R(s²)
// (constant-folded, exactly rounded).
constexpr std::array<double, 10> kSeries{2.0 / 3,  2.0 / 5,  2.0 / 7,  2.0 / 9,  2.0 / 11,
                                         2.0 / 13, 2.0 / 15, 2.0 / 17, 2.0 / 19, 2.0 / 21};
constexpr double kLn2High = 6.93147180369123816490e-01;
constexpr double kLn2Low = 1.90821492927058770002e-10;
constexpr double kSqrtHalf = 0.70710678118654752440;

}  // namespace

std::uint64_t Rng::uniform_below(std::uint64_t n) {
  if (n == 0) throw std::invalid_argument("Rng::uniform_below: n must be positive");
  std::uint64_t high = 0, low = 0;
  multiply_wide(next(), n, high, low);
  if (low < n) {
    // 2^64 mod n, computed in 64 bits: (2^64 - n) mod n.
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) multiply_wide(next(), n, high, low);
  }
  return high;
}

std::int64_t Rng::uniform_int(std::int64_t lo, std::int64_t hi) {
  if (lo > hi) throw std::invalid_argument("Rng::uniform_int: lo must not exceed hi");
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  if (span == std::numeric_limits<std::uint64_t>::max()) return static_cast<std::int64_t>(next());
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + uniform_below(span + 1));
}

double Rng::uniform_real(double lo, double hi) {
  if (!(lo < hi) || !std::isfinite(hi - lo)) throw std::invalid_argument("Rng::uniform_real: need lo < hi, finite");
  const double width = hi - lo;
  const double offset = width * uniform01();
  const double value = lo + offset;
  return value < hi ? value : std::nextafter(hi, lo);
}

double Rng::normal() {
  while (true) {
    const double u = 2 * uniform01() - 1;
    const double v = 2 * uniform01() - 1;
    const double uu = u * u;
    const double vv = v * v;
    const double s = uu + vv;
    if (s > 0 && s < 1) {
      const double ratio = -2 * portable_log(s) / s;
      return u * std::sqrt(ratio);
    }
  }
}

double portable_log(double x) {
  if (!(x > 0) || !std::isfinite(x)) throw std::invalid_argument("portable_log: x must be positive and finite");
  // x = m·2^e with m in [sqrt(1/2), sqrt(2)); frexp and the scaling by 2 are exact.
  int e = 0;
  double m = std::frexp(x, &e);
  if (m < kSqrtHalf) {
    m = 2 * m;
    e = e - 1;
  }
  // fdlibm's e_log.c reduction: f = m - 1 (exact), s = f / (2 + f), ln m = 2 atanh(s) =
  // f - (f²/2 - s·(f²/2 + R)), with |s| <= 0.1716 and the series' terms after z^10 below
  // 2^-60 of the sum. One operation per statement: no fused multiply-add.
  const double f = m - 1;
  const double two_plus_f = 2 + f;
  const double s = f / two_plus_f;
  const double z = s * s;
  double series = kSeries.back();
  for (std::size_t k = kSeries.size() - 1; k-- > 0;) {
    series = series * z;
    series = series + kSeries[k];
  }
  const double r = z * series;
  const double f_squared = f * f;
  const double half_f_squared = 0.5 * f_squared;
  const double sum = half_f_squared + r;
  const double s_sum = s * sum;
  const double exponent = static_cast<double>(e);
  const double low = exponent * kLn2Low;
  const double correction = s_sum + low;
  const double small = half_f_squared - correction;
  const double log_m_low = small - f;
  const double high = exponent * kLn2High;
  return high - log_m_low;
}

}  // namespace parley
