#pragma once
// The outcome space of a set of issues: the cartesian product of their values, indexed in
// mixed radix (the first issue varies slowest). Spaces up to kMaxEnumerable outcomes can be
// enumerated; larger ones are sampled or searched without enumeration.

#include <cstdint>
#include <span>
#include <vector>

#include "parley/core/big_count.hpp"
#include "parley/core/issue.hpp"
#include "parley/core/random.hpp"

namespace parley {

// An outcome: one value index per issue of its space, in the space's issue order.
using Outcome = std::vector<std::uint32_t>;

class OutcomeSpace {
 public:
  static constexpr std::uint64_t kMaxEnumerable = 100'000'000;

  OutcomeSpace() = default;
  // REQUIRES: every index in `issue_indices` is valid in `issues`.
  OutcomeSpace(const std::vector<Issue>& issues, std::vector<std::size_t> issue_indices);

  std::size_t issue_count() const { return radices_.size(); }
  // Index of the space's k-th issue in the scenario's issue list.
  std::size_t scenario_issue(std::size_t k) const { return issue_indices_[k]; }
  const std::vector<std::size_t>& scenario_issues() const { return issue_indices_; }
  std::uint32_t radix(std::size_t k) const { return radices_[k]; }
  const std::vector<std::uint32_t>& radices() const { return radices_; }

  // Mixed-radix strides: outcome index = Σ_k value_k · stride(k); the last issue has stride 1.
  // Empty unless enumerable() (larger spaces have no index).
  std::span<const std::uint32_t> strides() const { return strides_; }

  const BigCount& cardinality() const { return cardinality_; }
  // True when the space has at most kMaxEnumerable outcomes.
  bool enumerable() const;
  // REQUIRES: enumerable().
  std::uint64_t size() const;

  // Mixed-radix index <-> outcome. REQUIRES: enumerable(), index < size(), out.size() ==
  // issue_count().
  void decode(std::uint64_t index, std::span<std::uint32_t> out) const;
  Outcome decode(std::uint64_t index) const;
  std::uint64_t encode(std::span<const std::uint32_t> outcome) const;

  // A uniformly random outcome: value k is rng.uniform_below(radix(k)), issue by issue in
  // order (issue_count() draws), the same on every platform.
  Outcome sample(Rng& rng) const;

 private:
  std::vector<std::size_t> issue_indices_;
  std::vector<std::uint32_t> radices_;
  std::vector<std::uint32_t> strides_;
  BigCount cardinality_{1};
};

}  // namespace parley
