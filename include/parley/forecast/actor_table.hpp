#pragma once
// The input of the collective-decision (forecast) models: who matters (capability), where
// each actor stands (position) and how much it cares (salience), per dimension. KTAB's
// spatial actor tables, BDM's tables and DEU's issues are all actor tables; a scenario's
// issues become dimensions (discrete ordered issues on their ordinal scale).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "parley/core/scenario.hpp"

namespace parley {

struct ActorTable {
  std::string name;
  std::vector<std::string> actors;      // actor ids
  std::vector<double> capability;       // per actor, > 0
  std::vector<std::string> dimensions;  // issue ids
  std::vector<double> lower, upper;     // each dimension's scale
  std::vector<std::optional<double>> reference_point, known_outcome;  // per dimension
  // Row-major, actor × dimension. Saliences in [0,1]; 0 = no stake.
  std::vector<double> position;
  std::vector<double> salience;

  std::size_t actor_count() const { return actors.size(); }
  std::size_t dimension_count() const { return dimensions.size(); }
  double position_of(std::size_t actor, std::size_t dimension) const {
    return position[actor * dimensions.size() + dimension];
  }
  double salience_of(std::size_t actor, std::size_t dimension) const {
    return salience[actor * dimensions.size() + dimension];
  }
};

// The issues forecast models can see: every issue with a scale (all but unordered discrete
// issues, which have none), in scenario order.
std::vector<std::size_t> scaled_issues(const Scenario& scenario);

// The table over `issues` (scenario issue indices; all issues when empty). Saliences are
// divided by the largest salience in the scenario when it exceeds 1 (0–100 inputs).
// Unordered discrete issues and actors using hyper-rectangles cannot be tabled: throws
// std::invalid_argument naming them.
ActorTable to_actor_table(const Scenario& scenario, const std::vector<std::size_t>& issues = {});

}  // namespace parley
