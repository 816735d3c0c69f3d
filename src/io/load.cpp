#include "parley/io/load.hpp"

#include "parley/io/genius.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley {

Scenario load_scenario(const std::filesystem::path& path, const std::string& variant) {
  if (std::filesystem::is_directory(path)) {
    if (!is_genius_folder(path))
      throw InputError(path.string(), "folder holds no GENIUS domain file (root element negotiation_template)");
    if (!variant.empty()) throw InputError(path.string(), "GENIUS domains have no variants");
    return import_genius(path);
  }
  return load_scenario_yaml(path, variant);
}

}  // namespace parley
