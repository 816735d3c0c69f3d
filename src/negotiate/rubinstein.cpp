// Rubinstein's subgame-perfect strategy and shares.
// Source: Rubinstein (1982), "Perfect equilibrium in a bargaining model", Econometrica 50(1),
// 97–109, Theorem: with per-period discount factors δ1, δ2 the unique subgame-perfect
// equilibrium has the proposer i demand x_i* = (1 − δ_j) / (1 − δ_i δ_j) and accept any offer
// worth at least δ_i · x_i* (its continuation value).
// The strategy plays that equilibrium on any domain, reading shares as utilities: as proposer
// it offers the outcome whose own utility is the highest not above x_i* (on a split domain the
// responder then gets at least 1 − x_i* = δ_j x_j*, so it accepts); as responder it accepts
// iff u(offer) >= δ_i x_i* − 1e-12; neither below its reservation value (then it offers the
// lowest outcome at or above it). Discount factors are the session's (common knowledge, as in
// Rubinstein's model); under the relative-time discount clock a period is worth
// δ^(1 / (rounds + 1)). With more than two parties the opponent's factor is the largest of the
// others'. The protocol should be "alternating" (one offer per period).
// Parameters: none.

#include "parley/negotiate/rubinstein.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "strategy_base.hpp"

namespace parley {

RubinsteinShares rubinstein_shares(double d1, double d2) {
  if (!(d1 >= 0 && d1 <= 1 && d2 >= 0 && d2 <= 1) || d1 * d2 >= 1)
    throw std::invalid_argument("rubinstein_shares: need 0 <= d1, d2 <= 1 and d1 * d2 < 1");
  const double first = (1 - d2) / (1 - d1 * d2);
  return {first, 1 - first};
}

namespace detail {
namespace {

class Rubinstein final : public StrategyBase {
 public:
  using StrategyBase::StrategyBase;
  bool observes() const override { return false; }

 protected:
  void start() override {
    const NegotiatorContext& c = *context_;
    auto per_period = [&c](double d) {
      return c.clock == DiscountClock::rounds ? d : std::pow(d, 1.0 / double(c.deadline.rounds + 1));
    };
    const double mine = per_period(c.discounts[c.self]);
    double other = 0;
    for (std::size_t p = 0; p < c.party_count; ++p)
      if (p != c.self) other = std::max(other, per_period(c.discounts[p]));
    if (mine * other >= 1) {
      demand_ = 0.5;  // no discounting at all: the equilibrium is indeterminate; split evenly
      accept_at_ = 0.5;
    } else {
      demand_ = rubinstein_shares(mine, other).first;
      accept_at_ = mine * demand_ - 1e-12;
    }
  }

  Reply decide(const Turn& turn) override {
    if (turn.kind == TurnKind::respond && u(turn.offer) >= accept_at_ && u(turn.offer) >= reservation())
      return Reply::accept();
    // The highest own utility not above the demand: the first rank below demand + epsilon.
    std::int64_t r = table_->rank_at_least(demand_ + 1e-12) + 1;
    if (r >= std::int64_t(table_->size())) r = std::int64_t(table_->size()) - 1;
    if (r < 0) return Reply::reject();
    OutcomeIndex o = table_->ranked(std::size_t(r));
    if (u(o) < reservation()) o = table_->at_least(reservation());  // never below its reservation value
    if (o == kNoOutcome) return Reply::reject();
    return Reply::propose(fit(o, turn));
  }

 private:
  double demand_ = 1, accept_at_ = 1;
};

}  // namespace

std::unique_ptr<Negotiator> make_rubinstein(const std::string& name, const ParamValues&, std::uint64_t) {
  return std::make_unique<Rubinstein>(name);
}

}  // namespace detail
}  // namespace parley
