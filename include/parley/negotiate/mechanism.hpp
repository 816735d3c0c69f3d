#pragma once
// Protocols (mechanisms) that run negotiators over a compiled domain, and what one run
// needs and yields. One protocol per unit in src/negotiate/, each documenting its source,
// its round semantics and its settings at the top:
//
//   "alternating"    bilateral alternating offers (Rubinstein 1982), alternating_offers.cpp
//   "sao"            stacked alternating offers, multilateral (Aydoğan et al. 2017; NegMAS
//                    SAOMechanism round semantics), sao.cpp
//   "mediated"       mediated single negotiation text (Fisher's single-text procedure;
//                    Klein et al. 2003), mediated.cpp
//   "issue_by_issue" issues settled one at a time, agreed in principle, with reopening,
//                    issue_by_issue.cpp
//
// A stage runner: compiles a CompiledDomain once for the stage's space and parties, makes a
// Protocol from the stage's protocol name and settings, creates one Negotiator per party
// (strategies.hpp), fills SessionOptions (deadline, discount clock and time offset carried
// from earlier stages, seed, visibility hook for channels, observer) and calls run().
//
// Every protocol is a state machine (NegotiationState, below): Protocol::start() creates one
// negotiation that an outside driver steps one move at a time, and run() is the loop that
// steps it to the end with every party played by its negotiator.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/negotiate/domain.hpp"
#include "parley/negotiate/event.hpp"
#include "parley/negotiate/negotiator.hpp"

namespace parley {

// Decides which of the `entitled` parties observe `event` (the channel layer's hook).
// The mechanism intersects the answer with `entitled`: a hook can hide, never leak.
using VisibilityHook = std::function<PartySet(const Event& event, PartySet entitled)>;
// Receives every event once its observers are final, in order (e.g. to forward what
// outsiders of a channel may see, or to stream a trace).
using EventObserver = std::function<void(const Event& event)>;

struct SessionOptions {
  Deadline deadline;  // default 100 rounds, no wall-clock limit
  DiscountClock clock = DiscountClock::rounds;
  double time_offset = 0;  // time elapsed before this negotiation (earlier stages), clock units
  // Per-party discount factors in (0, 1]; empty: each party's PartyTable::discount().
  std::vector<double> discounts;
  // Seed of the mechanism's own random choices (mediator texts); negotiators get theirs at
  // construction. Same seed and negotiators' seeds → same trace.
  std::uint64_t seed = 0;
  bool record_trace = true;  // fill NegotiationResult::trace
  // Grant every negotiator the other parties' utility tables (NegotiatorContext::
  // known_utilities). Default false: private utilities stay private.
  bool complete_information = false;
  // Per party: its NegotiatorContext::ratification_belief (empty: none). Either empty or one
  // entry per party. REQUIRES: each non-empty span has one entry per outcome and outlives the run.
  std::vector<std::span<const float>> ratification_beliefs;
  VisibilityHook visibility;  // empty: every entitled party observes
  EventObserver observer;  // empty: none
  // Issue by issue: values agreed in principle in an earlier stage, one per space issue
  // (value index, or -1 for open). Empty: all open.
  std::vector<std::int32_t> agreed_in_principle;
  // Cancellation: when another thread (or the driver) sets *cancel to true, the negotiation
  // ends as a timeout (event timeout, status timeout) before its next move. Null: never.
  // REQUIRES: the flag outlives the negotiation. Unlike Deadline::seconds it is checked
  // before every move, not every round, and reads no clock.
  const std::atomic<bool>* cancel = nullptr;
};

enum class NegotiationStatus : std::uint8_t {
  agreement,  // every party accepted `agreement`
  ended,      // a party walked away (`ended_by`)
  timeout,    // the deadline passed without a binding agreement
};
std::string_view to_string(NegotiationStatus status);

struct NegotiationResult {
  NegotiationStatus status = NegotiationStatus::timeout;
  OutcomeIndex agreement = kNoOutcome;
  std::int32_t ended_by = -1;  // party that walked away, or -1
  std::int32_t rounds = 0;  // rounds begun (the round of the last move + 1)
  std::int32_t moves = 0;  // moves made: one party's reply to one turn each
  double time = 0;  // relative time at the end
  // Per party: utility of the agreement, or its reservation value without one.
  std::vector<double> utilities;
  // Per party: the same, discounted: u · δ^(time_offset + elapsed) with elapsed the index
  // of the final round, rounds - 1 (clock rounds: 0 when agreed in the first round) or the
  // final relative time (clock relative_time). GENIUS discounts the reservation value too;
  // so does parley.
  std::vector<double> discounted;
  // Per party: its own utility of its most conceding (lowest-for-itself) offer, NaN if it
  // made none — the basis of "who conceded most".
  std::vector<double> lowest_own_offer;
  // Issue by issue (also on failure): per space issue, the value agreed in principle or -1.
  // Empty for other protocols.
  std::vector<std::int32_t> agreed_in_principle;
  Trace trace;  // empty unless SessionOptions::record_trace

  bool agreed() const { return status == NegotiationStatus::agreement; }
};

// One negotiation in progress, advanced one move at a time by whoever drives it (OpenSpiel's
// State; a NegMAS mechanism's step). A move is one party's Reply to one Turn. Between moves
// the state is idle: nothing happens until the driver calls step() or apply(). Created by
// Protocol::start(), already started: every negotiator's on_start has been called and the
// state waits for the first move (or has finished, e.g. when cancelled before it).
//
// A party whose negotiator is null is played from outside (a Python strategy, a person at a
// server): the driver reads its turn() and answers with apply(). The driving loop:
//
//   auto state = protocol.start(domain, negotiators, options);
//   while (!state->finished()) {
//     const std::size_t p = state->current_party();
//     if (state->negotiator(p) != nullptr) state->step();
//     else state->apply(decide(state->context(p), state->turn()));  // the outside party
//   }
//   const NegotiationResult& result = state->result();
//
// Information: turn() carries exactly what current_party() may see, the Turn its
// negotiator's act() would get. Each move's events go, as in run(), to the negotiators
// entitled to observe them (the VisibilityHook still only narrows) and to the
// EventObserver; an outside party learns its share from events() (those whose observers
// contain it). Stepping a state to the end gives the same trace and result as run() with
// the same negotiators and options.
// A call against its REQUIRES throws std::logic_error (std::out_of_range for a party index).
// Thread safety: none inside; one thread at a time may drive a state (moves may come from
// different threads one after another). A move allocates nothing, beyond the trace's growth
// and issue by issue's rebuilding of its offer filter when an issue is agreed or reopened.
class NegotiationState {
 public:
  virtual ~NegotiationState() = default;

  // True once the negotiation has ended (agreement, a party walked away, or timeout); then
  // only result(), events(), negotiator() and context() may be called.
  virtual bool finished() const = 0;
  // The party whose move it is. REQUIRES: !finished().
  virtual std::size_t current_party() const = 0;
  // What current_party() must answer. REQUIRES: !finished(). The reference, and the
  // pointers and spans in it (Turn::allowed, Turn::agreed), stay valid until the next move.
  virtual const Turn& turn() const = 0;
  // Plays current_party()'s move: `reply` is its answer to turn(), whoever decided it. An
  // invalid reply counts as reject, as Negotiator::act states. Dispatches the move's events,
  // then advances to the next turn or to the end. REQUIRES: !finished().
  virtual void apply(const Reply& reply) = 0;
  // The move of a party played by its negotiator: apply(negotiator(p)->act(turn())) with p
  // = current_party(). REQUIRES: !finished() and negotiator(current_party()) != nullptr.
  virtual void step() = 0;

  // The negotiator playing `party`, or null for a party played from outside.
  // REQUIRES: party < the domain's party count (also for the three below).
  virtual Negotiator* negotiator(std::size_t party) const = 0;
  // What `party` was told at the start (its own table, the public facts): what a negotiator
  // gets in on_start, for a party played from outside. Valid as long as the state.
  virtual const NegotiatorContext& context(std::size_t party) const = 0;
  // The events of the last move (before the first move: those of the start, e.g. the
  // mediator's first text), in order, with their final observers; the ones whose observers
  // contain p are what party p observes. Valid until the next move.
  virtual std::span<const Event> events() const = 0;
  // The outcome. REQUIRES: finished().
  virtual const NegotiationResult& result() const = 0;
};

class Protocol {
 public:
  virtual ~Protocol() = default;
  // Registry name ("sao", ...). Returned by value so that no override can leave it dangling.
  virtual std::string name() const = 0;
  // Starts one negotiation to be stepped (see NegotiationState). A null entry of
  // `negotiators` is a party played from outside. REQUIRES: negotiators.size() ==
  // domain.party_count(), each non-null one fresh (not started); the parties the protocol
  // supports (alternating: exactly 2); options.discounts empty or one per party; `domain`
  // and every negotiator outlive the state (options are copied; a cancel flag must outlive
  // it too). Throws std::invalid_argument when the negotiators or options do not fit the
  // domain or the protocol. A wall-clock limit (Deadline::seconds) counts from start(),
  // time spent waiting between moves included.
  virtual std::unique_ptr<NegotiationState> start(const CompiledDomain& domain,
                                                  std::span<Negotiator* const> negotiators,
                                                  const SessionOptions& options) const = 0;
  // Runs one negotiation to its end: the same moves, trace and result as stepping start()'s
  // state until it finishes. REQUIRES: as start(), and no null negotiator (throws
  // std::invalid_argument). The default loops
  // over start(); the built-in protocols run the same step code without virtual calls.
  // Thread-safe: a Protocol is immutable, so one object may run many negotiations at once
  // on different negotiators.
  virtual NegotiationResult run(const CompiledDomain& domain, std::span<Negotiator* const> negotiators,
                                const SessionOptions& options) const;
};

// The protocol `name` (protocol_registry.hpp) with its settings (a stage's
// `protocol_settings`), validated against its specs: `parley list protocols` lists every
// setting with its default. Throws parley::Error with field "protocol" for an unknown name and
// "protocol setting" for an unknown setting or bad value, listing the valid ones.
std::unique_ptr<Protocol> make_protocol(std::string_view name, const std::map<std::string, std::string>& settings = {});
std::vector<std::string> protocol_names();  // registered protocols, built-ins first

// Convenience: run a protocol. Same contract as Protocol::run.
inline NegotiationResult run(const Protocol& protocol, const CompiledDomain& domain,
                             std::span<Negotiator* const> negotiators, const SessionOptions& options = {}) {
  return protocol.run(domain, negotiators, options);
}

}  // namespace parley
