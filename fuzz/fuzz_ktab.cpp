// libFuzzer target for the KTAB importers (parse_ktab_csv, parse_ktab_xml) and, on small
// tables, the SMP model they feed.
//
// Input: one selector byte (even: CSV, odd: XML), then the file's text. InputError is the
// only exception a bad input may raise; anything else (another exception, a sanitizer
// report) is a bug. A table that loads must be consistent (one stance per issue, values in
// KTAB's ranges), and up to 8 actors × 3 dimensions run three SMP turns with the file's
// parameters, in parley's and in KTAB-compatible mode, staying on the 0–100 scale.
// Every table that loads must also write and read back to the same scenario, or be refused
// by the writer (round_trip.hpp).

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "parley/forecast/actor_table.hpp"
#include "parley/forecast/smp.hpp"
#include "parley/io/input_error.hpp"
#include "parley/io/ktab.hpp"
#include "round_trip.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

void check(const parley::KtabInput& input) {
  const parley::Scenario& s = input.scenario;
  require(!s.issues.empty() && !s.actors.empty() && s.stages.size() == 1);
  for (const parley::Actor& actor : s.actors) {
    require(actor.capability > 0 && std::isfinite(actor.capability));
    require(actor.stances.size() == s.issues.size());
    double total = 0;
    for (const parley::Stance& stance : actor.stances) {
      require(stance.position >= 0 && stance.position <= 100);
      require(stance.salience >= 0 && stance.salience <= 1);
      total += stance.salience;
    }
    require(total <= 1 + 1e-9);
  }
}

void run_model(const parley::KtabInput& input, bool ktab) {
  const parley::ActorTable table = parley::to_actor_table(input.scenario);
  parley::SmpParameters p = parley::parse_smp_parameters(input.parameters, table);
  p.set_ktab_compatible(ktab);
  p.max_turns = 3;
  const parley::SmpResult result = parley::run_smp(table, p);
  require(result.turns() >= 1 && result.turns() <= 3);
  require(result.distributions.size() == result.positions.size());
  for (const auto& distribution : result.distributions) {
    double total = 0;
    for (double q : distribution.probability) total += q;
    require(std::fabs(total - 1) < 1e-6);
  }
  // Only KTAB's receiver quirk can push a bargain off the scale.
  if (!ktab)
    for (const auto& turn : result.positions)
      for (double x : turn) require(x >= -1e-9 && x <= 100 + 1e-9);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool xml = (data[0] & 1) != 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    const parley::KtabInput input = xml ? parley::parse_ktab_xml(text, "fuzz.xml") : parley::parse_ktab_csv(text, "fuzz.csv");
    check(input);
    parley_fuzz::require_round_trip(input.scenario);
    if (input.scenario.actors.size() >= 2 && input.scenario.actors.size() <= 8 && input.scenario.issues.size() <= 3) {
      run_model(input, false);
      run_model(input, true);
    }
  } catch (const parley::InputError&) {
  }
  return 0;
}
