#pragma once
// What the study commands (tournament, sweep, results) share: where results go, how many
// threads, progress, and printing a stored study. (Running one: parley/io/studies.hpp.)

#include <cstddef>
#include <string>

#include <CLI/CLI.hpp>

#include "parley/io/results_db.hpp"

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

// Prints a stored study's summary (text, --json or --csv) as the command that wrote it does.
void print_stored_study(const StoredStudy& study, const std::string& path, const StudyOutput& output);

}  // namespace parley::cli
