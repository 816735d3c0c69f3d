// Why a stage ended as it did: the enum's names and the one sentence built from a StageReason
// (staged.hpp). The CLI narrative and the JSON document both print describe()'s text.

#include <string>
#include <vector>

#include <fmt/format.h>

#include "parley/negotiate/staged.hpp"

namespace parley {

const char* to_string(StageEnd end) {
  switch (end) {
    case StageEnd::agreed: return "agreed";
    case StageEnd::vetoed: return "vetoed";
    case StageEnd::deadline_passed: return "deadline_passed";
    case StageEnd::walked_out: return "walked_out";
    case StageEnd::too_few_parties: return "too_few_parties";
    case StageEnd::nothing_left: return "nothing_left";
    case StageEnd::blocked_by_stage: return "blocked_by_stage";
  }
  return "?";
}

std::string describe(const StageReason& reason, const Scenario& scenario) {
  const auto actor = [&scenario](std::size_t a) -> const std::string& { return scenario.actors.at(a).id; };
  const char* in_principle = reason.in_principle ? "; some issues agreed in principle" : "";
  switch (reason.end) {
    case StageEnd::agreed:
      return fmt::format("agreed in round {}{}", reason.rounds, reason.ratified ? " and ratified" : "");
    case StageEnd::vetoed: {
      std::vector<std::string> ids;
      for (std::size_t a : reason.vetoed_by) ids.push_back(actor(a));
      return fmt::format("agreed in round {}, vetoed by {}", reason.rounds, fmt::join(ids, ", "));
    }
    case StageEnd::deadline_passed:
      return fmt::format("deadline passed after {} rounds without agreement{}", reason.rounds, in_principle);
    case StageEnd::walked_out:
      return fmt::format("{} walked away in round {}{}", reason.actor ? actor(*reason.actor) : std::string("a party"),
                         reason.rounds, in_principle);
    case StageEnd::too_few_parties:
      return reason.actor ? fmt::format("only {} at the table has a stake in its issues", actor(*reason.actor))
                          : std::string("nobody at the table has a stake in its issues");
    case StageEnd::nothing_left: return "every issue was decided by an earlier stage";
    case StageEnd::blocked_by_stage: {
      const std::string id = reason.stage ? scenario.stages.at(*reason.stage).id : std::string("an earlier stage");
      if (reason.stage_status == StageStatus::blocked) return fmt::format("{} did not run", id);
      return fmt::format("{} did not hold ({}; on_failure: stop)", id, to_string(reason.stage_status));
    }
  }
  return "";
}

}  // namespace parley
