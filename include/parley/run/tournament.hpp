#pragma once
// Tournaments: strategies × domains × role assignments × repetitions, scored as the
// Automated Negotiating Agents Competition (ANAC) scores them (Baarslag et al., "Evaluating
// practical negotiating agents: results and analysis of the 2011 international competition",
// Artificial Intelligence 198, 2013: the score of an agent is its mean discounted utility
// over every negotiation it took part in against the other agents, in both roles, on every
// domain), plus the efficiency measures of NegMAS/GENIUS tournaments (agreement rate,
// social welfare, distance to the Pareto frontier and to the Nash point, rounds).
//
// A domain is one negotiation table: the parties of one stage of a scenario (a GENIUS
// folder's scenario has one stage, "all"), over that stage's own issues, without links or
// ratifiers. Its CompiledDomain and Analysis are built once and shared, read-only, by every
// run on it. A role assignment gives each party a strategy; a domain of P parties has S^P of
// them (all ordered pairs for two parties, self-play included).
//
// Run numbering (the executor's run index): domains in the order given, then assignments
// (party 0's strategy varying slowest), then repetitions. Run r is seeded with
// derive_seed(seed, r); party p's negotiator with derive_seed(seed, r, p). So a run's
// record depends only on the tournament and r: the same on any thread, rank or restart.

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "parley/core/analysis.hpp"
#include "parley/negotiate/compiled.hpp"
#include "parley/negotiate/mechanism.hpp"
#include "parley/negotiate/strategies.hpp"

namespace parley {

// The most parties a tournament domain may seat (records are fixed-width).
inline constexpr std::size_t kMaxTournamentParties = 8;
// The most runs one tournament may plan (run numbers must stay exact in a double record).
inline constexpr std::uint64_t kMaxTournamentRuns = 1'000'000'000'000ULL;

// One table: a stage of a loaded scenario.
struct TournamentTable {
  std::string name;  // as reported: the folder or file stem, "/stage" for scenario stages
  std::shared_ptr<const Scenario> scenario;
  std::size_t stage = 0;
};

struct TournamentOptions {
  std::vector<StrategySpec> strategies;  // at least one, parsed with parse_strategy
  std::uint64_t repetitions = 1;
  int rounds = 100;  // deadline, ANAC's default; 1..kMaxDeadlineRounds
  std::string protocol = "sao";
  std::map<std::string, std::string> protocol_settings;
  std::uint64_t seed = 0;
  std::uint64_t max_memory_bytes = kDefaultMemoryLimit;  // per domain's tables and analysis
  // Record every move of every run (round, seat, kind, outcome) after the fixed fields: the
  // offer trace. Costs 4 doubles per move, up to rounds × seats moves per run.
  bool record_offers = false;
};

// What a domain's runs share. Built once.
struct TournamentDomain {
  std::string name;
  std::string hash;  // scenario_hash of the scenario, then ":" and the stage id
  std::vector<std::string> parties;  // actor ids of the seats, in seat order
  std::uint64_t outcomes = 0;
  std::shared_ptr<const CompiledStage> compiled;  // domain() built
  // Analysis of the seats alone (a stage's ratifiers are not at a tournament's table).
  std::shared_ptr<const Analysis> analysis;
  std::uint64_t first_run = 0;  // its runs are [first_run, first_run + runs)
  std::uint64_t runs = 0;
};

// The fixed layout of a run's record (doubles). Per-seat fields repeat for each of
// kMaxTournamentParties seats; seats a domain lacks hold NaN.
namespace tournament_record {
inline constexpr std::size_t domain = 0;           // domain index
inline constexpr std::size_t assignment = 1;       // role-assignment index within the domain
inline constexpr std::size_t repetition = 2;
inline constexpr std::size_t status = 3;           // NegotiationStatus: 0 agreement, 1 ended, 2 timeout
inline constexpr std::size_t rounds = 4;           // rounds begun
inline constexpr std::size_t agreement = 5;        // outcome index of the agreement, or -1
inline constexpr std::size_t welfare = 6;          // Σ seats' discounted utilities
inline constexpr std::size_t pareto_distance = 7;  // Euclidean distance of the utilities to the Pareto frontier
inline constexpr std::size_t nash_distance = 8;    // … to the Nash point (NaN when the domain has none)
inline constexpr std::size_t seats = 9;            // first per-seat field; then, per seat:
inline constexpr std::size_t strategy = 0;         //   strategy index
inline constexpr std::size_t utility = 1;          //   utility (undiscounted; reservation value without agreement)
inline constexpr std::size_t discounted = 2;       //   discounted utility
inline constexpr std::size_t seat_width = 3;
inline constexpr std::size_t base_width = seats + kMaxTournamentParties * seat_width;
// With TournamentOptions::record_offers: the number of moves recorded, then per move:
inline constexpr std::size_t moves = base_width;
inline constexpr std::size_t move_round = 0;    //   protocol round
inline constexpr std::size_t move_seat = 1;     //   the seat that moved
inline constexpr std::size_t move_kind = 2;     //   EventKind as a number (offer, accept, reject, no_offer, end)
inline constexpr std::size_t move_outcome = 3;  //   the outcome offered or answered, or -1
inline constexpr std::size_t move_width = 4;
}  // namespace tournament_record

class Tournament {
 public:
  // Compiles every table (tables and analyses, `threads` at a time; 0: every core).
  // Throws parley::Error: no strategy, a table with fewer than 2 or more than
  // kMaxTournamentParties parties, a protocol that cannot seat them, too many runs,
  // repetitions 0, a deadline out of range; analysis limits (too_large) per domain.
  Tournament(std::vector<TournamentTable> tables, TournamentOptions options, std::size_t threads = 0);
  Tournament(const Tournament&) = delete;
  Tournament& operator=(const Tournament&) = delete;

  const TournamentOptions& options() const { return options_; }
  const std::vector<TournamentDomain>& domains() const { return domains_; }
  std::uint64_t run_count() const { return run_count_; }
  // Doubles per record: tournament_record::base_width, plus the offer trace's
  // 1 + move_width · move_capacity() with record_offers.
  std::size_t record_width() const;
  // Moves a record can hold: rounds × the most seats of any domain (every protocol makes at
  // most one move per seat and round); a longer trace keeps its first moves.
  std::size_t move_capacity() const;

  // Runs run `run` into `record`. Thread-safe. REQUIRES: run < run_count(),
  // record.size() == record_width(). No allocation beyond the negotiators' own (and the
  // trace's, with record_offers).
  void run(std::uint64_t run, std::span<double> record) const;

  // The strategy index of each seat of `assignment` on a domain of `parties` seats.
  std::vector<std::size_t> seat_strategies(std::uint64_t assignment, std::size_t parties) const;

 private:
  TournamentOptions options_;
  std::unique_ptr<Protocol> protocol_;
  std::vector<TournamentDomain> domains_;
  std::uint64_t run_count_ = 0;
};

// --- scores ------------------------------------------------------------------------------

// A mean with its 95% confidence interval (Student's t for n - 1 degrees of freedom; for a
// rate, Wilson's score interval). n = 0: mean, low and high are NaN; n = 1: low = high = NaN.
struct Estimate {
  double mean = 0;
  double low = 0;
  double high = 0;
  std::uint64_t n = 0;
};
Estimate mean_estimate(std::span<const double> values);
Estimate rate_estimate(std::uint64_t successes, std::uint64_t trials);

struct StrategyScore {
  std::string strategy;  // spec text
  std::uint64_t negotiations = 0;  // seats it played
  Estimate utility;        // own discounted utility (reservation value, discounted, without agreement)
  Estimate agreement;      // rate
  Estimate welfare;        // of the negotiations it played
  Estimate pareto_distance;
  Estimate nash_distance;  // over negotiations on domains with a Nash point
  Estimate rounds;         // rounds to agreement, over its agreements
  Estimate anac_score;     // own discounted utility, only against other strategies (ANAC)
};

struct TournamentSummary {
  std::uint64_t runs = 0;
  std::vector<StrategyScore> ranking;  // by utility.mean descending, then by name
};

// Scores from records of `width` doubles each (any order; every record of the tournament or
// a subset). Needs only the strategy names: a stored database is summarised again without
// the domains.
TournamentSummary summarize_tournament(std::span<const std::string> strategies, std::span<const double> records,
                                       std::size_t width = tournament_record::base_width);

}  // namespace parley
