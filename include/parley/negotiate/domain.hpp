#pragma once
// A negotiation domain compiled once for fast, repeated negotiations: an enumerable outcome
// space and, per party at the table, its utility of every outcome plus the outcomes sorted by
// that utility (so a target utility is found by binary search).
//
// Build it once per (stage space, parties) and share it, read-only, across any number of
// negotiations and threads; every negotiation borrows it by const reference. A negotiator is
// handed only its *own* PartyTable (see negotiator.hpp), never the domain, so the domain can
// hold every party's private utilities without leaking them.
//
// Outcomes are named by their mixed-radix index in the space (OutcomeIndex); decode with
// space().decode(i) or value(i, k).

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <vector>

#include "parley/core/outcome_space.hpp"
#include "parley/core/utility.hpp"

namespace parley {

// Mixed-radix index of an outcome in its (enumerable) space.
using OutcomeIndex = std::uint32_t;
inline constexpr OutcomeIndex kNoOutcome = std::numeric_limits<OutcomeIndex>::max();

// Restricts offers to outcomes whose fixed issues take given values (issue-by-issue protocol:
// the issues agreed in principle). Cheap to test: one division and modulo per fixed issue.
class OfferFilter {
 public:
  OfferFilter() = default;
  // REQUIRES: fixed.size() == space issue count; each entry a value index or -1 (free).
  OfferFilter(const OutcomeSpace& space, std::span<const std::int32_t> fixed);

  bool empty() const { return checks_.empty(); }
  bool allows(OutcomeIndex outcome) const {
    for (const Check& c : checks_)
      if ((outcome / c.stride) % c.radix != c.value) return false;
    return true;
  }

 private:
  struct Check {
    std::uint32_t stride, radix, value;
  };
  std::vector<Check> checks_;
};

// One party's compiled view of the domain: its utility of every outcome and the outcomes in
// descending order of that utility (ties: ascending outcome index). Immutable.
class PartyTable {
 public:
  PartyTable() = default;
  // Sorts `utilities` (one per outcome, in index order). REQUIRES: size < kNoOutcome.
  PartyTable(std::vector<double> utilities, double reservation_value, double discount);

  std::size_t size() const { return utility_.size(); }
  double utility(OutcomeIndex outcome) const { return utility_[outcome]; }
  std::span<const double> utilities() const { return utility_; }
  // Outcomes by descending utility, and their utilities (sorted_utility()[r] ==
  // utility(ranked()[r])).
  std::span<const OutcomeIndex> ranked() const { return ranked_; }
  std::span<const double> sorted_utilities() const { return sorted_; }

  double max_utility() const { return sorted_.empty() ? 0 : sorted_.front(); }
  double min_utility() const { return sorted_.empty() ? 0 : sorted_.back(); }
  OutcomeIndex best() const { return ranked_.empty() ? kNoOutcome : ranked_.front(); }
  double reservation_value() const { return reservation_value_; }
  double discount() const { return discount_; }

  // Rank (position in ranked()) of the last outcome with utility >= target, i.e. the
  // outcome closest to `target` from above; -1 when none reaches it. O(log n).
  std::int64_t rank_at_least(double target) const;
  // The outcome at rank_at_least(target): the lowest utility >= target, ties to the latest
  // rank (as NegMAS's presorted AspirationNegotiator picks); kNoOutcome when none. With a
  // non-empty filter, the closest *allowed* such outcome, scanning upwards in utility
  // (O(log n + skipped)); kNoOutcome if none is allowed at or above the target.
  OutcomeIndex at_least(double target, const OfferFilter* filter = nullptr) const;
  // The best allowed outcome (the first in rank order that the filter allows).
  OutcomeIndex best_allowed(const OfferFilter* filter) const;

  // Among the outcomes whose utility equals sorted_utilities()[rank], the one that numpy's
  // default argsort (kind "quicksort": an introsort, not stable) of utilities() puts first,
  // i.e. the one NegMAS 0.15's PresortingInverseUtilityFunction finds first with a
  // left-sided searchsorted. REQUIRES: 0 <= rank < size(). The first call works out the
  // order for every rank (one argsort, 4 bytes per outcome) and keeps it; later calls, from
  // any thread, are O(1).
  OutcomeIndex numpy_first_of_tie(std::int64_t rank) const;

 private:
  struct NumpyTies;  // the lazily computed order behind numpy_first_of_tie
  std::vector<double> utility_;
  std::vector<OutcomeIndex> ranked_;
  std::vector<double> sorted_;
  double reservation_value_ = 0;
  double discount_ = 1;
  std::shared_ptr<NumpyTies> numpy_ties_;  // shared by copies: the table is immutable
};

class CompiledDomain {
 public:
  // REQUIRES: space.enumerable() and space.size() < kNoOutcome; every utility compiled for
  // `space`; 1 <= parties.size() <= kMaxParties (event.hpp). Cost: one utility evaluation and
  // one sort per party and outcome.
  CompiledDomain(OutcomeSpace space, std::span<const CompiledUtility> parties);
  // Parties given directly as tables (utility per outcome in index order), e.g. utilities that
  // are not linear-additive. REQUIRES: as above, and every table's size() == space.size().
  CompiledDomain(OutcomeSpace space, std::vector<PartyTable> parties);

  const OutcomeSpace& space() const { return space_; }
  std::size_t size() const { return size_; }
  std::size_t party_count() const { return parties_.size(); }
  const PartyTable& party(std::size_t p) const { return parties_[p]; }
  // Value index of the space's k-th issue in `outcome`.
  std::uint32_t value(OutcomeIndex outcome, std::size_t k) const {
    return (outcome / space_.strides()[k]) % space_.radix(k);
  }
  std::span<const std::uint32_t> strides() const { return space_.strides(); }
  Outcome decode(OutcomeIndex outcome) const { return space_.decode(outcome); }
  OutcomeIndex encode(std::span<const std::uint32_t> outcome) const {
    return OutcomeIndex(space_.encode(outcome));
  }

 private:
  OutcomeSpace space_;
  std::size_t size_ = 0;
  std::vector<PartyTable> parties_;
};

}  // namespace parley
