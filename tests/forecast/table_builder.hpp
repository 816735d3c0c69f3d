#pragma once
// Small actor tables for the forecast model tests.

#include <optional>
#include <string>
#include <vector>

#include "parley/forecast/actor_table.hpp"

namespace parley::test {

struct TableActor {
  std::string id;
  double capability;
  std::vector<double> position, salience;  // per dimension
};

// Dimensions d1, d2, ... on [lower, upper].
inline ActorTable make_table(const std::vector<TableActor>& actors, double lower = 0, double upper = 100,
                             std::optional<double> reference = std::nullopt) {
  ActorTable table;
  table.name = "test";
  const std::size_t m = actors.front().position.size();
  for (std::size_t d = 0; d < m; ++d) {
    table.dimensions.push_back("d" + std::to_string(d + 1));
    table.lower.push_back(lower);
    table.upper.push_back(upper);
    table.reference_point.push_back(reference);
    table.known_outcome.push_back(std::nullopt);
  }
  for (const auto& actor : actors) {
    table.actors.push_back(actor.id);
    table.capability.push_back(actor.capability);
    for (std::size_t d = 0; d < m; ++d) {
      table.position.push_back(actor.position[d]);
      table.salience.push_back(actor.salience[d]);
    }
  }
  return table;
}

}  // namespace parley::test
