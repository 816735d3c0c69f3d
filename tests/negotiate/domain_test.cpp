#include "parley/negotiate/domain.hpp"

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace parley {
namespace {

TEST(PartyTable, RanksDescendingWithStableTies) {
  const PartyTable t({0.2, 0.9, 0.5, 0.9, 0.0}, 0.1, 0.95);
  const std::span<const OutcomeIndex> ranked = t.ranked_span(0, t.size());
  EXPECT_EQ(std::vector<OutcomeIndex>(ranked.begin(), ranked.end()), (std::vector<OutcomeIndex>{1, 3, 2, 0, 4}));
  EXPECT_DOUBLE_EQ(t.max_utility(), 0.9);
  EXPECT_DOUBLE_EQ(t.min_utility(), 0.0);
  EXPECT_EQ(t.best(), 1u);
  EXPECT_DOUBLE_EQ(t.reservation_value(), 0.1);
  EXPECT_DOUBLE_EQ(t.discount(), 0.95);
}

TEST(PartyTable, AtLeastFindsTheLowestUtilityAboveATarget) {
  const PartyTable t({0.2, 0.9, 0.5, 0.9, 0.0}, 0, 1);
  EXPECT_EQ(t.rank_at_least(0.95), -1);
  EXPECT_EQ(t.at_least(0.95), kNoOutcome);
  EXPECT_EQ(t.at_least(0.9), 3u);  // ties: the later rank, as NegMAS
  EXPECT_EQ(t.at_least(0.6), 3u);
  EXPECT_EQ(t.at_least(0.5), 2u);
  EXPECT_EQ(t.at_least(0.3), 2u);
  EXPECT_EQ(t.at_least(-1), 4u);
}

TEST(OfferFilter, RestrictsFixedIssues) {
  const CompiledDomain d = test::table_domain({3, 2}, {{0, 1, 2, 3, 4, 5}});
  // outcome index = 2·v0 + v1
  const std::vector<std::int32_t> fixed{-1, 1};
  const OfferFilter f(d.space(), fixed);
  EXPECT_FALSE(f.empty());
  for (OutcomeIndex o = 0; o < 6; ++o) EXPECT_EQ(f.allows(o), o % 2 == 1) << o;
  EXPECT_EQ(d.party(0).at_least(3.5, &f), 5u);
  EXPECT_EQ(d.party(0).at_least(2.5, &f), 3u);
  EXPECT_EQ(d.party(0).best_allowed(&f), 5u);
  const std::vector<std::int32_t> v0{0, 0};
  const OfferFilter g(d.space(), v0);
  EXPECT_EQ(d.party(0).at_least(2, &g), kNoOutcome);
  EXPECT_EQ(d.party(0).best_allowed(&g), 0u);
}

TEST(CompiledDomain, DecodesLikeTheSpace) {
  const CompiledDomain d = test::table_domain({3, 4, 2}, {std::vector<double>(24, 0.5)});
  EXPECT_EQ(d.size(), 24u);
  for (OutcomeIndex o = 0; o < 24; ++o) {
    const Outcome out = d.decode(o);
    for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(d.value(o, k), out[k]);
    EXPECT_EQ(d.encode(out), o);
  }
}

TEST(CompiledDomain, RejectsMismatchedTables) {
  std::vector<PartyTable> tables;
  tables.emplace_back(std::vector<double>{1, 2}, 0, 1);
  EXPECT_THROW(CompiledDomain(test::space_of({3}), std::move(tables)), std::invalid_argument);
}

}  // namespace
}  // namespace parley
