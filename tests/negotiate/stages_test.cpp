// Stage planning (order, rules, agendas with links) and the stage runner: ratification,
// staged failure, merge, packages, time carried across stages, determinism.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "parley/core/error.hpp"
#include "parley/io/load.hpp"
#include "parley/io/negotiation_json.hpp"
#include "parley/negotiate/stage_plan.hpp"
#include "parley/negotiate/staged.hpp"

namespace parley {
namespace {

const std::string kFlagship = std::string(PARLEY_TEST_DATA) + "/../../scenarios/talks-2025.yaml";
const std::string kStaged = std::string(PARLEY_TEST_DATA) + "/negotiate/staged.yaml";

std::vector<std::size_t> issues(const Scenario& scenario, std::initializer_list<const char*> ids) {
  std::vector<std::size_t> out;
  for (const char* id : ids) out.push_back(*scenario.find_issue(id));
  return out;
}

std::size_t stage(const Scenario& scenario, const char* id) { return *scenario.find_stage(id); }
std::size_t actor(const Scenario& scenario, const char* id) { return *scenario.find_actor(id); }

const StageResult& result_of(const StagedResult& result, const Scenario& scenario, const char* id) {
  for (const StageResult& r : result.stages)
    if (r.stage == stage(scenario, id)) return r;
  throw std::logic_error("no result for stage");
}

StagedOptions everyone(const Scenario& scenario, const char* spec) {
  StagedOptions options;
  options.default_strategy = parse_strategy(spec);
  (void)scenario;
  return options;
}

// ---- planning --------------------------------------------------------------------------

TEST(StageOrder, DependenciesFirstThenFileOrder) {
  Scenario scenario;
  scenario.stages.resize(3);
  scenario.stages[0].id = "settlement";
  scenario.stages[0].after = 2;
  scenario.stages[1].id = "side";
  scenario.stages[2].id = "truce";
  EXPECT_EQ(stage_order(scenario), (std::vector<std::size_t>{1, 2, 0}));
  const Scenario flagship = load_scenario(kFlagship);
  EXPECT_EQ(stage_order(flagship), (std::vector<std::size_t>{stage(flagship, "truce"), stage(flagship, "settlement")}));
}

TEST(StageRules, SettingsSplitIntoRulesAndProtocolSettings) {
  Scenario scenario = load_scenario(kFlagship);
  Stage& settlement = scenario.stages[stage(scenario, "settlement")];
  settlement.protocol_settings = {{"on_failure", "merge"},
                                  {"reopens", "ceasefire, aid"},
                                  {"links", "ignore"},
                                  {"nothing_agreed_until_all", "true"},
                                  {"mediator", "us"}};
  const StageRules rules = stage_rules(scenario, stage(scenario, "settlement"));
  EXPECT_EQ(rules.on_failure, OnFailure::merge);
  EXPECT_EQ(rules.reopens, issues(scenario, {"ceasefire", "aid"}));
  EXPECT_FALSE(rules.apply_links);
  EXPECT_TRUE(rules.nothing_agreed_until_all);
  EXPECT_EQ(rules.protocol_settings, (std::map<std::string, std::string>{{"mediator", "us"}}));
  const StageRules defaults = stage_rules(scenario, stage(scenario, "truce"));
  EXPECT_EQ(defaults.on_failure, OnFailure::stop);
  EXPECT_TRUE(defaults.apply_links);
  EXPECT_FALSE(defaults.nothing_agreed_until_all);
}

TEST(StageRules, BadValuesSayWhatIsAllowed) {
  Scenario scenario = load_scenario(kFlagship);
  Stage& truce = scenario.stages[stage(scenario, "truce")];
  const std::vector<std::pair<std::map<std::string, std::string>, std::string>> cases{
      {{{"on_failure", "retry"}}, "use stop, continue or merge"},
      {{{"links", "yes"}}, "use package or ignore"},
      {{{"nothing_agreed_until_all", "yes"}}, "use true or false"},
      {{{"reopens", "ceasfire"}}, "did you mean 'ceasefire'"}};
  for (const auto& c : cases) {
    truce.protocol_settings = c.first;
    try {
      (void)stage_rules(scenario, stage(scenario, "truce"));
      ADD_FAILURE() << c.second;
    } catch (const Error& e) {
      EXPECT_EQ(e.location().field, "stage truce");
      EXPECT_NE(std::string(e.what()).find(c.second), std::string::npos) << e.what();
    }
  }
}

TEST(Agenda, FlagshipLinksFormPackages) {
  const Scenario scenario = load_scenario(kFlagship);
  std::vector<bool> decided(scenario.issues.size(), false);
  // The truce pulls normalization in: embassies and trade against a truce.
  const Agenda truce = plan_agenda(scenario, stage(scenario, "truce"), {}, decided);
  EXPECT_EQ(truce.issues, issues(scenario, {"ceasefire", "aid", "normalization"}));
  EXPECT_EQ(truce.linked, issues(scenario, {"normalization"}));
  ASSERT_EQ(truce.links.size(), 1u);
  EXPECT_EQ(truce.links[0].link, 1u);

  // Once the truce decided its agenda, the settlement keeps normalization as decided and
  // takes Russia's distance from China as a package with sanctions relief.
  for (std::size_t i : truce.issues) decided[i] = true;
  const Agenda settlement = plan_agenda(scenario, stage(scenario, "settlement"), {}, decided);
  EXPECT_EQ(settlement.issues,
            issues(scenario, {"guarantees", "territory", "sanctions", "minerals", "europe_role", "china"}));
  EXPECT_EQ(settlement.decided, issues(scenario, {"normalization"}));
  EXPECT_EQ(settlement.linked, issues(scenario, {"china"}));
  // minerals <-> guarantees sit in the same stage: a package with nothing to add.
  bool minerals_link = false;
  for (const LinkUse& use : settlement.links)
    if (use.link == 2) minerals_link = use.added.empty() && !use.left_out;
  EXPECT_TRUE(minerals_link);
}

TEST(Agenda, LinksStayWithinTheOutcomeLimit) {
  const Scenario scenario = load_scenario(kFlagship);
  const std::vector<bool> decided(scenario.issues.size(), false);
  // The settlement alone has 11^6 outcomes; either package would multiply it beyond 4 million.
  const Agenda alone = plan_agenda(scenario, stage(scenario, "settlement"), {}, decided);
  EXPECT_EQ(alone.issues, scenario.stages[stage(scenario, "settlement")].issues);
  EXPECT_TRUE(alone.linked.empty());
  std::size_t left_out = 0;
  for (const LinkUse& use : alone.links) left_out += use.left_out ? 1 : 0;
  EXPECT_EQ(left_out, 2u);
  // With a higher limit, sanctions <-> china joins.
  const Agenda wide = plan_agenda(scenario, stage(scenario, "settlement"), {}, decided, {}, 20'000'000);
  EXPECT_EQ(wide.linked, issues(scenario, {"china"}));
}

TEST(Agenda, IgnoreLinksReopenAndMerge) {
  const Scenario scenario = load_scenario(kFlagship);
  std::vector<bool> decided(scenario.issues.size(), false);
  StageRules ignore;
  ignore.apply_links = false;
  EXPECT_EQ(plan_agenda(scenario, stage(scenario, "truce"), ignore, decided).issues,
            issues(scenario, {"ceasefire", "aid"}));

  decided[*scenario.find_issue("ceasefire")] = true;
  StageRules reopen;
  reopen.apply_links = false;
  reopen.reopens = issues(scenario, {"ceasefire"});
  const Agenda reopened = plan_agenda(scenario, stage(scenario, "truce"), reopen, decided);
  EXPECT_EQ(reopened.issues, issues(scenario, {"ceasefire", "aid"}));
  EXPECT_EQ(reopened.reopened, issues(scenario, {"ceasefire"}));
  EXPECT_EQ(plan_agenda(scenario, stage(scenario, "truce"), ignore, decided).issues, issues(scenario, {"aid"}));

  const Scenario small = load_scenario(kStaged);
  const std::vector<bool> none(small.issues.size(), false);
  StageRules plain;
  plain.apply_links = false;
  const Agenda merged = plan_agenda(small, stage(small, "deal"), plain, none, issues(small, {"x"}));
  EXPECT_EQ(merged.issues, issues(small, {"y", "x"}));
  EXPECT_EQ(merged.merged, issues(small, {"x"}));
}

// ---- reasons ---------------------------------------------------------------------------

TEST(StageReason, EachEndInWords) {
  Scenario scenario;
  scenario.actors.resize(3);
  scenario.actors[0].id = "us";
  scenario.actors[1].id = "ru";
  scenario.actors[2].id = "ua";
  scenario.stages.resize(2);
  scenario.stages[0].id = "truce";
  scenario.stages[1].id = "settlement";
  const auto text = [&scenario](const StageReason& reason) { return describe(reason, scenario); };

  StageReason r;
  r.end = StageEnd::agreed;
  r.rounds = 7;
  EXPECT_EQ(text(r), "agreed in round 7");
  r.ratified = true;
  EXPECT_EQ(text(r), "agreed in round 7 and ratified");
  r = {};
  r.end = StageEnd::vetoed;
  r.rounds = 3;
  r.vetoed_by = {2, 0};
  EXPECT_EQ(text(r), "agreed in round 3, vetoed by ua, us");
  r = {};
  r.end = StageEnd::deadline_passed;
  r.rounds = 30;
  EXPECT_EQ(text(r), "deadline passed after 30 rounds without agreement");
  r.in_principle = true;
  EXPECT_EQ(text(r), "deadline passed after 30 rounds without agreement; some issues agreed in principle");
  r = {};
  r.end = StageEnd::walked_out;
  r.rounds = 4;
  r.actor = 1;
  EXPECT_EQ(text(r), "ru walked away in round 4");
  r = {};
  r.end = StageEnd::too_few_parties;
  EXPECT_EQ(text(r), "nobody at the table has a stake in its issues");
  r.actor = 0;
  EXPECT_EQ(text(r), "only us at the table has a stake in its issues");
  r = {};
  r.end = StageEnd::nothing_left;
  EXPECT_EQ(text(r), "every issue was decided by an earlier stage");
  r = {};
  r.end = StageEnd::blocked_by_stage;
  r.stage = 0;
  r.stage_status = StageStatus::failure;
  EXPECT_EQ(text(r), "truce did not hold (failure; on_failure: stop)");
  r.stage_status = StageStatus::blocked;
  EXPECT_EQ(text(r), "truce did not run");

  EXPECT_STREQ(to_string(StageEnd::deadline_passed), "deadline_passed");
  EXPECT_STREQ(to_string(StageEnd::blocked_by_stage), "blocked_by_stage");
}

// ---- running ---------------------------------------------------------------------------

TEST(Staged, RatifierAcceptsWhenTheAgreementBeatsItsReservation) {
  const Scenario scenario = load_scenario(kStaged);
  const StagedResult result = run_staged(scenario, everyone(scenario, "conceder"));
  const StageResult& truce = result_of(result, scenario, "truce");
  ASSERT_TRUE(truce.agreement.has_value());
  EXPECT_EQ(truce.parties, (std::vector<std::size_t>{actor(scenario, "a"), actor(scenario, "b")}));
  EXPECT_EQ(truce.ratifiers, (std::vector<std::size_t>{actor(scenario, "c")}));
  ASSERT_EQ(truce.ratification.size(), 1u);
  const RatificationVote& vote = truce.ratification[0];
  EXPECT_GE(vote.utility, vote.reservation);
  EXPECT_TRUE(vote.accepted);
  EXPECT_TRUE(vote.strategy.empty());
  EXPECT_EQ(truce.status, StageStatus::agreement);
  const StageResult& deal = result_of(result, scenario, "deal");
  EXPECT_NE(deal.status, StageStatus::blocked);
  EXPECT_TRUE(result.issues[*scenario.find_issue("x")].value.has_value());
}

TEST(Staged, RatifierVetoFailsTheStageAndStopsTheNext) {
  Scenario scenario = load_scenario(kStaged);
  scenario.actors[actor(scenario, "c")].reservation_value = 0.99;
  const StagedResult result = run_staged(scenario, everyone(scenario, "conceder"));
  const StageResult& truce = result_of(result, scenario, "truce");
  ASSERT_TRUE(truce.agreement.has_value());  // agreed at the table ...
  EXPECT_EQ(truce.status, StageStatus::rejected);  // ... and vetoed
  ASSERT_EQ(truce.ratification.size(), 1u);
  EXPECT_FALSE(truce.ratification[0].accepted);
  EXPECT_EQ(truce.reason.end, StageEnd::vetoed);
  EXPECT_EQ(truce.reason.vetoed_by, (std::vector<std::size_t>{actor(scenario, "c")}));
  EXPECT_EQ(truce.reason.rounds, truce.rounds);
  EXPECT_EQ(describe(truce.reason, scenario), fmt::format("agreed in round {}, vetoed by c", truce.rounds));
  const StageResult& deal = result_of(result, scenario, "deal");
  EXPECT_EQ(deal.status, StageStatus::blocked);
  EXPECT_EQ(deal.reason.end, StageEnd::blocked_by_stage);
  EXPECT_EQ(deal.reason.stage, stage(scenario, "truce"));
  EXPECT_EQ(deal.reason.stage_status, StageStatus::rejected);
  EXPECT_EQ(describe(deal.reason, scenario), "truce did not hold (rejected; on_failure: stop)");
  for (const IssueDecision& d : result.issues) {
    EXPECT_FALSE(d.value.has_value());
  }
  const bool vetoed = std::any_of(result.trace.begin(), result.trace.end(), [&](const TraceRecord& record) {
    return record.kind == RecordKind::vetoed && record.sender == actor(scenario, "c");
  });
  EXPECT_TRUE(vetoed);
  // The blocked stage counts at the reservation value in the overall utility.
  EXPECT_LT(result.overall[actor(scenario, "c")], 0.99 + 1e-12);
}

TEST(Staged, RatifierStrategyDecidesWhenGiven) {
  Scenario scenario = load_scenario(kStaged);
  StagedOptions options = everyone(scenario, "conceder");
  options.strategies[actor(scenario, "c")] = parse_strategy("hardliner");
  const StagedResult result = run_staged(scenario, options);
  const StageResult& truce = result_of(result, scenario, "truce");
  ASSERT_TRUE(truce.agreement.has_value());
  ASSERT_EQ(truce.ratification.size(), 1u);
  const RatificationVote& vote = truce.ratification[0];
  EXPECT_EQ(vote.strategy, "hardliner");
  // A hard-liner accepts only its best outcome (x = 100, value index 10).
  const bool best = (*truce.agreement)[0] == 10;
  EXPECT_EQ(vote.accepted, best);
  if (!best) {
    EXPECT_GE(vote.utility, vote.reservation);  // the default rule would have accepted
  }
}

TEST(Staged, FailedTruceContinuesAndTimeCarriesOver) {
  Scenario scenario = load_scenario(kStaged);
  scenario.actors[actor(scenario, "c")].reservation_value = 0.99;
  scenario.stages[stage(scenario, "truce")].protocol_settings["on_failure"] = "continue";
  const StagedResult result = run_staged(scenario, everyone(scenario, "conceder"));
  const StageResult& truce = result_of(result, scenario, "truce");
  const StageResult& deal = result_of(result, scenario, "deal");
  EXPECT_EQ(truce.status, StageStatus::rejected);
  EXPECT_NE(deal.status, StageStatus::blocked);
  EXPECT_DOUBLE_EQ(truce.time_offset, 0);
  EXPECT_GT(truce.elapsed, 0);
  EXPECT_DOUBLE_EQ(deal.time_offset, truce.time_offset + truce.elapsed);
  // x stays open: continue does not merge it.
  EXPECT_EQ(std::count(deal.agenda.issues.begin(), deal.agenda.issues.end(), *scenario.find_issue("x")), 0);
  // Discounting runs on the carried clock: u · δ^(offset + elapsed).
  for (const ActorUtility& u : deal.utilities) {
    const double delta = scenario.actors[u.actor].discount;
    EXPECT_NEAR(u.discounted, u.utility * std::pow(delta, deal.time_offset + deal.elapsed), 1e-12);
  }
}

TEST(Staged, FailedTruceMergesIntoTheNextStage) {
  Scenario scenario = load_scenario(kStaged);
  scenario.actors[actor(scenario, "c")].reservation_value = 0.99;
  scenario.stages[stage(scenario, "truce")].protocol_settings["on_failure"] = "merge";
  const StagedResult result = run_staged(scenario, everyone(scenario, "conceder"));
  const StageResult& deal = result_of(result, scenario, "deal");
  EXPECT_NE(deal.status, StageStatus::blocked);
  EXPECT_EQ(deal.agenda.merged, issues(scenario, {"x"}));
  EXPECT_EQ(deal.merged_from, std::vector<std::size_t>{stage(scenario, "truce")});
  EXPECT_EQ(deal.agenda.issues, issues(scenario, {"y", "x", "w"}));
  EXPECT_EQ(deal.ratifiers, std::vector<std::size_t>{actor(scenario, "c")});
}

TEST(Staged, LinkedIssueIsBargainedAsAPackage) {
  const Scenario scenario = load_scenario(kStaged);
  const StagedResult result = run_staged(scenario, everyone(scenario, "conceder"));
  const StageResult& deal = result_of(result, scenario, "deal");
  ASSERT_EQ(deal.status, StageStatus::agreement) << describe(deal.reason, scenario);
  EXPECT_EQ(deal.agenda.issues, issues(scenario, {"y", "w"}));
  EXPECT_EQ(deal.agenda.linked, issues(scenario, {"w"}));
  ASSERT_EQ(deal.agreement->size(), 2u);
  // d cares only about w: it is a stakeholder outside the channel, neither party nor ratifier.
  const std::size_t d = actor(scenario, "d");
  EXPECT_TRUE(std::find(deal.stakeholders.begin(), deal.stakeholders.end(), d) != deal.stakeholders.end());
  EXPECT_TRUE(std::find(deal.parties.begin(), deal.parties.end(), d) == deal.parties.end());
  // Every offer at the table is a package over y and w.
  std::size_t offers = 0;
  for (const TraceRecord& record : result.trace) {
    if (record.stage != deal.stage || record.kind != RecordKind::offer) continue;
    ++offers;
    ASSERT_TRUE(record.outcome.has_value());
    EXPECT_EQ(record.outcome->size(), 2u);
    EXPECT_EQ(record.utilities.size(), deal.stakeholders.size());
  }
  EXPECT_GT(offers, 0u);
  EXPECT_TRUE(result.issues[*scenario.find_issue("w")].value.has_value());
  EXPECT_EQ(*result.issues[*scenario.find_issue("w")].stage, deal.stage);
}

// Agrees to whatever is put to it on the first issue of an issue-by-issue stage and blocks
// every later one (never offers, never accepts): the talks end with a partial agreement.
class FirstIssueOnly : public Negotiator {
 public:
  void on_start(const NegotiatorContext&) override {}
  Reply act(const Turn& turn) override {
    if (turn.kind == TurnKind::respond && turn.issue == 0) return Reply::accept();
    return Reply::reject();
  }
  std::string name() const override { return "first-issue-only"; }
};

// Never agrees to anything.
class Blocker : public Negotiator {
 public:
  void on_start(const NegotiatorContext&) override {}
  Reply act(const Turn&) override { return Reply::reject(); }
  std::string name() const override { return "blocker"; }
};

// Actor b plays `Agent`, everyone else its strategy from the registry.
template <typename Agent>
StagedOptions b_plays(const Scenario& scenario, const char* others) {
  StagedOptions options;
  options.default_strategy = parse_strategy(others);
  const std::size_t b = actor(scenario, "b");
  options.factory = [b](const NegotiatorRequest& request) -> std::unique_ptr<Negotiator> {
    if (request.actor == b && request.stage == 1) return std::make_unique<Agent>();
    return make_negotiator(*request.strategy, request.seed);
  };
  return options;
}

Scenario issue_by_issue_deal() {
  Scenario scenario = load_scenario(kStaged);
  Stage& deal = scenario.stages[stage(scenario, "deal")];
  deal.protocol = "issue_by_issue";
  return scenario;
}

TEST(Staged, PartialAgreementKeepsWhatWasAgreedInPrinciple) {
  const Scenario scenario = issue_by_issue_deal();
  ASSERT_EQ(stage(scenario, "deal"), 1u);
  const StagedResult result = run_staged(scenario, b_plays<FirstIssueOnly>(scenario, "conceder"));
  const StageResult& deal = result_of(result, scenario, "deal");
  ASSERT_EQ(deal.status, StageStatus::partial) << describe(deal.reason, scenario);
  EXPECT_EQ(deal.reason.end, StageEnd::deadline_passed);
  EXPECT_TRUE(deal.reason.in_principle);
  EXPECT_EQ(describe(deal.reason, scenario),
            fmt::format("deadline passed after {} rounds without agreement; some issues agreed in principle", deal.rounds));
  EXPECT_FALSE(deal.agreement.has_value());
  EXPECT_TRUE(deal.ratification.empty());  // nothing binding to ratify yet
  ASSERT_EQ(deal.agreed_in_principle.size(), 2u);
  EXPECT_GE(deal.agreed_in_principle[0], 0);
  EXPECT_LT(deal.agreed_in_principle[1], 0);
  const IssueDecision& y = result.issues[*scenario.find_issue("y")];
  ASSERT_TRUE(y.value.has_value());
  EXPECT_TRUE(y.in_principle);
  EXPECT_EQ(*y.value, std::uint32_t(deal.agreed_in_principle[0]));
  EXPECT_FALSE(result.issues[*scenario.find_issue("w")].value.has_value());
  const bool traced = std::any_of(result.trace.begin(), result.trace.end(), [&](const TraceRecord& record) {
    return record.kind == RecordKind::agreed_in_principle && record.stage == deal.stage && record.issue == 0;
  });
  EXPECT_TRUE(traced);
}

TEST(Staged, NothingAgreedUntilEverythingIsAgreed) {
  Scenario scenario = issue_by_issue_deal();
  scenario.stages[stage(scenario, "deal")].protocol_settings["nothing_agreed_until_all"] = "true";
  const StagedResult result = run_staged(scenario, b_plays<FirstIssueOnly>(scenario, "conceder"));
  EXPECT_EQ(result_of(result, scenario, "deal").status, StageStatus::partial);
  EXPECT_FALSE(result.issues[*scenario.find_issue("y")].value.has_value());
}

TEST(Staged, ReopenedIssueKeepsItsEarlierValueWhenTheTalksFail) {
  Scenario scenario = issue_by_issue_deal();
  scenario.stages[stage(scenario, "deal")].protocol_settings["reopens"] = "x";
  const StagedResult result = run_staged(scenario, b_plays<Blocker>(scenario, "conceder"));
  const StageResult& truce = result_of(result, scenario, "truce");
  const StageResult& deal = result_of(result, scenario, "deal");
  ASSERT_EQ(truce.status, StageStatus::agreement);
  EXPECT_EQ(deal.agenda.reopened, issues(scenario, {"x"}));
  // x enters the issue-by-issue talks as agreed in principle; carried in, it is no partial
  // agreement of the deal, and it stays decided by the truce.
  EXPECT_EQ(deal.status, StageStatus::failure) << describe(deal.reason, scenario);
  EXPECT_FALSE(deal.reason.in_principle);  // carried in, not agreed here
  const IssueDecision& x = result.issues[*scenario.find_issue("x")];
  ASSERT_TRUE(x.value.has_value());
  EXPECT_EQ(*x.stage, truce.stage);
  EXPECT_EQ(*x.value, (*truce.agreement)[0]);
}

TEST(Staged, SameSeedSameTraceDifferentSeedsDiffer) {
  const Scenario scenario = load_scenario(kFlagship);
  StagedOptions options;
  options.default_strategy = parse_strategy("random");
  options.analyze = false;
  options.seed = 11;
  const std::string first = trace_to_jsonl(scenario, run_staged(scenario, options));
  const std::string again = trace_to_jsonl(scenario, run_staged(scenario, options));
  EXPECT_EQ(first, again);
  bool differs = false;
  for (std::uint64_t seed : {12u, 13u, 14u}) {
    options.seed = seed;
    differs = differs || trace_to_jsonl(scenario, run_staged(scenario, options)) != first;
  }
  EXPECT_TRUE(differs);
}

TEST(Staged, OnlyStageRunsAloneFromTimeZero) {
  const Scenario scenario = load_scenario(kFlagship);
  StagedOptions options;
  options.only_stage = stage(scenario, "settlement");
  options.analyze = false;
  const StagedResult result = run_staged(scenario, options);
  ASSERT_EQ(result.stages.size(), 1u);
  EXPECT_EQ(result.stages[0].stage, stage(scenario, "settlement"));
  EXPECT_DOUBLE_EQ(result.stages[0].time_offset, 0);
  EXPECT_NE(result.stages[0].status, StageStatus::blocked);
}

TEST(Staged, FlagshipResultHasEveryPart) {
  const Scenario scenario = load_scenario(kFlagship);
  const StagedResult result = run_staged(scenario);
  ASSERT_EQ(result.stages.size(), 2u);
  const StageResult& truce = result.stages[0];
  EXPECT_EQ(truce.stage, stage(scenario, "truce"));
  EXPECT_EQ(truce.parties, (std::vector<std::size_t>{actor(scenario, "us"), actor(scenario, "ru")}));
  EXPECT_EQ(truce.ratifiers, (std::vector<std::size_t>{actor(scenario, "ua")}));
  ASSERT_TRUE(truce.analysis != nullptr);
  EXPECT_EQ(truce.analysis_parties, (std::vector<std::size_t>{actor(scenario, "us"), actor(scenario, "ru"),
                                                              actor(scenario, "ua")}));
  EXPECT_FALSE(truce.analysis->pareto.empty());
  if (truce.agreement) {
    ASSERT_TRUE(truce.distances.has_value());
    EXPECT_GE(truce.distances->pareto, 0);
  }
  EXPECT_EQ(truce.concessions.size(), 2u);
  EXPECT_GT(truce.rounds, 0);
  EXPECT_LE(truce.rounds, 30);
  const StageResult& settlement = result.stages[1];
  if (settlement.status != StageStatus::blocked) {
    EXPECT_EQ(settlement.ratifiers, (std::vector<std::size_t>{actor(scenario, "ua"), actor(scenario, "eu")}));
    EXPECT_DOUBLE_EQ(settlement.time_offset, truce.elapsed);
  }
  for (double u : result.overall)
    if (std::isfinite(u)) {
      EXPECT_GE(u, 0);
    }
}

}  // namespace
}  // namespace parley
