// Bounded resources from the command line (issue 8): inputs whose work would exhaust the
// machine end at once with a message and exit status 2, naming the option that raises the
// limit. (tests/bounds/analyze-every-file.sh runs analyze on every data file under a real
// memory limit.)

#include <gtest/gtest.h>

#include <fstream>

#include "run_cli.hpp"

namespace parley::test {
namespace {

const std::filesystem::path kData = PARLEY_TEST_DATA;
const std::filesystem::path kFlagship = std::filesystem::path(PARLEY_SOURCE_DIR) / "scenarios/talks-2025.yaml";

class BoundsCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = fresh_directory("bounds"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path write(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::ofstream(path) << text;
    return path;
  }
  std::filesystem::path dir_;
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The DEU table is 30 actors over 364 issues: as one bargaining problem its frontier is
// astronomically large. It used to grow past 20 GB until the kernel killed it.
TEST_F(BoundsCli, AnalyzeOfTheDeuTableStopsWithAMessage) {
  const auto result = run_cli("analyze " + quoted(kData / "deu/deu3.tsv"));
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_TRUE(contains(result.err, "Pareto frontier of 30 parties over 364 issues")) << result.err;
  EXPECT_TRUE(contains(result.err, "--max-work")) << result.err;
  EXPECT_TRUE(result.out.empty());
}

TEST_F(BoundsCli, AnIntegerIssueOfAHundredMillionValuesIsRefusedByName) {
  const auto file = write("big.yaml",
                          "name: big\n"
                          "issues:\n"
                          "  n: {integer: [0, 99999999]}\n"
                          "actors:\n"
                          "  a: {stances: {n: {position: 0, salience: 1}}}\n"
                          "  b: {stances: {n: {position: 99999999, salience: 1}}}\n");
  for (const char* command : {"analyze", "negotiate"}) {
    const auto result = run_cli(std::string(command) + " " + quoted(file));
    EXPECT_EQ(result.status, 2) << command << ": " << result.err;
    EXPECT_TRUE(contains(result.err, "100000000")) << command << ": " << result.err;
  }
}

TEST_F(BoundsCli, AMemoryLimitTooSmallForTheWorkSaysSoAndHowToRaiseIt) {
  const auto result = run_cli("analyze " + quoted(kFlagship) + " --stage settlement --max-memory-mb 1");
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_TRUE(contains(result.err, "over the memory limit of 1 MB")) << result.err;
  EXPECT_TRUE(contains(result.err, "--max-memory-mb")) << result.err;
  EXPECT_EQ(run_cli("analyze " + quoted(kFlagship) + " --stage settlement --max-memory-mb 64").status, 0);
}

// --rounds 2147483647 used to allocate 2 GB and die of std::bad_alloc (and overflow int32 in
// the relative time).
TEST_F(BoundsCli, AHugeDeadlineIsRefusedUpFront) {
  for (const char* option : {"--rounds 2147483647", "--rounds 1000001", "--steps 2147483647"}) {
    const auto result = run_cli("negotiate " + quoted(kFlagship) + " " + option);
    EXPECT_EQ(result.status, 2) << option << ": " << result.err;
    EXPECT_TRUE(contains(result.err, "use 1 to 1000000")) << option << ": " << result.err;
  }
}

// A KTAB table of `actors` actors on two dimensions.
std::string ktab_table(int actors) {
  std::string text = "big,synthetic," + std::to_string(actors) + ",2\n"
                     "Actor,Description,Influence,D1 Position,D1 Salience,D2 Position,D2 Salience\n";
  for (int i = 0; i < actors; ++i)
    text += "A" + std::to_string(i) + ",x," + std::to_string(1 + i % 97) + "," + std::to_string(i * 37 % 100) + "," +
            std::to_string(1 + i % 40) + "," + std::to_string(i * 59 % 100) + "," + std::to_string(1 + i % 30) + "\n";
  return text;
}

// 1,000 actors: SMP would take about 17 minutes, EUM 3. Named alone, the model is refused
// with its estimate; among all models it is reported as not run and the others answer.
TEST_F(BoundsCli, AForecastTooLargeForAModelIsRefusedWithItsEstimate) {
  const auto file = write("thousand.csv", ktab_table(1000));
  const auto alone = run_cli("forecast " + quoted(file) + " --model smp");
  EXPECT_EQ(alone.status, 2) << alone.err;
  EXPECT_TRUE(contains(alone.err, "smp on 1000 actors on 2 issues takes about 1e+11 steps (~17 min")) << alone.err;
  EXPECT_TRUE(contains(alone.err, "--max-work")) << alone.err;

  const auto all = run_cli("forecast " + quoted(file));
  EXPECT_EQ(all.status, 0) << all.err;
  EXPECT_TRUE(contains(all.out, "smp: cannot run on this table: smp on 1000 actors")) << all.out;
  EXPECT_TRUE(contains(all.out, "eum: cannot run on this table: eum on 1000 actors")) << all.out;
  EXPECT_TRUE(contains(all.out, "compromise")) << all.out;

  // Raised explicitly, the limit lets it start (a small table: the estimate passes).
  const auto small = write("small.csv", ktab_table(20));
  EXPECT_EQ(run_cli("forecast " + quoted(small) + " --model smp --max-work 1000").status, 2);
  EXPECT_EQ(run_cli("forecast " + quoted(small) + " --model smp --max-work 100000000").status, 0);
}

// A KTAB XML of 30,000 actors with an IdealAdjustment block: its reader once built the
// 30,000 × 30,000 matrix of rates (7 GB) and died of std::bad_alloc.
TEST_F(BoundsCli, AKtabXmlOfThirtyThousandActorsWithIdealAdjustmentIsRead) {
  std::string xml = "<?xml version=\"1.0\"?>\n<Scenario><name>big</name><desc>d</desc>"
                    "<Dimensions><dName>P1</dName></Dimensions><Actors>\n";
  const int n = 30000;
  for (int i = 0; i < n; ++i)
    xml += "<Actor><name>A" + std::to_string(i) + "</name><description>x</description><capability>" +
           std::to_string(1 + i % 97) + "</capability><Position><dCoord>" + std::to_string(i * 37 % 100) +
           "</dCoord></Position><Salience><dSal>" + std::to_string(1 + i % 50) + "</dSal></Salience></Actor>\n";
  xml += "</Actors><IdealAdjustment>\n";
  for (int i = 0; i < n; i += 2)
    xml += "<iaPair><adjustingIdeal>A" + std::to_string(i) + "</adjustingIdeal><referencePos>A" + std::to_string(i + 1) +
           "</referencePos><adjust>0.5</adjust></iaPair><iaPair><adjustingIdeal>A" + std::to_string(i) +
           "</adjustingIdeal><referencePos>A" + std::to_string(i) + "</referencePos><adjust>0.5</adjust></iaPair>\n";
  xml += "</IdealAdjustment></Scenario>\n";
  const auto file = write("big.xml", xml);
  const auto result = run_cli("forecast " + quoted(file) + " --model compromise");
  EXPECT_EQ(result.status, 0) << result.err;
  const auto smp = run_cli("forecast " + quoted(file) + " --model smp");
  EXPECT_EQ(smp.status, 2) << smp.err;
  EXPECT_TRUE(contains(smp.err, "smp on 30000 actors on 1 issue takes about")) << smp.err;
}

}  // namespace
}  // namespace parley::test
