#include "parley/forecast/interval.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>

namespace parley {

double sample_quantile(std::span<const double> draws, double p) {
  std::vector<double> sorted(draws.begin(), draws.end());
  std::sort(sorted.begin(), sorted.end());
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  if (below + 1 >= sorted.size()) return sorted.back();
  return sorted[below] + (h - static_cast<double>(below)) * (sorted[below + 1] - sorted[below]);
}

Interval quantile_interval(std::span<const double> draws, double level) {
  return {sample_quantile(draws, 0.5 - level / 2), sample_quantile(draws, 0.5 + level / 2)};
}

std::optional<Interval> widened_interval(const IntervalForecast& forecast, double factor, double level) {
  if (!forecast.point || forecast.draws.empty()) return std::nullopt;
  const double point = *forecast.point;
  const Interval raw = quantile_interval(forecast.draws, level);
  Interval out{point + factor * (raw.lower - point), point + factor * (raw.upper - point)};
  out.lower = std::clamp(std::min(out.lower, point), 0.0, 100.0);
  out.upper = std::clamp(std::max(out.upper, point), 0.0, 100.0);
  return out;
}

const std::vector<double>& widening_grid() {
  static const std::vector<double> grid = [] {
    std::vector<double> g;
    for (int k = 0; k <= 36; ++k) g.push_back(0.25 * std::pow(2.0, k / 4.0));
    return g;
  }();
  return grid;
}

Coverage coverage_of(const std::vector<std::optional<Interval>>& intervals, const std::vector<double>& outcomes) {
  Coverage c;
  double inside = 0, width = 0;
  for (std::size_t k = 0; k < outcomes.size(); ++k)
    if (intervals[k]) {
      ++c.n;
      inside += intervals[k]->contains(outcomes[k]) ? 1 : 0;
      width += intervals[k]->width();
    }
  if (c.n) {
    c.share = inside / static_cast<double>(c.n);
    c.mean_width = width / static_cast<double>(c.n);
  }
  return c;
}

std::string CrossValidatedCoverage::fitted() const {
  std::map<double, int> chosen;
  for (double s : factor_by_fold)
    if (!std::isnan(s)) ++chosen[s];
  std::vector<std::pair<int, double>> ranked;
  for (const auto& [s, count] : chosen) ranked.emplace_back(-count, s);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> parts;
  for (const auto& [count, s] : ranked)
    parts.push_back(fmt::format("s={:.3g} ({}/{} folds)", s, -count, factor_by_fold.size()));
  return fmt::format("{}", fmt::join(parts, ", "));
}

CrossValidatedCoverage cross_validated_coverage(
    const std::function<const std::vector<IntervalForecast>&(int fold)>& model_for_fold,
    const std::vector<double>& outcomes, const std::vector<int>& fold, int folds, std::span<const double> grid,
    double level) {
  const std::size_t n = outcomes.size();
  CrossValidatedCoverage out;
  out.intervals.resize(n);
  for (int f = 0; f < folds; ++f) {
    const std::vector<IntervalForecast>& forecasts = model_for_fold(f);
    double best_factor = std::numeric_limits<double>::quiet_NaN();
    double best_gap = std::numeric_limits<double>::infinity();
    for (double s : grid) {
      double inside = 0, counted = 0;
      for (std::size_t k = 0; k < n; ++k) {
        if (fold[k] == f) continue;
        const auto interval = widened_interval(forecasts[k], s, level);
        if (!interval) continue;
        ++counted;
        inside += interval->contains(outcomes[k]) ? 1 : 0;
      }
      if (counted == 0) break;
      const double gap = std::abs(inside / counted - level);
      if (gap < best_gap - 1e-12) {
        best_gap = gap;
        best_factor = s;
      }
    }
    out.factor_by_fold.push_back(best_factor);
    if (std::isnan(best_factor)) continue;
    for (std::size_t k = 0; k < n; ++k)
      if (fold[k] == f) out.intervals[k] = widened_interval(forecasts[k], best_factor, level);
  }
  out.held_out = coverage_of(out.intervals, outcomes);
  return out;
}

}  // namespace parley
