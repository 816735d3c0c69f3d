// Loads a scenario, analyses its first stage and runs its staged negotiation through the
// installed library: proves the headers, libraries and CMake package are complete.
#include <cstdio>

#include "parley/core/error.hpp"
#include "parley/io/load.hpp"
#include "parley/negotiate/staged.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: consumer SCENARIO\n");
    return 2;
  }
  try {
    const parley::Scenario scenario = parley::load_scenario(argv[1]);
    const parley::StagedResult result = parley::run_staged(scenario);
    std::printf("%s: %zu stages, first stage %s\n", scenario.name.c_str(), result.stages.size(),
                parley::to_string(result.stages.front().status));
  } catch (const parley::Error& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 2;
  }
  return 0;
}
