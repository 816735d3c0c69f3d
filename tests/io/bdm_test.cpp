// BDM-style actor tables: every reference file, the salience scale, and bad input.

#include "parley/io/bdm.hpp"

#include <gtest/gtest.h>

#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"

namespace parley::test {
namespace {

const std::filesystem::path kBdm = std::filesystem::path(PARLEY_TEST_DATA) / "bdm";

std::string error_of(std::string_view text) {
  try {
    parse_bdm_csv(text, "t.csv");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Bdm, ReadsTheEmissionsCase) {
  const Scenario s = import_bdm(kBdm / "jmckib_ExampleActors_BDM1994_emissions.csv");
  ASSERT_EQ(s.actors.size(), 10u);
  ASSERT_EQ(s.issues.size(), 1u);
  EXPECT_EQ(s.actors[0].id, "Netherlands");
  EXPECT_EQ(s.actors[0].capability, 0.08);
  EXPECT_EQ(s.actors[0].stances[0].position, 4);
  EXPECT_EQ(s.actors[0].stances[0].salience, 0.8);
  EXPECT_EQ(s.issues[0].lower, 4);
  EXPECT_EQ(s.issues[0].upper, 10);
  EXPECT_NE(s.description.find("0–1 scale"), std::string::npos) << s.description;
  EXPECT_EQ(s.stages.size(), 1u);
}

TEST(Bdm, DetectsPercentSaliences) {
  const Scenario percent = import_bdm(kBdm / "dmasad_ExampleActors_BDM1994_emissions.csv");
  const Scenario unit = import_bdm(kBdm / "jmckib_ExampleActors_BDM1994_emissions.csv");
  EXPECT_NE(percent.description.find("0–100 scale"), std::string::npos) << percent.description;
  for (std::size_t i = 0; i < unit.actors.size(); ++i)
    EXPECT_DOUBLE_EQ(percent.actors[i].stances[0].salience, unit.actors[i].stances[0].salience);
}

TEST(Bdm, ReadsEveryReferenceFileAndLoadDetectsIt) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kBdm)) {
    ++files;
    EXPECT_EQ(detect_input_format(entry.path()), InputFormat::bdm) << entry.path();
    const Scenario s = load_scenario(entry.path());
    EXPECT_GE(s.actors.size(), 4u) << entry.path();
    for (const Actor& a : s.actors) {
      EXPECT_GT(a.capability, 0);
      EXPECT_GE(a.stances[0].salience, 0);
      EXPECT_LE(a.stances[0].salience, 1);
    }
  }
  EXPECT_EQ(files, 13u);
  // Extra columns are named as unused; other header spellings are accepted.
  EXPECT_NE(import_bdm(kBdm / "classnotes_mugabe_full.csv").description.find("Columns not used: Flexibility, Veto, Fixed"),
            std::string::npos);
  EXPECT_EQ(import_bdm(kBdm / "dmasad_ChinaData.csv").actors.front().name, "Zeming");
}

TEST(Bdm, UniqueIdsAndSinglePosition) {
  const Scenario s = parse_bdm_csv("Actor,Capability,Position,Salience\nA b,1,5,1\nA-b,1,5,0.5\nA b,2,5,0.2\n", "t.csv");
  EXPECT_EQ(s.actors[0].id, "A_b");
  EXPECT_EQ(s.actors[1].id, "A-b");
  EXPECT_EQ(s.actors[2].id, "A_b_2");
  EXPECT_EQ(s.issues[0].lower, 4);
  EXPECT_EQ(s.issues[0].upper, 6);
}

TEST(Bdm, BadFilesGetLineAndColumn) {
  EXPECT_EQ(error_of(""), "t.csv: empty file: expected a header Actor,Capability,Position,Salience");
  EXPECT_EQ(error_of("Actor,Capability,Position\nA,1,2\n"), "t.csv:1:1: the header has no a Salience column");
  EXPECT_EQ(error_of("Actor,Capability,Position,Salience\nA,1,x,1\n"), "t.csv:2:5: position 'x' is not a number");
  EXPECT_EQ(error_of("Actor,Capability,Position,Salience\nA,0,1,1\n"), "t.csv:2:3: capability of 'A' is 0; it must be > 0");
  EXPECT_EQ(error_of("Actor,Capability,Position,Salience\nA,1,1,-1\n"), "t.csv:2:7: salience of 'A' is -1; it must be ≥ 0");
  EXPECT_EQ(error_of("Actor,Capability,Position,Salience\nA,1,1,50\nB,1,2,150\n"),
            "t.csv:3:7: salience of 'B' is 150; saliences on the 0–100 scale must be ≤ 100");
  EXPECT_EQ(error_of("Actor,Capability,Position,Salience\nA,1,1\n"), "t.csv:2:1: 3 fields, the header needs at least 4");
  EXPECT_EQ(error_of("Actor,Capability,Position,Salience\n"), "t.csv: no actor rows after the header");
  EXPECT_EQ(error_of("Actor,Capability,Position,Salience\n,1,1,1\n"), "t.csv:2:1: the actor has no name");
  EXPECT_EQ(error_of("Actor,Capability,Position,Salience\nA,1,nan,1\n"), "t.csv:2:5: position 'nan' is not a number");
  EXPECT_EQ(error_of("Actor,Capability,Position,Salience\nA,1e13,1,1\n"),
            "t.csv:2:3: capability of 'A' is 1e+13; it must be at most 1e+12");
  EXPECT_EQ(error_of("Actor,Capability,Position,Salience\nA,1,-1e300,1\n"),
            "t.csv:2:5: position of 'A' is -1e+300; it must lie within ±1e+12");
}

}  // namespace
}  // namespace parley::test
