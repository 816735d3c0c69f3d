#pragma once
// A forecast model maps an actor table to predicted positions, round by round for the
// dynamic models. Every model is its own unit (its source and parameters at the top of its
// header), declares its parameters as ParamSpecs (listed by `parley list models` and in
// docs/models.md, generated), and is found through one open registry, so `parley forecast
// --model eum`, `parley evaluate` and later bindings reach the same code — for a user's
// model registered with register_forecast_model() as for a built-in one.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "parley/core/params.hpp"
#include "parley/core/registry.hpp"
#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/details.hpp"

namespace parley {

// NAME=VALUE settings from the command line (`--param`) or a file; each model validates
// them against its specs (read_parameters) and throws parley::Error with field "model
// parameter" for unknown names or bad values.
using ModelParameters = std::map<std::string, std::string>;

struct Forecast {
  std::string model;
  // The predicted outcome per dimension, on the dimension's own scale.
  std::vector<double> outcome;
  // Dynamic models: positions after each round (round 0 = the input), actor × dimension
  // row-major, on the dimensions' own scales. Empty for static models.
  std::vector<std::vector<double>> rounds;
  std::string stop_reason;  // dynamic models: why they stopped
  // What the model reports besides its outcome (probabilities, offers, exchanges, ...): the
  // model's own struct from details.hpp, std::monostate when it reports nothing more.
  ForecastDetails details;
};

class ForecastModel {
 public:
  virtual ~ForecastModel() = default;
  virtual std::string name() const = 0;         // e.g. "smp"
  virtual std::string description() const = 0;  // one line, with its source
  // Every parameter run() accepts, with its default (the only place the default is written).
  virtual std::vector<ParamSpec> parameter_specs() const = 0;
  // Deterministic for a given seed.
  virtual Forecast run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t seed) const = 0;
  // An upper estimate of run()'s inner steps (core/limits.hpp: about 10^8 per second), read
  // before run() so that a table too large for the model is refused at once (check_work)
  // instead of running for hours. 0, the default, for models linear in the table. May throw
  // what run() throws for bad parameters.
  virtual std::uint64_t work_estimate(const ActorTable& table, const ModelParameters& parameters) const;
};

// `given` validated against model.parameter_specs(), defaults filled in. Throws parley::Error
// (field "model parameter") naming the model, as parse_params does. For use in run().
ParamValues read_parameters(const ForecastModel& model, const ModelParameters& given);

using ForecastModelRegistry = Registry<std::unique_ptr<const ForecastModel>>;
// The process-wide registry (registry.hpp says why it is one), starting with the built-ins.
ForecastModelRegistry& forecast_model_registry();
// Adds a user's model under model->name(). Throws parley::Error (field "model") when the name
// is taken or empty. REQUIRES: model is not null.
void register_forecast_model(std::unique_ptr<const ForecastModel> model);

// Every registered model, built-ins first in a fixed order. Pointers stay valid for the
// program's life.
std::vector<const ForecastModel*> forecast_models();
// nullptr when no model has that name.
const ForecastModel* find_forecast_model(const std::string& name);

}  // namespace parley
