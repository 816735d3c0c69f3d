#pragma once
// The DEU data ("Decision-making in the European Union", DEU I+II+III; Arregui & Perarnaud,
// doi:10.34810/data53, CC BY 4.0) in the tab-separated layout of
// github.com/blksv/predictioneers_game (`deu3.csv`): a quoted header, then one issue per
// line. Columns: `isnr` (issue id), `prname` (proposal), `p<actor>` position and `s<actor>`
// salience (0–100) for every actor named in both (com, ep and the member states), `rp` the
// reference point (status quo) and `out` the outcome, all on the scale 0–100.
//
// Conventions (stated in every imported scenario's description):
// - Line 2 is not an issue when its issue-id columns are empty: it holds a capability proxy
//   per actor (GDP-based; com and ep 4.1). Without such a line every actor has capability 1.
// - An actor takes part in an issue when it has a position there. A missing salience with a
//   position is imputed as 50; a salience without a position is ignored.
// - Issues without an outcome are kept (known_outcome empty); `out` values outside 0–100
//   and positions outside 0–100 are errors with file:line:col.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "parley/core/scenario.hpp"

namespace parley {

// True when the first line is a tab-separated header with p<actor>/s<actor> columns and an
// `out` column.
bool looks_like_deu(std::string_view text);

struct DeuData {
  // One scenario per issue, each with the actors that have a position on it (one issue,
  // scale 0–100, reference point and known outcome when given).
  std::vector<Scenario> issues;
  std::size_t imputed_saliences = 0;
  bool capability_row = false;
  std::string conventions;  // the sentence stated in each description
  // Actors whose own position is a benchmark forecast, for `parley evaluate`
  // (EvaluationOptions::benchmark_actors): the European Commission (`com`) when the file
  // has it — it proposes every act, and DEU studies score its position beside the models.
  std::vector<std::string> benchmark_actors;
};

// Throw InputError("file:line:col: what is wrong").
DeuData parse_deu(std::string_view text, const std::string& file_name);
DeuData import_deu(const std::filesystem::path& file);

// All issues as one scenario (for commands that take one scenario): every actor of the file,
// an actor without a position on an issue having salience 0 there (no stake).
Scenario deu_as_one_scenario(const DeuData& data, const std::string& name);

}  // namespace parley
