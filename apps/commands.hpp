#pragma once
// The `parley` subcommands. Each add_* registers one subcommand whose callback does the
// work; errors a user can fix are thrown as parley::InputError (exit status 2).

#include <utility>

#include <CLI/CLI.hpp>

#include "parley/core/error.hpp"

namespace parley::cli {

// Runs `f` on a value the user gave with option `flag`. The library names the field a bad
// value belongs to ("strategy", "model parameter"); only apps know the option it came from,
// so an error located at a field and no file is rethrown located at `flag`:
// "--strategy: unknown strategy 'x' ...".
template <class F>
decltype(auto) from_option(const char* flag, F&& f) {
  try {
    return std::forward<F>(f)();
  } catch (const Error& e) {
    if (!e.location().file.empty() || e.location().field.empty()) throw;
    Location at;
    at.field = flag;
    throw e.relocated(std::move(at));
  }
}

void add_validate(CLI::App& app);
void add_show(CLI::App& app);
void add_analyze(CLI::App& app);
void add_import(CLI::App& app);
void add_forecast(CLI::App& app);
void add_evaluate(CLI::App& app);
// import bdm|deu|exchange; REQUIRES: add_import(app) first.
void add_import_tables(CLI::App& app);
void add_negotiate(CLI::App& app);
void add_compare(CLI::App& app);
void add_list(CLI::App& app);

}  // namespace parley::cli
