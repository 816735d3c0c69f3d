// Frequency opponent model. Sources: Baarslag, Hendrikx, Hindriks & Jonker (2013), "Predicting
// the performance of opponent models in automated negotiation" (the frequency family);
// van Krimpen, Looije & Hajizadeh (2013), "HardHeaded" (value counts, weights raised for
// issues whose value does not change between consecutive offers). Formulas in the header.

#include "parley/negotiate/opponent_model.hpp"

#include <algorithm>

namespace parley {

void FrequencyOpponentModel::reset(const OutcomeSpace& space, std::span<const std::uint32_t> strides) {
  const std::size_t n = space.issue_count();
  radices_ = space.radices();
  strides_.assign(strides.begin(), strides.end());
  offsets_.assign(n + 1, 0);
  for (std::size_t k = 0; k < n; ++k) offsets_[k + 1] = offsets_[k] + radices_[k];
  counts_.assign(offsets_[n], 0.0);
  max_count_.assign(n, 0.0);
  unchanged_.assign(n, 0.0);
  last_ = kNoOutcome;
  offers_ = 0;
}

void FrequencyOpponentModel::observe_offer(OutcomeIndex offer) {
  for (std::size_t k = 0; k < radices_.size(); ++k) {
    const std::uint32_t v = (offer / strides_[k]) % radices_[k];
    double& c = counts_[offsets_[k] + v];
    c += 1;
    max_count_[k] = std::max(max_count_[k], c);
    if (last_ != kNoOutcome && (last_ / strides_[k]) % radices_[k] == v) unchanged_[k] += 1;
  }
  last_ = offer;
  ++offers_;
}

double FrequencyOpponentModel::estimate(OutcomeIndex outcome) const {
  if (offers_ == 0 || radices_.empty()) return 0.5;
  double total_weight = 0, sum = 0;
  for (std::size_t k = 0; k < radices_.size(); ++k) {
    const std::uint32_t v = (outcome / strides_[k]) % radices_[k];
    const double w = 1.0 + unchanged_[k];
    total_weight += w;
    sum += w * (counts_[offsets_[k] + v] + 1.0) / (max_count_[k] + 1.0);
  }
  return sum / total_weight;
}

void FrequencyOpponentModel::terms(std::vector<double>& terms, double& total_weight) const {
  terms.resize(counts_.size());
  total_weight = 0;
  for (std::size_t k = 0; k < radices_.size(); ++k) {
    const double w = 1.0 + unchanged_[k];
    total_weight += w;
    for (std::uint32_t v = 0; v < radices_[k]; ++v)
      terms[offsets_[k] + v] = w * (counts_[offsets_[k] + v] + 1.0) / (max_count_[k] + 1.0);
  }
}

}  // namespace parley
