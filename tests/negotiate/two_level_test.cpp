// Two-level games against hand-computed theory: a 1-D split of x in 0..100 between a (wants
// 100) and b (wants 0), with a ratifier r on b's side (tests/data/negotiate/two_level.yaml).
// u_a = x/100, u_b = u_r = 1 - x/100; r ratifies iff u_r >= d_r, i.e. x <= 100 (1 - d_r).
// Two boulware negotiators meet at the symmetric split x = 50.

#include <gtest/gtest.h>

#include <algorithm>

#include "parley/core/error.hpp"
#include "parley/core/scenario_hash.hpp"
#include "parley/core/uncertainty.hpp"
#include "parley/io/load.hpp"
#include "parley/io/scenario_yaml.hpp"
#include "parley/negotiate/staged.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley {
namespace {

const std::string kTwoLevel = std::string(PARLEY_TEST_DATA) + "/negotiate/two_level.yaml";

std::size_t actor(const Scenario& s, const char* id) { return *s.find_actor(id); }

StageResult run(const Scenario& scenario, const char* a, const char* b) {
  StagedOptions options;
  options.strategies[actor(scenario, "a")] = parse_strategy(a);
  options.strategies[actor(scenario, "b")] = parse_strategy(b);
  StagedResult result = run_staged(scenario, options);
  return result.stages.at(0);
}

double x_of(const StageResult& r) { return double(r.agreement.value().at(0)); }  // value index = x

double utility_of(const StageResult& r, std::size_t actor) {
  for (const ActorUtility& u : r.utilities)
    if (u.actor == actor) return u.utility;
  return -1;
}

void set_belief(Scenario& s, const char* holder, const char* about, Distribution reservation) {
  Belief belief;
  belief.about = actor(s, about);
  belief.reservation = std::move(reservation);
  s.actors[actor(s, holder)].beliefs = {belief};
}

Distribution point(double x) {
  Distribution d;
  d.kind = DistributionKind::choice;
  d.values = {x};
  return d;
}

TEST(TwoLevel, NaiveNegotiatorsSplitEvenlyAndTheRatifierVetoes) {
  const Scenario s = load_scenario(kTwoLevel);
  const StageResult r = run(s, "boulware", "boulware");
  ASSERT_TRUE(r.agreement);
  EXPECT_EQ(x_of(r), 50);  // u_r = 0.5 < 0.6
  EXPECT_EQ(r.status, StageStatus::rejected);
  EXPECT_EQ(r.reason.vetoed_by, std::vector<std::size_t>{actor(s, "r")});
  EXPECT_TRUE(r.beliefs.empty());  // boulware asks for no belief
}

// Schelling's conjecture where it holds: b's tied hands (a ratifier with a smaller win-set,
// known to b) win b more than it gets unconstrained, and the tighter the constraint the more.
TEST(TwoLevel, TiedHandsWinTheConstrainedNegotiatorTheBetterDeal) {
  Scenario free = load_scenario(kTwoLevel);
  free.stages[0].ratify.clear();
  const StageResult unconstrained = run(free, "boulware", "ratification_aware");
  ASSERT_EQ(unconstrained.status, StageStatus::agreement);
  const double b_free = utility_of(unconstrained, actor(free, "b"));
  EXPECT_DOUBLE_EQ(b_free, 0.5);  // no ratifier: ratification_aware is its base, x = 50

  for (const double d_r : {0.6, 0.7}) {
    Scenario s = load_scenario(kTwoLevel);
    s.actors[actor(s, "r")].reservation_value = d_r;
    const StageResult tied = run(s, "boulware", "ratification_aware");
    ASSERT_EQ(tied.status, StageStatus::agreement) << d_r;
    EXPECT_LE(x_of(tied), 100 * (1 - d_r) + 1e-9) << "inside the win-set";
    EXPECT_GE(utility_of(tied, actor(s, "b")), d_r - 1e-12) << d_r;
    EXPECT_GT(utility_of(tied, actor(s, "b")), b_free) << d_r;
    ASSERT_EQ(tied.beliefs.size(), 1U);
    EXPECT_EQ(tied.beliefs[0].actor, actor(s, "b"));
    EXPECT_EQ(tied.beliefs[0].views.at(0).knowledge, RatifierKnowledge::shared_channel);
  }
}

// Iida's uncertain ratification: b believes r settles for 0.45 (x <= 55), so it signs the even
// split, which r vetoes. A stated belief outweighs what the shared channel would tell.
TEST(TwoLevel, AMistakenBeliefAboutTheRatifierEndsInAVeto) {
  for (const bool normal : {false, true}) {
    Scenario s = load_scenario(kTwoLevel);
    Distribution belief = point(0.45);
    if (normal) {
      belief = {};
      belief.kind = DistributionKind::normal;
      belief.mean = 0.45;
      belief.sd = 0.05;  // median 0.45: at confidence 0.5 the same set as the point
    }
    set_belief(s, "b", "r", belief);
    const StageResult r = run(s, "boulware", "ratification_aware");
    ASSERT_TRUE(r.agreement) << normal;
    EXPECT_GT(x_of(r), 40) << "outside the true win-set";
    EXPECT_LE(x_of(r), 55) << "inside the believed one";
    EXPECT_EQ(r.status, StageStatus::rejected);
    EXPECT_EQ(r.reason.vetoed_by, std::vector<std::size_t>{actor(s, "r")});
    EXPECT_EQ(r.beliefs.at(0).views.at(0).knowledge, RatifierKnowledge::stated_belief);
  }
  // The right belief, held with more confidence, keeps b inside the true win-set.
  Scenario s = load_scenario(kTwoLevel);
  Distribution wide;
  wide.kind = DistributionKind::normal;
  wide.mean = 0.55;
  wide.sd = 0.05;
  set_belief(s, "b", "r", wide);
  const StageResult careful = run(s, "boulware", "ratification_aware:confidence=0.99");
  EXPECT_EQ(careful.status, StageStatus::agreement);  // needs u_r >= 0.55 + 2.33 sd = 0.67
  EXPECT_LE(x_of(careful), 33);
}

// Channel isolation: without a channel to r or a belief about it, b cannot know r's
// reservation, so it bargains as its base strategy does, and is vetoed.
TEST(TwoLevel, WithoutAChannelOrABeliefTheRatifierIsUnknown) {
  Scenario s = load_scenario(kTwoLevel);
  s.channels.pop_back();  // `home`
  const StageResult r = run(s, "boulware", "ratification_aware");
  ASSERT_EQ(r.beliefs.size(), 1U);
  EXPECT_EQ(r.beliefs[0].views.at(0).knowledge, RatifierKnowledge::none);
  ASSERT_TRUE(r.agreement);
  EXPECT_EQ(x_of(r), 50);
  EXPECT_EQ(r.status, StageStatus::rejected);
}

// Tying hands: b announces its view of r; a, who cannot know r otherwise, adopts it and
// concedes into the win-set sooner. Only the table observes the announcement.
TEST(TwoLevel, AnAnnouncedConstraintTeachesTheOtherSideAndOnlyTheTableHearsIt) {
  const Scenario s = load_scenario(kTwoLevel);
  StagedOptions options;
  options.strategies[actor(s, "a")] = parse_strategy("ratification_aware");
  options.strategies[actor(s, "b")] = parse_strategy("ratification_aware:announce=true");
  const StagedResult told = run_staged(s, options);
  const StageResult& r = told.stages.at(0);
  ASSERT_EQ(r.status, StageStatus::agreement);
  EXPECT_LE(x_of(r), 40);
  ASSERT_EQ(r.beliefs.size(), 2U);
  const RatifierView& a_view = r.beliefs[0].views.at(0);
  EXPECT_EQ(r.beliefs[0].actor, actor(s, "a"));
  EXPECT_EQ(a_view.knowledge, RatifierKnowledge::announced);
  EXPECT_EQ(a_view.announced_by, actor(s, "b"));
  const auto constraint = std::find_if(told.trace.begin(), told.trace.end(),
                                       [](const TraceRecord& t) { return t.kind == RecordKind::constraint; });
  ASSERT_NE(constraint, told.trace.end());
  EXPECT_EQ(constraint->sender, actor(s, "b"));
  EXPECT_EQ(constraint->observers, std::vector<std::size_t>{actor(s, "a")});  // not r, outside the table

  const StageResult silent = run(s, "ratification_aware", "ratification_aware");
  EXPECT_EQ(silent.beliefs.at(0).views.at(0).knowledge, RatifierKnowledge::none);
  EXPECT_LT(r.rounds, silent.rounds);
}

// When nothing it could sign would be ratified and worth its reservation, it walks away.
TEST(TwoLevel, AnEmptyBelievedWinSetEndsTheTalksAtOnce) {
  Scenario s = load_scenario(kTwoLevel);
  Actor& r = s.actors[actor(s, "r")];
  r.stances[0].position = 100;  // r now sides with a: ratifies x >= 80 only
  r.reservation_value = 0.8;
  s.actors[actor(s, "b")].reservation_value = 0.3;  // b accepts x <= 70
  const StageResult result = run(s, "boulware", "ratification_aware");
  EXPECT_EQ(result.status, StageStatus::failure);
  EXPECT_EQ(result.reason.end, StageEnd::walked_out);
  EXPECT_EQ(result.ended_by, actor(s, "b"));
  EXPECT_LE(result.rounds, 1);
}

TEST(TwoLevel, TheBaseIsAStrategyNameOtherThanItself) {
  EXPECT_NO_THROW((void)parse_strategy("ratification_aware:base=conceder,confidence=0.9,announce=yes"));
  EXPECT_THROW((void)parse_strategy("ratification_aware:base=ratification_aware"), Error);
  try {
    (void)parse_strategy("ratification_aware:base=bouware");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("boulware"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)parse_strategy("ratification_aware:confidence=0"), Error);
}

TEST(Beliefs, RoundTripThroughTheFormatAndChangeTheHash) {
  const Scenario base = load_scenario(kTwoLevel);
  Scenario s = base;
  Distribution belief;
  belief.kind = DistributionKind::normal;
  belief.mean = 0.45;
  belief.sd = 0.05;
  belief.max = 0.7;
  set_belief(s, "b", "r", belief);
  s.actors[actor(s, "b")].beliefs[0].note = "read from the press";
  Belief on_a;
  on_a.about = actor(s, "r");
  on_a.reservation = point(0.3);
  s.actors[actor(s, "a")].beliefs = {on_a};
  const std::string yaml = scenario_to_yaml(s);
  const Scenario back = parse_scenario_yaml(yaml, "round-trip.yaml");
  EXPECT_EQ(back.actors, s.actors) << yaml;
  EXPECT_NE(scenario_hash(s), scenario_hash(base));
  EXPECT_NE(yaml.find("reservation: 0.3"), std::string::npos) << yaml;  // a point is a number
}

TEST(Beliefs, ReservationDistributionFunctionIsExact) {
  Distribution normal;
  normal.kind = DistributionKind::normal;
  normal.mean = 0.5;
  normal.sd = 0.1;
  normal.max = 0.6;
  EXPECT_DOUBLE_EQ(probability_at_most(normal, 0, 0, 1, 0.5), 0.5);
  EXPECT_NEAR(probability_at_most(normal, 0, 0, 1, 0.4), 0.158655, 1e-6);
  EXPECT_EQ(probability_at_most(normal, 0, 0, 1, 0.6), 1);  // the clip's point mass
  EXPECT_EQ(probability_at_most(normal, 0, 0, 1, -0.1), 0);
  Distribution triangular;
  triangular.kind = DistributionKind::triangular;
  triangular.min = 0.2;
  triangular.mode = 0.4;
  triangular.max = 0.8;
  EXPECT_NEAR(probability_at_most(triangular, 0, 0, 1, 0.4), 1.0 / 3, 1e-12);
  EXPECT_NEAR(probability_at_most(triangular, 0, 0, 1, 0.6), 1 - 0.04 / 0.24, 1e-12);
  Distribution choice;
  choice.kind = DistributionKind::choice;
  choice.values = {0.3, 0.5};
  choice.weights = {1, 3};
  EXPECT_DOUBLE_EQ(probability_at_most(choice, 0, 0, 1, 0.4), 0.25);
  EXPECT_DOUBLE_EQ(probability_at_most(choice, 0, 0, 1, 0.5), 1);
  Distribution uniform;
  uniform.kind = DistributionKind::uniform;
  uniform.min = 0.2;
  uniform.max = 0.6;
  EXPECT_DOUBLE_EQ(probability_at_most(uniform, 0, 0, 1, 0.3), 0.25);
}

}  // namespace
}  // namespace parley
