// ratification_aware: a negotiator at the table who knows, or estimates, what the stage's
// ratifiers will accept, and concedes only within it (two-level games).
//
// Sources: Putnam 1988, "Diplomacy and Domestic Politics: The Logic of Two-Level Games",
// International Organization 42(3) (win-sets: only agreements inside every ratifier's
// acceptance set survive ratification); Schelling 1960, The Strategy of Conflict, ch. 2 (a
// negotiator whose hands are tied gains bargaining power); Iida 1993, "When and How Do
// Domestic Constraints Matter?", Journal of Conflict Resolution 37(3) (uncertainty about the
// ratifiers: the constraint helps only as far as it is known).
//
// Parameters (defaults in the registry's specs, strategy_registry.cpp):
//   base        the strategy whose offers and acceptances are filtered (boulware)
//   confidence  the believed probability of ratification an outcome needs (0.5)
//   announce    tie its hands: announce its view of the ratifiers to the table (false)
//
// The belief is NegotiatorContext::ratification_belief (ratification_belief.hpp). The
// negotiator offers and accepts only outcomes it believes ratified with probability >=
// confidence (FilteredNegotiator: the nearest such outcome in its own utility replaces any
// other), and walks away at its first turn when none of them is worth its reservation value:
// it believes nothing it could sign would survive ratification. Without ratifiers it is
// its base strategy.

#include <string>

#include "filtered.hpp"
#include "parley/negotiate/strategies.hpp"
#include "strategy_base.hpp"

namespace parley::detail {
namespace {

class RatificationAware final : public FilteredNegotiator {
 public:
  RatificationAware(std::unique_ptr<Negotiator> base, std::string name, double confidence, bool announce)
      : FilteredNegotiator(std::move(base), std::move(name), WhenNothingAllowed::walk_away),
        confidence_(confidence),
        announce_(announce) {}

  bool uses_ratification_belief() const override { return true; }
  bool announces_ratification_constraint() const override { return announce_; }

 private:
  void allow(const NegotiatorContext& context, std::vector<std::uint8_t>& allowed) override {
    const std::span<const float> belief = context.ratification_belief;
    for (std::size_t o = 0; o < allowed.size(); ++o)
      allowed[o] = belief.empty() || double(belief[o]) >= confidence_ ? 1 : 0;
  }

  double confidence_;
  bool announce_;
};

}  // namespace

std::unique_ptr<Negotiator> make_ratification_aware(const std::string& name, const ParamValues& params,
                                                    std::uint64_t seed) {
  std::unique_ptr<Negotiator> base = make_negotiator(params.text("base"), seed);
  return std::make_unique<RatificationAware>(std::move(base), name, params.number("confidence"),
                                             params.flag("announce"));
}

}  // namespace parley::detail
