#pragma once
// A forecast model maps an actor table to predicted positions, round by round for the
// dynamic models. Every model is its own unit (its source and parameters at the top of its
// header) and is found through one registry, so `parley forecast --model eum` and later
// bindings reach the same code.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/details.hpp"

namespace parley {

// NAME=VALUE settings (from the command line, a file or a binding); each model validates its
// own and throws parley::Error with field "model parameter" for unknown names or bad values.
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
  // Deterministic for a given seed.
  virtual Forecast run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t seed) const = 0;
};

// Every built-in model, in a fixed order.
const std::vector<std::unique_ptr<ForecastModel>>& forecast_models();
// nullptr when no model has that name.
const ForecastModel* find_forecast_model(const std::string& name);

}  // namespace parley
