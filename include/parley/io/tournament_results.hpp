#pragma once
// A tournament's results as files: its study identity and typed tables in the results
// database (results_db.hpp; docs/results.md), and its summary as JSON and CSV.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/io/results_db.hpp"
#include "parley/run/tournament.hpp"

namespace parley {

// kind "tournament"; parameters: seed, protocol, protocol settings, rounds, repetitions,
// strategies (a JSON list of spec texts), domains (a JSON list of {name, hash, parties}).
// Tables (created with the database): `strategies`, `domains` (filled at creation), `runs`
// and `actor_results` (one row per run and per seat, written with each block).
StudyIdentity tournament_identity(const Tournament& tournament);
RowWriter tournament_row_writer(const Tournament& tournament);

// The strategy specs a stored tournament names (its `strategies` parameter). Throws
// parley::Error when the parameter is missing or malformed.
std::vector<std::string> stored_tournament_strategies(const StoredStudy& study);

// {"kind": "tournament", "runs", "planned_runs", "ranking": [{strategy, negotiations, utility:
// {mean, low, high, n}, anac_score, agreement, welfare, pareto_distance, nash_distance,
// rounds}]}; NaN as null.
nlohmann::json tournament_summary_to_json(const TournamentSummary& summary, std::uint64_t planned_runs);
// One header line, then one line per strategy in ranking order: rank, strategy,
// negotiations, then mean, low and high of each estimate.
std::string tournament_summary_to_csv(const TournamentSummary& summary);

}  // namespace parley
