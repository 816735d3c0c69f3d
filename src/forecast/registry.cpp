// The one list of built-in forecast models: `parley forecast --model NAME` and the bindings
// reach every model through it.

#include <memory>
#include <vector>

#include "parley/forecast/compromise.hpp"
#include "parley/forecast/eum.hpp"
#include "parley/forecast/exchange.hpp"
#include "parley/forecast/median.hpp"
#include "parley/forecast/model.hpp"
#include "parley/forecast/nash_bargaining.hpp"
#include "parley/forecast/smp.hpp"

namespace parley {

namespace {

std::vector<std::unique_ptr<ForecastModel>> make_models() {
  std::vector<std::unique_ptr<ForecastModel>> models;
  models.push_back(std::make_unique<SmpModel>());
  models.push_back(std::make_unique<EumModel>());
  models.push_back(std::make_unique<CompromiseModel>());
  models.push_back(std::make_unique<MedianModel>());
  models.push_back(std::make_unique<NashBargainingModel>());
  models.push_back(std::make_unique<ExchangeModel>());
  return models;
}

}  // namespace

const std::vector<std::unique_ptr<ForecastModel>>& forecast_models() {
  static const std::vector<std::unique_ptr<ForecastModel>> models = make_models();
  return models;
}

const ForecastModel* find_forecast_model(const std::string& name) {
  for (const auto& model : forecast_models())
    if (model->name() == name) return model.get();
  return nullptr;
}

}  // namespace parley
