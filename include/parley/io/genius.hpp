#pragma once
// GENIUS / ANAC negotiation domains: a folder with one domain file (root element
// `negotiation_template`) and one profile per party (root `utility_space`).
// Semantics follow GENIUS: a discrete evaluation is divided by its issue's maximum
// evaluation; integer and real issues use the linear evaluator of their bounds; reservation
// value and discount factor are on the normalised [0,1] scale; "nonlinear" profiles are
// sums of hyper-rectangle utilities divided by maxutility.

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/core/scenario.hpp"

namespace parley {

// True when `path` is a folder holding a GENIUS domain file.
bool is_genius_folder(const std::filesystem::path& path);

// One party per profile file, in file-name order; actor ids are the profile file stems.
// Throws InputError on bad or incomplete input.
Scenario import_genius(const std::filesystem::path& folder);

// Parses one domain text and its profile texts (the fuzz target's entry point).
Scenario parse_genius(std::string_view domain_xml, const std::vector<std::pair<std::string, std::string>>& profiles,
                      const std::string& domain_name);

}  // namespace parley
