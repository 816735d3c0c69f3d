#pragma once
// Internal: what every protocol does around its own rules — negotiator contexts, relative
// time and deadline, event dispatch through the visibility hook, trace, reply validation and
// the final result. Not part of the public API.

#include <chrono>
#include <cmath>
#include <vector>

#include "parley/negotiate/mechanism.hpp"

namespace parley::detail {

class Session {
 public:
  // REQUIRES: negotiators.size() == domain.party_count() (throws std::invalid_argument).
  Session(const CompiledDomain& domain, std::span<Negotiator* const> negotiators, const SessionOptions& options,
          std::string_view protocol);

  std::size_t parties() const { return negotiators_.size(); }
  const CompiledDomain& domain() const { return domain_; }
  Negotiator& negotiator(std::size_t p) const { return *negotiators_[p]; }
  const std::vector<double>& discounts() const { return discounts_; }
  std::int32_t rounds() const { return options_.deadline.rounds; }

  // Calls on_start on every negotiator (party order).
  void start();
  // Relative time at `round` (0-based) of a `total`-round clock: max((round + 1) / (total + 1),
  // elapsed wall time / limit), the NegMAS definition; in [0, 1].
  double time(std::int32_t round, std::int32_t total) const;
  double time(std::int32_t round) const { return time(round, options_.deadline.rounds); }
  // True when the wall-clock limit has passed (never without one).
  bool wall_clock_expired() const;

  // Asks party p to act; an invalid reply (offer outside the space or `turn.allowed`, accept
  // with nothing to accept, reopen of a closed issue is left to the protocol) becomes reject.
  Reply ask(std::size_t p, const Turn& turn) { return validate(p, turn, act(p, turn), turn.allowed); }
  // The two halves of ask(): the negotiator's raw reply, and its validation against `allowed`
  // (for protocols whose filter can change with the reply itself, e.g. a reopening).
  Reply act(std::size_t p, const Turn& turn);
  Reply validate(std::size_t p, const Turn& turn, Reply reply, const OfferFilter* allowed);

  // Records and dispatches an event: observers = hook(event, entitled) & entitled, minus the
  // sender; each observer's observe() is called, then the trace and the session observer.
  void emit(Event event, PartySet entitled);
  PartySet everyone() const { return all_parties(negotiators_.size()); }

  // Ends the negotiation: on_end on every negotiator, utilities and discounted utilities.
  NegotiationResult finish(NegotiationStatus status, OutcomeIndex agreement, std::int32_t ended_by,
                           std::int32_t rounds, double time);

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
  std::int32_t moves_ = 0;
  PartySet listening_ = 0;  // parties whose observe() does something
  NegotiationResult result_;
};

}  // namespace parley::detail
