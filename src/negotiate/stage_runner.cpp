// The stage runner: a scenario's negotiation stage by stage (staged.hpp).

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

#include "parley/core/error.hpp"
#include "parley/negotiate/compiled.hpp"
#include "parley/negotiate/domain.hpp"
#include "parley/negotiate/staged.hpp"

namespace parley {

const char* to_string(StageStatus status) {
  switch (status) {
    case StageStatus::agreement: return "agreement";
    case StageStatus::partial: return "partial";
    case StageStatus::rejected: return "rejected";
    case StageStatus::failure: return "failure";
    case StageStatus::blocked: return "blocked";
    case StageStatus::settled: return "settled";
  }
  return "?";
}

bool holds(StageStatus status) { return status == StageStatus::agreement || status == StageStatus::settled; }

const char* to_string(RecordKind kind) {
  switch (kind) {
    case RecordKind::talks: return "talks";
    case RecordKind::offer: return "offer";
    case RecordKind::accept: return "accept";
    case RecordKind::reject: return "reject";
    case RecordKind::no_offer: return "no_offer";
    case RecordKind::end: return "end";
    case RecordKind::text: return "text";
    case RecordKind::agreed_in_principle: return "agreed_in_principle";
    case RecordKind::reopen: return "reopen";
    case RecordKind::agreement: return "agreement";
    case RecordKind::timeout: return "timeout";
    case RecordKind::ratification: return "ratification";
    case RecordKind::ratified: return "ratified";
    case RecordKind::vetoed: return "vetoed";
    case RecordKind::announcement: return "announcement";
    case RecordKind::blocked: return "blocked";
    case RecordKind::constraint: return "constraint";
  }
  return "?";
}

namespace {

RecordKind record_kind(EventKind kind) {
  switch (kind) {
    case EventKind::offer: return RecordKind::offer;
    case EventKind::accept: return RecordKind::accept;
    case EventKind::reject: return RecordKind::reject;
    case EventKind::no_offer: return RecordKind::no_offer;
    case EventKind::end: return RecordKind::end;
    case EventKind::text: return RecordKind::text;
    case EventKind::agreed_in_principle: return RecordKind::agreed_in_principle;
    case EventKind::reopen: return RecordKind::reopen;
    case EventKind::agreement: return RecordKind::agreement;
    case EventKind::timeout: return RecordKind::timeout;
  }
  return RecordKind::offer;
}

// The actor's weight of a set of issues in the overall utility.
double stake_weight(const Actor& actor, const std::vector<std::size_t>& issues) {
  if (actor.uses_rectangles()) return 1;
  double weight = 0;
  for (std::size_t issue : issues) weight += actor.stances[issue].salience;
  return weight;
}

std::uint64_t stream(std::size_t stage, std::size_t actor, NegotiatorRole role) {
  return (std::uint64_t(stage) << 32) | (std::uint64_t(actor) << 1) | (role == NegotiatorRole::ratifier ? 1U : 0U);
}

// Replaces `mediator: <actor id>` by the actor's party index (the protocol counts parties).
void translate_mediator(const Scenario& scenario, const Stage& stage, const std::vector<std::size_t>& parties,
                        std::map<std::string, std::string>& settings) {
  auto it = settings.find("mediator");
  if (it == settings.end()) return;
  const auto actor = scenario.find_actor(it->second);
  if (!actor) return;  // "neutral" or a party index: the protocol validates it
  const auto at = std::find(parties.begin(), parties.end(), *actor);
  if (at == parties.end())
    throw field_error("stages." + stage.id + ".settings.mediator",
                      fmt::format("setting 'mediator' of stage '{}' is '{}', who is not at the table (a channel member "
                                  "with a stake in the stage's issues)",
                                  stage.id, it->second));
  it->second = std::to_string(at - parties.begin());
}

class StageRun {
 public:
  StageRun(const CompiledScenario& compiled, const StagedOptions& options, StagedResult& out)
      : scenario_(compiled.scenario()), compiled_(compiled), options_(options), out_(out) {}

  // Runs stage s (its rules, offset and merge list decided by the caller) into `r`.
  void run(StageResult& r, double offset, const std::vector<std::size_t>& merge,
           const std::vector<bool>& decided);

 private:
  // REQUIRES: options_.record_trace (callers build no record without it).
  void add_record(TraceRecord record) { out_.trace.push_back(std::move(record)); }
  std::vector<double> stake_utilities(const Outcome& outcome) const {
    std::vector<double> u;
    u.reserve(stage_->utilities().size());
    for (const CompiledUtility& utility : stage_->utilities()) u.push_back(utility(outcome));
    return u;
  }
  const CompiledUtility& utility_of(std::size_t actor) const { return stage_->utility_of(actor); }
  const StrategySpec* explicit_strategy(std::size_t actor) const {
    auto it = options_.strategies.find(actor);
    return it == options_.strategies.end() ? nullptr : &it->second;
  }
  std::unique_ptr<Negotiator> make(const NegotiatorRequest& request) const {
    return options_.factory ? options_.factory(request) : make_negotiator(*request.strategy, request.seed);
  }
  std::vector<std::shared_ptr<const std::vector<float>>> ratification_beliefs(StageResult& r,
                                                       const std::vector<std::unique_ptr<Negotiator>>& negotiators,
                                                       const StageChannel& channel, double offset,
                                                       SessionOptions& session);
  bool ratify(StageResult& r, const StageChannel& channel, OutcomeIndex agreement_index, const Outcome& agreement,
              double time, double clock, std::int32_t last_round, std::int32_t deadline);

  const Scenario& scenario_;
  const CompiledScenario& compiled_;
  const StagedOptions& options_;
  StagedResult& out_;
  std::shared_ptr<const CompiledStage> stage_;  // space, stakeholders' utilities, seats, domain, analysis
};

void StageRun::run(StageResult& r, double offset, const std::vector<std::size_t>& merge,
                   const std::vector<bool>& decided) {
  const std::size_t s = r.stage;
  const Stage& stage = scenario_.stages[s];
  r.time_offset = offset;
  r.agenda = plan_agenda(scenario_, s, r.rules, decided, merge, options_.max_linked_outcomes);
  if (r.agenda.merged.empty()) r.merged_from.clear();
  if (r.agenda.issues.empty()) {
    r.status = StageStatus::settled;
    r.reason.end = StageEnd::nothing_left;
    return;
  }
  stage_ = compiled_.stage(s, r.agenda.issues, r.merged_from);
  r.space = stage_->space();
  const StageChannel channel(scenario_, s);
  const std::vector<std::size_t>& stakeholders = stage_->stakeholders();
  r.stakeholders = stakeholders;
  r.parties = stage_->parties();
  r.ratifiers = stage_->ratifiers();
  if (r.parties.size() > kMaxParties)
    throw field_error("stage " + stage.id, fmt::format("{} parties at the table; at most {}", r.parties.size(), kMaxParties));

  const std::int32_t deadline = options_.deadline.value_or(stage.deadline);
  const bool by_rounds = options_.clock == DiscountClock::rounds;

  const bool tracing = options_.record_trace;
  TraceRecord talks;
  if (tracing) {
    talks.stage = s;
    talks.channel = channel.channel();
    talks.kind = RecordKind::talks;
    talks.clock = offset;
    talks.observers = channel.observers(Disclosure::talks);
  }

  if (r.parties.size() < 2) {
    r.status = StageStatus::failure;
    r.reason.end = StageEnd::too_few_parties;
    if (!r.parties.empty()) r.reason.actor = r.parties.front();
  } else {
    if (stage.protocol == "alternating" && r.parties.size() != 2)
      throw field_error("stage " + stage.id, fmt::format("protocol alternating is bilateral, but {} parties are at the "
                                                        "table; use sao for more",
                                                        r.parties.size()));
    std::map<std::string, std::string> settings = r.rules.protocol_settings;
    translate_mediator(scenario_, stage, r.parties, settings);
    std::unique_ptr<Protocol> protocol;
    try {
      protocol = make_protocol(stage.protocol, settings);
    } catch (const Error& e) {  // name the stage's field the protocol's name or settings came from
      Location at;
      at.field = "stages." + stage.id + (e.location().field == "protocol" ? ".protocol" : ".settings");
      throw e.relocated(std::move(at));
    }

    const CompiledDomain& domain = stage_->domain();

    std::vector<std::unique_ptr<Negotiator>> negotiators;
    std::vector<Negotiator*> pointers;
    for (std::size_t a : r.parties) {
      const StrategySpec* spec = explicit_strategy(a);
      if (spec == nullptr) spec = &options_.default_strategy;
      NegotiatorRequest request{a, s, NegotiatorRole::party, spec,
                                derive_seed(options_.seed, stream(s, a, NegotiatorRole::party))};
      negotiators.push_back(make(request));
      if (!negotiators.back()) throw std::invalid_argument("negotiate: the factory made no negotiator");
      pointers.push_back(negotiators.back().get());
      r.strategies.push_back(spec->text());
    }

    if (tracing) add_record(talks);

    // Two-level games: who announces its view of the ratifiers, and what each party that
    // asks for it believes will be ratified (ratification_belief.hpp).
    std::vector<std::shared_ptr<const std::vector<float>>> belief_tables;
    SessionOptions session;
    if (!r.ratifiers.empty()) belief_tables = ratification_beliefs(r, negotiators, channel, offset, session);

    session.deadline.rounds = deadline;
    session.clock = options_.clock;
    session.time_offset = offset;
    session.seed = derive_seed(options_.seed, stream(s, 0, NegotiatorRole::party) ^ 0xA5A5A5A5ULL);
    session.record_trace = false;
    session.visibility = channel.table_hook(r.parties);
    // Reopened issues enter an issue-by-issue protocol as agreed in principle, so that its
    // reopen rule decides whether a party reopens them; other protocols bargain them afresh.
    std::vector<std::int32_t> carried(r.agenda.issues.size(), -1);
    for (std::size_t k = 0; k < r.agenda.issues.size(); ++k) {
      const IssueDecision& earlier = out_.issues[r.agenda.issues[k]];
      if (earlier.value && std::find(r.agenda.reopened.begin(), r.agenda.reopened.end(), r.agenda.issues[k]) !=
                               r.agenda.reopened.end())
        carried[k] = std::int32_t(*earlier.value);
    }
    if (stage.protocol == "issue_by_issue" &&
        std::any_of(carried.begin(), carried.end(), [](std::int32_t v) { return v >= 0; }))
      session.agreed_in_principle = carried;
    const PartySet everyone = all_parties(r.parties.size());
    std::vector<std::size_t> bystanders;  // members without a stake: they watch, never negotiate
    for (std::size_t a = 0; a < scenario_.actors.size(); ++a)
      if (channel.is_member(a) && std::find(r.parties.begin(), r.parties.end(), a) == r.parties.end())
        bystanders.push_back(a);
    const std::vector<std::size_t>& parties = r.parties;
    if (tracing) session.observer = [&, everyone](const Event& event) {
      TraceRecord record;
      record.stage = s;
      record.channel = channel.channel();
      record.kind = record_kind(event.kind);
      record.round = event.round;
      record.time = event.time;
      record.clock = offset + (by_rounds ? double(event.round) : event.time);
      if (event.sender >= 0) record.sender = parties[std::size_t(event.sender)];
      if (event.outcome != kNoOutcome) {
        record.outcome = domain.decode(event.outcome);
        record.utilities = stake_utilities(*record.outcome);
      }
      record.issue = event.issue;
      record.value = event.value;
      PartySet public_set = everyone;
      if (event.sender >= 0) public_set &= ~party_bit(std::size_t(event.sender));
      for (std::size_t p = 0; p < parties.size(); ++p)
        if (contains(event.observers, p)) record.observers.push_back(parties[p]);
      if (event.observers == public_set) {
        for (std::size_t a : bystanders)
          if (channel.observes(a, Disclosure::table, std::nullopt, true)) record.observers.push_back(a);
        std::sort(record.observers.begin(), record.observers.end());
      }
      add_record(std::move(record));
    };

    const NegotiationResult result = protocol->run(domain, pointers, session);
    r.rounds = result.rounds;
    r.moves = result.moves;
    r.elapsed = by_rounds ? double(result.rounds) : result.time;
    r.agreed_in_principle = result.agreed_in_principle;
    if (result.ended_by >= 0) r.ended_by = r.parties[std::size_t(result.ended_by)];
    const double clock_at_end = offset + (by_rounds ? double(std::max(result.rounds - 1, 0)) : result.time);

    for (std::size_t p = 0; p < r.parties.size(); ++p) {
      Concession c;
      c.actor = r.parties[p];
      c.best = domain.party(p).max_utility();
      c.lowest_offer = result.lowest_own_offer.empty() ? std::numeric_limits<double>::quiet_NaN()
                                                       : result.lowest_own_offer[p];
      c.conceded = c.best - c.lowest_offer;
      r.concessions.push_back(c);
    }
    // Who conceded most: the one party whose concession is largest, if it is positive and
    // unique (a tie names nobody).
    double most = 0;
    for (const Concession& c : r.concessions) {
      if (!std::isfinite(c.conceded) || c.conceded < most - 1e-12) continue;
      if (c.conceded > most + 1e-12) {
        most = c.conceded;
        r.conceded_most = c.actor;
      } else {
        r.conceded_most.reset();  // a tie with the largest so far
      }
    }

    if (result.agreed()) {
      r.agreement = domain.decode(result.agreement);
      const bool ratified = ratify(r, channel, result.agreement, *r.agreement, result.time, clock_at_end,
                                   std::max(result.rounds - 1, 0), deadline);
      r.status = ratified ? StageStatus::agreement : StageStatus::rejected;
      r.reason.rounds = result.rounds;
      if (ratified) {
        r.reason.end = StageEnd::agreed;
        r.reason.ratified = !r.ratifiers.empty();
      } else {
        r.reason.end = StageEnd::vetoed;
        for (const RatificationVote& v : r.ratification)
          if (!v.accepted) r.reason.vetoed_by.push_back(v.actor);
      }
    } else {
      // Partial: some issue agreed in principle in this stage (not merely carried in).
      bool partial = false;
      for (std::size_t k = 0; k < result.agreed_in_principle.size() && k < carried.size(); ++k)
        partial = partial || (result.agreed_in_principle[k] >= 0 && result.agreed_in_principle[k] != carried[k]);
      r.status = partial ? StageStatus::partial : StageStatus::failure;
      r.reason.rounds = result.rounds;
      r.reason.in_principle = partial;
      if (result.status == NegotiationStatus::ended && r.ended_by) {
        r.reason.end = StageEnd::walked_out;
        r.reason.actor = r.ended_by;
      } else {
        r.reason.end = StageEnd::deadline_passed;
      }
    }

    // Utilities of the stage's result for everyone with a stake.
    for (std::size_t i = 0; i < stakeholders.size(); ++i) {
      const Actor& actor = scenario_.actors[stakeholders[i]];
      const CompiledUtility& utility = stage_->utilities()[i];
      ActorUtility u;
      u.actor = stakeholders[i];
      u.reservation = actor.reservation_value;
      u.utility = r.status == StageStatus::agreement ? utility(*r.agreement) : u.reservation;
      u.discounted = utility.discounted(u.utility, clock_at_end);
      u.gain = u.utility - u.reservation;
      r.utilities.push_back(u);
    }

    if (options_.analyze) {
      r.analysis_parties = stage_->consent();
      r.analysis = stage_->analysis();
      r.win_set = stage_->win_set();
      if (r.agreement) {
        std::vector<double> point;
        for (std::size_t a : r.analysis_parties) point.push_back(utility_of(a)(*r.agreement));
        r.distances = distances(*r.analysis, point);
        bool inside = true;
        for (std::size_t i = 0; i < point.size(); ++i)
          inside = inside && point[i] >= utility_of(r.analysis_parties[i]).reservation_value();
        r.agreement_in_win_set = inside;
      }
    }

    if (tracing) {
      TraceRecord announcement;
      announcement.stage = s;
      announcement.channel = channel.channel();
      announcement.kind = RecordKind::announcement;
      announcement.round = -1;
      announcement.time = result.time;
      announcement.clock = clock_at_end;
      if (r.status == StageStatus::agreement) {
        announcement.outcome = r.agreement;
        announcement.utilities = stake_utilities(*r.agreement);
      }
      announcement.observers = channel.observers(Disclosure::decision);
      add_record(std::move(announcement));
    }
    return;
  }

  // Fewer than two parties: nothing ran; the failure is still announced.
  for (std::size_t i = 0; i < stakeholders.size(); ++i) {
    const Actor& actor = scenario_.actors[stakeholders[i]];
    ActorUtility u;
    u.actor = stakeholders[i];
    u.reservation = actor.reservation_value;
    u.utility = u.reservation;
    u.discounted = stage_->utilities()[i].discounted(u.utility, offset);
    r.utilities.push_back(u);
  }
  if (!tracing) return;
  add_record(talks);
  TraceRecord announcement;
  announcement.stage = s;
  announcement.channel = channel.channel();
  announcement.kind = RecordKind::announcement;
  announcement.clock = offset;
  announcement.observers = channel.observers(Disclosure::decision);
  add_record(std::move(announcement));
}

// Each party's view of the ratifiers (its channels and beliefs), then the announcements of
// those who tie their hands, in party order, then a belief table for each party that uses one.
std::vector<std::shared_ptr<const std::vector<float>>> StageRun::ratification_beliefs(
    StageResult& r, const std::vector<std::unique_ptr<Negotiator>>& negotiators, const StageChannel& channel,
    double offset, SessionOptions& session) {
  const std::size_t n = r.parties.size();
  std::vector<std::vector<RatifierView>> own(n), views(n);
  for (std::size_t p = 0; p < n; ++p) own[p] = views[p] = ratifier_views(scenario_, *stage_, r.parties[p]);
  for (std::size_t p = 0; p < n; ++p) {
    if (!negotiators[p]->announces_ratification_constraint()) continue;
    if (options_.record_trace) {
      TraceRecord record;
      record.stage = r.stage;
      record.channel = channel.channel();
      record.kind = RecordKind::constraint;
      record.round = 0;
      record.clock = offset;
      record.sender = r.parties[p];
      record.observers = channel.observers(Disclosure::table, r.parties[p]);
      add_record(std::move(record));
    }
    // A view once filled is kept, so on each ratifier the first announcer is the one heard.
    for (std::size_t q = 0; q < n; ++q)
      if (q != p) adopt_announcement(views[q], own[p], r.parties[p]);
  }
  std::vector<std::shared_ptr<const std::vector<float>>> tables(n);
  for (std::size_t p = 0; p < n; ++p) {
    if (!negotiators[p]->uses_ratification_belief()) continue;
    tables[p] = ratification_belief(*stage_, views[p]);
    r.beliefs.push_back(PartyBelief{r.parties[p], views[p]});
  }
  if (!r.beliefs.empty()) {
    session.ratification_beliefs.resize(n);
    for (std::size_t p = 0; p < n; ++p)
      if (tables[p]) session.ratification_beliefs[p] = *tables[p];
  }
  return tables;
}

bool StageRun::ratify(StageResult& r, const StageChannel& channel, OutcomeIndex agreement_index,
                      const Outcome& agreement, double time, double clock, std::int32_t last_round,
                      std::int32_t deadline) {
  bool all = true;
  for (std::size_t a : r.ratifiers) {
    const Actor& actor = scenario_.actors[a];
    const CompiledUtility& utility = utility_of(a);
    RatificationVote vote;
    vote.actor = a;
    vote.utility = utility(agreement);
    vote.reservation = actor.reservation_value;

    TraceRecord request;
    if (options_.record_trace) {
      request.stage = r.stage;
      request.channel = channel.channel();
      request.kind = RecordKind::ratification;
      request.round = last_round;
      request.time = time;
      request.clock = clock;
      request.addressee = a;
      request.outcome = agreement;
      request.utilities = stake_utilities(agreement);
      request.observers = channel.observers(Disclosure::ratification, std::nullopt, a);
      add_record(request);
    }

    if (const StrategySpec* spec = explicit_strategy(a)) {
      // The ratifier's own strategy answers the agreement as a final offer. It sees its own
      // utilities over the stage's space and this one turn — nothing of the talks.
      vote.strategy = spec->text();
      NegotiatorRequest made{a, r.stage, NegotiatorRole::ratifier, spec,
                             derive_seed(options_.seed, stream(r.stage, a, NegotiatorRole::ratifier))};
      std::unique_ptr<Negotiator> negotiator = make(made);
      if (!negotiator) throw std::invalid_argument("negotiate: the factory made no negotiator");
      const PartyTable table(utility.all_utilities(r.space), actor.reservation_value, actor.discount);
      const double discount = actor.discount;
      NegotiatorContext context;
      context.self = 0;
      context.party_count = 1;
      context.protocol = "ratification";
      context.space = &r.space;
      context.strides = r.space.strides();
      context.table = &table;
      context.deadline.rounds = deadline;
      context.clock = options_.clock;
      context.time_offset = r.time_offset;
      context.discounts = std::span<const double>(&discount, 1);
      negotiator->on_start(context);
      Turn turn;
      turn.kind = TurnKind::respond;
      turn.round = std::max(deadline - 1, last_round);
      turn.time = 1;
      turn.offer = agreement_index;
      turn.proposer = kMechanism;
      vote.accepted = negotiator->act(turn).kind == ReplyKind::accept;
      negotiator->on_end(vote.accepted ? agreement_index : kNoOutcome);
    } else {
      vote.accepted = vote.utility >= vote.reservation;
    }
    all = all && vote.accepted;

    if (options_.record_trace) {
      TraceRecord answer = std::move(request);
      answer.kind = vote.accepted ? RecordKind::ratified : RecordKind::vetoed;
      answer.sender = a;
      answer.addressee.reset();
      answer.observers = channel.observers(Disclosure::ratification, a, a);
      add_record(std::move(answer));
    }
    r.ratification.push_back(std::move(vote));
  }
  return all;
}

// `given` plus each actor's own strategy (Actor::strategy) where `given` chooses none.
StagedOptions with_actor_strategies(const Scenario& scenario, const StagedOptions& given) {
  StagedOptions options = given;
  for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
    const Actor& actor = scenario.actors[a];
    if (actor.strategy.empty() || options.strategies.count(a) != 0) continue;
    try {
      options.strategies.emplace(a, parse_strategy(actor.strategy));
    } catch (const Error& e) {
      Location at;
      at.field = "actors." + actor.id + ".strategy";
      throw e.relocated(std::move(at));
    }
  }
  return options;
}

}  // namespace

StagedResult run_staged(const Scenario& scenario, const StagedOptions& options) {
  // Borrowed, not copied: the compiled scenario lives only for this call.
  const CompiledScenario compiled(std::shared_ptr<const Scenario>(std::shared_ptr<const Scenario>(), &scenario),
                                  options.max_memory_bytes);
  return run_staged(compiled, options);
}

StagedResult run_staged(const CompiledScenario& compiled, const StagedOptions& given) {
  const Scenario& scenario = compiled.scenario();
  const StagedOptions options = with_actor_strategies(scenario, given);
  for (const auto& entry : options.strategies)
    if (entry.first >= scenario.actors.size()) throw std::invalid_argument("negotiate: strategy for a missing actor");
  if (options.only_stage && *options.only_stage >= scenario.stages.size())
    throw std::invalid_argument("negotiate: no such stage");
  if (options.deadline && (*options.deadline < 1 || *options.deadline > kMaxDeadlineRounds))
    throw field_error("deadline", fmt::format("{} rounds; use 1 to {}", *options.deadline, kMaxDeadlineRounds));

  StagedResult out;
  out.clock = options.clock;
  out.seed = options.seed;
  out.issues.resize(scenario.issues.size());
  for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
    auto it = options.strategies.find(a);
    out.strategies.push_back(it != options.strategies.end() ? it->second.text() : options.default_strategy.text());
  }

  const std::size_t n = scenario.stages.size();
  const std::vector<std::size_t> order =
      options.only_stage ? std::vector<std::size_t>{*options.only_stage} : stage_order(scenario);
  std::vector<std::optional<std::size_t>> result_of(n);  // stage → index in out.stages
  std::vector<double> end_time(n, 0);
  std::vector<bool> decided(scenario.issues.size(), false);

  for (std::size_t s : order) {
    const Stage& stage = scenario.stages[s];
    StageResult r;
    r.stage = s;
    r.rules = stage_rules(scenario, s);
    double offset = 0;
    std::vector<std::size_t> merge;
    if (!options.only_stage && stage.after) {
      const std::size_t a = *stage.after;
      const StageResult& before = out.stages.at(*result_of[a]);
      offset = end_time[a];
      if (!holds(before.status)) {
        const bool stop = before.status == StageStatus::blocked || before.rules.on_failure == OnFailure::stop;
        if (stop) {
          r.status = StageStatus::blocked;
          r.reason.end = StageEnd::blocked_by_stage;
          r.reason.stage = a;
          r.reason.stage_status = before.status;
          if (options.record_trace) {
            TraceRecord record;
            record.stage = s;
            record.channel = stage.channel;
            record.kind = RecordKind::blocked;
            record.clock = offset;
            out.trace.push_back(std::move(record));
          }
          end_time[s] = offset;
          result_of[s] = out.stages.size();
          out.stages.push_back(std::move(r));
          continue;
        }
        if (before.rules.on_failure == OnFailure::merge) {
          for (std::size_t issue : before.agenda.issues)
            if (!decided[issue]) merge.push_back(issue);
          r.merged_from.push_back(a);
        }
      }
    }
    StageRun run(compiled, options, out);
    run.run(r, offset, merge, decided);
    end_time[s] = offset + r.elapsed;

    // Record decisions for later stages.
    if (r.status == StageStatus::agreement) {
      for (std::size_t k = 0; k < r.agenda.issues.size(); ++k) {
        const std::size_t issue = r.agenda.issues[k];
        out.issues[issue] = IssueDecision{(*r.agreement)[k], s, false};
        decided[issue] = true;
      }
    } else if (r.status == StageStatus::partial && !r.rules.nothing_agreed_until_all) {
      for (std::size_t k = 0; k < r.agenda.issues.size() && k < r.agreed_in_principle.size(); ++k) {
        if (r.agreed_in_principle[k] < 0) continue;
        const std::size_t issue = r.agenda.issues[k];
        if (decided[issue] && out.issues[issue].value == std::uint32_t(r.agreed_in_principle[k])) continue;
        out.issues[issue] = IssueDecision{std::uint32_t(r.agreed_in_principle[k]), s, true};
        decided[issue] = true;
      }
    }
    result_of[s] = out.stages.size();
    out.stages.push_back(std::move(r));
  }

  // Overall utility per actor: salience-weighted over the stages it has a stake in.
  out.overall.assign(scenario.actors.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t a = 0; a < scenario.actors.size(); ++a) {
    const Actor& actor = scenario.actors[a];
    double weighted = 0, total = 0;
    for (const StageResult& r : out.stages) {
      if (r.status == StageStatus::settled) continue;
      if (r.status == StageStatus::blocked) {
        const double w = stake_weight(actor, scenario.stages[r.stage].issues);
        weighted += w * actor.reservation_value;
        total += w;
        continue;
      }
      for (const ActorUtility& u : r.utilities) {
        if (u.actor != a) continue;
        const double w = stake_weight(actor, r.agenda.issues);
        weighted += w * u.discounted;
        total += w;
      }
    }
    if (total > 0) out.overall[a] = weighted / total;
  }
  return out;
}

}  // namespace parley
