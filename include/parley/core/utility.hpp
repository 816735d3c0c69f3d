#pragma once
// Utility functions, compiled for one outcome space.
//
// Linear-additive (the default): u(o) = Σ_k w_k · v_k(o_k), with w_k = salience_k / Σ of
// the actor's saliences over the space's issues, and v_k in [0,1] (explicit values, or
// 1 - d/L resp. 1 - (d/L)^2 for the distance d to the actor's position on a scale of length L).
// The compiled form keeps w_k · v_k(value) in one flat table, so evaluating an outcome is one
// addition per issue.
//
// Hyper-rectangle (GENIUS nonlinear): u(o) = Σ utility of satisfied rectangles / scale.
//
// Raw weights (Actor::weights == Weights::raw, GENIUS): w_k = salience_k as given, and the
// utility is min(1, ·) of the sum above (both forms). The tables and rectangles hold the
// uncapped terms; operator() and all_utilities apply the cap.
//
// Discounting: u · d^t (GENIUS: t is normalised time in [0,1]; round-based protocols: rounds).

#include <cstdint>
#include <span>
#include <vector>

#include "parley/core/actor.hpp"
#include "parley/core/issue.hpp"
#include "parley/core/outcome_space.hpp"

namespace parley {

// The most values a compiled utility tabulates over its space's issues (80 MB per party):
// an integer issue of 10^8 values is refused, not tabulated until memory runs out.
inline constexpr std::uint64_t kMaxTabulatedValues = 10'000'000;

class CompiledUtility {
 public:
  struct Rectangle {
    struct Bound {
      std::uint32_t position;  // issue position in the space
      std::uint32_t min, max;
    };
    std::vector<Bound> bounds;
    double utility = 0;  // already divided by the actor's rectangle scale
    bool exclusive = false;
    bool satisfied_by(std::span<const std::uint32_t> outcome) const;
  };

  // REQUIRES: actor.stances.size() == issues.size(); space built over `issues`.
  // Throws parley::Error (too_large, field "issues.ID" of the largest issue) when the space's
  // issues have more than kMaxTabulatedValues values in all.
  CompiledUtility(const Actor& actor, const std::vector<Issue>& issues, const OutcomeSpace& space);

  double operator()(std::span<const std::uint32_t> outcome) const;

  // Additive and not capped anywhere: u is exactly the sum of the issue tables. The
  // analysis's issue-merge frontier relies on this.
  bool is_linear() const { return rectangles_.empty() && !cap_can_bind_; }
  // Raw weights: the utility is min(1, Σ ...) and some outcome may exceed 1 before the cap
  // (for rectangles: the positive rectangle utilities add up to 1 or more, a conservative test).
  bool cap_can_bind() const { return cap_can_bind_; }
  // The same utility without the cap at 1 (a copy): frontier methods search the uncapped
  // sum, whose frontier contains the capped one's (min(1, ·) is monotone).
  CompiledUtility uncapped() const;
  // Additive form (no rectangles): weighted value of each value index of the space's k-th
  // issue, before any cap.
  std::span<const double> issue_table(std::size_t k) const {
    return {table_.data() + offsets_[k], offsets_[k + 1] - offsets_[k]};
  }
  const std::vector<Rectangle>& rectangles() const { return rectangles_; }
  double reservation_value() const { return reservation_value_; }
  double discount() const { return discount_; }
  double discounted(double utility, double time) const;

  // The utility of every outcome of an enumerable space, in mixed-radix index order.
  // REQUIRES: space.enumerable().
  std::vector<double> all_utilities(const OutcomeSpace& space) const;

 private:
  std::vector<std::size_t> offsets_;  // issue_count + 1 entries into table_
  std::vector<double> table_;
  std::vector<Rectangle> rectangles_;
  double reservation_value_ = 0;
  double discount_ = 1;
  bool capped_ = false;  // raw weights: min(1, ·)
  bool cap_can_bind_ = false;
};

// Value in [0,1] of value index v of `issue` for an actor with `stance` (before weighting).
double issue_value(const Issue& issue, const Stance& stance, ValueShape shape, std::uint32_t v);

}  // namespace parley
