// Typed results as users meet them: the "parley" header of every JSON document (version and
// scenario hash), and an analysis that reached the rectangle search's node budget.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "run_cli.hpp"

namespace parley::test {
namespace {

const std::filesystem::path kData = PARLEY_TEST_DATA;
const std::filesystem::path kFlagship = std::filesystem::path(PARLEY_SOURCE_DIR) / "scenarios/talks-2025.yaml";
const std::filesystem::path kRectangles = kData / "genius/anac/y2014/10issues";

nlohmann::json json_of(const std::string& arguments) {
  const auto result = run_cli(arguments);
  EXPECT_EQ(result.status, 0) << arguments << "\n" << result.err;
  return nlohmann::json::parse(result.out);
}

// The header's hash, after checking its form.
std::string header_hash(const nlohmann::json& document) {
  EXPECT_TRUE(document.contains("parley")) << document.dump().substr(0, 200);
  if (!document.contains("parley")) return "";
  const auto& header = document["parley"];
  EXPECT_EQ(header["version"], PARLEY_VERSION);
  const std::string hash = header["scenario_hash"].get<std::string>();
  EXPECT_EQ(hash.size(), 16u) << hash;
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos) << hash;
  return hash;
}

class TypedResultsCli : public testing::Test {
 protected:
  void SetUp() override { dir_ = fresh_directory("typed"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(TypedResultsCli, EveryJsonDocumentNamesVersionAndScenario) {
  const std::string flagship = quoted(kFlagship);
  const std::string analyze = header_hash(json_of("analyze " + flagship + " --stage truce --json"));
  const std::string negotiate = header_hash(json_of("negotiate " + flagship + " --json"));
  const std::string forecast = header_hash(json_of("forecast " + flagship + " --json"));
  // One scenario, one hash, whichever command read it.
  EXPECT_EQ(analyze, negotiate);
  EXPECT_EQ(analyze, forecast);
  // A variant changes the values, so the hash.
  const std::string variant = header_hash(json_of("negotiate " + flagship + " --variant open-format --json"));
  EXPECT_NE(variant, negotiate);

  const auto compare = json_of("compare " + flagship + " --variants base,open-format --json");
  EXPECT_EQ(header_hash(compare), negotiate);
  ASSERT_EQ(compare["variants"].size(), 2u);
  EXPECT_EQ(header_hash(compare["variants"][0]), negotiate);
  EXPECT_EQ(header_hash(compare["variants"][1]), variant);

  const auto evaluate =
      json_of("evaluate " + quoted(kData / "deu/deu3.tsv") + " --models compromise --folds 0 --json");
  EXPECT_FALSE(header_hash(evaluate).empty());
}

// The hash is of the scenario's values, not its file: a GENIUS domain and its YAML import
// hash the same.
TEST_F(TypedResultsCli, ImportedScenarioHashesAsTheOriginal) {
  const auto laptop = kData / "genius/anac/y2011/Laptop";
  const auto yaml = dir_ / "laptop.yaml";
  ASSERT_EQ(run_cli("import genius " + quoted(laptop) + " -o " + quoted(yaml)).status, 0);
  EXPECT_EQ(header_hash(json_of("analyze " + quoted(laptop) + " --json")),
            header_hash(json_of("analyze " + quoted(yaml) + " --json")));
}

// GENIUS's raw weights are the default; --normalise-weights writes parley's convention, which
// is a different scenario (another hash, other utilities: Laptop's weights sum to 1.0000518).
TEST_F(TypedResultsCli, ImportGeniusNormaliseWeightsIsAnOption) {
  const auto laptop = kData / "genius/anac/y2011/Laptop";
  const auto raw = dir_ / "raw.yaml", normalised = dir_ / "normalised.yaml";
  ASSERT_EQ(run_cli("import genius " + quoted(laptop) + " -o " + quoted(raw)).status, 0);
  ASSERT_EQ(run_cli("import genius " + quoted(laptop) + " --normalise-weights -o " + quoted(normalised)).status, 0);
  EXPECT_EQ(run_cli("validate " + quoted(raw)).status, 0);
  EXPECT_EQ(run_cli("validate " + quoted(normalised)).status, 0);
  EXPECT_NE(run_cli("show " + quoted(raw)).out.find("raw weights capped at 1"), std::string::npos);
  EXPECT_EQ(run_cli("show " + quoted(normalised)).out.find("raw weights"), std::string::npos);
  const auto a = json_of("analyze " + quoted(raw) + " --json");
  const auto b = json_of("analyze " + quoted(normalised) + " --json");
  EXPECT_NE(header_hash(a), header_hash(b));
  EXPECT_EQ(header_hash(a), header_hash(json_of("analyze " + quoted(laptop) + " --json")));
  // Nash at (HP, 60 Gb, 19'' LCD) either way: the buyer's 1 (capped) and the seller's
  // utility 1.0000518 times the normalised one.
  EXPECT_EQ(a["nash"]["outcome"], b["nash"]["outcome"]);
  EXPECT_NE(a["nash"]["utilities"], b["nash"]["utilities"]);
}

TEST_F(TypedResultsCli, AnalysisSaysWhetherItIsExact) {
  const auto full = json_of("analyze " + quoted(kRectangles) + " --json");
  EXPECT_EQ(full["method"], "rectangle-search");
  EXPECT_EQ(full["exact"], true);
  EXPECT_EQ(full["node_budget_reached"], false);
  EXPECT_GT(full["search_nodes"].get<std::uint64_t>(), 1u);

  const auto cut = json_of("analyze " + quoted(kRectangles) + " --json --max-search-nodes 1");
  EXPECT_EQ(cut["exact"], false);
  EXPECT_EQ(cut["node_budget_reached"], true);
  EXPECT_EQ(cut["search_nodes"], 1);

  const auto text = run_cli("analyze " + quoted(kRectangles) + " --max-search-nodes 1");
  EXPECT_EQ(text.status, 0) << text.err;
  EXPECT_NE(text.out.find("Not exact: the rectangle search stopped at its budget of 1 nodes"), std::string::npos)
      << text.out;
  EXPECT_EQ(run_cli("analyze " + quoted(kRectangles)).out.find("Not exact"), std::string::npos);
  EXPECT_EQ(run_cli("analyze " + quoted(kRectangles) + " --max-search-nodes 0").status, 2);
}

TEST_F(TypedResultsCli, StageEndIsData) {
  const auto json = json_of("negotiate " + quoted(kFlagship) + " --json");
  for (const auto& stage : json["stages"]) {
    ASSERT_TRUE(stage.contains("end")) << stage["id"];
    const std::string kind = stage["end"]["kind"];
    EXPECT_FALSE(kind.empty());
    if (stage["status"] == "blocked") {
      EXPECT_EQ(kind, "blocked_by_stage");
    }
    if (stage["status"] == "agreement") {
      EXPECT_EQ(kind, "agreed");
    }
  }
}

// "steps" means only an issue's grid points: the deadline option is --rounds, and --steps
// stays as a hidden alias that behaves the same; the JSON says moves, not steps.
TEST_F(TypedResultsCli, RoundsOptionAndItsDeprecatedAlias) {
  const std::string run = "negotiate " + quoted(kFlagship) + " --stage truce --strategy '*=linear' --json";
  const auto rounds = run_cli(run + " --rounds 12");
  const auto steps = run_cli(run + " --steps 12");
  ASSERT_EQ(rounds.status, 0) << rounds.err;
  EXPECT_EQ(steps.out, rounds.out);
  EXPECT_EQ(steps.err, rounds.err);
  const auto json = nlohmann::json::parse(rounds.out);
  const auto& truce = json["stages"][0];
  EXPECT_LE(truce["rounds"].get<int>(), 12);
  EXPECT_TRUE(truce.contains("moves"));
  EXPECT_FALSE(truce.contains("steps"));

  const auto bad = run_cli("negotiate " + quoted(kFlagship) + " --rounds 0");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--rounds"), std::string::npos) << bad.err;
  const auto bad_alias = run_cli("negotiate " + quoted(kFlagship) + " --steps 0");
  EXPECT_EQ(bad_alias.status, 2);
  EXPECT_NE(bad_alias.err.find("--steps"), std::string::npos) << bad_alias.err;

  const auto help = run_cli("negotiate --help");
  EXPECT_NE(help.out.find("--rounds"), std::string::npos);
  EXPECT_EQ(help.out.find("--steps"), std::string::npos) << "the alias is hidden";
}

}  // namespace
}  // namespace parley::test
