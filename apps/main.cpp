// parley: model, forecast and simulate multi-party negotiations.
// Exit status: 0 ok, 2 bad input (file, option), 1 internal error.

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>
#include <exception>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.hpp"
#include "text_table.hpp"
#include "parley/core/analysis.hpp"
#include "parley/core/error.hpp"
#include "parley/core/limits.hpp"

namespace {

// The library names the field an error is about; only the CLI knows which option set it.
std::string with_option(const parley::Error& error) {
  struct FieldOption {
    const char* field;
    const char* option;
  };
  static constexpr FieldOption kOptions[] = {
      {"strategy", "--strategy"}, {"model parameter", "--param"}, {"evaluation row", "--models"},
      {"folds", "--folds"},       {"deadline", "--rounds"},
  };
  const parley::Location& at = error.location();
  if (at.field == parley::kMemoryLimitField) return error.message() + "; or raise the limit with --max-memory-mb";
  if (at.field == parley::kWorkLimitField) return error.message() + "; or raise the limit with --max-work";
  if (at.file.empty())
    for (const FieldOption& entry : kOptions)
      if (at.field == entry.field) return std::string(entry.option) + ": " + error.message();
  return error.what();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "parley — model, forecast and simulate multi-party negotiations.\n\n"
      "Examples:\n"
      "  parley show scenarios/talks-2025.yaml\n"
      "  parley analyze scenarios/talks-2025.yaml --stage settlement\n"
      "  parley analyze path/to/genius/domain-folder --json\n"
      "  parley import genius path/to/genius/domain-folder -o domain.yaml\n"
      "  parley forecast scenarios/talks-2025.yaml --model all\n"
      "  parley evaluate tests/data/deu/deu3.tsv --folds 10 --seed 1\n"
      "  parley negotiate scenarios/talks-2025.yaml\n"
      "  parley compare scenarios/talks-2025.yaml --variants base,open-format\n"
      "  parley list strategies\n\n"
      "Run `parley COMMAND --help` for each command's options.",
      "parley"};
  app.set_version_flag("--version", std::string("parley ") + PARLEY_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  parley::cli::add_validate(app);
  parley::cli::add_show(app);
  parley::cli::add_analyze(app);
  parley::cli::add_import(app);
  parley::cli::add_import_tables(app);
  parley::cli::add_forecast(app);
  parley::cli::add_evaluate(app);
  parley::cli::add_negotiate(app);
  parley::cli::add_compare(app);
  parley::cli::add_list(app);

  // CLI11 answers a misspelled command with "A subcommand is required"; name it instead.
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; }))
      names.push_back(command->get_name());
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      fmt::print(stderr, "parley: unknown command '{}'{}; commands: {}\nRun `parley --help` for what each does.\n",
                 parley::cli::terminal_safe(argv[1]), parley::did_you_mean(argv[1], names), fmt::join(names, ", "));
      return 2;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const parley::Error& e) {
    std::fflush(stdout);
    fmt::print(stderr, "{}\n", parley::cli::terminal_safe(with_option(e), true));
    return 2;
  } catch (const std::exception& e) {
    std::fflush(stdout);
    fmt::print(stderr, "parley: internal error: {}\n", parley::cli::terminal_safe(e.what(), true));
    return 1;
  }
  return 0;
}
