#pragma once
// A negotiation domain compiled once for fast, repeated negotiations: an enumerable outcome
// space and, per party at the table, its utility of every outcome plus the outcomes ranked by
// that utility (so a target utility is found in O(1) + O(log k), see PartyTable).
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

// One party's compiled view of the domain: its utility of every outcome, and the outcomes
// ranked in descending order of that utility (ties: ascending outcome index). Logically
// immutable: every accessor returns the same answer whenever, and from whichever thread, it
// is called.
//
// The ranking is built lazily, because a sweep draws fresh utilities for every run and a run
// only looks at a few utility levels (a time-based strategy asks for the outcomes just above
// a falling target; MiCRO for the first ranks). Construction is O(n): the outcomes are
// counting-sorted into at most kMaxRankBuckets buckets of equal utility width (a monotone map,
// so every bucket holds a contiguous run of ranks and equal utilities share a bucket), each
// in ascending outcome index. A bucket is sorted the first time an accessor needs a rank in
// it (O(k log k) for its k outcomes, once; no allocation), under the table's mutex; later
// accesses are O(log k). The first and last buckets are sorted at construction (they name
// best(), max_utility() and min_utility()). Memory: 12 bytes per outcome (utility and rank)
// plus 5 bytes per bucket. A whole-space ranking (ranked_span(0, size())) costs what the
// sort it replaces cost; numpy_first_of_tie always does (it needs numpy's whole order).
class PartyTable {
 public:
  // Most buckets of the ranking (see above): the bucket of a utility is found in O(1), and
  // 16,384 buckets keep a counting sort's write positions in cache.
  static constexpr std::size_t kMaxRankBuckets = 16384;
  // Outcomes per bucket aimed at when a space is small enough to have fewer buckets.
  static constexpr std::size_t kOutcomesPerBucket = 4;

  PartyTable() = default;
  // Buckets `utilities` (one per outcome, in index order): O(n), no sort.
  // REQUIRES: size < kNoOutcome. Throws std::invalid_argument for a NaN utility (NaN has no
  // place in a ranking).
  PartyTable(std::vector<double> utilities, double reservation_value, double discount);

  std::size_t size() const { return utility_.size(); }
  double utility(OutcomeIndex outcome) const { return utility_[outcome]; }
  std::span<const double> utilities() const { return utility_; }

  // The outcome of rank `rank` (0: the best). REQUIRES: rank < size(). O(log buckets), plus
  // sorting its bucket the first time.
  OutcomeIndex ranked(std::size_t rank) const;
  // Its utility: utility(ranked(rank)).
  double sorted_utility(std::size_t rank) const { return utility_[ranked(rank)]; }
  // The outcomes of ranks [first, last), in rank order; sorts the buckets they span on first
  // use (ranked_span(0, size()) is a full sort). REQUIRES: first <= last <= size(). The span
  // stays valid as long as the table.
  std::span<const OutcomeIndex> ranked_span(std::size_t first, std::size_t last) const;

  // O(1): worked out at construction.
  double max_utility() const { return max_utility_; }
  double min_utility() const { return min_utility_; }
  OutcomeIndex best() const { return best_; }  // ranked(0); kNoOutcome when empty
  double reservation_value() const { return reservation_value_; }
  double discount() const { return discount_; }

  // Rank of the last outcome with utility >= target, i.e. the outcome closest to `target`
  // from above; -1 when none reaches it. O(1) to find target's bucket, then O(log k) in it.
  std::int64_t rank_at_least(double target) const;
  // The outcome at rank_at_least(target): the lowest utility >= target, ties to the latest
  // rank (as NegMAS's presorted AspirationNegotiator picks); kNoOutcome when none. With a
  // non-empty filter, the closest *allowed* such outcome, scanning upwards in utility
  // (O(log k + skipped)); kNoOutcome if none is allowed at or above the target.
  OutcomeIndex at_least(double target, const OfferFilter* filter = nullptr) const;
  // The best allowed outcome (the first in rank order that the filter allows).
  OutcomeIndex best_allowed(const OfferFilter* filter) const;

  // How many outcomes have their rank worked out so far (the sizes of the sorted buckets; a
  // bucket of one counts from the start): how much of the space the runs on this table
  // needed. size() once everything was asked for. For tests and benchmarks.
  std::size_t outcomes_ranked() const;

  // Among the outcomes whose utility equals sorted_utility(rank), the one that numpy's
  // default argsort (kind "quicksort": an introsort, not stable) of utilities() puts first,
  // i.e. the one NegMAS 0.15's PresortingInverseUtilityFunction finds first with a
  // left-sided searchsorted. REQUIRES: 0 <= rank < size(). The first call works out the
  // order for every rank (one argsort of the whole space, 4 bytes per outcome) and keeps it;
  // later calls, from any thread, are O(1).
  OutcomeIndex numpy_first_of_tie(std::int64_t rank) const;

 private:
  struct RankIndex;  // the lazily sorted buckets behind ranked()
  struct NumpyTies;  // the lazily computed order behind numpy_first_of_tie
  std::size_t bucket_of_rank(std::size_t rank) const;
  // The outcomes of `bucket`, in rank order (sorted on first use). REQUIRES: a non-empty table.
  std::span<const OutcomeIndex> sorted_bucket(std::size_t bucket) const;
  void sort_bucket(std::size_t bucket) const;  // sorted_bucket's first time, under the mutex
  // In target's bucket (set), the end of the run of outcomes >= target. REQUIRES: a
  // non-empty table, target <= max_utility().
  std::span<const OutcomeIndex>::iterator end_at_least(double target, std::size_t& bucket) const;

  std::vector<double> utility_;
  double max_utility_ = 0, min_utility_ = 0;
  OutcomeIndex best_ = kNoOutcome;
  double reservation_value_ = 0;
  double discount_ = 1;
  // Shared by copies: the table is logically immutable, and the lazily sorted state is the
  // same for every copy.
  std::shared_ptr<RankIndex> index_;
  std::shared_ptr<NumpyTies> numpy_ties_;
};

class CompiledDomain {
 public:
  // REQUIRES: space.enumerable() and space.size() < kNoOutcome; every utility compiled for
  // `space`; 1 <= parties.size() <= kMaxParties (event.hpp). Cost: one utility evaluation and
  // O(1) bucketing per party and outcome (no sort: PartyTable ranks lazily).
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
