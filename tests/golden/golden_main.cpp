// Prints the golden negotiation traces (golden_traces.hpp) to stdout.
#include <cstdio>

#include "golden_traces.hpp"

int main() {
  const std::string text = parley::golden::golden_traces();
  std::fwrite(text.data(), 1, text.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
