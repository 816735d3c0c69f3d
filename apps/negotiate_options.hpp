#pragma once
// What `parley negotiate` and `parley compare` share: the options that choose strategies,
// deadline, seed and clock. (How values and strategies read in reports: parley/io/report.hpp.)

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "parley/core/scenario.hpp"
#include "parley/negotiate/staged.hpp"

namespace parley::cli {

struct RunChoices {
  std::vector<std::string> strategies;  // "ACTOR=NAME[:k=v,...]", repeated
  std::optional<std::int32_t> rounds;  // --rounds (or its deprecated alias --steps)
  const CLI::Option* steps_alias = nullptr;  // set by add_run_options: was --steps used?
  std::uint64_t seed = 0;
  std::string clock = "time";
  MemoryLimit memory;
};

// Adds --strategy, --rounds (and --steps, its hidden deprecated alias), --seed, --clock and
// --max-memory-mb to
// `command`, bound to `choices`.
void add_run_options(CLI::App& command, RunChoices& choices);

// Checks the choices against `scenario` and turns them into options. ACTOR is an actor id,
// `*` (every actor without a choice of its own), or — when no actor has that id — the
// 1-based position of an actor or a letter a, b, c, ... for the first, second, third actor.
// Throws InputError naming the option on anything it cannot use.
StagedOptions staged_options(const Scenario& scenario, const RunChoices& choices);

}  // namespace parley::cli
