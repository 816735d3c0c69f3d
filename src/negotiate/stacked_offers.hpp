#pragma once
// Internal: one table of stacked alternating offers — the standing offer, its proposer and its
// supporters, and how a party's reply changes them (SAO's rules, sao.cpp). SAO plays one table
// over the whole negotiation; issue by issue plays one per issue it settles
// (issue_by_issue.cpp). Not part of the public API.

#include <cstdint>

#include "session.hpp"

namespace parley::detail {

struct StackedOffers {
  OutcomeIndex standing = kNoOutcome;
  std::int32_t proposer = kMechanism;
  PartySet supporters = 0;  // parties that accepted `standing`, its proposer included

  enum class After : std::uint8_t {
    open,       // the negotiation goes on
    ended,      // the party walked away
    supported,  // every party supports the standing offer
  };

  // Poses party p's turn in `round` at relative time t: propose when nothing stands or the
  // standing offer is its own, respond otherwise. Returns the turn for further fields.
  Turn& pose(Session& session, std::size_t p, std::int32_t round, double t) const {
    Turn& turn = session.pose(p);
    turn.kind = (standing == kNoOutcome || proposer == std::int32_t(p)) ? TurnKind::propose : TurnKind::respond;
    turn.round = round;
    turn.time = t;
    turn.offer = standing;
    turn.proposer = proposer;
    return turn;
  }

  // Plays party p's validated reply: accept joins the supporters, an offer replaces the
  // standing offer (its proposer its only supporter), reject passes (event reject on a
  // standing offer of another party, no_offer otherwise), end walks away. Emits the event,
  // entitled to every party, tagged with `issue` (-1: none).
  After play(Session& session, std::size_t p, const Reply& reply, std::int32_t round, double t, std::int32_t issue) {
    const auto me = std::int32_t(p);
    Event e{round, t, EventKind::offer, me, kNoOutcome, issue};
    switch (reply.kind) {
      case ReplyKind::accept:
        supporters |= party_bit(p);
        e.kind = EventKind::accept;
        e.outcome = standing;
        break;
      case ReplyKind::offer:
        standing = reply.outcome;
        proposer = me;
        supporters = party_bit(p);
        e.kind = EventKind::offer;
        e.outcome = standing;
        break;
      case ReplyKind::reject: {
        const bool nothing = standing == kNoOutcome || proposer == me;
        e.kind = nothing ? EventKind::no_offer : EventKind::reject;
        e.outcome = nothing ? kNoOutcome : standing;
        break;
      }
      case ReplyKind::end:
        e.kind = EventKind::end;
        session.emit(e, session.everyone());
        return After::ended;
    }
    session.emit(e, session.everyone());
    return standing != kNoOutcome && supporters == session.everyone() ? After::supported : After::open;
  }
};

}  // namespace parley::detail
