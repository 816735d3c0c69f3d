#pragma once
// JSON form of forecasts and evaluations: the model entries of `parley forecast --json` and
// the document of `parley evaluate --json`. The forecast layer hands over typed values
// (Forecast, details.hpp, Evaluation); only io knows JSON. Key names are part of the CLI's
// contract (tests/cli/json_documents_test.cpp pins them); docs/models.md lists them.

#include <nlohmann/json.hpp>

#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/details.hpp"
#include "parley/forecast/evaluate.hpp"
#include "parley/forecast/model.hpp"

namespace parley {

// The `details` object of a model entry, actors and dimensions named by their ids in `table`:
//   compromise {capability_exponent, salience_exponent, dimensions: [{dimension,
//               total_weight, actors_counted}]}
//   median     {capability_exponent, salience_exponent}
//   nash       {utility_exponent, dimensions: [{dimension, disagreement, at_disagreement_point}]}
//   eum        {dimensions: [{dimension, stop_reason, rounds_played, medians, means (round 0 =
//               the input), rounds: [{round, median, mean, risk_exponents: {actor: r},
//               offers (when recorded): [{to, from, type, position, eu_receiver,
//               eu_proposer, accepted}]}]}]}
//   smp        {parameters (KTAB names, the quirk switches, max_turns, seed when stochastic),
//               turns, converged, weighted_mean, most_probable: {position, probability,
//               actors}, position_probabilities: per turn [{position, probability, actors}],
//               ideals (with an IdealAdjustment), notes (when any)}
//   exchange   {exchanges: [{round, actor, moves_on, from, to, partner, partner_moves_on,
//               partner_from, partner_to, gain}], outcomes: per round, per dimension}
//   no details (std::monostate): {}
// REQUIRES: `details` came from a model run on `table`.
nlohmann::json forecast_details_to_json(const ForecastDetails& details, const ActorTable& table);

// One model's result: {outcome: {dimension: x}, details} plus, for dynamic models (non-empty
// Forecast::rounds), rounds (the number played), stop_reason and positions (per round, actor
// × dimension row-major). The caller adds who ran it (model, description, parameters).
// REQUIRES: `forecast` came from a model run on `table`.
nlohmann::json forecast_to_json(const Forecast& forecast, const ActorTable& table);

// {cases, folds, seed, notes, scores: [{name, description, n, mae, median_ae, hit5, hit10,
// cross_validated, fitted, coverage80, width80}]} (coverage80 and width80 null where a row
// has no out-of-sample interval; with them, interval_draws and interval_fitted), plus
// `seconds` (wall clock, in the document and per score)
// with `timings`: without them two runs of the same evaluation are byte-identical.
nlohmann::json evaluation_to_json(const Evaluation& evaluation, bool timings = false);

}  // namespace parley
