// libFuzzer target for the YAML scenario reader (parse_scenario_yaml) and writer.
//
// Input: the bytes of a scenario file. InputError is the only exception bad input may
// raise; anything else (another exception, a sanitizer report, a stack overflow) is a bug.
// A scenario that loads must be consistent, every variant it declares must load too, and
// writing it must give text that reads back to the same YAML.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parley/io/input_error.hpp"
#include "parley/io/scenario_yaml.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

void check(const parley::Scenario& scenario) {
  const std::size_t issues = scenario.issues.size();
  require(issues > 0 && !scenario.actors.empty() && !scenario.stages.empty());
  for (const auto& issue : scenario.issues) require(issue.value_count() > 0);
  for (const auto& actor : scenario.actors) {
    require(actor.stances.size() == issues);
    require(actor.capability > 0 && actor.discount > 0 && actor.discount <= 1);
    require(actor.reservation_value >= 0 && actor.reservation_value <= 1);
    for (std::size_t i = 0; i < issues; ++i) {
      const auto& stance = actor.stances[i];
      const auto& issue = scenario.issues[i];
      require(stance.salience >= 0);
      require(stance.values.empty() || stance.values.size() == issue.value_count());
      if (issue.kind != parley::IssueKind::discrete && stance.salience > 0 && stance.values.empty())
        require(stance.position >= issue.lower && stance.position <= issue.upper);
    }
    for (const auto& rectangle : actor.rectangles)
      for (const auto& bound : rectangle.bounds)
        require(bound.issue < issues && bound.min <= bound.max &&
                bound.max < scenario.issues[bound.issue].value_count());
  }
  for (const auto& channel : scenario.channels)
    for (std::size_t member : channel.members) require(member < scenario.actors.size());
  for (const auto& stage : scenario.stages) {
    require(!stage.issues.empty());
    for (std::size_t issue : stage.issues) require(issue < issues);
    for (std::size_t actor : stage.ratify) require(actor < scenario.actors.size());
    require(!stage.channel || *stage.channel < scenario.channels.size());
    require(!stage.after || *stage.after < scenario.stages.size());
  }
  for (const auto& link : scenario.links) require(link.issues.size() >= 2);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  parley::Scenario scenario;
  try {
    scenario = parley::parse_scenario_yaml(text, "fuzz.yaml");
  } catch (const parley::InputError&) {
    return 0;
  }
  check(scenario);
  // Every variant was checked while loading, so each must apply without error.
  for (const auto& variant : scenario.variants) {
    const parley::Scenario varied = parley::parse_scenario_yaml(text, "fuzz.yaml", variant.id);
    require(varied.variant == variant.id);
    check(varied);
  }
  // The writer's output reads back (InputError here is a bug too) and writes the same text.
  const std::string yaml = parley::scenario_to_yaml(scenario);
  const parley::Scenario back = parley::parse_scenario_yaml(yaml, "written.yaml");
  require(parley::scenario_to_yaml(back) == yaml);
  return 0;
}
