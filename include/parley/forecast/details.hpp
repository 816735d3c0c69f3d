#pragma once
// What each built-in forecast model reports besides its outcome: one plain struct per model,
// held in Forecast::details (model.hpp), a std::variant, so that a caller — or a binding —
// reads typed fields. Every field is a value the model computed; nothing refers back to the
// model. Actors and dimensions are indices into the ActorTable the model ran on, and
// per-dimension vectors are indexed by dimension. io/forecast_json.hpp writes these as the
// `details` object of `parley forecast --json` (key names beside each field below).

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "parley/forecast/smp_parameters.hpp"

namespace parley {

// --- compromise (compromise.hpp) ---------------------------------------------------------

struct CompromiseDimension {
  double total_weight = 0;         // total_weight: Σ_i c_i^α s_i^β
  std::size_t actors_counted = 0;  // actors_counted: actors with a positive weight
};

struct CompromiseDetails {
  double capability_exponent = 1;  // α
  double salience_exponent = 1;    // β
  std::vector<CompromiseDimension> dimensions;  // one per dimension
};

// --- median (median.hpp) -----------------------------------------------------------------

struct MedianDetails {
  double capability_exponent = 1;  // α
  double salience_exponent = 1;    // β
};

// --- nash (nash_bargaining.hpp) ----------------------------------------------------------

enum class Disagreement { automatic, worst, farthest_end, reference };
const char* to_string(Disagreement disagreement);  // "auto", "worst", "farthest_end", "reference"

struct NashDimension {
  Disagreement disagreement = Disagreement::worst;  // disagreement: the point used (never automatic)
  bool at_disagreement_point = false;  // no outcome beats the disagreement point for every actor
};

struct NashDetails {
  double utility_exponent = 1;  // k
  std::vector<NashDimension> dimensions;  // one per dimension; empty when the table has no actors
};

// --- eum (eum.hpp) -----------------------------------------------------------------------

enum class OfferKind { conflict, compromise, capitulation };
const char* to_string(OfferKind kind);  // "conflict", "compromise", "capitulation"

struct EumOffer {
  std::size_t receiver = 0, proposer = 0;  // to, from: actor indices in the table
  OfferKind kind = OfferKind::conflict;    // type
  double position = 0;  // where the receiver would move
  double receiver_eu = 0, proposer_eu = 0;  // eu_receiver, eu_proposer: E_ij and E_ji as the receiver sees them
  bool accepted = false;
};

struct EumRound {
  std::vector<double> positions;  // per table actor after the round; non-participants keep theirs
  std::vector<double> risk_exponents;  // per table actor (1 for non-participants)
  double median = 0, mean = 0;
  std::vector<EumOffer> offers;  // empty unless offers are recorded
};

// One dimension's run.
struct EumRun {
  std::vector<std::size_t> participants;  // actors with salience > 0 on the dimension
  double initial_median = 0, initial_mean = 0;
  std::vector<EumRound> rounds;  // rounds actually played
  std::string stop_reason;
  double outcome = 0;
};

struct EumDetails {
  std::vector<EumRun> dimensions;  // one per dimension
  bool offers_recorded = true;     // EumOptions::record_offers: rounds carry their offers
};

// --- smp (smp.hpp) -----------------------------------------------------------------------

// One turn's probability-of-each-position (KTAB's "pDist"): the distinct positions (within
// 1e-3 on [0,1], Euclidean) on the dimensions' scales, their PCE probabilities and holders.
struct SmpPositionDistribution {
  std::vector<std::vector<double>> positions;
  std::vector<double> probability;
  std::vector<std::vector<std::size_t>> holders;  // actor indices, per position
};

struct SmpDetails {
  SmpParameters parameters;  // as run: parsed, seed set
  std::size_t turns = 0;
  bool converged = false;  // stopped by the change criterion, not by max_turns
  std::vector<double> weighted_mean;  // per dimension: Σ probability × position (the outcome)
  // Index of the most probable position in position_probabilities.back().
  std::size_t most_probable = 0;
  std::vector<SmpPositionDistribution> position_probabilities;  // per turn (0 = the input)
  // Per turn, actor × dimension row-major; only when an IdealAdjustment was given
  // (parameters.accommodation not empty), else empty (ideals follow positions).
  std::vector<std::vector<double>> ideals;
  std::vector<std::string> notes;  // e.g. saliences rescaled
};

// --- exchange (exchange.hpp) -------------------------------------------------------------

struct Exchange {
  int round = 0;  // 1-based
  std::size_t i = 0, j = 0;  // actors: i cares relatively more about p, j about q
  std::size_t p = 0, q = 0;  // dimensions: j moves on p towards i, i moves on q towards j
  double j_position_before = 0, j_position_after = 0;  // on p
  double i_position_before = 0, i_position_after = 0;  // on q
  double gain = 0;  // each actor's gain
};

struct ExchangeDetails {
  std::vector<Exchange> exchanges;  // in the order they were made
  std::vector<std::vector<double>> outcomes;  // per round (0 = the input), per dimension
};

// What Forecast::details holds: the struct of the model that ran, or std::monostate for a
// model that reports nothing beyond its outcome (e.g. one registered outside parley).
using ForecastDetails = std::variant<std::monostate, CompromiseDetails, MedianDetails, NashDetails, EumDetails,
                                     SmpDetails, ExchangeDetails>;

}  // namespace parley
