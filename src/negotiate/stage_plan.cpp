// Planning a staged negotiation: stage order, stage rules, agendas with links (stage_plan.hpp).

#include "parley/negotiate/stage_plan.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "parley/core/error.hpp"
#include "parley/negotiate/protocol_registry.hpp"

namespace parley {

namespace {

bool contains(const std::vector<std::size_t>& items, std::size_t item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// Product of the issues' value counts, saturating just above `limit`.
std::uint64_t space_size(const Scenario& scenario, const std::vector<std::size_t>& issues, std::uint64_t limit) {
  std::uint64_t size = 1;
  for (std::size_t issue : issues) {
    size *= scenario.issues[issue].value_count();
    if (size > limit) return limit + 1;
  }
  return size;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::string item;
  auto flush = [&] {
    const auto begin = item.find_first_not_of(" \t");
    const auto end = item.find_last_not_of(" \t");
    if (begin != std::string::npos) items.push_back(item.substr(begin, end - begin + 1));
    item.clear();
  };
  for (char c : text) {
    if (c == ',' || c == ';' || c == '[' || c == ']') {
      flush();
    } else {
      item += c;
    }
  }
  flush();
  return items;
}

}  // namespace

const char* to_string(OnFailure rule) {
  switch (rule) {
    case OnFailure::stop: return "stop";
    case OnFailure::continue_running: return "continue";
    case OnFailure::merge: return "merge";
  }
  return "?";
}

const std::vector<ParamSpec>& stage_setting_specs() {
  static const std::vector<ParamSpec> specs = {
      ParamSpec::choice("on_failure", {"stop", "continue", "merge"}, "stop",
                        "when this stage does not hold, the stages after it are not run (stop), run (continue), or run "
                        "and bargain over this stage's open issues too (merge)"),
      ParamSpec::text("reopens", "",
                      "issue ids, comma-separated: issues decided by an earlier stage that this one bargains over again"),
      ParamSpec::choice("links", {"package", "ignore"}, "package", "whether links pull their issues into the agenda"),
      ParamSpec::boolean("nothing_agreed_until_all", false,
                         "a partial agreement (some issues agreed in principle) leaves nothing decided"),
  };
  return specs;
}

ValidationCatalog validation_catalog() {
  ValidationCatalog catalog;
  for (const ProtocolInfo* info : protocol_catalog()) catalog.protocols.push_back({info->name, info->settings});
  catalog.stage_settings = stage_setting_specs();
  return catalog;
}

StageRules stage_rules(const Scenario& scenario, std::size_t stage_index) {
  const Stage& stage = scenario.stages.at(stage_index);
  const std::string field = "stages." + stage.id + ".settings.";
  const ParamOwner owner{field, "setting", "stage", stage.id, false};
  const std::vector<ParamSpec>& specs = stage_setting_specs();
  StageRules rules;
  std::vector<std::pair<std::string, std::string>> own;
  for (const auto& [key, value] : stage.protocol_settings) {
    if (find_param(specs, key) != nullptr)
      own.emplace_back(key, value);
    else
      rules.protocol_settings.emplace(key, value);
  }
  const ParamValues values = parse_params(specs, own, owner);
  constexpr OnFailure kOnFailure[] = {OnFailure::stop, OnFailure::continue_running, OnFailure::merge};  // spec order
  rules.on_failure = kOnFailure[values.choice("on_failure")];
  rules.apply_links = values.text("links") == "package";
  rules.nothing_agreed_until_all = values.flag("nothing_agreed_until_all");
  for (const std::string& id : split_list(values.text("reopens"))) {
    const auto issue = scenario.find_issue(id);
    if (!issue) {
      std::vector<std::string> ids;
      for (const Issue& i : scenario.issues) ids.push_back(i.id);
      throw field_error(field + "reopens", fmt::format("setting 'reopens' of stage '{}' names no issue '{}'{}",
                                                             stage.id, id, did_you_mean(id, ids)),
                        ErrorKind::unknown_name);
    }
    if (!contains(rules.reopens, *issue)) rules.reopens.push_back(*issue);
  }
  return rules;
}

std::vector<std::size_t> stage_order(const Scenario& scenario) {
  const std::size_t n = scenario.stages.size();
  std::vector<std::size_t> order;
  std::vector<bool> placed(n, false);
  // Repeatedly take the first stage (file order) whose prerequisite is placed. Without
  // cycles every pass places at least one stage.
  while (order.size() < n) {
    bool progress = false;
    for (std::size_t s = 0; s < n; ++s) {
      if (placed[s]) continue;
      const auto& after = scenario.stages[s].after;
      if (after && *after < n && !placed[*after]) continue;
      placed[s] = true;
      order.push_back(s);
      progress = true;
      break;
    }
    if (!progress) {  // a cycle the loader should have rejected: keep file order for the rest
      for (std::size_t s = 0; s < n; ++s)
        if (!placed[s]) placed[s] = true, order.push_back(s);
    }
  }
  return order;
}

Agenda standalone_agenda(const Scenario& scenario, std::size_t stage, std::uint64_t max_linked_outcomes) {
  const std::vector<std::size_t>& own = scenario.stages[stage].issues;
  if (space_size(scenario, own, OutcomeSpace::kMaxEnumerable) > OutcomeSpace::kMaxEnumerable) {
    Agenda agenda;
    agenda.issues = own;
    return agenda;
  }
  return plan_agenda(scenario, stage, stage_rules(scenario, stage), std::vector<bool>(scenario.issues.size(), false), {},
                     max_linked_outcomes);
}

Agenda plan_agenda(const Scenario& scenario, std::size_t stage_index, const StageRules& rules,
                   const std::vector<bool>& decided, const std::vector<std::size_t>& merge,
                   std::uint64_t max_linked_outcomes) {
  const Stage& stage = scenario.stages.at(stage_index);
  Agenda agenda;
  auto is_decided = [&](std::size_t issue) { return issue < decided.size() && decided[issue]; };
  auto on_agenda = [&](std::size_t issue) { return contains(agenda.issues, issue); };
  // Open: not decided, or decided and reopened by this stage.
  auto open = [&](std::size_t issue) { return !is_decided(issue) || contains(rules.reopens, issue); };

  for (std::size_t issue : stage.issues) {
    if (!open(issue)) {
      agenda.decided.push_back(issue);
      continue;
    }
    agenda.issues.push_back(issue);
    if (is_decided(issue)) agenda.reopened.push_back(issue);
  }
  for (std::size_t issue : rules.reopens) {
    if (is_decided(issue) && !on_agenda(issue)) {
      agenda.issues.push_back(issue);
      agenda.reopened.push_back(issue);
    }
  }
  if (space_size(scenario, agenda.issues, OutcomeSpace::kMaxEnumerable) > OutcomeSpace::kMaxEnumerable)
    throw field_error("stage " + stage.id,
                     fmt::format("its issues make more than {} outcomes; parley negotiates over enumerable spaces: "
                                 "use fewer grid steps (issues.<id>.steps) or split the stage",
                                 OutcomeSpace::kMaxEnumerable));

  const std::uint64_t limit = std::max<std::uint64_t>(
      max_linked_outcomes, space_size(scenario, agenda.issues, OutcomeSpace::kMaxEnumerable));

  // Open issues of failed stages, as one package.
  std::vector<std::size_t> to_merge;
  for (std::size_t issue : merge)
    if (!on_agenda(issue) && !is_decided(issue) && !contains(to_merge, issue)) to_merge.push_back(issue);
  if (!to_merge.empty()) {
    std::vector<std::size_t> with = agenda.issues;
    with.insert(with.end(), to_merge.begin(), to_merge.end());
    if (space_size(scenario, with, limit) <= limit) {
      agenda.issues = std::move(with);
      agenda.merged = to_merge;
    } else {
      agenda.merge_left_out = true;
    }
  }

  if (!rules.apply_links) return agenda;
  std::vector<bool> settled(scenario.links.size(), false);  // applied or left out
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t l = 0; l < scenario.links.size(); ++l) {
      if (settled[l]) continue;
      const Link& link = scenario.links[l];
      if (std::none_of(link.issues.begin(), link.issues.end(), on_agenda)) continue;
      std::vector<std::size_t> added;
      for (std::size_t issue : link.issues)
        if (!on_agenda(issue) && !is_decided(issue) && !contains(added, issue)) added.push_back(issue);
      settled[l] = true;
      if (added.empty()) continue;  // already a package on this agenda: nothing to add
      std::vector<std::size_t> with = agenda.issues;
      with.insert(with.end(), added.begin(), added.end());
      LinkUse use;
      use.link = l;
      if (space_size(scenario, with, limit) <= limit) {
        agenda.issues = std::move(with);
        agenda.linked.insert(agenda.linked.end(), added.begin(), added.end());
        use.added = std::move(added);
        changed = true;
      } else {
        use.left_out = true;
      }
      agenda.links.push_back(std::move(use));
    }
  }
  // Links whose issues all sit on the agenda already (e.g. minerals ↔ guarantees in one
  // stage) are packages by construction; list them too, with nothing added.
  for (std::size_t l = 0; l < scenario.links.size(); ++l) {
    if (settled[l]) {
      const bool listed = std::any_of(agenda.links.begin(), agenda.links.end(),
                                      [l](const LinkUse& use) { return use.link == l; });
      if (!listed) {
        LinkUse use;
        use.link = l;
        agenda.links.push_back(use);
      }
    }
  }
  std::sort(agenda.links.begin(), agenda.links.end(),
            [](const LinkUse& a, const LinkUse& b) { return a.link < b.link; });
  return agenda;
}

}  // namespace parley
