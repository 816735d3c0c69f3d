// The exchange model's #A/#P/#M/#D input (Decide).

#include "parley/io/exchange.hpp"

#include <gtest/gtest.h>

#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"

namespace parley::test {
namespace {

const std::filesystem::path kExchange = std::filesystem::path(PARLEY_TEST_DATA) / "exchange";

std::string error_of(std::string_view text) {
  try {
    parse_exchange_input(text, "t.csv");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ExchangeInput, ReadsCop21) {
  const Scenario s = import_exchange_input(kExchange / "decide_cop21.csv");
  EXPECT_EQ(s.actors.size(), 15u);
  EXPECT_EQ(s.issues.size(), 13u);
  EXPECT_EQ(s.actors[0].id, "African_grp");
  EXPECT_EQ(s.actors[0].capability, 0.25);
  EXPECT_EQ(s.issues[0].id, "differentiation");
  EXPECT_EQ(s.issues[0].lower, 0);
  EXPECT_EQ(s.issues[0].upper, 100);
  EXPECT_EQ(s.actors[0].stances[0].position, 70);
  EXPECT_EQ(s.actors[0].stances[0].salience, 0.75);
  // ALBA has no data on amb2050: no stake.
  const auto alba = *s.find_actor("ALBA");
  const auto amb2050 = *s.find_issue("amb2050");
  EXPECT_EQ(s.actors[alba].stances[amb2050].salience, 0);
  EXPECT_NE(s.description.find("no #D line"), std::string::npos) << s.description;
  EXPECT_NE(s.description.find("0–1 scale"), std::string::npos);
}

TEST(ExchangeInput, EveryReferenceFileAndDetection) {
  for (const auto& entry : std::filesystem::directory_iterator(kExchange)) {
    EXPECT_EQ(detect_input_format(entry.path()), InputFormat::exchange) << entry.path();
    const Scenario s = load_scenario(entry.path());
    EXPECT_GE(s.issues.size(), 5u);
  }
  // The sample data's tol-hoogte runs 0.5–7.
  const Scenario sample = import_exchange_input(kExchange / "decide_sample_data.txt");
  const auto issue = *sample.find_issue("tol-hoogte");
  EXPECT_EQ(sample.issues[issue].lower, 0.5);
  EXPECT_EQ(sample.issues[issue].upper, 7);
}

TEST(ExchangeInput, SemicolonsPercentSaliencesAndScaleFromPositions) {
  const Scenario s = parse_exchange_input("#A;x;X\n#A;y;Y\n#P;p;P\n#D;x;p;10;80;0.5\n#D;y;p;30;40;0.5\n", "t.csv");
  EXPECT_EQ(s.actors[0].stances[0].salience, 0.8);
  EXPECT_EQ(s.issues[0].lower, 10);
  EXPECT_EQ(s.issues[0].upper, 30);
  EXPECT_NE(s.description.find("0–100 scale"), std::string::npos);
  EXPECT_NE(s.description.find("take the range of their positions: p"), std::string::npos);
}

TEST(ExchangeInput, BadFilesGetLineAndColumn) {
  EXPECT_EQ(error_of("#A\tx\tX\n#P\tp\tP\n#D\tz\tp\t1\t1\t1\n"),
            "t.csv:3:4: actor 'z' is not declared by an earlier #A line");
  EXPECT_EQ(error_of("#A\tx\tX\n#D\tx\tp\t1\t1\t1\n"), "t.csv:2:6: issue 'p' is not declared by an earlier #P line");
  EXPECT_EQ(error_of("#A\tx\tX\n#P\tp\tP\n#M\tp\t0\n#M\tp\t10\n#D\tx\tp\t11\t1\t1\n"),
            "t.csv:5:8: position 11 is outside the scale 0–10 of issue 'p'");
  EXPECT_EQ(error_of("#A\tx\tX\n#P\tp\tP\n#P\tq\tQ\n#D\tx\tp\t1\t1\t1\n#D\tx\tq\t1\t1\t0.5\n"),
            "t.csv:5:12: power of 'X' is 0.5 here but 1 on line 4: parley keeps one capability per actor");
  EXPECT_EQ(error_of("#A\tx\tX\n#P\tp\tP\n#D\tx\tp\t1\t1\t0\n"), "t.csv:3:12: power 0 of 'x' must be > 0");
  EXPECT_EQ(error_of("#A\tx\tX\n#P\tp\tP\n#D\tx\tp\tone\t1\t1\n"), "t.csv:3:8: position 'one' is not a number");
  EXPECT_EQ(error_of("#A\tx\tX\n#X\tp\n"), "t.csv:2:1: unknown record '#X': expected #A, #P, #M or #D");
  EXPECT_EQ(error_of("#A\tx\tX\n#A\tx\tY\n"), "t.csv:2:4: actor 'x' is declared twice");
  EXPECT_EQ(error_of("#A\tx\tX\n#P\tp\tP\n#D\tx\tp\t1\n"), "t.csv:3:1: #D needs 6 fields: #D actor-id issue-id position salience power");
  EXPECT_EQ(error_of("#A\tx\tX\n#A\ty\tY\n#P\tp\tP\n#D\tx\tp\t1\t1\t1\n"), "t.csv: actor 'Y' has no #D line, so no power");
  EXPECT_EQ(error_of("#P\tp\tP\n"), "t.csv: no actors (#A lines)");
  EXPECT_EQ(error_of("#A\tx\tX\n#P\tp\tP\n#M\tp\t1e200\n"),
            "t.csv:3:6: scale point 1e200 is too large: values must lie within ±1e+12");
}

}  // namespace
}  // namespace parley::test
