#pragma once
// The charts of a scenario's report, each from typed results (html_page.hpp has Chart):
//   positions  where actors stand on one issue, sized by capability × salience (the start of
//              every Bueno de Mesquita and KTAB analysis);
//   frontier   a stage's Pareto frontier with the Nash, Kalai–Smorodinsky, utilitarian and
//              egalitarian points and the agreement (GENIUS and NegMAS draw it);
//   dance      each party's utility of every offer, round by round, in one stage;
//   forecast   every model's forecast of one issue, with its 80% interval where known;
//   history    a dynamic model's positions, round by round, per issue;
//   variants   each actor's overall utility in the base scenario and in every variant.
// Each chart's Vega-Lite layers carry names (the marks the browser tests count): positions
// "actors"; frontier "frontier", "solutions", "agreement"; dance "offers"; forecast
// "forecasts", "intervals"; history "positions"; variants "utilities".

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/scenario.hpp"
#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/model.hpp"
#include "parley/negotiate/staged.hpp"
#include "parley/report/html_page.hpp"
#include "parley/run/sweep.hpp"

namespace parley {

// Frontiers and offer traces longer than these are drawn from an even sample (the caption
// says so); the table holds what is drawn.
inline constexpr std::size_t kMaxFrontierPoints = 600;
inline constexpr std::size_t kMaxDanceOffers = 2000;

// One point per actor with a stake in the issue. REQUIRES: issue < scenario.issues.size().
Chart positions_chart(const Scenario& scenario, std::size_t issue);

// REQUIRES: stage.analysis is set (StagedOptions::analyze) and stage.analysis_parties has at
// least two actors. Two parties: a scatter of their utilities; more: one line per Pareto
// point across the parties (parallel coordinates).
Chart frontier_chart(const Scenario& scenario, const StageResult& stage);

// The offers of stage result `position` of `result` (from its trace), per stakeholder.
// REQUIRES: result came from run_staged with record_trace.
Chart dance_chart(const Scenario& scenario, const StagedResult& result, std::size_t position);

struct ModelForecast {
  std::string model;
  std::optional<Forecast> forecast;  // none when the model could not run
  std::vector<Quantiles> intervals;  // per table dimension; empty without intervals
};

// The forecasts of table dimension `dimension` (scenario issue `issue`).
Chart forecast_chart(const Scenario& scenario, std::size_t issue, std::size_t dimension,
                     const std::vector<ModelForecast>& models);

// A dynamic model's rounds (forecast.rounds), one panel per dimension of `table`.
// REQUIRES: forecast.rounds is not empty and was computed on `table`.
Chart history_chart(const ActorTable& table, const std::string& model, const Forecast& forecast);

struct VariantOutcome {
  std::string variant;          // "base" for the scenario as written
  std::vector<double> overall;  // StagedResult::overall, per actor
};
Chart variants_chart(const Scenario& scenario, const std::vector<VariantOutcome>& variants);

}  // namespace parley
