// Bilateral alternating offers.
// Source: Rubinstein (1982), "Perfect equilibrium in a bargaining model", Econometrica 50(1),
// 97–109; Ståhl (1972) for the finite-horizon version.
//
// Rules. Two parties; time runs in periods (the protocol's rounds) 0, 1, 2, ... In period k
// the proposer (party `first` in even periods, the other in odd ones) makes an offer; the
// responder accepts it — agreement in period k, worth u · δ_i^(offset + k) to party i under
// the rounds clock — or rejects it with a counter-offer, which is the offer of period k + 1
// with the roles swapped, or ends the negotiation. A rejection without counter-offer, or a
// proposer's pass, ends the period with nothing standing and the roles swap. Timeout when period `rounds` would begin.
// Relative time of period k: (k + 1) / (rounds + 1).
// Events: offer, accept, reject, no_offer, end, agreement, timeout; both parties see each one.
// Settings: first = 0 | 1 (the first proposer; default 0).

#include <algorithm>
#include <stdexcept>

#include "protocols.hpp"
#include "session.hpp"

namespace parley::detail {
namespace {

class Alternating final : public Protocol {
 public:
  explicit Alternating(std::size_t first) : first_(first) {}
  std::string_view name() const override { return "alternating"; }

  NegotiationResult run(const CompiledDomain& domain, std::span<Negotiator* const> negotiators,
                        const SessionOptions& options) const override {
    if (negotiators.size() != 2) throw std::invalid_argument("alternating offers: exactly two parties");
    Session s(domain, negotiators, options, name());
    s.start();
    const PartySet all = s.everyone();
    std::size_t proposer = first_;
    OutcomeIndex standing = kNoOutcome;
    std::int32_t period = 0;
    double t = s.time(0);
    auto event = [&](EventKind kind, std::size_t sender, OutcomeIndex outcome) {
      Event e;
      e.round = period;
      e.time = t;
      e.kind = kind;
      e.sender = sender == kNoParty ? kMechanism : std::int32_t(sender);
      e.outcome = outcome;
      s.emit(e, all);
    };
    while (period < s.rounds() && !s.wall_clock_expired()) {
      t = s.time(period);
      const std::size_t actor = standing == kNoOutcome ? proposer : 1 - proposer;
      Turn turn;
      turn.kind = standing == kNoOutcome ? TurnKind::propose : TurnKind::respond;
      turn.round = period;
      turn.step = s.steps();
      turn.time = t;
      turn.offer = standing;
      turn.proposer = standing == kNoOutcome ? kMechanism : std::int32_t(proposer);
      const Reply reply = s.ask(actor, turn);
      switch (reply.kind) {
        case ReplyKind::accept:
          event(EventKind::accept, actor, standing);
          event(EventKind::agreement, kNoParty, standing);
          return s.finish(NegotiationStatus::agreement, standing, -1, period + 1, t);
        case ReplyKind::end:
          event(EventKind::end, actor, kNoOutcome);
          return s.finish(NegotiationStatus::ended, kNoOutcome, std::int32_t(actor), period + 1, t);
        case ReplyKind::offer:
          if (standing != kNoOutcome) {  // a counter-offer opens the next period
            ++period;
            if (period >= s.rounds()) break;
            t = s.time(period);
          }
          standing = reply.outcome;
          proposer = actor;
          event(EventKind::offer, actor, standing);
          break;
        case ReplyKind::reject:
          // A rejection without counter-offer (or a proposer's pass) ends the period; the
          // roles swap and the next proposer starts from nothing standing.
          event(standing == kNoOutcome ? EventKind::no_offer : EventKind::reject, actor, standing);
          standing = kNoOutcome;
          proposer = 1 - proposer;
          ++period;
          break;
      }
    }
    const std::int32_t used = std::min(period, s.rounds());
    event(EventKind::timeout, kNoParty, kNoOutcome);
    return s.finish(NegotiationStatus::timeout, kNoOutcome, -1, used, t);
  }

 private:
  static constexpr std::size_t kNoParty = ~std::size_t{0};
  std::size_t first_;
};

}  // namespace

std::unique_ptr<Protocol> make_alternating(const ParamValues& settings) {
  return std::make_unique<Alternating>(std::size_t(settings.integer("first")));
}

}  // namespace parley::detail
