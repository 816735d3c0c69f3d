#pragma once
// How well do the forecast models do on decisions with known outcomes? evaluate() forecasts
// every case, scores each model (mean and median absolute error, hit rates within 5 and 10
// points, n) and, with folds ≥ 2, fits the models that have parameters on training folds only
// and scores them on the held-out folds (k-fold cross-validation, folds drawn with a seed).
//
// Errors are in points of the case's scale mapped to 0–100 (the DEU scale itself).
//
// Rows (EvaluationOptions::models names; the default is all that apply):
//   compromise        capability × salience weighted mean (CompromiseModel)
//   nash              Nash bargaining, linear utilities, disagreement at the worst point
//   nash-farthest     … disagreement at the farther end of the scale
//   nash-reference    … disagreement at the reference point (cases that have one)
//   salience-mean     salience-weighted mean;   mean   unweighted mean of every actor
//   median            capability × salience weighted median
//   midpoint          the middle of the scale (constant 50 on DEU)
//   reference-point   the status quo (cases that have one)
//   actor:ID          actor ID's position (cases where it has one); by default one row per
//                     EvaluationOptions::benchmark_actors entry that some case has (the DEU
//                     importer names the European Commission, `com`)
//   eum, smp          the dynamic models with their defaults
// Cross-validated rows (folds ≥ 2):
//   compromise-cv     weights c^α s^β, (α, β) chosen on the training folds
//   nash-cv           Nash with (α, utility exponent k, disagreement) chosen likewise
//   ensemble-cv       least-absolute-deviation stack (with intercept) of compromise,
//                     nash-farthest, median, eum and the reference point (compromise where
//                     there is none, plus an indicator), fitted on the training folds
//
// 80% intervals (folds ≥ 2): every row that is a function of the actors' inputs (all but
// midpoint and reference-point) is re-run on EvaluationOptions::interval_draws seeded draws
// of each case, each actor's inputs perturbed (interval_*_sd below); the draws' 10–90%
// quantile interval, widened about the point forecast by a factor chosen on the training
// folds (interval.hpp), is scored on the held-out fold: ModelScore::coverage80 and width80.
// A draw depends only on (seed, case index, draw index): the same seed gives the same figures.
// See docs/models.md for the grids and for the DEU figures.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/scenario.hpp"
#include "parley/forecast/actor_table.hpp"

namespace parley {

struct EvaluationCase {
  std::string id;      // the id
  ActorTable table;    // exactly one dimension
  double outcome = 0;  // the known outcome, on the dimension's scale
};

// One case per issue of `scenario` with a known outcome (issues that cannot be tabled, e.g.
// unordered ones, are skipped).
std::vector<EvaluationCase> evaluation_cases(const Scenario& scenario);

struct EvaluationOptions {
  std::vector<std::string> models;  // rows to compute (names above, or any registered forecast model); empty = every default row
  // Actors whose own position is a benchmark forecast: among the default rows, each that some
  // case has becomes a row actor:ID after reference-point. The data's importer knows them
  // (DeuData::benchmark_actors); evaluate() knows no actor by name.
  std::vector<std::string> benchmark_actors;
  int folds = 10;                   // < 2: no cross-validated rows
  std::uint64_t seed = 1;           // fold assignment, and the interval draws
  // Draws per case for the 80% intervals of the static rows (0: no intervals), and of eum,
  // smp and registered models, which cost 50–250× more per run (ensemble-cv, which stacks
  // eum, uses as many as eum). Intervals need folds ≥ 2: their coverage is out of sample.
  int interval_draws = 40;
  int dynamic_interval_draws = 6;
  // The input noise of a draw, per actor: position + N(0, (interval_position_sd × scale
  // width)²) clipped to the scale; salience + N(0, interval_salience_sd²) clipped to
  // [0.01, 1] (a salience of 0, no stake, stays 0); capability × max(0.1, 1 + N(0,
  // interval_capability_sd²)). Its size matters little: the widening factor calibrates it.
  double interval_position_sd = 0.05;
  double interval_salience_sd = 0.3;
  double interval_capability_sd = 0.5;
};

struct ModelScore {
  std::string name;
  std::string description;
  std::size_t n = 0;  // cases forecast
  double mae = 0, median_ae = 0;
  double hit5 = 0, hit10 = 0;  // share of cases with error ≤ 5 and ≤ 10 points
  std::vector<double> case_errors;  // per case, in case order: the absolute error; NaN where not forecast
  bool cross_validated = false;
  std::string fitted;  // cross-validated rows: what the folds chose
  // Out of sample (folds ≥ 2 and a row with an interval, else nullopt): the share of held-out
  // outcomes inside the row's 80% interval, the intervals' mean width in points, the draws
  // per case, and the widening factors the folds chose.
  std::optional<double> coverage80, width80;
  int interval_draws = 0;
  std::string interval_fitted;
  double seconds = 0;  // time spent forecasting for this row
};

struct Evaluation {
  std::size_t cases = 0;
  int folds = 0;
  std::uint64_t seed = 0;
  std::vector<ModelScore> scores;  // in the order of the rows above
  std::vector<std::string> notes;  // e.g. cases a model could not forecast
  double seconds = 0;
};

// Throws parley::Error with field "evaluation row" for an unknown or inapplicable row name and
// "folds" for more folds than cases. REQUIRES: !cases.empty().
Evaluation evaluate(const std::vector<EvaluationCase>& cases, const EvaluationOptions& options = {});

// Every row name evaluate() knows (actor:ID aside).
const std::vector<std::string>& evaluation_rows();

// The JSON document of an Evaluation: io/forecast_json.hpp (evaluation_to_json).

}  // namespace parley
