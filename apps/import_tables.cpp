// `parley import bdm|deu|exchange`: convert an actor table into a parley scenario file.
// (`import genius` lives in import.cpp.)

#include <memory>
#include <string>

#include <fmt/format.h>

#include "commands.hpp"
#include "parley/io/files.hpp"
#include "parley/io/load.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace parley::cli {

namespace {

struct ImportOptions {
  std::string file;
  std::string output;
};

void write(const Scenario& scenario, const ImportOptions& options) {
  const std::string yaml = scenario_to_yaml(scenario);
  if (options.output.empty())
    fmt::print("{}", yaml);
  else
    write_output_file(options.output, yaml);
}

CLI::App* add_table_import(CLI::App& import, const char* name, const char* description, const char* footer,
                           InputFormat format) {
  auto* command = import.add_subcommand(name, description);
  command->footer(footer);
  auto options = std::make_shared<ImportOptions>();
  command->add_option("FILE", options->file, "The table to import (- reads standard input)")->required();
  command->add_option("-o,--output", options->output, "Write the scenario here (default and -: stdout)");
  command->callback([options, format] { write(import_scenario(options->file, format), *options); });
  return command;
}

}  // namespace

void add_import_tables(CLI::App& app) {
  CLI::App* import = app.get_subcommand("import");
  add_table_import(*import, "ktab", "Import a KTAB actor table (CSV or XML) for the spatial model of politics.",
                   "One continuous issue (0–100) per KTAB dimension; saliences become 0–1. The XML's model\n"
                   "parameters are not part of a scenario: `parley forecast` reads them from the original\n"
                   "file (or give them with --param).\n\n"
                   "Examples:\n"
                   "  parley import ktab tests/data/ktab/inputs/SOE-Pol-Comp.csv -o soe.yaml",
                   InputFormat::ktab);
  add_table_import(*import, "bdm", "Import a BDM-style actor table (Actor,Capability,Position,Salience).",
                   "One issue; saliences on 0–1 or 0–100 (detected and stated in the description); the\n"
                   "issue's scale is the range of the positions. Other commands read the CSV directly.\n\n"
                   "Examples:\n"
                   "  parley import bdm tests/data/bdm/jmckib_ExampleActors_BDM1994_emissions.csv -o emissions.yaml",
                   InputFormat::bdm);
  add_table_import(*import, "deu", "Import the DEU data (tab-separated, p<actor>/s<actor>/rp/out) as one scenario.",
                   "Every issue of the file in one scenario; an actor without a position on an issue has no\n"
                   "stake in it. Line 2 is read as the capability row when it names no issue. `parley\n"
                   "evaluate` reads the file directly, one scenario per issue.\n\n"
                   "Examples:\n"
                   "  parley import deu tests/data/deu/deu3.tsv -o deu.yaml",
                   InputFormat::deu);
  add_table_import(*import, "exchange", "Import an exchange-model input (#A/#P/#M/#D records, as read by Decide).",
                   "Power becomes each actor's capability; saliences on 0–1 or 0–100 (detected and stated).\n\n"
                   "Examples:\n"
                   "  parley import exchange tests/data/exchange/decide_cop21.csv -o cop21.yaml",
                   InputFormat::exchange);
}

}  // namespace parley::cli
