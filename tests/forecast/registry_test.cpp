// The model registry: every built-in model, found by name, deterministic.

#include "parley/forecast/model.hpp"

#include <gtest/gtest.h>

#include "parley/core/error.hpp"
#include "parley/forecast/evaluate.hpp"
#include "parley/io/deu.hpp"
#include "table_builder.hpp"

namespace parley::test {
namespace {

TEST(Registry, ListsTheModelsInAFixedOrder) {
  std::vector<std::string> names;
  for (const auto& model : forecast_models()) {
    names.push_back(model->name());
    EXPECT_FALSE(model->description().empty());
  }
  names.resize(6);  // built-ins first; a test may have registered its own model after them
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


TEST(Registry, EveryModelDeclaresValidSpecs) {
  for (const ForecastModel* model : forecast_models()) {
    const ParamValues defaults = read_parameters(*model, {});  // every default parses
    EXPECT_EQ(defaults.values().size(), model->parameter_specs().size()) << model->name();
    for (const ParamSpec& spec : model->parameter_specs()) EXPECT_FALSE(spec.doc.empty()) << model->name() << " " << spec.name;
  }
}

// A user's model, defined here and registered by name: the middle of each scale, moved by
// `shift` points.
class Midpoint final : public ForecastModel {
 public:
  std::string name() const override { return "test_midpoint"; }
  std::string description() const override { return "middle of the scale, shifted (parley tests)"; }
  std::vector<ParamSpec> parameter_specs() const override {
    return {ParamSpec::number("shift", 0, {-100, 100}, "points added to the midpoint")};
  }
  Forecast run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t) const override {
    const ParamValues values = read_parameters(*this, parameters);
    Forecast forecast;
    forecast.model = name();
    for (std::size_t d = 0; d < table.dimension_count(); ++d)
      forecast.outcome.push_back((table.lower[d] + table.upper[d]) / 2 + values.number("shift"));
    return forecast;
  }
};

TEST(Registry, UserModelIsUsableLikeABuiltIn) {
  if (!find_forecast_model("test_midpoint")) register_forecast_model(std::make_unique<Midpoint>());
  const ForecastModel* model = find_forecast_model("test_midpoint");
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(forecast_models().back(), model);
  const ActorTable table = make_table({{"a", 1, {10}, {1}}, {"b", 1, {90}, {1}}});
  EXPECT_EQ(model->run(table, {{"shift", "5"}}, 0).outcome.at(0), 55);
  try {
    model->run(table, {{"shif", "5"}}, 0);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.location().field, "model parameter");
    EXPECT_NE(e.message().find("unknown parameter 'shif' of model 'test_midpoint' (did you mean 'shift'?)"),
              std::string::npos)
        << e.message();
  }
  EXPECT_THROW(register_forecast_model(std::make_unique<Midpoint>()), Error);  // a name is registered once
  // evaluate() scores it as a row, like a built-in model: on DEU it is the midpoint row.
  std::vector<EvaluationCase> cases;
  for (const Scenario& issue : import_deu(std::filesystem::path(PARLEY_TEST_DATA) / "deu/deu3.tsv").issues)
    for (auto& c : evaluation_cases(issue)) cases.push_back(std::move(c));
  EvaluationOptions options;
  options.models = {"midpoint", "test_midpoint"};
  const Evaluation evaluation = evaluate(cases, options);
  ASSERT_EQ(evaluation.scores.size(), 2u);
  EXPECT_EQ(evaluation.scores[1].name, "test_midpoint");
  EXPECT_EQ(evaluation.scores[1].description, model->description());
  EXPECT_DOUBLE_EQ(evaluation.scores[1].mae, evaluation.scores[0].mae);
}

}  // namespace
}  // namespace parley::test
