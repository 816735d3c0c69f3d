#pragma once
// EUM — Bueno de Mesquita's expected-utility ("challenge") model of group decisions, as
// specified by J. B. Scholz, G. J. Calbert and G. A. Smith, "Unravelling Bueno de Mesquita's
// group decision model", J. Theoretical Politics 23(4) (2011), p. 510 ff. (ICAART 2011
// version pp. 18–30); after B. Bueno de Mesquita, "Political forecasting: an expected utility
// method", in European Community Decision Making (Bueno de Mesquita and Stokman eds., Yale
// UP, 1994).
//
// One dimension at a time, each round:
//  1. Votes of actor k for x_a over x_b: v_k(a,b) = c_k s_k ((|x_k−x_b|/R)^ρ − (|x_k−x_a|/R)^ρ),
//     R the range of the initial positions; ρ = 1 (vote_risk=linear) or k's risk exponent.
//  2. Probability that i beats j: P_ij = Σ_k max(0, v_k(i,j)) / D, with D = Σ_k Σ_a Σ_b
//     |v_k(a,b)| over every ordered pair of actors (all_pairs) or D = Σ_k |v_k(i,j)| (pair).
//  3. Utilities (risk exponent r, δ = |x_i − x_j|/R, Δ = (|x_i − μ| + |x_i − x_j|)/R, μ the
//     current median): U_s = 2 − 4(0.5 − 0.5δ)^r, U_f = 2 − 4(0.5 + 0.5δ)^r, U_sq = 2 − 4·0.5^r,
//     U_b = 2 − 4(0.5 − 0.25Δ)^r, U_w = 2 − 4(0.5 + 0.25Δ)^r.
//  4. Expected utility of i challenging j: E_ij = s_j (P_ij U_s + (1 − P_ij) U_f)
//     + (1 − s_j) U_s − Q U_sq − (1 − Q)(T U_b + (1 − T) U_w).
//  5. Risk: with every r = 1, actor i's danger ("security") is Σ_{j≠i} E_ji; R_i =
//     (2 danger_i − max − min)/(max − min) over all actors; r_i = (1 − R_i/3)/(1 + R_i/3).
//  6. Offers to receiver i from each j (x_j ≠ x_i), from i's view of E_ij and E_ji:
//     conflict (E_ji > E_ij > 0): i moves to x_j; compromise (E_ji > 0 > E_ij, E_ji > |E_ij|):
//     i moves to x_i + (x_j − x_i)|E_ij / E_ji|; capitulation (E_ji > 0 > E_ij, E_ji < |E_ij|):
//     i moves to x_j. i accepts a conflict offer if it has one (the nearest), else a
//     compromise, else a capitulation (the nearest); all actors move at once.
// The forecast is the capability × salience weighted median of the final positions (or the
// weighted mean). Actors with zero salience on a dimension do not take part in it.
//
// Where Scholz's printed equations and his code differ, parley's default follows the code
// (it reproduces Scholz's Table 2: medians 8.43, 9.62, 9.96, 9.96, 9.96, 7.52, 8.87, 9.70 on
// the 1994 EC car-emissions case). Switches (ModelParameters names, **default**):
//   probability_denominator  **all_pairs** (code) | pair (paper)
//   risk_perspective         **receiver** (code: E_ij and E_ji both with the receiver's r)
//                            | own (each actor's utilities with its own r)
//   vote_risk                **linear** (code: ρ = 1) | risk (ρ = the voter's risk exponent)
//   capitulation             **true** (paper) | false (the Python port
//                            github.com/jmckib/bdm-scholz-expected-utility-model never
//                            capitulates: its test compares E_ji with itself)
//   compromise_choice        **scholz_code** (the compromise whose weighted position
//                            (|E_ij| x_i + |E_ji| x_j)/(|E_ij| + |E_ji|) is smallest)
//                            | smallest_move (paper and BDM: the smallest change of position)
//   Q                        probability the status quo persists, [0,1], **1** (code)
//   T                        probability it gets better for i if it changes, [0,1], **1**
//   rounds                   maximum rounds, **10**; stops earlier once no actor moves
//   outcome                  **median** | mean
//   record_offers            **true**: details list every offer of every round
// Forecast::rounds holds the positions after each round (round 0 = the input); its details
// (EumDetails) hold each dimension's EumRun: per round the median, the mean, the risk
// exponents and the offers.
// Equations, sources and differences: docs/models.md.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/model.hpp"

namespace parley {

struct EumOptions {
  enum class Denominator { all_pairs, pair };
  enum class RiskPerspective { receiver, own };
  enum class VoteRisk { linear, risk };
  enum class CompromiseChoice { scholz_code, smallest_move };
  enum class Outcome { median, mean };

  Denominator probability_denominator = Denominator::all_pairs;
  RiskPerspective risk_perspective = RiskPerspective::receiver;
  VoteRisk vote_risk = VoteRisk::linear;
  bool capitulation = true;
  CompromiseChoice compromise_choice = CompromiseChoice::scholz_code;
  double q = 1;
  double t = 1;
  int rounds = 10;
  Outcome outcome = Outcome::median;
  bool record_offers = true;
};

// Reads the switches above from `parameters` (parley::Error, field "model parameter", on bad
// ones).
EumOptions eum_options(const ModelParameters& parameters);

// What a run reports (EumRun, EumRound, EumOffer, OfferKind): details.hpp, where
// Forecast::details holds them as EumDetails.

// One dimension. REQUIRES: dimension < table.dimension_count().
EumRun run_eum(const ActorTable& table, std::size_t dimension, const EumOptions& options = {});

class EumModel final : public ForecastModel {
 public:
  std::string name() const override { return "eum"; }
  std::string description() const override;
  std::vector<ParamSpec> parameter_specs() const override;
  Forecast run(const ActorTable& table, const ModelParameters& parameters, std::uint64_t seed) const override;
  std::uint64_t work_estimate(const ActorTable& table, const ModelParameters& parameters) const override;
};

}  // namespace parley
