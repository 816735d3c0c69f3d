// parley: model, forecast and simulate multi-party negotiations.
// Exit status: 0 ok, 2 bad input (file, option), 1 internal error.

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "commands.hpp"
#include "parley/run/executor.hpp"
#include "text_table.hpp"
#include "parley/core/analysis.hpp"
#include "parley/core/error.hpp"
#include "parley/core/limits.hpp"
#include "parley/io/files.hpp"

namespace {

// The library names the field an error is about; only the CLI knows which option set it.
std::string with_option(const parley::Error& error) {
  struct FieldOption {
    const char* field;
    const char* option;
  };
  static constexpr FieldOption kOptions[] = {
      {"strategy", "--strategy"}, {"model parameter", "--param"}, {"evaluation row", "--models"}, {"folds", "--folds"},
      {"deadline", "--rounds"},   {"capability", "--capability"}, {"variants", "--variants"},
  };
  const parley::Location& at = error.location();
  if (at.field == parley::kMemoryLimitField) return error.message() + "; or raise the limit with --max-memory-mb";
  if (at.field == parley::kInputLimitField) return std::string(error.what()) + "; raise it with --max-input-mb MB";
  if (at.field == parley::kWorkLimitField) return error.message() + "; or raise the limit with --max-work";
  if (at.file.empty())
    for (const FieldOption& entry : kOptions)
      if (at.field == entry.field) return std::string(entry.option) + ": " + error.message();
  return error.what();
}

// CLI11 answers an unknown option with "The following arguments were not expected: ...";
// this names it and suggests the nearest option of the command it was given to (or of the
// commands above it, whose options reach down). Empty when every option is known.
std::string unknown_option_message(const CLI::App& app, int argc, char** argv) {
  std::vector<const CLI::App*> chain = {&app};
  std::vector<std::string> words;  // the command path: "analyze", "import ktab"
  for (int i = 1; i < argc; ++i) {
    const std::string_view token = argv[i];
    if (token == "--") break;
    if (token.empty() || token.front() == '-') continue;
    for (const CLI::App* sub : chain.back()->get_subcommands([](const CLI::App*) { return true; }))
      if (sub->get_name() == token) {
        chain.push_back(sub);
        words.emplace_back(token);
        break;
      }
  }
  std::vector<std::string> names;
  for (const CLI::App* command : chain)
    for (const CLI::Option* option : command->get_options()) {
      for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
      for (const std::string& name : option->get_snames()) names.push_back("-" + name);
    }
  for (int i = 1; i < argc; ++i) {
    std::string_view token = argv[i];
    if (token == "--") break;
    if (token.size() < 2 || token.front() != '-' || token == "-") continue;
    if (token[1] != '-' && token.size() > 2) token = token.substr(0, 2);  // -ofile, -abc
    const std::string option(token.substr(0, token.find('=')));
    if (std::find(names.begin(), names.end(), option) != names.end()) continue;
    if (option.size() > 1 && std::isdigit(static_cast<unsigned char>(option[1]))) continue;  // a negative number
    const std::string command = words.empty() ? "parley" : "parley " + fmt::format("{}", fmt::join(words, " "));
    std::vector<std::string> long_names;
    for (const std::string& name : names)
      if (name.size() > 2 && name[1] == '-') long_names.push_back(name);
    return fmt::format("{}: unknown option '{}'{}\nRun `{} --help` for its options.\n", command, option,
                       parley::did_you_mean(option, long_names), command);
  }
  return {};
}

}  // namespace

int run_command(int argc, char** argv) {
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
      "  parley sweep scenarios/talks-2025.yaml --runs 200\n"
      "  parley list strategies\n\n"
      "FILE - reads standard input and -o - writes standard output. Inputs are read up to\n"
      "--max-input-mb; -o replaces a file atomically and writes devices and FIFOs in place\n"
      "(docs/cli.md). Exit status: 0 ok, 2 a problem you can fix, 1 an internal error.\n\n"
      "Run `parley COMMAND --help` for each command's options.",
      "parley"};
  app.set_version_flag("--version", std::string("parley ") + PARLEY_VERSION);
  app.require_subcommand(1);
  // Subcommands pass options they do not know up to here, so --max-input-mb works on either
  // side of the command name (set before any add_subcommand: CLI11 copies it to each).
  app.fallthrough(true);
  app.add_option_function<std::size_t>(
         "--max-input-mb", [](std::size_t megabytes) { parley::set_max_input_bytes(megabytes << 20); },
         fmt::format("Refuse inputs larger than this (default {}): a file, standard input, or a GENIUS folder's "
                     "files together. Given before or after the command.",
                     parley::kDefaultMaxInputBytes >> 20))
      ->type_name("MB")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20).description(""));
  parley::cli::add_validate(app);
  parley::cli::add_show(app);
  parley::cli::add_analyze(app);
  parley::cli::add_import(app);
  parley::cli::add_import_tables(app);
  parley::cli::add_forecast(app);
  parley::cli::add_evaluate(app);
  parley::cli::add_negotiate(app);
  parley::cli::add_compare(app);
  parley::cli::add_tournament(app);
  parley::cli::add_results(app);
  parley::cli::add_sweep(app);
  parley::cli::add_report(app);
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
    if (const std::string message = unknown_option_message(app, argc, argv); !message.empty()) {
      fmt::print(stderr, "{}", message);
      return 2;
    }
    app.exit(e);
    return 2;
  } catch (const parley::Error& e) {
    std::fflush(stdout);
    fmt::print(stderr, "{}\n", parley::cli::terminal_safe(with_option(e), true));
    return 2;
  } catch (const std::bad_alloc&) {
    // The last line of defence: commands check sizes up front, but an input may still ask for
    // more memory than the machine has. It is the input's size, not a bug.
    std::fflush(stdout);
    fmt::print(stderr,
               "parley: out of memory: the input is too large for this command; see docs/cli.md "
               "(\"Limits\") for the bounds and options that keep a run small\n");
    return 2;
  } catch (const std::exception& e) {
    // fmt::print throws when standard output fails (a full disk, /dev/full): the user's
    // redirection, not a bug.
    if (std::ferror(stdout)) {
      std::clearerr(stdout);
      const auto* system = dynamic_cast<const std::system_error*>(&e);
      fmt::print(stderr, "parley: cannot write standard output: {}\n", system ? system->code().message() : e.what());
      return 2;
    }
    std::fflush(stdout);
    fmt::print(stderr, "parley: internal error: {}\n", parley::cli::terminal_safe(e.what(), true));
    return 1;
  }
  // A write to stdout can fail silently (buffered until exit): check before saying 0.
  try {
    parley::check_standard_output();
  } catch (const parley::Error& e) {
    fmt::print(stderr, "parley: {}\n", e.what());
    return 2;
  }
  return 0;
}

int main(int argc, char** argv) {
  const int status = run_command(argc, argv);
  // Under mpirun, a rank that fails must not leave the others waiting for it.
  if (status != 0) parley::abort_other_processes(status);
  return status;
}
