#pragma once
// GENIUS / ANAC negotiation domains: a folder with one domain file (root element
// `negotiation_template`) and one profile per party (root `utility_space`).
// Semantics follow GENIUS: a discrete evaluation is divided by its issue's maximum
// evaluation; integer and real issues use the linear evaluator of their bounds; reservation
// value and discount factor are on the normalised [0,1] scale; "nonlinear" profiles are
// sums of hyper-rectangle utilities divided by maxutility.
//
// The imported scenario:
// - issues: one per domain `<issue>`, in document order. Ids are the names made safe
//   ([a-z0-9_-], e.g. "External Monitor" -> "external_monitor", made unique with _2, _3...);
//   names and option texts are kept verbatim. Discrete issues keep their values; integer
//   issues their bounds; real issues become continuous issues on a 21-point grid (GENIUS's
//   own discretisation), with each actor's utility given explicitly at every grid point.
// - actors: one per profile, every profile in the folder (folders holding alternative
//   profiles, e.g. ItexvsCypressDomain, give one actor per alternative). Id: the file stem
//   made safe and unique; name: the stem. Linear profiles give per-issue salience = GENIUS
//   weight and explicit per-value utilities; nonlinear ones give hyper-rectangles (bounds
//   as value indices) with rectangle_scale = maxutility. Every actor has weights: raw, so its
//   utility is GENIUS's: min(1, Σ weight · evaluation) resp. min(1, Σ boxes / maxutility);
//   GeniusOptions::normalise_weights divides the weights by their sum instead (and drops the
//   cap), parley's own convention. The note names the file, weights that do not sum to 1,
//   and any other departure from GENIUS.
// - reservation_value from `<reservation value>` (0 when absent), discount from
//   `<discount_factor value>` (1 when absent or outside (0, 1], as in GENIUS).
// - one stage "all" over every issue, no channels; the scenario name is the folder name.

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/core/scenario.hpp"

namespace parley {

struct GeniusOptions {
  // false (default): GENIUS's utilities exactly (Weights::raw, capped at 1). true: saliences
  // divided by their sum (Weights::normalised), no cap; `parley import genius --normalise-weights`.
  bool normalise_weights = false;
};

// True when `path` is a folder holding a GENIUS domain file. Never throws.
bool is_genius_folder(const std::filesystem::path& path);

// One party per profile file, in file-name order; actor ids are the profile file stems.
// Reads every `*.xml` file of the folder: files that are not XML at all (such as the ANAC
// 2014 `pareto.xml` frontiers) and XML files with other root elements are skipped.
// Throws InputError ("file:line:col: what is wrong") on bad or incomplete input: no or two
// domain files, no profile, malformed XML, a profile issue or weight the domain lacks, a
// value without evaluation, a non-numeric number, ...
Scenario import_genius(const std::filesystem::path& folder, const GeniusOptions& options = {});

// Parses one domain text and its profile texts (the fuzz target's entry point). `profiles`
// holds {file name, text} pairs; the file names label errors and give the actor ids (their
// stems). `domain_name` labels the domain's errors and names the scenario.
// Throws InputError as import_genius does.
Scenario parse_genius(std::string_view domain_xml, const std::vector<std::pair<std::string, std::string>>& profiles,
                      const std::string& domain_name, const GeniusOptions& options = {});

}  // namespace parley
