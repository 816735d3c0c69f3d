#include "parley/core/issue.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace parley {

std::uint32_t Issue::value_count() const {
  switch (kind) {
    case IssueKind::continuous: return steps;
    case IssueKind::integer: return static_cast<std::uint32_t>(upper - lower) + 1;
    case IssueKind::discrete: return static_cast<std::uint32_t>(options.size());
  }
  return 0;
}

double Issue::value_number(std::uint32_t v) const {
  switch (kind) {
    case IssueKind::continuous:
      return steps < 2 ? lower : lower + (upper - lower) * v / (steps - 1);
    case IssueKind::integer: return lower + v;
    case IssueKind::discrete: return v;
  }
  return 0;
}

double Issue::scale_length() const {
  if (kind == IssueKind::discrete) return options.empty() ? 0.0 : double(options.size() - 1);
  return upper - lower;
}

std::uint32_t Issue::nearest_value(double number) const {
  const std::uint32_t n = value_count();
  if (n == 0 || std::isnan(number)) return 0;  // converting NaN to an integer is undefined
  double index = number;
  if (kind == IssueKind::continuous) {
    const double length = upper - lower;
    index = length > 0 ? (number - lower) / length * (steps - 1) : 0;
    if (std::isnan(index)) return 0;  // an infinite number on an infinite length
  } else if (kind == IssueKind::integer) {
    index = number - lower;
  }
  return static_cast<std::uint32_t>(std::clamp(std::round(index), 0.0, double(n - 1)));
}

std::string Issue::value_text(std::uint32_t v, TextStyle style) const {
  if (kind == IssueKind::discrete) return options.at(v);
  const double x = value_number(v);
  if (kind == IssueKind::integer) return fmt::format("{}", static_cast<long long>(lower) + v);
  if (style == TextStyle::compact) return fmt::format("{:g}", x);
  const LabelledPoint* below = nullptr;
  const LabelledPoint* above = nullptr;
  for (const LabelledPoint& point : labels) {
    if (std::abs(point.at - x) < 1e-9 * std::max(1.0, std::abs(x))) return fmt::format("{:g} ({})", x, point.label);
    if (point.at < x && (!below || point.at > below->at)) below = &point;
    if (point.at > x && (!above || point.at < above->at)) above = &point;
  }
  if (style == TextStyle::described && below && above)
    return fmt::format("{:g} (between {} and {})", x, below->label, above->label);
  return fmt::format("{:g}", x);
}

const char* to_string(IssueKind kind) {
  switch (kind) {
    case IssueKind::continuous: return "continuous";
    case IssueKind::integer: return "integer";
    case IssueKind::discrete: return "discrete";
  }
  return "?";
}

}  // namespace parley
