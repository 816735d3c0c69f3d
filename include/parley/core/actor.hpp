#pragma once
// An actor is a party to the negotiation: its clout, where it stands and how much it cares
// on each issue, and what it gets without agreement. Its utility function is derived from
// these (see utility.hpp); GENIUS profiles and KTAB actor tables are special cases.

#include <cstdint>
#include <string>
#include <vector>

#include "parley/core/uncertain_input.hpp"

namespace parley {

// Shape of the value function on continuous, integer and ordered issues, as a function of
// the distance d from the actor's position over the issue's scale length L:
// linear 1 - d/L, quadratic 1 - (d/L)^2.
enum class ValueShape { linear, quadratic };

// How an actor's saliences weigh its issues (utility.hpp has the formulas).
// - normalised (parley's default): w_k = salience_k / Σ of the saliences over the issues of
//   the space being negotiated, so utilities lie in [0, 1] whatever the saliences add up to.
// - raw (GENIUS): w_k = salience_k as given, and the utility is capped at 1:
//   u = min(1, Σ_k w_k · v_k), as GENIUS's AdditiveUtilitySpace computes it; for an actor with
//   rectangles, u = min(1, Σ satisfied utilities / rectangle_scale), as its
//   NonlinearUtilitySpace does. A space over some of the issues (a stage) then gives at most
//   the sum of their weights.
enum class Weights { normalised, raw };

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

// What an actor believes of another, in a two-level game (Putnam 1988; Iida 1993): its
// estimate of that actor's reservation value, the threshold at which it would ratify. A
// negotiator at the table uses it for a ratifier of its stage (ratification_belief.hpp); it
// may be wrong, and then the negotiator overreaches or concedes more than it needs to.
struct Belief {
  std::size_t about = 0;  // actor index
  // A distribution over the reservation value (a point estimate is a choice of one value);
  // a normal without `mean` is centred on the actor's stated reservation.
  Distribution reservation;
  std::string note;  // where the estimate comes from

  bool operator==(const Belief&) const = default;
};

struct Actor {
  std::string id;
  std::string name;  // defaults to id
  double capability = 1;  // > 0; power or clout
  std::vector<Stance> stances;  // one per scenario issue, in scenario issue order
  ValueShape shape = ValueShape::linear;
  Weights weights = Weights::normalised;
  double reservation_value = 0;  // utility of no agreement, on the normalised [0,1] scale
  double risk = 0;  // risk attitude: 0 neutral, > 0 averse, < 0 acceptant
  double discount = 1;  // per-round (or per unit of normalised time) factor in (0, 1]
  // Non-empty: the actor's utility is Σ satisfied rectangle utilities / rectangle_scale
  // (capped at 1 with raw weights), and stances carry no utility.
  std::vector<HyperRectangle> rectangles;
  double rectangle_scale = 1;  // GENIUS maxutility
  std::string note;  // where the numbers come from
  // The strategy the actor negotiates with in staged runs, as a strategy spec ("boulware:e=3",
  // `parley list strategies`); empty: the run's default. Core keeps it as text; io checks it
  // against the strategy registry, and a run's explicit choice for the actor overrides it.
  std::string strategy;
  // Its beliefs about other actors, at most one per actor (the format's `beliefs:`).
  std::vector<Belief> beliefs;

  bool uses_rectangles() const { return !rectangles.empty(); }

  bool operator==(const Actor&) const = default;
};

const char* to_string(ValueShape shape);
// "normalised" or "raw" (the words of the scenario format).
const char* to_string(Weights weights);

}  // namespace parley
