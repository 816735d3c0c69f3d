#include "parley/core/scenario.hpp"

#include <algorithm>

namespace parley {

namespace {
template <typename T>
std::optional<std::size_t> find_by_id(const std::vector<T>& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return i;
  return std::nullopt;
}
}  // namespace

std::optional<std::size_t> Scenario::find_issue(const std::string& id) const { return find_by_id(issues, id); }
std::optional<std::size_t> Scenario::find_actor(const std::string& id) const { return find_by_id(actors, id); }
std::optional<std::size_t> Scenario::find_channel(const std::string& id) const { return find_by_id(channels, id); }
std::optional<std::size_t> Scenario::find_stage(const std::string& id) const { return find_by_id(stages, id); }

OutcomeSpace Scenario::stage_space(std::size_t stage) const { return OutcomeSpace(issues, stages.at(stage).issues); }

std::vector<std::size_t> Scenario::stage_parties(std::size_t stage_index) const {
  return stage_parties(stage_index, stages.at(stage_index).issues);
}

std::vector<std::size_t> Scenario::stage_parties(std::size_t stage_index, const std::vector<std::size_t>& issues) const {
  const Stage& stage = stages.at(stage_index);
  std::vector<bool> included(actors.size(), !stage.channel.has_value());
  if (stage.channel)
    for (std::size_t member : channels.at(*stage.channel).members) included[member] = true;
  for (std::size_t ratifier : stage.ratify) included[ratifier] = true;

  std::vector<std::size_t> parties;
  for (std::size_t a = 0; a < actors.size(); ++a) {
    if (!included[a]) continue;
    const Actor& actor = actors[a];
    const bool has_stake =
        actor.uses_rectangles() ||
        std::any_of(issues.begin(), issues.end(),
                    [&](std::size_t issue) { return actor.stances[issue].has_stake(); });
    if (has_stake) parties.push_back(a);
  }
  return parties;
}

Stage all_issues_stage(std::size_t issue_count) {
  Stage stage;
  stage.id = "all";
  stage.name = "all";
  stage.issues.resize(issue_count);
  for (std::size_t i = 0; i < issue_count; ++i) stage.issues[i] = i;
  return stage;
}

const char* to_string(Visibility visibility) {
  switch (visibility) {
    case Visibility::nothing: return "nothing";
    case Visibility::talks: return "talks";
    case Visibility::decisions: return "decisions";
  }
  return "?";
}

}  // namespace parley
