// GENIUS fidelity (issue 8): imported profiles compute GENIUS's utilities, raw weights and
// the cap at 1 included, and the analysis on them is exact; every imported domain is written
// as YAML that parley reads back, validates, and evaluates to the same utilities.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "parley/core/analysis.hpp"
#include "parley/core/utility.hpp"
#include "parley/core/validate.hpp"
#include "parley/io/genius.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(PARLEY_TEST_DATA) / "genius";

struct Compiled {
  Scenario scenario;
  OutcomeSpace space;
  std::vector<CompiledUtility> parties;
};

Compiled compile(Scenario scenario, const std::vector<std::string>& ids) {
  OutcomeSpace space = scenario.stage_space(0);
  std::vector<CompiledUtility> parties;
  for (const std::string& id : ids) {
    const auto a = scenario.find_actor(id);
    EXPECT_TRUE(a.has_value()) << id;
    parties.emplace_back(scenario.actors.at(a.value_or(0)), scenario.issues, space);
  }
  return {std::move(scenario), std::move(space), std::move(parties)};
}

// Brute force over every outcome: the undominated utility vectors and the best Nash product.
struct BruteForce {
  std::vector<std::vector<double>> frontier;  // sorted
  double nash_product = -1;
};

BruteForce brute_force(const Compiled& s) {
  std::vector<std::vector<double>> all;
  for (std::uint64_t i = 0; i < s.space.size(); ++i) {
    std::vector<double> u;
    for (const auto& party : s.parties) u.push_back(party(s.space.decode(i)));
    all.push_back(std::move(u));
  }
  BruteForce result;
  for (const auto& u : all) {
    const bool dominated = std::any_of(all.begin(), all.end(), [&](const std::vector<double>& v) {
      bool better = false;
      for (std::size_t j = 0; j < u.size(); ++j) {
        if (v[j] < u[j]) return false;
        better = better || v[j] > u[j];
      }
      return better;
    });
    if (!dominated) result.frontier.push_back(u);
    double product = 1;
    bool rational = true;
    for (std::size_t j = 0; j < u.size(); ++j) {
      rational = rational && u[j] > s.parties[j].reservation_value() + 1e-9;
      product *= u[j] - s.parties[j].reservation_value();
    }
    if (rational) result.nash_product = std::max(result.nash_product, product);
  }
  std::sort(result.frontier.begin(), result.frontier.end());
  result.frontier.erase(std::unique(result.frontier.begin(), result.frontier.end()), result.frontier.end());
  return result;
}

std::vector<std::vector<double>> frontier_of(const Analysis& analysis) {
  std::vector<std::vector<double>> out;
  for (const auto& point : analysis.pareto) out.push_back(point.utilities);
  std::sort(out.begin(), out.end());
  return out;
}

double nash_product(const Compiled& s, const std::vector<double>& u) {
  double product = 1;
  for (std::size_t j = 0; j < u.size(); ++j) product *= u[j] - s.parties[j].reservation_value();
  return product;
}

// The analysis under raw weights equals brute force over the capped utilities.
void expect_exact_analysis(const Compiled& s) {
  const Analysis analysis = analyze(s.parties, s.space);
  const BruteForce expected = brute_force(s);
  EXPECT_EQ(frontier_of(analysis), expected.frontier);
  ASSERT_TRUE(analysis.nash.has_value());
  EXPECT_EQ(nash_product(s, analysis.nash->utilities), expected.nash_product);
  for (std::size_t j = 0; j < s.parties.size(); ++j)
    EXPECT_EQ(analysis.nash->utilities[j], s.parties[j](analysis.nash->outcome));
}

TEST(GeniusFidelity, LaptopNashPointUsesTheRawWeights) {
  // ANAC 2012 LaptopA: both profiles' weights sum to 1.000051804171754, reservation 0.5.
  const std::vector<std::string> ids{"laptop-a-prof1", "laptop-a-prof2"};
  const Compiled raw = compile(import_genius(kData / "anac/y2012/LaptopA"), ids);
  const Compiled normalised = compile(import_genius(kData / "anac/y2012/LaptopA", GeniusOptions{true}), ids);
  expect_exact_analysis(raw);
  expect_exact_analysis(normalised);
  const Analysis a = analyze(raw.parties, raw.space);
  const Analysis b = analyze(normalised.parties, normalised.space);
  ASSERT_TRUE(a.nash && b.nash);
  // Same outcome (HP, 60 Gb, 19'' LCD), but GENIUS's utilities: prof1's best outcome, capped
  // at 1 (1.000051804171754 before the cap), and 1.000051804171754 times parley's normalised
  // utility for prof2.
  EXPECT_EQ(a.nash->outcome, b.nash->outcome);
  EXPECT_EQ(a.nash->utilities[0], 1.0);
  EXPECT_NEAR(b.nash->utilities[0], 1.0, 1e-15);
  EXPECT_NEAR(a.nash->utilities[1], b.nash->utilities[1] * 1.000051804171754, 1e-12);
  EXPECT_GT(std::abs(a.nash->utilities[1] - b.nash->utilities[1]), 4e-5);
  // Each party's best outcome is capped at 1 (1.000051804171754 before the cap).
  EXPECT_EQ(a.ideal, (std::vector<double>{1.0, 1.0}));
}

TEST(GeniusFidelity, QoDomainSideBWeightsAbove1AreCapped) {
  // other/QODomain: Side_B_utility.xml's weights sum to 1.45, Side_BLongTerm.xml's to 1.9.
  for (const char* side_b : {"side_b_utility", "side_blongterm"}) {
    SCOPED_TRACE(side_b);
    const Compiled raw = compile(import_genius(kData / "other/QODomain"), {"side_a_utility", side_b});
    EXPECT_TRUE(raw.parties[1].cap_can_bind());
    expect_exact_analysis(raw);
    const Analysis analysis = analyze(raw.parties, raw.space);
    std::size_t capped = 0;
    for (const auto& point : analysis.pareto) {
      EXPECT_LE(point.utilities[1], 1.0);
      capped += point.utilities[1] == 1.0 ? 1 : 0;
    }
    // The cap makes several outcomes worth 1 to side B; the frontier keeps only the best of
    // them for side A.
    EXPECT_EQ(capped, 1u);
    const Compiled normalised =
        compile(import_genius(kData / "other/QODomain", GeniusOptions{true}), {"side_a_utility", side_b});
    expect_exact_analysis(normalised);
  }
}

TEST(GeniusFidelity, RectangleUtilitiesAboveMaxutilityAreCapped) {
  // anac/y2014/10issuesDiscounted: maxutility is below the largest reachable total, so
  // parley's old (uncapped) frontier reached 1.054. GENIUS caps at 1.
  const fs::path folder = kData / "anac/y2014/10issuesDiscounted";
  const std::vector<std::string> ids{"profile-1", "profile-2"};
  const Compiled raw = compile(import_genius(folder), ids);
  const Analysis capped = analyze(raw.parties, raw.space);
  EXPECT_EQ(capped.method, AnalysisMethod::rectangle_search);
  EXPECT_TRUE(capped.exact);
  double top = 0;
  for (const auto& point : capped.pareto) {
    for (std::size_t j = 0; j < 2; ++j) {
      top = std::max(top, point.utilities[j]);
      EXPECT_EQ(point.utilities[j], raw.parties[j](point.outcome));
    }
  }
  EXPECT_EQ(top, 1.0);
  const Compiled normalised = compile(import_genius(folder, GeniusOptions{true}), ids);
  double uncapped_top = 0;
  for (const auto& point : analyze(normalised.parties, normalised.space).pareto)
    for (double u : point.utilities) uncapped_top = std::max(uncapped_top, u);
  EXPECT_GT(uncapped_top, 1.05);
}

// ---- import -> YAML -> validate -> load -> same utilities ----------------------------------

// Up to `count` outcomes of the space: every one when it is small, else a fixed random sample.
std::vector<Outcome> sample_outcomes(const OutcomeSpace& space, std::size_t count) {
  std::vector<Outcome> out;
  if (space.enumerable() && space.size() <= count) {
    for (std::uint64_t i = 0; i < space.size(); ++i) out.push_back(space.decode(i));
    return out;
  }
  std::mt19937_64 rng(8);
  for (std::size_t n = 0; n < count; ++n) {
    Outcome o(space.issue_count());
    for (std::size_t k = 0; k < o.size(); ++k) o[k] = std::uniform_int_distribution<std::uint32_t>(0, space.radix(k) - 1)(rng);
    out.push_back(std::move(o));
  }
  return out;
}

TEST(GeniusRoundTrip, EveryDomainImportsValidatesAndLoadsWithTheSameUtilities) {
  const auto start = std::chrono::steady_clock::now();
  const fs::path written = fs::temp_directory_path() / ("parley-genius-round-trip-" + std::to_string(::getpid()) + ".yaml");
  std::size_t folders = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kData)) {
    if (!entry.is_directory() || !is_genius_folder(entry.path())) continue;
    for (const bool normalise : {false, true}) {
      SCOPED_TRACE(entry.path().string() + (normalise ? " --normalise-weights" : ""));
      Scenario imported;
      try {
        imported = import_genius(entry.path(), GeniusOptions{normalise});
      } catch (const InputError&) {
        continue;  // bad-input folders of the importer's own tests fail with their reason
      }
      std::ofstream(written, std::ios::binary) << scenario_to_yaml(imported);
      Scenario back;
      try {
        back = load_scenario(written);
        validate(back);
      } catch (const Error& error) {
        FAIL() << error.what();
      }
      ASSERT_EQ(back.actors.size(), imported.actors.size());
      const OutcomeSpace space = imported.stage_space(0);
      const OutcomeSpace back_space = back.stage_space(0);
      ASSERT_EQ(space.size(), back_space.size());
      const std::vector<Outcome> outcomes = sample_outcomes(space, 2000);
      for (std::size_t a = 0; a < imported.actors.size(); ++a) {
        EXPECT_EQ(back.actors[a].weights, normalise ? Weights::normalised : Weights::raw);
        const CompiledUtility before(imported.actors[a], imported.issues, space);
        const CompiledUtility after(back.actors[a], back.issues, back_space);
        for (const Outcome& o : outcomes) ASSERT_EQ(before(o), after(o)) << imported.actors[a].id;
      }
      folders += normalise ? 0 : 1;
    }
  }
  fs::remove(written);
  EXPECT_GT(folders, 100u);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  RecordProperty("seconds", std::to_string(seconds));
}

TEST(GeniusRoundTrip, EmptyItemValueFailsTheImportWithTheReason) {
  const std::string domain = R"(<negotiation_template><utility_space><objective index="0" name="root">
<issue index="1" name="Colour" type="discrete"><item index="1" value=""/><item index="2" value="blue"/></issue>
</objective></utility_space></negotiation_template>)";
  const std::string profile = R"(<utility_space><objective index="0" name="root">
<issue index="1" name="Colour" type="discrete"><item index="1" value="" evaluation="1"/><item index="2" value="blue" evaluation="2"/></issue>
<weight index="1" value="1"/></objective></utility_space>)";
  try {
    parse_genius(domain, {{"p.xml", profile}}, "d.xml");
    FAIL() << "imported an option without a name";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("d.xml:2:"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("empty value"), std::string::npos) << error.what();
  }
}

TEST(GeniusRoundTrip, IntegerIssueTooLargeForExplicitValuesFailsTheImport) {
  // 100,001 values: every profile would give explicit values on it, more than a scenario
  // file takes on one issue.
  const std::string domain = R"(<negotiation_template><objective index="0" name="root">
<issue index="1" name="n" type="integer" lowerbound="0" upperbound="100000"/></objective></negotiation_template>)";
  try {
    parse_genius(domain, {}, "d.xml");
    FAIL() << "imported";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("too many values (at most 100000)"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace parley
