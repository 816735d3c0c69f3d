// The model registry: every built-in model, found by name, deterministic.

#include "parley/forecast/model.hpp"

#include <gtest/gtest.h>

#include "table_builder.hpp"

namespace parley::test {
namespace {

TEST(Registry, ListsTheModelsInAFixedOrder) {
  std::vector<std::string> names;
  for (const auto& model : forecast_models()) {
    names.push_back(model->name());
    EXPECT_FALSE(model->description().empty());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"smp", "eum", "compromise", "median", "nash", "exchange"}));
  EXPECT_EQ(find_forecast_model("nash")->name(), "nash");
  EXPECT_EQ(find_forecast_model("nope"), nullptr);
}

TEST(Registry, EveryModelForecastsASmallTableDeterministically) {
  const ActorTable table = make_table({{"a", 1, {10, 80}, {0.9, 0.3}},
                                       {"b", 2, {60, 20}, {0.4, 0.8}},
                                       {"c", 1.5, {90, 50}, {0.6, 0.6}}});
  for (const auto& model : forecast_models()) {
    const Forecast first = model->run(table, {}, 7);
    const Forecast second = model->run(table, {}, 7);
    ASSERT_EQ(first.outcome.size(), 2u) << model->name();
    EXPECT_EQ(first.outcome, second.outcome) << model->name();
    EXPECT_EQ(first.model, model->name());
    for (std::size_t d = 0; d < 2; ++d) {
      EXPECT_GE(first.outcome[d], 10 - 1e-9) << model->name();
      EXPECT_LE(first.outcome[d], 90 + 1e-9) << model->name();
    }
  }
}

}  // namespace
}  // namespace parley::test
