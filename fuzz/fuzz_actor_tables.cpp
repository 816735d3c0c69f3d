// libFuzzer target for the actor-table importers of the BDM CSV, the DEU TSV and the exchange
// model's #A/#P/#M/#D input, and, on small tables, the models they feed.
//
// Input: one selector byte (value % 3: 0 BDM, 1 DEU, 2 exchange), then the file's text.
// InputError is the only exception a bad input may raise; anything else (another exception,
// a sanitizer report) is a bug. A table that loads must be consistent (one stance per issue,
// capability > 0, salience in [0,1], positions on the issue's scale); up to 12 actors × 4
// issues then run the compromise, median, Nash, EUM (3 rounds) and exchange (3 rounds)
// models, whose forecasts must stay on each issue's scale. Every table that loads must also
// write and read back to the same scenario, or be refused by the writer (round_trip.hpp).

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/compromise.hpp"
#include "parley/forecast/eum.hpp"
#include "parley/forecast/exchange.hpp"
#include "parley/forecast/median.hpp"
#include "parley/forecast/nash_bargaining.hpp"
#include "parley/io/bdm.hpp"
#include "parley/io/deu.hpp"
#include "parley/io/exchange.hpp"
#include "parley/io/input_error.hpp"
#include "round_trip.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

void check(const parley::Scenario& s) {
  require(!s.issues.empty() && s.stages.size() == 1);
  for (const parley::Issue& issue : s.issues) require(issue.upper > issue.lower);
  for (const parley::Actor& actor : s.actors) {
    require(actor.capability > 0 && std::isfinite(actor.capability));
    require(actor.stances.size() == s.issues.size());
    for (std::size_t i = 0; i < s.issues.size(); ++i) {
      const parley::Stance& stance = actor.stances[i];
      require(stance.salience >= 0 && stance.salience <= 1);
      require(stance.position >= s.issues[i].lower && stance.position <= s.issues[i].upper);
    }
  }
}

void on_scale(const parley::ActorTable& table, const std::vector<double>& outcome) {
  require(outcome.size() == table.dimension_count());
  for (std::size_t d = 0; d < outcome.size(); ++d) {
    const double slack = 1e-9 * (1 + std::fabs(table.upper[d]) + std::fabs(table.lower[d]));
    require(outcome[d] >= table.lower[d] - slack && outcome[d] <= table.upper[d] + slack);
  }
}

void run_models(const parley::Scenario& scenario) {
  if (scenario.actors.empty() || scenario.actors.size() > 12 || scenario.issues.size() > 4) return;
  const parley::ActorTable table = parley::to_actor_table(scenario);
  const parley::ModelParameters none;
  on_scale(table, parley::CompromiseModel().run(table, none, 0).outcome);
  on_scale(table, parley::MedianModel().run(table, none, 0).outcome);
  on_scale(table, parley::NashBargainingModel().run(table, none, 0).outcome);
  on_scale(table, parley::EumModel().run(table, {{"rounds", "3"}}, 0).outcome);
  on_scale(table, parley::ExchangeModel().run(table, {{"rounds", "3"}}, 0).outcome);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int format = data[0] % 3;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    if (format == 0) {
      const parley::Scenario s = parley::parse_bdm_csv(text, "fuzz.csv");
      check(s);
      parley_fuzz::require_round_trip(s);
      run_models(s);
    } else if (format == 1) {
      const parley::DeuData deu = parley::parse_deu(text, "fuzz.tsv");
      for (const parley::Scenario& s : deu.issues) {
        check(s);
        if (!s.actors.empty()) run_models(s);
      }
      const parley::Scenario all = parley::deu_as_one_scenario(deu, "fuzz");
      check(all);
      parley_fuzz::require_round_trip(all);
    } else {
      const parley::Scenario s = parley::parse_exchange_input(text, "fuzz.csv");
      check(s);
      parley_fuzz::require_round_trip(s);
      run_models(s);
    }
  } catch (const parley::InputError&) {
  }
  return 0;
}
