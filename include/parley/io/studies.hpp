#pragma once
// Studies (tournaments and sweeps) from their settings to their results database, and a
// stored study back to its summary: the work behind `parley tournament`, `parley sweep` and
// `parley results`, shared by the CLI and the Python package (parley.tournament,
// parley.sweep, parley.results). Both run this code, so for the same settings they write the
// same database (outside `meta`) and give the same summary document.
//
// Threads: run_study blocks its caller while the executor (run/executor.hpp) computes the
// runs on worker threads, and takes no lock of its own. A strategy that needs a lock per call
// (a Python strategy takes the GIL) therefore runs as long as the caller does not hold that
// lock while it waits here.
//
// Errors a user can fix are parley::Error (InputError for a path or an option), thrown before
// the database is created wherever the settings allow (a missing domain, an unknown strategy
// or model): such a call leaves no file behind.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/core/scenario.hpp"
#include "parley/io/results_db.hpp"
#include "parley/negotiate/staged.hpp"
#include "parley/run/executor.hpp"
#include "parley/run/sweep.hpp"
#include "parley/run/tournament.hpp"

namespace parley {

// ---- tournaments ------------------------------------------------------------------------

// Splits lists of strategy specs: "aspiration:e=2,model=frequency,boulware" is two specs (a
// piece with '=' and no ':' continues the previous spec's parameters). Empty pieces vanish.
std::vector<std::string> split_strategy_list(const std::vector<std::string>& lists);
// The strategies of such lists, each parsed by parse_strategy (negotiate/strategies.hpp).
// Throws parley::Error: an unknown strategy or parameter (with "did you mean"), or none at
// all (field "strategy").
std::vector<StrategySpec> parse_strategy_lists(const std::vector<std::string>& lists);

// Every domain under `paths`, loaded `threads` at a time (0: every core), as tournament
// tables in the order given: a GENIUS domain folder is one table, a scenario file one per
// stage (named "stem/stage" when it has several); a folder is searched recursively, in name
// order, for both. Throws InputError: a given folder holding no domain, a domain that does
// not load (its own error, at its file), two domains with the same name.
std::vector<TournamentTable> load_tournament_tables(const std::vector<std::string>& paths, std::size_t threads);

// ---- sweeps -----------------------------------------------------------------------------

// The settings of `parley sweep` (errors name its options: --runs, --models).
struct SweepSettings {
  std::string file;  // the scenario file ("-": standard input); labels errors
  // Already loaded (the variant applied): used instead of reading `file`.
  std::shared_ptr<const Scenario> scenario;
  std::string variant;  // applied when reading `file`; the identity records it
  std::uint64_t runs = 0;  // at least 1
  std::vector<std::string> models{"all"};  // names, "all" (every registered model), "none"
  bool negotiate = true;
  std::uint64_t seed = 0;
};
// Seats' strategies for the loaded scenario (the CLI's --strategy, Python's dict). Throws
// parley::Error on a choice it cannot use.
using StrategyChoice = std::function<StagedOptions(const Scenario&)>;

// The plan of a sweep: checks runs (>= 1), loads the scenario, checks that it has an
// `uncertainty:` section, chooses the strategies, resolves the models. Throws InputError at
// the option or file concerned, in that order.
SweepPlan plan_sweep(const SweepSettings& settings, const StrategyChoice& choose_strategies);

// ---- running ----------------------------------------------------------------------------

struct StudyExecution {
  std::string database;  // empty: default_database(name, the study's identity)
  std::string name;  // the default database's NAME: "tournament", or the scenario file's stem
  std::size_t threads = 0;  // 0: every core
  bool progress = false;  // a progress line on stderr (the caller knows whether it is a terminal)
};

// "results/NAME-DATE-HASH.sqlite" (relative to the working directory), HASH from the
// study's identity: the same study finds its database again the same day (and resumes it),
// another study gets its own file.
std::string default_database(const std::string& name, const StudyIdentity& identity);

// Opens the study's database (creating it, or reopening it to resume), computes the runs it
// lacks with the executor, commits them block by block and records the execution in `meta`
// (with setup_seconds when given). Returns the database path on rank 0, nullopt on other
// MPI ranks (which never touch the database). REQUIRES: `tournament` (or `plan`) outlives
// the call. Throws parley::Error: the database's (another study at that path, unwritable),
// and the first failing run's.
std::optional<std::string> run_tournament_study(const Tournament& tournament, const StudyExecution& execution,
                                                std::optional<double> setup_seconds = std::nullopt);
std::optional<std::string> run_sweep_study(const SweepPlan& plan, const std::string& variant,
                                           const StudyExecution& execution);

// ---- stored studies ---------------------------------------------------------------------

enum class StudyKind { tournament, sweep };
// The kind of a stored study. Throws parley::Error (invalid, at `path`) for a kind this
// parley cannot summarise.
StudyKind study_kind(const StoredStudy& study, const std::string& path);

// The summary of a stored tournament over the runs it holds.
TournamentSummary summarize_stored_tournament(const StoredStudy& study);

// The summary document `parley results DB --json` prints (as do `parley tournament ... --json`
// and `parley sweep ... --json`): the kind's summary, "database": path, and "planned_runs".
nlohmann::json stored_study_json(const StoredStudy& study, const std::string& path);

}  // namespace parley
