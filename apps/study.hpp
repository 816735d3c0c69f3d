#pragma once
// What the study commands (tournament, sweep, results) share: where results go, how many
// threads, progress, and printing a stored study.

#include <cstddef>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "parley/io/results_db.hpp"
#include "parley/run/executor.hpp"

namespace parley::cli {

struct StudyOutput {
  std::size_t threads = 0;  // 0: every core
  std::string database;  // empty: the default results/NAME-DATE-HASH.sqlite
  bool json = false;
  bool csv = false;
  bool quiet = false;
  // A progress line on stderr: only on a terminal, never with --quiet.
  bool show_progress() const;
};
// --threads, --db, --json, --csv, --quiet.
void add_study_output_options(CLI::App& command, StudyOutput& output);

// "results/NAME-DATE-HASH.sqlite": HASH from the study's identity, so the same command finds
// its database again (and resumes it) while another study gets its own file.
std::string default_database(const std::string& name, const std::string& identity_text);
std::string identity_text(const StudyIdentity& identity);
// Records an execution's wall-clock facts in `meta`.
void announce_execution(ResultsDb& db, const ExecutionSummary& summary, std::uint64_t pending, std::uint64_t planned);

// Prints a stored study's summary (text, --json or --csv) as the command that wrote it does.
void print_stored_study(const StoredStudy& study, const std::string& path, const StudyOutput& output);

// Splits --strategies lists: "aspiration:e=2,model=frequency,boulware" is two specs (a piece
// with '=' and no ':' continues the previous spec's parameters).
std::vector<std::string> split_strategy_list(const std::vector<std::string>& lists);

}  // namespace parley::cli
