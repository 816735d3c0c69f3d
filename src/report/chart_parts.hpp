#pragma once
// Small pieces every chart builder of src/report uses.
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/core/scenario.hpp"

namespace parley {

// A finite number with `decimals` decimals; "-" for NaN and infinities.
std::string number_text(double value, int decimals);

// Indices of at most `limit` items of `count`, evenly spread, first and last included; all of
// them when count <= limit.
std::vector<std::size_t> even_sample(std::size_t count, std::size_t limit);

// "United States, Russia and Ukraine".
std::string join_names(const Scenario& scenario, const std::vector<std::size_t>& actors);

// A Vega-Lite spec with its title, inline data and size (0: left to Vega-Lite), SVG-friendly
// defaults and no actions; layers are added by the caller.
nlohmann::json vega_lite_spec(const std::string& title, nlohmann::json values, int width, int height);

// What a box plot draws of a set of values (NaN and infinities left out; all 0 when none is
// finite): count, minimum, quartiles by definition 7 (run/sweep.hpp), maximum.
struct FiveNumbers {
  std::size_t n = 0;
  double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
};
FiveNumbers five_numbers(std::vector<double> values);
// {"min", "q1", "median", "q3", "max"}: a data row of box_plot_layers.
nlohmann::json five_numbers_json(const FiveNumbers& f);

// The layers of horizontal box plots drawn from five numbers per category (data fields min,
// q1, median, q3, max; one row per category): "whiskers" from min to max, "boxes" from q1 to
// q3, "medians". `x` is the x axis's encoding (title, scale); `format` formats the tooltip.
nlohmann::json box_plot_layers(const std::string& category, const std::vector<std::string>& order, nlohmann::json x,
                               const std::string& format);

}  // namespace parley
