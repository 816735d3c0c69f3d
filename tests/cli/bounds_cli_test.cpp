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
  EXPECT_TRUE(contains(result.err, "--max-filter-work")) << result.err;
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

}  // namespace
}  // namespace parley::test
