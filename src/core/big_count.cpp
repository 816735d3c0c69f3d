#include "parley/core/big_count.hpp"

#include <fmt/format.h>

namespace parley {

namespace {
constexpr std::uint32_t kBase = 1'000'000'000;
}

BigCount::BigCount(std::uint64_t value) {
  do {
    limbs_.push_back(static_cast<std::uint32_t>(value % kBase));
    value /= kBase;
  } while (value != 0);
}

BigCount& BigCount::operator*=(std::uint32_t factor) {
  std::uint64_t carry = 0;
  for (auto& limb : limbs_) {
    const std::uint64_t product = std::uint64_t(limb) * factor + carry;
    limb = static_cast<std::uint32_t>(product % kBase);
    carry = product / kBase;
  }
  while (carry != 0) {
    limbs_.push_back(static_cast<std::uint32_t>(carry % kBase));
    carry /= kBase;
  }
  while (limbs_.size() > 1 && limbs_.back() == 0) limbs_.pop_back();
  return *this;
}

std::optional<std::uint64_t> BigCount::to_u64() const {
  unsigned __int128 value = 0;
  for (auto it = limbs_.rbegin(); it != limbs_.rend(); ++it) {
    value = value * kBase + *it;
    if (value > ~std::uint64_t{0}) return std::nullopt;
  }
  return static_cast<std::uint64_t>(value);
}

double BigCount::to_double() const {
  double value = 0;
  for (auto it = limbs_.rbegin(); it != limbs_.rend(); ++it) value = value * kBase + *it;
  return value;
}

std::string BigCount::to_string() const {
  std::string text = fmt::format("{}", limbs_.back());
  for (auto it = limbs_.rbegin() + 1; it != limbs_.rend(); ++it) text += fmt::format("{:09}", *it);
  return text;
}

bool BigCount::is_zero() const { return limbs_.size() == 1 && limbs_[0] == 0; }

}  // namespace parley
