// The registry of forecast models: `parley forecast --model NAME`, `parley evaluate` and the
// bindings reach every model, built-in or registered, through it.

#include <memory>
#include <vector>

#include "parley/core/error.hpp"
#include "parley/forecast/compromise.hpp"
#include "parley/forecast/eum.hpp"
#include "parley/forecast/exchange.hpp"
#include "parley/forecast/median.hpp"
#include "parley/forecast/model.hpp"
#include "parley/forecast/nash_bargaining.hpp"
#include "parley/forecast/smp.hpp"

namespace parley {

namespace {

void add(ForecastModelRegistry& registry, std::unique_ptr<const ForecastModel> model) {
  std::string name = model->name();
  registry.add(std::move(name), std::move(model));
}

void add_builtins(ForecastModelRegistry& registry) {
  add(registry, std::make_unique<SmpModel>());
  add(registry, std::make_unique<EumModel>());
  add(registry, std::make_unique<CompromiseModel>());
  add(registry, std::make_unique<MedianModel>());
  add(registry, std::make_unique<NashBargainingModel>());
  add(registry, std::make_unique<ExchangeModel>());
}

}  // namespace

std::uint64_t ForecastModel::work_estimate(const ActorTable&, const ModelParameters&) const { return 0; }

ParamValues read_parameters(const ForecastModel& model, const ModelParameters& given) {
  const std::string name = model.name();
  return parse_params(model.parameter_specs(), given, ParamOwner{"model parameter", "parameter", "model", name, false});
}

ForecastModelRegistry& forecast_model_registry() {
  static ForecastModelRegistry registry("model", "models");
  static const bool built_in = (add_builtins(registry), true);  // once, thread-safe
  (void)built_in;
  return registry;
}

void register_forecast_model(std::unique_ptr<const ForecastModel> model) {
  if (!model) throw std::invalid_argument("register_forecast_model: null model");
  add(forecast_model_registry(), std::move(model));
}

std::vector<const ForecastModel*> forecast_models() {
  std::vector<const ForecastModel*> out;
  for (const auto* entry : forecast_model_registry().entries()) out.push_back(entry->get());
  return out;
}

const ForecastModel* find_forecast_model(const std::string& name) {
  const auto* entry = forecast_model_registry().find(name);
  return entry ? entry->get() : nullptr;
}

}  // namespace parley
