#pragma once
// Frequency opponent model (the "frequency model" of GENIUS/NegMAS; Baarslag et al. 2013,
// "Predicting the performance of opponent models in automated negotiation"; value counts as in
// HardHeaded, van Krimpen et al. 2013). From the offers a party observes, it estimates
// another party's linear-additive utility:
//   value estimate   v_k(x) = (count_k(x) + 1) / (max_x count_k(x) + 1)
//   issue weight     w_k ∝ 1 + Σ over consecutive offers where issue k kept its value
//                    (an opponent changes the issues it cares little about), normalised.
//   û(o) = Σ_k w_k · v_k(o_k), in [0, 1].
// Updating costs O(issues); estimating one outcome costs O(issues); no allocation after
// reset().

#include <cstdint>
#include <span>
#include <vector>

#include "parley/core/outcome_space.hpp"
#include "parley/negotiate/domain.hpp"

namespace parley {

class FrequencyOpponentModel {
 public:
  FrequencyOpponentModel() = default;
  // Sizes the tables for `space` and forgets every observation.
  void reset(const OutcomeSpace& space, std::span<const std::uint32_t> strides);
  // Records one offer by the modelled party.
  void observe_offer(OutcomeIndex offer);
  std::size_t offers_seen() const { return offers_; }
  // Estimated utility of `outcome` for the modelled party; 0.5 before any observation.
  double estimate(OutcomeIndex outcome) const;
  // The estimate as a table, for scanning many outcomes: after at least one offer,
  // estimate(o) == (Σ_k terms[offset(k) + v_k(o)]) / total_weight, bit for bit (the same
  // operations in the same order), with offset(k) the sum of the radices of issues before k.
  // REQUIRES: offers_seen() > 0. Resizes `terms` to the sum of the radices.
  void terms(std::vector<double>& terms, double& total_weight) const;

 private:
  std::vector<std::uint32_t> radices_, strides_;
  std::vector<std::size_t> offsets_;  // per issue into counts_
  std::vector<double> counts_;
  std::vector<double> max_count_;  // per issue
  std::vector<double> unchanged_;  // per issue
  OutcomeIndex last_ = kNoOutcome;
  std::size_t offers_ = 0;
};

}  // namespace parley
