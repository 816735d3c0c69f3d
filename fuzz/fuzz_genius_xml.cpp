// libFuzzer target for the GENIUS importer (parse_genius).
//
// Input: the domain file's text, then, separated by NUL bytes, up to four profile texts
// ("domain\0profile1\0profile2"). Without a NUL byte the input is a domain alone, which
// exercises the domain reader (the importer then reports that profiles are missing).
// InputError is the only exception a bad input may raise. A scenario that loads must be
// consistent: one stance per issue, one explicit value per issue value, rectangle bounds
// inside their issues, and its utilities computable at a sample of outcomes.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/core/random.hpp"
#include "parley/core/utility.hpp"
#include "parley/io/genius.hpp"
#include "parley/io/input_error.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

void check(const parley::Scenario& scenario) {
  require(!scenario.stages.empty());
  for (const auto& actor : scenario.actors) {
    require(actor.stances.size() == scenario.issues.size());
    for (std::size_t i = 0; i < scenario.issues.size(); ++i) {
      const auto& values = actor.stances[i].values;
      require(values.empty() || values.size() == scenario.issues[i].value_count());
      for (double v : values) require(v >= 0 && v <= 1);
      require(std::isfinite(actor.stances[i].salience) && actor.stances[i].salience >= 0);
    }
    for (const auto& rectangle : actor.rectangles)
      for (const auto& bound : rectangle.bounds) {
        require(bound.issue < scenario.issues.size());
        require(bound.min <= bound.max && bound.max < scenario.issues[bound.issue].value_count());
      }
    require(actor.discount > 0 && actor.discount <= 1);
  }
  const parley::OutcomeSpace space = scenario.stage_space(0);
  parley::Rng rng(1);
  for (const auto& actor : scenario.actors) {
    const parley::CompiledUtility utility(actor, scenario.issues, space);
    for (int k = 0; k < 4; ++k) {
      const parley::Outcome outcome = space.sample(rng);
      require(!std::isnan(utility(outcome)));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (parts.size() < 5) {
    const std::size_t end = input.find('\0', start);
    if (end == std::string_view::npos || parts.size() == 4) {
      parts.push_back(input.substr(start));
      break;
    }
    parts.push_back(input.substr(start, end - start));
    start = end + 1;
  }
  std::vector<std::pair<std::string, std::string>> profiles;
  for (std::size_t k = 1; k < parts.size(); ++k)
    profiles.emplace_back("profile" + std::to_string(k) + ".xml", std::string(parts[k]));
  try {
    check(parley::parse_genius(parts[0], profiles, "fuzz"));
  } catch (const parley::InputError&) {
    // bad input, reported properly
  }
  return 0;
}
