// The channel layer: who observes what, and isolation on the flagship — a non-member's
// strategy never receives a member's offer.

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "parley/io/load.hpp"
#include "parley/negotiate/channels.hpp"
#include "parley/negotiate/staged.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley {
namespace {

const std::string kFlagship = std::string(PARLEY_TEST_DATA) + "/../../scenarios/talks-2025.yaml";

bool has(const std::vector<std::size_t>& items, std::size_t item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

Channel channel_of(std::vector<std::size_t> members, Visibility visibility) {
  Channel channel;
  channel.id = "c";
  channel.members = std::move(members);
  channel.outsiders_see = visibility;
  return channel;
}

TEST(StageChannel, MembersSeeEverythingOutsidersPerVisibility) {
  // Actors 0 and 1 are members; 2 and 3 are outside.
  for (Visibility v : {Visibility::nothing, Visibility::talks, Visibility::decisions}) {
    const StageChannel channel(4, channel_of({0, 1}, v));
    for (std::size_t member : {0u, 1u}) {
      EXPECT_TRUE(channel.is_member(member));
      for (Disclosure d : {Disclosure::talks, Disclosure::table, Disclosure::decision, Disclosure::ratification})
        EXPECT_TRUE(channel.observes(member, d, std::size_t{2})) << to_string(v);
    }
    for (std::size_t outsider : {2u, 3u}) {
      EXPECT_FALSE(channel.is_member(outsider));
      EXPECT_FALSE(channel.observes(outsider, Disclosure::table)) << to_string(v);
      EXPECT_EQ(channel.observes(outsider, Disclosure::talks), v != Visibility::nothing) << to_string(v);
      EXPECT_EQ(channel.observes(outsider, Disclosure::decision), v == Visibility::decisions) << to_string(v);
    }
    // A ratification is shown to the members and to its addressee only.
    EXPECT_TRUE(channel.observes(2, Disclosure::ratification, std::size_t{2}));
    EXPECT_FALSE(channel.observes(3, Disclosure::ratification, std::size_t{2}));
    EXPECT_EQ(channel.observers(Disclosure::ratification, std::nullopt, std::size_t{2}),
              (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_EQ(channel.observers(Disclosure::ratification, std::size_t{2}, std::size_t{2}),
              (std::vector<std::size_t>{0, 1}));
  }
}

TEST(StageChannel, NoChannelMeansEveryoneAtTheTable) {
  const StageChannel channel(3, std::nullopt);
  EXPECT_FALSE(channel.channel().has_value());
  for (std::size_t a = 0; a < 3; ++a) {
    EXPECT_TRUE(channel.observes(a, Disclosure::table));
  }
  EXPECT_EQ(channel.observers(Disclosure::table, std::size_t{1}), (std::vector<std::size_t>{0, 2}));
}

TEST(StageChannel, NonPartyMembersSeeOnlyPublicTableEvents) {
  const StageChannel channel(3, channel_of({0, 1, 2}, Visibility::nothing));
  EXPECT_TRUE(channel.observes(2, Disclosure::table, std::nullopt, true));
  EXPECT_FALSE(channel.observes(2, Disclosure::table, std::nullopt, false));
}

TEST(StageChannel, HookNarrowsToMembers) {
  // Parties 0, 1, 2 are actors 3, 0, 1; only actors 0 and 1 are members.
  const StageChannel channel(4, channel_of({0, 1}, Visibility::decisions));
  const VisibilityHook hook = channel.table_hook({3, 0, 1});
  Event event;
  EXPECT_EQ(hook(event, all_parties(3)), party_bit(1) | party_bit(2));
  EXPECT_EQ(hook(event, party_bit(0)), PartySet{0});
}

TEST(StageChannel, FlagshipStages) {
  const Scenario scenario = load_scenario(kFlagship);
  const StageChannel truce(scenario, *scenario.find_stage("truce"));
  const std::size_t us = *scenario.find_actor("us"), ru = *scenario.find_actor("ru"), ua = *scenario.find_actor("ua");
  EXPECT_TRUE(truce.is_member(us));
  EXPECT_TRUE(truce.is_member(ru));
  EXPECT_FALSE(truce.is_member(ua));
  EXPECT_EQ(truce.outsiders_see(), Visibility::decisions);
  EXPECT_EQ(truce.observers(Disclosure::table, us), std::vector<std::size_t>{ru});
  EXPECT_EQ(truce.observers(Disclosure::decision).size(), scenario.actors.size());
}

// Records everything a negotiator receives, then passes it on.
struct Received {
  std::size_t actor = 0;
  std::size_t stage = 0;
  NegotiatorRole role = NegotiatorRole::party;
  std::vector<Event> observed;
  std::vector<Turn> turns;
};

class Recorder : public Negotiator {
 public:
  Recorder(std::unique_ptr<Negotiator> inner, Received* log) : inner_(std::move(inner)), log_(log) {}
  void on_start(const NegotiatorContext& context) override { inner_->on_start(context); }
  Reply act(const Turn& turn) override {
    log_->turns.push_back(turn);
    return inner_->act(turn);
  }
  void observe(const Event& event) override {
    log_->observed.push_back(event);
    inner_->observe(event);
  }
  void on_end(OutcomeIndex agreement) override { inner_->on_end(agreement); }
  std::string name() const override { return inner_->name(); }

 private:
  std::unique_ptr<Negotiator> inner_;
  Received* log_;
};

struct RecordedRun {
  StagedResult result;
  std::vector<std::unique_ptr<Received>> logs;
};

RecordedRun run_recorded(const Scenario& scenario, StagedOptions options) {
  RecordedRun run;
  auto* logs = &run.logs;
  options.factory = [logs](const NegotiatorRequest& request) -> std::unique_ptr<Negotiator> {
    logs->push_back(std::make_unique<Received>());
    Received* log = logs->back().get();
    log->actor = request.actor;
    log->stage = request.stage;
    log->role = request.role;
    return std::make_unique<Recorder>(make_negotiator(*request.strategy, request.seed), log);
  };
  run.result = run_staged(scenario, options);
  return run;
}

// Every actor gets an explicit strategy, so the ratifiers' strategies exist and are recorded.
StagedOptions explicit_strategies(const Scenario& scenario, const std::string& spec) {
  StagedOptions options;
  for (std::size_t a = 0; a < scenario.actors.size(); ++a) options.strategies[a] = parse_strategy(spec);
  options.analyze = false;
  return options;
}

TEST(ChannelIsolation, FlagshipNonMembersNeverReceiveAMembersOffer) {
  const Scenario scenario = load_scenario(kFlagship);
  const std::size_t us = *scenario.find_actor("us"), ru = *scenario.find_actor("ru");
  for (const char* spec : {"conceder", "linear", "boulware"}) {
    SCOPED_TRACE(spec);
    RecordedRun run = run_recorded(scenario, explicit_strategies(scenario, spec));
    const StagedResult& result = run.result;
    ASSERT_FALSE(result.stages.empty());
    // The truce agrees at the table, so its ratifier's strategy is asked; the flagship's
    // ratifiers are outside us-ru.
    ASSERT_TRUE(result.stages.front().agreement.has_value());
    bool ratifier_asked = false;
    for (const auto& log : run.logs) {
      const bool member = log->actor == us || log->actor == ru;
      if (member) {
        EXPECT_EQ(log->role, NegotiatorRole::party);
        continue;
      }
      // A non-member's strategy exists only to ratify; it observes nothing of the talks and
      // gets one turn: the agreement, put to it by the mechanism.
      EXPECT_EQ(log->role, NegotiatorRole::ratifier);
      EXPECT_TRUE(log->observed.empty()) << scenario.actors[log->actor].id << " observed the talks";
      ASSERT_EQ(log->turns.size(), 1u);
      EXPECT_EQ(log->turns[0].kind, TurnKind::respond);
      EXPECT_EQ(log->turns[0].proposer, kMechanism);
      const StageResult* stage = nullptr;
      for (const StageResult& r : result.stages)
        if (r.stage == log->stage) stage = &r;
      ASSERT_NE(stage, nullptr);
      ASSERT_TRUE(stage->agreement.has_value());
      EXPECT_EQ(log->turns[0].offer, OutcomeIndex(stage->space.encode(*stage->agreement)));
      ratifier_asked = true;
    }
    EXPECT_TRUE(ratifier_asked);
    // Members observed offers only from the other party at the table (us and ru are the
    // only two parties of both stages).
    for (const auto& log : run.logs) {
      if (log->role != NegotiatorRole::party) continue;
      for (const Event& event : log->observed) {
        if (event.kind != EventKind::offer) continue;
        EXPECT_GE(event.sender, 0);
        EXPECT_LT(event.sender, 2);
      }
    }
  }
}

TEST(ChannelIsolation, FlagshipTraceShowsTableEventsToMembersOnly) {
  const Scenario scenario = load_scenario(kFlagship);
  const std::size_t us = *scenario.find_actor("us"), ru = *scenario.find_actor("ru");
  StagedOptions options;
  options.analyze = false;
  const StagedResult result = run_staged(scenario, options);
  std::size_t table_events = 0, announcements = 0;
  for (const TraceRecord& record : result.trace) {
    switch (record.kind) {
      case RecordKind::offer:
      case RecordKind::accept:
      case RecordKind::reject:
      case RecordKind::no_offer:
      case RecordKind::end:
      case RecordKind::agreement:
      case RecordKind::timeout:
        ++table_events;
        for (std::size_t observer : record.observers) {
          EXPECT_TRUE(observer == us || observer == ru);
        }
        if (record.sender) {
          EXPECT_TRUE(*record.sender == us || *record.sender == ru);
        }
        break;
      case RecordKind::ratification:
        ASSERT_TRUE(record.addressee.has_value());
        for (std::size_t observer : record.observers)
          EXPECT_TRUE(observer == us || observer == ru || observer == *record.addressee);
        break;
      case RecordKind::announcement:
        ++announcements;
        // us-ru: outsiders see announced decisions, so everyone observes the announcement.
        EXPECT_EQ(record.observers.size(), scenario.actors.size());
        break;
      default: break;
    }
  }
  EXPECT_GT(table_events, 10u);
  EXPECT_GE(announcements, 1u);
}

TEST(ChannelIsolation, ClosedChannelHidesEvenTheTalks) {
  Scenario scenario = load_scenario(kFlagship);
  scenario.channels[*scenario.find_channel("us-ru")].outsiders_see = Visibility::nothing;
  StagedOptions options;
  options.analyze = false;
  const StagedResult result = run_staged(scenario, options);
  const std::size_t us = *scenario.find_actor("us"), ru = *scenario.find_actor("ru");
  for (const TraceRecord& record : result.trace) {
    if (record.kind == RecordKind::ratification || record.kind == RecordKind::ratified ||
        record.kind == RecordKind::vetoed)
      continue;  // a ratifier is always shown what it ratifies
    for (std::size_t observer : record.observers)
      EXPECT_TRUE(observer == us || observer == ru) << to_string(record.kind) << " seen by " << observer;
  }
}

TEST(ChannelIsolation, TalksVisibilityShowsTheTalksNotTheDecision) {
  Scenario scenario = load_scenario(kFlagship);
  scenario.channels[*scenario.find_channel("us-ru")].outsiders_see = Visibility::talks;
  StagedOptions options;
  options.analyze = false;
  const StagedResult result = run_staged(scenario, options);
  const std::size_t cn = *scenario.find_actor("cn");
  bool saw_talks = false;
  for (const TraceRecord& record : result.trace) {
    if (record.kind == RecordKind::talks) saw_talks = saw_talks || has(record.observers, cn);
    if (record.kind == RecordKind::announcement) {
      EXPECT_FALSE(has(record.observers, cn));
    }
    if (record.kind == RecordKind::offer) {
      EXPECT_FALSE(has(record.observers, cn));
    }
  }
  EXPECT_TRUE(saw_talks);
}

TEST(ChannelIsolation, OpenFormatPutsEveryoneWithAStakeAtTheTable) {
  const Scenario scenario = load_scenario(kFlagship, "open-format");
  const std::size_t ua = *scenario.find_actor("ua");
  RecordedRun run = run_recorded(scenario, explicit_strategies(scenario, "conceder"));
  bool ua_saw_an_offer = false;
  for (const auto& log : run.logs) {
    EXPECT_EQ(log->role, NegotiatorRole::party);  // nobody is outside the public channel
    if (log->actor == ua)
      for (const Event& event : log->observed) ua_saw_an_offer = ua_saw_an_offer || event.kind == EventKind::offer;
  }
  EXPECT_TRUE(ua_saw_an_offer);
  for (const StageResult& r : run.result.stages) {
    EXPECT_TRUE(r.ratifiers.empty());
  }
}

}  // namespace
}  // namespace parley
