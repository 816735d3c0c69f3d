#pragma once
// A sweep: many scenarios drawn from one scenario's uncertain inputs (core/uncertainty.hpp),
// each forecast with every chosen model and negotiated stage by stage, then summarised as
// distributions and a sensitivity table. docs/sweeps.md describes the method.
//
// Run r draws its scenario with derive_seed(plan.seed, r) (input k from stream k of that
// seed), forecasts with seed derive_seed(plan.seed, r, kSweepForecastStream) and negotiates
// with seed derive_seed(plan.seed, r, kSweepNegotiateStream). A record depends only on the
// plan and r, so a sweep gives the same records whatever the thread or MPI rank count, and
// any one run can be replayed alone.
//
// Records are fixed-width rows of doubles (run/executor.hpp), laid out by SweepLayout:
//   [inputs]     the drawn value of each uncertain input, in input order (a strategy
//                choice: the index of the drawn strategy);
//   [forecasts]  per model (plan order), per forecast issue: the forecast on the issue's
//                scale (NaN when the model cannot run on the drawn table);
//   [stages]     per scenario stage: holds (1/0), vetoed (1/0: agreed at the table and
//                rejected by a ratifier), then per actor its utility of the stage's result
//                (ActorUtility::utility: of the agreement, else its reservation value; NaN
//                for an actor without a stake or a stage that did not run).
// summarize_sweep needs only the plan and the records, so stored records can be summarised
// again without rerunning them.

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "parley/core/scenario.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley {

inline constexpr std::uint64_t kSweepForecastStream = 0xF0000000ULL;
inline constexpr std::uint64_t kSweepNegotiateStream = 0xF0000001ULL;

struct SweepPlan {
  Scenario scenario;  // validated, with a non-empty `uncertainty`
  // Forecast models by registry name (forecast/model.hpp), each with its default
  // parameters. make_sweep_plan fills in every registered model; empty: no forecasts.
  std::vector<std::string> models;
  // NAME=VALUE parameters by model name (forecast/model.hpp); a model without an entry runs
  // with its defaults.
  std::map<std::string, std::map<std::string, std::string>> model_parameters;
  bool negotiate = true;  // run the staged negotiation of every draw
  std::uint64_t runs = 0;
  std::uint64_t seed = 0;
  // As StagedOptions: explicit strategies override the actor's own (and a drawn one), the
  // default serves every other party.
  std::map<std::size_t, StrategySpec> strategies;
  StrategySpec default_strategy{"boulware", {}};
};

// A plan with every forecast model, negotiation on. Throws parley::Error (field
// "uncertainty") when the scenario has no uncertain inputs, and (field "runs") when runs is 0.
SweepPlan make_sweep_plan(Scenario scenario, std::uint64_t runs, std::uint64_t seed);

// Where each part of a record lies. Columns are named for tables, CSV and databases:
// "input:us.salience.ceasefire", "forecast:smp:territory", "stage:truce:holds",
// "stage:truce:vetoed", "stage:truce:utility:ua".
struct SweepLayout {
  std::size_t width = 0;
  std::size_t inputs = 0;                    // how many (at offset 0)
  std::size_t forecasts = 0;                 // offset of the first forecast
  std::size_t stages = 0;                    // offset of the first stage's block
  std::size_t stage_width = 0;               // 2 + actors
  std::vector<std::size_t> forecast_issues;  // scenario issue indices (those with a scale)
  std::vector<std::string> columns;          // width names
};
SweepLayout sweep_layout(const SweepPlan& plan);

// Computes run `run` of the plan into `record` (record.size() == sweep_layout(plan).width).
// Thread safe: reads `plan` only. Throws parley::Error for settings a user can fix (a
// strategy, a protocol setting) and parley::Error (too_large) as run_staged does.
void compute_sweep_run(const SweepPlan& plan, std::uint64_t run, std::span<double> record);

// Mean and quantiles of the finite values among a set (NaN are left out; count says how
// many were finite; every field NaN when none). Quantiles by linear interpolation between
// order statistics (Hyndman & Fan 1996, definition 7: R's and numpy's default).
struct Quantiles {
  std::size_t count = 0;
  double mean = 0;
  double p10 = 0;
  double p50 = 0;  // the median
  double p90 = 0;
};
Quantiles describe_values(std::span<const double> values);
// The p-quantile (0 <= p <= 1) of sorted finite values by definition 7. REQUIRES: non-empty.
double quantile_sorted(std::span<const double> sorted, double p);
// Spearman's rank correlation of the pairs where both are finite: Pearson's correlation of
// their ranks, ties given their average rank. NaN when fewer than 3 pairs or either side is
// constant. REQUIRES: x.size() == y.size().
double spearman(std::span<const double> x, std::span<const double> y);

struct SweepForecast {
  std::string model;
  std::size_t issue = 0;  // scenario issue index
  Quantiles value;
};
struct SweepActorUtility {
  std::size_t actor = 0;
  Quantiles utility;
};
struct SweepStage {
  std::size_t stage = 0;                     // scenario stage index
  double agreement = 0;                      // share of runs in which the stage held
  double veto = 0;                           // share of runs in which an agreement at the table was vetoed
  std::vector<SweepActorUtility> utilities;  // actors with a utility in some run, actor order
};
// How strongly each input moves one output: Spearman's rho between the input's drawn values
// and the output over the runs, inputs by decreasing |rho| (NaN ones left out).
struct SweepInfluence {
  std::size_t input = 0;  // index into scenario.uncertainty
  double rho = 0;
};
struct SweepSensitivity {
  std::size_t column = 0;  // the output's record column
  std::string output;      // its column name without the "forecast:" or "stage:" prefix
  std::vector<SweepInfluence> inputs;
};
struct SweepSummary {
  std::uint64_t runs = 0;
  std::vector<Quantiles> inputs;              // the drawn values of each input
  std::vector<SweepForecast> forecasts;       // per model, per forecast issue
  std::vector<SweepStage> stages;             // per scenario stage (empty without negotiation)
  std::vector<SweepSensitivity> sensitivity;  // per output that varies
};

// Summarises records (runs × width, any run order) of the plan.
// REQUIRES: records.size() is a multiple of sweep_layout(plan).width.
SweepSummary summarize_sweep(const SweepPlan& plan, std::span<const double> records);

}  // namespace parley
