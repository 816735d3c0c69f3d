#pragma once
// The `parley` subcommands. Each add_* registers one subcommand whose callback does the
// work; errors a user can fix are thrown as parley::InputError (exit status 2).

#include <cstdint>

#include <CLI/CLI.hpp>

#include "parley/core/limits.hpp"

namespace parley::cli {

// A seed is a whole number in [0, 2^64): CLI11 alone would read "-1" as 2^64 - 1.
inline const CLI::Validator kSeed(
    [](std::string& text) {
      return !text.empty() && text.front() != '-' && text.front() != '+'
                 ? std::string()
                 : "a seed is a whole number from 0 to 18446744073709551615, not '" + text + "'";
    },
    "SEED");

// --max-memory-mb: the memory limit (core/limits.hpp) of a command's planned work, in MB.
struct MemoryLimit {
  std::uint64_t megabytes = kDefaultMemoryLimit >> 20;
  std::uint64_t bytes() const { return megabytes << 20; }
};
inline void add_memory_option(CLI::App& command, MemoryLimit& limit) {
  command
      .add_option("--max-memory-mb", limit.megabytes,
                  "Memory the command may plan to use, in MB (default 1024); work that needs more is refused "
                  "up front with what it would need")
      ->check(CLI::Range(std::uint64_t(1), std::uint64_t(1) << 40));
}

// --max-work: the steps (core/limits.hpp, ~10^8 per second) a command's planned work may
// take; `what` says which work the command bounds.
inline void add_work_option(CLI::App& command, std::uint64_t& steps, const std::string& what) {
  command.add_option("--max-work", steps, what + "; more is refused up front with an estimate of its time")
      ->check(CLI::PositiveNumber);
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
void add_tournament(CLI::App& app);
void add_results(CLI::App& app);
void add_sweep(CLI::App& app);
void add_report(CLI::App& app);

}  // namespace parley::cli
