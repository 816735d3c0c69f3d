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

}  // namespace parley
