#include "parley/core/utility.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "parley/core/error.hpp"

namespace parley {

double issue_value(const Issue& issue, const Stance& stance, ValueShape shape, std::uint32_t v) {
  if (!stance.values.empty()) return stance.values[v];
  const double length = issue.scale_length();
  if (length <= 0) return 1.0;
  const double distance = std::min(1.0, std::abs(issue.value_number(v) - stance.position) / length);
  return shape == ValueShape::linear ? 1.0 - distance : 1.0 - distance * distance;
}

CompiledUtility::CompiledUtility(const Actor& actor, const std::vector<Issue>& issues,
                                 const OutcomeSpace& space)
    : reservation_value_(actor.reservation_value), discount_(actor.discount), capped_(actor.weights == Weights::raw) {
  const std::size_t n = space.issue_count();
  offsets_.assign(n + 1, 0);
  for (std::size_t k = 0; k < n; ++k) offsets_[k + 1] = offsets_[k] + space.radix(k);
  if (offsets_[n] > kMaxTabulatedValues) {
    std::size_t largest = 0;
    for (std::size_t k = 1; k < n; ++k)
      if (space.radix(k) > space.radix(largest)) largest = k;
    const Issue& issue = issues[space.scenario_issue(largest)];
    throw field_error("issues." + issue.id,
                      fmt::format("{} values ({} over the space's issues); parley tabulates each party's utility "
                                  "per value and takes at most {} in all: give the issue fewer values",
                                  space.radix(largest), offsets_[n], kMaxTabulatedValues),
                      ErrorKind::too_large);
  }
  table_.assign(offsets_[n], 0.0);

  if (actor.uses_rectangles()) {
    // Position of each scenario issue in this space, to re-index rectangle bounds.
    std::vector<std::int64_t> position(issues.size(), -1);
    for (std::size_t k = 0; k < n; ++k) position[space.scenario_issue(k)] = std::int64_t(k);
    for (const auto& rectangle : actor.rectangles) {
      Rectangle compiled{{}, rectangle.utility / actor.rectangle_scale, rectangle.exclusive};
      bool inside_space = true;
      for (const auto& bound : rectangle.bounds) {
        if (position[bound.issue] < 0) {
          inside_space = false;
          break;
        }
        compiled.bounds.push_back({std::uint32_t(position[bound.issue]), bound.min, bound.max});
      }
      // A rectangle over issues outside this space cannot be decided by it: it is left out.
      if (inside_space) rectangles_.push_back(std::move(compiled));
    }
    if (capped_) {
      // Satisfied rectangles add up in any order, so compare with a margin: a false "may
      // bind" only sends the analysis down its capped path, which is exact too.
      double positive = 0;
      for (const Rectangle& rectangle : rectangles_) positive += std::max(0.0, rectangle.utility);
      cap_can_bind_ = positive > 1 - 1e-9;
    }
    return;
  }

  double total_salience = 0;
  for (std::size_t k = 0; k < n; ++k) total_salience += actor.stances[space.scenario_issue(k)].salience;
  if (total_salience <= 0) return;  // no stake in this space: indifferent, utility 0
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = space.scenario_issue(k);
    const Stance& stance = actor.stances[i];
    const double weight = capped_ ? stance.salience : stance.salience / total_salience;
    if (weight == 0) continue;
    for (std::uint32_t v = 0; v < space.radix(k); ++v)
      table_[offsets_[k] + v] = weight * issue_value(issues[i], stance, actor.shape, v);
  }
  if (capped_) {
    // The largest sum, added in evaluation order: rounding is monotone, so no outcome's sum
    // exceeds it and the cap binds exactly when it is above 1.
    double largest = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const auto table = issue_table(k);
      largest += table.empty() ? 0.0 : *std::max_element(table.begin(), table.end());
    }
    cap_can_bind_ = largest > 1;
  }
}

CompiledUtility CompiledUtility::uncapped() const {
  CompiledUtility copy = *this;
  copy.capped_ = false;
  copy.cap_can_bind_ = false;
  return copy;
}

bool CompiledUtility::Rectangle::satisfied_by(std::span<const std::uint32_t> outcome) const {
  bool inside = true;
  for (const auto& bound : bounds) {
    const std::uint32_t v = outcome[bound.position];
    if (v < bound.min || v > bound.max) {
      inside = false;
      break;
    }
  }
  return exclusive ? !inside : inside;
}

double CompiledUtility::operator()(std::span<const std::uint32_t> outcome) const {
  double utility = 0;
  if (!rectangles_.empty()) {
    for (const auto& rectangle : rectangles_)
      if (rectangle.satisfied_by(outcome)) utility += rectangle.utility;
  } else {
    for (std::size_t k = 0; k + 1 < offsets_.size(); ++k) utility += table_[offsets_[k] + outcome[k]];
  }
  return capped_ ? std::min(1.0, utility) : utility;
}

double CompiledUtility::discounted(double utility, double time) const {
  return discount_ == 1 ? utility : utility * std::pow(discount_, time);
}

std::vector<double> CompiledUtility::all_utilities(const OutcomeSpace& space) const {
  const std::uint64_t size = space.size();
  std::vector<double> out;
  out.reserve(size);
  if (!rectangles_.empty()) {
    Outcome outcome(space.issue_count());
    for (std::uint64_t index = 0; index < size; ++index) {
      space.decode(index, outcome);
      out.push_back((*this)(outcome));  // capped there
    }
    return out;
  }
  // Expand issue by issue in place: after issue k, out holds the partial sums over the
  // first k+1 issues in mixed-radix order. Iterating backwards lets each block overwrite
  // its own source entry last.
  out.push_back(0.0);
  out.resize(size);
  std::uint64_t filled = 1;
  for (std::size_t k = 0; k < space.issue_count(); ++k) {
    const auto table = issue_table(k);
    const std::uint32_t radix = space.radix(k);
    for (std::uint64_t i = filled; i-- > 0;) {
      const double base = out[i];
      double* block = out.data() + i * radix;
      for (std::uint32_t v = radix; v-- > 0;) block[v] = base + table[v];
    }
    filled *= radix;
  }
  if (capped_)
    for (double& u : out) u = std::min(1.0, u);
  return out;
}

const char* to_string(ValueShape shape) {
  return shape == ValueShape::linear ? "linear" : "quadratic";
}

const char* to_string(Weights weights) { return weights == Weights::normalised ? "normalised" : "raw"; }

}  // namespace parley
