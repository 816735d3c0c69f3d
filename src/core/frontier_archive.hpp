#pragma once
// Internal to the rectangle search: the undominated utility vectors found so far, with the
// outcome that reaches each.
//
// Points are compared with an absolute tolerance kFrontierTolerance: a point is *covered*
// when some archived point is at least as good for every party up to the tolerance (so a
// point equal to an archived one, or better by less than the tolerance, is not new).
//
// - FrontierArchive2: two parties, kept sorted by the first party's utility ascending (the
//   second's is then strictly descending), so coverage is one binary search and the
//   staircase of "still open" corners can be walked in order.
// - FrontierArchiveK: any number of parties, a plain list (linear scans); used for k != 2.

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

#include "parley/core/outcome_space.hpp"

namespace parley::detail {

inline constexpr double kFrontierTolerance = 1e-9;

class FrontierArchive2 {
 public:
  struct Entry {
    double x = 0, y = 0;  // utilities of the first and second party
    Outcome outcome;
  };

  // True when an archived point is at least as good as (x, y) for both parties.
  bool covers(double x, double y) const {
    // First entry with entry.x >= x - tol: it has the largest y among those.
    auto it = std::lower_bound(entries_.begin(), entries_.end(), x - kFrontierTolerance,
                               [](const Entry& e, double value) { return e.x < value; });
    return it != entries_.end() && it->y >= y - kFrontierTolerance;
  }

  // Adds the point unless covered, dropping the archived points it covers. Returns whether
  // it was added.
  bool insert(double x, double y, const Outcome& outcome) {
    if (covers(x, y)) return false;
    // Entries with e.x <= x + tol form a prefix; among them those with e.y <= y + tol form a
    // suffix of that prefix (y descends), i.e. one contiguous range [first, last).
    auto last = std::upper_bound(entries_.begin(), entries_.end(), x + kFrontierTolerance,
                                 [](double value, const Entry& e) { return value < e.x; });
    auto first =
        std::partition_point(entries_.begin(), last, [&](const Entry& e) { return e.y > y + kFrontierTolerance; });
    first = entries_.erase(first, last);
    entries_.insert(first, Entry{x, y, outcome});
    return true;
  }

  // Sorted by x ascending, y strictly descending.
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

class FrontierArchiveK {
 public:
  struct Entry {
    std::vector<double> utilities;
    Outcome outcome;
  };

  explicit FrontierArchiveK(std::size_t parties) : parties_(parties) {}

  bool covers(std::span<const double> u) const {
    return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return at_least(e.utilities, u); });
  }

  bool insert(std::span<const double> u, const Outcome& outcome) {
    if (covers(u)) return false;
    std::erase_if(entries_, [&](const Entry& e) { return at_least(u, e.utilities); });
    entries_.push_back(Entry{std::vector<double>(u.begin(), u.end()), outcome});
    return true;
  }

  const std::vector<Entry>& entries() const { return entries_; }

 private:
  // a >= b - tol in every component.
  bool at_least(std::span<const double> a, std::span<const double> b) const {
    for (std::size_t p = 0; p < parties_; ++p)
      if (a[p] < b[p] - kFrontierTolerance) return false;
    return true;
  }

  std::size_t parties_;
  std::vector<Entry> entries_;
};

}  // namespace parley::detail
