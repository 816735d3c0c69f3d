#pragma once
// Events of a negotiation and the trace that records them.
//
// Every action a mechanism performs or receives becomes one Event. The mechanism decides who
// is *entitled* to observe it under its own rules (e.g. SAO: every party at the table sees
// every offer and answer; mediated single text: answers go to the mediator only), then asks
// the session's VisibilityHook (mechanism.hpp) which of those actually observe it — the
// channel layer can only narrow, never widen, that set. The resulting `observers` set is
// the only route by which an event reaches a negotiator (Negotiator::observe). The event
// and its observers are then recorded in the trace and passed to the session's
// EventObserver, where the stage runner can forward what outsiders of a channel may see.

#include <cstdint>
#include <string_view>
#include <vector>

#include "parley/negotiate/domain.hpp"

namespace parley {

// Parties are numbered 0..party_count-1 in the domain's order; sets of them are bit masks.
inline constexpr std::size_t kMaxParties = 64;
using PartySet = std::uint64_t;
inline constexpr PartySet party_bit(std::size_t p) { return PartySet{1} << p; }
inline constexpr PartySet all_parties(std::size_t count) {
  return count >= 64 ? ~PartySet{0} : (PartySet{1} << count) - 1;
}
inline constexpr bool contains(PartySet set, std::size_t p) { return (set >> p) & 1U; }

// Sender of events that no party sent (the mechanism itself, or a neutral mediator).
inline constexpr std::int32_t kMechanism = -1;

enum class EventKind : std::uint8_t {
  offer,                // sender proposes `outcome` (an opening offer or a counter-offer)
  accept,               // sender accepts the standing offer / votes for the text `outcome`
  reject,               // sender rejects `outcome` without counter-offer (a veto in mediated text)
  no_offer,             // sender passes its turn without an offer
  end,                  // sender walks away: the negotiation ends without agreement
  text,                 // the mediator (sender: party or kMechanism) puts text `outcome` to the parties
  agreed_in_principle,  // issue `issue` is agreed in principle at value `value` (in `outcome`)
  reopen,               // sender reopens issue `issue`, previously agreed in principle
  agreement,            // the negotiation ends in agreement on `outcome`
  timeout,              // the deadline passed without agreement
};
std::string_view to_string(EventKind kind);

struct Event {
  std::int32_t round = 0;  // 0-based round of the protocol (see each protocol for its meaning)
  double time = 0;  // relative time in [0, 1] when the event happened
  EventKind kind = EventKind::offer;
  std::int32_t sender = kMechanism;  // party index, or kMechanism
  OutcomeIndex outcome = kNoOutcome;  // the outcome concerned, if any
  std::int32_t issue = -1;  // space issue position (issue by issue), else -1
  std::int32_t value = -1;  // value index agreed in principle for `issue`, else -1
  PartySet observers = 0;  // parties that observed the event (never includes the sender)
};

// Every event of one negotiation, in order.
struct Trace {
  std::vector<Event> events;
};

}  // namespace parley
