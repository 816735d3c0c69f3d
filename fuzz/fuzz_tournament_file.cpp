// Tournament files: any input either parses or throws parley::Error (never crashes, never
// throws anything else).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "parley/core/error.hpp"
#include "parley/io/tournament_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)parley::parse_tournament_file(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
  } catch (const parley::Error&) {
  }
  return 0;
}
