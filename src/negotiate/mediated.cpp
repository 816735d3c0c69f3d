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
// Cancellation (SessionOptions::cancel) times out before the next action.
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

// The state machine. Each round is one question: a candidate text put to the mediator party
// (phase mediator_vote) and then to the other parties (party_vote), or the final question,
// the current text as the agreement (final_answer); `party_` answers next.
class MediatedState final : public Session {
 public:
  static constexpr std::string_view kName = "mediated";

  MediatedState(const CompiledDomain& domain, std::span<Negotiator* const> negotiators, const SessionOptions& options,
                bool stepped, std::int64_t mediator, std::int64_t start_text)
      : Session(domain, negotiators, options, kName, stepped), mediator_(mediator), rng_(options.seed) {
    if (mediator_ >= std::int64_t(parties())) throw std::invalid_argument("mediated: mediator is not a party");
    if (start_text >= std::int64_t(domain.size())) throw std::invalid_argument("mediated: start outcome out of range");
    start();
    vote_observers_ = mediator_ >= 0 ? party_bit(std::size_t(mediator_)) : PartySet{0};
    sender_ = mediator_ >= 0 ? std::int32_t(mediator_) : kMechanism;
    current_ = start_text >= 0 ? OutcomeIndex(start_text) : OutcomeIndex(rng_.uniform_below(domain.size()));
    refill(false);
    advance();
  }

  void apply(const Reply& raw) {
    begin_move();
    const Reply reply = validate(raw);
    const std::size_t p = actor();
    if (reply.kind == ReplyKind::end) {
      event(EventKind::end, std::int32_t(p), kNoOutcome, everyone());
      return finish(NegotiationStatus::ended, kNoOutcome, std::int32_t(p), round_ + 1, t_);
    }
    const bool yes = reply.kind == ReplyKind::accept;  // a counter-offer counts as rejection
    switch (phase_) {
      case Phase::mediator_vote:
        event(yes ? EventKind::accept : EventKind::reject, std::int32_t(p), candidate_, vote_observers_);
        if (!yes) return next_round();  // the mediator party keeps this text to itself
        if (cancelled()) return cancel(round_ + 1);
        if (!put_text()) next_round();
        return;
      case Phase::party_vote:
        event(yes ? EventKind::accept : EventKind::reject, std::int32_t(p), candidate_, vote_observers_);
        accepted_ = accepted_ && yes;  // every party still votes
        party_ = next_voter(p + 1);
        if (party_ < parties()) {
          if (cancelled()) return cancel(round_ + 1);
          return pose_vote();
        }
        votes_counted();
        return next_round();
      case Phase::final_answer:
        event(yes ? EventKind::accept : EventKind::reject, std::int32_t(p), current_, everyone());
        agreed_ = agreed_ && yes;
        if (++party_ < parties()) {
          if (cancelled()) return cancel(round_ + 1);
          return pose_answer();
        }
        if (agreed_) {
          event(EventKind::agreement, kMechanism, current_, everyone());
          return finish(NegotiationStatus::agreement, current_, -1, round_ + 1, t_);
        }
        refill(!jump_);  // back to shuttling: aspirations may have moved; alternate changes and jumps
        return next_round();
    }
  }

 private:
  enum class Phase : std::uint8_t { mediator_vote, party_vote, final_answer };

  void next_round() {
    ++round_;
    advance();
  }
  // Starts rounds from round_ until one poses a turn, or the deadline passes.
  void advance() {
    const std::int32_t last = rounds() - 1;
    for (;; ++round_) {
      if (round_ >= rounds() || wall_clock_expired()) return time_out();
      if (cancelled()) return cancel(round_);
      t_ = time(round_);
      if (round_ < last && next_candidate_ < candidates_.size()) {
        // Shuttle: put a candidate text to the parties.
        candidate_ = candidates_[next_candidate_++];
        if (candidate_ == current_) continue;
        accepted_ = true;
        if (mediator_ >= 0) {
          phase_ = Phase::mediator_vote;
          party_ = std::size_t(mediator_);
          return pose_vote();
        }
        if (put_text()) return;
        continue;
      }
      // The final question, repeated each round until all accept: the current text as the
      // agreement.
      event(EventKind::text, sender_, current_, everyone());
      agreed_ = true;
      phase_ = Phase::final_answer;
      party_ = 0;
      return pose_answer();
    }
  }
  // Puts candidate_ to the parties other than the mediator; false when nobody is left to
  // vote (the round is over).
  bool put_text() {
    event(EventKind::text, sender_, candidate_, everyone());
    phase_ = Phase::party_vote;
    party_ = next_voter(0);
    if (party_ < parties()) {
      pose_vote();
      return true;
    }
    votes_counted();
    return false;
  }
  void votes_counted() {
    if (!accepted_) return;
    current_ = candidate_;
    refill(false);
  }
  std::size_t next_voter(std::size_t from) const {
    return std::int64_t(from) == mediator_ ? from + 1 : from;
  }
  // A vote on candidate_ against the text in force, or the final question on the text itself.
  void pose_vote() { pose_question(TurnKind::vote, candidate_, current_); }
  void pose_answer() { pose_question(TurnKind::respond, current_, kNoOutcome); }
  void pose_question(TurnKind kind, OutcomeIndex text, OutcomeIndex in_force) {
    Turn& turn = pose(party_);
    turn.kind = kind;
    turn.round = round_;
    turn.time = t_;
    turn.offer = text;
    turn.proposer = sender_;
    turn.current = in_force;
  }

  // Candidate texts: every single-issue change of the current text, shuffled; after a batch
  // of those failed, as many texts drawn from the whole space ("jumps" past a deadlock
  // that no single change can break, e.g. when each party vetoes every change the other
  // needs).
  void refill(bool jump_next) {
    const CompiledDomain& d = domain();
    candidates_.clear();
    for (std::size_t k = 0; k < d.space().issue_count(); ++k)
      for (std::uint32_t v = 0; v < d.space().radix(k); ++v)
        if (v != d.value(current_, k))
          candidates_.push_back(OutcomeIndex(std::int64_t(current_) + (std::int64_t(v) - std::int64_t(d.value(current_, k))) *
                                                                          std::int64_t(d.strides()[k])));
    if (jump_next)
      for (OutcomeIndex& c : candidates_) c = OutcomeIndex(rng_.uniform_below(d.size()));
    shuffle(std::span<OutcomeIndex>(candidates_), rng_);
    next_candidate_ = 0;
    jump_ = jump_next;
  }

  // The deadline passed.
  void time_out() {
    const double t = time(rounds() - 1);
    emit(rounds() - 1, t, EventKind::timeout, kMechanism, kNoOutcome, everyone());
    finish(NegotiationStatus::timeout, kNoOutcome, -1, rounds(), t);
  }
  // Cancelled, with `begun` rounds begun.
  void cancel(std::int32_t begun) {
    event(EventKind::timeout, kMechanism, kNoOutcome, everyone());
    finish(NegotiationStatus::timeout, kNoOutcome, -1, begun, t_);
  }
  void event(EventKind kind, std::int32_t sender, OutcomeIndex outcome, PartySet entitled) {
    emit(round_, t_, kind, sender, outcome, entitled);
  }

  std::int64_t mediator_;  // party index, or -1 for a neutral mediator
  std::int32_t sender_ = kMechanism;  // sender of the texts: the mediator party or the mechanism
  PartySet vote_observers_ = 0;  // who sees the votes on candidates: the mediator party, or nobody
  Rng rng_;
  OutcomeIndex current_ = kNoOutcome;  // the text in force
  std::vector<OutcomeIndex> candidates_;
  std::size_t next_candidate_ = 0;
  bool jump_ = false;  // the current batch is jumps
  Phase phase_ = Phase::final_answer;
  OutcomeIndex candidate_ = kNoOutcome;  // the text put to the parties this round
  bool accepted_ = true;  // every vote on candidate_ so far was yes
  bool agreed_ = true;  // every final answer so far was yes
  std::int32_t round_ = 0;
  std::size_t party_ = 0;
  double t_ = 0;
};

}  // namespace

std::unique_ptr<Protocol> make_mediated(const ParamValues& settings) {
  const std::int64_t mediator = settings.is_word("mediator") ? -1 : settings.integer("mediator");  // -1: neutral
  const std::int64_t start = settings.is_word("start") ? -1 : settings.integer("start");  // -1: random
  return std::make_unique<MachineProtocol<MediatedState, std::int64_t, std::int64_t>>(mediator, start);
}

}  // namespace parley::detail
