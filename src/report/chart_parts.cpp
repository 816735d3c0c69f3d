#include "chart_parts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "parley/run/sweep.hpp"

namespace parley {

std::string number_text(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  return fmt::format("{:.{}f}", value, decimals);
}

std::vector<std::size_t> even_sample(std::size_t count, std::size_t limit) {
  std::vector<std::size_t> indices;
  const bool spread = count > limit && limit >= 2;
  for (std::size_t k = 0; k < std::min(count, limit); ++k) indices.push_back(spread ? k * (count - 1) / (limit - 1) : k);
  return indices;
}

std::string join_names(const Scenario& scenario, const std::vector<std::size_t>& actors) {
  std::string text;
  for (std::size_t k = 0; k < actors.size(); ++k) {
    if (k > 0) text += k + 1 == actors.size() ? " and " : ", ";
    text += scenario.actors[actors[k]].name;
  }
  return text;
}

nlohmann::json vega_lite_spec(const std::string& title, nlohmann::json values, int width, int height) {
  nlohmann::json spec = {{"$schema", "https://vega.github.io/schema/vega-lite/v6.json"},
                         {"description", title},
                         {"data", {{"values", std::move(values)}}},
                         {"config", {{"font", "system-ui, sans-serif"}, {"view", {{"stroke", nullptr}}}}}};
  if (width > 0) spec["width"] = width;
  if (height > 0) spec["height"] = height;
  return spec;
}

FiveNumbers five_numbers(std::vector<double> values) {
  FiveNumbers f;
  std::erase_if(values, [](double x) { return !std::isfinite(x); });
  f.n = values.size();
  if (values.empty()) return f;
  std::sort(values.begin(), values.end());
  f.min = values.front();
  f.max = values.back();
  f.q1 = quantile_sorted(values, 0.25);
  f.median = quantile_sorted(values, 0.5);
  f.q3 = quantile_sorted(values, 0.75);
  return f;
}

nlohmann::json five_numbers_json(const FiveNumbers& f) {
  return {{"min", f.min}, {"q1", f.q1}, {"median", f.median}, {"q3", f.q3}, {"max", f.max}};
}

nlohmann::json box_plot_layers(const std::string& category, const std::vector<std::string>& order, nlohmann::json x,
                               const std::string& format) {
  using nlohmann::json;
  const json y = {{"field", category}, {"type", "nominal"}, {"sort", order}, {"title", nullptr}};
  x["field"] = "min";
  x["type"] = "quantitative";
  return json::array(
      {{{"name", "whiskers"},
        {"mark", {{"type", "rule"}, {"color", "#777777"}}},
        {"encoding", {{"x", x}, {"x2", {{"field", "max"}}}, {"y", y}}}},
       {{"name", "boxes"},
        {"mark", {{"type", "bar"}, {"size", 13}, {"color", "#9ecae9"}}},
        {"encoding", {{"x", {{"field", "q1"}, {"type", "quantitative"}}}, {"x2", {{"field", "q3"}}}, {"y", y},
                      {"tooltip", json::array({{{"field", category}}, {{"field", "q1"}, {"format", format}},
                                               {{"field", "median"}, {"format", format}}, {{"field", "q3"}, {"format", format}}})}}}},
       {{"name", "medians"},
        {"mark", {{"type", "tick"}, {"color", "#1f4e79"}, {"thickness", 2}, {"size", 13}}},
        {"encoding", {{"x", {{"field", "median"}, {"type", "quantitative"}}}, {"y", y}}}}});
}

}  // namespace parley
