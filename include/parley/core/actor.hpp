#pragma once
// An actor is a party to the negotiation: its clout, where it stands and how much it cares
// on each issue, and what it gets without agreement. Its utility function is derived from
// these (see utility.hpp); GENIUS profiles and KTAB actor tables are special cases.

#include <cstdint>
#include <string>
#include <vector>

namespace parley {

// Shape of the value function on continuous, integer and ordered issues, as a function of
// the distance d from the actor's position over the issue's scale length L:
// linear 1 - d/L, quadratic 1 - (d/L)^2.
enum class ValueShape { linear, quadratic };

// An actor's stance on one issue.
struct Stance {
  double position = 0;  // on the issue's scale (the ordinal index for discrete issues)
  double salience = 0;  // >= 0; relative weight of the issue; 0 = no stake
  // Explicit utility in [0,1] of each value index of the issue. When non-empty it replaces
  // the distance-based value function (and is the only option on unordered issues).
  std::vector<double> values;

  bool has_stake() const { return salience > 0; }

  bool operator==(const Stance&) const = default;
};

// GENIUS "nonlinear" (constraint) utilities: an outcome earns `utility` when each bounded
// issue's value index lies in [min, max] (inclusive rectangle) or, for an exclusive
// rectangle, when at least one of them lies outside.
struct HyperRectangle {
  struct Bound {
    std::size_t issue = 0;  // scenario issue index
    std::uint32_t min = 0;  // value indices, inclusive
    std::uint32_t max = 0;
    bool operator==(const Bound&) const = default;
  };
  std::vector<Bound> bounds;
  double utility = 0;
  bool exclusive = false;
  bool operator==(const HyperRectangle&) const = default;
};

struct Actor {
  std::string id;
  std::string name;  // defaults to id
  double capability = 1;  // > 0; power or clout
  std::vector<Stance> stances;  // one per scenario issue, in scenario issue order
  ValueShape shape = ValueShape::linear;
  double reservation_value = 0;  // utility of no agreement, on the normalised [0,1] scale
  double risk = 0;  // risk attitude: 0 neutral, > 0 averse, < 0 acceptant
  double discount = 1;  // per-round (or per unit of normalised time) factor in (0, 1]
  // Non-empty: the actor's utility is Σ satisfied rectangle utilities / rectangle_scale,
  // and stances carry no utility.
  std::vector<HyperRectangle> rectangles;
  double rectangle_scale = 1;  // GENIUS maxutility
  std::string note;  // where the numbers come from

  bool uses_rectangles() const { return !rectangles.empty(); }

  bool operator==(const Actor&) const = default;
};

const char* to_string(ValueShape shape);

}  // namespace parley
