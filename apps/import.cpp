// `parley import`: convert a peer tool's input into a parley scenario file (the library's
// import_scenario, load.hpp, then scenario_to_yaml; Python's parley.import_scenario is the same).

#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "parley/io/files.hpp"
#include "parley/io/load.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley::cli {

void add_import(CLI::App& app) {
  auto* command = app.add_subcommand("import", "Convert a peer tool's input into a parley scenario (YAML).");
  command->require_subcommand(1);
  auto* genius = command->add_subcommand("genius", "Import a GENIUS / ANAC domain folder (domain file + one profile per party).");
  genius->footer(
      "The folder holds one domain file (root element negotiation_template) and one profile\n"
      "per party (root utility_space); file names do not matter. Utilities follow GENIUS:\n"
      "discrete evaluations divided by the issue's maximum, linear evaluators on integer and\n"
      "real issues, hyper-rectangle (nonlinear) profiles as sums of boxes / maxutility;\n"
      "the raw weights and the cap at 1 (`weights: raw` on every actor).\n"
      "Every other command also reads such a folder directly.\n\n"
      "Examples:\n"
      "  parley import genius tests/data/genius/anac/y2011/Laptop -o laptop.yaml\n"
      "  parley import genius tests/data/genius/anac/y2014/10issues     # YAML to stdout");
  auto options = std::make_shared<std::pair<std::string, std::string>>();
  genius->add_option("DIR", options->first, "GENIUS domain folder")->required();
  genius->add_option("-o,--output", options->second, "Write the scenario here (default and -: stdout)");
  auto normalise = std::make_shared<bool>(false);
  genius->add_flag("--normalise-weights", *normalise,
                   "Divide each profile's weights by their sum and drop the cap at 1 (parley's convention; "
                   "GENIUS uses the raw weights)");
  genius->callback([options, normalise] {
    const std::string yaml =
        scenario_to_yaml(import_scenario(options->first, InputFormat::genius, GeniusOptions{*normalise}));
    if (options->second.empty())
      fmt::print("{}", yaml);
    else
      write_output_file(options->second, yaml);
  });
}

}  // namespace parley::cli
