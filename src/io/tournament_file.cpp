// Tournament files (tournament_file.hpp), read through the located YAML tree of the scenario
// reader so that every error has its file:line:col.
#include "parley/io/tournament_file.hpp"

#include <array>

#include "parley/core/scenario.hpp"
#include "parley/io/files.hpp"
#include "parley/io/input_error.hpp"
#include "parley/negotiate/strategies.hpp"
#include "yaml_tree.hpp"

namespace parley {

TournamentFile parse_tournament_file(std::string_view text, const std::string& file) {
  using namespace yaml_tree;
  check_utf8(text, file);
  check_nesting(text, file, 64);
  const YAML::Node document = load_document(text, file);
  Budget budget{1'000'000};
  const Context context(file, budget);
  const Value root(context, document, "", YAML::Mark());
  static constexpr std::array<std::string_view, 7> kFields = {"strategies", "domains",           "repetitions", "rounds",
                                                              "protocol",   "protocol_settings", "seed"};
  const Record record(root, "the tournament file", kFields);
  TournamentFile tournament;
  for (const Value& item : record.require("strategies", "a list of strategy specs, e.g. [boulware, micro]").items()) {
    const std::string spec = item.text();
    try {
      (void)parse_strategy(spec);
    } catch (const Error& e) {
      item.fail(e.message());
    }
    tournament.strategies.push_back(spec);
  }
  if (tournament.strategies.empty())
    record.require("strategies", "").fail("the tournament file lists no strategy");
  const std::filesystem::path folder = std::filesystem::path(file).parent_path();
  for (const Value& item : record.require("domains", "a list of GENIUS folders, scenario files or folders").items()) {
    const std::filesystem::path path = item.text();
    tournament.domains.push_back(path.is_absolute() || folder.empty() ? path.string() : (folder / path).string());
  }
  if (tournament.domains.empty()) record.require("domains", "").fail("the tournament file lists no domain");
  if (const Value* v = record.find("repetitions")) tournament.repetitions = std::uint64_t(v->integer_in(1, std::int64_t(1) << 40));
  if (const Value* v = record.find("rounds")) tournament.rounds = int(v->integer_in(1, kMaxDeadlineRounds));
  if (const Value* v = record.find("protocol")) tournament.protocol = v->text();
  if (const Value* v = record.find("protocol_settings"))
    for (const Entry& entry : v->entries("protocol setting", true)) tournament.protocol_settings[entry.key] = entry.value.text();
  if (const Value* v = record.find("seed")) tournament.seed = std::uint64_t(v->integer_in(0, INT64_MAX));
  return tournament;
}

TournamentFile read_tournament_file(const std::filesystem::path& path) {
  return parse_tournament_file(read_text_file(path), path.string());
}

}  // namespace parley
