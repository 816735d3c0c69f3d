// Long model runs report their progress to a listener of the calling thread (issue 8: a
// run the user allowed to take long shows how far it got).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parley/core/progress.hpp"
#include "parley/forecast/eum.hpp"
#include "parley/forecast/smp.hpp"

#include "table_builder.hpp"

namespace parley {
namespace {

struct Report {
  std::string what;
  std::uint64_t done, total;
};

ActorTable five_actors() {
  return test::make_table({{"a", 100, {10, 80}, {50, 40}},
                           {"b", 60, {90, 20}, {70, 30}},
                           {"c", 40, {50, 50}, {40, 60}},
                           {"d", 30, {20, 70}, {60, 20}},
                           {"e", 80, {70, 30}, {30, 50}}});
}

TEST(Progress, SmpReportsEachTurnAgainstItsLimit) {
  std::vector<Report> reports;
  Forecast forecast;
  {
    const ScopedProgress listen([&](std::string_view what, std::uint64_t done, std::uint64_t total) {
      reports.push_back({std::string(what), done, total});
    });
    forecast = SmpModel().run(five_actors(), {{"max_turns", "40"}}, 0);
  }
  ASSERT_FALSE(reports.empty());
  ASSERT_EQ(reports.size() + 1, forecast.rounds.size());  // round 0 is the input
  for (std::size_t i = 0; i < reports.size(); ++i) {
    EXPECT_EQ(reports[i].what, "turn");
    EXPECT_EQ(reports[i].done, i + 1);
    EXPECT_EQ(reports[i].total, 40u);
  }
  // The listener is gone with its scope.
  SmpModel().run(five_actors(), {}, 0);
  EXPECT_EQ(reports.size() + 1, forecast.rounds.size());
}

TEST(Progress, EumReportsRoundsAndAnInnerListenerGivesWayToTheOuter) {
  std::vector<Report> outer, inner;
  const ScopedProgress listen_outer([&](std::string_view what, std::uint64_t done, std::uint64_t total) {
    outer.push_back({std::string(what), done, total});
  });
  {
    const ScopedProgress listen_inner([&](std::string_view what, std::uint64_t done, std::uint64_t total) {
      inner.push_back({std::string(what), done, total});
    });
    EumModel().run(five_actors(), {{"rounds", "3"}}, 0);
  }
  ASSERT_FALSE(inner.empty());
  EXPECT_TRUE(outer.empty());
  EXPECT_EQ(inner.front().what, "round");
  EXPECT_EQ(inner.front().total, 3u);
  EumModel().run(five_actors(), {{"rounds", "3"}}, 0);
  EXPECT_FALSE(outer.empty());
}

}  // namespace
}  // namespace parley
