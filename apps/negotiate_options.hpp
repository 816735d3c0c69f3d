#pragma once
// What `parley negotiate` and `parley compare` share: the options that choose strategies,
// deadline, seed and clock, and how issue values read in reports.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "parley/core/scenario.hpp"
#include "parley/negotiate/staged.hpp"

namespace parley::cli {

struct RunChoices {
  std::vector<std::string> strategies;  // "ACTOR=NAME[:k=v,...]", repeated
  std::optional<std::int32_t> rounds;  // --rounds (or its deprecated alias --steps)
  const CLI::Option* steps_alias = nullptr;  // set by add_run_options: was --steps used?
  std::uint64_t seed = 0;
  std::string clock = "time";
};

// Adds --strategy, --rounds (and --steps, its hidden deprecated alias), --seed and --clock to
// `command`, bound to `choices`.
void add_run_options(CLI::App& command, RunChoices& choices);

// Checks the choices against `scenario` and turns them into options. ACTOR is an actor id,
// `*` (every actor without a choice of its own), or — when no actor has that id — the
// 1-based position of an actor or a letter a, b, c, ... for the first, second, third actor.
// Throws InputError naming the option on anything it cannot use.
StagedOptions staged_options(const Scenario& scenario, const RunChoices& choices);

// "boulware for every actor", or "us conceder, ru boulware, ..." when they differ.
std::string strategy_summary(const Scenario& scenario, const std::vector<std::string>& strategies);

// A value in the issue's own words: the option name; or the number with the label on that
// point, or the labels either side ("60 (between European reassurance force and US backstop)").
std::string describe_value(const Issue& issue, std::uint32_t value);

}  // namespace parley::cli
