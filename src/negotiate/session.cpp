#include "session.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <stdexcept>
#include <string>

#include "parley/core/scenario.hpp"

namespace parley::detail {

Session::Session(const CompiledDomain& domain, std::span<Negotiator* const> negotiators,
                 const SessionOptions& options, std::string_view protocol, bool stepped)
    : domain_(domain), negotiators_(negotiators), options_(options), protocol_(protocol), keep_events_(stepped) {
  const std::size_t n = negotiators.size();
  if (n != domain.party_count())
    throw std::invalid_argument("negotiate: one negotiator per party of the domain is required");
  if (!options.discounts.empty() && options.discounts.size() != n)
    throw std::invalid_argument("negotiate: SessionOptions::discounts needs one factor per party");
  if (options.deadline.rounds < 1 || options.deadline.rounds > kMaxDeadlineRounds)
    throw std::invalid_argument("negotiate: the deadline needs 1 to " + std::to_string(kMaxDeadlineRounds) + " rounds");
  if (!stepped)
    for (Negotiator* negotiator : negotiators)
      if (negotiator == nullptr) throw std::invalid_argument("negotiate: null negotiator (run() needs every party's)");
  if (!options.ratification_beliefs.empty() && options.ratification_beliefs.size() != n)
    throw std::invalid_argument("negotiate: SessionOptions::ratification_beliefs needs one entry per party");
  for (const auto& belief : options.ratification_beliefs)
    if (!belief.empty() && belief.size() != domain.size())
      throw std::invalid_argument("negotiate: a ratification belief needs one probability per outcome");
  discounts_.resize(n);
  for (std::size_t p = 0; p < n; ++p)
    discounts_[p] = options.discounts.empty() ? domain.party(p).discount() : options.discounts[p];
  if (options.complete_information) {
    known_.resize(n);
    for (std::size_t p = 0; p < n; ++p) known_[p] = &domain.party(p);
  }
  timed_ = std::isfinite(options.deadline.seconds);
  if (timed_) started_ = std::chrono::steady_clock::now();
  result_.lowest_own_offer.assign(n, std::numeric_limits<double>::quiet_NaN());
  if (options.record_trace)
    result_.trace.events.reserve(std::size_t(std::min(options.deadline.rounds, 1000)) * n * 2 + 4);
  if (stepped) recent_.reserve(16);  // a move emits a handful of events at most: no allocation per move
}

void Session::start() {
  const std::size_t n = negotiators_.size();
  contexts_.resize(n);
  for (std::size_t p = 0; p < n; ++p) {
    NegotiatorContext& c = contexts_[p];
    c.self = p;
    c.party_count = n;
    c.protocol = protocol_;
    c.space = &domain_.space();
    c.strides = domain_.strides();
    c.table = &domain_.party(p);
    c.deadline = options_.deadline;
    c.clock = options_.clock;
    c.time_offset = options_.time_offset;
    c.discounts = discounts_;
    c.known_utilities = known_;
    if (!options_.ratification_beliefs.empty()) c.ratification_belief = options_.ratification_beliefs[p];
  }
  for (std::size_t p = 0; p < n; ++p)
    if (negotiators_[p] != nullptr) negotiators_[p]->on_start(contexts_[p]);
  for (std::size_t p = 0; p < n; ++p)
    if (negotiators_[p] != nullptr && negotiators_[p]->observes()) listening_ |= party_bit(p);
}

double Session::time(std::int32_t round, std::int32_t total) const {
  double t = (double(round) + 1) / (double(total) + 1);
  if (timed_) {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    t = std::max(t, elapsed / options_.deadline.seconds);
  }
  return std::min(t, 1.0);
}

bool Session::wall_clock_expired() const {
  return timed_ &&
         std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count() >= options_.deadline.seconds;
}

Reply Session::validate(Reply reply, const OfferFilter* allowed) {
  const std::size_t p = actor_;
  switch (reply.kind) {
    case ReplyKind::offer:
      if (reply.outcome >= domain_.size() || (allowed != nullptr && !allowed->allows(reply.outcome)))
        reply.kind = ReplyKind::reject, reply.outcome = kNoOutcome;
      else {
        double& lowest = result_.lowest_own_offer[p];
        const double u = domain_.party(p).utility(reply.outcome);
        if (!(lowest <= u)) lowest = u;
      }
      break;
    case ReplyKind::accept:
      if (turn_.offer == kNoOutcome) reply.kind = ReplyKind::reject;
      break;
    default: break;
  }
  return reply;
}

void Session::emit(Event event, PartySet entitled) {
  if (options_.visibility) entitled &= options_.visibility(event, entitled);
  if (event.sender >= 0) entitled &= ~party_bit(std::size_t(event.sender));
  event.observers = entitled;
  for (PartySet rest = entitled & listening_; rest != 0; rest &= rest - 1) {
    const int p = std::countr_zero(rest);
    negotiators_[std::size_t(p)]->observe(event);
  }
  if (options_.record_trace) result_.trace.events.push_back(event);
  if (keep_events_) recent_.push_back(event);
  if (options_.observer) options_.observer(event);
}

void Session::finish(NegotiationStatus status, OutcomeIndex agreement, std::int32_t ended_by, std::int32_t rounds,
                     double time) {
  finished_ = true;
  for (Negotiator* negotiator : negotiators_)
    if (negotiator != nullptr) negotiator->on_end(agreement);
  const std::size_t n = negotiators_.size();
  result_.status = status;
  result_.agreement = agreement;
  result_.ended_by = ended_by;
  result_.rounds = rounds;
  result_.moves = moves_;
  result_.time = time;
  result_.utilities.resize(n);
  result_.discounted.resize(n);
  const double elapsed =
      options_.time_offset + (options_.clock == DiscountClock::rounds ? double(std::max(rounds - 1, 0)) : time);
  for (std::size_t p = 0; p < n; ++p) {
    const PartyTable& table = domain_.party(p);
    const double u = agreement == kNoOutcome ? table.reservation_value() : table.utility(agreement);
    result_.utilities[p] = u;
    result_.discounted[p] = discounts_[p] >= 1 ? u : u * std::pow(discounts_[p], elapsed);
  }
}

}  // namespace parley::detail

namespace parley {

NegotiationResult Protocol::run(const CompiledDomain& domain, std::span<Negotiator* const> negotiators,
                                const SessionOptions& options) const {
  for (Negotiator* negotiator : negotiators)
    if (negotiator == nullptr) throw std::invalid_argument("negotiate: null negotiator (run() needs every party's)");
  const std::unique_ptr<NegotiationState> state = start(domain, negotiators, options);
  while (!state->finished()) state->step();
  return state->result();
}

}  // namespace parley
