// The `uncertainty:` section of the scenario format: reading, writing, variants.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "parley/core/uncertainty.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley {
namespace {

const std::string kBase = R"(name: Uncertain talks
issues:
  ceasefire:
    options: [none, truce, full 30-day, permanent]
    ordered: true
  aid:
    range: [0, 100]
actors:
  us:
    capability: 100
    stances:
      ceasefire: {position: full 30-day, salience: 0.9}
      aid: {position: 60, salience: 0.4}
  ru:
    capability: 80
    stances:
      ceasefire: {position: truce, salience: 0.6}
      aid: {position: 0}
)";

const std::string kUncertainty = R"(uncertainty:
  - actor: us
    salience: {issue: aid, normal: {sd: 0.1, min: 0.1, max: 0.9}}
    note: why we are unsure
  - actor: ru
    position: {issue: ceasefire, triangular: [none, truce, full 30-day]}
  - actor: ru
    position: {issue: aid, uniform: [0, 20]}
  - actor: us
    reservation: {choice: {values: [0.2, 0.3], weights: [1, 2]}}
  - actor: ru
    strategy: {choice: [boulware, "boulware:e=2"]}
  - actor: us
    discount: {normal: {mean: 0.9, sd: 0.05}}
  - actor: ru
    capability: {choice: [60, 80]}
)";

TEST(ScenarioYamlUncertainty, ReadsEveryDistributionAndTarget) {
  const Scenario s = parse_scenario_yaml(kBase + kUncertainty, "u.yaml");
  ASSERT_EQ(s.uncertainty.size(), 7u);
  const UncertainInput& salience = s.uncertainty[0];
  EXPECT_EQ(salience.actor, 0u);
  EXPECT_EQ(salience.field, UncertainField::salience);
  EXPECT_EQ(salience.issue, 1u);
  EXPECT_EQ(salience.distribution.kind, DistributionKind::normal);
  EXPECT_FALSE(salience.distribution.mean.has_value());  // the stated value
  EXPECT_EQ(salience.distribution.sd, 0.1);
  EXPECT_EQ(salience.distribution.min, 0.1);
  EXPECT_EQ(salience.distribution.max, 0.9);
  EXPECT_EQ(salience.note, "why we are unsure");
  const Distribution& ceasefire = s.uncertainty[1].distribution;  // option names become value indices
  EXPECT_EQ(ceasefire.kind, DistributionKind::triangular);
  EXPECT_EQ(ceasefire.min, 0);
  EXPECT_EQ(ceasefire.mode, 1);
  EXPECT_EQ(ceasefire.max, 2);
  EXPECT_EQ(s.uncertainty[2].distribution.kind, DistributionKind::uniform);
  EXPECT_EQ(s.uncertainty[3].distribution.values, (std::vector<double>{0.2, 0.3}));
  EXPECT_EQ(s.uncertainty[3].distribution.weights, (std::vector<double>{1, 2}));
  EXPECT_EQ(s.uncertainty[4].field, UncertainField::strategy);
  EXPECT_EQ(s.uncertainty[4].distribution.strategies, (std::vector<std::string>{"boulware", "boulware:e=2"}));
  EXPECT_EQ(s.uncertainty[5].distribution.mean, 0.9);
  EXPECT_EQ(input_label(s, s.uncertainty[1]), "ru.position.ceasefire");
}

TEST(ScenarioYamlUncertainty, RoundTripsThroughTheWriter) {
  const Scenario s = parse_scenario_yaml(kBase + kUncertainty, "u.yaml");
  const std::string yaml = scenario_to_yaml(s);
  EXPECT_NE(yaml.find("position: {issue: ceasefire, triangular: [none, truce, full 30-day]}"), std::string::npos)
      << yaml;
  const Scenario back = parse_scenario_yaml(yaml, "written.yaml");
  EXPECT_TRUE(back.uncertainty == s.uncertainty);
  EXPECT_TRUE(back == s);
  EXPECT_EQ(scenario_to_yaml(back), yaml);
}

TEST(ScenarioYamlUncertainty, TheFlagshipRoundTrips) {
  const Scenario s =
      load_scenario_yaml(std::filesystem::path(PARLEY_TEST_DATA) / ".." / ".." / "scenarios" / "talks-2025.yaml");
  EXPECT_GE(s.uncertainty.size(), 10u);
  for (const UncertainInput& input : s.uncertainty) EXPECT_FALSE(input.note.empty()) << input_label(s, input);
  const Scenario back = parse_scenario_yaml(scenario_to_yaml(s), "written.yaml");
  EXPECT_TRUE(back == s);
}

TEST(ScenarioYamlUncertainty, VariantsSetAddAndRemoveUncertainty) {
  const std::string variants = R"(variants:
  wider:
    set:
      uncertainty.0.salience.normal.sd: 0.3
  sure:
    set:
      uncertainty: ~
  capability:
    set:
      uncertainty.0.capability: {uniform: [50, 150]}
      uncertainty.0.salience: ~
)";
  const std::string text = kBase + kUncertainty + variants;
  EXPECT_EQ(parse_scenario_yaml(text, "u.yaml", "wider").uncertainty[0].distribution.sd, 0.3);
  EXPECT_TRUE(parse_scenario_yaml(text, "u.yaml", "sure").uncertainty.empty());
  const Scenario capability = parse_scenario_yaml(text, "u.yaml", "capability");
  EXPECT_EQ(capability.uncertainty[0].field, UncertainField::capability);
  EXPECT_EQ(capability.uncertainty[0].distribution.max, 150);
  // A file without the section gains one through a variant.
  const Scenario added = parse_scenario_yaml(kBase +
                                                 "variants:\n  unsure:\n    set:\n      uncertainty: [{actor: us, "
                                                 "discount: {uniform: [0.8, 1]}}]\n",
                                             "u.yaml", "unsure");
  ASSERT_EQ(added.uncertainty.size(), 1u);
  EXPECT_EQ(added.uncertainty[0].field, UncertainField::discount);
}

TEST(ScenarioYamlUncertainty, ABadVariantValueIsReportedAtTheVariant) {
  const std::string text =
      kBase + kUncertainty + "variants:\n  bad:\n    set:\n      uncertainty.0.salience.normal.sd: -2\n";
  try {
    parse_scenario_yaml(text, "u.yaml");
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("u.yaml:38:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("sd -2 must be a number >= 0 (in variant 'bad')"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace parley
