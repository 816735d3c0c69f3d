#pragma once
// A scenario's negotiation, stage by stage: channels decide who sits at the table and who
// learns what, stages run in dependency order with time and discounting carried along
// `after`, ratifiers outside the channel accept or veto, links form package deals, and every
// event lands in one trace with the actors who observed it. See docs/negotiation.md.
//
// Per stage (in stage_order):
//  1. Rules and agenda (stage_plan.hpp). A stage whose `after` stage did not hold is blocked
//     when that stage's on_failure is stop (blocking propagates); with continue or merge it
//     runs (merge: the failed stage's open issues join its agenda).
//  2. Who: members = the channel's members (every actor without a channel); stakeholders =
//     actors with a stake in the agenda; parties (at the table) = members who are
//     stakeholders, in actor order; ratifiers = the stage's `ratify` actors (and those of
//     merged stages) who are stakeholders but not members. Fewer than two parties: failure.
//  3. Talks: one Negotiator per party from its strategy (StagedOptions::strategies, else the
//     actor's own `strategy` from the scenario, else default_strategy), seeded by derive_seed(seed, stream); the stage's protocol runs them
//     over the agenda's outcome space with deadline, discount clock and time offset (the end
//     time of the stage it waits for).
//  4. Result: agreement → ratification; some issues agreed in principle → partial (not put
//     to ratification; nothing decided under nothing_agreed_until_all); else failure.
//  5. Ratification: each ratifier accepts iff its utility of the agreement ≥ its reservation
//     value — or, when it has an explicit strategy, iff that strategy accepts the agreement
//     as a final offer (a respond turn at relative time 1, last round). One veto: rejected.
//  6. Announcement: the decision (or failure) is announced to whom the channel allows.
//
// A stage holds when it ends in a ratified agreement or has nothing left to bargain; issues
// it decides (or agrees in principle) are decided for later stages.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/analysis.hpp"
#include "parley/core/scenario.hpp"
#include "parley/negotiate/channels.hpp"
#include "parley/negotiate/mechanism.hpp"
#include "parley/core/win_set.hpp"
#include "parley/negotiate/negotiator.hpp"
#include "parley/negotiate/ratification_belief.hpp"
#include "parley/negotiate/stage_plan.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley {

class CompiledScenario;  // compiled.hpp

enum class NegotiatorRole : std::uint8_t { party, ratifier };

// What the stage runner asks a NegotiatorFactory for.
struct NegotiatorRequest {
  std::size_t actor = 0;
  std::size_t stage = 0;
  NegotiatorRole role = NegotiatorRole::party;
  const StrategySpec* strategy = nullptr;
  std::uint64_t seed = 0;
};
// Makes the negotiator of a request. Default: make_negotiator(*request.strategy, seed). Tests
// wrap it to record what each negotiator receives.
using NegotiatorFactory = std::function<std::unique_ptr<Negotiator>(const NegotiatorRequest& request)>;

struct StagedOptions {
  // Actor index → strategy: explicit choices (the command line's --strategy ACTOR=...). They
  // override the actor's own Actor::strategy; an actor with either counts as having an
  // explicit strategy (a ratifier then votes with it).
  std::map<std::size_t, StrategySpec> strategies;
  StrategySpec default_strategy{"boulware", {}};  // every other party
  std::optional<std::size_t> only_stage;  // run this stage alone, as if what it waits for held
  std::optional<std::int32_t> deadline;  // rounds; overrides every stage's deadline
  std::uint64_t seed = 0;
  // What the discount exponent counts; time carries across stages in these units.
  // relative_time (default): each stage is one unit of time (GENIUS); rounds: rounds.
  DiscountClock clock = DiscountClock::relative_time;
  std::uint64_t max_linked_outcomes = kDefaultMaxLinkedOutcomes;
  // Fill StagedResult::trace. false: no TraceRecord is built (nor the observers of any
  // event worked out); every other field of the result is the same as with true.
  bool record_trace = true;
  bool analyze = true;  // Pareto frontier, Nash and Kalai–Smorodinsky points per stage
  // Memory a stage's tables and analysis may take (core/limits.hpp), for
  // run_staged(const Scenario&, ...); a CompiledScenario carries its own.
  std::uint64_t max_memory_bytes = kDefaultMemoryLimit;
  NegotiatorFactory factory;  // empty: the registry's negotiators
};

enum class StageStatus : std::uint8_t {
  agreement,  // agreed at the table and ratified: holds
  partial,    // some issues agreed in principle, not all
  rejected,   // agreed at the table, vetoed by a ratifier
  failure,    // no agreement (deadline, walk-out, or fewer than two parties)
  blocked,    // not run: a stage it waits for did not hold (on_failure: stop)
  settled,    // not run: every issue was decided earlier; holds
};
const char* to_string(StageStatus status);
bool holds(StageStatus status);  // agreement or settled

// Why a stage ended as it did, as data; describe() turns it into the sentence the CLI and
// the JSON document print.
enum class StageEnd : std::uint8_t {
  agreed,            // agreed at the table in `rounds` rounds (and ratified when `ratified`)
  vetoed,            // agreed at the table in `rounds` rounds, vetoed by `vetoed_by`
  deadline_passed,   // no agreement after `rounds` rounds
  walked_out,        // `actor` walked away in round `rounds`
  too_few_parties,   // fewer than two parties at the table have a stake (`actor`: the one)
  nothing_left,      // every issue was decided by an earlier stage (status settled)
  blocked_by_stage,  // not run: `stage` did not hold (`stage_status`; blocked: it did not run)
};
const char* to_string(StageEnd end);  // the enumerator's name, e.g. "deadline_passed"

struct StageReason {
  StageEnd end = StageEnd::deadline_passed;
  std::int32_t rounds = 0;  // agreed, vetoed, deadline_passed, walked_out
  std::optional<std::size_t> actor;  // walked_out: who; too_few_parties: the only party, if any
  std::vector<std::size_t> vetoed_by;  // vetoed: the ratifiers who vetoed, in vote order
  std::optional<std::size_t> stage;  // blocked_by_stage: the stage it waited for
  StageStatus stage_status = StageStatus::failure;  // blocked_by_stage: that stage's status
  bool ratified = false;  // agreed: ratifiers outside the channel accepted (none: false)
  bool in_principle = false;  // deadline_passed, walked_out: some issues agreed in principle
};

// The reason in words, e.g. "deadline passed after 30 rounds without agreement" or
// "truce did not hold (rejected; on_failure: stop)". REQUIRES: every actor and stage index
// in `reason` is one of `scenario`'s.
std::string describe(const StageReason& reason, const Scenario& scenario);

struct ActorUtility {
  std::size_t actor = 0;
  double utility = 0;  // of the agreement over the agenda (reservation value without one)
  double discounted = 0;  // utility · δ^(time offset + elapsed)
  double reservation = 0;
  double gain = 0;  // utility − reservation
};

struct RatificationVote {
  std::size_t actor = 0;
  double utility = 0;
  double reservation = 0;
  bool accepted = false;
  std::string strategy;  // empty: the reservation-value rule decided
};

struct Concession {
  std::size_t actor = 0;
  double best = 0;  // the party's best utility in the space
  double lowest_offer = 0;  // own utility of its most conceding offer; NaN if it made none
  double conceded = 0;  // best − lowest_offer; NaN if it made no offer
};

struct PartyBelief {
  std::size_t actor = 0;
  std::vector<RatifierView> views;  // per ratifier, in StageResult::ratifiers order
};

struct StageResult {
  std::size_t stage = 0;
  StageStatus status = StageStatus::failure;
  StageReason reason;  // why it ended so; describe(reason, scenario) says it in words
  StageRules rules;
  Agenda agenda;
  OutcomeSpace space;  // over agenda.issues
  std::vector<std::size_t> merged_from;  // failed stages whose open issues were merged in
  std::vector<std::size_t> parties;  // at the table (actor indices, party order)
  std::vector<std::string> strategies;  // per party, registry text
  std::vector<std::size_t> ratifiers;
  std::vector<std::size_t> stakeholders;  // every actor with a stake in the agenda
  std::int32_t rounds = 0;  // rounds begun
  std::int32_t moves = 0;  // moves made at the table
  double time_offset = 0;  // clock units elapsed before the stage
  double elapsed = 0;  // clock units the stage took
  std::optional<Outcome> agreement;  // agreed at the table (also when later vetoed)
  std::vector<std::int32_t> agreed_in_principle;  // per space issue: value index, -1 open
  std::optional<std::size_t> ended_by;  // actor who walked away
  std::vector<RatificationVote> ratification;
  std::vector<ActorUtility> utilities;  // per stakeholder
  // Analysis for the parties and ratifiers with a stake (whose consent the stage needs).
  std::vector<std::size_t> analysis_parties;
  // Null unless StagedOptions::analyze. Immutable and shared: runs through one
  // CompiledScenario share the same Analysis of a stage's agenda (not a copy per run).
  std::shared_ptr<const Analysis> analysis;
  std::optional<Distances> distances;  // of the agreement's utilities
  std::vector<Concession> concessions;  // per party
  // Two-level games: each party whose negotiator uses a ratification belief (e.g.
  // ratification_aware), and its view of each ratifier (ratification_belief.hpp), after
  // announcements at the table; in party order.
  std::vector<PartyBelief> beliefs;
  // The stage's win-set (core/win_set.hpp) for analysis_parties. Null unless
  // StagedOptions::analyze; shared like `analysis`.
  std::shared_ptr<const WinSet> win_set;
  // Whether the agreement (if any) lies in the win-set: every analysis party accepts it.
  std::optional<bool> agreement_in_win_set;
  std::optional<std::size_t> conceded_most;  // actor
};

// Where each scenario issue ended up.
struct IssueDecision {
  std::optional<std::uint32_t> value;  // value index; none if open
  std::optional<std::size_t> stage;  // the stage that decided it
  bool in_principle = false;  // agreed in principle only (a partial agreement)
};

// One event of the staged negotiation, as the trace records it.
enum class RecordKind : std::uint8_t {
  talks,          // the stage opens (sender: none)
  offer, accept, reject, no_offer, end, text, agreed_in_principle, reopen,  // at the table
  agreement, timeout,  // the mechanism's end
  ratification,  // the agreement is put to a ratifier (addressee)
  ratified, vetoed,  // a ratifier's answer (sender: the ratifier)
  announcement,  // the stage's decision is announced (outcome: the agreement, if it holds)
  constraint,  // a party ties its hands: announces its view of the ratifiers at the table
  blocked,  // the stage did not run
};
const char* to_string(RecordKind kind);

struct TraceRecord {
  std::size_t stage = 0;
  std::optional<std::size_t> channel;
  RecordKind kind = RecordKind::talks;
  std::int32_t round = -1;  // protocol round; -1 outside the talks
  double time = 0;  // relative time in the stage [0, 1]
  double clock = 0;  // time offset + elapsed, in clock units
  std::optional<std::size_t> sender;  // actor
  std::optional<std::size_t> addressee;  // ratification: the ratifier
  std::optional<Outcome> outcome;  // over the stage's space
  std::int32_t issue = -1;  // space issue (agreed in principle, reopen)
  std::int32_t value = -1;
  std::vector<double> utilities;  // per stakeholder of the stage, of `outcome` (empty without)
  std::vector<std::size_t> observers;  // actors who observed the event (never the sender)
};

struct StagedResult {
  std::vector<StageResult> stages;  // in run order
  std::vector<IssueDecision> issues;  // per scenario issue
  // Per actor: the salience-weighted mean over the stages it has a stake in of its
  // discounted utility of each stage's result (its discounted reservation value for a stage
  // without agreement, its plain reservation value for a stage not run). NaN without stake.
  std::vector<double> overall;
  std::vector<TraceRecord> trace;
  DiscountClock clock = DiscountClock::relative_time;
  std::uint64_t seed = 0;
  std::vector<std::string> strategies;  // per actor: the strategy it would use ("" if none)
};

// Runs the scenario's stages. Throws parley::Error for settings a user can fix (a stage rule,
// protocol name or setting, strategy for an actor) and std::invalid_argument for broken
// requirements.
// Compiles the scenario for this one call (compiled.hpp) and runs it.
StagedResult run_staged(const Scenario& scenario, const StagedOptions& options = {});
// Runs through a compiled scenario, reusing (and filling) its per-stage cache: the result is
// bit-identical to run_staged(compiled.scenario(), options). Safe to call on one `compiled`
// from many threads at once (each with its own options and factory).
StagedResult run_staged(const CompiledScenario& compiled, const StagedOptions& options = {});

}  // namespace parley
