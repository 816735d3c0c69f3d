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
// Cancellation (SessionOptions::cancel) times out before the next action.
// Settings: first = 0 | 1 (the first proposer; default 0).

#include <algorithm>
#include <stdexcept>

#include "protocols.hpp"
#include "session.hpp"

namespace parley::detail {
namespace {

std::span<Negotiator* const> two_parties(std::span<Negotiator* const> negotiators) {
  if (negotiators.size() != 2) throw std::invalid_argument("alternating offers: exactly two parties");
  return negotiators;
}

// The state machine: period `period_`, offer `standing_` (or none) from `proposer_`.
class AlternatingState final : public Session {
 public:
  static constexpr std::string_view kName = "alternating";

  AlternatingState(const CompiledDomain& domain, std::span<Negotiator* const> negotiators,
                   const SessionOptions& options, bool stepped, std::size_t first)
      : Session(domain, two_parties(negotiators), options, kName, stepped), proposer_(first) {
    start();
    t_ = time(0);
    next();
  }

  void apply(const Reply& raw) {
    begin_move();
    const Reply reply = validate(raw);
    const std::size_t party = actor();
    switch (reply.kind) {
      case ReplyKind::accept:
        event(EventKind::accept, party, standing_);
        event(EventKind::agreement, kNoParty, standing_);
        return finish(NegotiationStatus::agreement, standing_, -1, period_ + 1, t_);
      case ReplyKind::end:
        event(EventKind::end, party, kNoOutcome);
        return finish(NegotiationStatus::ended, kNoOutcome, std::int32_t(party), period_ + 1, t_);
      case ReplyKind::offer:
        if (standing_ != kNoOutcome) {  // a counter-offer opens the next period
          ++period_;
          if (period_ >= rounds()) break;
          t_ = time(period_);
        }
        standing_ = reply.outcome;
        proposer_ = party;
        event(EventKind::offer, party, standing_);
        break;
      case ReplyKind::reject:
        // A rejection without counter-offer (or a proposer's pass) ends the period; the
        // roles swap and the next proposer starts from nothing standing.
        event(standing_ == kNoOutcome ? EventKind::no_offer : EventKind::reject, party, standing_);
        standing_ = kNoOutcome;
        proposer_ = 1 - proposer_;
        ++period_;
        break;
    }
    next();
  }

 private:
  static constexpr std::size_t kNoParty = ~std::size_t{0};

  // Poses the next turn: the proposer's with nothing standing, else the responder's.
  void next() {
    if (period_ >= rounds() || wall_clock_expired()) return time_out(std::min(period_, rounds()));
    if (cancelled()) return time_out(period_ + (standing_ != kNoOutcome ? 1 : 0));
    t_ = time(period_);
    Turn& turn = pose(standing_ == kNoOutcome ? proposer_ : 1 - proposer_);
    turn.kind = standing_ == kNoOutcome ? TurnKind::propose : TurnKind::respond;
    turn.round = period_;
    turn.time = t_;
    turn.offer = standing_;
    turn.proposer = standing_ == kNoOutcome ? kMechanism : std::int32_t(proposer_);
  }
  void time_out(std::int32_t begun) {
    event(EventKind::timeout, kNoParty, kNoOutcome);
    finish(NegotiationStatus::timeout, kNoOutcome, -1, begun, t_);
  }
  void event(EventKind kind, std::size_t sender, OutcomeIndex outcome) {
    emit(period_, t_, kind, sender == kNoParty ? kMechanism : std::int32_t(sender), outcome, everyone());
  }

  std::size_t proposer_;
  OutcomeIndex standing_ = kNoOutcome;
  std::int32_t period_ = 0;
  double t_ = 0;
};

}  // namespace

std::unique_ptr<Protocol> make_alternating(const Settings& settings) {
  check_settings("alternating", settings, {"first"});
  return std::make_unique<MachineProtocol<AlternatingState, std::size_t>>(
      std::size_t(int_setting("alternating", settings, "first", 0, 0, 1)));
}

}  // namespace parley::detail
