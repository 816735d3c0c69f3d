#include "parley/io/scenario_yaml.hpp"

#include <cmath>
#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "parley/io/files.hpp"
#include "parley/io/genius.hpp"
#include "parley/io/input_error.hpp"

namespace parley {
namespace {

const std::filesystem::path kData = PARLEY_TEST_DATA;

Scenario load(const std::string& name, const std::string& variant = "") {
  return load_scenario_yaml(kData / "scenarios" / name, variant);
}

// ---- field-by-field equality --------------------------------------------------------------

// The first difference between two scenarios ("actors[1].stances[0].salience: 0.5 vs 0.25"),
// or empty when they are equal in every field. Doubles compare exactly.
class Differ {
 public:
  std::string operator()(const Scenario& a, const Scenario& b) {
    same("name", a.name, b.name);
    same("description", a.description, b.description);
    list("issues", a.issues, b.issues, [&](const std::string& at, const Issue& x, const Issue& y) { issue(at, x, y); });
    list("actors", a.actors, b.actors, [&](const std::string& at, const Actor& x, const Actor& y) { actor(at, x, y); });
    list("channels", a.channels, b.channels, [&](const std::string& at, const Channel& x, const Channel& y) {
      same(at + ".id", x.id, y.id);
      same(at + ".name", x.name, y.name);
      same(at + ".members", x.members, y.members);
      same(at + ".outsiders_see", int(x.outsiders_see), int(y.outsiders_see));
    });
    list("stages", a.stages, b.stages, [&](const std::string& at, const Stage& x, const Stage& y) {
      same(at + ".id", x.id, y.id);
      same(at + ".name", x.name, y.name);
      same(at + ".issues", x.issues, y.issues);
      same(at + ".channel", x.channel, y.channel);
      same(at + ".protocol", x.protocol, y.protocol);
      same(at + ".protocol_settings", x.protocol_settings, y.protocol_settings);
      same(at + ".deadline", x.deadline, y.deadline);
      same(at + ".ratify", x.ratify, y.ratify);
      same(at + ".after", x.after, y.after);
    });
    list("links", a.links, b.links, [&](const std::string& at, const Link& x, const Link& y) {
      same(at + ".issues", x.issues, y.issues);
      same(at + ".note", x.note, y.note);
    });
    list("variants", a.variants, b.variants, [&](const std::string& at, const VariantSummary& x, const VariantSummary& y) {
      same(at + ".id", x.id, y.id);
      same(at + ".description", x.description, y.description);
      same(at + ".overrides", x.overrides, y.overrides);
      same(at + ".values", x.values, y.values);
    });
    same("uncertainty (equal)", a.uncertainty == b.uncertainty, true);
    same("variant", a.variant, b.variant);
    return first_;
  }

 private:
  void issue(const std::string& at, const Issue& x, const Issue& y) {
    same(at + ".id", x.id, y.id);
    same(at + ".name", x.name, y.name);
    same(at + ".kind", int(x.kind), int(y.kind));
    same(at + ".lower", x.lower, y.lower);
    same(at + ".upper", x.upper, y.upper);
    same(at + ".steps", x.steps, y.steps);
    list(at + ".labels", x.labels, y.labels, [&](const std::string& p, const LabelledPoint& u, const LabelledPoint& v) {
      same(p + ".at", u.at, v.at);
      same(p + ".label", u.label, v.label);
    });
    same(at + ".options", x.options, y.options);
    same(at + ".ordered", x.ordered, y.ordered);
    same(at + ".reference_point", x.reference_point, y.reference_point);
    same(at + ".known_outcome", x.known_outcome, y.known_outcome);
  }
  void actor(const std::string& at, const Actor& x, const Actor& y) {
    same(at + ".id", x.id, y.id);
    same(at + ".name", x.name, y.name);
    same(at + ".capability", x.capability, y.capability);
    list(at + ".stances", x.stances, y.stances, [&](const std::string& p, const Stance& u, const Stance& v) {
      same(p + ".position", u.position, v.position);
      same(p + ".salience", u.salience, v.salience);
      same(p + ".values", u.values, v.values);
    });
    same(at + ".shape", int(x.shape), int(y.shape));
    same(at + ".weights", int(x.weights), int(y.weights));
    same(at + ".reservation_value", x.reservation_value, y.reservation_value);
    same(at + ".risk", x.risk, y.risk);
    same(at + ".discount", x.discount, y.discount);
    same(at + ".strategy", x.strategy, y.strategy);
    list(at + ".rectangles", x.rectangles, y.rectangles,
         [&](const std::string& p, const HyperRectangle& u, const HyperRectangle& v) {
           same(p + ".utility", u.utility, v.utility);
           same(p + ".exclusive", u.exclusive, v.exclusive);
           list(p + ".bounds", u.bounds, v.bounds,
                [&](const std::string& q, const HyperRectangle::Bound& s, const HyperRectangle::Bound& t) {
                  same(q + ".issue", s.issue, t.issue);
                  same(q + ".min", s.min, t.min);
                  same(q + ".max", s.max, t.max);
                });
         });
    same(at + ".rectangle_scale", x.rectangle_scale, y.rectangle_scale);
    same(at + ".note", x.note, y.note);
  }

  template <typename T>
  static std::string show(const T& value) {
    std::ostringstream out;
    if constexpr (requires { out << value; }) {
      out.precision(17);
      out << value;
    } else if constexpr (requires { value.has_value(); }) {
      if (value) out << *value; else out << "none";
    } else if constexpr (requires { value.begin()->first; }) {
      for (const auto& [k, v] : value) out << k << "=" << v << " ";
    } else {
      out << "[";
      for (const auto& item : value) out << show(item) << ", ";
      out << "]";
    }
    return out.str();
  }
  template <typename T>
  void same(const std::string& at, const T& x, const T& y) {
    if (first_.empty() && !(x == y)) first_ = at + ": " + show(x) + " vs " + show(y);
  }
  template <typename T, typename Compare>
  void list(const std::string& at, const std::vector<T>& x, const std::vector<T>& y, Compare compare) {
    same(at + ".size()", x.size(), y.size());
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) compare(at + "[" + std::to_string(i) + "]", x[i], y[i]);
  }

  std::string first_;
};

std::string difference(const Scenario& a, const Scenario& b) { return Differ()(a, b); }

// parse(to_yaml(s)) == s, and writing is idempotent.
void expect_round_trip(const Scenario& scenario) {
  const std::string yaml = scenario_to_yaml(scenario);
  Scenario back;
  try {
    back = parse_scenario_yaml(yaml, "written.yaml");
  } catch (const InputError& error) {
    FAIL() << error.what() << "\n" << yaml;
  }
  EXPECT_EQ(difference(scenario, back), "") << yaml;
  EXPECT_EQ(scenario_to_yaml(back), yaml);
}

// ---- loading -----------------------------------------------------------------------------

TEST(ScenarioYaml, MinimalFileGetsDefaults) {
  const Scenario s = load("minimal.yaml");
  EXPECT_EQ(s.name, "Minimal");
  ASSERT_EQ(s.issues.size(), 1u);
  const Issue& budget = s.issues[0];
  EXPECT_EQ(budget.name, "budget");
  EXPECT_EQ(budget.kind, IssueKind::continuous);
  EXPECT_EQ(budget.lower, 0);
  EXPECT_EQ(budget.upper, 100);
  EXPECT_EQ(budget.steps, 11u);
  ASSERT_EQ(s.actors.size(), 2u);
  EXPECT_EQ(s.actors[0].name, "a");
  EXPECT_EQ(s.actors[0].capability, 1);
  EXPECT_EQ(s.actors[0].stances[0].position, 20);
  EXPECT_EQ(s.actors[0].stances[0].salience, 1);  // default when a stance is given
  EXPECT_EQ(s.actors[1].stances[0].salience, 0.5);
  EXPECT_EQ(s.actors[0].discount, 1);
  EXPECT_EQ(s.actors[0].reservation_value, 0);
  // No stages: one stage `all` over every issue, every actor at the table.
  ASSERT_EQ(s.stages.size(), 1u);
  EXPECT_EQ(s.stages[0].id, "all");
  EXPECT_EQ(s.stages[0].issues, (std::vector<std::size_t>{0}));
  EXPECT_FALSE(s.stages[0].channel);
  EXPECT_EQ(s.stages[0].protocol, "sao");
  EXPECT_EQ(s.stages[0].deadline, 100);
  EXPECT_TRUE(s.channels.empty());
  EXPECT_TRUE(s.variants.empty());
  EXPECT_EQ(s.variant, "");
}

TEST(ScenarioYaml, FullFileReadsEveryField) {
  const Scenario s = load("full.yaml");
  EXPECT_EQ(s.description, "A made-up negotiation that uses every field.\nSecond line of the description.\n");
  ASSERT_EQ(s.issues.size(), 4u);
  const Issue& ceasefire = s.issues[0];
  EXPECT_EQ(ceasefire.kind, IssueKind::discrete);
  EXPECT_TRUE(ceasefire.ordered);
  EXPECT_EQ(ceasefire.options.size(), 4u);
  EXPECT_FALSE(s.issues[1].ordered);
  const Issue& guarantees = s.issues[2];
  EXPECT_EQ(guarantees.lower, -50);
  EXPECT_EQ(guarantees.upper, 50);
  EXPECT_EQ(guarantees.steps, 21u);
  ASSERT_EQ(guarantees.labels.size(), 3u);
  EXPECT_EQ(guarantees.labels[0].at, -50);
  EXPECT_EQ(guarantees.labels[0].label, "neutral");
  const Issue& years = s.issues[3];
  EXPECT_EQ(years.kind, IssueKind::integer);
  EXPECT_EQ(years.value_count(), 10u);

  const Actor& us = s.actors[0];
  EXPECT_EQ(us.name, "United States");
  EXPECT_EQ(us.capability, 100);
  EXPECT_EQ(us.note, "invented numbers");
  EXPECT_EQ(us.reservation_value, 0.2);
  EXPECT_EQ(us.risk, -0.5);
  EXPECT_EQ(us.discount, 0.95);
  EXPECT_EQ(us.shape, ValueShape::quadratic);
  EXPECT_EQ(us.stances[0].position, 2);  // "full 30-day" is option 2
  EXPECT_EQ(us.stances[0].salience, 0.9);
  EXPECT_EQ(us.stances[1].values, (std::vector<double>{0, 1}));
  EXPECT_EQ(us.stances[1].position, 1);  // from values: the best option
  EXPECT_EQ(us.stances[3].values, (std::vector<double>{0.25, 0, 1, 0, 0, 0, 0, 0, 0, 0.5}));
  EXPECT_EQ(us.stances[3].position, 3);  // the integer with the best value
  EXPECT_EQ(us.stances[3].salience, 1);

  const Actor& ru = s.actors[1];
  EXPECT_EQ(ru.stances[2].position, 0);  // through the YAML alias *middle
  EXPECT_EQ(ru.stances[2].salience, 0.3);
  EXPECT_EQ(ru.stances[1].salience, 0);  // no stance on minerals: no stake
  EXPECT_EQ(ru.stances[1].position, 0);
  EXPECT_TRUE(ru.stances[1].values.empty());
  EXPECT_EQ(ru.stances[3].position, 8);  // explicit position beside values
  EXPECT_EQ(ru.stances[3].salience, 0);

  const Actor& ua = s.actors[2];
  EXPECT_EQ(ua.rectangle_scale, 4);
  ASSERT_EQ(ua.rectangles.size(), 3u);
  EXPECT_FALSE(ua.rectangles[0].exclusive);
  ASSERT_EQ(ua.rectangles[0].bounds.size(), 2u);
  EXPECT_EQ(ua.rectangles[0].bounds[0].issue, 3u);
  EXPECT_EQ(ua.rectangles[0].bounds[0].min, 1u);  // years 2..5 are value indices 1..4
  EXPECT_EQ(ua.rectangles[0].bounds[0].max, 4u);
  EXPECT_EQ(ua.rectangles[0].bounds[1].min, 2u);  // full 30-day .. permanent
  EXPECT_EQ(ua.rectangles[0].bounds[1].max, 3u);
  EXPECT_TRUE(ua.rectangles[1].exclusive);
  EXPECT_EQ(ua.rectangles[1].bounds[0].min, 8u);  // grid points -10 and 10 of [-50, 50] in 21 steps
  EXPECT_EQ(ua.rectangles[1].bounds[0].max, 12u);
  EXPECT_EQ(ua.rectangles[2].bounds[0].min, 1u);  // a single value: min = max
  EXPECT_EQ(ua.rectangles[2].bounds[0].max, 1u);

  ASSERT_EQ(s.channels.size(), 3u);
  EXPECT_EQ(s.channels[0].members, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(s.channels[0].outsiders_see, Visibility::nothing);
  EXPECT_EQ(s.channels[1].outsiders_see, Visibility::talks);
  EXPECT_EQ(s.channels[2].outsiders_see, Visibility::decisions);
  EXPECT_EQ(s.channels[2].name, "open");

  ASSERT_EQ(s.stages.size(), 3u);
  const Stage& truce = s.stages[0];
  EXPECT_EQ(truce.issues, (std::vector<std::size_t>{0, 3}));
  EXPECT_EQ(truce.channel, 0u);
  EXPECT_EQ(truce.protocol, "mediated");
  EXPECT_EQ(truce.protocol_settings, (std::map<std::string, std::string>{{"mediator", "us"}, {"on_failure", "continue"}}));
  EXPECT_EQ(truce.deadline, 30);
  EXPECT_EQ(truce.ratify, (std::vector<std::size_t>{2}));
  EXPECT_FALSE(truce.after);
  EXPECT_EQ(s.stages[1].after, 0u);
  EXPECT_EQ(s.stages[1].protocol, "sao");
  EXPECT_EQ(s.stages[2].issues, (std::vector<std::size_t>{0, 1, 2, 3}));  // `issues` left out: all

  ASSERT_EQ(s.links.size(), 2u);
  EXPECT_EQ(s.links[0].issues, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(s.links[0].note, "the minerals deal as a guarantee");
  EXPECT_EQ(s.links[1].note, "");

  ASSERT_EQ(s.variants.size(), 2u);
  EXPECT_EQ(s.variants[0].id, "hawkish");
  EXPECT_EQ(s.variants[0].description, "The US hardens.");
  EXPECT_EQ(s.variants[0].overrides,
            (std::vector<std::string>{"actors.us.stances.ceasefire", "actors.us.capability", "actors.ru.discount",
                                      "stages.truce.settings.start", "channels.us-ru.outsiders_see"}));
  EXPECT_EQ(s.variants[0].values[0], "{position: permanent, salience: 1}");
  EXPECT_EQ(s.variants[0].values[1], "120");
  EXPECT_EQ(s.variant, "");
}

TEST(ScenarioYaml, GeniusStyleFile) {
  const Scenario s = load("genius_like.yaml");
  const Actor& buyer = s.actors[0];
  EXPECT_EQ(buyer.stances[0].values, (std::vector<double>{0.6, 1, 0.2}));
  EXPECT_EQ(buyer.stances[1].values, (std::vector<double>{1, 0.75, 0.5, 0.25, 0}));
  EXPECT_EQ(buyer.stances[1].position, 0);
  EXPECT_EQ(buyer.reservation_value, 0.4);
  EXPECT_EQ(buyer.discount, 0.9);
  const Actor& seller = s.actors[1];
  EXPECT_TRUE(seller.uses_rectangles());
  EXPECT_EQ(seller.rectangle_scale, 10);
  EXPECT_EQ(seller.rectangles[2].utility, -2);
  EXPECT_TRUE(seller.rectangles[2].exclusive);
}

// ---- variants ----------------------------------------------------------------------------

TEST(ScenarioYaml, VariantReplacesNodes) {
  const Scenario base = load("full.yaml");
  const Scenario hawkish = load("full.yaml", "hawkish");
  EXPECT_EQ(hawkish.variant, "hawkish");
  EXPECT_EQ(hawkish.variants.size(), 2u);
  EXPECT_EQ(hawkish.actors[0].stances[0].position, 3);  // permanent
  EXPECT_EQ(hawkish.actors[0].stances[0].salience, 1);
  EXPECT_EQ(hawkish.actors[0].capability, 120);
  EXPECT_EQ(hawkish.actors[1].discount, 0.8);  // a field the base leaves at its default
  EXPECT_EQ(hawkish.stages[0].protocol_settings.at("start"), "7");
  EXPECT_EQ(hawkish.channels[0].outsiders_see, Visibility::decisions);
  // Everything else as in the base.
  Scenario expected = base;
  expected.actors[0].stances[0] = hawkish.actors[0].stances[0];
  expected.actors[0].capability = 120;
  expected.actors[1].discount = 0.8;
  expected.stages[0].protocol_settings["start"] = "7";
  expected.channels[0].outsiders_see = Visibility::decisions;
  expected.variant = "hawkish";
  EXPECT_EQ(difference(expected, hawkish), "");
}

TEST(ScenarioYaml, VariantDoesNotLeakThroughYamlAliases) {
  // ru's guarantees stance is an alias of us's; the variant changes ru's only.
  const Scenario quiet = load("full.yaml", "quiet");
  EXPECT_EQ(quiet.actors[1].stances[2].salience, 0.9);
  EXPECT_EQ(quiet.actors[0].stances[2].salience, 0.3);
  EXPECT_EQ(quiet.actors[1].stances[1].values, (std::vector<double>{0, 1}));  // a stance the base leaves out
  EXPECT_EQ(quiet.links[1].note, "added note");
  // And the base document is untouched by checking the variants.
  const Scenario base = load("full.yaml");
  EXPECT_EQ(base.actors[1].stances[2].salience, 0.3);
}

TEST(ScenarioYaml, UnknownVariantListsTheVariants) {
  try {
    load("full.yaml", "hawkish2");
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.line(), 0);
    EXPECT_NE(error.message().find("did you mean 'hawkish'?"), std::string::npos) << error.what();
    EXPECT_NE(error.message().find("hawkish, quiet"), std::string::npos) << error.what();
  }
  EXPECT_THROW(load("minimal.yaml", "any"), InputError);
}

TEST(ScenarioYaml, ErrorsInVariantValuesPointAtTheVariant) {
  const std::string text =
      "name: t\n"
      "issues: {x: {}}\n"
      "actors: {a: {stances: {x: {position: 5}}}}\n"
      "variants:\n"
      "  far:\n"
      "    set:\n"
      "      actors.a.stances.x.position: 500\n";
  try {
    parse_scenario_yaml(text, "v.yaml", "far");
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.line(), 7);
    EXPECT_EQ(error.column(), 36);
    EXPECT_NE(error.message().find("outside the range"), std::string::npos) << error.what();
    EXPECT_NE(error.message().find("(in variant 'far')"), std::string::npos) << error.what();
  }
  // Broken variants are reported even when another (or none) is applied.
  EXPECT_THROW(parse_scenario_yaml(text, "v.yaml"), InputError);
}

TEST(ScenarioYaml, VariantPathsMustNotOverlapOrTouchVariants) {
  const std::string head = "name: t\nissues: {x: {}}\nactors: {a: {capability: 2}}\nvariants:\n  v:\n    set:\n";
  EXPECT_THROW(parse_scenario_yaml(head + "      actors.a: {}\n      actors.a.capability: 3\n", "v.yaml"), InputError);
  EXPECT_THROW(parse_scenario_yaml(head + "      variants.v.description: x\n", "v.yaml"), InputError);
  EXPECT_THROW(parse_scenario_yaml(head + "      actors..capability: 3\n", "v.yaml"), InputError);
  EXPECT_THROW(parse_scenario_yaml(head + "      actors.a.capability.x: 3\n", "v.yaml"), InputError);
  EXPECT_THROW(parse_scenario_yaml(head + "      issues.x.labels.5: five\n", "v.yaml"), InputError);  // no labels map
  EXPECT_NO_THROW(parse_scenario_yaml(head + "      issues.x.labels: {5: five}\n", "v.yaml"));
  const Scenario renamed = parse_scenario_yaml(head + "      name: renamed\n", "v.yaml", "v");
  EXPECT_EQ(renamed.name, "renamed");
}

// ---- the writer --------------------------------------------------------------------------

TEST(ScenarioYaml, ActorStrategyIsReadCheckedAndWritten) {
  const std::string text =
      "name: S\nissues:\n  x: {range: [0, 10]}\nactors:\n  a:\n    strategy: boulware:e=3\n  b: {}\n";
  const Scenario s = parse_scenario_yaml(text, "s.yaml");
  EXPECT_EQ(s.actors[0].strategy, "boulware:e=3");
  EXPECT_EQ(s.actors[1].strategy, "");
  expect_round_trip(s);
  EXPECT_NE(scenario_to_yaml(s).find("strategy: boulware:e=3"), std::string::npos);
  try {
    parse_scenario_yaml("name: S\nissues:\n  x: {range: [0, 10]}\nactors:\n  a:\n    strategy: tit_for_tat:factr=1\n",
                        "s.yaml");
    ADD_FAILURE();
  } catch (const InputError& error) {
    EXPECT_EQ(error.line(), 6);
    EXPECT_EQ(error.column(), 15);
    EXPECT_NE(error.message().find("unknown parameter 'factr' of strategy 'tit_for_tat' (did you mean 'factor'?)"),
              std::string::npos)
        << error.what();
  }
}

TEST(ScenarioYamlWriter, RoundTripsEveryFixture) {
  for (const auto& entry : std::filesystem::directory_iterator(kData / "scenarios")) {
    SCOPED_TRACE(entry.path().string());
    expect_round_trip(load_scenario_yaml(entry.path()));
  }
}

TEST(ScenarioYamlWriter, WritesTheVariantAsLoaded) {
  const Scenario hawkish = load("full.yaml", "hawkish");
  const std::string yaml = scenario_to_yaml(hawkish);
  EXPECT_EQ(yaml.find("variants:"), std::string::npos) << yaml;
  EXPECT_EQ(yaml.rfind("# variant 'hawkish' applied", 0), 0u) << yaml;
  Scenario back = parse_scenario_yaml(yaml, "written.yaml");
  EXPECT_TRUE(back.variants.empty());
  EXPECT_EQ(back.variant, "");
  back.variants = hawkish.variants;
  back.variant = hawkish.variant;
  EXPECT_EQ(difference(hawkish, back), "");
}

TEST(ScenarioYamlWriter, OmitsDefaultsAndUsesFlowStyleForStances) {
  const std::string yaml = scenario_to_yaml(load("minimal.yaml"));
  EXPECT_EQ(yaml,
            "name: Minimal\n"
            "issues:\n"
            "  budget:\n"
            "    range: [0, 100]\n"
            "actors:\n"
            "  a:\n"
            "    stances:\n"
            "      budget: {position: 20, salience: 1}\n"
            "  b:\n"
            "    stances:\n"
            "      budget: {position: 80, salience: 0.5}\n");
}

// A scenario as the GENIUS importer builds it: values tables, integer issues, rectangles,
// many issues.
Scenario genius_style_scenario() {
  Scenario s;
  s.name = "ANAC-like domain";
  for (int i = 0; i < 40; ++i) {
    Issue issue;
    issue.id = "i" + std::to_string(i);
    if (i % 2 == 0) {
      issue.kind = IssueKind::discrete;
      for (int o = 0; o < 3 + i % 4; ++o) issue.options.push_back("v" + std::to_string(o));
    } else {
      issue.kind = IssueKind::integer;
      issue.lower = 1;
      issue.upper = 10 + i;
    }
    s.issues.push_back(issue);
  }
  for (int a = 0; a < 2; ++a) {
    Actor actor;
    actor.id = "party" + std::to_string(a);
    actor.reservation_value = 0.125 * (a + 1);
    actor.discount = 0.8 + 0.1 * a;
    actor.stances.resize(s.issues.size());
    for (std::size_t i = 0; i < s.issues.size(); ++i) {
      Stance& stance = actor.stances[i];
      stance.salience = 1.0 / double(i + 2);
      stance.values.resize(s.issues[i].value_count());
      for (std::size_t v = 0; v < stance.values.size(); ++v)
        stance.values[v] = double((v * 7 + i + a) % stance.values.size()) / double(stance.values.size());
      const auto best = std::max_element(stance.values.begin(), stance.values.end());
      stance.position = s.issues[i].value_number(std::uint32_t(best - stance.values.begin()));
    }
    s.actors.push_back(actor);
  }
  Actor rectangles;
  rectangles.id = "constraints";
  rectangles.stances.resize(s.issues.size());
  rectangles.rectangle_scale = 662;
  for (int r = 0; r < 20; ++r) {
    HyperRectangle box;
    box.utility = 97 - r;
    box.exclusive = r % 3 == 0;
    box.bounds.push_back({std::size_t(r), 0, 1});
    box.bounds.push_back({std::size_t(r + 1), 1, 2});
    rectangles.rectangles.push_back(box);
  }
  s.actors.push_back(rectangles);
  Stage all;
  all.id = all.name = "all";
  for (std::size_t i = 0; i < s.issues.size(); ++i) all.issues.push_back(i);
  s.stages.push_back(all);
  return s;
}

TEST(ScenarioYamlWriter, RoundTripsGeniusStyleScenarios) { expect_round_trip(genius_style_scenario()); }

// Everything the GENIUS importer produces from the reference domains survives the YAML format.
TEST(ScenarioYamlWriter, RoundTripsEveryImportedGeniusDomain) {
  std::size_t folders = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kData / "genius")) {
    if (!entry.is_directory() || !is_genius_folder(entry.path())) continue;
    SCOPED_TRACE(entry.path().string());
    Scenario imported;
    try {
      imported = import_genius(entry.path());
    } catch (const InputError&) {
      continue;  // bad-input folders of the importer's own tests
    }
    expect_round_trip(imported);
    ++folders;
  }
  EXPECT_GT(folders, 100u);
}

// ---- property: random scenarios survive writing and reading -------------------------------

std::string random_text(bool allow_empty) {
  static const std::vector<std::string> pieces = {
      "a", "b", "Z", "7", " ", ":", ": ", "#", " #", "-", "- ", "[", "]", "{", "}", ",", "'", "\"", "\\", "\n",
      "\t", "\r", "é", "–", "|", ">", "!", "&", "*", "%", "@", "`", "?", "~", "null", "true", "0.5", "."};
  const auto count = *rc::gen::inRange(allow_empty ? 0 : 1, 8);
  std::string text;
  for (int i = 0; i < count; ++i) text += *rc::gen::elementOf(pieces);
  return text;
}

double random_number() {
  switch (*rc::gen::inRange(0, 4)) {
    case 0: return *rc::gen::inRange(-1000, 1000);
    case 1: return *rc::gen::inRange(-1000, 1000) / 7.0;
    case 2: return *rc::gen::inRange(1, 1000) * 1e-9;
    default: return *rc::gen::inRange(-1000, 1000) * 1.234567e13;
  }
}

double random_unit() { return *rc::gen::inRange(0, 1001) / 1000.0 * (*rc::gen::element(1.0, 1.0 / 3.0)); }

Scenario random_scenario() {
  Scenario s;
  s.name = random_text(false);
  s.description = random_text(true);
  const int issue_count = *rc::gen::inRange(1, 6);
  for (int i = 0; i < issue_count; ++i) {
    Issue issue;
    issue.id = "issue_" + std::to_string(i);
    issue.name = *rc::gen::element(0, 1, 2) == 0 ? issue.id : random_text(true);
    issue.kind = *rc::gen::element(IssueKind::continuous, IssueKind::integer, IssueKind::discrete);
    if (issue.kind == IssueKind::discrete) {
      const int options = *rc::gen::inRange(1, 6);
      while (int(issue.options.size()) < options) {
        std::string option = random_text(false);
        if (std::find(issue.options.begin(), issue.options.end(), option) == issue.options.end())
          issue.options.push_back(option);
      }
      issue.ordered = *rc::gen::arbitrary<bool>();
    } else if (issue.kind == IssueKind::integer) {
      issue.lower = *rc::gen::inRange(-20, 20);
      issue.upper = issue.lower + *rc::gen::inRange(0, 8);
    } else {
      issue.lower = random_number();
      issue.steps = std::uint32_t(*rc::gen::inRange(2, 30));
      do issue.upper = issue.lower + std::abs(random_number());
      while ((issue.upper - issue.lower) / (issue.steps - 1) < 1e-12 * std::max(std::abs(issue.lower), std::abs(issue.upper)));
      const int labels = *rc::gen::inRange(0, 4);
      for (int l = 0; l < labels; ++l) {
        const double at = issue.lower + (issue.upper - issue.lower) * (*rc::gen::inRange(0, 101)) / 100.0;
        if (std::none_of(issue.labels.begin(), issue.labels.end(), [&](const auto& p) { return p.at == at; }))
          issue.labels.push_back({at, random_text(true)});
      }
    }
    s.issues.push_back(issue);
  }
  const int actor_count = *rc::gen::inRange(1, 5);
  for (int a = 0; a < actor_count; ++a) {
    Actor actor;
    actor.id = "actor-" + std::to_string(a);
    actor.name = *rc::gen::element(0, 1) == 0 ? actor.id : random_text(true);
    actor.capability = std::abs(random_number()) + 0.5;
    actor.reservation_value = random_unit();
    actor.risk = random_number();
    actor.discount = std::max(random_unit(), 0.001);
    actor.shape = *rc::gen::element(ValueShape::linear, ValueShape::quadratic);
    actor.note = random_text(true);
    for (const Issue& issue : s.issues) {
      Stance stance;
      const int style = *rc::gen::inRange(0, 3);  // 0: none, 1: position, 2: values
      const bool needs_values = issue.kind == IssueKind::discrete && !issue.ordered;
      if (style == 1 && !needs_values) {
        stance.salience = random_unit();
        const std::uint32_t v = *rc::gen::inRange(0u, issue.value_count());
        stance.position = issue.kind == IssueKind::discrete ? v
                          : issue.kind == IssueKind::integer ? issue.lower + v
                                                             : issue.lower + (issue.upper - issue.lower) * random_unit();
      } else if (style != 0) {
        stance.salience = random_unit();
        for (std::uint32_t v = 0; v < issue.value_count(); ++v) stance.values.push_back(*rc::gen::element(0.0, random_unit()));
        const auto best = std::max_element(stance.values.begin(), stance.values.end());
        stance.position = issue.value_number(std::uint32_t(best - stance.values.begin()));
        if (*rc::gen::arbitrary<bool>()) stance.position = issue.value_number(*rc::gen::inRange(0u, issue.value_count()));
      }
      actor.stances.push_back(stance);
    }
    if (*rc::gen::arbitrary<bool>()) actor.weights = Weights::raw;
    if (*rc::gen::inRange(0, 3) == 0) {
      actor.rectangle_scale = std::abs(random_number()) + 1;
      const int boxes = *rc::gen::inRange(0, 4);
      for (int b = 0; b < boxes; ++b) {
        HyperRectangle box;
        box.utility = random_number();
        box.exclusive = *rc::gen::arbitrary<bool>();
        for (std::size_t i = 0; i < s.issues.size(); ++i) {
          if (*rc::gen::arbitrary<bool>()) continue;
          const std::uint32_t n = s.issues[i].value_count();
          const std::uint32_t x = *rc::gen::inRange(0u, n), y = *rc::gen::inRange(0u, n);
          box.bounds.push_back({i, std::min(x, y), std::max(x, y)});
        }
        actor.rectangles.push_back(box);
      }
    }
    s.actors.push_back(actor);
  }
  const auto subset = [](std::size_t n, std::size_t at_least) {
    std::vector<std::size_t> out;
    while (out.size() < at_least) {
      out.clear();
      for (std::size_t i = 0; i < n; ++i)
        if (*rc::gen::arbitrary<bool>()) out.push_back(i);
    }
    return out;
  };
  const int channel_count = *rc::gen::inRange(0, 3);
  for (int c = 0; c < channel_count; ++c) {
    Channel channel;
    channel.id = "ch" + std::to_string(c);
    channel.name = random_text(true);
    channel.members = subset(s.actors.size(), 1);
    channel.outsiders_see = *rc::gen::element(Visibility::nothing, Visibility::talks, Visibility::decisions);
    s.channels.push_back(channel);
  }
  const int stage_count = *rc::gen::inRange(0, 4);
  for (int t = 0; t < stage_count; ++t) {
    Stage stage;
    stage.id = "stage" + std::to_string(t);
    stage.name = random_text(true);
    stage.issues = subset(s.issues.size(), 1);
    if (!s.channels.empty() && *rc::gen::arbitrary<bool>())
      stage.channel = *rc::gen::inRange<std::size_t>(0, s.channels.size());
    // Names and settings the loader accepts (validate() checks them against the registries).
    stage.protocol = *rc::gen::element(std::string("sao"), std::string("alternating"), std::string("mediated"),
                                       std::string("issue_by_issue"));
    if (*rc::gen::arbitrary<bool>())
      stage.protocol_settings["on_failure"] = *rc::gen::element(std::string("stop"), std::string("continue"));
    if (stage.protocol == "issue_by_issue" && *rc::gen::arbitrary<bool>())
      stage.protocol_settings["reopen"] = *rc::gen::element(std::string("never"), std::string("any"));
    stage.deadline = *rc::gen::inRange(1, 1000);
    stage.ratify = subset(s.actors.size(), 0);
    if (t > 0 && *rc::gen::arbitrary<bool>()) stage.after = *rc::gen::inRange<std::size_t>(0, std::size_t(t));
    s.stages.push_back(stage);
  }
  if (s.stages.empty()) {
    Stage all;
    all.id = all.name = "all";
    for (std::size_t i = 0; i < s.issues.size(); ++i) all.issues.push_back(i);
    s.stages.push_back(all);
  }
  if (s.issues.size() >= 2) {
    const int links = *rc::gen::inRange(0, 3);
    for (int l = 0; l < links; ++l) s.links.push_back({subset(s.issues.size(), 2), random_text(true)});
  }
  return s;
}

RC_GTEST_PROP(ScenarioYamlWriter, RandomScenariosRoundTrip, ()) {
  const Scenario scenario = random_scenario();
  const std::string yaml = scenario_to_yaml(scenario);
  Scenario back;
  try {
    back = parse_scenario_yaml(yaml, "random.yaml");
  } catch (const InputError& error) {
    RC_FAIL(std::string(error.what()) + "\n" + yaml);
  }
  const std::string diff = difference(scenario, back);
  RC_LOG() << yaml;
  RC_ASSERT(diff == "");
  RC_ASSERT(scenario_to_yaml(back) == yaml);
}

// ---- numbers and odd input ---------------------------------------------------------------

TEST(ScenarioYaml, ReadsNumbersExactly) {
  const Scenario s = parse_scenario_yaml(
      "name: n\nissues: {x: {range: [-1e3, +2.5e3]}}\nactors: {a: {capability: 0.1, risk: -3, stances: {x: "
      "{position: 1234.5678901234567}}}}\n",
      "n.yaml");
  EXPECT_EQ(s.issues[0].lower, -1000);
  EXPECT_EQ(s.issues[0].upper, 2500);
  EXPECT_EQ(s.actors[0].capability, 0.1);
  EXPECT_EQ(s.actors[0].stances[0].position, 1234.5678901234567);
}

TEST(ScenarioYaml, QuotedTextThatLooksLikeNullIsText) {
  const Scenario s = parse_scenario_yaml("name: \"null\"\nissues: {x: {options: ['~', 'null']}}\nactors: {a: {}}\n",
                                         "q.yaml");
  EXPECT_EQ(s.name, "null");
  EXPECT_EQ(s.issues[0].options, (std::vector<std::string>{"~", "null"}));
}

TEST(ScenarioYaml, AcceptsTheNestingItNeedsAndRejectsRunawayNesting) {
  EXPECT_NO_THROW(load("full.yaml"));
  const std::string deep = "name: d\nissues: {x: {}}\nactors: {a: {}}\nlinks: " + std::string(10000, '[') + "\n";
  try {
    parse_scenario_yaml(deep, "deep.yaml");
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.line(), 4);
    EXPECT_NE(error.message().find("nested more than 64 levels"), std::string::npos) << error.what();
  }
  std::string indented = "name: d\nissues: {x: {}}\nactors: {a: {}}\nlinks:\n";
  for (int level = 0; level < 100; ++level) indented += std::string(level * 2 + 2, ' ') + "- \n";
  EXPECT_THROW(parse_scenario_yaml(indented, "deep.yaml"), InputError);
  // Brackets inside quotes, comments and block text are not nesting.
  const std::string quoted = "name: '" + std::string(100, '[') + "'  # " + std::string(100, '{') +
                             "\ndescription: |\n  " + std::string(100, '[') + "\nissues: {x: {}}\nactors: {a: {}}\n";
  EXPECT_NO_THROW(parse_scenario_yaml(quoted, "quoted.yaml"));
}

TEST(ScenarioYaml, RejectsAliasBombs) {
  // A few kilobytes that alias their way to ~10^7 boxes; the reader stops after 2 million entries.
  std::string text = "name: bomb\nissues: {x: {options: [a, b]}}\nactors:\n  a0: &a\n    rectangles:\n      boxes: [";
  text += "&box {utility: 1, inside: {x: a}}";
  for (int i = 0; i < 3000; ++i) text += ", *box";
  text += "]\n";
  for (int i = 1; i < 3000; ++i) text += "  a" + std::to_string(i) + ": *a\n";
  try {
    parse_scenario_yaml(text, "bomb.yaml");
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_NE(error.message().find("too many entries"), std::string::npos) << error.what();
  }
  // Explicit values are dense per issue value: their total is capped too.
  std::string wide = "name: wide\nissues: {x: {integer: [1, 100000]}}\nactors:\n";
  for (int i = 0; i < 101; ++i) wide += "  a" + std::to_string(i) + ": {stances: {x: {values: {}}}}\n";
  EXPECT_THROW(parse_scenario_yaml(wide, "wide.yaml"), InputError);
}

TEST(ScenarioYaml, LoadReportsUnreadableFiles) {
  EXPECT_THROW(load_scenario_yaml(kData / "scenarios" / "no-such-file.yaml"), InputError);
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

TEST(ScenarioYaml, ReadsAndWritesReferencePointsAndKnownOutcomes) {
  const std::string text =
      "name: facts\n"
      "issues:\n"
      "  ceasefire: {options: [none, partial, full], ordered: true, reference_point: none, known_outcome: partial}\n"
      "  budget: {range: [0, 100], reference_point: 20, known_outcome: 37.5}\n"
      "actors:\n"
      "  a: {stances: {budget: {position: 10}}}\n";
  const Scenario scenario = parse_scenario_yaml(text, "facts.yaml");
  EXPECT_EQ(scenario.issues[0].reference_point, 0.0);
  EXPECT_EQ(scenario.issues[0].known_outcome, 1.0);
  EXPECT_EQ(scenario.issues[1].reference_point, 20.0);
  EXPECT_EQ(scenario.issues[1].known_outcome, 37.5);
  const Scenario again = parse_scenario_yaml(scenario_to_yaml(scenario), "again.yaml");
  EXPECT_EQ(again.issues[0].known_outcome, 1.0);
  EXPECT_EQ(again.issues[1].reference_point, 20.0);

  try {
    parse_scenario_yaml("name: x\nissues:\n  b: {range: [0, 10], known_outcome: 11}\nactors: {a: {}}\n", "bad.yaml");
    ADD_FAILURE() << "an outcome outside the range must be rejected";
  } catch (const InputError& error) {
    EXPECT_EQ(error.line(), 3);
    EXPECT_EQ(error.column(), 38);
    EXPECT_NE(error.message().find("outside the range"), std::string::npos) << error.message();
  }
}

}  // namespace
}  // namespace parley
