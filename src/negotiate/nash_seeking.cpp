// Nash-seeking: concedes over time towards (its estimate of) the Nash bargaining point.
// Sources: Nash (1950), "The bargaining problem", Econometrica 18(2) — the point maximising
// the product of gains over the disagreement point; the "Nash" offering strategies of the
// ANAC literature (e.g. Baarslag et al. 2014, "Decoupling negotiating agents to explore the
// space of negotiation strategies", the BOA framework), which aim offers at the estimated
// Nash point using an opponent model.
// Definition:
//   model = known: the others' true utilities (only when the session grants complete
//     information; otherwise it falls back to frequency). Gain of the others at o:
//     Π_j max(u_j(o) − rv_j, 0).
//   model = frequency: the frequency opponent model; gain of the others: mean estimate.
//   Nash estimate N: argmax over outcomes with u(o) > own reservation of
//     (u(o) − rv) · gain_others(o) (first in rank order on ties); recomputed after 1, 2, 4,
//     8, ... observed offers (frequency) or once at start (known). Before any estimate,
//     N is its own best outcome.
//   target(t) = u(N) + (u_max − u(N)) · (1 − t^e).
//   respond: accept iff u(offer) >= target and >= reservation; else counter-offer.
//   propose: among the `window` outcomes at or just above the target, the one with the
//     highest gain for the others; in the end game (t >= 0.95) the best offer received so
//     far, if rational (as many ANAC agents do: two estimated Nash points need not meet).
// Parameters (defaults): model = frequency, e = 1, window = 16.

#include <cmath>
#include <limits>
#include <vector>

#include "strategy_base.hpp"

namespace parley::detail {
namespace {

class NashSeeking final : public StrategyBase {
 public:
  NashSeeking(std::string name, bool known, double exponent, std::int64_t window)
      : StrategyBase(std::move(name)), want_known_(known), exponent_(exponent), window_(window) {}

  void observe(const Event& event) override {
    if (event.kind == EventKind::offer && event.sender >= 0 && std::size_t(event.sender) != context_->self &&
        (best_received_ == kNoOutcome || u(event.outcome) > u(best_received_)))
      best_received_ = event.outcome;
    if (known_) return;
    models_.observe(event);
    if (event.kind == EventKind::offer && event.sender >= 0 && std::size_t(event.sender) != context_->self) {
      ++observed_;
      if (observed_ == next_estimate_) {
        estimate_nash();
        next_estimate_ *= 2;
      }
    }
  }

 protected:
  void start() override {
    known_ = want_known_ && !context_->known_utilities.empty();
    if (!known_) models_.reset(*context_);
    nash_utility_ = u_max_;
    if (known_) estimate_nash();
  }

  Reply decide(const Turn& turn) override {
    const double target = nash_utility_ + (u_max_ - nash_utility_) * (1.0 - std::pow(turn.time, exponent_));
    if (turn.kind == TurnKind::respond) {
      const double offered = u(turn.offer);
      if (offered >= target && offered >= reservation()) return Reply::accept();
    }
    if (u_max_ < reservation()) return Reply::reject();
    if (turn.time >= kEndgame && best_received_ != kNoOutcome && u(best_received_) >= reservation()) {
      const OutcomeIndex o = fit(best_received_, turn);
      if (o != kNoOutcome) return Reply::propose(o);
    }
    const OfferFilter* filter = turn.allowed != nullptr && !turn.allowed->empty() ? turn.allowed : nullptr;
    std::int64_t rank = table_->rank_at_least(target);
    if (rank < 0) rank = 0;
    const std::int64_t first = std::max<std::int64_t>(0, rank - window_ + 1);
    const std::span<const OutcomeIndex> ranked =
        rank < first ? std::span<const OutcomeIndex>() : table_->ranked_span(std::size_t(first), std::size_t(rank) + 1);
    OutcomeIndex chosen = kNoOutcome;
    double best = -std::numeric_limits<double>::infinity();
    for (std::int64_t r = rank; r >= first && !ranked.empty(); --r) {
      const OutcomeIndex o = ranked[std::size_t(r - first)];
      if (filter != nullptr && !filter->allows(o)) continue;
      const double g = others_gain(o);
      if (g > best) best = g, chosen = o;
    }
    if (chosen == kNoOutcome) chosen = fit(table_->at_least(target), turn);
    return chosen == kNoOutcome ? Reply::reject() : Reply::propose(chosen);
  }

 private:
  double others_gain(OutcomeIndex o) const {
    if (!known_) return models_.estimate(o);
    double g = 1;
    for (std::size_t p = 0; p < context_->party_count; ++p) {
      if (p == context_->self) continue;
      const PartyTable& other = *context_->known_utilities[p];
      g *= std::max(other.utility(o) - other.reservation_value(), 0.0);
    }
    return g;
  }

  void estimate_nash() {
    if (!known_) models_.estimate_all(gains_);
    const double rv = reservation();
    double best = -1;
    OutcomeIndex chosen = table_->best();
    // Ranks above the reservation value: those at or above it, less the run equal to it.
    const std::span<const OutcomeIndex> ranked = table_->ranked_span(0, std::size_t(table_->rank_at_least(rv) + 1));
    for (std::size_t r = 0; r < ranked.size() && u(ranked[r]) > rv; ++r) {
      const double product = (u(ranked[r]) - rv) * (known_ ? others_gain(ranked[r]) : gains_[ranked[r]]);
      if (product > best) best = product, chosen = ranked[r];
    }
    if (chosen != kNoOutcome) nash_utility_ = std::max(u(chosen), u_min_);
  }

  static constexpr double kEndgame = 0.95;
  bool want_known_, known_ = false;
  OutcomeIndex best_received_ = kNoOutcome;
  double exponent_;
  std::int64_t window_;
  OpponentModels models_;
  std::vector<double> gains_;  // the others' estimated utility of every outcome, by outcome
  double nash_utility_ = 1;
  std::size_t observed_ = 0, next_estimate_ = 1;
};

}  // namespace

std::unique_ptr<Negotiator> make_nash_seeking(const std::string& name, const ParamValues& params, std::uint64_t) {
  return std::make_unique<NashSeeking>(name, params.text("model") == "known", params.number("e"),
                                       std::int64_t(params.number("window")));
}

}  // namespace parley::detail
