// The DEU data: conventions (capability row, actors with a position, imputed saliences) and
// bad input.

#include "parley/io/deu.hpp"

#include <gtest/gtest.h>

#include "parley/io/input_error.hpp"
#include "parley/io/load.hpp"

namespace parley::test {
namespace {

const std::filesystem::path kDeu = std::filesystem::path(PARLEY_TEST_DATA) / "deu/deu3.tsv";

std::string error_of(std::string_view text) {
  try {
    parse_deu(text, "t.tsv");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Deu, ReadsTheDataset) {
  const DeuData data = import_deu(kDeu);
  EXPECT_TRUE(data.capability_row);
  ASSERT_EQ(data.issues.size(), 364u);
  std::size_t with_outcome = 0;
  for (const Scenario& s : data.issues) {
    ASSERT_EQ(s.issues.size(), 1u);
    with_outcome += s.issues[0].known_outcome ? 1 : 0;
    EXPECT_EQ(s.issues[0].lower, 0);
    EXPECT_EQ(s.issues[0].upper, 100);
  }
  EXPECT_EQ(with_outcome, 353u);
  EXPECT_GT(data.imputed_saliences, 0u);
  // The European Commission's position is DEU's benchmark forecast (parley evaluate's actor:com).
  EXPECT_EQ(data.benchmark_actors, std::vector<std::string>{"com"});
  // The first issue: d00032i1, 17 actors with a position, com at 100 with salience 50.
  const Scenario& first = data.issues.front();
  EXPECT_EQ(first.issues[0].id, "d00032i1");
  EXPECT_EQ(first.issues[0].known_outcome, 100);
  EXPECT_EQ(first.issues[0].reference_point, 0);
  EXPECT_EQ(first.actors.front().id, "com");
  EXPECT_EQ(first.actors.front().capability, 4.1);
  EXPECT_EQ(first.actors.front().stances[0].position, 100);
  EXPECT_EQ(first.actors.front().stances[0].salience, 0.5);
  EXPECT_NE(first.description.find("imputed as 50"), std::string::npos);
}

TEST(Deu, LoadDetectsItAsOneScenario) {
  EXPECT_EQ(detect_input_format(kDeu), InputFormat::deu);
  const Scenario s = load_scenario(kDeu);
  EXPECT_EQ(s.issues.size(), 364u);
  EXPECT_EQ(s.actors.size(), 30u);
  for (const Actor& a : s.actors) EXPECT_EQ(a.stances.size(), 364u);
}

TEST(Deu, ImputesSalienceAndSkipsActorsWithoutPosition) {
  const std::string text =
      "\"isnr\"\t\"prname\"\t\"pa\"\t\"pb\"\t\"sa\"\t\"sb\"\t\"rp\"\t\"out\"\n"
      "\t\t2\t1\t\t\t\t\n"
      "\"x1\"\t\"prop\"\t10\t\t\t80\t5\t20\n";
  const DeuData data = parse_deu(text, "t.tsv");
  ASSERT_EQ(data.issues.size(), 1u);
  const Scenario& s = data.issues[0];
  ASSERT_EQ(s.actors.size(), 1u);  // b has a salience but no position
  EXPECT_EQ(s.actors[0].capability, 2);
  EXPECT_EQ(s.actors[0].stances[0].salience, 0.5);  // imputed 50
  EXPECT_EQ(s.issues[0].reference_point, 5);
  EXPECT_EQ(s.issues[0].known_outcome, 20);
  EXPECT_EQ(s.issues[0].name, "prop (x1)");
  EXPECT_EQ(data.imputed_saliences, 1u);
}

TEST(Deu, NamesTheCommissionOnlyWhenTheFileHasIt) {
  EXPECT_TRUE(parse_deu("isnr\tpa\tsa\tout\nx1\t10\t20\t30\n", "t.tsv").benchmark_actors.empty());
  EXPECT_EQ(parse_deu("isnr\tpa\tsa\tpcom\tscom\tout\nx1\t10\t20\t40\t50\t30\n", "t.tsv").benchmark_actors,
            std::vector<std::string>{"com"});
}

TEST(Deu, WithoutCapabilityRowEveryActorCountsOnce) {
  const DeuData data = parse_deu("isnr\tpa\tsa\tout\nx1\t10\t20\t30\n", "t.tsv");
  EXPECT_FALSE(data.capability_row);
  EXPECT_EQ(data.issues[0].actors[0].capability, 1);
  EXPECT_NE(data.conventions.find("capability 1"), std::string::npos);
}

TEST(Deu, BadFilesGetLineAndColumn) {
  EXPECT_EQ(error_of(""), "t.tsv:1:1: empty file: expected the DEU header (p<actor>, s<actor>, rp, out columns)");
  EXPECT_EQ(error_of("isnr\tout\n"), "t.tsv:1:1: the header has no actor columns (a p<actor> position column with its s<actor>)");
  EXPECT_EQ(error_of("isnr\tpa\tsa\n"), "t.tsv:1:1: the header has no `out` (outcome) column");
  EXPECT_EQ(error_of("isnr\tpa\tsa\tout\nx\t101\t5\t5\n"), "t.tsv:2:3: position of a is 101; DEU values are on the scale 0–100");
  EXPECT_EQ(error_of("isnr\tpa\tsa\tout\nx\t1\tfive\t5\n"), "t.tsv:2:5: salience of a 'five' is not a number");
  EXPECT_EQ(error_of("isnr\tpa\tsa\tout\nx\t1\t5\t-5\n"), "t.tsv:2:7: outcome (out) is -5; DEU values are on the scale 0–100");
  EXPECT_EQ(error_of("isnr\tpa\tsa\tout\n\t0\t\t\n"),
            "t.tsv:2:2: capability row: the capability of 'a' must be a number > 0 (found '0')");
  EXPECT_EQ(error_of("isnr\tpa\tsa\tout\n\t2\t\t\n"), "t.tsv: no issue lines after the header");
}

}  // namespace
}  // namespace parley::test
