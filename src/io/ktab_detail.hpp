#pragma once
// Shared between the KTAB CSV and XML readers: the table as read, the value checks both
// formats apply, and the conversion to a parley Scenario.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/scenario.hpp"

namespace parley::ktab_detail {

struct RawActor {
  std::string name;
  std::string description;
  double capability = 0;
  std::vector<double> position;  // 0–100, per dimension
  std::vector<double> salience;  // 0–100, per dimension
};

struct RawTable {
  std::string name;
  std::string description;
  std::vector<std::string> dimensions;
  std::vector<RawActor> actors;
};

// Where a value came from; throws InputError at that place with the message.
using Fail = std::function<void(const std::string& message)>;

// KTAB's limits: capability > 0, positions and saliences on 0–100, saliences summing to at
// most 100 per actor. Each check calls `fail` (which must throw) with what is wrong.
void check_capability(const std::string& actor, double value, const Fail& fail);
void check_position(const std::string& actor, const std::string& dimension, double value, const Fail& fail);
void check_salience(const std::string& actor, const std::string& dimension, double value, const Fail& fail);
void check_salience_total(const RawActor& actor, const Fail& fail);

// A finite number, or nullopt (accepts a leading '+'; surrounding spaces are the caller's).
std::optional<double> parse_number(std::string_view text);

std::string trimmed(std::string_view text);

// Scenario from the table; ids made from names (letters, digits, '_' and '-'), unique.
Scenario to_scenario(const RawTable& table, const std::string& source);

}  // namespace parley::ktab_detail
