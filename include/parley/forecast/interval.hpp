#pragma once
// Prediction intervals from input uncertainty, and their calibration against real outcomes.
//
// A model's interval for one case comes from draws: the model re-run on the case's inputs
// perturbed K times (evaluate.cpp says how). The 10% and 90% sample quantiles of the draws
// make an 80% interval. Raw input noise has no known size, so the interval is calibrated: the
// draws' deviations from the point forecast are scaled by a widening factor s, chosen on a
// small grid as the one whose coverage of the TRAINING cases is closest to the nominal level,
// and the interval is then scored on held-out cases only (Gneiting, Balabdaoui & Raftery,
// "Probabilistic forecasts, calibration and sharpness", JRSS B 69(2), 2007: coverage checks
// calibration, the mean width measures sharpness; Gneiting & Raftery, JASA 102(477), 2007).

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace parley {

struct Interval {
  double lower = 0, upper = 0;
  // Closed, with a tolerance of 1e-9 for outcomes on an end (DEU outcomes often sit on 0 or
  // 100, where an interval's end lands exactly).
  bool contains(double x) const { return x >= lower - 1e-9 && x <= upper + 1e-9; }
  double width() const { return upper - lower; }
};

// The p-quantile of `draws` by linear interpolation between order statistics (Hyndman & Fan
// 1996, definition 7, R's and NumPy's default): h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] −
// x[⌊h⌋]). REQUIRES: !draws.empty(), 0 ≤ p ≤ 1.
double sample_quantile(std::span<const double> draws, double p);

// [q(½ − level/2), q(½ + level/2)] of the draws: the central `level` interval (0.8 gives the
// 10% and 90% quantiles). REQUIRES: !draws.empty(), 0 < level < 1.
Interval quantile_interval(std::span<const double> draws, double level = 0.8);

// A case as the interval calibration sees it: the point forecast and the draws (both on the
// 0–100 scale); no interval when the point or every draw is missing.
struct IntervalForecast {
  std::optional<double> point;
  std::vector<double> draws;
};

// The calibrated interval: the central `level` interval of the widened draws point + s·(d −
// point), extended to hold the point forecast itself, clipped to [0, 100]. Widening is a
// monotone map of the draws, so this is the quantile interval of the draws scaled by s
// about the point. nullopt when the case has no point or no draw.
std::optional<Interval> widened_interval(const IntervalForecast& forecast, double factor, double level = 0.8);

// The default grid of widening factors: 0.5 to 32 in steps of √2 (13 values).
const std::vector<double>& widening_grid();

// Coverage of one set of cases: share of outcomes inside their intervals and mean width, over
// the cases with an interval (n). share and width are 0 when n is 0.
struct Coverage {
  double share = 0;
  double mean_width = 0;
  std::size_t n = 0;
};
Coverage coverage_of(const std::vector<std::optional<Interval>>& intervals, const std::vector<double>& outcomes);

// Out-of-sample coverage. For each fold f, `model_for_fold(f)` gives every case's forecast by
// the model as fitted without fold f (the same vector for a model with nothing to fit); the
// factor whose coverage of the training cases (fold ≠ f) is closest to `level` (ties: the
// smaller factor, the sharper interval) gives the intervals of the held-out cases (fold ==
// f). Only training outcomes choose a fold's factor. REQUIRES: fold[k] in [0, folds), one
// entry per outcome; every vector model_for_fold returns has one entry per outcome.
struct CrossValidatedCoverage {
  Coverage held_out;                   // over every held-out case with an interval
  std::vector<double> factor_by_fold;  // the factor each fold chose (NaN: no training interval)
  std::vector<std::optional<Interval>> intervals;  // per case, from its held-out fold
  std::string fitted() const;          // e.g. "s=4 (7/10 folds), s=5.66 (3/10 folds)"
};
CrossValidatedCoverage cross_validated_coverage(const std::function<const std::vector<IntervalForecast>&(int fold)>& model_for_fold,
                                                const std::vector<double>& outcomes, const std::vector<int>& fold,
                                                int folds, std::span<const double> grid = widening_grid(),
                                                double level = 0.8);

}  // namespace parley
