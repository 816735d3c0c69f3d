// Hard-liner: never concedes.
// Source: NegMAS's ToughNegotiator (negmas/sao/negotiators/tough.py): always offers its best
// outcome and accepts only an offer worth as much as its best outcome.
// Under a filter (issue by issue) "best" means the best allowed outcome. Parameters: none.

#include "strategy_base.hpp"

namespace parley::detail {
namespace {

class HardLiner final : public StrategyBase {
 public:
  using StrategyBase::StrategyBase;
  bool observes() const override { return false; }

 protected:
  Reply decide(const Turn& turn) override {
    const OutcomeIndex mine = best(turn);
    if (mine == kNoOutcome || u(mine) < reservation()) return Reply::reject();
    if (turn.kind == TurnKind::respond && u(turn.offer) >= u(mine)) return Reply::accept();
    return Reply::propose(mine);
  }
};

}  // namespace

std::unique_ptr<Negotiator> make_hardliner(const std::string& name, const ParamValues&, std::uint64_t) {
  return std::make_unique<HardLiner>(name);
}

}  // namespace parley::detail
