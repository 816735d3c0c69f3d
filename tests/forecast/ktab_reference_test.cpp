// SMP in KTAB-compatible mode against KTAB's own recorded runs: every file in
// tests/data/ktab/expected/<name>.csv is the position history KTAB produced for
// tests/data/ktab/inputs/<name>.xml. Every row must agree within 1e-4 (0–100 scale) and the
// run must stop at the same turn.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/smp.hpp"
#include "parley/io/files.hpp"
#include "parley/io/ktab.hpp"

namespace parley {
namespace {

const std::filesystem::path kData = std::filesystem::path(PARLEY_TEST_DATA) / "ktab";

struct Row {
  int turn = 0;
  std::size_t actor = 0;
  std::size_t dimension = 0;
  double position = 0;
  double ideal = 0;
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) fields.push_back(field);
  return fields;
}

// turn,actor_index,actor,dim_index,dim,position_0_100,ideal_0_100 (names may hold commas:
// the numbers are read from both ends).
std::vector<Row> read_expected(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);  // header
  std::vector<Row> rows;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto f = split(line);
    const std::size_t n = f.size();
    rows.push_back(Row{std::stoi(f[0]), std::stoul(f[1]), std::stoul(f[n - 4]), std::stod(f[n - 2]), std::stod(f[n - 1])});
  }
  return rows;
}

std::vector<std::string> expected_names() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(kData / "expected"))
    if (entry.path().extension() == ".csv") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

class KtabReference : public ::testing::TestWithParam<std::string> {};

TEST_P(KtabReference, ReproducesKtabPositionHistory) {
  const std::string name = GetParam();
  const auto rows = read_expected(kData / "expected" / (name + ".csv"));
  ASSERT_FALSE(rows.empty());
  const KtabInput input = import_ktab(kData / "inputs" / (name + ".xml"));
  const ActorTable table = to_actor_table(input.scenario);
  ModelParameters parameters = input.parameters;
  parameters["ktab_compatible"] = "true";
  SmpParameters smp = parse_smp_parameters(parameters, table);
  smp.report_pce = false;
  const SmpResult result = run_smp(table, smp);

  const int expected_turns = rows.back().turn;
  EXPECT_EQ(static_cast<int>(result.turns()), expected_turns) << result.stop_reason;
  const std::size_t dims = table.dimension_count();
  int mismatches = 0;
  for (const Row& row : rows) {
    if (row.turn > static_cast<int>(result.turns())) break;
    const double position = result.positions[row.turn][row.actor * dims + row.dimension];
    const double ideal = result.ideals[row.turn][row.actor * dims + row.dimension];
    if (std::fabs(position - row.position) > 1e-4 || std::fabs(ideal - row.ideal) > 1e-4) {
      if (++mismatches <= 5)
        ADD_FAILURE() << name << ": turn " << row.turn << " actor " << row.actor << " dimension " << row.dimension
                      << ": parley " << position << " (ideal " << ideal << "), KTAB " << row.position << " (ideal "
                      << row.ideal << ")";
    }
  }
  EXPECT_EQ(mismatches, 0);
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string out = info.param;
  for (char& c : out)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return out;
}

INSTANTIATE_TEST_SUITE_P(Expected, KtabReference, ::testing::ValuesIn(expected_names()), test_name);

TEST(KtabReference, EveryExpectedFileHasAnInput) {
  const auto names = expected_names();
  EXPECT_EQ(names.size(), 36u);
  for (const auto& name : names) EXPECT_TRUE(std::filesystem::exists(kData / "inputs" / (name + ".xml"))) << name;
}

}  // namespace
}  // namespace parley
