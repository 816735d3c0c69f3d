// Time-based concession on a polynomial aspiration curve: aspiration, boulware, linear,
// conceder.
// Sources: Faratin, Sierra & Jennings (1998), "Negotiation decision functions for autonomous
// agents", Robotics and Autonomous Systems 24 (polynomial time-dependent tactics); NegMAS's
// AspirationNegotiator, in two versions (parameter `negmas`):
//
// negmas=0.15 (NegMAS 0.15.7: negmas/gb/negotiators/timebased.py AspirationNegotiator,
// gb/components/inverter.py UtilityInverter, preferences/inv_ufun.py
// PresortingInverseUtilityFunction.worst_in):
//   floor = max(worst utility, reservation), top = best utility;
//   a(t) = max_aspiration · (1 − t^e);
//   bound(t) = clamp((top − floor) · a(t) + floor − tolerance, floor, top);
//   respond: accept iff u(offer) >= bound(t) (never ends the negotiation);
//   propose: v = the lowest utility >= bound(t); the offer is the outcome of utility v that
//            numpy's argsort of all utilities puts first (PartyTable::numpy_first_of_tie),
//            unless the highest utility below the bound lies within 1e-12 of it and nearer
//            than v ("nearest around the bound"): then that value's first outcome.
// negmas=0.8.9 (NegMAS 0.8.9: sao/negotiators.py AspirationNegotiator, presorted mode, with
// AspirationMixin):
//   target(t) = a(t) · (u_max − u_min) + u_min (u_max, u_min: the rational range, see
//   strategy_base.hpp; t: the protocol's relative time).
//   respond: reject if u(offer) < reservation; accept if u(offer) >= target and
//            u(offer) > reservation; end if target < reservation; else counter-offer.
//   propose: pass if u_max < reservation or target < reservation; else the outcome with the
//            lowest utility >= target (ties: the last in NegMAS's stable order).
// Both: no offer below the reservation value (StrategyBase turns one into a pass; NegMAS
// 0.15 could offer an outcome up to 1e-12 below it). Under a turn's offer filter (issue by
// issue, links) the offer is the lowest allowed utility >= the bound, which NegMAS has no
// counterpart for.
// Parameters (defaults): aspiration_type = boulware | linear | conceder (exponent 4, 1,
// 0.25), e = an exponent that overrides it; max_aspiration = 1; tolerance = 0.001 (0.15
// only); negmas = 0.15 for aspiration, 0.8.9 for boulware, linear and conceder (see the
// registry); model = none | frequency: with the frequency opponent model, the offer is
// instead, among the `window` outcomes at or just above the bound, the one the others'
// estimated utilities like best (a Bayesian-free "BOA" offering component); window = 8.

#include "parley/negotiate/aspiration.hpp"

#include <algorithm>
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

// NegMAS 0.15's worst_in compares utilities within this much of the bound (its EPS).
constexpr double kNegmasEps = 1e-12;

class TimeBased final : public StrategyBase {
 public:
  TimeBased(std::string name, const AspirationSettings& settings, bool use_model, std::int64_t window)
      : StrategyBase(std::move(name)), settings_(settings), use_model_(use_model), window_(window) {}

  void observe(const Event& event) override {
    if (use_model_) models_.observe(event);
  }
  bool observes() const override { return use_model_; }

 protected:
  void start() override {
    floor_ = std::max(table_->min_utility(), reservation());
    top_ = table_->max_utility();
    // The table works out numpy's tie order on first use (once per table, shared by every
    // negotiation on it): here, so that no turn allocates.
    if (settings_.version == NegmasVersion::v0_15 && table_->size() > 0) (void)table_->numpy_first_of_tie(0);
    if (use_model_) models_.reset(*context_);
  }

  // Mediated text: hill climbing, or any text that meets the current aspiration target.
  Reply vote(const Turn& turn) override {
    const bool meets = settings_.version == NegmasVersion::v0_15
                           ? u(turn.offer) >= bound(turn.time)
                           : u(turn.offer) >= target(turn.time) && u(turn.offer) >= reservation();
    if (meets) return Reply::accept();
    return StrategyBase::vote(turn);
  }

  Reply decide(const Turn& turn) override {
    return settings_.version == NegmasVersion::v0_15 ? decide_0_15(turn) : decide_0_8_9(turn);
  }

 private:
  double curve(double t) const { return aspiration(t, settings_.exponent, settings_.max_aspiration); }
  // 0.8.9: on the rational range.
  double target(double t) const { return curve(t) * (u_max_ - u_min_) + u_min_; }
  // 0.15: UtilityInverter.scale_utilities of the curve's lower end, in its order of operations.
  double bound(double t) const {
    const double lower = (top_ - floor_) * curve(t) + floor_ - settings_.tolerance;
    return std::max(floor_, std::min(top_, lower));
  }

  Reply decide_0_15(const Turn& turn) {
    const double lo = bound(turn.time);
    if (turn.kind == TurnKind::respond && u(turn.offer) >= lo) return Reply::accept();
    const OfferFilter* filter = turn.allowed != nullptr && !turn.allowed->empty() ? turn.allowed : nullptr;
    if (const OutcomeIndex o = modelled_offer(lo, filter); o != kNoOutcome) return Reply::propose(o);
    if (filter != nullptr) {
      OutcomeIndex o = table_->at_least(lo, filter);
      if (o == kNoOutcome) o = table_->best_allowed(filter);
      return o == kNoOutcome ? Reply::reject() : Reply::propose(o);
    }
    return Reply::propose(worst_in(lo));
  }

  // PresortingInverseUtilityFunction.worst_in((lo, top)): the lowest utility >= lo, unless
  // one within kNegmasEps below lo is strictly nearer; the outcome numpy's order puts first
  // among that utility's ties. REQUIRES: a non-empty table.
  OutcomeIndex worst_in(double lo) const {
    std::int64_t rank = table_->rank_at_least(lo);
    if (rank < 0) rank = 0;  // nothing reaches lo: NegMAS's search clamps to the best
    const std::size_t below = std::size_t(rank) + 1;  // ranks descend: the next rank is lower
    if (below < table_->size()) {
      const double v = table_->sorted_utility(below);
      if (v >= lo - kNegmasEps && v <= top_ + 2 * kNegmasEps &&
          std::abs(v - lo) < std::abs(table_->sorted_utility(std::size_t(rank)) - lo))
        rank = table_->rank_at_least(v);  // the run of v's ties; any rank in it names the run
    }
    return table_->numpy_first_of_tie(rank);
  }

  OutcomeIndex modelled_offer(double lo, const OfferFilter* filter) const {
    if (!use_model_ || !models_.any_data()) return kNoOutcome;
    std::int64_t rank = table_->rank_at_least(lo);
    if (rank < 0) rank = 0;
    return best_for_others(*table_, rank, window_, filter, models_);
  }

  Reply decide_0_8_9(const Turn& turn) {
    const double rv = reservation();
    const double target = this->target(turn.time);
    if (turn.kind == TurnKind::respond) {
      const double offered = u(turn.offer);
      if (offered >= rv && offered >= target && offered > rv) return Reply::accept();
      if (target < rv) return Reply::end();
    }
    if (u_max_ < rv || target < rv) return Reply::reject();
    const OfferFilter* filter = turn.allowed != nullptr && !turn.allowed->empty() ? turn.allowed : nullptr;
    if (const OutcomeIndex o = modelled_offer(target, filter); o != kNoOutcome) return Reply::propose(o);
    OutcomeIndex o = table_->at_least(target, filter);
    if (o == kNoOutcome) o = table_->best_allowed(filter);
    return o == kNoOutcome ? Reply::reject() : Reply::propose(o);
  }

  AspirationSettings settings_;
  bool use_model_;
  std::int64_t window_;
  double floor_ = 0, top_ = 0;
  OpponentModels models_;
};

}  // namespace

AspirationSettings aspiration_settings(const ParamValues& params) {
  AspirationSettings s;
  if (params.given("e")) {
    s.exponent = params.number("e");
  } else {
    const std::string& type = params.text("aspiration_type");
    s.exponent = type == "linear" ? kLinearExponent : type == "conceder" ? kConcederExponent : kBoulwareExponent;
  }
  s.max_aspiration = params.number("max_aspiration");
  s.tolerance = params.number("tolerance");
  s.version = params.text("negmas") == "0.8.9" ? NegmasVersion::v0_8_9 : NegmasVersion::v0_15;
  return s;
}

std::unique_ptr<Negotiator> make_aspiration(const std::string& name, const ParamValues& params, std::uint64_t /*seed*/) {
  return std::make_unique<TimeBased>(name, aspiration_settings(params), params.text("model") == "frequency",
                                     std::int64_t(params.number("window")));
}

}  // namespace detail
}  // namespace parley
