#pragma once
// A tournament written down as a YAML file, for tournaments too long for a command line:
//
//   strategies: [boulware, "aspiration:e=2,model=frequency", micro, "tit_for_tat:factor=0.5"]
//   domains: [../tests/data/genius/anac/y2012]   # relative to this file's folder
//   repetitions: 3        # optional, default 1
//   rounds: 100           # optional, default 100
//   protocol: sao         # optional, default sao
//   protocol_settings: {} # optional
//   seed: 7               # optional, default 0
//
// `parley tournament FILE` runs it; options given on the command line replace the file's.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

struct TournamentFile {
  std::vector<std::string> strategies;  // spec texts, each checked against the registry
  std::vector<std::string> domains;  // paths, relative ones resolved against the file's folder
  std::optional<std::uint64_t> repetitions;
  std::optional<int> rounds;
  std::optional<std::string> protocol;
  std::map<std::string, std::string> protocol_settings;
  std::optional<std::uint64_t> seed;
};

// Parses a tournament file's text. `file` labels errors and anchors relative domain paths.
// Throws InputError at file:line:col: malformed YAML, an unknown key (with "did you mean"),
// a missing `strategies` or `domains`, an unknown strategy or parameter, a number out of range.
TournamentFile parse_tournament_file(std::string_view text, const std::string& file);
// Reads and parses `path` (read_text_file's limits and errors).
TournamentFile read_tournament_file(const std::filesystem::path& path);

}  // namespace parley
