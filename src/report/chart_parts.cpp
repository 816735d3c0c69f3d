#include "chart_parts.hpp"

#include <fmt/format.h>

#include <cmath>

namespace parley {

std::string number_text(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  return fmt::format("{:.{}f}", value, decimals);
}

std::vector<std::size_t> even_sample(std::size_t count, std::size_t limit) {
  std::vector<std::size_t> indices;
  if (count <= limit || limit < 2) {
    for (std::size_t i = 0; i < std::min(count, count <= limit ? count : limit); ++i) indices.push_back(i);
    return indices;
  }
  for (std::size_t k = 0; k < limit; ++k) indices.push_back(k * (count - 1) / (limit - 1));
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
