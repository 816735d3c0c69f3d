// Stacked alternating offers (SAO), multilateral.
// Source: Aydoğan, Festen, Hindriks & Jonker (2017), "Alternating offers protocols for
// multilateral negotiation", in Modern Approaches to Agent-based Complex Automated
// Negotiation; round semantics of NegMAS's SAOMechanism (negmas/sao/mechanism.py).
//
// Rules. Parties act in index order, each once per round (a round = n actions; relative time
// of round r is (r + 1) / (rounds + 1)). On its turn a party sees the standing offer, if any,
// and may
//   - accept it (it joins the offer's supporters),
//   - reject it with a counter-offer (the counter becomes the standing offer; its proposer is
//     its only supporter: offering is accepting, as NegMAS's offering_is_accepting=True),
//   - reject it without counter-offer (a pass: the standing offer and its supporters stay), or
//   - end the negotiation.
// The first party of round 0 has nothing to answer and proposes. Agreement when every party
// supports the standing offer, i.e. all others accepted it. Timeout after `rounds` rounds
// (or the wall-clock limit). When the turn comes back to the proposer of the standing offer
// (the others passed or accepted), it gets a `propose` turn showing its own offer; re-offering
// anything replaces the offer and resets its supporters.
// Departure from NegMAS: NegMAS counts acceptances, so a proposer answering its own offer
// after a pass could complete an "agreement" someone passed on; parley tracks the set of
// supporters, so every other party must have accepted.
// Events: offer, accept, reject (pass on a standing offer), no_offer (pass with nothing
// standing), end, agreement, timeout; every party at the table is entitled to see each one.
// Cancellation (SessionOptions::cancel) times out before the next action.
// Settings: none.

#include "protocols.hpp"
#include "session.hpp"
#include "stacked_offers.hpp"

namespace parley::detail {
namespace {

// The state machine: round `round_`, party `party_` to act next on the table.
class SaoState final : public Session {
 public:
  static constexpr std::string_view kName = "sao";

  SaoState(const CompiledDomain& domain, std::span<Negotiator* const> negotiators, const SessionOptions& options,
           bool stepped)
      : Session(domain, negotiators, options, kName, stepped) {
    start();
    enter_round();
  }

  void apply(const Reply& raw) {
    begin_move();
    switch (table_.play(*this, party_, validate(raw), round_, t_, -1)) {
      case StackedOffers::After::ended:
        return finish(NegotiationStatus::ended, kNoOutcome, std::int32_t(party_), round_ + 1, t_);
      case StackedOffers::After::supported:
        emit(round_, t_, EventKind::agreement, kMechanism, table_.standing, everyone());
        return finish(NegotiationStatus::agreement, table_.standing, -1, round_ + 1, t_);
      case StackedOffers::After::open: break;
    }
    if (++party_ < parties()) {
      if (cancelled()) return time_out(round_ + 1);
      table_.pose(*this, party_, round_, t_);
    } else {
      ++round_;
      enter_round();
    }
  }

 private:
  void enter_round() {
    party_ = 0;
    if (round_ >= rounds() || wall_clock_expired() || cancelled()) return time_out(round_);
    t_ = time(round_);
    table_.pose(*this, party_, round_, t_);
  }
  // Timeout with `begun` rounds begun.
  void time_out(std::int32_t begun) {
    emit(round_, t_, EventKind::timeout, kMechanism, kNoOutcome, everyone());
    finish(NegotiationStatus::timeout, kNoOutcome, -1, begun, t_);
  }

  StackedOffers table_;
  std::int32_t round_ = 0;
  std::size_t party_ = 0;
  double t_ = 0;
};

}  // namespace

std::unique_ptr<Protocol> make_sao(const Settings& settings) {
  check_settings("sao", settings, {});
  return std::make_unique<MachineProtocol<SaoState>>();
}

}  // namespace parley::detail
