// Each built-in strategy's defining behaviour.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "parley/core/error.hpp"
#include "parley/negotiate/aspiration.hpp"
#include "parley/negotiate/mechanism.hpp"
#include "parley/negotiate/strategies.hpp"
#include "test_support.hpp"

namespace parley {
namespace {

using test::Scripted;

// One issue with 101 options: party 0 wants high, party 1 low (u0 = v/100, u1 = 1 − v/100).
CompiledDomain pie(double rv0 = 0, double rv1 = 0) {
  std::vector<std::vector<double>> u(2, std::vector<double>(101));
  for (int v = 0; v <= 100; ++v) {
    u[0][std::size_t(v)] = v / 100.0;
    u[1][std::size_t(v)] = 1 - v / 100.0;
  }
  return test::table_domain({101}, u, {rv0, rv1});
}

// Own utility of each offer party p made, in order.
std::vector<double> offers_of(const NegotiationResult& r, const CompiledDomain& d, int p) {
  std::vector<double> out;
  for (const Event& e : r.trace.events)
    if (e.kind == EventKind::offer && e.sender == p) out.push_back(d.party(std::size_t(p)).utility(e.outcome));
  return out;
}

NegotiationResult duel(const CompiledDomain& d, const std::string& a, const std::string& b, int rounds = 100,
                       std::uint64_t seed = 1, bool complete = false) {
  auto x = make_negotiator(a, derive_seed(seed, 0));
  auto y = make_negotiator(b, derive_seed(seed, 1));
  Negotiator* ns[] = {x.get(), y.get()};
  SessionOptions options;
  options.deadline.rounds = rounds;
  options.complete_information = complete;
  return make_protocol("sao")->run(d, ns, options);
}

TEST(Aspiration, CurveValues) {
  for (const double e : {kBoulwareExponent, kLinearExponent, kConcederExponent, 3.0, 0.5}) {
    EXPECT_DOUBLE_EQ(aspiration(0, e), 1.0) << e;
    EXPECT_DOUBLE_EQ(aspiration(1, e), 0.0) << e;
    EXPECT_NEAR(aspiration(0.5, e), 1 - std::pow(0.5, e), 1e-15) << e;
  }
  EXPECT_DOUBLE_EQ(aspiration(0.5, kBoulwareExponent), 0.9375);
  EXPECT_DOUBLE_EQ(aspiration(0.5, kLinearExponent), 0.5);
  EXPECT_NEAR(aspiration(0.5, kConcederExponent), 1 - std::pow(0.5, 0.25), 1e-15);
  EXPECT_DOUBLE_EQ(aspiration(0.5, 1.0, 0.8), 0.4);
}

TEST(TimeBased, OffersFollowNegMASDefinition) {
  // Against a hard-liner nothing is accepted; each offer is the lowest utility at or above
  // target(t) = aspiration(t) (u_max = 1, u_min = 0), t = (r + 1) / (rounds + 1).
  const CompiledDomain d = pie();
  // NegMAS 0.15 (aspiration's default) offers down to the target minus its tolerance 0.001.
  for (const std::string name : {"boulware", "linear", "conceder", "aspiration:e=2,negmas=0.8.9", "aspiration:e=2"}) {
    const NegotiationResult r = duel(d, name, "hardliner", 20);
    const std::vector<double> offers = offers_of(r, d, 0);
    ASSERT_EQ(offers.size(), 20u) << name;
    const double e = name == "boulware" ? 4 : name == "linear" ? 1 : name == "conceder" ? 0.25 : 2;
    const double tolerance = name == "aspiration:e=2" ? 0.001 : 0;
    for (std::size_t k = 0; k < offers.size(); ++k) {
      const double target = aspiration(double(k + 1) / 21.0, e) - tolerance;
      const double expected = std::ceil(target * 100 - 1e-9) / 100;
      EXPECT_NEAR(offers[k], expected, 1e-12) << name << " round " << k;
    }
  }
}

TEST(TimeBased, HandTracedAgreementRound) {
  // linear vs linear, 10 rounds, t = (r + 1) / 11, target 1 − t, offers rounded up to the grid:
  // round 4: a offers 55 (b gets 0.45 < 0.545), b counters 45 (a gets 0.45);
  // round 5: a's target 0.4545 > 0.45, a offers 46; b's target 0.4545 <= 0.54: b accepts.
  const CompiledDomain d = pie();
  const NegotiationResult r = duel(d, "linear", "linear", 10);
  ASSERT_TRUE(r.agreed());
  EXPECT_EQ(r.agreement, 46u);
  EXPECT_EQ(r.rounds, 6);
  EXPECT_EQ(r.moves, 12);
}

TEST(TimeBased, WallClockDeadline) {
  const CompiledDomain d = pie();
  auto a = make_negotiator("boulware");
  auto b = make_negotiator("boulware");
  Negotiator* ns[] = {a.get(), b.get()};
  SessionOptions options;
  options.deadline.rounds = 1'000'000;
  options.deadline.seconds = 1e-9;  // expired before the first round
  const NegotiationResult r = make_protocol("sao")->run(d, ns, options);
  EXPECT_EQ(r.status, NegotiationStatus::timeout);
  EXPECT_EQ(r.rounds, 0);
  EXPECT_EQ(r.moves, 0);
}

TEST(TimeBased, BoulwareConcedesLaterThanConceder) {
  const CompiledDomain d = pie();
  const std::vector<double> boulware = offers_of(duel(d, "boulware", "hardliner"), d, 0);
  const std::vector<double> linear = offers_of(duel(d, "linear", "hardliner"), d, 0);
  const std::vector<double> conceder = offers_of(duel(d, "conceder", "hardliner"), d, 0);
  ASSERT_EQ(boulware.size(), 100u);
  for (std::size_t k = 0; k < 100; ++k) {
    EXPECT_GE(boulware[k], linear[k]) << k;
    EXPECT_GE(linear[k], conceder[k]) << k;
    if (k > 0) {
      EXPECT_LE(boulware[k], boulware[k - 1]);  // monotone concession
      EXPECT_LE(conceder[k], conceder[k - 1]);
    }
  }
  // Half-way, Boulware still asks for about 94% of the range, the conceder about 16%.
  EXPECT_GE(boulware[49], 0.93);
  EXPECT_LE(conceder[49], 0.17);
}

TEST(TimeBased, AcceptsOnceTheOfferMeetsTheTarget) {
  const CompiledDomain d = pie();
  // Party 1 keeps offering 40 (worth 0.4 to party 0). Linear accepts at the first round whose
  // target 1 − t is <= 0.4: t = (r + 1) / 11 >= 0.6, i.e. r = 6.
  auto a = make_negotiator("linear");
  Scripted b(std::vector<Reply>(20, Reply::propose(40)));
  Negotiator* ns[] = {a.get(), &b};
  SessionOptions options;
  options.deadline.rounds = 10;
  const NegotiationResult r = make_protocol("sao")->run(d, ns, options);
  ASSERT_TRUE(r.agreed());
  EXPECT_EQ(r.agreement, 40u);
  EXPECT_EQ(r.rounds, 7);
  // A reservation value above every offer: it never accepts and ends when its target falls
  // below the reservation value (never, here: u_min is raised to it), so it times out.
  const CompiledDomain strict = pie(0.5, 0);
  auto c = make_negotiator("conceder");
  Scripted e(std::vector<Reply>(20, Reply::propose(40)));
  Negotiator* ms[] = {c.get(), &e};
  const NegotiationResult q = make_protocol("sao")->run(strict, ms, options);
  EXPECT_EQ(q.status, NegotiationStatus::timeout);
  for (const double u : offers_of(q, strict, 0)) EXPECT_GE(u, 0.5);
}

TEST(TimeBased, FrequencyModelPicksOffersTheOpponentLikes) {
  // Two issues: party 0 is indifferent to issue 1; party 1 cares only about issue 1. With the
  // model, party 0's offers drift to the values party 1 keeps offering on issue 1.
  std::vector<std::vector<double>> u(2, std::vector<double>(30));
  for (std::uint32_t v0 = 0; v0 < 10; ++v0)
    for (std::uint32_t v1 = 0; v1 < 3; ++v1) {
      u[0][3 * v0 + v1] = v0 / 9.0;
      u[1][3 * v0 + v1] = v1 == 2 ? 1.0 : 0.0;
    }
  const CompiledDomain d = test::table_domain({10, 3}, u);
  auto a = make_negotiator("boulware:model=frequency");
  Scripted b(std::vector<Reply>(30, Reply::propose(2)));  // (0, 2)
  Negotiator* ns[] = {a.get(), &b};
  SessionOptions options;
  options.deadline.rounds = 10;
  const NegotiationResult r = make_protocol("sao")->run(d, ns, options);
  int on_two = 0, offers = 0;
  for (const Event& e : r.trace.events)
    if (e.kind == EventKind::offer && e.sender == 0 && e.round > 0) {
      ++offers;
      on_two += d.value(e.outcome, 1) == 2 ? 1 : 0;
    }
  EXPECT_GT(offers, 0);
  EXPECT_EQ(on_two, offers);
}

TEST(HardLiner, NeverConcedes) {
  const CompiledDomain d = pie();
  for (const std::string other : {"conceder", "boulware", "micro", "tit_for_tat", "random"}) {
    const NegotiationResult r = duel(d, "hardliner", other);
    for (const double u : offers_of(r, d, 0)) EXPECT_DOUBLE_EQ(u, 1.0) << other;
    if (r.agreed()) {
      EXPECT_DOUBLE_EQ(r.utilities[0], 1.0) << other;
    }
  }
}

TEST(TitForTat, ReciprocatesConcessions) {
  const CompiledDomain d = pie();
  // Against a hard-liner it concedes only its kindness, 0.01 of the range per offer seen.
  const std::vector<double> vs_hard = offers_of(duel(d, "tit_for_tat", "hardliner", 30), d, 0);
  ASSERT_EQ(vs_hard.size(), 30u);
  EXPECT_DOUBLE_EQ(vs_hard[0], 1.0);
  for (std::size_t k = 0; k < vs_hard.size(); ++k) EXPECT_NEAR(vs_hard[k], std::ceil(100 * (1 - 0.01 * double(k)) - 1e-9) / 100, 1e-12);
  // Against a conceder it matches the conceder's (much larger) concessions.
  const std::vector<double> vs_conceder = offers_of(duel(d, "tit_for_tat", "conceder", 30), d, 0);
  ASSERT_GE(vs_conceder.size(), 5u);
  EXPECT_LT(vs_conceder[4], vs_hard[4] - 0.1);
}

TEST(Micro, ConcedesOnlyAfterTheOpponentDoes) {
  const CompiledDomain d = pie();
  // The hard-liner makes one distinct offer: MiCRO makes at most two distinct ones.
  const NegotiationResult r = duel(d, "micro", "hardliner", 50);
  std::vector<double> distinct;
  for (const double u : offers_of(r, d, 0))
    if (std::find(distinct.begin(), distinct.end(), u) == distinct.end()) distinct.push_back(u);
  EXPECT_LE(distinct.size(), 2u);
  // Two MiCROs concede in lockstep and meet in the middle.
  const NegotiationResult m = duel(d, "micro", "micro", 100);
  ASSERT_TRUE(m.agreed());
  EXPECT_NEAR(m.utilities[0], 0.5, 0.011);
}

TEST(Random, RationalAndSeeded) {
  const CompiledDomain d = pie(0.3, 0.3);
  const NegotiationResult a = duel(d, "random", "random", 50, 7);
  const NegotiationResult b = duel(d, "random", "random", 50, 7);
  const NegotiationResult c = duel(d, "random", "random", 50, 8);
  ASSERT_EQ(a.trace.events.size(), b.trace.events.size());
  for (std::size_t i = 0; i < a.trace.events.size(); ++i) EXPECT_EQ(a.trace.events[i].outcome, b.trace.events[i].outcome);
  bool differs = a.trace.events.size() != c.trace.events.size();
  for (std::size_t i = 0; !differs && i < a.trace.events.size(); ++i)
    differs = a.trace.events[i].outcome != c.trace.events[i].outcome;
  EXPECT_TRUE(differs);
  for (const double u : offers_of(a, d, 0)) EXPECT_GE(u, 0.3);
  if (a.agreed()) {
    EXPECT_GE(a.utilities[0], 0.3);
    EXPECT_GE(a.utilities[1], 0.3);
  }
}

TEST(Nash, SeeksTheNashPoint) {
  // Two issues, a logrolling domain: the Nash point trades issue 0 for issue 1.
  std::vector<std::vector<double>> u(2, std::vector<double>(121));
  for (std::uint32_t v0 = 0; v0 < 11; ++v0)
    for (std::uint32_t v1 = 0; v1 < 11; ++v1) {
      u[0][11 * v0 + v1] = 0.7 * v0 / 10.0 + 0.3 * v1 / 10.0;
      u[1][11 * v0 + v1] = 0.3 * (1 - v0 / 10.0) + 0.7 * (1 - v1 / 10.0);
    }
  const CompiledDomain d = test::table_domain({11, 11}, u);
  double best = 0;
  for (OutcomeIndex o = 0; o < 121; ++o) best = std::max(best, u[0][o] * u[1][o]);
  const NegotiationResult known = duel(d, "nash:model=known", "nash:model=known", 100, 1, true);
  ASSERT_TRUE(known.agreed());
  EXPECT_GE(known.utilities[0] * known.utilities[1], 0.9 * best);
  const NegotiationResult estimated = duel(d, "nash", "nash", 100, 1, false);
  ASSERT_TRUE(estimated.agreed());
  EXPECT_GE(estimated.utilities[0] * estimated.utilities[1], 0.6 * best);
}

TEST(Conditional, AcceptsOnlyWhenTheConditionHolds) {
  // Two issues (outcome = 3·v0 + v1); the wrapped party accepts only deals with issue 1 = 2.
  std::vector<std::vector<double>> u(2, std::vector<double>(9));
  for (std::uint32_t o = 0; o < 9; ++o) {
    u[0][o] = (o / 3) / 2.0 * 0.9 + (o % 3) / 2.0 * 0.1;
    u[1][o] = 1 - u[0][o];
  }
  const CompiledDomain d = test::table_domain({3, 3}, u);
  auto inner = make_negotiator("conceder");
  auto a = with_condition(std::move(inner), [](std::span<const std::uint32_t> o) { return o[1] == 2; }, "issue 1 = 2");
  EXPECT_EQ(a->name(), "conceder if issue 1 = 2");
  // Party 1 offers (2, 0): the best outcome for the inner negotiator on issue 0, but issue 1
  // is 0 — "yes, with nuances": the wrapper counters with (2, 2).
  Scripted b({Reply::propose(6), Reply::accept()});
  Negotiator* ns[] = {a.get(), &b};
  const NegotiationResult r = make_protocol("sao")->run(d, ns, {});
  ASSERT_TRUE(r.agreed());
  EXPECT_EQ(r.agreement % 3, 2u);
  for (const Event& e : r.trace.events) {
    if (e.sender == 0 && e.kind == EventKind::offer) {
      EXPECT_EQ(e.outcome % 3, 2u);
    }
    if (e.sender == 0) {
      EXPECT_NE(e.kind, EventKind::accept);
    }
  }
}

TEST(Registry, ParsesSpecsAndMakesNegotiators) {
  const StrategySpec spec = parse_strategy("boulware:e=0.2,model=frequency");
  EXPECT_EQ(spec.name, "boulware");
  ASSERT_EQ(spec.params.size(), 2u);
  EXPECT_EQ(spec.params[0], (std::pair<std::string, std::string>{"e", "0.2"}));
  EXPECT_EQ(spec.text(), "boulware:e=0.2,model=frequency");
  EXPECT_EQ(make_negotiator(spec)->name(), "boulware:e=0.2,model=frequency");
  for (const std::string& name : strategy_names()) {
    EXPECT_EQ(make_negotiator(name)->name(), name);
  }
  EXPECT_EQ(strategy_catalog().size(), strategy_names().size());
  for (const StrategyInfo* info : strategy_catalog()) {
    EXPECT_FALSE(info->source.empty()) << info->name;
    EXPECT_FALSE(info->summary.empty()) << info->name;
  }
}

std::string error_of(const std::string& spec) {
  try {
    make_negotiator(spec);
  } catch (const Error& e) {
    EXPECT_EQ(e.location().field, "strategy");
    EXPECT_TRUE(e.location().file.empty());
    return e.message();
  }
  ADD_FAILURE() << "no error for " << spec;
  return {};
}

TEST(Registry, BadSpecsListWhatIsValid) {
  EXPECT_NE(error_of("boulwar").find("did you mean 'boulware'"), std::string::npos);
  EXPECT_NE(error_of("xyz").find("valid strategies: aspiration boulware linear conceder hardliner"), std::string::npos);
  EXPECT_NE(error_of("boulware:x=1").find("valid parameters: aspiration_type (default boulware) e (default 4) max_aspiration (default 1)"), std::string::npos);
  EXPECT_NE(error_of("boulware:e=-1").find("must be a number in (0, 1e+06]"), std::string::npos);
  EXPECT_NE(error_of("boulware:e=abc").find("not 'abc'"), std::string::npos);
  EXPECT_NE(error_of("boulware:model=bayes").find("must be one of: none, frequency"), std::string::npos);
  EXPECT_NE(error_of("boulware:e").find("expected k=v"), std::string::npos);
  EXPECT_NE(error_of("boulware:").find("no parameters"), std::string::npos);
  EXPECT_NE(error_of("boulware:e=1,e=2").find("twice"), std::string::npos);
  EXPECT_NE(error_of("hardliner:e=1").find("it takes none"), std::string::npos);
  EXPECT_NE(error_of(":e=1").find("empty strategy name"), std::string::npos);
  EXPECT_NE(derive_seed(1, 0), derive_seed(1, 1));
  EXPECT_EQ(derive_seed(5, 3), derive_seed(5, 3));
}


// A user's strategy, defined here and registered by name: accepts any offer worth at least
// `at` to it, otherwise offers its best outcome.
class Threshold : public Negotiator {
 public:
  Threshold(std::string name, double at) : name_(std::move(name)), at_(at) {}
  void on_start(const NegotiatorContext& context) override { table_ = context.table; }
  Reply act(const Turn& turn) override {
    if (turn.kind != TurnKind::propose && turn.offer != kNoOutcome && table_->utility(turn.offer) >= at_)
      return Reply::accept();
    return Reply::propose(table_->best_allowed(turn.allowed));
  }
  std::string name() const override { return name_; }

 private:
  std::string name_;
  double at_;
  const PartyTable* table_ = nullptr;
};

void register_threshold() {
  if (strategy_registry().find("test_threshold")) return;
  register_strategy({"test_threshold", "accepts offers worth at least `at`", "parley tests",
                     {ParamSpec::number("at", 0.5, {0, 1}, "lowest acceptable utility")},
                     [](const std::string& text, const ParamValues& params, std::uint64_t) -> std::unique_ptr<Negotiator> {
                       return std::make_unique<Threshold>(text, params.number("at"));
                     }});
}

TEST(Registry, UserStrategyIsUsableLikeABuiltIn) {
  register_threshold();
  const std::vector<std::string> names = strategy_names();
  EXPECT_NE(std::find(names.begin(), names.end(), "test_threshold"), names.end());
  EXPECT_EQ(make_negotiator("test_threshold:at=0.3")->name(), "test_threshold:at=0.3");
  // Validated by its own specs, with the same messages as a built-in.
  EXPECT_NE(error_of("test_threshold:at=2").find("parameter 'at' of strategy 'test_threshold' must be a number in [0, 1]"),
            std::string::npos);
  EXPECT_NE(error_of("test_threshold:a=1").find("valid parameters: at (default 0.5)"), std::string::npos);
  // Against a conceder it agrees at once on the first offer worth >= 0.3 to it.
  const CompiledDomain d = pie();
  const NegotiationResult r = duel(d, "test_threshold:at=0.3", "conceder");
  ASSERT_TRUE(r.agreed());
  EXPECT_GE(d.party(0).utility(r.agreement), 0.3);
  // A name can be registered once.
  EXPECT_THROW(register_strategy({"test_threshold", "again", "", {}, nullptr}), Error);
  EXPECT_THROW(register_strategy({"boulware", "again", "", {}, nullptr}), Error);
}

}  // namespace
}  // namespace parley
