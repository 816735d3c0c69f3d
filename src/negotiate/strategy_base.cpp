#include "strategy_base.hpp"

#include <limits>
#include <stdexcept>

#include "parley/core/parse_number.hpp"

namespace parley::detail {

void StrategyBase::on_start(const NegotiatorContext& context) {
  context_ = &context;
  table_ = context.table;
  const double rv = table_->reservation_value();
  last_rational_rank_ = table_->rank_at_least(rv);
  if (last_rational_rank_ < 0) {
    u_max_ = u_min_ = rv;
  } else {
    u_max_ = table_->max_utility();
    u_min_ = std::max(table_->sorted_utility(std::size_t(last_rational_rank_)), rv);
  }
  start();
}

Reply StrategyBase::vote(const Turn& turn) {
  const double candidate = u(turn.offer);
  const double floor = turn.current == kNoOutcome ? reservation() : u(turn.current);
  return candidate >= floor ? Reply::accept() : Reply::reject();
}

OutcomeIndex StrategyBase::fit(OutcomeIndex o, const Turn& turn) const {
  if (o == kNoOutcome) return o;
  if (turn.allowed == nullptr || turn.allowed->empty() || turn.allowed->allows(o)) return o;
  const OutcomeIndex above = table_->at_least(u(o), turn.allowed);
  return above != kNoOutcome ? above : table_->best_allowed(turn.allowed);
}

std::int32_t StrategyBase::issue_to_reopen(const Turn& turn) const {
  const OutcomeIndex best_left = table_->best_allowed(turn.allowed);
  if (best_left != kNoOutcome && u(best_left) >= reservation()) return -1;
  // Scan rational outcomes (ranks up to the last >= reservation value) best-first; the first
  // that breaks exactly one agreement names it.
  const std::span<const OutcomeIndex> ranked =
      table_->ranked_span(0, std::size_t(table_->rank_at_least(reservation()) + 1));
  for (std::size_t r = 0; r < ranked.size(); ++r) {
    std::int32_t breaks = -1;
    bool more = false;
    for (std::size_t k = 0; k < turn.agreed.size() && !more; ++k) {
      if (turn.agreed[k] < 0 || std::int32_t(context_->value(ranked[r], k)) == turn.agreed[k]) continue;
      if (breaks >= 0) more = true;
      breaks = std::int32_t(k);
    }
    if (breaks >= 0 && !more && breaks != turn.issue) return breaks;
  }
  return -1;
}

void OpponentModels::reset(const NegotiatorContext& context) {
  self_ = context.self;
  models_.resize(context.party_count);
  for (std::size_t p = 0; p < context.party_count; ++p)
    if (p != self_) models_[p].reset(*context.space, context.strides);
  radices_ = context.space->radices();
  strides_.assign(context.strides.begin(), context.strides.end());
  offsets_.assign(radices_.size(), 0);
  for (std::size_t k = 1; k < radices_.size(); ++k) offsets_[k] = offsets_[k - 1] + radices_[k - 1];
}

void OpponentModels::observe(const Event& event) {
  if (event.kind != EventKind::offer || event.sender < 0 || std::size_t(event.sender) >= models_.size() ||
      std::size_t(event.sender) == self_ || event.outcome == kNoOutcome)
    return;
  models_[std::size_t(event.sender)].observe_offer(event.outcome);
}

void OpponentModels::prepare() {
  terms_.resize(models_.size());
  total_weight_.resize(models_.size());
  for (std::size_t p = 0; p < models_.size(); ++p) {
    if (p == self_ || models_[p].offers_seen() == 0) {
      terms_[p].clear();
      continue;
    }
    models_[p].terms(terms_[p], total_weight_[p]);
  }
}

double OpponentModels::prepared_estimate(OutcomeIndex o) const {
  double sum = 0;
  std::size_t count = 0;
  for (std::size_t p = 0; p < models_.size(); ++p) {
    if (p == self_) continue;
    ++count;
    const std::vector<double>& terms = terms_[p];
    if (terms.empty() || radices_.empty()) {
      sum += 0.5;
      continue;
    }
    double s = 0;
    for (std::size_t k = 0; k < radices_.size(); ++k) s += terms[offsets_[k] + (o / strides_[k]) % radices_[k]];
    sum += s / total_weight_[p];
  }
  return count == 0 ? 0 : sum / double(count);
}

// all[o] (+)= (Σ_k terms[offset_k + v_k(o)]) / total_weight, summing k = 0, 1, ... as
// estimate() does: issue 0 is the outermost loop, so each prefix sum is computed once.
void OpponentModels::add_terms(const std::vector<double>& terms, double total_weight, std::vector<double>& all,
                               bool first) const {
  const std::size_t issues = radices_.size();
  std::vector<double> prefix(issues + 1, 0.0);
  std::vector<std::uint32_t> value(issues, 0);
  std::vector<std::size_t> index(issues + 1, 0);
  // Iterative odometer over issues 0..K-1 (issue K-1 fastest).
  std::size_t k = 0;
  while (true) {
    if (k == issues) {
      const double estimate = prefix[issues] / total_weight;
      if (first) all[index[issues]] = estimate;
      else all[index[issues]] += estimate;
      // Advance: back up to the deepest issue with a next value.
      while (k > 0 && ++value[k - 1] == radices_[k - 1]) {
        value[k - 1] = 0;
        --k;
      }
      if (k == 0) return;
      --k;
      // value[k] was advanced: recompute this level from its parent.
      prefix[k + 1] = prefix[k] + terms[offsets_[k] + value[k]];
      index[k + 1] = index[k] + std::size_t(value[k]) * strides_[k];
      k += 1;
      continue;
    }
    prefix[k + 1] = prefix[k] + terms[offsets_[k] + value[k]];
    index[k + 1] = index[k] + std::size_t(value[k]) * strides_[k];
    ++k;
  }
}

void OpponentModels::estimate_all(std::vector<double>& all) {
  std::size_t size = 1;
  for (std::uint32_t r : radices_) size *= r;
  all.resize(size);
  prepare();
  std::size_t count = 0;
  for (std::size_t p = 0; p < models_.size(); ++p) {
    if (p == self_) continue;
    const bool first = count == 0;
    ++count;
    if (terms_[p].empty() || radices_.empty()) {
      for (double& e : all) e = first ? 0.5 : e + 0.5;
      continue;
    }
    add_terms(terms_[p], total_weight_[p], all, first);
  }
  if (count == 0) std::fill(all.begin(), all.end(), 0.0);
  else
    for (double& e : all) e /= double(count);
}

double OpponentModels::estimate(OutcomeIndex o) const {
  double sum = 0;
  std::size_t count = 0;
  for (std::size_t p = 0; p < models_.size(); ++p) {
    if (p == self_) continue;
    sum += models_[p].estimate(o);
    ++count;
  }
  return count == 0 ? 0 : sum / double(count);
}

bool OpponentModels::any_data() const {
  for (std::size_t p = 0; p < models_.size(); ++p)
    if (p != self_ && models_[p].offers_seen() > 0) return true;
  return false;
}

OutcomeIndex best_for_others(const PartyTable& table, std::int64_t rank, std::int64_t window,
                             const OfferFilter* filter, const OpponentModels& models) {
  OutcomeIndex chosen = kNoOutcome;
  double best = -std::numeric_limits<double>::infinity();
  const std::int64_t first = std::max<std::int64_t>(0, rank - window + 1);
  if (rank < first) return kNoOutcome;
  const std::span<const OutcomeIndex> ranked = table.ranked_span(std::size_t(first), std::size_t(rank) + 1);
  for (std::int64_t r = rank; r >= first; --r) {
    const OutcomeIndex o = ranked[std::size_t(r - first)];
    if (filter != nullptr && !filter->allows(o)) continue;
    const double e = models.estimate(o);
    if (e > best) best = e, chosen = o;
  }
  return chosen;
}

}  // namespace parley::detail
