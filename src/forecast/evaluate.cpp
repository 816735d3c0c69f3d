#include "parley/forecast/evaluate.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "parley/core/random.hpp"
#include "parley/forecast/compromise.hpp"
#include "parley/forecast/eum.hpp"
#include "parley/forecast/interval.hpp"
#include "parley/forecast/median.hpp"
#include "parley/forecast/model.hpp"
#include "parley/forecast/nash_bargaining.hpp"
#include "parley/core/error.hpp"

namespace parley {

namespace {

using Clock = std::chrono::steady_clock;
using Column = std::vector<std::optional<double>>;  // a prediction per case, on 0–100
using Rule = std::function<std::optional<double>(const EvaluationCase&)>;
// Per case, the forecasts on its perturbed inputs, on 0–100 (NaN where the model failed).
using Draws = std::vector<std::vector<double>>;

// The interval draws' stream: "interval" in ASCII, so they share no seed with the folds.
constexpr std::uint64_t kIntervalStream = 0x696e74657276616cULL;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double length_of(const EvaluationCase& c) {
  const double length = c.table.upper[0] - c.table.lower[0];
  return length > 0 ? length : 1.0;
}
// A position on the case's scale, mapped to 0–100.
double to_points(const EvaluationCase& c, double x) { return (x - c.table.lower[0]) * 100 / length_of(c); }

ModelScore score(std::string name, std::string description, const Column& predictions, const std::vector<double>& truth) {
  ModelScore s;
  s.name = std::move(name);
  s.description = std::move(description);
  std::vector<double> errors;
  s.case_errors.assign(truth.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t k = 0; k < truth.size(); ++k)
    if (predictions[k]) {
      s.case_errors[k] = std::abs(*predictions[k] - truth[k]);
      errors.push_back(s.case_errors[k]);
    }
  s.n = errors.size();
  if (errors.empty()) return s;
  double sum = 0;
  for (double e : errors) {
    sum += e;
    s.hit5 += e <= 5 + 1e-9 ? 1 : 0;
    s.hit10 += e <= 10 + 1e-9 ? 1 : 0;
  }
  const double n = static_cast<double>(errors.size());
  s.mae = sum / n;
  s.hit5 /= n;
  s.hit10 /= n;
  std::sort(errors.begin(), errors.end());
  const std::size_t middle = errors.size() / 2;
  s.median_ae = errors.size() % 2 ? errors[middle] : (errors[middle - 1] + errors[middle]) / 2;
  return s;
}

// fold[k] in [0, folds): a seeded shuffle dealt round-robin. The shuffle is Fisher-Yates on
// the portable core generator, reduced by `% k` rather than Rng::uniform_below: this is the
// deal the published cross-validated DEU figures (docs/models.md) were computed with, and
// its modulo bias (below k / 2^64) is immaterial. Same folds on every platform.
std::vector<int> assign_folds(std::size_t n, int folds, std::uint64_t seed) {
  std::vector<std::size_t> order(n);
  for (std::size_t k = 0; k < n; ++k) order[k] = k;
  Rng rng(seed);
  for (std::size_t k = n; k > 1; --k) std::swap(order[k - 1], order[rng.next() % k]);
  std::vector<int> fold(n);
  for (std::size_t k = 0; k < n; ++k) fold[order[k]] = static_cast<int>(k % static_cast<std::size_t>(folds));
  return fold;
}

// Solves the k×k system a·x = b (row-major) by Gaussian elimination with partial pivoting.
std::vector<double> solve(std::vector<double> a, std::vector<double> b) {
  const std::size_t k = b.size();
  for (std::size_t c = 0; c < k; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < k; ++r)
      if (std::abs(a[r * k + c]) > std::abs(a[pivot * k + c])) pivot = r;
    for (std::size_t j = 0; j < k; ++j) std::swap(a[c * k + j], a[pivot * k + j]);
    std::swap(b[c], b[pivot]);
    if (std::abs(a[c * k + c]) < 1e-300) a[c * k + c] = 1e-300;
    for (std::size_t r = 0; r < k; ++r) {
      if (r == c) continue;
      const double factor = a[r * k + c] / a[c * k + c];
      if (factor == 0) continue;
      for (std::size_t j = c; j < k; ++j) a[r * k + j] -= factor * a[c * k + j];
      b[r] -= factor * b[c];
    }
  }
  for (std::size_t c = 0; c < k; ++c) b[c] /= a[c * k + c];
  return b;
}

// Least-absolute-deviation regression by iteratively reweighted least squares (a small
// ridge keeps collinear forecasts solvable). x: rows of features.
std::vector<double> fit_lad(const std::vector<std::vector<double>>& x, const std::vector<double>& y) {
  const std::size_t k = x.front().size(), n = y.size();
  std::vector<double> weight(n, 1.0), beta(k, 0.0);
  for (int iteration = 0; iteration < 60; ++iteration) {
    std::vector<double> a(k * k, 0.0), b(k, 0.0);
    for (std::size_t t = 0; t < n; ++t)
      for (std::size_t i = 0; i < k; ++i) {
        b[i] += weight[t] * x[t][i] * y[t];
        for (std::size_t j = 0; j < k; ++j) a[i * k + j] += weight[t] * x[t][i] * x[t][j];
      }
    for (std::size_t i = 0; i < k; ++i) a[i * k + i] += 1e-6 * (1 + a[i * k + i]);
    beta = solve(a, b);
    for (std::size_t t = 0; t < n; ++t) {
      double fitted = 0;
      for (std::size_t i = 0; i < k; ++i) fitted += beta[i] * x[t][i];
      weight[t] = 1 / std::max(1e-3, std::abs(y[t] - fitted));
    }
  }
  return beta;
}

struct GridSetting {
  std::string label;
  std::string key;  // of its column (and draws) in the caches
  Rule rule;
  Column predictions;
};

// For each fold, the setting with the least training MAE predicts the held-out cases;
// chosen[f] is fold f's setting.
Column cross_validate_grid(const std::vector<GridSetting>& grid, const std::vector<double>& truth,
                           const std::vector<int>& fold, int folds, std::string& fitted,
                           std::vector<std::size_t>& chosen_by_fold) {
  Column out(truth.size());
  chosen_by_fold.assign(static_cast<std::size_t>(folds), 0);
  std::map<std::string, int> chosen;
  for (int f = 0; f < folds; ++f) {
    std::size_t best = 0;
    double best_error = std::numeric_limits<double>::infinity();
    for (std::size_t s = 0; s < grid.size(); ++s) {
      double sum = 0;
      std::size_t n = 0;
      for (std::size_t k = 0; k < truth.size(); ++k)
        if (fold[k] != f && grid[s].predictions[k]) {
          sum += std::abs(*grid[s].predictions[k] - truth[k]);
          ++n;
        }
      const double error = n ? sum / static_cast<double>(n) : std::numeric_limits<double>::infinity();
      if (error < best_error) {
        best_error = error;
        best = s;
      }
    }
    ++chosen[grid[best].label];
    chosen_by_fold[static_cast<std::size_t>(f)] = best;
    for (std::size_t k = 0; k < truth.size(); ++k)
      if (fold[k] == f) out[k] = grid[best].predictions[k];
  }
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [label, count] : chosen) ranked.emplace_back(-count, label);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> parts;
  for (const auto& [count, label] : ranked) parts.push_back(fmt::format("{} ({}/{} folds)", label, -count, folds));
  fitted = fmt::format("{}", fmt::join(parts, ", "));
  return out;
}

const std::vector<std::string> kRows = {"compromise",      "nash",   "nash-farthest", "nash-reference",
                                        "salience-mean",   "mean",   "median",        "midpoint",
                                        "reference-point", "eum",    "smp",           "compromise-cv",
                                        "nash-cv",         "ensemble-cv"};

bool is_cv_row(const std::string& name) { return name.size() > 3 && name.compare(name.size() - 3, 3, "-cv") == 0; }

// Every case's actor inputs in each of `draws` draws (EvaluationOptions says how they are
// perturbed): out[k].position[j·actors + i] is actor i's position in draw j of case k. The
// stream of (case k, draw j) is derive_seed(derive_seed(seed, kIntervalStream), k, j), drawn
// per actor in the order position, salience, capability: a draw depends on nothing but the
// seed and its indices.
struct PerturbedInputs {
  std::vector<double> position, salience, capability;  // [j·actors + i]
};
std::vector<PerturbedInputs> perturbed_inputs(const std::vector<EvaluationCase>& cases, int draws,
                                              const EvaluationOptions& o) {
  const std::uint64_t stream = derive_seed(o.seed, kIntervalStream);
  std::vector<PerturbedInputs> out(cases.size());
  for (std::size_t k = 0; k < cases.size(); ++k) {
    const ActorTable& t = cases[k].table;
    const double sd = o.interval_position_sd * (t.upper[0] - t.lower[0]);
    const std::size_t actors = t.actor_count();
    const std::size_t size = static_cast<std::size_t>(draws) * actors;
    out[k].position.resize(size);
    out[k].salience.resize(size);
    out[k].capability.resize(size);
    for (int j = 0; j < draws; ++j) {
      Rng rng(derive_seed(stream, k, static_cast<std::uint64_t>(j)));
      for (std::size_t i = 0; i < actors; ++i) {
        const std::size_t at = static_cast<std::size_t>(j) * actors + i;
        out[k].position[at] = std::clamp(t.position_of(i, 0) + sd * rng.normal(), t.lower[0], t.upper[0]);
        const double salience = t.salience_of(i, 0);
        const double salience_noise = rng.normal();
        out[k].salience[at] =
            salience > 0 ? std::clamp(salience + o.interval_salience_sd * salience_noise, 0.01, 1.0) : 0.0;
        out[k].capability[at] = t.capability[i] * std::max(0.1, 1 + o.interval_capability_sd * rng.normal());
      }
    }
  }
  return out;
}

}  // namespace

const std::vector<std::string>& evaluation_rows() { return kRows; }

std::vector<EvaluationCase> evaluation_cases(const Scenario& scenario) {
  std::vector<EvaluationCase> cases;
  for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
    const Issue& issue = scenario.issues[i];
    if (!issue.known_outcome) continue;
    try {
      EvaluationCase c;
      c.id = issue.id;
      c.table = to_actor_table(scenario, {i});
      c.outcome = *issue.known_outcome;  // on the issue's scale (ordinal index if discrete)
      if (c.table.actor_count() == 0) continue;
      cases.push_back(std::move(c));
    } catch (const std::invalid_argument&) {
      continue;  // unordered issue: no scale to forecast on
    }
  }
  return cases;
}

Evaluation evaluate(const std::vector<EvaluationCase>& cases, const EvaluationOptions& options) {
  const auto start = Clock::now();
  Evaluation evaluation;
  evaluation.cases = cases.size();
  evaluation.folds = options.folds >= 2 ? options.folds : 0;
  evaluation.seed = options.seed;
  const std::size_t n = cases.size();

  bool any_reference = false;
  std::vector<std::string> benchmarks;  // the benchmark actors some case has
  for (const auto& c : cases) {
    any_reference = any_reference || c.table.reference_point[0].has_value();
    for (const auto& id : options.benchmark_actors)
      if (std::find(benchmarks.begin(), benchmarks.end(), id) == benchmarks.end() &&
          std::find(c.table.actors.begin(), c.table.actors.end(), id) != c.table.actors.end())
        benchmarks.push_back(id);
  }
  // Which rows: the requested ones, or every row that applies.
  std::vector<std::string> rows = options.models;
  if (rows.empty()) {
    for (const auto& row : kRows) {
      if ((row == "nash-reference" || row == "reference-point") && !any_reference) continue;
      if (is_cv_row(row) && evaluation.folds == 0) continue;
      if (row == "smp" && !find_forecast_model("smp")) continue;
      rows.push_back(row);
      if (row == "reference-point")
        for (const auto& id : options.benchmark_actors)
          if (std::find(benchmarks.begin(), benchmarks.end(), id) != benchmarks.end()) rows.push_back("actor:" + id);
    }
  }
  for (const auto& row : rows) {
    if (row.rfind("actor:", 0) == 0 && row.size() > 6) continue;
    // A row is a built-in row or any registered model (a user's own, with its defaults).
    if (std::find(kRows.begin(), kRows.end(), row) == kRows.end() && !find_forecast_model(row)) {
      throw field_error("evaluation row",
                        fmt::format("no evaluation row '{}'{}; rows: {}, actor:ID", row, did_you_mean(row, kRows),
                                    fmt::join(kRows, ", ")),
                        ErrorKind::unknown_name);
    }
    if (is_cv_row(row) && evaluation.folds == 0)
      throw field_error("evaluation row", fmt::format("row '{}' is cross-validated: it needs at least 2 folds", row));
  }
  if (evaluation.folds > 0 && static_cast<std::size_t>(evaluation.folds) > n)
    throw field_error("folds", fmt::format("{} folds for {} cases: use at most {}", evaluation.folds, n, n));

  std::vector<double> truth(n);
  for (std::size_t k = 0; k < n; ++k) truth[k] = to_points(cases[k], cases[k].outcome);

  // Predictions of one rule on every case, cached by row name.
  std::map<std::string, std::pair<Column, double>> cache;
  auto column = [&](const std::string& key, const std::function<std::optional<double>(const EvaluationCase&)>& rule)
      -> const Column& {
    auto it = cache.find(key);
    if (it != cache.end()) return it->second.first;
    const auto begin = Clock::now();
    Column predictions(n);
    for (std::size_t k = 0; k < n; ++k) {
      const auto x = rule(cases[k]);
      if (x && std::isfinite(*x)) predictions[k] = to_points(cases[k], *x);
    }
    return cache.emplace(key, std::make_pair(std::move(predictions), seconds_since(begin))).first->second.first;
  };
  auto nash = [](const EvaluationCase& c, NashOptions o) -> std::optional<double> {
    if (o.disagreement == Disagreement::reference && !c.table.reference_point[0]) return std::nullopt;
    return nash_bargaining_position(c.table, 0, o).position;
  };
  std::size_t model_failures = 0;
  auto registered = [&](const std::string& model_name, const ModelParameters& parameters) {
    return [&, model_name, parameters](const EvaluationCase& c) -> std::optional<double> {
      try {
        return find_forecast_model(model_name)->run(c.table, parameters, options.seed).outcome.at(0);
      } catch (const std::invalid_argument&) {
        ++model_failures;  // e.g. fewer than two actors
        return std::nullopt;
      }
    };
  };
  const std::map<std::string, std::pair<std::string, std::function<std::optional<double>(const EvaluationCase&)>>> base = {
      {"compromise",
       {"capability × salience weighted mean", [](const EvaluationCase& c) { return compromise_position(c.table, 0); }}},
      {"nash",
       {"Nash bargaining, linear utilities, disagreement at the worst point",
        [&](const EvaluationCase& c) { return nash(c, {1, Disagreement::worst, 1, 1}); }}},
      {"nash-farthest",
       {"Nash bargaining, linear utilities, disagreement at the farther end of the scale",
        [&](const EvaluationCase& c) { return nash(c, {1, Disagreement::farthest_end, 1, 1}); }}},
      {"nash-reference",
       {"Nash bargaining, linear utilities, disagreement at the reference point",
        [&](const EvaluationCase& c) { return nash(c, {1, Disagreement::reference, 1, 1}); }}},
      {"salience-mean",
       {"salience-weighted mean", [](const EvaluationCase& c) { return compromise_position(c.table, 0, {0, 1}); }}},
      {"mean", {"unweighted mean", [](const EvaluationCase& c) { return compromise_position(c.table, 0, {0, 0}); }}},
      {"median",
       {"capability × salience weighted median", [](const EvaluationCase& c) { return median_position(c.table, 0); }}},
      {"midpoint",
       {"middle of the scale (constant)",
        [](const EvaluationCase& c) { return (c.table.lower[0] + c.table.upper[0]) / 2; }}},
      {"reference-point",
       {"reference point (status quo)",
        [](const EvaluationCase& c) -> std::optional<double> { return c.table.reference_point[0]; }}},
      {"eum",
       {"expected-utility model (Scholz et al. 2011), defaults", registered("eum", {{"record_offers", "false"}})}},
      {"smp", {"KTAB's Spatial Model of Politics, defaults", registered("smp", {})}},
  };
  auto rule_of = [&](const std::string& name) -> Rule {
    if (name.rfind("actor:", 0) == 0) {
      const std::string id = name.substr(6);
      return [id](const EvaluationCase& c) -> std::optional<double> {
        for (std::size_t i = 0; i < c.table.actor_count(); ++i)
          if (c.table.actors[i] == id) return c.table.position_of(i, 0);
        return std::nullopt;
      };
    }
    const auto it = base.find(name);
    return it != base.end() ? it->second.second : registered(name, {});
  };
  auto base_column = [&](const std::string& name) -> const Column& { return column(name, rule_of(name)); };

  std::vector<int> fold;
  if (evaluation.folds) fold = assign_folds(n, evaluation.folds, options.seed);

  // Interval draws: every rule re-run on the same perturbed inputs (draw j of case k is the
  // same table for every row, so the ensemble can stack its inputs' draws).
  const bool intervals = evaluation.folds > 0 && options.interval_draws > 0;
  auto is_dynamic = [&](const std::string& key) {
    return key == "eum" || key == "smp" || (!base.count(key) && key.rfind("actor:", 0) != 0 &&
                                              key.rfind("compromise ", 0) != 0 && key.rfind("nash ", 0) != 0);
  };
  auto draw_count = [&](const std::string& key) {
    return is_dynamic(key) ? std::min(options.interval_draws, std::max(1, options.dynamic_interval_draws))
                           : options.interval_draws;
  };
  std::vector<PerturbedInputs> perturbed;
  if (intervals) perturbed = perturbed_inputs(cases, options.interval_draws, options);
  std::map<std::string, Draws> draw_cache;
  auto draws_of = [&](const std::string& key, const Rule& rule) -> const Draws& {
    auto it = draw_cache.find(key);
    if (it != draw_cache.end()) return it->second;
    const int count = draw_count(key);
    const std::size_t failures = model_failures;  // the note counts point forecasts only
    Draws draws(n);
    EvaluationCase scratch;
    for (std::size_t k = 0; k < n; ++k) {
      scratch = cases[k];
      const std::size_t actors = scratch.table.actor_count();
      for (int j = 0; j < count; ++j) {
        const auto from = static_cast<std::ptrdiff_t>(static_cast<std::size_t>(j) * actors);
        std::copy_n(perturbed[k].position.begin() + from, actors, scratch.table.position.begin());
        std::copy_n(perturbed[k].salience.begin() + from, actors, scratch.table.salience.begin());
        std::copy_n(perturbed[k].capability.begin() + from, actors, scratch.table.capability.begin());
        const auto x = rule(scratch);
        draws[k].push_back(x && std::isfinite(*x) ? to_points(cases[k], *x) : std::nan(""));
      }
    }
    model_failures = failures;
    return draw_cache.emplace(key, std::move(draws)).first->second;
  };
  auto forecasts_of = [&](const Column& points, const Draws& draws) {
    std::vector<IntervalForecast> out(n);
    for (std::size_t k = 0; k < n; ++k) {
      out[k].point = points[k];
      for (double d : draws[k])
        if (!std::isnan(d)) out[k].draws.push_back(d);
    }
    return out;
  };
  auto attach_intervals = [&](ModelScore& s, const std::function<const std::vector<IntervalForecast>&(int)>& model,
                              int draws) {
    const CrossValidatedCoverage c = cross_validated_coverage(model, truth, fold, evaluation.folds);
    if (c.held_out.n == 0) return;
    s.coverage80 = c.held_out.share;
    s.width80 = c.held_out.mean_width;
    s.interval_draws = draws;
    s.interval_fitted = c.fitted();
  };
  auto grid_intervals = [&](ModelScore& s, const std::vector<GridSetting>& grid,
                            const std::vector<std::size_t>& chosen) {
    std::map<std::size_t, std::vector<IntervalForecast>> by_setting;
    for (std::size_t setting : chosen)
      if (!by_setting.count(setting))
        by_setting[setting] = forecasts_of(grid[setting].predictions, draws_of(grid[setting].key, grid[setting].rule));
    attach_intervals(
        s, [&](int f) -> const std::vector<IntervalForecast>& { return by_setting.at(chosen[static_cast<std::size_t>(f)]); },
        draw_count(grid.front().key));
  };
  for (const auto& row : rows) {
    const auto row_start = Clock::now();
    if (!is_cv_row(row)) {
      const Column& predictions = base_column(row);
      const std::string description =
          row.rfind("actor:", 0) == 0 ? fmt::format("position of actor {}", row.substr(6))
          : base.count(row)           ? base.at(row).first
                                      : find_forecast_model(row)->description();
      ModelScore s = score(row, description, predictions, truth);
      s.seconds = cache.at(row).second;
      if (intervals && row != "midpoint" && row != "reference-point") {
        const auto interval_start = Clock::now();
        const auto forecasts = forecasts_of(predictions, draws_of(row, rule_of(row)));
        attach_intervals(
            s, [&](int) -> const std::vector<IntervalForecast>& { return forecasts; }, draw_count(row));
        s.seconds += seconds_since(interval_start);
      }
      evaluation.scores.push_back(std::move(s));
      continue;
    }
    ModelScore s;
    if (row == "compromise-cv") {
      std::vector<GridSetting> grid;
      for (double alpha : {0.0, 0.25, 0.5, 0.75, 1.0, 1.5})
        for (double beta : {0.0, 0.5, 1.0, 2.0}) {
          const CompromiseOptions o{alpha, beta};
          const std::string key = fmt::format("compromise α={} β={}", alpha, beta);
          const Rule rule = [o](const EvaluationCase& c) { return compromise_position(c.table, 0, o); };
          grid.push_back({fmt::format("α={:g} β={:g}", alpha, beta), key, rule, column(key, rule)});
        }
      std::string fitted;
      std::vector<std::size_t> chosen;
      s = score(row, "weighted mean, weights c^α s^β with (α, β) fitted on the training folds",
                cross_validate_grid(grid, truth, fold, evaluation.folds, fitted, chosen), truth);
      s.fitted = fitted;
      if (intervals) grid_intervals(s, grid, chosen);
    } else if (row == "nash-cv") {
      std::vector<GridSetting> grid;
      for (Disagreement d : {Disagreement::worst, Disagreement::farthest_end})
        for (double alpha : {0.25, 0.5, 0.75, 1.0})
          for (double k : {1.0, 1.5, 2.0}) {
            const NashOptions o{k, d, alpha, 1};
            const std::string key = fmt::format("nash α={} k={} d={}", alpha, k, to_string(d));
            const Rule rule = [&nash, o](const EvaluationCase& c) { return nash(c, o); };
            grid.push_back({fmt::format("α={:g} k={:g} d={}", alpha, k, to_string(d)), key, rule, column(key, rule)});
          }
      std::string fitted;
      std::vector<std::size_t> chosen;
      s = score(row, "Nash bargaining with capability exponent α, utility exponent k and disagreement fitted on the "
                     "training folds",
                cross_validate_grid(grid, truth, fold, evaluation.folds, fitted, chosen), truth);
      s.fitted = fitted;
      if (intervals) grid_intervals(s, grid, chosen);
    } else if (row == "ensemble-cv") {
      const std::vector<std::string> inputs = {"compromise", "nash-farthest", "median", "eum"};
      std::vector<const Column*> columns;
      for (const auto& name : inputs) columns.push_back(&base_column(name));
      const Column& reference = base_column("reference-point");
      // Features per case: the forecasts, the reference point (compromise where missing), an
      // indicator of a reference point, an intercept. Cases a forecast is missing for are
      // left out of fitting and scoring.
      std::vector<std::optional<std::vector<double>>> features(n);
      for (std::size_t k = 0; k < n; ++k) {
        std::vector<double> f;
        bool complete = true;
        for (const Column* c : columns) {
          complete = complete && (*c)[k].has_value();
          f.push_back((*c)[k].value_or(0));
        }
        if (!complete) continue;
        f.push_back(reference[k].value_or(f[0]));
        f.push_back(reference[k] ? 1.0 : 0.0);
        f.push_back(1.0);
        features[k] = std::move(f);
      }
      Column predictions(n);
      std::vector<std::vector<double>> coefficients;
      std::vector<std::optional<std::vector<double>>> beta_by_fold(static_cast<std::size_t>(evaluation.folds));
      for (int f = 0; f < evaluation.folds; ++f) {
        std::vector<std::vector<double>> x;
        std::vector<double> y;
        for (std::size_t k = 0; k < n; ++k)
          if (fold[k] != f && features[k]) {
            x.push_back(*features[k]);
            y.push_back(truth[k]);
          }
        if (x.size() < inputs.size() + 3) continue;  // too few cases to fit
        const auto beta = fit_lad(x, y);
        coefficients.push_back(beta);
        beta_by_fold[static_cast<std::size_t>(f)] = beta;
        for (std::size_t k = 0; k < n; ++k)
          if (fold[k] == f && features[k]) {
            double p = 0;
            for (std::size_t i = 0; i < beta.size(); ++i) p += beta[i] * (*features[k])[i];
            predictions[k] = std::clamp(p, 0.0, 100.0);
          }
      }
      s = score(row, "least-absolute-deviation stack of compromise, nash-farthest, median, eum and the reference point",
                predictions, truth);
      if (intervals) {
        // Fold f's stack applied to every case's forecast and to each draw of its inputs
        // (the reference point is not perturbed: it is no actor's position).
        std::vector<const Draws*> input_draws;
        for (const auto& name : inputs) input_draws.push_back(&draws_of(name, rule_of(name)));
        const int draws = draw_count("eum");
        auto stack = [](const std::vector<double>& beta, const std::vector<double>& f) {
          double p = 0;
          for (std::size_t i = 0; i < beta.size(); ++i) p += beta[i] * f[i];
          return std::clamp(p, 0.0, 100.0);
        };
        std::vector<std::vector<IntervalForecast>> by_fold(static_cast<std::size_t>(evaluation.folds),
                                                           std::vector<IntervalForecast>(n));
        for (int f = 0; f < evaluation.folds; ++f) {
          const auto& beta = beta_by_fold[static_cast<std::size_t>(f)];
          if (!beta) continue;
          for (std::size_t k = 0; k < n; ++k) {
            if (!features[k]) continue;
            IntervalForecast& out = by_fold[static_cast<std::size_t>(f)][k];
            out.point = stack(*beta, *features[k]);
            for (int j = 0; j < draws; ++j) {
              std::vector<double> x = *features[k];
              bool complete = true;
              for (std::size_t i = 0; i < input_draws.size(); ++i) {
                x[i] = (*input_draws[i])[k][static_cast<std::size_t>(j)];
                complete = complete && !std::isnan(x[i]);
              }
              if (!reference[k]) x[inputs.size()] = x[0];
              if (complete) out.draws.push_back(stack(*beta, x));
            }
          }
        }
        attach_intervals(
            s, [&](int f) -> const std::vector<IntervalForecast>& { return by_fold[static_cast<std::size_t>(f)]; },
            draws);
      }
      if (!coefficients.empty()) {
        std::vector<double> mean(coefficients.front().size(), 0.0);
        for (const auto& beta : coefficients)
          for (std::size_t i = 0; i < beta.size(); ++i) mean[i] += beta[i] / static_cast<double>(coefficients.size());
        s.fitted = fmt::format(
            "mean weights: compromise {:.2f}, nash-farthest {:.2f}, median {:.2f}, eum {:.2f}, reference point {:.2f}, "
            "has reference {:.2f}, intercept {:.2f}",
            mean[0], mean[1], mean[2], mean[3], mean[4], mean[5], mean[6]);
      }
    }
    s.cross_validated = true;
    s.seconds = seconds_since(row_start);
    evaluation.scores.push_back(std::move(s));
  }
  if (model_failures)
    evaluation.notes.push_back(fmt::format("{} forecasts failed (e.g. a dynamic model needs two actors) and are not "
                                           "counted in n",
                                           model_failures));
  evaluation.seconds = seconds_since(start);
  return evaluation;
}

}  // namespace parley
