#pragma once
// Internal test tool: where each golden scenario comes from (paths relative to the source
// root) and the function that builds it in code.
#include <string>
#include <vector>

#include "golden_scenarios.hpp"

namespace parley::golden {

struct GoldenSource {
  std::string path;
  std::string function;
  Scenario (*make)();
};

inline std::vector<GoldenSource> golden_sources() {
  return {
      {"tests/data/genius/anac/y2012/LaptopB", "laptop_b", &laptop_b},
      {"tests/data/genius/anac/y2012/ItexvsCypressA", "itex_cypress_a", &itex_cypress_a},
      {"tests/data/genius/anac/y2012/CameraB", "camera_b", &camera_b},
      {"scenarios/talks-2025.yaml", "flagship", &flagship},
  };
}

}  // namespace parley::golden
