#include "parley/core/uncertainty.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace parley {

const char* to_string(UncertainField field) {
  switch (field) {
    case UncertainField::position:
      return "position";
    case UncertainField::salience:
      return "salience";
    case UncertainField::capability:
      return "capability";
    case UncertainField::reservation:
      return "reservation";
    case UncertainField::discount:
      return "discount";
    case UncertainField::strategy:
      return "strategy";
  }
  return "?";
}

bool per_issue(UncertainField field) { return field == UncertainField::position || field == UncertainField::salience; }

const char* to_string(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::normal:
      return "normal";
    case DistributionKind::uniform:
      return "uniform";
    case DistributionKind::triangular:
      return "triangular";
    case DistributionKind::choice:
      return "choice";
  }
  return "?";
}

std::string input_label(const Scenario& scenario, const UncertainInput& input) {
  const std::string& actor = scenario.actors.at(input.actor).id;
  if (per_issue(input.field))
    return fmt::format("{}.{}.{}", actor, to_string(input.field), scenario.issues.at(input.issue).id);
  return fmt::format("{}.{}", actor, to_string(input.field));
}

double stated_value(const Scenario& scenario, const UncertainInput& input) {
  const Actor& actor = scenario.actors.at(input.actor);
  switch (input.field) {
    case UncertainField::position:
      return actor.stances.at(input.issue).position;
    case UncertainField::salience:
      return actor.stances.at(input.issue).salience;
    case UncertainField::capability:
      return actor.capability;
    case UncertainField::reservation:
      return actor.reservation_value;
    case UncertainField::discount:
      return actor.discount;
    case UncertainField::strategy:
      break;
  }
  return std::numeric_limits<double>::quiet_NaN();
}

FieldRange field_range(const Scenario& scenario, const UncertainInput& input) {
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  switch (input.field) {
    case UncertainField::position: {
      const Issue& issue = scenario.issues.at(input.issue);
      if (issue.kind == IssueKind::discrete) return {0, double(issue.options.size()) - 1};
      return {issue.lower, issue.upper};
    }
    case UncertainField::salience:
      return {0, kInfinity};
    case UncertainField::capability:
      return {kMinDrawnPositive, kInfinity};
    case UncertainField::reservation:
      return {0, 1};
    case UncertainField::discount:
      return {kMinDrawnPositive, 1};
    case UncertainField::strategy:
      return {0, double(std::max<std::size_t>(input.distribution.strategies.size(), 1)) - 1};
  }
  return {0, 0};
}

namespace {

// Inverse CDF of the triangular distribution on [a, b] with mode c (one uniform draw). Only
// +, -, *, / and sqrt: the same bits on every IEEE-754 platform.
double triangular(double a, double c, double b, double u) {
  if (!(a < b)) return a;
  const double width = b - a;
  const double left = c - a;
  if (u * width < left) {
    const double area = u * width;
    return a + std::sqrt(area * left);
  }
  const double right = b - c;
  const double rest = (1 - u) * width;
  return b - std::sqrt(rest * right);
}

}  // namespace

std::size_t draw_choice(const Distribution& distribution, Rng& rng) {
  const std::size_t count = std::max(distribution.values.size(), distribution.strategies.size());
  if (count == 0) throw std::invalid_argument("draw_choice: a choice needs at least one value");
  if (distribution.weights.empty()) return static_cast<std::size_t>(rng.uniform_below(count));
  double total = 0;
  for (double w : distribution.weights) total += w;
  const double target = rng.uniform01() * total;
  double running = 0;
  std::size_t last_positive = 0;
  for (std::size_t k = 0; k < distribution.weights.size(); ++k) {
    if (distribution.weights[k] <= 0) continue;
    last_positive = k;
    running += distribution.weights[k];
    if (target < running) return k;
  }
  return last_positive;  // rounding left target at the total
}

double draw_value(const Distribution& distribution, double stated, double low, double high, Rng& rng) {
  switch (distribution.kind) {
    case DistributionKind::normal: {
      const double mean = distribution.mean.value_or(stated);
      const double x = rng.normal(mean, distribution.sd);
      const double lo = std::max(low, distribution.min.value_or(low));
      const double hi = std::min(high, distribution.max.value_or(high));
      return std::clamp(x, lo, std::max(lo, hi));
    }
    case DistributionKind::uniform: {
      const double lo = distribution.min.value_or(low);
      const double hi = distribution.max.value_or(high);
      const double u = rng.uniform01();  // always one draw, also for a single point
      const double width = hi - lo;
      const double offset = width * u;  // its own statement: no fused multiply-add
      return std::clamp(lo + offset, lo, hi);
    }
    case DistributionKind::triangular: {
      const double lo = distribution.min.value_or(low);
      const double hi = distribution.max.value_or(high);
      return std::clamp(triangular(lo, distribution.mode, hi, rng.uniform01()), lo, hi);
    }
    case DistributionKind::choice:
      return std::clamp(distribution.values.at(draw_choice(distribution, rng)), low, high);
  }
  return stated;
}

double probability_at_most(const Distribution& distribution, double stated, double low, double high, double x) {
  switch (distribution.kind) {
    case DistributionKind::normal: {
      // Clipped as draw_value clips: the mass beyond a bound sits on it.
      const double lo = std::max(low, distribution.min.value_or(low));
      const double hi = std::max(lo, std::min(high, distribution.max.value_or(high)));
      if (x < lo) return 0;
      if (x >= hi) return 1;
      const double mean = distribution.mean.value_or(stated);
      if (!(distribution.sd > 0)) return x >= mean ? 1 : 0;
      return 0.5 * std::erfc(-(x - mean) / (distribution.sd * std::sqrt(2.0)));
    }
    case DistributionKind::uniform: {
      const double lo = distribution.min.value_or(low);
      const double hi = distribution.max.value_or(high);
      if (x < lo) return 0;
      if (x >= hi) return 1;
      return (x - lo) / (hi - lo);
    }
    case DistributionKind::triangular: {
      const double lo = distribution.min.value_or(low);
      const double hi = distribution.max.value_or(high);
      const double mode = distribution.mode;
      if (x < lo) return 0;
      if (x >= hi) return 1;
      if (x <= mode) return mode > lo ? (x - lo) * (x - lo) / ((hi - lo) * (mode - lo)) : 0;
      return 1 - (hi - x) * (hi - x) / ((hi - lo) * (hi - mode));
    }
    case DistributionKind::choice: {
      double total = 0, at_most = 0;
      for (std::size_t v = 0; v < distribution.values.size(); ++v) {
        const double w = distribution.weights.empty() ? 1 : distribution.weights[v];
        total += w;
        if (std::clamp(distribution.values[v], low, high) <= x) at_most += w;
      }
      return total > 0 ? at_most / total : 0;
    }
  }
  return 0;
}

void draw_scenario(const Scenario& base, std::uint64_t seed, Scenario& out, std::vector<double>& values) {
  if (&out == &base) throw std::invalid_argument("draw_scenario: `out` must not be `base`");
  out = base;
  out.uncertainty.clear();
  values.resize(base.uncertainty.size());
  for (std::size_t k = 0; k < base.uncertainty.size(); ++k) {
    const UncertainInput& input = base.uncertainty[k];
    Rng rng(derive_seed(seed, k));
    Actor& actor = out.actors.at(input.actor);
    if (input.field == UncertainField::strategy) {
      const std::size_t chosen = draw_choice(input.distribution, rng);
      actor.strategy = input.distribution.strategies.at(chosen);
      values[k] = double(chosen);
      continue;
    }
    const FieldRange range = field_range(base, input);
    double x = draw_value(input.distribution, stated_value(base, input), range.low, range.high, rng);
    switch (input.field) {
      case UncertainField::position: {
        const Issue& issue = base.issues[input.issue];
        if (issue.kind == IssueKind::discrete) x = std::clamp(std::round(x), range.low, range.high);
        actor.stances[input.issue].position = x;
        break;
      }
      case UncertainField::salience:
        actor.stances[input.issue].salience = x;
        break;
      case UncertainField::capability:
        actor.capability = x;
        break;
      case UncertainField::reservation:
        actor.reservation_value = x;
        break;
      case UncertainField::discount:
        actor.discount = x;
        break;
      case UncertainField::strategy:
        break;
    }
    values[k] = x;
  }
}

DrawnScenario draw_scenario(const Scenario& base, std::uint64_t seed) {
  DrawnScenario drawn;
  draw_scenario(base, seed, drawn.scenario, drawn.values);
  return drawn;
}

}  // namespace parley
