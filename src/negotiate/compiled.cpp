// A scenario compiled once for many staged runs (compiled.hpp).

#include "parley/negotiate/compiled.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "parley/negotiate/channels.hpp"

namespace parley {

namespace {

bool has_stake(const Actor& actor, const std::vector<std::size_t>& issues) {
  if (actor.uses_rectangles()) return true;
  return std::any_of(issues.begin(), issues.end(),
                     [&actor](std::size_t issue) { return actor.stances[issue].has_stake(); });
}

bool listed(const std::vector<std::size_t>& list, std::size_t value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

CompiledStage::CompiledStage(const Scenario& scenario, std::size_t stage, std::vector<std::size_t> agenda_issues,
                             const std::vector<std::size_t>& merged_from, std::uint64_t max_memory_bytes)
    : stage_(stage), max_memory_bytes_(max_memory_bytes), space_(scenario.issues, agenda_issues) {
  const StageChannel channel(scenario, stage);
  for (std::size_t a = 0; a < scenario.actors.size(); ++a)
    if (has_stake(scenario.actors[a], agenda_issues)) stakeholders_.push_back(a);
  utilities_.reserve(stakeholders_.size());
  for (std::size_t a : stakeholders_) utilities_.emplace_back(scenario.actors[a], scenario.issues, space_);
  for (std::size_t a : stakeholders_)
    if (channel.is_member(a)) parties_.push_back(a);
  std::vector<std::size_t> must_ratify = scenario.stages[stage].ratify;
  for (std::size_t m : merged_from)
    for (std::size_t a : scenario.stages[m].ratify) must_ratify.push_back(a);
  for (std::size_t a : stakeholders_)
    if (!channel.is_member(a) && listed(must_ratify, a)) ratifiers_.push_back(a);
  for (std::size_t a : stakeholders_)
    if (listed(parties_, a) || listed(ratifiers_, a)) consent_.push_back(a);
}

const CompiledUtility& CompiledStage::utility_of(std::size_t actor) const {
  for (std::size_t i = 0; i < stakeholders_.size(); ++i)
    if (stakeholders_[i] == actor) return utilities_[i];
  throw std::logic_error("negotiate: utility of an actor without a stake");
}

const CompiledDomain& CompiledStage::domain() const {
  std::call_once(domain_once_, [this] {
    // Per party and outcome: its utility, its rank and the sorted utility (domain.hpp), and
    // at most two more indices while an aspiration strategy works out numpy's tie order.
    check_memory(saturating_product(space_.enumerable() ? space_.size() : 0, parties_.size(),
                          2 * sizeof(double) + 3 * sizeof(OutcomeIndex)),
                 max_memory_bytes_,
                 fmt::format("negotiating over {} outcomes with {} parties", space_.cardinality().to_string(),
                             parties_.size()),
                 "; give the stage fewer issues or coarser grids (issues.<id>.steps)");
    std::vector<CompiledUtility> party_utilities;
    party_utilities.reserve(parties_.size());
    for (std::size_t a : parties_) party_utilities.push_back(utility_of(a));
    domain_.emplace(space_, party_utilities);
  });
  return *domain_;
}

std::shared_ptr<const Analysis> CompiledStage::analysis() const {
  std::call_once(analysis_once_, [this] {
    std::vector<CompiledUtility> parties;
    parties.reserve(consent_.size());
    for (std::size_t a : consent_) parties.push_back(utility_of(a));
    AnalysisOptions options;
    options.max_memory_bytes = max_memory_bytes_;
    analysis_ = std::make_shared<const Analysis>(analyze(parties, space_, options));
  });
  return analysis_;
}

std::shared_ptr<const std::vector<float>> CompiledStage::shared_table(
    const std::string& key, const std::function<std::vector<float>()>& build) const {
  std::shared_ptr<TableSlot> slot;
  {
    const std::lock_guard<std::mutex> lock(tables_mutex_);
    auto& entry = tables_[key];
    if (!entry) entry = std::make_shared<TableSlot>();
    slot = entry;
  }
  std::call_once(slot->once, [&] { slot->table = std::make_shared<const std::vector<float>>(build()); });
  return slot->table;
}

std::shared_ptr<const WinSet> CompiledStage::win_set() const {
  const std::shared_ptr<const Analysis> frontier = analysis();
  std::call_once(win_set_once_, [this, &frontier] {
    std::vector<CompiledUtility> parties;
    std::vector<bool> ratifier;
    parties.reserve(consent_.size());
    for (std::size_t a : consent_) {
      parties.push_back(utility_of(a));
      ratifier.push_back(std::find(ratifiers_.begin(), ratifiers_.end(), a) != ratifiers_.end());
    }
    win_set_ = std::make_shared<const WinSet>(parley::win_set(parties, ratifier, space_, *frontier));
  });
  return win_set_;
}

CompiledScenario::CompiledScenario(Scenario scenario, std::uint64_t max_memory_bytes)
    : scenario_(std::make_shared<const Scenario>(std::move(scenario))), max_memory_bytes_(max_memory_bytes) {}

CompiledScenario::CompiledScenario(std::shared_ptr<const Scenario> scenario, std::uint64_t max_memory_bytes)
    : scenario_(std::move(scenario)), max_memory_bytes_(max_memory_bytes) {
  if (!scenario_) throw std::invalid_argument("CompiledScenario: no scenario");
}

std::shared_ptr<const CompiledStage> CompiledScenario::stage(std::size_t stage,
                                                             const std::vector<std::size_t>& agenda_issues,
                                                             const std::vector<std::size_t>& merged_from) const {
  std::shared_ptr<Slot> slot;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::shared_ptr<Slot>& entry = entries_[Key{stage, agenda_issues, merged_from}];
    if (!entry) entry = std::make_shared<Slot>();
    slot = entry;
  }
  // Built outside the map's lock so that different entries build in parallel; call_once makes
  // the others asking for this entry wait, and retries if the build threw.
  std::call_once(slot->once, [&] {
    slot->stage = std::make_shared<const CompiledStage>(*scenario_, stage, agenda_issues, merged_from, max_memory_bytes_);
  });
  return slot->stage;
}

std::size_t CompiledScenario::entry_count() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return entries_.size();
}

}  // namespace parley
