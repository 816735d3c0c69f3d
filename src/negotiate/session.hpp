#pragma once
// Internal: what every protocol does around its own rules — negotiator contexts, relative
// time and deadline, the move in progress (who acts, on which Turn), event dispatch through
// the visibility hook, trace, reply validation and the final result. Not part of the public
// API.
//
// A protocol's state machine is a final class deriving from Session whose constructor starts
// the negotiation and poses the first turn, and whose `apply(Reply)` plays one move and poses
// the next turn (or finishes). run_to_end() steps it with its negotiators without virtual
// calls (Protocol::run); Stepper wraps it as a public NegotiationState (Protocol::start).

#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "parley/negotiate/mechanism.hpp"

namespace parley::detail {

class Session {
 public:
  // `stepped`: driven from outside (Protocol::start): null negotiators (parties played from
  // outside) are allowed, and each move's events are kept for events().
  // REQUIRES: negotiators.size() == domain.party_count(); no null negotiator unless
  // `stepped` (both throw std::invalid_argument). `domain`, `negotiators`' array and
  // `options` are borrowed and must outlive the session; so must `protocol`'s characters.
  Session(const CompiledDomain& domain, std::span<Negotiator* const> negotiators, const SessionOptions& options,
          std::string_view protocol, bool stepped);
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  std::size_t parties() const { return negotiators_.size(); }
  const CompiledDomain& domain() const { return domain_; }
  Negotiator* negotiator(std::size_t p) const { return negotiators_[p]; }
  const NegotiatorContext& context(std::size_t p) const { return contexts_[p]; }
  const std::vector<double>& discounts() const { return discounts_; }
  std::int32_t rounds() const { return options_.deadline.rounds; }
  const SessionOptions& options() const { return options_; }

  // Calls on_start on every negotiator (party order).
  void start();
  // Relative time at `round` (0-based) of a `total`-round clock: max((round + 1) / (total + 1),
  // elapsed wall time / limit), the NegMAS definition; in [0, 1].
  double time(std::int32_t round, std::int32_t total) const;
  double time(std::int32_t round) const { return time(round, options_.deadline.rounds); }
  // True when the wall-clock limit has passed (never without one).
  bool wall_clock_expired() const;
  // True when SessionOptions::cancel is set (never without one).
  bool cancelled() const { return options_.cancel != nullptr && options_.cancel->load(std::memory_order_relaxed); }

  // The move in progress: poses a fresh Turn (step filled in) to party p and returns it for
  // the protocol to fill.
  Turn& pose(std::size_t p) {
    actor_ = p;
    turn_ = Turn{};
    turn_.moves = moves_;
    return turn_;
  }
  std::size_t actor() const { return actor_; }
  const Turn& turn() const { return turn_; }
  bool finished() const { return finished_; }
  // Opens a move: counts it and forgets the previous move's events. Every apply() starts so.
  void begin_move() {
    ++moves_;
    if (keep_events_) recent_.clear();
  }
  // Validates a reply to the posed turn: an offer outside the space or `allowed`, or an
  // accept with nothing to accept, becomes reject (a reopen of a closed issue is left to the
  // protocol). Records the offer's utility for lowest_own_offer.
  Reply validate(const Reply& reply) { return validate(reply, turn_.allowed); }
  Reply validate(Reply reply, const OfferFilter* allowed);

  // Records and dispatches an event: observers = hook(event, entitled) & entitled, minus the
  // sender; each observer's observe() is called, then the trace and the session observer.
  void emit(Event event, PartySet entitled);
  // The same for the event with these fields (issue and value -1 unless given).
  void emit(std::int32_t round, double time, EventKind kind, std::int32_t sender, OutcomeIndex outcome,
            PartySet entitled, std::int32_t issue = -1, std::int32_t value = -1) {
    emit(Event{round, time, kind, sender, outcome, issue, value, 0}, entitled);
  }
  PartySet everyone() const { return all_parties(negotiators_.size()); }
  // The last move's events (kept only when stepped).
  std::span<const Event> events() const { return recent_; }

  // Ends the negotiation: on_end on every negotiator, utilities and discounted utilities.
  void finish(NegotiationStatus status, OutcomeIndex agreement, std::int32_t ended_by, std::int32_t rounds,
              double time);
  const NegotiationResult& result() const { return result_; }
  NegotiationResult take_result() { return std::move(result_); }

  std::int32_t moves() const { return moves_; }
  std::vector<std::int32_t>& agreed_in_principle() { return result_.agreed_in_principle; }

 private:
  const CompiledDomain& domain_;
  std::span<Negotiator* const> negotiators_;
  const SessionOptions& options_;
  std::string_view protocol_;
  std::vector<double> discounts_;
  std::vector<const PartyTable*> known_;
  std::vector<NegotiatorContext> contexts_;
  std::chrono::steady_clock::time_point started_;
  bool timed_ = false;
  bool finished_ = false;
  bool keep_events_ = false;
  std::int32_t moves_ = 0;
  std::size_t actor_ = 0;
  Turn turn_;
  PartySet listening_ = 0;  // parties whose observe() does something
  std::vector<Event> recent_;  // the last move's events, when keep_events_
  NegotiationResult result_;
};

// Steps `state` to its end, every move by the current party's negotiator (Protocol::run).
// REQUIRES: no null negotiator (the session was built with external = false).
template <class State>
NegotiationResult run_to_end(State& state) {
  while (!state.finished()) state.apply(state.negotiator(state.actor())->act(state.turn()));
  return state.take_result();
}

// A protocol's state machine as a public NegotiationState (Protocol::start): owns copies of
// the options and of the negotiator pointers, so that the caller's may go; borrows the domain
// and the negotiators.
template <class State>
class Stepper final : public NegotiationState {
 public:
  template <class... Settings>
  Stepper(const CompiledDomain& domain, std::span<Negotiator* const> negotiators, const SessionOptions& options,
          const Settings&... settings)
      : options_(options), negotiators_(negotiators.begin(), negotiators.end()),
        state_(domain, negotiators_, options_, true, settings...) {}

  bool finished() const override { return state_.finished(); }
  std::size_t current_party() const override { return (require_open(), state_.actor()); }
  const Turn& turn() const override { return (require_open(), state_.turn()); }
  void apply(const Reply& reply) override {
    require_open();
    state_.apply(reply);
  }
  void step() override {
    require_open();
    Negotiator* negotiator = state_.negotiator(state_.actor());
    if (negotiator == nullptr) throw std::logic_error("negotiate: step() on a party played from outside; use apply()");
    state_.apply(negotiator->act(state_.turn()));
  }
  Negotiator* negotiator(std::size_t party) const override { return state_.negotiator(require_party(party)); }
  const NegotiatorContext& context(std::size_t party) const override { return state_.context(require_party(party)); }
  std::span<const Event> events() const override { return state_.events(); }
  const NegotiationResult& result() const override {
    if (!state_.finished()) throw std::logic_error("negotiate: result() before the negotiation finished");
    return state_.result();
  }

 private:
  void require_open() const {
    if (state_.finished()) throw std::logic_error("negotiate: the negotiation has finished; no move is open");
  }
  std::size_t require_party(std::size_t party) const {
    if (party >= state_.parties()) throw std::out_of_range("negotiate: no such party");
    return party;
  }

  SessionOptions options_;
  std::vector<Negotiator*> negotiators_;
  State state_;
};

// A built-in protocol: its state machine State (named State::kName), constructed as
// State(domain, negotiators, options, stepped, settings...), and its settings.
template <class State, class... Settings>
class MachineProtocol final : public Protocol {
 public:
  explicit MachineProtocol(Settings... settings) : settings_(std::move(settings)...) {}
  std::string name() const override { return std::string(State::kName); }
  std::unique_ptr<NegotiationState> start(const CompiledDomain& domain, std::span<Negotiator* const> negotiators,
                                          const SessionOptions& options) const override {
    return std::apply(
        [&](const Settings&... settings) -> std::unique_ptr<NegotiationState> {
          return std::make_unique<Stepper<State>>(domain, negotiators, options, settings...);
        },
        settings_);
  }
  NegotiationResult run(const CompiledDomain& domain, std::span<Negotiator* const> negotiators,
                        const SessionOptions& options) const override {
    return std::apply(
        [&](const Settings&... settings) {
          State state(domain, negotiators, options, false, settings...);
          return run_to_end(state);
        },
        settings_);
  }

 private:
  std::tuple<Settings...> settings_;
};

}  // namespace parley::detail
