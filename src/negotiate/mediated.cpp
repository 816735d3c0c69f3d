// Mediated single negotiation text ("shuttle diplomacy").
// Sources: Fisher (1978), the single negotiating text procedure used at Camp David, as
// described by Raiffa (1982), The Art and Science of Negotiation, ch. 14; the mediated
// single-text protocol of Klein, Faratin, Sayama & Bar-Yam (2003), "Negotiating complex
// contracts", Group Decision and Negotiation 12(2): a mediator proposes a mutation of the
// current text and the parties vote; a text accepted by all replaces the current one.
//
// Rules. The mediator holds the current text (start: an outcome drawn with the session seed,
// or a given one). In each round but the last it puts to the parties a candidate text: a batch
// of candidates is every single-issue change of the current text, in an order shuffled with
// the session seed (once all have been vetoed the text is a local optimum for unanimous
// improvement); after a failed final question the next batch is as many texts drawn from the
// whole space (to escape deadlocks no single change can break), then single changes again.
// Each party answers privately: accept (vote for the candidate) or veto; the candidate
// replaces the current text when every party accepts.
// When no change is left to try (and in the last round) the parties are asked to accept the
// current text as the agreement (a `respond` turn; counter-offers count as rejections):
// agreement when all accept; otherwise the mediator goes back to shuttling with the next
// batch (the parties' aspirations may have moved). Timeout at the deadline.
// A party as mediator (setting mediator = <party index>) first votes on each candidate itself
// and only texts it accepts are put to the others; a neutral mediator is the mechanism.
// Turns: candidates arrive as TurnKind::vote with `offer` the candidate and `current` the text
// in force; built-in strategies vote for a candidate iff it is worth at least the current
// text to them (hill climbing, Klein et al.'s "hill-climber"), or, for the time-based ones,
// at least their current aspiration target (so they concede over time).
// Events and who sees them: `text` (a candidate put to the parties) — every party; votes
// (accept / reject) — the mediator party only (nobody for a neutral mediator); the final
// answers, agreement and timeout — every party.
// Settings: mediator = neutral | <party index> (default neutral); start = random | <outcome
// index> (default random).

#include <algorithm>
#include <span>
#include <stdexcept>
#include <vector>

#include "parley/core/random.hpp"
#include "protocols.hpp"
#include "session.hpp"

namespace parley::detail {
namespace {

class Mediated final : public Protocol {
 public:
  Mediated(std::int64_t mediator, std::int64_t start) : mediator_(mediator), start_(start) {}
  std::string_view name() const override { return "mediated"; }

  NegotiationResult run(const CompiledDomain& domain, std::span<Negotiator* const> negotiators,
                        const SessionOptions& options) const override {
    Session s(domain, negotiators, options, name());
    if (mediator_ >= std::int64_t(s.parties())) throw std::invalid_argument("mediated: mediator is not a party");
    if (start_ >= std::int64_t(domain.size())) throw std::invalid_argument("mediated: start outcome out of range");
    s.start();
    const std::size_t n = s.parties();
    const PartySet all = s.everyone();
    const PartySet vote_observers = mediator_ >= 0 ? party_bit(std::size_t(mediator_)) : PartySet{0};
    Rng rng(options.seed);
    OutcomeIndex current = start_ >= 0 ? OutcomeIndex(start_) : OutcomeIndex(rng.uniform_below(domain.size()));
    const std::size_t issues = domain.space().issue_count();

    // Candidate texts: every single-issue change of the current text, shuffled; after a batch
    // of those failed, as many texts drawn from the whole space ("jumps" past a deadlock
    // that no single change can break, e.g. when each party vetoes every change the other
    // needs).
    std::vector<OutcomeIndex> candidates;
    std::size_t next_candidate = 0;
    bool jump = false;
    auto refill = [&](bool jump_next) {
      candidates.clear();
      for (std::size_t k = 0; k < issues; ++k)
        for (std::uint32_t v = 0; v < domain.space().radix(k); ++v)
          if (v != domain.value(current, k))
            candidates.push_back(OutcomeIndex(std::int64_t(current) +
                                              (std::int64_t(v) - std::int64_t(domain.value(current, k))) *
                                                  std::int64_t(domain.strides()[k])));
      if (jump_next)
        for (OutcomeIndex& c : candidates) c = OutcomeIndex(rng.uniform_below(domain.size()));
      shuffle(std::span<OutcomeIndex>(candidates), rng);
      next_candidate = 0;
      jump = jump_next;
    };
    refill(false);

    auto event = [&](std::int32_t round, double t, EventKind kind, std::int32_t sender, OutcomeIndex outcome,
                     PartySet entitled) {
      Event e;
      e.round = round;
      e.time = t;
      e.kind = kind;
      e.sender = sender;
      e.outcome = outcome;
      s.emit(e, entitled);
    };
    auto vote = [&](std::size_t p, std::int32_t round, double t, OutcomeIndex candidate) {
      Turn turn;
      turn.kind = TurnKind::vote;
      turn.round = round;
      turn.step = s.steps();
      turn.time = t;
      turn.offer = candidate;
      turn.proposer = mediator_ >= 0 ? std::int32_t(mediator_) : kMechanism;
      turn.current = current;
      const Reply reply = s.ask(p, turn);
      if (reply.kind == ReplyKind::end) return reply;
      const bool yes = reply.kind == ReplyKind::accept;
      event(round, t, yes ? EventKind::accept : EventKind::reject, std::int32_t(p), candidate, vote_observers);
      return yes ? Reply::accept() : Reply::reject();
    };

    const std::int32_t last = s.rounds() - 1;
    for (std::int32_t round = 0; round < s.rounds() && !s.wall_clock_expired(); ++round) {
      const double t = s.time(round);
      if (round < last && next_candidate < candidates.size()) {
        // Shuttle: put a candidate text to the parties.
        const OutcomeIndex candidate = candidates[next_candidate++];
        if (candidate == current) continue;
        bool accepted = true;
        if (mediator_ >= 0) {
          const Reply r = vote(std::size_t(mediator_), round, t, candidate);
          if (r.kind == ReplyKind::end) {
            event(round, t, EventKind::end, std::int32_t(mediator_), kNoOutcome, all);
            return s.finish(NegotiationStatus::ended, kNoOutcome, std::int32_t(mediator_), round + 1, t);
          }
          if (r.kind != ReplyKind::accept) continue;  // the mediator party keeps this text to itself
        }
        event(round, t, EventKind::text, mediator_ >= 0 ? std::int32_t(mediator_) : kMechanism, candidate, all);
        for (std::size_t p = 0; p < n; ++p) {
          if (std::int64_t(p) == mediator_) continue;
          const Reply r = vote(p, round, t, candidate);
          if (r.kind == ReplyKind::end) {
            event(round, t, EventKind::end, std::int32_t(p), kNoOutcome, all);
            return s.finish(NegotiationStatus::ended, kNoOutcome, std::int32_t(p), round + 1, t);
          }
          accepted = accepted && r.kind == ReplyKind::accept;  // every party still votes
        }
        if (accepted) {
          current = candidate;
          refill(false);
        }
        continue;
      }
      // The final question, repeated each round until all accept: the current text as the
      // agreement.
      event(round, t, EventKind::text, mediator_ >= 0 ? std::int32_t(mediator_) : kMechanism, current, all);
      bool agreed = true;
      for (std::size_t p = 0; p < n; ++p) {
        Turn turn;
        turn.kind = TurnKind::respond;
        turn.round = round;
        turn.step = s.steps();
        turn.time = t;
        turn.offer = current;
        turn.proposer = mediator_ >= 0 ? std::int32_t(mediator_) : kMechanism;
        const Reply r = s.ask(p, turn);
        if (r.kind == ReplyKind::end) {
          event(round, t, EventKind::end, std::int32_t(p), kNoOutcome, all);
          return s.finish(NegotiationStatus::ended, kNoOutcome, std::int32_t(p), round + 1, t);
        }
        const bool yes = r.kind == ReplyKind::accept;
        event(round, t, yes ? EventKind::accept : EventKind::reject, std::int32_t(p), current, all);
        agreed = agreed && yes;
      }
      if (agreed) {
        event(round, t, EventKind::agreement, kMechanism, current, all);
        return s.finish(NegotiationStatus::agreement, current, -1, round + 1, t);
      }
      refill(!jump);  // back to shuttling: aspirations may have moved; alternate changes and jumps
    }
    const double t = s.time(s.rounds() - 1);
    event(s.rounds() - 1, t, EventKind::timeout, kMechanism, kNoOutcome, all);
    return s.finish(NegotiationStatus::timeout, kNoOutcome, -1, s.rounds(), t);
  }

 private:
  std::int64_t mediator_;  // party index, or -1 for a neutral mediator
  std::int64_t start_;  // outcome index, or -1 for random
};

}  // namespace

std::unique_ptr<Protocol> make_mediated(const Settings& settings) {
  check_settings("mediated", settings, {"mediator", "start"});
  std::int64_t mediator = -1, start = -1;
  if (setting(settings, "mediator", "neutral") != "neutral")
    mediator = int_setting("mediated", settings, "mediator", -1, 0, std::int64_t(kMaxParties) - 1);
  if (setting(settings, "start", "random") != "random")
    start = int_setting("mediated", settings, "start", -1, 0, std::int64_t(kNoOutcome) - 1);
  return std::make_unique<Mediated>(mediator, start);
}

}  // namespace parley::detail
