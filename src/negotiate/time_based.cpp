// Time-based concession on a polynomial aspiration curve: aspiration, boulware, linear,
// conceder.
// Sources: Faratin, Sierra & Jennings (1998), "Negotiation decision functions for autonomous
// agents", Robotics and Autonomous Systems 24 (polynomial time-dependent tactics); NegMAS's
// AspirationNegotiator (negmas/sao/negotiators/timebased.py, presorted mode) and
// AspirationMixin for the definitions followed here:
//   aspiration(t) = max · (1 − t^e);  target(t) = aspiration(t) · (u_max − u_min) + u_min
//   (u_max, u_min: the rational range, see strategy_base.hpp; t: the protocol's relative time).
//   respond: reject if u(offer) < reservation; accept if u(offer) >= target and
//            u(offer) > reservation; end if target < reservation; else counter-offer.
//   propose: pass if u_max < reservation or target < reservation; else the outcome with the
//            lowest utility >= target (ties: the last in NegMAS's stable order).
// Parameters (defaults): e = 4 (boulware), 1 (linear), 0.25 (conceder), 4 (aspiration);
// max = 1 (max_aspiration); model = none | frequency (default none): with the frequency
// opponent model, the offer is instead, among the `window` outcomes at or just above the
// target, the one the others' estimated utilities like best (a Bayesian-free "BOA" offering
// component); window = 8.

#include "parley/negotiate/aspiration.hpp"

#include <cmath>

#include "strategy_base.hpp"

namespace parley {

double aspiration(double t, double exponent, double max_aspiration) {
  // The named curves without a call to pow (one per turn adds up over many negotiations);
  // the results equal pow's to the last bit or two.
  double p = 0;
  if (exponent == 4.0) {
    const double t2 = t * t;
    p = t2 * t2;
  } else if (exponent == 1.0) {
    p = t;
  } else if (exponent == 0.25) {
    p = std::sqrt(std::sqrt(t));
  } else if (exponent == 2.0) {
    p = t * t;
  } else {
    p = std::pow(t, exponent);
  }
  return max_aspiration * (1.0 - p);
}

namespace detail {
namespace {

class TimeBased final : public StrategyBase {
 public:
  TimeBased(std::string name, double exponent, double max_aspiration, bool use_model, std::int64_t window)
      : StrategyBase(std::move(name)),
        exponent_(exponent),
        max_aspiration_(max_aspiration),
        use_model_(use_model),
        window_(window) {}

  void observe(const Event& event) override {
    if (use_model_) models_.observe(event);
  }
  bool observes() const override { return use_model_; }

 protected:
  void start() override {
    if (use_model_) models_.reset(*context_);
  }

  // Mediated text: hill climbing, or any text that meets the current aspiration target.
  Reply vote(const Turn& turn) override {
    if (u(turn.offer) >= target(turn.time) && u(turn.offer) >= reservation()) return Reply::accept();
    return StrategyBase::vote(turn);
  }

  double target(double t) const { return aspiration(t, exponent_, max_aspiration_) * (u_max_ - u_min_) + u_min_; }

  Reply decide(const Turn& turn) override {
    const double rv = reservation();
    const double target = this->target(turn.time);
    if (turn.kind == TurnKind::respond) {
      const double offered = u(turn.offer);
      if (offered >= rv && offered >= target && offered > rv) return Reply::accept();
      if (target < rv) return Reply::end();
    }
    if (u_max_ < rv || target < rv) return Reply::reject();
    const OfferFilter* filter = turn.allowed != nullptr && !turn.allowed->empty() ? turn.allowed : nullptr;
    if (use_model_ && models_.any_data()) {
      std::int64_t rank = table_->rank_at_least(target);
      if (rank < 0) rank = 0;
      const OutcomeIndex o = best_for_others(*table_, rank, window_, filter, models_);
      if (o != kNoOutcome) return Reply::propose(o);
    }
    OutcomeIndex o = table_->at_least(target, filter);
    if (o == kNoOutcome) o = table_->best_allowed(filter);
    return o == kNoOutcome ? Reply::reject() : Reply::propose(o);
  }

 private:
  double exponent_;
  double max_aspiration_;
  bool use_model_;
  std::int64_t window_;
  OpponentModels models_;
};

}  // namespace

std::unique_ptr<Negotiator> make_aspiration(const std::string& name, const ParamValues& params, std::uint64_t /*seed*/) {
  return std::make_unique<TimeBased>(name, params.number("e"), params.number("max"), params.text("model") == "frequency",
                                     std::int64_t(params.number("window")));
}

}  // namespace detail
}  // namespace parley
