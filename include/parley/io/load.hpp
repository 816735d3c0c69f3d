#pragma once
// One entry point for every command: a parley YAML file or a peer tool's input, detected
// from the path and content.

#include <filesystem>
#include <string>

#include "parley/core/scenario.hpp"

namespace parley {

// A GENIUS folder is imported; anything else is read as a parley YAML scenario.
// Throws InputError.
Scenario load_scenario(const std::filesystem::path& path, const std::string& variant = "");

}  // namespace parley
