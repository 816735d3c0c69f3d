#pragma once
// A scenario compiled once for many staged runs (tournaments, sweeps, seeds × strategies).
//
// What a stage needs before its talks can start depends only on the scenario, the stage and
// its agenda (the agenda depends on what earlier stages decided, so one stage may have
// several): the outcome space, each stakeholder's CompiledUtility, who sits at the table,
// the CompiledDomain of the parties, and the Analysis (Pareto frontier, Nash, KS, ...) of
// the parties and ratifiers. CompiledScenario builds each of these the first time a run
// asks for it and hands the same immutable object to every later run. Results are
// bit-identical with and without it: run_staged(const Scenario&, ...) compiles and runs
// through the same code.
//
// Thread safety: every const member function may be called from any number of threads at
// once, and a CompiledStage handed out is immutable except for its lazily built domain and
// analysis, each built exactly once (std::call_once) however many threads ask. So one
// CompiledScenario may run on all cores, e.g. one run_staged per thread with different
// seeds and strategies. An entry is built by the first thread that asks for it; the others
// asking for the same entry wait for it (different entries build in parallel).
//
// Memory: entries are never evicted. A scenario has at most a few agendas per stage in
// practice (one per combination of earlier decisions, merges and reopened issues), each the
// size of its domain (one utility and one rank per party and outcome).

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "parley/core/analysis.hpp"
#include "parley/core/limits.hpp"
#include "parley/core/outcome_space.hpp"
#include "parley/core/scenario.hpp"
#include "parley/core/utility.hpp"
#include "parley/core/win_set.hpp"
#include "parley/negotiate/domain.hpp"

namespace parley {

// What one stage needs for one agenda. Obtained from CompiledScenario::stage(); immutable
// once handed out (domain() and analysis() are built on first use, once).
class CompiledStage {
 public:
  // Builds the space, the stakeholders' utilities and who takes which seat.
  // REQUIRES: stage < scenario.stages.size(); agenda_issues valid, non-empty, enumerable;
  // merged_from: the failed stages whose open issues joined the agenda (their ratifiers
  // ratify too). Keeps no reference to `scenario`. domain() and analysis() refuse to plan
  // more than max_memory_bytes (core/limits.hpp).
  CompiledStage(const Scenario& scenario, std::size_t stage, std::vector<std::size_t> agenda_issues,
                const std::vector<std::size_t>& merged_from, std::uint64_t max_memory_bytes = kDefaultMemoryLimit);
  CompiledStage(const CompiledStage&) = delete;
  CompiledStage& operator=(const CompiledStage&) = delete;

  std::size_t stage() const { return stage_; }
  const OutcomeSpace& space() const { return space_; }  // over the agenda's issues
  // Every actor with a stake in the agenda, in actor order, and its utility over space().
  const std::vector<std::size_t>& stakeholders() const { return stakeholders_; }
  const std::vector<CompiledUtility>& utilities() const { return utilities_; }
  // The stakeholder's utility. Throws std::logic_error for an actor without a stake.
  const CompiledUtility& utility_of(std::size_t actor) const;
  // At the table: channel members with a stake, in actor order (staged.hpp, step 2).
  const std::vector<std::size_t>& parties() const { return parties_; }
  // Ratifiers: the stage's (and merged stages') `ratify` actors with a stake who are not
  // members, in actor order.
  const std::vector<std::size_t>& ratifiers() const { return ratifiers_; }
  // Whose consent the stage needs (parties and ratifiers), in actor order: the analysis parties.
  const std::vector<std::size_t>& consent() const { return consent_; }

  // The CompiledDomain of the parties. Built on the first call (one utility evaluation and
  // sort per party and outcome). REQUIRES: 1 <= parties().size() <= kMaxParties and the space
  // fits an OutcomeIndex; otherwise throws std::invalid_argument (and a later call retries).
  // Throws parley::Error (too_large) when its tables need more than the memory limit.
  const CompiledDomain& domain() const;
  // analyze(utilities of consent(), space()), never null. Built on the first call.
  // REQUIRES: consent() not empty. Throws parley::Error (too_large) as analyze() does.
  std::shared_ptr<const Analysis> analysis() const;
  // The win-set of consent() (core/win_set.hpp): which outcomes the parties at the table and
  // the ratifiers all accept. Built on the first call, after analysis(). REQUIRES and throws
  // as analysis().
  std::shared_ptr<const WinSet> win_set() const;
  // A per-outcome table over space() that runs share (a party's ratification belief,
  // ratification_belief.hpp): built by `build` on the first call with `key`, then handed to
  // every later caller with the same key. Thread-safe; one key builds once.
  std::shared_ptr<const std::vector<float>> shared_table(const std::string& key,
                                                         const std::function<std::vector<float>()>& build) const;

 private:
  std::size_t stage_ = 0;
  std::uint64_t max_memory_bytes_;
  OutcomeSpace space_;
  std::vector<std::size_t> stakeholders_;
  std::vector<CompiledUtility> utilities_;
  std::vector<std::size_t> parties_;
  std::vector<std::size_t> ratifiers_;
  std::vector<std::size_t> consent_;
  mutable std::once_flag domain_once_;
  mutable std::optional<CompiledDomain> domain_;
  mutable std::once_flag analysis_once_;
  mutable std::shared_ptr<const Analysis> analysis_;
  mutable std::once_flag win_set_once_;
  mutable std::shared_ptr<const WinSet> win_set_;
  struct TableSlot {
    std::once_flag once;
    std::shared_ptr<const std::vector<float>> table;
  };
  mutable std::mutex tables_mutex_;  // guards tables_ (the map, not a slot's build)
  mutable std::map<std::string, std::shared_ptr<TableSlot>> tables_;
};

class CompiledScenario {
 public:
  // Owns (a copy of) the scenario. Compiling itself costs nothing; entries are built when a
  // run first needs them, each within max_memory_bytes (see CompiledStage).
  explicit CompiledScenario(Scenario scenario, std::uint64_t max_memory_bytes = kDefaultMemoryLimit);
  // Shares a scenario. REQUIRES: scenario not null.
  explicit CompiledScenario(std::shared_ptr<const Scenario> scenario,
                            std::uint64_t max_memory_bytes = kDefaultMemoryLimit);
  CompiledScenario(const CompiledScenario&) = delete;
  CompiledScenario& operator=(const CompiledScenario&) = delete;

  const Scenario& scenario() const { return *scenario_; }

  // The compiled stage for an agenda, built on the first call with these arguments (key:
  // stage, agenda issues in space order, merged-from stages; these determine the parties and
  // ratifiers). The pointer stays valid as long as it is held, even past this object.
  // REQUIRES: as CompiledStage's constructor. Thread-safe.
  std::shared_ptr<const CompiledStage> stage(std::size_t stage, const std::vector<std::size_t>& agenda_issues,
                                             const std::vector<std::size_t>& merged_from) const;

  // Number of entries asked for so far (tests: runs reuse them).
  std::size_t entry_count() const;

 private:
  using Key = std::tuple<std::size_t, std::vector<std::size_t>, std::vector<std::size_t>>;
  struct Slot {
    std::once_flag once;
    std::shared_ptr<const CompiledStage> stage;
  };

  std::shared_ptr<const Scenario> scenario_;
  std::uint64_t max_memory_bytes_;
  mutable std::mutex mutex_;  // guards entries_ (the map, not a slot's build)
  mutable std::map<Key, std::shared_ptr<Slot>> entries_;
};

}  // namespace parley
