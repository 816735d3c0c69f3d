#pragma once
// Internal test tool: a Scenario as C++ source that rebuilds it field by field. The golden
// trace program (tests/golden/) must build without yaml-cpp and pugixml (its libc++ build
// links neither), so its scenarios are this code, generated once from their files; a test
// in the main build checks that the code still equals what the importers read.
#include <string>
#include <string_view>

#include "parley/core/scenario.hpp"

namespace parley::golden {

// C++ statements defining `Scenario <function>()`. Every field that affects a negotiation
// is written (issues, actors, channels, stages, links, name); variant summaries are not.
// Doubles are printed with 17 significant digits, so they read back bit for bit.
std::string scenario_code(const Scenario& scenario, std::string_view function);

}  // namespace parley::golden
