#include "parley/core/validate.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "parley/core/error.hpp"

namespace parley {
namespace {

// Two actors on one continuous and one discrete issue, two stages in a channel: valid.
Scenario valid_scenario() {
  Scenario s;
  s.name = "test";
  Issue aid;
  aid.id = "aid";
  aid.lower = 0;
  aid.upper = 100;
  Issue format;
  format.id = "format";
  format.kind = IssueKind::discrete;
  format.options = {"closed", "open"};
  s.issues = {aid, format};
  for (const char* id : {"us", "ru"}) {
    Actor actor;
    actor.id = id;
    actor.stances = {Stance{40, 1, {}}, Stance{0, 0.5, {1.0, 0.0}}};
    s.actors.push_back(actor);
  }
  s.channels.push_back(Channel{"bilateral", "bilateral", {0, 1}, Visibility::decisions});
  Stage truce = all_issues_stage(2);
  truce.id = "truce";
  truce.channel = 0;
  Stage settlement = all_issues_stage(2);
  settlement.id = "settlement";
  settlement.after = 0;
  s.stages = {truce, settlement};
  s.links.push_back(Link{{0, 1}, "package"});
  return s;
}

// The field validate() names for a broken copy of the valid scenario ("" when it passes).
std::string field_of(const std::function<void(Scenario&)>& breaks) {
  Scenario s = valid_scenario();
  breaks(s);
  try {
    validate(s);
  } catch (const Error& error) {
    EXPECT_TRUE(error.location().file.empty());
    EXPECT_FALSE(error.message().empty());
    return error.location().field;
  }
  return "";
}

TEST(Validate, AcceptsAValidScenario) {
  EXPECT_NO_THROW(validate(valid_scenario()));
  EXPECT_EQ(field_of([](Scenario&) {}), "");
}

TEST(Validate, NamesTheFieldThatBreaksEachInvariant) {
  EXPECT_EQ(field_of([](Scenario& s) { s.name.clear(); }), "name");
  EXPECT_EQ(field_of([](Scenario& s) { s.issues[1].id = "aid"; }), "issues.aid");
  EXPECT_EQ(field_of([](Scenario& s) { s.issues[0].id = "a b"; }), "issues.a b");
  EXPECT_EQ(field_of([](Scenario& s) { s.issues[0].upper = -1; }), "issues.aid.range");
  EXPECT_EQ(field_of([](Scenario& s) { s.issues[0].steps = 1; }), "issues.aid.steps");
  EXPECT_EQ(field_of([](Scenario& s) { s.issues[1].options = {"x", "x"}; }), "issues.format.options.1");
  EXPECT_EQ(field_of([](Scenario& s) { s.actors[1].reservation_value = 5; }), "actors.ru.reservation");
  EXPECT_EQ(field_of([](Scenario& s) { s.actors[0].discount = 0; }), "actors.us.discount");
  EXPECT_EQ(field_of([](Scenario& s) { s.actors[0].stances[0].position = 101; }), "actors.us.stances.aid.position");
  EXPECT_EQ(field_of([](Scenario& s) { s.actors[0].stances[1].values = {0.5}; }), "actors.us.stances.format.values");
  EXPECT_EQ(field_of([](Scenario& s) { s.actors[0].stances.pop_back(); }), "actors.us.stances");
  EXPECT_EQ(field_of([](Scenario& s) { s.channels[0].members = {0, 0}; }), "channels.bilateral.members.1");
  EXPECT_EQ(field_of([](Scenario& s) { s.stages[0].issues = {0, 7}; }), "stages.truce.issues.1");
  EXPECT_EQ(field_of([](Scenario& s) { s.stages[0].protocol.clear(); }), "stages.truce.protocol");
  EXPECT_EQ(field_of([](Scenario& s) { s.stages[1].deadline = 0; }), "stages.settlement.deadline");
  EXPECT_EQ(field_of([](Scenario& s) { s.stages[0].after = 1; }), "stages.truce.after");
  EXPECT_EQ(field_of([](Scenario& s) { s.links[0].issues = {0}; }), "links.0.issues");
}

TEST(Validate, AllIssuesStageCoversEveryIssueInOrder) {
  const Stage stage = all_issues_stage(3);
  EXPECT_EQ(stage.id, "all");
  EXPECT_EQ(stage.issues, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_FALSE(stage.channel);
}

TEST(ScenarioValues, CompareByValue) {
  Scenario a = valid_scenario();
  Scenario b = valid_scenario();
  EXPECT_EQ(a, b);
  b.actors[1].stances[0].salience = 0.9;
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

TEST(IssueValueText, OneFunctionInThreeStyles) {
  Issue issue;
  issue.id = "nato";
  issue.lower = 0;
  issue.upper = 100;
  issue.labels = {{0, "neutral"}, {100, "membership"}};
  EXPECT_EQ(issue.value_text(0, Issue::TextStyle::compact), "0");
  EXPECT_EQ(issue.value_text(0), "0 (neutral)");
  EXPECT_EQ(issue.value_text(4), "40");
  EXPECT_EQ(issue.value_text(4, Issue::TextStyle::described), "40 (between neutral and membership)");
  Issue format;
  format.kind = IssueKind::discrete;
  format.options = {"closed", "open"};
  EXPECT_EQ(format.value_text(1, Issue::TextStyle::compact), "open");
  Issue seats;
  seats.kind = IssueKind::integer;
  seats.lower = 1'000'000;
  seats.upper = 1'000'002;
  EXPECT_EQ(seats.value_text(2, Issue::TextStyle::compact), "1000002");
}

}  // namespace
}  // namespace parley
