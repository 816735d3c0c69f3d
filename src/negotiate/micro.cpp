// MiCRO ("Minimal Concession in Reply to Opponent").
// Source: de Jonge (2022), "An analysis of the linear bilateral ANAC domains using the MiCRO
// benchmark strategy", IJCAI 2022; NegMAS's MiCRONegotiator.
// Definition: outcomes sorted by own utility, best first (ties by index). Let m be the number
// of distinct offers MiCRO has made (always the first m of that order) and n the number of
// distinct offers it has received from the others (all others together).
//   next offer: if m <= n and the (m+1)-th outcome is worth at least the reservation value,
//               that new outcome (a concession of one step); otherwise one of its m previous
//               offers drawn uniformly with the seeded generator (its best one when m = 0).
//   respond:    accept iff u(offer) >= reservation value and u(offer) >= the utility of the
//               offer it would make next if it conceded now (the (m+1)-th outcome when
//               m <= n and rational, else its m-th, its lowest so far).
// Under a filter (issue by issue) the order skips outcomes the filter forbids.
// Parameters: none.

#include <algorithm>
#include <vector>

#include "strategy_base.hpp"

namespace parley::detail {
namespace {

class Micro final : public StrategyBase {
 public:
  Micro(std::string name, std::uint64_t seed) : StrategyBase(std::move(name)), rng_(seed) {}

  void observe(const Event& event) override {
    if (event.kind != EventKind::offer || event.sender < 0 || std::size_t(event.sender) == context_->self) return;
    std::uint64_t& word = seen_[event.outcome >> 6];
    const std::uint64_t bit = std::uint64_t{1} << (event.outcome & 63);
    if ((word & bit) == 0) {
      word |= bit;
      ++received_;
    }
  }

 protected:
  void start() override {
    seen_.assign((table_->size() + 63) / 64, 0);
    made_.clear();
    // At most one new offer per turn: no allocation during the negotiation.
    made_.reserve(std::min<std::size_t>(table_->size(), std::size_t(context_->deadline.rounds) + 1));
  }

  Reply decide(const Turn& turn) override {
    const OfferFilter* filter = turn.allowed != nullptr && !turn.allowed->empty() ? turn.allowed : nullptr;
    // The next new outcome in order that the filter allows and that is rational.
    const std::size_t n = table_->size();
    std::size_t r = next_rank_;
    while (r < n && filter != nullptr && !filter->allows(table_->ranked(r))) ++r;
    const OutcomeIndex next = r < n ? table_->ranked(r) : kNoOutcome;
    const bool can_concede = made_.size() <= received_ && r < n && u(next) >= reservation();
    double threshold = 0;
    if (can_concede) threshold = u(next);
    else if (!made_.empty()) threshold = u(made_.back());
    else threshold = u_max_;
    if (turn.kind == TurnKind::respond) {
      const double offered = u(turn.offer);
      if (offered >= reservation() && offered >= threshold) return Reply::accept();
    }
    if (can_concede) {
      made_.push_back(next);
      next_rank_ = r + 1;
      return Reply::propose(next);
    }
    if (made_.empty()) return Reply::reject();
    const OutcomeIndex again = made_[std::size_t(rng_.uniform_below(made_.size()))];
    return Reply::propose(fit(again, turn));
  }

 private:
  Rng rng_;
  std::vector<std::uint64_t> seen_;  // bit per outcome: received from another party
  std::size_t received_ = 0;
  std::vector<OutcomeIndex> made_;  // distinct offers made, in order
  std::size_t next_rank_ = 0;
};

}  // namespace

std::unique_ptr<Negotiator> make_micro(const std::string& name, const ParamValues&, std::uint64_t seed) {
  return std::make_unique<Micro>(name, seed);
}

}  // namespace parley::detail
