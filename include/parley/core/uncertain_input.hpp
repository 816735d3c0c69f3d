#pragma once
// The uncertain inputs a Scenario carries (uncertainty.hpp explains them and draws from
// them). Apart from scenario.hpp, include uncertainty.hpp instead.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley {

// The floor of a drawn capability or discount, which must stay > 0.
inline constexpr double kMinDrawnPositive = 1e-6;

enum class UncertainField : std::uint8_t { position, salience, capability, reservation, discount, strategy };
// The field's word in the scenario format: "position", "salience", "capability",
// "reservation", "discount", "strategy".
const char* to_string(UncertainField field);
// Whether the field is about one issue (position, salience).
bool per_issue(UncertainField field);

enum class DistributionKind : std::uint8_t { normal, uniform, triangular, choice };
const char* to_string(DistributionKind kind);  // "normal", "uniform", "triangular", "choice"

struct Distribution {
  DistributionKind kind = DistributionKind::normal;
  std::optional<double> mean;  // normal; none: the actor's stated value
  double sd = 0;               // normal, >= 0
  // normal: optional clip bounds (within the field's range); uniform and triangular: the
  // support, both required, min <= max.
  std::optional<double> min, max;
  double mode = 0;  // triangular, in [min, max]
  // choice: the values (numbers for numeric fields; strategy specs for `strategy`), and
  // optional weights (>= 0, one per value, not all 0; empty: equally likely).
  std::vector<double> values;
  std::vector<std::string> strategies;
  std::vector<double> weights;

  bool operator==(const Distribution&) const = default;
};

// One uncertain input: a distribution over one field of one actor.
struct UncertainInput {
  std::size_t actor = 0;  // actor index
  UncertainField field = UncertainField::salience;
  std::size_t issue = 0;  // scenario issue index; position and salience only
  Distribution distribution;
  std::string note;  // why the judgement is uncertain

  bool operator==(const UncertainInput&) const = default;
};

}  // namespace parley
