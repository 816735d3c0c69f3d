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
// Settings: none.

#include "protocols.hpp"
#include "session.hpp"

namespace parley::detail {
namespace {

class Sao final : public Protocol {
 public:
  std::string_view name() const override { return "sao"; }

  NegotiationResult run(const CompiledDomain& domain, std::span<Negotiator* const> negotiators,
                        const SessionOptions& options) const override {
    Session s(domain, negotiators, options, name());
    s.start();
    const std::size_t n = s.parties();
    const PartySet all = s.everyone();
    OutcomeIndex standing = kNoOutcome;
    std::int32_t proposer = kMechanism;
    PartySet supporters = 0;
    std::int32_t round = 0;
    double t = 0;
    for (; round < s.rounds(); ++round) {
      if (s.wall_clock_expired()) break;
      t = s.time(round);
      for (std::size_t p = 0; p < n; ++p) {
        const auto me = std::int32_t(p);
        Turn turn;
        turn.kind = (standing == kNoOutcome || proposer == me) ? TurnKind::propose : TurnKind::respond;
        turn.round = round;
        turn.step = s.steps();
        turn.time = t;
        turn.offer = standing;
        turn.proposer = proposer;
        const Reply reply = s.ask(p, turn);
        Event e;
        e.round = round;
        e.time = t;
        e.sender = me;
        switch (reply.kind) {
          case ReplyKind::accept:
            e.kind = EventKind::accept;
            e.outcome = standing;
            supporters |= party_bit(p);
            s.emit(e, all);
            break;
          case ReplyKind::offer:
            standing = reply.outcome;
            proposer = me;
            supporters = party_bit(p);
            e.kind = EventKind::offer;
            e.outcome = standing;
            s.emit(e, all);
            break;
          case ReplyKind::reject:
            e.kind = standing == kNoOutcome || proposer == me ? EventKind::no_offer : EventKind::reject;
            e.outcome = e.kind == EventKind::reject ? standing : kNoOutcome;
            s.emit(e, all);
            break;
          case ReplyKind::end:
            e.kind = EventKind::end;
            s.emit(e, all);
            return s.finish(NegotiationStatus::ended, kNoOutcome, me, round + 1, t);
        }
        if (standing != kNoOutcome && supporters == all) {
          Event a;
          a.round = round;
          a.time = t;
          a.kind = EventKind::agreement;
          a.outcome = standing;
          s.emit(a, all);
          return s.finish(NegotiationStatus::agreement, standing, -1, round + 1, t);
        }
      }
    }
    Event e;
    e.round = round;
    e.time = t;
    e.kind = EventKind::timeout;
    s.emit(e, all);
    return s.finish(NegotiationStatus::timeout, kNoOutcome, -1, round, t);
  }
};

}  // namespace

std::unique_ptr<Protocol> make_sao(const ParamValues& /*settings*/) {
  return std::make_unique<Sao>();
}

}  // namespace parley::detail
