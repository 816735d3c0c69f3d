#pragma once
// Internal to the analysis unit (and an internal test header, scripts/check-layers.sh): the Pareto filter shared by pareto_indices, the enumerated
// frontier and the issue-merge frontier. Utilities are maximised; a point dominates another
// when it is >= in every coordinate and > in at least one.
//
// Algorithms (n points, k parties, h frontier points):
// - k = 2: a bucket prefilter in three linear passes (max u2 per u1-bucket; a point survives
//   only if it beats every bucket to its right), then sort the survivors and sweep:
//   O(n + s log s) for s survivors, O(n log n) at worst.
// - k >= 3: a pivot prefilter (drop points dominated by the maximisers of a few positive
//   weightings), then for k = 3 a lexicographic sort and a sweep over a 2-d staircase,
//   O(n log n), and for k >= 4 multidimensional divide and conquer, O(n log^(k-2) n).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::detail {

// A read-only view of n points: the utility of point i for party j is
// columns[j][i * stride]. Row-major data has columns[j] = data + j and stride = k;
// one array per party has stride = 1.
struct PointView {
  std::vector<const double*> columns;  // one per party
  std::size_t stride = 1;
  std::size_t count = 0;
  // Work the k >= 4 filter may do, in row comparisons (0: unbounded); past it pareto_front
  // throws FilterWorkExceeded. Its cost depends on how many points survive, which nothing
  // cheaper than the filter itself can tell: among many parties nearly all points do.
  std::uint64_t max_work = 0;
  std::uint64_t* work_spent = nullptr;  // if set, the k >= 4 filter adds the work it did

  double at(std::size_t i, std::size_t j) const { return columns[j][i * stride]; }
  std::size_t parties() const { return columns.size(); }
};

struct FilterWorkExceeded {
  std::uint64_t work = 0;  // row comparisons done when it stopped
};

// Below this many points the prefilters cost more than they save (tests use larger sets to
// exercise them).
inline constexpr std::size_t kPrefilterMin = 1024;

// Indices of the undominated points in ascending order. Of several points with the same
// utility vector only the smallest index is returned, so callers that number outcomes in
// lexicographic order get the lexicographically smallest representative.
// REQUIRES: parties() >= 1; no NaN.
std::vector<std::size_t> pareto_front(const PointView& points);

// The same for parties() >= 3 (pareto_many.cpp).
std::vector<std::size_t> pareto_front_many(const PointView& points);

}  // namespace parley::detail
