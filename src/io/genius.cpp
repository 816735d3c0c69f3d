#include "parley/io/genius.hpp"

#include "parley/io/input_error.hpp"

namespace parley {
// Placeholder until the GENIUS unit lands.
bool is_genius_folder(const std::filesystem::path&) { return false; }
Scenario import_genius(const std::filesystem::path& folder) { throw InputError(folder.string(), "not yet implemented"); }
Scenario parse_genius(std::string_view, const std::vector<std::pair<std::string, std::string>>&, const std::string& name) {
  throw InputError(name, "not yet implemented");
}
}  // namespace parley
