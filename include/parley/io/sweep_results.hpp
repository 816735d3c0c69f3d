#pragma once
// A sweep's results database (results_db.hpp; docs/results.md): its study identity, which
// holds everything needed to summarise the records again (the scenario as YAML, models,
// strategies, seed), and its typed tables.

#include <string>

#include "parley/io/results_db.hpp"
#include "parley/run/sweep.hpp"

namespace parley {

// kind "sweep"; parameters: scenario (the loaded scenario as parley YAML, uncertainty
// included), scenario_hash, variant, models (JSON list), negotiate, seed, strategies (JSON
// object actor id → spec), default_strategy. Tables: `inputs` (filled at creation), `draws`,
// `forecasts`, `stages`, `utilities` (one row per run and value).
StudyIdentity sweep_identity(const SweepPlan& plan, const std::string& variant);
// REQUIRES: `plan` outlives the writer.
RowWriter sweep_row_writer(const SweepPlan& plan);

// The plan a stored sweep was run with, rebuilt from its identity (to summarise its records
// again). Throws parley::Error when the database lacks a parameter or holds a malformed one.
SweepPlan stored_sweep_plan(const StoredStudy& study);

}  // namespace parley
