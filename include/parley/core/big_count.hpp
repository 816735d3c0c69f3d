#pragma once
// Exact cardinality of outcome spaces: products of value counts overflow 64 bits quickly
// (the ANAC 2014 domains have 10^50 outcomes), so sizes are kept as arbitrary-precision
// unsigned integers.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley {

class BigCount {
 public:
  BigCount(std::uint64_t value = 0);

  BigCount& operator*=(std::uint32_t factor);
  friend bool operator==(const BigCount&, const BigCount&) = default;

  // The value if it fits in 64 bits.
  std::optional<std::uint64_t> to_u64() const;
  double to_double() const;
  std::string to_string() const;  // exact decimal digits
  bool is_zero() const;

 private:
  std::vector<std::uint32_t> limbs_;  // base 10^9, least significant first
};

}  // namespace parley
