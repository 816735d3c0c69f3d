// The aspiration strategy's two NegMAS versions, rule by rule, on hand-traced one-issue
// domains. Each 0.15 case is one the 0.8.9 definitions decide differently (the previous
// default), so each fails under them; the negmas=0.8.9 cases pin the old behaviour.
// NegMAS 0.15.7: gb/negotiators/timebased.py (AspirationNegotiator), gb/components/inverter.py
// (UtilityInverter.scale_utilities), preferences/inv_ufun.py (PresortingInverseUtilityFunction).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "parley/core/error.hpp"
#include "parley/negotiate/aspiration.hpp"
#include "parley/negotiate/strategies.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

// One negotiator of `spec` as party 0 of a one-issue domain with utilities `u` (outcome i has
// utility u[i]) and reservation value `rv`, driven turn by turn.
class Solo {
 public:
  Solo(const std::string& spec, std::vector<double> u, double rv)
      : domain_(test::table_domain({std::uint32_t(u.size())}, {u, u}, {rv, rv})), negotiator_(make_negotiator(spec)) {
    context_.self = 0;
    context_.party_count = 2;
    context_.protocol = "sao";
    context_.space = &domain_.space();
    context_.strides = domain_.strides();
    context_.table = &domain_.party(0);
    negotiator_->on_start(context_);
  }
  Reply propose(double t) { return act(TurnKind::propose, t, kNoOutcome); }
  Reply respond(double t, OutcomeIndex offer) { return act(TurnKind::respond, t, offer); }

 private:
  Reply act(TurnKind kind, double t, OutcomeIndex offer) {
    Turn turn;
    turn.kind = kind;
    turn.time = t;
    turn.offer = offer;
    turn.proposer = kind == TurnKind::respond ? 1 : kMechanism;
    return negotiator_->act(turn);
  }

  CompiledDomain domain_;
  NegotiatorContext context_;
  std::unique_ptr<Negotiator> negotiator_;
};

bool offers(const Reply& r, OutcomeIndex o) { return r.kind == ReplyKind::offer && r.outcome == o; }

// Floor = max(worst utility, reservation value), not the lowest utility at or above the
// reservation value. u = {0.2, 0.5, 0.9, 1}, rv = 0.3, linear, no tolerance, t = 0.75:
//   0.15: floor 0.3, bound 0.7 · 0.25 + 0.3 = 0.475 → offers 0.5 (outcome 1);
//   0.8.9: u_min 0.5, target 0.5 · 0.25 + 0.5 = 0.625 → offers 0.9 (outcome 2).
TEST(AspirationNegmas015, FloorIsWorstUtilityRaisedToReservation) {
  const std::vector<double> u{0.2, 0.5, 0.9, 1.0};
  Solo current("aspiration:aspiration_type=linear,tolerance=0", u, 0.3);
  EXPECT_TRUE(offers(current.propose(0.75), 1));
  Solo old("aspiration:aspiration_type=linear,negmas=0.8.9", u, 0.3);
  EXPECT_TRUE(offers(old.propose(0.75), 2));
}

// Offers: the lowest utility >= target − 0.001. u = {0, 0.5, 0.7495, 0.75, 1}, rv = 0,
// linear, t = 0.25: target 0.75, bound 0.749 → outcome 2 (0.7495), not 3 (0.75).
TEST(AspirationNegmas015, OfferUsesTheTolerance) {
  const std::vector<double> u{0.0, 0.5, 0.7495, 0.75, 1.0};
  EXPECT_TRUE(offers(Solo("aspiration:aspiration_type=linear", u, 0).propose(0.25), 2));
  EXPECT_TRUE(offers(Solo("aspiration:aspiration_type=linear,tolerance=0", u, 0).propose(0.25), 3));
  EXPECT_TRUE(offers(Solo("aspiration:aspiration_type=linear,negmas=0.8.9", u, 0).propose(0.25), 3));
}

// Acceptance: u >= target − 0.001. Same domain, an offer worth 0.7495 at t = 0.25.
TEST(AspirationNegmas015, AcceptanceUsesTheTolerance) {
  const std::vector<double> u{0.0, 0.5, 0.7495, 0.75, 1.0};
  EXPECT_EQ(Solo("aspiration:aspiration_type=linear", u, 0).respond(0.25, 2).kind, ReplyKind::accept);
  EXPECT_TRUE(offers(Solo("aspiration:aspiration_type=linear,negmas=0.8.9", u, 0).respond(0.25, 2), 3));
}

// The bound is clamped to [floor, top]: a tolerance larger than what is left of the range
// does not take it below the floor. u = {0, 0.05, 0.2, 1}, rv = 0.1, tolerance 0.5, t = 1:
// bound = max(0.1, 0.1 − 0.5) = 0.1: an offer worth 0.05 is refused, the counter is 0.2.
TEST(AspirationNegmas015, BoundIsClampedToTheFloor) {
  const std::vector<double> u{0.0, 0.05, 0.2, 1.0};
  EXPECT_TRUE(offers(Solo("aspiration:tolerance=0.5", u, 0.1).respond(1.0, 1), 2));
}

// Acceptance is u >= floor, not u > reservation value: u = {0.3, 0.5, 1}, rv = 0.3, t = 1:
//   0.15: bound = floor = 0.3, the offer worth 0.3 is accepted;
//   0.8.9: 0.3 is not above the reservation value; the target (0.3) is not below it, so it
//   counter-offers the lowest utility >= 0.3 (outcome 0, worth 0.3) instead of ending.
TEST(AspirationNegmas015, AcceptsAtTheFloor) {
  const std::vector<double> u{0.3, 0.5, 1.0};
  EXPECT_EQ(Solo("aspiration", u, 0.3).respond(1.0, 0).kind, ReplyKind::accept);
  EXPECT_TRUE(offers(Solo("aspiration:negmas=0.8.9", u, 0.3).respond(1.0, 0), 0));
}

// Ties: among equal utilities, the outcome numpy's argsort (introsort, not stable) puts
// first. u = [0.25, 0.5] · 10 + [1] (outcome i worth 0.25 for even i < 20, 0.5 for odd i,
// 1 for i = 20); numpy 1.24.2's np.argsort(u) is
// [0 18 16 14 12 8 10 4 2 6 | 7 5 9 19 11 13 3 15 17 1 | 20]: the first 0.5 is outcome 7.
// 0.8.9 took the last one in its stable order (outcome 19). Linear, t = 0.9: floor 0.25,
// bound 0.75 · 0.1 + 0.25 − 0.001 = 0.324, so the offer is worth 0.5.
TEST(AspirationNegmas015, TiesInNumpyArgsortOrder) {
  std::vector<double> u;
  for (int i = 0; i < 10; ++i) u.insert(u.end(), {0.25, 0.5});
  u.push_back(1.0);
  EXPECT_TRUE(offers(Solo("aspiration:aspiration_type=linear", u, 0).propose(0.9), 7));
  EXPECT_TRUE(offers(Solo("aspiration:aspiration_type=linear,negmas=0.8.9", u, 0).propose(0.9), 19));
}

TEST(AspirationNegmas015, NumpyFirstOfTieMatchesNumpy) {
  // All equal: np.argsort([0.5] * 20)[0] == 0, and the order is not the identity.
  {
    const PartyTable t(std::vector<double>(20, 0.5), 0, 1);
    EXPECT_EQ(t.numpy_first_of_tie(0), 0u);
    EXPECT_EQ(t.numpy_first_of_tie(19), 0u);
  }
  // 17 outcomes, the smallest size numpy partitions: v[i] = ((5 i) mod 4) / 4. numpy
  // 1.24.2: argsort [0 12 4 8 16 | 5 9 1 13 | 2 6 10 14 | 7 15 11 3], first 0, 5, 2, 7 (a
  // stable sort's: 0, 1, 2, 3).
  {
    std::vector<double> v;
    for (int i = 0; i < 17; ++i) v.push_back(double((i * 5) % 4) / 4);
    const PartyTable t(v, 0, 1);
    const std::vector<std::pair<double, OutcomeIndex>> expected{{0.75, 7}, {0.5, 2}, {0.25, 5}, {0.0, 0}};
    for (const auto& [value, first] : expected) EXPECT_EQ(t.numpy_first_of_tie(t.rank_at_least(value)), first) << value;
  }
  // v[i] = ((7 i) mod 5) / 4, i < 100: numpy 1.24.2 puts first 0 (for 0), 3 (0.25), 71
  // (0.5), 89 (0.75), 97 (1).
  {
    std::vector<double> v;
    for (int i = 0; i < 100; ++i) v.push_back(double((i * 7) % 5) / 4);
    const PartyTable t(v, 0, 1);
    const std::vector<std::pair<double, OutcomeIndex>> expected{{1.0, 97}, {0.75, 89}, {0.5, 71}, {0.25, 3}, {0.0, 0}};
    for (const auto& [value, first] : expected) EXPECT_EQ(t.numpy_first_of_tie(t.rank_at_least(value)), first) << value;
  }
  // v[i] = (((i · 2654435761) mod 2^32) >> 7) mod 10 / 8, i < 1000: numpy 1.24.2's first
  // outcome of each value (a stable sort's would be 0, 10, 15, 4, 9, 13, 2, 7, 12, 1).
  {
    std::vector<double> v;
    for (std::uint64_t i = 0; i < 1000; ++i) v.push_back(double((((i * 2654435761u) % (1ull << 32)) >> 7) % 10) / 8);
    const PartyTable t(v, 0, 1);
    const std::vector<std::pair<double, OutcomeIndex>> expected{
        {0.0, 0},    {0.125, 448}, {0.25, 97}, {0.375, 759}, {0.5, 683},
        {0.625, 95}, {0.75, 903},  {0.875, 412}, {1.0, 849}, {1.125, 1}};
    for (const auto& [value, first] : expected) EXPECT_EQ(t.numpy_first_of_tie(t.rank_at_least(value)), first) << value;
  }
}

// Nearest around the bound: a utility below the bound by at most 1e-12 (NegMAS 0.15.7's
// EPS) wins if it is nearer than the lowest utility >= the bound. Linear, t = 0.25: bound
// lo = 0.75 − 0.001.
TEST(AspirationNegmas015, NearestAroundTheBound) {
  const double lo = 1.0 * aspiration(0.25, kLinearExponent) + 0.0 - 0.001;
  // 4e-13 below (nearer) against 6e-13 above: the one below.
  EXPECT_TRUE(offers(Solo("aspiration:aspiration_type=linear", {0.0, lo - 4e-13, lo + 6e-13, 1.0}, 0).propose(0.25), 1));
  // 6e-13 below against 4e-13 above: the one above.
  EXPECT_TRUE(offers(Solo("aspiration:aspiration_type=linear", {0.0, lo - 6e-13, lo + 4e-13, 1.0}, 0).propose(0.25), 2));
  // 2e-12 below is outside NegMAS's window, however near.
  EXPECT_TRUE(offers(Solo("aspiration:aspiration_type=linear", {0.0, lo - 2e-12, lo + 1e-9, 1.0}, 0).propose(0.25), 2));
}

// The version and the NegMAS parameter names are part of the spec.
TEST(AspirationNegmas015, ParametersAndDefaults) {
  EXPECT_EQ(parse_strategy("aspiration:negmas=0.8.9").text(), "aspiration:negmas=0.8.9");
  EXPECT_NO_THROW(parse_strategy("aspiration:aspiration_type=conceder,max_aspiration=0.9,tolerance=0.01"));
  EXPECT_THROW(parse_strategy("aspiration:negmas=0.16"), Error);
  EXPECT_THROW(parse_strategy("aspiration:e=2,aspiration_type=linear"), Error);  // which one?
  EXPECT_THROW(parse_strategy("aspiration:negmas=0.8.9,tolerance=0.01"), Error);  // would be ignored
  EXPECT_THROW(parse_strategy("aspiration:max=0.9"), Error);                      // now max_aspiration
  // boulware, linear and conceder keep 0.8.9 by default: the floor case decides as 0.8.9.
  const std::vector<double> u{0.2, 0.5, 0.9, 1.0};
  EXPECT_TRUE(offers(Solo("linear", u, 0.3).propose(0.75), 2));
  EXPECT_TRUE(offers(Solo("linear:negmas=0.15,tolerance=0", u, 0.3).propose(0.75), 1));
}

}  // namespace
}  // namespace parley
