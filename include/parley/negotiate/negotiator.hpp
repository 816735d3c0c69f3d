#pragma once
// A negotiator (strategy) as a protocol sees it. NegMAS words: a negotiator offers,
// responds (accept / reject with counter-offer / end) and observes.
//
// Information contract (leak-proof by construction):
// - At start a negotiator receives a NegotiatorContext: its *own* PartyTable (its private
//   utilities), the public facts of the session (outcome space, party count, deadline,
//   discount factors) and nothing else. It never receives the mechanism, the domain, the
//   trace, or another party's utilities — unless the session grants complete information
//   explicitly (SessionOptions::complete_information), in which case `known_utilities` holds
//   the other parties' tables (e.g. Rubinstein's model, where the game is common knowledge).
// - In a staged run with ratifiers, a negotiator that asks for it also receives its belief
//   about which outcomes would be ratified (NegotiatorContext::ratification_belief): built
//   from its own channels and stated beliefs, never from a ratifier it cannot know about.
// - During the negotiation it receives exactly (a) the Turn it must act on, which carries
//   only what it is entitled to answer (the standing offer or the text put to it), and (b) the
//   events whose `observers` contain it, via observe(), before its next act(). The mechanism
//   computes `observers` and the channel layer's VisibilityHook may only narrow them.
// Negotiators are single-use: one object per negotiation (on_start is called once). Every
// random choice must come from the generator seeded at construction (no global RNG), so the
// same seed gives the same trace on any thread.

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>

#include "parley/core/outcome_space.hpp"
#include "parley/negotiate/domain.hpp"
#include "parley/negotiate/event.hpp"

namespace parley {

// How the negotiation's end is set: a number of rounds, and optionally a wall-clock limit.
// Relative time t = max(round-based time, elapsed / seconds) in [0, 1] (NegMAS). A wall-clock
// limit makes results depend on the machine: leave it infinite for reproducible runs.
struct Deadline {
  std::int32_t rounds = 100;  // 1..kMaxDeadlineRounds (core/scenario.hpp)
  double seconds = std::numeric_limits<double>::infinity();
};

// What the exponent t of a discount factor δ^t counts.
enum class DiscountClock : std::uint8_t {
  rounds,         // whole rounds elapsed (Rubinstein): u · δ^(offset + round)
  relative_time,  // relative time in [0,1] (GENIUS): u · δ^(offset + t)
};

// Public facts of one negotiation, plus the negotiator's own private table.
// Pointers and spans are valid until the negotiation ends (after on_end returns).
struct NegotiatorContext {
  std::size_t self = 0;  // this negotiator's party index
  std::size_t party_count = 0;
  std::string_view protocol;  // "alternating", "sao", "mediated", "issue_by_issue"
  const OutcomeSpace* space = nullptr;
  std::span<const std::uint32_t> strides;  // mixed-radix strides of the space's issues
  const PartyTable* table = nullptr;  // own utilities, reservation value and discount
  Deadline deadline;
  DiscountClock clock = DiscountClock::rounds;
  double time_offset = 0;  // time already elapsed in earlier stages, in clock units
  std::span<const double> discounts;  // every party's discount factor (common knowledge)
  // Other parties' tables, indexed by party (own entry = table); empty without complete
  // information.
  std::span<const PartyTable* const> known_utilities;
  // Two-level games (ratification_belief.hpp): per outcome of the space, the probability this
  // negotiator believes the stage's ratifiers would all ratify it, from what its channels,
  // its stated beliefs and announcements at the table give it. Filled only in staged runs of
  // a stage with ratifiers, and only for a negotiator whose uses_ratification_belief() is true;
  // empty otherwise.
  std::span<const float> ratification_belief;

  std::uint32_t value(OutcomeIndex outcome, std::size_t k) const {
    return (outcome / strides[k]) % space->radix(k);
  }
};

enum class TurnKind : std::uint8_t {
  propose,  // no standing offer: make an offer (or pass / end)
  respond,  // `offer` stands (from `proposer`): accept it, counter-offer, or end
  vote,     // mediated text: accept or reject (veto) text `offer` against `current` text
};

struct Turn {
  TurnKind kind = TurnKind::propose;
  std::int32_t round = 0;  // protocol round (0-based)
  std::int32_t moves = 0;  // moves made so far in this negotiation (every party's)
  double time = 0;  // relative time in [0, 1] (see Deadline)
  OutcomeIndex offer = kNoOutcome;  // standing offer (respond) or proposed text (vote)
  std::int32_t proposer = kMechanism;  // who made `offer`
  OutcomeIndex current = kNoOutcome;  // vote: the text in force (kNoOutcome: none yet)
  // Offers must satisfy this filter (issue by issue: the issues agreed in principle); null
  // when every outcome is allowed. An offer it rejects counts as no offer.
  const OfferFilter* allowed = nullptr;
  std::int32_t issue = -1;  // issue by issue: space position of the issue being settled
  // Issue by issue: per space issue, the value agreed in principle or -1 (open); empty for
  // other protocols. A party may name an agreed issue in Reply::reopen.
  std::span<const std::int32_t> agreed;
};

enum class ReplyKind : std::uint8_t {
  accept,    // accept the standing offer / vote for the text
  offer,     // reject the standing offer (if any) and propose `outcome`
  reject,    // reject without counter-offer (a pass when proposing; a veto when voting)
  end,       // walk away: ends the negotiation without agreement
};

struct Reply {
  ReplyKind kind = ReplyKind::reject;
  OutcomeIndex outcome = kNoOutcome;  // for `offer`
  std::int32_t reopen = -1;  // issue by issue: space position of an issue to reopen, else -1

  static Reply accept() { return {ReplyKind::accept, kNoOutcome, -1}; }
  static Reply propose(OutcomeIndex o) { return {ReplyKind::offer, o, -1}; }
  static Reply reject() { return {ReplyKind::reject, kNoOutcome, -1}; }
  static Reply end() { return {ReplyKind::end, kNoOutcome, -1}; }
};

class Negotiator {
 public:
  virtual ~Negotiator() = default;

  // Called once before the first turn. The context outlives the negotiation's last call.
  virtual void on_start(const NegotiatorContext& context) = 0;
  // Called whenever the protocol needs this party's action. Must not allocate in steady
  // state (performance contract, not enforced). Invalid replies (an offer outside the space
  // or the filter, accept with nothing standing) are treated as `reject`.
  virtual Reply act(const Turn& turn) = 0;
  // An event this party is entitled to observe (never its own actions).
  virtual void observe(const Event& /*event*/) {}
  // False when observe() ignores every event (checked once, after on_start): the mechanism
  // then skips the calls. The event's observers are unchanged; this is only a shortcut.
  virtual bool observes() const { return true; }
  // Called once when the negotiation ends. `agreement` is kNoOutcome on failure.
  virtual void on_end(OutcomeIndex /*agreement*/) {}
  // Two-level games: whether the staged runner should fill NegotiatorContext::
  // ratification_belief (asked once, before on_start; computing it costs a pass over the space).
  virtual bool uses_ratification_belief() const { return false; }
  // Whether it "ties its hands" (Schelling 1960): announces at the start, to the parties at the
  // table, what it believes its stage's ratifiers accept. Asked once, before on_start.
  virtual bool announces_ratification_constraint() const { return false; }
  // Registry name with parameters, e.g. "boulware:e=4" (for traces and reports). Returned
  // by value so that no override (e.g. one written in Python) can leave it dangling.
  virtual std::string name() const = 0;
};

}  // namespace parley
