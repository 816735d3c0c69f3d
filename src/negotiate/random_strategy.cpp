// Random negotiator (a baseline).
// Source: NegMAS's RandomNegotiator (negmas/sao/negotiators/randneg.py), restricted to
// rational behaviour: it never offers or accepts below its reservation value.
// Definition: offers an outcome drawn uniformly among those worth at least its reservation
// value (among the allowed ones under a filter: up to 32 draws, then the nearest allowed);
// on a rational standing offer it accepts with probability p_accept; on any turn it ends the
// negotiation with probability p_end. Every draw comes from the generator seeded at
// construction.
// Parameters (defaults): p_accept = 0.15 (NegMAS p_acceptance), p_end = 0 (NegMAS uses 0.1;
// 0 keeps baseline runs to the deadline).

#include "strategy_base.hpp"

namespace parley::detail {
namespace {

class RandomStrategy final : public StrategyBase {
 public:
  RandomStrategy(std::string name, double p_accept, double p_end, std::uint64_t seed)
      : StrategyBase(std::move(name)), p_accept_(p_accept), p_end_(p_end), rng_(seed) {}
  bool observes() const override { return false; }

 protected:
  Reply decide(const Turn& turn) override {
    if (p_end_ > 0 && coin() < p_end_) return Reply::end();
    if (turn.kind == TurnKind::respond && u(turn.offer) >= reservation() && coin() < p_accept_) return Reply::accept();
    if (last_rational_rank_ < 0) return Reply::reject();
    const auto pick = [this] {
      return table_->ranked(std::size_t(rng_.uniform_below(std::uint64_t(last_rational_rank_) + 1)));
    };
    OutcomeIndex o = pick();
    if (turn.allowed != nullptr && !turn.allowed->empty()) {
      for (int tries = 0; tries < 32 && !turn.allowed->allows(o); ++tries) o = pick();
      o = fit(o, turn);
    }
    return o == kNoOutcome ? Reply::reject() : Reply::propose(o);
  }

 private:
  double coin() { return rng_.uniform01(); }
  double p_accept_, p_end_;
  Rng rng_;
};

}  // namespace

std::unique_ptr<Negotiator> make_random(const std::string& name, const ParamValues& params, std::uint64_t seed) {
  return std::make_unique<RandomStrategy>(name, params.number("p_accept"), params.number("p_end"), seed);
}

}  // namespace parley::detail
