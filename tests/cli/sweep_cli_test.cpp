// `parley sweep` and `parley forecast --intervals` as users meet them: tables, JSON, CSV,
// exit statuses and messages.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.hpp"

namespace parley::test {
namespace {

const std::filesystem::path kData = PARLEY_TEST_DATA;
const std::filesystem::path kFlagship = std::filesystem::path(PARLEY_SOURCE_DIR) / "scenarios/talks-2025.yaml";

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Every sweep writes a results database: each test's into a fresh folder, not the working one.
std::string db_option() {
  static const std::filesystem::path dir = fresh_directory("sweep-db");
  static int count = 0;
  return " --db " + quoted(dir / ("sweep-" + std::to_string(count++) + ".sqlite"));
}

TEST(SweepCli, HelpTeachesByExample) {
  const auto help = run_cli("sweep --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_TRUE(has(help.out, "Examples:")) << help.out;
  EXPECT_TRUE(has(help.out, "parley sweep scenarios/talks-2025.yaml --runs 200")) << help.out;
  EXPECT_TRUE(has(help.out, "Spearman")) << help.out;
}

// 50 draws of the flagship, forecasts only (the negotiation of each draw compiles a stage of
// 1.77M outcomes; the next test negotiates a few).
TEST(SweepCli, FlagshipPrintsTheDistributionsAndTheSensitivityTable) {
  const auto result = run_cli("sweep " + quoted(kFlagship) + " --runs 50 --no-negotiation --quiet" + db_option());
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(result.err.empty()) << result.err;  // no progress line off a terminal
  const std::string& out = result.out;
  EXPECT_TRUE(has(out, "US–Russia talks on Ukraine, March 2025: 50 draws, seed 0, 12 uncertain inputs")) << out;
  EXPECT_TRUE(has(out, "Uncertain inputs")) << out;
  EXPECT_TRUE(has(out, "us.salience.ceasefire      triangular [0.4, 0.9, 1]")) << out;
  EXPECT_TRUE(has(out, "ru.strategy                choice {boulware: 3, hardliner: 1}")) << out;
  EXPECT_TRUE(has(out, "Forecasts (median [p10, p90] over the draws)")) << out;
  EXPECT_TRUE(has(out, "smp  ")) << out;
  EXPECT_TRUE(has(out, "Sensitivity (Spearman rank correlation")) << out;
  EXPECT_TRUE(has(out, "eum:sanctions")) << out;
  // The same command prints the same report (seeded, whatever the thread count).
  const auto again = run_cli("sweep " + quoted(kFlagship) + " --runs 50 --no-negotiation --threads 1" + db_option());
  const auto without_database = [](const std::string& text) { return text.substr(0, text.find("\nResults database: ")); };
  EXPECT_EQ(without_database(again.out), without_database(out));
  EXPECT_TRUE(has(out, "\nResults database: ")) << out;
}

TEST(SweepCli, FlagshipNegotiatesEveryStage) {
  const auto result = run_cli("sweep " + quoted(kFlagship) + " --runs 4 --models none --threads 2" + db_option());
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(has(result.out, "Stages (share of draws)")) << result.out;
  EXPECT_TRUE(has(result.out, "  truce       ")) << result.out;
  EXPECT_TRUE(has(result.out, "Utilities per stage")) << result.out;
  EXPECT_TRUE(has(result.out, "settlement  ua ")) << result.out;
  EXPECT_FALSE(has(result.out, "Forecasts")) << result.out;
}

TEST(SweepCli, JsonHasEverySection) {
  const auto result = run_cli("sweep " + quoted(kFlagship) + " --runs 3 --models median,nash --json --seed 9" + db_option());
  ASSERT_EQ(result.status, 0) << result.err;
  const auto document = nlohmann::json::parse(result.out);
  for (const char* key :
       {"scenario", "runs", "seed", "models", "inputs", "forecasts", "stages", "sensitivity", "method", "parley"})
    EXPECT_TRUE(document.contains(key)) << key;
  EXPECT_EQ(document["runs"], 3);
  EXPECT_EQ(document["seed"], 9);
  EXPECT_EQ(document["inputs"].size(), 12u);
  EXPECT_EQ(document["inputs"][0]["input"], "us.salience.ceasefire");
  EXPECT_FALSE(document["inputs"][0]["note"].get<std::string>().empty());
  EXPECT_EQ(document["forecasts"].size(), 2u * 9u);
  for (const char* key : {"model", "issue", "mean", "median", "p10", "p90", "count"})
    EXPECT_TRUE(document["forecasts"][0].contains(key)) << key;
  ASSERT_EQ(document["stages"].size(), 2u);
  EXPECT_EQ(document["stages"][0]["stage"], "truce");
  for (const char* key : {"agreement", "veto", "utilities"}) EXPECT_TRUE(document["stages"][0].contains(key)) << key;
}

TEST(SweepCli, CsvRows) {
  const auto result = run_cli("sweep " + quoted(kFlagship) + " --runs 5 --models median --no-negotiation --csv" + db_option());
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out.rfind("section,output,input,count,mean,p10,p50,p90,value\n", 0), 0u) << result.out;
  EXPECT_TRUE(has(result.out, "\ninput,us.salience.ceasefire,,5,")) << result.out;
  EXPECT_TRUE(has(result.out, "\nforecast,median:territory,,5,")) << result.out;
  EXPECT_TRUE(has(result.out, "\nsensitivity,median:")) << result.out;
}

TEST(SweepCli, UserErrorsExitWith2) {
  const auto zero = run_cli("sweep " + quoted(kFlagship) + " --runs 0" + db_option());
  EXPECT_EQ(zero.status, 2);
  EXPECT_TRUE(has(zero.err, "--runs: 0 runs; a sweep needs at least 1")) << zero.err;
  const auto sure = run_cli("sweep " + quoted(kData / "scenarios/full.yaml") + " --runs 10" + db_option());
  EXPECT_EQ(sure.status, 2);
  EXPECT_TRUE(has(sure.err, "full.yaml: the scenario has no `uncertainty:` section")) << sure.err;
  EXPECT_TRUE(has(sure.err, "docs/format.md")) << sure.err;
  const auto model = run_cli("sweep " + quoted(kFlagship) + " --runs 2 --models smpp" + db_option());
  EXPECT_EQ(model.status, 2);
  EXPECT_TRUE(has(model.err, "--models: no model 'smpp' (did you mean 'smp'?)")) << model.err;
  const auto strategy = run_cli("sweep " + quoted(kFlagship) + " --runs 2 --strategy ru=bolware" + db_option());
  EXPECT_EQ(strategy.status, 2);
  EXPECT_TRUE(has(strategy.err, "bolware")) << strategy.err;
}

TEST(ForecastIntervalsCli, IntervalsBesideEachForecast) {
  const auto result = run_cli("forecast " + quoted(kFlagship) + " --model smp,median --intervals --runs 40");
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(has(result.out, "80% interval of each model's forecast over 40 scenarios")) << result.out;
  // "51.17 [44.78, 59.20]": the point forecast, then [p10, p90].
  EXPECT_TRUE(has(result.out, "guarantees ")) << result.out;
  EXPECT_TRUE(has(result.out, "] ")) << result.out;
  const auto json = run_cli("forecast " + quoted(kFlagship) + " --model smp,median --intervals --runs 40 --json");
  ASSERT_EQ(json.status, 0) << json.err;
  const auto document = nlohmann::json::parse(json.out);
  EXPECT_EQ(document["intervals"]["runs"], 40);
  const auto& interval = document["models"][0]["interval80"];
  ASSERT_EQ(interval.size(), 9u);
  EXPECT_EQ(interval[1]["issue"], "guarantees");
  EXPECT_LE(interval[1]["p10"].get<double>(), interval[1]["median"].get<double>());
  EXPECT_LE(interval[1]["median"].get<double>(), interval[1]["p90"].get<double>());
  EXPECT_EQ(interval[1]["draws"], 40);
  // Without --intervals nothing changes.
  const auto plain = run_cli("forecast " + quoted(kFlagship) + " --model smp --json");
  EXPECT_FALSE(nlohmann::json::parse(plain.out)["models"][0].contains("interval80"));
}

TEST(ForecastIntervalsCli, NeedsAnUncertaintySection) {
  const auto result = run_cli("forecast " + quoted(kData / "scenarios/minimal.yaml") + " --intervals");
  EXPECT_EQ(result.status, 2);
  EXPECT_TRUE(
      has(result.err, "--intervals draws the scenario's uncertain inputs, but it has no `uncertainty:` section"))
      << result.err;
  const auto table = run_cli("forecast " + quoted(kData / "bdm/jmckib_ExampleActors_BDM1994_emissions.csv") + " --intervals");
  EXPECT_EQ(table.status, 2);
  EXPECT_TRUE(has(table.err, "import the table as a scenario")) << table.err;
  const auto runs = run_cli("forecast " + quoted(kFlagship) + " --runs 10");
  EXPECT_EQ(runs.status, 2);
  EXPECT_TRUE(has(runs.err, "--runs sets the draws behind --intervals")) << runs.err;
}

}  // namespace
}  // namespace parley::test
