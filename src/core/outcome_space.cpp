#include "parley/core/outcome_space.hpp"

#include <cassert>

namespace parley {

OutcomeSpace::OutcomeSpace(const std::vector<Issue>& issues, std::vector<std::size_t> issue_indices)
    : issue_indices_(std::move(issue_indices)) {
  radices_.reserve(issue_indices_.size());
  for (std::size_t index : issue_indices_) {
    radices_.push_back(issues[index].value_count());
    cardinality_ *= radices_.back();
  }
  if (enumerable()) {
    strides_.assign(radices_.size(), 1);
    for (std::size_t k = radices_.size(); k-- > 1;) strides_[k - 1] = strides_[k] * radices_[k];
  }
}

bool OutcomeSpace::enumerable() const {
  const auto n = cardinality_.to_u64();
  return n && *n <= kMaxEnumerable;
}

std::uint64_t OutcomeSpace::size() const {
  assert(enumerable());
  return *cardinality_.to_u64();
}

void OutcomeSpace::decode(std::uint64_t index, std::span<std::uint32_t> out) const {
  for (std::size_t k = radices_.size(); k-- > 0;) {
    out[k] = static_cast<std::uint32_t>(index % radices_[k]);
    index /= radices_[k];
  }
}

Outcome OutcomeSpace::decode(std::uint64_t index) const {
  Outcome outcome(radices_.size());
  decode(index, outcome);
  return outcome;
}

std::uint64_t OutcomeSpace::encode(std::span<const std::uint32_t> outcome) const {
  std::uint64_t index = 0;
  for (std::size_t k = 0; k < radices_.size(); ++k) index = index * radices_[k] + outcome[k];
  return index;
}

Outcome OutcomeSpace::sample(Rng& rng) const {
  Outcome outcome(radices_.size());
  for (std::size_t k = 0; k < radices_.size(); ++k) outcome[k] = static_cast<std::uint32_t>(rng.uniform_below(radices_[k]));
  return outcome;
}

}  // namespace parley
