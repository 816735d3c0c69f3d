// scenario_hash(): stable, blind to free text, sensitive to every value a run reads.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "parley/core/scenario_hash.hpp"

namespace parley {
namespace {

Scenario small_scenario() {
  Scenario s;
  s.name = "Small";
  s.description = "two actors, two issues";
  Issue aid;
  aid.id = "aid";
  aid.lower = 0;
  aid.upper = 100;
  aid.steps = 11;
  aid.labels = {{0, "none"}, {100, "all"}};
  Issue format;
  format.id = "format";
  format.kind = IssueKind::discrete;
  format.options = {"closed", "open"};
  s.issues = {aid, format};
  for (const char* id : {"us", "ru"}) {
    Actor a;
    a.id = id;
    a.name = std::string("the ") + id;
    a.stances = {{30, 1, {}}, {0, 0.5, {1.0, 0.0}}};
    a.reservation_value = 0.2;
    s.actors.push_back(a);
  }
  s.channels.push_back({"us-ru", "bilateral", {0, 1}, Visibility::decisions});
  Stage truce;
  truce.id = "truce";
  truce.issues = {0, 1};
  truce.channel = 0;
  truce.protocol_settings = {{"on_failure", "stop"}};
  s.stages.push_back(truce);
  s.links.push_back({{0, 1}, "a package"});
  return s;
}

TEST(ScenarioHash, SixteenHexDigitsAndStable) {
  const std::string h = scenario_hash(small_scenario());
  ASSERT_EQ(h.size(), 16u);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos) << h;
  EXPECT_EQ(scenario_hash(small_scenario()), h);
  // Pinned: the serialisation is part of the documented format. If this changes on purpose,
  // bump the format tag in scenario_hash.cpp and say so in docs/negotiation.md.
  EXPECT_EQ(scenario_hash(Scenario{}), "cf55113219f6e04c") << "empty scenario";
}

TEST(ScenarioHash, FreeTextDoesNotCount) {
  const std::string h = scenario_hash(small_scenario());
  Scenario s = small_scenario();
  s.name = "Other";
  s.description = "";
  s.issues[0].name = "Military aid";
  s.actors[0].name = "United States";
  s.actors[0].note = "from a survey";
  s.channels[0].name = "back channel";
  s.stages[0].name = "Truce talks";
  s.links[0].note = "";
  s.variants.push_back({"hawkish", "a variant", {"actors.us.discount"}, {"0.9"}});
  s.variant = "hawkish";
  EXPECT_EQ(scenario_hash(s), h);
  // Fields of another issue kind do not count either.
  s.issues[1].lower = 5;
  s.issues[1].steps = 3;
  EXPECT_EQ(scenario_hash(s), h);
  // −0 is 0.
  s.actors[1].stances[1].position = -0.0;
  EXPECT_EQ(scenario_hash(s), h);
}

TEST(ScenarioHash, EveryValueCounts) {
  const std::string h = scenario_hash(small_scenario());
  const std::vector<std::pair<const char*, std::function<void(Scenario&)>>> changes{
      {"issue id", [](Scenario& s) { s.issues[0].id = "aid2"; }},
      {"issue kind", [](Scenario& s) { s.issues[0].kind = IssueKind::integer; }},
      {"range", [](Scenario& s) { s.issues[0].upper = 99; }},
      {"steps", [](Scenario& s) { s.issues[0].steps = 21; }},
      {"label", [](Scenario& s) { s.issues[0].labels[1].label = "everything"; }},
      {"option", [](Scenario& s) { s.issues[1].options[1] = "wide open"; }},
      {"ordered", [](Scenario& s) { s.issues[1].ordered = true; }},
      {"reference point", [](Scenario& s) { s.issues[0].reference_point = 10; }},
      {"known outcome", [](Scenario& s) { s.issues[0].known_outcome = 40; }},
      {"actor id", [](Scenario& s) { s.actors[0].id = "usa"; }},
      {"capability", [](Scenario& s) { s.actors[0].capability = 2; }},
      {"position", [](Scenario& s) { s.actors[0].stances[0].position = 31; }},
      {"salience", [](Scenario& s) { s.actors[0].stances[0].salience = 0.9; }},
      {"values", [](Scenario& s) { s.actors[0].stances[1].values[1] = 0.1; }},
      {"shape", [](Scenario& s) { s.actors[0].shape = ValueShape::quadratic; }},
      {"reservation", [](Scenario& s) { s.actors[0].reservation_value = 0.3; }},
      {"risk", [](Scenario& s) { s.actors[0].risk = 0.5; }},
      {"discount", [](Scenario& s) { s.actors[0].discount = 0.9; }},
      {"rectangle", [](Scenario& s) { s.actors[0].rectangles.push_back({{{0, 1, 2}}, 1, false}); }},
      {"actor order", [](Scenario& s) { std::swap(s.actors[0], s.actors[1]); }},
      {"channel members", [](Scenario& s) { s.channels[0].members = {0}; }},
      {"visibility", [](Scenario& s) { s.channels[0].outsiders_see = Visibility::nothing; }},
      {"stage issues", [](Scenario& s) { s.stages[0].issues = {0}; }},
      {"stage channel", [](Scenario& s) { s.stages[0].channel.reset(); }},
      {"protocol", [](Scenario& s) { s.stages[0].protocol = "mediated"; }},
      {"setting", [](Scenario& s) { s.stages[0].protocol_settings["on_failure"] = "merge"; }},
      {"deadline", [](Scenario& s) { s.stages[0].deadline = 30; }},
      {"ratify", [](Scenario& s) { s.stages[0].ratify = {1}; }},
      {"after", [](Scenario& s) { s.stages[0].after = 0; }},
      {"link", [](Scenario& s) { s.links[0].issues = {0}; }},
  };
  for (const auto& [what, change] : changes) {
    Scenario s = small_scenario();
    change(s);
    EXPECT_NE(scenario_hash(s), h) << what;
  }
  // Rectangle scale counts only with rectangles.
  Scenario s = small_scenario();
  s.actors[0].rectangle_scale = 2;
  EXPECT_EQ(scenario_hash(s), h);
  s.actors[0].rectangles.push_back({{{0, 1, 2}}, 1, false});
  const std::string with = scenario_hash(s);
  s.actors[0].rectangle_scale = 3;
  EXPECT_NE(scenario_hash(s), with);
}

TEST(ScenarioHash, ListOfScenarios) {
  const std::vector<Scenario> one{small_scenario()};
  const std::vector<Scenario> two{small_scenario(), Scenario{}};
  const std::vector<Scenario> swapped{Scenario{}, small_scenario()};
  EXPECT_NE(scenario_hash(one), scenario_hash(small_scenario()));
  EXPECT_NE(scenario_hash(one), scenario_hash(two));
  EXPECT_NE(scenario_hash(two), scenario_hash(swapped));
  EXPECT_EQ(scenario_hash(two), scenario_hash(std::vector<Scenario>{small_scenario(), Scenario{}}));
}

}  // namespace
}  // namespace parley
