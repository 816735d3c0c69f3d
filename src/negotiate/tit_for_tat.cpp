// Tit-for-tat: reciprocates the others' concessions.
// Sources: Faratin, Sierra & Jennings (1998), behaviour-dependent tactics ("absolute
// tit-for-tat"); Axelrod (1984) for reciprocity; NegMAS's NaiveTitForTatNegotiator
// (negmas/sao/negotiators/titfortat.py) for the `kindness` idea of a small unconditional
// concession that breaks deadlocks between two reciprocators.
// Definition (in the negotiator's own utility u, rational range [u_min, u_max]):
//   target starts at u_max. Whenever another party makes a new offer o_k after an earlier
//   offer o_{k-1} of its own, c = u(o_k) − u(o_{k-1}) is its concession as seen by us;
//   target ← clamp(target − factor · c − kindness · (u_max − u_min), u_min, u_max).
//   (A retraction, c < 0, hardens the target by the same rule.)
//   respond: accept iff u(offer) >= target (and >= reservation); else counter-offer.
//   propose: the outcome with the lowest utility >= target.
// Parameters (defaults): factor = 1, kindness = 0.01.

#include <algorithm>
#include <vector>

#include "strategy_base.hpp"

namespace parley::detail {
namespace {

class TitForTat final : public StrategyBase {
 public:
  TitForTat(std::string name, double factor, double kindness)
      : StrategyBase(std::move(name)), factor_(factor), kindness_(kindness) {}

  void observe(const Event& event) override {
    if (event.kind != EventKind::offer || event.sender < 0 || std::size_t(event.sender) == context_->self) return;
    OutcomeIndex& previous = last_offer_[std::size_t(event.sender)];
    const double c = previous == kNoOutcome ? 0.0 : u(event.outcome) - u(previous);
    previous = event.outcome;
    target_ = std::clamp(target_ - factor_ * c - kindness_ * (u_max_ - u_min_), u_min_, u_max_);
  }

 protected:
  void start() override {
    target_ = u_max_;
    last_offer_.assign(context_->party_count, kNoOutcome);
  }

  Reply decide(const Turn& turn) override {
    if (turn.kind == TurnKind::respond) {
      const double offered = u(turn.offer);
      if (offered >= target_ && offered >= reservation()) return Reply::accept();
    }
    if (u_max_ < reservation()) return Reply::reject();
    const OfferFilter* filter = turn.allowed != nullptr && !turn.allowed->empty() ? turn.allowed : nullptr;
    OutcomeIndex o = table_->at_least(target_, filter);
    if (o == kNoOutcome) o = table_->best_allowed(filter);
    return o == kNoOutcome ? Reply::reject() : Reply::propose(o);
  }

 private:
  double factor_, kindness_;
  double target_ = 1;
  std::vector<OutcomeIndex> last_offer_;
};

}  // namespace

std::unique_ptr<Negotiator> make_tit_for_tat(const std::string& name, const ParamValues& params, std::uint64_t) {
  return std::make_unique<TitForTat>(name, params.number("factor"), params.number("kindness"));
}

}  // namespace parley::detail
